//! `segment_with` on arbitrary text and on its cleaned form; spans lie on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{clean, segment, segment_with, CleanConfig, SegmentConfig};

#[path = "common.rs"]
mod common;

fn check(text: &str) {
    let seg = segment_with(text, &SegmentConfig::default());
    for s in &seg.sentences {
        assert!(text.get(s.start..s.end).is_some(), "{s:?} is off the text");
        assert!(s.paragraph < seg.paragraphs.len());
    }
    for p in &seg.paragraphs {
        assert!(text.get(p.start..p.end).is_some(), "{p:?} is off the text");
    }
    let _ = segment(text);
}

fuzz_target!(|data: &[u8]| {
    let raw = common::text(data);
    check(&raw);
    check(&clean(&raw, &CleanConfig::default()).text);
});
