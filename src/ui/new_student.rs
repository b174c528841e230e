//! The "New student on this computer" dialog: says what would be lost, offers Export first, and starts fresh only once the work was exported or the person explicitly discards it.

use yew::prelude::*;

use crate::ui::i18n::{use_hand_in_texts, use_texts};

#[derive(Properties, PartialEq)]
pub struct NewStudentProps {
    /// Annotations kept in this browser that were not exported.
    pub unexported: usize,
    /// Whether the open article holds some of them (then exporting it first helps).
    pub can_export: bool,
    pub on_export: Callback<()>,
    pub on_start_fresh: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[function_component(NewStudentDialog)]
pub fn new_student_dialog(props: &NewStudentProps) -> Html {
    let h = use_hand_in_texts();
    let t = use_texts();
    let emit = |callback: &Callback<()>| {
        let callback = callback.clone();
        move |_| callback.emit(())
    };
    let lost = props.unexported;
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="new-student-title" aria-describedby="new-student-body">
                <h2 id="new-student-title">{h.new_student}</h2>
                <div id="new-student-body">
                    <p>{h.new_student_intro}</p>
                    if lost == 0 {
                        <p class="storage-used">{h.all_exported}</p>
                    } else {
                        <p class="notice-inline">{(h.not_exported)(lost)}</p>
                    }
                </div>
                <div class="dialog-actions">
                    if lost == 0 {
                        <button type="button" class="primary" onclick={emit(&props.on_start_fresh)}>{h.start_fresh}</button>
                    } else {
                        if props.can_export {
                            <button type="button" class="primary" onclick={emit(&props.on_export)}>{h.export_first}</button>
                        }
                        <button type="button" class="danger" onclick={emit(&props.on_start_fresh)}>{(h.discard_and_start)(lost)}</button>
                    }
                    <button type="button" onclick={emit(&props.on_cancel)}>{t.cancel}</button>
                </div>
            </section>
        </div>
    }
}
