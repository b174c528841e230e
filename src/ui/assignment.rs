//! The assignment panel beside the article: the instructions a teacher wrote into the starter pack, as plain text the student can fold away.

use yew::prelude::*;

use crate::domain::i18n::AssignmentTexts;

/// The instructions (plain text from the starter pack, shown as text, never read as markup),
/// open at first; the text keeps its line breaks. Plain markup rather than a component of its
/// own, which costs the first download less.
pub fn assignment_panel(instructions: &str, a: &AssignmentTexts) -> Html {
    html! {
        <details class="assignment" open=true>
            <summary><h2 class="assignment-heading">{a.instructions_heading}</h2></summary>
            <p class="assignment-text">{instructions.to_string()}</p>
        </details>
    }
}
