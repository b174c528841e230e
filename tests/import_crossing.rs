//! The app's wasm has the second module read import files and hand them over as JSON (`format::file_read`): planning through that crossing gives the same plan, report and offered article as reading the files directly, for every format, bad file and hostile text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::session::{ann, article, at, base, info, other_article, pack_of, starter, tag, tags_with};
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::Document;
use marginalia::domain::format::file_read::{self, ReadFile};
use marginalia::domain::format::import::{plan_import, plan_import_with, read_file, ImportFile, Merged};
use marginalia::domain::format::{hypothesis, pack, w3c, FormatError};
use marginalia::domain::session::import::{FormatReaders, ImportReader};
use marginalia::domain::storage;
use proptest::prelude::*;
use time::macros::datetime;
use uuid::Uuid;

/// What the app does with the second module: the known tags and the read file cross as JSON.
struct Crossing;

impl ImportReader for Crossing {
    fn read(&mut self, bytes: &[u8], known: &TagSet) -> Result<ReadFile, FormatError> {
        let known =
            file_read::tags_from_json(&file_read::tags_to_json(known)).expect("the module reads the known tags");
        let answer = file_read::to_wire(&read_file(bytes, &known).map(ReadFile::from));
        file_read::from_wire(&answer).expect("the app reads what the module writes")
    }

    fn pack_article(&mut self, bytes: &[u8]) -> Option<Document> {
        let stored = storage::encode_article(&pack::article_of(bytes)?, at(0));
        Some(storage::decode_article(&stored, None).expect("the app reads the stored article").0)
    }
}

/// Every file read both ways, alone and planned together, against `doc` with `known` tags.
fn same_both_ways(doc: &Document, known: &TagSet, existing: &Merged, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        assert_eq!(Crossing.read(bytes, known), FormatReaders.read(bytes, known), "{name}");
    }
    let files: Vec<ImportFile> = files.iter().map(|&(name, bytes)| ImportFile { name, bytes }).collect();
    let direct = plan_import(doc, known, existing, &files);
    let crossed = plan_import_with(doc, known, existing, &files, |bytes, known| Crossing.read(bytes, known));
    assert_eq!(crossed.reports, direct.reports);
    assert_eq!(crossed.tags, direct.tags);
    assert_eq!(crossed.merged, direct.merged);
    assert_eq!(crossed.status, direct.status);
    assert_eq!(crossed.classroom, direct.classroom);
}

fn annotations(doc: &Document) -> Vec<Annotation> {
    let mut odd = ann(doc, 2, "necessary saving", &["quote", "unknown-tag"], "Zoë said \"no\"\n\t😀 \u{1}", 9);
    odd.author = "Ana \\ Bö".into();
    odd.modified = datetime!(2025-03-09 08:00:00.123 +02:00);
    vec![
        ann(doc, 1, "voted to close the old library", &["claim"], "", 1),
        odd,
        // Unplaced: its stored position holds no quote.
        Annotation {
            target: marginalia::domain::annotation::Target { start: 0, end: 0, ..odd_target() },
            ..ann(doc, 3, "mobile library", &["policy"], "", 2)
        },
    ]
}

fn odd_target() -> marginalia::domain::annotation::Target {
    marginalia::domain::annotation::Target {
        start: 0,
        end: 0,
        exact: "a passage that is nowhere".into(),
        prefix: String::new(),
        suffix: String::new(),
    }
}

#[test]
fn every_format_crosses_unchanged() {
    let doc = article();
    let list = annotations(&doc);
    let mut tags = tags_with(&[tag("extra", "#123456")]);
    tags.tags[0].hotkey = Some('x');
    tags.tags[1].description = "what \"quotes\" are".into();
    let files = [
        pack_of(&doc, &tags, &list),
        pack::starter(&doc, &tags, true, "Tag the \"claims\".\nThen hand in.", &info()),
        pack::starter(&doc, &tags, false, "", &info()),
        pack::self_check_key(&doc, &tags, &list, &info()),
        storage::export_json(&doc, &list, at(5)),
        w3c::export(&doc, &tags, &list, &info()),
        hypothesis::export(&doc, &tags, &list, &info()),
        pack_of(&other_article(), &tags, &[]),
    ];
    let fixtures: [&[u8]; 3] = [
        include_bytes!("fixtures/hypothesis-export.json"),
        include_bytes!("fixtures/recogito-w3c.json"),
        include_bytes!("fixtures/w3c-spec-examples.json"),
    ];
    let mut all: Vec<(&str, &[u8])> = files.iter().map(|f| ("made", f.as_bytes())).collect();
    let selectors = w3c_selectors();
    all.push(("selectors", selectors.as_bytes()));
    all.extend(fixtures.iter().map(|f| ("fixture", *f)));
    for known in [TagSet::default(), TagSet { tags: Vec::new() }, tags.clone()] {
        for existing in [Merged::new(), Merged::from_annotations(list[..1].iter().cloned())] {
            same_both_ways(&doc, &known, &existing, &all);
            for file in &all {
                same_both_ways(&doc, &known, &existing, &[*file]);
            }
        }
    }
}

/// W3C annotations whose targets only the article resolves: positions without a quote, a
/// range between two quotes, and one that is left out (a note on the whole page).
fn w3c_selectors() -> String {
    let quote = |exact: &str| serde_json::json!({ "type": "TextQuoteSelector", "exact": exact });
    let one = |id: u32, selector: serde_json::Value| {
        serde_json::json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "id": format!("urn:x:{id}"),
            "type": "Annotation", "body": { "type": "TextualBody", "purpose": "tagging", "value": "Claim" },
            "target": { "source": "https://example.org/", "selector": selector } })
    };
    serde_json::Value::Array(vec![
        one(1, serde_json::json!({ "type": "TextPositionSelector", "start": 10, "end": 20 })),
        one(2, serde_json::json!({ "type": "RangeSelector", "startSelector": quote("council voted"), "endSelector": quote("without warning") })),
        serde_json::json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:3", "type": "Annotation",
            "body": { "type": "TextualBody", "value": "page note" }, "target": "https://example.org/" }),
    ])
    .to_string()
}

#[test]
fn refused_files_cross_with_their_reason_and_place() {
    let doc = article();
    let pack = pack_of(&doc, &TagSet::default(), &annotations(&doc));
    let lone = pack.replacen("Zoë said", "Zoë \\ud83d said", 1);
    let missing_field = pack.replacen("\"exact\"", "\"exactly\"", 1);
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let bad: [&[u8]; 8] = [
        b"",
        b"{\"format\": ",
        b"\xff\xfe not text",
        b"[1, 2, 3]",
        b"{\"format\": \"marginalia-pack\", \"schemaVersion\": 99}",
        lone.as_bytes(),
        missing_field.as_bytes(),
        deep.as_bytes(),
    ];
    let files: Vec<(&str, &[u8])> = bad.iter().map(|b| ("bad", *b)).collect();
    // Some are refused for where they break (line and column, a field), one is repaired.
    let reasons: Vec<_> = bad.iter().map(|b| read_file(b, &TagSet::default()).map(|i| i.repairs)).collect();
    assert!(reasons
        .iter()
        .any(|r| matches!(r, Err(FormatError { location: marginalia::domain::format::Location::Text { .. }, .. }))));
    assert!(reasons
        .iter()
        .any(|r| matches!(r, Err(FormatError { location: marginalia::domain::format::Location::Field(_), .. }))));
    assert!(reasons.iter().any(|r| matches!(r, Ok(repairs) if repairs.lone_surrogates == 1)));
    same_both_ways(&doc, &TagSet::default(), &Merged::new(), &files);
}

#[test]
fn hostile_payloads_cross_unchanged() {
    let doc = article();
    let payloads: Vec<String> =
        serde_json::from_str(include_str!("fixtures/hostile/payloads.json")).expect("a list of texts");
    let list: Vec<Annotation> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut a = ann(&doc, i as u128 + 10, "budget", &["claim"], p, 3);
            a.author = p.clone();
            a.tags.push(TagId(p.clone()));
            a
        })
        .collect();
    let w3c = w3c::export(&doc, &TagSet::default(), &list, &info());
    let hypothesis = hypothesis::export(&doc, &TagSet::default(), &list, &info());
    same_both_ways(&doc, &TagSet::default(), &Merged::new(), &[("w3c", w3c.as_bytes()), ("h", hypothesis.as_bytes())]);
}

#[test]
fn a_session_offers_the_same_other_article_both_ways() {
    let (session, _kv) = base();
    for file in [
        pack_of(&other_article(), &TagSet::default(), &[]),
        starter(true),
        pack_of(&article(), &TagSet::default(), &[]),
    ] {
        let files = [ImportFile { name: "f", bytes: file.as_bytes() }];
        let direct = session.plan_import(&files);
        let crossed = session.plan_import_with(&files, &mut Crossing);
        assert_eq!(crossed.plan.reports, direct.plan.reports);
        assert_eq!(crossed.plan.merged, direct.plan.merged);
        assert_eq!(crossed.before, direct.before);
        assert_eq!(crossed.other, direct.other);
    }
    let other = session
        .plan_import(&[ImportFile { name: "f", bytes: pack_of(&other_article(), &TagSet::default(), &[]).as_bytes() }]);
    assert_eq!(other.other.map(|d| d.hash().clone()), Some(other_article().hash().clone()));
}

#[test]
fn an_empty_known_tag_set_crosses() {
    let none = TagSet { tags: Vec::new() };
    assert_eq!(file_read::tags_from_json(&file_read::tags_to_json(&none)), Ok(none));
    assert!(file_read::from_wire("not wire").is_none());
    assert!(file_read::from_wire("1,9,").is_none());
    assert!(file_read::from_wire("0,3,abc0,extra").is_none());
    assert_eq!(file_read::from_wire("0,3,abc0,"), Some(Err(FormatError::file("abc"))));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-z \"\\\\\u{0}-\u{1f}😀é]{0,12}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any texts, times (to the nanosecond, any offset) and tags in any format cross unchanged.
    #[test]
    fn any_annotation_crosses_unchanged(
        note in text(), author in text(), tag_id in text(), exact in text(),
        nanos in 0u32..1_000_000_000, offset in -86_399i32..86_399, start in 0usize..400, len in 0usize..30,
    ) {
        let doc = article();
        let offset = time::UtcOffset::from_whole_seconds(offset / 60 * 60).expect("an offset");
        let when = datetime!(2025-03-09 08:00:00 UTC).replace_nanosecond(nanos).expect("a time").to_offset(offset);
        let a = Annotation {
            id: Uuid::from_u128(u128::MAX - 7),
            target: marginalia::domain::annotation::Target { start, end: start + len, exact, prefix: "p".into(), suffix: String::new() },
            tags: vec![TagId(tag_id)],
            note,
            author,
            created: when,
            modified: when,
        };
        let list = [a];
        let files = [
            pack_of(&doc, &TagSet::default(), &list),
            storage::export_json(&doc, &list, at(1)),
            w3c::export(&doc, &TagSet::default(), &list, &info()),
            hypothesis::export(&doc, &TagSet::default(), &list, &info()),
        ];
        let files: Vec<(&str, &[u8])> = files.iter().map(|f| ("f", f.as_bytes())).collect();
        same_both_ways(&doc, &TagSet::default(), &Merged::new(), &files);
    }
}
