//! Lower-casing by the browser's `String.prototype.toLowerCase`, installed as the domain's provider (see `domain::text::lowercase`).

use js_sys::JsString;

use crate::domain::text::lowercase;

/// Makes the browser's `toLowerCase` the domain's lower-casing; calling it again changes nothing.
pub fn install() {
    lowercase::install(to_lower_case);
}

fn to_lower_case(text: &str) -> String {
    JsString::from(text).to_lower_case().into()
}
