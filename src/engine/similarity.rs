//! Sentence-pair similarity with an explanation. (Stub: the scored model lands with Engine I.)

use serde::{Deserialize, Serialize};

use super::lexicon::{Lexicon, MatchKind, Token};

/// A sentence prepared once for many comparisons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceProfile {
    pub text: String,
    pub tokens: Vec<Token>,
}

impl SentenceProfile {
    pub fn new(lexicon: &Lexicon, text: &str) -> Self {
        SentenceProfile { text: text.to_string(), tokens: lexicon.tokenize(text) }
    }
}

/// Word weights: rare words count for more. Built from the loaded documents, or built in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Idf {}

impl Idf {
    pub fn builtin() -> Self {
        Idf {}
    }
    pub fn from_profiles<'a>(_profiles: impl IntoIterator<Item = &'a SentenceProfile>) -> Self {
        Idf {}
    }
    pub fn weight(&self, token: &Token) -> f32 {
        if token.content {
            1.0
        } else {
            0.2
        }
    }
}

/// Thresholds for the paraphrase decision.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityConfig {
    /// Scores at or above this are paraphrases.
    pub paraphrase_threshold: f32,
}

impl Default for SimilarityConfig {
    fn default() -> Self {
        SimilarityConfig { paraphrase_threshold: 0.5 }
    }
}

/// One matched token pair: indices into the left and right token lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenMatch {
    pub left: usize,
    pub right: usize,
    pub kind: MatchKind,
}

/// How far `right` says what `left` says, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Symmetric score in [0, 1].
    pub score: f32,
    /// Weighted share of the left sentence found in the right, in [0, 1].
    pub left_in_right: f32,
    /// Weighted share of the right sentence found in the left, in [0, 1].
    pub right_in_left: f32,
    pub matches: Vec<TokenMatch>,
    /// Indices of unmatched left tokens.
    pub left_only: Vec<usize>,
    /// Indices of unmatched right tokens.
    pub right_only: Vec<usize>,
    /// Numbers or names present on both sides that disagree, e.g. "900,000" vs "850,000".
    pub conflicts: Vec<(usize, usize)>,
}

/// Compares two profiles and explains the result. Never fails; empty input scores 0.
pub fn compare(lexicon: &Lexicon, left: &SentenceProfile, right: &SentenceProfile, idf: &Idf) -> Similarity {
    let mut matches = Vec::new();
    let mut used = vec![false; right.tokens.len()];
    for (i, a) in left.tokens.iter().enumerate() {
        if let Some((j, kind)) = right
            .tokens
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .find_map(|(j, b)| lexicon.relate(a, b).map(|k| (j, k)))
        {
            used[j] = true;
            matches.push(TokenMatch { left: i, right: j, kind });
        }
    }
    let total = |ts: &[Token]| ts.iter().map(|t| idf.weight(t)).sum::<f32>();
    let lw = total(&left.tokens);
    let rw = total(&right.tokens);
    let ml: f32 = matches.iter().map(|m| idf.weight(&left.tokens[m.left])).sum();
    let mr: f32 = matches.iter().map(|m| idf.weight(&right.tokens[m.right])).sum();
    let left_in_right = if lw > 0.0 { ml / lw } else { 0.0 };
    let right_in_left = if rw > 0.0 { mr / rw } else { 0.0 };
    let score = if lw + rw > 0.0 { (ml + mr) / (lw + rw) } else { 0.0 };
    let left_only = (0..left.tokens.len()).filter(|i| !matches.iter().any(|m| m.left == *i)).collect();
    let right_only = (0..right.tokens.len()).filter(|j| !used[*j]).collect();
    Similarity { score, left_in_right, right_in_left, matches, left_only, right_only, conflicts: Vec::new() }
}

/// Whether `sim` counts as a paraphrase under `config`.
pub fn is_paraphrase(sim: &Similarity, config: &SimilarityConfig) -> bool {
    sim.score >= config.paraphrase_threshold
}
