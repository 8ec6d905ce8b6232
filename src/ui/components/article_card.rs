//! One article in the list: its title, word count and source, and its text when opened.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::state::Article;

#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    pub article: Article,
    /// Whether the article's text is shown.
    pub open: bool,
    /// Asks to open or close this article; carries its id.
    pub on_toggle: Callback<Rc<str>>,
}

#[function_component(ArticleCard)]
pub fn article_card(props: &ArticleCardProps) -> Html {
    let ArticleCardProps { article, open, on_toggle } = props;
    let onclick = {
        let id = article.id.clone();
        on_toggle.reform(move |_: MouseEvent| id.clone())
    };
    let text_id = format!("text-{}", article.id);

    html! {
        <li class={classes!("article", open.then_some("open"))}>
            <h3 class="article-title">
                <button type="button" aria-expanded={open.to_string()} aria-controls={open.then(|| text_id.clone())} {onclick}>
                    { &*article.title }
                </button>
            </h3>
            <p class="article-meta">
                <span class="words">{ format!("{} words", article.words) }</span>
                <span class="source">{ &*article.id }</span>
            </p>
            if *open {
                <div class="article-text" id={text_id}>
                    { for article.text.lines().filter(|line| !line.trim().is_empty()).map(|line| html! { <p>{ line }</p> }) }
                </div>
            }
        </li>
    }
}
