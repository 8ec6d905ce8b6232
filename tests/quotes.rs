//! Quote extraction (speaker patterns), cross-document matching and the seeds' quotes.

mod seed_docs;

use proptest::prelude::*;
use seed_docs::{owned, with_docs, OwnedDoc};
use wirediff::engine::quotes::{
    extract_quotes, quote_words, quotes, DocSentences, Quote, QuoteConfig, QuoteStatus, QuoteVariant,
    SentenceText, SpeakerSource,
};

fn extract(raw: &str) -> Vec<QuoteVariant> {
    let doc = owned("t", raw);
    with_docs(&[doc], |ds| extract_quotes(&ds[0], &QuoteConfig::default()))
}

fn group(docs: &[(&str, &str)]) -> Vec<Quote> {
    let owned_docs: Vec<OwnedDoc> = docs.iter().map(|(id, raw)| owned(id, raw)).collect();
    with_docs(&owned_docs, |ds| quotes(ds, &QuoteConfig::default()))
}

/// (name, raw text, expected quotations as (text, speaker)).
type Case = (&'static str, &'static str, &'static [(&'static str, Option<&'static str>)]);

#[test]
fn extraction_and_speakers() {
    let cases: &[Case] = &[
        (
            "X said after the quote (seed 004)",
            "“It’s ongoing and it’s in flux, but the president supports this plan,” Leavitt said during a press briefing.",
            &[("It’s ongoing and it’s in flux, but the president supports this plan", Some("Leavitt"))],
        ),
        (
            "said X, titles stripped",
            "“We will not give up land,” said Ukrainian President Volodymyr Zelensky.",
            &[("We will not give up land", Some("Volodymyr Zelensky"))],
        ),
        (
            "X stated, “…” (seed 000)",
            "White House Press Secretary Karoline Leavitt stated, “President Trump has consistently expressed his desire for the conflict to cease.”",
            &[("President Trump has consistently expressed his desire for the conflict to cease.", Some("Karoline Leavitt"))],
        ),
        (
            "X wrote on social media (seed 003)",
            "However, on Wednesday, US Secretary of State Marco Rubio wrote on social media, “For a lasting peace, both Ukraine and Russia will have to make some difficult but necessary concessions. That is why we must continue to develop all possible plans to stop the war.”",
            &[(
                "For a lasting peace, both Ukraine and Russia will have to make some difficult but necessary concessions. That is why we must continue to develop all possible plans to stop the war.",
                Some("Marco Rubio"),
            )],
        ),
        (
            "he posted on X and he added resolve to Rubio and merge (seed 000)",
            "Secretary of State Marco Rubio indicated that officials would “persist in formulating a roster of potential concepts” for concluding the war.\n\nLate Wednesday, he posted on X, “Bringing an end to a convoluted and lethal conflict necessitates earnest proposals.” He added, “And securing a lasting peace will compel both sides to consent to concessions.”",
            &[
                ("persist in formulating a roster of potential concepts", Some("Marco Rubio")),
                (
                    "Bringing an end to a convoluted and lethal conflict necessitates earnest proposals. … And securing a lasting peace will compel both sides to consent to concessions.",
                    Some("Marco Rubio"),
                ),
            ],
        ),
        (
            "according to X",
            "According to Kremlin spokesman Dmitry Peskov, the consultations were “simply not in progress at all.”",
            &[("simply not in progress at all.", Some("Dmitry Peskov"))],
        ),
        (
            "X told reporters, later surname linked to the full name",
            "Kremlin spokesman Dmitry Peskov spoke on Thursday.\n\n“While contacts certainly exist, processes that might be termed consultations are not in progress,” Peskov told reporters.",
            &[("While contacts certainly exist, processes that might be termed consultations are not in progress", Some("Dmitry Peskov"))],
        ),
        (
            "X told The Post after a long title (seed 001)",
            "“The proposal is a bad deal and one that the Trump administration rightfully refused to accept in the past,” Institute for the Study of War Russia program lead George Barros told The Post.",
            &[("The proposal is a bad deal and one that the Trump administration rightfully refused to accept in the past", Some("George Barros"))],
        ),
        (
            "straight quotes",
            "\"We feel the Russian position is really being heard,\" Dmitriev told Axios.",
            &[("We feel the Russian position is really being heard", Some("Dmitriev"))],
        ),
        (
            "nested single quotes and a ’’ closing mark, he resolved from a narrative subject (seed 001)",
            "But Umerov, in a post on X on Friday, denied the senior US officials’ claims about his tentative sign-off.\n“Media reports about alleged ‘approvals’ or ‘removal of points’ have nothing to do with reality,’’ he wrote.",
            &[("Media reports about alleged ‘approvals’ or ‘removal of points’ have nothing to do with reality", Some("Umerov"))],
        ),
        (
            "a paragraph wrapped in straight quotes is a scraping artefact (seed 002)",
            "\"Witkoff also consulted with Russian envoy Kirill Dmitriev on the plan. Dmitriev told Axios he is optimistic about it because unlike past efforts, \"we feel the Russian position is really being heard.\" President Vladimir Putin has not publicly endorsed the plan.\"",
            &[("we feel the Russian position is really being heard.", Some("Kirill Dmitriev"))],
        ),
        (
            "a missing closing mark closes at the end of the paragraph; the next quote paragraph continues it",
            "“I mean, look, everyone knows Vladimir Putin wants to take the whole country,’’ the official said of the Russian dictator. “That’s his long-sought goal. The president is very aware of that.\n“This plan obviously stops him in his tracks,” the source said.",
            &[
                (
                    "I mean, look, everyone knows Vladimir Putin wants to take the whole country … That’s his long-sought goal. The president is very aware of that.",
                    Some("the official"),
                ),
                ("This plan obviously stops him in his tracks", Some("the source")),
            ],
        ),
        (
            "a quote paragraph without attribution continues the previous speaker",
            "“The proposal is a bad deal,” George Barros told The Post.\n“Deterring future Russian aggression requires a strong Ukrainian military.”",
            &[("The proposal is a bad deal … Deterring future Russian aggression requires a strong Ukrainian military.", Some("George Barros"))],
        ),
        (
            "an unresolvable pronoun leaves the speaker unknown",
            "The talks went on.\n\n“We are close to a deal,” she said.",
            &[("We are close to a deal", None)],
        ),
        (
            "anonymous source",
            "“This plan obviously stops [Putin] in his tracks, ends the war,” the source said.",
            &[("This plan obviously stops [Putin] in his tracks, ends the war", Some("the source"))],
        ),
        (
            "scare quotes are fragments with the speech verb's subject",
            "A senior US administration official said it was “fishy” that Umerov would agree to such a plan.",
            &[("fishy", Some("a senior US administration official"))],
        ),
        (
            "relative clause: who called it",
            "Driscoll presented the plan to Zelensky, who called it a U.S. “vision” and signaled willingness.",
            &[("vision", Some("Zelensky"))],
        ),
        ("no quotation marks", "The plan calls for reducing US military aid to Kiev.", &[]),
        ("apostrophes are not quotes", "Ukraine’s partners’ proposals matched Russia’s and the Kremlin’s demands.", &[]),
        ("empty", "", &[]),
    ];
    for (name, raw, want) in cases {
        let got = extract(raw);
        let got: Vec<(String, Option<String>)> = got.into_iter().map(|v| (v.text, v.speaker)).collect();
        let want: Vec<(String, Option<String>)> =
            want.iter().map(|(t, s)| (t.to_string(), s.map(str::to_string))).collect();
        assert_eq!(got, want, "case: {name}");
    }
}

#[test]
fn speaker_sources_and_flags() {
    let v = extract("“We are close to a deal,” Rubio said. “Very close.”\n\n“It is done,” she said.");
    assert_eq!(v[0].speaker_source, SpeakerSource::After);
    assert!(!v[0].fragment && !v[0].anonymous && v[0].quoted);
    let v = extract("Rubio spoke late.\n“The talks went well,” he said.");
    assert_eq!(v[0].speaker_source, SpeakerSource::Pronoun);
    assert_eq!(v[0].speaker_as_written.as_deref(), Some("he"));
    let v = extract("“The talks went well and will go on,” a senior official said.");
    assert!(v[0].anonymous);
    let v = extract("“This was never closed at all and it runs on");
    assert!(v[0].unclosed);
    assert_eq!(v[0].text, "This was never closed at all and it runs on");
}

#[test]
fn sentence_ids_point_at_the_quote() {
    let doc = owned("d", "The talks went on. “We are close to a deal,” Rubio said.\n\nNothing else.");
    let v = with_docs(&[doc], |ds| extract_quotes(&ds[0], &QuoteConfig::default()));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].sentence, "s1");
    assert_eq!(v[0].sentences, vec!["s1".to_string()]);
}

fn statuses(quotes: &[Quote]) -> Vec<(QuoteStatus, Vec<String>)> {
    quotes.iter().map(|q| (q.status, q.variants.iter().map(|v| v.doc.clone()).collect())).collect()
}

#[test]
fn matching_statuses() {
    let identical = group(&[
        ("a", "“We are close to a deal on the plan,” Rubio said."),
        ("b", "“We are close to a deal on the plan,” Secretary of State Marco Rubio told reporters."),
    ]);
    assert_eq!(statuses(&identical), vec![(QuoteStatus::Identical, vec!["a".into(), "b".into()])]);
    assert_eq!(identical[0].speaker.as_deref(), Some("Rubio"));

    let trimmed = group(&[
        ("a", "“We are close to a deal on the plan, and we will sign it soon,” Rubio said."),
        ("b", "Rubio said they were “close to a deal on the plan.”"),
    ]);
    assert_eq!(trimmed[0].status, QuoteStatus::Trimmed);
    assert_eq!(trimmed[0].variants.len(), 2);

    let altered = group(&[
        ("a", "“We will never accept a plan that gives away our land,” Zelensky said."),
        ("b", "“We will not accept any plan that gives away land,” Zelensky said."),
    ]);
    assert_eq!(altered[0].status, QuoteStatus::Altered);
    let changed: Vec<(&str, &str, &str)> = altered[0]
        .diff
        .iter()
        .filter(|o| o.op != "equal")
        .map(|o| (o.op.as_str(), o.left.as_str(), o.right.as_str()))
        .collect();
    assert_eq!(changed, vec![("replace", "never", "not"), ("replace", "a", "any"), ("delete", "our", "")]);

    // Different statements of one speaker stay apart.
    let apart = group(&[
        ("a", "“The sanctions will stay until the troops leave,” Rubio said."),
        ("b", "“Our embassy in Kyiv reopens next month,” Rubio said."),
    ]);
    assert_eq!(apart.len(), 2);
    assert!(apart.iter().all(|q| q.status == QuoteStatus::Unique));

    // Identical short wording from two different people is not one quote.
    let two_people =
        group(&[("a", "“We are very close,” Rubio said."), ("b", "“We are very close,” Peskov said.")]);
    assert_eq!(two_people.len(), 2);

    // Long identical wording credited to two people is grouped and flagged.
    let misattributed = group(&[
        ("a", "“Ukraine will conduct a full audit of all aid received and punish profiteers,” Rubio said."),
        ("b", "“Ukraine will conduct a full audit of all aid received and punish profiteers,” Witkoff said."),
    ]);
    assert_eq!(misattributed.len(), 1);
    assert!(misattributed[0].speakers_differ);

    // One document's quotes never group with each other.
    let same_doc =
        group(&[("a", "“We are close to a deal,” Rubio said. Later: “We are close to a deal,” Rubio said.")]);
    assert!(same_doc.iter().all(|q| q.variants.len() == 1));
}

#[test]
fn seeds() {
    let docs = seed_docs::seeds();
    let found = with_docs(&docs, |ds| quotes(ds, &QuoteConfig::default()));
    let find = |doc: &str, needle: &str| -> &Quote {
        found
            .iter()
            .find(|q| q.variants.iter().any(|v| v.doc == doc && v.text.contains(needle)))
            .unwrap_or_else(|| panic!("no quote in {doc} containing {needle:?}: {found:#?}"))
    };
    // Rubio's post: 000's paraphrasing-tool wording and 003's translation are one statement.
    let rubio = find("000", "arduous yet imperative concessions");
    assert_eq!(rubio.speaker.as_deref(), Some("Marco Rubio"));
    assert_eq!(rubio.status, QuoteStatus::Paraphrased);
    assert!(rubio
        .variants
        .iter()
        .any(|v| v.doc == "003" && v.quoted && v.text.contains("difficult but necessary")));
    assert!(!rubio.diff.is_empty());
    // Leavitt's statement in 000 and her briefing in 004 are different statements.
    let leavitt_000 = find("000", "exasperated");
    assert_eq!(leavitt_000.speaker.as_deref(), Some("Karoline Leavitt"));
    assert!(leavitt_000.variants.iter().all(|v| v.doc == "000"), "{leavitt_000:#?}");
    let leavitt_004 = find("004", "in flux");
    assert!(leavitt_004.variants.iter().all(|v| v.doc == "004"));
    assert_eq!(leavitt_004.speaker.as_deref(), Some("Karoline Leavitt"));
    // Peskov: quoted in 000, reported without quotes in 003.
    let peskov = find("000", "no formal consultations");
    assert_eq!(peskov.speaker.as_deref(), Some("Dmitry Peskov"));
    assert!(peskov.variants.iter().any(|v| v.doc == "003" && !v.quoted && v.text.contains("Peskov said")));
    // 001's speakers.
    assert_eq!(find("001", "bad deal").speaker.as_deref(), Some("George Barros"));
    assert_eq!(find("001", "nothing to do with reality").speaker.as_deref(), Some("Rustem Umerov"));
    assert!(find("001", "point 26").anonymous);
    // 002's wrapped paragraphs are not quotations; the quotes inside them are.
    assert!(found.iter().flat_map(|q| &q.variants).all(|v| !v.text.starts_with("Witkoff also consulted")));
    assert_eq!(find("002", "really being heard").speaker.as_deref(), Some("Kirill Dmitriev"));
    // Every pronoun-resolved Leavitt quote in 004.
    assert_eq!(find("004", "similar progress").speaker.as_deref(), Some("Karoline Leavitt"));
    // Every group's variants come from distinct documents or are continuations.
    for q in &found {
        if q.variants.len() > 1 {
            assert_ne!(q.status, QuoteStatus::Unique);
        }
    }
}

#[test]
fn quote_words_fold_style() {
    assert_eq!(
        quote_words("“It’s 7,000 U.S. troops,” he said."),
        vec!["its", "7000", "us", "troops", "he", "said"]
    );
    assert_eq!(quote_words(""), Vec::<String>::new());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics(text in "[a-zA-Z .,;:“”‘’\"'\\n—…]{0,200}", para in 0usize..3) {
        let sentences = [SentenceText { id: "s0", paragraph: para, text: &text }, SentenceText { id: "s1", paragraph: para + 1, text: &text }];
        let docs = [
            DocSentences { doc: "a", sentences: &sentences, removed: &[] },
            DocSentences { doc: "b", sentences: &sentences[..1], removed: &[] },
        ];
        let _ = quotes(&docs, &QuoteConfig::default());
    }

    #[test]
    fn never_panics_on_any_unicode(text in "\\PC{0,120}") {
        let sentences = [SentenceText { id: "s0", paragraph: 0, text: &text }];
        let docs = [DocSentences { doc: "a", sentences: &sentences, removed: &[] }];
        let _ = quotes(&docs, &QuoteConfig::default());
    }
}

/// Golden of what the report shows for the seeds' quotes, fact divergences and credits
/// (compact: one line per quote variant, divergence and credit). Reviewed line by line.
#[test]
fn seed_report_golden() {
    use wirediff::engine::{analyze, Config, Input};
    let inputs: Vec<Input> = wirediff::seeds::SEEDS
        .iter()
        .map(|s| Input { id: s.name[..3].to_string(), text: s.text.to_string() })
        .collect();
    let r = analyze(&inputs, &Config::default());
    let quotes: Vec<serde_json::Value> = r
        .quotes
        .iter()
        .map(|q| {
            serde_json::json!({
                "speaker": q.speaker,
                "status": q.status,
                "variants": q.variants.iter().map(|v| format!(
                    "{} {}{}{}: {}",
                    v.sentence,
                    if v.quoted { "" } else { "(reported) " },
                    if v.fragment { "(fragment) " } else { "" },
                    v.speaker_as_written.as_deref().unwrap_or("?"),
                    v.text
                )).collect::<Vec<_>>(),
                "diff": q.diff.iter().filter(|o| o.op != "equal").map(|o| format!("{}: {} → {}", o.op, o.left, o.right)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let v = serde_json::json!({
        "quotes": quotes,
        "divergences": r.facts.divergences.iter().map(|d| format!("{:?} {:?}: {}", d.kind, d.passage, d.note)).collect::<Vec<_>>(),
        "credits": r.derivation.credits.iter().map(|c| format!("{} {:?} {} ({})", c.doc, c.kind, c.outlet, c.phrase)).collect::<Vec<_>>(),
        "outlets": r.documents.iter().map(|d| format!("{}: {:?}", d.id, d.outlet)).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!("seed_quotes_facts_credits", v);
}
