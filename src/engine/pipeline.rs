//! `analyze`: the one entry point, running every stage in order and assembling the [`Report`].
//!
//! Cost: dominated by alignment. For the five seeds (~95 sentences) it is a few milliseconds;
//! for N documents it aligns O(N) document pairs above
//! [`ReportConfig::all_pairs_max_documents`](super::ReportConfig), each from one global index.

use std::sync::Arc;

use super::align::{self, Corpus, LinkCore};
use super::credits::{credits, DocCredits};
use super::diff::diff_link;
use super::document::title_with;
use super::facts::{extract_facts, facts, Fact, Facts, SentenceKey};
use super::lexicon::Lexicon;
use super::passages::{self, Edge};
use super::quotes::{quotes, DocSentences, Quote, SentenceText};
use super::report::{
    Carrier, Derivation, Document, Link, Pair, Passage, Report, Sentence, Shares, SourceHint, Stats,
    SCHEMA_VERSION,
};
use super::{clean, segment_with, Config, Input, SentenceProfile};

/// One document after cleaning and segmentation.
#[derive(Debug, Clone)]
pub(super) struct Prepared {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) removed: Vec<super::RemovedLine>,
    /// Lines the user restored, with the reason the cleaner had removed them for.
    pub(super) restored: Vec<super::RemovedLine>,
    /// (paragraph, start, end, text) per sentence.
    pub(super) sentences: Vec<(usize, usize, usize, String)>,
}

/// Ids must be unique for sentence ids to be; repeated names get a `~2`, `~3` suffix.
pub(super) fn unique_ids(inputs: &[Input]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for input in inputs {
        let mut id = input.id.clone();
        let mut k = 2;
        while seen.contains(&id) {
            id = format!("{}~{k}", input.id);
            k += 1;
        }
        seen.push(id);
    }
    seen
}

pub(super) fn prepare(id: String, input: &Input, config: &Config) -> Prepared {
    let restored = config.report.restored.iter().filter(|(doc, _)| *doc == input.id).map(|&(_, line)| line);
    let mut restored_lines = Vec::new();
    let cleaned = if config.report.restored.iter().any(|(doc, _)| *doc == input.id) {
        let mut clean_config = config.clean.clone();
        clean_config.keep_lines.extend(restored);
        // What the cleaner would remove without the user's choice: the reasons to show.
        let lines = &clean_config.keep_lines;
        restored_lines = clean(&input.text, &config.clean)
            .removed
            .into_iter()
            .filter(|r| lines.contains(&r.line) && !config.clean.keep_lines.contains(&r.line))
            .collect();
        clean(&input.text, &clean_config)
    } else {
        clean(&input.text, &config.clean)
    };
    let sentences = segment_with(&cleaned.text, &config.segment)
        .sentences
        .into_iter()
        .filter_map(|s| {
            let text = cleaned.text.get(s.start..s.end)?;
            Some((s.paragraph, s.start, s.end, text.to_string()))
        })
        .collect();
    Prepared {
        id,
        title: title_with(&cleaned.text, &config.title, |line| {
            super::segment::segment(line).first().copied()
        }),
        removed: cleaned.removed,
        restored: restored_lines,
        sentences,
    }
}

/// Runs the whole pipeline on `inputs` (in the given order) and returns the report.
/// Deterministic: the same inputs and config give the same report. Never panics.
pub fn analyze(inputs: &[Input], config: &Config) -> Report {
    analyze_observed(inputs, config, &mut |_| {})
}

/// The pipeline's stages, reported to [`analyze_observed`]'s observer as each one ends.
pub const STAGES: [&str; 7] =
    ["clean+segment", "profiles+index", "align", "cluster+diff", "passages", "quotes", "facts+credits"];

/// [`analyze`], calling `on_stage` with each name of [`STAGES`] as that stage ends (the
/// benchmark times them; the engine itself never reads a clock, which would panic on wasm).
pub fn analyze_observed(inputs: &[Input], config: &Config, on_stage: &mut dyn FnMut(&'static str)) -> Report {
    let lexicon = Lexicon::shared();
    let ids = unique_ids(inputs);
    let prepared: Vec<Prepared> =
        ids.into_iter().zip(inputs).map(|(id, input)| prepare(id, input, config)).collect();
    on_stage(STAGES[0]);
    let profiles: Vec<Vec<Arc<SentenceProfile>>> = prepared.iter().map(|d| profile(lexicon, d)).collect();
    let mut ended = 1;
    run(prepared, profiles, config, &mut |p: Progress| {
        while ended < p.stage.min(STAGES.len()) {
            on_stage(STAGES[ended]);
            ended += 1;
        }
    })
}

/// How far an analysis has got, reported while it runs (the web worker forwards it to the page).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Progress {
    /// Index in [`STAGES`] of the stage under way; `STAGES.len()` once the report is complete.
    pub stage: usize,
    /// Units done out of `total` within the stage: documents prepared, document pairs aligned
    /// (both 0 for stages reported only as they end).
    pub done: usize,
    pub total: usize,
    /// Documents in the analysis and sentences found so far.
    pub documents: usize,
    pub sentences: usize,
}

/// Profiles every sentence of one prepared document.
pub(super) fn profile(lexicon: &Lexicon, doc: &Prepared) -> Vec<Arc<SentenceProfile>> {
    doc.sentences.iter().map(|s| Arc::new(SentenceProfile::new(lexicon, &s.3))).collect()
}

/// Everything after preparation: `profiles[d]` holds the profiles of `prepared[d]`'s sentences,
/// however they were obtained (fresh, or from a [`super::Workspace`]'s cache).
pub(super) fn run(
    prepared: Vec<Prepared>,
    profiles: Vec<Vec<Arc<SentenceProfile>>>,
    config: &Config,
    on_progress: &mut dyn FnMut(Progress),
) -> Report {
    let lexicon = Lexicon::shared();
    let documents_total = prepared.len();
    let sentences_total: usize = prepared.iter().map(|d| d.sentences.len()).sum();
    let mut report_stage = |stage: usize, done: usize, total: usize| {
        on_progress(Progress { stage, done, total, documents: documents_total, sentences: sentences_total })
    };
    report_stage(1, 0, 0);
    let corpus = Corpus::from_profiles(profiles, &config.align);
    report_stage(2, 0, 0);
    let sid = |s: usize| -> String {
        let d = corpus.doc_of[s];
        sentence_id(&prepared[d].id, s - corpus.docs[d].start)
    };

    // Alignment, pair by pair, from the one global index.
    let doc_pairs =
        align::document_pairs(&corpus, config.report.all_pairs_max_documents, config.report.neighbours);
    let mut stats = Stats { documents: prepared.len(), sentences: corpus.len(), ..Stats::default() };
    let mut pair_links: Vec<((usize, usize), Vec<LinkCore>)> = Vec::with_capacity(doc_pairs.len());
    let every = (doc_pairs.len() / 50).max(1);
    let mut groups = align::GroupProfiles::new();
    for (k, &(a, b)) in doc_pairs.iter().enumerate() {
        if k % every == 0 {
            report_stage(2, k, doc_pairs.len());
        }
        let candidates = corpus.candidates(a, b, &config.align);
        let (links, scored) =
            align::align_pair_with(lexicon, &corpus, &candidates, &config.align, &mut groups);
        stats.sentence_pairs_scored += scored;
        stats.links += links.len();
        pair_links.push(((a, b), links));
    }
    stats.pairs_compared = pair_links.len();
    report_stage(3, 0, 0);

    // Passages over all links.
    // A split or merge over adjacent sentences is one unit of content; one whose parts stand
    // apart carries a claim per part (001's Witkoff-and-Donbas sentence is 003's territory
    // sentence and, three sentences on, its Witkoff sentence), so each part links on its own,
    // with its share of the score (clustering takes strong links first).
    let adjacent = |v: &[usize]| v.windows(2).all(|w| w[1] == w[0] + 1);
    let edges: Vec<Edge> = pair_links
        .iter()
        .flat_map(|(_, links)| links.iter())
        .flat_map(|l| {
            let (one, parts) = if l.left.len() == 1 { (&l.left, &l.right) } else { (&l.right, &l.left) };
            let whole = |sentences: Vec<usize>| Edge { sentences, kind: l.kind, score: l.score };
            if adjacent(parts) || one.len() != 1 {
                vec![whole(l.left.iter().chain(&l.right).copied().collect())]
            } else {
                let share = l.score / parts.len().max(1) as f32;
                parts
                    .iter()
                    .map(|&p| Edge { sentences: vec![one[0], p], kind: l.kind, score: share })
                    .collect()
            }
        })
        .collect();
    let compared = passages::Compared::only(prepared.len(), pair_links.iter().map(|(pair, _)| *pair));
    let clusters = passages::cluster(&corpus.doc_of, &edges, &compared, &config.passages);
    let mut passage_of: Vec<Option<usize>> = vec![None; corpus.len()];
    for (k, c) in clusters.iter().enumerate() {
        for &s in &c.sentences {
            passage_of[s] = Some(k);
        }
    }
    let mut linked = vec![false; corpus.len()];
    let mut verbatim = vec![false; corpus.len()];
    for e in &edges {
        for &s in &e.sentences {
            linked[s] = true;
            verbatim[s] |= e.kind == super::report::LinkKind::Verbatim;
        }
    }

    // Pairs with word diffs, and the containment matrix.
    let n = prepared.len();
    let mut matrix: Vec<Vec<Option<f32>>> = vec![vec![None; n]; n];
    let mut pairs = Vec::with_capacity(pair_links.len());
    let mut coverage = vec![0f32; corpus.len()];
    for ((a, b), links) in &pair_links {
        let (a, b) = (*a, *b);
        for s in corpus.docs[a].clone().chain(corpus.docs[b].clone()) {
            coverage[s] = 0.0;
        }
        for l in links {
            for &s in &l.left {
                coverage[s] = coverage[s].max(l.left_in_right);
            }
            for &s in &l.right {
                coverage[s] = coverage[s].max(l.right_in_left);
            }
        }
        let left_in_right = passages::containment(corpus.docs[a].clone(), &coverage, &corpus.weights);
        let right_in_left = passages::containment(corpus.docs[b].clone(), &coverage, &corpus.weights);
        matrix[a][b] = Some(left_in_right);
        matrix[b][a] = Some(right_in_left);
        let mut in_link = vec![false; corpus.len()];
        let out_links: Vec<Link> = links
            .iter()
            .map(|l| {
                for &s in l.left.iter().chain(&l.right) {
                    in_link[s] = true;
                }
                let lp: Vec<&SentenceProfile> = l.left.iter().map(|&s| &*corpus.profiles[s]).collect();
                let rp: Vec<&SentenceProfile> = l.right.iter().map(|&s| &*corpus.profiles[s]).collect();
                let d = diff_link(lexicon, &lp, &rp, &config.diff);
                Link {
                    left: l.left.iter().map(|&s| sid(s)).collect(),
                    right: l.right.iter().map(|&s| sid(s)).collect(),
                    kind: l.kind,
                    score: round3(l.score),
                    left_in_right: round3(l.left_in_right),
                    right_in_left: round3(l.right_in_left),
                    conflicts: l.conflicts.clone(),
                    diff: d.ops,
                    summary: d.summary,
                }
            })
            .collect();
        pairs.push(Pair {
            left: prepared[a].id.clone(),
            right: prepared[b].id.clone(),
            left_in_right: round3(left_in_right),
            right_in_left: round3(right_in_left),
            links: out_links,
            left_unique: corpus.docs[a].clone().filter(|&s| !in_link[s]).map(sid).collect(),
            right_unique: corpus.docs[b].clone().filter(|&s| !in_link[s]).map(sid).collect(),
        });
    }

    report_stage(4, 0, 0);
    let passages_out: Vec<Passage> = clusters
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut carriers: Vec<Carrier> = Vec::new();
            for &s in &c.sentences {
                let d = corpus.doc_of[s];
                let text = &corpus.profiles[s].text;
                match carriers.last_mut() {
                    Some(last) if last.document == prepared[d].id => {
                        last.sentences.push(sid(s));
                        last.text.push(' ');
                        last.text.push_str(text);
                    }
                    _ => carriers.push(Carrier {
                        document: prepared[d].id.clone(),
                        sentences: vec![sid(s)],
                        text: text.clone(),
                    }),
                }
            }
            Passage {
                id: format!("p{k}"),
                documents: carriers.iter().map(|c| c.document.clone()).collect(),
                carriers,
                kind: c.kind,
            }
        })
        .collect();

    // Quotes, facts and credits see the documents as sentence lists with ids.
    let sentence_ids: Vec<Vec<String>> = corpus.docs.iter().map(|r| r.clone().map(sid).collect()).collect();
    let sentence_texts = sentence_texts(&prepared, &sentence_ids);
    let doc_views = doc_views(&prepared, &sentence_texts);
    report_stage(5, 0, 0);
    let quotes_out =
        if config.report.quotes_and_facts { quotes(&doc_views, &config.quotes) } else { Vec::new() };
    report_stage(6, 0, 0);
    let passage_keys: Vec<Vec<SentenceKey>> = clusters
        .iter()
        .map(|c| c.sentences.iter().map(|&s| (prepared[corpus.doc_of[s]].id.clone(), sid(s))).collect())
        .collect();
    let facts_out = if config.report.quotes_and_facts {
        facts(&doc_views, &passage_keys, &config.facts)
    } else {
        Facts::default()
    };
    let doc_credits: Vec<DocCredits> = credits(&doc_views, &config.credits);

    let documents: Vec<Document> = prepared
        .iter()
        .enumerate()
        .map(|(d, p)| Document {
            id: p.id.clone(),
            title: p.title.clone(),
            outlet: doc_credits.get(d).and_then(|c| c.outlet.outlet.clone()),
            outlet_guess: doc_credits.get(d).map(|c| c.outlet.clone()),
            sentences: p
                .sentences
                .iter()
                .enumerate()
                .map(|(k, (paragraph, start, end, text))| {
                    let s = corpus.docs[d].start + k;
                    Sentence {
                        id: sid(s),
                        paragraph: *paragraph,
                        start: *start,
                        end: *end,
                        text: text.clone(),
                        passage: passage_of[s].map(|c| format!("p{c}")),
                    }
                })
                .collect(),
            removed: p.removed.clone(),
            restored: p.restored.clone(),
            unique: corpus.docs[d].clone().filter(|&s| !linked[s]).map(sid).collect(),
            shares: corpus.docs[d].clone().fold(Shares::default(), |mut sh, s| {
                match (linked[s], verbatim[s]) {
                    (false, _) => sh.unique += 1,
                    (true, true) => sh.verbatim += 1,
                    (true, false) => sh.reworded += 1,
                }
                sh
            }),
        })
        .collect();

    let mut hints = Vec::new();
    for a in 0..n {
        for b in 0..n {
            let (Some(a_in_b), Some(b_in_a)) = (matrix[a][b], matrix[b][a]) else { continue };
            if a == b || !passages::is_likely_source(a_in_b, b_in_a, &config.passages) {
                continue;
            }
            let (da, db) = (&prepared[a].id, &prepared[b].id);
            let mut evidence = vec![format!(
                "{:.0}% of {da} is found in {db}, but only {:.0}% of {db} in {da}; \
                 {da} may draw on {db}, or both on a common source",
                a_in_b * 100.0,
                b_in_a * 100.0,
            )];
            // A credit line naming the source's outlet backs the hint.
            if let Some(outlet) = documents.get(b).and_then(|d| d.outlet.as_ref()) {
                for c in doc_credits.get(a).map_or(&[][..], |c| &c.credits[..]) {
                    if &c.outlet == outlet {
                        evidence.push(format!("{da} credits {outlet}, the outlet of {db}: “{}”", c.phrase));
                    }
                }
            }
            hints.push(SourceHint {
                derived: da.clone(),
                source: db.clone(),
                derived_in_source: round3(a_in_b),
                source_in_derived: round3(b_in_a),
                evidence,
            });
        }
    }
    report_stage(7, 0, 0);
    let containment = matrix.iter().map(|row| row.iter().map(|c| c.map(round3)).collect()).collect();

    Report {
        version: SCHEMA_VERSION,
        documents,
        pairs,
        passages: passages_out,
        derivation: Derivation {
            containment,
            credits: doc_credits.into_iter().flat_map(|c| c.credits).collect(),
            hints,
        },
        quotes: quotes_out,
        facts: facts_out,
        stats,
    }
}

/// The report's id of the `k`-th sentence (from 0) of document `doc`: "001.txt#s4".
fn sentence_id(doc: &str, k: usize) -> String {
    format!("{doc}#s{k}")
}

/// Each prepared document's sentences as the extractors see them, with the ids `ids` gives.
fn sentence_texts<'a>(prepared: &'a [Prepared], ids: &'a [Vec<String>]) -> Vec<Vec<SentenceText<'a>>> {
    prepared
        .iter()
        .zip(ids)
        .map(|(p, ids)| {
            p.sentences
                .iter()
                .zip(ids)
                .map(|(s, id)| SentenceText { id, paragraph: s.0, text: &s.3 })
                .collect()
        })
        .collect()
}

/// The extractors' view of the prepared documents (see [`sentence_texts`]).
fn doc_views<'a>(prepared: &'a [Prepared], texts: &'a [Vec<SentenceText<'a>>]) -> Vec<DocSentences<'a>> {
    prepared
        .iter()
        .zip(texts)
        .map(|(p, st)| DocSentences { doc: &p.id, sentences: st, removed: &p.removed })
        .collect()
}

/// What a report's quotes and facts rest on that needs no alignment: every quotation, matched
/// across documents, and every figure of each document. With the report of
/// `ReportConfig { quotes_and_facts: false, .. }` and [`super::facts::divergences`] over that
/// report's passages, it makes the same report as one analysis (the web app runs the two
/// halves in two workers at once; see `ui::analysis`).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extracts {
    pub quotes: Vec<Quote>,
    /// The report's `facts.items`.
    pub facts: Vec<Fact>,
}

/// [`Extracts`] of prepared documents (cleaned and segmented; no profiles needed).
pub(super) fn extract(prepared: &[Prepared], config: &Config) -> Extracts {
    let ids: Vec<Vec<String>> =
        prepared.iter().map(|p| (0..p.sentences.len()).map(|k| sentence_id(&p.id, k)).collect()).collect();
    let texts = sentence_texts(prepared, &ids);
    let views = doc_views(prepared, &texts);
    Extracts {
        quotes: quotes(&views, &config.quotes),
        facts: views.iter().flat_map(|d| extract_facts(d, &config.facts)).collect(),
    }
}

/// Rounds to 3 decimals so reports and snapshots do not flicker in the last float digits.
fn round3(x: f32) -> f32 {
    if x.is_finite() {
        (x * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}
