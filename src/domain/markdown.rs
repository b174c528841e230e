//! Turns a Markdown article into an [`ArticleDraft`]: headings, paragraphs, quotes, lists, emphasis and safe links; raw HTML stays text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::document::{safe_link, BlockKind, MarkKind, RawBlock, Segment};
use super::loader::ArticleDraft;

/// Parses Markdown; the first level-1 heading (or `given_title`) is the title.
pub fn parse_markdown(source: &str, given_title: Option<&str>) -> ArticleDraft {
    let mut state = State::default();
    for event in Parser::new_ext(source, Options::empty()) {
        state.event(event);
    }
    state.flush();
    let mut blocks = state.blocks;
    let leading_heading = blocks
        .first()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.segments.iter().map(|s| s.text.as_str()).collect::<String>());
    let title = match (given_title.map(str::trim).filter(|t| !t.is_empty()), leading_heading) {
        (Some(given), _) => {
            blocks.insert(0, RawBlock::plain(BlockKind::Heading, 1, given));
            given.to_string()
        }
        (None, Some(heading)) => {
            blocks[0].level = 1;
            heading
        }
        (None, None) => String::from("Untitled article"),
    };
    ArticleDraft { title, meta: Default::default(), blocks }
}

/// The parser's position: the block being filled, open marks, quote depth and list nesting.
#[derive(Default)]
struct State {
    blocks: Vec<RawBlock>,
    current: Option<RawBlock>,
    /// Open inline marks; `None` for a link whose target was not safe (kept so ends still pair up).
    marks: Vec<Option<MarkKind>>,
    quote_depth: usize,
    /// For each open list, whether it is numbered.
    lists: Vec<bool>,
    in_item: bool,
    in_image: usize,
}

impl State {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.in_image == 0 => self.text(&text, None),
            Event::Code(text) => self.text(&text, Some(MarkKind::Code)),
            // Raw HTML is shown exactly as written, as text; it is never interpreted.
            Event::Html(text) | Event::InlineHtml(text) => self.text(&text, None),
            Event::SoftBreak | Event::HardBreak => self.text(" ", None),
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                // A tight list item's text arrives without a paragraph; a loose one's first paragraph continues the item.
                let continues_item = self.in_item && self.current.as_ref().is_some_and(|b| b.segments.is_empty());
                if !continues_item {
                    self.begin(self.container_kind(), self.list_level());
                }
            }
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading, heading_level(level)),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.begin(self.container_kind(), self.list_level());
                self.marks.push(Some(MarkKind::Code));
            }
            Tag::HtmlBlock => self.begin(self.container_kind(), self.list_level()),
            Tag::List(first) => {
                self.flush();
                self.lists.push(first.is_some());
            }
            Tag::Item => {
                self.in_item = true;
                let kind = if self.lists.last() == Some(&true) { BlockKind::NumberedItem } else { BlockKind::ListItem };
                self.begin(kind, self.list_level());
            }
            Tag::Emphasis => self.marks.push(Some(MarkKind::Emphasis)),
            Tag::Strong => self.marks.push(Some(MarkKind::Strong)),
            Tag::Link { dest_url, .. } => self.marks.push(safe_link(&dest_url).map(|href| MarkKind::Link { href })),
            Tag::Image { .. } => self.in_image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock => self.flush(),
            TagEnd::CodeBlock => {
                self.marks.pop();
                self.flush();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.in_item = false;
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => {
                self.marks.pop();
            }
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            _ => {}
        }
    }

    /// The kind a paragraph gets where it stands: in a quote, in a list item, or plain.
    fn container_kind(&self) -> BlockKind {
        match (self.quote_depth > 0, self.in_item, self.lists.last()) {
            (true, _, _) => BlockKind::Quote,
            (false, true, Some(true)) => BlockKind::NumberedItem,
            (false, true, Some(false)) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        }
    }

    fn list_level(&self) -> u8 {
        u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    fn begin(&mut self, kind: BlockKind, level: u8) {
        self.flush();
        self.current = Some(RawBlock { kind, level, segments: Vec::new() });
    }

    fn text(&mut self, text: &str, extra: Option<MarkKind>) {
        let mut marks: Vec<MarkKind> = self.marks.iter().flatten().cloned().collect();
        marks.extend(extra);
        let block =
            self.current.get_or_insert_with(|| RawBlock { kind: BlockKind::Paragraph, level: 0, segments: Vec::new() });
        block.segments.push(Segment { text: text.to_string(), marks });
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            if block.segments.iter().any(|s| !s.text.trim().is_empty()) {
                self.blocks.push(block);
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
