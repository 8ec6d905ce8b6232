//! One component per file. Props carry data and callbacks; children never mutate shared state.

pub mod article_card;
