//! The web app's entry point. Trunk builds this bin for wasm32; natively it only explains itself.

/// The allocator (see Cargo.toml): talc, faster than Rust's default dlmalloc on wasm.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    wirediff::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wirediff-app is the web app: build it with `make build` or `make serve`.");
}
