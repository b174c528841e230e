//! Offline status: the note shown when the app runs from a file, the banner that says an update is ready, and the help on offline use.

use yew::prelude::*;

use crate::ui::browser::service_worker;
use crate::ui::i18n::use_texts;

#[derive(Properties, PartialEq)]
pub struct OfflineProps {
    /// Saves the annotations to a file (the app's Export).
    pub on_export: Callback<()>,
}

/// Registers the service worker (over http(s) only) and shows what the user needs to know about
/// where their work lives: nothing when served, a note about storage when opened from a file,
/// and "An update is ready" when a new release waits to take over.
#[function_component(OfflineStatus)]
pub fn offline_status(props: &OfflineProps) -> Html {
    let t = use_texts();
    let from_file = use_memo((), |_| service_worker::opened_from_file());
    let file_note_open = use_state(|| true);
    let update_ready = use_state(|| false);
    {
        let update_ready = update_ready.setter();
        use_effect_with((), move |_| service_worker::register(move || update_ready.set(true)));
    }
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    let close_note = {
        let file_note_open = file_note_open.setter();
        Callback::from(move |_: MouseEvent| file_note_open.set(false))
    };
    html! {
        <>
            if *from_file && *file_note_open {
                <div class="notice" role="note" aria-label={t.opened_as_file}>
                    <span>
                        <strong>{t.file_note_lead}</strong>
                        {t.file_note_storage}
                        {t.file_note_backup}
                    </span>
                    <span class="notice-actions">
                        <button type="button" onclick={on_export}>{t.export_now}</button>
                        <button type="button" onclick={close_note}>{t.got_it}</button>
                    </span>
                </div>
            }
            if *update_ready {
                <div class="notice" role="status">
                    <span>{t.update_ready}</span>
                    <button type="button" onclick={Callback::from(|_: MouseEvent| service_worker::apply_update())}>{t.reload}</button>
                </div>
            }
        </>
    }
}

/// The help dialog's section on offline use and the single file; served over http(s) it links
/// the single file (`marginalia.html` beside index.html) for sharing by email or USB stick.
#[function_component(OfflineHelp)]
pub fn offline_help() -> Html {
    let t = use_texts();
    let from_file = use_memo((), |_| service_worker::opened_from_file());
    html! {
        <>
            <h3>{t.offline_heading}</h3>
            if *from_file {
                <p>{t.single_file_help}</p>
            } else {
                <p>
                    {t.served_help_before}
                    <a href="marginalia.html" download="marginalia.html">{t.download_single_file}</a>
                    {t.served_help_after}
                </p>
            }
        </>
    }
}
