//! Parts of the page: the warnings, the sidebar, the open editor, and the painter attached once the article is in the DOM.

use crate::ui::browser::dom::{self, Element};
use gloo::events::EventListener;
use yew::prelude::*;

use super::*;

impl App {
    /// The whole page: top bar, warnings, article, sidebar, toolbar, editor and the open dialog.
    pub(super) fn view_app(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = self.t();
        let phone = &self.phone;
        let undo = |class: Option<&'static str>| {
            html! {
                <button type="button" class={classes!(class)} disabled={!self.session.can_undo()} aria-keyshortcuts="Control+Z"
                    title={t.undo_title} onclick={link.callback(|_| Msg::Undo)}>{t.undo}</button>
            }
        };
        // Export and Import are for her own annotations: off while the key is shown (key mode).
        let key_mode = self.session.in_key_mode();
        let off = |title: &'static str| if key_mode { self.lang.key_mode().how } else { title };
        let export = |class: Option<&'static str>| {
            html! {
                <button type="button" class={classes!(class)} title={off(t.export_title)} disabled={key_mode}
                    onclick={link.callback(|_| Msg::ShowExport(true))}>{t.export}</button>
            }
        };
        let phone_msg =
            |m: fn(bool) -> phone::PhoneMsg, open: bool| link.callback(move |_: MouseEvent| Msg::Phone(m(open)));
        html! {
            <ContextProvider<Lang> context={self.lang}>
            <div class="app">
                <a class="skip-link" href="#article">{t.skip_to_article}</a>
                <header class="topbar" onkeydown={link.callback(|e| Msg::Phone(phone::PhoneMsg::Key(e)))}>
                    <span class="brand"><span class="brand-mark" aria-hidden="true"></span>{"Marginalia"}</span>
                    // A phone's bar: the main actions, the Annotations drawer and the menu of the rest (CSS shows it on touch screens).
                    <div class="quick-actions">
                        { undo(None) }
                        { export(None) }
                        <button type="button" ref={phone.panel_button.clone()} aria-expanded={phone.panel_open.to_string()} aria-controls="side-column"
                            onclick={phone_msg(phone::PhoneMsg::Panel, !phone.panel_open)}>{t.annotations}</button>
                        <button type="button" ref={phone.menu_button.clone()} aria-expanded={phone.menu_open.to_string()} aria-controls="actions"
                            onclick={phone_msg(phone::PhoneMsg::Menu, !phone.menu_open)}>
                            <span class="menu-icon" aria-hidden="true"></span><span class="menu-label">{self.lang.phone().menu}</span></button>
                    </div>
                    <nav id="actions" class={classes!("actions", phone.menu_open.then_some("open"))} aria-label={t.actions}
                        onclick={link.callback(|e| Msg::Phone(phone::PhoneMsg::MenuClick(e)))}>
                        <button type="button" onclick={link.callback(|_| Msg::ShowLibrary(true))}>{t.library}</button>
                        if self.session.doc().hash() != self.sample.hash() {
                            <button type="button" title={t.sample_title}
                                onclick={link.callback({ let key = self.sample.hash().short().to_string(); move |_| Msg::OpenArticle(key.clone()) })}>{t.sample}</button>
                        }
                        <button type="button" onclick={link.callback(|_| Msg::ShowNewArticle(true))}>{t.new_article}</button>
                        <button type="button" title={t.open_file_title}
                            onclick={link.callback(|_| Msg::OpenFileDialog)}>{t.open_file}</button>
                        <input ref={self.file_input.clone()} type="file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                            accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                            onchange={link.callback(|e: Event| Msg::FilesChosen(form::files(&e)))} />
                        { undo(Some("in-quick")) }
                        <button type="button" disabled={!self.session.can_redo()} aria-keyshortcuts="Control+Shift+Z"
                            title={t.redo_title} onclick={link.callback(|_| Msg::Redo)}>{t.redo}</button>
                        <button type="button" title={off(t.import_title)} disabled={key_mode}
                            onclick={link.callback(|_| Msg::OpenImportDialog)}>{t.import}</button>
                        <input ref={self.import_input.clone()} type="file" multiple=true class="visually-hidden" tabindex="-1" aria-hidden="true"
                            accept=".json,.jsonld,application/json,application/ld+json"
                            onchange={link.callback(|e: Event| Msg::ImportFiles(form::files(&e)))} />
                        { export(Some("in-quick")) }
                        <button type="button" title={t.class_title}
                            onclick={link.callback(|_| Msg::ShowClass(true))}>{t.class}</button>
                        <button type="button" onclick={link.callback(|_| Msg::ShowSettings(true))}>{t.settings}</button>
                        <button type="button" aria-keyshortcuts="?" onclick={link.callback(|_| Msg::ShowHelp(true))}>{t.help}</button>
                    </nav>
                </header>
                { self.view_back_to_class(ctx) }
                if phone.menu_open || phone.panel_open {
                    <div class="scrim" aria-hidden="true" onclick={if phone.panel_open { phone_msg(phone::PhoneMsg::Panel, false) } else { phone_msg(phone::PhoneMsg::Menu, false) }}></div>
                }
                { self.view_warnings(ctx) }
                <OfflineStatus on_export={link.callback(|_| Msg::Export)} />
                <main class="layout">
                    <div class="reading">
                        <p id="keyboard-hint" class="visually-hidden">
                            {(t.keyboard_hint)(&self.session.tags().keys())}
                        </p>
                        <p id="annotation-hint" class="visually-hidden">
                            {t.annotation_hint}
                        </p>
                        <ArticleView key={self.session.doc().hash().0.clone()} doc={self.session.doc().clone()} node_ref={self.article_ref.clone()} />
                        if self.printing { { crate::ui::print_notes::print_notes(&self.session, self.lang) } }
                    </div>
                    <div id="side-column" class={classes!("side-column", phone.panel_open.then_some("open"))}
                        onkeydown={link.callback(|e| Msg::Phone(phone::PhoneMsg::Key(e)))}>
                        <button type="button" class="icon-button panel-close" ref={phone.panel_close.clone()} aria-label={self.lang.phone().close_annotations}
                            onclick={phone_msg(phone::PhoneMsg::Panel, false)}>{"×"}</button>
                        if let Some(instructions) = self.session.classroom().map(|c| c.instructions.as_str()).filter(|i| !i.is_empty()) {
                            { crate::ui::assignment::assignment_panel(instructions, self.lang.assignment()) }
                        }
                        { self.view_sidebar() }
                        if !key_mode {
                        <SideLists orphans={self.session.orphans().clone()} conflicts={self.session.conflicts().clone()} reattaching={self.reattach}
                            on_reattach={link.callback(Msg::Reattach)} on_discard_orphan={link.callback(Msg::DiscardOrphan)}
                            on_use_version={link.callback(Msg::UseVersion)} on_discard_version={link.callback(Msg::DiscardVersion)} />
                        }
                    </div>
                </main>
                if let Some(pending) = self.pending {
                    <SelectionToolbar tags={self.session.tags().clone()} top={pending.top} left={pending.left}
                        note={AttrValue::from(self.note_draft.clone())} node_ref={self.toolbar_ref.clone()}
                        on_note={link.callback(Msg::NoteDraft)} on_tag={link.callback(Msg::CreateWithTag)}
                        attach={self.reattach.and_then(|id| self.session.orphans().iter().find(|a| a.id == id)).map(|a| AttrValue::from(excerpt(&a.target.exact, 40)))}
                        on_attach={link.callback(|_| Msg::AttachHere)} />
                }
                { self.view_editor(ctx) }
                { self.view_dialog(ctx) }
                if self.dragging {
                    <div class="drop-overlay" aria-hidden="true"><p>{t.drop_hint}</p></div>
                }
                <div class="visually-hidden" role="status" aria-live="polite">{self.announcement.clone()}</div>
            </div>
            </ContextProvider<Lang>>
        }
    }

    pub(super) fn view_warnings(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = self.t();
        let queue = self.session.queue().borrow();
        // A full storage matters while something waits; a blocked one always (nothing can be saved).
        let storage_message = queue.problem().and_then(|problem| match problem {
            StorageProblem::Full => (!queue.is_empty()).then(|| (t.storage_full)(queue.len())),
            StorageProblem::Unavailable(why) => Some((t.storage_blocked)(why)),
        });
        let unreadable = self.session.unreadable();
        let unreadable_message =
            unreadable.first().map(|first| (t.unreadable_saved)(unreadable.len(), &first.error.message(t)));
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

    pub(super) fn view_sidebar(&self) -> Html {
        let listing = self
            .listing
            .borrow_mut()
            .get_or_insert_with(|| {
                listing(self.session.store(), self.session.tags(), self.filter.as_ref(), &self.query, self.listed_rows)
            })
            .clone();
        let callbacks = &self.sidebar_callbacks;
        let t = self.t();
        html! {
            <Sidebar tags={self.session.tags().clone()} title={if self.session.in_key_mode() { t.answer_key } else { t.annotations }} entries={listing.entries} matched={listing.matched} counts={listing.counts}
                total={self.session.store().len()} loading={!self.session.annotations_loaded()} filter={self.filter.clone()} query={AttrValue::from(self.query.clone())}
                on_filter={callbacks.on_filter.clone()} on_query={callbacks.on_query.clone()}
                on_open={callbacks.on_open.clone()} on_show_more={callbacks.on_show_more.clone()} />
        }
    }

    pub(super) fn view_editor(&self, ctx: &Context<Self>) -> Html {
        let Some(editor) = &self.editor else { return html! {} };
        let link = ctx.link();
        let annotations: Vec<Annotation> = editor
            .ids
            .iter()
            .filter_map(|id| self.session.store().get(id))
            .map(|a| match self.note_drafts.get(&a.id) {
                Some(draft) => Annotation { note: draft.clone(), ..a.clone() },
                None => a.clone(),
            })
            .collect();
        if annotations.is_empty() {
            return html! {};
        }
        html! {
            <AnnotationEditor annotations={annotations} tags={self.session.tags().clone()} top={editor.top} left={editor.left}
                node_ref={self.editor_ref.clone()}
                on_toggle_tag={link.callback(|(id, tag)| Msg::ToggleTag(id, tag))}
                on_note_input={link.callback(|(id, note)| Msg::NoteInput(id, note))}
                on_note_commit={link.callback(Msg::NoteCommit)}
                on_delete={link.callback(Msg::Delete)}
                on_close={link.callback(|_| Msg::CloseEditor)} />
        }
    }

    /// Builds the painter once the article is in the DOM, and listens for clicks on highlights.
    pub(super) fn attach_painter(&mut self, ctx: &Context<Self>) {
        tag_styles::install(&tag_styles::stylesheet(self.session.tags()));
        let Some(root) = self.article_ref.cast::<Element>() else { return };
        let link = ctx.link().clone();
        self.article_listener = Some(EventListener::new(&root, "click", move |event| {
            if let Some((x, y)) = dom::client_point(event) {
                link.send_message(Msg::ArticleClick(x, y));
            }
        }));
        let Some(dom) = DomText::collect(root, self.session.doc()) else {
            self.notice = Some(self.t().prepare_failed.into());
            ctx.link().send_message(Msg::ShowHelp(false));
            return;
        };
        match Painter::new(dom, self.session.tags()) {
            Some(mut painter) => {
                painter.follow_viewport(self.session.doc(), self.session.store());
                self.painter = Some(painter);
                // At start-up the paragraphs are described once the annotations are read.
                if self.session.annotations_loaded() {
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
}
