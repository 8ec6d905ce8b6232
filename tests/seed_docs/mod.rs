//! Builds the extractors' input from raw text the way the pipeline does: clean, then one
//! paragraph per non-blank line, each segmented into sentences with ids `p{para}s{n}`.
#![allow(dead_code)]

use wirediff::engine::clean::{clean, CleanConfig, RemovedLine};
use wirediff::engine::quotes::{DocSentences, SentenceText};
use wirediff::engine::segment::segment;

pub struct OwnedDoc {
    pub id: String,
    /// (id, paragraph, text)
    pub sentences: Vec<(String, usize, String)>,
    pub removed: Vec<RemovedLine>,
}

pub fn owned(id: &str, raw: &str) -> OwnedDoc {
    let cleaned = clean(raw, &CleanConfig::default());
    let mut sentences = Vec::new();
    let mut n = 0;
    for (p, line) in cleaned.text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        for span in segment(line) {
            sentences.push((format!("s{n}"), p, line[span.start..span.end].to_string()));
            n += 1;
        }
    }
    OwnedDoc { id: id.to_string(), sentences, removed: cleaned.removed }
}

pub fn view(d: &OwnedDoc) -> Vec<SentenceText<'_>> {
    d.sentences.iter().map(|(id, p, t)| SentenceText { id, paragraph: *p, text: t }).collect()
}

/// Runs `f` on the borrowed views of `docs`.
pub fn with_docs<R>(docs: &[OwnedDoc], f: impl FnOnce(&[DocSentences]) -> R) -> R {
    let views: Vec<Vec<SentenceText>> = docs.iter().map(view).collect();
    let ds: Vec<DocSentences> = docs
        .iter()
        .zip(&views)
        .map(|(d, v)| DocSentences { doc: &d.id, sentences: v, removed: &d.removed })
        .collect();
    f(&ds)
}

pub fn seeds() -> Vec<OwnedDoc> {
    wirediff::seeds::SEEDS.iter().map(|s| owned(&s.name[..3], s.text)).collect()
}
