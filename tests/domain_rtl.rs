//! Right-to-left and mixed-direction text (Arabic with diacritics, Hebrew with niqqud, Latin words, digits, emoji): offsets, word snapping, UTF-16 positions and anchoring stay exact.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::{anchor, describe, Anchored};
use marginalia::domain::article::plain_text::parse_plain_text;
use proptest::prelude::*;

const ARTICLE: &str = "مقالة تجريبية\n\n\
قال الوزير إن الحكومة ستخفض الضرائب بنسبة 15 في المئة وفق تقرير Reuters.\n\n\
مُحَمَّدٌ كَتَبَ الدَّرْسَ 😀 ثم Mr. Smith قرأه.\n\n\
ראש הממשלה אמר כי התקציב יגדל ב־3.5 אחוזים בשנת 2026, לפי דיווח של BBC News.\n\n\
שָׁלוֹם עוֹלָם and English words ‏(in parentheses)‏ together.";

/// Code point offsets of `needle` in the document's text.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn quotes_at_their_offsets_are_exactly_the_selected_text_and_anchor_back() {
    let doc = parse_plain_text(ARTICLE);
    let phrases = [
        "ستخفض الضرائب بنسبة 15 في المئة",
        "تقرير Reuters",
        "مُحَمَّدٌ كَتَبَ الدَّرْسَ 😀 ثم",
        "יגדל ב־3.5 אחוזים",
        "2026, לפי דיווח של BBC News",
        "עוֹלָם and English",
    ];
    for phrase in phrases {
        let (start, end) = span(doc.text(), phrase);
        let target = describe(&doc, start, end);
        assert_eq!(target.exact, phrase);
        assert_eq!(doc.slice(start, end), phrase);
        assert_eq!(anchor(&doc, &target), Anchored::Exact { start, end }, "{phrase}");
    }
}

#[test]
fn selections_snap_to_whole_words_and_never_split_a_diacritic_from_its_letter() {
    let doc = parse_plain_text(ARTICLE);
    // (selected part, what it snaps to): starts and ends inside words, and between a letter and its marks.
    let cases = [
        ("خفض الضرا", "ستخفض الضرائب"),
        ("حَمَّدٌ كَتَ", "مُحَمَّدٌ كَتَبَ"),
        ("ָׁלוֹם עו", "שָׁלוֹם עוֹלָם"),
        ("תקציב יג", "התקציב יגדל"),
        ("uters", "Reuters"),
    ];
    for (selected, expected) in cases {
        let (start, end) = span(doc.text(), selected);
        let snapped = doc.snap_selection(start, end).expect("a selection with letters snaps");
        assert_eq!(doc.slice(snapped.0, snapped.1), expected, "{selected}");
    }
}

#[test]
fn utf16_positions_round_trip_through_astral_characters_in_rtl_blocks() {
    let doc = parse_plain_text(ARTICLE);
    let after_emoji = span(doc.text(), "ثم Mr.").0;
    let (block, unit) = doc.block_utf16_of_char(after_emoji).expect("inside a block");
    let block_start = doc.blocks()[block].start;
    // The emoji is one code point but two UTF-16 units, so the unit offset is one more than the code point offset.
    assert_eq!(unit, after_emoji - block_start + 1);
    assert_eq!(doc.char_of_block_utf16(block, unit), Some(after_emoji));
}

proptest! {
    /// Any range of this mixed-direction article is quoted exactly and anchors back where it was.
    #[test]
    fn any_range_round_trips(a in 0usize..400, b in 0usize..400) {
        let doc = parse_plain_text(ARTICLE);
        let len = doc.len_chars();
        let start = a.min(b) % len;
        let end = (a.max(b) % len).max(start + 1).min(len);
        let target = describe(&doc, start, end);
        prop_assert_eq!(target.exact.chars().count(), end - start);
        prop_assert_eq!(anchor(&doc, &target), Anchored::Exact { start, end });
        // A position inside a block maps to a DOM position (block, UTF-16 unit) and back.
        let inside = doc.blocks().iter().any(|b| b.start <= start && start < b.end);
        if inside {
            let (block, unit) = doc.block_utf16_of_char(start).expect("inside a block");
            prop_assert_eq!(doc.char_of_block_utf16(block, unit), Some(start));
        }
    }
}
