//! Sentence-pair similarity with an explanation, and the paraphrase decision.
//!
//! ```text
//! left:  Furthermore, it would involve scaling back a portion of U.S. military aid.
//! right: The plan calls for reducing US military aid to Kiev and reducing the use of
//!        various types of weapons by Ukrainian forces.
//! matches:    U.S.=US (variant), military=military, aid=aid, of=of (exact),
//!             scaling=reducing (synonym)
//! left only:  furthermore, it, would, involve, back, a, portion
//! right only: the, plan, calls, for, to, kiev, and, reducing, … ukrainian, forces
//! left_in_right 0.39 > right_in_left 0.23: the left says part of what the right says.
//! score 0.29, paraphrase probability 0.02: not a paraphrase.
//!
//! left:  The plan would cut Ukraine's army from 900,000 to 600,000 personnel.
//! right: The plan would cut Ukraine's army from 850,000 to 600,000 troops.
//! matches: the, plan, would, cut, ukraine, army, from, to, 600,000 (exact)
//! conflicts: 900,000 ≠ 850,000 → score 0.71 halved to 0.36; the model's 0.97 times the
//! number-conflict factor 0.3 is 0.29: a different statement (MRPC's convention would say yes).
//! ```
//!
//! Each sentence is prepared once into a [`SentenceProfile`]: tokens plus hashed keys (form,
//! stem, variant), sorted key indexes, synonym-class and name candidates, word bigrams and
//! trigrams, and a 1,024-bit character 4-gram signature, so that [`compare`] walks small
//! integer arrays. Matching is greedy by strength: exact forms first, then stems, numbers and
//! variant keys (each a merge of two sorted lists), then the name edit-distance rule, then
//! synonyms. Token weights are IDF from the loaded documents ([`Idf::from_profiles`]; the
//! alignment counts each word over the documents that use it, [`Idf::within_documents`]) times
//! a built-in weight from general-English frequency (function words 0.1). [`compare`] reports
//! the weighted containment both ways (`left_in_right`, `right_in_left`), a transparent
//! `score` (their harmonic mean, halved per number conflict), and the [`FEATURES`] (coverage
//! per match kind and word category, n-gram and character overlap, LCS, length ratio,
//! number/name conflicts, negation, framing words, where the left-overs sit, contrast words,
//! quotes, reordering, slot substitutions) that a small network fitted on the MRPC
//! training split ([`fit`], `wirediff fit-paraphrase`, weights in [`model`]) turns into the
//! `paraphrase` probability. [`is_paraphrase`] applies [`SimilarityConfig`]'s conflict
//! factors and threshold.
//!
//! Cost: a profile is O(n log n) in the sentence length; [`compare`] is O(n + m) for the
//! key merges plus O(n log m) for the bit-parallel LCS, O(c² / 128) for the character LCS
//! of c characters, and a few O(n·m) loops over the left-over tokens, then the network
//! (79 × 8 multiply-adds, 8 tanh): about 35,600 instructions a pair of the seeds' sentences
//! (20.8 tokens on average; callgrind, `wirediff bench similarity`, profile `bench-native`),
//! measured before the model's 79 direct weights, whose multiply-adds `bench similarity` does
//! not tell apart (2026-12-02: 166,649–171,988 pairs per CPU second, 168,340–172,367 without).
//! Word-list membership, quotation marks and a synonym-class bit set are looked up once per
//! profile, not per pair.

pub mod fit;
pub mod model;
pub mod pairs;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::lexicon::{Lexicon, MatchKind, Token, TokenKind};

/// Per-token keys that [`compare`] works on: 64-bit hashes of the forms, plus flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenKeys {
    pub norm: u64,
    pub stem: u64,
    pub variant: u64,
    /// Built-in weight in thousandths (function words low, frequent words lower).
    pub base: u16,
    pub flags: u8,
    /// The first five bytes of a content word of five or more letters (0 otherwise): the
    /// relaxed "reduction" / "reducing" match.
    pub prefix: u64,
    /// Membership of the features' word lists ([`W_MODAL`], [`W_DATE`], [`W_CONTRAST`]),
    /// looked up once here rather than per comparison.
    #[serde(default)]
    pub lists: u8,
    /// One bit per synonym class (its number mod 64): two words share a class only if their
    /// bits meet, which spares most class-list merges.
    #[serde(default)]
    pub class_bits: u64,
}

const F_CONTENT: u8 = 1;
const F_NUMBER: u8 = 2;
const F_NAME: u8 = 4;
const F_NEGATION: u8 = 8;
const F_CAPITAL: u8 = 16;
/// A capitalised content word long enough for the name edit-distance rule.
const F_NAMELIKE: u8 = 32;
/// A content word with synonym classes.
const F_CLASSES: u8 = 64;
/// A framing word: attribution, honorific or relative time ("said", "Mr", "Monday").
const F_FRAMING: u8 = 128;

/// A modal verb ([`MODAL_WORDS`]).
const W_MODAL: u8 = 1;
/// A word that dates a claim ([`DATE_WORDS`]).
const W_DATE: u8 = 2;
/// A contrast or hedging word ([`CONTRAST_WORDS`]).
const W_CONTRAST: u8 = 4;

/// A sentence prepared once for many comparisons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceProfile {
    pub text: String,
    pub tokens: Vec<Token>,
    /// One entry per token.
    pub keys: Vec<TokenKeys>,
    /// Sorted hashes of consecutive variant-key pairs.
    pub bigrams: Vec<u64>,
    /// The character 4-grams of the folded text (letters, digits, spaces) as a 1,024-bit
    /// signature: overlap is a popcount, not a merge.
    pub chargrams: [u64; 16],
    /// Number of bits set in `chargrams`.
    pub chargram_bits: u32,
    /// Sorted hashes of consecutive variant-key triples.
    pub trigrams: Vec<u64>,
    /// (form key, token index), sorted: the exact-match index.
    pub by_norm: Vec<(u64, u32)>,
    /// (stem key, token index) of words, sorted: the inflection-match index.
    pub by_stem: Vec<(u64, u32)>,
    /// (variant key, token index), sorted: the number- and variant-match index.
    pub by_variant: Vec<(u64, u32)>,
    /// (variant key, bit mask of the token positions < 64 holding it), sorted: the
    /// bit-parallel LCS table.
    pub variant_masks: Vec<(u64, u64)>,
    /// Indices of the tokens the name edit-distance rule may match.
    pub namelike: Vec<u32>,
    /// Indices of the tokens with synonym classes.
    pub with_classes: Vec<u32>,
    /// Sorted hashes of consecutive variant-key quadruples.
    pub fourgrams: Vec<u64>,
    /// The tokens' folded forms joined by single spaces: the character features' text.
    pub chars: Vec<u8>,
    /// Sorted character trigrams of `chars`, three bytes to a number.
    pub char_trigrams: Vec<u32>,
    /// The distinct bytes of `chars`, sorted, and for each its positions in `chars` as a bit
    /// mask of `chars.len().div_ceil(128)` lanes: the bit-parallel character LCS table.
    pub char_set: Vec<u8>,
    pub char_masks: Vec<u128>,
    /// Whether the text holds a quotation mark (straight or curly).
    #[serde(default)]
    pub quoted: bool,
}

/// FNV-1a, 64 bit: a stable hash for interning forms without shared state.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl SentenceProfile {
    pub fn new(lexicon: &Lexicon, text: &str) -> Self {
        let tokens = lexicon.tokenize(text);
        let keys: Vec<TokenKeys> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut flags = 0;
                if t.content {
                    flags |= F_CONTENT;
                }
                if t.kind == TokenKind::Number {
                    flags |= F_NUMBER;
                }
                if t.negation {
                    flags |= F_NEGATION;
                }
                let norm = hash_str(&t.norm);
                let (framing, lists) = word_bits(norm, &t.norm);
                if framing {
                    flags |= F_FRAMING;
                }
                if !t.classes.is_empty() {
                    flags |= F_CLASSES;
                }
                if t.capitalized
                    && t.content
                    && t.kind == TokenKind::Word
                    && t.norm.chars().count() >= lexicon.config.name_min_len
                {
                    flags |= F_NAMELIKE;
                }
                if t.capitalized {
                    flags |= F_CAPITAL;
                    if i > 0 && t.content && t.kind == TokenKind::Word {
                        flags |= F_NAME;
                    }
                }
                TokenKeys {
                    norm,
                    stem: hash_str(&t.stem),
                    variant: hash_str(&t.variant),
                    base: (base_weight(lexicon, t) * 1000.0) as u16,
                    flags,
                    prefix: if t.content && t.kind == TokenKind::Word && t.norm.len() >= 5 {
                        t.norm.bytes().take(5).fold(1u64, |h, b| (h << 8) | u64::from(b))
                    } else {
                        0
                    },
                    lists,
                    class_bits: t.classes.iter().fold(0, |bits, c| bits | 1 << (c % 64)),
                }
            })
            .collect();
        let mut bigrams: Vec<u64> = keys.windows(2).map(|w| mix(w[0].variant, w[1].variant)).collect();
        bigrams.sort_unstable();
        // The folded text's letters, digits and spaces (as `lexicon::fold`), four at a time.
        let mut chargrams = [0u64; 16];
        let mut window = ['\0'; 4];
        let mut seen = 0usize;
        let mut gram = |c: char| {
            if !(c.is_alphanumeric() || c == ' ') {
                return;
            }
            window.copy_within(1.., 0);
            window[3] = c;
            seen += 1;
            if seen >= 4 {
                let h = window.iter().fold(0u64, |h, c| mix(h, u64::from(*c as u32)));
                let bit = (h >> 54) as usize; // top 10 bits: 0..1024
                chargrams[bit / 64] |= 1 << (bit % 64);
            }
        };
        for c in text.chars() {
            if c.is_ascii() {
                // `fold_char` changes only the backtick among ASCII chars, into another
                // char that is neither a letter, a digit nor a space.
                gram(c.to_ascii_lowercase());
            } else {
                let c = super::lexicon::fold_char(c);
                if c.is_uppercase() {
                    c.to_lowercase().for_each(&mut gram);
                } else {
                    gram(c);
                }
            }
        }
        let chargram_bits = chargrams.iter().map(|w| w.count_ones()).sum();
        let mut trigrams: Vec<u64> =
            keys.windows(3).map(|w| mix(mix(w[0].variant, w[1].variant), w[2].variant)).collect();
        trigrams.sort_unstable();
        let index = |key: &dyn Fn(&TokenKeys) -> Option<u64>| {
            let mut v: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
            v.extend(keys.iter().enumerate().filter_map(|(i, k)| key(k).map(|h| (h, i as u32))));
            v.sort_unstable();
            v
        };
        let by_norm = index(&|k| Some(k.norm));
        let by_stem = index(&|k| (k.flags & F_NUMBER == 0).then_some(k.stem));
        let by_variant = index(&|k| Some(k.variant));
        let mut variant_masks: Vec<(u64, u64)> = Vec::new();
        for &(key, i) in by_variant.iter().filter(|(_, i)| *i < 64) {
            match variant_masks.last_mut() {
                Some((k, mask)) if *k == key => *mask |= 1 << i,
                _ => variant_masks.push((key, 1 << i)),
            }
        }
        let having = |flag: u8| -> Vec<u32> {
            keys.iter().enumerate().filter(|(_, k)| k.flags & flag != 0).map(|(i, _)| i as u32).collect()
        };
        let (namelike, with_classes) = (having(F_NAMELIKE), having(F_CLASSES));
        let mut fourgrams: Vec<u64> = keys
            .windows(4)
            .map(|w| mix(mix(mix(w[0].variant, w[1].variant), w[2].variant), w[3].variant))
            .collect();
        fourgrams.sort_unstable();
        let mut chars = Vec::with_capacity(text.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                chars.push(b' ');
            }
            chars.extend_from_slice(t.norm.as_bytes());
        }
        let mut char_trigrams: Vec<u32> = chars
            .windows(3)
            .map(|w| u32::from(w[0]) << 16 | u32::from(w[1]) << 8 | u32::from(w[2]))
            .collect();
        char_trigrams.sort_unstable();
        // Distinct bytes by a presence table, and each byte's place in `char_set` by another:
        // no sort, no search.
        let mut present = [false; 256];
        for &c in &chars {
            present[usize::from(c)] = true;
        }
        let char_set: Vec<u8> = (0..=u8::MAX).filter(|&c| present[usize::from(c)]).collect();
        let mut place = [0usize; 256];
        for (s, &c) in char_set.iter().enumerate() {
            place[usize::from(c)] = s;
        }
        let lanes = chars.len().div_ceil(128);
        let mut char_masks = vec![0u128; char_set.len() * lanes];
        for (j, &c) in chars.iter().enumerate() {
            char_masks[place[usize::from(c)] * lanes + j / 128] |= 1 << (j % 128);
        }
        SentenceProfile {
            fourgrams,
            chars,
            char_trigrams,
            char_set,
            char_masks,
            text: text.to_string(),
            tokens,
            keys,
            bigrams,
            chargrams,
            chargram_bits,
            trigrams,
            by_norm,
            by_stem,
            by_variant,
            variant_masks,
            namelike,
            with_classes,
            quoted: has_quotation_mark(text),
        }
    }
}

/// Whether a folded form (of hash `key`, [`hash_str`]) is a framing word, and its
/// [`TokenKeys::lists`] bits: one look-up in a table of the four lists built on first use (a
/// scan of the lists, ~100 string compares, was a tenth of profiling a sentence).
fn word_bits(key: u64, norm: &str) -> (bool, u8) {
    type Table = KeyMap<(&'static str, bool, u8)>;
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table::default();
        for &word in super::lexicon::FRAMING {
            table.entry(hash_str(word)).or_insert((word, false, 0)).1 = true;
        }
        for (bit, list) in [(W_MODAL, MODAL_WORDS), (W_DATE, DATE_WORDS), (W_CONTRAST, CONTRAST_WORDS)] {
            for &word in list {
                table.entry(hash_str(word)).or_insert((word, false, 0)).2 |= bit;
            }
        }
        table
    });
    match table.get(&key) {
        Some(&(word, framing, lists)) if word == norm => (framing, lists),
        _ => (false, 0),
    }
}

/// Whether `text` holds a straight or curly double quotation mark (" “ ”), byte by byte.
fn has_quotation_mark(text: &str) -> bool {
    let b = text.as_bytes();
    // “ and ” are E2 80 9C and E2 80 9D in UTF-8.
    b.iter().enumerate().any(|(i, &c)| {
        c == b'"' || (c == 0xE2 && b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)))
    })
}

/// The built-in weight of a token: function words 0.1, numbers 1, words by general-English
/// frequency band (rare 1.0 … very frequent 0.3).
fn base_weight(lexicon: &Lexicon, t: &Token) -> f32 {
    if t.kind == TokenKind::Number {
        1.0
    } else if !t.content {
        0.1
    } else {
        let band = f32::from(lexicon.band(&t.stem));
        (1.0 - 0.07 * (band - 3.0).max(0.0)).clamp(0.3, 1.0)
    }
}

/// A hasher for keys that are already hashes: it passes a `u64` through.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// Word weights: rare words count for more. Built from the loaded documents, or built in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Idf {
    /// stem key → document-frequency factor in (0, 1]
    factors: KeyMap<f32>,
    /// factor of a stem never seen in the documents
    unseen: f32,
}

impl Idf {
    /// No document statistics: only the built-in weights count.
    pub fn builtin() -> Self {
        Idf { factors: KeyMap::default(), unseen: 1.0 }
    }

    /// IDF over the sentences of the loaded documents: each sentence is one document.
    /// With fewer than 20 sentences the statistics are too thin and this equals [`Idf::builtin`].
    pub fn from_profiles<'a>(profiles: impl IntoIterator<Item = &'a SentenceProfile>) -> Self {
        let mut df: KeyMap<u32> = KeyMap::default();
        let mut n = 0u32;
        let mut seen = Vec::new();
        for p in profiles {
            n += 1;
            count_stems(p, &mut seen, &mut df);
        }
        if n < 20 {
            return Idf::builtin();
        }
        let top = (f64::from(n) + 1.0).ln() + 1.0;
        let factor = |d: u32| (((f64::from(n) + 1.0) / (f64::from(d) + 1.0)).ln() + 1.0) / top;
        let factors = df.into_iter().map(|(k, d)| (k, factor(d) as f32)).collect();
        Idf { factors, unseen: factor(0) as f32 }
    }

    /// IDF over the sentences of only the documents that use each word, one list of profiles
    /// per document: a word in 3 of the story's 100 sentences weighs the same whether or not 60
    /// briefs on another story were loaded beside it. (Over all sentences, such briefs make
    /// every word of the story rare, and weak story-wide words such as "plan", "war" and
    /// "territory" start to link sentences that make other claims.) Each factor is
    /// `(ln((n + 1) / (df + 1)) + 1) / (ln(n + 1) + 1)`, with `df` the sentences holding the
    /// word and `n` the sentences of the documents holding it, so an unseen word is 1 and a
    /// word in every sentence of its documents 1 / (ln(n + 1) + 1). With fewer than 20
    /// sentences in all this equals [`Idf::builtin`], as [`Idf::from_profiles`] does.
    ///
    /// Cost: O(tokens) with one hash map of stems and, per document, one of its own.
    pub fn within_documents<'a, D>(documents: D) -> Self
    where
        D: IntoIterator,
        D::Item: IntoIterator<Item = &'a SentenceProfile>,
    {
        // stem → (sentences holding it, sentences of the documents holding it)
        let mut counts: KeyMap<(u32, u32)> = KeyMap::default();
        let mut total = 0u32;
        let mut in_document: KeyMap<u32> = KeyMap::default();
        let mut seen = Vec::new();
        for document in documents {
            in_document.clear();
            let mut sentences = 0u32;
            for p in document {
                sentences += 1;
                count_stems(p, &mut seen, &mut in_document);
            }
            total += sentences;
            for (k, df) in in_document.drain() {
                let entry = counts.entry(k).or_insert((0, 0));
                entry.0 += df;
                entry.1 += sentences;
            }
        }
        if total < 20 {
            return Idf::builtin();
        }
        let factor = |df: u32, n: u32| {
            let n = f64::from(n) + 1.0;
            ((n / (f64::from(df) + 1.0)).ln() + 1.0) / (n.ln() + 1.0)
        };
        let factors = counts.into_iter().map(|(k, (df, n))| (k, factor(df, n) as f32)).collect();
        Idf { factors, unseen: 1.0 }
    }

    /// The document factor of a stem key.
    pub fn factor(&self, stem_key: u64) -> f32 {
        if self.factors.is_empty() {
            return self.unseen;
        }
        self.factors.get(&stem_key).copied().unwrap_or(self.unseen)
    }

    /// The weight of a token (without the lexicon's frequency band: function words 0.1).
    pub fn weight(&self, token: &Token) -> f32 {
        let base = if token.content { 1.0 } else { 0.1 };
        base * self.factor(hash_str(&token.stem))
    }
}

/// Adds 1 to `df` for each distinct stem of the sentence `p` (`seen` is scratch space).
fn count_stems(p: &SentenceProfile, seen: &mut Vec<u64>, df: &mut KeyMap<u32>) {
    seen.clear();
    seen.extend(p.keys.iter().map(|k| k.stem));
    seen.sort_unstable();
    seen.dedup();
    for k in seen.iter() {
        *df.entry(*k).or_insert(0) += 1;
    }
}

/// Thresholds for the paraphrase decision.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityConfig {
    /// Paraphrase probabilities ([`Similarity::paraphrase_given`]) at or above this are
    /// paraphrases.
    pub paraphrase_threshold: f32,
    /// The model's probability is multiplied by this for each number conflict ("900,000" vs
    /// "850,000"): a changed figure is strong evidence of a different statement.
    pub number_conflict_factor: f32,
    /// … and by this for each pair of differing names left over on both sides.
    pub name_conflict_factor: f32,
}

impl Default for SimilarityConfig {
    fn default() -> Self {
        SimilarityConfig {
            paraphrase_threshold: model::THRESHOLD,
            number_conflict_factor: 0.3,
            name_conflict_factor: 0.7,
        }
    }
}

impl SimilarityConfig {
    /// MRPC's labelling convention, used to evaluate on it: its annotators call market
    /// reports with different figures ("up 8.79 points" / "gained 10.89") paraphrases, so
    /// conflicts are left to the fitted model alone.
    pub fn mrpc() -> Self {
        SimilarityConfig {
            number_conflict_factor: 1.0,
            name_conflict_factor: 1.0,
            ..SimilarityConfig::default()
        }
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
    /// Symmetric score in [0, 1]: the harmonic mean of `left_in_right` and `right_in_left`,
    /// halved for each number conflict. Transparent and independent of the fitted model.
    pub score: f32,
    /// The fitted model's probability that the two say the same thing (MRPC's notion of a
    /// paraphrase); [`is_paraphrase`] compares it with the threshold.
    pub paraphrase: f32,
    /// Weighted share of the left sentence found in the right, in [0, 1].
    pub left_in_right: f32,
    /// Weighted share of the right sentence found in the left, in [0, 1].
    pub right_in_left: f32,
    pub matches: Vec<TokenMatch>,
    /// Indices of unmatched left tokens.
    pub left_only: Vec<usize>,
    /// Indices of unmatched right tokens.
    pub right_only: Vec<usize>,
    /// Figures that disagree and that a reader can trust as such: an unmatched number on each
    /// side of the same kind (count, percentage, money, year) in the same slot (a matched
    /// neighbour on either side), e.g. "from 900,000 to" vs "from 850,000 to". Names are never
    /// paired here: see `left_names_only` / `right_names_only`.
    pub conflicts: Vec<(usize, usize)>,
    /// The model's count of number conflicts: unmatched numbers on both sides, paired in order
    /// regardless of kind (min of the two counts). Wider than `conflicts`; not for display.
    pub number_conflicts: usize,
    /// The model's count of name conflicts: unmatched names on both sides, paired in order
    /// (min of the two counts). Not for display: different names are not wrong names.
    #[serde(default)]
    pub name_conflicts: usize,
    /// Indices of the left's unmatched names (capitalised content words): "names only on the
    /// left".
    #[serde(default)]
    pub left_names_only: Vec<usize>,
    /// Indices of the right's unmatched names.
    #[serde(default)]
    pub right_names_only: Vec<usize>,
    /// The model's inputs, in the order of [`FEATURES`].
    pub features: Vec<f32>,
}

/// The names of the paraphrase model's features, in order.
pub const FEATURES: [&str; 79] = [
    "exact_min",
    "exact_max",
    "stem_min",
    "stem_max",
    "all_min",
    "all_max",
    "content_min",
    "content_max",
    "token_dice",
    "bigram_min",
    "bigram_max",
    "char4_dice",
    "lcs_min",
    "lcs_max",
    "log_len_ratio",
    "log_min_len",
    "number_conflict",
    "numbers_unmatched",
    "numbers_all_matched",
    "names_unmatched",
    "name_conflict",
    "negation_mismatch",
    "unmatched_weight_max",
    "unmatched_weight_min",
    "unmatched_content_max",
    "unmatched_content_min",
    "unmatched_run_max",
    "unmatched_run_min",
    "prefix_min",
    "prefix_max",
    "names_cov_min",
    "names_cov_max",
    "numbers_total",
    "trigram_min",
    "trigram_max",
    "chunks_ratio",
    "doc_all_min",
    "doc_all_max",
    "builtin_all_min",
    "builtin_all_max",
    "cat0_dice",
    "cat1_dice",
    "cat2_dice",
    "cat3_dice",
    "cat4_dice",
    "cat5_dice",
    "cat0_un_max",
    "cat1_un_max",
    "cat2_un_max",
    "cat3_un_max",
    "cat4_un_max",
    "cat5_un_max",
    "cat0_un_min",
    "cat1_un_min",
    "cat2_un_min",
    "cat3_un_min",
    "cat4_un_min",
    "cat5_un_min",
    "edge_un_max",
    "edge_un_min",
    "inner_un_max",
    "inner_un_min",
    "contrast_unmatched",
    "quote_mismatch",
    "inversions",
    "slot_min",
    "slot_max",
    "fourgram_min",
    "fourgram_max",
    "bleu_min",
    "bleu_max",
    "char_lcs_min",
    "char_lcs_max",
    "char3_jaccard",
    "char_len_diff",
    "context_share",
    "longest_run",
    "modal_unmatched",
    "date_unmatched",
];

/// Number of features [`extra_features`] adds.
const EXTRA: usize = 12;

/// Compares two profiles and explains the result. Never fails; empty input scores 0.
///
/// Symmetric: `compare(a, b)` and `compare(b, a)` give the same `score` and `features`, with
/// the sides of `left_in_right`/`right_in_left`, matches, left-overs and conflicts swapped.
pub fn compare(lexicon: &Lexicon, left: &SentenceProfile, right: &SentenceProfile, idf: &Idf) -> Similarity {
    if left.text <= right.text {
        return compare_ordered(lexicon, left, right, idf);
    }
    let s = compare_ordered(lexicon, right, left, idf);
    let mut matches: Vec<TokenMatch> =
        s.matches.iter().map(|m| TokenMatch { left: m.right, right: m.left, kind: m.kind }).collect();
    matches.sort_by_key(|m| m.left);
    Similarity {
        score: s.score,
        paraphrase: s.paraphrase,
        left_in_right: s.right_in_left,
        right_in_left: s.left_in_right,
        matches,
        left_only: s.right_only,
        right_only: s.left_only,
        conflicts: s.conflicts.iter().map(|(a, b)| (*b, *a)).collect(),
        number_conflicts: s.number_conflicts,
        name_conflicts: s.name_conflicts,
        left_names_only: s.right_names_only,
        right_names_only: s.left_names_only,
        features: s.features,
    }
}

/// The token matches and displayed figure conflicts of [`compare`], without its scores,
/// features and model: all that alignment reads, for every candidate sentence pair, at a
/// fraction of the cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    /// As [`Similarity::matches`], sorted by left index.
    pub matches: Vec<TokenMatch>,
    /// As [`Similarity::conflicts`].
    pub conflicts: Vec<(usize, usize)>,
}

/// [`compare`]'s `matches` and `conflicts` alone: the same values, in the same order.
pub fn match_tokens(lexicon: &Lexicon, left: &SentenceProfile, right: &SentenceProfile) -> Matching {
    if left.text <= right.text {
        let m = match_ordered(lexicon, left, right);
        return Matching { matches: m.matches, conflicts: m.conflicts };
    }
    let m = match_ordered(lexicon, right, left);
    let mut matches: Vec<TokenMatch> =
        m.matches.iter().map(|x| TokenMatch { left: x.right, right: x.left, kind: x.kind }).collect();
    matches.sort_by_key(|x| x.left);
    Matching { matches, conflicts: m.conflicts.iter().map(|(a, b)| (*b, *a)).collect() }
}

/// The matching step of [`compare_ordered`], and what its scores and features read of it.
struct Matched {
    lmatch: Vec<Option<(usize, MatchKind)>>,
    rused: Vec<bool>,
    matches: Vec<TokenMatch>,
    left_only: Vec<usize>,
    right_only: Vec<usize>,
    ln: Vec<usize>,
    rn: Vec<usize>,
    lname: Vec<usize>,
    rname: Vec<usize>,
    number_conflicts: usize,
    name_conflicts: usize,
    conflicts: Vec<(usize, usize)>,
}

/// Token matching with a fixed order (left tokens pick first).
fn match_ordered(lexicon: &Lexicon, left: &SentenceProfile, right: &SentenceProfile) -> Matched {
    let (n, m) = (left.keys.len(), right.keys.len());
    let mut lmatch: Vec<Option<(usize, MatchKind)>> = vec![None; n];
    let mut rused = vec![false; m];
    let mut matches = Vec::with_capacity(n.min(m));
    // Exact forms, then stems (words only), then variant keys (numbers: same value; words:
    // same spelling key): each a merge of two sorted key lists, O(n + m).
    type MatchState<'a> = (&'a mut [Option<(usize, MatchKind)>], &'a mut [bool], &'a mut Vec<TokenMatch>);
    fn link((lmatch, rused, matches): MatchState<'_>, i: usize, j: usize, kind: MatchKind) {
        lmatch[i] = Some((j, kind));
        rused[j] = true;
        matches.push(TokenMatch { left: i, right: j, kind });
    }
    for pass in 0..3 {
        let (a, b) = match pass {
            0 => (&left.by_norm, &right.by_norm),
            1 => (&left.by_stem, &right.by_stem),
            _ => (&left.by_variant, &right.by_variant),
        };
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let key = a[i].0;
            match key.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let ie = i + a[i..].iter().take_while(|x| x.0 == key).count();
                    let je = j + b[j..].iter().take_while(|x| x.0 == key).count();
                    let mut q = j;
                    for &(_, li) in &a[i..ie] {
                        let li = li as usize;
                        if lmatch[li].is_some() {
                            continue;
                        }
                        while q < je && rused[b[q].1 as usize] {
                            q += 1;
                        }
                        if q == je {
                            break;
                        }
                        let rj = b[q].1 as usize;
                        let numbers = left.keys[li].flags & F_NUMBER != 0;
                        let kind = match pass {
                            0 => MatchKind::Exact,
                            1 => MatchKind::Inflection,
                            _ if numbers => MatchKind::Number,
                            _ => MatchKind::Variant,
                        };
                        if numbers == (right.keys[rj].flags & F_NUMBER != 0) {
                            link((&mut lmatch, &mut rused, &mut matches), li, rj, kind);
                        }
                        q += 1;
                    }
                    i = ie;
                    j = je;
                }
            }
        }
    }
    // Names by edit distance, then synonyms: only among the few tokens that qualify.
    for (ls, rs, kind) in [
        (&left.namelike, &right.namelike, MatchKind::Variant),
        (&left.with_classes, &right.with_classes, MatchKind::Synonym),
    ] {
        for &i in ls.iter() {
            let i = i as usize;
            if lmatch[i].is_some() {
                continue;
            }
            for &j in rs.iter() {
                let j = j as usize;
                if rused[j] {
                    continue;
                }
                let (a, b) = (&left.tokens[i], &right.tokens[j]);
                let hit = if kind == MatchKind::Variant {
                    // Names must share their first letter: a byte check spares most calls.
                    a.norm.as_bytes().first() == b.norm.as_bytes().first() && lexicon.names_match(a, b)
                } else {
                    left.keys[i].class_bits & right.keys[j].class_bits != 0
                        && super::lexicon::shares_class(&a.classes, &b.classes)
                };
                if hit {
                    link((&mut lmatch, &mut rused, &mut matches), i, j, kind);
                    break;
                }
            }
        }
    }
    matches.sort_by_key(|m| m.left);
    let left_only = indices(0..n, |i| lmatch[i].is_none());
    let right_only = indices(0..m, |j| !rused[j]);

    // The model's conflict counts: unmatched numbers (names) on both sides, paired in order.
    let pick = |only: &[usize], keys: &[TokenKeys], flag: u8| -> Vec<usize> {
        indices(only.iter().copied(), |i| keys[i].flags & flag != 0)
    };
    let (ln, rn) = (pick(&left_only, &left.keys, F_NUMBER), pick(&right_only, &right.keys, F_NUMBER));
    let number_conflicts = ln.len().min(rn.len());
    let (lname, rname) = (pick(&left_only, &left.keys, F_NAME), pick(&right_only, &right.keys, F_NAME));
    let name_conflicts = lname.len().min(rname.len());
    // The displayed conflicts: same kind of figure, same slot.
    let conflicts = if ln.is_empty() || rn.is_empty() {
        Vec::new()
    } else {
        figure_conflicts(left, right, &ln, &rn, &lmatch)
    };
    Matched {
        lmatch,
        rused,
        matches,
        left_only,
        right_only,
        ln,
        rn,
        lname,
        rname,
        number_conflicts,
        name_conflicts,
        conflicts,
    }
}

/// The indices of `all` that `keep`, collected into the final capacity at once (a filtered
/// `collect` grows by reallocation, which costs more than the filtering).
fn indices(all: impl ExactSizeIterator<Item = usize>, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut v = Vec::with_capacity(all.len());
    v.extend(all.filter(|i| keep(*i)));
    v
}

/// [`compare`] with a fixed matching order (left tokens pick first).
fn compare_ordered(
    lexicon: &Lexicon,
    left: &SentenceProfile,
    right: &SentenceProfile,
    idf: &Idf,
) -> Similarity {
    let (n, m) = (left.keys.len(), right.keys.len());
    let Matched {
        lmatch,
        rused,
        matches,
        left_only,
        right_only,
        ln,
        rn,
        lname,
        rname,
        number_conflicts,
        name_conflicts,
        conflicts,
    } = match_ordered(lexicon, left, right);

    // Weighted coverage per level.
    // Per token: document factor, then weight = built-in weight × (0.5 + 0.5 × factor).
    // One allocation: the left's then the right's document factors, then their weights.
    let both = || left.keys.iter().chain(&right.keys);
    let mut per_token: Vec<f32> = Vec::with_capacity(2 * (n + m));
    per_token.extend(both().map(|k| idf.factor(k.stem)));
    let weigh = |k: &TokenKeys, doc: f32| f32::from(k.base) / 1000.0 * (0.5 + 0.5 * doc);
    for i in 0..n + m {
        let k = if i < n { &left.keys[i] } else { &right.keys[i - n] };
        per_token.push(weigh(k, per_token[i]));
    }
    let (docs, weights) = per_token.split_at(n + m);
    let ((ldoc, rdoc), (lw, rw)) = (docs.split_at(n), weights.split_at(n));
    let (ltot, rtot) = (lw.iter().sum::<f32>(), rw.iter().sum::<f32>());
    let credit = |kind: MatchKind, level: usize| -> f32 {
        match (kind, level) {
            (MatchKind::Exact, _) => 1.0,
            (MatchKind::Inflection | MatchKind::Number | MatchKind::Variant, 1..) => 1.0,
            (MatchKind::Synonym, 2) => 1.0,
            _ => 0.0,
        }
    };
    let cover = |level: usize| -> (f32, f32) {
        let (mut l, mut r) = (0.0f32, 0.0f32);
        for mt in &matches {
            let c = credit(mt.kind, level);
            l += c * lw[mt.left];
            r += c * rw[mt.right];
        }
        (ratio(l, ltot), ratio(r, rtot))
    };
    let (ex_l, ex_r) = cover(0);
    let (st_l, st_r) = cover(1);
    let (all_l, all_r) = cover(2);

    let lcont = left.keys.iter().filter(|k| k.flags & F_CONTENT != 0).count();
    let rcont = right.keys.iter().filter(|k| k.flags & F_CONTENT != 0).count();
    let mcont = matches.iter().filter(|mt| left.keys[mt.left].flags & F_CONTENT != 0).count();
    let (cont_l, cont_r) = (ratio(mcont as f32, lcont as f32), ratio(mcont as f32, rcont as f32));
    let token_dice = ratio(2.0 * matches.len() as f32, (n + m) as f32);

    let bigrams = sorted_overlap(&left.bigrams, &right.bigrams);
    let bi = bigrams as f32;
    let (bi_l, bi_r) = (ratio(bi, left.bigrams.len() as f32), ratio(bi, right.bigrams.len() as f32));
    let ch: u32 = left.chargrams.iter().zip(&right.chargrams).map(|(a, b)| (a & b).count_ones()).sum();
    let char_dice = ratio(2.0 * ch as f32, (left.chargram_bits + right.chargram_bits) as f32);
    let lcs = lcs_len(left, right) as f32;
    let (lcs_l, lcs_r) = (ratio(lcs, n as f32), ratio(lcs, m as f32));

    let log_len_ratio = ((n.max(1) as f32) / (m.max(1) as f32)).ln().abs();
    let log_min_len = ((n.min(m) + 1) as f32).ln();
    let numbers_unmatched = (ln.len() + rn.len()) as f32;
    let lnum = left.keys.iter().filter(|k| k.flags & F_NUMBER != 0).count();
    let rnum = right.keys.iter().filter(|k| k.flags & F_NUMBER != 0).count();
    let numbers_all_matched = f32::from(lnum > 0 && rnum > 0 && ln.is_empty() && rn.is_empty());
    let names_unmatched = (lname.len() + rname.len()) as f32;
    let neg = |keys: &[TokenKeys]| keys.iter().filter(|k| k.flags & F_NEGATION != 0).count() % 2;
    let negation_mismatch = f32::from(neg(&left.keys) != neg(&right.keys));
    let unmatched = |only: &[usize], w: &[f32]| only.iter().map(|i| w[*i]).sum::<f32>();
    let (ul, ur) = (unmatched(&left_only, lw), unmatched(&right_only, rw));

    // Content words left over, and the longest stretch of left-over tokens (an extra clause).
    let ucount = |only: &[usize], keys: &[TokenKeys]| {
        only.iter().filter(|i| keys[**i].flags & F_CONTENT != 0).count() as f32
    };
    let (ucl, ucr) = (ucount(&left_only, &left.keys), ucount(&right_only, &right.keys));
    fn run(matched: impl Fn(usize) -> bool, keys: &[TokenKeys]) -> f32 {
        let (mut best, mut cur) = (0usize, 0usize);
        for (i, k) in keys.iter().enumerate() {
            if matched(i) {
                cur = 0;
            } else if k.flags & F_CONTENT != 0 {
                cur += 1;
                best = best.max(cur);
            }
        }
        best as f32
    }
    let (runl, runr) = (run(|i| lmatch[i].is_some(), &left.keys), run(|j| rused[j], &right.keys));
    // Relaxed: left-over content words sharing a 5-letter prefix ("reduction" / "reducing").
    let mut extra_l = 0.0f32;
    let mut extra_r = 0.0f32;
    let mut rtaken = vec![false; m];
    for &i in &left_only {
        let a = left.keys[i].prefix;
        if a == 0 {
            continue;
        }
        for &j in &right_only {
            if !rtaken[j] && right.keys[j].prefix == a {
                rtaken[j] = true;
                extra_l += lw[i];
                extra_r += rw[j];
                break;
            }
        }
    }
    let lall = all_l * ltot;
    let rall = all_r * rtot;
    let (pre_l, pre_r) = (ratio(lall + extra_l, ltot), ratio(rall + extra_r, rtot));
    let names = |keys: &[TokenKeys]| keys.iter().filter(|k| k.flags & F_NAME != 0).count();
    let (nl, nr) = (names(&left.keys), names(&right.keys));
    let ncov_l = if nl == 0 { 1.0 } else { 1.0 - lname.len() as f32 / nl as f32 };
    let ncov_r = if nr == 0 { 1.0 } else { 1.0 - rname.len() as f32 / nr as f32 };
    let (tl, tr) = (&left.trigrams, &right.trigrams);
    let trigrams = sorted_overlap(tl, tr);
    let t = trigrams as f32;
    let (tri_l, tri_r) = (ratio(t, tl.len() as f32), ratio(t, tr.len() as f32));
    // Fragmentation: matched runs that are contiguous on both sides.
    let mut chunks = 0usize;
    let mut prev: Option<(usize, usize)> = None;
    for mt in &matches {
        if prev.is_none_or(|(pl, pr)| mt.left != pl + 1 || mt.right != pr + 1) {
            chunks += 1;
        }
        prev = Some((mt.left, mt.right));
    }
    let chunks_ratio = ratio(chunks as f32, matches.len() as f32);
    // Coverage under the document weights alone, and under the built-in weights alone.
    let sides = [(left, ldoc), (right, rdoc)];
    fn cover_with(
        [(left, ldoc), (right, rdoc)]: [(&SentenceProfile, &[f32]); 2],
        matches: &[TokenMatch],
        wl: impl Fn(&TokenKeys, f32) -> f32,
    ) -> (f32, f32) {
        let lt: f32 = left.keys.iter().zip(ldoc).map(|(k, d)| wl(k, *d)).sum();
        let rt: f32 = right.keys.iter().zip(rdoc).map(|(k, d)| wl(k, *d)).sum();
        let ml: f32 = matches.iter().map(|mt| wl(&left.keys[mt.left], ldoc[mt.left])).sum();
        let mr: f32 = matches.iter().map(|mt| wl(&right.keys[mt.right], rdoc[mt.right])).sum();
        (ratio(ml, lt), ratio(mr, rt))
    }
    let (dl, dr) =
        cover_with(sides, &matches, |k, doc| if k.flags & F_CONTENT != 0 { doc } else { 0.1 * doc });
    let (bl, br) = cover_with(sides, &matches, |k, _| f32::from(k.base) / 1000.0);

    let cat = |k: &TokenKeys| -> usize {
        if k.flags & F_FRAMING != 0 {
            5
        } else if k.flags & F_NUMBER != 0 {
            1
        } else if k.flags & F_CONTENT == 0 {
            0
        } else if k.flags & F_NAME != 0 {
            2
        } else if k.base >= 860 {
            3
        } else {
            4
        }
    };
    let mut tot = [[0f32; 6]; 2];
    let mut mat = [[0f32; 6]; 2];
    for k in &left.keys {
        tot[0][cat(k)] += 1.0;
    }
    for k in &right.keys {
        tot[1][cat(k)] += 1.0;
    }
    for mt in &matches {
        mat[0][cat(&left.keys[mt.left])] += 1.0;
        mat[1][cat(&right.keys[mt.right])] += 1.0;
    }
    let mut catf = [0f32; 18];
    for c in 0..6 {
        let t = tot[0][c] + tot[1][c];
        catf[c] = if t > 0.0 { (mat[0][c] + mat[1][c]) / t } else { 1.0 };
        catf[6 + c] = (tot[0][c] - mat[0][c]).max(tot[1][c] - mat[1][c]).min(10.0);
        catf[12 + c] = (tot[0][c] - mat[0][c]).min(tot[1][c] - mat[1][c]).min(10.0);
    }

    let mut features = Vec::with_capacity(FEATURES.len());
    features.extend_from_slice(&[
        ex_l.min(ex_r),
        ex_l.max(ex_r),
        st_l.min(st_r),
        st_l.max(st_r),
        all_l.min(all_r),
        all_l.max(all_r),
        cont_l.min(cont_r),
        cont_l.max(cont_r),
        token_dice,
        bi_l.min(bi_r),
        bi_l.max(bi_r),
        char_dice,
        lcs_l.min(lcs_r),
        lcs_l.max(lcs_r),
        log_len_ratio,
        log_min_len,
        f32::from(number_conflicts > 0),
        numbers_unmatched.min(4.0),
        numbers_all_matched,
        names_unmatched.min(4.0),
        f32::from(!lname.is_empty() && !rname.is_empty()),
        negation_mismatch,
        ul.max(ur),
        ul.min(ur),
        ucl.max(ucr).min(20.0),
        ucl.min(ucr).min(20.0),
        runl.max(runr).min(20.0),
        runl.min(runr).min(20.0),
        pre_l.min(pre_r),
        pre_l.max(pre_r),
        ncov_l.min(ncov_r),
        ncov_l.max(ncov_r),
        (lnum + rnum).min(8) as f32,
        tri_l.min(tri_r),
        tri_l.max(tri_r),
        chunks_ratio,
        dl.min(dr),
        dl.max(dr),
        bl.min(br),
        bl.max(br),
    ]);
    features.extend(catf);

    // Where the left-overs sit: before the first or after the last match (an added clause,
    // "…, officials said") or between matches (a substitution).
    let edges = |only: &[usize], w: &[f32], lo: Option<usize>, hi: Option<usize>| -> (f32, f32) {
        let (mut edge, mut inner) = (0.0f32, 0.0f32);
        for &i in only {
            match (lo, hi) {
                (Some(a), Some(b)) if i > a && i < b => inner += w[i],
                _ => edge += w[i],
            }
        }
        (edge, inner)
    };
    let rpos: Vec<usize> = matches.iter().map(|mt| mt.right).collect();
    let (el, il) = edges(&left_only, lw, matches.first().map(|mt| mt.left), matches.last().map(|mt| mt.left));
    let (er, ir) = edges(&right_only, rw, rpos.iter().min().copied(), rpos.iter().max().copied());
    // Contrast and hedging words said on one side only ("but", "however").
    let contrast =
        (listed(&left_only, left, W_CONTRAST) + listed(&right_only, right, W_CONTRAST)).min(3) as f32;
    let quote_mismatch = f32::from(left.quoted != right.quoted);
    // Reordering: share of matched pairs whose order flips.
    let mut flips = 0usize;
    for a in 0..rpos.len() {
        flips += rpos[a + 1..].iter().filter(|r| **r < rpos[a]).count();
    }
    let k = rpos.len();
    let inversions = if k > 1 { flips as f32 / (k * (k - 1) / 2) as f32 } else { 0.0 };
    // Slot substitutions: a left-over content word whose neighbours are matched to the
    // neighbours of a left-over content word on the other side ("assembled" / "filed").
    let mut slot_l = 0.0f32;
    let mut slot_r = 0.0f32;
    for &i in &left_only {
        if left.keys[i].flags & F_CONTENT == 0 || i == 0 {
            continue;
        }
        let Some((j0, _)) = lmatch[i - 1] else { continue };
        let j = j0 + 1;
        if j >= m || rused[j] || right.keys[j].flags & F_CONTENT == 0 {
            continue;
        }
        let after_ok = i + 1 >= n || j + 1 >= m || lmatch[i + 1].is_some_and(|(r, _)| r == j + 1);
        if after_ok {
            slot_l += lw[i];
            slot_r += rw[j];
        }
    }
    let (sl, sr) = (ratio(lall + slot_l, ltot), ratio(rall + slot_r, rtot));
    features.extend([
        el.max(er),
        el.min(er),
        il.max(ir),
        il.min(ir),
        contrast,
        quote_mismatch,
        inversions,
        sl.min(sr),
        sl.max(sr),
    ]);
    let grams = [bigrams, trigrams];
    features.extend(extra_features(left, right, &lmatch, &left_only, &right_only, &matches, grams));
    let paraphrase = if n == 0 || m == 0 { 0.0 } else { model::probability(&features) };
    let harmonic = if all_l + all_r > 0.0 { 2.0 * all_l * all_r / (all_l + all_r) } else { 0.0 };
    let score = (harmonic * 0.5f32.powi(number_conflicts.min(8) as i32)).clamp(0.0, 1.0);
    Similarity {
        score,
        paraphrase,
        left_in_right: all_l,
        right_in_left: all_r,
        matches,
        left_only,
        right_only,
        conflicts,
        number_conflicts,
        name_conflicts,
        left_names_only: lname,
        right_names_only: rname,
        features,
    }
}

/// How many of the tokens `only` of `p` are in the word list `bit` ([`TokenKeys::lists`]).
fn listed(only: &[usize], p: &SentenceProfile, bit: u8) -> usize {
    only.iter().filter(|i| p.keys[**i].lists & bit != 0).count()
}

/// Modal verbs: one side's "may" against the other's "will" changes the claim.
const MODAL_WORDS: &[&str] = &["may", "might", "can", "could", "will", "would", "shall", "should", "must"];

/// Words that date a claim: said on one side only, the sentences may report different days.
const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "week",
    "month",
    "year",
];

/// Longest common subsequence of the profiles' `chars`, bit-parallel over 128-bit lanes of
/// one side's positions, the other side's characters stepping through them:
/// O(len(a) · len(b) / 128). The running row is one lane on the stack for sentences of up to
/// 128 characters, two up to 256, and on the heap beyond.
fn char_lcs(a: &SentenceProfile, b: &SentenceProfile) -> usize {
    // The side whose characters step (`a`) costs len(a) · lanes(b): take the cheaper order.
    let cost = |x: &SentenceProfile, y: &SentenceProfile| x.chars.len() * y.chars.len().div_ceil(128);
    let (a, b) = if cost(b, a) < cost(a, b) { (b, a) } else { (a, b) };
    if a.chars.is_empty() {
        return 0;
    }
    match b.chars.len().div_ceil(128) {
        0 => 0,
        1 => char_lcs_steps(a, b, &mut [!0u128; 1]),
        2 => char_lcs_steps(a, b, &mut [!0u128; 2]),
        lanes => char_lcs_steps(a, b, &mut vec![!0u128; lanes]),
    }
}

/// The bit-parallel LCS steps (Crochemore et al. 2001) of `a`'s characters over `b`'s
/// position masks, in the row `v` of `b.chars.len().div_ceil(128)` lanes, all ones at the
/// start; the additions carry from lane to lane.
#[inline(always)]
fn char_lcs_steps(a: &SentenceProfile, b: &SentenceProfile, v: &mut [u128]) -> usize {
    let lanes = v.len();
    let mut slot = [u8::MAX; 256];
    for (s, c) in b.char_set.iter().enumerate().take(255) {
        slot[*c as usize] = s as u8;
    }
    for &c in &a.chars {
        let s = slot[c as usize];
        if s == u8::MAX {
            continue;
        }
        let Some(m) = b.char_masks.get(s as usize * lanes..(s as usize + 1) * lanes) else { continue };
        let mut carry = false;
        for (x, mask) in v.iter_mut().zip(m) {
            let u = *x & mask;
            let (sum1, c1) = x.overflowing_add(u);
            let (sum2, c2) = sum1.overflowing_add(u128::from(carry));
            carry = c1 | c2;
            *x = sum2 | (*x & !mask);
        }
    }
    let len = b.chars.len();
    v.iter()
        .enumerate()
        .map(|(l, x)| {
            let width = len.saturating_sub(128 * l).min(128);
            let bits = if width == 128 { !0 } else { (1u128 << width) - 1 };
            (!x & bits).count_ones() as usize
        })
        .sum()
}

/// Features added in the third round (see README): n-gram precision and BLEU, character LCS
/// and trigram overlap, contextual alignment, left-over modals and dates.
fn extra_features(
    left: &SentenceProfile,
    right: &SentenceProfile,
    lmatch: &[Option<(usize, MatchKind)>],
    left_only: &[usize],
    right_only: &[usize],
    matches: &[TokenMatch],
    [bigrams, trigrams]: [usize; 2],
) -> [f32; EXTRA] {
    let (n, m) = (left.keys.len(), right.keys.len());
    // Clipped n-gram precision, n = 1..4, over variant keys (the bigram and trigram overlaps
    // are the caller's).
    let counts = [
        (sorted_overlap_by(&left.by_variant, &right.by_variant, |p| p.0), n, m),
        (bigrams, left.bigrams.len(), right.bigrams.len()),
        (trigrams, left.trigrams.len(), right.trigrams.len()),
        (sorted_overlap(&left.fourgrams, &right.fourgrams), left.fourgrams.len(), right.fourgrams.len()),
    ];
    let bleu = |side: usize| {
        let mut s = 0.0f32;
        for (o, a, b) in counts {
            let d = if side == 0 { a } else { b };
            s += ((o as f32 + 1.0) / (d as f32 + 1.0)).ln();
        }
        (s / 4.0).exp()
    };
    let (b1, b2) = (bleu(0), bleu(1));
    let o4 = counts[3].0 as f32;
    let (p4l, p4r) = (ratio(o4, counts[3].1 as f32), ratio(o4, counts[3].2 as f32));
    // Characters.
    let (la, lb) = (left.chars.len() as f32, right.chars.len() as f32);
    let clcs = char_lcs(left, right) as f32;
    let (cl, cr) = (ratio(clcs, la), ratio(clcs, lb));
    let (t1, t2) = (&left.char_trigrams, &right.char_trigrams);
    let to = sorted_overlap(t1, t2) as f32;
    let char3 = ratio(to, (t1.len() + t2.len()) as f32 - to);
    let char_len_diff = ratio((la - lb).abs(), la.max(lb));
    // Contextual alignment: content matches whose neighbour is matched to the neighbour.
    let (mut ctx, mut content) = (0usize, 0usize);
    for mt in matches {
        if left.keys[mt.left].flags & F_CONTENT == 0 {
            continue;
        }
        content += 1;
        let before =
            mt.left > 0 && mt.right > 0 && lmatch[mt.left - 1].is_some_and(|(r, _)| r == mt.right - 1);
        let after = mt.left + 1 < n && lmatch[mt.left + 1].is_some_and(|(r, _)| r == mt.right + 1);
        if before || after {
            ctx += 1;
        }
    }
    let context = ratio(ctx as f32, content as f32);
    // Longest run of consecutive matched pairs, relative to the shorter sentence.
    let mut best_run = 0usize;
    let mut cur = 0usize;
    let mut prev: Option<(usize, usize)> = None;
    for mt in matches {
        cur = if prev.is_some_and(|(pl, pr)| mt.left == pl + 1 && mt.right == pr + 1) { cur + 1 } else { 1 };
        best_run = best_run.max(cur);
        prev = Some((mt.left, mt.right));
    }
    let run = ratio(best_run as f32, n.min(m) as f32);
    let modal = (listed(left_only, left, W_MODAL) + listed(right_only, right, W_MODAL)).min(3) as f32;
    let date = (listed(left_only, left, W_DATE) + listed(right_only, right, W_DATE)).min(3) as f32;
    [
        p4l.min(p4r),
        p4l.max(p4r),
        b1.min(b2),
        b1.max(b2),
        cl.min(cr),
        cl.max(cr),
        char3,
        char_len_diff,
        context,
        run,
        modal,
        date,
    ]
}

/// What a number counts, so that only like figures are set against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FigureKind {
    Percent,
    Money,
    Year,
    Count,
}

/// Contrast and hedging words: said on one side only, they change what is claimed.
const CONTRAST_WORDS: &[&str] =
    &["but", "however", "although", "though", "while", "yet", "despite", "only", "also", "still", "even"];

const CURRENCY_WORDS: &[&str] =
    &["dollar", "dollars", "euro", "euros", "pound", "pounds", "cents", "yen", "rubles", "roubles", "yuan"];

fn figure_kind(profile: &SentenceProfile, i: usize) -> FigureKind {
    let t = &profile.tokens[i];
    if t.variant.ends_with('%') {
        return FigureKind::Percent;
    }
    let before = profile.text.get(..t.start).unwrap_or("").trim_end();
    let next = profile.tokens.get(i + 1).map(|n| &*n.norm).unwrap_or("");
    if before.ends_with(['$', '£', '€', '¥'])
        || t.norm.starts_with(['$', '£', '€', '¥'])
        || CURRENCY_WORDS.contains(&next)
    {
        return FigureKind::Money;
    }
    let year_like = t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit());
    if year_like && t.value.is_some_and(|v| (1800.0..=2100.0).contains(&v)) {
        return FigureKind::Year;
    }
    FigureKind::Count
}

/// Pairs unmatched left numbers `ln` with unmatched right numbers `rn` of the same
/// [`FigureKind`] whose neighbour on either side is matched to the other's neighbour on the
/// same side: "from 900,000 to" / "from 850,000 to" conflict; "25 people" / "in 2022" do not.
fn figure_conflicts(
    left: &SentenceProfile,
    right: &SentenceProfile,
    ln: &[usize],
    rn: &[usize],
    lmatch: &[Option<(usize, MatchKind)>],
) -> Vec<(usize, usize)> {
    let matched_to = |i: usize| lmatch.get(i).copied().flatten().map(|(j, _)| j);
    let anchored = |i: usize, j: usize| {
        let before = i > 0 && j > 0 && matched_to(i - 1) == Some(j - 1);
        let after = matched_to(i + 1).is_some_and(|r| r == j + 1);
        before || after
    };
    let rkinds: Vec<FigureKind> = rn.iter().map(|&j| figure_kind(right, j)).collect();
    let mut used = vec![false; rn.len()];
    let mut out = Vec::new();
    for &i in ln {
        let kind = figure_kind(left, i);
        let hit = rn.iter().enumerate().find(|(q, &j)| !used[*q] && rkinds[*q] == kind && anchored(i, j));
        if let Some((q, &j)) = hit {
            used[q] = true;
            out.push((i, j));
        }
    }
    out
}

fn ratio(a: f32, b: f32) -> f32 {
    if b > 0.0 {
        (a / b).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Size of the multiset intersection of two sorted slices. O(len(a) + len(b)).
fn sorted_overlap<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    sorted_overlap_by(a, b, |x| *x)
}

/// [`sorted_overlap`] of slices sorted by `key`, comparing keys only. Without branches on
/// the comparison (the merge's order is data, and mispredicted branches cost more than the
/// few extra additions): each step advances the side(s) holding the smaller key.
fn sorted_overlap_by<T, K: Ord>(a: &[T], b: &[T], key: impl Fn(&T) -> K) -> usize {
    let (mut i, mut j, mut k) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (x, y) = (key(x), key(y));
        k += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    k
}

/// Longest common subsequence of the variant keys. Bit-parallel (Crochemore et al. 2001) when
/// one side has at most 64 tokens: O(n log m); else the O(n·m) dynamic programme.
fn lcs_len(a: &SentenceProfile, b: &SentenceProfile) -> usize {
    let (a, b) = if b.keys.len() <= 64 { (a, b) } else { (b, a) };
    if b.keys.len() > 64 {
        let mut row = vec![0usize; b.keys.len() + 1];
        for x in &a.keys {
            let mut diag = 0;
            for (j, y) in b.keys.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x.variant == y.variant { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        return row[b.keys.len()];
    }
    let mut v: u64 = !0;
    for x in &a.keys {
        let mask = match b.variant_masks.binary_search_by_key(&x.variant, |(k, _)| *k) {
            Ok(p) => b.variant_masks[p].1,
            Err(_) => continue,
        };
        let u = v & mask;
        v = v.wrapping_add(u) | (v & !mask);
    }
    let full = if b.keys.len() == 64 { !0 } else { (1u64 << b.keys.len()) - 1 };
    (!v & full).count_ones() as usize
}

impl Similarity {
    /// The model's probability after the conflict factors of `config`.
    pub fn paraphrase_given(&self, config: &SimilarityConfig) -> f32 {
        let numbers = self.number_conflicts.min(8) as i32;
        let names = self.name_conflicts.min(8) as i32;
        self.paraphrase
            * config.number_conflict_factor.clamp(0.0, 1.0).powi(numbers)
            * config.name_conflict_factor.clamp(0.0, 1.0).powi(names)
    }
}

/// Whether `sim` counts as a paraphrase under `config`: the model's probability, after the
/// conflict factors, against the threshold.
pub fn is_paraphrase(sim: &Similarity, config: &SimilarityConfig) -> bool {
    sim.paraphrase_given(config) >= config.paraphrase_threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> (Similarity, SentenceProfile, SentenceProfile) {
        let lex = Lexicon::shared();
        let (pa, pb) = (SentenceProfile::new(lex, a), SentenceProfile::new(lex, b));
        (compare(lex, &pa, &pb, &Idf::builtin()), pa, pb)
    }

    fn pairs_of(
        s: &Similarity,
        a: &SentenceProfile,
        b: &SentenceProfile,
    ) -> Vec<(String, String, MatchKind)> {
        s.matches
            .iter()
            .map(|m| (a.tokens[m.left].norm.to_string(), b.tokens[m.right].norm.to_string(), m.kind))
            .collect()
    }

    #[test]
    fn explains_a_partial_paraphrase() {
        let (s, a, b) = sim(
            "Furthermore, it would involve scaling back a portion of U.S. military aid.",
            "The plan calls for reducing US military aid to Kiev and reducing the use of various types \
             of weapons by Ukrainian forces.",
        );
        let got = pairs_of(&s, &a, &b);
        assert!(got.contains(&("u.s.".into(), "US".into(), MatchKind::Variant)), "{got:?}");
        assert!(got.contains(&("military".into(), "military".into(), MatchKind::Exact)), "{got:?}");
        assert!(got.contains(&("aid".into(), "aid".into(), MatchKind::Exact)), "{got:?}");
        assert!(s.right_in_left < s.left_in_right, "{} {}", s.right_in_left, s.left_in_right);
        assert!(s.conflicts.is_empty());
        let left_only: Vec<&str> = s.left_only.iter().map(|i| a.tokens[*i].norm.as_ref()).collect();
        assert!(got.contains(&("scaling".into(), "reducing".into(), MatchKind::Synonym)), "{got:?}");
        assert!(left_only.contains(&"involve") && left_only.contains(&"portion"), "{left_only:?}");
        assert!(!is_paraphrase(&s, &SimilarityConfig::default()), "{}", s.paraphrase);
    }

    #[test]
    fn flags_a_number_conflict() {
        let (s, a, b) = sim(
            "The plan would cut Ukraine's army from 900,000 to 600,000 personnel.",
            "The plan would cut Ukraine's army from 850,000 to 600,000 troops.",
        );
        assert_eq!(s.number_conflicts, 1);
        let (l, r) = s.conflicts[0];
        assert_eq!((a.tokens[l].norm.as_ref(), b.tokens[r].norm.as_ref()), ("900,000", "850,000"));
        assert!(pairs_of(&s, &a, &b).contains(&("600,000".into(), "600,000".into(), MatchKind::Exact)));
        let (same, _, _) = sim(
            "The plan would cut Ukraine's army from 900,000 to 600,000 personnel.",
            "The plan would cut Ukraine's army from 900000 to 600,000 personnel.",
        );
        assert!(same.conflicts.is_empty());
        assert!(same.score > s.score, "{} {}", same.score, s.score);
        assert!(same.paraphrase > s.paraphrase, "{} {}", same.paraphrase, s.paraphrase);
        // A changed figure makes it a different statement; MRPC's convention only lowers it.
        assert!(is_paraphrase(&same, &SimilarityConfig::default()));
        assert!(!is_paraphrase(&s, &SimilarityConfig::default()), "{}", s.paraphrase);
        assert!(
            s.paraphrase_given(&SimilarityConfig::mrpc()) > s.paraphrase_given(&SimilarityConfig::default())
        );
    }

    #[test]
    fn conflicts_list_only_like_figures_in_the_same_slot() {
        // Different speakers are not a conflict: their names are "only on one side".
        let (s, a, b) = sim(
            "On Thursday, Leavitt said that the plan was still being discussed.",
            "On Thursday, Peskov said that the plan was still being discussed.",
        );
        assert!(s.conflicts.is_empty(), "{:?}", s.conflicts);
        assert_eq!(s.name_conflicts, 1);
        let names = |p: &SentenceProfile, ix: &[usize]| -> Vec<String> {
            ix.iter().map(|i| p.tokens[*i].norm.to_string()).collect()
        };
        assert_eq!(names(&a, &s.left_names_only), ["leavitt"]);
        assert_eq!(names(&b, &s.right_names_only), ["peskov"]);
        // Swapped sides swap the name lists.
        let (t, _, _) = sim(&b.text, &a.text);
        assert_eq!(names(&b, &t.left_names_only), ["peskov"]);
        // A count against a year, or against a percentage, is not a conflict.
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let table: &[Case] = &[
            (
                "At least 25 people were killed in 2022.",
                "At least 26 people were killed in 2022.",
                &[("25", "26")],
            ),
            ("The army had 900,000 soldiers.", "The army had grown since 2014.", &[]),
            ("Prices rose 5% in March.", "Prices rose by 7 points in March.", &[]),
            ("Prices rose 5% in March.", "Prices rose 7% in March.", &[("5%", "7%")]),
            (
                "The deal is worth $1.8 billion in cash.",
                "The deal is worth $2 billion in cash.",
                &[("1.8 billion", "2 billion")],
            ),
            ("The deal is worth $1.8 billion in cash.", "The deal is worth 2 billion shares in cash.", &[]),
            (
                "The war began in 2014, officials said.",
                "The war began in 2022, officials said.",
                &[("2014", "2022")],
            ),
        ];
        for (l, r, want) in table {
            let (s, a, b) = sim(l, r);
            let got: Vec<(&str, &str)> = s
                .conflicts
                .iter()
                .map(|&(i, j)| (a.tokens[i].norm.as_ref(), b.tokens[j].norm.as_ref()))
                .collect();
            assert_eq!(&got, want, "\n{l}\n{r}");
        }
    }

    #[test]
    fn paraphrases_and_non_paraphrases() {
        let config = SimilarityConfig::default();
        let yes = [
            (
                "Zelenskyy said the plan was unacceptable to Kyiv.",
                "The plan is unacceptable to Kiev, Zelensky said.",
            ),
            (
                "The company bought the factory for $1.8 billion in 1998.",
                "In 1998 the company purchased the factory for 1.8 billion dollars.",
            ),
            ("Russia's army has 20 percent more troops.", "Russia's army has 20% more troops."),
        ];
        for (a, b) in yes {
            let (s, _, _) = sim(a, b);
            assert!(is_paraphrase(&s, &config), "{a} / {b}: {}", s.paraphrase);
        }
        let no = [
            ("The talks in Geneva ended without agreement.", "Bakhmut fell after months of shelling."),
            (
                "Kyiv rejected the plan on Monday.",
                "Kyiv rejected the plan on Monday, officials said, and Moscow welcomed the \
                 decision to send 20 more tanks to the front line near Bakhmut.",
            ),
        ];
        for (a, b) in no {
            let (s, _, _) = sim(a, b);
            assert!(!is_paraphrase(&s, &config), "{a} / {b}: {}", s.paraphrase);
        }
        // A negation flip is evidence against, though MRPC alone does not make it decisive.
        let (plain, _, _) = sim("Trump signed the order on Monday.", "Trump signed the order Monday.");
        let (negated, _, _) =
            sim("Trump signed the order on Monday.", "Trump did not sign the order on Monday.");
        let neg = FEATURES.iter().position(|f| *f == "negation_mismatch").unwrap();
        assert_eq!((plain.features[neg], negated.features[neg]), (0.0, 1.0));
        assert!(negated.paraphrase < plain.paraphrase);
    }

    #[test]
    fn identical_and_empty() {
        let text = "Ukraine must cede the remainder of the Donbas region to Russia.";
        let (s, _, _) = sim(text, text);
        assert_eq!((s.left_in_right, s.right_in_left), (1.0, 1.0));
        assert!(s.left_only.is_empty() && s.right_only.is_empty());
        assert_eq!(s.score, 1.0);
        assert!(s.paraphrase > 0.9, "{}", s.paraphrase);
        let (e, _, _) = sim("", text);
        assert_eq!((e.score, e.paraphrase, e.left_in_right, e.right_in_left), (0.0, 0.0, 0.0, 0.0));
        let (e, _, _) = sim("", "");
        assert_eq!(e.score, 0.0);
    }

    #[test]
    fn bit_parallel_lcs_agrees_with_the_table() {
        let lex = Lexicon::shared();
        let texts = [
            "a b c d e f",
            "b d f a c e",
            "the plan calls for the plan",
            "plan the calls",
            "",
            "x y z a b c x y z",
        ];
        let table = |a: &SentenceProfile, b: &SentenceProfile| {
            let mut row = vec![0usize; b.keys.len() + 1];
            for x in &a.keys {
                let mut diag = 0;
                for (j, y) in b.keys.iter().enumerate() {
                    let up = row[j + 1];
                    row[j + 1] = if x.variant == y.variant { diag + 1 } else { up.max(row[j]) };
                    diag = up;
                }
            }
            row[b.keys.len()]
        };
        for a in texts {
            for b in texts {
                let (pa, pb) = (SentenceProfile::new(lex, a), SentenceProfile::new(lex, b));
                assert_eq!(lcs_len(&pa, &pb), table(&pa, &pb), "{a} / {b}");
            }
        }
        let long: String = (0..70).map(|i| format!("w{} ", i % 9)).collect();
        let (pl, ps) = (SentenceProfile::new(lex, &long), SentenceProfile::new(lex, "w1 w2 w3 w8 w0"));
        assert_eq!(lcs_len(&pl, &ps), table(&pl, &ps));
        assert_eq!(lcs_len(&pl, &pl), 70);
    }

    #[test]
    fn character_lcs_agrees_with_the_table() {
        let lex = Lexicon::shared();
        let table = |a: &[u8], b: &[u8]| {
            let mut row = vec![0usize; b.len() + 1];
            for x in a {
                let mut diag = 0;
                for (j, y) in b.iter().enumerate() {
                    let up = row[j + 1];
                    row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                    diag = up;
                }
            }
            row[b.len()]
        };
        // Across the 64- and 128-character boundaries too, where the carry crosses words and
        // lanes, and beyond 256 characters (the row on the heap).
        let long: String = (0..40).map(|i| format!("w{} ", (i * 7) % 11)).collect();
        let longer: String = (0..90).map(|i| format!("w{} ", (i * 5) % 13)).collect();
        let texts = [
            "",
            "a",
            "Kyiv rejected the plan on Monday.",
            "Kiev turned down the plan Monday, officials said.",
            long.as_str(),
            longer.as_str(),
            "w1 w2 w3 w8 w0 w10 w4 w4 w4 w9 w7 w6 w5 w1 w2 w3 w8 w0 w10 w4 w4 w4 w9 w7 w6 w5 w3 w3",
        ];
        for a in texts {
            for b in texts {
                let (pa, pb) = (SentenceProfile::new(lex, a), SentenceProfile::new(lex, b));
                assert_eq!(char_lcs(&pa, &pb), table(&pa.chars, &pb.chars), "{a} / {b}");
            }
        }
    }

    #[test]
    fn symmetric() {
        let a = "Russia bought 20 jets from Iran, officials said.";
        let b = "Officials said Moscow purchased twenty jets.";
        let (ab, _, _) = sim(a, b);
        let (ba, _, _) = sim(b, a);
        assert_eq!(ab.score, ba.score);
        assert_eq!(ab.paraphrase, ba.paraphrase);
        assert_eq!(ab.left_in_right, ba.right_in_left);
        assert_eq!(ab.matches.len(), ba.matches.len());
    }

    #[test]
    fn document_idf_downweights_common_words() {
        let lex = Lexicon::shared();
        let mut texts: Vec<String> =
            (0..30).map(|i| format!("Ukraine reported {i} new attacks overnight.")).collect();
        texts.push("Zaporizhzhia was quiet.".into());
        let profiles: Vec<SentenceProfile> = texts.iter().map(|t| SentenceProfile::new(lex, t)).collect();
        let idf = Idf::from_profiles(&profiles);
        let ukraine = &profiles[0].tokens[0];
        let rare = &profiles[30].tokens[0];
        assert!(idf.weight(ukraine) < idf.weight(rare));
        assert_eq!(Idf::from_profiles(&profiles[..3]), Idf::builtin());
    }

    /// The profile's character parts as they were computed before the fast paths: folding
    /// every char, sorting and searching the distinct bytes.
    fn char_parts_by_definition(p: &SentenceProfile) -> ([u64; 16], Vec<u8>, Vec<u128>) {
        let folded = p.text.chars().flat_map(|c| {
            let c = super::super::lexicon::fold_char(c);
            let lower = if c.is_uppercase() { Some(c.to_lowercase()) } else { None };
            let same = if lower.is_none() { Some(c) } else { None };
            lower.into_iter().flatten().chain(same)
        });
        let mut chargrams = [0u64; 16];
        let mut window = ['\0'; 4];
        let mut seen = 0usize;
        for c in folded.filter(|c| c.is_alphanumeric() || *c == ' ') {
            window.copy_within(1.., 0);
            window[3] = c;
            seen += 1;
            if seen >= 4 {
                let h = window.iter().fold(0u64, |h, c| mix(h, u64::from(*c as u32)));
                let bit = (h >> 54) as usize;
                chargrams[bit / 64] |= 1 << (bit % 64);
            }
        }
        let mut set = p.chars.clone();
        set.sort_unstable();
        set.dedup();
        let lanes = p.chars.len().div_ceil(128);
        let mut masks = vec![0u128; set.len() * lanes];
        for (j, c) in p.chars.iter().enumerate() {
            masks[set.binary_search(c).unwrap() * lanes + j / 128] |= 1 << (j % 128);
        }
        (chargrams, set, masks)
    }

    #[test]
    fn fast_paths_of_a_profile_agree_with_their_definitions() {
        let lex = Lexicon::shared();
        let mut texts: Vec<String> = [
            "",
            "“Ending the war,” he said — “requires concessions.”",
            "ÄRGER über İstanbul: ǅemal's `quoted` ΣΟΦΙΑ and Ⅻ",
            "Kyiv\u{00A0}said\u{2009}no",
            "A \"straight\" quote",
            "curly only ” at the end",
            "an E2 byte without a quote: … and € and —",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Long texts, past one 128-bit lane of characters.
        texts.push("Zelenskyy's 28-point plan, U.S. officials said on Monday. ".repeat(9));
        let mut state = 7u64;
        let alphabet: Vec<char> = "aZ 9'`\"“”‘’—–-.,ÄäİıΣσß€\u{00A0}\u{2009}\u{301}".chars().collect();
        for _ in 0..300 {
            let mut t = String::new();
            for _ in 0..(state % 90) {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for text in &texts {
            let p = SentenceProfile::new(lex, text);
            let (chargrams, set, masks) = char_parts_by_definition(&p);
            assert_eq!(p.chargrams, chargrams, "{text:?}");
            assert_eq!(p.chargram_bits, chargrams.iter().map(|w| w.count_ones()).sum::<u32>());
            assert_eq!((&p.char_set, &p.char_masks), (&set, &masks), "{text:?}");
            assert_eq!(p.quoted, text.contains(['"', '\u{201c}', '\u{201d}']), "{text:?}");
        }
    }

    #[test]
    fn word_list_bits_come_from_the_lists() {
        use super::super::lexicon::FRAMING;
        let lists = [(W_MODAL, MODAL_WORDS), (W_DATE, DATE_WORDS), (W_CONTRAST, CONTRAST_WORDS)];
        let mut words: Vec<&str> = FRAMING.to_vec();
        words.extend(lists.iter().flat_map(|(_, l)| l.iter().copied()));
        words.extend(["", "said!", "mays", "ma", "monday's", "Monday", "however,", "plan", "mr"]);
        for word in words {
            let bits = lists.iter().filter(|(_, l)| l.contains(&word)).fold(0, |b, (bit, _)| b | bit);
            assert_eq!(word_bits(hash_str(word), word), (FRAMING.contains(&word), bits), "{word:?}");
        }
        // Found through their own hash only: another word's hash does not find them.
        assert_eq!(word_bits(hash_str("plan"), "said"), (false, 0));
    }
}
