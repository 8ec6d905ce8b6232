//! The side panel: every document with its title, outlet and word count, include/exclude,
//! rename, edit and remove (the last edit and the last removal can be undone); adding
//! documents; "reset to the five seeds"; and a warning with an export when the browser would
//! not store the library.

use std::rc::Rc;

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::add_docs::AddDocs;
use super::doc_item::DocItem;
use crate::ui::format::thousands;
use crate::ui::state::{Action, Doc, Message, Recovery};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub docs: Vec<Doc>,
    pub open: Option<Rc<str>>,
    pub messages: Vec<Message>,
    pub storage_error: Option<String>,
    /// The library's JSON, for the export offered when storage fails.
    pub library_json: Rc<str>,
    /// (document id, outlet) the engine detected in the included documents.
    pub detected: Rc<Vec<(String, String)>>,
    /// What loading the stored library could not read, if anything.
    pub recovery: Option<Rc<Recovery>>,
    /// The title of the last document removed, offered back until the library is reset.
    pub removed: Option<Rc<str>>,
    /// The title of the last document edited, whose text before the edit is offered back.
    pub edited: Option<Rc<str>>,
    /// The included documents not in the library's main language (see `State::odd_languages`).
    pub odd_languages: Option<(&'static str, Vec<Rc<str>>)>,
    pub on_action: Callback<Action>,
}

/// Offers `content` as a download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // Revoke the URL after the click has been handled.
    gloo::timers::callback::Timeout::new(1_000, move || drop(url)).forget();
}

#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    let confirm = use_state(|| false);
    // After a removal the focus goes to Undo: the Remove button it was on is gone.
    let undo = use_node_ref();
    use_effect_with(props.removed.clone(), {
        let undo = undo.clone();
        move |removed: &Option<Rc<str>>| {
            if let (Some(_), Some(button)) = (removed, undo.cast::<web_sys::HtmlElement>()) {
                let _ = button.focus();
            }
        }
    });
    let included = props.docs.iter().filter(|d| d.included).count();
    let ask = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(true))
    };
    let cancel = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(false))
    };
    let reset = {
        let confirm = confirm.clone();
        props.on_action.reform(move |_: MouseEvent| {
            confirm.set(false);
            Action::Reset
        })
    };
    let export = {
        let json = props.library_json.clone();
        Callback::from(move |_: MouseEvent| download("wirediff-library.json", "application/json", &json))
    };
    html! {
        <aside class="library" aria-labelledby="library-heading">
            <h2 id="library-heading" class="section-title">
                { "Library " }<span class="count">{ format!("{} of {}", thousands(included), thousands(props.docs.len())) }</span>
            </h2>
            if let Some(why) = &props.storage_error {
                <p class="message error storage-error" role="alert">
                    { format!("Not saved: {why}. Your documents are kept in this tab only; ") }
                    <button type="button" class="link" onclick={export}>{ "download them" }</button>{ " to keep them." }
                </p>
            }
            if let Some(recovery) = &props.recovery {
                <div class="message error recovery" role="alert">
                    <p>{ recovery.notice.clone() }</p>
                    <p class="form-actions">
                        if !recovery.unreadable.is_empty() {
                            <button type="button" class="link" onclick={{
                                let json = crate::ui::storage::unreadable_json(recovery);
                                Callback::from(move |_: MouseEvent| download("wirediff-unreadable.json", "application/json", &json))
                            }}>{ "Download the unreadable data" }</button>
                        }
                        <button type="button" class="link" onclick={props.on_action.reform(|_: MouseEvent| Action::DismissRecovery)}>{ "Dismiss" }</button>
                    </p>
                </div>
            }
            if let Some(title) = &props.removed {
                <p class="message ok undo" role="status">
                    { "Removed “" }{ title.clone() }{ "”. " }
                    <button type="button" class="link" ref={undo} onclick={props.on_action.reform(|_: MouseEvent| Action::UndoRemove)}>{ "Undo" }</button>
                </p>
            }
            if let Some(title) = &props.edited {
                <p class="message ok undo-edit" role="status">
                    { "Edited “" }{ title.clone() }{ "”. " }
                    <button type="button" class="link" onclick={props.on_action.reform(|_: MouseEvent| Action::UndoEdit)}>{ "Undo" }</button>
                </p>
            }
            <ol class="articles">
                { for props.docs.iter().map(|doc| html! {
                    <DocItem key={doc.id.to_string()} doc={doc.clone()} open={props.open.as_ref() == Some(&doc.id)}
                        detected={props.detected.iter().find(|(id, _)| **id == *doc.id).map(|(_, o)| o.clone())}
                        odd_language={props.odd_languages.as_ref().filter(|(_, ids)| ids.contains(&doc.id)).and_then(|(main, _)| Some((*main, doc.language()?)))}
                        on_action={props.on_action.clone()} />
                }) }
            </ol>
            if props.docs.is_empty() { <p class="hint">{ "The library is empty." }</p> }
            <div class="reset">
                if *confirm {
                    <span>{ "Drop your own documents and restore the five seeds? " }</span>
                    <button type="button" class="danger" onclick={reset}>{ "Reset" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                } else {
                    <button type="button" class="link" onclick={ask}>{ "Reset to the five seeds…" }</button>
                }
            </div>
            <AddDocs messages={props.messages.clone()} on_action={props.on_action.clone()} />
        </aside>
    }
}
