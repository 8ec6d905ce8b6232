//! `wirediff bench seeds|scale`: timing of the whole report (build with `--profile bench-native`).
//!
//! - `bench seeds [RUNS]`: the five seeds' full report, median and best of RUNS (default 200).
//! - `bench scale [N...]`: synthetic corpora of N documents × ~40 sentences (default 25 50 100
//!   200), one timed run each after a warm-up, with the process's peak resident memory.

use std::time::Instant;

use wirediff::engine::synth::{corpus, SynthConfig};
use wirediff::engine::{analyze, Config, Input};
use wirediff::seeds::SEEDS;

pub const USAGE: &str = "wirediff bench <seeds [RUNS] | scale [N...]>";

pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("seeds") | Some("report") => seeds(parse_or(args.get(1), 200)?),
        Some("scale") => {
            let sizes = if args.len() > 1 {
                args[1..].iter().map(|a| parse_or(Some(a), 0)).collect::<Result<Vec<_>, _>>()?
            } else {
                vec![25, 50, 100, 200]
            };
            scale(&sizes)
        }
        _ => Err(format!("usage: {USAGE}")),
    }
}

fn parse_or(arg: Option<&String>, default: usize) -> Result<usize, String> {
    match arg {
        None => Ok(default),
        Some(a) => a.parse().map_err(|_| format!("not a number: {a}; usage: {USAGE}")),
    }
}

fn seeds(runs: usize) -> Result<(), String> {
    let inputs: Vec<Input> =
        SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect();
    let config = Config::default();
    let warm = analyze(&inputs, &config);
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            let r = analyze(&inputs, &config);
            let dt = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(r);
            dt
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let s = &warm.stats;
    println!(
        "seeds: {} documents, {} sentences, {} pairs, {} sentence pairs scored, {} links",
        s.documents, s.sentences, s.pairs_compared, s.sentence_pairs_scored, s.links
    );
    println!(
        "full report: median {:.3} ms, best {:.3} ms over {} runs",
        times[times.len() / 2],
        times[0],
        times.len()
    );
    Ok(())
}

fn scale(sizes: &[usize]) -> Result<(), String> {
    let config = Config::default();
    println!(
        "{:>6} {:>9} {:>7} {:>10} {:>8} {:>10} {:>12} {:>12}",
        "docs", "sentences", "pairs", "scored", "links", "ms", "µs/sentence", "peak RSS MB"
    );
    for &n in sizes {
        let inputs = corpus(&SynthConfig { documents: n, ..SynthConfig::default() });
        let t = Instant::now();
        let report = analyze(&inputs, &config);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let s = &report.stats;
        println!(
            "{:>6} {:>9} {:>7} {:>10} {:>8} {:>10.1} {:>12.1} {:>12}",
            n,
            s.sentences,
            s.pairs_compared,
            s.sentence_pairs_scored,
            s.links,
            ms,
            ms * 1e3 / s.sentences.max(1) as f64,
            peak_rss_mb().map_or("?".to_string(), |m| format!("{m:.0}"))
        );
        std::hint::black_box(report);
    }
    Ok(())
}

/// The process's peak resident set size so far (Linux `VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
