//! Direct quotations, who said them, and how each outlet reproduced them.
//!
//! A worked example from the seeds. Seed 000 (a paraphrasing tool's rewrite of a Fox News
//! Digital story) and seed 003 (a translated rewrite) both carry Marco Rubio's post on X:
//!
//! ```text
//! 000: Late Wednesday, he posted on X, “Bringing an end to a convoluted and lethal conflict …”
//!      He added, “And securing a lasting peace will compel both sides to consent to arduous
//!      yet imperative concessions.”
//! 003: US Secretary of State Marco Rubio wrote on social media, “For a lasting peace, both
//!      Ukraine and Russia will have to make some difficult but necessary concessions. …”
//! ```
//!
//! Extraction finds three quotations with speakers: `he posted on X` resolves `he` to the
//! previous sentence's named speaker (Marco Rubio, titles stripped), `He added` continues the
//! same statement (so the two 000 quotes merge into one variant), and `Marco Rubio wrote`
//! names the speaker directly. Matching then groups the 000 and 003 variants because the
//! speaker is the same and one sentence of each says the same thing; since fewer than half of
//! the shorter version's words survive in order, the group is `paraphrased`, not `altered` —
//! and as both outlets print their wording inside quotation marks, at least one of them is
//! not quoting verbatim. See [`QuoteStatus`] for the rule.
//!
//! Cost: extraction is one pass over each paragraph's characters plus a bounded look-around
//! of a few words per quotation, O(text). Matching does not compare every quotation with
//! every other: candidate pairs come from same-speaker buckets and from each quotation's
//! eight rarest word pairs; pairs already in one group are skipped, and two groups that fail
//! to match three times are not tried again. Each tried pair costs an LCS over its words
//! (O(w²), w ≈ 30) and, for the same speaker sharing a rare word, sentence comparisons.
//! Reported speech is searched once per group, through an index of sentences by the names
//! they contain. The seeds take about a millisecond (native); see the README for the
//! synthetic-corpus figures.
//!
use serde::{Deserialize, Serialize};

use super::clean::RemovedLine;
use super::facts::{is_title_word, name_key, strip_titles};
use super::lexicon::{Lexicon, Token};
use super::similarity::{compare, Idf, SentenceProfile};

/// One sentence as the quote, fact and credit extractors see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceText<'a> {
    /// The sentence's stable id in the report (opaque here).
    pub id: &'a str,
    /// Paragraph index within the document; sentences of one paragraph share it.
    pub paragraph: usize,
    pub text: &'a str,
}

/// One document as the extractors see it: its id, its sentences in order, and the lines the
/// cleaner removed (credit lines such as "Read at Axios" end up there).
#[derive(Debug, Clone, Copy)]
pub struct DocSentences<'a> {
    pub doc: &'a str,
    pub sentences: &'a [SentenceText<'a>],
    pub removed: &'a [RemovedLine],
}

/// Thresholds for quote extraction and matching.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteConfig {
    /// Quotations of at most this many words are fragments ("scare quotes" such as “fishy”);
    /// they are reported but matched across documents only when contained verbatim.
    pub fragment_max_words: usize,
    /// `altered` needs at least this share of the shorter variant's words kept in order
    /// (longest common subsequence); below it a same-statement pair is `paraphrased`.
    pub altered_min_kept: f32,
    /// Two quotations of the same named speaker are the same statement when one sentence
    /// of each scores at least this (the lower of [`compare`] and a rarity-weighted word
    /// overlap; on the seeds the same statement scores 0.30 and different ones at most 0.12).
    pub same_statement_min_score: f32,
    /// Two quotations of different or unknown speakers are grouped only when they keep at
    /// least this share of the shorter one's words in order.
    pub unattributed_min_kept: f32,
    /// Identical or contained wording credited to two different named speakers is grouped
    /// (and flagged with `speakers_differ`) only from this many words on.
    pub misattribution_min_words: usize,
    /// Pronouns (he, she) resolve to the last named speaker only within this many sentences.
    pub pronoun_window: usize,
    /// A sentence in another document that names the speaker and scores at least this
    /// against a quotation's sentence is reported as an unquoted paraphrase of it.
    pub reported_speech_min_score: f32,
}

impl Default for QuoteConfig {
    fn default() -> Self {
        QuoteConfig {
            fragment_max_words: 3,
            altered_min_kept: 0.5,
            same_statement_min_score: 0.2,
            unattributed_min_kept: 0.8,
            misattribution_min_words: 8,
            pronoun_window: 4,
            reported_speech_min_score: 0.15,
        }
    }
}

/// How the outlets reproduced one statement.
///
/// The rule, applied to every pair of variants from different documents (the group takes the
/// most serious status of its pairs, in the order `altered` > `paraphrased` > `trimmed` >
/// `identical`):
/// - `identical`: the same words after folding case, quote style, punctuation and number
///   format;
/// - `trimmed`: one variant's words are a contiguous run of the other's;
/// - `altered`: both are inside quotation marks and at least `altered_min_kept` (half) of the
///   shorter one's words survive in order, the rest changed: an edited quotation, a red flag;
/// - `paraphrased`: the same speaker's same statement with fewer words kept — reworded,
///   translated, or reported without quotation marks in one outlet;
/// - `unique`: quoted by one document only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    Unique,
    Identical,
    Trimmed,
    Paraphrased,
    Altered,
}

/// How the speaker of a variant was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerSource {
    /// "…,” Leavitt said. / "…,” said Rubio.
    After,
    /// Leavitt stated, “…” / Rubio indicated that officials would “…”
    Before,
    /// according to X
    According,
    /// he/she resolved to the last named speaker.
    Pronoun,
    /// A quote paragraph continuing the previous paragraph's quotation.
    Continued,
    /// Not stated.
    Unknown,
    /// An unquoted sentence of another document that reports this speaker's statement.
    Reported,
}

/// One outlet's wording of a quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    pub doc: String,
    /// Id of the sentence where the quotation opens.
    pub sentence: String,
    /// Ids of every sentence the quotation touches, in order.
    pub sentences: Vec<String>,
    /// The words inside the quotation marks (nested ‘ ’ kept), without the outer marks.
    pub text: String,
    /// The speaker as the text names it: "Secretary of State Marco Rubio", "he", "the official".
    pub speaker_as_written: Option<String>,
    /// The normalized speaker: "Marco Rubio"; a description for unnamed sources ("the official").
    pub speaker: Option<String>,
    /// The speaker is an unnamed source ("a senior US official"), never matched by name.
    pub anonymous: bool,
    pub speaker_source: SpeakerSource,
    /// Inside quotation marks; false for reported speech found in another document.
    pub quoted: bool,
    /// A short quoted phrase (at most `fragment_max_words` words).
    pub fragment: bool,
    /// The closing mark was missing; the quotation was closed at the end of its paragraph.
    pub unclosed: bool,
}

/// One word-level step from the first variant to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteDiffOp {
    /// `equal`, `delete`, `insert` or `replace`.
    pub op: String,
    pub left: String,
    pub right: String,
}

/// One statement and its variants across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<String>,
    /// True when no variant names the speaker and it is an unnamed source.
    pub anonymous: bool,
    /// Variants credit the words to different named speakers: a possible misattribution.
    pub speakers_differ: bool,
    pub status: QuoteStatus,
    /// In document order, then text order.
    pub variants: Vec<QuoteVariant>,
    /// The word diff between the two quoted variants that differ most (indices in
    /// `diff_between`): for `altered`, of the whole quotations; for `paraphrased`, of the
    /// sentence of each that says the same thing. Empty for other statuses.
    pub diff: Vec<QuoteDiffOp>,
    pub diff_between: Option<(usize, usize)>,
}

/// The extractors' view of the report's documents: one [`SentenceText`] list per document.
/// Pair it with [`doc_views`] (two steps, because the views borrow from this list):
///
/// ```
/// use wirediff::engine::quotes::{doc_views, sentence_views};
/// use wirediff::engine::report::{Document, Sentence};
/// let docs = vec![Document {
///     id: "a.txt".into(),
///     sentences: vec![Sentence { id: "a.txt#s0".into(), text: "“We are close,” Rubio said.".into(), ..Default::default() }],
///     ..Default::default()
/// }];
/// let sentences = sentence_views(&docs);
/// let views = doc_views(&docs, &sentences);
/// let quotes = wirediff::engine::quotes::quotes(&views, &Default::default());
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Rubio"));
/// ```
pub fn sentence_views(documents: &[super::report::Document]) -> Vec<Vec<SentenceText<'_>>> {
    documents
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| SentenceText { id: &s.id, paragraph: s.paragraph, text: &s.text })
                .collect()
        })
        .collect()
}

/// See [`sentence_views`].
pub fn doc_views<'a>(
    documents: &'a [super::report::Document],
    sentences: &'a [Vec<SentenceText<'a>>],
) -> Vec<DocSentences<'a>> {
    documents
        .iter()
        .zip(sentences)
        .map(|(d, s)| DocSentences { doc: &d.id, sentences: s, removed: &d.removed })
        .collect()
}

/// Extracts and matches the quotations of all `docs`. Deterministic; never panics.
pub fn quotes(docs: &[DocSentences], config: &QuoteConfig) -> Vec<Quote> {
    let variants: Vec<QuoteVariant> = docs.iter().flat_map(|d| extract_quotes(d, config)).collect();
    match_quotes(variants, docs, config)
}

// ---------------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------------

/// A paragraph rebuilt from its sentences, with where each sentence starts.
struct Paragraph<'a> {
    text: String,
    /// (byte offset in `text`, index into the document's sentences)
    starts: Vec<(usize, usize)>,
    first_sentence: usize,
    _marker: std::marker::PhantomData<&'a ()>,
}

fn paragraphs<'a>(doc: &DocSentences<'a>) -> Vec<Paragraph<'a>> {
    let mut out: Vec<Paragraph<'a>> = Vec::new();
    let mut current: Option<usize> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        if current != Some(s.paragraph) || out.is_empty() {
            out.push(Paragraph {
                text: String::new(),
                starts: Vec::new(),
                first_sentence: i,
                _marker: std::marker::PhantomData,
            });
            current = Some(s.paragraph);
        }
        let p = out.last_mut().expect("pushed above");
        if !p.text.is_empty() {
            p.text.push(' ');
        }
        p.starts.push((p.text.len(), i));
        p.text.push_str(s.text);
    }
    out
}

impl Paragraph<'_> {
    /// Index (into the document's sentences) of the sentence holding byte `at`.
    fn sentence_at(&self, at: usize) -> usize {
        let mut best = self.first_sentence;
        for &(start, i) in &self.starts {
            if start <= at {
                best = i;
            }
        }
        best
    }
}

/// A raw quotation span in a paragraph: byte range of the inner text.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close_end: usize,
    unclosed: bool,
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '/'),
    }
}

/// Finds the top-level quotations of one paragraph. Nested ‘ ’ (and nested straight quotes
/// inside curly ones) stay inside the outer quotation's text.
fn scan_quotes(text: &str) -> Vec<Span> {
    // Only `"`, `“` and `‘‘` open a quotation: most sentences hold none of them.
    if !text.contains(['"', '“', '‘']) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |k: usize| if k < n { chars[k].0 } else { text.len() };
    // A paragraph wrapped whole in straight quotes that itself holds straight quotes is a
    // scraping artefact (real nesting would use single quotes): skip the outer pair.
    let (mut lo, mut hi) = (0, n);
    {
        let first = chars.iter().position(|(_, c)| !c.is_whitespace());
        let last = chars.iter().rposition(|(_, c)| !c.is_whitespace());
        if let (Some(f), Some(l)) = (first, last) {
            if f < l && chars[f].1 == '"' && chars[l].1 == '"' {
                let inner = chars[f + 1..l].iter().filter(|(_, c)| *c == '"').count();
                if inner > 0 && inner % 2 == 0 {
                    lo = f + 1;
                    hi = l;
                }
            }
        }
    }
    let mut out = Vec::new();
    // (index of the opening mark in chars, straight?)
    let mut open: Option<(usize, usize, bool)> = None; // (char idx of mark, char idx of inner start, straight)
    let mut nested = false;
    let mut k = lo;
    while k < hi {
        let (_, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = if k + 1 < n { Some(chars[k + 1].1) } else { None };
        match open {
            None => {
                let opens_straight =
                    c == '"' && is_open_context(prev) && next.is_some_and(|x| !x.is_whitespace());
                if c == '“' || opens_straight {
                    open = Some((k, k + 1, c == '"'));
                    nested = false;
                } else if c == '‘' && next == Some('‘') {
                    open = Some((k, k + 2, false));
                    nested = false;
                    k += 1;
                }
            }
            Some((mark, inner, straight)) => {
                let mut close_len = 0usize;
                if c == '”' {
                    close_len = 1;
                } else if c == '’' && next == Some('’') && !nested {
                    close_len = 2;
                } else if c == '"' {
                    if straight || !is_open_context(prev) {
                        close_len = 1;
                    } else {
                        // A straight quote opening inside curly quotes: nested.
                    }
                } else if c == '“' {
                    // A new opening mark while one is open: the earlier one was never closed.
                    out.push(Span {
                        open: byte_at(mark),
                        inner_start: byte_at(inner),
                        inner_end: byte_at(k),
                        close_end: byte_at(k),
                        unclosed: true,
                    });
                    open = Some((k, k + 1, false));
                    nested = false;
                } else if c == '‘' && is_open_context(prev) {
                    nested = true;
                } else if c == '’' && nested && !next.is_some_and(char::is_alphanumeric) {
                    nested = false;
                }
                if close_len > 0 {
                    out.push(Span {
                        open: byte_at(mark),
                        inner_start: byte_at(inner),
                        inner_end: byte_at(k),
                        close_end: byte_at(k + close_len),
                        unclosed: false,
                    });
                    open = None;
                    nested = false;
                    k += close_len;
                    continue;
                }
            }
        }
        k += 1;
    }
    if let Some((mark, inner, _)) = open {
        out.push(Span {
            open: byte_at(mark),
            inner_start: byte_at(inner),
            inner_end: byte_at(hi),
            close_end: byte_at(hi),
            unclosed: true,
        });
    }
    out
}

/// Verbs that introduce speech, in the forms news copy uses.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "posted",
    "posts",
    "stated",
    "states",
    "added",
    "adds",
    "asserted",
    "asserts",
    "indicated",
    "noted",
    "notes",
    "insisted",
    "insists",
    "claimed",
    "declared",
    "explained",
    "continued",
    "argued",
    "warned",
    "announced",
    "confirmed",
    "denied",
    "described",
    "describes",
    "called",
    "calls",
    "informed",
    "replied",
    "responded",
    "remarked",
    "tweeted",
    "commented",
    "acknowledged",
    "emphasized",
    "emphasised",
    "stressed",
    "suggested",
    "urged",
    "recalled",
    "observed",
    "answered",
    "mentioned",
    "insisting",
    "saying",
    "adding",
    "noting",
    "claiming",
    "arguing",
    "warning",
    "writing",
    "asked",
    "asks",
    "describe",
    "tell",
    "write",
    "add",
    "insist",
    "deny",
    "denies",
    "confirms",
    "announces",
    "assert",
    "declares",
    "explains",
    "argues",
    "warns",
    "stresses",
    "spoke",
    "speaks",
    "speaking",
];

/// Heads of phrases that describe an unnamed source.
const SOURCE_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "adviser",
    "advisers",
    "advisor",
    "person",
    "people",
    "document",
    "draft",
    "report",
    "reports",
    "statement",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "administration",
    "ministry",
    "office",
    "insider",
    "insiders",
];

const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Words dropped from the edges of a speaker phrase.
const EDGE_WORDS: &[&str] = &[
    "but",
    "and",
    "however",
    "meanwhile",
    "also",
    "then",
    "later",
    "has",
    "had",
    "have",
    "previously",
    "late",
    "again",
    "reportedly",
    "had",
    "earlier",
    "yet",
    "so",
    "while",
    "on",
    "in",
    "a",
    "an",
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Membership in one of the word lists above, through a hash set built once per list.
macro_rules! word_set {
    ($name:ident, $list:ident) => {
        fn $name(w: &str) -> bool {
            type WordSet = std::collections::HashSet<
                &'static str,
                std::hash::BuildHasherDefault<super::lexicon::FnvHasher>,
            >;
            static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| $list.iter().copied().collect()).contains(w)
        }
    };
}

word_set!(in_reporting_verbs, REPORTING_VERBS);
word_set!(is_source_head, SOURCE_HEADS);
word_set!(is_edge_word, EDGE_WORDS);

fn is_reporting_verb(word: &str) -> bool {
    // Mid-sentence verbs are lower case: "State" in "Secretary of State" is not "state".
    word.chars().all(|c| !c.is_uppercase()) && in_reporting_verbs(word)
}

/// Strips punctuation from both ends of a word, keeping inner dots (U.S.) and apostrophes.
fn bare(word: &str) -> &str {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word;
    }
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

fn is_capitalized(word: &str) -> bool {
    bare(word).chars().next().is_some_and(char::is_uppercase)
}

/// What a speaker phrase turned out to be.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Named { written: String, name: String },
    Pronoun(String),
    Anonymous(String),
    Relative,
    Nobody,
}

/// Classifies the words before a reporting verb (the subject of a speech verb).
fn classify_subject(words: &[&str]) -> Who {
    // Only the part after a label ("Between the lines:") and after the last comma, unless
    // that part is empty.
    let mut w: Vec<&str> = words.to_vec();
    if let Some(colon) = w.iter().rposition(|x| x.ends_with(':')) {
        w = w[colon + 1..].to_vec();
    }
    if let Some(last_comma) = w.iter().rposition(|x| x.ends_with(',')) {
        let tail = &w[last_comma + 1..];
        if tail.iter().any(|x| !is_edge_word(&bare(x).to_lowercase())) {
            w = tail.to_vec();
        } else if let Some(first_comma) = w.iter().position(|x| x.ends_with(',')) {
            w = w[..=first_comma].to_vec();
        }
    }
    // A time phrase right before the verb: "Officials on Thursday told".
    loop {
        let len = w.len();
        if len >= 2
            && WEEKDAYS.contains(&bare(w[len - 1]).to_lowercase().as_str())
            && matches!(bare(w[len - 2]).to_lowercase().as_str(), "on" | "late" | "last")
        {
            w.truncate(len - 2);
            continue;
        }
        match w.last() {
            Some(x) if is_edge_word(&bare(x).to_lowercase()) => {
                w.pop();
            }
            _ => break,
        }
    }
    while let Some(x) = w.first() {
        let b = bare(x).to_lowercase();
        if is_edge_word(&b) && !matches!(b.as_str(), "a" | "an") {
            w.remove(0);
        } else {
            break;
        }
    }
    let Some(last) = w.last() else { return Who::Nobody };
    let last_bare = bare(last).to_lowercase();
    if PRONOUNS.contains(&last_bare.as_str()) && (w.len() == 1 || !is_capitalized(last)) {
        return Who::Pronoun(bare(last).to_string());
    }
    if last_bare == "who" {
        return Who::Relative;
    }
    let written = w.iter().map(|x| x.trim_end_matches([',', ';', ':'])).collect::<Vec<_>>().join(" ");
    if w.len() > 12 {
        return Who::Nobody;
    }
    if is_capitalized(last) && !is_source_head(&last_bare) {
        // The last run of capitalised words (with "of", "the", "for", "and" inside) is the name.
        let mut start = w.len() - 1;
        while start > 0 {
            let prev = w[start - 1];
            let joins = is_capitalized(prev) && !prev.ends_with(',')
                || matches!(bare(prev), "of" | "for" | "the" | "and")
                    && start >= 2
                    && is_capitalized(w[start - 2]);
            if !joins {
                break;
            }
            start -= 1;
        }
        let run: Vec<&str> = w[start..].iter().map(|x| bare(x)).collect();
        let name = strip_titles(&run);
        if name.is_empty() && super::facts::is_organisation(&run.join(" ")) {
            // "The White House", "Ukraine's Interior Ministry": an institution speaks.
            let joined = run.join(" ");
            let name = joined.strip_prefix("The ").unwrap_or(&joined).to_string();
            return Who::Named { written, name };
        }
        if name.is_empty() || name.split(' ').all(is_title_word) {
            return Who::Nobody;
        }
        return Who::Named { written, name };
    }
    if is_source_head(&last_bare) {
        let mut desc = written.clone();
        // "Officials" at a sentence start is a common noun; "U.S. officials" keeps its case.
        let first_word = desc.split(' ').next().unwrap_or("").to_lowercase();
        let common = matches!(
            first_word.as_str(),
            "a" | "an" | "the" | "one" | "some" | "two" | "three" | "several" | "other"
        ) || is_source_head(&first_word);
        if common {
            if let Some(first) = desc.chars().next() {
                desc = first.to_lowercase().collect::<String>() + &desc[first.len_utf8()..];
            }
        }
        return Who::Anonymous(desc);
    }
    Who::Nobody
}

/// The words of `s` (split on whitespace), dropping empty pieces.
fn words_of(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// True when `word` ends a sentence ("reality." but not "U.S." or "Mr.").
fn ends_sentence(word: &str) -> bool {
    let w = word.trim_end_matches(['"', '”', '’', ')']);
    if w.ends_with('?') || w.ends_with('!') {
        return true;
    }
    if !w.ends_with('.') {
        return false;
    }
    let core = &w[..w.len() - 1];
    let is_abbrev = core.contains('.')
        || matches!(
            core,
            "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jan" | "Feb" | "Gen" | "Sen" | "Rep" | "Gov" | "Lt" | "Col"
        )
        || (core.chars().count() == 1 && core.chars().all(char::is_uppercase));
    !is_abbrev
}

/// The speaker named after a quotation: "…,” the official said. / "…,” said Rubio.
fn speaker_after(after: &str) -> Option<Who> {
    let words = words_of(after.trim_start_matches([',', ' ']));
    let first = *words.first()?;
    if !first.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    // "said Rubio" / "said the official"
    if is_reporting_verb(bare(first)) && !first.ends_with([',', '.']) {
        let mut np = Vec::new();
        for w in words.iter().skip(1).take(10) {
            np.push(*w);
            if w.ends_with([',', '.', ';', ':']) {
                break;
            }
        }
        // Keep the phrase up to its name or head noun.
        let mut cut = np.len();
        for (i, w) in np.iter().enumerate() {
            let b = bare(w).to_lowercase();
            if is_source_head(&b) || (is_capitalized(w) && !np.get(i + 1).is_some_and(|n| is_capitalized(n)))
            {
                cut = i + 1;
                break;
            }
        }
        let who = classify_subject(&np[..cut.min(np.len())]);
        return match who {
            Who::Nobody | Who::Relative => None,
            w => Some(w),
        };
    }
    // "the official said", "Institute … lead George Barros told The Post."
    for (i, w) in words.iter().enumerate().take(14) {
        if is_reporting_verb(bare(w)) && i > 0 {
            return match classify_subject(&words[..i]) {
                Who::Nobody | Who::Relative => None,
                w => Some(w),
            };
        }
        if ends_sentence(w) || w.ends_with([';', ':']) {
            return None;
        }
    }
    None
}

/// The speaker named before a quotation in the same sentence: "Leavitt stated, “…",
/// "Rubio indicated that officials would “…", "according to X, …".
fn speaker_before(before: &str) -> Option<Who> {
    let words = words_of(before);
    // The current sentence only.
    let start = words.iter().rposition(|w| ends_sentence(w)).map_or(0, |i| i + 1);
    let words = &words[start..];
    // "according to X" anywhere in the sentence part.
    for (i, w) in words.iter().enumerate() {
        if bare(w).eq_ignore_ascii_case("according") && words.get(i + 1).is_some_and(|n| bare(n) == "to") {
            let mut np = Vec::new();
            for x in words.iter().skip(i + 2).take(10) {
                np.push(*x);
                if x.ends_with(',') {
                    break;
                }
            }
            match classify_subject(&np) {
                Who::Nobody | Who::Relative => {}
                w => return Some(w),
            }
        }
    }
    let v = words.iter().rposition(|w| is_reporting_verb(bare(w)))?;
    let verb = bare(words[v]).to_lowercase();
    match classify_subject(&words[..v]) {
        Who::Relative => {
            // "Zelensky, who called it …": the name right before ", who".
            let who_at = words[..v].iter().rposition(|w| bare(w).eq_ignore_ascii_case("who"))?;
            let upto = &words[..who_at];
            match classify_subject(upto) {
                Who::Named { name, .. } => Some(Who::Named { written: name.clone(), name }),
                _ => None,
            }
        }
        Who::Nobody if verb.ends_with("ing") => {
            // "The White House has defended …, insisting that …": the sentence's subject.
            let first_verbish = words.iter().position(|w| {
                matches!(bare(w), "has" | "have" | "had" | "is" | "was" | "were" | "are" | "will" | "would")
            })?;
            match classify_subject(&words[..first_verbish]) {
                w @ Who::Named { .. } => Some(w),
                _ => None,
            }
        }
        Who::Nobody => None,
        w => Some(w),
    }
}

/// The first named subject of a speech verb in a narrative sentence (outside quotes), for
/// pronoun resolution: "But Umerov, in a post on X on Friday, denied …" → Umerov.
fn narrative_subject(sentence: &str) -> Option<Who> {
    let words = words_of(sentence);
    let v = words.iter().position(|w| is_reporting_verb(bare(w)))?;
    match classify_subject(&words[..v]) {
        w @ (Who::Named { .. } | Who::Pronoun(_)) => Some(w),
        _ => None,
    }
}

/// Moves the pronoun antecedent forward: a named subject replaces it; a pronoun subject
/// within the window keeps it alive ("She added that …" several sentences later).
fn refresh_antecedent(
    last: &mut Option<(String, usize)>,
    who: Option<Who>,
    at: usize,
    names: &mut NameLinker,
    window: usize,
) {
    match who {
        Some(Who::Named { name, .. }) => *last = Some((names.link(&name), at)),
        Some(Who::Pronoun(_)) => {
            if let Some((name, seen)) = last.clone() {
                if at.saturating_sub(seen) <= window {
                    *last = Some((name, at));
                }
            }
        }
        _ => {}
    }
}

/// Removes quoted parts of a sentence so narrative analysis does not see quoted words.
fn without_quotes(text: &str) -> String {
    let spans = scan_quotes(text);
    let mut out = String::new();
    let mut at = 0;
    for s in spans {
        if s.open >= at && s.open <= text.len() {
            out.push_str(&text[at..s.open]);
            out.push_str(" … ");
            at = s.close_end.min(text.len());
        }
    }
    out.push_str(&text[at.min(text.len())..]);
    out
}

/// Word count of a quotation's text.
fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Links one-word names to the full name of the same document ending with it ("Rubio" →
/// "Marco Rubio"), reading only the sentences that contain the word, once per word.
struct NameLinker<'d, 'a> {
    doc: &'d DocSentences<'a>,
    cache: std::collections::HashMap<String, String>,
}

impl<'d, 'a> NameLinker<'d, 'a> {
    fn new(doc: &'d DocSentences<'a>) -> Self {
        NameLinker { doc, cache: std::collections::HashMap::new() }
    }

    fn link(&mut self, name: &str) -> String {
        if name.contains(' ') || name.is_empty() {
            return name.to_string();
        }
        if let Some(full) = self.cache.get(name) {
            return full.clone();
        }
        let key = name_key(name);
        let mut best: Option<String> = None;
        for s in self.doc.sentences.iter().filter(|s| s.text.contains(name)) {
            for full in super::facts::person_names(s.text) {
                let ends_with = full.rsplit(' ').next().is_some_and(|last| name_key(last) == key);
                if ends_with && best.as_ref().is_none_or(|b| full.len() > b.len()) {
                    best = Some(full);
                }
            }
        }
        let full = best.unwrap_or_else(|| name.to_string());
        self.cache.insert(name.to_string(), full.clone());
        full
    }
}

/// Finds the direct quotations of one document, with their speakers where the text states
/// them. Speakers are normalized ("Secretary of State Marco Rubio" → "Marco Rubio"; a later
/// "Rubio" → "Marco Rubio"); he/she resolve to the last named speaker within
/// `pronoun_window` sentences; a quote paragraph with no attribution continues the previous
/// paragraph's speaker; "He added" and same-speaker continuations merge into one variant.
pub fn extract_quotes(doc: &DocSentences, config: &QuoteConfig) -> Vec<QuoteVariant> {
    let mut names = NameLinker::new(doc);
    let paras = paragraphs(doc);
    // (speaker, anonymous, sentence index where last seen)
    let mut last_named: Option<(String, usize)> = None;
    let mut out: Vec<(QuoteVariant, bool, usize, usize)> = Vec::new(); // (variant, merge_into_previous, paragraph no, sentence idx)
    for (pi, p) in paras.iter().enumerate() {
        let spans = scan_quotes(&p.text);
        // Narrative subjects before each quote update `last_named` as we go.
        let mut narrative_done = 0usize; // byte offset up to which narrative was scanned
        let mut prev_end = 0usize;
        for (qi, span) in spans.iter().enumerate() {
            let inner = p.text.get(span.inner_start..span.inner_end).unwrap_or("").trim();
            let inner = inner.trim_start_matches(['"', '“']).trim();
            if word_count(inner) == 0 {
                prev_end = span.close_end;
                continue;
            }
            let s_idx = p.sentence_at(span.open);
            // Update pronoun antecedents from narrative sentences before this quote.
            for &(start, i) in &p.starts {
                if start >= narrative_done && start < span.open {
                    let end = p.starts.iter().find(|(s2, _)| *s2 > start).map_or(p.text.len(), |(s2, _)| *s2);
                    let part = p.text.get(start..end.min(span.open)).unwrap_or("");
                    let who = narrative_subject(&without_quotes(part));
                    refresh_antecedent(&mut last_named, who, i, &mut names, config.pronoun_window);
                }
            }
            narrative_done = span.open;
            let before = p.text.get(prev_end..span.open).unwrap_or("");
            let next_open = spans.get(qi + 1).map_or(p.text.len(), |n| n.open);
            let after = p.text.get(span.close_end..next_open.max(span.close_end)).unwrap_or("");
            let ends_open =
                inner.ends_with([',', '?', '!', '—', '–']) || inner.ends_with("...") || inner.ends_with('…');
            // The comma before an attribution ("…,” he said) belongs to the sentence, not the quote.
            let inner = inner.trim_end_matches([',', ';', ':', '—', '–']).trim_end();
            let mut who = None;
            let mut source = SpeakerSource::Unknown;
            if ends_open && !span.unclosed {
                if let Some(w) = speaker_after(after) {
                    who = Some(w);
                    source = SpeakerSource::After;
                }
            }
            if who.is_none() {
                if let Some(w) = speaker_before(before) {
                    let according = before.to_lowercase().contains("according to");
                    source = if according { SpeakerSource::According } else { SpeakerSource::Before };
                    who = Some(w);
                }
            }
            let added = {
                let b = words_of(before);
                let start = b.iter().rposition(|w| ends_sentence(w)).map_or(0, |i| i + 1);
                b[start..]
                    .iter()
                    .any(|w| matches!(bare(w).to_lowercase().as_str(), "added" | "continued" | "adding"))
            };
            let mut speaker = None;
            let mut written = None;
            let mut anonymous = false;
            match who {
                Some(Who::Named { written: wr, name }) => {
                    let name = names.link(&name);
                    last_named = Some((name.clone(), s_idx));
                    speaker = Some(name);
                    written = Some(wr);
                }
                Some(Who::Pronoun(pr)) => {
                    written = Some(pr);
                    if let Some((name, at)) = &last_named {
                        if s_idx.saturating_sub(*at) <= config.pronoun_window {
                            speaker = Some(name.clone());
                            source = SpeakerSource::Pronoun;
                            last_named = Some((name.clone(), s_idx));
                        }
                    }
                    if speaker.is_none() {
                        source = SpeakerSource::Unknown;
                    }
                }
                Some(Who::Anonymous(desc)) => {
                    written = Some(desc.clone());
                    speaker = Some(desc);
                    anonymous = true;
                }
                _ => {}
            }
            let fragment = word_count(inner) <= config.fragment_max_words;
            // A paragraph that opens with a quotation and names nobody continues the
            // previous paragraph's quotation (news convention).
            let opens_paragraph = p.text[..span.open.min(p.text.len())].trim().is_empty();
            let mut merge = false;
            if speaker.is_none() && source == SpeakerSource::Unknown && !fragment {
                if let Some((prev, _, ppi, _)) = out.last() {
                    let adjacent = *ppi == pi || (*ppi + 1 == pi && opens_paragraph);
                    if adjacent && !prev.fragment && prev.quoted {
                        speaker = prev.speaker.clone();
                        anonymous = prev.anonymous;
                        source = SpeakerSource::Continued;
                        merge = true;
                    }
                }
            } else if added && !fragment {
                if let Some((prev, _, ppi, _)) = out.last() {
                    if (*ppi == pi || *ppi + 1 == pi) && prev.speaker == speaker && !prev.fragment {
                        merge = true;
                    }
                }
            }
            let sentences: Vec<String> = {
                let first = p.sentence_at(span.open);
                let last = p.sentence_at(span.inner_end.saturating_sub(1).max(span.open));
                (first..=last.max(first))
                    .filter_map(|i| doc.sentences.get(i))
                    .map(|s| s.id.to_string())
                    .collect()
            };
            let variant = QuoteVariant {
                doc: doc.doc.to_string(),
                sentence: doc.sentences.get(s_idx).map(|s| s.id.to_string()).unwrap_or_default(),
                sentences,
                text: inner.to_string(),
                speaker_as_written: written,
                speaker,
                anonymous,
                speaker_source: source,
                quoted: true,
                fragment,
                unclosed: span.unclosed,
            };
            out.push((variant, merge, pi, s_idx));
            prev_end = span.close_end;
        }
        // Narrative after the last quote of the paragraph.
        for &(start, i) in &p.starts {
            if start >= narrative_done {
                let end = p.starts.iter().find(|(s2, _)| *s2 > start).map_or(p.text.len(), |(s2, _)| *s2);
                let part = p.text.get(start..end).unwrap_or("");
                let who = narrative_subject(&without_quotes(part));
                refresh_antecedent(&mut last_named, who, i, &mut names, config.pronoun_window);
            }
        }
    }
    // An unclosed quotation with no speaker takes the speaker of the quotation continuing it.
    for k in 0..out.len() {
        if out[k].0.unclosed && out[k].0.speaker.is_none() {
            if let Some(next) = out.get(k + 1) {
                if next.0.speaker.is_some() && next.2 == out[k].2 + 1 {
                    let (speaker, anonymous) = (next.0.speaker.clone(), next.0.anonymous);
                    out[k].0.speaker = speaker;
                    out[k].0.anonymous = anonymous;
                    out[k].0.speaker_source = SpeakerSource::Continued;
                }
            }
        }
    }
    // Merge continuations into the variant they continue.
    let mut merged: Vec<QuoteVariant> = Vec::new();
    for (v, merge, _, _) in out {
        if merge {
            if let Some(prev) = merged.last_mut() {
                prev.text.push_str(" … ");
                prev.text.push_str(&v.text);
                for s in v.sentences {
                    if !prev.sentences.contains(&s) {
                        prev.sentences.push(s);
                    }
                }
                prev.unclosed |= v.unclosed;
                continue;
            }
        }
        merged.push(v);
    }
    merged
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// Folded words for comparing quotations: lower case, quotes and punctuation dropped,
/// digit groups joined ("7,000" → "7000"), apostrophes removed.
pub fn quote_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each folded word of `text` (see [`quote_words`]), reusing one buffer.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // The neighbours matter only around punctuation: letters and digits never look at them.
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else {
            let next = chars.peek().copied();
            let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let prev_alpha = prev.is_some_and(char::is_alphanumeric);
            let next_alpha = next.is_some_and(char::is_alphanumeric);
            if (c == ',' || c == '.') && prev_digit && next_digit {
                if c == '.' {
                    cur.push('.');
                }
            } else if matches!(c, '\'' | '’') && prev_alpha && next_alpha {
                // apostrophe inside a word: dropped
            } else if c == '.' && prev_alpha && next_alpha {
                // U.S. → us
            } else if !cur.is_empty() {
                f(&cur);
                cur.clear();
            }
        }
        prev = Some(c);
    }
    if !cur.is_empty() {
        f(&cur);
    }
}

/// Sentence counts by [`word_hash`]: the keys are hashes already, so they pass through.
type WordCounts =
    std::collections::HashMap<u64, usize, std::hash::BuildHasherDefault<super::similarity::KeyHasher>>;

/// A 64-bit hash of a folded word, for frequency tables without string keys.
fn word_hash(w: &str) -> u64 {
    // FNV-1a: deterministic and fast for short keys.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Length of the longest common subsequence of two word lists.
fn lcs_len(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

/// Splits a quotation into rough sentences for statement matching.
fn rough_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for w in text.split_whitespace() {
        if cur.is_empty() && w == "…" {
            continue; // the joiner between merged quotation parts
        }
        cur.push(w);
        if ends_sentence(w) {
            out.push(cur.join(" "));
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Scores whether two sentences make the same statement: the lower of the engine's sentence
/// similarity ([`compare`] with the built-in IDF) and a rarity-weighted share of
/// content words matched through the lexicon, where a word's weight is its inverse sentence
/// frequency here. Words most sentences carry ("Ukraine", "plan", "peace" in a story about a
/// Ukraine peace plan) weigh almost nothing, so two statements of one speaker on the same
/// topic do not match on the topic alone. On the seeds, Rubio's post in 000 and 003 scores
/// 0.30 and the closest pair of Leavitt's different statements in 000 and 004 0.12; 003's
/// unquoted report of Peskov's words scores 0.21 against 000's quotation, the closest false
/// reported-speech candidate 0.05.
struct StatementScorer<'a> {
    lexicon: &'a Lexicon,
    df: WordCounts,
    sentences: usize,
    idf: Idf,
}

impl<'a> StatementScorer<'a> {
    fn new(lexicon: &'a Lexicon, docs: &[DocSentences]) -> Self {
        // Sentence frequencies of folded words, counted with the cheap quote tokenizer: every
        // sentence is read once, and only quotations are run through the lexicon.
        let mut df = WordCounts::default();
        let mut sentences = 0;
        let mut seen: Vec<u64> = Vec::new();
        for s in docs.iter().flat_map(|d| d.sentences.iter()) {
            sentences += 1;
            seen.clear();
            for_each_word(s.text, |w| seen.push(word_hash(w)));
            seen.sort_unstable();
            seen.dedup();
            for &h in &seen {
                *df.entry(h).or_insert(0) += 1;
            }
        }
        StatementScorer { lexicon, df, sentences, idf: Idf::builtin() }
    }

    /// Sentence frequency of a folded word.
    fn df_of(&self, w: &str) -> usize {
        self.df.get(&word_hash(w)).copied().unwrap_or(0)
    }

    fn weight(&self, t: &Token) -> f32 {
        if !t.content {
            return 0.0;
        }
        let mut key = String::new();
        for_each_word(&t.norm, |w| key.push_str(w));
        let df = self.df_of(&key) as f32;
        let n = self.sentences.max(1) as f32;
        ((n + 1.0) / (df + 1.0)).ln().max(0.0)
    }

    /// Weighted Dice overlap of two token lists in [0, 1].
    fn score(&self, a: &[Token], b: &[Token]) -> f32 {
        let mut used = vec![false; b.len()];
        let (mut ma, mut mb) = (0.0f32, 0.0f32);
        for x in a {
            let found = b.iter().enumerate().find(|(j, y)| !used[*j] && self.lexicon.relate(x, y).is_some());
            if let Some((j, y)) = found {
                used[j] = true;
                ma += self.weight(x);
                mb += self.weight(y);
            }
        }
        let ta: f32 = a.iter().map(|t| self.weight(t)).sum();
        let tb: f32 = b.iter().map(|t| self.weight(t)).sum();
        if ta + tb <= 0.0 {
            0.0
        } else {
            ((ma + mb) / (ta + tb)).clamp(0.0, 1.0)
        }
    }

    /// The lower of [`compare`]'s score and [`Self::score`] for two prepared sentences: both
    /// must agree, so a quirk of either (a short sentence contained in a long one, a shared
    /// topic word) does not make two statements one.
    fn combined(&self, a: &SentenceProfile, b: &SentenceProfile) -> f32 {
        let engine = compare(self.lexicon, a, b, &self.idf).score;
        let engine = if engine.is_finite() { engine.clamp(0.0, 1.0) } else { 0.0 };
        engine.min(self.score(&a.tokens, &b.tokens))
    }

    /// Whether two word lists share a content word that at most a tenth of the sentences
    /// (and at least two) carry.
    fn share_rare_word(&self, a: &[String], b: &[String]) -> bool {
        let limit = (self.sentences / 10).max(2);
        a.iter().any(|w| !is_glue(w) && w.chars().count() > 3 && self.df_of(w) <= limit && b.contains(w))
    }

    /// The best-scoring sentence pair of two prepared quotations: (score, left index, right index).
    fn best_pair(&self, a: &[SentenceProfile], b: &[SentenceProfile]) -> Option<(f32, usize, usize)> {
        let mut best: Option<(f32, usize, usize)> = None;
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                let s = self.combined(x, y);
                if s.is_finite() && best.is_none_or(|(b, _, _)| s > b) {
                    best = Some((s, i, j));
                }
            }
        }
        best
    }
}

/// What matching needs of each variant, computed once.
struct Prepared {
    words: Vec<String>,
    /// The quotation's rough sentences (empty for fragments) and, once needed, their profiles.
    sentences: Vec<String>,
    profiles: std::cell::OnceCell<Vec<SentenceProfile>>,
}

impl Prepared {
    fn new(v: &QuoteVariant) -> Self {
        let sentences = if v.fragment { Vec::new() } else { rough_sentences(&v.text) };
        Prepared { words: quote_words(&v.text), sentences, profiles: std::cell::OnceCell::new() }
    }

    /// Profiles are costly; only same-speaker comparisons and diffs need them.
    fn profiles(&self, lexicon: &Lexicon) -> &[SentenceProfile] {
        self.profiles
            .get_or_init(|| self.sentences.iter().map(|s| SentenceProfile::new(lexicon, s)).collect())
    }
}

/// Words too common to make a bigram distinctive on their own.
fn is_glue(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "and"
            | "or"
            | "for"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "it"
            | "that"
            | "this"
            | "with"
            | "we"
            | "they"
            | "he"
            | "she"
            | "i"
            | "you"
            | "at"
            | "by"
            | "as"
            | "from"
            | "has"
            | "have"
            | "had"
            | "not"
            | "will"
    )
}

/// Pairs of quoted variants worth comparing: the same named speaker, or a shared word pair
/// among each variant's rarest `RARE_BIGRAMS` (identical, trimmed and altered quotations share
/// word pairs). Avoids comparing every quotation with every other on large inputs.
fn candidate_pairs(
    all_variants: &[QuoteVariant],
    all_prepared: &[Prepared],
    ids: &[usize],
) -> Vec<(usize, usize)> {
    use std::collections::{BTreeMap, HashMap};
    let variants: Vec<&QuoteVariant> = ids.iter().map(|&i| &all_variants[i]).collect();
    let prepared: Vec<&Prepared> = ids.iter().map(|&i| &all_prepared[i]).collect();
    const RARE_BIGRAMS: usize = 8;
    let mut by_speaker: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, v) in variants.iter().enumerate() {
        if let (Some(sp), false) = (&v.speaker, v.anonymous) {
            by_speaker.entry(speaker_key(sp)).or_default().push(i);
        }
    }
    let bigrams_of = |p: &&Prepared| -> Vec<String> {
        let mut out: Vec<String> = p
            .words
            .windows(2)
            .filter(|w| !(is_glue(&w[0]) && is_glue(&w[1])))
            .map(|w| format!("{} {}", w[0], w[1]))
            .collect();
        if p.words.len() == 1 {
            out.push(p.words[0].clone());
        }
        out.sort();
        out.dedup();
        out
    };
    let all: Vec<Vec<String>> = prepared.iter().map(bigrams_of).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for bs in &all {
        for b in bs {
            *df.entry(b.as_str()).or_insert(0) += 1;
        }
    }
    let mut rare: Vec<Vec<&str>> = Vec::with_capacity(all.len());
    for bs in &all {
        // Keys are unique (bigrams deduplicated), so an unstable sort gives the same order.
        let mut r: Vec<(usize, &str)> =
            bs.iter().map(|b| (df.get(b.as_str()).copied().unwrap_or(0), b.as_str())).collect();
        r.sort_unstable();
        r.truncate(RARE_BIGRAMS);
        rare.push(r.into_iter().map(|(_, b)| b).collect());
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for ids in by_speaker.values() {
        for (x, &i) in ids.iter().enumerate() {
            for &j in &ids[x + 1..] {
                if variants[i].doc != variants[j].doc {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    // Each variant looks up its rare bigrams in everyone's full bigram list.
    let mut full: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, bs) in all.iter().enumerate() {
        for b in bs {
            full.entry(b.as_str()).or_default().push(i);
        }
    }
    for (i, r) in rare.iter().enumerate() {
        for b in r {
            for &j in full.get(b).map(Vec::as_slice).unwrap_or(&[]) {
                // One-word quotations match only with the same speaker (found by speaker).
                let single = prepared[i].words.len() < 2 || prepared[j].words.len() < 2;
                if i != j && variants[i].doc != variants[j].doc && !single {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().map(|(a, b)| (ids[a], ids[b])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The relation of two variants from different documents, if they carry the same statement.
fn relate(
    a: &QuoteVariant,
    b: &QuoteVariant,
    pa: &Prepared,
    pb: &Prepared,
    scorer: &StatementScorer,
    config: &QuoteConfig,
) -> Option<QuoteStatus> {
    let (wa, wb) = (&pa.words[..], &pb.words[..]);
    if wa.is_empty() || wb.is_empty() {
        return None;
    }
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    // The same words credited to two different named people: grouped (a misattribution is
    // worth seeing) only when the shared wording is long enough not to be a stock phrase.
    if has_different_speakers(a, b) && short.len() < config.misattribution_min_words {
        return None;
    }
    if wa == wb {
        // One-word scare quotes ("good") match too easily: need the same speaker then.
        if wa.len() < 2 && !same_speaker(a, b) {
            return None;
        }
        return Some(QuoteStatus::Identical);
    }
    if short.len() >= 2 && contains_run(long, short) {
        return Some(QuoteStatus::Trimmed);
    }
    if a.fragment || b.fragment {
        return None;
    }
    let kept = lcs_len(wa, wb) as f32 / short.len() as f32;
    let same = same_speaker(a, b);
    let enough_kept = if same { config.altered_min_kept } else { config.unattributed_min_kept };
    if kept >= enough_kept && kept >= config.altered_min_kept && (same || !has_different_speakers(a, b)) {
        return Some(if a.quoted && b.quoted { QuoteStatus::Altered } else { QuoteStatus::Paraphrased });
    }
    // The sentence comparison is the costly step: only for quotations that share a word few
    // sentences of the documents carry.
    if !same || !scorer.share_rare_word(wa, wb) {
        return None;
    }
    let best =
        scorer.best_pair(pa.profiles(scorer.lexicon), pb.profiles(scorer.lexicon)).map_or(0.0, |(s, _, _)| s);
    if best >= config.same_statement_min_score {
        return Some(QuoteStatus::Paraphrased);
    }
    None
}

fn same_speaker(a: &QuoteVariant, b: &QuoteVariant) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) if !a.anonymous && !b.anonymous => speaker_key(x) == speaker_key(y),
        _ => false,
    }
}

fn has_different_speakers(a: &QuoteVariant, b: &QuoteVariant) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) if !a.anonymous && !b.anonymous => speaker_key(x) != speaker_key(y),
        _ => false,
    }
}

/// Speakers compare by surname key: "Marco Rubio" and "Rubio", "Zelenskyy" and "Zelensky".
fn speaker_key(name: &str) -> String {
    name_key(name.rsplit(' ').next().unwrap_or(name))
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Word diff between two quotations, on folded words; built on `similar` without a deadline
/// (the deadline-taking APIs read the clock, which panics in wasm).
pub fn quote_diff(left: &str, right: &str) -> Vec<QuoteDiffOp> {
    let lw: Vec<&str> = left.split_whitespace().collect();
    let rw: Vec<&str> = right.split_whitespace().collect();
    let key = |w: &&str| quote_words(w).join(" ");
    let lk: Vec<String> = lw.iter().map(key).collect();
    let rk: Vec<String> = rw.iter().map(key).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &lk, &rk);
    let mut out = Vec::new();
    for op in ops {
        let (tag, l, r) = op.as_tag_tuple();
        let name = match tag {
            similar::DiffTag::Equal => "equal",
            similar::DiffTag::Delete => "delete",
            similar::DiffTag::Insert => "insert",
            similar::DiffTag::Replace => "replace",
        };
        let left = lw.get(l).map(|s| s.join(" ")).unwrap_or_default();
        let right = rw.get(r).map(|s| s.join(" ")).unwrap_or_default();
        out.push(QuoteDiffOp { op: name.to_string(), left, right });
    }
    out
}

/// Groups variants of the same statement across documents and classifies each group.
/// Variants of one document are never grouped with each other. Also looks in the other
/// documents for unquoted reported speech of the same statement (see
/// `reported_speech_min_score`), added as variants with `quoted: false`.
pub fn match_quotes(variants: Vec<QuoteVariant>, docs: &[DocSentences], config: &QuoteConfig) -> Vec<Quote> {
    let lexicon = Lexicon::shared();
    let scorer = StatementScorer::new(lexicon, docs);
    let mut variants: Vec<QuoteVariant> = variants.into_iter().filter(|v| v.quoted).collect();
    let quoted_count = variants.len();
    let mut links: Vec<(usize, usize, QuoteStatus)> = Vec::new();
    let mut prepared: Vec<Prepared> = variants.iter().map(Prepared::new).collect();
    let mut uf = UnionFind((0..quoted_count).collect());
    // Pairs already in one group are skipped (their status follows from the links that joined
    // them), and two groups that failed to match `GIVE_UP` times are taken as different
    // statements: many copies of the same few quotations then cost near-linear time.
    const GIVE_UP: u32 = 3;
    let mut failures: std::collections::HashMap<(usize, usize), u32> = std::collections::HashMap::new();
    // Identical wording with the same speaker (or both unnamed, two words or more) forms one
    // class: its members are linked at once and only its first member is compared further.
    let mut class_rep: std::collections::HashMap<(&[String], String), usize> =
        std::collections::HashMap::new();
    let mut reps: Vec<usize> = Vec::new();
    for i in 0..quoted_count {
        let v = &variants[i];
        let who = match (&v.speaker, v.anonymous) {
            (Some(sp), false) => speaker_key(sp),
            _ if prepared[i].words.len() >= 2 => String::new(),
            _ => {
                reps.push(i);
                continue;
            }
        };
        match class_rep.get(&(&prepared[i].words[..], who.clone())) {
            Some(&r) if variants[r].doc != v.doc && !prepared[i].words.is_empty() => {
                links.push((r, i, QuoteStatus::Identical));
                uf.union(r, i);
            }
            Some(_) => reps.push(i),
            None => {
                class_rep.insert((&prepared[i].words[..], who), i);
                reps.push(i);
            }
        }
    }
    for (i, j) in candidate_pairs(&variants, &prepared, &reps) {
        let (ri, rj) = (uf.find(i), uf.find(j));
        if ri == rj {
            continue;
        }
        let key = (ri.min(rj), ri.max(rj));
        if failures.get(&key).is_some_and(|&f| f >= GIVE_UP) {
            continue;
        }
        match relate(&variants[i], &variants[j], &prepared[i], &prepared[j], &scorer, config) {
            Some(st) => {
                links.push((i, j, st));
                uf.union(i, j);
            }
            None => *failures.entry(key).or_insert(0) += 1,
        }
    }
    // Reported speech, searched once per group from its first named full quotation, in the
    // documents the group does not already cover.
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for i in 0..quoted_count {
        members.entry(uf.find(i)).or_default().push(i);
    }
    let searches: Vec<(usize, Vec<&str>)> = members
        .values()
        .filter_map(|m| {
            let rep = m.iter().copied().find(|&i| {
                !variants[i].anonymous && !variants[i].fragment && variants[i].speaker.is_some()
            })?;
            Some((rep, m.iter().map(|&i| variants[i].doc.as_str()).collect()))
        })
        .collect();
    let found = reported_speech(&variants, &searches, docs, &scorer, config);
    for (v, source) in found {
        let k = variants.len();
        prepared.push(Prepared::new(&v));
        variants.push(v);
        uf.0.push(k);
        links.push((source, k, QuoteStatus::Paraphrased));
        uf.union(source, k);
    }
    let n = variants.len();
    let words: Vec<&[String]> = prepared.iter().map(|p| &p.words[..]).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_of: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = uf.find(i);
        match root_of[r] {
            Some(g) => groups[g].push(i),
            None => {
                root_of[r] = Some(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    // Each group's status: the strongest of the links from its members (one pass over links).
    let mut group_status: Vec<Option<QuoteStatus>> = vec![None; groups.len()];
    for &(i, _, st) in &links {
        if let Some(g) = root_of.get(uf.find(i)).copied().flatten() {
            group_status[g] = group_status[g].max(Some(st));
        }
    }
    let mut out = Vec::new();
    for (gi, mut g) in groups.into_iter().enumerate() {
        // Variants in document order, then text order (indices already follow text order).
        g.sort_by(|&a, &b| variants[a].doc.cmp(&variants[b].doc).then(a.cmp(&b)));
        let status = group_status[gi].unwrap_or(QuoteStatus::Unique);
        let speaker_var = g
            .iter()
            .map(|&i| &variants[i])
            .find(|v| v.speaker.is_some() && !v.anonymous)
            .or_else(|| g.iter().map(|&i| &variants[i]).find(|v| v.speaker.is_some()));
        let speaker = speaker_var.and_then(|v| v.speaker.clone());
        let anonymous = speaker_var.is_some_and(|v| v.anonymous);
        let mut diff_pair = None;
        if matches!(status, QuoteStatus::Altered | QuoteStatus::Paraphrased) {
            // The quoted pair that keeps the fewest words.
            let mut worst: Option<(usize, usize, f32)> = None;
            for &(i, j, st) in &links {
                if st == status && g.contains(&i) && variants[i].quoted && variants[j].quoted {
                    let short = words[i].len().min(words[j].len()).max(1);
                    let kept = lcs_len(words[i], words[j]) as f32 / short as f32;
                    if worst.is_none_or(|(_, _, k)| kept < k) {
                        worst = Some((i, j, kept));
                    }
                }
            }
            diff_pair = worst.map(|(i, j, _)| (i, j));
        }
        // Altered: the whole quotations. Paraphrased: the sentence pair that says the same thing,
        // since the rest of a reworded quotation rarely lines up word by word.
        let diff = diff_pair
            .map(|(i, j)| {
                let (a, b) = (&variants[i].text, &variants[j].text);
                let (pa, pb) = (&prepared[i], &prepared[j]);
                match (status, scorer.best_pair(pa.profiles(lexicon), pb.profiles(lexicon))) {
                    (QuoteStatus::Paraphrased, Some((_, x, y))) => {
                        quote_diff(&pa.sentences[x], &pb.sentences[y])
                    }
                    _ => quote_diff(a, b),
                }
            })
            .unwrap_or_default();
        let diff_between = diff_pair.and_then(|(i, j)| {
            let a = g.iter().position(|&x| x == i)?;
            let b = g.iter().position(|&x| x == j)?;
            Some((a.min(b), a.max(b)))
        });
        let members: Vec<QuoteVariant> = g.iter().map(|&i| variants[i].clone()).collect();
        let mut named: Vec<String> = members
            .iter()
            .filter(|v| !v.anonymous)
            .filter_map(|v| v.speaker.as_deref().map(speaker_key))
            .collect();
        named.sort();
        named.dedup();
        let speakers_differ = named.len() > 1;
        out.push(Quote {
            speaker,
            anonymous,
            speakers_differ,
            status,
            variants: members,
            diff,
            diff_between,
        });
    }
    // Groups in order of first appearance: first document, then position.
    out
}

/// Unquoted sentences in other documents that report a named speaker's quoted statement:
/// 003's "Kremlin spokesman Dmitry Peskov said that no such plan is being discussed with the
/// United States" for 000's “no formal consultations are presently occurring” with the U.S.
/// Returns each found sentence as a variant with the index of the quotation it reports.
fn reported_speech(
    variants: &[QuoteVariant],
    searches: &[(usize, Vec<&str>)],
    docs: &[DocSentences],
    scorer: &StatementScorer,
    config: &QuoteConfig,
) -> Vec<(QuoteVariant, usize)> {
    use std::collections::HashMap;
    // Sentences that name someone and carry a speech verb but no quotation marks, by the
    // name keys of their capitalised words: built once, O(words).
    let mut by_name: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (di, d) in docs.iter().enumerate() {
        for (si, s) in d.sentences.iter().enumerate() {
            let words = words_of(s.text);
            if s.text.contains(['“', '”', '"']) || !words.iter().any(|w| is_reporting_verb(bare(w))) {
                continue;
            }
            let mut keys: Vec<String> =
                words.iter().filter(|w| is_capitalized(w)).map(|w| name_key(bare(w))).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                by_name.entry(k).or_default().push((di, si));
            }
        }
    }
    // Documents that quote a speaker directly are not searched for reported speech of them.
    let quoting: std::collections::HashSet<(&str, String)> = variants
        .iter()
        .filter(|v| v.quoted && !v.anonymous)
        .filter_map(|v| v.speaker.as_deref().map(|s| (v.doc.as_str(), speaker_key(s))))
        .collect();
    let mut profiles: HashMap<(usize, usize), SentenceProfile> = HashMap::new();
    let mut out: Vec<(QuoteVariant, usize)> = Vec::new();
    for (vi, covered) in searches {
        let (vi, v) = (*vi, &variants[*vi]);
        let Some(speaker) = &v.speaker else { continue };
        let key = speaker_key(speaker);
        let Some(candidates) = by_name.get(&key) else { continue };
        // Sentences of documents the group does not cover and that do not quote the speaker.
        let candidates: Vec<(usize, usize)> = candidates
            .iter()
            .copied()
            .filter(|&(di, _)| {
                !covered.contains(&docs[di].doc) && !quoting.contains(&(docs[di].doc, key.clone()))
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let Some(src_doc) = docs.iter().find(|d| d.doc == v.doc) else { continue };
        // The quotation with its attribution sentence(s), quote marks and all.
        let src_text: String = src_doc
            .sentences
            .iter()
            .filter(|s| v.sentences.iter().any(|id| id == s.id))
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join(" ");
        let src_profile = SentenceProfile::new(scorer.lexicon, &src_text);
        // The best sentence per other document.
        let mut best: Vec<(usize, usize, f32)> = Vec::new();
        for (di, si) in candidates {
            let d = &docs[di];
            let profile = profiles
                .entry((di, si))
                .or_insert_with(|| SentenceProfile::new(scorer.lexicon, d.sentences[si].text));
            let score = scorer.combined(&src_profile, profile);
            if score < config.reported_speech_min_score {
                continue;
            }
            match best.iter_mut().find(|(bd, _, _)| *bd == di) {
                Some(b) if score > b.2 => *b = (di, si, score),
                Some(_) => {}
                None => best.push((di, si, score)),
            }
        }
        for (di, si, _) in best {
            let (d, s) = (&docs[di], &docs[di].sentences[si]);
            if out.iter().any(|(o, _)| o.doc == d.doc && o.sentence == s.id) {
                continue;
            }
            out.push((
                QuoteVariant {
                    doc: d.doc.to_string(),
                    sentence: s.id.to_string(),
                    sentences: vec![s.id.to_string()],
                    text: s.text.to_string(),
                    speaker_as_written: Some(speaker.clone()),
                    speaker: Some(speaker.clone()),
                    anonymous: false,
                    speaker_source: SpeakerSource::Reported,
                    quoted: false,
                    fragment: false,
                    unclosed: false,
                },
                vi,
            ));
        }
    }
    out
}
