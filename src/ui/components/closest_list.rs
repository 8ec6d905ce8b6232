//! Each document's closest match in a large library: the document that holds most of it, with
//! the share, as a button that opens the pair. One row per document, sortable by share or
//! kept in library order; the keyboard's way into the heatmap picture.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::format::fixed;

use crate::engine::report::Report;
use crate::ui::heat::{closest, level};
use crate::ui::ptr::Ptr;
use crate::ui::route::Route;
use crate::ui::state::{Action, Label};

#[derive(Properties, PartialEq)]
pub struct ClosestListProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub on_action: Callback<Action>,
}

#[function_component(ClosestList)]
pub fn closest_list(props: &ClosestListProps) -> Html {
    let by_share = use_state_eq(|| true);
    let n = props.labels.len().min(props.report.documents.len());
    let best = use_memo(props.report.clone(), |r| closest(&r.derivation.containment));
    let mut order: Vec<usize> = (0..n).collect();
    if *by_share {
        order.sort_unstable_by(|&a, &b| {
            let share = |k: usize| best.get(k).copied().flatten().map_or(-1.0, |(_, v)| v);
            share(b).total_cmp(&share(a)).then(a.cmp(&b))
        });
    }
    let sort = |share: bool, text: &str| {
        let set = by_share.clone();
        html! {
            <button type="button" class="sort" aria-pressed={(*by_share == share).to_string()}
                onclick={Callback::from(move |_: MouseEvent| set.set(share))}>{ text.to_string() }</button>
        }
    };
    let labels = &props.labels;
    let row = |a: usize| {
        let cell = match best.get(a).copied().flatten() {
            Some((b, v)) => {
                let route =
                    Route::Pair { left: labels[a].id.clone(), right: labels[b].id.clone(), passage: None };
                let onclick = props.on_action.reform(move |_: MouseEvent| Action::Navigate(route.clone()));
                html! {
                    <button type="button" class="closest-open" style={format!("--level: {}", fixed(f64::from(level(v)), 3))}
                        data-row={labels[a].id.clone()} data-col={labels[b].id.clone()} {onclick}
                        title={format!("{}% of {} is found in {}. Open the pair.", fixed(f64::from(v) * 100.0, 1), labels[a].short, labels[b].short)}>
                        <span class="closest-share">{ format!("{}%", fixed(f64::from(v) * 100.0, 0)) }</span>
                        { format!(" in {}. {}", b + 1, labels[b].short) }
                    </button>
                }
            }
            None => html! { <span class="hint">{ "compared with no other" }</span> },
        };
        html! {
            <tr data-doc={labels[a].id.clone()}>
                <th scope="row" title={labels[a].title.clone()}>{ format!("{}. {}", a + 1, labels[a].short) }</th>
                <td>{ cell }</td>
            </tr>
        }
    };
    html! {
        <div class="closest">
            <div class="closest-head">
                <h4 class="closest-title" id="closest-title">{ "Where each document is most found" }</h4>
                <div class="closest-sort" role="group" aria-label="Sort">
                    { sort(true, "Largest share first") }{ sort(false, "Library order") }
                </div>
            </div>
            <div class="closest-scroll">
                <table class="closest-table" aria-labelledby="closest-title">
                    <thead><tr><th scope="col">{ "Document" }</th><th scope="col">{ "Most of it is found in" }</th></tr></thead>
                    <tbody>{ for order.into_iter().map(row) }</tbody>
                </table>
            </div>
        </div>
    }
}
