//! Browser adapters: the only code that talks to web-sys, js-sys and gloo directly.

pub mod clock;
pub mod dom_text;
pub mod download;
pub mod files;
pub mod highlights;
pub mod html_parse;
pub mod library;
pub mod position;
pub mod segmenter;
pub mod service_worker;
pub mod storage;
