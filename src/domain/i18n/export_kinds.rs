//! Each export's button label and what the file is for, in every language, in `ExportKind::ALL` order.
//!
//! A table apart from `Texts`, reached through `Lang::export_kinds`, so that the class view's
//! module, which links all of `Texts`, does not carry the export dialog's words.

/// One language's (label, description) of each export kind.
pub type ExportKinds = [(&'static str, &'static str); 7];

pub static EXPORT_KINDS_EN: ExportKinds = [
    (
        "Annotation pack (.marginalia.json)",
        "Everything: the article, its tags and every annotation. Your backup, and what teachers and students exchange.",
    ),
    (
        "Web Annotation (W3C JSON-LD)",
        "The open W3C standard, for Apache Annotator and other Web Annotation tools: each passage by its quote and its position in the article as shown, in characters. Not placed annotations keep only their quote; tag colours stay in the pack.",
    ),
    (
        "Hypothesis (JSON)",
        "For the Hypothesis client's “Import annotations”: quotes, tags and notes on the article's address. Hypothesis finds each passage by its quote.",
    ),
    (
        "Recogito (Web Annotation list)",
        "For Recogito's text annotator: the same annotations as a list it loads, positions in UTF-16 units as Recogito counts them, so passages after an emoji land right. Recogito skips not placed annotations.",
    ),
    ("Spreadsheet (CSV)", "One row per annotation: tags, quote, note, author, paragraph and position."),
    ("Markdown report", "The annotations in article order with their notes, as a text report."),
    (
        "Printable report (HTML)",
        "The article with numbered highlights, a tag legend and notes as endnotes, ready to print.",
    ),
];

pub static EXPORT_KINDS_ES: ExportKinds = [
    (
        "Paquete de anotaciones (.marginalia.json)",
        "Todo: el artículo, sus etiquetas y todas las anotaciones. Tu copia de seguridad, y lo que intercambian docentes y estudiantes.",
    ),
    (
        "Web Annotation (W3C JSON-LD)",
        "El estándar abierto del W3C, para Apache Annotator y otras herramientas de Web Annotation: cada pasaje por su cita y su posición en el artículo tal como se muestra, en caracteres. Las anotaciones sin ubicar conservan solo su cita; los colores de las etiquetas quedan en el paquete.",
    ),
    (
        "Hypothesis (JSON)",
        "Para «Importar anotaciones» del cliente de Hypothesis: citas, etiquetas y notas sobre la dirección del artículo. Hypothesis encuentra cada pasaje por su cita.",
    ),
    (
        "Recogito (lista de Web Annotation)",
        "Para el anotador de texto de Recogito: las mismas anotaciones en una lista que puede cargar, con posiciones en unidades UTF-16 como las cuenta Recogito, así los pasajes tras un emoji caen en su sitio. Recogito omite las anotaciones sin ubicar.",
    ),
    ("Hoja de cálculo (CSV)", "Una fila por anotación: etiquetas, cita, nota, autor, párrafo y posición."),
    ("Informe en Markdown", "Las anotaciones en el orden del artículo con sus notas, como informe de texto."),
    (
        "Informe para imprimir (HTML)",
        "El artículo con resaltados numerados, una leyenda de etiquetas y las notas al final, listo para imprimir.",
    ),
];
