//! The class view: the teacher loads many students' files of the open article and sees them as layers, counts per passage, density strips, a student-by-tag table, agreement, disagreements and a consensus to export.
//!
//! A page over the article (which stays mounted underneath, so a passage can be shown at once and
//! the host only puts the view away meanwhile). Every figure comes from `domain::class::ClassView`;
//! this component keeps the files (`workspace.rs`, stored through the app), which students are
//! shown, k and the consensus items left out, and one student's notes (`student.rs`).

use std::rc::Rc;

use uuid::Uuid;
use yew::prelude::*;

use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::{ContentHash, Document};
use crate::domain::class::agreement::Figure;
use crate::domain::class::csv::{agreement_csv, student_table_csv};
use crate::domain::class::import::{authors, read_submission, student_from_file_name, student_name};
use crate::domain::class::layers::{segments, LayerSegment};
use crate::domain::class::{ClassView, RejectReason, Rejected, Submission};
use crate::domain::format;
use crate::domain::format::pack::{self, ExportInfo};
use crate::domain::i18n::agreement_help::AGREEMENT_HELP;
use crate::domain::i18n::{ClassViewTexts, Lang};
use crate::ui::browser::{clock, dom, download, files, form};

/// Stretches of the density strip.
const BUCKETS: usize = 100;
/// Height of the density strip in SVG units.
const STRIP_HEIGHT: f64 = 24.0;
/// Passages and disagreements listed at most (the rest are counted).
const LIST_LIMIT: usize = 200;

mod grades;
mod key;
mod sections;
mod student;
mod workspace;

use key::KeyMsg;

#[derive(Properties, PartialEq)]
pub struct ClassViewProps {
    pub doc: Rc<Document>,
    pub tags: Rc<TagSet>,
    pub on_close: Callback<()>,
    /// A passage to show in the article, in code points.
    pub on_open_passage: Callback<(usize, usize)>,
    /// This article's answer key (the teacher's, kept in the app), to score students against.
    #[prop_or_default]
    pub answer_key: Option<Rc<Vec<Annotation>>>,
    /// The student files kept for this article (a stored `ClassWorkspace`; empty when none).
    #[prop_or_default]
    pub stored_files: AttrValue,
    /// Keeps the files (a stored `ClassWorkspace`); returns why they could not be kept, or "".
    pub on_save: Callback<String, String>,
    /// Put away while a passage is shown in the article: read by the app's host, which hides the
    /// mounted view (`class_module::Mounted::set_away`); the panel itself is never told.
    #[prop_or_default]
    pub away: bool,
    /// The teacher's own annotations of the article, which she may make the key.
    #[prop_or_default]
    pub own_annotations: Rc<Vec<Annotation>>,
    /// The key changed here: the app stores it.
    #[prop_or_default]
    pub on_key: Callback<Vec<Annotation>>,
    /// Edit the key on the article: the app puts the view away and shows the key's passages.
    #[prop_or_default]
    pub on_edit_key: Callback<()>,
}

pub enum ClassMsg {
    OpenFiles,
    FilesChosen(Vec<form::File>),
    FilesRead(Vec<(String, Result<Vec<u8>, String>)>),
    ToggleStudent(usize),
    /// Colour the class on the article by student (`true`) or by tag.
    ColourByStudent(bool),
    PairTag(usize),
    SetK(usize),
    ToggleKeep(Uuid),
    DownloadTable,
    DownloadAgreement,
    ExportConsensus,
    /// The kept files (`workspace.rs`).
    Files(workspace::FilesMsg),
    /// One student's notes (an index into the view's students), or the class again.
    ShowStudent(Option<usize>),
    DownloadGrades,
    Print,
    Key(KeyMsg),
}

pub struct ClassViewPanel {
    submissions: Vec<Submission>,
    /// Files that could not be read at all (the view adds its own rejections).
    unreadable: Vec<Rejected>,
    /// Files whose annotations name several authors: (the file's student, each author with a count).
    mixed: Vec<(String, Vec<(String, usize)>)>,
    /// The open tags plus any other tags students' files brought.
    tags: TagSet,
    view: ClassView,
    visible: Vec<bool>,
    pair_tag: usize,
    /// The class on the article is coloured by student rather than by tag.
    by_student: bool,
    k: usize,
    /// Consensus items the teacher left out, by id, sorted (a sorted list costs the wasm less than a hash set).
    dropped: Vec<Uuid>,
    notice: Option<String>,
    /// The key the scores follow (starts as the app's; changed in the key section).
    key: Option<Rc<Vec<Annotation>>>,
    /// What the last change of the key did.
    key_status: Option<String>,
    input: NodeRef,
    close_ref: NodeRef,
    /// The kept files and what was last done to them.
    files: workspace::Files,
    /// The student whose notes are shown in place of the class, and the class's scroll position to return to.
    student: Option<(usize, i32)>,
    /// Where to scroll the page after the next render (a switch between the class and a student).
    restore_scroll: Option<(i32, String)>,
    panel_ref: NodeRef,
}

impl Component for ClassViewPanel {
    type Message = ClassMsg;
    type Properties = ClassViewProps;

    fn create(ctx: &Context<Self>) -> Self {
        let props = ctx.props();
        let tags = (*props.tags).clone();
        let view = ClassView::new(&props.doc, &tags, Vec::new());
        let mut panel = ClassViewPanel {
            submissions: Vec::new(),
            unreadable: Vec::new(),
            mixed: Vec::new(),
            tags,
            view,
            visible: Vec::new(),
            pair_tag: 0,
            by_student: false,
            k: 2,
            dropped: Vec::new(),
            notice: None,
            key: props.answer_key.clone(),
            key_status: None,
            input: NodeRef::default(),
            close_ref: NodeRef::default(),
            files: workspace::Files::default(),
            student: None,
            restore_scroll: None,
            panel_ref: NodeRef::default(),
        };
        panel.load_stored(ctx);
        panel
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Self::Message) -> bool {
        match msg {
            ClassMsg::OpenFiles => {
                form::choose_files(&self.input);
                false
            }
            ClassMsg::FilesChosen(chosen) => {
                let (link, t) = (ctx.link().clone(), texts(ctx));
                wasm_bindgen_futures::spawn_local(async move {
                    let mut read = Vec::new();
                    for file in chosen {
                        read.push((file.name(), files::read_bytes(&file, format::MAX_FILE_BYTES, t).await));
                    }
                    link.send_message(ClassMsg::FilesRead(read));
                });
                false
            }
            ClassMsg::FilesRead(read) => {
                self.add_files(ctx, read);
                self.notice = None;
                true
            }
            ClassMsg::Files(msg) => self.files_update(ctx, msg),
            ClassMsg::ShowStudent(student) => self.show_student(student),
            ClassMsg::DownloadGrades => self.download_grades(ctx),
            ClassMsg::Print => {
                crate::ui::browser::dom::print_page();
                false
            }
            ClassMsg::ToggleStudent(i) => {
                if let Some(v) = self.visible.get_mut(i) {
                    *v = !*v;
                }
                true
            }
            ClassMsg::ColourByStudent(by_student) => {
                self.by_student = by_student;
                true
            }
            ClassMsg::PairTag(t) => {
                self.pair_tag = t;
                true
            }
            ClassMsg::SetK(k) => {
                self.k = k.max(1);
                true
            }
            ClassMsg::ToggleKeep(id) => {
                match self.dropped.binary_search(&id) {
                    Ok(at) => drop(self.dropped.remove(at)),
                    Err(at) => self.dropped.insert(at, id),
                }
                true
            }
            ClassMsg::DownloadTable => {
                let csv = student_table_csv(&self.view.table(&self.visible), &self.tags);
                self.save(ctx, &format!("{}-students-by-tag.csv", self.stem(ctx)), "text/csv;charset=utf-8", &csv)
            }
            ClassMsg::DownloadAgreement => {
                let csv = agreement_csv(
                    &self.view.agreement(&self.visible),
                    &self.view.pairs(&self.visible),
                    self.view.students(),
                    &self.tags,
                );
                self.save(ctx, &format!("{}-agreement.csv", self.stem(ctx)), "text/csv;charset=utf-8", &csv)
            }
            ClassMsg::ExportConsensus => {
                let doc = ctx.props().doc.clone();
                let kept = self.kept(&doc);
                let info = ExportInfo { source: doc.meta().source.as_deref(), by: "Consensus", at: clock::now() };
                let json = pack::export(&doc, &self.tags, kept.iter(), &info);
                let name = format!("{}-consensus{}", self.stem(ctx), pack::FILE_SUFFIX);
                self.save(ctx, &name, "application/json", &json)
            }
            ClassMsg::Key(msg) => self.update_key(ctx, msg),
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        // Only the key changes while the view is mounted (`src/bin/class_view.rs`).
        self.follow_app_key(ctx)
    }

    fn rendered(&mut self, _ctx: &Context<Self>, first_render: bool) {
        self.after_student_switch();
        if first_render {
            dom::focus_ref(&self.close_ref);
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = texts(ctx);
        let on_close = ctx.props().on_close.clone();
        let ft = lang(ctx).class_files();
        let students = self.view.students().len();
        let page =
            if let Some((student, _)) = self.student { self.view_student(ctx, student) } else { self.view_class(ctx) };
        html! {
            <div class="modal-backdrop class-backdrop class-page">
                <section ref={self.panel_ref.clone()} class="class-view" aria-label={t.class_view} role="dialog" aria-modal="true">
                    <header class="editor-header class-header">
                        if self.student.is_some() {
                            // A student's notes lead back to the class first; the article is one more step.
                            <button type="button" class="back-button no-print"
                                onclick={link.callback(|_| ClassMsg::ShowStudent(None))}>{"← "}{ft.back_to_class}</button>
                        } else {
                            <button ref={self.close_ref.clone()} type="button" class="back-button no-print"
                                onclick={move |_| on_close.emit(())}>{"← "}{lang(ctx).class_page().back_to_article}</button>
                        }
                        <h2>{t.class_view}</h2>
                        if self.student.is_some() {
                            <button type="button" class="no-print" onclick={link.callback(|_| ClassMsg::Print)}>{ft.print_notes}</button>
                        } else if students > 0 {
                            <button type="button" class="no-print" onclick={link.callback(|_| ClassMsg::Print)}>{ft.print_summary}</button>
                        }
                    </header>
                    { page }
                </section>
            </div>
        }
    }
}

impl ClassViewPanel {
    /// The class as a whole: the kept files, then every figure.
    fn view_class(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let t = texts(ctx);
        let students = self.view.students().len();
        html! {
                <>
                    <p class="class-intro">{(t.class_intro)(ctx.props().doc.title())}</p>
                    <div class="class-actions no-print">
                        <button type="button" class="primary" onclick={link.callback(|_| ClassMsg::OpenFiles)}>{t.add_student_files}</button>
                        <input ref={self.input.clone()} type="file" multiple=true class="visually-hidden" tabindex="-1" aria-hidden="true"
                            aria-label={t.student_files} accept=".json,.jsonld,application/json,application/ld+json"
                            onchange={link.callback(|e: Event| ClassMsg::FilesChosen(form::files(&e)))} />
                    </div>
                    if let Some(notice) = &self.notice {
                        <p class="notice-inline" role="alert">{notice.clone()}</p>
                    }
                    { self.view_files(ctx) }
                    { self.view_key(ctx) }
                    { self.view_rejected(t) }
                    { self.view_mixed(t) }
                    if students == 0 {
                        <p class="storage-used">{t.no_student_files}</p>
                    } else {
                        { self.view_students(ctx) }
                        { self.view_table(ctx) }
                        { self.view_scores(ctx) }
                        { self.view_grades(ctx) }
                        { self.view_agreement(ctx) }
                        { self.view_density(t) }
                        { self.view_layers(ctx) }
                        { self.view_passages(ctx) }
                        { self.view_disagreements(ctx) }
                        { self.view_consensus(ctx) }
                    }
                </>
        }
    }
}

/// The texts of the language the app provides.
fn texts(ctx: &Context<ClassViewPanel>) -> &'static ClassViewTexts {
    lang(ctx).class_view_texts()
}

/// The language the app provides.
fn lang(ctx: &Context<ClassViewPanel>) -> Lang {
    ctx.link().context::<Lang>(Callback::noop()).map(|(lang, _)| lang).unwrap_or_default()
}

fn unreadable(name: &str, why: String) -> Rejected {
    Rejected { student: name.to_string(), reason: RejectReason::Unreadable(why) }
}

/// `exported.by` of a pack, when it names someone.
fn exported_by(bytes: &[u8]) -> Option<String> {
    // from_str, not from_slice: the import formats parse from `&str`, so one reader is compiled.
    let value: serde_json::Value = serde_json::from_str(std::str::from_utf8(bytes).ok()?).ok()?;
    let by = value.get("exported")?.get("by")?.as_str()?.trim();
    (!by.is_empty()).then(|| by.to_string())
}

impl ClassViewPanel {
    /// One file as a submission, or why it cannot be one.
    fn submission(&mut self, doc: &Document, name: &str, bytes: &[u8]) -> Result<Submission, Rejected> {
        match format::import::read_file(bytes, &self.tags) {
            Ok(imported) => {
                for tag in &imported.tags.tags {
                    if self.tags.get(&tag.id).is_none() {
                        self.tags.tags.push(tag.clone());
                    }
                }
                let student = student_name(exported_by(bytes).as_deref(), &imported.annotations, name);
                let authors = authors(&imported.annotations);
                if authors.len() > 1 {
                    self.mixed.push((student.clone(), authors));
                }
                // Formats without the article's hash (W3C, Hypothesis) are taken as this article.
                let article: ContentHash = imported.article.map_or_else(|| doc.hash().clone(), |a| a.hash);
                Ok(Submission { student, article, annotations: imported.annotations })
            }
            Err(error) => {
                let text = String::from_utf8_lossy(bytes);
                read_submission(name, &text).map_err(|_| unreadable(&student_from_file_name(name), error.to_string()))
            }
        }
    }

    fn stem(&self, ctx: &Context<Self>) -> String {
        pack::file_name(&ctx.props().doc).trim_end_matches(pack::FILE_SUFFIX).to_string()
    }

    fn save(&mut self, ctx: &Context<Self>, name: &str, mime: &str, contents: &str) -> bool {
        match download::download(name, mime, contents, texts(ctx)) {
            Ok(()) => false,
            Err(message) => {
                self.notice = Some(message);
                true
            }
        }
    }

    fn shown(&self) -> usize {
        self.view.shown(&self.visible).len()
    }

    fn consensus(&self, doc: &Document) -> Vec<crate::domain::class::ConsensusItem> {
        self.view.consensus(doc, self.k, &self.visible, "Consensus", clock::now())
    }

    fn kept(&self, doc: &Document) -> Vec<Annotation> {
        self.consensus(doc)
            .into_iter()
            .filter(|i| self.dropped.binary_search(&i.annotation.id).is_err())
            .map(|i| i.annotation)
            .collect()
    }

    fn tag_name(&self, tag: &TagId) -> String {
        self.tags.name_of(tag).to_string()
    }
}
