//! Downloads: the JSON report, a CSV of the links, a self-contained HTML report; and print.

use std::rc::Rc;

use yew::prelude::*;

use super::library::download;
use crate::engine::report::Report;
use crate::ui::export;
use crate::ui::state::Label;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub report: Rc<Report>,
    pub labels: Rc<Vec<Label>>,
}

#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportProps) -> Html {
    let make = |kind: &'static str| {
        let (report, labels) = (props.report.clone(), props.labels.clone());
        Callback::from(move |_: MouseEvent| {
            let name =
                |id: &str| labels.iter().find(|l| l.id == id).map_or(id.to_string(), |l| l.short.clone());
            match kind {
                "json" => download("wirediff-report.json", "application/json", &export::json(&report)),
                "csv" => download("wirediff-links.csv", "text/csv", &export::links_csv(&report)),
                _ => download("wirediff-report.html", "text/html", &export::html(&report, &name)),
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
            <button type="button" onclick={make("json")}>{ "JSON" }</button>
            <button type="button" onclick={make("csv")}>{ "CSV of links" }</button>
            <button type="button" onclick={make("html")}>{ "HTML report" }</button>
            <button type="button" onclick={print}>{ "Print" }</button>
        </div>
    }
}
