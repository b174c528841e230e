//! The browser's `Intl.Segmenter` gives the same grapheme and word boundaries as unicode-segmentation (the native provider) on the app's languages.
#![cfg(target_arch = "wasm32")]

use marginalia::domain::class::tokens::Tokens;
use marginalia::domain::text::segment;
use marginalia::domain::text::{snap_to_graphemes, snap_to_words};
use marginalia::ui::browser::segmenter;
use unicode_segmentation::UnicodeSegmentation;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// English, Spanish (precomposed and combining accents), emoji with ZWJ, flags and skin tones,
/// combining marks, Hebrew points, CR LF, numbers, contractions and punctuation.
const CASES: &[&str] = &[
    "",
    "The quick brown fox jumps over the lazy dog.",
    "It's 3.14, isn't it? Yes: 1,000 people (roughly) said so!",
    "¿Dónde está el niño? ¡Mañana, señora Peña!",
    "Cancio\u{301}n de cuna: an\u{303}o, pingu\u{308}ino.",
    "Family 👨\u{200d}👩\u{200d}👧 and flags 🇲🇽🇪🇸🇫🇷 and 👍🏽 thumbs.",
    "❤\u{fe0f} love, e\u{301}\u{301} double marks, a\u{308}\u{301}b",
    "שָׁלוֹם עולם",
    "line one\r\nline two\n\ttabbed   spaced",
    "\u{1100}\u{1161}\u{11a8} Hangul jamo",
    "snake_case and CamelCase and état-major",
    "قال الوزير إن الحكومة ستخفض الضرائب بنسبة 15 في المئة في عام 2025 وفق تقرير Reuters.",
    "ראש הממשלה אמר כי התקציב יגדל ב־3.5 אחוזים בשנת 2026, לפי דיווח של BBC News.",
    "mail me at someone@example or see https://example/a_b now",
];

fn install() {
    segmenter::install();
}

#[wasm_bindgen_test]
fn graphemes_match_unicode_segmentation() {
    install();
    for text in CASES {
        let expected: Vec<&str> = text.graphemes(true).collect();
        assert_eq!(segment::graphemes(text), expected, "graphemes of {text:?}");
    }
}

#[wasm_bindgen_test]
fn word_bounds_match_unicode_segmentation() {
    install();
    for text in CASES {
        let expected: Vec<&str> = text.split_word_bounds().collect();
        assert_eq!(segment::word_bounds(text), expected, "word bounds of {text:?}");
    }
}

/// Chromium's ICU breaks words at a full stop between letters where UAX #29 (WB6, WB7) does not:
/// a domain name is one token natively and one per label in the browser (docs/size.md).
#[wasm_bindgen_test]
fn dotted_words_split_at_the_full_stop_in_the_browser() {
    install();
    let text = "see example.com or e.g. here";
    let native: Vec<&str> = text.split_word_bounds().collect();
    assert!(native.contains(&"example.com"), "{native:?}");
    let browser = segment::word_bounds(text);
    assert_eq!(browser.concat(), text);
    assert!(browser.contains(&"example") && browser.contains(&"com"), "{browser:?}");
}

#[wasm_bindgen_test]
fn snapping_and_tokens_work_with_the_browser_segmenter() {
    install();
    assert_eq!(snap_to_graphemes("e\u{301}x", 1, 2), (0, 2));
    assert_eq!(snap_to_graphemes("👨\u{200d}👩\u{200d}👧!", 2, 3), (0, 5));
    assert_eq!(snap_to_words("¿Dónde está?", 3, 8), (1, 11));
    let tokens = Tokens::of_text("¡Mañana, señora! 👍🏽 ok");
    let spans: Vec<(usize, usize)> = tokens.as_slice().iter().map(|t| (t.start, t.end)).collect();
    assert_eq!(spans, vec![(1, 7), (9, 15), (20, 22)]);
}
