//! The texts of tag-set presets (saving, applying, deleting, exporting and importing them), in every language.
//!
//! A table apart from `Texts` (whose Spanish file is full), reached through `Lang::presets`.

use super::count;

/// The preset texts of one language.
#[derive(Debug)]
pub struct PresetTexts {
    pub heading: &'static str,
    pub intro: &'static str,
    pub name_label: &'static str,
    pub name_placeholder: &'static str,
    pub save: &'static str,
    pub none_yet: &'static str,
    pub apply: &'static str,
    /// "Apply Debate tags to this article".
    pub apply_label: fn(&str) -> String,
    pub delete: &'static str,
    pub delete_label: fn(&str) -> String,
    /// Beside the preset new articles start with.
    pub chosen_last: &'static str,
    /// "3 tags".
    pub tag_count: fn(usize) -> String,
    pub export: &'static str,
    pub import: &'static str,
    /// "Preset “Debate tags” saved."
    pub saved: fn(&str) -> String,
    pub applied: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    /// "2 presets imported."
    pub imported: fn(usize) -> String,
    /// Name the limits `presets::MAX_NAME` and `MAX_PRESETS` (a test checks the numbers).
    pub bad_name: &'static str,
    pub full: &'static str,
    pub not_presets: &'static str,
    /// A file from a newer Marginalia: its version.
    pub newer: fn(u32) -> String,
    /// A damaged file: where and why.
    pub bad_file: fn(&str) -> String,
    pub locked: &'static str,
    /// The name of the preset a teacher's starter pack leaves: "Library (from your teacher)".
    pub from_teacher: fn(&str) -> String,
    /// The import report's line for a starter pack whose tag set becomes (or is already) preset `name`.
    pub pack_saved: fn(&str) -> String,
}

pub static PRESETS_ES: PresetTexts = PresetTexts {
    heading: "Conjuntos de etiquetas guardados",
    intro: "Guarda este conjunto de etiquetas (colores, subrayados, teclas y textos de ayuda) para usarlo en otros artículos. Los artículos nuevos empiezan con el último que aplicaste.",
    name_label: "Nombre del conjunto",
    name_placeholder: "Por ejemplo: Debate",
    save: "Guardar este conjunto",
    none_yet: "Aún no hay conjuntos guardados.",
    apply: "Aplicar a este artículo",
    apply_label: |name| format!("Aplicar {name} a este artículo"),
    delete: "Eliminar",
    delete_label: |name| format!("Eliminar el conjunto {name}"),
    chosen_last: "(los artículos nuevos empiezan con este)",
    tag_count: |n| count(n, "etiqueta", "etiquetas"),
    export: "Exportar conjuntos",
    import: "Importar conjuntos",
    saved: |name| format!("Conjunto «{name}» guardado."),
    applied: |name| format!("Conjunto «{name}» aplicado a este artículo."),
    deleted: |name| format!("Conjunto «{name}» eliminado."),
    imported: |n| format!("{} importados.", count(n, "conjunto", "conjuntos")),
    bad_name: "Escribe un nombre de 1 a 100 caracteres.",
    full: "Ya hay 100 conjuntos guardados: elimina alguno primero.",
    not_presets: "Ese archivo no es un archivo de conjuntos de etiquetas de Marginalia.",
    newer: |v| format!("Ese archivo de conjuntos es de una versión más nueva de Marginalia (versión {v}); actualiza la aplicación para leerlo."),
    bad_file: |why| format!("Ese archivo de conjuntos está dañado: {why}"),
    locked: "Tu docente bloqueó el conjunto de etiquetas de este artículo.",
    from_teacher: |title| format!("{title} (de tu docente)"),
    pack_saved: |name| format!("Su conjunto de etiquetas queda guardado como «{name}»; tus artículos nuevos empezarán con él."),
};

pub static PRESETS_EN: PresetTexts = PresetTexts {
    heading: "Saved tag sets",
    intro: "Save this tag set (colours, underlines, keys and help texts) to use it on other articles. New articles start with the one you applied last.",
    name_label: "Name of the set",
    name_placeholder: "For example: Debate",
    save: "Save this set",
    none_yet: "No saved sets yet.",
    apply: "Apply to this article",
    apply_label: |name| format!("Apply {name} to this article"),
    delete: "Delete",
    delete_label: |name| format!("Delete the set {name}"),
    chosen_last: "(new articles start with this one)",
    tag_count: |n| count(n, "tag", "tags"),
    export: "Export sets",
    import: "Import sets",
    saved: |name| format!("Set “{name}” saved."),
    applied: |name| format!("Set “{name}” applied to this article."),
    deleted: |name| format!("Set “{name}” deleted."),
    imported: |n| format!("{} imported.", count(n, "set", "sets")),
    bad_name: "Give a name of 1 to 100 characters.",
    full: "100 sets are saved already: delete one first.",
    not_presets: "That file is not a Marginalia tag sets file.",
    newer: |v| format!("That tag sets file is from a newer Marginalia (version {v}); update the app to read it."),
    bad_file: |why| format!("That tag sets file is damaged: {why}"),
    locked: "Your teacher locked this article's tag set.",
    from_teacher: |title| format!("{title} (from your teacher)"),
    pack_saved: |name| format!("Its tag set is kept as your saved set “{name}”; your new articles will start with it."),
};
