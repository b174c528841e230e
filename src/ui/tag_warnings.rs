//! The tag editor's warnings about tags readers may confuse: a shared underline, or colours that merge (for everyone or under a colour-vision deficiency).

use yew::prelude::*;

use crate::domain::colour_access::{look_alikes, LookAlike};
use crate::domain::tags::TagSet;

/// One line per pair of look-alike tags, in a polite status region so a change is read out; nothing when all are distinct.
pub fn tag_warnings(tags: &TagSet) -> Html {
    let name = |i: usize| tags.tags.get(i).map_or("", |t| t.name.as_str());
    let lines: Vec<String> = look_alikes(tags)
        .into_iter()
        .map(|pair| match pair {
            LookAlike::SameUnderline(a, b) => format!(
                "“{}” and “{}” have the same underline, so only their colour tells them apart: choose another line for one of them.",
                name(a),
                name(b)
            ),
            LookAlike::SimilarColour(a, b, None) => {
                format!("“{}” and “{}” have very similar colours.", name(a), name(b))
            }
            LookAlike::SimilarColour(a, b, Some(deficiency)) => format!(
                "“{}” and “{}” look alike to readers with {}; give them different underlines.",
                name(a),
                name(b),
                deficiency.name()
            ),
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
