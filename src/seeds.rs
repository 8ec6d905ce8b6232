//! The five seed articles, embedded at compile time: the built-in demo.

/// A seed article: its file name (the stable id) and raw text, debris included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! seed {
    ($name:literal) => {
        Seed { name: $name, text: include_str!(concat!("../seeds/", $name)) }
    };
}

/// The seeds in file-name order.
pub const SEEDS: [Seed; 5] = [
    seed!("000_6d56e44ee70418c7.txt"),
    seed!("001_3d5a461e3cf8af1d.txt"),
    seed!("002_0f0b4fcfe3fe9018.txt"),
    seed!("003_c8aab0e42c361f70.txt"),
    seed!("004_056fa72ee288ad71.txt"),
];
