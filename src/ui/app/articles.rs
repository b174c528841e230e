//! Opening articles: reading a file into a document, adding it to the library, and switching the session to it (asking first while changes wait to be saved).

use std::rc::Rc;

use yew::prelude::*;

use super::*;

impl App {
    /// Handles the messages about opening, pasting, listing, renaming and deleting articles.
    pub(super) fn update_articles(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::ShowNewArticle(open) => {
                self.show(open.then_some(Dialog::NewArticle));
                true
            }
            Msg::AddPasted(pasted) => {
                if pasted.html.is_some() {
                    // Pasted from a web page: read in the second module, like an HTML file (Msg::ArticleRead).
                    self.dialog = None;
                    let (link, lang, name) = (ctx.link().clone(), self.lang.code(), self.t().new_article.to_string());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = class_module::read_pasted(&pasted, lang).await;
                        link.send_message(Msg::ArticleRead { name, text: pasted.text, result, note: None });
                    });
                    return true;
                }
                let title = Some(pasted.title.as_str()).filter(|t| !t.trim().is_empty());
                match load_plain_text(&pasted.text, title, Some(pasted.source.as_str())) {
                    Ok(doc) => {
                        self.dialog = None;
                        self.add_document(doc, None);
                    }
                    Err(error) => self.set_notice(error.message(self.t())),
                }
                true
            }
            Msg::OpenFileDialog => {
                form::choose_files(&self.file_input);
                false
            }
            Msg::FilesChosen(files) => {
                self.dragging = false;
                // Annotation files dropped on the page are imported; anything else is opened as an article.
                let is_annotations = |f: &form::File| {
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
                match self.load_file(ctx, &name, &bytes) {
                    Ok(Some((doc, note))) => self.add_document(doc, note),
                    Ok(None) => {}
                    Err(message) => self.set_notice((self.t().cannot_open)(&name, &message)),
                }
                true
            }
            Msg::ArticleRead { name, text, result, note } => {
                match result {
                    Ok(doc) => self.add_document(doc, note),
                    Err(ReadError::NoArticle(message)) => {
                        self.set_notice((self.t().cannot_open)(&name, &message));
                        // Kept so the notice can offer to load the page's whole text instead.
                        self.unextracted = Some((name, text));
                        self.notice_action = Some(NoticeAction::LoadAllText);
                    }
                    Err(ReadError::Failed(message)) => self.set_notice((self.t().cannot_open)(&name, &message)),
                }
                true
            }
            Msg::LoadFailed(message) => {
                self.set_notice(message);
                true
            }
            Msg::LoadAllText => {
                if let Some((name, text)) = self.unextracted.take() {
                    self.read_in_module(ctx, name, text, true, true, None);
                }
                true
            }
            Msg::ShowLibrary(open) => {
                if open {
                    self.show_library();
                } else {
                    self.dialog = None;
                }
                true
            }
            Msg::OpenArticle(key) => {
                self.dialog = None;
                if key == self.sample.hash().short() {
                    self.open_document((*self.sample).clone());
                } else {
                    match library::load(&self.kv, self.session.queue(), &key, self.t()) {
                        Ok((doc, _)) => self.open_document(doc),
                        Err(message) => self.set_notice(message),
                    }
                }
                true
            }
            Msg::SwitchAnyway => {
                if let Some(Dialog::Unsaved(doc)) = self.dialog.take() {
                    self.switch_to(*doc);
                }
                true
            }
            Msg::ExportThenSwitch => {
                self.export_as(ctx, ExportKind::Pack);
                if let Some(Dialog::Unsaved(doc)) = self.dialog.take() {
                    self.switch_to(*doc);
                }
                true
            }
            Msg::RenameArticle(key, title) => {
                match library::rename(&self.kv, self.session.queue(), &key, &title, self.t()) {
                    Ok(()) if key == self.session.doc().hash().short() => {
                        self.session.retitle(&title);
                    }
                    Ok(()) => {}
                    Err(message) => self.set_notice(message),
                }
                self.save_soon();
                self.show_library();
                true
            }
            Msg::DeleteArticle(key) => {
                let t = self.t();
                match library::delete(&mut self.kv, self.session.queue(), &key, t) {
                    Ok(_) => {
                        // The bundled sample stays: deleting it clears its annotations.
                        let sample = key == self.sample.hash().short();
                        self.announce(if sample { self.lang.hand_in().sample_cleared } else { t.article_deleted });
                        if key == self.session.doc().hash().short() {
                            self.switch_to((*self.sample).clone());
                        }
                        self.show_library();
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
            _ => false,
        }
    }

    /// Reads a file into a document: plain text at once (`Ok(Some)`); an HTML page or a
    /// Markdown file through the second module, which answers with `Msg::ArticleRead` (`Ok(None)`).
    pub(super) fn load_file(
        &mut self,
        ctx: &Context<Self>,
        name: &str,
        bytes: &[u8],
    ) -> Result<Option<(Document, Option<String>)>, String> {
        self.unextracted = None;
        let t = self.t();
        let kind = FileKind::from_name(name)
            .ok_or_else(|| LoadError::UnsupportedType { name: name.to_string() }.message(t))?;
        let decoded = decode(bytes).map_err(|e| e.message(t))?;
        // The loader's one note says the encoding was guessed as Windows-1252.
        let note = decoded.note.map(|_| t.read_as_windows_1252.to_string());
        if kind == FileKind::PlainText {
            let doc = load_plain_text(&decoded.text, None, Some(name)).map_err(|e| e.message(t))?;
            return Ok(Some((doc, note)));
        }
        self.read_in_module(ctx, name.to_string(), decoded.text, kind == FileKind::Html, false, note);
        Ok(None)
    }

    /// Reads an HTML page or Markdown text in the second module (loaded on first use), then
    /// sends `Msg::ArticleRead`; `all_text` loads all of a page's text.
    pub(super) fn read_in_module(
        &self,
        ctx: &Context<Self>,
        name: String,
        text: String,
        html: bool,
        all_text: bool,
        note: Option<String>,
    ) {
        let (link, lang) = (ctx.link().clone(), self.lang.code());
        wasm_bindgen_futures::spawn_local(async move {
            let result = class_module::read_article(html, &text, &name, lang, all_text).await;
            link.send_message(Msg::ArticleRead { name, text, result, note });
        });
    }

    /// Adds a loaded article to the library and opens it; an article already there opens with its annotations.
    pub(super) fn add_document(&mut self, doc: Document, note: Option<String>) {
        let queue = self.session.queue().clone();
        let known = doc.hash() == self.sample.hash() || library::contains(&self.kv, &queue, doc.hash());
        let doc = if doc.hash() == self.sample.hash() {
            (*self.sample).clone()
        } else if known {
            library::load(&self.kv, &queue, doc.hash().short(), self.t()).map(|(stored, _)| stored).unwrap_or(doc)
        } else {
            // Queued like every other value: a full storage keeps it waiting, never drops it.
            library::save(&queue, &doc, clock::now());
            doc
        };
        self.open_document(doc);
        if known {
            self.set_notice((self.t().already_in_library)(self.session.doc().title(), self.session.own_store().len()));
        } else if let Some(note) = note {
            self.set_notice(note);
        }
    }

    /// Opens another article; while changes wait to be saved (full or blocked storage), asks
    /// first and offers to export them.
    pub(super) fn open_document(&mut self, doc: Document) {
        self.commit_all_notes();
        self.save_waiting();
        let waiting = self.session.queue().borrow().problem().is_some() && !self.session.queue().borrow().is_empty();
        if waiting && doc.hash() != self.session.doc().hash() {
            self.dialog = Some(Dialog::Unsaved(Box::new(doc)));
            return;
        }
        self.switch_to(doc);
    }

    /// Switches to another article: the session loads it (with whatever is still queued for
    /// it), and the queue keeps every write of the one left.
    pub(super) fn switch_to(&mut self, doc: Document) {
        self.commit_all_notes();
        clock::mark("marginalia:annotations-load-start");
        self.session.switch(Rc::new(doc), &mut self.kv);
        self.reset_views();
    }

    /// After the session opened an article (switched, or started fresh): the views start over
    /// on it (no selection, editor, drafts, filter or search; the painter rebuilt; the top of the page).
    pub(super) fn reset_views(&mut self) {
        self.painter = None;
        self.article_listener = None;
        library::set_last_open(self.session.doc().hash().short());
        self.announce(&(self.t().opened)(self.session.doc().title()));
        self.reattach = None;
        if matches!(self.dialog, Some(Dialog::Import(_) | Dialog::Unsaved(_))) {
            self.dialog = None;
        }
        self.pending = None;
        self.editor = None;
        self.note_drafts.clear();
        self.note_draft.clear();
        self.filter = None;
        self.query.clear();
        self.current_block = 0;
        self.listing.replace(None);
        self.impacts.replace(None);
        self.needs_painter = true;
        if self.notice_action.is_none() {
            self.notice = None;
        }
        dom::scroll_to_top();
        self.save_soon();
    }
}

/// The article to open on start: the one open last, else the bundled sample.
pub(super) fn initial_document(sample: &Rc<Document>, t: &Texts) -> (Rc<Document>, Option<String>) {
    match library::last_open() {
        Some(key) if key != sample.hash().short() => match library::load(&LocalKv, &SharedQueue::default(), &key, t) {
            Ok((doc, _)) => (Rc::new(doc), None),
            Err(message) => (sample.clone(), Some((t.reopen_failed)(&message))),
        },
        _ => (sample.clone(), None),
    }
}
