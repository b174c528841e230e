//! A Markdown report of an article's annotations: who exported it and when (local time), counts per tag, then each annotation with its quote and note, in article order.
//!
//! Text from the article, notes and tags is escaped so it reads as written: no emphasis, links,
//! headings, lists or raw HTML can come from it.

use super::html_report::{exported_line_in, local_time};
use super::pack::ExportInfo;
use super::{paragraph_number, report_order};
use crate::domain::annotation::tags::TagSet;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;
use crate::domain::i18n::{ReportTexts, REPORT_EN};

/// The report for `annotations` of `doc`, by `info.by`, times in `info.at`'s offset (the
/// exporter's local time); `info.source` is the article's URL when known. In English.
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    export_in(doc, tags, annotations, info, &REPORT_EN)
}

/// [`export`] in the words of `r` (the exporter's UI language).
pub fn export_in<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
    r: &ReportTexts,
) -> String {
    let source = info.source;
    let rows = report_order(doc, annotations);
    let annotations: Vec<&Annotation> = rows.iter().map(|(a, _)| *a).collect();
    let mut out = format!("# {}\n\n", escape_inline(&(r.annotations_of)(doc.title())));
    let facts: Vec<String> = [doc.meta().byline.as_deref(), doc.meta().date.as_deref(), source]
        .into_iter()
        .flatten()
        .map(escape_inline)
        .collect();
    if !facts.is_empty() {
        out.push_str(&format!("{}\n\n", facts.join(" · ")));
    }
    out.push_str(&format!("{}\n\n", escape_inline(&exported_line_in(info, annotations.len(), r))));
    out.push_str(&format!("## {}\n\n| {} | {} |\n| --- | ---: |\n", r.tags, r.tag, r.annotations));
    for (tag, count) in super::html_report::counts_per_tag(tags, &annotations) {
        out.push_str(&format!("| {} | {count} |\n", escape_inline(tags.name_of(&tag))));
    }
    out.push_str(&format!("\n## {}\n", r.annotations));
    for (i, (a, placed)) in rows.iter().enumerate() {
        let names: Vec<String> = a.tags.iter().map(|t| escape_inline(tags.name_of(t))).collect();
        out.push_str(&format!("\n### {}. {}\n\n", i + 1, names.join(", ")));
        let mut about = vec![match paragraph_number(doc, a.target.start) {
            _ if !placed => r.not_found.to_string(),
            0 => r.title_or_heading.to_string(),
            n => (r.paragraph)(n),
        }];
        if !a.author.is_empty() {
            about.push(escape_inline(&a.author));
        }
        about.push(local_time(a.modified, info.at.offset()));
        out.push_str(&format!("{}\n\n", about.join(" · ")));
        for line in a.target.exact.lines() {
            out.push_str(&format!("> {}\n", escape_line(line)));
        }
        if !a.note.is_empty() {
            out.push('\n');
            for line in a.note.lines() {
                out.push_str(&format!("{}\n", escape_line(line)));
            }
        }
    }
    out
}

/// Escapes the characters that start inline Markdown (emphasis, code, links, HTML, tables,
/// strike-through) and entities, and puts line breaks out of play.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One line of a quote or note: inline escapes, plus the line starts that make headings,
/// lists, quotes, rules or code blocks.
pub fn escape_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let escaped = escape_inline(trimmed);
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')'));
    if numbered {
        format!("{}\\{}", &trimmed[..digits], &escaped[digits..])
    } else if trimmed.starts_with(['+', '-', '=']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}
