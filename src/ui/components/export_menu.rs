//! Downloads: the JSON report, a CSV of the links, a self-contained HTML report; and print.
//! The JSON holds everything, word ops included, so it waits for the worker to send them
//! (the button says so meanwhile); the CSV and the HTML report need no word ops.

use std::rc::Rc;

use yew::prelude::*;

use super::library::download;
use crate::engine::report::Report;
use crate::ui::export;
use crate::ui::ptr::Ptr;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The report the views show (without word ops).
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    /// Calls back with the full report, word ops included, for the JSON export.
    pub full_report: Callback<Callback<Rc<Report>>>,
}

#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportProps) -> Html {
    let preparing = use_state(|| false);
    let make = |kind: &'static str| {
        let (report, labels) = (props.report.clone(), props.labels.clone());
        let (full_report, preparing) = (props.full_report.clone(), preparing.clone());
        Callback::from(move |_: MouseEvent| {
            match kind {
                // Each export names the documents as the library does.
                "json" => {
                    preparing.set(true);
                    let (preparing, labels) = (preparing.clone(), labels.clone());
                    full_report.emit(Callback::from(move |full: Rc<Report>| {
                        preparing.set(false);
                        download(
                            "wirediff-report.json",
                            "application/json",
                            &export::json_named(&full, &labels),
                        )
                    }))
                }
                "csv" => download("wirediff-links.csv", "text/csv", &export::links_csv(&report, &labels)),
                _ => download("wirediff-report.html", "text/html", &export::html(&report, &labels)),
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="export" role="group" aria-label="Export">
            <span class="export-label">{ "Export" }</span>
            <button type="button" onclick={make("json")} aria-busy={preparing.then_some("true")}>
                { "JSON" }
                if *preparing { <span class="preparing">{ " (preparing…)" }</span> }
            </button>
            <button type="button" onclick={make("csv")}>{ "CSV of links" }</button>
            <button type="button" onclick={make("html")}>{ "HTML report" }</button>
            <button type="button" onclick={print}>{ "Print" }</button>
        </div>
    }
}
