//! `wirediff compare FILE... [--json]`: the report as JSON, or as a readable text summary.

use std::fmt::Write as _;

use wirediff::engine::report::{Link, OpKind, Report};
use wirediff::engine::{analyze, language, Config, Input};

pub const USAGE: &str = "wirediff compare FILE... [--json]";

/// Runs `compare` on the given arguments (files and flags).
pub fn run(args: &[String], read_text: impl Fn(&str) -> Result<String, String>) -> Result<(), String> {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
        return Err(format!("unknown option {flag}; usage: {USAGE}"));
    }
    if files.is_empty() {
        return Err(format!("no files; usage: {USAGE}"));
    }
    let inputs = files
        .iter()
        .map(|f| Ok(Input { id: f.to_string(), text: read_text(f)? }))
        .collect::<Result<Vec<_>, String>>()?;
    let report = analyze(&inputs, &Config::default());
    // On stderr, so that the JSON on stdout stays the report alone.
    if let Some(note) = language_note(&inputs) {
        eprintln!("{note}");
    }
    if json {
        let out =
            serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write the report: {e}"))?;
        println!("{out}");
    } else {
        print!("{}", text_summary(&report));
    }
    Ok(())
}

/// A note naming the files not in the main language of the others, if any.
fn language_note(inputs: &[Input]) -> Option<String> {
    let languages: Vec<Option<&'static str>> = inputs.iter().map(|i| language::identify(&i.text)).collect();
    let (main, odd) = language::odd_ones_out(&languages)?;
    let odd: Vec<String> = odd
        .iter()
        .map(|&k| format!("{} ({})", inputs[k].id, languages[k].map_or("?", language::name)))
        .collect();
    Some(format!(
        "note: not in {} like the others: {}. wirediff compares wording within one language; it does not link a translation to its original.",
        language::name(main),
        odd.join(", ")
    ))
}

/// The serde name of an enum value ("paraphrased").
fn name<T: serde::Serialize>(x: &T) -> String {
    serde_json::to_value(x).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The short name of a sentence id inside its document: "doc#s3" → "s3".
fn short(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, s)| s)
}

fn pct(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The readable summary: per pair containment and links side by side, passages, quotes, hints.
pub fn text_summary(report: &Report) -> String {
    let mut o = String::new();
    let s = &report.stats;
    let _ = writeln!(
        o,
        "{} documents, {} sentences, {} pairs compared, {} links, {} passages",
        s.documents,
        s.sentences,
        s.pairs_compared,
        s.links,
        report.passages.len()
    );
    for d in &report.documents {
        let outlet = d.outlet.as_deref().map(|x| format!(" [{x}]")).unwrap_or_default();
        let _ = writeln!(
            o,
            "  {}{}: {} sentences, {} removed lines — {}",
            d.id,
            outlet,
            d.sentences.len(),
            d.removed.len(),
            d.title
        );
    }
    let text_of = |id: &str| -> String {
        report
            .documents
            .iter()
            .flat_map(|d| d.sentences.iter())
            .find(|x| x.id == id)
            .map(|x| x.text.clone())
            .unwrap_or_default()
    };
    for p in &report.pairs {
        let _ = writeln!(
            o,
            "\n== {} ⇄ {}: {} of left found in right, {} of right found in left, {} links",
            p.left,
            p.right,
            pct(p.left_in_right),
            pct(p.right_in_left),
            p.links.len()
        );
        for l in &p.links {
            write_link(&mut o, l, &text_of);
        }
    }
    if !report.passages.is_empty() {
        let _ =
            writeln!(o, "\n== passages (content carried by several documents, in order of first appearance)");
        for p in &report.passages {
            let _ = writeln!(o, "  {} [{}] in {}", p.id, p.kind.as_str(), p.documents.join(", "));
            for c in &p.carriers {
                let ids: Vec<&str> = c.sentences.iter().map(|x| short(x)).collect();
                let _ = writeln!(o, "    {} {}: {}", c.document, ids.join("+"), c.text);
            }
        }
    }
    let _ = writeln!(o, "\n== unique content");
    for d in &report.documents {
        let ids: Vec<&str> = d.unique.iter().map(|x| short(x)).collect();
        let _ = writeln!(
            o,
            "  {}: {} of {} sentences unique ({})",
            d.id,
            d.unique.len(),
            d.sentences.len(),
            ids.join(" ")
        );
    }
    let shared: Vec<_> = report.quotes.iter().filter(|q| q.variants.len() > 1).collect();
    if !report.quotes.is_empty() {
        let _ = writeln!(
            o,
            "\n== quotes: {} quotations, {} carried by several documents",
            report.quotes.len(),
            shared.len()
        );
        for q in shared {
            let _ = writeln!(
                o,
                "  {} [{}]",
                q.speaker.as_deref().unwrap_or("(unknown speaker)"),
                name(&q.status)
            );
            for v in &q.variants {
                let _ = writeln!(o, "    {}: “{}”", v.doc, v.text);
            }
        }
    }
    if !report.facts.divergences.is_empty() {
        let _ = writeln!(o, "\n== divergences");
        for d in &report.facts.divergences {
            let _ = writeln!(o, "  [{}] {}", name(&d.kind), d.note);
        }
    }
    let dv = &report.derivation;
    if !dv.credits.is_empty() || !dv.hints.is_empty() {
        let _ = writeln!(o, "\n== derivation");
        for c in &dv.credits {
            let _ = writeln!(o, "  {} {} {}: “{}”", c.doc, name(&c.kind), c.outlet, c.phrase);
        }
        for h in &dv.hints {
            for e in &h.evidence {
                let _ = writeln!(o, "  hint: {e}");
            }
        }
    }
    o
}

fn write_link(o: &mut String, l: &Link, text_of: &impl Fn(&str) -> String) {
    let ids = |v: &[String]| v.iter().map(|x| short(x).to_string()).collect::<Vec<_>>().join("+");
    let _ = writeln!(
        o,
        "  [{} {:.2}] {} ⇄ {}: {}",
        l.kind.as_str(),
        l.score,
        ids(&l.left),
        ids(&l.right),
        l.summary.display
    );
    let join = |v: &[String]| v.iter().map(|x| text_of(x)).collect::<Vec<_>>().join(" ");
    let _ = writeln!(o, "    < {}", join(&l.left));
    let _ = writeln!(o, "    > {}", join(&l.right));
    let changes: Vec<String> = l
        .diff
        .iter()
        .filter(|op| {
            matches!(op.kind, OpKind::Synonym | OpKind::Variant | OpKind::Inflection | OpKind::Moved)
        })
        .map(|op| {
            let side = |p: &Option<wirediff::engine::report::Piece>| {
                p.as_ref().map_or(String::new(), |p| p.text.clone())
            };
            format!("{} {}→{}", op.kind.as_str(), side(&op.left), side(&op.right))
        })
        .collect();
    if !changes.is_empty() {
        let _ = writeln!(o, "    ~ {}", changes.join("; "));
    }
    for c in &l.conflicts {
        let _ = writeln!(o, "    ! differs: {} / {}", c.left, c.right);
    }
}
