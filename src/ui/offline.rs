//! Offline status: the note shown when the app runs from a file, the banner that says an update is ready, and the help on offline use.

use yew::prelude::*;

use crate::ui::browser::service_worker;

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
                <div class="notice" role="note" aria-label="Opened as a file">
                    <span>
                        <strong>{"You opened Marginalia as a file. "}</strong>
                        {"Your annotations are saved in this browser's storage, which every file opened in this browser from this computer shares, and which clearing browsing data erases. "}
                        {"The export file is your backup: use Export at the end of each session and keep the file."}
                    </span>
                    <span class="notice-actions">
                        <button type="button" onclick={on_export}>{"Export now"}</button>
                        <button type="button" onclick={close_note}>{"Got it"}</button>
                    </span>
                </div>
            }
            if *update_ready {
                <div class="notice" role="status">
                    <span>{"An update is ready. Reload to use it; your annotations are kept."}</span>
                    <button type="button" onclick={Callback::from(|_: MouseEvent| service_worker::apply_update())}>{"Reload"}</button>
                </div>
            }
        </>
    }
}

/// The help dialog's section on offline use and the single file; served over http(s) it links
/// the single file (`marginalia.html` beside index.html) for sharing by email or USB stick.
#[function_component(OfflineHelp)]
pub fn offline_help() -> Html {
    let from_file = use_memo((), |_| service_worker::opened_from_file());
    html! {
        <>
            <h3>{"Offline, and as one file"}</h3>
            if *from_file {
                <p>{"This is Marginalia as one file: it needs no network and no installing. Share the file as it is, by email or USB stick. Your work stays in this browser until you export it."}</p>
            } else {
                <p>
                    {"After your first visit Marginalia works with no network, and your browser may offer to install it as an app. To share it by email or USB stick, "}
                    <a href="marginalia.html" download="marginalia.html">{"download Marginalia as one file"}</a>
                    {": it opens with a double-click and runs with no network."}
                </p>
            }
        </>
    }
}
