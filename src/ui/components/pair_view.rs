//! The pair view: two documents in aligned rows, links coloured and labelled by kind, moved
//! links badged, unlinked sentences highlighted, filters by kind, and an explanation panel for
//! the link under focus or the pointer. The report comes without word ops: the view asks the
//! worker for its pair's and shows the sentences plainly, marked busy, until they arrive.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::explain::Explain;
use super::kinds::{link_class, link_glyph, link_label, LINK_KINDS};
use super::link_row::LinkRow;
use super::unique_run::{Lone, UniqueRun};
use crate::engine::report::{Report, Sentence};
use crate::ui::analysis::{with_pair_ops, PairOps};
use crate::ui::format::{count as counted, fixed, pair_language_notice};
use crate::ui::ptr::Ptr;
use crate::ui::rows::{flip, rows, Row};
use crate::ui::state::{Action, Filter, Label};

#[derive(Properties, PartialEq)]
pub struct PairViewProps {
    pub report: Ptr<Report>,
    pub labels: Rc<Vec<Label>>,
    pub left: String,
    pub right: String,
    /// The pair's word ops, once fetched (in the report's order of the pair and its links).
    pub ops: Option<PairOps>,
    /// Asks for the word ops of (left, right).
    pub on_want_ops: Callback<(String, String)>,
    pub passage: Option<String>,
    pub hidden: Vec<Filter>,
    pub on_action: Callback<Action>,
}

#[function_component(PairView)]
pub fn pair_view(props: &PairViewProps) -> Html {
    let active = use_state(|| None::<usize>);
    let r = &props.report;
    let found = r.pairs.iter().find(|p| {
        (p.left == props.left && p.right == props.right) || (p.left == props.right && p.right == props.left)
    });
    let passage = props.passage.clone();
    use_effect_with((passage.clone(), found.is_some()), |(passage, _)| {
        if passage.is_some() {
            let target = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("passage-target"));
            if let Some(t) = target {
                t.scroll_into_view();
            }
        }
    });
    let loading = found.is_some() && props.ops.is_none();
    use_effect_with((props.report.clone(), props.left.clone(), props.right.clone(), loading), {
        let want = props.on_want_ops.clone();
        move |(_, left, right, loading)| {
            if *loading {
                want.emit((left.clone(), right.clone()));
            }
        }
    });
    let with_ops = |p: &crate::engine::report::Pair| match &props.ops {
        Some(ops) => with_pair_ops(p, ops),
        None => p.clone(),
    };
    // The route's left document goes on the left (the heatmap's row), whatever the report's order.
    let oriented = found.map(|p| if p.left == props.left { with_ops(p) } else { flip(&with_ops(p)) });
    let found = oriented.as_ref();
    let (Some(pair), Some(ldoc), Some(rdoc)) = (
        found,
        found.and_then(|p| r.documents.iter().find(|d| d.id == p.left)),
        found.and_then(|p| r.documents.iter().find(|d| d.id == p.right)),
    ) else {
        return html! {
            <section class="view pair" aria-labelledby="view-title">
                <h2 id="view-title" class="view-title">{ "Pair" }</h2>
                <p class="notice">{ "This pair is not in the current comparison: a document may be excluded, removed, or the same on both sides. " }
                    <a href="#/overview">{ "Back to the overview" }</a></p>
            </section>
        };
    };
    let name = |id: &str| props.labels.iter().find(|l| l.id == id).cloned();
    let (lname, rname) = (name(&pair.left), name(&pair.right));
    let short = |l: &Option<Label>, id: &str| l.as_ref().map_or(id.to_string(), |l| l.short.clone());
    let (lshort, rshort) = (short(&lname, &pair.left), short(&rname, &pair.right));
    let by_id: HashMap<&str, &Sentence> =
        ldoc.sentences.iter().chain(&rdoc.sentences).map(|s| (s.id.as_str(), s)).collect();
    let pos = |ids: &[String], doc: &crate::engine::report::Document| -> Vec<usize> {
        ids.iter().filter_map(|id| doc.sentences.iter().position(|s| &s.id == id)).map(|k| k + 1).collect()
    };
    let texts = |ids: &[String]| -> Vec<String> {
        ids.iter().map(|id| by_id.get(id.as_str()).map_or(String::new(), |s| s.text.clone())).collect()
    };
    let shown = |f: Filter| !props.hidden.contains(&f);
    let in_passage = |ids: Vec<&String>| {
        passage.as_ref().is_some_and(|p| {
            ids.iter().any(|id| by_id.get(id.as_str()).and_then(|s| s.passage.as_ref()) == Some(p))
        })
    };
    let mut target_set = false;
    let mut target = |hit: bool| -> Option<&'static str> {
        (hit && !std::mem::replace(&mut target_set, true)).then_some("passage-target")
    };
    let on_activate = {
        let active = active.clone();
        Callback::from(move |k: usize| active.set(Some(k)))
    };
    let count = |f: Filter| match f {
        Filter::Kind(k) => pair.links.iter().filter(|l| l.kind == k).count(),
        Filter::Unique => pair.left_unique.len() + pair.right_unique.len(),
    };
    let filter_box = |f: Filter, label: String, class: String| {
        let onchange = props.on_action.reform(move |_: Event| Action::ToggleFilter(f));
        html! {
            <label class={classes!("filter", class)}>
                <input type="checkbox" checked={shown(f)} {onchange} />{ format!("{label} ({})", count(f)) }
            </label>
        }
    };
    // Links one by one; consecutive unlinked sentences as one (foldable) run.
    let mut out: Vec<Html> = Vec::new();
    let mut run: Vec<Lone> = Vec::new();
    let flush = |run: &mut Vec<Lone>, out: &mut Vec<Html>| {
        if let Some(first) = run.first() {
            let key = format!("u{}{}", first.left, first.pos);
            let items = std::mem::take(run);
            out.push(
                html! { <UniqueRun {key} {items} left_name={lshort.clone()} right_name={rshort.clone()} /> },
            );
        }
    };
    for row in rows(pair, ldoc, rdoc) {
        match row {
            Row::Link { link, moved } => {
                let l = &pair.links[link];
                if !shown(Filter::Kind(l.kind)) {
                    continue;
                }
                flush(&mut run, &mut out);
                let hit = in_passage(l.left.iter().chain(&l.right).collect());
                out.push(html! { <LinkRow key={format!("l{link}")} link={l.clone()} index={link} {moved} active={*active == Some(link)}
                left_pos={pos(&l.left, ldoc)} right_pos={pos(&l.right, rdoc)} left_texts={texts(&l.left)} right_texts={texts(&l.right)}
                in_passage={hit} anchor={target(hit)} on_activate={on_activate.clone()} /> });
            }
            Row::LeftOnly(k) if shown(Filter::Unique) => {
                run.push(Lone { left: true, pos: k + 1, text: ldoc.sentences[k].text.clone() })
            }
            Row::RightOnly(k) if shown(Filter::Unique) => {
                run.push(Lone { left: false, pos: k + 1, text: rdoc.sentences[k].text.clone() })
            }
            _ => {}
        }
    }
    flush(&mut run, &mut out);
    let active_link = (*active).and_then(|k| pair.links.get(k));
    html! {
        <section class="view pair" aria-labelledby="view-title" data-ops={if loading { "loading" } else { "ready" }}>
            <h2 id="view-title" class="view-title">{ format!("{lshort} ⇄ {rshort}") }</h2>
            <p class="pair-summary">
                { format!("{}% of {lshort} is found in {rshort}; {}% of {rshort} is found in {lshort}. {}, {} only on one side.",
                    fixed(f64::from(pair.left_in_right) * 100.0, 0), fixed(f64::from(pair.right_in_left) * 100.0, 0), counted(pair.links.len(), "link", "links"), counted(count(Filter::Unique), "sentence", "sentences")) }
            </p>
            if let (Some(l), Some(r)) = (lname.as_ref().and_then(|l| l.language), rname.as_ref().and_then(|r| r.language)) {
                if l != r {
                    <p class="notice language-notice" role="note">{ pair_language_notice(&lshort, l, &rshort, r) }</p>
                }
            }
            <fieldset class="filters">
                <legend>{ "Show" }</legend>
                { for LINK_KINDS.iter().map(|&k| filter_box(Filter::Kind(k), format!("{} {}", link_glyph(k), link_label(k)), link_class(k))) }
                { filter_box(Filter::Unique, "Only on one side".into(), "unique".into()) }
            </fieldset>
            <div class="pair-head" aria-hidden="true">
                <div class="col left" title={lname.as_ref().map(|l| l.title.clone())}>{ lshort.clone() }</div>
                <div class="mid"></div>
                <div class="col right" title={rname.as_ref().map(|l| l.title.clone())}>{ rshort.clone() }</div>
            </div>
            if loading {
                <p class="notice ops-loading" role="status">{ "Marking the changed words…" }</p>
            }
            <ol class="rows" aria-busy={loading.then_some("true")}>{ for out }</ol>
            <Explain link={active_link.cloned()} left={lshort} right={rshort} />
        </section>
    }
}
