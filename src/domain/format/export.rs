//! Every export the app offers, as one choice: what the file is called, its type and its contents.

use super::pack::ExportInfo;
use super::{csv, html_report, hypothesis, markdown_report, pack, w3c};
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;
use crate::domain::i18n::{ReportTexts, REPORT_EN};

/// The kinds of file the user can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The native `.marginalia.json` pack: everything, the backup to keep.
    Pack,
    /// W3C Web Annotation (JSON-LD), for other annotation tools.
    WebAnnotation,
    /// The Hypothesis client's JSON, for its "Import annotations".
    Hypothesis,
    /// Web Annotations as Recogito's text annotator loads them: a bare list, positions in UTF-16
    /// units (what Recogito counts) instead of the code points the W3C model counts.
    Recogito,
    /// One row per annotation, for spreadsheets.
    Csv,
    /// A readable report in Markdown.
    Markdown,
    /// A standalone, printable HTML report.
    HtmlReport,
}

impl ExportKind {
    /// Every kind, in the order the export dialog lists them.
    pub const ALL: [ExportKind; 7] = [
        ExportKind::Pack,
        ExportKind::WebAnnotation,
        ExportKind::Hypothesis,
        ExportKind::Recogito,
        ExportKind::Csv,
        ExportKind::Markdown,
        ExportKind::HtmlReport,
    ];

    /// A button label.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Pack => "Annotation pack (.marginalia.json)",
            ExportKind::WebAnnotation => "Web Annotation (W3C JSON-LD)",
            ExportKind::Hypothesis => "Hypothesis (JSON)",
            ExportKind::Recogito => "Recogito (Web Annotation list)",
            ExportKind::Csv => "Spreadsheet (CSV)",
            ExportKind::Markdown => "Markdown report",
            ExportKind::HtmlReport => "Printable report (HTML)",
        }
    }

    /// What the file is for, shown under its button.
    pub fn description(self) -> &'static str {
        match self {
            ExportKind::Pack => "Everything: the article, its tags and every annotation. Your backup, and what teachers and students exchange.",
            ExportKind::WebAnnotation => "The open W3C standard, for Apache Annotator and other Web Annotation tools: each passage by its quote and its position in the article as shown, in characters. Not placed annotations keep only their quote; tag colours stay in the pack.",
            ExportKind::Hypothesis => "For the Hypothesis client's “Import annotations”: quotes, tags and notes on the article's address. Hypothesis finds each passage by its quote.",
            ExportKind::Recogito => "For Recogito's text annotator: the same annotations as a list it loads, positions in UTF-16 units as Recogito counts them, so passages after an emoji land right. Recogito skips not placed annotations.",
            ExportKind::Csv => "One row per annotation: tags, quote, note, author, paragraph and position.",
            ExportKind::Markdown => "The annotations in article order with their notes, as a text report.",
            ExportKind::HtmlReport => "The article with numbered highlights, a tag legend and notes as endnotes, ready to print.",
        }
    }

    /// The file's name for `doc`, its MIME type, and its contents. `annotations` lists the
    /// current version of each annotation first; later ones with the same id are other versions
    /// (conflicts), which only the pack carries (the other formats have one version per id).
    pub fn render<'a>(
        self,
        doc: &Document,
        tags: &TagSet,
        annotations: impl IntoIterator<Item = &'a Annotation>,
        info: &ExportInfo,
    ) -> (String, &'static str, String) {
        self.render_list(doc, tags, &annotations.into_iter().collect::<Vec<_>>(), info, &REPORT_EN)
    }

    /// [`Self::render`] with the reports for people in the words of `r` (the UI's language).
    pub fn render_in<'a>(
        self,
        doc: &Document,
        tags: &TagSet,
        annotations: impl IntoIterator<Item = &'a Annotation>,
        info: &ExportInfo,
        r: &ReportTexts,
    ) -> (String, &'static str, String) {
        self.render_list(doc, tags, &annotations.into_iter().collect::<Vec<_>>(), info, r)
    }

    /// [`Self::render`] of a list: compiled once, whatever iterator the caller has.
    #[inline(never)]
    fn render_list(
        self,
        doc: &Document,
        tags: &TagSet,
        annotations: &[&Annotation],
        info: &ExportInfo,
        r: &ReportTexts,
    ) -> (String, &'static str, String) {
        let first = super::first_of_each_id(annotations);
        let current: Vec<&Annotation> = annotations.iter().zip(first).filter(|(_, f)| *f).map(|(a, _)| *a).collect();
        let stem = file_stem(doc, info.by);
        match self {
            ExportKind::Pack => {
                let (name, contents) = pack_file(doc, tags, annotations.iter().copied(), info);
                (name, "application/json", contents)
            }
            ExportKind::WebAnnotation => {
                (format!("{stem}.w3c.jsonld"), "application/ld+json", w3c::export(doc, tags, current, info))
            }
            ExportKind::Recogito => (
                format!("{stem}.recogito.jsonld"),
                "application/ld+json",
                w3c::export_for_recogito(doc, tags, current, info),
            ),
            ExportKind::Hypothesis => {
                (format!("{stem}.hypothesis.json"), "application/json", hypothesis::export(doc, tags, current, info))
            }
            ExportKind::Csv => (format!("{stem}.csv"), "text/csv;charset=utf-8", csv::export(doc, tags, current)),
            ExportKind::Markdown => (
                format!("{stem}.report.md"),
                "text/markdown;charset=utf-8",
                markdown_report::export_in(doc, tags, current, info, r),
            ),
            ExportKind::HtmlReport => (
                format!("{stem}.report.html"),
                "text/html;charset=utf-8",
                html_report::export_in(doc, tags, current, info, r),
            ),
        }
    }
}

/// Most words of a person's name a file name keeps.
const NAME_WORDS: usize = 4;
/// Most characters of a person's name a file name keeps.
const NAME_CHARS: usize = 32;

/// The pack's file name (the exporter's name, then the article's title) and its contents: what
/// [`ExportKind::Pack`] renders, for the app, which writes the pack without the other formats.
pub fn pack_file<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> (String, String) {
    (format!("{}{}", file_stem(doc, info.by), pack::FILE_SUFFIX), pack::export(doc, tags, annotations, info))
}

/// The start of every export's file name: the exporter's name (when there is one) and the
/// article's title, both slugged (`ana-trump-tells-mexican-president`), so the files a teacher
/// collects tell whose they are and never clash.
pub fn file_stem(doc: &Document, by: &str) -> String {
    let title = pack::file_name(doc);
    let title = title.trim_end_matches(pack::FILE_SUFFIX);
    match slug(by, NAME_WORDS, NAME_CHARS).as_str() {
        "" => title.to_string(),
        name => format!("{name}-{title}"),
    }
}

/// `text` as a piece of a file name that is safe everywhere: its words (letters and digits,
/// with their combining accents), lower-cased and joined by dashes, at most `max_words` words
/// and `max_chars` characters (cut at a word when one fits). No separator, dot, space, control
/// or direction character survives, so the result can neither leave its folder nor hide its
/// extension; empty when `text` has no letters or digits.
pub fn slug(text: &str, max_words: usize, max_chars: usize) -> String {
    let is_word = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    let mut slug = String::new();
    let mut chars = 0;
    for word in text.split(|c: char| !is_word(c)).filter(|w| w.chars().any(char::is_alphanumeric)).take(max_words) {
        let word = crate::domain::text::lowercase::lower(word);
        let extra = word.chars().count() + usize::from(!slug.is_empty());
        if chars + extra > max_chars {
            if slug.is_empty() {
                // One long word: keep its start rather than nothing.
                slug = word.chars().take(max_chars).collect();
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
        chars += extra;
    }
    slug
}

/// The combining diacritical marks (U+0300-U+036F and the extended blocks), which decomposed
/// accented names are written with ("Jose\u{301}"): part of a word, not a break in it.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}
