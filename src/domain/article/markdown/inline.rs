//! Markdown's inline syntax inside one paragraph or heading: code spans, emphasis and strong (CommonMark's delimiter rules), inline, reference and autolinks, images, escapes, entities and line breaks; inline HTML stays text.

use super::blocks::{normalise_label, Refs};
use super::emphasis::{self, Delim, Matched};
use super::scan::Lookahead;
use super::{Event, Tag};
use crate::domain::text::work::tick;

/// One inline piece of the paragraph, in order; matched emphasis and links only add tags around pieces.
enum Piece {
    Text(String),
    Code(String),
    Break,
    /// A run of `*` or `_`: its unused characters are text.
    Delim {
        ch: char,
        count: usize,
    },
    /// A `[` or `![` waiting for its `]`.
    Bracket {
        image: bool,
    },
    /// The start of a link or image, and the end of one (whether an image).
    Open(Tag),
    Close(bool),
}

/// A `[` or `![` waiting for its `]`.
struct Bracket {
    piece: usize,
    image: bool,
    /// The byte offset just past it.
    after: usize,
    /// How many emphasis runs came before it (the ones after it belong to the link's text).
    delims: usize,
}

/// Most parentheses a link destination may nest (CommonMark lets readers set a limit; pulldown-cmark
/// and cmark use 32), so a destination look-ahead cannot run on through a paragraph of `(`.
const MAX_DESTINATION_PARENS: usize = 32;

/// Longest link label matched against the reference definitions, as CommonMark says.
const MAX_LABEL_BYTES: usize = 999;

/// The inline parse of one paragraph: pieces so far, open brackets and emphasis runs.
struct Inline<'a> {
    text: &'a str,
    refs: &'a Refs,
    pieces: Vec<Piece>,
    matched: Vec<Matched>,
    delims: Vec<Delim>,
    brackets: Vec<Bracket>,
    /// Brackets below this height are `[`s inside a link already made: they can no longer make one.
    inactive_below: usize,
    look: Lookahead,
}

/// Appends the events of the inline source `text` to `out`.
pub fn parse(text: &str, refs: &Refs, out: &mut Vec<Event>) {
    let mut p = Inline {
        text,
        refs,
        pieces: Vec::new(),
        matched: Vec::new(),
        delims: Vec::new(),
        brackets: Vec::new(),
        inactive_below: 0,
        look: Lookahead::default(),
    };
    let mut buf = String::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        tick(1);
        let rest = &text[i..];
        match c {
            '\\' => match rest[1..].chars().next() {
                Some(n) if n.is_ascii_punctuation() => {
                    buf.push(n);
                    i += 2;
                }
                Some('\n') => {
                    p.push(&mut buf, Piece::Break);
                    i += 2;
                }
                _ => {
                    buf.push('\\');
                    i += 1;
                }
            },
            '`' => {
                let run = rest.bytes().take_while(|&b| b == b'`').count();
                match p.look.closing_backticks(text, i + run, run) {
                    Some(close) => {
                        p.push(&mut buf, Piece::Code(code_content(&text[i + run..close])));
                        i = close + run;
                    }
                    None => {
                        buf.push_str(&rest[..run]);
                        i += run;
                    }
                }
            }
            '*' | '_' => {
                let run = rest.bytes().take_while(|&b| b == c as u8).count();
                let before = text[..i].chars().next_back().unwrap_or(' ');
                let after = rest[run..].chars().next().unwrap_or(' ');
                let left = !after.is_whitespace() && (!is_punct(after) || before.is_whitespace() || is_punct(before));
                let right = !before.is_whitespace() && (!is_punct(before) || after.is_whitespace() || is_punct(after));
                let (open, close) = match c {
                    '*' => (left, right),
                    _ => (left && (!right || is_punct(before)), right && (!left || is_punct(after))),
                };
                p.push(&mut buf, Piece::Delim { ch: c, count: run });
                p.delims.push(Delim { piece: p.pieces.len() - 1, ch: c, count: run, run, open, close });
                i += run;
            }
            '!' if rest[1..].starts_with('[') => {
                p.push(&mut buf, Piece::Bracket { image: true });
                p.open_bracket(true, i + 2);
                i += 2;
            }
            '[' => {
                p.push(&mut buf, Piece::Bracket { image: false });
                p.open_bracket(false, i + 1);
                i += 1;
            }
            ']' => {
                p.flush(&mut buf);
                i += 1 + p.close_bracket(i);
            }
            '<' => {
                if let Some((len, href)) = autolink(rest) {
                    p.push(&mut buf, Piece::Open(Tag::Link(href)));
                    p.add(Piece::Text(rest[1..len - 1].to_string()));
                    p.add(Piece::Close(false));
                    i += len;
                } else {
                    let len = inline_tag(&mut p.look, text, i).unwrap_or(1);
                    buf.push_str(&rest[..len]);
                    i += len;
                }
            }
            '&' => match entity(rest) {
                Some((len, decoded)) => {
                    buf.push_str(&decoded);
                    i += len;
                }
                None => {
                    buf.push('&');
                    i += 1;
                }
            },
            '\n' => {
                buf.truncate(buf.trim_end_matches(' ').len());
                p.push(&mut buf, Piece::Break);
                i += 1;
                i += text[i..].len() - text[i..].trim_start_matches(' ').len();
            }
            _ => {
                buf.push(c);
                i += c.len_utf8();
            }
        }
    }
    p.flush(&mut buf);
    emphasis::process(&mut p.delims, 0, &mut p.matched);
    p.emit(out);
}

impl Inline<'_> {
    /// Adds the text gathered in `buf`, if any, then `piece`.
    fn push(&mut self, buf: &mut String, piece: Piece) {
        self.flush(buf);
        self.add(piece);
    }

    fn flush(&mut self, buf: &mut String) {
        if !buf.is_empty() {
            self.add(Piece::Text(std::mem::take(buf)));
        }
    }

    /// Adds `piece`, with nothing matched around it yet.
    #[inline(never)]
    fn add(&mut self, piece: Piece) {
        self.pieces.push(piece);
        self.matched.push(Matched::default());
    }

    fn open_bracket(&mut self, image: bool, after: usize) {
        let piece = self.pieces.len() - 1;
        self.brackets.push(Bracket { piece, image, after, delims: self.delims.len() });
    }

    /// Handles a `]` at byte `at`: a link or image if a `[` waits and a destination follows.
    /// Returns how many bytes after the `]` the link syntax used.
    fn close_bracket(&mut self, at: usize) -> usize {
        let Some(open) = self.brackets.pop() else {
            self.add(Piece::Text("]".into()));
            return 0;
        };
        let active = open.image || self.brackets.len() >= self.inactive_below;
        self.inactive_below = self.inactive_below.min(self.brackets.len());
        let target = if active { self.link_target(at + 1, &self.text[open.after..at]) } else { None };
        let Some((used, href)) = target else {
            self.pieces[open.piece] = Piece::Text(if open.image { "![" } else { "[" }.into());
            self.add(Piece::Text("]".into()));
            return 0;
        };
        emphasis::process(&mut self.delims, open.delims, &mut self.matched);
        self.pieces[open.piece] = Piece::Open(if open.image { Tag::Image } else { Tag::Link(href) });
        self.add(Piece::Close(open.image));
        if !open.image {
            // Links cannot contain links: earlier openers can no longer make one.
            self.inactive_below = self.brackets.len();
        }
        used
    }

    /// What follows `[label]` at byte `at`: an inline `(destination "title")`, or a reference `[ref]`, `[]` or nothing.
    fn link_target(&mut self, at: usize, label: &str) -> Option<(usize, String)> {
        if let Some(found) = inline_destination(&mut self.look, self.text, at) {
            return Some(found);
        }
        let tail = &self.text[at..];
        // `[text][ref]` or `[text][]`; a `[` that no `]` closes leaves `[text]` a shortcut reference.
        let label_end = if tail.starts_with('[') {
            self.look.label_end.next(self.text.as_bytes(), at + 1, false, b"]")
        } else {
            None
        };
        if let Some(end) = label_end {
            let named = &self.text[at + 1..end];
            let key = if named.trim().is_empty() { label } else { named };
            return self.reference(key).map(|href| (end + 1 - at, href));
        }
        self.reference(label).map(|href| (0, href))
    }

    fn reference(&self, label: &str) -> Option<String> {
        if self.refs.is_empty() || label.len() > MAX_LABEL_BYTES {
            return None;
        }
        tick(label.len());
        self.refs.get(&normalise_label(label)).cloned()
    }

    /// Writes the pieces as events, each run's unused characters between the tags it ends and starts.
    fn emit(self, out: &mut Vec<Event>) {
        for (piece, matched) in self.pieces.into_iter().zip(self.matched) {
            out.extend(matched.ends.into_iter().map(|strong| Event::End(emphasis_tag(strong))));
            match piece {
                Piece::Text(text) => out.push(Event::Text(text)),
                Piece::Code(text) => out.push(Event::Code(text)),
                Piece::Break => out.push(Event::Break),
                Piece::Delim { ch, count } if count > matched.used => {
                    out.push(Event::Text(ch.to_string().repeat(count - matched.used)));
                }
                Piece::Delim { .. } => {}
                Piece::Bracket { image } => out.push(Event::Text(if image { "![" } else { "[" }.into())),
                Piece::Open(tag) => out.push(Event::Start(tag)),
                // End events carry no target (as the reference parser's do).
                Piece::Close(image) => out.push(Event::End(if image { Tag::Image } else { Tag::Link(String::new()) })),
            }
            out.extend(matched.starts.into_iter().rev().map(|strong| Event::Start(emphasis_tag(strong))));
        }
    }
}

fn emphasis_tag(strong: bool) -> Tag {
    if strong {
        Tag::Strong
    } else {
        Tag::Emphasis
    }
}

/// `(destination "optional title")` at byte `at` of `text`: the bytes used and the destination.
fn inline_destination(look: &mut Lookahead, text: &str, at: usize) -> Option<(usize, String)> {
    let inner = text[at..].strip_prefix('(')?;
    let base = at + 1;
    let bytes = text.as_bytes();
    let mut i = inner.len() - inner.trim_start().len();
    let dest_start = i;
    let dest = if inner[i..].starts_with('<') {
        let end = look.angle_end.next(bytes, base + i + 1, false, b">\n")? - base;
        if bytes[base + end] != b'>' {
            return None;
        }
        i = end + 1;
        &inner[dest_start + 1..i - 1]
    } else {
        let mut depth = 0usize;
        let inner_bytes = inner.as_bytes();
        while i < inner_bytes.len() {
            tick(1);
            match inner_bytes[i] {
                b'\\' if i + 1 < inner_bytes.len() => i += 1,
                b'(' if depth == MAX_DESTINATION_PARENS => return None,
                b'(' => depth += 1,
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                b if b.is_ascii_whitespace() || b.is_ascii_control() => break,
                _ => {}
            }
            i += 1;
        }
        if depth != 0 {
            return None;
        }
        &inner[dest_start..i]
    };
    i += inner[i..].len() - inner[i..].trim_start().len();
    if let Some(kind) = match inner[i..].chars().next() {
        Some('"') => Some(0),
        Some('\'') => Some(1),
        Some('(') => Some(2),
        _ => None,
    } {
        if i == dest_start + dest.len() && !dest.is_empty() && !inner[dest_start..].starts_with('<') {
            return None;
        }
        let close = [b'"', b'\'', b')'][kind];
        let j = look.title_end[kind].next(bytes, base + i + 1, true, &[close])? - base;
        i = j + 1;
        i += inner[i..].len() - inner[i..].trim_start().len();
    }
    inner[i..].starts_with(')').then(|| (i + 2, unescape(dest)))
}

/// A code span's text: line breaks become spaces, and one space is trimmed from each side if both have one.
fn code_content(raw: &str) -> String {
    let text = raw.replace('\n', " ");
    let padded = text.len() >= 2 && text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty();
    if padded {
        text[1..text.len() - 1].to_string()
    } else {
        text
    }
}

/// `<scheme:…>` or `<name@host>`: the bytes used and the link target.
fn autolink(rest: &str) -> Option<(usize, String)> {
    // The body ends at the first `>`; white space, controls and `<` cannot be in it, so the
    // look-ahead stops there too (never scanning on to the paragraph's end).
    let end = 1 + rest[1..].find(|c: char| c == '>' || c == '<' || c.is_whitespace() || c.is_control())?;
    tick(end);
    if !rest[end..].starts_with('>') {
        return None;
    }
    let body = &rest[1..end];
    if body.is_empty() {
        return None;
    }
    if let Some((scheme, _)) = body.split_once(':') {
        let valid = (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
        if valid {
            return Some((end + 1, body.to_string()));
        }
    }
    let (local, host) = body.split_once('@')?;
    let email = !local.is_empty()
        && !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && local.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c));
    // The target is the address as written, as CommonMark readers give it; `safe_link` then
    // drops it (no mailto: scheme), so the address stays plain text.
    email.then(|| (end + 1, body.to_string()))
}

/// The length of an inline HTML tag or comment at byte `at` of `text`, which stays text as written.
fn inline_tag(look: &mut Lookahead, text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if rest.starts_with("<!--") {
        return look.comment_end(text, at).map(|end| end - at);
    }
    let name = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // Outside quotes the scan stops at the next `<`, and a quoted stretch ends at the next
    // quote of its kind, so scans from different `<`s cover each byte a bounded number of times.
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(1) {
        tick(1);
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// HTML's named character references that articles use; numeric references cover the rest.
#[rustfmt::skip]
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"), ("emsp", "\u{2003}"), ("thinsp", "\u{2009}"), ("shy", "\u{ad}"),
    ("copy", "©"), ("reg", "®"), ("trade", "™"), ("hellip", "…"), ("mdash", "—"), ("ndash", "–"),
    ("lsquo", "‘"), ("rsquo", "’"), ("sbquo", "‚"), ("ldquo", "“"), ("rdquo", "”"), ("bdquo", "„"),
    ("laquo", "«"), ("raquo", "»"), ("lsaquo", "‹"), ("rsaquo", "›"), ("bull", "•"), ("middot", "·"),
    ("deg", "°"), ("euro", "€"), ("pound", "£"), ("yen", "¥"), ("cent", "¢"), ("sect", "§"),
    ("para", "¶"), ("times", "×"), ("divide", "÷"), ("plusmn", "±"), ("minus", "−"), ("frac12", "½"),
    ("frac14", "¼"), ("frac34", "¾"), ("prime", "′"), ("Prime", "″"), ("dagger", "†"), ("Dagger", "‡"),
    ("iexcl", "¡"), ("iquest", "¿"), ("aacute", "á"), ("eacute", "é"), ("iacute", "í"), ("oacute", "ó"),
    ("uacute", "ú"), ("Aacute", "Á"), ("Eacute", "É"), ("Iacute", "Í"), ("Oacute", "Ó"), ("Uacute", "Ú"),
    ("agrave", "à"), ("egrave", "è"), ("ograve", "ò"), ("acirc", "â"), ("ecirc", "ê"), ("ocirc", "ô"),
    ("auml", "ä"), ("euml", "ë"), ("iuml", "ï"), ("ouml", "ö"), ("uuml", "ü"), ("Auml", "Ä"),
    ("Ouml", "Ö"), ("Uuml", "Ü"), ("szlig", "ß"), ("ntilde", "ñ"), ("Ntilde", "Ñ"), ("ccedil", "ç"),
    ("Ccedil", "Ç"), ("aring", "å"), ("oslash", "ø"), ("aelig", "æ"),
];

/// An entity or numeric character reference at the start of `rest`: the bytes used and the text.
fn entity(rest: &str) -> Option<(usize, String)> {
    // Names and numbers are short: look for the `;` only through letters, digits and `#`.
    let end = 1 + rest[1..].bytes().take(33).position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))?;
    tick(end);
    if rest.as_bytes()[end] != b';' {
        return None;
    }
    let name = &rest[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let (digits, radix, max) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 6),
            None => (number, 10, 7),
        };
        if digits.is_empty() || digits.len() > max || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let code = u32::from_str_radix(digits, radix).ok()?;
        char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}').to_string()
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1.to_string()
    };
    Some((end + 1, decoded))
}

/// A link destination with its backslash escapes and character references resolved.
pub fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(c) = raw[i..].chars().next() {
        let rest = &raw[i..];
        match c {
            '\\' if rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) => {
                out.push_str(&rest[1..2]);
                i += 2;
            }
            '&' if entity(rest).is_some() => {
                let (len, text) = entity(rest).unwrap_or_default();
                out.push_str(&text);
                i += len;
            }
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}
