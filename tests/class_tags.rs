//! Native tests of the teacher's tag set editor: add, rename, recolour, restyle, describe, reorder, hotkeys, merge and delete, and their annotation updates applied as one undo step.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::store::Store;
use marginalia::domain::annotation::tag_edit::{
    delete_impact, edit, valid_colour, DeleteImpact, DeletePolicy, Edited, NewTag, TagEdit, TagError,
};
use marginalia::domain::annotation::tags::{TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::session::history::Step;
use proptest::prelude::*;
use time::OffsetDateTime;
use uuid::Uuid;

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_741_442_700 + seconds).unwrap()
}

fn id(t: &str) -> TagId {
    TagId::new(t)
}

fn annotation(n: u128, tags: &[&str]) -> Annotation {
    Annotation {
        id: Uuid::from_u128(n),
        target: Target {
            start: n as usize * 10,
            end: n as usize * 10 + 5,
            exact: "words".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
        tags: tags.iter().map(|t| id(t)).collect(),
        note: String::new(),
        author: String::new(),
        created: at(0),
        modified: at(0),
    }
}

fn new_tag(name: &str, colour: &str) -> NewTag {
    NewTag {
        name: name.into(),
        colour: colour.into(),
        underline: UnderlineStyle::Dotted,
        description: "Help text.".into(),
        hotkey: None,
    }
}

/// (id, name) of every tag, in order.
fn names(set: &TagSet) -> Vec<(String, String)> {
    set.tags.iter().map(|t| (t.id.0.clone(), t.name.clone())).collect()
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---------------------------------------------------------------------------------------------
// Edits that change only the tag set: the resulting (id, name) list.

fn check_set(edits: &[TagEdit], annotations: &[Annotation], expected: &[(&str, &str)]) {
    let mut set = TagSet::default();
    for e in edits {
        let done = edit(&set, e.clone(), annotations, at(1)).unwrap_or_else(|err| panic!("{e:?}: {err}"));
        assert!(done.updates.is_empty(), "{e:?} changed annotations");
        set = done.tags;
    }
    assert_eq!(names(&set), pairs(expected), "after {edits:?}");
}

#[test]
fn add_makes_a_unique_id_from_the_name() {
    let add = |name: &str| TagEdit::Add(new_tag(name, "#009E73"));
    let defaults = [("claim", "Claim"), ("quote", "Quote"), ("policy-shift", "Policy shift")];
    let with = |extra: &[(&'static str, &'static str)]| [defaults.as_slice(), extra].concat();
    check_set(&[add("Evidence")], &[], &with(&[("evidence", "Evidence")]));
    check_set(&[add("  Counter   argument ")], &[], &with(&[("counter-argument", "Counter argument")]));
    check_set(&[add("Données clés")], &[], &with(&[("données-clés", "Données clés")]));
    check_set(&[add("?!")], &[], &with(&[("tag", "?!")]));
    check_set(&[add("?!"), add("…")], &[], &with(&[("tag", "?!"), ("tag-2", "…")]));
    // "Claim!" is a different name but would have the id of Claim.
    check_set(&[add("Claim!")], &[], &with(&[("claim-2", "Claim!")]));
    // An id annotations still carry (a tag kept as unknown) is not reused.
    check_set(&[add("Old")], &[annotation(1, &["old"])], &with(&[("old-2", "Old")]));
    // A renamed tag keeps its id, so the id is taken even though the name is free.
    let rename = TagEdit::Rename { id: id("claim"), name: "Assertion".into() };
    let renamed = [("claim", "Assertion"), ("quote", "Quote"), ("policy-shift", "Policy shift")];
    check_set(&[rename.clone(), add("Claim")], &[], &[renamed.as_slice(), &[("claim-2", "Claim")]].concat());
}

#[test]
fn rename_keeps_the_id() {
    let rename = |t: &str, name: &str| TagEdit::Rename { id: id(t), name: name.into() };
    check_set(
        &[rename("claim", "Thesis")],
        &[],
        &[("claim", "Thesis"), ("quote", "Quote"), ("policy-shift", "Policy shift")],
    );
    check_set(
        &[rename("claim", "claim")],
        &[],
        &[("claim", "claim"), ("quote", "Quote"), ("policy-shift", "Policy shift")],
    );
    let forty = "é".repeat(40); // the longest name, counted in characters
    check_set(
        &[rename("claim", &forty)],
        &[],
        &[("claim", &forty), ("quote", "Quote"), ("policy-shift", "Policy shift")],
    );
    check_set(
        &[rename("quote", " Direct \t quote ")],
        &[],
        &[("claim", "Claim"), ("quote", "Direct quote"), ("policy-shift", "Policy shift")],
    );
}

#[test]
fn reorder() {
    let mv = |t: &str, to| TagEdit::Move { id: id(t), to };
    let (c, q, p) = (("claim", "Claim"), ("quote", "Quote"), ("policy-shift", "Policy shift"));
    check_set(&[mv("claim", 2)], &[], &[q, p, c]);
    check_set(&[mv("claim", 1)], &[], &[q, c, p]);
    check_set(&[mv("policy-shift", 0)], &[], &[p, c, q]);
    check_set(&[mv("quote", 99)], &[], &[c, p, q]); // clamped to the end
    check_set(&[mv("quote", 1)], &[], &[c, q, p]); // where it is
    check_set(&[TagEdit::MoveUp(id("quote"))], &[], &[q, c, p]);
    check_set(&[TagEdit::MoveUp(id("claim"))], &[], &[c, q, p]); // already first
    check_set(&[TagEdit::MoveDown(id("quote"))], &[], &[c, p, q]);
    check_set(&[TagEdit::MoveDown(id("policy-shift"))], &[], &[c, q, p]); // already last
    check_set(&[TagEdit::MoveDown(id("claim")), TagEdit::MoveDown(id("claim"))], &[], &[q, p, c]);
}

#[test]
fn recolour_restyle_and_describe() {
    let set = TagSet::default();
    let none: &[Annotation] = &[];
    let done = edit(&set, TagEdit::Recolour { id: id("quote"), colour: " #0072B2 ".into() }, none, at(1)).unwrap();
    assert_eq!(done.tags.get(&id("quote")).unwrap().colour, "#0072b2", "trimmed and lower-cased");
    assert_eq!(done.tag, Some(id("quote")));
    let done =
        edit(&set, TagEdit::SetUnderline { id: id("quote"), underline: UnderlineStyle::Double }, none, at(1)).unwrap();
    assert_eq!(done.tags.get(&id("quote")).unwrap().underline, UnderlineStyle::Double);
    let done =
        edit(&set, TagEdit::SetDescription { id: id("claim"), description: "  Said as fact. ".into() }, none, at(1))
            .unwrap();
    assert_eq!(done.tags.get(&id("claim")).unwrap().description, "Said as fact.");
    // Nothing else moved.
    assert_eq!(names(&done.tags), names(&set));
}

#[test]
fn colours_must_be_six_hex_digits() {
    let cases = [
        ("#e69f00", Some("#e69f00")),
        ("#E69F00", Some("#e69f00")),
        ("  #00ff00\n", Some("#00ff00")),
        ("e69f00", None),
        ("#e69f0", None),
        ("#e69f000", None),
        ("#fff", None),
        ("#gggggg", None),
        ("red", None),
        ("", None),
        ("#e69f00;background:url(x)", None),
        ("#ｅ69f00", None), // a full-width letter
    ];
    for (colour, want) in cases {
        let got = valid_colour(colour);
        match want {
            Some(w) => assert_eq!(got, Ok(w.to_string()), "{colour:?}"),
            None => assert_eq!(got, Err(TagError::InvalidColour(colour.to_string())), "{colour:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hotkeys: positions 1-9 by default; a set key wins and is unique.

/// The effective key of every tag, in order.
fn keys(set: &TagSet) -> Vec<Option<char>> {
    (0..set.tags.len()).map(|i| set.hotkey_at(i)).collect()
}

fn check_keys(edits: &[TagEdit], expected: &[Option<char>]) -> TagSet {
    let mut set = TagSet::default();
    for e in edits {
        set = edit(&set, e.clone(), &[], at(1)).unwrap_or_else(|err| panic!("{e:?}: {err}")).tags;
    }
    assert_eq!(keys(&set), expected, "after {edits:?}");
    set
}

#[test]
fn hotkeys() {
    let key = |t: &str, k: Option<char>| TagEdit::SetHotkey { id: id(t), hotkey: k };
    check_keys(&[], &[Some('1'), Some('2'), Some('3')]);
    check_keys(&[key("quote", Some('q'))], &[Some('1'), Some('q'), Some('3')]);
    check_keys(&[key("quote", Some('Q'))], &[Some('1'), Some('q'), Some('3')]); // stored lower case
    check_keys(&[key("quote", Some('q')), key("quote", None)], &[Some('1'), Some('2'), Some('3')]);
    check_keys(&[key("claim", Some('1'))], &[Some('1'), Some('2'), Some('3')]); // its own default
    check_keys(&[key("claim", Some('7'))], &[Some('7'), Some('2'), Some('3')]);
    // A reorder changes no tag's key: quote set to 2, then claim moved behind it keeps its 1.
    check_keys(
        &[key("policy-shift", Some('p')), key("quote", Some('2')), TagEdit::Move { id: id("claim"), to: 1 }],
        &[Some('2'), Some('1'), Some('p')],
    );
    // Ten tags: the tenth has no default key.
    let adds: Vec<TagEdit> = (4..=10).map(|n| TagEdit::Add(new_tag(&format!("Tag {n}"), "#000000"))).collect();
    let ten: Vec<Option<char>> = "123456789".chars().map(Some).chain([None]).collect();
    let set = check_keys(&adds, &ten);
    assert_eq!(set.by_key('9').map(|t| t.name.as_str()), Some("Tag 9"));
    assert_eq!(set.by_hotkey(3).map(|t| t.name.as_str()), Some("Policy shift"));
    assert_eq!(set.by_hotkey(10), None);
    assert_eq!(set.by_hotkey(0), None);
    // Letters match either case.
    let set = check_keys(&[key("quote", Some('q'))], &[Some('1'), Some('q'), Some('3')]);
    assert_eq!(set.by_key('Q').map(|t| t.id.0.as_str()), Some("quote"));
    assert_eq!(set.hotkey_of(&id("quote")), Some('q'));
    assert_eq!(set.by_key('?'), None);
    // Adding a tag with a key.
    let with_key = TagEdit::Add(NewTag { hotkey: Some('E'), ..new_tag("Evidence", "#009e73") });
    check_keys(&[with_key], &[Some('1'), Some('2'), Some('3'), Some('e')]);
}

// ---------------------------------------------------------------------------------------------
// Refused edits: the error, and nothing changes.

fn check_error(e: TagEdit, annotations: &[Annotation], want: TagError) {
    let set = TagSet::default();
    assert_eq!(edit(&set, e.clone(), annotations, at(1)), Err(want), "{e:?}");
}

#[test]
fn refused_edits() {
    let long = "x".repeat(41);
    let rename = |t: &str, name: &str| TagEdit::Rename { id: id(t), name: name.into() };
    let key = |t: &str, k: char| TagEdit::SetHotkey { id: id(t), hotkey: Some(k) };
    let unknown = || TagError::UnknownTag(id("nope"));
    check_error(rename("nope", "X"), &[], unknown());
    check_error(rename("claim", "   "), &[], TagError::EmptyName);
    check_error(rename("claim", &long), &[], TagError::NameTooLong);
    check_error(rename("claim", "quote"), &[], TagError::DuplicateName("Quote".into()));
    check_error(rename("claim", " POLICY   shift"), &[], TagError::DuplicateName("Policy shift".into()));
    check_error(TagEdit::Add(new_tag("Quote", "#000000")), &[], TagError::DuplicateName("Quote".into()));
    check_error(TagEdit::Add(new_tag("", "#000000")), &[], TagError::EmptyName);
    check_error(TagEdit::Add(new_tag("New", "black")), &[], TagError::InvalidColour("black".into()));
    check_error(
        TagEdit::Add(NewTag { description: "d".repeat(201), ..new_tag("New", "#000000") }),
        &[],
        TagError::DescriptionTooLong,
    );
    check_error(
        TagEdit::Add(NewTag { hotkey: Some('2'), ..new_tag("New", "#000000") }),
        &[],
        TagError::HotkeyTaken { key: '2', by: "Quote".into() },
    );
    check_error(
        TagEdit::Recolour { id: id("claim"), colour: "#12345".into() },
        &[],
        TagError::InvalidColour("#12345".into()),
    );
    check_error(TagEdit::Recolour { id: id("nope"), colour: "#123456".into() }, &[], unknown());
    check_error(
        TagEdit::SetDescription { id: id("claim"), description: "d".repeat(201) },
        &[],
        TagError::DescriptionTooLong,
    );
    check_error(key("claim", '?'), &[], TagError::InvalidHotkey('?'));
    check_error(key("claim", ' '), &[], TagError::InvalidHotkey(' '));
    check_error(key("claim", '2'), &[], TagError::HotkeyTaken { key: '2', by: "Quote".into() });
    check_error(TagEdit::Move { id: id("nope"), to: 0 }, &[], unknown());
    check_error(TagEdit::MoveUp(id("nope")), &[], unknown());
    check_error(TagEdit::Merge { from: id("claim"), into: id("claim") }, &[], TagError::SameTag);
    check_error(TagEdit::Merge { from: id("claim"), into: id("nope") }, &[], unknown());
    check_error(TagEdit::Merge { from: id("nope"), into: id("claim") }, &[annotation(1, &["quote"])], unknown());
    check_error(TagEdit::Delete { id: id("nope"), policy: DeletePolicy::KeepAsUnknown }, &[], unknown());
    check_error(
        TagEdit::Delete { id: id("claim"), policy: DeletePolicy::ReassignTo(id("claim")) },
        &[],
        TagError::SameTag,
    );
    check_error(TagEdit::Delete { id: id("claim"), policy: DeletePolicy::ReassignTo(id("nope")) }, &[], unknown());
    // The last tag cannot go.
    let mut set = TagSet::default();
    for t in ["claim", "quote"] {
        set = edit(&set, TagEdit::Delete { id: id(t), policy: DeletePolicy::KeepAsUnknown }, &[], at(1)).unwrap().tags;
    }
    let last = TagEdit::Delete { id: id("policy-shift"), policy: DeletePolicy::KeepAsUnknown };
    assert_eq!(edit(&set, last, &[], at(1)), Err(TagError::LastTag));
}

#[test]
fn errors_read_as_sentences() {
    let errors = [
        TagError::UnknownTag(id("x")),
        TagError::EmptyName,
        TagError::NameTooLong,
        TagError::DuplicateName("Claim".into()),
        TagError::InvalidColour("red".into()),
        TagError::DescriptionTooLong,
        TagError::InvalidHotkey('?'),
        TagError::HotkeyTaken { key: '1', by: "Claim".into() },
        TagError::SameTag,
        TagError::LastTag,
    ];
    for e in errors {
        let text = e.to_string();
        assert!(text.ends_with('.') && text.chars().next().is_some_and(char::is_uppercase), "{text:?}");
    }
    assert_eq!(
        TagError::HotkeyTaken { key: '1', by: "Claim".into() }.to_string(),
        "The key “1” already picks the tag “Claim”."
    );
}

// ---------------------------------------------------------------------------------------------
// Merge and delete: the annotations after the edit, as (n, tags); a missing n was deleted.

fn sample() -> Vec<Annotation> {
    vec![
        annotation(1, &["claim"]),
        annotation(2, &["claim", "quote"]),
        annotation(3, &["quote", "claim"]),
        annotation(4, &["quote"]),
        annotation(5, &["policy-shift", "claim", "quote"]),
    ]
}

fn check_updates(e: TagEdit, expected: &[(u128, &[&str])], tags_after: &[&str]) -> Edited {
    let annotations = sample();
    let done = edit(&TagSet::default(), e.clone(), &annotations, at(99)).unwrap_or_else(|err| panic!("{e:?}: {err}"));
    let ids: Vec<&str> = done.tags.tags.iter().map(|t| t.id.0.as_str()).collect();
    assert_eq!(ids, tags_after, "tags after {e:?}");
    // Apply the updates as one batch, then undo it in one step.
    let mut store = Store::from_annotations(annotations.clone());
    let commands = done.commands();
    let changes = if commands.is_empty() { Vec::new() } else { store.apply_batch(commands).unwrap() };
    let after: Vec<(u128, Vec<String>)> =
        store.in_order().map(|a| (a.id.as_u128(), a.tags.iter().map(|t| t.0.clone()).collect())).collect();
    let want: Vec<(u128, Vec<String>)> =
        expected.iter().map(|(n, tags)| (*n, tags.iter().map(|t| t.to_string()).collect())).collect();
    assert_eq!(after, want, "annotations after {e:?}");
    for update in &done.updates {
        assert_eq!(store.get(&update.before.id), update.after.as_ref(), "the store holds what the update says");
        if let Some(a) = &update.after {
            assert_eq!(a.modified, at(99));
            assert_eq!(
                (a.created, &a.target, &a.note),
                (update.before.created, &update.before.target, &update.before.note)
            );
        }
    }
    // The session's undo of the step: its changes inverted, last first.
    store.commit_changes(&Step { changes, ..Step::default() }.inverse().changes);
    assert_eq!(store.in_order().cloned().collect::<Vec<_>>(), annotations, "undo restores exactly");
    done
}

#[test]
fn merge_retags_without_duplicates() {
    let merge = |from: &str, into: &str| TagEdit::Merge { from: id(from), into: id(into) };
    let done = check_updates(
        merge("claim", "quote"),
        &[(1, &["quote"]), (2, &["quote"]), (3, &["quote"]), (4, &["quote"]), (5, &["policy-shift", "quote"])],
        &["quote", "policy-shift"],
    );
    assert_eq!(done.updates.len(), 4, "annotations 1, 2, 3, 5");
    assert_eq!(done.tag, Some(id("quote")));
    // B takes A's place in the order when the annotation did not have B.
    check_updates(
        merge("quote", "policy-shift"),
        &[
            (1, &["claim"]),
            (2, &["claim", "policy-shift"]),
            (3, &["policy-shift", "claim"]),
            (4, &["policy-shift"]),
            (5, &["policy-shift", "claim"]),
        ],
        &["claim", "policy-shift"],
    );
    // A tag the set no longer knows, still on annotations, can be merged away.
    let mut annotations = sample();
    annotations.push(annotation(6, &["old", "claim"]));
    let done = edit(&TagSet::default(), merge("old", "claim"), &annotations, at(1)).unwrap();
    assert_eq!(done.updates.len(), 1);
    assert_eq!(done.updates[0].after.as_ref().unwrap().tags, vec![id("claim")]);
    assert_eq!(done.tags, TagSet::default());
}

#[test]
fn delete_with_each_policy() {
    let delete = |t: &str, policy| TagEdit::Delete { id: id(t), policy };
    // Remove: 1 had only claim and is deleted; the others lose claim.
    check_updates(
        delete("claim", DeletePolicy::RemoveTagFromAnnotations),
        &[(2, &["quote"]), (3, &["quote"]), (4, &["quote"]), (5, &["policy-shift", "quote"])],
        &["quote", "policy-shift"],
    );
    // Reassign: the same as a merge.
    check_updates(
        delete("claim", DeletePolicy::ReassignTo(id("quote"))),
        &[(1, &["quote"]), (2, &["quote"]), (3, &["quote"]), (4, &["quote"]), (5, &["policy-shift", "quote"])],
        &["quote", "policy-shift"],
    );
    // Keep: the annotations are untouched and show the id as an unknown tag.
    let done = check_updates(
        delete("claim", DeletePolicy::KeepAsUnknown),
        &[
            (1, &["claim"]),
            (2, &["claim", "quote"]),
            (3, &["quote", "claim"]),
            (4, &["quote"]),
            (5, &["policy-shift", "claim", "quote"]),
        ],
        &["quote", "policy-shift"],
    );
    assert!(done.updates.is_empty() && done.commands().is_empty());
    assert_eq!(done.tags.name_of(&id("claim")), "claim");
    // A tag nobody uses.
    check_updates(
        delete("policy-shift", DeletePolicy::RemoveTagFromAnnotations),
        &[
            (1, &["claim"]),
            (2, &["claim", "quote"]),
            (3, &["quote", "claim"]),
            (4, &["quote"]),
            (5, &["claim", "quote"]),
        ],
        &["claim", "quote"],
    );
}

#[test]
fn delete_impact_counts_what_would_be_touched() {
    let annotations = sample();
    let cases = [("claim", 4, 1), ("quote", 4, 1), ("policy-shift", 1, 0), ("none", 0, 0)];
    for (tag, count, only) in cases {
        assert_eq!(delete_impact(&id(tag), &annotations), DeleteImpact { annotations: count, only_tag: only }, "{tag}");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties: a merge never loses an annotation, and every annotation that had either tag has the target once.

fn arbitrary_annotations() -> impl Strategy<Value = Vec<Annotation>> {
    let tag = prop_oneof![Just("claim"), Just("quote"), Just("policy-shift"), Just("old")];
    proptest::collection::vec(proptest::collection::vec(tag, 1..5), 0..12).prop_map(|all| {
        all.iter()
            .enumerate()
            .map(|(n, tags)| {
                // Each tag once, as the store keeps them.
                let mut unique: Vec<&str> = Vec::new();
                for t in tags {
                    if !unique.contains(t) {
                        unique.push(t);
                    }
                }
                annotation(n as u128 + 1, &unique)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merge_never_loses_an_annotation(
        annotations in arbitrary_annotations(),
        from in prop_oneof![Just("claim"), Just("quote"), Just("policy-shift"), Just("old")],
        into in prop_oneof![Just("claim"), Just("quote"), Just("policy-shift")],
    ) {
        prop_assume!(from != into);
        let e = TagEdit::Merge { from: id(from), into: id(into) };
        let Ok(done) = edit(&TagSet::default(), e, &annotations, at(5)) else {
            // Only an unknown tag nobody carries is refused.
            prop_assert!(from == "old" && !annotations.iter().any(|a| a.has_tag(&id("old"))));
            return Ok(());
        };
        prop_assert!(done.updates.iter().all(|u| u.after.is_some()), "a merge deletes nothing");
        let mut store = Store::from_annotations(annotations.clone());
        let changes = if done.updates.is_empty() { Vec::new() } else { store.apply_batch(done.commands()).unwrap() };
        prop_assert_eq!(store.len(), annotations.len());
        for before in &annotations {
            let after = store.get(&before.id).unwrap();
            prop_assert!(!after.has_tag(&id(from)));
            let had_either = before.has_tag(&id(from)) || before.has_tag(&id(into));
            prop_assert_eq!(after.tags.iter().filter(|t| **t == id(into)).count(), usize::from(had_either));
            // Every other tag is kept, in order.
            let others = |a: &Annotation| a.tags.iter().filter(|t| **t != id(from) && **t != id(into)).cloned().collect::<Vec<_>>();
            prop_assert_eq!(others(after), others(before));
        }
        store.commit_changes(&Step { changes, ..Step::default() }.inverse().changes);
        prop_assert_eq!(store.in_order().cloned().collect::<Vec<_>>(), {
            let mut sorted = annotations.clone();
            sorted.sort_by_key(|a| (a.target.start, a.target.end, a.id));
            sorted
        });
    }
}
