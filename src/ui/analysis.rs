//! The one place the app runs the engine. The analysis runs in a web worker (the
//! `wirediff-worker` bin, built by Trunk with `data-type="worker"`), so typing and scrolling
//! stay responsive while 200 articles are compared; the page sees only [`Response`]s.
//!
//! - [`Request`] / [`Response`] are the serde messages between the page and the worker.
//! - [`run_request`] is what the worker does with a request; it keeps an engine
//!   [`Workspace`], so adding or removing one document prepares only that one.
//! - [`progress_label`] and [`progress_fraction`] turn [`Progress`] into what the progress bar shows.
//! - On wasm32: [`AnalysisWorker`] (the worker side, on `gloo::worker`), [`Analyst`] (the
//!   page side: spawn, send, cancel by terminating, respawn) and the [`use_analysis`] hook.
//!
//! The page-side bridge speaks gloo-worker's message envelope itself instead of using
//! `gloo::worker::WorkerSpawner`, because gloo's bridge cannot terminate a busy worker: a
//! cancelled analysis would keep a core busy until it finished.

use serde::{Deserialize, Serialize};

use crate::engine::report::Report;
use crate::engine::{Config, Input, Progress, Workspace, STAGES};

/// One analysis asked of the worker. `generation` tells a stale answer from the current one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub generation: u32,
    pub inputs: Vec<Input>,
    /// Lines the user restored, as (input id, 1-based line).
    pub restored: Vec<(String, usize)>,
}

/// What the worker sends back: progress while it runs, then the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Progress { generation: u32, progress: Progress },
    Done { generation: u32, report: Box<Report> },
}

/// The configuration of an analysis with the user's restored lines kept.
pub fn config(restored: &[(String, usize)]) -> Config {
    let mut config = Config::default();
    config.report.restored = restored.to_vec();
    config
}

/// The report for `inputs`, with the user's restored lines kept (a fresh analysis, no cache).
pub fn run(inputs: &[Input], restored: &[(String, usize)]) -> Report {
    crate::engine::analyze(inputs, &config(restored))
}

/// What the worker does with one request: analyse with its `workspace`'s cache, sending each
/// [`Response::Progress`] to `respond` as it goes and returning the [`Response::Done`].
pub fn run_request(
    workspace: &mut Workspace,
    request: &Request,
    respond: &mut dyn FnMut(Response),
) -> Response {
    let generation = request.generation;
    let report = workspace.analyze_observed(&request.inputs, &config(&request.restored), &mut |progress| {
        respond(Response::Progress { generation, progress })
    });
    Response::Done { generation, report: Box::new(report) }
}

/// Plain-language names of the engine's [`STAGES`], in order.
pub const STAGE_LABELS: [&str; STAGES.len()] = [
    "Cleaning and splitting sentences",
    "Reading words and synonyms",
    "Aligning sentences",
    "Diffing linked sentences",
    "Grouping passages",
    "Matching quotes",
    "Checking facts and credits",
];

/// The progress bar's text, e.g. "Aligning sentences (step 3 of 7): 120 of 800 document pairs
/// · 200 documents, 8,012 sentences".
pub fn progress_label(p: &Progress) -> String {
    let Some(stage) = STAGE_LABELS.get(p.stage) else {
        return format!("Done · {} · {}", count(p.documents, "document"), count(p.sentences, "sentence"));
    };
    let unit = if p.stage == 0 { "documents" } else { "document pairs" };
    let within = if p.total > 0 {
        format!(": {} of {} {unit}", thousands(p.done), thousands(p.total))
    } else {
        String::new()
    };
    let sentences =
        if p.stage == 0 { String::new() } else { format!(", {}", count(p.sentences, "sentence")) };
    format!(
        "{stage} (step {} of {}){within} · {}{sentences}",
        p.stage + 1,
        STAGES.len(),
        count(p.documents, "document")
    )
}

/// How far along the whole analysis is, 0.0 to 1.0: whole stages, plus the share done of the
/// stage under way. Alignment is most of the work on large libraries, so it spans half the bar.
pub fn progress_fraction(p: &Progress) -> f32 {
    // Share of the bar each stage takes.
    const SPAN: [f32; STAGES.len()] = [0.15, 0.1, 0.5, 0.1, 0.05, 0.05, 0.05];
    let before: f32 = SPAN.iter().take(p.stage).sum();
    let within = match (SPAN.get(p.stage), p.total) {
        (Some(span), total) if total > 0 => span * (p.done.min(total) as f32 / total as f32),
        _ => 0.0,
    };
    (before + within).clamp(0.0, 1.0)
}

fn count(n: usize, noun: &str) -> String {
    format!("{} {noun}{}", thousands(n), if n == 1 { "" } else { "s" })
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// gloo-worker's envelope from the page to the worker (`gloo_worker::ToWorker`, which is
/// private): the same variants in the same order, so bincode writes the same bytes.
#[derive(Debug, Serialize)]
#[allow(dead_code)] // only ProcessInput is sent
enum ToWorker<'a> {
    Connected(usize),
    ProcessInput(usize, &'a Request),
    Disconnected(usize),
    Destroy,
}

/// gloo-worker's envelope from the worker to the page (`gloo_worker::FromWorker`).
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // the handler id: this page has one handler per worker
enum FromWorker {
    WorkerLoaded,
    ProcessOutput(usize, Response),
}

#[cfg(target_arch = "wasm32")]
pub use web::{prespawn, use_analysis, Analysis, AnalysisHandle, AnalysisWorker, Analyst};

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gloo::worker::{HandlerId, Worker, WorkerScope};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use yew::prelude::*;

    use super::{FromWorker, Request, Response, ToWorker};
    use crate::engine::report::Report;
    use crate::engine::{Input, Progress, Workspace};

    /// The worker side: one [`Workspace`] kept across requests.
    pub struct AnalysisWorker {
        workspace: Workspace,
    }

    impl Worker for AnalysisWorker {
        type Message = ();
        type Input = Request;
        type Output = Response;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            AnalysisWorker { workspace: Workspace::new() }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
            crate::ui::marks::mark("worker-request");
            let done = super::run_request(&mut self.workspace, &request, &mut |r| scope.respond(id, r));
            crate::ui::marks::mark("worker-analysed");
            scope.respond(id, done);
            crate::ui::marks::mark("worker-posted");
        }
    }

    /// The URL the worker starts from: the single-file build puts a `blob:` URL of an inlined
    /// worker in `<meta name="wirediff-worker">`; the Trunk build's post-build hook puts the
    /// loader's file name there.
    fn worker_url() -> Option<String> {
        let document = web_sys::window()?.document()?;
        let meta = document.query_selector("meta[name=wirediff-worker]").ok()??;
        meta.get_attribute("content").filter(|c| !c.is_empty())
    }

    #[derive(Default)]
    struct Handlers {
        on_response: Option<Callback<Response>>,
        on_error: Option<Callback<String>>,
        early_error: Option<String>,
    }

    thread_local! {
        /// A worker started before the first render (see [`prespawn`]), waiting for the hook.
        static SPARE: RefCell<Option<Analyst>> = const { RefCell::new(None) };
    }

    /// Starts the analysis worker now, so that loading and compiling its wasm overlaps with
    /// the page's first render; [`use_analysis`] adopts it.
    pub fn prespawn() {
        if let Ok(analyst) = Analyst::spawn() {
            SPARE.with(|spare| *spare.borrow_mut() = Some(analyst));
        }
    }

    /// The page side of one worker: posts requests, decodes answers, and can be terminated.
    pub struct Analyst {
        worker: web_sys::Worker,
        /// Requests posted before the worker said it had loaded (a worker drops messages that
        /// arrive before its wasm has set the handler).
        queue: Rc<RefCell<Option<Vec<Request>>>>,
        handlers: Rc<RefCell<Handlers>>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Analyst {
        /// Starts a worker; [`Analyst::connect`] says where its answers go.
        pub fn spawn() -> Result<Analyst, String> {
            if let Some((worker, messages, errors)) = early::take_worker() {
                let analyst = Analyst::with_worker(worker);
                // What the worker said before the page's wasm ran, in order.
                for event in messages {
                    analyst
                        ._on_message
                        .as_ref()
                        .unchecked_ref::<js_sys::Function>()
                        .call1(&JsValue::NULL, &event)
                        .ok();
                }
                for event in errors {
                    analyst
                        ._on_error
                        .as_ref()
                        .unchecked_ref::<js_sys::Function>()
                        .call1(&JsValue::NULL, &event)
                        .ok();
                }
                return Ok(analyst);
            }
            let url = worker_url().ok_or("this page has no analysis worker")?;
            let worker = web_sys::Worker::new(&url)
                .map_err(|e| format!("the analysis worker did not start: {e:?}"))?;
            Ok(Analyst::with_worker(worker))
        }

        fn with_worker(worker: web_sys::Worker) -> Analyst {
            let queue: Rc<RefCell<Option<Vec<Request>>>> = Rc::new(RefCell::new(Some(Vec::new())));
            let handlers: Rc<RefCell<Handlers>> = Rc::default();
            let on_message = {
                let (queue, worker, handlers) = (queue.clone(), worker.clone(), handlers.clone());
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                    let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
                    match bincode::deserialize::<FromWorker>(&bytes) {
                        Ok(FromWorker::WorkerLoaded) => {
                            crate::ui::marks::mark("page-worker-loaded");
                            for request in queue.borrow_mut().take().unwrap_or_default() {
                                post(&worker, &request);
                            }
                        }
                        Ok(FromWorker::ProcessOutput(_, response)) => {
                            if matches!(response, Response::Done { .. }) {
                                crate::ui::marks::mark("page-worker-done");
                            }
                            let on_response = handlers.borrow().on_response.clone();
                            if let Some(on_response) = on_response {
                                on_response.emit(response);
                            }
                        }
                        Err(e) => {
                            web_sys::console::error_1(&format!("analysis worker: bad message: {e}").into())
                        }
                    }
                })
            };
            let on_error = {
                let handlers = handlers.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let detail =
                        event.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
                    let message = format!("the analysis worker failed {detail}").trim().to_string();
                    let on_error = handlers.borrow().on_error.clone();
                    match on_error {
                        Some(on_error) => on_error.emit(message),
                        None => handlers.borrow_mut().early_error = Some(message),
                    }
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Analyst { worker, queue, handlers, _on_message: on_message, _on_error: on_error }
        }

        /// `on_response` receives the worker's answers, `on_error` its failure (also one that
        /// happened before this call).
        pub fn connect(&self, on_response: Callback<Response>, on_error: Callback<String>) {
            let early = {
                let mut h = self.handlers.borrow_mut();
                h.on_response = Some(on_response);
                h.on_error = Some(on_error.clone());
                h.early_error.take()
            };
            if let Some(message) = early {
                on_error.emit(message);
            }
        }

        /// Asks for an analysis; answers come to the `on_response` given to [`Analyst::spawn`].
        pub fn send(&self, request: Request) {
            match self.queue.borrow_mut().as_mut() {
                Some(queue) => queue.push(request),
                None => post(&self.worker, &request),
            }
        }
    }

    impl Drop for Analyst {
        /// Stops the worker at once, even in the middle of an analysis.
        fn drop(&mut self) {
            self.worker.set_onmessage(None);
            self.worker.set_onerror(None);
            self.worker.terminate();
        }
    }

    /// What index.html's first script started before this wasm ran (`window.wirediffEarly`):
    /// the analysis worker, with the messages and errors it sent meanwhile, and the build's
    /// report of the seeds (`seeds-report.bin`, written by scripts/seeds-report.mjs).
    mod early {
        use wasm_bindgen::{JsCast, JsValue};

        use super::super::{FromWorker, Request, Response, ToWorker};

        fn early() -> Option<JsValue> {
            let window = web_sys::window()?;
            js_sys::Reflect::get(&window, &"wirediffEarly".into()).ok().filter(|v| v.is_object())
        }

        fn take(from: &JsValue, key: &str) -> Option<JsValue> {
            let value =
                js_sys::Reflect::get(from, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())?;
            let _ = js_sys::Reflect::set(from, &key.into(), &JsValue::NULL);
            Some(value)
        }

        fn events(from: &JsValue, key: &str) -> Vec<JsValue> {
            take(from, key).map(|list| js_sys::Array::from(&list).to_vec()).unwrap_or_default()
        }

        /// The worker index.html started, once.
        pub fn take_worker() -> Option<(web_sys::Worker, Vec<JsValue>, Vec<JsValue>)> {
            let early = early()?;
            let worker: web_sys::Worker = take(&early, "worker")?.dyn_into().ok()?;
            worker.set_onmessage(None);
            worker.set_onerror(None);
            Some((worker, events(&early, "messages"), events(&early, "errors")))
        }

        /// The build's answer to `request`, if it has arrived and was made for exactly this
        /// request (the same bytes on the wire); once.
        pub fn take_answer(request: &Request) -> Option<Response> {
            let bytes = js_sys::Uint8Array::new(&take(&early()?, "seeds")?).to_vec();
            let asked = bincode::serialize(&ToWorker::ProcessInput(0, request)).ok()?;
            let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
            if bytes.get(4..4 + n)? != asked.as_slice() {
                return None;
            }
            match bincode::deserialize::<FromWorker>(bytes.get(4 + n..)?).ok()? {
                FromWorker::ProcessOutput(_, done @ Response::Done { .. }) => Some(done),
                _ => None,
            }
        }
    }

    fn post(worker: &web_sys::Worker, request: &Request) {
        let Ok(bytes) = bincode::serialize(&ToWorker::ProcessInput(0, request)) else { return };
        let _ = worker.post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
        crate::ui::marks::mark("page-request-posted");
    }

    /// What the page knows about the analysis.
    #[derive(Clone, PartialEq, Default)]
    pub struct Analysis {
        /// The latest complete report; it stays shown while a new analysis runs or after a cancel.
        pub report: Option<Rc<Report>>,
        /// Progress of the analysis under way, if one is.
        pub progress: Option<Progress>,
        /// True when the last analysis was cancelled (the report, if any, is older than the library).
        pub cancelled: bool,
        /// Why the worker could not run, if it could not.
        pub error: Option<String>,
    }

    #[derive(Clone, PartialEq)]
    pub struct AnalysisHandle {
        pub state: Rc<Analysis>,
        /// Terminates the worker (a new one starts with the next analysis).
        pub cancel: Callback<()>,
        /// Runs the analysis of the current library again.
        pub rerun: Callback<()>,
    }

    enum Change {
        /// An analysis of this many documents was asked for.
        Started(usize),
        Response(Response),
        Cancelled,
        Failed(String),
    }

    struct Shared {
        analyst: Option<Analyst>,
        /// The generation of the latest request: only its report is shown.
        generation: u32,
        /// The latest request (for "Analyse again").
        request: Option<Request>,
        /// Whether the worker is analysing; a request made meanwhile waits in `pending`, and
        /// only the latest waits (a burst of edits costs one extra analysis, not one each).
        busy: bool,
        pending: Option<Request>,
        /// The worker reported an error; the next request starts a new one.
        broken: bool,
        /// The generation answered by the build's seeds report (see [`early`]): the worker's
        /// progress for it is not shown, and its report replaces the build's.
        precomputed: Option<u32>,
    }

    /// Runs the analysis of `inputs` in the worker whenever they or `restored` change.
    #[hook]
    pub fn use_analysis(inputs: Vec<Input>, restored: Vec<(String, usize)>) -> AnalysisHandle {
        // On a cold load with the seeds, the build's report of them answers the first request
        // (generation 1) before the worker does, so the first render already has the heatmap.
        let answer = use_mut_ref(|| {
            let first = Request { generation: 1, inputs: inputs.clone(), restored: restored.clone() };
            early::take_answer(&first)
        });
        let answer = answer.borrow_mut().take();
        let precomputed = answer.is_some().then_some(1);
        let state = use_reducer_eq(|| match answer {
            Some(Response::Done { report, .. }) => {
                crate::ui::marks::mark("page-precomputed");
                AnalysisState(Rc::new(Analysis { report: Some(Rc::new(*report)), ..Analysis::default() }))
            }
            _ => AnalysisState::default(),
        });
        let shared = use_mut_ref(|| Shared {
            analyst: None,
            generation: 0,
            request: None,
            busy: false,
            pending: None,
            broken: false,
            precomputed,
        });

        let start = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Rc::new(move |inputs: Vec<Input>, restored: Vec<(String, usize)>| {
                let mut s = shared.borrow_mut();
                s.generation = s.generation.wrapping_add(1);
                let request = Request { generation: s.generation, inputs, restored };
                s.request = Some(request.clone());
                if s.broken {
                    s.analyst = None;
                    s.broken = false;
                }
                let documents = request.inputs.len();
                if s.analyst.is_none() {
                    let on_response = {
                        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
                        Callback::from(move |r: Response| {
                            let mut s = shared.borrow_mut();
                            let current = match &r {
                                // The analysis under way, even a superseded one, shows its progress
                                // (unless the build's report already answered it).
                                Response::Progress { generation, .. } => s.precomputed != Some(*generation),
                                Response::Done { generation, .. } => {
                                    s.busy = false;
                                    if let (Some(next), Some(analyst)) = (s.pending.take(), &s.analyst) {
                                        analyst.send(next);
                                        s.busy = true;
                                    }
                                    *generation == s.generation
                                }
                            };
                            drop(s);
                            if current {
                                dispatcher.dispatch(Change::Response(r));
                            }
                        })
                    };
                    let on_error = {
                        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
                        Callback::from(move |e: String| {
                            // A worker that failed is replaced by the next analysis (not dropped
                            // here: this closure belongs to it).
                            let mut s = shared.borrow_mut();
                            s.broken = true;
                            s.busy = false;
                            s.pending = None;
                            drop(s);
                            dispatcher.dispatch(Change::Failed(e))
                        })
                    };
                    match SPARE.with(|spare| spare.borrow_mut().take()).map_or_else(Analyst::spawn, Ok) {
                        Ok(analyst) => {
                            analyst.connect(on_response, on_error);
                            s.analyst = Some(analyst);
                        }
                        Err(e) => {
                            dispatcher.dispatch(Change::Failed(e));
                            return;
                        }
                    }
                }
                let precomputed = s.precomputed == Some(request.generation);
                if s.busy {
                    s.pending = Some(request);
                } else if let Some(analyst) = &s.analyst {
                    analyst.send(request);
                    s.busy = true;
                }
                drop(s);
                // Answered already: the worker's analysis runs without a progress bar.
                if !precomputed {
                    dispatcher.dispatch(Change::Started(documents));
                }
            })
        };

        use_effect_with((inputs, restored), {
            let start = start.clone();
            move |(inputs, restored)| start(inputs.clone(), restored.clone())
        });

        let cancel = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Callback::from(move |()| {
                let mut s = shared.borrow_mut();
                s.analyst = None; // Drop terminates the worker.
                s.generation = s.generation.wrapping_add(1);
                s.busy = false;
                s.pending = None;
                drop(s);
                prespawn(); // ready for "Analyse again"
                dispatcher.dispatch(Change::Cancelled);
            })
        };
        let rerun = {
            let shared = shared.clone();
            Callback::from(move |()| {
                let request = shared.borrow().request.clone();
                if let Some(r) = request {
                    start(r.inputs, r.restored);
                }
            })
        };
        AnalysisHandle { state: state.0.clone(), cancel, rerun }
    }

    #[derive(Default, PartialEq)]
    struct AnalysisState(Rc<Analysis>);

    impl Reducible for AnalysisState {
        type Action = Change;

        fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
            let mut next = (*self.0).clone();
            match change {
                Change::Started(documents) => {
                    next.progress = Some(Progress { documents, ..Progress::default() });
                    next.cancelled = false;
                    next.error = None;
                }
                Change::Response(Response::Progress { progress, .. }) => next.progress = Some(progress),
                Change::Response(Response::Done { report, .. }) => {
                    next.report = Some(Rc::new(*report));
                    next.progress = None;
                }
                Change::Cancelled => {
                    next.progress = None;
                    next.cancelled = true;
                }
                Change::Failed(e) => {
                    next.progress = None;
                    next.error = Some(e);
                }
            }
            Rc::new(AnalysisState(Rc::new(next)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seeds::SEEDS;

    fn seeds() -> Vec<Input> {
        SEEDS.iter().map(|s| Input { id: s.name.to_string(), text: s.text.to_string() }).collect()
    }

    #[test]
    fn a_request_gives_progress_then_the_same_report_as_a_direct_run() {
        let request = Request { generation: 7, inputs: seeds(), restored: vec![] };
        let mut seen = Vec::new();
        let done = run_request(&mut Workspace::new(), &request, &mut |r| seen.push(r));
        assert_eq!(done, Response::Done { generation: 7, report: Box::new(run(&request.inputs, &[])) });
        assert!(seen.len() >= STAGES.len(), "{seen:?}");
        assert!(seen.iter().all(|r| matches!(r, Response::Progress { generation: 7, .. })));
    }

    #[test]
    fn messages_survive_bincode_inside_the_gloo_envelope() {
        let request =
            Request { generation: 3, inputs: seeds()[..2].to_vec(), restored: vec![("a".into(), 2)] };
        // The page writes gloo's ToWorker::ProcessInput(handler, input): variant 1, then a u64, then the input.
        let bytes = bincode::serialize(&ToWorker::ProcessInput(0, &request)).expect("serializes");
        assert_eq!(&bytes[..4], &1u32.to_le_bytes());
        assert_eq!(bincode::deserialize::<Request>(&bytes[12..]).expect("decodes"), request);

        // The worker writes FromWorker::ProcessOutput(handler, output): variant 1, a u64, the output.
        let report = run(&request.inputs, &request.restored);
        let response = Response::Done { generation: 3, report: Box::new(report) };
        let mut wire = 1u32.to_le_bytes().to_vec();
        wire.extend(5u64.to_le_bytes());
        wire.extend(bincode::serialize(&response).expect("serializes"));
        match bincode::deserialize::<FromWorker>(&wire).expect("decodes") {
            FromWorker::ProcessOutput(5, back) => assert_eq!(back, response),
            other => panic!("unexpected {other:?}"),
        }
        let loaded = bincode::deserialize::<FromWorker>(&0u32.to_le_bytes()).expect("decodes");
        assert!(matches!(loaded, FromWorker::WorkerLoaded));
    }

    #[test]
    fn progress_labels_and_fractions() {
        let p = |stage, done, total| Progress { stage, done, total, documents: 200, sentences: 8012 };
        assert_eq!(
            progress_label(&p(0, 37, 200)),
            "Cleaning and splitting sentences (step 1 of 7): 37 of 200 documents · 200 documents"
        );
        assert_eq!(
            progress_label(&p(2, 120, 1800)),
            "Aligning sentences (step 3 of 7): 120 of 1,800 document pairs · 200 documents, 8,012 sentences"
        );
        assert_eq!(
            progress_label(&p(5, 0, 0)),
            "Matching quotes (step 6 of 7) · 200 documents, 8,012 sentences"
        );
        assert_eq!(progress_label(&p(7, 0, 0)), "Done · 200 documents · 8,012 sentences");
        let one = Progress { stage: 1, done: 0, total: 0, documents: 1, sentences: 1 };
        assert_eq!(progress_label(&one), "Reading words and synonyms (step 2 of 7) · 1 document, 1 sentence");

        let mut last = -1.0;
        for stage in 0..=STAGES.len() {
            for done in [0, 5, 10] {
                let f = progress_fraction(&p(stage, done, 10));
                assert!(f >= last && (0.0..=1.0).contains(&f), "stage {stage} done {done}: {f}");
                last = f;
            }
        }
        assert_eq!(progress_fraction(&p(0, 0, 0)), 0.0);
        assert!((progress_fraction(&p(STAGES.len(), 0, 0)) - 1.0).abs() < 1e-6);
        assert_eq!(progress_fraction(&p(2, 99, 0)), progress_fraction(&p(2, 0, 0)), "no total, no share");
    }
}
