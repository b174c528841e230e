//! Every parser of untrusted input, in one place: none panics on arbitrary bytes, JSON or element trees. A crash `make fuzz` finds becomes a test here (none so far: 90 s per target found none).
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::article::document::Document;
use marginalia::domain::article::html_extract::{extract_all_text, extract_article};
use marginalia::domain::article::html_tree::{HtmlElement, HtmlNode};
use marginalia::domain::article::loader::{decode, load_text, FileKind};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::class::import::read_submission;
use marginalia::domain::format::import::{plan_import, read_file, ImportFile, Merged};
use marginalia::domain::format::pack::Pack;
use marginalia::domain::{storage, storage::eviction};
use proptest::prelude::*;
use serde_json::{json, Value};

fn article() -> Document {
    parse_plain_text("A short article\n\nThe cat sat on the mat. 😀 שלום, and the dog did not.\n\nA second paragraph.")
}

/// Runs every importer and loader on `bytes`; any panic fails the test.
fn parse_everything(bytes: &[u8]) {
    let doc = article();
    let _ = read_file(bytes, &TagSet::default());
    let _ = Pack::from_bytes(bytes);
    let _ = plan_import(&doc, &TagSet::default(), &Merged::new(), &[ImportFile { name: "x.json", bytes }]);
    let text = match decode(bytes) {
        Ok(decoded) => decoded.text,
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    for kind in [FileKind::Markdown, FileKind::PlainText] {
        let _ = load_text(kind, &text, None, Some("x"));
    }
    let _ = read_submission("student.json", &text);
    let _ = storage::decode(&text);
    let _ = storage::decode_list(&text);
    let _ = storage::decode_tags(&text);
    let _ = storage::decode_classroom(&text);
    let _ = storage::decode_presets(&text);
    let _ = storage::presets::from_file(&text);
    let _ = storage::decode_article(&text, Some("0123456789abcdef"));
    let _ = eviction::decode(&text);
}

/// Any JSON value, a few levels deep, with the strings and numbers importers trip on.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![
            Just("TextQuoteSelector"),
            Just("TextPositionSelector"),
            Just("TextualBody"),
            Just("tagging"),
            Just("2025-03-09T10:12:44Z"),
            Just("00000000-0000-4000-8000-000000000001"),
            Just("The cat sat"),
            Just("#ff0000"),
            Just("marginalia-pack"),
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("type".to_string()),
                        Just("body".to_string()),
                        Just("target".to_string()),
                        Just("selector".to_string()),
                        Just("exact".to_string()),
                        Just("start".to_string()),
                        Just("end".to_string()),
                        Just("tags".to_string()),
                        Just("id".to_string()),
                        Just("text".to_string()),
                        Just("value".to_string()),
                        Just("annotations".to_string()),
                        Just("modified".to_string()),
                        "[a-z]{1,6}",
                    ],
                    inner,
                ),
                0..6,
            )
            .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// An element tree with the tags and attributes that steer extraction.
fn html_tree() -> impl Strategy<Value = HtmlElement> {
    let name = prop_oneof![
        Just("p"),
        Just("div"),
        Just("article"),
        Just("h1"),
        Just("h2"),
        Just("a"),
        Just("nav"),
        Just("script"),
        Just("blockquote"),
        Just("li"),
        Just("ul"),
        Just("em"),
        Just("meta"),
        Just("title"),
        Just("time"),
        Just("svg"),
        Just("pre"),
        Just("br"),
    ];
    let attr = (
        prop_oneof![Just("class"), Just("href"), Just("property"), Just("content"), Just("itemprop"), Just("hidden")],
        prop_oneof![
            prop::sample::select(vec!["article", "byline", "share", "javascript:alert(1)", "og:title"])
                .prop_map(String::from),
            ".{0,8}",
        ],
    );
    let leaf = (name.clone(), prop::collection::vec(attr.clone(), 0..2), ".{0,40}").prop_map(|(name, attrs, text)| {
        let mut el = HtmlElement::new(name, vec![HtmlNode::Text(text)]);
        el.attrs = attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        el
    });
    leaf.prop_recursive(6, 64, 6, move |inner| {
        (
            name.clone(),
            prop::collection::vec(attr.clone(), 0..2),
            prop::collection::vec(
                prop_oneof![inner.prop_map(HtmlNode::Element), ".{0,60}".prop_map(HtmlNode::Text)],
                0..6,
            ),
        )
            .prop_map(|(name, attrs, children)| {
                let mut el = HtmlElement::new(name, children);
                el.attrs = attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                el
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        parse_everything(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        parse_everything(text.as_bytes());
    }

    #[test]
    fn arbitrary_json_in_every_envelope_never_panics(value in json_value()) {
        let envelopes = [
            value.clone(),
            json!({ "format": "marginalia-pack", "schemaVersion": 1, "article": value, "tags": [], "annotations": [] }),
            json!({ "format": "marginalia-pack", "schemaVersion": 1, "annotations": [value.clone()] }),
            json!({ "format": "marginalia-annotations", "schema": 1, "annotations": [value.clone()] }),
            json!([{ "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": value.clone() }]),
            json!({ "type": "AnnotationCollection", "first": { "items": [value.clone()] } }),
            json!({ "export_userid": "acct:x@hypothes.is", "annotations": [value.clone()] }),
            json!({ "schema": 1, "annotation": value.clone() }),
            json!({ "schema": 1, "tags": value }),
        ];
        for envelope in envelopes {
            parse_everything(envelope.to_string().as_bytes());
        }
    }

    #[test]
    fn arbitrary_element_trees_never_panic(root in html_tree()) {
        if let Ok(draft) = extract_article(&root) {
            let _ = draft.into_document();
        }
        let _ = extract_all_text(&root).into_document();
    }
}
