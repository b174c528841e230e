//! Bit-parallel edit distance (Myers 1999, with the block extension for patterns over 64 characters).
//!
//! Written here rather than taken from a crate: `bio` is heavy for a wasm bundle, and
//! `triple_accel` works on bytes, so its distances and positions would count UTF-8 bytes where
//! Marginalia counts code points. The algorithm is short and well known, and the tests compare
//! it against the plain dynamic-programming definition on arbitrary inputs.

use std::collections::HashMap;

const WORD: usize = 64;

/// A symbol that occurs in no text: a pattern character the text does not contain.
const ABSENT: u32 = u32::MAX;

/// A text encoded as dense symbol numbers (one per distinct character), so the search's inner
/// loop indexes an array instead of hashing each character. Encode a long text once and search
/// it for many patterns.
#[derive(Debug, Clone)]
pub struct Encoded {
    symbols: Vec<u32>,
    alphabet: HashMap<char, u32>,
}

impl Encoded {
    pub fn new(text: &[char]) -> Self {
        let mut alphabet = HashMap::new();
        let symbols = text
            .iter()
            .map(|c| {
                let next = alphabet.len() as u32;
                *alphabet.entry(*c).or_insert(next)
            })
            .collect();
        Encoded { symbols, alphabet }
    }

    pub fn len(&self) -> usize {
        self.symbols.len()
    }

    pub fn is_empty(&self) -> bool {
        self.symbols.is_empty()
    }

    /// `pattern` in this text's symbols; characters the text lacks match nothing.
    pub fn encode(&self, pattern: &[char]) -> Vec<u32> {
        pattern.iter().map(|c| self.alphabet.get(c).copied().unwrap_or(ABSENT)).collect()
    }

    /// The symbols of `text[from..to]`.
    pub fn slice(&self, from: usize, to: usize) -> &[u32] {
        &self.symbols[from..to]
    }

    /// How many distinct characters the text has (the bound of its symbols).
    pub fn alphabet_len(&self) -> usize {
        self.alphabet.len()
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
/// substring of `text` ending just after `j`; symbols below `alphabet`, [`ABSENT`] allowed in
/// the pattern.
///
/// With `anchored` false the substring may start anywhere (approximate search); with `anchored`
/// true it must start at `text[0]` (the distance between the pattern and the prefix `text[..=j]`).
pub fn distances_encoded(pattern: &[u32], text: &[u32], alphabet: usize, anchored: bool) -> Vec<usize> {
    if pattern.is_empty() {
        return if anchored { (1..=text.len()).collect() } else { vec![0; text.len()] };
    }
    let blocks = pattern.len().div_ceil(WORD);
    // peq[symbol * blocks + block]: the rows of that block where the pattern has that symbol.
    let mut peq = vec![0u64; alphabet * blocks];
    for (i, &sym) in pattern.iter().enumerate() {
        if sym != ABSENT {
            peq[sym as usize * blocks + i / WORD] |= 1 << (i % WORD);
        }
    }
    let last_bit = 1u64 << ((pattern.len() - 1) % WORD);
    let mut pv = vec![!0u64; blocks];
    let mut mv = vec![0u64; blocks];
    let mut score = pattern.len();
    let mut out = Vec::with_capacity(text.len());
    for &sym in text {
        let eq = &peq[sym as usize * blocks..][..blocks];
        // Row 0 costs nothing when searching (any start) and one per column when anchored.
        let mut h: i8 = if anchored { 1 } else { 0 };
        for b in 0..blocks {
            let high = if b + 1 == blocks { last_bit } else { 1 << (WORD - 1) };
            h = advance_block(&mut pv[b], &mut mv[b], eq[b], h, high);
        }
        score = score.saturating_add_signed(isize::from(h));
        out.push(score);
    }
    out
}

/// [`distances_encoded`] for plain characters (encodes both first).
pub fn distances(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
    let encoded = Encoded::new(text);
    distances_encoded(&encoded.encode(pattern), &encoded.symbols, encoded.alphabet_len(), anchored)
}

/// The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost one).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    if a.len() <= WORD && b.len() <= WORD {
        // Contexts are at most 32 characters: two rows of the plain dynamic program beat
        // encoding both strings for the bit-parallel version.
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
                diagonal = row[j + 1];
                row[j + 1] = next;
            }
        }
        return row[b.len()];
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
    search_encoded(pattern, &Encoded::new(text), max_distance, limit)
}

/// [`search`] in an already encoded text.
pub fn search_encoded(pattern: &[char], text: &Encoded, max_distance: usize, limit: usize) -> Vec<Match> {
    if pattern.is_empty() || text.is_empty() {
        return Vec::new();
    }
    let encoded = text.encode(pattern);
    let scores = distances_encoded(&encoded, &text.symbols, text.alphabet_len(), false);
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
    crate::domain::text::sort::sort_by(&mut ends, Ord::cmp);
    ends.truncate(limit);
    ends.into_iter().map(|(d, j)| locate_start(&encoded, text, j, d)).collect()
}

/// The start of the best match ending at `end_index` (inclusive): the reversed pattern is
/// matched, anchored, against the text read backwards from there; among the starts reaching the
/// same distance the one giving a length closest to the pattern's wins.
fn locate_start(pattern: &[u32], text: &Encoded, end_index: usize, distance: usize) -> Match {
    let window = (pattern.len() + distance + 1).min(end_index + 1);
    let lo = end_index + 1 - window;
    let reversed_text: Vec<u32> = text.symbols[lo..=end_index].iter().rev().copied().collect();
    let reversed_pattern: Vec<u32> = pattern.iter().rev().copied().collect();
    let scores = distances_encoded(&reversed_pattern, &reversed_text, text.alphabet_len(), true);
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
