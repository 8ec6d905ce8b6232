//! What the web app does with a large library, against one analysis: 1–4 documents cut from
//! the fuzz input at 0xFF bytes; the first worker aligns them after an earlier library (the
//! documents but the first, so its cache is warm), a second worker finds the quotes and
//! facts and their divergences; the shares put together must be the report of one fresh
//! analysis, byte for byte once serialized.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::report::Report;
use wirediff::engine::Input;
use wirediff::ui::analysis::{
    answer, complete, divergences_request, Analyse, Assembly, Request, Response, WorkerState,
};

#[path = "common.rs"]
mod common;

fn assembled(state: &mut WorkerState, request: &Request) -> Report {
    let mut assembly = Assembly::default();
    answer(state, request, &mut |r| {
        if let Response::Part { part, .. } = r {
            assembly.add(*part)
        }
    });
    assembly.finish()
}

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<Input> = common::pieces(data, 4)
        .into_iter()
        .enumerate()
        .map(|(k, bytes)| Input { id: format!("doc{}", k % 3), text: common::text(bytes).into_owned() })
        .collect();
    // An odd length restores the first document's second line.
    let restored = if data.len() % 2 == 1 { vec![("doc0".to_string(), 2)] } else { vec![] };
    let now = Analyse { generation: 2, inputs: inputs.clone(), restored: restored.clone() };
    let whole = assembled(&mut WorkerState::default(), &Request::Analyse(now.clone()));
    let old = Analyse { generation: 1, inputs: inputs[1..].to_vec(), restored };
    let mut first = WorkerState::default();
    assembled(&mut first, &Request::Align(old.clone()));
    let report = assembled(&mut first, &Request::Align(now.clone()));
    let mut helper = WorkerState::default();
    answer(&mut helper, &Request::Extract(old), &mut |_| {});
    let Response::Extracts { extracts, .. } = answer(&mut helper, &Request::Extract(now), &mut |_| {}) else {
        panic!("extracts expected")
    };
    let asked = divergences_request(2, &report.passages, report.documents.len(), None);
    let Response::Divergences { divergences: Some(divergences), .. } =
        answer(&mut helper, &Request::Divergences(asked), &mut |_| {})
    else {
        panic!("the helper kept this generation's facts")
    };
    let shared = complete(report, *extracts, divergences);
    assert_eq!(
        serde_json::to_string(&shared).expect("serializes"),
        serde_json::to_string(&whole).expect("serializes")
    );
});
