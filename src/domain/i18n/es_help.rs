//! The Spanish version of the definitions behind the class view's figures (`agreement_help::AGREEMENT_HELP`), section for section, and the longer Spanish texts built from the tag set.

use crate::domain::i18n::agreement_help::HelpSection;

/// What the class view's figures mean, in the same sections and order as the English.
pub const AYUDA_CONCORDANCIA: &[HelpSection] = &[
    HelpSection {
        title: "La unidad es la palabra",
        paragraphs: &[
            "Todas las cifras cuentan palabras. Una palabra es lo que las reglas de palabras de Unicode obtienen del texto; los espacios y la puntuación no son palabras.",
            "Un resaltado cuenta una palabra como etiquetada si cubre al menos un carácter de ella, así que un resaltado que empieza o termina dentro de una palabra cuenta la palabra completa.",
            "Para cada etiqueta, cada estudiante etiquetó o no una palabra con esa etiqueta. Las etiquetas se comparan de una en una; una palabra con dos etiquetas cuenta una vez por cada una.",
        ],
    },
    HelpSection {
        title: "Porcentaje de concordancia",
        paragraphs: &[
            "Para dos estudiantes: la proporción de palabras que trataron igual, porque ambos las etiquetaron o ambos las dejaron sin etiquetar.",
            "Para la clase: el promedio de esa proporción sobre todos los pares de estudiantes (que también es el promedio, por palabra, de la proporción de pares que coinciden en ella).",
            "El porcentaje de concordancia es alto siempre que una etiqueta es poco frecuente, porque casi nadie etiqueta la mayoría de las palabras. La kappa corrige eso.",
        ],
    },
    HelpSection {
        title: "Kappa de Cohen (dos estudiantes)",
        paragraphs: &[
            "κ = (po − pe) / (1 − pe). po es el porcentaje de concordancia. pe es la concordancia esperada por azar: si un estudiante etiquetó una proporción a de las palabras y el otro una proporción b, pe = a·b + (1 − a)·(1 − b).",
            "1 significa concordancia total; 0, no más que el azar; y menos de 0, menos que el azar.",
        ],
    },
    HelpSection {
        title: "Kappa de Fleiss (la clase)",
        paragraphs: &[
            "κ = (P − Pe) / (1 − Pe). P es el porcentaje de concordancia de la clase. Si p es la proporción de todas las marcas de palabra de la clase que son «etiquetada», Pe = p² + (1 − p)².",
        ],
    },
    HelpSection {
        title: "Cifras de conjunto",
        paragraphs: &[
            "El porcentaje de concordancia y la kappa de conjunto son los promedios de las cifras por etiqueta, sin contar las etiquetas cuya cifra no está definida.",
        ],
    },
    HelpSection {
        title: "Cuando la kappa no está definida",
        paragraphs: &[
            "Si nadie usó una etiqueta, o todos etiquetaron cada palabra con ella, el azar por sí solo explica la concordancia: el porcentaje de concordancia es 100 % y la kappa es 0 dividido entre 0. Se muestra como no definida, con el motivo, en lugar de un número.",
        ],
    },
    HelpSection {
        title: "Comparar con una clave de respuestas",
        paragraphs: &[
            "Cada resaltado es un pasaje de palabras, una vez por cada una de sus etiquetas. El pasaje de un estudiante coincide con un pasaje de la clave con la misma etiqueta cuando las palabras que comparten son al menos la mitad de las palabras que cubre cualquiera de los dos (palabras compartidas ÷ palabras en alguno de ellos ≥ 0,5).",
            "Cada pasaje coincide como mucho con otro: primero se toman los pares que más se superponen.",
            "La precisión es coincidencias ÷ pasajes del estudiante; la exhaustividad es coincidencias ÷ pasajes de la clave; F1 es 2 × coincidencias ÷ (pasajes del estudiante + pasajes de la clave). Las cifras de conjunto suman los conteos de todas las etiquetas antes de dividir.",
        ],
    },
    HelpSection {
        title: "Pasajes, densidad y consenso",
        paragraphs: &[
            "Un pasaje es un tramo de palabras que al menos un estudiante visible etiquetó, en el orden del artículo; «7 de 12 estudiantes etiquetaron esto como Claim» cuenta los estudiantes visibles que usaron Claim en alguna de sus palabras.",
            "La franja de densidad divide el artículo en tramos de texto iguales. Cada tramo muestra la proporción de sus palabras, multiplicada por los estudiantes visibles, que se etiquetaron con la etiqueta: 1 significaría que todos los estudiantes etiquetaron todas las palabras de ese tramo.",
            "Un desacuerdo es un tramo de palabras donde algunos de los estudiantes visibles, pero no todos, usaron una etiqueta; termina donde cambia el conjunto de esos estudiantes. Los más divididos van primero (los que etiquetó cerca de la mitad de los estudiantes), cada uno con quién lo etiquetó y quién no.",
            "El consenso conserva, para cada etiqueta, cada tramo de palabras que al menos k de los estudiantes visibles etiquetaron con ella.",
        ],
    },
];

/// The default tag set's names in Spanish (the ids stay `claim`, `quote`, `policy-shift`).
pub const ETIQUETAS: [&str; 3] = ["Afirmación", "Cita", "Cambio de política"];

pub const DESCRIPCIONES: [&str; 3] = [
    "Una afirmación presentada como hecho o argumento.",
    "Palabras atribuidas a una persona o fuente.",
    "Un cambio en la política o la postura de un gobierno.",
];

/// La pista de teclado del artículo, con la tecla y el nombre de cada etiqueta.
pub fn pista_de_teclado(keys: &[(char, &str)]) -> String {
    let start = "Selecciona texto para anotarlo. Con el teclado: las flechas mueven el cursor (Ctrl con Izquierda o Derecha: por palabras), Ctrl+Abajo y Ctrl+Arriba pasan de un párrafo a otro, y con Shift se selecciona;";
    match keys {
        [] => format!("{start} luego Tab para ir a la barra y elegir una etiqueta."),
        _ => format!("{start} luego pulsa {} para etiquetar.", super::key_list(keys, "para", "o")),
    }
}

/// El paso de la ayuda que etiqueta con el teclado, con las teclas reales.
pub fn paso_de_etiquetar(keys: &[(char, &str)]) -> String {
    match keys {
        [] => "Pulsa Tab para ir a la barra, escribe una nota si quieres y elige una etiqueta.".into(),
        _ => format!(
            "Pulsa {} para etiquetar la selección, o Tab para ir a la barra y escribir antes una nota.",
            super::key_list(keys, "para", "o")
        ),
    }
}
