//! Native tests of importing several files: the report, all-or-nothing per file, merging by id with visible conflicts, orphans and re-attaching, and merge properties.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::{describe, Anchored};
use marginalia::domain::annotation::reanchor::reattach;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::Document;
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::import::{plan_import, FileSummary, ImportFile, Inserted, Merged};
use marginalia::domain::format::pack::{self, ExportInfo, Pack};
use marginalia::domain::format::{Format, Location};
use proptest::prelude::*;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const SAMPLE: &str = include_str!("../www/sample-article.txt");
const RECOGITO: &[u8] = include_bytes!("fixtures/recogito-w3c.json");
const HYPOTHESIS: &[u8] = include_bytes!("fixtures/hypothesis-export.json");

fn sample() -> Document {
    parse_plain_text(SAMPLE)
}

fn on(doc: &Document, n: u128, quote: &str, note: &str, modified: OffsetDateTime) -> Annotation {
    let start = doc.char_of_byte(doc.text().find(quote).expect("quote in the article"));
    Annotation {
        id: Uuid::from_u128(n),
        target: describe(doc, start, start + quote.chars().count()),
        tags: vec![TagId::new("claim")],
        note: note.into(),
        author: "Jane".into(),
        created: datetime!(2025-03-08 14:05:00 UTC),
        modified,
    }
}

const T1: OffsetDateTime = datetime!(2025-03-09 08:00:00 UTC);
const T2: OffsetDateTime = datetime!(2025-03-09 09:00:00 UTC);

fn pack_of(doc: &Document, annotations: &[Annotation]) -> String {
    let info = ExportInfo { source: None, by: "Jane", at: datetime!(2025-03-10 09:00:00 UTC) };
    pack::export(doc, &TagSet::default(), annotations, &info)
}

fn file<'a>(name: &'a str, bytes: &'a [u8]) -> ImportFile<'a> {
    ImportFile { name, bytes }
}

fn summary(plan: &marginalia::domain::format::import::ImportPlan, i: usize) -> &FileSummary {
    plan.reports[i].outcome.as_ref().unwrap_or_else(|e| panic!("{} was rejected: {e}", plan.reports[i].name))
}

/// (imported, merged, duplicates, orphaned, moved, fuzzy) of a summary.
fn counts(s: &FileSummary) -> (usize, usize, usize, usize, usize, usize) {
    (s.imported, s.merged, s.duplicates, s.orphaned, s.moved, s.fuzzy)
}

// ---------------------------------------------------------------------------------------------
// The report.

#[test]
fn several_files_are_reported_one_by_one() {
    let doc = sample();
    let ours = pack_of(&doc, &[on(&doc, 1, "It's true", "", T1), on(&doc, 2, "Coca Cola", "", T1)]);
    let broken = br#"{"format": "marginalia-pack", "schemaVersion": 1, "exported": 3}"#;
    let files = [
        file("ours.marginalia.json", ours.as_bytes()),
        file("h.json", HYPOTHESIS),
        file("bad.json", broken),
        file("r.json", RECOGITO),
    ];
    let plan = plan_import(&doc, &TagSet::default(), &Merged::new(), &files);
    assert_eq!(plan.reports.len(), 4);
    let pack_summary = summary(&plan, 0);
    assert_eq!(pack_summary.format, Some(Format::Pack));
    assert_eq!(pack_summary.same_article, Some(true));
    assert_eq!(counts(pack_summary), (2, 0, 0, 0, 0, 0));
    let hypothesis = summary(&plan, 1);
    assert_eq!(counts(hypothesis), (6, 0, 0, 1, 4, 1));
    assert_eq!(hypothesis.skipped.len(), 2, "page note and reply");
    assert_eq!(hypothesis.same_article, None);
    assert_eq!(hypothesis.new_tags, [TagId::new("sovereignty"), TagId::new("imported")]);
    let rejected = plan.reports[2].outcome.as_ref().unwrap_err();
    assert_eq!(plan.reports[2].name, "bad.json");
    assert_eq!(rejected.location, Location::Field("exported".into()), "{rejected}");
    let recogito = summary(&plan, 3);
    assert_eq!(counts(recogito), (4, 0, 0, 1, 3, 0));
    assert!(recogito.new_tags.iter().all(|t| t.0 != "imported"), "the tag made by an earlier file is reused");
    assert_eq!(plan.merged.len(), 12);
    assert_eq!(plan.changes(&Merged::new()).len(), 12);
    assert_eq!(plan.orphans().len(), 2);
    assert_eq!(plan.placed().len(), 10);
    // Placed annotations sit where their status says, holding their text.
    for a in plan.placed() {
        match plan.status[&a.id] {
            Anchored::Exact { start, end } | Anchored::Moved { start, end } | Anchored::Fuzzy { start, end, .. } => {
                assert_eq!((a.target.start, a.target.end), (start, end));
                assert_eq!(doc.slice(start, end), a.target.exact);
            }
            Anchored::Orphaned => unreachable!(),
        }
    }
    let quotes: Vec<&str> = plan.orphans().iter().map(|a| a.target.exact.as_str()).collect();
    assert!(quotes.contains(&"inalienable") && quotes.contains(&"Blog comments powered by Disqus"), "{quotes:?}");
}

#[test]
fn a_file_that_fails_validation_changes_nothing() {
    let doc = sample();
    let existing = Merged::from_annotations([on(&doc, 1, "It's true", "", T1)]);
    let mut pack: serde_json::Value =
        serde_json::from_str(&pack_of(&doc, &[on(&doc, 2, "Coca Cola", "", T1), on(&doc, 3, "drug war", "", T1)]))
            .unwrap();
    pack["annotations"][1]["created"] = serde_json::json!("last week"); // one bad entry among good ones
    let bad = pack.to_string();
    let plan = plan_import(&doc, &TagSet::default(), &existing, &[file("bad.json", bad.as_bytes())]);
    let e = plan.reports[0].outcome.as_ref().unwrap_err();
    assert_eq!(e.location, Location::Field("annotations[1].created".into()));
    assert_eq!(plan.merged, existing, "no annotation of the file is taken");
    assert_eq!(plan.tags, TagSet::default(), "not even its tags");
    assert!(plan.is_noop(&existing));
}

#[test]
fn a_bad_entry_of_another_tool_is_left_out_alone() {
    let doc = sample();
    let existing = Merged::from_annotations([on(&doc, 1, "It's true", "", T1)]);
    let mut hypothesis: serde_json::Value = serde_json::from_slice(HYPOTHESIS).unwrap();
    hypothesis["annotations"][3]["created"] = serde_json::json!("last week");
    let bad = hypothesis.to_string();
    let plan = plan_import(&doc, &TagSet::default(), &existing, &[file("h.json", bad.as_bytes())]);
    let s = summary(&plan, 0);
    assert_eq!(s.imported, 5, "the good entries are kept");
    assert!(
        s.skipped.iter().any(|e| e.location == Location::Field("annotations[3].created".into())),
        "{:?}",
        s.skipped
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing() {
    let doc = sample();
    let ours = pack_of(&doc, &[on(&doc, 1, "It's true", "", T1)]);
    for bytes in [ours.as_bytes(), HYPOTHESIS, RECOGITO] {
        let once = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("f", bytes)]);
        let twice = plan_import(&doc, &once.tags, &once.merged, &[file("f", bytes)]);
        let s = summary(&twice, 0);
        assert_eq!((s.imported, s.merged), (0, 0));
        assert_eq!(s.duplicates, summary(&once, 0).imported);
        assert!(s.new_tags.is_empty());
        assert_eq!(twice.merged, once.merged);
        assert_eq!(twice.tags, once.tags);
        // The second time they are already in place, so Moved or Fuzzy become Exact, at the same ranges.
        let range = |a: &Anchored| match *a {
            Anchored::Exact { start, end } | Anchored::Moved { start, end } | Anchored::Fuzzy { start, end, .. } => {
                Some((start, end))
            }
            Anchored::Orphaned => None,
        };
        for (id, status) in &once.status {
            assert_eq!(range(&twice.status[id]), range(status));
        }
        // Both copies in one import: the second is all duplicates.
        let both = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("a", bytes), file("b", bytes)]);
        assert_eq!(both.merged, once.merged);
        assert_eq!(summary(&both, 1).duplicates, summary(&once, 0).imported);
    }
}

#[test]
fn newer_modified_wins_and_the_other_version_stays_as_a_conflict() {
    let doc = sample();
    let local = on(&doc, 1, "It's true", "mine", T1);
    let theirs_newer = on(&doc, 1, "It's true", "theirs", T2);
    let existing = Merged::from_annotations([local.clone()]);
    let file_bytes = pack_of(&doc, std::slice::from_ref(&theirs_newer));
    let plan = plan_import(&doc, &TagSet::default(), &existing, &[file("f", file_bytes.as_bytes())]);
    assert_eq!(counts(summary(&plan, 0)), (0, 1, 0, 0, 0, 0));
    assert_eq!(plan.merged.get(&local.id), Some(&theirs_newer));
    let changes = plan.changes(&existing);
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].before.as_ref(), changes[0].after.as_ref()), (Some(&local), Some(&theirs_newer)));
    let conflicts = plan.merged.conflicts();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].current, &theirs_newer);
    assert_eq!(conflicts[0].others, [&local]);

    // An older version arriving: the local one stays current, the older one is kept too.
    let existing = Merged::from_annotations([theirs_newer.clone()]);
    let older = pack_of(&doc, std::slice::from_ref(&local));
    let plan = plan_import(&doc, &TagSet::default(), &existing, &[file("f", older.as_bytes())]);
    assert_eq!(counts(summary(&plan, 0)), (0, 1, 0, 0, 0, 0));
    assert_eq!(plan.merged.get(&local.id), Some(&theirs_newer));
    assert_eq!(plan.merged.conflicts()[0].others, [&local]);
    assert!(plan.changes(&existing).is_empty(), "the current version did not change");

    // The user resolves it; the version kept is the only one left.
    let mut merged = plan.merged.clone();
    assert!(merged.resolve(local.clone()));
    assert!(merged.conflicts().is_empty());
    assert_eq!(merged.get(&local.id), Some(&local));
}

#[test]
fn insert_tells_what_it_did() {
    let doc = sample();
    let a = on(&doc, 1, "It's true", "", T1);
    let mut merged = Merged::new();
    assert_eq!(merged.insert(a.clone()), Inserted::Added);
    assert_eq!(merged.insert(a.clone()), Inserted::Duplicate);
    let same_instant = Annotation { modified: T1.to_offset(time::macros::offset!(+2)), ..a.clone() };
    assert_eq!(merged.insert(same_instant), Inserted::Duplicate, "the same time in another offset");
    assert_eq!(merged.insert(Annotation { note: "n".into(), modified: T2, ..a.clone() }), Inserted::Newer);
    assert_eq!(merged.insert(Annotation { note: "o".into(), ..a.clone() }), Inserted::Older);
    assert_eq!((merged.len(), merged.version_count()), (1, 3));
}

// ---------------------------------------------------------------------------------------------
// Another version of the article.

#[test]
fn a_pack_of_an_edited_article_is_re_anchored() {
    let old = sample();
    let edited_text = SAMPLE
        .replace("MEXICO CITY —", "MEXICO CITY (Updated) —")
        .replace("She sent thousands of National Guard troops", "She sent 10,000 National Guard troops")
        .replace("The White House did not immediately respond to a request for comment on Sheinbaum's account.", "");
    let new = parse_plain_text(&edited_text);
    let annotations = [
        on(&old, 1, "It's true", "", T1),
        on(&old, 2, "She sent thousands of National Guard troops to fortify the northern border", "", T1),
        on(&old, 3, "did not immediately respond", "", T1),
        on(&old, 4, "Mexico's leader said Saturday", "", T1),
    ];
    let plan =
        plan_import(&new, &TagSet::default(), &Merged::new(), &[file("old", pack_of(&old, &annotations).as_bytes())]);
    let s = summary(&plan, 0);
    assert_eq!(s.same_article, Some(false));
    assert_eq!(counts(s), (4, 0, 0, 1, 2, 1));
    assert!(matches!(plan.status[&Uuid::from_u128(1)], Anchored::Moved { .. }));
    match plan.status[&Uuid::from_u128(2)] {
        Anchored::Fuzzy { start, end, score } => {
            assert_eq!(new.slice(start, end), "She sent 10,000 National Guard troops to fortify the northern border");
            assert!(score >= 75);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(plan.status[&Uuid::from_u128(3)], Anchored::Orphaned);
    let orphan = plan.orphans()[0].clone();
    assert_eq!(orphan.target.exact, "did not immediately respond", "an orphan keeps its quote");

    // Re-attached by selecting text: a user's edit, so `modified` moves.
    let start = new.char_of_byte(new.text().find("Speaking at a public event").unwrap());
    let at = T2 + Duration::hours(1);
    let attached = reattach(&new, &orphan, start, start + 8, at).expect("a selection");
    assert_eq!((attached.target.exact.as_str(), attached.modified, attached.id), ("Speaking", at, orphan.id));
    assert_eq!(reattach(&new, &orphan, start, start, at), None, "an empty selection attaches nothing");
}

// ---------------------------------------------------------------------------------------------
// Merge properties.

fn version() -> impl Strategy<Value = Annotation> {
    let doc = sample();
    (0u128..4, 0i64..3, 0usize..3, 0usize..2).prop_map(move |(id, minutes, note, start)| Annotation {
        id: Uuid::from_u128(id),
        target: describe(&doc, 100 + start * 7, 110 + start * 7),
        tags: vec![TagId::new(["claim", "quote"][start])],
        note: ["", "a", "b"][note].into(),
        author: "A".into(),
        created: T1,
        modified: T1 + Duration::minutes(minutes),
    })
}

fn merged() -> impl Strategy<Value = (Merged, Vec<Annotation>)> {
    proptest::collection::vec(version(), 0..10).prop_map(|v| (Merged::from_annotations(v.clone()), v))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merging_is_commutative_associative_and_idempotent(
        (a, _) in merged(), (b, _) in merged(), (c, _) in merged()
    ) {
        prop_assert_eq!(a.merge(&b), b.merge(&a));
        prop_assert_eq!(a.merge(&b).merge(&c), a.merge(&b.merge(&c)));
        prop_assert_eq!(a.merge(&a), a.clone());
        prop_assert_eq!(a.merge(&b).merge(&b), a.merge(&b));
    }

    #[test]
    fn merging_never_loses_an_annotation((a, va) in merged(), (b, vb) in merged()) {
        let m = a.merge(&b);
        for v in va.iter().chain(&vb) {
            prop_assert!(m.all_versions().any(|x| x == v), "version {:?} kept", v);
            let current = m.get(&v.id).expect("every id has a current version");
            prop_assert!(current.modified >= v.modified, "the current version is the newest");
        }
        let ids: std::collections::BTreeSet<Uuid> = va.iter().chain(&vb).map(|v| v.id).collect();
        prop_assert_eq!(m.len(), ids.len());
        // Inserting one by one in any order gives the same result as merging.
        let mut one_by_one = Merged::new();
        for v in vb.iter().rev().chain(va.iter().rev()) {
            one_by_one.insert(v.clone());
        }
        prop_assert_eq!(one_by_one, m);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn planning_an_import_is_order_independent((a, _) in merged(), (b, _) in merged()) {
        let doc = sample();
        let fa = pack_of(&doc, &a.current().cloned().collect::<Vec<_>>());
        let fb = pack_of(&doc, &b.current().cloned().collect::<Vec<_>>());
        let ab = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("a", fa.as_bytes()), file("b", fb.as_bytes())]);
        let ba = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("b", fb.as_bytes()), file("a", fa.as_bytes())]);
        prop_assert_eq!(&ab.merged, &ba.merged);
        prop_assert_eq!(&ab.status, &ba.status);
    }
}

#[test]
fn a_starter_pack_sets_the_tag_set_lock_and_instructions_of_its_own_article_only() {
    let doc = sample();
    let info = ExportInfo { source: None, by: "Teacher", at: datetime!(2025-03-10 09:00:00 UTC) };
    let mut tags = TagSet::default();
    tags.tags[0].name = "Thesis".into();
    let starter = pack::starter(&doc, &tags, true, "  Tag every claim.\n<b>Not markup</b>  ", &info);
    assert!(!starter.contains("answerKey"), "a starter pack holds no answer key");

    let plan = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("s.json", starter.as_bytes())]);
    assert_eq!(plan.tags, tags, "the pack's tag set replaces the article's");
    let classroom = plan.classroom.as_ref().expect("the classroom section");
    assert!(classroom.lock_tags);
    assert!(classroom.answer_key.is_empty());
    assert_eq!(classroom.instructions, "Tag every claim.\n<b>Not markup</b>", "plain text, trimmed");
    assert!(plan.merged.is_empty());
    assert!(plan.is_noop(&Merged::new()));
    assert_eq!(summary(&plan, 0).starter, Some((true, false)));
    assert_eq!(summary(&plan, 0).instructions, "Tag every claim.\n<b>Not markup</b>");

    let other = parse_plain_text("Another article\n\nWith other words in it.");
    let plan = plan_import(&other, &TagSet::default(), &Merged::new(), &[file("s.json", starter.as_bytes())]);
    assert_eq!(plan.classroom, None, "a starter pack of another article changes nothing here");
    assert_eq!(plan.tags, TagSet::default());
    assert_eq!(summary(&plan, 0).same_article, Some(false));
}

#[test]
fn an_old_starter_packs_key_is_dropped_and_a_self_check_keys_is_kept() {
    let doc = sample();
    let info = ExportInfo { source: None, by: "Teacher", at: datetime!(2025-03-10 09:00:00 UTC) };
    let tags = TagSet::default();
    let key = vec![on(&doc, 1, "sovereignty is inalienable", "why", T1)];
    // A starter pack as made before keys stayed with the teacher: the key in the classroom section.
    let mut old = Pack::new(&doc, &tags, std::iter::empty(), &info);
    old.classroom = Some(pack::Classroom { lock_tags: true, answer_key: key.clone(), ..Default::default() });
    let old = old.to_json();
    assert!(old.contains("answerKey"));
    let plan = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("old.json", old.as_bytes())]);
    let classroom = plan.classroom.as_ref().expect("still imports as a starter pack");
    assert!(classroom.lock_tags);
    assert!(classroom.answer_key.is_empty(), "a student's import drops the old key");
    assert!(plan.merged.is_empty(), "and it never joins the annotations");
    assert_eq!(summary(&plan, 0).starter, Some((true, false)));

    let self_check = pack::self_check_key(&doc, &tags, &key, &info);
    let plan = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file("key.json", self_check.as_bytes())]);
    let classroom = plan.classroom.as_ref().expect("the classroom section");
    assert!(classroom.self_check && !classroom.lock_tags);
    assert_eq!(classroom.answer_key, key);
    assert!(plan.merged.is_empty(), "the key never joins the annotations");
    assert_eq!(summary(&plan, 0).starter, Some((false, true)));
}
