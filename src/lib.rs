//! wirediff shows how one news story was reworded across outlets.
//!
//! Data flows one way. Raw text is [`engine::clean`]ed into a document and its removed
//! lines, [`engine::segment`]ed into sentences with byte spans, turned into token sets by
//! the [`engine::lexicon`], scored pairwise by [`engine::similarity`], linked across
//! documents by [`engine::align`], diffed word by word in [`engine::diff`], grouped into
//! passages, quotes and facts, and finally gathered into one serde [`engine::report`]
//! that both front ends, the native CLI and the web app, only render.

pub mod engine;
pub mod seeds;

pub mod ui;
