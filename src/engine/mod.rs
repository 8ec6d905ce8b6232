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
pub mod facts;
pub mod lexicon;
pub mod passages;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod similarity;

pub use clean::{clean, CleanConfig, Cleaned, RemovedLine};
pub use lexicon::{Lexicon, MatchKind, Token};
pub use report::Report;
pub use segment::{segment, SentenceSpan};
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
    pub similarity: SimilarityConfig,
}
