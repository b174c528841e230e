//! The app's texts of key mode (the teacher editing the answer key on the article) in every language: the bar, its note and what is announced.
//!
//! A table apart from `Texts`, reached through `Lang::key_mode` (the app's); the class view's
//! button and its note are in `ClassTexts`, which only the class view's module carries.

use super::count;

/// Key mode's texts of one language.
#[derive(Debug)]
pub struct KeyModeTexts {
    /// The bar's heading, also announced on entering: "Editing the answer key — 3 passages".
    pub editing: fn(usize) -> String,
    /// The bar's way back to the class view.
    pub done: &'static str,
    /// The bar's note: how to edit, and why Export and Import are off (also their title).
    pub how: &'static str,
    /// Announced on leaving.
    pub left: &'static str,
}

pub static KEY_MODE_EN: KeyModeTexts = KeyModeTexts {
    editing: |n| format!("Editing the answer key — {}", count(n, "passage", "passages")),
    done: "Done — back to the class",
    how: "Tag text to add a passage; click one to retag, note or delete it. Undo works on the key; Export and Import wait (they are for your own annotations).",
    left: "Back to the class view: the scores follow the edited key.",
};

pub static KEY_MODE_ES: KeyModeTexts = KeyModeTexts {
    editing: |n| format!("Editando la clave de respuestas — {}", count(n, "pasaje", "pasajes")),
    done: "Listo: volver a la clase",
    how: "Etiqueta texto para añadir un pasaje; haz clic en uno para cambiar sus etiquetas, anotarlo o borrarlo. Deshacer actúa sobre la clave; Exportar e Importar esperan (son para tus propias anotaciones).",
    left: "De vuelta en la vista de clase: las puntuaciones siguen la clave editada.",
};
