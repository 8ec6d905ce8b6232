//! The engine: pure Rust, no web dependencies, deterministic.
//!
//! `raw text ─clean─▶ kept text + removed lines ─segment─▶ sentences with byte spans
//! ─lexicon─▶ tokens (surface, stem, synonym class, variant key, number)
//! ─similarity─▶ pair score + explanation ─align─▶ links per document pair
//! ─diff─▶ labelled word ops per link ─passages/quotes/facts─▶ cross-document views
//! ─report─▶ [`report::Report`]`.
//!
//! Each stage is a plain function over plain data; later stages never reach back to
//! change an earlier stage's results. Every threshold lives in [`Config`].

pub mod align;
pub mod clean;
pub mod credits;
pub mod diff;
pub mod document;
pub mod facts;
pub mod language;
pub mod lexicon;
pub mod markdown;
pub mod passages;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod similarity;
pub mod synth;
pub mod workspace;

pub use align::AlignConfig;
pub use clean::{clean, CleanConfig, Cleaned, KeptLine, Reason, RemovedLine};
pub use diff::DiffConfig;
pub use lexicon::{Lexicon, MatchKind, Token};
pub use passages::PassageConfig;
pub use report::Report;
pub use segment::{segment, segment_with, ParagraphSpan, SegmentConfig, Segmented, SentenceSpan};
pub use similarity::{SentenceProfile, Similarity, SimilarityConfig};

/// One article handed to the engine: a stable id (a file name) and its raw text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Input {
    pub id: String,
    pub text: String,
}

/// Every threshold of the pipeline, with defaults that were measured on the seeds and MRPC.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    pub clean: CleanConfig,
    pub segment: SegmentConfig,
    pub similarity: SimilarityConfig,
    pub align: AlignConfig,
    pub diff: DiffConfig,
    pub passages: PassageConfig,
    pub quotes: quotes::QuoteConfig,
    pub facts: facts::FactConfig,
    pub credits: credits::CreditConfig,
    pub title: document::TitleConfig,
    pub report: ReportConfig,
}

/// What the report holds for large inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportConfig {
    /// Up to this many documents every pair is aligned; above it, each document is aligned with
    /// its [`ReportConfig::neighbours`] most overlapping documents, so the work stays O(N).
    pub all_pairs_max_documents: usize,
    pub neighbours: usize,
    /// Raw lines the user restored, as (input id, 1-based line): kept whatever the cleaner says.
    pub restored: Vec<(String, usize)>,
    /// Find quotes and facts. Off, the report's `quotes` and `facts` stay empty: the web app
    /// has a second worker find them meanwhile ([`Workspace::extract`], [`Extracts`]).
    pub quotes_and_facts: bool,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            all_pairs_max_documents: 16,
            neighbours: 4,
            restored: Vec::new(),
            quotes_and_facts: true,
        }
    }
}

mod pipeline;
pub use pipeline::{analyze, analyze_observed, Extracts, Progress, STAGES};
pub use workspace::Workspace;
