//! The overview: headline counts, the containment heatmap, a sentence-share bar per document,
//! and the engine's cautious "may draw on" hints.

use std::rc::Rc;

use yew::prelude::*;

use super::heatmap::Heatmap;
use super::share_bars::ShareBars;
use crate::engine::credits::credit_lines;
use crate::engine::facts::DivergenceKind;
use crate::engine::quotes::QuoteStatus;
use crate::engine::report::Report;
use crate::ui::format::{fixed, library_language_notice, thousands};
use crate::ui::ptr::Ptr;
use crate::ui::state::{Action, Label};

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub on_action: Callback<Action>,
}

#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let r = &props.report;
    let quotes = |s: QuoteStatus| r.quotes.iter().filter(|q| q.status == s).count();
    let changed =
        quotes(QuoteStatus::Altered) + quotes(QuoteStatus::Paraphrased) + quotes(QuoteStatus::Trimmed);
    let figures = r.facts.divergences.iter().filter(|d| d.kind == DivergenceKind::DifferentFigure).count();
    let only_in = r.facts.divergences.len() - figures;
    let headline = |n: usize, (one, many): (&str, &str), note: String, href: &str| {
        html! {
            <li class="headline">
                <a href={href.to_string()}>
                    <span class="headline-n">{ thousands(n) }</span>
                    <span class="headline-what">{ if n == 1 { one } else { many } }</span>
                    <span class="headline-note">{ note }</span>
                </a>
            </li>
        }
    };
    let name =
        |id: &str| props.labels.iter().find(|l| l.id == id).map_or(id.to_string(), |l| l.short.clone());

    if r.documents.is_empty() {
        return html! {
            <section class="view overview empty-view" aria-labelledby="view-title">
                <h2 id="view-title" class="view-title">{ "Overview" }</h2>
                <p>{ "No documents are included. Tick some in the library, add your own, or reset to the five seeds." }</p>
            </section>
        };
    }
    let language_note = library_language_notice(&props.labels);
    html! {
        <section class="view overview" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Overview" }</h2>
            if let Some(note) = language_note {
                <p class="notice language-notice" role="note">{ note }</p>
            }
            <ul class="headlines">
                { headline(r.passages.len(), ("shared passage", "shared passages"), "carried by two or more outlets".into(), "#/synopsis") }
                { headline(changed, ("quote changed", "quotes changed"), format!("{} altered, {} paraphrased, {} trimmed",
                    thousands(quotes(QuoteStatus::Altered)), thousands(quotes(QuoteStatus::Paraphrased)), thousands(quotes(QuoteStatus::Trimmed))), "#/quotes") }
                { headline(figures, ("divergent figure", "divergent figures"), format!("and {} given by one outlet only", thousands(only_in)), "#/facts") }
                { headline(r.documents.iter().map(|d| credit_lines(&r.derivation.credits, &d.id).len()).sum(), ("credit line", "credit lines"), "“as reported by …”, attributions".into(), "#/facts") }
            </ul>
            <div class="overview-grid">
                <Heatmap report={props.report.clone()} labels={props.labels.clone()} on_action={props.on_action.clone()} />
                <ShareBars report={props.report.clone()} labels={props.labels.clone()} />
            </div>
            if !r.derivation.hints.is_empty() {
                <section class="hints" aria-labelledby="hints-title">
                    <h3 id="hints-title" class="section-title">{ "Who may draw on whom" }</h3>
                    <ul>
                        { for r.derivation.hints.iter().map(|h| html! {
                            <li>
                                <strong>{ name(&h.derived) }</strong>{ " may draw on " }<strong>{ name(&h.source) }</strong>
                                { format!(" ({}% of it is found there, {}% the other way), or both on a common source.",
                                    fixed(f64::from(h.derived_in_source) * 100.0, 0), fixed(f64::from(h.source_in_derived) * 100.0, 0)) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </section>
    }
}
