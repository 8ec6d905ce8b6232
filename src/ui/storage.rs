//! The library in `localStorage`, under a versioned schema, stored so that a damaged entry
//! costs at most that entry and nothing is ever overwritten unread.
//!
//! Schema 2 (current): one entry per document, `wirediff.doc:<id>` = [`SavedDoc`], and an index
//! under [`KEY`] = [`Index`] (order, restored lines, next id). Seeds are stored by id (their
//! text only when the user edited it), so the five seeds cost almost nothing of the quota.
//! Schema 1 (before 2026-11-22): the whole library in one value under [`KEY`] ([`SavedV1`]);
//! it is read and migrated by the next save.
//!
//! Loading never fails: what parses is kept, what does not is set aside under
//! `wirediff.unreadable:<key>` (and kept in memory for a download), and the user is told how
//! much was recovered. Saving writes the documents first and the index last, so a save cut
//! short by a full quota leaves the previous index valid and the new entries recoverable.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::state::{Doc, Recovery, State};
use crate::seeds::SEEDS;

/// The index (schema 2) or, in schema 1, the whole library; the version is inside the value.
pub const KEY: &str = "wirediff.library";
/// One document per entry: this prefix and the document's id.
pub const DOC_PREFIX: &str = "wirediff.doc:";
/// Where an unreadable entry is copied before anything could overwrite it.
pub const ASIDE_PREFIX: &str = "wirediff.unreadable:";
/// Bumped when a field changes meaning; older values are migrated by [`load_from`].
pub const VERSION: u32 = 2;

/// Schema 2's index: everything but the documents' contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    /// Document ids in library order.
    pub order: Vec<String>,
    #[serde(default)]
    pub restored: Vec<(String, usize)>,
    #[serde(default)]
    pub next: u32,
}

/// One stored document (the same fields in schema 1 and 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDoc {
    pub id: String,
    pub seed: bool,
    /// `None` for a seed's own text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    pub included: bool,
}

/// Schema 1: the whole library in one value. Also the shape of the library export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedV1 {
    pub version: u32,
    pub docs: Vec<SavedDoc>,
    #[serde(default)]
    pub restored: Vec<(String, usize)>,
    #[serde(default)]
    pub next: u32,
}

/// A key-value store: `localStorage` in the browser, a map in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    /// Fails when the value cannot be stored (a full quota).
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
}

fn seed_text(id: &str) -> Option<&'static str> {
    SEEDS.iter().find(|s| s.name == id).map(|s| s.text)
}

fn saved_doc(d: &Doc) -> SavedDoc {
    SavedDoc {
        id: d.id.to_string(),
        seed: d.seed,
        text: (!d.seed || seed_text(&d.id) != Some(&*d.text)).then(|| d.text.to_string()),
        name: d.name.as_deref().map(String::from),
        outlet: d.outlet.as_deref().map(String::from),
        included: d.included,
    }
}

fn into_doc(d: SavedDoc) -> Option<Doc> {
    let text = match (d.text, d.seed) {
        (Some(t), _) => t,
        (None, true) => seed_text(&d.id)?.to_string(),
        (None, false) => return None,
    };
    let mut doc = Doc::pending(&d.id, &text, d.seed);
    doc.name = d.name.map(Rc::from);
    doc.outlet = d.outlet.map(Rc::from);
    doc.included = d.included;
    Some(doc)
}

/// The whole library as one JSON value (schema 1's shape, every text included): the download
/// offered when the browser will not store the library.
pub fn export_json(state: &State) -> String {
    let library = SavedV1 {
        version: VERSION,
        docs: state
            .docs
            .iter()
            .map(|d| SavedDoc { text: Some(d.text.to_string()), ..saved_doc(d) })
            .collect(),
        restored: state.restored_lines(),
        next: state.next,
    };
    serde_json::to_string_pretty(&library).unwrap_or_default()
}

/// The unreadable entries as one JSON object (key → raw value), for their download.
pub fn unreadable_json(recovery: &Recovery) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        recovery.unreadable.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
    serde_json::to_string_pretty(&map).unwrap_or_default()
}

/// The stored schema version of a value, if it is a JSON object with one.
fn version_of(raw: &str) -> Option<u64> {
    serde_json::from_str::<serde_json::Value>(raw).ok()?.get("version")?.as_u64()
}

/// Every complete document object in a damaged schema-1 value (e.g. one cut short): the
/// objects of its `"docs"` array up to the first one that does not parse.
fn salvage_docs(raw: &str) -> Vec<SavedDoc> {
    let Some(start) = raw.find("\"docs\"").and_then(|k| raw[k..].find('[').map(|b| k + b + 1)) else {
        return Vec::new();
    };
    let mut rest = &raw[start..];
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start().trim_start_matches(',').trim_start();
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<SavedDoc>();
        match stream.next() {
            Some(Ok(doc)) => {
                out.push(doc);
                rest = &rest[stream.byte_offset()..];
            }
            _ => return out,
        }
    }
}

/// Reads the library, or `None` on a first visit (nothing stored). Damaged values never stop
/// it: the readable documents are kept, the rest is set aside and described in
/// `state.recovery`.
pub fn load_from(store: &mut dyn Store) -> Option<State> {
    let index_raw = store.get(KEY);
    let mut doc_keys: Vec<String> = store.keys().into_iter().filter(|k| k.starts_with(DOC_PREFIX)).collect();
    doc_keys.sort();
    if index_raw.is_none() && doc_keys.is_empty() {
        return None;
    }
    let mut unreadable: Vec<(String, String)> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut order: Vec<String> = Vec::new();
    let mut restored = Vec::new();
    let mut next = 0;
    // Documents carried inside a schema-1 value.
    let mut inline: Vec<SavedDoc> = Vec::new();

    match index_raw {
        None => notes.push("the library’s index was missing".into()),
        Some(raw) => match version_of(&raw) {
            Some(1) => match serde_json::from_str::<SavedV1>(&raw) {
                Ok(v1) => {
                    order = v1.docs.iter().map(|d| d.id.clone()).collect();
                    (inline, restored, next) = (v1.docs, v1.restored, v1.next);
                }
                Err(_) => {
                    inline = salvage_docs(&raw);
                    order = inline.iter().map(|d| d.id.clone()).collect();
                    notes.push("the stored library was damaged".into());
                    unreadable.push((KEY.to_string(), raw));
                }
            },
            Some(2) => match serde_json::from_str::<Index>(&raw) {
                Ok(index) => (order, restored, next) = (index.order, index.restored, index.next),
                Err(_) => {
                    notes.push("the library’s index was damaged".into());
                    unreadable.push((KEY.to_string(), raw));
                }
            },
            Some(v) if v > u64::from(VERSION) => {
                notes.push(format!("the stored library comes from a newer wirediff (schema {v})"));
                unreadable.push((KEY.to_string(), raw));
            }
            _ => {
                // Not JSON, or no version: perhaps a schema-1 value cut short.
                inline = salvage_docs(&raw);
                order = inline.iter().map(|d| d.id.clone()).collect();
                notes.push("the library’s index was damaged".into());
                unreadable.push((KEY.to_string(), raw));
            }
        },
    }

    // Schema-2 entries win over schema-1 copies of the same document: they are newer (a
    // migration cut short by the quota leaves both).
    let mut entries: Vec<SavedDoc> = Vec::new();
    let mut bad_docs = 0;
    for key in &doc_keys {
        let raw = store.get(key).unwrap_or_default();
        match serde_json::from_str::<SavedDoc>(&raw) {
            Ok(doc) if key[DOC_PREFIX.len()..] == doc.id => entries.push(doc),
            _ => {
                bad_docs += 1;
                unreadable.push((key.clone(), raw));
            }
        }
    }
    for doc in inline {
        if !entries.iter().any(|e| e.id == doc.id) {
            entries.push(doc);
        }
    }
    // Library order first, then documents the index does not list (saved before an index
    // write that failed), seeds before the user's, user documents by number.
    let listed = |id: &str| order.iter().position(|o| o == id);
    let user_number = |id: &str| id.strip_prefix("user-").and_then(|n| n.parse::<u32>().ok());
    let mut orphans = 0;
    entries.sort_by_key(|d| (listed(&d.id).unwrap_or(usize::MAX), !d.seed, user_number(&d.id), d.id.clone()));
    let mut docs = Vec::new();
    for saved in entries {
        if listed(&saved.id).is_none() {
            orphans += 1;
        }
        docs.extend(into_doc(saved));
    }
    // Seeds the index lists whose entry is gone come back as they ship.
    for (k, id) in order.iter().enumerate() {
        if !docs.iter().any(|d| *d.id == **id) {
            if let Some(text) = seed_text(id) {
                let at = docs.iter().position(|d| listed(&d.id).is_none_or(|p| p > k)).unwrap_or(docs.len());
                docs.insert(at, Doc::pending(id, text, true));
            }
        }
    }

    let mut state = State::with_seeds();
    // Nothing readable at all: the seeds, rather than an empty page.
    if !docs.is_empty() || unreadable.is_empty() {
        state.docs = docs;
    }
    // The rest are described a batch per page task (`Action::Describe`).
    state.describe_batch();
    state.restored = restored
        .into_iter()
        .filter(|(d, _)| state.docs.iter().any(|x| *x.id == *d))
        .map(|(d, l)| (Rc::from(d), l))
        .collect();
    let max_user = state
        .docs
        .iter()
        .map(|d| d.id.to_string())
        .chain(unreadable.iter().filter_map(|(k, _)| k.strip_prefix(DOC_PREFIX).map(String::from)))
        .filter_map(|id| user_number(&id))
        .max();
    state.next = next.max(max_user.map_or(1, |m| m + 1));

    if bad_docs > 0 {
        notes.push(format!(
            "{bad_docs} stored document{} could not be read",
            if bad_docs == 1 { "" } else { "s" }
        ));
    }
    if orphans > 0 && !notes.is_empty() {
        notes.push(format!("{orphans} recovered from their own entries"));
    }
    if !notes.is_empty() || !unreadable.is_empty() {
        // Copy what could not be read aside, so no later save can overwrite it; the document
        // entries then leave their keys (an id is never reused: see `next` above).
        let mut kept_aside = true;
        for (key, raw) in &unreadable {
            let aside = format!("{ASIDE_PREFIX}{key}");
            match store.set(&aside, raw) {
                Ok(()) if key.starts_with(DOC_PREFIX) => store.remove(key),
                Ok(()) => {}
                Err(_) => kept_aside = false,
            }
        }
        let n = state.docs.iter().filter(|d| !d.seed).count();
        let mut notice = format!(
            "Part of the stored library could not be read: {}. Recovered {} of your documents{}.",
            notes.join("; "),
            n,
            if state.docs.iter().any(|d| d.seed) { " and the seeds" } else { "" },
        );
        if !unreadable.is_empty() {
            notice.push_str(if kept_aside {
                " The unreadable data is kept aside in this browser; you can download it."
            } else {
                " The unreadable data could not be kept aside (storage is full): download it now."
            });
        }
        state.recovery = Some(Rc::new(Recovery { notice, unreadable }));
    }
    Some(state)
}

/// The library as another tab just stored it, for [`State::adopt`]: [`load_from`], but only
/// the documents its index lists. That tab writes the index, then removes the entries of the
/// documents it dropped; read in between, those entries would come back as recovered.
pub fn load_listed(store: &mut dyn Store) -> Option<State> {
    let mut state = load_from(store)?;
    let index = store.get(KEY).and_then(|raw| serde_json::from_str::<Index>(&raw).ok());
    if let Some(index) = index.filter(|i| i.version == VERSION) {
        state.docs.retain(|d| index.order.iter().any(|id| **id == *d.id));
    }
    Some(state)
}

/// The lowest user document number no stored document or index has taken: another tab may
/// have added documents since this one loaded, and a number both took would make one tab's
/// save overwrite the other's document.
pub fn next_free(store: &dyn Store) -> u32 {
    let indexed = store
        .get(KEY)
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(&raw).ok())
        .and_then(|v| v.get("next")?.as_u64())
        .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let entries = store
        .keys()
        .iter()
        .filter_map(|k| {
            k.strip_prefix(DOC_PREFIX).or_else(|| k.strip_prefix(ASIDE_PREFIX)?.strip_prefix(DOC_PREFIX))
        })
        .filter_map(|id| id.strip_prefix("user-")?.parse::<u32>().ok())
        .map(|n| n.saturating_add(1))
        .max()
        .unwrap_or(0);
    indexed.max(entries)
}

/// Set ("1") while the stored library [`State::is_pristine`]: index.html then keeps the
/// build's snapshot of the overview for a returning visitor, as for a first visit
/// (scripts/prerender.mjs). Any other stored `wirediff.` key drops the snapshot.
pub const PRISTINE: &str = "wirediff.pristine";

/// Saves the library: changed documents first, then the index, then entries of removed
/// documents. The error says why it could not be (a full quota, storage disabled); whatever
/// was stored before stays readable.
pub fn save_to(store: &mut dyn Store, state: &State) -> Result<(), String> {
    begin_save(store, state);
    save_docs(store, &state.docs)?;
    save_index(store, state)
}

/// The first step of a save: a library that is not pristine drops the [`PRISTINE`] mark
/// before any of it is written, so that a save cut short never leaves the mark on a changed
/// library. [`save_index`] sets it once a pristine library is wholly stored.
pub fn begin_save(store: &mut dyn Store, state: &State) {
    if !state.is_pristine() {
        store.remove(PRISTINE);
    }
}

/// How many documents the page saves per task ([`save_docs`] then [`save_index`]): a library
/// of 200 articles is about 1.1 MB of JSON, 55-95 ms in one task on the test machine.
pub const SAVE_SLICE: usize = 20;

const FULL: &str = "the browser's storage is full";

/// Saves each of `docs` that is not stored as it is: the first step of [`save_to`], which the
/// page runs a [`SAVE_SLICE`] at a time. A save cut short before [`save_index`] loses nothing:
/// the library loads as saved before, with new documents already written after it.
pub fn save_docs(store: &mut dyn Store, docs: &[Doc]) -> Result<(), String> {
    for d in docs {
        let key = format!("{DOC_PREFIX}{}", d.id);
        let json = serde_json::to_string(&saved_doc(d)).map_err(|e| e.to_string())?;
        if store.get(&key).as_deref() != Some(json.as_str()) {
            store.set(&key, &json).map_err(|_| FULL.to_string())?;
        }
    }
    Ok(())
}

/// The last step of [`save_to`]: the index of `state`'s documents, then the removal of entries
/// of documents no longer listed.
pub fn save_index(store: &mut dyn Store, state: &State) -> Result<(), String> {
    let ids = state.docs.iter().map(|d| d.id.to_string()).collect();
    let index = Index { version: VERSION, order: ids, restored: state.restored_lines(), next: state.next };
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    if store.get(KEY).as_deref() != Some(json.as_str()) {
        store.set(KEY, &json).map_err(|_| FULL.to_string())?;
    }
    // Entries of removed documents go; an entry that does not parse is never removed here.
    let listed: std::collections::HashSet<&str> = index.order.iter().map(String::as_str).collect();
    for key in store.keys() {
        let Some(id) = key.strip_prefix(DOC_PREFIX) else { continue };
        if !listed.contains(id)
            && store.get(&key).is_some_and(|raw| serde_json::from_str::<SavedDoc>(&raw).is_ok())
        {
            store.remove(&key);
        }
    }
    // Only a hint for index.html: a full quota leaves it unset, which costs the snapshot alone.
    if state.is_pristine() {
        let _ = store.set(PRISTINE, "1");
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    /// `localStorage` as a [`super::Store`].
    pub struct Local(pub web_sys::Storage);

    impl super::Store for Local {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get_item(key).ok().flatten()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
            self.0.set_item(key, value).map_err(|e| format!("{e:?}"))
        }
        fn remove(&mut self, key: &str) {
            let _ = self.0.remove_item(key);
        }
        fn keys(&self) -> Vec<String> {
            let n = self.0.length().unwrap_or(0);
            (0..n).filter_map(|k| self.0.key(k).ok().flatten()).collect()
        }
    }

    pub fn local() -> Option<Local> {
        Some(Local(web_sys::window()?.local_storage().ok()??))
    }
}

/// What [`save_to`] stores of a state, held by reference: saving again is needed only when it
/// changes (a document's description, [`crate::ui::state::Doc::about`], is not stored).
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The documents without their descriptions; their texts compare by pointer first (see
    /// `Doc`'s `PartialEq`), so an unchanged library compares in a few steps per document.
    docs: Vec<Doc>,
    restored: Vec<(Rc<str>, usize)>,
    next: u32,
}

impl Stored {
    pub fn of(state: &State) -> Stored {
        let docs = state.docs.iter().map(|d| Doc { about: None, ..d.clone() }).collect();
        Stored { docs, restored: state.restored.clone(), next: state.next }
    }
}

/// Loads the library, or `None` on a first visit (or when storage is unavailable).
#[cfg(target_arch = "wasm32")]
pub fn load() -> Option<State> {
    load_from(&mut browser::local()?)
}

/// [`load_listed`] on the browser's storage.
#[cfg(target_arch = "wasm32")]
pub fn load_listed_here() -> Option<State> {
    load_listed(&mut browser::local()?)
}

/// [`next_free`] on the browser's storage (0 when there is none).
#[cfg(target_arch = "wasm32")]
pub fn next_free_here() -> u32 {
    browser::local().map_or(0, |store| next_free(&store))
}

/// Saves the library; the error says why it could not be (a full quota, storage disabled).
#[cfg(target_arch = "wasm32")]
pub fn save(state: &State) -> Result<(), String> {
    save_to(&mut local()?, state)
}

/// [`begin_save`] on the browser's storage.
#[cfg(target_arch = "wasm32")]
pub fn begin_save_here(state: &State) {
    if let Ok(mut store) = local() {
        begin_save(&mut store, state);
    }
}

/// [`save_docs`] on the browser's storage.
#[cfg(target_arch = "wasm32")]
pub fn save_docs_here(docs: &[Doc]) -> Result<(), String> {
    save_docs(&mut local()?, docs)
}

/// [`save_index`] on the browser's storage.
#[cfg(target_arch = "wasm32")]
pub fn save_index_here(state: &State) -> Result<(), String> {
    save_index(&mut local()?, state)
}

#[cfg(target_arch = "wasm32")]
fn local() -> Result<browser::Local, String> {
    browser::local().ok_or_else(|| "this browser does not let the page store data".to_string())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::ui::state::{Action, NewDoc};

    /// An in-memory store; `limit` makes writes past that many bytes fail like a full quota.
    #[derive(Default, Clone)]
    struct Mem {
        map: BTreeMap<String, String>,
        limit: Option<usize>,
    }

    impl Store for Mem {
        fn get(&self, key: &str) -> Option<String> {
            self.map.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
            let used: usize =
                self.map.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if self.limit.is_some_and(|l| used + key.len() + value.len() > l) {
                return Err("QuotaExceededError".into());
            }
            self.map.insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&mut self, key: &str) {
            self.map.remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.map.keys().cloned().collect()
        }
    }

    fn user(title: &str, text: &str) -> NewDoc {
        NewDoc {
            title: title.into(),
            outlet: "".into(),
            text: text.into(),
            source: "pasted text".into(),
            note: None,
        }
    }

    /// Seeds (one renamed, one excluded, one with a restored line) and two user documents.
    fn library() -> State {
        State::with_seeds()
            .apply(Action::Import(vec![
                Ok(user("Mine", "A user story with “quotes”.")),
                Ok(user("", "Another story, from an outlet.")),
            ]))
            .apply(Action::Rename(SEEDS[0].name.into(), "Fox".into()))
            .apply(Action::SetIncluded(SEEDS[1].name.into(), false))
            .apply(Action::ToggleRestored(SEEDS[2].name.into(), 4))
    }

    fn same_library(a: &State, b: &State) {
        assert_eq!(a.docs, b.docs);
        assert_eq!((&a.restored, a.next), (&b.restored, b.next));
    }

    #[test]
    fn the_pristine_mark_follows_the_stored_library() {
        let seeds = State::with_seeds();
        let mut store = Mem::default();
        save_to(&mut store, &seeds).unwrap();
        assert_eq!(store.get(PRISTINE).as_deref(), Some("1"));
        assert!(load_from(&mut store.clone()).unwrap().is_pristine(), "the seeds come back as they were");
        // A changed library drops the mark before anything of it is written: a save that the
        // quota cuts short at its first document leaves no mark on a half-changed library.
        let changed = seeds.apply(Action::Import(vec![Ok(user("Mine", "A user story."))]));
        let mut full =
            Mem { limit: Some(store.map.iter().map(|(k, v)| k.len() + v.len()).sum()), ..store.clone() };
        assert!(save_to(&mut full, &changed).is_err());
        assert_eq!(full.get(PRISTINE), None);
        save_to(&mut store, &changed).unwrap();
        assert_eq!(store.get(PRISTINE), None);
        // Back to the seeds (the document removed): marked again.
        save_to(&mut store, &changed.apply(Action::Remove("user-1".into()))).unwrap();
        assert_eq!(store.get(PRISTINE).as_deref(), Some("1"));
        // A seed excluded, renamed or given a restored line is no longer the build's overview.
        for step in [
            Action::SetIncluded(SEEDS[1].name.into(), false),
            Action::Rename(SEEDS[0].name.into(), "Fox".into()),
            Action::ToggleRestored(SEEDS[2].name.into(), 4),
        ] {
            let mut store = Mem::default();
            save_to(&mut store, &seeds.clone().apply(step)).unwrap();
            assert_eq!(store.get(PRISTINE), None);
        }
    }

    #[test]
    fn a_library_survives_a_round_trip_and_seeds_are_stored_by_id() {
        let state = library();
        let mut store = Mem::default();
        save_to(&mut store, &state).unwrap();
        assert_eq!(store.map.len(), 8, "an index and one entry per document: {:?}", store.keys());
        let seeds: usize =
            SEEDS.iter().map(|s| store.get(&format!("{DOC_PREFIX}{}", s.name)).unwrap().len()).sum();
        assert!(seeds < 600, "seed texts are not copied: {seeds} bytes");
        let back = load_from(&mut store.clone()).expect("stored");
        same_library(&back, &state);
        assert_eq!(back.recovery, None);
        // Removing a document removes its entry.
        let fewer = state.apply(Action::Remove("user-1".into()));
        save_to(&mut store, &fewer).unwrap();
        assert!(store.get(&format!("{DOC_PREFIX}user-1")).is_none());
        same_library(&load_from(&mut store).unwrap(), &fewer);
        assert_eq!(load_from(&mut Mem::default()), None, "a first visit");
    }

    #[test]
    fn a_save_in_slices_stores_what_one_save_does_and_one_cut_short_keeps_the_last() {
        let before = library();
        let many: Vec<_> = (0..45).map(|k| Ok(user("", &format!("Story {k}: the council met.")))).collect();
        let after = before.apply(Action::Import(many));
        let mut whole = Mem::default();
        save_to(&mut whole, &before).unwrap();
        let mut sliced = whole.clone();
        save_to(&mut whole, &after).unwrap();
        let slices: Vec<_> = after.docs.chunks(SAVE_SLICE).collect();
        assert_eq!(slices.len(), 3);
        for (k, slice) in slices.iter().enumerate() {
            save_docs(&mut sliced, slice).unwrap();
            if k == 0 {
                // Cut short here (the tab closed): the library saved before loads, with the new
                // documents saved so far after it (entries the index does not list yet).
                let back = load_from(&mut sliced.clone()).expect("stored");
                let ids = |s: &State| s.docs.iter().map(|d| d.id.to_string()).collect::<Vec<_>>();
                assert_eq!(ids(&back), ids(&after)[..SAVE_SLICE]);
                let bare =
                    |docs: &[Doc]| docs.iter().map(|d| Doc { about: None, ..d.clone() }).collect::<Vec<_>>();
                assert_eq!(bare(&back.docs[..before.docs.len()]), bare(&before.docs));
            }
        }
        save_index(&mut sliced, &after).unwrap();
        assert_eq!(sliced.map, whole.map);
        // As stored: documents and their order, restored lines, the next number (descriptions
        // are not stored).
        assert_eq!(Stored::of(&load_from(&mut sliced).expect("stored")), Stored::of(&after));
    }

    /// The exact value the schema-1 app (`Saved::to_json`) wrote for `library()`.
    const V1: &str = r#"{"version":1,"docs":[{"id":"000_6d56e44ee70418c7.txt","seed":true,"name":"Fox","included":true},{"id":"001_3d5a461e3cf8af1d.txt","seed":true,"included":false},{"id":"002_0f0b4fcfe3fe9018.txt","seed":true,"included":true},{"id":"003_c8aab0e42c361f70.txt","seed":true,"included":true},{"id":"004_056fa72ee288ad71.txt","seed":true,"included":true},{"id":"user-1","seed":false,"text":"A user story with “quotes”.","name":"Mine","included":true},{"id":"user-2","seed":false,"text":"Another story, from an outlet.","included":true}],"restored":[["002_0f0b4fcfe3fe9018.txt",4]],"next":3}"#;

    #[test]
    fn schema_1_is_read_and_migrated_by_the_next_save() {
        let mut store = Mem::default();
        store.set(KEY, V1).unwrap();
        let state = load_from(&mut store).expect("a schema-1 library loads");
        same_library(&state, &library());
        assert_eq!(state.recovery, None, "a migration is not a failure");
        save_to(&mut store, &state).unwrap();
        assert_eq!(version_of(&store.get(KEY).unwrap()), Some(2));
        assert!(store.get(&format!("{DOC_PREFIX}user-1")).unwrap().contains("A user story"));
        same_library(&load_from(&mut store).unwrap(), &library());
    }

    #[test]
    fn a_migration_cut_short_by_the_quota_loses_nothing() {
        let mut store = Mem { limit: Some(V1.len() + 700), ..Mem::default() };
        store.set(KEY, V1).unwrap();
        let state = load_from(&mut store).unwrap().apply(Action::Rename("user-2".into(), "Renamed".into()));
        assert!(save_to(&mut store, &state).is_err(), "the quota stops the migration");
        assert_eq!(store.get(KEY).as_deref(), Some(V1), "the old value is intact");
        let back = load_from(&mut store).unwrap();
        assert_eq!(back.docs.len(), 7);
        assert_eq!(back.recovery, None);
    }

    #[test]
    fn a_damaged_entry_costs_only_that_entry_and_is_kept_aside() {
        let mut store = Mem::default();
        save_to(&mut store, &library()).unwrap();
        let key = format!("{DOC_PREFIX}user-1");
        store.set(&key, "{\"id\":\"user-1\",\"seed\":fal").unwrap();
        let state = load_from(&mut store).unwrap();
        assert_eq!(state.docs.len(), 6);
        assert!(state.doc("user-2").is_some() && state.doc("user-1").is_none());
        let recovery = state.recovery.clone().expect("the user is told");
        assert!(recovery.notice.contains("1 stored document could not be read"), "{}", recovery.notice);
        assert!(
            recovery.notice.contains("Recovered 1 of your documents and the seeds"),
            "{}",
            recovery.notice
        );
        assert_eq!(recovery.unreadable, vec![(key.clone(), "{\"id\":\"user-1\",\"seed\":fal".to_string())]);
        assert_eq!(
            store.get(&format!("{ASIDE_PREFIX}{key}")).as_deref(),
            Some("{\"id\":\"user-1\",\"seed\":fal")
        );
        assert!(store.get(&key).is_none(), "moved aside");
        assert_eq!(state.next, 3, "the damaged document's id is not reused");
        assert!(unreadable_json(&recovery).contains("seed\\\":fal"));
        save_to(&mut store, &state).unwrap();
        assert!(store.get(&format!("{ASIDE_PREFIX}{key}")).is_some(), "saving keeps what was set aside");
    }

    #[test]
    fn a_damaged_index_or_schema_1_value_keeps_every_readable_document() {
        // Index garbage: the documents come back from their entries.
        let mut store = Mem::default();
        save_to(&mut store, &library()).unwrap();
        store.set(KEY, "{\"version\":2,\"order\":[\"000").unwrap();
        let state = load_from(&mut store).unwrap();
        assert_eq!(state.docs.len(), 7);
        assert_eq!(state.docs.iter().filter(|d| d.seed).count(), 5);
        assert_eq!(state.doc("user-2").unwrap().text.as_ref(), "Another story, from an outlet.");
        assert!(state.recovery.as_ref().unwrap().notice.contains("index was damaged"));
        assert!(store.get(&format!("{ASIDE_PREFIX}{KEY}")).is_some());
        // A schema-1 value cut short: the complete documents before the cut are kept.
        let cut = &V1[..V1.find("Another story").unwrap()];
        let mut store = Mem::default();
        store.set(KEY, cut).unwrap();
        let state = load_from(&mut store).unwrap();
        let ids: Vec<&str> = state.docs.iter().map(|d| &*d.id).collect();
        assert_eq!(ids.len(), 6, "{ids:?}");
        assert_eq!(state.doc("user-1").unwrap().title(), "Mine");
        assert!(state.recovery.as_ref().unwrap().notice.contains("damaged"));
        // Plain garbage and a newer schema: the seeds, a notice, the value kept aside.
        for raw in ["not json at all", r#"{"version":99,"docs":[]}"#] {
            let mut store = Mem::default();
            store.set(KEY, raw).unwrap();
            let state = load_from(&mut store).unwrap();
            assert_eq!(state.docs, State::with_seeds().docs, "{raw}");
            assert_eq!(state.recovery.as_ref().unwrap().unreadable[0].1, raw);
            assert_eq!(store.get(&format!("{ASIDE_PREFIX}{KEY}")).as_deref(), Some(raw));
        }
    }

    #[test]
    fn documents_saved_before_a_failed_index_write_are_recovered() {
        let mut store = Mem::default();
        save_to(&mut store, &library()).unwrap();
        let more = library().apply(Action::Import(vec![Ok(user("Third", "A third story here."))]));
        let index_before = store.get(KEY).unwrap();
        save_to(&mut store, &more).unwrap();
        store.set(KEY, &index_before).unwrap(); // as if the index write had failed
        let state = load_from(&mut store).unwrap();
        assert_eq!(state.docs.last().unwrap().title(), "Third");
        assert_eq!(state.next, 4);
    }

    #[test]
    fn two_tabs_number_their_documents_from_the_stored_counter_and_keep_each_others() {
        // Both tabs load the same stored library; tab A adds and saves first.
        let mut store = Mem::default();
        save_to(&mut store, &State::with_seeds()).unwrap();
        let a = load_from(&mut store.clone()).unwrap();
        let b = load_from(&mut store.clone()).unwrap();
        let known = |s: &State| s.docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        let b_known = known(&b);
        let a = a.apply(Action::Import(vec![Ok(user("Tab A", "Tab A story, pasted first."))]));
        save_to(&mut store, &a).unwrap();
        assert_eq!(next_free(&store), 2);
        // Tab B numbers from the stored counter, then takes in what A stored ...
        let b = b
            .apply(Action::ReserveIds(next_free(&store)))
            .apply(Action::Import(vec![Ok(user("Tab B", "Tab B story, pasted second."))]));
        assert_eq!(b.docs.last().map(|d| &*d.id), Some("user-2"));
        let stored = Rc::new(load_from(&mut store.clone()).unwrap());
        let b = b.apply(Action::Adopt { stored, known: Rc::new(b_known) });
        save_to(&mut store, &b).unwrap();
        // ... so a reload keeps both, whichever tab saved last.
        let titles =
            |s: &State| s.docs.iter().filter(|d| !d.seed).map(|d| d.title().to_string()).collect::<Vec<_>>();
        assert_eq!(titles(&load_from(&mut store.clone()).unwrap()), ["Tab A", "Tab B"]);
        assert_eq!(next_free(&store), 3);
        // An entry set aside still holds its number.
        store.set(&format!("{ASIDE_PREFIX}{DOC_PREFIX}user-9"), "garbage").unwrap();
        assert_eq!(next_free(&store), 10);
        assert_eq!(next_free(&Mem::default()), 0);
    }

    #[test]
    fn another_tab_s_removal_read_before_its_entry_goes_is_not_recovered() {
        let mut store = Mem::default();
        let state = library();
        save_to(&mut store, &state).unwrap();
        // The other tab removed user-1 and wrote its index; the entry is not removed yet.
        let fewer = state.apply(Action::Remove("user-1".into()));
        save_docs(&mut store, &fewer.docs).unwrap();
        let index = Index {
            version: VERSION,
            order: fewer.docs.iter().map(|d| d.id.to_string()).collect(),
            restored: fewer.restored_lines(),
            next: fewer.next,
        };
        store.set(KEY, &serde_json::to_string(&index).unwrap()).unwrap();
        assert!(store.get(&format!("{DOC_PREFIX}user-1")).is_some());
        assert!(load_from(&mut store.clone()).unwrap().doc("user-1").is_some(), "a reload recovers it");
        let listed = load_listed(&mut store).unwrap();
        assert_eq!(Stored::of(&listed), Stored::of(&fewer));
    }

    #[test]
    fn the_export_holds_every_text() {
        let json = export_json(&library());
        let back: SavedV1 = serde_json::from_str(&json).unwrap();
        assert_eq!(back.docs.len(), 7);
        assert!(back.docs.iter().all(|d| d.text.as_deref().is_some_and(|t| !t.is_empty())));
    }
}
