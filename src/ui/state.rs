//! The app's state and the pure reducer that changes it. No browser types: tested natively.
//!
//! The state is the library (seeds and the user's documents), the current view, the lines the
//! user restored, the pair view's filters and the messages shown next to the inputs. The report
//! is derived from it (see [`State::inputs`]) and never stored here.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::engine::clean::{clean, CleanConfig};
use crate::engine::document::{title, word_count, TitleConfig};
use crate::engine::language::{identify, odd_ones_out};
use crate::engine::report::{LinkKind, Report};
use crate::engine::Input;
use crate::seeds::SEEDS;

use super::format::{count, fixed, thousands};
use super::route::Route;

/// One document of the library; title and word count come from the engine.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Stable id: the file name for seeds, `user-<n>` for the user's documents.
    pub id: Rc<str>,
    pub seed: bool,
    pub text: Rc<str>,
    /// The title the user gave, if any.
    pub name: Option<Rc<str>>,
    /// The outlet the user gave, if any (else the engine's guess is shown).
    pub outlet: Option<Rc<str>>,
    pub included: bool,
    /// What the engine finds in the cleaned text; `None` until the document is described.
    /// Describing means cleaning the whole text (about 1 ms per article natively, several in
    /// wasm), so one change describes at most [`DESCRIBE_BATCH`] documents and leaves the rest
    /// to [`Action::Describe`], which the app sends, a batch per page task, until none is left.
    pub about: Option<About>,
}

/// By value, but a shared text compares by pointer: `Rc<str>`'s own `==` compares the bytes
/// even of one allocation (std's pointer shortcut needs a sized `T`), and the props and
/// effect dependencies that hold 200 articles compared a megabyte each render (114 ms of a
/// 200-article import, profiled).
impl PartialEq for Doc {
    fn eq(&self, other: &Doc) -> bool {
        let same = |a: &Rc<str>, b: &Rc<str>| Rc::ptr_eq(a, b) || a == b;
        same(&self.id, &other.id)
            && self.seed == other.seed
            && same(&self.text, &other.text)
            && self.name == other.name
            && self.outlet == other.outlet
            && self.included == other.included
            && self.about == other.about
    }
}

/// A document's headline and word count, as the engine finds them in its cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    /// The headline found in the cleaned text (the id when there is none).
    pub title: Rc<str>,
    pub words: usize,
    /// The language of the raw text, as [`identify`] tells it.
    pub language: Option<&'static str>,
}

impl About {
    fn of(id: &str, text: &str) -> About {
        if let Some(seed) = SEEDS.iter().find(|s| s.text == text) {
            return About { title: seed.title.into(), words: seed.words, language: seed.language };
        }
        let cleaned = clean(text, &CleanConfig::default());
        let found = title(&cleaned.text, &TitleConfig::default());
        About {
            title: if found.is_empty() { id.into() } else { found.into() },
            words: word_count(&cleaned.text),
            language: identify(text),
        }
    }
}

/// The most documents one change to the library describes (see [`Doc::about`]); more than
/// [`MAX_ADDED_MESSAGES`], so the messages about an import always name described documents.
pub const DESCRIBE_BATCH: usize = 8;

impl Doc {
    /// A described document.
    pub fn new(id: &str, text: &str, seed: bool) -> Self {
        Doc { about: Some(About::of(id, text)), ..Doc::pending(id, text, seed) }
    }

    /// A document not described yet (see [`Doc::about`]).
    pub fn pending(id: &str, text: &str, seed: bool) -> Self {
        Doc { id: id.into(), seed, text: text.into(), name: None, outlet: None, included: true, about: None }
    }

    /// `other`'s text (and what describes it) under this document's name, outlet and
    /// inclusion: an edit, or its undo, changes the text alone.
    fn with_text_of(&self, other: Doc) -> Doc {
        Doc { name: self.name.clone(), outlet: self.outlet.clone(), included: self.included, ..other }
    }

    /// The title shown: the user's, else the detected headline; until the document is
    /// described, the start of its first line.
    pub fn title(&self) -> &str {
        if let Some(name) = &self.name {
            return name;
        }
        match &self.about {
            Some(about) => &about.title,
            None => first_line(&self.text).unwrap_or(&self.id),
        }
    }

    /// A seed whose text the user edited (labelled so in the library).
    pub fn edited_seed(&self) -> bool {
        self.seed && SEEDS.iter().find(|s| s.name == &*self.id).is_some_and(|s| s.text != &*self.text)
    }

    /// The language the text is written in, once described, if [`identify`] can tell. Not
    /// guessed before: the app renders the labels, and so this, for every document on every
    /// change, and a bulk import is described a batch at a time after its analysis.
    pub fn language(&self) -> Option<&'static str> {
        self.about.as_ref().and_then(|a| a.language)
    }

    /// The word count of the cleaned text, once described.
    pub fn words(&self) -> Option<usize> {
        self.about.as_ref().map(|a| a.words)
    }

    fn describe(&mut self) {
        if self.about.is_none() {
            self.about = Some(About::of(&self.id, &self.text));
        }
    }
}

/// The first line of `text` with a letter or digit, trimmed and cut to at most 90 bytes at a
/// char boundary: a stand-in title, cheap to find.
fn first_line(text: &str) -> Option<&str> {
    let line = text.lines().map(str::trim).find(|l| l.chars().any(char::is_alphanumeric))?;
    let mut end = line.len().min(90);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    Some(&line[..end])
}

/// A hash of `text`'s words, blind to spacing: equal for texts that are the same up to spacing
/// (FNV-1a over the words, each followed by a space).
fn words_key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in text.split_whitespace() {
        for &b in word.as_bytes().iter().chain(b" ") {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// How the views name one document of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub id: String,
    /// The outlet (the user's, else the engine's guess), else the title cut short; unique.
    pub short: String,
    /// The full title.
    pub title: String,
    /// The outlet the user gave, else the one the engine found.
    pub outlet: Option<String>,
    /// The language of the document's text (see [`Doc::language`]).
    pub language: Option<&'static str>,
}

/// `text` cut to at most `max` chars at a word boundary, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&k| k > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ', '—']))
}

/// The most documents compared at once (200 articles and the five seeds fit): the library holds
/// any number, and the first this many included ones are analysed (a 500 × 500 heatmap helps
/// no one and would stall the page).
pub const MAX_COMPARED: usize = 250;

/// Above this many documents added at once, one message sums them up instead of one each.
const MAX_ADDED_MESSAGES: usize = 5;

/// The message shown when another tab changed the stored library (see [`State::adopt`]).
pub const CHANGED_ELSEWHERE: &str = "The library was changed in another tab; this tab now shows it.";

/// Why a text is refused for its size, the same limit as for files (a 20 MB paste stalled
/// the analysis for minutes): "the text is 3.0 MB; the limit is 2 MB".
pub fn too_large(text: &str) -> Option<String> {
    (text.len() > super::files::MAX_BYTES).then(|| {
        format!("the text is {} MB; the limit is 2 MB", fixed(text.len() as f64 / (1024.0 * 1024.0), 1))
    })
}

/// A message shown next to the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub error: bool,
    pub text: String,
}

/// The last document removed, kept in memory (not stored) so that Remove can be undone: the
/// document, its place in the library, and the lines restored in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub doc: Doc,
    pub at: usize,
    pub restored: Vec<(Rc<str>, usize)>,
}

/// A document's text before its last edit, kept in memory (not stored) so that Edit can be
/// undone: the document as it was and the lines restored in it then.
#[derive(Debug, Clone, PartialEq)]
pub struct Edited {
    pub doc: Doc,
    pub restored: Vec<(Rc<str>, usize)>,
}

/// What loading the stored library could not read, and what it did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Shown in the library: what was damaged and what was recovered.
    pub notice: String,
    /// (storage key, raw value) of each unreadable entry, offered as a download.
    pub unreadable: Vec<(String, String)>,
}

/// A document read from a file or pasted, ready to join the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDoc {
    pub title: String,
    pub outlet: String,
    pub text: String,
    /// Where it came from, for the message: "pasted text", a file name.
    pub source: String,
    /// E.g. "read as Windows-1252".
    pub note: Option<String>,
}

/// What the pair view hides: a link kind, or the unique sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Kind(LinkKind),
    Unique,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub docs: Vec<Doc>,
    pub route: Route,
    /// Raw lines the user restored: (document id, 1-based line).
    pub restored: Vec<(Rc<str>, usize)>,
    /// Filters switched off in the pair view.
    pub hidden: Vec<Filter>,
    /// The document whose text is open in the library.
    pub open: Option<Rc<str>>,
    pub messages: Vec<Message>,
    /// Set when saving failed (e.g. the quota is full): documents live in memory only.
    pub storage_error: Option<String>,
    /// The next user document number.
    pub next: u32,
    /// Set when the stored library was partly unreadable (see `storage::load_from`).
    pub recovery: Option<Rc<Recovery>>,
    /// The last document removed, until it is put back or the library is reset.
    pub removed: Option<Rc<Removed>>,
    /// The text of the last document edited before the edit, until it is put back, the
    /// document is removed or the library is reset.
    pub edited: Option<Rc<Edited>>,
}

/// What the user (or the browser) can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Navigate(Route),
    /// Add documents; each error is (source, message) and is shown, nothing else changes.
    Import(Vec<Result<NewDoc, (String, String)>>),
    SetIncluded(Rc<str>, bool),
    Rename(Rc<str>, String),
    SetOutlet(Rc<str>, String),
    Edit(Rc<str>, String),
    Remove(Rc<str>),
    /// Put the last removed document back where it was.
    UndoRemove,
    /// Give the last edited document its text from before the edit back.
    UndoEdit,
    /// Back to the five seeds; the user's documents are dropped.
    Reset,
    /// Restore a removed line, or undo that.
    ToggleRestored(Rc<str>, usize),
    ToggleFilter(Filter),
    /// Open or close a document's text in the library.
    ToggleOpen(Rc<str>),
    /// Describe the next [`DESCRIBE_BATCH`] documents not described yet (see [`Doc::about`]).
    Describe,
    StorageFailed(Option<String>),
    /// Number new documents from at least this: another tab may have taken the numbers
    /// below it (the stored index's counter, read just before an import).
    ReserveIds(u32),
    /// Another tab stored the library: take its documents (see [`State::adopt`]).
    Adopt {
        stored: Rc<State>,
        known: Rc<Vec<Rc<str>>>,
    },
    DismissMessages,
    DismissRecovery,
}

impl State {
    /// The first-visit state: the five seeds, all included, the overview.
    pub fn with_seeds() -> Self {
        State {
            docs: SEEDS.iter().map(|s| Doc::new(s.name, s.text, true)).collect(),
            route: Route::Overview,
            restored: Vec::new(),
            hidden: Vec::new(),
            open: None,
            messages: Vec::new(),
            storage_error: None,
            next: 1,
            recovery: None,
            removed: None,
            edited: None,
        }
    }

    /// The engine's inputs: the included documents in library order, at most
    /// [`MAX_COMPARED`] of them (see [`State::over_limit`]).
    pub fn inputs(&self) -> Vec<Input> {
        self.docs
            .iter()
            .filter(|d| d.included)
            .take(MAX_COMPARED)
            .map(|d| Input { id: d.id.to_string(), text: d.text.to_string() })
            .collect()
    }

    /// The ids and texts of [`State::inputs`], shared: comparing them (by pointer) is cheap,
    /// so the app rebuilds the inputs only when they change.
    pub fn compared(&self) -> Vec<(Rc<str>, Rc<str>)> {
        self.docs
            .iter()
            .filter(|d| d.included)
            .take(MAX_COMPARED)
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect()
    }

    /// How many documents are included, when that is more than are compared.
    pub fn over_limit(&self) -> Option<usize> {
        let n = self.docs.iter().filter(|d| d.included).count();
        (n > MAX_COMPARED).then_some(n)
    }

    /// The library as built: the seeds in order, unedited, all included, with no title,
    /// outlet or restored line given. The build's snapshot of the overview
    /// (scripts/prerender.mjs) is of exactly this library, so a returning visitor whose stored
    /// library is this one may be shown it (see `storage::PRISTINE`).
    pub fn is_pristine(&self) -> bool {
        self.restored.is_empty()
            && self.docs.len() == SEEDS.len()
            && self.docs.iter().zip(SEEDS).all(|(d, s)| {
                d.seed
                    && d.included
                    && d.name.is_none()
                    && d.outlet.is_none()
                    && *d.id == *s.name
                    && *d.text == *s.text
            })
    }

    /// The restored lines of included documents, as the engine takes them.
    pub fn restored_lines(&self) -> Vec<(String, usize)> {
        self.restored.iter().map(|(d, l)| (d.to_string(), *l)).collect()
    }

    /// Names for the report's documents, in report order.
    pub fn labels(&self, report: &Report) -> Vec<Label> {
        let docs: HashMap<&str, &Doc> = self.docs.iter().map(|d| (&*d.id, d)).collect();
        let mut taken: HashSet<String> = HashSet::new();
        let mut out: Vec<Label> = Vec::with_capacity(report.documents.len());
        for d in &report.documents {
            let doc = docs.get(d.id.as_str());
            // A document not described yet takes the headline the analysis found, which its
            // description finds again: describing it later leaves the labels, and so the
            // views drawn from them, unchanged.
            let title = match doc {
                Some(x) if x.name.is_none() && x.about.is_none() && !d.title.is_empty() => d.title.clone(),
                Some(x) => x.title().to_string(),
                None => d.title.clone(),
            };
            let outlet = doc.and_then(|x| x.outlet.as_deref().map(String::from)).or_else(|| d.outlet.clone());
            let base = outlet.clone().unwrap_or_else(|| shorten(&title, 26));
            let mut short = base.clone();
            for k in 2.. {
                if !taken.contains(&short) {
                    break;
                }
                short = format!("{base} ({k})");
            }
            taken.insert(short.clone());
            let language = doc.and_then(|x| x.language());
            out.push(Label { id: d.id.clone(), short, title, outlet, language });
        }
        out
    }

    /// The main language of the included documents and those written in another (see
    /// [`odd_ones_out`]); `None` while they share one language, as far as can be told.
    pub fn odd_languages(&self) -> Option<(&'static str, Vec<Rc<str>>)> {
        let included: Vec<&Doc> = self.docs.iter().filter(|d| d.included).collect();
        let languages: Vec<Option<&'static str>> = included.iter().map(|d| d.language()).collect();
        let (main, odd) = odd_ones_out(&languages)?;
        Some((main, odd.into_iter().map(|i| included[i].id.clone()).collect()))
    }

    /// Whether some document is not described yet (see [`Doc::about`]).
    pub fn undescribed(&self) -> bool {
        self.docs.iter().any(|d| d.about.is_none())
    }

    /// Describes the first [`DESCRIBE_BATCH`] documents not described yet.
    pub fn describe_batch(&mut self) {
        for d in self.docs.iter_mut().filter(|d| d.about.is_none()).take(DESCRIBE_BATCH) {
            d.describe();
        }
    }

    /// This tab's library brought in line with `stored`, the library another tab just saved:
    /// its documents in its order (removals and edits there included), then this tab's
    /// documents it lacks that are not in `known` (the ids this tab last loaded or saved):
    /// added here and not saved yet. The route, filters and open document stay.
    pub fn adopt(&self, stored: &State, known: &HashSet<&str>) -> State {
        let mut s = self.clone();
        let mine: HashMap<&str, &Doc> = self.docs.iter().map(|d| (&*d.id, d)).collect();
        // An unchanged document keeps its description (describing cleans the whole text).
        s.docs = stored
            .docs
            .iter()
            .map(|d| match mine.get(&*d.id) {
                Some(m) if **m == Doc { about: m.about.clone(), ..d.clone() } => (*m).clone(),
                _ => d.clone(),
            })
            .collect();
        let unsaved = |id: &str| !known.contains(id) && stored.doc(id).is_none();
        s.docs.extend(self.docs.iter().filter(|d| unsaved(&d.id)).cloned());
        s.restored = stored.restored.clone();
        s.restored.extend(self.restored.iter().filter(|(d, _)| unsaved(d)).cloned());
        s.next = self.next.max(stored.next);
        if s.open.as_ref().is_some_and(|id| s.doc(id).is_none()) {
            s.open = None;
        }
        if (&s.docs, &s.restored) != (&self.docs, &self.restored) {
            s.messages.retain(|m| m.text != CHANGED_ELSEWHERE);
            s.messages.insert(0, Message { error: false, text: CHANGED_ELSEWHERE.into() });
        }
        s.describe_batch();
        s
    }

    pub fn doc(&self, id: &str) -> Option<&Doc> {
        self.docs.iter().find(|d| &*d.id == id)
    }

    /// The pure reducer: the state after `action`. Unknown ids leave the state unchanged.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        let edit = |s: &mut State, id: &str, f: &dyn Fn(&mut Doc)| {
            if let Some(d) = s.docs.iter_mut().find(|d| &*d.id == id) {
                f(d);
            }
        };
        let clean_name = |v: &str| -> Option<Rc<str>> {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            (!v.is_empty()).then(|| v.into())
        };
        match action {
            Action::Navigate(route) => s.route = route,
            Action::Import(items) => {
                s.messages.clear();
                // Texts already in the library, by their words (see `words_key`).
                let mut known: HashMap<u64, Vec<usize>> = HashMap::new();
                for (k, d) in s.docs.iter().enumerate() {
                    known.entry(words_key(&d.text)).or_default().push(k);
                }
                // The "Added" messages: (message index, document index, source, note).
                let mut added = Vec::new();
                for item in items {
                    match item {
                        // Checked first: hashing or cleaning 20 MB stalls the page for a minute.
                        Ok(new) if too_large(&new.text).is_some() => s.messages.push(Message {
                            error: true,
                            text: format!("{}: {}", new.source, too_large(&new.text).unwrap_or_default()),
                        }),
                        Ok(new) if new.text.trim().is_empty() => s.messages.push(Message {
                            error: true,
                            text: format!("{}: there is no text to add", new.source),
                        }),
                        Ok(new) => {
                            let key = words_key(&new.text);
                            let same = |d: &Doc| d.text.split_whitespace().eq(new.text.split_whitespace());
                            let twins: Vec<usize> = known
                                .get(&key)
                                .map(|ks| ks.iter().copied().filter(|&k| same(&s.docs[k])).collect())
                                .unwrap_or_default();
                            // The same text under another outlet is the commonest thing a
                            // fact-checker checks (a wire story run word for word): it is added,
                            // and shows as a verbatim copy. Without an outlet, or under the same
                            // one, it is a second paste or drop of one document.
                            let outlet = clean_name(&new.outlet);
                            let same_outlet = |d: &Doc| match (&outlet, &d.outlet) {
                                (None, _) => true,
                                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                                (Some(_), None) => false,
                            };
                            let twin = twins.iter().copied().find(|&k| same_outlet(&s.docs[k]));
                            let twin_elsewhere = twins.first().copied();
                            if let Some(twin) = twin {
                                s.docs[twin].describe();
                                s.messages.push(Message {
                                    error: true,
                                    text: format!(
                                        "{}: the same text as “{}”, already in the library; not added again",
                                        new.source,
                                        s.docs[twin].title()
                                    ),
                                });
                                continue;
                            }
                            let id = format!("user-{}", s.next);
                            s.next += 1;
                            let mut doc = Doc::pending(&id, &new.text, false);
                            doc.name = clean_name(&new.title);
                            doc.outlet = outlet;
                            known.entry(key).or_default().push(s.docs.len());
                            // (Only a paste names an outlet, and a paste has no reading note.)
                            let note = match twin_elsewhere {
                                Some(k) => {
                                    s.docs[k].describe();
                                    Some(format!("the same text as “{}”: a verbatim copy", s.docs[k].title()))
                                }
                                None => new.note,
                            };
                            added.push((s.messages.len(), s.docs.len(), new.source, note));
                            s.messages.push(Message { error: false, text: String::new() });
                            s.docs.push(doc);
                        }
                        Err((source, why)) => {
                            s.messages.push(Message { error: true, text: format!("{source}: {why}") })
                        }
                    }
                }
                for &(_, k, ..) in added.iter().take(DESCRIBE_BATCH) {
                    s.docs[k].describe();
                }
                if added.len() > MAX_ADDED_MESSAGES {
                    let first = s.docs[added[0].1].title().to_string();
                    let mut text = format!(
                        "Added {} documents, from “{}” on",
                        thousands(added.len()),
                        shorten(&first, 40)
                    );
                    if let Some(n) = s.over_limit() {
                        text.push_str(&format!(
                            "; {n} are included, and the first {MAX_COMPARED} are compared"
                        ));
                    }
                    let at = s.messages.iter().position(|m| !m.error).unwrap_or(0);
                    s.messages.retain(|m| m.error);
                    s.messages.insert(at, Message { error: false, text });
                } else {
                    for (at, k, source, note) in added {
                        let doc = &s.docs[k];
                        let note = note.map(|n| format!(" ({n})")).unwrap_or_default();
                        s.messages[at].text = format!(
                            "Added “{}” from {source}{note}, {}",
                            doc.title(),
                            count(doc.words().unwrap_or_default(), "word", "words")
                        );
                    }
                }
            }
            Action::Describe => s.describe_batch(),
            Action::SetIncluded(id, on) => edit(&mut s, &id, &|d| d.included = on),
            Action::Rename(id, name) => edit(&mut s, &id, &|d| d.name = clean_name(&name)),
            Action::SetOutlet(id, outlet) => edit(&mut s, &id, &|d| d.outlet = clean_name(&outlet)),
            Action::Edit(id, text) if !text.trim().is_empty() && too_large(&text).is_none() => {
                if let Some(before) = s.doc(&id).filter(|d| *d.text != *text) {
                    let restored = s.restored.iter().filter(|(d, _)| *d == id).cloned().collect();
                    s.edited = Some(Rc::new(Edited { doc: before.clone(), restored }));
                }
                edit(&mut s, &id, &|d| *d = d.with_text_of(Doc::new(&d.id, &text, d.seed)));
                s.restored.retain(|(d, _)| *d != id);
            }
            Action::Edit(..) => {}
            Action::Remove(id) => {
                if let Some(at) = s.docs.iter().position(|d| d.id == id) {
                    let doc = s.docs.remove(at);
                    let (restored, kept) = s.restored.into_iter().partition(|(d, _)| *d == id);
                    s.restored = kept;
                    s.removed = Some(Rc::new(Removed { doc, at, restored }));
                    if s.edited.as_ref().is_some_and(|e| e.doc.id == id) {
                        s.edited = None;
                    }
                }
                if s.open.as_ref() == Some(&id) {
                    s.open = None;
                }
            }
            // Not if the document came back meanwhile (another tab's library, say).
            Action::UndoRemove => {
                if let Some(r) = s.removed.take().filter(|r| s.doc(&r.doc.id).is_none()) {
                    s.docs.insert(r.at.min(s.docs.len()), r.doc.clone());
                    s.restored.extend(r.restored.iter().cloned());
                }
            }
            // The text and its restored lines come back; a name or outlet given since stays.
            Action::UndoEdit => {
                if let Some(e) = s.edited.take() {
                    if let Some(d) = s.docs.iter_mut().find(|d| d.id == e.doc.id) {
                        *d = d.with_text_of(e.doc.clone());
                        s.restored.retain(|(d, _)| *d != e.doc.id);
                        s.restored.extend(e.restored.iter().cloned());
                    }
                }
            }
            Action::Reset => {
                let fresh = State::with_seeds();
                s = State {
                    route: s.route,
                    hidden: s.hidden,
                    next: s.next,
                    storage_error: s.storage_error,
                    recovery: s.recovery,
                    ..fresh
                };
            }
            Action::ToggleRestored(id, line) => {
                if let Some(k) = s.restored.iter().position(|(d, l)| *d == id && *l == line) {
                    s.restored.remove(k);
                } else if s.doc(&id).is_some() {
                    s.restored.push((id, line));
                }
            }
            Action::ToggleFilter(f) => {
                if let Some(k) = s.hidden.iter().position(|&h| h == f) {
                    s.hidden.remove(k);
                } else {
                    s.hidden.push(f);
                }
            }
            Action::ToggleOpen(id) if s.open.as_ref() == Some(&id) => s.open = None,
            Action::ToggleOpen(id) if s.doc(&id).is_some() => s.open = Some(id),
            Action::ToggleOpen(_) => {}
            Action::StorageFailed(why) => s.storage_error = why,
            Action::ReserveIds(n) => s.next = s.next.max(n),
            Action::Adopt { stored, known } => {
                let known: HashSet<&str> = known.iter().map(|id| &**id).collect();
                s = s.adopt(&stored, &known);
            }
            Action::DismissMessages => s.messages.clear(),
            Action::DismissRecovery => s.recovery = None,
        }
        s
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pasted(title: &str, text: &str) -> NewDoc {
        NewDoc {
            title: title.into(),
            outlet: "Daily Bugle".into(),
            text: text.into(),
            source: "pasted text".into(),
            note: None,
        }
    }

    #[test]
    fn first_visit_lists_every_seed_included_with_a_title_and_words() {
        let state = State::with_seeds();
        assert_eq!(state.docs.len(), SEEDS.len());
        assert_eq!(state.inputs().len(), 5);
        for (doc, seed) in state.docs.iter().zip(SEEDS) {
            assert_eq!((&*doc.id, doc.seed, doc.included), (seed.name, true, true));
            assert!(!doc.title().is_empty() && doc.words() > Some(0), "{}", seed.name);
        }
    }

    #[test]
    fn importing_adds_good_documents_and_reports_bad_ones_without_losing_any() {
        let state = State::with_seeds().apply(Action::Import(vec![
            Ok(pasted("My story", "The mayor said the bridge would reopen in May.")),
            Err(("photo.png".into(), "not supported".into())),
            Ok(pasted("", "  \n ")),
        ]));
        assert_eq!(state.docs.len(), 6);
        let doc = &state.docs[5];
        assert_eq!(
            (&*doc.id, doc.title(), doc.outlet.as_deref(), doc.seed),
            ("user-1", "My story", Some("Daily Bugle"), false)
        );
        let errors: Vec<_> = state.messages.iter().filter(|m| m.error).map(|m| m.text.as_str()).collect();
        assert_eq!(errors, ["photo.png: not supported", "pasted text: there is no text to add"]);
        assert!(state.messages[0].text.starts_with("Added “My story”"));
        assert_eq!(
            state.apply(Action::Import(vec![Ok(pasted("b", "More text here."))])).docs[6].id.as_ref(),
            "user-2"
        );
    }

    #[test]
    fn many_documents_are_summed_up_and_at_most_250_compared() {
        let many: Vec<_> =
            (0..500).map(|k| Ok(pasted("", &format!("Story {k} says the council met.")))).collect();
        let state = State::with_seeds().apply(Action::Import(many));
        assert_eq!(state.docs.len(), 505);
        assert_eq!(state.messages.len(), 1);
        assert_eq!(
            state.messages[0].text,
            "Added 500 documents, from “Story 0 says the council met” on; 505 are included, and the first 250 are compared"
        );
        assert_eq!(state.inputs().len(), MAX_COMPARED);
        assert_eq!(state.over_limit(), Some(505));
        assert_eq!(State::with_seeds().over_limit(), None);
    }

    #[test]
    fn a_large_import_is_described_a_batch_at_a_time_to_the_same_titles_and_counts() {
        let texts: Vec<String> = (0..20)
            .map(|k| format!("Share this\n\nHeadline number {k}\n\nThe council met on day {k}. It voted.\n"))
            .collect();
        let items = texts.iter().map(|t| Ok(pasted("", t))).collect();
        let mut state = State::with_seeds().apply(Action::Import(items));
        assert_eq!(state.docs.len(), 25);
        let described = |s: &State| s.docs.iter().filter(|d| d.about.is_some()).count();
        assert_eq!(described(&state), 5 + DESCRIBE_BATCH, "the seeds and the first batch");
        assert_eq!(state.messages[0].text, "Added 20 documents, from “Headline number 0” on");
        // Until described, a document shows the start of its first line and no word count.
        let last = state.docs.last().unwrap();
        assert_eq!((last.title(), last.words()), ("Share this", None));
        let mut steps = 0;
        while state.undescribed() {
            state = state.apply(Action::Describe);
            steps += 1;
        }
        assert_eq!(steps, (20 - DESCRIBE_BATCH).div_ceil(DESCRIBE_BATCH));
        for (doc, text) in state.docs[5..].iter().zip(&texts) {
            assert_eq!(
                doc,
                &Doc { name: None, outlet: Some("Daily Bugle".into()), ..Doc::new(&doc.id, text, false) }
            );
        }
        assert_eq!(state.docs[24].title(), "Headline number 19");
        assert_eq!(state.docs[24].words(), Some(11), "“Share this” is not counted");
        assert_eq!(state.apply(Action::Describe), state, "nothing left to describe");

        // A twin found among documents not described yet is named by its headline.
        let again = State::with_seeds()
            .apply(Action::Import(texts.iter().map(|t| Ok(pasted("", t))).collect()))
            .apply(Action::Import(vec![Ok(pasted("", &texts[19].replace('\n', " \n ")))]));
        assert_eq!(
            again.messages[0].text,
            "pasted text: the same text as “Headline number 19”, already in the library; not added again"
        );
    }

    #[test]
    fn the_same_text_twice_is_added_once_with_a_message() {
        let text = "The mayor said the bridge would reopen in May.";
        let state = State::with_seeds().apply(Action::Import(vec![
            Ok(pasted("First", text)),
            Ok(pasted("Second", &format!("  {}\n", text.replace(' ', "  ")))),
            Ok(NewDoc { outlet: String::new(), ..pasted("Seed again", SEEDS[2].text) }),
        ]));
        assert_eq!(state.docs.len(), 6);
        let errors: Vec<_> = state.messages.iter().filter(|m| m.error).map(|m| m.text.as_str()).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(
            errors[0],
            "pasted text: the same text as “First”, already in the library; not added again"
        );
        assert!(errors[1].starts_with("pasted text: the same text as “Witkoff"), "{}", errors[1]);
    }

    #[test]
    fn the_same_text_under_another_outlet_is_added_as_a_verbatim_copy() {
        // A wire story run word for word by a second outlet: what a fact-checker wants to see.
        let text = "The mayor said the bridge would reopen in May.";
        let state = State::with_seeds().apply(Action::Import(vec![
            Ok(pasted("Wire", text)),
            Ok(NewDoc { outlet: "Evening Post".into(), ..pasted("Copy", text) }),
            Ok(NewDoc { outlet: "evening post".into(), ..pasted("Copy again", text) }),
        ]));
        assert_eq!(state.docs.len(), 7, "the wire and one copy; the second copy has the same outlet");
        assert_eq!(state.docs[6].outlet.as_deref(), Some("Evening Post"));
        let texts: Vec<&str> = state.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            texts[1],
            "Added “Copy” from pasted text (the same text as “Wire”: a verbatim copy), 9 words"
        );
        assert!(state.messages[2].error, "{texts:?}");
    }

    #[test]
    fn library_edits_change_only_their_document() {
        let s = State::with_seeds();
        let id: Rc<str> = s.docs[1].id.clone();
        let s2 = s
            .apply(Action::Rename(id.clone(), "  The   Post story ".into()))
            .apply(Action::SetOutlet(id.clone(), "The Post".into()))
            .apply(Action::SetIncluded(id.clone(), false));
        assert_eq!(
            (s2.docs[1].title(), s2.docs[1].outlet.as_deref(), s2.docs[1].included),
            ("The Post story", Some("The Post"), false)
        );
        assert_eq!(s2.inputs().len(), 4);
        assert_eq!(s2.docs[0], s.docs[0]);
        let edited = s2.apply(Action::Edit(id.clone(), "New headline here\n\nNew body sentence.".into()));
        assert_eq!(
            (edited.docs[1].about.as_ref().map(|a| &*a.title), edited.docs[1].title()),
            (Some("New headline here"), "The Post story")
        );
        assert_eq!(edited.apply(Action::Edit(id.clone(), "   ".into())), edited, "an empty edit is refused");
        assert!(edited.docs[1].edited_seed() && !s2.docs[1].edited_seed() && !s2.docs[0].edited_seed());
        let removed = edited.apply(Action::Remove(id.clone()));
        assert_eq!(removed.docs.len(), 4);
        assert_eq!(removed.apply(Action::Remove("nope".into())), removed);
    }

    #[test]
    fn remove_can_be_undone_in_place_with_its_restored_lines() {
        let s = State::with_seeds()
            .apply(Action::Import(vec![Ok(pasted("Mine", "A story of my own. It has two sentences."))]))
            .apply(Action::Rename(SEEDS[2].name.into(), "Renamed".into()))
            .apply(Action::ToggleRestored(SEEDS[2].name.into(), 3))
            .apply(Action::ToggleRestored(SEEDS[0].name.into(), 1))
            .apply(Action::ToggleOpen(SEEDS[2].name.into()));
        let gone = s.apply(Action::Remove(SEEDS[2].name.into()));
        assert_eq!(gone.docs.len(), 5);
        assert_eq!(gone.restored, vec![(Rc::from(SEEDS[0].name), 1)]);
        assert_eq!(gone.open, None);
        let back = gone.apply(Action::UndoRemove);
        assert_eq!(back.docs, s.docs, "back in its place, with its name");
        assert_eq!(back.restored.len(), 2);
        let sorted = |s: &State| {
            let mut l = s.restored_lines();
            l.sort();
            l
        };
        assert_eq!(sorted(&back), sorted(&s));
        assert_eq!(back.removed, None);
        assert_eq!(back.apply(Action::UndoRemove), back, "one undo per removal");
        // Only the last removal is kept; a removal of an unknown id keeps it.
        let two = s.apply(Action::Remove("user-1".into())).apply(Action::Remove(SEEDS[4].name.into()));
        let two = two.apply(Action::Remove("nope".into()));
        assert_eq!(two.removed.as_ref().map(|r| &*r.doc.id), Some(SEEDS[4].name));
        let one = two.apply(Action::UndoRemove);
        assert!(one.doc(SEEDS[4].name).is_some() && one.doc("user-1").is_none());
        assert_eq!(one.docs.last().map(|d| &*d.id), Some(SEEDS[4].name));
        // Reset forgets it; a document back by other means is not put in twice.
        assert_eq!(gone.apply(Action::Reset).removed, None);
        let seed0 = gone.apply(Action::Remove(SEEDS[0].name.into())).apply(Action::Reset);
        assert_eq!(seed0.apply(Action::UndoRemove).docs.len(), 5);
        let mut readded = gone.clone();
        readded.docs.push(s.docs[2].clone());
        assert_eq!(readded.apply(Action::UndoRemove).docs.len(), 6);
    }

    #[test]
    fn edit_can_be_undone_with_its_restored_lines_and_keeps_a_later_name() {
        let id: Rc<str> = SEEDS[1].name.into();
        let s = State::with_seeds()
            .apply(Action::ToggleRestored(id.clone(), 2))
            .apply(Action::ToggleRestored(SEEDS[0].name.into(), 1));
        let edited = s.apply(Action::Edit(id.clone(), "A new headline\n\nA new body.".into()));
        assert_eq!(&*edited.doc(&id).unwrap().text, "A new headline\n\nA new body.");
        assert_eq!(
            edited.restored,
            vec![(Rc::from(SEEDS[0].name), 1)],
            "an edit drops the doc's restored lines"
        );
        assert_eq!(edited.edited.as_ref().map(|e| &*e.doc.text), Some(SEEDS[1].text));
        let renamed = edited.apply(Action::Rename(id.clone(), "Given later".into()));
        let back = renamed.apply(Action::UndoEdit);
        let doc = back.doc(&id).unwrap();
        assert_eq!(&*doc.text, SEEDS[1].text, "the text from before the edit");
        assert_eq!(doc.name.as_deref(), Some("Given later"), "a name given since stays");
        assert_eq!(doc.title(), "Given later");
        let mut lines = back.restored_lines();
        lines.sort();
        let mut want = s.restored_lines();
        want.sort();
        assert_eq!(lines, want, "its restored lines are back");
        assert_eq!(back.edited, None);
        assert_eq!(back.apply(Action::UndoEdit), back, "one undo per edit");
        // The same text again is no edit to undo; only the last edit is kept.
        let same = s.apply(Action::Edit(id.clone(), SEEDS[1].text.into()));
        assert_eq!(same.edited, None);
        let twice = edited.apply(Action::Edit(id.clone(), "Third text.".into()));
        assert_eq!(twice.edited.as_ref().map(|e| &*e.doc.text), Some("A new headline\n\nA new body."));
        // Removing the document, or a reset, forgets the edit; an edit refused keeps the last one.
        assert_eq!(edited.apply(Action::Remove(id.clone())).edited, None);
        assert_eq!(edited.apply(Action::Reset).edited, None);
        assert_eq!(edited.apply(Action::Edit(id.clone(), "  ".into())).edited, edited.edited);
        let other = edited.apply(Action::Remove(SEEDS[3].name.into()));
        assert!(other.edited.is_some(), "removing another document keeps it");
    }

    #[test]
    fn reset_brings_back_the_five_seeds_only() {
        let s = State::with_seeds()
            .apply(Action::Import(vec![Ok(pasted("x", "Some words here."))]))
            .apply(Action::Remove(SEEDS[0].name.into()))
            .apply(Action::Navigate(Route::Quotes))
            .apply(Action::Reset);
        assert_eq!(s.docs, State::with_seeds().docs);
        assert_eq!((s.route.clone(), s.next), (Route::Quotes, 2), "the view stays, ids are not reused");
    }

    #[test]
    fn restored_lines_and_filters_toggle() {
        let id: Rc<str> = SEEDS[2].name.into();
        let s = State::with_seeds().apply(Action::ToggleRestored(id.clone(), 3));
        assert_eq!(s.restored_lines(), vec![(SEEDS[2].name.to_string(), 3)]);
        assert!(s.apply(Action::ToggleRestored(id.clone(), 3)).restored.is_empty());
        assert!(s.apply(Action::ToggleRestored("nope".into(), 3)).restored.len() == 1);
        assert!(s.apply(Action::Remove(id)).restored.is_empty());
        let f = Filter::Kind(LinkKind::Partial);
        let s = s.apply(Action::ToggleFilter(f)).apply(Action::ToggleFilter(Filter::Unique));
        assert_eq!(s.hidden, vec![f, Filter::Unique]);
        assert_eq!(s.apply(Action::ToggleFilter(f)).hidden, vec![Filter::Unique]);
    }

    #[test]
    fn a_document_in_another_language_is_named_until_excluded() {
        const FRENCH: &str = "Des responsables américains et russes ont secrètement élaboré un plan pour mettre fin \
            à la guerre en Ukraine, a rapporté le média américain Axios. Le plan prévoit que Kiev cède une partie \
            de son territoire et réduise la taille de son armée.";
        let seeds = State::with_seeds();
        assert_eq!(seeds.odd_languages(), None, "the seeds are all English");
        let state = seeds.apply(Action::Import(vec![Ok(pasted("Le plan", FRENCH))]));
        let id = state.docs[5].id.clone();
        assert_eq!(state.docs[5].language(), Some("fr"));
        assert_eq!(state.odd_languages(), Some(("en", vec![id.clone()])));
        // The views' labels carry it too, once the document is described.
        let report = crate::ui::analysis::run(&state.inputs(), &[]);
        assert_eq!(state.labels(&report)[5].language, Some("fr"));
        assert_eq!(Doc::pending("x", FRENCH, false).language(), None);
        let excluded = state.apply(Action::SetIncluded(id, false));
        assert_eq!(excluded.odd_languages(), None);
    }

    #[test]
    fn labels_prefer_the_outlet_and_are_unique() {
        let state = State::with_seeds().apply(Action::SetOutlet(SEEDS[1].name.into(), "Axios".into()));
        let report = crate::ui::analysis::run(&state.inputs(), &[]);
        let labels = state.labels(&report);
        let shorts: Vec<&str> = labels.iter().map(|l| l.short.as_str()).collect();
        assert_eq!(shorts[1], "Axios");
        assert_eq!(shorts[2], "Axios (2)", "the engine also guesses Axios for the third seed");
        assert!(shorts[4].chars().count() <= 27 && shorts[4].ends_with('…'), "{}", shorts[4]);
        assert_eq!(shorten("Short one", 26), "Short one");
        assert_eq!(shorten("The White House has defended a US-backed plan", 26), "The White House has…");
    }

    #[test]
    fn describing_a_document_after_the_analysis_leaves_its_label_as_it_was() {
        // The first line is site debris: until described, the library shows it as the title,
        // but the labels of the views take the analysis's headline, which describing finds.
        let texts: Vec<String> = (0..12)
            .map(|k| format!("Share this\n\nHeadline number {k}\n\nThe council met on day {k}. It voted.\n"))
            .collect();
        let imported =
            State::with_seeds().apply(Action::Import(texts.iter().map(|t| Ok(pasted("", t))).collect()));
        let pending = imported.docs.last().expect("a document");
        assert_eq!((pending.about.as_ref(), pending.title()), (None, "Share this"));
        let report = crate::ui::analysis::run(&imported.inputs(), &[]);
        let before = imported.labels(&report);
        let mut described = imported.clone();
        while described.undescribed() {
            described = described.apply(Action::Describe);
        }
        assert_eq!(described.labels(&report), before);
        assert_eq!(before.last().map(|l| l.title.as_str()), Some("Headline number 11"));
        assert_eq!(before.last().map(|l| l.short.as_str()), Some("Daily Bugle (12)"));
    }

    #[test]
    fn documents_compare_by_value_whether_or_not_they_share_their_text() {
        let doc = Doc::pending("user-1", "The council met.", false);
        let copy = Doc { text: "The council met.".into(), ..doc.clone() }; // its own allocation
        assert!(!Rc::ptr_eq(&doc.text, &copy.text));
        let cases = [
            (doc.clone(), true),
            (copy, true),
            (Doc { text: "The council met!".into(), ..doc.clone() }, false),
            (Doc { included: false, ..doc.clone() }, false),
            (Doc { id: "user-2".into(), ..doc.clone() }, false),
            (
                Doc { about: Some(About { title: "T".into(), words: 3, language: None }), ..doc.clone() },
                false,
            ),
        ];
        for (other, equal) in cases {
            assert_eq!(doc == other, equal, "{other:?}");
        }
    }

    #[test]
    fn adopting_another_tabs_library_keeps_documents_added_here_and_drops_its_removals() {
        let base = State::with_seeds()
            .apply(Action::Import(vec![Ok(pasted("Both", "A story both tabs had."))]))
            .apply(Action::ToggleOpen("user-1".into()));
        let known: Vec<Rc<str>> = base.docs.iter().map(|d| d.id.clone()).collect();
        // The other tab removed user-1 and a seed, renamed a seed and added user-2.
        let stored = base
            .apply(Action::Remove("user-1".into()))
            .apply(Action::Remove(SEEDS[0].name.into()))
            .apply(Action::Rename(SEEDS[1].name.into(), "Renamed there".into()))
            .apply(Action::Import(vec![Ok(pasted("There", "A story added in the other tab."))]));
        // This tab added user-2 as well, unsaved (the counter is reserved below).
        let here = base
            .apply(Action::ReserveIds(3))
            .apply(Action::Import(vec![Ok(pasted("Here", "A story added in this tab."))]))
            .apply(Action::Navigate(Route::Quotes));
        assert_eq!(here.docs.last().map(|d| &*d.id), Some("user-3"));
        let known: HashSet<&str> = known.iter().map(|id| &**id).collect();
        let merged = here.adopt(&stored, &known);
        let titles: Vec<&str> = merged.docs.iter().map(|d| d.title()).collect();
        assert_eq!(titles.len(), 6, "{titles:?}");
        assert_eq!(&titles[..1], ["Renamed there"]);
        assert_eq!(&titles[4..], ["There", "Here"]);
        assert_eq!((merged.next, merged.route.clone(), merged.open.clone()), (4, Route::Quotes, None));
        assert_eq!(merged.messages[0].text, CHANGED_ELSEWHERE);
        // Unchanged documents keep their descriptions; nothing changed means no message.
        assert!(Rc::ptr_eq(&merged.docs[1].text, &here.docs[2].text));
        let same = merged.adopt(&merged, &known);
        assert_eq!(same.docs, merged.docs);
        assert_eq!(base.adopt(&base, &known).messages, base.messages);
    }

    #[test]
    fn a_text_over_2_mb_is_refused_when_pasted_or_edited_and_nothing_else_changes() {
        let big = "word ".repeat(3 * 1024 * 1024 / 5 + 1);
        assert_eq!(too_large(&big).as_deref(), Some("the text is 3.0 MB; the limit is 2 MB"));
        assert_eq!(too_large(&"a".repeat(crate::ui::files::MAX_BYTES)), None);
        let s = State::with_seeds().apply(Action::Import(vec![Ok(pasted("Big", &big))]));
        assert_eq!(s.docs, State::with_seeds().docs);
        assert_eq!(
            s.messages,
            [Message { error: true, text: "pasted text: the text is 3.0 MB; the limit is 2 MB".into() }]
        );
        let id: Rc<str> = SEEDS[0].name.into();
        assert_eq!(State::with_seeds().apply(Action::Edit(id, big)), State::with_seeds());
    }

    #[test]
    fn toggle_open_opens_switches_and_closes() {
        let state = State::with_seeds();
        let id = |i: usize| state.docs[i].id.clone();
        let cases = [(None, 0, Some(0)), (Some(0), 1, Some(1)), (Some(0), 0, None)];
        for (before, toggled, after) in cases {
            let before = State { open: before.map(id), ..state.clone() };
            assert_eq!(before.apply(Action::ToggleOpen(id(toggled))).open, after.map(id));
        }
        assert_eq!(state.apply(Action::ToggleOpen("nope".into())), state);
    }
}
