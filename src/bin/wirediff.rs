//! The native `wirediff` CLI: the engine's second front end, for batch use and evaluation.

use std::process::ExitCode;

use wirediff::engine::{clean, segment, CleanConfig};

#[path = "cli/bench.rs"]
mod bench;
#[path = "cli/compare.rs"]
mod compare;

const USAGE: &str = "usage: wirediff <clean FILE | sentences FILE | paraphrase FILE.tsv [--verbose] | compare FILE... [--json] | bench <seeds|scale>>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("wirediff: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("clean") => {
            let text = read_text(args.get(1).ok_or(USAGE)?)?;
            let cleaned = clean(&text, &CleanConfig::default());
            println!("{}", cleaned.text);
            println!("--- removed");
            for line in cleaned.removed {
                println!("{}\t{}", line.text, line.reason);
            }
            Ok(())
        }
        Some("sentences") => {
            let text = read_text(args.get(1).ok_or(USAGE)?)?;
            let cleaned = clean(&text, &CleanConfig::default());
            for s in segment(&cleaned.text) {
                println!("{}", &cleaned.text[s.start..s.end]);
            }
            Ok(())
        }
        Some("compare") => compare::run(&args[1..], read_text),
        Some("bench") => bench::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    }
}

/// Reads a UTF-8 text file, refusing binary data and invalid UTF-8 with a message naming the file.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if bytes.contains(&0) {
        return Err(format!("{path}: binary data (a NUL byte), not text"));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("{path}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
