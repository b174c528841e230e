//! The help dialog: how to annotate with mouse, touch or keyboard, and every shortcut, with the open article's own tag keys; the class figures' definitions come from the second module.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::annotation::tags::TagSet;
use crate::ui::i18n::use_texts;
use crate::ui::offline::OfflineHelp;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
    /// The open article's tags: their keys are the ones the help lists.
    pub tags: Rc<TagSet>,
}

/// The keys of the caret's moves, in the order of `CaretTexts::help_moves`, listed after the paragraph moves.
const CARET_KEYS: [&str; 3] = ["← / →", "Ctrl+← / Ctrl+→", "↑ / ↓"];

/// The keys of each shortcut after the tags' own, in the order of `Texts::help_shortcuts`; key
/// names are the same in every language.
const SHORTCUT_KEYS: [&str; 9] = [
    "Ctrl+Z",
    "Ctrl+Shift+Z",
    "Ctrl+↓ / Ctrl+↑",
    "Home / End",
    "Shift+← → ↑ ↓ Home End",
    "Alt+↓ / Alt+↑",
    "Enter",
    "Escape",
    "?",
];

#[function_component(HelpDialog)]
pub fn help_dialog(props: &HelpProps) -> Html {
    let t = use_texts();
    let lang = use_context::<crate::domain::i18n::Lang>().unwrap_or_default();
    let caret = lang.caret();
    let on_close = props.on_close.clone();
    let shortcut = |keys: &str, what: &str| html! { <tr><th scope="row"><kbd>{keys.to_string()}</kbd></th><td>{what.to_string()}</td></tr> };
    let keys = props.tags.keys();
    let steps = t.help_keyboard_steps;
    // The definitions of the class view's figures are in the second module (`class_module`):
    // shown once it answers, or a plain sentence if it cannot be loaded. Hooks here, not a
    // component of their own, which would cost the first download more.
    let sections = use_state(|| None::<Result<Vec<Vec<String>>, String>>);
    {
        let sections = sections.clone();
        use_effect_with(lang, move |lang| {
            let code = lang.code();
            wasm_bindgen_futures::spawn_local(async move {
                sections.set(Some(crate::ui::browser::class_module::agreement_help(code).await));
            });
        });
    }
    let agreement = match &*sections {
        None => html! {},
        Some(Err(_)) => html! { <p class="help-unavailable" role="status">{t.help_class_unavailable}</p> },
        Some(Ok(sections)) => html! {
            { for sections.iter().filter_map(|section| section.split_first()).map(|(title, paragraphs)| html! {
                <>
                    <h4>{title.clone()}</h4>
                    { for paragraphs.iter().map(|p| html! { <p>{p.clone()}</p> }) }
                </>
            }) }
        },
    };
    html! {
        <div class="modal-backdrop">
            <section class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <header class="editor-header">
                    <h2 id="help-title">{t.help_title}</h2>
                    <button type="button" class="icon-button" aria-label={t.close_help} autofocus=true
                        onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <h3>{t.help_mouse_heading}</h3>
                <p>{t.help_mouse}</p>
                <h3>{t.help_keyboard_heading}</h3>
                <ol>
                    { for steps[..3].iter().map(|step| html! { <li>{*step}</li> }) }
                    <li class="tag-step">{(t.help_tag_step)(&keys)}</li>
                    { for steps[3..].iter().map(|step| html! { <li>{*step}</li> }) }
                </ol>
                <p>{t.help_caret}</p>
                <h3>{t.help_screen_reader_heading}</h3>
                <p>{t.help_screen_reader}</p>
                <h3>{t.help_shortcuts_heading}</h3>
                <table class="shortcuts">
                    <tbody>
                        { for keys.iter().map(|(key, name)| shortcut(&key.to_string(), &(t.help_tag_shortcut)(name))) }
                        { for SHORTCUT_KEYS.iter().zip(t.help_shortcuts).take(3).map(|(keys, what)| shortcut(keys, what)) }
                        { for CARET_KEYS.iter().zip(caret.help_moves).map(|(keys, what)| shortcut(keys, what)) }
                        { for SHORTCUT_KEYS.iter().zip(t.help_shortcuts).skip(3).map(|(keys, what)| shortcut(keys, what)) }
                    </tbody>
                </table>
                <OfflineHelp />
                <h3>{t.help_language_heading}</h3>
                <p>{t.help_language}</p>
                <h3 id="help-class">{t.help_class_heading}</h3>
                <p>{t.help_class}</p>
                { agreement }
                <h3>{t.help_saved_heading}</h3>
                <p>{t.help_saved}</p>
            </section>
        </div>
    }
}
