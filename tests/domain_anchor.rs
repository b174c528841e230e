//! Native tests of describing a range as a quote selector and anchoring it again: exact, moved, duplicates and orphans.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::{anchor, describe, retarget, Anchored};
use marginalia::domain::annotation::{Target, CONTEXT_CHARS};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use proptest::prelude::*;

fn doc(blocks: &[&str]) -> Document {
    let raw: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (BlockKind::Paragraph, *b)).collect();
    Document::new("Title", ArticleMeta::default(), &raw)
}

fn target(start: usize, end: usize, exact: &str, prefix: &str, suffix: &str) -> Target {
    Target { start, end, exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
}

// ---------------------------------------------------------------------------------------------
// describe

fn check_describe(blocks: &[&str], start: usize, end: usize, expected: Target) {
    assert_eq!(describe(&doc(blocks), start, end), expected, "describe({start}, {end}) of {blocks:?}");
}

#[test]
fn describe_quotes_the_range_and_its_context() {
    check_describe(&["The cat sat."], 4, 7, target(4, 7, "cat", "The ", " sat."));
    check_describe(&["The cat sat."], 0, 3, target(0, 3, "The", "", " cat sat."));
    check_describe(&["The cat sat."], 8, 12, target(8, 12, "sat.", "The cat ", ""));
    check_describe(&["one", "two"], 2, 4, target(2, 4, "e\n", "on", "\ntwo"));
    check_describe(&["😀 cat 𝒳"], 2, 5, target(2, 5, "cat", "😀 ", " 𝒳"));
    check_describe(&["e\u{301}té"], 0, 2, target(0, 2, "e\u{301}", "", "té"));
    check_describe(&["abc"], 1, 99, target(1, 3, "bc", "a", "")); // end clamped
    check_describe(&["abc"], 5, 9, target(3, 3, "", "abc", "")); // wholly past the end
    check_describe(&["abc"], 2, 1, target(1, 1, "", "a", "bc")); // reversed: empty
}

#[test]
fn describe_keeps_at_most_context_chars_of_context() {
    let before = "😀".repeat(40);
    let after = "é".repeat(40);
    let text = format!("{before}quote{after}");
    let t = describe(&doc(&[&text]), 40, 45);
    assert_eq!(t.exact, "quote");
    assert_eq!(t.prefix, "😀".repeat(CONTEXT_CHARS));
    assert_eq!(t.suffix, "é".repeat(CONTEXT_CHARS));
    assert_eq!(CONTEXT_CHARS, 32);
}

// ---------------------------------------------------------------------------------------------
// anchor: the target described in `old` at [start, end) is looked for in `new`.

fn check(old: &[&str], start: usize, end: usize, new: &[&str], expected: Anchored) {
    let (old_doc, new_doc) = (doc(old), doc(new));
    let t = describe(&old_doc, start, end);
    let got = anchor(&new_doc, &t);
    assert_eq!(got, expected, "{:?} at ({start}, {end}) of {old:?}, anchored in {new:?}", t.exact);
    if let Anchored::Exact { start, end } | Anchored::Moved { start, end } = got {
        assert_eq!(new_doc.slice(start, end), t.exact, "the anchored range holds the quote");
    }
}

#[test]
fn exact() {
    check(&["The cat sat."], 4, 7, &["The cat sat."], Anchored::Exact { start: 4, end: 7 });
    check(&["The cat sat."], 0, 12, &["The cat sat."], Anchored::Exact { start: 0, end: 12 });
    check(&["The cat sat."], 4, 7, &["The cat ran away."], Anchored::Exact { start: 4, end: 7 }); // only the suffix changed
    check(&["The cat sat."], 4, 7, &["One cat sat."], Anchored::Exact { start: 4, end: 7 }); // only the prefix changed
    check(&["A", "cat"], 3, 4, &["A", "cat"], Anchored::Exact { start: 3, end: 4 });
    check(&["😀 cat 𝒳"], 2, 5, &["😀 cat 𝒳"], Anchored::Exact { start: 2, end: 5 });
    check(&["a cat b cat"], 8, 11, &["a cat b cat"], Anchored::Exact { start: 8, end: 11 }); // the second of two
    check(&["שלום עולם"], 5, 9, &["שלום עולם"], Anchored::Exact { start: 5, end: 9 });
}

#[test]
fn moved() {
    check(&["The cat sat."], 4, 7, &["Indeed. The cat sat."], Anchored::Moved { start: 12, end: 15 });
    check(&["The cat sat."], 4, 7, &["New first paragraph.", "The cat sat."], Anchored::Moved { start: 26, end: 29 });
    check(&["The cat sat."], 4, 7, &["cat"], Anchored::Moved { start: 0, end: 3 });
    check(&["The cat sat."], 4, 7, &["The fat cat sat."], Anchored::Moved { start: 8, end: 11 });
    // Positions count code points, not bytes or UTF-16 units.
    check(&["The cat sat."], 4, 7, &["😀😀 The cat sat."], Anchored::Moved { start: 7, end: 10 });
    check(&["The cat sat."], 4, 7, &["e\u{301}\u{301} The cat sat."], Anchored::Moved { start: 8, end: 11 });
    check(&["😀 cat 𝒳"], 2, 5, &["🇲🇽🇲🇽 😀 cat 𝒳"], Anchored::Moved { start: 7, end: 10 });
    // Text removed before the quote.
    check(&["Intro.", "The cat sat."], 12, 15, &["The cat sat."], Anchored::Moved { start: 4, end: 7 });
    // Past the end of a shorter document.
    check(&["A long introduction here. The cat sat."], 30, 33, &["The cat"], Anchored::Moved { start: 4, end: 7 });
    // Checkpoints: the quote lies beyond code point 64 and astral characters were inserted.
    let old = format!("{}the quote", "a".repeat(100));
    let new = format!("{}{}the quote", "😀".repeat(30), "a".repeat(100));
    check(&[&old], 100, 109, &[&new], Anchored::Moved { start: 130, end: 139 });
}

#[test]
fn duplicates_are_told_apart_by_context() {
    let old = "the cat and the cat and the dog";
    // The second "cat" (16..19) after a prefix is inserted: its prefix and suffix match the second occurrence.
    check(&[old], 16, 19, &[&format!("X {old}")], Anchored::Moved { start: 18, end: 21 });
    // The first "cat" likewise stays the first.
    check(&[old], 4, 7, &[&format!("X {old}")], Anchored::Moved { start: 6, end: 9 });
    // Context beats distance: the occurrence whose suffix matches wins though it is further away.
    check(&["aaa cat dog"], 4, 7, &["cat fox cat fox cat fox cat dog"], Anchored::Moved { start: 24, end: 27 });
    check(&["bbb cat dog"], 4, 7, &["cat fox xxx cat fox cat dog"], Anchored::Moved { start: 20, end: 23 });
    // Prefix context on its own also decides, again over a nearer occurrence.
    check(&["the red cat zzz"], 8, 11, &["big cat. red cat. old cat."], Anchored::Moved { start: 13, end: 16 });
}

fn check_ties(text: &str, t: Target, expected: Anchored) {
    assert_eq!(anchor(&doc(&[text]), &t), expected, "{t:?} in {text:?}");
}

#[test]
fn ties_go_to_the_nearest_occurrence() {
    let text = "cat cat cat cat"; // occurrences at 0, 4, 8 and 12, no context to tell them apart
    check_ties(text, target(1, 4, "cat", "", ""), Anchored::Moved { start: 0, end: 3 });
    check_ties(text, target(3, 6, "cat", "", ""), Anchored::Moved { start: 4, end: 7 });
    check_ties(text, target(9, 12, "cat", "", ""), Anchored::Moved { start: 8, end: 11 });
    check_ties(text, target(11, 14, "cat", "", ""), Anchored::Moved { start: 12, end: 15 });
    check_ties(text, target(40, 43, "cat", "", ""), Anchored::Moved { start: 12, end: 15 });
    check_ties(text, target(40, 43, "cat", "q", "q"), Anchored::Moved { start: 12, end: 15 });
    // Overlapping occurrences of the quote are all candidates.
    check_ties("banana", target(4, 7, "ana", "ban", ""), Anchored::Moved { start: 3, end: 6 });
    check_ties("xbanana", target(0, 3, "ana", "xb", "na"), Anchored::Moved { start: 2, end: 5 });
    check_ties("aaaa", target(9, 11, "aa", "", ""), Anchored::Moved { start: 2, end: 4 });
    check_ties("aaaa", target(1, 2, "aa", "", ""), Anchored::Moved { start: 1, end: 3 });
}

#[test]
fn overlapping_duplicates_after_an_insertion() {
    check(&["banana"], 3, 6, &["Xbanana"], Anchored::Moved { start: 4, end: 7 });
    check(&["banana"], 1, 4, &["Xbanana"], Anchored::Moved { start: 2, end: 5 });
    check(&["aaaaa b"], 2, 5, &["XY aaaaa b"], Anchored::Moved { start: 5, end: 8 });
}

#[test]
fn orphaned() {
    check(&["The cat sat."], 4, 7, &["The dog sat."], Anchored::Orphaned);
    check(&["The cat sat."], 4, 7, &["The Cat sat."], Anchored::Orphaned); // case matters
    check(&["The cat sat."], 4, 7, &[], Anchored::Orphaned);
    check(&["The cat sat."], 0, 12, &["The cat sat"], Anchored::Orphaned);
    check(&["one", "two"], 2, 4, &["one two"], Anchored::Orphaned); // the block break was quoted
    check(&["😀 cat"], 0, 1, &["😁 cat"], Anchored::Orphaned);
    check(&["cafe\u{301}"], 0, 5, &["café"], Anchored::Orphaned); // no Unicode normalisation
}

#[test]
fn empty_quotes_are_orphaned() {
    check(&["The cat sat."], 4, 4, &["The cat sat."], Anchored::Orphaned);
    check(&["The cat sat."], 99, 99, &["The cat sat."], Anchored::Orphaned);
    check_ties("The cat sat.", target(4, 7, "", "The ", " sat."), Anchored::Orphaned);
    check_ties("", target(0, 0, "", "", ""), Anchored::Orphaned);
}

#[test]
fn stale_positions_with_the_quote_elsewhere() {
    // Positions reversed or past the end never count as exact.
    check_ties("cat", target(3, 0, "cat", "", ""), Anchored::Moved { start: 0, end: 3 });
    check_ties("cat", target(0, 9, "cat", "", ""), Anchored::Moved { start: 0, end: 3 });
    check_ties("cat cat", target(4, 7, "cat", "", ""), Anchored::Exact { start: 4, end: 7 });
    check_ties("cat cat", target(4, 6, "cat", "", ""), Anchored::Moved { start: 4, end: 7 });
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'e'),
        3 => Just(' '),
        1 => Just('\n'),
        1 => proptest::char::range('\u{e0}', '\u{e4}'),
        2 => proptest::char::range('\u{300}', '\u{303}'),
        1 => Just('\u{200d}'),
        2 => proptest::char::range('\u{1f600}', '\u{1f603}'),
        1 => proptest::char::range('\u{1f1e6}', '\u{1f1e8}'),
        1 => proptest::char::range('\u{1d4b3}', '\u{1d4b5}'),
        1 => proptest::char::range('\u{4e00}', '\u{4e03}'),
        1 => proptest::char::range('\u{5d0}', '\u{5d3}'),
        1 => any::<char>(),
    ]
}

fn arbitrary_blocks() -> impl Strategy<Value = Vec<String>> {
    let block = proptest::collection::vec(interesting_char(), 0..50).prop_map(|c| c.into_iter().collect::<String>());
    // The first block ends with a letter, so the document is never empty.
    proptest::collection::vec(block, 1..6).prop_map(|mut blocks| {
        blocks[0].push('z');
        blocks
    })
}

/// A non-empty selection `[start, end)` of `d`, picked by two arbitrary numbers.
fn selection(d: &Document, a: usize, b: usize) -> (usize, usize) {
    let start = a % d.len_chars();
    (start, start + 1 + b % (d.len_chars() - start))
}

fn build(blocks: &[String]) -> Document {
    let raw: Vec<&str> = blocks.iter().map(String::as_str).collect();
    doc(&raw)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn describe_then_anchor_is_exact(blocks in arbitrary_blocks(), a in 0usize..1000, b in 0usize..1000) {
        let d = build(&blocks);
        let (start, end) = selection(&d, a, b);
        let t = describe(&d, start, end);
        prop_assert_eq!(t.start, start);
        prop_assert_eq!(t.end, end);
        prop_assert_eq!(t.exact.chars().count(), end - start);
        prop_assert!(t.prefix.chars().count() == start.min(CONTEXT_CHARS));
        prop_assert!(t.suffix.chars().count() == (d.len_chars() - end).min(CONTEXT_CHARS));
        prop_assert_eq!(anchor(&d, &t), Anchored::Exact { start, end });
    }

    /// Retargeting gives what describing gives, whether the old target already says that (kept
    /// as it is), was made on another version of the text, or points elsewhere or out of range.
    #[test]
    fn retarget_is_describe(
        blocks in arbitrary_blocks(),
        other in arbitrary_blocks(),
        a in 0usize..1000,
        b in 0usize..1000,
        shift in 0usize..3,
        past_end in any::<bool>(),
    ) {
        let d = build(&blocks);
        let (start, end) = selection(&d, a, b);
        let old = match shift {
            0 => describe(&d, start, end),
            1 => describe(&build(&other), start, end),
            _ => describe(&d, start / 2, end),
        };
        let end = if past_end { end + 40 } else { end };
        prop_assert_eq!(retarget(&d, old, start, end), describe(&d, start, end));
    }

    #[test]
    fn anchored_ranges_hold_the_quote(
        blocks in arbitrary_blocks(),
        inserted in arbitrary_blocks(),
        a in 0usize..1000,
        b in 0usize..1000,
    ) {
        let d = build(&blocks);
        let (start, end) = selection(&d, a, b);
        let t = describe(&d, start, end);
        let mut edited = inserted.clone();
        edited.extend(blocks.iter().cloned());
        let new_doc = build(&edited);
        match anchor(&new_doc, &t) {
            Anchored::Exact { start: s, end: e } | Anchored::Moved { start: s, end: e } => {
                prop_assert_eq!(e - s, end - start);
                prop_assert_eq!(new_doc.slice(s, e), t.exact.as_str());
            }
            Anchored::Orphaned => prop_assert!(!new_doc.text().contains(t.exact.as_str())),
            Anchored::Fuzzy { .. } => prop_assert!(false, "anchor never gives a fuzzy match"),
        }
    }
}

/// The linear exact search finds the same occurrences as comparing code point slices at every
/// position, overlapping ones and non-ASCII text included.
mod exact_search {
    use marginalia::domain::text::exact_search::ExactSearch;
    use proptest::prelude::*;

    fn naive(text: &[char], needle: &[char]) -> Vec<usize> {
        if needle.is_empty() || needle.len() > text.len() {
            return Vec::new();
        }
        (0..=text.len() - needle.len()).filter(|&i| text[i..i + needle.len()] == *needle).collect()
    }

    proptest! {
        #[test]
        fn finds_what_a_scan_finds(text in "[aé😀 b]{0,40}", needle in "[aé😀 b]{0,4}") {
            let chars: Vec<char> = text.chars().collect();
            let wanted: Vec<char> = needle.chars().collect();
            let found: Vec<usize> = ExactSearch::new(&text).occurrences(&needle).collect();
            prop_assert_eq!(found, naive(&chars, &wanted));
        }
    }
}
