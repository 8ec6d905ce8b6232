//! Paragraph and sentence segmentation with byte spans into the segmented text.
//!
//! # Worked example (seed 001, one line of the cleaned text)
//!
//! ```text
//! “I don’t want to say that [Kyiv] full-heartedly … agreed to it and they’re ready to sign
//! off. They agreed to the majority of the plan,” the source said.
//! ```
//!
//! Unicode's sentence rules (UAX #29, via `unicode-segmentation`) cut this after `sign off.`,
//! which tears the quote's first sentence away from its speaker. The rules on top keep a
//! quotation that closes into an attribution (`,” the source said`) in one piece, so the
//! example is **one** sentence. Likewise `U.S. Army Secretary Dan Driscoll presented the plan`
//! stays whole (UAX #29 breaks after `U.S. `), while `at least 25 people … were killed in the
//! attack. 73 people were injured.` becomes **two** sentences (UAX #29 does not break before a
//! digit).
//!
//! # What the rules do
//! 1. **Paragraphs.** Blank lines always end a paragraph. A single line break ends one too
//!    (most pasted articles put one paragraph per line, like seed 001) unless it is a soft wrap:
//!    the line does not end a sentence and the next starts in lower case, or the block is
//!    hard-wrapped (every line short, and this line near the block's full width).
//! 2. **Quote-wrapped paragraphs** (seed 002: `"Witkoff also … "we feel …heard." … in
//!    writing."`), where an outer pair of quote marks wraps a paragraph that opens further
//!    quotations inside, are segmented without the outer marks, which are no quotation.
//! 3. **Sentences.** UAX #29 boundaries inside each paragraph, then:
//!    - no break before a lower-case word (`“Why?” he asked`), nor before or after a piece
//!      with no letters or digits;
//!    - closing quote marks after a sentence end stay with it (`the war.’ ”`);
//!    - no break after a title (`Mr.`, `Sen.`, `Gov.`, `Dr.`), nor after an initial, dotted
//!      acronym or other abbreviation (`W.`, `J.D.`, `U.S.`, `Jan.`, `St.`, `Inc.`) unless the
//!      next word is a usual sentence opener (`The`, `He`, `But`, …);
//!    - no break after a list item's number (`1.`, `a)`), nor between a closed quotation and a
//!      short capitalised attribution (`“Why now?” Zelensky asked.`);
//!    - no break inside a quotation that closes into an attribution (`… sign off. They
//!      agreed …,” the source said.`), up to [`SegmentConfig::max_joined_quote_sentences`];
//!    - a break after `word.` followed by a number (`attack. 73 people`).
//!
//! # Cost
//! O(n) time in the text's length: one pass for lines, one UAX #29 pass per paragraph, and
//! constant work per boundary (word look-ups are in short sorted tables). Memory is O(n) for a
//! scratch copy of each paragraph.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Thresholds of the segmenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentConfig {
    /// A quotation that closes into an attribution (`…,” he said`) is kept whole with the
    /// attribution if it holds at most this many sentences; 1 turns the rule off.
    pub max_joined_quote_sentences: usize,
    /// Lines longer than this (in chars) are never taken for hard-wrapped text.
    pub wrap_max_width: usize,
    /// In a hard-wrapped block, a line at least this percentage of the block's widest line is
    /// taken to continue on the next line; a shorter line ends its paragraph.
    pub wrap_full_line_percent: usize,
}

impl Default for SegmentConfig {
    fn default() -> Self {
        SegmentConfig { max_joined_quote_sentences: 4, wrap_max_width: 100, wrap_full_line_percent: 70 }
    }
}

/// One sentence as a byte span into the text that was segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// 0-based paragraph index.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// One paragraph as a byte span into the text that was segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphSpan {
    pub start: usize,
    pub end: usize,
    /// The paragraph was wrapped in an outer pair of quote marks that is no quotation (seed
    /// 002); its sentences leave those marks out.
    pub quote_wrapped: bool,
}

/// Paragraphs and sentences of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmented {
    pub paragraphs: Vec<ParagraphSpan>,
    pub sentences: Vec<SentenceSpan>,
}

/// Splits `text` into sentences with the default [`SegmentConfig`]. Spans are in order, do
/// not overlap, are trimmed, non-empty and on char boundaries.
///
/// ```
/// use wirediff::engine::segment;
/// let text = "Mr. Smith met U.S. Army officials. “It ended.” he said.\nNext line";
/// let got: Vec<&str> = segment(text).iter().map(|s| &text[s.start..s.end]).collect();
/// assert_eq!(got, ["Mr. Smith met U.S. Army officials.", "“It ended.” he said.", "Next line"]);
/// ```
pub fn segment(text: &str) -> Vec<SentenceSpan> {
    segment_with(text, &SegmentConfig::default()).sentences
}

/// Splits `text` into paragraphs and sentences.
pub fn segment_with(text: &str, config: &SegmentConfig) -> Segmented {
    let paragraphs = paragraphs(text, config);
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let (start, end) = if paragraph.quote_wrapped {
            let inner = &text[paragraph.start..paragraph.end];
            let first = inner.chars().next().map_or(0, char::len_utf8);
            let last = inner.chars().next_back().map_or(0, char::len_utf8);
            (paragraph.start + first, paragraph.end - last)
        } else {
            (paragraph.start, paragraph.end)
        };
        split_paragraph(text, start, end, index, config, &mut sentences);
    }
    Segmented { paragraphs, sentences }
}

/// The text's paragraphs: trimmed, non-empty byte spans in order.
pub fn paragraphs(text: &str, config: &SegmentConfig) -> Vec<ParagraphSpan> {
    let lines = lines(text);
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    for line in lines.into_iter().chain(std::iter::once(Line { start: 0, end: 0, width: 0 })) {
        if line.width > 0 {
            block.push(line);
            continue;
        }
        if block.is_empty() {
            continue;
        }
        let wrapped = is_hard_wrapped(text, &block, config);
        let widest = block.iter().map(|l| l.width).max().unwrap_or(0);
        let mut start = block[0].start;
        for i in 0..block.len() {
            let this = &block[i];
            let joins_next = block.get(i + 1).is_some_and(|next| {
                let this_text = &text[this.start..this.end];
                let next_text = &text[next.start..next.end];
                let ends_sentence = ends_sentence_or_heading(this_text);
                if starts_lowercase(next_text) && !ends_sentence {
                    return true;
                }
                wrapped
                    && !this_text.ends_with(':')
                    && this.width * 100 >= widest * config.wrap_full_line_percent
            });
            if !joins_next {
                out.push(make_paragraph(text, start, this.end));
                if let Some(next) = block.get(i + 1) {
                    start = next.start;
                }
            }
        }
        block.clear();
    }
    out
}

/// A hard-wrapped block: three lines or more, none wider than `wrap_max_width`, and at least
/// half of the lines before the last end mid-sentence. (A block with one paragraph per line
/// has nearly every line ending a sentence.)
fn is_hard_wrapped(text: &str, block: &[Line], config: &SegmentConfig) -> bool {
    if block.len() < 3 || block.iter().any(|l| l.width > config.wrap_max_width) {
        return false;
    }
    let inner = &block[..block.len() - 1];
    let open = inner.iter().filter(|l| !ends_sentence_or_heading(&text[l.start..l.end])).count();
    open * 2 >= inner.len()
}

fn make_paragraph(text: &str, start: usize, end: usize) -> ParagraphSpan {
    ParagraphSpan { start, end, quote_wrapped: is_quote_wrapped(&text[start..end]) }
}

/// A non-blank line, trimmed, with its width in chars (0 for a blank line).
struct Line {
    start: usize,
    end: usize,
    width: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let start = offset + lead;
        out.push(Line { start, end: start + trimmed.len(), width: trimmed.chars().count() });
        offset += raw.len() + 1;
    }
    out
}

/// Whether a line ends a sentence or is a heading: it ends in `.`, `!`, `?`, `…`, `:` or `;`,
/// possibly followed by closing quotes or brackets.
fn ends_sentence_or_heading(line: &str) -> bool {
    let last = line.trim_end().trim_end_matches(is_closing).chars().next_back();
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | ';'))
}

fn starts_lowercase(line: &str) -> bool {
    line.trim_start_matches(|c: char| is_opening(c) || c.is_whitespace())
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{')
}

/// Seed 002's paragraphs are wrapped in quote marks that are no quotation: the paragraph
/// starts and ends with a quote mark, and the next quote mark after the first one opens a new
/// quotation instead of closing the first.
fn is_quote_wrapped(paragraph: &str) -> bool {
    let (open, close) = match paragraph.chars().next() {
        Some('"') => ('"', '"'),
        Some('“') => ('“', '”'),
        _ => return false,
    };
    if paragraph.len() < 3 || !paragraph.ends_with(close) {
        return false;
    }
    let inner = &paragraph[open.len_utf8()..paragraph.len() - close.len_utf8()];
    if open == '"' && inner.matches('"').count() % 2 != 0 {
        return false;
    }
    // The first quote mark inside must open a quotation (follow a space or an opening mark).
    let mut prev = ' ';
    for c in inner.chars() {
        if c == open || c == close {
            return open == '“' && c == '“' || open == '"' && (prev.is_whitespace() || is_opening(prev));
        }
        prev = c;
    }
    false
}

/// Splits `text[start..end]` (one paragraph) into sentences and pushes their spans.
fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    config: &SegmentConfig,
    out: &mut Vec<SentenceSpan>,
) {
    let Some(slice) = text.get(start..end) else { return };
    // Soft line breaks are spaces to UAX #29; '\n' and '\r' are one byte like ' ', so offsets hold.
    let scratch: String = slice.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let s = scratch.as_str();

    let mut cuts: Vec<usize> = s.split_sentence_bound_indices().map(|(i, _)| i).filter(|&i| i > 0).collect();
    cuts.extend(digit_cuts(s));
    cuts.sort_unstable();
    cuts.dedup();
    // Closing quotes after a sentence end belong to the sentence they close.
    for cut in cuts.iter_mut() {
        *cut = skip_closers(s, *cut);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let quotes = attributed_quotes(s, config);
    // Whether the sentence so far and the rest of the paragraph hold a letter or digit, kept
    // incrementally so each cut costs O(1) amortised.
    let last_alnum = s.char_indices().rev().find(|&(_, c)| c.is_alphanumeric()).map(|(i, _)| i);
    let mut left_alnum = false;
    let mut scanned = 0;
    let mut kept: Vec<usize> = Vec::new();
    let mut last = 0;
    for &cut in &cuts {
        if cut >= s.len() || cut < scanned {
            continue;
        }
        left_alnum |= s[scanned..cut].chars().any(char::is_alphanumeric);
        scanned = cut;
        let right_alnum = last_alnum.is_some_and(|i| i >= cut);
        if left_alnum && right_alnum && keep_cut(s, last, cut, &quotes) {
            kept.push(cut);
            last = cut;
            left_alnum = false;
        }
    }
    let mut from = 0;
    for cut in kept.into_iter().chain(std::iter::once(s.len())) {
        push_trimmed(s, from, cut, start, paragraph, out);
        from = cut;
    }
}

/// After a cut, closing quote marks (and straight quotes followed by a space) move to the left.
fn skip_closers(s: &str, cut: usize) -> usize {
    let rest = &s[cut..];
    let mut moved = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let closing = match c {
            '”' | '’' | '»' => true,
            '"' | '\'' => chars.peek().is_none_or(|&(_, n)| n.is_whitespace()),
            _ => false,
        };
        if !closing {
            break;
        }
        moved = i + c.len_utf8();
    }
    cut + moved
}

/// Whether to keep a UAX #29 cut at `cut`; the current sentence started at `from`.
/// Both sides of the cut are known to hold a letter or digit.
fn keep_cut(s: &str, from: usize, cut: usize, quotes: &[(usize, usize)]) -> bool {
    let left = &s[from..cut];
    let right = &s[cut..];
    if starts_lowercase(right) {
        return false;
    }
    // Quotations are disjoint and in order: only the last one opening before the cut can hold it.
    let opened = quotes.partition_point(|&(open, _)| open < cut);
    if opened > 0 && cut < quotes[opened - 1].1 {
        return false;
    }
    let left = left.trim_end();
    if is_list_marker(left.trim_start()) {
        return false;
    }
    if ends_in_closed_quote(left) && is_short_attribution(right) {
        return false;
    }
    let Some(before_dot) = left.strip_suffix('.') else { return true };
    let word = last_word(before_dot);
    if word.is_empty() {
        return true;
    }
    let bare = word.trim_end_matches('.');
    let lower = bare.to_lowercase();
    if TITLES.binary_search(&lower.as_str()).is_ok() {
        return false;
    }
    // `No. 1 Intermediate Court`: UAX #29 breaks before the capital after the number.
    let before_number = right.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if before_number && NUMBER_ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() {
        return false;
    }
    let abbreviation =
        ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() || is_initial(bare) || is_dotted_acronym(word);
    if abbreviation {
        return next_word_opens_sentence(right);
    }
    true
}

/// `1.`, `a)`, `iv.`: a list item's number, not a sentence.
fn is_list_marker(piece: &str) -> bool {
    let Some(body) = piece.strip_suffix(['.', ')']) else { return false };
    let body = body.strip_prefix('(').unwrap_or(body);
    let count = body.chars().count();
    (1..=3).contains(&count) && body.chars().all(|c| c.is_ascii_digit())
        || count == 1 && body.chars().all(|c| c.is_ascii_alphabetic())
        || (1..=4).contains(&count) && body.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// `…over.”`, `…why?"`, `…clear.’’`: a sentence end inside a closing quote mark.
fn ends_in_closed_quote(left: &str) -> bool {
    let inner = left.trim_end_matches(['”', '’', '"', '»']);
    inner.len() < left.len() && inner.ends_with(['.', '!', '?', '…'])
}

/// `Zelensky said.`, `He told reporters.`, `Secretary Marco Rubio wrote on X.`: a short
/// attribution in capitalised words (names, a pronoun), a speech verb, and at most two
/// more words before the sentence ends.
fn is_short_attribution(right: &str) -> bool {
    let mut before_verb = 0;
    let mut after_verb: Option<usize> = None;
    for raw in right.split_whitespace().take(12) {
        let word = raw.trim_end_matches(['.', '!', '?', ',', ';', ':']);
        let ends = word.len() < raw.len() && !raw.ends_with([',', ';', ':']);
        match after_verb.as_mut() {
            Some(after) => *after += 1,
            None if SPEECH_VERBS.binary_search(&word.to_lowercase().as_str()).is_ok() => after_verb = Some(0),
            None if word.chars().next().is_some_and(char::is_uppercase) => before_verb += 1,
            None => return false,
        }
        if after_verb.is_some_and(|after| after > 2) || before_verb > 5 {
            return false;
        }
        if ends {
            return after_verb.is_some() && before_verb > 0;
        }
    }
    after_verb.is_some() && before_verb > 0 && right.split_whitespace().nth(12).is_none()
}

/// The word just before the end of `s` (letters, digits, dots and apostrophes).
fn last_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// `W` in "George W. Bush".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// `U.S`, `J.D`, `e.g`, `a.m` (the final dot is already stripped): short letter groups joined by dots.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .filter(|part| !part.is_empty())
            .all(|part| part.chars().count() <= 2 && part.chars().all(char::is_alphabetic))
}

fn next_word_opens_sentence(right: &str) -> bool {
    let word = next_word(right);
    word.is_empty() || SENTENCE_OPENERS.binary_search(&word.as_str()).is_ok()
}

/// The first word of `right`, lower-cased.
fn next_word(right: &str) -> String {
    right
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

/// Cuts UAX #29 misses: `attack. 73 people` (a sentence end, then a number).
fn digit_cuts(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = i + 1;
        let rest = &s[after..];
        let rest_trim = rest.trim_start_matches(['”', '’', '"', '\'']);
        let spaces = rest_trim.len() - rest_trim.trim_start().len();
        // The next sentence may open with a quotation or a bracket: `happiness. "30 years …`.
        let next = rest_trim.trim_start().trim_start_matches(['“', '‘', '"', '\'', '(', '[']);
        if spaces == 0 || !next.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        // Only after a plain word of two letters or more that is no abbreviation ("No. 5").
        let word = last_word(&s[..i]);
        if word.chars().count() < 2 || word.contains('.') || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let lower = word.to_lowercase();
        if ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
            || TITLES.binary_search(&lower.as_str()).is_ok()
            || NUMBER_ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
        {
            continue;
        }
        let cut = after + (rest.len() - rest_trim.len()) + spaces;
        if cut < bytes.len() {
            out.push(cut);
        }
    }
    out
}

/// Byte ranges (open, close) of quotations that close into an attribution: the closing mark
/// follows a comma, or the next word after it is lower case. Only quotations with at most
/// `max_joined_quote_sentences` sentence ends inside are returned.
fn attributed_quotes(s: &str, config: &SegmentConfig) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let (opens, closes) = match c {
            '“' | '«' => (true, false),
            '”' | '»' => (false, true),
            '’' if next == Some('’') => (false, true),
            '"' => {
                if open.is_some() {
                    (false, true)
                } else {
                    (prev.is_whitespace() || is_opening(prev) || matches!(prev, '—' | '–'), false)
                }
            }
            _ => (false, false),
        };
        if opens {
            open = Some(i);
        } else if closes {
            if let Some(o) = open.take() {
                let mut close = i + c.len_utf8();
                if c == '’' {
                    iter.next();
                    close += '’'.len_utf8();
                }
                let after = &s[close..];
                let comma = s[..i].ends_with(',');
                if comma || starts_lowercase_word(after) {
                    let inner = &s[o..i];
                    let ends = inner.matches(['.', '!', '?']).count();
                    if ends < config.max_joined_quote_sentences {
                        out.push((o, close));
                    }
                }
            }
        }
        prev = c;
    }
    out
}

/// The next thing after spaces is a lower-case letter (not a new quotation).
fn starts_lowercase_word(s: &str) -> bool {
    s.trim_start().chars().next().is_some_and(char::is_lowercase)
}

fn push_trimmed(s: &str, from: usize, to: usize, base: usize, paragraph: usize, out: &mut Vec<SentenceSpan>) {
    let piece = &s[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = base + from + lead;
        out.push(SentenceSpan { paragraph, start, end: start + trimmed.len() });
    }
}

/// Words after which a period never ends a sentence: they precede a name. Sorted.
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "cpt", "det", "dr", "ens", "fr", "gen",
    "gov", "govs", "hon", "insp", "lieut", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "msgr", "pfc",
    "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "spc", "supt", "v", "vs",
];

/// Abbreviations that may end a sentence: the period ends one only if the next word is a usual
/// sentence opener. Sorted.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "ca", "cf", "co", "corp", "dec", "dept",
    "est", "etc", "feb", "fig", "fri", "ft", "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mon", "mt",
    "nos", "nov", "oct", "op", "pp", "rd", "sep", "sept", "sr", "st", "thu", "thur", "thurs", "tue", "tues",
    "univ", "vol",
];

/// Abbreviations that stand before a number: `No. 5`, `Vol. 2`. Sorted.
const NUMBER_ABBREVIATIONS: &[&str] =
    &["art", "ch", "fig", "no", "nos", "op", "p", "para", "pp", "sec", "vol"];

/// Verbs of an attribution after a quotation. Sorted.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "argued",
    "asked",
    "asks",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// Words that usually open a sentence; after an abbreviation they mean the sentence ended. Sorted.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "following",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "just",
    "last",
    "later",
    "many",
    "meanwhile",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "neither",
    "none",
    "not",
    "now",
    "on",
    "one",
    "only",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "unlike",
    "until",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for table in [TITLES, ABBREVIATIONS, SENTENCE_OPENERS, SPEECH_VERBS, NUMBER_ABBREVIATIONS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }
}
