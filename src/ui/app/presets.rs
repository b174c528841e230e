//! The app's side of tag-set presets: saving, applying (one undoable step), deleting, and exporting and importing them as files; what happened is said in Settings.

use super::*;
use crate::domain::storage::presets;
use crate::ui::browser::{download, form};

/// What the person does with presets in Settings.
pub enum PresetMsg {
    Save(String),
    Apply(usize),
    Delete(usize),
    Export,
    Import(Vec<form::File>),
    ImportRead(Result<Vec<u8>, String>),
}

impl App {
    pub(super) fn update_presets(&mut self, ctx: &Context<Self>, msg: PresetMsg) -> bool {
        let p = self.lang.presets();
        match msg {
            PresetMsg::Save(name) => {
                self.preset_status = Some(match self.session.save_preset(&name) {
                    Ok(effects) => {
                        self.carry_out_quietly(effects);
                        (p.saved)(name.trim())
                    }
                    Err(error) => error.message(p),
                });
            }
            PresetMsg::Apply(index) => {
                let name = self.session.presets().list.get(index).map(|p| p.name.clone()).unwrap_or_default();
                self.commit_all_notes();
                let result = self.session.apply_preset(index);
                let status = match &result {
                    Ok(_) => (p.applied)(&name),
                    Err(crate::domain::session::SessionError::KeyMode) => self.t().not_in_key_mode.to_string(),
                    Err(_) => p.locked.to_string(),
                };
                // New articles start with it from now on (`apply_effects`).
                self.carry_out(result, self.t().tag_changed);
                self.preset_status = Some(status);
            }
            PresetMsg::Delete(index) => {
                let name = self.session.presets().list.get(index).map(|p| p.name.clone()).unwrap_or_default();
                let effects = self.session.delete_preset(index);
                self.carry_out_quietly(effects);
                self.preset_status = Some((p.deleted)(&name));
            }
            PresetMsg::Export => {
                let list = &self.session.presets().list;
                let (name, text) = (presets::file_name(list), presets::to_file(list));
                if let Err(message) = download::download(&name, "application/json", &text, self.t()) {
                    self.preset_status = Some(message);
                }
            }
            PresetMsg::Import(chosen) => {
                let Some(file) = chosen.into_iter().next() else { return false };
                let (link, t) = (ctx.link().clone(), self.t());
                wasm_bindgen_futures::spawn_local(async move {
                    let bytes = files::read_bytes(&file, presets::MAX_FILE_BYTES, t).await;
                    link.send_message(Msg::Preset(PresetMsg::ImportRead(bytes)));
                });
                return false;
            }
            PresetMsg::ImportRead(bytes) => {
                let read = bytes.and_then(|bytes| {
                    let text = String::from_utf8(bytes).map_err(|_| p.not_presets.to_string())?;
                    presets::from_file(&text).map_err(|e| e.message(p))
                });
                self.preset_status =
                    Some(match read.and_then(|list| self.session.import_presets(list).map_err(|e| e.message(p))) {
                        Ok((effects, count)) => {
                            self.carry_out_quietly(effects);
                            (p.imported)(count)
                        }
                        Err(message) => message,
                    });
            }
        }
        true
    }

    /// The saved tag sets' section of Settings: save this set under a name, apply or delete a
    /// saved one, export them all or import a file. Plain markup built here rather than a
    /// component of its own, which costs the first download less.
    pub(super) fn view_presets(&self, ctx: &Context<Self>) -> Html {
        let (link, p) = (ctx.link(), self.lang.presets());
        let presets = self.session.presets();
        let locked = self.session.tags_locked();
        let name_field = self.preset_name.clone();
        let save = link.callback(move |e: SubmitEvent| {
            e.prevent_default();
            Msg::Preset(PresetMsg::Save(form::value_at(&name_field).unwrap_or_default()))
        });
        let rows = presets.list.iter().enumerate().map(|(i, preset)| {
            // SVG fills, not style attributes (the page's CSP allows none); colours are checked #rrggbb.
            let swatches = preset.tags.tags.iter().enumerate().map(|(k, tag)| {
                html! { <rect x={(k * 14).to_string()} y="0" width="12" height="12" rx="2" fill={tag.colour.clone()} /> }
            });
            let width = (preset.tags.tags.len() * 14).to_string();
            html! {
                <li class="preset-row" key={preset.name.clone()}>
                    <span class="preset-name">{preset.name.clone()}</span>
                    <svg class="preset-swatches" aria-hidden="true" width={width.clone()} height="12" viewBox={format!("0 0 {width} 12")}>{ for swatches }</svg>
                    <span class="storage-used">{(p.tag_count)(preset.tags.tags.len())}</span>
                    if presets.last.as_deref() == Some(preset.name.as_str()) {
                        <span class="storage-used">{p.chosen_last}</span>
                    }
                    <button type="button" disabled={locked} aria-label={(p.apply_label)(&preset.name)}
                        onclick={link.callback(move |_| Msg::Preset(PresetMsg::Apply(i)))}>{p.apply}</button>
                    <button type="button" aria-label={(p.delete_label)(&preset.name)}
                        onclick={link.callback(move |_| Msg::Preset(PresetMsg::Delete(i)))}>{p.delete}</button>
                </li>
            }
        });
        let file_field = self.preset_file.clone();
        let open_file = move |_| form::choose_files(&file_field);
        html! {
            <section class="presets" aria-labelledby="presets-title">
                <h3 id="presets-title">{p.heading}</h3>
                <p class="storage-used">{p.intro}</p>
                <form class="rename" onsubmit={save}>
                    <label class="visually-hidden" for="preset-name">{p.name_label}</label>
                    <input id="preset-name" ref={self.preset_name.clone()} type="text" maxlength="100" placeholder={p.name_placeholder} />
                    <button type="submit">{p.save}</button>
                </form>
                if presets.list.is_empty() {
                    <p class="storage-used">{p.none_yet}</p>
                } else {
                    <ul class="preset-list">{ for rows }</ul>
                }
                if locked {
                    <p class="storage-used">{p.locked}</p>
                }
                <div class="dialog-actions">
                    <button type="button" disabled={presets.list.is_empty()}
                        onclick={link.callback(|_| Msg::Preset(PresetMsg::Export))}>{p.export}</button>
                    <button type="button" onclick={open_file}>{p.import}</button>
                    <input ref={self.preset_file.clone()} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" aria-label={p.import}
                        accept=".json,application/json"
                        onchange={link.callback(|e: Event| Msg::Preset(PresetMsg::Import(form::files(&e))))} />
                </div>
                if let Some(status) = self.preset_status.clone() {
                    <p class="storage-used" role="status">{status}</p>
                }
            </section>
        }
    }
}
