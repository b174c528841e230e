//! Native tests of key mode: the teacher's edits on the article change the answer key (queued and stored as the classroom state), never her own annotations, undo and redo exactly, and leaving the mode or the article loses nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::session::*;
use marginalia::domain::annotation::store::StoreError;
use marginalia::domain::annotation::tag_edit::TagEdit;
use marginalia::domain::annotation::Annotation;
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::session::{Effects, Layer, Session, SessionError};
use marginalia::domain::storage::{self, ClassroomState, SideList};

/// The answer key stored for [`article`]: 50 (Claim) and 51 (Quote).
fn the_key() -> Vec<Annotation> {
    let doc = article();
    vec![ann(&doc, 50, "necessary saving", &["claim"], "", 0), ann(&doc, 51, "budget", &["quote"], "", 0)]
}

/// [`base`]'s storage (annotations 1, 2, 3, an unplaced one, an other version) plus the teacher's
/// key and instructions, opened.
fn teacher() -> (Session, MemoryKv) {
    let doc = article();
    let mut kv = MemoryKv::new();
    store_annotations(
        &mut kv,
        &doc,
        &[
            ann(&doc, 1, "council voted", &["claim"], "", 0),
            ann(&doc, 2, "Residents said", &["quote", "claim"], "", 0),
            ann(&doc, 3, "mobile library", &["policy-shift"], "", 0),
        ],
    );
    store_list(&mut kv, &doc, SideList::Orphans, &[ann(&other_article(), 10, "Zebras graze", &["quote"], "", 0)]);
    let classroom =
        ClassroomState { answer_key: the_key(), revealed: true, instructions: "Read it.".into(), ..Default::default() };
    kv.set(&storage::classroom_key(doc.hash()), &storage::encode_classroom(&classroom)).expect("room");
    (open(doc, &mut kv), kv)
}

/// Every stored value but the classroom state (her annotations, side lists, tags), by key.
fn stored_besides_classroom(session: &Session, kv: &MemoryKv) -> BTreeMap<String, String> {
    let classroom = storage::classroom_key(session.doc().hash());
    let keys = kv.keys().expect("memory storage");
    keys.into_iter().filter(|k| *k != classroom).map(|k| (k.clone(), kv.get(&k).unwrap().unwrap())).collect()
}

/// The stored answer key as (id, tags, note) in stored order.
fn stored_key(session: &Session, kv: &MemoryKv) -> Vec<(u128, Vec<String>, String)> {
    let raw = kv.get(&storage::classroom_key(session.doc().hash())).unwrap().expect("a classroom state");
    let classroom = storage::decode_classroom(&raw).expect("readable");
    assert!(classroom.revealed && !classroom.lock_tags, "a teacher's key: revealed, unlocked");
    assert_eq!(classroom.instructions, "Read it.", "the instructions stay");
    summary(&classroom.answer_key)
}

fn summary(list: &[Annotation]) -> Vec<(u128, Vec<String>, String)> {
    list.iter().map(|a| (a.id.as_u128(), a.tags.iter().map(|t| t.0.clone()).collect(), a.note.clone())).collect()
}

fn shown(session: &Session) -> Vec<(u128, Vec<String>, String)> {
    summary(&session.store().in_order().cloned().collect::<Vec<_>>())
}

fn own(session: &Session) -> Vec<Annotation> {
    session.own_store().in_order().cloned().collect()
}

type Key = &'static [(u128, &'static [&'static str], &'static str)];

fn key_of(want: Key) -> Vec<(u128, Vec<String>, String)> {
    want.iter().map(|(n, tags, note)| (*n, tags.iter().map(|t| t.to_string()).collect(), note.to_string())).collect()
}

struct Case {
    name: &'static str,
    op: fn(&mut Session) -> Result<Effects, SessionError>,
    /// The key afterwards (shown, in the session's classroom state and stored), or the refusal.
    want: Result<Key, SessionError>,
    /// The changes reported to repaint.
    changes: &'static [(u128, &'static str)],
}

/// Runs each case in key mode on a fresh [`teacher`]: only the classroom state is queued and
/// written, her annotations and every other stored value stay as they were, one undo gives back
/// the key as it was and one redo the edited one, each stored after a flush; leaving shows hers.
#[test]
fn edits_in_key_mode_change_only_the_key() {
    const BEFORE: Key = &[(50, &["claim"], ""), (51, &["quote"], "")];
    let cases = [
        Case {
            name: "tag a new passage",
            op: |s| {
                let (start, end) = span(s.doc(), "Critics quoted");
                s.create(start, end, quote(), " spot on ", id(60), at(9))
            },
            want: Ok(&[(50, &["claim"], ""), (60, &["quote"], "spot on"), (51, &["quote"], "")]),
            changes: &[(60, "created")],
        },
        Case {
            name: "a new passage with the id of one of hers is the key's alone",
            op: |s| {
                let (start, end) = span(s.doc(), "spokesperson");
                s.create(start, end, claim(), "", id(1), at(9))
            },
            want: Ok(&[(1, &["claim"], ""), (50, &["claim"], ""), (51, &["quote"], "")]),
            changes: &[(1, "created")],
        },
        Case {
            name: "delete a key passage",
            op: |s| s.delete(id(50)),
            want: Ok(&[(51, &["quote"], "")]),
            changes: &[(50, "deleted")],
        },
        Case {
            name: "retag a key passage",
            op: |s| s.toggle_tag(id(51), claim(), at(9)),
            want: Ok(&[(50, &["claim"], ""), (51, &["quote", "claim"], "")]),
            changes: &[(51, "changed")],
        },
        Case {
            name: "a note on a key passage",
            op: |s| s.set_note(id(50), "the thesis", at(9)),
            want: Ok(&[(50, &["claim"], "the thesis"), (51, &["quote"], "")]),
            changes: &[(50, "changed")],
        },
        Case {
            name: "her annotation cannot be deleted from key mode",
            op: |s| s.delete(id(1)),
            want: Err(SessionError::Store(StoreError::NotFound(id(1)))),
            changes: &[],
        },
        Case {
            name: "her annotation cannot be retagged from key mode",
            op: |s| s.toggle_tag(id(2), policy(), at(9)),
            want: Err(SessionError::Gone),
            changes: &[],
        },
        Case {
            name: "the tag set waits",
            op: |s| {
                s.edit_tags(
                    TagEdit::Delete {
                        id: claim(),
                        policy: marginalia::domain::annotation::tag_edit::DeletePolicy::RemoveTagFromAnnotations,
                    },
                    at(9),
                )
            },
            want: Err(SessionError::KeyMode),
            changes: &[],
        },
        Case {
            name: "her unplaced list waits",
            op: |s| s.discard_orphan(id(10)),
            want: Err(SessionError::KeyMode),
            changes: &[],
        },
        Case {
            name: "attaching her unplaced annotation waits",
            op: |s| {
                let (start, end) = span(s.doc(), "spokesperson");
                s.attach(id(10), start, end, at(9))
            },
            want: Err(SessionError::KeyMode),
            changes: &[],
        },
        Case {
            name: "an import waits",
            op: |s| import(s, &[&unrelated_pack()]).map(|(e, _)| e),
            want: Err(SessionError::KeyMode),
            changes: &[],
        },
    ];
    for case in cases {
        let name = case.name;
        let (mut session, mut kv) = teacher();
        let hers = own(&session);
        let others = stored_besides_classroom(&session, &kv);
        assert!(session.enter_key_mode().layer, "{name}: entering repaints everything");
        assert_eq!(session.layer(), Layer::Key);
        assert_eq!(shown(&session), key_of(BEFORE), "{name}: the key is shown");
        assert_eq!(queued(&session), Vec::<String>::new(), "{name}: entering stores nothing");
        let outcome = (case.op)(&mut session);
        match (outcome, case.want) {
            (Ok(effects), Ok(want)) => {
                let got = seen(session.doc(), &effects);
                assert_eq!(got, want_changes(case.changes), "{name}: effects");
                assert_eq!(queued(&session), ["classroom"], "{name}: only the classroom state is queued");
                assert_eq!(shown(&session), key_of(want), "{name}: shown");
                assert_eq!(
                    summary(session.answer_key()),
                    shown(&session),
                    "{name}: the classroom state holds the shown key"
                );
                flush_all(&mut session, &mut kv);
                assert_eq!(stored_key(&session, &kv), shown(&session), "{name}: stored");
                assert!(session.can_undo(), "{name}: undoable");
                let undone = session.undo().expect("a step to undo");
                assert_eq!(undone.changes.len(), effects.changes.len(), "{name}: the undo repaints the same passages");
                assert_eq!(shown(&session), key_of(BEFORE), "{name}: undone");
                flush_all(&mut session, &mut kv);
                assert_eq!(stored_key(&session, &kv), key_of(BEFORE), "{name}: undone, stored");
                session.redo().expect("a step to redo");
                flush_all(&mut session, &mut kv);
                assert_eq!(stored_key(&session, &kv), key_of(want), "{name}: redone, stored");
            }
            (Err(error), Err(want)) => {
                assert_eq!(error, want, "{name}: refusal");
                assert_eq!(queued(&session), Vec::<String>::new(), "{name}: a refusal queues nothing");
                assert_eq!(shown(&session), key_of(BEFORE), "{name}: the key as it was");
                assert!(!session.can_undo(), "{name}: no step");
            }
            (got, want) => panic!("{name}: got {got:?}, wanted {want:?}"),
        }
        assert_eq!(own(&session), hers, "{name}: her annotations never change");
        let exported: Vec<u128> = session.all_annotations().map(|a| a.id.as_u128()).collect();
        assert_eq!(exported, [1, 2, 3, 10], "{name}: every export reads hers (and her unplaced one), never the key");
        assert_eq!(stored_besides_classroom(&session, &kv), others, "{name}: nothing else is stored");
        assert!(session.leave_key_mode().layer, "{name}: leaving repaints everything");
        assert_eq!(session.layer(), Layer::Own);
        assert_eq!(session.store().in_order().cloned().collect::<Vec<_>>(), hers, "{name}: hers are shown again");
    }
}

fn want_changes(changes: &[(u128, &'static str)]) -> Seen {
    want(changes, "classroom", &["classroom"]).expect("ok")
}

#[test]
fn the_key_has_its_own_undo_while_shown_and_hers_waits() {
    let (mut session, mut kv) = teacher();
    let (start, end) = span(session.doc(), "spokesperson");
    session.create(start, end, claim(), "", id(20), at(1)).expect("hers");
    session.enter_key_mode();
    assert!(!session.can_undo(), "her step is not the key's");
    assert!(session.undo().is_none(), "nothing of the key to undo");
    assert_eq!(own(&session).len(), 4, "her new annotation stays");
    session.delete(id(50)).expect("a key passage");
    session.delete(id(51)).expect("the other");
    assert_eq!(shown(&session), vec![], "the key is empty");
    session.undo().expect("51 back");
    session.undo().expect("50 back");
    assert!(session.undo().is_none(), "the key's steps only");
    assert_eq!(shown(&session), key_of(&[(50, &["claim"], ""), (51, &["quote"], "")]));
    session.redo().expect("50 gone again");
    assert!(session.can_redo());
    flush_all(&mut session, &mut kv);
    assert_eq!(stored_key(&session, &kv), key_of(&[(51, &["quote"], "")]));
    session.leave_key_mode();
    assert!(session.can_undo(), "her history is back");
    assert!(!session.can_redo(), "and her redo side as it was");
    let effects = session.undo().expect("her step");
    assert_eq!(seen(session.doc(), &effects).writes, ["a20"], "her undo writes her annotation");
    assert_eq!(own(&session).len(), 3);
    assert_eq!(summary(session.answer_key()), key_of(&[(51, &["quote"], "")]), "the key stays edited");
    session.enter_key_mode();
    assert!(!session.can_undo() && !session.can_redo(), "the key's steps end with the mode");
}

#[test]
fn a_key_mode_without_a_key_starts_one() {
    let (mut session, mut kv) = with_classroom(None);
    session.enter_key_mode();
    assert!(session.store().is_empty(), "no key yet");
    let (start, end) = span(session.doc(), "necessary saving");
    session.create(start, end, claim(), "", id(70), at(1)).expect("the first key passage");
    flush_all(&mut session, &mut kv);
    let raw = kv.get(&storage::classroom_key(session.doc().hash())).unwrap().expect("stored");
    let classroom = storage::decode_classroom(&raw).unwrap();
    assert_eq!(summary(&classroom.answer_key), key_of(&[(70, &["claim"], "")]));
    assert!(classroom.revealed && !classroom.lock_tags);
    session.undo().expect("back to no passage");
    flush_all(&mut session, &mut kv);
    assert_eq!(
        kv.get(&storage::classroom_key(session.doc().hash())).unwrap(),
        None,
        "exactly as it was: no classroom state"
    );
    session.redo().expect("the passage again");
    flush_all(&mut session, &mut kv);
    assert!(kv.get(&storage::classroom_key(session.doc().hash())).unwrap().is_some());
    session.leave_key_mode();
    assert!(session.store().is_empty(), "she has no annotations");
}

#[test]
fn switching_articles_in_key_mode_leaves_it_and_loses_nothing() {
    let (mut session, mut kv) = teacher();
    let hers = own(&session);
    session.enter_key_mode();
    let (start, end) = span(session.doc(), "Critics quoted");
    session.create(start, end, quote(), "", id(60), at(1)).expect("a key passage");
    // Not flushed: the switch leaves the write queued.
    session.switch(other_article(), &mut kv);
    assert!(!session.in_key_mode(), "another article opens with its own annotations shown");
    assert!(session.store().is_empty() && !session.can_undo());
    session.switch(article(), &mut kv);
    assert!(!session.in_key_mode());
    assert_eq!(own(&session), hers, "her annotations as they were");
    assert_eq!(summary(session.answer_key()).len(), 3, "the queued key is read back");
    flush_all(&mut session, &mut kv);
    assert_eq!(stored_key(&session, &kv).iter().map(|k| k.0).collect::<Vec<_>>(), [50, 60, 51]);
}

#[test]
fn a_reload_mid_way_reads_every_key_edit_and_hers_apart() {
    let (mut session, mut kv) = teacher();
    let hers = own(&session);
    session.enter_key_mode();
    session.delete(id(50)).expect("one");
    flush_all(&mut session, &mut kv);
    session.toggle_tag(id(51), claim(), at(2)).expect("two");
    // A crash now: the handler writes what is queued; the next page opens from storage.
    flush_all(&mut session, &mut kv);
    let reloaded = open(article(), &mut kv);
    assert!(!reloaded.in_key_mode(), "a page opens with her annotations");
    assert_eq!(own(&reloaded), hers, "no key passage joined her annotations");
    assert_eq!(summary(reloaded.answer_key()), key_of(&[(51, &["quote", "claim"], "")]));
}

#[test]
fn her_undo_never_brings_back_a_key_she_edited_since() {
    let (mut session, mut kv) = with_classroom(None);
    import(&mut session, &[&starter(false)]).expect("a starter pack sets the classroom state");
    session.enter_key_mode();
    let (start, end) = span(session.doc(), "necessary saving");
    session.create(start, end, TagIdOf::thesis(), "", id(70), at(1)).expect("a key passage");
    session.leave_key_mode();
    session.undo().expect("the import's tag set undone");
    assert_eq!(tag_ids(&session), ["claim", "quote", "policy-shift"]);
    assert_eq!(summary(session.answer_key()), key_of(&[(70, &["thesis"], "")]), "the key she made stays");
    session.redo().expect("and redone");
    assert_eq!(summary(session.answer_key()), key_of(&[(70, &["thesis"], "")]));
    flush_all(&mut session, &mut kv);
    let raw = kv.get(&storage::classroom_key(session.doc().hash())).unwrap().expect("stored");
    let stored = storage::decode_classroom(&raw).unwrap();
    assert_eq!(summary(&stored.answer_key), key_of(&[(70, &["thesis"], "")]));
    assert_eq!(stored.instructions, "Tag the thesis.", "the pack's instructions stay with the key");
}

/// The starter pack's tag.
struct TagIdOf;
impl TagIdOf {
    fn thesis() -> marginalia::domain::annotation::tags::TagId {
        marginalia::domain::annotation::tags::TagId::new("thesis")
    }
}

#[test]
fn other_tabs_in_key_mode_change_her_annotations_unseen_and_the_key_shown() {
    let (mut session, mut kv) = teacher();
    session.enter_key_mode();
    // Another tab retags her annotation 1.
    let doc = article();
    let theirs = ann(&doc, 1, "council voted", &["quote"], "", 30);
    let key = storage::annotation_key(doc.hash(), &id(1));
    kv.set(&key, &storage::encode(&theirs)).unwrap();
    let effects = session.stored_elsewhere(&mut kv, &key, None);
    assert!(effects.changes.is_empty(), "nothing of hers is painted over the key");
    assert_eq!(session.own_store().get(&id(1)), Some(&theirs), "hers follows the other tab");
    assert_eq!(shown(&session).len(), 2, "the key is still shown");
    // Another tab replaces the key.
    session.delete(id(50)).expect("a step of the key");
    flush_all(&mut session, &mut kv);
    let classroom = ClassroomState {
        answer_key: vec![ann(&doc, 52, "Next year", &["claim"], "", 0)],
        revealed: true,
        ..Default::default()
    };
    let ckey = storage::classroom_key(doc.hash());
    kv.set(&ckey, &storage::encode_classroom(&classroom)).unwrap();
    let effects = session.stored_elsewhere(&mut kv, &ckey, None);
    assert!(effects.layer, "the shown key is repainted whole");
    assert_eq!(shown(&session), key_of(&[(52, &["claim"], "")]));
    assert!(!session.can_undo(), "no step may bring back the key that tab replaced");
}

#[test]
fn the_class_views_key_replaces_a_shown_key() {
    let (mut session, _kv) = teacher();
    session.enter_key_mode();
    session.delete(id(50)).expect("a step");
    let mine: Vec<Annotation> = own(&session);
    let effects = session.keep_answer_key(mine.clone());
    assert!(effects.layer && effects.classroom);
    assert_eq!(shown(&session), summary(&mine));
    assert!(!session.can_undo());
    assert_eq!(own(&session), mine, "hers untouched");
}
