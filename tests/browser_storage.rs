//! Browser tests for the localStorage adapter: round trips, unreadable values kept, full and blocked storage.
#![cfg(target_arch = "wasm32")]

use marginalia::domain::annotation::{time_from_millis, Annotation, Target};
use marginalia::domain::document::ContentHash;
use marginalia::domain::persist;
use marginalia::domain::store::Change;
use marginalia::domain::tags::TagId;
use marginalia::ui::browser::storage::{local_storage, AnnotationStorage, StorageProblem};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

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

fn article(name: &str) -> ContentHash {
    ContentHash(format!("{:0<64}", name))
}

fn annotation(start: usize, note: &str) -> Annotation {
    let at = time_from_millis(1_700_000_000_000.0);
    Annotation {
        id: Uuid::new_v4(),
        target: Target { start, end: start + 4, exact: "text".into(), prefix: String::new(), suffix: String::new() },
        tags: vec![TagId::new("claim")],
        note: note.into(),
        author: "Ana".into(),
        created: at,
        modified: at,
    }
}

fn added(a: &Annotation) -> Change {
    Change { before: None, after: Some(a.clone()) }
}

fn clear() {
    local_storage().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn saved_annotations_load_back_and_deletes_stick() {
    clear();
    let hash = article("aa11");
    let mut storage = AnnotationStorage::open(hash.clone());
    let (one, two) = (annotation(0, "first"), annotation(10, "ünïcödé 😀 note"));
    storage.save(&added(&one), &[]).unwrap();
    storage.save(&added(&two), &[]).unwrap();
    let mut loaded = AnnotationStorage::open(hash.clone()).load().annotations;
    loaded.sort_by_key(|a| a.target.start);
    assert_eq!(loaded, vec![one.clone(), two.clone()]);

    storage.save(&Change { before: Some(one.clone()), after: None }, &[]).unwrap();
    assert_eq!(AnnotationStorage::open(hash).load().annotations, vec![two]);
}

#[wasm_bindgen_test]
fn other_articles_are_not_loaded() {
    clear();
    let mut a = AnnotationStorage::open(article("bb22"));
    a.save(&added(&annotation(0, "")), &[]).unwrap();
    assert!(AnnotationStorage::open(article("cc33")).load().annotations.is_empty());
}

#[wasm_bindgen_test]
fn unreadable_and_newer_values_are_kept_and_backed_up() {
    clear();
    let hash = article("dd44");
    let raw = local_storage().unwrap();
    let corrupt_key = persist::annotation_key(&hash, &Uuid::new_v4());
    let newer_key = persist::annotation_key(&hash, &Uuid::new_v4());
    raw.set_item(&corrupt_key, "{\"schema\":1,\"annotation\":{\"id\":").unwrap();
    raw.set_item(&newer_key, "{\"schema\":7,\"annotation\":{}}").unwrap();
    let good = annotation(3, "fine");
    let mut storage = AnnotationStorage::open(hash.clone());
    storage.save(&added(&good), &[]).unwrap();

    let loaded = AnnotationStorage::open(hash).load();
    assert_eq!(loaded.annotations, vec![good]);
    assert_eq!(loaded.unreadable.len(), 2);
    let newer = loaded.unreadable.iter().find(|u| u.key == newer_key).unwrap();
    assert_eq!(newer.error, persist::DecodeError::NewerSchema(7));
    // Originals untouched, copies under backup keys.
    assert_eq!(raw.get_item(&corrupt_key).unwrap().unwrap(), "{\"schema\":1,\"annotation\":{\"id\":");
    assert_eq!(
        raw.get_item(&persist::backup_key(&corrupt_key)).unwrap().unwrap(),
        "{\"schema\":1,\"annotation\":{\"id\":"
    );
    assert_eq!(raw.get_item(&persist::backup_key(&newer_key)).unwrap().unwrap(), "{\"schema\":7,\"annotation\":{}}");
}

#[wasm_bindgen_test]
fn protected_keys_are_never_written() {
    clear();
    let hash = article("ee55");
    let a = annotation(0, "x");
    let key = persist::annotation_key(&hash, &a.id);
    local_storage().unwrap().set_item(&key, "not json").unwrap();
    let mut storage = AnnotationStorage::open(hash);
    storage.save(&added(&a), std::slice::from_ref(&key)).unwrap();
    assert_eq!(local_storage().unwrap().get_item(&key).unwrap().unwrap(), "not json");
}

#[wasm_bindgen_test]
fn full_storage_keeps_changes_in_memory_and_saves_them_later() {
    for firefox in [false, true] {
        clear();
        let hash = article("ff66");
        let mut storage = AnnotationStorage::open(hash.clone());
        let kept = annotation(0, "saved before the disk filled");
        storage.save(&added(&kept), &[]).unwrap();
        if firefox {
            make_firefox_full(true)
        } else {
            make_storage_full(true)
        }
        let late = annotation(8, "made while full");
        assert_eq!(storage.save(&added(&late), &[]), Err(StorageProblem::Full));
        assert_eq!(storage.problem(), Some(&StorageProblem::Full));
        assert_eq!(storage.unsaved_count(), 1);
        // The last good state is intact.
        assert_eq!(AnnotationStorage::open(hash.clone()).load().annotations, vec![kept.clone()]);
        if firefox {
            make_firefox_full(false)
        } else {
            make_storage_full(false)
        }
        storage.flush(&[]).unwrap();
        assert_eq!(storage.problem(), None);
        let mut loaded = AnnotationStorage::open(hash).load().annotations;
        loaded.sort_by_key(|a| a.target.start);
        assert_eq!(loaded, vec![kept, late]);
    }
}

#[wasm_bindgen_test]
fn a_real_quota_error_is_recognised_as_full() {
    clear();
    let raw = local_storage().unwrap();
    let chunk = "x".repeat(1 << 20);
    let mut error = None;
    for i in 0..64 {
        if let Err(e) = raw.set_item(&format!("filler-{i}"), &chunk) {
            error = Some(e);
            break;
        }
    }
    let error = error.expect("localStorage has a quota");
    assert_eq!(marginalia::ui::browser::storage::classify(&error), StorageProblem::Full);
    let mut storage = AnnotationStorage::open(article("ab12"));
    let big = annotation(0, &"n".repeat(1 << 20));
    assert_eq!(storage.save(&added(&big), &[]), Err(StorageProblem::Full));
    clear();
}

#[wasm_bindgen_test]
fn blocked_storage_reports_unavailable_and_loads_nothing() {
    block_storage(true);
    let mut storage = AnnotationStorage::open(article("ba98"));
    let problem = storage.problem().cloned();
    let loaded = storage.load();
    let saved = storage.save(&added(&annotation(0, "")), &[]);
    block_storage(false);
    assert!(
        matches!(problem, Some(StorageProblem::Unavailable(ref why)) if why.contains("SecurityError")),
        "{problem:?}"
    );
    assert!(loaded.annotations.is_empty());
    assert!(matches!(saved, Err(StorageProblem::Unavailable(_))));
}

#[wasm_bindgen_test]
fn unreadable_tag_sets_and_side_lists_are_kept_backed_up_and_never_written() {
    use marginalia::domain::persist::SideList;
    use marginalia::domain::tags::TagSet;
    clear();
    let hash = article("cd77");
    let raw = local_storage().unwrap();
    let tags_key = persist::tags_key(&hash);
    let side_key = persist::side_key(&hash, SideList::Orphans);
    raw.set_item(&tags_key, "{\"schema\":1,\"tags\":{\"tags\":[{\"id\":\"x\",\"name\":\"X\",\"colour\":\"red;}\"")
        .unwrap();
    raw.set_item(&side_key, "{\"schema\":4,\"annotations\":[]}").unwrap();
    // An earlier backup is the one kept.
    raw.set_item(&persist::backup_key(&side_key), "first backup").unwrap();
    let mut storage = AnnotationStorage::open(hash.clone());

    let tags = storage.load_tags().unwrap_err();
    assert_eq!(tags.key, tags_key);
    assert_eq!(raw.get_item(&tags.backup_key).unwrap(), raw.get_item(&tags_key).unwrap());
    let side = storage.load_side(SideList::Orphans).unwrap_err();
    assert_eq!(side.error, persist::DecodeError::NewerSchema(4));
    assert_eq!(raw.get_item(&side.backup_key).unwrap().as_deref(), Some("first backup"));

    let protected = vec![tags_key.clone(), side_key.clone()];
    storage.save_tags(&TagSet::default(), &protected).unwrap();
    storage.save_side(SideList::Orphans, &[], &protected).unwrap();
    assert!(raw.get_item(&tags_key).unwrap().unwrap().contains("red;}"));
    assert_eq!(raw.get_item(&side_key).unwrap().as_deref(), Some("{\"schema\":4,\"annotations\":[]}"));

    // Readable values round-trip, and an empty side list removes its key.
    let other = article("cd78");
    let mut fresh = AnnotationStorage::open(other.clone());
    assert_eq!(fresh.load_tags().unwrap(), None);
    fresh.save_tags(&TagSet::default(), &[]).unwrap();
    assert_eq!(fresh.load_tags().unwrap(), Some(TagSet::default()));
    fresh.save_side(SideList::Orphans, &[annotation(0, "lost")], &[]).unwrap();
    assert_eq!(fresh.load_side(SideList::Orphans).unwrap().len(), 1);
    fresh.save_side(SideList::Orphans, &[], &[]).unwrap();
    assert!(raw.get_item(&persist::side_key(&other, SideList::Orphans)).unwrap().is_none());
}
