//! The app shell: owns the document, the annotation store and the adapters, and turns user actions into store commands.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::domain::anchor::describe;
use crate::domain::annotation::Annotation;
use crate::domain::document::Document;
use crate::domain::persist;
use crate::domain::plain_text::parse_plain_text;
use crate::domain::store::{Change, Command, Store};
use crate::domain::tags::{TagId, TagSet};
use crate::ui::article::ArticleView;
use crate::ui::banner::WarningBanner;
use crate::ui::browser::dom_text::DomText;
use crate::ui::browser::highlights::{self, Painter};
use crate::ui::browser::storage::{AnnotationStorage, StorageProblem, Unreadable};
use crate::ui::browser::{clock, download};
use crate::ui::editor::{excerpt, AnnotationEditor};
use crate::ui::help::HelpDialog;
use crate::ui::offline::OfflineStatus;
use crate::ui::sidebar::Sidebar;
use crate::ui::tag_styles;
use crate::ui::toolbar::SelectionToolbar;

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
    CloseEditor,
    Filter(Option<TagId>),
    Query(String),
    Export,
    ExportBackup,
    ShowHelp(bool),
    DismissNotice,
    PageHide,
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
    counts: Rc<Vec<usize>>,
}

/// The sidebar's callbacks, made once so its props compare equal across renders.
struct SidebarCallbacks {
    on_filter: Callback<Option<TagId>>,
    on_query: Callback<String>,
    on_open: Callback<Uuid>,
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
    pointer_down: bool,
    /// The paragraph the keyboard caret is in (Ctrl+↓ / Ctrl+↑ move it).
    current_block: usize,
    listing: RefCell<Option<Listing>>,
    sidebar_callbacks: SidebarCallbacks,
    listeners: Vec<EventListener>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let doc = Rc::new(parse_plain_text(SAMPLE_ARTICLE));
        let tags = Rc::new(TagSet::default());
        let mut storage = AnnotationStorage::open(doc.hash().clone());
        let loaded = storage.load();
        let store = Store::from_annotations(loaded.annotations);
        App {
            doc,
            tags,
            store,
            storage,
            unreadable: loaded.unreadable,
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
            notice: None,
            pointer_down: false,
            current_block: 0,
            listing: RefCell::new(None),
            sidebar_callbacks: SidebarCallbacks {
                on_filter: ctx.link().callback(Msg::Filter),
                on_query: ctx.link().callback(Msg::Query),
                on_open: ctx.link().callback(Msg::OpenFromList),
            },
            listeners: document_listeners(ctx),
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
                match self.store.undo() {
                    Some(change) => self.after_change(&change, "Undone"),
                    None => self.announce("Nothing to undo"),
                }
                true
            }
            Msg::Redo => {
                self.commit_all_notes();
                match self.store.redo() {
                    Some(change) => self.after_change(&change, "Redone"),
                    None => self.announce("Nothing to redo"),
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
                self.listing.replace(None);
                true
            }
            Msg::Query(query) => {
                self.query = query;
                self.listing.replace(None);
                true
            }
            Msg::Export => {
                self.export();
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
                true
            }
            Msg::PageHide => {
                self.commit_all_notes();
                let _ = self.storage.flush(&self.protected_keys());
                true
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        html! {
            <div class="app">
                <header class="topbar">
                    <span class="brand"><span class="brand-mark" aria-hidden="true"></span>{"Marginalia"}</span>
                    <nav class="actions" aria-label="Actions">
                        <button type="button" disabled={!self.store.can_undo()} aria-keyshortcuts="Control+Z"
                            title="Undo (Ctrl+Z)" onclick={link.callback(|_| Msg::Undo)}>{"Undo"}</button>
                        <button type="button" disabled={!self.store.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                            title="Redo (Ctrl+Shift+Z)" onclick={link.callback(|_| Msg::Redo)}>{"Redo"}</button>
                        <button type="button" title="Download this article's annotations as a JSON file"
                            onclick={link.callback(|_| Msg::Export)}>{"Export"}</button>
                        <button type="button" aria-keyshortcuts="?" onclick={link.callback(|_| Msg::ShowHelp(true))}>{"Help"}</button>
                    </nav>
                </header>
                { self.view_warnings(ctx) }
                <OfflineStatus on_export={link.callback(|_| Msg::Export)} />
                <main class="layout">
                    <div class="reading">
                        <p id="keyboard-hint" class="visually-hidden">
                            {"Select text to annotate it. Keyboard: Ctrl+Down and Ctrl+Up move between paragraphs, Shift+Right selects word by word, then press 1, 2 or 3 to tag."}
                        </p>
                        <ArticleView doc={self.doc.clone()} node_ref={self.article_ref.clone()} />
                    </div>
                    { self.view_sidebar() }
                </main>
                if let Some(pending) = self.pending {
                    <SelectionToolbar tags={self.tags.clone()} top={pending.top} left={pending.left}
                        note={AttrValue::from(self.note_draft.clone())} node_ref={self.toolbar_ref.clone()}
                        on_note={link.callback(Msg::NoteDraft)} on_tag={link.callback(Msg::CreateWithTag)} />
                }
                { self.view_editor(ctx) }
                if self.help_open {
                    <HelpDialog on_close={link.callback(|_| Msg::ShowHelp(false))} />
                }
                <div class="visually-hidden" role="status" aria-live="polite">{self.announcement.clone()}</div>
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            clock::mark("marginalia:article-rendered");
            self.attach_painter(ctx);
            clock::mark("marginalia:highlights-painted");
        }
        if std::mem::take(&mut self.focus_editor) {
            if let Some(button) =
                self.editor_ref.cast::<Element>().and_then(|e| e.query_selector(".tag-toggle").ok().flatten())
            {
                let _ = button.unchecked_into::<HtmlElement>().focus();
            }
        }
    }
}

impl App {
    fn view_warnings(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let storage_message = self.storage.problem().map(|problem| match problem {
            StorageProblem::Full => format!(
                "Browser storage is full, so {} change(s) are not saved yet. Your work is kept while this page stays open: use Export now to keep a copy.",
                self.storage.unsaved_count()
            ),
            StorageProblem::Unavailable(why) => format!(
                "This browser is not letting Marginalia save ({why}). Your annotations are kept while this page stays open: use Export now to keep a copy."
            ),
        });
        let unreadable_message = (!self.unreadable.is_empty()).then(|| {
            let first = &self.unreadable[0];
            format!(
                "{} saved annotation(s) could not be loaded because {}. They are kept in storage, untouched, and backed up; export the backup to keep a copy.",
                self.unreadable.len(),
                first.error
            )
        });
        html! {
            <>
                if let Some(message) = storage_message {
                    <WarningBanner message={message} action="Export now" on_action={link.callback(|_| Msg::Export)} />
                }
                if let Some(message) = unreadable_message {
                    <WarningBanner message={message} action="Export backup" on_action={link.callback(|_| Msg::ExportBackup)} />
                }
                if let Some(notice) = &self.notice {
                    <div class="notice" role="status">
                        <span>{notice.clone()}</span>
                        <button type="button" onclick={link.callback(|_| Msg::DismissNotice)}>{"Dismiss"}</button>
                    </div>
                }
            </>
        }
    }

    fn view_sidebar(&self) -> Html {
        let listing = self.listing.borrow_mut().get_or_insert_with(|| self.build_listing()).clone();
        let callbacks = &self.sidebar_callbacks;
        html! {
            <Sidebar tags={self.tags.clone()} entries={listing.entries} counts={listing.counts}
                total={self.store.len()} filter={self.filter.clone()} query={AttrValue::from(self.query.clone())}
                on_filter={callbacks.on_filter.clone()} on_query={callbacks.on_query.clone()}
                on_open={callbacks.on_open.clone()} />
        }
    }

    /// The sidebar's rows and counts; rebuilt only after a change, a filter or a search, so
    /// re-renders for selection or editor updates leave the sidebar untouched.
    fn build_listing(&self) -> Listing {
        let listed: Vec<Annotation> = if self.query.trim().is_empty() {
            self.store.in_order().cloned().collect()
        } else {
            self.store.search(&self.query).into_iter().cloned().collect()
        };
        let entries: Vec<Annotation> = match &self.filter {
            Some(tag) => listed.into_iter().filter(|a| a.has_tag(tag)).collect(),
            None => listed,
        };
        let by_tag = self.store.count_by_tag();
        let counts: Vec<usize> = self.tags.tags.iter().map(|t| by_tag.get(&t.id).copied().unwrap_or(0)).collect();
        Listing { entries: Rc::new(entries), counts: Rc::new(counts) }
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
        self.listeners.push(EventListener::new(&root, "click", move |event| {
            if let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() {
                link.send_message(Msg::ArticleClick(mouse.client_x() as f64, mouse.client_y() as f64));
            }
        }));
        let Some(dom) = DomText::collect(root, &self.doc) else {
            self.notice = Some("The article could not be prepared for highlighting.".into());
            ctx.link().send_message(Msg::ShowHelp(false));
            return;
        };
        match Painter::new(dom, &self.tags) {
            Some(mut painter) => {
                painter.paint_all(&self.doc, &self.store);
                self.painter = Some(painter);
            }
            None => {
                self.notice = Some(if highlights::supported() {
                    "Highlights could not be set up in this browser.".into()
                } else {
                    "This browser cannot show highlights (it lacks the CSS Custom Highlight API). Your annotations are still listed under Annotations; a current Chrome, Edge, Firefox or Safari shows them in the text.".into()
                });
                ctx.link().send_message(Msg::ShowHelp(false));
            }
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
        let snapped = dom.selection(&self.doc).and_then(|(s, e)| self.doc.snap_selection(s, e));
        let Some((start, end)) = snapped else {
            return self.set_pending(None);
        };
        if self.pending.is_some_and(|p| (p.start, p.end) == (start, end)) {
            return false;
        }
        dom.select(&self.doc, start, end);
        let (top, left) = self.below_span(start, end);
        self.editor = None;
        self.set_pending(Some(Pending { start, end, top, left }))
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
            self.announce("Select some text first");
            return true;
        };
        let now = clock::now();
        let annotation = Annotation {
            id: clock::new_id(),
            target: describe(&self.doc, pending.start, pending.end),
            tags: vec![tag.clone()],
            note: self.note_draft.trim().to_string(),
            author: String::new(),
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
                if let Some(article) = self.article_ref.cast::<HtmlElement>() {
                    let _ = article.focus();
                }
            }
            self.announce(&format!("Tagged as {}", self.tags.name_of(&tag)));
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
        if self.store.get(&id).is_some_and(|a| a.note != draft) {
            self.run(Command::SetNote { id, note: draft, at: clock::now() });
        }
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
            Command::Create(_) => "Annotation created",
            Command::SetTags { .. } => "Tags changed",
            Command::SetNote { .. } => "Note saved",
            Command::Delete { .. } => "Annotation deleted",
        };
        match self.store.apply(command) {
            Ok(change) => {
                self.after_change(&change, verb);
                true
            }
            Err(error) => {
                self.notice = Some(error.to_string());
                false
            }
        }
    }

    /// Repaints and saves what a change touched, and keeps the editor in step.
    fn after_change(&mut self, change: &Change, verb: &str) {
        if let Some(painter) = &mut self.painter {
            painter.apply(&self.doc, &self.store, change);
        }
        let _ = self.storage.save(change, &self.protected_keys());
        self.listing.replace(None);
        if let Some(editor) = &mut self.editor {
            editor.ids.retain(|id| self.store.get(id).is_some());
            if editor.ids.is_empty() {
                self.editor = None;
            }
        }
        self.refresh_active();
        let quote =
            change.after.as_ref().or(change.before.as_ref()).map(|a| excerpt(&a.target.exact, 60)).unwrap_or_default();
        self.announce(&format!("{verb}: “{quote}”"));
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
            if self.help_open {
                self.help_open = false;
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
        if self.help_open {
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
        let plain = !ctrl && !event.alt_key();
        if plain && self.pending.is_some() {
            if let Some(tag) = key.parse::<usize>().ok().and_then(|n| self.tags.by_hotkey(n)) {
                event.prevent_default();
                ctx.link().send_message(Msg::CreateWithTag(tag.id.clone()));
                return false;
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
            return self.article_key(event, &key, ctrl);
        }
        false
    }

    /// Keyboard annotating inside the focused article: paragraph moves, word and sentence selection.
    fn article_key(&mut self, event: &KeyboardEvent, key: &str, ctrl: bool) -> bool {
        let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else { return false };
        match (key, ctrl, event.shift_key()) {
            ("ArrowDown" | "ArrowUp", true, false) => {
                event.prevent_default();
                let last = self.doc.blocks().len().saturating_sub(1);
                self.current_block = if key == "ArrowDown" {
                    (self.current_block + 1).min(last)
                } else {
                    self.current_block.saturating_sub(1)
                };
                self.place_caret(&selection);
                false
            }
            ("Tab", false, false) if self.pending.is_some() => {
                // Tab from a selection goes straight to its toolbar instead of the sidebar.
                if let Some(button) =
                    self.toolbar_ref.cast::<Element>().and_then(|t| t.query_selector("button").ok().flatten())
                {
                    event.prevent_default();
                    let _ = button.unchecked_into::<HtmlElement>().focus();
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
                        self.place_caret(&selection);
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
    fn place_caret(&self, selection: &web_sys::Selection) {
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
        if let Some(text) = element.first_child() {
            let _ = selection.collapse_with_offset(Some(&text), 0);
        }
    }

    fn export(&mut self) {
        self.commit_all_notes();
        let json = persist::export_json(&self.doc, self.store.in_order(), clock::now());
        match download::download(&persist::export_file_name(&self.doc), "application/json", &json) {
            Ok(()) => self.announce(&format!("Exported {} annotation(s)", self.store.len())),
            Err(message) => self.notice = Some(message),
        }
    }

    fn export_backup(&mut self) {
        let backup: serde_json::Map<String, serde_json::Value> =
            self.unreadable.iter().map(|u| (u.key.clone(), serde_json::Value::String(u.raw.clone()))).collect();
        let json = serde_json::to_string_pretty(&backup).unwrap_or_default();
        if let Err(message) = download::download("marginalia-unreadable-backup.json", "application/json", &json) {
            self.notice = Some(message);
        }
    }

    fn protected_keys(&self) -> Vec<String> {
        self.unreadable.iter().map(|u| u.key.clone()).collect()
    }

    fn announce(&mut self, message: &str) {
        self.announcement = message.to_string();
    }
}

/// True for elements where keys type text, so shortcuts must leave them alone.
fn is_text_field(element: &Element) -> bool {
    let tag = element.tag_name();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.dyn_ref::<HtmlElement>().is_some_and(|e| e.is_content_editable())
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
                    link.send_message(Msg::KeyDown(event.clone()));
                }
            },
        )
    };
    vec![
        on(&document, "selectionchange", |_| Some(Msg::SelectionChanged)),
        on(&document, "pointerdown", |_| Some(Msg::PointerDown)),
        on(&document, "pointerup", |_| Some(Msg::PointerUp)),
        on(&window, "pagehide", |_| Some(Msg::PageHide)),
        on(&document, "visibilitychange", |_| {
            let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
            hidden.then_some(Msg::PageHide)
        }),
        keys,
    ]
}
