//! Sentence alignment between documents: candidate index, global link choice, link kinds.
//!
//! Worked example (seeds 000 and 003). The agency rewrite and the other outlet carry one claim
//! in different places and words:
//!
//! ```text
//! 000 s10: Furthermore, it would involve scaling back a portion of U.S. military aid.
//! 003 s10: The plan calls for reducing US military aid to Kiev and reducing the use of various
//!          types of weapons by Ukrainian forces.
//! ```
//! A sequence aligner (a diff over sentences) misses it: the two documents order their
//! material differently. Here every sentence is indexed by its content words (one key per
//! word: the spelling-variant key or the stem), so the pair becomes a candidate through
//! "U.S."/"US", "military" and "aid"; [`similarity::compare`](super::similarity::compare)
//! explains which words match; and [`evidence`] re-weighs that explanation for alignment: IDF²
//! weights (story-wide words such as "plan" or "Ukraine" fade), names at a discount, and the
//! heaviest shared *phrase* holding a claim word ("U.S. military aid"). The pair becomes a
//! `partial` link: 000's sentence is one clause of 003's.
//!
//! Names alone never make a link: "President Vladimir Putin has not publicly endorsed the
//! plan" and "Russian President Vladimir Putin has designated the capture of the Donbas …"
//! share three names and no claim word. Nor do story-wide phrases ("peace plan", "plan to end
//! the war") or reporting furniture ("according to a senior official"): a false link costs a
//! fact-checker more than a missed one.
//!
//! Steps, for one document pair:
//! 1. **Candidates** from one global inverted index (key → sentences) built once for all N
//!    documents. A word's keys are its own key and its synonym classes ([`class_keys`]: 003's
//!    "Kiev would have to cede some of its territory to Moscow" meets 004's "Ukraine
//!    surrendering territory" through "cede"/"surrender" and "Kiev"/"Ukraine", a metonymy class
//!    of the news table); a word counts once however many of its keys match. Keys in more than
//!    [`AlignConfig::max_key_share`] of all sentences are dropped.
//!    A pair is a candidate when it shares [`AlignConfig::min_shared_keys`] kept keys, which
//!    is also a precondition of every link, so [`brute_force_candidates`] (every pair) gives
//!    the same links; the tests check it.
//! 2. **Kinds** ([`classify`]): `verbatim` (same words), `edited` (both sides ≥ 0.7 contained,
//!    mostly literal matches), `paraphrase` (both sides half contained, two claim words),
//!    `partial` (a shared claim phrase of enough weight, two claim words; or one shared clause:
//!    two claim words that are not story-wide, matched words at least half of the words the
//!    clause spans on each side, the shorter side 40% contained — "reduce the size of its
//!    military" / "shrink its armed forces"; or one actor's act: such a clause holding two
//!    names and a claim word, both sides a third contained — "Zelenskyy has consistently
//!    rejected" / "Zelensky has been denying"; or, without these, both sides a third contained
//!    with three claim words); otherwise none. Negation is scoped to its clause: "pledge to
//!    never join NATO, shrink its armed forces" does not negate the shrinking.
//! 3. **Splits and merges**: 2–3 sentences on one side, at most
//!    [`AlignConfig::split_max_distance`] apart, each mostly contained in one sentence of the
//!    other side or linked to it by itself, are compared as one text; the group is proposed
//!    when it covers clearly more of the whole than its best part.
//!    A phrase steps over a few function words ("cede some of its territory" / "relinquishing
//!    territory"); synonyms weigh [`AlignConfig::synonym_credit`] in it. A refusal verb counts
//!    as a negation ("rejected the notion of surrendering territory" does not link to "would
//!    have to cede some of its territory").
//! 4. **Global choice**: proposals are taken greedily by score (the mean of both weighted
//!    containments), each sentence at most once; a group claims all its sentences. Every
//!    sentence left over is `unique` in that pair.
//!
//! Cost: building the index is O(total tokens). Picking neighbours (above
//! `all_pairs_max_documents`) counts shared keys per document pair from per-document key
//! counts: the sum over keys of the square of the number of documents holding the key (for
//! 200 synthetic documents ~540 M instructions less than one pass over a posting list per key
//! occurrence). A pair costs O(s · k + m) to gather candidates (s sentences, k keys per
//! sentence, m postings of those keys in the other document) plus one token matching per candidate
//! ([`match_tokens`](super::similarity::match_tokens): `compare`'s matches and conflicts
//! without its scores, features and model, about a fifth of its cost), each classified once; the greedy choice is O(c log c) for c candidates. Split/merge groups are profiled
//! once per analysis ([`GroupProfiles`]), not once per document pair that proposes them.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::lexicon::{Lexicon, Token, TokenKind};
use super::report::{Conflict, LinkKind};
use super::similarity::{match_tokens, Idf, Matching, SentenceProfile, Similarity, TokenKeys, TokenMatch};

/// Every threshold of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignConfig {
    /// Keys present in more than this share of all sentences are not used for candidates.
    pub max_key_share: f32,
    /// ... but only once they are in more than this many sentences (small inputs keep all keys).
    pub min_key_count_to_drop: usize,
    /// At most this many candidates per left sentence and document pair (best shared-key counts).
    pub max_candidates_per_sentence: usize,
    /// Sentences with more tokens than this are never compared (comparison is O(n·m); a
    /// paste without punctuation can make one "sentence" of thousands of words).
    pub max_sentence_tokens: usize,
    /// A pair is a candidate (and may link) only when it shares at least this many kept keys …
    pub min_shared_keys: usize,
    /// … of at least this summed weight (each key weighs its IDF², as in [`evidence`]; a
    /// `partial` link needs a shared phrase of `partial_min_phrase_weight`, so pairs far below
    /// it are not worth a comparison).
    pub min_shared_weight: f32,
    /// Weight of a function word in the alignment containment (content words weigh their IDF²).
    pub function_word_weight: f32,
    /// Names ("President Vladimir Putin") weigh this much of a claim word of the same rarity.
    pub name_weight: f32,
    /// A synonym match counts this much of an exact one.
    pub synonym_credit: f32,
    /// `edited`: each side at least this much contained in the other …
    pub edited_min_containment: f32,
    /// … at least this share of the matched weight is literal (not synonyms) …
    pub edited_min_literal_share: f32,
    /// … and at least this share of the shorter side's words stand in the same order
    /// (longest common subsequence of the folded words).
    pub edited_min_in_order: f32,
    /// `paraphrase`: each side at least this much contained in the other …
    pub paraphrase_min_containment: f32,
    /// … sharing at least this many claim words (content words that are not names).
    pub paraphrase_min_claim_words: usize,
    /// `partial`: one side at least this much contained in the other …
    pub partial_min_containment: f32,
    /// … sharing at least this many claim words …
    pub partial_min_claim_words: usize,
    /// … and at least this many content words in all …
    pub partial_min_content_matches: usize,
    /// … and a shared phrase (a run of consecutive matches holding a claim word) of at least
    /// this alignment weight …
    pub partial_min_phrase_weight: f32,
    /// … where a single claim word suffices when the phrase has this many content words and
    /// the shorter side is at least `paraphrase_min_containment` contained.
    pub partial_long_phrase: usize,
    /// `partial` without a heavy shared phrase: both sides at least this much contained …
    pub partial_spread_min_containment: f32,
    /// … sharing at least this many claim words (rewrites reorder clauses, so the shared
    /// words of "Trump has received a briefing on the plan and backs it" / "the president
    /// supports this plan, Leavitt said during a press briefing" never form one phrase).
    pub partial_spread_min_claim_words: usize,
    /// `partial` by one shared clause: at least this many claim words of the clause weigh at
    /// least `clause_min_word_weight` each (story-wide words such as "plan" or "war" do not
    /// count: "the plan to end the war" is in every outlet and says nothing of its own) …
    pub clause_min_claim_words: usize,
    pub clause_min_word_weight: f32,
    /// … the clause's matched words are at least this share of the content words it spans on
    /// each side ("reduce the size of its military" / "shrink its armed forces": 2 of 3) …
    pub clause_min_density: f32,
    /// … and the shorter side is at least this much contained in the other.
    pub clause_min_containment: f32,
    /// `partial` by one shared act of one actor: a clause (as above) holding at least this
    /// many names and a claim word of `clause_min_word_weight`, both sides at least
    /// `partial_spread_min_containment` contained ("Ukrainian President Volodymyr Zelenskyy has
    /// consistently rejected …" / "Ukrainian President Volodymyr Zelensky has been denying …").
    pub clause_min_names: usize,
    /// `partial` by broad overlap: at least this many claim words that are not story-wide, in
    /// one clause on each side (punctuation bounds a clause), the shorter side at least `partial_spread_min_containment` contained (000's lede "A plan to
    /// conclude the intense conflict has been devised by the United States and Russia" / 003's
    /// "US and Russian officials have secretly drafted a plan to end the … war").
    pub spread_min_heavy_claims: usize,
    /// A phrase may step over up to this many function words on either side ("cede some of
    /// its territory to Moscow" / "relinquishing territory to Russia" is one phrase).
    pub phrase_max_gap: usize,
    /// Reporting furniture that never counts as a claim ("according to a senior official").
    pub reporting_words: Vec<String>,
    /// Verbs of refusal that negate what follows, by stem ("Zelenskyy has rejected surrendering
    /// territory" says the opposite of "Kiev would have to cede territory"): each counts as a
    /// negation in [`Weighed::negated`].
    pub refusal_stems: Vec<String>,
    /// Any link needs at least this many claim words (names alone never link).
    pub min_claim_words: usize,
    /// Split/merge: each part must be at least this much contained in the whole.
    pub split_part_min_containment: f32,
    /// Split/merge: the group must score at least this much above its best single part.
    pub split_min_gain: f32,
    /// … or, when less, this share of the best part's coverage (a long whole: 003's two
    /// sentences cover 23% of 004's long "surrendering territory and scaling down its
    /// military" sentence, the territory sentence alone 13%).
    pub split_min_relative_gain: f32,
    /// Split/merge: at most this many sentences on the split side.
    pub split_max_parts: usize,
    /// Split/merge: consecutive parts at most this many sentences apart (1 = adjacent). A
    /// rewrite may carry one long sentence's two claims in two sentences with others between
    /// (001's "The plan, devised by … Witkoff, … would see Kyiv surrendering … its Donbas
    /// region" is 003's "Kiev would have to cede some of its territory" three sentences before
    /// "the draft plan was drawn up by … Witkoff", and 000's Witkoff sentence seven before
    /// "Russia would assume command over the entirety of the eastern Donbas region"). Each
    /// part must still lie mostly inside the whole or link to it alone, so a wider window
    /// only lets far-apart true parts join (4 → 8 on 2026-12-05: one more seed link found, no
    /// false one; on 12 synthetic documents 11 groups grew, each added part carrying the
    /// whole's claim).
    pub split_max_distance: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            max_key_share: 0.2,
            min_key_count_to_drop: 32,
            max_candidates_per_sentence: 64,
            max_sentence_tokens: 400,
            min_shared_keys: 2,
            min_shared_weight: 0.8,
            function_word_weight: 0.05,
            name_weight: 0.5,
            synonym_credit: 0.7,
            edited_min_containment: 0.7,
            edited_min_literal_share: 0.85,
            edited_min_in_order: 0.75,
            paraphrase_min_containment: 0.5,
            paraphrase_min_claim_words: 2,
            partial_min_containment: 0.2,
            partial_min_claim_words: 2,
            partial_min_content_matches: 3,
            partial_min_phrase_weight: 0.85,
            partial_long_phrase: 4,
            phrase_max_gap: 3,
            partial_spread_min_containment: 0.3,
            partial_spread_min_claim_words: 3,
            clause_min_claim_words: 2,
            clause_min_word_weight: 0.3,
            clause_min_density: 0.5,
            clause_min_containment: 0.4,
            clause_min_names: 2,
            spread_min_heavy_claims: 3,
            reporting_words: REPORTING_WORDS.iter().map(|w| w.to_string()).collect(),
            refusal_stems: REFUSAL_STEMS.iter().map(|w| w.to_string()).collect(),
            min_claim_words: 1,
            split_part_min_containment: 0.5,
            split_min_gain: 0.15,
            split_min_relative_gain: 0.5,
            split_max_parts: 3,
            split_max_distance: 8,
        }
    }
}

/// Words of attribution, the same in every story (matched on the folded form).
pub const REPORTING_WORDS: &[&str] = &[
    "according",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "report",
    "added",
    "stated",
    "senior",
    "official",
    "officials",
    "source",
    "sources",
    "familiar",
    "condition",
    "anonymity",
    "reporters",
];

/// Snowball stems of refusal verbs ("reject", "rejected", "denying", "refuses", "rules out").
pub const REFUSAL_STEMS: &[&str] = &["reject", "deni", "deny", "refus", "declin", "oppos", "dismiss"];

/// Maps keyed by index keys, which are hashes already: they pass through unhashed.
type KeyMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<super::similarity::KeyHasher>>;

/// All sentences of all documents, prepared once: profiles, keys and weights.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Shared with the cache they may come from ([`crate::engine::Workspace`]), not copied.
    pub profiles: Vec<Arc<SentenceProfile>>,
    /// Global sentence index range of each document.
    pub docs: Vec<Range<usize>>,
    /// Document of each sentence.
    pub doc_of: Vec<usize>,
    /// Sorted, deduplicated index keys of each sentence (frequent keys removed).
    pub keys: Vec<Vec<u64>>,
    /// The weight (IDF² over sentences) of each of those keys.
    pub key_weights: Vec<Vec<f32>>,
    /// Per sentence, its words' kept keys as (word, key, word weight), grouped by word: the
    /// word's own key first, then its synonym-class keys. A word counts once as shared however
    /// many of its keys the other sentence has; it weighs its first kept key's weight.
    pub word_keys: Vec<Vec<(u32, u64, f32)>>,
    /// Content weight of each sentence (sum of its token weights).
    pub weights: Vec<f32>,
    /// Alignment weights of each sentence's tokens.
    pub weighed: Vec<Weighed>,
    pub idf: Idf,
    /// Per document, key → the range of `doc_sentences[d]` holding the document's sentences
    /// that carry the key, in increasing order: one look-up per key and document pair, where a
    /// global key → sentences list needed a hash look-up and a binary search (that search was
    /// ~40% of alignment's own time for 200 documents).
    doc_postings: Vec<KeyMap<(u32, u32)>>,
    doc_sentences: Vec<Vec<u32>>,
}

/// One chosen correspondence, by global sentence indices.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkCore {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub kind: LinkKind,
    pub score: f32,
    pub left_in_right: f32,
    pub right_in_left: f32,
    pub conflicts: Vec<Conflict>,
}

/// The index key of one token: its spelling-variant key when the lexicon rewrote its spelling
/// ("Kiev" → "kyiv", "U.S." → "us."), else its stem ("reducing" → "reduc"); the value for
/// numbers; nothing for function words. One key per word, so shared keys count shared words.
/// The profile's precomputed hashes are reused ([`TokenKeys`]: stem and variant hashed once).
pub fn token_key(token: &Token, keys: &TokenKeys) -> Option<u64> {
    if token.kind == TokenKind::Number {
        // A number's variant is its canonical value ("900,000" and "900000" meet).
        return token.value.map(|_| keys.variant ^ NUMBER_TAG);
    }
    if !token.content {
        return None;
    }
    Some(if token.variant != token.norm { keys.variant } else { keys.stem })
}

/// Keeps number keys apart from word keys.
const NUMBER_TAG: u64 = 0x9e37_79b9_7f4a_7c15;

/// The index keys of one token's synonym classes ("relinquishing" and "surrendering" share the
/// class of "cede"), so a pair worded with synonyms can become a candidate; the same IDF
/// guards apply (a class in too many sentences is dropped like any frequent key).
pub fn class_keys<'a>(token: &'a Token) -> impl Iterator<Item = u64> + 'a {
    let word = token.content && token.kind == TokenKind::Word;
    token
        .classes
        .iter()
        .filter(move |_| word)
        .map(|&c| (u64::from(c) + 1).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ CLASS_TAG)
}

/// Keeps synonym-class keys apart from word keys.
const CLASS_TAG: u64 = 0x94d0_49bb_1331_11eb;

impl Corpus {
    /// Profiles every sentence, computes weights and builds the one global key index.
    pub fn new(lexicon: &Lexicon, documents: &[Vec<String>], config: &AlignConfig) -> Corpus {
        let profiles = documents
            .iter()
            .map(|sentences| sentences.iter().map(|s| Arc::new(SentenceProfile::new(lexicon, s))).collect())
            .collect();
        Corpus::from_profiles(profiles, config)
    }

    /// [`Corpus::new`] from sentences profiled beforehand, one list per document (a cache of
    /// profiles, such as [`crate::engine::Workspace`]'s, skips the tokenizing).
    pub fn from_profiles(documents: Vec<Vec<Arc<SentenceProfile>>>, config: &AlignConfig) -> Corpus {
        let mut profiles = Vec::with_capacity(documents.iter().map(Vec::len).sum());
        let mut docs = Vec::with_capacity(documents.len());
        let mut doc_of = Vec::with_capacity(profiles.capacity());
        for (d, sentences) in documents.into_iter().enumerate() {
            let start = profiles.len();
            doc_of.extend(std::iter::repeat_n(d, sentences.len()));
            profiles.extend(sentences);
            docs.push(start..profiles.len());
        }
        let idf =
            Idf::within_documents(docs.iter().map(|range| profiles[range.clone()].iter().map(|p| &**p)));
        let weights = profiles
            .iter()
            .map(|p| {
                p.tokens
                    .iter()
                    .zip(&p.keys)
                    .map(|(t, k)| if t.content { 1.0 } else { 0.1 } * idf.factor(k.stem))
                    .sum()
            })
            .collect();
        // Per sentence, each distinct word's keys: its own key, then its synonym classes.
        let mut word_keys: Vec<Vec<(u32, u64, f32)>> = profiles
            .iter()
            .map(|p| {
                let mut seen: Vec<u64> = Vec::new();
                let mut out = Vec::new();
                for (w, (t, keys)) in p.tokens.iter().zip(&p.keys).enumerate() {
                    let Some(own) = token_key(t, keys) else { continue };
                    if seen.contains(&own) {
                        continue;
                    }
                    seen.push(own);
                    out.push((w as u32, own, 0.0));
                    out.extend(class_keys(t).map(|k| (w as u32, k, 0.0)));
                }
                out
            })
            .collect();
        let mut keys: Vec<Vec<u64>> = word_keys
            .iter()
            .map(|wk| {
                let mut k: Vec<u64> = wk.iter().map(|x| x.1).collect();
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        let mut postings: KeyMap<Vec<u32>> = KeyMap::default();
        for (s, ks) in keys.iter().enumerate() {
            for &k in ks {
                postings.entry(k).or_default().push(s as u32);
            }
        }
        let limit = (config.max_key_share * profiles.len() as f32) as usize;
        let limit = limit.max(config.min_key_count_to_drop);
        let n = profiles.len();
        let idf2 = |df: usize| -> f32 {
            if n < 20 {
                return 1.0; // too few sentences for statistics, as in `Idf::from_profiles`
            }
            let top = ((n + 1) as f64).ln() + 1.0;
            let f = (((n + 1) as f64 / (df + 1) as f64).ln() + 1.0) / top;
            (f * f) as f32
        };
        let df: KeyMap<usize> = postings.iter().map(|(k, p)| (*k, p.len())).collect();
        postings.retain(|_, p| p.len() <= limit);
        for ks in &mut keys {
            ks.retain(|k| postings.contains_key(k));
        }
        let key_weights = keys
            .iter()
            .map(|ks| ks.iter().map(|k| idf2(df.get(k).copied().unwrap_or(0))).collect())
            .collect();
        for wk in &mut word_keys {
            wk.retain(|x| postings.contains_key(&x.1));
            let mut last: Option<(u32, f32)> = None;
            for x in wk.iter_mut() {
                let w = match last {
                    Some((word, w)) if word == x.0 => w,
                    _ => idf2(df.get(&x.1).copied().unwrap_or(0)),
                };
                last = Some((x.0, w));
                x.2 = w;
            }
        }
        let weighed = profiles.iter().map(|p| weigh(p, &idf, config)).collect();
        // The postings cut per document (each document's sentences are one run of indices).
        let mut doc_postings: Vec<KeyMap<(u32, u32)>> = vec![KeyMap::default(); docs.len()];
        let mut doc_sentences: Vec<Vec<u32>> = vec![Vec::new(); docs.len()];
        for (&k, p) in &postings {
            let mut at = 0;
            while at < p.len() {
                let d = doc_of[p[at] as usize];
                let run = p[at..].iter().take_while(|&&s| doc_of[s as usize] == d).count();
                let list = &mut doc_sentences[d];
                let start = list.len() as u32;
                list.extend_from_slice(&p[at..at + run]);
                doc_postings[d].insert(k, (start, list.len() as u32));
                at += run;
            }
        }
        Corpus {
            profiles,
            docs,
            doc_of,
            keys,
            key_weights,
            word_keys,
            weights,
            weighed,
            idf,
            doc_postings,
            doc_sentences,
        }
    }

    pub fn len(&self) -> usize {
        self.profiles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }

    /// Candidate sentence pairs (left in document `a`, right in `b`) from the index, in order.
    pub fn candidates(&self, a: usize, b: usize, config: &AlignConfig) -> Vec<(usize, usize)> {
        let (Some(ra), Some(rb)) = (self.docs.get(a), self.docs.get(b)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut counts = vec![0u32; rb.len()];
        let mut weight = vec![0f32; rb.len()];
        // The last left word counted for each right sentence (+1; 0 = none), so a word counts
        // once even when its own key and a class key both occur there.
        let mut last_word = vec![0u32; rb.len()];
        let mut touched = Vec::new();
        let (index, sentences) = (&self.doc_postings[b], &self.doc_sentences[b]);
        for i in ra.clone() {
            for &(word, k, w) in &self.word_keys[i] {
                let Some(&(lo, hi)) = index.get(&k) else { continue };
                for &s in &sentences[lo as usize..hi as usize] {
                    let s = s as usize;
                    let r = s - rb.start;
                    if last_word[r] == word + 1 && counts[r] > 0 {
                        continue;
                    }
                    last_word[r] = word + 1;
                    if counts[r] == 0 {
                        touched.push(s);
                    }
                    counts[r] += 1;
                    weight[r] += w;
                }
            }
            touched.retain(|&j| {
                counts[j - rb.start] as usize >= config.min_shared_keys
                    && weight[j - rb.start] >= config.min_shared_weight
            });
            if touched.len() > config.max_candidates_per_sentence {
                // Keep the heaviest shared keys; ties by position for determinism.
                touched.sort_by(|x, y| weight[y - rb.start].total_cmp(&weight[x - rb.start]).then(x.cmp(y)));
                touched.truncate(config.max_candidates_per_sentence);
            }
            touched.sort_unstable();
            for &j in &touched {
                out.push((i, j));
            }
            touched.clear();
            counts.iter_mut().for_each(|c| *c = 0);
            weight.iter_mut().for_each(|c| *c = 0.0);
            last_word.iter_mut().for_each(|c| *c = 0);
        }
        out
    }

    /// Content-overlap weights between documents from the index, for picking neighbours: row
    /// `a` holds, for every document `d`, the number of (sentence of `a`, sentence of `d`,
    /// key) triples sharing a kept key, over the geometric mean of both documents' key counts
    /// (0 on the diagonal). Computed from per-document key counts (`Σ_k count_a(k) · count_d(k)`),
    /// so the cost is the sum over keys of the square of the number of documents holding it,
    /// not one pass over a posting list per key occurrence.
    fn neighbour_weights(&self) -> Vec<Vec<f32>> {
        let n = self.docs.len();
        // (key, document) per key occurrence, sorted, then counted: (key, document, count).
        let mut occurrences: Vec<(u64, u32)> = Vec::with_capacity(self.keys.iter().map(Vec::len).sum());
        for (s, ks) in self.keys.iter().enumerate() {
            let d = self.doc_of.get(s).copied().unwrap_or(0) as u32;
            occurrences.extend(ks.iter().map(|&k| (k, d)));
        }
        occurrences.sort_unstable();
        let mut counted: Vec<(u64, u32, u64)> = Vec::new();
        for &(k, d) in &occurrences {
            match counted.last_mut() {
                Some(last) if last.0 == k && last.1 == d => last.2 += 1,
                _ => counted.push((k, d, 1)),
            }
        }
        let mut overlap = vec![vec![0u64; n]; n];
        for group in counted.chunk_by(|x, y| x.0 == y.0) {
            for &(_, a, ca) in group {
                let row = &mut overlap[a as usize];
                for &(_, d, cd) in group {
                    row[d as usize] += ca * cd;
                }
            }
        }
        let size = |d: usize| self.docs[d].clone().map(|s| self.keys[s].len()).sum::<usize>().max(1) as f32;
        let sizes: Vec<f32> = (0..n).map(size).collect();
        overlap
            .iter()
            .enumerate()
            .map(|(a, row)| {
                let mut w: Vec<f32> =
                    row.iter().zip(&sizes).map(|(&c, &sd)| c as f32 / (sizes[a] * sd).sqrt()).collect();
                w[a] = 0.0;
                w
            })
            .collect()
    }
}

/// Which document pairs to align: all pairs up to `all_pairs_max_documents` documents,
/// otherwise each document with its `neighbours` most overlapping documents (O(N) pairs).
pub fn document_pairs(
    corpus: &Corpus,
    all_pairs_max_documents: usize,
    neighbours: usize,
) -> Vec<(usize, usize)> {
    let n = corpus.docs.len();
    let mut pairs = Vec::new();
    if n <= all_pairs_max_documents {
        for a in 0..n {
            for b in a + 1..n {
                pairs.push((a, b));
            }
        }
        return pairs;
    }
    let weights = corpus.neighbour_weights();
    for (a, w) in weights.iter().enumerate() {
        let mut order: Vec<usize> = (0..n).filter(|&d| d != a && w[d] > 0.0).collect();
        order.sort_by(|x, y| w[*y].total_cmp(&w[*x]).then(x.cmp(y)));
        for &b in order.iter().take(neighbours) {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The reference for [`Corpus::candidates`]: every sentence pair of documents `a` and `b`.
/// [`align_pair`] gives the same links from these as from the index's candidates (it links only
/// sentences that share a kept key), which the tests check.
pub fn brute_force_candidates(corpus: &Corpus, a: usize, b: usize) -> Vec<(usize, usize)> {
    let (Some(ra), Some(rb)) = (corpus.docs.get(a), corpus.docs.get(b)) else {
        return Vec::new();
    };
    ra.clone().flat_map(|i| rb.clone().map(move |j| (i, j))).collect()
}

impl Corpus {
    /// How many kept index keys sentences `i` and `j` share, and their summed weight (a link
    /// needs [`AlignConfig::min_shared_keys`] and [`AlignConfig::min_shared_weight`]).
    /// Counted as in [`Corpus::candidates`]: each word of `i` once, by its own key or a class key.
    pub fn shared_keys(&self, i: usize, j: usize) -> (usize, f32) {
        let (Some(a), Some(b)) = (self.word_keys.get(i), self.keys.get(j)) else {
            return (0, 0.0);
        };
        let (mut n, mut w) = (0, 0f32);
        let mut counted: Option<u32> = None;
        for &(word, k, wk) in a {
            if counted == Some(word) || b.binary_search(&k).is_err() {
                continue;
            }
            counted = Some(word);
            n += 1;
            w += wk;
        }
        (n, w)
    }

    /// Whether `i` and `j` meet the shared-key precondition of every link.
    pub fn may_link(&self, i: usize, j: usize, config: &AlignConfig) -> bool {
        let short =
            |s: usize| self.profiles.get(s).is_some_and(|p| p.tokens.len() <= config.max_sentence_tokens);
        if !short(i) || !short(j) {
            return false;
        }
        let (n, w) = self.shared_keys(i, j);
        n >= config.min_shared_keys.max(1) && w >= config.min_shared_weight
    }
}

/// What two sentences share, for the kind decision: the similarity's explanation re-weighted
/// for alignment (names and story-wide words count less, phrases count more).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// Weighted share of the left sentence's content found in the right one, and the reverse.
    pub left_in_right: f32,
    pub right_in_left: f32,
    /// Matched content words and numbers.
    pub content: usize,
    /// Matched content words that are not names (claims), plus numbers.
    pub claim: usize,
    /// Content words in the longest run of consecutive matches that holds a claim word
    /// ("military aid", "Kremlin spokesman Dmitry Peskov"); 0 without such a run.
    pub phrase: usize,
    /// The alignment weight of the heaviest such run (rare words weigh more than story-wide
    /// words: "military aid" outweighs "peace plan" in a story about a peace plan).
    pub phrase_weight: f32,
    /// Share of the matched weight that is literal (exact, inflection, variant, number).
    pub literal_share: f32,
    /// A shared word is negated on one side and not on the other (negation scoped to its
    /// clause: a negation elsewhere in a sentence does not touch the shared clause).
    pub negation_mismatch: bool,
    /// The best shared clause: a run of content matches, consecutive on the left, whose words
    /// are at least [`AlignConfig::clause_min_density`] of the content words they span on each
    /// side; its claim words weighing at least [`AlignConfig::clause_min_word_weight`].
    pub clause_claims: usize,
    /// The most names in such a clause that also holds a claim word of that weight (who did
    /// what: "Zelenskyy … rejected" / "Zelensky … denying").
    pub clause_names: usize,
    /// The most matched claim words of at least [`AlignConfig::clause_min_word_weight`] (not
    /// story-wide) that stand in one clause on each side (clauses end at punctuation).
    pub heavy_claims: usize,
}

/// Whether each token of `p` reads as a name: a capitalised content word that does not open the
/// sentence (an opening capital counts when the sentence has other capitals too).
fn names(p: &SentenceProfile) -> Vec<bool> {
    // In a title-case headline every capital reads as a name: headlines link only by their
    // lower-case words, which keeps story-wide headline words from linking to every lede.
    let caps = p.tokens.iter().filter(|t| t.content && t.kind == TokenKind::Word && t.capitalized).count();
    p.tokens
        .iter()
        .enumerate()
        .map(|(i, t)| t.capitalized && t.content && t.kind == TokenKind::Word && (i > 0 || caps > 1))
        .collect()
}

/// The alignment weight of a token: IDF squared (story-wide words fade), names at a discount.
fn align_weight(t: &Token, stem_key: u64, name: bool, idf: &Idf, config: &AlignConfig) -> f32 {
    if t.kind != TokenKind::Number && !t.content {
        return config.function_word_weight;
    }
    let f = idf.factor(stem_key);
    let w = f * f;
    if name {
        w * config.name_weight
    } else {
        w
    }
}

/// A claim word: a number, or a content word that is neither a name nor reporting furniture.
fn is_claim(t: &Token, name: bool, config: &AlignConfig) -> bool {
    t.kind == TokenKind::Number
        || (t.content && !name && !config.reporting_words.iter().any(|w| **w == *t.norm))
}

/// A sentence's alignment weights, computed once: per token its weight and whether it is a
/// claim word, plus the total weight and the parity of its negations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weighed {
    pub weights: Vec<f32>,
    pub claim: Vec<bool>,
    /// Whether each token reads as a name.
    pub name: Vec<bool>,
    /// Whether each token is a content word or a number (else a function word).
    pub content: Vec<bool>,
    pub total: f32,
    pub negated: bool,
    /// Per token, whether it stands in the scope of a negation or refusal: an odd number of
    /// them before it in its clause ("pledge to never join NATO, shrink its armed forces":
    /// "join" and "NATO" are negated, "shrink" is not).
    pub in_negation: Vec<bool>,
    /// Per token, the index of its clause (clauses end at [`CLAUSE_BREAKS`]).
    pub clause: Vec<u16>,
    /// `content_before[x]`: how many of the first `x` tokens are content words or numbers
    /// (one more entry than tokens), so a span's content count is one subtraction.
    pub content_before: Vec<u32>,
}

impl Weighed {
    /// Content words and numbers among tokens `a..=b` (tokens past the end count as none).
    fn content_between(&self, a: usize, b: usize) -> usize {
        let len = self.content_before.len().saturating_sub(1);
        let (lo, hi) = (a.min(len), b.saturating_add(1).min(len));
        if lo >= hi {
            return 0;
        }
        (self.content_before[hi] - self.content_before[lo]) as usize
    }
}

/// Characters that end a clause, for negation scope.
const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '—', '–', '(', ')'];

/// Per token of `p`, the index of its clause.
fn clause_ids(p: &SentenceProfile) -> Vec<u16> {
    let (mut id, mut prev_end) = (0u16, 0);
    p.tokens
        .iter()
        .map(|t| {
            if p.text.get(prev_end..t.start).unwrap_or("").contains(CLAUSE_BREAKS) {
                id = id.saturating_add(1);
            }
            prev_end = t.end;
            id
        })
        .collect()
}

/// Per token of `p`, whether an odd number of negators stand before it in its clause.
fn negation_scope(p: &SentenceProfile, negator: impl Fn(&Token) -> bool) -> Vec<bool> {
    let mut out = Vec::with_capacity(p.tokens.len());
    let (mut odd, mut prev_end) = (false, 0);
    for t in &p.tokens {
        let between = p.text.get(prev_end..t.start).unwrap_or("");
        if between.contains(CLAUSE_BREAKS) {
            odd = false;
        }
        out.push(odd);
        if negator(t) {
            odd = !odd;
        }
        prev_end = t.end;
    }
    out
}

/// Weighs the tokens of `p` for [`evidence`].
pub fn weigh(p: &SentenceProfile, idf: &Idf, config: &AlignConfig) -> Weighed {
    let names = names(p);
    let weights: Vec<f32> = p
        .tokens
        .iter()
        .zip(&names)
        .zip(&p.keys)
        .map(|((t, &n), k)| align_weight(t, k.stem, n, idf, config))
        .collect();
    let claim = p.tokens.iter().zip(&names).map(|(t, &n)| is_claim(t, n, config)).collect();
    let total = weights.iter().sum();
    let refusal = |t: &Token| t.content && config.refusal_stems.iter().any(|s| **s == *t.stem);
    let negated = p.tokens.iter().filter(|t| t.negation || refusal(t)).count() % 2 == 1;
    let content: Vec<bool> = p.tokens.iter().map(|t| t.content || t.kind == TokenKind::Number).collect();
    let mut content_before = Vec::with_capacity(content.len() + 1);
    content_before.push(0u32);
    for &c in &content {
        content_before.push(content_before.last().copied().unwrap_or(0) + u32::from(c));
    }
    let in_negation = negation_scope(p, |t| t.negation || refusal(t));
    let clause = clause_ids(p);
    Weighed { weights, claim, name: names, content, total, negated, in_negation, clause, content_before }
}

/// Re-weighs the similarity's matches for the alignment decision (weighing both sides first;
/// [`evidence_weighed`] reuses weights computed once per sentence).
pub fn evidence(
    sim: &Similarity,
    left: &SentenceProfile,
    right: &SentenceProfile,
    idf: &Idf,
    config: &AlignConfig,
) -> Evidence {
    evidence_weighed(&sim.matches, left, &weigh(left, idf, config), &weigh(right, idf, config), config)
}

/// [`evidence`] from the token matches alone ([`match_tokens`] or [`Similarity::matches`]) and
/// precomputed [`Weighed`] sides.
pub fn evidence_weighed(
    matches: &[TokenMatch],
    left: &SentenceProfile,
    lws: &Weighed,
    rws: &Weighed,
    config: &AlignConfig,
) -> Evidence {
    let (lw, rw) = (&lws.weights, &rws.weights);
    let mut e = Evidence::default();
    let (mut ml, mut mr, mut lit, mut all) = (0f32, 0f32, 0f32, 0f32);
    let mut to_right: Vec<Option<usize>> = vec![None; left.tokens.len()];
    let mut credit_of: Vec<f32> = vec![1.0; left.tokens.len()];
    // (left clause, right clause) of each heavy claim match.
    let mut heavy: Vec<(u16, u16)> = Vec::new();
    for m in matches {
        let (Some(t), Some(&wl), Some(&wr)) = (left.tokens.get(m.left), lw.get(m.left), rw.get(m.right))
        else {
            continue;
        };
        let credit = if m.kind == super::lexicon::MatchKind::Synonym { config.synonym_credit } else { 1.0 };
        ml += wl * credit;
        mr += wr * credit;
        all += wl;
        if m.kind != super::lexicon::MatchKind::Synonym {
            lit += wl;
        }
        to_right[m.left] = Some(m.right);
        credit_of[m.left] = credit;
        if t.kind == TokenKind::Number || t.content {
            e.content += 1;
            if lws.claim[m.left] {
                e.claim += 1;
                if wl >= config.clause_min_word_weight {
                    let at = |w: &Weighed, x: usize| w.clause.get(x).copied().unwrap_or(0);
                    heavy.push((at(lws, m.left), at(rws, m.right)));
                }
            }
        }
    }
    // Longest run of matches in the same order on both sides (left i, i+1, … to right j, j+1,
    // …, stepping over up to `phrase_max_gap` function words on either side) holding a claim.
    let gap = config.phrase_max_gap;
    let is_content = |w: &Weighed, x: usize| w.content.get(x).copied().unwrap_or(true);
    let mut i = 0;
    while i < to_right.len() {
        let Some(mut cj) = to_right[i] else {
            i += 1;
            continue;
        };
        let mut ci = i;
        let (mut content, mut claim, mut weight) = (0, 0, 0f32);
        loop {
            if is_content(lws, ci) {
                content += 1;
                // A synonym counts `synonym_credit` of an exact word here too.
                weight += lw.get(ci).copied().unwrap_or(0.0) * credit_of[ci];
                if lws.claim.get(ci).copied().unwrap_or(false) {
                    claim += 1;
                }
            }
            // The next match continuing the phrase, if any.
            let mut next = None;
            let end = (ci + 2 + gap).min(to_right.len());
            for (ni, &r) in to_right.iter().enumerate().take(end).skip(ci + 1) {
                if let Some(nj) = r {
                    if nj > cj && nj - cj - 1 <= gap && (cj + 1..nj).all(|x| !is_content(rws, x)) {
                        next = Some((ni, nj));
                        break;
                    }
                }
                if is_content(lws, ni) {
                    break;
                }
            }
            match next {
                Some((ni, nj)) => (ci, cj) = (ni, nj),
                None => break,
            }
        }
        if claim > 0 {
            e.phrase = e.phrase.max(content);
            e.phrase_weight = e.phrase_weight.max(weight);
        }
        i = ci + 1;
    }
    let (tl, tr) = (lws.total, rws.total);
    e.left_in_right = if tl > 0.0 { (ml / tl).min(1.0) } else { 0.0 };
    e.right_in_left = if tr > 0.0 { (mr / tr).min(1.0) } else { 0.0 };
    e.literal_share = if all > 0.0 { lit / all } else { 0.0 };
    let scope = |w: &Weighed, x: usize| w.in_negation.get(x).copied().unwrap_or(false);
    e.negation_mismatch = matches.iter().any(|m| scope(lws, m.left) != scope(rws, m.right));
    (e.clause_claims, e.clause_names) = clause_claims(&to_right, lws, rws, config);
    heavy.sort_unstable();
    e.heavy_claims = heavy.chunk_by(|a, b| a == b).map(<[_]>::len).max().unwrap_or(0);
    e
}

/// Claim words of the best shared clause, and the most names in a shared clause with a claim
/// word (see [`Evidence::clause_claims`]). `to_right[i]` is the right token matched to left
/// token `i`. O(m²) for m content matches.
fn clause_claims(
    to_right: &[Option<usize>],
    lws: &Weighed,
    rws: &Weighed,
    config: &AlignConfig,
) -> (usize, usize) {
    let is_content = |w: &Weighed, x: usize| w.content.get(x).copied().unwrap_or(false);
    let heavy_claim = |x: usize| {
        lws.claim.get(x).copied().unwrap_or(false)
            && lws.weights.get(x).copied().unwrap_or(0.0) >= config.clause_min_word_weight
    };
    // Content matches in left order: (left, right).
    let matches: Vec<(usize, usize)> = to_right
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|j| (i, j)))
        .filter(|&(i, j)| is_content(lws, i) && is_content(rws, j))
        .collect();
    let content_between = |w: &Weighed, a: usize, b: usize| w.content_between(a, b);
    let (mut best, mut best_names) = (0, 0);
    for start in 0..matches.len() {
        let (mut rlo, mut rhi) = (matches[start].1, matches[start].1);
        let (mut claims, mut names) = (0, 0);
        for (k, &(i, j)) in matches.iter().enumerate().skip(start) {
            rlo = rlo.min(j);
            rhi = rhi.max(j);
            let n = (k - start + 1) as f32;
            let dense = |spanned: usize| n >= config.clause_min_density * spanned as f32;
            if !dense(content_between(lws, matches[start].0, i)) || !dense(content_between(rws, rlo, rhi)) {
                break;
            }
            claims += usize::from(heavy_claim(i));
            names += usize::from(lws.name.get(i).copied().unwrap_or(false));
            best = best.max(claims);
            if claims > 0 {
                best_names = best_names.max(names);
            }
        }
    }
    (best, best_names)
}

/// Longest common subsequence of the folded words over the shorter side's length.
/// O(n·m) time, O(m) space; only computed for pairs already close enough to be `edited`.
fn in_order_share(a: &SentenceProfile, b: &SentenceProfile) -> f32 {
    let (x, y) = (&a.tokens, &b.tokens);
    let shorter = x.len().min(y.len());
    if shorter == 0 {
        return 0.0;
    }
    let mut row = vec![0usize; y.len() + 1];
    for t in x {
        let mut diag = 0;
        for (j, u) in y.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if t.norm == u.norm { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[y.len()] as f32 / shorter as f32
}

fn same_words(a: &SentenceProfile, b: &SentenceProfile) -> bool {
    !a.tokens.is_empty()
        && a.tokens.len() == b.tokens.len()
        && a.tokens.iter().zip(&b.tokens).all(|(x, y)| x.norm == y.norm)
}

/// The kind of link between two texts, or `None` when they do not correspond.
pub fn classify(
    e: &Evidence,
    left: &SentenceProfile,
    right: &SentenceProfile,
    config: &AlignConfig,
) -> Option<LinkKind> {
    if same_words(left, right) {
        return Some(LinkKind::Verbatim);
    }
    if e.claim < config.min_claim_words {
        return None;
    }
    let (lir, ril) = (e.left_in_right, e.right_in_left);
    let (lo, hi) = (lir.min(ril), lir.max(ril));
    let negation_ok = !e.negation_mismatch;
    if negation_ok
        && lo >= config.edited_min_containment
        && e.literal_share >= config.edited_min_literal_share
        && in_order_share(left, right) >= config.edited_min_in_order
    {
        return Some(LinkKind::Edited);
    }
    if negation_ok && lo >= config.paraphrase_min_containment && e.claim >= config.paraphrase_min_claim_words
    {
        return Some(LinkKind::Paraphrase);
    }
    let enough_claims = e.claim >= config.partial_min_claim_words
        || (e.claim >= 1
            && e.phrase >= config.partial_long_phrase
            && lo >= config.paraphrase_min_containment)
        || (e.claim >= 1
            && e.phrase >= config.partial_long_phrase
            && hi >= config.paraphrase_min_containment);
    if hi >= config.partial_min_containment
        && e.content >= config.partial_min_content_matches
        && e.phrase_weight >= config.partial_min_phrase_weight
        && enough_claims
        && (negation_ok || e.claim > config.partial_min_claim_words)
    {
        return Some(LinkKind::Partial);
    }
    if negation_ok && e.clause_claims >= config.clause_min_claim_words && hi >= config.clause_min_containment
    {
        return Some(LinkKind::Partial);
    }
    if negation_ok
        && e.heavy_claims >= config.spread_min_heavy_claims
        && hi >= config.partial_spread_min_containment
    {
        return Some(LinkKind::Partial);
    }
    if negation_ok && e.clause_names >= config.clause_min_names && lo >= config.partial_spread_min_containment
    {
        return Some(LinkKind::Partial);
    }
    if negation_ok
        && lo >= config.partial_spread_min_containment
        && e.claim >= config.partial_spread_min_claim_words
        && e.content >= config.partial_min_content_matches
    {
        return Some(LinkKind::Partial);
    }
    None
}

fn conflicts(matching: &Matching, left: &SentenceProfile, right: &SentenceProfile) -> Vec<Conflict> {
    matching
        .conflicts
        .iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (left.tokens.get(i)?, right.tokens.get(j)?);
            Some(Conflict {
                left: left.text.get(a.start..a.end)?.to_string(),
                right: right.text.get(b.start..b.end)?.to_string(),
            })
        })
        .collect()
}

/// How far a group ranks above the best single link of its parts in the greedy choice.
const RANK_STEP: f32 = 1e-3;

/// A scored candidate: global sentence indices, the comparison and the kind it would link as
/// on its own (classified once: the greedy choice and both group searches read it).
struct Scored {
    i: usize,
    j: usize,
    sim: Matching,
    ev: Evidence,
    kind: Option<LinkKind>,
}

/// The link score: the mean of the two weighted containments, in [0, 1].
fn link_score(e: &Evidence) -> f32 {
    (e.left_in_right + e.right_in_left) / 2.0
}

/// Profiles of split/merge groups (2–3 neighbouring sentences read as one text), by their
/// global sentence indices, with their alignment weights. A group depends only on its
/// sentences, so one cache serves every document pair of an analysis: the same two sentences
/// of a document are often the split side against several neighbours.
#[derive(Debug, Default)]
pub struct GroupProfiles {
    groups: HashMap<Vec<usize>, (SentenceProfile, Weighed)>,
}

impl GroupProfiles {
    pub fn new() -> Self {
        GroupProfiles::default()
    }

    /// The group of `members` (indices into `corpus`), profiled and weighed on first use.
    fn get(
        &mut self,
        lexicon: &Lexicon,
        corpus: &Corpus,
        members: &[usize],
        config: &AlignConfig,
    ) -> &(SentenceProfile, Weighed) {
        self.groups.entry(members.to_vec()).or_insert_with(|| {
            let p = &corpus.profiles;
            let text = members
                .iter()
                .filter_map(|&s| p.get(s))
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let group = SentenceProfile::new(lexicon, &text);
            let weighed = weigh(&group, &corpus.idf, config);
            (group, weighed)
        })
    }
}

/// Aligns documents `a` (left) and `b` (right) given candidate pairs; returns links in left order
/// and the number of sentence pairs scored.
pub fn align_pair(
    lexicon: &Lexicon,
    corpus: &Corpus,
    candidates: &[(usize, usize)],
    config: &AlignConfig,
) -> (Vec<LinkCore>, usize) {
    align_pair_with(lexicon, corpus, candidates, config, &mut GroupProfiles::new())
}

/// [`align_pair`] with a cache of group profiles shared across the document pairs of one
/// corpus (the same links; the cache must come from the same `corpus`).
pub fn align_pair_with(
    lexicon: &Lexicon,
    corpus: &Corpus,
    candidates: &[(usize, usize)],
    config: &AlignConfig,
    groups: &mut GroupProfiles,
) -> (Vec<LinkCore>, usize) {
    let p = &corpus.profiles;
    let scored: Vec<Scored> = candidates
        .iter()
        .filter(|&&(i, j)| i < p.len() && j < p.len() && corpus.may_link(i, j, config))
        .map(|&(i, j)| {
            let sim = match_tokens(lexicon, &p[i], &p[j]);
            let ev = evidence_weighed(&sim.matches, &p[i], &corpus.weighed[i], &corpus.weighed[j], config);
            let kind = classify(&ev, &p[i], &p[j], config);
            Scored { i, j, sim, ev, kind }
        })
        .collect();
    let mut scored_count = scored.len();

    // (rank, link): the rank orders the greedy choice; a single link ranks by its score.
    let mut proposals: Vec<(f32, LinkCore)> = Vec::new();
    for s in &scored {
        if let Some(kind) = s.kind {
            let score = if kind == LinkKind::Verbatim { 1.0 } else { link_score(&s.ev) };
            proposals.push((
                score,
                LinkCore {
                    left: vec![s.i],
                    right: vec![s.j],
                    kind,
                    score,
                    left_in_right: s.ev.left_in_right,
                    right_in_left: s.ev.right_in_left,
                    conflicts: conflicts(&s.sim, &p[s.i], &p[s.j]),
                },
            ));
        }
    }
    // Splits (one left, several right) and merges (several left, one right).
    for split in [true, false] {
        scored_count += propose_groups(lexicon, corpus, &scored, split, config, groups, &mut proposals);
    }

    // Global greedy choice: strongest first, each sentence once.
    proposals.sort_by(|(xr, x), (yr, y)| {
        yr.total_cmp(xr)
            .then(x.kind.cmp(&y.kind))
            .then((x.left.len() + x.right.len()).cmp(&(y.left.len() + y.right.len())))
            .then(x.left.cmp(&y.left))
            .then(x.right.cmp(&y.right))
    });
    let mut used: Vec<usize> = Vec::new();
    let mut chosen = Vec::new();
    for (_, prop) in proposals {
        if prop.left.iter().chain(&prop.right).any(|s| used.binary_search(s).is_ok()) {
            continue;
        }
        for &s in prop.left.iter().chain(&prop.right) {
            if let Err(at) = used.binary_search(&s) {
                used.insert(at, s);
            }
        }
        chosen.push(prop);
    }
    chosen.sort_by(|x, y| x.left.cmp(&y.left).then(x.right.cmp(&y.right)));
    (chosen, scored_count)
}

/// Proposes split (or merge) groups; returns the number of extra comparisons made.
fn propose_groups(
    lexicon: &Lexicon,
    corpus: &Corpus,
    scored: &[Scored],
    split: bool,
    config: &AlignConfig,
    groups: &mut GroupProfiles,
    out: &mut Vec<(f32, LinkCore)>,
) -> usize {
    let p = &corpus.profiles;
    // whole sentence → [(part sentence, how much of the whole the part covers)], for parts that
    // lie mostly inside the whole and share a claim with it.
    // Each part also keeps its own link score when it links alone (else -1).
    let mut parts: HashMap<usize, Vec<(usize, f32, f32)>> = HashMap::new();
    for s in scored {
        let (whole, part, part_in_whole, whole_in_part) = if split {
            (s.i, s.j, s.ev.right_in_left, s.ev.left_in_right)
        } else {
            (s.j, s.i, s.ev.left_in_right, s.ev.right_in_left)
        };
        // A part lies mostly inside the whole, or links to it by itself (one of its claims).
        let alone = s.kind.map_or(-1.0, |_| link_score(&s.ev));
        let inside = part_in_whole >= config.split_part_min_containment || alone >= 0.0;
        if inside && s.ev.claim >= config.partial_min_claim_words {
            parts.entry(whole).or_default().push((part, whole_in_part, alone));
        }
    }
    let mut wholes: Vec<usize> = parts.keys().copied().collect();
    wholes.sort_unstable();
    let mut compared = 0;
    for whole in wholes {
        let mut list = parts.remove(&whole).unwrap_or_default();
        if list.len() < 2 {
            continue;
        }
        list.sort_by_key(|x| x.0);
        for start in 0..list.len() {
            for len in 2..=config.split_max_parts.max(2) {
                let Some(window) = list.get(start..start + len) else { break };
                let adjacent = window.windows(2).all(|w| w[1].0 - w[0].0 <= config.split_max_distance.max(1));
                if !adjacent || corpus.doc_of[window[0].0] != corpus.doc_of[window[len - 1].0] {
                    break;
                }
                let members: Vec<usize> = window.iter().map(|x| x.0).collect();
                let (group, group_weighed) = groups.get(lexicon, corpus, &members, config);
                let whole_weighed = &corpus.weighed[whole];
                let ((l, lw), (r, rw)) = if split {
                    ((&*p[whole], whole_weighed), (group, group_weighed))
                } else {
                    ((group, group_weighed), (&*p[whole], whole_weighed))
                };
                let sim = match_tokens(lexicon, l, r);
                let ev = evidence_weighed(&sim.matches, l, lw, rw, config);
                compared += 1;
                // The union must cover clearly more of the whole than its best part alone: more
                // by `split_min_gain`, or half as much again for a long whole.
                let best = window.iter().map(|x| x.1).fold(0f32, f32::max);
                let covered = if split { ev.left_in_right } else { ev.right_in_left };
                if covered < best + config.split_min_gain.min(best * config.split_min_relative_gain) {
                    continue;
                }
                let Some(kind) = classify(&ev, l, r, config) else { continue };
                let (left, right) = if split { (vec![whole], members) } else { (members, vec![whole]) };
                // A group that explains clearly more of the whole is chosen before its parts'
                // own links, even when adding a less contained part lowers its mean score.
                let parts_best = window.iter().map(|x| x.2).fold(-1f32, f32::max);
                let score = link_score(&ev);
                let rank = score.max(parts_best + RANK_STEP);
                out.push((
                    rank,
                    LinkCore {
                        left,
                        right,
                        kind,
                        score,
                        left_in_right: ev.left_in_right,
                        right_in_left: ev.right_in_left,
                        conflicts: conflicts(&sim, l, r),
                    },
                ));
            }
        }
    }
    compared
}
