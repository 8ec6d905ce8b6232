//! Facts: the divergences between outlets first (figures that differ, figures only one outlet
//! gives), then the figures, dates and names each outlet gives.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::facts::{DivergenceKind, FactKind};
use crate::engine::report::Report;
use crate::ui::ptr::Ptr;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct FactsProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
}

#[function_component(FactsView)]
pub fn facts_view(props: &FactsProps) -> Html {
    let r = &props.report;
    let name =
        |id: &str| props.labels.iter().find(|l| l.id == id).map_or(id.to_string(), |l| l.short.clone());
    let values = |doc: &str, kinds: &[FactKind]| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for f in r.facts.items.iter().filter(|f| f.doc == doc && kinds.contains(&f.kind)) {
            if !v.contains(&f.label) {
                v.push(f.label.clone());
            }
        }
        v
    };
    let different: Vec<_> =
        r.facts.divergences.iter().filter(|d| d.kind == DivergenceKind::DifferentFigure).collect();
    let only_in: Vec<_> = r.facts.divergences.iter().filter(|d| d.kind == DivergenceKind::OnlyIn).collect();
    html! {
        <section class="view facts" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Facts" }</h2>
            <h3 class="section-title">{ format!("Different figures ({})", different.len()) }</h3>
            if different.is_empty() { <p class="notice">{ "No outlet gives a figure that another contradicts." }</p> }
            <ul class="divergences">
                { for different.iter().map(|d| html! {
                    <li class="divergence different">
                        <span class="chip different">{ "≠ different figure" }</span>
                        if let Some(u) = &d.unit { <span class="hint">{ format!(" {u}") }</span> }
                        <p class="hint">{ d.note.clone() }</p>
                        <ul>
                            { for d.facts.iter().map(|f| html! { <li><span class="outlet">{ name(&f.doc) }</span>{ ": " }<strong>{ f.label.clone() }</strong></li> }) }
                        </ul>
                    </li>
                }) }
            </ul>
            if !only_in.is_empty() {
                <h3 class="section-title">{ format!("Given by one outlet only ({})", only_in.len()) }</h3>
                <ul class="only-in-list">
                    { for only_in.iter().map(|d| html! {
                        <li class="divergence-only-in">
                            { for d.facts.iter().map(|f| html! { <><span class="outlet">{ name(&f.doc) }</span>{ " gives " }<strong>{ f.label.clone() }</strong></> }) }
                            if let Some(u) = &d.unit { <span class="hint">{ format!(" ({u})") }</span> }
                            if !d.missing_in.is_empty() {
                                <span class="hint">{ format!("; not {} in the same passage", d.missing_in.iter().map(|m| name(m)).collect::<Vec<_>>().join(", ")) }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
            <h3 class="section-title">{ "By outlet" }</h3>
            <div class="facts-scroll">
                <table class="facts-table">
                    <thead><tr><th scope="col">{ "Outlet" }</th><th scope="col">{ "Figures and dates" }</th><th scope="col">{ "Names" }</th></tr></thead>
                    <tbody>
                        { for r.documents.iter().map(|d| html! {
                            <tr>
                                <th scope="row">{ name(&d.id) }</th>
                                <td>{ for values(&d.id, &[FactKind::Number, FactKind::Date]).into_iter().map(|v| html! { <span class="fact">{ v }</span> }) }</td>
                                <td>{ for values(&d.id, &[FactKind::Entity]).into_iter().map(|v| html! { <span class="fact entity">{ v }</span> }) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
