//! The hand-written JSON writers (domain/json_out.rs) give byte for byte what serde_json made of the derived `Serialize`: stored values, the JSON export, packs and the eviction marker.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::document::{ArticleMeta, Document, RawBlock};
use marginalia::domain::eviction::{self, Marker};
use marginalia::domain::format::pack::{self, ExportInfo, Pack};
use marginalia::domain::json_out::annotation_text;
use marginalia::domain::loader::{load_text, FileKind};
use marginalia::domain::persist::{self, ClassroomState, SCHEMA_VERSION};
use marginalia::domain::tags::{Tag, TagId, TagSet, UnderlineStyle};
use proptest::prelude::*;
use serde::Serialize;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

/// The shapes the derived `Serialize` wrote, as persist.rs had them.
#[derive(Serialize)]
struct Stored<'a, T: Serialize> {
    schema: u32,
    #[serde(flatten)]
    body: Member<'a, T>,
}

/// One named member; the name is given per use through `serde(rename)` on a wrapper enum below.
#[derive(Serialize)]
enum Member<'a, T: Serialize> {
    #[serde(rename = "annotation")]
    Annotation(&'a T),
    #[serde(rename = "annotations")]
    Annotations(&'a T),
    #[serde(rename = "tags")]
    Tags(&'a T),
    #[serde(rename = "classroom")]
    Classroom(&'a T),
}

fn stored<T: Serialize>(body: Member<T>) -> String {
    serde_json::to_string(&Stored { schema: SCHEMA_VERSION, body }).unwrap_or_default()
}

#[derive(Serialize)]
struct StoredArticle<'a> {
    schema: u32,
    title: &'a str,
    meta: &'a ArticleMeta,
    #[serde(with = "marginalia::domain::rfc3339::serde")]
    added: OffsetDateTime,
    blocks: Vec<RawBlock>,
}

#[derive(Serialize)]
struct ExportArticle<'a> {
    title: &'a str,
    hash: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    schema: u32,
    exported: String,
    article: ExportArticle<'a>,
    annotations: &'a [Annotation],
}

fn sample_doc() -> Document {
    let source = "# The \"Cat\" <b>Report</b>\n\nSome *soft* and **loud** [link](https://example.org) `code`.\n\n> Quoted \u{1}\n\n- a\n  - b\n\n1. one\n\nשלום 😀 e\u{301}";
    load_text(FileKind::Markdown, source, None, Some("notes.md")).unwrap()
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
    fn annotations_are_written_as_serde_json_wrote_them(a in arbitrary_annotation(), b in arbitrary_annotation()) {
        prop_assert_eq!(annotation_text(&a), serde_json::to_string(&a).unwrap_or_default());
        prop_assert_eq!(persist::encode(&a), stored(Member::Annotation(&a)));
        let list = vec![a.clone(), b];
        prop_assert_eq!(persist::encode_list(&list), stored(Member::Annotations(&list)));
        prop_assert_eq!(persist::encode_list(&[]), stored(Member::Annotations(&Vec::<Annotation>::new())));
        let states = [(true, false, list.clone(), "Line\none \"q\""), (false, true, Vec::new(), "")];
        for (lock_tags, revealed, answer_key, instructions) in states {
            let state = ClassroomState { lock_tags, answer_key, revealed, instructions: instructions.into() };
            prop_assert_eq!(persist::encode_classroom(&state), stored(Member::Classroom(&state)));
        }
    }

    #[test]
    fn markers_are_written_as_serde_json_wrote_them(saved in any::<bool>(), name in proptest::option::of(text()), at in proptest::option::of(text())) {
        let marker = Marker { saved, export_name: name, export_at: at };
        prop_assert_eq!(eviction::encode(&marker), serde_json::to_string(&marker).unwrap());
    }
}

#[test]
fn every_ascii_character_is_escaped_as_serde_json_escapes_it() {
    let all: String = (0u8..=0x7f).map(char::from).collect();
    for text in [all.clone(), format!("é{all}😀"), "\\\"".into(), String::new()] {
        let marker = Marker { saved: true, export_name: Some(text.clone()), export_at: None };
        assert_eq!(eviction::encode(&marker), serde_json::to_string(&marker).unwrap(), "{text:?}");
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
    assert_eq!(persist::encode(&a), "");
    assert_eq!(persist::encode(&a), stored(Member::Annotation(&a)));
    a.modified = OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_hms(1, 2, 3).unwrap());
    assert_eq!(persist::encode(&a), stored(Member::Annotation(&a)));
}

#[test]
fn tag_sets_are_written_as_serde_json_wrote_them() {
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
        assert_eq!(persist::encode_tags(set), stored(Member::Tags(set)));
    }
}

#[test]
fn articles_are_written_as_serde_json_wrote_them() {
    let added = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap().replace_nanosecond(5).unwrap();
    let plain = marginalia::domain::plain_text::parse_plain_text("Title\n\nBody.");
    let renamed = sample_doc().with_title("Renamed");
    let meta = ArticleMeta { byline: Some("By \"Ana\"".into()), date: None, source: Some("https://x.org".into()) };
    let with_meta = Document::from_blocks("T", meta, sample_doc().raw_blocks());
    for doc in [sample_doc(), plain, renamed, with_meta] {
        let expected = serde_json::to_string(&StoredArticle {
            schema: SCHEMA_VERSION,
            title: doc.title(),
            meta: doc.meta(),
            added,
            blocks: doc.raw_blocks(),
        })
        .unwrap();
        assert_eq!(persist::encode_article(&doc, added), expected);
    }
}

fn annotations_of(doc: &Document) -> Vec<Annotation> {
    let mut a = marginalia::domain::annotation::Annotation {
        id: Uuid::from_u128(7),
        target: marginalia::domain::anchor::describe(doc, 0, 5),
        tags: vec![TagId::new("claim"), TagId::new("quote")],
        note: "a \"note\"\n\u{0}".into(),
        author: "Ana".into(),
        created: OffsetDateTime::from_unix_timestamp(1_741_442_700).unwrap(),
        modified: OffsetDateTime::from_unix_timestamp(1_741_442_701).unwrap(),
    };
    let b = a.clone();
    a.id = Uuid::from_u128(8);
    a.target = marginalia::domain::anchor::describe(doc, 8, 12);
    vec![b, a]
}

#[test]
fn the_json_export_is_written_as_serde_json_wrote_it() {
    let doc = sample_doc();
    let now = OffsetDateTime::from_unix_timestamp(1_741_442_700).unwrap();
    for annotations in [Vec::new(), annotations_of(&doc)] {
        let expected = serde_json::to_string_pretty(&Export {
            format: persist::EXPORT_FORMAT,
            schema: SCHEMA_VERSION,
            exported: marginalia::domain::annotation::format_utc(now),
            article: ExportArticle { title: doc.title(), hash: &doc.hash().0, text: doc.text() },
            annotations: &annotations,
        })
        .unwrap();
        assert_eq!(persist::export_json(&doc, &annotations, now), expected);
    }
}

#[test]
fn packs_are_written_as_serde_json_wrote_them() {
    let doc = sample_doc();
    let tags =
        TagSet { tags: vec![tag("claim", UnderlineStyle::Solid, Some('c')), tag("quote", UnderlineStyle::Wavy, None)] };
    let at =
        OffsetDateTime::from_unix_timestamp(1_741_442_700).unwrap().to_offset(UtcOffset::from_hms(2, 0, 0).unwrap());
    for source in [None, Some("https://example.com/a?b=1&c=<2>")] {
        let info = ExportInfo { source, by: "Jane \"J\" Doe", at };
        let mut packs =
            vec![Pack::new(&doc, &tags, &annotations_of(&doc), &info), Pack::new(&doc, &TagSet::default(), &[], &info)];
        let mut with_key = packs[0].clone();
        let answer_key = annotations_of(&doc);
        with_key.classroom = Some(pack::Classroom { answer_key, self_check: true, ..Default::default() });
        packs.push(with_key);
        let mut empty_key = packs[1].clone();
        let instructions = "Find <the> claims.\n\n\"Then\" hand in.".to_string();
        empty_key.classroom = Some(pack::Classroom { lock_tags: true, instructions, ..Default::default() });
        packs.push(empty_key);
        for p in packs {
            assert_eq!(p.to_json(), serde_json::to_string_pretty(&p).unwrap() + "\n");
        }
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
        prop_assert_eq!(marginalia::domain::json_out::pretty_text(&value), serde_json::to_string_pretty(&value).unwrap());
        prop_assert_eq!(marginalia::domain::json_out::compact_text(&value), value.to_string());
    }
}
