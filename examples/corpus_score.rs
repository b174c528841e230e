//! Scores the native article extractor on a folder of Readability test pages: word precision, recall and F1 against expected.html, title and byline matches.
//!
//! `cargo run --release --example corpus_score -- <test-pages folder> [page name to print]`.
//! A page is a real site when its source.html is 5,000 bytes or more (the corpus's own rule).
//! Not a test: it reports, it never fails (tests/corpus_pages.rs asserts minimum scores).

#[path = "../tests/support/html_model.rs"]
mod html_model;

use std::collections::HashMap;
use std::time::Instant;

use marginalia::domain::document::Document;
use marginalia::domain::html_extract::extract_article;

/// One page's figures.
struct Score {
    name: String,
    real: bool,
    found: bool,
    precision: f64,
    recall: f64,
    f1: f64,
    title_ok: bool,
    byline_ok: bool,
    title: String,
    expected_title: String,
    byline: String,
    expected_byline: String,
    millis: f64,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args.next().expect("usage: corpus_score <test-pages folder> [page]");
    let show = args.next();
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("a readable folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if let Some(page) = show {
        print_page(&format!("{folder}/{page}"));
        return;
    }
    let scores: Vec<Score> = names.iter().map(|n| score(&folder, n)).collect();
    for s in &scores {
        println!(
            "{:<40} {} {:>5.3} {:>5.3} {:>5.3} {} {} {:>6.1}ms  {:?} / {:?}  {:?} / {:?}",
            s.name,
            if !s.real {
                "unit"
            } else if s.found {
                "real"
            } else {
                "NONE"
            },
            s.precision,
            s.recall,
            s.f1,
            if s.title_ok { "T" } else { "-" },
            if s.byline_ok { "B" } else { "-" },
            s.millis,
            s.title,
            s.expected_title,
            s.byline,
            s.expected_byline
        );
    }
    summary("real sites", scores.iter().filter(|s| s.real));
    summary("all pages", scores.iter());
}

fn summary<'a>(label: &str, scores: impl Iterator<Item = &'a Score>) {
    let scores: Vec<&Score> = scores.collect();
    let n = scores.len() as f64;
    let none = scores.iter().filter(|s| !s.found).count();
    let mean = |f: fn(&Score) -> f64| scores.iter().map(|s| f(s)).sum::<f64>() / n;
    let share = |f: fn(&Score) -> bool| 100.0 * scores.iter().filter(|s| f(s)).count() as f64 / n;
    let mut times: Vec<f64> = scores.iter().map(|s| s.millis).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{label}: {} pages, no article {none}, mean P {:.3} R {:.3} F1 {:.3}, F1>=0.9 {:.1}%, title {:.1}%, byline {:.1}%, median {:.1} ms",
        scores.len(),
        mean(|s| s.precision),
        mean(|s| s.recall),
        mean(|s| s.f1),
        share(|s| s.f1 >= 0.9),
        share(|s| s.title_ok),
        share(|s| s.byline_ok),
        times.get(times.len() / 2).copied().unwrap_or(0.0)
    );
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The expected title and byline of a page (missing ones are empty).
fn expected_meta(dir: &str) -> (String, String) {
    let meta: serde_json::Value =
        serde_json::from_str(&read(&format!("{dir}/expected-metadata.json"))).unwrap_or_default();
    let get = |k: &str| meta.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    (get("title"), get("byline"))
}

/// The extracted document of a page, and how long extraction took (parsing not counted).
fn extract(dir: &str) -> (Option<Document>, f64) {
    let tree = html_model::parse(&read(&format!("{dir}/source.html")));
    let start = Instant::now();
    let doc = extract_article(&tree).ok().and_then(|d| d.into_document());
    (doc, start.elapsed().as_secs_f64() * 1000.0)
}

/// The body's text: every block after the title heading.
fn body_text(doc: &Document) -> String {
    doc.blocks()[1..].iter().map(|b| doc.block_text(b)).collect::<Vec<_>>().join("\n")
}

/// The same title, or Readability's with a site name after a separator that Marginalia leaves out ("Headline | Site").
fn title_matches(got: &str, expected: &str) -> bool {
    let (g, e) = (squash(got), squash(expected));
    if g == e {
        return true;
    }
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " / ", " _", "_"];
    let got = got.trim();
    !g.is_empty()
        && expected.trim().strip_prefix(got).is_some_and(|rest| SEPARATORS.iter().any(|s| rest.starts_with(s)))
}

fn squash(text: &str) -> String {
    html_model::words(text).join(" ")
}

fn score(folder: &str, name: &str) -> Score {
    let dir = format!("{folder}/{name}");
    let real = std::fs::metadata(format!("{dir}/source.html")).map_or(0, |m| m.len()) >= 5000;
    let expected = html_model::fragment_words(&read(&format!("{dir}/expected.html")));
    let (expected_title, expected_byline) = expected_meta(&dir);
    let (doc, millis) = extract(&dir);
    let got = doc.as_ref().map(|d| html_model::words(&body_text(d))).unwrap_or_default();
    let (precision, recall, f1) = overlap(&got, &expected);
    let title = doc.as_ref().map(|d| d.title().to_string()).unwrap_or_default();
    let byline = doc.as_ref().and_then(|d| d.meta().byline.clone()).unwrap_or_default();
    let (b, eb) = (squash(&byline), squash(&expected_byline));
    Score {
        name: name.to_string(),
        real,
        found: doc.is_some(),
        precision,
        recall,
        f1,
        title_ok: doc.is_some() && title_matches(&title, &expected_title),
        byline_ok: b == eb || (!b.is_empty() && !eb.is_empty() && (eb.contains(&b) || b.contains(&eb))),
        title,
        expected_title,
        byline,
        expected_byline,
        millis,
    }
}

/// Word-multiset precision, recall and F1 of `got` against `expected`.
fn overlap(got: &[String], expected: &[String]) -> (f64, f64, f64) {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for w in expected {
        *counts.entry(w).or_default() += 1;
    }
    let mut common = 0usize;
    for w in got {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if got.is_empty() || expected.is_empty() {
        let same = got.is_empty() && expected.is_empty();
        return if same { (1.0, 1.0, 1.0) } else { (0.0, 0.0, 0.0) };
    }
    let p = common as f64 / got.len() as f64;
    let r = common as f64 / expected.len() as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f1)
}

fn print_page(dir: &str) {
    let (doc, _) = extract(dir);
    let Some(doc) = doc else {
        println!("no article");
        return;
    };
    println!("TITLE {:?}\nBYLINE {:?}\nDATE {:?}", doc.title(), doc.meta().byline, doc.meta().date);
    for b in doc.blocks() {
        println!("{:?}{} | {}", b.kind, b.level, doc.block_text(b));
    }
}
