//! The word-diff peer benchmark's native half (`make bench-peers` runs the whole comparison).
//!
//! - `bench pairs OUT.json`: writes the shared inputs, `{"sentences": [[left, right], …],
//!   "articles": [[left, right], …]}`. Sentence pairs are the texts of every link of the seeds'
//!   report plus every link of the 25-document synthetic corpus's report (both sides of a 1:n
//!   link joined with a space); article pairs are the 10 pairs of the five seeds and 24 pairs of
//!   consecutive synthetic documents, each article its kept sentences joined with a space.
//! - `bench diff FILE.json [--json]`: wirediff's labelled word diff ([`diff_texts`]: tokenize
//!   both texts, exact anchors, related-word LCS, moves, labels) over each set, timed by the
//!   protocol every runner of the comparison follows (`scripts/bench-peers.mjs`): one warm-up
//!   pass, then 5 rounds of whole passes lasting at least 0.4 s each; the median round's
//!   pairs per second is reported. When the warm-up pass alone takes over 0.8 s, one more
//!   pass is the measurement. `--once`: one pass over each set, untimed (for a profiler;
//!   `--passes N` makes it N passes, `--set sentences|articles` one set only);
//!   `--dump OUT.jsonl`: every pair's ops and summary, to compare the output across changes;
//!   `--cached-only`: only the shared lexicon, whose word cache is warm after the first pass.

use std::time::Instant;

use serde::{Deserialize, Serialize};
use wirediff::engine::diff::diff_texts;
use wirediff::engine::lexicon::LexiconConfig;
use wirediff::engine::synth::{corpus, SynthConfig};
use wirediff::engine::{analyze, Config, DiffConfig, Input, Lexicon, Report};
use wirediff::seeds::SEEDS;

#[derive(Serialize, Deserialize)]
pub struct PairSet {
    pub sentences: Vec<(String, String)>,
    pub articles: Vec<(String, String)>,
}

/// Link texts and article texts of one report.
fn from_report(report: &Report, pairs: &mut PairSet, articles: &[(usize, usize)]) {
    let text_of = |id: &str| -> String {
        report
            .documents
            .iter()
            .flat_map(|d| d.sentences.iter())
            .find(|s| s.id == id)
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    for pair in &report.pairs {
        for link in &pair.links {
            let side = |ids: &[String]| ids.iter().map(|id| text_of(id)).collect::<Vec<_>>().join(" ");
            pairs.sentences.push((side(&link.left), side(&link.right)));
        }
    }
    let article = |d: usize| {
        report.documents[d].sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
    };
    for &(a, b) in articles {
        pairs.articles.push((article(a), article(b)));
    }
}

pub fn export(out: &str) -> Result<(), String> {
    let config = Config::default();
    let mut pairs = PairSet { sentences: Vec::new(), articles: Vec::new() };
    let seeds: Vec<Input> =
        SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect();
    let all: Vec<(usize, usize)> =
        (0..seeds.len()).flat_map(|a| (a + 1..seeds.len()).map(move |b| (a, b))).collect();
    from_report(&analyze(&seeds, &config), &mut pairs, &all);
    let synth = corpus(&SynthConfig { documents: 25, ..SynthConfig::default() });
    let next: Vec<(usize, usize)> = (1..synth.len()).map(|d| (d - 1, d)).collect();
    from_report(&analyze(&synth, &config), &mut pairs, &next);
    let json = serde_json::to_string(&pairs).map_err(|e| e.to_string())?;
    std::fs::write(out, json).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("{out}: {} sentence pairs, {} article pairs", pairs.sentences.len(), pairs.articles.len());
    Ok(())
}

/// The comparison's timing protocol: a warm-up pass, then 5 rounds of whole passes of at
/// least `min_round` seconds; the median round's pairs per second.
pub fn pairs_per_second(pairs: usize, min_round: f64, mut pass: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    std::hint::black_box(pass());
    let warm = start.elapsed().as_secs_f64();
    if warm > 2.0 * min_round {
        // A slow pass (a peer on whole articles): one more, timed, is the measurement.
        let start = Instant::now();
        std::hint::black_box(pass());
        return pairs as f64 / start.elapsed().as_secs_f64();
    }
    let mut rates: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let mut done = 0usize;
            loop {
                std::hint::black_box(pass());
                done += pairs;
                let secs = start.elapsed().as_secs_f64();
                if secs >= min_round {
                    return done as f64 / secs;
                }
            }
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[2]
}

/// `--dump OUT.jsonl`: each pair's ops and summary, one JSON line per pair (sentences, then
/// articles), to check that a change to the diff keeps its output.
fn dump(file: &str, out: &str) -> Result<(), String> {
    use std::fmt::Write;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let set: PairSet = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let mut lines = String::new();
    for (a, b) in set.sentences.iter().chain(&set.articles) {
        let d = diff_texts(Lexicon::shared(), a, b, &DiffConfig::default());
        let line = serde_json::json!({ "ops": d.ops, "summary": d.summary });
        let _ = writeln!(lines, "{line}");
    }
    std::fs::write(out, lines).map_err(|e| format!("{out}: {e}"))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let file = args.first().ok_or("usage: wirediff bench diff FILE.json [--json]")?;
    let json = args.iter().any(|a| a == "--json");
    let once = args.iter().any(|a| a == "--once");
    let passes: usize = match args.iter().position(|a| a == "--passes") {
        Some(k) => args.get(k + 1).and_then(|n| n.parse().ok()).ok_or("--passes N")?,
        None => 1,
    };
    let only_set = args.iter().position(|a| a == "--set").and_then(|k| args.get(k + 1)).map(String::as_str);
    if let Some(k) = args.iter().position(|a| a == "--dump") {
        return dump(file, args.get(k + 1).ok_or("--dump OUT.jsonl")?);
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let set: PairSet = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let config = DiffConfig::default();
    // The shared lexicon remembers each spelling's forms after the warm-up pass, as in the app;
    // a lexicon without that cache shows the cost of analysing every word afresh.
    let cold = Lexicon::new().with_config(LexiconConfig { word_cache_max: 0, ..LexiconConfig::default() });
    let runs: [(&str, &Lexicon); 2] =
        [("wirediff native", Lexicon::shared()), ("wirediff native, no word cache", &cold)];
    let runs = if args.iter().any(|a| a == "--cached-only") { &runs[..1] } else { &runs[..] };
    for (name, set_name, pairs) in
        runs.iter().flat_map(|(n, _)| [(*n, "sentences", &set.sentences), (*n, "articles", &set.articles)])
    {
        if only_set.is_some_and(|s| s != set_name) {
            continue;
        }
        let lexicon = runs.iter().find(|(n, _)| *n == name).map(|(_, l)| *l).unwrap_or(Lexicon::shared());
        let pass = || pairs.iter().map(|(a, b)| diff_texts(lexicon, a, b, &config).ops.len()).sum();
        if once {
            let ops: usize = (0..passes).map(|_| pass()).last().unwrap_or(0);
            println!("{name} {set_name}: {ops} ops");
            continue;
        }
        let rate = pairs_per_second(pairs.len(), 0.4, pass);
        if json {
            println!(
                "{}",
                serde_json::json!({ "tool": name, "set": set_name, "pairs": pairs.len(), "pairs_per_s": rate })
            );
        } else {
            println!("{name:34} {set_name:9} {:>6} pairs  {rate:>10.0} pairs/s", pairs.len());
        }
    }
    Ok(())
}
