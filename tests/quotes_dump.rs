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
    {
        let inputs: Vec<Input> = wirediff::seeds::SEEDS
            .iter()
            .map(|s| Input { id: s.name.to_string(), text: s.text.to_string() })
            .collect();
        let report = analyze(&inputs, &Config::default());
        let sv = quotes::sentence_views(&report.documents);
        let ds = quotes::doc_views(&report.documents, &sv);
        let keys = facts::passage_keys(&report.passages);
        let mut times: Vec<f64> = (0..50)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(quotes::quotes(&ds, &Default::default()));
                std::hint::black_box(facts::facts(&ds, &keys, &Default::default()));
                std::hint::black_box(credits::credits(&ds, &Default::default()));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("seeds: quotes + facts + credits median {:.3} ms over 50 runs", times[25]);
        let time = |f: &dyn Fn()| {
            let t = Instant::now();
            for _ in 0..20 {
                f();
            }
            t.elapsed().as_secs_f64() * 1e3 / 20.0
        };
        println!(
            "seeds: quotes {:.3} ms, facts {:.3} ms, credits {:.3} ms",
            time(&|| drop(std::hint::black_box(quotes::quotes(&ds, &Default::default())))),
            time(&|| drop(std::hint::black_box(facts::facts(&ds, &keys, &Default::default())))),
            time(&|| drop(std::hint::black_box(credits::credits(&ds, &Default::default())))),
        );
    }
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

#[test]
#[ignore]
fn seeds_loop() {
    let inputs: Vec<Input> = wirediff::seeds::SEEDS
        .iter()
        .map(|s| Input { id: s.name.to_string(), text: s.text.to_string() })
        .collect();
    let report = analyze(&inputs, &Config::default());
    let sv = quotes::sentence_views(&report.documents);
    let ds = quotes::doc_views(&report.documents, &sv);
    let keys = facts::passage_keys(&report.passages);
    let which = std::env::var("WHICH").unwrap_or_default();
    drop(quotes::quotes(&ds, &Default::default()));
    let t = std::time::Instant::now();
    for _ in 0..200 {
        match which.as_str() {
            "facts" => drop(std::hint::black_box(facts::facts(&ds, &keys, &Default::default()))),
            "extract" => {
                for d in &ds {
                    drop(std::hint::black_box(quotes::extract_quotes(d, &Default::default())));
                }
            }
            "credits" => drop(std::hint::black_box(credits::credits(&ds, &Default::default()))),
            _ => drop(std::hint::black_box(quotes::quotes(&ds, &Default::default()))),
        }
    }
    println!("{which}: {:.3} ms per run", t.elapsed().as_secs_f64() * 1e3 / 200.0);
}
