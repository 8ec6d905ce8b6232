//! The web app's entry point. Trunk builds this bin for wasm32; natively it only explains itself.

#[cfg(target_arch = "wasm32")]
fn main() {
    wirediff::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wirediff-app is the web app: build it with `make build` or `make serve`.");
}
