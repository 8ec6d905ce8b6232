//! Site-debris removal: line rules with reasons, reversible line by line.
//!
//! # Worked example (the tail of seed 002)
//!
//! ```text
//! … and suggests long-term U.S.-Russia partnerships and Russia’s return to the G8.   kept
//! #us-backed-peace-plan #territorial-concessions #frozen-russian-assets …            hashtag line
//! Read at Axios                                                                      read-more link
//! Unable to calculate read time                                                      read-time note
//! Collection                                                                         widget label after the article
//! [                                                                                  no letters or digits
//! |                                                                                  no letters or digits
//! ...                                                                                no letters or digits
//! ]                                                                                  no letters or digits
//! ```
//!
//! # The rules
//! Each line is judged on its own shape, never against a list of known strings:
//! - **Prompt vocabularies.** A short line (at most [`CleanConfig::max_prompt_words`] words)
//!   made only of one family's words, with at least one key word: comment prompts
//!   ("Comments", "Post a Comment", "Leave a comment", "12 comments"), share / subscribe /
//!   sign-in prompts ("Share this article", "Sign up for our newsletter"), advertisement
//!   markers ("Advertisement", "Story continues below"), media prompts ("Listen to this
//!   article", "Play video"), navigation ("Skip to main content", "Back to top").
//! - **Prefixes:** read-more links ("Read at Axios", "Read more at …", "Continue reading",
//!   "More on this story"), tag lists ("Tags: …"), photo credits ("Photo: …", "Getty Images",
//!   or a caption carrying "(AP Photo/…)"), bylines ("By Jane Doe, Reuters", "Reporting by …").
//! - **Shapes:** read-time notes ("5 min read", "Unable to calculate read time"), cookie
//!   notices, hashtag-only lines, lines without a letter or digit ("[", "|", "...", "* * *"),
//!   date or time stamps ("Updated 3:45 PM EST, Nov. 21, 2025"), copyright notices, and a
//!   "Headline | Site Name" tag (a bar, then a short Title-Case name, no sentence end).
//! - **Context:** after the article's last real sentence, short lines without a sentence end
//!   are widget labels ("Collection", "Related") or, in lower case, stray fragments ("neet");
//!   a lone lower-case fragment between finished sentences is a stray fragment too.
//! - **Blank lines:** leading, trailing and repeated blank lines go (listed in
//!   [`Cleaned::blank_lines`], not among the removed furniture); one blank line stays between
//!   kept paragraphs where the raw text had one.
//!
//! Real headings ("Secret plan", "What We Know About the Plan", "Territorial Concessions:")
//! stay: they sit before more article text and match no vocabulary.
//!
//! Every raw line is kept (see [`Cleaned::kept`], with its offsets), removed with a
//! [`Reason`], or a dropped blank line. To restore a line, add its number to
//! [`CleanConfig::keep_lines`] and clean again.
//!
//! # Cost
//! O(n) time and memory in the text's length: each line is lower-cased and split into words
//! once, and each rule is a constant number of passes over those words with look-ups in short
//! sorted tables.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a line was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// "Comments", "Post a Comment", "Leave a comment".
    CommentPrompt,
    /// "Read at Axios", "Read more at …", "Continue reading".
    ReadMore,
    /// "5 min read", "Unable to calculate read time".
    ReadTime,
    /// "Share", "Subscribe", "Sign up for our newsletter", "Follow us on X".
    SharePrompt,
    /// "Advertisement", "Story continues below".
    Advertisement,
    /// "We use cookies …".
    CookieNotice,
    /// "#us-backed-peace-plan #territorial-concessions".
    Hashtags,
    /// "Tags: Ukraine, Russia".
    TagList,
    /// "[", "|", "...", "* * *".
    NoWords,
    /// "Ukraine is desperate to stop the war | Instant World News".
    SiteTag,
    /// "By Jane Doe, Reuters".
    Byline,
    /// "Updated 3:45 PM EST, Nov. 21, 2025".
    Timestamp,
    /// "Listen to this article", "Play video", "Loading…".
    MediaPrompt,
    /// "Skip to main content", "Menu", "Back to top".
    Navigation,
    /// "© 2025 The Associated Press. All rights reserved."
    Copyright,
    /// "Photo: AP", "Getty Images", a caption ending "(AP Photo/Efrem Lukatsky)".
    PhotoCredit,
    /// A short line without a sentence end after the article's last sentence: "Collection".
    TrailingLabel,
    /// A lone lower-case scrap: "neet".
    Fragment,
}

impl Reason {
    /// Every reason, in declaration order.
    pub const ALL: [Reason; 18] = [
        Reason::CommentPrompt,
        Reason::ReadMore,
        Reason::ReadTime,
        Reason::SharePrompt,
        Reason::Advertisement,
        Reason::CookieNotice,
        Reason::Hashtags,
        Reason::TagList,
        Reason::NoWords,
        Reason::SiteTag,
        Reason::Byline,
        Reason::Timestamp,
        Reason::MediaPrompt,
        Reason::Navigation,
        Reason::Copyright,
        Reason::PhotoCredit,
        Reason::TrailingLabel,
        Reason::Fragment,
    ];

    /// A short human label for the UI and the CLI.
    pub fn label(self) -> &'static str {
        match self {
            Reason::CommentPrompt => "comment prompt",
            Reason::ReadMore => "read-more link",
            Reason::ReadTime => "read-time note",
            Reason::SharePrompt => "share or subscribe prompt",
            Reason::Advertisement => "advertisement",
            Reason::CookieNotice => "cookie notice",
            Reason::Hashtags => "hashtag line",
            Reason::TagList => "tag list",
            Reason::NoWords => "no letters or digits",
            Reason::SiteTag => "headline with site name",
            Reason::Byline => "byline",
            Reason::Timestamp => "date or time stamp",
            Reason::MediaPrompt => "media player prompt",
            Reason::Navigation => "site navigation",
            Reason::Copyright => "copyright notice",
            Reason::PhotoCredit => "photo credit or caption",
            Reason::TrailingLabel => "widget label after the article",
            Reason::Fragment => "stray fragment",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Which rules run and their thresholds; all rules on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanConfig {
    /// 1-based raw line numbers the user restored: kept whatever the rules say.
    pub keep_lines: Vec<usize>,
    /// Rules switched off.
    pub disabled: Vec<Reason>,
    /// Longest line, in words, that a prompt vocabulary rule removes.
    pub max_prompt_words: usize,
    /// Longest line, in words, that a prefix rule ("Read more at …", "Photo: …") removes.
    pub max_prefixed_words: usize,
    /// Longest line, in words, taken for a widget label after the article.
    pub max_label_words: usize,
    /// Longest line, in words, taken for a stray lower-case fragment.
    pub max_fragment_words: usize,
    /// Longest site name, in words, after the bar of a "Headline | Site Name" tag.
    pub max_site_name_words: usize,
}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {
            keep_lines: Vec::new(),
            disabled: Vec::new(),
            max_prompt_words: 8,
            max_prefixed_words: 16,
            max_label_words: 4,
            max_fragment_words: 2,
            max_site_name_words: 5,
        }
    }
}

/// A line the cleaner took out, with where it was and why, so a user can restore it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// 1-based line number in the raw text.
    pub line: usize,
    /// The line as it stood, without its line break.
    pub text: String,
    /// Why it was removed; `reason.label()` is a short human reason, e.g. "comment prompt".
    pub reason: Reason,
    /// Byte span of the line (without its line break) in the raw text.
    pub start: usize,
    pub end: usize,
}

/// A raw line that was kept, and where it sits in the raw and the kept text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptLine {
    /// 1-based line number in the raw text.
    pub line: usize,
    /// Byte offset of the kept part (the line trimmed) in the raw text.
    pub raw_start: usize,
    /// Byte offset of the same part in the kept text.
    pub start: usize,
    /// Its length in bytes (0 for the blank line kept between paragraphs).
    pub len: usize,
}

/// The cleaner's output: the kept text, every removed line, and every kept line.
///
/// Every raw line is in exactly one of `kept`, `removed` and `blank_lines`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cleaned {
    /// Kept lines, trimmed, joined by '\n'; no leading or trailing blank line, and never two
    /// blank lines in a row.
    pub text: String,
    /// Lines removed as site furniture, in raw order: what the UI offers to restore.
    pub removed: Vec<RemovedLine>,
    /// Lines kept, in raw order, including the blank lines kept between paragraphs.
    pub kept: Vec<KeptLine>,
    /// 1-based numbers of the blank (or whitespace-only) lines dropped: leading, trailing and
    /// repeated ones.
    pub blank_lines: Vec<usize>,
}

impl Cleaned {
    /// Maps a byte offset in the kept text to the raw text. Offsets in a line break map to
    /// the end of the line before it.
    pub fn raw_offset(&self, kept_offset: usize) -> usize {
        let i = self.kept.partition_point(|k| k.start <= kept_offset);
        match i.checked_sub(1).and_then(|i| self.kept.get(i)) {
            Some(k) => k.raw_start + (kept_offset - k.start).min(k.len),
            None => 0,
        }
    }
}

/// Removes site furniture from `raw`. Never fails.
///
/// ```
/// use wirediff::engine::{clean, CleanConfig};
/// let raw = "Title\n\nA sentence.\n\n\nRead at Axios\nLeave a comment\n";
/// let cleaned = clean(raw, &CleanConfig::default());
/// assert_eq!(cleaned.text, "Title\n\nA sentence.");
/// let labels: Vec<_> = cleaned.removed.iter().map(|r| (r.line, r.reason.label())).collect();
/// assert_eq!(labels, [(6, "read-more link"), (7, "comment prompt")]);
/// assert_eq!(cleaned.blank_lines, [4, 5]);
/// ```
pub fn clean(raw: &str, config: &CleanConfig) -> Cleaned {
    let lines = split_lines(raw);
    let enabled = |reason: Reason| !config.disabled.contains(&reason);
    let keep: std::collections::BTreeSet<usize> = config.keep_lines.iter().copied().collect();
    let restored = |index: usize| keep.contains(&(index + 1));

    // Pass 1: rules that look at one line.
    let mut fate: Vec<Fate> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.trimmed.is_empty() {
                Fate::Blank
            } else if restored(i) {
                Fate::Content
            } else {
                match classify(l.trimmed, config) {
                    Some(reason) if enabled(reason) => Fate::Removed(reason),
                    _ => Fate::Content,
                }
            }
        })
        .collect();

    // Pass 2: labels and fragments after the article's last real sentence.
    let anchor =
        fate.iter().zip(&lines).rposition(|(f, l)| *f == Fate::Content && is_anchor(l.trimmed, config));
    if let Some(anchor) = anchor {
        for i in (anchor + 1..lines.len()).rev() {
            if fate[i] != Fate::Content || restored(i) {
                continue;
            }
            let words = word_count(lines[i].trimmed);
            // A list item ("- NATO ruled out") is content: a closing "Key points" list stays.
            if words > config.max_label_words
                || ends_sentence_strictly(lines[i].trimmed)
                || is_list_item(lines[i].trimmed)
            {
                break;
            }
            let reason =
                if starts_lowercase(lines[i].trimmed) { Reason::Fragment } else { Reason::TrailingLabel };
            if enabled(reason) {
                fate[i] = Fate::Removed(reason);
            }
        }
    }

    // Pass 3: a lone lower-case fragment between finished sentences. Lines after `i` keep
    // their pass-2 fate here, so the next content line is found in one backward sweep.
    if enabled(Reason::Fragment) {
        let mut next_content = vec![None; lines.len()];
        let mut next = None;
        for i in (0..lines.len()).rev() {
            next_content[i] = next;
            if fate[i] == Fate::Content {
                next = Some(i);
            }
        }
        let mut prev: Option<usize> = None;
        for i in 0..lines.len() {
            if fate[i] != Fate::Content {
                continue;
            }
            let candidate = !restored(i) && is_fragment(lines[i].trimmed, config);
            // Only after a finished sentence: never the text's first line, nor its only one.
            let prev_done = prev.is_some_and(|j| ends_sentence(lines[j].trimmed));
            let next_fresh = next_content[i].is_none_or(|j: usize| !starts_lowercase(lines[j].trimmed));
            if candidate && prev_done && next_fresh {
                fate[i] = Fate::Removed(Reason::Fragment);
            } else {
                prev = Some(i);
            }
        }
    }

    build(raw, &lines, &fate)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Blank,
    Content,
    Removed(Reason),
}

struct RawLine<'a> {
    /// Byte span of the line without its line break ('\n' or "\r\n").
    start: usize,
    end: usize,
    trimmed: &'a str,
    /// Byte offset of `trimmed` in the raw text.
    trimmed_start: usize,
}

fn split_lines(raw: &str) -> Vec<RawLine<'_>> {
    let mut out = Vec::new();
    if raw.is_empty() {
        return out;
    }
    let mut offset = 0;
    for piece in raw.split('\n') {
        let line = piece.strip_suffix('\r').unwrap_or(piece);
        let lead = line.len() - line.trim_start().len();
        out.push(RawLine {
            start: offset,
            end: offset + line.len(),
            trimmed: line.trim(),
            trimmed_start: offset + lead,
        });
        offset += piece.len() + 1;
    }
    // A final line break does not open one more (empty) line.
    if out.len() > 1 && raw.ends_with('\n') {
        out.pop();
    }
    out
}

fn build(raw: &str, lines: &[RawLine<'_>], fate: &[Fate]) -> Cleaned {
    let mut out = Cleaned::default();
    let last_content = fate.iter().rposition(|f| *f == Fate::Content);
    let mut seen_content = false;
    let mut pending_blank: Option<usize> = None;
    for (i, (line, f)) in lines.iter().zip(fate).enumerate() {
        let remove = |reason: Reason| RemovedLine {
            line: i + 1,
            text: raw[line.start..line.end].to_string(),
            reason,
            start: line.start,
            end: line.end,
        };
        match *f {
            Fate::Removed(reason) => out.removed.push(remove(reason)),
            Fate::Blank => {
                let keep =
                    seen_content && pending_blank.is_none() && last_content.is_some_and(|last| i < last);
                if keep {
                    pending_blank = Some(i);
                    push_line(&mut out, i, line.trimmed_start, "");
                } else {
                    out.blank_lines.push(i + 1);
                }
            }
            Fate::Content => {
                seen_content = true;
                pending_blank = None;
                push_line(&mut out, i, line.trimmed_start, line.trimmed);
            }
        }
    }
    out
}

fn push_line(out: &mut Cleaned, index: usize, raw_start: usize, text: &str) {
    if !out.kept.is_empty() {
        out.text.push('\n');
    }
    out.kept.push(KeptLine { line: index + 1, raw_start, start: out.text.len(), len: text.len() });
    out.text.push_str(text);
}

/// A line that shows the article is still going: it ends a sentence or is long.
fn is_anchor(line: &str, config: &CleanConfig) -> bool {
    ends_sentence_strictly(line) || word_count(line) > config.max_label_words
}

/// Ends in `.`, `!`, `?` or `…` (not `:`), possibly followed by closing quotes or brackets.
fn ends_sentence_strictly(line: &str) -> bool {
    ends_sentence(line) && !line.ends_with(':')
}

/// "- item", "• item", "* item", "1. item", "2) item".
fn is_list_item(line: &str) -> bool {
    let marker = line.split_whitespace().next().unwrap_or("");
    matches!(marker, "-" | "–" | "—" | "•" | "*" | "·" | "▪")
        || marker.strip_suffix(['.', ')']).is_some_and(|n| !n.is_empty() && n.len() <= 2 && is_number(n))
}

fn is_fragment(line: &str, config: &CleanConfig) -> bool {
    starts_lowercase(line) && !ends_sentence(line) && word_count(line) <= config.max_fragment_words
}

/// Ends in `.`, `!`, `?`, `…` or `:`, possibly followed by closing quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    matches!(core.chars().next_back(), Some('.' | '!' | '?' | '…' | ':'))
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Lower-cased words: runs of letters and digits (apostrophes and hyphens inside kept).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in line.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || (!word.is_empty() && (c == '\'' || c == '-')) {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word).trim_end_matches(['\'', '-']).to_string());
        }
    }
    if !word.is_empty() {
        out.push(word.trim_end_matches(['\'', '-']).to_string());
    }
    out
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn in_table(table: &[&str], word: &str) -> bool {
    table.binary_search(&word).is_ok()
}

fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// The line is a prompt of one family: few words, all the family's (or numbers), one key.
fn is_prompt(words: &[String], keys: &[&str], filler: &[&str], config: &CleanConfig) -> bool {
    !words.is_empty()
        && words.len() <= config.max_prompt_words
        && words.iter().any(|w| in_table(keys, w))
        && words.iter().all(|w| in_table(keys, w) || in_table(filler, w) || is_number(w))
}

/// The one-line rules, in order; the first that matches gives the reason.
fn classify(line: &str, config: &CleanConfig) -> Option<Reason> {
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Reason::NoWords);
    }
    if is_hashtag_line(line) {
        return Some(Reason::Hashtags);
    }
    let lower = line.to_lowercase().replace('’', "'");
    let words = words(line);
    let n = words.len();
    if n <= 60 && COOKIE_PHRASES.iter().any(|p| lower.contains(p)) {
        return Some(Reason::CookieNotice);
    }
    if is_read_time(&lower, &words) {
        return Some(Reason::ReadTime);
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| starts_with_words(&lower, p));
    if n <= 3 * config.max_prefixed_words && starts(TAG_PREFIXES) {
        return Some(Reason::TagList);
    }
    if n <= config.max_prefixed_words && starts(READ_MORE_PREFIXES) {
        return Some(Reason::ReadMore);
    }
    if is_prompt(&words, COMMENT_KEYS, COMMENT_FILLER, config) {
        return Some(Reason::CommentPrompt);
    }
    if is_prompt(&words, AD_KEYS, AD_FILLER, config) {
        return Some(Reason::Advertisement);
    }
    if is_prompt(&words, SHARE_KEYS, SHARE_FILLER, config) {
        return Some(Reason::SharePrompt);
    }
    if is_prompt(&words, MEDIA_KEYS, MEDIA_FILLER, config) {
        return Some(Reason::MediaPrompt);
    }
    if is_prompt(&words, NAVIGATION_KEYS, NAVIGATION_FILLER, config)
        || n <= config.max_prefixed_words && NEW_TAB_PHRASES.iter().any(|p| lower.contains(p))
    {
        return Some(Reason::Navigation);
    }
    if n <= 2 * config.max_prefixed_words && is_copyright(&lower) {
        return Some(Reason::Copyright);
    }
    let credit_inside = PHOTO_CREDIT_MARKS.iter().any(|p| lower.contains(p));
    if n <= config.max_prefixed_words && starts(PHOTO_PREFIXES) || credit_inside {
        return Some(Reason::PhotoCredit);
    }
    if is_byline(line, &words, config) {
        return Some(Reason::Byline);
    }
    if is_timestamp(&words, config) {
        return Some(Reason::Timestamp);
    }
    if is_site_tag(line, config) {
        return Some(Reason::SiteTag);
    }
    None
}

/// `lower` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_words(lower: &str, prefix: &str) -> bool {
    let lower = lower.trim_start_matches(['(', '[', '›', '»', '>', '•', '-', '—']);
    lower.strip_prefix(prefix).is_some_and(|rest| {
        prefix.ends_with([':', '/']) || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

fn is_hashtag_line(line: &str) -> bool {
    line.split_whitespace()
        .all(|t| t.strip_prefix('#').is_some_and(|tag| tag.chars().next().is_some_and(char::is_alphanumeric)))
}

/// "© 2025 The Associated Press. All rights reserved.", "Copyright 2025 Reuters".
fn is_copyright(lower: &str) -> bool {
    lower.starts_with('©')
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright ")
        || COPYRIGHT_PHRASES.iter().any(|p| lower.contains(p))
}

/// "5 min read", "Unable to calculate read time", "Reading time: 4 minutes".
fn is_read_time(lower: &str, words: &[String]) -> bool {
    if words.len() > 6 || lower.trim_end().ends_with('.') {
        return false;
    }
    if lower.contains("read time") || lower.contains("reading time") {
        return true;
    }
    words.windows(3).any(|w| {
        is_number(&w[0]) && matches!(w[1].as_str(), "min" | "mins" | "minute" | "minutes") && w[2] == "read"
    }) || words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "1min" | "2min" | "3min" | "4min" | "5min") && w[1] == "read")
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "(Reporting by Jane Doe; Editing by …)".
fn is_byline(line: &str, words: &[String], config: &CleanConfig) -> bool {
    let lower = line.to_lowercase();
    let rest = ["by ", "written by ", "story by ", "words by ", "reporting by ", "(reporting by "]
        .iter()
        .find_map(|p| if lower.starts_with(p) { line.get(p.len()..) } else { None });
    let Some(rest) = rest else { return false };
    if words.len() > config.max_prefixed_words || line.trim_end_matches(')').ends_with('.') {
        return false;
    }
    if lower.starts_with("(reporting by ") {
        return line.ends_with(')');
    }
    // Every word of the names is capitalised, save a few joiners.
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '|'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(w, "and" | "by" | "in" | "for" | "staff")
        })
}

/// A line of dates and times only: "Updated 3:45 PM EST, Nov. 21, 2025", "5 hours ago".
fn is_timestamp(words: &[String], config: &CleanConfig) -> bool {
    if words.is_empty() || words.len() > config.max_prefixed_words {
        return false;
    }
    let known = |w: &String| {
        is_number(w)
            || [MONTHS, WEEKDAYS, STAMP_WORDS, CLOCK_WORDS, TIME_FILLER].iter().any(|t| in_table(t, w))
    };
    if !words.iter().all(known) {
        return false;
    }
    // A bare year or "March 2022" may head a timeline section; a page's stamp is more precise.
    let has = |table: &[&str]| words.iter().any(|w| in_table(table, w));
    let day = words.iter().any(|w| is_number(w) && w.len() <= 2);
    has(STAMP_WORDS) || has(CLOCK_WORDS) || day && (has(MONTHS) || has(WEEKDAYS))
}

/// "Ukraine is desperate to stop the war | Instant World News": text, a bar, then a short
/// Title-Case site name, and no sentence end.
fn is_site_tag(line: &str, config: &CleanConfig) -> bool {
    let Some((head, site)) = line.rsplit_once(['|', '•', '·']) else { return false };
    let site_words: Vec<&str> = site.split_whitespace().collect();
    let head_has_words = head.chars().any(char::is_alphanumeric);
    head_has_words
        && !site_words.is_empty()
        && site_words.len() <= config.max_site_name_words
        && !matches!(line.trim_end().chars().next_back(), Some('.' | '!' | '?' | ','))
        && site_words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
                || matches!(*w, "of" | "the" | "and" | "&" | "for" | "on")
        })
}

// Word tables: sorted, lower case. Tests check the order.

const COMMENT_KEYS: &[&str] = &["comment", "commenting", "comments", "conversation", "discussion"];
const COMMENT_FILLER: &[&str] = &[
    "a", "add", "all", "an", "are", "be", "closed", "first", "hide", "in", "join", "leave", "load", "log",
    "more", "on", "open", "our", "post", "read", "see", "show", "sign", "story", "the", "this", "to", "top",
    "view", "write", "your",
];
const AD_KEYS: &[&str] =
    &["ad", "ads", "advert", "advertisement", "advertisements", "continues", "sponsored"];
const AD_FILLER: &[&str] = &[
    "after", "an", "article", "below", "by", "content", "continue", "feedback", "is", "paid", "partner",
    "post", "promoted", "reading", "remove", "report", "scroll", "skip", "story", "the", "this", "to",
    "with",
];
const SHARE_KEYS: &[&str] = &[
    "account",
    "bluesky",
    "bookmark",
    "copied",
    "email",
    "facebook",
    "flipboard",
    "follow",
    "inbox",
    "instagram",
    "linkedin",
    "log",
    "login",
    "messenger",
    "newsletter",
    "newsletters",
    "pinterest",
    "print",
    "reddit",
    "register",
    "save",
    "share",
    "shares",
    "sharing",
    "sign",
    "subscribe",
    "subscriber",
    "subscribers",
    "telegram",
    "tiktok",
    "tweet",
    "twitter",
    "whatsapp",
    "youtube",
];
const SHARE_FILLER: &[&str] = &[
    "a",
    "alerts",
    "all",
    "already",
    "an",
    "and",
    "article",
    "best",
    "breaking",
    "by",
    "click",
    "continue",
    "copy",
    "create",
    "daily",
    "delivered",
    "for",
    "free",
    "friend",
    "get",
    "gift",
    "have",
    "here",
    "in",
    "it",
    "latest",
    "link",
    "me",
    "more",
    "morning",
    "news",
    "now",
    "on",
    "options",
    "or",
    "our",
    "out",
    "page",
    "post",
    "reading",
    "sent",
    "stories",
    "story",
    "straight",
    "the",
    "this",
    "to",
    "today",
    "top",
    "up",
    "updates",
    "url",
    "us",
    "via",
    "weekly",
    "with",
    "x",
    "you",
    "your",
];
const MEDIA_KEYS: &[&str] =
    &["audio", "listen", "listening", "loading", "play", "playback", "podcast", "video", "videos", "watch"];
const MEDIA_FILLER: &[&str] = &[
    "article", "full", "here", "min", "mins", "minutes", "now", "report", "seconds", "story", "the", "this",
    "to",
];
const NAVIGATION_KEYS: &[&str] =
    &["back", "breadcrumb", "close", "home", "menu", "navigation", "search", "skip", "topics"];
const NAVIGATION_FILLER: &[&str] = &[
    "all", "content", "explore", "main", "more", "on", "open", "page", "related", "see", "the", "these",
    "to", "top",
];
const COPYRIGHT_PHRASES: &[&str] =
    &["all rights reserved", "may not be published, broadcast, rewritten", "may not be reproduced"];
const NEW_TAB_PHRASES: &[&str] =
    &["opens in a new tab", "opens in new tab", "opens in new window", "opens new tab"];
const PHOTO_CREDIT_MARKS: &[&str] =
    &["(ap photo", "(getty images)", "(photo by", "(reuters/", "/getty images)"];
const READ_MORE_PREFIXES: &[&str] = &[
    "also read",
    "click here",
    "continue reading",
    "explore more",
    "keep reading",
    "more from",
    "more on this",
    "most popular",
    "most read",
    "most viewed",
    "originally published",
    "read also",
    "read at",
    "read full",
    "read more",
    "read next",
    "read on",
    "read the full",
    "read the original",
    "recommended",
    "recommended:",
    "related articles",
    "related stories",
    "related topics",
    "related:",
    "see also",
    "this article originally",
    "this article was originally",
    "this story originally",
    "this story was originally",
    "view original",
    "watch:",
    "you may also like",
    "you might also like",
];
const TAG_PREFIXES: &[&str] =
    &["categories:", "filed under:", "keywords:", "related topics:", "tags:", "topics:"];
const PHOTO_PREFIXES: &[&str] = &[
    "ap photo",
    "credit:",
    "getty images",
    "illustration:",
    "image credit",
    "image:",
    "photo by",
    "photo credit",
    "photo:",
    "photograph:",
    "photos:",
    "picture:",
];
const COOKIE_PHRASES: &[&str] = &[
    "accept all cookies",
    "accept cookies",
    "cookie policy",
    "cookie preferences",
    "cookie settings",
    "manage cookies",
    "this site uses cookies",
    "this website uses cookies",
    "use of cookies",
    "we use cookies",
];
const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];
const WEEKDAYS: &[&str] = &[
    "fri",
    "friday",
    "mon",
    "monday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];
const STAMP_WORDS: &[&str] = &["ago", "modified", "posted", "published", "updated"];
const CLOCK_WORDS: &[&str] =
    &["am", "bst", "cdt", "cet", "cst", "edt", "est", "et", "gmt", "m", "pdt", "pm", "pst", "pt", "utc"];
const TIME_FILLER: &[&str] = &[
    "a", "at", "day", "days", "hour", "hours", "hr", "hrs", "last", "min", "mins", "minute", "minutes", "on",
    "p", "week", "weeks",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for table in [
            COMMENT_KEYS,
            COMMENT_FILLER,
            AD_KEYS,
            AD_FILLER,
            SHARE_KEYS,
            SHARE_FILLER,
            MEDIA_KEYS,
            MEDIA_FILLER,
            NAVIGATION_KEYS,
            NAVIGATION_FILLER,
            COPYRIGHT_PHRASES,
            NEW_TAB_PHRASES,
            PHOTO_CREDIT_MARKS,
            READ_MORE_PREFIXES,
            TAG_PREFIXES,
            PHOTO_PREFIXES,
            COOKIE_PHRASES,
            MONTHS,
            WEEKDAYS,
            STAMP_WORDS,
            CLOCK_WORDS,
            TIME_FILLER,
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn reasons_serialize_snake_case() {
        assert_eq!(serde_json::to_string(&Reason::CommentPrompt).unwrap(), "\"comment_prompt\"");
        assert_eq!(Reason::ALL.len(), Reason::ALL.iter().collect::<std::collections::BTreeSet<_>>().len());
    }
}
