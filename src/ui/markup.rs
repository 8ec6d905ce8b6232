//! Cutting a sentence into runs by the byte spans of the report's word ops, so a view can style
//! each run. Spans off char boundaries, out of range or overlapping an earlier one are skipped.

/// One run of a sentence: plain (`tag` None) or marked with the tag of the span covering it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a, T> {
    pub text: &'a str,
    pub tag: Option<T>,
}

/// Splits `text` by `spans` (start, end, tag), in any order.
pub fn runs<'a, T: Clone>(text: &'a str, spans: &[(usize, usize, T)]) -> Vec<Run<'a, T>> {
    let mut sorted: Vec<&(usize, usize, T)> = spans.iter().collect();
    sorted.sort_by_key(|s| (s.0, s.1));
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, tag) in sorted {
        if *start < at || start >= end {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(at..*start), text.get(*start..*end)) else { continue };
        if !before.is_empty() {
            out.push(Run { text: before, tag: None });
        }
        out.push(Run { text: inside, tag: Some(tag.clone()) });
        at = *end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            out.push(Run { text: rest, tag: None });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_table() {
        let text = "Kyiv’s plan was cut";
        let show = |spans: &[(usize, usize, char)]| -> String {
            runs(text, spans)
                .iter()
                .map(|r| match r.tag {
                    Some(t) => format!("[{t}:{}]", r.text),
                    None => r.text.to_string(),
                })
                .collect()
        };
        type Spans<'a> = &'a [(usize, usize, char)];
        let cases: [(Spans, &str); 6] = [
            (&[], "Kyiv’s plan was cut"),
            (&[(0, 4, 'v')], "[v:Kyiv]’s plan was cut"),
            (&[(18, 21, 'c'), (9, 13, 'e')], "Kyiv’s [e:plan] was [c:cut]"),
            (&[(0, 5, 'x')], "Kyiv’s plan was cut"),
            (&[(9, 13, 'a'), (10, 12, 'b')], "Kyiv’s [a:plan] was cut"),
            (&[(20, 99, 'x'), (5, 5, 'y')], "Kyiv’s plan was cut"),
        ];
        for (spans, want) in cases {
            assert_eq!(show(spans), want, "{spans:?}");
        }
    }
}
