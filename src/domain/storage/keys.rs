//! The storage key scheme: every key Marginalia writes, one per annotation and one per other part of an article, and what a key holds.
//!
//! `marginalia/v1/<article hash>/a/<uuid>` (one annotation), `…/doc` (the article), `…/summary`,
//! `…/tags`, `…/orphans`, `…/conflicts`, `…/classroom`; `marginalia/v1/last-open`, `…/author`
//! and `…/lang` hold plain text, not JSON; `marginalia/backup/…` keeps unreadable values.

use uuid::Uuid;

use crate::domain::article::document::ContentHash;

/// Every key this app writes starts with this.
pub const KEY_PREFIX: &str = "marginalia/";

/// Key holding the short hash of the article that was open last (plain text).
pub const LAST_OPEN_KEY: &str = "marginalia/v1/last-open";

/// Key of the user's name, written into annotations and exports (plain text).
pub const AUTHOR_KEY: &str = "marginalia/v1/author";

/// The UI language the user chose in Settings (`en`, `es`); absent, the browser's preference decides.
pub const LANG_KEY: &str = "marginalia/v1/lang";

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

/// Key of the tag set of the article with hash `article` (absent: the default tags).
pub fn tags_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/tags", article.short())
}

/// Key of the classroom state (tag lock and answer key) of the article with hash `article`.
pub fn classroom_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/classroom", article.short())
}

/// Key of the teacher's class workspace (the student files added to the class view) of the
/// article with hash `article` (`domain::class::workspace`).
pub fn class_files_key(article: &ContentHash) -> String {
    format!("{KEY_PREFIX}v1/{}/class-files", article.short())
}

/// Key of the person's tag-set presets (`storage::presets`), one value for every article.
pub const PRESETS_KEY: &str = "marginalia/v1/presets";
