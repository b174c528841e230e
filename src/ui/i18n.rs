//! How components get the UI's texts: the app provides the chosen `Lang` as a context, and `use_texts` reads its table.

use yew::prelude::*;

use crate::domain::i18n::{AssignmentTexts, ExportKinds, HandInTexts, Lang, PhoneTexts, Texts};

/// The texts of the language the app provides (English outside a provider, as in a component test).
#[hook]
pub fn use_texts() -> &'static Texts {
    use_context::<Lang>().unwrap_or_default().texts()
}

/// The hand-in and shared-computer texts of the language the app provides.
#[hook]
pub fn use_hand_in_texts() -> &'static HandInTexts {
    use_context::<Lang>().unwrap_or_default().hand_in()
}

/// Each export's label and description in the language the app provides.
#[hook]
pub fn use_export_kinds() -> &'static ExportKinds {
    use_context::<Lang>().unwrap_or_default().export_kinds()
}

/// The phone layout's texts of the language the app provides.
#[hook]
pub fn use_phone_texts() -> &'static PhoneTexts {
    use_context::<Lang>().unwrap_or_default().phone()
}

/// The assignment texts (instructions, the teacher's key, self-check matches) of the language the app provides.
#[hook]
pub fn use_assignment_texts() -> &'static AssignmentTexts {
    use_context::<Lang>().unwrap_or_default().assignment()
}
