//! Native tests of presets kept in step across tabs: the merge of another tab's change, case by case, and two sessions sharing one in-memory storage whose writes reach each other late, converging with no saved preset lost.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::{article, open, tag};
use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::session::kv::{KeyValue, MemoryKv, StorageProblem};
use marginalia::domain::session::preset_sync::{free_name, merge};
use marginalia::domain::session::Session;
use marginalia::domain::storage::presets::{Preset, Presets, MAX_NAME};
use marginalia::domain::storage::{self, PRESETS_KEY};
use proptest::prelude::*;

const PALETTE: [&str; 4] = ["#e69f00", "#56b4e9", "#009e73", "#d55e00"];

/// Tag set number `n`: one tag, told apart by its colour.
fn set(n: usize) -> TagSet {
    TagSet { tags: vec![tag("t", PALETTE[n % PALETTE.len()])] }
}

fn p(name: &str, n: usize) -> Preset {
    Preset::new(name, &set(n))
}

fn list(presets: Vec<Preset>, last: Option<&str>) -> Presets {
    Presets { list: presets, last: last.map(str::to_string) }
}

#[test]
fn merge_covers_every_case() {
    let (a, a2, b) = (p("A", 0), p("A", 1), p("B", 0));
    // "A" saved in both tabs with different sets: the name goes to the set whose stored form
    // sorts first, in whichever tab merges.
    let first_of = |x: &Preset, y: &Preset| {
        let key = |q: &Preset| storage::encode_presets(&list(vec![q.clone()], None));
        if key(x) <= key(y) {
            x.clone()
        } else {
            y.clone()
        }
    };
    let (c0, c1) = (p("A", 2), p("A", 3));
    let (kept, renamed) = if first_of(&c0, &c1) == c0 { (c0.clone(), c1.clone()) } else { (c1.clone(), c0.clone()) };
    let renamed = Preset { name: "A (2)".into(), ..renamed };
    type Case<'a> = (&'a str, Presets, Presets, Presets, Presets);
    let cases: Vec<Case> = vec![
        (
            "saved there",
            list(vec![a.clone()], None),
            list(vec![a.clone()], None),
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], None),
        ),
        (
            "saved in both, different names",
            list(vec![a.clone()], None),
            list(vec![], None),
            list(vec![b.clone()], None),
            list(vec![a.clone(), b.clone()], None),
        ),
        (
            "deleted there",
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], None),
            list(vec![b.clone()], None),
            list(vec![b.clone()], None),
        ),
        (
            "changed there",
            list(vec![a.clone()], None),
            list(vec![a.clone()], None),
            list(vec![a2.clone()], None),
            list(vec![a2.clone()], None),
        ),
        (
            "changed here, deleted there: the edit stays",
            list(vec![a2.clone()], None),
            list(vec![a.clone()], None),
            list(vec![], None),
            list(vec![a2.clone()], None),
        ),
        (
            "deleted here, changed there: the edit comes back",
            list(vec![], None),
            list(vec![a.clone()], None),
            list(vec![a2.clone()], None),
            list(vec![a2.clone()], None),
        ),
        (
            "the same save in both",
            list(vec![a.clone()], None),
            list(vec![], None),
            list(vec![a.clone()], None),
            list(vec![a.clone()], None),
        ),
        (
            "one name, two sets: both kept",
            list(vec![c0.clone()], None),
            list(vec![], None),
            list(vec![c1.clone()], None),
            list(vec![kept.clone(), renamed.clone()], None),
        ),
        (
            "one name, two sets, merged the other way round: the same result",
            list(vec![c1.clone()], None),
            list(vec![], None),
            list(vec![c0.clone()], None),
            list(vec![kept.clone(), renamed.clone()], None),
        ),
        (
            "their set held here already under another name: not copied",
            list(vec![c0.clone(), Preset { name: "A (2)".into(), ..c1.clone() }], None),
            list(vec![], None),
            list(vec![c1.clone()], None),
            list(vec![c0.clone(), Preset { name: "A (2)".into(), ..c1.clone() }], None),
        ),
        (
            "names are one name in any case",
            list(vec![p("debate", 0)], None),
            list(vec![p("debate", 0)], None),
            list(vec![p("Debate", 1)], None),
            list(vec![p("Debate", 1)], None),
        ),
        (
            "chosen there",
            list(vec![a.clone(), b.clone()], Some("A")),
            list(vec![a.clone(), b.clone()], Some("A")),
            list(vec![a.clone(), b.clone()], Some("B")),
            list(vec![a.clone(), b.clone()], Some("B")),
        ),
        (
            "chosen here, untouched there",
            list(vec![a.clone(), b.clone()], Some("B")),
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], Some("B")),
        ),
        (
            "chosen in both: the same in every tab",
            list(vec![a.clone(), b.clone()], Some("A")),
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], Some("B")),
            list(vec![a.clone(), b.clone()], Some("B")),
        ),
        (
            "chosen in both, the other way round",
            list(vec![a.clone(), b.clone()], Some("B")),
            list(vec![a.clone(), b.clone()], None),
            list(vec![a.clone(), b.clone()], Some("A")),
            list(vec![a.clone(), b.clone()], Some("B")),
        ),
    ];
    for (name, mine, old, new, expected) in cases {
        assert_eq!(merge(&mine, &old, &new), expected, "{name}");
    }
}

#[test]
fn a_free_name_is_numbered_and_fits() {
    let taken = [p("Debate", 0), p("debate (2)", 1)];
    assert_eq!(free_name("Essay", &[&taken]), "Essay");
    assert_eq!(free_name("Debate", &[&taken]), "Debate (3)");
    let long = "x".repeat(MAX_NAME);
    let name = free_name(&long, &[&[p(&long, 0)]]);
    assert!(name.ends_with(" (2)") && name.chars().count() <= MAX_NAME, "{name}");
}

/// Storage shared by the tabs, recording each write's old and new value (what the `storage`
/// event tells the other tabs). While `stale` is set, the presets read back are that older value:
/// a tab that has not received another tab's write yet (two browser processes writing at once).
#[derive(Default)]
struct Recorded {
    kv: MemoryKv,
    events: Vec<(String, Option<String>, Option<String>)>,
    stale: Option<Option<String>>,
}

impl KeyValue for Recorded {
    fn get(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        match &self.stale {
            Some(value) if key == PRESETS_KEY => Ok(value.clone()),
            _ => self.kv.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageProblem> {
        let old = self.kv.get(key)?;
        self.kv.set(key, value)?;
        self.events.push((key.to_string(), old, Some(value.to_string())));
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageProblem> {
        let old = self.kv.get(key)?;
        self.kv.remove(key)?;
        self.events.push((key.to_string(), old, None));
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageProblem> {
        self.kv.keys()
    }
}

/// Two tabs over one storage; each write's event waits in the other tab's inbox until a
/// `Deliver` step, so saves cross as they do between tabs that have not heard of each other.
struct TwoTabs {
    storage: Recorded,
    tabs: [Session; 2],
    inboxes: [Vec<(Option<String>, Option<String>)>; 2],
    /// The presets value before the last write, and which tab made it.
    before_last: Option<(Option<String>, usize)>,
}

impl TwoTabs {
    fn new() -> TwoTabs {
        let mut kv = MemoryKv::new();
        let tabs = [open(article(), &mut kv), open(article(), &mut kv)];
        TwoTabs {
            storage: Recorded { kv, ..Recorded::default() },
            tabs,
            inboxes: Default::default(),
            before_last: None,
        }
    }

    /// Writes what tab `tab` queued, as the app does at once; the other tab's inbox gets the events.
    fn flush(&mut self, tab: usize) {
        self.flush_seeing(tab, false);
    }

    /// [`Self::flush`]; when `stale`, the tab reads the presets as they were before the other
    /// tab's last write, if it has not heard of that write yet (it has not reached this tab's
    /// browser process).
    fn flush_seeing(&mut self, tab: usize, stale: bool) {
        if stale && !self.inboxes[tab].is_empty() {
            self.storage.stale = self.before_last.clone().filter(|(_, by)| *by != tab).map(|(value, _)| value);
        }
        let (_, flushed) = self.tabs[tab].flush(&mut self.storage, usize::MAX);
        self.storage.stale = None;
        assert_eq!(flushed.problem, None);
        for (key, old, new) in std::mem::take(&mut self.storage.events) {
            if key == PRESETS_KEY {
                self.before_last = Some((old.clone(), tab));
                self.inboxes[1 - tab].push((old, new));
            }
        }
    }

    /// Tab `tab` hears the other tab's writes, in order, and writes what it then queues.
    fn deliver(&mut self, tab: usize) {
        for (old, new) in std::mem::take(&mut self.inboxes[tab]) {
            self.tabs[tab].presets_stored_elsewhere(&self.storage, old.as_deref(), new.as_deref());
            self.flush(tab);
        }
    }

    fn stored(&self) -> Presets {
        self.storage.kv.get(PRESETS_KEY).unwrap().map(|v| storage::decode_presets(&v).unwrap()).unwrap_or_default()
    }
}

fn same(a: &Presets, b: &Presets) -> bool {
    a.last == b.last && a.list.len() == b.list.len() && a.list.iter().all(|p| b.list.contains(p))
}

/// Both tabs save a different preset before hearing of each other. In one browser process the
/// second save is made on top of the first; in two processes at once it goes over it, and the
/// tab whose save was written over hears of it and writes both back. Either way both are kept,
/// in both tabs and in storage.
#[test]
fn two_tabs_saving_at_once_keep_both() {
    for stale in [false, true] {
        let mut tabs = TwoTabs::new();
        tabs.tabs[0].import_presets(vec![p("Debate", 0)]).expect("room");
        tabs.flush(0);
        tabs.tabs[1].import_presets(vec![p("Essay", 1)]).expect("room");
        tabs.flush_seeing(1, stale);
        let expected = if stale { 1 } else { 2 };
        assert_eq!(tabs.stored().list.len(), expected, "stale: {stale}");
        tabs.deliver(0);
        tabs.deliver(1);
        tabs.deliver(0);
        for tab in &tabs.tabs {
            assert_eq!(tab.presets(), &tabs.stored(), "stale: {stale}");
        }
        let mut names: Vec<String> = tabs.stored().list.into_iter().map(|p| p.name).collect();
        names.sort();
        assert_eq!(names, ["Debate", "Essay"], "stale: {stale}");
    }
    // A deletion there reaches this tab; nothing is written back.
    let mut tabs = TwoTabs::new();
    tabs.tabs[0].import_presets(vec![p("Debate", 0), p("Essay", 1)]).expect("room");
    tabs.flush(0);
    tabs.deliver(1);
    tabs.tabs[0].delete_preset(0);
    tabs.flush(0);
    let (old, new) = tabs.inboxes[1].pop().expect("the deletion's event");
    let effects = tabs.tabs[1].presets_stored_elsewhere(&tabs.storage, old.as_deref(), new.as_deref());
    assert!(effects.presets && effects.writes.is_empty(), "{effects:?}");
    assert_eq!(tabs.tabs[1].presets().list, [p("Essay", 1)]);
}

#[derive(Debug, Clone)]
enum Step {
    /// `stale`: written from a view that lacks the other tab's last write.
    Save {
        tab: usize,
        name: u8,
        set: usize,
        stale: bool,
    },
    Delete {
        tab: usize,
        name: u8,
    },
    Deliver {
        tab: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..2usize, 0..3u8, 0..4usize, any::<bool>()).prop_map(|(tab, name, set, stale)| Step::Save {
            tab,
            name,
            set,
            stale
        }),
        (0..2usize, 0..3u8).prop_map(|(tab, name)| Step::Delete { tab, name }),
        (0..2usize).prop_map(|tab| Step::Deliver { tab }),
    ]
}

proptest! {
    /// Whatever two tabs save and delete, once every event is heard both hold what storage
    /// holds, and every tag set saved in either tab is stored (under some name) unless a tab
    /// replaced or deleted it while holding it.
    #[test]
    fn two_tabs_converge_and_lose_no_preset(steps in prop::collection::vec(step(), 0..40)) {
        let mut tabs = TwoTabs::new();
        let mut saved: Vec<TagSet> = Vec::new();
        let mut superseded: Vec<TagSet> = Vec::new();
        for step in steps {
            match step {
                Step::Save { tab, name, set: n, stale } => {
                    let name = format!("Set {name}");
                    let held = tabs.tabs[tab].presets().list.iter().find(|p| p.name == name).map(|p| p.tags.clone());
                    let preset = p(&name, n);
                    superseded.extend(held.filter(|t| *t != preset.tags));
                    saved.push(preset.tags.clone());
                    tabs.tabs[tab].import_presets(vec![preset]).expect("room");
                    tabs.flush_seeing(tab, stale);
                }
                Step::Delete { tab, name } => {
                    let name = format!("Set {name}");
                    if let Some(i) = tabs.tabs[tab].presets().list.iter().position(|p| p.name == name) {
                        superseded.push(tabs.tabs[tab].presets().list[i].tags.clone());
                        tabs.tabs[tab].delete_preset(i);
                        tabs.flush(tab);
                    }
                }
                Step::Deliver { tab } => tabs.deliver(tab),
            }
        }
        let mut rounds = 0;
        while !tabs.inboxes[0].is_empty() || !tabs.inboxes[1].is_empty() {
            rounds += 1;
            prop_assert!(rounds < 50, "the tabs keep writing back and forth");
            tabs.deliver(0);
            tabs.deliver(1);
        }
        let stored = tabs.stored();
        for tab in &tabs.tabs {
            prop_assert!(same(tab.presets(), &stored), "{:?} holds {:?}", stored, tab.presets());
        }
        for tags in &saved {
            prop_assert!(
                stored.list.iter().any(|p| &p.tags == tags) || superseded.contains(tags),
                "the set {:?} was lost: {:?}", tags, stored
            );
        }
    }
}
