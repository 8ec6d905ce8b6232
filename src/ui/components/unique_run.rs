//! A run of sentences found on one side only. Short runs show in full; a run of three or more
//! folds into one row that says how many and where, and opens on demand. A folded run's rows
//! stay in the page, `hidden`, so that printing shows them (`@media print` in app.css), unless
//! there are more than [`HIDDEN_AT_MOST`].

use yew::prelude::*;

use crate::ui::format::{count, thousands};

/// One unlinked sentence: which side, its 1-based position, its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Lone {
    pub left: bool,
    pub pos: usize,
    pub text: String,
}

#[derive(Properties, PartialEq)]
pub struct UniqueRunProps {
    pub items: Vec<Lone>,
    pub left_name: String,
    pub right_name: String,
}

/// Runs shorter than this are never folded.
const FOLD_AT: usize = 3;

/// A folded run longer than this keeps no hidden rows in the page (a 1.9 MB document's 35,420
/// took 1.4 s to render); printed, it shows as its fold.
const HIDDEN_AT_MOST: usize = 500;

#[function_component(UniqueRun)]
pub fn unique_run(props: &UniqueRunProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let (l, r) =
        (props.items.iter().filter(|i| i.left).count(), props.items.iter().filter(|i| !i.left).count());
    let mut parts = Vec::new();
    if l > 0 {
        parts.push(format!("{} only in {}", thousands(l), props.left_name));
    }
    if r > 0 {
        parts.push(format!("{} only in {}", thousands(r), props.right_name));
    }
    let folded = props.items.len() >= FOLD_AT && !*open;
    let in_page = *open || props.items.len() <= HIDDEN_AT_MOST;
    let row = |i: &Lone| {
        let side = if i.left { "left" } else { "right" };
        html! {
            <li class={classes!("row", "unique-row", format!("unique-{side}"))} hidden={folded}>
                if !i.left { <div class="col left gap" aria-hidden="true"></div><div class="mid"></div> }
                <div class={classes!("col", side, "unique")}>
                    <span class="pos">{ format!("{}{}", if i.left { "L" } else { "R" }, i.pos) }</span>
                    <span class="chip unique-chip">{ "only here" }</span>
                    <span class="sentence" dir="auto">{ i.text.clone() }</span>
                </div>
                if i.left { <div class="mid"></div><div class="col right gap" aria-hidden="true"></div> }
            </li>
        }
    };
    if props.items.len() < FOLD_AT {
        return html! { <>{ for props.items.iter().map(row) }</> };
    }
    html! {
        <>
            <li class={classes!("row", "fold-row", in_page.then_some("printed"))}>
                <button type="button" class="fold" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { "▾ " } else { "▸ " } }{ format!("{} on one side only: {}", count(props.items.len(), "sentence", "sentences"), parts.join(", ")) }
                </button>
            </li>
            if in_page { { for props.items.iter().map(row) } }
        </>
    }
}
