//! The native `wirediff` CLI: the engine's second front end, for batch use and evaluation.

use std::process::ExitCode;

use wirediff::engine::{clean, segment, CleanConfig};

/// mimalloc instead of the system allocator: the engine builds many small strings and vectors
/// (tokens, profiles, report ids), and glibc's malloc/free took about a fifth of the seeds
/// report's instructions. The web app keeps Rust's default wasm allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "cli/bench.rs"]
mod bench;
#[path = "cli/compare.rs"]
mod compare;
#[path = "cli/paraphrase.rs"]
mod paraphrase;
#[path = "cli/peers.rs"]
mod peers;
#[path = "cli/text_bench.rs"]
mod text_bench;

const USAGE: &str = "usage: wirediff <clean FILE | sentences FILE | paraphrase FILE.tsv [--verbose] [--folds K [--fold-seed S]] | compare FILE... [--json] \
                     | synth N DIR \
                     | bench similarity [FILE.tsv] | bench text [COPIES] | bench seeds [RUNS] | bench scale [N...] \
                     | bench pairs OUT.json | bench diff PAIRS.json [--json]>";

fn main() -> ExitCode {
    end_quietly_when_the_reader_leaves();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wirediff: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Rust ignores SIGPIPE, so `wirediff compare … | head` panicked in `println!` once `head`
/// had gone; restoring the default makes it end the way every Unix filter does, silently.
#[cfg(unix)]
fn end_quietly_when_the_reader_leaves() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13; // the same on Linux and macOS
    const SIG_DFL: usize = 0;
    // SAFETY: signal(2) with the default disposition, before any other thread exists.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(unix))]
fn end_quietly_when_the_reader_leaves() {}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("clean") => {
            let text = read_article(args.get(1).ok_or(USAGE)?)?;
            let cleaned = clean(&text, &CleanConfig::default());
            println!("{}", cleaned.text);
            println!("--- removed");
            for line in &cleaned.removed {
                println!("{}\t{}\t{}", line.line, line.reason.label(), line.text);
            }
            for (first, last) in runs(&cleaned.blank_lines) {
                let lines = if first == last { first.to_string() } else { format!("{first}-{last}") };
                println!("{lines}\tblank lines\t");
            }
            Ok(())
        }
        Some("sentences") => {
            let text = read_article(args.get(1).ok_or(USAGE)?)?;
            let cleaned = clean(&text, &CleanConfig::default());
            for s in segment(&cleaned.text) {
                // A sentence may span a soft line break; print it on one line.
                let sentence = &cleaned.text[s.start..s.end];
                println!("{}", sentence.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Ok(())
        }
        Some("compare") => compare::run(&args[1..], read_article),
        Some("paraphrase") => paraphrase::paraphrase(&args[1..], read_text),
        Some("fit-paraphrase") => paraphrase::fit_paraphrase(&args[1..], read_text),
        Some("bench") if args.get(1).map(String::as_str) == Some("similarity") => {
            paraphrase::bench_similarity(&args[2..], read_text)
        }
        Some("bench") if args.get(1).map(String::as_str) == Some("text") => text_bench::run(&args[2..]),
        Some("bench") if args.get(1).map(String::as_str) == Some("pairs") => {
            peers::export(args.get(2).ok_or("usage: wirediff bench pairs OUT.json")?)
        }
        Some("bench") if args.get(1).map(String::as_str) == Some("diff") => peers::run(&args[2..]),
        Some("bench") => bench::run(&args[1..]),
        Some("synth") => synth_files(&args[1..]),
        _ => Err(USAGE.to_string()),
    }
}

/// Runs of consecutive numbers as (first, last) pairs: [1, 2, 3, 7] gives (1, 3), (7, 7).
fn runs(numbers: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &n in numbers {
        match out.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => out.push((n, n)),
        }
    }
    out
}

/// Reads a UTF-8 text file. Binary data and invalid UTF-8 are refused with a one-line message
/// naming the file and the line.
/// An article's text: a Markdown file (`.md`, `.markdown`) as the text a reader sees, as the
/// app reads it.
fn read_article(path: &str) -> Result<String, String> {
    let text = read_text(path)?;
    let ext =
        std::path::Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    Ok(if ext == "md" || ext == "markdown" { wirediff::engine::markdown::to_text(&text) } else { text })
}

fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("{path}:{}: binary data (a NUL byte at byte {nul}), not text", line_of(nul)));
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            Err(format!("{path}:{}: invalid UTF-8 at byte {at}", line_of(at)))
        }
    }
}

/// `synth N DIR`: writes the synthetic corpus of N documents (the one `bench scale` uses) to
/// DIR as text files, for the browser tests and benchmarks to drop into the app.
fn synth_files(args: &[String]) -> Result<(), String> {
    let (Some(n), Some(dir)) = (args.first(), args.get(1)) else { return Err(USAGE.to_string()) };
    let n: usize = n.parse().map_err(|_| format!("synth: {n:?} is not a number of documents"))?;
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("synth: {}: {e}", dir.display()))?;
    let docs = wirediff::engine::synth::corpus(&wirediff::engine::synth::SynthConfig {
        documents: n,
        ..wirediff::engine::synth::SynthConfig::default()
    });
    for doc in &docs {
        let path = dir.join(&doc.id);
        std::fs::write(&path, &doc.text).map_err(|e| format!("synth: {}: {e}", path.display()))?;
    }
    println!("wrote {} documents to {}", docs.len(), dir.display());
    Ok(())
}
