//! The normalised article: its text, its blocks (headings, paragraphs) and the content hash that identifies it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::text::{self, OffsetIndex};

/// What a block of the article is, which decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The article's title or a section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
}

/// One block of the article: its kind and where its text lies in the document, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Code point offset of the block's first character in [`Document::text`].
    pub start: usize,
    /// Code point offset just past the block's last character.
    pub end: usize,
}

/// Hex SHA-256 of the normalised text: equal texts give equal hashes, whatever file they came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl ContentHash {
    /// The first 16 hex digits: short enough for storage keys, long enough never to collide in practice.
    pub fn short(&self) -> &str {
        self.0.get(..16).unwrap_or(&self.0)
    }
}

/// Facts about the article that are shown but are not part of its annotatable text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    pub byline: Option<String>,
    pub date: Option<String>,
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
    hash: ContentHash,
    offsets: OffsetIndex,
}

impl Document {
    /// Builds a document from blocks of raw text; white space inside each block is collapsed to single spaces and empty blocks are dropped.
    pub fn new(title: &str, meta: ArticleMeta, raw_blocks: &[(BlockKind, &str)]) -> Self {
        let mut text = String::new();
        let mut blocks = Vec::with_capacity(raw_blocks.len());
        let mut cp = 0;
        for (kind, raw) in raw_blocks {
            let normal = normalise_whitespace(raw);
            if normal.is_empty() {
                continue;
            }
            if !blocks.is_empty() {
                text.push_str(BLOCK_SEPARATOR);
                cp += BLOCK_SEPARATOR.len();
            }
            let len = text::char_len(&normal);
            blocks.push(Block { kind: *kind, start: cp, end: cp + len });
            text.push_str(&normal);
            cp += len;
        }
        let hash = ContentHash(hex(&Sha256::digest(text.as_bytes())));
        let offsets = OffsetIndex::new(&text);
        Document { title: normalise_whitespace(title), meta, text, blocks, hash, offsets }
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
        let (s, _) = text::snap_to_words(self.block_text(first), start - first.start, first.end - first.start);
        let (_, e) = text::snap_to_words(self.block_text(last), 0, end - last.start);
        let (s, e) = (first.start + s, last.start + e);
        let trimmed = self.slice(s, e).trim();
        (s < e && !trimmed.is_empty()).then_some((s, e))
    }
}

/// Collapses every run of white space (including no-break spaces) to one space and trims the ends.
pub fn normalise_whitespace(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
