//! CSV exports of the class view: the student-by-tag table, the agreement figures and the answer-key scores.
//!
//! Figures are written as numbers (percent agreement in percent, kappas and precision, recall
//! and F1 as fractions); an undefined figure is an empty cell with its reason in the Note column.

use crate::domain::annotation::tags::TagSet;
use crate::domain::class::agreement::{Agreement, Figure, PairAgreement, TagFigures};
use crate::domain::class::answer_key::{KeyScore, SpanScore};
use crate::domain::class::{Student, StudentTagTable};
use crate::domain::format::csv_cell::{Cell, CsvWriter};

/// Decimals of kappa, precision, recall and F1.
const FRACTION_DECIMALS: usize = 4;
/// Decimals of percent agreement (written in percent).
const PERCENT_DECIMALS: usize = 2;

/// `Student, <tag>…, Annotations`, one row per student and a `Total` row.
pub fn student_table_csv(table: &StudentTagTable, tags: &TagSet) -> String {
    let mut csv = CsvWriter::new();
    let names: Vec<&str> = table.tags.iter().map(|t| tags.name_of(t)).collect();
    csv.row(
        std::iter::once(Cell::Text("Student"))
            .chain(names.iter().map(|n| Cell::Text(n)))
            .chain([Cell::Text("Annotations")]),
    );
    for row in &table.rows {
        let counts = row.counts.iter().map(|n| Cell::Count(*n));
        csv.row(std::iter::once(Cell::Text(&row.name)).chain(counts).chain([Cell::Count(row.annotations)]));
    }
    let totals = table.totals.iter().map(|n| Cell::Count(*n));
    csv.row(std::iter::once(Cell::Text("Total")).chain(totals).chain([Cell::Count(table.annotations)]));
    csv.finish()
}

fn figure(value: Figure, scale: f64, decimals: usize) -> Cell<'static> {
    match value {
        Figure::Value(v) => Cell::Number(v * scale, decimals),
        Figure::Undefined(_) => Cell::Empty,
    }
}

/// The reasons of the undefined figures among `figures`, as one note.
fn note(figures: &[(&str, Figure)]) -> String {
    let reasons: Vec<String> = figures
        .iter()
        .filter_map(|(what, f)| match f {
            Figure::Undefined(why) => Some(format!("{what}: {why}")),
            Figure::Value(_) => None,
        })
        .collect();
    reasons.join(" ")
}

/// `Scope, Student A, Student B, Tag, Percent agreement, Kappa, Measure, Note`: the class (Fleiss)
/// per tag and overall, then each pair (Cohen) per tag and overall.
pub fn agreement_csv(class: &Agreement, pairs: &[PairAgreement], students: &[Student], tags: &TagSet) -> String {
    let mut csv = CsvWriter::new();
    let header = ["Scope", "Student A", "Student B", "Tag", "Percent agreement", "Kappa", "Measure", "Note"];
    csv.row(header.map(Cell::Text));
    let mut rows = |scope: &str, a: &str, b: &str, measure: &str, agreement: &Agreement| {
        let per_tag = agreement.per_tag.iter().map(|f: &TagFigures| (tags.name_of(&f.tag), f.percent, f.kappa));
        for (tag, percent, kappa) in per_tag.chain([("Overall", agreement.overall_percent, agreement.overall_kappa)]) {
            let note = note(&[("Percent agreement", percent), ("Kappa", kappa)]);
            csv.row([
                Cell::Text(scope),
                Cell::Text(a),
                Cell::Text(b),
                Cell::Text(tag),
                figure(percent, 100.0, PERCENT_DECIMALS),
                figure(kappa, 1.0, FRACTION_DECIMALS),
                Cell::Text(measure),
                Cell::Text(&note),
            ]);
        }
    };
    rows("Class", "", "", "Fleiss' kappa", class);
    for pair in pairs {
        let name = |i: usize| students.get(i).map_or("", |s| s.name.as_str());
        rows("Pair", name(pair.a), name(pair.b), "Cohen's kappa", &pair.agreement);
    }
    csv.finish()
}

/// `Student, Tag, Student passages, Key passages, Matched, Precision, Recall, F1, Note`, per tag and overall.
pub fn scores_csv(scores: &[(usize, KeyScore)], students: &[Student], tags: &TagSet) -> String {
    let mut csv = CsvWriter::new();
    let header = ["Student", "Tag", "Student passages", "Key passages", "Matched", "Precision", "Recall", "F1", "Note"];
    csv.row(header.map(Cell::Text));
    for (student, score) in scores {
        let name = students.get(*student).map_or("", |s| s.name.as_str());
        let per_tag = score.per_tag.iter().map(|(tag, s)| (tags.name_of(tag), s));
        for (tag, s) in per_tag.chain([("Overall", &score.overall)]) {
            let SpanScore { matched, student_spans, key_spans, precision, recall, f1 } = *s;
            let note = note(&[("Precision", precision), ("Recall", recall), ("F1", f1)]);
            csv.row([
                Cell::Text(name),
                Cell::Text(tag),
                Cell::Count(student_spans),
                Cell::Count(key_spans),
                Cell::Count(matched),
                figure(precision, 1.0, FRACTION_DECIMALS),
                figure(recall, 1.0, FRACTION_DECIMALS),
                figure(f1, 1.0, FRACTION_DECIMALS),
                Cell::Text(&note),
            ]);
        }
    }
    csv.finish()
}
