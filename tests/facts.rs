//! Facts (numbers, dates, entities), divergences, and credit lines / outlet guesses.

mod seed_docs;

use proptest::prelude::*;
use seed_docs::{owned, with_docs};
use wirediff::engine::credits::{credits, CreditConfig, CreditKind};
use wirediff::engine::facts::{
    divergences, extract_facts, facts, DivergenceKind, EntityKind, Fact, FactConfig, FactKind, SentenceKey,
};
use wirediff::engine::quotes::{DocSentences, SentenceText};

fn sentence_facts(text: &str) -> Vec<Fact> {
    let sentences = [SentenceText { id: "s0", paragraph: 0, text }];
    let doc = DocSentences { doc: "d", sentences: &sentences, removed: &[] };
    extract_facts(&doc, &FactConfig::default())
}

/// (value, unit, qualifier) of the number and date facts of one sentence, in order.
fn figures(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    sentence_facts(text)
        .into_iter()
        .filter(|f| f.kind != FactKind::Entity)
        .map(|f| (f.value, f.unit, f.qualifier))
        .collect()
}

type Want = &'static [(&'static str, Option<&'static str>, Option<&'static str>)];

#[test]
fn numbers_and_dates() {
    let cases: &[(&str, Want)] = &[
        (
            "shrink its armed forces from its current estimated 900,000 to 600,000 personnel",
            &[("900000", Some("personnel"), Some("estimated")), ("600000", Some("personnel"), None)],
        ),
        (
            "The conflict is costing Moscow roughly 7,000 Russian lives a day as its economy hemorrhages.",
            &[("7000", Some("lives per day"), Some("roughly"))],
        ),
        (
            "Ukraine's Interior Ministry said yesterday that at least 25 people, including three children, were killed in the attack.",
            &[
                ("yesterday", Some("relative"), None),
                ("25", Some("people killed"), Some("at least")),
                ("3", Some("children killed"), None),
            ],
        ),
        ("73 people were injured.", &[("73", Some("people injured"), None)]),
        ("According to a source familiar with the 28-point document, Ukraine is asked.", &[("28", Some("points"), None)]),
        ("You will see that point 26 gives amnesty to all parties.", &[("26", Some("plan point"), None)]),
        ("Russia presently holds about 20 percent of Ukraine’s territory.", &[("20", Some("percent"), Some("about"))]),
        ("Russia holds 20% of the territory.", &[("20", Some("percent"), None)]),
        ("He vowed to end the conflict within 24 hours of taking office in January.", &[
            ("24", Some("hours"), None),
            ("january", Some("month"), None),
        ]),
        ("to end the nearly four-year-old war in Ukraine", &[("4", Some("years"), Some("nearly"))]),
        (
            "Moscow claims to have annexed Kherson in 2022, as well as Crimea in 2014.",
            &[("2022", Some("year"), None), ("2014", Some("year"), None)],
        ),
        ("Late Wednesday, he posted on X.", &[("wednesday", Some("weekday"), Some("late"))]),
        ("Rubio and Witkoff met with Ukrainian representatives last week.", &[("last week", Some("relative"), None)]),
        ("The fund holds $5 billion for rebuilding.", &[("5000000000", Some("usd"), None)]),
        ("Russia returning to the G8 and a Covid-19 deal.", &[]),
        ("One of the officials said so.", &[]),
        // A figure with no known unit counts the plural noun after it (over an adjective).
        ("Officials said that 40 homes were flooded by the river.", &[("40", Some("homes"), None)]),
        ("About 300 new houses collapsed.", &[("300", Some("houses"), Some("about"))]),
        ("Only 1,200 votes, the count showed, separated them.", &[("1200", Some("votes"), Some("only"))]),
        ("The 2022 elections were close.", &[("2022", Some("year"), None)]),
        ("He said 45 was too many; 12 across the board, and 7 status reports.", &[
            ("45", None, None),
            ("12", None, None),
            ("7", Some("reports"), None),
        ]),
        ("Two homes burned.", &[]),
        ("Another 40 homes burned.", &[("40", Some("homes"), None)]),
        ("All 12 cars were towed.", &[("12", Some("cars"), None)]),
        ("The 40 homes were empty; Report 12 says so, and point 26 gives amnesty.", &[
            ("40", Some("homes"), None),
            ("12", None, None),
            ("26", Some("plan point"), None),
        ]),
        ("", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<(String, Option<String>, Option<String>)> = want
            .iter()
            .map(|(v, u, q)| (v.to_string(), u.map(str::to_string), q.map(str::to_string)))
            .collect();
        assert_eq!(figures(text), want, "sentence: {text}");
    }
}

#[test]
fn a_range_figure_is_labelled_with_the_unit_it_shares() {
    let labels = |text: &str| -> Vec<String> {
        sentence_facts(text).into_iter().filter(|f| f.kind == FactKind::Number).map(|f| f.label).collect()
    };
    let cases: &[(&str, &[&str])] = &[
        (
            "shrink its armed forces from its current estimated 900,000 to 600,000 personnel",
            &["900,000 personnel", "600,000 personnel"],
        ),
        ("between 3 and 5 million people were displaced", &["3 million people", "5 million people"]),
        ("Russia holds between 18 and 20% of the territory.", &["18 percent", "20%"]),
        ("At least 25 people were killed.", &["25 people"]),
    ];
    for (text, want) in cases {
        assert_eq!(labels(text), *want, "sentence: {text}");
    }
}

#[test]
fn spans_point_at_the_figure() {
    let text = "shrink its forces from an estimated 900,000 to 600,000 personnel";
    for f in sentence_facts(text).iter().filter(|f| f.kind == FactKind::Number) {
        assert_eq!(&text[f.start..f.end], f.text);
        assert!(!f.context.is_empty());
    }
}

/// An entity's text is as written: an initialism keeps its final dot, other words lose the
/// punctuation after them.
#[test]
fn entity_text_as_written() {
    let written = |text: &str| -> Vec<String> {
        sentence_facts(text).into_iter().filter(|f| f.kind == FactKind::Entity).map(|f| f.text).collect()
    };
    for (text, want) in [
        ("Aid from the U.S. reached Kyiv.", &["U.S.", "Kyiv"][..]),
        ("It was sent to the U.S., officials said.", &["U.S."]),
        ("Envoys met in the U.S.", &["U.S."]),
        ("Talks with the U.K.; then Paris.", &["U.K.", "Paris"]),
        ("Aid reached Kyiv, then Kharkiv.", &["Kyiv", "Kharkiv"]),
        ("The plan was shown to Russia’s envoy.", &["Russia’s"]),
        ("Talks in “Geneva” ended.", &["Geneva"]),
    ] {
        assert_eq!(written(text), want, "{text:?}");
    }
}

#[test]
fn entities() {
    let ents = |text: &str| -> Vec<(String, EntityKind)> {
        sentence_facts(text)
            .into_iter()
            .filter(|f| f.kind == FactKind::Entity)
            .map(|f| (f.value, f.entity.unwrap_or(EntityKind::Other)))
            .collect()
    };
    assert_eq!(
        ents("Secretary of State Marco Rubio indicated that officials would persist."),
        vec![("Marco Rubio".to_string(), EntityKind::Person)]
    );
    assert_eq!(
        ents("The plan calls for reducing US military aid to Kiev and Russia and Ukraine."),
        vec![
            ("United States".to_string(), EntityKind::Place),
            ("Kyiv".to_string(), EntityKind::Place),
            ("Russia".to_string(), EntityKind::Place),
            ("Ukraine".to_string(), EntityKind::Place),
        ]
    );
    assert_eq!(
        ents("Ukraine's Interior Ministry said yesterday that the Kremlin and NATO disagreed."),
        vec![
            ("Ukraine".to_string(), EntityKind::Place),
            ("Interior Ministry".to_string(), EntityKind::Organisation),
            ("Kremlin".to_string(), EntityKind::Organisation),
            ("NATO".to_string(), EntityKind::Organisation),
        ]
    );
    // A headline is not a list of names; a capitalised sentence start is just a word.
    assert_eq!(ents("What We Know About the Plan"), vec![]);
    assert_eq!(ents("Furthermore, it would involve scaling back aid."), vec![]);
    // A later surname is the same person.
    let sentences = [
        SentenceText { id: "s0", paragraph: 0, text: "Secretary of State Marco Rubio spoke." },
        SentenceText { id: "s1", paragraph: 0, text: "Later, officials said Rubio agreed." },
    ];
    let doc = DocSentences { doc: "d", sentences: &sentences, removed: &[] };
    let people: Vec<String> = extract_facts(&doc, &FactConfig::default())
        .into_iter()
        .filter(|f| f.entity == Some(EntityKind::Person))
        .map(|f| f.value)
        .collect();
    assert_eq!(people, vec!["Marco Rubio", "Marco Rubio"]);
}

fn key(d: &str, s: &str) -> SentenceKey {
    (d.to_string(), s.to_string())
}

#[test]
fn divergences_in_passages() {
    let a =
        [SentenceText { id: "a0", paragraph: 0, text: "Ukraine must shrink its army to 600,000 personnel." }];
    let b = [SentenceText { id: "b0", paragraph: 0, text: "Kyiv would cut its forces to 800,000 troops." }];
    let c = [SentenceText {
        id: "c0",
        paragraph: 0,
        text: "Ukraine would have to reduce the size of its military.",
    }];
    let docs = [
        DocSentences { doc: "a", sentences: &a, removed: &[] },
        DocSentences { doc: "b", sentences: &b, removed: &[] },
        DocSentences { doc: "c", sentences: &c, removed: &[] },
    ];
    let passages = vec![vec![key("a", "a0"), key("b", "b0"), key("c", "c0")]];
    let out = facts(&docs, &passages, &FactConfig::default());
    let diff: Vec<_> = out.divergences.iter().filter(|d| d.kind == DivergenceKind::DifferentFigure).collect();
    assert_eq!(diff.len(), 1, "{:#?}", out.divergences);
    assert_eq!(diff[0].passage, Some(0));
    assert_eq!(diff[0].unit.as_deref(), Some("personnel"));
    let values: Vec<&str> = diff[0].facts.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(values, vec!["600000", "800000"]);
    assert_eq!(diff[0].note, "a says 600000 personnel, b says 800000 personnel");

    // The same figure in two outlets of a passage, omitted by the third: only_in, modestly.
    let b2 = [SentenceText { id: "b0", paragraph: 0, text: "Kyiv would cut its forces to 600,000 troops." }];
    let docs = [
        DocSentences { doc: "a", sentences: &a, removed: &[] },
        DocSentences { doc: "b", sentences: &b2, removed: &[] },
        DocSentences { doc: "c", sentences: &c, removed: &[] },
    ];
    let out = facts(&docs, &passages, &FactConfig::default());
    assert!(out.divergences.iter().all(|d| d.kind == DivergenceKind::OnlyIn), "{:#?}", out.divergences);
    assert_eq!(out.divergences.len(), 1);
    assert_eq!(out.divergences[0].missing_in, vec!["c".to_string()]);

    // Without passages, only clearly matching contexts conflict.
    let items: Vec<Fact> = docs.iter().flat_map(|d| extract_facts(d, &FactConfig::default())).collect();
    let none = divergences(&items, &[], 3, &FactConfig { report_only_in: false, ..FactConfig::default() });
    assert!(none.is_empty(), "{none:#?}");
}

#[test]
fn divergences_outside_passages() {
    let run = |texts: &[&str]| {
        let owned: Vec<Vec<SentenceText>> =
            texts.iter().map(|t| vec![SentenceText { id: "s0", paragraph: 0, text: t }]).collect();
        let ids = ["a", "b", "c", "d"];
        let docs: Vec<DocSentences> = owned
            .iter()
            .zip(ids)
            .map(|(s, id)| DocSentences { doc: id, sentences: s, removed: &[] })
            .collect();
        facts(&docs, &[], &FactConfig { report_only_in: false, ..FactConfig::default() }).divergences
    };
    // Same context, different figure: flagged once, listing every document by value.
    let d = run(&[
        "The plan would shrink the Ukrainian army to 600,000 personnel under the deal.",
        "The plan would shrink the Ukrainian army to 800,000 personnel under the deal.",
        "The plan would shrink the Ukrainian army to 800,000 personnel under the deal.",
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].note, "a says 600000 personnel, b, c say 800000 personnel");
    // Three figures in the same context: one divergence, not one per value pair (150 outlets
    // giving their own count were 11,175 divergences).
    let d = run(&[
        "The plan would shrink the Ukrainian army to 600,000 personnel under the deal.",
        "The plan would shrink the Ukrainian army to 700,000 personnel under the deal.",
        "The plan would shrink the Ukrainian army to 800,000 personnel under the deal.",
        "The plan would shrink the Ukrainian army to 800,000 personnel under the deal.",
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].note, "a says 600000 personnel, b says 700000 personnel, c, d say 800000 personnel");
    assert_eq!(d[0].facts.len(), 4);
    // A noun the extractor has no unit for is still what the figures count.
    let d = run(&[
        "Officials in Lyon said on Friday that 40 homes were flooded by the river.",
        "Officials in Lyon said on Friday that 45 homes were flooded by the river.",
    ]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].note, "a says 40 homes, b says 45 homes");
    // Copies that carry both figures of a range do not conflict with each other.
    let d = run(&[
        "shrink its armed forces from its current estimated 900,000 to 600,000 personnel",
        "shrink its armed forces from its current estimated 900,000 to 600,000 personnel",
    ]);
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn seed_figures_only_in_one_outlet() {
    let docs = seed_docs::seeds();
    let out = with_docs(&docs, |ds| facts(ds, &[], &FactConfig::default()));
    let only: Vec<String> =
        out.divergences.iter().filter(|d| d.kind == DivergenceKind::OnlyIn).map(|d| d.note.clone()).collect();
    for want in [
        "only 001 gives estimated 900000 personnel",
        "only 001 gives roughly 7000 lives per day",
        "only 003 gives at least 25 people killed",
        "only 004 gives about 20 percent",
        "only 004 gives 28 points",
    ] {
        assert!(only.iter().any(|n| n == want), "missing {want:?} in {only:#?}");
    }
    // Years several outlets give are not flagged.
    assert!(!only.iter().any(|n| n.contains("2022")));
}

// ---------------------------------------------------------------------------------------------
// Credits

#[test]
fn credit_lines() {
    let cases: &[(&str, &[(&str, CreditKind)])] = &[
        (
            "some involve demands put forth by Moscow, as reported by The Associated Press, citing an informed source.",
            &[("The Associated Press", CreditKind::Cites)],
        ),
        ("Sources familiar with the draft told AFP that the proposal includes demands.", &[("AFP", CreditKind::Attribution)]),
        ("Dmitriev told Axios he is optimistic.", &[("Axios", CreditKind::Attribution)]),
        ("A senior US official told The Post that the main sticking point was this.", &[("The Post", CreditKind::Attribution)]),
        ("US and Russian officials drafted a plan, the US media outlet Axios has reported.", &[("Axios", CreditKind::Cites)]),
        ("The plan was drafted in secret, according to a report by the news site Axios.", &[("Axios", CreditKind::Cites)]),
        ("according to a senior U.S. official who spoke to Digital on condition of anonymity", &[("Fox News Digital", CreditKind::Attribution)]),
        ("Digital has sought comment from the relevant parties.", &[("Fox News Digital", CreditKind::Attribution)]),
        ("Read at Axios", &[("Axios", CreditKind::ReadAt)]),
        ("Read at The Daily Bugle", &[("The Daily Bugle", CreditKind::ReadAt)]),
        ("KYIV (AP) — Russia launched drones overnight.", &[("The Associated Press", CreditKind::SiteName)]),
        ("Ukraine is desperate to stop the war | Instant World News", &[("Instant World News", CreditKind::SiteName)]),
        ("The digital economy grew. The post office closed. An AP course started.", &[]),
        ("", &[]),
    ];
    for (text, want) in cases {
        let sentences = [SentenceText { id: "s0", paragraph: 0, text }];
        let doc = DocSentences { doc: "d", sentences: &sentences, removed: &[] };
        let got: Vec<(String, CreditKind)> = credits(&[doc], &CreditConfig::default())[0]
            .credits
            .iter()
            .map(|c| (c.outlet.clone(), c.kind))
            .collect();
        let want: Vec<(String, CreditKind)> = want.iter().map(|(o, k)| (o.to_string(), *k)).collect();
        assert_eq!(got, want, "text: {text}");
    }
}

#[test]
fn seed_outlets() {
    let docs = seed_docs::seeds();
    let found = with_docs(&docs, |ds| credits(ds, &CreditConfig::default()));
    let outlets: Vec<(String, Option<String>)> =
        found.iter().map(|c| (c.doc.clone(), c.outlet.outlet.clone())).collect();
    assert_eq!(
        outlets,
        vec![
            ("000".to_string(), Some("Fox News Digital".to_string())),
            ("001".to_string(), Some("The Post".to_string())),
            ("002".to_string(), Some("Axios".to_string())),
            ("003".to_string(), Some("Instant World News".to_string())),
            ("004".to_string(), None),
        ]
    );
    // "Read at Axios" was removed by the cleaner and is still found, with its line number.
    let read_at = found[2].credits.iter().find(|c| c.kind == CreditKind::ReadAt).expect("Read at Axios");
    assert!(read_at.removed_line.is_some() && read_at.sentence.is_none());
    // 003 cites Axios as a source; that does not make it Axios.
    assert!(found[3].credits.iter().any(|c| c.outlet == "Axios" && c.kind == CreditKind::Cites));
    // 000 cites the AP.
    assert!(found[0]
        .credits
        .iter()
        .any(|c| c.outlet == "The Associated Press" && c.kind == CreditKind::Cites));
    for c in &found {
        assert!(!c.outlet.note.is_empty());
    }
}

#[test]
fn seed_owned_docs_have_sentences() {
    let d = owned("x", "One. Two.");
    assert_eq!(d.sentences.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics(text in "[a-zA-Z0-9 .,;:%$€#|“”’'\\-—]{0,200}") {
        let sentences = [SentenceText { id: "s0", paragraph: 0, text: &text }];
        let removed = [wirediff::engine::RemovedLine { line: 1, text: text.clone(), reason: wirediff::engine::Reason::ReadMore, start: 0, end: text.len() }];
        let docs = [
            DocSentences { doc: "a", sentences: &sentences, removed: &removed },
            DocSentences { doc: "b", sentences: &sentences, removed: &[] },
        ];
        let passages = vec![vec![key("a", "s0"), key("b", "s0")]];
        let _ = facts(&docs, &passages, &FactConfig::default());
        let _ = credits(&docs, &CreditConfig::default());
    }

    #[test]
    fn never_panics_on_any_unicode(text in "\\PC{0,120}") {
        let sentences = [SentenceText { id: "s0", paragraph: 0, text: &text }];
        let docs = [DocSentences { doc: "a", sentences: &sentences, removed: &[] }];
        let _ = facts(&docs, &[], &FactConfig::default());
        let _ = credits(&docs, &CreditConfig::default());
    }
}
