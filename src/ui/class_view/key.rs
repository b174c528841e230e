//! The class view's answer key: the key the scores follow (shown, loaded from the teacher's own annotations or a key file, passages removed), the self-check key to hand out, and the scores against it in passages found.
//!
//! The key lives in the app's classroom state; every change here is sent to the app
//! (`ClassViewProps::on_key`), which stores it, so the next opening shows the same key.

use super::sections::{excerpt, kappa, percent};
use super::*;
use crate::domain::class::figure_reading::found;
use crate::domain::format::pack::Pack;
use crate::domain::i18n::ClassTexts;
use crate::ui::browser::form;

/// What the teacher does to the key.
pub enum KeyMsg {
    UseMine,
    OpenFile,
    FileChosen(Vec<form::File>),
    FileRead(Result<Vec<u8>, String>),
    Remove(Uuid),
    /// Edit the key on the article (the app's key mode; the view is put away meanwhile).
    EditOnArticle,
    DownloadSelfCheck,
}

impl ClassViewPanel {
    pub(super) fn update_key(&mut self, ctx: &Context<Self>, msg: KeyMsg) -> bool {
        let c = class_texts(ctx);
        match msg {
            KeyMsg::UseMine => {
                let mine = ctx.props().own_annotations.to_vec();
                self.set_key(ctx, mine, c);
                true
            }
            KeyMsg::OpenFile => {
                let link = ctx.link().clone();
                form::choose_detached(".json,application/json", move |files| {
                    link.send_message(ClassMsg::Key(KeyMsg::FileChosen(files)))
                });
                false
            }
            KeyMsg::FileChosen(chosen) => {
                let (link, t) = (ctx.link().clone(), texts(ctx));
                let Some(file) = chosen.into_iter().next() else { return false };
                wasm_bindgen_futures::spawn_local(async move {
                    let bytes = files::read_bytes(&file, format::MAX_FILE_BYTES, t).await;
                    link.send_message(ClassMsg::Key(KeyMsg::FileRead(bytes)));
                });
                false
            }
            KeyMsg::FileRead(bytes) => {
                match bytes.and_then(|b| self.key_from_file(&ctx.props().doc, &b, c)) {
                    Ok(key) => self.set_key(ctx, key, c),
                    Err(message) => self.notice = Some(message),
                }
                true
            }
            KeyMsg::Remove(id) => {
                let key: Vec<Annotation> =
                    self.key.iter().flat_map(|k| k.iter()).filter(|a| a.id != id).cloned().collect();
                self.set_key(ctx, key, c);
                true
            }
            KeyMsg::EditOnArticle => {
                ctx.props().on_edit_key.emit(());
                false
            }
            KeyMsg::DownloadSelfCheck => {
                let doc = ctx.props().doc.clone();
                let Some(key) = self.key.clone() else { return false };
                let info = ExportInfo { source: doc.meta().source.as_deref(), by: "", at: clock::now() };
                let json = pack::self_check_key(&doc, &self.tags, key.iter(), &info);
                self.save(ctx, &pack::self_check_file_name(&doc), "application/json", &json)
            }
        }
    }

    /// The app's key changed (edited on the article, or another tab): the scores follow it.
    pub(super) fn follow_app_key(&mut self, ctx: &Context<Self>) -> bool {
        let key = ctx.props().answer_key.clone();
        if key == self.key {
            return false;
        }
        self.key = key;
        self.key_status = Some(class_texts(ctx).key_changed.to_string());
        true
    }

    /// Makes `key` the one the scores follow, and has the app store it.
    fn set_key(&mut self, ctx: &Context<Self>, key: Vec<Annotation>, c: &ClassTexts) {
        ctx.props().on_key.emit(key.clone());
        self.key = Some(Rc::new(key));
        self.notice = None;
        self.key_status = Some(c.key_changed.to_string());
    }

    /// The key a file holds: a self-check key's (or an old starter pack's) key, else the pack's
    /// annotations; refused when the file is of another article or holds no passage.
    fn key_from_file(&mut self, doc: &Document, bytes: &[u8], c: &ClassTexts) -> Result<Vec<Annotation>, String> {
        let (pack, _) = Pack::from_bytes(bytes).map_err(|e| (c.key_unreadable)(&e.to_string()))?;
        if &pack.article.hash != doc.hash() {
            return Err(c.key_other_article.to_string());
        }
        for tag in &pack.tags {
            if self.tags.get(&tag.id).is_none() {
                self.tags.tags.push(tag.clone());
            }
        }
        let key = match pack.classroom {
            Some(classroom) if !classroom.answer_key.is_empty() => classroom.answer_key,
            _ => pack.annotations,
        };
        if key.is_empty() {
            return Err(c.key_file_empty.to_string());
        }
        Ok(key)
    }

    /// The key section: what the key holds and how to change it, then the self-check key.
    pub(super) fn view_key(&self, ctx: &Context<Self>) -> Html {
        let (t, c) = (texts(ctx), class_texts(ctx));
        let link = ctx.link();
        let mine = ctx.props().own_annotations.len();
        let key = self.key.as_deref().map_or(&[][..], |k| k.as_slice());
        let differs = mine > 0 && !same_passages(key, &ctx.props().own_annotations);
        let items = key.iter().map(|a| {
            let id = a.id;
            let tags: Vec<String> = a.tags.iter().map(|tag| self.tag_name(tag)).collect();
            html! {
                <li key={id.to_string()} class="key-passage">
                    <span class="consensus-tag">{tags.join(", ")}</span>{" "}
                    <q dir="auto">{excerpt(&a.target.exact, 90)}</q>{" "}
                    <button type="button" aria-label={format!("{}: {}", c.remove_from_key, excerpt(&a.target.exact, 40))}
                        onclick={link.callback(move |_| ClassMsg::Key(KeyMsg::Remove(id)))}>{c.remove_from_key}</button>
                </li>
            }
        });
        html! {
            <section class="class-block class-key" aria-labelledby="class-key">
                <h3 id="class-key">{c.key_heading}</h3>
                <p class="storage-used">{c.key_intro}</p>
                if key.is_empty() {
                    <p>{c.key_none}</p>
                } else {
                    <p>{(c.key_count)(key.len())}</p>
                    <details class="key-list">
                        <summary>{t.answer_key}</summary>
                        <ol class="answer-key">{ for items }</ol>
                    </details>
                }
                if differs {
                    <p class="notice-inline">{(c.mine_differ)(mine, key.len())}</p>
                }
                <div class="class-actions">
                    if differs || (key.is_empty() && mine > 0) {
                        <button type="button" onclick={link.callback(|_| ClassMsg::Key(KeyMsg::UseMine))}>{(c.use_mine)(mine)}</button>
                    }
                    <button type="button" onclick={link.callback(|_| ClassMsg::Key(KeyMsg::OpenFile))}>{c.load_key}</button>
                    <button type="button" onclick={link.callback(|_| ClassMsg::Key(KeyMsg::EditOnArticle))}>{c.edit_on_article}</button>
                </div>
                if let Some(status) = &self.key_status {
                    <p class="storage-used" role="status">{status.clone()}</p>
                }
                if !key.is_empty() {
                    <h4>{c.self_check_heading}</h4>
                    <p class="storage-used">{c.self_check_intro}</p>
                    <button type="button" onclick={link.callback(|_| ClassMsg::Key(KeyMsg::DownloadSelfCheck))}>{c.download_self_check}</button>
                }
            </section>
        }
    }

    /// Each shown student's key passages found and extra, with precision, recall and F1 beside,
    /// then the same per tag.
    pub(super) fn view_scores(&self, ctx: &Context<Self>) -> Html {
        let Some(key) = self.key.as_ref().filter(|k| !k.is_empty()) else { return html! {} };
        let (t, c) = (texts(ctx), class_texts(ctx));
        let scores = self.view.scores(key, &self.visible);
        let tags = self.view.tags();
        let rule = AGREEMENT_HELP
            .iter()
            .position(|s| s.title == "Comparing with an answer key")
            .and_then(|i| lang(ctx).agreement_help().get(i))
            .map(|s| s.paragraphs);
        let name = |i: usize| self.view.students().get(i).map_or(String::new(), |s| s.name.clone());
        html! {
            <section class="class-block" aria-labelledby="class-scores">
                <h3 id="class-scores">{t.scores_heading}</h3>
                <p class="storage-used">{(c.key_count)(key.len())}</p>
                <table tabindex="0" class="class-table scores-table" aria-labelledby="class-scores">
                    <thead>
                        <tr>
                            <th scope="col">{t.student}</th>
                            <th scope="col">{c.found_heading}</th>
                            <th scope="col">{t.precision}</th>
                            <th scope="col">{t.recall}</th>
                            <th scope="col">{"F1"}</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for scores.iter().map(|(i, score)| html! {
                            <tr>
                                <th scope="row">{name(*i)}</th>
                                <td class="found">{(c.found)(found(&score.overall))}</td>
                                <td>{percent(score.overall.precision, t)}</td>
                                <td>{percent(score.overall.recall, t)}</td>
                                <td>{kappa(score.overall.f1, t)}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <h4 id="class-scores-by-tag">{c.by_tag_heading}</h4>
                <table tabindex="0" class="class-table scores-by-tag" aria-labelledby="class-scores-by-tag">
                    <thead>
                        <tr>
                            <th scope="col">{t.student}</th>
                            { for tags.iter().map(|tag| html! { <th scope="col">{self.tag_name(tag)}</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for scores.iter().map(|(i, score)| html! {
                            <tr>
                                <th scope="row">{name(*i)}</th>
                                { for score.per_tag.iter().map(|(_, s)| html! { <td class="found">{(c.found_short)(found(s))}</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                { for rule.into_iter().flatten().map(|p| html! { <p class="storage-used">{*p}</p> }) }
            </section>
        }
    }
}

/// The class view's texts of readings, scores and the key.
pub(super) fn class_texts(ctx: &Context<ClassViewPanel>) -> &'static ClassTexts {
    ctx.link().context::<Lang>(Callback::noop()).map(|(lang, _)| lang).unwrap_or_default().class_texts()
}

/// Whether two lists hold the same passages with the same tags (ids and times aside).
fn same_passages(a: &[Annotation], b: &[Annotation]) -> bool {
    let passage = |x: &Annotation| (x.target.start, x.target.end, x.tags.clone());
    let mut a: Vec<_> = a.iter().map(passage).collect();
    let mut b: Vec<_> = b.iter().map(passage).collect();
    crate::domain::text::sort::sort_by(&mut a, Ord::cmp);
    crate::domain::text::sort::sort_by(&mut b, Ord::cmp);
    a == b
}
