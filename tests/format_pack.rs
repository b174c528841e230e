//! Native tests of the annotation pack: byte-identical round trips, the published JSON Schema, migrations, validation errors with paths, limits and hostile input.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::import::read_file;
use marginalia::domain::format::pack::{self, ExportInfo, Pack, FILE_SUFFIX, FORMAT, SCHEMA_VERSION};
use marginalia::domain::format::{Format, FormatError, Location, MAX_ANNOTATIONS, MAX_FILE_BYTES, MAX_NOTE_BYTES};
use marginalia::domain::storage;
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;
use time::OffsetDateTime;
use uuid::Uuid;

const SAMPLE: &str = include_str!("../www/sample-article.txt");
const SCHEMA: &str = include_str!("../schema/marginalia-pack.v1.schema.json");

fn sample() -> Document {
    parse_plain_text(SAMPLE)
}

/// An annotation of the first occurrence of `quote` in `doc`.
fn on(doc: &Document, n: u128, quote: &str, tags: &[&str], note: &str) -> Annotation {
    let byte = doc.text().find(quote).unwrap_or_else(|| panic!("{quote:?} is in the article"));
    let start = doc.char_of_byte(byte);
    Annotation {
        id: Uuid::from_u128(n),
        target: describe(doc, start, start + quote.chars().count()),
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.into(),
        author: "Jane Doe".into(),
        created: datetime!(2025-03-08 14:05:00 UTC),
        modified: datetime!(2025-03-09 08:00:00.5 +02:00),
    }
}

fn sample_annotations(doc: &Document) -> Vec<Annotation> {
    vec![
        on(doc, 3, "sovereignty is inalienable", &["claim"], "Her core line.\n\nSecond paragraph of the note."),
        on(doc, 1, "It's true", &["quote", "claim"], ""),
        on(doc, 2, "ramped up CIA surveillance drone flights", &["policy-shift"], "=SUM(A1) \"quoted\" <b>bold</b>"),
    ]
}

fn info() -> ExportInfo<'static> {
    ExportInfo {
        source: Some("https://example.com/a?b=1&c=<2>"),
        by: "Jane Doe",
        at: datetime!(2025-03-10 09:00:00 UTC),
    }
}

fn export(doc: &Document, tags: &TagSet, annotations: &[Annotation]) -> String {
    pack::export(doc, tags, annotations, &info())
}

fn validate_against_schema(text: &str) {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let instance: Value = serde_json::from_str(text).expect("the export is JSON");
    let errors: Vec<String> = validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "export does not match the schema:\n{}\n{text}", errors.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Round trips and the schema.

fn check_round_trip(doc: &Document, tags: &TagSet, annotations: &[Annotation]) {
    let text = export(doc, tags, annotations);
    validate_against_schema(&text);
    let (pack, repairs) = Pack::from_bytes(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(repairs.lone_surrogates, 0);
    assert_eq!(pack.to_json(), text, "re-export is byte-identical");
    assert_eq!(pack.document().as_ref(), Some(doc), "the article comes back whole");
    assert_eq!(pack.tags, tags.tags);
    let mut expected: Vec<Annotation> = annotations.to_vec();
    expected.sort_by_key(|a| (a.target.start, a.target.end, a.id));
    assert_eq!(pack.annotations.len(), expected.len());
    for (got, want) in pack.annotations.iter().zip(&expected) {
        assert_eq!(got, want, "same annotation (times compare as instants)");
        assert_eq!(got.modified.offset(), time::UtcOffset::UTC, "times are written in UTC");
    }
    let imported = read_file(text.as_bytes(), tags).expect("imports");
    assert_eq!(imported.format, Format::Pack);
    assert_eq!(imported.annotations, pack.annotations);
    assert_eq!(imported.tags, *tags, "the same tags map onto themselves");
}

#[test]
fn export_then_import_round_trips_byte_for_byte() {
    let doc = sample();
    check_round_trip(&doc, &TagSet::default(), &sample_annotations(&doc));
    check_round_trip(&doc, &TagSet::default(), &[]);
    let odd = Document::new(
        "😀 \"Title\" <script>",
        ArticleMeta { byline: Some("Zoë & Co".into()), date: None, source: None },
        &[(BlockKind::Heading, "😀 Title"), (BlockKind::Paragraph, "e\u{301} שלום 𝒳 \u{2028} tab\there")],
    );
    let a = Annotation { target: describe(&odd, 2, 9), ..on(&sample(), 9, "It's true", &["claim"], "") };
    check_round_trip(&odd, &TagSet::default(), &[a]);
}

#[test]
fn the_pack_names_its_format_version_exporter_and_article() {
    let doc = sample();
    let value: Value = serde_json::from_str(&export(&doc, &TagSet::default(), &sample_annotations(&doc))).unwrap();
    assert_eq!(value["format"], json!(FORMAT));
    assert_eq!(value["schemaVersion"], json!(SCHEMA_VERSION));
    assert_eq!(value["exported"]["by"], json!("Jane Doe"));
    assert_eq!(value["exported"]["at"], json!("2025-03-10T09:00:00Z"));
    assert_eq!(value["article"]["title"], json!(doc.title()));
    assert_eq!(value["article"]["source"], json!("https://example.com/a?b=1&c=<2>"));
    assert_eq!(value["article"]["hash"], json!(doc.hash().0));
    assert_eq!(value["article"]["blocks"].as_array().map(Vec::len), Some(doc.blocks().len()));
    assert_eq!(value["annotations"][0]["modified"], json!("2025-03-09T06:00:00.5Z"));
    assert!(pack::file_name(&doc).ends_with(FILE_SUFFIX));
    assert!(pack::file_name(&doc).starts_with("trump-tells-mexican"));
}

fn arbitrary_note() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..40).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_export_matches_the_schema_and_round_trips(
        ranges in proptest::collection::vec((0usize..2500, 1usize..200, arbitrary_note(), 0u8..3), 0..12),
        author in arbitrary_note(),
        millis in 0i64..4_000_000_000_000,
    ) {
        let doc = sample();
        let len = doc.len_chars();
        let tag_ids = ["claim", "quote", "policy-shift"];
        let annotations: Vec<Annotation> = ranges
            .iter()
            .enumerate()
            .map(|(i, (start, width, note, tag))| {
                let start = start % (len - 1);
                let end = (start + width).min(len);
                Annotation {
                    id: Uuid::from_u128(i as u128 + 1),
                    target: describe(&doc, start, end),
                    tags: vec![TagId::new(tag_ids[*tag as usize])],
                    note: note.clone(),
                    author: author.clone(),
                    created: OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).unwrap(),
                    modified: OffsetDateTime::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000 + 1_000).unwrap(),
                }
            })
            .collect();
        check_round_trip(&doc, &TagSet::default(), &annotations);
    }
}

// ---------------------------------------------------------------------------------------------
// Older versions.

#[test]
fn the_legacy_export_is_migrated() {
    let doc = sample();
    let annotations = sample_annotations(&doc);
    let mut with_unknown_tag = on(&doc, 7, "Coca Cola", &["brand"], "");
    with_unknown_tag.modified = datetime!(2025-03-09 08:00:00 UTC);
    let all: Vec<&Annotation> = annotations.iter().chain([&with_unknown_tag]).collect();
    let legacy = storage::export_json(&doc, all.iter().copied(), datetime!(2025-03-10 09:00:00 UTC));
    let imported = read_file(legacy.as_bytes(), &TagSet::default()).expect("the legacy export imports");
    assert_eq!(imported.format, Format::LegacyExport);
    let article = imported.article.expect("the article text comes along");
    let rebuilt = article.to_document().expect("blocks are recovered from the text");
    assert_eq!((rebuilt.title(), rebuilt.text(), rebuilt.blocks()), (doc.title(), doc.text(), doc.blocks()));
    assert_eq!(imported.annotations.len(), 4);
    for a in &imported.annotations {
        let original = all.iter().find(|b| b.id == a.id).expect("same ids");
        assert_eq!(a, *original);
    }
    assert!(imported.tags.get(&TagId::new("brand")).is_some(), "an unknown tag id becomes a tag");
}

fn check_rejected(value: Value, path: &str, message_part: &str) {
    let text = serde_json::to_string(&value).unwrap();
    match read_file(text.as_bytes(), &TagSet::default()) {
        Err(FormatError { location: Location::Field(p), message }) => {
            assert_eq!(p, path, "{message}");
            assert!(message.contains(message_part), "{message:?} should mention {message_part:?}");
        }
        other => panic!("expected an error at {path}, got {other:?}"),
    }
}

/// The sample pack as JSON, edited by `edit`.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let doc = sample();
    let mut value: Value = serde_json::from_str(&export(&doc, &TagSet::default(), &sample_annotations(&doc))).unwrap();
    edit(&mut value);
    value
}

#[test]
fn newer_versions_are_refused_not_misread() {
    check_rejected(edited(|v| v["schemaVersion"] = json!(2)), "schemaVersion", "newer Marginalia");
    check_rejected(edited(|v| v["schemaVersion"] = json!(0)), "schemaVersion", "does not exist");
    check_rejected(
        json!({"format": "marginalia-annotations", "schema": 2, "annotations": []}),
        "schema",
        "newer Marginalia",
    );
}

// ---------------------------------------------------------------------------------------------
// Validation errors say where.

#[test]
fn errors_name_the_field() {
    check_rejected(
        edited(|v| v["annotations"][1]["target"]["start"] = json!("x")),
        "annotations[1].target.start",
        "expected a whole number",
    );
    check_rejected(
        edited(|v| v["annotations"][2]["target"]["start"] = json!(-1)),
        "annotations[2].target.start",
        "expected a whole number",
    );
    check_rejected(
        edited(|v| v["annotations"][0]["target"]["end"] = json!(1)),
        "annotations[0].target.end",
        "ends before",
    );
    check_rejected(
        edited(|v| v["annotations"][0]["target"]["end"] = json!(9999)),
        "annotations[0].target.end",
        "length",
    );
    check_rejected(
        edited(|v| v["annotations"][0]["target"]["exact"] = json!("")),
        "annotations[0].target.exact",
        "empty",
    );
    check_rejected(edited(|v| v["annotations"][0]["tags"] = json!([])), "annotations[0].tags", "at least one tag");
    check_rejected(edited(|v| v["annotations"][0]["tags"] = json!(["nope"])), "annotations[0].tags[0]", "not among");
    check_rejected(edited(|v| v["annotations"][1]["id"] = json!("not-a-uuid")), "annotations[1].id", "expected a UUID");
    check_rejected(
        edited(|v| v["annotations"][1]["id"] = v["annotations"][0]["id"].clone()),
        "annotations[1].id",
        "annotations[0]",
    );
    check_rejected(
        edited(|v| v["annotations"][0]["created"] = json!("yesterday")),
        "annotations[0].created",
        "date and time",
    );
    check_rejected(edited(|v| v["annotations"][0]["note"] = json!(7)), "annotations[0].note", "expected text");
    check_rejected(edited(|v| v["annotations"] = json!({})), "annotations", "expected a list");
    check_rejected(edited(|v| v["tags"][1]["colour"] = json!("red;}")), "tags[1].colour", "#rrggbb");
    check_rejected(edited(|v| v["tags"][1]["id"] = json!("claim")), "tags[1].id", "twice");
    check_rejected(edited(|v| v["tags"][0]["underline"] = json!("zigzag")), "tags[0].underline", "expected solid");
    check_rejected(edited(|v| v["article"]["hash"] = json!("0".repeat(64))), "article.hash", "does not match");
    check_rejected(edited(|v| v["article"]["text"] = json!("changed")), "article.blocks", "blocks");
    check_rejected(edited(|v| v["article"]["blocks"][1]["start"] = json!(5)), "article.blocks", "blocks");
    check_rejected(
        edited(|v| v.as_object_mut().unwrap().remove("exported").map(|_| ()).unwrap()),
        "exported",
        "missing",
    );
    check_rejected(edited(|v| v["format"] = json!(5)), "format", "expected text");
}

fn check_text_error(bytes: &[u8], line: usize, column: usize, message_part: &str) {
    match read_file(bytes, &TagSet::default()) {
        Err(FormatError { location: Location::Text { line: l, column: c }, message }) => {
            assert_eq!((l, c), (line, column), "{message}");
            assert!(message.contains(message_part), "{message:?} should mention {message_part:?}");
        }
        other => panic!("expected an error at line {line} column {column}, got {other:?}"),
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    check_text_error(b"{\n  \"format\": \"marginalia-pack\",\n  \"x\": @\n}", 3, 8, "not valid JSON");
    check_text_error(b"{\"a\": 1,}", 1, 9, "not valid JSON");
    check_text_error(b"", 1, 0, "not valid JSON");
}

// ---------------------------------------------------------------------------------------------
// Limits and repairs.

#[test]
fn invalid_utf8_is_rejected_with_its_position() {
    let mut bytes = b"{\n  \"note\": \"caf".to_vec();
    bytes.push(0xe9); // Latin-1 é
    bytes.extend_from_slice(b"\"\n}");
    check_text_error(&bytes, 2, 15, "not valid UTF-8");
}

#[test]
fn lone_surrogates_are_repaired_and_counted() {
    let doc = sample();
    let mut a = on(&doc, 1, "It's true", &["claim"], "X");
    a.note = "X".into();
    let text = export(&doc, &TagSet::default(), &[a]);
    let broken =
        text.replace("\"note\": \"X\"", "\"note\": \"half \\ud83d of \\ude00 an emoji \\ud83d\\ude00 \\\\ud800\"");
    assert_ne!(broken, text);
    let imported = read_file(broken.as_bytes(), &TagSet::default()).expect("repairable");
    assert_eq!(imported.repairs.lone_surrogates, 2, "a pair and an escaped backslash are not lone surrogates");
    assert_eq!(imported.annotations[0].note, "half \u{fffd} of \u{fffd} an emoji 😀 \\ud800");
}

#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let doc = sample();
    let text = format!("\u{feff}{}", export(&doc, &TagSet::default(), &sample_annotations(&doc)));
    assert_eq!(read_file(text.as_bytes(), &TagSet::default()).map(|i| i.annotations.len()), Ok(3));
}

#[test]
fn limits_are_enforced_with_clear_messages() {
    let too_big = vec![b' '; MAX_FILE_BYTES + 1];
    let e = read_file(&too_big, &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::File);
    assert!(e.to_string().contains("up to 20 MB"), "{e}");

    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    check_text_error(deep.as_bytes(), 1, 33, "nested more than 32 levels");
    let deep_in_strings = format!("{{\"format\": \"{}\"}}", "[".repeat(100));
    let e = read_file(deep_in_strings.as_bytes(), &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::Field("format".into()), "brackets inside strings are not nesting");
    let after_escapes = format!("{{\"format\": \"\\\"\\\\\\u0041{}\"}}", "[".repeat(100));
    let e = read_file(after_escapes.as_bytes(), &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::Field("format".into()), "nor after escapes inside them");

    check_rejected(
        edited(|v| v["annotations"][0]["note"] = json!("n".repeat(MAX_NOTE_BYTES + 1))),
        "annotations[0].note",
        "up to 100 KB",
    );
    let ok_note = edited(|v| v["annotations"][0]["note"] = json!("é".repeat(MAX_NOTE_BYTES / 2)));
    assert!(read_file(serde_json::to_string(&ok_note).unwrap().as_bytes(), &TagSet::default()).is_ok());
}

#[test]
fn at_most_fifty_thousand_annotations() {
    let doc = sample();
    let one = on(&doc, 1, "It's true", &["claim"], "");
    let many: Vec<Annotation> =
        (0..=MAX_ANNOTATIONS as u128).map(|i| Annotation { id: Uuid::from_u128(i + 1), ..one.clone() }).collect();
    // Compact JSON, so that the file stays under the size limit and the count is what fails.
    let compact = |annotations: &[Annotation]| {
        let value: Value = serde_json::from_str(&export(&doc, &TagSet::default(), annotations)).unwrap();
        serde_json::to_string(&value).unwrap()
    };
    let text = compact(&many);
    assert!(text.len() < MAX_FILE_BYTES);
    let e = read_file(text.as_bytes(), &TagSet::default()).unwrap_err();
    assert_eq!(e.location, Location::Field("annotations".into()));
    assert!(e.message.contains("50000"), "{e}");
    let text = compact(&many[..MAX_ANNOTATIONS]);
    assert_eq!(read_file(text.as_bytes(), &TagSet::default()).map(|i| i.annotations.len()), Ok(MAX_ANNOTATIONS));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_file(&bytes, &TagSet::default());
    }

    #[test]
    fn damaged_packs_never_panic(cut in 0usize..6000, byte in any::<u8>(), at in 0usize..6000) {
        let doc = sample();
        let mut bytes = export(&doc, &TagSet::default(), &sample_annotations(&doc)).into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.max(1) + bytes.len() / 2);
        let _ = read_file(&bytes, &TagSet::default());
    }
}

// ---------------------------------------------------------------------------------------------
// Starter packs (classroom section).

#[test]
fn a_starter_pack_round_trips_validates_and_imports_as_its_tag_set() {
    let doc = sample();
    let mut tags = TagSet::default();
    tags.tags[0].name = "Thesis".into();
    for (lock, instructions) in [(true, "Find the claims.\n\nHand in by Friday."), (false, "")] {
        let text = pack::starter(&doc, &tags, lock, instructions, &info());
        validate_against_schema(&text);
        assert!(!text.contains("answerKey") && !text.contains("selfCheck"), "no key in a starter pack");
        assert_eq!(text.contains("instructions"), !instructions.is_empty());
        let (pack, _) = Pack::from_bytes(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(pack.to_json(), text, "re-export is byte-identical");
        assert!(pack.annotations.is_empty(), "a starter pack has no annotations of its own");
        let classroom = pack.classroom.clone().expect("the classroom section");
        assert_eq!(classroom.lock_tags, lock);
        assert_eq!(classroom.instructions, instructions);
        assert!(classroom.answer_key.is_empty() && !classroom.self_check);
        // Imported over other tags, the pack's tag set comes back as it is.
        let imported = read_file(text.as_bytes(), &TagSet { tags: vec![] }).expect("imports");
        assert_eq!(imported.tags, tags);
        assert!(imported.annotations.is_empty());
        assert_eq!(imported.classroom, Some(classroom));
    }
    assert_eq!(pack::starter_file_name(&doc), pack::file_name(&doc).replace(FILE_SUFFIX, ".starter.marginalia.json"));
}

#[test]
fn a_self_check_key_round_trips_validates_and_keeps_its_key() {
    let doc = sample();
    let key = sample_annotations(&doc);
    let text = pack::self_check_key(&doc, &TagSet::default(), &key, &info());
    validate_against_schema(&text);
    let (pack, _) = Pack::from_bytes(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(pack.to_json(), text, "re-export is byte-identical");
    assert!(pack.annotations.is_empty());
    let classroom = pack.classroom.clone().expect("the classroom section");
    assert!(classroom.self_check && !classroom.lock_tags);
    assert_eq!(classroom.answer_key.len(), key.len());
    assert!(classroom.answer_key.windows(2).all(|w| w[0].target.start <= w[1].target.start), "in article order");
    let imported = read_file(text.as_bytes(), &TagSet::default()).expect("imports");
    assert_eq!(imported.classroom, Some(classroom));
    assert!(imported.annotations.is_empty(), "the key never joins the annotations");
    assert_eq!(
        pack::self_check_file_name(&doc),
        pack::file_name(&doc).replace(FILE_SUFFIX, ".self-check.marginalia.json")
    );
}

#[test]
fn a_pack_without_a_classroom_has_none_and_does_not_write_one() {
    let doc = sample();
    let text = export(&doc, &TagSet::default(), &sample_annotations(&doc));
    assert!(!text.contains("classroom"));
    assert_eq!(read_file(text.as_bytes(), &TagSet::default()).unwrap().classroom, None);
}

#[test]
fn classroom_errors_name_the_field() {
    let doc = sample();
    let starter: Value =
        serde_json::from_str(&pack::self_check_key(&doc, &TagSet::default(), &sample_annotations(&doc), &info()))
            .unwrap();
    let with = |edit: fn(&mut Value)| {
        let mut v = starter.clone();
        edit(&mut v);
        v
    };
    check_rejected(with(|v| v["classroom"]["lockTags"] = json!("yes")), "classroom.lockTags", "true or false");
    check_rejected(with(|v| v["classroom"] = json!(3)), "classroom", "");
    check_rejected(with(|v| v["classroom"]["selfCheck"] = json!("yes")), "classroom.selfCheck", "true or false");
    check_rejected(with(|v| v["classroom"]["instructions"] = json!(7)), "classroom.instructions", "");
    check_rejected(
        with(|v| v["classroom"]["answerKey"][1]["tags"] = json!(["nope"])),
        "classroom.answerKey[1].tags[0]",
        "not among the pack's tags",
    );
    check_rejected(
        with(|v| v["classroom"]["answerKey"][0]["target"]["start"] = json!("x")),
        "classroom.answerKey[0].target.start",
        "expected a whole number",
    );
}

/// Packs come from elsewhere: a `null` counts as a missing field, and a quote without its
/// context or an annotation without note or author is read with empty ones (stored values,
/// which the app writes itself, are strict: tests/stored_golden.rs).
/// A named change to a pack's JSON.
type Edit = (&'static str, fn(&mut Value));

#[test]
fn optional_annotation_fields_may_be_null_or_missing() {
    let edits: [Edit; 5] = [
        ("note null", |v| v["annotations"][0]["note"] = json!(null)),
        ("author null", |v| v["annotations"][0]["author"] = json!(null)),
        ("no note or author", |v| {
            let a = v["annotations"][0].as_object_mut().unwrap();
            a.remove("note");
            a.remove("author");
        }),
        ("no prefix or suffix", |v| {
            let t = v["annotations"][0]["target"].as_object_mut().unwrap();
            t.remove("prefix");
            t.remove("suffix");
        }),
        ("null prefix and suffix", |v| {
            v["annotations"][0]["target"]["prefix"] = json!(null);
            v["annotations"][0]["target"]["suffix"] = json!(null);
        }),
    ];
    for (name, edit) in edits {
        let text = serde_json::to_string(&edited(edit)).unwrap();
        let imported = read_file(text.as_bytes(), &TagSet::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.annotations.len(), 3, "{name}");
    }
    check_rejected(
        edited(|v| v["annotations"][0]["target"]["exact"] = json!(null)),
        "annotations[0].target.exact",
        "missing",
    );
    check_rejected(edited(|v| v["annotations"][0]["created"] = json!(null)), "annotations[0].created", "missing");
}

/// A pack's tags: `null` or a missing description or hotkey is none; a hotkey is one letter or
/// digit, lower-cased as the tag editor keeps it.
#[test]
fn tag_fields_are_read_as_packs_write_them() {
    let read_tags = |edit: fn(&mut Value)| {
        let text = serde_json::to_string(&edited(edit)).unwrap();
        Pack::from_bytes(text.as_bytes()).map(|(pack, _)| TagSet { tags: pack.tags })
    };
    let tags = read_tags(|v| {
        v["tags"][0]["hotkey"] = json!("K");
        v["tags"][1]["hotkey"] = json!(null);
        v["tags"][2].as_object_mut().unwrap().remove("description");
    })
    .unwrap();
    assert_eq!(tags.tags[0].hotkey, Some('k'));
    assert_eq!(tags.tags[1].hotkey, None);
    assert_eq!(tags.tags[2].description, "");
    check_rejected(edited(|v| v["tags"][0]["hotkey"] = json!("ab")), "tags[0].hotkey", "one letter or digit");
    check_rejected(edited(|v| v["tags"][0]["hotkey"] = json!("!")), "tags[0].hotkey", "one letter or digit");
    check_rejected(edited(|v| v["tags"][0]["name"] = json!(null)), "tags[0].name", "missing");
}
