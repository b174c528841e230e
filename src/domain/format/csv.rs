//! CSV export for spreadsheets: one row per annotation, UTF-8 with a byte order mark, text fields quoted, formulas defused.
//!
//! A tiny writer rather than the `csv` crate: writing is all that is needed, the rules fit in a
//! few lines (RFC 4180 quoting, CRLF rows), and the crate would add reading machinery to the
//! wasm bundle for nothing.

use super::{paragraph_number, report_order};
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;

/// The header row.
pub const HEADER: [&str; 7] = ["Tags", "Quote", "Note", "Author", "Paragraph", "Start", "End"];

/// Makes Excel, LibreOffice and Numbers read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The CSV of `annotations` in article order: tags (names, joined by "; "), quote, note,
/// author, paragraph number (1 for the first body paragraph, 0 for the title or a heading),
/// start and end (code points). Orphans come last, with the number cells empty.
pub fn export<'a>(doc: &Document, tags: &TagSet, annotations: impl IntoIterator<Item = &'a Annotation>) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, HEADER.iter().map(|h| text_cell(h)));
    for (a, placed) in report_order(doc, annotations) {
        let number = |n: usize| if placed { n.to_string() } else { String::new() };
        let tag_names: Vec<&str> = a.tags.iter().map(|t| tags.name_of(t)).collect();
        push_row(
            &mut out,
            [
                text_cell(&tag_names.join("; ")),
                text_cell(&a.target.exact),
                text_cell(&a.note),
                text_cell(&a.author),
                number(paragraph_number(doc, a.target.start)),
                number(a.target.start),
                number(a.target.end),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell);
    }
    out.push_str("\r\n");
}

/// A text cell: quoted, with quotes doubled. A cell that a spreadsheet could run as a formula
/// ([`needs_guard`](crate::domain::format::csv_cell::needs_guard): a sign first, even after white space
/// or invisible characters or in full width) gets a leading apostrophe, which spreadsheets show as text.
pub fn text_cell(value: &str) -> String {
    let guard = crate::domain::format::csv_cell::needs_guard(value);
    let mut cell = String::with_capacity(value.len() + 3);
    cell.push('"');
    if guard {
        cell.push('\'');
    }
    cell.push_str(&value.replace('"', "\"\""));
    cell.push('"');
    cell
}
