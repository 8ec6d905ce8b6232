//! One link of the pair view: both sides with their word operations marked, the kind as a
//! labelled chip, position badges (L3 → R7) and a "moved" badge when it breaks reading order.

use yew::prelude::*;

use super::kinds::{link_class, link_glyph, link_help, link_label};
use super::marked_text::{MarkedText, Side};
use crate::engine::report::Link;

#[derive(Properties, PartialEq)]
pub struct LinkRowProps {
    pub link: Link,
    pub index: usize,
    pub moved: bool,
    pub active: bool,
    /// 1-based sentence numbers on each side.
    pub left_pos: Vec<usize>,
    pub right_pos: Vec<usize>,
    /// The sentences' text, one per part.
    pub left_texts: Vec<String>,
    pub right_texts: Vec<String>,
    pub in_passage: bool,
    /// An element id, for scrolling to a passage.
    pub anchor: Option<&'static str>,
    /// Asks to explain this link; carries its index.
    pub on_activate: Callback<usize>,
}

fn positions(prefix: &str, pos: &[usize]) -> String {
    match (pos.first(), pos.last()) {
        (Some(a), Some(b)) if a != b => format!("{prefix}{a}–{b}"),
        (Some(a), _) => format!("{prefix}{a}"),
        _ => String::new(),
    }
}

#[function_component(LinkRow)]
pub fn link_row(props: &LinkRowProps) -> Html {
    let l = &props.link;
    let k = props.index;
    let activate = props.on_activate.reform(move |_: FocusEvent| k);
    let hover = props.on_activate.reform(move |_: MouseEvent| k);
    let conflicts = !l.conflicts.is_empty();
    let label = format!(
        "{} link{}, {} to {}: {}{}",
        link_label(l.kind),
        if props.moved { ", moved" } else { "" },
        positions("left sentence ", &props.left_pos),
        positions("right sentence ", &props.right_pos),
        l.summary.display,
        if conflicts { ", a figure differs" } else { "" }
    );
    html! {
        <li class={classes!("row", "link-row", link_class(l.kind), props.moved.then_some("moved"), props.active.then_some("active"),
                props.in_passage.then_some("in-passage"))}
            id={props.anchor} tabindex="0" aria-label={label} data-kind={l.kind.as_str()}
            onfocus={activate} onmouseenter={hover}>
            <div class="col left">
                <span class="pos">{ positions("L", &props.left_pos) }</span>
                <MarkedText texts={props.left_texts.clone()} ops={l.diff.clone()} side={Side::Left} />
            </div>
            <div class="mid">
                <span class={classes!("chip", "kind-chip", link_class(l.kind))} title={link_help(l.kind)}>
                    <span aria-hidden="true">{ link_glyph(l.kind) }</span>{ " " }{ link_label(l.kind) }
                </span>
                if props.moved {
                    <span class="chip moved-chip" title="The right side sits elsewhere in its article: the order was changed">
                        { "↕ moved" }
                    </span>
                }
                if conflicts {
                    <span class="chip conflict-chip" title="A figure of the same kind differs between the two sides">{ "≠ differs" }</span>
                }
                <span class="summary">{ l.summary.display.clone() }</span>
            </div>
            <div class="col right">
                <span class="pos">{ positions("R", &props.right_pos) }</span>
                <MarkedText texts={props.right_texts.clone()} ops={l.diff.clone()} side={Side::Right} />
            </div>
        </li>
    }
}
