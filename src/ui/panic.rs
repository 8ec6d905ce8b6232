//! When the app panics, the page says so: a plain DOM panel (built without Yew, which may be
//! the part that failed) with what happened, a "Copy details" button and a "Reload" button.
//!
//! The release profile has `panic = "abort"`, and wasm32 always aborts on a panic: the hook
//! runs first (std calls it before aborting), then the wasm traps and every later call into
//! it fails. So the panel is built inside the hook, and its buttons only touch the DOM and the
//! clipboard. The app's documents are saved after every change, so a reload loses nothing that
//! was stored. A debug build panics on purpose at `#panic` (see `app.rs`), for the browser test.

/// The text the "Copy details" button copies: what panicked, where, and in which context.
pub fn details(message: &str, location: &str, page: &str, browser: &str) -> String {
    format!(
        "wirediff {} stopped with an internal error.\n\nError: {message}\nAt: {location}\nView: {page}\nBrowser: {browser}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The panic's message, from its payload.
pub fn message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

#[cfg(target_arch = "wasm32")]
pub use browser::install;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::sync::atomic::{AtomicBool, Ordering};

    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element};

    static SHOWN: AtomicBool = AtomicBool::new(false);

    /// Installs the hook; call it before anything else runs. Through Yew: its renderer
    /// replaces any hook set with `std::panic::set_hook` by its own console-only one.
    pub fn install() {
        yew::set_custom_panic_hook(Box::new(|info| {
            let location = info.location().map(|l| l.to_string()).unwrap_or_else(|| "unknown".into());
            let window = web_sys::window();
            let page = window.as_ref().and_then(|w| w.location().href().ok()).unwrap_or_default();
            let browser = window.as_ref().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
            let text = super::details(&super::message(info), &location, &page, &browser);
            gloo::console::error!(text.clone());
            // Only the first panic gets a panel (a second one may come from a half-dead page).
            if !SHOWN.swap(true, Ordering::SeqCst) {
                if let Some(doc) = window.and_then(|w| w.document()) {
                    let _ = show(&doc, &text);
                }
            }
        }));
    }

    fn element(doc: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    }

    fn show(doc: &Document, text: &str) -> Option<()> {
        let panel = element(doc, "section", "crash-panel", "")?;
        panel.set_id("crash");
        panel.set_attribute("role", "alertdialog").ok()?;
        panel.set_attribute("aria-labelledby", "crash-title").ok()?;
        panel.set_attribute("aria-describedby", "crash-what").ok()?;
        let title = element(doc, "h2", "", "wirediff stopped with an internal error")?;
        title.set_id("crash-title");
        let what = element(
            doc,
            "p",
            "",
            "This is a bug in wirediff, not in your documents. Your library was saved after your last change, \
             so reloading the page brings it back. The details below say where it happened and contain no \
             article text; copying them helps fix it.",
        )?;
        what.set_id("crash-what");
        let details = element(doc, "textarea", "crash-details", "")?;
        details.set_attribute("readonly", "").ok()?;
        details.set_attribute("rows", "7").ok()?;
        details.set_attribute("aria-label", "Error details").ok()?;
        details.dyn_ref::<web_sys::HtmlTextAreaElement>()?.set_value(text);
        let actions = element(doc, "div", "crash-actions", "")?;
        let copy = element(doc, "button", "primary", "Copy details")?;
        copy.set_attribute("type", "button").ok()?;
        let reload = element(doc, "button", "", "Reload")?;
        reload.set_attribute("type", "button").ok()?;
        let status = element(doc, "span", "crash-status", "")?;
        status.set_attribute("role", "status").ok()?;

        let on_copy = {
            let (details, status, text) = (details.clone(), status.clone(), text.to_string());
            Closure::<dyn FnMut()>::new(move || {
                // The text stays selected, so Ctrl+C works where the clipboard API is missing.
                if let Some(area) = details.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    area.select();
                }
                // navigator.clipboard.writeText(text), through Reflect: it is missing on
                // insecure origins, and web-sys' typed binding would throw there.
                let copied = (|| {
                    use js_sys::{Function, Reflect};
                    let navigator = web_sys::window()?.navigator();
                    let clipboard =
                        Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object())?;
                    let write: Function =
                        Reflect::get(&clipboard, &"writeText".into()).ok()?.dyn_into().ok()?;
                    write.call1(&clipboard, &text.as_str().into()).ok()
                })();
                status.set_text_content(Some(match copied {
                    Some(_) => "Copied.",
                    None => "Selected: press Ctrl+C (⌘C) to copy.",
                }));
            })
        };
        copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref()).ok()?;
        on_copy.forget();
        let on_reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        reload.add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref()).ok()?;
        on_reload.forget();

        for child in [&copy, &reload, &status] {
            actions.append_child(child).ok()?;
        }
        for child in [&title, &what, &details, &actions] {
            panel.append_child(child).ok()?;
        }
        crate::ui::prerender::drop_snapshot();
        doc.body()?.append_child(&panel).ok()?;
        if let Some(button) = copy.dyn_ref::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn details_name_the_error_and_where_it_happened() {
        let got =
            super::details("index out of bounds", "src/ui/app.rs:10:5", "http://x/#/overview", "Chromium");
        for part in [
            "stopped with an internal error",
            "Error: index out of bounds",
            "At: src/ui/app.rs:10:5",
            "View: http://x/#/overview",
            "Browser: Chromium",
        ] {
            assert!(got.contains(part), "{part} in {got}");
        }
    }
}
