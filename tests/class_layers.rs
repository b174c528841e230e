//! Native tests of the class on the article: blocks cut at every boundary of the shown students' annotations.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::ann;

use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::class::layers::{segments, LayerSegment};
use marginalia::domain::class::{ClassView, Submission};

fn doc() -> Document {
    Document::new(
        "T",
        ArticleMeta::default(),
        &[
            (BlockKind::Paragraph, "The minister said the budget will grow."),
            (BlockKind::Paragraph, "Critics disagree strongly."),
        ],
    )
}

fn view(doc: &Document, students: Vec<(&str, Vec<Annotation>)>) -> ClassView {
    let subs = students
        .into_iter()
        .map(|(s, a)| Submission { student: s.into(), article: doc.hash().clone(), annotations: a })
        .collect();
    ClassView::new(doc, &TagSet::default(), subs)
}

fn claim() -> TagId {
    TagId::new("claim")
}

fn quote() -> TagId {
    TagId::new("quote")
}

/// Every block's pieces are contiguous and span it exactly.
fn assert_cover(doc: &Document, cut: &[Vec<LayerSegment>]) {
    assert_eq!(cut.len(), doc.blocks().len());
    for (block, pieces) in doc.blocks().iter().zip(cut) {
        assert_eq!(pieces.first().map(|p| p.start), Some(block.start));
        assert_eq!(pieces.last().map(|p| p.end), Some(block.end));
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(pieces.iter().all(|p| p.start < p.end));
    }
}

fn spans(doc: &Document, pieces: &[LayerSegment]) -> Vec<(String, Vec<(usize, TagId)>)> {
    pieces.iter().map(|p| (doc.slice(p.start, p.end).to_string(), p.marks.clone())).collect()
}

#[test]
fn overlapping_annotations_cut_at_every_boundary() {
    let d = doc();
    // "minister said" (4..17) by Ana as Claim; "said the budget" (13..28) by Ben as Claim.
    let v = view(&d, vec![("Ana", vec![ann(&d, 1, 4, 17, &["claim"])]), ("Ben", vec![ann(&d, 2, 13, 28, &["claim"])])]);
    let cut = segments(&d, v.students(), &v.shown(&[]));
    assert_cover(&d, &cut);
    assert_eq!(
        spans(&d, &cut[0]),
        vec![
            ("The ".to_string(), vec![]),
            ("minister ".to_string(), vec![(0, claim())]),
            ("said".to_string(), vec![(0, claim()), (1, claim())]),
            (" the budget".to_string(), vec![(1, claim())]),
            (" will grow.".to_string(), vec![]),
        ]
    );
    assert_eq!(cut[1].len(), 1);
    assert!(cut[1][0].marks.is_empty());
    let names = vec!["Ana".to_string(), "Ben".to_string()];
    assert_eq!(cut[0][2].title(2, &names, &TagSet::default(), v.tags()), "2 of 2 students: Claim (Ana, Ben)");
    assert_eq!(cut[0][1].title(2, &names, &TagSet::default(), v.tags()), "1 of 2 students: Claim (Ana)");
}

#[test]
fn nested_annotations_and_several_tags() {
    let d = doc();
    // Ana: the whole first sentence as Claim; inside, "budget" (22..28) as Claim and Quote by Ben.
    let whole = d.blocks()[0];
    let v = view(
        &d,
        vec![
            ("Ana", vec![ann(&d, 1, whole.start, whole.end, &["claim"])]),
            ("Ben", vec![ann(&d, 2, 22, 28, &["quote", "claim"])]),
        ],
    );
    let cut = segments(&d, v.students(), &v.shown(&[]));
    assert_cover(&d, &cut);
    let inner = &cut[0][1];
    assert_eq!(d.slice(inner.start, inner.end), "budget");
    assert_eq!(inner.marks, vec![(0, claim()), (1, claim()), (1, quote())]);
    assert_eq!(inner.students(), vec![0, 1]);
    assert_eq!(inner.main_tag(v.tags()), Some(claim()));
    let names = vec!["Ana".to_string(), "Ben".to_string()];
    assert_eq!(inner.title(2, &names, &TagSet::default(), v.tags()), "2 of 2 students: Claim (Ana, Ben); Quote (Ben)");
    assert_eq!(cut[0].len(), 3);
}

#[test]
fn hidden_students_are_left_out() {
    let d = doc();
    let v = view(&d, vec![("Ana", vec![ann(&d, 1, 4, 17, &["claim"])]), ("Ben", vec![ann(&d, 2, 13, 28, &["quote"])])]);
    let cut = segments(&d, v.students(), &v.shown(&[true, false]));
    assert_cover(&d, &cut);
    assert_eq!(
        spans(&d, &cut[0]),
        vec![
            ("The ".to_string(), vec![]),
            ("minister said".to_string(), vec![(0, claim())]),
            (" the budget will grow.".to_string(), vec![]),
        ]
    );
    let none = segments(&d, v.students(), &v.shown(&[false, false]));
    assert_cover(&d, &none);
    assert!(none.iter().flatten().all(|p| p.marks.is_empty()));
}

#[test]
fn an_annotation_across_blocks_marks_both() {
    let d = doc();
    let (a, b) = (d.blocks()[0], d.blocks()[1]);
    let v = view(&d, vec![("Ana", vec![ann(&d, 1, a.end - 5, b.start + 7, &["quote"])])]);
    let cut = segments(&d, v.students(), &v.shown(&[]));
    assert_cover(&d, &cut);
    assert_eq!(d.slice(cut[0][1].start, cut[0][1].end), "grow.");
    assert_eq!(cut[0][1].marks, vec![(0, quote())]);
    assert_eq!(d.slice(cut[1][0].start, cut[1][0].end), "Critics");
    assert_eq!(cut[1][0].marks, vec![(0, quote())]);
    assert_eq!(cut[0][1].main_tag(v.tags()), Some(quote()));
}
