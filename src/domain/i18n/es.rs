//! The Spanish texts (Latin American usage, addressing the reader as "tú").

use super::es_help::{paso_de_etiquetar, pista_de_teclado, DESCRIPCIONES, ETIQUETAS};
use super::{count, Texts};

pub static ES: Texts = Texts {
    close: "Cerrar",
    cancel: "Cancelar",
    delete: "Eliminar",
    note: "Nota",
    tags: "Etiquetas",
    teacher_locked: "Tu docente bloqueó este conjunto de etiquetas.",
    default_tag_names: ETIQUETAS,
    default_tag_descriptions: DESCRIPCIONES,

    actions: "Acciones",
    library: "Biblioteca",
    sample: "Ejemplo",
    sample_title: "Volver al artículo de ejemplo incluido",
    new_article: "Nuevo artículo",
    open_file: "Abrir archivo",
    open_file_title: "Abrir un archivo .txt, .md o .html (o soltarlo sobre la página)",
    undo: "Deshacer",
    undo_title: "Deshacer (Ctrl+Z)",
    redo: "Rehacer",
    redo_title: "Rehacer (Ctrl+Shift+Z)",
    import: "Importar",
    import_title: "Importar archivos de anotaciones (paquetes, W3C, Hypothesis)",
    export: "Exportar",
    export_title: "Guardar las anotaciones de este artículo en un archivo",
    class: "Clase",
    class_title: "Comparar los archivos de anotaciones de tus estudiantes sobre este artículo",
    settings: "Configuración",
    help: "Ayuda",

    article: "Artículo",
    keyboard_hint: pista_de_teclado,
    drop_hint: "Suelta un artículo (.txt, .md, .html) para abrirlo, o archivos de anotaciones (.json) para importarlos",
    export_now: "Exportar ahora",
    export_backup: "Exportar copia de seguridad",
    load_all_text: "Cargar todo su texto",
    dismiss: "Descartar",
    version_discarded: "Otra versión eliminada",
    unsaved_heading: "Cambios aún sin guardar",
    unsaved_body: |n, title| {
        let changes = if n == 1 { "1 cambio aún no se guardó".to_string() } else { format!("{n} cambios aún no se guardaron") };
        format!("{changes} en este navegador (su almacenamiento está lleno o bloqueado). Se conservan en esta pestaña y se guardan en cuanto el almacenamiento lo permita, pero al cerrar la pestaña se perderían. ¿Exportarlos antes de abrir «{title}»?")
    },
    unsaved_export: "Exportar y abrir",
    unsaved_switch: "Abrir sin exportar",
    crashed: "Algo falló en Marginalia y se detuvo. Lo que ya estaba guardado en este navegador se conserva. Recarga la página para continuar.",
    crashed_unsaved: |n| {
        let changes = if n == 1 { "1 cambio".to_string() } else { format!("{n} cambios") };
        format!("No se pudo guardar {changes} antes de detenerse.")
    },
    storage_full: |n| {
        let changes = if n == 1 { "1 cambio aún no se guardó".to_string() } else { format!("{n} cambios aún no se guardaron") };
        format!("El almacenamiento del navegador está lleno, así que {changes}. Tu trabajo se conserva mientras esta página siga abierta: usa Exportar ahora para guardar una copia.")
    },
    storage_blocked: |why| {
        format!("Este navegador no deja que Marginalia guarde ({why}). Tus anotaciones se conservan mientras esta página siga abierta: usa Exportar ahora para guardar una copia.")
    },
    unreadable_saved: |n, why| {
        let what = if n == 1 {
            "1 anotación guardada no se pudo cargar".to_string()
        } else {
            format!("{n} anotaciones guardadas no se pudieron cargar")
        };
        format!("{what} porque {why}. Se conservan en el almacenamiento, intactas, y con copia de seguridad; exporta la copia para guardarla.")
    },
    pack_article_open: "El artículo del paquete está abierto. Importa el paquete otra vez para traer sus anotaciones.",
    author_not_saved: "Tu nombre no se pudo guardar en este navegador; se usará hasta que cierres la página.",
    opening_first: |name, others| {
        let rest = if others == 1 { "el otro archivo después".to_string() } else { format!("los otros {others} archivos de uno en uno") };
        format!("Abriendo «{name}»; abre {rest}.")
    },
    prepare_failed: "No se pudo preparar el artículo para resaltarlo.",
    highlights_failed: "No se pudieron preparar los resaltados en este navegador.",
    no_highlight_api: "Este navegador no puede mostrar resaltados (no tiene la CSS Custom Highlight API). Tus anotaciones siguen en la lista de Anotaciones; una versión actual de Chrome, Edge, Firefox o Safari las muestra en el texto.",
    library_not_kept: "Este artículo está abierto, pero el navegador no pudo guardarlo en la biblioteca (el almacenamiento está lleno o bloqueado). Exporta tus anotaciones antes de salir.",
    starter_not_saved: "La configuración del paquete inicial no se pudo guardar en este navegador.",
    import_failed: |error| format!("No se pudo aplicar la importación: {error}"),
    selection_cannot_hold: "Esa selección no puede contener la anotación.",
    not_in_key_mode: "No mientras editas la clave de respuestas: elige antes «Listo: volver a la clase».",
    tags_not_saved: "El conjunto de etiquetas no se pudo guardar en este navegador; exporta para conservarlo.",
    reopen_failed: |why| format!("No se pudo volver a abrir el último artículo: {why}"),

    undone: "Deshecho",
    redone: "Rehecho",
    nothing_to_undo: "No hay nada que deshacer",
    nothing_to_redo: "No hay nada que rehacer",
    select_passage_to_attach: "Selecciona el pasaje donde quieres ubicarla",
    unplaced_deleted: "Anotación sin ubicar eliminada",
    article_deleted: "Artículo eliminado",
    opened: |title| format!("Se abrió «{title}»"),
    select_text_first: "Primero selecciona algo de texto",
    tagged_as: |tag| format!("Etiquetado como {tag}"),
    skip_to_article: "Saltar al artículo",
    annotation_hint: "Alt+Abajo y Alt+Arriba llevan a la anotación siguiente o anterior y leen sus etiquetas; Enter edita la anotación en el cursor.",
    none_yet: "Todavía no hay anotaciones",
    no_more_after: "No hay más anotaciones después de este punto",
    none_before: "No hay anotaciones antes de este punto",
    paragraph_of: |n, of| format!("Párrafo {n} de {of}"),
    selection_ready: "Selección lista: pulsa Tab para ir a la barra y etiquetarla",
    selection_ready_keys: |keys| format!("Selección lista: pulsa {keys} para etiquetarla, o Tab para ir a la barra"),
    change_spoken: |verb, quote| format!("{verb}: «{quote}»"),
    spoken_summary: |tags, quote, note| match note {
        Some(note) => format!("{tags}: «{quote}», nota: {note}"),
        None => format!("{tags}: «{quote}»"),
    },
    spoken_block: |named, more| match more {
        0 => format!("Resaltado: {named}"),
        1 => format!("Resaltado: {named}; y 1 más"),
        _ => format!("Resaltado: {named}; y {more} más"),
    },
    spoken_reached: |summary, n, of| format!("{summary} ({n} de {of}). Pulsa Enter para editar."),
    same_underline: |a, b| {
        format!("«{a}» y «{b}» tienen el mismo subrayado, así que solo el color las distingue: elige otra línea para una de ellas.")
    },
    similar_colours: |a, b| format!("«{a}» y «{b}» tienen colores muy parecidos."),
    look_alike_for: |a, b, who| format!("«{a}» y «{b}» se ven iguales para quienes tienen {who}; dales subrayados distintos."),
    deficiency_names: ["protanopía", "deuteranopía", "tritanopía"],
    annotation_created: "Anotación creada",
    tags_changed: "Etiquetas cambiadas",
    note_saved: "Nota guardada",
    annotation_deleted: "Anotación eliminada",
    annotation_replaced: "Anotación reemplazada",
    exported: |n| {
        if n == 1 {
            "Se exportó 1 anotación".to_string()
        } else {
            format!("Se exportaron {n} anotaciones")
        }
    },
    starter_exported: "Paquete inicial exportado",
    imported: "Importado",
    imported_summary: |placed, orphaned| {
        let placed = count(placed, "anotación importada", "anotaciones importadas");
        let orphaned = count(orphaned, "sin ubicar", "sin ubicar");
        format!("{placed}; {orphaned}")
    },
    tag_changed: "Etiqueta cambiada",

    annotate_selection: "Anotar la selección",
    attach_here: |quote| format!("Ubicar «{quote}» aquí"),
    note_placeholder: "Nota (opcional); luego elige una etiqueta",
    edit_annotation: "Editar anotación",
    annotation: "Anotación",
    annotations_here: |n| format!("{n} anotaciones aquí"),

    annotations: "Anotaciones",
    all: "Todas",
    filter_by_tag: "Filtrar por etiqueta",
    search_annotations: "Buscar anotaciones",
    search_placeholder: "Buscar en citas y notas",
    shown_of: |shown, total| format!("{shown} de {total} visibles"),
    listed_first: |listed, matched| format!("Se listan las primeras {listed} de {matched}."),
    show_more: "Mostrar más",
    no_annotations_yet: "Aún no hay anotaciones. Selecciona un pasaje del artículo y luego elige una etiqueta.",
    loading_annotations: "Cargando anotaciones…",
    no_match: "Ninguna anotación coincide.",
    needs_attention: "Requiere atención",
    not_placed: |n| format!("Sin ubicar ({n})"),
    not_placed_intro: "Anotaciones importadas cuyo pasaje no está en esta versión del artículo.",
    attach_instructions: "Selecciona el pasaje en el artículo y luego elige «Ubicar aquí».",
    reattach: "Volver a ubicar",
    other_versions: |n| format!("Otras versiones ({n})"),
    other_versions_intro: "Versiones de anotaciones que una importación reemplazó por otra más reciente. No se perdió nada.",
    version_details: |tags, note, edited| format!("Etiquetas: {tags}. Nota: {note}. Editada el {edited}."),
    no_note: "ninguna",
    use_version: "Usar esta versión",
    discard: "Descartar",

    help_title: "Cómo anotar",
    close_help: "Cerrar la ayuda",
    help_mouse_heading: "Con el mouse o la pantalla táctil",
    help_mouse: "Selecciona un pasaje del artículo. La selección se amplía a palabras completas y aparece una barra debajo: escribe una nota si quieres y luego elige una etiqueta. Haz clic (o toca) un resaltado para cambiar sus etiquetas, editar su nota o eliminarlo. Donde los resaltados se superponen, el editor muestra todas las anotaciones de ese lugar.",
    help_keyboard_heading: "Solo con el teclado",
    help_keyboard_steps: [
        "Pulsa Tab hasta que el artículo tenga el foco (se rodea de un contorno azul).",
        "Ctrl+↓ y Ctrl+↑ pasan al párrafo siguiente o al anterior; el párrafo actual queda marcado con un contorno.",
        "Las flechas mueven el cursor (una barra fina): ← y → por caracteres, Ctrl+← y Ctrl+→ por palabras, ↑ y ↓ por líneas, Inicio y Fin al principio o al final de la línea. Mantén Shift con cualquiera de ellas para seleccionar desde el cursor; la selección se amplía a palabras completas.",
        "Todas las anotaciones aparecen en Anotaciones: llega a una con Tab y pulsa Enter para editarla.",
    ],
    help_tag_step: paso_de_etiquetar,
    help_caret: "No hace falta ratón ni ningún ajuste del navegador: el cursor es de Marginalia. La navegación por cursor (F7) también funciona.",
    help_screen_reader_heading: "Con un lector de pantalla",
    help_screen_reader: "Cada párrafo resaltado lleva una descripción con sus etiquetas, citas y notas, y el cursor anuncia un resaltado al entrar en él. Ctrl+↓ y Ctrl+↑ dicen en qué párrafo estás y qué está resaltado allí. Al mover el cursor se lee el carácter, la palabra o la línea a la que llega; cada paso con Shift dice qué seleccionó o deseleccionó, y una selección nueva dice qué teclas la etiquetan. Crear, cambiar, eliminar, deshacer e importar se anuncian. La lista de Anotaciones es un punto de referencia. En el artículo, pon tu lector de pantalla en modo foco (NVDA: Insert+Espacio; JAWS: Enter; VoiceOver: Navegación rápida desactivada) para que las teclas de arriba lleguen a Marginalia. Además de las teclas del cursor, sus atajos usan Ctrl, Alt o Shift con flechas; las teclas de etiqueta solo actúan mientras hay un pasaje seleccionado, y la tecla de ayuda (el signo de interrogación) solo fuera de los campos de texto.",
    help_shortcuts_heading: "Atajos de teclado",
    help_shortcuts: [
        "Deshacer",
        "Rehacer (Ctrl+Y también funciona)",
        "Párrafo siguiente / anterior (con el foco en el artículo)",
        "Llevar el cursor al principio o al final de la línea (con el foco en el artículo)",
        "Seleccionar desde el cursor: Shift con cualquier tecla del cursor (con el foco en el artículo)",
        "Anotación siguiente / anterior: el cursor va allí y se leen sus etiquetas, su cita y su nota (con el foco en el artículo)",
        "Editar la anotación en el cursor (con el foco en el artículo)",
        "Cerrar la barra, el editor o esta ayuda",
        "Abrir esta ayuda",
    ],
    help_tag_shortcut: |name| format!("Etiquetar la selección como {name}"),
    help_language_heading: "Idioma",
    help_language: "Marginalia está en inglés y en español. Empieza en el idioma de tu navegador; puedes elegir otro en Idioma, dentro de Configuración. La elección se guarda en este navegador.",
    help_class_heading: "Vista de clase y concordancia",
    help_class: "Clase abre la vista de clase: agrega los archivos que tus estudiantes exportaron de este artículo (varios a la vez). Cada estudiante es una capa que puedes mostrar u ocultar; los archivos de otro artículo se listan y se dejan fuera. Ves, por pasaje, cuántos estudiantes usaron cada etiqueta, una franja de densidad por etiqueta, una tabla de estudiantes por etiquetas, cifras de concordancia, los desacuerdos (cada uno enlaza al pasaje) y un consenso que puedes revisar y exportar como paquete.",
    help_class_unavailable: "No se pudieron cargar las definiciones de las cifras de la clase: conéctate a internet una vez y vuelve a abrir la Ayuda.",
    help_saved_heading: "Tu trabajo se guarda en este navegador",
    help_saved: "Cada cambio se guarda al instante en el almacenamiento de este navegador, solo en este dispositivo. Borrar los datos del navegador lo elimina, así que exporta de vez en cuando: el archivo exportado es tu copia de seguridad.",

    opened_as_file: "Abierto como archivo",
    file_note_lead: "Abriste Marginalia como archivo. ",
    file_note_storage: "Tus anotaciones se guardan en el almacenamiento de este navegador, que comparten todos los archivos abiertos en este navegador desde esta computadora, y que se borra al borrar los datos de navegación. ",
    file_note_backup: "El archivo exportado es tu copia de seguridad: usa Exportar al final de cada sesión y guarda el archivo.",
    got_it: "Entendido",
    update_ready: "Hay una actualización lista. Recarga para usarla; tus anotaciones se conservan.",
    reload: "Recargar",
    offline_heading: "Sin conexión y en un solo archivo",
    single_file_help: "Esta es Marginalia en un solo archivo: no necesita red ni instalación. Compártelo tal cual, por correo o en una memoria USB. Tu trabajo queda en este navegador hasta que lo exportes.",
    served_help_before: "Después de tu primera visita, Marginalia funciona sin red y tu navegador puede ofrecerte instalarla como aplicación. Para compartirla por correo o en una memoria USB, ",
    download_single_file: "descarga Marginalia en un solo archivo",
    served_help_after: ": se abre con doble clic y funciona sin red.",

    language: "Idioma",
    your_name: "Tu nombre",
    your_name_placeholder: "Se escribe en tus anotaciones y exportaciones",
    tags_heading: "Etiquetas de este artículo",
    tags_intro: "Al renombrar o combinar una etiqueta se actualizan las anotaciones que la usan. Cada etiqueta tiene un color y su propio subrayado, así que se distingue también sin color.",
    tag_name: "Nombre",
    tag_colour: "Color",
    tag_line: "Línea",
    tag_key: "Tecla",
    tag_help_text: "Texto de ayuda",
    underline_styles: ["continua", "discontinua", "punteada", "doble", "ondulada"],
    name_of_tag: |n| format!("Nombre de la etiqueta {n}"),
    colour_of_tag: |n| format!("Color de la etiqueta {n}"),
    underline_of_tag: |n| format!("Subrayado de la etiqueta {n}"),
    hotkey_of_tag: |n| format!("Tecla rápida de la etiqueta {n}"),
    description_of_tag: |n| format!("Descripción de la etiqueta {n}"),
    move_up: |tag| format!("Subir {tag}"),
    move_down: |tag| format!("Bajar {tag}"),
    merge_label: |tag| format!("Combinar {tag} con"),
    merge_into: "Combinar con…",
    delete_tag_label: |tag| format!("Eliminar {tag}"),
    delete_tag_question: |n, tag, only| {
        let uses = if n == 1 { "1 anotación usa".to_string() } else { format!("{n} anotaciones usan") };
        let alone = if only == 1 {
            "1 de ellas no tiene otra etiqueta".to_string()
        } else {
            format!("{only} de ellas no tienen otra etiqueta")
        };
        format!("{uses} «{tag}»; {alone}. ¿Qué debe pasar con ellas?")
    },
    remove_tag: |only| format!("Quitar la etiqueta (elimina {only})"),
    reassign_tag: |tag| format!("Etiquetarlas como «{tag}»"),
    keep_as_they_are: "Dejarlas como están",
    new_tag_name: "Nombre de la nueva etiqueta",
    new_tag_placeholder: "Nueva etiqueta, p. ej. Evidencia",
    add_tag: "Agregar etiqueta",
    answer_key: "Clave de respuestas",
    reveal_key_label: "Mostrar la clave de respuestas",
    reveal_question: "¿Mostrar la clave de respuestas? Hazlo cuando tu docente lo indique.",
    reveal: "Mostrar",
    key_hidden: |n| format!("La clave de respuestas de tu docente ({}) está oculta.", count(n, "anotación", "anotaciones")),
    reveal_key: "Mostrar la clave de respuestas",

    storage_used: |used| {
        format!("Este navegador guarda {used} de datos de Marginalia (los navegadores permiten unos 5 MB). Exporta los artículos que te importan: el archivo es la copia de seguridad.")
    },
    bundled_sample: "Ejemplo incluido",
    added_on: |date| format!("Agregado el {date}"),
    annotation_count: |n| count(n, "anotación", "anotaciones"),
    new_name: "Nuevo nombre",
    save_name: "Guardar nombre",
    confirm_delete: "Confirmar eliminación",
    delete_article_question: |title, annotations| {
        format!("¿Eliminar «{title}» con sus anotaciones ({annotations})? No se puede deshacer; expórtalo antes para guardar una copia.")
    },
    delete_for_good: "Eliminar definitivamente",
    keep_it: "Conservarlo",
    open_now: "Abierto ahora",
    open: "Abrir",
    rename: "Renombrar",
    paste_first: "Primero pega el texto del artículo.",
    article_text: "Texto del artículo",
    paste_placeholder: "Pega aquí el artículo. La primera línea será su título, salvo que escribas uno abajo.",
    title_optional: "Título (opcional)",
    source_optional: "URL de origen (opcional)",
    add_article: "Agregar artículo",

    export_intro: |n| format!("Guarda las anotaciones de este artículo ({}) en un archivo.", count(n, "anotación", "anotaciones")),
    starter_heading: "Paquete inicial para estudiantes",
    starter_intro: "El artículo y su conjunto de etiquetas, sin tus anotaciones, para que tus estudiantes lo anoten y te lo devuelvan.",
    lock_tags: "Bloquear el conjunto de etiquetas para los estudiantes",
    download_starter: "Descargar paquete inicial",
    import_report: "Informe de importación",
    rejected: |why| format!("Rechazado, no se importó nada: {why}"),
    other_article: |title| {
        format!("Este paquete es de otro artículo, «{title}». Abre ese artículo para importar sus anotaciones donde corresponden.")
    },
    open_that_article: "Abrir ese artículo",
    nothing_new: "No hay nada nuevo que importar.",
    file: "archivo",
    facts_new: |n| count(n, "nueva", "nuevas"),
    facts_merged: |n| count(n, "combinada", "combinadas"),
    facts_duplicates: |n| count(n, "duplicada omitida", "duplicadas omitidas"),
    facts_not_placed: |n| format!("{n} sin ubicar"),
    facts_moved: |n| count(n, "encontrada en otro lugar", "encontradas en otro lugar"),
    facts_fuzzy: |n| count(n, "ubicada de forma aproximada", "ubicadas de forma aproximada"),
    facts_unsearched: |n| {
        format!("{} sin buscar de forma aproximada: la importación llegó a su límite de búsqueda", count(n, "no ubicada", "no ubicadas"))
    },
    starter_note: "Un paquete inicial de tu docente: su conjunto de etiquetas pasa a ser el del artículo.",
    starter_locked: " El conjunto de etiquetas está bloqueado.",
    starter_has_key: " Es una clave de autoevaluación: Configuración la muestra con los pasajes que encontraste.",
    different_version: "Se hizo sobre otra versión del artículo; las anotaciones se ubicaron por sus citas.",
    new_tags: |names| format!("Etiquetas nuevas: {names}."),
    broken_characters: |n| {
        if n == 1 {
            "1 carácter dañado se reemplazó por �.".to_string()
        } else {
            format!("{n} caracteres dañados se reemplazaron por �.")
        }
    },
    skipped: |why| format!("Omitido: {why}"),

    save_file_failed: |what| format!("El navegador no pudo guardar el archivo ({what})."),
    file_too_large: |limit_mb, mb| {
        format!("El archivo pesa más de {limit_mb} MB ({mb:.1} MB); Marginalia abre archivos de hasta {limit_mb} MB.")
    },
    read_failed: "El navegador no pudo leer el archivo.",
    parse_failed: "El navegador no pudo analizar esta página.",
    page_too_deep: |n| format!("Esta página anida sus elementos a más de {n} niveles, como ningún artículo; no se abrió."),
    storage_unreadable: "No se puede leer el almacenamiento del navegador.",
    article_gone: "Ese artículo ya no está en el almacenamiento de este navegador.",
    saved_article_broken: |why| format!("El artículo guardado no se puede abrir porque {why}."),
    rename_failed: "No se pudo guardar el nuevo nombre: el almacenamiento del navegador está lleno o bloqueado.",
    storage_unchangeable: "No se puede modificar el almacenamiento del navegador.",
    delete_refused: "El almacenamiento del navegador no permitió eliminar el artículo.",
    load_empty: "El archivo está vacío.",
    load_too_large: |mb, limit_mb| format!("El archivo pesa {mb:.1} MB; Marginalia abre artículos de hasta {limit_mb} MB."),
    load_binary: "Parece un archivo binario (una imagen, un PDF o un programa), no un artículo de texto.",
    load_unsupported: "Marginalia abre archivos .txt, .md y .html; este archivo es de otro tipo.",
    load_invalid_utf16: "El archivo dice ser texto UTF-16, pero no es UTF-16 válido.",
    load_no_text: "No tiene texto que anotar.",
    read_as_windows_1252: "El archivo no está en UTF-8, así que se leyó como Windows-1252 (Europa occidental). Si las letras se ven mal, guárdalo en UTF-8 y ábrelo de nuevo.",
    decode_corrupt: |why| format!("no se puede leer ({why})"),
    decode_newer: |v| format!("lo guardó una versión más nueva de Marginalia (formato {v})"),
    no_article: "No se encontró ningún artículo en esta página: no tiene un bloque de párrafos lo bastante largo.",
    cannot_open: |name, why| format!("No se puede abrir «{name}»: {why}"),
    already_in_library: |title, n| {
        format!("«{title}» ya está en tu biblioteca; se abrió con sus anotaciones ({}).", count(n, "anotación", "anotaciones"))
    },
    lang_not_saved: "Tu idioma no se pudo guardar en este navegador; se usará hasta que cierres la página.",

    tag_unknown: |id| format!("No existe la etiqueta «{id}»."),
    tag_empty_name: "Una etiqueta necesita un nombre.",
    tag_name_too_long: |max| format!("El nombre de una etiqueta puede tener como máximo {max} caracteres."),
    tag_duplicate: |name| format!("Ya hay una etiqueta llamada «{name}»."),
    tag_bad_colour: |colour| format!("El color «{colour}» no tiene la forma #rrggbb (por ejemplo, #e69f00)."),
    tag_description_too_long: |max| format!("La descripción de una etiqueta puede tener como máximo {max} caracteres."),
    tag_bad_hotkey: |key| format!("La tecla «{key}» no puede ser una tecla rápida; usa una letra o un dígito."),
    tag_hotkey_taken: |key, by| format!("La tecla «{key}» ya elige la etiqueta «{by}»."),
    tag_same: "Elige otra etiqueta a la que pasar sus anotaciones.",
    tag_last: "No se puede eliminar la última etiqueta; primero agrega otra.",
    store_not_found: "Esa anotación ya no existe.",
    store_duplicate_id: "Ya existe una anotación con ese identificador.",
    store_no_tags: "Una anotación necesita al menos una etiqueta.",
    store_empty_range: "Primero selecciona algo de texto para anotar.",
    store_empty_batch: "No hay nada que cambiar.",
    evicted: |name, at| {
        let hint = match (name, at) {
            (Some(name), Some(at)) => format!("Importa tu última exportación, «{name}» (guardada el {at}), para recuperarlas."),
            (Some(name), None) => format!("Importa tu última exportación, «{name}», para recuperarlas."),
            _ => "Si exportaste tus anotaciones, importa ese archivo para recuperarlas.".to_string(),
        };
        format!("Las anotaciones guardadas en este navegador ya no están: el navegador (o una herramienta de limpieza) borró el almacenamiento de este sitio. {hint}")
    },
    import_last_export: "Importar la última exportación",
    changed_in_other_tab: "Esta anotación también se cambió en otra pestaña. Se guardan las dos versiones: la otra está en «Otras versiones», donde puedes usarla en su lugar.",
    store_note_too_long: |max, kb| {
        format!("Una nota puede tener hasta {max} KB, para poder exportarla e importarla de nuevo; esta tiene {kb} KB. No se cambió nada.")
    },

    class_view: "Vista de clase",
    class_view_loading: "Cargando la vista de clase…",
    class_view_failed: |why| {
        format!("No se pudo cargar la vista de clase ({why}). Se descarga la primera vez que se abre, así que ábrela una vez con conexión; después funciona también sin conexión.")
    },
    format_labels: [
        "Paquete de Marginalia",
        "Exportación de anotaciones de Marginalia",
        "Web Annotation del W3C",
        "Exportación de Hypothesis",
    ],
};
