//! The settings dialog: the user's name (written into annotations and exports) and the article's tag set editor.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::annotation::Annotation;
use crate::domain::i18n::Lang;
use crate::domain::tag_edit::{DeletePolicy, NewTag, TagEdit};
use crate::domain::tags::{TagId, TagSet, UnderlineStyle};
use crate::ui::i18n::use_texts;

const STYLES: [UnderlineStyle; 5] = [
    UnderlineStyle::Solid,
    UnderlineStyle::Dashed,
    UnderlineStyle::Dotted,
    UnderlineStyle::Double,
    UnderlineStyle::Wavy,
];

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub author: AttrValue,
    pub tags: Rc<TagSet>,
    /// For each tag (in order): annotations carrying it, and of those the ones with no other tag.
    pub impacts: Rc<Vec<(usize, usize)>>,
    pub on_author: Callback<String>,
    pub on_edit: Callback<TagEdit>,
    /// Switches the UI language (the current one comes from the context).
    #[prop_or_default]
    pub on_lang: Callback<Lang>,
    /// A teacher's starter pack locked the tag set: its controls are disabled.
    #[prop_or_default]
    pub locked: bool,
    /// The answer key a starter pack brought, and whether it has been revealed.
    #[prop_or_default]
    pub answer_key: Option<(Rc<Vec<Annotation>>, bool)>,
    #[prop_or_default]
    pub on_reveal: Callback<()>,
    pub on_close: Callback<()>,
}

/// A quote cut to about `max` characters.
fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max).collect::<String>().trim_end())
    }
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn style_of(name: &str) -> UnderlineStyle {
    STYLES.into_iter().find(|s| s.css() == name).unwrap_or(UnderlineStyle::Solid)
}

#[function_component(SettingsDialog)]
pub fn settings_dialog(props: &SettingsProps) -> Html {
    let t = use_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let deleting = use_state(|| None::<TagId>);
    let confirming_reveal = use_state(|| false);
    let locked = props.locked;
    let on_author = props.on_author.clone();
    let rows = props.tags.tags.iter().enumerate().map(|(index, tag)| {
        let id = tag.id.clone();
        let edit = |make: fn(TagId, String) -> TagEdit| {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| on_edit.emit(make(id.clone(), input_value(&e))))
        };
        let rename = edit(|id, name| TagEdit::Rename { id, name });
        let recolour = edit(|id, colour| TagEdit::Recolour { id, colour });
        let describe = edit(|id, description| TagEdit::SetDescription { id, description });
        let hotkey = edit(|id, key| TagEdit::SetHotkey { id, hotkey: key.trim().chars().next() });
        let underline = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| on_edit.emit(TagEdit::SetUnderline { id: id.clone(), underline: style_of(&select_value(&e)) }))
        };
        let (up, down) = {
            let (a, b, x, y) = (props.on_edit.clone(), props.on_edit.clone(), id.clone(), id.clone());
            (move |_| a.emit(TagEdit::MoveUp(x.clone())), move |_| b.emit(TagEdit::MoveDown(y.clone())))
        };
        let merge = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| {
                let into = select_value(&e);
                if !into.is_empty() {
                    on_edit.emit(TagEdit::Merge { from: id.clone(), into: TagId(into) });
                }
            })
        };
        let others: Vec<_> = props.tags.tags.iter().filter(|t| t.id != tag.id).cloned().collect();
        let (count, only) = props.impacts.get(index).copied().unwrap_or((0, 0));
        let ask_delete = {
            let (deleting, id) = (deleting.clone(), id.clone());
            move |_| deleting.set(Some(id.clone()))
        };
        let confirm = (*deleting == Some(id.clone())).then(|| {
            let choose = |policy: DeletePolicy| {
                let (on_edit, deleting, id) = (props.on_edit.clone(), deleting.clone(), id.clone());
                Callback::from(move |_| {
                    on_edit.emit(TagEdit::Delete { id: id.clone(), policy: policy.clone() });
                    deleting.set(None);
                })
            };
            let reassign = others.first().map(|t| (t.name.clone(), choose(DeletePolicy::ReassignTo(t.id.clone()))));
            let cancel = {
                let deleting = deleting.clone();
                move |_| deleting.set(None)
            };
            html! {
                <div class="confirm" role="group" aria-label={(t.delete_tag_label)(&tag.name)}>
                    <p>{(t.delete_tag_question)(count, &tag.name, only)}</p>
                    <button type="button" class="danger" onclick={choose(DeletePolicy::RemoveTagFromAnnotations)}>
                        {(t.remove_tag)(only)}</button>
                    if let Some((name, action)) = reassign {
                        <button type="button" onclick={action}>{(t.reassign_tag)(&name)}</button>
                    }
                    <button type="button" onclick={choose(DeletePolicy::KeepAsUnknown)}>{t.keep_as_they_are}</button>
                    <button type="button" onclick={cancel}>{t.cancel}</button>
                </div>
            }
        });
        let n = index + 1;
        html! {
            <li class="tag-row" key={tag.id.0.clone()} data-tag={index.to_string()}>
                <div class="tag-fields">
                    <span class="swatch" aria-hidden="true"></span>
                    <label class="field">{t.tag_name}<input type="text" value={tag.name.clone()} maxlength="60" aria-label={(t.name_of_tag)(n)} disabled={locked} onchange={rename} /></label>
                    <label class="field narrow">{t.tag_colour}<input type="color" value={tag.colour.clone()} aria-label={(t.colour_of_tag)(n)} disabled={locked} onchange={recolour} /></label>
                    <label class="field narrow">{t.tag_line}
                        <select aria-label={(t.underline_of_tag)(n)} disabled={locked} onchange={underline}>
                            { for STYLES.iter().zip(t.underline_styles).map(|(s, name)| html! { <option value={s.css()} selected={*s == tag.underline}>{name}</option> }) }
                        </select>
                    </label>
                    <label class="field narrow">{t.tag_key}<input type="text" maxlength="1" value={props.tags.hotkey_at(index).map(String::from).unwrap_or_default()}
                        aria-label={(t.hotkey_of_tag)(n)} disabled={locked} onchange={hotkey} /></label>
                    <label class="field wide">{t.tag_help_text}<input type="text" value={tag.description.clone()} maxlength="200"
                        aria-label={(t.description_of_tag)(n)} disabled={locked} onchange={describe} /></label>
                </div>
                <div class="library-actions">
                    <button type="button" aria-label={(t.move_up)(&tag.name)} disabled={locked || index == 0} onclick={up}>{"↑"}</button>
                    <button type="button" aria-label={(t.move_down)(&tag.name)} disabled={locked || index + 1 == props.tags.tags.len()} onclick={down}>{"↓"}</button>
                    if !others.is_empty() {
                        <select aria-label={(t.merge_label)(&tag.name)} disabled={locked} onchange={merge}>
                            <option value="" selected=true>{t.merge_into}</option>
                            { for others.iter().map(|t| html! { <option value={t.id.0.clone()}>{t.name.clone()}</option> }) }
                        </select>
                    }
                    <button type="button" class="danger" onclick={ask_delete} disabled={locked || props.tags.tags.len() == 1}>{t.delete}</button>
                </div>
                { for confirm }
            </li>
        }
    });
    let add_name = use_node_ref();
    let add = {
        let (on_edit, add_name) = (props.on_edit.clone(), add_name.clone());
        let next = props.tags.tags.len();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if locked {
                return;
            }
            let Some(input) = add_name.cast::<HtmlInputElement>() else { return };
            // New tags cycle through the Okabe-Ito colours and line styles, so they stay distinguishable.
            const COLOURS: [&str; 5] = ["#009e73", "#d55e00", "#0072b2", "#f0e442", "#000000"];
            on_edit.emit(TagEdit::Add(NewTag {
                name: input.value(),
                colour: COLOURS[next % COLOURS.len()].to_string(),
                underline: STYLES[next % STYLES.len()],
                description: String::new(),
                hotkey: None,
            }));
            input.set_value("");
        })
    };
    let answer_key = props.answer_key.as_ref().map(|(key, revealed)| {
        if *revealed {
            let items = key.iter().map(|a| {
                let tags: Vec<String> = a.tags.iter().map(|t| props.tags.name_of(t).to_string()).collect();
                html! {
                    <li class="key-item">
                        <q>{excerpt(&a.target.exact, 120)}</q>
                        <span class="library-details">{format!(" — {}", tags.join(", "))}</span>
                        if !a.note.is_empty() {
                            <p class="library-details">{a.note.clone()}</p>
                        }
                    </li>
                }
            });
            html! { <ol class="answer-key" aria-label={t.answer_key}>{ for items }</ol> }
        } else if *confirming_reveal {
            let (on_reveal, confirming) = (props.on_reveal.clone(), confirming_reveal.clone());
            let cancel = confirming_reveal.clone();
            html! {
                <div class="confirm" role="group" aria-label={t.reveal_key_label}>
                    <p>{t.reveal_question}</p>
                    <button type="button" class="primary" onclick={move |_| { on_reveal.emit(()); confirming.set(false); }}>{t.reveal}</button>
                    <button type="button" onclick={move |_| cancel.set(false)}>{t.cancel}</button>
                </div>
            }
        } else {
            let confirming = confirming_reveal.clone();
            html! {
                <>
                    <p class="storage-used">{(t.key_hidden)(key.len())}</p>
                    <button type="button" onclick={move |_| confirming.set(true)}>{t.reveal_key}</button>
                </>
            }
        }
    });
    let on_close = props.on_close.clone();
    let on_lang = props.on_lang.clone();
    html! {
        <div class="modal-backdrop">
            <section class="dialog settings" role="dialog" aria-modal="true" aria-labelledby="settings-title">
                <header class="editor-header">
                    <h2 id="settings-title">{t.settings}</h2>
                    <button type="button" class="icon-button" aria-label={t.close} onclick={move |_| on_close.emit(())}>{"×"}</button>
                </header>
                <label class="field">{t.language}
                    <select class="language" onchange={move |e: Event| {
                        if let Some(choice) = Lang::from_tag(&select_value(&e)) { on_lang.emit(choice) }
                    }}>
                        { for Lang::ALL.iter().map(|l| html! { <option value={l.code()} lang={l.code()} selected={*l == lang}>{l.label()}</option> }) }
                    </select>
                </label>
                <label class="field">{t.your_name}
                    <input type="text" value={props.author.clone()} maxlength="100" placeholder={t.your_name_placeholder}
                        onchange={move |e: Event| on_author.emit(input_value(&e))} />
                </label>
                <h3>{t.tags_heading}</h3>
                <p class="storage-used">{t.tags_intro}</p>
                if locked {
                    <p class="notice-inline">{t.teacher_locked}</p>
                }
                <ol class="tag-rows">{ for rows }</ol>
                { crate::ui::tag_warnings::tag_warnings(&props.tags, t) }
                <form class="rename" onsubmit={add}>
                    <label class="visually-hidden" for="new-tag-name">{t.new_tag_name}</label>
                    <input id="new-tag-name" ref={add_name} type="text" maxlength="60" placeholder={t.new_tag_placeholder} disabled={locked} />
                    <button type="submit" class="primary" disabled={locked}>{t.add_tag}</button>
                </form>
                if let Some(key) = answer_key {
                    <h3>{t.answer_key}</h3>
                    { key }
                }
            </section>
        </div>
    }
}
