//! The "New article" dialog: paste an article's text, with an optional title and source URL; a paste from a web page keeps its HTML for the second module to read (`class_module::read_pasted`).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::article::document::normalise_whitespace;
use crate::ui::browser::{form, paste};
use crate::ui::i18n::use_texts;

/// What the user pasted.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    pub text: String,
    /// The clipboard's HTML, when the text came from a web page and was not edited since.
    pub html: Option<String>,
    pub title: String,
    pub source: String,
}

#[derive(Properties, PartialEq)]
pub struct NewArticleProps {
    pub on_add: Callback<Pasted>,
    pub on_close: Callback<()>,
}

#[function_component(NewArticleDialog)]
pub fn new_article_dialog(props: &NewArticleProps) -> Html {
    let t = use_texts();
    let text = use_node_ref();
    let title = use_node_ref();
    let source = use_node_ref();
    let error = use_state(|| None::<String>);
    // The last paste's HTML and plain text: the HTML is used while the text area still holds just that text.
    let rich = use_mut_ref(|| None::<(String, String)>);
    let on_paste = {
        let rich = rich.clone();
        Callback::from(move |e: Event| {
            let Some(pasted) = paste::clipboard_of(&e) else { return };
            *rich.borrow_mut() = match pasted {
                (Some(html), plain) => Some((html, plain)),
                (None, _) => None,
            };
        })
    };
    let submit = {
        let (text, title, source, error, on_add, rich) =
            (text.clone(), title.clone(), source.clone(), error.clone(), props.on_add.clone(), rich.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| form::value_at(r).unwrap_or_default();
            let body = value(&text);
            if body.trim().is_empty() {
                error.set(Some(t.paste_first.into()));
                return;
            }
            let html = unedited_html(&rich, &body);
            on_add.emit(Pasted { text: body, html, title: value(&title), source: value(&source) });
        })
    };
    let on_close = props.on_close.clone();
    html! {
        <div class="modal-backdrop">
            <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="new-article-title" onsubmit={submit}>
                <header class="editor-header">
                    <h2 id="new-article-title">{t.new_article}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={let c = on_close.clone(); move |_| c.emit(())}>{"×"}</button>
                </header>
                <label class="field">{t.article_text}
                    <textarea ref={text} rows="12" autofocus=true placeholder={t.paste_placeholder} onpaste={on_paste} />
                </label>
                <label class="field">{t.title_optional}<input ref={title} type="text" maxlength="300" /></label>
                <label class="field">{t.source_optional}<input ref={source} type="url" maxlength="2048" placeholder="https://" /></label>
                if let Some(message) = (*error).clone() { <p class="field-error" role="alert">{message}</p> }
                <div class="dialog-actions">
                    <button type="button" onclick={move |_| on_close.emit(())}>{t.cancel}</button>
                    <button type="submit" class="primary">{t.add_article}</button>
                </div>
            </form>
        </div>
    }
}

/// The pasted HTML, if the text area holds exactly the text that came with it (any edit means the user's text wins).
fn unedited_html(rich: &Rc<RefCell<Option<(String, String)>>>, body: &str) -> Option<String> {
    let rich = rich.borrow();
    let (html, plain) = rich.as_ref()?;
    (normalise_whitespace(plain) == normalise_whitespace(body)).then(|| html.clone())
}
