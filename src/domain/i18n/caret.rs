//! The keyboard caret's texts in every language: what the screen reader hears as the caret moves and the selection grows or shrinks, and the help's rows for the caret keys.
//!
//! A table apart from `Texts`, reached through `Lang::caret`, so that the class view's module,
//! which links all of `Texts`, does not carry these.

/// The caret texts of one language.
#[derive(Debug)]
pub struct CaretTexts {
    /// Read for a space the caret reaches.
    pub space: &'static str,
    /// Read when the caret reaches the end of a paragraph.
    pub end_of_paragraph: &'static str,
    /// A Shift step selected this text: "“an offer” selected".
    pub selected: fn(&str) -> String,
    /// A Shift step took this text out of the selection.
    pub unselected: fn(&str) -> String,
    /// The help's rows for ←/→, Ctrl+←/→ and ↑/↓, in that order (their keys are in `ui/help.rs`).
    pub help_moves: [&'static str; 3],
}

pub static CARET_EN: CaretTexts = CaretTexts {
    space: "space",
    end_of_paragraph: "end of paragraph",
    selected: |text| format!("“{text}” selected"),
    unselected: |text| format!("“{text}” unselected"),
    help_moves: [
        "Move the caret one character (article focused)",
        "Move the caret one word (article focused)",
        "Move the caret one line (article focused)",
    ],
};

pub static CARET_ES: CaretTexts = CaretTexts {
    space: "espacio",
    end_of_paragraph: "fin del párrafo",
    selected: |text| format!("«{text}» seleccionado"),
    unselected: |text| format!("«{text}» deseleccionado"),
    help_moves: [
        "Mover el cursor un carácter (con el foco en el artículo)",
        "Mover el cursor una palabra (con el foco en el artículo)",
        "Mover el cursor una línea (con el foco en el artículo)",
    ],
};
