//! Marginalia's own JSON, below storage and the file formats: `read` walks a parsed `serde_json::Value` with its path, `write` writes exactly as serde_json formats, and `error` says where in a file and why it cannot be read.

pub mod error;
pub mod read;
pub mod write;
