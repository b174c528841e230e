//! Builds the stylesheet that gives each tag its highlight colour and underline, and installs it without inline style.

use crate::domain::annotation::colour_access::{line_colour, Rgb, HIGHLIGHT_ALPHA_CSS};
use crate::domain::annotation::tags::{Tag, TagSet};
use crate::ui::browser::highlights::tag_highlight_name;

/// CSS rules for one tag at position `index`: its highlight and its chips and swatches.
fn tag_rules(index: usize, tag: &Tag) -> String {
    // Tag colours that are not `#rrggbb` never reach CSS.
    let colour = Rgb::parse(&tag.colour).unwrap_or(Rgb(128, 128, 128));
    let Rgb(r, g, b) = colour;
    // A darker shade for lines and borders, dark enough for 3:1 on the page and on the highlight.
    let Rgb(dr, dg, db) = line_colour(colour);
    let style = tag.underline.css();
    let name = tag_highlight_name(index);
    format!(
        "::highlight({name}) {{ background-color: rgb({r} {g} {b} / {HIGHLIGHT_ALPHA_CSS}); text-decoration: underline {style} rgb({dr} {dg} {db}); text-decoration-thickness: 2px; }}\n\
         @media (forced-colors: active) {{ ::highlight({name}) {{ background-color: Mark; color: MarkText; text-decoration: underline {style} MarkText; text-decoration-thickness: 2px; }} }}\n\
         [data-tag=\"{index}\"] {{ --tag-colour: rgb({r} {g} {b}); --tag-line: rgb({dr} {dg} {db}); --tag-line-style: {style}; }}\n"
    )
}

/// The whole tag stylesheet for `tags`.
pub fn stylesheet(tags: &TagSet) -> String {
    tags.tags.iter().enumerate().map(|(i, tag)| tag_rules(i, tag)).collect()
}

/// Installs `css` as the document's adopted stylesheet, which a strict Content-Security-Policy allows.
pub fn install(css: &str) {
    crate::ui::browser::dom::adopt_stylesheet(css);
}
