//! Finds an annotation again in a different version of its article: exact, moved, fuzzy or orphaned.
//!
//! The order is the stored position, then the exact quote told apart by its context, then an
//! approximate match scored by quote, context and distance. Every step refuses rather than
//! guesses: an annotation whose passage cannot be told from a lookalike is orphaned, shown to the
//! user with its quote, and re-attached by hand ([`reattach`]).

use time::OffsetDateTime;

use crate::domain::annotation::anchor::{describe, Anchored};
use crate::domain::annotation::{Annotation, Target};
use crate::domain::article::document::{Document, BLOCK_SEPARATOR};
use crate::domain::text::exact_search::ExactSearch;
use crate::domain::text::myers;

/// Lowest quote similarity (1 − edits / quote length) a fuzzy match may have.
pub const MIN_QUOTE_SIMILARITY: f64 = 0.75;
/// Lowest combined score (see [`Candidate::score`]) a fuzzy match may have, in percent.
pub const MIN_FUZZY_SCORE: u8 = 75;
/// Lowest context similarity for a match away from the stored position, where the target has
/// context; shorter quotes need more (see `Candidate::acceptable`).
pub const MIN_CONTEXT_SIMILARITY: f64 = 0.5;
/// Shortest quote, in code points, that may be matched approximately: an edited short quote
/// ("cartels." for "cartels") is as likely a lookalike as the same passage.
pub const MIN_FUZZY_QUOTE: usize = 16;
/// How much better than the runner-up the chosen candidate must score, so that of two near-equal
/// passages neither is picked.
pub const MIN_MARGIN: f64 = 0.05;
/// Quotes at least this long are trusted at their stored position without checking context.
const LONG_QUOTE: usize = 24;
/// How many approximate matches are scored.
const FUZZY_CANDIDATES: usize = 8;

/// Anchors `target` in `doc` in the documented order; see the module documentation. To anchor
/// many targets in one document, make one [`Anchorer`] and reuse it.
pub fn reanchor(doc: &Document, target: &Target) -> Anchored {
    Anchorer::new(doc).anchor(target)
}

/// Most approximate-search work one [`Anchorer`] does, in code points of the text times 64-code-point
/// words of the quotes (what the bit-parallel search costs): about a second. Without it a file of
/// 20,000 quotes that are not in the article (or 200 of 50 KB) searched for minutes; past it, the
/// remaining quotes that are not found exactly are left unplaced (kept, to re-attach) and counted.
pub const FUZZY_BUDGET: u64 = 150_000_000;

/// A document prepared for anchoring many targets (its text as code points, made once).
pub struct Anchorer {
    text: Vec<char>,
    exact: ExactSearch,
    /// The text encoded for approximate search, made when a first target needs one (a re-import
    /// into the same article never does).
    encoded: std::cell::OnceCell<myers::Encoded>,
    /// What is left of [`FUZZY_BUDGET`].
    budget: std::cell::Cell<u64>,
    /// Targets not searched for approximately because the budget ran out.
    unsearched: std::cell::Cell<usize>,
}

impl Anchorer {
    pub fn new(doc: &Document) -> Self {
        Anchorer {
            text: doc.text().chars().collect(),
            exact: ExactSearch::new(doc.text()),
            encoded: std::cell::OnceCell::new(),
            budget: std::cell::Cell::new(FUZZY_BUDGET),
            unsearched: std::cell::Cell::new(0),
        }
    }

    /// How many targets so far were left unplaced without an approximate search, the budget spent.
    pub fn unsearched(&self) -> usize {
        self.unsearched.get()
    }

    /// Takes `cost` from the budget if it holds that much.
    fn spend(&self, cost: u64) -> bool {
        let left = self.budget.get();
        if cost > left {
            self.unsearched.set(self.unsearched.get() + 1);
            return false;
        }
        self.budget.set(left - cost);
        crate::domain::text::work::tick(cost as usize);
        true
    }

    fn encoded(&self) -> &myers::Encoded {
        self.encoded.get_or_init(|| myers::Encoded::new(&self.text))
    }

    /// See [`reanchor`].
    pub fn anchor(&self, target: &Target) -> Anchored {
        self.unchanged(target).unwrap_or_else(|| self.search(target))
    }

    /// The usual case, an annotation of this very article (a re-import, a class's packs): the
    /// stored position holds the quote and, for a short quote, the text around it is exactly the
    /// stored context. Costs the quote and context lengths, allocates nothing, and whenever it
    /// answers, [`Self::search`] gives the same answer. `None` hands over to the search.
    fn unchanged(&self, target: &Target) -> Option<Anchored> {
        let (start, end) = (target.start, target.end);
        if target.exact.is_empty() || start >= end || end > self.text.len() {
            return None;
        }
        if !self.text[start..end].iter().copied().eq(target.exact.chars()) {
            return None;
        }
        let (prefix, suffix) = context_of(target);
        let prefix_len = prefix.chars().count();
        let prefix_holds =
            start >= prefix_len && self.text[start - prefix_len..start].iter().copied().eq(prefix.chars());
        let suffix_holds = {
            let after = &self.text[end..];
            let mut stored = suffix.chars();
            after.iter().zip(stored.by_ref()).all(|(a, b)| *a == b) && stored.next().is_none()
        };
        (end - start >= LONG_QUOTE || (prefix_holds && suffix_holds)).then_some(Anchored::Exact { start, end })
    }

    /// The full search in the documented order (see the module documentation).
    fn search(&self, target: &Target) -> Anchored {
        let text = &self.text;
        if target.exact.is_empty() || text.is_empty() {
            return Anchored::Orphaned;
        }
        let quote: Vec<char> = target.exact.chars().collect();
        let ctx = Context::new(target);
        // 1. The stored position still holds the quote (and, for short quotes, some of its context).
        let (s, e) = (target.start, target.end);
        if s < e && e <= text.len() && text[s..e] == quote[..] {
            let agrees = ctx.similarity(text, s, e).is_none_or(|c| c >= MIN_CONTEXT_SIMILARITY / 2.0);
            if quote.len() >= LONG_QUOTE || agrees {
                return Anchored::Exact { start: s, end: e };
            }
        }

        // 2. The exact quote elsewhere, told apart from other occurrences by context and distance.
        let exact: Vec<Candidate> = self
            .exact
            .occurrences(&target.exact)
            .map(|start| Candidate::new(&ctx, text, target, start, quote.len(), 0))
            .collect();
        if let Some(best) = pick(&exact) {
            return Anchored::Moved { start: best.start, end: best.end };
        }

        // 3. An approximate match; the exact occurrences compete too, so a lookalike with the quote's
        //    words but the wrong context cannot beat the edited passage that has the right context.
        let max_edits = (quote.len() as f64 * (1.0 - MIN_QUOTE_SIMILARITY)).floor() as usize;
        let mut all = exact;
        let cost = text.len() as u64 * quote.len().div_ceil(64) as u64;
        let fuzzy = if quote.len() >= MIN_FUZZY_QUOTE && self.spend(cost) {
            myers::search_encoded(&quote, self.encoded(), max_edits, FUZZY_CANDIDATES)
        } else {
            vec![]
        };
        for m in fuzzy {
            let (start, end, distance) = ctx.refine(self.encoded(), &quote, m.end, max_edits);
            if !all.iter().any(|c| c.start == start && c.end == end) {
                all.push(Candidate::new(&ctx, text, target, start, end - start, distance));
            }
        }
        match pick(&all) {
            Some(best) if best.score() * 100.0 >= f64::from(MIN_FUZZY_SCORE) => {
                let (start, end) = trim_to_words(text, best.start, best.end);
                if start >= end {
                    return Anchored::Orphaned;
                }
                let score = (best.score() * 100.0).round().clamp(0.0, 100.0) as u8;
                if best.distance == 0 {
                    Anchored::Moved { start, end }
                } else {
                    Anchored::Fuzzy { start, end, score }
                }
            }
            _ => Anchored::Orphaned,
        }
    }
}

/// `annotation` re-targeted at its anchored place in `doc`, or `None` when orphaned. The quote
/// and context are taken from `doc`; `modified` is kept, since the user changed nothing.
pub fn place(doc: &Document, annotation: &Annotation, anchored: Anchored) -> Option<Annotation> {
    let (start, end) = anchored.span()?;
    Some(Annotation { target: describe(doc, start, end), ..annotation.clone() })
}

/// Re-attaches an orphan to the text the user selected, `[start, end)` of `doc`; `None` for an
/// empty selection. This is a user's edit, so `modified` becomes `at`.
pub fn reattach(
    doc: &Document,
    orphan: &Annotation,
    start: usize,
    end: usize,
    at: OffsetDateTime,
) -> Option<Annotation> {
    let target = describe(doc, start, end);
    (target.start < target.end).then(|| Annotation { target, modified: at, ..orphan.clone() })
}

/// The target's context, as characters, for comparing with the text around a candidate.
struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

/// How many characters of context next to the quote decide where a fuzzy match begins and ends.
const EDGE: usize = 10;
/// How far from a fuzzy match's bound its context is looked for.
const GAP: usize = 24;

impl Context {
    /// Context from another block is cut off at the blank line between blocks (which is kept):
    /// when paragraphs are reordered, a paragraph's neighbours change but its own text and its
    /// being at a paragraph's start or end do not.
    fn new(target: &Target) -> Self {
        let (prefix, suffix) = context_of(target);
        Context { prefix: prefix.chars().collect(), suffix: suffix.chars().collect() }
    }

    /// The bounds of the approximate match of `quote` ending near `end`. Edit distance alone
    /// would start "the new bridge" inside an inserted word ("…nsion bridge", fewer edits than
    /// taking the whole insertion in) or take in a word inserted just before the quote. So each
    /// bound also pays for the stored context next to it: two per edit to match it, one per
    /// character between it and the bound. Leaving inserted text out thus costs half of taking
    /// it in, and cutting into the quote costs full edits; ties go to the shorter match.
    fn refine(&self, text: &myers::Encoded, quote: &[char], end: usize, max_edits: usize) -> (usize, usize, usize) {
        let alphabet = text.alphabet_len();
        let quote = text.encode(quote);
        let prefix_tail = text.encode(&self.prefix[self.prefix.len().saturating_sub(EDGE)..]);
        let suffix_head = text.encode(&self.suffix[..self.suffix.len().min(EDGE)]);
        let window = quote.len() + max_edits + 1;
        let reversed = |symbols: &[u32]| symbols.iter().rev().copied().collect::<Vec<u32>>();

        // Start: the reversed quote against the text read backwards from `end`, anchored there.
        let lo = end.saturating_sub(window);
        let backwards = myers::distances_encoded(&reversed(&quote), &reversed(text.slice(lo, end)), alphabet, true);
        // `before[i]`: the prefix tail's best match ending at text index `from + i`.
        let from = lo.saturating_sub(GAP + prefix_tail.len());
        let before = myers::distances_encoded(&prefix_tail, text.slice(from, end), alphabet, false);
        let prefix_cost = |s: usize| -> usize {
            if prefix_tail.is_empty() {
                return 0;
            }
            (0..=GAP)
                .map(|g| match (s.checked_sub(1 + g)).filter(|p| *p >= from) {
                    Some(p) => 2 * before[p - from] + g,
                    None => 2 * prefix_tail.len() + g,
                })
                .min()
                .unwrap_or(0)
        };
        let start = (0..backwards.len())
            .map(|r| (end - 1 - r, backwards[r]))
            .min_by_key(|&(s, d)| (2 * d + prefix_cost(s), std::cmp::Reverse(s)))
            .map_or(end, |(s, _)| s);

        // End: the quote forwards from that start, anchored there; the suffix head likewise,
        // read backwards so that its matches are found by where they begin.
        let hi = (start + window).min(text.len());
        let forwards = myers::distances_encoded(&quote, text.slice(start, hi), alphabet, true);
        let to = (hi + GAP + suffix_head.len()).min(text.len());
        // `after[i]`: the suffix head's best match beginning at text index `to - 1 - i`.
        let after =
            myers::distances_encoded(&reversed(&suffix_head), &reversed(text.slice(start, to)), alphabet, false);
        let suffix_cost = |e: usize| -> usize {
            if suffix_head.is_empty() {
                return 0;
            }
            (0..=GAP)
                .map(|g| match Some(e + g).filter(|p| *p < to) {
                    Some(p) => 2 * after[to - 1 - p] + g,
                    None => 2 * suffix_head.len() + g,
                })
                .min()
                .unwrap_or(0)
        };
        let (end, distance) = (0..forwards.len())
            .map(|j| (start + j + 1, forwards[j]))
            .min_by_key(|&(e, d)| (2 * d + suffix_cost(e), e))
            .unwrap_or((end, quote.len()));
        (start, end, distance)
    }

    /// Similarity (0–1) of the stored context to the text around `[start, end)`, weighted by
    /// the length of each side; `None` when the target has no context to compare.
    fn similarity(&self, text: &[char], start: usize, end: usize) -> Option<f64> {
        let (lp, ls) = (self.prefix.len(), self.suffix.len());
        if lp + ls == 0 {
            return None;
        }
        let before = &text[start.saturating_sub(lp)..start];
        let after = &text[end..(end + ls).min(text.len())];
        let side = |stored: &[char], found: &[char]| {
            if stored.is_empty() {
                0.0
            } else if stored == found {
                // The usual case (the same article): no edit distance to work out.
                1.0
            } else {
                1.0 - myers::levenshtein(stored, found) as f64 / stored.len().max(found.len()) as f64
            }
        };
        Some((side(&self.prefix, before) * lp as f64 + side(&self.suffix, after) * ls as f64) / (lp + ls) as f64)
    }
}

/// The target's prefix and suffix as far as they compare: context from another block is cut off
/// at the blank line between blocks (which is kept), as [`Context::new`] explains.
fn context_of(target: &Target) -> (&str, &str) {
    let prefix = match target.prefix.rfind(BLOCK_SEPARATOR) {
        Some(i) => &target.prefix[i..],
        None => &target.prefix,
    };
    let suffix = match target.suffix.find(BLOCK_SEPARATOR) {
        Some(i) => &target.suffix[..i + BLOCK_SEPARATOR.len()],
        None => &target.suffix,
    };
    (prefix, suffix)
}

/// One place the quote might now be, with the parts of its score.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    distance: usize,
    /// 1 − edits / quote length.
    quote: f64,
    /// Context similarity; `None` when the target had none.
    context: Option<f64>,
    /// 1 at the stored position, falling to 0 a whole document away.
    nearness: f64,
    /// The stored quote's length in code points.
    quote_len: usize,
}

impl Candidate {
    fn new(ctx: &Context, text: &[char], target: &Target, start: usize, len: usize, distance: usize) -> Self {
        let quote_len = target.exact.chars().count().max(1);
        let end = start + len;
        Candidate {
            start,
            end,
            distance,
            quote: 1.0 - distance as f64 / quote_len as f64,
            context: ctx.similarity(text, start, end),
            nearness: 1.0 - start.abs_diff(target.start) as f64 / text.len().max(1) as f64,
            quote_len,
        }
    }

    /// The combined score (0–1): mostly the quote, then its context, a little for nearness.
    fn score(&self) -> f64 {
        match self.context {
            Some(c) => 0.55 * self.quote + 0.35 * c + 0.10 * self.nearness,
            None => 0.9 * self.quote + 0.10 * self.nearness,
        }
    }

    /// Good enough a quote, and enough context for its length: a short quote such as "to
    /// fight" recurs in most articles, so the shorter the quote, the more of its context must
    /// agree (from [`MIN_CONTEXT_SIMILARITY`] for quotes of 40 characters or more up to a
    /// quarter more for the shortest).
    fn acceptable(&self) -> bool {
        let shortness = 1.0 - (self.quote_len as f64 / 40.0).min(1.0);
        let needed = MIN_CONTEXT_SIMILARITY + 0.25 * shortness;
        self.quote >= MIN_QUOTE_SIMILARITY && self.context.is_none_or(|c| c >= needed)
    }
}

/// The best acceptable candidate, if it beats every other by [`MIN_MARGIN`]; a target without
/// context can only be placed where it is the one candidate, as nothing else tells places apart.
fn pick(candidates: &[Candidate]) -> Option<Candidate> {
    // The best two by score, in one pass (no sort: fewer instantiations in the wasm).
    let mut best: Option<&Candidate> = None;
    let mut second: Option<&Candidate> = None;
    for c in candidates {
        if best.is_none_or(|b| c.score() > b.score()) {
            second = best;
            best = Some(c);
        } else if second.is_none_or(|s| c.score() > s.score()) {
            second = Some(c);
        }
    }
    let best = *best?;
    if !best.acceptable() {
        return None;
    }
    match second {
        Some(second) if best.context.is_none() && second.quote >= MIN_QUOTE_SIMILARITY => None,
        Some(second) if best.score() - second.score() < MIN_MARGIN => None,
        _ => Some(best),
    }
}

/// A fuzzy match can begin or end with a stray space or separator picked up by an edit; those
/// are trimmed so the highlight covers only text.
fn trim_to_words(text: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start].is_whitespace() {
        start += 1;
    }
    while end > start && text[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::article::document::{ArticleMeta, BlockKind};
    use proptest::prelude::*;

    fn doc(blocks: &[&str]) -> Document {
        let blocks: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (BlockKind::Paragraph, *b)).collect();
        Document::new("T", ArticleMeta::default(), &blocks)
    }

    fn target(start: usize, end: usize, exact: &str, prefix: &str, suffix: &str) -> Target {
        Target { start, end, exact: exact.into(), prefix: prefix.into(), suffix: suffix.into() }
    }

    /// When the shortcut answers, and when it leaves the target to the search.
    #[test]
    fn the_shortcut_takes_only_an_unchanged_passage() {
        let d = doc(&["one two three four", "two more words here"]);
        let a = Anchorer::new(&d);
        let exact = Some(Anchored::Exact { start: 4, end: 7 });
        let cases: &[(Target, Option<Anchored>)] = &[
            // The quote at its place with its very context (cut at the block's end).
            (target(4, 7, "two", "one ", " three four\n\ntwo more"), exact),
            (describe(&d, 4, 7), exact),
            // No context at all: the position decides, as in the search.
            (target(4, 7, "two", "", ""), exact),
            // Context that differs, a moved quote, a quote no longer there: the search decides.
            (target(4, 7, "two", "uno ", " three four"), None),
            (target(5, 8, "two", "one ", " three four"), None),
            (target(4, 7, "tw0", "one ", " three four"), None),
            // A long quote is trusted at its place whatever its context, as in the search.
            (
                target(0, 24, "one two three four\n\ntwo ", "elsewhere ", "xyz"),
                Some(Anchored::Exact { start: 0, end: 24 }),
            ),
            // Out of range or empty.
            (target(30, 60, "two", "", ""), None),
            (target(4, 4, "", "", ""), None),
        ];
        for (t, expected) in cases {
            assert_eq!(a.unchanged(t), *expected, "{t:?}");
            if let Some(found) = expected {
                assert_eq!(a.search(t), *found, "{t:?}");
            }
        }
    }

    fn small_text(max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![4 => proptest::char::range('a', 'c'), 1 => Just('😀'), 2 => Just(' ')],
            0..max,
        )
        .prop_map(|c| c.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whenever the shortcut answers, the full search gives the same answer: for targets
        /// described from the text (the shortcut's case), with their context or range nudged,
        /// and for arbitrary ones.
        #[test]
        fn the_shortcut_agrees_with_the_search(
            blocks in proptest::collection::vec(small_text(60), 1..4),
            start in 0usize..200,
            len in 1usize..40,
            nudge in 0usize..6,
            prefix in small_text(12),
            suffix in small_text(12),
        ) {
            let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
            let d = doc(&blocks);
            let a = Anchorer::new(&d);
            let mut t = describe(&d, start, start + len);
            match nudge {
                1 => t.prefix = prefix,
                2 => t.suffix = suffix,
                3 => { t.start += 1; t.end += 1; }
                4 => t = target(start, start + len, &t.exact, &prefix, &suffix),
                _ => {}
            }
            if let Some(found) = a.unchanged(&t) {
                prop_assert_eq!(found, a.search(&t));
            }
        }
    }
}
