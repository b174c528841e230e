//! Grapheme and word boundaries from a provider the platform installs: unicode-segmentation natively, `Intl.Segmenter` in the browser.
//!
//! The wasm build leaves unicode-segmentation's tables (about 15 KB brotli) out and asks the
//! browser, which already ships ICU; `crate::ui::browser::segmenter` installs that provider when
//! the app starts. Native builds and tests use UAX #29 as unicode-segmentation implements it.
//! ICU follows UAX #29 too, but tailors word breaks for scripts written without spaces (Thai,
//! Lao, Khmer, Chinese, Japanese use a dictionary there), so token counts can differ in those.

use std::sync::OnceLock;

/// Where segments start: sorted UTF-8 byte offsets into the text, the first 0, none at its end.
pub type SegmentStarts = fn(&str) -> Vec<usize>;

/// The two boundary functions the domain needs.
#[derive(Clone, Copy)]
pub struct Boundaries {
    /// Extended grapheme clusters.
    pub graphemes: SegmentStarts,
    /// Word-boundary pieces: words, runs of white space and single punctuation marks.
    pub words: SegmentStarts,
}

static INSTALLED: OnceLock<Boundaries> = OnceLock::new();

/// Makes `boundaries` the provider for this process; the first installed one stays.
pub fn install(boundaries: Boundaries) {
    let _ = INSTALLED.set(boundaries);
}

fn provider() -> Boundaries {
    #[cfg(not(target_arch = "wasm32"))]
    {
        *INSTALLED.get_or_init(|| native::BOUNDARIES)
    }
    #[cfg(target_arch = "wasm32")]
    {
        *INSTALLED.get().expect("no segmenter installed: call ui::browser::segmenter::install() first")
    }
}

/// The grapheme clusters of `text`, in order.
pub fn graphemes(text: &str) -> Vec<&str> {
    pieces(text, (provider().graphemes)(text))
}

/// The word-boundary pieces of `text`, in order (their concatenation is `text`).
pub fn word_bounds(text: &str) -> Vec<&str> {
    pieces(text, (provider().words)(text))
}

/// Cuts `text` at `starts`, skipping any offset that is out of order or not a char boundary.
fn pieces(text: &str, starts: Vec<usize>) -> Vec<&str> {
    let mut out = Vec::with_capacity(starts.len());
    let mut from = 0;
    for start in starts {
        if start > from && start < text.len() && text.is_char_boundary(start) {
            out.push(&text[from..start]);
            from = start;
        }
    }
    if from < text.len() {
        out.push(&text[from..]);
    }
    out
}

/// UAX #29 from unicode-segmentation, the provider of native builds and the reference of tests.
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use unicode_segmentation::UnicodeSegmentation;

    use super::Boundaries;

    pub const BOUNDARIES: Boundaries = Boundaries { graphemes, words };

    fn graphemes(text: &str) -> Vec<usize> {
        text.grapheme_indices(true).map(|(i, _)| i).collect()
    }

    fn words(text: &str) -> Vec<usize> {
        text.split_word_bound_indices().map(|(i, _)| i).collect()
    }
}
