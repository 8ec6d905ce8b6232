//! The root component: owns the state through `use_reducer` and hands children data and callbacks.

use yew::prelude::*;

use super::components::article_card::ArticleCard;
use super::state::{Action, State};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::with_seeds);
    let on_toggle =
        use_callback(state.dispatcher(), |id, dispatcher| dispatcher.dispatch(Action::Toggle(id)));

    html! {
        <>
            <header class="masthead">
                <h1 class="brand">{ "wirediff" }</h1>
                <p class="tagline">{ "How one news story was reworded across outlets." }</p>
            </header>
            <main class="content">
                <section aria-labelledby="articles-heading">
                    <h2 id="articles-heading" class="section-title">
                        { "Articles " }<span class="count">{ state.articles.len() }</span>
                    </h2>
                    <ol class="articles">
                        { for state.articles.iter().map(|article| html! {
                            <ArticleCard
                                key={article.id.to_string()}
                                article={article.clone()}
                                open={state.open.as_ref() == Some(&article.id)}
                                on_toggle={on_toggle.clone()}
                            />
                        }) }
                    </ol>
                </section>
            </main>
            <footer class="colophon">
                <p>{ "Everything runs in your browser: no text leaves this page, and it keeps working offline." }</p>
            </footer>
        </>
    }
}
