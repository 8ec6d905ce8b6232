//! Which language an article is written in, so that a library mixing languages says so.
//!
//! wirediff compares wording: its stems, synonyms and stop words are English, and a translation
//! shares little more than names and figures with its original, which alone never make a link.
//! So a French version of an English wire story comes out with no links at all, a verdict a
//! reader would take for "nothing in common". The views name the odd language out instead.
//!
//! ```text
//! before: "Le plan a été élaboré par l'envoyé spécial de Donald Trump, Steve Witkoff, et …"
//! after:  Some("fr")   (le, a, été, par, de, et … : 9 of 22 words are French function words)
//! ```
//!
//! Letters of another script decide first (Cyrillic, Greek, Arabic, Hebrew, Han, kana, Hangul,
//! Devanagari; Ukrainian and Russian apart by the letters only one of them has). Latin text
//! is scored by the share of its words found in a list of about 35 function words per
//! language (English, French, German, Spanish, Italian, Portuguese, Dutch); a language wins
//! with at least 10% of the words and 1.5 times the hits of the next. Shorter or mixed text
//! gets `None`: no notice rather than a wrong one.
//!
//! Cost: one pass over at most the first [`MAX_WORDS`] words, and a binary search in a sorted
//! table of ~230 function words per word short enough to be one: 0.1 ms for a 765-word seed
//! natively (`bench-native` build), a tenth of what cleaning it costs.

/// Words read at most: the opening of an article tells its language.
pub const MAX_WORDS: usize = 2_000;
/// Fewer words than this (a headline, a list of names) get no verdict.
pub const MIN_WORDS: usize = 12;

/// Function words by language, each list sorted and without repeats (checked by a test).
const LATIN: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "als", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein",
            "eine", "einen", "einer", "er", "es", "für", "haben", "hat", "im", "ist", "mit", "nach", "nicht",
            "noch", "oder", "sich", "sie", "sind", "und", "von", "war", "werden", "wie", "wird", "wurde",
            "zu", "zum", "zur",
        ],
    ),
    (
        "en",
        &[
            "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
            "he", "his", "is", "it", "its", "not", "of", "on", "said", "that", "the", "their", "they",
            "this", "to", "was", "were", "which", "who", "will", "with", "would",
        ],
    ),
    (
        "es",
        &[
            "al", "como", "con", "de", "del", "el", "en", "entre", "es", "esta", "este", "fue", "ha", "las",
            "lo", "los", "más", "no", "para", "pero", "por", "que", "se", "sobre", "son", "su", "sus",
            "también", "un", "una", "y",
        ],
    ),
    (
        "fr",
        &[
            "au", "aux", "avec", "ce", "cette", "d", "dans", "de", "des", "du", "elle", "est", "et", "il",
            "l", "la", "le", "les", "leur", "lui", "mais", "ne", "ont", "ou", "par", "pas", "plus", "pour",
            "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "été",
        ],
    ),
    (
        "it",
        &[
            "al", "alla", "anche", "che", "come", "con", "degli", "dei", "del", "della", "delle", "di", "e",
            "gli", "ha", "il", "ma", "nel", "nella", "non", "per", "più", "questo", "si", "sono", "stato",
            "sua", "suo", "un", "una", "è",
        ],
    ),
    (
        "nl",
        &[
            "aan", "als", "bij", "dan", "dat", "de", "die", "door", "een", "en", "er", "heeft", "het", "is",
            "maar", "met", "naar", "niet", "nog", "om", "ook", "op", "te", "van", "voor", "werd", "wordt",
            "zijn",
        ],
    ),
    (
        "pt",
        &[
            "ao", "as", "com", "como", "da", "das", "do", "dos", "em", "foi", "mais", "na", "nas", "no",
            "nos", "não", "os", "para", "pela", "pelo", "por", "que", "se", "também", "um", "uma", "à", "é",
        ],
    ),
];

/// English names of the languages [`identify`] returns, by ISO 639-1 code.
const NAMES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("nl", "Dutch"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("zh", "Chinese"),
];

/// The English name of a code [`identify`] returns ("fr" → "French"); the code itself otherwise.
pub fn name(code: &str) -> &str {
    NAMES.iter().find(|(c, _)| *c == code).map_or(code, |(_, n)| n)
}

/// Letter counts by script, over the words read.
#[derive(Default)]
struct Scripts {
    latin: usize,
    cyrillic: usize,
    ukrainian_only: usize,
    russian_only: usize,
    greek: usize,
    arabic: usize,
    hebrew: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    devanagari: usize,
}

impl Scripts {
    /// Counts `c` under its script; false when it is no letter of a script listed here (a
    /// digit, a space, punctuation, or another script), which ends a word. Hand-made ranges, not
    /// `char::is_alphabetic`: the page links this module, and Unicode's tables cost it ~8 KB.
    fn add(&mut self, c: char) -> bool {
        let count = match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' => {
                &mut self.latin
            }
            '\u{400}'..='\u{4FF}' => {
                match c {
                    'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => self.ukrainian_only += 1,
                    'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => self.russian_only += 1,
                    _ => {}
                }
                &mut self.cyrillic
            }
            '\u{37E}' | '\u{387}' => return false, // Greek question mark, ano teleia
            '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => &mut self.greek,
            '\u{60C}' | '\u{61B}' | '\u{61F}' | '\u{660}'..='\u{669}' => return false,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => &mut self.arabic,
            '\u{5D0}'..='\u{5EA}' => &mut self.hebrew,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => &mut self.han,
            '\u{3040}'..='\u{30FF}' => &mut self.kana,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => &mut self.hangul,
            '\u{964}' | '\u{965}' => return false, // danda, double danda
            '\u{900}'..='\u{97F}' => &mut self.devanagari,
            _ => return false,
        };
        *count += 1;
        true
    }

    /// The language another script than Latin decides, when it holds most letters.
    fn decide(&self) -> Option<Option<&'static str>> {
        let total = self.latin
            + self.cyrillic
            + self.greek
            + self.arabic
            + self.hebrew
            + self.han
            + self.kana
            + self.hangul
            + self.devanagari;
        let most = |n: usize| n * 2 > total;
        if total == 0 || most(self.latin) {
            return None;
        }
        let code = if most(self.cyrillic) {
            // Both share most letters; only the letters one of them lacks tell them apart.
            use std::cmp::Ordering::*;
            match self.ukrainian_only.cmp(&self.russian_only) {
                Greater => Some("uk"),
                Less => Some("ru"),
                Equal => None,
            }
        } else if most(self.greek) {
            Some("el")
        } else if most(self.arabic) {
            Some("ar")
        } else if most(self.hebrew) {
            Some("he")
        } else if most(self.hangul) {
            Some("ko")
        } else if most(self.han + self.kana) {
            // Japanese writes kana between its Han characters; Chinese has none.
            Some(if self.kana * 10 > self.han + self.kana { "ja" } else { "zh" })
        } else if most(self.devanagari) {
            Some("hi")
        } else {
            None
        };
        Some(code)
    }
}

/// Han and kana: Chinese and Japanese put no spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The ISO 639-1 code of the language `text` is written in, or `None` when it is too short,
/// mixed, or in a language not listed above. Never panics.
pub fn identify(text: &str) -> Option<&'static str> {
    let (table, longest) = function_words();
    let mut scripts = Scripts::default();
    let mut hits = [0usize; LATIN.len()];
    let mut words = 0usize;
    let mut word = String::new();
    let mut chars = text.chars();
    while words < MAX_WORDS {
        let c = chars.next();
        let cjk = c.is_some_and(unspaced);
        match c {
            Some(c) if !cjk && scripts.add(c) => {
                // Lower case for the function words: ASCII and Latin-1 ("À" → "à") suffice.
                word.push(match c {
                    'A'..='Z' | '\u{C0}'..='\u{DE}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
                    _ => c,
                });
                continue;
            }
            Some(c) if cjk => {
                // Each character counts as a word.
                scripts.add(c);
                words += 1;
            }
            _ => {}
        }
        // A word ends ("l'envoyé", "qu'il": the elided article is a word of its own).
        if !word.is_empty() {
            words += 1;
            if word.len() <= *longest {
                if let Ok(k) = table.binary_search_by(|(w, _)| (*w).cmp(word.as_str())) {
                    let mask = table[k].1;
                    for (i, hit) in hits.iter_mut().enumerate() {
                        *hit += usize::from(mask >> i & 1 == 1);
                    }
                }
            }
            word.clear();
        }
        if c.is_none() {
            break;
        }
    }
    if words < MIN_WORDS {
        return None;
    }
    if let Some(code) = scripts.decide() {
        return code;
    }
    // The best language and the runner-up's hits (no sort: the page links this, and a sort's
    // code costs it kilobytes).
    let (mut best, mut second) = (0, 0);
    for (i, &h) in hits.iter().enumerate() {
        if h > hits[best] {
            best = i;
        }
    }
    for (i, &h) in hits.iter().enumerate() {
        if i != best && h > second {
            second = h;
        }
    }
    let top = hits[best];
    (top * 10 >= words && top * 2 >= second * 3).then_some(LATIN[best].0)
}

/// Every function word once, sorted, with a bit per language of [`LATIN`] that lists it; and
/// the longest word's length in bytes (a longer word is no function word). Built once.
fn function_words() -> &'static (Vec<(&'static str, u8)>, usize) {
    static TABLE: std::sync::OnceLock<(Vec<(&'static str, u8)>, usize)> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&'static str, u8)> = Vec::new();
        for (i, (_, list)) in LATIN.iter().enumerate() {
            for w in *list {
                match table.binary_search_by(|(x, _)| x.cmp(w)) {
                    Ok(k) => table[k].1 |= 1 << i,
                    Err(k) => table.insert(k, (w, 1 << i)),
                }
            }
        }
        let longest = table.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
        (table, longest)
    })
}

/// Where a library's languages disagree: the language most of its identified documents are in
/// (ties go to the earliest), and the indices of the documents identified as another. `None`
/// when every identified document is in one language.
pub fn odd_ones_out(languages: &[Option<&'static str>]) -> Option<(&'static str, Vec<usize>)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for code in languages.iter().flatten() {
        match counts.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    // The first of the most common: `max_by_key` keeps the last of equals, so reverse.
    let main = counts.iter().rev().max_by_key(|(_, n)| *n).map(|(c, _)| *c)?;
    let odd =
        languages.iter().enumerate().filter(|(_, l)| l.is_some_and(|l| l != main)).map(|(i, _)| i).collect();
    Some((main, odd))
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_list_is_sorted_for_its_binary_search() {
        for (code, list) in super::LATIN {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{code}: not sorted, or a word twice");
        }
        assert!(super::LATIN.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
