//! The web app (wasm only). It renders what the engine returns and holds no text heuristics.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <h1>{ "wirediff" }</h1> }
}

pub fn start() {
    yew::Renderer::<App>::new().render();
}
