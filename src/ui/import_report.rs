//! The import report: for each file, what it would add, merge, skip or leave unplaced, or why it was rejected; nothing changes until the user says so.

use yew::prelude::*;

use crate::domain::format::import::{FileReport, FileSummary};

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub reports: Vec<FileReport>,
    /// Whether applying would change anything.
    pub has_changes: bool,
    /// The title of another article a single pack carries, offered to open instead.
    pub other_article: Option<AttrValue>,
    pub on_apply: Callback<()>,
    pub on_open_other: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(ImportReport)]
pub fn import_report(props: &ImportReportProps) -> Html {
    let rows = props.reports.iter().map(|report| {
        let body = match &report.outcome {
            Ok(summary) => summary_lines(summary),
            Err(error) => html! { <p class="rejected">{format!("Rejected, nothing imported: {error}")}</p> },
        };
        html! {
            <li class="import-file">
                <div class="library-title">{report.name.clone()}</div>
                {body}
            </li>
        }
    });
    let (apply, open_other, close) = (props.on_apply.clone(), props.on_open_other.clone(), props.on_close.clone());
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <header class="editor-header">
                    <h2 id="import-title">{"Import report"}</h2>
                    <button type="button" class="icon-button" aria-label="Close" onclick={let c = close.clone(); move |_| c.emit(())}>{"×"}</button>
                </header>
                <ul class="library-list">{ for rows }</ul>
                if let Some(title) = props.other_article.clone() {
                    <p class="notice-inline">{format!("This pack belongs to another article, “{title}”. Open that article to import its annotations where they belong.")}</p>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={move |_| close.emit(())}>{"Cancel"}</button>
                    if props.other_article.is_some() {
                        <button type="button" class="primary" onclick={move |_| open_other.emit(())}>{"Open that article"}</button>
                    }
                    if props.has_changes {
                        <button type="button" class="primary" onclick={move |_| apply.emit(())}>{"Import"}</button>
                    } else {
                        <p class="storage-used">{"Nothing new to import."}</p>
                    }
                </div>
            </section>
        </div>
    }
}

fn summary_lines(s: &FileSummary) -> Html {
    let format = s.format.map(|f| f.label()).unwrap_or("file");
    let mut facts = vec![
        format!("{} new", s.imported),
        format!("{} merged", s.merged),
        format!("{} duplicates skipped", s.duplicates),
        format!("{} not placed", s.orphaned),
    ];
    if s.moved > 0 {
        facts.push(format!("{} found at a new place", s.moved));
    }
    if s.fuzzy > 0 {
        facts.push(format!("{} matched approximately", s.fuzzy));
    }
    let mut notes = Vec::new();
    if let Some((locked, key)) = s.starter {
        let mut note = "A starter pack from your teacher: its tag set becomes the article's.".to_string();
        if locked {
            note.push_str(" The tag set is locked.");
        }
        if key {
            note.push_str(" It holds an answer key, hidden until you reveal it in Settings.");
        }
        notes.push(note);
    }
    if s.same_article == Some(false) {
        notes.push(
            "It was made on a different version of the article; annotations were placed by their quotes.".to_string(),
        );
    }
    if !s.new_tags.is_empty() {
        let names: Vec<&str> = s.new_tags.iter().map(|t| t.0.as_str()).collect();
        notes.push(format!("New tags: {}.", names.join(", ")));
    }
    if s.repairs.lone_surrogates > 0 {
        notes.push(format!("{} broken character(s) were replaced with �.", s.repairs.lone_surrogates));
    }
    for skipped in &s.skipped {
        notes.push(format!("Skipped: {skipped}"));
    }
    html! {
        <>
            <p class="library-details">{format!("{format}: {}.", facts.join(", "))}</p>
            { for notes.into_iter().map(|n| html! { <p class="library-details">{n}</p> }) }
        </>
    }
}
