//! The pure core of Marginalia: documents, offsets, annotations, tags, the annotation store and the class view's agreement figures; no web crates and no I/O.

pub mod agreement;
pub mod agreement_help;
pub mod anchor;
pub mod annotation;
pub mod answer_key;
pub mod class;
pub mod class_csv;
pub mod class_import;
pub mod class_layers;
pub mod csv_cell;
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
pub mod sync;
pub mod tag_edit;
pub mod tags;
pub mod text;
pub mod tokens;
