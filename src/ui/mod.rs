//! The web app. It renders what the engine returns and holds no text heuristics.
//!
//! The pure parts ([`state`], [`route`], [`storage`]'s schema, [`files`]' decoding, [`rows`],
//! [`markup`], [`export`]) compile and are tested natively; the Yew components and [`start`]
//! exist only on wasm32. [`analysis::run`] is the one call into the engine.

pub mod analysis;
pub mod export;
pub mod files;
pub mod heat;
pub mod marks;
pub mod markup;
pub mod panic;
pub mod ptr;
pub mod route;
pub mod rows;
pub mod state;
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;

/// Mounts the app on `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    marks::mark("page-main");
    panic::install();
    analysis::prespawn();
    yew::Renderer::<app::App>::new().render();
}
