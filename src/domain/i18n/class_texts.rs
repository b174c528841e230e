//! The class view's texts of plain readings, scores in passages and the teacher's answer key, in every language.
//!
//! A table apart from `Texts` (whose Spanish file is full), reached through `Lang::class_texts`;
//! only the class view's module uses it, so the app's first download does not carry it.

use super::count;

/// A score in the teacher's words: key passages found, of how many, and passages marked that
/// the key does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub found: usize,
    pub of: usize,
    pub extra: usize,
}

/// The class view's reading and key texts of one language.
#[derive(Debug)]
pub struct ClassTexts {
    /// The Landis and Koch bands, worst first (`figure_reading::Band::ALL`).
    pub bands: [&'static str; 6],
    /// The heading of the column of readings.
    pub reading: &'static str,
    /// Under the agreement table: where the readings come from.
    pub bands_source: &'static str,
    /// Why a tag agrees highly with a low kappa ("Opinion: …").
    pub rare_tag: fn(&str) -> String,
    /// "Found 2 of 3 key passages, 1 extra".
    pub found: fn(Found) -> String,
    /// A per-tag cell: "2 of 3, 1 extra".
    pub found_short: fn(Found) -> String,
    pub found_heading: &'static str,
    pub by_tag_heading: &'static str,
    /// The passages list's note, and the disagreements list's, which say how they differ.
    pub passages_intro: &'static str,
    pub disagreements_intro: &'static str,

    // The answer key in the class view.
    pub key_heading: &'static str,
    pub key_intro: &'static str,
    pub key_none: &'static str,
    /// "The key has 3 passages."
    pub key_count: fn(usize) -> String,
    /// "Use my 3 annotations on this article as the key".
    pub use_mine: fn(usize) -> String,
    /// "Your annotations on this article (3) are not the key (1)."
    pub mine_differ: fn(usize, usize) -> String,
    pub load_key: &'static str,
    /// Shows the key's passages on the article to edit them (key mode; the app's bar says how).
    pub edit_on_article: &'static str,
    pub remove_from_key: &'static str,
    pub key_changed: &'static str,
    /// A key file of another article, or one without key passages.
    pub key_other_article: &'static str,
    pub key_file_empty: &'static str,
    /// "This file cannot be read as a key: …".
    pub key_unreadable: fn(&str) -> String,
    pub self_check_heading: &'static str,
    pub self_check_intro: &'static str,
    pub download_self_check: &'static str,
}

pub static CLASS_EN: ClassTexts = ClassTexts {
    bands: ["poor", "slight", "fair", "moderate", "substantial", "almost perfect"],
    reading: "Reading",
    bands_source: "Readings of kappa after Landis and Koch: below 0 poor, up to 0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1 almost perfect.",
    rare_tag: |tag| {
        format!("{tag}: high agreement but low kappa. Few words carry this tag, so students agree mostly on words nobody tagged, which chance alone would give; kappa leaves that out.")
    },
    found: |f| {
        format!("Found {} of {}, {} extra", f.found, count(f.of, "key passage", "key passages"), f.extra)
    },
    found_short: |f| format!("{} of {}, {} extra", f.found, f.of, f.extra),
    found_heading: "Key passages",
    by_tag_heading: "By tag: key passages found, and extra",
    passages_intro: "Every stretch of the article some shown student tagged, in article order, with how many students used each tag in it.",
    disagreements_intro: "Only the words where students split on a tag, the most divided first, with who tagged them and who did not.",
    key_heading: "Answer key",
    key_intro: "The key stays on this computer: starter packs never carry it. Scores follow the key as you change it.",
    key_none: "No answer key yet. Use your own annotations of this article, or load a key file.",
    key_count: |n| format!("The key has {}.", count(n, "passage", "passages")),
    use_mine: |n| format!("Use my {} on this article as the key", count(n, "annotation", "annotations")),
    mine_differ: |mine, key| {
        format!("Your annotations on this article ({mine}) are not the key ({key}): annotate the article, then use them to change the key.")
    },
    load_key: "Load a key file",
    edit_on_article: "Edit the key on the article",
    remove_from_key: "Remove from the key",
    key_changed: "Answer key changed; the scores follow it.",
    key_other_article: "That key file is of another article.",
    key_file_empty: "That file has no passages to use as a key.",
    key_unreadable: |why| format!("That file cannot be read as a key: {why}"),
    self_check_heading: "Self-check key for students",
    self_check_intro: "After the assignment, students who import this file see the key beside their own marks and which passages they found.",
    download_self_check: "Download self-check key",
};

pub static CLASS_ES: ClassTexts = ClassTexts {
    bands: ["pobre", "leve", "aceptable", "moderada", "considerable", "casi perfecta"],
    reading: "Lectura",
    bands_source: "Lecturas de kappa según Landis y Koch: menos de 0 pobre, hasta 0,20 leve, 0,21–0,40 aceptable, 0,41–0,60 moderada, 0,61–0,80 considerable, 0,81–1 casi perfecta.",
    rare_tag: |tag| {
        format!("{tag}: concordancia alta pero kappa baja. Pocas palabras llevan esta etiqueta, así que los estudiantes coinciden sobre todo en palabras que nadie etiquetó, lo que daría el azar; kappa lo descuenta.")
    },
    found: |f| {
        let pasajes = if f.of == 1 { "pasaje de la clave" } else { "pasajes de la clave" };
        format!("Encontró {} de {} {pasajes}, {} de más", f.found, f.of, f.extra)
    },
    found_short: |f| format!("{} de {}, {} de más", f.found, f.of, f.extra),
    found_heading: "Pasajes de la clave",
    by_tag_heading: "Por etiqueta: pasajes de la clave encontrados, y de más",
    passages_intro: "Cada tramo del artículo que algún estudiante visible etiquetó, en el orden del artículo, con cuántos estudiantes usaron cada etiqueta en él.",
    disagreements_intro: "Solo las palabras en que los estudiantes se dividen sobre una etiqueta, primero las más divididas, con quién las etiquetó y quién no.",
    key_heading: "Clave de respuestas",
    key_intro: "La clave se queda en esta computadora: los paquetes iniciales nunca la llevan. Las puntuaciones siguen a la clave cuando la cambias.",
    key_none: "Aún no hay clave de respuestas. Usa tus propias anotaciones de este artículo o carga un archivo de clave.",
    key_count: |n| format!("La clave tiene {}.", count(n, "pasaje", "pasajes")),
    use_mine: |n| format!("Usar mis {} de este artículo como clave", count(n, "anotación", "anotaciones")),
    mine_differ: |mine, key| {
        format!("Tus anotaciones de este artículo ({mine}) no son la clave ({key}): anota el artículo y luego úsalas para cambiar la clave.")
    },
    load_key: "Cargar un archivo de clave",
    edit_on_article: "Editar la clave en el artículo",
    remove_from_key: "Quitar de la clave",
    key_changed: "Clave de respuestas cambiada; las puntuaciones la siguen.",
    key_other_article: "Ese archivo de clave es de otro artículo.",
    key_file_empty: "Ese archivo no tiene pasajes para usar como clave.",
    key_unreadable: |why| format!("Ese archivo no se puede leer como clave: {why}"),
    self_check_heading: "Clave de autoevaluación para estudiantes",
    self_check_intro: "Después de la tarea, quien importe este archivo ve la clave junto a sus propias marcas y qué pasajes encontró.",
    download_self_check: "Descargar clave de autoevaluación",
};
