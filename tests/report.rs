//! The report on the seeds: true links that must be found, clear non-links that must not be,
//! the index against a brute-force reference, goldens, and no panics on arbitrary input.

use proptest::prelude::*;
use wirediff::engine::align::{align_pair, brute_force_candidates, Corpus};
use wirediff::engine::report::{LinkKind, Report};
use wirediff::engine::synth::{corpus, SynthConfig};
use wirediff::engine::{analyze, Config, Input, Lexicon};
use wirediff::seeds::SEEDS;

fn seed_inputs() -> Vec<Input> {
    SEEDS.iter().map(|s| Input { id: s.name[..3].to_string(), text: s.text.to_string() }).collect()
}

fn seed_report() -> &'static Report {
    static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| analyze(&seed_inputs(), &Config::default()))
}

/// The id of the one sentence of `doc` containing `fragment`.
fn sentence(report: &Report, doc: &str, fragment: &str) -> String {
    let d = report.documents.iter().find(|d| d.id == doc).expect("document");
    let hits: Vec<_> = d.sentences.iter().filter(|s| s.text.contains(fragment)).collect();
    assert_eq!(hits.len(), 1, "{doc}: {} sentences contain {fragment:?}", hits.len());
    hits[0].id.clone()
}

/// The kind of the link joining the two fragments' sentences, if any.
fn link(report: &Report, a: (&str, &str), b: (&str, &str)) -> Option<LinkKind> {
    let (sa, sb) = (sentence(report, a.0, a.1), sentence(report, b.0, b.1));
    report.pairs.iter().flat_map(|p| &p.links).find_map(|l| {
        let has = |x: &String| l.left.contains(x) || l.right.contains(x);
        (has(&sa) && has(&sb)).then_some(l.kind)
    })
}

/// A sentence named by its document and a fragment of its text.
type SeedSentence = (&'static str, &'static str);
/// Two such sentences.
type SeedPair = (SeedSentence, SeedSentence);

/// True correspondences between the seeds, read by hand, that the aligner finds.
/// Each row: two (document, fragment) sentences.
const TRUE_LINKS: &[SeedPair] = &[
    // The issue's example: 000's sentence is one clause of 003's.
    (("000", "scaling back a portion of U.S. military aid"), ("003", "reducing US military aid to Kiev")),
    (("000", "Kremlin spokesman Dmitry Peskov asserted"), ("003", "Kremlin spokesman Dmitry Peskov said")),
    (
        ("000", "securing a lasting peace will compel"),
        ("003", "For a lasting peace, both Ukraine and Russia"),
    ),
    (("000", "discreetly developing the plan"), ("004", "working on the proposal for the past month")),
    (
        ("000", "entirety of the eastern Donbas region"),
        ("001", "surrendering the entirety of its Donbas region"),
    ),
    (
        ("001", "devised by President Trump’s special envoy"),
        ("003", "drawn up by US President Donald Trump's special envoy"),
    ),
    (
        ("002", "Driscoll formally presented the plan"),
        ("004", "formal presentation of the document to Zelensky"),
    ),
    // Synonyms ("cede" / "relinquishing" / "surrendering") and metonymy ("Kiev" / "Ukraine",
    // "Moscow" / "Russia") carry the territorial claim; a phrase steps over "some of its".
    (("003", "Kiev would have to cede some of its territory"), ("000", "relinquishing territory to Russia")),
    (
        ("003", "Kiev would have to cede some of its territory"),
        ("004", "such as Ukraine surrendering territory"),
    ),
    // Rubio's post: "persist"/"continue", "formulating"/"develop", "potential"/"possible".
    (("000", "persist in formulating a roster"), ("003", "continue to develop all possible plans")),
    // No shared phrase, but each side a third contained in the other with three claim words.
    (
        ("000", "has received a briefing on the plan and backs it"),
        ("004", "the president supports this plan"),
    ),
    (("002", "A U.S.-backed plan drafted by Steve Witkoff"), ("003", "Kremlin adviser Kirill Dmitriev")),
    // One shared clause, claim words spread and reworded ("reduce the size of its military" /
    // "shrink its armed forces"); the negation "never join NATO" is in another clause.
    (("003", "It would have to reduce the size of its military."), ("001", "shrink its armed forces")),
    // 001's sentence carries two claims that 003 gives in two sentences three apart (a split):
    // "surrendering the entirety of its Donbas region" / "cede some of its territory".
    (
        ("001", "would see Kyiv surrendering the entirety"),
        ("003", "Kiev would have to cede some of its territory"),
    ),
    (
        ("001", "after consultations with both Ukrainian and Russian officials"),
        ("002", "Witkoff also consulted with Russian envoy"),
    ),
    // A merge: 004's "Ukraine surrendering territory and scaling down its military" carries
    // 003's territory sentence and the next one, "reduce the size of its military".
    (("003", "It would have to reduce the size of its military."), ("004", "scaling down its military")),
    // One actor, one act: the same name phrase with the same refusal ("rejected" / "denying").
    (
        ("000", "consistently rejected the notion of surrendering territory"),
        ("003", "has been denying any such concessions"),
    ), // The ledes: three claim words that are not story-wide in one clause on each side
    // ("devised"/"drafted", "conclude"/"end", "conflict"/"war").
    (("000", "A plan to conclude the intense conflict"), ("003", "have secretly drafted a plan to end")),
];

/// True correspondences the aligner misses today: a short shared clause inside long sentences
/// (under a fifth of either side: "relinquishing territory" / "surrendering territory"), names
/// alone (002's recap sentence takes 003's Dmitriev sentence first). Listed so the golden review can track them; missing them is the price of
/// never linking on names or story-wide words alone.
const KNOWN_MISSES: &[SeedPair] = &[
    (("000", "relinquishing territory to Russia"), ("004", "such as Ukraine surrendering territory")),
    (
        ("002", "Witkoff also consulted with Russian envoy Kirill Dmitriev"),
        ("003", "Kremlin adviser Kirill Dmitriev"),
    ),
];

/// Sentences no other seed carries: they must stay unique.
const UNIQUE: &[(&str, &str)] = &[
    ("001", "roughly 7,000 Russian lives a day"),
    ("001", "Institute for the Study of War Russia program lead George Barros"),
    ("003", "in the city of Ternopil"),
    ("003", "including three children, were killed"),
    ("003", "massive missile and drone attack"),
    ("004", "Russia presently holds about 20 percent"),
    ("004", "ceasefire between Israel and Hamas"),
    ("000", "Digital has sought comment"),
];

/// Pairs that look alike (same names, same story-wide words) but say different things.
const NON_LINKS: &[SeedPair] = &[
    (
        ("002", "President Vladimir Putin has not publicly endorsed the plan."),
        ("000", "designated the capture of the Donbas"),
    ),
    (
        ("002", "President Vladimir Putin has not publicly endorsed the plan."),
        ("000", "has received a briefing on the plan and backs it"),
    ),
    (("003", "Maria Zakharova"), ("000", "Kremlin spokesman Dmitry Peskov asserted")),
    (("001", "Rustem Umerov gave “positive feedback”"), ("002", "Dmitriev told Axios he is optimistic")),
    (
        ("001", "rightfully refused to accept in the past"),
        ("003", "whether the Trump administration has officially supported"),
    ),
    (
        ("000", "gathering feedback from both Ukrainian"),
        ("001", "was suggested by Umerov, according to a senior"),
    ),
    (("000", "US, Russia Draft Ukraine Peace Plan"), ("001", "contains almost no concessions from Russia")),
    (
        ("001", "contains almost no concessions from Russia"),
        ("003", "the plan to end the war has been leaked"),
    ),
    // A refusal is not the claim refused: "rejected the notion of surrendering territory" vs
    // "would have to cede some of its territory" / "such as Ukraine surrendering territory".
    (
        ("000", "consistently rejected the notion of surrendering territory"),
        ("003", "Kiev would have to cede some of its territory"),
    ),
    (
        ("000", "consistently rejected the notion of surrendering territory"),
        ("004", "such as Ukraine surrendering territory"),
    ),
    // Another actor: Putin would "relinquish some territory", not Kyiv.
    (("001", "forces him to relinquish some territory"), ("003", "Kiev would have to cede some of its")),
    (("001", "forces him to relinquish some territory"), ("004", "such as Ukraine surrendering territory")),
    (
        ("001", "forces him to relinquish some territory"),
        ("000", "consistently rejected the notion of surrendering territory"),
    ),
    // Two generic words of one clause through loose synonyms ("make"/"done", "difficult"/
    // "hard"; "immediately"/"directly", "discussions"/"discuss").
    (
        ("003", "will have to make some difficult but necessary"),
        ("004", "We’re working very hard to get it done"),
    ),
    (
        ("001", "drawn up immediately following discussions"),
        ("004", "he plans to discuss the details directly"),
    ),
    // Three claim words, but in different clauses of 001's sentence, and about another thing:
    // U.S. aid cut back, not Ukraine's army shrunk ("involve" / "involved", "scaling" /
    // "shrink", "military" / "forces").
    (("000", "scaling back a portion of U.S. military aid"), ("001", "shrink its armed forces")),
    // Story-wide words through a synonym ("plan to end the war" / "plans to stop the war").
    (
        ("001", "contains almost no concessions from Russia"),
        ("003", "has not officially announced any plans to stop the war"),
    ),
];

#[test]
fn true_links_are_found() {
    let r = seed_report();
    let missing: Vec<String> = TRUE_LINKS
        .iter()
        .filter(|(a, b)| link(r, *a, *b).is_none())
        .map(|(a, b)| format!("{}:{:?} ⇄ {}:{:?}", a.0, a.1, b.0, b.1))
        .collect();
    assert!(missing.is_empty(), "missing links:\n{}", missing.join("\n"));
}

/// The table of misses stays honest: a miss the aligner comes to find moves to `TRUE_LINKS`.
#[test]
fn known_misses_are_still_missed() {
    let r = seed_report();
    for &(a, b) in KNOWN_MISSES {
        assert_eq!(link(r, a, b), None, "{a:?} ⇄ {b:?} is found now: move it to TRUE_LINKS");
    }
}

#[test]
fn the_issue_example_is_partial_or_closer() {
    let r = seed_report();
    let kind = link(r, TRUE_LINKS[0].0, TRUE_LINKS[0].1);
    assert!(kind.is_some(), "000 military aid ⇄ 003 reducing US military aid not linked");
}

#[test]
fn unique_sentences_stay_unique() {
    let r = seed_report();
    for &(doc, fragment) in UNIQUE {
        let id = sentence(r, doc, fragment);
        let d = r.documents.iter().find(|d| d.id == doc).unwrap();
        assert!(d.unique.contains(&id), "{id} ({fragment:?}) was linked");
    }
}

#[test]
fn look_alikes_are_not_linked() {
    let r = seed_report();
    for &(a, b) in NON_LINKS {
        assert_eq!(link(r, a, b), None, "{a:?} ⇄ {b:?}");
    }
}

/// The passage holding a sentence, if any.
fn passage_of(report: &Report, doc: &str, fragment: &str) -> Option<String> {
    let id = sentence(report, doc, fragment);
    report
        .passages
        .iter()
        .find(|p| p.carriers.iter().any(|c| c.sentences.contains(&id)))
        .map(|p| p.id.clone())
}

#[test]
fn passages_do_not_chain_unrelated_sentences() {
    let r = seed_report();
    // The Witkoff passage (who drew up the plan) is carried by several outlets …
    let witkoff =
        passage_of(r, "003", "the draft plan was drawn up by US President").expect("Witkoff passage");
    assert_eq!(passage_of(r, "002", "A U.S.-backed plan drafted by Steve Witkoff").as_ref(), Some(&witkoff));
    // … and 000's Donbas sentence, linked only to 001's Witkoff-and-Donbas sentence, is not in it.
    assert_ne!(passage_of(r, "000", "the entirety of the eastern Donbas region").as_ref(), Some(&witkoff));
    // Average link: in every passage at least half of the pairs of its documents are linked
    // through its sentences.
    let doc = |id: &str| id.split('#').next().unwrap_or_default().to_string();
    for p in &r.passages {
        let members: Vec<&String> = p.carriers.iter().flat_map(|c| &c.sentences).collect();
        let mut documents: Vec<String> = members.iter().map(|s| doc(s)).collect();
        documents.dedup();
        let (mut pairs, mut linked) = (0, 0);
        for (k, d) in documents.iter().enumerate() {
            for e in &documents[k + 1..] {
                pairs += 1;
                let joined = r.pairs.iter().flat_map(|x| &x.links).any(|l| {
                    let has = |doc_id: &String| {
                        members
                            .iter()
                            .any(|s| doc(s) == *doc_id && (l.left.contains(s) || l.right.contains(s)))
                    };
                    has(d) && has(e)
                });
                linked += usize::from(joined);
            }
        }
        assert!(2 * linked >= pairs, "{}: {linked} of {pairs} document pairs linked", p.id);
    }
}

/// 003 splits "cede territory" and "reduce its military" over two sentences, joined by one
/// merge link to 004's sentence that carries both; 000's sentence carries both too. All four
/// are one passage, whatever the order of the links' scores (counted by sentence pair, 003's
/// second sentence was a miss for 000, and 000 fell out on a change of 0.001 in a score).
#[test]
fn a_sentence_carrying_two_claims_joins_the_passage_of_a_split() {
    let r = seed_report();
    let passage =
        passage_of(r, "004", "such as Ukraine surrendering territory and scaling down").expect("passage");
    for (doc, fragment) in [
        ("003", "Kiev would have to cede some of its territory to Moscow"),
        ("003", "It would have to reduce the size of its military"),
        ("000", "would entail Ukraine relinquishing territory to Russia"),
    ] {
        assert_eq!(passage_of(r, doc, fragment).as_ref(), Some(&passage), "{doc}: {fragment}");
    }
}

#[test]
fn each_sentence_is_claimed_once_per_pair() {
    let r = seed_report();
    for p in &r.pairs {
        let mut seen = std::collections::HashSet::new();
        for l in &p.links {
            assert!(!l.left.is_empty() && !l.right.is_empty());
            for s in l.left.iter().chain(&l.right) {
                assert!(seen.insert(s.clone()), "{s} claimed twice in {} ⇄ {}", p.left, p.right);
            }
        }
    }
}

#[test]
fn ids_are_stable_and_spans_match() {
    let a = analyze(&seed_inputs(), &Config::default());
    assert_eq!(&a, seed_report(), "two runs differ");
    for d in &a.documents {
        for (k, s) in d.sentences.iter().enumerate() {
            assert_eq!(s.id, format!("{}#s{k}", d.id));
        }
    }
    // Every diff piece points at its text in its sentence.
    let text = |id: &str| {
        a.documents.iter().flat_map(|d| &d.sentences).find(|s| s.id == id).map(|s| s.text.clone()).unwrap()
    };
    for p in &a.pairs {
        for l in &p.links {
            for op in &l.diff {
                for (piece, side) in [(&op.left, &l.left), (&op.right, &l.right)] {
                    if let Some(piece) = piece {
                        assert_eq!(&text(&side[piece.part])[piece.start..piece.end], piece.text);
                    }
                }
            }
            let s = &l.summary;
            assert_eq!(s.verbatim + s.minor + s.synonym + s.moved + s.new_wording, 100, "{}", s.display);
        }
    }
}

/// The index must find exactly what scoring every sentence pair finds.
fn assert_index_equals_brute_force(inputs: &[Input]) {
    let config = Config::default();
    let lexicon = Lexicon::shared();
    let texts: Vec<Vec<String>> = inputs
        .iter()
        .map(|i| {
            let c = wirediff::engine::clean(&i.text, &config.clean);
            wirediff::engine::segment(&c.text).iter().map(|s| c.text[s.start..s.end].to_string()).collect()
        })
        .collect();
    let corpus = Corpus::new(lexicon, &texts, &config.align);
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            let fast = align_pair(lexicon, &corpus, &corpus.candidates(a, b, &config.align), &config.align).0;
            let slow = align_pair(lexicon, &corpus, &brute_force_candidates(&corpus, a, b), &config.align).0;
            assert_eq!(fast, slow, "documents {a} and {b}");
        }
    }
}

#[test]
fn index_equals_brute_force_on_the_seeds() {
    assert_index_equals_brute_force(&seed_inputs());
}

#[test]
fn index_equals_brute_force_on_a_small_synthetic_corpus() {
    assert_index_equals_brute_force(&corpus(&SynthConfig {
        documents: 6,
        sentences: 15,
        ..SynthConfig::default()
    }));
}

#[test]
fn large_inputs_compare_neighbours_only() {
    let inputs = corpus(&SynthConfig { documents: 24, sentences: 10, ..SynthConfig::default() });
    let r = analyze(&inputs, &Config::default());
    assert!(r.stats.pairs_compared <= 24 * Config::default().report.neighbours);
    assert!(r.stats.pairs_compared >= 24 / 2);
    assert!(r.stats.links > 0);
}

/// A readable golden: per pair, each link's kind, score, summary and both texts; then passages.
fn golden(r: &Report) -> String {
    let text =
        |id: &str| r.documents.iter().flat_map(|d| &d.sentences).find(|s| s.id == id).unwrap().text.clone();
    let mut o = String::new();
    for p in &r.pairs {
        o += &format!("== {} ⇄ {}  ({:.2} / {:.2})\n", p.left, p.right, p.left_in_right, p.right_in_left);
        for l in &p.links {
            let ids = |v: &[String]| v.join("+");
            o += &format!(
                "[{} {:.2}] {} ⇄ {}: {}\n",
                l.kind.as_str(),
                l.score,
                ids(&l.left),
                ids(&l.right),
                l.summary.display
            );
            o += &format!("  < {}\n", l.left.iter().map(|s| text(s)).collect::<Vec<_>>().join(" "));
            o += &format!("  > {}\n", l.right.iter().map(|s| text(s)).collect::<Vec<_>>().join(" "));
        }
    }
    o += "== passages\n";
    for p in &r.passages {
        let ids: Vec<String> = p.carriers.iter().map(|c| c.sentences.join("+")).collect();
        o += &format!("{} [{}] {}\n", p.id, p.kind.as_str(), ids.join(" | "));
    }
    o
}

#[test]
fn seed_links_golden() {
    insta::assert_snapshot!("seed_links", golden(seed_report()));
}

#[test]
fn seed_report_json_golden() {
    // The structure without the bulky word ops: documents' sentence ids, links, passages.
    let r = seed_report();
    let v = serde_json::json!({
        "documents": r.documents.iter().map(|d| serde_json::json!({
            "id": d.id, "title": d.title, "outlet": d.outlet,
            "sentences": d.sentences.len(), "removed": d.removed.len(), "unique": d.unique,
        })).collect::<Vec<_>>(),
        "pairs": r.pairs.iter().map(|p| serde_json::json!({
            "left": p.left, "right": p.right,
            "left_in_right": p.left_in_right, "right_in_left": p.right_in_left,
            "links": p.links.iter().map(|l| serde_json::json!({
                "left": l.left, "right": l.right, "kind": l.kind, "score": l.score,
                "summary": l.summary.display, "ops": l.diff.len(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        // Quotes, facts and credits have their own goldens with their module.
        "containment": r.derivation.containment,
        "hints": r.derivation.hints,
        "passages": r.passages.iter().map(|p| serde_json::json!({
            "id": p.id, "kind": p.kind, "documents": p.documents,
            "sentences": p.carriers.iter().map(|c| c.sentences.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    insta::assert_json_snapshot!("seed_report", v);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics(docs in proptest::collection::vec(".{0,300}", 0..4)) {
        let inputs: Vec<Input> = docs.into_iter().enumerate().map(|(k, text)| Input { id: format!("d{k}"), text }).collect();
        let r = analyze(&inputs, &Config::default());
        prop_assert_eq!(r.documents.len(), inputs.len());
    }

    #[test]
    fn analyze_never_panics_on_wordy_input(
        docs in proptest::collection::vec(
            proptest::collection::vec(prop_oneof![
                Just("Kyiv"), Just("Kiev"), Just("U.S."), Just("said"), Just("“"), Just("”"), Just("—"),
                Just("900,000"), Just("20 percent"), Just("."), Just("\n\n"), Just("plan"), Just("é"), Just("…"),
            ], 0..60).prop_map(|w| w.join(" ")),
            1..4,
        )
    ) {
        let inputs: Vec<Input> = docs.into_iter().map(|text| Input { id: "same".into(), text }).collect();
        let r = analyze(&inputs, &Config::default());
        let ids: std::collections::HashSet<_> = r.documents.iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(ids.len(), inputs.len());
    }
}

/// Link kinds on hand-made pairs: (left, right, expected kind or None).
const KINDS: &[(&str, &str, Option<LinkKind>)] = &[
    (
        "Russia launched a massive missile and drone attack on western Ukraine overnight on Wednesday.",
        "Russia launched a massive missile and drone attack on western Ukraine overnight on Wednesday.",
        Some(LinkKind::Verbatim),
    ),
    (
        "Russia launched a massive missile and drone attack on western Ukraine overnight on Wednesday.",
        "Russia launched a large missile and drone attack on western Ukraine on Wednesday night.",
        Some(LinkKind::Edited),
    ),
    (
        "At least 25 people, including three children, were killed in the attack on Ternopil.",
        "At least 26 people, including three children, were killed in the attack on Ternopil.",
        Some(LinkKind::Edited),
    ),
    (
        "Ukraine's Interior Ministry said that at least 25 people were killed in the attack.",
        "The attack killed at least 25 people, the Ukrainian interior ministry stated.",
        Some(LinkKind::Paraphrase),
    ),
    (
        "Furthermore, it would involve scaling back a portion of U.S. military aid.",
        "The plan calls for reducing US military aid to Kiev and reducing the use of various types of weapons by Ukrainian forces.",
        Some(LinkKind::Partial),
    ),
    (
        "President Vladimir Putin has not publicly endorsed the plan.",
        "Russian President Vladimir Putin has designated the capture of the Donbas as a primary objective.",
        None,
    ),
    // The same statement reworded: synonyms throughout, nothing added on either side.
    (
        "Securing a lasting peace will compel both sides to consent to arduous yet imperative concessions.",
        "For a lasting peace, both sides will have to make some difficult but necessary concessions.",
        Some(LinkKind::Paraphrase),
    ),
    // One shared clause inside a longer sentence: the claim words are synonyms and spread
    // ("reduce the size of" / "shrink"), and a negation in another clause ("never join NATO")
    // does not touch it.
    (
        "It would have to reduce the size of its military.",
        "The pact calls for Ukraine to pledge to never join NATO, shrink its armed forces to 600,000 personnel and grant amnesty for all parties involved in wartime actions.",
        Some(LinkKind::Partial),
    ),
    // A refusal is not the claim refused, even sharing the clause's words.
    (
        "Zelenskyy has consistently rejected the notion of surrendering territory to Russia.",
        "The draft includes Russia's core demands, such as Ukraine surrendering territory to Russia.",
        None,
    ),
    // One actor, one act (the names and the refusal form one clause on each side) …
    (
        "Ukrainian President Volodymyr Zelenskyy has consistently rejected the notion of surrendering territory to Russia.",
        "However, Ukrainian President Volodymyr Zelensky has been denying any such concessions to stop the war from the beginning.",
        Some(LinkKind::Partial),
    ),
    // … but one actor doing two different things is not a link.
    (
        "Ukrainian President Volodymyr Zelensky has rejected the proposal outright.",
        "Ukrainian President Volodymyr Zelensky visited frontline troops near Kharkiv on Friday.",
        None,
    ),
    // Two generic words in one clause ("difficult"/"hard", "make"/"done") are not a claim.
    (
        "Rubio wrote that both Ukraine and Russia will have to make some difficult but necessary concessions on the territory question and the future of the occupied regions.",
        "We are working very hard to get it done.",
        None,
    ),
];

#[test]
fn link_kinds() {
    for &(a, b, want) in KINDS {
        let inputs = [Input { id: "a".into(), text: a.into() }, Input { id: "b".into(), text: b.into() }];
        let r = analyze(&inputs, &Config::default());
        let got = r.pairs[0].links.first().map(|l| l.kind);
        assert_eq!(got, want, "\n{a}\n{b}");
    }
}

#[test]
fn a_changed_figure_is_an_edited_link_with_a_conflict() {
    let (a, b, _) = KINDS[2];
    let inputs = [Input { id: "a".into(), text: a.into() }, Input { id: "b".into(), text: b.into() }];
    let r = analyze(&inputs, &Config::default());
    let link = &r.pairs[0].links[0];
    assert_eq!(link.conflicts.len(), 1, "{:?}", link.conflicts);
    assert_eq!((link.conflicts[0].left.as_str(), link.conflicts[0].right.as_str()), ("25", "26"));
    assert!(link.diff.iter().any(|op| op.kind == wirediff::engine::report::OpKind::Changed
        && op.left.as_ref().is_some_and(|p| p.text == "25")));
}

#[test]
fn a_split_sentence_is_one_link_to_both_parts() {
    let a = "The plan calls for reducing US military aid to Kiev and reducing the use of various types of \
             weapons by Ukrainian forces. The Ternopil strike killed 25 people.";
    let b = "Washington would cut its military aid to Kiev under the plan. Ukrainian forces would also have \
             to limit the use of various types of weapons. Something else entirely happened in Lviv.";
    let inputs = [Input { id: "a".into(), text: a.into() }, Input { id: "b".into(), text: b.into() }];
    let r = analyze(&inputs, &Config::default());
    let links = &r.pairs[0].links;
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].left, ["a#s0"]);
    assert_eq!(links[0].right, ["b#s0", "b#s1"]);
    assert!(links[0].diff.iter().any(|op| op.right.as_ref().is_some_and(|p| p.part == 1)));
}

#[test]
fn a_cut_down_copy_gets_a_cautious_source_hint() {
    let full =
        "Russia launched a massive missile and drone attack on western Ukraine overnight on Wednesday. \
                The attacks targeted high-rise buildings and energy facilities in the city of Ternopil. \
                At least 25 people, including three children, were killed in the attack. \
                The US embassy said representatives will discuss the plan. \
                Zakharova said Moscow has not received any draft.";
    let cut =
        "Russia launched a massive missile and drone attack on western Ukraine overnight on Wednesday. \
               The attacks targeted high-rise buildings and energy facilities in the city of Ternopil.";
    let inputs =
        [Input { id: "full".into(), text: full.into() }, Input { id: "cut".into(), text: cut.into() }];
    let r = analyze(&inputs, &Config::default());
    assert_eq!(r.derivation.containment[1][0], Some(1.0));
    assert!(r.derivation.containment[0][1].is_some_and(|c| c < 0.7));
    let hints = &r.derivation.hints;
    assert_eq!(hints.len(), 1);
    assert_eq!((hints[0].derived.as_str(), hints[0].source.as_str()), ("cut", "full"));
    assert!(hints[0].evidence[0].contains("or both on a common source"));
    // The seeds are independent rewrites: no hint.
    assert!(seed_report().derivation.hints.is_empty());
}

#[test]
fn a_huge_unpunctuated_paste_is_handled() {
    let words: Vec<String> = (0..20_000).map(|k| format!("word{} plan", k % 97)).collect();
    let text = words.join(" ");
    let inputs = [Input { id: "a".into(), text: text.clone() }, Input { id: "b".into(), text }];
    let r = analyze(&inputs, &Config::default());
    assert_eq!(r.documents.len(), 2);
}

/// One row of `tests/data/seed_links_gold.tsv`: its grade and the two sides' alternatives, as
/// sentence ids.
struct GoldRow {
    needed: bool,
    line: usize,
    left: Vec<String>,
    right: Vec<String>,
}

fn gold_rows(report: &Report) -> Vec<GoldRow> {
    let text = include_str!("data/seed_links_gold.tsv");
    let side = |doc: &str, frags: &str| -> Vec<String> {
        frags.split(" | ").map(|f| sentence(report, doc, f.trim())).collect()
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 5, "line {}: five tab-separated columns", i + 1);
            assert!(matches!(c[0], "need" | "ok"), "line {}: grade {:?}", i + 1, c[0]);
            assert!(c[1] < c[3], "line {}: the documents in order", i + 1);
            GoldRow { needed: c[0] == "need", line: i + 1, left: side(c[1], c[2]), right: side(c[3], c[4]) }
        })
        .collect()
}

/// Scores the aligner against every correspondence read by hand: each link's sentence pairs
/// must all be graded (else it is a false link), and the `need` rows found make the recall.
/// The floor is the measured recall (README, Engine → Alignment, "Against every correspondence
/// read by hand"): raise it when the aligner finds more; a false link fails at once.
#[test]
fn seed_links_against_the_hand_read_correspondences() {
    let r = seed_report();
    let rows = gold_rows(r);
    let links: Vec<_> = r.pairs.iter().flat_map(|p| &p.links).collect();
    let false_links = false_seed_links(r, &rows);
    let found = |g: &GoldRow| {
        links.iter().any(|l| {
            let has = |side: &[String], ids: &[String]| side.iter().any(|s| ids.contains(s));
            (has(&l.left, &g.left) && has(&l.right, &g.right))
                || (has(&l.left, &g.right) && has(&l.right, &g.left))
        })
    };
    let needed: Vec<&GoldRow> = rows.iter().filter(|g| g.needed).collect();
    let missed: Vec<usize> = needed.iter().filter(|g| !found(g)).map(|g| g.line).collect();
    let hits = needed.len() - missed.len();
    eprintln!(
        "seed links: {} drawn, {} false; {} of {} needed correspondences found (recall {:.2}); missed, gold lines: {:?}",
        links.len(),
        false_links.len(),
        hits,
        needed.len(),
        hits as f64 / needed.len() as f64,
        missed
    );
    assert!(false_links.is_empty(), "links no reader would draw:\n{}", false_links.join("\n"));
    assert_eq!(needed.len(), 40, "the gold file's needed rows");
    assert!(hits >= 22, "recall fell: {hits} of {} needed correspondences found", needed.len());
}

/// The links between two seeds that join a pair of sentences the gold file does not grade.
fn false_seed_links(r: &Report, rows: &[GoldRow]) -> Vec<String> {
    let graded = |a: &String, b: &String| {
        rows.iter().any(|g| {
            (g.left.contains(a) && g.right.contains(b)) || (g.left.contains(b) && g.right.contains(a))
        })
    };
    let text = |id: &String| {
        r.documents.iter().flat_map(|d| &d.sentences).find(|s| &s.id == id).map(|s| s.text.clone())
    };
    let seed = |id: &str| SEEDS.iter().any(|s| s.name[..3] == *id);
    r.pairs
        .iter()
        .filter(|p| seed(&p.left) && seed(&p.right))
        .flat_map(|p| &p.links)
        .filter(|l| !l.left.iter().all(|a| l.right.iter().all(|b| graded(a, b))))
        .map(|l| format!("{:?} ⇄ {:?}: {:?} / {:?}", l.left, l.right, text(&l.left[0]), text(&l.right[0])))
        .collect()
}

/// `n` short local-news briefs that share no story with the seeds: made from a few templates
/// with a fixed pseudo-random walk, so they use newsroom words ("said", "officials") but no
/// word of the peace plan's claims.
fn local_briefs(n: usize) -> Vec<Input> {
    const WHO: &[&str] = &[
        "The city council",
        "County officials",
        "The school board",
        "The water utility",
        "The transit agency",
        "The parks department",
        "A neighborhood association",
        "The public library",
        "The fire department",
        "The county clerk",
    ];
    const DID: &[&str] = &[
        "approved a budget for repaving Maple Street",
        "voted to extend weekend hours at the branch on Elm Avenue",
        "announced a cleanup of the riverfront trail",
        "closed the Third Street bridge for an inspection",
        "opened a farmers market in the old rail depot",
        "raised parking fees downtown by a quarter",
        "hired a new director for its recycling program",
        "delayed the vote on a skate park near the high school",
        "replaced aging pipes under Lincoln Boulevard",
        "started a pilot of electric buses on two routes",
        "planted maple trees along the harbor walk",
        "bought a second ladder truck for the east station",
    ];
    const WHEN: &[&str] =
        &["on Tuesday", "last week", "this month", "on Monday night", "after a long hearing"];
    const MORE: &[&str] = &[
        "The measure passed by a vote of five to two.",
        "A public hearing is set for the first week of March.",
        "Officials said the work should take about six weeks.",
        "Residents can comment online until Friday.",
        "The project is paid for by a state grant.",
        "Several neighbors spoke in favor at the meeting.",
        "Drivers should expect detours near the site.",
        "A spokeswoman said more details would follow.",
        "The board will review the results next spring.",
        "Volunteers are asked to sign up at the front desk.",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut pick = |len: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % len as u64) as usize
    };
    (0..n)
        .map(|i| {
            let (who, did, when) = (WHO[pick(WHO.len())], DID[pick(DID.len())], WHEN[pick(WHEN.len())]);
            let mut text = format!("{who} {did}\n\n{who} {did} {when}, officials said.");
            for _ in 0..3 {
                text.push(' ');
                text.push_str(MORE[pick(MORE.len())]);
            }
            Input { id: format!("brief-{i:02}"), text }
        })
        .collect()
}

/// Each link between two seeds, as the two sides' sentence texts.
fn seed_links(report: &Report) -> Vec<(Vec<String>, Vec<String>)> {
    let text = |id: &String| {
        let s = report.documents.iter().flat_map(|d| &d.sentences).find(|s| s.id == *id);
        s.map(|s| s.text.clone()).unwrap_or_default()
    };
    let seed = |id: &str| SEEDS.iter().any(|s| s.name[..3] == *id);
    let mut out: Vec<_> = report
        .pairs
        .iter()
        .filter(|p| seed(&p.left) && seed(&p.right))
        .flat_map(|p| &p.links)
        .map(|l| (l.left.iter().map(text).collect(), l.right.iter().map(text).collect()))
        .collect();
    out.sort();
    out
}

/// Word weights come from the loaded documents, but documents on another story must not make
/// the seeds' words rare and so invent links between them: 60 briefs once added three weak
/// ones, "no concessions … end the war" ⇄ "has not officially announced any plans to stop
/// the war" and two for a contrary claim ("forces him to relinquish some territory" ⇄
/// "Ukraine surrendering territory"). The briefs may still move the weight of a word they
/// share with the story ("grant" amnesty / a state grant), so a link may appear, but only one
/// a reader would draw, and none of the seeds' links may go.
#[test]
fn unrelated_documents_do_not_invent_story_links() {
    let alone = seed_links(seed_report());
    let mut inputs = seed_inputs();
    inputs.extend(local_briefs(60));
    let mixed = analyze(&inputs, &Config::default());
    let lost: Vec<_> = alone.iter().filter(|l| !seed_links(&mixed).contains(l)).collect();
    assert!(lost.is_empty(), "lost {lost:#?}");
    let false_links = false_seed_links(&mixed, &gold_rows(&mixed));
    assert!(false_links.is_empty(), "links no reader would draw:\n{}", false_links.join("\n"));
    for &(a, b) in NON_LINKS {
        assert_eq!(link(&mixed, a, b), None, "{a:?} ⇄ {b:?}");
    }
    assert!(alone.len() >= 19, "{} seed links", alone.len());
}
