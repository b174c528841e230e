//! A printable, standalone HTML report: the article (its title once) with numbered highlights, a tag legend with counts, and notes as endnotes, dated in the exporter's local time and signed with their name.
//!
//! The file is opened outside the app, so it is built to be inert: every text from the article,
//! notes and tags goes through [`escape`], there is no script, the only style is one `<style>`
//! element allowed by its hash in a strict Content-Security-Policy, tag colours that are not
//! `#rrggbb` are replaced, and the source URL is shown as text, never as a link.

use sha2::{Digest, Sha256};

use time::{OffsetDateTime, UtcOffset};

use super::pack::ExportInfo;
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::{BlockKind, Document};
use crate::domain::i18n::{ReportTexts, REPORT_EN};

/// The report of `annotations` on `doc`, by `info.by`, with every time in `info.at`'s offset
/// (the exporter's local time). Annotations whose quote is not at their positions in `doc`
/// (orphans) are not highlighted; they are the last notes, marked as not found. In English.
pub fn export<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
) -> String {
    export_in(doc, tags, annotations, info, &REPORT_EN)
}

/// [`export`] in the words of `r` (the exporter's UI language).
pub fn export_in<'a>(
    doc: &Document,
    tags: &TagSet,
    annotations: impl IntoIterator<Item = &'a Annotation>,
    info: &ExportInfo,
    r: &ReportTexts,
) -> String {
    let (source, at) = (info.source, info.at);
    let rows = super::report_order(doc, annotations);
    let annotations: Vec<&Annotation> = rows.iter().map(|(a, _)| *a).collect();
    let placed: Vec<bool> = rows.iter().map(|(_, p)| *p).collect();
    let style = stylesheet(tags);
    let csp = format!(
        "default-src 'none'; style-src 'sha256-{}'; img-src 'none'; base-uri 'none'; form-action 'none'",
        base64(&Sha256::digest(style.as_bytes()))
    );
    let title = escape(doc.title());
    let mut out = String::new();
    out.push_str(&format!("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", r.code));
    out.push_str(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"));
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let page_title = escape(&(r.annotations_of)(doc.title()));
    out.push_str(&format!("<title>{page_title}</title>\n<style>{style}</style>\n</head>\n<body>\n"));
    // The title once: the article's own title block becomes the page's heading, highlights and all.
    let title_block =
        doc.blocks().first().is_some_and(|b| b.kind == BlockKind::Heading && doc.slice(b.start, b.end) == doc.title());
    let shown: Vec<(usize, &Annotation)> =
        annotations.iter().enumerate().filter(|(i, _)| placed[*i]).map(|(i, a)| (i + 1, *a)).collect();
    out.push_str("<header>\n<h1>");
    if title_block {
        block_html(&mut out, doc, tags, 0, &shown);
    } else {
        out.push_str(&title);
    }
    out.push_str("</h1>\n");
    let facts: Vec<String> =
        [doc.meta().byline.as_deref(), doc.meta().date.as_deref(), source].into_iter().flatten().map(escape).collect();
    if !facts.is_empty() {
        out.push_str(&format!("<p class=\"facts\">{}</p>\n", facts.join(" · ")));
    }
    out.push_str(&format!(
        "<p class=\"facts\">{}</p>\n</header>\n",
        escape(&exported_line_in(info, annotations.len(), r))
    ));
    legend(&mut out, tags, &annotations, r);
    out.push_str("<main>\n");
    for (index, block) in doc.blocks().iter().enumerate().skip(usize::from(title_block)) {
        let tag = if block.kind == BlockKind::Heading {
            if index == 0 {
                "h2"
            } else {
                "h3"
            }
        } else {
            "p"
        };
        out.push_str(&format!("<{tag}>"));
        block_html(&mut out, doc, tags, index, &shown);
        out.push_str(&format!("</{tag}>\n"));
    }
    out.push_str("</main>\n");
    endnotes(&mut out, doc, tags, &annotations, &placed, at.offset(), r);
    out.push_str("</body>\n</html>\n");
    out
}

/// Each tag and how many of `annotations` carry it, in tag-set order, then tags the set does
/// not know; tags no annotation uses are left out.
pub fn counts_per_tag(tags: &TagSet, annotations: &[&Annotation]) -> Vec<(TagId, usize)> {
    let mut ids: Vec<&TagId> = tags.tags.iter().map(|t| &t.id).collect();
    for a in annotations {
        for t in &a.tags {
            if !ids.contains(&t) {
                ids.push(t);
            }
        }
    }
    ids.into_iter()
        .map(|id| (id.clone(), annotations.iter().filter(|a| a.tags.contains(id)).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The HTML text of one block, with highlights: segments between annotation boundaries are
/// wrapped in a `<mark>` coloured by the innermost covering annotation's first tag, and each
/// annotation's number follows its last character.
fn block_html(out: &mut String, doc: &Document, tags: &TagSet, index: usize, shown: &[(usize, &Annotation)]) {
    let blocks = doc.blocks();
    let block = blocks[index];
    let next_start = blocks.get(index + 1).map_or(usize::MAX, |b| b.start);
    let here: Vec<&(usize, &Annotation)> =
        shown.iter().filter(|(_, a)| a.target.start < block.end && block.start < a.target.end).collect();
    let mut cuts: Vec<usize> = vec![block.start, block.end];
    for (_, a) in &here {
        cuts.push(a.target.start.clamp(block.start, block.end));
        cuts.push(a.target.end.clamp(block.start, block.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let covering: Vec<&&(usize, &Annotation)> =
            here.iter().filter(|(_, a)| a.target.start <= from && to <= a.target.end).collect();
        let text = escape(doc.slice(from, to));
        match covering.iter().max_by_key(|(_, a)| (a.target.start, std::cmp::Reverse(a.target.end))) {
            Some((_, inner)) => {
                let class = inner.tags.first().map_or(usize::MAX, |t| tags.position(t));
                let overlap = if covering.len() > 1 { " overlap" } else { "" };
                out.push_str(&format!("<mark class=\"{}{overlap}\">{text}</mark>", tag_class(class)));
            }
            None => out.push_str(&text),
        }
        // Numbers after the annotations that end here (or at this block's end, past which they
        // only cover the blank line between blocks).
        for (n, a) in &here {
            let end_here = a.target.end.min(block.end) == to && a.target.end <= next_start;
            if end_here {
                // In brackets, so two numbers side by side read as [3][4], never as 34.
                out.push_str(&format!("<sup class=\"ref\" id=\"h{n}\"><a href=\"#n{n}\">[{n}]</a></sup>"));
            }
        }
    }
}

fn legend(out: &mut String, tags: &TagSet, annotations: &[&Annotation], r: &ReportTexts) {
    out.push_str(&format!("<section class=\"legend\">\n<h2>{}</h2>\n<ul>\n", r.tags));
    for (id, count) in counts_per_tag(tags, annotations) {
        let description = tags.get(&id).map(|t| t.description.as_str()).filter(|d| !d.is_empty());
        let class = tag_class(tags.position(&id));
        out.push_str(&format!("<li><mark class=\"{class}\">{}</mark> {count}", escape(tags.name_of(&id))));
        if let Some(d) = description {
            out.push_str(&format!(" <span class=\"about\">— {}</span>", escape(d)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn endnotes(
    out: &mut String,
    doc: &Document,
    tags: &TagSet,
    annotations: &[&Annotation],
    placed: &[bool],
    offset: UtcOffset,
    r: &ReportTexts,
) {
    out.push_str(&format!("<section class=\"notes\">\n<h2>{}</h2>\n<ol>\n", r.notes));
    for (i, a) in annotations.iter().enumerate() {
        let n = i + 1;
        let names: Vec<String> = a.tags.iter().map(|t| escape(tags.name_of(t))).collect();
        out.push_str(&format!("<li id=\"n{n}\">"));
        if placed[i] {
            out.push_str(&format!("<a href=\"#h{n}\" class=\"back\">↑</a> "));
        }
        out.push_str(&format!("<strong>{}</strong>", names.join(", ")));
        match super::paragraph_number(doc, a.target.start) {
            _ if !placed[i] => out.push_str(&format!(" <em>({})</em>", lower_first(r.not_found))),
            0 => out.push_str(&format!(" · {}", lower_first(r.title_or_heading))),
            p => out.push_str(&format!(" · {}", lower_first(&(r.paragraph)(p)))),
        }
        out.push_str(&format!("<blockquote>{}</blockquote>", escape(&a.target.exact)));
        if !a.note.is_empty() {
            out.push_str(&format!("<p class=\"note\">{}</p>", escape(&a.note)));
        }
        let mut by = Vec::new();
        if !a.author.is_empty() {
            by.push(escape(&a.author));
        }
        by.push(escape(&local_time(a.modified, offset)));
        out.push_str(&format!("<p class=\"by\">{}</p></li>\n", by.join(" · ")));
    }
    out.push_str("</ol>\n</section>\n");
}

/// "By Ana · 4 annotations · exported 2025-03-10 10:00 (UTC+01:00)": who, how many and when,
/// in the exporter's local time (the offset of `info.at`).
pub fn exported_line(info: &ExportInfo, count: usize) -> String {
    exported_line_in(info, count, &REPORT_EN)
}

/// [`exported_line`] in the words of `r`.
pub fn exported_line_in(info: &ExportInfo, count: usize, r: &ReportTexts) -> String {
    let counted = (r.count)(count);
    let when = (r.exported)(&local_time(info.at, info.at.offset()), &zone(info.at.offset()));
    match info.by.trim() {
        "" => format!("{counted} · {when}"),
        by => format!("{} · {counted} · {when}", (r.by)(by)),
    }
}

/// `text` with its first letter in lower case, for a phrase inside a line ("· paragraph 3").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |first| crate::domain::text::lowercase::lower(&first.to_string()) + chars.as_str())
}

/// `at` as people read it where they are: `2025-03-10 10:00` in the time zone `offset`.
pub fn local_time(at: OffsetDateTime, offset: UtcOffset) -> String {
    let at = at.to_offset(offset);
    format!("{} {:02}:{:02}", at.date(), at.hour(), at.minute())
}

/// `UTC`, `UTC+01:00`, `UTC-03:30`.
fn zone(offset: UtcOffset) -> String {
    if offset.is_utc() {
        return "UTC".to_string();
    }
    let (h, m, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
}

/// The class of the tag at `position` in the set; unknown tags share one grey class.
fn tag_class(position: usize) -> String {
    if position == usize::MAX {
        "tx".to_string()
    } else {
        format!("t{position}")
    }
}

/// The report's only style: page layout plus one rule per tag, colours checked to be `#rrggbb`.
fn stylesheet(tags: &TagSet) -> String {
    let mut css = String::from(
        "body{font:16px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#111}\
         .facts,.by,.about{color:#555;font-size:.9em}mark{color:inherit;padding:0 .05em;\
         -webkit-print-color-adjust:exact;print-color-adjust:exact}mark.overlap{outline:1px solid #555}\
         sup.ref a,.back{text-decoration:none;color:#333}blockquote{margin:.3em 0 .3em 1em;font-style:italic}\
         .note{white-space:pre-wrap;margin:.3em 0}.legend ul{list-style:none;padding:0}\
         .notes li{margin-bottom:1em}@media print{a{color:inherit}.back{display:none}}\
         .tx{background:#dddddd;text-decoration:underline dotted #777777}",
    );
    for (i, tag) in tags.tags.iter().enumerate() {
        let colour = if is_hex_colour(&tag.colour) { tag.colour.as_str() } else { "#999999" };
        css.push_str(&format!(
            ".t{i}{{background:{colour}40;text-decoration:underline {} {colour};text-decoration-thickness:2px}}",
            tag.underline.css()
        ));
    }
    css
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Standard base64 with padding, for the CSP hash (a dozen lines instead of a dependency).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
