//! Native tests of the storage codec (round trips, damaged values, newer schemas), the key scheme and the JSON export.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::tags::TagId;
use marginalia::domain::annotation::{format_utc, time_from_millis, Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, ContentHash, Document};
use marginalia::domain::storage;
use marginalia::domain::storage::{
    annotation_key, article_prefix, backup_key, decode, encode, export_file_name, export_json, DecodeError,
    EXPORT_FORMAT, KEY_PREFIX, SCHEMA_VERSION,
};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

fn annotation(n: u128, exact: &str, tags: &[&str], note: &str) -> Annotation {
    Annotation {
        id: Uuid::from_u128(n),
        target: Target {
            start: 4,
            end: 4 + exact.chars().count(),
            exact: exact.into(),
            prefix: "The ".into(),
            suffix: " sat.".into(),
        },
        tags: tags.iter().map(|t| TagId::new(t)).collect(),
        note: note.into(),
        author: "Jane".into(),
        created: datetime!(2025-03-08 14:05:00 UTC),
        modified: datetime!(2025-03-09 08:00:00.5 UTC),
    }
}

fn doc() -> Document {
    Document::new(
        "The \"Cat\" <b>Report</b>",
        ArticleMeta::default(),
        &[(BlockKind::Heading, "The cat report"), (BlockKind::Paragraph, "The cat sat. 😀 שלום")],
    )
}

/// A stored value as JSON, for editing in the tests.
fn stored(a: &Annotation) -> Value {
    serde_json::from_str(&encode(a)).expect("encode writes JSON")
}

// ---------------------------------------------------------------------------------------------
// Round trips.

fn check_round_trip(a: Annotation) {
    let value = encode(&a);
    assert_eq!(decode(&value), Ok(a.clone()), "{value}");
    assert_eq!(stored(&a)["schema"], json!(SCHEMA_VERSION));
    assert_eq!(encode(&decode(&value).unwrap()), value, "encoding is stable");
}

#[test]
fn encode_then_decode_round_trips() {
    check_round_trip(annotation(1, "cat", &["claim"], ""));
    check_round_trip(annotation(2, "cat", &["claim", "quote", "policy-shift"], "A note."));
    check_round_trip(annotation(3, "😀 e\u{301} 🇲🇽 𝒳", &["quote"], "Ünïcödé 👨\u{200d}👩\u{200d}👧 שלום مرحبا"));
    check_round_trip(annotation(4, "\"quoted\" \\ back\nslash\t", &["claim"], "</script><b>not html</b>"));
    check_round_trip(annotation(u128::MAX, "x", &["unknown-tag"], "\u{0}\u{1f}"));
    check_round_trip(Annotation { author: String::new(), ..annotation(5, "cat", &["claim"], "") });
    check_round_trip(Annotation {
        created: datetime!(1999-12-31 23:59:59.123456789 +05:30),
        modified: datetime!(2100-01-01 00:00:00 -08:00),
        ..annotation(6, "cat", &["claim"], "")
    });
    check_round_trip(Annotation {
        created: time_from_millis(1_741_442_700_123.0),
        ..annotation(7, "cat", &["claim"], "")
    });
    check_round_trip(Annotation {
        target: Target { start: 0, end: 1_000_000, exact: "big".into(), prefix: String::new(), suffix: String::new() },
        ..annotation(8, "cat", &["claim"], "")
    });
}

#[test]
fn missing_note_and_author_default_to_empty() {
    let full = annotation(1, "cat", &["claim"], "note");
    let mut value = stored(&full);
    let fields = value["annotation"].as_object_mut().unwrap();
    fields.remove("note");
    fields.remove("author");
    let decoded = decode(&value.to_string()).unwrap();
    assert_eq!(decoded, Annotation { note: String::new(), author: String::new(), ..full });
}

#[test]
fn older_and_current_schemas_and_unknown_fields_are_read() {
    let a = annotation(1, "cat", &["claim"], "");
    for schema in [0, 1] {
        let mut value = stored(&a);
        value["schema"] = json!(schema);
        assert_eq!(decode(&value.to_string()), Ok(a.clone()), "schema {schema}");
    }
    let mut value = stored(&a);
    value["extra"] = json!("ignored");
    value["annotation"]["extra"] = json!([1, 2]);
    assert_eq!(decode(&value.to_string()), Ok(a.clone()));
    let pretty = serde_json::to_string_pretty(&stored(&a)).unwrap();
    assert_eq!(decode(&pretty), Ok(a), "white space in the JSON does not matter");
}

// ---------------------------------------------------------------------------------------------
// Damaged values are Corrupt; values from a newer schema are NewerSchema.

fn check_corrupt(value: &str) {
    assert!(matches!(decode(value), Err(DecodeError::Corrupt(_))), "{value:?} decoded as {:?}", decode(value));
}

fn check_newer(value: &str, schema: u32) {
    assert_eq!(decode(value), Err(DecodeError::NewerSchema(schema)), "{value:?}");
}

/// The stored value of a sample annotation with `edit` applied to its JSON.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = stored(&annotation(1, "cat", &["claim"], "n"));
    edit(&mut value);
    value.to_string()
}

#[test]
fn non_json_is_corrupt() {
    check_corrupt("");
    check_corrupt(" ");
    check_corrupt("not json");
    check_corrupt("{");
    check_corrupt("}");
    check_corrupt("null");
    check_corrupt("true");
    check_corrupt("1");
    check_corrupt("\"schema\"");
    check_corrupt("[]");
    check_corrupt("[1, {}]");
    check_corrupt("{schema: 1}");
    check_corrupt(&(encode(&annotation(1, "cat", &["claim"], "")) + "x")); // trailing garbage
    check_corrupt(&encode(&annotation(1, "cat", &["claim"], "")).replace('"', "'"));
}

#[test]
fn truncated_values_are_corrupt() {
    let value = encode(&annotation(1, "😀 cat", &["claim", "quote"], "a note"));
    for (end, _) in value.char_indices().skip(1) {
        check_corrupt(&value[..end]);
    }
    check_corrupt(&value[1..]);
}

#[test]
fn missing_or_mistyped_fields_are_corrupt() {
    check_corrupt("{}");
    check_corrupt(r#"{"schema": 1}"#);
    check_corrupt(r#"{"annotation": {}}"#);
    check_corrupt(&edited(|v| drop(v.as_object_mut().unwrap().remove("schema"))));
    check_corrupt(&edited(|v| drop(v.as_object_mut().unwrap().remove("annotation"))));
    for field in ["id", "target", "tags", "created", "modified"] {
        check_corrupt(&edited(|v| drop(v["annotation"].as_object_mut().unwrap().remove(field))));
    }
    for field in ["start", "end", "exact", "prefix", "suffix"] {
        check_corrupt(&edited(|v| drop(v["annotation"]["target"].as_object_mut().unwrap().remove(field))));
    }
    check_corrupt(&edited(|v| v["schema"] = json!("1")));
    check_corrupt(&edited(|v| v["schema"] = json!(-1)));
    check_corrupt(&edited(|v| v["schema"] = json!(1.5)));
    check_corrupt(&edited(|v| v["schema"] = json!(null)));
    check_corrupt(&edited(|v| v["annotation"] = json!(null)));
    check_corrupt(&edited(|v| v["annotation"] = json!("text")));
    check_corrupt(&edited(|v| v["annotation"]["id"] = json!("not-a-uuid")));
    check_corrupt(&edited(|v| v["annotation"]["id"] = json!(7)));
    check_corrupt(&edited(|v| v["annotation"]["tags"] = json!("claim")));
    check_corrupt(&edited(|v| v["annotation"]["tags"] = json!([1])));
    check_corrupt(&edited(|v| v["annotation"]["note"] = json!(null)));
    check_corrupt(&edited(|v| v["annotation"]["created"] = json!("yesterday")));
    check_corrupt(&edited(|v| v["annotation"]["created"] = json!(1_741_442_700)));
    check_corrupt(&edited(|v| v["annotation"]["modified"] = json!("2025-03-08 14:05:00")));
    check_corrupt(&edited(|v| v["annotation"]["target"]["start"] = json!(-1)));
    check_corrupt(&edited(|v| v["annotation"]["target"]["end"] = json!("5")));
    check_corrupt(&edited(|v| v["annotation"]["target"]["exact"] = json!(5)));
}

#[test]
fn newer_schemas_are_told_apart() {
    check_newer(r#"{"schema": 2}"#, 2);
    check_newer(r#"{"schema": 2, "annotation": {"shape": "unknown"}}"#, 2);
    check_newer(&edited(|v| v["schema"] = json!(2)), 2);
    check_newer(&edited(|v| v["schema"] = json!(99)), 99);
    check_newer(&edited(|v| v["schema"] = json!(u32::MAX)), u32::MAX);
    check_newer(&edited(|v| drop(v.as_object_mut().unwrap().remove("annotation"))).replace(":1", ":2"), 2);
    check_corrupt(r#"{"schema": 2"#); // truncated: not readable at all
}

#[test]
fn errors_explain_themselves() {
    assert!(DecodeError::NewerSchema(2).to_string().contains("newer version"));
    assert!(DecodeError::NewerSchema(2).to_string().contains('2'));
    assert!(DecodeError::Corrupt("bad".into()).to_string().contains("bad"));
}

// ---------------------------------------------------------------------------------------------
// Keys.

fn hash(hex: &str) -> ContentHash {
    ContentHash(hex.to_string())
}

fn check_key(article: &str, n: u128, key: &str, prefix: &str) {
    let (article, id) = (hash(article), Uuid::from_u128(n));
    assert_eq!(annotation_key(&article, &id), key);
    assert_eq!(article_prefix(&article), prefix);
    assert!(key.starts_with(prefix) && key.starts_with(KEY_PREFIX));
    assert_eq!(key[prefix.len()..].parse::<Uuid>(), Ok(id), "the id can be read back from the key");
}

#[test]
fn annotation_keys_and_article_prefixes() {
    let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    check_key(
        abc,
        1,
        "marginalia/v1/ba7816bf8f01cfea/a/00000000-0000-0000-0000-000000000001",
        "marginalia/v1/ba7816bf8f01cfea/a/",
    );
    check_key(
        abc,
        u128::MAX,
        "marginalia/v1/ba7816bf8f01cfea/a/ffffffff-ffff-ffff-ffff-ffffffffffff",
        "marginalia/v1/ba7816bf8f01cfea/a/",
    );
    check_key("0123", 2, "marginalia/v1/0123/a/00000000-0000-0000-0000-000000000002", "marginalia/v1/0123/a/");
    assert_eq!(article_prefix(doc().hash()), format!("marginalia/v1/{}/a/", &doc().hash().0[..16]));
    assert_eq!(KEY_PREFIX, "marginalia/");
}

#[test]
fn different_articles_have_disjoint_prefixes() {
    let (a, b) = (hash("aaaaaaaaaaaaaaaa0"), hash("aaaaaaaaaaaaaaab0"));
    assert_ne!(article_prefix(&a), article_prefix(&b));
    assert!(!annotation_key(&a, &Uuid::nil()).starts_with(&article_prefix(&b)));
    assert!(
        !article_prefix(&a).starts_with(&article_prefix(&b)) && !article_prefix(&b).starts_with(&article_prefix(&a))
    );
}

fn check_backup(key: &str, expected: &str) {
    assert_eq!(backup_key(key), expected, "backup_key({key:?})");
    assert!(expected.starts_with("marginalia/backup/"));
}

#[test]
fn backup_keys() {
    check_backup("marginalia/v1/ba7816bf8f01cfea/a/x", "marginalia/backup/v1/ba7816bf8f01cfea/a/x");
    check_backup("marginalia/anything", "marginalia/backup/anything");
    check_backup("foreign/key", "marginalia/backup/foreign/key");
    check_backup("", "marginalia/backup/");
    check_backup("marginalia/", "marginalia/backup/");
    let key = annotation_key(doc().hash(), &Uuid::from_u128(9));
    assert!(!backup_key(&key).starts_with(&article_prefix(doc().hash())), "a backup is not read as an annotation");
    assert_ne!(backup_key(&key), backup_key(&annotation_key(doc().hash(), &Uuid::from_u128(10))));
}

// ---------------------------------------------------------------------------------------------
// The JSON export.

fn check_export(annotations: &[Annotation]) {
    let d = doc();
    let now = datetime!(2025-03-08 14:05:00 UTC);
    let json: Value = serde_json::from_str(&export_json(&d, annotations, now)).expect("the export is JSON");
    assert_eq!(json["format"], json!(EXPORT_FORMAT));
    assert_eq!(json["format"], json!("marginalia-annotations"));
    assert_eq!(json["schema"], json!(SCHEMA_VERSION));
    assert_eq!(json["exported"], json!("2025-03-08T14:05:00Z"));
    assert_eq!(json["article"]["hash"], json!(d.hash().0));
    assert_eq!(json["article"]["title"], json!(d.title()));
    assert_eq!(json["article"]["text"], json!(d.text()));
    let exported: Vec<Annotation> = json["annotations"]
        .as_array()
        .expect("a list of annotations")
        .iter()
        .map(|a| {
            decode(&json!({ "schema": SCHEMA_VERSION, "annotation": a }).to_string()).expect("annotation read back")
        })
        .collect();
    assert_eq!(exported, annotations, "every annotation, in the order given");
}

#[test]
fn export_json_carries_everything() {
    check_export(&[]);
    check_export(&[annotation(1, "cat", &["claim"], "")]);
    check_export(&[
        annotation(3, "😀 e\u{301}", &["quote", "claim"], "note with \"quotes\" and </script>"),
        annotation(1, "cat", &["claim"], ""),
        annotation(2, "sat", &["policy-shift"], "שלום"),
    ]);
}

#[test]
fn export_times_are_utc() {
    let d = doc();
    let json: Value = serde_json::from_str(&export_json(&d, [], datetime!(2025-03-08 16:05:00.25 +02:00))).unwrap();
    assert_eq!(json["exported"], json!("2025-03-08T14:05:00.25Z"));
}

fn check_file_name(title: &str, expected: &str) {
    let d = Document::new(title, ArticleMeta::default(), &[(BlockKind::Paragraph, "x")]);
    assert_eq!(export_file_name(&d), expected, "export_file_name for {title:?}");
}

#[test]
fn export_file_names() {
    check_file_name("The Cat Report", "the-cat-report.annotations.json");
    check_file_name(
        "  Trump tells Mexican president: he wants US troops!  ",
        "trump-tells-mexican-president-he-wants-us-troops.annotations.json",
    );
    check_file_name(
        "one two three four five six seven eight nine ten",
        "one-two-three-four-five-six-seven-eight.annotations.json",
    );
    check_file_name("Café Société", "café-société.annotations.json");
    check_file_name("../../etc/passwd", "etc-passwd.annotations.json");
    check_file_name("", "article.annotations.json");
    check_file_name("!!! ???", "article.annotations.json");
    check_file_name("😀", "article.annotations.json");
}

fn check_time(millis: f64, expected: &str) {
    assert_eq!(format_utc(time_from_millis(millis)), expected, "time_from_millis({millis})");
}

#[test]
fn browser_clock_times() {
    check_time(0.0, "1970-01-01T00:00:00Z");
    check_time(1_741_442_700_000.0, "2025-03-08T14:05:00Z");
    check_time(1_741_442_700_500.0, "2025-03-08T14:05:00.5Z");
    // Whole milliseconds, never the float noise of millis * 1e6 in f64 (`…20.056999936Z`).
    check_time(1_796_629_400_057.0, "2026-12-07T07:43:20.057Z");
    check_time(1_796_629_400_057.4, "2026-12-07T07:43:20.057Z");
    for ms in (1_796_629_400_000u64..1_796_629_401_000).step_by(7) {
        let text = format_utc(time_from_millis(ms as f64));
        let fraction = text.trim_end_matches('Z').rsplit_once('.').map_or("", |(_, f)| f);
        assert!(fraction.len() <= 3, "{ms} ms wrote {text}");
    }
    check_time(f64::NAN, "1970-01-01T00:00:00Z");
    check_time(1e300, "1970-01-01T00:00:00Z");
    check_time(1e30, "1970-01-01T00:00:00Z"); // out of range: the epoch
    assert_eq!(format_utc(datetime!(2025-03-08 15:05:00 +01:00)), "2025-03-08T14:05:00Z");
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn arbitrary_time() -> impl Strategy<Value = OffsetDateTime> {
    (0i64..4_000_000_000, 0u32..1_000_000_000, -23i8..=23, 0i8..60).prop_map(|(secs, nanos, h, m)| {
        let offset = UtcOffset::from_hms(h, if h < 0 { -m } else { m }, 0).expect("a valid offset");
        (OffsetDateTime::from_unix_timestamp(secs).unwrap() + time::Duration::nanoseconds(nanos.into()))
            .to_offset(offset)
    })
}

fn arbitrary_annotation() -> impl Strategy<Value = Annotation> {
    (
        any::<u128>(),
        (0usize..1_000_000, 0usize..1000),
        (any::<String>(), any::<String>(), any::<String>()),
        proptest::collection::vec(any::<String>().prop_map(TagId), 1..4),
        (any::<String>(), any::<String>()),
        (arbitrary_time(), arbitrary_time()),
    )
        .prop_map(|(id, (start, len), (exact, prefix, suffix), tags, (note, author), (created, modified))| {
            Annotation {
                id: Uuid::from_u128(id),
                target: Target { start, end: start + len, exact, prefix, suffix },
                tags,
                note,
                author,
                created,
                modified,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_annotation_round_trips(a in arbitrary_annotation()) {
        let value = encode(&a);
        // Times come back exact, except the float noise of earlier versions' browser clock
        // (within a microsecond of a whole millisecond), which reads as that millisecond.
        let settled = Annotation {
            created: marginalia::domain::text::rfc3339::settle(a.created),
            modified: marginalia::domain::text::rfc3339::settle(a.modified),
            ..a
        };
        prop_assert_eq!(decode(&value), Ok(settled));
    }

    #[test]
    fn any_truncation_is_corrupt(a in arbitrary_annotation(), cut in any::<prop::sample::Index>()) {
        let value = encode(&a);
        let ends: Vec<usize> = value.char_indices().map(|(i, _)| i).skip(1).collect();
        let end = ends[cut.index(ends.len())];
        prop_assert!(matches!(decode(&value[..end]), Err(DecodeError::Corrupt(_))));
    }

    #[test]
    fn any_newer_schema_is_refused(a in arbitrary_annotation(), schema in 2u32..) {
        let mut value: Value = serde_json::from_str(&encode(&a)).unwrap();
        value["schema"] = json!(schema);
        prop_assert_eq!(decode(&value.to_string()), Err(DecodeError::NewerSchema(schema)));
    }
}

#[test]
fn stored_articles_rebuild_the_same_document() {
    use marginalia::domain::article::loader::{load_text, FileKind};
    let source = "# Title\n\nSome *soft* and **loud** [link](https://example.org).\n\n> Quote\n\n- a\n  - b\n\n1. one";
    let doc = load_text(FileKind::Markdown, source, None, Some("notes.md")).unwrap();
    let added = time::OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let stored = storage::encode_article(&doc, added);
    let (back, when) = storage::decode_article(&stored, Some(doc.hash().short())).unwrap();
    assert_eq!(back, doc);
    assert_eq!(when, added);
    assert_eq!(storage::encode_article(&back, added), stored, "re-encoding is byte-identical");
    let renamed = back.with_title("Renamed");
    assert_eq!((renamed.title(), renamed.hash()), ("Renamed", doc.hash()));
}

#[test]
fn damaged_or_newer_stored_articles_are_refused() {
    let doc = marginalia::domain::article::plain_text::parse_plain_text("Title\n\nBody.");
    let stored = storage::encode_article(&doc, time::OffsetDateTime::UNIX_EPOCH);
    assert!(matches!(storage::decode_article(&stored, Some("0000000000000000")), Err(DecodeError::Corrupt(_))));
    assert!(matches!(storage::decode_article(&stored[..stored.len() / 2], None), Err(DecodeError::Corrupt(_))));
    let newer = stored.replacen("\"schema\":1", "\"schema\":3", 1);
    assert_eq!(storage::decode_article(&newer, None).map(|_| ()), Err(DecodeError::NewerSchema(3)));
    let key = storage::article_key(doc.hash());
    assert_eq!(storage::article_key_hash(&key), Some(doc.hash().short()));
    assert_eq!(storage::article_key_hash("marginalia/v1/abc/a/x"), None);
}

#[test]
fn classroom_state_round_trips_and_refuses_newer_schemas() {
    use marginalia::domain::storage::{classroom_key, decode_classroom, encode_classroom, ClassroomState};
    let key = classroom_key(&ContentHash("ab".repeat(32)));
    assert!(key.starts_with("marginalia/v1/") && key.ends_with("/classroom"), "{key}");
    let state = ClassroomState {
        lock_tags: true,
        answer_key: vec![annotation(1, "a quote", &["claim"], "why")],
        revealed: false,
        instructions: String::new(),
    };
    assert_eq!(decode_classroom(&encode_classroom(&state)), Ok(state.clone()));
    assert!(!encode_classroom(&state).contains("instructions"), "stored only when there are some");
    let revealed = ClassroomState { revealed: true, ..state };
    assert_eq!(decode_classroom(&encode_classroom(&revealed)), Ok(revealed.clone()));
    let with_text = ClassroomState { instructions: "Line one\n<i>two</i>".into(), ..revealed };
    assert_eq!(decode_classroom(&encode_classroom(&with_text)), Ok(with_text));
    assert_eq!(decode_classroom(r#"{"schema":9,"classroom":{}}"#), Err(DecodeError::NewerSchema(9)));
    assert!(matches!(decode_classroom("{"), Err(DecodeError::Corrupt(_))));
}
