//! The words of the reports for people (Markdown and HTML), in every language: the report is written in the UI's language of the person who exports it.
//!
//! A table apart from `Texts`, reached through `Lang::report`, so only the module that renders
//! reports (the second one) carries it.

/// A report's words in one language.
#[derive(Debug)]
pub struct ReportTexts {
    /// The HTML report's `lang`.
    pub code: &'static str,
    /// "Annotations: <title>", the Markdown heading and the HTML page's title.
    pub annotations_of: fn(&str) -> String,
    pub tags: &'static str,
    pub tag: &'static str,
    pub annotations: &'static str,
    pub notes: &'static str,
    pub not_found: &'static str,
    pub title_or_heading: &'static str,
    pub paragraph: fn(usize) -> String,
    /// "4 annotations".
    pub count: fn(usize) -> String,
    /// "exported <local time> (<zone>)".
    pub exported: fn(&str, &str) -> String,
    /// "By Ana".
    pub by: fn(&str) -> String,
}

pub static REPORT_EN: ReportTexts = ReportTexts {
    code: "en",
    annotations_of: |title| format!("Annotations: {title}"),
    tags: "Tags",
    tag: "Tag",
    annotations: "Annotations",
    notes: "Notes",
    not_found: "Passage not found in this version of the article",
    title_or_heading: "Title or heading",
    paragraph: |n| format!("Paragraph {n}"),
    count: |n| super::count(n, "annotation", "annotations"),
    exported: |time, zone| format!("exported {time} ({zone})"),
    by: |by| format!("By {by}"),
};

pub static REPORT_ES: ReportTexts = ReportTexts {
    code: "es",
    annotations_of: |title| format!("Anotaciones: {title}"),
    tags: "Etiquetas",
    tag: "Etiqueta",
    annotations: "Anotaciones",
    notes: "Notas",
    not_found: "Pasaje no encontrado en esta versión del artículo",
    title_or_heading: "Título o encabezado",
    paragraph: |n| format!("Párrafo {n}"),
    count: |n| super::count(n, "anotación", "anotaciones"),
    exported: |time, zone| format!("exportado el {time} ({zone})"),
    by: |by| format!("De {by}"),
};
