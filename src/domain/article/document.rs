//! The normalised article: its text, its blocks (headings, paragraphs, quotes, list items) with inline marks, and the content hash that identifies it.

use sha2::{Digest, Sha256};

use crate::domain::text::{self, OffsetIndex};

/// What a block of the article is, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The article's title or a section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
    /// A paragraph inside a block quote.
    Quote,
    /// One item of a list; `level` is its nesting depth (0 = top level).
    ListItem,
    /// One item of a numbered list; `level` is its nesting depth.
    NumberedItem,
}

/// Inline formatting a loader keeps: it changes how text looks, never what the text is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Emphasis,
    Strong,
    Code,
    /// A link; loaders keep only http, https and mailto targets (see [`safe_link`]).
    Link {
        href: String,
    },
}

/// Inline formatting over `[start, end)` code points of one block's text (block-relative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineMark {
    pub start: usize,
    pub end: usize,
    pub mark: MarkKind,
}

/// A run of text with the marks that apply to it, as loaders produce it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    pub text: String,
    pub marks: Vec<MarkKind>,
}

impl Segment {
    /// A run of plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Segment { text: text.into(), marks: Vec::new() }
    }
}

/// A block as a loader produces it, before white space is normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: BlockKind,
    /// Heading level (1-6) or list nesting depth; 0 where it does not apply.
    pub level: u8,
    pub segments: Vec<Segment>,
}

impl RawBlock {
    /// A block of one run of plain text.
    pub fn plain(kind: BlockKind, level: u8, text: impl Into<String>) -> Self {
        RawBlock { kind, level, segments: vec![Segment::plain(text)] }
    }
}

/// Returns the link target if it is http, https or mailto; anything else (javascript:, data:, relative) is dropped.
pub fn safe_link(href: &str) -> Option<String> {
    // Browsers ignore ASCII white space and control characters inside a scheme ("java\tscript:"),
    // so they are removed before the scheme is checked.
    let cleaned: String = href.trim().chars().filter(|c| !c.is_ascii_control() && !c.is_whitespace()).collect();
    let lower = cleaned.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"].iter().any(|scheme| lower.starts_with(scheme));
    (allowed && cleaned.len() > 7 && cleaned.len() <= 2048).then_some(cleaned)
}

/// One block of the article: its kind and where its text lies in the document, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Heading level (1-6) or list nesting depth; 0 where it does not apply.
    pub level: u8,
    /// Code point offset of the block's first character in [`Document::text`].
    pub start: usize,
    /// Code point offset just past the block's last character.
    pub end: usize,
}

/// Hex SHA-256 of the normalised text: equal texts give equal hashes, whatever file they came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentHash(pub String);

impl ContentHash {
    /// The first 16 hex digits: short enough for storage keys, long enough never to collide in practice.
    pub fn short(&self) -> &str {
        self.0.get(..16).unwrap_or(&self.0)
    }
}

/// Facts about the article that are shown but are not part of its annotatable text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    pub byline: Option<String>,
    pub date: Option<String>,
    /// Where the article came from: a URL (shown as a link only if [`safe_link`] allows it) or a file name.
    pub source: Option<String>,
}

/// Blocks are joined with this separator in the document text, so quotes never run two blocks together.
pub const BLOCK_SEPARATOR: &str = "\n\n";

/// A normalised article: the text every offset refers to, its blocks and its identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    title: String,
    meta: ArticleMeta,
    text: String,
    blocks: Vec<Block>,
    /// Inline marks of each block, parallel to `blocks`.
    marks: Vec<Vec<InlineMark>>,
    hash: ContentHash,
    offsets: OffsetIndex,
}

impl Document {
    /// Builds a document from blocks of plain text; white space inside each block is collapsed to single spaces and empty blocks are dropped.
    pub fn new(title: &str, meta: ArticleMeta, raw_blocks: &[(BlockKind, &str)]) -> Self {
        let blocks = raw_blocks
            .iter()
            .map(|(kind, text)| RawBlock::plain(*kind, u8::from(*kind == BlockKind::Heading), *text))
            .collect();
        Document::from_blocks(title, meta, blocks)
    }

    /// Builds a document from loader blocks: white space is collapsed across runs, marks follow their text, empty blocks are dropped.
    pub fn from_blocks(title: &str, meta: ArticleMeta, raw_blocks: Vec<RawBlock>) -> Self {
        let mut text = String::new();
        let mut blocks = Vec::with_capacity(raw_blocks.len());
        let mut marks = Vec::with_capacity(raw_blocks.len());
        let mut cp = 0;
        for raw in raw_blocks {
            let (normal, block_marks) = normalise_block(&raw.segments);
            if normal.is_empty() {
                continue;
            }
            if !blocks.is_empty() {
                text.push_str(BLOCK_SEPARATOR);
                cp += text::char_len(BLOCK_SEPARATOR);
            }
            let len = text::char_len(&normal);
            blocks.push(Block { kind: raw.kind, level: raw.level, start: cp, end: cp + len });
            marks.push(block_marks);
            text.push_str(&normal);
            cp += len;
        }
        let hash = ContentHash(hex(&digest_in_chunks(text.as_bytes())));
        let offsets = OffsetIndex::new(&text);
        Document { title: normalise_whitespace(title), meta, text, blocks, marks, hash, offsets }
    }

    /// The blocks back in loader form, so a document can be stored and rebuilt exactly.
    pub fn raw_blocks(&self) -> Vec<RawBlock> {
        self.blocks
            .iter()
            .zip(&self.marks)
            .map(|(block, marks)| RawBlock {
                kind: block.kind,
                level: block.level,
                segments: self.segments(block, marks),
            })
            .collect()
    }

    /// A block's text cut into runs at every mark boundary, each run with the marks covering it.
    pub fn segments(&self, block: &Block, marks: &[InlineMark]) -> Vec<Segment> {
        segments_of(self.block_text(block), marks)
    }

    /// The inline marks of block `index`, block-relative and in order.
    pub fn marks(&self, index: usize) -> &[InlineMark] {
        self.marks.get(index).map_or(&[], Vec::as_slice)
    }

    /// The same document under another display title (the text, and so the hash, stay the same).
    pub fn with_title(mut self, title: &str) -> Self {
        let title = normalise_whitespace(title);
        if !title.is_empty() {
            self.title = title;
        }
        self
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn meta(&self) -> &ArticleMeta {
        &self.meta
    }

    /// The whole normalised text that annotation offsets count into.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn hash(&self) -> &ContentHash {
        &self.hash
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        self.offsets.len_chars()
    }

    /// Code point offset of UTF-8 byte `byte` of the text.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.offsets.char_of_byte(&self.text, byte)
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        self.slice(block.start, block.end)
    }

    /// The text between code points `start` and `end`, clamped to the document.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let from = self.offsets.byte_of_char(&self.text, start);
        let to = self.offsets.byte_of_char(&self.text, end.max(start));
        &self.text[from..to]
    }

    /// Index of the block containing code point `cp`, or of the block after the gap `cp` falls in.
    pub fn block_index_at(&self, cp: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.end <= cp);
        (i < self.blocks.len()).then_some(i)
    }

    /// Converts a DOM position (UTF-16 unit inside block `block_index`'s text) to a document code point.
    pub fn char_of_block_utf16(&self, block_index: usize, unit: usize) -> Option<usize> {
        let block = self.blocks.get(block_index)?;
        let block_u16 = self.offsets.utf16_of_char(&self.text, block.start);
        let cp = self.offsets.char_of_utf16(&self.text, block_u16 + unit);
        Some(cp.clamp(block.start, block.end))
    }

    /// Converts a document code point to (block index, UTF-16 unit inside that block's text).
    pub fn block_utf16_of_char(&self, cp: usize) -> Option<(usize, usize)> {
        let index = self.block_index_at(cp)?;
        let block = self.blocks[index];
        let cp = cp.clamp(block.start, block.end);
        let unit = self.offsets.utf16_of_char(&self.text, cp) - self.offsets.utf16_of_char(&self.text, block.start);
        Some((index, unit))
    }

    /// The end of a range as a DOM position: like [`Self::block_utf16_of_char`], but a range
    /// ending exactly at a block's end stays in that block instead of moving to the next one.
    pub fn block_utf16_of_end(&self, cp: usize) -> Option<(usize, usize)> {
        let index = self.blocks.partition_point(|b| b.end < cp).min(self.blocks.len().checked_sub(1)?);
        let block = self.blocks[index];
        let cp = cp.clamp(block.start, block.end);
        let unit = self.offsets.utf16_of_char(&self.text, cp) - self.offsets.utf16_of_char(&self.text, block.start);
        Some((index, unit))
    }

    /// Snaps a selection to whole words inside the blocks it touches; `None` if nothing but white space is left.
    pub fn snap_selection(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let (start, end) = if start <= end { (start, end) } else { (end, start) };
        let first = self.blocks.get(self.block_index_at(start)?)?;
        let last_index = self.blocks.partition_point(|b| b.start < end).checked_sub(1)?;
        let last = self.blocks.get(last_index)?;
        let start = start.clamp(first.start, first.end);
        let end = end.clamp(last.start, last.end);
        let s = text::snapped_start(self.block_text(first), start - first.start);
        let e = text::snapped_end(self.block_text(last), end - last.start);
        let (s, e) = (first.start + s, last.start + e);
        let trimmed = self.slice(s, e).trim();
        (s < e && !trimmed.is_empty()).then_some((s, e))
    }
}

/// Collapses every run of white space (including no-break spaces) to one space and trims the ends.
pub fn normalise_whitespace(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts a block's text into runs at every mark boundary, each run with the marks covering it.
pub fn segments_of(text: &str, marks: &[InlineMark]) -> Vec<Segment> {
    let len = text::char_len(text);
    let mut cuts: Vec<usize> = vec![0, len];
    cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
    cuts.sort_unstable();
    cuts.dedup();
    // All cuts to bytes in one walk, which stops at the last cut inside the text: the block's end
    // (and any mark reaching past it) is its byte length, known without one. Slicing each run from
    // the block's start had cost a scan per mark boundary.
    let inside = cuts.partition_point(|&cut| cut < len);
    let mut bytes = text::bytes_of_sorted_chars(text, &cuts[..inside]);
    bytes.resize(cuts.len(), text.len());
    cuts.windows(2)
        .zip(bytes.windows(2))
        .map(|(w, b)| Segment {
            text: text[b[0]..b[1]].to_string(),
            marks: marks.iter().filter(|m| m.start <= w[0] && w[1] <= m.end).map(|m| m.mark.clone()).collect(),
        })
        .collect()
}

/// Collapses white space across the runs of one block and works out where each mark's text ended up.
///
/// Never inlined, so that V8 can switch to its optimised code from one block to the next (see
/// [`digest_in_chunks`]); inlined into `from_blocks`, which runs once, it stayed unoptimised.
#[inline(never)]
fn normalise_block(segments: &[Segment]) -> (String, Vec<InlineMark>) {
    let mut text = String::new();
    let mut len = 0;
    let mut pending_space = false;
    let mut marks: Vec<InlineMark> = Vec::new();
    for segment in segments {
        let mut start = None;
        // Non-space runs are copied whole, and ASCII is classified by byte: a stored article is
        // already normalised, so this is about one copy per segment instead of a decoded, tested
        // and pushed character each (most of the time opening a long article took here).
        let source = segment.text.as_str();
        let mut run_from: Option<usize> = None;
        let mut at = 0;
        while at < source.len() {
            let lead = source.as_bytes()[at];
            let (is_space, width) = if lead < 0x80 {
                (matches!(lead, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let ch = source[at..].chars().next().unwrap_or_default();
                (ch.is_whitespace(), ch.len_utf8())
            };
            if is_space {
                if let Some(from) = run_from.take() {
                    text.push_str(&source[from..at]);
                }
                pending_space = len > 0;
            } else {
                if run_from.is_none() {
                    if pending_space {
                        text.push(' ');
                        len += 1;
                        pending_space = false;
                    }
                    run_from = Some(at);
                }
                start.get_or_insert(len);
                len += 1;
            }
            at += width;
        }
        if let Some(from) = run_from {
            text.push_str(&source[from..]);
        }
        let Some(start) = start else { continue };
        for mark in &segment.marks {
            // A mark continuing from the previous run (even across a collapsed space) is extended.
            match marks.iter_mut().rev().find(|m| &m.mark == mark && m.end + 1 >= start) {
                Some(open) => open.end = len,
                None => marks.push(InlineMark { start, end: len, mark: mark.clone() }),
            }
        }
    }
    crate::domain::text::sort::sort_by_key(&mut marks, |m| (m.start, std::cmp::Reverse(m.end)));
    (text, marks)
}

/// SHA-256 of `bytes`, fed in chunks of 64 blocks. The same digest; but V8 runs a wasm function
/// in its baseline tier until a later call can use the optimised code (there is no on-stack
/// replacement), so one call over a whole long article ran entirely unoptimised, several times
/// slower than these repeated calls of the block function.
fn digest_in_chunks(bytes: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for chunk in bytes.chunks(64 * 64) {
        hasher.update(chunk);
    }
    hasher.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
