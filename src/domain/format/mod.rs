//! File formats for sharing annotations: the native pack, W3C Web Annotation, Hypothesis, CSV and reports.
//!
//! Every reader takes bytes and returns either what the file holds or a [`FormatError`] that
//! says where (a field path such as `annotations[3].target.start`, or a line and column) and
//! why; no reader panics on any input. Writers are pure functions of the document, tags and
//! annotations (and the export time, passed in). [`import`] validates several files, re-anchors
//! their annotations in the open article and merges them, all before anything changes.

pub mod csv;
pub mod csv_cell;
pub mod export;
pub mod file_read;
pub mod html_report;
pub mod hypothesis;
pub mod import;
pub mod import_report;
pub mod json;
pub mod limits;
pub mod markdown_report;
pub mod pack;
pub mod pack_check;
mod pack_migrate;
pub mod page_text;
mod placing;
pub mod w3c;
pub mod w3c_import;

pub use crate::domain::annotation::MAX_NOTE_BYTES;
pub use crate::domain::json::error::{FormatError, Location};

use crate::domain::annotation::tags::{Tag, TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::{
    segments_of, ArticleMeta, BlockKind, ContentHash, Document, InlineMark, RawBlock,
};
use crate::domain::text::lowercase::lower;

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Most annotations one file may hold.
pub const MAX_ANNOTATIONS: usize = 50_000;
/// Deepest nesting of JSON arrays and objects accepted. Checked before parsing, so deep input
/// never reaches serde_json, whose own recursion limit (128) is a second guard.
pub const MAX_JSON_DEPTH: usize = 32;

/// The formats a file can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `.marginalia.json`, `"format": "marginalia-pack"`.
    Pack,
    /// The earlier JSON export (`"format": "marginalia-annotations"`, schema 1), migrated on import.
    LegacyExport,
    /// W3C Web Annotation JSON-LD (a collection, a page, an array or one annotation).
    W3c,
    /// The Hypothesis client's JSON export.
    Hypothesis,
}

impl Format {
    pub fn label(self) -> &'static str {
        self.label_in(&crate::domain::i18n::EN)
    }

    /// The format's name in the language of `t`.
    pub fn label_in(self, t: &crate::domain::i18n::Texts) -> &'static str {
        let index = match self {
            Format::Pack => 0,
            Format::LegacyExport => 1,
            Format::W3c => 2,
            Format::Hypothesis => 3,
        };
        t.format_labels[index]
    }
}

/// What was repaired while reading a file, so the report can say so; nothing is repaired silently.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    /// `\uD800`-style escapes of half a UTF-16 pair (from text cut mid-emoji), each replaced by U+FFFD.
    pub lone_surrogates: usize,
}

/// The article as a file carries it: enough to rebuild the [`Document`] and recognise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    /// Where the article came from (a URL), when known.
    pub source: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// SHA-256 of `text`, as in [`Document::hash`].
    pub hash: ContentHash,
    pub text: String,
    pub blocks: Vec<PackBlock>,
}

/// A block as files carry it: its kind, level, code point span in the text and inline marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackBlock {
    pub kind: BlockKind,
    pub level: u8,
    pub start: usize,
    pub end: usize,
    pub marks: Vec<InlineMark>,
}

impl Article {
    pub fn from_document(doc: &Document, source: Option<&str>) -> Self {
        Article {
            title: doc.title().to_string(),
            source: source.map(str::to_string),
            byline: doc.meta().byline.clone(),
            date: doc.meta().date.clone(),
            hash: doc.hash().clone(),
            text: doc.text().to_string(),
            blocks: doc
                .blocks()
                .iter()
                .enumerate()
                .map(|(i, b)| PackBlock {
                    kind: b.kind,
                    level: b.level,
                    start: b.start,
                    end: b.end,
                    marks: doc.marks(i).to_vec(),
                })
                .collect(),
        }
    }

    /// Rebuilds the document from the blocks; `None` if they do not reproduce `text` exactly
    /// (out of range, overlapping, or not separated as [`Document::new`] separates them).
    pub fn to_document(&self) -> Option<Document> {
        // One index for all blocks: slicing each block by a scan from the text's start would cost
        // blocks × text (30 million steps for a 120,000-character article of 246 paragraphs).
        let offsets = crate::domain::text::OffsetIndex::new(&self.text);
        let len = offsets.len_chars();
        let mut raw: Vec<RawBlock> = Vec::with_capacity(self.blocks.len());
        for block in &self.blocks {
            if block.start > block.end || block.end > len {
                return None;
            }
            let text =
                &self.text[offsets.byte_of_char(&self.text, block.start)..offsets.byte_of_char(&self.text, block.end)];
            let block_len = block.end - block.start;
            if block.marks.iter().any(|m| m.start >= m.end || m.end > block_len) {
                return None;
            }
            raw.push(RawBlock { kind: block.kind, level: block.level, segments: segments_of(text, &block.marks) });
        }
        // The source travels beside the article (`Imported::source`); callers put it into the meta if they keep it.
        let meta = ArticleMeta { byline: self.byline.clone(), date: self.date.clone(), source: None };
        let doc = Document::from_blocks(&self.title, meta, raw);
        let same_blocks = doc.blocks().len() == self.blocks.len()
            && doc
                .blocks()
                .iter()
                .zip(&self.blocks)
                .all(|(d, p)| (d.kind, d.level, d.start, d.end) == (p.kind, p.level, p.start, p.end));
        (doc.text() == self.text && same_blocks).then_some(doc)
    }
}

/// What one file holds, read and checked but not yet merged with anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub format: Format,
    /// The annotated article's full text, for the formats that carry it (pack, legacy export).
    pub article: Option<Article>,
    /// Where the annotations were made (a URL or URN), when the file says.
    pub source: Option<String>,
    /// The known tags plus those this file brought; every tag of `annotations` is in it.
    pub tags: TagSet,
    /// In file order; positions refer to the file's own version of the article.
    pub annotations: Vec<Annotation>,
    pub repairs: Repairs,
    /// Entries that are not annotations of a passage (a note on the whole page, a reply), left
    /// out with where they are and why.
    pub skipped: Vec<FormatError>,
    /// A teacher's starter pack: its tag lock and answer key (then `tags` is the pack's own set).
    pub classroom: Option<pack::Classroom>,
    /// What only the open article can resolve of each annotation, parallel to `annotations`
    /// (empty when nothing is pending): see [`Pending`].
    pub pending: Vec<Option<Pending>>,
}

/// A target that a file gives in a form only the open article can resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Positions without a quote (the annotation's `exact` is empty): the quote is whatever the
    /// page text holds there, if that is in the article.
    Positions,
    /// A RangeSelector between two quotes: the annotation's target holds the start quote, this
    /// the end quote's (exact, prefix, suffix).
    RangeTo((String, String, String)),
}

/// Tag names from other tools become tag ids: an existing tag whose name or id matches
/// (ignoring case) is reused, anything else becomes a new tag with a palette colour.
///
/// Look-ups scan the set (names and ids lower-cased once, when a tag joins), and only while it
/// is within [`MAX_TAGS`](limits::MAX_TAGS) of the known set: past that the import will be refused
/// ([`limits::check`]), so new names are appended unscanned and a file naming 10,000 tags costs
/// 10,000 appends, not 10,000 scans of a growing set (50 million comparisons, each lower-casing).
#[derive(Debug, Clone)]
pub struct TagResolver {
    pub tags: TagSet,
    /// Each tag's name and id, lower-cased.
    lowered: Vec<(String, String)>,
    /// Scans stop being made once the set holds this many tags.
    scan_limit: usize,
}

/// The tag given to annotations that arrive without any (a Hypothesis note, say), as every
/// annotation needs one.
pub const IMPORTED_TAG_NAME: &str = "Imported";

impl TagResolver {
    pub fn new(known: &TagSet) -> Self {
        let mut resolver = TagResolver {
            tags: TagSet { tags: Vec::new() },
            lowered: Vec::new(),
            scan_limit: known.tags.len() + limits::MAX_TAGS,
        };
        for tag in &known.tags {
            resolver.push(tag.clone());
        }
        resolver
    }

    fn push(&mut self, tag: Tag) {
        self.lowered.push((lower(&tag.name), lower(&tag.id.0)));
        self.tags.tags.push(tag);
    }

    /// The first tag for which `matches(lower-cased name, lower-cased id, id)` holds, while the set
    /// is small enough to scan.
    fn find(&self, matches: impl Fn(&str, &str, &TagId) -> bool) -> Option<usize> {
        if self.tags.tags.len() > self.scan_limit {
            return None;
        }
        crate::domain::text::work::tick(self.tags.tags.len() + 1);
        self.lowered.iter().zip(&self.tags.tags).position(|((name, id), tag)| matches(name, id, &tag.id))
    }

    /// The id of the tag named `name` (case-insensitive, white space collapsed), created if new;
    /// `None` for a blank name.
    pub fn by_name(&mut self, name: &str) -> Option<TagId> {
        let name = crate::domain::article::document::normalise_whitespace(name);
        if name.is_empty() {
            return None;
        }
        let wanted = lower(&name);
        if let Some(index) = self.find(|n, id, _| n == wanted || id == wanted) {
            return Some(self.tags.tags[index].id.clone());
        }
        Some(self.add(&name, &wanted))
    }

    /// Keeps a tag defined by a pack: an existing tag with the same id or name stands in for it
    /// (the user's colours win); otherwise it is added as it is. Returns the id to use.
    pub fn adopt(&mut self, tag: &Tag) -> TagId {
        if self.find(|_, _, id| id == &tag.id).is_some() {
            return tag.id.clone();
        }
        let wanted = lower(&tag.name);
        if let Some(index) = self.find(|n, _, _| n == wanted) {
            return self.tags.tags[index].id.clone();
        }
        self.push(tag.clone());
        tag.id.clone()
    }

    /// Notes `iri` as the description of tag `id` when it has none (a tag that came as an IRI).
    pub fn describe(&mut self, id: &TagId, iri: &str) {
        if let Some(tag) = self.tags.tags.iter_mut().find(|t| &t.id == id) {
            if tag.description.is_empty() {
                tag.description = iri.to_string();
            }
        }
    }

    /// The id for an id that no tag defines (a file naming a tag it does not list): kept as an
    /// id, with a tag of the same name created for it.
    pub fn by_id(&mut self, id: &TagId) -> TagId {
        if self.find(|_, _, known| known == id).is_some() {
            return id.clone();
        }
        self.by_name(&id.0).unwrap_or_else(|| self.fallback())
    }

    /// The [`IMPORTED_TAG_NAME`] tag, created if needed.
    pub fn fallback(&mut self) -> TagId {
        self.by_name(IMPORTED_TAG_NAME).unwrap_or_else(|| TagId::new("imported"))
    }

    fn add(&mut self, name: &str, lower: &str) -> TagId {
        let slug: String = lower.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
        let slug = slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
        let base = if slug.is_empty() { "tag".to_string() } else { slug };
        let mut id = TagId(base.clone());
        let mut n = 2;
        while self.find(|_, _, known| known == &id).is_some() {
            id = TagId(format!("{base}-{n}"));
            n += 1;
        }
        // The look the tag editor gives a new tag: a palette colour and an underline no tag has yet.
        let (colour, underline) = self.tags.next_look();
        self.push(Tag {
            id: id.clone(),
            name: name.to_string(),
            colour: colour.to_string(),
            underline,
            description: String::new(),
            hotkey: None,
        });
        id
    }
}

/// Brings a quote from a web page to Marginalia's white space: pages carry line breaks and
/// indentation, while Marginalia's text has single spaces within blocks and a blank line
/// ([`BLOCK_SEPARATOR`](crate::domain::article::document::BLOCK_SEPARATOR)) between them. A run of white space
/// holding a line break becomes that separator, any other run one space; Marginalia's own quotes
/// come through unchanged.
pub fn normalise_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None; // inside white space: whether it held a line break
    for c in s.chars() {
        if c.is_whitespace() {
            run = Some(run.unwrap_or(false) || c == '\n');
            continue;
        }
        match run.take() {
            Some(true) => out.push_str(crate::domain::article::document::BLOCK_SEPARATOR),
            Some(false) => out.push(' '),
            None => {}
        }
        out.push(c);
    }
    match run {
        Some(true) => out.push_str(crate::domain::article::document::BLOCK_SEPARATOR),
        Some(false) => out.push(' '),
        None => {}
    }
    out
}

/// A stable id for an annotation whose file gives a non-UUID id (Hypothesis ids, W3C IRIs):
/// the first 16 bytes of SHA-256 of `namespace` and the id, marked as a version-8 UUID, so
/// importing the same file twice gives the same ids.
pub fn derived_id(namespace: &str, id: &str) -> uuid::Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("{namespace}\u{0}{id}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes)
}

/// The paragraph number of code point `cp` for people: 1 for the first body paragraph, 0 for the
/// title or a heading.
pub fn paragraph_number(doc: &Document, cp: usize) -> usize {
    let Some(index) = doc.block_index_at(cp) else { return 0 };
    let blocks = doc.blocks();
    if blocks[index].kind != BlockKind::Paragraph {
        return 0;
    }
    blocks[..=index].iter().filter(|b| b.kind == BlockKind::Paragraph).count()
}

/// True when `annotation`'s quote is at its positions in `doc`; an orphan's is not.
pub fn is_placed(doc: &Document, annotation: &Annotation) -> bool {
    let t = &annotation.target;
    t.start < t.end && t.end <= doc.len_chars() && doc.slice(t.start, t.end) == t.exact
}

/// `target` with at most [`CONTEXT_CHARS`](crate::domain::annotation::CONTEXT_CHARS) code
/// points of context on each side, as Marginalia keeps it (other tools' files may carry more).
pub fn clamp_context(mut target: crate::domain::annotation::Target) -> crate::domain::annotation::Target {
    let keep = crate::domain::annotation::CONTEXT_CHARS;
    let cut = |text: &str, at: usize| text.char_indices().nth(at).map(|(byte, _)| byte);
    if let Some(byte) = cut(&target.prefix, target.prefix.chars().count().saturating_sub(keep)) {
        target.prefix.replace_range(..byte, "");
    }
    if let Some(byte) = cut(&target.suffix, keep) {
        target.suffix.truncate(byte);
    }
    target
}

/// For each annotation of `list`, whether it is the first with its id (later ones are other
/// versions). Sorts positions through the shared sort rather than hashing, which would add a
/// hash table for `Uuid` to the wasm.
pub fn first_of_each_id(list: &[&Annotation]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    crate::domain::text::sort::sort_by_key(&mut order, |&i| (list[i].id, i));
    let mut first = vec![false; list.len()];
    for (k, &i) in order.iter().enumerate() {
        first[i] = k == 0 || list[order[k - 1]].id != list[i].id;
    }
    first
}

/// The first annotation of each id, and the later ones with an id already seen.
pub(super) fn split_versions<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
) -> (Vec<&'a Annotation>, Vec<&'a Annotation>) {
    let mut seen = std::collections::HashSet::new();
    annotations.into_iter().partition(|a| seen.insert(a.id))
}

/// `annotations` in article order: by start, then end, then id (unique, so the order is total).
pub fn in_article_order<'a>(annotations: impl IntoIterator<Item = &'a Annotation>) -> Vec<&'a Annotation> {
    let mut sorted: Vec<&Annotation> = annotations.into_iter().collect();
    let key = |a: &&Annotation| (a.target.start, a.target.end, a.id);
    // The store already lists its annotations in this order; checking costs less than sorting.
    if !sorted.is_sorted_by_key(key) {
        crate::domain::text::sort::sort_by_key(&mut sorted, key);
    }
    sorted
}

/// The order of every report: placed annotations in article order (start, end, id), then
/// orphans by quote and id, each with whether it is placed.
pub fn report_order<'a>(
    doc: &Document,
    annotations: impl IntoIterator<Item = &'a Annotation>,
) -> Vec<(&'a Annotation, bool)> {
    let mut rows: Vec<(&Annotation, bool)> = annotations.into_iter().map(|a| (a, is_placed(doc, a))).collect();
    crate::domain::text::sort::sort_by(&mut rows, |(a, a_placed), (b, b_placed)| {
        b_placed
            .cmp(a_placed)
            .then_with(|| {
                if *a_placed {
                    (a.target.start, a.target.end).cmp(&(b.target.start, b.target.end))
                } else {
                    a.target.exact.cmp(&b.target.exact)
                }
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}
