//! Sentence pairs in the MRPC TSV format, the evaluation input of `wirediff paraphrase`:
//! a header `Quality  #1 ID  #2 ID  #1 String  #2 String`, then one labelled pair per line;
//! an optional UTF-8 byte-order mark, CRLF or LF line ends.

/// One labelled pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledPair {
    /// 1-based line number in the file.
    pub line: usize,
    pub paraphrase: bool,
    pub left: String,
    pub right: String,
}

/// A malformed line: its 1-based number and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairsError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PairsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses MRPC-format TSV. The header line is required; blank lines are skipped.
pub fn parse_pairs(text: &str) -> Result<Vec<LabelledPair>, PairsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut lines = text.split('\n').enumerate();
    let header = lines.next().map(|(_, l)| l.trim_end_matches('\r')).unwrap_or("");
    if !header.starts_with("Quality\t") {
        return Err(PairsError {
            line: 1,
            message: "expected the header \"Quality\\t#1 ID\\t#2 ID\\t#1 String\\t#2 String\"".into(),
        });
    }
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| PairsError { line: i + 1, message };
        if cols.len() != 5 {
            return Err(err(format!("expected 5 tab-separated fields, found {}", cols.len())));
        }
        let paraphrase = match cols[0].trim() {
            "1" => true,
            "0" => false,
            other => return Err(err(format!("quality must be 0 or 1, found {other:?}"))),
        };
        out.push(LabelledPair {
            line: i + 1,
            paraphrase,
            left: cols[3].to_string(),
            right: cols[4].to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bom_crlf_and_reports_bad_lines() {
        let ok = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n1\t1\t2\tA b.\tA c.\r\n\r\n0\t3\t4\tX.\tY.\n";
        let p = parse_pairs(ok).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].line, p[0].paraphrase, p[0].right.as_str()), (2, true, "A c."));
        assert_eq!((p[1].line, p[1].paraphrase), (4, false));
        let bad = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tonly four\n";
        assert_eq!(parse_pairs(bad).unwrap_err().line, 2);
        let label = "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\nyes\t1\t2\ta\tb\n";
        assert!(parse_pairs(label).unwrap_err().message.contains("quality"));
        assert_eq!(parse_pairs("no header").unwrap_err().line, 1);
    }
}
