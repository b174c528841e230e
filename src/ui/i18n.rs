//! How components get the UI's texts: the app provides the chosen `Lang` as a context, and `use_texts` reads its table.

use yew::prelude::*;

use crate::domain::i18n::{HandInTexts, Lang, PhoneTexts, Texts};

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

/// The phone layout's texts of the language the app provides.
#[hook]
pub fn use_phone_texts() -> &'static PhoneTexts {
    use_context::<Lang>().unwrap_or_default().phone()
}
