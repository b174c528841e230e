//! The app shell: owns the document, the annotation store and the adapters, and turns user actions into store commands.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement as DomElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::domain::anchor::{describe, Anchored};
use crate::domain::annotation::Annotation;
use crate::domain::document::Document;
use crate::domain::format;
use crate::domain::format::export::ExportKind;
use crate::domain::format::import::{plan_import, ImportFile, ImportPlan, Merged};
use crate::domain::format::pack::{self, ExportInfo, Pack};
use crate::domain::html_extract::{extract_all_text, extract_article};
use crate::domain::html_tree::HtmlElement;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::loader::{decode, load_text, FileKind, LoadError, MAX_FILE_BYTES};
use crate::domain::persist::{ClassroomState, SideList};
use crate::domain::plain_text::parse_plain_text;
use crate::domain::reanchor;
use crate::domain::store::{Change, Command, Store};
use crate::domain::tag_edit::{self, delete_impact, TagEdit};
use crate::domain::tags::{TagId, TagSet};
use crate::ui::article::ArticleView;
use crate::ui::banner::WarningBanner;
use crate::ui::browser::dom_text::DomText;
use crate::ui::browser::highlights::{self, Painter};
use crate::ui::browser::storage::{AnnotationStorage, StorageProblem, Unreadable};
use crate::ui::browser::{clock, download, eviction, files, focus, html_parse, lang, library, paste, storage};
use crate::ui::class_view_host::ClassViewHost;
use crate::ui::editor::{excerpt, AnnotationEditor};
use crate::ui::export_dialog::ExportDialog;
use crate::ui::help::HelpDialog;
use crate::ui::import_report::ImportReport;
use crate::ui::library::LibraryDialog;
use crate::ui::new_article::{self, NewArticleDialog, Pasted};
use crate::ui::offline::OfflineStatus;
use crate::ui::settings::SettingsDialog;
use crate::ui::side_lists::SideLists;
use crate::ui::sidebar::Sidebar;
use crate::ui::tag_styles;
use crate::ui::toolbar::SelectionToolbar;

mod a11y;
mod saving;
mod sync;

/// The article the app opens on the first time, bundled so it works offline.
const SAMPLE_ARTICLE: &str = include_str!("../../www/sample-article.txt");

/// Widest the floating panels get, in CSS pixels; used to keep them on screen.
const PANEL_WIDTH: f64 = 352.0;

/// Typical height of the selection toolbar, in CSS pixels; used to decide whether it fits below the selection.
const PANEL_HEIGHT: f64 = 110.0;

pub enum Msg {
    SelectionChanged,
    PointerDown,
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
    FilesChosen(Vec<web_sys::File>),
    FileLoaded {
        name: String,
        bytes: Vec<u8>,
    },
    LoadFailed(String),
    LoadAllText,
    ShowLibrary(bool),
    OpenArticle(String),
    RenameArticle(String, String),
    DeleteArticle(String),
    Dragging(bool),
    ShowExport(bool),
    ExportAs(ExportKind),
    OpenImportDialog,
    ImportFiles(Vec<web_sys::File>),
    /// The files read for an import, and why any of them (by position) could not be read.
    ImportRead(Vec<(String, Vec<u8>)>, Vec<(usize, String)>),
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
    /// Download a starter pack: (lock the tag set, include my annotations as the answer key).
    StarterPack(bool, bool),
    // Class view.
    ShowClass(bool),
    OpenPassage(usize, usize),
    /// Another tab wrote this storage key (`None`: it cleared storage).
    StoredElsewhere(Option<String>),
    /// The page scrolled or resized: the painter follows the viewport.
    ViewportMoved,
    /// The article was painted: describe its paragraphs for screen readers.
    DescribeBlocks,
    /// The article was painted at start-up: read its stored annotations.
    LoadAnnotations,
    /// The browser is about to print (true) or has printed (false): print every highlight.
    Printing(bool),
}

/// An import worked out and shown to the user, not applied yet.
struct PendingImport {
    plan: ImportPlan,
    before: Merged,
    /// The article a single pack for another article carries, offered to open.
    other: Option<Document>,
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

/// What the sidebar shows, cached between renders.
#[derive(Clone)]
struct Listing {
    entries: Rc<Vec<Annotation>>,
    matched: usize,
    counts: Rc<Vec<usize>>,
}

/// How many sidebar rows are rendered at first, and added by each "Show more": the page stays
/// light however many annotations there are (search reaches the rest).
const LISTED_ROWS: usize = 100;

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
    doc: Rc<Document>,
    tags: Rc<TagSet>,
    store: Store,
    storage: AnnotationStorage,
    unreadable: Vec<Unreadable>,
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
    help_open: bool,
    announcement: String,
    notice: Option<String>,
    notice_action: Option<NoticeAction>,
    /// The bundled sample article, always in the library.
    sample: Rc<Document>,
    /// A page in which no article was found, kept so its whole text can be loaded on request.
    unextracted: Option<(String, HtmlElement)>,
    /// The article changed: the painter must be rebuilt after the next render.
    needs_painter: bool,
    article_listener: Option<EventListener>,
    new_article_open: bool,
    library_open: bool,
    /// The class view (students' files side by side) is open over the article.
    class_open: bool,
    dragging: bool,
    file_input: NodeRef,
    import_input: NodeRef,
    export_open: bool,
    import: Option<PendingImport>,
    /// Imported annotations not placed in this article, and other versions kept from merges.
    orphans: Vec<Annotation>,
    conflicts: Vec<Annotation>,
    /// The orphan to attach to the next selection.
    reattach: Option<Uuid>,
    /// The user's name, written into annotations and exports.
    author: String,
    /// The UI language, provided to every component as a context.
    lang: Lang,
    /// What a starter pack (or the teacher's own export of one) left for this article.
    classroom: Option<ClassroomState>,
    settings_open: bool,
    pointer_down: bool,
    /// The paragraph the keyboard caret is in (Ctrl+↓ / Ctrl+↑ move it).
    current_block: usize,
    listing: RefCell<Option<Listing>>,
    /// At start-up, until the stored annotations are read (just after the article's first paint).
    loading_annotations: bool,
    /// They were read and the next render paints them (then the `highlights-painted` mark).
    annotations_just_loaded: bool,
    /// How many matching annotations the sidebar lists (a multiple of `LISTED_ROWS`).
    listed_rows: usize,
    sidebar_callbacks: SidebarCallbacks,
    /// Focus to give back, the annotation reached last (see `app/a11y.rs`).
    a11y: a11y::A11yState,
    /// Document-level listeners, held only to keep them alive (dropping one removes it).
    _listeners: Vec<EventListener>,
    /// A large step's changes still to be written.
    saving: saving::Saving,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        // Word snapping and agreement counts need the browser's segmenter before any text arrives.
        super::browser::segmenter::install();
        super::browser::lowercase::install();
        let sample = Rc::new(parse_plain_text(SAMPLE_ARTICLE));
        let ui_lang = lang::initial();
        lang::mark_document(ui_lang);
        let (doc, notice) = initial_document(&sample, ui_lang.texts());
        // The stored annotations are read once the article is painted (Msg::LoadAnnotations), so
        // the article appears without waiting for thousands of them to be decoded.
        let session = open_session(&doc, false);
        let tags = Rc::new(session.tags.clone());
        App {
            doc,
            tags,
            store: session.store,
            storage: session.storage,
            unreadable: session.unreadable,
            evicted: eviction::check_on_start(ui_lang.texts()),
            orphans: session.orphans,
            conflicts: session.conflicts,
            classroom: session.classroom,
            import_input: NodeRef::default(),
            export_open: false,
            import: None,
            reattach: None,
            author: storage::author(),
            lang: ui_lang,
            settings_open: false,
            sample,
            notice_action: None,
            unextracted: None,
            needs_painter: false,
            article_listener: None,
            new_article_open: false,
            library_open: false,
            class_open: false,
            dragging: false,
            file_input: NodeRef::default(),
            painter: None,
            article_ref: NodeRef::default(),
            toolbar_ref: NodeRef::default(),
            editor_ref: NodeRef::default(),
            pending: None,
            note_draft: String::new(),
            editor: None,
            focus_editor: false,
            note_drafts: HashMap::new(),
            filter: None,
            query: String::new(),
            help_open: false,
            announcement: String::new(),
            notice,
            pointer_down: false,
            current_block: 0,
            listing: RefCell::new(None),
            loading_annotations: true,
            annotations_just_loaded: false,
            listed_rows: LISTED_ROWS,
            sidebar_callbacks: SidebarCallbacks {
                on_filter: ctx.link().callback(Msg::Filter),
                on_query: ctx.link().callback(Msg::Query),
                on_open: ctx.link().callback(Msg::OpenFromList),
                on_show_more: ctx.link().callback(|()| Msg::ShowMore),
            },
            _listeners: document_listeners(ctx)
                .into_iter()
                .chain(sync::listener(ctx))
                .chain(paste::page_listener(ctx.link().callback(Msg::AddPasted)))
                .collect(),
            a11y: Default::default(),
            saving: saving::Saving::new(ctx.link().clone()),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            Msg::SelectionChanged => self.selection_changed(),
            Msg::PointerDown => {
                self.pointer_down = true;
                false
            }
            Msg::PointerUp => {
                self.pointer_down = false;
                self.selection_changed()
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
                self.run(Command::Delete { id });
                true
            }
            Msg::Undo => {
                self.commit_all_notes();
                match self.store.undo_step() {
                    Some(step) => self.after_changes(&step, self.t().undone),
                    None => self.announce(self.t().nothing_to_undo),
                }
                true
            }
            Msg::Redo => {
                self.commit_all_notes();
                match self.store.redo_step() {
                    Some(step) => self.after_changes(&step, self.t().redone),
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
            Msg::Export => {
                self.export_as(ExportKind::Pack);
                true
            }
            Msg::ShowExport(open) => {
                self.export_open = open;
                true
            }
            Msg::ExportAs(kind) => {
                self.export_open = false;
                self.export_as(kind);
                true
            }
            Msg::OpenImportDialog => {
                if let Some(input) = self.import_input.cast::<HtmlInputElement>() {
                    input.set_value("");
                    input.click();
                }
                false
            }
            Msg::ImportFiles(chosen) => {
                self.dragging = false;
                if chosen.is_empty() {
                    return true;
                }
                let (link, t) = (ctx.link().clone(), self.t());
                wasm_bindgen_futures::spawn_local(async move {
                    let mut read = Vec::with_capacity(chosen.len());
                    let mut unread = Vec::new();
                    for (index, file) in chosen.into_iter().enumerate() {
                        // A file that cannot be read (too large) still gets a line in the report, with the reason.
                        let bytes = files::read_bytes(&file, format::MAX_FILE_BYTES, t).await.unwrap_or_else(|why| {
                            unread.push((index, why));
                            Vec::new()
                        });
                        read.push((file.name(), bytes));
                    }
                    link.send_message(Msg::ImportRead(read, unread));
                });
                true
            }
            Msg::ImportRead(read, unread) => {
                self.plan_import(&read);
                if let Some(import) = &mut self.import {
                    for (index, why) in unread {
                        if let Some(report) = import.plan.reports.get_mut(index) {
                            report.outcome = Err(format::FormatError::file(why));
                        }
                    }
                }
                true
            }
            Msg::ApplyImport => {
                self.apply_import();
                true
            }
            Msg::CloseImport => {
                self.import = None;
                true
            }
            Msg::OpenImportedArticle => {
                if let Some(doc) = self.import.take().and_then(|i| i.other) {
                    self.add_document(doc, None);
                    self.set_notice(self.t().pack_article_open.into());
                }
                true
            }
            Msg::Reattach(id) => {
                self.reattach = if self.reattach == Some(id) { None } else { Some(id) };
                if self.reattach.is_some() {
                    self.announce(self.t().select_passage_to_attach);
                }
                true
            }
            Msg::AttachHere => {
                self.attach_here();
                true
            }
            Msg::DiscardOrphan(id) => {
                self.orphans.retain(|a| a.id != id);
                self.save_side(SideList::Orphans);
                if self.reattach == Some(id) {
                    self.reattach = None;
                }
                self.announce(self.t().unplaced_deleted);
                true
            }
            Msg::UseVersion(index) => {
                if index < self.conflicts.len() {
                    let version = self.conflicts.remove(index);
                    let current = self.store.get(&version.id).cloned();
                    let command = if current.is_some() { Command::Replace(version) } else { Command::Create(version) };
                    if self.run(command) {
                        // The version it replaced is kept in its turn, so the choice can be changed back.
                        self.conflicts.extend(current);
                    }
                    self.save_side(SideList::Conflicts);
                }
                true
            }
            Msg::ShowSettings(open) => {
                self.settings_open = open;
                true
            }
            Msg::SetLang(choice) => {
                self.lang = choice;
                lang::mark_document(choice);
                if lang::save(choice).is_err() {
                    self.set_notice(self.t().lang_not_saved.into());
                }
                true
            }
            Msg::SetAuthor(name) => {
                self.author = name.trim().to_string();
                if storage::set_author(&self.author).is_err() {
                    self.set_notice(self.t().author_not_saved.into());
                }
                true
            }
            Msg::RevealAnswerKey => {
                if let Some(mut classroom) = self.classroom.clone() {
                    classroom.revealed = true;
                    self.save_classroom(classroom);
                }
                true
            }
            Msg::StarterPack(lock, key) => {
                self.export_open = false;
                self.export_starter(lock, key);
                true
            }
            Msg::EditTags(edit) => {
                self.edit_tags(edit);
                true
            }
            Msg::DiscardVersion(index) => {
                if index < self.conflicts.len() {
                    self.conflicts.remove(index);
                    self.save_side(SideList::Conflicts);
                }
                true
            }
            Msg::ExportBackup => {
                self.export_backup();
                true
            }
            Msg::ShowHelp(open) => {
                self.help_open = open;
                true
            }
            Msg::DismissNotice => {
                self.notice = None;
                self.notice_action = None;
                true
            }
            Msg::ShowNewArticle(open) => {
                self.new_article_open = open;
                true
            }
            Msg::AddPasted(pasted) => {
                match new_article::pasted_document(&pasted, self.t()) {
                    Ok(doc) => {
                        self.new_article_open = false;
                        self.add_document(doc, None);
                    }
                    Err(error) => self.set_notice(error),
                }
                true
            }
            Msg::OpenFileDialog => {
                if let Some(input) = self.file_input.cast::<HtmlInputElement>() {
                    input.set_value("");
                    input.click();
                }
                false
            }
            Msg::FilesChosen(files) => {
                self.dragging = false;
                // Annotation files dropped on the page are imported; anything else is opened as an article.
                let is_annotations = |f: &web_sys::File| {
                    let name = f.name().to_ascii_lowercase();
                    name.ends_with(".json") || name.ends_with(".jsonld")
                };
                if !files.is_empty() && files.iter().all(is_annotations) {
                    ctx.link().send_message(Msg::ImportFiles(files));
                    return true;
                }
                // One article at a time: the first file is opened, the others are named in a notice.
                let Some(file) = files.first().cloned() else { return true };
                if files.len() > 1 {
                    self.set_notice((self.t().opening_first)(&file.name(), files.len() - 1));
                }
                let (link, t) = (ctx.link().clone(), self.t());
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.name();
                    match files::read_bytes(&file, MAX_FILE_BYTES, t).await {
                        Ok(bytes) => link.send_message(Msg::FileLoaded { name, bytes }),
                        Err(message) => link.send_message(Msg::LoadFailed((t.cannot_open)(&name, &message))),
                    }
                });
                true
            }
            Msg::FileLoaded { name, bytes } => {
                match self.load_file(&name, &bytes) {
                    Ok((doc, note)) => self.add_document(doc, note),
                    Err(message) => {
                        self.set_notice((self.t().cannot_open)(&name, &message));
                        if self.unextracted.is_some() {
                            self.notice_action = Some(NoticeAction::LoadAllText);
                        }
                    }
                }
                true
            }
            Msg::LoadFailed(message) => {
                self.set_notice(message);
                true
            }
            Msg::LoadAllText => {
                if let Some((name, tree)) = self.unextracted.take() {
                    let mut draft = extract_all_text(&tree);
                    draft.meta.source.get_or_insert(name);
                    match draft.into_document() {
                        Some(doc) => self.add_document(doc, None),
                        None => self.set_notice(LoadError::NoText.message(self.t())),
                    }
                }
                true
            }
            Msg::ShowLibrary(open) => {
                self.library_open = open;
                true
            }
            Msg::OpenArticle(key) => {
                self.library_open = false;
                if key == self.sample.hash().short() {
                    self.open_document((*self.sample).clone());
                } else {
                    match library::load(&key, self.t()) {
                        Ok((doc, _)) => self.open_document(doc),
                        Err(message) => self.set_notice(message),
                    }
                }
                true
            }
            Msg::RenameArticle(key, title) => {
                match library::rename(&key, &title, self.t()) {
                    Ok(()) if key == self.doc.hash().short() => {
                        self.doc = Rc::new((*self.doc).clone().with_title(&title));
                    }
                    Ok(()) => {}
                    Err(message) => self.set_notice(message),
                }
                true
            }
            Msg::DeleteArticle(key) => {
                match library::delete(&key, self.t()) {
                    Ok(_) => {
                        self.announce(self.t().article_deleted);
                        if key == self.doc.hash().short() {
                            self.forget_waiting();
                            self.open_document((*self.sample).clone());
                            self.library_open = true;
                        }
                    }
                    Err(message) => self.set_notice(message),
                }
                true
            }
            Msg::Dragging(on) => {
                let changed = self.dragging != on;
                self.dragging = on;
                changed
            }
            Msg::ShowClass(open) => {
                if open {
                    self.close_editor();
                    self.set_pending(None);
                }
                self.class_open = open;
                true
            }
            Msg::OpenPassage(start, end) => {
                self.class_open = false;
                self.show_passage(start, end);
                true
            }
            Msg::PageHide => {
                self.commit_all_notes();
                self.save_waiting();
                let _ = self.storage.flush(&self.protected_keys());
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
                    painter.follow_viewport(&self.doc, &self.store);
                }
                false
            }
            Msg::Printing(printing) => {
                if let Some(painter) = &mut self.painter {
                    if printing {
                        painter.paint_everything(&self.doc, &self.store);
                    } else {
                        painter.follow_viewport(&self.doc, &self.store);
                    }
                }
                false
            }
            Msg::SaveSome => self.save_some(),
            Msg::StoredElsewhere(key) => {
                // This tab's writes come first, as if made before the other tab's.
                self.save_waiting();
                self.stored_elsewhere(key)
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = self.t();
        html! {
            <ContextProvider<Lang> context={self.lang}>
            <div class="app">
                <a class="skip-link" href="#article">{t.skip_to_article}</a>
                <header class="topbar">
                    <span class="brand"><span class="brand-mark" aria-hidden="true"></span>{"Marginalia"}</span>
                    <nav class="actions" aria-label={t.actions}>
                        <button type="button" onclick={link.callback(|_| Msg::ShowLibrary(true))}>{t.library}</button>
                        if self.doc.hash() != self.sample.hash() {
                            <button type="button" title={t.sample_title}
                                onclick={link.callback({ let key = self.sample.hash().short().to_string(); move |_| Msg::OpenArticle(key.clone()) })}>{t.sample}</button>
                        }
                        <button type="button" onclick={link.callback(|_| Msg::ShowNewArticle(true))}>{t.new_article}</button>
                        <button type="button" title={t.open_file_title}
                            onclick={link.callback(|_| Msg::OpenFileDialog)}>{t.open_file}</button>
                        <input ref={self.file_input.clone()} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                            onchange={link.callback(|e: Event| Msg::FilesChosen(files::files_of(e.target_unchecked_into::<HtmlInputElement>().files())))} />
                        <button type="button" disabled={!self.store.can_undo()} aria-keyshortcuts="Control+Z"
                            title={t.undo_title} onclick={link.callback(|_| Msg::Undo)}>{t.undo}</button>
                        <button type="button" disabled={!self.store.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                            title={t.redo_title} onclick={link.callback(|_| Msg::Redo)}>{t.redo}</button>
                        <button type="button" title={t.import_title}
                            onclick={link.callback(|_| Msg::OpenImportDialog)}>{t.import}</button>
                        <input ref={self.import_input.clone()} type="file" multiple=true class="visually-hidden" tabindex="-1" aria-hidden="true"
                            accept=".json,.jsonld,application/json,application/ld+json"
                            onchange={link.callback(|e: Event| Msg::ImportFiles(files::files_of(e.target_unchecked_into::<HtmlInputElement>().files())))} />
                        <button type="button" title={t.export_title}
                            onclick={link.callback(|_| Msg::ShowExport(true))}>{t.export}</button>
                        <button type="button" title={t.class_title}
                            onclick={link.callback(|_| Msg::ShowClass(true))}>{t.class}</button>
                        <button type="button" onclick={link.callback(|_| Msg::ShowSettings(true))}>{t.settings}</button>
                        <button type="button" aria-keyshortcuts="?" onclick={link.callback(|_| Msg::ShowHelp(true))}>{t.help}</button>
                    </nav>
                </header>
                { self.view_warnings(ctx) }
                <OfflineStatus on_export={link.callback(|_| Msg::Export)} />
                <main class="layout">
                    <div class="reading">
                        <p id="keyboard-hint" class="visually-hidden">
                            {t.keyboard_hint}
                        </p>
                        <p id="annotation-hint" class="visually-hidden">
                            {t.annotation_hint}
                        </p>
                        <ArticleView key={self.doc.hash().0.clone()} doc={self.doc.clone()} node_ref={self.article_ref.clone()} />
                    </div>
                    <div class="side-column">
                        { self.view_sidebar() }
                        <SideLists orphans={self.orphans.clone()} conflicts={self.conflicts.clone()} reattaching={self.reattach}
                            on_reattach={link.callback(Msg::Reattach)} on_discard_orphan={link.callback(Msg::DiscardOrphan)}
                            on_use_version={link.callback(Msg::UseVersion)} on_discard_version={link.callback(Msg::DiscardVersion)} />
                    </div>
                </main>
                if let Some(pending) = self.pending {
                    <SelectionToolbar tags={self.tags.clone()} top={pending.top} left={pending.left}
                        note={AttrValue::from(self.note_draft.clone())} node_ref={self.toolbar_ref.clone()}
                        on_note={link.callback(Msg::NoteDraft)} on_tag={link.callback(Msg::CreateWithTag)}
                        attach={self.reattach.and_then(|id| self.orphans.iter().find(|a| a.id == id)).map(|a| AttrValue::from(excerpt(&a.target.exact, 40)))}
                        on_attach={link.callback(|_| Msg::AttachHere)} />
                }
                { self.view_editor(ctx) }
                if self.help_open {
                    <HelpDialog on_close={link.callback(|_| Msg::ShowHelp(false))} />
                }
                if self.new_article_open {
                    <NewArticleDialog on_add={link.callback(Msg::AddPasted)} on_close={link.callback(|_| Msg::ShowNewArticle(false))} />
                }
                if self.library_open {
                    <LibraryDialog entries={library::list(&self.sample)} current={AttrValue::from(self.doc.hash().short().to_string())}
                        used_bytes={library::used_bytes()}
                        on_open={link.callback(Msg::OpenArticle)}
                        on_rename={link.callback(|(key, title)| Msg::RenameArticle(key, title))}
                        on_delete={link.callback(Msg::DeleteArticle)}
                        on_close={link.callback(|_| Msg::ShowLibrary(false))} />
                }
                if self.settings_open {
                    <SettingsDialog author={AttrValue::from(self.author.clone())} tags={self.tags.clone()}
                        impacts={self.tags.tags.iter().map(|t| { let i = delete_impact(&t.id, self.store.in_order()); (i.annotations, i.only_tag) }).collect::<Vec<_>>()}
                        on_author={link.callback(Msg::SetAuthor)} on_edit={link.callback(Msg::EditTags)}
                        on_lang={link.callback(Msg::SetLang)}
                        locked={self.tags_locked()}
                        answer_key={self.classroom.as_ref().filter(|c| !c.answer_key.is_empty()).map(|c| (Rc::new(c.answer_key.clone()), c.revealed))}
                        on_reveal={link.callback(|_| Msg::RevealAnswerKey)}
                        on_close={link.callback(|_| Msg::ShowSettings(false))} />
                }
                if self.export_open {
                    <ExportDialog count={self.store.len() + self.orphans.len()} on_export={link.callback(Msg::ExportAs)}
                        on_starter={link.callback(|(lock, key)| Msg::StarterPack(lock, key))}
                        on_close={link.callback(|_| Msg::ShowExport(false))} />
                }
                if let Some(import) = &self.import {
                    <ImportReport reports={import.plan.reports.clone()} has_changes={!import.plan.is_noop(&import.before) || import.plan.classroom.is_some()}
                        other_article={import.other.as_ref().map(|d| AttrValue::from(d.title().to_string()))}
                        on_apply={link.callback(|_| Msg::ApplyImport)} on_open_other={link.callback(|_| Msg::OpenImportedArticle)}
                        on_close={link.callback(|_| Msg::CloseImport)} />
                }
                if self.class_open {
                    <ClassViewHost doc={self.doc.clone()} tags={self.tags.clone()} on_close={link.callback(|_| Msg::ShowClass(false))}
                        answer_key={self.classroom.as_ref().filter(|c| !c.answer_key.is_empty()).map(|c| Rc::new(c.answer_key.clone()))}
                        on_open_passage={link.callback(|(start, end)| Msg::OpenPassage(start, end))} />
                }
                if self.dragging {
                    <div class="drop-overlay" aria-hidden="true"><p>{t.drop_hint}</p></div>
                }
                <div class="visually-hidden" role="status" aria-live="polite">{self.announcement.clone()}</div>
            </div>
            </ContextProvider<Lang>>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render || std::mem::take(&mut self.needs_painter) {
            clock::mark("marginalia:article-rendered");
            self.attach_painter(ctx);
            if self.loading_annotations {
                let link = ctx.link().clone();
                clock::after_next_paint(move || link.send_message(Msg::LoadAnnotations));
            } else {
                clock::mark("marginalia:highlights-painted");
            }
        } else if std::mem::take(&mut self.annotations_just_loaded) {
            clock::mark("marginalia:highlights-painted");
        }
        self.manage_focus();
        if std::mem::take(&mut self.focus_editor) {
            if let Some(button) =
                self.editor_ref.cast::<Element>().and_then(|e| e.query_selector(".tag-toggle").ok().flatten())
            {
                let _ = button.unchecked_into::<DomElement>().focus();
            }
        }
    }
}

impl App {
    fn view_warnings(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = self.t();
        let storage_message = self.storage.problem().map(|problem| match problem {
            StorageProblem::Full => (t.storage_full)(self.storage.unsaved_count()),
            StorageProblem::Unavailable(why) => (t.storage_blocked)(why),
        });
        let unreadable_message = (!self.unreadable.is_empty()).then(|| {
            let first = &self.unreadable[0];
            (t.unreadable_saved)(self.unreadable.len(), &first.error.message(t))
        });
        html! {
            <>
                if let Some(message) = storage_message {
                    <WarningBanner message={message} action={t.export_now} on_action={link.callback(|_| Msg::Export)} />
                }
                if let Some(message) = self.evicted.clone() {
                    <WarningBanner message={message} action={t.import_last_export} on_action={link.callback(|_| Msg::OpenImportDialog)} />
                }
                if let Some(message) = unreadable_message {
                    <WarningBanner message={message} action={t.export_backup} on_action={link.callback(|_| Msg::ExportBackup)} />
                }
                if let Some(notice) = &self.notice {
                    <div class="notice" role="status">
                        <span>{notice.clone()}</span>
                        if self.notice_action == Some(NoticeAction::LoadAllText) {
                            <button type="button" onclick={link.callback(|_| Msg::LoadAllText)}>{t.load_all_text}</button>
                        }
                        <button type="button" onclick={link.callback(|_| Msg::DismissNotice)}>{t.dismiss}</button>
                    </div>
                }
            </>
        }
    }

    /// Reads the article's stored annotations, after the article's first paint at start-up, and
    /// paints them. What another tab stored meanwhile is read with them.
    fn load_annotations(&mut self, ctx: &Context<Self>) -> bool {
        if !self.loading_annotations {
            return false;
        }
        clock::mark("marginalia:annotations-load-start");
        let loaded = self.storage.load();
        self.unreadable.extend(loaded.unreadable);
        self.store = Store::from_annotations(loaded.annotations);
        self.loading_annotations = false;
        self.annotations_just_loaded = true;
        if let Some(painter) = &mut self.painter {
            painter.repaint(&self.doc, &self.store);
        }
        self.keep_views_in_step();
        describe_after_paint(ctx);
        true
    }

    fn view_sidebar(&self) -> Html {
        let listing = self.listing.borrow_mut().get_or_insert_with(|| self.build_listing()).clone();
        let callbacks = &self.sidebar_callbacks;
        html! {
            <Sidebar tags={self.tags.clone()} entries={listing.entries} matched={listing.matched} counts={listing.counts}
                total={self.store.len()} loading={self.loading_annotations} filter={self.filter.clone()} query={AttrValue::from(self.query.clone())}
                on_filter={callbacks.on_filter.clone()} on_query={callbacks.on_query.clone()}
                on_open={callbacks.on_open.clone()} on_show_more={callbacks.on_show_more.clone()} />
        }
    }

    /// The sidebar's first rows and counts; rebuilt only after a change, a filter or a search, so
    /// re-renders for selection or editor updates leave the sidebar untouched. Only the listed
    /// rows are cloned; the others are only counted.
    fn build_listing(&self) -> Listing {
        let wanted = |a: &&Annotation| self.filter.as_ref().is_none_or(|tag| a.has_tag(tag));
        let (entries, matched) = if self.query.trim().is_empty() {
            // Without a search, only the listed rows are put in article order; the rest are
            // counted where they lie (this runs after every change, with 10,000 annotations).
            let entries: Vec<Annotation> =
                self.store.in_order().filter(wanted).take(self.listed_rows).cloned().collect();
            let matched = self.filter.as_ref().map_or(self.store.len(), |tag| self.store.count_with_tag(tag));
            (entries, matched)
        } else {
            let searched = self.store.search(&self.query);
            let mut matching = searched.into_iter().filter(wanted);
            let entries: Vec<Annotation> = matching.by_ref().take(self.listed_rows).cloned().collect();
            let matched = entries.len() + matching.count();
            (entries, matched)
        };
        let by_tag = self.store.count_by_tag();
        let counts: Vec<usize> = self.tags.tags.iter().map(|t| by_tag.get(&t.id).copied().unwrap_or(0)).collect();
        Listing { entries: Rc::new(entries), matched, counts: Rc::new(counts) }
    }

    fn view_editor(&self, ctx: &Context<Self>) -> Html {
        let Some(editor) = &self.editor else { return html! {} };
        let link = ctx.link();
        let annotations: Vec<Annotation> = editor
            .ids
            .iter()
            .filter_map(|id| self.store.get(id))
            .map(|a| match self.note_drafts.get(&a.id) {
                Some(draft) => Annotation { note: draft.clone(), ..a.clone() },
                None => a.clone(),
            })
            .collect();
        if annotations.is_empty() {
            return html! {};
        }
        html! {
            <AnnotationEditor annotations={annotations} tags={self.tags.clone()} top={editor.top} left={editor.left}
                node_ref={self.editor_ref.clone()}
                on_toggle_tag={link.callback(|(id, tag)| Msg::ToggleTag(id, tag))}
                on_note_input={link.callback(|(id, note)| Msg::NoteInput(id, note))}
                on_note_commit={link.callback(Msg::NoteCommit)}
                on_delete={link.callback(Msg::Delete)}
                on_close={link.callback(|_| Msg::CloseEditor)} />
        }
    }

    /// Builds the painter once the article is in the DOM, and listens for clicks on highlights.
    fn attach_painter(&mut self, ctx: &Context<Self>) {
        tag_styles::install(&tag_styles::stylesheet(&self.tags));
        let Some(root) = self.article_ref.cast::<Element>() else { return };
        let link = ctx.link().clone();
        self.article_listener = Some(EventListener::new(&root, "click", move |event| {
            if let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() {
                link.send_message(Msg::ArticleClick(mouse.client_x() as f64, mouse.client_y() as f64));
            }
        }));
        let Some(dom) = DomText::collect(root, &self.doc) else {
            self.notice = Some(self.t().prepare_failed.into());
            ctx.link().send_message(Msg::ShowHelp(false));
            return;
        };
        match Painter::new(dom, &self.tags) {
            Some(mut painter) => {
                painter.follow_viewport(&self.doc, &self.store);
                self.painter = Some(painter);
                // At start-up the paragraphs are described once the annotations are read.
                if !self.loading_annotations {
                    describe_after_paint(ctx);
                }
            }
            None => {
                self.notice = Some(if highlights::supported() {
                    self.t().highlights_failed.into()
                } else {
                    self.t().no_highlight_api.into()
                });
                ctx.link().send_message(Msg::ShowHelp(false));
            }
        }
    }

    /// True while a modal dialog covers the page.
    fn dialog_open(&self) -> bool {
        self.help_open
            || self.new_article_open
            || self.library_open
            || self.settings_open
            || self.export_open
            || self.import.is_some()
            || self.class_open
    }

    fn set_notice(&mut self, message: String) {
        self.notice = Some(message);
        self.notice_action = None;
    }

    /// Reads a file into a document; for HTML, finds the article in the page.
    fn load_file(&mut self, name: &str, bytes: &[u8]) -> Result<(Document, Option<String>), String> {
        self.unextracted = None;
        let t = self.t();
        let kind = FileKind::from_name(name)
            .ok_or_else(|| LoadError::UnsupportedType { name: name.to_string() }.message(t))?;
        let decoded = decode(bytes).map_err(|e| e.message(t))?;
        // The loader's one note says the encoding was guessed as Windows-1252.
        let note = decoded.note.map(|_| t.read_as_windows_1252.to_string());
        if kind != FileKind::Html {
            let doc = load_text(kind, &decoded.text, None, Some(name)).map_err(|e| e.message(t))?;
            return Ok((doc, note));
        }
        let tree = html_parse::parse(&decoded.text, t)?;
        match extract_article(&tree) {
            Ok(mut draft) => {
                draft.meta.source.get_or_insert_with(|| name.to_string());
                let doc = draft.into_document().ok_or_else(|| LoadError::NoText.message(t))?;
                Ok((doc, note))
            }
            Err(error) => {
                // Kept so the notice can offer to load the page's whole text instead.
                self.unextracted = Some((name.to_string(), tree));
                Err(error.message(t))
            }
        }
    }

    /// Adds a loaded article to the library and opens it; an article already there opens with its annotations.
    fn add_document(&mut self, doc: Document, note: Option<String>) {
        let known = doc.hash() == self.sample.hash() || library::contains(doc.hash());
        let doc = if doc.hash() == self.sample.hash() {
            (*self.sample).clone()
        } else if known {
            library::load(doc.hash().short(), self.t()).map(|(stored, _)| stored).unwrap_or(doc)
        } else {
            if library::save(&doc, clock::now()).is_err() {
                self.set_notice(self.t().library_not_kept.into());
            }
            doc
        };
        self.open_document(doc);
        if known {
            self.set_notice((self.t().already_in_library)(self.doc.title(), self.store.len()));
        } else if let Some(note) = note {
            self.set_notice(note);
        }
    }

    /// Switches to another article: saves what is pending, then loads that article's annotations.
    fn open_document(&mut self, doc: Document) {
        self.commit_all_notes();
        self.save_waiting();
        let _ = self.storage.flush(&self.protected_keys());
        self.painter = None;
        self.article_listener = None;
        let session = open_session(&doc, true);
        library::set_last_open(doc.hash().short());
        self.announce(&(self.t().opened)(doc.title()));
        self.doc = Rc::new(doc);
        self.storage = session.storage;
        self.store = session.store;
        // Read with the article: a start-up read still waiting must not read them again.
        self.loading_annotations = false;
        self.unreadable = session.unreadable;
        self.orphans = session.orphans;
        self.conflicts = session.conflicts;
        self.classroom = session.classroom;
        self.reattach = None;
        self.import = None;
        self.tags = Rc::new(session.tags);
        self.pending = None;
        self.editor = None;
        self.note_drafts.clear();
        self.note_draft.clear();
        self.filter = None;
        self.query.clear();
        self.current_block = 0;
        self.listing.replace(None);
        self.needs_painter = true;
        if self.notice_action.is_none() {
            self.notice = None;
        }
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    fn dom(&self) -> Option<&DomText> {
        self.painter.as_ref().map(Painter::dom)
    }

    /// Reads the browser selection, snaps it to words and shows or hides the toolbar.
    fn selection_changed(&mut self) -> bool {
        if self.pointer_down || self.focus_within(&self.toolbar_ref) || self.focus_within(&self.editor_ref) {
            return false;
        }
        let Some(dom) = self.dom() else { return false };
        let live = dom.selection(&self.doc);
        let Some((start, end)) = live.and_then(|(s, e)| self.doc.snap_selection(s, e)) else {
            let announced = self.announce_caret();
            return self.set_pending(None) || announced;
        };
        if self.pending.is_some_and(|p| (p.start, p.end) == (start, end)) {
            return false;
        }
        // Show the widening to whole words in the page; but only trimming white space leaves the
        // native selection alone, so a keyboard user extending word by word is never pulled back.
        if live.is_some_and(|(s, e)| start < s || end > e) {
            dom.select(&self.doc, start, end);
        }
        let (top, left) = self.below_span(start, end);
        self.editor = None;
        let fresh = self.pending.is_none();
        let changed = self.set_pending(Some(Pending { start, end, top, left }));
        if fresh && changed {
            self.announce_selection();
        }
        changed
    }

    fn set_pending(&mut self, pending: Option<Pending>) -> bool {
        if self.pending == pending {
            return false;
        }
        if pending.is_none() {
            self.note_draft.clear();
        }
        self.pending = pending;
        if let Some(painter) = &self.painter {
            painter.set_pending(&self.doc, pending.map(|p| (p.start, p.end)));
        }
        true
    }

    /// Page coordinates for a panel next to the passage `[start, end)`: below it, or above it
    /// when there is no room below, and always inside the viewport's width.
    fn below_span(&self, start: usize, end: usize) -> (f64, f64) {
        let window = web_sys::window();
        let number = |v: Option<Result<wasm_bindgen::JsValue, _>>| v.and_then(|r| r.ok()).and_then(|v| v.as_f64());
        let scroll_x = window.as_ref().and_then(|w| w.scroll_x().ok()).unwrap_or(0.0);
        let scroll_y = window.as_ref().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        let width = number(window.as_ref().map(|w| w.inner_width())).unwrap_or(1024.0);
        let height = number(window.as_ref().map(|w| w.inner_height())).unwrap_or(768.0);
        let rect = self.dom().and_then(|d| d.range(&self.doc, start, end)).map(|r| r.get_bounding_client_rect());
        let (top, bottom, left) = rect.map_or((0.0, 0.0, 0.0), |r| (r.top(), r.bottom(), r.left()));
        let max_left = (width - PANEL_WIDTH - 8.0).max(8.0);
        let room_below = height - bottom > PANEL_HEIGHT + 16.0;
        let room_above = top > PANEL_HEIGHT + 72.0;
        let y = if room_below || !room_above { bottom + 8.0 } else { top - PANEL_HEIGHT - 8.0 };
        (y + scroll_y, left.clamp(8.0, max_left) + scroll_x)
    }

    fn focus_within(&self, node_ref: &NodeRef) -> bool {
        let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
        match (node_ref.cast::<Element>(), active) {
            (Some(container), Some(active)) => container.contains(Some(&active)),
            _ => false,
        }
    }

    fn create(&mut self, tag: TagId) -> bool {
        let Some(pending) = self.pending else {
            self.announce(self.t().select_text_first);
            return true;
        };
        let now = clock::now();
        let annotation = Annotation {
            id: clock::new_id(),
            target: describe(&self.doc, pending.start, pending.end),
            tags: vec![tag.clone()],
            note: self.note_draft.trim().to_string(),
            author: self.author.clone(),
            created: now,
            modified: now,
        };
        clock::mark("marginalia:create-start");
        if self.run(Command::Create(annotation)) {
            clock::mark("marginalia:create-painted");
            if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                let _ = selection.remove_all_ranges();
            }
            self.set_pending(None);
            // Focus was in the toolbar, which now goes away: hand it back to the article.
            if self.focus_within(&self.toolbar_ref) {
                if let Some(article) = self.article_ref.cast::<DomElement>() {
                    let _ = article.focus();
                }
            }
            self.announce(&(self.t().tagged_as)(self.tags.name_of(&tag)));
        }
        true
    }

    fn toggle_tag(&mut self, id: Uuid, tag: TagId) -> bool {
        let Some(annotation) = self.store.get(&id) else { return false };
        let mut tags = annotation.tags.clone();
        if tags.contains(&tag) {
            tags.retain(|t| t != &tag);
        } else {
            tags.push(tag);
        }
        self.run(Command::SetTags { id, tags, at: clock::now() });
        true
    }

    fn commit_note(&mut self, id: Uuid) {
        let Some(draft) = self.note_drafts.remove(&id) else { return };
        if self.store.get(&id).is_some_and(|a| a.note != draft)
            && !self.run(Command::SetNote { id, note: draft.clone(), at: clock::now() })
        {
            // Refused (too long): the text stays in the editor rather than vanish.
            self.note_drafts.insert(id, draft);
        }
        // Another tab's change held back while the note was typed.
        self.pull(id);
    }

    fn commit_all_notes(&mut self) {
        let ids: Vec<Uuid> = self.note_drafts.keys().copied().collect();
        for id in ids {
            self.commit_note(id);
        }
    }

    /// Applies a command; shows why if the store refuses it. Returns whether it was applied.
    fn run(&mut self, command: Command) -> bool {
        let verb = match &command {
            Command::Create(_) => self.t().annotation_created,
            Command::SetTags { .. } => self.t().tags_changed,
            Command::SetNote { .. } => self.t().note_saved,
            Command::Delete { .. } => self.t().annotation_deleted,
            Command::Replace(_) => self.t().annotation_replaced,
        };
        match self.store.apply(command) {
            Ok(change) => {
                self.after_change(&change, verb);
                true
            }
            Err(error) => {
                self.notice = Some(error.message(self.t()));
                false
            }
        }
    }

    /// Repaints and saves what a change touched, and keeps the editor in step.
    fn after_change(&mut self, change: &Change, verb: &str) {
        self.after_changes(std::slice::from_ref(change), verb);
    }

    /// Follows a step of changes (an import, an undo) in one pass: each is painted and saved, but
    /// each touched paragraph is redescribed once and the last change is announced, so a step of
    /// 10,000 costs no more per change than one alone.
    fn after_changes(&mut self, changes: &[Change], verb: &str) {
        let Some(change) = changes.last() else { return };
        if let Some(painter) = &mut self.painter {
            for change in changes {
                painter.apply(&self.doc, &self.store, change);
            }
        }
        self.save_changes(changes);
        self.describe_changes(changes);
        self.keep_views_in_step();
        let quote =
            change.after.as_ref().or(change.before.as_ref()).map(|a| excerpt(&a.target.exact, 60)).unwrap_or_default();
        self.announce(&(self.t().change_spoken)(verb, &quote));
    }

    /// After the store changed: the sidebar listing is rebuilt on the next render, the open editor
    /// drops annotations that are gone (closing when none is left), and the active marks follow.
    fn keep_views_in_step(&mut self) {
        self.listing.replace(None);
        if let Some(editor) = &mut self.editor {
            editor.ids.retain(|id| self.store.get(id).is_some());
            if editor.ids.is_empty() {
                self.editor = None;
            }
        }
        self.refresh_active();
    }

    fn refresh_active(&self) {
        let Some(painter) = &self.painter else { return };
        let spans: Vec<(usize, usize)> = self
            .editor
            .iter()
            .flat_map(|e| e.ids.iter())
            .filter_map(|id| self.store.get(id))
            .map(|a| (a.target.start, a.target.end))
            .collect();
        painter.set_active(&self.doc, &spans);
    }

    fn open_at_point(&mut self, x: f64, y: f64) -> bool {
        if self.pending.is_some() {
            return false;
        }
        let Some(pos) = self.dom().and_then(|d| d.char_at_point(&self.doc, x, y)) else { return false };
        let ids: Vec<Uuid> = self.store.at(pos).iter().map(|a| a.id).collect();
        self.commit_all_notes();
        if ids.is_empty() {
            self.close_editor();
            return true;
        }
        let first = self.store.get(&ids[0]).map(|a| (a.target.start, a.target.end)).unwrap_or((pos, pos + 1));
        let (top, left) = self.below_span(first.0, first.1);
        self.editor = Some(EditorAt { ids, top, left });
        self.refresh_active();
        true
    }

    fn open_from_list(&mut self, id: Uuid) -> bool {
        let Some((start, end)) = self.store.get(&id).map(|a| (a.target.start, a.target.end)) else { return false };
        self.commit_all_notes();
        self.set_pending(None);
        if let Some(dom) = self.dom() {
            if let Some(element) = self.doc.block_index_at(start).and_then(|i| dom.block_element(i)) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        if let Some(painter) = &self.painter {
            painter.flash(&self.doc, start, end);
        }
        let (top, left) = self.below_span(start, end);
        self.editor = Some(EditorAt { ids: vec![id], top, left });
        self.focus_editor = true;
        self.refresh_active();
        true
    }

    /// Scrolls the passage's paragraph into view and flashes the passage (from the class view).
    fn show_passage(&mut self, start: usize, end: usize) {
        if let Some(element) =
            self.dom().and_then(|dom| self.doc.block_index_at(start).and_then(|i| dom.block_element(i)))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
        if let Some(painter) = &self.painter {
            painter.flash(&self.doc, start, end);
        }
    }

    fn close_editor(&mut self) {
        self.commit_all_notes();
        self.editor = None;
        self.refresh_active();
    }

    fn key_down(&mut self, ctx: &Context<Self>, event: &KeyboardEvent) -> bool {
        let key = event.key();
        let ctrl = event.ctrl_key() || event.meta_key();
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let in_field = target.as_ref().is_some_and(is_text_field);
        if key == "Escape" {
            if self.dialog_open() {
                self.help_open = false;
                self.new_article_open = false;
                self.library_open = false;
                self.settings_open = false;
                self.export_open = false;
                self.import = None;
                self.class_open = false;
            } else if self.editor.is_some() {
                self.close_editor();
            } else if self.pending.is_some() {
                if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                    let _ = selection.remove_all_ranges();
                }
                self.set_pending(None);
            }
            return true;
        }
        if self.dialog_open() {
            // Tab inside the dialog was handled where the event arrived (document_listeners).
            return false;
        }
        if ctrl && !event.alt_key() && !in_field && (key.eq_ignore_ascii_case("z") || key.eq_ignore_ascii_case("y")) {
            event.prevent_default();
            let redo = key.eq_ignore_ascii_case("y") || event.shift_key();
            ctx.link().send_message(if redo { Msg::Redo } else { Msg::Undo });
            return false;
        }
        if in_field {
            return false;
        }
        // A key can arrive before the browser reports the last selection change (a fast Shift+→
        // then 1 or Tab); read the selection now so the key acts on what the user sees.
        let changed = self.selection_changed();
        let plain = !ctrl && !event.alt_key();
        if plain && self.pending.is_some() {
            let mut chars = key.chars();
            let single = chars.next().filter(|_| chars.next().is_none());
            if let Some(tag) = single.and_then(|c| self.tags.by_key(c)) {
                event.prevent_default();
                ctx.link().send_message(Msg::CreateWithTag(tag.id.clone()));
                return changed;
            }
        }
        if plain && key == "?" {
            self.help_open = true;
            return true;
        }
        let on_article = match (&target, self.article_ref.cast::<Element>()) {
            (Some(t), Some(article)) => article.contains(Some(t)),
            _ => false,
        };
        if on_article {
            return self.article_key(event, &key, ctrl) || changed;
        }
        changed
    }

    /// Keyboard annotating inside the focused article: paragraph moves, word and sentence selection.
    fn article_key(&mut self, event: &KeyboardEvent, key: &str, ctrl: bool) -> bool {
        let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return false };
        let only_alt = event.alt_key() && !ctrl && !event.shift_key();
        if only_alt && matches!(key, "ArrowDown" | "ArrowUp") {
            event.prevent_default();
            return self.step_annotation(key == "ArrowDown");
        }
        let plain_enter = key == "Enter" && !ctrl && !event.alt_key() && !event.shift_key();
        if plain_enter && self.pending.is_none() && self.edit_at_caret() {
            event.prevent_default();
            return true;
        }
        match (key, ctrl, event.shift_key()) {
            ("ArrowDown" | "ArrowUp", true, false) => {
                event.prevent_default();
                let last = self.doc.blocks().len().saturating_sub(1);
                self.current_block = if key == "ArrowDown" {
                    (self.current_block + 1).min(last)
                } else {
                    self.current_block.saturating_sub(1)
                };
                self.place_caret();
                self.announce_block();
                true
            }
            ("Tab", false, false) if self.pending.is_some() => {
                // Tab from a selection goes straight to its toolbar instead of the sidebar.
                if let Some(button) =
                    self.toolbar_ref.cast::<Element>().and_then(|t| t.query_selector("button").ok().flatten())
                {
                    event.prevent_default();
                    let _ = button.unchecked_into::<DomElement>().focus();
                }
                false
            }
            ("ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", false, true) => {
                event.prevent_default();
                if self.pending.is_none()
                    && (selection.is_collapsed() || self.dom().and_then(|d| d.selection(&self.doc)).is_none())
                {
                    let caret_in_article = selection.is_collapsed()
                        && selection
                            .anchor_node()
                            .zip(self.article_ref.cast::<Element>())
                            .is_some_and(|(n, a)| a.contains(Some(&n)));
                    if !caret_in_article {
                        self.place_caret();
                    }
                }
                let direction = if matches!(key, "ArrowRight" | "ArrowDown") { "forward" } else { "backward" };
                let unit = if matches!(key, "ArrowRight" | "ArrowLeft") { "word" } else { "sentence" };
                let _ = selection.modify("extend", direction, unit);
                false
            }
            _ => false,
        }
    }

    /// Puts a collapsed selection at the start of the current paragraph, outlines it and scrolls to it.
    fn place_caret(&self) {
        let Some(dom) = self.dom() else { return };
        if let Some(root) = self.article_ref.cast::<Element>() {
            if let Ok(previous) = root.query_selector_all(".current-block") {
                for i in 0..previous.length() {
                    if let Some(element) = previous.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        let _ = element.class_list().remove_1("current-block");
                    }
                }
            }
        }
        let Some(element) = dom.block_element(self.current_block) else { return };
        let _ = element.class_list().add_1("current-block");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        dom.place_caret(self.current_block);
    }

    /// Downloads this article's annotations (unplaced ones included) in the chosen format.
    fn export_as(&mut self, kind: ExportKind) {
        clock::mark("marginalia:export-start");
        self.commit_all_notes();
        let now = clock::now();
        let info = ExportInfo { source: self.doc.meta().source.as_deref(), by: &self.author, at: now };
        let annotations = self.store.in_order().chain(self.orphans.iter());
        let (name, mime, contents) = kind.render(&self.doc, &self.tags, annotations, &info);
        match download::download(&name, mime, &contents, self.t()) {
            Ok(()) => {
                // Writing the cookie took about 8 ms (Chromium answers `document.cookie` through
                // its network service); it follows in the next task, after the file is handed over.
                gloo::timers::callback::Timeout::new(0, move || eviction::note_export(&name, now)).forget();
                self.announce(&(self.t().exported)(self.store.len() + self.orphans.len()))
            }
            Err(message) => self.set_notice(message),
        }
        clock::mark("marginalia:export-done");
    }

    /// Downloads a starter pack for students: no annotations, this article's tag set, the lock
    /// flag and (when `key`) the user's annotations as the answer key, which is also kept here
    /// (unlocked and revealed) so the class view can score students against it.
    fn export_starter(&mut self, lock: bool, key: bool) {
        self.commit_all_notes();
        let info = ExportInfo { source: self.doc.meta().source.as_deref(), by: &self.author, at: clock::now() };
        let answer_key: Vec<Annotation> =
            if key { self.store.in_order().chain(self.orphans.iter()).cloned().collect() } else { Vec::new() };
        let contents = pack::starter(&self.doc, &self.tags, &answer_key, lock, &info);
        match download::download(&pack::starter_file_name(&self.doc), "application/json", &contents, self.t()) {
            Ok(()) => {
                if key {
                    self.save_classroom(ClassroomState { lock_tags: false, answer_key, revealed: true });
                }
                self.announce(self.t().starter_exported);
            }
            Err(message) => self.set_notice(message),
        }
    }

    /// Makes `classroom` this article's classroom state, saved.
    fn save_classroom(&mut self, classroom: ClassroomState) {
        let protected = self.protected_keys();
        if self.storage.save_classroom(&classroom, &protected).is_err() {
            self.set_notice(self.t().starter_not_saved.into());
        }
        self.classroom = Some(classroom);
    }

    /// Whether a teacher's starter pack locked this article's tag set.
    fn tags_locked(&self) -> bool {
        self.classroom.as_ref().is_some_and(|c| c.lock_tags)
    }

    /// Every version of every annotation of this article: the store's, the unplaced and the other versions.
    fn merged(&self) -> Merged {
        Merged::from_annotations(self.store.in_order().chain(&self.orphans).chain(&self.conflicts).cloned())
    }

    /// Reads, validates and re-anchors the chosen files and shows the report; nothing changes yet.
    fn plan_import(&mut self, read: &[(String, Vec<u8>)]) {
        clock::mark("marginalia:import-start");
        self.commit_all_notes();
        let before = self.merged();
        let files: Vec<ImportFile> = read.iter().map(|(name, bytes)| ImportFile { name, bytes }).collect();
        let plan = plan_import(&self.doc, &self.tags, &before, &files);
        // A single pack made on another article: offer to open that article instead.
        let other = match (read, plan.reports.first().map(|r| &r.outcome)) {
            ([(_, bytes)], Some(Ok(summary))) if summary.same_article == Some(false) => {
                Pack::from_bytes(bytes).ok().and_then(|(pack, _)| {
                    let source = pack.article.source.clone();
                    pack.document().map(|doc| {
                        let mut meta = doc.meta().clone();
                        meta.source = source;
                        Document::from_blocks(doc.title(), meta, doc.raw_blocks())
                    })
                })
            }
            _ => None,
        };
        self.import = Some(PendingImport { plan, before, other });
        clock::mark("marginalia:import-planned");
    }

    /// Applies the shown import as one undoable step; unplaced annotations and other versions go to the side lists.
    fn apply_import(&mut self) {
        let Some(import) = self.import.take() else { return };
        self.evicted = None;
        clock::mark("marginalia:import-apply-start");
        let changes = import.plan.changes(&import.before);
        let mut commands = Vec::new();
        let mut orphaned = 0;
        let mut new_orphans = Vec::new();
        for change in changes {
            let Some(annotation) = change.after else { continue };
            let id = annotation.id;
            let in_store = self.store.get(&id).is_some();
            match import.plan.status.get(&id).copied() {
                Some(Anchored::Orphaned) | None => {
                    orphaned += 1;
                    if in_store {
                        commands.push(Command::Delete { id });
                    }
                    new_orphans.push(annotation);
                }
                Some(_) => {
                    // The plan placed it already (its target describes this article's text).
                    commands.push(if in_store { Command::Replace(annotation) } else { Command::Create(annotation) });
                }
            }
        }
        // Every changed id leaves the unplaced list, in one pass (one per change was quadratic
        // when thousands of imported annotations found no place); the unplaced ones rejoin it.
        self.orphans.retain(|a| !import.plan.changed(&import.before, &a.id));
        self.orphans.extend(new_orphans);
        self.conflicts =
            import.plan.merged.conflicts().into_iter().flat_map(|c| c.others.into_iter().cloned()).collect();
        if import.plan.tags != *self.tags {
            // Tags the files brought join the article's tag set, so their annotations show in colour
            // (a starter pack's tag set replaces it).
            self.set_tags(import.plan.tags.clone());
        }
        if let Some(classroom) = &import.plan.classroom {
            // The answer key is kept aside, hidden until revealed; it never joins the annotations.
            let revealed = self.classroom.as_ref().is_some_and(|c| c.revealed && c.answer_key == classroom.answer_key);
            self.save_classroom(ClassroomState {
                lock_tags: classroom.lock_tags,
                answer_key: classroom.answer_key.clone(),
                revealed,
            });
        }
        let placed = commands.iter().filter(|c| !matches!(c, Command::Delete { .. })).count();
        if !commands.is_empty() {
            match self.store.apply_batch(commands) {
                Ok(step) => self.after_changes(&step, self.t().imported),
                Err(error) => self.set_notice((self.t().import_failed)(&error.message(self.t()))),
            }
        }
        self.save_side(SideList::Orphans);
        self.save_side(SideList::Conflicts);
        self.announce(&(self.t().imported_summary)(placed, orphaned));
        clock::mark("marginalia:import-applied");
    }

    /// Attaches the orphan being re-attached to the current selection.
    fn attach_here(&mut self) {
        let (Some(id), Some(pending)) = (self.reattach, self.pending) else { return };
        let Some(orphan) = self.orphans.iter().find(|a| a.id == id).cloned() else { return };
        let Some(attached) = reanchor::reattach(&self.doc, &orphan, pending.start, pending.end, clock::now()) else {
            self.set_notice(self.t().selection_cannot_hold.into());
            return;
        };
        let command =
            if self.store.get(&id).is_some() { Command::Replace(attached) } else { Command::Create(attached) };
        if self.run(command) {
            self.orphans.retain(|a| a.id != id);
            self.save_side(SideList::Orphans);
            self.reattach = None;
            if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
                let _ = selection.remove_all_ranges();
            }
            self.set_pending(None);
        }
    }

    /// Applies a tag set edit: the annotations it touches change in one undoable step.
    fn edit_tags(&mut self, edit: TagEdit) {
        if self.tags_locked() {
            return self.set_notice(self.t().teacher_locked.into());
        }
        self.commit_all_notes();
        match tag_edit::edit(&self.tags, edit, self.store.in_order(), clock::now()) {
            Ok(edited) => {
                let commands = edited.commands();
                if !commands.is_empty() {
                    match self.store.apply_batch(commands) {
                        Ok(step) => self.after_changes(&step, self.t().tag_changed),
                        Err(error) => return self.set_notice(error.message(self.t())),
                    }
                }
                self.set_tags(edited.tags);
            }
            Err(error) => self.set_notice(error.message(self.t())),
        }
    }

    /// Makes `tags` the article's tag set: saved, restyled and repainted.
    fn set_tags(&mut self, tags: TagSet) {
        let protected = self.protected_keys();
        if self.storage.save_tags(&tags, &protected).is_err() {
            self.set_notice(self.t().tags_not_saved.into());
        }
        self.tags = Rc::new(tags);
        self.listing.replace(None);
        // Highlights are registered per tag position, so the painter is rebuilt for the new set.
        self.painter = None;
        self.needs_painter = true;
    }

    fn save_side(&mut self, list: SideList) {
        let items = match list {
            SideList::Orphans => self.orphans.clone(),
            SideList::Conflicts => self.conflicts.clone(),
        };
        let protected = self.protected_keys();
        let _ = self.storage.save_side(list, &items, &protected);
    }

    fn export_backup(&mut self) {
        let backup: serde_json::Map<String, serde_json::Value> =
            self.unreadable.iter().map(|u| (u.key.clone(), serde_json::Value::String(u.raw.clone()))).collect();
        let json = crate::domain::json_out::pretty_text(&serde_json::Value::Object(backup));
        if let Err(message) =
            download::download("marginalia-unreadable-backup.json", "application/json", &json, self.t())
        {
            self.notice = Some(message);
        }
    }

    fn protected_keys(&self) -> Vec<String> {
        self.unreadable.iter().map(|u| u.key.clone()).collect()
    }

    /// The texts of the UI language.
    fn t(&self) -> &'static Texts {
        self.lang.texts()
    }

    fn announce(&mut self, message: &str) {
        // The same words again must still change the live region, or screen readers stay silent.
        self.announcement = if self.announcement == message { format!("{message}\u{a0}") } else { message.to_string() };
    }
}

/// The article to open on start: the one open last, else the bundled sample.
fn initial_document(sample: &Rc<Document>, t: &Texts) -> (Rc<Document>, Option<String>) {
    match library::last_open() {
        Some(key) if key != sample.hash().short() => match library::load(&key, t) {
            Ok((doc, _)) => (Rc::new(doc), None),
            Err(message) => (sample.clone(), Some((t.reopen_failed)(&message))),
        },
        _ => (sample.clone(), None),
    }
}

/// One article's stored state: its annotations, what could not be read, and its side lists.
struct Session {
    tags: TagSet,
    storage: AnnotationStorage,
    store: Store,
    unreadable: Vec<Unreadable>,
    orphans: Vec<Annotation>,
    conflicts: Vec<Annotation>,
    classroom: Option<ClassroomState>,
}

/// Opens storage for an article and loads its side lists, tags and classroom state, and its
/// annotations too when `with_annotations` (else `App::load_annotations` reads them later).
fn open_session(doc: &Document, with_annotations: bool) -> Session {
    let mut storage = AnnotationStorage::open(doc.hash().clone());
    let (annotations, mut unreadable) = if with_annotations {
        clock::mark("marginalia:annotations-load-start");
        let loaded = storage.load();
        (loaded.annotations, loaded.unreadable)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut side = |list| {
        storage.load_side(list).unwrap_or_else(|u| {
            unreadable.push(u);
            Vec::new()
        })
    };
    let orphans = side(SideList::Orphans);
    let conflicts = side(SideList::Conflicts);
    let tags = storage.load_tags().unwrap_or_else(|u| {
        unreadable.push(u);
        None
    });
    let classroom = storage.load_classroom().unwrap_or_else(|u| {
        unreadable.push(u);
        None
    });
    Session {
        classroom,
        tags: tags.unwrap_or_default(),
        store: Store::from_annotations(annotations),
        storage,
        unreadable,
        orphans,
        conflicts,
    }
}

/// Describes the article's paragraphs for screen readers just after the next paint, where writing
/// them (about 20 ms for 1,000 annotations) does not delay what the reader sees.
fn describe_after_paint(ctx: &Context<App>) {
    let link = ctx.link().clone();
    clock::after_next_paint(move || link.send_message(Msg::DescribeBlocks));
}

/// True for elements where keys type text, so shortcuts must leave them alone.
fn is_text_field(element: &Element) -> bool {
    let tag = element.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.dyn_ref::<DomElement>().is_some_and(|e| e.is_content_editable())
}

/// Drag-and-drop of files onto the page: shows the drop overlay and opens what is dropped.
fn drag_listener(document: &web_sys::Document, name: &'static str, link: &yew::html::Scope<App>) -> EventListener {
    let link = link.clone();
    EventListener::new_with_options(document, name, EventListenerOptions::enable_prevent_default(), move |event| {
        let Some(drag) = event.dyn_ref::<web_sys::DragEvent>() else { return };
        let has_files = drag.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if !has_files {
            return;
        }
        event.prevent_default();
        match name {
            "dragover" => link.send_message(Msg::Dragging(true)),
            // Leaving for a child element also fires dragleave; only leaving the window (no related target) counts.
            "dragleave" if drag.related_target().is_none() => link.send_message(Msg::Dragging(false)),
            "drop" => {
                link.send_message(Msg::FilesChosen(files::files_of(drag.data_transfer().and_then(|d| d.files()))))
            }
            _ => {}
        }
    })
}

/// Listeners on the whole document: selection, pointer, keys and leaving the page.
fn document_listeners(ctx: &Context<App>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let Some(document) = window.document() else { return Vec::new() };
    let link = ctx.link();
    let passive = EventListenerOptions::default();
    let on = |target: &web_sys::EventTarget, name: &'static str, msg: fn(&web_sys::Event) -> Option<Msg>| {
        let link = link.clone();
        EventListener::new_with_options(target, name, passive, move |event| {
            if let Some(message) = msg(event) {
                link.send_message(message);
            }
        })
    };
    let keys = {
        let link = link.clone();
        EventListener::new_with_options(
            &document,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if let Some(event) = e.dyn_ref::<KeyboardEvent>() {
                    // Tab is kept inside an open dialog here, in the event itself: yew handles
                    // messages a microtask later, and the browser must not move focus first.
                    if focus::contain_tab(event) {
                        return;
                    }
                    link.send_message(Msg::KeyDown(event.clone()));
                }
            },
        )
    };
    vec![
        EventListener::new(&document, "focusin", |event| {
            if let Some(event) = event.dyn_ref::<web_sys::FocusEvent>() {
                focus::keep_in_modal(event);
            }
        }),
        on(&document, "selectionchange", |_| Some(Msg::SelectionChanged)),
        on(&document, "pointerdown", |_| Some(Msg::PointerDown)),
        on(&document, "pointerup", |_| Some(Msg::PointerUp)),
        on(&window, "pagehide", |_| Some(Msg::PageHide)),
        on(&window, "scroll", |_| Some(Msg::ViewportMoved)),
        on(&window, "resize", |_| Some(Msg::ViewportMoved)),
        on(&window, "beforeprint", |_| Some(Msg::Printing(true))),
        on(&window, "afterprint", |_| Some(Msg::Printing(false))),
        on(&document, "visibilitychange", |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
            hidden.then_some(Msg::PageHide)
        }),
        keys,
        drag_listener(&document, "dragover", link),
        drag_listener(&document, "dragleave", link),
        drag_listener(&document, "drop", link),
    ]
}
