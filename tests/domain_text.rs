//! Native tests of offset conversion between UTF-8 bytes, code points and UTF-16 units, and of grapheme and word snapping.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::text::{
    byte_of_char_scan, char_len, char_of_utf16_scan, quiet_window, slice_chars, snap_to_graphemes, snap_to_words,
    snapped_end, snapped_end_reaching, snapped_start, snapped_start_reaching, utf16_of_char_scan, OffsetIndex,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

// ---------------------------------------------------------------------------------------------
// Naive reference implementations: obviously right, quadratic, used as the oracle.

fn ref_byte_of_char(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

fn ref_char_of_byte(text: &str, byte: usize) -> usize {
    if byte >= text.len() {
        return text.chars().count();
    }
    // The character whose bytes include `byte`: the number of characters starting at or before it, minus one.
    text.char_indices().filter(|(b, _)| *b <= byte).count() - 1
}

fn ref_utf16_of_char(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

fn ref_char_of_utf16(text: &str, unit: usize) -> usize {
    let mut pos = 0;
    for (cp, ch) in text.chars().enumerate() {
        if pos + ch.len_utf16() > unit {
            return cp;
        }
        pos += ch.len_utf16();
    }
    text.chars().count()
}

/// Code point offsets of every grapheme cluster boundary of `text`, including 0 and the end.
fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    let mut cp = 0;
    for g in text.graphemes(true) {
        cp += g.chars().count();
        out.push(cp);
    }
    out
}

/// Compares every conversion of `OffsetIndex` (and the `_scan` helpers) with the reference, at every position and a few past the end.
fn assert_agrees_with_reference(text: &str) {
    let index = OffsetIndex::new(text);
    let chars = text.chars().count();
    let units: usize = text.chars().map(char::len_utf16).sum();
    assert_eq!(index.len_chars(), chars, "len_chars of {text:?}");
    assert_eq!(index.len_utf16(), units, "len_utf16 of {text:?}");
    assert_eq!(char_len(text), chars);
    for cp in 0..=chars + 3 {
        assert_eq!(index.byte_of_char(text, cp), ref_byte_of_char(text, cp), "byte_of_char({cp}) in {text:?}");
        assert_eq!(index.utf16_of_char(text, cp), ref_utf16_of_char(text, cp), "utf16_of_char({cp}) in {text:?}");
        assert_eq!(byte_of_char_scan(text, cp), ref_byte_of_char(text, cp), "byte_of_char_scan({cp}) in {text:?}");
        assert_eq!(utf16_of_char_scan(text, cp), ref_utf16_of_char(text, cp.min(chars)), "utf16_of_char_scan({cp})");
    }
    for byte in 0..=text.len() + 3 {
        assert_eq!(index.char_of_byte(text, byte), ref_char_of_byte(text, byte), "char_of_byte({byte}) in {text:?}");
    }
    for unit in 0..=units + 3 {
        assert_eq!(index.char_of_utf16(text, unit), ref_char_of_utf16(text, unit), "char_of_utf16({unit}) in {text:?}");
        assert_eq!(char_of_utf16_scan(text, unit), ref_char_of_utf16(text, unit), "char_of_utf16_scan({unit})");
    }
}

// ---------------------------------------------------------------------------------------------
// Offsets: code point `cp` of `text` sits at UTF-8 byte `byte` and UTF-16 unit `unit`, both ways.

fn check(text: &str, cp: usize, byte: usize, unit: usize) {
    let index = OffsetIndex::new(text);
    assert_eq!(index.byte_of_char(text, cp), byte, "byte_of_char({cp}) in {text:?}");
    assert_eq!(index.char_of_byte(text, byte), cp, "char_of_byte({byte}) in {text:?}");
    assert_eq!(index.utf16_of_char(text, cp), unit, "utf16_of_char({cp}) in {text:?}");
    assert_eq!(index.char_of_utf16(text, unit), cp, "char_of_utf16({unit}) in {text:?}");
    assert_eq!(byte_of_char_scan(text, cp), byte, "byte_of_char_scan({cp}) in {text:?}");
    assert_eq!(utf16_of_char_scan(text, cp), unit, "utf16_of_char_scan({cp}) in {text:?}");
    assert_eq!(char_of_utf16_scan(text, unit), cp, "char_of_utf16_scan({unit}) in {text:?}");
    assert_agrees_with_reference(text);
}

#[test]
fn offsets_ascii() {
    check("", 0, 0, 0);
    check("a", 0, 0, 0);
    check("a", 1, 1, 1);
    check("abc", 1, 1, 1);
    check("abc", 3, 3, 3);
    check("Hello, world!", 7, 7, 7);
}

#[test]
fn offsets_accents() {
    check("é", 1, 2, 1); // precomposed U+00E9: 2 bytes, 1 unit
    check("éa", 1, 2, 1);
    check("aéb", 2, 3, 2);
    check("e\u{301}a", 1, 1, 1); // decomposed: e + U+0301 are two code points
    check("e\u{301}a", 2, 3, 2);
    check("e\u{301}a", 3, 4, 3);
    check("café crème", 5, 6, 5);
    check("cafe\u{301} cre\u{300}me", 6, 7, 6);
    check("ñandú", 5, 7, 5);
}

#[test]
fn offsets_combining_marks() {
    check("a\u{308}\u{301}b", 1, 1, 1);
    check("a\u{308}\u{301}b", 2, 3, 2);
    check("a\u{308}\u{301}b", 3, 5, 3);
    check("a\u{308}\u{301}b", 4, 6, 4);
    check("\u{301}", 1, 2, 1); // a lone combining mark
    check("Z\u{351}\u{34c}\u{35b}a", 4, 7, 4);
}

#[test]
fn offsets_emoji_and_astral() {
    check("😀", 1, 4, 2);
    check("😀a", 1, 4, 2);
    check("😀a", 2, 5, 3);
    check("a😀b", 2, 5, 3);
    check("𝒳", 1, 4, 2); // U+1D4B3, mathematical script X
    check("𝒳=𝒳", 2, 5, 3);
    check("🇲🇽", 1, 4, 2); // a flag is two regional indicators
    check("🇲🇽", 2, 8, 4);
    check("🇲🇽🇫🇷", 3, 12, 6);
    check("👨\u{200d}👩\u{200d}👧", 1, 4, 2); // ZWJ family: man ZWJ woman ZWJ girl
    check("👨\u{200d}👩\u{200d}👧", 2, 7, 3);
    check("👨\u{200d}👩\u{200d}👧", 3, 11, 5);
    check("👨\u{200d}👩\u{200d}👧", 5, 18, 8);
    check("❤\u{fe0f}x", 2, 6, 2); // BMP emoji plus variation selector
    check("😀😀😀", 2, 8, 4);
}

#[test]
fn offsets_cjk() {
    check("漢字", 1, 3, 1);
    check("漢字かなカナ", 4, 12, 4);
    check("한국어", 2, 6, 2);
    check("𠀋x", 1, 4, 2); // CJK extension B is astral
}

#[test]
fn offsets_right_to_left() {
    check("سلام", 2, 4, 2); // Arabic
    check("مرحبا بالعالم", 6, 11, 6);
    check("שלום", 3, 6, 3); // Hebrew
    check("שָׁלוֹם", 3, 6, 3); // Hebrew with points (combining)
    check("abc שלום def", 8, 12, 8);
}

#[test]
fn offsets_mixed() {
    let mixed = "a é 😀 漢 ש e\u{301} 🇲🇽 𝒳!";
    check(mixed, 2, 2, 2);
    check(mixed, 4, 5, 4);
    check(mixed, 5, 9, 6);
    check(mixed, 7, 13, 8);
    check(mixed, 9, 16, 10);
    check(mixed, 12, 20, 13);
    check(mixed, 16, 30, 19);
    check(mixed, 17, 34, 21);
    check(mixed, 18, 35, 22);
}

/// `n` astral characters, then `tail`: checkpoints (every 64 code points) fall inside runs of 4-byte, 2-unit characters.
fn astral_then(n: usize, tail: &str) -> String {
    "😀".repeat(n) + tail
}

#[test]
fn offsets_long_texts_around_checkpoints() {
    let all_astral = astral_then(200, "");
    for cp in [0, 1, 62, 63, 64, 65, 127, 128, 129, 191, 192, 193, 199, 200] {
        check(&all_astral, cp, cp * 4, cp * 2);
    }
    let tail = astral_then(70, "abcdefghij");
    check(&tail, 63, 252, 126);
    check(&tail, 64, 256, 128);
    check(&tail, 65, 260, 130);
    check(&tail, 70, 280, 140);
    check(&tail, 71, 281, 141);
    check(&tail, 80, 290, 150);
    // Alternating one-byte and astral characters, so every checkpoint is at a different kind.
    let alternating = "a😀".repeat(80);
    check(&alternating, 63, 31 * 5 + 1, 31 * 3 + 1);
    check(&alternating, 64, 32 * 5, 32 * 3);
    check(&alternating, 65, 32 * 5 + 1, 32 * 3 + 1);
    check(&alternating, 128, 64 * 5, 64 * 3);
    check(&alternating, 160, 400, 240);
    // Exactly 64 and 128 code points: the end is itself a checkpoint.
    let exactly_64 = astral_then(64, "");
    check(&exactly_64, 63, 252, 126);
    check(&exactly_64, 64, 256, 128);
    let exactly_128 = astral_then(100, &"é".repeat(28));
    check(&exactly_128, 100, 400, 200);
    check(&exactly_128, 127, 454, 227);
    check(&exactly_128, 128, 456, 228);
    // Combining marks and family emoji spanning the checkpoints.
    let families = "👨\u{200d}👩\u{200d}👧 e\u{301} ".repeat(16);
    for cp in [60, 63, 64, 65, 127, 128, 129] {
        check(&families, cp, ref_byte_of_char(&families, cp), ref_utf16_of_char(&families, cp));
    }
}

// Positions inside a character count as that character's start.

fn check_inside_byte(text: &str, byte: usize, cp: usize) {
    let index = OffsetIndex::new(text);
    assert_eq!(index.char_of_byte(text, byte), cp, "char_of_byte({byte}) in {text:?}");
}

#[test]
fn byte_inside_a_character_maps_to_its_start() {
    check_inside_byte("é", 1, 0);
    check_inside_byte("éa", 1, 0);
    check_inside_byte("aé", 2, 1);
    check_inside_byte("😀", 1, 0);
    check_inside_byte("😀", 3, 0);
    check_inside_byte("a😀b", 2, 1);
    check_inside_byte("a😀b", 4, 1);
    check_inside_byte("漢字", 4, 1);
    check_inside_byte("漢字", 5, 1);
    check_inside_byte("שלום", 7, 3);
    check_inside_byte(&astral_then(70, ""), 257, 64);
    check_inside_byte(&astral_then(70, ""), 255, 63);
    check_inside_byte(&astral_then(70, ""), 279, 69);
    check_inside_byte(&astral_then(64, ""), 255, 63);
}

fn check_inside_unit(text: &str, unit: usize, cp: usize) {
    let index = OffsetIndex::new(text);
    assert_eq!(index.char_of_utf16(text, unit), cp, "char_of_utf16({unit}) in {text:?}");
    assert_eq!(char_of_utf16_scan(text, unit), cp, "char_of_utf16_scan({unit}) in {text:?}");
}

#[test]
fn unit_inside_a_surrogate_pair_maps_to_its_start() {
    check_inside_unit("😀", 1, 0);
    check_inside_unit("a😀", 2, 1);
    check_inside_unit("𝒳𝒳", 3, 1);
    check_inside_unit("🇲🇽", 3, 1);
    check_inside_unit(&astral_then(70, ""), 129, 64);
    check_inside_unit(&astral_then(70, ""), 127, 63);
    check_inside_unit(&astral_then(70, ""), 139, 69);
}

// Offsets past the end are clamped to the end.

fn check_past_end(text: &str, past: usize) {
    let index = OffsetIndex::new(text);
    let (chars, bytes, units) = (text.chars().count(), text.len(), text.encode_utf16().count());
    assert_eq!(index.byte_of_char(text, chars + past), bytes, "byte_of_char past the end of {text:?}");
    assert_eq!(index.utf16_of_char(text, chars + past), units, "utf16_of_char past the end of {text:?}");
    assert_eq!(index.char_of_byte(text, bytes + past), chars, "char_of_byte past the end of {text:?}");
    assert_eq!(index.char_of_utf16(text, units + past), chars, "char_of_utf16 past the end of {text:?}");
    assert_eq!(byte_of_char_scan(text, chars + past), bytes);
    assert_eq!(char_of_utf16_scan(text, units + past), chars);
}

#[test]
fn offsets_past_the_end_are_clamped() {
    check_past_end("", 1);
    check_past_end("", usize::MAX / 2);
    check_past_end("abc", 1);
    check_past_end("abc", 1000);
    check_past_end("😀", 1);
    check_past_end("e\u{301}", 5);
    check_past_end(&astral_then(64, ""), 1);
    check_past_end(&astral_then(65, ""), 1);
    check_past_end(&astral_then(200, "x"), 64);
    check_past_end(&astral_then(200, "x"), usize::MAX / 2);
}

fn check_lengths(text: &str, chars: usize, units: usize) {
    let index = OffsetIndex::new(text);
    assert_eq!((index.len_chars(), index.len_utf16(), char_len(text)), (chars, units, chars), "{text:?}");
}

#[test]
fn lengths() {
    check_lengths("", 0, 0);
    check_lengths("abc", 3, 3);
    check_lengths("é", 1, 1);
    check_lengths("e\u{301}", 2, 2);
    check_lengths("😀", 1, 2);
    check_lengths("🇲🇽", 2, 4);
    check_lengths("👨\u{200d}👩\u{200d}👧", 5, 8);
    check_lengths("漢字", 2, 2);
    check_lengths("שלום", 4, 4);
    check_lengths(&astral_then(64, ""), 64, 128);
    check_lengths(&astral_then(129, "ab"), 131, 260);
}

fn check_slice(text: &str, start: usize, end: usize, expected: &str) {
    assert_eq!(slice_chars(text, start, end), expected, "slice_chars({text:?}, {start}, {end})");
}

#[test]
fn slices_by_code_point() {
    check_slice("hello", 1, 3, "el");
    check_slice("héllo", 1, 3, "él");
    check_slice("a😀b", 1, 2, "😀");
    check_slice("a😀b", 0, 3, "a😀b");
    check_slice("e\u{301}x", 0, 1, "e");
    check_slice("abc", 2, 99, "c");
    check_slice("abc", 5, 9, "");
    check_slice("abc", 2, 1, "");
    check_slice("", 0, 0, "");
    check_slice("שלום עולם", 5, 9, "עולם");
}

// ---------------------------------------------------------------------------------------------
// Grapheme snapping never splits a cluster.

fn check_graphemes(text: &str, start: usize, end: usize, expected: (usize, usize)) {
    assert_eq!(snap_to_graphemes(text, start, end), expected, "snap_to_graphemes({text:?}, {start}, {end})");
}

#[test]
fn grapheme_snapping() {
    check_graphemes("abc", 1, 2, (1, 2));
    check_graphemes("abc", 0, 3, (0, 3));
    check_graphemes("abc", 2, 1, (1, 2)); // reversed
    check_graphemes("e\u{301}x", 1, 2, (0, 2)); // start between e and its accent
    check_graphemes("e\u{301}x", 0, 1, (0, 2)); // end between e and its accent
    check_graphemes("xe\u{301}", 2, 3, (1, 3));
    check_graphemes("a\u{308}\u{301}b", 1, 2, (0, 3));
    check_graphemes("👨\u{200d}👩\u{200d}👧!", 2, 3, (0, 5));
    check_graphemes("👨\u{200d}👩\u{200d}👧!", 4, 6, (0, 6));
    check_graphemes("🇲🇽🇫🇷", 1, 3, (0, 4));
    check_graphemes("🇲🇽🇫🇷", 2, 3, (2, 4));
    check_graphemes("❤\u{fe0f}x", 0, 1, (0, 2));
    check_graphemes("\u{1100}\u{1161}\u{11a8}a", 1, 2, (0, 3)); // Hangul jamo form one syllable
    check_graphemes("a\r\nb", 2, 3, (1, 3)); // CR LF is one cluster
    check_graphemes("שָׁלוֹם", 1, 2, (0, 3));
    check_graphemes("漢字", 0, 1, (0, 1));
}

#[test]
fn grapheme_snapping_collapsed_and_out_of_range() {
    check_graphemes("abc", 0, 0, (0, 0));
    check_graphemes("abc", 1, 1, (1, 1));
    check_graphemes("abc", 3, 3, (3, 3));
    check_graphemes("e\u{301}x", 1, 1, (0, 0)); // inside a cluster: its start
    check_graphemes("e\u{301}x", 2, 2, (2, 2));
    check_graphemes("abc", 2, 10, (2, 3)); // end clamped
    check_graphemes("abc", 5, 9, (3, 3)); // wholly past the end: empty at the end
    check_graphemes("abc", 9, 9, (3, 3));
    check_graphemes("", 0, 4, (0, 0));
}

// Word snapping extends mid-word selections to whole words and trims white space.

fn check_words(text: &str, start: usize, end: usize, expected: &str) {
    let (s, e) = snap_to_words(text, start, end);
    assert!(s <= e && e <= char_len(text), "snap_to_words({text:?}, {start}, {end}) = ({s}, {e})");
    assert_eq!(slice_chars(text, s, e), expected, "snap_to_words({text:?}, {start}, {end}) = ({s}, {e})");
    assert_eq!(snap_to_words(text, end, start), (s, e), "reversed arguments");
}

#[test]
fn word_snapping() {
    let text = "Hello brave new world";
    check_words(text, 0, 5, "Hello");
    check_words(text, 1, 3, "Hello");
    check_words(text, 8, 14, "brave new");
    check_words(text, 5, 13, "brave new"); // leading space trimmed, end touches "new"
    check_words(text, 5, 12, "brave"); // both surrounding spaces trimmed
    check_words(text, 5, 11, "brave");
    check_words(text, 4, 7, "Hello brave");
    check_words(text, 20, 21, "world");
    check_words(text, 0, 21, text);
    check_words("  padded  ", 0, 10, "padded");
    check_words("Hello, world!", 3, 9, "Hello, world");
    check_words("Hello, world!", 11, 13, "world!");
    check_words("don't stop", 0, 2, "don't");
    check_words("pi is 3.14 today", 7, 8, "3.14");
    check_words("e-mail", 0, 1, "e");
}

#[test]
fn word_snapping_unicode() {
    check_words("café crème", 2, 3, "café");
    check_words("cafe\u{301} cre\u{300}me", 3, 4, "cafe\u{301}");
    check_words("cafe\u{301} cre\u{300}me", 4, 7, "cafe\u{301} cre\u{300}me");
    check_words("I ❤\u{fe0f} Rust", 2, 3, "❤\u{fe0f}");
    check_words("we 👨\u{200d}👩\u{200d}👧 go", 4, 5, "👨\u{200d}👩\u{200d}👧");
    check_words("go 🇲🇽 now", 4, 5, "🇲🇽");
    check_words("x 𝒳𝒳 y", 2, 3, "𝒳𝒳");
    check_words("مرحبا بالعالم", 2, 3, "مرحبا");
    check_words("مرحبا بالعالم", 8, 9, "بالعالم");
    check_words("שלום עולם", 1, 7, "שלום עולם");
    check_words("Straße über", 3, 9, "Straße über");
    // Word rules pair the first two regional indicators across the accent; grapheme rules pair the last two.
    check_words("a \u{1f1e6}\u{300}\u{1f1e6}\u{1f1e6} b", 2, 3, "\u{1f1e6}\u{300}\u{1f1e6}\u{1f1e6}");
}

#[test]
fn word_snapping_white_space_only() {
    check_words("a   b", 1, 4, "   "); // unchanged: the caller treats it as empty
    check_words("a   b", 2, 3, " ");
    // A space carrying combining marks is one word piece with the space before it, but not white space.
    check_words("a  \u{300}\u{300}", 1, 2, " ");
    check_words("a  \u{300}\u{300}", 3, 4, " \u{300}\u{300}");
    check_words("a \u{200e}b", 0, 2, "a"); // a format character after a space
}

#[test]
fn word_snapping_never_keeps_white_space_clusters() {
    check_words("a  \u{300}\u{300} b", 1, 5, " \u{300}\u{300}");
    check_words("a  \u{300}\u{300} b", 0, 7, "a  \u{300}\u{300} b");
    check_words("a  \u{300}\u{300} b", 0, 2, "a");
    check_words("abc", 1, 1, "");
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => Just('\n'),
        1 => proptest::char::range('\u{e0}', '\u{ff}'),
        2 => proptest::char::range('\u{300}', '\u{36f}'),
        1 => Just('\u{200d}'),
        1 => Just('\u{fe0f}'),
        2 => proptest::char::range('\u{1f600}', '\u{1f64f}'),
        1 => proptest::char::range('\u{1f466}', '\u{1f469}'),
        1 => proptest::char::range('\u{1f1e6}', '\u{1f1ff}'),
        1 => proptest::char::range('\u{1d400}', '\u{1d4ff}'),
        1 => proptest::char::range('\u{4e00}', '\u{4e40}'),
        1 => proptest::char::range('\u{5d0}', '\u{5ea}'),
        1 => proptest::char::range('\u{627}', '\u{64a}'),
        1 => proptest::char::range('\u{1100}', '\u{11ff}'),
        1 => any::<char>(),
    ]
}

fn interesting_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..max).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn offset_index_agrees_with_reference(text in interesting_text(300)) {
        assert_agrees_with_reference(&text);
    }

    #[test]
    fn grapheme_snapping_never_splits_a_cluster(text in interesting_text(80), a in 0usize..90, b in 0usize..90) {
        let len = char_len(&text);
        let bounds = grapheme_boundaries(&text);
        let (s, e) = snap_to_graphemes(&text, a, b);
        let (lo, hi) = (a.min(b).min(len), a.max(b).min(len));
        prop_assert!(s <= e && e <= len, "({s}, {e}) for ({a}, {b}) in {text:?}");
        prop_assert!(bounds.contains(&s) && bounds.contains(&e), "({s}, {e}) splits a cluster in {text:?}");
        if lo < hi {
            prop_assert!(s <= lo && hi <= e, "({s}, {e}) does not cover ({lo}, {hi})");
        } else {
            prop_assert_eq!(s, e);
        }
    }

    #[test]
    fn word_snapping_stays_in_the_text_and_on_clusters(text in interesting_text(80), a in 0usize..90, b in 0usize..90) {
        let len = char_len(&text);
        let bounds = grapheme_boundaries(&text);
        let (s, e) = snap_to_words(&text, a, b);
        prop_assert!(s <= e && e <= len, "({s}, {e}) for ({a}, {b}) in {text:?}");
        prop_assert!(bounds.contains(&s) && bounds.contains(&e), "({s}, {e}) splits a cluster in {text:?}");
        // Unless only white space is left, the range neither starts nor ends with a white-space cluster.
        let clusters: Vec<&str> = slice_chars(&text, s, e).graphemes(true).collect();
        let is_space = |g: &&str| g.chars().all(char::is_whitespace);
        if !clusters.iter().all(is_space) {
            prop_assert!(!is_space(&clusters[0]), "leading white space kept for ({a}, {b}) in {text:?}");
            prop_assert!(!is_space(&clusters[clusters.len() - 1]), "trailing white space kept for ({a}, {b}) in {text:?}");
        }
    }

    #[test]
    fn snapping_a_window_gives_what_snapping_the_whole_paragraph_gives(
        words in proptest::collection::vec((interesting_text(6), prop::sample::select(vec![" ", "  ", " a", "b ", ". ", "\n"])), 0..40),
        a in 0usize..400,
        reach in 0usize..8,
    ) {
        let text: String = words.into_iter().map(|(w, sep)| w + sep).collect();
        let len = char_len(&text);
        let (start, end) = (snap_to_words(&text, a.min(len), len).0, snap_to_words(&text, 0, a.min(len)).1);
        prop_assert_eq!(snapped_start_reaching(&text, a, reach), start, "start {} reaching {} in {:?}", a, reach, text);
        prop_assert_eq!(snapped_end_reaching(&text, a, reach), end, "end {} reaching {} in {:?}", a, reach, text);
        prop_assert_eq!(snapped_start(&text, a), start);
        prop_assert_eq!(snapped_end(&text, a), end);
    }
}

#[test]
fn quiet_windows_cut_only_at_a_space_between_ascii_characters() {
    let text = "one two three four five six seven";
    for (at, reach, expected) in
        [(16, 4, (8, 23)), (16, 0, (14, 18)), (14, 0, (8, 18)), (0, 3, (0, 3)), (33, 3, (28, 33)), (16, 100, (0, 33))]
    {
        let (from, to) = quiet_window(text, at, reach);
        assert_eq!((from, to), expected, "around {at} reaching {reach}: {:?}", slice_chars(text, from, to));
    }
    // No ASCII next to the spaces: the whole paragraph.
    assert_eq!(quiet_window("éé éé éé éé éé", 7, 1), (0, 14));
    // A combining mark after a space would join it: no cut there.
    assert_eq!(quiet_window("a\u{301} b \u{301}c d", 3, 0), (0, 4));
    assert_eq!(quiet_window("ab \u{301}c d", 4, 0), (0, 5));
}
