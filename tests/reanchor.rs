//! Native tests of re-anchoring in an edited article: the order of steps, refusals, the Myers search against plain dynamic programming, and accuracy on generated edits with known ground truth.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::{describe, Anchored};
use marginalia::domain::annotation::reanchor::{place, reanchor, Anchorer, MIN_FUZZY_SCORE};
use marginalia::domain::annotation::Target;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::text::myers;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../www/sample-article.txt");

fn doc(blocks: &[&str]) -> Document {
    let raw: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (BlockKind::Paragraph, *b)).collect();
    Document::new("Title", ArticleMeta::default(), &raw)
}

/// The target of the `nth` occurrence of `quote` in `old`.
fn target_of(old: &Document, quote: &str, nth: usize) -> Target {
    let byte = old.text().match_indices(quote).nth(nth).map(|(b, _)| b).expect("the quote is in the old text");
    let start = old.char_of_byte(byte);
    describe(old, start, start + quote.chars().count())
}

/// What is expected: the anchoring kind and the text found there.
#[derive(Debug, PartialEq)]
enum Found<'a> {
    Exact(&'a str),
    Moved(&'a str),
    Fuzzy(&'a str),
    Orphan,
}

fn check(old: &[&str], quote: &str, nth: usize, new: &[&str], expected: Found) {
    let (old_doc, new_doc) = (doc(old), doc(new));
    let t = target_of(&old_doc, quote, nth);
    let got = reanchor(&new_doc, &t);
    let found = match got {
        Anchored::Exact { start, end } => Found::Exact(new_doc.slice(start, end)),
        Anchored::Moved { start, end } => Found::Moved(new_doc.slice(start, end)),
        Anchored::Fuzzy { start, end, score } => {
            assert!(score >= MIN_FUZZY_SCORE, "{score}");
            Found::Fuzzy(new_doc.slice(start, end))
        }
        Anchored::Orphaned => Found::Orphan,
    };
    assert_eq!(found, expected, "{quote:?} (#{nth}) of {old:?} in {new:?}: {got:?}");
}

// ---------------------------------------------------------------------------------------------
// The order of steps.

#[test]
fn stored_position_first() {
    let text = "The committee approved the budget on Monday after a long debate.";
    check(&[text], "approved the budget", 0, &[text], Found::Exact("approved the budget"));
    // Text after the quote changed: the position still holds it.
    check(
        &[text],
        "approved the budget",
        0,
        &["The committee approved the budget, reluctantly."],
        Found::Exact("approved the budget"),
    );
}

#[test]
fn then_the_exact_quote_told_apart_by_context() {
    let old = "Rain fell in the north. The river rose fast. Rain fell in the south. The river rose slowly.";
    // Text inserted before: both "The river rose" move; each goes to its own occurrence.
    let new = format!("Weather report. {old}");
    check(&[old], "The river rose", 0, &[&new], Found::Moved("The river rose"));
    check(&[old], "The river rose", 1, &[&new], Found::Moved("The river rose"));
    let t = target_of(&doc(&[old]), "The river rose", 1);
    match reanchor(&doc(&[&new]), &t) {
        Anchored::Moved { start, .. } => assert_eq!(start, t.start + "Weather report. ".len()),
        other => panic!("{other:?}"),
    }
    // Paragraphs reordered: found by context in its new place.
    check(
        &["First point here.", "Second point, with the key claim inside it."],
        "the key claim",
        0,
        &["Second point, with the key claim inside it.", "First point here."],
        Found::Moved("the key claim"),
    );
}

#[test]
fn then_an_approximate_match_with_its_context() {
    let old = "Officials said the new bridge would open to traffic in the spring of next year, weather permitting.";
    let new = "Officials said the new bridge will open to traffic in the spring of next year, weather permitting.";
    check(
        &[old],
        "the new bridge would open to traffic in the spring",
        0,
        &[new],
        Found::Fuzzy("the new bridge will open to traffic in the spring"),
    );
    // A word inserted inside the quote.
    let new = "Officials said the new suspension bridge would open to traffic in the spring of next year, weather permitting.";
    check(
        &[old],
        "the new bridge would open to traffic in the spring",
        0,
        &[new],
        Found::Fuzzy("the new suspension bridge would open to traffic in the spring"),
    );
    // Several small edits inside and around the quote, and text moved in front.
    let new =
        "Update. Officials said that the new bridge would open for traffic in spring of next year, weather permitting.";
    check(
        &[old],
        "the new bridge would open to traffic in the spring",
        0,
        &[new],
        Found::Fuzzy("the new bridge would open for traffic in spring"),
    );
}

#[test]
fn never_a_lookalike() {
    let old = ["The mayor promised lower taxes for small businesses.", "Critics doubted the plan."];
    // The paragraph is gone; the same words remain in another context.
    check(
        &old,
        "lower taxes",
        0,
        &["Critics doubted the plan.", "Every candidate promises lower taxes, said one."],
        Found::Orphan,
    );
    // The passage was rewritten beyond recognition.
    check(
        &old,
        "promised lower taxes for small businesses",
        0,
        &["The mayor said nothing about money.", "Critics doubted the plan."],
        Found::Orphan,
    );
    // A short quote whose context is gone, with look-alikes nearby.
    check(&["a cat sat on the mat"], "cat", 0, &["the dog ate; the cat ran; a cat slept"], Found::Orphan);
    // No context at all and two equal candidates: nothing tells them apart.
    let no_context = Target { start: 40, end: 43, exact: "cat".into(), prefix: String::new(), suffix: String::new() };
    assert_eq!(reanchor(&doc(&["cat and cat"]), &no_context), Anchored::Orphaned);
    let unique = Target { start: 40, end: 43, exact: "cat".into(), prefix: String::new(), suffix: String::new() };
    assert_eq!(reanchor(&doc(&["a cat here"]), &unique), Anchored::Moved { start: 2, end: 5 });
    // Case and accents are not the same text, and too many edits are not a match.
    check(&["The Senate passed the bill."], "passed", 0, &["The Senate rejected the bill."], Found::Orphan);
}

#[test]
fn empty_and_odd_targets_are_orphans() {
    let d = doc(&["Some text here."]);
    for t in [
        Target { start: 0, end: 0, exact: String::new(), prefix: String::new(), suffix: String::new() },
        Target { start: 5, end: 2, exact: "zzz".into(), prefix: "q".into(), suffix: "q".into() },
        Target {
            start: 900,
            end: 990,
            exact: "nowhere to be found".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
    ] {
        assert_eq!(reanchor(&d, &t), Anchored::Orphaned, "{t:?}");
    }
    assert_eq!(reanchor(&doc(&[]), &target_of(&d, "text", 0)), Anchored::Orphaned);
}

#[test]
fn placing_re_describes_the_target_and_keeps_the_rest() {
    let old = doc(&["The cat sat on the mat."]);
    let new = doc(&["Yesterday the cat sat on the mat."]);
    let a = marginalia::domain::annotation::Annotation {
        id: uuid::Uuid::from_u128(1),
        target: target_of(&old, "cat sat", 0),
        tags: vec![marginalia::domain::annotation::tags::TagId::new("claim")],
        note: "n".into(),
        author: "x".into(),
        created: time::OffsetDateTime::UNIX_EPOCH,
        modified: time::OffsetDateTime::UNIX_EPOCH,
    };
    let anchored = reanchor(&new, &a.target);
    let placed = place(&new, &a, anchored).expect("placed");
    assert_eq!(placed.target, describe(&new, 14, 21));
    assert_eq!((placed.note.as_str(), placed.modified), ("n", a.modified));
    assert_eq!(place(&new, &a, Anchored::Orphaned), None);
}

// ---------------------------------------------------------------------------------------------
// Myers against the definition.

/// Edit distance of `p` to the best substring of `t` ending at each position (search) or to
/// each prefix of `t` (anchored): the textbook dynamic program.
fn naive(p: &[char], t: &[char], anchored: bool) -> Vec<usize> {
    let mut column: Vec<usize> = (0..=p.len()).collect();
    let mut out = vec![];
    for (j, c) in t.iter().enumerate() {
        let mut next = vec![if anchored { j + 1 } else { 0 }; p.len() + 1];
        for i in 1..=p.len() {
            let cost = usize::from(p[i - 1] != *c);
            next[i] = (column[i - 1] + cost).min(column[i] + 1).min(next[i - 1] + 1);
        }
        out.push(next[p.len()]);
        column = next;
    }
    out
}

fn small_text(max: usize) -> impl Strategy<Value = Vec<char>> {
    proptest::collection::vec(
        prop_oneof![4 => proptest::char::range('a', 'c'), 1 => Just('😀'), 1 => Just(' ')],
        0..max,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn myers_matches_dynamic_programming(p in small_text(150), t in small_text(200), anchored in any::<bool>()) {
        prop_assert_eq!(myers::distances(&p, &t, anchored), naive(&p, &t, anchored));
    }

    #[test]
    fn levenshtein_matches_dynamic_programming(a in small_text(90), b in small_text(90)) {
        let expected = if a.is_empty() { b.len() } else if b.is_empty() { a.len() } else { *naive(&a, &b, true).last().unwrap() };
        prop_assert_eq!(myers::levenshtein(&a, &b), expected);
        prop_assert_eq!(myers::levenshtein(&a, &b), myers::levenshtein(&b, &a));
    }

    /// Whatever the target, re-anchoring gives a non-empty range inside the document holding
    /// the quote (exact or moved) or something near it (fuzzy), and never panics.
    #[test]
    fn results_are_always_sound(
        text in small_text(300),
        exact in small_text(40),
        prefix in small_text(40),
        suffix in small_text(40),
        start in 0usize..400,
        len in 0usize..60,
    ) {
        let text: String = text.into_iter().collect();
        let d = doc(&[&text]);
        let t = Target { start, end: start + len, exact: exact.into_iter().collect(), prefix: prefix.into_iter().collect(), suffix: suffix.into_iter().collect() };
        match reanchor(&d, &t) {
            Anchored::Exact { start, end } | Anchored::Moved { start, end } => {
                prop_assert!(start < end && end <= d.len_chars());
                prop_assert_eq!(d.slice(start, end), t.exact.as_str());
            }
            Anchored::Fuzzy { start, end, score } => {
                prop_assert!(start < end && end <= d.len_chars());
                prop_assert!(score >= MIN_FUZZY_SCORE);
                let found: Vec<char> = d.slice(start, end).chars().collect();
                let quote: Vec<char> = t.exact.chars().collect();
                prop_assert!(myers::levenshtein(&found, &quote) * 4 <= quote.len() + found.len(), "{:?} vs {:?}", found, quote);
            }
            Anchored::Orphaned => {}
        }
    }

    #[test]
    fn search_finds_a_planted_copy(p in small_text(80), before in small_text(60), after in small_text(60)) {
        prop_assume!(!p.is_empty());
        let t: Vec<char> = before.iter().chain(&p).chain(&after).copied().collect();
        let found = myers::search(&p, &t, 0, 8);
        prop_assert!(!found.is_empty());
        for m in &found {
            prop_assert_eq!(m.distance, 0);
            prop_assert_eq!(&t[m.start..m.end], &p[..]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Accuracy on generated edits of the sample article.

/// A small deterministic generator (xorshift), so the figures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A block of the edited article: each character with the offset it had in the original, or
/// `None` for inserted text.
type Block = Vec<(char, Option<usize>)>;

struct Edited {
    blocks: Vec<Block>,
}

impl Edited {
    fn new(doc: &Document) -> Self {
        let blocks = doc
            .blocks()
            .iter()
            .map(|b| doc.block_text(b).chars().enumerate().map(|(i, c)| (c, Some(b.start + i))).collect())
            .collect();
        Edited { blocks }
    }

    /// Positions in block `b` just before a space, and its end: where words can be inserted
    /// or deleted without breaking the single-space normal form.
    fn word_gaps(&self, b: usize) -> Vec<usize> {
        let block = &self.blocks[b];
        let mut gaps: Vec<usize> = (1..block.len()).filter(|&i| block[i].0 == ' ').collect();
        gaps.push(block.len());
        gaps
    }

    fn insert_words(&mut self, b: usize, at: usize, words: &str) {
        let text: Vec<(char, Option<usize>)> = format!(" {words}").chars().map(|c| (c, None)).collect();
        self.blocks[b].splice(at..at, text);
    }

    fn delete_between(&mut self, b: usize, from: usize, to: usize) {
        self.blocks[b].drain(from..to);
    }

    fn to_document(&self) -> (Document, Vec<Option<usize>>) {
        let kept: Vec<&Block> = self.blocks.iter().filter(|b| !b.is_empty()).collect();
        let strings: Vec<String> = kept.iter().map(|b| b.iter().map(|(c, _)| *c).collect()).collect();
        let mut raw = vec![(BlockKind::Heading, strings[0].as_str())];
        raw.extend(strings[1..].iter().map(|s| (BlockKind::Paragraph, s.as_str())));
        let doc = Document::new(&strings[0], ArticleMeta::default(), &raw);
        let mut origins = vec![];
        for (i, b) in kept.iter().enumerate() {
            if i > 0 {
                origins.extend([None, None]);
            }
            origins.extend(b.iter().map(|(_, o)| *o));
        }
        assert_eq!(origins.len(), doc.len_chars(), "edits keep the text in normal form");
        (doc, origins)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EditKind {
    Insertions,
    Deletions,
    InsideQuote,
    ReorderedParagraphs,
    RepeatedPhrase,
    LookalikeOnly,
    Mixed,
}

const KINDS: [EditKind; 7] = [
    EditKind::Insertions,
    EditKind::Deletions,
    EditKind::InsideQuote,
    EditKind::ReorderedParagraphs,
    EditKind::RepeatedPhrase,
    EditKind::LookalikeOnly,
    EditKind::Mixed,
];

/// One generated case: an annotation of the original, the edited article, and where the
/// annotated text ended up (`None` when too little of it survives to be the same passage).
struct Case {
    target: Target,
    new: Document,
    truth: Option<(usize, usize)>,
}

fn words_of(doc: &Document) -> Vec<String> {
    doc.text().split_whitespace().map(str::to_string).collect()
}

/// A random word-aligned range of 1 to 10 words inside one body paragraph: (block, from, to).
fn pick_quote(rng: &mut Rng, e: &Edited) -> (usize, usize, usize) {
    let b = 1 + rng.below(e.blocks.len() - 1);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(e.word_gaps(b).into_iter().map(|g| g + 1))
        .filter(|&s| s < e.blocks[b].len())
        .collect();
    let first = rng.below(starts.len());
    let words = 1 + rng.below(10);
    let ends = e.word_gaps(b);
    let end = ends[(first + words - 1).min(ends.len() - 1)];
    (b, starts[first], end)
}

fn random_words(rng: &mut Rng, vocabulary: &[String], n: usize) -> String {
    (0..n).map(|_| vocabulary[rng.below(vocabulary.len())].clone()).collect::<Vec<_>>().join(" ")
}

fn generate(rng: &mut Rng, original: &Document, kind: EditKind) -> Case {
    let vocabulary = words_of(original);
    let mut e = Edited::new(original);
    let (qb, qs, qe) = pick_quote(rng, &e);
    let start = original.blocks()[qb].start + qs;
    let target = describe(original, start, original.blocks()[qb].start + qe);
    let quote_text: String = e.blocks[qb][qs..qe].iter().map(|(c, _)| *c).collect();
    let rounds = if kind == EditKind::Mixed { 2 + rng.below(5) } else { 1 + rng.below(3) };
    for round in 0..rounds {
        let this = if kind == EditKind::Mixed { KINDS[rng.below(5)] } else { kind };
        match this {
            EditKind::Insertions => {
                let b = rng.below(e.blocks.len());
                let gaps = e.word_gaps(b);
                let at = gaps[rng.below(gaps.len())];
                // Not inside the quote: that is InsideQuote's job.
                if b != qb || at <= qs || at >= qe {
                    let n = 1 + rng.below(12);
                    e.insert_words(b, at, &random_words(rng, &vocabulary, n));
                }
            }
            EditKind::Deletions => {
                let b = 1 + rng.below(e.blocks.len() - 1);
                let gaps = e.word_gaps(b);
                if gaps.len() > 2 {
                    let i = rng.below(gaps.len() - 1);
                    let j = (i + 1 + rng.below(6)).min(gaps.len() - 1);
                    e.delete_between(b, gaps[i], gaps[j]);
                }
            }
            EditKind::InsideQuote => {
                // Change a word or two inside the quote: insert, delete or replace.
                let inside: Vec<usize> = e
                    .word_gaps(qb)
                    .into_iter()
                    .filter(|&g| {
                        let o = e.blocks[qb].get(g).and_then(|(_, o)| *o);
                        o.is_some_and(|o| o > target.start && o < target.end)
                    })
                    .collect();
                if let Some(&g) = inside.get(rng.below(inside.len().max(1))) {
                    match rng.below(3) {
                        0 => e.insert_words(qb, g, &random_words(rng, &vocabulary, 1)),
                        1 => {
                            let gaps = e.word_gaps(qb);
                            if let Some(next) = gaps.iter().find(|&&x| x > g) {
                                e.delete_between(qb, g, *next);
                            }
                        }
                        _ => {
                            let gaps = e.word_gaps(qb);
                            if let Some(&next) = gaps.iter().find(|&&x| x > g) {
                                e.delete_between(qb, g, next);
                                e.insert_words(qb, g, &random_words(rng, &vocabulary, 1));
                            }
                        }
                    }
                }
            }
            EditKind::ReorderedParagraphs => {
                let n = e.blocks.len();
                let (a, b) = (1 + rng.below(n - 1), 1 + rng.below(n - 1));
                e.blocks.swap(a, b);
                if round == 0 && rng.below(2) == 0 {
                    let last = e.blocks.remove(1);
                    e.blocks.push(last);
                }
            }
            EditKind::RepeatedPhrase | EditKind::LookalikeOnly => {
                // The quote, with a word of its own around it, appears in another paragraph.
                let others: Vec<usize> = (1..e.blocks.len())
                    .filter(|&b| e.blocks[b].iter().all(|(_, o)| o.is_none_or(|o| o < target.start || o >= target.end)))
                    .collect();
                if let Some(&b) = others.get(rng.below(others.len().max(1))) {
                    let gaps = e.word_gaps(b);
                    let at = gaps[rng.below(gaps.len())];
                    let phrase = format!(
                        "{} {quote_text} {}",
                        random_words(rng, &vocabulary, 1),
                        random_words(rng, &vocabulary, 1)
                    );
                    e.insert_words(b, at, &phrase);
                }
                if this == EditKind::LookalikeOnly && round == 0 {
                    // And the original passage is deleted.
                    if let Some(b) = e.blocks.iter().position(|bl| bl.iter().any(|(_, o)| *o == Some(target.start))) {
                        e.blocks.remove(b);
                    }
                }
            }
            EditKind::Mixed => unreachable!(),
        }
    }
    let (new, origins) = e.to_document();
    let survivors: Vec<usize> = origins
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_some_and(|o| o >= target.start && o < target.end))
        .map(|(i, _)| i)
        .collect();
    let quote_len = target.end - target.start;
    let truth = (survivors.len() * 2 >= quote_len && !survivors.is_empty())
        .then(|| (survivors[0], survivors[survivors.len() - 1] + 1));
    Case { target, new, truth }
}

/// Share of the union that two ranges have in common.
fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    inter as f64 / union.max(1) as f64
}

#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    attachable: usize,
    attached: usize,
    correct: usize,
    wrong: usize,
    fuzzy: usize,
}

#[test]
fn accuracy_on_generated_edits() {
    let original = parse_plain_text(SAMPLE);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut tallies: std::collections::BTreeMap<EditKind, Tally> = Default::default();
    let mut wrong_examples = vec![];
    for i in 0..1400 {
        let kind = KINDS[i % KINDS.len()];
        let case = generate(&mut rng, &original, kind);
        let got = Anchorer::new(&case.new).anchor(&case.target);
        let tally = tallies.entry(kind).or_default();
        tally.cases += 1;
        tally.attachable += usize::from(case.truth.is_some());
        let range = match got {
            Anchored::Exact { start, end } | Anchored::Moved { start, end } => Some((start, end)),
            Anchored::Fuzzy { start, end, .. } => {
                tally.fuzzy += 1;
                Some((start, end))
            }
            Anchored::Orphaned => None,
        };
        if let Some(range) = range {
            tally.attached += 1;
            match case.truth {
                Some(truth) if overlap(range, truth) >= 0.5 => tally.correct += 1,
                _ => {
                    tally.wrong += 1;
                    wrong_examples.push(format!(
                        "{kind:?}: {:?} attached at {:?} = {:?}, truth {:?}",
                        case.target.exact,
                        got,
                        case.new.slice(range.0, range.1),
                        case.truth.map(|t| case.new.slice(t.0, t.1).to_string())
                    ));
                }
            }
        }
    }
    let total = tallies.values().fold(Tally::default(), |mut t, x| {
        t.cases += x.cases;
        t.attachable += x.attachable;
        t.attached += x.attached;
        t.correct += x.correct;
        t.wrong += x.wrong;
        t.fuzzy += x.fuzzy;
        t
    });
    let precision = |t: &Tally| t.correct as f64 / t.attached.max(1) as f64;
    let recall = |t: &Tally| t.correct as f64 / t.attachable.max(1) as f64;
    println!("re-anchoring accuracy on {} generated edits of the sample article:", total.cases);
    println!(
        "{:<22} {:>6} {:>10} {:>9} {:>8} {:>6} {:>6} {:>10} {:>7}",
        "edit", "cases", "attachable", "attached", "correct", "wrong", "fuzzy", "precision", "recall"
    );
    for (kind, t) in tallies.iter().map(|(k, t)| (format!("{k:?}"), t)).chain([("all".to_string(), &total)]) {
        println!(
            "{kind:<22} {:>6} {:>10} {:>9} {:>8} {:>6} {:>6} {:>10.4} {:>7.4}",
            t.cases,
            t.attachable,
            t.attached,
            t.correct,
            t.wrong,
            t.fuzzy,
            precision(t),
            recall(t)
        );
    }
    for w in wrong_examples.iter().take(10) {
        println!("wrong: {w}");
    }
    assert!(precision(&total) >= 0.99, "precision {:.4}", precision(&total));
    assert!(recall(&total) >= 0.85, "recall {:.4}", recall(&total));
    assert_eq!(tallies[&EditKind::LookalikeOnly].wrong, 0, "never attached to a lookalike");
}
