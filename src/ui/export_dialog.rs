//! The export dialog: one button per file kind, each with what the file is for.

use yew::prelude::*;

use crate::domain::format::export::ExportKind;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub count: usize,
    pub on_export: Callback<ExportKind>,
    pub on_close: Callback<()>,
}

#[function_component(ExportDialog)]
pub fn export_dialog(props: &ExportProps) -> Html {
    let choices = ExportKind::ALL.iter().map(|&kind| {
        let on_export = props.on_export.clone();
        html! {
            <li class="export-choice">
                <button type="button" class={if kind == ExportKind::Pack { "primary" } else { "" }}
                    onclick={move |_| on_export.emit(kind)}>{kind.label()}</button>
                <p>{kind.description()}</p>
            </li>
        }
    });
    let on_close = props.on_close.clone();
    html! {
        <div class="modal-backdrop">
            <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="export-title">
                <header class="editor-header">
                    <h2 id="export-title">{"Export"}</h2>
                    <button type="button" class="icon-button" aria-label="Close" onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <p>{format!("Save this article's {} annotation(s) as a file.", props.count)}</p>
                <ul class="export-choices">{ for choices }</ul>
            </section>
        </div>
    }
}
