//! Annotations waiting for the user: imported ones not placed in the article, and other versions kept from a merge.

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::annotation::Annotation;
use crate::ui::editor::excerpt;
use crate::ui::i18n::use_texts;

#[derive(Properties, PartialEq)]
pub struct SideListsProps {
    pub orphans: Rc<Vec<Annotation>>,
    pub conflicts: Rc<Vec<Annotation>>,
    /// The orphan waiting for a selection, if any.
    pub reattaching: Option<Uuid>,
    pub on_reattach: Callback<Uuid>,
    pub on_discard_orphan: Callback<Uuid>,
    pub on_use_version: Callback<usize>,
    pub on_discard_version: Callback<usize>,
}

#[function_component(SideLists)]
pub fn side_lists(props: &SideListsProps) -> Html {
    let t = use_texts();
    if props.orphans.is_empty() && props.conflicts.is_empty() {
        return html! {};
    }
    let orphans = props.orphans.iter().map(|a| {
        let id = a.id;
        let (reattach, discard) = (props.on_reattach.clone(), props.on_discard_orphan.clone());
        let waiting = props.reattaching == Some(id);
        html! {
            <li class="entry side-entry" key={id.to_string()}>
                <span class="entry-quote" dir="auto">{excerpt(&a.target.exact, 140)}</span>
                if !a.note.is_empty() { <span class="entry-note">{excerpt(&a.note, 160)}</span> }
                if waiting {
                    <p class="storage-used">{t.attach_instructions}</p>
                }
                <div class="library-actions">
                    <button type="button" aria-pressed={waiting.to_string()} onclick={move |_| reattach.emit(id)}>{t.reattach}</button>
                    <button type="button" class="danger" onclick={move |_| discard.emit(id)}>{t.delete}</button>
                </div>
            </li>
        }
    });
    let versions = props.conflicts.iter().enumerate().map(|(index, a)| {
        let (use_it, discard) = (props.on_use_version.clone(), props.on_discard_version.clone());
        html! {
            <li class="entry side-entry" key={format!("{}-{index}", a.id)}>
                <span class="entry-quote" dir="auto">{excerpt(&a.target.exact, 140)}</span>
                <span class="entry-note">{(t.version_details)(&a.tags.iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(", "),
                    &if a.note.is_empty() { t.no_note.to_string() } else { excerpt(&a.note, 120) }, &a.modified.date().to_string())}</span>
                <div class="library-actions">
                    <button type="button" onclick={move |_| use_it.emit(index)}>{t.use_version}</button>
                    <button type="button" class="danger" onclick={move |_| discard.emit(index)}>{t.discard}</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="side-lists" aria-label={t.needs_attention}>
            if !props.orphans.is_empty() {
                <h2 class="sidebar-title">{(t.not_placed)(props.orphans.len())}</h2>
                <p class="storage-used">{t.not_placed_intro}</p>
                <ol class="entries">{ for orphans }</ol>
            }
            if !props.conflicts.is_empty() {
                <h2 class="sidebar-title">{(t.other_versions)(props.conflicts.len())}</h2>
                <p class="storage-used">{t.other_versions_intro}</p>
                <ol class="entries">{ for versions }</ol>
            }
        </section>
    }
}
