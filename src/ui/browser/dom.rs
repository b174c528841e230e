//! The page as the app shell sees it: the element and event types the components name, and small adapters for what they ask of the page (the selection, scrolling, the viewport, focus, drops, the mount point, leaving).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::NodeRef;

use super::files::files_of;
use super::form::File;

pub use web_sys::{Document, Element, Event, EventTarget, HtmlElement, KeyboardEvent, Node, Selection, Window};

/// The window and its document, when there is a page (not in a worker).
pub fn window_and_document() -> Option<(Window, Document)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    Some((window, document))
}

/// The page's selection.
pub fn selection() -> Option<Selection> {
    web_sys::window()?.get_selection().ok()?
}

/// Clears the page's selection.
pub fn clear_selection() {
    if let Some(selection) = selection() {
        let _ = selection.remove_all_ranges();
    }
}

/// Puts the caret at `offset` in `node`.
pub fn place_caret(node: &Node, offset: u32) {
    if let Some(selection) = selection() {
        let _ = selection.collapse_with_offset(Some(node), offset);
    }
}

/// Scrolls `element` into view: to the middle of the screen when `center`, else only as far as needed.
pub fn scroll_into_view(element: &Element, center: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the page back to its top.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Where the viewport is on the page and how large it is, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub scroll_x: f64,
    pub scroll_y: f64,
    pub width: f64,
    pub height: f64,
}

/// The viewport now; a 1024 × 768 one at the top of the page when the window cannot say.
pub fn viewport() -> Viewport {
    let window = web_sys::window();
    let number = |v: Option<Result<wasm_bindgen::JsValue, _>>| v.and_then(|r| r.ok()).and_then(|v| v.as_f64());
    Viewport {
        scroll_x: window.as_ref().and_then(|w| w.scroll_x().ok()).unwrap_or(0.0),
        scroll_y: window.as_ref().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0),
        width: number(window.as_ref().map(|w| w.inner_width())).unwrap_or(1024.0),
        height: number(window.as_ref().map(|w| w.inner_height())).unwrap_or(768.0),
    }
}

/// Whether the page is hidden (another tab, a minimised window, a phone's home screen).
pub fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Moves the focus to the element at `node`.
pub fn focus_ref(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves the focus to `element`, if it can take it.
pub fn focus_element(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Whether a pointer event came from a finger or a pen (whose selections settle after the press).
pub fn is_finger_or_pen(event: &Event) -> bool {
    event.dyn_ref::<web_sys::PointerEvent>().is_some_and(|e| matches!(e.pointer_type().as_str(), "touch" | "pen"))
}

/// The value of CSS `property` the browser computed for `element`.
pub fn computed_style(element: &Element, property: &str) -> Option<String> {
    web_sys::window()
        .and_then(|window| window.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value(property).ok())
}

/// Whether `element` is laid out with `position: fixed` (a bottom sheet, on touch screens).
pub fn is_fixed(element: &Element) -> bool {
    computed_style(element, "position").is_some_and(|position| position == "fixed")
}

/// Scrolls the page down by `pixels` (up when negative).
pub fn scroll_page_by(pixels: f64) {
    if let Some(window) = web_sys::window() {
        window.scroll_by_with_x_and_y(0.0, pixels);
    }
}

/// Opens the browser's print dialog for the page.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The viewport point a mouse event happened at.
pub fn client_point(event: &Event) -> Option<(f64, f64)> {
    event.dyn_ref::<web_sys::MouseEvent>().map(|mouse| (mouse.client_x() as f64, mouse.client_y() as f64))
}

/// The key event `event` is, if it is one.
pub fn as_key(event: &Event) -> Option<&KeyboardEvent> {
    event.dyn_ref::<KeyboardEvent>()
}

/// What a drag of files over the page is doing.
pub enum Drag {
    Over,
    /// Left an element; `window` when it left the window itself (no element entered).
    Leave {
        window: bool,
    },
    Drop(Vec<File>),
}

/// What the drag event `event` (`dragover`, `dragleave` or `drop`) does with files; `None` when
/// it carries no files (text or a link being dragged), which the page leaves to the browser.
pub fn drag(event: &Event) -> Option<Drag> {
    let drag = event.dyn_ref::<web_sys::DragEvent>()?;
    if !drag.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
        return None;
    }
    Some(match event.type_().as_str() {
        "dragover" => Drag::Over,
        "drop" => Drag::Drop(files_of(drag.data_transfer().and_then(|d| d.files()))),
        _ => Drag::Leave { window: drag.related_target().is_none() },
    })
}

/// A new element at the end of the body for a yew app to mount in.
pub fn mount_point() -> Option<Element> {
    let (_, document) = window_and_document()?;
    let root = document.create_element("div").ok()?;
    document.body()?.append_child(&root).ok()?;
    Some(root)
}

/// Installs `css` as the document's adopted stylesheet, which a strict Content-Security-Policy allows.
pub fn adopt_stylesheet(css: &str) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else { return };
    if sheet.replace_sync(css).is_err() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let sheets = js_sys::Array::of1(sheet.unchecked_ref());
    let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &sheets);
}

/// Has the browser ask before the page is closed or reloaded whenever `ask()` says so.
pub fn ask_before_leaving(ask: impl Fn() -> bool + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new_with_options(
        &window,
        "beforeunload",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            if ask() {
                event.prevent_default();
                // Older browsers ask only when returnValue is set.
                let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
            }
        },
    ))
}
