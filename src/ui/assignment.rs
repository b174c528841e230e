//! The assignment panel beside the article: the instructions a teacher wrote into the starter pack, as plain text the student can fold away.

use yew::prelude::*;

use crate::ui::i18n::use_assignment_texts;

#[derive(Properties, PartialEq)]
pub struct AssignmentProps {
    /// Plain text from the starter pack; shown as text, never read as markup.
    pub instructions: AttrValue,
}

/// The instructions, open at first; each paragraph of the text (blank-line separated) keeps its line breaks.
#[function_component(AssignmentPanel)]
pub fn assignment_panel(props: &AssignmentProps) -> Html {
    let a = use_assignment_texts();
    html! {
        <details class="assignment" open=true>
            <summary><h2 class="assignment-heading">{a.instructions_heading}</h2></summary>
            <p class="assignment-text">{props.instructions.clone()}</p>
        </details>
    }
}
