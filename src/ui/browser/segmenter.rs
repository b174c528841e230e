//! Grapheme and word boundaries from the browser's `Intl.Segmenter`, installed as the domain's provider (see `domain::text::segment`).

use std::cell::OnceCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::domain::text::segment::{self, Boundaries};

#[wasm_bindgen]
extern "C" {
    /// `Intl.Segmenter` (every current browser has it: Chrome 87, Safari 14.1, Firefox 125).
    #[wasm_bindgen(js_namespace = Intl, js_name = Segmenter)]
    type IntlSegmenter;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Segmenter")]
    fn new(locale: &str, options: &Object) -> IntlSegmenter;

    /// An iterable of `{ segment, index, input }`, `index` in UTF-16 units.
    #[wasm_bindgen(method)]
    fn segment(this: &IntlSegmenter, text: &str) -> JsValue;
}

thread_local! {
    static GRAPHEMES: OnceCell<IntlSegmenter> = const { OnceCell::new() };
    static WORDS: OnceCell<IntlSegmenter> = const { OnceCell::new() };
}

/// Makes `Intl.Segmenter` the domain's boundary provider; calling it again changes nothing.
pub fn install() {
    segment::install(Boundaries { graphemes, words });
}

/// Builds the segmenters ahead of need: building the first one loads ICU's break rules (about
/// 9 to 13 ms), which would otherwise land on the reader's first selection. The app calls it
/// once the article and its annotations are painted.
pub fn warm_up() {
    graphemes("a");
    words("a");
}

fn graphemes(text: &str) -> Vec<usize> {
    GRAPHEMES.with(|cell| starts(cell.get_or_init(|| segmenter("grapheme")), text))
}

fn words(text: &str) -> Vec<usize> {
    WORDS.with(|cell| starts(cell.get_or_init(|| segmenter("word")), text))
}

/// A segmenter for the root locale, so boundaries do not depend on the reader's language settings.
fn segmenter(granularity: &str) -> IntlSegmenter {
    let options = Object::new();
    let _ = Reflect::set(&options, &"granularity".into(), &granularity.into());
    IntlSegmenter::new("und", &options)
}

/// The UTF-8 byte offsets where the segments of `text` start.
fn starts(segmenter: &IntlSegmenter, text: &str) -> Vec<usize> {
    let segments = Array::from(&segmenter.segment(text));
    let index_key = JsValue::from_str("index");
    let mut out = Vec::with_capacity(segments.length() as usize);
    // Walk the text once, turning each UTF-16 index into a byte offset.
    let mut chars = text.char_indices();
    let mut utf16 = 0usize;
    let mut byte = 0usize;
    for item in segments.iter() {
        let target = Reflect::get(&item, &index_key).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as usize;
        while utf16 < target {
            match chars.next() {
                Some((_, c)) => {
                    utf16 += c.len_utf16();
                    byte += c.len_utf8();
                }
                None => break,
            }
        }
        out.push(byte);
    }
    out
}
