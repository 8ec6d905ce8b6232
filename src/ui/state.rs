//! The app's state and the pure reducer that changes it. No browser types: tested natively.

use std::rc::Rc;

use crate::engine::clean::{clean, CleanConfig};
use crate::engine::document::{title, word_count, TitleConfig};
use crate::seeds::SEEDS;

/// One article as the list shows it; every figure comes from the engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: the file name for seeds.
    pub id: Rc<str>,
    pub title: Rc<str>,
    pub words: usize,
    /// The cleaned text, shown when the article is opened.
    pub text: Rc<str>,
}

impl Article {
    /// Cleans `raw` and derives the title and word count from what is kept. An article with no
    /// usable title line is titled by its id.
    pub fn new(id: &str, raw: &str) -> Self {
        let cleaned = clean(raw, &CleanConfig::default());
        let title = title(&cleaned.text, &TitleConfig::default());
        Article {
            id: id.into(),
            title: if title.is_empty() { id.into() } else { title.into() },
            words: word_count(&cleaned.text),
            text: cleaned.text.into(),
        }
    }
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub articles: Vec<Article>,
    /// The id of the article whose text is open, if any.
    pub open: Option<Rc<str>>,
}

/// What the user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open the article with this id, or close it if it is open.
    Toggle(Rc<str>),
}

impl State {
    /// The first-visit state: the five seed articles, none open.
    pub fn with_seeds() -> Self {
        State { articles: SEEDS.iter().map(|s| Article::new(s.name, s.text)).collect(), open: None }
    }

    /// The pure reducer: the state after `action`. Unknown ids leave the state unchanged.
    pub fn apply(&self, action: Action) -> State {
        match action {
            Action::Toggle(id) if self.open.as_ref() == Some(&id) => State { open: None, ..self.clone() },
            Action::Toggle(id) if self.articles.iter().any(|a| a.id == id) => {
                State { open: Some(id), ..self.clone() }
            }
            Action::Toggle(_) => self.clone(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_visit_lists_every_seed_with_a_title_and_words() {
        let state = State::with_seeds();
        assert_eq!(state.articles.len(), SEEDS.len());
        assert_eq!(state.open, None);
        for (article, seed) in state.articles.iter().zip(SEEDS) {
            assert_eq!(&*article.id, seed.name);
            assert!(!article.title.is_empty(), "{}", seed.name);
            assert!(article.words > 0, "{}", seed.name);
        }
    }

    #[test]
    fn an_article_without_words_is_titled_by_its_id() {
        let article = Article::new("empty.txt", " \n — \n");
        assert_eq!((&*article.title, article.words), ("empty.txt", 0));
    }

    #[test]
    fn toggle_opens_switches_and_closes() {
        let state = State::with_seeds();
        let id = |i: usize| state.articles[i].id.clone();
        // (open before, article toggled, open after), by article index
        let cases = [(None, 0, Some(0)), (Some(0), 1, Some(1)), (Some(0), 0, None)];
        for (before, toggled, after) in cases {
            let before = State { open: before.map(id), ..state.clone() };
            let got = before.apply(Action::Toggle(id(toggled)));
            assert_eq!(got.open, after.map(id), "toggle {toggled} from {:?}", before.open);
            assert_eq!(got.articles, state.articles);
        }
    }

    #[test]
    fn toggling_an_unknown_id_changes_nothing() {
        let state = State::with_seeds().apply(Action::Toggle(SEEDS[2].name.into()));
        assert_eq!(state.apply(Action::Toggle("nope.txt".into())), state);
    }
}
