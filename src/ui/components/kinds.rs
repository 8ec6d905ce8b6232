//! Names, classes and glyphs for link kinds and word operations, so colour is never the only
//! carrier of meaning: every kind also has a label and a border or underline pattern.

use crate::engine::report::{LinkKind, OpKind};

pub const LINK_KINDS: [LinkKind; 4] =
    [LinkKind::Verbatim, LinkKind::Edited, LinkKind::Paraphrase, LinkKind::Partial];

/// The label a reader sees for a link kind.
pub fn link_label(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Verbatim => "Verbatim",
        LinkKind::Edited => "Edited",
        LinkKind::Paraphrase => "Reworded",
        LinkKind::Partial => "Partly shared",
    }
}

/// What a link kind means, for title attributes and the legend.
pub fn link_help(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Verbatim => "copied word for word",
        LinkKind::Edited => "the same words in the same order, lightly edited",
        LinkKind::Paraphrase => "the same content in other words",
        LinkKind::Partial => "shares one clause or claim; the rest differs",
    }
}

pub fn link_glyph(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Verbatim => "=",
        LinkKind::Edited => "≈",
        LinkKind::Paraphrase => "~",
        LinkKind::Partial => "∩",
    }
}

/// The CSS class of a link kind: `kind-verbatim` and so on.
pub fn link_class(kind: LinkKind) -> String {
    format!("kind-{}", kind.as_str())
}

/// How a word operation is named in titles and explanations.
pub fn op_label(kind: OpKind) -> &'static str {
    match kind {
        OpKind::Equal => "same words",
        OpKind::Inflection => "inflection",
        OpKind::Synonym => "synonym swap",
        OpKind::Variant => "variant spelling or format",
        OpKind::Changed => "changed",
        OpKind::Inserted => "added",
        OpKind::Deleted => "dropped",
        // A move pairs related words, not only equal ones ("devised" ↔ "drafted").
        OpKind::Moved => "moved (same or related word)",
    }
}

/// Whether an operation keeps the meaning (styled softly) or changes the wording.
pub fn op_is_soft(kind: OpKind) -> bool {
    matches!(kind, OpKind::Equal | OpKind::Inflection | OpKind::Synonym | OpKind::Variant | OpKind::Moved)
}
