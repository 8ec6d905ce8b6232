//! Downloads built from the report: JSON, a CSV of the links, and a self-contained HTML page
//! whose every piece of article text is escaped (never markup).

use std::fmt::Write as _;

use crate::engine::report::Report;

/// The report as pretty JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
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

/// Every link of every pair, one per line, with both sides' text.
pub fn links_csv(report: &Report) -> String {
    let text = |ids: &[String]| -> String {
        ids.iter()
            .filter_map(|id| report.documents.iter().flat_map(|d| &d.sentences).find(|s| &s.id == id))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::from(
        "left_document,right_document,left_sentences,right_sentences,kind,score,wording,differing_figures,left_text,right_text\r\n",
    );
    for pair in &report.pairs {
        for l in &pair.links {
            let conflicts: Vec<String> =
                l.conflicts.iter().map(|c| format!("{} / {}", c.left, c.right)).collect();
            let cells = [
                pair.left.clone(),
                pair.right.clone(),
                l.left.join(" "),
                l.right.join(" "),
                l.kind.as_str().to_string(),
                format!("{:.3}", l.score),
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
/// `label` names a document id for people.
pub fn html(report: &Report, label: &dyn Fn(&str) -> String) -> String {
    let e = escape;
    let mut h = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\
<title>wirediff report</title><style>\
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1f24}\
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.kind{font-weight:600;text-transform:uppercase;font-size:.75rem}.note{color:#555}</style></head><body>\
<h1>wirediff report</h1><p class=\"note\">Made in the browser by wirediff; no text was uploaded.</p>",
    );
    h.push_str("<h2>Documents</h2><table><tr><th>Document</th><th>Title</th><th>Sentences</th><th>Verbatim</th><th>Reworded</th><th>Unique</th></tr>");
    for d in &report.documents {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            e(&label(&d.id)),
            e(&d.title),
            d.sentences.len(),
            d.shares.verbatim,
            d.shares.reworded,
            d.shares.unique
        );
    }
    h.push_str("</table><h2>Containment</h2><p class=\"note\">Share of the row's document found in the column's.</p><table><tr><th></th>");
    for d in &report.documents {
        let _ = write!(h, "<th>{}</th>", e(&label(&d.id)));
    }
    h.push_str("</tr>");
    for (d, row) in report.documents.iter().zip(&report.derivation.containment) {
        let _ = write!(h, "<tr><th>{}</th>", e(&label(&d.id)));
        for c in row {
            let _ = write!(h, "<td>{}</td>", c.map_or("—".to_string(), |c| format!("{:.0}%", c * 100.0)));
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
    h.push_str("<h2>Quotes that differ</h2><ul>");
    for q in report.quotes.iter().filter(|q| q.variants.len() > 1) {
        let speaker = q.speaker.as_deref().unwrap_or("unattributed");
        let _ = write!(h, "<li><b>{}</b> ({:?})<ul>", e(speaker), q.status);
        for v in &q.variants {
            let _ = write!(h, "<li>{}: “{}”</li>", e(&label(&v.doc)), e(&v.text));
        }
        h.push_str("</ul></li>");
    }
    h.push_str("</ul><h2>Figures that diverge</h2><ul>");
    for d in &report.facts.divergences {
        let _ = write!(h, "<li>{}</li>", e(&d.note));
    }
    h.push_str("</ul></body></html>\n");
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
        let page = html(&report, &|id| format!("<b>{id}</b>"));
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
        assert_eq!(links_csv(&report).lines().count(), 1 + links);
        let back: Report = serde_json::from_str(&json(&report)).expect("the JSON reads back");
        assert_eq!(back, report);
    }
}
