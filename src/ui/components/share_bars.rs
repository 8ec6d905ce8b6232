//! One bar per document splitting its sentences into verbatim, reworded and unique shares,
//! with the counts written out (the bar's hatching is a second cue besides colour). A large
//! library's bars scroll in a box of their own, as its closest matches do.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::report::Report;
use crate::ui::format::{fixed, thousands};
use crate::ui::heat::TABLE_MAX_DOCUMENTS;
use crate::ui::ptr::Ptr;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct ShareBarsProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
}

#[function_component(ShareBars)]
pub fn share_bars(props: &ShareBarsProps) -> Html {
    html! {
        <figure class={classes!("shares-figure", (props.report.documents.len() > TABLE_MAX_DOCUMENTS).then_some("large"))}>
            <figcaption>
                <h3 class="section-title">{ "What each document shares" }</h3>
                <p class="legend">
                    <span class="swatch share-verbatim"></span>{ "verbatim " }
                    <span class="swatch share-reworded"></span>{ "reworded " }
                    <span class="swatch share-unique"></span>{ "unique to it" }
                </p>
            </figcaption>
            <ul class="shares">
                { for props.report.documents.iter().zip(props.labels.iter()).map(|(d, l)| {
                    let s = d.shares;
                    let total = (s.verbatim + s.reworded + s.unique).max(1) as f32;
                    let pct = |n: usize| n as f32 * 100.0 / total;
                    let part = |class: &str, n: usize, what: &str| html! {
                        <span class={classes!("share", class.to_string())} style={format!("width: {}%", fixed(f64::from(pct(n)), 2))}
                            title={format!("{n} {what} ({}%)", fixed(f64::from(pct(n)), 0))}></span>
                    };
                    html! {
                        <li class="share-row" data-doc={d.id.clone()}>
                            <span class="share-name" title={l.title.clone()}>{ l.short.clone() }</span>
                            <span class="bar" role="img" aria-label={format!("{}: {} verbatim, {} reworded, {} unique of {} sentences",
                                l.short, s.verbatim, s.reworded, s.unique, d.sentences.len())}>
                                { part("share-verbatim", s.verbatim, "verbatim") }
                                { part("share-reworded", s.reworded, "reworded") }
                                { part("share-unique", s.unique, "unique") }
                            </span>
                            <span class="share-counts">
                                { format!("{} verbatim · {} reworded · {} unique", thousands(s.verbatim), thousands(s.reworded), thousands(s.unique)) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </figure>
    }
}
