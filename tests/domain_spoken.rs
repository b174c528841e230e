//! What screen readers hear about highlights (summaries, paragraph descriptions) and the store's next/previous annotation queries.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::spoken::{block_description, reached, shorten, summary};
use marginalia::domain::annotation::store::Store;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::i18n::{EN, ES};
use proptest::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

fn annotation(n: u128, start: usize, end: usize, tags: &[&str], exact: &str, note: &str) -> Annotation {
    Annotation {
        id: Uuid::from_u128(n),
        target: Target { start, end, exact: exact.into(), prefix: String::new(), suffix: String::new() },
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.into(),
        author: String::new(),
        created: OffsetDateTime::UNIX_EPOCH,
        modified: OffsetDateTime::UNIX_EPOCH,
    }
}

#[test]
fn summaries_name_tags_in_tag_set_order_then_quote_then_note() {
    let tags = TagSet::default();
    let long = "word ".repeat(30);
    let cases: [(Annotation, &str); 5] = [
        (annotation(1, 0, 5, &["claim"], "Hello", ""), "Claim: “Hello”"),
        (annotation(2, 0, 5, &["policy-shift", "claim"], "Hello", ""), "Claim, Policy shift: “Hello”"),
        (annotation(3, 0, 5, &["quote"], "Hello", "  check this  "), "Quote: “Hello”, note: check this"),
        (annotation(4, 0, 5, &["gone"], "Hello", ""), "gone: “Hello”"),
        (
            annotation(5, 0, 150, &["claim"], &long, ""),
            "Claim: “word word word word word word word word word word word word word word word word…”",
        ),
    ];
    for (a, expected) in cases {
        assert_eq!(summary(&a, &tags, &EN), expected);
    }
}

#[test]
fn right_to_left_quotes_are_spoken_unchanged() {
    let tags = TagSet::default();
    let a = annotation(1, 0, 9, &["quote"], "שלום עולם", "בדיקה 2024");
    assert_eq!(summary(&a, &tags, &EN), "Quote: “שלום עולם”, note: בדיקה 2024");
}

#[test]
fn block_descriptions_name_five_and_count_the_rest() {
    let tags = TagSet::default();
    assert_eq!(block_description([], &tags, &EN), None);
    let one = [annotation(1, 0, 5, &["claim"], "Hello", "")];
    assert_eq!(block_description(&one, &tags, &EN).as_deref(), Some("Highlighted: Claim: “Hello”"));
    let seven: Vec<Annotation> =
        (0..7).map(|i| annotation(i, i as usize, i as usize + 1, &["quote"], "x", "")).collect();
    let text = block_description(&seven, &tags, &EN).unwrap();
    assert_eq!(text.matches("Quote: “x”").count(), 5);
    assert!(text.ends_with("; and 2 more"), "{text}");
}

#[test]
fn reached_says_where_it_is_and_how_to_edit() {
    let tags = TagSet::default();
    let a = annotation(1, 0, 5, &["claim"], "Hello", "");
    assert_eq!(reached(&a, &tags, 1, 4, &EN), "Claim: “Hello” (2 of 4). Press Enter to edit.");
}

#[test]
fn next_and_previous_walk_the_annotations_in_article_order() {
    let store = Store::from_annotations([
        annotation(1, 10, 20, &["claim"], "a", ""),
        annotation(2, 10, 30, &["claim"], "b", ""),
        annotation(3, 40, 45, &["claim"], "c", ""),
    ]);
    let next = |pos, reached: Option<u128>| {
        store.next_from(pos, reached.map(Uuid::from_u128)).map(|(i, a)| (i, a.id.as_u128()))
    };
    let previous = |pos, reached: Option<u128>| {
        store.previous_from(pos, reached.map(Uuid::from_u128)).map(|(i, a)| (i, a.id.as_u128()))
    };
    assert_eq!(next(0, None), Some((0, 1)));
    assert_eq!(next(10, None), Some((0, 1)));
    // Two annotations that start together are reached one after the other.
    assert_eq!(next(10, Some(1)), Some((1, 2)));
    assert_eq!(next(10, Some(2)), Some((2, 3)));
    assert_eq!(next(11, None), Some((2, 3)));
    assert_eq!(next(40, Some(3)), None);
    // A reached annotation that is not at `pos` (the caret moved on) is ignored.
    assert_eq!(next(12, Some(1)), Some((2, 3)));
    assert_eq!(previous(usize::MAX, None), Some((2, 3)));
    assert_eq!(previous(40, Some(3)), Some((1, 2)));
    assert_eq!(previous(10, Some(2)), Some((0, 1)));
    assert_eq!(previous(10, Some(1)), None);
    assert_eq!(previous(10, None), None);
    assert_eq!(Store::default().next_from(0, None).map(|(i, _)| i), None);
}

proptest! {
    #[test]
    fn shorten_never_exceeds_its_limit_plus_the_ellipsis(text in "\\PC{0,200}", max in 1usize..100) {
        let short = shorten(&text, max);
        prop_assert!(short.chars().count() <= max + 1);
        if text.chars().count() <= max { prop_assert_eq!(short, text); }
    }
}

#[test]
fn spanish_readers_hear_spanish_around_the_tag_names() {
    let tags = TagSet::default();
    let a = annotation(1, 0, 5, &["claim"], "Hola", "una nota");
    assert_eq!(summary(&a, &tags, &ES), "Claim: «Hola», nota: una nota");
    assert_eq!(reached(&a, &tags, 0, 1, &ES), "Claim: «Hola», nota: una nota (1 de 1). Pulsa Enter para editar.");
    let six: Vec<Annotation> = (0..6).map(|i| annotation(i, i as usize, i as usize + 1, &["quote"], "x", "")).collect();
    let text = block_description(&six, &tags, &ES).unwrap();
    assert!(text.starts_with("Resaltado: ") && text.ends_with("; y 1 más"), "{text}");
}
