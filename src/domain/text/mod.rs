//! The only place where byte, code point and UTF-16 offsets are converted, plus grapheme and word snapping.
//!
//! Code points are the canonical unit (the Web Annotation model counts them); UTF-8 bytes index
//! Rust strings; UTF-16 units are what DOM ranges use. `OffsetIndex` keeps a checkpoint every
//! `STRIDE` code points so each conversion walks at most `STRIDE` characters, even in a
//! million-character article.
//!
//! The `text` folder holds the primitives every other part builds on: word and grapheme
//! boundaries (`segment`), lower-casing (`lowercase`), substring and approximate search
//! (`exact_search`, `myers`), RFC 3339 times (`rfc3339`), one compiled sort (`sort`) and the step
//! counter of the linear-work tests (`work`). It uses no other part of the domain.

pub mod exact_search;
pub mod lowercase;
pub mod myers;
pub mod rfc3339;
pub mod segment;
pub mod sort;
pub mod work;

/// How many code points lie between two checkpoints of an [`OffsetIndex`].
const STRIDE: usize = 64;

/// How many bytes of text [`OffsetIndex::new`] reads per call of its scanning function.
const CHUNK: usize = 16 * 1024;

/// Converts offsets in one string between code points, UTF-8 bytes and UTF-16 units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetIndex {
    /// UTF-8 byte offset of code point `i * STRIDE`.
    bytes: Vec<usize>,
    /// UTF-16 offset of code point `i * STRIDE`.
    utf16: Vec<usize>,
    len_chars: usize,
    len_bytes: usize,
    len_utf16: usize,
}

impl OffsetIndex {
    /// Builds the index in one pass over `text`.
    pub fn new(text: &str) -> Self {
        let mut index = OffsetIndex {
            bytes: Vec::with_capacity(text.len() / STRIDE + 2),
            utf16: Vec::with_capacity(text.len() / STRIDE + 2),
            len_chars: 0,
            len_bytes: text.len(),
            len_utf16: 0,
        };
        // In slices, each through a call that is not inlined: V8 runs a wasm function in its
        // baseline tier until a later call can use the optimised code (there is no on-stack
        // replacement), so one loop over a whole long article would run unoptimised throughout.
        for (slice, chunk) in text.as_bytes().chunks(CHUNK).enumerate() {
            index.add_checkpoints(chunk, slice * CHUNK);
        }
        if index.len_chars.is_multiple_of(STRIDE) {
            index.bytes.push(text.len());
            index.utf16.push(index.len_utf16);
        }
        index
    }

    /// Counts the code points and UTF-16 units of `chunk` (which starts at byte `offset` of the
    /// text, maybe inside a code point), adding a checkpoint at every `STRIDE`th code point.
    /// Byte by byte rather than char by char: a code point starts at every byte that is not a
    /// continuation byte (0b10xx_xxxx), and only four-byte ones (lead 0xF0 and up) take two units.
    #[inline(never)]
    fn add_checkpoints(&mut self, chunk: &[u8], offset: usize) {
        for (at, &b) in chunk.iter().enumerate() {
            if b & 0xC0 == 0x80 {
                continue;
            }
            if self.len_chars.is_multiple_of(STRIDE) {
                self.bytes.push(offset + at);
                self.utf16.push(self.len_utf16);
            }
            self.len_utf16 += if b >= 0xF0 { 2 } else { 1 };
            self.len_chars += 1;
        }
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Length of the text in UTF-16 units.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// UTF-8 byte offset of code point `cp`, clamped to the end of the text.
    pub fn byte_of_char(&self, text: &str, cp: usize) -> usize {
        if cp >= self.len_chars {
            return self.len_bytes;
        }
        let slot = cp / STRIDE;
        let start = self.bytes[slot];
        let skip = cp - slot * STRIDE;
        if self.is_ascii(slot) {
            return start + skip;
        }
        text[start..].char_indices().nth(skip).map_or(self.len_bytes, |(b, _)| start + b)
    }

    /// Whether the stride of code points from checkpoint `slot` is all ASCII (one byte and one
    /// UTF-16 unit per code point), so offsets inside it need no walk: most articles' are.
    fn is_ascii(&self, slot: usize) -> bool {
        let chars = ((slot + 1) * STRIDE).min(self.len_chars) - slot * STRIDE;
        let bytes = self.bytes.get(slot + 1).copied().unwrap_or(self.len_bytes) - self.bytes[slot];
        bytes == chars
    }

    /// Code point offset of UTF-8 byte `byte`; a byte inside a character counts as that character's start.
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_chars;
        }
        let slot = self.bytes.partition_point(|&b| b <= byte) - 1;
        for (cp, (b, _)) in (slot * STRIDE..).zip(text[self.bytes[slot]..].char_indices()) {
            if self.bytes[slot] + b >= byte {
                return if self.bytes[slot] + b == byte { cp } else { cp - 1 };
            }
        }
        // `byte` is inside the text's last character.
        self.len_chars - 1
    }

    /// UTF-16 offset of code point `cp`, clamped to the end of the text.
    pub fn utf16_of_char(&self, text: &str, cp: usize) -> usize {
        if cp >= self.len_chars {
            return self.len_utf16;
        }
        let slot = cp / STRIDE;
        let start = self.bytes[slot];
        let skip = cp - slot * STRIDE;
        if self.is_ascii(slot) {
            return self.utf16[slot] + skip;
        }
        self.utf16[slot] + text[start..].chars().take(skip).map(char::len_utf16).sum::<usize>()
    }

    /// Code point offset of UTF-16 unit `unit`; a unit inside a surrogate pair counts as that character's start.
    pub fn char_of_utf16(&self, text: &str, unit: usize) -> usize {
        if unit >= self.len_utf16 {
            return self.len_chars;
        }
        let slot = self.utf16.partition_point(|&u| u <= unit) - 1;
        let mut pos = self.utf16[slot];
        for (cp, ch) in (slot * STRIDE..).zip(text[self.bytes[slot]..].chars()) {
            let next = pos + ch.len_utf16();
            if next > unit {
                return cp;
            }
            pos = next;
        }
        self.len_chars
    }
}

/// Length of `text` in code points.
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The substring between code points `start` and `end` (clamped), found without an index.
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let from = byte_of_char_scan(text, start);
    let to = byte_of_char_scan(text, end.max(start));
    &text[from..to]
}

/// UTF-8 byte offsets of the code points `cps` (ascending; each clamped to the end of `text`), in one
/// walk over the text rather than one per offset.
pub fn bytes_of_sorted_chars(text: &str, cps: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(cps.len());
    let mut chars = text.chars();
    let (mut cp, mut byte) = (0, 0);
    for &want in cps {
        while cp < want {
            let Some(ch) = chars.next() else { break };
            byte += ch.len_utf8();
            cp += 1;
        }
        out.push(byte);
    }
    out
}

/// Byte offset of code point `cp` by a linear scan; for short strings such as one block.
pub fn byte_of_char_scan(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Code point offset of UTF-16 unit `unit` by a linear scan; for short strings such as one block.
pub fn char_of_utf16_scan(text: &str, unit: usize) -> usize {
    let mut pos = 0;
    for (cp, ch) in text.chars().enumerate() {
        let next = pos + ch.len_utf16();
        if next > unit {
            return cp;
        }
        pos = next;
    }
    char_len(text)
}

/// UTF-16 offset of code point `cp` by a linear scan; for short strings such as one block.
pub fn utf16_of_char_scan(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

/// Widens `[start, end)` (code points in `text`, clamped to it) so neither end falls inside a
/// grapheme cluster; an empty range comes back empty, at the start of the cluster it falls in.
pub fn snap_to_graphemes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let len = char_len(text);
    let (start, end) = ordered(start.min(len), end.min(len));
    let mut snapped_start = start;
    let mut snapped_end = end;
    let mut cp = 0;
    for grapheme in segment::graphemes(text) {
        if cp >= end {
            break;
        }
        let next = cp + grapheme.chars().count();
        if cp < start && start < next {
            snapped_start = cp;
        }
        if end < next {
            snapped_end = next;
        }
        cp = next;
    }
    if end <= start {
        return (snapped_start, snapped_start);
    }
    (snapped_start, snapped_end)
}

/// Widens `[start, end)` (code points in `text`) to whole words and trims surrounding white space.
///
/// Punctuation the range touches is kept; a range of only white space comes back unchanged
/// (snapped to graphemes), and the caller treats it as empty.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (start, end) = snap_to_graphemes(text, start, end);
    if start == end {
        return (start, end);
    }
    // The first and last word-boundary pieces where the range touches more than white space
    // (a piece can mix the two: a space followed by a combining mark or a format character).
    let mut touched: Option<(usize, usize)> = None;
    let mut cp = 0;
    for piece in segment::word_bounds(text) {
        let len = piece.chars().count();
        if cp + len > start && cp < end {
            let (from, to) = (start.max(cp), end.min(cp + len));
            let mut overlap = piece.chars().skip(from - cp).take(to - from);
            if !overlap.all(char::is_whitespace) {
                touched = Some(touched.map_or((cp, cp + len), |(first, _)| (first, cp + len)));
            }
        }
        cp += len;
        if cp >= end {
            break;
        }
    }
    match touched {
        // Word and grapheme rules can disagree (a combining mark on a regional indicator or a
        // space), so snap to graphemes again and drop clusters of only white space at the ends.
        Some((first, last)) => {
            let (first, last) = snap_to_graphemes(text, first, last);
            let is_space = |g: &&str| g.chars().all(char::is_whitespace);
            let inner = slice_chars(text, first, last);
            let clusters = segment::graphemes(inner);
            let lead: usize = clusters.iter().copied().take_while(is_space).map(|g| g.chars().count()).sum();
            let trail: usize = clusters.iter().copied().rev().take_while(is_space).map(|g| g.chars().count()).sum();
            (first + lead, (last - trail).max(first + lead))
        }
        None => (start, end),
    }
}

/// How many code points around a selection's ends are segmented at least (see [`quiet_window`]).
const SNAP_REACH: usize = 48;

/// Code points `[from, to)` of `text` around `at`, reaching at least `reach` code points on each
/// side where the text is that long, cut only where segmenting the piece gives the same grapheme
/// and word boundaries as segmenting the whole text: just after a space that follows or precedes
/// an ASCII letter, digit or mark. No boundary rule (UAX #29 or ICU) looks across such a space or
/// joins anything to it from an ASCII graphic character, so cost follows the selection, not the
/// paragraph: segmenting a 3,000-character paragraph in the browser took about 9 ms per selection.
pub fn quiet_window(text: &str, at: usize, reach: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let at = at.min(n);
    let starts_after_space = |i: usize| i < n && chars[i - 1] == ' ' && chars[i].is_ascii_graphic();
    let ends_before_space = |i: usize| chars[i] == ' ' && chars[i - 1].is_ascii_graphic();
    // At least one code point on each side, so the window holds a non-space character before
    // and after `at` (the characters at its cuts), as the whole paragraph would.
    let reach = reach.max(1);
    let from = (1..=at.saturating_sub(reach)).rev().find(|&i| starts_after_space(i)).unwrap_or(0);
    let to = (at + reach..n).find(|&i| ends_before_space(i)).unwrap_or(n);
    (from, to)
}

/// Where [`snap_to_words`] starts a passage selected from code point `at` to the end of `text`,
/// segmenting only the text around `at`.
pub fn snapped_start(text: &str, at: usize) -> usize {
    snapped_start_reaching(text, at, SNAP_REACH)
}

/// [`snapped_start`] with a window reaching `reach` code points (tests use small ones).
pub fn snapped_start_reaching(text: &str, at: usize, reach: usize) -> usize {
    let (from, to) = quiet_window(text, at, reach);
    let window = slice_chars(text, from, to);
    from + snap_to_words(window, at.min(to) - from, to - from).0
}

/// Where [`snap_to_words`] ends a passage selected from the start of `text` to code point `at`,
/// segmenting only the text around `at`.
pub fn snapped_end(text: &str, at: usize) -> usize {
    snapped_end_reaching(text, at, SNAP_REACH)
}

/// [`snapped_end`] with a window reaching `reach` code points (tests use small ones).
pub fn snapped_end_reaching(text: &str, at: usize, reach: usize) -> usize {
    let (from, to) = quiet_window(text, at, reach);
    let window = slice_chars(text, from, to);
    from + snap_to_words(window, 0, at.min(to) - from).1
}

/// Returns the pair in ascending order.
fn ordered(a: usize, b: usize) -> (usize, usize) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}
