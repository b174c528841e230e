//! The versioned form annotations take in browser storage and in the JSON export, with its key scheme.
//!
//! Each annotation is stored under its own key, so a change writes one small value and two tabs
//! editing different annotations never overwrite each other.

use serde::Serialize;
use uuid::Uuid;

use super::annotation::{format_utc, Annotation};
use super::document::{ArticleMeta, ContentHash, Document, RawBlock};
use super::format::FormatError;
use super::i18n::{Texts, EN};
use super::json_out::{self as out, JsonOut};
use super::stored_json as read;
use super::tags::TagSet;
use time::OffsetDateTime;

/// The schema version written today; values with a higher version are never overwritten.
pub const SCHEMA_VERSION: u32 = 1;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "marginalia/";

/// Format name of the JSON export.
pub const EXPORT_FORMAT: &str = "marginalia-annotations";

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, truncated, or missing fields.
    Corrupt(String),
    /// Written by a newer version of the app, which this one must not overwrite.
    NewerSchema(u32),
}

impl DecodeError {
    /// The reason as a clause in the language of `t` ("it cannot be read (…)").
    pub fn message(&self, t: &Texts) -> String {
        match self {
            DecodeError::Corrupt(why) => (t.decode_corrupt)(why),
            DecodeError::NewerSchema(v) => (t.decode_newer)(*v),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// The storage key of annotation `id` of the article with hash `article`.
pub fn annotation_key(article: &ContentHash, id: &Uuid) -> String {
    format!("{KEY_PREFIX}v1/{}/a/{id}", article.short())
}

/// The key prefix shared by every annotation of `article`.
pub fn article_prefix(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/a/", article.short())
}

/// What a storage key holds for one article, as far as keeping two tabs in step is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleKey {
    Annotation(Uuid),
    Tags,
    Side(SideList),
    Classroom,
}

/// What `key` holds if it belongs to the article with hash `article`; `None` for any other key.
pub fn article_key_kind(article: &ContentHash, key: &str) -> Option<ArticleKey> {
    let rest = key.strip_prefix(KEY_PREFIX)?.strip_prefix("v1/")?.strip_prefix(article.short())?.strip_prefix('/')?;
    match rest {
        "tags" => Some(ArticleKey::Tags),
        "orphans" => Some(ArticleKey::Side(SideList::Orphans)),
        "conflicts" => Some(ArticleKey::Side(SideList::Conflicts)),
        "classroom" => Some(ArticleKey::Classroom),
        _ => rest
            .strip_prefix("a/")
            .and_then(|id| Uuid::parse_str(id).ok().filter(|uuid| uuid.to_string() == id))
            .map(ArticleKey::Annotation),
    }
}

/// Where an unreadable value found under `key` is kept, so it is never lost.
pub fn backup_key(key: &str) -> String {
    format!("{KEY_PREFIX}backup/{}", key.strip_prefix(KEY_PREFIX).unwrap_or(key))
}

/// Serialises one annotation for storage.
pub fn encode(annotation: &Annotation) -> String {
    stored("annotation", |w| out::annotation(w, annotation))
}

/// A stored value: `{"schema": 1, "<key>": …}`, compact.
fn stored(key: &str, body: impl FnOnce(&mut JsonOut)) -> String {
    let mut w = JsonOut::compact();
    w.begin_object().num_field("schema", SCHEMA_VERSION.into()).key(key);
    body(&mut w);
    w.end_object();
    w.finish()
}

/// Parses any stored value and reads it with `read`: a schema newer than this app's is told
/// apart from a damaged value, so the caller can keep it untouched rather than treat it as garbage.
fn decode_versioned<T>(
    value: &str,
    fields: impl FnOnce(&read::Node) -> Result<T, FormatError>,
) -> Result<T, DecodeError> {
    let value = read::parse(value).map_err(DecodeError::Corrupt)?;
    let root = read::Node::root(&value);
    let corrupt = |e: FormatError| DecodeError::Corrupt(e.to_string());
    let schema = read::required(&root, "schema").and_then(|s| s.u32()).map_err(corrupt)?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema(schema));
    }
    fields(&root).map_err(corrupt)
}

/// Reads one stored annotation, telling a newer format apart from a damaged value.
pub fn decode(value: &str) -> Result<Annotation, DecodeError> {
    decode_versioned(value, |root| read::annotation(&read::required(root, "annotation")?))
}

/// The JSON export of every annotation of `doc`, pretty-printed; it carries the article text so nothing is lost.
pub fn export_json<'a>(
    doc: &'a Document,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    now: OffsetDateTime,
) -> String {
    let mut w = JsonOut::pretty();
    w.begin_object().str_field("format", EXPORT_FORMAT).num_field("schema", SCHEMA_VERSION.into());
    w.str_field("exported", &format_utc(now)).key("article").begin_object();
    w.str_field("title", doc.title()).str_field("hash", &doc.hash().0).str_field("text", doc.text()).end_object();
    w.key("annotations");
    out::annotations(&mut w, annotations);
    w.end_object();
    w.finish()
}

/// A file name for the export: the title's words, lower-cased and joined by dashes.
pub fn export_file_name(doc: &Document) -> String {
    let slug: Vec<String> = doc
        .title()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(super::lowercase::lower)
        .collect();
    let slug = if slug.is_empty() { "article".to_string() } else { slug.join("-") };
    format!("{slug}.annotations.json")
}

/// Key under which the article with hash `article` is stored.
pub fn article_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/doc", article.short())
}

/// The short hash in an article key, if `key` is one.
pub fn article_key_hash(key: &str) -> Option<&str> {
    key.strip_prefix(KEY_PREFIX)?.strip_prefix("v1/")?.strip_suffix("/doc")
}

/// Key of the small summary the library lists an article by (title, source, date added), so
/// listing never decodes every article's text.
pub fn summary_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/summary", article.short())
}

/// What the library shows of a stored article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    pub title: String,
    pub source: Option<String>,
    pub added: OffsetDateTime,
}

impl ArticleSummary {
    pub fn of(doc: &Document, added: OffsetDateTime) -> Self {
        ArticleSummary { title: doc.title().to_string(), source: doc.meta().source.clone(), added }
    }
}

/// Serialises an article's library summary for storage.
pub fn encode_summary(summary: &ArticleSummary) -> String {
    stored("summary", |w| {
        w.begin_object().str_field("title", &summary.title);
        if let Some(source) = &summary.source {
            w.str_field("source", source);
        }
        w.key("added").time(summary.added).end_object();
    })
}

/// Reads a stored library summary.
pub fn decode_summary(value: &str) -> Result<ArticleSummary, DecodeError> {
    decode_versioned(value, |root| {
        let summary = read::required(root, "summary")?;
        Ok(ArticleSummary {
            title: read::string(&summary, "title")?,
            source: read::optional_string(&summary, "source")?,
            added: read::time(&summary, "added")?,
        })
    })
}

/// Key holding the short hash of the article that was open last.
pub const LAST_OPEN_KEY: &str = "marginalia/v1/last-open";

/// An article as stored in the browser: enough to rebuild the exact same [`Document`].
struct StoredArticle {
    title: String,
    meta: ArticleMeta,
    added: OffsetDateTime,
    blocks: Vec<RawBlock>,
}

/// Serialises an article for storage, with the time it was added to the library.
pub fn encode_article(doc: &Document, added: OffsetDateTime) -> String {
    let mut w = JsonOut::compact();
    w.begin_object().num_field("schema", SCHEMA_VERSION.into()).str_field("title", doc.title()).key("meta");
    out::article_meta(&mut w, doc.meta());
    w.key("added").time(added).key("blocks").begin_array();
    for block in &doc.raw_blocks() {
        out::raw_block(&mut w, block);
    }
    w.end_array().end_object();
    w.finish()
}

/// Reads a stored article back; its hash must match `expected` (a damaged value is reported, not used).
pub fn decode_article(value: &str, expected: Option<&str>) -> Result<(Document, OffsetDateTime), DecodeError> {
    let stored = decode_versioned(value, |root| {
        Ok(StoredArticle {
            title: read::string(root, "title")?,
            meta: root.member("meta").map(|meta| read::article_meta(&meta)).transpose()?.unwrap_or_default(),
            added: read::time(root, "added")?,
            blocks: read::list(root, "blocks", read::raw_block)?,
        })
    })?;
    let doc = Document::from_blocks(&stored.title, stored.meta, stored.blocks);
    if expected.is_some_and(|short| short != doc.hash().short()) {
        return Err(DecodeError::Corrupt("its text does not match its key".into()));
    }
    Ok((doc, stored.added))
}

/// Annotations kept beside the article's own: ones an import could not place, and other versions from a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideList {
    /// Imported annotations whose passage was not found; waiting to be re-attached or deleted.
    Orphans,
    /// Older or other versions of annotations, kept after a merge until the user picks one.
    Conflicts,
}

impl SideList {
    fn name(self) -> &'static str {
        match self {
            SideList::Orphans => "orphans",
            SideList::Conflicts => "conflicts",
        }
    }
}

/// Key of a side list of the article with hash `article`.
pub fn side_key(article: &ContentHash, list: SideList) -> String {
    format!("{KEY_PREFIX}v1/{}/{}", article.short(), list.name())
}

/// Serialises a side list for storage.
pub fn encode_list(annotations: &[Annotation]) -> String {
    stored("annotations", |w| out::annotations(w, annotations))
}

/// Reads a stored side list, telling a newer format apart from a damaged value.
pub fn decode_list(value: &str) -> Result<Vec<Annotation>, DecodeError> {
    decode_versioned(value, |root| read::annotations(root, "annotations"))
}

/// Key of the tag set of the article with hash `article` (absent: the default tags).
pub fn tags_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/tags", article.short())
}

/// Key of the user's name, written into annotations and exports.
pub const AUTHOR_KEY: &str = "marginalia/v1/author";
/// Key of the person's tag-set presets (`domain::presets`), one value for every article.
pub const PRESETS_KEY: &str = "marginalia/v1/presets";

/// Serialises the person's presets for storage.
pub fn encode_presets(presets: &crate::domain::presets::Presets) -> String {
    stored("presets", |w| crate::domain::presets::write_body(w, presets))
}

/// Reads the stored presets, telling a newer format apart from a damaged value.
pub fn decode_presets(value: &str) -> Result<crate::domain::presets::Presets, DecodeError> {
    decode_versioned(value, |root| crate::domain::presets::read_body(&read::required(root, "presets")?))
}

/// The UI language the user chose in Settings (`en`, `es`); absent, the browser's preference decides.
pub const LANG_KEY: &str = "marginalia/v1/lang";

/// Serialises an article's tag set for storage.
pub fn encode_tags(tags: &TagSet) -> String {
    stored("tags", |w| out::tag_set(w, tags))
}

/// Reads a stored tag set; a tag with a colour that is not `#rrggbb` makes the value unreadable.
pub fn decode_tags(value: &str) -> Result<TagSet, DecodeError> {
    let tags = decode_versioned(value, |root| read::tag_set(&read::required(root, "tags")?))?;
    if tags.tags.is_empty() || tags.tags.iter().any(|t| crate::domain::tag_edit::valid_colour(&t.colour).is_err()) {
        return Err(DecodeError::Corrupt("a tag set needs at least one tag, each with a #rrggbb colour".into()));
    }
    Ok(tags)
}

/// Key of the classroom state (tag lock and answer key) of the article with hash `article`.
pub fn classroom_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/classroom", article.short())
}

/// What a teacher's files left for this article: the tag lock, the answer key, whether the key
/// has been revealed, and the assignment's instructions. A teacher's own key (the one the class
/// view scores against) is stored revealed and unlocked; a student has a key only from a
/// self-check key file, stored revealed (or, from a pack made before keys stayed with the
/// teacher, one that is still hidden).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassroomState {
    pub lock_tags: bool,
    pub answer_key: Vec<Annotation>,
    pub revealed: bool,
    /// Plain text, empty when none; stored only when not empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub instructions: String,
}

/// Serialises an article's classroom state for storage.
pub fn encode_classroom(classroom: &ClassroomState) -> String {
    stored("classroom", |w| {
        w.begin_object().key("lockTags").bool(classroom.lock_tags).key("answerKey");
        out::annotations(w, &classroom.answer_key);
        w.key("revealed").bool(classroom.revealed);
        if !classroom.instructions.is_empty() {
            w.str_field("instructions", &classroom.instructions);
        }
        w.end_object();
    })
}

/// Reads a stored classroom state, telling a newer format apart from a damaged value.
pub fn decode_classroom(value: &str) -> Result<ClassroomState, DecodeError> {
    decode_versioned(value, |root| {
        let classroom = read::required(root, "classroom")?;
        Ok(ClassroomState {
            lock_tags: read::bool(&classroom, "lockTags")?,
            answer_key: read::annotations(&classroom, "answerKey")?,
            revealed: read::bool(&classroom, "revealed")?,
            instructions: read::optional_string(&classroom, "instructions")?.unwrap_or_default(),
        })
    })
}
