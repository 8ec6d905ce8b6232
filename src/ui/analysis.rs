//! The one place the app runs the engine. The analysis runs in a web worker (the
//! `wirediff-worker` bin, built by Trunk with `data-type="worker"`), so typing and scrolling
//! stay responsive while 200 articles are compared; the page sees only [`Response`]s.
//!
//! - [`Request`] / [`Response`] are the serde messages between the page and the worker.
//! - [`answer`] is what the worker does with a request; it keeps an engine [`Workspace`], so
//!   adding or removing one document prepares only that one.
//! - The report that crosses to the page leaves out every link's word ops ([`for_page`]):
//!   they are most of its bytes (5.8 of 16.5 MB bincode for the seeds and 200 synthetic
//!   articles), and a reader looks at one pair at a time. The page asks for one pair's ops
//!   when it opens that pair ([`DiffsOf::Pair`]), or for all of them for the JSON export
//!   ([`DiffsOf::Report`]), sending the linked sentences' text; the worker diffs them again
//!   ([`diff_links`]: the same function on the same text as the analysis, so the same ops),
//!   and needs no memory of the report, so a cancelled, replaced worker can answer too.
//! - A library of [`SPLIT_MIN_DOCUMENTS`] or more is analysed by two workers at once, one per
//!   core: the first aligns ([`Request::Align`]: the report without quotes and facts), a second
//!   finds quotes and facts' figures meanwhile ([`Request::Extract`]), then the divergences of
//!   those figures across the first one's passages ([`Request::Divergences`]); [`complete`] puts
//!   the shares together into the report one analysis gives (tests check both ways agree). For
//!   200 articles this takes quotes and facts, about a quarter of the worker's time, off the
//!   critical path. If the second worker fails, the first takes over its requests.
//! - [`progress_label`] and [`progress_fraction`] turn [`Progress`] into what the progress bar shows.
//! - On wasm32: [`AnalysisWorker`] (the worker side, on `gloo::worker`), [`Analyst`] (the
//!   page side: spawn, send, cancel by terminating, respawn) and the [`use_analysis`] hook.
//!
//! The page-side bridge speaks gloo-worker's message envelope itself instead of using
//! `gloo::worker::WorkerSpawner`, because gloo's bridge cannot terminate a busy worker: a
//! cancelled analysis would keep a core busy until it finished.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::format::thousands;
use crate::engine::diff::diff_link;
use crate::engine::facts::{divergences, passage_keys, SentenceKey};
use crate::engine::lexicon::Lexicon;
use crate::engine::report::{
    Derivation, Divergence, Document, Fact, Facts, Pair, Passage, Quote, Report, Stats, WordOp,
};
use crate::engine::{Config, Extracts, Input, Progress, SentenceProfile, Workspace, STAGES};

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Analyse these documents.
    Analyse(Analyse),
    /// The word ops of these links (see [`for_page`]).
    Diffs(DiffsRequest),
    /// [`Request::Analyse`] without quotes and facts, which a second worker finds meanwhile
    /// ([`Request::Extract`]); [`complete`] makes the whole report of the two shares.
    Align(Analyse),
    /// The quotes and the facts' figures of these documents: the second worker's share.
    Extract(Analyse),
    /// Where the facts of an [`Request::Extract`] diverge across the passages of the
    /// [`Request::Align`] report: the one step that needs both shares.
    Divergences(DivergencesRequest),
}

/// The passages of a report and the facts of its [`Response::Extracts`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DivergencesRequest {
    pub generation: u32,
    /// `None`: those of the worker's own last [`Request::Extract`] of this generation (they
    /// are megabytes for 200 articles; the page sends them only to a worker without them).
    pub facts: Option<Vec<Fact>>,
    pub passages: Vec<Vec<SentenceKey>>,
    pub documents: usize,
}

/// One analysis asked of the worker. `generation` tells a stale answer from the current one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analyse {
    pub generation: u32,
    pub inputs: Vec<Input>,
    /// Lines the user restored, as (input id, 1-based line).
    pub restored: Vec<(String, usize)>,
}

/// Which links of a report a [`DiffsRequest`] is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiffsOf {
    /// The links of one pair, named as the report names it (`left`, `right`).
    Pair(String, String),
    /// Every link of the report, pair after pair (for the JSON export).
    Report,
}

/// The text of some links, for the worker to diff: see [`texts_of`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffsRequest {
    /// The generation of the report the links come from (echoed in the answer).
    pub generation: u32,
    pub of: DiffsOf,
    pub links: Vec<LinkTexts>,
}

/// The sentences on each side of one link, in the link's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkTexts {
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// What the worker sends back: progress while it runs, then the report in parts, then done;
/// or asked-for word ops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Progress {
        generation: u32,
        progress: Progress,
    },
    /// One part of the report, without word ops ([`for_page`], [`split`]).
    Part {
        generation: u32,
        part: Box<Part>,
    },
    /// Every part of the report has been sent.
    Done {
        generation: u32,
    },
    /// One list of word ops per link of the request, in its order.
    Diffs {
        generation: u32,
        of: DiffsOf,
        ops: Vec<Vec<WordOp>>,
    },
    /// The answer to [`Request::Extract`].
    Extracts {
        generation: u32,
        extracts: Box<Extracts>,
    },
    /// The answer to [`Request::Divergences`]; `None` when the request left the facts out and
    /// this worker has not extracted them (the page asks again with them).
    Divergences {
        generation: u32,
        divergences: Option<Vec<Divergence>>,
    },
}

/// A piece of a report. The report crosses to the page in pieces of about [`PART_BYTES`]: the
/// page decodes each message in a task of its own, so a key pressed meanwhile waits for one
/// piece (a few milliseconds), not for the whole report (about 10 MB for 200 documents, which
/// took 200 to 500 ms to decode in one go).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    Head { version: u32, derivation: Derivation, stats: Stats },
    Documents(Vec<Document>),
    Pairs(Vec<Pair>),
    Passages(Vec<Passage>),
    Quotes(Vec<Quote>),
    Facts(Vec<Fact>),
    Divergences(Vec<Divergence>),
}

/// The size a [`Part`] aims at, in bincode bytes (one item may exceed it).
pub const PART_BYTES: u64 = 200_000;

/// `report` in parts of about [`PART_BYTES`] each, in an order [`Assembly`] puts back together.
/// The passages come first: with them the page can ask for the facts' divergences
/// ([`Request::Divergences`]) while the rest is still on its way.
pub fn split(report: Report) -> Vec<Part> {
    let Report { version, documents, pairs, passages, derivation, quotes, facts, stats } = report;
    let Facts { items, divergences } = facts;
    let mut parts = vec![Part::Head { version, derivation, stats }];
    chunk(passages, &mut parts, Part::Passages);
    chunk(documents, &mut parts, Part::Documents);
    chunk(pairs, &mut parts, Part::Pairs);
    chunk(quotes, &mut parts, Part::Quotes);
    chunk(items, &mut parts, Part::Facts);
    chunk(divergences, &mut parts, Part::Divergences);
    parts
}

/// Cuts `items` into runs of about [`PART_BYTES`], each made a part by `make`.
fn chunk<T: Serialize>(items: Vec<T>, parts: &mut Vec<Part>, make: fn(Vec<T>) -> Part) {
    let mut run = Vec::new();
    let mut bytes = 0;
    for item in items {
        bytes += bincode::serialized_size(&item).unwrap_or(0);
        run.push(item);
        if bytes >= PART_BYTES {
            parts.push(make(std::mem::take(&mut run)));
            bytes = 0;
        }
    }
    if !run.is_empty() {
        parts.push(make(run));
    }
}

/// Puts the [`Part`]s of one report back together, in the order they come.
#[derive(Debug, Default)]
pub struct Assembly(Report);

impl Assembly {
    pub fn add(&mut self, part: Part) {
        let r = &mut self.0;
        match part {
            Part::Head { version, derivation, stats } => {
                (r.version, r.derivation, r.stats) = (version, derivation, stats);
            }
            Part::Documents(v) => r.documents.extend(v),
            Part::Pairs(v) => r.pairs.extend(v),
            Part::Passages(v) => r.passages.extend(v),
            Part::Quotes(v) => r.quotes.extend(v),
            Part::Facts(v) => r.facts.items.extend(v),
            Part::Divergences(v) => r.facts.divergences.extend(v),
        }
    }

    pub fn finish(self) -> Report {
        self.0
    }
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

/// What a worker keeps between requests.
#[derive(Debug, Default)]
pub struct WorkerState {
    /// Prepared documents, reused by the next analysis.
    pub workspace: Workspace,
    /// The facts of the last [`Request::Extract`], with its generation, for the
    /// [`Request::Divergences`] that follows it.
    extracted: Option<(u32, Vec<Fact>)>,
}

/// What the worker does with one request. An analysis uses the workspace's cache, sends each
/// [`Response::Progress`] to `respond` as it goes, then the report's [`Response::Part`]s, and
/// returns the [`Response::Done`].
pub fn answer(state: &mut WorkerState, request: &Request, respond: &mut dyn FnMut(Response)) -> Response {
    let workspace = &mut state.workspace;
    match request {
        Request::Analyse(a) | Request::Align(a) => {
            let generation = a.generation;
            let mut config = config(&a.restored);
            config.report.quotes_and_facts = matches!(request, Request::Analyse(_));
            let mut report = workspace.analyze_observed(&a.inputs, &config, &mut |progress| {
                respond(Response::Progress { generation, progress })
            });
            for_page(&mut report);
            for part in split(report) {
                respond(Response::Part { generation, part: Box::new(part) });
            }
            Response::Done { generation }
        }
        Request::Diffs(d) => {
            Response::Diffs { generation: d.generation, of: d.of.clone(), ops: diff_links(&d.links) }
        }
        Request::Extract(a) => {
            let extracts = workspace.extract(&a.inputs, &config(&a.restored));
            state.extracted = Some((a.generation, extracts.facts.clone()));
            Response::Extracts { generation: a.generation, extracts: Box::new(extracts) }
        }
        Request::Divergences(d) => {
            let kept = state.extracted.as_ref().filter(|(g, _)| *g == d.generation).map(|(_, f)| f);
            let facts = d.facts.as_ref().or(kept);
            Response::Divergences {
                generation: d.generation,
                divergences: facts
                    .map(|facts| divergences(facts, &d.passages, d.documents, &Config::default().facts)),
            }
        }
    }
}

/// What [`Request::Divergences`] asks about the `passages` of a report of `documents`
/// documents, with the `facts` to send (`None`: the worker's own).
pub fn divergences_request(
    generation: u32,
    passages: &[Passage],
    documents: usize,
    facts: Option<&Extracts>,
) -> DivergencesRequest {
    DivergencesRequest {
        generation,
        facts: facts.map(|e| e.facts.clone()),
        passages: passage_keys(passages),
        documents,
    }
}

/// The whole report from the two shares: `report` of [`Request::Align`], the `extracts` of
/// [`Request::Extract`] and the `divergences` of [`Request::Divergences`].
pub fn complete(mut report: Report, extracts: Extracts, divergences: Vec<Divergence>) -> Report {
    report.quotes = extracts.quotes;
    report.facts = Facts { items: extracts.facts, divergences };
    report
}

/// Leaves out every link's word ops: the report the page receives. Its views need the ops of
/// the pair on screen only, and they are the bulk of a large report.
pub fn for_page(report: &mut Report) {
    for link in report.pairs.iter_mut().flat_map(|p| p.links.iter_mut()) {
        link.diff = Vec::new();
    }
}

/// The word ops of each link, as the analysis computes them (same lexicon, same diff config).
pub fn diff_links(links: &[LinkTexts]) -> Vec<Vec<WordOp>> {
    let lexicon = Lexicon::shared();
    let config = Config::default().diff;
    let profiles =
        |texts: &[String]| texts.iter().map(|t| SentenceProfile::new(lexicon, t)).collect::<Vec<_>>();
    links
        .iter()
        .map(|l| {
            let (left, right) = (profiles(&l.left), profiles(&l.right));
            let (left, right): (Vec<_>, Vec<_>) = (left.iter().collect(), right.iter().collect());
            diff_link(lexicon, &left, &right, &config).ops
        })
        .collect()
}

/// The pair `of` names in `report` (either order for [`DiffsOf::Pair`]).
fn pairs_of<'r>(report: &'r Report, of: &DiffsOf) -> Vec<&'r Pair> {
    match of {
        DiffsOf::Pair(l, r) => {
            report.pairs.iter().filter(|p| &p.left == l && &p.right == r).take(1).collect()
        }
        DiffsOf::Report => report.pairs.iter().collect(),
    }
}

/// The sentence text of the links `of` names, for a [`DiffsRequest`]; `None` when the report
/// has no such pair.
pub fn texts_of(report: &Report, of: &DiffsOf) -> Option<Vec<LinkTexts>> {
    let pairs = pairs_of(report, of);
    if pairs.is_empty() && matches!(of, DiffsOf::Pair(..)) {
        return None;
    }
    let wanted: Vec<&str> = pairs.iter().flat_map(|p| [p.left.as_str(), p.right.as_str()]).collect();
    let text: HashMap<&str, &str> = report
        .documents
        .iter()
        .filter(|d| matches!(of, DiffsOf::Report) || wanted.contains(&d.id.as_str()))
        .flat_map(|d| &d.sentences)
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .collect();
    let side =
        |ids: &[String]| ids.iter().map(|id| text.get(id.as_str()).unwrap_or(&"").to_string()).collect();
    Some(
        pairs
            .iter()
            .flat_map(|p| &p.links)
            .map(|l| LinkTexts { left: side(&l.left), right: side(&l.right) })
            .collect(),
    )
}

/// `pair` with each link's word ops put back (`ops` in link order; missing ones stay empty).
pub fn with_pair_ops(pair: &Pair, ops: &[Vec<WordOp>]) -> Pair {
    let mut pair = pair.clone();
    for (link, ops) in pair.links.iter_mut().zip(ops) {
        link.diff = ops.clone();
    }
    pair
}

/// The full report again: `report` (from [`for_page`]) with the ops of [`DiffsOf::Report`].
pub fn with_ops(report: &Report, ops: Vec<Vec<WordOp>>) -> Report {
    let mut full = report.clone();
    for (link, ops) in full.pairs.iter_mut().flat_map(|p| p.links.iter_mut()).zip(ops) {
        link.diff = ops;
    }
    full
}

/// From this many documents on, the page has two workers share an analysis ([`Request::Align`]
/// in one, [`Request::Extract`] in the other, on a core each). Below it, starting a second
/// worker (fetching and compiling its wasm and word tables) would cost more than it saves.
pub const SPLIT_MIN_DOCUMENTS: usize = 20;

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
pub use web::{prespawn, use_analysis, Analysis, AnalysisHandle, AnalysisWorker, Analyst, PairOps};

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    use gloo::worker::{HandlerId, Worker, WorkerScope};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use yew::prelude::*;

    use super::{
        complete, divergences_request, texts_of, with_ops, Analyse, Assembly, DiffsOf, DiffsRequest,
        DivergencesRequest, FromWorker, Part, Request, Response, ToWorker, WorkerState, SPLIT_MIN_DOCUMENTS,
    };
    use crate::engine::report::{Divergence, Report, WordOp};
    use crate::engine::{Extracts, Input, Progress};
    use crate::ui::ptr::Ptr;

    /// The worker side: one [`Workspace`] kept across requests.
    pub struct AnalysisWorker {
        state: WorkerState,
    }

    impl Worker for AnalysisWorker {
        type Message = ();
        type Input = Request;
        type Output = Response;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            AnalysisWorker { state: WorkerState::default() }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn received(&mut self, _scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
            crate::ui::marks::mark("worker-request");
            let done = super::answer(&mut self.state, &request, &mut |r| respond(id, &r));
            respond(id, &done);
            crate::ui::marks::mark("worker-posted");
        }
    }

    /// gloo-worker's envelope from the worker to the page, as [`super::FromWorker`] reads it.
    #[derive(serde::Serialize)]
    #[allow(dead_code)] // WorkerLoaded is gloo's to send
    enum Outgoing<'a> {
        WorkerLoaded,
        ProcessOutput(HandlerId, &'a Response),
    }

    /// What `WorkerScope::respond` does, but handing the bytes over instead of copying them:
    /// gloo posts a typed array that `postMessage` then clones, which for the 10 MB report of
    /// 200 articles took 200 ms of the worker's time (profiled).
    fn respond(id: HandlerId, response: &Response) {
        let Ok(bytes) = bincode::serialize(&Outgoing::ProcessOutput(id, response)) else { return };
        let array = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
        array.copy_from(&bytes);
        drop(bytes);
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
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

    /// What the page says when a worker's message does not decode.
    const UNREADABLE: &str =
        "the analysis worker sent a message this page cannot read (from another version of wirediff?); reload the page";

    /// Hands `message` to the page's error handler, or keeps it until there is one.
    fn fail(handlers: &Rc<RefCell<Handlers>>, message: String) {
        let on_error = handlers.borrow().on_error.clone();
        match on_error {
            Some(on_error) => on_error.emit(message),
            None => handlers.borrow_mut().early_error = Some(message),
        }
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
        /// Starts a worker, not the one index.html started (that one is the first worker's).
        fn spawn_another() -> Result<Analyst, String> {
            let url = worker_url().ok_or("this page has no analysis worker")?;
            let worker = web_sys::Worker::new(&url)
                .map_err(|e| format!("the analysis worker did not start: {e:?}"))?;
            Ok(Analyst::with_worker(worker))
        }

        /// Starts a worker; [`Analyst::connect`] says where its answers go.
        pub fn spawn() -> Result<Analyst, String> {
            if let Some((worker, messages, errors)) = early::take_worker() {
                let analyst = Analyst::with_worker(worker);
                // What the worker said before the page's wasm ran, in order.
                let call = |f: &JsValue, event: &JsValue| {
                    let _ = f.unchecked_ref::<js_sys::Function>().call1(&JsValue::NULL, event);
                };
                messages.iter().for_each(|e| call(analyst._on_message.as_ref(), e));
                errors.iter().for_each(|e| call(analyst._on_error.as_ref(), e));
                return Ok(analyst);
            }
            Analyst::spawn_another()
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
                            // Each worker, the helper too: a test cuts the network only once
                            // both have fetched their wasm and tables.
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
                        // A worker from another build (say the page came from the cache and the
                        // worker from a new deployment): the analysis would never finish, so say
                        // so. (Not bincode's error text: formatting it costs the page 0.5 KB.)
                        Err(_) => fail(&handlers, UNREADABLE.into()),
                    }
                })
            };
            let on_error = {
                let handlers = handlers.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let detail =
                        event.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
                    fail(&handlers, format!("the analysis worker failed {detail}").trim().to_string());
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Analyst { worker, queue, handlers, _on_message: on_message, _on_error: on_error }
        }

        /// `on_response` receives the worker's answers and `on_error` its failures from now on;
        /// returns a failure that happened before this call, if one did.
        pub fn connect(&self, on_response: Callback<Response>, on_error: Callback<String>) -> Option<String> {
            let mut h = self.handlers.borrow_mut();
            h.on_response = Some(on_response);
            h.on_error = Some(on_error);
            h.early_error.take()
        }

        /// Asks the worker; answers come to the `on_response` given to [`Analyst::connect`].
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
    /// answer for the seeds (`seeds-report.bin`, written by scripts/seeds-report.mjs).
    mod early {
        use wasm_bindgen::{JsCast, JsValue};

        use super::super::{Analyse, Assembly, FromWorker, Request, Response, ToWorker};
        use crate::engine::report::Report;

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

        /// The build's report for `request`, if it has arrived and was made for exactly this
        /// request (the same bytes on the wire); once.
        pub fn take_answer(request: &Analyse) -> Option<Report> {
            let bytes = js_sys::Uint8Array::new(&take(&early()?, "seeds")?).to_vec();
            answer(&bytes, request)
        }

        /// The file: u32 n, the n bytes of the request, then the answer's messages (the report's
        /// parts, then done), each as u32 length and bytes.
        fn answer(bytes: &[u8], request: &Analyse) -> Option<Report> {
            let asked =
                bincode::serialize(&ToWorker::ProcessInput(0, &Request::Analyse(request.clone()))).ok()?;
            let word = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize);
            let n = word(0)?;
            if bytes.get(4..4 + n)? != asked.as_slice() {
                return None;
            }
            let mut assembly = Assembly::default();
            let mut at = 4 + n;
            while at < bytes.len() {
                let len = word(at)?;
                let message = bytes.get(at + 4..at + 4 + len)?;
                at += 4 + len;
                match bincode::deserialize::<FromWorker>(message).ok()? {
                    FromWorker::ProcessOutput(_, Response::Part { generation, part })
                        if generation == request.generation =>
                    {
                        assembly.add(*part)
                    }
                    FromWorker::ProcessOutput(_, Response::Done { generation })
                        if generation == request.generation =>
                    {
                        return (at == bytes.len()).then(|| assembly.finish());
                    }
                    _ => return None,
                }
            }
            None
        }
    }

    fn post(worker: &web_sys::Worker, request: &Request) {
        let Ok(bytes) = bincode::serialize(&ToWorker::ProcessInput(0, request)) else { return };
        let _ = worker.post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
    }

    /// The word ops of one pair's links, in the report's order of the pair and its links.
    pub type PairOps = Ptr<Vec<Vec<WordOp>>>;

    /// What the page knows about the analysis.
    #[derive(Clone, PartialEq, Default)]
    pub struct Analysis {
        /// The latest complete report, without word ops (see [`super::for_page`]); it stays
        /// shown while a new analysis runs or after a cancel.
        pub report: Option<Ptr<Report>>,
        /// Word ops fetched for pairs of `report`, by (left, right) as the report names them.
        pub ops: Ptr<HashMap<(String, String), PairOps>>,
        /// Progress of the analysis under way, if one is.
        pub progress: Option<Progress>,
        /// True when the last analysis was cancelled (the report, if any, is older than the library).
        pub cancelled: bool,
        /// Why the worker could not run, if it could not.
        pub error: Option<String>,
    }

    impl Analysis {
        /// The word ops of the pair of documents `a` and `b` (either order), once fetched.
        pub fn pair_ops(&self, a: &str, b: &str) -> Option<PairOps> {
            let key = |l: &str, r: &str| (l.to_string(), r.to_string());
            self.ops.get(&key(a, b)).or_else(|| self.ops.get(&key(b, a))).cloned()
        }
    }

    #[derive(Clone, PartialEq)]
    pub struct AnalysisHandle {
        pub state: Rc<Analysis>,
        /// Terminates the worker (a new one starts with the next analysis).
        pub cancel: Callback<()>,
        /// Runs the analysis of the current library again.
        pub rerun: Callback<()>,
        /// Asks for the word ops of the pair of documents (a, b), either order; they arrive in
        /// `state.ops`.
        pub want_ops: Callback<(String, String)>,
        /// Calls back with the full report, word ops included (fetched once per report).
        pub full_report: Callback<Callback<Rc<Report>>>,
    }

    enum Change {
        /// An analysis of this many documents was asked for.
        Started(usize),
        Progress(Progress),
        Report(Ptr<Report>),
        Ops(String, String, PairOps),
        Cancelled,
        Failed(String),
    }

    struct Shared {
        analyst: Option<Analyst>,
        /// The generation of the latest analysis asked for: only its report is shown.
        generation: u32,
        /// The latest analysis asked for (for "Analyse again").
        request: Option<Analyse>,
        /// Whether the worker is analysing; an analysis asked for meanwhile waits in `pending`,
        /// and only the latest waits (a burst of edits costs one extra analysis, not one each).
        busy: bool,
        pending: Option<Request>,
        /// The second worker: it finds the quotes and facts of a large library while the first
        /// aligns it ([`Request::Extract`], [`Request::Divergences`]); started when first needed.
        helper: Option<Analyst>,
        /// The helper failed: what it was asked goes to the first worker until the next analysis.
        helper_broken: bool,
        /// The request the helper is answering (it answers each with one response).
        helper_asked: Option<Request>,
        /// Requests waiting for the helper; a newer [`Request::Extract`] replaces a waiting one.
        helper_queue: Vec<Request>,
        /// The analysis the two workers share, and its shares so far.
        halves: Option<Halves>,
        /// The worker reported an error; the next request starts a new one.
        broken: bool,
        /// The report shown, with its generation.
        shown: Option<(u32, Ptr<Report>)>,
        /// Word-op requests for `shown` not answered yet: sent again to the worker that
        /// replaces a cancelled one.
        asked: Vec<DiffsRequest>,
        /// The parts of the report under way, with its generation.
        assembly: Option<(u32, Assembly)>,
        /// The full report of `shown`, once fetched, and who waits for it.
        full: Option<Rc<Report>>,
        waiting: Vec<Callback<Rc<Report>>>,
        /// The generation the build's report of the seeds answered (see [`early`]): the
        /// worker's progress for it is not shown, and its report replaces the build's only if
        /// it differs (it never should: tests/e2e/app.test.mjs checks they are the same bytes).
        precomputed: Option<u32>,
    }

    /// One analysis in two shares: the first worker's report without quotes and facts
    /// ([`Request::Align`]), the helper's [`Extracts`], then the divergences of their facts.
    struct Halves {
        generation: u32,
        documents: usize,
        /// All the first worker's passages are in (they come first among its parts).
        passages_in: bool,
        report: Option<Report>,
        extracts: Option<Extracts>,
        /// The divergences request sent (without the facts: the helper has them).
        asked: Option<DivergencesRequest>,
        divergences: Option<Vec<Divergence>>,
    }

    type Dispatcher = UseReducerDispatcher<AnalysisState>;

    /// Asks the helper (or, when it cannot be had, the first worker).
    fn send_helper(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher, request: Request) {
        {
            let mut s = shared.borrow_mut();
            start_helper(&mut s, shared, dispatcher);
            if !s.helper_broken {
                if s.helper_asked.is_some() {
                    if matches!(request, Request::Extract(_)) {
                        s.helper_queue.retain(|r| !matches!(r, Request::Extract(_)));
                    }
                    s.helper_queue.push(request);
                } else if let Some(helper) = &s.helper {
                    helper.send(request.clone());
                    s.helper_asked = Some(request);
                }
                return;
            }
        }
        send(shared, dispatcher, request);
    }

    /// Starts the helper unless it runs or failed. Loading its wasm and word tables takes a
    /// core for a few hundred milliseconds, so it starts once the first report is on screen
    /// ([`show`]), not in the middle of the large analysis it is for.
    fn start_helper(s: &mut Shared, shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) {
        if s.helper_broken || s.helper.is_some() {
            return;
        }
        match Analyst::spawn_another() {
            Ok(helper) => {
                let early = helper
                    .connect(on_helper_response(shared, dispatcher), on_helper_error(shared, dispatcher));
                s.helper = Some(helper);
                s.helper_broken = early.is_some();
            }
            Err(_) => s.helper_broken = true,
        }
    }

    /// The helper's answers: it is free for the next request; the answer is handled as the first
    /// worker's would be.
    fn on_helper_response(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) -> Callback<Response> {
        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
        let handle = on_response(&shared, &dispatcher);
        Callback::from(move |r: Response| {
            {
                let mut s = shared.borrow_mut();
                s.helper_asked = None;
                if !s.helper_queue.is_empty() {
                    let next = s.helper_queue.remove(0);
                    if let Some(helper) = &s.helper {
                        helper.send(next.clone());
                        s.helper_asked = Some(next);
                    }
                }
            }
            handle.emit(r);
        })
    }

    /// A failed helper: what it was asked, and what waited for it, goes to the first worker.
    fn on_helper_error(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) -> Callback<String> {
        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
        Callback::from(move |e: String| {
            web_sys::console::warn_1(&format!("{e}; the first worker takes over its share").into());
            let requests: Vec<Request> = {
                let mut s = shared.borrow_mut();
                s.helper_broken = true;
                let waiting = std::mem::take(&mut s.helper_queue);
                s.helper_asked.take().into_iter().chain(waiting).collect()
            };
            for request in requests {
                send(&shared, &dispatcher, request);
            }
        })
    }

    /// Moves the shared analysis on: once the first worker's passages and the helper's facts are
    /// in, asks for the divergences (while the rest of the report is still arriving); once
    /// everything is in, shows the whole report.
    fn advance(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) {
        let ask = {
            let mut s = shared.borrow_mut();
            let generation = s.generation;
            let Some(h) = s.halves.as_ref().filter(|h| h.generation == generation) else { return };
            if h.report.is_some() && h.extracts.is_some() && h.divergences.is_some() {
                crate::ui::marks::mark("page-complete");
                let Some(h) = s.halves.take() else { return };
                let (Some(report), Some(extracts), Some(divergences)) = (h.report, h.extracts, h.divergences)
                else {
                    return;
                };
                drop(s);
                show(shared, dispatcher, generation, complete(report, extracts, divergences));
                return;
            }
            if h.asked.is_some() || !h.passages_in || h.extracts.is_none() {
                return;
            }
            let passages = match (&h.report, &s.assembly) {
                (Some(report), _) => &report.passages[..],
                (None, Some((g, assembly))) if *g == generation => &assembly.0.passages[..],
                _ => &[][..],
            };
            let request = divergences_request(generation, passages, h.documents, None);
            if let Some(h) = s.halves.as_mut() {
                h.asked = Some(request.clone());
            }
            request
        };
        send_helper(shared, dispatcher, Request::Divergences(ask));
    }

    /// Shows the report of `generation` (unless the build's report, shown already, is the same).
    fn show(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher, generation: u32, report: Report) {
        let mut s = shared.borrow_mut();
        start_helper(&mut s, shared, dispatcher);
        if s.precomputed == Some(generation) {
            s.precomputed = None;
            if s.shown.as_ref().is_some_and(|(g, shown)| *g == generation && **shown == report) {
                return; // the build's report, shown already, is the worker's
            }
        }
        let report = Ptr::new(report);
        s.shown = Some((generation, report.clone()));
        s.asked.clear();
        s.full = None;
        let export_waits = !s.waiting.is_empty();
        drop(s);
        dispatcher.dispatch(Change::Report(report));
        if export_waits {
            ask(shared, dispatcher, DiffsOf::Report);
        }
    }

    /// Makes sure a live worker is connected (adopting the prespawned one if there is one).
    fn ensure_analyst(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) -> Result<(), String> {
        {
            let mut s = shared.borrow_mut();
            if s.broken {
                s.analyst = None;
                s.broken = false;
            }
            if s.analyst.is_some() {
                return Ok(());
            }
        }
        let analyst = SPARE.with(|spare| spare.borrow_mut().take()).map_or_else(Analyst::spawn, Ok)?;
        let early = analyst.connect(on_response(shared, dispatcher), on_error(shared, dispatcher));
        shared.borrow_mut().analyst = Some(analyst);
        if let Some(message) = early {
            on_error(shared, dispatcher).emit(message);
        }
        Ok(())
    }

    /// Sends `request` to the worker, starting one if needed.
    fn send(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher, request: Request) {
        match ensure_analyst(shared, dispatcher) {
            Ok(()) => {
                if let Some(analyst) = &shared.borrow().analyst {
                    analyst.send(request);
                }
            }
            Err(e) => dispatcher.dispatch(Change::Failed(e)),
        }
    }

    fn on_response(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) -> Callback<Response> {
        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
        Callback::from(move |r: Response| match r {
            // The analysis under way, even a superseded one, shows its progress (unless the
            // build's report answered it already).
            Response::Progress { generation, progress } => {
                if shared.borrow().precomputed != Some(generation) {
                    dispatcher.dispatch(Change::Progress(progress))
                }
            }
            Response::Part { generation, part } => {
                let mut s = shared.borrow_mut();
                let passages_now = !matches!(*part, Part::Head { .. } | Part::Passages(_))
                    && s.halves.as_ref().is_some_and(|h| h.generation == generation && !h.passages_in);
                if generation == s.generation {
                    match &mut s.assembly {
                        Some((g, assembly)) if *g == generation => assembly.add(*part),
                        _ => {
                            let mut assembly = Assembly::default();
                            assembly.add(*part);
                            s.assembly = Some((generation, assembly));
                        }
                    }
                }
                if passages_now {
                    if let Some(h) = s.halves.as_mut() {
                        h.passages_in = true;
                    }
                    drop(s);
                    advance(&shared, &dispatcher);
                }
            }
            Response::Done { generation } => {
                let mut s = shared.borrow_mut();
                s.busy = false;
                if let (Some(next), Some(analyst)) = (s.pending.take(), &s.analyst) {
                    analyst.send(next);
                    s.busy = true;
                }
                let assembly = s.assembly.take();
                if generation != s.generation {
                    return;
                }
                let Some((_, assembly)) = assembly.filter(|(g, _)| *g == generation) else { return };
                let report = assembly.finish();
                match s.halves.as_mut().filter(|h| h.generation == generation) {
                    Some(h) => {
                        crate::ui::marks::mark("page-aligned");
                        h.report = Some(report);
                        h.passages_in = true;
                        drop(s);
                        advance(&shared, &dispatcher);
                    }
                    None => {
                        drop(s);
                        show(&shared, &dispatcher, generation, report);
                    }
                }
            }
            Response::Extracts { generation, extracts } => {
                let mut s = shared.borrow_mut();
                if let Some(h) = s.halves.as_mut().filter(|h| h.generation == generation) {
                    crate::ui::marks::mark("page-extracts");
                    h.extracts = Some(*extracts);
                    drop(s);
                    advance(&shared, &dispatcher);
                }
            }
            Response::Divergences { generation, divergences } => {
                let mut s = shared.borrow_mut();
                let Some(h) = s.halves.as_mut().filter(|h| h.generation == generation) else { return };
                match divergences {
                    Some(divergences) => {
                        crate::ui::marks::mark("page-divergences");
                        h.divergences = Some(divergences);
                        drop(s);
                        advance(&shared, &dispatcher);
                    }
                    // Asked of a worker that did not extract the facts: ask again, with them.
                    None => {
                        let (Some(asked), Some(extracts)) = (&h.asked, &h.extracts) else { return };
                        let request =
                            DivergencesRequest { facts: Some(extracts.facts.clone()), ..asked.clone() };
                        drop(s);
                        send_helper(&shared, &dispatcher, Request::Divergences(request));
                    }
                }
            }
            Response::Diffs { generation, of, ops } => {
                let mut s = shared.borrow_mut();
                let Some((shown, report)) = s.shown.clone() else { return };
                if generation != shown {
                    return;
                }
                s.asked.retain(|a| a.of != of);
                match of {
                    DiffsOf::Pair(left, right) => {
                        drop(s);
                        dispatcher.dispatch(Change::Ops(left, right, Ptr::new(ops)));
                    }
                    DiffsOf::Report => {
                        let full = Rc::new(with_ops(&report, ops));
                        s.full = Some(full.clone());
                        let waiting = std::mem::take(&mut s.waiting);
                        drop(s);
                        for callback in waiting {
                            callback.emit(full.clone());
                        }
                    }
                }
            }
        })
    }

    fn on_error(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher) -> Callback<String> {
        let (shared, dispatcher) = (shared.clone(), dispatcher.clone());
        Callback::from(move |e: String| {
            // A worker that failed is replaced by the next request (not dropped here: this
            // closure belongs to it).
            let mut s = shared.borrow_mut();
            s.broken = true;
            s.busy = false;
            s.pending = None;
            s.asked.clear();
            s.halves = None;
            drop(s);
            dispatcher.dispatch(Change::Failed(e))
        })
    }

    /// Asks the worker for the word ops `of` names in the report shown, unless already asked.
    fn ask(shared: &Rc<RefCell<Shared>>, dispatcher: &Dispatcher, of: DiffsOf) {
        let request = {
            let mut s = shared.borrow_mut();
            let Some((generation, report)) = s.shown.clone() else { return };
            if s.asked.iter().any(|a| a.of == of) {
                return;
            }
            let Some(links) = texts_of(&report, &of) else { return };
            let request = DiffsRequest { generation, of, links };
            s.asked.push(request.clone());
            request
        };
        send(shared, dispatcher, Request::Diffs(request));
    }

    /// Runs the analysis of `inputs` in the worker whenever they or `restored` change.
    #[hook]
    pub fn use_analysis(inputs: Rc<Vec<Input>>, restored: Vec<(String, usize)>) -> AnalysisHandle {
        // On a cold load with the seeds, the build's report of them answers the first request
        // (generation 1) before the worker does, so the first render already has the heatmap.
        let answer = use_mut_ref(|| {
            let first = Analyse { generation: 1, inputs: (*inputs).clone(), restored: restored.clone() };
            early::take_answer(&first).map(Ptr::new)
        });
        let answer = answer.borrow_mut().take();
        let state = use_reducer_eq(|| match &answer {
            Some(report) => {
                crate::ui::marks::mark("page-precomputed");
                AnalysisState(Rc::new(Analysis { report: Some(report.clone()), ..Analysis::default() }))
            }
            None => AnalysisState::default(),
        });
        let shared = use_mut_ref(|| Shared {
            precomputed: answer.is_some().then_some(1),
            analyst: None,
            generation: 0,
            request: None,
            busy: false,
            pending: None,
            helper: None,
            helper_broken: false,
            helper_asked: None,
            helper_queue: Vec::new(),
            halves: None,
            broken: false,
            shown: answer.map(|report| (1, report)),
            assembly: None,
            asked: Vec::new(),
            full: None,
            waiting: Vec::new(),
        });

        let start = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Rc::new(move |inputs: Vec<Input>, restored: Vec<(String, usize)>| {
                let request = {
                    let mut s = shared.borrow_mut();
                    s.generation = s.generation.wrapping_add(1);
                    let request = Analyse { generation: s.generation, inputs, restored };
                    s.request = Some(request.clone());
                    request
                };
                let documents = request.inputs.len();
                let answered = shared.borrow().precomputed == Some(request.generation);
                if let Err(e) = ensure_analyst(&shared, &dispatcher) {
                    dispatcher.dispatch(Change::Failed(e));
                    return;
                }
                // A large library is analysed by two workers at once (one core each): the
                // first aligns, the helper finds quotes and facts. The build's answer for the
                // seeds is checked against the first worker's whole report.
                let shared_work = !answered && documents >= SPLIT_MIN_DOCUMENTS;
                let generation = request.generation;
                let first = if shared_work {
                    let mut s = shared.borrow_mut();
                    if s.helper_broken {
                        s.helper = None; // not inside its own callback here: safe to drop
                        s.helper_broken = false;
                        s.helper_asked = None;
                        s.helper_queue.clear();
                    }
                    s.halves = Some(Halves {
                        generation,
                        documents,
                        passages_in: false,
                        report: None,
                        extracts: None,
                        asked: None,
                        divergences: None,
                    });
                    drop(s);
                    send_helper(&shared, &dispatcher, Request::Extract(request.clone()));
                    Request::Align(request)
                } else {
                    shared.borrow_mut().halves = None;
                    Request::Analyse(request)
                };
                {
                    let mut s = shared.borrow_mut();
                    if s.busy {
                        s.pending = Some(first);
                    } else if let Some(analyst) = &s.analyst {
                        analyst.send(first);
                        s.busy = true;
                    }
                }
                // Answered already: the worker's analysis runs without a progress bar.
                if !answered {
                    dispatcher.dispatch(Change::Started(documents));
                }
            })
        };

        use_effect_with((inputs, restored), {
            let start = start.clone();
            move |(inputs, restored)| start((**inputs).clone(), restored.clone())
        });

        let cancel = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Callback::from(move |()| {
                let resend = {
                    let mut s = shared.borrow_mut();
                    s.analyst = None; // Drop terminates the worker.
                    s.helper = None; // and the helper (a new one starts when needed)
                    (s.helper_broken, s.helper_asked, s.halves) = (false, None, None);
                    s.helper_queue.clear();
                    s.generation = s.generation.wrapping_add(1);
                    s.busy = false;
                    s.pending = None;
                    s.asked.clone()
                };
                prespawn(); // ready for "Analyse again"
                            // Word ops asked of the terminated worker are asked of its successor.
                for request in resend {
                    send(&shared, &dispatcher, Request::Diffs(request));
                }
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
        let want_ops = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Callback::from(move |(a, b): (String, String)| {
                let of = {
                    let s = shared.borrow();
                    let Some((_, report)) = &s.shown else { return };
                    let has =
                        |l: &String, r: &String| report.pairs.iter().any(|p| &p.left == l && &p.right == r);
                    if has(&a, &b) {
                        DiffsOf::Pair(a, b)
                    } else if has(&b, &a) {
                        DiffsOf::Pair(b, a)
                    } else {
                        return;
                    }
                };
                ask(&shared, &dispatcher, of);
            })
        };
        let full_report = {
            let (shared, dispatcher) = (shared.clone(), state.dispatcher());
            Callback::from(move |callback: Callback<Rc<Report>>| {
                let (full, shown) = {
                    let s = shared.borrow();
                    (s.full.clone(), s.shown.is_some())
                };
                match full {
                    Some(full) => callback.emit(full),
                    None if !shown => callback.emit(Rc::default()),
                    None => {
                        shared.borrow_mut().waiting.push(callback);
                        ask(&shared, &dispatcher, DiffsOf::Report);
                    }
                }
            })
        };
        AnalysisHandle { state: state.0.clone(), cancel, rerun, want_ops, full_report }
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
                Change::Progress(progress) => next.progress = Some(progress),
                Change::Report(report) => {
                    next.report = Some(report);
                    next.ops = Ptr::default();
                    next.progress = None;
                }
                Change::Ops(left, right, ops) => {
                    let mut all = (*next.ops).clone();
                    all.insert((left, right), ops);
                    next.ops = Ptr::new(all);
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

    fn analyse(generation: u32, inputs: Vec<Input>) -> Request {
        Request::Analyse(Analyse { generation, inputs, restored: vec![] })
    }

    #[test]
    fn an_analysis_gives_progress_then_the_direct_report_without_word_ops() {
        let request = analyse(7, seeds());
        let mut seen = Vec::new();
        let done = answer(&mut WorkerState::default(), &request, &mut |r| seen.push(r));
        assert_eq!(done, Response::Done { generation: 7 });
        let mut want = run(&seeds(), &[]);
        assert!(want.pairs.iter().flat_map(|p| &p.links).any(|l| !l.diff.is_empty()));
        for_page(&mut want);
        assert!(want.pairs.iter().flat_map(|p| &p.links).all(|l| l.diff.is_empty()));
        let progress = seen.iter().take_while(|r| matches!(r, Response::Progress { generation: 7, .. }));
        assert!(progress.count() >= STAGES.len(), "{seen:?}");
        let mut assembly = Assembly::default();
        let mut parts = 0;
        for r in seen.into_iter().skip_while(|r| matches!(r, Response::Progress { .. })) {
            match r {
                Response::Part { generation: 7, part } => assembly.add(*part),
                other => panic!("only parts after the progress: {other:?}"),
            }
            parts += 1;
        }
        assert!(parts > 1, "the seeds' report comes in {parts} parts");
        assert_eq!(assembly.finish(), want);
    }

    /// The report's parts from `answer`, put together.
    fn assembled(state: &mut WorkerState, request: &Request) -> Report {
        let mut assembly = Assembly::default();
        let done = answer(state, request, &mut |r| {
            if let Response::Part { part, .. } = r {
                assembly.add(*part)
            }
        });
        assert!(matches!(done, Response::Done { .. }), "{done:?}");
        assembly.finish()
    }

    #[test]
    fn two_workers_sharing_an_analysis_give_the_report_of_one() {
        let inputs = crate::engine::synth::corpus(&crate::engine::synth::SynthConfig {
            documents: 20,
            ..crate::engine::synth::SynthConfig::default()
        });
        for inputs in [seeds(), inputs] {
            let a = Analyse { generation: 3, inputs, restored: vec![(SEEDS[0].name.to_string(), 1)] };
            let whole = assembled(&mut WorkerState::default(), &Request::Analyse(a.clone()));
            assert!(!whole.quotes.is_empty() && !whole.facts.items.is_empty());
            // The first worker: the report without quotes and facts.
            let report = assembled(&mut WorkerState::default(), &Request::Align(a.clone()));
            assert!(report.quotes.is_empty() && report.facts == Facts::default());
            // The second: the extracts, then the divergences of the facts it kept.
            let mut helper = WorkerState::default();
            let Response::Extracts { generation: 3, extracts } =
                answer(&mut helper, &Request::Extract(a.clone()), &mut |r| panic!("{r:?}"))
            else {
                panic!("extracts expected")
            };
            let n = report.documents.len();
            let asked = |facts| Request::Divergences(divergences_request(3, &report.passages, n, facts));
            let Response::Divergences { generation: 3, divergences: Some(divergences) } =
                answer(&mut helper, &asked(None), &mut |r| panic!("{r:?}"))
            else {
                panic!("divergences expected")
            };
            // A worker that did not extract them says so, and answers the same given the facts.
            let mut other = WorkerState::default();
            let none = answer(&mut other, &asked(None), &mut |r| panic!("{r:?}"));
            assert_eq!(none, Response::Divergences { generation: 3, divergences: None });
            let given = answer(&mut other, &asked(Some(&*extracts)), &mut |r| panic!("{r:?}"));
            assert_eq!(
                given,
                Response::Divergences { generation: 3, divergences: Some(divergences.clone()) }
            );
            // A later generation's request does not take the kept facts of generation 3.
            let later = Request::Divergences(divergences_request(4, &report.passages, n, None));
            assert!(matches!(
                answer(&mut helper, &later, &mut |r| panic!("{r:?}")),
                Response::Divergences { divergences: None, .. }
            ));
            assert_eq!(complete(report, *extracts, divergences), whole);
        }
    }

    #[test]
    fn a_large_report_comes_in_parts_of_bounded_size_that_add_up() {
        let inputs = crate::engine::synth::corpus(&crate::engine::synth::SynthConfig {
            documents: 30,
            ..crate::engine::synth::SynthConfig::default()
        });
        let report = run(&inputs, &[]);
        let parts = split(report.clone());
        let sizes: Vec<u64> = parts.iter().map(|p| bincode::serialized_size(p).expect("size")).collect();
        let whole = bincode::serialized_size(&report).expect("size");
        assert!(parts.len() as u64 >= whole / PART_BYTES, "{} parts of {whole} bytes", parts.len());
        assert!(sizes.iter().all(|&s| s < 2 * PART_BYTES + 100_000), "{sizes:?}");
        let mut assembly = Assembly::default();
        for part in parts {
            assembly.add(part);
        }
        assert_eq!(assembly.finish(), report);
        assert_eq!(split(Report::default()).len(), 1, "an empty report is its head");
    }

    /// The page gets the word ops back from the sentences' text alone: the same ops as the
    /// analysis, for one pair and for the whole report.
    fn word_ops_come_back_the_same(inputs: &[Input]) {
        let full = run(inputs, &[]);
        let mut page = full.clone();
        for_page(&mut page);
        let mut worker = WorkerState::default();
        let mut ask = |generation, of: DiffsOf| {
            let links = texts_of(&page, &of).expect("the pair is in the report");
            let request = Request::Diffs(DiffsRequest { generation, of: of.clone(), links });
            match answer(&mut worker, &request, &mut |r| panic!("no progress for diffs: {r:?}")) {
                Response::Diffs { generation: g, of: back, ops } if g == generation && back == of => ops,
                other => panic!("unexpected {other:?}"),
            }
        };
        let all = ask(4, DiffsOf::Report);
        assert_eq!(with_ops(&page, all), full, "the full report again");
        let busiest = full.pairs.iter().max_by_key(|p| p.links.len()).expect("a pair");
        let ops = ask(5, DiffsOf::Pair(busiest.left.clone(), busiest.right.clone()));
        let page_pair = page.pairs.iter().find(|p| p.left == busiest.left && p.right == busiest.right);
        assert_eq!(&with_pair_ops(page_pair.expect("the pair"), &ops), busiest);
        assert!(!busiest.links.is_empty());
        assert_eq!(
            texts_of(&page, &DiffsOf::Pair(busiest.right.clone(), busiest.left.clone())),
            None,
            "report order only"
        );
    }

    #[test]
    fn word_ops_come_back_the_same_for_the_seeds() {
        word_ops_come_back_the_same(&seeds());
    }

    #[test]
    fn word_ops_come_back_the_same_for_a_synthetic_corpus() {
        let inputs = crate::engine::synth::corpus(&crate::engine::synth::SynthConfig {
            documents: 12,
            ..crate::engine::synth::SynthConfig::default()
        });
        word_ops_come_back_the_same(&inputs);
    }

    #[test]
    fn messages_survive_bincode_inside_the_gloo_envelope() {
        let request = Request::Analyse(Analyse {
            generation: 3,
            inputs: seeds()[..2].to_vec(),
            restored: vec![("a".into(), 2)],
        });
        // The page writes gloo's ToWorker::ProcessInput(handler, input): variant 1, then a u64, then the input.
        let bytes = bincode::serialize(&ToWorker::ProcessInput(0, &request)).expect("serializes");
        assert_eq!(&bytes[..4], &1u32.to_le_bytes());
        assert_eq!(bincode::deserialize::<Request>(&bytes[12..]).expect("decodes"), request);
        // The two workers' requests, appended after the first two so those keep their bytes.
        let Request::Analyse(a) = &request else { unreachable!() };
        let facts = run(&seeds(), &[]).facts.items;
        for shared in [
            Request::Align(a.clone()),
            Request::Extract(a.clone()),
            Request::Divergences(DivergencesRequest {
                generation: 3,
                facts: None,
                passages: vec![],
                documents: 2,
            }),
            Request::Divergences(DivergencesRequest {
                generation: 3,
                facts: Some(facts),
                passages: vec![vec![("a".into(), "a#s0".into())]],
                documents: 2,
            }),
        ] {
            let bytes = bincode::serialize(&ToWorker::ProcessInput(0, &shared)).expect("serializes");
            assert_eq!(bincode::deserialize::<Request>(&bytes[12..]).expect("decodes"), shared);
        }

        // The worker writes FromWorker::ProcessOutput(handler, output): variant 1, a u64, the output.
        let report = run(&seeds()[..2], &[("a".into(), 2)]);
        let pair = &report.pairs[0];
        let of = DiffsOf::Pair(pair.left.clone(), pair.right.clone());
        let ops = pair.links.iter().map(|l| l.diff.clone()).collect();
        for response in [
            Response::Part { generation: 3, part: Box::new(split(report.clone()).remove(1)) },
            Response::Done { generation: 3 },
            Response::Diffs { generation: 3, of, ops },
            Response::Extracts {
                generation: 3,
                extracts: Box::new(Extracts {
                    quotes: report.quotes.clone(),
                    facts: report.facts.items.clone(),
                }),
            },
            Response::Divergences { generation: 3, divergences: Some(report.facts.divergences.clone()) },
            Response::Divergences { generation: 3, divergences: None },
        ] {
            let mut wire = 1u32.to_le_bytes().to_vec();
            wire.extend(5u64.to_le_bytes());
            wire.extend(bincode::serialize(&response).expect("serializes"));
            match bincode::deserialize::<FromWorker>(&wire).expect("decodes") {
                FromWorker::ProcessOutput(5, back) => assert_eq!(back, response),
                other => panic!("unexpected {other:?}"),
            }
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
