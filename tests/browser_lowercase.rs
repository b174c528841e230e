//! The browser's `String.prototype.toLowerCase` (the wasm build's lower-casing) gives what `str::to_lowercase` (the native one) gives, on the scripts and special cases the app meets.
#![cfg(target_arch = "wasm32")]

use marginalia::domain::annotation::tags::normalise_key;
use marginalia::domain::text::lowercase::{lower, lower_char};
use marginalia::ui::browser::lowercase;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// ASCII, Spanish accents (precomposed and combining), Turkish dotted and dotless I, German ß
/// and capital ẞ, Greek with final sigma (at a word's end, alone, before punctuation), Cyrillic,
/// Armenian, Georgian, title-case digraphs, fullwidth letters, emoji, Hebrew and Arabic (no case).
const CASES: &[&str] = &[
    "",
    "The Quick BROWN Fox",
    "ÁRBOL Ñandú ÉTAT Çà ÜBER",
    "A\u{301}RBOL N\u{303}",
    "İSTANBUL ıi İi I",
    "STRAßE GROẞ ß",
    "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ. Σ ΑΣ, ΜΑΣ",
    "МОСКВА Ёж ЪЫЬ Ї",
    "ՀԱՅԵՐԵՆ ႠႡႢ",
    "ǅ ǈ ǋ Ǳ",
    "ＡＢＣ ｄｅｆ",
    "👍🏽 Family 👨\u{200d}👩\u{200d}👧 🇲🇽 ❤\u{fe0f}",
    "שָׁלוֹם عربي 123",
    "Ⅻ Ⓐ 𐐀𐐁",
];

#[wasm_bindgen_test]
fn lower_matches_the_standard_library() {
    lowercase::install();
    for text in CASES {
        assert_eq!(lower(text), text.to_lowercase(), "lower-case of {text:?}");
    }
}

#[wasm_bindgen_test]
fn single_characters_and_hotkeys_match_the_standard_library() {
    lowercase::install();
    for c in CASES.iter().flat_map(|t| t.chars()) {
        let mut native = c.to_lowercase();
        let expected = match (native.next(), native.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        };
        assert_eq!(lower_char(c), expected, "lower-case of {c:?}");
        assert_eq!(normalise_key(c), expected.filter(|k| k.is_alphanumeric()), "hotkey {c:?}");
    }
}
