//! The texts of the teacher's class workspace (the kept student files, each student's notes, grades, printing) and of the app's "Back to the class view" bar, in every language.
//!
//! Two tables apart from `Texts`: `ClassFilesTexts` (reached through `Lang::class_files`) only the
//! class view's module uses, `ClassPageTexts` (`Lang::class_page`) the app's own few, so neither
//! module carries the other's.

use super::count;

/// The class view module's texts of kept files, a student's notes and grades.
#[derive(Debug)]
pub struct ClassFilesTexts {
    /// "Student files (3)".
    pub files_heading: fn(usize) -> String,
    pub files_kept: &'static str,
    /// "Ana: 3 annotations", above the file's name.
    pub file_line: fn(&str, usize) -> String,
    pub file_left_out: &'static str,
    pub remove: &'static str,
    /// "Remove ana.json".
    pub remove_file: fn(&str) -> String,
    pub remove_all: &'static str,
    pub remove_all_question: fn(usize) -> String,
    pub keep_them: &'static str,
    pub removed_one: fn(&str) -> String,
    pub removed_all: fn(usize) -> String,
    pub undo: &'static str,
    pub already_added: fn(&str) -> String,
    pub stored_unreadable: &'static str,
    pub print_summary: &'static str,

    // One student's annotations and notes.
    pub notes: &'static str,
    /// "Read Ana's annotations and notes".
    pub notes_of: fn(&str) -> String,
    /// "Ana: 3 annotations in article order".
    pub student_heading: fn(&str, usize) -> String,
    pub no_note: &'static str,
    pub back_to_class: &'static str,
    pub show_in_article: &'static str,
    pub print_notes: &'static str,

    // Grades.
    pub grades: &'static str,
    pub grades_intro: &'static str,
    pub download_grades: &'static str,
    /// The grades CSV's header.
    pub grades_header: [&'static str; 8],
}

pub static CLASS_FILES_EN: ClassFilesTexts = ClassFilesTexts {
    files_heading: |n| format!("Student files ({n})"),
    files_kept: "Kept on this computer for this article until you remove them.",
    file_line: |student, n| format!("{student}: {}", count(n, "annotation", "annotations")),
    file_left_out: "Left out (see above)",
    remove: "Remove",
    remove_file: |file| format!("Remove {file}"),
    remove_all: "Remove all files",
    remove_all_question: |n| format!("Remove all {} from this class view?", count(n, "student file", "student files")),
    keep_them: "Keep them",
    removed_one: |file| format!("Removed {file}."),
    removed_all: |n| format!("Removed {}.", count(n, "file", "files")),
    undo: "Undo",
    already_added: |file| format!("{file} is already in the class view."),
    stored_unreadable: "The student files kept on this computer could not be read (a newer Marginalia may have stored them). They are left as they are, and files added now are not kept.",
    print_summary: "Print the class summary",
    notes: "Notes",
    notes_of: |student| format!("Read {student}'s annotations and notes"),
    student_heading: |student, n| format!("{student}: {} in article order", count(n, "annotation", "annotations")),
    no_note: "No note.",
    back_to_class: "Back to the class",
    show_in_article: "Show in the article",
    print_notes: "Print these notes",
    grades: "Grades",
    grades_intro: "For each student and tag: how many of the answer key's passages they found, and their passages the key does not have.",
    download_grades: "Download grades (CSV)",
    grades_header: ["Student", "Tag", "Found", "Key passages", "Extra passages", "Precision", "Recall", "F1"],
};

pub static CLASS_FILES_ES: ClassFilesTexts = ClassFilesTexts {
    files_heading: |n| format!("Archivos de los alumnos ({n})"),
    files_kept: "Se guardan en este ordenador para este artículo hasta que los quites.",
    file_line: |student, n| format!("{student}: {}", count(n, "anotación", "anotaciones")),
    file_left_out: "No incluido (ver arriba)",
    remove: "Quitar",
    remove_file: |file| format!("Quitar {file}"),
    remove_all: "Quitar todos los archivos",
    remove_all_question: |n| {
        format!("¿Quitar {} de esta vista de clase?", count(n, "archivo de alumno", "archivos de alumnos"))
    },
    keep_them: "Conservarlos",
    removed_one: |file| format!("Se quitó {file}."),
    removed_all: |n| format!("Se quitaron {}.", count(n, "archivo", "archivos")),
    undo: "Deshacer",
    already_added: |file| format!("{file} ya está en la vista de clase."),
    stored_unreadable: "No se pudieron leer los archivos de alumnos guardados en este ordenador (quizá los guardó una versión más nueva de Marginalia). Se dejan como están, y los archivos que añadas ahora no se guardan.",
    print_summary: "Imprimir el resumen de la clase",
    notes: "Notas",
    notes_of: |student| format!("Leer las anotaciones y notas de {student}"),
    student_heading: |student, n| {
        format!("{student}: {} en el orden del artículo", count(n, "anotación", "anotaciones"))
    },
    no_note: "Sin nota.",
    back_to_class: "Volver a la clase",
    show_in_article: "Ver en el artículo",
    print_notes: "Imprimir estas notas",
    grades: "Calificaciones",
    grades_intro: "Por alumno y etiqueta: cuántos pasajes de la clave de respuestas encontró y cuántos pasajes suyos no están en la clave.",
    download_grades: "Descargar calificaciones (CSV)",
    grades_header: [
        "Alumno",
        "Etiqueta",
        "Encontrados",
        "Pasajes de la clave",
        "Pasajes de más",
        "Precisión",
        "Exhaustividad",
        "F1",
    ],
};

/// The app's own texts of the class view as a page.
#[derive(Debug)]
pub struct ClassPageTexts {
    /// The class view's way back to the article (it closes the view; its files stay kept).
    pub back_to_article: &'static str,
    pub back_to_class: &'static str,
    pub showing_passage: &'static str,
    /// The student files could not be written: storage is full (`true`) or refused.
    pub files_not_kept: fn(bool) -> String,
}

pub static CLASS_PAGE_EN: ClassPageTexts = ClassPageTexts {
    back_to_article: "Back to the article",
    back_to_class: "Back to the class view",
    showing_passage: "A passage from the class view.",
    files_not_kept: |full| {
        if full {
            "This computer's storage is full, so the student files are not kept yet: they stay in the class view while this page is open and are saved as soon as there is room (delete an article you no longer need in the Library).".into()
        } else {
            "This browser does not let Marginalia keep files, so the student files stay in the class view only while this page is open.".into()
        }
    },
};

pub static CLASS_PAGE_ES: ClassPageTexts = ClassPageTexts {
    back_to_article: "Volver al artículo",
    back_to_class: "Volver a la vista de clase",
    showing_passage: "Un pasaje de la vista de clase.",
    files_not_kept: |full| {
        if full {
            "El almacenamiento de este ordenador está lleno, así que los archivos de los alumnos aún no se guardan: siguen en la vista de clase mientras esta página esté abierta y se guardan en cuanto haya sitio (borra en la Biblioteca un artículo que ya no necesites).".into()
        } else {
            "Este navegador no deja que Marginalia guarde archivos, así que los archivos de los alumnos solo siguen en la vista de clase mientras esta página esté abierta.".into()
        }
    },
};
