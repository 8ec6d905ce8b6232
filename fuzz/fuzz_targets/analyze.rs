//! The whole pipeline on 1–4 documents cut from the fuzz input at 0xFF bytes. An input of odd
//! length gives every document the same id, to exercise the duplicate-id path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::engine::{analyze, Config, Input};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let same_id = data.len() % 2 == 1;
    let inputs: Vec<Input> = common::pieces(data, 4)
        .into_iter()
        .enumerate()
        .map(|(k, bytes)| Input {
            id: if same_id { "doc".to_string() } else { format!("doc{k}") },
            text: common::text(bytes).into_owned(),
        })
        .collect();
    let report = analyze(&inputs, &Config::default());
    assert_eq!(report.documents.len(), inputs.len());
    serde_json::to_string(&report).expect("the report serializes");
});
