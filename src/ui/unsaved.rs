//! The question asked before another article opens while changes still wait to be saved: export first, open anyway, or stay.

use yew::prelude::*;

use crate::ui::i18n::use_texts;

#[derive(Properties, PartialEq)]
pub struct UnsavedProps {
    /// How many stored values wait to be written.
    pub waiting: usize,
    /// The article about to open.
    pub title: AttrValue,
    pub on_export: Callback<()>,
    pub on_switch: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(UnsavedDialog)]
pub fn unsaved_dialog(props: &UnsavedProps) -> Html {
    let t = use_texts();
    let emit = |callback: &Callback<()>| {
        let callback = callback.clone();
        move |_| callback.emit(())
    };
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="unsaved-title" aria-describedby="unsaved-body">
                <h2 id="unsaved-title">{t.unsaved_heading}</h2>
                <p id="unsaved-body">{(t.unsaved_body)(props.waiting, &props.title)}</p>
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={emit(&props.on_export)}>{t.unsaved_export}</button>
                    <button type="button" onclick={emit(&props.on_switch)}>{t.unsaved_switch}</button>
                    <button type="button" onclick={emit(&props.on_cancel)}>{t.cancel}</button>
                </div>
            </section>
        </div>
    }
}
