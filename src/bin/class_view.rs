//! The app's second wasm module, with what a first visit does not need: the teacher's class view, the readers of HTML pages and Markdown files and the help's definitions of the class figures; loaded when first needed and precached after the first paint.
//!
//! The two modules share no memory: the app passes the article, its tag set and its answer key
//! as the strings it stores them as (`domain::storage`), the UI language as its code, and JS
//! callbacks for what the panel asks of the app (show a passage, close, keep the student files,
//! keep a changed key, edit the key on the article); the app hands a key changed on its side to
//! the mounted view through `ClassViewHandle::set_key`.

#[cfg(target_arch = "wasm32")]
mod module {
    use std::rc::Rc;

    use marginalia::ui::browser::class_module::Function;
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;

    use marginalia::domain::annotation::tags::TagSet;
    use marginalia::domain::annotation::Annotation;
    use marginalia::domain::article::document::Document;
    use marginalia::domain::i18n::Lang;
    use marginalia::domain::storage;
    use marginalia::ui::browser::{lowercase, segmenter};
    use marginalia::ui::class_view::ClassViewPanel;

    #[derive(Properties, PartialEq, Clone)]
    pub struct RootProps {
        lang: Lang,
        doc: Rc<Document>,
        tags: Rc<TagSet>,
        answer_key: Option<Rc<Vec<Annotation>>>,
        stored_files: AttrValue,
        on_save: Callback<String, String>,
        own_annotations: Rc<Vec<Annotation>>,
        on_key: Callback<Vec<Annotation>>,
        on_edit_key: Callback<()>,
        on_close: Callback<()>,
        on_open_passage: Callback<(usize, usize)>,
    }

    /// The panel with the app's language provided, as the main app provides it to its own components.
    #[function_component(Root)]
    fn root(props: &RootProps) -> Html {
        html! {
            <ContextProvider<Lang> context={props.lang}>
                <ClassViewPanel doc={props.doc.clone()} tags={props.tags.clone()} answer_key={props.answer_key.clone()}
                    stored_files={props.stored_files.clone()} on_save={props.on_save.clone()}
                    own_annotations={props.own_annotations.clone()} on_key={props.on_key.clone()} on_edit_key={props.on_edit_key.clone()}
                    on_close={props.on_close.clone()} on_open_passage={props.on_open_passage.clone()} />
            </ContextProvider<Lang>>
        }
    }

    /// The mounted class view with the properties it was last given; `close` unmounts it.
    #[wasm_bindgen]
    pub struct ClassViewHandle(AppHandle<Root>, RootProps);

    #[wasm_bindgen]
    impl ClassViewHandle {
        pub fn close(self) {
            self.0.destroy();
        }

        /// The app's answer key changed (a stored list, or empty for none): the scores follow it.
        pub fn set_key(&mut self, answer_key: &str) {
            let key = match answer_key {
                "" => None,
                key => match storage::decode_list(key) {
                    Ok(list) => Some(Rc::new(list)),
                    Err(_) => return,
                },
            };
            if key != self.1.answer_key {
                self.1.answer_key = key;
                self.0.update(self.1.clone());
            }
        }
    }

    /// Mounts the class view in `host`. `article` is a stored article (`storage::encode_article`),
    /// `tags` a stored tag set, `answer_key` a stored list of annotations or empty, `own` the
    /// teacher's annotations as a stored list; `on_open_passage` is called with a passage's start
    /// and end (code points), `on_close` with nothing, `on_key` with a changed key (a stored list);
    /// `files` are the student files kept for this article (a stored `ClassWorkspace`, or empty)
    /// and `on_save` is called with them when they change and returns why they could not be kept, or "";
    /// `on_edit_key` asks the app to show the key on the article to edit it.
    #[wasm_bindgen]
    // The JS boundary: plain values the app passes in one call (a struct would need bindings of its own).
    #[allow(clippy::too_many_arguments)]
    pub fn open_class_view(
        host: marginalia::ui::browser::dom::Element,
        lang: &str,
        article: &str,
        tags: &str,
        answer_key: &str,
        files: &str,
        own: &str,
        on_open_passage: Function,
        on_close: Function,
        on_save: Function,
        on_key: Function,
        on_edit_key: Function,
    ) -> Result<ClassViewHandle, JsValue> {
        // This module's own copies of the domain read words and lower-case through the browser too.
        segmenter::install();
        lowercase::install();
        let unreadable = |what: &str, why: String| JsValue::from_str(&format!("{what}: {why}"));
        let (doc, _) = storage::decode_article(article, None).map_err(|e| unreadable("article", e.to_string()))?;
        let tags = storage::decode_tags(tags).map_err(|e| unreadable("tags", e.to_string()))?;
        let answer_key = match answer_key {
            "" => None,
            key => Some(Rc::new(storage::decode_list(key).map_err(|e| unreadable("answer key", e.to_string()))?)),
        };
        let own_annotations = Rc::new(storage::decode_list(own).map_err(|e| unreadable("annotations", e.to_string()))?);
        let props = RootProps {
            lang: Lang::from_tag(lang).unwrap_or_default(),
            doc: Rc::new(doc),
            tags: Rc::new(tags),
            answer_key,
            stored_files: AttrValue::from(files.to_string()),
            on_save: Callback::from(move |files: String| {
                on_save
                    .call1(&JsValue::NULL, &files.into())
                    .ok()
                    .and_then(|answer| answer.as_string())
                    .unwrap_or_default()
            }),
            own_annotations,
            on_key: Callback::from(move |key: Vec<Annotation>| {
                drop(on_key.call1(&JsValue::NULL, &JsValue::from_str(&storage::encode_list(&key))))
            }),
            on_edit_key: Callback::from(move |()| drop(on_edit_key.call0(&JsValue::NULL))),
            on_close: Callback::from(move |()| drop(on_close.call0(&JsValue::NULL))),
            on_open_passage: Callback::from(move |(start, end): (usize, usize)| {
                drop(on_open_passage.call2(&JsValue::NULL, &(start as f64).into(), &(end as f64).into()))
            }),
        };
        Ok(ClassViewHandle(yew::Renderer::<Root>::with_root_and_props(host, props.clone()).render(), props))
    }
}

/// The readers of article files the app's own wasm leaves out (HTML pages and Markdown).
#[cfg(target_arch = "wasm32")]
mod readers {
    use marginalia::ui::browser::class_module::Array;
    use wasm_bindgen::prelude::*;

    use marginalia::domain::annotation::time_from_millis;
    use marginalia::domain::article::html_extract::{extract_all_text, extract_article, extract_pasted};
    use marginalia::domain::article::html_tree;
    use marginalia::domain::article::loader::{load_text, FileKind, LoadError};
    use marginalia::domain::i18n::Lang;
    use marginalia::domain::storage;
    use marginalia::ui::browser::{html_parse, lowercase, segmenter};

    /// Reads `text` (an HTML page when `kind` is `html`, else Markdown) named `name` into a stored
    /// article (`storage::encode_article`). Returns `["ok", article]`, `["no-article", message]`
    /// (a page where no article was found: `all_text` then loads all of its text) or
    /// `["error", message]`, messages in the language `lang`.
    #[wasm_bindgen]
    pub fn read_article(kind: &str, text: &str, name: &str, lang: &str, all_text: bool) -> Array {
        segmenter::install();
        lowercase::install();
        let t = Lang::from_tag(lang).unwrap_or_default().texts();
        let answer = |status: &str, payload: String| Array::of2(&status.into(), &payload.into());
        let doc = if kind == "html" {
            // Refused before the browser's parser sees it: its time grows with the square of the depth.
            if html_tree::open_depth(text) > html_tree::MAX_OPEN_DEPTH {
                return answer("error", (t.page_too_deep)(html_tree::MAX_OPEN_DEPTH));
            }
            let tree = match html_parse::parse(text, t) {
                Ok(tree) => tree,
                Err(message) => return answer("error", message),
            };
            let draft = if all_text { Ok(extract_all_text(&tree)) } else { extract_article(&tree) };
            match draft {
                Ok(mut draft) => {
                    draft.meta.source.get_or_insert_with(|| name.to_string());
                    draft.into_document().ok_or(LoadError::NoText).map_err(|e| e.message(t))
                }
                Err(error) => return answer("no-article", error.message(t)),
            }
        } else {
            load_text(FileKind::Markdown, text, None, Some(name)).map_err(|e| e.message(t))
        };
        match doc {
            // The app stores it with the time it is added; this one only carries it across.
            Ok(doc) => answer("ok", storage::encode_article(&doc, time_from_millis(0.0))),
            Err(message) => answer("error", message),
        }
    }

    /// Reads HTML pasted from a web page (`extract_pasted`, with `title` when given and `source`)
    /// into a stored article; its plain `text` when the HTML holds no text. Returns `["ok", article]`
    /// or `["error", message]`.
    #[wasm_bindgen]
    pub fn read_pasted(html: &str, text: &str, title: &str, source: &str, lang: &str) -> Array {
        segmenter::install();
        lowercase::install();
        let t = Lang::from_tag(lang).unwrap_or_default().texts();
        let answer = |status: &str, payload: String| Array::of2(&status.into(), &payload.into());
        let title = Some(title).filter(|t| !t.trim().is_empty());
        let source = Some(source.trim()).filter(|s| !s.is_empty());
        // Markup nested deeper than any article is not parsed (see `read_article`); its text is used.
        let parsed =
            (html_tree::open_depth(html) <= html_tree::MAX_OPEN_DEPTH).then(|| html_parse::parse(html, t).ok());
        let from_html = parsed.flatten().map(|tree| extract_pasted(&tree, title)).and_then(|mut draft| {
            if let Some(source) = source {
                draft.meta.source = Some(source.to_string());
            }
            draft.into_document().filter(|doc| doc.blocks().len() > 1)
        });
        let doc = match from_html {
            Some(doc) => Ok(doc),
            None => load_text(FileKind::PlainText, text, title, source).map_err(|e| e.message(t)),
        };
        match doc {
            Ok(doc) => answer("ok", storage::encode_article(&doc, time_from_millis(0.0))),
            Err(message) => answer("error", message),
        }
    }
}

/// The exports for people and other tools (W3C, Hypothesis, CSV, reports); the pack, the backup
/// every session needs, stays in the app's own wasm.
#[cfg(target_arch = "wasm32")]
mod exports {
    use marginalia::ui::browser::class_module::Array;
    use wasm_bindgen::prelude::*;

    use marginalia::domain::annotation::time_from_millis;
    use marginalia::domain::format::export::ExportKind;
    use marginalia::domain::format::pack::ExportInfo;
    use marginalia::domain::i18n::Lang;
    use marginalia::domain::storage;
    use marginalia::ui::browser::{clock, lowercase, segmenter};

    /// Renders export `kind` (its index in `ExportKind::ALL`) of a stored article, tag set and list
    /// of annotations (current versions first, then other versions), the reports for people in the
    /// language `lang` (a code). Returns `[name, type, contents]`,
    /// or `["", "", message]` when a stored value cannot be read.
    #[wasm_bindgen]
    #[allow(clippy::too_many_arguments)] // one per value the app passes, as the JS side calls it
    pub fn render_export(
        kind: usize,
        article: &str,
        tags: &str,
        annotations: &str,
        by: &str,
        at_ms: f64,
        lang: &str,
    ) -> Array {
        segmenter::install();
        lowercase::install();
        let fail = |why: String| Array::of3(&"".into(), &"".into(), &why.into());
        let Some(kind) = ExportKind::ALL.get(kind).copied() else { return fail("no such export".into()) };
        let (doc, _) = match storage::decode_article(article, None) {
            Ok(read) => read,
            Err(e) => return fail(e.to_string()),
        };
        let tags = match storage::decode_tags(tags) {
            Ok(tags) => tags,
            Err(e) => return fail(e.to_string()),
        };
        let annotations = match storage::decode_list(annotations) {
            Ok(list) => list,
            Err(e) => return fail(e.to_string()),
        };
        // Local, so reports are dated as the person reads a clock; the pack stores times in UTC.
        let info = ExportInfo { source: doc.meta().source.as_deref(), by, at: clock::local(time_from_millis(at_ms)) };
        let words = Lang::from_tag(lang).unwrap_or_default().report();
        let (name, mime, contents) = kind.render_in(&doc, &tags, &annotations, &info, words);
        Array::of3(&name.into(), &mime.into(), &contents.into())
    }
}

/// The readers of annotation files (packs, W3C, Hypothesis), which the app's own wasm leaves out:
/// the app plans an import with what these return (`domain::format::file_read`).
#[cfg(target_arch = "wasm32")]
mod imports {
    use wasm_bindgen::prelude::*;

    use marginalia::domain::format::file_read::{self, ReadFile};
    use marginalia::domain::format::import::read_file;
    use marginalia::domain::format::{pack, FormatError};
    use marginalia::domain::storage;
    use marginalia::ui::browser::{lowercase, segmenter};

    /// Reads one annotation file, with `known` the tags known when it is read (`file_read::tags_to_json`):
    /// what it holds or why it is refused, as `file_read::to_wire` writes it.
    #[wasm_bindgen]
    pub fn read_import(bytes: &[u8], known: &str) -> String {
        segmenter::install();
        lowercase::install();
        let read = match file_read::tags_from_json(known) {
            Ok(known) => read_file(bytes, &known).map(ReadFile::from),
            Err(why) => Err(FormatError::file(why)),
        };
        file_read::to_wire(&read)
    }

    /// The article a pack carries (`pack::article_of`) as a stored article, or empty.
    #[wasm_bindgen]
    pub fn pack_article(bytes: &[u8]) -> String {
        pack::article_of(bytes)
            .map(|doc| storage::encode_article(&doc, marginalia::domain::annotation::time_from_millis(0.0)))
            .unwrap_or_default()
    }
}

/// The definitions of the class view's figures for the app's help and a self-check's matching,
/// which the app's own wasm leaves out.
#[cfg(target_arch = "wasm32")]
mod help {
    use wasm_bindgen::prelude::*;

    use marginalia::domain::i18n::Lang;

    use marginalia::domain::class::answer_key;
    use marginalia::domain::class::tokens::Tokens;
    use marginalia::domain::storage;
    use marginalia::ui::browser::{lowercase, segmenter};

    /// For each passage of the answer key `key`, whether `mine` found it (both stored lists) in an
    /// article whose text is `text`: `1` or `0` per passage, or empty when a list cannot be read.
    #[wasm_bindgen]
    pub fn key_found(text: &str, mine: &str, key: &str) -> String {
        segmenter::install();
        lowercase::install();
        let (Ok(mine), Ok(key)) = (storage::decode_list(mine), storage::decode_list(key)) else { return String::new() };
        let found = answer_key::key_found(&Tokens::of_text(text), &mine, &key);
        found.iter().map(|&f| if f { '1' } else { '0' }).collect()
    }

    /// The sections of `Lang::agreement_help` in the language `lang`, as
    /// `class_module::agreement_help` reads them: each its title then its paragraphs, separated by
    /// U+001F, sections separated by U+001E.
    #[wasm_bindgen]
    pub fn agreement_help(lang: &str) -> String {
        let sections = Lang::from_tag(lang).unwrap_or_default().agreement_help().iter();
        let section = |s: &marginalia::domain::i18n::agreement_help::HelpSection| {
            std::iter::once(s.title).chain(s.paragraphs.iter().copied()).collect::<Vec<_>>().join("\u{1f}")
        };
        sections.map(section).collect::<Vec<_>>().join("\u{1e}")
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The class view is a wasm module the app loads in the browser: `make serve` builds both");
}
