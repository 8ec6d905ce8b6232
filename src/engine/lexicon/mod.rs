//! Tokens and their normal forms: the word knowledge every matcher shares.
//!
//! A sentence becomes a list of [`Token`]s, each carrying every form a matcher compares:
//!
//! ```text
//! before: Furthermore, it would involve scaling back a portion of U.S. military aid.
//!         The plan calls for reducing US military aid to Kiev …
//! after:  "U.S." norm u.s.  stem u.s.  variant us.   ┐ Variant
//!         "US"   norm US    stem US    variant us.   ┘
//!         "aid"  norm aid   stem aid                   Exact
//!         "scaling back" / "reducing": no shared form (left over on each side)
//!         "Kiev" norm kiev  stem kiev  variant kyiv  = "Kyiv" (Variant)
//!         "900,000" value 900000 = "900000"; "20 percent" = "20%" (Number); "bought" = "buys" (Inflection)
//! ```
//!
//! Folding maps curly quotes, primes and dash variants to ASCII and lower-cases; possessives
//! ("Russia's") drop their "'s"; stems come from the Snowball English stemmer, after
//! irregular forms ("bought" → "buy") from WordNet; numbers are parsed with their scale
//! ("$1.8 billion") and percent sign; spellings meet in a variant key ([`variants`]); and
//! content words get WordNet synonym classes ([`synonyms`]).
//!
//! Cost: tokenizing is linear in the text; a [`crate::engine::SentenceProfile`] (tokens plus
//! the matchers' keys) took about 25 µs for a 20-word sentence natively before the
//! [`WordCache`]; with it, a spelling is folded and stemmed once, and a seeds report spends
//! ~11 M instructions on its 113 profiles instead of ~29 M. The built-in tables
//! parse in about 3 ms, once ([`Lexicon::shared`]). [`Lexicon::relate`] is constant time except
//! for the name rule, O(len²) on two short words.

pub mod fold;
pub mod numbers;
pub mod stopwords;
pub mod synonyms;
pub mod variants;

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use fold::folded;
pub use fold::{fold, fold_char};
pub use stopwords::{is_negation, is_stopword, FRAMING};
use synonyms::SynonymTable;

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
    /// Case-folded, quote- and dash-folded form; possessive "'s" dropped. Acronyms that spell a
    /// function word keep their case ("US" is not "us").
    pub norm: Form,
    /// Snowball stem of `norm` (after irregular forms: "bought" → "buy"). For numbers, the
    /// canonical value as in `variant`.
    pub stem: Form,
    /// Spelling/transliteration key: Kyiv and Kiev share it, as do U.S., US and United States.
    /// For numbers, the canonical value: "900,000" → "900000", "20 percent" → "20%".
    pub variant: Form,
    pub kind: TokenKind,
    /// Parsed value of a number ("900,000", "20 percent", "$1.8 billion" → 900000, 20, 1.8e9).
    pub value: Option<f64>,
    /// A content word (not a function word), weighted higher.
    pub content: bool,
    /// Starts with a capital letter in the text (a name, or a sentence start).
    pub capitalized: bool,
    /// Negates its clause ("not", "never", "didn't").
    #[serde(default)]
    pub negation: bool,
    /// WordNet synonym classes of the stem, sorted (content words only).
    #[serde(default)]
    pub classes: Arc<[u32]>,
}

/// A token's form, shared: a token copied out of the [`WordCache`] (most of a text's tokens)
/// costs a reference count per form, not an allocation, and equal forms of one word (a stem
/// that is the form itself) are one string.
pub type Form = Arc<str>;

/// `form` as a [`Form`], sharing `same`'s string when they are equal.
fn form_beside(form: &str, same: &Form) -> Form {
    if form == &**same {
        same.clone()
    } else {
        form.into()
    }
}

/// A token of [`Lexicon::tokenize_shared`]: its span in the tokenized text and its forms,
/// shared with every other occurrence of the spelling.
#[derive(Debug, Clone)]
pub struct SharedToken {
    pub start: usize,
    pub end: usize,
    pub token: Arc<Token>,
    /// The id of `token.norm` in the lexicon's [`WordCache`]: equal ids, equal forms (in one
    /// lexicon). 0 when the cache is off or full: then compare the forms themselves.
    pub form: u32,
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

/// Tunable parts of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconConfig {
    /// Shortest capitalised word (in chars) that the edit-distance name rule may match.
    pub name_min_len: usize,
    /// How many distinct spellings [`Lexicon::tokenize`] remembers the forms of (see
    /// [`WordCache`]); beyond it new words are analysed each time. 0 turns the cache off.
    pub word_cache_max: usize,
}

impl Default for LexiconConfig {
    fn default() -> Self {
        LexiconConfig { name_min_len: 5, word_cache_max: 50_000 }
    }
}

/// FNV-1a over the bytes a `str` hashes: short words hash in a few instructions, where the
/// standard SipHash costs a hundred.
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A hasher for short string keys (words), eight bytes at a time: a word of up to eight
/// bytes costs one multiply where [`FnvHasher`] costs one a byte. Bytes are read as
/// little-endian words (the last one overlapping the one before, so no byte is padded or
/// read twice into one word), each xor-ed in and mixed by a multiply whose high half is
/// folded into the low half (hash maps index by the low bits). Used by the word cache,
/// looked up for every word tokenized, and by the word diff's form ids. Keys are compared
/// in full on a hash match, so the hash's quality only affects speed.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    #[inline(always)]
    fn mix(x: u64) -> u64 {
        let y = x.wrapping_mul(Self::K);
        y ^ (y >> 29)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        Self::mix(self.0)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let half = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or_default()));
        let mut h = self.0 ^ bytes.len() as u64;
        let mut rest = bytes;
        while rest.len() > 8 {
            h = Self::mix(h ^ word(&rest[..8]));
            rest = &rest[8..];
        }
        let n = rest.len();
        let last = match n {
            8 => word(rest),
            4..=7 => half(&rest[..4]) << 32 | half(&rest[n - 4..]),
            1..=3 => u64::from(rest[0]) << 16 | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]),
            _ => 0,
        };
        self.0 = Self::mix(h ^ last);
    }

    /// The end marker `str` hashing adds after its bytes: the length, mixed in by `write`,
    /// already keeps "ab" + "c" apart from "a" + "bc".
    #[inline]
    fn write_u8(&mut self, _: u8) {}
}

type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The forms of each word spelling seen so far ("Russia's" → norm "russia", stem "russia",
/// variant, classes …), so that a spelling is folded, stemmed and looked up once, not at each
/// occurrence: news text repeats its words, and Snowball stemming alone costs ~3,000
/// instructions a word. Results are identical with or without it (a word's forms depend only
/// on its spelling and the lexicon's tables). The seeds' 113 sentences hold ~2,600 words of
/// ~900 spellings; their profiles took ~230,000 instructions a sentence before the cache.
///
/// It also numbers the folded forms (`norm`s) it has seen, so that the word diff can tell
/// equal forms apart by an integer ([`SharedToken::form`]) instead of hashing each form again.
#[derive(Debug, Default)]
pub struct WordCache {
    maps: std::sync::Mutex<CacheMaps>,
}

/// The [`WordCache`]'s maps, behind one lock.
#[derive(Debug, Default)]
struct CacheMaps {
    /// Spelling → its token, and the id of the token's folded form.
    words: WordMap<String, (Arc<Token>, u32)>,
    /// Folded form → its id, from 1 (0 means "no id": the table was full).
    forms: WordMap<String, u32>,
}

impl CacheMaps {
    /// The id of the folded form `norm`: the same for equal forms, different for different
    /// ones; 0 once `max` forms have ids and `norm` is not among them.
    fn form(&mut self, norm: &str, max: usize) -> u32 {
        if let Some(&id) = self.forms.get(norm) {
            return id;
        }
        if self.forms.len() >= max {
            return 0;
        }
        let id = self.forms.len() as u32 + 1;
        self.forms.insert(norm.to_string(), id);
        id
    }
}

impl WordCache {
    fn get(&self, surface: &str) -> Option<Arc<Token>> {
        self.maps.lock().ok()?.words.get(surface).map(|(token, _)| token.clone())
    }

    fn put(&self, surface: &str, token: &Token, max: usize) {
        if let Ok(mut maps) = self.maps.lock() {
            if maps.words.len() < max {
                let form = maps.form(&token.norm, max);
                maps.words.insert(surface.to_string(), (Arc::new(token.clone()), form));
            }
        }
    }

    fn clear(&self) {
        if let Ok(mut maps) = self.maps.lock() {
            *maps = CacheMaps::default();
        }
    }
}

/// The word knowledge the matchers share: stemmer, variant table, synonym table, frequencies.
pub struct Lexicon {
    stemmer: rust_stemmers::Stemmer,
    table: SynonymTable,
    bands: HashMap<String, u8>,
    pub config: LexiconConfig,
    cache: WordCache,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("synonym_stems", &self.table.classes.len())
            .field("irregular_forms", &self.table.irregular.len())
            .field("frequency_bands", &self.bands.len())
            .field("config", &self.config)
            .finish()
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

static SHARED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();

impl Lexicon {
    /// The lexicon with the built-in tables (WordNet synonyms plus the hand-written news
    /// classes, irregular forms, frequencies).
    pub fn new() -> Self {
        Lexicon::with_tables(synonyms::SYNONYMS, synonyms::WORDFREQ)
    }

    /// The built-in lexicon with `wordnet` and `wordfreq`, the texts of `data/synonyms.txt` and
    /// `data/wordfreq.txt`, in place of the embedded [`synonyms::SYNONYMS`] and
    /// [`synonyms::WORDFREQ`]: the web worker's build (cargo feature `lazy-word-tables`) does
    /// not embed those generated tables but loads them at run time (see `src/worker.rs`).
    pub fn with_tables(wordnet: &str, wordfreq: &str) -> Self {
        let table = [wordnet, synonyms::NEWS_SYNONYMS].join("\n");
        Lexicon::bare().with_synonyms(&table).with_frequencies(wordfreq)
    }

    /// A lexicon without synonym or frequency tables: stems, numbers and variants only.
    pub fn bare() -> Self {
        Lexicon {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            table: SynonymTable::default(),
            bands: HashMap::new(),
            config: LexiconConfig::default(),
            cache: WordCache::default(),
        }
    }

    /// Replaces the synonym table with one in the text format of `data/synonyms.txt`
    /// (so a front end can load it lazily).
    pub fn with_synonyms(mut self, text: &str) -> Self {
        self.table = SynonymTable::parse(text, |w| self.stem_word(w));
        self.cache.clear();
        self
    }

    /// Replaces the frequency bands with ones in the text format of `data/wordfreq.txt`.
    pub fn with_frequencies(mut self, text: &str) -> Self {
        self.bands = synonyms::parse_bands(text, |w| self.stem_word(w));
        self.cache.clear();
        self
    }

    /// Replaces the tunable parts (and forgets the cached word forms).
    pub fn with_config(mut self, config: LexiconConfig) -> Self {
        self.config = config;
        self.cache.clear();
        self
    }

    /// The shared default lexicon, built once (or the one given to [`Lexicon::install_shared`]).
    pub fn shared() -> &'static Lexicon {
        SHARED.get_or_init(Lexicon::new)
    }

    /// Makes `lexicon` the [`Lexicon::shared`] one. Call it before any analysis; false (and no
    /// change) when the shared lexicon was already built. The web worker installs the lexicon
    /// built from its lazily loaded synonym table this way.
    pub fn install_shared(lexicon: Lexicon) -> bool {
        SHARED.set(lexicon).is_ok()
    }

    /// The Snowball stem of a case-folded word, after irregular forms ("bought" → "buy").
    pub fn stem_word(&self, word: &str) -> String {
        let base = self.table.irregular.get(word).map(String::as_str).unwrap_or(word);
        self.stemmer.stem(base).into_owned()
    }

    /// The frequency band of a stem in general English (floor(log2(SemCor count)), 0 = rare).
    pub fn band(&self, stem: &str) -> u8 {
        self.bands.get(stem).copied().unwrap_or(0)
    }

    /// The synonym classes of a stem, sorted.
    pub fn classes(&self, stem: &str) -> &[u32] {
        self.table.classes.get(stem).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The synonym classes of a case-folded word: those of its stem whose member word it is a
    /// form of, directly or through an irregular form ("bought" → "buy"). The stem alone is
    /// too loose: "adviser" and "advise" share the stem "advis", "proposal" and "propose" the
    /// stem "propos", so "adviser" / "proposal" would be a synonym swap. Sorted.
    pub fn word_classes(&self, norm: &str, stem: &str) -> Vec<u32> {
        let Some(members) = self.table.members.get(stem) else { return Vec::new() };
        let base = self.table.irregular.get(norm).map(String::as_str);
        let mut out: Vec<u32> = members
            .iter()
            .filter(|(_, w)| {
                synonyms::is_form_of(norm, w) || base.is_some_and(|b| synonyms::is_form_of(b, w))
            })
            .map(|&(c, _)| c)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Splits `text` into tokens (punctuation dropped). Never panics; spans are on char boundaries.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        with_raws(text, 0, text.len(), |raws| self.tokens_of(text, raws))
    }

    fn tokens_of(&self, text: &str, raws: &[Raw]) -> Vec<Token> {
        let mut out = Vec::with_capacity(raws.len());
        let mut i = 0;
        while i < raws.len() {
            // A spelling in the word cache was a word, not the start of a number, before.
            let cached = self.cached_word(text, &raws[i]);
            let number = if cached.is_some() { None } else { self.number_token(text, raws, i, &mut out) };
            let consumed =
                number.or_else(|| self.multiword_token(text, raws, i, &mut out)).unwrap_or_else(|| {
                    out.push(self.word_token(text, &raws[i], cached));
                    1
                });
            i += consumed.max(1);
        }
        out
    }

    /// How `a` and `b` correspond, if at all.
    pub fn relate(&self, a: &Token, b: &Token) -> Option<MatchKind> {
        match (a.kind, b.kind) {
            (TokenKind::Number, TokenKind::Number) => {
                if a.norm == b.norm {
                    Some(MatchKind::Exact)
                } else if a.variant == b.variant {
                    Some(MatchKind::Number)
                } else {
                    None
                }
            }
            (TokenKind::Word, TokenKind::Word) => {
                if a.norm == b.norm {
                    Some(MatchKind::Exact)
                } else if a.stem == b.stem {
                    Some(MatchKind::Inflection)
                } else if a.variant == b.variant || self.names_match(a, b) {
                    Some(MatchKind::Variant)
                } else if shares_class(&a.classes, &b.classes) {
                    Some(MatchKind::Synonym)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The edit-distance rule for capitalised names ("Zelenskyy" / "Zelenskiy").
    pub fn names_match(&self, a: &Token, b: &Token) -> bool {
        a.capitalized
            && b.capitalized
            && a.content
            && b.content
            && variants::similar_names(&a.norm, &b.norm, self.config.name_min_len)
    }

    /// A word's token from the [`WordCache`], if its spelling was seen before. Dotted
    /// abbreviations ("U.S.") are rare and not cached, so the spelling alone is the key.
    fn cached_word(&self, text: &str, raw: &Raw) -> Option<Token> {
        let mut token = Token::clone(&*self.cached_shared(text, raw)?);
        token.start = raw.start;
        token.end = raw.end;
        Some(token)
    }

    fn cached_shared(&self, text: &str, raw: &Raw) -> Option<Arc<Token>> {
        if raw.dotted || self.config.word_cache_max == 0 {
            return None;
        }
        self.cache.get(text.get(raw.start..raw.end)?)
    }

    /// [`Lexicon::tokenize`] without copying the forms of words seen before: each token is
    /// shared with the [`WordCache`], so its own `start`/`end` may be those of another
    /// occurrence; the span in `text` is the [`SharedToken`]'s. Same tokens as `tokenize`.
    pub fn tokenize_shared(&self, text: &str) -> Vec<SharedToken> {
        with_raws(text, 0, text.len(), |raws| {
            let mut out = Vec::with_capacity(raws.len());
            self.shared_tokens_into(text, raws, Scan::Whole, None, &mut out);
            out
        })
    }

    /// [`Lexicon::tokenize_shared`] of `text` beside `other`, a text tokenized already as
    /// `other_tokens` (the other side of a word diff): where the two texts begin or end alike,
    /// `other`'s tokens are taken, not made again. The same tokens as `tokenize_shared(text)`.
    ///
    /// ```text
    /// other: The plan, drafted by envoys, runs to 28 points.   (tokenized)
    /// text : The plan, drafted in secret, runs to 28 points.
    ///        └ shared: The plan ┘ └ made ┘ └ shared: runs to 28 points ┘
    /// ```
    /// A token is a function of its raw word and the two after it, and a raw word of the bytes
    /// from its start to a few chars past its end. So the tokens of the common prefix are
    /// shared while the next two tokens and a margin still lie in it, up to one that starts
    /// after whitespace (where a scan starts afresh); and from a token that starts after
    /// whitespace inside the common suffix, at the same place from the end of `other` as a
    /// token of `other` does, the rest are `other`'s. Only the raw words between are scanned,
    /// and a few past the suffix's first token of `other`, for the look-ahead. Reprints mostly
    /// change a few words: in the peer benchmark's 686 differing sentence pairs, two thirds of
    /// the bytes lie in a common prefix or suffix. Cost: comparing the bytes, a binary search
    /// per token after the suffix starts, and a second scan if the suffix is not found there.
    pub fn tokenize_shared_beside(
        &self,
        text: &str,
        other: &str,
        other_tokens: &[SharedToken],
    ) -> Vec<SharedToken> {
        // Bytes a raw word's scan may read past its end (a separator, the char after it, one
        // more, a final point), with room to spare.
        const MARGIN: usize = 16;
        let (a, b) = (text.as_bytes(), other.as_bytes());
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let room = a.len().min(b.len()) - prefix;
        let suffix = a.iter().rev().zip(b.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
        let after_space = |t: &SharedToken| t.start > 0 && a[t.start - 1].is_ascii_whitespace();
        let mut shared = 0;
        while shared + 2 < other_tokens.len() && other_tokens[shared + 2].end + MARGIN <= prefix {
            shared += 1;
        }
        while shared > 0 && !after_space(&other_tokens[shared]) {
            shared -= 1;
        }
        let scan_from = if shared > 0 { other_tokens[shared].start } else { 0 };
        let tail = Tail { other_tokens, text_len: a.len(), other_len: b.len(), from: a.len() - suffix + 1 };
        // Scan up to the end of the third token of `other` after the suffix starts.
        let first_in_suffix = other_tokens.partition_point(|t| tail.to_text(t.start) < tail.from);
        let until = other_tokens.get(first_in_suffix + 3).map_or(a.len(), |t| tail.to_text(t.end));
        let mut out = Vec::with_capacity(other_tokens.len() + 4);
        out.extend_from_slice(&other_tokens[..shared]);
        let done = with_raws(text, scan_from, until, |raws| {
            let scan = if until >= a.len() { Scan::Whole } else { Scan::Part };
            self.shared_tokens_into(text, raws, scan, Some(&tail), &mut out)
        });
        if !done {
            out.truncate(shared);
            with_raws(text, scan_from, a.len(), |raws| {
                self.shared_tokens_into(text, raws, Scan::Whole, Some(&tail), &mut out)
            });
        }
        out
    }

    /// The tokens of `raws` onto `out`; with a `tail`, `other`'s tokens from the first token
    /// that the [`Tail`] finds in `other` too. False if `raws` are a [`Scan::Part`] and a
    /// token looked at the last raw word or past it, so may differ from the text's: then
    /// `out` holds some tokens of the part, to be dropped.
    fn shared_tokens_into(
        &self,
        text: &str,
        raws: &[Raw],
        scan: Scan,
        tail: Option<&Tail>,
        out: &mut Vec<SharedToken>,
    ) -> bool {
        let mut fresh = Vec::new();
        // The cache is locked once for the text's look-ups, not once a word (at opt-level "z"
        // each lock and unlock is a call), and released while a new word is analysed and put.
        let max = self.config.word_cache_max;
        let caching = max > 0;
        let mut words = if caching { self.cache.maps.lock().ok() } else { None };
        let mut i = 0;
        while i < raws.len() {
            let raw = &raws[i];
            if let Some((rest, tail)) = tail.and_then(|t| Some((t.rest(text, raw.start)?, t))) {
                let first = out.len();
                out.extend_from_slice(rest);
                for t in &mut out[first..] {
                    (t.start, t.end) = (tail.to_text(t.start), tail.to_text(t.end));
                }
                return true;
            }
            // As in `tokenize`: a cached spelling is no number, but may start a multiword name.
            // (The same look-up as `cached_shared`.)
            let cached = match &words {
                Some(w) if !raw.dotted => text.get(raw.start..raw.end).and_then(|k| w.words.get(k)).cloned(),
                _ => None,
            };
            let number = if cached.is_some() { None } else { self.number_token(text, raws, i, &mut fresh) };
            let consumed = match number.or_else(|| self.multiword_token(text, raws, i, &mut fresh)) {
                Some(n) => n,
                None => {
                    match cached {
                        Some((token, form)) => {
                            out.push(SharedToken { start: raw.start, end: raw.end, token, form })
                        }
                        None => {
                            drop(words.take());
                            fresh.push(self.word_token(text, raw, None));
                            words = if caching { self.cache.maps.lock().ok() } else { None };
                        }
                    }
                    1
                }
            };
            if !fresh.is_empty() {
                // Numbers, names of two words and dotted abbreviations are not cached, but
                // their forms get ids too (a word's form is the same id as in the cache).
                for t in fresh.drain(..) {
                    let form = words.as_mut().map_or(0, |w| w.form(&t.norm, max));
                    out.push(SharedToken { start: t.start, end: t.end, token: Arc::new(t), form });
                }
            }
            i += consumed.max(1);
            // A number reads up to two raw words past its own ("20 per cent").
            if scan == Scan::Part && i + 1 >= raws.len() {
                return false;
            }
        }
        true
    }

    /// A word's token: `cached` if the spelling was in the [`WordCache`], else analysed and
    /// remembered.
    fn word_token(&self, text: &str, raw: &Raw, cached: Option<Token>) -> Token {
        if let Some(token) = cached {
            return token;
        }
        let surface = &text[raw.start..raw.end];
        let token = self.analyse_word(surface, raw);
        if !raw.dotted && self.config.word_cache_max > 0 {
            self.cache.put(surface, &token, self.config.word_cache_max);
        }
        token
    }

    fn analyse_word(&self, surface: &str, raw: &Raw) -> Token {
        let folded = fold(surface);
        let capitalized = surface.chars().next().is_some_and(char::is_uppercase);
        let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let dotted = raw.dotted;
        let mut norm = folded.clone();
        if let Some(stripped) = norm.strip_suffix("'s").filter(|s| !s.is_empty()) {
            norm = stripped.to_string();
        }
        let acronym = dotted || (all_caps && letters <= 5);
        if all_caps && is_stopword(&norm) {
            // "US", "IT", "WHO": an acronym, not the function word.
            norm = surface.to_string();
        }
        let (stem, variant) = if acronym {
            let key = variants::acronym_key(&norm);
            (norm.clone(), key)
        } else {
            let stem = self.stem_word(&norm);
            let variant = match variants::canonical(&norm) {
                Some(c) if c.ends_with('.') => c,
                Some(c) => self.stem_word(&c),
                None => stem.clone(),
            };
            (stem, variant)
        };
        let content = !is_stopword(&norm);
        let classes = if content { self.word_classes(&norm, &stem).into() } else { Arc::from([]) };
        let negation = is_negation(&norm);
        let norm: Form = norm.into();
        let stem = form_beside(&stem, &norm);
        let variant = form_beside(&variant, &stem);
        Token {
            start: raw.start,
            end: raw.end,
            negation,
            norm,
            stem,
            variant,
            kind: TokenKind::Word,
            value: None,
            content,
            capitalized,
            classes,
        }
    }

    /// Joins "United States" & co. into one token whose variant is shared with "U.S.".
    /// (Inlined: most words are ruled out by their length and first letter alone, before the
    /// call. No char outside ASCII lower-cases into these ASCII first words, so the checks
    /// are exact.)
    #[inline(always)]
    fn multiword_token(&self, text: &str, raws: &[Raw], i: usize, out: &mut Vec<Token>) -> Option<usize> {
        let (shortest, longest, letters) = variants::MULTIWORD_FIRST;
        let raw = raws.get(i)?;
        let len = raw.end - raw.start;
        let letter = text.as_bytes().get(raw.start).map_or(0, |b| b.to_ascii_lowercase().wrapping_sub(b'a'));
        if len < shortest || len > longest || letter >= 26 || letters & (1 << letter) == 0 {
            return None;
        }
        self.join_multiword(text, raws, i, out)
    }

    #[inline(never)]
    fn join_multiword(&self, text: &str, raws: &[Raw], i: usize, out: &mut Vec<Token>) -> Option<usize> {
        let next = raws.get(i + 1)?;
        // Most words start no multiword name: skip the join without allocating.
        let first = &text[raws[i].start..raws[i].end];
        let starts = |m: &&str| {
            m.as_bytes().get(first.len()) == Some(&b' ')
                && m.get(..first.len()).is_some_and(|w| w.eq_ignore_ascii_case(first))
        };
        if !variants::MULTIWORD.iter().any(starts) {
            return None;
        }
        if !text[raws[i].end..next.start].chars().all(char::is_whitespace) {
            return None;
        }
        let second = &text[next.start..next.end];
        let joined = if first.is_ascii() && second.is_ascii() {
            // Folding ASCII only lowercases it: compare in place ("Russian" starts a name,
            // and most of its uses are not one).
            let name = |m: &&&str| {
                m.len() == first.len() + 1 + second.len()
                    && m[..first.len()].eq_ignore_ascii_case(first)
                    && m[first.len() + 1..].eq_ignore_ascii_case(second)
            };
            variants::MULTIWORD.iter().find(name)?.to_string()
        } else {
            let joined = fold(&format!("{first} {second}"));
            if !variants::MULTIWORD.contains(&joined.as_str()) {
                return None;
            }
            joined
        };
        let variant = variants::canonical(&joined);
        let joined: Form = joined.into();
        out.push(Token {
            start: raws[i].start,
            end: next.end,
            stem: joined.clone(),
            variant: variant.map_or_else(|| joined.clone(), |v| form_beside(&v, &joined)),
            norm: joined,
            kind: TokenKind::Word,
            value: None,
            content: true,
            capitalized: text[raws[i].start..].chars().next().is_some_and(char::is_uppercase),
            negation: false,
            classes: Arc::from([]),
        });
        Some(2)
    }

    /// Digits or number words, with a following scale ("billion") and percent sign or word.
    /// Returns how many raw tokens were consumed, or `None` if `raws[i]` is not a number.
    fn number_token(&self, text: &str, raws: &[Raw], i: usize, out: &mut Vec<Token>) -> Option<usize> {
        let raw = &raws[i];
        let surface = folded(&text[raw.start..raw.end]);
        let mut value = if surface.starts_with(|c: char| c.is_ascii_digit()) {
            let digits_end = surface
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(surface.len());
            let (digits, suffix) = surface.split_at(digits_end);
            let v = numbers::parse_digits(digits)?;
            if suffix.is_empty() {
                v
            } else {
                v * numbers::scale_value(suffix)?
            }
        } else {
            numbers::word_value(&surface)?
        };
        let mut used = 1;
        let mut end = raw.end;
        let gap_ok = |from: usize, to: usize, hyphen: bool| {
            text.get(from..to)
                .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || (hyphen && fold_char(c) == '-')))
        };
        let word_at = |k: usize| raws.get(k).map(|r| folded(&text[r.start..r.end]));
        // "twenty-five"
        if (20.0..100.0).contains(&value) && value % 10.0 == 0.0 {
            if let (Some(w), Some(r)) = (word_at(i + used), raws.get(i + used)) {
                if let Some(unit) = numbers::word_value(&w).filter(|u| *u > 0.0 && *u < 10.0) {
                    if gap_ok(end, r.start, true) {
                        value += unit;
                        end = r.end;
                        used += 1;
                    }
                }
            }
        }
        // "two hundred thousand", "1.8 billion"
        while let (Some(w), Some(r)) = (word_at(i + used), raws.get(i + used)) {
            match numbers::scale_value(&w).filter(|_| w.len() > 2) {
                Some(scale) if gap_ok(end, r.start, false) => {
                    value *= scale;
                    end = r.end;
                    used += 1;
                }
                _ => break,
            }
        }
        // "20%", "20 percent", "20 per cent"
        let mut percent = false;
        let rest = &text[end..];
        let trimmed = rest.trim_start();
        if trimmed.starts_with('%') && rest.len() - trimmed.len() <= 1 {
            percent = true;
            end += rest.len() - trimmed.len() + 1;
        } else if let (Some(w), Some(r)) = (word_at(i + used), raws.get(i + used)) {
            if gap_ok(end, r.start, false) {
                if numbers::is_percent_word(&w) {
                    percent = true;
                    end = r.end;
                    used += 1;
                } else if w == "per" && word_at(i + used + 1).as_deref() == Some("cent") {
                    let r2 = &raws[i + used + 1];
                    if gap_ok(r.end, r2.start, false) {
                        percent = true;
                        end = r2.end;
                        used += 2;
                    }
                }
            }
        }
        let key: Form = numbers::canonical(value, percent).into();
        out.push(Token {
            start: raw.start,
            end,
            // Most numbers fold to themselves ("28"): no copy to compare with the key.
            norm: form_beside(&folded(&text[raw.start..end]), &key),
            stem: key.clone(),
            variant: key,
            kind: TokenKind::Number,
            value: Some(value),
            content: true,
            capitalized: false,
            negation: false,
            classes: Arc::from([]),
        });
        Some(used)
    }
}

/// Where the tokens of `text` begin and end (the first token's start, the last one's end),
/// read off the raw words alone: every token starts at a raw word's start and ends at one's
/// end, except a number followed by a percent sign ("20 %"). `None` when the text has no
/// words, or a percent sign after its last raw word leaves the end to the full tokenizer.
/// The same for every lexicon and word cache. Cost: one scan, no word analysed or looked up.
pub fn word_extent(text: &str) -> Option<(usize, usize)> {
    with_raws(text, 0, text.len(), |raws| {
        let (first, last) = (raws.first()?, raws.last()?);
        let percent_after = text.get(last.end..).is_some_and(|rest| rest.trim_start().starts_with('%'));
        (!percent_after).then_some((first.start, last.end))
    })
}

/// Whether two sorted class lists share an id.
pub fn shares_class(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

/// Whether raw words are a text's all from a point on, or end before the text does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    Whole,
    Part,
}

/// Where [`Lexicon::tokenize_shared_beside`] may take the other text's tokens for the rest.
struct Tail<'a> {
    other_tokens: &'a [SharedToken],
    text_len: usize,
    other_len: usize,
    /// The first byte of `text` whose char before lies in the common suffix.
    from: usize,
}

impl<'a> Tail<'a> {
    /// The byte of `text` at the same place from the end as `at` in `other` (0 if before it).
    fn to_text(&self, at: usize) -> usize {
        (at + self.text_len).saturating_sub(self.other_len)
    }

    /// `other`'s tokens from the one at `start`'s place (counted from the end), when a token of
    /// `text` starting at `start` is followed by the same ones: `start` follows whitespace
    /// in the common suffix (so both scans start afresh there) and `other` has a token there.
    fn rest(&self, text: &str, start: usize) -> Option<&'a [SharedToken]> {
        if start < self.from || !text.as_bytes().get(start - 1)?.is_ascii_whitespace() {
            return None;
        }
        let at = start + self.other_len - self.text_len;
        let k = self.other_tokens.partition_point(|t| t.start < at);
        self.other_tokens.get(k).filter(|t| t.start == at).map(|_| &self.other_tokens[k..])
    }
}

/// A raw word: a byte span, and whether it is a dotted abbreviation ("U.S.").
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    dotted: bool,
}

/// Finds the raw words: runs of letters and digits, joined across an apostrophe between
/// letters ("didn't"), a comma or point between digits ("900,000", "2.5"), and the points
/// of a dotted abbreviation ("U.S."). Hyphens split ("US-backed" → "US", "backed").
/// A digit run that is not a well-formed number ("1,2,3") is split at its separators.
///
/// Walks the bytes once: an ASCII byte is its own char (no decoding, no char table), and only
/// a non-ASCII char is decoded and folded, where it is met. Chars are compared folded (a
/// backtick or curly apostrophe joins "didn't" as "'" does).
///
/// The raw words replace `out`'s contents (a buffer reused from text to text, see [`with_raws`]):
/// those that start in `from..until`, where `from` is 0 or follows whitespace (a raw word
/// holds none, so the scan starts afresh there).
fn scan_into(text: &str, from: usize, until: usize, out: &mut Vec<Raw>) {
    // (`char_at` is called directly, not through closures: at the app's opt-level "z" a
    // closure is not inlined, and its call cost more than the ASCII fast path it wraps.)
    let bytes = text.as_bytes();
    out.clear();
    let mut i = from;
    loop {
        // Skip to the next letter or digit; ASCII bytes in a tight loop.
        while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= until {
            break;
        }
        let Some((_, len, is_alnum)) = char_at(text, i) else { break };
        if !is_alnum {
            i += len;
            continue;
        }
        let start = i;
        // The segment since the last joining separator, and the last char before `j`.
        let mut seg_start = i;
        let mut prev_start = i;
        let mut j = i;
        let mut dotted = false;
        let mut numeric_seps = false;
        loop {
            // The run of letters and digits: ASCII ones in a tight loop (the last char's start
            // is set once after it), a non-ASCII one decoded where it is met.
            loop {
                let run = j;
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                if j > run {
                    prev_start = j - 1;
                }
                match bytes.get(j) {
                    Some(b) if !b.is_ascii() => match wide_char_at(text, j) {
                        Some((_, len, true)) => {
                            prev_start = j;
                            j += len;
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            // Most words end at a space or a mark that joins nothing: only an apostrophe (or a
            // backtick, or a non-ASCII quote), a point or a comma can join the next run.
            if bytes.get(j).is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'`' | b'.' | b',')) {
                break;
            }
            let prev = char_at(text, prev_start).map_or('\0', |(c, _, _)| c);
            if let Some((sep, sep_len, _)) = char_at(text, j) {
                if let Some((next, next_len, true)) = char_at(text, j + sep_len) {
                    if sep == '\'' && prev.is_alphabetic() && next.is_alphabetic() {
                        j += sep_len;
                        seg_start = j;
                        continue;
                    }
                    if (sep == '.' || sep == ',') && prev.is_ascii_digit() && next.is_ascii_digit() {
                        j += sep_len;
                        seg_start = j;
                        numeric_seps = true;
                        continue;
                    }
                    if sep == '.'
                        && prev_start == seg_start
                        && prev.is_alphabetic()
                        && next.is_alphabetic()
                        && !char_at(text, j + sep_len + next_len).is_some_and(|(_, _, a)| a)
                    {
                        j += sep_len;
                        seg_start = j;
                        dotted = true;
                        continue;
                    }
                }
            }
            break;
        }
        if dotted && bytes.get(j) == Some(&b'.') {
            j += 1;
        }
        let (s, e) = (start, j);
        // (By bytes: a non-ASCII char's first byte is no digit, and a char boundary.)
        let digits_end = || {
            bytes[s..e].iter().position(|&b| !(b.is_ascii_digit() || b == b',' || b == b'.')).unwrap_or(e - s)
        };
        if numeric_seps && numbers::parse_digits(&text[s..s + digits_end()]).is_none() {
            // "1,2,3": split at the separators
            let mut piece = s;
            for (off, c) in text[s..e].char_indices() {
                if c == ',' || c == '.' {
                    if piece < s + off {
                        out.push(Raw { start: piece, end: s + off, dotted: false });
                    }
                    piece = s + off + 1;
                }
            }
            if piece < e {
                out.push(Raw { start: piece, end: e, dotted: false });
            }
        } else {
            out.push(Raw { start: s, end: e, dotted });
        }
        i = j;
    }
}

/// The raw words of `text` ([`scan_into`]) in a buffer the thread keeps (a fresh one if it is
/// in use), given to `f`: a text's words were an allocation and a free each time.
fn with_raws<R>(text: &str, from: usize, until: usize, f: impl FnOnce(&[Raw]) -> R) -> R {
    thread_local! {
        static RAWS: std::cell::RefCell<Vec<Raw>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    RAWS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut raws) => {
            scan_into(text, from, until, &mut raws);
            let out = f(&raws);
            if raws.capacity() > 1 << 14 {
                // A long text grew it: free it.
                *raws = Vec::new();
            }
            out
        }
        Err(_) => {
            let mut raws = Vec::new();
            scan_into(text, from, until, &mut raws);
            f(&raws)
        }
    })
}

/// The folded char starting at byte `i` of `text` (a char boundary), its length in bytes, and
/// whether it is a letter or digit; `None` at the end. Inlined for ASCII, the common case.
#[inline(always)]
fn char_at(text: &str, i: usize) -> Option<(char, usize, bool)> {
    let &b = text.as_bytes().get(i)?;
    if b.is_ascii() {
        // The only ASCII char `fold_char` changes is the backtick, which stays no letter.
        let c = if b == b'`' { '\'' } else { char::from(b) };
        return Some((c, 1, b.is_ascii_alphanumeric()));
    }
    wide_char_at(text, i)
}

#[inline(never)]
fn wide_char_at(text: &str, i: usize) -> Option<(char, usize, bool)> {
    let c = text.get(i..)?.chars().next()?;
    let folded = fold_char(c);
    Some((folded, c.len_utf8(), folded.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the word diff reads of a token: span, forms and form id.
    fn shape(tokens: &[SharedToken]) -> Vec<(usize, usize, String, String, String, u32)> {
        tokens
            .iter()
            .map(|t| {
                (
                    t.start,
                    t.end,
                    t.token.norm.to_string(),
                    t.token.stem.to_string(),
                    t.token.variant.to_string(),
                    t.form,
                )
            })
            .collect()
    }

    #[test]
    fn tokens_beside_another_text_read_past_the_common_prefix_and_suffix() {
        // Where the token at the edge of the common part depends on words outside it.
        let wide = " ".repeat(20);
        let cases = [
            // A number takes its scale or percent from the next words, after any gap.
            (format!("They counted 20{wide}apples in all."), format!("They counted 20{wide}percent in all.")),
            (
                format!("It rose 20 per{wide}year, they said."),
                format!("It rose 20 per{wide}cent, they said."),
            ),
            ("Some twenty apples were sold.".into(), "Some twenty-five apples were sold.".into()),
            ("It cost 1.8 dollars at the time.".into(), "It cost 1.8 billion at the time.".into()),
            ("The United way, it said.".into(), "The United States, it said.".into()),
            // In the suffix, a word that the other side joined into a number or name.
            ("About two hundred men came.".into(), "About few hundred men came.".into()),
            ("Envoys from the States met.".into(), "Envoys from United States met.".into()),
            ("Officials in the U.S. said so.".into(), "Officials in the S. said so.".into()),
        ];
        let lexicon = Lexicon::shared();
        for (a, b) in &cases {
            for (left, right) in [(a, b), (b, a)] {
                let lt = lexicon.tokenize_shared(left);
                let got = lexicon.tokenize_shared_beside(right, left, &lt);
                assert_eq!(shape(&got), shape(&lexicon.tokenize_shared(right)), "{left:?} / {right:?}");
            }
        }
    }

    #[test]
    fn tokens_beside_another_text_are_the_texts_own() {
        // Texts that share a prefix and a suffix, cut anywhere (inside words, numbers, names
        // and abbreviations), from pieces that join, merge or split across the cut.
        let pieces = [
            "The",
            "plan",
            " ",
            " ",
            ", ",
            "20",
            "2.5",
            "900,000",
            "1,2,3",
            "%",
            " %",
            "percent",
            " per cent",
            "twenty",
            "-five",
            " hundred",
            " thousand",
            "United",
            " States",
            "U.S.",
            "U.",
            "S",
            ".",
            "didn",
            "'t",
            "\u{2019}s",
            "Kyiv",
            "Zelenskyy",
            "\u{e9}t\u{e9}",
            "\u{2014}",
            "\u{201c}",
            "\n",
            "\t",
            "a",
            "b",
            "7",
            "'",
            ",",
            "-",
            "\u{a0}",
            "\u{1f600}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        // Without a word cache, a token shared with the other side is the same allocation
        // only if it was taken, not made again; with one, the cached path is checked too.
        let uncached =
            Lexicon::new().with_config(LexiconConfig { word_cache_max: 0, ..LexiconConfig::default() });
        let mut piece_run = |n: usize| (0..n).map(|_| pieces[next(pieces.len())]).collect::<String>();
        let (mut shared_head, mut shared_tail, mut cases) = (0, 0, 0);
        for round in 0..20_000 {
            let (head, tail) = (piece_run(round % 16), piece_run(round % 7));
            let (left, right) = (
                format!("{head}{}{tail}", piece_run(round % 4)),
                format!("{head}{}{tail}", piece_run(round % 5)),
            );
            for lexicon in [Lexicon::shared(), &uncached] {
                let lt = lexicon.tokenize_shared(&left);
                let want = lexicon.tokenize_shared(&right);
                let got = lexicon.tokenize_shared_beside(&right, &left, &lt);
                assert_eq!(shape(&got), shape(&want), "{left:?} / {right:?}");
            }
            let lt = uncached.tokenize_shared(&left);
            let got = uncached.tokenize_shared_beside(&right, &left, &lt);
            let same = |g: Option<&SharedToken>, l: Option<&SharedToken>| {
                g.zip(l).is_some_and(|(g, l)| Arc::ptr_eq(&g.token, &l.token))
            };
            shared_head += usize::from(same(got.first(), lt.first()));
            shared_tail += usize::from(same(got.last(), lt.last()));
            cases += 1;
        }
        // The cases exercise both kinds of sharing, not only the fallback.
        assert!(
            shared_head > cases / 40 && shared_tail > cases / 40,
            "{shared_head}, {shared_tail} of {cases}"
        );
    }

    fn lex() -> &'static Lexicon {
        Lexicon::shared()
    }

    #[test]
    fn the_lazily_loaded_tables_give_the_built_in_lexicon() {
        // The web worker builds its lexicon from data/synonyms.txt and wordfreq.txt fetched at run time.
        let lazy = Lexicon::with_tables(include_str!("data/synonyms.txt"), include_str!("data/wordfreq.txt"));
        let built_in = Lexicon::new();
        assert_eq!(format!("{lazy:?}"), format!("{built_in:?}"));
        assert_eq!(lazy.word_classes("bought", "bought"), built_in.word_classes("bought", "bought"));
        assert!(!built_in.classes(&built_in.stem_word("purchase")).is_empty());
        // Without it, only the hand-written news classes are left.
        let bare = Lexicon::with_tables("", "");
        assert!(bare.table.classes.len() < built_in.table.classes.len() / 5);
        assert!(bare.bands.is_empty() && !built_in.bands.is_empty());
    }

    fn norms(text: &str) -> Vec<String> {
        lex().tokenize(text).into_iter().map(|t| t.norm.to_string()).collect()
    }

    fn one(text: &str) -> Token {
        let mut t = lex().tokenize(text);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t.remove(0)
    }

    fn rel(a: &str, b: &str) -> Option<MatchKind> {
        lex().relate(&one(a), &one(b))
    }

    #[test]
    fn splits_words_and_folds() {
        let table: &[(&str, &[&str])] = &[
            ("Ukraine’s “peace” plan", &["ukraine", "peace", "plan"]),
            ("US-backed plan", &["US", "backed", "plan"]),
            ("didn’t go", &["didn't", "go"]),
            ("the U.S. military", &["the", "u.s.", "military"]),
            ("in the U.S.", &["in", "the", "u.s."]),
            ("scaling back—a portion", &["scaling", "back", "a", "portion"]),
            ("parents' homes", &["parents", "homes"]),
            ("Russia's army", &["russia", "army"]),
            ("", &[]),
            ("…", &[]),
        ];
        for (input, want) in table {
            assert_eq!(norms(input), *want, "{input}");
        }
    }

    #[test]
    fn numbers() {
        let table: &[(&str, &str, f64)] = &[
            ("900,000", "900000", 900000.0),
            ("900000", "900000", 900000.0),
            ("20 percent", "20%", 20.0),
            ("20%", "20%", 20.0),
            ("20 per cent", "20%", 20.0),
            ("$1.8 billion", "1800000000", 1.8e9),
            ("1.8bn", "1800000000", 1.8e9),
            ("twelve", "12", 12.0),
            ("two million", "2000000", 2e6),
            ("twenty-five", "25", 25.0),
            ("2.5", "2.5", 2.5),
        ];
        for (input, key, value) in table {
            let t = one(input);
            assert_eq!(t.kind, TokenKind::Number, "{input}");
            assert_eq!(&*t.variant, *key, "{input}");
            assert_eq!(t.value, Some(*value), "{input}");
        }
        assert_eq!(lex().tokenize("1,2,3").len(), 3);
        assert_eq!(lex().tokenize("in 2003, 2004 and").len(), 4);
    }

    #[test]
    fn relations() {
        let table: &[(&str, &str, Option<MatchKind>)] = &[
            ("aid", "aid", Some(MatchKind::Exact)),
            ("Aid", "aid", Some(MatchKind::Exact)),
            ("reducing", "reduced", Some(MatchKind::Inflection)),
            ("bought", "buys", Some(MatchKind::Inflection)),
            ("Kiev", "Kyiv", Some(MatchKind::Variant)),
            ("Zelenskyy", "Zelensky", Some(MatchKind::Variant)),
            ("U.S.", "US", Some(MatchKind::Variant)),
            ("America", "U.S.", Some(MatchKind::Variant)),
            ("Lugansk", "Luhansk", Some(MatchKind::Variant)),
            ("Donbass", "Donbas", Some(MatchKind::Variant)),
            ("Kharkov", "Kharkiv", Some(MatchKind::Variant)),
            ("Odessa", "Odesa", Some(MatchKind::Variant)),
            ("colour", "color", Some(MatchKind::Variant)),
            ("organised", "organized", Some(MatchKind::Variant)),
            ("Shoigu", "Shoygu", Some(MatchKind::Variant)),
            ("900,000", "900000", Some(MatchKind::Number)),
            ("20 percent", "20%", Some(MatchKind::Number)),
            ("twelve", "12", Some(MatchKind::Number)),
            ("buy", "purchase", Some(MatchKind::Synonym)),
            ("rose", "jumped", Some(MatchKind::Synonym)),
            ("cut", "reducing", Some(MatchKind::Synonym)),
            ("troops", "soldiers", Some(MatchKind::Synonym)),
            ("talks", "negotiations", Some(MatchKind::Synonym)),
            ("the", "a", None),
            ("US", "us", None),
            ("900,000", "850,000", None),
            ("Austria", "Australia", None),
            ("troops", "Kremlin", None),
            // Synonymy holds between words, not stems: "adviser" shares the stem of "advise"
            // (advise / propose / suggest) and "proposal" the stem of "propose".
            ("adviser", "proposal", None),
            ("advisers", "suggestion", None),
            ("advise", "propose", Some(MatchKind::Synonym)),
            ("proposal", "plan", Some(MatchKind::Synonym)),
            ("relinquishing", "surrendering", Some(MatchKind::Synonym)),
            ("denying", "rejected", Some(MatchKind::Synonym)),
        ];
        for (a, b, want) in table {
            assert_eq!(rel(a, b), *want, "{a} / {b}");
            assert_eq!(rel(b, a), *want, "{b} / {a} (symmetry)");
        }
        let us = lex().tokenize("the United States said");
        assert_eq!(&*us[1].norm, "united states");
        // Multiword names in any case, with any space between; the first word alone is no name.
        let norms = |text: &str| -> Vec<String> {
            lex().tokenize(text).into_iter().map(|t| t.norm.to_string()).collect()
        };
        let table: &[(&str, &[&str])] = &[
            ("UNITED KINGDOM", &["united kingdom"]),
            ("the European  Union", &["the", "european union"]),
            ("Russian Federation\u{a0}troops", &["russian federation", "troops"]),
            ("Russian forces", &["russian", "forces"]),
            ("Russian federal", &["russian", "federal"]),
            ("United, States", &["united", "states"]),
        ];
        for (text, want) in table {
            assert_eq!(norms(text), *want, "{text}");
        }
        assert_eq!(lex().relate(&us[1], &one("U.S.")), Some(MatchKind::Variant));
    }

    #[test]
    fn shared_tokens_equal_tokens_and_the_cache_changes_nothing() {
        let text = "The United States' “plan” would cut Ukraine's army from 900,000 to 600,000 — \
                    twenty-five U.S. officials said; the plan, the PLAN, Kyiv’s `plan`.";
        let cold =
            Lexicon::new().with_config(LexiconConfig { word_cache_max: 0, ..LexiconConfig::default() });
        let want = cold.tokenize(text);
        for _ in 0..2 {
            // First pass fills the cache, the second reads it.
            assert_eq!(lex().tokenize(text), want);
            let shared = lex().tokenize_shared(text);
            assert_eq!(shared.len(), want.len());
            for (s, t) in shared.iter().zip(&want) {
                assert_eq!((s.start, s.end), (t.start, t.end));
                let mut forms = Token::clone(&s.token);
                (forms.start, forms.end) = (t.start, t.end);
                assert_eq!(&forms, t);
            }
        }
    }

    #[test]
    fn flags() {
        let t = lex().tokenize("They did not say Moscow's 20 troops");
        let content: Vec<bool> = t.iter().map(|t| t.content).collect();
        assert_eq!(content, [false, false, false, true, true, true, true]);
        assert!(t[2].negation && !t[3].negation);
        assert!(t[0].capitalized && t[4].capitalized && !t[3].capitalized);
        assert_eq!(&"They did not say Moscow's 20 troops"[t[4].start..t[4].end], "Moscow's");
    }
}
