//! The editor that opens on a highlight: change tags, edit the note, or delete, for each annotation there.

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::i18n::Texts;
use crate::ui::browser::form;
use crate::ui::browser::position::use_position;
use crate::ui::i18n::use_phone_texts;
use crate::ui::i18n::use_texts;
use crate::ui::toolbar::tag_meanings;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub annotations: Vec<Annotation>,
    pub tags: Rc<TagSet>,
    pub top: f64,
    pub left: f64,
    pub node_ref: NodeRef,
    pub on_toggle_tag: Callback<(Uuid, TagId)>,
    /// Every keystroke of a note, kept as a draft.
    pub on_note_input: Callback<(Uuid, String)>,
    /// The note is done (field left, editor closed): the draft becomes one undoable change.
    pub on_note_commit: Callback<Uuid>,
    pub on_delete: Callback<Uuid>,
    pub on_close: Callback<()>,
}

#[function_component(AnnotationEditor)]
pub fn annotation_editor(props: &EditorProps) -> Html {
    use_position(&props.node_ref, props.top, props.left);
    let t = use_texts();
    let phone = use_phone_texts();
    let count = props.annotations.len();
    let heading = if count == 1 { t.annotation.to_string() } else { (t.annotations_here)(count) };
    let cards = props.annotations.iter().map(|annotation| editor_card(props, annotation, t));
    let on_close = props.on_close.clone();
    html! {
        <section ref={props.node_ref.clone()} class="annotation-editor" role="dialog" aria-label={t.edit_annotation}>
            <header class="editor-header">
                <h2>{heading}</h2>
                <button type="button" class="icon-button" aria-label={t.close} onclick={move |_| on_close.emit(())}>{"×"}</button>
            </header>
            { for cards }
            { tag_meanings(&props.tags, phone) }
        </section>
    }
}

fn editor_card(props: &EditorProps, annotation: &Annotation, t: &Texts) -> Html {
    let id = annotation.id;
    let tag_buttons = props.tags.tags.iter().enumerate().map(|(index, tag)| {
        let pressed = annotation.has_tag(&tag.id);
        let on_toggle = props.on_toggle_tag.clone();
        let tag_id = tag.id.clone();
        html! {
            <button type="button" class="tag-toggle" data-tag={index.to_string()} aria-pressed={pressed.to_string()}
                title={tag.description.clone()} onclick={move |_| on_toggle.emit((id, tag_id.clone()))}>
                <span class="swatch" aria-hidden="true"></span>{tag.name.clone()}
            </button>
        }
    });
    let on_input = props.on_note_input.clone();
    let on_commit = props.on_note_commit.clone();
    let on_delete = props.on_delete.clone();
    let note_id = format!("note-{id}");
    html! {
        <div class="editor-card" key={id.to_string()}>
            <blockquote class="editor-quote" dir="auto">{excerpt(&annotation.target.exact, 160)}</blockquote>
            <div class="tag-toggles" role="group" aria-label={t.tags}>{ for tag_buttons }</div>
            <label for={note_id.clone()} class="editor-label">{t.note}</label>
            <textarea id={note_id} class="note-editor" dir="auto" rows="3" maxlength="10000" value={annotation.note.clone()}
                oninput={move |e: InputEvent| on_input.emit((id, form::value(&e)))}
                onchange={move |_| on_commit.emit(id)} />
            <div class="editor-actions">
                <button type="button" class="danger" onclick={move |_| on_delete.emit(id)}>{t.delete}</button>
            </div>
        </div>
    }
}

/// The first `max` characters of `text`, cut at a word and ended with an ellipsis when shortened
/// (the same cut the screen-reader sentences use).
pub use crate::domain::annotation::spoken::shorten as excerpt;
