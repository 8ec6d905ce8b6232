//! The generated word tables (see `scripts/gen_synonyms.py` and `data/WORDNET-LICENSE.txt`):
//! synonym classes, irregular forms and word-frequency bands, parsed from their text format.

use std::collections::HashMap;

/// The synonym table shipped with the crate: 1,145 WordNet classes and 788 irregular forms.
#[cfg(not(feature = "lazy-word-tables"))]
pub const SYNONYMS: &str = include_str!("data/synonyms.txt");
/// Empty in the web worker's build (cargo feature `lazy-word-tables`): the worker fetches
/// `data/synonyms.txt` and `data/wordfreq.txt` (copied into `dist/`) and installs the lexicon
/// built from them with [`Lexicon::install_shared`](super::Lexicon::install_shared), so the
/// generated tables are not in its wasm.
#[cfg(feature = "lazy-word-tables")]
pub const SYNONYMS: &str = "";
/// Hand-written classes for news copy ("rose" / "jumped", "cut" / "reduce"), parsed with
/// [`SYNONYMS`].
pub const NEWS_SYNONYMS: &str = include_str!("data/news_synonyms.txt");
/// The word-frequency bands shipped with the crate (4,151 words).
#[cfg(not(feature = "lazy-word-tables"))]
pub const WORDFREQ: &str = include_str!("data/wordfreq.txt");
/// Empty in the web worker's build, like [`SYNONYMS`].
#[cfg(feature = "lazy-word-tables")]
pub const WORDFREQ: &str = "";

/// Parsed synonym table, keyed by Snowball stem.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    /// stem → sorted synonym class ids (line numbers of the classes)
    pub classes: HashMap<String, Vec<u32>>,
    /// stem → (class id, the class's word with that stem), in class order: a word belongs to
    /// a class only when it is a form of that word ([`is_form_of`]), so "adviser" (stem
    /// "advis") is not in "advise propose suggest" and never swaps with "proposal".
    pub members: HashMap<String, Vec<(u32, String)>>,
    /// irregular form → base word ("bought" → "buy")
    pub irregular: HashMap<String, String>,
}

impl SynonymTable {
    /// Parses the text format: `#` comments, `=form base` irregular forms, and classes of
    /// space-separated words. Stems every word with `stem`. Unknown lines are skipped, never fatal.
    pub fn parse(text: &str, stem: impl Fn(&str) -> String) -> Self {
        let mut table = SynonymTable::default();
        let mut id = 0u32;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('=') {
                if let Some((form, base)) = rest.split_once(' ') {
                    table.irregular.insert(form.to_string(), base.trim().to_string());
                }
                continue;
            }
            let mut words: Vec<(String, &str)> = line.split_whitespace().map(|w| (stem(w), w)).collect();
            words.sort();
            let mut stems: Vec<&String> = words.iter().map(|(s, _)| s).collect();
            stems.dedup();
            if stems.len() < 2 {
                continue;
            }
            for (s, w) in &words {
                let ids = table.classes.entry(s.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                table.members.entry(s.clone()).or_default().push((id, w.to_string()));
            }
            id += 1;
        }
        table
    }
}

/// Whether `word` is an inflected form of `base` (both case-folded): the base itself, a
/// plural or third person ("-s", "-es", "-ies"), a past ("-ed", "-d", "-ied") or a gerund
/// ("-ing", with a dropped "e" or a doubled consonant). Derivations are not forms: "adviser"
/// is not a form of "advise", nor "proposal" of "propose". Irregular forms are looked up by
/// the caller. O(length).
pub fn is_form_of(word: &str, base: &str) -> bool {
    if word == base {
        return true;
    }
    // A suffix on a shortened base: "reduc|ing" for "reduce", "deni|ed" for "deny".
    let on_trimmed = |drop: char, suffixes: &[&str]| {
        base.strip_suffix(drop)
            .and_then(|b| word.strip_prefix(b))
            .is_some_and(|rest| suffixes.contains(&rest))
    };
    match word.strip_prefix(base) {
        Some("s" | "es" | "ed" | "d" | "ing") => true,
        // A doubled final consonant: "cut|ting", "slip|ped".
        Some(rest) => {
            let mut r = rest.chars();
            let last = base.chars().last();
            last.is_some_and(|c| c.is_alphabetic() && !"aeiouy".contains(c) && r.next() == Some(c))
                && matches!(r.as_str(), "ed" | "ing")
        }
        None => on_trimmed('e', &["ing", "ed", "es"]) || on_trimmed('y', &["ies", "ied"]),
    }
}

/// Parses the word-frequency bands: `B word word …` lines, B = floor(log2(count)).
pub fn parse_bands(text: &str, stem: impl Fn(&str) -> String) -> HashMap<String, u8> {
    let mut bands = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let Some(band) = words.next().and_then(|b| b.parse::<u8>().ok()) else { continue };
        for w in words {
            let e = bands.entry(stem(w)).or_insert(0);
            *e = (*e).max(band);
        }
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_classes_and_forms() {
        let t = SynonymTable::parse("# c\nbuy purchase\nbuys buy\n=bought buy\n\nx\n", |w| w.to_string());
        assert_eq!(t.classes["buy"], vec![0, 1]);
        assert_eq!(t.classes["purchase"], vec![0]);
        assert_eq!(t.irregular["bought"], "buy");
        assert!(!t.classes.contains_key("x"));
    }

    #[test]
    fn records_member_words() {
        let t = SynonymTable::parse("advise propose suggest\nplan proposal\n", |w| {
            w.trim_end_matches("al").trim_end_matches('e').trim_end_matches("er").to_string()
        });
        assert_eq!(t.members["propos"], vec![(0, "propose".to_string()), (1, "proposal".to_string())]);
    }

    #[test]
    fn forms_are_inflections_not_derivations() {
        let yes = [
            ("reducing", "reduce"),
            ("reduced", "reduce"),
            ("reduces", "reduce"),
            ("surrendering", "surrender"),
            ("armaments", "armament"),
            ("denied", "deny"),
            ("denies", "deny"),
            ("denying", "deny"),
            ("cutting", "cut"),
            ("slipped", "slip"),
            ("proposal", "proposal"),
            ("watches", "watch"),
        ];
        for (w, b) in yes {
            assert!(is_form_of(w, b), "{w} / {b}");
        }
        let no = [
            ("adviser", "advise"),
            ("proposal", "propose"),
            ("territorial", "territory"),
            ("formally", "formal"),
            ("planner", "plan"),
            ("reduction", "reduce"),
            ("sing", "singe"),
        ];
        for (w, b) in no {
            assert!(!is_form_of(w, b), "{w} / {b}");
        }
    }

    #[test]
    fn parses_bands() {
        let b = parse_bands("# c\n9 be\n3 say said\nzz\n", |w| w.to_string());
        assert_eq!(b["be"], 9);
        assert_eq!(b["said"], 3);
        assert_eq!(b.len(), 3);
    }
}
