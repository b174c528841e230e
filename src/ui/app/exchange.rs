//! Files in and out of the open article: exports, the teacher's starter pack, planning and applying an import, attaching an unplaced annotation, tag set edits, and the backup of unreadable values.

use std::rc::Rc;

use yew::prelude::*;

use super::{App, Dialog, Msg};
use crate::domain::annotation::tag_edit::TagEdit;
use crate::domain::annotation::time_from_millis;
use crate::domain::format;
use crate::domain::format::export::{pack_file, ExportKind};
use crate::domain::format::import::ImportFile;
use crate::domain::format::pack::{self, ExportInfo};
use crate::domain::session::SessionError;
use crate::domain::storage;
use crate::ui::browser::class_module::{self, ModuleReader};
use crate::ui::browser::{clock, dom, download, eviction, files, form};
use crate::ui::settings::TagFieldError;
use time::OffsetDateTime;

impl App {
    /// Handles the messages about files in and out, side lists, tag edits and settings that change the session.
    pub(super) fn update_exchange(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Export => {
                self.export_as(ctx, ExportKind::Pack);
                true
            }
            Msg::ShowExport(open) => {
                self.show(open.then_some(Dialog::Export { then_new_student: false }));
                true
            }
            Msg::ExportAs(kind) => {
                let back = matches!(self.dialog, Some(Dialog::Export { then_new_student: true }));
                self.dialog = None;
                self.export_as(ctx, kind);
                if back {
                    self.show_new_student();
                }
                true
            }
            Msg::OpenImportDialog => {
                form::choose_files(&self.import_input);
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
                    // The readers of annotation files are in the second module (docs/size.md).
                    let readers = class_module::ModuleReader::load().await;
                    link.send_message(Msg::ImportRead(read, unread, readers));
                });
                true
            }
            Msg::ImportRead(read, unread, readers) => {
                let Ok(mut readers) = readers else {
                    // Nothing changes; the browser's reason names files and addresses, not for people.
                    self.set_notice(self.lang.hand_in().readers_unavailable.into());
                    return true;
                };
                self.plan_import(&read, &mut readers);
                if let Some(Dialog::Import(import)) = &mut self.dialog {
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
                self.dialog = None;
                true
            }
            Msg::OpenImportedArticle => {
                let other = match self.dialog.take() {
                    Some(Dialog::Import(import)) => import.other,
                    _ => None,
                };
                if let Some(doc) = other {
                    self.add_document(doc, None);
                    self.set_notice(self.t().pack_article_open.into());
                }
                true
            }
            Msg::StarterPack(lock, key, instructions) => {
                self.dialog = None;
                self.export_starter(lock, key, &instructions);
                true
            }
            Msg::ExportBackup => {
                self.export_backup();
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
                let result = self.session.discard_orphan(id);
                if self.reattach == Some(id) {
                    self.reattach = None;
                }
                self.carry_out(result, self.t().unplaced_deleted);
                true
            }
            Msg::UseVersion(index) => {
                let result = self.session.use_version(index);
                self.carry_out(result, self.t().annotation_replaced);
                true
            }
            Msg::DiscardVersion(index) => {
                let result = self.session.discard_version(index);
                self.carry_out(result, self.t().version_discarded);
                true
            }
            Msg::EditTags(edit) => {
                self.edit_tags(edit);
                true
            }
            Msg::RevealAnswerKey => {
                let effects = self.session.reveal_key();
                self.carry_out_quietly(effects);
                self.check_key(ctx);
                true
            }
            Msg::KeyFound(found) => {
                self.key_found = Some(found.map(Rc::new).map_err(drop));
                true
            }
            Msg::KeepAnswerKey(key) => {
                let effects = self.session.keep_answer_key(key);
                self.carry_out_quietly(effects);
                false
            }
            Msg::SetAuthor(name) => {
                let effects = self.session.set_author(&name);
                self.carry_out_quietly(effects);
                true
            }
            Msg::Exported { name, mime, contents, at, count } => {
                self.hand_over(&name, &mime, &contents, at, count, false);
                true
            }
            _ => false,
        }
    }

    /// Downloads this article's annotations (unplaced ones and other versions included) in the
    /// chosen format: the pack at once; the other formats from the second module, which renders
    /// them (`Msg::Exported`), so the first visit's wasm carries none of their writers.
    pub(super) fn export_as(&mut self, ctx: &Context<Self>, kind: ExportKind) {
        clock::mark("marginalia:export-start");
        self.commit_all_notes();
        let at_ms = clock::now_millis();
        let now = time_from_millis(at_ms);
        let session = &self.session;
        let count = session.own_store().len() + session.orphans().len();
        // The other versions of conflicts follow the current ones (only the pack keeps them).
        let annotations = session.all_annotations().chain(session.conflicts().iter());
        if kind == ExportKind::Pack {
            let info = ExportInfo { source: session.doc().meta().source.as_deref(), by: session.author(), at: now };
            let (name, contents) = pack_file(session.doc(), session.tags(), annotations, &info);
            return self.hand_over(&name, "application/json", &contents, now, count, true);
        }
        let index = ExportKind::ALL.iter().position(|k| *k == kind).unwrap_or_default();
        let list: Vec<_> = annotations.cloned().collect();
        let (article, tags, list) = (
            storage::encode_article(session.doc(), now),
            storage::encode_tags(session.tags()),
            storage::encode_list(&list),
        );
        let (link, by, lang) = (ctx.link().clone(), session.author().to_string(), self.lang.code());
        wasm_bindgen_futures::spawn_local(async move {
            let message = match class_module::render_export(index, article, tags, list, by, at_ms, lang).await {
                Ok((name, mime, contents)) => Msg::Exported { name, mime, contents, at: now, count },
                Err(why) => Msg::LoadFailed(why),
            };
            link.send_message(message);
        });
    }

    /// Hands a rendered export to the browser as a download, and notes it for eviction checks.
    /// `pack`: the file is the pack, which makes this article's work count as exported.
    pub(super) fn hand_over(
        &mut self,
        name: &str,
        mime: &str,
        contents: &str,
        now: OffsetDateTime,
        count: usize,
        pack: bool,
    ) {
        match download::download(name, mime, contents, self.t()) {
            Ok(()) => {
                if pack {
                    self.session.mark_exported();
                }
                // Writing the cookie took about 8 ms (Chromium answers `document.cookie` through
                // its network service); it follows in the next task, after the file is handed over.
                let name = name.to_string();
                gloo::timers::callback::Timeout::new(0, move || eviction::note_export(&name, now)).forget();
                self.announce(&(self.t().exported)(count))
            }
            Err(message) => self.set_notice(message),
        }
        clock::mark("marginalia:export-done");
    }

    /// Downloads a starter pack for students: no annotations, this article's tag set, the lock
    /// flag and the instructions. Never the answer key: when `key`, the user's annotations are
    /// kept here (unlocked and revealed) as the key the class view scores students against.
    pub(super) fn export_starter(&mut self, lock: bool, key: bool, instructions: &str) {
        self.commit_all_notes();
        let session = &self.session;
        let info =
            ExportInfo { source: session.doc().meta().source.as_deref(), by: session.author(), at: clock::now() };
        let contents = pack::starter(session.doc(), session.tags(), lock, instructions, &info);
        match download::download(&pack::starter_file_name(session.doc()), "application/json", &contents, self.t()) {
            Ok(()) => {
                if key {
                    let answer_key = self.session.all_annotations().cloned().collect();
                    let effects = self.session.keep_answer_key(answer_key);
                    self.carry_out_quietly(effects);
                }
                self.announce(self.t().starter_exported);
            }
            Err(message) => self.set_notice(message),
        }
    }

    /// Reads, validates and re-anchors the chosen files and shows the report; nothing changes yet.
    pub(super) fn plan_import(&mut self, read: &[(String, Vec<u8>)], readers: &mut ModuleReader) {
        clock::mark("marginalia:import-start");
        self.commit_all_notes();
        let files: Vec<ImportFile> = read.iter().map(|(name, bytes)| ImportFile { name, bytes }).collect();
        let import = self.session.plan_import_with(&files, readers);
        self.dialog = Some(Dialog::Import(Box::new(import)));
        clock::mark("marginalia:import-planned");
    }

    /// Applies the shown import as one undoable step (annotations, tags, side lists, classroom state).
    pub(super) fn apply_import(&mut self) {
        let Some(Dialog::Import(import)) = self.dialog.take() else { return };
        self.evicted = None;
        clock::mark("marginalia:import-apply-start");
        match self.session.apply_import(&import) {
            Ok((effects, imported)) => {
                self.carry_out(Ok(effects), self.t().imported);
                self.announce(&(self.t().imported_summary)(imported.placed, imported.unplaced));
            }
            Err(error) => self.set_notice((self.t().import_failed)(&error.message(self.t()))),
        }
        clock::mark("marginalia:import-applied");
    }

    /// Attaches the orphan being re-attached to the current selection.
    pub(super) fn attach_here(&mut self) {
        let (Some(id), Some(pending)) = (self.reattach, self.pending) else { return };
        let result = self.session.attach(id, pending.start, pending.end, clock::now());
        if let Err(SessionError::CannotHold) = result {
            return self.set_notice(self.t().selection_cannot_hold.into());
        }
        if self.carry_out(result, self.t().annotation_replaced) {
            self.reattach = None;
            dom::clear_selection();
            self.set_pending(None);
        }
    }

    /// Applies a tag set edit: the set and the annotations it touches change in one undoable step.
    /// A refused edit is shown in Settings next to the field it came from, not in the page's banner.
    pub(super) fn edit_tags(&mut self, edit: TagEdit) {
        self.commit_all_notes();
        let in_settings = matches!(self.dialog, Some(Dialog::Settings(_)));
        let result = self.session.edit_tags(edit.clone(), clock::now());
        match result {
            Err(error @ (SessionError::Tag(_) | SessionError::Locked | SessionError::KeyMode)) if in_settings => {
                let error = TagFieldError::new(&edit, error.message(self.t()));
                self.dialog = Some(Dialog::Settings(Some(Rc::new(error))));
            }
            result => {
                if self.carry_out(result, self.t().tag_changed) && in_settings {
                    self.dialog = Some(Dialog::Settings(None));
                }
            }
        }
    }

    /// Sets the tags of articles without a stored set: the preset chosen last, else the default
    /// set named in the UI's language (the open article's too, while its set is not stored).
    pub(super) fn name_default_tags(&mut self) {
        self.session.name_pack_presets(self.lang.presets().from_teacher);
        let defaults = self.session.preset_defaults();
        let defaults = defaults.unwrap_or_else(|| crate::domain::annotation::tags::TagSet::defaults(self.t()));
        let effects = self.session.use_default_tags(defaults);
        self.apply_effects(effects);
    }

    /// Downloads the values that could not be read, as they are stored.
    pub(super) fn export_backup(&mut self) {
        // Inserted one by one: `collect` into the map (a `BTreeMap`) compiles another copy of the
        // standard library's sort (`domain/text/sort.rs`); a later key wins either way.
        let mut backup = serde_json::Map::new();
        for u in self.session.unreadable() {
            backup.insert(u.key.clone(), serde_json::Value::String(u.raw.clone()));
        }
        let json = crate::domain::json::write::pretty_text(&serde_json::Value::Object(backup));
        if let Err(message) =
            download::download("marginalia-unreadable-backup.json", "application/json", &json, self.t())
        {
            self.notice = Some(message);
        }
    }
}
