//! Why two sentences are linked: kind, score, wording shares, the words that matched and how,
//! the figures or names that differ, and the inline word diff.

use yew::prelude::*;

use crate::ui::format::fixed;

use super::kinds::{link_help, link_label, op_label};
use super::word_diff::WordDiff;
use crate::engine::report::{Link, OpKind};

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub link: Option<Link>,
    pub left: String,
    pub right: String,
}

#[function_component(Explain)]
pub fn explain(props: &ExplainProps) -> Html {
    let Some(l) = &props.link else {
        return html! {
            <aside class="explain empty" aria-live="polite">
                { "Focus or point at a link to see why it was made: the words that matched, how, and what differs." }
            </aside>
        };
    };
    let piece =
        |p: &Option<crate::engine::report::Piece>| p.as_ref().map_or(String::new(), |p| p.text.clone());
    let same: Vec<String> =
        l.diff.iter().filter(|o| o.kind == OpKind::Equal).map(|o| piece(&o.left)).collect();
    let matched: Vec<Html> = l
        .diff
        .iter()
        .filter(|o| matches!(o.kind, OpKind::Inflection | OpKind::Synonym | OpKind::Variant | OpKind::Moved))
        .map(|o| html! {
            <li><span class={classes!("op", format!("op-{}", o.kind.as_str()), "soft")} data-op={o.kind.as_str()}>
                { format!("{} ↔ {}", piece(&o.left), piece(&o.right)) }</span>{ format!(" — {}", op_label(o.kind)) }</li>
        })
        .collect();
    html! {
        <aside class="explain" aria-live="polite">
            <h3 class="explain-title">
                { format!("{} ({}), score {}", link_label(l.kind), link_help(l.kind), fixed(f64::from(l.score), 2)) }
            </h3>
            <p class="explain-summary">{ format!("{}. {}% of the {} side is found in the {} side, {}% the other way.",
                l.summary.display, fixed(f64::from(l.left_in_right) * 100.0, 0), props.left, props.right, fixed(f64::from(l.right_in_left) * 100.0, 0)) }</p>
            <div class="explain-grid">
                <div>
                    <h4>{ "Matched words" }</h4>
                    if same.is_empty() && matched.is_empty() { <p>{ "None word for word." }</p> }
                    if !same.is_empty() { <p><span class="label">{ "same: " }</span>{ same.join(" · ") }</p> }
                    if !matched.is_empty() { <ul class="matched">{ for matched }</ul> }
                </div>
                <div>
                    <h4>{ "Figures that differ" }</h4>
                    if l.conflicts.is_empty() { <p>{ "None." }</p> } else {
                        <ul class="conflicts">
                            { for l.conflicts.iter().map(|c| html! { <li><strong>{ c.left.clone() }</strong>{ " ≠ " }<strong>{ c.right.clone() }</strong></li> }) }
                        </ul>
                    }
                </div>
            </div>
            <h4>{ "Word diff" }</h4>
            <WordDiff ops={l.diff.clone()} />
        </aside>
    }
}
