//! Marginalia: an in-browser article annotator. `domain` is pure Rust; `ui` is the yew front end (wasm32 only).

pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod ui;
