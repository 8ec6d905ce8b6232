//! A [`Workspace`] keeps each document's preparation (cleaning, sentences, title) and its
//! sentence profiles (tokens, stems, synonym classes, keys) between analyses, so adding or
//! removing one article to a library of 200 prepares one document, not 201.
//!
//! A worked example: a researcher has analysed the five seeds and drops in a sixth article,
//! the wire copy from AP ("KYIV, Ukraine (AP) — Ukraine's leader faces the prospect …").
//!
//! ```text
//! before: analyze(6 inputs)           cleans, segments and profiles 6 documents
//! after:  workspace.analyze(6 inputs) finds 5 in its cache (same text, same restored lines,
//!                                     same cleaning and segmentation config) and prepares 1
//! ```
//!
//! The report is the same as [`super::analyze`]'s: only the per-document work is cached; the
//! cross-document stages (the key index and IDF, alignment, passages, quotes, facts) depend on
//! the whole library and always run. Alignment results are not cached per document pair
//! either: the IDF weights and the index's kept keys are corpus-wide, so adding one document
//! changes the weights of every pair, and a cached pair could differ from a fresh analysis.
//! Cost: one FNV hash of each input text per analysis, plus cloning the cached sentences into
//! the corpus, which is several times cheaper than cleaning them again; the profiles are
//! shared with the corpus (`Arc`), not copied. Memory: the cache holds the documents of the
//! last two analyses (so removing a document and adding it back costs nothing).

use std::collections::HashMap;
use std::sync::Arc;

use super::lexicon::Lexicon;
use super::pipeline::{extract, prepare, profile, run, unique_ids, Extracts, Prepared, Progress};
use super::report::Report;
use super::similarity::hash_str;
use super::{CleanConfig, Config, Input, SegmentConfig, SentenceProfile};

/// The configuration a document's preparation depends on; a change empties the cache.
#[derive(Debug, Clone, PartialEq)]
struct PrepKey {
    clean: CleanConfig,
    segment: SegmentConfig,
    title: super::document::TitleConfig,
}

impl PrepKey {
    fn of(config: &Config) -> Self {
        PrepKey { clean: config.clean.clone(), segment: config.segment.clone(), title: config.title.clone() }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    text: String,
    /// The lines the user restored in this document (they change its cleaning).
    restored: Vec<usize>,
    prepared: Prepared,
    /// Its sentences' profiles, once an analysis has needed them ([`Workspace::extract`] does not).
    profiles: Option<Vec<Arc<SentenceProfile>>>,
    /// The analysis (generation) that last used the entry.
    used: u64,
}

/// What a caller of [`Workspace::prepare_all`] needs of each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Cleaned and segmented.
    Sentences,
    /// Also its sentences profiled.
    Profiles,
}

/// A cache of prepared documents, used across analyses (the web worker keeps one).
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    key: Option<PrepKey>,
    entries: HashMap<u64, Vec<Entry>>,
    generation: u64,
    preparations: usize,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace::default()
    }

    /// The same report as [`super::analyze`]`(inputs, config)`, reusing cached documents.
    pub fn analyze(&mut self, inputs: &[Input], config: &Config) -> Report {
        self.analyze_observed(inputs, config, &mut |_| {})
    }

    /// [`Workspace::analyze`], reporting [`Progress`] as it goes: per document while preparing,
    /// then per stage (and per document pair while aligning).
    pub fn analyze_observed(
        &mut self,
        inputs: &[Input],
        config: &Config,
        on_progress: &mut dyn FnMut(Progress),
    ) -> Report {
        let (prepared, profiles) = self.prepare_all(inputs, config, Need::Profiles, on_progress);
        let sentences = prepared.iter().map(|d| d.sentences.len()).sum();
        on_progress(Progress { stage: 1, done: 0, total: 0, documents: inputs.len(), sentences });
        run(prepared, profiles, config, on_progress)
    }

    /// The quotes and facts' figures of `inputs`, as [`Workspace::analyze`] would find them,
    /// without aligning anything (and without profiling sentences it has not profiled yet).
    pub fn extract(&mut self, inputs: &[Input], config: &Config) -> Extracts {
        let (prepared, _) = self.prepare_all(inputs, config, Need::Sentences, &mut |_| {});
        extract(&prepared, config)
    }

    /// Each input prepared, from the cache or afresh, with its sentences' profiles when `need`
    /// asks for them (else empty lists); evicts what neither this call nor the previous used.
    fn prepare_all(
        &mut self,
        inputs: &[Input],
        config: &Config,
        need: Need,
        on_progress: &mut dyn FnMut(Progress),
    ) -> (Vec<Prepared>, Vec<Vec<Arc<SentenceProfile>>>) {
        let key = PrepKey::of(config);
        if self.key.as_ref() != Some(&key) {
            self.entries.clear();
            self.key = Some(key);
        }
        self.generation += 1;
        let lexicon = Lexicon::shared();
        let ids = unique_ids(inputs);
        let total = inputs.len();
        let every = (total / 50).max(1);
        let mut sentences = 0;
        let mut prepared = Vec::with_capacity(total);
        let mut profiles = Vec::with_capacity(total);
        for (k, (id, input)) in ids.into_iter().zip(inputs).enumerate() {
            if k % every == 0 {
                on_progress(Progress { stage: 0, done: k, total, documents: total, sentences });
            }
            let restored: Vec<usize> = config
                .report
                .restored
                .iter()
                .filter(|(doc, _)| *doc == input.id)
                .map(|&(_, line)| line)
                .collect();
            let hash = restored.iter().fold(hash_str(&input.text), |h, &line| {
                (h ^ line as u64).wrapping_mul(0x0000_0100_0000_01b3)
            });
            let bucket = self.entries.entry(hash).or_default();
            let at = bucket.iter().position(|e| e.text == input.text && e.restored == restored);
            let entry = match at {
                Some(at) => &mut bucket[at],
                None => {
                    self.preparations += 1;
                    bucket.push(Entry {
                        text: input.text.clone(),
                        restored,
                        prepared: prepare(id.clone(), input, config),
                        profiles: None,
                        used: 0,
                    });
                    bucket.last_mut().expect("just pushed")
                }
            };
            entry.used = self.generation;
            if need == Need::Profiles {
                let doc_profiles = entry.profiles.get_or_insert_with(|| profile(lexicon, &entry.prepared));
                profiles.push(doc_profiles.clone());
            } else {
                profiles.push(Vec::new());
            }
            let mut doc = entry.prepared.clone();
            doc.id = id;
            sentences += doc.sentences.len();
            prepared.push(doc);
        }
        // Keep what this call and the previous one used.
        let generation = self.generation;
        for bucket in self.entries.values_mut() {
            bucket.retain(|e| e.used + 1 >= generation);
        }
        self.entries.retain(|_, bucket| !bucket.is_empty());
        (prepared, profiles)
    }

    /// How many documents this workspace has cleaned, segmented and profiled so far.
    pub fn preparations(&self) -> usize {
        self.preparations
    }

    /// How many prepared documents the cache holds now.
    pub fn cached(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyze, analyze_observed, synth, STAGES};
    use crate::seeds::SEEDS;

    fn seeds() -> Vec<Input> {
        SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect()
    }

    #[test]
    fn adding_and_removing_a_document_prepares_only_the_new_one() {
        let all = seeds();
        let config = Config::default();
        let mut ws = Workspace::new();
        let four = ws.analyze(&all[..4], &config);
        assert_eq!(four, analyze(&all[..4], &config));
        assert_eq!(ws.preparations(), 4);

        // Adding one document prepares one.
        let five = ws.analyze(&all, &config);
        assert_eq!(ws.preparations(), 5);
        assert_eq!(five, analyze(&all, &config));

        // Removing one prepares none; the result equals a fresh analysis.
        let without: Vec<Input> = all.iter().filter(|d| d.id != all[1].id).cloned().collect();
        let removed = ws.analyze(&without, &config);
        assert_eq!(ws.preparations(), 5);
        assert_eq!(removed, analyze(&without, &config));

        // Adding it back (it was used two analyses ago, so still cached) prepares none.
        assert_eq!(ws.analyze(&all, &config), five);
        assert_eq!(ws.preparations(), 5);
    }

    #[test]
    fn the_report_without_quotes_and_facts_and_the_extracts_make_the_whole_report() {
        use crate::engine::facts::{divergences, passage_keys};
        let synthetic = synth::corpus(&synth::SynthConfig { documents: 12, ..synth::SynthConfig::default() });
        let mut restoring = Config::default();
        restoring.report.restored = vec![(SEEDS[0].name.to_string(), 1)];
        for (inputs, config) in
            [(seeds(), Config::default()), (seeds(), restoring), (synthetic, Config::default())]
        {
            let whole = analyze(&inputs, &config);
            assert!(!whole.quotes.is_empty() && !whole.facts.items.is_empty());
            let mut ws = Workspace::new();
            let extracts = ws.extract(&inputs, &config);
            assert_eq!(ws.preparations(), inputs.len());
            let mut without = config.clone();
            without.report.quotes_and_facts = false;
            let mut report = ws.analyze(&inputs, &without);
            assert_eq!(ws.preparations(), inputs.len(), "the analysis reuses what the extraction prepared");
            assert!(
                report.quotes.is_empty()
                    && report.facts.items.is_empty()
                    && report.facts.divergences.is_empty()
            );
            let keys = passage_keys(&report.passages);
            report.facts.divergences =
                divergences(&extracts.facts, &keys, report.documents.len(), &config.facts);
            report.facts.items = extracts.facts;
            report.quotes = extracts.quotes;
            assert_eq!(report, whole);
        }
    }

    #[test]
    fn a_larger_library_reuses_every_unchanged_document() {
        let inputs = synth::corpus(&synth::SynthConfig { documents: 30, ..synth::SynthConfig::default() });
        let config = Config::default();
        let mut ws = Workspace::new();
        ws.analyze(&inputs[..29], &config);
        assert_eq!(ws.preparations(), 29);
        let report = ws.analyze(&inputs, &config);
        assert_eq!(ws.preparations(), 30, "adding 1 document to 29 prepares only 1");
        assert_eq!(report, analyze(&inputs, &config));
    }

    #[test]
    fn restored_lines_edited_text_and_new_config_are_prepared_again() {
        let all = seeds();
        let mut config = Config::default();
        let mut ws = Workspace::new();
        ws.analyze(&all, &config);
        assert_eq!(ws.preparations(), 5);

        // Restoring a line changes that one document's cleaning.
        config.report.restored = vec![(all[0].id.clone(), 1)];
        assert_eq!(ws.analyze(&all, &config), analyze(&all, &config));
        assert_eq!(ws.preparations(), 6);

        // Editing one text prepares that one.
        let mut edited = all.clone();
        edited[2].text.push_str("\n\nA new closing paragraph was added by the editor.");
        assert_eq!(ws.analyze(&edited, &config), analyze(&edited, &config));
        assert_eq!(ws.preparations(), 7);

        // A different cleaning configuration empties the cache.
        config.clean.keep_lines.push(3);
        assert_eq!(ws.analyze(&edited, &config), analyze(&edited, &config));
        assert_eq!(ws.preparations(), 12);
    }

    #[test]
    fn duplicate_documents_get_unique_ids_from_the_cache_too() {
        let all = seeds();
        let twice = vec![all[0].clone(), all[0].clone(), all[1].clone()];
        let config = Config::default();
        let mut ws = Workspace::new();
        assert_eq!(ws.analyze(&twice, &config), analyze(&twice, &config));
        assert_eq!(ws.preparations(), 2, "the same text under the same id is prepared once");
        assert_eq!(ws.cached(), 2);
    }

    #[test]
    fn progress_walks_through_every_stage_in_order() {
        let all = seeds();
        let mut seen: Vec<Progress> = Vec::new();
        Workspace::new().analyze_observed(&all, &Config::default(), &mut |p| seen.push(p));
        assert!(seen.windows(2).all(|w| w[0].stage <= w[1].stage), "{seen:?}");
        assert_eq!(seen.first().map(|p| p.stage), Some(0));
        assert_eq!(seen.last().map(|p| p.stage), Some(STAGES.len()));
        for stage in 0..=STAGES.len() {
            assert!(seen.iter().any(|p| p.stage == stage), "stage {stage} not reported: {seen:?}");
        }
        let last = seen.last().copied().unwrap_or_default();
        assert_eq!(last.documents, 5);
        assert!(last.sentences > 50, "{last:?}");

        // The stage-name observer still sees every stage once, in order.
        let mut names = Vec::new();
        analyze_observed(&all, &Config::default(), &mut |s| names.push(s));
        assert_eq!(names, STAGES);
    }

    #[test]
    fn empty_input_is_fine() {
        let mut ws = Workspace::new();
        assert_eq!(ws.analyze(&[], &Config::default()), analyze(&[], &Config::default()));
        assert_eq!(ws.preparations(), 0);
    }
}
