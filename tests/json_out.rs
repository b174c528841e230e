//! The hand-written JSON writers (domain/storage/) give byte for byte what serde_json writes for the same shape: any annotation, list, classroom state, tag set and eviction marker, against a field-by-field description serialised by serde_json; any JSON value through `JsonOut`. Articles, exports and packs are held to their golden files (tests/stored_golden.rs).
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::json::write as json_write;
use marginalia::domain::storage::eviction::{self, Marker};
use marginalia::domain::storage::{self, annotation::text as annotation_text, ClassroomState, SCHEMA_VERSION};
use proptest::prelude::*;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

/// A JSON shape with its members in order, as the writers must write it; serde_json writes it
/// (escaping, numbers, layout), so a writer is compared with serde_json, not with itself.
enum Shape {
    Object(Vec<(&'static str, Shape)>),
    Array(Vec<Shape>),
    Leaf(Value),
    /// An RFC 3339 time as the `time` crate writes it; one it cannot write fails the whole value.
    Time(OffsetDateTime),
}

impl Serialize for Shape {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shape::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Shape::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Shape::Leaf(value) => value.serialize(s),
            Shape::Time(at) => match at.format(&Rfc3339) {
                Ok(text) => s.serialize_str(&text),
                Err(_) => Err(serde::ser::Error::custom("the time does not fit RFC 3339")),
            },
        }
    }
}

fn leaf(value: impl Into<Value>) -> Shape {
    Shape::Leaf(value.into())
}

/// serde_json's compact text of `shape`, empty when a time cannot be written.
fn compact(shape: &Shape) -> String {
    serde_json::to_string(shape).unwrap_or_default()
}

/// A stored value: `{"schema": 1, "<key>": body}`.
fn stored(key: &'static str, body: Shape) -> Shape {
    Shape::Object(vec![("schema", leaf(SCHEMA_VERSION)), (key, body)])
}

fn annotation_shape(a: &Annotation) -> Shape {
    let t = &a.target;
    Shape::Object(vec![
        ("id", leaf(a.id.to_string())),
        (
            "target",
            Shape::Object(vec![
                ("start", leaf(t.start)),
                ("end", leaf(t.end)),
                ("exact", leaf(t.exact.as_str())),
                ("prefix", leaf(t.prefix.as_str())),
                ("suffix", leaf(t.suffix.as_str())),
            ]),
        ),
        ("tags", Shape::Array(a.tags.iter().map(|t| leaf(t.0.as_str())).collect())),
        ("note", leaf(a.note.as_str())),
        ("author", leaf(a.author.as_str())),
        ("created", Shape::Time(a.created)),
        ("modified", Shape::Time(a.modified)),
    ])
}

fn annotations_shape(list: &[Annotation]) -> Shape {
    Shape::Array(list.iter().map(annotation_shape).collect())
}

fn tag_shape(tag: &Tag) -> Shape {
    let mut members = vec![
        ("id", leaf(tag.id.0.as_str())),
        ("name", leaf(tag.name.as_str())),
        ("colour", leaf(tag.colour.as_str())),
        ("underline", leaf(tag.underline.css())),
        ("description", leaf(tag.description.as_str())),
    ];
    if let Some(key) = tag.hotkey {
        members.push(("hotkey", leaf(key.to_string())));
    }
    Shape::Object(members)
}

fn marker_shape(marker: &Marker) -> Shape {
    let mut members = vec![("saved", leaf(marker.saved))];
    if let Some(name) = &marker.export_name {
        members.push(("export_name", leaf(name.as_str())));
    }
    if let Some(at) = &marker.export_at {
        members.push(("export_at", leaf(at.as_str())));
    }
    Shape::Object(members)
}

fn tag(id: &str, underline: UnderlineStyle, hotkey: Option<char>) -> Tag {
    Tag {
        id: TagId::new(id),
        name: format!("{id} \"name\"\t"),
        colour: "#123abc".into(),
        underline,
        description: "line\nbreak \u{7f} \u{1f} \\ /".into(),
        hotkey,
    }
}

fn arbitrary_time() -> impl Strategy<Value = OffsetDateTime> {
    (-62_167_219_200i64..253_402_300_799, 0u32..1_000_000_000, -86_399i32..86_399).prop_map(|(s, n, off)| {
        let at = OffsetDateTime::from_unix_timestamp(s).unwrap().replace_nanosecond(n).unwrap();
        at.checked_to_offset(UtcOffset::from_whole_seconds(off).unwrap()).unwrap_or(at)
    })
}

/// Any text, or text of ASCII only, control characters included (which any text rarely holds).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[\u{0}-\u{7f}]{0,30}"]
}

fn arbitrary_annotation() -> impl Strategy<Value = Annotation> {
    (
        any::<u128>(),
        (any::<usize>(), any::<usize>()),
        (text(), text(), text()),
        proptest::collection::vec(text().prop_map(TagId), 0..4),
        (text(), text()),
        (arbitrary_time(), arbitrary_time()),
    )
        .prop_map(|(id, (start, end), (exact, prefix, suffix), tags, (note, author), (created, modified))| {
            Annotation {
                id: Uuid::from_u128(id),
                target: Target { start, end, exact, prefix, suffix },
                tags,
                note,
                author,
                created,
                modified,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn annotations_are_written_as_serde_json_writes_them(a in arbitrary_annotation(), b in arbitrary_annotation()) {
        prop_assert_eq!(annotation_text(&a), compact(&annotation_shape(&a)));
        prop_assert_eq!(storage::encode(&a), compact(&stored("annotation", annotation_shape(&a))));
        let list = vec![a.clone(), b];
        prop_assert_eq!(storage::encode_list(&list), compact(&stored("annotations", annotations_shape(&list))));
        prop_assert_eq!(storage::encode_list(&[]), compact(&stored("annotations", annotations_shape(&[]))));
        let states = [(true, false, list.clone(), "Line\none \"q\""), (false, true, Vec::new(), "")];
        for (lock_tags, revealed, answer_key, instructions) in states {
            let state = ClassroomState { lock_tags, answer_key, revealed, instructions: instructions.into() };
            let mut fields = vec![
                ("lockTags", leaf(state.lock_tags)),
                ("answerKey", annotations_shape(&state.answer_key)),
                ("revealed", leaf(state.revealed)),
            ];
            if !state.instructions.is_empty() {
                fields.push(("instructions", leaf(state.instructions.as_str())));
            }
            prop_assert_eq!(storage::encode_classroom(&state), compact(&stored("classroom", Shape::Object(fields))));
        }
    }

    #[test]
    fn markers_are_written_as_serde_json_writes_them(saved in any::<bool>(), name in proptest::option::of(text()), at in proptest::option::of(text())) {
        let marker = Marker { saved, export_name: name, export_at: at };
        prop_assert_eq!(eviction::encode(&marker), compact(&marker_shape(&marker)));
    }
}

#[test]
fn every_ascii_character_is_escaped_as_serde_json_escapes_it() {
    let all: String = (0u8..=0x7f).map(char::from).collect();
    for text in [all.clone(), format!("é{all}😀"), "\\\"".into(), String::new()] {
        let marker = Marker { saved: true, export_name: Some(text.clone()), export_at: None };
        assert_eq!(eviction::encode(&marker), compact(&marker_shape(&marker)), "{text:?}");
    }
}

#[test]
fn a_time_rfc3339_cannot_write_empties_the_value_as_before() {
    let mut a = marginalia::domain::annotation::Annotation {
        id: Uuid::from_u128(1),
        target: Target { start: 0, end: 1, exact: "x".into(), prefix: String::new(), suffix: String::new() },
        tags: vec![TagId::new("claim")],
        note: String::new(),
        author: String::new(),
        created: OffsetDateTime::UNIX_EPOCH,
        modified: OffsetDateTime::UNIX_EPOCH.replace_year(-1).unwrap(),
    };
    assert_eq!(storage::encode(&a), "");
    assert_eq!(storage::encode(&a), compact(&stored("annotation", annotation_shape(&a))));
    a.modified = OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_hms(1, 2, 3).unwrap());
    assert_eq!(storage::encode(&a), compact(&stored("annotation", annotation_shape(&a))));
}

#[test]
fn tag_sets_are_written_as_serde_json_writes_them() {
    let sets = [
        TagSet::default(),
        TagSet {
            tags: vec![
                tag("a", UnderlineStyle::Solid, Some('k')),
                tag("b", UnderlineStyle::Double, None),
                tag("c", UnderlineStyle::Dotted, Some('ß')),
                tag("d", UnderlineStyle::Dashed, Some('7')),
                tag("e", UnderlineStyle::Wavy, Some('"')),
            ],
        },
        TagSet { tags: Vec::new() },
    ];
    for set in &sets {
        assert_eq!(
            storage::encode_tags(set),
            compact(&stored(
                "tags",
                Shape::Object(vec![("tags", Shape::Array(set.tags.iter().map(tag_shape).collect()))])
            ))
        );
    }
}

/// Any JSON value: every kind, nested a few levels, numbers of every sort.
fn arbitrary_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(text(), inner, 0..8).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn values_are_written_as_serde_json_writes_them(value in arbitrary_value()) {
        prop_assert_eq!(json_write::pretty_text(&value), serde_json::to_string_pretty(&value).unwrap());
        prop_assert_eq!(json_write::compact_text(&value), value.to_string());
    }
}
