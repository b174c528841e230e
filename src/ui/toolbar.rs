//! The small toolbar that appears next to a selection: one button per tag and a note field.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::i18n::PhoneTexts;
use crate::ui::browser::form;
use crate::ui::browser::position::use_position;
use crate::ui::i18n::{use_phone_texts, use_texts};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub tags: Rc<TagSet>,
    /// Page coordinates (CSS pixels) of the toolbar's top-left corner.
    pub top: f64,
    pub left: f64,
    pub note: AttrValue,
    pub node_ref: NodeRef,
    pub on_note: Callback<String>,
    pub on_tag: Callback<TagId>,
    /// The quote of an unplaced annotation waiting for this selection, if any.
    #[prop_or_default]
    pub attach: Option<AttrValue>,
    #[prop_or_default]
    pub on_attach: Callback<()>,
}

#[function_component(SelectionToolbar)]
pub fn selection_toolbar(props: &ToolbarProps) -> Html {
    use_position(&props.node_ref, props.top, props.left);
    let t = use_texts();
    let phone = use_phone_texts();
    // Keeping the mouse button from moving focus keeps the text selection alive while a tag is clicked.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let buttons = props.tags.tags.iter().enumerate().map(|(index, tag)| {
        let on_tag = props.on_tag.clone();
        let id = tag.id.clone();
        let hotkey = props.tags.hotkey_at(index).map(String::from);
        html! {
            <button type="button" class="tag-button" data-tag={index.to_string()}
                title={tag.description.clone()} aria-keyshortcuts={hotkey.clone()}
                onmousedown={keep_selection.clone()} onclick={move |_| on_tag.emit(id.clone())}>
                <span class="swatch" aria-hidden="true"></span>
                {tag.name.clone()}
                if let Some(key) = hotkey { <kbd aria-hidden="true">{key}</kbd> }
            </button>
        }
    });
    let on_note = props.on_note.clone();
    html! {
        <div ref={props.node_ref.clone()} class="selection-toolbar" role="toolbar" aria-label={t.annotate_selection}>
            if let Some(quote) = props.attach.clone() {
                <button type="button" class="attach-button" onmousedown={keep_selection.clone()}
                    onclick={let a = props.on_attach.clone(); move |_| a.emit(())}>{(t.attach_here)(&quote)}</button>
            }
            <div class="tag-buttons">{ for buttons }</div>
            <input type="text" class="note-input" dir="auto" aria-label={t.note} placeholder={t.note_placeholder}
                value={props.note.clone()} maxlength="10000"
                oninput={move |e: InputEvent| on_note.emit(form::value(&e))} />
            // Last, so Tab and Shift+Tab still go straight between the tags and the note.
            { tag_meanings(&props.tags, phone) }
        </div>
    }
}

/// "What the tags mean": each described tag's description, opened by a tap, since a touch screen
/// never shows the tag buttons' `title` tooltips. Nothing when no tag is described. A plain
/// function, not a component: it renders with the toolbar or editor that holds it.
pub fn tag_meanings(tags: &TagSet, t: &PhoneTexts) -> Html {
    let described: Vec<Html> = (tags.tags.iter().enumerate())
        .filter(|(_, tag)| !tag.description.trim().is_empty())
        .map(|(index, tag)| {
            html! {
                <div data-tag={index.to_string()}>
                    <dt><span class="swatch" aria-hidden="true"></span>{tag.name.clone()}</dt>
                    <dd dir="auto">{tag.description.clone()}</dd>
                </div>
            }
        })
        .collect();
    if described.is_empty() {
        return html! {};
    }
    // As on the tag buttons: a press here must not clear the selection waiting for a tag.
    html! {
        <details class="tag-meanings">
            <summary onmousedown={|e: MouseEvent| e.prevent_default()}>{t.tag_meanings}</summary>
            <dl>{ for described }</dl>
        </details>
    }
}
