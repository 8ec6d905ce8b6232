//! Numbers, counts and figures as people read them: "3,291,696 words", "1 quotation",
//! "$3 million", and a divergence's line naming documents as the library does. The engine's
//! own `Divergence::note` ("user-1 says 3000000 usd") is for the CLI and the JSON; the views
//! and the HTML report build their line here, from the divergence's facts. A quotation's
//! attribution reads the same way: "he (Marco Rubio, named before)".

use crate::engine::facts::{Divergence, DivergenceKind, Fact, FactKind};
use crate::engine::language;
use crate::engine::quotes::{QuoteVariant, SpeakerSource};
use crate::ui::state::Label;

/// `n` with thousands separators: 55889 → "55,889".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 quotation", "2 quotations", "3,000 words": the count, then `one` or `many`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `v` with `places` decimals (at most 9), as `format!("{v:.places$}")` prints it, a half
/// going to the even digit: (12.345, 1) → "12.3", (0.5, 0) → "0". The shares, scores and
/// sizes the page shows go through here, not through `{:.N}`: formatting an `f32` that way
/// links core's `f32` formatting into the page's wasm (about 1 KB gzipped). Values beyond
/// `u64` (1.8e19) are clamped to it; figures, which may be that large, use [`decimal`].
#[inline(never)]
pub fn fixed(v: f64, places: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let scale = 10u64.pow(places.min(9));
    let x = v.abs() * scale as f64;
    let floor = x as u64;
    let rest = x - floor as f64;
    let n = floor.saturating_add(u64::from(rest > 0.5 || (rest == 0.5 && floor % 2 == 1)));
    let sign = if v.is_sign_negative() { "-" } else { "" };
    match places.min(9) as usize {
        0 => format!("{sign}{n}"),
        p => format!("{sign}{}.{:0p$}", n / scale, n % scale),
    }
}

/// A number with thousands separators on its whole part and at most two decimals:
/// 2.5 → "2.5", 1234567 → "1,234,567".
fn decimal(v: f64) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let fixed = format!("{:.2}", v.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let whole = whole.parse::<usize>().map_or_else(|_| whole.to_string(), thousands);
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// A number without separators (a year, a numbered point): 2022 → "2022".
fn plain(v: f64) -> String {
    decimal(v).replace(',', "")
}

/// A large round amount in words ("3 million", "4.5 billion"), else with separators.
fn amount(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let x = v / scale;
        if x >= 1.0 && ((x * 100.0).round() - x * 100.0).abs() < 1e-6 {
            return format!("{} {word}", decimal(x));
        }
    }
    decimal(v)
}

/// A figure for people, from its parsed number and unit: "$3 million", "3,000,000",
/// "12 people", "20%", "about 900,000 personnel". Dates and names keep their label.
pub fn figure(f: &Fact) -> String {
    let as_written = if f.label.is_empty() { f.text.clone() } else { f.label.clone() };
    let Some(n) = f.number.filter(|n| f.kind == FactKind::Number && n.is_finite()) else {
        return as_written;
    };
    let body = match f.unit.as_deref() {
        Some("usd") => format!("${}", amount(n)),
        Some("eur") => format!("€{}", amount(n)),
        Some("rub") => format!("{} roubles", amount(n)),
        Some("uah") => format!("{} hryvnias", amount(n)),
        Some("percent") => format!("{}%", decimal(n)),
        // A year or a numbered point is a name, not a quantity: no separators.
        Some("year") => plain(n),
        Some("plan point") => format!("point {} of the plan", plain(n)),
        Some("article") => format!("article {}", plain(n)),
        Some(unit) if n == 1.0 && !unit.contains(' ') && unit.ends_with('s') && !unit.ends_with("ss") => {
            format!("1 {}", &unit[..unit.len() - 1])
        }
        Some(unit) => format!("{} {unit}", decimal(n)),
        None => decimal(n),
    };
    match f.qualifier.as_deref() {
        Some(q) => format!("{q} {body}"),
        None => body,
    }
}

/// What a divergence's unit measures, for its heading: "dollars", "percentages", "people killed".
pub fn unit_name(unit: &str) -> String {
    match unit {
        "usd" => "dollars".into(),
        "eur" => "euros".into(),
        "rub" => "roubles".into(),
        "uah" => "hryvnias".into(),
        "percent" => "percentages".into(),
        "km" => "kilometres".into(),
        "plan point" => "points of the plan".into(),
        "year" => "years".into(),
        "weekday" => "days of the week".into(),
        "month" => "months".into(),
        other => other.into(),
    }
}

/// `items` as "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How one outlet attributes a quotation, as its text does, with the speaker it was resolved to
/// when the text gives only a pronoun or continues an earlier paragraph's quotation: "he" alone
/// leaves a reader to guess whom the card's name came from.
pub fn attribution(v: &QuoteVariant) -> Option<String> {
    let written = v.speaker_as_written.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let resolved = v.speaker.as_deref().map(str::trim).filter(|s| !v.anonymous && !s.is_empty());
    let how = match v.speaker_source {
        SpeakerSource::Pronoun => "named before",
        SpeakerSource::Continued => "attributed in an adjacent paragraph",
        _ => return written.map(str::to_string),
    };
    match (written, resolved) {
        (Some(w), Some(r)) if !w.eq_ignore_ascii_case(r) => Some(format!("{w} ({r}, {how})")),
        (None, Some(r)) => Some(format!("{r} ({how})")),
        (w, _) => w.map(str::to_string),
    }
}

/// The notice for a library whose documents are not all in one language: `main` is the
/// language most are in, `odd` each other document's label and language code, `total` how
/// many documents are compared. A translation shares only names and figures with its original,
/// so its lack of links must not read as "nothing in common".
pub fn language_notice(main: &str, odd: &[(String, &str)], total: usize) -> String {
    let why =
        "wirediff compares wording within one language, so it does not link a translation to its original:";
    let main = language::name(main);
    match odd {
        [] => String::new(),
        [(label, code)] => format!(
            "“{label}” looks {}, {} {main}. {why} its missing links do not mean it shares nothing with the others.",
            language::name(code),
            if total == 2 { "the other document".to_string() } else { format!("the other {} documents", thousands(total - 1)) },
        ),
        _ => {
            let names: Vec<String> =
                odd.iter().map(|(label, code)| format!("“{label}” ({})", language::name(code))).collect();
            format!(
                "{} are not in {main} like the rest: {}. {why} their missing links do not mean they share nothing with the others.",
                count(odd.len(), "document", "documents"),
                and_list(&names),
            )
        }
    }
}

/// [`language_notice`] for the documents `labels` name (the report's, in its order), if they
/// are not all in one language: what the Overview and the HTML report show.
pub fn library_language_notice(labels: &[Label]) -> Option<String> {
    let languages: Vec<Option<&'static str>> = labels.iter().map(|l| l.language).collect();
    let (main, odd) = language::odd_ones_out(&languages)?;
    let odd: Vec<(String, &str)> =
        odd.iter().filter_map(|&i| Some((labels[i].short.clone(), labels[i].language?))).collect();
    Some(language_notice(main, &odd, labels.len()))
}

/// The pair view's notice when its two documents are in different languages.
pub fn pair_language_notice(left: &str, left_code: &str, right: &str, right_code: &str) -> String {
    format!(
        "{left} looks {} and {right} {}. wirediff compares wording within one language, so it does not link a \
         translation to its original: only sentences sharing words are linked here.",
        language::name(left_code),
        language::name(right_code)
    )
}

/// One line for a divergence, naming each document with `name` (the library's label):
/// "Wire says 12 people, Copy says 15 people", "Only Wire gives $45 million".
pub fn divergence_line(d: &Divergence, name: &dyn Fn(&str) -> String) -> String {
    // The documents in the order of their facts, each with its figures (once each).
    let mut per_doc: Vec<(&str, Vec<String>)> = Vec::new();
    for f in &d.facts {
        let fig = figure(f);
        match per_doc.iter_mut().find(|(doc, _)| *doc == f.doc) {
            Some((_, figs)) if !figs.contains(&fig) => figs.push(fig),
            Some(_) => {}
            None => per_doc.push((&f.doc, vec![fig])),
        }
    }
    match d.kind {
        DivergenceKind::DifferentFigure => per_doc
            .iter()
            .map(|(doc, figs)| format!("{} says {}", name(doc), and_list(figs)))
            .collect::<Vec<_>>()
            .join(", "),
        DivergenceKind::OnlyIn => {
            let givers: Vec<String> = per_doc.iter().map(|(doc, _)| name(doc)).collect();
            let mut figs: Vec<String> = Vec::new();
            for fig in per_doc.iter().flat_map(|(_, f)| f) {
                if !figs.contains(fig) {
                    figs.push(fig.clone());
                }
            }
            let gives = if givers.len() == 1 { "gives" } else { "give" };
            if d.missing_in.is_empty() {
                format!("Only {} {gives} {}", and_list(&givers), and_list(&figs))
            } else {
                let missing: Vec<String> = d.missing_in.iter().map(|m| name(m)).collect();
                let does = if missing.len() == 1 { "does" } else { "do" };
                format!(
                    "{} {gives} {}; {} {does} not, in the same passage",
                    and_list(&givers),
                    and_list(&figs),
                    and_list(&missing)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_prints_as_core_does_for_the_values_the_views_show() {
        for (v, places) in [
            (0.0, 0),
            (0.4999, 0),
            (0.5, 0),
            (1.5, 0),
            (2.5, 0),
            (12.345, 1),
            (99.95, 1),
            (-0.04, 1),
            (-1.26, 1),
            (0.3125, 3),
            (1.005, 2),
            (100.0, 2),
            (1.0 / 3.0, 3),
            (2.0 / 3.0, 3),
            (1_234_567.891, 2),
            (4.9e15, 0),
            (f64::from(0.1f32) * 100.0, 1),
        ] {
            assert_eq!(fixed(v, places), format!("{v:.0$}", places as usize), "{v} to {places} places");
        }
        for k in 0..=2000 {
            let v = f64::from(k) / 1000.0;
            assert_eq!(fixed(v * 100.0, 0), format!("{:.0}", v * 100.0), "{v}");
            assert_eq!(fixed(v, 3), format!("{v:.3}"), "{v}");
        }
        assert_eq!(fixed(f64::NAN, 1), "NaN");
    }

    fn fact(doc: &str, number: Option<f64>, unit: Option<&str>, label: &str) -> Fact {
        Fact {
            doc: doc.into(),
            sentence: format!("{doc}#s0"),
            kind: if number.is_some() { FactKind::Number } else { FactKind::Date },
            text: label.into(),
            label: label.into(),
            start: 0,
            end: label.len(),
            value: number.map_or(label.to_lowercase(), |n| format!("{n}")),
            number,
            unit: unit.map(String::from),
            qualifier: None,
            entity: None,
            context: Vec::new(),
        }
    }

    #[test]
    fn counts_have_separators_and_agree_in_number() {
        let cases =
            [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (55889, "55,889"), (3291696, "3,291,696")];
        for (n, want) in cases {
            assert_eq!(thousands(n), want);
        }
        assert_eq!(count(1, "quotation", "quotations"), "1 quotation");
        assert_eq!(count(0, "quotation", "quotations"), "0 quotations");
        assert_eq!(count(3291696, "word", "words"), "3,291,696 words");
    }

    #[test]
    fn figures_read_as_people_write_them() {
        let cases = [
            (Some(3e6), Some("usd"), "$3 million"),
            (Some(4.5e9), Some("usd"), "$4.5 billion"),
            (Some(45e6), Some("usd"), "$45 million"),
            (Some(3500.0), Some("usd"), "$3,500"),
            (Some(3e6), None, "3,000,000"),
            (Some(3000000.5), None, "3,000,000.5"),
            (Some(1234567.0), None, "1,234,567"),
            (Some(12.0), Some("people"), "12 people"),
            (Some(900000.0), Some("personnel"), "900,000 personnel"),
            (Some(1.0), Some("days"), "1 day"),
            (Some(20.0), Some("percent"), "20%"),
            (Some(2022.0), Some("year"), "2022"),
            (Some(28.0), Some("plan point"), "point 28 of the plan"),
            (None, Some("weekday"), "Late Wednesday"),
        ];
        for (number, unit, want) in cases {
            let f = fact("a", number, unit, "Late Wednesday");
            assert_eq!(figure(&f), want, "{number:?} {unit:?}");
        }
        let about = Fact { qualifier: Some("about".into()), ..fact("a", Some(12.0), Some("people"), "12") };
        assert_eq!(figure(&about), "about 12 people");
    }

    #[test]
    fn language_notices_name_the_odd_documents_out() {
        let one = [("Le Monde".to_string(), "fr")];
        assert_eq!(
            language_notice("en", &one, 6),
            "“Le Monde” looks French, the other 5 documents English. wirediff compares wording within one \
             language, so it does not link a translation to its original: its missing links do not mean it \
             shares nothing with the others."
        );
        assert!(language_notice("en", &one, 2)
            .starts_with("“Le Monde” looks French, the other document English."));
        let two = [("Le Monde".to_string(), "fr"), ("Spiegel".to_string(), "de")];
        assert!(language_notice("en", &two, 7).starts_with(
            "2 documents are not in English like the rest: “Le Monde” (French) and “Spiegel” (German). wirediff"
        ));
        assert_eq!(language_notice("en", &[], 3), "");
        assert!(pair_language_notice("Wire", "en", "Le Monde", "fr")
            .starts_with("Wire looks English and Le Monde French."));
    }

    #[test]
    fn attributions_name_whom_a_pronoun_stands_for() {
        let variant = |written: Option<&str>, speaker: Option<&str>, source, anonymous| QuoteVariant {
            doc: "000".into(),
            sentence: "000:s1".into(),
            sentences: vec!["000:s1".into()],
            text: "words".into(),
            speaker_as_written: written.map(str::to_string),
            speaker: speaker.map(str::to_string),
            anonymous,
            speaker_source: source,
            quoted: true,
            fragment: false,
            unclosed: false,
        };
        use SpeakerSource::*;
        let cases = [
            (
                variant(Some("he"), Some("Marco Rubio"), Pronoun, false),
                Some("he (Marco Rubio, named before)"),
            ),
            (
                variant(Some("She"), Some("Karoline Leavitt"), Pronoun, false),
                Some("She (Karoline Leavitt, named before)"),
            ),
            // A pronoun left unresolved, or resolved to an unnamed source, stays as written.
            (variant(Some("he"), None, Pronoun, false), Some("he")),
            (variant(Some("she"), Some("the official"), Pronoun, true), Some("she")),
            (
                variant(None, Some("Marco Rubio"), Continued, false),
                Some("Marco Rubio (attributed in an adjacent paragraph)"),
            ),
            (
                variant(Some("Secretary of State Marco Rubio"), Some("Marco Rubio"), After, false),
                Some("Secretary of State Marco Rubio"),
            ),
            (variant(Some("Peskov"), Some("Peskov"), Pronoun, false), Some("Peskov")),
            (variant(None, None, Unknown, false), None),
            (variant(Some("  "), None, Unknown, false), None),
        ];
        for (v, want) in cases {
            assert_eq!(attribution(&v).as_deref(), want, "{v:?}");
        }
    }

    #[test]
    fn divergence_lines_name_documents_as_the_library_does() {
        let name = |id: &str| match id {
            "user-1" => "My custom title A".to_string(),
            "user-2" => "Wire".to_string(),
            other => other.to_string(),
        };
        let different = Divergence {
            kind: DivergenceKind::DifferentFigure,
            passage: Some(0),
            unit: Some("usd".into()),
            facts: vec![
                fact("user-1", Some(3e6), Some("usd"), "$3 million"),
                fact("user-2", Some(4e6), Some("usd"), "$4 million"),
            ],
            missing_in: Vec::new(),
            note: "user-1 says 3000000 usd, user-2 says 4000000 usd".into(),
        };
        assert_eq!(
            divergence_line(&different, &name),
            "My custom title A says $3 million, Wire says $4 million"
        );
        let only = Divergence {
            kind: DivergenceKind::OnlyIn,
            passage: None,
            unit: Some("people".into()),
            facts: vec![fact("user-2", Some(12.0), Some("people"), "12 people")],
            missing_in: Vec::new(),
            note: "only user says 12 people".into(),
        };
        assert_eq!(divergence_line(&only, &name), "Only Wire gives 12 people");
        let in_passage = Divergence { missing_in: vec!["user-1".into()], passage: Some(1), ..only };
        assert_eq!(
            divergence_line(&in_passage, &name),
            "Wire gives 12 people; My custom title A does not, in the same passage"
        );
        assert_eq!(unit_name("usd"), "dollars");
    }
}
