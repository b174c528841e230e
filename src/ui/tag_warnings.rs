//! The tag editor's warnings about tags readers may confuse: a shared underline, or colours that merge (for everyone or under a colour-vision deficiency).

use yew::prelude::*;

use crate::domain::annotation::colour_access::{look_alikes, Deficiency, LookAlike};
use crate::domain::annotation::tags::TagSet;
use crate::domain::i18n::Texts;

/// One line per pair of look-alike tags, in a polite status region so a change is read out; nothing when all are distinct.
pub fn tag_warnings(tags: &TagSet, t: &Texts) -> Html {
    let name = |i: usize| tags.tags.get(i).map_or("", |t| t.name.as_str());
    let lines: Vec<String> = look_alikes(tags)
        .into_iter()
        .map(|pair| match pair {
            LookAlike::SameUnderline(a, b) => (t.same_underline)(name(a), name(b)),
            LookAlike::SimilarColour(a, b, None) => (t.similar_colours)(name(a), name(b)),
            LookAlike::SimilarColour(a, b, Some(deficiency)) => {
                let which = Deficiency::ALL.iter().position(|d| *d == deficiency).unwrap_or(0);
                (t.look_alike_for)(name(a), name(b), t.deficiency_names[which])
            }
        })
        .collect();
    html! {
        <div class="tag-warnings" role="status">
            if !lines.is_empty() {
                <ul>{ for lines.into_iter().map(|line| html! { <li>{line}</li> }) }</ul>
            }
        </div>
    }
}
