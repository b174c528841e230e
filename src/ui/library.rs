//! The library dialog: every saved article with its source, date and annotation count; open, rename, delete.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::browser::library::LibraryEntry;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub entries: Vec<LibraryEntry>,
    /// The key of the article open now.
    pub current: AttrValue,
    pub used_bytes: usize,
    pub on_open: Callback<String>,
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
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
    let mode = use_state(|| RowMode::Show);
    let rows = props.entries.iter().map(|entry| row(props, entry, &mode));
    let on_close = props.on_close.clone();
    let used = format!("{:.0} KB", props.used_bytes as f64 / 1024.0);
    html! {
        <div class="modal-backdrop">
            <section class="dialog library" role="dialog" aria-modal="true" aria-labelledby="library-title">
                <header class="editor-header">
                    <h2 id="library-title">{"Library"}</h2>
                    <button type="button" class="icon-button" aria-label="Close" onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <ul class="library-list">{ for rows }</ul>
                <p class="storage-used">{format!("This browser holds {used} of Marginalia's data (browsers allow about 5 MB). Export articles you care about: the file is the backup.")}</p>
            </section>
        </div>
    }
}

fn row(props: &LibraryProps, entry: &LibraryEntry, mode: &UseStateHandle<RowMode>) -> Html {
    let key = entry.key.clone();
    let is_current = props.current.as_str() == key;
    let count = match entry.annotations {
        1 => "1 annotation".to_string(),
        n => format!("{n} annotations"),
    };
    let added = entry.added.map_or_else(|| "Bundled sample".to_string(), |t| format!("Added {}", t.date()));
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
                    if let Some(value) = input.cast::<HtmlInputElement>().map(|i| i.value()) {
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
                    <label class="visually-hidden" for="rename-input">{"New name"}</label>
                    <input id="rename-input" ref={input} type="text" value={entry.title.clone()} maxlength="300" autofocus=true />
                    <button type="submit" class="primary">{"Save name"}</button>
                    <button type="button" onclick={cancel}>{"Cancel"}</button>
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
            html! {
                <div class="confirm" role="alertdialog" aria-label="Confirm delete">
                    <p>{format!("Delete “{}” and its {}? This cannot be undone; export it first to keep a copy.", entry.title, count)}</p>
                    <button type="button" class="danger" onclick={confirm}>{"Delete for good"}</button>
                    <button type="button" onclick={cancel}>{"Keep it"}</button>
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
                    <button type="button" class="primary" onclick={open} disabled={is_current}>{ if is_current { "Open now" } else { "Open" } }</button>
                    if !entry.bundled {
                        <button type="button" onclick={rename}>{"Rename"}</button>
                        <button type="button" class="danger" onclick={delete}>{"Delete"}</button>
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
