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
        let (start, end) = sentence_area(text, paragraph);
        split_paragraph(text, start, end, index, config, uax29_cuts, &mut sentences);
    }
    Segmented { paragraphs, sentences }
}

/// The first sentence of `text`, as [`segment`] would give it, without Unicode's sentence-break
/// tables: the page derives each article's title from it, and `unicode-segmentation`'s tables
/// cost its wasm about 15 KB gzipped for that one line. Candidate cuts come from
/// [`simple_cuts`], which follows the same UAX #29 rules for the characters of news text;
/// the rules on top are the same code as [`segment`]'s.
///
/// ```
/// use wirediff::engine::segment::first_sentence;
/// let text = "U.S. Army Secretary Dan Driscoll met them. “It ended.” he said.";
/// let s = first_sentence(text).unwrap();
/// assert_eq!(&text[s.start..s.end], "U.S. Army Secretary Dan Driscoll met them.");
/// ```
pub fn first_sentence(text: &str) -> Option<SentenceSpan> {
    let config = SegmentConfig::default();
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs(text, &config).iter().enumerate() {
        let (start, end) = sentence_area(text, paragraph);
        split_paragraph(text, start, end, index, &config, simple_cuts, &mut sentences);
        if let Some(first) = sentences.first() {
            return Some(*first);
        }
    }
    None
}

/// The part of a paragraph that holds its sentences: a quote-wrapped one without its marks.
fn sentence_area(text: &str, paragraph: &ParagraphSpan) -> (usize, usize) {
    if paragraph.quote_wrapped {
        let inner = &text[paragraph.start..paragraph.end];
        let first = inner.chars().next().map_or(0, char::len_utf8);
        let last = inner.chars().next_back().map_or(0, char::len_utf8);
        (paragraph.start + first, paragraph.end - last)
    } else {
        (paragraph.start, paragraph.end)
    }
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

/// Splits `text[start..end]` (one paragraph) into sentences and pushes their spans. `cuts`
/// gives the candidate sentence boundaries of the paragraph (line breaks made spaces).
fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    config: &SegmentConfig,
    cuts: fn(&str) -> Vec<usize>,
    out: &mut Vec<SentenceSpan>,
) {
    let Some(slice) = text.get(start..end) else { return };
    // Soft line breaks are spaces to UAX #29; '\n' and '\r' are one byte like ' ', so offsets hold.
    let scratch: String = slice.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let s = scratch.as_str();

    let mut cuts: Vec<usize> = cuts(s);
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

/// UAX #29's sentence boundaries inside `s` (not at 0).
fn uax29_cuts(s: &str) -> Vec<usize> {
    s.split_sentence_bound_indices().map(|(i, _)| i).filter(|&i| i > 0).collect()
}

/// UAX #29's sentence boundaries inside `s` (not at 0 nor at the end) for line-free text,
/// from its rules SB6–SB11 over the sentence-break classes below. The classes that only
/// bound a sentence (terminators, closers, continuers, spaces, format marks) are Unicode's own
/// lists for the Basic Multilingual Plane; letters and digits are told by `char`'s methods, which
/// `unicode-segmentation`'s tables refine only for rare letters. O(n) for news text: the scan
/// after an `.` (SB8) stops at the next letter.
fn simple_cuts(s: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().filter(|&(_, c)| !is_sb_format(c)).collect();
    let mut out = Vec::new();
    for (n, &(i, c)) in chars.iter().enumerate() {
        // SB4: a paragraph or line separator always ends a sentence.
        if is_sb_sep(c) {
            out.push(i + c.len_utf8());
            continue;
        }
        let aterm = is_sb_aterm(c);
        if !aterm && !is_sb_sterm(c) {
            continue;
        }
        let next = chars.get(n + 1).map(|&(_, c)| c);
        if aterm {
            // SB6: `3.5`; SB7: `U.S`, `e.g`'s letters on both sides of the dot.
            if next.is_some_and(is_sb_numeric) {
                continue;
            }
            let prev = n.checked_sub(1).map(|p| chars[p].1);
            if prev.is_some_and(|p| p.is_uppercase() || p.is_lowercase())
                && next.is_some_and(char::is_uppercase)
            {
                continue;
            }
        }
        // SB9/SB10: closers, then spaces, stay with the sentence.
        let mut at = n + 1;
        while chars.get(at).is_some_and(|&(_, c)| is_sb_close(c)) {
            at += 1;
        }
        while chars.get(at).is_some_and(|&(_, c)| c.is_whitespace() && !is_sb_sep(c)) {
            at += 1;
        }
        let Some(&(cut, after)) = chars.get(at) else { continue };
        // SB8a: a continuer or another terminator follows; a separator cuts after itself.
        if is_sb_scontinue(after) || is_sb_aterm(after) || is_sb_sterm(after) || is_sb_sep(after) {
            continue;
        }
        // SB8: after `.`, a lower-case word before any other letter or terminator.
        if aterm {
            let lower = chars[at..]
                .iter()
                .map(|&(_, c)| c)
                .find(|&c| c.is_alphabetic() || is_sb_aterm(c) || is_sb_sterm(c) || is_sb_sep(c))
                .is_some_and(|c| c.is_lowercase() && !c.is_uppercase());
            if lower {
                continue;
            }
        }
        out.push(cut);
    }
    out
}

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

fn is_sb_sep(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_sb_aterm(c: char) -> bool {
    matches!(c, '.' | '\u{2024}' | '\u{fe52}' | '\u{ff0e}')
}

fn is_sb_sterm(c: char) -> bool {
    matches!(c, '!' | '?') || !c.is_ascii() && in_ranges(c, STERM)
}

fn is_sb_close(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}') || !c.is_ascii() && in_ranges(c, CLOSE)
}

fn is_sb_scontinue(c: char) -> bool {
    matches!(c, ',' | '-' | ':' | ';') || !c.is_ascii() && in_ranges(c, SCONTINUE)
}

/// Format marks (soft hyphen, zero-width and direction marks) and combining marks are
/// transparent to the rules (SB5).
fn is_sb_format(c: char) -> bool {
    !c.is_ascii() && (in_ranges(c, FORMAT) || ('\u{300}'..='\u{36f}').contains(&c))
}

fn is_sb_numeric(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && c.is_numeric() && !in_ranges(c, NOT_NUMERIC)
}

/// Numbers that are no digits to UAX #29: superscripts, fractions, Roman numerals and the like.
const NOT_NUMERIC: &[(char, char)] =
    &[('\u{b2}', '\u{be}'), ('\u{2070}', '\u{218f}'), ('\u{2460}', '\u{24ff}')];

/// Sentence_Break=STerm in the BMP beyond ASCII (Unicode 16).
const STERM: &[(char, char)] = &[
    ('\u{589}', '\u{589}'),
    ('\u{61d}', '\u{61f}'),
    ('\u{6d4}', '\u{6d4}'),
    ('\u{700}', '\u{702}'),
    ('\u{7f9}', '\u{7f9}'),
    ('\u{837}', '\u{837}'),
    ('\u{839}', '\u{839}'),
    ('\u{83d}', '\u{83e}'),
    ('\u{964}', '\u{965}'),
    ('\u{104a}', '\u{104b}'),
    ('\u{1362}', '\u{1362}'),
    ('\u{1367}', '\u{1368}'),
    ('\u{166e}', '\u{166e}'),
    ('\u{1735}', '\u{1736}'),
    ('\u{17d4}', '\u{17d5}'),
    ('\u{1803}', '\u{1803}'),
    ('\u{1809}', '\u{1809}'),
    ('\u{1944}', '\u{1945}'),
    ('\u{1aa8}', '\u{1aab}'),
    ('\u{1b4e}', '\u{1b4f}'),
    ('\u{1b5a}', '\u{1b5b}'),
    ('\u{1b5e}', '\u{1b5f}'),
    ('\u{1b7d}', '\u{1b7f}'),
    ('\u{1c3b}', '\u{1c3c}'),
    ('\u{1c7e}', '\u{1c7f}'),
    ('\u{203c}', '\u{203d}'),
    ('\u{2047}', '\u{2049}'),
    ('\u{2cf9}', '\u{2cfb}'),
    ('\u{2e2e}', '\u{2e2e}'),
    ('\u{2e3c}', '\u{2e3c}'),
    ('\u{2e53}', '\u{2e54}'),
    ('\u{3002}', '\u{3002}'),
    ('\u{a4ff}', '\u{a4ff}'),
    ('\u{a60e}', '\u{a60f}'),
    ('\u{a6f3}', '\u{a6f3}'),
    ('\u{a6f7}', '\u{a6f7}'),
    ('\u{a876}', '\u{a877}'),
    ('\u{a8ce}', '\u{a8cf}'),
    ('\u{a92f}', '\u{a92f}'),
    ('\u{a9c8}', '\u{a9c9}'),
    ('\u{aa5d}', '\u{aa5f}'),
    ('\u{aaf0}', '\u{aaf1}'),
    ('\u{abeb}', '\u{abeb}'),
    ('\u{fe12}', '\u{fe12}'),
    ('\u{fe15}', '\u{fe16}'),
    ('\u{fe56}', '\u{fe57}'),
    ('\u{ff01}', '\u{ff01}'),
    ('\u{ff1f}', '\u{ff1f}'),
    ('\u{ff61}', '\u{ff61}'),
];

/// Sentence_Break=Close in the BMP beyond ASCII (Unicode 16): quotation marks and brackets.
const CLOSE: &[(char, char)] = &[
    ('\u{ab}', '\u{ab}'),
    ('\u{bb}', '\u{bb}'),
    ('\u{f3a}', '\u{f3d}'),
    ('\u{169b}', '\u{169c}'),
    ('\u{2018}', '\u{201f}'),
    ('\u{2039}', '\u{203a}'),
    ('\u{2045}', '\u{2046}'),
    ('\u{207d}', '\u{207e}'),
    ('\u{208d}', '\u{208e}'),
    ('\u{2308}', '\u{230b}'),
    ('\u{2329}', '\u{232a}'),
    ('\u{275b}', '\u{2760}'),
    ('\u{2768}', '\u{2775}'),
    ('\u{27c5}', '\u{27c6}'),
    ('\u{27e6}', '\u{27ef}'),
    ('\u{2983}', '\u{2998}'),
    ('\u{29d8}', '\u{29db}'),
    ('\u{29fc}', '\u{29fd}'),
    ('\u{2e00}', '\u{2e0d}'),
    ('\u{2e1c}', '\u{2e1d}'),
    ('\u{2e20}', '\u{2e29}'),
    ('\u{2e42}', '\u{2e42}'),
    ('\u{2e55}', '\u{2e5c}'),
    ('\u{3008}', '\u{3011}'),
    ('\u{3014}', '\u{301b}'),
    ('\u{301d}', '\u{301f}'),
    ('\u{fd3e}', '\u{fd3f}'),
    ('\u{fe17}', '\u{fe18}'),
    ('\u{fe35}', '\u{fe44}'),
    ('\u{fe47}', '\u{fe48}'),
    ('\u{fe59}', '\u{fe5e}'),
    ('\u{ff08}', '\u{ff09}'),
    ('\u{ff3b}', '\u{ff3b}'),
    ('\u{ff3d}', '\u{ff3d}'),
    ('\u{ff5b}', '\u{ff5b}'),
    ('\u{ff5d}', '\u{ff5d}'),
    ('\u{ff5f}', '\u{ff60}'),
    ('\u{ff62}', '\u{ff63}'),
];

/// Sentence_Break=SContinue in the BMP beyond ASCII (Unicode 16): commas, colons, dashes.
const SCONTINUE: &[(char, char)] = &[
    ('\u{37e}', '\u{37e}'),
    ('\u{55d}', '\u{55d}'),
    ('\u{60c}', '\u{60d}'),
    ('\u{7f8}', '\u{7f8}'),
    ('\u{1802}', '\u{1802}'),
    ('\u{1808}', '\u{1808}'),
    ('\u{2013}', '\u{2014}'),
    ('\u{3001}', '\u{3001}'),
    ('\u{fe10}', '\u{fe11}'),
    ('\u{fe13}', '\u{fe14}'),
    ('\u{fe31}', '\u{fe32}'),
    ('\u{fe50}', '\u{fe51}'),
    ('\u{fe54}', '\u{fe55}'),
    ('\u{fe58}', '\u{fe58}'),
    ('\u{fe63}', '\u{fe63}'),
    ('\u{ff0c}', '\u{ff0d}'),
    ('\u{ff1a}', '\u{ff1b}'),
    ('\u{ff64}', '\u{ff64}'),
];

/// Sentence_Break=Format in the BMP (Unicode 16).
const FORMAT: &[(char, char)] = &[
    ('\u{ad}', '\u{ad}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{70f}', '\u{70f}'),
    ('\u{180e}', '\u{180e}'),
    ('\u{200b}', '\u{200b}'),
    ('\u{200e}', '\u{200f}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{fff9}', '\u{fffb}'),
];

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
