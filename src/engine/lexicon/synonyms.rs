//! The generated word tables (see `scripts/gen_synonyms.py` and `data/WORDNET-LICENSE.txt`):
//! synonym classes, irregular forms and word-frequency bands, parsed from their text format.

use std::collections::HashMap;

/// The synonym table shipped with the crate: 1,145 WordNet classes and 788 irregular forms.
pub const SYNONYMS: &str = include_str!("data/synonyms.txt");
/// Hand-written classes for news copy ("rose" / "jumped", "cut" / "reduce"), parsed with
/// [`SYNONYMS`].
pub const NEWS_SYNONYMS: &str = include_str!("data/news_synonyms.txt");
/// The word-frequency bands shipped with the crate (4,151 words).
pub const WORDFREQ: &str = include_str!("data/wordfreq.txt");

/// Parsed synonym table, keyed by Snowball stem.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    /// stem → sorted synonym class ids (line numbers of the classes)
    pub classes: HashMap<String, Vec<u32>>,
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
            let mut stems: Vec<String> = line.split_whitespace().map(&stem).collect();
            stems.sort();
            stems.dedup();
            if stems.len() < 2 {
                continue;
            }
            for s in stems {
                let ids = table.classes.entry(s).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            id += 1;
        }
        table
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
    fn parses_bands() {
        let b = parse_bands("# c\n9 be\n3 say said\nzz\n", |w| w.to_string());
        assert_eq!(b["be"], 9);
        assert_eq!(b["said"], 3);
        assert_eq!(b.len(), 3);
    }
}
