//! Paragraph and sentence segmentation. (Stub: the real rules land with Engine I.)

use serde::{Deserialize, Serialize};

/// One sentence as a byte span into the text that was segmented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceSpan {
    /// 0-based paragraph index.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into sentences. Spans are in order, do not overlap, and are trimmed.
pub fn segment(text: &str) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '.' || c == '\n' {
            push_trimmed(text, start, i + c.len_utf8(), &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<SentenceSpan>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(SentenceSpan { paragraph: 0, start: start + lead, end: start + lead + trimmed.len() });
    }
}
