//! Native tests of the normalised document: white space, blocks, slices, content hash, DOM positions and selection snapping.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::{
    normalise_whitespace, ArticleMeta, Block, BlockKind, Document, BLOCK_SEPARATOR,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// A document of paragraphs.
fn doc(blocks: &[&str]) -> Document {
    let raw: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (BlockKind::Paragraph, *b)).collect();
    Document::new("Title", ArticleMeta::default(), &raw)
}

/// "Hello brave world\n\nSecond block here": block 0 is [0, 17), block 1 is [19, 36).
fn two_blocks() -> Document {
    doc(&["Hello brave world", "Second block here"])
}

/// "😀a\n\nb𝒳c": block 0 is [0, 2) (3 UTF-16 units), block 1 is [4, 7) (4 units).
fn astral_blocks() -> Document {
    doc(&["😀a", "b𝒳c"])
}

// ---------------------------------------------------------------------------------------------
// White space normalisation and blocks.

fn check_normalise(raw: &str, expected: &str) {
    assert_eq!(normalise_whitespace(raw), expected, "normalise_whitespace({raw:?})");
}

#[test]
fn white_space_is_collapsed_and_trimmed() {
    check_normalise("", "");
    check_normalise("   ", "");
    check_normalise("a", "a");
    check_normalise("  a  ", "a");
    check_normalise("a  b", "a b");
    check_normalise("a\tb\nc\r\nd", "a b c d");
    check_normalise("a\u{a0}b", "a b"); // no-break space
    check_normalise("a\u{2003}\u{2009}b", "a b"); // em space, thin space
    check_normalise("a\u{3000}b", "a b"); // ideographic space
    check_normalise("\n\n  Hello,\n   world!  \n", "Hello, world!");
    check_normalise("a\u{200b}b", "a\u{200b}b"); // a zero-width space is not white space
    check_normalise("שלום   עולם", "שלום עולם");
}

fn check_blocks(raw: &[&str], text: &str, blocks: &[(usize, usize)]) {
    let d = doc(raw);
    assert_eq!(d.text(), text, "text of {raw:?}");
    let got: Vec<(usize, usize)> = d.blocks().iter().map(|b| (b.start, b.end)).collect();
    assert_eq!(got, blocks, "blocks of {raw:?}");
    assert_eq!(d.len_chars(), text.chars().count());
    for block in d.blocks() {
        assert_eq!(d.block_text(block), normalise_whitespace(d.block_text(block)), "a block is normalised");
        assert!(!d.block_text(block).is_empty(), "no empty blocks");
    }
}

#[test]
fn blocks_are_normalised_joined_and_empty_ones_dropped() {
    check_blocks(&[], "", &[]);
    check_blocks(&[""], "", &[]);
    check_blocks(&["  \n\t "], "", &[]);
    check_blocks(&["one"], "one", &[(0, 3)]);
    check_blocks(&["one", "two"], "one\n\ntwo", &[(0, 3), (5, 8)]);
    check_blocks(&["Title", "  para  one ", "", "two"], "Title\n\npara one\n\ntwo", &[(0, 5), (7, 15), (17, 20)]);
    check_blocks(&["", "a", "   ", "b", ""], "a\n\nb", &[(0, 1), (3, 4)]);
    check_blocks(&["😀a", "b𝒳c"], "😀a\n\nb𝒳c", &[(0, 2), (4, 7)]);
    check_blocks(&["e\u{301}  x", "漢字"], "e\u{301} x\n\n漢字", &[(0, 4), (6, 8)]);
    check_blocks(&["line one\nline two"], "line one line two", &[(0, 17)]);
}

#[test]
fn title_kinds_and_meta_are_kept() {
    let meta = ArticleMeta { byline: Some("Jane Doe".into()), date: Some("2025".into()), source: None };
    let d =
        Document::new("  A   title\n", meta.clone(), &[(BlockKind::Heading, "Head"), (BlockKind::Paragraph, "Body")]);
    assert_eq!(d.title(), "A title");
    assert_eq!(d.meta(), &meta);
    assert_eq!(
        d.blocks(),
        &[
            Block { kind: BlockKind::Heading, level: 1, start: 0, end: 4 },
            Block { kind: BlockKind::Paragraph, level: 0, start: 6, end: 10 }
        ]
    );
    assert_eq!(BLOCK_SEPARATOR, "\n\n");
}

// ---------------------------------------------------------------------------------------------
// Content hash.

fn check_hash(a: &[&str], b: &[&str], equal: bool) {
    let (x, y) = (doc(a), doc(b));
    assert_eq!(x.hash() == y.hash(), equal, "hash of {a:?} vs {b:?}");
    for h in [x.hash(), y.hash()] {
        assert_eq!(h.0.len(), 64);
        assert!(h.0.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()), "lower-case hex: {}", h.0);
        assert_eq!(h.short(), &h.0[..16]);
    }
}

#[test]
fn hash_is_equal_for_equal_text_and_different_otherwise() {
    check_hash(&["a b"], &["a b"], true);
    check_hash(&["a   b"], &["  a\nb "], true); // white space is normalised first
    check_hash(&["a", "", "b"], &["a", "b"], true); // empty blocks are dropped
    check_hash(&["a b"], &["a", "b"], false); // the block separator counts
    check_hash(&["a b"], &["a c"], false);
    check_hash(&["a b"], &["A b"], false);
    check_hash(&["é"], &["e\u{301}"], false); // no Unicode normalisation
    check_hash(&["😀"], &["😁"], false);
    check_hash(&[], &[""], true);
}

#[test]
fn hash_ignores_title_kinds_and_meta() {
    let a = Document::new("One", ArticleMeta::default(), &[(BlockKind::Heading, "x"), (BlockKind::Paragraph, "y")]);
    let meta = ArticleMeta { byline: Some("Someone".into()), date: None, source: None };
    let b = Document::new("Two", meta, &[(BlockKind::Paragraph, "x"), (BlockKind::Heading, "y")]);
    assert_eq!(a.hash(), b.hash());
}

#[test]
fn hash_is_sha256_of_the_text() {
    assert_eq!(doc(&[]).hash().0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(doc(&["abc"]).hash().0, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_eq!(doc(&["abc"]).hash().short(), "ba7816bf8f01cfea");
}

// ---------------------------------------------------------------------------------------------
// Positions: block_index_at and slice.

fn check_block_at(d: &Document, cp: usize, expected: Option<usize>) {
    assert_eq!(d.block_index_at(cp), expected, "block_index_at({cp}) in {:?}", d.text());
}

#[test]
fn block_index_at() {
    let d = doc(&["Title", "para one", "two"]); // [0,5) [7,15) [17,20)
    check_block_at(&d, 0, Some(0));
    check_block_at(&d, 4, Some(0));
    check_block_at(&d, 5, Some(1)); // in the gap: the next block
    check_block_at(&d, 6, Some(1));
    check_block_at(&d, 7, Some(1));
    check_block_at(&d, 14, Some(1));
    check_block_at(&d, 15, Some(2));
    check_block_at(&d, 16, Some(2));
    check_block_at(&d, 17, Some(2));
    check_block_at(&d, 19, Some(2));
    check_block_at(&d, 20, None); // the end of the text
    check_block_at(&d, 1000, None);
    check_block_at(&doc(&[]), 0, None);
    check_block_at(&astral_blocks(), 1, Some(0));
    check_block_at(&astral_blocks(), 2, Some(1));
}

fn check_slice(d: &Document, start: usize, end: usize, expected: &str) {
    assert_eq!(d.slice(start, end), expected, "slice({start}, {end}) of {:?}", d.text());
}

#[test]
fn slices() {
    let d = doc(&["Title", "para one", "two"]);
    check_slice(&d, 0, 5, "Title");
    check_slice(&d, 3, 9, "le\n\npa");
    check_slice(&d, 17, 20, "two");
    check_slice(&d, 17, 99, "two"); // clamped
    check_slice(&d, 50, 99, "");
    check_slice(&d, 10, 5, ""); // reversed: empty
    check_slice(&d, 0, 0, "");
    let a = astral_blocks();
    check_slice(&a, 0, 1, "😀");
    check_slice(&a, 1, 5, "a\n\nb");
    check_slice(&a, 5, 6, "𝒳");
    let long = doc(&[&"😀".repeat(70), &"é".repeat(70)]);
    check_slice(&long, 63, 65, "😀😀");
    check_slice(&long, 69, 73, "😀\n\né");
    check_slice(&long, 128, 130, "éé");
    check_slice(&long, 141, 200, "é");
}

#[test]
fn char_of_byte() {
    let a = astral_blocks(); // "😀a\n\nb𝒳c": bytes 0, 4, 5, 6, 7, 8, 12, 13
    for (byte, cp) in [(0, 0), (2, 0), (4, 1), (5, 2), (7, 4), (8, 5), (10, 5), (12, 6), (13, 7), (99, 7)] {
        assert_eq!(a.char_of_byte(byte), cp, "char_of_byte({byte})");
    }
}

// ---------------------------------------------------------------------------------------------
// DOM positions: (block index, UTF-16 unit inside the block).

fn check_start(d: &Document, cp: usize, expected: Option<(usize, usize)>) {
    assert_eq!(d.block_utf16_of_char(cp), expected, "block_utf16_of_char({cp}) in {:?}", d.text());
}

#[test]
fn dom_position_of_a_start() {
    let a = astral_blocks(); // "😀a\n\nb𝒳c"
    check_start(&a, 0, Some((0, 0)));
    check_start(&a, 1, Some((0, 2)));
    check_start(&a, 2, Some((1, 0))); // a block's end is the next block's start
    check_start(&a, 3, Some((1, 0))); // in the gap: the next block's start
    check_start(&a, 4, Some((1, 0)));
    check_start(&a, 5, Some((1, 1)));
    check_start(&a, 6, Some((1, 3)));
    check_start(&a, 7, None); // nothing starts at the end of the text
    check_start(&a, 99, None);
    check_start(&doc(&[]), 0, None);
}

fn check_end(d: &Document, cp: usize, expected: Option<(usize, usize)>) {
    assert_eq!(d.block_utf16_of_end(cp), expected, "block_utf16_of_end({cp}) in {:?}", d.text());
}

#[test]
fn dom_position_of_an_end_at_block_boundaries() {
    let a = astral_blocks(); // "😀a\n\nb𝒳c"
    check_end(&a, 0, Some((0, 0)));
    check_end(&a, 1, Some((0, 2)));
    check_end(&a, 2, Some((0, 3))); // ending exactly at a block's end stays in that block
    check_end(&a, 3, Some((1, 0))); // in the gap
    check_end(&a, 4, Some((1, 0)));
    check_end(&a, 5, Some((1, 1)));
    check_end(&a, 6, Some((1, 3)));
    check_end(&a, 7, Some((1, 4))); // the end of the text
    check_end(&a, 99, Some((1, 4))); // clamped
    check_end(&doc(&[]), 0, None);
    let d = doc(&["Title", "para one", "two"]); // [0,5) [7,15) [17,20)
    check_end(&d, 5, Some((0, 5)));
    check_end(&d, 15, Some((1, 8)));
    check_end(&d, 17, Some((2, 0)));
    check_end(&d, 20, Some((2, 3)));
}

fn check_from_dom(d: &Document, block: usize, unit: usize, expected: Option<usize>) {
    assert_eq!(d.char_of_block_utf16(block, unit), expected, "char_of_block_utf16({block}, {unit}) in {:?}", d.text());
}

#[test]
fn document_position_of_a_dom_position() {
    let a = astral_blocks(); // "😀a\n\nb𝒳c"
    check_from_dom(&a, 0, 0, Some(0));
    check_from_dom(&a, 0, 1, Some(0)); // inside a surrogate pair: the character's start
    check_from_dom(&a, 0, 2, Some(1));
    check_from_dom(&a, 0, 3, Some(2)); // the block's end
    check_from_dom(&a, 0, 4, Some(2)); // past the block's end: clamped to it
    check_from_dom(&a, 0, 99, Some(2));
    check_from_dom(&a, 1, 0, Some(4));
    check_from_dom(&a, 1, 1, Some(5));
    check_from_dom(&a, 1, 2, Some(5));
    check_from_dom(&a, 1, 3, Some(6));
    check_from_dom(&a, 1, 4, Some(7));
    check_from_dom(&a, 1, 99, Some(7));
    check_from_dom(&a, 2, 0, None); // no such block
    check_from_dom(&doc(&[]), 0, 0, None);
    // Checkpoints every 64 code points inside the second block.
    let long = doc(&["x", &"😀".repeat(140)]); // block 1 starts at 3
    check_from_dom(&long, 1, 122, Some(64));
    check_from_dom(&long, 1, 123, Some(64));
    check_from_dom(&long, 1, 124, Some(65));
    check_from_dom(&long, 1, 250, Some(128));
    check_from_dom(&long, 1, 280, Some(143));
    check_start(&long, 64, Some((1, 122)));
    check_start(&long, 131, Some((1, 256)));
    check_end(&long, 143, Some((1, 280)));
}

// ---------------------------------------------------------------------------------------------
// Selection snapping.

fn check_snap(d: &Document, start: usize, end: usize, expected: Option<&str>) {
    let snapped = d.snap_selection(start, end);
    assert_eq!(
        snapped.map(|(s, e)| d.slice(s, e)),
        expected,
        "snap_selection({start}, {end}) = {snapped:?} in {:?}",
        d.text()
    );
    assert_eq!(d.snap_selection(end, start), snapped, "reversed arguments");
}

#[test]
fn selection_snapping() {
    let d = two_blocks(); // "Hello brave world\n\nSecond block here"
    check_snap(&d, 6, 11, Some("brave"));
    check_snap(&d, 8, 10, Some("brave"));
    check_snap(&d, 5, 12, Some("brave")); // surrounding spaces trimmed
    check_snap(&d, 0, 17, Some("Hello brave world"));
    check_snap(&d, 3, 22, Some("Hello brave world\n\nSecond")); // across blocks
    check_snap(&d, 12, 19, Some("world")); // ends at the next block's start
    check_snap(&d, 12, 18, Some("world")); // ends in the gap
    check_snap(&d, 17, 22, Some("Second")); // starts in the gap
    check_snap(&d, 30, 99, Some("block here")); // end clamped
    check_snap(&d, 0, 99, Some(d.text()));
    assert_eq!(d.snap_selection(3, 22), Some((0, 25)));
    assert_eq!(d.snap_selection(30, 99), Some((26, 36)));
}

#[test]
fn selection_snapping_of_nothing() {
    let d = two_blocks();
    check_snap(&d, 5, 6, None); // one space
    check_snap(&d, 11, 12, None);
    check_snap(&d, 17, 19, None); // only the gap
    check_snap(&d, 18, 19, None);
    check_snap(&d, 36, 40, None); // past the end
    check_snap(&d, 50, 60, None);
    check_snap(&doc(&[]), 0, 5, None);
}

#[test]
fn selection_snapping_unicode() {
    let d = doc(&["I ❤\u{fe0f} 👨\u{200d}👩\u{200d}👧 cafe\u{301} 🇲🇽", "مرحبا بالعالم"]);
    check_snap(&d, 3, 4, Some("❤\u{fe0f}"));
    check_snap(&d, 6, 7, Some("👨\u{200d}👩\u{200d}👧")); // inside the family
    check_snap(&d, 14, 15, Some("cafe\u{301}")); // between e and its accent
    check_snap(&d, 17, 18, Some("🇲🇽")); // between two regional indicators
    check_snap(&d, 22, 23, Some("مرحبا"));
    check_snap(&d, 14, 30, Some("cafe\u{301} 🇲🇽\n\nمرحبا بالعالم"));
    // A combining mark on a regional indicator: word and grapheme boundaries disagree.
    let odd = doc(&["x \u{1f1e6}\u{300}\u{1f1e6}\u{1f1e6} y"]);
    check_snap(&odd, 2, 3, Some("\u{1f1e6}\u{300}\u{1f1e6}\u{1f1e6}"));
    check_snap(&odd, 0, 4, Some("x \u{1f1e6}\u{300}\u{1f1e6}\u{1f1e6}"));
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'z'),
        3 => Just(' '),
        1 => Just('\n'),
        1 => Just('\u{a0}'),
        1 => proptest::char::range('\u{e0}', '\u{ff}'),
        2 => proptest::char::range('\u{300}', '\u{36f}'),
        1 => Just('\u{200d}'),
        1 => Just('\u{fe0f}'),
        2 => proptest::char::range('\u{1f600}', '\u{1f64f}'),
        1 => proptest::char::range('\u{1f1e6}', '\u{1f1ff}'),
        1 => proptest::char::range('\u{1d400}', '\u{1d4ff}'),
        1 => proptest::char::range('\u{4e00}', '\u{4e40}'),
        1 => proptest::char::range('\u{5d0}', '\u{5ea}'),
        1 => proptest::char::range('\u{627}', '\u{64a}'),
        1 => any::<char>(),
    ]
}

fn arbitrary_blocks() -> impl Strategy<Value = Vec<String>> {
    let block = proptest::collection::vec(interesting_char(), 0..60).prop_map(|c| c.into_iter().collect::<String>());
    proptest::collection::vec(block, 0..6)
}

fn build(blocks: &[String]) -> Document {
    let raw: Vec<&str> = blocks.iter().map(String::as_str).collect();
    doc(&raw)
}

fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut cp = 0;
    for g in text.graphemes(true) {
        cp += g.chars().count();
        out.push(cp);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn dom_positions_round_trip_inside_blocks(blocks in arbitrary_blocks()) {
        let d = build(&blocks);
        for (index, block) in d.blocks().iter().enumerate() {
            for cp in block.start..block.end {
                let (i, unit) = d.block_utf16_of_char(cp).expect("a position inside a block");
                prop_assert_eq!(i, index);
                prop_assert_eq!(d.char_of_block_utf16(i, unit), Some(cp));
                let expected_unit: usize = d.slice(block.start, cp).encode_utf16().count();
                prop_assert_eq!(unit, expected_unit);
            }
            for cp in block.start + 1..=block.end {
                let (i, unit) = d.block_utf16_of_end(cp).expect("an end inside a block");
                prop_assert_eq!(i, index);
                prop_assert_eq!(d.char_of_block_utf16(i, unit), Some(cp));
            }
            let block_units = d.block_text(block).encode_utf16().count();
            for unit in 0..=block_units {
                let cp = d.char_of_block_utf16(index, unit).expect("a unit inside a block");
                prop_assert!(block.start <= cp && cp <= block.end);
                let (i, back) = d.block_utf16_of_end(cp).expect("a position inside a block");
                prop_assert_eq!(i, index);
                prop_assert!(back <= unit && unit - back <= 1, "unit {} came back as {}", unit, back);
            }
        }
    }

    #[test]
    fn snapped_selections_stay_in_the_document_and_on_clusters(
        blocks in arbitrary_blocks(),
        a in 0usize..400,
        b in 0usize..400,
    ) {
        let d = build(&blocks);
        let (a, b) = (a % (d.len_chars() + 3), b % (d.len_chars() + 3));
        let bounds = grapheme_boundaries(d.text());
        if let Some((s, e)) = d.snap_selection(a, b) {
            prop_assert!(s < e && e <= d.len_chars(), "({}, {}) from ({}, {}) in {:?}", s, e, a, b, d.text());
            prop_assert!(bounds.contains(&s) && bounds.contains(&e), "({}, {}) splits a cluster in {:?}", s, e, d.text());
            prop_assert!(!d.slice(s, e).trim().is_empty());
            let first = d.block_index_at(s).expect("starts in a block");
            prop_assert!(d.blocks()[first].start <= s, "({}, {}) starts in a gap", s, e);
            prop_assert!(d.blocks().iter().any(|blk| blk.start < e && e <= blk.end), "({}, {}) ends in a gap", s, e);
        }
    }

    #[test]
    fn hash_depends_only_on_text(blocks in arbitrary_blocks()) {
        let d = build(&blocks);
        let again = doc(&[d.text()]);
        prop_assert_eq!(d.hash() == again.hash(), d.text() == again.text());
        prop_assert_eq!(d.len_chars(), d.text().chars().count());
    }
}
