//! The `paraphrase`, `fit-paraphrase` and `bench similarity` commands: MRPC-format evaluation,
//! model fitting and the similarity throughput benchmark.

use wirediff::engine::similarity::{compare, fit, is_paraphrase, pairs, Idf, FEATURES};
use wirediff::engine::{clean, segment, CleanConfig, Lexicon, SentenceProfile, SimilarityConfig};

type ReadText = fn(&str) -> Result<String, String>;

/// `println!` that reports a closed pipe (`… | head`) as an error instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(|e| format!("stdout: {e}"))?
    }};
}

/// Reads an MRPC-format TSV file and scores every pair: (labels, similarities).
fn score_pairs(
    path: &str,
    read_text: ReadText,
) -> Result<(Vec<pairs::LabelledPair>, Vec<wirediff::engine::Similarity>), String> {
    let text = read_text(path)?;
    let rows = pairs::parse_pairs(&text).map_err(|e| format!("{path}:{}: {}", e.line, e.message))?;
    // Hidden, for table experiments: WIREDIFF_SYNONYMS=FILE replaces the built-in synonym table.
    let custom = std::env::var("WIREDIFF_SYNONYMS").ok().map(|f| {
        let table = std::fs::read_to_string(&f).unwrap_or_default();
        Lexicon::new().with_synonyms(&table)
    });
    let lexicon = custom.as_ref().unwrap_or_else(|| Lexicon::shared());
    let profiles: Vec<(SentenceProfile, SentenceProfile)> = rows
        .iter()
        .map(|p| (SentenceProfile::new(lexicon, &p.left), SentenceProfile::new(lexicon, &p.right)))
        .collect();
    let idf = Idf::from_profiles(profiles.iter().flat_map(|(a, b)| [a, b]));
    let sims = profiles.iter().map(|(a, b)| compare(lexicon, a, b, &idf)).collect();
    Ok((rows, sims))
}

fn flag_value<T: std::str::FromStr>(args: &[String], flag: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{flag} needs a number")),
    }
}

/// `wirediff paraphrase FILE.tsv [--verbose] [--folds K [--fold-seed S]]`: decides each pair
/// with the shipped model, or with `--folds K` refits per fold and reports the cross-validated
/// mean (`--fold-seed` picks another split).
pub fn paraphrase(args: &[String], read_text: ReadText) -> Result<(), String> {
    let path = args.first().filter(|a| !a.starts_with("--")).ok_or(super::USAGE)?;
    let verbose = args.iter().any(|a| a == "--verbose");
    let folds: Option<usize> = flag_value(args, "--folds")?;
    let (rows, sims) = score_pairs(path, read_text)?;
    let gold: Vec<bool> = rows.iter().map(|r| r.paraphrase).collect();
    if args.iter().any(|a| a == "--features") {
        // Hidden: label and feature values per pair, for offline exploration.
        out!("label\t{}", FEATURES.join("\t"));
        for (row, sim) in rows.iter().zip(&sims) {
            let values: Vec<String> = sim.features.iter().map(|v| format!("{v:.5}")).collect();
            out!("{}\t{}", u8::from(row.paraphrase), values.join("\t"));
        }
        return Ok(());
    }
    if let Some(k) = folds.filter(|k| *k >= 2) {
        let x = columns(args, sims.iter().map(|s| s.features.clone()).collect())?;
        let results = match flag_value::<u64>(args, "--fold-seed")? {
            Some(seed) => fit::cross_validate_seeded(&x, &gold, k, seed, &*fitter(args)?),
            None => fit::cross_validate_with(&x, &gold, k, &*fitter(args)?),
        };
        for (i, (acc, f1)) in results.iter().enumerate() {
            out!("fold {} accuracy {acc:.3} f1 {f1:.3}", i + 1);
        }
        let (acc, f1) = mean_spread(&results);
        out!(
            "spread accuracy {:.3}..{:.3} (sd {:.3}) f1 {:.3}..{:.3} (sd {:.3})",
            acc.1,
            acc.2,
            acc.3,
            f1.1,
            f1.2,
            f1.3
        );
        out!("accuracy {:.3} f1 {:.3} pairs {}", acc.0, f1.0, rows.len());
        return Ok(());
    }
    // MRPC's labels follow its own convention on differing figures (see `SimilarityConfig::mrpc`).
    let config = SimilarityConfig::mrpc();
    let pred: Vec<bool> = sims.iter().map(|s| is_paraphrase(s, &config)).collect();
    if verbose {
        for ((row, sim), p) in rows.iter().zip(&sims).zip(&pred) {
            let verdict = if *p { "paraphrase" } else { "different" };
            let mark = if *p == row.paraphrase { "ok" } else { "WRONG" };
            out!(
                "line {}\tscore {:.3}\t{verdict}\tgold {}\t{mark}\toverlap {:.3}",
                row.line,
                sim.paraphrase_given(&config),
                u8::from(row.paraphrase),
                sim.score
            );
        }
    }
    let (acc, f1) = fit::accuracy_f1(&pred, &gold);
    out!("accuracy {acc:.3} f1 {f1:.3} pairs {}", rows.len());
    Ok(())
}

/// Hidden, for feature experiments: `--without NAME,NAME,…` drops those feature columns
/// (`FIRST..` drops the columns from FIRST on).
fn columns(args: &[String], x: Vec<Vec<f32>>) -> Result<Vec<Vec<f32>>, String> {
    let Some(list) = args.iter().position(|a| a == "--without").and_then(|i| args.get(i + 1)) else {
        return Ok(x);
    };
    let mut keep = vec![true; FEATURES.len()];
    for name in list.split(',').filter(|n| !n.is_empty()) {
        let (name, from) = match name.strip_suffix("..") {
            Some(n) => (n, true),
            None => (name, false),
        };
        let k = FEATURES.iter().position(|f| *f == name).ok_or_else(|| format!("no feature {name}"))?;
        let end = if from { FEATURES.len() } else { k + 1 };
        keep[k..end].iter_mut().for_each(|b| *b = false);
    }
    Ok(x.into_iter()
        .map(|r| r.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(v, _)| v).collect())
        .collect())
}

/// The fitting procedure of the flags (hidden, for experiments): `--logistic` for the linear
/// model, else the network; `--hidden H --l2 X --epochs E --rate R --seed S --slack A`,
/// `--skip X` for the L2 penalty of the direct feature-to-output weights (`--no-skip`: none), and
/// `--members M` for the average of M networks (seeds S, S + 1, …).
fn fitter(args: &[String]) -> Result<Box<fit::Fitter>, String> {
    let rule =
        flag_value::<f64>(args, "--slack")?.map(|slack| fit::ThresholdRule::F1WithinAccuracy { slack });
    if args.iter().any(|a| a == "--logistic") {
        let mut config = fit::FitConfig::default();
        config.threshold = rule.unwrap_or(config.threshold);
        if let Some(l2) = flag_value(args, "--l2")? {
            config.l2 = l2;
        }
        return Ok(Box::new(move |x, y| {
            let m = fit::fit_logistic(x, y, &config);
            Box::new(move |r| m.probability(r) >= m.threshold)
        }));
    }
    let config = mlp_config(args, rule)?;
    if let Some(members) = flag_value::<usize>(args, "--members")?.filter(|m| *m > 1) {
        return Ok(Box::new(move |x, y| {
            let e = fit::fit_ensemble(x, y, &config, members);
            Box::new(move |r| e.probability(r) >= e.threshold)
        }));
    }
    Ok(Box::new(move |x, y| {
        let m = fit::fit_mlp(x, y, &config);
        Box::new(move |r| m.probability(r) >= m.threshold)
    }))
}

fn mlp_config(args: &[String], threshold: Option<fit::ThresholdRule>) -> Result<fit::MlpConfig, String> {
    let mut c = fit::MlpConfig::default();
    c.threshold = threshold.unwrap_or(c.threshold);
    if let Some(v) = flag_value(args, "--hidden")? {
        c.hidden = v;
    }
    if let Some(v) = flag_value(args, "--l2")? {
        c.l2 = v;
    }
    if let Some(v) = flag_value(args, "--epochs")? {
        c.epochs = v;
    }
    if let Some(v) = flag_value(args, "--rate")? {
        c.learning_rate = v;
    }
    if let Some(v) = flag_value(args, "--seed")? {
        c.seed = v;
    }
    if let Some(v) = flag_value(args, "--skip")? {
        c.skip_l2 = Some(v);
    }
    if args.iter().any(|a| a == "--no-skip") {
        c.skip_l2 = None;
    }
    Ok(c)
}

/// (mean, min, max, standard deviation) of the accuracies and of the F1s.
type Stats = (f64, f64, f64, f64);
fn mean_spread(results: &[(f64, f64)]) -> (Stats, Stats) {
    let stats = |v: Vec<f64>| {
        let n = v.len().max(1) as f64;
        let mean = v.iter().sum::<f64>() / n;
        let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n).sqrt();
        let min = v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (mean, min, max, sd)
    };
    (stats(results.iter().map(|r| r.0).collect()), stats(results.iter().map(|r| r.1).collect()))
}

/// `wirediff fit-paraphrase FILE.tsv [--hidden H --l2 X --epochs E --rate R --seed S --slack A]`
/// (hidden): fits the paraphrase network and prints the Rust source of
/// `src/engine/similarity/model.rs`; the 5-fold CV summary goes to stderr.
pub fn fit_paraphrase(args: &[String], read_text: ReadText) -> Result<(), String> {
    let path = args.first().ok_or(super::USAGE)?;
    let rule =
        flag_value::<f64>(args, "--slack")?.map(|slack| fit::ThresholdRule::F1WithinAccuracy { slack });
    let config = mlp_config(args, rule)?;
    let (rows, sims) = score_pairs(path, read_text)?;
    let gold: Vec<bool> = rows.iter().map(|r| r.paraphrase).collect();
    let x: Vec<Vec<f32>> = sims.iter().map(|s| s.features.clone()).collect();
    let (acc, f1) = mean_spread(&fit::cross_validate_with(&x, &gold, 5, &*fitter(args)?));
    let model = fit::fit_mlp(&x, &gold, &config);
    let pred: Vec<bool> = x.iter().map(|r| model.probability(r) >= model.threshold).collect();
    let (tacc, tf1) = fit::accuracy_f1(&pred, &gold);
    let note = format!(
        "Fitted on the MRPC training split ({} pairs): {} tanh units, L2 {}, {},\n\
         {} full-batch Adam steps (rate {}, seed {}), threshold rule {:?}.\n\
         5-fold CV accuracy {:.3} (sd {:.3}), F1 {:.3} (sd {:.3}); on the whole split accuracy {tacc:.3},\n\
         F1 {tf1:.3}.",
        rows.len(),
        config.hidden,
        config.l2,
        config.skip_l2.map_or("no direct weights".to_string(), |l2| format!("direct weights L2 {l2}")),
        config.epochs,
        config.learning_rate,
        config.seed,
        config.threshold,
        acc.0,
        acc.3,
        f1.0,
        f1.3
    );
    eprintln!("{note}");
    out!("{}", model.to_rust(&FEATURES, &note).trim_end());
    Ok(())
}

/// `wirediff bench similarity [FILE.tsv]`: profiles and compares sentences of the seeds (or of
/// the file's pairs) and prints throughput. Build with `--profile bench-native`.
pub fn bench_similarity(args: &[String], read_text: ReadText) -> Result<(), String> {
    use std::time::Instant;
    let t = Instant::now();
    let fresh = Lexicon::new();
    out!("lexicon: tables parsed in {:.1} ms ({fresh:?})", t.elapsed().as_secs_f64() * 1e3);
    let lexicon = Lexicon::shared();
    let sentences: Vec<String> = match args.first() {
        Some(path) => {
            let text = read_text(path)?;
            let rows = pairs::parse_pairs(&text).map_err(|e| format!("{path}:{}: {}", e.line, e.message))?;
            rows.into_iter().flat_map(|p| [p.left, p.right]).collect()
        }
        None => wirediff::seeds::SEEDS
            .iter()
            .flat_map(|s| {
                let cleaned = clean(s.text, &CleanConfig::default());
                segment(&cleaned.text)
                    .into_iter()
                    .map(|sp| cleaned.text[sp.start..sp.end].to_string())
                    .collect::<Vec<_>>()
            })
            .collect(),
    };
    if sentences.len() < 2 {
        return Err("bench similarity: fewer than two sentences".into());
    }
    let t = Instant::now();
    let profiles: Vec<SentenceProfile> = sentences.iter().map(|s| SentenceProfile::new(lexicon, s)).collect();
    let prof_secs = t.elapsed().as_secs_f64();
    let idf = Idf::from_profiles(&profiles);
    let tokens: usize = profiles.iter().map(|p| p.tokens.len()).sum();
    // Adjacent and distant pairs alike: every sentence against the next 200 (cyclically).
    let per = 200.min(profiles.len() - 1);
    let cpu0 = cpu_ns();
    let t = Instant::now();
    let mut pairs_done = 0usize;
    let mut checksum = 0.0f64;
    while t.elapsed().as_secs_f64() < 2.0 {
        for i in 0..profiles.len() {
            for d in 1..=per {
                let s = compare(lexicon, &profiles[i], &profiles[(i + d) % profiles.len()], &idf);
                checksum += f64::from(s.paraphrase);
            }
        }
        pairs_done += profiles.len() * per;
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_ns().zip(cpu0).map(|(b, a)| b.saturating_sub(a) as f64 / 1e9);
    out!(
        "sentences {} (mean {:.1} tokens), profiles {:.0}/s",
        profiles.len(),
        tokens as f64 / profiles.len() as f64,
        profiles.len() as f64 / prof_secs
    );
    out!(
        "compare {pairs_done} pairs in {secs:.2} s: {:.0} pairs/s (checksum {checksum:.1})",
        pairs_done as f64 / secs
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        out!("on-CPU {cpu:.2} s: {:.0} pairs per CPU second", pairs_done as f64 / cpu);
    }
    Ok(())
}

/// This thread's on-CPU time in nanoseconds (Linux `/proc/thread-self/schedstat`), so the
/// benchmark stays meaningful on a loaded machine.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
