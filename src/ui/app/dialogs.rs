//! The dialog open over the article (one at a time) and the lists the Library and Settings show, worked out when they open or after a change, never in every render.

use std::rc::Rc;

use yew::prelude::*;

use super::hand_in::HandInMsg;
use super::{App, Msg};
use crate::domain::annotation::tag_edit::delete_impact;
use crate::domain::article::document::Document;
use crate::domain::session::import::PendingImport;
use crate::ui::browser::library;
use crate::ui::browser::library::LibraryEntry;
use crate::ui::class_view_host::ClassViewHost;
use crate::ui::export_dialog::ExportDialog;
use crate::ui::help::HelpDialog;
use crate::ui::import_report::ImportReport;
use crate::ui::library::LibraryDialog;
use crate::ui::new_article::NewArticleDialog;
use crate::ui::new_student::NewStudentDialog;
use crate::ui::settings::SettingsDialog;
use crate::ui::unsaved::UnsavedDialog;

/// Per tag, in the set's order: (annotations that carry it, annotations with no other tag).
pub(super) type Impacts = Rc<Vec<(usize, usize)>>;

/// The dialog open over the article; one at a time.
pub(super) enum Dialog {
    Help,
    NewArticle,
    /// The library, listed when it opened (and again after a rename or delete).
    Library(Rc<Vec<LibraryEntry>>, usize),
    Settings(Option<Rc<crate::ui::settings::TagFieldError>>), // the tag edit it last refused
    Export {
        then_new_student: bool,
    },
    /// "New student on this computer", with how many annotations here were not exported.
    NewStudent(usize),
    /// An import worked out and shown to the user, not applied yet.
    Import(Box<PendingImport>),
    /// The class view, a page over the article: `away` while it is put aside to show a passage
    /// (still mounted, so nothing in it is lost), with the student files kept for this article as
    /// read when it opened.
    Class {
        away: bool,
        files: AttrValue,
    },
    /// Another article is about to open while changes wait to be saved (full or blocked storage).
    Unsaved(Box<Document>),
}

impl App {
    /// Opens `dialog` in place of any other (`None` closes it).
    pub(super) fn show(&mut self, dialog: Option<Dialog>) {
        self.dialog = dialog;
    }

    /// Opens the library with its list as stored now (each article's small summary, not its text).
    pub(super) fn show_library(&mut self) {
        let queue = self.session.queue().clone();
        let entries = library::list(&self.kv, &queue, &self.sample);
        self.dialog = Some(Dialog::Library(Rc::new(entries), library::used_bytes()));
    }

    /// What deleting each tag would touch, worked out once per change.
    fn impacts(&self) -> Rc<Vec<(usize, usize)>> {
        self.impacts
            .borrow_mut()
            .get_or_insert_with(|| {
                let store = self.session.store();
                Rc::new(
                    self.session
                        .tags()
                        .tags
                        .iter()
                        .map(|t| {
                            let i = delete_impact(&t.id, store.in_order());
                            (i.annotations, i.only_tag)
                        })
                        .collect(),
                )
            })
            .clone()
    }

    /// Works out which passages of a revealed answer key this article's annotations found (a
    /// self-check), in the second module, which holds the word matching; Settings shows it once known.
    pub(super) fn check_key(&mut self, ctx: &Context<Self>) {
        self.key_found = None;
        let Some(classroom) = self.session.classroom().filter(|c| c.revealed && !c.answer_key.is_empty()) else {
            return;
        };
        let text = self.session.doc().text().to_string();
        let mine: Vec<crate::domain::annotation::Annotation> = self.session.own_store().in_order().cloned().collect();
        let encode = crate::domain::storage::encode_list;
        let (mine, key) = (encode(&mine), encode(&classroom.answer_key));
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let found = crate::ui::browser::class_module::key_found(&text, &mine, &key).await;
            link.send_message(Msg::KeyFound(found));
        });
    }

    pub(super) fn view_dialog(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let Some(dialog) = &self.dialog else { return html! {} };
        let answer_key = self.session.classroom().filter(|c| !c.answer_key.is_empty());
        match dialog {
            Dialog::Help => {
                html! { <HelpDialog tags={self.session.tags().clone()} on_close={link.callback(|_| Msg::ShowHelp(false))} /> }
            }
            Dialog::NewArticle => html! {
                <NewArticleDialog on_add={link.callback(Msg::AddPasted)} on_close={link.callback(|_| Msg::ShowNewArticle(false))} />
            },
            Dialog::Library(entries, used_bytes) => html! {
                <LibraryDialog entries={entries.clone()} current={AttrValue::from(self.session.doc().hash().short().to_string())}
                    used_bytes={*used_bytes}
                    on_open={link.callback(Msg::OpenArticle)}
                    on_rename={link.callback(|(key, title)| Msg::RenameArticle(key, title))}
                    on_delete={link.callback(Msg::DeleteArticle)}
                    on_new_student={link.callback(|_| Msg::HandIn(HandInMsg::ShowNewStudent(true)))}
                    on_close={link.callback(|_| Msg::ShowLibrary(false))} />
            },
            Dialog::Settings(error) => html! {
                <SettingsDialog author={AttrValue::from(self.session.author().to_string())} tags={self.session.tags().clone()}
                    impacts={self.impacts()}
                    on_author={link.callback(Msg::SetAuthor)} on_edit={link.callback(Msg::EditTags)}
                    on_lang={link.callback(Msg::SetLang)}
                    locked={self.session.tags_locked()}
                    answer_key={answer_key.map(|c| (Rc::new(c.answer_key.clone()), c.revealed))}
                    key_found={self.key_found.clone()}
                    on_reveal={link.callback(|_| Msg::RevealAnswerKey)}
                    on_close={link.callback(|_| Msg::ShowSettings(false))} error={error.clone()}>
                    { self.view_presets(ctx) }
                </SettingsDialog>
            },
            Dialog::Export { .. } => html! {
                <ExportDialog count={self.session.own_store().len() + self.session.orphans().len()} on_export={link.callback(Msg::ExportAs)}
                    author={AttrValue::from(self.session.author().to_string())} on_author={link.callback(Msg::SetAuthor)}
                    on_starter={link.callback(|(lock, key, instructions)| Msg::StarterPack(lock, key, instructions))}
                    on_close={link.callback(|_| Msg::ShowExport(false))} />
            },
            Dialog::Import(import) => html! {
                <ImportReport reports={import.plan.reports.clone()} has_changes={import.has_changes()}
                    preset_note={import.preset.as_deref().map(|name| AttrValue::from((self.lang.presets().pack_saved)(name)))}
                    other_article={import.other.as_ref().map(|d| AttrValue::from(d.title().to_string()))}
                    on_apply={link.callback(|_| Msg::ApplyImport)} on_open_other={link.callback(|_| Msg::OpenImportedArticle)}
                    on_close={link.callback(|_| Msg::CloseImport)} />
            },
            Dialog::Class { away, files } => html! {
                <ClassViewHost doc={self.session.doc().clone()} tags={self.session.tags().clone()} on_close={link.callback(|_| Msg::ShowClass(false))}
                    answer_key={answer_key.map(|c| Rc::new(c.answer_key.clone()))} away={*away} stored_files={files.clone()}
                    on_save={self.keep_class_files(ctx)}
                    own_annotations={Rc::new(self.session.own_store().in_order().cloned().collect::<Vec<_>>())}
                    on_key={link.callback(Msg::KeepAnswerKey)} on_edit_key={link.callback(|_| Msg::KeyMode(true))}
                    on_open_passage={link.callback(|(start, end)| Msg::OpenPassage(start, end))} />
            },
            Dialog::NewStudent(unexported) => html! {
                <NewStudentDialog unexported={*unexported} can_export={self.session.own_store().len() + self.session.orphans().len() > 0}
                    on_export={link.callback(|_| Msg::HandIn(HandInMsg::ExportFirst))}
                    on_start_fresh={link.callback(|_| Msg::HandIn(HandInMsg::StartFresh))}
                    on_cancel={link.callback(|_| Msg::HandIn(HandInMsg::ShowNewStudent(false)))} />
            },
            Dialog::Unsaved(doc) => html! {
                <UnsavedDialog waiting={self.session.queue().borrow().len()} title={AttrValue::from(doc.title().to_string())}
                    on_export={link.callback(|_| Msg::ExportThenSwitch)} on_switch={link.callback(|_| Msg::SwitchAnyway)}
                    on_cancel={link.callback(|_| Msg::CloseImport)} />
            },
        }
    }
}
