//! The serde types every front end renders: the one contract between the engine and the UI/CLI.
//!
//! A [`Report`] is plain data. Every number a view shows (containment, percentages, spans) is
//! computed by the engine and stored here, so the front ends never run text heuristics.
//!
//! Ids are stable across runs: a document's id is the name it was given (the file name on the
//! command line), a sentence's id is `"<document id>#s<index>"` (0-based, in reading order), and
//! a passage's id is `"p<index>"` in order of first appearance.

use serde::{Deserialize, Serialize};

use super::clean::RemovedLine;
pub use super::credits::{Credit, CreditKind, OutletGuess};
pub use super::facts::{Divergence, Fact, Facts};
pub use super::quotes::{Quote, QuoteStatus, QuoteVariant};

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the engine found about N versions of one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`] of this report.
    pub version: u32,
    /// The documents in input order.
    pub documents: Vec<Document>,
    /// Sentence links per document pair (see [`Pair`]); `left` is the earlier document in input order.
    pub pairs: Vec<Pair>,
    /// Units of content carried by several documents, in order of first appearance.
    pub passages: Vec<Passage>,
    /// Containment matrix, credit lines and cautious "likely source" hints.
    pub derivation: Derivation,
    /// Direct quotations matched across documents (see [`Quote`]).
    pub quotes: Vec<Quote>,
    /// Figures, dates and names per document, and the divergences between documents.
    pub facts: Facts,
    /// How much work the engine did (for the benchmarks and the UI's status line).
    pub stats: Stats,
}

/// One input article after cleaning and segmentation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The name the document was given (a file name on the command line).
    pub id: String,
    /// The headline, or the start of the first line when there is none.
    pub title: String,
    /// The outlet, when the text names it clearly (see [`Document::outlet_guess`]).
    pub outlet: Option<String>,
    /// The outlet guess with its evidence, or why there is none.
    pub outlet_guess: Option<OutletGuess>,
    /// The kept sentences in reading order.
    pub sentences: Vec<Sentence>,
    /// Lines the cleaner removed, each with its reason; the UI can restore them.
    pub removed: Vec<RemovedLine>,
    /// Lines the user restored (kept although the cleaner would remove them), each with the
    /// reason it would have been removed for, so the UI can say what was overridden.
    #[serde(default)]
    pub restored: Vec<RemovedLine>,
    /// Ids of sentences that no other document carries (linked in no pair).
    pub unique: Vec<String>,
    /// How many of its sentences are copied verbatim, reworded, or unique (the overview's bar).
    #[serde(default)]
    pub shares: Shares,
}

/// Sentence counts of one document by the strongest link any other document has to them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shares {
    /// In at least one verbatim link.
    pub verbatim: usize,
    /// Linked (edited, paraphrased or partly shared), never verbatim.
    pub reworded: usize,
    /// Linked in no pair.
    pub unique: usize,
}

/// One sentence of a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// `"<document id>#s<index>"`.
    pub id: String,
    /// 0-based paragraph index.
    pub paragraph: usize,
    /// Byte span in the cleaned text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The passage this sentence belongs to, if any other document carries it.
    pub passage: Option<String>,
}

/// How two linked sentence groups correspond.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Identical after normalization (case, quotes, dashes, punctuation).
    Verbatim,
    /// Small wording changes; mostly the same words in the same order.
    Edited,
    /// Reworded, with the same content.
    Paraphrase,
    /// Shares one clause or claim; the rest differs.
    #[default]
    Partial,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Verbatim => "verbatim",
            LinkKind::Edited => "edited",
            LinkKind::Paraphrase => "paraphrase",
            LinkKind::Partial => "partial",
        }
    }
}

/// The links between two documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Document ids.
    pub left: String,
    pub right: String,
    /// Content-weighted share of the left document found in the right one, in [0, 1].
    pub left_in_right: f32,
    /// Content-weighted share of the right document found in the left one, in [0, 1].
    pub right_in_left: f32,
    /// Links in left reading order.
    pub links: Vec<Link>,
    /// Sentence ids of each side that have no link in this pair.
    pub left_unique: Vec<String>,
    pub right_unique: Vec<String>,
}

/// One correspondence: one or more left sentences with one or more right sentences
/// (1:n is a split, n:1 a merge).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Sentence ids, in reading order.
    pub left: Vec<String>,
    pub right: Vec<String>,
    pub kind: LinkKind,
    /// Similarity score in [0, 1] (1 for verbatim).
    pub score: f32,
    /// Weighted share of the left side found in the right, and the reverse.
    pub left_in_right: f32,
    pub right_in_left: f32,
    /// Numbers or names that disagree between the two sides, e.g. "900,000" vs "850,000".
    pub conflicts: Vec<Conflict>,
    /// Word operations in left reading order (see [`WordOp`]).
    pub diff: Vec<WordOp>,
    pub summary: DiffSummary,
}

/// A figure or name that differs between two linked sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub left: String,
    pub right: String,
}

/// What a word operation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// The same words.
    Equal,
    /// Same stem, other form ("says" / "said").
    Inflection,
    /// A synonym swap ("reduce" / "scale back").
    Synonym,
    /// Spelling, transliteration, number format or quote style ("Kyiv" / "Kiev", "20%" / "20 percent").
    Variant,
    /// Different words in the same place.
    Changed,
    /// Words only on the right.
    Inserted,
    /// Words only on the left.
    Deleted,
    /// Words present on both sides, in a different place.
    Moved,
}

impl OpKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Inflection => "inflection",
            OpKind::Synonym => "synonym",
            OpKind::Variant => "variant",
            OpKind::Changed => "changed",
            OpKind::Inserted => "inserted",
            OpKind::Deleted => "deleted",
            OpKind::Moved => "moved",
        }
    }
}

/// One labelled run of words. `left` is absent for insertions, `right` for deletions.
///
/// Ops come in left reading order; an insertion sits where it falls between left words, and a
/// moved run sits at its left position while its `right` piece points to where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub kind: OpKind,
    pub left: Option<Piece>,
    pub right: Option<Piece>,
}

/// A run of text inside one sentence of a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// Index into the link's `left` (or `right`) sentence list.
    pub part: usize,
    /// Byte span in that sentence's `text`.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How a link's words were reworded, as shares of all words on both sides (they sum to 100).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSummary {
    /// Equal words.
    pub verbatim: u8,
    /// Inflections and spelling/number variants.
    pub minor: u8,
    /// Synonym swaps.
    pub synonym: u8,
    /// Moved words.
    pub moved: u8,
    /// Changed, inserted and deleted words.
    pub new_wording: u8,
    /// E.g. "62% verbatim, 21% synonym swaps, 17% new wording".
    pub display: String,
}

/// One unit of content carried by several documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// `"p<index>"`, in order of first appearance.
    pub id: String,
    /// The documents carrying it, in input order.
    pub documents: Vec<String>,
    /// The wording in each carrying document.
    pub carriers: Vec<Carrier>,
    /// The strongest link kind inside the passage.
    pub kind: LinkKind,
}

/// How one document words a passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Carrier {
    pub document: String,
    pub sentences: Vec<String>,
    pub text: String,
}

/// Who may have copied whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// `containment[a][b]`: share of document a's content found in document b, in [0, 1];
    /// `None` when the pair was not compared (large inputs compare nearest neighbours only).
    pub containment: Vec<Vec<Option<f32>>>,
    /// Credit lines found in the documents ("as reported by The Associated Press").
    pub credits: Vec<Credit>,
    /// Cautious hints, only where containment is clearly asymmetric.
    pub hints: Vec<SourceHint>,
}

/// "`derived` may draw on `source`": most of `derived` is found in `source`, not the reverse.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceHint {
    pub derived: String,
    pub source: String,
    /// Share of `derived` found in `source`, and the reverse.
    pub derived_in_source: f32,
    pub source_in_derived: f32,
    /// Human-readable evidence, one item per line.
    pub evidence: Vec<String>,
}

/// Work counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub documents: usize,
    pub sentences: usize,
    /// Document pairs aligned (all pairs for small inputs, nearest neighbours for large ones).
    pub pairs_compared: usize,
    /// Sentence pairs scored (candidates from the index).
    pub sentence_pairs_scored: usize,
    pub links: usize,
}
