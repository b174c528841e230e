//! The texts of handing work in and of shared computers (the student's name at export, starting fresh for the next student, clearing the sample, what an import changes in the tag set, an import whose readers could not be loaded), in every language.
//!
//! A table apart from `Texts`, reached through `Lang::hand_in`, so that the class view's module,
//! which links all of `Texts`, does not carry these.

use super::count;

/// The hand-in texts of one language.
#[derive(Debug)]
pub struct HandInTexts {
    // The export dialog.
    pub name_label: &'static str,
    pub name_placeholder: &'static str,
    /// "Handing in as Ana."
    pub handing_in_as: fn(&str) -> String,
    pub name_needed: &'static str,

    // A new student on a shared computer.
    pub new_student: &'static str,
    pub shared_computer: &'static str,
    pub new_student_intro: &'static str,
    /// How many annotations kept here were not exported (more than none).
    pub not_exported: fn(usize) -> String,
    pub all_exported: &'static str,
    pub export_first: &'static str,
    /// "Discard 3 annotations and start fresh".
    pub discard_and_start: fn(usize) -> String,
    pub start_fresh: &'static str,
    pub started_fresh: &'static str,
    /// How many stored values could not be removed.
    pub fresh_incomplete: fn(usize) -> String,

    // The sample's annotations in the library.
    pub clear_annotations: &'static str,
    /// "Clear the 3 annotations of the sample article?"
    pub clear_sample_question: fn(usize) -> String,
    pub clear_for_good: &'static str,
    pub sample_cleared: &'static str,

    // What an import changes in the tag set (names, never ids).
    /// "Renamed tags: Claim → Thesis."
    pub renamed_tags: fn(&str) -> String,
    /// "Removed tags: Policy shift."
    pub removed_tags: fn(&str) -> String,
    /// The second module, which reads annotation files, could not be loaded: nothing was imported.
    pub readers_unavailable: &'static str,
}

pub static HAND_IN_EN: HandInTexts = HandInTexts {
    name_label: "Your name, so your teacher knows whose file this is",
    name_placeholder: "First and last name",
    handing_in_as: |name| format!("Handing in as {name}."),
    name_needed: "Write your name first: your teacher needs it to know whose file this is.",

    new_student: "New student on this computer",
    shared_computer: "Shared computer",
    new_student_intro: "Clears everything Marginalia keeps in this browser (articles, annotations, tag sets and your name) so the next student starts fresh with the sample article.",
    not_exported: |n| {
        let verb = if n == 1 { "was" } else { "were" };
        format!("{} here {verb} not exported and will be lost.", count(n, "annotation", "annotations"))
    },
    all_exported: "Everything here was exported.",
    export_first: "Export first",
    discard_and_start: |n| format!("Discard {} and start fresh", count(n, "annotation", "annotations")),
    start_fresh: "Start fresh",
    started_fresh: "Marginalia was cleared on this computer: the next student starts fresh.",
    fresh_incomplete: |n| format!("{n} stored values could not be removed: close other Marginalia tabs and try again."),

    clear_annotations: "Clear annotations",
    clear_sample_question: |n| match n {
        1 => "Clear the one annotation of the sample article? This cannot be undone.".to_string(),
        n => format!("Clear the {n} annotations of the sample article? This cannot be undone."),
    },
    clear_for_good: "Clear them",
    sample_cleared: "The sample article's annotations were cleared.",

    renamed_tags: |names| format!("Renamed tags: {names}."),
    removed_tags: |names| format!("Removed tags: {names}."),
    readers_unavailable: "Nothing was imported: the part of Marginalia that reads annotation files could not be loaded. It is downloaded the first time Marginalia is used online; connect to the internet once and try again.",
};

pub static HAND_IN_ES: HandInTexts = HandInTexts {
    name_label: "Tu nombre, para que tu docente sepa de quién es este archivo",
    name_placeholder: "Nombre y apellido",
    handing_in_as: |name| format!("Entregas como {name}."),
    name_needed: "Escribe primero tu nombre: tu docente lo necesita para saber de quién es el archivo.",

    new_student: "Nuevo estudiante en este equipo",
    shared_computer: "Equipo compartido",
    new_student_intro: "Borra todo lo que Marginalia guarda en este navegador (artículos, anotaciones, conjuntos de etiquetas y tu nombre) para que el siguiente estudiante empiece de cero con el artículo de ejemplo.",
    not_exported: |n| {
        let verb = if n == 1 { "no se exportó y se perderá" } else { "no se exportaron y se perderán" };
        format!("{} de aquí {verb}.", count(n, "anotación", "anotaciones"))
    },
    all_exported: "Todo lo de aquí se exportó.",
    export_first: "Exportar primero",
    discard_and_start: |n| format!("Descartar {} y empezar de cero", count(n, "anotación", "anotaciones")),
    start_fresh: "Empezar de cero",
    started_fresh: "Se borró Marginalia en este equipo: el siguiente estudiante empieza de cero.",
    fresh_incomplete: |n| format!("No se pudieron quitar {n} valores guardados: cierra las otras pestañas de Marginalia y vuelve a intentarlo."),

    clear_annotations: "Borrar anotaciones",
    clear_sample_question: |n| match n {
        1 => "¿Borrar la única anotación del artículo de ejemplo? No se puede deshacer.".to_string(),
        n => format!("¿Borrar las {n} anotaciones del artículo de ejemplo? No se puede deshacer."),
    },
    clear_for_good: "Borrarlas",
    sample_cleared: "Se borraron las anotaciones del artículo de ejemplo.",

    renamed_tags: |names| format!("Etiquetas renombradas: {names}."),
    removed_tags: |names| format!("Etiquetas quitadas: {names}."),
    readers_unavailable: "No se importó nada: no se pudo cargar la parte de Marginalia que lee los archivos de anotaciones. Se descarga la primera vez que se usa Marginalia con conexión; conéctate a internet una vez y vuelve a intentarlo.",
};
