//! The build's snapshot of the seeds' overview (scripts/prerender.mjs writes it into
//! index.html as `<div id="prerender" inert aria-busy="true">`): visible from the HTML alone,
//! long before this wasm runs. The app mounts beside it, hidden (styles/app.css), and
//! [`take_over`] swaps the two in one task, so no frame shows both or neither. Then it marks
//! `<html data-app-ready>`: what the browser tests and `make bench-browser` wait for.
//!
//! index.html's inline scripts drop the snapshot before it is ever painted for a returning
//! visitor (anything stored under `wirediff.`) or a view other than the overview.

/// The snapshot element's id.
pub const ID: &str = "prerender";

/// Once the app's own first view is complete (`settled`: the library is painted and the report
/// is in, or the analysis failed), drops the snapshot and marks the app ready; before that,
/// leaves the snapshot up. Without a snapshot it marks the app ready at once.
pub fn take_over(settled: bool) {
    #[cfg(target_arch = "wasm32")]
    web::take_over(settled);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = settled;
}

/// True while the page shows the build's snapshot (the app is not visible yet).
pub fn present() -> bool {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(ID)).is_some();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Drops the snapshot whatever the app's state (the error panel must not sit behind it).
pub fn drop_snapshot() {
    #[cfg(target_arch = "wasm32")]
    web::drop_snapshot();
}

#[cfg(target_arch = "wasm32")]
mod web {
    pub fn drop_snapshot() -> bool {
        let snapshot =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(super::ID));
        snapshot.map(|s| s.remove()).is_some()
    }

    pub fn take_over(settled: bool) {
        let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
        else {
            return;
        };
        if root.has_attribute("data-app-ready") {
            return;
        }
        let has_snapshot = root.owner_document().and_then(|d| d.get_element_by_id(super::ID)).is_some();
        if has_snapshot && !settled {
            return;
        }
        if drop_snapshot() {
            crate::ui::marks::mark("page-took-over");
        }
        let _ = root.set_attribute("data-app-ready", "");
        crate::ui::marks::mark("page-ready");
    }
}
