//! Native tests of Web Annotation export and import: shapes against the W3C specification's own examples, round trips, Recogito's output, Hypothesis exports and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::anchor::Anchored;
use marginalia::domain::annotation::reanchor::reanchor;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::Document;
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::import::{plan_import, read_file, ImportFile, Merged};
use marginalia::domain::format::pack::ExportInfo;
use marginalia::domain::format::page_text::PageText;
use marginalia::domain::format::{derived_id, w3c, Format, FormatError, Location, IMPORTED_TAG_NAME};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;
use uuid::Uuid;

const SAMPLE: &str = include_str!("../www/sample-article.txt");
const SPEC: &str = include_str!("fixtures/w3c-spec-examples.json");
const RECOGITO: &str = include_str!("fixtures/recogito-w3c.json");
const HYPOTHESIS: &str = include_str!("fixtures/hypothesis-export.json");

fn sample() -> Document {
    parse_plain_text(SAMPLE)
}

fn on(doc: &Document, n: u128, quote: &str, tags: &[&str], note: &str, author: &str) -> Annotation {
    let start = doc.char_of_byte(doc.text().find(quote).expect("quote in the article"));
    Annotation {
        id: Uuid::from_u128(n),
        target: describe(doc, start, start + quote.chars().count()),
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.into(),
        author: author.into(),
        created: datetime!(2025-03-08 14:05:00 UTC),
        modified: datetime!(2025-03-09 08:00:00.25 UTC),
    }
}

fn sample_annotations(doc: &Document) -> Vec<Annotation> {
    vec![
        on(doc, 1, "It's true", &["quote", "claim"], "", "Jane"),
        on(doc, 2, "sovereignty is inalienable", &["claim"], "Line one.\n\nLine \"two\" <i>.", ""),
        on(doc, 3, "them.\n\nNo administration", &["policy-shift"], "Spans two paragraphs.", "Jane"),
    ]
}

fn exported(doc: &Document) -> Value {
    let info = ExportInfo { source: None, by: "Jane", at: datetime!(2025-03-10 09:00:00 UTC) };
    serde_json::from_str(&w3c::export(doc, &TagSet::default(), &sample_annotations(doc), &info)).unwrap()
}

fn spec(key: &str) -> Value {
    let examples: Value = serde_json::from_str(SPEC).unwrap();
    examples[key].clone()
}

// ---------------------------------------------------------------------------------------------
// Shapes against the specification's examples.

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
}

/// `ours` has every key `theirs` has, each holding the same kind of JSON value.
fn check_same_shape(ours: &Value, theirs: &Value, what: &str) {
    for (key, value) in theirs.as_object().expect("an example object") {
        let mine = ours.get(key).unwrap_or_else(|| panic!("{what}: our export lacks {key:?}: {ours:#}"));
        let kind = |v: &Value| std::mem::discriminant(v);
        assert_eq!(kind(mine), kind(value), "{what}: {key:?} is {mine} in ours, {value} in the example");
    }
}

#[test]
fn collection_and_page_have_the_shape_of_example_40() {
    let ours = exported(&sample());
    let example = spec("collectionWithEmbeddedPage");
    check_same_shape(&ours, &example, "collection");
    check_same_shape(&ours["first"], &example["first"], "embedded page");
    assert_eq!(ours["@context"], json!(w3c::CONTEXT));
    assert_eq!(ours["type"], json!("AnnotationCollection"));
    assert_eq!(ours["first"]["type"], json!("AnnotationPage"));
    assert_eq!(ours["total"], json!(3));
    assert!(ours["first"].get("@context").is_none(), "an embedded page SHOULD NOT have @context");
    for item in ours["first"]["items"].as_array().unwrap() {
        assert!(item.get("@context").is_none(), "embedded annotations leave @context to the collection");
    }
}

#[test]
fn selectors_have_the_shape_of_the_specification_examples() {
    let ours = exported(&sample());
    let item = &ours["first"]["items"][0];
    let quote_example = &spec("anno23")["target"]["selector"];
    let position_example = &spec("anno24")["target"]["selector"];
    let selectors = item["target"]["selector"].as_array().unwrap();
    assert_eq!(keys(&selectors[0]), keys(quote_example), "TextQuoteSelector keys");
    check_same_shape(&selectors[0], quote_example, "TextQuoteSelector");
    assert_eq!(keys(&selectors[1]), keys(position_example), "TextPositionSelector keys");
    check_same_shape(&selectors[1], position_example, "TextPositionSelector");
    assert_eq!(selectors[0]["exact"], json!("It's true"));
    // Positions count the page text: the title, the meta line, then the blocks with nothing
    // between them (Marginalia's own text has it at 450..459, after 3 blank lines).
    let page = PageText::new(&sample());
    let meta = "Kate Linthicum, Los Angeles Times · 2025".chars().count();
    assert_eq!(selectors[1], json!({"type": "TextPositionSelector", "start": 450 - 6 + meta, "end": 459 - 6 + meta}));
    assert_eq!(page.text().chars().skip(450 - 6 + meta).take(9).collect::<String>(), "It's true");
    assert!(item["target"]["source"].as_str().unwrap().starts_with("urn:sha256:"));
}

#[test]
fn bodies_creator_and_times_have_the_shape_of_the_specification_examples() {
    let ours = exported(&sample());
    let item = &ours["first"]["items"][0];
    let example = spec("anno38");
    let tagging_example = &example["body"][0];
    check_same_shape(
        item,
        &json!({"id": "", "type": "", "creator": {}, "created": "", "body": [], "target": {}}),
        "annotation",
    );
    check_same_shape(&item["creator"], &json!({"type": "", "name": ""}), "creator");
    assert_eq!(
        item["body"],
        json!([
            {"type": "TextualBody", "purpose": "tagging", "value": "Quote", "format": "text/plain"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Claim", "format": "text/plain"},
        ])
    );
    for key in keys(tagging_example) {
        assert!(item["body"][0].get(&key).is_some(), "the tagging body has {key}");
    }
    assert_eq!(item["generator"]["type"], json!("Software"), "generator SHOULD be given");
    assert_eq!(item["created"], json!("2025-03-08T14:05:00Z"), "xsd:dateTime in UTC, like {}", example["created"]);
    assert_eq!(item["modified"], json!("2025-03-09T08:00:00.25Z"));
    assert_eq!(item["id"], json!("urn:uuid:00000000-0000-0000-0000-000000000001"));
    let note = &ours["first"]["items"][1]["body"][1];
    assert_eq!(
        note,
        &json!({"type": "TextualBody", "purpose": "commenting", "value": "Line one.\n\nLine \"two\" <i>.", "format": "text/plain"})
    );
    assert!(ours["first"]["items"][1].get("creator").is_none(), "no creator without an author");
}

#[test]
fn the_specification_examples_import_or_say_why_not() {
    // anno23 quotes text: imported, with its IRI body kept as the note.
    let text = spec("anno23").to_string();
    let imported = read_file(text.as_bytes(), &TagSet::default()).expect("anno23 imports");
    assert_eq!(imported.format, Format::W3c);
    let a = &imported.annotations[0];
    assert_eq!(
        (a.target.exact.as_str(), a.target.prefix.as_str(), a.target.suffix.as_str()),
        ("anotation", "this is an ", " that has some")
    );
    assert_eq!(a.note, "Link: http://example.org/comment1", "an IRI body is a link in the note");
    assert_eq!(a.id, derived_id("w3c", "http://example.org/anno23"));
    assert_eq!(imported.tags.name_of(&a.tags[0]), IMPORTED_TAG_NAME);
    assert_eq!(imported.source.as_deref(), Some("http://example.org/page1"));
    // anno24 selects positions without a quote: kept, resolved in the open article on import.
    let imported = read_file(spec("anno24").to_string().as_bytes(), &TagSet::default()).unwrap();
    assert_eq!((imported.annotations.len(), imported.skipped.len(), imported.pending.len()), (1, 0, 1));
    // The others target whole resources, or positions inside an XML element: left out, each with its path.
    for (key, skipped) in [("anno15", 1), ("anno38", 1), ("page1", 2), ("collectionWithEmbeddedPage", 2)] {
        let imported =
            read_file(spec(key).to_string().as_bytes(), &TagSet::default()).unwrap_or_else(|e| panic!("{key}: {e}"));
        assert_eq!((imported.annotations.len(), imported.skipped.len()), (0, skipped), "{key}");
    }
    let e = read_file(spec("collection1").to_string().as_bytes(), &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::Field("first".into()), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Round trip.

#[test]
fn export_then_import_gives_the_same_annotations() {
    let doc = sample();
    let info =
        ExportInfo { source: Some("https://example.com/article"), by: "", at: datetime!(2025-03-10 09:00:00 UTC) };
    let annotations = sample_annotations(&doc);
    let text = w3c::export(&doc, &TagSet::default(), &annotations, &info);
    let imported = read_file(text.as_bytes(), &TagSet::default()).expect("our own export imports");
    assert_eq!(imported.format, Format::W3c);
    assert_eq!(imported.tags, TagSet::default(), "tag names map back to the same tags");
    assert_eq!(imported.source.as_deref(), Some("https://example.com/article"));
    // Placed in the article (positions over the page text), every annotation comes back as it was.
    let file = ImportFile { name: "w3c.jsonld", bytes: text.as_bytes() };
    let plan = plan_import(&doc, &TagSet::default(), &Merged::new(), &[file]);
    let mut expected = annotations.clone();
    expected.sort_by_key(|a| a.id);
    assert_eq!(plan.merged.current().cloned().collect::<Vec<_>>(), expected);
    assert!(plan.status.values().all(|s| matches!(s, Anchored::Exact { .. })), "{:?}", plan.status);
    // And exporting what was imported gives the same file.
    assert_eq!(w3c::export(&doc, &plan.tags, plan.merged.current(), &info), text);
}

// ---------------------------------------------------------------------------------------------
// Other tools' files.

fn check_imported(a: &Annotation, tags: &TagSet, quote: &str, tag_names: &[&str], note: &str, author: &str) {
    assert_eq!(a.target.exact, quote);
    let names: Vec<&str> = a.tags.iter().map(|t| tags.name_of(t)).collect();
    assert_eq!(names, tag_names, "{quote}");
    assert_eq!(a.note, note, "{quote}");
    assert_eq!(a.author, author, "{quote}");
}

#[test]
fn recogito_annotations_import() {
    let doc = sample();
    let imported = read_file(RECOGITO.as_bytes(), &TagSet::default()).expect("Recogito's output imports");
    assert_eq!(imported.format, Format::W3c);
    let [boycott, rebuffed, inalienable, pressured] = imported.annotations.as_slice() else {
        panic!("four annotations: {:?}", imported.annotations)
    };
    let tags = &imported.tags;
    check_imported(boycott, tags, "Coca Cola", &["Consumer boycott"], "Visible, everyday protest.", "Ana Ruiz");
    check_imported(rebuffed, tags, "Sheinbaum said she rebuffed his proposal", &["Quote"], "", "Ana Ruiz");
    check_imported(inalienable, tags, "inalienable", &[IMPORTED_TAG_NAME], "Repeated for emphasis.", "Ana Ruiz");
    check_imported(
        pressured,
        tags,
        "that Trump had pressured Mexico",
        &["Claim"],
        "Attribution is to the WSJ, not confirmed independently.",
        "Ana Ruiz",
    );
    assert_eq!(boycott.id, Uuid::parse_str("3c5f3f2e-8f0a-4c4b-9a55-0c8b1e4d7a11").unwrap(), "#uuid ids are kept");
    assert_eq!(boycott.created, datetime!(2025-03-10 08:00:00 UTC), "the body's time stands in for the annotation's");
    assert_eq!(pressured.modified, datetime!(2025-03-10 08:15:30 UTC));
    // Anchoring: unique quotes are found although Recogito counted its own text; "inalienable"
    // occurs twice with no context to choose, so it is not guessed.
    assert!(matches!(reanchor(&doc, &boycott.target), Anchored::Moved { .. }));
    assert!(matches!(reanchor(&doc, &rebuffed.target), Anchored::Moved { .. }));
    assert_eq!(reanchor(&doc, &inalienable.target), Anchored::Orphaned);
    assert!(matches!(reanchor(&doc, &pressured.target), Anchored::Moved { .. } | Anchored::Exact { .. }));
}

#[test]
fn hypothesis_exports_import() {
    let doc = sample();
    let imported = read_file(HYPOTHESIS.as_bytes(), &TagSet::default()).expect("the Hypothesis export imports");
    assert_eq!(imported.format, Format::Hypothesis);
    assert_eq!(imported.source.as_deref(), Some("https://www.arcamax.com/currentnews/newsheadlines/s-3712497"));
    let tags = &imported.tags;
    let a = &imported.annotations;
    assert_eq!(a.len(), 6);
    check_imported(
        &a[0],
        tags,
        "sovereignty is inalienable",
        &["Claim", "Sovereignty"],
        "Core of her position.",
        "Kim Doe",
    );
    check_imported(
        &a[1],
        tags,
        "ramped up CIA surveillance drone flights over Mexico",
        &["Policy shift"],
        "**Escalation** since January: see <b>WSJ</b>.",
        "Kim Doe",
    );
    check_imported(&a[2], tags, "them.\n\nNo administration in modern times", &["Claim"], "", "Kim Doe");
    check_imported(
        &a[3],
        tags,
        "a report published Friday in the Wall Street Journal",
        &[IMPORTED_TAG_NAME],
        "Check the WSJ report.",
        "Ana Ruiz",
    );
    assert_eq!(a[0].id, derived_id("hypothesis", "0nAqCi2HEe-S7WfRmE1XYA"));
    assert_eq!(a[0].created, datetime!(2025-03-09 10:12:44.104118 UTC));
    assert_eq!(a[0].modified, datetime!(2025-03-09 10:15:02.551311 UTC));
    assert!(a[0].target.prefix.ends_with("our territory is inalienable, "), "{:?}", a[0].target.prefix);
    assert_eq!(a[2].target.suffix.chars().next(), Some(' '), "page indentation becomes one space");
    // The page note and the reply are skipped with their paths.
    let skipped: Vec<Location> = imported.skipped.iter().map(|e| e.location.clone()).collect();
    assert_eq!(skipped, [Location::Field("annotations[6]".into()), Location::Field("annotations[7]".into())]);
    // Anchoring in Marginalia's text.
    let statuses: Vec<Anchored> = a.iter().map(|x| reanchor(&doc, &x.target)).collect();
    for (i, status) in statuses.iter().enumerate().take(4) {
        assert!(matches!(status, Anchored::Moved { .. }), "{i}: {status:?}");
    }
    match statuses[4] {
        Anchored::Fuzzy { start, end, score } => {
            assert_eq!(
                doc.slice(start, end),
                "She sent thousands of National Guard troops to fortify the northern border"
            );
            assert!(score >= 75, "{score}");
        }
        other => panic!("the edited quote is found fuzzily, got {other:?}"),
    }
    assert_eq!(statuses[5], Anchored::Orphaned, "site furniture is not in Marginalia's text");
}

#[test]
fn known_tags_are_matched_by_name_ignoring_case() {
    let known = TagSet::default();
    let imported = read_file(HYPOTHESIS.as_bytes(), &known).unwrap();
    let added: Vec<&str> = imported.tags.tags[known.tags.len()..].iter().map(|t| t.name.as_str()).collect();
    assert_eq!(added, ["Sovereignty", IMPORTED_TAG_NAME]);
    assert!(imported.tags.tags.iter().all(|t| t.colour.len() == 7 && t.colour.starts_with('#')));
    let again = read_file(HYPOTHESIS.as_bytes(), &imported.tags).unwrap();
    assert_eq!(again.tags, imported.tags, "a second import adds no tags");
}

// ---------------------------------------------------------------------------------------------
// Errors.

fn check_rejected(value: Value, path: &str, message_part: &str) {
    match read_file(value.to_string().as_bytes(), &TagSet::default()) {
        Err(FormatError { location: Location::Field(p), message }) => {
            assert_eq!(p, path, "{message}");
            assert!(message.contains(message_part), "{message:?} should mention {message_part:?}");
        }
        other => panic!("expected an error at {path}, got {other:?}"),
    }
}

fn w3c_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut value: Value = serde_json::from_str(RECOGITO).unwrap();
    edit(&mut value);
    value
}

fn hypothesis_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut value: Value = serde_json::from_str(HYPOTHESIS).unwrap();
    edit(&mut value);
    value
}

/// The file imports; the one bad annotation is left out and listed with where and why, and
/// every other annotation of the file is kept.
fn check_left_out(value: Value, path: &str, message_part: &str, kept: usize) {
    let imported = read_file(value.to_string().as_bytes(), &TagSet::default())
        .unwrap_or_else(|e| panic!("a bad annotation rejects only itself, not the file: {e}"));
    let listed = imported.skipped.iter().find(|e| e.location == Location::Field(path.into()));
    let listed = listed.unwrap_or_else(|| panic!("{path} is not listed: {:?}", imported.skipped));
    assert!(listed.message.contains(message_part), "{:?} should mention {message_part:?}", listed.message);
    assert_eq!(imported.annotations.len(), kept, "the others are kept ({path})");
}

#[test]
fn a_bad_annotation_is_left_out_and_named_alone() {
    check_left_out(
        w3c_with(|v| v[1]["target"]["selector"][0]["exact"] = json!(5)),
        "[1].target.selector[0].exact",
        "expected text",
        3,
    );
    check_left_out(
        w3c_with(|v| v[1]["target"]["selector"][1]["start"] = json!(-4)),
        "[1].target.selector[1].start",
        "whole number",
        3,
    );
    check_left_out(
        w3c_with(|v| v[1]["target"]["selector"][1]["end"] = json!(0)),
        "[1].target.selector[1]",
        "ends before",
        3,
    );
    check_left_out(w3c_with(|v| v[3]["created"] = json!("March")), "[3].created", "date and time", 3);
    check_left_out(
        w3c_with(|v| v[0]["body"][0]["value"] = json!("x".repeat(200_000))),
        "[0].body[0].value",
        "100 KB",
        3,
    );
    check_left_out(w3c_with(|v| v[2]["id"] = v[0]["id"].clone()), "[2]", "same id", 3);
    check_left_out(
        w3c_with(|v| v[0].as_object_mut().unwrap().remove("target").map(|_| ()).unwrap()),
        "[0]",
        "no target",
        3,
    );
    check_left_out(
        w3c_with(|v| v[0]["target"]["selector"][0]["exact"] = json!("   ")),
        "[0].target.selector[0].exact",
        "empty",
        3,
    );
    check_left_out(
        hypothesis_with(|v| v["annotations"][2]["tags"] = json!("Claim")),
        "annotations[2].tags",
        "expected a list",
        5,
    );
    check_left_out(
        hypothesis_with(|v| v["annotations"][0]["updated"] = json!(3)),
        "annotations[0].updated",
        "expected text",
        5,
    );
    check_left_out(
        hypothesis_with(|v| v["annotations"][0]["target"][0]["selector"][2]["exact"] = json!(null)),
        "annotations[0].target[0].selector[2].exact",
        "missing",
        5,
    );
    check_left_out(
        hypothesis_with(|v| v["annotations"][1]["text"] = json!("y".repeat(102_401))),
        "annotations[1].note",
        "100 KB",
        5,
    );
    check_left_out(
        hypothesis_with(|v| v["annotations"][1]["id"] = v["annotations"][0]["id"].clone()),
        "annotations[1].id",
        "same id",
        5,
    );
    check_rejected(hypothesis_with(|v| v["annotations"] = json!({})), "annotations", "expected a list");
    let e = read_file(b"[1, 2]", &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::File, "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Damaged W3C and Hypothesis files give an error or annotations, never a panic.
    #[test]
    fn damaged_files_never_panic(which in 0usize..2, at in 0usize..20000, byte in any::<u8>(), cut in 0usize..20000) {
        let mut bytes = [RECOGITO, HYPOTHESIS][which].as_bytes().to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut % bytes.len() + 1);
        let _ = read_file(&bytes, &TagSet::default());
    }

    /// Structurally odd JSON (values of every kind in every place) never panics either.
    #[test]
    fn odd_values_never_panic(path in 0usize..12, kind in 0usize..7) {
        let odd = [json!(null), json!(true), json!(-1), json!(1.5), json!("s"), json!([]), json!({})][kind].clone();
        let mut value: Value = serde_json::from_str(HYPOTHESIS).unwrap();
        match path {
            0 => value["annotations"][0]["target"] = odd,
            1 => value["annotations"][0]["target"][0] = odd,
            2 => value["annotations"][0]["target"][0]["selector"] = odd,
            3 => value["annotations"][0]["target"][0]["selector"][1] = odd,
            4 => value["annotations"][0]["user_info"] = odd,
            5 => value["annotations"][0]["tags"][0] = odd,
            6 => value["annotations"][0] = odd,
            7 => value = json!([{"target": {"selector": odd}, "type": "Annotation"}]),
            8 => value = json!({"type": "AnnotationPage", "items": [{"target": odd}]}),
            9 => value = json!({"type": "AnnotationCollection", "first": odd}),
            10 => value = json!([{"target": {"selector": {"type": "TextQuoteSelector", "exact": "a"}}, "body": odd, "creator": odd}]),
            _ => value = json!({"type": ["Annotation"], "target": {"selector": [{"type": "TextQuoteSelector", "exact": "a"}]}, "body": {"value": odd, "purpose": odd}}),
        }
        let _ = read_file(value.to_string().as_bytes(), &TagSet::default());
    }
}
