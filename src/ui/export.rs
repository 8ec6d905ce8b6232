//! Downloads built from the report: JSON, a CSV of the links, and a self-contained HTML page
//! whose every piece of article text is escaped (never markup).

use std::fmt::Write as _;

use crate::engine::quotes::QuoteStatus;
use crate::engine::report::Report;
use crate::ui::format::{divergence_line, fixed, library_language_notice};
use crate::ui::state::Label;

/// A document's name in the exports: its label's short name, else its id.
fn short(labels: &[Label], id: &str) -> String {
    labels.iter().find(|l| l.id == id).map_or_else(|| id.to_string(), |l| l.short.clone())
}

/// The report as pretty JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The report as pretty JSON, each document's title and outlet as the library shows them
/// (the user's, else the engine's): the engine only knows the texts. The JSON is read back
/// as a `Value` and patched: cloning the report, or serializing it into a `Value`, costs the
/// page's wasm several KB of code, this a few hundred bytes (and its keys come out sorted).
pub fn json_named(report: &Report, labels: &[Label]) -> String {
    let raw = json(report);
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&raw) else { return raw };
    if let Some(docs) = value.get_mut("documents").and_then(|d| d.as_array_mut()) {
        for doc in docs {
            let id = doc.get("id").and_then(|i| i.as_str()).unwrap_or_default().to_string();
            if let Some(label) = labels.iter().find(|l| l.id == id) {
                doc["title"] = label.title.clone().into();
                doc["outlet"] = label.outlet.clone().into();
            }
        }
    }
    serde_json::to_string_pretty(&value).unwrap_or(raw)
}

/// One CSV field: quoted when needed; a leading `=`, `+`, `-` or `@` is defused for spreadsheets.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Every link of every pair, one per line, with both documents' ids and names (as `labels`
/// name them) and both sides' text.
pub fn links_csv(report: &Report, labels: &[Label]) -> String {
    let label = |id: &str| short(labels, id);
    let text = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| report.documents.iter().flat_map(|d| &d.sentences).find(|s| &s.id == id))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::from(
        "left_document,right_document,left_name,right_name,left_sentences,right_sentences,kind,score,wording,differing_figures,left_text,right_text\r\n",
    );
    for pair in &report.pairs {
        for l in &pair.links {
            let conflicts: Vec<String> =
                l.conflicts.iter().map(|c| format!("{} / {}", c.left, c.right)).collect();
            let cells = [
                pair.left.clone(),
                pair.right.clone(),
                label(&pair.left),
                label(&pair.right),
                l.left.join(" "),
                l.right.join(" "),
                l.kind.as_str().to_string(),
                fixed(f64::from(l.score), 3),
                l.summary.display.clone(),
                conflicts.join("; "),
                text(&l.left),
                text(&l.right),
            ];
            let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A self-contained HTML report: documents, containment, links, altered quotes, divergences.
/// `labels` name the documents, and give their titles and outlets, as the library does.
pub fn html(report: &Report, labels: &[Label]) -> String {
    let e = escape;
    let label = |id: &str| short(labels, id);
    let of = |id: &str| labels.iter().find(|l| l.id == id);
    let mut h = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\
<title>wirediff report</title><style>\
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1f24}\
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.kind{font-weight:600;text-transform:uppercase;font-size:.75rem}.note{color:#555}</style></head><body>\
<h1>wirediff report</h1><p class=\"note\">Made in the browser by wirediff; no text was uploaded.</p>",
    );
    h.push_str("<h2>Documents</h2><table><tr><th>Document</th><th>Title</th><th>Outlet</th><th>Sentences</th><th>Verbatim</th><th>Reworded</th><th>Unique</th></tr>");
    for d in &report.documents {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&label(&d.id)),
            e(of(&d.id).map_or(&d.title, |l| &l.title)),
            e(of(&d.id).map_or(d.outlet.as_deref(), |l| l.outlet.as_deref()).unwrap_or("—")),
            d.sentences.len(),
            d.shares.verbatim,
            d.shares.reworded,
            d.shares.unique
        );
    }
    h.push_str("</table>");
    // As on the Overview: a translation's empty row must not read as "nothing in common".
    if let Some(note) = library_language_notice(labels) {
        let _ = write!(h, "<p class=\"note\">{}</p>", e(&note));
    }
    h.push_str("<h2>Containment</h2><p class=\"note\">Share of the row's document found in the column's.</p><table><tr><th></th>");
    for d in &report.documents {
        let _ = write!(h, "<th>{}</th>", e(&label(&d.id)));
    }
    h.push_str("</tr>");
    for (d, row) in report.documents.iter().zip(&report.derivation.containment) {
        let _ = write!(h, "<tr><th>{}</th>", e(&label(&d.id)));
        for c in row {
            let _ = write!(
                h,
                "<td>{}</td>",
                c.map_or("—".to_string(), |c| format!("{}%", fixed(f64::from(c) * 100.0, 0)))
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</table><h2>Links</h2>");
    for pair in report.pairs.iter().filter(|p| !p.links.is_empty()) {
        let _ = write!(h, "<h3>{} ⇄ {}</h3><table>", e(&label(&pair.left)), e(&label(&pair.right)));
        let text = |id: &String| {
            report
                .documents
                .iter()
                .flat_map(|d| &d.sentences)
                .find(|s| &s.id == id)
                .map_or("", |s| s.text.as_str())
        };
        for l in &pair.links {
            let side = |ids: &[String]| ids.iter().map(|id| e(text(id))).collect::<Vec<_>>().join(" ");
            let _ = write!(
                h,
                "<tr><td><span class=\"kind\">{}</span><br><span class=\"note\">{}</span></td><td>{}</td><td>{}</td></tr>",
                l.kind.as_str(),
                e(&l.summary.display),
                side(&l.left),
                side(&l.right)
            );
        }
        h.push_str("</table>");
    }
    // Only quotations whose wording changed between outlets; identical ones are not news.
    h.push_str("<h2>Quotes that differ</h2>");
    let changed: Vec<_> = report
        .quotes
        .iter()
        .filter(|q| q.variants.len() > 1 && !matches!(q.status, QuoteStatus::Identical | QuoteStatus::Unique))
        .collect();
    if changed.is_empty() {
        h.push_str("<p class=\"note\">No quotation is worded differently by different outlets.</p>");
    } else {
        h.push_str("<ul>");
        for q in changed {
            let speaker = match (&q.speaker, q.anonymous) {
                (Some(s), _) => s.as_str(),
                (None, true) => "anonymous source",
                (None, false) => "unattributed",
            };
            let status = match q.status {
                QuoteStatus::Trimmed => "trimmed",
                QuoteStatus::Paraphrased => "paraphrased",
                _ => "altered",
            };
            let _ = write!(h, "<li><b>{}</b> ({status})<ul>", e(speaker));
            for v in &q.variants {
                let (open, close) = if v.quoted { ("“", "”") } else { ("", " (reported, not quoted)") };
                let _ = write!(h, "<li>{}: {open}{}{close}</li>", e(&label(&v.doc)), e(&v.text));
            }
            h.push_str("</ul></li>");
        }
        h.push_str("</ul>");
    }
    h.push_str("<h2>Figures that diverge</h2>");
    if report.facts.divergences.is_empty() {
        h.push_str(
            "<p class=\"note\">No figure differs between outlets, and none is given by one outlet only.</p>",
        );
    } else {
        h.push_str("<ul>");
        for d in &report.facts.divergences {
            let _ = write!(h, "<li>{}</li>", e(&divergence_line(d, &label)));
        }
        h.push_str("</ul>");
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::report::{Document, Sentence};

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("=1+2", "'=1+2"),
            ("line\nbreak", "\"line\nbreak\""),
        ];
        for (raw, want) in cases {
            assert_eq!(field(raw), want, "{raw}");
        }
    }

    #[test]
    fn the_html_report_escapes_article_text() {
        let evil = "<script>alert(1)</script> & \"x\"";
        let report = Report {
            documents: vec![Document {
                id: "a".into(),
                title: evil.into(),
                sentences: vec![Sentence { id: "a#s0".into(), text: evil.into(), ..Sentence::default() }],
                ..Document::default()
            }],
            ..Report::default()
        };
        let labels = [Label {
            id: "a".into(),
            short: "<b>a</b>".into(),
            title: evil.into(),
            outlet: None,
            language: None,
        }];
        let page = html(&report, &labels);
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(page.contains("&lt;b&gt;a&lt;/b&gt;"));
        assert!(
            page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'"),
            "the report runs no script"
        );
    }

    #[test]
    fn the_seed_exports_hold_every_link() {
        let inputs: Vec<_> = crate::seeds::SEEDS
            .iter()
            .map(|s| crate::engine::Input { id: s.name.into(), text: s.text.into() })
            .collect();
        let report = crate::engine::analyze(&inputs, &crate::engine::Config::default());
        let links: usize = report.pairs.iter().map(|p| p.links.len()).sum();
        assert_eq!(links_csv(&report, &[]).lines().count(), 1 + links);
        let back: Report = serde_json::from_str(&json(&report)).expect("the JSON reads back");
        assert_eq!(back, report);
    }

    /// Two pasted articles as the library holds them, their labels and their report.
    fn library(a: &str, b: &str) -> (Vec<Label>, Report) {
        use crate::ui::state::{Action, NewDoc, State};
        let new = |title: &str, outlet: &str, text: &str| {
            Ok(NewDoc {
                title: title.into(),
                outlet: outlet.into(),
                text: text.into(),
                source: "pasted text".into(),
                note: None,
            })
        };
        let state = State { docs: Vec::new(), ..State::with_seeds() }.apply(Action::Import(vec![
            new("My custom title A", "", a),
            new("My custom title B", "Wire B", b),
        ]));
        let report = crate::ui::analysis::run(&state.inputs(), &[]);
        (state.labels(&report), report)
    }

    const BUDGET: &str =
        "Headline one\n\nThe council voted 7-2 on Monday to approve the budget of $3 million.\n\
Critics said the plan was rushed and want a review by the end of March.\n\
\"We will not be rushed,\" said Mayor Jane Holt on Monday evening.";

    #[test]
    fn the_html_report_names_a_document_in_another_language() {
        const FRENCH: &str = "Titre\n\nLe conseil a voté lundi pour approuver le budget de la ville, et le maire \
            a dit qu'il ne sera pas pressé par les critiques qui demandent une révision avant la fin de mars.";
        let (labels, report) = library(BUDGET, FRENCH);
        assert_eq!(labels.iter().map(|l| l.language).collect::<Vec<_>>(), [Some("en"), Some("fr")]);
        let page = html(&report, &labels);
        assert!(
            page.contains(
                "<p class=\"note\">“Wire B” looks French, the other document English. wirediff compares"
            ),
            "{page}"
        );
        let (labels, report) = library(BUDGET, &BUDGET.replace("$3 million", "$4 million"));
        assert!(!html(&report, &labels).contains("looks"), "one language: no notice");
    }

    #[test]
    fn the_exports_carry_the_titles_and_outlets_the_user_gave_and_readable_figures() {
        let (labels, report) = library(BUDGET, &BUDGET.replace("$3 million", "$4 million"));
        let back: Report = serde_json::from_str(&json_named(&report, &labels)).unwrap();
        let docs: Vec<(&str, Option<&str>)> =
            back.documents.iter().map(|d| (d.title.as_str(), d.outlet.as_deref())).collect();
        assert_eq!(docs, [("My custom title A", None), ("My custom title B", Some("Wire B"))]);
        assert_eq!(back.pairs, report.pairs, "the rest as it was");

        let csv = links_csv(&report, &labels);
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().starts_with("left_document,right_document,left_name,right_name,"));
        assert!(lines.next().unwrap().starts_with("user-1,user-2,My custom title A,Wire B,"), "{csv}");

        let page = html(&report, &labels);
        assert!(page.contains("<td>My custom title A</td><td>—</td>"), "{page}");
        assert!(page.contains("<td>My custom title B</td><td>Wire B</td>"), "{page}");
        assert!(
            page.contains("<li>My custom title A says $3 million, Wire B says $4 million</li>"),
            "{page}"
        );
        assert!(!page.contains("user-1 says") && !page.contains(" usd"), "{page}");
    }

    #[test]
    fn the_html_report_lists_only_quotes_that_changed_and_says_so_when_none_did() {
        let (labels, report) = library(BUDGET, &BUDGET.replace("Headline one", "Headline two"));
        assert!(!report.quotes.is_empty(), "the mayor's quotation is in both");
        let page = html(&report, &labels);
        let quotes =
            &page[page.find("<h2>Quotes that differ</h2>").unwrap()..page.find("<h2>Figures").unwrap()];
        assert_eq!(
            quotes,
            "<h2>Quotes that differ</h2><p class=\"note\">No quotation is worded differently by different outlets.</p>"
        );
        let (labels, report) = library(BUDGET, &BUDGET.replace("will not be rushed", "will never be rushed"));
        let page = html(&report, &labels);
        let quotes =
            &page[page.find("<h2>Quotes that differ</h2>").unwrap()..page.find("<h2>Figures").unwrap()];
        assert!(quotes.contains("<li><b>Mayor Jane Holt</b> (altered)<ul><li>My custom title A: “We will not be rushed”</li><li>Wire B: “We will never be rushed”</li>"), "{quotes}");
        assert!(!quotes.contains("Identical"), "{quotes}");
    }
}
