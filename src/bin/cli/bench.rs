//! `wirediff bench seeds|scale`: timing of the whole report (build with `--profile bench-native`).
//!
//! - `bench seeds [RUNS]`: the five seeds' full report, median and best of RUNS (default 200).
//! - `bench scale [N...]`: synthetic corpora of N documents × ~40 sentences (default 25 50 100
//!   200), one timed run each, each size in a child process of its own (`bench scale --one N`)
//!   whose peak resident memory (`VmHWM`: lexicon, corpus text, report) is its row's `RSS MB`.

use std::time::Instant;

use wirediff::engine::synth::{corpus, SynthConfig};
use wirediff::engine::{analyze, analyze_observed, Config, Input, Report, STAGES};
use wirediff::seeds::SEEDS;

pub const USAGE: &str = "wirediff bench <seeds [RUNS] | scale [N...]>";

pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("seeds") | Some("report") => seeds(parse_or(args.get(1), 200)?),
        Some("scale") if args.get(1).map(String::as_str) == Some("--one") => {
            scale_one(parse_or(args.get(2), 25)?)
        }
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

/// This thread's on-CPU time so far in ms (Linux `schedstat`), which unlike wall time does not
/// grow when other processes share the cores.
fn cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

/// One timed run: the report, wall ms, on-CPU ms, and each stage's on-CPU ms (wall ms where
/// `schedstat` is missing).
struct Timed {
    report: Report,
    wall: f64,
    cpu: f64,
    stages: Vec<f64>,
}

fn timed(inputs: &[Input], config: &Config) -> Timed {
    let clock = || cpu_ms().unwrap_or_else(|| START.with(|s| s.elapsed().as_secs_f64() * 1e3));
    let start = Instant::now();
    let cpu0 = clock();
    let mut last = cpu0;
    let mut stages = Vec::with_capacity(STAGES.len());
    let report = analyze_observed(inputs, config, &mut |_| {
        let now = clock();
        stages.push(now - last);
        last = now;
    });
    Timed { report, wall: start.elapsed().as_secs_f64() * 1e3, cpu: clock() - cpu0, stages }
}

thread_local! {
    static START: Instant = Instant::now();
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn seeds(runs: usize) -> Result<(), String> {
    let inputs: Vec<Input> =
        SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect();
    let config = Config::default();
    let warm = analyze(&inputs, &config);
    let runs: Vec<Timed> = (0..runs.max(1)).map(|_| timed(&inputs, &config)).collect();
    let s = &warm.stats;
    println!(
        "seeds: {} documents, {} sentences, {} pairs, {} sentence pairs scored, {} links",
        s.documents, s.sentences, s.pairs_compared, s.sentence_pairs_scored, s.links
    );
    let walls: Vec<f64> = runs.iter().map(|r| r.wall).collect();
    let cpus: Vec<f64> = runs.iter().map(|r| r.cpu).collect();
    let best = walls.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "full report: median {:.3} ms on-CPU, median {:.3} ms wall, best {:.3} ms wall, over {} runs",
        median(cpus),
        median(walls.clone()),
        best,
        walls.len()
    );
    let per_stage: Vec<String> = (0..STAGES.len())
        .map(|k| {
            format!(
                "{} {:.2}",
                STAGES[k],
                median(runs.iter().map(|r| r.stages.get(k).copied().unwrap_or(0.0)).collect())
            )
        })
        .collect();
    println!("median on-CPU ms per stage: {}", per_stage.join(", "));
    Ok(())
}

fn scale(sizes: &[usize]) -> Result<(), String> {
    println!(
        "{:>5} {:>9} {:>6} {:>8} {:>7} {:>8} {:>8} {:>11} {:>7}  on-CPU ms per stage ({})",
        "docs",
        "sentences",
        "pairs",
        "scored",
        "links",
        "cpu ms",
        "wall ms",
        "µs/sentence",
        "RSS MB",
        STAGES.join(", ")
    );
    // Each size runs in a child process of its own, so that its peak memory is its own.
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for &n in sizes {
        let out = std::process::Command::new(&exe)
            .args(["bench", "scale", "--one", &n.to_string()])
            .output()
            .map_err(|e| format!("{}: {e}", exe.display()))?;
        if !out.status.success() {
            return Err(format!("bench scale {n}: {}", String::from_utf8_lossy(&out.stderr)));
        }
        print!("{}", String::from_utf8_lossy(&out.stdout));
    }
    Ok(())
}

/// One size of `bench scale`, in this process: its row of the table.
fn scale_one(n: usize) -> Result<(), String> {
    let config = Config::default();
    {
        let inputs = corpus(&SynthConfig { documents: n, ..SynthConfig::default() });
        let t = timed(&inputs, &config);
        let s = &t.report.stats;
        let stages: Vec<String> = t.stages.iter().map(|x| format!("{x:.0}")).collect();
        println!(
            "{:>5} {:>9} {:>6} {:>8} {:>7} {:>8.0} {:>8.0} {:>11.1} {:>7}  {}",
            n,
            s.sentences,
            s.pairs_compared,
            s.sentence_pairs_scored,
            s.links,
            t.cpu,
            t.wall,
            t.cpu * 1e3 / s.sentences.max(1) as f64,
            peak_rss_mb().map_or("?".to_string(), |m| format!("{m:.0}")),
            stages.join(" / ")
        );
        std::hint::black_box(t.report);
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
