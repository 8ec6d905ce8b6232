//! Report fields the web app renders directly: per-document sentence shares, and lines the user
//! restored in one document (and only that one).

use wirediff::engine::report::Shares;
use wirediff::engine::{analyze, Config, Input};
use wirediff::seeds::SEEDS;

fn seeds() -> Vec<Input> {
    SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect()
}

#[test]
fn shares_split_every_sentence_once_and_match_unique() {
    let report = analyze(&seeds(), &Config::default());
    for d in &report.documents {
        let Shares { verbatim, reworded, unique } = d.shares;
        assert_eq!(verbatim + reworded + unique, d.sentences.len(), "{}", d.id);
        assert_eq!(unique, d.unique.len(), "{}", d.id);
    }
    assert!(report.documents.iter().any(|d| d.shares.reworded > 0), "the seeds share some wording");
}

#[test]
fn a_copied_sentence_counts_as_verbatim_on_both_sides() {
    let a = "Officials met on Monday in Geneva to discuss the plan.\n\nThe talks lasted six hours.";
    let b = "Officials met on Monday in Geneva to discuss the plan.\n\nNothing else was said about tariffs.";
    let inputs = [Input { id: "a".into(), text: a.into() }, Input { id: "b".into(), text: b.into() }];
    let report = analyze(&inputs, &Config::default());
    for d in &report.documents {
        assert_eq!(d.shares, Shares { verbatim: 1, reworded: 0, unique: 1 }, "{}", d.id);
    }
}

#[test]
fn restoring_a_line_keeps_it_in_that_document_only() {
    let text = "A headline about the plan\nShare this article\nThe plan was drafted in secret by officials.";
    let inputs = [Input { id: "a".into(), text: text.into() }, Input { id: "b".into(), text: text.into() }];
    let plain = analyze(&inputs, &Config::default());
    let removed: Vec<usize> = plain.documents[0].removed.iter().map(|r| r.line).collect();
    assert_eq!(removed, vec![2], "the share prompt is removed");
    let mut config = Config::default();
    config.report.restored.push(("a".into(), 2));
    let restored = analyze(&inputs, &config);
    assert!(restored.documents[0].removed.is_empty());
    assert!(restored.documents[0].sentences.iter().any(|s| s.text.contains("Share this article")));
    assert_eq!(restored.documents[1].removed.len(), 1, "the other document is untouched");
    // The restored line keeps the reason it was removed for, for the cleaning view.
    let was = &restored.documents[0].restored;
    assert_eq!(was.len(), 1, "{was:?}");
    assert_eq!((was[0].line, was[0].text.as_str()), (2, "Share this article"));
    assert_eq!(was[0].reason, plain.documents[0].removed[0].reason);
    assert!(restored.documents[1].restored.is_empty());
    assert!(plain.documents[0].restored.is_empty());
}
