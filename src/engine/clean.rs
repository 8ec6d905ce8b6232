//! Site-debris removal. (Stub: the real rules land with Engine I.)

use serde::{Deserialize, Serialize};

/// Which rules run; all on by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanConfig {}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {}
    }
}

/// A line the cleaner took out, with where it was and why, so a user can restore it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// 1-based line number in the raw text.
    pub line: usize,
    /// The line as it stood, without its line break.
    pub text: String,
    /// A short human reason, e.g. "comment prompt".
    pub reason: String,
}

/// The cleaner's output: the kept text and every removed line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cleaned {
    pub text: String,
    pub removed: Vec<RemovedLine>,
}

/// Removes site furniture from `raw`. Never fails.
pub fn clean(raw: &str, _config: &CleanConfig) -> Cleaned {
    Cleaned { text: raw.trim().to_string(), removed: Vec::new() }
}
