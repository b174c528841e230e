//! Native tests of keeping two tabs in step: what a tab does with another tab's stored change, the store's history after one, and two simulated tabs converging.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::document::ContentHash;
use marginalia::domain::persist::{self, article_key_kind, ArticleKey, SideList};
use marginalia::domain::store::{Command, Store};
use marginalia::domain::sync::{before_write, keep_version, resolve, wins, Resolution};
use marginalia::domain::tags::TagId;
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
        (persist::annotation_key(&article, &id), Some(ArticleKey::Annotation(id))),
        (persist::annotation_key(&other, &id), None),
        (persist::tags_key(&article), Some(ArticleKey::Tags)),
        (persist::side_key(&article, SideList::Conflicts), Some(ArticleKey::Side(SideList::Conflicts))),
        (persist::side_key(&article, SideList::Orphans), Some(ArticleKey::Side(SideList::Orphans))),
        (persist::classroom_key(&article), Some(ArticleKey::Classroom)),
        (persist::article_key(&article), None),
        (persist::backup_key(&persist::annotation_key(&article, &id)), None),
        (format!("marginalia/v1/{}/a/{}", article.short(), id.simple()), None),
        (persist::AUTHOR_KEY.to_string(), None),
        ("unrelated".to_string(), None),
    ];
    for (key, expected) in cases {
        assert_eq!(article_key_kind(&article, &key), expected, "{key}");
    }
}

#[test]
fn sync_changes_the_store_outside_the_history_and_drops_steps_about_that_annotation() {
    let mut store = Store::default();
    store.apply(Command::Create(version(1, "", 0))).expect("create 1");
    store.apply(Command::Create(version(2, "", 0))).expect("create 2");
    store.apply(Command::SetNote { id: Uuid::from_u128(1), note: "mine".into(), at: at(1) }).expect("note");
    let theirs = version(1, "theirs", 5);
    let change = store.sync(Uuid::from_u128(1), Some(theirs.clone())).expect("a change");
    assert_eq!(change.after.as_ref(), Some(&theirs));
    assert_eq!(store.get(&Uuid::from_u128(1)), Some(&theirs));
    // Undo reverts only what is about annotation 2; annotation 1 keeps the other tab's version.
    assert_eq!(store.undo_step().expect("one step left")[0].id(), Uuid::from_u128(2));
    assert!(!store.can_undo());
    assert_eq!(store.get(&Uuid::from_u128(1)), Some(&theirs));
    assert!(store.get(&Uuid::from_u128(2)).is_none());
    // In step: no change; a deletion there removes it here.
    assert!(store.sync(Uuid::from_u128(1), Some(theirs)).is_none());
    assert!(store.sync(Uuid::from_u128(1), None).is_some());
    assert!(store.is_empty());
    // A value for another id is refused.
    assert!(store.sync(Uuid::from_u128(3), Some(version(4, "", 0))).is_none());
}

/// One simulated tab: its store, its other versions and the storage events it has not handled yet.
#[derive(Default)]
struct Tab {
    store: Store,
    conflicts: Vec<Annotation>,
    inbox: Vec<(Uuid, Option<Annotation>, Option<Annotation>)>,
}

/// Two tabs sharing one storage; a write in one queues an event (before, after) for the other.
/// Events are handled only when a `Deliver` step says so, so edits cross as they do between
/// busy tabs (or while a note is being typed).
struct TwoTabs {
    storage: BTreeMap<Uuid, Annotation>,
    /// Every version either tab kept as a conflict.
    versions: Vec<Annotation>,
    /// Notes a tab changed or deleted on purpose (its edit started from them).
    superseded: Vec<String>,
    tabs: [Tab; 2],
}

impl TwoTabs {
    fn write(&mut self, tab: usize, id: Uuid, value: Option<Annotation>) {
        let before = match &value {
            Some(a) => self.storage.insert(id, a.clone()),
            None => self.storage.remove(&id),
        };
        self.tabs[1 - tab].inbox.push((id, before, value));
    }

    /// A tab's own change, written as the app does: checked against what is stored first.
    fn edit(&mut self, tab: usize, command: Command) -> bool {
        let Ok(change) = self.tabs[tab].store.apply(command) else { return false };
        self.superseded.extend(change.before.iter().map(|a| a.note.clone()));
        let id = change.id();
        let current = self.storage.get(&id).cloned();
        match before_write(change.before.as_ref(), change.after.as_ref(), current.as_ref()) {
            Resolution::InStep => {}
            Resolution::KeepMine { other_version } => {
                self.keep(tab, other_version);
                self.write(tab, id, change.after);
            }
            Resolution::Adopt { now, other_version } => {
                self.keep(tab, other_version);
                self.tabs[tab].store.sync(id, now);
            }
        }
        true
    }

    fn keep(&mut self, tab: usize, version: Option<Annotation>) {
        if let Some(version) = version {
            keep_version(&mut self.tabs[tab].conflicts, version.clone());
            self.versions.push(version);
        }
    }

    /// The tab handles its storage events: it takes what is stored now.
    fn deliver(&mut self, tab: usize) {
        let inbox = std::mem::take(&mut self.tabs[tab].inbox);
        for (id, _, _) in inbox {
            let current = self.storage.get(&id).cloned();
            self.tabs[tab].store.sync(id, current);
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
        let mut tabs = TwoTabs {
            storage: seed.iter().map(|a| (a.id, a.clone())).collect(),
            versions: Vec::new(),
            superseded: Vec::new(),
            tabs: [Tab::default(), Tab::default()],
        };
        for tab in &mut tabs.tabs {
            tab.store = Store::from_annotations(seed.clone());
        }
        let mut notes: Vec<(usize, u8, Option<String>)> = Vec::new();
        for step in steps {
            match step {
                Step::Note { tab, id, at: seconds } => {
                    let note = format!("tab {tab} at {seconds}");
                    let command = Command::SetNote { id: Uuid::from_u128(id.into()), note: note.clone(), at: at(seconds) };
                    if tabs.edit(tab, command) {
                        notes.push((tab, id, Some(note)));
                    }
                }
                Step::Delete { tab, id } => {
                    if tabs.edit(tab, Command::Delete { id: Uuid::from_u128(id.into()) }) {
                        notes.push((tab, id, None));
                    }
                }
                Step::Deliver { tab } => tabs.deliver(tab),
            }
        }
        tabs.deliver(0);
        tabs.deliver(1);
        let stored: Vec<&Annotation> = tabs.storage.values().collect();
        for tab in &tabs.tabs {
            let held: Vec<&Annotation> = tab.store.in_order().collect::<Vec<_>>();
            let mut held = held;
            held.sort_by_key(|a| a.id);
            prop_assert_eq!(&held, &stored);
        }
        // Every note typed in either tab is stored, kept as another version, or was changed or
        // deleted by an edit made on top of it (in either tab).
        for (tab, id, note) in &notes {
            let Some(note) = note else { continue };
            let id = Uuid::from_u128((*id).into());
            let kept = tabs.storage.get(&id).is_some_and(|a| &a.note == note)
                || tabs.versions.iter().any(|a| a.id == id && &a.note == note)
                || tabs.superseded.contains(note);
            prop_assert!(kept, "the note {:?} of tab {} was lost", note, tab);
        }
    }
}
