//! Annotations waiting for the user: imported ones not placed in the article, and other versions kept from a merge.

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::annotation::Annotation;
use crate::ui::editor::excerpt;

#[derive(Properties, PartialEq)]
pub struct SideListsProps {
    pub orphans: Vec<Annotation>,
    pub conflicts: Vec<Annotation>,
    /// The orphan waiting for a selection, if any.
    pub reattaching: Option<Uuid>,
    pub on_reattach: Callback<Uuid>,
    pub on_discard_orphan: Callback<Uuid>,
    pub on_use_version: Callback<usize>,
    pub on_discard_version: Callback<usize>,
}

#[function_component(SideLists)]
pub fn side_lists(props: &SideListsProps) -> Html {
    if props.orphans.is_empty() && props.conflicts.is_empty() {
        return html! {};
    }
    let orphans = props.orphans.iter().map(|a| {
        let id = a.id;
        let (reattach, discard) = (props.on_reattach.clone(), props.on_discard_orphan.clone());
        let waiting = props.reattaching == Some(id);
        html! {
            <li class="entry side-entry" key={id.to_string()}>
                <q class="entry-quote" dir="auto">{excerpt(&a.target.exact, 140)}</q>
                if !a.note.is_empty() { <span class="entry-note">{excerpt(&a.note, 160)}</span> }
                if waiting {
                    <p class="storage-used">{"Select the passage in the article, then choose “Attach here”."}</p>
                }
                <div class="library-actions">
                    <button type="button" aria-pressed={waiting.to_string()} onclick={move |_| reattach.emit(id)}>{"Re-attach"}</button>
                    <button type="button" class="danger" onclick={move |_| discard.emit(id)}>{"Delete"}</button>
                </div>
            </li>
        }
    });
    let versions = props.conflicts.iter().enumerate().map(|(index, a)| {
        let (use_it, discard) = (props.on_use_version.clone(), props.on_discard_version.clone());
        html! {
            <li class="entry side-entry" key={format!("{}-{index}", a.id)}>
                <q class="entry-quote" dir="auto">{excerpt(&a.target.exact, 140)}</q>
                <span class="entry-note">{format!("Tags: {}. Note: {}. Edited {}.", a.tags.iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(", "),
                    if a.note.is_empty() { "none".to_string() } else { excerpt(&a.note, 120) }, a.modified.date())}</span>
                <div class="library-actions">
                    <button type="button" onclick={move |_| use_it.emit(index)}>{"Use this version"}</button>
                    <button type="button" class="danger" onclick={move |_| discard.emit(index)}>{"Discard"}</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="side-lists" aria-label="Needs attention">
            if !props.orphans.is_empty() {
                <h2 class="sidebar-title">{format!("Not placed ({})", props.orphans.len())}</h2>
                <p class="storage-used">{"Imported annotations whose passage is not in this version of the article."}</p>
                <ol class="entries">{ for orphans }</ol>
            }
            if !props.conflicts.is_empty() {
                <h2 class="sidebar-title">{format!("Other versions ({})", props.conflicts.len())}</h2>
                <p class="storage-used">{"Versions of annotations that an import replaced with a newer one. Nothing was dropped."}</p>
                <ol class="entries">{ for versions }</ol>
            }
        </section>
    }
}
