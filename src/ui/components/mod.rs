//! One component per file. Props carry data and callbacks; children never mutate shared state.

pub mod add_docs;
pub mod cleaning;
pub mod closest_list;
pub mod doc_item;
pub mod explain;
pub mod export_menu;
pub mod facts_view;
pub mod heat_canvas;
pub mod heatmap;
pub mod kinds;
pub mod library;
pub mod link_row;
pub mod marked_text;
pub mod nav;
pub mod overview;
pub mod pair_view;
pub mod progress;
pub mod quotes_view;
pub mod share_bars;
pub mod synopsis;
pub mod unique_run;
pub mod word_diff;
