//! Facts: the divergences between outlets first (figures that differ, figures only one outlet
//! gives), then the figures, dates, names and credit lines ("told The Post") each outlet gives.

use std::rc::Rc;

use yew::prelude::*;

use std::collections::HashSet;

use crate::engine::credits::credit_lines;
use crate::engine::facts::{DivergenceKind, FactKind};
use crate::engine::report::Report;
use crate::ui::format::{divergence_line, thousands, unit_name};
use crate::ui::ptr::Ptr;
use crate::ui::state::Label;

/// How many divergences of a list, and figures or names of an outlet, are drawn at first and
/// per "show more": a 1.9 MB document gave 55,787 of them, 8 s of rendering in one task.
pub const SHOWN: usize = 200;

/// One row of the "By outlet" table: a document's figures and dates, names and credit lines.
struct OutletFacts<'a> {
    id: &'a str,
    figures: Vec<String>,
    names: Vec<String>,
    credits: Vec<String>,
}

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
}

#[function_component(FactsView)]
pub fn facts_view(props: &FactsProps) -> Html {
    // How many of each long list are drawn (see [`SHOWN`]); a new report starts over.
    let shown_different = use_state_eq(|| SHOWN);
    let shown_only = use_state_eq(|| SHOWN);
    let shown_values = use_state_eq(|| SHOWN);
    {
        let (a, b, c) = (shown_different.clone(), shown_only.clone(), shown_values.clone());
        use_effect_with(props.report.clone(), move |_| [a, b, c].iter().for_each(|s| s.set(SHOWN)));
    }
    let more = |state: &UseStateHandle<usize>, total: usize, what: &str| -> Html {
        if total <= **state {
            return html! {};
        }
        let state = state.clone();
        let left = total - *state;
        html! {
            <button type="button" class="link show-more" onclick={Callback::from(move |_: MouseEvent| state.set(*state + SHOWN))}>
                { format!("Show {} more {what} ({} not shown)", thousands(SHOWN.min(left)), thousands(left)) }
            </button>
        }
    };
    let r = &props.report;
    let name =
        |id: &str| props.labels.iter().find(|l| l.id == id).map_or(id.to_string(), |l| l.short.clone());
    // Each outlet's values once each, in text order.
    let values = |doc: &str, kinds: &[FactKind]| -> Vec<String> {
        let mut seen: HashSet<&str> = HashSet::new();
        r.facts
            .items
            .iter()
            .filter(|f| f.doc == doc && kinds.contains(&f.kind) && seen.insert(&f.label))
            .map(|f| f.label.clone())
            .collect()
    };
    // Per outlet, each list whole; drawn up to `shown_values`.
    let rows: Vec<OutletFacts> = r
        .documents
        .iter()
        .map(|d| OutletFacts {
            id: &d.id,
            figures: values(&d.id, &[FactKind::Number, FactKind::Date]),
            names: values(&d.id, &[FactKind::Entity]),
            credits: credit_lines(&r.derivation.credits, &d.id).into_iter().map(String::from).collect(),
        })
        .collect();
    let longest =
        rows.iter().map(|o| o.figures.len().max(o.names.len()).max(o.credits.len())).max().unwrap_or(0);
    let cell = |v: &[String], class: &'static str| -> Html {
        html! {
            <>
                { for v.iter().take(*shown_values).map(|x| html! { <span class={classes!("fact", class)}>{ x.clone() }</span> }) }
                if v.len() > *shown_values { <span class="hint">{ format!(" and {} more", thousands(v.len() - *shown_values)) }</span> }
            </>
        }
    };
    let different: Vec<_> =
        r.facts.divergences.iter().filter(|d| d.kind == DivergenceKind::DifferentFigure).collect();
    let only_in: Vec<_> = r.facts.divergences.iter().filter(|d| d.kind == DivergenceKind::OnlyIn).collect();
    html! {
        <section class="view facts" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Facts" }</h2>
            <h3 class="section-title">{ format!("Different figures ({})", thousands(different.len())) }</h3>
            if different.is_empty() { <p class="notice">{ "No outlet gives a figure that another contradicts." }</p> }
            <ul class="divergences">
                { for different.iter().take(*shown_different).map(|d| html! {
                    <li class="divergence different">
                        <span class="chip different">{ "≠ different figure" }</span>
                        if let Some(u) = &d.unit { <span class="hint">{ format!(" ({})", unit_name(u)) }</span> }
                        <p class="hint divergence-line">{ divergence_line(d, &name) }</p>
                        <ul>
                            { for d.facts.iter().map(|f| html! { <li><span class="outlet">{ name(&f.doc) }</span>{ ": " }<strong>{ f.label.clone() }</strong></li> }) }
                        </ul>
                    </li>
                }) }
            </ul>
            { more(&shown_different, different.len(), "different figures") }
            if !only_in.is_empty() {
                <h3 class="section-title">{ format!("Given by one outlet only ({})", thousands(only_in.len())) }</h3>
                <ul class="only-in-list">
                    { for only_in.iter().take(*shown_only).map(|d| html! {
                        <li class="divergence-only-in">{ divergence_line(d, &name) }</li>
                    }) }
                </ul>
                { more(&shown_only, only_in.len(), "figures") }
            }
            <h3 class="section-title">{ "By outlet" }</h3>
            <div class="facts-scroll">
                <table class="facts-table">
                    <thead><tr><th scope="col">{ "Outlet" }</th><th scope="col">{ "Figures and dates" }</th><th scope="col">{ "Names" }</th><th scope="col">{ "Credit lines" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|o| html! {
                            <tr>
                                <th scope="row">{ name(o.id) }</th>
                                <td>{ cell(&o.figures, "") }</td>
                                <td>{ cell(&o.names, "entity") }</td>
                                <td>{ cell(&o.credits, "credit") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { more(&shown_values, longest, "of each outlet’s figures and names") }
        </section>
    }
}
