//! Native tests of the session's one undo history (any sequence of operations undone and redone whole) and of a session exported as a pack and imported into an empty one.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::tag_edit::{DeletePolicy, NewTag, TagEdit};
use marginalia::domain::annotation::tags::{TagId, TagSet, UnderlineStyle};
use marginalia::domain::article::document::Document;
use marginalia::domain::format::export::ExportKind;
use marginalia::domain::format::import::ImportFile;
use marginalia::domain::format::pack;
use marginalia::domain::session::kv::MemoryKv;
use marginalia::domain::session::Session;
use proptest::prelude::*;

/// One tag-set edit, its tags picked by index among the set's (and one it does not know).
#[derive(Debug, Clone)]
enum Edit {
    Add { name: usize, hotkey: bool },
    Rename { tag: usize, name: usize },
    Recolour { tag: usize, colour: usize },
    Underline { tag: usize },
    Describe { tag: usize },
    Hotkey { tag: usize, key: Option<char> },
    Move { tag: usize, to: usize },
    Merge { from: usize, into: usize },
    Delete { tag: usize, policy: usize, into: usize },
}

/// One operation; annotations, list entries and tags are picked by index modulo what there is.
#[derive(Debug, Clone)]
enum Op {
    Create {
        at: usize,
        len: usize,
        tag: usize,
        note: bool,
    },
    Toggle {
        which: usize,
        tag: usize,
    },
    Note {
        which: usize,
        note: usize,
    },
    Delete {
        which: usize,
    },
    Edit(Edit),
    DiscardOrphan {
        which: usize,
    },
    DiscardVersion {
        which: usize,
    },
    UseVersion {
        which: usize,
    },
    Attach {
        which: usize,
        at: usize,
        len: usize,
    },
    /// A pack of this article: other versions of some annotations (`versions`: which, seconds
    /// later or earlier), new annotations (`new`: where, how long), `foreign` unplaced ones
    /// and, with `starter`, a teacher's starter pack (locked or not) beside it.
    Import {
        versions: Vec<(usize, i64)>,
        new: Vec<(usize, usize)>,
        foreign: usize,
        starter: Option<bool>,
    },
}

const NAMES: [&str; 4] = ["Evidence", "Source", "Claim", "Point"];
const COLOURS: [&str; 3] = ["#112233", "#ABCDEF", "#d55e00"];
const NOTES: [&str; 3] = ["", "because", "see the budget"];
const STYLES: [UnderlineStyle; 5] = [
    UnderlineStyle::Solid,
    UnderlineStyle::Double,
    UnderlineStyle::Dotted,
    UnderlineStyle::Dashed,
    UnderlineStyle::Wavy,
];

fn edit() -> impl Strategy<Value = Edit> {
    let tag = 0..5usize;
    prop_oneof![
        (0..4usize, any::<bool>()).prop_map(|(name, hotkey)| Edit::Add { name, hotkey }),
        (tag.clone(), 0..4usize).prop_map(|(tag, name)| Edit::Rename { tag, name }),
        (tag.clone(), 0..3usize).prop_map(|(tag, colour)| Edit::Recolour { tag, colour }),
        tag.clone().prop_map(|tag| Edit::Underline { tag }),
        tag.clone().prop_map(|tag| Edit::Describe { tag }),
        (tag.clone(), prop::option::of(prop::sample::select(vec!['a', 'q', '1', '2'])))
            .prop_map(|(tag, key)| Edit::Hotkey { tag, key }),
        (tag.clone(), 0..5usize).prop_map(|(tag, to)| Edit::Move { tag, to }),
        (tag.clone(), tag.clone()).prop_map(|(from, into)| Edit::Merge { from, into }),
        (tag.clone(), 0..3usize, tag).prop_map(|(tag, policy, into)| Edit::Delete { tag, policy, into }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..300usize, 1..40usize, 0..5usize, any::<bool>()).prop_map(|(at, len, tag, note)| Op::Create { at, len, tag, note }),
        2 => (0..20usize, 0..5usize).prop_map(|(which, tag)| Op::Toggle { which, tag }),
        2 => (0..20usize, 0..3usize).prop_map(|(which, note)| Op::Note { which, note }),
        1 => (0..20usize).prop_map(|which| Op::Delete { which }),
        3 => edit().prop_map(Op::Edit),
        1 => (0..5usize).prop_map(|which| Op::DiscardOrphan { which }),
        1 => (0..5usize).prop_map(|which| Op::DiscardVersion { which }),
        1 => (0..5usize).prop_map(|which| Op::UseVersion { which }),
        1 => (0..5usize, 0..300usize, 1..40usize).prop_map(|(which, at, len)| Op::Attach { which, at, len }),
        2 => (
            prop::collection::vec((0..20usize, -5..6i64), 0..3),
            prop::collection::vec((0..300usize, 1..40usize), 0..3),
            0..3usize,
            prop::option::of(any::<bool>()),
        )
            .prop_map(|(versions, new, foreign, starter)| Op::Import { versions, new, foreign, starter }),
    ]
}

/// The tag at `index` of the set, or (one past its end) a tag the set does not know.
fn pick_tag(session: &Session, index: usize) -> TagId {
    let tags = &session.tags().tags;
    tags.get(index % (tags.len() + 1)).map_or_else(|| TagId::new("unknown"), |t| t.id.clone())
}

/// A word-snapped range of `doc` starting near `at`.
fn snapped(doc: &Document, at: usize, len: usize) -> Option<(usize, usize)> {
    let start = at % doc.len_chars();
    doc.snap_selection(start, (start + len).min(doc.len_chars()))
}

fn tag_edit(session: &Session, edit: &Edit) -> TagEdit {
    let tag = |i: &usize| pick_tag(session, *i);
    match edit {
        Edit::Add { name, hotkey } => TagEdit::Add(NewTag {
            name: NAMES[*name].into(),
            colour: COLOURS[*name % 3].into(),
            underline: STYLES[*name],
            description: String::new(),
            hotkey: hotkey.then_some('e'),
        }),
        Edit::Rename { tag: t, name } => TagEdit::Rename { id: tag(t), name: NAMES[*name].into() },
        Edit::Recolour { tag: t, colour } => TagEdit::Recolour { id: tag(t), colour: COLOURS[*colour].into() },
        Edit::Underline { tag: t } => TagEdit::SetUnderline { id: tag(t), underline: STYLES[*t] },
        Edit::Describe { tag: t } => TagEdit::SetDescription { id: tag(t), description: format!("about {t}") },
        Edit::Hotkey { tag: t, key } => TagEdit::SetHotkey { id: tag(t), hotkey: *key },
        Edit::Move { tag: t, to } => TagEdit::Move { id: tag(t), to: *to },
        Edit::Merge { from, into } => TagEdit::Merge { from: tag(from), into: tag(into) },
        Edit::Delete { tag: t, policy, into } => TagEdit::Delete {
            id: tag(t),
            policy: match policy {
                0 => DeletePolicy::RemoveTagFromAnnotations,
                1 => DeletePolicy::ReassignTo(tag(into)),
                _ => DeletePolicy::KeepAsUnknown,
            },
        },
    }
}

/// The files of an [`Op::Import`]; `next` numbers new annotations.
fn import_files(session: &Session, op: &Op, next: &mut u128) -> Vec<String> {
    let Op::Import { versions, new, foreign, starter } = op else { unreachable!("an import") };
    let doc = session.doc().clone();
    let tags = tags_with(&[tag("evidence", "#009e73")]);
    let current: Vec<_> = session.store().in_order().cloned().collect();
    let mut annotations = Vec::new();
    for (which, seconds) in versions {
        let Some(a) = current.get(which % current.len().max(1)) else { continue };
        if annotations.iter().any(|b: &marginalia::domain::annotation::Annotation| b.id == a.id) {
            continue;
        }
        let modified = a.modified + time::Duration::seconds(*seconds);
        annotations.push(marginalia::domain::annotation::Annotation {
            tags: vec![TagId::new("evidence")],
            note: format!("imported {seconds}"),
            modified,
            ..a.clone()
        });
    }
    for (at, len) in new {
        if let Some((start, end)) = snapped(&doc, *at, *len) {
            *next += 1;
            let quote = doc.slice(start, end).to_string();
            annotations.push(ann(&doc, *next, &quote, &["claim", "evidence"], "new", 7));
            annotations.last_mut().expect("pushed").target =
                marginalia::domain::annotation::anchor::describe(&doc, start, end);
        }
    }
    let other = other_article();
    for (i, quote) in ["Zebras graze", "northern river", "Xylophone lessons"].iter().take(*foreign).enumerate() {
        *next += 1;
        annotations.push(ann(&other, *next, quote, &["evidence"], &format!("foreign {i}"), 1));
    }
    let mut files = vec![pack_of(&doc, &tags, &annotations)];
    if let Some(lock) = starter {
        let starter_tags = TagSet { tags: vec![tag("thesis", "#0072b2"), tag("evidence", "#009e73")] };
        *next += 1;
        let key = ann(&doc, *next, "necessary saving", &["thesis"], "", 0);
        files.push(pack::starter(&doc, &starter_tags, *lock, "", &info()));
        files.push(pack::self_check_key(&doc, &starter_tags, [&key], &info()));
    }
    files
}

/// Makes `op` (refusals are fine: they must change nothing); `n` is the operation's number.
fn apply(session: &mut Session, op: &Op, n: i64, next: &mut u128) {
    let doc = session.doc().clone();
    let now = at(100 + n);
    let nth = |session: &Session, which: usize| {
        session.store().in_order().nth(which % session.store().len().max(1)).map(|a| a.id)
    };
    let orphan =
        |session: &Session, which: usize| session.orphans().get(which % session.orphans().len().max(1)).map(|a| a.id);
    let _ = match op {
        Op::Create { at, len, tag, note } => {
            let Some((start, end)) = snapped(&doc, *at, *len) else { return };
            *next += 1;
            let tag = pick_tag(session, *tag);
            session.create(start, end, tag, if *note { "a note" } else { "" }, id(*next), now).map(|_| ())
        }
        Op::Toggle { which, tag } => {
            let Some(id) = nth(session, *which) else { return };
            let tag = pick_tag(session, *tag);
            session.toggle_tag(id, tag, now).map(|_| ())
        }
        Op::Note { which, note } => {
            let Some(id) = nth(session, *which) else { return };
            session.set_note(id, NOTES[*note], now).map(|_| ())
        }
        Op::Delete { which } => {
            let Some(id) = nth(session, *which) else { return };
            session.delete(id).map(|_| ())
        }
        Op::Edit(edit) => {
            let edit = tag_edit(session, edit);
            session.edit_tags(edit, now).map(|_| ())
        }
        Op::DiscardOrphan { which } => {
            let Some(id) = orphan(session, *which) else { return };
            session.discard_orphan(id).map(|_| ())
        }
        Op::DiscardVersion { which } => session.discard_version(which % session.conflicts().len().max(1)).map(|_| ()),
        Op::UseVersion { which } => session.use_version(which % session.conflicts().len().max(1)).map(|_| ()),
        Op::Attach { which, at, len } => {
            let (Some(id), Some((start, end))) = (orphan(session, *which), snapped(&doc, *at, *len)) else { return };
            session.attach(id, start, end, now).map(|_| ())
        }
        Op::Import { .. } => {
            let files = import_files(session, op, next);
            import(session, &files.iter().map(String::as_str).collect::<Vec<_>>()).map(|_| ())
        }
    };
}

/// A session on [`base`]'s storage after `ops`.
fn after(ops: &[Op]) -> (Session, State) {
    let (mut session, _kv) = base();
    let start = state(&session);
    let mut next = 100;
    for (n, op) in ops.iter().enumerate() {
        apply(&mut session, op, n as i64, &mut next);
    }
    (session, start)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Undoing every step gives back the start exactly; redoing every step gives back the end.
    #[test]
    fn undo_all_then_redo_all(ops in prop::collection::vec(op(), 1..25)) {
        let (mut session, start) = after(&ops);
        let end = state(&session);
        let mut steps = 0;
        while session.undo().is_some() {
            steps += 1;
        }
        prop_assert_eq!(&state(&session), &start, "after undoing {} steps", steps);
        while session.redo().is_some() {}
        prop_assert_eq!(&state(&session), &end);
    }

    /// Any state exported as a pack (as the app exports: its annotations and the unplaced ones)
    /// and imported into an empty session gives the same annotations, tags and unplaced list.
    #[test]
    fn a_pack_imports_back_into_an_empty_session(ops in prop::collection::vec(op(), 0..15)) {
        let (session, _) = after(&ops);
        let (exported, imported) = export_and_import(&session);
        prop_assert_eq!(exported, imported);
    }
}

/// (annotations, tags, unplaced annotations by id) of `session`, and of an empty session on the
/// same article after importing the pack `session` exports.
type Exported =
    (Vec<marginalia::domain::annotation::Annotation>, TagSet, Vec<marginalia::domain::annotation::Annotation>);

fn export_and_import(session: &Session) -> (Exported, Exported) {
    let annotations = session.store().in_order().chain(session.orphans().iter());
    let (_, _, contents) = ExportKind::Pack.render(session.doc(), session.tags(), annotations, &info());
    let mut empty = open(session.doc().clone(), &mut MemoryKv::new());
    let pending = empty.plan_import(&[ImportFile { name: "export", bytes: contents.as_bytes() }]);
    if let Err(error) = &pending.plan.reports[0].outcome {
        panic!("the export does not import: {error:?}");
    }
    empty.apply_import(&pending).expect("imported");
    let seen = |s: &Session| {
        let mut orphans = (**s.orphans()).clone();
        orphans.sort_by_key(|a| a.id);
        (s.store().in_order().cloned().collect(), (**s.tags()).clone(), orphans)
    };
    let mut imported = seen(&empty);
    // A tag kept as unknown (its tag deleted, the annotation kept) travels as a plain definition
    // named by its id, which the original shows the same way; nothing else may be added.
    imported.1.tags.retain(|t| {
        !(t.name.starts_with(&t.id.0) && t.colour == "#777777" && !session.tags().tags.iter().any(|o| o.id == t.id))
    });
    (seen(session), imported)
}

/// [`base`] with Quote renamed Citation and recoloured, so undo must bring back more than the default.
fn with_citation() -> Session {
    let (mut session, _kv) = base();
    session.edit_tags(TagEdit::Rename { id: quote(), name: "Citation".into() }, at(1)).expect("renamed");
    session.edit_tags(TagEdit::Recolour { id: quote(), colour: "#123456".into() }, at(1)).expect("recoloured");
    session
}

#[test]
fn undoing_a_tag_merge_or_delete_restores_names_and_colours_with_the_annotations() {
    let edits = [
        TagEdit::Merge { from: quote(), into: claim() },
        TagEdit::Delete { id: quote(), policy: DeletePolicy::RemoveTagFromAnnotations },
        TagEdit::Delete { id: quote(), policy: DeletePolicy::ReassignTo(TagId::new("policy-shift")) },
        TagEdit::Delete { id: quote(), policy: DeletePolicy::KeepAsUnknown },
        TagEdit::Delete { id: claim(), policy: DeletePolicy::RemoveTagFromAnnotations },
    ];
    for edit in edits {
        let mut session = with_citation();
        let before = state(&session);
        session.edit_tags(edit.clone(), at(5)).expect("edited");
        let edited = state(&session);
        session.undo().expect("a step");
        assert_eq!(state(&session), before, "{edit:?}");
        let citation = session.tags().get(&quote()).expect("Quote is back");
        assert_eq!((citation.name.as_str(), citation.colour.as_str()), ("Citation", "#123456"), "{edit:?}");
        let names: Vec<&str> =
            session.store().in_order().flat_map(|a| a.tags.iter().map(|t| session.tags().name_of(t))).collect();
        assert_eq!(names, ["Claim", "Citation", "Claim", "Policy shift"], "{edit:?}: shown by name, not by id");
        session.redo().expect("a step");
        assert_eq!(state(&session), edited, "{edit:?}");
    }
}

#[test]
fn undoing_an_import_removes_its_tags_lists_and_classroom() {
    let (mut session, _kv) = base();
    let before = state(&session);
    let doc = article();
    let newer = ann(&doc, 3, "mobile library", &["evidence"], "newer", 30);
    let placed = ann(&doc, 20, "budget", &["evidence"], "", 3);
    let unplaced = ann(&other_article(), 21, "northern river", &["evidence"], "", 3);
    let file = pack_of(&doc, &tags_with(&[tag("evidence", "#009e73")]), [&newer, &placed, &unplaced]);
    import(&mut session, &[starter(true).as_str(), file.as_str()]).expect("imported");
    let imported = state(&session);
    assert!(session.tags().get(&TagId::new("thesis")).is_some() && session.tags_locked());
    assert_eq!(
        (imported.orphans.len(), imported.conflicts.len()),
        (2, 2),
        "an unplaced one and an other version joined"
    );
    session.undo().expect("a step");
    assert_eq!(state(&session), before);
    assert!(!session.tags_locked());
    assert!(!session.can_undo());
    session.redo().expect("a step");
    assert_eq!(state(&session), imported);
}

#[test]
fn a_revealed_key_stays_revealed_through_undo_and_redo() {
    let (mut session, _kv) = base();
    import(&mut session, &[starter(false).as_str()]).expect("imported");
    session.reveal_key();
    let (start, end) = span(&article(), "budget");
    session.create(start, end, TagId::new("thesis"), "", id(20), at(3)).expect("created");
    session.undo().expect("the annotation");
    assert!(session.classroom().expect("a classroom").revealed);
    session.undo().expect("the import");
    session.redo().expect("the import");
    assert!(session.classroom().expect("a classroom").revealed, "what was seen stays seen");
}

#[test]
fn a_merge_or_delete_retags_the_unplaced_annotations_too() {
    // Unplaced annotation 10 carries Quote; once Quote is merged away it must not carry an id the
    // set no longer has (it would show as the raw id, and its export would not import).
    let edits = [
        TagEdit::Merge { from: quote(), into: claim() },
        TagEdit::Delete { id: quote(), policy: DeletePolicy::ReassignTo(claim()) },
    ];
    for edit in edits {
        let (mut session, _kv) = base();
        session.edit_tags(edit.clone(), at(5)).expect("edited");
        let carried: Vec<&str> = session.orphans().iter().flat_map(|a| a.tags.iter().map(|t| t.0.as_str())).collect();
        assert_eq!(carried, ["claim"], "{edit:?}");
    }
}

#[test]
fn edited_tags_survive_export_and_import() {
    let (mut session, _kv) = base();
    let edits = [
        TagEdit::Rename { id: claim(), name: "Assertion".into() },
        TagEdit::Recolour { id: quote(), colour: "#123456".into() },
        TagEdit::Move { id: TagId::new("policy-shift"), to: 0 },
        TagEdit::SetHotkey { id: quote(), hotkey: Some('q') },
    ];
    for edit in edits {
        session.edit_tags(edit, at(5)).expect("edited");
    }
    let ((_, exported, _), (_, imported, _)) = export_and_import(&session);
    assert_eq!(imported, exported);
}

#[test]
fn a_tag_kept_as_unknown_survives_export_and_import() {
    let (mut session, _kv) = base();
    session.edit_tags(TagEdit::Delete { id: quote(), policy: DeletePolicy::KeepAsUnknown }, at(5)).expect("deleted");
    let (exported, imported) = export_and_import(&session);
    assert_eq!(imported.0, exported.0, "annotation 2 keeps its tag");
}

#[test]
fn annotations_and_unplaced_ones_survive_export_and_import() {
    let (mut session, _kv) = base();
    let (start, end) = span(&article(), "necessary saving");
    session.create(start, end, claim(), "kept", id(20), at(5)).expect("created");
    let (exported, imported) = export_and_import(&session);
    assert_eq!((imported.0, imported.2), (exported.0, exported.2));
}

#[test]
fn a_fresh_session_in_any_language_takes_a_packs_tag_set_as_it_was_made() {
    let doc = article();
    let mut made = tags_with(&[tag("evidence", "#123456")]);
    made.tags[0].name = "Assertion".into();
    let file = pack_of(&doc, &made, &[ann(&doc, 1, "council voted", &["evidence"], "", 0)]);
    for lang in marginalia::domain::i18n::Lang::ALL {
        // The defaults are named in the UI's language (Spanish: "Afirmación"), and an untouched
        // set of them is as blank as the English one.
        let mut fresh = open(doc.clone(), &mut MemoryKv::new());
        fresh.use_default_tags(TagSet::defaults(lang.texts()));
        import(&mut fresh, &[&file]).expect("imported");
        assert_eq!(**fresh.tags(), made, "{lang:?}: the pack's set, names, colours and order as made");
    }
    let (mut used, _kv) = base();
    import(&mut used, &[&file]).expect("imported");
    assert_eq!(used.tags().tags[0].name, "Claim", "a session with work keeps its own names");
}
