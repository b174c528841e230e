//! The teacher's grades sheet: per student and tag (and overall), how many of the answer key's passages the student found, the extra passages, precision, recall and F1, as rows and as CSV.
//!
//! "Found k of n" counts key passages matched by one of the student's passages under the
//! answer key's overlap rule (`answer_key::match_spans`); "extra" are the student's passages
//! that match none. The CSV goes through `csv_cell` (BOM, RFC 4180 quoting, formula guard).

use super::agreement::Figure;
use super::answer_key::{KeyScore, SpanScore};
use super::Student;
use crate::domain::annotation::tags::TagSet;
use crate::domain::format::csv_cell::{Cell, CsvWriter};

/// Decimals of precision, recall and F1.
const DECIMALS: usize = 4;

/// One line of the grades sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeRow<'a> {
    pub student: &'a str,
    /// A tag's name, or `None` for the student's overall line.
    pub tag: Option<&'a str>,
    /// Key passages found.
    pub found: usize,
    /// Key passages in all.
    pub key_passages: usize,
    /// The student's passages that match no key passage.
    pub extra: usize,
    pub precision: Figure,
    pub recall: Figure,
    pub f1: Figure,
}

impl<'a> GradeRow<'a> {
    fn of(student: &'a str, tag: Option<&'a str>, s: &SpanScore) -> Self {
        GradeRow {
            student,
            tag,
            found: s.matched,
            key_passages: s.key_spans,
            extra: s.student_spans.saturating_sub(s.matched),
            precision: s.precision,
            recall: s.recall,
            f1: s.f1,
        }
    }
}

/// Each scored student's rows: one per tag in the view's order, then the overall line.
pub fn grade_rows<'a>(scores: &'a [(usize, KeyScore)], students: &'a [Student], tags: &'a TagSet) -> Vec<GradeRow<'a>> {
    let mut rows = Vec::new();
    for (student, score) in scores {
        let name = students.get(*student).map_or("", |s| s.name.as_str());
        for (tag, s) in &score.per_tag {
            rows.push(GradeRow::of(name, Some(tags.name_of(tag)), s));
        }
        rows.push(GradeRow::of(name, None, &score.overall));
    }
    rows
}

fn figure(value: Figure) -> Cell<'static> {
    match value {
        Figure::Value(v) => Cell::Number(v, DECIMALS),
        Figure::Undefined(_) => Cell::Empty,
    }
}

/// `Student, Tag, Found, Key passages, Extra passages, Precision, Recall, F1`; the overall line's
/// tag is `overall` (the caller's word for it, in the UI's language). An undefined figure is an
/// empty cell (no passages to divide by).
pub fn grades_csv(rows: &[GradeRow], header: [&str; 8], overall: &str) -> String {
    let mut csv = CsvWriter::new();
    csv.row(header.map(Cell::Text));
    for row in rows {
        csv.row([
            Cell::Text(row.student),
            Cell::Text(row.tag.unwrap_or(overall)),
            Cell::Count(row.found),
            Cell::Count(row.key_passages),
            Cell::Count(row.extra),
            figure(row.precision),
            figure(row.recall),
            figure(row.f1),
        ]);
    }
    csv.finish()
}
