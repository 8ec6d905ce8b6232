//! Tokenize two arbitrary texts and compare them both ways, with built-in and local IDF.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::similarity::{compare, is_paraphrase, Idf};
use wirediff::engine::{Lexicon, SentenceProfile, SimilarityConfig};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::pieces(data, 2);
    let a = common::text(parts[0]);
    let b = common::text(parts.get(1).copied().unwrap_or_default());
    let lex = Lexicon::shared();
    for text in [&a, &b] {
        for t in lex.tokenize(text) {
            assert!(text.get(t.start..t.end).is_some(), "{t:?} is off the text");
        }
    }
    let (pa, pb) = (SentenceProfile::new(lex, &a), SentenceProfile::new(lex, &b));
    for idf in [Idf::builtin(), Idf::from_profiles([&pa, &pb])] {
        let ab = compare(lex, &pa, &pb, &idf);
        let ba = compare(lex, &pb, &pa, &idf);
        for v in [ab.score, ab.left_in_right, ab.right_in_left] {
            assert!((0.0..=1.0).contains(&v), "score {v} out of [0, 1]");
        }
        assert_eq!(ab.score, ba.score);
        let _ = is_paraphrase(&ab, &SimilarityConfig::default());
    }
    for (x, y) in pa.tokens.iter().zip(&pb.tokens).take(64) {
        let _ = lex.relate(x, y);
        let _ = lex.names_match(x, y);
    }
});
