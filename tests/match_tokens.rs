//! Alignment reads only the token matches and figure conflicts of a comparison, so it calls
//! `match_tokens` instead of the full `compare` (scores, features, model). The two must agree
//! exactly, in both directions, on real sentences and on arbitrary text.

use proptest::prelude::*;
use wirediff::engine::similarity::{compare, match_tokens, Idf};
use wirediff::engine::{segment, Lexicon, SentenceProfile};
use wirediff::seeds::SEEDS;

fn assert_same(lex: &Lexicon, a: &SentenceProfile, b: &SentenceProfile, idf: &Idf) {
    let full = compare(lex, a, b, idf);
    let only = match_tokens(lex, a, b);
    assert_eq!(only.matches, full.matches, "matches of {:?} / {:?}", a.text, b.text);
    assert_eq!(only.conflicts, full.conflicts, "conflicts of {:?} / {:?}", a.text, b.text);
}

#[test]
fn match_tokens_equals_compare_on_seed_sentences() {
    let lex = Lexicon::shared();
    let docs: Vec<Vec<SentenceProfile>> = SEEDS
        .iter()
        .map(|s| {
            segment(s.text).iter().map(|sp| SentenceProfile::new(lex, &s.text[sp.start..sp.end])).collect()
        })
        .collect();
    let idf = Idf::from_profiles(docs.iter().flatten());
    let mut pairs = 0;
    for (d, left) in docs.iter().enumerate() {
        let right = &docs[(d + 1) % docs.len()];
        for a in left {
            for b in right {
                assert_same(lex, a, b, &idf);
                assert_same(lex, b, a, &idf);
                pairs += 1;
            }
        }
    }
    assert!(pairs > 1000, "only {pairs} sentence pairs");
}

fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("US".to_string()),
        Just("900,000".to_string()),
        Just("850,000".to_string()),
        Just("20 percent".to_string()),
        Just("$1.8 billion".to_string()),
        Just("Kiev".to_string()),
        Just("Kyiv".to_string()),
        Just("Zelenskyy".to_string()),
        Just("Zelensky".to_string()),
        Just("cede".to_string()),
        Just("surrender".to_string()),
        Just("not".to_string()),
        "[a-zA-Z]{1,9}",
        "[0-9,.%$]{1,6}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn match_tokens_equals_compare(a in newsy(), b in newsy()) {
        let lex = Lexicon::shared();
        let (pa, pb) = (SentenceProfile::new(lex, &a), SentenceProfile::new(lex, &b));
        let idf = Idf::builtin();
        assert_same(lex, &pa, &pb, &idf);
        assert_same(lex, &pb, &pa, &idf);
    }
}
