//! The containment heatmap: cell (row, column) is the share of the row's document found in the
//! column's. Up to [`TABLE_MAX_DOCUMENTS`] every cell is a button with its percentage as text;
//! it opens that pair, and the table is one Tab stop whose cells the arrow keys move between
//! (roving tabindex: 25 Tab stops were too many to reach what follows). Above it the matrix
//! is a picture ([`HeatCanvas`]) beside each document's closest match ([`ClosestList`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::ui::format::fixed;

use super::closest_list::ClosestList;
use super::heat_canvas::HeatCanvas;
use crate::engine::report::Report;
use crate::ui::heat::{level, step, TABLE_MAX_DOCUMENTS};
use crate::ui::ptr::Ptr;
use crate::ui::route::Route;
use crate::ui::state::{Action, Label};

#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub on_action: Callback<Action>,
}

#[function_component(Heatmap)]
pub fn heatmap(props: &HeatmapProps) -> Html {
    let r = &props.report;
    let labels = &props.labels;
    // The cell that takes the focus when Tab enters the table (roving tabindex).
    let active = use_state_eq(|| (0usize, 0usize));
    let n = labels.len().min(r.documents.len());
    let onkeydown = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (row, col) = *active;
            let Some((row, col)) = step(row, col, &e.key(), n) else { return };
            e.prevent_default();
            active.set((row, col));
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let table = target.and_then(|t| t.closest("table").ok().flatten());
            let button =
                table.and_then(|t| t.query_selector(&format!("[data-cell=\"{row}-{col}\"]")).ok().flatten());
            if let Some(button) = button.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                let _ = button.focus();
            }
        })
    };
    let cell = |a: usize, b: usize| -> Html {
        let (row, col) = (&labels[a], &labels[b]);
        // A library that shrank leaves the remembered cell out of the table: clamp it.
        let last = n.saturating_sub(1);
        let tabindex = if (active.0.min(last), active.1.min(last)) == (a, b) { "0" } else { "-1" };
        let onfocus = {
            let active = active.clone();
            Callback::from(move |_: FocusEvent| active.set((a, b)))
        };
        let data_cell = format!("{a}-{b}");
        if a == b {
            let id: Rc<str> = row.id.as_str().into();
            let onclick = props.on_action.reform(move |_: MouseEvent| Action::ToggleOpen(id.clone()));
            return html! {
                <td><button type="button" class="cell self" {onclick} {onfocus} {tabindex} data-cell={data_cell}
                    title={format!("{}: the document itself. Click to show its text in the library.", row.short)}>{ "100%" }</button></td>
            };
        }
        let value = r.derivation.containment.get(a).and_then(|row| row.get(b)).copied().flatten();
        let (text, level, title) = match value {
            Some(v) => (
                format!("{}%", fixed(f64::from(v) * 100.0, 0)),
                level(v),
                format!(
                    "{}% of {} is found in {}. Open the pair.",
                    fixed(f64::from(v) * 100.0, 1),
                    row.short,
                    col.short
                ),
            ),
            None => (
                "n/c".into(),
                0.0,
                format!(
                    "{} and {} were not compared (large set: nearest neighbours only)",
                    row.short, col.short
                ),
            ),
        };
        let route = Route::Pair { left: row.id.clone(), right: col.id.clone(), passage: None };
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Navigate(route.clone()));
        html! {
            <td>
                <button type="button" class={classes!("cell", (level > 0.6).then_some("strong"))}
                    style={format!("--level: {}", fixed(f64::from(level), 3))} {title} {onclick} {onfocus} {tabindex}
                    data-cell={data_cell} data-row={row.id.clone()} data-col={col.id.clone()}>{ text }</button>
            </td>
        }
    };
    if n > TABLE_MAX_DOCUMENTS {
        return html! {
            <figure class="heatmap-figure large" data-documents={n.to_string()}>
                <figcaption>
                    <h3 class="section-title">{ "How much of each document is found in the others" }</h3>
                    <p class="hint">{ format!("{n} documents: one dot per pair, darker where more of the row’s document is found in the column’s. Click a dot, or a closest match below, to compare the two.") }</p>
                </figcaption>
                <HeatCanvas report={props.report.clone()} labels={props.labels.clone()} on_action={props.on_action.clone()} />
                <ClosestList report={props.report.clone()} labels={props.labels.clone()} on_action={props.on_action.clone()} />
            </figure>
        };
    }
    html! {
        <figure class="heatmap-figure" data-documents={n.to_string()}>            <figcaption>
                <h3 class="section-title">{ "How much of each document is found in the others" }</h3>
                <p class="hint">{ "Row’s document found in the column’s. Click a cell to compare the two, or Tab to the table, move with the arrow keys and press Enter." }</p>
            </figcaption>
            <div class="heatmap-scroll">
                <table class="heatmap" {onkeydown}>
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{ "Document" }</span></th>
                            { for labels.iter().take(n).map(|l| html! { <th scope="col" title={l.title.clone()}><span>{ l.short.clone() }</span></th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for (0..n).map(|a| html! {
                            <tr>
                                <th scope="row" title={labels[a].title.clone()}>{ labels[a].short.clone() }</th>
                                { for (0..n).map(|b| cell(a, b)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
