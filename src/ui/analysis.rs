//! The one place the app runs the engine. It runs on the main thread for now; a web worker
//! can replace this function without the views noticing (they only see the `Report`).

use crate::engine::report::Report;
use crate::engine::{analyze, Config, Input};

/// The report for `inputs`, with the user's restored lines kept.
pub fn run(inputs: &[Input], restored: &[(String, usize)]) -> Report {
    let mut config = Config::default();
    config.report.restored = restored.to_vec();
    analyze(inputs, &config)
}
