//! Passages across N documents, containment between documents, and cautious source hints.
//!
//! Worked example (seeds): 000 "Ukrainian President Volodymyr Zelenskyy has consistently
//! rejected the notion of surrendering territory to Russia." is linked to 003 "However,
//! Ukrainian President Volodymyr Zelensky has been denying any such concessions …". If 003's
//! sentence is also linked to 004's, the three sentences form one passage carried by 000, 003
//! and 004, ordered where it first appears (000's twelfth sentence).
//!
//! Clustering is union-find over links, strongest first, with two guards against chains of
//! partial links gluing unrelated content together:
//! - **average link**: two clusters join only when at least [`PassageConfig::min_link_density`]
//!   of their pairs of (compared) documents are linked by some sentence pair. Seed 000's
//!   "Russia would assume command over the entirety of the eastern Donbas region" links to
//!   001's "The plan, devised by … Witkoff, … would see Kyiv surrendering the entirety of its
//!   Donbas region", which links to the Witkoff passage of four outlets; the Donbas sentence
//!   links to none of the others, so it stays out of that passage instead of being chained in
//!   (single-link clustering did);
//! - a union is refused when the merged cluster would hold more than
//!   [`PassageConfig::max_sentences_per_document`] sentences of one document.
//!
//! Containment of A in B is the content-weighted share of A's sentences covered by links to B
//! (a sentence counts with the link's containment of its side). A "likely source" hint is given
//! only when containment is clearly asymmetric; the wording stays cautious, because two outlets
//! rewriting one wire story look the same as one copying the other.
//!
//! Cost: O(L α(S)) for L links over S sentences for the unions, plus the average-link check:
//! each attempted union walks the links of the smaller cluster's sentences, O(L · c) for
//! clusters of at most c sentences; plus O(S log S) to order the passages.

use super::report::LinkKind;

/// Thresholds of passage clustering and derivation hints.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageConfig {
    /// A passage holds at most this many sentences of any one document.
    pub max_sentences_per_document: usize,
    /// Two clusters join only when at least this share of their pairs of different documents
    /// are linked by some sentence pair (average link; 0 gives single-link chaining).
    pub min_link_density: f32,
    /// Hint "B may draw on A" only when at least this share of B is found in A …
    pub hint_min_containment: f32,
    /// … and that exceeds the reverse share by at least this much.
    pub hint_min_asymmetry: f32,
}

impl Default for PassageConfig {
    fn default() -> Self {
        PassageConfig {
            max_sentences_per_document: 3,
            min_link_density: 0.5,
            hint_min_containment: 0.5,
            hint_min_asymmetry: 0.25,
        }
    }
}

/// A link as the clustering sees it: global sentence indices, kind and score.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub sentences: Vec<usize>,
    pub kind: LinkKind,
    pub score: f32,
}

/// One cluster: its sentences in global order and its strongest link kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub sentences: Vec<usize>,
    pub kind: LinkKind,
}

struct Sets {
    parent: Vec<usize>,
    /// Per root: (document, count) pairs.
    counts: Vec<Vec<(usize, usize)>>,
    kind: Vec<Option<LinkKind>>,
    /// Per root: the cluster's sentences.
    members: Vec<Vec<usize>>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

/// Which document pairs the aligner compared. A large library compares each document with its
/// nearest neighbours only; a sentence pair whose documents were never compared is unknown,
/// not unlinked, so the density guard leaves it out (else 17 copies of one story, each compared
/// with a few others, split into passages that each report the same figures again).
#[derive(Debug, Clone, PartialEq)]
pub enum Compared {
    /// Every pair of documents.
    All,
    /// These pairs only: a symmetric bit matrix over `documents` documents.
    Only { documents: usize, bits: Vec<u64> },
}

impl Compared {
    /// The pairs, in any order and orientation, of documents numbered below `documents`.
    pub fn only(documents: usize, pairs: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut bits = vec![0u64; (documents * documents).div_ceil(64)];
        for (a, b) in pairs.into_iter().filter(|&(a, b)| a < documents && b < documents) {
            for k in [a * documents + b, b * documents + a] {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        Compared::Only { documents, bits }
    }

    fn has(&self, a: usize, b: usize) -> bool {
        match self {
            Compared::All => true,
            Compared::Only { documents, bits } => {
                let k = a * documents + b;
                a < *documents && b < *documents && bits[k / 64] >> (k % 64) & 1 == 1
            }
        }
    }
}

/// Clusters the sentences connected by `edges` into passages (clusters of at least two documents).
/// `doc_of[s]` is the document of sentence `s`; clusters come back in global sentence order.
pub fn cluster(
    doc_of: &[usize],
    edges: &[Edge],
    compared: &Compared,
    config: &PassageConfig,
) -> Vec<Cluster> {
    let n = doc_of.len();
    let mut sets = Sets {
        parent: (0..n).collect(),
        counts: doc_of.iter().map(|&d| vec![(d, 1)]).collect(),
        kind: vec![None; n],
        members: (0..n).map(|s| vec![s]).collect(),
    };
    // Every linked sentence pair (a group link links each of its left to each of its right
    // sentences; the two sides are told apart by document).
    let mut linked: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges.iter().filter(|e| e.sentences.iter().all(|&s| s < n)) {
        for (k, &a) in e.sentences.iter().enumerate() {
            for &b in &e.sentences[k + 1..] {
                if doc_of[a] != doc_of[b] {
                    linked[a].push(b);
                    linked[b].push(a);
                }
            }
        }
    }
    for l in &mut linked {
        l.sort_unstable();
        l.dedup();
    }
    let mut order: Vec<&Edge> = edges.iter().filter(|e| e.sentences.iter().all(|&s| s < n)).collect();
    order.sort_by(|x, y| {
        x.kind.cmp(&y.kind).then(y.score.total_cmp(&x.score)).then(x.sentences.cmp(&y.sentences))
    });
    for e in order {
        let mut roots: Vec<usize> = e.sentences.iter().map(|&s| sets.find(s)).collect();
        roots.sort_unstable();
        roots.dedup();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for &r in &roots {
            for &(d, c) in &sets.counts[r] {
                match merged.iter_mut().find(|x| x.0 == d) {
                    Some(x) => x.1 += c,
                    None => merged.push((d, c)),
                }
            }
        }
        if merged.iter().any(|x| x.1 > config.max_sentences_per_document) {
            continue;
        }
        if roots.len() > 1
            && !dense_enough(&mut sets, &roots, &linked, doc_of, compared, config.min_link_density)
        {
            continue;
        }
        let root = roots[0];
        let mut kind = e.kind;
        for &r in &roots {
            if let Some(k) = sets.kind[r] {
                kind = kind.min(k);
            }
            sets.parent[r] = root;
            sets.counts[r] = Vec::new();
            if r != root {
                let moved = std::mem::take(&mut sets.members[r]);
                sets.members[root].extend(moved);
            }
        }
        sets.counts[root] = merged;
        sets.kind[root] = Some(kind);
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in 0..n {
        let r = sets.find(s);
        groups[r].push(s);
    }
    let mut out: Vec<Cluster> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| {
            let first = g.first().map(|&s| doc_of[s]);
            g.iter().any(|&s| Some(doc_of[s]) != first)
        })
        .map(|(r, g)| Cluster { kind: sets.kind[r].unwrap_or(LinkKind::Partial), sentences: g })
        .collect();
    // First appearance: the first sentence in global (document, position) order.
    out.sort_by_key(|c| c.sentences.first().copied());
    out
}

/// Whether the clusters `roots` are linked densely enough to join: of the pairs of compared
/// documents across the clusters, at least `min_density` must hold a link between them.
/// Counted by document pair, not sentence pair, so a sentence that carries two claims (000's
/// "… reduce military aid and cede territory") is not held out of a passage because another
/// outlet split those claims over two sentences with one merge link between them: counted by
/// sentence, the merge's second sentence was a miss, and whether 000 joined hung on the order
/// of two links whose scores differed by 0.001.
fn dense_enough(
    sets: &mut Sets,
    roots: &[usize],
    linked: &[Vec<usize>],
    doc_of: &[usize],
    compared: &Compared,
    min_density: f32,
) -> bool {
    let (mut pairs, mut links) = (0usize, 0usize);
    let mut linked_documents: Vec<(usize, usize)> = Vec::new();
    for (k, &a) in roots.iter().enumerate() {
        for &b in &roots[k + 1..] {
            let (small, large) = if sets.members[a].len() <= sets.members[b].len() { (a, b) } else { (b, a) };
            for &(d, _) in &sets.counts[small] {
                for &(e, _) in &sets.counts[large] {
                    if d != e && compared.has(d, e) {
                        pairs += 1;
                    }
                }
            }
            linked_documents.clear();
            let small_members = sets.members[small].clone();
            for &x in &small_members {
                for &y in &linked[x] {
                    if sets.find(y) == large {
                        linked_documents.push((doc_of[x], doc_of[y]));
                    }
                }
            }
            linked_documents.sort_unstable();
            linked_documents.dedup();
            links += linked_documents.len();
        }
    }
    pairs == 0 || links as f32 >= min_density * pairs as f32
}

/// Content-weighted share of a document's sentences covered by links: `coverage[s]` is how much
/// of sentence `s` the links found on the other side, `weights[s]` its content weight.
pub fn containment(sentences: impl IntoIterator<Item = usize>, coverage: &[f32], weights: &[f32]) -> f32 {
    let (mut covered, mut total) = (0f32, 0f32);
    for s in sentences {
        let w = weights.get(s).copied().unwrap_or(0.0);
        covered += w * coverage.get(s).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        total += w;
    }
    if total > 0.0 {
        covered / total
    } else {
        0.0
    }
}

/// Whether `derived` may draw on `source`, given `derived_in_source` and `source_in_derived`.
pub fn is_likely_source(derived_in_source: f32, source_in_derived: f32, config: &PassageConfig) -> bool {
    derived_in_source >= config.hint_min_containment
        && derived_in_source - source_in_derived >= config.hint_min_asymmetry
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(s: &[usize], kind: LinkKind, score: f32) -> Edge {
        Edge { sentences: s.to_vec(), kind, score }
    }

    #[test]
    fn chains_join_across_documents() {
        // docs: 0 = {0,1}, 1 = {2,3}, 2 = {4}
        let doc_of = [0, 0, 1, 1, 2];
        let edges = [edge(&[1, 3], LinkKind::Paraphrase, 0.7), edge(&[3, 4], LinkKind::Edited, 0.9)];
        let c = cluster(&doc_of, &edges, &Compared::All, &PassageConfig::default());
        assert_eq!(c, vec![Cluster { sentences: vec![1, 3, 4], kind: LinkKind::Edited }]);
    }

    #[test]
    fn over_merge_is_refused() {
        // One document's sentences would pile up through partial links.
        let doc_of = [0, 0, 0, 0, 1];
        let cfg = PassageConfig { max_sentences_per_document: 2, ..PassageConfig::default() };
        let edges = [
            edge(&[0, 4], LinkKind::Partial, 0.5),
            edge(&[1, 4], LinkKind::Partial, 0.4),
            edge(&[2, 4], LinkKind::Partial, 0.3),
        ];
        let c = cluster(&doc_of, &edges, &Compared::All, &cfg);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].sentences, vec![0, 1, 4]);
    }

    #[test]
    fn a_sentence_linked_to_one_member_only_is_not_chained_in() {
        // docs 0..4 carry one passage (sentences 0..4, densely linked); sentence 5 (doc 0)
        // links only to sentence 1 (doc 1), more weakly. (Unions are greedy, strongest link
        // first: a stronger stray link taken before the passage is dense can still join.)
        let doc_of = [0, 1, 2, 3, 4, 0];
        let mut edges = vec![];
        for (a, b) in [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3), (3, 4), (2, 4)] {
            edges.push(edge(&[a, b], LinkKind::Partial, 0.5));
        }
        edges.push(edge(&[5, 1], LinkKind::Partial, 0.3));
        let c = cluster(&doc_of, &edges, &Compared::All, &PassageConfig::default());
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].sentences, vec![0, 1, 2, 3, 4]);
        // Single-link clustering chains it in.
        let chained = cluster(
            &doc_of,
            &edges,
            &Compared::All,
            &PassageConfig { min_link_density: 0.0, ..PassageConfig::default() },
        );
        assert_eq!(chained[0].sentences, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn pairs_never_compared_do_not_count_against_a_passage() {
        // Six copies of one sentence; a large library compares each document with its
        // neighbours only (0-1, 1-2, …), and every compared pair is linked.
        let doc_of = [0, 1, 2, 3, 4, 5];
        let chain: Vec<(usize, usize)> = (0..5).map(|d| (d, d + 1)).collect();
        let edges: Vec<Edge> = chain.iter().map(|&(a, b)| edge(&[a, b], LinkKind::Verbatim, 1.0)).collect();
        let one = cluster(
            &doc_of,
            &edges,
            &Compared::only(6, chain.iter().map(|&(a, b)| (b, a))),
            &PassageConfig::default(),
        );
        assert_eq!(one, vec![Cluster { sentences: vec![0, 1, 2, 3, 4, 5], kind: LinkKind::Verbatim }]);
        // Counting the unknown pairs as unlinked splits the one passage.
        assert!(cluster(&doc_of, &edges, &Compared::All, &PassageConfig::default()).len() > 1);
    }

    #[test]
    fn containment_weights_by_content() {
        assert_eq!(containment([0, 1], &[1.0, 0.0], &[3.0, 1.0]), 0.75);
        assert_eq!(containment([], &[], &[]), 0.0);
    }

    #[test]
    fn hints_need_asymmetry() {
        let cfg = PassageConfig::default();
        assert!(is_likely_source(0.8, 0.3, &cfg));
        assert!(!is_likely_source(0.8, 0.7, &cfg));
        assert!(!is_likely_source(0.4, 0.0, &cfg));
    }
}
