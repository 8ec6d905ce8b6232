//! Property tests: clean and segment never panic and keep their span invariants on arbitrary text.

use proptest::prelude::*;
use wirediff::engine::clean::{clean, CleanConfig};
use wirediff::engine::segment::{first_sentence, segment_with, SegmentConfig};

/// Text biased toward what the rules look at: quotes, dots, newlines, bars, hashes, capitals.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "The", "U.S.", "Mr.", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ". ", "!", "?", "\"", "“", "”",
        "’", "’’", "‘", ",", ":", "—", "…", "...", "#tag", "|", "[", "]", "(", ")", "7,000", "2.5", "73",
        "he said", "Comments", "Read at", "neet", "é", "日本", "\u{2028}", "\u{feff}", "\t", "J.", "Jan.",
        "‘No’",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(raw: &str) {
    let cleaned = clean(raw, &CleanConfig::default());
    // Every raw line is accounted for exactly once: kept, removed or a dropped blank line.
    // Lines as the cleaner counts them: a final line break opens no extra line.
    let line_count =
        if raw.is_empty() { 0 } else { raw.split('\n').count() - usize::from(raw.ends_with('\n')) };
    let mut lines: Vec<usize> = cleaned
        .kept
        .iter()
        .map(|k| k.line)
        .chain(cleaned.removed.iter().map(|r| r.line))
        .chain(cleaned.blank_lines.iter().copied())
        .collect();
    lines.sort_unstable();
    assert_eq!(lines, (1..=line_count).collect::<Vec<_>>());
    for r in &cleaned.removed {
        assert_eq!(raw.get(r.start..r.end), Some(r.text.as_str()));
        assert!(!r.text.trim().is_empty(), "{r:?}");
    }
    for k in &cleaned.kept {
        assert_eq!(raw.get(k.raw_start..k.raw_start + k.len), cleaned.text.get(k.start..k.start + k.len));
    }
    // Kept-text offsets map back onto the same characters of the raw text.
    for (offset, c) in cleaned.text.char_indices().filter(|&(_, c)| c != '\n') {
        assert_eq!(raw[cleaned.raw_offset(offset)..].chars().next(), Some(c), "offset {offset}");
    }
    assert_eq!(cleaned.text.trim(), cleaned.text);
    assert!(!cleaned.text.contains("\n\n\n"));

    for text in [raw, cleaned.text.as_str()] {
        let seg = segment_with(text, &SegmentConfig::default());
        let mut last_end = 0;
        for s in &seg.sentences {
            assert!(s.start < s.end && s.start >= last_end, "{s:?} after {last_end}");
            let piece = text.get(s.start..s.end).expect("char boundaries");
            assert_eq!(piece.trim(), piece);
            let p = &seg.paragraphs[s.paragraph];
            assert!(p.start <= s.start && s.end <= p.end);
            last_end = s.end;
        }
        let mut last_end = 0;
        for p in &seg.paragraphs {
            assert!(p.start < p.end && p.start >= last_end);
            let piece = text.get(p.start..p.end).expect("char boundaries");
            assert_eq!(piece.trim(), piece);
            last_end = p.end;
        }
        // Every non-space character outside wrapper quotes lands in some sentence.
        let covered: usize = seg
            .sentences
            .iter()
            .map(|s| text[s.start..s.end].chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let wrappers = 2 * seg.paragraphs.iter().filter(|p| p.quote_wrapped).count();
        assert_eq!(covered + wrappers, text.chars().filter(|c| !c.is_whitespace()).count());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn newsy_text(raw in newsy()) {
        check(&raw);
        // The page's titles cut without Unicode's tables, where the full segmenter does (on
        // news text: `any_text`'s rare scripts may differ, and a title only moves its cut).
        let cleaned = clean(&raw, &CleanConfig::default()).text;
        for text in [raw.as_str(), cleaned.as_str()] {
            let seg = segment_with(text, &SegmentConfig::default());
            prop_assert_eq!(first_sentence(text), seg.sentences.first().copied(), "{:?}", text);
        }
    }

    #[test]
    fn any_text(raw in any::<String>()) {
        check(&raw);
    }
}
