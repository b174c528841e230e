//! The native annotation pack (`.marginalia.json`): article, tags and annotations, versioned, with one migration per older version.
//!
//! A pack is written deterministically (annotations in article order, times in UTC, fields in a
//! fixed order), so exporting what was imported gives the same bytes. Its JSON Schema is
//! published at `schema/marginalia-pack.v1.schema.json`; the tests validate every export against it.

use serde_json::Value;
use time::OffsetDateTime;

use super::json::{self, At};
use super::{
    in_article_order, Article, Format, FormatError, Imported, PackBlock, Repairs, TagResolver, MAX_ANNOTATIONS,
};
use crate::domain::annotation::tags::{Tag, TagId, TagSet, UnderlineStyle};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::{safe_link, BlockKind, ContentHash, Document, InlineMark, MarkKind};
use crate::domain::json::write::JsonOut;
use crate::domain::storage;
use crate::domain::storage::{annotation, article as stored_article, tag_set};

use super::pack_check::validate;
pub use super::pack_check::{check_annotation, check_note, too_many};
use super::pack_migrate::{version_of, MIGRATIONS};

/// The `format` value of a pack.
pub const FORMAT: &str = "marginalia-pack";
/// The pack version written today.
pub const SCHEMA_VERSION: u32 = 1;
/// The end of a pack's file name.
pub const FILE_SUFFIX: &str = ".marginalia.json";
/// The app named in `exported.app`.
pub const APP: &str = concat!("Marginalia ", env!("CARGO_PKG_VERSION"));

/// A whole pack, as written to and read from the file. It is read field by field ([`read`],
/// [`Pack::from_bytes`]), not deserialised, so every error names its field and every pack read
/// has been validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    pub format: String,
    pub schema_version: u32,
    pub exported: Exported,
    pub article: Article,
    /// The whole tag set, in hotkey order.
    pub tags: Vec<Tag>,
    /// In article order (start, end, id).
    pub annotations: Vec<Annotation>,
    /// Other versions of annotations (conflicts not yet resolved), in article order; written
    /// only when there are some (`otherVersions`), so a pack without them reads as before.
    pub other_versions: Vec<Annotation>,
    /// A teacher's starter pack: the tag set lock and the answer key (absent in other packs).
    pub classroom: Option<Classroom>,
}

/// What a teacher's file adds for her students. A starter pack: whether the tag set is locked
/// and the assignment's instructions; it never holds her answer key (packs made before did, and
/// a student's import drops it). A self-check key (`self_check`), handed out after the
/// assignment: the answer key, shown to the student with her matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classroom {
    pub lock_tags: bool,
    /// In article order, in the same shape as the pack's annotations; written only when not empty.
    pub answer_key: Vec<Annotation>,
    /// The assignment's instructions, plain text; written only when not empty.
    pub instructions: String,
    /// A self-check key file; written only when true.
    pub self_check: bool,
}

/// Who exported the pack, when, and with what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub by: String,
    pub at: OffsetDateTime,
    pub app: String,
}

/// What an export needs besides the article, tags and annotations.
#[derive(Debug, Clone, Copy)]
pub struct ExportInfo<'a> {
    /// The article's URL, when known.
    pub source: Option<&'a str>,
    /// Who is exporting (the app's author name).
    pub by: &'a str,
    pub at: OffsetDateTime,
}

impl Pack {
    /// The pack of `doc` with `tags` and `annotations` (orphans included: they keep their quote).
    /// The first annotation given with an id is its current version; any later one with the
    /// same id (a conflict's other version) goes to [`Pack::other_versions`].
    pub fn new<'a>(
        doc: &Document,
        tags: &TagSet,
        annotations: impl IntoIterator<Item = &'a Annotation>,
        info: &ExportInfo,
    ) -> Self {
        let (current, others) = super::split_versions(annotations);
        let annotations: Vec<Annotation> = in_article_order(current).into_iter().map(in_utc).collect();
        let other_versions: Vec<Annotation> = in_article_order(others).into_iter().map(in_utc).collect();
        Pack {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            exported: Exported { by: info.by.to_string(), at: utc(info.at), app: APP.to_string() },
            article: Article::from_document(doc, info.source),
            tags: with_undefined(tags, annotations.iter().chain(&other_versions)),
            annotations,
            other_versions,
            classroom: None,
        }
    }

    /// The file's text: pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut w = JsonOut::pretty();
        w.begin_object().str_field("format", &self.format).num_field("schemaVersion", self.schema_version.into());
        let exported = &self.exported;
        w.key("exported").begin_object().str_field("by", &exported.by).key("at").time(exported.at);
        w.str_field("app", &exported.app).end_object().key("article");
        write_article(&mut w, &self.article);
        w.key("tags");
        tag_set::write_all(&mut w, &self.tags);
        w.key("annotations");
        annotation::write_all(&mut w, &self.annotations);
        if !self.other_versions.is_empty() {
            w.key("otherVersions");
            annotation::write_all(&mut w, &self.other_versions);
        }
        if let Some(classroom) = &self.classroom {
            w.key("classroom").begin_object().key("lockTags").bool(classroom.lock_tags);
            if !classroom.answer_key.is_empty() {
                w.key("answerKey");
                annotation::write_all(&mut w, &classroom.answer_key);
            }
            if !classroom.instructions.is_empty() {
                w.str_field("instructions", &classroom.instructions);
            }
            if classroom.self_check {
                w.key("selfCheck").bool(true);
            }
            w.end_object();
        }
        w.end_object();
        let mut text = w.finish();
        text.push('\n');
        text
    }

    /// Reads a pack (or an older version of it, migrated), checking everything; see [`read`].
    pub fn from_bytes(bytes: &[u8]) -> Result<(Pack, Repairs), FormatError> {
        let (value, repairs) = json::parse(bytes)?;
        let (pack, _) = from_value(value)?;
        Ok((pack, repairs))
    }

    /// The article as a document; always succeeds for a pack that passed [`Pack::from_bytes`].
    pub fn document(&self) -> Option<Document> {
        self.article.to_document()
    }
}

/// The article as packs carry it: `source`, `byline` and `date` are `null` when unknown; a
/// block's `level` and `marks` only when they are not 0 and empty.
fn write_article(w: &mut JsonOut, article: &Article) {
    w.begin_object().str_field("title", &article.title).key("source").opt_str(article.source.as_deref());
    w.key("byline").opt_str(article.byline.as_deref()).key("date").opt_str(article.date.as_deref());
    w.str_field("hash", &article.hash.0).str_field("text", &article.text).key("blocks").begin_array();
    for block in &article.blocks {
        w.begin_object().str_field("kind", stored_article::block_kind(block.kind));
        if block.level != 0 {
            w.num_field("level", block.level.into());
        }
        w.num_field("start", block.start as u64).num_field("end", block.end as u64);
        if !block.marks.is_empty() {
            w.key("marks").begin_array();
            for mark in &block.marks {
                stored_article::write_inline_mark(w, mark);
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array().end_object();
}

/// The pack file's text for `doc`; see [`Pack::new`].
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    Pack::new(doc, tags, annotations, info).to_json()
}

/// A teacher's starter pack for `doc`: no annotations, the tag set `tags`, and a classroom
/// section with the lock flag and the assignment's `instructions`. Never an answer key: the key
/// stays with the teacher (see [`self_check_key`]).
pub fn starter(doc: &Document, tags: &TagSet, lock_tags: bool, instructions: &str, info: &ExportInfo) -> String {
    let mut pack = Pack::new(doc, tags, std::iter::empty(), info);
    let instructions = instructions.trim().to_string();
    pack.classroom = Some(Classroom { lock_tags, instructions, ..Classroom::default() });
    pack.to_json()
}

/// A self-check key for `doc`: no annotations, the tag set `tags` and `key` as the answer key,
/// which a student's import keeps and shows her beside her matches.
pub fn self_check_key<'a>(
    doc: &Document,
    tags: &TagSet,
    key: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    let mut pack = Pack::new(doc, tags, std::iter::empty(), info);
    let answer_key = in_article_order(key).into_iter().map(in_utc).collect();
    pack.classroom = Some(Classroom { answer_key, self_check: true, ..Classroom::default() });
    pack.to_json()
}

/// The self-check key's file name: [`file_name`] with `.self-check` before [`FILE_SUFFIX`].
pub fn self_check_file_name(doc: &Document) -> String {
    format!("{}.self-check{FILE_SUFFIX}", file_name(doc).trim_end_matches(FILE_SUFFIX))
}

/// The starter pack's file name: [`file_name`] with `.starter` before [`FILE_SUFFIX`].
pub fn starter_file_name(doc: &Document) -> String {
    format!("{}.starter{FILE_SUFFIX}", file_name(doc).trim_end_matches(FILE_SUFFIX))
}

/// A file name for the pack: the title's words, lower-cased and joined by dashes, then [`FILE_SUFFIX`].
pub fn file_name(doc: &Document) -> String {
    let legacy = storage::export_file_name(doc);
    format!("{}{FILE_SUFFIX}", legacy.trim_end_matches(".annotations.json"))
}

/// True for JSON that names a `format` (as packs and legacy exports do, and W3C and Hypothesis
/// files do not at their top level), so that a damaged or unknown `format` is reported there.
pub fn is_pack(value: &Value) -> bool {
    value.get("format").is_some()
}

/// Reads a parsed pack or legacy export into annotations and tags, mapping its tags onto `known`.
pub fn read(value: Value, repairs: Repairs, known: &TagSet) -> Result<Imported, FormatError> {
    let (pack, format) = from_value(value)?;
    Ok(imported(pack, format, repairs, known))
}

/// What a read and validated pack brings: its annotations with tags mapped onto `known`.
fn imported(pack: Pack, format: Format, repairs: Repairs, known: &TagSet) -> Imported {
    if let Some(mut classroom) = pack.classroom {
        // The answer key of a starter pack made before keys stayed with the teacher is dropped:
        // only a self-check key, which the teacher chose to hand out, brings one to a student.
        if !classroom.self_check {
            classroom.answer_key.clear();
        }
        // A starter pack's tag set replaces the article's as it is: the answer key uses its ids.
        return Imported {
            format,
            source: pack.article.source.clone(),
            article: Some(pack.article),
            tags: TagSet { tags: pack.tags },
            annotations: pack.annotations,
            repairs,
            skipped: Vec::new(),
            classroom: Some(classroom),
            pending: Vec::new(),
        };
    }
    let mut resolver = TagResolver::new(known);
    let ids: Vec<(TagId, TagId)> = pack.tags.iter().map(|t| (t.id.clone(), resolver.adopt(t))).collect();
    let map = |id: &TagId| ids.iter().find(|(from, _)| from == id).map_or_else(|| id.clone(), |(_, to)| to.clone());
    // Other versions follow the current ones: merging keeps each as a version of its id.
    let annotations = pack
        .annotations
        .into_iter()
        .chain(pack.other_versions)
        .map(|a| Annotation { tags: a.tags.iter().map(map).collect(), ..a })
        .collect();
    Imported {
        format,
        source: pack.article.source.clone(),
        article: Some(pack.article),
        tags: resolver.tags,
        annotations,
        repairs,
        skipped: Vec::new(),
        classroom: None,
        pending: Vec::new(),
    }
}

/// `tags` plus a plain definition (named by its id) of every tag an annotation carries that the
/// set no longer defines (one kept as unknown when its tag was deleted), so the file re-imports.
fn with_undefined<'a>(tags: &TagSet, annotations: impl Iterator<Item = &'a Annotation>) -> Vec<Tag> {
    let mut defined = tags.tags.clone();
    for id in annotations.flat_map(|a| &a.tags) {
        if !defined.iter().any(|t| &t.id == id) {
            // Named by its id, unless a defined tag has that name (it would be taken for that tag).
            let taken = defined.iter().any(|t| {
                crate::domain::text::lowercase::lower(&t.name) == crate::domain::text::lowercase::lower(&id.0)
            });
            defined.push(Tag {
                id: id.clone(),
                name: if taken { format!("{} ({})", id.0, UNKNOWN_TAG_NOTE) } else { id.0.clone() },
                colour: UNKNOWN_TAG_COLOUR.to_string(),
                underline: UnderlineStyle::Solid,
                description: String::new(),
                hotkey: None,
            });
        }
    }
    defined
}

/// The colour of a tag a file defines only because an annotation still carries it (a neutral grey).
const UNKNOWN_TAG_COLOUR: &str = "#777777";
/// Added to such a tag's name when another tag already has its id as a name.
const UNKNOWN_TAG_NOTE: &str = "deleted tag";

/// Whether `bytes` look like a pack of today's format (its `format` field near the start), without parsing them.
pub fn looks_like_pack(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let wanted = format!("\"{FORMAT}\"");
    head.windows(wanted.len()).any(|w| w == wanted.as_bytes())
}

/// The article a pack carries, as a document with the pack's source, if `bytes` are a pack
/// whose article is whole: what the app offers to open when a pack of another article is imported.
pub fn article_of(bytes: &[u8]) -> Option<Document> {
    let (pack, _) = Pack::from_bytes(bytes).ok()?;
    let source = pack.article.source.clone();
    pack.document().map(|doc| {
        let mut meta = doc.meta().clone();
        meta.source = source;
        Document::from_blocks(doc.title(), meta, doc.raw_blocks())
    })
}

/// Migrates, reads (with field paths) and validates.
fn from_value(value: Value) -> Result<(Pack, Format), FormatError> {
    let (version, format) = version_of(&value)?;
    let mut value = value;
    for migrate in &MIGRATIONS[version as usize..] {
        value = migrate(value)?;
    }
    let pack = read_fields(&At::root(&value))?;
    validate(&pack)?;
    Ok((pack, format))
}

/// Reads the current version's fields. Hand-written over [`At`] rather than derived: the
/// errors name the field (`annotations[3].target.start`) without a path-tracking
/// deserialiser, which cost some 35 KB of wasm.
fn read_fields(root: &At) -> Result<Pack, FormatError> {
    let exported = root.field("exported")?.object()?;
    let article = root.field("article")?.object()?;
    let listed = root.field("annotations")?.array()?;
    if listed.len() > MAX_ANNOTATIONS {
        return Err(too_many("annotations", listed.len()));
    }
    Ok(Pack {
        format: root.field("format")?.str()?.to_string(),
        schema_version: SCHEMA_VERSION,
        exported: Exported {
            by: string(&exported, "by")?,
            at: exported.field("at")?.time()?,
            app: string(&exported, "app")?,
        },
        article: Article {
            title: string(&article, "title")?,
            source: optional_string(&article, "source")?,
            byline: optional_string(&article, "byline")?,
            date: optional_string(&article, "date")?,
            hash: ContentHash(string(&article, "hash")?),
            text: string(&article, "text")?,
            blocks: article.field("blocks")?.array()?.iter().map(read_block).collect::<Result<_, _>>()?,
        },
        tags: super::limits::tag_list(&root.field("tags")?)?.iter().map(read_tag).collect::<Result<_, _>>()?,
        annotations: listed.iter().map(read_annotation).collect::<Result<_, _>>()?,
        other_versions: match root.get("otherVersions") {
            Some(others) => {
                let others = others.array()?;
                if others.len() > MAX_ANNOTATIONS {
                    return Err(too_many("otherVersions", others.len()));
                }
                others.iter().map(read_annotation).collect::<Result<_, _>>()?
            }
            None => Vec::new(),
        },
        classroom: root.get("classroom").map(read_classroom).transpose()?,
    })
}

fn read_classroom(at: At) -> Result<Classroom, FormatError> {
    let at = at.object()?;
    let lock = at.field("lockTags")?;
    let lock_tags = lock.value.as_bool().ok_or_else(|| lock.err("expected true or false"))?;
    let key = match at.get("answerKey") {
        Some(key) => key.array()?,
        None => Vec::new(),
    };
    if key.len() > MAX_ANNOTATIONS {
        return Err(too_many("classroom.answerKey", key.len()));
    }
    let instructions = optional_string(&at, "instructions")?.unwrap_or_default();
    if instructions.len() > super::MAX_NOTE_BYTES {
        return Err(at.field("instructions")?.err("the instructions are longer than a note may be"));
    }
    let self_check = match at.get("selfCheck") {
        Some(flag) => flag.value.as_bool().ok_or_else(|| flag.err("expected true or false"))?,
        None => false,
    };
    let answer_key = key.iter().map(read_annotation).collect::<Result<_, _>>()?;
    Ok(Classroom { lock_tags, answer_key, instructions, self_check })
}

fn string(at: &At, key: &str) -> Result<String, FormatError> {
    Ok(at.field(key)?.str()?.to_string())
}

fn optional_string(at: &At, key: &str) -> Result<Option<String>, FormatError> {
    at.get(key).map(|v| v.str().map(str::to_string)).transpose()
}

fn read_block(at: &At) -> Result<PackBlock, FormatError> {
    let kind_at = at.field("kind")?;
    let kind = match kind_at.str()? {
        "heading" => BlockKind::Heading,
        "paragraph" => BlockKind::Paragraph,
        "quote" => BlockKind::Quote,
        "listitem" => BlockKind::ListItem,
        "numbereditem" => BlockKind::NumberedItem,
        other => {
            return Err(kind_at.err(format!(
                "expected \"heading\", \"paragraph\", \"quote\", \"listitem\" or \"numbereditem\", found {other:?}"
            )))
        }
    };
    let level = match at.get("level") {
        Some(level) => u8::try_from(level.usize()?)
            .ok()
            .filter(|l| *l <= 6)
            .ok_or_else(|| level.err("expected a level from 0 to 6"))?,
        None => 0,
    };
    let marks = match at.get("marks") {
        Some(marks) => marks.array()?.iter().map(read_mark).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(PackBlock { kind, level, start: at.field("start")?.usize()?, end: at.field("end")?.usize()?, marks })
}

fn read_mark(at: &At) -> Result<InlineMark, FormatError> {
    let mark_at = at.field("mark")?.object()?;
    let type_at = mark_at.field("type")?;
    let mark = match type_at.str()? {
        "emphasis" => MarkKind::Emphasis,
        "strong" => MarkKind::Strong,
        "code" => MarkKind::Code,
        "link" => {
            let href_at = mark_at.field("href")?;
            // A hostile file could carry a javascript: link; only safe targets are accepted.
            let href = safe_link(href_at.str()?)
                .ok_or_else(|| href_at.err("only http, https and mailto links are allowed"))?;
            MarkKind::Link { href }
        }
        other => return Err(type_at.err(format!("expected emphasis, strong, code or link, found {other:?}"))),
    };
    Ok(InlineMark { start: at.field("start")?.usize()?, end: at.field("end")?.usize()?, mark })
}

fn read_tag(at: &At) -> Result<Tag, FormatError> {
    tag_set::read_as(&crate::domain::json::read::Node::with_path(at.value, &at.path), true)
}

fn read_annotation(at: &At) -> Result<Annotation, FormatError> {
    annotation::read_as(&crate::domain::json::read::Node::with_path(at.value, &at.path), true)
}

fn utc(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(time::UtcOffset::UTC)
}

/// `a` as a pack holds it: times in UTC, and context of at most 32 code points
/// (an unplaced annotation keeps what another tool's file gave, which may be longer).
fn in_utc(a: &Annotation) -> Annotation {
    let a = Annotation { created: utc(a.created), modified: utc(a.modified), ..a.clone() };
    Annotation { target: super::clamp_context(a.target), ..a }
}
