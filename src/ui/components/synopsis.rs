//! The synopsis: passages as rows, outlets as columns, each outlet's wording side by side and
//! gaps shown. A cell opens the pair view at that passage.

use std::rc::Rc;

use yew::prelude::*;

use super::kinds::{link_class, link_label};
use crate::engine::report::Report;
use crate::ui::ptr::Ptr;
use crate::ui::route::Route;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct SynopsisProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub on_navigate: Callback<Route>,
}

#[function_component(Synopsis)]
pub fn synopsis(props: &SynopsisProps) -> Html {
    let r = &props.report;
    html! {
        <section class="view synopsis" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Synopsis" }</h2>
            <p class="hint">{ format!("{} passages carried by two or more outlets, in order of first appearance. An empty cell means that outlet does not carry the passage. Click a cell to compare that outlet with the next one carrying it.", r.passages.len()) }</p>
            if r.passages.is_empty() {
                <p class="notice">{ "No passage is shared by two documents." }</p>
            } else {
                <div class="synopsis-scroll">
                    <table class="synopsis-table">
                        <thead><tr>
                            <th scope="col">{ "Passage" }</th>
                            { for props.labels.iter().map(|l| html! { <th scope="col" title={l.title.clone()}>{ l.short.clone() }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for r.passages.iter().map(|p| html! {
                                <tr data-passage={p.id.clone()}>
                                    <th scope="row">
                                        <span class="passage-id">{ p.id.clone() }</span>
                                        <span class={classes!("chip", "kind-chip", link_class(p.kind))}>{ link_label(p.kind) }</span>
                                        <span class="hint">{ format!("{} outlets", p.documents.len()) }</span>
                                    </th>
                                    { for props.labels.iter().map(|l| match p.carriers.iter().find(|c| c.document == l.id) {
                                        Some(c) => {
                                            // The pair opens with a document this carrier is linked to
                                            // (a passage may join documents through a third one).
                                            let linked = |d: &String| r.pairs.iter().any(|pair| {
                                                ((pair.left == l.id && pair.right == *d) || (pair.right == l.id && pair.left == *d))
                                                    && pair.links.iter().any(|k| k.left.iter().chain(&k.right).any(|s| c.sentences.contains(s)))
                                            });
                                            let others = || p.documents.iter().filter(|d| **d != l.id);
                                            let other = others().find(|d| linked(d)).or_else(|| others().next()).cloned().unwrap_or_default();
                                            let route = Route::Pair { left: l.id.clone(), right: other, passage: Some(p.id.clone()) };
                                            let onclick = props.on_navigate.reform(move |_: MouseEvent| route.clone());
                                            html! { <td><button type="button" class="carrier" {onclick}
                                                title={format!("Compare {} with the next outlet carrying {}", l.short, p.id)}><bdi>{ c.text.clone() }</bdi></button></td> }
                                        }
                                        None => html! { <td class="gap"><span aria-label={format!("not in {}", l.short)}>{ "—" }</span></td> },
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
