//! The web app. It renders what the engine returns and holds no text heuristics.
//!
//! [`state`] is a pure reducer, compiled and tested natively; everything that touches the
//! browser (the Yew components and [`start`]) exists only on wasm32.

pub mod state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;

/// Mounts the app on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
