//! Sentence alignment between documents: candidate index, global link choice, link kinds.
//!
//! Worked example (seeds 000 and 003). The agency rewrite splits a claim over two sentences and
//! moves it; the other outlet merges it with a second claim:
//!
//! ```text
//! 000 s9 : Furthermore, it would involve scaling back a portion of U.S. military aid.
//! 003 s11: The plan calls for reducing US military aid to Kiev and reducing the use of various
//!          types of weapons by Ukrainian forces.
//! ```
//! A sequence aligner (diff over sentences) misses it: 000 puts it tenth, 003 twelfth, with
//! other material between. Here every sentence is indexed by its content keys (stems, spelling
//! variants, numbers); "military" and "aid" are rare enough to be kept, so the pair becomes a
//! candidate, is scored by [`similarity::compare`](super::similarity::compare), and is kept as a
//! `partial` link because 000's sentence is mostly contained in 003's and they share at least two
//! claim words (not just names). Names alone never make a link: "President Vladimir Putin has
//! not publicly endorsed the plan" and "Russian President Vladimir Putin has designated the
//! capture of the Donbas …" share three names and no claim.
//!
//! Steps, for one document pair:
//! 1. **Candidates** from one global inverted index (key → sentences), built once for all N
//!    documents. Keys in more than [`AlignConfig::max_key_share`] of all sentences are dropped
//!    ("said", "Ukraine" in a Ukraine story). A pair is a candidate when it shares one kept key.
//!    [`brute_force_candidates`] is the reference the tests compare against.
//! 2. **Scoring and kinds**: each candidate is compared and classified ([`classify`]).
//! 3. **Splits and merges**: runs of 2–3 adjacent sentences on one side, each mostly contained
//!    in one sentence on the other side, are compared as one text; the group is proposed when it
//!    scores clearly above its best member.
//! 4. **Global choice**: proposals are taken greedily by score, each sentence at most once; a
//!    group claims all its sentences. Everything left is `unique`.
//!
//! Cost: building the index is O(total tokens). A pair costs O(s · k · log p) to gather
//! candidates (s sentences, k keys per sentence, p postings per key) plus one comparison per
//! candidate; the greedy choice is O(c log c) for c candidates.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::{Lexicon, Token, TokenKind};
use super::report::{Conflict, LinkKind};
use super::similarity::{compare, Idf, SentenceProfile, Similarity};

/// Every threshold of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignConfig {
    /// Keys present in more than this share of all sentences are not used for candidates.
    pub max_key_share: f32,
    /// ... but only once they are in more than this many sentences (small inputs keep all keys).
    pub min_key_count_to_drop: usize,
    /// At most this many candidates per left sentence and document pair (best shared-key counts).
    pub max_candidates_per_sentence: usize,
    /// `edited`: score at least this …
    pub edited_min_score: f32,
    /// … and at least this share of the matched weight is exact/inflection/variant (not synonym).
    pub edited_min_literal_share: f32,
    /// `paraphrase`: score at least this …
    pub paraphrase_min_score: f32,
    /// … and each side at least this much contained in the other.
    pub paraphrase_min_containment: f32,
    /// `partial`: one side at least this much contained in the other …
    pub partial_min_containment: f32,
    /// … sharing at least this many claim words (content words that are not names) …
    pub partial_min_claim_words: usize,
    /// … and at least this many content words in all.
    pub partial_min_content_matches: usize,
    /// Any link needs at least this many claim words (names alone never link).
    pub min_claim_words: usize,
    /// Split/merge: each part must be at least this much contained in the whole.
    pub split_part_min_containment: f32,
    /// Split/merge: the group must score at least this much above its best single part.
    pub split_min_gain: f32,
    /// Split/merge: at most this many sentences on the split side.
    pub split_max_parts: usize,
}

impl Default for AlignConfig {
    fn default() -> Self {
        AlignConfig {
            max_key_share: 0.2,
            min_key_count_to_drop: 32,
            max_candidates_per_sentence: 64,
            edited_min_score: 0.8,
            edited_min_literal_share: 0.85,
            paraphrase_min_score: 0.5,
            paraphrase_min_containment: 0.45,
            partial_min_containment: 0.55,
            partial_min_claim_words: 2,
            partial_min_content_matches: 3,
            min_claim_words: 1,
            split_part_min_containment: 0.5,
            split_min_gain: 0.08,
            split_max_parts: 3,
        }
    }
}

/// All sentences of all documents, prepared once: profiles, keys and weights.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub profiles: Vec<SentenceProfile>,
    /// Global sentence index range of each document.
    pub docs: Vec<Range<usize>>,
    /// Document of each sentence.
    pub doc_of: Vec<usize>,
    /// Sorted, deduplicated index keys of each sentence (frequent keys removed).
    pub keys: Vec<Vec<u64>>,
    /// Content weight of each sentence (sum of its token weights).
    pub weights: Vec<f32>,
    pub idf: Idf,
    /// key → sentences carrying it, in increasing sentence order.
    postings: HashMap<u64, Vec<u32>>,
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

fn hash_str(tag: u8, s: &str) -> u64 {
    // FNV-1a: deterministic across runs and platforms (std's hasher is seeded per process).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ tag as u64;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The index keys of one token: its stem and spelling-variant key for content words, its value
/// for numbers; nothing for function words.
pub fn token_keys(token: &Token, out: &mut Vec<u64>) {
    if token.kind == TokenKind::Number {
        if let Some(v) = token.value {
            out.push(hash_str(b'n', &format!("{v}")));
        }
        return;
    }
    if !token.content {
        return;
    }
    out.push(hash_str(b's', &token.stem));
    if token.variant != token.stem {
        out.push(hash_str(b'v', &token.variant));
    }
}

impl Corpus {
    /// Profiles every sentence, computes weights and builds the one global key index.
    pub fn new(lexicon: &Lexicon, documents: &[Vec<String>], config: &AlignConfig) -> Corpus {
        let mut profiles = Vec::new();
        let mut docs = Vec::new();
        let mut doc_of = Vec::new();
        for (d, sentences) in documents.iter().enumerate() {
            let start = profiles.len();
            for s in sentences {
                profiles.push(SentenceProfile::new(lexicon, s));
                doc_of.push(d);
            }
            docs.push(start..profiles.len());
        }
        let idf = Idf::from_profiles(profiles.iter());
        let weights = profiles.iter().map(|p| p.tokens.iter().map(|t| idf.weight(t)).sum()).collect();
        let mut keys: Vec<Vec<u64>> = profiles
            .iter()
            .map(|p| {
                let mut k = Vec::new();
                for t in &p.tokens {
                    token_keys(t, &mut k);
                }
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        for (s, ks) in keys.iter().enumerate() {
            for &k in ks {
                postings.entry(k).or_default().push(s as u32);
            }
        }
        let limit = (config.max_key_share * profiles.len() as f32) as usize;
        let limit = limit.max(config.min_key_count_to_drop);
        postings.retain(|_, p| p.len() <= limit);
        for ks in &mut keys {
            ks.retain(|k| postings.contains_key(k));
        }
        Corpus { profiles, docs, doc_of, keys, weights, idf, postings }
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
        let mut touched = Vec::new();
        for i in ra.clone() {
            for k in &self.keys[i] {
                let Some(p) = self.postings.get(k) else { continue };
                let lo = p.partition_point(|&s| (s as usize) < rb.start);
                for &s in &p[lo..] {
                    let s = s as usize;
                    if s >= rb.end {
                        break;
                    }
                    if counts[s - rb.start] == 0 {
                        touched.push(s);
                    }
                    counts[s - rb.start] += 1;
                }
            }
            if touched.len() > config.max_candidates_per_sentence {
                // Keep the best shared-key counts; ties by position for determinism.
                touched.sort_by(|x, y| counts[y - rb.start].cmp(&counts[x - rb.start]).then(x.cmp(y)));
                touched.truncate(config.max_candidates_per_sentence);
            }
            touched.sort_unstable();
            for &j in &touched {
                out.push((i, j));
            }
            touched.clear();
            counts.iter_mut().for_each(|c| *c = 0);
        }
        out
    }

    /// Content-overlap weight between two documents from the index, for picking neighbours.
    fn neighbour_weights(&self, a: usize) -> Vec<f32> {
        let mut w = vec![0f32; self.docs.len()];
        for i in self.docs[a].clone() {
            for k in &self.keys[i] {
                if let Some(p) = self.postings.get(k) {
                    for &s in p {
                        w[self.doc_of[s as usize]] += 1.0;
                    }
                }
            }
        }
        let size = |d: usize| self.docs[d].clone().map(|s| self.keys[s].len()).sum::<usize>().max(1) as f32;
        let sa = size(a);
        for (d, x) in w.iter_mut().enumerate() {
            *x /= (sa * size(d)).sqrt();
        }
        w[a] = 0.0;
        w
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
    for a in 0..n {
        let w = corpus.neighbour_weights(a);
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
    /// Whether sentences `i` and `j` share a kept index key (the precondition of any link).
    pub fn shares_key(&self, i: usize, j: usize) -> bool {
        let (Some(a), Some(b)) = (self.keys.get(i), self.keys.get(j)) else { return false };
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// Counts of what two sentences share, for the kind decision.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shared {
    /// Matched content words and numbers.
    pub content: usize,
    /// Matched content words that are not capitalised (claims, not names), plus numbers.
    pub claim: usize,
    /// Share of the matched weight that is literal (exact, inflection, variant, number).
    pub literal_share: f32,
}

fn shared(sim: &Similarity, left: &SentenceProfile, idf: &Idf) -> Shared {
    let mut s = Shared::default();
    let (mut lit, mut all) = (0f32, 0f32);
    for m in &sim.matches {
        let Some(t) = left.tokens.get(m.left) else { continue };
        let w = idf.weight(t);
        all += w;
        if m.kind != super::lexicon::MatchKind::Synonym {
            lit += w;
        }
        if t.kind == TokenKind::Number {
            s.content += 1;
            s.claim += 1;
        } else if t.content {
            s.content += 1;
            if !t.capitalized {
                s.claim += 1;
            }
        }
    }
    s.literal_share = if all > 0.0 { lit / all } else { 0.0 };
    s
}

fn same_words(a: &SentenceProfile, b: &SentenceProfile) -> bool {
    !a.tokens.is_empty()
        && a.tokens.len() == b.tokens.len()
        && a.tokens.iter().zip(&b.tokens).all(|(x, y)| x.norm == y.norm)
}

/// The kind of link between two texts, or `None` when they do not correspond.
pub fn classify(
    sim: &Similarity,
    left: &SentenceProfile,
    right: &SentenceProfile,
    idf: &Idf,
    config: &AlignConfig,
) -> Option<LinkKind> {
    if same_words(left, right) {
        return Some(LinkKind::Verbatim);
    }
    let sh = shared(sim, left, idf);
    if sh.claim < config.min_claim_words {
        return None;
    }
    let (lir, ril) = (sim.left_in_right, sim.right_in_left);
    if sim.score >= config.edited_min_score && sh.literal_share >= config.edited_min_literal_share {
        return Some(LinkKind::Edited);
    }
    if sim.score >= config.paraphrase_min_score && lir.min(ril) >= config.paraphrase_min_containment {
        return Some(LinkKind::Paraphrase);
    }
    if lir.max(ril) >= config.partial_min_containment
        && sh.claim >= config.partial_min_claim_words
        && sh.content >= config.partial_min_content_matches
    {
        return Some(LinkKind::Partial);
    }
    None
}

fn conflicts(sim: &Similarity, left: &SentenceProfile, right: &SentenceProfile) -> Vec<Conflict> {
    sim.conflicts
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

/// A scored candidate: global sentence indices and the comparison.
struct Scored {
    i: usize,
    j: usize,
    sim: Similarity,
}

/// Aligns documents `a` (left) and `b` (right) given candidate pairs; returns links in left order
/// and the number of sentence pairs scored.
pub fn align_pair(
    lexicon: &Lexicon,
    corpus: &Corpus,
    candidates: &[(usize, usize)],
    config: &AlignConfig,
) -> (Vec<LinkCore>, usize) {
    let p = &corpus.profiles;
    let scored: Vec<Scored> = candidates
        .iter()
        .filter(|&&(i, j)| i < p.len() && j < p.len() && corpus.shares_key(i, j))
        .map(|&(i, j)| Scored { i, j, sim: compare(lexicon, &p[i], &p[j], &corpus.idf) })
        .collect();
    let mut scored_count = scored.len();

    let mut proposals: Vec<LinkCore> = Vec::new();
    for s in &scored {
        if let Some(kind) = classify(&s.sim, &p[s.i], &p[s.j], &corpus.idf, config) {
            proposals.push(LinkCore {
                left: vec![s.i],
                right: vec![s.j],
                kind,
                score: if kind == LinkKind::Verbatim { 1.0 } else { s.sim.score },
                left_in_right: s.sim.left_in_right,
                right_in_left: s.sim.right_in_left,
                conflicts: conflicts(&s.sim, &p[s.i], &p[s.j]),
            });
        }
    }
    // Splits (one left, several right) and merges (several left, one right).
    for split in [true, false] {
        scored_count += propose_groups(lexicon, corpus, &scored, split, config, &mut proposals);
    }

    // Global greedy choice: strongest first, each sentence once.
    proposals.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.kind.cmp(&y.kind))
            .then((x.left.len() + x.right.len()).cmp(&(y.left.len() + y.right.len())))
            .then(x.left.cmp(&y.left))
            .then(x.right.cmp(&y.right))
    });
    let mut used: HashMap<usize, ()> = HashMap::new();
    let mut chosen = Vec::new();
    for prop in proposals {
        if prop.left.iter().chain(&prop.right).any(|s| used.contains_key(s)) {
            continue;
        }
        for &s in prop.left.iter().chain(&prop.right) {
            used.insert(s, ());
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
    out: &mut Vec<LinkCore>,
) -> usize {
    let p = &corpus.profiles;
    // whole sentence → [(part sentence, part's score)] where the part is mostly inside the whole.
    let mut parts: HashMap<usize, Vec<(usize, f32)>> = HashMap::new();
    for s in scored {
        let (whole, part, contained) =
            if split { (s.i, s.j, s.sim.right_in_left) } else { (s.j, s.i, s.sim.left_in_right) };
        if contained >= config.split_part_min_containment {
            parts.entry(whole).or_default().push((part, s.sim.score));
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
                let adjacent = window.windows(2).all(|w| w[1].0 == w[0].0 + 1);
                if !adjacent || corpus.doc_of[window[0].0] != corpus.doc_of[window[len - 1].0] {
                    break;
                }
                let text = window.iter().map(|x| p[x.0].text.as_str()).collect::<Vec<_>>().join(" ");
                let group = SentenceProfile::new(lexicon, &text);
                let (l, r) = if split { (&p[whole], &group) } else { (&group, &p[whole]) };
                let sim = compare(lexicon, l, r, &corpus.idf);
                compared += 1;
                let best = window.iter().map(|x| x.1).fold(0f32, f32::max);
                if sim.score < best + config.split_min_gain {
                    continue;
                }
                let Some(kind) = classify(&sim, l, r, &corpus.idf, config) else { continue };
                let members: Vec<usize> = window.iter().map(|x| x.0).collect();
                let (left, right) = if split { (vec![whole], members) } else { (members, vec![whole]) };
                out.push(LinkCore {
                    left,
                    right,
                    kind,
                    score: sim.score,
                    left_in_right: sim.left_in_right,
                    right_in_left: sim.right_in_left,
                    conflicts: conflicts(&sim, l, r),
                });
            }
        }
    }
    compared
}
