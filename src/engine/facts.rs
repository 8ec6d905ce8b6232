//! Figures, dates and names in each document, and where outlets disagree about them.
//!
//! A worked example from the seeds. Seed 001 writes
//!
//! ```text
//! shrink its armed forces from its current estimated 900,000 to 600,000 personnel
//! ```
//!
//! and extraction yields two number facts, `900000 personnel` (qualifier "estimated"; the
//! unit is carried back over "to" from the range's second figure) and `600000 personnel`,
//! each with its sentence id, byte span and a few context words. Seed 003's "at least 25
//! people, including three children, were killed" yields `25 people killed` (qualifier "at
//! least") and `3 children killed`; seed 004's "the 28-point document" yields `28 points`,
//! while 001's "point 26" yields `26 plan point` (an item number, not a size). Weekdays
//! ("Late Wednesday"), years ("since its 2022 invasion") and relative dates ("last week")
//! become date facts; capitalised runs ("Secretary of State Marco Rubio") become entities
//! with titles stripped ("Marco Rubio"), and a later "Rubio" links to the same person.
//!
//! Divergences: within one passage (a group of sentences that carry the same content in
//! several outlets, computed by the aligner), two outlets giving the same unit different
//! values — 900,000 against 850,000 personnel — are a `different_figure`; a figure that one
//! outlet of the passage gives and another omits, or that only one outlet gives at all, is
//! `only_in` (reported modestly: rewrites legitimately drop detail).
//!
//! Cost: extraction is one pass over each sentence's words with a look-ahead of three words,
//! O(words). Divergences group facts by passage and unit, O(facts · log facts).

use serde::{Deserialize, Serialize};

use super::quotes::DocSentences;

/// What kind of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Number,
    Date,
    Entity,
}

/// What kind of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Other,
}

/// One figure, date or name in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub doc: String,
    pub sentence: String,
    pub kind: FactKind,
    /// The span as written ("900,000", "28-point", "Late Wednesday", "Secretary of State Marco Rubio").
    pub text: String,
    /// The figure as a reader should see it, unit included: `text`, except for the first
    /// figure of a range, which borrows the unit words of the second ("from 900,000 to 600,000
    /// personnel" gives "900,000 personnel").
    #[serde(default)]
    pub label: String,
    /// Byte span of `text` in the sentence.
    pub start: usize,
    pub end: usize,
    /// Normalized value: "900000", "2022", "wednesday", "Marco Rubio".
    pub value: String,
    /// Parsed number, for numbers and years.
    pub number: Option<f64>,
    /// "percent", "personnel", "people killed", "lives per day", "points", "plan point",
    /// "days", "hours", "years", "usd", "year", "weekday", "month", "relative"…
    pub unit: Option<String>,
    /// "about", "at least", "estimated", "last", "late"…
    pub qualifier: Option<String>,
    pub entity: Option<EntityKind>,
    /// Up to `context_words` lower-cased words on each side, punctuation dropped.
    pub context: Vec<String>,
}

/// Thresholds for fact extraction and divergences.
#[derive(Debug, Clone, PartialEq)]
pub struct FactConfig {
    /// Context words kept on each side of a fact.
    pub context_words: usize,
    /// Report `only_in` for figures no other document gives (outside any shared passage).
    pub report_only_in: bool,
    /// Outside passages, two figures of the same unit conflict only when their contexts
    /// share at least this many content words.
    pub min_shared_context: usize,
}

impl Default for FactConfig {
    fn default() -> Self {
        FactConfig { context_words: 4, report_only_in: true, min_shared_context: 3 }
    }
}

/// A sentence of a document: (doc id, sentence id). Passages are lists of these.
pub type SentenceKey = (String, String);

/// How outlets disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceKind {
    /// The same passage (or the same context) gives the same unit different values.
    DifferentFigure,
    /// A figure given by one outlet only (within a passage, or in the whole set).
    OnlyIn,
}

/// One divergence between outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    pub kind: DivergenceKind,
    /// Index into the passages given to [`divergences`], when the divergence is inside one.
    pub passage: Option<usize>,
    pub unit: Option<String>,
    /// The facts involved, in document order.
    pub facts: Vec<Fact>,
    /// For `only_in` inside a passage: the documents of the passage that lack the figure.
    pub missing_in: Vec<String>,
    /// One readable line: "001 says 900000 personnel, 003 says 850000 personnel".
    pub note: String,
}

/// Every fact and divergence of a set of documents: the report's `facts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub items: Vec<Fact>,
    pub divergences: Vec<Divergence>,
}

/// Extracts the facts of all `docs` and their divergences across `passages` (each a list of
/// (doc id, sentence id) that carry one unit of content). Deterministic; never panics.
pub fn facts(docs: &[DocSentences], passages: &[Vec<SentenceKey>], config: &FactConfig) -> Facts {
    let items: Vec<Fact> = docs.iter().flat_map(|d| extract_facts(d, config)).collect();
    let divergences = divergences(&items, passages, docs.len(), config);
    Facts { items, divergences }
}

/// The report's passages as lists of (doc id, sentence id), the form [`facts`] takes.
pub fn passage_keys(passages: &[super::report::Passage]) -> Vec<Vec<SentenceKey>> {
    passages
        .iter()
        .map(|p| {
            p.carriers
                .iter()
                .flat_map(|c| c.sentences.iter().map(move |s| (c.document.clone(), s.clone())))
                .collect()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Names (shared with quote speakers)
// ---------------------------------------------------------------------------------------------

/// Words that are titles, roles or qualifiers in front of a name, never the name itself.
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "secretary",
    "press",
    "state",
    "of",
    "the",
    "for",
    "and",
    "minister",
    "foreign",
    "prime",
    "defense",
    "defence",
    "army",
    "navy",
    "special",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "general",
    "gen",
    "chancellor",
    "kremlin",
    "white",
    "house",
    "us",
    "u.s",
    "u.s.",
    "ukrainian",
    "russian",
    "american",
    "british",
    "french",
    "german",
    "chief",
    "deputy",
    "national",
    "security",
    "adviser",
    "advisor",
    "ambassador",
    "director",
    "leader",
    "lead",
    "program",
    "former",
    "acting",
    "official",
    "head",
    "commander",
    "king",
    "queen",
    "pope",
    "council",
    "lt",
    "col",
    "colonel",
    "admiral",
    "sir",
    "lord",
    "dame",
    "premier",
    "speaker",
    "attorney",
    "treasury",
    "homeland",
    "interior",
    "ministry",
    "united",
    "states",
    "russia",
    "ukraine",
    "ukraine's",
    "russia's",
    "democrat",
    "republican",
    "congressman",
    "congresswoman",
    "envoy's",
    "trump's",
    "late",
];

/// A set of words hashed with FNV: short keys hash in a few instructions, not SipHash's 100.
type WordSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<super::lexicon::FnvHasher>>;

/// Membership in a word list, through a hash set built once per list.
fn in_list(list: &'static [&'static str], cell: &'static std::sync::OnceLock<WordSet>, w: &str) -> bool {
    cell.get_or_init(|| list.iter().copied().collect()).contains(w)
}

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        fn $name(w: &str) -> bool {
            static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
            in_list($list, &SET, w)
        }
    };
}

word_set!(is_title, TITLE_WORDS);
word_set!(is_not_name, NOT_NAMES);
word_set!(is_place, PLACES);
word_set!(is_org, ORGS);
word_set!(is_org_word, ORG_WORDS);

/// True for title and role words ("Secretary", "President", "U.S.").
pub(crate) fn is_title_word(word: &str) -> bool {
    let lw = lower(word);
    let w = lw.trim_end_matches('.');
    is_title(w) || (word.ends_with('.') && is_title(&lw))
}

/// True for names of institutions: gazetteer organisations and runs holding an organisation
/// word ("Interior Ministry", "White House").
pub(crate) fn is_organisation(name: &str) -> bool {
    let l = lower(name);
    let l = l.strip_prefix("the ").unwrap_or(&l);
    is_org(l) || l.split(' ').any(is_org_word)
}

/// The name at the end of a run of capitalised words, titles in front removed:
/// ["Secretary", "of", "State", "Marco", "Rubio"] → "Marco Rubio". Possessive 's dropped.
pub(crate) fn strip_titles(run: &[&str]) -> String {
    let words: Vec<String> = run
        .iter()
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let mut start = words.len();
    while start > 0 && !is_title_word(&words[start - 1]) {
        start -= 1;
    }
    words[start..].join(" ")
}

/// A comparison key for a name: lower case, letters only, doubled final letters folded
/// (Zelenskyy = Zelensky).
pub(crate) fn name_key(name: &str) -> String {
    let mut k: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    while k.len() > 2 && k.ends_with("yy") {
        k.pop();
    }
    if k.contains("kiev") {
        k = k.replace("kiev", "kyiv");
    }
    k
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Capitalised words that begin sentences or are not names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "however",
    "but",
    "and",
    "meanwhile",
    "according",
    "after",
    "although",
    "among",
    "amid",
    "as",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "our",
    "his",
    "her",
    "their",
    "if",
    "while",
    "some",
    "several",
    "ok",
    "furthermore",
    "despite",
    "late",
    "what",
    "who",
    "so",
    "numerous",
    "officials",
    "sources",
    "between",
    "territorial",
    "secret",
    "also",
    "still",
    "yet",
    "when",
    "where",
    "there",
    "here",
    "media",
    "ending",
    "bringing",
    "deterring",
    "russian",
    "ukrainian",
    "american",
    "european",
    "western",
    "eastern",
    "soviet",
    "israeli",
    "palestinian",
    "british",
    "french",
    "german",
    "chinese",
    "collection",
    "read",
    "comments",
    "post",
    "leave",
    "unable",
    "mr",
    "ms",
    "mrs",
];

const PLACES: &[&str] = &[
    "ukraine",
    "russia",
    "kyiv",
    "kiev",
    "moscow",
    "washington",
    "donbas",
    "donbass",
    "crimea",
    "donetsk",
    "luhansk",
    "lugansk",
    "zaporizhzhia",
    "kherson",
    "ternopil",
    "miami",
    "gaza",
    "israel",
    "middle east",
    "united states",
    "us",
    "u.s.",
    "america",
    "europe",
    "china",
    "belarus",
    "poland",
    "germany",
    "france",
    "britain",
    "uk",
    "turkey",
    "istanbul",
    "geneva",
    "riyadh",
    "saudi arabia",
    "abu dhabi",
    "kharkiv",
    "odesa",
    "odessa",
    "lviv",
    "dnipro",
    "mariupol",
    "bakhmut",
    "avdiivka",
    "pokrovsk",
    "black sea",
    "eastern ukraine",
    "western ukraine",
];

const ORGS: &[&str] = &[
    "nato",
    "kremlin",
    "white house",
    "g8",
    "g7",
    "hamas",
    "eu",
    "european union",
    "un",
    "united nations",
    "pentagon",
    "state department",
    "congress",
    "senate",
    "axios",
    "afp",
    "associated press",
    "ap",
    "reuters",
    "fox news",
    "fox news digital",
    "the post",
    "tass",
    "interior ministry",
    "foreign ministry",
    "institute for the study of war",
    "isw",
    "cia",
    "fbi",
    "instant world news",
];

const ORG_WORDS: &[&str] = &[
    "ministry",
    "council",
    "house",
    "institute",
    "department",
    "office",
    "army",
    "forces",
    "agency",
    "committee",
    "union",
    "organization",
    "organisation",
    "party",
    "kremlin",
    "pentagon",
    "congress",
    "senate",
    "parliament",
    "rada",
    "bank",
    "fund",
    "embassy",
    "court",
    "university",
    "news",
    "post",
    "times",
    "press",
    "administration",
    "government",
    "nato",
    "command",
    "service",
    "guard",
];

/// `s.to_lowercase()`, without an allocation when `s` is lower-case ASCII already (most words).
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

fn bare(word: &str) -> &str {
    // Most words are plain letters or digits already: nothing to trim, no dot to keep.
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word;
    }
    let b = word.trim_matches(|c: char| !c.is_alphanumeric());
    // Keep the final dot of initialisms: "U.S." stays "U.S.", not "U.S".
    if b.contains('.') && b.chars().all(|c| c.is_uppercase() || c == '.') {
        if let Some(at) = word.find(b) {
            if word[at + b.len()..].starts_with('.') {
                return &word[at..at + b.len() + 1];
            }
        }
    }
    b
}

/// Spellings of one place or organisation, mapped to one value.
const ALIASES: &[(&str, &str)] = &[
    ("us", "United States"),
    ("u.s.", "United States"),
    ("usa", "United States"),
    ("u.s.a.", "United States"),
    ("america", "United States"),
    ("united states", "United States"),
    ("kiev", "Kyiv"),
    ("lugansk", "Luhansk"),
    ("donbass", "Donbas"),
    ("odessa", "Odesa"),
    ("the associated press", "Associated Press"),
    ("ap", "Associated Press"),
];

/// The canonical value of a place or organisation name.
fn alias(name: &str) -> String {
    let l = name.to_lowercase();
    ALIASES.iter().find(|(k, _)| *k == l).map_or_else(|| name.to_string(), |(_, v)| v.to_string())
}

fn is_cap(word: &str) -> bool {
    bare(word).chars().next().is_some_and(char::is_uppercase)
}

/// True when a word may be part of a name: capitalised, and not a hyphenated compound with
/// a lower-case part ("US-backed").
fn is_name_word(word: &str) -> bool {
    // `is_cap`, on the one bare form; then the hyphen check, only for capitalised words.
    let b = bare(word);
    b.chars().next().is_some_and(char::is_uppercase)
        && !b.split('-').skip(1).any(|p| p.chars().next().is_some_and(char::is_lowercase))
}

/// A capitalised run in a sentence: word indices [start, end). "of", "for", "the" (and
/// "and" between two parts that are not both known places or organisations) join runs:
/// "Institute for the Study of War", "National Security and Defense Council", but
/// "Russia and Ukraine" stays two names.
fn cap_runs(words: &[(usize, &str)]) -> Vec<(usize, usize)> {
    let known = |w: &str| {
        let l = lower(bare(w));
        is_place(&l) || is_org(&l)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !(is_name_word(words[i].1) && bare(words[i].1).chars().count() > 1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let last = words[end - 1].1;
            let closes = last.ends_with([',', ';', ':', '”', '"', ')', '—', '’', '\''])
                || (last.ends_with('.') && !bare(last).contains('.'))
                || last.ends_with("’s")
                || last.ends_with("'s");
            if closes || end >= words.len() {
                break;
            }
            let next = words[end].1;
            if is_name_word(next) && !next.starts_with(['“', '"', '(', '[', '‘']) {
                end += 1;
                continue;
            }
            let joiner = bare(next);
            let skip = match joiner {
                "of" | "for" => {
                    if words.get(end + 1).is_some_and(|w| bare(w.1) == "the") {
                        2
                    } else {
                        1
                    }
                }
                "and" if !known(last) => 1,
                _ => 0,
            };
            match words.get(end + skip) {
                Some(w) if skip > 0 && is_name_word(w.1) && !(joiner == "and" && known(w.1)) => {
                    end += skip + 1;
                }
                _ => break,
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Words of `text` with their byte offsets.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Classifies a cleaned name (titles already stripped).
fn entity_kind(name: &str) -> EntityKind {
    let l = name.to_lowercase();
    if is_place(&l) {
        return EntityKind::Place;
    }
    if is_organisation(name) {
        return EntityKind::Organisation;
    }
    let parts: Vec<&str> = name.split(' ').collect();
    if parts.len() >= 2 && parts.len() <= 4 && parts.iter().all(|p| is_cap(p)) {
        return EntityKind::Person;
    }
    EntityKind::Other
}

/// Plural nationalities and similar capitalised common words: "the Ukrainians".
fn is_demonym(word: &str) -> bool {
    let l = word.to_lowercase();
    ["ians", "ans", "ese", "ish"].iter().any(|suf| l.ends_with(suf))
        && !is_place(&l)
        && !is_org(&l)
        && l.len() > 5
}

/// A headline or list heading: short, or mostly capitalised words ("What We Know About the Plan").
fn is_heading(words: &[(usize, &str)]) -> bool {
    let caps = words.iter().filter(|(_, w)| is_cap(w)).count();
    let alpha = words.iter().filter(|(_, w)| bare(w).chars().any(char::is_alphabetic)).count();
    (alpha >= 3 && caps * 10 >= alpha * 7) || ((1..=8).contains(&alpha) && caps == alpha)
}

/// The named entities of one sentence: (byte start, byte end, as written, normalized, kind).
fn sentence_entities(text: &str) -> Vec<(usize, usize, String, String, EntityKind)> {
    let words = words_with_offsets(text);
    let heading = is_heading(&words);
    let mut out = Vec::new();
    for (s, e) in cap_runs(&words) {
        let mut s = s;
        // Drop sentence starters and other non-names at the front.
        while s < e && is_not_name(&lower(bare(words[s].1))) {
            s += 1;
        }
        if s >= e {
            continue;
        }
        let run: Vec<&str> =
            words[s..e].iter().map(|(_, w)| bare(w).trim_end_matches("’s").trim_end_matches("'s")).collect();
        let joined = run.join(" ");
        let lower = joined.to_lowercase();
        let known = is_place(&lower) || is_org(&lower);
        // A capitalised word at a sentence start (or right after an opening quote) is just a
        // word unless the gazetteer knows it or more capitalised words follow.
        let at_start = s == 0 || words[s].1.starts_with(['“', '"', '‘']);
        if run.len() == 1 {
            if MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str()) || is_demonym(&lower) {
                continue;
            }
            if (at_start || heading) && !known {
                continue;
            }
        }
        if run.iter().all(|w| w.chars().count() <= 1) || (heading && !known) {
            continue;
        }
        let stripped = strip_titles(&run);
        let has_title = run.len() > 1 && run.iter().any(|w| is_title_word(w));
        if run.len() == 1 && is_title_word(&lower) && !known {
            continue; // "the President"
        }
        let (value, kind) = if known {
            (alias(&joined), entity_kind(&joined))
        } else if has_title && !stripped.is_empty() && !is_organisation(&stripped) {
            // "Secretary of State Marco Rubio" → Marco Rubio; "President Zelensky" → Zelensky.
            (stripped, EntityKind::Person)
        } else if is_organisation(&joined) {
            (joined.strip_prefix("The ").unwrap_or(&joined).to_string(), EntityKind::Organisation)
        } else {
            (joined.clone(), entity_kind(&joined))
        };
        if value.is_empty() {
            continue;
        }
        let first = words[s];
        let start =
            first.0 + (first.1.len() - first.1.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
        // The last word as `bare` reads it: an initialism keeps its final dot ("U.S.", not "U.S").
        let last = words[e - 1];
        let kept = bare(last.1);
        let end = last.0 + (kept.as_ptr() as usize - last.1.as_ptr() as usize) + kept.len();
        let end = end.max(start);
        let written = text.get(start..end).unwrap_or("").to_string();
        out.push((start, end, written, value, kind));
    }
    out
}

/// Full person names (two words or more) in a sentence, titles stripped.
pub(crate) fn person_names(text: &str) -> Vec<String> {
    sentence_entities(text)
        .into_iter()
        .filter(|e| e.4 == EntityKind::Person && e.3.contains(' '))
        .map(|e| e.3)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates
// ---------------------------------------------------------------------------------------------

/// Rough plurals that count a figure too ("dozens of", "hundreds of"); the exact number words
/// ("one" … "ninety", "dozen") come from [`crate::engine::lexicon::numbers::word_value`].
const ROUGH_NUMBER_WORDS: &[(&str, f64)] =
    &[("hundred", 100.0), ("dozens", 24.0), ("hundreds", 200.0), ("thousands", 2000.0)];

/// Unit nouns and their canonical unit.
const UNITS: &[(&str, &str)] = &[
    ("percent", "percent"),
    ("per", "percent?"),
    ("%", "percent"),
    ("personnel", "personnel"),
    ("troops", "personnel"),
    ("soldiers", "personnel"),
    ("servicemen", "personnel"),
    ("service", "personnel?"),
    ("people", "people"),
    ("persons", "people"),
    ("civilians", "people"),
    ("residents", "people"),
    ("children", "children"),
    ("lives", "lives"),
    ("deaths", "killed"),
    ("casualties", "casualties"),
    ("dead", "killed"),
    ("point", "points"),
    ("points", "points"),
    ("day", "days"),
    ("days", "days"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("month", "months"),
    ("months", "months"),
    ("year", "years"),
    ("years", "years"),
    ("decade", "decades"),
    ("decades", "decades"),
    ("dollars", "usd"),
    ("euros", "eur"),
    ("rubles", "rub"),
    ("roubles", "rub"),
    ("hryvnias", "uah"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("miles", "miles"),
    ("missiles", "missiles"),
    ("drones", "drones"),
    ("tanks", "tanks"),
    ("prisoners", "prisoners"),
    ("regions", "regions"),
    ("countries", "countries"),
    ("buildings", "buildings"),
    ("minutes", "minutes"),
    ("sanctions", "sanctions"),
    ("members", "members"),
];

const SCALES: &[(&str, f64)] =
    &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12), ("bn", 1e9), ("m", 1e6)];

const QUALIFIERS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "approximately",
    "estimated",
    "over",
    "under",
    "least",
    "than",
    "to",
    "only",
    "just",
    "exactly",
];

/// `word` as the noun a figure counts, if it reads as a plural noun: lower-case letters
/// ending in "s" (not "ss", "us" or "is"), four letters or more, not a function word: "homes",
/// "votes", "cars"; not "was", "this", "across", "status".
fn counted_noun(word: &str) -> Option<String> {
    let b = bare(word);
    let plural = b.len() >= 4
        && b.bytes().all(|c| c.is_ascii_lowercase())
        && b.ends_with('s')
        && !b.ends_with("ss")
        && !b.ends_with("us")
        && !b.ends_with("is");
    (plural && !is_stopword(b)).then(|| b.to_string())
}

fn unit_of(word: &str) -> Option<&'static str> {
    let w = lower(bare(word));
    if word.ends_with('%') {
        return Some("percent");
    }
    UNITS.iter().find(|(k, _)| *k == w).map(|(_, u)| *u)
}

/// Parses "900,000", "2.5", "20%", "$5", "28-point" (→ 28, "point"), "four-year-old".
fn parse_number(word: &str) -> Option<(f64, Option<&'static str>, bool)> {
    let w = word.trim_matches(|c: char| {
        matches!(c, '(' | ')' | '[' | ']' | '“' | '”' | '"' | ',' | ';' | ':' | '.' | '—')
    });
    let money = w.starts_with(['$', '€', '£']);
    let w = w.trim_start_matches(['$', '€', '£']);
    let (head, rest) = match w.find('-') {
        Some(i) => (&w[..i], Some(&w[i + 1..])),
        None => (w, None),
    };
    let head_num = head.trim_end_matches('%');
    let value = if head_num.chars().next().is_some_and(|c| c.is_ascii_digit())
        && head_num.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        let digits: String = head_num.chars().filter(|&c| c != ',').collect();
        // "7,000" has groups of three after commas; reject "1,2,3".
        if head_num.contains(',')
            && !head_num.split(',').skip(1).all(|g| {
                g.len() == 3
                    || g.starts_with(|c: char| c.is_ascii_digit())
                        && g.contains('.')
                        && g.split('.').next().is_some_and(|x| x.len() == 3)
            })
        {
            return None;
        }
        digits.parse::<f64>().ok()?
    } else {
        // Number words are ASCII without a "k" and at most 9 letters ("seventeen"); only the
        // Kelvin sign lower-cases to ASCII ("k"), so any other head is no number word.
        if head.len() > 9 || !head.is_ascii() {
            return None;
        }
        let l = head.to_ascii_lowercase();
        crate::engine::lexicon::numbers::word_value(&l)
            .filter(|v| *v > 0.0)
            .or_else(|| ROUGH_NUMBER_WORDS.iter().find(|(k, _)| *k == l).map(|(_, v)| *v))?
    };
    if !value.is_finite() {
        return None;
    }
    let mut unit = if head.ends_with('%') || word.contains('%') { Some("percent") } else { None };
    if let Some(rest) = rest {
        let first = rest.split('-').next().unwrap_or("");
        match unit_of(first) {
            Some(u) => unit = Some(u),
            None => return None, // "G-8", "covid-19": not a figure
        }
    }
    let unit = if money && unit.is_none() { Some("usd") } else { unit };
    Some((value, unit, rest.is_some()))
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn context(words: &[(usize, &str)], s: usize, e: usize, n: usize) -> Vec<String> {
    let pick = |w: &&(usize, &str)| {
        let b = bare(w.1).to_lowercase();
        (!b.is_empty()).then_some(b)
    };
    let mut out: Vec<String> = words[s.saturating_sub(n)..s].iter().filter_map(|w| pick(&w)).collect();
    out.extend(words[e.min(words.len())..(e + n).min(words.len())].iter().filter_map(|w| pick(&w)));
    out
}

/// Outcome words that turn "25 people" into "people killed".
fn outcome(words: &[(usize, &str)], from: usize) -> Option<&'static str> {
    for (_, w) in words.iter().skip(from).take(10) {
        match lower(bare(w)).as_ref() {
            "killed" | "dead" | "died" | "deaths" | "slain" => return Some("killed"),
            "injured" | "wounded" | "hurt" => return Some("injured"),
            "captured" | "detained" | "arrested" => return Some("detained"),
            _ => {}
        }
    }
    None
}

/// The label of the first figure of a range: its own text plus the words the second figure
/// is written with after its number ("900,000" + "600,000 personnel" → "900,000 personnel";
/// "3 to 5 million people" → "3 million people", as a reader takes it), else the unit's name
/// ("20" + "25%" → "20 percent").
fn range_label(first: &Fact, second: &Fact) -> String {
    let tail = second.text.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
    match (tail.is_empty(), &first.unit) {
        (false, _) => format!("{} {tail}", first.text),
        (true, Some(u)) => format!("{} {u}", first.text),
        (true, None) => first.text.clone(),
    }
}

/// Extracts numbers, dates and named entities from one document's sentences.
pub fn extract_facts(doc: &DocSentences, config: &FactConfig) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut persons: Vec<String> = Vec::new();
    for s in doc.sentences {
        let words = words_with_offsets(s.text);
        let base = out.len();
        let mut numbers: Vec<Fact> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (off, w) = words[i];
            let lw = lower(bare(w));
            // Dates: weekdays, months, relative days.
            if WEEKDAYS.contains(&lw.as_ref())
                || (MONTHS.contains(&lw.as_ref()) && lw != "may" && lw != "march")
                || ((lw == "may" || lw == "march")
                    && is_cap(w)
                    && i > 0
                    && matches!(
                        lower(bare(words[i - 1].1)).as_ref(),
                        "in" | "on" | "since" | "last" | "early" | "late" | "until" | "by"
                    ))
            {
                let q = i.checked_sub(1).map(|k| bare(words[k].1).to_lowercase()).filter(|p| {
                    matches!(
                        p.as_str(),
                        "last" | "next" | "late" | "early" | "this" | "on" | "since" | "in" | "until" | "by"
                    )
                });
                let unit = if WEEKDAYS.contains(&lw.as_ref()) { "weekday" } else { "month" };
                let start = off + (w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
                let end = off + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                out.push(Fact {
                    doc: doc.doc.to_string(),
                    sentence: s.id.to_string(),
                    kind: FactKind::Date,
                    text: s.text.get(start..end).unwrap_or("").to_string(),
                    label: String::new(),
                    start,
                    end,
                    value: lw.to_string(),
                    number: None,
                    unit: Some(unit.to_string()),
                    qualifier: q.filter(|q| !matches!(q.as_str(), "on" | "in")),
                    entity: None,
                    context: context(&words, i, i + 1, config.context_words),
                });
                i += 1;
                continue;
            }
            let rel = match lw.as_ref() {
                "yesterday" | "today" | "tomorrow" | "overnight" | "tonight" => Some((lw.to_string(), 1)),
                "last" | "next" | "this" | "recent" | "coming" | "past" => {
                    let nxt = words.get(i + 1).map(|x| bare(x.1).to_lowercase()).unwrap_or_default();
                    if matches!(
                        nxt.as_str(),
                        "week" | "weeks" | "month" | "months" | "year" | "days" | "weekend"
                    ) {
                        Some((format!("{lw} {nxt}"), 2))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some((value, len)) = rel {
                let start = off + (w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
                let (lo, lw2) = words[(i + len - 1).min(words.len() - 1)];
                let end = lo + lw2.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                out.push(Fact {
                    doc: doc.doc.to_string(),
                    sentence: s.id.to_string(),
                    kind: FactKind::Date,
                    text: s.text.get(start..end.max(start)).unwrap_or("").to_string(),
                    label: String::new(),
                    start,
                    end: end.max(start),
                    value,
                    number: None,
                    unit: Some("relative".to_string()),
                    qualifier: None,
                    entity: None,
                    context: context(&words, i, i + len, config.context_words),
                });
                i += len;
                continue;
            }
            // Numbers.
            let Some((mut value, mut unit, hyphen_unit)) = parse_number(w) else {
                i += 1;
                continue;
            };
            let mut end_word = i + 1;
            // Scale words: "5 million".
            if let Some((_, sc)) = words.get(i + 1).and_then(|x| {
                let b = lower(bare(x.1));
                SCALES.iter().find(|(k, _)| *k == b)
            }) {
                value *= sc;
                end_word += 1;
            }
            let is_word_number = !w.chars().any(|c| c.is_ascii_digit());
            // Look ahead for a unit noun over at most two adjectives.
            let mut rate = None;
            // Failing a known unit, the first plural noun read on the way ("40 new homes were
            // flooded" → "homes"): what the figure counts, so that "45 homes" elsewhere is
            // compared with it.
            let mut counted: Option<(usize, String)> = None;
            if unit.is_none() {
                let mut k = end_word;
                let mut skipped = 0;
                while k < words.len() && skipped <= 2 {
                    let x = words[k].1;
                    if counted.is_none() {
                        counted = counted_noun(x).map(|n| (k, n));
                    }
                    if let Some(u) = unit_of(x) {
                        let u = if u.ends_with('?') {
                            let next = words.get(k + 1).map(|n| bare(n.1).to_lowercase()).unwrap_or_default();
                            if u == "percent?" && next == "cent" {
                                k += 1;
                                Some("percent")
                            } else if u == "personnel?" && next == "members" {
                                k += 1;
                                Some("personnel")
                            } else {
                                None
                            }
                        } else {
                            Some(u)
                        };
                        if let Some(u) = u {
                            unit = Some(u);
                            end_word = k + 1;
                        }
                        break;
                    }
                    let b = bare(x);
                    if x.ends_with([',', '.', ';', ':'])
                        || b.is_empty()
                        || parse_number(x).is_some()
                        || is_cap(x) && skipped > 0
                    {
                        break;
                    }
                    if matches!(
                        lower(b).as_ref(),
                        "of" | "to"
                            | "and"
                            | "or"
                            | "from"
                            | "the"
                            | "a"
                            | "in"
                            | "on"
                            | "for"
                            | "with"
                            | "that"
                            | "who"
                            | "were"
                            | "was"
                            | "is"
                            | "are"
                    ) {
                        break;
                    }
                    skipped += 1;
                    k += 1;
                }
                // "a day", "per day"
                if unit.is_some() {
                    let a = words.get(end_word).map(|x| bare(x.1).to_lowercase()).unwrap_or_default();
                    let b = words.get(end_word + 1).map(|x| bare(x.1).to_lowercase()).unwrap_or_default();
                    if matches!(a.as_str(), "a" | "per" | "each" | "every")
                        && matches!(b.as_str(), "day" | "week" | "month" | "year" | "hour")
                    {
                        rate = Some(b);
                        end_word += 2;
                    }
                }
            }
            if is_word_number && unit.is_none() {
                i += 1;
                continue;
            }
            let year_like =
                value.fract() == 0.0 && (1900.0..=2100.0).contains(&value) && !bare(w).contains(',');
            // "point 26": an item number.
            let prev = i.checked_sub(1).map(|k| bare(words[k].1).to_lowercase()).unwrap_or_default();
            let mut kind = FactKind::Number;
            if unit.is_none()
                && matches!(prev.as_str(), "point" | "article" | "clause" | "paragraph" | "item")
            {
                unit = Some(if prev == "point" { "plan point" } else { "article" });
            }
            // A number that names something ("Report 12 says", "Resolution 2231 calls", "point
            // 26 gives") is followed by a verb, not by what it counts.
            let named = i.checked_sub(1).is_some_and(|k| is_cap(words[k].1))
                && !is_stopword(&prev)
                && !QUALIFIERS.contains(&prev.as_str())
                && !matches!(
                    prev.as_str(),
                    "another"
                        | "all"
                        | "those"
                        | "these"
                        | "both"
                        | "other"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                );
            let counted = counted.filter(|_| unit.is_none() && !year_like && !named);
            if let Some((k, _)) = &counted {
                end_word = k + 1;
            }
            let mut unit_s = unit.map(str::to_string).or(counted.map(|(_, n)| n));
            // Years.
            if unit_s.is_none() && year_like {
                kind = FactKind::Date;
                unit_s = Some("year".to_string());
            }
            if matches!(unit_s.as_deref(), Some("people" | "children" | "personnel" | "casualties")) {
                if let Some(o) = outcome(&words, end_word) {
                    unit_s = unit_s.map(|u| format!("{u} {o}"));
                }
            }
            if let Some(r) = rate {
                unit_s = unit_s.map(|u| format!("{u} per {r}"));
            }
            let _ = hyphen_unit;
            let qualifier = {
                let p1 = i.checked_sub(1).map(|k| bare(words[k].1).to_lowercase());
                let p2 = i.checked_sub(2).map(|k| bare(words[k].1).to_lowercase());
                match (p2.as_deref(), p1.as_deref()) {
                    (Some("at"), Some("least" | "most")) => Some(format!("at {}", p1.unwrap_or_default())),
                    (Some(a @ ("more" | "less" | "fewer")), Some("than")) => Some(format!("{a} than")),
                    (Some("up"), Some("to")) => Some("up to".to_string()),
                    (_, Some(q)) if QUALIFIERS.contains(&q) && !matches!(q, "to" | "than" | "least") => {
                        Some(q.to_string())
                    }
                    _ => None,
                }
            };
            let start = off
                + (w.len()
                    - w.trim_start_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£')))
                        .len());
            let (lo, lword) = words[(end_word - 1).min(words.len() - 1)];
            let end = lo + lword.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '%')).len();
            numbers.push(Fact {
                doc: doc.doc.to_string(),
                sentence: s.id.to_string(),
                kind,
                text: s.text.get(start..end.max(start)).unwrap_or("").to_string(),
                label: String::new(),
                start,
                end: end.max(start),
                value: fmt_number(value),
                number: Some(value),
                unit: unit_s,
                qualifier,
                entity: None,
                context: context(&words, i, end_word, config.context_words),
            });
            i = end_word.max(i + 1);
        }
        // Ranges: "900,000 to 600,000 personnel" — the first figure takes the second's unit.
        for k in 0..numbers.len().saturating_sub(1) {
            if numbers[k].unit.is_none() && numbers[k].kind == FactKind::Number {
                let between =
                    s.text.get(numbers[k].end..numbers[k + 1].start).unwrap_or("").trim().to_lowercase();
                if matches!(between.as_str(), "to" | "and" | "or" | "-" | "–" | "and to") {
                    numbers[k].unit = numbers[k + 1].unit.clone();
                    numbers[k].label = range_label(&numbers[k], &numbers[k + 1]);
                }
            }
        }
        out.extend(numbers);
        // Figures and dates in reading order (stable: equal starts keep their order).
        out[base..].sort_by_key(|f| f.start);
        // Entities.
        for (start, end, written, value, kind) in sentence_entities(s.text) {
            if kind == EntityKind::Person && !persons.contains(&value) {
                persons.push(value.clone());
            }
            let wi = words.iter().position(|(o, w)| *o + w.len() > start).unwrap_or(0);
            let we = words.iter().position(|(o, _)| *o >= end).unwrap_or(words.len());
            out.push(Fact {
                doc: doc.doc.to_string(),
                sentence: s.id.to_string(),
                kind: FactKind::Entity,
                text: written,
                label: String::new(),
                start,
                end,
                value,
                number: None,
                unit: None,
                qualifier: None,
                entity: Some(kind),
                context: context(&words, wi, we, config.context_words),
            });
        }
    }
    for f in out.iter_mut().filter(|f| f.label.is_empty()) {
        f.label = f.text.clone();
    }
    // Second pass: a one-word name that is the surname of a person of the same document is
    // that person ("Rubio" → "Marco Rubio", "Zelensky" → "Volodymyr Zelensky").
    // (surname key, full name) and one-word person keys, computed once.
    let surnames: Vec<(String, &String)> = persons
        .iter()
        .filter(|p| p.contains(' '))
        .filter_map(|p| p.rsplit(' ').next().map(|l| (name_key(l), p)))
        .collect();
    let singles: Vec<String> = persons.iter().filter(|p| !p.contains(' ')).map(|p| name_key(p)).collect();
    for f in out.iter_mut().filter(|f| f.kind == FactKind::Entity && !f.value.contains(' ')) {
        let key = name_key(&f.value);
        let full = surnames.iter().filter(|(k, _)| *k == key).map(|(_, p)| *p).max_by_key(|p| p.len());
        if let Some(full) = full {
            f.value = full.clone();
            f.entity = Some(EntityKind::Person);
        } else if singles.contains(&key) {
            f.entity = Some(EntityKind::Person);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Divergences
// ---------------------------------------------------------------------------------------------

/// Whether a fact takes part in divergence checks: figures with a unit, years and weekdays.
fn comparable(f: &Fact) -> bool {
    f.kind != FactKind::Entity && f.unit.as_deref().is_some_and(|u| u != "relative" && u != "month")
}

/// Words that say nothing about what a figure counts.
fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "and"
            | "or"
            | "for"
            | "its"
            | "their"
            | "his"
            | "her"
            | "it"
            | "that"
            | "with"
            | "by"
            | "from"
            | "at"
            | "as"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
    )
}

fn shared_context(a: &Fact, b: &Fact) -> usize {
    a.context.iter().filter(|w| !is_stopword(w) && b.context.contains(w)).count()
}

fn short_doc(doc: &str) -> &str {
    doc.split(['_', '.']).next().filter(|s| !s.is_empty()).unwrap_or(doc)
}

fn describe(f: &Fact) -> String {
    let unit = f.unit.as_deref().unwrap_or("");
    match &f.qualifier {
        Some(q) => format!("{q} {} {unit}", f.value),
        None => format!("{} {unit}", f.value),
    }
    .trim()
    .to_string()
}

/// Flags figures that differ across outlets within one passage (or in clearly matching
/// contexts outside passages), and figures that only one outlet gives. `n_docs` is the
/// number of documents compared; with one document nothing is `only_in`.
///
/// Rules, per unit ("personnel", "people killed", "weekday"…):
/// - in a passage, documents A and B conflict when each gives a value of the unit the other
///   does not (900,000 against 850,000); one `different_figure` lists the passage's facts of
///   that unit;
/// - in a passage, a figure some documents give and others omit is `only_in` (numbers only:
///   a rewrite that drops a date is common and harmless);
/// - outside passages, two documents conflict only when neither gives the other's value and
///   the figures' context words overlap (`min_shared_context`); conflicting figures of a unit
///   form one divergence per group (any chain of conflicts joins a group);
/// - a number no other document gives at all is `only_in` with no passage.
pub fn divergences(
    facts: &[Fact],
    passages: &[Vec<SentenceKey>],
    n_docs: usize,
    config: &FactConfig,
) -> Vec<Divergence> {
    use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
    let mut out = Vec::new();
    let mut covered: Vec<bool> = vec![false; facts.len()];
    let mut by_sentence: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, f) in facts.iter().enumerate().filter(|(_, f)| comparable(f)) {
        by_sentence.entry((f.doc.as_str(), f.sentence.as_str())).or_default().push(i);
    }
    for (pi, passage) in passages.iter().enumerate() {
        let mut in_passage: Vec<usize> = passage
            .iter()
            .filter_map(|(d, s)| by_sentence.get(&(d.as_str(), s.as_str())))
            .flatten()
            .copied()
            .collect();
        in_passage.sort_unstable();
        in_passage.dedup();
        let docs: BTreeSet<&str> = passage.iter().map(|(d, _)| d.as_str()).collect();
        if docs.len() < 2 || in_passage.is_empty() {
            continue;
        }
        // unit → doc → values
        let mut units: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
        for &i in &in_passage {
            let f = &facts[i];
            if let Some(u) = f.unit.as_deref() {
                units.entry(u).or_default().entry(f.doc.as_str()).or_default().insert(f.value.as_str());
            }
        }
        for (unit, per_doc) in &units {
            let with_unit: Vec<usize> =
                in_passage.iter().copied().filter(|&i| facts[i].unit.as_deref() == Some(*unit)).collect();
            for &i in &with_unit {
                covered[i] = true;
            }
            let conflict = per_doc.iter().any(|(a, va)| {
                per_doc.iter().any(|(b, vb)| {
                    a != b && va.difference(vb).next().is_some() && vb.difference(va).next().is_some()
                })
            });
            let involved: Vec<Fact> = with_unit.iter().map(|&i| facts[i].clone()).collect();
            if conflict {
                let note = per_doc
                    .keys()
                    .map(|d| {
                        let said: Vec<String> =
                            involved.iter().filter(|f| f.doc == *d).map(describe).collect();
                        format!("{} says {}", short_doc(d), said.join(" and "))
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(Divergence {
                    kind: DivergenceKind::DifferentFigure,
                    passage: Some(pi),
                    unit: Some(unit.to_string()),
                    facts: involved,
                    missing_in: Vec::new(),
                    note,
                });
                continue;
            }
            let numbers = with_unit.iter().all(|&i| facts[i].kind == FactKind::Number);
            if !config.report_only_in || !numbers {
                continue;
            }
            let all_values: BTreeSet<&str> = per_doc.values().flatten().copied().collect();
            let missing: Vec<String> = docs
                .iter()
                .filter(|d| per_doc.get(*d).is_none_or(|v| v.len() < all_values.len()))
                .map(|d| d.to_string())
                .collect();
            if missing.is_empty() {
                continue;
            }
            let givers: Vec<&str> = per_doc.keys().copied().collect();
            let mut values: Vec<String> = Vec::new();
            for f in &involved {
                let d = describe(f);
                if !values.contains(&d) {
                    values.push(d);
                }
            }
            let note = format!(
                "{} give{} {}; {} of the same passage do{} not",
                givers.iter().map(|d| short_doc(d)).collect::<Vec<_>>().join(", "),
                if givers.len() == 1 { "s" } else { "" },
                values.join(", "),
                missing.iter().map(|d| short_doc(d)).collect::<Vec<_>>().join(", "),
                if missing.len() == 1 { "es" } else { "" }
            );
            out.push(Divergence {
                kind: DivergenceKind::OnlyIn,
                passage: Some(pi),
                unit: Some(unit.to_string()),
                facts: involved,
                missing_in: missing,
                note,
            });
        }
    }
    // Which (doc, unit, value) exist, and in how many documents each (unit, value) occurs.
    let numbers: Vec<usize> =
        (0..facts.len()).filter(|&i| comparable(&facts[i]) && facts[i].kind == FactKind::Number).collect();
    let mut present: HashSet<(&str, &str, &str)> = HashSet::new();
    let mut docs_with: HashMap<(&str, &str), BTreeSet<&str>> = HashMap::new();
    for &i in &numbers {
        let f = &facts[i];
        let unit = f.unit.as_deref().unwrap_or("");
        present.insert((f.doc.as_str(), unit, f.value.as_str()));
        docs_with.entry((unit, f.value.as_str())).or_default().insert(f.doc.as_str());
    }
    // Outside passages: same unit, different values, neither document gives the other's
    // value, and clearly the same context. One divergence per group of conflicting figures.
    let mut by_unit: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for &i in numbers.iter().filter(|&&i| !covered[i]) {
        let f = &facts[i];
        by_unit
            .entry(f.unit.as_deref().unwrap_or(""))
            .or_default()
            .entry(f.value.as_str())
            .or_default()
            .push(i);
    }
    let mut in_conflict: Vec<bool> = vec![false; facts.len()];
    for (unit, values) in &by_unit {
        // Conflicting figures join one group (union-find over facts): 150 outlets each giving
        // their own count in the same context are one divergence, not one per value pair.
        let mut parent: HashMap<usize, usize> = HashMap::new();
        fn root(parent: &mut HashMap<usize, usize>, mut x: usize) -> usize {
            while let Some(&p) = parent.get(&x).filter(|&&p| p != x) {
                let up = parent.get(&p).copied().unwrap_or(p);
                parent.insert(x, up);
                x = p;
            }
            x
        }
        let keys: Vec<&str> = values.keys().copied().collect();
        for (x, vx) in keys.iter().enumerate() {
            for vy in &keys[x + 1..] {
                for &i in &values[vx] {
                    for &j in &values[vy] {
                        let (a, b) = (&facts[i], &facts[j]);
                        if a.doc == b.doc
                            || present.contains(&(a.doc.as_str(), unit, vy))
                            || present.contains(&(b.doc.as_str(), unit, vx))
                            || shared_context(a, b) < config.min_shared_context
                        {
                            continue;
                        }
                        for k in [i, j] {
                            parent.entry(k).or_insert(k);
                        }
                        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                        if ri != rj {
                            parent.insert(ri.max(rj), ri.min(rj));
                        }
                    }
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let members: Vec<usize> = parent.keys().copied().collect();
        for i in members {
            let r = root(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        for (_, mut involved) in groups {
            involved.sort_unstable();
            for &i in &involved {
                in_conflict[i] = true;
            }
            // "a says 600000 personnel, b, c say 800000 personnel": values in order of first
            // appearance, each with the documents that give it.
            let mut by_value: Vec<(&str, BTreeSet<&str>, usize)> = Vec::new();
            for &i in &involved {
                let f = &facts[i];
                match by_value.iter_mut().find(|v| v.0 == f.value) {
                    Some(v) => {
                        v.1.insert(f.doc.as_str());
                    }
                    None => by_value.push((f.value.as_str(), BTreeSet::from([f.doc.as_str()]), i)),
                }
            }
            let note = by_value
                .iter()
                .map(|(_, ds, i)| {
                    format!(
                        "{} say{} {}",
                        ds.iter().map(|d| short_doc(d)).collect::<Vec<_>>().join(", "),
                        if ds.len() == 1 { "s" } else { "" },
                        describe(&facts[*i])
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Divergence {
                kind: DivergenceKind::DifferentFigure,
                passage: None,
                unit: Some(unit.to_string()),
                facts: involved.iter().map(|&i| facts[i].clone()).collect(),
                missing_in: Vec::new(),
                note,
            });
        }
    }
    // Figures only one document gives at all.
    if config.report_only_in && n_docs >= 2 {
        for &i in &numbers {
            let f = &facts[i];
            let unit = f.unit.as_deref().unwrap_or("");
            if covered[i]
                || in_conflict[i]
                || docs_with.get(&(unit, f.value.as_str())).is_some_and(|d| d.len() > 1)
            {
                continue;
            }
            out.push(Divergence {
                kind: DivergenceKind::OnlyIn,
                passage: None,
                unit: f.unit.clone(),
                facts: vec![f.clone()],
                missing_in: Vec::new(),
                note: format!("only {} gives {}", short_doc(&f.doc), describe(f)),
            });
        }
    }
    out
}
