//! Markdown's inline syntax inside one paragraph or heading: code spans, emphasis and strong (CommonMark's delimiter rules), inline, reference and autolinks, images, escapes, entities and line breaks; inline HTML stays text.

use super::blocks::{normalise_label, Refs};
use super::{Event, Tag};

/// One inline piece; groups hold what an emphasis, link or image wraps.
enum Piece {
    Text(String),
    Code(String),
    Break,
    /// A run of `*` or `_` not yet matched, and whether it may open or close emphasis.
    Delim {
        ch: char,
        count: usize,
        open: bool,
        close: bool,
    },
    /// A `[` or `![` waiting for its `]`; `after` is the byte offset just past it.
    Bracket {
        image: bool,
        active: bool,
        after: usize,
    },
    Group(Tag, Vec<Piece>),
}

/// Appends the events of the inline source `text` to `out`.
pub fn parse(text: &str, refs: &Refs, out: &mut Vec<Event>) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        match c {
            '\\' => match rest[1..].chars().next() {
                Some(n) if n.is_ascii_punctuation() => {
                    buf.push(n);
                    i += 2;
                }
                Some('\n') => {
                    flush(&mut buf, &mut pieces);
                    pieces.push(Piece::Break);
                    i += 2;
                }
                _ => {
                    buf.push('\\');
                    i += 1;
                }
            },
            '`' => {
                let run = rest.bytes().take_while(|&b| b == b'`').count();
                match closing_backticks(&rest[run..], run) {
                    Some((content, used)) => {
                        flush(&mut buf, &mut pieces);
                        pieces.push(Piece::Code(code_content(content)));
                        i += run + used;
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
                flush(&mut buf, &mut pieces);
                pieces.push(Piece::Delim { ch: c, count: run, open, close });
                i += run;
            }
            '!' if rest[1..].starts_with('[') => {
                flush(&mut buf, &mut pieces);
                pieces.push(Piece::Bracket { image: true, active: true, after: i + 2 });
                i += 2;
            }
            '[' => {
                flush(&mut buf, &mut pieces);
                pieces.push(Piece::Bracket { image: false, active: true, after: i + 1 });
                i += 1;
            }
            ']' => {
                flush(&mut buf, &mut pieces);
                i += 1 + close_bracket(text, i, refs, &mut pieces);
            }
            '<' => {
                if let Some((len, href)) = autolink(rest) {
                    flush(&mut buf, &mut pieces);
                    pieces.push(Piece::Group(Tag::Link(href), vec![Piece::Text(rest[1..len - 1].to_string())]));
                    i += len;
                } else {
                    let len = inline_tag(rest).unwrap_or(1);
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
                flush(&mut buf, &mut pieces);
                pieces.push(Piece::Break);
                i += 1;
                i += text[i..].len() - text[i..].trim_start_matches(' ').len();
            }
            _ => {
                buf.push(c);
                i += c.len_utf8();
            }
        }
    }
    flush(&mut buf, &mut pieces);
    emit(emphasis(pieces), out);
}

fn flush(buf: &mut String, pieces: &mut Vec<Piece>) {
    if !buf.is_empty() {
        pieces.push(Piece::Text(std::mem::take(buf)));
    }
}

/// Handles a `]` at byte `at`: a link or image if a `[` waits and a destination follows.
/// Returns how many bytes after the `]` the link syntax used.
fn close_bracket(text: &str, at: usize, refs: &Refs, pieces: &mut Vec<Piece>) -> usize {
    let Some(open) = pieces.iter().rposition(|p| matches!(p, Piece::Bracket { .. })) else {
        pieces.push(Piece::Text("]".into()));
        return 0;
    };
    let Piece::Bracket { image, active, after } = pieces[open] else { return 0 };
    let tail = &text[at + 1..];
    let target = if active { link_target(tail, &text[after..at], refs) } else { None };
    let Some((used, href)) = target else {
        pieces[open] = Piece::Text(if image { "![" } else { "[" }.into());
        pieces.push(Piece::Text("]".into()));
        return 0;
    };
    let inner = emphasis(pieces.split_off(open + 1));
    pieces.pop();
    if !image {
        // Links cannot contain links: earlier openers can no longer make one.
        for piece in pieces.iter_mut() {
            if let Piece::Bracket { image: false, active, .. } = piece {
                *active = false;
            }
        }
    }
    pieces.push(Piece::Group(if image { Tag::Image } else { Tag::Link(href) }, inner));
    used
}

/// What follows `[label]`: an inline `(destination "title")`, or a reference `[ref]`, `[]` or nothing.
fn link_target(tail: &str, label: &str, refs: &Refs) -> Option<(usize, String)> {
    if let Some(found) = inline_destination(tail) {
        return Some(found);
    }
    if let Some(inner) = tail.strip_prefix('[') {
        let end = inner.find(']')?;
        let named = &inner[..end];
        let key = if named.trim().is_empty() { label } else { named };
        return refs.get(&normalise_label(key)).map(|href| (end + 2, href.clone()));
    }
    refs.get(&normalise_label(label)).map(|href| (0, href.clone()))
}

/// `(destination "optional title")`: the bytes used and the destination.
fn inline_destination(tail: &str) -> Option<(usize, String)> {
    let inner = tail.strip_prefix('(')?;
    let mut i = inner.len() - inner.trim_start().len();
    let dest_start = i;
    let dest = if inner[i..].starts_with('<') {
        let end = inner[i + 1..].find(['>', '\n'])?;
        if !inner[i + 1 + end..].starts_with('>') {
            return None;
        }
        i += end + 2;
        &inner[dest_start + 1..i - 1]
    } else {
        let mut depth = 0usize;
        let bytes = inner.as_bytes();
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if i + 1 < bytes.len() => i += 1,
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
    if let Some(close) = match inner[i..].chars().next() {
        Some('"') => Some('"'),
        Some('\'') => Some('\''),
        Some('(') => Some(')'),
        _ => None,
    } {
        if i == dest_start + dest.len() && !dest.is_empty() && !inner[dest_start..].starts_with('<') {
            return None;
        }
        let mut j = i + 1;
        let bytes = inner.as_bytes();
        while j < bytes.len() && bytes[j] != close as u8 {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        if j >= bytes.len() {
            return None;
        }
        i = j + 1;
        i += inner[i..].len() - inner[i..].trim_start().len();
    }
    inner[i..].starts_with(')').then(|| (i + 2, unescape(dest)))
}

/// Where the run of exactly `run` backticks that closes a code span starts in `rest`: the content and the bytes used.
fn closing_backticks(rest: &str, run: usize) -> Option<(&str, usize)> {
    let mut i = 0;
    while let Some(found) = rest[i..].find('`') {
        let start = i + found;
        let len = rest[start..].bytes().take_while(|&b| b == b'`').count();
        if len == run {
            return Some((&rest[..start], start + len));
        }
        i = start + len;
    }
    None
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
    let end = rest.find('>')?;
    let body = &rest[1..end];
    if body.is_empty() || body.contains(|c: char| c.is_whitespace() || c.is_control() || c == '<') {
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

/// The length of an inline HTML tag or comment at the start of `rest`, which stays text as written.
fn inline_tag(rest: &str) -> Option<usize> {
    if rest.starts_with("<!--") {
        return rest.find("-->").map(|end| end + 3);
    }
    let name = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut quote = None;
    for (i, c) in rest.char_indices().skip(1) {
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
    let end = rest[1..].find(';')? + 1;
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

/// CommonMark's "process emphasis": pairs delimiter runs into emphasis and strong groups, innermost first.
fn emphasis(mut pieces: Vec<Piece>) -> Vec<Piece> {
    let mut c = 0;
    while c < pieces.len() {
        let Piece::Delim { ch, count: closing, open: closer_opens, close: true } = pieces[c] else {
            c += 1;
            continue;
        };
        let opener = (0..c).rev().find(|&o| match pieces[o] {
            Piece::Delim { ch: oc, count, open: true, close: opener_closes } => {
                // The "rule of 3": a run that can both open and close only pairs if the sum is no multiple of 3.
                let both = opener_closes || closer_opens;
                oc == ch && count > 0 && !(both && (count + closing) % 3 == 0 && !(count % 3 == 0 && closing % 3 == 0))
            }
            _ => false,
        });
        let Some(o) = opener else {
            c += 1;
            continue;
        };
        let Piece::Delim { count: opening, .. } = pieces[o] else { unreachable!() };
        let used = if opening >= 2 && closing >= 2 { 2 } else { 1 };
        let inner: Vec<Piece> = pieces.drain(o + 1..c).collect();
        pieces.insert(o + 1, Piece::Group(if used == 2 { Tag::Strong } else { Tag::Emphasis }, inner));
        c = o + 2;
        set_count(&mut pieces[c], closing - used);
        set_count(&mut pieces[o], opening - used);
        if closing == used {
            pieces.remove(c);
        }
        if opening == used {
            pieces.remove(o);
            c -= 1;
        }
    }
    pieces
}

fn set_count(piece: &mut Piece, left: usize) {
    if let Piece::Delim { count, .. } = piece {
        *count = left;
    }
}

fn emit(pieces: Vec<Piece>, out: &mut Vec<Event>) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push(Event::Text(text)),
            Piece::Code(text) => out.push(Event::Code(text)),
            Piece::Break => out.push(Event::Break),
            Piece::Delim { ch, count, .. } => out.push(Event::Text(ch.to_string().repeat(count))),
            Piece::Bracket { image, .. } => out.push(Event::Text(if image { "![" } else { "[" }.into())),
            Piece::Group(tag, inner) => {
                out.push(Event::Start(tag.clone()));
                emit(inner, out);
                out.push(Event::End(tag));
            }
        }
    }
}
