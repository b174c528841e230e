//! The layout's mechanical rules, checked on every file under `src/`: at most 500 lines, a `//!` header first, web crates only in `ui/browser/`, no clock or randomness in the domain, and no import cycle between the domain's folders.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
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

#[test]
fn web_sys_and_js_sys_are_used_only_under_ui_browser() {
    let mut found = Vec::new();
    for (path, text) in sources().into_iter().filter(|(p, _)| !p.starts_with("src/ui/browser/")) {
        for line in code_lines(&text) {
            for word in ["web_sys", "js_sys"].iter().filter(|w| line.contains(*w)) {
                found.push(format!("{path}: {word}: {}", line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "the browser is reached through ui/browser's adapters: {found:#?}");
}

/// The domain folder a file under `src/domain/` belongs to, and its module's depth below `domain`
/// (`article/markdown/blocks.rs` is in `article`, at depth 3); `None` for `src/domain/mod.rs`.
fn domain_folder(path: &str) -> Option<(String, usize)> {
    let rest = path.strip_prefix("src/domain/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    let depth = if parts.last() == Some(&"mod.rs") { parts.len() - 1 } else { parts.len() };
    (depth > 0).then(|| (parts[0].trim_end_matches(".rs").to_string(), depth))
}

/// The first path segments `code` names after each `crate::domain::` (both in
/// `crate::domain::annotation::Annotation` and in `crate::domain::{article, text::sort}`).
fn domain_paths(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for (at, _) in code.match_indices("crate::domain::") {
        let after = &code[at + "crate::domain::".len()..];
        match after.strip_prefix('{') {
            Some(group) => {
                let mut depth = 0;
                let mut item_start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        c if item_start && !c.is_whitespace() => {
                            names.push(ident(&group[i..]));
                            item_start = false;
                        }
                        _ => {}
                    }
                }
            }
            None => names.push(ident(after)),
        }
    }
    names
}

/// Which domain folders each domain folder uses, and every path that leaves its folder without
/// naming where it goes (`super::` up to `domain` itself): between folders, only `crate::domain::…`.
fn domain_uses() -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut unnamed = Vec::new();
    for (path, text) in sources() {
        let Some((folder, depth)) = domain_folder(&path) else { continue };
        if path.matches('/').count() == 2 {
            unnamed.push(format!("{path}: every domain file lives in a folder"));
        }
        let code: String = code_lines(&text).collect::<Vec<_>>().join("\n");
        for (at, _) in code.match_indices("super::") {
            let before = &code[..at];
            if before.ends_with("super::") {
                continue; // counted from the first `super::` of the run
            }
            let run = (0..).take_while(|k| code[at + k * "super::".len()..].starts_with("super::")).count();
            if run >= depth {
                unnamed.push(format!("{path}: `{}` reaches past its folder", "super::".repeat(run)));
            }
        }
        let entry = uses.entry(folder.clone()).or_default();
        entry.extend(domain_paths(&code).into_iter().filter(|name| *name != folder));
    }
    (uses, unnamed)
}

/// A cycle among the folders of `uses`, as the folders it passes through, if there is one.
fn cycle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut found = path[start..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in uses.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, uses, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys().find_map(|start| visit(start, uses, &mut Vec::new(), &mut done))
}

#[test]
fn the_domain_folders_use_each_other_without_a_cycle() {
    let (uses, unnamed) = domain_uses();
    assert!(unnamed.is_empty(), "paths between domain folders must be `crate::domain::…`: {unnamed:#?}");
    for (folder, used) in &uses {
        for name in used {
            assert!(uses.contains_key(name), "{folder} uses `crate::domain::{name}`, which is no domain folder");
        }
    }
    assert!(uses.len() >= 8, "the domain's folders were not found: {uses:?}");
    let graph: Vec<String> =
        uses.iter().map(|(f, u)| format!("{f} -> {}", Vec::from_iter(u.clone()).join(", "))).collect();
    assert_eq!(cycle(&uses), None, "an import cycle between domain folders; they use:\n{}", graph.join("\n"));
}

#[test]
fn the_cycle_check_finds_a_cycle_and_reads_grouped_paths() {
    let graph = |edges: &[(&str, &str)]| {
        let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in edges {
            uses.entry(from.to_string()).or_default().insert(to.to_string());
            uses.entry(to.to_string()).or_default();
        }
        uses
    };
    let found = cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")])).expect("a cycle");
    assert_eq!(found.first(), found.last());
    assert_eq!(found.len(), 4);
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    let code = "use crate::domain::{article::document::{Document, RawBlock}, text};\nlet t = crate::domain::json::read::parse(x);";
    assert_eq!(domain_paths(code), ["article", "text", "json"]);
    assert_eq!(domain_folder("src/domain/article/markdown/blocks.rs"), Some(("article".into(), 3)));
    assert_eq!(domain_folder("src/domain/format/mod.rs"), Some(("format".into(), 1)));
}
