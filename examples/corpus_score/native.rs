//! The corpus scorer itself (native only: it parses pages with html5ever through `scraper`).

#[path = "../../tests/support/corpus.rs"]
mod corpus;

use corpus::{extract, score, Score};

pub fn main() {
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
