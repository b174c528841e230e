//! The pure core of Marginalia, grouped by concern: article loading, the annotation core, the class view's figures, storage, file formats, JSON, UI text and the session; no web crates and no I/O.
//!
//! A folder uses only the folders below it (`tests/tidy.rs` refuses an import cycle between
//! them): `text` and `i18n` use none; `json` uses `text`; `article` uses `text` and `i18n`;
//! `annotation` uses those; `storage` adds `json` and `annotation`; `format` adds `storage`;
//! `class` adds `format`; `session`, on top, uses any of them but `class`.

pub mod annotation;
pub mod article;
pub mod class;
pub mod format;
pub mod i18n;
pub mod json;
pub mod session;
pub mod storage;
pub mod text;
