//! The layout's mechanical rules, checked on every file under `src/`: at most 500 lines, a `//!` header first, web crates only in `ui/browser/`, and no clock or randomness in the domain.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 500;

/// Every Rust file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    rust_files(&root.join("src"))
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("readable source");
            (p.strip_prefix(root).expect("under the crate").to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// The code of a file without its comments' text (line comments only; doc text can name anything).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).filter(|l| !l.trim().is_empty())
}

#[test]
fn no_file_is_over_500_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn every_file_opens_with_a_one_sentence_doc() {
    let bare: Vec<String> =
        sources().into_iter().filter(|(_, text)| !text.starts_with("//! ")).map(|(path, _)| path).collect();
    assert!(bare.is_empty(), "files without a `//!` first line: {bare:#?}");
}

#[test]
fn the_domain_has_no_web_crate_clock_or_randomness() {
    let banned = [
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "gloo",
        "yew",
        "SystemTime",
        "Instant::now",
        "OffsetDateTime::now",
        "rand::",
        "new_v4",
        "thread_rng",
        "std::fs",
        "std::net",
    ];
    let mut found = Vec::new();
    for (path, text) in sources().into_iter().filter(|(p, _)| p.starts_with("src/domain/")) {
        for line in code_lines(&text) {
            for word in banned.iter().filter(|w| line.contains(*w)) {
                found.push(format!("{path}: {word}: {}", line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "the domain must stay pure: {found:#?}");
}
