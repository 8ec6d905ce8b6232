//! The view tabs: plain links to the routes' hashes, so they work with the keyboard, open in a
//! new tab, and survive a reload.

use yew::prelude::*;

use crate::engine::report::Report;
use crate::ui::format::thousands;
use crate::ui::ptr::Ptr;
use crate::ui::route::Route;

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub route: Route,
    pub report: Ptr<Report>,
}

#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    let r = &props.report;
    // The pair tab opens the current pair, else the most overlapping one.
    let pair = match &props.route {
        Route::Pair { left, right, .. } => {
            Some(Route::Pair { left: left.clone(), right: right.clone(), passage: None })
        }
        _ => r
            .pairs
            .iter()
            .max_by(|a, b| {
                (a.left_in_right + a.right_in_left).total_cmp(&(b.left_in_right + b.right_in_left))
            })
            .map(|p| Route::Pair { left: p.left.clone(), right: p.right.clone(), passage: None }),
    };
    let altered = r.quotes.iter().filter(|q| q.variants.len() > 1).count();
    let removed: usize = r.documents.iter().map(|d| d.removed.len()).sum();
    let tabs: Vec<(Option<Route>, &str, String)> = vec![
        (Some(Route::Overview), "Overview", String::new()),
        (pair, "Pair", String::new()),
        (Some(Route::Synopsis), "Synopsis", thousands(r.passages.len())),
        (Some(Route::Quotes), "Quotes", thousands(altered)),
        (Some(Route::Facts), "Facts", thousands(r.facts.divergences.len())),
        (Some(Route::Cleaning), "Cleaning", thousands(removed)),
    ];
    let current = props.route.tab();
    html! {
        <nav class="tabs" aria-label="Views">
            { for tabs.into_iter().map(|(route, name, count)| {
                let active = route.as_ref().map(Route::tab) == Some(current);
                match route {
                    Some(route) => html! {
                        <a class={classes!("tab", active.then_some("active"))} href={route.hash()}
                            aria-current={active.then_some("page")} data-tab={route.tab()}>
                            { name }
                            if !count.is_empty() { <span class="count">{ count }</span> }
                        </a>
                    },
                    None => html! { <span class="tab disabled" aria-disabled="true">{ name }</span> },
                }
            }) }
        </nav>
    }
}
