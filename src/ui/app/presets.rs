//! The app's side of tag-set presets: saving, applying (one undoable step), deleting, and exporting and importing them as files; what happened is said in Settings.

use super::*;
use crate::domain::presets;
use crate::ui::browser::download;
use crate::ui::presets::PresetsSection;

/// What the person does with presets in Settings.
pub enum PresetMsg {
    Save(String),
    Apply(usize),
    Delete(usize),
    Export,
    Import(Vec<web_sys::File>),
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
                    Err(error) => p.message(&error),
                });
            }
            PresetMsg::Apply(index) => {
                let name = self.session.presets().list.get(index).map(|p| p.name.clone()).unwrap_or_default();
                self.commit_all_notes();
                let result = self.session.apply_preset(index);
                let applied = result.is_ok();
                if self.carry_out(result, self.t().tag_changed) {
                    // New articles start with it from now on.
                    self.name_default_tags();
                }
                self.preset_status = Some(if applied { (p.applied)(&name) } else { p.locked.to_string() });
            }
            PresetMsg::Delete(index) => {
                let name = self.session.presets().list.get(index).map(|p| p.name.clone()).unwrap_or_default();
                let effects = self.session.delete_preset(index);
                self.carry_out_quietly(effects);
                self.name_default_tags();
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
                    presets::from_file(&text).map_err(|e| p.message(&e))
                });
                self.preset_status =
                    Some(match read.and_then(|list| self.session.import_presets(list).map_err(|e| p.message(&e))) {
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

    /// The presets section of Settings.
    pub(super) fn view_presets(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        html! {
            <PresetsSection presets={Rc::new(self.session.presets().clone())} locked={self.session.tags_locked()}
                status={self.preset_status.clone().map(AttrValue::from)}
                on_save={link.callback(|name| Msg::Preset(PresetMsg::Save(name)))}
                on_apply={link.callback(|i| Msg::Preset(PresetMsg::Apply(i)))}
                on_delete={link.callback(|i| Msg::Preset(PresetMsg::Delete(i)))}
                on_export={link.callback(|_| Msg::Preset(PresetMsg::Export))}
                on_import={link.callback(|files| Msg::Preset(PresetMsg::Import(files)))} />
        }
    }
}
