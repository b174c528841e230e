//! The hand-written readers of stored values (domain/stored_json.rs) against the serde-derived readers they replaced, on every one-field edit of sample values.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use marginalia::domain::annotation::Annotation;
use marginalia::domain::class_import::read_submission;
use marginalia::domain::document::Document;
use marginalia::domain::eviction::{self, Marker};
use marginalia::domain::loader::{load_text, FileKind};
use marginalia::domain::persist::{self, ClassroomState, DecodeError};
use marginalia::domain::tags::TagSet;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use time::OffsetDateTime;

/// The derived readers as they were (same fields, defaults and renames), the reference.
mod old {
    use super::*;

    pub mod rfc {
        use serde::{de, Deserialize, Deserializer, Serializer};
        use time::OffsetDateTime;

        pub fn serialize<S: Serializer>(at: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&marginalia::domain::rfc3339::format(*at).unwrap())
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
            let text = String::deserialize(d)?;
            marginalia::domain::rfc3339::parse(&text).ok_or_else(|| de::Error::custom("not RFC 3339"))
        }
    }

    #[derive(Serialize, Deserialize)]
    pub struct Target {
        start: usize,
        end: usize,
        exact: String,
        prefix: String,
        suffix: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Annotation {
        id: uuid::Uuid,
        target: Target,
        tags: Vec<String>,
        #[serde(default)]
        note: String,
        #[serde(default)]
        author: String,
        #[serde(with = "rfc")]
        created: OffsetDateTime,
        #[serde(with = "rfc")]
        modified: OffsetDateTime,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum UnderlineStyle {
        Solid,
        Double,
        Dotted,
        Dashed,
        Wavy,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Tag {
        id: String,
        name: String,
        pub colour: String,
        underline: UnderlineStyle,
        description: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hotkey: Option<char>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct TagSet {
        pub tags: Vec<Tag>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ClassroomState {
        lock_tags: bool,
        answer_key: Vec<Annotation>,
        revealed: bool,
        /// Missing, `null` and empty all mean none.
        #[serde(default, skip_serializing_if = "none_or_empty")]
        instructions: Option<String>,
    }

    fn none_or_empty(text: &Option<String>) -> bool {
        text.as_deref().is_none_or(str::is_empty)
    }

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum BlockKind {
        Heading,
        Paragraph,
        Quote,
        ListItem,
        NumberedItem,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(tag = "type", rename_all = "lowercase")]
    pub enum MarkKind {
        Emphasis,
        Strong,
        Code,
        Link { href: String },
    }

    #[derive(Serialize, Deserialize)]
    pub struct Segment {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        marks: Vec<MarkKind>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct RawBlock {
        kind: BlockKind,
        #[serde(default)]
        level: u8,
        segments: Vec<Segment>,
    }

    #[derive(Serialize, Deserialize, Default)]
    pub struct ArticleMeta {
        #[serde(default)]
        byline: Option<String>,
        #[serde(default)]
        date: Option<String>,
        #[serde(default)]
        source: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct StoredArticle {
        pub title: String,
        #[serde(default)]
        pub meta: ArticleMeta,
        #[serde(with = "rfc")]
        pub added: OffsetDateTime,
        pub blocks: Vec<RawBlock>,
    }

    #[derive(Deserialize)]
    pub struct Marker {
        #[serde(default)]
        pub saved: bool,
        #[serde(default)]
        pub export_name: Option<String>,
        #[serde(default)]
        pub export_at: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct SchemaOnly {
        pub schema: u32,
    }

    #[derive(Deserialize)]
    pub struct ExportHeader {
        pub format: String,
        pub schema: u32,
    }

    #[derive(Deserialize)]
    pub struct ExportArticle {
        pub hash: String,
    }

    #[derive(Deserialize)]
    pub struct ExportFile {
        pub article: ExportArticle,
        pub annotations: Vec<Annotation>,
    }

    /// The old `decode_versioned`: the schema first, then the whole value; the member `key` as read, as JSON.
    pub fn versioned<T: serde::de::DeserializeOwned + Serialize>(text: &str, key: &str) -> Result<Value, DecodeError> {
        let corrupt = |e: serde_json::Error| DecodeError::Corrupt(e.to_string());
        let version: SchemaOnly = serde_json::from_str(text).map_err(corrupt)?;
        if version.schema > persist::SCHEMA_VERSION {
            return Err(DecodeError::NewerSchema(version.schema));
        }
        let value: Value = serde_json::from_str(text).map_err(corrupt)?;
        let typed: T = serde_json::from_value(value.get(key).cloned().unwrap_or(Value::Null)).map_err(corrupt)?;
        Ok(serde_json::to_value(typed).unwrap())
    }
}

/// Both readers agree on whether a value is readable, and on what it holds; `Ok` holds the read
/// value as JSON, `Err` whether it was a newer schema.
type Outcome = Result<Value, Option<u32>>;

fn outcome<T: Serialize>(result: Result<T, DecodeError>) -> Outcome {
    match result {
        Ok(v) => Ok(serde_json::to_value(v).unwrap()),
        Err(DecodeError::NewerSchema(n)) => Err(Some(n)),
        Err(DecodeError::Corrupt(_)) => Err(None),
    }
}

/// Values that stand in for a field in the edits: every JSON kind, and numbers and texts at the edges.
fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(""),
        json!("x"),
        json!("xy"),
        json!("2025-03-08T14:05:00Z"),
        json!(0),
        json!(2),
        json!(256),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296u64),
        json!(true),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({ "type": "link" }),
    ]
}

/// `value` with every one-field edit: each member removed, each node replaced by each of
/// [`replacements`]; with each edit, what was put in (`None` for a removal).
fn edits(value: &Value) -> Vec<(Value, Option<Value>)> {
    let mut out = Vec::new();
    fn walk(root: &Value, path: &mut Vec<Value>, node: &Value, out: &mut Vec<(Value, Option<Value>)>) {
        for replacement in replacements() {
            out.push((replaced(root, path, Some(replacement.clone())), Some(replacement)));
        }
        if !path.is_empty() {
            out.push((replaced(root, path, None), None));
        }
        match node {
            Value::Object(map) => {
                for (k, v) in map {
                    path.push(json!(k));
                    walk(root, path, v, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(json!(i));
                    walk(root, path, v, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(value, &mut Vec::new(), value, &mut out);
    out
}

/// `root` with the node at `path` replaced by `with`, or removed when `with` is `None`.
fn replaced(root: &Value, path: &[Value], with: Option<Value>) -> Value {
    let mut copy = root.clone();
    let mut node = &mut copy;
    for step in &path[..path.len().saturating_sub(1)] {
        node = match step {
            Value::String(k) => &mut node[k.as_str()],
            _ => &mut node[step.as_u64().unwrap() as usize],
        };
    }
    match (path.last(), with) {
        (None, Some(with)) => return with,
        (None, None) => {}
        (Some(Value::String(k)), Some(with)) => node[k.as_str()] = with,
        (Some(step), Some(with)) => node[step.as_u64().unwrap() as usize] = with,
        (Some(Value::String(k)), None) => drop(node.as_object_mut().unwrap().remove(k)),
        (Some(step), None) => drop(node.as_array_mut().unwrap().remove(step.as_u64().unwrap() as usize)),
    }
    copy
}

/// Checks both readers on every edit of `sample`. The old readers also took a JSON list for an
/// object (serde's sequence form of a struct, which Marginalia never wrote); the new ones refuse it.
fn check(name: &str, sample: &Value, new: impl Fn(&str) -> Outcome, old: impl Fn(&str) -> Outcome) {
    assert!(new(&sample.to_string()).is_ok(), "{name}: the sample itself reads");
    let mut compared = 0;
    for (edit, put) in edits(sample) {
        let text = edit.to_string();
        let (new, old) = (new(&text), old(&text));
        if new == Err(None) && old.is_ok() && put.is_some_and(|v| v.is_array()) {
            continue;
        }
        assert_eq!(new, old, "{name}: {text}");
        compared += 1;
    }
    assert!(compared > 50, "{name}: only {compared} edits compared");
}

fn sample_doc() -> Document {
    let source = "# Title\n\nSome *soft* and **loud** [link](https://example.org) `code`.\n\n- a\n  - b";
    load_text(FileKind::Markdown, source, None, Some("notes.md")).unwrap()
}

fn sample_annotations(doc: &Document) -> Vec<Annotation> {
    let mut a = common::ann(doc, 1, 0, 5, &["claim", "quote"]);
    a.note = "a note".into();
    a.author = "Ana".into();
    vec![a, common::ann(doc, 2, 7, 11, &["quote"])]
}

#[test]
fn stored_annotations_read_as_before() {
    let doc = sample_doc();
    let sample: Value = serde_json::from_str(&persist::encode(&sample_annotations(&doc)[0])).unwrap();
    check(
        "annotation",
        &sample,
        |t| outcome(persist::decode(t)),
        |t| old::versioned::<old::Annotation>(t, "annotation").map_err(err),
    );
}

#[test]
fn stored_lists_read_as_before() {
    let doc = sample_doc();
    let sample: Value = serde_json::from_str(&persist::encode_list(&sample_annotations(&doc))).unwrap();
    check(
        "list",
        &sample,
        |t| outcome(persist::decode_list(t)),
        |t| old::versioned::<Vec<old::Annotation>>(t, "annotations").map_err(err),
    );
}

#[test]
fn stored_tag_sets_read_as_before() {
    let mut tags = TagSet::default();
    tags.tags[0].hotkey = Some('k');
    let sample: Value = serde_json::from_str(&persist::encode_tags(&tags)).unwrap();
    let old = |t: &str| {
        let set = old::versioned::<old::TagSet>(t, "tags").map_err(err)?;
        let typed: old::TagSet = serde_json::from_value(set.clone()).unwrap();
        let valid = !typed.tags.is_empty()
            && typed.tags.iter().all(|t| marginalia::domain::tag_edit::valid_colour(&t.colour).is_ok());
        if valid {
            Ok(set)
        } else {
            Err(None)
        }
    };
    check("tags", &sample, |t| outcome(persist::decode_tags(t)), old);
}

#[test]
fn stored_classroom_states_read_as_before() {
    let doc = sample_doc();
    let instructions = "Tag the claims.".to_string();
    let state = ClassroomState { lock_tags: true, answer_key: sample_annotations(&doc), revealed: false, instructions };
    let sample: Value = serde_json::from_str(&persist::encode_classroom(&state)).unwrap();
    check(
        "classroom",
        &sample,
        |t| outcome(persist::decode_classroom(t)),
        |t| old::versioned::<old::ClassroomState>(t, "classroom").map_err(err),
    );
}

#[test]
fn stored_articles_read_as_before() {
    let doc = sample_doc();
    let added = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let sample: Value = serde_json::from_str(&persist::encode_article(&doc, added)).unwrap();
    let new =
        |t: &str| outcome(persist::decode_article(t, None).map(|(doc, added)| persist::encode_article(&doc, added)));
    let old = |t: &str| {
        let version: old::SchemaOnly = serde_json::from_str(t).map_err(|_| None)?;
        if version.schema > persist::SCHEMA_VERSION {
            return Err(Some(version.schema));
        }
        let stored: old::StoredArticle = serde_json::from_str(t).map_err(|_| None)?;
        // The old reader's blocks, rebuilt and written by today's code, for the comparison.
        let blocks = serde_json::to_value(&stored.blocks).unwrap();
        let meta = serde_json::to_value(&stored.meta).unwrap();
        let rebuilt = json!({ "schema": 1, "title": stored.title, "meta": meta, "added": marginalia::domain::rfc3339::format(stored.added), "blocks": blocks });
        let back =
            persist::decode_article(&rebuilt.to_string(), None).expect("what the old reader read, the new one reads");
        Ok(serde_json::to_value(persist::encode_article(&back.0, back.1)).unwrap())
    };
    check("article", &sample, new, old);
}

#[test]
fn eviction_markers_read_as_before() {
    let marker =
        Marker { saved: true, export_name: Some("a.json".into()), export_at: Some("2026-11-24 03:00 UTC".into()) };
    let sample: Value = serde_json::from_str(&eviction::encode(&marker)).unwrap();
    let new = |t: &str| eviction::decode(t).map(|m| json!([m.saved, m.export_name, m.export_at])).ok_or(None);
    let old = |t: &str| {
        serde_json::from_str::<old::Marker>(t).map(|m| json!([m.saved, m.export_name, m.export_at])).map_err(|_| None)
    };
    check("marker", &sample, new, old);
}

#[test]
fn class_submissions_read_as_before() {
    let doc = sample_doc();
    let export = persist::export_json(&doc, &sample_annotations(&doc), common::at());
    let sample: Value = serde_json::from_str(&export).unwrap();
    let new = |t: &str| {
        read_submission("ana.annotations.json", t)
            .map(|s| json!([s.student, s.article.0, s.annotations]))
            .map_err(|_| None)
    };
    let old = |t: &str| {
        let header: old::ExportHeader = serde_json::from_str(t).map_err(|_| None)?;
        if header.format != persist::EXPORT_FORMAT || header.schema > persist::SCHEMA_VERSION {
            return Err(None);
        }
        let file: old::ExportFile = serde_json::from_str(t).map_err(|_| None)?;
        let annotations = serde_json::to_value(&file.annotations).unwrap();
        let typed: Vec<Annotation> = annotations
            .as_array()
            .unwrap()
            .iter()
            .map(|a| persist::decode(&json!({ "schema": 1, "annotation": a }).to_string()).unwrap())
            .collect();
        let student = marginalia::domain::class_import::most_common_author(&typed).unwrap_or_else(|| "ana".into());
        Ok(json!([student, file.article.hash, typed]))
    };
    check("submission", &sample, new, old);
}

fn err(e: DecodeError) -> Option<u32> {
    match e {
        DecodeError::NewerSchema(n) => Some(n),
        DecodeError::Corrupt(_) => None,
    }
}
