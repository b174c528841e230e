//! Native tests of the session's save queue over in-memory storage that fills up or is blocked: failed writes stay queued and are retried, newer values replace queued ones, nothing is dropped by opening another article, and unreadable values are kept.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::tag_edit::{DeletePolicy, TagEdit};
use marginalia::domain::session::kv::{KeyValue, MemoryKv, StorageProblem};
use marginalia::domain::session::Session;
use marginalia::domain::storage::{self, ClassroomState, SideList};

/// Storage that holds what it holds now and accepts nothing more.
fn fill(kv: &mut MemoryKv) {
    kv.quota = Some(kv.values.iter().map(|(k, v)| k.len() + v.len()).sum());
}

fn free(kv: &mut MemoryKv) {
    kv.quota = None;
    kv.blocked = None;
}

fn create(session: &mut Session, n: u128, quote: &str) {
    let (start, end) = span(session.doc(), quote);
    session.create(start, end, claim(), "", id(n), at(1)).expect("created");
}

fn stored_annotation(kv: &MemoryKv, n: u128) -> Option<String> {
    kv.get(&storage::annotation_key(article().hash(), &id(n)))
        .expect("readable")
        .map(|raw| storage::decode(&raw).expect("an annotation").note)
}

#[test]
fn a_failed_write_stays_queued_in_its_place_and_is_retried() {
    for problem in [StorageProblem::Full, StorageProblem::Unavailable("blocked".into())] {
        let (mut session, mut kv) = base();
        create(&mut session, 20, "budget");
        session.set_note(id(2), "second", at(2)).expect("noted");
        match &problem {
            StorageProblem::Full => fill(&mut kv),
            StorageProblem::Unavailable(_) => kv.blocked = Some(problem.clone()),
        }
        let (_, flushed) = session.flush(&mut kv, usize::MAX);
        assert_eq!((flushed.written, flushed.problem.as_ref()), (0, Some(&problem)));
        assert_eq!(session.queue().borrow().problem(), Some(&problem));
        assert_eq!(queued(&session), ["a2", "a20"], "still queued");
        free(&mut kv);
        assert_eq!(stored_annotation(&kv, 20), None);
        let (_, flushed) = session.flush(&mut kv, usize::MAX);
        assert_eq!((flushed.written, flushed.problem), (2, None));
        assert_eq!(session.queue().borrow().problem(), None);
        assert_eq!(
            (stored_annotation(&kv, 20), stored_annotation(&kv, 2)),
            (Some(String::new()), Some("second".into()))
        );
    }
}

#[test]
fn a_newer_value_for_a_key_replaces_the_queued_one() {
    let (mut session, mut kv) = base();
    fill(&mut kv);
    session.set_note(id(1), "first", at(2)).expect("noted");
    session.set_note(id(1), "second", at(3)).expect("noted");
    session.edit_tags(TagEdit::Rename { id: claim(), name: "Point".into() }, at(3)).expect("renamed");
    session.edit_tags(TagEdit::Rename { id: claim(), name: "Assertion".into() }, at(4)).expect("renamed");
    session.set_author("Ana");
    session.set_author("Ana Ruiz");
    create(&mut session, 20, "budget");
    session.delete(id(20)).expect("deleted");
    assert_eq!(queued(&session), ["a1", "a20", "author", "tags"]);
    assert_eq!(session.queue().borrow().len(), 4, "one write per key");
    free(&mut kv);
    flush_all(&mut session, &mut kv);
    assert_eq!(stored_annotation(&kv, 1), Some("second".into()));
    assert_eq!(stored_annotation(&kv, 20), None, "created and deleted: nothing stored");
    let tags = storage::decode_tags(&kv.get(&storage::tags_key(article().hash())).unwrap().expect("stored")).unwrap();
    assert_eq!(tags.name_of(&claim()), "Assertion");
    assert_eq!(kv.get(storage::AUTHOR_KEY), Ok(Some("Ana Ruiz".into())));
}

#[test]
fn the_queue_survives_opening_another_article_and_writes_later() {
    let (mut session, mut kv) = base();
    fill(&mut kv);
    create(&mut session, 20, "budget");
    session.discard_orphan(id(10)).expect("discarded");
    session.switch(other_article(), &mut kv);
    assert_eq!(session.store().len(), 0);
    assert_eq!(queued(&session).len(), 2, "the first article's writes wait");
    free(&mut kv);
    flush_all(&mut session, &mut kv);
    assert_eq!(stored_annotation(&kv, 20), Some(String::new()));
    assert_eq!(
        kv.get(&storage::side_key(article().hash(), SideList::Orphans)),
        Ok(None),
        "the emptied list is removed"
    );
}

#[test]
fn an_article_opened_again_shows_its_queued_writes() {
    let (mut session, mut kv) = base();
    fill(&mut kv);
    create(&mut session, 20, "budget");
    session.delete(id(3)).expect("deleted");
    session.set_note(id(1), "changed", at(2)).expect("noted");
    session.edit_tags(TagEdit::Delete { id: quote(), policy: DeletePolicy::KeepAsUnknown }, at(2)).expect("deleted");
    session.discard_orphan(id(10)).expect("discarded");
    session.discard_version(0).expect("discarded");
    import(&mut session, &[starter(false).as_str()]).expect("imported");
    let made = state(&session);
    session.switch(other_article(), &mut kv);
    session.switch(article(), &mut kv);
    assert_eq!(state(&session), made, "storage is still full: what waits is shown");
    let mut fresh = open(article(), &mut kv);
    assert_ne!(state(&fresh), made, "nothing was stored yet");
    free(&mut kv);
    flush_all(&mut session, &mut kv);
    fresh.switch(article(), &mut kv);
    assert_eq!(state(&fresh), made, "and once stored, every part is there");
}

#[test]
fn opening_reads_the_annotations_once_when_asked() {
    let (_, mut kv) = base();
    let mut session = Session::open(article(), &mut kv, Default::default());
    assert!(!session.annotations_loaded());
    assert!(session.store().is_empty(), "the article is shown before its annotations are read");
    assert!(session.load_annotations(&mut kv));
    assert_eq!(session.store().len(), 3);
    assert!(!session.load_annotations(&mut kv), "read once");
}

/// Storage of [`article`] with an unreadable tag set and an unreadable annotation 5 beside annotation 1.
fn with_unreadable() -> MemoryKv {
    let doc = article();
    let mut kv = MemoryKv::new();
    store_annotations(&mut kv, &doc, &[ann(&doc, 1, "council voted", &["claim"], "", 0)]);
    kv.set(&storage::tags_key(doc.hash()), "{\"schema\": 1, \"tags\": 7").unwrap();
    kv.set(&storage::annotation_key(doc.hash(), &id(5)), "{\"schema\": 99}").unwrap();
    kv
}

#[test]
fn unreadable_values_are_reported_backed_up_and_never_written() {
    let mut kv = with_unreadable();
    let before = kv.values.clone();
    let doc = article();
    let mut session = open(doc.clone(), &mut kv);
    for unreadable in session.unreadable() {
        assert_eq!(unreadable.backup_key, storage::backup_key(&unreadable.key));
        assert_eq!(kv.get(&unreadable.backup_key), Ok(Some(before[&unreadable.key].clone())), "a copy is kept");
    }
    // The tag set shown is the default one; editing it never writes over what is stored.
    session.edit_tags(TagEdit::Rename { id: claim(), name: "Assertion".into() }, at(2)).expect("renamed");
    assert_eq!(queued(&session), Vec::<String>::new(), "a protected key is not queued");
    flush_all(&mut session, &mut kv);
    let tags_key = storage::tags_key(doc.hash());
    let annotation_key = storage::annotation_key(doc.hash(), &id(5));
    for key in [&tags_key, &annotation_key] {
        assert_eq!(kv.get(key), Ok(Some(before[key].clone())), "left alone");
    }
    let reported: Vec<String> = session.unreadable().iter().map(|u| label(&doc, &u.key)).collect();
    assert_eq!(reported, ["tags", "a5"], "each reported once");
}

#[test]
fn a_value_found_unreadable_while_writing_is_left_alone() {
    let (mut session, mut kv) = base();
    let key = storage::annotation_key(article().hash(), &id(1));
    // Another app or a newer version wrote something this one cannot read.
    kv.set(&key, "not json").unwrap();
    session.set_note(id(1), "mine", at(2)).expect("noted");
    flush_all(&mut session, &mut kv);
    assert_eq!(kv.get(&key), Ok(Some("not json".into())));
    assert_eq!(kv.get(&storage::backup_key(&key)), Ok(Some("not json".into())));
    assert_eq!(session.unreadable().iter().map(|u| u.key.as_str()).collect::<Vec<_>>(), [key.as_str()]);
    assert_eq!(session.store().get(&id(1)).map(|a| a.note.as_str()), Some("mine"), "kept in memory");
    session.set_note(id(1), "again", at(3)).expect("noted");
    assert_eq!(queued(&session), Vec::<String>::new(), "never queued again");
}

#[test]
fn the_pending_count_covers_every_kind_of_write() {
    let (mut session, mut kv) = base();
    kv.blocked = Some(StorageProblem::Unavailable("private mode".into()));
    create(&mut session, 20, "budget");
    session.edit_tags(TagEdit::Recolour { id: quote(), colour: "#123456".into() }, at(2)).expect("recoloured");
    session.discard_orphan(id(10)).expect("discarded");
    session.use_version(0).expect("used");
    import(&mut session, &[starter(true).as_str()]).expect("imported");
    session.set_author("Ana");
    let mut pending = queued(&session);
    pending.sort();
    // The starter pack's tag set is kept as a preset too.
    assert_eq!(pending, ["a1", "a20", "author", "classroom", "conflicts", "marginalia/v1/presets", "orphans", "tags"]);
    assert_eq!(session.queue().borrow().len(), 8);
    let made = state(&session);
    free(&mut kv);
    flush_all(&mut session, &mut kv);
    let reopened = open(article(), &mut kv);
    assert_eq!((state(&reopened), reopened.author()), (made, "Ana"));
    assert_eq!(reopened.classroom().map(|c: &ClassroomState| c.lock_tags), Some(true));
    assert_eq!(reopened.presets(), session.presets(), "the preset was written too");
}

#[test]
fn setting_the_author_queues_it_and_signs_new_annotations() {
    let (mut session, mut kv) = with_classroom(None);
    let effects = session.set_author("  Ana Ruiz ");
    assert_eq!(effects.writes, [storage::AUTHOR_KEY]);
    assert_eq!(queued(&session), ["author"]);
    assert_eq!(session.author(), "Ana Ruiz");
    assert!(!session.can_undo());
    session.create(0, 3, claim(), "", id(1), at(1)).expect("created");
    assert_eq!(session.store().get(&id(1)).map(|a| a.author.as_str()), Some("Ana Ruiz"));
    flush_all(&mut session, &mut kv);
    assert_eq!(kv.get(storage::AUTHOR_KEY), Ok(Some("Ana Ruiz".into())));
    assert_eq!(open(article(), &mut kv).author(), "Ana Ruiz", "the next visit knows the name");
}

/// The class view's files are written at once so the view can tell the teacher; a full storage
/// keeps them queued (the banner counts them, an opening reads them back) and a later flush writes them.
#[test]
fn a_value_written_now_stays_queued_when_storage_is_full() {
    use marginalia::domain::session::load::Overlay;
    use marginalia::domain::session::queue::Write;
    let (session, mut kv) = base();
    let key = storage::class_files_key(article().hash());
    let queue = session.queue().clone();
    queue.borrow_mut().put(key.clone(), Write::Value(Some("first".into())));
    assert_eq!(queue.borrow_mut().write_now(&mut kv, &key), Ok(()));
    assert_eq!((kv.get(&key).unwrap().as_deref(), queue.borrow().len()), (Some("first"), 0));
    fill(&mut kv);
    queue.borrow_mut().put(key.clone(), Write::Value(Some("first and a much longer second".into())));
    assert_eq!(queue.borrow_mut().write_now(&mut kv, &key), Err(StorageProblem::Full));
    assert_eq!(queue.borrow().problem(), Some(&StorageProblem::Full));
    assert_eq!(queue.borrow().len(), 1, "kept in the queue");
    let read = Overlay { kv: &kv, queue: &queue.borrow() }.get(&key).unwrap();
    assert_eq!(read.as_deref(), Some("first and a much longer second"), "an opening reads the queued files");
    free(&mut kv);
    let flushed = queue.borrow_mut().flush(&mut kv, usize::MAX);
    assert_eq!((flushed.written, flushed.problem), (1, None));
    assert_eq!(kv.get(&key).unwrap().as_deref(), Some("first and a much longer second"));
    // A removal is a write too; an annotation waits for the flush's two-tab check.
    queue.borrow_mut().put(key.clone(), Write::Value(None));
    assert_eq!(queue.borrow_mut().write_now(&mut kv, &key), Ok(()));
    assert_eq!(kv.get(&key).unwrap(), None);
}
