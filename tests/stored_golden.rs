//! Golden files of every stored value's JSON (tests/fixtures/stored/<type>/): each one reads, a current version writes back byte for byte, an older one writes back as its `.now.json`, and every one-field edit of a current file is read or refused as its `.edits.txt` records.
//!
//! The files were written by the writers of their day (the current ones from the samples below,
//! with `MARGINALIA_BLESS=1`; the older ones are what earlier versions wrote and the readers must
//! still take). A changed format is a new file beside the old ones, never an edit of one: blessing
//! rewrites only files that do not exist yet, so an old file can only change by hand.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, Document};
use marginalia::domain::article::loader::{load_text, FileKind};
use marginalia::domain::class::import::read_submission;
use marginalia::domain::format::pack::{self, ExportInfo, Pack};
use marginalia::domain::storage::eviction::{self, Marker};
use marginalia::domain::storage::{self, ArticleSummary, ClassFile, ClassroomState, DecodeError};
use serde_json::{json, Value};
use time::OffsetDateTime;
use uuid::Uuid;

/// Read a value and write it back; `Err(None)` when it is refused, `Err(Some(n))` for a newer schema.
type Rewrite = fn(&str) -> Result<String, Option<u32>>;

/// One stored type: its folder, how a value of it is read and written back, its current samples
/// (file name, text) and the older forms the readers take.
struct Kind {
    dir: &'static str,
    rewrite: Rewrite,
    current: fn() -> Vec<(&'static str, String)>,
    older: fn() -> Vec<(&'static str, String)>,
}

fn refused(e: DecodeError) -> Option<u32> {
    match e {
        DecodeError::NewerSchema(n) => Some(n),
        DecodeError::Corrupt(_) => None,
    }
}

fn kinds() -> Vec<Kind> {
    vec![
        Kind {
            dir: "annotation",
            rewrite: |t| storage::decode(t).map(|a| storage::encode(&a)).map_err(refused),
            current: || vec![("v1.json", storage::encode(&annotations()[0]))],
            older: || {
                let text = storage::encode(&annotations()[0]);
                let mut defaults: Value = serde_json::from_str(&text).unwrap();
                let body = defaults["annotation"].as_object_mut().unwrap();
                body.remove("note");
                body.remove("author");
                vec![("v1-float-times.json", float_times(&text)), ("v1-defaults.json", defaults.to_string())]
            },
        },
        Kind {
            dir: "lists",
            rewrite: |t| storage::decode_list(t).map(|l| storage::encode_list(&l)).map_err(refused),
            current: || {
                vec![("v1.json", storage::encode_list(&annotations())), ("v1-empty.json", storage::encode_list(&[]))]
            },
            older: || vec![("v1-float-times.json", float_times(&storage::encode_list(&annotations())))],
        },
        Kind {
            dir: "tags",
            rewrite: |t| storage::decode_tags(t).map(|s| storage::encode_tags(&s)).map_err(refused),
            current: || {
                vec![
                    ("v1.json", storage::encode_tags(&TagSet::default())),
                    ("v1-edited.json", storage::encode_tags(&edited_tags())),
                ]
            },
            older: Vec::new,
        },
        Kind {
            dir: "classroom",
            rewrite: |t| storage::decode_classroom(t).map(|c| storage::encode_classroom(&c)).map_err(refused),
            current: || {
                let state = ClassroomState {
                    lock_tags: true,
                    answer_key: annotations(),
                    revealed: false,
                    ..Default::default()
                };
                let instructed = ClassroomState {
                    lock_tags: true,
                    instructions: "Tag the claims.\n\"Then\" hand in.".into(),
                    ..Default::default()
                };
                vec![
                    ("v1.json", storage::encode_classroom(&state)),
                    ("v1-instructions.json", storage::encode_classroom(&instructed)),
                ]
            },
            older: Vec::new,
        },
        Kind {
            dir: "class-files",
            rewrite: |t| storage::decode_class_files(t).map(|f| storage::encode_class_files(&f)).map_err(refused),
            current: || {
                let files = vec![
                    ClassFile { name: "ana.marginalia.json".into(), text: "{\"format\": \"marginalia-pack\"}".into() },
                    ClassFile { name: "ben «2».json".into(), text: "línea 1\n\"dos\"\t\u{1F600}".into() },
                ];
                vec![
                    ("v1.json", storage::encode_class_files(&files)),
                    ("v1-empty.json", storage::encode_class_files(&[])),
                ]
            },
            older: Vec::new,
        },
        Kind {
            dir: "article",
            rewrite: |t| {
                storage::decode_article(t, None).map(|(d, at)| storage::encode_article(&d, at)).map_err(refused)
            },
            current: || {
                let with_meta = Document::from_blocks("Notes", meta(), sample_doc().raw_blocks());
                vec![
                    ("v1.json", storage::encode_article(&sample_doc(), added())),
                    ("v1-meta.json", storage::encode_article(&with_meta, added())),
                ]
            },
            older: || {
                let mut bare: Value = serde_json::from_str(&storage::encode_article(&sample_doc(), added())).unwrap();
                bare.as_object_mut().unwrap().remove("meta");
                for block in bare["blocks"].as_array_mut().unwrap() {
                    block.as_object_mut().unwrap().remove("level");
                }
                vec![("v1-defaults.json", bare.to_string())]
            },
        },
        Kind {
            dir: "summary",
            rewrite: |t| storage::decode_summary(t).map(|s| storage::encode_summary(&s)).map_err(refused),
            current: || {
                let with_source = ArticleSummary {
                    title: "Notes".into(),
                    source: Some("https://example.org/a".into()),
                    added: added(),
                };
                let without = ArticleSummary { source: None, ..with_source.clone() };
                vec![
                    ("v1.json", storage::encode_summary(&with_source)),
                    ("v1-no-source.json", storage::encode_summary(&without)),
                ]
            },
            older: Vec::new,
        },
        Kind {
            dir: "marker",
            rewrite: |t| eviction::decode(t).map(|m| eviction::encode(&m)).ok_or(None),
            current: || {
                let full = Marker {
                    saved: true,
                    export_name: Some("notes.annotations.json".into()),
                    export_at: Some("2026-11-24 03:00 UTC".into()),
                };
                let saved = Marker { saved: true, ..Marker::default() };
                vec![("v1.json", eviction::encode(&full)), ("v1-saved.json", eviction::encode(&saved))]
            },
            older: Vec::new,
        },
        Kind {
            dir: "pack",
            rewrite: |t| Pack::from_bytes(t.as_bytes()).map(|(p, _)| p.to_json()).map_err(|_| None),
            current: || {
                let mut starter = sample_pack();
                starter.other_versions = vec![annotations()[1].clone()];
                starter.classroom =
                    Some(pack::Classroom { lock_tags: true, answer_key: annotations(), ..Default::default() });
                let mut instructed = sample_pack();
                instructed.classroom = Some(pack::Classroom {
                    lock_tags: true,
                    instructions: "Find <the> claims.".into(),
                    ..Default::default()
                });
                let mut self_check = sample_pack();
                self_check.classroom =
                    Some(pack::Classroom { answer_key: annotations(), self_check: true, ..Default::default() });
                vec![
                    ("v1.json", sample_pack().to_json()),
                    ("v1-classroom.json", starter.to_json()),
                    ("v1-instructions.json", instructed.to_json()),
                    ("v1-self-check.json", self_check.to_json()),
                ]
            },
            older: || vec![("v0.json", storage::export_json(&sample_doc(), &annotations(), common::at()))],
        },
    ]
}

/// How the class view reads a student's file (the JSON export, the pack's version 0), for the edits of `pack/v0.json`.
fn submission(text: &str) -> Result<String, Option<u32>> {
    let s = read_submission("ana.annotations.json", text).map_err(|_| None)?;
    let annotations: Vec<Value> = s
        .annotations
        .iter()
        .map(|a| serde_json::from_str::<Value>(&storage::encode(a)).unwrap()["annotation"].clone())
        .collect();
    // The file as given, with what was read in place of what it holds, so the edits table
    // records only what reading changed.
    let mut back: Value = serde_json::from_str(text).unwrap();
    back["student"] = json!(s.student);
    back["article"]["hash"] = json!(s.article.0);
    back["annotations"] = json!(annotations);
    Ok(back.to_string())
}

fn sample_doc() -> Document {
    let source =
        "# The \"Cat\" <b>Report</b>\n\nSome *soft* and **loud** [link](https://example.org) `code`.\n\n> Quoted\n\n- a\n  - b\n\n1. one\n\nשלום 😀 e\u{301}";
    load_text(FileKind::Markdown, source, None, Some("notes.md")).unwrap()
}

fn meta() -> ArticleMeta {
    ArticleMeta {
        byline: Some("By \"Ana\"".into()),
        date: Some("2025-03-08".into()),
        source: Some("https://example.org/a".into()),
    }
}

fn added() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()
}

/// Two annotations; the first has every field set, with text that needs escaping.
fn annotations() -> Vec<Annotation> {
    let doc = sample_doc();
    let mut a = common::ann(&doc, 1, 0, 7, &["claim", "quote"]);
    a.note = "a \"note\"\nwith\ttabs \u{1} and ✓".into();
    a.author = "Ana".into();
    a.created = OffsetDateTime::from_unix_timestamp_nanos(1_741_442_720_057_000_000).unwrap();
    a.modified = a.created + time::Duration::seconds(60);
    vec![a, common::ann(&doc, 2, 16, 20, &["quote"])]
}

/// Every time in `text` as the float noise earlier versions stored (`…20.056999936Z` for `…20.057Z`).
fn float_times(text: &str) -> String {
    text.replace("20.057Z", "20.056999936Z").replace("20.057Z", "20.056999936Z")
}

fn edited_tags() -> TagSet {
    let tag = |id: &str, name: &str, underline, hotkey| Tag {
        id: TagId::new(id),
        name: name.into(),
        colour: "#0072b2".into(),
        underline,
        description: format!("What {name} means"),
        hotkey,
    };
    TagSet {
        tags: vec![
            tag("claim", "Afirmación", UnderlineStyle::Solid, Some('k')),
            tag("b", "B \"quoted\"", UnderlineStyle::Double, None),
            tag("c", "C", UnderlineStyle::Dotted, Some('7')),
            tag("d", "D", UnderlineStyle::Dashed, None),
            tag("e", "E", UnderlineStyle::Wavy, None),
        ],
    }
}

fn sample_pack() -> Pack {
    let info = ExportInfo { source: Some("https://example.org/a"), by: "Ana \"A\" Pérez", at: common::at() };
    Pack::new(&sample_doc(), &edited_tags(), &annotations(), &info)
}

fn dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stored").join(kind)
}

fn blessing() -> bool {
    std::env::var_os("MARGINALIA_BLESS").is_some()
}

/// Writes `text` to `path` when blessing and the file is new; the file's text either way.
fn golden(path: &Path, text: &str) -> String {
    if blessing() && !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (MARGINALIA_BLESS=1 writes new files)", path.display()))
}

#[test]
fn every_current_version_is_written_and_read_back_byte_for_byte() {
    for kind in kinds() {
        for (name, written) in (kind.current)() {
            let path = dir(kind.dir).join(name);
            let file = golden(&path, &written);
            assert_eq!(written, file, "{}: today's writer no longer writes this file", path.display());
            assert_eq!(
                (kind.rewrite)(&file).as_deref(),
                Ok(file.as_str()),
                "{}: read and written back",
                path.display()
            );
        }
    }
}

#[test]
fn every_older_version_reads_and_is_written_back_as_today() {
    for kind in kinds() {
        for (name, text) in (kind.older)() {
            let path = dir(kind.dir).join(name);
            let file = golden(&path, &text);
            let now = (kind.rewrite)(&file).unwrap_or_else(|e| panic!("{}: not read ({e:?})", path.display()));
            let now_path = path.with_extension("now.json");
            assert_eq!(now, golden(&now_path, &now), "{}: written back", path.display());
            assert_eq!((kind.rewrite)(&now).as_deref(), Ok(now.as_str()), "{}: stable", now_path.display());
        }
    }
}

#[test]
fn every_file_in_the_folders_is_checked() {
    for kind in kinds() {
        let mut known: Vec<String> =
            (kind.current)().into_iter().chain((kind.older)()).map(|(n, _)| n.to_string()).collect();
        known.extend((kind.older)().into_iter().map(|(n, _)| n.replace(".json", ".now.json")));
        known.extend((kind.current)().into_iter().filter(|(n, _)| *n == "v1.json").map(|_| "v1.edits.txt".to_string()));
        if kind.dir == "pack" {
            known.push("v0.edits.txt".into());
        }
        for entry in std::fs::read_dir(dir(kind.dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            assert!(known.contains(&name), "{}/{name} is checked by no test", kind.dir);
        }
    }
}

/// Every one-field edit of each type's `v1.json` (and of the legacy export, as the class view
/// reads it) is read or refused as recorded: the readers stay as strict as the derived ones they
/// replaced: the outcomes were recorded while tests/stored_json_reference.rs still compared the
/// two on the same edits, and it was dropped with the derived readers' last use.
#[test]
fn every_one_field_edit_is_read_or_refused_as_recorded() {
    let mut checks: Vec<(PathBuf, Rewrite)> =
        kinds().into_iter().filter(|k| k.dir != "pack").map(|k| (dir(k.dir).join("v1.json"), k.rewrite)).collect();
    checks.push((dir("pack").join("v0.json"), submission));
    for (path, rewrite) in checks {
        let sample: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut table = String::new();
        for (what, edit) in edits(&sample) {
            let outcome = match rewrite(&edit.to_string()) {
                Err(None) => "refused".to_string(),
                Err(Some(n)) => format!("newer {n}"),
                Ok(text) => match differences(&edit, &serde_json::from_str(&text).unwrap()) {
                    d if d.is_empty() => "read".to_string(),
                    d => format!("read as {}", d.join(", ")),
                },
            };
            table.push_str(&format!("{what} => {outcome}\n"));
        }
        let recorded = golden(&path.with_extension("edits.txt"), &table);
        for (line, (now, then)) in table.lines().zip(recorded.lines()).enumerate() {
            assert_eq!(now, then, "{}: line {}", path.display(), line + 1);
        }
        assert_eq!(table.lines().count(), recorded.lines().count(), "{}", path.display());
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

/// `value` with every one-field edit (each member removed, each node replaced by each of
/// [`replacements`]), each with what it did: `annotation.target.start = 2`, `annotation.note removed`.
fn edits(value: &Value) -> Vec<(String, Value)> {
    fn walk(root: &Value, path: &mut Vec<Value>, node: &Value, out: &mut Vec<(String, Value)>) {
        let name = spelled(path);
        for replacement in replacements() {
            out.push((format!("{name} = {replacement}"), replaced(root, path, Some(replacement))));
        }
        if !path.is_empty() {
            out.push((format!("{name} removed"), replaced(root, path, None)));
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
    let mut out = Vec::new();
    walk(value, &mut Vec::new(), value, &mut out);
    out
}

fn spelled(path: &[Value]) -> String {
    let mut name = String::from("$");
    for step in path {
        match step {
            Value::String(k) => name.push_str(&format!(".{k}")),
            _ => name.push_str(&format!("[{step}]")),
        }
    }
    name
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

/// Where what was read and written back differs from what was given: `$.annotation.note = ""`.
fn differences(given: &Value, back: &Value) -> Vec<String> {
    fn walk(path: &mut Vec<Value>, given: Option<&Value>, back: Option<&Value>, out: &mut Vec<String>) {
        match (given, back) {
            (Some(Value::Object(a)), Some(Value::Object(b))) => {
                let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    path.push(json!(k));
                    walk(path, a.get(k), b.get(k), out);
                    path.pop();
                }
            }
            (Some(Value::Array(a)), Some(Value::Array(b))) if a.len() == b.len() => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    path.push(json!(i));
                    walk(path, Some(x), Some(y), out);
                    path.pop();
                }
            }
            (a, b) if a == b => {}
            (_, Some(b)) => out.push(format!("{} = {b}", spelled(path))),
            (_, None) => out.push(format!("{} dropped", spelled(path))),
        }
    }
    let mut out = Vec::new();
    walk(&mut Vec::new(), Some(given), Some(back), &mut out);
    out
}

#[test]
fn the_readers_take_each_stored_version_as_the_value_it_was_written_from() {
    // The goldens are compared as text above; here, what they hold: a reader that lost a field
    // symmetrically with its writer would still write the same text back.
    let file = |kind: &str, name: &str| std::fs::read_to_string(dir(kind).join(name)).unwrap();
    assert_eq!(storage::decode(&file("annotation", "v1.json")), Ok(annotations()[0].clone()));
    assert_eq!(storage::decode(&file("annotation", "v1-float-times.json")), Ok(annotations()[0].clone()));
    let defaults = Annotation { note: String::new(), author: String::new(), ..annotations()[0].clone() };
    assert_eq!(storage::decode(&file("annotation", "v1-defaults.json")), Ok(defaults));
    assert_eq!(storage::decode_list(&file("lists", "v1-float-times.json")), Ok(annotations()));
    assert_eq!(storage::decode_tags(&file("tags", "v1-edited.json")), Ok(edited_tags()));
    let state = storage::decode_classroom(&file("classroom", "v1.json")).unwrap();
    assert_eq!(
        state,
        ClassroomState { lock_tags: true, answer_key: annotations(), revealed: false, ..Default::default() }
    );
    let (doc, at) = storage::decode_article(&file("article", "v1-meta.json"), None).unwrap();
    assert_eq!((doc.title(), doc.meta(), at), ("Notes", &meta(), added()));
    let (bare, _) = storage::decode_article(&file("article", "v1-defaults.json"), None).unwrap();
    assert_eq!((bare.text(), bare.meta()), (sample_doc().text(), &ArticleMeta::default()));
    assert_eq!(bare.raw_blocks().iter().map(|b| b.level).max(), Some(0), "a missing level is 0");
    let marker = eviction::decode(&file("marker", "v1-saved.json")).unwrap();
    assert_eq!(marker, Marker { saved: true, ..Marker::default() });
    let (pack, _) = Pack::from_bytes(file("pack", "v1.json").as_bytes()).unwrap();
    assert_eq!(pack, sample_pack());
    let (legacy, _) = Pack::from_bytes(file("pack", "v0.json").as_bytes()).unwrap();
    assert_eq!((legacy.annotations, legacy.article.hash), (sample_pack().annotations, sample_doc().hash().clone()));
    assert_eq!(Uuid::from_u128(1), annotations()[0].id);
}
