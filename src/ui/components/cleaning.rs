//! Cleaning: the lines removed from each document, each with its reason and a toggle to
//! restore it; restoring re-runs the analysis with that line kept.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::report::Report;
use crate::ui::ptr::Ptr;
use crate::ui::state::{Action, Doc, Label};

#[derive(Properties, PartialEq)]
pub struct CleaningProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub docs: Vec<Doc>,
    pub restored: Vec<(Rc<str>, usize)>,
    pub on_action: Callback<Action>,
}

#[function_component(Cleaning)]
pub fn cleaning(props: &CleaningProps) -> Html {
    let toggle = |doc: &str, line: usize, restored: bool, text: String, reason: String| {
        let id: Rc<str> = doc.into();
        let onchange = props.on_action.reform(move |_: Event| Action::ToggleRestored(id.clone(), line));
        html! {
            <li class={classes!("removed-line", restored.then_some("restored"))}>
                <label>
                    <input type="checkbox" checked={restored} {onchange} />
                    <span class="chip reason">{ reason }</span>
                    <span class="line-no">{ format!("line {line}") }</span>
                    <span class="line-text" dir="auto">{ text }</span>
                </label>
            </li>
        }
    };
    html! {
        <section class="view cleaning" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{ "Cleaning" }</h2>
            <p class="hint">{ "Site debris removed before the comparison. Tick a line to restore it: the analysis re-runs with that line kept." }</p>
            { for props.report.documents.iter().map(|d| {
                let label = props.labels.iter().find(|l| l.id == d.id).map_or(d.id.clone(), |l| l.short.clone());
                let raw = props.docs.iter().find(|x| *x.id == *d.id).map(|x| x.text.clone());
                let restored: Vec<usize> = props.restored.iter().filter(|(x, _)| **x == *d.id).map(|(_, l)| *l).collect();
                // Removed and restored lines in line order, so that a line ticked stays where it
                // was (and the keyboard's focus with it); a line just restored, still in the
                // last report's removed lines, is listed once, as restored. Keys: line × 2, plus
                // 1 if restored (plain numbers: sorting tuples of strings cost the page 2 KB).
                let mut keys: Vec<usize> =
                    d.removed.iter().map(|r| r.line * 2).filter(|k| !restored.contains(&(k / 2))).collect();
                keys.extend(restored.iter().map(|l| l * 2 + 1));
                keys.sort_unstable();
                let lines = keys.into_iter().filter_map(|k| {
                    let line = k / 2;
                    if k % 2 == 0 {
                        let r = d.removed.iter().find(|r| r.line == line)?;
                        return Some(toggle(&d.id, line, false, r.text.clone(), r.reason.label().to_string()));
                    }
                    let text = raw.as_ref().and_then(|t| t.lines().nth(line.saturating_sub(1))).unwrap_or("").to_string();
                    // The engine reports the reason the line was removed for.
                    let label = match d.restored.iter().find(|r| r.line == line) {
                        Some(r) => format!("restored — was: {}", r.reason.label()),
                        None => "restored".to_string(),
                    };
                    Some(toggle(&d.id, line, true, text, label))
                });
                html! {
                    <section class="cleaned-doc">
                        <h3>{ label }<span class="count">{ d.removed.len() }</span></h3>
                        if d.removed.is_empty() && restored.is_empty() { <p class="hint">{ "Nothing removed." }</p> }
                        <ul class="removed">
                            { for lines }
                        </ul>
                    </section>
                }
            }) }
        </section>
    }
}
