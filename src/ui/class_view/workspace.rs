//! The class view's kept files: the student files read once are kept through the app (the save queue, `storage::class_files_key`), read back on every opening, and removed one by one or all at once with undo.

use super::*;
use crate::domain::class::workspace::{ClassWorkspace, Removed};

/// What the teacher does to the kept files.
pub enum FilesMsg {
    Remove(usize),
    AskClear(bool),
    Clear,
    Undo,
}

/// The kept files and what the list says about them.
#[derive(Default)]
pub struct Files {
    workspace: ClassWorkspace,
    /// Per kept file: the student it was read as and their annotation count, or `None` when left out.
    read_as: Vec<Option<(String, usize)>>,
    /// Files of the last addition that were not kept (unreadable, another article), shown until the next.
    not_kept: Vec<Rejected>,
    /// The last removal, until it is undone or something else is done.
    removed: Option<Removed>,
    /// "Remove all files?" is being asked.
    asking_clear: bool,
    /// What the last action did ("Removed ana.json.", "… is already in the class view.").
    status: Option<String>,
    /// Why the files could not be kept, from the app.
    problem: Option<String>,
    /// Stored files that could not be read are never written over.
    stored_unreadable: bool,
}

impl ClassViewPanel {
    /// Reads the files kept for this article, as the view opens.
    pub(super) fn load_stored(&mut self, ctx: &Context<Self>) {
        match ClassWorkspace::decode(&ctx.props().stored_files) {
            Ok(workspace) => self.files.workspace = workspace,
            Err(_) => self.files.stored_unreadable = true,
        }
        self.rebuild(ctx);
    }

    /// Reads every kept file again into the view (after an addition, a removal or an undo).
    fn rebuild(&mut self, ctx: &Context<Self>) {
        let doc = ctx.props().doc.clone();
        self.tags = (*ctx.props().tags).clone();
        self.submissions.clear();
        self.mixed.clear();
        self.unreadable = self.files.not_kept.clone();
        self.files.read_as.clear();
        let kept = std::mem::take(&mut self.files.workspace.files);
        for file in &kept {
            match self.submission(&doc, &file.name, file.text.as_bytes()) {
                Ok(submission) => {
                    self.files.read_as.push(Some((submission.student.clone(), submission.annotations.len())));
                    self.submissions.push(submission);
                }
                Err(rejected) => {
                    self.files.read_as.push(None);
                    self.unreadable.push(rejected);
                }
            }
        }
        self.files.workspace.files = kept;
        self.view = ClassView::new(&doc, &self.tags, self.submissions.clone());
        self.visible = vec![true; self.view.students().len()];
        if self.student.is_some_and(|(i, _)| i >= self.view.students().len()) {
            self.student = None;
        }
    }

    /// Keeps the files read now that are of this article; says which were not kept and why.
    pub(super) fn add_files(&mut self, ctx: &Context<Self>, read: Vec<(String, Result<Vec<u8>, String>)>) {
        let doc = ctx.props().doc.clone();
        let ft = lang(ctx).class_files();
        self.files.not_kept.clear();
        self.files.removed = None;
        self.files.status = None;
        let mut added = false;
        for (name, bytes) in read {
            let text = bytes.and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()));
            let checked = text.map_err(|why| unreadable(&name, why)).and_then(|text| {
                let submission = self.submission(&doc, &name, text.as_bytes())?;
                if submission.article != *doc.hash() {
                    let reason = RejectReason::DifferentArticle { found: submission.article };
                    return Err(Rejected { student: submission.student, reason });
                }
                Ok(text)
            });
            match checked {
                Ok(text) if self.files.workspace.add(&name, &text) => added = true,
                Ok(_) => self.files.status = Some((ft.already_added)(&name)),
                Err(rejected) => self.files.not_kept.push(rejected),
            }
        }
        self.rebuild(ctx);
        if added {
            self.keep(ctx);
        }
    }

    pub(super) fn files_update(&mut self, ctx: &Context<Self>, msg: FilesMsg) -> bool {
        let ft = lang(ctx).class_files();
        let files = &mut self.files;
        match msg {
            FilesMsg::Remove(i) => {
                let name = files.workspace.files.get(i).map(|f| f.name.clone()).unwrap_or_default();
                files.removed = files.workspace.remove(i);
                files.status = files.removed.is_some().then(|| (ft.removed_one)(&name));
            }
            FilesMsg::AskClear(ask) => {
                files.asking_clear = ask;
                return true;
            }
            FilesMsg::Clear => {
                let n = files.workspace.files.len();
                files.asking_clear = false;
                files.removed = files.workspace.clear();
                files.status = files.removed.is_some().then(|| (ft.removed_all)(n));
            }
            FilesMsg::Undo => {
                if let Some(removed) = files.removed.take() {
                    files.workspace.undo(removed);
                }
                files.status = None;
            }
        }
        self.files.not_kept.clear();
        self.rebuild(ctx);
        self.keep(ctx);
        true
    }

    /// Hands the files to the app to keep; notes why it could not.
    fn keep(&mut self, ctx: &Context<Self>) {
        if self.files.stored_unreadable {
            return;
        }
        let problem = ctx.props().on_save.emit(self.files.workspace.encode());
        self.files.problem = (!problem.is_empty()).then_some(problem);
    }

    pub(super) fn view_files(&self, ctx: &Context<Self>) -> Html {
        let ft = lang(ctx).class_files();
        let link = ctx.link();
        let files = &self.files;
        let rows = files.workspace.files.iter().enumerate().map(|(i, file)| {
            let line = match files.read_as.get(i).cloned().flatten() {
                Some((student, n)) => (ft.file_line)(&student, n),
                None => ft.file_left_out.to_string(),
            };
            html! {
                <li>
                    <span class="file-line">{line}<span class="file-name">{file.name.clone()}</span></span>
                    <button type="button" class="no-print" aria-label={(ft.remove_file)(&file.name)}
                        onclick={link.callback(move |_| ClassMsg::Files(FilesMsg::Remove(i)))}>{ft.remove}</button>
                </li>
            }
        });
        let count = files.workspace.files.len();
        html! {
            <section class="class-block class-files" aria-labelledby="class-files">
                if files.stored_unreadable {
                    <p class="notice-inline" role="alert">{ft.stored_unreadable}</p>
                }
                if let Some(problem) = &files.problem {
                    <p class="notice-inline" role="alert">{problem.clone()}</p>
                }
                <p class="storage-used no-print" role="status">
                    if let Some(status) = &files.status {
                        {status.clone()}{" "}
                        if files.removed.is_some() {
                            <button type="button" onclick={link.callback(|_| ClassMsg::Files(FilesMsg::Undo))}>{ft.undo}</button>
                        }
                    }
                </p>
                if count > 0 {
                    <h3 id="class-files">{(ft.files_heading)(count)}</h3>
                    <p class="storage-used no-print">{ft.files_kept}</p>
                    <ul class="file-list">{ for rows }</ul>
                    if files.asking_clear {
                        <p class="confirm-clear no-print" role="group" aria-label={ft.remove_all}>
                            {(ft.remove_all_question)(count)}{" "}
                            <button type="button" class="danger" onclick={link.callback(|_| ClassMsg::Files(FilesMsg::Clear))}>{ft.remove_all}</button>{" "}
                            <button type="button" onclick={link.callback(|_| ClassMsg::Files(FilesMsg::AskClear(false)))}>{ft.keep_them}</button>
                        </p>
                    } else {
                        <button type="button" class="no-print" onclick={link.callback(|_| ClassMsg::Files(FilesMsg::AskClear(true)))}>{ft.remove_all}</button>
                    }
                }
            </section>
        }
    }
}
