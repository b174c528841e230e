//! The import report: for each file, what it would add, merge, skip or leave unplaced, or why it was rejected; nothing changes until the user says so.

use yew::prelude::*;

use crate::domain::format::import::{FileReport, FileSummary};
use crate::domain::i18n::HandInTexts;
use crate::domain::i18n::Texts;
use crate::ui::i18n::{use_assignment_texts, use_hand_in_texts, use_texts};

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub reports: Vec<FileReport>,
    /// Whether applying would change anything.
    pub has_changes: bool,
    /// The title of another article a single pack carries, offered to open instead.
    pub other_article: Option<AttrValue>,
    /// What becomes of a starter pack's tag set: the preset it is kept as.
    pub preset_note: Option<AttrValue>,
    pub on_apply: Callback<()>,
    pub on_open_other: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component(ImportReport)]
pub fn import_report(props: &ImportReportProps) -> Html {
    let t = use_texts();
    let h = use_hand_in_texts();
    let a = use_assignment_texts();
    let rows = props.reports.iter().map(|report| {
        let body = match &report.outcome {
            Ok(summary) => html! {
                <>
                    { summary_lines(summary, t, h) }
                    // The assignment, as plain text, before the student starts (also kept beside the article).
                    if !summary.instructions.is_empty() {
                        <h3 class="assignment-heading">{a.instructions_heading}</h3>
                        <p class="assignment-text">{summary.instructions.clone()}</p>
                    }
                </>
            },
            Err(error) => html! { <p class="rejected">{(t.rejected)(&error.to_string())}</p> },
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
                    <h2 id="import-title">{t.import_report}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={let c = close.clone(); move |_| c.emit(())}>{"×"}</button>
                </header>
                <ul class="library-list">{ for rows }</ul>
                if let Some(note) = props.preset_note.clone() {
                    <p class="library-details preset-note">{note}</p>
                }
                if let Some(title) = props.other_article.clone() {
                    <p class="notice-inline">{(t.other_article)(&title)}</p>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={move |_| close.emit(())}>{t.cancel}</button>
                    if props.other_article.is_some() {
                        <button type="button" class="primary" onclick={move |_| open_other.emit(())}>{t.open_that_article}</button>
                    }
                    if props.has_changes {
                        <button type="button" class="primary" onclick={move |_| apply.emit(())}>{t.import}</button>
                    } else {
                        <p class="storage-used">{t.nothing_new}</p>
                    }
                </div>
            </section>
        </div>
    }
}

fn summary_lines(s: &FileSummary, t: &Texts, h: &HandInTexts) -> Html {
    let mut lines = crate::domain::format::import_report::summary_lines(s, t, h).into_iter();
    let facts = lines.next().unwrap_or_default();
    html! {
        <>
            <p class="library-details">{facts}</p>
            { for lines.map(|n| html! { <p class="library-details">{n}</p> }) }
        </>
    }
}
