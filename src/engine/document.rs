//! What a list of articles shows about each one before any comparison: a title and a word count.
//!
//! Pasted articles rarely carry a clean headline. The title is the first real line of the
//! cleaned text, cut to its first sentence and, if that is still long, shortened at a word
//! boundary. A worked example from seed 002, whose text opens with a whole quoted paragraph:
//!
//! ```text
//! before: "Witkoff also consulted with Russian envoy Kirill Dmitriev on the plan. Dmitriev told
//!         Axios he is optimistic about it because unlike past efforts, "we feel the Russian …"
//! after:  Witkoff also consulted with Russian envoy Kirill Dmitriev on the plan
//! ```
//!
//! and from seed 001, which opens with a dateline and a 240-character sentence:
//!
//! ```text
//! before: WASHINGTON — The US peace plan to end the war in Ukraine contains almost no concessions …
//! after:  The US peace plan to end the war in Ukraine contains almost no concessions from Russia…
//! ```
//!
//! Cost: one pass over the first real line plus finding its first sentence, O(line length); the word
//! count is one pass over the text. Both are negligible next to cleaning.

use serde::{Deserialize, Serialize};

use super::clean::{clean, CleanConfig};
use super::segment::{first_sentence, SentenceSpan};

/// How titles are derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleConfig {
    /// Longest title in characters, the ellipsis included; longer first sentences are cut at a
    /// word boundary. Ninety characters fit one line of a list on a laptop.
    pub max_chars: usize,
    /// Drop a leading dateline such as `WASHINGTON —` or `KYIV, Ukraine (AP) —`.
    pub strip_dateline: bool,
}

impl Default for TitleConfig {
    fn default() -> Self {
        TitleConfig { max_chars: 90, strip_dateline: true }
    }
}

/// The one-line description of an article shown before any comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// See [`title`]; empty when the text has no letters or digits at all.
    pub title: String,
    /// See [`word_count`]; counted on the cleaned text, so site debris does not count.
    pub words: usize,
}

/// Cleans `raw` once and derives its [`Summary`] from the kept text.
pub fn summarize(raw: &str, clean_config: &CleanConfig, title_config: &TitleConfig) -> Summary {
    let cleaned = clean(raw, clean_config);
    Summary { title: title(&cleaned.text, title_config), words: word_count(&cleaned.text) }
}

/// A readable title for already-cleaned `text`: the first sentence of its first real line
/// (one with a letter or digit), without wrapping quotes, a dateline or a final full stop,
/// shortened at a word boundary with `…` when longer than `config.max_chars`.
///
/// ```
/// use wirediff::engine::document::{title, TitleConfig};
/// let text = "\n\"Talks resume today. Both sides say so.\"\nMore text.";
/// assert_eq!(title(text, &TitleConfig::default()), "Talks resume today");
/// ```
pub fn title(text: &str, config: &TitleConfig) -> String {
    title_with(text, config, first_sentence)
}

/// [`title`] with another finder of a line's first sentence: the analysis, which links the
/// full segmenter anyway, passes `|line| segment(line).first().copied()` (the same cut, tested)
/// and so leaves [`first_sentence`]'s own rules out of the worker's wasm.
pub fn title_with(text: &str, config: &TitleConfig, first: fn(&str) -> Option<SentenceSpan>) -> String {
    let Some(line) = text.lines().map(str::trim).find(|l| l.chars().any(char::is_alphanumeric)) else {
        return String::new();
    };
    let line = if config.strip_dateline { strip_dateline(line) } else { line };
    let sentence = first(line).map_or(line, |s| &line[s.start..s.end]);
    let sentence = strip_unbalanced_quotes(sentence);
    let sentence = strip_final_stop(sentence);
    shorten(sentence, config.max_chars)
}

/// Words as a word processor counts them: whitespace-separated runs that hold at least one
/// letter or digit, so `four-year-old` and `U.S.` count once and a lone `—` not at all.
/// Chinese and Japanese, written without spaces, count each Han, Hiragana or Katakana
/// character (as word processors do), plus each run of other letters or digits among them.
///
/// ```
/// use wirediff::engine::document::word_count;
/// assert_eq!(word_count("WASHINGTON — The U.S. plan, four-year-old war."), 6);
/// assert_eq!(word_count("谈判将于下周继续。"), 8);
/// ```
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            if !w.chars().any(is_cjk) {
                return usize::from(w.chars().any(char::is_alphanumeric));
            }
            let mut count = 0;
            let mut in_run = false;
            for c in w.chars() {
                if is_cjk(c) {
                    count += 1;
                    in_run = false;
                } else if c.is_alphanumeric() {
                    count += usize::from(!in_run);
                    in_run = true;
                } else {
                    in_run = false;
                }
            }
            count
        })
        .sum()
}

/// A Han ideograph, Hiragana or Katakana character: scripts written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF        // Hiragana, Katakana
        | 0x3400..=0x4DBF      // CJK Extension A
        | 0x4E00..=0x9FFF      // CJK Unified Ideographs
        | 0xF900..=0xFAFF      // CJK Compatibility Ideographs
        | 0x20000..=0x3134F) // Extensions B–G
}

/// Removes a wire-style dateline: up to six upper-case words (commas, periods and a
/// parenthesised agency allowed) followed by a spaced dash, e.g. `KYIV, Ukraine (AP) —`.
/// The first word must be all capitals, so `Biden — who …` is kept.
fn strip_dateline(line: &str) -> &str {
    for dash in [" — ", " – ", " - ", " -- "] {
        let Some(at) = line.find(dash) else { continue };
        let (head, rest) = (&line[..at], &line[at + dash.len()..]);
        let words: Vec<&str> = head.split_whitespace().collect();
        let first_is_caps = words
            .first()
            .is_some_and(|w| w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase()));
        let dateline_like = words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, ',' | '.' | '(' | ')' | '\'' | '’')));
        // What follows must read as a sentence, not as more of a capitalised headline.
        if first_is_caps && dateline_like && words.len() <= 6 && rest.chars().any(char::is_lowercase) {
            return rest.trim_start();
        }
        return line;
    }
    line
}

/// Drops a leading opening quote or a trailing closing quote that has no partner inside the
/// sentence, which is what is left when a quoted paragraph is cut to its first sentence.
fn strip_unbalanced_quotes(s: &str) -> &str {
    let straight = s.chars().filter(|&c| c == '"').count();
    let (open, close) = (s.chars().filter(|&c| c == '“').count(), s.chars().filter(|&c| c == '”').count());
    let mut s = s;
    if (s.starts_with('"') && straight % 2 == 1) || (s.starts_with('“') && open > close) {
        s = s.trim_start_matches(['"', '“']).trim_start();
    }
    let straight = s.chars().filter(|&c| c == '"').count();
    let (open, close) = (s.chars().filter(|&c| c == '“').count(), s.chars().filter(|&c| c == '”').count());
    if (s.ends_with('"') && straight % 2 == 1) || (s.ends_with('”') && close > open) {
        s = s.trim_end_matches(['"', '”']).trim_end();
    }
    // Both quotes wrap the whole sentence: a quoted headline reads better without them.
    if let Some(inner) = s.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        if !inner.contains('"') {
            return inner.trim();
        }
    }
    if let Some(inner) = s.strip_prefix('“').and_then(|t| t.strip_suffix('”')) {
        if !inner.contains(['“', '”']) {
            return inner.trim();
        }
    }
    s
}

/// Headlines carry no full stop; an ellipsis, `?` and `!` are kept.
fn strip_final_stop(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest.trim_end(),
        _ => s,
    }
}

/// Cuts `s` to at most `max_chars` characters, ellipsis included, at the last word boundary
/// that fits, dropping punctuation left dangling at the cut. Never splits a character.
fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let budget = max_chars.saturating_sub(1); // room for the ellipsis
    let cut = s.char_indices().nth(budget).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    // Cut at a space when the next character starts a new word or the head ends one.
    let at_boundary = s[cut..].starts_with(char::is_whitespace);
    let head = if at_boundary { head } else { head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]) };
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'));
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeds::SEEDS;

    #[test]
    fn titles() {
        let cases: &[(&str, &str, &str)] = &[
            ("empty", "", ""),
            ("blank lines only", "\n  \n\t\n", ""),
            ("punctuation only", "— * —\n...", ""),
            ("headline", "US, Russia Draft Peace Plan\n\nA plan to end it.", "US, Russia Draft Peace Plan"),
            ("leading blank lines", "\n\n  Talks resume\nBody.", "Talks resume"),
            ("first sentence only", "Talks resume today. Both sides agree.", "Talks resume today"),
            ("question kept", "Will talks resume?", "Will talks resume?"),
            (
                "quoted paragraph",
                "\"Talks resume today. Both sides say \"yes\" to it.\"",
                "Talks resume today",
            ),
            ("curly quoted paragraph", "“Talks resume today. Both agree.”", "Talks resume today"),
            ("quoted headline", "\"Talks resume\"", "Talks resume"),
            ("quote inside kept", "He called it \"good\" today.", "He called it \"good\" today"),
            ("dateline", "WASHINGTON — The plan is out.", "The plan is out"),
            ("dateline with agency", "KYIV, Ukraine (AP) — The plan is out.", "The plan is out"),
            ("not a dateline", "Biden — who spoke late — agreed.", "Biden — who spoke late — agreed"),
            ("caps headline with dash kept", "NATO — A HISTORY", "NATO — A HISTORY"),
            ("non-ASCII kept whole", "Zelensky’s “vision” für Kyïv", "Zelensky’s “vision” für Kyïv"),
        ];
        for (name, text, want) in cases {
            assert_eq!(title(text, &TitleConfig::default()), *want, "case {name}");
        }
    }

    #[test]
    fn long_sentences_are_cut_at_a_word_boundary() {
        let config = TitleConfig { max_chars: 20, ..TitleConfig::default() };
        let cases: &[(&str, &str)] = &[
            ("The plan would see Kyiv cede territory", "The plan would see…"),
            ("Ceasefire, talks and a deal on everything", "Ceasefire, talks…"),
            ("Supercalifragilisticexpialidocious words", "Supercalifragilisti…"),
            ("Ünïcödé ünïcödé ünïcödé ünïcödé", "Ünïcödé ünïcödé…"),
            ("Exactly twenty chars", "Exactly twenty chars"),
        ];
        for (text, want) in cases {
            let got = title(text, &config);
            assert_eq!(got, *want, "text {text:?}");
            assert!(got.chars().count() <= 20, "{got:?} is longer than 20 characters");
        }
    }

    #[test]
    fn only_a_single_final_stop_is_dropped() {
        assert_eq!(strip_final_stop("Talks resume."), "Talks resume");
        assert_eq!(strip_final_stop("Talks resume..."), "Talks resume...");
        assert_eq!(strip_final_stop("Talks resume?"), "Talks resume?");
        assert_eq!(strip_final_stop("."), "");
    }

    #[test]
    fn tiny_limits_do_not_panic() {
        for max_chars in 0..4 {
            let config = TitleConfig { max_chars, ..TitleConfig::default() };
            assert!(title("A long enough title here", &config).ends_with('…'));
        }
    }

    #[test]
    fn word_counts() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("   \n\t", 0),
            ("one", 1),
            ("two words", 2),
            ("four-year-old war", 2),
            ("the U.S. envoy", 3),
            ("WASHINGTON — The plan", 3),
            ("“It’s ongoing,” she said.", 4),
            ("28-point plan, 600,000 troops", 4),
            ("line one\nline two", 4),
            ("谈判将于下周继续。", 8),
            ("美国和俄罗斯官员起草了一份计划。Axios报道", 15 + 1 + 2),
            ("カタカナ 2026年", 4 + 2),
        ];
        for (text, want) in cases {
            assert_eq!(word_count(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn every_seed_gets_a_short_distinct_title() {
        let config = TitleConfig::default();
        let summaries: Vec<Summary> =
            SEEDS.iter().map(|s| summarize(s.text, &CleanConfig::default(), &config)).collect();
        for (seed, summary) in SEEDS.iter().zip(&summaries) {
            assert!(!summary.title.is_empty(), "{}: empty title", seed.name);
            assert!(summary.title.chars().count() <= config.max_chars, "{}: {}", seed.name, summary.title);
            assert!(!summary.title.starts_with(['"', '“']), "{}: {}", seed.name, summary.title);
            assert!(summary.words > 300, "{}: only {} words", seed.name, summary.words);
        }
        let mut titles: Vec<&str> = summaries.iter().map(|s| s.title.as_str()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), SEEDS.len(), "titles collide: {summaries:#?}");
        assert_eq!(
            summaries[0].title,
            "US, Russia Draft Ukraine Peace Plan Conditioned on Major Kyiv Concessions"
        );
    }
}
