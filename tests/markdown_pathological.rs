//! Pathological but valid Markdown (deep nesting, runs of brackets) opens without overflowing the stack.

use marginalia::domain::article::draft::ArticleDraft;
use marginalia::domain::article::markdown::parse_markdown;

fn has_text(draft: &ArticleDraft, needle: &str) -> bool {
    draft.blocks.iter().any(|b| b.segments.iter().any(|s| s.text.contains(needle)))
}

#[test]
fn thousands_of_nested_quotes_and_brackets_open() {
    let source = format!("# Nested quotes\n\n{}deep text\n\n{}\n", "> ".repeat(5_000), "[".repeat(50_000));
    let draft = parse_markdown(&source, None);
    assert_eq!(draft.title, "Nested quotes");
    assert!(has_text(&draft, "deep text"));
}

#[test]
fn thousands_of_nested_list_items_open() {
    let source = format!("# Nested lists\n\n{}deep item\n", "- ".repeat(5_000));
    let draft = parse_markdown(&source, None);
    assert!(has_text(&draft, "deep item"));
}
