//! The analysis web worker's entry point (see `ui::analysis`). Trunk builds this bin for wasm32
//! with `data-type="worker"` and the cargo feature `lazy-synonyms`; natively it only explains
//! itself.
//!
//! The WordNet synonym table (`src/engine/lexicon/data/synonyms.txt`, 31 KB) is not in this
//! wasm: the worker takes it from the global `wirediffSynonyms` when its script set one (the
//! single file, scripts/single.mjs; the build's seeds report, scripts/seeds-report.mjs), and
//! otherwise fetches `synonyms.txt` next to itself. It installs the lexicon built from it
//! before it tells the page it has loaded, so no analysis ever runs without the table; if the
//! table cannot be had, the worker fails with an error the page shows.

#[cfg(target_arch = "wasm32")]
fn main() {
    wirediff::ui::marks::mark("worker-main");
    wasm_bindgen_futures::spawn_local(async {
        use gloo::worker::Registrable;
        use wirediff::engine::Lexicon;
        match web::synonym_table().await {
            Ok(text) => {
                Lexicon::install_shared(Lexicon::with_synonym_text(&text));
                wirediff::ui::marks::mark("worker-lexicon");
                wirediff::ui::analysis::AnalysisWorker::registrar().register();
            }
            Err(e) => wasm_bindgen::throw_str(&format!("the synonym table did not load: {e}")),
        }
    });
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The file Trunk copies next to the worker (index.html's `copy-file` link).
    const URL: &str = "synonyms.txt";

    pub async fn synonym_table() -> Result<String, String> {
        let global = js_sys::global();
        if let Some(text) =
            js_sys::Reflect::get(&global, &"wirediffSynonyms".into()).ok().and_then(|v| v.as_string())
        {
            return Ok(text);
        }
        let scope: web_sys::WorkerGlobalScope = global.unchecked_into();
        let response: web_sys::Response =
            JsFuture::from(scope.fetch_with_str(URL)).await.map_err(describe)?.unchecked_into();
        if !response.ok() {
            return Err(format!("{URL}: HTTP {}", response.status()));
        }
        let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
        text.as_string().ok_or_else(|| format!("{URL} is not text"))
    }

    fn describe(e: JsValue) -> String {
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wirediff-worker is the web app's analysis worker: build it with `make build`.");
}
