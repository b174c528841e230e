//! The texts of the phone layout (the compact top bar's menu, the Annotations drawer, what the tags mean), in every language.
//!
//! A table apart from `Texts`, reached through `Lang::phone`, like the hand-in texts.

/// The phone layout's texts of one language.
#[derive(Debug)]
pub struct PhoneTexts {
    /// The button that opens the rest of the top bar's actions on a phone.
    pub menu: &'static str,
    /// The button that closes the Annotations drawer.
    pub close_annotations: &'static str,
    /// The disclosure that lists each tag's description (a touch screen shows no tooltips).
    pub tag_meanings: &'static str,
}

pub static PHONE_EN: PhoneTexts =
    PhoneTexts { menu: "Menu", close_annotations: "Close annotations", tag_meanings: "What the tags mean" };

pub static PHONE_ES: PhoneTexts =
    PhoneTexts { menu: "Menú", close_annotations: "Cerrar anotaciones", tag_meanings: "Qué significa cada etiqueta" };
