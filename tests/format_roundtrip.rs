//! Native property tests: every file the app exports (pack, W3C, Hypothesis) of any session state imports back into an empty session and into the same one with nothing lost and no conflict.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document, RawBlock};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::export::ExportKind;
use marginalia::domain::format::import::{plan_import, ImportFile, ImportPlan, Merged};
use marginalia::domain::format::pack::ExportInfo;
use proptest::prelude::*;
use serde_json::Value;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

const SAMPLE: &str = include_str!("../www/sample-article.txt");
const SCHEMA: &str = include_str!("../schema/marginalia-pack.v1.schema.json");

fn documents() -> [Document; 2] {
    let untitled = Document::from_blocks(
        "Café 😀 notes",
        ArticleMeta { byline: Some("Zoë".into()), date: None, source: Some("https://example.org/x".into()) },
        vec![
            RawBlock::plain(BlockKind::Heading, 2, "Über 😀 emoji and more"),
            RawBlock::plain(BlockKind::Paragraph, 0, "First words and 👩‍👩‍👧 family, then «ça va» and last words."),
            RawBlock::plain(BlockKind::Quote, 0, "A quote with 𝒳 math and an emoji 🎉 here."),
            RawBlock::plain(BlockKind::ListItem, 0, "item one"),
        ],
    );
    [parse_plain_text(SAMPLE), untitled]
}

/// One annotation of a session, as generated: where it is and what it says.
#[derive(Debug, Clone)]
enum Kind {
    /// On `[a, b)` (taken modulo the text and moved inside blocks), as a selection would be.
    Placed(usize, usize),
    /// Not in the article: its quote only (`start == end == 0`), as imports leave them.
    Unplaced(String),
    /// Not in the article, with the positions it had in an earlier version of it.
    Orphaned(String, usize),
}

#[derive(Debug, Clone)]
struct Generated {
    kind: Kind,
    tags: Vec<usize>,
    note: String,
    author: String,
    millis: i64,
    micros: u32,
    other_version: bool,
}

fn generated() -> impl Strategy<Value = Generated> {
    let kind = prop_oneof![
        3 => (any::<usize>(), 1usize..80).prop_map(|(a, len)| Kind::Placed(a, len)),
        1 => "[a-z]{3,12}( [a-z]{2,8}){0,3}".prop_map(|q| Kind::Unplaced(format!("zq {q}"))),
        1 => ("[a-z]{3,12}", 0usize..3000).prop_map(|(q, at)| Kind::Orphaned(format!("zq {q}"), at)),
    ];
    (
        kind,
        proptest::collection::vec(0usize..3, 1..3),
        prop_oneof![Just(String::new()), "[ -~é😀\n]{1,40}"],
        prop_oneof![Just(String::new()), Just("Ana".to_string()), Just("Zoë Ü".to_string())],
        1_600_000_000_000i64..1_900_000_000_000,
        prop_oneof![Just(0u32), 1u32..1000],
        any::<bool>(),
    )
        .prop_map(|(kind, tags, note, author, millis, micros, other_version)| Generated {
            kind,
            tags,
            note,
            author,
            millis,
            micros,
            other_version,
        })
}

/// The range `[a, a + len)` moved to start and end inside blocks and off white space, as word
/// snapping leaves a selection.
fn placed_range(doc: &Document, a: usize, len: usize) -> (usize, usize) {
    let blocks = doc.blocks();
    let block = &blocks[a % blocks.len()];
    let start = block.start + (a / blocks.len()) % (block.end - block.start);
    let mut end = (start + len).min(doc.len_chars());
    // The end inside a block (not in a separator), the quote not starting or ending with a space.
    while !blocks.iter().any(|b| b.start < end && end <= b.end) || doc.slice(end - 1, end).trim().is_empty() {
        end -= 1;
    }
    let mut start = start.min(end - 1);
    while doc.slice(start, start + 1).trim().is_empty() && start + 1 < end {
        start += 1;
    }
    (start, end)
}

const TAGS: [&str; 3] = ["claim", "quote", "policy-shift"];

/// The session: current versions (placed and unplaced) and the other versions of some.
fn session(doc: &Document, generated: &[Generated]) -> (Vec<Annotation>, Vec<Annotation>) {
    let mut current = Vec::new();
    let mut others = Vec::new();
    for (i, g) in generated.iter().enumerate() {
        let target = match &g.kind {
            Kind::Placed(a, len) => {
                let (start, end) = placed_range(doc, *a, *len);
                describe(doc, start, end)
            }
            Kind::Unplaced(q) => {
                Target { start: 0, end: 0, exact: q.clone(), prefix: "before ".into(), suffix: String::new() }
            }
            Kind::Orphaned(q, at) => Target {
                start: *at,
                end: at + q.chars().count(),
                exact: q.clone(),
                prefix: String::new(),
                suffix: " after".into(),
            },
        };
        let mut tags: Vec<TagId> = Vec::new();
        for t in &g.tags {
            if !tags.contains(&TagId::new(TAGS[*t])) {
                tags.push(TagId::new(TAGS[*t]));
            }
        }
        let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(g.millis) * 1_000_000).unwrap()
            + Duration::microseconds(g.micros.into());
        let a = Annotation {
            id: Uuid::from_u128(i as u128 + 1),
            target,
            tags,
            note: g.note.clone(),
            author: g.author.clone(),
            created: at,
            modified: at + Duration::milliseconds(1500),
        };
        if g.other_version {
            others.push(Annotation { note: format!("{} (before)", a.note), modified: at, ..a.clone() });
        }
        current.push(a);
    }
    (current, others)
}

fn export(kind: ExportKind, doc: &Document, listed: &[&Annotation]) -> String {
    let at = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
    let info = ExportInfo { source: doc.meta().source.as_deref(), by: "Ana", at };
    kind.render(doc, &TagSet::default(), listed.iter().copied(), &info).2
}

fn import(doc: &Document, existing: &Merged, text: &str) -> ImportPlan {
    let plan = plan_import(doc, &TagSet::default(), existing, &[ImportFile { name: "f", bytes: text.as_bytes() }]);
    if let Err(e) = &plan.reports[0].outcome {
        panic!("our own export is rejected: {e}\n{text}");
    }
    plan
}

/// Times as a JavaScript client writes them back: `new Date(t).toISOString()` keeps milliseconds.
fn through_javascript(text: &str) -> String {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (key, value) in map.iter_mut() {
                    if ["created", "modified", "updated"].contains(&key.as_str()) {
                        if let Some(t) = value.as_str().and_then(marginalia::domain::text::rfc3339::parse) {
                            let ms = t.unix_timestamp_nanos().div_euclid(1_000_000) * 1_000_000;
                            let t = OffsetDateTime::from_unix_timestamp_nanos(ms).unwrap();
                            let mut s = marginalia::domain::annotation::format_utc(t);
                            if !s.contains('.') {
                                s = s.replace('Z', ".000Z");
                            }
                            *value = Value::String(s);
                        }
                    } else {
                        walk(value);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_str(text).unwrap();
    walk(&mut value);
    value.to_string()
}

/// The current annotations, unplaced ones without their old positions (a file of another tool
/// carries none for them).
fn comparable(annotations: impl IntoIterator<Item = Annotation>) -> Vec<Annotation> {
    let mut list: Vec<Annotation> = annotations
        .into_iter()
        .map(|a| {
            if a.target.start == a.target.end || !a.target.exact.starts_with("zq ") {
                a
            } else {
                Annotation { target: Target { start: 0, end: 0, ..a.target }, ..a }
            }
        })
        .collect();
    list.sort_by_key(|a| a.id);
    list
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_export_imports_back_with_nothing_lost(which in 0usize..2, generated in proptest::collection::vec(generated(), 0..10)) {
        let doc = &documents()[which];
        let (current, others) = session(doc, &generated);
        let existing = Merged::from_annotations(current.iter().chain(&others).cloned());
        let listed: Vec<&Annotation> = current.iter().chain(&others).collect();
        let validator = jsonschema::validator_for(&serde_json::from_str(SCHEMA).unwrap()).unwrap();

        // The pack: everything, other versions included, into an empty session and the same one.
        let pack = export(ExportKind::Pack, doc, &listed);
        let instance: Value = serde_json::from_str(&pack).unwrap();
        let errors: Vec<String> = validator.iter_errors(&instance).map(|e| format!("{}: {e}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        prop_assert_eq!(&import(doc, &Merged::new(), &pack).merged, &existing);
        let again = import(doc, &existing, &pack);
        prop_assert!(again.is_noop(&existing) && again.merged == existing, "a re-import changes nothing");

        // W3C and Hypothesis: the current versions, placed and not, as they were.
        for kind in [ExportKind::WebAnnotation, ExportKind::Hypothesis, ExportKind::Recogito] {
            let text = export(kind, doc, &listed);
            let fresh = import(doc, &Merged::new(), &text);
            prop_assert_eq!(comparable(fresh.merged.current().cloned()), comparable(current.iter().cloned()), "{:?} into an empty session", kind);
            let same = import(doc, &existing, &text);
            prop_assert!(same.merged == existing, "{:?} into the same session: no change, no conflict", kind);
            let js = import(doc, &existing, &through_javascript(&text));
            prop_assert!(js.merged == existing, "{:?} through a JavaScript client: no conflict", kind);
        }
    }
}

#[test]
fn an_unplaced_annotation_with_a_long_context_exports_a_valid_pack_that_imports_back() {
    let doc = &documents()[0];
    let a = Annotation {
        id: Uuid::from_u128(9),
        target: Target {
            start: 0,
            end: 0,
            exact: "Blog comments powered by Disqus".into(),
            prefix: "p".repeat(60),
            suffix: "s".repeat(60),
        },
        tags: vec![TagId::new("claim")],
        note: String::new(),
        author: String::new(),
        created: OffsetDateTime::UNIX_EPOCH,
        modified: OffsetDateTime::UNIX_EPOCH,
    };
    let existing = Merged::from_annotations([a.clone()]);
    let pack = export(ExportKind::Pack, doc, &[&a]);
    let validator = jsonschema::validator_for(&serde_json::from_str(SCHEMA).unwrap()).unwrap();
    assert!(validator.is_valid(&serde_json::from_str(&pack).unwrap()), "{pack}");
    let empty = import(doc, &Merged::new(), &pack);
    assert_eq!(empty.orphans().len(), 1);
    assert_eq!(empty.orphans()[0].target.prefix, "p".repeat(32), "context as Marginalia keeps it");
    let same = import(doc, &existing, &pack);
    assert!(same.merged == existing, "no conflict with the version it came from");
}
