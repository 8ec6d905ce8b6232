//! A link's word diff inline, in left reading order: kept words plain, synonym swaps,
//! inflections and variants as "old → new" in a soft style, real changes struck and inserted.

use yew::prelude::*;

use super::kinds::op_label;
use super::marked_text::op_title;
use crate::engine::report::{OpKind, WordOp};

#[derive(Properties, PartialEq)]
pub struct WordDiffProps {
    pub ops: Vec<WordOp>,
}

#[function_component(WordDiff)]
pub fn word_diff(props: &WordDiffProps) -> Html {
    let text =
        |p: &Option<crate::engine::report::Piece>| p.as_ref().map_or(String::new(), |p| p.text.clone());
    html! {
        <p class="word-diff">
            { for props.ops.iter().enumerate().map(|(k, op)| {
                let sep = if k > 0 { " " } else { "" };
                let title = op_title(op);
                let kind = op.kind.as_str();
                let body = match op.kind {
                    OpKind::Equal => html! { { text(&op.left) } },
                    OpKind::Inflection | OpKind::Synonym | OpKind::Variant => html! {
                        <span class={classes!("op", format!("op-{kind}"), "soft")} data-op={kind} {title}>
                            <span class="was">{ text(&op.left) }</span>
                            <span class="arrow" aria-label={op_label(op.kind)}>{ "→" }</span>
                            <span class="now">{ text(&op.right) }</span>
                        </span>
                    },
                    OpKind::Changed => html! {
                        <span class="op op-changed strong" data-op={kind} {title}>
                            <del>{ text(&op.left) }</del><ins>{ text(&op.right) }</ins>
                        </span>
                    },
                    OpKind::Deleted => html! { <del class="op op-deleted strong" data-op={kind} {title}>{ text(&op.left) }</del> },
                    OpKind::Inserted => html! { <ins class="op op-inserted strong" data-op={kind} {title}>{ text(&op.right) }</ins> },
                    OpKind::Moved => html! { <span class="op op-moved soft" data-op={kind} {title}>{ text(&op.left) }</span> },
                };
                html! { <>{ sep }{ body }</> }
            }) }
        </p>
    }
}
