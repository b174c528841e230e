//! Places the floating panels through the CSSOM, which a strict Content-Security-Policy allows and a `style` attribute is not.

use yew::prelude::*;

/// Sets `top` and `left` (CSS pixels) on the element behind `node` after each render that changes them.
///
/// yew would write a `style` attribute with `setAttribute`, which the page's policy (`style-src 'self'`,
/// no `'unsafe-inline'`) refuses; `element.style.setProperty` is not an inline style and is allowed.
#[hook]
pub fn use_position(node: &NodeRef, top: f64, left: f64) {
    let node = node.clone();
    use_effect_with((top, left), move |&(top, left)| place(&node, top, left));
}

fn place(node: &NodeRef, top: f64, left: f64) {
    let Some(element) = node.cast::<web_sys::HtmlElement>() else { return };
    let style = element.style();
    let _ = style.set_property("top", &format!("{top:.0}px"));
    let _ = style.set_property("left", &format!("{left:.0}px"));
}
