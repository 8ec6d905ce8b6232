//! wirediff's word diff exported to JavaScript, for the peer benchmark only (`make bench-peers`
//! builds it with `--features bench-wasm` and runs it under Node next to diff-match-patch and
//! jsdiff). The web app does not include it.

/// The allocator the app's wasm ships with (src/worker.rs), so the diff is timed as it runs there.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wirediff::engine::diff::diff_texts;
    use wirediff::engine::{DiffConfig, Lexicon};

    /// The labelled word diff of two texts ([`diff_texts`] with the shared lexicon); returns
    /// the number of ops, so the caller cannot skip the work. One JS→wasm call per pair: both
    /// strings are encoded to UTF-8 and copied into wasm memory at each call.
    #[wasm_bindgen]
    pub fn diff_words(left: &str, right: &str) -> usize {
        diff_texts(Lexicon::shared(), left, right, &DiffConfig::default()).ops.len()
    }

    /// Many pairs in one call, as the app's worker diffs them (its texts are in wasm memory
    /// already): `texts` is left, right, left, right, … joined with NUL characters (the caller
    /// joins them, and the string is encoded and copied once). Each pair gets the same full
    /// [`diff_texts`] as [`diff_words`]; returns the total number of ops.
    #[wasm_bindgen]
    pub fn diff_batch(texts: &str) -> usize {
        let (lexicon, config) = (Lexicon::shared(), DiffConfig::default());
        let mut parts = texts.split('\0');
        let mut ops = 0;
        while let (Some(left), Some(right)) = (parts.next(), parts.next()) {
            ops += diff_texts(lexicon, left, right, &config).ops.len();
        }
        ops
    }
}

fn main() {}
