//! Hostile Markdown (nested, unclosed and repeated constructs) parses with work linear in its size and without deep recursion.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/linear.rs"]
mod linear;

use linear::{assert_linear, repeat};
use marginalia::domain::article::markdown::{events, parse_markdown, Event};

/// Repeated units that made the parser rescan (unclosed destinations, titles, labels, entities,
/// comments, closers without openers) or nest (emphasis, quotes, lists, brackets).
const REPEATED: &[(&str, &str)] = &[
    ("unclosed angle destinations", "[a](<b"),
    ("link openers with emphasis closers", "[ a_"),
    ("brackets with open titles", "[ (]("),
    ("unclosed titles", "[a](b ("),
    ("unbalanced destination parentheses", "[a](b("),
    ("closers without openers", "a* "),
    ("links after open brackets", "[a](b) ["),
    ("images after open brackets", "![a](b) ["),
    ("lone ampersands", "&"),
    ("long entity-like names", "&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ("unclosed tags with quotes", "<a \""),
    ("unclosed comments", "<!--"),
    ("unclosed autolinks", "<a"),
    ("open brackets", "["),
    ("close brackets", "]"),
    ("nested brackets", "[[[[[[[[]]]]]]]]"),
    ("reference definitions", "[a]: b\n"),
    ("full references to open labels", "[a][b"),
    ("nested quotes", "> "),
    ("nested lists", "- "),
    ("alternating emphasis openers", "*a **a "),
    ("underscores in words", "a_b_"),
    ("backtick runs", "a` "),
    ("escapes", "\\*\\["),
    ("lines", "a\n"),
];

fn parse(source: &str) {
    std::hint::black_box(parse_markdown(source, None));
}

#[test]
fn repeated_constructs_parse_in_linear_work() {
    for (name, unit) in REPEATED {
        assert_linear(name, 600, |bytes| repeat(unit, bytes), parse);
    }
}

#[test]
fn nested_emphasis_parses_in_linear_work() {
    let nested = |bytes: usize| format!("{}{}", repeat("*a **a ", bytes / 2), repeat(" a** a*", bytes / 2));
    assert_linear("nested emphasis", 600, nested, parse);
    // Backtick runs of every length up to a limit: a closer search per length must not rescan.
    let ticks = |bytes: usize| (1..).map(|k| format!("a{} ", "`".repeat(k % 100 + 1))).take(bytes / 50).collect();
    assert_linear("backtick runs of many lengths", 600, ticks, parse);
}

#[test]
fn deep_emphasis_keeps_its_events_paired_and_its_marks_bounded() {
    let source = format!("{}{}", "*a **a ".repeat(4_000), " a** a*".repeat(4_000));
    let mut depth = 0usize;
    let mut deepest = 0;
    for event in events(&source) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        deepest = deepest.max(depth);
    }
    assert_eq!(depth, 0);
    assert!(deepest > 8_000, "the emphasis nests {deepest} deep");
    let draft = parse_markdown(&source, None);
    let most_marks = draft.blocks.iter().flat_map(|b| &b.segments).map(|s| s.marks.len()).max().unwrap_or(0);
    assert_eq!(most_marks, marginalia::domain::article::markdown::MAX_MARK_DEPTH);
    assert!(draft.into_document().is_some());
}

/// The parse runs on a thread with a small stack (the wasm's is about 1 MB), so recursion that
/// grows with the input overflows here as it did in the browser.
#[test]
fn hostile_markdown_parses_on_a_small_stack() {
    let inputs: Vec<String> = vec![
        format!("{}{}", "*a **a ".repeat(8_000), " a** a*".repeat(8_000)),
        "> ".repeat(50_000),
        "- ".repeat(50_000),
        "[".repeat(100_000) + &"]".repeat(100_000),
        "[a](".repeat(50_000),
    ];
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            for input in inputs {
                std::hint::black_box(parse_markdown(&input, None).into_document());
            }
        })
        .unwrap()
        .join()
        .unwrap();
}
