//! The export dialog: one button per file kind, each with what the file is for, and a teacher's starter pack for students.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::format::export::ExportKind;
use crate::ui::i18n::use_texts;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub count: usize,
    pub on_export: Callback<ExportKind>,
    /// Download a starter pack: (lock the tag set, include my annotations as a hidden answer key).
    pub on_starter: Callback<(bool, bool)>,
    pub on_close: Callback<()>,
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportProps) -> Html {
    let t = use_texts();
    let lock = use_state(|| false);
    let key = use_state(|| false);
    let choices = ExportKind::ALL.iter().zip(t.export_kinds).map(|(&kind, (label, description))| {
        let on_export = props.on_export.clone();
        html! {
            <li class="export-choice">
                <button type="button" class={if kind == ExportKind::Pack { "primary" } else { "" }}
                    onclick={move |_| on_export.emit(kind)}>{label}</button>
                <p>{description}</p>
            </li>
        }
    });
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |e: Event| state.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let starter = {
        let (on_starter, lock, key) = (props.on_starter.clone(), lock.clone(), key.clone());
        move |_| on_starter.emit((*lock, *key))
    };
    let on_close = props.on_close.clone();
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title">
                <header class="editor-header">
                    <h2 id="export-title">{t.export}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <p>{(t.export_intro)(props.count)}</p>
                <ul class="export-choices">{ for choices }</ul>
                <section class="starter-pack" aria-labelledby="starter-title">
                    <h3 id="starter-title">{t.starter_heading}</h3>
                    <p>{t.starter_intro}</p>
                    <label class="check"><input type="checkbox" checked={*lock} onchange={toggle(&lock)} />{t.lock_tags}</label>
                    <label class="check"><input type="checkbox" checked={*key} onchange={toggle(&key)} />{t.include_key}</label>
                    <button type="button" onclick={starter}>{t.download_starter}</button>
                </section>
            </section>
        </div>
    }
}
