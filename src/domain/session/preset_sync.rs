//! Keeping the person's presets in step across tabs: a tab writes its change on top of what another tab stored, takes what other tabs store, and when two tabs wrote at once the one whose write went over the other's merges it back, so no save is lost.
//!
//! The list is one stored value, so a tab that saved without having seen another tab's save
//! would write over it. Two things prevent that:
//! - A tab writes its presets at once, reading storage first: when another tab wrote since
//!   this tab's list was last in step, this tab's own change (from that list to its list) is
//!   made on top of the stored value ([`merge`]) rather than writing over it.
//! - Two browser processes can still write at the same moment, each before the other's write
//!   reaches it. The `storage` event tells each tab the value the other replaced: a tab whose
//!   own write went over the same value knows the two writes crossed, adds every preset of the
//!   other's value it lacks, and writes the list back. (Otherwise a tab takes what is stored,
//!   or waits for the event of the later write storage already holds.)
//!
//! Where two changes meet on one preset, nothing is lost: an edit beats a deletion, and two
//! different tag sets under one name are both kept, the name going to the one whose stored form
//! sorts first and the other getting a free name ("Debate (2)"), so every tab decides alike.

use std::rc::Rc;

use super::kv::KeyValue;
use super::load::Overlay;
use super::queue::Write;
use super::{Effects, Session};
use crate::domain::storage::presets::{Preset, Presets, MAX_NAME, MAX_PRESETS};
use crate::domain::storage::{self, PRESETS_KEY};
use crate::domain::text::lowercase::lower;

/// `mine` with another tab's change from `old` to `new` brought in, preset by preset (names
/// compared as `Presets::put` compares them, case-insensitively); the list keeps at most
/// [`MAX_PRESETS`], as storage can.
pub fn merge(mine: &Presets, old: &Presets, new: &Presets) -> Presets {
    let find = |list: &[Preset], name: &str| list.iter().position(|p| lower(&p.name) == name);
    let mut out = mine.clone();
    // A name in both lists is looked at twice: the second look finds nothing left to do.
    for name in old.list.iter().chain(&new.list).map(|p| lower(&p.name)) {
        let there_before = find(&old.list, &name).map(|i| &old.list[i]);
        let there = find(&new.list, &name).map(|i| &new.list[i]);
        let here = find(&out.list, &name);
        let here_preset = here.map(|i| &out.list[i]);
        if there_before == there || here_preset == there {
            continue;
        }
        match (here, there) {
            // Unchanged here: the other tab's change is taken.
            (Some(i), Some(theirs)) if here_preset == there_before => out.list[i] = theirs.clone(),
            (Some(i), None) if here_preset == there_before => {
                out.list.remove(i);
            }
            // Deleted here or never here: theirs comes (back): an edit beats a deletion.
            (None, Some(theirs)) => out.list.push(theirs.clone()),
            // Changed here, deleted there: the edit stays.
            (Some(_), None) | (None, None) => {}
            // Both changed it: both kept, unless this tab holds their tag set already.
            (Some(i), Some(theirs)) => {
                if out.list.iter().any(|p| p.tags == theirs.tags) {
                    continue;
                }
                let ours = out.list[i].clone();
                let (first, second) =
                    if sort_key(theirs) < sort_key(&ours) { (theirs.clone(), ours) } else { (ours, theirs.clone()) };
                let name = free_name(&second.name, &[&out.list, &new.list]);
                out.list[i] = first;
                out.list.push(Preset { name, tags: second.tags });
            }
        }
    }
    if old.last != new.last && out.last != new.last {
        // Chosen there after being the same here: theirs; chosen in both: the same in every tab.
        out.last = if out.last == old.last { new.last.clone() } else { out.last.clone().max(new.last.clone()) };
    }
    out.list.truncate(MAX_PRESETS);
    out
}

/// The order two presets of one name are kept in, the same in every tab: their stored form.
fn sort_key(preset: &Preset) -> String {
    storage::encode_presets(&Presets { list: vec![preset.clone()], last: None })
}

/// `name`, or when a preset of `lists` has it (case-insensitively) the first free "name (2)",
/// "name (3)", … that fits [`MAX_NAME`].
pub fn free_name(name: &str, lists: &[&[Preset]]) -> String {
    let taken = |n: &str| lists.iter().flat_map(|l| l.iter()).any(|p| lower(&p.name) == lower(n));
    if !taken(name) {
        return name.to_string();
    }
    // Room for " (99)", more than a list of `MAX_PRESETS` can need.
    let stem: String = name.chars().take(MAX_NAME - 5).collect();
    (2..).map(|k| format!("{} ({k})", stem.trim_end())).find(|n| !taken(n)).unwrap_or_default()
}

/// How many of its last writes a tab remembers the stored value they went over (a person saves
/// far fewer presets than this before the `storage` event of a write made at once arrives).
const MAX_BASES: usize = 8;

impl Session {
    /// Writes this tab's queued presets now, made on top of what storage holds: when another tab
    /// wrote since this tab's change started (from `presets_base`), the change is merged into
    /// that value ([`merge`]) rather than written over it. Reading and writing in one go keeps a
    /// save that this tab has not heard of yet.
    /// Returns what changed here and whether the value was written.
    pub(super) fn write_presets(&mut self, kv: &mut dyn KeyValue) -> (Effects, bool) {
        let mut effects = Effects::default();
        if !matches!(self.queue.borrow().get(PRESETS_KEY), Some(Write::Value(Some(_)))) {
            return (effects, false);
        }
        let Ok(now) = kv.get(PRESETS_KEY) else { return (effects, false) };
        // A value this app cannot read is written over as before (`presets::load` kept a copy).
        let current = || now.as_deref().map_or(Ok(Presets::default()), storage::decode_presets);
        if let Some(Ok(current)) = (now != self.presets_base).then(current) {
            let base = self.presets_base.as_deref().and_then(|b| storage::decode_presets(b).ok()).unwrap_or_default();
            let merged = merge(&current, &base, &self.presets);
            if merged != *self.presets {
                effects.presets = true;
            }
            self.keep_presets(merged);
        }
        let written = self.queue.borrow_mut().write_now(kv, PRESETS_KEY).is_ok();
        if written {
            self.presets_base = self.presets_written.clone();
            if self.presets_write_bases.len() == MAX_BASES {
                self.presets_write_bases.remove(0);
            }
            self.presets_write_bases.push(now);
        }
        (effects, written)
    }

    /// Another tab replaced the stored presets `old` with `new` (the `storage` event's values;
    /// `None`: absent). Outside the undo history:
    /// - storage still holds `new`: this tab takes it;
    /// - one of this tab's last writes went over the same `old` (both tabs wrote at once, each
    ///   without the other's value, and this tab's went over the other's):
    ///   every preset of `new` this tab lacks joins its list ([`merge`], with nothing taken
    ///   away) and the list is written back (on top of whatever storage holds by then), so
    ///   neither save is lost;
    /// - anything else: a later write's own event follows (or this tab built on `new` when it
    ///   wrote), and nothing changes now.
    ///
    /// A value this app cannot read changes nothing (it is backed up when it is next loaded).
    pub fn presets_stored_elsewhere(&mut self, kv: &dyn KeyValue, old: Option<&str>, new: Option<&str>) -> Effects {
        let read = |value: Option<&str>| value.map_or(Ok(Presets::default()), storage::decode_presets);
        let Ok(theirs) = read(new) else { return Effects::default() };
        let now = Overlay { kv, queue: &self.queue.borrow() }.get(PRESETS_KEY).ok().flatten();
        if now.as_deref() == new {
            self.presets_base = now;
            if theirs == *self.presets {
                return Effects::default();
            }
            self.presets = Rc::new(theirs);
            return Effects { presets: true, ..Effects::default() };
        }
        if !self.presets_write_bases.iter().any(|b| b.as_deref() == old) {
            return Effects::default();
        }
        // What that tab had seen is unknown: its value only adds (a preset it lacks may be one
        // it never heard of, not one it deleted), and a set under a name this tab holds
        // differently is kept beside it.
        let merged = merge(&self.presets, &Presets::default(), &theirs);
        if merged == *self.presets {
            return Effects::default();
        }
        self.keep_presets(merged)
    }
}
