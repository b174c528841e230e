//! Bit-parallel edit distance (Myers 1999, with the block extension for patterns over 64 characters).
//!
//! Written here rather than taken from a crate: `bio` is heavy for a wasm bundle, and
//! `triple_accel` works on bytes, so its distances and positions would count UTF-8 bytes where
//! Marginalia counts code points. The algorithm is short and well known, and the tests compare
//! it against the plain dynamic-programming definition on arbitrary inputs.

use std::collections::HashMap;

const WORD: usize = 64;

/// The pattern preprocessed for one search: for each character, the bit mask of the rows
/// (pattern positions) it matches, one `u64` per block of 64 rows.
struct Pattern {
    peq: HashMap<char, Vec<u64>>,
    blocks: usize,
    /// The bit of the pattern's last row within the last block.
    last_bit: u64,
    len: usize,
}

impl Pattern {
    fn new(pattern: &[char]) -> Self {
        let blocks = pattern.len().div_ceil(WORD).max(1);
        let mut peq: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, c) in pattern.iter().enumerate() {
            peq.entry(*c).or_insert_with(|| vec![0; blocks])[i / WORD] |= 1 << (i % WORD);
        }
        let last_bit = 1u64 << ((pattern.len().max(1) - 1) % WORD);
        Pattern { peq, blocks, last_bit, len: pattern.len() }
    }
}

/// Advances one 64-row block by one text column. `hin` is the horizontal delta entering the
/// block's top row (-1, 0 or +1); returns the delta leaving the row selected by `high`.
fn advance_block(pv: &mut u64, mv: &mut u64, eq: u64, hin: i8, high: u64) -> i8 {
    let xv = eq | *mv;
    // A negative delta entering from above acts like a match in the top row.
    let eq = eq | u64::from(hin < 0);
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let mut ph = *mv | !(xh | *pv);
    let mut mh = *pv & xh;
    let hout = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    if hin < 0 {
        mh |= 1;
    } else if hin > 0 {
        ph |= 1;
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    hout
}

/// For each text position `j`, the edit distance between `pattern` and the best-matching
/// substring of `text` ending just after `j`.
///
/// With `anchored` false the substring may start anywhere (approximate search); with `anchored`
/// true it must start at `text[0]` (the distance between the pattern and the prefix `text[..=j]`).
pub fn distances(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
    if pattern.is_empty() {
        return if anchored { (1..=text.len()).collect() } else { vec![0; text.len()] };
    }
    let p = Pattern::new(pattern);
    let mut pv = vec![!0u64; p.blocks];
    let mut mv = vec![0u64; p.blocks];
    let zeros = vec![0u64; p.blocks];
    let mut score = p.len;
    let mut out = Vec::with_capacity(text.len());
    for c in text {
        let eq = p.peq.get(c).unwrap_or(&zeros);
        // Row 0 costs nothing when searching (any start) and one per column when anchored.
        let mut h: i8 = if anchored { 1 } else { 0 };
        for b in 0..p.blocks {
            let high = if b + 1 == p.blocks { p.last_bit } else { 1 << (WORD - 1) };
            h = advance_block(&mut pv[b], &mut mv[b], eq[b], h, high);
        }
        score = score.saturating_add_signed(isize::from(h));
        out.push(score);
    }
    out
}

/// The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost one).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    // The distance to the whole of `b` is the anchored search's last column.
    distances(a, b, true).last().copied().unwrap_or(a.len())
}

/// One approximate occurrence of a pattern: code point range in the text and its edit distance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub distance: usize,
}

/// Approximate occurrences of `pattern` in `text` with at most `max_distance` edits: the best
/// match of each region (matches ending within half a pattern length of each other are one
/// region), best first, at most `limit` of them.
pub fn search(pattern: &[char], text: &[char], max_distance: usize, limit: usize) -> Vec<Match> {
    if pattern.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let scores = distances(pattern, text, false);
    let gap = (pattern.len() / 2).max(1);
    // Best end (lowest distance, earliest on ties) of each run of ends within `gap` of each other.
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (distance, end index)
    let mut last_hit: Option<usize> = None;
    for (j, &d) in scores.iter().enumerate() {
        if d > max_distance {
            continue;
        }
        match (last_hit, ends.last_mut()) {
            (Some(prev), Some(best)) if j - prev <= gap => {
                if d < best.0 {
                    *best = (d, j);
                }
            }
            _ => ends.push((d, j)),
        }
        last_hit = Some(j);
    }
    ends.sort_unstable();
    ends.truncate(limit);
    ends.into_iter().map(|(d, j)| locate_start(pattern, text, j, d)).collect()
}

/// The start of the best match ending at `end_index` (inclusive): the reversed pattern is
/// matched, anchored, against the text read backwards from there; among the starts reaching the
/// same distance the one giving a length closest to the pattern's wins.
fn locate_start(pattern: &[char], text: &[char], end_index: usize, distance: usize) -> Match {
    let window = (pattern.len() + distance + 1).min(end_index + 1);
    let lo = end_index + 1 - window;
    let reversed_text: Vec<char> = text[lo..=end_index].iter().rev().copied().collect();
    let reversed_pattern: Vec<char> = pattern.iter().rev().copied().collect();
    let scores = distances(&reversed_pattern, &reversed_text, true);
    let best = scores
        .iter()
        .enumerate()
        .min_by_key(|(r, d)| (**d, (r + 1).abs_diff(pattern.len())))
        .map_or((0, distance), |(r, d)| (r, *d));
    Match { start: end_index - best.0, end: end_index + 1, distance: best.1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_an_edited_quote_and_its_bounds() {
        let text = chars("the quick brown fox jumps over the lazy dog");
        let found = search(&chars("brwn fox"), &text, 2, 3);
        assert_eq!(found[0], Match { start: 10, end: 19, distance: 1 });
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
    }
}
