//! Native table tests of every session operation's effects: what changed, which views to redo, which keys were queued, and that a refused operation changes and queues nothing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::anchor::Anchored;
use marginalia::domain::annotation::store::StoreError;
use marginalia::domain::annotation::tag_edit::{DeletePolicy, TagEdit, TagError};
use marginalia::domain::annotation::tags::{TagId, TagSet, UnderlineStyle};
use marginalia::domain::format::import::ImportFile;
use marginalia::domain::format::MAX_NOTE_BYTES;
use marginalia::domain::session::queue::Write;
use marginalia::domain::session::{Effects, Session, SessionError};
use marginalia::domain::storage::{self, ClassroomState, SideList};

type Op = fn(&mut Session) -> Result<Effects, SessionError>;

/// One case: made on [`base`] after `prep` (whose writes are flushed first).
struct Case {
    name: &'static str,
    prep: fn(&mut Session),
    op: Op,
    want: Result<Seen, SessionError>,
    /// What else must hold afterwards.
    check: fn(&Session),
}

fn case(name: &'static str, op: Op, want: Result<Seen, SessionError>, check: fn(&Session)) -> Case {
    Case { name, prep: |_| {}, op, want, check }
}

fn nothing(_: &Session) {}

/// Runs each case on a fresh [`base`]: the effects are as wanted and the queue holds exactly the
/// keys they name; an operation that changed something is undone whole by one undo; a refused
/// one changed nothing, queued nothing and left the history as it was.
fn run(cases: Vec<Case>) {
    for case in cases {
        let name = case.name;
        let (mut session, mut kv) = base();
        (case.prep)(&mut session);
        flush_all(&mut session, &mut kv);
        let before = state(&session);
        let could_undo = session.can_undo();
        let outcome = (case.op)(&mut session);
        match (outcome, case.want) {
            (Ok(effects), Ok(want)) => {
                let got = seen(session.doc(), &effects);
                assert_eq!(got, want, "{name}: effects");
                let mut written = got.writes.clone();
                written.sort();
                written.dedup();
                let mut in_queue = queued(&session);
                in_queue.sort();
                assert_eq!(in_queue, written, "{name}: the keys queued are the keys reported");
                (case.check)(&session);
                if !effects.is_empty() {
                    session.undo().unwrap_or_else(|| panic!("{name}: nothing to undo"));
                    assert_eq!(state(&session), before, "{name}: one undo restores everything");
                }
            }
            (Err(error), Err(want)) => {
                assert_eq!(error, want, "{name}: refusal");
                assert_eq!(state(&session), before, "{name}: a refusal changes nothing");
                assert_eq!(queued(&session), Vec::<String>::new(), "{name}: a refusal queues nothing");
                assert_eq!(session.can_undo(), could_undo, "{name}: a refusal adds no step");
            }
            (got, want) => panic!("{name}: got {got:?}, wanted {want:?}"),
        }
    }
}

#[test]
fn annotation_operations() {
    run(vec![
        case(
            "create",
            |s| {
                let (start, end) = span(&article(), "budget");
                s.create(start, end, TagId::new("quote"), "  why  ", id(20), at(9))
            },
            want(&[(20, "created")], "", &["a20"]),
            |s| {
                let a = s.store().get(&id(20)).expect("created");
                assert_eq!(
                    (a.target.exact.as_str(), a.note.as_str(), a.created, a.modified),
                    ("budget", "why", at(9), at(9))
                );
            },
        ),
        case(
            "create on an empty range",
            |s| s.create(7, 7, TagId::new("quote"), "", id(20), at(9)),
            store_error(StoreError::EmptyRange),
            nothing,
        ),
        case(
            "create with a used id",
            |s| s.create(0, 3, TagId::new("quote"), "", id(1), at(9)),
            store_error(StoreError::DuplicateId(id(1))),
            nothing,
        ),
        case(
            "toggle adds a tag",
            |s| s.toggle_tag(id(1), TagId::new("quote"), at(9)),
            want(&[(1, "changed")], "", &["a1"]),
            |s| assert_eq!(tags_of(s, 1), ["claim", "quote"]),
        ),
        case(
            "toggle removes a tag",
            |s| s.toggle_tag(id(2), TagId::new("quote"), at(9)),
            want(&[(2, "changed")], "", &["a2"]),
            |s| assert_eq!(tags_of(s, 2), ["claim"]),
        ),
        case(
            "toggle off the only tag",
            |s| s.toggle_tag(id(1), TagId::new("claim"), at(9)),
            store_error(StoreError::NoTags),
            nothing,
        ),
        case(
            "toggle on a gone annotation",
            |s| s.toggle_tag(id(99), TagId::new("claim"), at(9)),
            Err(SessionError::Gone),
            nothing,
        ),
        case(
            "note",
            |s| s.set_note(id(1), "because", at(9)),
            want(&[(1, "changed")], "", &["a1"]),
            |s| assert_eq!(note_of(s, 1), "because"),
        ),
        case("the same note", |s| s.set_note(id(1), "", at(9)), want(&[], "", &[]), |s| assert!(!s.can_undo())),
        case("note on a gone annotation", |s| s.set_note(id(99), "x", at(9)), Err(SessionError::Gone), nothing),
        case(
            "a note too long for a file",
            |s| s.set_note(id(1), &"x".repeat(MAX_NOTE_BYTES + 1), at(9)),
            store_error(StoreError::NoteTooLong(MAX_NOTE_BYTES + 1)),
            nothing,
        ),
        case(
            "delete",
            |s| s.delete(id(3)),
            want(&[(3, "deleted")], "", &["a3"]),
            |s| assert!(s.store().get(&id(3)).is_none()),
        ),
        case("delete a gone annotation", |s| s.delete(id(99)), store_error(StoreError::NotFound(id(99))), nothing),
    ]);
}

#[test]
fn tag_set_edits() {
    let tags_only = || want(&[], "tags", &["tags"]);
    run(vec![
        case(
            "add",
            |s| s.edit_tags(TagEdit::Add(new_tag("Evidence")), at(9)),
            tags_only(),
            |s| {
                let added = s.tags().tags.last().expect("a tag");
                assert_eq!(
                    (added.id.0.as_str(), added.colour.as_str(), added.hotkey),
                    ("evidence", "#009e73", Some('e'))
                );
            },
        ),
        case(
            "add a taken name",
            |s| s.edit_tags(TagEdit::Add(new_tag("CLAIM")), at(9)),
            tag_error(TagError::DuplicateName("Claim".into())),
            nothing,
        ),
        case(
            "rename",
            |s| s.edit_tags(TagEdit::Rename { id: claim(), name: "Assertion".into() }, at(9)),
            tags_only(),
            |s| assert_eq!(s.tags().name_of(&claim()), "Assertion"),
        ),
        case(
            "recolour",
            |s| s.edit_tags(TagEdit::Recolour { id: quote(), colour: "#112233".into() }, at(9)),
            tags_only(),
            |s| assert_eq!(s.tags().get(&quote()).expect("quote").colour, "#112233"),
        ),
        case(
            "recolour with no colour",
            |s| s.edit_tags(TagEdit::Recolour { id: quote(), colour: "red".into() }, at(9)),
            tag_error(TagError::InvalidColour("red".into())),
            nothing,
        ),
        case(
            "underline",
            |s| s.edit_tags(TagEdit::SetUnderline { id: claim(), underline: UnderlineStyle::Double }, at(9)),
            tags_only(),
            |s| assert_eq!(s.tags().get(&claim()).expect("claim").underline, UnderlineStyle::Double),
        ),
        case(
            "description",
            |s| s.edit_tags(TagEdit::SetDescription { id: claim(), description: " new ".into() }, at(9)),
            tags_only(),
            |s| assert_eq!(s.tags().get(&claim()).expect("claim").description, "new"),
        ),
        case(
            "hotkey",
            |s| s.edit_tags(TagEdit::SetHotkey { id: quote(), hotkey: Some('Q') }, at(9)),
            tags_only(),
            |s| assert_eq!(s.tags().hotkey_of(&quote()), Some('q')),
        ),
        case(
            "a hotkey another tag has",
            |s| s.edit_tags(TagEdit::SetHotkey { id: quote(), hotkey: Some('1') }, at(9)),
            tag_error(TagError::HotkeyTaken { key: '1', by: "Claim".into() }),
            nothing,
        ),
        case(
            "move",
            |s| s.edit_tags(TagEdit::Move { id: policy(), to: 0 }, at(9)),
            tags_only(),
            |s| assert_eq!(tag_ids(s), ["policy-shift", "claim", "quote"]),
        ),
        case(
            "move up",
            |s| s.edit_tags(TagEdit::MoveUp(quote()), at(9)),
            tags_only(),
            |s| assert_eq!(tag_ids(s), ["quote", "claim", "policy-shift"]),
        ),
        case(
            "move down",
            |s| s.edit_tags(TagEdit::MoveDown(claim()), at(9)),
            tags_only(),
            |s| assert_eq!(tag_ids(s), ["quote", "claim", "policy-shift"]),
        ),
        case(
            "merge",
            |s| s.edit_tags(TagEdit::Merge { from: quote(), into: claim() }, at(9)),
            // The unplaced annotation carried Quote too: it is retagged with the placed ones.
            want(&[(2, "changed")], "tags orphans", &["a2", "tags", "orphans"]),
            |s| {
                assert_eq!((tags_of(s, 2), tag_ids(s)), (vec!["claim"], vec!["claim", "policy-shift"]));
                assert!(s.orphans().iter().all(|a| !a.tags.iter().any(|t| t.0 == "quote")));
            },
        ),
        case(
            "merge into itself",
            |s| s.edit_tags(TagEdit::Merge { from: quote(), into: quote() }, at(9)),
            tag_error(TagError::SameTag),
            nothing,
        ),
        case(
            "delete, taking the tag off",
            |s| s.edit_tags(TagEdit::Delete { id: claim(), policy: DeletePolicy::RemoveTagFromAnnotations }, at(9)),
            want(&[(1, "deleted"), (2, "changed")], "tags", &["a1", "a2", "tags"]),
            |s| assert_eq!((tags_of(s, 2), tag_ids(s)), (vec!["quote"], vec!["quote", "policy-shift"])),
        ),
        case(
            "delete, reassigning",
            |s| s.edit_tags(TagEdit::Delete { id: claim(), policy: DeletePolicy::ReassignTo(policy()) }, at(9)),
            want(&[(1, "changed"), (2, "changed")], "tags", &["a1", "a2", "tags"]),
            |s| assert_eq!((tags_of(s, 1), tags_of(s, 2)), (vec!["policy-shift"], vec!["quote", "policy-shift"])),
        ),
        case(
            "delete, keeping it as unknown",
            |s| s.edit_tags(TagEdit::Delete { id: quote(), policy: DeletePolicy::KeepAsUnknown }, at(9)),
            tags_only(),
            |s| assert_eq!((tags_of(s, 2), tag_ids(s)), (vec!["quote", "claim"], vec!["claim", "policy-shift"])),
        ),
        case(
            "delete, reassigning to itself",
            |s| s.edit_tags(TagEdit::Delete { id: quote(), policy: DeletePolicy::ReassignTo(quote()) }, at(9)),
            tag_error(TagError::SameTag),
            nothing,
        ),
        case(
            "delete an unknown tag",
            |s| s.edit_tags(TagEdit::Delete { id: TagId::new("nope"), policy: DeletePolicy::KeepAsUnknown }, at(9)),
            tag_error(TagError::UnknownTag(TagId::new("nope"))),
            nothing,
        ),
        Case {
            name: "delete the last tag",
            prep: |s| {
                for id in [quote(), policy()] {
                    s.edit_tags(TagEdit::Delete { id, policy: DeletePolicy::KeepAsUnknown }, at(8)).expect("deleted");
                }
            },
            op: |s| s.edit_tags(TagEdit::Delete { id: claim(), policy: DeletePolicy::KeepAsUnknown }, at(9)),
            want: tag_error(TagError::LastTag),
            check: nothing,
        },
        Case {
            name: "a locked tag set",
            prep: |s| {
                import(s, &[starter(true).as_str()]).expect("imported");
            },
            op: |s| s.edit_tags(TagEdit::Rename { id: TagId::new("thesis"), name: "Main point".into() }, at(9)),
            want: Err(SessionError::Locked),
            check: nothing,
        },
    ]);
}

#[test]
fn versions_and_unplaced_annotations() {
    run(vec![
        case(
            "use another version",
            |s| s.use_version(0),
            want(&[(1, "changed")], "conflicts", &["a1", "conflicts"]),
            |s| {
                assert_eq!(note_of(s, 1), "older");
                assert_eq!(
                    s.conflicts().iter().map(|a| a.note.as_str()).collect::<Vec<_>>(),
                    [""],
                    "the replaced one can be chosen again"
                );
            },
        ),
        Case {
            name: "use the version of a deleted annotation",
            prep: |s| {
                s.delete(id(1)).expect("deleted");
            },
            op: |s| s.use_version(0),
            want: want(&[(1, "created")], "conflicts", &["a1", "conflicts"]),
            check: |s| {
                assert_eq!(note_of(s, 1), "older");
                assert!(s.conflicts().is_empty());
                let key = storage::side_key(s.doc().hash(), SideList::Conflicts);
                assert_eq!(s.queue().borrow().get(&key), Some(&Write::Value(None)), "an empty list is removed");
            },
        },
        case("use a gone version", |s| s.use_version(5), Err(SessionError::Gone), nothing),
        case(
            "discard a version",
            |s| s.discard_version(0),
            want(&[], "conflicts", &["conflicts"]),
            |s| assert!(s.conflicts().is_empty()),
        ),
        case("discard a gone version", |s| s.discard_version(1), Err(SessionError::Gone), nothing),
        case(
            "discard an unplaced one",
            |s| s.discard_orphan(id(10)),
            want(&[], "orphans", &["orphans"]),
            |s| assert!(s.orphans().is_empty()),
        ),
        case("discard a gone unplaced one", |s| s.discard_orphan(id(1)), Err(SessionError::Gone), nothing),
        case(
            "attach",
            |s| {
                let (start, end) = span(&article(), "old library");
                s.attach(id(10), start, end, at(9))
            },
            want(&[(10, "created")], "orphans", &["a10", "orphans"]),
            |s| {
                let a = s.store().get(&id(10)).expect("attached");
                assert_eq!(
                    (a.target.exact.as_str(), a.tags.clone(), a.modified),
                    ("old library", vec![quote()], at(9))
                );
                assert!(s.orphans().is_empty());
            },
        ),
        case("attach to nothing", |s| s.attach(id(10), 5, 5, at(9)), Err(SessionError::CannotHold), nothing),
        case("attach a gone one", |s| s.attach(id(1), 0, 5, at(9)), Err(SessionError::Gone), nothing),
    ]);
}

#[test]
fn importing_a_pack() {
    let (mut session, mut kv) = base();
    let (effects, counts) = import(&mut session, &[student_pack().as_str()]).expect("imported");
    assert_eq!(counts, imported(1, 1));
    assert_eq!(
        seen(session.doc(), &effects),
        want(&[(20, "created")], "tags orphans", &["a20", "tags", "orphans"]).unwrap()
    );
    assert_eq!(tag_ids(&session), ["claim", "quote", "policy-shift", "evidence"]);
    let orphans: Vec<u128> = session.orphans().iter().map(|a| a.id.as_u128()).collect();
    assert_eq!(orphans, [10, 21]);
    assert_eq!(session.classroom(), None);
    flush_all(&mut session, &mut kv);
    // The same file again brings nothing.
    let (effects, counts) = import(&mut session, &[student_pack().as_str()]).expect("imported");
    assert_eq!((effects, counts), (Effects::default(), imported(0, 0)));
}

#[test]
fn importing_a_newer_version_keeps_the_one_it_replaces() {
    let (mut session, _kv) = base();
    let doc = article();
    let newer = ann(&doc, 3, "mobile library", &["policy-shift"], "newer", 30);
    let (effects, counts) =
        import(&mut session, &[pack_of(&doc, &TagSet::default(), [&newer]).as_str()]).expect("imported");
    assert_eq!(counts, imported(1, 0));
    assert_eq!(seen(&doc, &effects), want(&[(3, "changed")], "conflicts", &["a3", "conflicts"]).unwrap());
    assert_eq!(note_of(&session, 3), "newer");
    let versions: Vec<(u128, &str)> = session.conflicts().iter().map(|a| (a.id.as_u128(), a.note.as_str())).collect();
    assert_eq!(versions, [(1, "older"), (3, "")]);
}

#[test]
fn importing_a_starter_pack_replaces_the_tags_and_sets_the_classroom() {
    let (mut session, _kv) = base();
    let (effects, counts) = import(&mut session, &[starter(true).as_str()]).expect("imported");
    assert_eq!(counts, imported(0, 0));
    // The pack's tag set is kept as a preset too (tests/presets.rs).
    let writes = ["tags", "classroom", "marginalia/v1/presets"];
    assert_eq!(seen(session.doc(), &effects), want(&[], "tags classroom presets", &writes).unwrap());
    assert_eq!(tag_ids(&session), ["thesis", "evidence"]);
    let classroom = session.classroom().expect("a classroom");
    assert!(classroom.lock_tags && !classroom.revealed);
    assert!(classroom.answer_key.is_empty(), "a starter pack brings no key");
    assert_eq!(classroom.instructions, "Tag the thesis.");
    assert!(session.tags_locked());
}

/// What a student's import does with each of a teacher's files, in turn: an old starter pack's
/// key is dropped; a self-check key is kept and shown, keeping the lock and the instructions; a
/// starter pack afterwards keeps that key.
#[test]
fn a_students_imports_of_a_teachers_files() {
    let (mut session, _kv) = base();
    import(&mut session, &[old_starter(true).as_str()]).expect("imported");
    let classroom = session.classroom().expect("a classroom").clone();
    assert!(classroom.lock_tags && classroom.answer_key.is_empty(), "the old pack's key is dropped");
    assert!(session.store().get(&id(50)).is_none(), "the key never joins the annotations");

    import(&mut session, &[starter(true).as_str()]).expect("imported");
    import(&mut session, &[self_check().as_str()]).expect("imported");
    let classroom = session.classroom().expect("a classroom").clone();
    assert_eq!(classroom.answer_key, key_annotations());
    assert!(classroom.revealed, "a self-check key is shown at once");
    assert!(classroom.lock_tags, "the lock stays");
    assert_eq!(classroom.instructions, "Tag the thesis.", "the instructions stay");
    assert!(session.store().get(&id(50)).is_none(), "the key never joins the annotations");

    import(&mut session, &[starter(false).as_str()]).expect("imported");
    let classroom = session.classroom().expect("a classroom").clone();
    assert_eq!(classroom.answer_key, key_annotations(), "a later starter pack keeps the key held");
    assert!(!classroom.lock_tags);
    session.undo().expect("undone");
    assert!(session.classroom().expect("a classroom").lock_tags, "undo brings the lock back");
}

#[test]
fn a_failed_import_batch_changes_nothing() {
    let (mut session, mut kv) = base();
    let (starter, pack) = (starter(true), student_pack());
    let files = [
        ImportFile { name: "starter", bytes: starter.as_bytes() },
        ImportFile { name: "pack", bytes: pack.as_bytes() },
    ];
    let mut pending = session.plan_import(&files);
    assert!(
        pending.plan.classroom.is_some() && pending.plan.tags != **session.tags(),
        "the plan would change tags and classroom"
    );
    // An annotation the store refuses (no tag), last in the batch: the creates before it are made, then undone.
    let refused = ann(&article(), 99, "without warning", &[], "", 0);
    let (start, end) = span(&article(), "without warning");
    pending.plan.merged.insert(refused);
    pending.plan.status.insert(id(99), Anchored::Exact { start, end });
    let before = state(&session);
    assert_eq!(session.apply_import(&pending).map(|_| ()), Err(SessionError::Store(StoreError::NoTags)));
    assert_eq!(state(&session), before, "tags, lists, classroom and annotations are untouched");
    assert_eq!(queued(&session), Vec::<String>::new());
    assert!(!session.can_undo());
    flush_all(&mut session, &mut kv);
}

#[test]
fn an_import_keeps_the_other_versions_it_does_not_touch() {
    // The older version of annotation 1 was chosen: the newer one waits under "Other versions".
    let (mut session, _kv) = base();
    session.use_version(0).expect("used");
    let chosen = state(&session);
    import(&mut session, &[unrelated_pack().as_str()]).expect("imported");
    assert_eq!(note_of(&session, 1), "older", "the chosen version stays");
    assert_eq!(state(&session).conflicts, chosen.conflicts, "the other version is still there to choose");
}

#[test]
fn an_import_keeps_the_other_version_of_a_deleted_annotation() {
    let (mut session, _kv) = base();
    session.delete(id(1)).expect("deleted");
    let kept = state(&session).conflicts;
    assert_eq!(kept.len(), 1, "the older version of 1 can still be brought back");
    import(&mut session, &[unrelated_pack().as_str()]).expect("imported");
    assert_eq!(state(&session).conflicts, kept);
}

#[test]
fn revealing_the_key_is_not_undoable() {
    let key = vec![ann(&article(), 50, "necessary saving", &["claim"], "", 0)];
    let (mut session, _kv) =
        with_classroom(Some(ClassroomState { lock_tags: true, answer_key: key.clone(), ..Default::default() }));
    let effects = session.reveal_key();
    assert_eq!(seen(session.doc(), &effects), want(&[], "classroom", &["classroom"]).unwrap());
    assert_eq!(queued(&session), ["classroom"]);
    let revealed = ClassroomState { lock_tags: true, answer_key: key, revealed: true, ..Default::default() };
    assert_eq!(session.classroom(), Some(&revealed));
    assert!(!session.can_undo());
    assert!(session.reveal_key().is_empty(), "revealed once");
    let (mut without, _kv) = with_classroom(None);
    assert!(without.reveal_key().is_empty(), "no key to reveal");
    assert_eq!(without.classroom(), None);
}

#[test]
fn keeping_the_teachers_answer_key() {
    let state = ClassroomState { lock_tags: true, instructions: "Read it.".into(), ..Default::default() };
    let (mut session, _kv) = with_classroom(Some(state));
    let key = vec![ann(&article(), 50, "necessary saving", &["claim"], "", 0)];
    let effects = session.keep_answer_key(key.clone());
    assert_eq!(seen(session.doc(), &effects), want(&[], "classroom", &["classroom"]).unwrap());
    let kept = ClassroomState { lock_tags: false, answer_key: key, revealed: true, instructions: "Read it.".into() };
    assert_eq!(session.classroom(), Some(&kept), "the instructions stay");
    assert!(!session.can_undo());
    assert!(!session.tags_locked());
}
