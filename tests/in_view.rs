//! The painted stretch (domain::annotation::in_view): which annotations it shows, how it moves, and that following its moves and the store's changes always paints exactly what it shows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use common::ann;
use marginalia::domain::annotation::in_view::{moves, next_span, InView};
use marginalia::domain::annotation::store::{Change, Command, Store};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::session::kv::MemoryKv;
use marginalia::domain::session::Session;
use proptest::prelude::*;
use uuid::Uuid;

/// Ten blocks of ten letters: block `i` is code points `12 i .. 12 i + 10` (blocks are joined by "\n\n").
fn ten_blocks() -> Document {
    let blocks: Vec<(BlockKind, &str)> = (0..10).map(|_| (BlockKind::Paragraph, "abcdefghij")).collect();
    Document::new("T", ArticleMeta::default(), &blocks)
}

#[test]
fn of_blocks_covers_the_text_of_the_blocks() {
    let doc = ten_blocks();
    let start = |i: usize| doc.blocks()[i].start;
    let end = |i: usize| doc.blocks()[i].end;
    for (first, last, expected) in [
        (0, 0, InView::Span(start(0), end(0))),
        (2, 4, InView::Span(start(2), end(4))),
        (4, 2, InView::Span(start(2), end(4))),
        (8, 99, InView::Span(start(8), end(9))),
    ] {
        assert_eq!(InView::of_blocks(&doc, first, last), expected, "blocks {first}..={last}");
    }
    let empty = Document::new("", ArticleMeta::default(), &[]);
    assert_eq!(InView::of_blocks(&empty, 0, 3), InView::Nothing);
}

#[test]
fn shows_what_shares_a_code_point() {
    let span = InView::Span(10, 20);
    for (start, end, shown) in
        [(0, 10, false), (0, 11, true), (19, 25, true), (20, 25, false), (12, 14, true), (0, 100, true)]
    {
        assert_eq!(span.shows(start, end), shown, "[{start}, {end})");
        assert!(InView::Everything.shows(start, end));
        assert!(!InView::Nothing.shows(start, end));
    }
}

#[test]
fn next_span_keeps_the_painted_blocks_until_the_reader_nears_their_edge() {
    for (painted, needed, wide, expected) in [
        (None, (3, 5), (1, 7), (1, 7)),
        (Some((1, 7)), (3, 5), (2, 8), (1, 7)),
        (Some((1, 7)), (1, 7), (0, 9), (1, 7)),
        (Some((1, 7)), (5, 8), (3, 10), (3, 10)),
        (Some((1, 7)), (0, 2), (0, 4), (0, 4)),
    ] {
        assert_eq!(next_span(painted, needed, wide), expected, "{painted:?} {needed:?}");
    }
}

#[test]
fn moves_take_out_what_leaves_and_add_what_enters() {
    let doc = ten_blocks();
    let store = Store::from_annotations([
        ann(&doc, 1, 0, 5, &["claim"]),
        ann(&doc, 2, 12, 20, &["claim"]),
        ann(&doc, 3, 25, 30, &["quote"]),
        ann(&doc, 4, 8, 26, &["quote"]),
    ]);
    let (leave, enter) = moves(&store, InView::Span(0, 10), InView::Span(24, 34));
    assert_eq!(leave, vec![Uuid::from_u128(1)]);
    let entered: Vec<Uuid> = enter.iter().map(|a| a.id).collect();
    assert_eq!(entered, vec![Uuid::from_u128(3)], "4 spans both stretches, so it stays");
    let (leave, enter) = moves(&store, InView::Nothing, InView::Everything);
    assert!(leave.is_empty());
    assert_eq!(enter.len(), 4);
}

#[derive(Debug, Clone)]
enum Step {
    Scroll(usize, usize),
    Print,
    Create(u128, usize, usize),
    Delete(usize),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..10, 0usize..10).prop_map(|(a, b)| Step::Scroll(a.min(b), a.max(b))),
        Just(Step::Print),
        (1u128..1000, 0usize..118, 1usize..40).prop_map(|(n, s, len)| Step::Create(n, s, (s + len).min(118))),
        (0usize..50).prop_map(Step::Delete),
        Just(Step::Undo),
    ]
}

/// The painter's bookkeeping, as `ui::browser::highlights::Painter` does it, without the browser.
struct Painted {
    ids: BTreeSet<Uuid>,
    in_view: InView,
}

impl Painted {
    fn apply(&mut self, change: &Change) {
        if let Some(before) = &change.before {
            self.ids.remove(&before.id);
        }
        if let Some(after) = &change.after {
            if self.in_view.shows(after.target.start, after.target.end) {
                self.ids.insert(after.id);
            }
        }
    }

    fn show(&mut self, store: &Store, to: InView) {
        let (leave, enter) = moves(store, self.in_view, to);
        for id in leave {
            self.ids.remove(&id);
        }
        self.ids.extend(enter.iter().map(|a| a.id));
        self.in_view = to;
    }
}

proptest! {
    #[test]
    fn following_moves_and_changes_paints_exactly_what_the_stretch_shows(steps in prop::collection::vec(step(), 1..60)) {
        let doc = ten_blocks();
        let mut session = Session::open(Rc::new(doc.clone()), &mut MemoryKv::new(), Default::default());
        let mut painted = Painted { ids: BTreeSet::new(), in_view: InView::Nothing };
        for step in steps {
            match step {
                Step::Scroll(first, last) => painted.show(session.store(), InView::of_blocks(&doc, first, last)),
                Step::Print => painted.show(session.store(), InView::Everything),
                Step::Create(n, start, end) if start < end && session.store().get(&Uuid::from_u128(n)).is_none() => {
                    if let Ok(effects) = session.apply_commands(vec![Command::Create(ann(&doc, n, start, end, &["claim"]))]) {
                        effects.changes.iter().for_each(|c| painted.apply(c));
                    }
                }
                Step::Create(..) => {}
                Step::Delete(k) => {
                    let Some(id) = session.store().in_order().nth(k).map(|a| a.id) else { continue };
                    if let Ok(effects) = session.apply_commands(vec![Command::Delete { id }]) {
                        effects.changes.iter().for_each(|c| painted.apply(c));
                    }
                }
                Step::Undo => {
                    for change in session.undo().map(|e| e.changes).unwrap_or_default() {
                        painted.apply(&change);
                    }
                }
            }
            let store = session.store();
            let expected: BTreeSet<Uuid> = store
                .in_order()
                .filter(|a| painted.in_view.shows(a.target.start, a.target.end))
                .map(|a| a.id)
                .collect();
            prop_assert_eq!(&painted.ids, &expected);
        }
    }
}
