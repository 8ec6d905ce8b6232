//! One document in the library: title (opens its text), outlet, word count, include toggle,
//! and an edit form for title, outlet and text. Text is always rendered as text.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::language;
use crate::ui::format::count;
use crate::ui::state::{too_large, Action, Doc};

#[derive(Properties, PartialEq)]
pub struct DocItemProps {
    pub doc: Doc,
    pub open: bool,
    /// The outlet the engine detected in the text, if any.
    pub detected: Option<String>,
    /// (the library's main language, this document's) when they differ.
    pub odd_language: Option<(&'static str, &'static str)>,
    pub on_action: Callback<Action>,
}

#[function_component(DocItem)]
pub fn doc_item(props: &DocItemProps) -> Html {
    let editing = use_state(|| false);
    // Why the edited text was refused (too large); the form stays open with it.
    let refused = use_state(|| None::<String>);
    let (title_ref, outlet_ref, text_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let doc = &props.doc;
    let id: Rc<str> = doc.id.clone();
    let act = |f: fn(Rc<str>) -> Action| {
        let id = id.clone();
        props.on_action.reform(move |_: MouseEvent| f(id.clone()))
    };
    let on_toggle = act(Action::ToggleOpen);
    let on_remove = act(Action::Remove);
    let on_include = {
        let id = id.clone();
        let on = !doc.included;
        props.on_action.reform(move |_: Event| Action::SetIncluded(id.clone(), on))
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let on_cancel = {
        let (editing, refused) = (editing.clone(), refused.clone());
        Callback::from(move |_: MouseEvent| {
            refused.set(None);
            editing.set(false)
        })
    };
    let on_save = {
        let (editing, refused, action, id) =
            (editing.clone(), refused.clone(), props.on_action.clone(), id.clone());
        let (t, o, x) = (title_ref.clone(), outlet_ref.clone(), text_ref.clone());
        let text_before = doc.text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let why = x.cast::<HtmlTextAreaElement>().and_then(|a| too_large(&a.value()));
            if why.is_some() {
                refused.set(why);
                return;
            }
            refused.set(None);
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            action.emit(Action::Rename(id.clone(), value(&t)));
            action.emit(Action::SetOutlet(id.clone(), value(&o)));
            if let Some(text) = x.cast::<HtmlTextAreaElement>().map(|a| a.value()) {
                if *text != *text_before {
                    action.emit(Action::Edit(id.clone(), text));
                }
            }
            editing.set(false);
        })
    };
    let text_id = format!("text-{}", doc.id);
    let check_id = format!("include-{}", doc.id);
    html! {
        <li class={classes!("article", props.open.then_some("open"), (!doc.included).then_some("excluded"))} data-doc={doc.id.to_string()}>
            <div class="article-head">
                <input type="checkbox" id={check_id.clone()} checked={doc.included} onchange={on_include}
                    aria-label={format!("Include “{}” in the comparison", doc.title())} />
                <h3 class="article-title">
                    <button type="button" dir="auto" aria-expanded={props.open.to_string()} aria-controls={props.open.then(|| text_id.clone())} onclick={on_toggle}>
                        { doc.title().to_string() }
                    </button>
                </h3>
            </div>
            <p class="article-meta">
                if let Some(outlet) = &doc.outlet {
                    <span class="outlet" title="the outlet you gave">{ outlet.to_string() }</span>
                } else if let Some(outlet) = &props.detected {
                    <span class="outlet detected" title="the outlet detected in the text">{ outlet.clone() }</span>
                }
                if let Some((main, code)) = props.odd_language {
                    <span class="chip language" title={format!("Written in {}, unlike the library's {} documents: wirediff does not link a translation to its original", language::name(code), language::name(main))}>
                        { language::name(code) }
                    </span>
                }
                <span class="words">{ doc.words().map_or_else(|| "… words".to_string(), |n| count(n, "word", "words")) }</span>
                <span class="source">{ if doc.edited_seed() { "seed, edited" } else if doc.seed { "seed" } else { "yours" } }</span>
                <button type="button" class="link" onclick={on_edit} aria-label={format!("Edit “{}”", doc.title())}>{ "Edit" }</button>
                <button type="button" class="link danger" onclick={on_remove} aria-label={format!("Remove “{}”", doc.title())}>{ "Remove" }</button>
            </p>
            if *editing {
                <form class="edit-form" onsubmit={on_save}>
                    <label>{ "Title" }<input ref={title_ref} type="text" value={doc.name.as_deref().unwrap_or_default().to_string()} placeholder={doc.about.as_ref().map_or(doc.title(), |a| &a.title).to_string()} /></label>
                    <label>{ "Outlet" }<input ref={outlet_ref} type="text" value={doc.outlet.as_deref().unwrap_or_default().to_string()} placeholder="as detected" /></label>
                    <label>{ "Text" }<textarea ref={text_ref} rows="8" defaultvalue={doc.text.to_string()} /></label>
                    if let Some(why) = &*refused {
                        <p class="message error" role="alert">{ format!("✕ Not saved: {why}.") }</p>
                    }
                    <div class="form-actions"><button type="submit" class="primary">{ "Save" }</button><button type="button" onclick={on_cancel}>{ "Cancel" }</button></div>
                </form>
            }
            if props.open {
                <div class="article-text" id={text_id}>
                    { for doc.text.lines().filter(|line| !line.trim().is_empty()).map(|line| html! { <p dir="auto">{ line.to_string() }</p> }) }
                </div>
            }
        </li>
    }
}
