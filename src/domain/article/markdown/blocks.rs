//! The block structure of a Markdown text: CommonMark's quotes, lists, headings (ATX and setext), paragraphs, fenced and indented code, raw HTML blocks, rules and link reference definitions.
//!
//! Line-based and recursive: a quote or list item collects its lines (markers and indentation
//! removed) and parses them again as a document of its own. Tabs in indentation count as four
//! columns; a link reference definition must fit on one line.

use std::collections::HashMap;

/// Link reference definitions: normalised label to destination.
pub type Refs = HashMap<String, String>;

/// One block; paragraph and heading text is the raw inline source, lines joined by `\n`.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Paragraph(String),
    Heading(u8, String),
    Code(String),
    Html(String),
    Rule,
    Quote(Vec<Node>),
    List { numbered: bool, items: Vec<Vec<Node>> },
}

/// Deepest nesting of quotes and lists; deeper markers are read as paragraph text. Parsing,
/// emitting and dropping nested blocks recurse, so a file of 5,000 `>` must not reach the stack's end.
pub const MAX_NESTING: usize = 64;

/// The blocks of `source`, with every link reference definition added to `refs`.
pub fn parse(source: &str, refs: &mut Refs) -> Vec<Node> {
    let lines: Vec<String> = source.split('\n').map(|l| expand_tabs(l.strip_suffix('\r').unwrap_or(l))).collect();
    parse_lines(&lines, refs, 0)
}

fn parse_lines(lines: &[String], refs: &mut Refs, depth: usize) -> Vec<Node> {
    let nest = depth < MAX_NESTING;
    let mut nodes = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        crate::domain::text::work::tick(line.len() + 1);
        if is_blank(line) {
            i += 1;
            continue;
        }
        let indent = indent_of(line);
        if indent >= 4 {
            i = indented_code(lines, i, &mut nodes);
            continue;
        }
        let rest = &line[indent..];
        if let Some((level, text)) = atx_heading(rest) {
            nodes.push(Node::Heading(level, text));
            i += 1;
        } else if let Some((fence, len)) = fence_start(rest) {
            i = fenced_code(lines, i, indent, fence, len, &mut nodes);
        } else if is_rule(rest) {
            nodes.push(Node::Rule);
            i += 1;
        } else if nest && rest.starts_with('>') {
            i = quote(lines, i, refs, &mut nodes, depth + 1);
        } else if let Some(marker) = list_marker(line).filter(|_| nest) {
            i = list(lines, i, marker, refs, &mut nodes, depth + 1);
        } else if let Some(end) = html_start(rest) {
            i = html_block(lines, i, end, &mut nodes);
        } else {
            i = paragraph(lines, i, refs, &mut nodes);
        }
    }
    nodes
}

fn indented_code(lines: &[String], start: usize, nodes: &mut Vec<Node>) -> usize {
    let mut last = start;
    let mut i = start;
    while i < lines.len() && (is_blank(&lines[i]) || indent_of(&lines[i]) >= 4) {
        if !is_blank(&lines[i]) {
            last = i;
        }
        i += 1;
    }
    let code: String = lines[start..=last].iter().map(|l| format!("{}\n", strip_columns(l, 4))).collect();
    nodes.push(Node::Code(code));
    last + 1
}

fn fenced_code(lines: &[String], start: usize, indent: usize, fence: char, len: usize, nodes: &mut Vec<Node>) -> usize {
    let mut code = String::new();
    let mut i = start + 1;
    while i < lines.len() {
        let line = &lines[i];
        let rest = line.trim_start_matches(' ');
        if indent_of(line) < 4
            && fence_start(rest)
                .is_some_and(|(c, n)| c == fence && n >= len && rest.trim_start_matches(c).trim().is_empty())
        {
            i += 1;
            break;
        }
        code.push_str(strip_columns(line, indent));
        code.push('\n');
        i += 1;
    }
    nodes.push(Node::Code(code));
    i
}

/// A block quote: its `>` lines, plus lazy continuation lines of its last paragraph.
fn quote(lines: &[String], start: usize, refs: &mut Refs, nodes: &mut Vec<Node>, depth: usize) -> usize {
    let mut inner: Vec<String> = Vec::new();
    let mut open = false;
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        let indent = indent_of(line);
        if indent < 4 && line[indent..].starts_with('>') {
            let after = &line[indent + 1..];
            inner.push(after.strip_prefix(' ').unwrap_or(after).to_string());
            open = paragraph_open(open, &inner[inner.len() - 1]);
        } else if open && !interrupts(line) {
            inner.push(line.clone());
        } else {
            break;
        }
        i += 1;
    }
    nodes.push(Node::Quote(parse_lines(&inner, refs, depth)));
    i
}

/// Whether a paragraph is open after `line` (so a lazy line may continue it), given whether one was open before it.
fn paragraph_open(open_before: bool, line: &str) -> bool {
    if is_blank(line) {
        false
    } else if open_before && !interrupts(line) {
        true
    } else {
        starts_paragraph(line)
    }
}

/// Whether `line`, starting a block, starts a paragraph: looks through the quote and list markers
/// at its start to the text they hold.
fn starts_paragraph(line: &str) -> bool {
    let mut rest = line;
    for _ in 0..=MAX_NESTING {
        if is_blank(rest) {
            return false;
        }
        let indent = indent_of(rest);
        if indent >= 4 {
            return true;
        }
        if let Some(after) = rest[indent..].strip_prefix('>') {
            rest = after.strip_prefix(' ').unwrap_or(after);
        } else if let Some(marker) = list_marker(rest) {
            rest = rest.get(marker.content..).unwrap_or("");
        } else {
            // A lone tag starts a raw HTML block (when it starts the block, as is most likely).
            return !interrupts(rest) && !lone_tag(rest.trim_start());
        }
    }
    // Markers nested deeper than any container can be are paragraph text.
    true
}

/// A list marker: its kind and the column where the item's content starts.
#[derive(Debug, Clone, Copy)]
struct Marker {
    /// `-`, `*` or `+` for bullets; `.` or `)` for numbered items.
    symbol: char,
    numbered: bool,
    start_is_one: bool,
    /// Column of the content; continuation lines must be indented this far.
    content: usize,
    /// Whether anything follows the marker on its line.
    has_content: bool,
}

fn list_marker(line: &str) -> Option<Marker> {
    let indent = indent_of(line);
    if indent >= 4 {
        return None;
    }
    let rest = &line[indent..];
    let (symbol, numbered, start_is_one, marker_len) = match rest.chars().next()? {
        c @ ('-' | '*' | '+') => (c, false, false, 1),
        _ => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let symbol = rest[digits..].chars().next()?;
            if digits == 0 || digits > 9 || !matches!(symbol, '.' | ')') {
                return None;
            }
            (symbol, true, rest[..digits].parse::<u32>() == Ok(1), digits + 1)
        }
    };
    let after = &rest[marker_len..];
    if !after.is_empty() && !after.starts_with(' ') {
        return None;
    }
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let has_content = !after.trim().is_empty();
    // Five or more spaces mean indented code inside the item: the content starts after one.
    let gap = if !has_content || spaces > 4 { 1 } else { spaces };
    Some(Marker { symbol, numbered, start_is_one, content: indent + marker_len + gap, has_content })
}

/// A list: items with the same kind of marker, each parsed from its own lines.
fn list(lines: &[String], start: usize, first: Marker, refs: &mut Refs, nodes: &mut Vec<Node>, depth: usize) -> usize {
    let mut items = Vec::new();
    let mut i = start;
    let mut marker = first;
    loop {
        // The marker and its spaces are ASCII, so the content column is a byte offset on this line.
        let first_line = &lines[i];
        let mut inner = vec![first_line.get(marker.content..).unwrap_or("").to_string()];
        let mut open = paragraph_open(false, &inner[0]);
        i += 1;
        while i < lines.len() {
            let line = &lines[i];
            if is_blank(line) {
                // An item that starts with a blank line ends at a second one.
                if !marker.has_content && inner.len() == 1 {
                    break;
                }
                inner.push(String::new());
            } else if indent_of(line) >= marker.content {
                inner.push(strip_columns(line, marker.content).to_string());
            } else if open && !interrupts(line) && list_marker(line).is_none() {
                inner.push(line.trim_start().to_string());
            } else {
                break;
            }
            open = paragraph_open(open, &inner[inner.len() - 1]);
            i += 1;
        }
        while inner.last().is_some_and(|l| is_blank(l)) && inner.len() > 1 {
            inner.pop();
        }
        items.push(parse_lines(&inner, refs, depth));
        // Skip blank lines between items only if another item of this list follows.
        let mut next = i;
        while next < lines.len() && is_blank(&lines[next]) {
            next += 1;
        }
        match lines.get(next).and_then(|l| list_marker(l)) {
            Some(m) if m.symbol == first.symbol && !is_rule(lines[next].trim_start()) => {
                marker = m;
                i = next;
            }
            _ => break,
        }
    }
    nodes.push(Node::List { numbered: first.numbered, items });
    i
}

/// Where a raw HTML block ends: at a line containing this text, or (`None`) at a blank line.
type HtmlEnd = Option<&'static str>;

/// CommonMark's block-level tag names (HTML block type 6).
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
    "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
    "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option",
    "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "track", "ul",
];

/// The start of a raw HTML block that may interrupt a paragraph (types 1 to 6).
fn html_start(rest: &str) -> Option<HtmlEnd> {
    let lower = rest.to_ascii_lowercase();
    for (open, close) in
        [("<script", "</script>"), ("<pre", "</pre>"), ("<style", "</style>"), ("<textarea", "</textarea>")]
    {
        if lower.strip_prefix(open).is_some_and(|after| after.is_empty() || after.starts_with([' ', '>'])) {
            return Some(Some(close));
        }
    }
    for (open, close) in [("<!--", "-->"), ("<?", "?>"), ("<![cdata[", "]]>")] {
        if lower.starts_with(open) {
            return Some(Some(close));
        }
    }
    if lower.starts_with("<!") && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(Some(">"));
    }
    let name = lower.strip_prefix("</").or_else(|| lower.strip_prefix('<'))?;
    let end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    let after = &name[end..];
    let tag_ends = after.is_empty() || after.starts_with([' ', '>']) || after.starts_with("/>");
    (BLOCK_TAGS.contains(&&name[..end]) && tag_ends).then_some(None)
}

/// A line that is one complete open or close tag: an HTML block that cannot interrupt a paragraph (type 7).
fn lone_tag(rest: &str) -> bool {
    let Some(name) = rest.strip_prefix("</").or_else(|| rest.strip_prefix('<')) else { return false };
    let end = name.find(|c: char| !c.is_ascii_alphanumeric() && c != '-').unwrap_or(name.len());
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name[end..].starts_with([' ', '>', '/'])
        && rest.trim_end().ends_with('>')
        && rest.matches('<').count() == 1
}

fn html_block(lines: &[String], start: usize, end: HtmlEnd, nodes: &mut Vec<Node>) -> usize {
    let mut html = String::new();
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        if end.is_none() && is_blank(line) {
            break;
        }
        html.push_str(line);
        html.push('\n');
        i += 1;
        if end.is_some_and(|e| line.to_ascii_lowercase().contains(e)) {
            break;
        }
    }
    nodes.push(Node::Html(html));
    i
}

/// A paragraph (or setext heading) and the link reference definitions at its start.
fn paragraph(lines: &[String], start: usize, refs: &mut Refs, nodes: &mut Vec<Node>) -> usize {
    let first = lines[start].trim_start();
    if lone_tag(first) {
        return html_block(lines, start, None, nodes);
    }
    let mut text = vec![first];
    let mut i = start + 1;
    let mut heading = None;
    while i < lines.len() {
        let line = &lines[i];
        if is_blank(line) {
            break;
        }
        if let Some(level) = setext_underline(line) {
            heading = Some(level);
            i += 1;
            break;
        }
        if interrupts(line) {
            break;
        }
        text.push(line.trim_start());
        i += 1;
    }
    let mut definitions = 0;
    for (label, dest) in text.iter().map_while(|l| reference_definition(l)) {
        refs.entry(label).or_insert(dest);
        definitions += 1;
    }
    text.drain(..definitions);
    if text.is_empty() {
        return i;
    }
    let joined = text.join("\n");
    nodes.push(match heading {
        Some(level) => Node::Heading(level, joined.trim_end().to_string()),
        None => Node::Paragraph(joined.trim_end().to_string()),
    });
    i
}

/// Whether `line` ends a paragraph instead of continuing it.
fn interrupts(line: &str) -> bool {
    let indent = indent_of(line);
    if is_blank(line) {
        return true;
    }
    if indent >= 4 {
        return false;
    }
    let rest = &line[indent..];
    atx_heading(rest).is_some()
        || fence_start(rest).is_some()
        || is_rule(rest)
        || rest.starts_with('>')
        || html_start(rest).is_some()
        || list_marker(line).is_some_and(|m| m.has_content && (!m.numbered || m.start_is_one))
}

fn atx_heading(rest: &str) -> Option<(u8, String)> {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    let after = &rest[hashes..];
    if !(1..=6).contains(&hashes) || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let mut text = after.trim();
    // A closing run of #s goes, if a space stands before it (or it is all there is).
    let without = text.trim_end_matches('#');
    if without.is_empty() || without.ends_with(' ') {
        text = without.trim_end();
    }
    Some((hashes as u8, text.to_string()))
}

fn fence_start(rest: &str) -> Option<(char, usize)> {
    let fence = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.chars().take_while(|&c| c == fence).count();
    let info = &rest[len..];
    (len >= 3 && !(fence == '`' && info.contains('`'))).then_some((fence, len))
}

fn is_rule(rest: &str) -> bool {
    let mut chars = rest.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next().filter(|c| matches!(c, '-' | '*' | '_')) else { return false };
    let mut count = 1;
    for c in chars {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

fn setext_underline(line: &str) -> Option<u8> {
    if indent_of(line) >= 4 {
        return None;
    }
    let rest = line.trim();
    let level = match rest.chars().next()? {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    rest.chars().all(|c| c == rest.chars().next().unwrap_or(' ')).then_some(level)
}

/// `[label]: destination "optional title"` on one line.
fn reference_definition(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find(']')?;
    let label = &rest[..close];
    if label.trim().is_empty() || label.contains('[') || label.len() > 999 {
        return None;
    }
    let after = rest[close + 1..].strip_prefix(':')?.trim_start();
    let (dest, tail) = match after.strip_prefix('<') {
        Some(inner) => {
            let end = inner.find('>')?;
            (&inner[..end], &inner[end + 1..])
        }
        None => {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (&after[..end], &after[end..])
        }
    };
    if dest.is_empty() && !after.starts_with('<') {
        return None;
    }
    let tail = tail.trim();
    let titled = tail.is_empty()
        || [('"', '"'), ('\'', '\''), ('(', ')')]
            .iter()
            .any(|&(open, close)| tail.len() >= 2 && tail.starts_with(open) && tail.ends_with(close));
    titled.then(|| (normalise_label(label), super::inline::unescape(dest)))
}

/// Labels match case-insensitively, with runs of white space as one space.
pub fn normalise_label(label: &str) -> String {
    crate::domain::text::lowercase::lower(&label.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `line` without up to `columns` leading spaces.
fn strip_columns(line: &str, columns: usize) -> &str {
    let spaces = indent_of(line).min(columns);
    &line[spaces..]
}

/// Tabs among the leading white space and container markers become spaces up to the next multiple of four columns.
fn expand_tabs(line: &str) -> String {
    if !line.contains('\t') {
        return line.to_string();
    }
    let body = line.trim_start_matches([
        ' ', '\t', '>', '-', '*', '+', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    ]);
    let mut lead = String::new();
    for c in line[..line.len() - body.len()].chars() {
        if c == '\t' {
            lead.push_str(&"    "[lead.len() % 4..]);
        } else {
            lead.push(c);
        }
    }
    lead + body
}
