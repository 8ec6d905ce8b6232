//! A deterministic synthetic corpus made from the seeds, for the scale benchmark and tests.
//!
//! It uses no engine stage (its own crude sentence split), so it cannot flatter the engine.
//! Each synthetic article draws about `sentences` sentences from the pool of all seed sentences,
//! then rewrites them the way outlets do:
//!
//! ```text
//! seed : The plan calls for reducing US military aid to Kiev and reducing the use of various
//!        types of weapons by Ukrainian forces.
//! synth: The proposal calls for cutting US military aid to Kiev.
//!        And reducing the use of various types of arms by Ukrainian troops.
//! ```
//! Operations, each with a fixed probability: synonym swaps from a small table, a changed
//! number, a split at ", and"/", " into two sentences, a merge of two neighbours, drops, and
//! paragraph reordering. The same `(documents, sentences, seed)` always gives the same corpus.
//!
//! Cost: O(documents × sentences).

use crate::seeds::SEEDS;

use super::Input;

/// A small, fast, deterministic PRNG (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Word swaps an editor or a paraphrasing tool would make (both directions are used).
const SWAPS: &[(&str, &str)] = &[
    ("said", "stated"),
    ("plan", "proposal"),
    ("war", "conflict"),
    ("reduce", "cut"),
    ("reducing", "cutting"),
    ("officials", "representatives"),
    ("official", "representative"),
    ("secretly", "quietly"),
    ("territory", "land"),
    ("military", "armed forces"),
    ("weapons", "arms"),
    ("forces", "troops"),
    ("accept", "agree to"),
    ("end", "halt"),
    ("drafted", "prepared"),
    ("concessions", "compromises"),
    ("told", "informed"),
    ("according to", "as per"),
    ("President", "leader"),
    ("major", "significant"),
    ("massive", "large-scale"),
    ("killed", "left dead"),
    ("Kyiv", "Kiev"),
    ("Zelensky", "Zelenskyy"),
];

/// Probabilities of each rewrite.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthConfig {
    pub documents: usize,
    /// Target sentences per document.
    pub sentences: usize,
    pub seed: u64,
    pub swap: f64,
    pub number: f64,
    pub split: f64,
    pub merge: f64,
    pub reorder: f64,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            documents: 25,
            sentences: 40,
            seed: 2026,
            swap: 0.5,
            number: 0.1,
            split: 0.1,
            merge: 0.08,
            reorder: 0.3,
        }
    }
}

/// All sentences of the seeds, split crudely at ". " / "? " / "! " and line breaks.
fn pool() -> Vec<String> {
    let mut out = Vec::new();
    for seed in SEEDS.iter() {
        for line in seed.text.lines() {
            let mut rest = line.trim();
            while !rest.is_empty() {
                let cut = rest
                    .char_indices()
                    .find(|&(i, c)| {
                        matches!(c, '.' | '?' | '!') && rest[i + 1..].starts_with(' ') && {
                            // Not after a one- or two-letter abbreviation ("U.S.", "Mr.").
                            let word = rest[..i].rsplit(' ').next().unwrap_or("");
                            word.chars().filter(|c| c.is_alphabetic()).count() > 2
                        }
                    })
                    .map(|(i, _)| i + 1)
                    .unwrap_or(rest.len());
                let sentence = rest[..cut].trim();
                // Real sentences only: site furniture and headings carry no final punctuation.
                let ends = sentence.ends_with(['.', '?', '!', '"', '”', '’']);
                if sentence.split_whitespace().count() >= 4 && ends {
                    out.push(sentence.to_string());
                }
                rest = rest[cut..].trim_start();
            }
        }
    }
    out
}

fn swap_words(s: &str, rng: &mut Rng, p: f64) -> String {
    let mut out = s.to_string();
    for &(a, b) in SWAPS {
        let (from, to) = if rng.chance(0.5) { (a, b) } else { (b, a) };
        if !rng.chance(p) {
            continue;
        }
        if let Some(k) = find_word(&out, from) {
            out.replace_range(k..k + from.len(), to);
        }
    }
    out
}

/// Byte offset of `word` as a whole word in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = s.get(from..)?.find(word) {
        let at = from + k;
        let before = s[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = s[at + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

fn change_number(s: &str, rng: &mut Rng) -> String {
    let digits: Vec<usize> = s.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
    if digits.is_empty() {
        return s.to_string();
    }
    let k = digits[rng.below(digits.len())];
    let d = (s.as_bytes()[k] - b'0' + 1 + rng.below(8) as u8) % 10;
    let mut out = s.to_string();
    out.replace_range(k..k + 1, &d.to_string());
    out
}

/// Splits at ", and " or the middle comma, into two sentences.
fn split(s: &str) -> Option<(String, String)> {
    let k = s.find(", and ").map(|k| (k, k + 6)).or_else(|| {
        let commas: Vec<usize> = s.match_indices(", ").map(|(k, _)| k).collect();
        commas.get(commas.len() / 2).map(|&k| (k, k + 2))
    })?;
    let (a, b) = (s[..k.0].trim(), s[k.1..].trim());
    if a.split_whitespace().count() < 4 || b.split_whitespace().count() < 4 {
        return None;
    }
    let mut b = b.to_string();
    if let Some(c) = b.chars().next() {
        let upper: String = c.to_uppercase().collect();
        b.replace_range(..c.len_utf8(), &upper);
    }
    Some((format!("{a}."), b))
}

fn merge(a: &str, b: &str) -> String {
    let a = a.trim_end_matches(['.', '!', '?']);
    let mut b = b.to_string();
    if let Some(c) = b.chars().next() {
        if c.is_uppercase() && b.chars().nth(1).is_some_and(char::is_lowercase) {
            let lower: String = c.to_lowercase().collect();
            b.replace_range(..c.len_utf8(), &lower);
        }
    }
    format!("{a}, and {b}")
}

/// The corpus: `config.documents` articles named `synth_0000.txt`, ….
pub fn corpus(config: &SynthConfig) -> Vec<Input> {
    let pool = pool();
    (0..config.documents)
        .map(|d| {
            let mut rng = Rng::new(config.seed ^ (d as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
            Input { id: format!("synth_{d:04}.txt"), text: article(&pool, config, &mut rng) }
        })
        .collect()
}

fn article(pool: &[String], config: &SynthConfig, rng: &mut Rng) -> String {
    if pool.is_empty() {
        return String::new();
    }
    // Take sentences in pool order from a random start, each with a fixed probability.
    let take = (config.sentences as f64 / pool.len() as f64).min(1.0);
    let mut picked: Vec<String> = Vec::new();
    let mut k = rng.below(pool.len());
    let mut steps = 0;
    while picked.len() < config.sentences && steps < pool.len() * 8 {
        if rng.chance(take) {
            picked.push(pool[k].clone());
        }
        k = (k + 1) % pool.len();
        steps += 1;
    }
    // Rewrite sentence by sentence.
    let mut out: Vec<String> = Vec::new();
    for s in picked {
        let mut s = swap_words(&s, rng, config.swap / 4.0);
        if rng.chance(config.number) {
            s = change_number(&s, rng);
        }
        if rng.chance(config.split) {
            if let Some((a, b)) = split(&s) {
                out.push(a);
                out.push(b);
                continue;
            }
        }
        if rng.chance(config.merge) {
            if let Some(prev) = out.pop() {
                out.push(merge(&prev, &s));
                continue;
            }
        }
        out.push(s);
    }
    // Paragraphs of 1–3 sentences, some moved elsewhere.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < out.len() {
        let n = 1 + rng.below(3);
        let end = (i + n).min(out.len());
        paragraphs.push(out[i..end].join(" "));
        i = end;
    }
    let moves = (paragraphs.len() as f64 * config.reorder) as usize;
    for _ in 0..moves {
        let from = rng.below(paragraphs.len());
        let p = paragraphs.remove(from);
        let to = rng.below(paragraphs.len() + 1);
        paragraphs.insert(to, p);
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let cfg = SynthConfig { documents: 3, ..SynthConfig::default() };
        let a = corpus(&cfg);
        assert_eq!(a, corpus(&cfg));
        assert_eq!(a.len(), 3);
        for doc in &a {
            let n = doc.text.matches(". ").count() + doc.text.matches(".\n").count();
            assert!(n >= 20, "{n} sentences in {}", doc.id);
        }
        assert_ne!(a[0].text, a[1].text);
    }

    #[test]
    fn rewrites() {
        assert_eq!(find_word("the plan, planned", "plan"), Some(4));
        assert_eq!(find_word("planned", "plan"), None);
        let (a, b) =
            split("Russia launched a massive attack overnight, and the strikes hit Ternopil city.").unwrap();
        assert_eq!(a, "Russia launched a massive attack overnight.");
        assert_eq!(b, "The strikes hit Ternopil city.");
        assert_eq!(merge("It rained.", "The match went on."), "It rained, and the match went on.");
        let mut rng = Rng::new(1);
        assert_ne!(change_number("about 20 percent", &mut rng), "about 20 percent");
    }
}
