//! `clean` on arbitrary text, and the kept-to-raw offset map on its output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{clean, CleanConfig};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let raw = common::text(data);
    let cleaned = clean(&raw, &CleanConfig::default());
    for (offset, _) in cleaned.text.char_indices().step_by(7) {
        let at = cleaned.raw_offset(offset);
        assert!(raw.is_char_boundary(at), "raw_offset({offset}) = {at} is inside a character");
    }
    let _ = cleaned.raw_offset(cleaned.text.len());
    for r in &cleaned.removed {
        assert_eq!(raw.get(r.start..r.end), Some(r.text.as_str()));
    }
});
