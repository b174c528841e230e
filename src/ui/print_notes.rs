//! What printing the article adds after it: a legend of the tags and every annotation's tags, place, quote and note in article order; rendered only while the browser prints, hidden on screen.
//!
//! The painter paints every highlight for printing (`Painter::paint_everything`), so the printed
//! article shows them in their tags' colours; this list carries what a page cannot: the notes.

use yew::prelude::*;

use crate::domain::article::document::BlockKind;
use crate::domain::format::paragraph_number;
use crate::domain::i18n::Lang;
use crate::domain::session::Session;

/// The print-only legend and notes of the open article, in the words of `lang`.
pub fn print_notes(session: &Session, lang: Lang) -> Html {
    // The app's own texts: the reports' table (`Lang::report`) stays in the second module.
    let (t, tags, doc) = (lang.texts(), session.tags(), session.doc());
    let paragraphs = doc.blocks().iter().filter(|b| b.kind == BlockKind::Paragraph).count();
    let legend = tags.tags.iter().enumerate().map(|(i, tag)| {
        html! { <li class="tag-chip" data-tag={i.to_string()}><span class="swatch"></span>{tag.name.clone()}</li> }
    });
    // One text per annotation: the first visit's wasm carries as little markup code as it can.
    let notes = session.store().in_order().map(|a| {
        let names: Vec<&str> = a.tags.iter().map(|t| tags.name_of(t)).collect();
        let place = match paragraph_number(doc, a.target.start) {
            0 => String::new(),
            n => format!(" · {}", (t.paragraph_of)(n, paragraphs)),
        };
        html! { <li>{format!("{}{place}: “{}” {}", names.join(", "), a.target.exact, a.note)}</li> }
    });
    html! {
        <section class="print-notes" aria-hidden="true">
            <h2>{t.tags}</h2>
            <ul class="print-legend">{ for legend }</ul>
            <h2>{t.annotations}</h2>
            <ol class="print-list">{ for notes }</ol>
        </section>
    }
}
