//! The "Annotations" sidebar: counts per tag as filters, a search field, and the list in article order.

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::ui::browser::form;
use crate::ui::editor::excerpt;
use crate::ui::i18n::use_texts;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub tags: Rc<TagSet>,
    /// The panel's heading: "Annotations", or "Answer key" while the key is edited on the article.
    pub title: &'static str,
    /// The first annotations to list (already filtered), in article order.
    pub entries: Rc<Vec<Annotation>>,
    /// How many annotations match the filter and search; more than `entries` when the list is cut short.
    pub matched: usize,
    /// Count of annotations per tag, in tag-set order, and the total.
    pub counts: Rc<Vec<usize>>,
    pub total: usize,
    /// The stored annotations are still being read (just after start-up, once the article is painted).
    #[prop_or_default]
    pub loading: bool,
    pub filter: Option<TagId>,
    pub query: AttrValue,
    pub on_filter: Callback<Option<TagId>>,
    pub on_query: Callback<String>,
    pub on_open: Callback<Uuid>,
    pub on_show_more: Callback<()>,
}

#[function_component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    let t = use_texts();
    let chip = |label: String, count: usize, tag: Option<TagId>, index: Option<usize>| {
        let pressed = props.filter == tag;
        let on_filter = props.on_filter.clone();
        html! {
            <button type="button" class="filter-chip" aria-pressed={pressed.to_string()}
                data-tag={index.map(|i| i.to_string())} onclick={move |_| on_filter.emit(tag.clone())}>
                if index.is_some() { <span class="swatch" aria-hidden="true"></span> }
                {label}<span class="count">{count}</span>
            </button>
        }
    };
    let mut chips = vec![chip(t.all.into(), props.total, None, None)];
    for (index, tag) in props.tags.tags.iter().enumerate() {
        chips.push(chip(
            tag.name.clone(),
            props.counts.get(index).copied().unwrap_or(0),
            Some(tag.id.clone()),
            Some(index),
        ));
    }
    let on_query = props.on_query.clone();
    let filtering = props.filter.is_some() || !props.query.is_empty();
    let empty_message = match (props.loading, props.total) {
        (true, _) => t.loading_annotations,
        (false, 0) => t.no_annotations_yet,
        _ => t.no_match,
    };
    let on_show_more = props.on_show_more.clone();
    let cut_short = props.entries.len() < props.matched;
    html! {
        <aside class="sidebar" aria-label={props.title}>
            <h2 class="sidebar-title">{props.title}</h2>
            <div class="filters" role="group" aria-label={t.filter_by_tag}>{ for chips }</div>
            <input type="search" class="search" dir="auto" aria-label={t.search_annotations} placeholder={t.search_placeholder}
                value={props.query.clone()}
                oninput={move |e: InputEvent| on_query.emit(form::value(&e))} />
            if filtering {
                <p class="match-count" aria-live="polite">{(t.shown_of)(props.matched, props.total)}</p>
            }
            if props.entries.is_empty() {
                <p class="empty">{empty_message}</p>
            } else {
                <ol class="entries">
                    { for props.entries.iter().map(|a| html! {
                        <Entry key={a.id.to_string()} annotation={a.clone()} tags={props.tags.clone()} on_open={props.on_open.clone()} />
                    }) }
                </ol>
                if cut_short {
                    <p class="match-count">{(t.listed_first)(props.entries.len(), props.matched)}</p>
                    <button type="button" class="show-more" onclick={move |_| on_show_more.emit(())}>{t.show_more}</button>
                }
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    annotation: Annotation,
    tags: Rc<TagSet>,
    on_open: Callback<Uuid>,
}

/// One list row; keyed and compared by value, so unchanged rows are not re-rendered.
#[function_component(Entry)]
fn entry(props: &EntryProps) -> Html {
    let a = &props.annotation;
    let id = a.id;
    let on_open = props.on_open.clone();
    let mut tags = a.tags.clone();
    crate::domain::text::sort::sort_by_key(&mut tags, |t| props.tags.position(t));
    let chips = tags.iter().map(|t| {
        let index = props.tags.tags.iter().position(|x| &x.id == t).map(|i| i.to_string());
        html! { <span class="tag-chip" data-tag={index}><span class="swatch" aria-hidden="true"></span>{props.tags.name_of(t)}</span> }
    });
    html! {
        <li class="entry">
            <button type="button" class="entry-button" data-id={id.to_string()} onclick={move |_| on_open.emit(id)}>
                <span class="entry-tags">{ for chips }</span>
                <span class="entry-quote" dir="auto">{excerpt(&a.target.exact, 140)}</span>
                if !a.note.is_empty() { <span class="entry-note" dir="auto">{excerpt(&a.note, 200)}</span> }
            </button>
        </li>
    }
}
