//! Browser adapters: the only code that talks to web-sys, js-sys and gloo directly.

pub mod block_notes;
pub mod caret;
pub mod class_module;
pub mod clock;
pub mod crash;
pub mod dom;
pub mod dom_text;
pub mod download;
pub mod eviction;
pub mod files;
pub mod focus;
pub mod form;
pub mod highlights;
pub mod html_parse;
pub mod lang;
pub mod library;
pub mod lines;
pub mod lowercase;
pub mod paste;
pub mod position;
pub mod segmenter;
pub mod service_worker;
pub mod storage;
pub mod storage_events;
pub mod viewport;
