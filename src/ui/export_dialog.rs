//! The export dialog: the student's name (asked before the first hand-in), one button per file kind, each with what the file is for, and a teacher's starter pack for students.

use crate::ui::browser::form;
use yew::prelude::*;

use crate::domain::format::export::ExportKind;
use crate::ui::i18n::{use_assignment_texts, use_export_kinds, use_hand_in_texts, use_texts};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub count: usize,
    /// The name exports are made under (empty until the person gives one).
    pub author: AttrValue,
    /// A new name, sent before the export it was typed for.
    pub on_author: Callback<String>,
    pub on_export: Callback<ExportKind>,
    /// Download a starter pack: (lock the tag set, keep my annotations here as the answer key,
    /// the assignment's instructions). The key never goes into the pack.
    pub on_starter: Callback<(bool, bool, String)>,
    pub on_close: Callback<()>,
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportProps) -> Html {
    let t = use_texts();
    let kinds = use_export_kinds();
    let lock = use_state(|| false);
    let key = use_state(|| false);
    let instructions = use_state(String::new);
    let name = use_state(|| props.author.to_string());
    let name_missing = use_state(|| false);
    let name_ref = use_node_ref();
    // The pack is what a student hands in: it needs a name. The other files take one if given.
    let export = {
        let (on_author, on_export, author) = (props.on_author.clone(), props.on_export.clone(), props.author.clone());
        let (name, name_missing, name_ref) = (name.clone(), name_missing.clone(), name_ref.clone());
        Callback::from(move |kind: ExportKind| {
            let typed = name.trim().to_string();
            if typed.is_empty() && kind == ExportKind::Pack {
                name_missing.set(true);
                crate::ui::browser::dom::focus_ref(&name_ref);
                return;
            }
            if typed != author.as_str() {
                on_author.emit(typed);
            }
            on_export.emit(kind);
        })
    };
    let choices = ExportKind::ALL.iter().zip(kinds).map(|(&kind, &(label, description))| {
        let export = export.clone();
        html! {
            <li class="export-choice">
                <button type="button" class={if kind == ExportKind::Pack { "primary" } else { "" }}
                    onclick={move |_| export.emit(kind)}>{label}</button>
                <p>{description}</p>
            </li>
        }
    });
    let on_name = {
        let (name, name_missing) = (name.clone(), name_missing.clone());
        Callback::from(move |e: InputEvent| {
            name.set(form::value(&e));
            name_missing.set(false);
        })
    };
    let submit = {
        let export = export.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            export.emit(ExportKind::Pack);
        })
    };
    let h = use_hand_in_texts();
    let typed = name.trim();
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |e: Event| state.set(form::checked(&e)))
    };
    let starter = {
        let (on_starter, lock, key, instructions) =
            (props.on_starter.clone(), lock.clone(), key.clone(), instructions.clone());
        move |_| on_starter.emit((*lock, *key, (*instructions).clone()))
    };
    let on_instructions = {
        let instructions = instructions.clone();
        Callback::from(move |e: InputEvent| instructions.set(form::value(&e)))
    };
    let a = use_assignment_texts();
    let on_close = props.on_close.clone();
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title">
                <header class="editor-header">
                    <h2 id="export-title">{t.export}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <form class="hand-in-name" onsubmit={submit}>
                    <label class="field" for="export-name">{h.name_label}</label>
                    <input id="export-name" ref={name_ref} type="text" value={(*name).clone()} maxlength="100"
                        autocomplete="name" placeholder={h.name_placeholder} autofocus={props.author.is_empty()}
                        aria-invalid={(*name_missing).then_some("true")} aria-describedby="export-name-status"
                        oninput={on_name} />
                    <p id="export-name-status" class={if *name_missing { "notice-inline" } else { "storage-used" }} role="status">
                        if *name_missing { {h.name_needed} } else if !typed.is_empty() { {(h.handing_in_as)(typed)} }
                    </p>
                </form>
                <p>{(t.export_intro)(props.count)}</p>
                <ul class="export-choices">{ for choices }</ul>
                <section class="starter-pack" aria-labelledby="starter-title">
                    <h3 id="starter-title">{t.starter_heading}</h3>
                    <p>{t.starter_intro}</p>
                    <label class="check"><input type="checkbox" checked={*lock} onchange={toggle(&lock)} />{t.lock_tags}</label>
                    <label class="field" for="starter-instructions">{a.instructions_label}</label>
                    <textarea id="starter-instructions" rows="4" maxlength="10000" placeholder={a.instructions_placeholder}
                        value={(*instructions).clone()} oninput={on_instructions} />
                    <label class="check"><input type="checkbox" checked={*key} onchange={toggle(&key)} />{a.keep_key}</label>
                    <button type="button" onclick={starter}>{t.download_starter}</button>
                </section>
            </section>
        </div>
    }
}
