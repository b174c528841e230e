//! Browser tests for LocalKv and the session's save queue over real localStorage: round trips, unreadable values kept, full and blocked storage, and the crash handler's last flush.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tag_edit::TagEdit;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::{time_from_millis, Annotation};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::i18n::EN;
use marginalia::domain::session::queue::{Flushed, Write};
use marginalia::domain::session::{Session, SharedQueue};
use marginalia::domain::storage::{self, SideList};
use marginalia::ui::browser::crash;
use marginalia::ui::browser::storage::{local_storage, KeyValue, LocalKv, StorageProblem};
use time::OffsetDateTime;
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Storage;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function make_storage_full(on) {
  if (on) {
    if (!Storage.prototype.__realSetItem) Storage.prototype.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  } else if (Storage.prototype.__realSetItem) {
    Storage.prototype.setItem = Storage.prototype.__realSetItem;
  }
}
export function make_firefox_full(on) {
  if (on) {
    if (!Storage.prototype.__realSetItem) Storage.prototype.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'NS_ERROR_DOM_QUOTA_REACHED'); };
  } else if (Storage.prototype.__realSetItem) {
    Storage.prototype.setItem = Storage.prototype.__realSetItem;
  }
}
export function block_storage(on) {
  // On the global object the real accessor is an own property, so keep it to put it back.
  if (on) {
    window.__realLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')
      ?? Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
    Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  } else {
    Object.defineProperty(window, 'localStorage', window.__realLocalStorage);
  }
}
")]
extern "C" {
    fn make_storage_full(on: bool);
    fn make_firefox_full(on: bool);
    fn block_storage(on: bool);
}

const TEXT: &str = "The council voted to close the old library. Ünïcödé 😀 residents said it came without warning.";
const CORRUPT: &str = "{\"schema\":1,\"annotation\":{\"id\":";
const NEWER: &str = "{\"schema\":7,\"annotation\":{}}";

/// A one-paragraph article; `seed` makes its text, and so its storage keys, its own.
fn article(seed: &str) -> Rc<Document> {
    let text = format!("{seed}. {TEXT}");
    Rc::new(Document::new(seed, ArticleMeta::default(), &[(BlockKind::Paragraph, text.as_str())]))
}

fn at() -> OffsetDateTime {
    time_from_millis(1_700_000_000_000.0)
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn claim() -> TagId {
    TagId::new("claim")
}

fn raw() -> Storage {
    local_storage().unwrap()
}

fn clear() {
    raw().clear().unwrap();
}

/// Opens `doc` the way the app does, over localStorage and the app's queue: the article first,
/// then its annotations.
fn open(doc: &Rc<Document>, queue: &SharedQueue) -> Session {
    let mut session = Session::open(doc.clone(), &mut LocalKv, queue.clone());
    assert!(session.load_annotations(&mut LocalKv), "the annotations are read once, after opening");
    assert!(!session.load_annotations(&mut LocalKv));
    session
}

fn flush(session: &mut Session) -> Flushed {
    session.flush(&mut LocalKv, usize::MAX).1
}

/// The annotations a new session (with nothing queued) finds in localStorage, in article order.
fn stored(doc: &Rc<Document>) -> Vec<Annotation> {
    open(doc, &SharedQueue::default()).store().in_order().cloned().collect()
}

fn mine(session: &Session) -> Vec<Annotation> {
    session.store().in_order().cloned().collect()
}

fn set_full(firefox: bool, on: bool) {
    if firefox {
        make_firefox_full(on)
    } else {
        make_storage_full(on)
    }
}

#[wasm_bindgen_test]
fn annotations_round_trip_through_the_session_and_deletes_stick() {
    clear();
    let doc = article("Round trip");
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);
    assert!(session.store().is_empty());
    session.create(0, 5, claim(), "first", id(1), at()).unwrap();
    session.create(20, 40, claim(), "ünïcödé 😀 note", id(2), at()).unwrap();
    assert_eq!(queue.borrow().len(), 2);
    assert!(stored(&doc).is_empty(), "nothing is written before the flush");

    let flushed = flush(&mut session);
    assert_eq!((flushed.written, flushed.problem), (2, None));
    assert!(queue.borrow().is_empty());
    let made = mine(&session);
    assert_eq!(made.len(), 2);
    assert_eq!(stored(&doc), made);
    let first_key = storage::annotation_key(doc.hash(), &id(1));
    assert_eq!(raw().get_item(&first_key).unwrap(), Some(storage::encode(&made[0])));
    assert_eq!(LocalKv.get(&first_key).unwrap(), Some(storage::encode(&made[0])));

    session.delete(id(1)).unwrap();
    assert_eq!(flush(&mut session).written, 1);
    assert_eq!(stored(&doc), vec![made[1].clone()]);
    assert_eq!(raw().get_item(&first_key).unwrap(), None);
}

#[wasm_bindgen_test]
fn other_articles_are_not_loaded() {
    clear();
    let queue = SharedQueue::default();
    let mut session = open(&article("One article"), &queue);
    session.create(0, 5, claim(), "", id(1), at()).unwrap();
    flush(&mut session);
    assert!(stored(&article("Another article")).is_empty());
    assert!(open(&article("Another article"), &queue).store().is_empty());
}

#[wasm_bindgen_test]
fn unreadable_and_newer_annotations_are_kept_backed_up_and_never_written() {
    clear();
    let doc = article("Unreadable");
    let (corrupt_key, newer_key) =
        (storage::annotation_key(doc.hash(), &id(7)), storage::annotation_key(doc.hash(), &id(8)));
    raw().set_item(&corrupt_key, CORRUPT).unwrap();
    raw().set_item(&newer_key, NEWER).unwrap();
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);

    let unreadable = session.unreadable();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    let newer = unreadable.iter().find(|u| u.key == newer_key).expect("the newer value is reported");
    assert_eq!((newer.error.clone(), newer.raw.as_str()), (storage::DecodeError::NewerSchema(7), NEWER));
    for value in unreadable {
        assert_eq!(value.backup_key, storage::backup_key(&value.key));
        assert_eq!(raw().get_item(&value.backup_key).unwrap().as_deref(), Some(value.raw.as_str()), "{}", value.key);
    }

    // An annotation made here with the damaged one's id stays in memory, never over the stored value.
    session.create(0, 5, claim(), "mine", id(7), at()).unwrap();
    session.create(10, 20, claim(), "fine", id(9), at()).unwrap();
    let flushed = flush(&mut session);
    assert_eq!((flushed.written, flushed.problem), (1, None));
    assert!(session.store().get(&id(7)).is_some());
    assert_eq!(raw().get_item(&corrupt_key).unwrap().as_deref(), Some(CORRUPT));
    assert_eq!(raw().get_item(&newer_key).unwrap().as_deref(), Some(NEWER));
    let found: Vec<Uuid> = stored(&doc).iter().map(|a| a.id).collect();
    assert_eq!(found, vec![id(9)]);
}

#[wasm_bindgen_test]
fn a_value_damaged_before_the_flush_is_backed_up_and_not_written_over() {
    clear();
    let doc = article("Damaged later");
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);
    session.create(0, 5, claim(), "mine", id(3), at()).unwrap();
    let key = storage::annotation_key(doc.hash(), &id(3));
    raw().set_item(&key, "not json").unwrap();

    let flushed = flush(&mut session);
    assert_eq!(flushed.problem, None);
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some("not json"));
    assert_eq!(raw().get_item(&storage::backup_key(&key)).unwrap().as_deref(), Some("not json"));
    assert!(session.unreadable().iter().any(|u| u.key == key), "{:?}", session.unreadable());
    assert!(session.store().get(&id(3)).is_some(), "the change stays in memory");
    session.set_note(id(3), "changed again", at()).unwrap();
    flush(&mut session);
    assert_eq!(raw().get_item(&key).unwrap().as_deref(), Some("not json"), "the key is never written");
}

#[wasm_bindgen_test]
fn unreadable_tag_sets_and_side_lists_are_kept_backed_up_and_never_written() {
    clear();
    let doc = article("Unreadable parts");
    let tags_key = storage::tags_key(doc.hash());
    let side_key = storage::side_key(doc.hash(), SideList::Orphans);
    let tags_raw = "{\"schema\":1,\"tags\":{\"tags\":[{\"id\":\"x\",\"name\":\"X\",\"colour\":\"red;}\"";
    let side_raw = "{\"schema\":4,\"annotations\":[]}";
    raw().set_item(&tags_key, tags_raw).unwrap();
    raw().set_item(&side_key, side_raw).unwrap();
    // An earlier backup is the one kept.
    raw().set_item(&storage::backup_key(&side_key), "first backup").unwrap();
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);

    let unreadable = session.unreadable();
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    let tags = unreadable.iter().find(|u| u.key == tags_key).expect("the tag set is reported");
    assert_eq!(raw().get_item(&tags.backup_key).unwrap().as_deref(), Some(tags_raw));
    let side = unreadable.iter().find(|u| u.key == side_key).expect("the side list is reported");
    assert_eq!(side.error, storage::DecodeError::NewerSchema(4));
    assert_eq!(raw().get_item(&side.backup_key).unwrap().as_deref(), Some("first backup"));

    // Editing the tag set works in memory; neither key is ever written.
    session.edit_tags(TagEdit::Rename { id: claim(), name: "Assertion".into() }, at()).unwrap();
    assert_eq!(session.tags().tags[0].name, "Assertion");
    queue.borrow_mut().put(side_key.clone(), Write::Value(None));
    let flushed = flush(&mut session);
    assert_eq!(flushed.problem, None);
    assert_eq!(raw().get_item(&tags_key).unwrap().as_deref(), Some(tags_raw));
    assert_eq!(raw().get_item(&side_key).unwrap().as_deref(), Some(side_raw));
}

#[wasm_bindgen_test]
fn tag_sets_and_side_lists_round_trip_and_an_empty_list_removes_its_key() {
    clear();
    let doc = article("Readable parts");
    let side_key = storage::side_key(doc.hash(), SideList::Orphans);
    let orphan = Annotation {
        id: id(5),
        target: describe(&doc, 0, 5),
        tags: vec![claim()],
        note: "unplaced".into(),
        author: "Ana".into(),
        created: at(),
        modified: at(),
    };
    raw().set_item(&side_key, &storage::encode_list(std::slice::from_ref(&orphan))).unwrap();
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);
    assert_eq!(**session.tags(), TagSet::default());
    assert_eq!(session.orphans().to_vec(), vec![orphan]);

    session.edit_tags(TagEdit::Rename { id: claim(), name: "Assertion".into() }, at()).unwrap();
    session.discard_orphan(id(5)).unwrap();
    assert_eq!(flush(&mut session).problem, None);
    assert_eq!(raw().get_item(&side_key).unwrap(), None);
    let reopened = open(&doc, &SharedQueue::default());
    assert_eq!(reopened.tags(), session.tags());
    assert_eq!(reopened.tags().tags[0].name, "Assertion");
    assert!(reopened.orphans().is_empty());
}

#[wasm_bindgen_test]
fn full_storage_keeps_writes_queued_and_the_next_flush_writes_them() {
    for firefox in [false, true] {
        clear();
        let doc = article("Full");
        let queue = SharedQueue::default();
        let mut session = open(&doc, &queue);
        session.create(0, 5, claim(), "saved before the disk filled", id(1), at()).unwrap();
        assert_eq!(flush(&mut session).problem, None);

        set_full(firefox, true);
        session.create(10, 20, claim(), "made while full", id(2), at()).unwrap();
        let flushed = flush(&mut session);
        let (queued, problem) = (queue.borrow().len(), queue.borrow().problem().cloned());
        let on_disk = stored(&doc);
        let reopened = open(&doc, &queue).store().len();
        set_full(firefox, false);

        assert_eq!((flushed.written, flushed.problem), (0, Some(StorageProblem::Full)), "firefox: {firefox}");
        assert_eq!((queued, problem), (1, Some(StorageProblem::Full)));
        assert_eq!(session.store().len(), 2, "the change is kept in memory");
        assert_eq!(on_disk, vec![session.store().get(&id(1)).unwrap().clone()], "the last good state is intact");
        assert_eq!(reopened, 2, "opening the article again shows what is still queued");

        let flushed = flush(&mut session);
        assert_eq!((flushed.written, flushed.problem), (1, None));
        assert_eq!(queue.borrow().problem(), None);
        assert!(queue.borrow().is_empty());
        assert_eq!(stored(&doc), mine(&session));
    }
}

#[wasm_bindgen_test]
fn a_real_quota_error_is_recognised_as_full() {
    clear();
    // Fill storage to the last few characters: chunks of 1 M characters, then ever smaller ones.
    let mut first_error = None;
    let mut filler = 0;
    let mut size = 1 << 20;
    while size > 0 {
        match raw().set_item(&format!("filler-{filler}"), &"x".repeat(size)) {
            Ok(()) => filler += 1,
            Err(error) => {
                first_error.get_or_insert(error);
                size /= 2;
            }
        }
        assert!(filler < 1_000, "localStorage has a quota");
    }
    let error = first_error.expect("localStorage has a quota");
    assert_eq!(marginalia::ui::browser::storage::classify(&error), StorageProblem::Full);
    let queue = SharedQueue::default();
    let mut session = open(&article("Quota"), &queue);
    session.create(0, 5, claim(), "no room left", id(1), at()).unwrap();
    let flushed = flush(&mut session);
    clear();
    assert_eq!(flushed.problem, Some(StorageProblem::Full));
    assert_eq!(queue.borrow().len(), 1);
}

#[wasm_bindgen_test]
fn blocked_storage_reports_unavailable_and_the_session_works_in_memory() {
    clear();
    let doc = article("Blocked");
    let queue = SharedQueue::default();
    block_storage(true);
    let read = LocalKv.get(storage::AUTHOR_KEY);
    let mut session = open(&doc, &queue);
    let created = session.create(0, 5, claim(), "in memory", id(1), at());
    let flushed = flush(&mut session);
    let queued = queue.borrow().len();
    let undone = session.undo().is_some() && session.store().is_empty();
    let redone = session.redo().is_some() && session.store().len() == 1;
    block_storage(false);

    assert!(matches!(read, Err(StorageProblem::Unavailable(ref why)) if why.contains("SecurityError")), "{read:?}");
    assert!(created.is_ok(), "{created:?}");
    assert!(matches!(flushed.problem, Some(StorageProblem::Unavailable(_))), "{flushed:?}");
    assert_eq!(queued, 1, "the write stays queued");
    assert!(undone && redone, "undo and redo work without storage");

    // Storage is back: the next flush writes what was made meanwhile.
    assert_eq!(flush(&mut session).written, 1);
    assert_eq!(stored(&doc), mine(&session));
}

/// The crash message, which must be there.
fn crash_panel() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    document.get_element_by_id("crashed").expect("the crash message is shown")
}

#[wasm_bindgen_test]
fn a_panic_writes_the_queue_and_shows_a_message_with_a_reload_button() {
    clear();
    let doc = article("Crash");
    let queue = SharedQueue::default();
    let mut session = open(&doc, &queue);
    session.create(0, 5, claim(), "not flushed yet", id(1), at()).unwrap();
    assert_eq!(queue.borrow().len(), 1);

    crash::on_panic(&queue, &EN);

    let key = storage::annotation_key(doc.hash(), &id(1));
    assert_eq!(raw().get_item(&key).unwrap(), Some(storage::encode(session.store().get(&id(1)).unwrap())));
    assert!(queue.borrow().is_empty());
    let panel = crash_panel();
    let focused = web_sys::window().unwrap().document().unwrap().active_element();
    panel.remove();
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(panel.query_selector("p").unwrap().and_then(|p| p.text_content()).as_deref(), Some(EN.crashed));
    let button = panel.query_selector("button").unwrap().expect("a Reload button");
    assert_eq!(button.text_content().as_deref(), Some(EN.reload));
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(focused, Some(button), "the Reload button takes the focus");
}

#[wasm_bindgen_test]
fn a_panic_while_storage_is_full_says_how_many_changes_are_unsaved() {
    clear();
    let queue = SharedQueue::default();
    let mut session = open(&article("Crash while full"), &queue);
    session.create(0, 5, claim(), "one", id(1), at()).unwrap();
    session.create(10, 20, claim(), "two", id(2), at()).unwrap();
    make_storage_full(true);
    crash::on_panic(&queue, &EN);
    make_storage_full(false);

    let panel = crash_panel();
    panel.remove();
    let message = panel.text_content().unwrap_or_default();
    assert!(message.contains(EN.crashed) && message.contains(&(EN.crashed_unsaved)(2)), "{message}");
    assert_eq!(queue.borrow().len(), 2, "nothing is dropped");
}
