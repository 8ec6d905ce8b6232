//! `wirediff bench text [COPIES]`: throughput of clean and segment on the five seeds repeated
//! COPIES times (default 200, about 3 MB) in one text. Build with `--profile bench-native`.

use std::time::Instant;

use wirediff::engine::{clean, segment, CleanConfig};
use wirediff::seeds::SEEDS;

pub fn run(args: &[String]) -> Result<(), String> {
    let copies = match args.first() {
        Some(a) => a.parse::<usize>().map_err(|_| format!("bench text: not a count: {a}"))?,
        None => 200,
    };
    let seeds: Vec<&str> = SEEDS.iter().map(|s| s.text).collect();
    let text = vec![seeds.join("\n\n"); copies].join("\n\n");
    let mb = |bytes: usize, secs: f64| bytes as f64 / secs.max(1e-9) / 1e6;
    let (mut clean_best, mut segment_best) = (f64::MAX, f64::MAX);
    let mut sentences = 0;
    let mut kept = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let cleaned = clean(&text, &CleanConfig::default());
        clean_best = clean_best.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        sentences = segment(&cleaned.text).len();
        segment_best = segment_best.min(t.elapsed().as_secs_f64());
        kept = cleaned.text.len();
    }
    println!("text {} bytes ({copies} copies of the seeds), best of 5", text.len());
    println!("clean   {:8.2} ms  {:6.1} MB/s", clean_best * 1e3, mb(text.len(), clean_best));
    println!(
        "segment {:8.2} ms  {:6.1} MB/s  {sentences} sentences",
        segment_best * 1e3,
        mb(kept, segment_best)
    );
    Ok(())
}
