//! Every export the app offers, as one choice: what the file is called, its type and its contents.

use super::pack::ExportInfo;
use super::{csv, html_report, markdown_report, pack, w3c};
use crate::domain::annotation::Annotation;
use crate::domain::document::Document;
use crate::domain::tags::TagSet;

/// The kinds of file the user can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The native `.marginalia.json` pack: everything, the backup to keep.
    Pack,
    /// W3C Web Annotation (JSON-LD), for other annotation tools.
    WebAnnotation,
    /// One row per annotation, for spreadsheets.
    Csv,
    /// A readable report in Markdown.
    Markdown,
    /// A standalone, printable HTML report.
    HtmlReport,
}

impl ExportKind {
    /// Every kind, in the order the export dialog lists them.
    pub const ALL: [ExportKind; 5] =
        [ExportKind::Pack, ExportKind::WebAnnotation, ExportKind::Csv, ExportKind::Markdown, ExportKind::HtmlReport];

    /// A button label.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Pack => "Annotation pack (.marginalia.json)",
            ExportKind::WebAnnotation => "Web Annotation (W3C JSON-LD)",
            ExportKind::Csv => "Spreadsheet (CSV)",
            ExportKind::Markdown => "Markdown report",
            ExportKind::HtmlReport => "Printable report (HTML)",
        }
    }

    /// What the file is for, shown under its button.
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::Pack => "Everything: the article, its tags and every annotation. Your backup, and what teachers and students exchange.",
            ExportKind::WebAnnotation => "The open W3C standard, for Hypothesis, Recogito and other annotation tools.",
            ExportKind::Csv => "One row per annotation: tags, quote, note, author, paragraph and position.",
            ExportKind::Markdown => "The annotations in article order with their notes, as a text report.",
            ExportKind::HtmlReport => "The article with numbered highlights, a tag legend and notes as endnotes, ready to print.",
        }
    }

    /// The file's name for `doc`, its MIME type, and its contents.
    pub fn render<'a>(
        self,
        doc: &Document,
        tags: &TagSet,
        annotations: impl IntoIterator<Item = &'a Annotation>,
        info: &ExportInfo,
    ) -> (String, &'static str, String) {
        let base = pack::file_name(doc);
        let stem = base.trim_end_matches(pack::FILE_SUFFIX);
        match self {
            ExportKind::Pack => (base.clone(), "application/json", pack::export(doc, tags, annotations, info)),
            ExportKind::WebAnnotation => {
                (format!("{stem}.w3c.jsonld"), "application/ld+json", w3c::export(doc, tags, annotations, info))
            }
            ExportKind::Csv => (format!("{stem}.csv"), "text/csv;charset=utf-8", csv::export(doc, tags, annotations)),
            ExportKind::Markdown => (
                format!("{stem}.report.md"),
                "text/markdown;charset=utf-8",
                markdown_report::export(doc, tags, annotations, info.source, info.at),
            ),
            ExportKind::HtmlReport => (
                format!("{stem}.report.html"),
                "text/html;charset=utf-8",
                html_report::export(doc, tags, annotations, info.source, info.at),
            ),
        }
    }
}
