//! The help dialog: how to annotate with mouse, touch or keyboard, and every shortcut.

use yew::prelude::*;

use crate::domain::agreement_help::AGREEMENT_HELP;
use crate::ui::offline::OfflineHelp;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpProps) -> Html {
    let on_close = props.on_close.clone();
    let shortcut = |keys: &str, what: &str| html! { <tr><th scope="row"><kbd>{keys.to_string()}</kbd></th><td>{what.to_string()}</td></tr> };
    html! {
        <div class="modal-backdrop">
            <section class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <header class="editor-header">
                    <h2 id="help-title">{"How to annotate"}</h2>
                    <button type="button" class="icon-button" aria-label="Close help" autofocus=true
                        onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <h3>{"With a mouse or touch"}</h3>
                <p>{"Select a passage in the article. The selection widens to whole words and a toolbar appears below it: type a note if you like, then pick a tag. Click (or tap) a highlight to change its tags, edit its note or delete it. Where highlights overlap, the editor lists every annotation at that spot."}</p>
                <h3>{"With the keyboard only"}</h3>
                <ol>
                    <li>{"Press Tab until the article has focus (it gets a blue outline)."}</li>
                    <li>{"Ctrl+↓ and Ctrl+↑ move to the next or previous paragraph; the current paragraph is outlined."}</li>
                    <li>{"Shift+→ and Shift+← select word by word from the start of the paragraph; Shift+↓ and Shift+↑ select sentence by sentence."}</li>
                    <li>{"Press 1, 2 or 3 to tag the selection, or Tab to the toolbar to write a note first."}</li>
                    <li>{"Every annotation is listed under Annotations: Tab to it and press Enter to edit it."}</li>
                </ol>
                <p>{"Browsers with caret browsing (F7) also work: move the caret, hold Shift to select, then press a number."}</p>
                <h3>{"With a screen reader"}</h3>
                <p>{"Each highlighted paragraph carries a description naming its tags, quotes and notes, and the caret announces a highlight when it enters one. Ctrl+↓ and Ctrl+↑ say which paragraph you are in and what is highlighted there; a new selection says which keys tag it. Creating, changing, deleting, undoing and importing are announced. The Annotations list is a landmark. In the article, switch your screen reader to focus mode (NVDA: Insert+Space; JAWS: Enter; VoiceOver: Quick Nav off) so the keys above reach Marginalia. Its shortcuts use Ctrl, Alt or Shift with arrows; the tag keys 1, 2, 3 only act while a passage is selected, and ? only outside text fields."}</p>
                <h3>{"Shortcuts"}</h3>
                <table class="shortcuts">
                    <tbody>
                        { shortcut("1 2 3", "Tag the selection as Claim, Quote or Policy shift") }
                        { shortcut("Ctrl+Z", "Undo") }
                        { shortcut("Ctrl+Shift+Z", "Redo (Ctrl+Y also works)") }
                        { shortcut("Ctrl+↓ / Ctrl+↑", "Next / previous paragraph (article focused)") }
                        { shortcut("Shift+→ / Shift+←", "Select word by word (article focused)") }
                        { shortcut("Shift+↓ / Shift+↑", "Select sentence by sentence (article focused)") }
                        { shortcut("Alt+↓ / Alt+↑", "Next / previous annotation: the caret moves there and its tags, quote and note are read out (article focused)") }
                        { shortcut("Enter", "Edit the annotation at the caret (article focused)") }
                        { shortcut("Escape", "Close the toolbar, editor or this help") }
                        { shortcut("?", "Open this help") }
                    </tbody>
                </table>
                <OfflineHelp />
                <h3 id="help-class">{"Class view and agreement"}</h3>
                <p>{"Class opens the class view: add your students' exported files of this article (several at once). Each student is a layer you can show or hide; files of another article are listed and left out. You see, per passage, how many students used each tag, a density strip per tag, a table of students by tags, agreement figures, the disagreements (each a link to the passage) and a consensus you can review and export as a pack."}</p>
                { for AGREEMENT_HELP.iter().map(|section| html! {
                    <>
                        <h4>{section.title}</h4>
                        { for section.paragraphs.iter().map(|p| html! { <p>{*p}</p> }) }
                    </>
                }) }
                <h3>{"Your work is saved in this browser"}</h3>
                <p>{"Every change is saved at once in this browser's storage, on this device only. Clearing the browser's data deletes it, so use Export now and then: the exported file is your backup."}</p>
            </section>
        </div>
    }
}
