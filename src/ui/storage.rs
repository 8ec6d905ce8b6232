//! The library in `localStorage`, under a versioned schema. Seeds are stored by id (their text
//! only when the user edited it), so the five seeds cost almost nothing of the quota.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::state::{Doc, State};
use crate::seeds::SEEDS;

/// The `localStorage` key; the version is also inside the value.
pub const KEY: &str = "wirediff.library";
/// Bumped when a field changes meaning; older values are read by [`Saved::into_state`] or dropped.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub docs: Vec<SavedDoc>,
    #[serde(default)]
    pub restored: Vec<(String, usize)>,
    #[serde(default)]
    pub next: u32,
}

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

impl Saved {
    pub fn of(state: &State) -> Saved {
        let seed_text = |id: &str| SEEDS.iter().find(|s| s.name == id).map(|s| s.text);
        Saved {
            version: VERSION,
            docs: state
                .docs
                .iter()
                .map(|d| SavedDoc {
                    id: d.id.to_string(),
                    seed: d.seed,
                    text: (!d.seed || seed_text(&d.id) != Some(&*d.text)).then(|| d.text.to_string()),
                    name: d.name.as_deref().map(String::from),
                    outlet: d.outlet.as_deref().map(String::from),
                    included: d.included,
                })
                .collect(),
            restored: state.restored_lines(),
            next: state.next,
        }
    }

    /// Reads a stored value; `None` when it is missing, unreadable or from another version.
    pub fn parse(json: &str) -> Option<Saved> {
        serde_json::from_str::<Saved>(json).ok().filter(|s| s.version == VERSION)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The state this value describes. Unknown seeds and text-less documents are skipped.
    pub fn into_state(self) -> State {
        let mut state = State::with_seeds();
        state.docs = self
            .docs
            .into_iter()
            .filter_map(|d| {
                let text = match (&d.text, d.seed) {
                    (Some(t), _) => t.clone(),
                    (None, true) => SEEDS.iter().find(|s| s.name == d.id)?.text.to_string(),
                    (None, false) => return None,
                };
                let mut doc = Doc::new(&d.id, &text, d.seed);
                doc.name = d.name.map(Rc::from);
                doc.outlet = d.outlet.map(Rc::from);
                doc.included = d.included;
                Some(doc)
            })
            .collect();
        state.restored = self.restored.into_iter().map(|(d, l)| (Rc::from(d), l)).collect();
        let max_user =
            state.docs.iter().filter_map(|d| d.id.strip_prefix("user-")?.parse::<u32>().ok()).max();
        state.next = self.next.max(max_user.map_or(1, |m| m + 1));
        state
    }
}

/// Loads the library, or `None` on a first visit (or when storage is unavailable).
#[cfg(target_arch = "wasm32")]
pub fn load() -> Option<State> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Saved::parse(&storage.get_item(KEY).ok()??).map(Saved::into_state)
}

/// Saves the library; the error says why it could not be (a full quota, storage disabled).
#[cfg(target_arch = "wasm32")]
pub fn save(state: &State) -> Result<(), String> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "this browser does not let the page store data".to_string())?;
    storage
        .set_item(KEY, &Saved::of(state).to_json())
        .map_err(|_| "the browser's storage is full".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::{Action, NewDoc};

    #[test]
    fn a_library_survives_a_round_trip_and_seeds_are_stored_by_id() {
        let state = State::with_seeds()
            .apply(Action::Import(vec![Ok(NewDoc {
                title: "Mine".into(),
                outlet: "".into(),
                text: "A user story with “quotes”.".into(),
                source: "pasted text".into(),
                note: None,
            })]))
            .apply(Action::Rename(SEEDS[0].name.into(), "Fox".into()))
            .apply(Action::SetIncluded(SEEDS[1].name.into(), false))
            .apply(Action::ToggleRestored(SEEDS[2].name.into(), 4));
        let saved = Saved::of(&state);
        assert!(saved.docs.iter().filter(|d| d.seed).all(|d| d.text.is_none()));
        let json = saved.to_json();
        assert!(json.len() < 1000, "seeds are not copied: {} bytes", json.len());
        let back = Saved::parse(&json).expect("parses").into_state();
        assert_eq!(back.docs, state.docs);
        assert_eq!((back.restored, back.next), (state.restored, state.next));
    }

    #[test]
    fn other_versions_and_garbage_are_ignored() {
        assert_eq!(Saved::parse("not json"), None);
        assert_eq!(Saved::parse(r#"{"version":99,"docs":[]}"#), None);
        let s = Saved::parse(r#"{"version":1,"docs":[{"id":"gone.txt","seed":true,"included":true},{"id":"user-7","seed":false,"included":true}]}"#)
            .unwrap()
            .into_state();
        assert!(s.docs.is_empty(), "unknown seeds and text-less documents are skipped");
        let s = Saved::parse(
            r#"{"version":1,"docs":[{"id":"user-7","seed":false,"text":"Hi there.","included":true}]}"#,
        )
        .unwrap()
        .into_state();
        assert_eq!((s.docs.len(), s.next), (1, 8));
    }
}
