//! Quotes: each quotation with its speaker and its wording in every outlet; altered quotes are
//! flagged and their word diff shown. Quotes only one outlet carries are listed after.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::quotes::{Quote, QuoteStatus};
use crate::engine::report::Report;
use crate::ui::format::{attribution, count, thousands};
use crate::ui::ptr::Ptr;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
}

fn status(s: QuoteStatus) -> (&'static str, &'static str) {
    match s {
        QuoteStatus::Unique => ("unique", "one outlet only"),
        QuoteStatus::Identical => ("identical", "= identical everywhere"),
        QuoteStatus::Trimmed => ("trimmed", "✂ trimmed"),
        QuoteStatus::Paraphrased => ("paraphrased", "~ paraphrased"),
        QuoteStatus::Altered => ("altered", "⚠ altered"),
    }
}

#[function_component(QuotesView)]
pub fn quotes_view(props: &QuotesProps) -> Html {
    let name =
        |id: &str| props.labels.iter().find(|l| l.id == id).map_or(id.to_string(), |l| l.short.clone());
    let card = |q: &Quote| {
        let (class, label) = status(q.status);
        html! {
            <li class={classes!("quote", format!("quote-{class}"))}>
                <p class="quote-head">
                    <strong class="speaker">{ q.speaker.clone().unwrap_or_else(|| if q.anonymous { "anonymous source".into() } else { "unattributed".into() }) }</strong>
                    <span class={classes!("chip", "status", class)}>{ label }</span>
                    if q.speakers_differ { <span class="chip conflict-chip">{ "≠ speaker differs between outlets" }</span> }
                </p>
                <ul class="variants">
                    { for q.variants.iter().map(|v| html! {
                        <li>
                            <span class="outlet">{ name(&v.doc) }</span>
                            // Quotation marks (or "reported, not quoted:") come from app.css.
                            <blockquote dir="auto" class={if v.quoted { "quoted" } else { "reported" }}>{ v.text.clone() }</blockquote>
                            if let Some(s) = attribution(v) { <span class="hint">{ format!("attributed to: {s}") }</span> }
                        </li>
                    }) }
                </ul>
                if !q.diff.is_empty() {
                    <p class="word-diff quote-diff" aria-label="Word diff between the first two variants">
                        { for q.diff.iter().map(|d| match d.op.as_str() {
                            "equal" => html! { <>{ d.left.clone() }{ " " }</> },
                            "delete" => html! { <><del class="op op-deleted strong" title="dropped">{ d.left.clone() }</del>{ " " }</> },
                            "insert" => html! { <><ins class="op op-inserted strong" title="added">{ d.right.clone() }</ins>{ " " }</> },
                            _ => html! { <><span class="op op-changed strong" title="changed"><del>{ d.left.clone() }</del><ins>{ d.right.clone() }</ins></span>{ " " }</> },
                        }) }
                    </p>
                }
            </li>
        }
    };
    let r = &props.report;
    let shared: Vec<&Quote> = r.quotes.iter().filter(|q| q.variants.len() > 1).collect();
    let single: Vec<&Quote> = r.quotes.iter().filter(|q| q.variants.len() <= 1).collect();
    html! {
        <section class="view quotes" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Quotes" }</h2>
            <p class="hint">{ format!("{} carried by several outlets; {} by one only.", count(shared.len(), "quotation", "quotations"), thousands(single.len())) }</p>
            <ol class="quote-list">{ for shared.iter().map(|q| card(q)) }</ol>
            if !single.is_empty() {
                <details class="single-quotes">
                    <summary>{ format!("Quotes in one outlet only ({})", thousands(single.len())) }</summary>
                    <ol class="quote-list">{ for single.iter().map(|q| card(q)) }</ol>
                </details>
            }
        </section>
    }
}
