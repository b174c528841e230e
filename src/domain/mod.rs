//! The pure core of Marginalia: documents, offsets, annotations, tags and the annotation store; no web crates and no I/O.

pub mod anchor;
pub mod annotation;
pub mod document;
pub mod format;
pub mod html_extract;
pub mod html_tree;
pub mod loader;
pub mod markdown;
pub mod myers;
pub mod persist;
pub mod plain_text;
pub mod reanchor;
pub mod store;
pub mod tags;
pub mod text;
