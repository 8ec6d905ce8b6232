//! The root component: owns the state through `use_reducer`, keeps the URL hash and the stored
//! library in step with it, runs the analysis, and hands each view data and callbacks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::analysis;
use super::components::{
    cleaning::Cleaning, export_menu::ExportMenu, facts_view::FactsView, library::Library, nav::Nav,
    overview::Overview, pair_view::PairView, progress::AnalysisProgress, quotes_view::QuotesView,
    synopsis::Synopsis,
};
use super::format::count;
use super::later::after_paint;
use super::ptr::Ptr;
use super::route::Route;
use super::state::{Action, State};
use super::storage;
use crate::engine::Input;

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The ids this tab last loaded or saved: a document it has that another tab's library lacks
/// was removed there if listed here, else added here and not saved yet (`State::adopt`).
type Known = Rc<RefCell<Vec<Rc<str>>>>;

fn ids(state: &State) -> Vec<Rc<str>> {
    state.docs.iter().map(|d| d.id.clone()).collect()
}

/// Saves `state`'s documents from `from` on, [`storage::SAVE_SLICE`] per task, then its index;
/// stops when `live` is cleared (a newer change saves instead).
fn save_from(
    state: UseReducerHandle<State>,
    live: Rc<Cell<bool>>,
    saving: Rc<RefCell<Option<State>>>,
    known: Known,
    from: usize,
) {
    Timeout::new(0, move || {
        if !live.get() {
            return;
        }
        if from == 0 {
            storage::begin_save_here(&state);
        }
        let end = (from + storage::SAVE_SLICE).min(state.docs.len());
        let result = match storage::save_docs_here(&state.docs[from.min(end)..end]) {
            Ok(()) if end < state.docs.len() => return save_from(state, live, saving, known, end),
            Ok(()) => storage::save_index_here(&state).err(),
            Err(e) => Some(e),
        };
        if result.is_none() {
            *known.borrow_mut() = ids(&state);
        }
        saving.borrow_mut().take();
        if result != state.storage_error {
            state.dispatch(Action::StorageFailed(result));
        }
    })
    .forget();
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let mut state = storage::load().unwrap_or_else(State::with_seeds);
        state.route = Route::parse(&current_hash());
        state
    });

    // The first render is the view (on a first visit, the overview with its heatmap); the
    // library, and the first save, follow in a task after that frame has been painted. Behind
    // the build's snapshot of the view nothing of the app is painted yet: everything renders
    // at once, and the app takes over in that same task (src/ui/prerender.rs).
    let painted = use_state_eq(super::prerender::present);

    let known: Known = use_mut_ref(|| ids(&state));

    // Another tab stored the library (its index is written last): take its documents, so a
    // later save here does not drop them.
    use_effect_with((), {
        let (dispatcher, known) = (state.dispatcher(), known.clone());
        move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "storage", move |event| {
                let key = js_sys::Reflect::get(event, &"key".into()).ok().and_then(|k| k.as_string());
                if key.as_deref() != Some(storage::KEY) {
                    return;
                }
                let Some(stored) = storage::load_listed_here() else { return };
                let before: Vec<Rc<str>> = known.borrow().clone();
                *known.borrow_mut() = ids(&stored);
                dispatcher.dispatch(Action::Adopt { stored: Rc::new(stored), known: Rc::new(before) });
            });
            move || drop(listener)
        }
    });

    // The hash drives the route (links, back/forward, reload) ...
    use_effect_with((), {
        let dispatcher = state.dispatcher();
        let painted = painted.setter();
        move |_| {
            super::marks::mark("page-rendered");
            after_paint(move || {
                super::marks::mark("page-painted");
                painted.set(true)
            });
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "hashchange", move |_| {
                // Debug builds only: `#panic` panics, to test the error panel (src/ui/panic.rs).
                #[cfg(debug_assertions)]
                if current_hash() == "#panic" {
                    panic!("deliberate panic for the error panel's test (#panic, debug builds only)");
                }
                dispatcher.dispatch(Action::Navigate(Route::parse(&current_hash())));
            });
            move || drop(listener)
        }
    });
    // ... and a route set by a click lands in the hash.
    use_effect_with(state.route.clone(), |route| {
        if Route::parse(&current_hash()) != *route {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&route.hash());
            }
        }
    });

    // The analysis runs in a web worker; the views show the latest complete report meanwhile.
    let inputs = use_memo(state.compared(), |compared| {
        compared.iter().map(|(id, text)| Input { id: id.to_string(), text: text.to_string() }).collect()
    });
    let analysis = analysis::use_analysis(inputs, state.restored_lines());
    let analysing = analysis.state.progress.is_some();

    // Every change to the library is saved; a failure keeps the documents in memory. The save
    // (about 1.1 MB of JSON for 200 articles) runs after the analysis request has been posted
    // above, so the worker starts on the documents first, and a slice of documents per task,
    // so a key typed meanwhile waits for one slice. A newer change restarts it; a page hidden
    // (the tab closed) with a save under way saves the rest at once.
    let saving = use_mut_ref(|| None::<State>);
    use_effect_with((storage::Stored::of(&state), *painted), {
        let (state, saving, known) = (state.clone(), saving.clone(), known.clone());
        move |&(_, painted)| {
            let live = Rc::new(Cell::new(painted));
            if painted {
                *saving.borrow_mut() = Some((*state).clone());
                save_from(state, live.clone(), saving, known, 0);
            }
            move || live.set(false)
        }
    });
    use_effect_with((), {
        let saving = saving.clone();
        move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, "pagehide", move |_| {
                if let Some(state) = saving.borrow_mut().take() {
                    let _ = storage::save(&state);
                }
            });
            move || drop(listener)
        }
    });

    // Documents added or loaded in bulk are described a batch per task (`Doc::about`), so no
    // task of the page cleans more than a few of them. Describing cleans each text again, as
    // the worker does: it waits until no analysis runs, so it never takes a core from one.
    let described = state.docs.iter().filter(|d| d.about.is_some()).count();
    use_effect_with((described, state.undescribed() && !analysing), {
        let dispatcher = state.dispatcher();
        move |&(_, pending)| {
            let timeout = pending.then(|| Timeout::new(0, move || dispatcher.dispatch(Action::Describe)));
            move || drop(timeout)
        }
    });
    let analysed = analysis.state.report.is_some();
    let report: Ptr<crate::engine::report::Report> = analysis.state.report.clone().unwrap_or_default();
    // The build's snapshot of this view (if the page has one) gives way once the library is
    // painted and a report is in, in the same task as that render (src/ui/prerender.rs).
    let failed = analysis.state.error.is_some();
    use_effect_with((*painted, analysed, failed), |&(painted, analysed, failed)| {
        if painted {
            super::prerender::take_over(analysed || failed);
        }
    });
    let labels = Rc::new(state.labels(&report));
    let dispatch = use_callback(state.dispatcher(), |action: Action, d| {
        // Numbers from the stored counter as it is now: another tab may have taken some.
        if matches!(action, Action::Import(_)) {
            d.dispatch(Action::ReserveIds(storage::next_free_here()));
        }
        d.dispatch(action)
    });
    let navigate = dispatch.reform(Action::Navigate);

    let library_json: Rc<str> =
        if state.storage_error.is_some() { storage::export_json(&state).into() } else { "".into() };
    // The outlet the engine detects in each included document, for the library.
    let detected: Rc<Vec<(String, String)>> =
        Rc::new(report.documents.iter().filter_map(|d| Some((d.id.clone(), d.outlet.clone()?))).collect());
    let view = if !analysed {
        html! {}
    } else {
        match &state.route {
            Route::Overview => {
                html! { <Overview report={report.clone()} labels={labels.clone()} on_action={dispatch.clone()} /> }
            }
            Route::Pair { left, right, passage } => html! {
                <PairView report={report.clone()} labels={labels.clone()} left={left.clone()} right={right.clone()}
                    ops={analysis.state.pair_ops(left, right)} on_want_ops={analysis.want_ops.clone()}
                    passage={passage.clone()} hidden={state.hidden.clone()} on_action={dispatch.clone()} />
            },
            Route::Synopsis => {
                html! { <Synopsis report={report.clone()} labels={labels.clone()} on_navigate={navigate.clone()} /> }
            }
            Route::Quotes => html! { <QuotesView report={report.clone()} labels={labels.clone()} /> },
            Route::Facts => html! { <FactsView report={report.clone()} labels={labels.clone()} /> },
            Route::Cleaning => html! {
                <Cleaning report={report.clone()} labels={labels.clone()} docs={state.docs.clone()}
                    restored={state.restored.clone()} on_action={dispatch.clone()} />
            },
        }
    };

    html! {
        <>
            <a class="skip" href="#view">{ "Skip to the comparison" }</a>
            <header class="masthead">
                <div class="brand-block">
                    <h1 class="brand">{ "wirediff" }</h1>
                    <p class="tagline">{ "How one news story was reworded across outlets. Nothing leaves your browser." }</p>
                </div>
                <ExportMenu report={report.clone()} labels={labels.clone()} full_report={analysis.full_report.clone()} />
            </header>
            <div class="shell">
                if *painted {
                    <Library docs={state.docs.clone()} open={state.open.clone()} messages={state.messages.clone()}
                        storage_error={state.storage_error.clone()} library_json={library_json} detected={detected}
                        recovery={state.recovery.clone()} removed={state.removed.as_ref().map(|r| Rc::from(r.doc.title()))}
                        edited={state.edited.as_ref().and_then(|e| state.doc(&e.doc.id)).map(|d| Rc::from(d.title()))}
                        odd_languages={state.odd_languages()} on_action={dispatch.clone()} />
                } else {
                    <aside class="library" aria-busy="true"></aside>
                }
                <main class="content" id="view" tabindex="-1">
                    <Nav route={state.route.clone()} report={report.clone()} />
                    <AnalysisProgress analysis={analysis.state.clone()} on_cancel={analysis.cancel.clone()}
                        on_rerun={analysis.rerun.clone()} />
                    if let Some(n) = state.over_limit() {
                        <p class="message limit" role="status">
                            { format!("{n} documents are included; wirediff compares at most {} at once, so these views show the first {}. Untick some in the library to choose which.",
                                super::state::MAX_COMPARED, super::state::MAX_COMPARED) }
                        </p>
                    }
                    { view }
                </main>
            </div>
            <footer class="colophon">
                <p>{ format!("{}, {}, {}. Everything runs in your browser: no text leaves this page, and it keeps working offline.",
                    count(report.stats.documents, "document", "documents"), count(report.stats.sentences, "sentence", "sentences"),
                    count(report.stats.links, "link", "links")) }</p>
            </footer>
        </>
    }
}
