//! The pack reader's fast path (`pack::read_fast`) answers exactly as the field-by-field reader (`pack::read`) whenever it answers, and gives up on anything that reader would read differently or reject.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::anchor::describe;
use marginalia::domain::annotation::Annotation;
use marginalia::domain::format::import::read_file;
use marginalia::domain::format::pack::{self, ExportInfo};
use marginalia::domain::format::{json, FormatError, Imported};
use marginalia::domain::plain_text::parse_plain_text;
use marginalia::domain::tags::{TagId, TagSet};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;
use uuid::Uuid;

const SAMPLE: &str = include_str!("../www/sample-article.txt");

fn annotations() -> Vec<Annotation> {
    let doc = parse_plain_text(SAMPLE);
    [(1, 0, 9, "claim", "a note"), (2, 100, 140, "quote", ""), (3, 2000, 2031, "policy-shift", "x")]
        .into_iter()
        .map(|(n, start, end, tag, note)| Annotation {
            id: Uuid::from_u128(n),
            target: describe(&doc, start, end),
            tags: vec![TagId::new(tag)],
            note: note.into(),
            author: "Ana".into(),
            created: datetime!(2025-03-08 14:05:00 UTC),
            modified: datetime!(2025-03-09 08:00:00.5 UTC),
        })
        .collect()
}

fn sample_pack() -> String {
    let doc = parse_plain_text(SAMPLE);
    let info = ExportInfo { source: Some("https://example.com/a"), by: "Ana", at: datetime!(2025-03-10 09:00:00 UTC) };
    pack::export(&doc, &TagSet::default(), &annotations(), &info)
}

/// The field-by-field reader, through a JSON tree.
fn slow(text: &str) -> Result<Imported, FormatError> {
    let (value, repairs) = json::parse(text.as_bytes())?;
    pack::read(value, repairs, &TagSet::default())
}

fn fast(text: &str) -> Option<Imported> {
    pack::read_fast(&json::checked_text(text.as_bytes()).ok()?, &TagSet::default())
}

fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&sample_pack()).unwrap();
    edit(&mut value);
    serde_json::to_string(&value).unwrap()
}

#[test]
fn what_marginalia_exports_takes_the_fast_path() {
    let text = sample_pack();
    let doc = parse_plain_text(SAMPLE);
    let info = ExportInfo { source: None, by: "Ana", at: datetime!(2025-03-10 09:00:00 UTC) };
    let starter = pack::starter(&doc, &TagSet::default(), &annotations(), true, &info);
    for text in [text, starter] {
        let read = fast(&text).expect("the fast path answers");
        assert_eq!(Ok(read.clone()), slow(&text));
        assert_eq!(Ok(read), read_file(text.as_bytes(), &TagSet::default()));
    }
}

/// Edits the fast path must either read as the field-by-field reader does or leave to it.
#[test]
fn the_fast_path_gives_up_on_what_it_cannot_read_the_same_way() {
    let cases: Vec<(&str, String, bool)> = vec![
        // An id given as its 16 bytes: the UUID crate would read it, the pack reader does not.
        (
            "id as bytes",
            edited(|v| v["annotations"][0]["id"] = json!([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            false,
        ),
        ("id in braces", edited(|v| v["annotations"][0]["id"] = json!("{00000000-0000-0000-0000-000000000001}")), true),
        (
            "an id key written with escapes",
            sample_pack().replacen(
                "\"id\": \"00000000-0000-0000-0000-000000000001\"",
                "\"i\\u0064\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]",
                1,
            ),
            false,
        ),
        ("null note", edited(|v| v["annotations"][0]["note"] = Value::Null), false),
        (
            "no prefix",
            edited(|v| {
                v["annotations"][1]["target"].as_object_mut().unwrap().remove("prefix");
            }),
            false,
        ),
        (
            "no note",
            edited(|v| {
                v["annotations"][1].as_object_mut().unwrap().remove("note");
            }),
            true,
        ),
        ("null exact", edited(|v| v["annotations"][1]["target"]["exact"] = Value::Null), false),
        ("fractional start", edited(|v| v["annotations"][1]["target"]["start"] = json!(100.0)), false),
        ("negative end", edited(|v| v["annotations"][1]["target"]["end"] = json!(-1)), false),
        ("numeric tag", edited(|v| v["annotations"][2]["tags"] = json!([1])), false),
        ("extra member", edited(|v| v["annotations"][2]["colour"] = json!("red")), true),
        ("bad time", edited(|v| v["annotations"][2]["created"] = json!("yesterday")), false),
        ("older version", edited(|v| v["schemaVersion"] = json!(0)), false),
        (
            "no annotations",
            edited(|v| {
                v.as_object_mut().unwrap().remove("annotations");
            }),
            false,
        ),
        // serde_json keeps the last of two equal keys; the fast path refuses them.
        (
            "duplicate key",
            sample_pack().replacen("\"note\": \"a note\"", "\"note\": \"first\", \"note\": \"a note\"", 1),
            false,
        ),
    ];
    for (what, text, answers) in cases {
        assert_eq!(fast(&text).is_some(), answers, "{what}");
        if let Some(read) = fast(&text) {
            assert_eq!(Ok(read), slow(&text), "{what}");
        }
        assert_eq!(read_file(text.as_bytes(), &TagSet::default()), slow(&text), "{what}");
    }
}

fn any_json() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        any::<bool>().prop_map(|b| Some(json!(b))),
        any::<i64>().prop_map(|n| Some(json!(n))),
        (0u64..5000).prop_map(|n| Some(json!(n))),
        any::<f64>().prop_map(|f| Some(json!(f))),
        "[a-z0-9 :.\\-]{0,12}".prop_map(|s| Some(json!(s))),
        Just(Some(json!("2025-01-01T00:00:00Z"))),
        Just(Some(json!("00000000-0000-4000-8000-000000000009"))),
        Just(Some(json!(["claim"]))),
        Just(Some(json!([1, 2]))),
        Just(Some(json!({}))),
    ]
}

const FIELDS: [&str; 12] = [
    "id",
    "tags",
    "note",
    "author",
    "created",
    "modified",
    "target",
    "target.start",
    "target.end",
    "target.exact",
    "target.prefix",
    "target.suffix",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any field of any annotation replaced by any JSON (or removed): the fast path, when it
    /// answers, answers as the field-by-field reader; and reading a file always does.
    #[test]
    fn the_fast_path_agrees_with_the_field_by_field_reader(index in 0usize..3, field in 0usize..FIELDS.len(), new in any_json()) {
        let text = edited(|v| {
            let mut at = &mut v["annotations"][index];
            let path: Vec<&str> = FIELDS[field].split('.').collect();
            for key in &path[..path.len() - 1] {
                at = &mut at[*key];
            }
            let object = at.as_object_mut().unwrap();
            match new {
                Some(new) => { object.insert(path[path.len() - 1].to_string(), new); }
                None => { object.remove(path[path.len() - 1]); }
            }
        });
        if let Some(read) = fast(&text) {
            prop_assert_eq!(Ok(read), slow(&text));
        }
        prop_assert_eq!(read_file(text.as_bytes(), &TagSet::default()), slow(&text));
    }
}
