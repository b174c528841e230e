//! Native tests of the annotation store, through the session that owns it: commands and batches with the session's undo and redo, refused commands, and queries by position, tag and text.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use marginalia::domain::annotation::store::{Change, Command, Store, StoreError};
use marginalia::domain::annotation::tags::TagId;
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::session::{Session, SessionError};
use marginalia::domain::storage;
use proptest::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_741_442_700 + seconds).expect("a valid time")
}

fn tag_ids(tags: &[&str]) -> Vec<TagId> {
    tags.iter().map(|t| TagId::new(t)).collect()
}

fn annotation(n: u128, start: usize, end: usize, tags: &[&str], exact: &str, note: &str) -> Annotation {
    Annotation {
        id: id(n),
        target: Target { start, end, exact: exact.into(), prefix: String::new(), suffix: String::new() },
        tags: tag_ids(tags),
        note: note.into(),
        author: "tester".into(),
        created: at(0),
        modified: at(0),
    }
}

fn create(n: u128, tags: &[&str]) -> Op {
    apply(Command::Create(annotation(n, n as usize * 10, n as usize * 10 + 5, tags, "quote", "")))
}

fn retag(n: u128, tags: &[&str]) -> Op {
    apply(Command::SetTags { id: id(n), tags: tag_ids(tags), at: at(60) })
}

fn note(n: u128, text: &str) -> Op {
    apply(Command::SetNote { id: id(n), note: text.into(), at: at(120) })
}

fn delete(n: u128) -> Op {
    apply(Command::Delete { id: id(n) })
}

fn apply(command: Command) -> Op {
    Op::Apply(Box::new(command))
}

/// A session on a one-paragraph article, seen as its store: commands go through the session's
/// operations and undo through its one history, queries through its store.
struct Undoable(Session);

impl Undoable {
    fn new() -> Self {
        Undoable::from_annotations([])
    }

    /// A session whose storage already holds `annotations` (loaded, so not undoable).
    fn from_annotations(annotations: impl IntoIterator<Item = Annotation>) -> Self {
        let doc = Rc::new(Document::new("T", ArticleMeta::default(), &[(BlockKind::Paragraph, "text")]));
        let mut kv = MemoryKv::new();
        for a in annotations {
            if kv.get(&storage::annotation_key(doc.hash(), &a.id)).unwrap().is_none() {
                kv.set(&storage::annotation_key(doc.hash(), &a.id), &storage::encode(&a)).unwrap();
            }
        }
        let mut session = Session::open(doc, &mut kv, Default::default());
        session.load_annotations(&mut kv);
        Undoable(session)
    }

    fn apply(&mut self, command: Command) -> Result<Change, StoreError> {
        self.apply_batch(vec![command]).map(|mut changes| changes.remove(0))
    }

    fn apply_batch(&mut self, commands: Vec<Command>) -> Result<Vec<Change>, StoreError> {
        match self.0.apply_commands(commands) {
            Ok(effects) => Ok(effects.changes),
            Err(SessionError::Store(error)) => Err(error),
            Err(other) => panic!("not a store error: {other:?}"),
        }
    }

    fn undo_step(&mut self) -> Option<Vec<Change>> {
        self.0.undo().map(|e| e.changes)
    }

    fn redo_step(&mut self) -> Option<Vec<Change>> {
        self.0.redo().map(|e| e.changes)
    }

    fn undo(&mut self) -> Option<Change> {
        self.undo_step().and_then(|s| s.into_iter().last())
    }

    fn redo(&mut self) -> Option<Change> {
        self.redo_step().and_then(|s| s.into_iter().last())
    }

    fn can_undo(&self) -> bool {
        self.0.can_undo()
    }

    fn can_redo(&self) -> bool {
        self.0.can_redo()
    }
}

impl Deref for Undoable {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0.store()
    }
}

#[derive(Debug, Clone)]
enum Op {
    Apply(Box<Command>),
    Undo,
    Redo,
}
use Op::{Redo, Undo};

fn run(store: &mut Undoable, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Apply(command) => {
                store.apply(Command::clone(command)).unwrap_or_else(|e| panic!("{command:?} was refused: {e:?}"));
            }
            Undo => {
                store.undo();
            }
            Redo => {
                store.redo();
            }
        }
    }
}

/// Everything observable about the store's contents, in article order.
fn snapshot(store: &Undoable) -> Vec<Annotation> {
    store.in_order().cloned().collect()
}

/// (id, tags, note) of every annotation, in article order.
fn summary(store: &Undoable) -> Vec<(u128, Vec<String>, String)> {
    store.in_order().map(|a| (a.id.as_u128(), a.tags.iter().map(|t| t.0.clone()).collect(), a.note.clone())).collect()
}

// ---------------------------------------------------------------------------------------------
// Commands, undo and redo: after `ops`, the store holds `expected` and can undo / redo as given.

fn check(ops: &[Op], expected: &[(u128, &[&str], &str)], can_undo: bool, can_redo: bool) {
    let mut store = Undoable::new();
    run(&mut store, ops);
    let want: Vec<(u128, Vec<String>, String)> = expected
        .iter()
        .map(|(n, tags, note)| (*n, tags.iter().map(|t| t.to_string()).collect(), note.to_string()))
        .collect();
    assert_eq!(summary(&store), want, "after {ops:?}");
    assert_eq!((store.can_undo(), store.can_redo()), (can_undo, can_redo), "can undo / redo after {ops:?}");
    assert_eq!(store.len(), expected.len());
    assert_eq!(store.is_empty(), expected.is_empty());
}

#[test]
fn create_with_undo_and_redo() {
    check(&[], &[], false, false);
    check(&[create(1, &["claim"])], &[(1, &["claim"], "")], true, false);
    check(&[create(1, &["claim"]), Undo], &[], false, true);
    check(&[create(1, &["claim"]), Undo, Redo], &[(1, &["claim"], "")], true, false);
    check(&[create(1, &["claim"]), Undo, Redo, Undo], &[], false, true);
    check(&[create(2, &["quote"]), create(1, &["claim"])], &[(1, &["claim"], ""), (2, &["quote"], "")], true, false);
    check(&[create(2, &["quote"]), create(1, &["claim"]), Undo], &[(2, &["quote"], "")], true, true);
    check(&[create(1, &["claim", "quote"])], &[(1, &["claim", "quote"], "")], true, false);
}

#[test]
fn retag_with_undo_and_redo() {
    let c = || create(1, &["claim"]);
    check(&[c(), retag(1, &["quote"])], &[(1, &["quote"], "")], true, false);
    check(&[c(), retag(1, &["quote"]), Undo], &[(1, &["claim"], "")], true, true);
    check(&[c(), retag(1, &["quote"]), Undo, Redo], &[(1, &["quote"], "")], true, false);
    check(&[c(), retag(1, &["quote"]), Undo, Undo], &[], false, true);
    check(&[c(), retag(1, &["quote"]), Undo, Undo, Redo, Redo], &[(1, &["quote"], "")], true, false);
    check(&[c(), retag(1, &["quote", "claim", "quote"])], &[(1, &["quote", "claim"], "")], true, false); // deduplicated
    check(&[c(), retag(1, &["policy-shift", "claim"])], &[(1, &["policy-shift", "claim"], "")], true, false);
    check(&[c(), retag(1, &["claim"])], &[(1, &["claim"], "")], true, false); // same tags: still a step
}

#[test]
fn edit_note_with_undo_and_redo() {
    let c = || create(1, &["claim"]);
    check(&[c(), note(1, "first")], &[(1, &["claim"], "first")], true, false);
    check(&[c(), note(1, "first"), note(1, "second")], &[(1, &["claim"], "second")], true, false);
    check(&[c(), note(1, "first"), note(1, "second"), Undo], &[(1, &["claim"], "first")], true, true);
    check(&[c(), note(1, "first"), note(1, "second"), Undo, Undo], &[(1, &["claim"], "")], true, true);
    check(&[c(), note(1, "first"), note(1, "second"), Undo, Undo, Redo], &[(1, &["claim"], "first")], true, true);
    check(&[c(), note(1, "first"), Undo, Redo], &[(1, &["claim"], "first")], true, false);
    check(&[c(), note(1, "x"), note(1, "")], &[(1, &["claim"], "")], true, false); // clearing a note
    check(&[c(), note(1, "Ünïcödé 😀 שלום")], &[(1, &["claim"], "Ünïcödé 😀 שלום")], true, false);
}

#[test]
fn delete_with_undo_and_redo() {
    let c = || create(1, &["claim"]);
    check(&[c(), delete(1)], &[], true, false);
    check(&[c(), delete(1), Undo], &[(1, &["claim"], "")], true, true);
    check(&[c(), note(1, "kept"), retag(1, &["quote"]), delete(1), Undo], &[(1, &["quote"], "kept")], true, true);
    check(&[c(), delete(1), Undo, Redo], &[], true, false);
    check(&[c(), create(2, &["quote"]), delete(1)], &[(2, &["quote"], "")], true, false);
    check(&[c(), create(2, &["quote"]), delete(1), delete(2), Undo], &[(2, &["quote"], "")], true, true);
    check(&[c(), delete(1), create(1, &["quote"])], &[(1, &["quote"], "")], true, false);
    // the id is free again
}

#[test]
fn long_histories() {
    let all = || vec![create(1, &["claim"]), note(1, "n"), retag(1, &["quote"]), create(2, &["claim"]), delete(1)];
    let with = |extra: &[Op]| [all(), extra.to_vec()].concat();
    check(&all(), &[(2, &["claim"], "")], true, false);
    check(&with(&[Undo]), &[(1, &["quote"], "n"), (2, &["claim"], "")], true, true);
    check(&with(&[Undo, Undo]), &[(1, &["quote"], "n")], true, true);
    check(&with(&[Undo, Undo, Undo]), &[(1, &["claim"], "n")], true, true);
    check(&with(&[Undo, Undo, Undo, Undo]), &[(1, &["claim"], "")], true, true);
    check(&with(&[Undo, Undo, Undo, Undo, Undo]), &[], false, true);
    check(&with(&[Undo, Undo, Undo, Undo, Undo, Undo]), &[], false, true); // nothing more to undo
    check(&with(&[Undo, Undo, Undo, Undo, Undo, Redo, Redo]), &[(1, &["claim"], "n")], true, true);
    check(&with(&[Undo, Undo, Undo, Undo, Undo, Redo, Redo, Redo, Redo, Redo]), &[(2, &["claim"], "")], true, false);
    check(
        &with(&[Undo, Undo, Undo, Undo, Undo, Redo, Redo, Redo, Redo, Redo, Redo]),
        &[(2, &["claim"], "")],
        true,
        false,
    );
}

#[test]
fn a_new_command_clears_redo() {
    let c = || create(1, &["claim"]);
    check(&[c(), note(1, "a"), Undo, note(1, "b")], &[(1, &["claim"], "b")], true, false);
    check(&[c(), note(1, "a"), Undo, note(1, "b"), Redo], &[(1, &["claim"], "b")], true, false);
    check(&[c(), note(1, "a"), Undo, note(1, "b"), Undo], &[(1, &["claim"], "")], true, true);
    check(&[c(), note(1, "a"), Undo, note(1, "b"), Undo, Redo], &[(1, &["claim"], "b")], true, false);
    check(&[c(), Undo, create(2, &["quote"]), Redo], &[(2, &["quote"], "")], true, false);
}

#[test]
fn undo_and_redo_on_an_empty_history_do_nothing() {
    let mut store = Undoable::new();
    assert_eq!(store.undo(), None);
    assert_eq!(store.redo(), None);
    let mut loaded = Undoable::from_annotations([annotation(1, 0, 5, &["claim"], "q", "")]);
    assert_eq!(loaded.undo(), None, "loaded annotations are not undoable");
    assert_eq!(loaded.len(), 1);
}

#[test]
fn changes_describe_what_happened() {
    let mut store = Undoable::new();
    let a = annotation(1, 0, 5, &["claim"], "quote", "");
    let created = store.apply(Command::Create(a.clone())).unwrap();
    assert_eq!(created, Change { before: None, after: Some(a.clone()) });
    assert_eq!(created.id(), id(1));

    let noted = store.apply(Command::SetNote { id: id(1), note: "hi".into(), at: at(120) }).unwrap();
    let with_note = Annotation { note: "hi".into(), modified: at(120), ..a.clone() };
    assert_eq!(noted, Change { before: Some(a.clone()), after: Some(with_note.clone()) });
    assert_eq!(store.get(&id(1)), Some(&with_note));
    assert_eq!(store.get(&id(1)).unwrap().created, at(0), "created never changes");

    let retagged = store.apply(Command::SetTags { id: id(1), tags: tag_ids(&["quote"]), at: at(180) }).unwrap();
    let with_tags = Annotation { tags: tag_ids(&["quote"]), modified: at(180), ..with_note.clone() };
    assert_eq!(retagged.after.as_ref(), Some(&with_tags));

    let deleted = store.apply(Command::Delete { id: id(1) }).unwrap();
    assert_eq!(deleted, Change { before: Some(with_tags.clone()), after: None });
    assert_eq!(deleted.id(), id(1));
    assert_eq!(store.get(&id(1)), None);

    assert_eq!(store.undo(), Some(Change { before: None, after: Some(with_tags.clone()) }));
    assert_eq!(store.undo(), Some(Change { before: Some(with_tags.clone()), after: Some(with_note.clone()) }));
    assert_eq!(store.get(&id(1)).unwrap().modified, at(120), "undo restores the modified time");
    assert_eq!(store.redo(), Some(Change { before: Some(with_note), after: Some(with_tags.clone()) }));
    assert_eq!(store.redo(), Some(Change { before: Some(with_tags), after: None }));
    assert_eq!(store.redo(), None);
    assert_eq!(Change { before: None, after: None }.id(), Uuid::nil());
}

// ---------------------------------------------------------------------------------------------
// Refused commands change nothing, not even the redo history.

fn check_error(setup: &[Op], command: Command, expected: StoreError) {
    let mut store = Undoable::new();
    run(&mut store, setup);
    let before = (snapshot(&store), store.can_undo(), store.can_redo());
    assert_eq!(store.apply(command.clone()), Err(expected), "{command:?} after {setup:?}");
    assert_eq!((snapshot(&store), store.can_undo(), store.can_redo()), before, "{command:?} changed the store");
    // Undo and redo still step through exactly the history that was there before.
    let mut reference = Undoable::new();
    run(&mut reference, setup);
    assert_eq!(store.undo(), reference.undo());
    assert_eq!(store.redo(), reference.redo());
    assert_eq!(store.redo(), reference.redo());
    assert_eq!(snapshot(&store), snapshot(&reference));
}

#[test]
fn refused_commands_change_nothing() {
    let c = || create(1, &["claim"]);
    let ann = |n, start, end, tags: &[&str]| Command::Create(annotation(n, start, end, tags, "q", ""));
    let set_tags = |n, tags: &[&str]| Command::SetTags { id: id(n), tags: tag_ids(tags), at: at(9) };
    let set_note = |n| Command::SetNote { id: id(n), note: "x".into(), at: at(9) };
    check_error(&[], set_tags(7, &["claim"]), StoreError::NotFound(id(7)));
    check_error(&[], set_note(7), StoreError::NotFound(id(7)));
    check_error(&[], Command::Delete { id: id(7) }, StoreError::NotFound(id(7)));
    check_error(&[c()], Command::Delete { id: id(2) }, StoreError::NotFound(id(2)));
    check_error(&[c(), delete(1)], set_note(1), StoreError::NotFound(id(1)));
    check_error(&[c(), Undo], Command::Delete { id: id(1) }, StoreError::NotFound(id(1))); // redo kept
    check_error(&[c()], ann(1, 50, 60, &["quote"]), StoreError::DuplicateId(id(1)));
    check_error(&[c(), note(1, "a"), Undo], ann(1, 0, 5, &["claim"]), StoreError::DuplicateId(id(1)));
    check_error(&[], ann(2, 0, 5, &[]), StoreError::NoTags);
    check_error(&[c()], set_tags(1, &[]), StoreError::NoTags);
    check_error(&[c(), note(1, "a"), Undo], set_tags(1, &[]), StoreError::NoTags);
    check_error(&[], ann(2, 5, 5, &["claim"]), StoreError::EmptyRange);
    check_error(&[], ann(2, 6, 5, &["claim"]), StoreError::EmptyRange);
    check_error(&[c(), Undo], ann(2, 0, 0, &["claim"]), StoreError::EmptyRange);
    check_error(&[], Command::Create(annotation(2, 0, 5, &["claim"], "", "")), StoreError::EmptyRange);
}

#[test]
fn create_keeps_each_tag_once_in_first_chosen_order() {
    let mut store = Undoable::new();
    let change = store.apply(Command::Create(annotation(1, 0, 5, &["quote", "claim", "quote"], "q", ""))).unwrap();
    assert_eq!(change.after.unwrap().tags, tag_ids(&["quote", "claim"]));
    assert_eq!(store.get(&id(1)).unwrap().tags, tag_ids(&["quote", "claim"]));
}

#[test]
fn errors_read_as_sentences() {
    for e in [
        StoreError::NotFound(id(1)),
        StoreError::DuplicateId(id(1)),
        StoreError::NoTags,
        StoreError::EmptyRange,
        StoreError::EmptyBatch,
    ] {
        let text = e.to_string();
        assert!(text.ends_with('.') && text.chars().next().is_some_and(char::is_uppercase), "{text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Queries over a fixed set of nested and overlapping annotations:
//
//   A  [0, 20)    claim          "The Minister said the budget"   note "Check the numbers"
//   B  [5, 10)    quote          "budget"                         note ""
//   E  [5, 12)    claim          "budget will"                    note "Vague"
//   C  [8, 15)    policy-shift, claim  "will grow"                note "A reversal of last YEAR's plan"
//   D  [30, 35)   quote          "Minister"                       note "second quote"
//   F  [100, 200) claim          "long passage"                   note ""
const A: u128 = 0xa;
const B: u128 = 0xb;
const C: u128 = 0xc;
const D: u128 = 0xd;
const E: u128 = 0xe;
const F: u128 = 0xf;

fn sample() -> Undoable {
    let mut store = Undoable::new();
    for a in [
        annotation(F, 100, 200, &["claim"], "long passage", ""),
        annotation(C, 8, 15, &["policy-shift", "claim"], "will grow", "A reversal of last YEAR's plan"),
        annotation(A, 0, 20, &["claim"], "The Minister said the budget", "Check the numbers"),
        annotation(D, 30, 35, &["quote"], "Minister", "second quote"),
        annotation(B, 5, 10, &["quote"], "budget", ""),
        annotation(E, 5, 12, &["claim"], "budget will", "Vague"),
    ] {
        store.apply(Command::Create(a)).unwrap();
    }
    store
}

fn ids<'a>(annotations: impl IntoIterator<Item = &'a Annotation>) -> Vec<u128> {
    annotations.into_iter().map(|a| a.id.as_u128()).collect()
}

fn check_at(store: &Undoable, pos: usize, expected: &[u128]) {
    assert_eq!(ids(store.at(pos)), expected, "at({pos})");
    let naive: Vec<u128> = ids(store.in_order().filter(|a| a.covers(pos)));
    assert_eq!(naive, expected, "covers({pos})");
}

#[test]
fn at_with_nested_and_overlapping_annotations() {
    let s = sample();
    check_at(&s, 0, &[A]);
    check_at(&s, 4, &[A]);
    check_at(&s, 5, &[A, B, E]);
    check_at(&s, 8, &[A, B, E, C]);
    check_at(&s, 9, &[A, B, E, C]);
    check_at(&s, 10, &[A, E, C]); // B ends here
    check_at(&s, 11, &[A, E, C]);
    check_at(&s, 12, &[A, C]);
    check_at(&s, 15, &[A]);
    check_at(&s, 19, &[A]);
    check_at(&s, 20, &[]);
    check_at(&s, 29, &[]);
    check_at(&s, 30, &[D]);
    check_at(&s, 34, &[D]);
    check_at(&s, 35, &[]);
    check_at(&s, 100, &[F]);
    check_at(&s, 150, &[F]); // starts far before the position
    check_at(&s, 199, &[F]);
    check_at(&s, 200, &[]);
    check_at(&s, usize::MAX, &[]);
    check_at(&Undoable::new(), 0, &[]);
}

#[test]
fn at_after_the_longest_annotation_is_deleted_or_undone() {
    let mut s = sample();
    s.apply(Command::Delete { id: id(F) }).unwrap();
    check_at(&s, 150, &[]);
    check_at(&s, 9, &[A, B, E, C]);
    s.undo();
    check_at(&s, 150, &[F]);
}

fn check_overlapping(store: &Undoable, start: usize, end: usize, expected: &[u128]) {
    assert_eq!(ids(store.overlapping(start, end)), expected, "overlapping({start}, {end})");
}

#[test]
fn overlapping() {
    let s = sample();
    check_overlapping(&s, 0, 1, &[A]);
    check_overlapping(&s, 0, 5, &[A]);
    check_overlapping(&s, 0, 6, &[A, B, E]);
    check_overlapping(&s, 10, 11, &[A, E, C]);
    check_overlapping(&s, 14, 30, &[A, C]);
    check_overlapping(&s, 15, 30, &[A]); // C ends at 15, D starts at 30
    check_overlapping(&s, 20, 30, &[]);
    check_overlapping(&s, 19, 31, &[A, D]);
    check_overlapping(&s, 35, 100, &[]);
    check_overlapping(&s, 150, 151, &[F]);
    check_overlapping(&s, 199, 200, &[F]);
    check_overlapping(&s, 200, 300, &[]);
    check_overlapping(&s, 0, 1000, &[A, B, E, C, D, F]);
    check_overlapping(&s, 0, usize::MAX, &[A, B, E, C, D, F]);
    check_overlapping(&s, 9, 9, &[]); // empty range
    check_overlapping(&s, 12, 5, &[]); // reversed range
    check_overlapping(&Undoable::new(), 0, 10, &[]);
}

fn check_tag(store: &Undoable, tag: &str, expected: &[u128]) {
    assert_eq!(ids(store.with_tag(&TagId::new(tag))), expected, "with_tag({tag:?})");
}

#[test]
fn with_tag() {
    let s = sample();
    check_tag(&s, "claim", &[A, E, C, F]);
    check_tag(&s, "quote", &[B, D]);
    check_tag(&s, "policy-shift", &[C]);
    check_tag(&s, "Claim", &[]); // ids are exact
    check_tag(&s, "unknown", &[]);
    check_tag(&Undoable::new(), "claim", &[]);
}

fn check_search(store: &Undoable, query: &str, expected: &[u128]) {
    assert_eq!(ids(store.search(query)), expected, "search({query:?})");
}

#[test]
fn search() {
    let s = sample();
    check_search(&s, "minister", &[A, D]); // in the quote
    check_search(&s, "MINISTER", &[A, D]);
    check_search(&s, "numbers", &[A]); // in the note
    check_search(&s, "NuMbErS", &[A]);
    check_search(&s, "year", &[C]); // upper case in the note
    check_search(&s, "budget", &[A, B, E]);
    check_search(&s, "budget vague", &[E]); // every word, one in the quote and one in the note
    check_search(&s, "  vague   budget ", &[E]);
    check_search(&s, "minister quote", &[D]);
    check_search(&s, "minister absent", &[]);
    check_search(&s, "absent", &[]);
    check_search(&s, "udg", &[A, B, E]); // words match inside words
    check_search(&s, "will grow", &[C]);
    check_search(&s, "willgrow", &[]);
    check_search(&s, "", &[A, B, E, C, D, F]); // no words: everything
    check_search(&s, " \t ", &[A, B, E, C, D, F]);
    check_search(&Undoable::new(), "x", &[]);
}

#[test]
fn search_unicode() {
    let mut s = Undoable::new();
    s.apply(Command::Create(annotation(1, 0, 5, &["claim"], "ÉCOLE Straße", "Über 😀 שלום"))).unwrap();
    s.apply(Command::Create(annotation(2, 5, 9, &["claim"], "ΟΔΟΣ", ""))).unwrap();
    check_search(&s, "école", &[1]);
    check_search(&s, "über", &[1]);
    check_search(&s, "😀", &[1]);
    check_search(&s, "שלום straße", &[1]);
    check_search(&s, "ΟΔΟΣ", &[2]); // lower-cased with a final sigma on both sides
    check_search(&s, "\u{3bf}\u{3b4}\u{3bf}\u{3c2}", &[2]);
}

fn check_counts(store: &Undoable, expected: &[(&str, usize)]) {
    let want: HashMap<TagId, usize> = expected.iter().map(|(t, n)| (TagId::new(t), *n)).collect();
    assert_eq!(store.count_by_tag(), want);
    for tag in ["claim", "quote", "policy-shift", "unknown"] {
        let tag = TagId::new(tag);
        assert_eq!(store.count_with_tag(&tag), want.get(&tag).copied().unwrap_or(0), "{tag:?}");
        assert_eq!(store.count_with_tag(&tag), store.with_tag(&tag).count(), "{tag:?}");
    }
}

#[test]
fn count_by_tag() {
    let mut s = sample();
    check_counts(&s, &[("claim", 4), ("quote", 2), ("policy-shift", 1)]);
    s.apply(Command::Delete { id: id(C) }).unwrap();
    check_counts(&s, &[("claim", 3), ("quote", 2)]);
    s.apply(Command::SetTags { id: id(B), tags: tag_ids(&["claim"]), at: at(1) }).unwrap();
    check_counts(&s, &[("claim", 4), ("quote", 1)]);
    s.undo();
    s.undo();
    check_counts(&s, &[("claim", 4), ("quote", 2), ("policy-shift", 1)]);
    check_counts(&Undoable::new(), &[]);
}

#[test]
fn count_by_tag_counts_annotations_not_tag_mentions() {
    // A created annotation keeps its tags as given, duplicates included; each annotation still counts once.
    let mut s = Undoable::new();
    s.apply(Command::Create(annotation(1, 0, 5, &["claim", "claim"], "q", ""))).unwrap();
    s.apply(Command::Create(annotation(2, 5, 9, &["claim", "quote"], "q", ""))).unwrap();
    check_counts(&s, &[("claim", 2), ("quote", 1)]);
    assert_eq!(ids(s.with_tag(&TagId::new("claim"))), [1, 2]);
}

#[test]
fn in_order_sorts_by_start_then_end_then_id() {
    assert_eq!(ids(sample().in_order()), [A, B, E, C, D, F]);
    let mut s = Undoable::new();
    for (n, start, end) in [(5, 10, 20), (4, 10, 20), (3, 10, 15), (2, 0, 30), (1, 40, 41), (6, 10, 20)] {
        s.apply(Command::Create(annotation(n, start, end, &["claim"], "q", ""))).unwrap();
    }
    assert_eq!(ids(s.in_order()), [2, 3, 4, 5, 6, 1]);
    s.apply(Command::Delete { id: id(4) }).unwrap();
    assert_eq!(ids(s.in_order()), [2, 3, 5, 6, 1]);
    s.undo();
    assert_eq!(ids(s.in_order()), [2, 3, 4, 5, 6, 1]);
}

#[test]
fn from_annotations_skips_later_duplicates() {
    let s = Undoable::from_annotations([
        annotation(1, 0, 5, &["claim"], "first", ""),
        annotation(2, 5, 9, &["quote"], "second", ""),
        annotation(1, 20, 30, &["quote"], "duplicate", ""),
    ]);
    assert_eq!(s.len(), 2);
    assert_eq!(s.get(&id(1)).unwrap().target.exact, "first");
    assert_eq!(ids(s.in_order()), [1, 2]);
    assert_eq!(ids(s.at(25)), Vec::<u128>::new(), "the skipped duplicate is not indexed");
    assert!(!s.can_undo() && !s.can_redo());
    assert!(Undoable::from_annotations([]).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Batches: several commands applied, undone and redone as one step.

fn commands(ops: &[Op]) -> Vec<Command> {
    ops.iter()
        .map(|op| match op {
            Op::Apply(command) => Command::clone(command),
            other => panic!("{other:?} is not a command"),
        })
        .collect()
}

/// After `setup`, the batch `batch` gives `expected`; one undo step gives `undone`, and redo gives `expected` again.
fn check_batch(setup: &[Op], batch: &[Op], expected: &[(u128, &[&str], &str)], undone: &[(u128, &[&str], &str)]) {
    let want = |rows: &[(u128, &[&str], &str)]| -> Vec<(u128, Vec<String>, String)> {
        rows.iter()
            .map(|(n, tags, note)| (*n, tags.iter().map(|t| t.to_string()).collect(), note.to_string()))
            .collect()
    };
    let mut store = Undoable::new();
    run(&mut store, setup);
    let before = snapshot(&store);
    let changes = store.apply_batch(commands(batch)).unwrap_or_else(|e| panic!("{batch:?} was refused: {e:?}"));
    assert_eq!(changes.len(), batch.len(), "one change per command");
    assert_eq!(summary(&store), want(expected), "after the batch {batch:?}");
    let after = snapshot(&store);
    let undone_changes = store.undo_step().expect("the batch is one step");
    assert_eq!(undone_changes.len(), batch.len());
    assert_eq!(summary(&store), want(undone), "after undoing {batch:?}");
    assert_eq!(snapshot(&store), before, "undo restores exactly");
    // The undo's changes are the batch's, inverted and last first.
    let inverted: Vec<Change> =
        changes.iter().rev().map(|c| Change { before: c.after.clone(), after: c.before.clone() }).collect();
    assert_eq!(undone_changes, inverted);
    assert_eq!(store.redo_step(), Some(changes));
    assert_eq!(snapshot(&store), after, "redo restores exactly");
    assert!(!store.can_redo());
}

#[test]
fn a_batch_is_one_step() {
    let c1 = || create(1, &["claim"]);
    let c2 = || create(2, &["claim", "quote"]);
    // A merge of claim into quote: annotation 1 retagged, annotation 2 already had quote.
    check_batch(
        &[c1(), c2()],
        &[retag(1, &["quote"]), retag(2, &["quote"])],
        &[(1, &["quote"], ""), (2, &["quote"], "")],
        &[(1, &["claim"], ""), (2, &["claim", "quote"], "")],
    );
    // A delete that removes one annotation and retags another.
    check_batch(
        &[c1(), c2()],
        &[delete(1), retag(2, &["quote"])],
        &[(2, &["quote"], "")],
        &[(1, &["claim"], ""), (2, &["claim", "quote"], "")],
    );
    // Later commands see earlier ones: create, then note, then retag the same annotation.
    check_batch(&[], &[c1(), note(1, "n"), retag(1, &["quote"])], &[(1, &["quote"], "n")], &[]);
    check_batch(&[c1()], &[delete(1), create(1, &["quote"])], &[(1, &["quote"], "")], &[(1, &["claim"], "")]);
    check_batch(&[c1()], &[note(1, "one")], &[(1, &["claim"], "one")], &[(1, &["claim"], "")]);
    // a batch of one
}

#[test]
fn batches_mix_with_single_commands_in_the_history() {
    let mut store = Undoable::new();
    run(&mut store, &[create(1, &["claim"]), create(2, &["claim"])]);
    store.apply_batch(commands(&[retag(1, &["quote"]), retag(2, &["quote"])])).unwrap();
    run(&mut store, &[note(1, "after")]);
    assert_eq!(store.undo_step().map(|s| s.len()), Some(1), "the note");
    assert_eq!(store.undo_step().map(|s| s.len()), Some(2), "the batch");
    assert_eq!(
        summary(&store),
        vec![(1, vec!["claim".into()], String::new()), (2, vec!["claim".into()], String::new())]
    );
    assert_eq!(store.undo().map(|c| c.id()), Some(id(2)), "single steps still undo with undo()");
    assert_eq!(store.redo().map(|c| c.id()), Some(id(2)));
    assert_eq!(store.redo_step().map(|s| s.len()), Some(2));
    assert_eq!(store.redo_step().map(|s| s.len()), Some(1));
    assert_eq!(store.redo_step(), None);
    assert_eq!(summary(&store)[0], (1, vec!["quote".into()], "after".into()));
    // A new batch clears redo, like a command.
    store.undo_step();
    store.apply_batch(commands(&[delete(2)])).unwrap();
    assert!(!store.can_redo());
}

#[test]
fn a_refused_batch_changes_nothing() {
    let setup = [create(1, &["claim"]), create(2, &["quote"]), note(1, "a"), Undo];
    let cases: Vec<(Vec<Op>, StoreError)> = vec![
        (vec![], StoreError::EmptyBatch),
        (vec![retag(1, &["quote"]), delete(9)], StoreError::NotFound(id(9))),
        (vec![delete(1), note(1, "gone")], StoreError::NotFound(id(1))), // sees the earlier delete
        (vec![retag(1, &["quote"]), retag(2, &[])], StoreError::NoTags),
        (vec![delete(2), create(1, &["quote"])], StoreError::DuplicateId(id(1))),
        (vec![create(3, &["claim"]), create(3, &["claim"])], StoreError::DuplicateId(id(3))),
    ];
    for (batch, error) in cases {
        let mut store = Undoable::new();
        run(&mut store, &setup);
        let before = (snapshot(&store), store.can_undo(), store.can_redo());
        assert_eq!(store.apply_batch(commands(&batch)), Err(error), "{batch:?}");
        assert_eq!((snapshot(&store), store.can_undo(), store.can_redo()), before, "{batch:?} changed the store");
        assert_eq!(store.at(30), store.in_order().filter(|a| a.covers(30)).collect::<Vec<_>>(), "index intact");
        let mut reference = Undoable::new();
        run(&mut reference, &setup);
        assert_eq!(store.redo(), reference.redo(), "the redo history survives a refused batch");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn arbitrary_tags() -> impl Strategy<Value = Vec<TagId>> {
    proptest::collection::vec(prop_oneof![Just("claim"), Just("quote"), Just("policy-shift")], 0..4)
        .prop_map(|t| tag_ids(&t))
}

fn arbitrary_command() -> impl Strategy<Value = Command> {
    let n = 0u128..6;
    prop_oneof![
        3 => (n.clone(), 0usize..60, 0usize..30, arbitrary_tags(), "[a-z ]{0,6}").prop_map(|(n, start, len, tags, note)| {
            Command::Create(Annotation {
                tags,
                ..annotation(n, start, start + len, &[], "quote", &note)
            })
        }),
        2 => (n.clone(), arbitrary_tags(), 0i64..1000).prop_map(|(n, tags, t)| Command::SetTags { id: id(n), tags, at: at(t) }),
        2 => (n.clone(), "[a-zA-Z ]{0,8}", 0i64..1000).prop_map(|(n, note, t)| Command::SetNote { id: id(n), note, at: at(t) }),
        1 => n.prop_map(|n| Command::Delete { id: id(n) }),
    ]
}

fn arbitrary_initial() -> impl Strategy<Value = Vec<Annotation>> {
    proptest::collection::vec(
        (0u128..6, 0usize..60, 1usize..30)
            .prop_map(|(n, start, len)| annotation(n, start, start + len, &["claim"], "q", "")),
        0..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_the_start_and_redo_all_the_end(
        initial in arbitrary_initial(),
        commands in proptest::collection::vec(arbitrary_command(), 0..25),
    ) {
        let mut store = Undoable::from_annotations(initial);
        let start = snapshot(&store);
        let mut applied = 0;
        for command in commands {
            let before = snapshot(&store);
            match store.apply(command) {
                Ok(change) => {
                    applied += 1;
                    prop_assert!(change.before.is_some() || change.after.is_some());
                }
                Err(_) => prop_assert_eq!(snapshot(&store), before, "a refused command changed the store"),
            }
        }
        let end = snapshot(&store);
        let end_counts = store.count_by_tag();
        for _ in 0..applied {
            prop_assert!(store.undo().is_some());
        }
        prop_assert_eq!(snapshot(&store), start.clone());
        prop_assert!(!store.can_undo());
        prop_assert_eq!(store.undo(), None);
        for _ in 0..applied {
            prop_assert!(store.redo().is_some());
        }
        prop_assert_eq!(snapshot(&store), end);
        prop_assert_eq!(store.count_by_tag(), end_counts);
        prop_assert!(!store.can_redo());
        prop_assert_eq!(store.redo(), None);
    }

    #[test]
    fn queries_agree_with_a_naive_scan(
        initial in arbitrary_initial(),
        commands in proptest::collection::vec(arbitrary_command(), 0..25),
        undos in 0usize..5,
        pos in 0usize..100,
        len in 0usize..40,
    ) {
        let mut store = Undoable::from_annotations(initial);
        for command in commands {
            let _ = store.apply(command);
        }
        for _ in 0..undos {
            store.undo();
        }
        let all = snapshot(&store);
        prop_assert_eq!(all.len(), store.len());
        let sorted = all.windows(2).all(|w| {
            (w[0].target.start, w[0].target.end, w[0].id) < (w[1].target.start, w[1].target.end, w[1].id)
        });
        prop_assert!(sorted, "in_order is not in article order");
        let covering: Vec<&Annotation> = all.iter().filter(|a| a.covers(pos)).collect();
        prop_assert_eq!(store.at(pos), covering);
        let (start, end) = (pos, pos + len);
        let overlapping: Vec<&Annotation> =
            all.iter().filter(|a| start < end && a.target.start < end && start < a.target.end).collect();
        prop_assert_eq!(store.overlapping(start, end), overlapping);
        for tag in ["claim", "quote", "policy-shift"] {
            let tag = TagId::new(tag);
            let naive = all.iter().filter(|a| a.tags.contains(&tag)).count();
            prop_assert_eq!(store.with_tag(&tag).count(), naive);
            prop_assert_eq!(store.count_by_tag().get(&tag).copied().unwrap_or(0), naive);
        }
    }

    #[test]
    fn batch_undo_restores_exactly_and_redo_replays(
        initial in arbitrary_initial(),
        before in proptest::collection::vec(arbitrary_command(), 0..6),
        batches in proptest::collection::vec(proptest::collection::vec(arbitrary_command(), 0..6), 1..4),
    ) {
        let mut store = Undoable::from_annotations(initial);
        for command in before {
            let _ = store.apply(command);
        }
        let mut states = vec![snapshot(&store)];
        for batch in batches {
            let was = snapshot(&store);
            match store.apply_batch(batch) {
                Ok(_) => states.push(snapshot(&store)),
                Err(_) => prop_assert_eq!(snapshot(&store), was, "a refused batch changed the store"),
            }
        }
        for state in states.iter().rev().skip(1) {
            prop_assert!(store.undo_step().is_some());
            prop_assert_eq!(&snapshot(&store), state);
        }
        for state in states.iter().skip(1) {
            prop_assert!(store.redo_step().is_some());
            prop_assert_eq!(&snapshot(&store), state);
        }
        let all = snapshot(&store);
        let covering: Vec<&Annotation> = all.iter().filter(|a| a.covers(20)).collect();
        prop_assert_eq!(store.at(20), covering);
    }
}

#[test]
fn a_note_too_long_for_a_file_is_refused_and_nothing_changes() {
    use marginalia::domain::format::MAX_NOTE_BYTES;
    let mut store = Undoable::new();
    let long = "é".repeat(MAX_NOTE_BYTES / 2 + 1);
    assert_eq!(
        store.apply(Command::Create(annotation(1, 0, 5, &["claim"], "quote", &long))),
        Err(StoreError::NoteTooLong(long.len()))
    );
    store.apply(Command::Create(annotation(1, 0, 5, &["claim"], "quote", ""))).expect("created");
    let refused = store.apply(Command::SetNote { id: id(1), note: long.clone(), at: at(1) });
    assert_eq!(refused, Err(StoreError::NoteTooLong(long.len())));
    assert!(refused.unwrap_err().to_string().contains("up to 100 KB"));
    assert_eq!(store.get(&id(1)).map(|a| a.note.as_str()), Some(""));
    let fits = "é".repeat(MAX_NOTE_BYTES / 2);
    store.apply(Command::SetNote { id: id(1), note: fits.clone(), at: at(2) }).expect("a note at the limit fits");
    assert_eq!(store.get(&id(1)).map(|a| a.note.as_str()), Some(fits.as_str()));
}
