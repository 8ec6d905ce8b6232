//! One side of a link: its sentences with the word operations marked. Synonym swaps,
//! inflections and variants get soft underlines; changed, added and dropped words get strong
//! marks; each mark carries its meaning in a title and a `data-op` attribute.

use yew::prelude::*;

use super::kinds::{op_is_soft, op_label};
use crate::engine::report::{OpKind, WordOp};
use crate::ui::markup::runs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    /// The side's sentences, one per part.
    pub texts: Vec<String>,
    pub ops: Vec<WordOp>,
    pub side: Side,
}

/// The title of an operation: "synonym swap: reduce → scale back".
pub fn op_title(op: &WordOp) -> String {
    let text =
        |p: &Option<crate::engine::report::Piece>| p.as_ref().map_or("", |p| p.text.as_str()).to_string();
    match op.kind {
        OpKind::Inserted => format!("added: {}", text(&op.right)),
        OpKind::Deleted => format!("dropped: {}", text(&op.left)),
        k => format!("{}: {} → {}", op_label(k), text(&op.left), text(&op.right)),
    }
}

#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let side = props.side;
    html! {
        <span class="sentence" dir="auto">
            { for props.texts.iter().enumerate().map(|(part, text)| {
                let spans: Vec<(usize, usize, usize)> = props.ops.iter().enumerate().filter(|(_, op)| op.kind != OpKind::Equal)
                    .filter_map(|(k, op)| {
                        let piece = if side == Side::Left { op.left.as_ref() } else { op.right.as_ref() }?;
                        (piece.part == part).then_some((piece.start, piece.end, k))
                    })
                    .collect();
                html! {
                    <>
                        if part > 0 { { " " } }
                        { for runs(text, &spans).into_iter().map(|run| match run.tag {
                            None => html! { { run.text.to_string() } },
                            Some(k) => {
                                let op = &props.ops[k];
                                let strength = if op_is_soft(op.kind) { "soft" } else { "strong" };
                                html! {
                                    <span class={classes!("op", format!("op-{}", op.kind.as_str()), strength)}
                                        data-op={op.kind.as_str()} title={op_title(op)}>{ run.text.to_string() }</span>
                                }
                            }
                        }) }
                    </>
                }
            }) }
        </span>
    }
}
