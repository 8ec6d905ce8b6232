//! Timing marks on the way to the first heatmap: `performance.mark("wirediff:NAME")` in the
//! page and in the analysis worker, read by `scripts/first-paint.mjs` to say where the time
//! goes. A no-op natively.

/// Records `wirediff:{name}` on the current global's performance timeline.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    web::mark(&format!("wirediff:{name}"));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `performance` exists in windows and workers alike.
        #[wasm_bindgen(js_namespace = performance, js_name = mark, catch)]
        fn perf_mark(name: &str) -> Result<JsValue, JsValue>;
    }

    pub fn mark(name: &str) {
        let _ = perf_mark(name);
    }
}
