//! A stored article's JSON (enough to rebuild the exact same `Document`), read and written side by side, with the block, run and mark objects packs hold too.
//!
//! Shape: `{"schema": 1, "title", "meta": {"byline", "date", "source"} (each text or null),
//! "added": RFC 3339, "blocks": [{"kind": heading|paragraph|quote|listitem|numbereditem,
//! "level", "segments": [{"text", "marks"?: [{"type": emphasis|strong|code|link, "href"?}]}]}]}`.
//! `marks` is written only when there are some; a stored article may lack `meta` and a block its
//! `level` (0). The hash of the rebuilt text must match the key's. Golden files:
//! `tests/fixtures/stored/article/`.

use time::OffsetDateTime;

use super::{decode_versioned, DecodeError, SCHEMA_VERSION};
use crate::domain::article::document::{ArticleMeta, BlockKind, Document, InlineMark, MarkKind, RawBlock, Segment};
use crate::domain::json::error::FormatError;
use crate::domain::json::read::{self as read, one_of, required, string, Node};
use crate::domain::json::write::JsonOut;

/// Serialises an article for storage, with the time it was added to the library.
pub fn encode_article(doc: &Document, added: OffsetDateTime) -> String {
    let mut w = JsonOut::compact();
    w.begin_object().num_field("schema", SCHEMA_VERSION.into()).str_field("title", doc.title()).key("meta");
    write_meta(&mut w, doc.meta());
    w.key("added").time(added).key("blocks").begin_array();
    for block in &doc.raw_blocks() {
        write_block(&mut w, block);
    }
    w.end_array().end_object();
    w.finish()
}

/// Reads a stored article back; its hash must match `expected` (a damaged value is reported, not used).
pub fn decode_article(value: &str, expected: Option<&str>) -> Result<(Document, OffsetDateTime), DecodeError> {
    let (title, meta, added, blocks) = decode_versioned(value, |root| {
        Ok((
            string(root, "title")?,
            root.member("meta").map(|meta| read_meta(&meta)).transpose()?.unwrap_or_default(),
            read::time(root, "added")?,
            read::list(root, "blocks", read_block)?,
        ))
    })?;
    let doc = Document::from_blocks(&title, meta, blocks);
    if expected.is_some_and(|short| short != doc.hash().short()) {
        return Err(DecodeError::Corrupt("its text does not match its key".into()));
    }
    Ok((doc, added))
}

/// An article's facts; absent ones are `null`.
pub fn write_meta(w: &mut JsonOut, meta: &ArticleMeta) {
    w.begin_object().key("byline").opt_str(meta.byline.as_deref());
    w.key("date").opt_str(meta.date.as_deref()).key("source").opt_str(meta.source.as_deref()).end_object();
}

/// An article's facts (`meta`); every one may be missing or `null`.
pub fn read_meta(node: &Node) -> Result<ArticleMeta, FormatError> {
    if !node.value.is_object() {
        return Err(node.expected("an object"));
    }
    Ok(ArticleMeta {
        byline: read::optional_string(node, "byline")?,
        date: read::optional_string(node, "date")?,
        source: read::optional_string(node, "source")?,
    })
}

/// The block kinds by their names in files.
const BLOCK_KINDS: &[(&str, BlockKind)] = &[
    ("heading", BlockKind::Heading),
    ("paragraph", BlockKind::Paragraph),
    ("quote", BlockKind::Quote),
    ("listitem", BlockKind::ListItem),
    ("numbereditem", BlockKind::NumberedItem),
];

/// A block kind's name in files: `heading`, `paragraph`, `quote`, `listitem`, `numbereditem`.
pub fn block_kind(kind: BlockKind) -> &'static str {
    BLOCK_KINDS.iter().find(|(_, k)| *k == kind).map_or("paragraph", |(name, _)| name)
}

/// The block kind named at `node`.
pub fn read_block_kind(node: &Node) -> Result<BlockKind, FormatError> {
    one_of(node, BLOCK_KINDS)
}

/// A stored block: kind, level, and its runs of text (`marks` only when there are some).
pub fn write_block(w: &mut JsonOut, block: &RawBlock) {
    w.begin_object().str_field("kind", block_kind(block.kind)).num_field("level", u64::from(block.level));
    w.key("segments").begin_array();
    for segment in &block.segments {
        w.begin_object().str_field("text", &segment.text);
        if !segment.marks.is_empty() {
            w.key("marks").begin_array();
            for mark in &segment.marks {
                write_mark(w, mark);
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array().end_object();
}

/// One block of a stored article.
pub fn read_block(node: &Node) -> Result<RawBlock, FormatError> {
    let level = match node.member("level") {
        Some(level) => u8::try_from(level.usize()?).map_err(|_| level.err("expected a number from 0 to 255"))?,
        None => 0,
    };
    Ok(RawBlock {
        kind: read_block_kind(&required(node, "kind")?)?,
        level,
        segments: read::list(node, "segments", read_segment)?,
    })
}

fn read_segment(node: &Node) -> Result<Segment, FormatError> {
    let marks = match node.member("marks") {
        Some(marks) => marks.list(read_mark)?,
        None => Vec::new(),
    };
    Ok(Segment { text: string(node, "text")?, marks })
}

/// An inline mark's kind: `{"type": "emphasis"}`, …, `{"type": "link", "href": …}`.
pub fn write_mark(w: &mut JsonOut, mark: &MarkKind) {
    w.begin_object().key("type");
    match mark {
        MarkKind::Emphasis => w.str("emphasis"),
        MarkKind::Strong => w.str("strong"),
        MarkKind::Code => w.str("code"),
        MarkKind::Link { href } => w.str("link").str_field("href", href),
    };
    w.end_object();
}

/// An inline mark's kind, as [`write_mark`] writes it.
pub fn read_mark(node: &Node) -> Result<MarkKind, FormatError> {
    let kind = required(node, "type")?;
    Ok(match kind.str()? {
        "emphasis" => MarkKind::Emphasis,
        "strong" => MarkKind::Strong,
        "code" => MarkKind::Code,
        "link" => MarkKind::Link { href: string(node, "href")? },
        other => return Err(kind.err(format!("expected emphasis, strong, code or link, found {other:?}"))),
    })
}

/// A mark over a span (packs): `{"start": …, "end": …, "mark": {…}}`.
pub fn write_inline_mark(w: &mut JsonOut, mark: &InlineMark) {
    w.begin_object().num_field("start", mark.start as u64).num_field("end", mark.end as u64).key("mark");
    write_mark(w, &mark.mark);
    w.end_object();
}
