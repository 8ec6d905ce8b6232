//! Tokens and their normal forms. (Stub: stemming, synonyms and variants land with Engine I.)

use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
}

/// One word or number of a sentence, with every normal form the matchers use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Byte span in the sentence text.
    pub start: usize,
    pub end: usize,
    /// Case-folded, quote- and dash-folded form.
    pub norm: String,
    /// Snowball stem of `norm`.
    pub stem: String,
    /// Spelling/transliteration key: Kyiv and Kiev share it.
    pub variant: String,
    pub kind: TokenKind,
    /// Parsed value of a number ("900,000", "20 percent" → 900000, 20).
    pub value: Option<f64>,
    /// A content word (not a function word), weighted higher.
    pub content: bool,
    /// Starts with a capital letter in the text (a name, or a sentence start).
    pub capitalized: bool,
}

/// How two tokens correspond, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    Exact,
    Inflection,
    Variant,
    Number,
    Synonym,
}

/// The word knowledge the matchers share: stemmer, variant table, synonym table.
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn new() -> Self {
        Lexicon {}
    }

    /// The shared default lexicon, built once.
    pub fn shared() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(Lexicon::new)
    }

    /// Splits `text` into tokens (punctuation dropped).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let surface = &text[s..i];
                    let norm = surface.to_lowercase();
                    let value = norm.parse::<f64>().ok();
                    out.push(Token {
                        start: s,
                        end: i,
                        stem: norm.clone(),
                        variant: norm.clone(),
                        norm,
                        kind: if value.is_some() { TokenKind::Number } else { TokenKind::Word },
                        value,
                        content: surface.chars().count() > 3,
                        capitalized: surface.chars().next().is_some_and(char::is_uppercase),
                    });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    /// How `a` and `b` correspond, if at all.
    pub fn relate(&self, a: &Token, b: &Token) -> Option<MatchKind> {
        if a.norm == b.norm {
            Some(MatchKind::Exact)
        } else if a.stem == b.stem {
            Some(MatchKind::Inflection)
        } else if a.variant == b.variant {
            Some(MatchKind::Variant)
        } else {
            None
        }
    }
}
