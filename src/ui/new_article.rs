//! The "New article" dialog: paste an article's text, with an optional title and source URL.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::i18n::use_texts;

/// What the user pasted.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    pub text: String,
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
    let submit = {
        let (text, title, source, error, on_add) =
            (text.clone(), title.clone(), source.clone(), error.clone(), props.on_add.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let body = text.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            if body.trim().is_empty() {
                error.set(Some(t.paste_first.into()));
                return;
            }
            on_add.emit(Pasted { text: body, title: value(&title), source: value(&source) });
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
                    <textarea ref={text} rows="12" autofocus=true placeholder={t.paste_placeholder} />
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
