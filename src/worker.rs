//! The analysis web worker's entry point (see `ui::analysis`). Trunk builds this bin for wasm32
//! with `data-type="worker"` and the cargo feature `lazy-word-tables`; natively it only explains
//! itself.
//!
//! The generated word tables (`src/engine/lexicon/data/synonyms.txt`, WordNet synonyms, 31 KB,
//! and `wordfreq.txt`, frequency bands, 32 KB) are not in this wasm: the worker takes them from
//! the globals `wirediffSynonyms` and `wirediffWordfreq` when its script set them (the single
//! file, scripts/single.mjs; the build's seeds report, scripts/seeds-report.mjs), and otherwise
//! fetches both files next to itself, in parallel. It installs the lexicon built from them
//! before it tells the page it has loaded, so no analysis ever runs without them; if they
//! cannot be had, the worker fails with an error the page shows.

/// The allocator (see Cargo.toml): talc, faster than Rust's default dlmalloc on wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    wirediff::ui::marks::mark("worker-main");
    wasm_bindgen_futures::spawn_local(async {
        use gloo::worker::Registrable;
        use wirediff::engine::Lexicon;
        let synonyms = web::table("wirediffSynonyms", "synonyms.txt");
        let wordfreq = web::table("wirediffWordfreq", "wordfreq.txt");
        match (synonyms.await, wordfreq.await) {
            (Ok(synonyms), Ok(wordfreq)) => {
                Lexicon::install_shared(Lexicon::with_tables(&synonyms, &wordfreq));
                wirediff::ui::marks::mark("worker-lexicon");
                wirediff::ui::analysis::AnalysisWorker::registrar().register();
            }
            (Err(e), _) | (_, Err(e)) => wasm_bindgen::throw_str(&format!("a word table did not load: {e}")),
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::future::Future;

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The text of the global `name` if the worker's script set it, else of the file `url`
    /// (relative to the worker: Trunk copies the tables next to it, see index.html). The fetch
    /// starts now; the future only waits for it.
    pub fn table(name: &str, url: &'static str) -> impl Future<Output = Result<String, String>> {
        let global = js_sys::global();
        let given = js_sys::Reflect::get(&global, &name.into()).ok().and_then(|v| v.as_string());
        let fetch = given
            .is_none()
            .then(|| global.unchecked_into::<web_sys::WorkerGlobalScope>().fetch_with_str(url));
        async move {
            if let Some(text) = given {
                return Ok(text);
            }
            let fetch = fetch.ok_or("no fetch")?;
            let response: web_sys::Response = JsFuture::from(fetch).await.map_err(describe)?.unchecked_into();
            if !response.ok() {
                return Err(format!("{url}: HTTP {}", response.status()));
            }
            let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
            text.as_string().ok_or_else(|| format!("{url} is not text"))
        }
    }

    fn describe(e: JsValue) -> String {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wirediff-worker is the web app's analysis worker: build it with `make build`.");
}
