//! wirediff's word diff exported to JavaScript, for the peer benchmark only (`make bench-peers`
//! builds it with `--features bench-wasm` and runs it under Node next to diff-match-patch and
//! jsdiff). The web app does not include it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wirediff::engine::diff::diff_texts;
    use wirediff::engine::{DiffConfig, Lexicon};

    /// The labelled word diff of two texts ([`diff_texts`] with the shared lexicon); returns
    /// the number of ops, so the caller cannot skip the work.
    #[wasm_bindgen]
    pub fn diff_words(left: &str, right: &str) -> usize {
        diff_texts(Lexicon::shared(), left, right, &DiffConfig::default()).ops.len()
    }
}

fn main() {}
