//! The analysis status above the views: a progress bar with the stage and counts and a Cancel
//! button while the worker runs; after a cancel or a failure, what is shown and how to retry.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::format::fixed;

use crate::ui::analysis::{progress_fraction, progress_label, Analysis};

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub analysis: Rc<Analysis>,
    pub on_cancel: Callback<()>,
    pub on_rerun: Callback<()>,
}

#[function_component(AnalysisProgress)]
pub fn analysis_progress(props: &ProgressProps) -> Html {
    let a = &props.analysis;
    if let Some(p) = &a.progress {
        let fraction = progress_fraction(p);
        let cancel = props.on_cancel.reform(|_: MouseEvent| ());
        return html! {
            <div class="analysis-status running" role="status" aria-live="polite" data-stage={p.stage.to_string()}>
                <progress max="1" value={fixed(f64::from(fraction), 3)} aria-label="Analysis progress"></progress>
                <span class="analysis-label">{ progress_label(p) }</span>
                <button type="button" class="analysis-cancel" onclick={cancel}>{ "Cancel" }</button>
            </div>
        };
    }
    let rerun = props.on_rerun.reform(|_: MouseEvent| ());
    if let Some(error) = &a.error {
        return html! {
            <div class="analysis-status failed" role="alert">
                <span>{ format!("The analysis could not run: {error}.") }</span>
                <button type="button" onclick={rerun}>{ "Try again" }</button>
            </div>
        };
    }
    if a.cancelled {
        let shown = if a.report.is_some() {
            "Analysis cancelled. The views show the previous result, which may not match the library."
        } else {
            "Analysis cancelled. Nothing has been analysed yet."
        };
        return html! {
            <div class="analysis-status cancelled" role="status">
                <span>{ shown }</span>
                <button type="button" class="primary analysis-rerun" onclick={rerun}>{ "Analyse again" }</button>
            </div>
        };
    }
    html! {}
}
