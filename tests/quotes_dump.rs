//! Prints every quote, fact and credit the seeds yield, for review:
//! `cargo test --test quotes_dump -- --ignored --nocapture`.

mod seed_docs;
use wirediff::engine::{analyze, credits, facts, quotes, Config, Input};

#[test]
#[ignore]
fn dump() {
    let inputs: Vec<Input> = wirediff::seeds::SEEDS
        .iter()
        .map(|s| Input { id: s.name[..3].to_string(), text: s.text.to_string() })
        .collect();
    let report = analyze(&inputs, &Config::default());
    let sv = quotes::sentence_views(&report.documents);
    let ds = quotes::doc_views(&report.documents, &sv);
    let ds = &ds[..];
    for d in ds {
        for v in quotes::extract_quotes(d, &Default::default()) {
            println!(
                "{} {} {:?} [{:?}/{:?}] frag={} unclosed={} :: {}",
                v.doc,
                v.sentence,
                v.speaker,
                v.speaker_as_written,
                v.speaker_source,
                v.fragment,
                v.unclosed,
                v.text
            );
        }
    }
    println!("=== groups");
    for q in quotes::quotes(ds, &Default::default()) {
        if q.variants.len() > 1 {
            println!("{:?} {:?}", q.status, q.speaker);
            for v in &q.variants {
                println!("   {} quoted={} {}", v.doc, v.quoted, v.text);
            }
            println!("   diff {:?}", q.diff.iter().filter(|o| o.op != "equal").collect::<Vec<_>>());
        }
    }
    println!("=== facts");
    let keys = facts::passage_keys(&report.passages);
    let f = facts::facts(ds, &keys, &Default::default());
    for x in &f.items {
        if x.kind != facts::FactKind::Entity {
            println!(
                "{} {} {:?} {:?} {:?} q={:?} '{}'",
                x.doc, x.sentence, x.kind, x.value, x.unit, x.qualifier, x.text
            );
        }
    }
    for d in &f.divergences {
        println!("DIV {:?} {:?} {}", d.kind, d.passage, d.note);
    }
    println!("=== credits");
    for c in credits::credits(ds, &Default::default()) {
        for x in &c.credits {
            println!(
                "{} {:?} {} '{}' {:?} {:?}",
                x.doc, x.kind, x.outlet, x.phrase, x.sentence, x.removed_line
            );
        }
        println!("{} OUTLET {:?} -- {}", c.doc, c.outlet.outlet, c.outlet.note);
    }
    println!("=== passages");
    for p in &report.passages {
        println!(
            "{} {:?}",
            p.id,
            p.carriers
                .iter()
                .map(|c| (c.document.clone(), c.text.chars().take(70).collect::<String>()))
                .collect::<Vec<_>>()
        );
    }
}

/// Times the quotes, facts and credits stages on the synthetic corpus, on top of a full
/// `analyze` (which already runs them): `cargo test --profile bench-native --test quotes_dump
/// -- --ignored --nocapture scale`.
#[test]
#[ignore]
fn scale() {
    use std::time::Instant;
    use wirediff::engine::synth::{corpus, SynthConfig};
    for n in [25, 50, 100, 200] {
        let inputs = corpus(&SynthConfig { documents: n, ..SynthConfig::default() });
        let t = Instant::now();
        let report = analyze(&inputs, &Config::default());
        let full = t.elapsed().as_secs_f64() * 1e3;
        let sv = quotes::sentence_views(&report.documents);
        let ds = quotes::doc_views(&report.documents, &sv);
        let keys = facts::passage_keys(&report.passages);
        let t = Instant::now();
        let q = quotes::quotes(&ds, &Default::default());
        let tq = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let f = facts::facts(&ds, &keys, &Default::default());
        let tf = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let c = credits::credits(&ds, &Default::default());
        let tc = t.elapsed().as_secs_f64() * 1e3;
        let sentences: usize = report.documents.iter().map(|d| d.sentences.len()).sum();
        println!(
            "{n:>4} docs {sentences:>6} sentences: analyze {full:>8.1} ms | quotes {tq:>7.1} ms ({} groups) | facts {tf:>7.1} ms ({} facts, {} divergences) | credits {tc:>6.1} ms ({})",
            q.len(),
            f.items.len(),
            f.divergences.len(),
            c.len()
        );
    }
}
