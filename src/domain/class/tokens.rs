//! The article's words (tokens) with their code point spans, and which tokens an annotation covers: the unit every agreement figure counts.
//!
//! A token is a Unicode word-boundary segment (UAX #29; see `segment` for where the boundaries come from)
//! that contains at least one alphanumeric character, so spaces and punctuation are never
//! tokens. An annotation covers a token if it shares at least one code point with it: a
//! highlight that starts or ends inside a word counts that whole word.

use std::ops::Range;

use crate::domain::article::document::Document;
use crate::domain::text::segment;

/// One word of the text: code points `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// The tokens of one text, in order; they never overlap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tokens {
    tokens: Vec<Token>,
}

impl Tokens {
    /// The tokens of a document's text.
    pub fn new(doc: &Document) -> Self {
        Tokens::of_text(doc.text())
    }

    /// The tokens of any text (offsets in code points of `text`).
    pub fn of_text(text: &str) -> Self {
        let mut tokens = Vec::new();
        let mut cp = 0;
        for piece in segment::word_bounds(text) {
            let len = piece.chars().count();
            if piece.chars().any(char::is_alphanumeric) {
                tokens.push(Token { start: cp, end: cp + len });
            }
            cp += len;
        }
        Tokens { tokens }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn as_slice(&self) -> &[Token] {
        &self.tokens
    }

    pub fn get(&self, index: usize) -> Option<Token> {
        self.tokens.get(index).copied()
    }

    /// Indices of the tokens that code points `[start, end)` overlap by at least one code point;
    /// an empty range covers none. Tokens are ordered and disjoint, so this is one range.
    pub fn covered(&self, start: usize, end: usize) -> Range<usize> {
        if start >= end {
            return 0..0;
        }
        let first = self.tokens.partition_point(|t| t.end <= start);
        let last = self.tokens.partition_point(|t| t.start < end);
        first..last.max(first)
    }

    /// Index of the token containing code point `cp`, if a token does.
    pub fn at(&self, cp: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= cp);
        self.tokens.get(i).filter(|t| t.start <= cp).map(|_| i)
    }

    /// Code points from the first token's start to the last token's end of `tokens` (a range of
    /// token indices); `None` for an empty or out-of-range range.
    pub fn span(&self, tokens: Range<usize>) -> Option<(usize, usize)> {
        if tokens.is_empty() {
            return None;
        }
        let first = self.tokens.get(tokens.start)?;
        let last = self.tokens.get(tokens.end - 1)?;
        Some((first.start, last.end))
    }
}
