//! Property tests: the whole pipeline (`analyze`) and the pairwise verdict never panic on
//! arbitrary input. Inputs mix fragments of the real seeds with hostile pieces (quotes,
//! dots, RTL text, emoji, combining marks, NULs, huge numbers, lone CRs, U+2028) and fully
//! arbitrary strings. The fuzz targets in `fuzz/` cover the same ground for longer runs.

use proptest::prelude::*;
use wirediff::engine::report::Report;
use wirediff::engine::similarity::{compare, is_paraphrase, Idf};
use wirediff::engine::{analyze, Config, Input, Lexicon, SentenceProfile, SimilarityConfig};
use wirediff::seeds::SEEDS;
use wirediff::ui::analysis::{
    answer, complete, divergences_request, Analyse, Assembly, Request, Response, WorkerState,
};

/// Pieces that stress the tokenizer, segmenter, quote and number parsers.
const HOSTILE: &[&str] = &[
    " ",
    " ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    ".",
    ". ",
    "...",
    "…",
    "!",
    "?",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "'",
    "''",
    ",",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "[",
    "]",
    "|",
    "#",
    "$",
    "%",
    "€",
    "Mr. ",
    "Mr. Mr. Mr. Mr. ",
    "U.S.",
    "No. 1",
    "Jan. 5",
    "1e309",
    "1,000,000,000,000,000,000,000",
    "99999999999999999999999999",
    "-0",
    "0.0000001",
    "3.5%",
    "$1.8 billion",
    "twenty-five",
    "per cent",
    "said",
    "he said",
    "she told",
    "according to",
    "Reuters",
    "AP",
    "By ",
    "Photo:",
    "Comments",
    "العربية نص",
    "עברית",
    "中文文本。",
    "日本",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u{301}",
    "\u{301}",
    "\u{0}",
    "\u{2028}",
    "\u{2029}",
    "\u{200d}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{85}",
    "İ",
    "ß",
    "ﬁ",
    "Ⅻ",
    "٣",
    "Zelenskyy",
    "Kyiv’s",
    "didn't",
];

/// A fragment of a seed article, cut at arbitrary character positions.
fn seed_fragment(max_chars: usize) -> impl Strategy<Value = String> {
    (0..SEEDS.len(), any::<prop::sample::Index>(), 0..max_chars).prop_map(|(k, at, len)| {
        let text = SEEDS[k].text;
        let chars: Vec<char> = text.chars().collect();
        let start = at.index(chars.len().max(1));
        chars[start.min(chars.len())..(start + len).min(chars.len())].iter().collect()
    })
}

fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        2 => "[a-zA-Z]{1,9}",
        1 => "[0-9,.]{1,12}",
        1 => "\\PC{0,3}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Seed fragments interleaved with hostile pieces, or a fully arbitrary string.
fn text(pieces: usize, max_fragment: usize) -> impl Strategy<Value = String> {
    let mixed =
        prop::collection::vec(prop_oneof![1 => seed_fragment(max_fragment), 3 => hostile_piece()], 0..pieces)
            .prop_map(|v| v.concat());
    prop_oneof![4 => mixed, 1 => any::<String>(), 1 => seed_fragment(max_fragment * 2)]
}

/// A document of up to a few paragraphs.
fn document() -> impl Strategy<Value = String> {
    text(24, 600)
}

/// About a sentence or two.
fn sentence() -> impl Strategy<Value = String> {
    text(10, 160)
}

fn inputs() -> impl Strategy<Value = Vec<Input>> {
    prop::collection::vec(("[a-c]{0,2}", document()), 0..5)
        .prop_map(|docs| docs.into_iter().map(|(id, text)| Input { id, text }).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// `analyze` returns a report with one document per input, unique sentence ids, and links
    /// and passages that only name sentences of the report.
    #[test]
    fn analyze_never_panics(inputs in inputs()) {
        let report = analyze(&inputs, &Config::default());
        prop_assert_eq!(report.documents.len(), inputs.len());
        let mut ids = std::collections::HashSet::new();
        for doc in &report.documents {
            for s in &doc.sentences {
                prop_assert!(s.start < s.end, "{:?}", s);
                prop_assert!(ids.insert(s.id.as_str()), "duplicate id {}", s.id);
            }
        }
        for pair in &report.pairs {
            for link in &pair.links {
                for id in link.left.iter().chain(&link.right) {
                    prop_assert!(ids.contains(id.as_str()), "link names unknown {}", id);
                }
            }
        }
        for passage in &report.passages {
            for id in passage.carriers.iter().flat_map(|c| &c.sentences) {
                prop_assert!(ids.contains(id.as_str()), "passage names unknown {}", id);
            }
        }
        // The report always serializes (no NaN sneaks into a float field unnoticed).
        prop_assert!(serde_json::to_string(&report).is_ok());
    }

    /// The same document twice, and a document with a one-character edit of itself.
    #[test]
    fn analyze_near_duplicates(text in text(12, 400), at in any::<prop::sample::Index>(), c in any::<char>()) {
        let mut edited: Vec<char> = text.chars().collect();
        if !edited.is_empty() {
            let k = at.index(edited.len());
            edited[k] = c;
        }
        let edited: String = edited.into_iter().collect();
        let inputs = vec![
            Input { id: "a".into(), text: text.clone() },
            Input { id: "a".into(), text: text.clone() },
            Input { id: "b".into(), text: edited },
        ];
        let report = analyze(&inputs, &Config::default());
        prop_assert_eq!(report.documents.len(), 3);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2500, ..ProptestConfig::default() })]

    /// The paraphrase verdict and IDF built from many profiles never panic.
    #[test]
    fn paraphrase_verdict_never_panics(a in sentence(), b in sentence()) {
        let lex = Lexicon::shared();
        let (pa, pb) = (SentenceProfile::new(lex, &a), SentenceProfile::new(lex, &b));
        for idf in [Idf::builtin(), Idf::from_profiles([&pa, &pb, &pa])] {
            let sim = compare(lex, &pa, &pb, &idf);
            prop_assert!(sim.score.is_finite());
            let _ = is_paraphrase(&sim, &SimilarityConfig::default());
        }
    }
}

/// The report the worker's request gives, assembled from its parts.
fn assembled(state: &mut WorkerState, request: &Request) -> Report {
    let mut assembly = Assembly::default();
    answer(state, request, &mut |r| {
        if let Response::Part { part, .. } = r {
            assembly.add(*part)
        }
    });
    assembly.finish()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// What the web app does with a large library — two workers share the analysis, the
    /// first from a cache warmed by an earlier library, the second keeping the facts between
    /// its two requests — gives the report of one fresh analysis, on any input.
    #[test]
    fn two_workers_and_a_warm_cache_give_the_report_of_one(
        inputs in inputs(),
        earlier in inputs(),
        restored in prop::option::of(("[a-c]{0,2}", 1usize..6)),
    ) {
        let restored: Vec<(String, usize)> = restored.into_iter().collect();
        let now = Analyse { generation: 2, inputs: inputs.clone(), restored: restored.clone() };
        let whole = assembled(&mut WorkerState::default(), &Request::Analyse(now.clone()));
        // The first worker had analysed an earlier library: part of this one and others.
        let mut before = earlier;
        before.extend(inputs.iter().skip(1).cloned());
        let old = Analyse { generation: 1, inputs: before, restored };
        let mut first = WorkerState::default();
        assembled(&mut first, &Request::Align(old.clone()));
        let report = assembled(&mut first, &Request::Align(now.clone()));
        // The second had found the earlier library's facts.
        let mut helper = WorkerState::default();
        answer(&mut helper, &Request::Extract(old), &mut |r| panic!("{r:?}"));
        let Response::Extracts { extracts, .. } =
            answer(&mut helper, &Request::Extract(now), &mut |r| panic!("{r:?}"))
        else {
            panic!("extracts expected")
        };
        let asked = divergences_request(2, &report.passages, report.documents.len(), None);
        let Response::Divergences { divergences: Some(divergences), .. } =
            answer(&mut helper, &Request::Divergences(asked), &mut |r| panic!("{r:?}"))
        else {
            panic!("the helper kept this generation's facts")
        };
        prop_assert_eq!(complete(report, *extracts, divergences), whole);
    }
}

/// Markdown syntax and seed text in any order: openers without closers, nested links, runs.
fn markdown() -> impl Strategy<Value = String> {
    const SYNTAX: &[&str] = &[
        "*",
        "**",
        "***",
        "_",
        "__",
        "~~",
        "`",
        "``",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "][",
        "<",
        ">",
        "<!--",
        "-->",
        "\\",
        "#",
        "## ",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "```",
        "\n",
        " ",
        "https://x.example",
        "a@b.c",
    ];
    prop::collection::vec(
        prop_oneof![3 => prop::sample::select(SYNTAX).prop_map(str::to_string), 1 => seed_fragment(40), 1 => hostile_piece()],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Markdown to text never panics and never adds lines (the title line stays first).
    #[test]
    fn markdown_to_text_never_panics(md in markdown()) {
        let text = wirediff::engine::markdown::to_text(&md);
        prop_assert_eq!(text.lines().count(), md.lines().count());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Language identification never panics, and any code it returns has an
    /// English name (every Unicode string, and seed fragments with hostile pieces).
    #[test]
    fn identify_never_panics(t in text(8, 400), any_text in ".{0,200}") {
        use wirediff::engine::language::{identify, name};
        for s in [t.as_str(), any_text.as_str()] {
            if let Some(code) = identify(s) {
                prop_assert_ne!(name(code), code);
            }
        }
    }
}
