//! The texts of a teacher's assignment in the app: the instructions she writes into the starter pack and the student reads beside the article, the key she keeps, and a self-check key's matches, in every language.
//!
//! A table apart from `Texts` (whose Spanish file is full), reached through `Lang::assignment`.

use super::count;

/// The assignment texts of one language.
#[derive(Debug)]
pub struct AssignmentTexts {
    pub instructions_label: &'static str,
    pub instructions_placeholder: &'static str,
    /// The starter dialog's key checkbox: the key stays on the teacher's computer.
    pub keep_key: &'static str,
    pub instructions_heading: &'static str,
    /// A self-check key's summary: "You found 2 of 3 key passages."
    pub self_check_found: fn(usize, usize) -> String,
    pub you_found_this: &'static str,
    /// Said in place of what was found when the second module, which works it out, cannot be loaded.
    pub self_check_unavailable: &'static str,
    pub you_missed_this: &'static str,
}

pub static ASSIGNMENT_EN: AssignmentTexts = AssignmentTexts {
    instructions_label: "Instructions for students (optional, plain text)",
    instructions_placeholder: "What to look for, how to tag it, when to hand it in",
    keep_key: "Keep my annotations here as the answer key for the class view (students never get it)",
    instructions_heading: "Assignment",
    self_check_found: |found, of| format!("You found {found} of {}.", count(of, "key passage", "key passages")),
    you_found_this: "found",
    self_check_unavailable:
        "Which key passages you found could not be worked out: connect to the internet once and open Settings again.",
    you_missed_this: "not found",
};

pub static ASSIGNMENT_ES: AssignmentTexts = AssignmentTexts {
    instructions_label: "Instrucciones para los estudiantes (opcional, texto simple)",
    instructions_placeholder: "Qué buscar, cómo etiquetarlo, cuándo entregarlo",
    keep_key: "Guardar aquí mis anotaciones como clave de respuestas para la vista de clase (los estudiantes nunca la reciben)",
    instructions_heading: "Tarea",
    self_check_found: |found, of| {
        format!("Encontraste {found} de {}.", count(of, "pasaje de la clave", "pasajes de la clave"))
    },
    you_found_this: "encontrado",
    self_check_unavailable: "No se pudo calcular qué pasajes de la clave encontraste: conéctate a internet una vez y vuelve a abrir la Configuración.",
    you_missed_this: "no encontrado",
};
