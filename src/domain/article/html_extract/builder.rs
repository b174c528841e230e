//! Turns a walk of the content into blocks of text with inline marks.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Article,
    AllText,
}

/// A block as the builder made it, with what the cleaning needs to know about where it came from.
pub(super) struct Built {
    pub(super) block: RawBlock,
    /// The block lies inside a `<header>`.
    pub(super) in_header: bool,
    /// All of the block's text is link text.
    pub(super) link_only: bool,
    /// The innermost list the block belongs to (lists numbered in the order they open).
    pub(super) list: Option<usize>,
}

/// Turns a walk into blocks: block elements end blocks, inline elements become marks.
pub(super) struct Builder<'w> {
    pub(super) mode: Mode,
    /// What the walk enters: the filter the content was chosen under (or all text).
    pub(super) filter: Filter<'w>,
    pub(super) base: Option<String>,
    pub(super) blocks: Vec<Built>,
    pub(super) segments: Vec<Segment>,
    /// Parallel to `segments`: whether each run lies inside a link (safe or not).
    pub(super) linked: Vec<bool>,
    pub(super) headers: usize,
    pub(super) anchors: usize,
    /// (kind, level) of the innermost heading, list item or quote.
    pub(super) context: Vec<(BlockKind, u8)>,
    /// One entry per open list: whether it is numbered.
    pub(super) lists: Vec<bool>,
    /// Parallel to `lists`: each open list's number, and how many lists have opened so far.
    pub(super) list_ids: Vec<usize>,
    pub(super) lists_opened: usize,
    pub(super) marks: Vec<MarkKind>,
    /// Open `<pre>`, `<xmp>`, `<listing>` and `<plaintext>` elements, whose line breaks end lines.
    pub(super) preformatted: usize,
    pub(super) figures: usize,
    pub(super) figure_text: usize,
}

impl<'w> Builder<'w> {
    pub(super) fn new(mode: Mode, filter: Filter<'w>, base: Option<String>) -> Self {
        Builder {
            mode,
            filter,
            base,
            blocks: Vec::new(),
            segments: Vec::new(),
            linked: Vec::new(),
            headers: 0,
            anchors: 0,
            context: Vec::new(),
            lists: Vec::new(),
            list_ids: Vec::new(),
            lists_opened: 0,
            marks: Vec::new(),
            preformatted: 0,
            figures: 0,
            figure_text: 0,
        }
    }

    pub(super) fn walk(&mut self, root: &HtmlElement, in_article: bool, skip: &[*const HtmlElement]) {
        let mut walk = Walk::new(root, self.filter, in_article, skip);
        while let Some(step) = walk.next() {
            match step {
                Step::Enter(el) => self.enter(el),
                Step::Exit(el) => self.exit(el),
                Step::Text(text) => self.text(text),
            }
        }
        self.flush();
    }

    fn enter(&mut self, el: &HtmlElement) {
        let name = el.name.as_str();
        if name == "br" {
            // A line break ends a line (a changelog, a poem, an address): each line is a block of
            // its own, since blocks hold no line breaks. Inside a heading it is only a space.
            if self.context.last().is_some_and(|(kind, _)| *kind == BlockKind::Heading) {
                self.segments.push(Segment::plain(" "));
                self.linked.push(self.anchors > 0);
            } else {
                self.flush();
            }
            return;
        }
        if is_block(name) {
            self.flush();
        }
        if self.mode == Mode::Article {
            match name {
                "figure" => self.figures += 1,
                "blockquote" | "pre" | "table" | "ul" | "ol" if self.figures > 0 => self.figure_text += 1,
                _ => {}
            }
        }
        match name {
            "header" => self.headers += 1,
            "pre" | "xmp" | "listing" | "plaintext" => self.preformatted += 1,
            "a" if el.attr("href").is_some() => self.anchors += 1,
            "ul" | "ol" | "menu" | "dir" => {
                self.lists.push(name == "ol");
                self.list_ids.push(self.lists_opened);
                self.lists_opened += 1;
            }
            "li" => {
                let numbered = self.lists.last().copied().unwrap_or(false);
                let level = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let kind = if numbered { BlockKind::NumberedItem } else { BlockKind::ListItem };
                self.context.push((kind, level));
            }
            "blockquote" => self.context.push((BlockKind::Quote, 0)),
            _ => {
                if let Some(level) = heading_level(name) {
                    self.context.push((BlockKind::Heading, level));
                }
            }
        }
        if let Some(mark) = self.mark_of(el) {
            self.marks.push(mark);
        }
    }

    fn exit(&mut self, el: &HtmlElement) {
        let name = el.name.as_str();
        if name == "br" {
            return;
        }
        if is_block(name) {
            self.flush();
        }
        if self.mode == Mode::Article {
            match name {
                "figure" => self.figures = self.figures.saturating_sub(1),
                "blockquote" | "pre" | "table" | "ul" | "ol" if self.figures > 0 => {
                    self.figure_text = self.figure_text.saturating_sub(1)
                }
                _ => {}
            }
        }
        match name {
            "header" => self.headers = self.headers.saturating_sub(1),
            "pre" | "xmp" | "listing" | "plaintext" => self.preformatted = self.preformatted.saturating_sub(1),
            "a" if el.attr("href").is_some() => self.anchors = self.anchors.saturating_sub(1),
            "ul" | "ol" | "menu" | "dir" => {
                self.lists.pop();
                self.list_ids.pop();
            }
            "li" | "blockquote" => {
                self.context.pop();
            }
            _ => {
                if heading_level(name).is_some() {
                    self.context.pop();
                }
            }
        }
        if self.mark_of(el).is_some() {
            self.marks.pop();
        }
    }

    fn text(&mut self, text: &str) {
        // Figures keep only their quotes, code, tables and lists, never captions or credits.
        if self.figures > 0 && self.figure_text == 0 {
            return;
        }
        let mut marks: Vec<MarkKind> = Vec::with_capacity(self.marks.len());
        for mark in &self.marks {
            if !marks.contains(mark) {
                marks.push(mark.clone());
            }
        }
        if self.preformatted == 0 {
            self.segments.push(Segment { text: text.to_string(), marks });
            self.linked.push(self.anchors > 0);
            return;
        }
        // Preformatted text keeps its lines, each a block.
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.flush();
            }
            self.segments.push(Segment { text: line.to_string(), marks: marks.clone() });
            self.linked.push(self.anchors > 0);
        }
    }

    fn mark_of(&self, el: &HtmlElement) -> Option<MarkKind> {
        match el.name.as_str() {
            "em" | "i" | "cite" | "dfn" => Some(MarkKind::Emphasis),
            "strong" | "b" => Some(MarkKind::Strong),
            "code" | "kbd" | "samp" | "tt" | "pre" => Some(MarkKind::Code),
            "a" => {
                el.attr("href").and_then(|h| resolve_link(h, self.base.as_deref())).map(|href| MarkKind::Link { href })
            }
            _ => None,
        }
    }

    fn flush(&mut self) {
        let linked = std::mem::take(&mut self.linked);
        if self.segments.iter().all(|s| s.text.trim().is_empty()) {
            self.segments.clear();
            return;
        }
        let (kind, level) = match self.mode {
            Mode::AllText => (BlockKind::Paragraph, 0),
            Mode::Article => self.context.last().copied().unwrap_or((BlockKind::Paragraph, 0)),
        };
        let segments = std::mem::take(&mut self.segments);
        let link_only = segments.iter().zip(&linked).all(|(s, l)| *l || s.text.trim().is_empty());
        let block = RawBlock { kind, level, segments };
        let list = self.list_ids.last().copied();
        self.blocks.push(Built { block, in_header: self.headers > 0, link_only, list });
    }

    pub(super) fn finish(mut self) -> Vec<Built> {
        self.flush();
        self.blocks
    }
}

/// A link target the document may keep: [`safe_link`] of the href, root-relative hrefs resolved against `base`.
pub(super) fn resolve_link(href: &str, base: Option<&str>) -> Option<String> {
    let cleaned: String = href.chars().filter(|c| !c.is_ascii_control() && !c.is_whitespace()).collect();
    if let Some(rest) = cleaned.strip_prefix("//") {
        return safe_link(&format!("https://{rest}"));
    }
    if cleaned.starts_with('/') {
        let base = base?;
        let after_scheme = base.find("://")? + 3;
        let origin_end = base[after_scheme..].find(['/', '?', '#']).map_or(base.len(), |i| after_scheme + i);
        return safe_link(&format!("{}{cleaned}", &base[..origin_end]));
    }
    safe_link(&cleaned)
}

pub(super) fn block_text(block: &RawBlock) -> String {
    let joined: String = block.segments.iter().map(|s| s.text.as_str()).collect();
    normalise_whitespace(&joined)
}

pub(super) fn with_texts(blocks: Vec<Built>) -> Vec<(Built, String)> {
    blocks
        .into_iter()
        .map(|b| {
            let t = block_text(&b.block);
            (b, t)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}
