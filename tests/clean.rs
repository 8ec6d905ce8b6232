//! Table tests for the cleaner: every seed with exactly what is removed, and furniture from
//! other sites.

use wirediff::engine::clean::{clean, CleanConfig, Cleaned, Reason};
use wirediff::seeds::SEEDS;

use Reason::*;

fn removed(cleaned: &Cleaned) -> Vec<(usize, Reason, &str)> {
    cleaned.removed.iter().map(|r| (r.line, r.reason, r.text.as_str())).collect()
}

fn seed(prefix: &str) -> &'static str {
    SEEDS.iter().find(|s| s.name.starts_with(prefix)).expect("seed").text
}

/// Every raw line that was not removed is in the kept text, verbatim once trimmed.
fn assert_real_lines_kept(raw: &str, cleaned: &Cleaned) {
    for (i, line) in raw.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() || cleaned.removed.iter().any(|r| r.line == i + 1) {
            continue;
        }
        assert!(cleaned.text.contains(line), "line {} lost: {line}", i + 1);
    }
}

#[test]
fn seed_000_loses_only_the_stray_fragment() {
    let raw = seed("000");
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(removed(&cleaned), [(33, Fragment, "neet")]);
    assert_eq!(cleaned.blank_lines, [32]);
    assert!(cleaned
        .text
        .starts_with("US, Russia Draft Ukraine Peace Plan Conditioned on Major Kyiv Concessions\n\n"));
    assert!(cleaned.text.ends_with("Digital has sought comment from the relevant parties."));
    assert_real_lines_kept(raw, &cleaned);
}

#[test]
fn seed_001_loses_only_trailing_blank_lines() {
    let raw = seed("001");
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(removed(&cleaned), []);
    assert_eq!(cleaned.blank_lines, (26..=32).collect::<Vec<_>>());
    assert_eq!(cleaned.text, raw.trim_end());
}

#[test]
fn seed_002_loses_its_tail_widgets() {
    let raw = seed("002");
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(
        removed(&cleaned),
        [
            (
                6,
                Hashtags,
                "#us-backed-peace-plan #territorial-concessions #frozen-russian-assets #amnesty-and-security-guarantees"
            ),
            (7, ReadMore, "Read at Axios"),
            (8, ReadTime, "Unable to calculate read time"),
            (9, TrailingLabel, "Collection"),
            (10, NoWords, "["),
            (11, NoWords, "|"),
            (12, NoWords, "..."),
            (13, NoWords, "]"),
        ]
    );
    assert_eq!(cleaned.blank_lines, [1]);
    assert!(cleaned.text.ends_with("and Russia’s return to the G8."));
    assert_real_lines_kept(raw, &cleaned);
}

#[test]
fn seed_003_keeps_its_heading_and_loses_tag_line_and_comments() {
    let raw = seed("003");
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(
        removed(&cleaned),
        [
            (7, SiteTag, "Ukraine is desperate to stop the war | Instant World News"),
            (8, Hashtags, "#Instant_World_News"),
            (10, CommentPrompt, "Comments"),
            (11, CommentPrompt, "Post a Comment"),
        ]
    );
    assert_eq!(cleaned.blank_lines, [9]);
    assert!(cleaned.text.contains("\nSecret plan\n"));
    assert!(cleaned.text.ends_with("73 people were injured."));
    assert_real_lines_kept(raw, &cleaned);
}

#[test]
fn seed_004_keeps_its_headings_and_loses_the_comment_prompt() {
    let raw = seed("004");
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(removed(&cleaned), [(16, CommentPrompt, "Leave a comment")]);
    assert!(cleaned.blank_lines.is_empty());
    assert!(cleaned.text.contains("\nWhat We Know About the Plan\nTerritorial Concessions:\n"));
    assert_real_lines_kept(raw, &cleaned);
}

/// The reason a line gets between two real sentences (None: kept).
fn middle(line: &str) -> Option<Reason> {
    let raw = format!("The talks resumed on Monday.\n{line}\nOfficials expect a deal soon.");
    let cleaned = clean(&raw, &CleanConfig::default());
    assert!(cleaned.text.starts_with("The talks resumed on Monday.\n"), "{line:?}");
    assert!(cleaned.text.ends_with("\nOfficials expect a deal soon."), "{line:?}");
    match cleaned.removed.as_slice() {
        [] => None,
        [r] => {
            assert_eq!((r.line, r.text.as_str()), (2, line));
            Some(r.reason)
        }
        more => panic!("{line:?}: {more:?}"),
    }
}

/// The reason a line gets after an article's last sentence (None: kept).
fn tail(line: &str) -> Option<Reason> {
    let raw = format!("The talks resumed on Monday.\n\n{line}\n");
    let cleaned = clean(&raw, &CleanConfig::default());
    let reason = cleaned.removed.first().map(|r| r.reason);
    reason
}

#[test]
fn furniture_from_other_sites_goes_anywhere() {
    let table: &[(&str, Reason)] = &[
        ("Comments", CommentPrompt),
        ("12 Comments", CommentPrompt),
        ("View comments (34)", CommentPrompt),
        ("Join the conversation", CommentPrompt),
        ("Be the first to comment", CommentPrompt),
        ("Read more at Reuters", ReadMore),
        ("Read more: Ukraine’s allies weigh the plan", ReadMore),
        ("Continue reading", ReadMore),
        ("Continue reading the main story", ReadMore),
        ("This article originally appeared on The Conversation.", ReadMore),
        ("5 min read", ReadTime),
        ("Reading time: 4 minutes", ReadTime),
        ("Share this article", SharePrompt),
        ("Share on Facebook", SharePrompt),
        ("Facebook | Twitter | Email", SharePrompt),
        ("Sign up for our daily newsletter", SharePrompt),
        ("Subscribe now", SharePrompt),
        ("Follow us on X", SharePrompt),
        ("Get the latest news delivered to your inbox", SharePrompt),
        ("Advertisement", Advertisement),
        ("Story continues below advertisement", Advertisement),
        (
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            CookieNotice,
        ),
        ("#Ukraine #Russia", Hashtags),
        ("Tags: Ukraine, Russia, peace talks", TagList),
        ("* * *", NoWords),
        ("———", NoWords),
        ("Trump’s plan for Ukraine | The Guardian", SiteTag),
        ("By Jane Doe and John Roe, Reuters", Byline),
        ("(Reporting by Jane Doe; Editing by John Roe)", Byline),
        ("Updated 3:45 PM EST, Nov. 21, 2025", Timestamp),
        ("Published 5 hours ago", Timestamp),
        ("Fri 21 Nov 2025 10.05 GMT", Timestamp),
        ("Feb. 24, 2022", Timestamp),
        ("Photo: Efrem Lukatsky / AP", PhotoCredit),
        ("(AP Photo/Efrem Lukatsky)", PhotoCredit),
        ("Listen to this article", MediaPrompt),
        ("Play video", MediaPrompt),
        ("Loading…", MediaPrompt),
        ("Skip to main content", Navigation),
        ("Back to top", Navigation),
        ("© 2025 The Associated Press. All rights reserved.", Copyright),
        ("Copyright 2025 Reuters", Copyright),
    ];
    for &(line, reason) in table {
        assert_eq!(middle(line), Some(reason), "{line:?}");
    }
}

#[test]
fn real_text_stays() {
    let table = [
        "Secret plan",
        "What We Know About the Plan",
        "Territorial Concessions:",
        "He declined to comment.",
        "The comments drew criticism from Kyiv.",
        "Officials shared the plan with allies.",
        "Share prices fell 3 percent.",
        "By Thursday, the plan must be signed.",
        "At 3 p.m. on Nov. 21, the talks began.",
        "WASHINGTON — The US peace plan contains almost no concessions from Russia.",
        "Sign the deal, he said.",
        "Kyiv | Moscow talks stall",
        "“Read my lips,” he said.",
        "73 people were injured.",
        "Watch the skies over Kyiv tonight, officials warned.",
        "Back home, the plan drew criticism.",
        "The video shows the strike.",
        "2014",
        "March 2022",
    ];
    for line in table {
        assert_eq!(middle(line), None, "{line:?}");
    }
}

#[test]
fn widget_labels_go_only_after_the_article() {
    assert_eq!(tail("Collection"), Some(TrailingLabel));
    assert_eq!(tail("Related"), Some(TrailingLabel));
    assert_eq!(tail("More stories:"), Some(TrailingLabel));
    assert_eq!(tail("neet"), Some(Fragment));
    assert_eq!(tail("- NATO ruled out"), None);
    assert_eq!(tail("2. Amnesty for all"), None);
    let raw = "The talks resumed.\n\nKey points\n- Ukraine cedes the Donbas\n- NATO ruled out\nShare";
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(removed(&cleaned), [(6, SharePrompt, "Share")]);
    assert_eq!(tail("Officials expect a deal soon."), None);
    assert_eq!(tail("The plan would see Kyiv surrender the Donbas region"), None);
    // A lone lower-case scrap between finished sentences is a fragment too ...
    assert_eq!(middle("neet"), Some(Fragment));
    // ... but a text of one short line keeps it.
    assert!(clean("Peace plan agreed", &CleanConfig::default()).removed.is_empty());
    assert!(clean("x ?! y", &CleanConfig::default()).removed.is_empty());
    assert!(clean("neet\nThe talks resumed.", &CleanConfig::default()).removed.is_empty());
}

#[test]
fn blank_runs_collapse_to_one_blank_line() {
    let raw = "\n\nTitle\n\n\n\nFirst.\n  \nComments\n\nSecond.\n\n";
    let cleaned = clean(raw, &CleanConfig::default());
    assert_eq!(cleaned.text, "Title\n\nFirst.\n\nSecond.");
    let reasons: Vec<_> = cleaned.removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(reasons, [(9, CommentPrompt)]);
    assert_eq!(cleaned.blank_lines, [1, 2, 5, 6, 10, 12]);
}

#[test]
fn restoring_a_line_keeps_it_and_offsets_map_back() {
    let raw = seed("003");
    let config = CleanConfig { keep_lines: vec![7], ..CleanConfig::default() };
    let cleaned = clean(raw, &config);
    assert!(cleaned.text.contains("Ukraine is desperate to stop the war | Instant World News"));
    assert!(!cleaned.removed.iter().any(|r| r.line == 7));

    // With the comment rule off, the trailing-label rule still takes them; with both off, they stay.
    let config = CleanConfig { disabled: vec![CommentPrompt], ..CleanConfig::default() };
    assert!(clean(raw, &config).removed.iter().any(|r| r.line == 11 && r.reason == TrailingLabel));
    let config = CleanConfig { disabled: vec![CommentPrompt, TrailingLabel], ..CleanConfig::default() };
    assert!(clean(raw, &config).text.ends_with("Comments\nPost a Comment"));

    // Kept offsets map to the same text in the raw file; removed spans hold their line.
    let cleaned = clean(seed("002"), &CleanConfig::default());
    for k in &cleaned.kept {
        let kept = &cleaned.text[k.start..k.start + k.len];
        assert_eq!(&seed("002")[k.raw_start..k.raw_start + k.len], kept);
        assert_eq!(cleaned.raw_offset(k.start), k.raw_start);
    }
    for r in &cleaned.removed {
        assert_eq!(&seed("002")[r.start..r.end], r.text);
    }
}

#[test]
fn crlf_and_empty_input() {
    let cleaned = clean("Title\r\n\r\nBody.\r\nRead at Axios\r\n", &CleanConfig::default());
    assert_eq!(cleaned.text, "Title\n\nBody.");
    assert_eq!(removed(&cleaned), [(4, ReadMore, "Read at Axios")]);
    assert!(cleaned.blank_lines.is_empty());
    assert_eq!(clean("", &CleanConfig::default()), Cleaned::default());
}

/// Invented articles pasted the way other sites' pages paste: the furniture goes, every
/// sentence and the headline stay.
#[test]
fn pasted_pages_from_other_sites() {
    let broadcaster = "\
Ukraine talks: envoys meet again in Geneva
2 hours ago
Share
Save
Getty Images
Envoys from both sides met in Geneva on Sunday.
The talks lasted five hours, officials said.
Listen to this article
More on this story
Related topics
Russia-Ukraine war";
    let cleaned = clean(broadcaster, &CleanConfig::default());
    assert_eq!(
        removed(&cleaned),
        [
            (2, Timestamp, "2 hours ago"),
            (3, SharePrompt, "Share"),
            (4, SharePrompt, "Save"),
            (5, PhotoCredit, "Getty Images"),
            (8, MediaPrompt, "Listen to this article"),
            (9, ReadMore, "More on this story"),
            (10, ReadMore, "Related topics"),
            (11, TrailingLabel, "Russia-Ukraine war"),
        ]
    );
    assert_eq!(
        cleaned.text,
        "Ukraine talks: envoys meet again in Geneva\nEnvoys from both sides met in Geneva on Sunday.\n\
         The talks lasted five hours, officials said."
    );

    let newspaper = "\
Skip to main content
Envoys meet again in Geneva as talks drag on
Fri 21 Nov 2025 10.05 GMT

The talks lasted five hours on Sunday.

“We made progress,” one envoy said.

Advertisement

A second round is due next week.

Explore more on these topics
Ukraine
Russia
news
Share
Reuse this content";
    let cleaned = clean(newspaper, &CleanConfig::default());
    let reasons: Vec<(usize, Reason)> = cleaned.removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (1, Navigation),
            (3, Timestamp),
            (9, Advertisement),
            (13, ReadMore),
            (14, TrailingLabel),
            (15, TrailingLabel),
            (16, Fragment),
            (17, SharePrompt),
            (18, TrailingLabel),
        ]
    );
    assert_eq!(
        cleaned.text,
        "Envoys meet again in Geneva as talks drag on\n\nThe talks lasted five hours on Sunday.\n\n\
         “We made progress,” one envoy said.\n\nA second round is due next week."
    );

    let wire = "\
By Jane Doe
GENEVA (Wire) - Envoys met again on Sunday.
Officials said the talks would resume next week.
A delegate leaves the venue in Geneva, Switzerland, November 23, 2025. (AP Photo/John Roe)
Reporting by Jane Doe; Editing by John Roe
Our Standards: The Trust Principles., opens new tab
© 2025 Wire Service. All rights reserved.";
    let cleaned = clean(wire, &CleanConfig::default());
    let reasons: Vec<(usize, Reason)> = cleaned.removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(reasons, [(1, Byline), (4, PhotoCredit), (5, Byline), (6, Navigation), (7, Copyright)]);
    assert_eq!(
        cleaned.text,
        "GENEVA (Wire) - Envoys met again on Sunday.\nOfficials said the talks would resume next week."
    );
}
