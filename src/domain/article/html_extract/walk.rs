//! Iterative walks over the page and the text measures taken from them.

use super::*;

/// One event of a walk: entering an element, leaving it, or a run of text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Step<'a> {
    Enter(&'a HtmlElement),
    Exit(&'a HtmlElement),
    Text(&'a str),
}

pub(super) struct Frame<'a> {
    pub(super) el: &'a HtmlElement,
    pub(super) next: usize,
    pub(super) in_article: bool,
}

/// An iterative depth-first walk that enters only what `filter` keeps (and never `skip`, a sorted list).
pub(super) struct Walk<'a, 's> {
    pub(super) root: Option<&'a HtmlElement>,
    pub(super) stack: Vec<Frame<'a>>,
    pub(super) filter: Filter<'s>,
    pub(super) in_article: bool,
    pub(super) skip: &'s [*const HtmlElement],
}

impl<'a, 's> Walk<'a, 's> {
    /// A walk of `root` and what it keeps below it; `root` itself is always entered.
    pub(super) fn new(
        root: &'a HtmlElement,
        filter: Filter<'s>,
        in_article: bool,
        skip: &'s [*const HtmlElement],
    ) -> Self {
        Walk { root: Some(root), stack: Vec::new(), filter, in_article, skip }
    }

    /// The elements entered and not yet left, outermost first (the last is the one just entered).
    pub(super) fn path(&self) -> impl DoubleEndedIterator<Item = &'a HtmlElement> + '_ {
        self.stack.iter().map(|f| f.el)
    }

    pub(super) fn next(&mut self) -> Option<Step<'a>> {
        if let Some(root) = self.root.take() {
            let in_article = self.in_article || root.name == "article" || is_article_body(root);
            self.stack.push(Frame { el: root, next: 0, in_article });
            return Some(Step::Enter(root));
        }
        loop {
            let frame = self.stack.last_mut()?;
            let Some(child) = frame.el.children.get(frame.next) else {
                let el = frame.el;
                self.stack.pop();
                return Some(Step::Exit(el));
            };
            frame.next += 1;
            let in_article = frame.in_article;
            match child {
                HtmlNode::Text(text) => return Some(Step::Text(text)),
                HtmlNode::Element(el) => {
                    if self.skip.binary_search(&(el as *const HtmlElement)).is_ok()
                        || !keep(el, self.filter, in_article)
                    {
                        continue;
                    }
                    let in_article = in_article || el.name == "article" || is_article_body(el);
                    self.stack.push(Frame { el, next: 0, in_article });
                    return Some(Step::Enter(el));
                }
            }
        }
    }
}

/// The visible text of an element, white space collapsed, blocks separated by spaces; at most about `cap` characters.
pub(super) fn text_of(el: &HtmlElement, filter: Filter<'_>, cap: usize, skip_dates: bool) -> String {
    let mut out = String::new();
    let mut len = 0;
    let mut walk = Walk::new(el, filter, false, &[]);
    let mut skipped_depth = 0usize;
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(e) => {
                let date = skip_dates && !std::ptr::eq(e, el) && (e.name == "time" || is_date_holder(e));
                if skipped_depth > 0 || date {
                    skipped_depth += 1;
                } else if is_block(&e.name) || e.name == "br" {
                    out.push(' ');
                }
            }
            Step::Exit(e) => {
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                } else if is_block(&e.name) {
                    out.push(' ');
                }
            }
            Step::Text(t) if skipped_depth == 0 => {
                out.push_str(t);
                len += t.chars().count();
                if len > cap {
                    break;
                }
            }
            Step::Text(_) => {}
        }
    }
    normalise_whitespace(&out)
}

/// Text measures of one element: all visible text, link text, and paragraph text (outside links,
/// headings, list items, table headers and figures), in characters.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TextStats {
    pub(super) chars: usize,
    pub(super) link_chars: usize,
    pub(super) paragraph_chars: usize,
    /// Text outside links, headings and figures, list items included: what a page made of lists holds.
    pub(super) prose_chars: usize,
}

impl TextStats {
    pub(super) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// The [`TextStats`] of `root` (keyed by its address) and of every element of `targets` under it, in one walk.
pub(super) fn text_stats(
    root: &HtmlElement,
    targets: &HashSet<*const HtmlElement>,
    filter: Filter<'_>,
) -> HashMap<*const HtmlElement, TextStats> {
    let excludes = |name: &str| {
        matches!(name, "a" | "li" | "dt" | "dd" | "th" | "figure" | "caption") || heading_level(name).is_some()
    };
    let mut found = HashMap::new();
    // One running total per open element; a finished element adds its totals to its parent's.
    let mut open: Vec<TextStats> = Vec::new();
    let (mut in_link, mut excluded, mut not_prose) = (0usize, 0usize, 0usize);
    let not_prose_of = |name: &str| matches!(name, "a" | "figure" | "caption") || heading_level(name).is_some();
    let mut walk = Walk::new(root, filter, false, &[]);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(e) => {
                open.push(TextStats::default());
                in_link += usize::from(e.name == "a");
                excluded += usize::from(excludes(&e.name));
                not_prose += usize::from(not_prose_of(&e.name));
            }
            Step::Exit(e) => {
                in_link -= usize::from(e.name == "a");
                excluded -= usize::from(excludes(&e.name));
                not_prose -= usize::from(not_prose_of(&e.name));
                let stats = open.pop().unwrap_or_default();
                let key = e as *const HtmlElement;
                if std::ptr::eq(e, root) || targets.contains(&key) {
                    found.insert(key, stats);
                }
                if let Some(parent) = open.last_mut() {
                    parent.chars += stats.chars;
                    parent.link_chars += stats.link_chars;
                    parent.paragraph_chars += stats.paragraph_chars;
                    parent.prose_chars += stats.prose_chars;
                }
            }
            Step::Text(t) => {
                let n = text_chars(t);
                if let Some(top) = open.last_mut() {
                    top.chars += n;
                    top.link_chars += if in_link > 0 { n } else { 0 };
                    top.paragraph_chars += if excluded == 0 { n } else { 0 };
                    top.prose_chars += if not_prose == 0 { n } else { 0 };
                }
            }
        }
    }
    found
}

/// The [`TextStats`] of one element.
pub(super) fn stats_of(el: &HtmlElement, filter: Filter<'_>) -> TextStats {
    text_stats(el, &HashSet::new(), filter).get(&(el as *const HtmlElement)).copied().unwrap_or_default()
}

/// Characters of a text node once its white space is collapsed (each word and the space after it).
pub(super) fn text_chars(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum()
}
