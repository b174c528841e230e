//! The class view's Spanish texts (`ClassViewTexts`).

use super::{count, ClassViewTexts, ES};

pub static CLASS_VIEW_ES: ClassViewTexts = ClassViewTexts {
    base: &ES,
    class_intro: |title| {
        format!("Los archivos de anotaciones de tus estudiantes sobre «{title}», lado a lado. Las definiciones de cada cifra están en Ayuda.")
    },
    add_student_files: "Agregar archivos de estudiantes",
    student_files: "Archivos de estudiantes",
    no_student_files: "Aún no hay archivos de estudiantes. Agrega los paquetes que exportaron tus estudiantes (puedes agregar varios a la vez).",
    files_left_out: |n| format!("Archivos que quedaron fuera ({n})"),
    students_shown: |shown, total| format!("Estudiantes ({shown} de {total} visibles)"),
    students_by_tag: "Estudiantes por etiqueta",
    student: "Estudiante",
    total: "Total general",
    download_csv: "Descargar CSV",
    of_students_by_tag: " de estudiantes por etiqueta",
    scores_heading: "Puntuaciones según la clave de respuestas",
    key_has: |n| format!("La clave de respuestas tiene {}.", count(n, "anotación", "anotaciones")),
    overall: "En conjunto",
    precision: "Precisión",
    recall: "Exhaustividad",
    same_student: "mismo estudiante",
    agreement_heading: "Concordancia (por palabras)",
    tag: "Etiqueta",
    percent_agreement: "Porcentaje de concordancia",
    fleiss_kappa: "Kappa de Fleiss",
    of_agreement_figures: " de las cifras de concordancia",
    cohen_pairs: "Kappa de Cohen entre pares de estudiantes",
    student_colours: "Colores de los estudiantes",
    class_on_article: "La clase sobre el artículo",
    colour_marks: "Colorear las marcas",
    colour_by_tag: " Color por etiqueta",
    colour_by_student: " Color por estudiante",
    layer_article: "El artículo con las marcas de los estudiantes visibles",
    density_heading: "Dónde marcó la clase",
    density_intro: "Desde el inicio del artículo (izquierda) hasta el final (derecha); cuanto más alto, más estudiantes visibles etiquetaron esas palabras.",
    density_none: |tag| format!("{tag}: sin marcas"),
    quarters: ["primer", "segundo", "tercer", "último"],
    density_most: |tag, quarter, share| {
        format!("{tag}: la mayoría de las marcas está en el {quarter} cuarto del artículo ({share:.0} % de ellas)")
    },
    passages: |n| format!("Pasajes ({n})"),
    more_not_listed: |n| {
        if n == 1 {
            "1 más sin listar.".to_string()
        } else {
            format!("{n} más sin listar.")
        }
    },
    disagreements: |n| format!("Desacuerdos ({n})"),
    tagged_by: |summary, who, others| format!("{summary}: sí {who}; no {others}"),
    consensus: "Consenso",
    at_least_before: "Pasajes etiquetados por al menos ",
    at_least_after: " estudiantes",
    consensus_passages: "Pasajes del consenso",
    of_students: |agreeing, students| format!("{agreeing} de {}", count(students, "estudiante", "estudiantes")),
    passages_kept: |kept, total| format!("Se conservan {kept} de {total} pasajes."),
    export_consensus: "Exportar paquete de consenso",
    undefined: |why| format!("sin definir: {why}"),
    reject_other_article: "Anota otro artículo.",
    reject_duplicate: "Ese mismo archivo ya estaba cargado.",
    reject_unreadable: |why| format!("No es un archivo de anotaciones de Marginalia ({why})."),
    undefined_reasons: [
        "El artículo no tiene palabras que comparar.",
        "La concordancia necesita al menos dos estudiantes.",
        "Nadie usó esta etiqueta, así que el azar por sí solo explica la concordancia.",
        "Todos etiquetaron cada palabra con esta etiqueta, así que el azar por sí solo explica la concordancia.",
        "El estudiante no etiquetó nada con esta etiqueta.",
        "La clave de respuestas no etiqueta nada con esta etiqueta.",
        "Ni el estudiante ni la clave de respuestas usaron esta etiqueta.",
        "No hay etiquetas que comparar.",
        "Ninguna etiqueta tiene una cifra que promediar.",
    ],
    passage_summary: |n, students, tag| {
        let verb = if n == 1 { "etiquetó" } else { "etiquetaron" };
        let noun = if students == 1 { "estudiante" } else { "estudiantes" };
        format!("{n} de {students} {noun} {verb} esto como {tag}")
    },
    layer_title: |n, shown, parts| {
        let noun = if shown == 1 { "estudiante" } else { "estudiantes" };
        format!("{n} de {shown} {noun}: {parts}")
    },
    disagreement_summary: |n, raters, tag| {
        let verb = if n == 1 { "etiquetó" } else { "etiquetaron" };
        format!("{n} de {raters} {verb} esto como {tag}")
    },
    several_authors: |file, authors| format!("El archivo de {file} tiene anotaciones de varias personas: {authors}."),
};
