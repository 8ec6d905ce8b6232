//! The synthetic corpus's whole report, pinned by a digest: speed work on the pipeline (indexes,
//! caches, cheaper scans) must not change a single byte of it. Two sizes: 12 documents (every
//! pair aligned) and 50 (each document with its nearest neighbours).
//!
//! The snapshot holds the counts (readable when they move) and an FNV-1a digest of the report's
//! JSON. A deliberate change of the engine's results updates it like any other golden.

use wirediff::engine::report::Report;
use wirediff::engine::synth::{corpus, SynthConfig};
use wirediff::engine::{analyze, Config, Workspace};

fn fnv(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn summary(r: &Report) -> String {
    let json = serde_json::to_string(r).expect("a report serializes");
    let s = &r.stats;
    format!(
        "documents {}, sentences {}, pairs {}, scored {}, links {}\n\
         passages {}, quotes {}, facts {}, divergences {}, hints {}, credits {}\n\
         json bytes {}, fnv {:016x}\n",
        s.documents,
        s.sentences,
        s.pairs_compared,
        s.sentence_pairs_scored,
        s.links,
        r.passages.len(),
        r.quotes.len(),
        r.facts.items.len(),
        r.facts.divergences.len(),
        r.derivation.hints.len(),
        r.derivation.credits.len(),
        json.len(),
        fnv(json.as_bytes()),
    )
}

#[test]
fn synthetic_12_report_digest() {
    let inputs = corpus(&SynthConfig { documents: 12, ..SynthConfig::default() });
    insta::assert_snapshot!("synth_12", summary(&analyze(&inputs, &Config::default())));
}

#[test]
fn synthetic_50_report_digest() {
    let inputs = corpus(&SynthConfig { documents: 50, ..SynthConfig::default() });
    let report = analyze(&inputs, &Config::default());
    insta::assert_snapshot!("synth_50", summary(&report));
    // A workspace that saw the first 49 documents gives the same report for all 50.
    let mut ws = Workspace::new();
    ws.analyze(&inputs[..49], &Config::default());
    assert_eq!(ws.analyze(&inputs, &Config::default()), report);
}
