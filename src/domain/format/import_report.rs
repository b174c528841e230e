//! The import report's sentences for one accepted file: what it adds, merges, skips or leaves unplaced, and what it changes in the tag set, with tags named as the person knows them.

use crate::domain::format::import::FileSummary;
use crate::domain::i18n::{HandInTexts, Texts};

/// The lines shown under a file's name: first the counts ("Marginalia pack: 2 new, …"), then one
/// sentence per other fact (a starter pack and what it changes, tags added, renamed or removed
/// by name, repairs, entries left out).
pub fn summary_lines(s: &FileSummary, t: &Texts, h: &HandInTexts) -> Vec<String> {
    let format = s.format.map(|f| f.label_in(t)).unwrap_or(t.file);
    let mut facts = vec![
        (t.facts_new)(s.imported),
        (t.facts_merged)(s.merged),
        (t.facts_duplicates)(s.duplicates),
        (t.facts_not_placed)(s.orphaned),
    ];
    if s.moved > 0 {
        facts.push((t.facts_moved)(s.moved));
    }
    if s.fuzzy > 0 {
        facts.push((t.facts_fuzzy)(s.fuzzy));
    }
    if s.unsearched > 0 {
        facts.push((t.facts_unsearched)(s.unsearched));
    }
    let mut lines = vec![format!("{format}: {}.", facts.join(", "))];
    if let Some((locked, key)) = s.starter {
        let mut note = t.starter_note.to_string();
        if locked {
            note.push_str(t.starter_locked);
        }
        if key {
            note.push_str(t.starter_has_key);
        }
        lines.push(note);
    }
    if s.same_article == Some(false) {
        lines.push(t.different_version.to_string());
    }
    let changes = &s.tag_changes;
    if !changes.added.is_empty() {
        lines.push((t.new_tags)(&changes.added.join(", ")));
    }
    if !changes.renamed.is_empty() {
        let renamed: Vec<String> = changes.renamed.iter().map(|(old, new)| format!("{old} → {new}")).collect();
        lines.push((h.renamed_tags)(&renamed.join(", ")));
    }
    if !changes.removed.is_empty() {
        lines.push((h.removed_tags)(&changes.removed.join(", ")));
    }
    if s.repairs.lone_surrogates > 0 {
        lines.push((t.broken_characters)(s.repairs.lone_surrogates));
    }
    for skipped in &s.skipped {
        lines.push((t.skipped)(&skipped.to_string()));
    }
    lines
}
