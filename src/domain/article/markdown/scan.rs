//! The inline parser's look-aheads, each remembering what it found so that many openers never rescan the same text: closing backtick runs, the end of a `<destination>`, of a title and of a comment.
//!
//! Without these, every unclosed `[a](<b`, `[a](b "` or `` ` `` scanned to the end of its
//! paragraph: quadratic time, 40 to 90 seconds for a 200 KB file. A look-ahead from a later
//! position reuses the last answer when it lies between (nothing it is looking for comes
//! earlier), so each byte is examined about once per kind of look-ahead.

use crate::domain::text::work::tick;

/// The last answer of a "next position where …" look-ahead: where it started and what it found.
#[derive(Default, Clone, Copy)]
pub struct NextCache {
    from: usize,
    found: Option<Option<usize>>,
}

impl NextCache {
    /// The first position at or after `from` whose byte is one of `ends`, skipping a byte after
    /// each backslash if `escapes`. Callers ask from increasing positions, never from inside an
    /// escape (an opener is never preceded by a backslash), so a remembered answer stays true.
    #[inline(never)]
    pub fn next(&mut self, bytes: &[u8], from: usize, escapes: bool, ends: &[u8]) -> Option<usize> {
        if let Some(found) = self.found {
            if from >= self.from && found.is_none_or(|at| from <= at) {
                return found;
            }
        }
        let mut j = from;
        while j < bytes.len() && !ends.contains(&bytes[j]) {
            j += if escapes && bytes[j] == b'\\' { 2 } else { 1 };
        }
        tick(j.saturating_sub(from) + 1);
        let found = (j < bytes.len()).then_some(j);
        *self = NextCache { from, found: Some(found) };
        found
    }
}

/// Every look-ahead of one paragraph's inline parse.
#[derive(Default)]
pub struct Lookahead {
    /// The end of a `<destination>`: `>` or a line break.
    pub angle_end: NextCache,
    /// The closing `"`, `'` and `)` of a link title.
    pub title_end: [NextCache; 3],
    /// The `]` that ends a `[reference]` after a link's text.
    pub label_end: NextCache,
    /// Where a failed search for `-->` started: no comment closes after it.
    comment_unclosed_from: Option<usize>,
    backticks: Option<Backticks>,
}

impl Lookahead {
    /// The end (just past `-->`) of a comment whose `<!--` is at `at`.
    pub fn comment_end(&mut self, text: &str, at: usize) -> Option<usize> {
        if self.comment_unclosed_from.is_some_and(|from| from <= at) {
            return None;
        }
        let found = text[at..].find("-->").map(|end| at + end + 3);
        tick(found.map_or(text.len(), |end| end) - at + 1);
        if found.is_none() {
            self.comment_unclosed_from = Some(at);
        }
        found
    }

    /// Where the run of exactly `len` backticks that closes a code span opened before `after` starts.
    pub fn closing_backticks(&mut self, text: &str, after: usize, len: usize) -> Option<usize> {
        self.backticks.get_or_insert_with(|| Backticks::new(text)).closing(after, len)
    }
}

/// Every maximal run of backticks in a paragraph as (length, start), sorted by length, then start
/// (a sorted list rather than a map by length: one less map type compiled into the wasm).
struct Backticks {
    runs: Vec<(usize, usize)>,
}

impl Backticks {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'`' {
                let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                runs.push((len, i));
                i += len;
            } else {
                i += 1;
            }
        }
        tick(bytes.len());
        // Stable: runs of one length stay in text order.
        crate::domain::text::sort::sort_by_key(&mut runs, |&(len, _)| len);
        Backticks { runs }
    }

    fn closing(&self, after: usize, len: usize) -> Option<usize> {
        let at = self.runs.partition_point(|&run| run < (len, after));
        tick(usize::BITS as usize);
        self.runs.get(at).filter(|&&(l, _)| l == len).map(|&(_, start)| start)
    }
}
