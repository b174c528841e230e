//! Native table tests of issue 20's tag set promises: keys stay put after a delete, merge or move (and undo brings the set back), new tags take an unused palette colour and underline, the default set is named in the UI's language, and the hint and help sentences list the real keys.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::*;
use marginalia::domain::annotation::colour_access::look_alikes;
use marginalia::domain::annotation::tag_edit::{edit, DeletePolicy, NewTag, TagEdit, TagError, TagField};
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle, PALETTE};
use marginalia::domain::i18n::{key_list, EN, ES};
use marginalia::domain::session::kv::MemoryKv;
use marginalia::domain::session::{Session, SessionError};

fn tid(id: &str) -> TagId {
    TagId::new(id)
}

/// The teacher's set from the issue: Opinion (`o`), Direct quote (`q`), Evidence and Loaded
/// language (by position, 3 and 4), then Source and Tone (5 and 6).
fn teachers_set() -> TagSet {
    let tag = |id: &str, name: &str, key: Option<char>| Tag {
        id: tid(id),
        name: name.into(),
        colour: "#e69f00".into(),
        underline: UnderlineStyle::Solid,
        description: String::new(),
        hotkey: key,
    };
    TagSet {
        tags: vec![
            tag("opinion", "Opinion", Some('o')),
            tag("direct-quote", "Direct quote", Some('q')),
            tag("evidence", "Evidence", None),
            tag("loaded", "Loaded language", None),
            tag("source", "Source", None),
            tag("tone", "Tone", None),
        ],
    }
}

/// Each tag id with the key that picks it.
fn keys_of(set: &TagSet) -> Vec<(String, Option<char>)> {
    set.tags.iter().map(|t| (t.id.0.clone(), set.hotkey_of(&t.id))).collect()
}

fn apply(set: &TagSet, change: TagEdit) -> TagSet {
    edit(set, change, &[], at(1)).expect("edit applies").tags
}

#[test]
fn no_other_tag_changes_key_after_a_delete_merge_or_move() {
    let cases: Vec<(&str, Vec<TagEdit>)> = vec![
        ("delete the first", vec![TagEdit::Delete { id: tid("opinion"), policy: DeletePolicy::KeepAsUnknown }]),
        ("delete a positional tag", vec![TagEdit::Delete { id: tid("evidence"), policy: DeletePolicy::KeepAsUnknown }]),
        ("merge one into another", vec![TagEdit::Merge { from: tid("loaded"), into: tid("opinion") }]),
        ("move up", vec![TagEdit::MoveUp(tid("source"))]),
        ("move down", vec![TagEdit::MoveDown(tid("evidence"))]),
        ("move the last to the front", vec![TagEdit::Move { id: tid("tone"), to: 0 }]),
        (
            "delete, then move, then delete again",
            vec![
                TagEdit::Delete { id: tid("evidence"), policy: DeletePolicy::RemoveTagFromAnnotations },
                TagEdit::Move { id: tid("tone"), to: 1 },
                TagEdit::Delete { id: tid("direct-quote"), policy: DeletePolicy::ReassignTo(tid("opinion")) },
            ],
        ),
    ];
    let before = teachers_set();
    let old_keys = keys_of(&before);
    for (name, edits) in cases {
        let after = edits.into_iter().fold(before.clone(), |set, e| apply(&set, e));
        for (id, key) in keys_of(&after) {
            let old = old_keys.iter().find(|(old_id, _)| *old_id == id).map(|(_, k)| *k);
            assert_eq!(Some(key), old, "{name}: the key of {id}");
        }
        // Every key still picks its own tag.
        for (id, key) in keys_of(&after) {
            assert_eq!(after.by_key(key.unwrap()).map(|t| t.id.0.as_str()), Some(id.as_str()), "{name}");
        }
    }
}

#[test]
fn moves_that_cancel_out_leave_the_set_as_it_was() {
    for set in [TagSet::default(), teachers_set()] {
        let id = set.tags[1].id.clone();
        let there = apply(&set, TagEdit::MoveDown(id.clone()));
        assert_ne!(there.tags, set.tags);
        assert_eq!(apply(&there, TagEdit::MoveUp(id)), set);
    }
}

#[test]
fn a_tag_added_after_a_delete_gets_a_free_digit() {
    // Claim 1, Quote 2, Policy shift 3; deleting Quote keeps Policy shift on 3, so the new tag at
    // position 3 cannot have 3 and gets 2, the digit no tag uses.
    let set = apply(&TagSet::default(), TagEdit::Delete { id: tid("quote"), policy: DeletePolicy::KeepAsUnknown });
    let new = NewTag {
        name: "Evidence".into(),
        colour: "#009e73".into(),
        underline: UnderlineStyle::Dotted,
        description: String::new(),
        hotkey: None,
    };
    let set = apply(&set, TagEdit::Add(new));
    assert_eq!(
        keys_of(&set),
        vec![("claim".into(), Some('1')), ("policy-shift".into(), Some('3')), ("evidence".into(), Some('2'))]
    );
}

#[test]
fn session_undo_and_redo_bring_back_the_keys_with_the_set() {
    let (mut session, _kv) = base();
    let before = (**session.tags()).clone();
    session.edit_tags(TagEdit::Delete { id: claim(), policy: DeletePolicy::KeepAsUnknown }, at(5)).expect("deleted");
    let after = (**session.tags()).clone();
    assert_eq!(keys_of(&after), vec![("quote".into(), Some('2')), ("policy-shift".into(), Some('3'))]);
    session.undo().expect("undone");
    assert_eq!(**session.tags(), before);
    session.redo().expect("redone");
    assert_eq!(**session.tags(), after);
}

#[test]
fn a_new_tag_takes_the_next_unused_palette_colour_and_underline() {
    let cases: [(&str, TagSet, &str, UnderlineStyle); 3] = [
        ("the default set", TagSet::default(), "#009e73", UnderlineStyle::Dotted),
        ("a set that uses green, dotted", tags_with(&[tag("green", "#009e73")]), "#0072b2", UnderlineStyle::Double),
        (
            "a single black, dotted tag",
            TagSet { tags: vec![tag("black", "#000000")] },
            "#e69f00",
            UnderlineStyle::Solid,
        ),
    ];
    for (name, set, colour, underline) in cases {
        assert_eq!(set.next_look(), (colour, underline), "{name}");
    }
}

#[test]
fn tags_added_with_the_suggested_look_trigger_no_look_alike_warning() {
    let mut set = TagSet::default();
    for name in ["Evidence", "Loaded language"] {
        let (colour, underline) = set.next_look();
        let new =
            NewTag { name: name.into(), colour: colour.into(), underline, description: String::new(), hotkey: None };
        set = apply(&set, TagEdit::Add(new));
        assert_eq!(look_alikes(&set), vec![], "after adding {name}");
    }
    // Up to the palette's size every colour differs, and none is black.
    for name in ["Source", "Tone", "Hedge"] {
        let (colour, underline) = set.next_look();
        let new =
            NewTag { name: name.into(), colour: colour.into(), underline, description: String::new(), hotkey: None };
        set = apply(&set, TagEdit::Add(new));
    }
    let mut colours: Vec<&str> = set.tags.iter().map(|t| t.colour.as_str()).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), PALETTE.len());
    assert!(!colours.contains(&"#000000"));
}

#[test]
fn the_default_set_is_named_in_the_ui_language_with_the_same_ids() {
    let spanish = TagSet::defaults(&ES);
    let names: Vec<&str> = spanish.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Afirmación", "Cita", "Cambio de política"]);
    let ids = |set: &TagSet| set.tags.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&spanish), ids(&TagSet::default()));
    assert_eq!(TagSet::defaults(&EN), TagSet::default());
    assert!(spanish.tags.iter().all(|t| !t.description.is_empty()));
}

#[test]
fn a_new_article_starts_with_the_defaults_of_the_ui_language_and_a_stored_set_keeps_its_names() {
    let names = |s: &Session| s.tags().tags.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    let mut kv = MemoryKv::new();
    let mut session = open(article(), &mut kv);
    // Nothing stored: the open article follows the language.
    let effects = session.use_default_tags(TagSet::defaults(&ES));
    assert!(effects.tags && effects.writes.is_empty());
    assert_eq!(names(&session), ["Afirmación", "Cita", "Cambio de política"]);
    // Another article without a stored set opens with the Spanish names too.
    session.switch(other_article(), &mut kv);
    assert_eq!(names(&session), ["Afirmación", "Cita", "Cambio de política"]);
    // An edited (stored) set keeps its names when the language changes.
    let rename = TagEdit::Rename { id: quote(), name: "Cita directa".into() };
    session.edit_tags(rename, at(3)).expect("renamed");
    flush_all(&mut session, &mut kv);
    let effects = session.use_default_tags(TagSet::defaults(&EN));
    assert!(!effects.tags);
    assert_eq!(names(&session), ["Afirmación", "Cita directa", "Cambio de política"]);
    // Opened again with English defaults, the stored Spanish names stay.
    session.switch(article(), &mut kv);
    session.switch(other_article(), &mut kv);
    assert_eq!(names(&session), ["Afirmación", "Cita directa", "Cambio de política"]);
    // The first article was never edited: it shows the English defaults now.
    session.switch(article(), &mut kv);
    assert_eq!(names(&session), ["Claim", "Quote", "Policy shift"]);
}

#[test]
fn a_refused_edit_names_the_field_it_came_from() {
    let (mut session, _kv) = base();
    let cases: [(TagEdit, Option<&str>, TagField, TagError); 4] = [
        (
            TagEdit::SetHotkey { id: quote(), hotkey: Some('1') },
            Some("quote"),
            TagField::Hotkey,
            TagError::HotkeyTaken { key: '1', by: "Claim".into() },
        ),
        (
            TagEdit::Rename { id: quote(), name: "claim".into() },
            Some("quote"),
            TagField::Name,
            TagError::DuplicateName("Claim".into()),
        ),
        (
            TagEdit::Recolour { id: policy(), colour: "red".into() },
            Some("policy-shift"),
            TagField::Colour,
            TagError::InvalidColour("red".into()),
        ),
        (
            TagEdit::Add(NewTag {
                name: " ".into(),
                colour: "#009e73".into(),
                underline: UnderlineStyle::Dotted,
                description: String::new(),
                hotkey: None,
            }),
            None,
            TagField::Name,
            TagError::EmptyName,
        ),
    ];
    for (change, tag, field, error) in cases {
        let (seen_tag, seen_field) = change.field();
        assert_eq!((seen_tag.map(|t| t.0.as_str()), seen_field), (tag, field));
        let before = (**session.tags()).clone();
        assert_eq!(session.edit_tags(change, at(4)), Err(SessionError::Tag(error)));
        assert_eq!(**session.tags(), before, "a refused edit changes nothing");
    }
}

#[test]
fn the_hint_and_help_list_the_real_keys() {
    let set = teachers_set();
    let keys = set.keys();
    assert_eq!(
        key_list(&keys[..4], "for", "or"),
        "o for Opinion, q for Direct quote, 3 for Evidence or 4 for Loaded language"
    );
    let hint = (EN.keyboard_hint)(&keys);
    assert!(hint.contains("press o for Opinion, q for Direct quote, 3 for Evidence"), "{hint}");
    assert!(!hint.contains("1, 2 or 3"));
    let spanish = (ES.help_tag_step)(&TagSet::defaults(&ES).keys());
    assert!(spanish.starts_with("Pulsa 1 para Afirmación, 2 para Cita o 3 para Cambio de política"), "{spanish}");
    assert!((EN.keyboard_hint)(&[]).contains("choose a tag"));
    assert_eq!(key_list(&[('x', "X")], "for", "or"), "x for X");
}

#[test]
fn tags_an_import_creates_take_the_same_unused_look() {
    let mut resolver = marginalia::domain::format::TagResolver::new(&TagSet::default());
    for name in ["Evidence", "Source"] {
        resolver.by_name(name).expect("a tag");
    }
    let looks: Vec<(&str, UnderlineStyle)> =
        resolver.tags.tags[3..].iter().map(|t| (t.colour.as_str(), t.underline)).collect();
    assert_eq!(looks, [("#009e73", UnderlineStyle::Dotted), ("#0072b2", UnderlineStyle::Double)]);
    assert_eq!(look_alikes(&resolver.tags), vec![]);
}
