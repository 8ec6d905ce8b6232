//! Adding documents: paste (text, optional title and outlet), the file picker, or dropping
//! several files at once. Messages about each file sit right here; nothing loaded is lost.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::files::read_all;
use crate::ui::state::{too_large, Action, Message, NewDoc};

#[derive(Properties, PartialEq)]
pub struct AddDocsProps {
    pub messages: Vec<Message>,
    pub on_action: Callback<Action>,
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|k| l.item(k)).collect()).unwrap_or_default()
}

#[function_component(AddDocs)]
pub fn add_docs(props: &AddDocsProps) -> Html {
    let dragging = use_state(|| false);
    let (title_ref, outlet_ref, text_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let read = {
        let action = props.on_action.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            if !files.is_empty() {
                read_all(files, action.reform(Action::Import));
            }
        })
    };
    let on_paste = {
        let action = props.on_action.clone();
        let (t, o, x) = (title_ref.clone(), outlet_ref.clone(), text_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let area = x.cast::<HtmlTextAreaElement>();
            let text = area.as_ref().map(|a| a.value()).unwrap_or_default();
            // A refused text stays in the box (the reducer says why), so nothing typed is lost.
            let added = !text.trim().is_empty() && too_large(&text).is_none();
            action.emit(Action::Import(vec![Ok(NewDoc {
                title: input(&t),
                outlet: input(&o),
                text,
                source: "pasted text".into(),
                note: None,
            })]));
            if added {
                for r in [&t, &o] {
                    if let Some(i) = r.cast::<HtmlInputElement>() {
                        i.set_value("");
                    }
                }
                if let Some(a) = area {
                    a.set_value("");
                }
            }
        })
    };
    let on_pick = read.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let files = file_list(input.files());
        input.set_value("");
        files
    });
    let on_drop = {
        let dragging = dragging.clone();
        read.reform(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            file_list(e.data_transfer().and_then(|d| d.files()))
        })
    };
    let on_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    html! {
        <section class={classes!("add", dragging.then_some("dragging"))} aria-labelledby="add-heading"
            ondrop={on_drop} ondragover={on_over} ondragleave={on_leave}>
            <h2 id="add-heading" class="section-title">{ "Add your versions" }</h2>
            <form class="paste-form" onsubmit={on_paste}>
                <label for="paste-text">{ "Paste an article" }</label>
                <textarea id="paste-text" ref={text_ref} rows="5" placeholder="Paste the article’s text here…" />
                <div class="paste-meta">
                    <label>{ "Title " }<input ref={title_ref} id="paste-title" type="text" placeholder="optional" /></label>
                    <label>{ "Outlet " }<input ref={outlet_ref} id="paste-outlet" type="text" placeholder="optional" /></label>
                </div>
                <button type="submit" class="primary">{ "Add article" }</button>
            </form>
            <div class="drop-zone">
                <label class="file-pick">
                    { "Choose files" }
                    <input type="file" id="file-input" multiple=true accept=".txt,.md,.html,.htm,text/plain,text/html,text/markdown" onchange={on_pick} />
                </label>
                <span class="hint">{ " or drop .txt, .md or .html files here (2 MB each at most)." }</span>
            </div>
            <div class="messages" aria-live="polite">
                { for props.messages.iter().map(|m| html! {
                    <p class={classes!("message", if m.error { "error" } else { "ok" })} role={m.error.then_some("alert")}>
                        { if m.error { "✕ " } else { "✓ " } }{ m.text.clone() }
                    </p>
                }) }
            </div>
        </section>
    }
}
