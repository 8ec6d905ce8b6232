//! The five seed articles, embedded at compile time: the built-in demo.

/// A seed article: its file name (the stable id) and raw text, debris included, with the title
/// and word count the engine finds in its cleaned text and the language it finds in the text,
/// stored so that a first visit does not clean the seeds to list them (a test checks them
/// against the engine).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    pub name: &'static str,
    pub text: &'static str,
    pub title: &'static str,
    pub words: usize,
    pub language: Option<&'static str>,
}

macro_rules! seed {
    ($name:literal, $title:literal, $words:literal) => {
        Seed {
            name: $name,
            text: include_str!(concat!("../seeds/", $name)),
            title: $title,
            words: $words,
            language: Some("en"),
        }
    };
}

/// The seeds in file-name order.
pub const SEEDS: [Seed; 5] = [
    seed!(
        "000_6d56e44ee70418c7.txt",
        "US, Russia Draft Ukraine Peace Plan Conditioned on Major Kyiv Concessions",
        433
    ),
    seed!(
        "001_3d5a461e3cf8af1d.txt",
        "The US peace plan to end the war in Ukraine contains almost no concessions from Russia…",
        765
    ),
    seed!(
        "002_0f0b4fcfe3fe9018.txt",
        "Witkoff also consulted with Russian envoy Kirill Dmitriev on the plan",
        332
    ),
    seed!(
        "003_c8aab0e42c361f70.txt",
        "US and Russian officials have secretly drafted a plan to end the nearly four-year-old war…",
        391
    ),
    seed!(
        "004_056fa72ee288ad71.txt",
        "The White House has defended a US-backed peace proposal for Russia and Ukraine, insisting…",
        422
    ),
];

#[cfg(test)]
mod tests {
    use super::SEEDS;
    use crate::engine::document::{summarize, TitleConfig};
    use crate::engine::language::identify;
    use crate::engine::CleanConfig;

    #[test]
    fn stored_titles_and_word_counts_are_the_engines() {
        for seed in SEEDS {
            let found = summarize(seed.text, &CleanConfig::default(), &TitleConfig::default());
            assert_eq!((seed.title, seed.words), (found.title.as_str(), found.words), "{}", seed.name);
            assert_eq!(seed.language, identify(seed.text), "{}", seed.name);
        }
    }
}
