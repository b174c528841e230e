//! Native tests of keeping two tabs in step: what a tab does with another tab's stored change, the session's history after one, and two sessions sharing one in-memory storage converging through the real save queue.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use marginalia::domain::annotation::tags::TagId;
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, ContentHash, Document};
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::session::sync::{before_write, keep_version, resolve, wins, Resolution};
use marginalia::domain::session::Session;
use marginalia::domain::storage::{self, article_key_kind, ArticleKey, SideList};
use proptest::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_741_442_700 + seconds).expect("a valid time")
}

fn version(n: u128, note: &str, modified: i64) -> Annotation {
    Annotation {
        id: Uuid::from_u128(n),
        target: Target { start: 0, end: 5, exact: "quote".into(), prefix: String::new(), suffix: String::new() },
        tags: vec![TagId::new("claim")],
        note: note.into(),
        author: String::new(),
        created: at(0),
        modified: at(modified),
    }
}

/// A named case: three versions (absent or present) and the expected resolution.
type Case<'a> = (&'a str, Option<&'a Annotation>, Option<&'a Annotation>, Option<&'a Annotation>, Resolution);

#[test]
fn resolve_covers_every_case() {
    let v0 = version(1, "", 0);
    let mine = version(1, "mine", 10);
    let theirs_newer = version(1, "theirs", 20);
    let theirs_older = version(1, "theirs", 5);
    let adopt = |now: Option<&Annotation>, other: Option<&Annotation>| Resolution::Adopt {
        now: now.cloned(),
        other_version: other.cloned(),
    };
    let keep = |other: Option<&Annotation>| Resolution::KeepMine { other_version: other.cloned() };
    let cases: Vec<Case> = vec![
        ("already in step", Some(&mine), Some(&v0), Some(&mine), Resolution::InStep),
        ("both deleted", None, Some(&v0), None, Resolution::InStep),
        ("created there", None, None, Some(&theirs_newer), adopt(Some(&theirs_newer), None)),
        ("edited there only", Some(&v0), Some(&v0), Some(&theirs_newer), adopt(Some(&theirs_newer), None)),
        ("edited there after my edit", Some(&mine), Some(&mine), Some(&theirs_older), adopt(Some(&theirs_older), None)),
        ("deleted there only", Some(&v0), Some(&v0), None, adopt(None, None)),
        ("deleted here, edited there", None, Some(&v0), Some(&theirs_newer), adopt(Some(&theirs_newer), None)),
        ("edited here, deleted there", Some(&mine), Some(&v0), None, keep(None)),
        ("clash, theirs newer", Some(&mine), Some(&v0), Some(&theirs_newer), adopt(Some(&theirs_newer), Some(&mine))),
        ("clash, mine newer", Some(&mine), Some(&v0), Some(&theirs_older), keep(Some(&theirs_older))),
        ("clash, created in both", Some(&mine), None, Some(&theirs_newer), adopt(Some(&theirs_newer), Some(&mine))),
    ];
    for (name, mine, before, after, expected) in cases {
        assert_eq!(resolve(mine, before, after), expected, "{name}");
    }
}

#[test]
fn a_write_checks_what_is_stored_first() {
    let v0 = version(1, "", 0);
    let mine = version(1, "mine", 10);
    let theirs_newer = version(1, "theirs", 20);
    let cases: Vec<Case> = vec![
        ("nothing in between", Some(&v0), Some(&mine), Some(&v0), Resolution::KeepMine { other_version: None }),
        ("created here", None, Some(&mine), None, Resolution::KeepMine { other_version: None }),
        ("deleted here", Some(&v0), None, Some(&v0), Resolution::KeepMine { other_version: None }),
        (
            "edited there in between, later",
            Some(&v0),
            Some(&mine),
            Some(&theirs_newer),
            Resolution::Adopt { now: Some(theirs_newer.clone()), other_version: Some(mine.clone()) },
        ),
        (
            "edited there in between, earlier",
            Some(&v0),
            Some(&theirs_newer),
            Some(&mine),
            Resolution::KeepMine { other_version: Some(mine.clone()) },
        ),
        ("deleted there in between", Some(&v0), Some(&mine), None, Resolution::KeepMine { other_version: None }),
        (
            "edited there, deleted here",
            Some(&v0),
            None,
            Some(&theirs_newer),
            Resolution::Adopt { now: Some(theirs_newer.clone()), other_version: None },
        ),
        ("same edit in both", Some(&v0), Some(&mine), Some(&mine), Resolution::InStep),
    ];
    for (name, before, after, current, expected) in cases {
        assert_eq!(before_write(before, after, current), expected, "{name}");
    }
}

#[test]
fn a_tie_is_broken_the_same_way_in_both_tabs() {
    let a = version(1, "a", 10);
    let b = version(1, "b", 10);
    assert_ne!(wins(&a, &b), wins(&b, &a));
    assert!(!wins(&a, &a));
}

#[test]
fn keep_version_skips_identical_versions() {
    let mut versions = Vec::new();
    keep_version(&mut versions, version(1, "a", 1));
    keep_version(&mut versions, version(1, "a", 1));
    keep_version(&mut versions, version(1, "b", 1));
    assert_eq!(versions.len(), 2);
}

#[test]
fn article_keys_are_told_apart() {
    let article = ContentHash("0123456789abcdef0123".into());
    let other = ContentHash("fedcba9876543210fedc".into());
    let id = Uuid::from_u128(7);
    let cases: Vec<(String, Option<ArticleKey>)> = vec![
        (storage::annotation_key(&article, &id), Some(ArticleKey::Annotation(id))),
        (storage::annotation_key(&other, &id), None),
        (storage::tags_key(&article), Some(ArticleKey::Tags)),
        (storage::side_key(&article, SideList::Conflicts), Some(ArticleKey::Side(SideList::Conflicts))),
        (storage::side_key(&article, SideList::Orphans), Some(ArticleKey::Side(SideList::Orphans))),
        (storage::classroom_key(&article), Some(ArticleKey::Classroom)),
        (storage::article_key(&article), None),
        (storage::backup_key(&storage::annotation_key(&article, &id)), None),
        (format!("marginalia/v1/{}/a/{}", article.short(), id.simple()), None),
        (storage::AUTHOR_KEY.to_string(), None),
        ("unrelated".to_string(), None),
    ];
    for (key, expected) in cases {
        assert_eq!(article_key_kind(&article, &key), expected, "{key}");
    }
}

/// The article both tabs have open.
fn article() -> Rc<Document> {
    Rc::new(Document::new("T", ArticleMeta::default(), &[(BlockKind::Paragraph, "quote and more")]))
}

/// Storage holding `annotations` of [`article`].
fn storage_with(annotations: &[Annotation]) -> MemoryKv {
    let mut kv = MemoryKv::new();
    for a in annotations {
        kv.set(&storage::annotation_key(article().hash(), &a.id), &storage::encode(a)).expect("unlimited");
    }
    kv
}

/// A tab: a session opened on [`article`] over `kv`, its annotations loaded.
fn open_tab(kv: &mut MemoryKv) -> Session {
    let mut session = Session::open(article(), kv, Default::default());
    session.load_annotations(kv);
    session
}

#[test]
fn taking_another_tabs_version_changes_the_session_outside_its_history() {
    let mut kv = storage_with(&[version(1, "", 0), version(2, "", 0)]);
    let mut tab = open_tab(&mut kv);
    tab.set_note(Uuid::from_u128(2), "two", at(1)).expect("note 2");
    tab.set_note(Uuid::from_u128(1), "mine", at(1)).expect("note 1");
    tab.flush(&mut kv, usize::MAX);
    // Another tab stores its own version of annotation 1.
    let theirs = version(1, "theirs", 5);
    let key = storage::annotation_key(article().hash(), &Uuid::from_u128(1));
    kv.set(&key, &storage::encode(&theirs)).expect("unlimited");
    let effects = tab.stored_elsewhere(&mut kv, &key, None);
    assert_eq!(effects.changes.len(), 1);
    assert_eq!(effects.changes[0].after.as_ref(), Some(&theirs));
    assert_eq!(tab.store().get(&Uuid::from_u128(1)), Some(&theirs));
    // Undo reverts only what is about annotation 2; annotation 1 keeps the other tab's version.
    let undone = tab.undo().expect("one step left");
    assert_eq!(undone.changes[0].id(), Uuid::from_u128(2));
    assert!(!tab.can_undo());
    assert_eq!(tab.store().get(&Uuid::from_u128(1)), Some(&theirs));
    assert_eq!(tab.store().get(&Uuid::from_u128(2)).map(|a| a.note.as_str()), Some(""));
    // While its note is typed here, the annotation waits; in step: no change.
    assert!(tab.stored_elsewhere(&mut kv, &key, Some(Uuid::from_u128(1))).is_empty());
    assert!(tab.stored_elsewhere(&mut kv, &key, None).is_empty());
    // A deletion there removes it here.
    kv.remove(&key).expect("unlimited");
    assert_eq!(tab.stored_elsewhere(&mut kv, &key, None).changes.len(), 1);
    assert!(tab.store().get(&Uuid::from_u128(1)).is_none());
}

#[test]
fn a_clash_found_while_writing_keeps_both_versions() {
    let mut kv = storage_with(&[version(1, "", 0)]);
    let mut tab = open_tab(&mut kv);
    tab.set_note(Uuid::from_u128(1), "mine", at(10)).expect("note");
    // Before this tab writes, another one stores a later edit of the same annotation.
    let theirs = version(1, "theirs", 20);
    let key = storage::annotation_key(article().hash(), &Uuid::from_u128(1));
    kv.set(&key, &storage::encode(&theirs)).expect("unlimited");
    let (effects, flushed) = tab.flush(&mut kv, usize::MAX);
    assert!(effects.clashed && effects.conflicts, "{effects:?}");
    assert_eq!(flushed.problem, None);
    assert_eq!(tab.store().get(&Uuid::from_u128(1)), Some(&theirs), "the later edit wins");
    assert_eq!(tab.conflicts().iter().map(|a| a.note.as_str()).collect::<Vec<_>>(), ["mine"]);
    // The other version is queued under the article's conflicts key and written by the next flush.
    tab.flush(&mut kv, usize::MAX);
    let stored = kv.get(&storage::side_key(article().hash(), SideList::Conflicts)).unwrap().expect("stored");
    assert_eq!(storage::decode_list(&stored).unwrap()[0].note, "mine");
    assert_eq!(storage::decode(&kv.get(&key).unwrap().unwrap()).unwrap(), theirs, "storage keeps the winner");
}

/// Two tabs (sessions) sharing one storage; the keys one tab writes wait in the other's inbox
/// until a `Deliver` step hands them over, so edits cross as they do between busy tabs (or
/// while a note is being typed).
struct TwoTabs {
    storage: MemoryKv,
    /// Notes a tab changed or deleted on purpose (its edit started from them).
    superseded: Vec<String>,
    tabs: [Session; 2],
    inboxes: [Vec<String>; 2],
}

impl TwoTabs {
    /// A tab's own change, saved as the app saves it: through its queue's flush.
    fn edit(&mut self, tab: usize, change: impl FnOnce(&mut Session) -> bool) -> bool {
        if !change(&mut self.tabs[tab]) {
            return false;
        }
        while !self.tabs[tab].queue().borrow().is_empty() {
            let queued: Vec<String> = self.tabs[tab].queue().borrow().keys_with_prefix("").cloned().collect();
            let (effects, flushed) = self.tabs[tab].flush(&mut self.storage, usize::MAX);
            assert_eq!(flushed.problem, None);
            self.superseded.extend(effects.changes.iter().flat_map(|c| c.before.iter().map(|a| a.note.clone())));
            self.inboxes[1 - tab].extend(queued);
        }
        true
    }

    /// The tab handles its storage events: it takes what is stored now.
    fn deliver(&mut self, tab: usize) {
        for key in std::mem::take(&mut self.inboxes[tab]) {
            self.tabs[tab].stored_elsewhere(&mut self.storage, &key, None);
        }
    }
}

#[derive(Debug, Clone)]
enum Step {
    Note { tab: usize, id: u8, at: i64 },
    Delete { tab: usize, id: u8 },
    Deliver { tab: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..2usize, 0..3u8, 1..50i64).prop_map(|(tab, id, at)| Step::Note { tab, id, at }),
        (0..2usize, 0..3u8).prop_map(|(tab, id)| Step::Delete { tab, id }),
        (0..2usize).prop_map(|tab| Step::Deliver { tab }),
    ]
}

proptest! {
    /// Whatever two tabs do, once every event is delivered both hold what storage holds, and
    /// every note typed in either tab survives: as the annotation, as another version, or overwritten
    /// only by a later edit of the same tab.
    #[test]
    fn two_tabs_converge_on_what_is_stored(steps in prop::collection::vec(step(), 0..40)) {
        let seed: Vec<Annotation> = (0..3).map(|n| version(n, "", 0)).collect();
        let mut storage = storage_with(&seed);
        let tabs = [open_tab(&mut storage), open_tab(&mut storage)];
        let mut tabs = TwoTabs { storage, superseded: Vec::new(), tabs, inboxes: Default::default() };
        let mut notes: Vec<(usize, u8, String)> = Vec::new();
        for step in steps {
            match step {
                Step::Note { tab, id, at: seconds } => {
                    let note = format!("tab {tab} at {seconds}");
                    let id_ = Uuid::from_u128(id.into());
                    let before = tabs.tabs[tab].store().get(&id_).map(|a| a.note.clone());
                    if tabs.edit(tab, |s| s.set_note(id_, &note, at(seconds)).is_ok_and(|e| !e.is_empty())) {
                        tabs.superseded.extend(before);
                        notes.push((tab, id, note));
                    }
                }
                Step::Delete { tab, id } => {
                    let id_ = Uuid::from_u128(id.into());
                    let before = tabs.tabs[tab].store().get(&id_).map(|a| a.note.clone());
                    if tabs.edit(tab, |s| s.delete(id_).is_ok()) {
                        tabs.superseded.extend(before);
                    }
                }
                Step::Deliver { tab } => tabs.deliver(tab),
            }
        }
        tabs.deliver(0);
        tabs.deliver(1);
        let prefix = storage::article_prefix(article().hash());
        let mut stored: Vec<Annotation> = tabs.storage.values.iter()
            .filter(|(k, _)| k.starts_with(&prefix))
            .map(|(_, v)| storage::decode(v).unwrap())
            .collect();
        stored.sort_by_key(|a| a.id);
        for tab in &tabs.tabs {
            let mut held: Vec<Annotation> = tab.store().in_order().cloned().collect();
            held.sort_by_key(|a| a.id);
            prop_assert_eq!(&held, &stored);
        }
        // Every note typed in either tab is stored, kept as another version, or was changed or
        // deleted by an edit made on top of it (in either tab).
        let conflicts_key = storage::side_key(article().hash(), SideList::Conflicts);
        let versions: Vec<Annotation> = tabs.tabs.iter().flat_map(|t| t.conflicts().iter().cloned())
            .chain(tabs.storage.get(&conflicts_key).unwrap().map(|v| storage::decode_list(&v).unwrap()).unwrap_or_default())
            .collect();
        for (tab, id, note) in &notes {
            let id = Uuid::from_u128((*id).into());
            let kept = stored.iter().any(|a| a.id == id && &a.note == note)
                || versions.iter().any(|a| a.id == id && &a.note == note)
                || tabs.superseded.contains(note);
            prop_assert!(kept, "the note {:?} of tab {} was lost", note, tab);
        }
    }
}
