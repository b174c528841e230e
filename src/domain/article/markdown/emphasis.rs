//! CommonMark's "process emphasis" in linear time: pairs `*` and `_` delimiter runs into emphasis and strong, innermost first, with the spec's `openers_bottom` so no closer searches the same openers twice.
//!
//! Pieces are never moved: a match records a start tag on the opener's piece and an end tag on
//! the closer's, which the emitter writes around the run's unused characters. Nesting therefore
//! costs no recursion, however deep (`*a **a ` 4,000 times, then the closers).

use crate::domain::text::work::tick;

/// A run of `*` or `_` in the piece list, waiting for a partner.
pub struct Delim {
    /// Index of the run's piece.
    pub piece: usize,
    pub ch: char,
    /// Characters not yet used by a match.
    pub count: usize,
    /// The run's length as written (the rule of 3 counts whole runs).
    pub run: usize,
    pub open: bool,
    pub close: bool,
}

/// What a matched run contributes around its unused characters: for each match, whether it
/// is strong (else emphasis).
#[derive(Default)]
pub struct Matched {
    /// End tags written before the unused characters, innermost first.
    pub ends: Vec<bool>,
    /// Start tags written after them, innermost first (written in reverse).
    pub starts: Vec<bool>,
    /// How many of the run's characters the matches used.
    pub used: usize,
}

/// Pairs the runs of `delims[bottom..]` (the ones inside a link, or all at the end), records the
/// tags in `matched` (indexed like the pieces) and removes those runs from `delims`.
pub fn process(delims: &mut Vec<Delim>, bottom: usize, matched: &mut [Matched]) {
    // Openers still waiting, as indices into `delims`; earlier ones below.
    let mut stack: Vec<usize> = Vec::new();
    // For each kind of closer (character, whether it can open, length mod 3), the stack height
    // below which no opener matches it: the spec's `openers_bottom`.
    let mut floor = [0usize; 12];
    for d in bottom..delims.len() {
        while delims[d].close && delims[d].count > 0 {
            let (ch, closing, run, closer_opens) = (delims[d].ch, delims[d].count, delims[d].run, delims[d].open);
            let key = usize::from(ch == '_') * 6 + usize::from(closer_opens) * 3 + run % 3;
            let mut found = None;
            let mut j = stack.len();
            while j > floor[key] {
                tick(1);
                let o = &delims[stack[j - 1]];
                // The "rule of 3": if either run can both open and close, they pair only if the sum
                // of their lengths is no multiple of 3, or both lengths are.
                let both = o.close || closer_opens;
                if o.ch == ch
                    && o.open
                    && o.count > 0
                    && !(both && (o.run + run).is_multiple_of(3) && !(o.run.is_multiple_of(3) && run.is_multiple_of(3)))
                {
                    found = Some(j - 1);
                    break;
                }
                j -= 1;
            }
            let Some(at) = found else {
                floor[key] = stack.len();
                break;
            };
            // Runs between the opener and the closer can no longer pair with anything.
            stack.truncate(at + 1);
            let o = stack[at];
            let used = if delims[o].count >= 2 && closing >= 2 { 2 } else { 1 };
            let strong = used == 2;
            let (opener, closer) = (delims[o].piece, delims[d].piece);
            matched[opener].starts.push(strong);
            matched[opener].used += used;
            matched[closer].ends.push(strong);
            matched[closer].used += used;
            delims[o].count -= used;
            delims[d].count -= used;
            if delims[o].count == 0 {
                stack.pop();
            }
            for f in floor.iter_mut() {
                *f = (*f).min(stack.len());
            }
        }
        if delims[d].open && delims[d].count > 0 {
            stack.push(d);
        }
    }
    delims.truncate(bottom);
}
