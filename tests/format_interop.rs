//! Native tests of what other annotation tools see and send: the page text selectors are measured over, exact times, and W3C import of every target, selector and body kind.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::anchor::{describe, Anchored};
use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::annotation::{Annotation, Target};
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document, RawBlock};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::format::import::{plan_import, FileSummary, ImportFile, ImportPlan, Merged};
use marginalia::domain::format::page_text::{meta_line, PageText};
use marginalia::domain::format::w3c_import::html_to_text;
use marginalia::domain::text::rfc3339::{parse_xsd, settle};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::datetime;

const SAMPLE: &str = include_str!("../www/sample-article.txt");

fn sample() -> Document {
    parse_plain_text(SAMPLE)
}

/// A document without a title heading: its title and meta line are shown but not annotatable.
fn untitled() -> Document {
    Document::from_blocks(
        "Café 😀 notes",
        ArticleMeta {
            byline: Some("Zoë".into()),
            date: Some("2026".into()),
            source: Some("https://example.org/x".into()),
        },
        vec![
            RawBlock::plain(BlockKind::Heading, 2, "Über 😀 emoji"),
            RawBlock::plain(BlockKind::Paragraph, 0, "First words and 👩‍👩‍👧 family, last words."),
            RawBlock::plain(BlockKind::Quote, 0, "A quote: «ça va»."),
            RawBlock::plain(BlockKind::ListItem, 0, "item one"),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// The page text.

#[test]
fn the_page_text_is_what_the_article_view_renders() {
    let doc = untitled();
    let page = PageText::new(&doc);
    assert_eq!(meta_line(doc.meta()), ("Zoë · 2026".to_string(), Some("https://example.org/x")));
    assert_eq!(
        page.text(),
        "Café 😀 notesZoë · 2026 · https://example.org/xÜber 😀 emojiFirst words and 👩‍👩‍👧 family, last words.A quote: «ça va».item one"
    );
    // A titled document: the title heading is block 0, the meta line follows it.
    let doc = sample();
    let page = PageText::new(&doc);
    let title = doc.block_text(&doc.blocks()[0]);
    assert!(page.text().starts_with(&format!("{title}Kate Linthicum, Los Angeles Times · 2025MEXICO CITY")));
    assert!(!page.text().contains('\n'), "blocks meet with nothing between them");
}

#[test]
fn selectors_over_the_page_text_name_the_same_passage() {
    let doc = untitled();
    let page = PageText::new(&doc);
    let text = doc.text();
    for quote in ["Über", "emoji", "👩‍👩‍👧 family", "last words.", "words.\n\nA quote", "item one", "«ça va»"]
    {
        let start = doc.char_of_byte(text.find(quote).unwrap());
        let end = start + quote.chars().count();
        let t = page.describe(start, end);
        assert_eq!(t.exact, quote.replace("\n\n", ""), "the page shows no separator");
        assert_eq!(page.to_doc(t.start, t.end), Some((start, end)), "{quote}");
        let chars: Vec<char> = page.text().chars().collect();
        assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.exact);
        assert!(t.prefix.chars().count() <= 32 && t.suffix.chars().count() <= 32);
    }
    // The title and meta line are not in the article's blocks.
    assert_eq!(page.to_doc(0, 4), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any range of the document that starts and ends inside blocks maps to the page and back.
    #[test]
    fn page_positions_round_trip(a in 0usize..4000, b in 0usize..4000) {
        for doc in [sample(), untitled()] {
            let len = doc.len_chars();
            let (start, end) = (a.min(b) % (len + 1), a.max(b) % (len + 1));
            let (start, end) = (start.min(end), start.max(end));
            let inside = |cp: usize, as_end: bool| doc.blocks().iter().any(|b| if as_end { b.start < cp && cp <= b.end } else { b.start <= cp && cp < b.end });
            if start < end && inside(start, false) && inside(end, true) {
                let page = PageText::new(&doc);
                let t = page.describe(start, end);
                prop_assert_eq!(page.to_doc(t.start, t.end), Some((start, end)));
                let placed = page.place(&t, true);
                prop_assert_eq!(placed, Some(marginalia::domain::format::page_text::Placed::AtPosition((start, end))));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Times.

#[test]
fn times_are_exact() {
    let noisy = marginalia::domain::text::rfc3339::parse("2026-12-07T07:43:20.056999936Z").unwrap();
    assert_eq!(settle(noisy), datetime!(2026-12-07 07:43:20.057 UTC), "float noise is its millisecond");
    let carry = marginalia::domain::text::rfc3339::parse("2026-12-07T07:43:20.999999936Z").unwrap();
    assert_eq!(settle(carry), datetime!(2026-12-07 07:43:21 UTC), "rounding up into the next second");
    let micro = datetime!(2025-03-09 10:12:44.104118 UTC);
    assert_eq!(settle(micro), micro, "a source's microseconds are kept");
    let just_under = datetime!(2025-03-09 10:12:44.104999 UTC);
    assert_eq!(settle(just_under), just_under);
    assert_eq!(parse_xsd("2025-03-09T10:12:44"), Some(datetime!(2025-03-09 10:12:44 UTC)), "no zone: UTC");
    assert_eq!(parse_xsd("2025-03-09T10:12:44.5+01:00"), Some(datetime!(2025-03-09 09:12:44.5 UTC)));
    assert_eq!(parse_xsd("2025-03-09T10:12:44+25:00"), None);
    assert_eq!(parse_xsd("March"), None);
}

// ---------------------------------------------------------------------------------------------
// W3C import of what other tools write.

fn import(doc: &Document, value: &Value) -> ImportPlan {
    let bytes = value.to_string();
    plan_import(doc, &TagSet::default(), &Merged::new(), &[ImportFile { name: "f.jsonld", bytes: bytes.as_bytes() }])
}

fn summary(plan: &ImportPlan) -> &FileSummary {
    plan.reports[0].outcome.as_ref().unwrap_or_else(|e| panic!("rejected: {e}"))
}

fn only(plan: &ImportPlan) -> Vec<Annotation> {
    plan.merged.current().cloned().collect()
}

fn names(plan: &ImportPlan, a: &Annotation) -> Vec<String> {
    a.tags.iter().map(|t| plan.tags.name_of(t).to_string()).collect()
}

fn quote(exact: &str) -> Value {
    json!({ "type": "TextQuoteSelector", "exact": exact })
}

fn annotation(body: Value, target: Value) -> Value {
    json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation", "body": body, "target": target })
}

#[test]
fn each_target_of_a_multi_target_annotation_is_kept() {
    let doc = sample();
    let plan = import(
        &doc,
        &annotation(
            json!({ "type": "TextualBody", "value": "Both", "purpose": "tagging" }),
            json!([
                { "source": "x", "selector": quote("Coca Cola") },
                { "source": "x", "selector": quote("drug war") },
                "https://example.org/whole-page",
            ]),
        ),
    );
    let s = summary(&plan);
    assert_eq!(s.imported, 2, "one annotation per target that selects text");
    assert_eq!(s.skipped.len(), 1, "the whole-page target is listed: {:?}", s.skipped);
    let quotes: Vec<String> = only(&plan).iter().map(|a| a.target.exact.clone()).collect();
    assert!(quotes.contains(&"Coca Cola".into()) && quotes.contains(&"drug war".into()), "{quotes:?}");
    assert!(only(&plan).iter().all(|a| names(&plan, a) == ["Both"]));
}

#[test]
fn every_body_kind_is_kept() {
    let doc = sample();
    let bodies = json!([
        { "type": "SpecificResource", "purpose": "tagging", "source": "http://dbpedia.org/resource/Drug_war" },
        { "id": "http://example.org/tags/boycott", "purpose": "tagging" },
        { "type": "Choice", "items": [
            { "type": "TextualBody", "value": "Texto", "language": "es", "purpose": "commenting" },
            { "type": "TextualBody", "value": "Text", "language": "en", "purpose": "commenting" },
        ] },
        { "id": "http://example.org/video1", "type": "Video" },
        { "type": "TextualBody", "value": "<p>Bold <b>claim</b> &amp; more</p>", "format": "text/html" },
    ]);
    let plan = import(&doc, &annotation(bodies, json!({ "selector": quote("Coca Cola") })));
    let a = &only(&plan)[0];
    assert_eq!(names(&plan, a), ["Drug war", "boycott"]);
    let tag = plan.tags.tags.iter().find(|t| t.name == "Drug war").unwrap();
    assert_eq!(tag.description, "http://dbpedia.org/resource/Drug_war", "the IRI is kept");
    assert_eq!(a.note, "Texto\n\nText\n\nVideo: http://example.org/video1\n\nBold claim & more");
}

#[test]
fn an_annotation_level_tagging_motivation_makes_tags() {
    let doc = sample();
    let mut value =
        annotation(json!({ "type": "TextualBody", "value": "Cartels" }), json!({ "selector": quote("drug war") }));
    value["motivation"] = json!("tagging");
    let plan = import(&doc, &value);
    let a = &only(&plan)[0];
    assert_eq!((names(&plan, a), a.note.as_str()), (vec!["Cartels".to_string()], ""));
}

#[test]
fn refined_range_and_position_only_targets_are_placed() {
    let doc = sample();
    let refined = json!({ "selector": { "type": "FragmentSelector", "value": "xpointer(/p[3])", "refinedBy": quote("Coca Cola") } });
    let range = json!({ "selector": { "type": "RangeSelector", "startSelector": quote("Since Trump returned"), "endSelector": quote("over Mexico") } });
    let page = PageText::new(&doc);
    let start = doc.char_of_byte(doc.text().find("Coca Cola").unwrap());
    let t = page.describe(start, start + 9);
    let positions = json!({ "selector": { "type": "TextPositionSelector", "start": t.start, "end": t.end } });
    for (target, expected) in [
        (refined, "Coca Cola"),
        (range, "Since Trump returned to the White House in January, his administration has ramped up CIA surveillance drone flights over Mexico"),
        (positions, "Coca Cola"),
    ] {
        let plan = import(&doc, &annotation(json!("http://example.org/c"), target.clone()));
        assert_eq!(summary(&plan).imported, 1, "{target}");
        let a = &only(&plan)[0];
        assert_eq!(a.target.exact, expected);
        assert!(!matches!(plan.status[&a.id], Anchored::Orphaned));
    }
    // Positions outside the article's text: listed, not guessed.
    let title = doc.blocks()[0].end; // the meta line follows the title heading
    let outside = json!({ "selector": { "type": "TextPositionSelector", "start": title + 1, "end": title + 5 } });
    let plan = import(&doc, &annotation(json!("http://example.org/c"), outside));
    assert_eq!((summary(&plan).imported, summary(&plan).skipped.len()), (0, 1));
}

#[test]
fn a_time_without_a_zone_is_read_as_utc() {
    let doc = sample();
    let mut value = annotation(json!("note"), json!({ "selector": quote("Coca Cola") }));
    value["created"] = json!("2025-03-09T10:12:44");
    let plan = import(&doc, &value);
    assert_eq!(only(&plan)[0].created, datetime!(2025-03-09 10:12:44 UTC));
}

#[test]
fn quotes_as_a_js_client_sees_them_are_found() {
    // Recogito quotes the page: across blocks there is no blank line, and a leading space stays.
    let doc = sample();
    let plan = import(&doc, &annotation(json!("n"), json!({ "selector": quote("against them.No administration") })));
    let a = &only(&plan)[0];
    assert_eq!(a.target.exact, "against them.\n\nNo administration");
    let ambiguous = import(&doc, &annotation(json!("n"), json!({ "selector": quote("inalienable") })));
    assert_eq!(ambiguous.orphans().len(), 1, "two occurrences, no context: refused, not guessed");
}

#[test]
fn html_bodies_become_text() {
    assert_eq!(html_to_text("<p>One</p><p>Two &lt;3 &#x1F600;</p>"), "One\nTwo <3 😀");
    assert_eq!(html_to_text("a & b <script>x</script>"), "a & b x");
    let _ = describe(&sample(), 0, 1);
}

#[test]
fn w3c_counts_code_points_and_hypothesis_utf16_units_and_both_come_back_at_their_positions() {
    use marginalia::domain::format::export::ExportKind;
    use marginalia::domain::format::pack::ExportInfo;
    let doc = untitled();
    let quote = "family, last";
    let start = doc.char_of_byte(doc.text().find(quote).unwrap());
    let a = Annotation {
        id: uuid::Uuid::from_u128(5),
        target: describe(&doc, start, start + quote.chars().count()),
        tags: vec![marginalia::domain::annotation::tags::TagId::new("claim")],
        note: String::new(),
        author: String::new(),
        created: datetime!(2026-12-07 07:43:20.057 UTC),
        modified: datetime!(2026-12-07 07:43:20.057 UTC),
    };
    let info = ExportInfo { source: None, by: "", at: datetime!(2026-12-07 08:00 UTC) };
    let page = PageText::new(&doc);
    let cp: Vec<char> = page.text().chars().collect();
    let cp_start = (0..cp.len()).find(|&i| cp[i..].iter().collect::<String>().starts_with(quote)).unwrap();
    let units_start: usize = cp[..cp_start].iter().map(|c| c.len_utf16()).sum();
    assert!(units_start > cp_start, "emoji before the passage");
    for (kind, expected) in [
        (ExportKind::WebAnnotation, cp_start),
        (ExportKind::Hypothesis, units_start),
        (ExportKind::Recogito, units_start),
    ] {
        let text = kind.render(&doc, &TagSet::default(), [&a], &info).2;
        let value: Value = serde_json::from_str(&text).unwrap();
        let target = match kind {
            ExportKind::Hypothesis => &value["annotations"][0]["target"][0],
            // Recogito loads a bare list of annotations, each with its context.
            ExportKind::Recogito => {
                assert_eq!(value[0]["@context"], json!("http://www.w3.org/ns/anno.jsonld"));
                &value[0]["target"]
            }
            _ => &value["first"]["items"][0]["target"],
        };
        let position =
            target["selector"].as_array().unwrap().iter().find(|s| s["type"] == "TextPositionSelector").unwrap();
        assert_eq!(position["start"], json!(expected), "{kind:?}");
        let plan =
            plan_import(&doc, &TagSet::default(), &Merged::new(), &[ImportFile { name: "f", bytes: text.as_bytes() }]);
        assert!(matches!(plan.status[&a.id], Anchored::Exact { .. }), "{kind:?}: {:?}", plan.status);
        assert_eq!(only(&plan), std::slice::from_ref(&a));
    }
}

#[test]
fn positions_that_hold_the_quote_in_both_units_are_told_apart_by_context() {
    // "aa" twice, overlapping, after an emoji: each one's positions in UTF-16 units are the
    // other's in code points; the file's context says which it meant, whichever unit it counts.
    let doc = Document::from_blocks(
        "T",
        ArticleMeta::default(),
        vec![RawBlock::plain(BlockKind::Paragraph, 0, "😀 baaab c")],
    );
    let page = PageText::new(&doc);
    let chars: Vec<char> = page.text().chars().collect();
    let at = |cp: usize| chars[..cp].iter().map(|c| c.len_utf16()).sum::<usize>();
    let starts: Vec<usize> = (0..chars.len() - 1).filter(|&i| chars[i] == 'a' && chars[i + 1] == 'a').collect();
    assert_eq!(starts.len(), 2);
    for (k, &start) in starts.iter().enumerate() {
        let prefix: String = chars[start.saturating_sub(4)..start].iter().collect();
        let suffix: String = chars[start + 2..(start + 6).min(chars.len())].iter().collect();
        for units in [false, true] {
            let (s, e) = if units { (at(start), at(start + 2)) } else { (start, start + 2) };
            let target =
                Target { start: s, end: e, exact: "aa".into(), prefix: prefix.clone(), suffix: suffix.clone() };
            let (doc_start, _) = page.at_quoted_positions(&target, false).expect("placed");
            assert_eq!(page.describe(doc_start, doc_start + 2).start, start, "occurrence {k}, units {units}");
        }
    }
}

#[test]
fn w3c_files_of_earlier_versions_still_import_where_they_were() {
    // Earlier versions counted Marginalia's own text: blank lines between blocks, title included.
    for doc in [sample(), untitled()] {
        let text = doc.text();
        let mut items = Vec::new();
        let mut expected = Vec::new();
        for (n, block) in doc.blocks().iter().enumerate() {
            let (start, end) = (block.start, (block.start + 6).min(block.end));
            let t = describe(&doc, start, end);
            let across = n + 1 < doc.blocks().len();
            let t2 = if across { describe(&doc, block.end - 2, doc.blocks()[n + 1].start + 3) } else { t.clone() };
            for (k, t) in [t, t2].into_iter().enumerate() {
                let id = uuid::Uuid::from_u128((n * 2 + k) as u128 + 1);
                items.push(json!({
                    "id": format!("urn:uuid:{id}"), "type": "Annotation", "motivation": "highlighting",
                    "created": "2025-03-08T14:05:00Z", "modified": "2025-03-08T14:05:00Z",
                    "body": [{ "type": "TextualBody", "purpose": "tagging", "value": "Claim" }],
                    "target": { "source": "urn:x", "selector": [
                        { "type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix },
                        { "type": "TextPositionSelector", "start": t.start, "end": t.end },
                    ] },
                }));
                expected.push((id, t));
            }
        }
        let file = json!({ "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": items });
        let plan = import(&doc, &file);
        for (id, t) in expected {
            let a = plan.merged.get(&id).unwrap_or_else(|| panic!("{id} imported"));
            assert_eq!(a.target, t, "{:?} in {}", t.exact, &text[..20]);
        }
    }
}
