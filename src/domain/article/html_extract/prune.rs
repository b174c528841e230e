//! Conditional cleaning inside the chosen content: containers of many tiny lines (a video player's menus) are left out.

use super::*;

/// Lines a container needs before its line length is judged, and the mean line length below which it is furniture.
const MIN_LINES: usize = 8;
const MAX_MEAN_LINE_CHARS: usize = 12;

/// Running totals of one open element.
#[derive(Default, Clone, Copy)]
struct Lines {
    /// Runs of text outside list items, code and tables (an ingredients list, highlighted code and a
    /// table of figures are made of short runs too, and are content).
    count: usize,
    chars: usize,
    commas: usize,
}

fn is_exempt(name: &str) -> bool {
    matches!(name, "li" | "pre" | "code" | "table")
}

/// The containers (`div`, `section`) under `root`, not `root` itself, whose text is eight or more
/// lines averaging under twelve characters with hardly a comma: the labels of a video player's
/// settings menus, a toolbar of single letters. Sorted, for [`Walk`]'s skip list.
pub(super) fn pruned(root: &HtmlElement, filter: Filter<'_>) -> Vec<*const HtmlElement> {
    let mut found = Vec::new();
    let mut open: Vec<Lines> = Vec::new();
    let mut in_item = 0usize;
    let mut walk = Walk::new(root, filter, false, &[]);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(e) => {
                open.push(Lines::default());
                in_item += usize::from(is_exempt(&e.name));
            }
            Step::Exit(e) => {
                in_item -= usize::from(is_exempt(&e.name));
                let lines = open.pop().unwrap_or_default();
                let container = matches!(e.name.as_str(), "div" | "section") && !std::ptr::eq(e, root);
                if container
                    && lines.count >= MIN_LINES
                    && lines.chars < lines.count * MAX_MEAN_LINE_CHARS
                    && lines.commas < 2
                {
                    found.push(e as *const HtmlElement);
                }
                if let Some(parent) = open.last_mut() {
                    parent.count += lines.count;
                    parent.chars += lines.chars;
                    parent.commas += lines.commas;
                }
            }
            Step::Text(t) if in_item == 0 && !t.trim().is_empty() => {
                if let Some(top) = open.last_mut() {
                    top.count += 1;
                    top.chars += text_chars(t);
                    top.commas += t.chars().filter(|c| matches!(c, ',' | '،' | '，' | '、' | '。')).count();
                }
            }
            Step::Text(_) => {}
        }
    }
    crate::domain::text::sort::sort_by(&mut found, |a, b| a.cmp(b));
    found
}
