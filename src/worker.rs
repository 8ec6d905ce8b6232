//! The analysis web worker's entry point (see `ui::analysis`). Trunk builds this bin for wasm32
//! with `data-type="worker"`; natively it only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    wirediff::ui::analysis::AnalysisWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wirediff-worker is the web app's analysis worker: build it with `make build`.");
}
