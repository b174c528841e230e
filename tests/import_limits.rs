//! Imports over the structural limits (tags per file, per annotation, in the set; a starter pack without a usable tag) are refused with a message naming the limit, and change nothing.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::format::import::{plan_import, read_file, ImportFile, Merged};
use marginalia::domain::format::limits::{MAX_TAGS, MAX_TAGS_PER_ANNOTATION};
use marginalia::domain::format::pack::{self, ExportInfo};
use time::macros::datetime;
use uuid::Uuid;

fn doc() -> Document {
    let paragraphs: Vec<String> = (0..200)
        .map(|p| format!("Paragraph {p} says the city changed its policy in {} after a vote.", 1800 + p))
        .collect();
    let blocks: Vec<(BlockKind, &str)> = paragraphs.iter().map(|p| (BlockKind::Paragraph, p.as_str())).collect();
    Document::new("Limits", ArticleMeta::default(), &blocks)
}

fn info() -> ExportInfo<'static> {
    ExportInfo { source: None, by: "Teacher", at: datetime!(2026-01-01 09:00:00 UTC) }
}

fn tag(id: &str, name: &str) -> Tag {
    Tag {
        id: TagId::new(id),
        name: name.into(),
        colour: "#009e73".into(),
        underline: UnderlineStyle::Solid,
        description: String::new(),
        hotkey: None,
    }
}

fn annotation(doc: &Document, n: usize, tags: Vec<TagId>) -> Annotation {
    let start = (n * 7) % 5_000;
    Annotation {
        id: Uuid::from_u128(n as u128 + 1),
        target: describe(doc, start, start + 9),
        tags,
        note: String::new(),
        author: "A".into(),
        created: datetime!(2026-01-01 09:00:00 UTC),
        modified: datetime!(2026-01-01 09:00:00 UTC),
    }
}

/// A W3C collection of `n` annotations, annotation `k` tagged with the names `names(k)`.
pub fn w3c(doc: &Document, n: usize, names: impl Fn(usize) -> Vec<String>) -> String {
    let items: Vec<serde_json::Value> = (0..n)
        .map(|k| {
            let target = describe(doc, (k * 7) % 5_000, (k * 7) % 5_000 + 9);
            let body: Vec<_> = names(k)
                .into_iter()
                .map(|t| serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": t}))
                .collect();
            serde_json::json!({
                "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
                "id": format!("urn:uuid:{}", Uuid::from_u128(k as u128 + 1)), "created": "2026-01-01T00:00:00Z",
                "body": body,
                "target": {"source": "x", "selector": [
                    {"type": "TextQuoteSelector", "exact": target.exact},
                    {"type": "TextPositionSelector", "start": target.start, "end": target.end}]}
            })
        })
        .collect();
    serde_json::json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": items}})
    .to_string()
}

/// A Hypothesis export of one annotation with `tags` distinct tag names.
pub fn hypothesis(doc: &Document, tags: usize) -> String {
    let exact = describe(doc, 100, 109).exact;
    let names: Vec<String> = (0..tags).map(|t| format!("t{t}")).collect();
    serde_json::json!({"export_date": "2026-01-01T00:00:00Z", "annotations": [{
        "id": "h1", "created": "2026-01-01T00:00:00Z", "uri": "x", "text": "", "tags": names,
        "target": [{"source": "x", "selector": [{"type": "TextQuoteSelector", "exact": exact}]}]}]})
    .to_string()
}

/// Reading fails with a message holding every part, and planning the import changes nothing.
fn refused(bytes: &str, parts: &[&str]) {
    let doc = doc();
    let known = TagSet::default();
    let error = read_file(bytes.as_bytes(), &known).expect_err("refused").to_string();
    for part in parts {
        assert!(error.contains(part), "{error:?} names {part:?}");
    }
    let plan = plan_import(&doc, &known, &Merged::new(), &[ImportFile { name: "f", bytes: bytes.as_bytes() }]);
    assert!(plan.reports[0].outcome.is_err());
    assert_eq!(plan.tags, known, "no tag joins the set");
    assert!(plan.merged.is_empty() && plan.classroom.is_none(), "nothing is merged");
}

#[test]
fn a_pack_defining_more_tags_than_a_set_holds_is_refused() {
    let doc = doc();
    let tags = TagSet { tags: (0..5_000).map(|i| tag(&format!("t{i}"), &format!("Tag {i}"))).collect() };
    let text = pack::export(&doc, &tags, &[annotation(&doc, 0, vec![TagId::new("t1")])], &info());
    refused(&text, &["tags", "defines 5000 tags", &format!("up to {MAX_TAGS}")]);
}

#[test]
fn ten_thousand_annotations_each_with_its_own_tag_are_refused() {
    let text = w3c(&doc(), 10_000, |k| vec![format!("tag {k}")]);
    refused(&text, &["would make 10003 tags", &format!("can hold up to {MAX_TAGS}")]);
}

/// In W3C and Hypothesis files a bad annotation is left out alone (issue 17): it is listed with
/// the message, adds no tag, and nothing of it is imported.
fn left_out(bytes: &str, parts: &[&str]) {
    let known = TagSet::default();
    let imported = read_file(bytes.as_bytes(), &known).expect("the file is read");
    assert!(imported.annotations.is_empty(), "the annotation is left out");
    assert_eq!(imported.tags, known, "no tag joins the set");
    let listed = imported.skipped.iter().map(|e| e.to_string()).collect::<Vec<_>>().join(" | ");
    for part in parts {
        assert!(listed.contains(part), "{listed:?} names {part:?}");
    }
}

#[test]
fn an_annotation_with_too_many_tags_is_refused_in_every_format() {
    left_out(
        &hypothesis(&doc(), 20_000),
        &["annotations[0].tags", &format!("more than {MAX_TAGS_PER_ANNOTATION} tags")],
    );
    let many = |_| (0..=MAX_TAGS_PER_ANNOTATION).map(|t| format!("t{t}")).collect();
    left_out(&w3c(&doc(), 1, many), &["body", &format!("up to {MAX_TAGS_PER_ANNOTATION}")]);
    let doc = doc();
    let tags =
        TagSet { tags: (0..=MAX_TAGS_PER_ANNOTATION).map(|i| tag(&format!("t{i}"), &format!("Tag {i}"))).collect() };
    let ids = tags.tags.iter().map(|t| t.id.clone()).collect();
    let text = pack::export(&doc, &tags, &[annotation(&doc, 0, ids)], &info());
    refused(&text, &["annotations[0].tags", &format!("more than {MAX_TAGS_PER_ANNOTATION} tags")]);
}

#[test]
fn up_to_the_limits_everything_imports() {
    let doc = doc();
    let known = TagSet::default();
    let new_tags = MAX_TAGS - known.tags.len();
    let text =
        w3c(&doc, 10_000, |k| (0..MAX_TAGS_PER_ANNOTATION).map(|j| format!("tag {}", (k + j) % new_tags)).collect());
    let imported = read_file(text.as_bytes(), &known).expect("at the limits");
    assert_eq!(imported.tags.tags.len(), MAX_TAGS);
    assert_eq!(imported.annotations.len(), 10_000);
    assert!(imported.annotations.iter().all(|a| a.tags.len() == MAX_TAGS_PER_ANNOTATION));
    // One tag more is refused.
    let over = w3c(&doc, 10_000, |k| vec![format!("tag {}", k % (new_tags + 1))]);
    assert!(read_file(over.as_bytes(), &known).is_err());
    // A set already over the limit (made by hand) can still take a file that adds no tag.
    let big = TagSet { tags: (0..MAX_TAGS + 5).map(|i| tag(&format!("t{i}"), &format!("Tag {i}"))).collect() };
    assert!(read_file(w3c(&doc, 3, |_| vec!["Tag 1".into()]).as_bytes(), &big).is_ok());
}

#[test]
fn a_starter_pack_without_a_usable_tag_is_refused() {
    let doc = doc();
    for lock in [true, false] {
        let empty = pack::starter(&doc, &TagSet { tags: vec![] }, lock, "", &info());
        refused(&empty, &["starter pack", "without a usable tag"]);
        let invisible = TagSet { tags: vec![tag("a", " "), tag("b", "\u{200b}\u{feff}"), tag("c", "\t\u{202e}")] };
        refused(&pack::starter(&doc, &invisible, lock, "", &info()), &["without a usable tag"]);
    }
    let one = TagSet { tags: vec![tag("a", " "), tag("b", "Claim")] };
    assert!(read_file(pack::starter(&doc, &one, true, "", &info()).as_bytes(), &TagSet::default()).is_ok());
}

/// A file of quotes that are not in the article (20,000 short ones or 200 of 50 KB searched for
/// minutes) spends at most the approximate-search budget: the rest stay unplaced, counted.
#[test]
fn approximate_search_stops_at_its_budget_and_says_so() {
    use marginalia::domain::annotation::reanchor::FUZZY_BUDGET;
    use marginalia::domain::text::work::counted;
    let doc = doc();
    let quote = |k: usize| (0..3_000).map(|i| char::from(b'a' + ((i * 7 + k) % 26) as u8)).collect::<String>();
    let items: Vec<serde_json::Value> = (0..300)
        .map(|k| serde_json::json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
            "id": format!("urn:uuid:{}", Uuid::from_u128(k as u128 + 1)), "body": [],
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": quote(k)}, {"type": "TextPositionSelector", "start": k, "end": k + 3_000}]}}))
        .collect();
    let bytes = serde_json::Value::Array(items).to_string();
    let (plan, steps) = counted(|| {
        plan_import(&doc, &TagSet::default(), &Merged::new(), &[ImportFile { name: "f", bytes: bytes.as_bytes() }])
    });
    let summary = plan.reports[0].outcome.as_ref().expect("imports, unplaced");
    assert_eq!(summary.imported, 300);
    assert_eq!(summary.orphaned, 300, "kept, to re-attach");
    let per_search = doc.text().chars().count() as u64 * 3_000u64.div_ceil(64);
    assert_eq!(summary.unsearched as u64, 300 - FUZZY_BUDGET / per_search);
    assert!(steps <= FUZZY_BUDGET + 100 * bytes.len() as u64, "{steps} steps");
}
