//! The web app. It renders what the engine returns and holds no text heuristics.
//!
//! The pure parts ([`state`], [`route`], [`storage`]'s schema, [`files`]' decoding, [`rows`],
//! [`markup`], [`export`], [`format`]) compile and are tested natively; the Yew components and [`start`]
//! exist only on wasm32. [`analysis::run`] is the one call into the engine.

pub mod analysis;
pub mod export;
pub mod files;
pub mod format;
pub mod heat;
pub mod marks;
pub mod markup;
pub mod panic;
pub mod prerender;
pub mod ptr;
pub mod route;
pub mod rows;
pub mod state;
pub mod storage;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod later;

/// Mounts the app on a `<div id="app">` at the end of `<body>` (laid out as if its children were
/// the body's): Yew empties the element it mounts on, and the body may hold the build's snapshot
/// of this view, which must stay up until the app takes over ([`prerender`]).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    marks::mark("page-main");
    panic::install();
    analysis::prespawn();
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let host = document.create_element("div").expect("a div");
    host.set_id("app");
    document.body().expect("a body").append_child(&host).expect("the app's element in the body");
    yew::Renderer::<app::App>::with_root(host).render();
}
