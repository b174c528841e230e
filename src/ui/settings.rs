//! The settings dialog: the user's name (written into annotations and exports) and the article's tag set editor, which shows a refused edit next to its field and a locked set as locked.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::annotation::tag_edit::{DeletePolicy, NewTag, TagEdit, TagField};
use crate::domain::annotation::tags::{TagId, TagSet, UnderlineStyle};
use crate::domain::annotation::Annotation;
use crate::domain::i18n::Lang;
use crate::ui::browser::form;
use crate::ui::i18n::{use_assignment_texts, use_texts};

/// The underline choices in the order the editor lists them.
const STYLES: [UnderlineStyle; 5] = [
    UnderlineStyle::Solid,
    UnderlineStyle::Dashed,
    UnderlineStyle::Dotted,
    UnderlineStyle::Double,
    UnderlineStyle::Wavy,
];

/// The id of a refused edit's message, which the field it came from points to.
const ERROR_ID: &str = "tag-error";
/// The id of the "locked by your teacher" note, which every locked field points to.
const LOCKED_ID: &str = "tags-locked";

/// A refused tag edit, shown inside the dialog next to the field it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct TagFieldError {
    /// The tag whose field it is; `None` for the new tag's name.
    pub tag: Option<TagId>,
    pub field: TagField,
    /// What the person typed, left in the field so it can be corrected rather than lost.
    pub attempted: Option<String>,
    pub message: String,
}

impl TagFieldError {
    pub fn new(edit: &TagEdit, message: String) -> Self {
        let (tag, field) = edit.field();
        let attempted = match edit {
            TagEdit::Add(new) => Some(new.name.clone()),
            TagEdit::Rename { name, .. } => Some(name.clone()),
            TagEdit::SetDescription { description, .. } => Some(description.clone()),
            TagEdit::SetHotkey { hotkey, .. } => hotkey.map(String::from),
            _ => None,
        };
        TagFieldError { tag: tag.cloned(), field, attempted, message }
    }

    fn is_for(&self, tag: Option<&TagId>, field: TagField) -> bool {
        self.tag.as_ref() == tag && self.field == field
    }
}

/// The message of `error`, placed after its field.
fn error_note(error: Option<&TagFieldError>) -> Html {
    match error {
        Some(error) => html! { <p id={ERROR_ID} class="field-error" role="alert">{error.message.clone()}</p> },
        None => html! {},
    }
}

/// What a field's `aria-describedby` names: its error, else the lock note when the set is locked.
fn described_by(error: Option<&TagFieldError>, locked: bool) -> Option<&'static str> {
    if error.is_some() {
        Some(ERROR_ID)
    } else {
        locked.then_some(LOCKED_ID)
    }
}

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
    /// For each key passage, whether the person's annotations found it (a self-check key): `None`
    /// while it is worked out, `Err` when it could not be.
    #[prop_or_default]
    pub key_found: Option<Result<Rc<Vec<bool>>, ()>>,
    /// The saved tag sets' section, shown under the tags.
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub on_reveal: Callback<()>,
    pub on_close: Callback<()>,
    /// The last tag edit the session refused, shown next to its field.
    #[prop_or_default]
    pub error: Option<Rc<TagFieldError>>,
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

fn style_of(name: &str) -> UnderlineStyle {
    STYLES.into_iter().find(|s| s.css() == name).unwrap_or(UnderlineStyle::Solid)
}

#[function_component(SettingsDialog)]
pub fn settings_dialog(props: &SettingsProps) -> Html {
    let t = use_texts();
    let a_t = use_assignment_texts();
    let lang = use_context::<Lang>().unwrap_or_default();
    let deleting = use_state(|| None::<TagId>);
    let confirming_reveal = use_state(|| false);
    let locked = props.locked;
    let on_author = props.on_author.clone();
    let rows = props.tags.tags.iter().enumerate().map(|(index, tag)| {
        let id = tag.id.clone();
        let edit = |make: fn(TagId, String) -> TagEdit| {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| on_edit.emit(make(id.clone(), form::value(&e))))
        };
        let rename = edit(|id, name| TagEdit::Rename { id, name });
        let recolour = edit(|id, colour| TagEdit::Recolour { id, colour });
        let describe = edit(|id, description| TagEdit::SetDescription { id, description });
        let hotkey = edit(|id, key| TagEdit::SetHotkey { id, hotkey: key.trim().chars().next() });
        let underline = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| on_edit.emit(TagEdit::SetUnderline { id: id.clone(), underline: style_of(&form::value(&e)) }))
        };
        let (up, down) = {
            let (a, b, x, y) = (props.on_edit.clone(), props.on_edit.clone(), id.clone(), id.clone());
            (move |_| a.emit(TagEdit::MoveUp(x.clone())), move |_| b.emit(TagEdit::MoveDown(y.clone())))
        };
        let merge = {
            let (on_edit, id) = (props.on_edit.clone(), id.clone());
            Callback::from(move |e: Event| {
                let into = form::value(&e);
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
        let error = |field: TagField| props.error.as_deref().filter(|e| e.is_for(Some(&tag.id), field));
        let typed = |field: TagField, value: String| error(field).and_then(|e| e.attempted.clone()).unwrap_or(value);
        let key = props.tags.hotkey_at(index).map(String::from).unwrap_or_default();
        html! {
            <li class="tag-row" key={tag.id.0.clone()} data-tag={index.to_string()}>
                <div class="tag-fields">
                    <span class="swatch" aria-hidden="true"></span>
                    <label class="field">{t.tag_name}<input type="text" value={typed(TagField::Name, tag.name.clone())} maxlength="60"
                        aria-label={(t.name_of_tag)(n)} readonly={locked} aria-invalid={error(TagField::Name).map(|_| "true")}
                        aria-describedby={described_by(error(TagField::Name), locked)} onchange={rename} /></label>
                    { error_note(error(TagField::Name)) }
                    <label class="field narrow">{t.tag_colour}<input type="color" value={tag.colour.clone()} aria-label={(t.colour_of_tag)(n)}
                        disabled={locked} aria-invalid={error(TagField::Colour).map(|_| "true")}
                        aria-describedby={described_by(error(TagField::Colour), locked)} onchange={recolour} /></label>
                    { error_note(error(TagField::Colour)) }
                    <label class="field narrow">{t.tag_line}
                        <select aria-label={(t.underline_of_tag)(n)} disabled={locked} aria-describedby={described_by(None, locked)} onchange={underline}>
                            { for STYLES.iter().zip(t.underline_styles).map(|(s, name)| html! { <option value={s.css()} selected={*s == tag.underline}>{name}</option> }) }
                        </select>
                    </label>
                    <label class="field narrow">{t.tag_key}<input type="text" maxlength="1" value={typed(TagField::Hotkey, key)}
                        aria-label={(t.hotkey_of_tag)(n)} readonly={locked} aria-invalid={error(TagField::Hotkey).map(|_| "true")}
                        aria-describedby={described_by(error(TagField::Hotkey), locked)} onchange={hotkey} /></label>
                    { error_note(error(TagField::Hotkey)) }
                    <label class="field wide">{t.tag_help_text}<input type="text" value={typed(TagField::Description, tag.description.clone())} maxlength="200"
                        aria-label={(t.description_of_tag)(n)} readonly={locked} aria-invalid={error(TagField::Description).map(|_| "true")}
                        aria-describedby={described_by(error(TagField::Description), locked)} onchange={describe} /></label>
                    { error_note(error(TagField::Description)) }
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
                { error_note(error(TagField::Actions)) }
                { for confirm }
            </li>
        }
    });
    let add_name = use_node_ref();
    {
        // The new tag's name is cleared once the tag is there; a refused one stays to be corrected.
        let add_name = add_name.clone();
        use_effect_with(props.tags.tags.len(), move |_| {
            form::clear(&add_name);
        });
    }
    let add = {
        let (on_edit, add_name) = (props.on_edit.clone(), add_name.clone());
        // A palette colour and an underline no tag has yet, so the new tag looks like no other.
        let (colour, underline) = props.tags.next_look();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if locked {
                return;
            }
            let Some(name) = form::value_at(&add_name) else { return };
            on_edit.emit(TagEdit::Add(NewTag {
                name,
                colour: colour.to_string(),
                underline,
                description: String::new(),
                hotkey: None,
            }));
        })
    };
    let add_error = props.error.as_deref().filter(|e| e.is_for(None, TagField::Name));
    let answer_key = props.answer_key.as_ref().map(|(key, revealed)| {
        if *revealed {
            let known = match &props.key_found {
                Some(Ok(found)) => Some(found.clone()),
                _ => None,
            };
            let found = |i: usize| known.as_ref().and_then(|f| f.get(i).copied()).unwrap_or(false);
            let items = key.iter().enumerate().map(|(i, a)| {
                let tags: Vec<String> = a.tags.iter().map(|t| props.tags.name_of(t).to_string()).collect();
                let (mark, class) = match (&known, found(i)) {
                    (None, _) => (None, None),
                    (Some(_), true) => (Some(a_t.you_found_this), Some("key-found")),
                    (Some(_), false) => (Some(a_t.you_missed_this), Some("key-missed")),
                };
                html! {
                    <li class={classes!("key-item", class)}>
                        if let Some(mark) = mark {
                            <span class="key-mark">{mark}</span>{" "}
                        }
                        <q>{excerpt(&a.target.exact, 120)}</q>
                        <span class="library-details">{format!(" — {}", tags.join(", "))}</span>
                        if !a.note.is_empty() {
                            <p class="library-details">{a.note.clone()}</p>
                        }
                    </li>
                }
            });
            let count = (0..key.len()).filter(|&i| found(i)).count();
            html! {
                <>
                    if known.is_some() {
                        <p class="self-check-summary">{(a_t.self_check_found)(count, key.len())}</p>
                    } else if props.key_found.is_some() {
                        <p class="self-check-summary" role="status">{a_t.self_check_unavailable}</p>
                    }
                    <ol class="answer-key" aria-label={t.answer_key}>{ for items }</ol>
                </>
            }
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
                        if let Some(choice) = Lang::from_tag(&form::value(&e)) { on_lang.emit(choice) }
                    }}>
                        { for Lang::ALL.iter().map(|l| html! { <option value={l.code()} lang={l.code()} selected={*l == lang}>{l.label()}</option> }) }
                    </select>
                </label>
                <label class="field">{t.your_name}
                    <input type="text" value={props.author.clone()} maxlength="100" placeholder={t.your_name_placeholder}
                        onchange={move |e: Event| on_author.emit(form::value(&e))} />
                </label>
                <h3>{t.tags_heading}</h3>
                <p class="storage-used">{t.tags_intro}</p>
                if locked {
                    <p id={LOCKED_ID} class="notice-inline locked-note"><span aria-hidden="true">{"🔒 "}</span>{t.teacher_locked}</p>
                }
                <ol class="tag-rows">{ for rows }</ol>
                { crate::ui::tag_warnings::tag_warnings(&props.tags, t) }
                <form class="rename" onsubmit={add}>
                    <label class="visually-hidden" for="new-tag-name">{t.new_tag_name}</label>
                    <input id="new-tag-name" ref={add_name} type="text" maxlength="60" placeholder={t.new_tag_placeholder} readonly={locked}
                        aria-invalid={add_error.map(|_| "true")} aria-describedby={described_by(add_error, locked)} />
                    <button type="submit" class="primary" disabled={locked}>{t.add_tag}</button>
                </form>
                { error_note(add_error) }
                { props.children.clone() }
                if let Some(key) = answer_key {
                    <h3>{t.answer_key}</h3>
                    { key }
                }
            </section>
        </div>
    }
}
