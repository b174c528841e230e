//! Native proptests: the start-up fast paths of `Document` (run copying, one-walk run cutting) build what the plain per-character versions built.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::article::document::BlockKind;
use marginalia::domain::article::document::{
    segments_of, ArticleMeta, Document, InlineMark, MarkKind, RawBlock, Segment,
};
use marginalia::domain::text::{byte_of_char_scan, bytes_of_sorted_chars};
use proptest::prelude::*;

/// The per-character white-space collapsing `Document::from_blocks` used before it copied runs.
fn reference_normalise(segments: &[Segment]) -> (String, Vec<InlineMark>) {
    let mut text = String::new();
    let mut len = 0;
    let mut pending_space = false;
    let mut marks: Vec<InlineMark> = Vec::new();
    for segment in segments {
        let mut start = None;
        for ch in segment.text.chars() {
            if ch.is_whitespace() {
                pending_space = len > 0;
                continue;
            }
            if pending_space {
                text.push(' ');
                len += 1;
                pending_space = false;
            }
            start.get_or_insert(len);
            text.push(ch);
            len += 1;
        }
        let Some(start) = start else { continue };
        for mark in &segment.marks {
            match marks.iter_mut().rev().find(|m| &m.mark == mark && m.end + 1 >= start) {
                Some(open) => open.end = len,
                None => marks.push(InlineMark { start, end: len, mark: mark.clone() }),
            }
        }
    }
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    (text, marks)
}

/// The run cutting that sliced every run from the block's start.
fn reference_segments(text: &str, marks: &[InlineMark]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.chars().count()];
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let from = byte_of_char_scan(text, w[0]);
            let to = byte_of_char_scan(text, w[1].max(w[0]));
            Segment {
                text: text[from..to].to_string(),
                marks: marks.iter().filter(|m| m.start <= w[0] && w[1] <= m.end).map(|m| m.mark.clone()).collect(),
            }
        })
        .collect()
}

/// Text with the white space, no-break spaces, accents, astral characters and punctuation articles have.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("word"),
            Just(" "),
            Just("  "),
            Just("\n"),
            Just("\t"),
            Just("\u{a0}"),
            Just("\u{2003}"),
            Just("é"),
            Just("e\u{301}"),
            Just("😀"),
            Just("𝒳"),
            Just("—"),
            Just("."),
            Just("\r\n"),
            Just("\u{b}"),
            Just("\u{85}"),
            Just("\u{1c}"),
            Just("\u{3000}")
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn mark_kind() -> impl Strategy<Value = MarkKind> {
    prop_oneof![
        Just(MarkKind::Emphasis),
        Just(MarkKind::Strong),
        Just(MarkKind::Code),
        Just(MarkKind::Link { href: "https://example.org/".into() })
    ]
}

fn segment() -> impl Strategy<Value = Segment> {
    (messy_text(), proptest::collection::vec(mark_kind(), 0..3)).prop_map(|(text, marks)| Segment { text, marks })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn blocks_normalise_as_the_per_character_version_did(blocks in proptest::collection::vec(proptest::collection::vec(segment(), 0..5), 1..5)) {
        let raw: Vec<RawBlock> = blocks.iter().map(|segments| RawBlock { kind: BlockKind::Paragraph, level: 0, segments: segments.clone() }).collect();
        let doc = Document::from_blocks("T", ArticleMeta::default(), raw);
        let expected: Vec<(String, Vec<InlineMark>)> =
            blocks.iter().map(|segments| reference_normalise(segments)).filter(|(text, _)| !text.is_empty()).collect();
        prop_assert_eq!(doc.blocks().len(), expected.len());
        for (i, (block, (text, marks))) in doc.blocks().iter().zip(&expected).enumerate() {
            prop_assert_eq!(doc.block_text(block), text.as_str());
            prop_assert_eq!(doc.marks(i), marks.as_slice());
        }
    }

    #[test]
    fn runs_are_cut_as_the_per_run_scan_cut_them(
        text in messy_text(),
        marks in proptest::collection::vec((0usize..40, 0usize..40, mark_kind()), 0..5),
    ) {
        // Marks may reach past the text, as a damaged stored article's could: both clamp the same way.
        let marks: Vec<InlineMark> =
            marks.into_iter().map(|(a, b, mark)| InlineMark { start: a.min(b), end: a.max(b), mark }).collect();
        prop_assert_eq!(segments_of(&text, &marks), reference_segments(&text, &marks));
    }

    #[test]
    fn sorted_offsets_are_found_in_one_walk(text in messy_text(), mut cps in proptest::collection::vec(0usize..60, 0..8)) {
        cps.sort_unstable();
        let expected: Vec<usize> = cps.iter().map(|&cp| byte_of_char_scan(&text, cp)).collect();
        prop_assert_eq!(bytes_of_sorted_chars(&text, &cps), expected);
    }
}
