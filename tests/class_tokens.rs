//! Native tests of tokenisation (words with code point spans) and of which words an annotation span covers.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::class::tokens::{Token, Tokens};
use proptest::prelude::*;

/// The words of `text` as strings, from their code point spans.
fn words(text: &str) -> Vec<String> {
    Tokens::of_text(text)
        .as_slice()
        .iter()
        .map(|t| text.chars().skip(t.start).take(t.end - t.start).collect())
        .collect()
}

fn check_words(text: &str, expected: &[&str]) {
    assert_eq!(words(text), expected, "{text:?}");
}

#[test]
fn words_are_word_segments_with_a_letter_or_digit() {
    check_words("", &[]);
    check_words("   ", &[]);
    check_words("—, !?", &[]);
    check_words("The minister said.", &["The", "minister", "said"]);
    check_words("Don't stop", &["Don't", "stop"]);
    check_words("3.14 and 1,000", &["3.14", "and", "1,000"]);
    check_words("well-known", &["well", "known"]);
    check_words("“Quoted” (aside)", &["Quoted", "aside"]);
    check_words("Ünïcödé Straße ΟΔΟΣ שלום", &["Ünïcödé", "Straße", "ΟΔΟΣ", "שלום"]);
    check_words("e\u{301}te\u{301}", &["e\u{301}te\u{301}"]); // combining accents stay in the word
    check_words("go 😀 now", &["go", "now"]); // an emoji is not a word
    check_words("東京都", &["東", "京", "都"]); // ideographs are one word each
    check_words("first\n\nsecond", &["first", "second"]); // the block separator
}

#[test]
fn spans_are_code_points() {
    let tokens = Tokens::of_text("😀 ab 𝒳y");
    // 😀 is one code point (two UTF-16 units); 𝒳 is a letter outside the BMP.
    assert_eq!(tokens.as_slice(), &[Token { start: 2, end: 4 }, Token { start: 5, end: 7 }]);
}

#[test]
fn covered_words_overlap_by_at_least_one_code_point() {
    // "The minister said the budget will grow."
    //  0   4        13   18  22     29   34  38
    let tokens = Tokens::of_text("The minister said the budget will grow.");
    let cases = [
        ((4, 17), 1..3),
        ((3, 4), 0..0),   // the space between "The" and "minister"
        ((3, 5), 1..2),   // the space and one letter
        ((2, 4), 0..1),   // the last letter of "The" and the space
        ((0, 39), 0..7),  // everything
        ((0, 100), 0..7), // past the end
        ((38, 39), 7..7), // the full stop
        ((10, 10), 0..0), // empty
        ((12, 10), 0..0), // reversed
        ((50, 60), 7..7), // beyond the text
    ];
    for ((start, end), want) in cases {
        let got = tokens.covered(start, end);
        assert!(got.is_empty() && want.is_empty() || got == want, "covered({start}, {end}) = {got:?}, want {want:?}");
    }
    assert_eq!(tokens.span(1..3), Some((4, 17)));
    assert_eq!(tokens.span(2..2), None);
    assert_eq!(tokens.span(6..9), None);
    assert_eq!(tokens.at(5), Some(1));
    assert_eq!(tokens.at(12), None);
    assert_eq!(tokens.at(0), Some(0));
    assert_eq!(tokens.at(38), None);
    assert_eq!(tokens.at(99), None);
}

#[test]
fn a_document_is_tokenised_over_its_whole_text() {
    let doc = Document::new(
        "T",
        ArticleMeta::default(),
        &[(BlockKind::Heading, "A title"), (BlockKind::Paragraph, "First  paragraph.")],
    );
    let tokens = Tokens::new(&doc);
    let got: Vec<&str> = tokens.as_slice().iter().map(|t| doc.slice(t.start, t.end)).collect();
    assert_eq!(got, ["A", "title", "First", "paragraph"]);
    assert_eq!(tokens.len(), 4);
    assert!(!tokens.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn covered_agrees_with_a_naive_scan(text in "[a-z .,'é😀\u{301}-]{0,40}", start in 0usize..45, len in 0usize..45) {
        let tokens = Tokens::of_text(&text);
        let end = start + len;
        let naive: Vec<usize> = tokens.as_slice().iter().enumerate()
            .filter(|(_, t)| start < end && t.start < end && start < t.end)
            .map(|(i, _)| i)
            .collect();
        let got: Vec<usize> = tokens.covered(start, end).collect();
        prop_assert_eq!(got, naive);
        // Tokens are ordered, disjoint, non-empty and inside the text.
        let chars = text.chars().count();
        for pair in tokens.as_slice().windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for t in tokens.as_slice() {
            prop_assert!(t.start < t.end && t.end <= chars);
        }
    }
}
