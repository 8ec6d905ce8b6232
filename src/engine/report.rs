//! The serde types every front end renders. (Filled in by Engine II.)

use serde::{Deserialize, Serialize};

/// The single contract between the engine and its front ends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {}
