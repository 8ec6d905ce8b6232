//! Property tests: the lexicon and similarity never panic on arbitrary text, spans stay on
//! char boundaries, scores stay in [0, 1], and `compare` is symmetric.

use proptest::prelude::*;
use wirediff::engine::similarity::{compare, Idf};
use wirediff::engine::{Lexicon, SentenceProfile};

/// Text that looks like news often enough to hit every tokenizer path.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("900,000".to_string()),
        Just("20 percent".to_string()),
        Just("$1.8 billion".to_string()),
        Just("twenty-five".to_string()),
        Just("Kiev’s".to_string()),
        Just("“Zelenskyy”".to_string()),
        Just("—".to_string()),
        Just("didn't".to_string()),
        Just("1,2,3".to_string()),
        Just("2.5.".to_string()),
        Just("per cent".to_string()),
        Just("United States".to_string()),
        "[a-zA-Z]{1,9}",
        "[0-9,.%$]{1,6}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..14).prop_map(|v| v.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn tokens_are_well_formed(text in any_text()) {
        let lex = Lexicon::shared();
        let mut last = 0;
        for t in lex.tokenize(&text) {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(t.start >= last);
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!t.norm.is_empty());
            last = t.end;
        }
    }

    #[test]
    fn compare_is_bounded_and_symmetric(a in any_text(), b in any_text()) {
        let lex = Lexicon::shared();
        let (pa, pb) = (SentenceProfile::new(lex, &a), SentenceProfile::new(lex, &b));
        let idf = Idf::from_profiles([&pa, &pb]);
        let ab = compare(lex, &pa, &pb, &idf);
        let ba = compare(lex, &pb, &pa, &idf);
        for v in [ab.score, ab.paraphrase, ab.left_in_right, ab.right_in_left] {
            prop_assert!((0.0..=1.0).contains(&v), "{v}");
        }
        prop_assert_eq!(ab.score, ba.score);
        prop_assert_eq!(ab.paraphrase, ba.paraphrase);
        prop_assert_eq!(ab.left_in_right, ba.right_in_left);
        prop_assert_eq!(ab.matches.len(), ba.matches.len());
        prop_assert_eq!(ab.matches.len() + ab.left_only.len(), pa.tokens.len());
        prop_assert_eq!(ab.matches.len() + ab.right_only.len(), pb.tokens.len());
        for m in &ab.matches {
            prop_assert!(lex.relate(&pa.tokens[m.left], &pb.tokens[m.right]).is_some());
        }
    }

    #[test]
    fn a_sentence_covers_itself(a in newsy()) {
        let lex = Lexicon::shared();
        let pa = SentenceProfile::new(lex, &a);
        let s = compare(lex, &pa, &pa, &Idf::builtin());
        prop_assert!(s.left_only.is_empty());
        if !pa.tokens.is_empty() {
            prop_assert_eq!(s.left_in_right, 1.0);
        }
    }
}
