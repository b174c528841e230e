//! Native tests of the keyboard caret's moves (by grapheme and word, across paragraphs, right to left) and of what a selection step says it selected.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::caret::{
    block_of, forward_for_arrow, grapheme_start, selection_change, step, step_reaching, SelectionChange, Unit,
};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

fn doc(paragraphs: &[&str]) -> Document {
    let blocks: Vec<(BlockKind, &str)> = paragraphs.iter().map(|p| (BlockKind::Paragraph, *p)).collect();
    Document::new("T", ArticleMeta::default(), &blocks)
}

/// The code point offset of the `n`th occurrence of `needle` (0-based) in the document's text.
fn at(doc: &Document, needle: &str) -> usize {
    let byte = doc.text().find(needle).expect("needle in text");
    doc.char_of_byte(byte)
}

/// Applies `moves` from `start` and returns the text between the start and where the caret ends.
fn walk(doc: &Document, start: usize, unit: Unit, forward: bool, moves: usize) -> usize {
    (0..moves).fold(start, |p, _| step(doc, p, unit, forward))
}

const SAMPLE: &str =
    "MEXICO CITY — Mexico's leader said Saturday that she rejected an offer by President Donald Trump.";

#[test]
fn words_forward_end_each_word_so_a_phrase_in_the_middle_is_selected_exactly() {
    let d = doc(&[SAMPLE]);
    let from = at(&d, "rejected");
    let to = walk(&d, from, Unit::Word, true, 3);
    assert_eq!(d.slice(from, to), "rejected an offer");
    // Backward goes to word starts: back over "offer" and "an".
    let back = walk(&d, to, Unit::Word, false, 2);
    assert_eq!(back, from + "rejected ".len());
}

#[test]
fn table_of_moves_inside_a_paragraph() {
    let d = doc(&[SAMPLE]);
    // (from, unit, forward, expected text between from and the stop, in reading order)
    let cases: &[(&str, Unit, bool, &str)] = &[
        ("MEXICO", Unit::Grapheme, true, "M"),
        ("CITY", Unit::Word, true, "CITY"),
        // Punctuation and spaces are passed over to the end of the next word.
        (" — Mexico", Unit::Word, true, " — Mexico's"),
        // "Mexico's" is one word (UAX #29 keeps the apostrophe inside).
        ("Mexico's", Unit::Word, true, "Mexico's"),
        ("she", Unit::Word, false, "that "),
        (" Trump.", Unit::Word, true, " Trump"),
        (".", Unit::Word, true, "."),
        (".", Unit::Grapheme, true, "."),
    ];
    for &(needle, unit, forward, expected) in cases {
        let from = at(&d, needle);
        let to = step(&d, from, unit, forward);
        let (s, e) = if forward { (from, to) } else { (to, from) };
        assert_eq!(d.slice(s, e), expected, "{needle:?} {unit:?} forward={forward}");
    }
}

#[test]
fn graphemes_are_never_split() {
    // A family emoji (ZWJ sequence), a flag, and e + combining acute.
    let d = doc(&["a👨‍👩‍👧b🇪🇸ce\u{301}!"]);
    let mut stops = vec![0];
    while let Some(&p) = stops.last() {
        let next = step(&d, p, Unit::Grapheme, true);
        if next == p {
            break;
        }
        stops.push(next);
    }
    let text = d.text();
    let pieces: Vec<&str> = stops.windows(2).map(|w| d.slice(w[0], w[1])).collect();
    assert_eq!(pieces, text.graphemes(true).collect::<Vec<_>>());
    // And back again over the same clusters.
    let end = *stops.last().unwrap();
    let back: Vec<usize> = (0..stops.len() - 1)
        .scan(end, |p, _| {
            *p = step(&d, *p, Unit::Grapheme, false);
            Some(*p)
        })
        .collect();
    let mut expected = stops.clone();
    expected.pop();
    expected.reverse();
    assert_eq!(back, expected);
    // A position inside a cluster (between e and its accent, inside the family) goes to its start.
    let accent = text.chars().position(|c| c == '\u{301}').unwrap();
    assert_eq!(grapheme_start(&d, accent), accent - 1);
    assert_eq!(grapheme_start(&d, 3), 1);
    assert_eq!(grapheme_start(&d, 1), 1);
}

#[test]
fn moves_cross_paragraphs_at_their_edges_and_stop_at_the_document_ends() {
    let d = doc(&["First one.", "Second para here", "Third"]);
    let [first, second, third] = [d.blocks()[0], d.blocks()[1], d.blocks()[2]];
    // By grapheme: the end of a paragraph, then the start of the next.
    assert_eq!(step(&d, first.end, Unit::Grapheme, true), second.start);
    assert_eq!(step(&d, second.start, Unit::Grapheme, false), first.end);
    // By word: the end of the first paragraph's last word, then its end (after the full stop), then
    // the end of the next paragraph's first word.
    let after_one = at(&d, ".");
    assert_eq!(step(&d, at(&d, " one"), Unit::Word, true), after_one);
    assert_eq!(step(&d, after_one, Unit::Word, true), first.end);
    assert_eq!(d.slice(second.start, step(&d, first.end, Unit::Word, true)), "Second");
    // Back from a paragraph's start: the start of the previous paragraph's last word.
    assert_eq!(d.slice(step(&d, third.start, Unit::Word, false), second.end), "here");
    // The document's ends hold the caret.
    assert_eq!(step(&d, 0, Unit::Word, false), 0);
    assert_eq!(step(&d, third.end, Unit::Grapheme, true), third.end);
    // A position in the separator counts as the next paragraph's start.
    assert_eq!(block_of(&d, first.end + 1), Some(1));
    assert_eq!(block_of(&d, first.end), Some(0));
    assert_eq!(step(&d, first.end + 1, Unit::Grapheme, true), second.start + 1);
}

#[test]
fn right_to_left_moves_are_logical_and_the_arrows_follow_the_paragraph() {
    let hebrew = "ראש הממשלה אמר כי התקציב יגדל";
    let arabic = "قال الوزير إن الحكومة";
    let d = doc(&[hebrew, arabic]);
    let b = d.blocks()[0];
    assert_eq!(d.slice(b.start, walk(&d, b.start, Unit::Word, true, 2)), "ראש הממשלה");
    let a = d.blocks()[1];
    assert_eq!(d.slice(walk(&d, a.end, Unit::Word, false, 2), a.end), "إن الحكومة");
    // ← reads forward in a right-to-left paragraph, → in a left-to-right one.
    assert!(forward_for_arrow(false, true));
    assert!(!forward_for_arrow(true, true));
    assert!(forward_for_arrow(true, false));
    assert!(!forward_for_arrow(false, false));
}

#[test]
fn a_long_paragraph_is_searched_past_the_first_window() {
    // A word far beyond the window, behind a long run of punctuation and spaces.
    let filler = "- ".repeat(200);
    let text = format!("start {filler}end");
    let d = doc(&[&text]);
    let b = d.blocks()[0];
    assert_eq!(step(&d, at(&d, " -"), Unit::Word, true), b.end);
    assert_eq!(step(&d, b.end - 3, Unit::Word, false), b.start);
    assert_eq!(d.slice(step(&d, b.end, Unit::Word, false), b.end), "end");
}

#[test]
fn selection_steps_say_what_they_added_or_took_away() {
    use SelectionChange::*;
    let cases = [
        (None, Some((5, 9)), Some(Selected(5, 9))),
        (Some((5, 9)), Some((5, 12)), Some(Selected(9, 12))),
        (Some((5, 12)), Some((5, 9)), Some(Unselected(9, 12))),
        (Some((5, 9)), Some((2, 9)), Some(Selected(2, 5))),
        (Some((2, 9)), Some((5, 9)), Some(Unselected(2, 5))),
        (Some((5, 9)), None, Some(Unselected(5, 9))),
        (Some((5, 9)), Some((5, 9)), None),
        (Some((5, 9)), Some((1, 3)), Some(Selected(1, 3))),
        (None, None, None),
    ];
    for (before, after, expected) in cases {
        assert_eq!(selection_change(before, after), expected, "{before:?} → {after:?}");
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        6 => proptest::char::range('a', 'e'),
        3 => Just(' '),
        1 => Just('.'),
        1 => Just('\''),
        1 => proptest::char::range('\u{300}', '\u{302}'),
        1 => proptest::char::range('\u{5d0}', '\u{5d3}'),
        1 => proptest::char::range('\u{627}', '\u{62a}'),
        1 => Just('\u{200d}'),
        1 => proptest::char::range('\u{1f600}', '\u{1f602}'),
        1 => Just('1'),
    ];
    proptest::collection::vec(ch, 1..60).prop_map(|v| v.into_iter().collect())
}

proptest! {
    /// Segmenting only a window around the caret gives the same stop as segmenting whole
    /// paragraphs; every stop is a grapheme boundary inside a block, and moves never go the wrong way.
    #[test]
    fn windowed_moves_equal_whole_paragraph_moves(paragraphs in proptest::collection::vec(text_strategy(), 1..4), pick in 0usize..1000) {
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let d = doc(&refs);
        prop_assume!(!d.blocks().is_empty());
        let whole = d.len_chars() + 1;
        let positions: Vec<usize> = d.blocks().iter().flat_map(|b| b.start..=b.end).collect();
        let at = positions[pick % positions.len()];
        for unit in [Unit::Grapheme, Unit::Word] {
            for forward in [true, false] {
                let small = step_reaching(&d, at, unit, forward, 1);
                let full = step_reaching(&d, at, unit, forward, whole);
                prop_assert_eq!(small, full, "{:?} forward={} at {}", unit, forward, at);
                let block = d.blocks()[block_of(&d, small).unwrap()];
                prop_assert!(block.start <= small && small <= block.end);
                let local = small - block.start;
                let boundaries: Vec<usize> = d.block_text(&block).graphemes(true)
                    .scan(0, |cp, g| { let s = *cp; *cp += g.chars().count(); Some(s) })
                    .chain(std::iter::once(block.end - block.start)).collect();
                prop_assert!(boundaries.contains(&local), "stop {} splits a grapheme", small);
                if forward { prop_assert!(small >= at) } else { prop_assert!(small <= at) }
            }
        }
    }
}
