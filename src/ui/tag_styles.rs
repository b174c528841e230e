//! Builds the stylesheet that gives each tag its highlight colour and underline, and installs it without inline style.

use wasm_bindgen::JsCast;

use crate::domain::tags::{Tag, TagSet};
use crate::ui::browser::highlights::tag_highlight_name;

/// Parses `#rrggbb`; anything else (a hostile or broken tag colour) gives `None` and is never put in CSS.
fn rgb(colour: &str) -> Option<(u8, u8, u8)> {
    let hex = colour.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// CSS rules for one tag at position `index`: its highlight and its chips and swatches.
fn tag_rules(index: usize, tag: &Tag) -> String {
    let (r, g, b) = rgb(&tag.colour).unwrap_or((128, 128, 128));
    // A darker shade of the colour for lines and borders, so they contrast with the white page.
    let (dr, dg, db) = (r as u32 * 55 / 100, g as u32 * 55 / 100, b as u32 * 55 / 100);
    let style = tag.underline.css();
    let name = tag_highlight_name(index);
    format!(
        "::highlight({name}) {{ background-color: rgb({r} {g} {b} / 0.34); text-decoration: underline {style} rgb({dr} {dg} {db}); text-decoration-thickness: 2px; }}\n\
         [data-tag=\"{index}\"] {{ --tag-colour: rgb({r} {g} {b}); --tag-line: rgb({dr} {dg} {db}); --tag-line-style: {style}; }}\n"
    )
}

/// The whole tag stylesheet for `tags`.
pub fn stylesheet(tags: &TagSet) -> String {
    tags.tags.iter().enumerate().map(|(i, tag)| tag_rules(i, tag)).collect()
}

/// Installs `css` as the document's adopted stylesheet, which a strict Content-Security-Policy allows.
pub fn install(css: &str) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let sheets = js_sys::Array::of1(sheet.unchecked_ref());
    let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &sheets);
}
