//! The app shell: owns the document, the annotation store and the adapters, and turns user actions into store commands.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::ui::browser::dom::{self, Element, HtmlElement as DomElement, KeyboardEvent};
use gloo::events::EventListener;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::annotation::tag_edit::TagEdit;
use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;
use crate::domain::article::loader::{decode, load_plain_text, FileKind, LoadError, MAX_FILE_BYTES};
use crate::domain::article::plain_text::parse_plain_text;
use crate::domain::format::export::ExportKind;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::session::listing::{listing, Listing, LISTED_ROWS};
use crate::domain::session::{Effects, Session, SessionError, SharedQueue};
use crate::ui::article::ArticleView;
use crate::ui::banner::WarningBanner;
use crate::ui::browser::class_module::{self, ModuleReader, ReadError};
use crate::ui::browser::dom_text::DomText;
use crate::ui::browser::highlights::{self, Painter};
use crate::ui::browser::library;
use crate::ui::browser::storage::{LocalKv, StorageProblem};
use crate::ui::browser::{clock, crash, eviction, files, focus, form, lang};
use crate::ui::editor::{excerpt, AnnotationEditor};
use crate::ui::new_article::Pasted;
use crate::ui::offline::OfflineStatus;
use crate::ui::side_lists::SideLists;
use crate::ui::sidebar::Sidebar;
use crate::ui::tag_styles;
use crate::ui::toolbar::SelectionToolbar;

mod a11y;
mod articles;
mod caret_keys;
mod class_page;
mod dialogs;

use dialogs::{Dialog, Impacts};
mod effects;
mod exchange;
mod hand_in;
mod key_mode;
mod keys;
mod listeners;
mod phone;
mod presets;
mod saving;
mod selection;
mod start;
mod sync;
mod view;

use articles::initial_document;
use listeners::{describe_after_paint, document_listeners};

/// The article the app opens on the first time, bundled so it works offline.
const SAMPLE_ARTICLE: &str = include_str!("../../www/sample-article.txt");

/// Widest the floating panels get, in CSS pixels; used to keep them on screen.
const PANEL_WIDTH: f64 = 352.0;

/// Typical height of the selection toolbar, in CSS pixels; used to decide whether it fits below the selection.
const PANEL_HEIGHT: f64 = 110.0;

pub enum Msg {
    SelectionChanged,
    /// A press starts (true: a finger or a pen).
    PointerDown(bool),
    PointerUp,
    ArticleClick(f64, f64),
    KeyDown(KeyboardEvent),
    NoteDraft(String),
    CreateWithTag(TagId),
    ToggleTag(Uuid, TagId),
    NoteInput(Uuid, String),
    NoteCommit(Uuid),
    Delete(Uuid),
    Undo,
    Redo,
    OpenFromList(Uuid),
    /// The sidebar lists the next rows.
    ShowMore,
    CloseEditor,
    Filter(Option<TagId>),
    Query(String),
    Export,
    ExportBackup,
    ShowHelp(bool),
    DismissNotice,
    PageHide,
    /// Write the next chunk of a large step's changes (see `app/saving.rs`).
    SaveSome,
    ShowNewArticle(bool),
    AddPasted(Pasted),
    OpenFileDialog,
    FilesChosen(Vec<form::File>),
    FileLoaded {
        name: String,
        bytes: Vec<u8>,
    },
    /// The second module read an HTML page or a Markdown file (`text`, kept for "Load all its text").
    ArticleRead {
        name: String,
        text: String,
        result: Result<Document, ReadError>,
        note: Option<String>,
    },
    LoadFailed(String),
    LoadAllText,
    ShowLibrary(bool),
    /// Open the article waiting behind the unsaved-changes question anyway (the queue keeps them).
    SwitchAnyway,
    /// Export this article's annotations, then open the waiting article.
    ExportThenSwitch,
    OpenArticle(String),
    RenameArticle(String, String),
    DeleteArticle(String),
    Dragging(bool),
    ShowExport(bool),
    ExportAs(ExportKind),
    /// The second module rendered an export: hand it over as a download.
    Exported {
        name: String,
        mime: String,
        contents: String,
        at: time::OffsetDateTime,
        count: usize,
    },
    OpenImportDialog,
    ImportFiles(Vec<form::File>),
    /// The files read for an import, why any of them (by position) could not be read, and the
    /// second module's readers of annotation files or why they could not be loaded.
    ImportRead(Vec<(String, Vec<u8>)>, Vec<(usize, String)>, Result<ModuleReader, String>),
    ApplyImport,
    CloseImport,
    OpenImportedArticle,
    Reattach(Uuid),
    AttachHere,
    DiscardOrphan(Uuid),
    UseVersion(usize),
    DiscardVersion(usize),
    ShowSettings(bool),
    SetAuthor(String),
    SetLang(Lang),
    EditTags(TagEdit),
    RevealAnswerKey,
    /// Which passages of the revealed key this article's annotations found, from the second module.
    KeyFound(Result<Vec<bool>, String>),
    Preset(presets::PresetMsg),
    /// The class view changed the teacher's answer key: keep it.
    KeepAnswerKey(Vec<Annotation>),
    /// Download a starter pack: (lock the tag set, keep my annotations as the answer key, instructions).
    StarterPack(bool, bool, String),
    // Class view.
    ShowClass(bool),
    /// Back from a passage to the class view, as it was left.
    BackToClass,
    /// Edit the answer key on the article (`true`, from the class view) or go back to the class.
    KeyMode(bool),
    /// The class view queued its files: the banner may change and the queue be written again later.
    ClassFilesQueued,
    OpenPassage(usize, usize),
    /// Another tab wrote this storage key (`None`: it cleared storage); for the presets, the
    /// value it replaced and the value it wrote.
    StoredElsewhere(Option<String>, Option<crate::ui::browser::storage_events::Values>),
    /// The page scrolled or resized: the painter follows the viewport.
    ViewportMoved,
    /// The article was painted: describe its paragraphs for screen readers.
    DescribeBlocks,
    /// The article was painted at start-up: read its stored annotations.
    LoadAnnotations,
    /// The browser is about to print (true) or has printed (false): print every highlight.
    Printing(bool),
    /// Names at hand-in and a new student on a shared computer (`app/hand_in.rs`).
    HandIn(hand_in::HandInMsg),
    /// The phone layout's menu and drawer, and a finger's selection (`app/phone.rs`).
    Phone(phone::PhoneMsg),
}

/// A button a notice can carry.
#[derive(Clone, Copy, PartialEq)]
enum NoticeAction {
    /// A page had no recognisable article: load all of its text instead.
    LoadAllText,
}

/// A snapped selection waiting for a tag, with where its toolbar goes (page coordinates).
#[derive(Clone, Copy, PartialEq)]
struct Pending {
    start: usize,
    end: usize,
    top: f64,
    left: f64,
}

/// The sidebar's callbacks, made once so its props compare equal across renders.
struct SidebarCallbacks {
    on_filter: Callback<Option<TagId>>,
    on_query: Callback<String>,
    on_open: Callback<Uuid>,
    on_show_more: Callback<()>,
}

/// The annotations open in the editor and where the editor sits.
struct EditorAt {
    ids: Vec<Uuid>,
    top: f64,
    left: f64,
}

pub struct App {
    /// The open article and everything made on it, with the undo history and the save queue.
    session: Session,
    /// localStorage, through which the session's queue is written.
    kv: LocalKv,
    /// Shown on start when the browser cleared the saved annotations behind the app's back.
    evicted: Option<String>,
    painter: Option<Painter>,
    article_ref: NodeRef,
    toolbar_ref: NodeRef,
    editor_ref: NodeRef,
    pending: Option<Pending>,
    note_draft: String,
    editor: Option<EditorAt>,
    focus_editor: bool,
    note_drafts: HashMap<Uuid, String>,
    filter: Option<TagId>,
    query: String,
    /// The one dialog open over the article, if any.
    dialog: Option<Dialog>,
    announcement: String,
    notice: Option<String>,
    notice_action: Option<NoticeAction>,
    /// The bundled sample article, always in the library.
    sample: Rc<Document>,
    /// A page in which no article was found (name, text), kept so its whole text can be loaded on request.
    unextracted: Option<(String, String)>,
    /// The article changed: the painter must be rebuilt after the next render.
    needs_painter: bool,
    article_listener: Option<EventListener>,
    dragging: bool,
    file_input: NodeRef,
    import_input: NodeRef,
    /// The orphan to attach to the next selection.
    reattach: Option<Uuid>,
    /// The UI language, provided to every component as a context.
    lang: Lang,
    pointer_down: bool,
    phone: phone::PhoneState,
    /// The paragraph the keyboard caret is in (Ctrl+↓ / Ctrl+↑ move it).
    current_block: usize,
    listing: RefCell<Option<Listing>>,
    /// How many annotations each tag's deletion would touch, for Settings; worked out when
    /// Settings shows them and again only after a change.
    impacts: RefCell<Option<Impacts>>,
    /// They were read and the next render paints them (then the `highlights-painted` mark).
    annotations_just_loaded: bool,
    /// How many matching annotations the sidebar lists (a multiple of `LISTED_ROWS`).
    listed_rows: usize,
    sidebar_callbacks: SidebarCallbacks,
    /// Focus to give back, the annotation reached last (see `app/a11y.rs`).
    a11y: a11y::A11yState,
    /// Document-level listeners, held only to keep them alive (dropping one removes it).
    _listeners: Vec<EventListener>,
    /// When the save queue is written next.
    saving: saving::Saving,
    /// The browser is printing: the notes and legend are rendered after the article.
    printing: bool,
    /// What the last tag-set preset action said, shown in Settings.
    preset_status: Option<String>,
    /// The presets section's name field and its hidden file input (which Import clicks).
    preset_name: NodeRef,
    preset_file: NodeRef,
    /// Which passages of a revealed answer key were found (`dialogs.rs`): `None` until the second
    /// module has worked it out, `Err` if it could not be loaded.
    key_found: Option<Result<Rc<Vec<bool>>, ()>>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        App::new(ctx)
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::SelectionChanged => self.selection_settling(ctx),
            Msg::PointerDown(touch) => {
                self.press(touch);
                false
            }
            Msg::PointerUp => {
                self.pointer_down = false;
                self.selection_settling(ctx)
            }
            Msg::ArticleClick(x, y) => self.open_at_point(x, y),
            Msg::KeyDown(event) => self.key_down(ctx, &event),
            Msg::NoteDraft(note) => {
                self.note_draft = note;
                true
            }
            Msg::CreateWithTag(tag) => self.create(tag),
            Msg::ToggleTag(id, tag) => self.toggle_tag(id, tag),
            Msg::NoteInput(id, note) => {
                self.note_drafts.insert(id, note);
                false
            }
            Msg::NoteCommit(id) => {
                self.commit_note(id);
                true
            }
            Msg::Delete(id) => {
                self.note_drafts.remove(&id);
                let result = self.session.delete(id);
                self.carry_out(result, self.t().annotation_deleted);
                true
            }
            Msg::Undo => {
                self.commit_all_notes();
                match self.session.undo() {
                    Some(effects) => {
                        self.carry_out(Ok(effects), self.t().undone);
                    }
                    None => self.announce(self.t().nothing_to_undo),
                }
                true
            }
            Msg::Redo => {
                self.commit_all_notes();
                match self.session.redo() {
                    Some(effects) => {
                        self.carry_out(Ok(effects), self.t().redone);
                    }
                    None => self.announce(self.t().nothing_to_redo),
                }
                true
            }
            Msg::OpenFromList(id) => self.open_from_list(id),
            Msg::CloseEditor => {
                self.close_editor();
                true
            }
            Msg::Filter(tag) => {
                self.filter = tag;
                self.listed_rows = LISTED_ROWS;
                self.listing.replace(None);
                true
            }
            Msg::Query(query) => {
                self.query = query;
                self.listed_rows = LISTED_ROWS;
                self.listing.replace(None);
                true
            }
            Msg::ShowMore => {
                self.listed_rows += LISTED_ROWS;
                self.listing.replace(None);
                true
            }
            Msg::ShowSettings(open) => {
                self.preset_status = None;
                self.show(open.then_some(Dialog::Settings(None)));
                if open {
                    self.check_key(ctx);
                }
                true
            }
            Msg::SetLang(choice) => {
                self.lang = choice;
                lang::mark_document(choice);
                self.name_default_tags();
                if lang::save(choice).is_err() {
                    self.set_notice(self.t().lang_not_saved.into());
                }
                true
            }
            Msg::ShowHelp(open) => {
                self.show(open.then_some(Dialog::Help));
                true
            }
            Msg::DismissNotice => {
                self.notice = None;
                self.notice_action = None;
                true
            }
            Msg::ShowClass(open) => self.show_class(open),
            Msg::KeyMode(enter) => self.key_mode(enter),
            Msg::OpenPassage(start, end) => self.open_passage(start, end),
            Msg::BackToClass => self.put_class_away(false),
            Msg::ClassFilesQueued => {
                self.save_soon();
                true
            }
            Msg::PageHide => {
                self.commit_all_notes();
                self.save_waiting();
                true
            }
            Msg::LoadAnnotations => self.load_annotations(ctx),
            Msg::DescribeBlocks => {
                self.describe_all_blocks();
                // Start-up work is done: get word snapping ready before the first selection.
                clock::after_next_paint(super::browser::segmenter::warm_up);
                false
            }
            Msg::ViewportMoved => {
                if let Some(painter) = &mut self.painter {
                    painter.follow_viewport(self.session.doc(), self.session.store());
                }
                false
            }
            Msg::Printing(printing) => {
                self.printing = printing;
                if let Some(painter) = &mut self.painter {
                    if printing {
                        painter.paint_everything(self.session.doc(), self.session.store());
                    } else {
                        painter.follow_viewport(self.session.doc(), self.session.store());
                    }
                }
                true
            }
            Msg::SaveSome => self.save_some(),
            Msg::StoredElsewhere(key, values) => {
                // This tab's writes come first, as if made before the other tab's.
                self.save_waiting();
                self.stored_elsewhere(key, values)
            }
            msg @ (Msg::Export
            | Msg::Exported { .. }
            | Msg::ShowExport(_)
            | Msg::ExportAs(_)
            | Msg::OpenImportDialog
            | Msg::ImportFiles(_)
            | Msg::ImportRead(..)
            | Msg::ApplyImport
            | Msg::CloseImport
            | Msg::OpenImportedArticle
            | Msg::StarterPack(..)
            | Msg::ExportBackup
            | Msg::Reattach(_)
            | Msg::AttachHere
            | Msg::DiscardOrphan(_)
            | Msg::UseVersion(_)
            | Msg::DiscardVersion(_)
            | Msg::EditTags(_)
            | Msg::RevealAnswerKey
            | Msg::KeyFound(_)
            | Msg::KeepAnswerKey(_)
            | Msg::SetAuthor(_)) => self.update_exchange(ctx, msg),
            Msg::HandIn(msg) => self.update_hand_in(msg),
            Msg::Phone(msg) => self.update_phone(msg),
            Msg::Preset(msg) => self.update_presets(ctx, msg),
            msg => self.update_articles(ctx, msg),
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        self.view_app(ctx)
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render || std::mem::take(&mut self.needs_painter) {
            clock::mark("marginalia:article-rendered");
            self.attach_painter(ctx);
            if !self.session.annotations_loaded() {
                let link = ctx.link().clone();
                clock::after_next_paint(move || link.send_message(Msg::LoadAnnotations));
            } else {
                clock::mark("marginalia:highlights-painted");
            }
        } else if std::mem::take(&mut self.annotations_just_loaded) {
            clock::mark("marginalia:highlights-painted");
        }
        self.manage_focus();
        self.phone_rendered();
        if std::mem::take(&mut self.focus_editor) {
            if let Some(button) =
                self.editor_ref.cast::<Element>().and_then(|e| e.query_selector(".tag-toggle").ok().flatten())
            {
                let _ = button.unchecked_into::<DomElement>().focus();
            }
        }
    }
}
