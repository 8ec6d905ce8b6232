//! Work the page puts off until the browser has painted, so that it runs in a task of its own
//! instead of lengthening the render that asked for it (a key typed meanwhile waits for the
//! longest task, not for their sum).

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `f` in a task of its own after the next frame has been painted (a timeout set from an
/// animation frame callback runs after that frame).
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return f() };
    let callback = Closure::once_into_js(move || Timeout::new(0, f).forget());
    if window.request_animation_frame(callback.unchecked_ref()).is_err() {
        web_sys::console::error_1(&"no animation frame".into());
    }
}

/// [`after_paint`], cancelled when the returned guard is dropped first (for an effect's
/// cleanup: a newer render's work replaces it).
pub fn after_paint_unless_dropped(f: impl FnOnce() + 'static) -> Cancel {
    let live = Rc::new(Cell::new(true));
    let check = live.clone();
    after_paint(move || {
        if check.get() {
            f()
        }
    });
    Cancel(live)
}

/// Drop it to cancel the work [`after_paint_unless_dropped`] put off.
pub struct Cancel(Rc<Cell<bool>>);

impl Drop for Cancel {
    fn drop(&mut self) {
        self.0.set(false);
    }
}
