//! The library dialog: every saved article with its source, date and annotation count; open, rename, delete (the bundled sample's annotations cleared), and a new student on a shared computer.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::i18n::HandInTexts;
use crate::domain::i18n::Texts;
use crate::ui::browser::form;
use crate::ui::browser::library::LibraryEntry;
use crate::ui::i18n::{use_hand_in_texts, use_texts};

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub entries: Rc<Vec<LibraryEntry>>,
    /// The key of the article open now.
    pub current: AttrValue,
    pub used_bytes: usize,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    /// Deleting the bundled sample's key clears its annotations.
    pub on_delete: Callback<String>,
    /// "New student on this computer".
    pub on_new_student: Callback<()>,
    pub on_close: Callback<()>,
}

/// What a row is doing: showing, being renamed, or asking to confirm a delete.
#[derive(Clone, PartialEq)]
enum RowMode {
    Show,
    Rename(String),
    ConfirmDelete(String),
}

#[function_component(LibraryDialog)]
pub fn library_dialog(props: &LibraryProps) -> Html {
    let t = use_texts();
    let h = use_hand_in_texts();
    let mode = use_state(|| RowMode::Show);
    let rows = props.entries.iter().map(|entry| row(props, entry, &mode, t, h));
    let on_close = props.on_close.clone();
    let on_new_student = props.on_new_student.clone();
    let used = format!("{:.0} KB", props.used_bytes as f64 / 1024.0);
    html! {
        <div class="modal-backdrop">
            <section class="dialog library" role="dialog" aria-modal="true" aria-labelledby="library-title">
                <header class="editor-header">
                    <h2 id="library-title">{t.library}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <ul class="library-list">{ for rows }</ul>
                <p class="storage-used">{(t.storage_used)(&used)}</p>
                <section class="shared-computer" aria-labelledby="shared-computer-title">
                    <h3 id="shared-computer-title">{h.shared_computer}</h3>
                    <button type="button" onclick={move |_| on_new_student.emit(())}>{h.new_student}</button>
                </section>
            </section>
        </div>
    }
}

fn row(props: &LibraryProps, entry: &LibraryEntry, mode: &UseStateHandle<RowMode>, t: &Texts, h: &HandInTexts) -> Html {
    let key = entry.key.clone();
    let is_current = props.current.as_str() == key;
    let count = (t.annotation_count)(entry.annotations);
    let added = entry.added.map_or_else(|| t.bundled_sample.to_string(), |at| (t.added_on)(&at.date().to_string()));
    let details =
        [entry.source.clone(), Some(added), Some(count.clone())].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let open = {
        let (on_open, key) = (props.on_open.clone(), key.clone());
        move |_| on_open.emit(key.clone())
    };
    let body = match &**mode {
        RowMode::Rename(k) if *k == key => {
            let input = NodeRef::default();
            let save = {
                let (on_rename, key, input, mode) = (props.on_rename.clone(), key.clone(), input.clone(), mode.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if let Some(value) = form::value_at(&input) {
                        on_rename.emit((key.clone(), value));
                    }
                    mode.set(RowMode::Show);
                })
            };
            let cancel = {
                let mode = mode.clone();
                move |_| mode.set(RowMode::Show)
            };
            html! {
                <form class="rename" onsubmit={save}>
                    <label class="visually-hidden" for="rename-input">{t.new_name}</label>
                    <input id="rename-input" ref={input} type="text" value={entry.title.clone()} maxlength="300" autofocus=true />
                    <button type="submit" class="primary">{t.save_name}</button>
                    <button type="button" onclick={cancel}>{t.cancel}</button>
                </form>
            }
        }
        RowMode::ConfirmDelete(k) if *k == key => {
            let confirm = {
                let (on_delete, key, mode) = (props.on_delete.clone(), key.clone(), mode.clone());
                move |_| {
                    on_delete.emit(key.clone());
                    mode.set(RowMode::Show);
                }
            };
            let cancel = {
                let mode = mode.clone();
                move |_| mode.set(RowMode::Show)
            };
            let (question, yes) = if entry.bundled {
                ((h.clear_sample_question)(entry.annotations), h.clear_for_good)
            } else {
                ((t.delete_article_question)(&entry.title, &count), t.delete_for_good)
            };
            html! {
                <div class="confirm" role="alertdialog" aria-label={t.confirm_delete}>
                    <p>{question}</p>
                    <button type="button" class="danger" onclick={confirm}>{yes}</button>
                    <button type="button" onclick={cancel}>{t.keep_it}</button>
                </div>
            }
        }
        _ => {
            let rename = {
                let (mode, key) = (mode.clone(), key.clone());
                move |_| mode.set(RowMode::Rename(key.clone()))
            };
            let delete = {
                let (mode, key) = (mode.clone(), key.clone());
                move |_| mode.set(RowMode::ConfirmDelete(key.clone()))
            };
            html! {
                <div class="library-actions">
                    <button type="button" class="primary" onclick={open} disabled={is_current}>{ if is_current { t.open_now } else { t.open } }</button>
                    if !entry.bundled {
                        <button type="button" onclick={rename}>{t.rename}</button>
                        <button type="button" class="danger" onclick={delete}>{t.delete}</button>
                    } else if entry.annotations > 0 {
                        <button type="button" class="danger" onclick={delete}>{h.clear_annotations}</button>
                    }
                </div>
            }
        }
    };
    html! {
        <li class="library-entry" key={key.clone()}>
            <div class="library-title">{entry.title.clone()}</div>
            <div class="library-details">{details}</div>
            {body}
        </li>
    }
}
