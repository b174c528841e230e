//! The saved tag sets in Settings: save the article's set under a name, apply one to this article, delete one, and export or import them as a file.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::presets::Presets;
use crate::ui::browser::files;
use crate::ui::i18n::use_preset_texts;

#[derive(Properties, PartialEq)]
pub struct PresetsProps {
    pub presets: Rc<Presets>,
    /// A teacher locked this article's tag set: presets can be saved from it, not applied to it.
    pub locked: bool,
    /// What the last preset action said (saved, applied, or why not).
    pub status: Option<AttrValue>,
    pub on_save: Callback<String>,
    pub on_apply: Callback<usize>,
    pub on_delete: Callback<usize>,
    pub on_export: Callback<()>,
    pub on_import: Callback<Vec<web_sys::File>>,
}

#[function_component(PresetsSection)]
pub fn presets_section(props: &PresetsProps) -> Html {
    let p = use_preset_texts();
    let name = use_node_ref();
    let file = use_node_ref();
    let save = {
        let (name, on_save) = (name.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name.cast::<HtmlInputElement>() {
                on_save.emit(input.value());
            }
        })
    };
    let last = props.presets.last.as_deref();
    let rows = props.presets.list.iter().enumerate().map(|(i, preset)| {
        let (on_apply, on_delete) = (props.on_apply.clone(), props.on_delete.clone());
        let swatches = preset.tags.tags.iter().map(|tag| {
            html! { <span class="swatch" style={format!("background:{}", tag.colour)} title={tag.name.clone()}></span> }
        });
        html! {
            <li class="preset-row" key={preset.name.clone()}>
                <span class="preset-name">{preset.name.clone()}</span>
                <span class="preset-swatches" aria-hidden="true">{ for swatches }</span>
                <span class="storage-used">{(p.tag_count)(preset.tags.tags.len())}</span>
                if last == Some(preset.name.as_str()) {
                    <span class="storage-used">{p.chosen_last}</span>
                }
                <button type="button" disabled={props.locked} aria-label={(p.apply_label)(&preset.name)}
                    onclick={move |_| on_apply.emit(i)}>{p.apply}</button>
                <button type="button" aria-label={(p.delete_label)(&preset.name)}
                    onclick={move |_| on_delete.emit(i)}>{p.delete}</button>
            </li>
        }
    });
    let open_file = {
        let file = file.clone();
        move |_| {
            if let Some(input) = file.cast::<HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        }
    };
    let on_import = props.on_import.clone();
    let on_export = props.on_export.clone();
    html! {
        <section class="presets" aria-labelledby="presets-title">
            <h3 id="presets-title">{p.heading}</h3>
            <p class="storage-used">{p.intro}</p>
            <form class="rename" onsubmit={save}>
                <label class="visually-hidden" for="preset-name">{p.name_label}</label>
                <input id="preset-name" ref={name} type="text" maxlength="100" placeholder={p.name_placeholder} />
                <button type="submit">{p.save}</button>
            </form>
            if props.presets.list.is_empty() {
                <p class="storage-used">{p.none_yet}</p>
            } else {
                <ul class="preset-list">{ for rows }</ul>
            }
            if props.locked {
                <p class="storage-used">{p.locked}</p>
            }
            <div class="dialog-actions">
                <button type="button" disabled={props.presets.list.is_empty()} onclick={move |_| on_export.emit(())}>{p.export}</button>
                <button type="button" onclick={open_file}>{p.import}</button>
                <input ref={file} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" aria-label={p.import}
                    accept=".json,application/json"
                    onchange={move |e: Event| on_import.emit(files::files_of(e.target_unchecked_into::<HtmlInputElement>().files()))} />
            </div>
            if let Some(status) = props.status.clone() {
                <p class="storage-used" role="status">{status}</p>
            }
        </section>
    }
}
