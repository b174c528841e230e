//! Listeners on the whole document and window: selection, pointer, keys, leaving the page, scrolling, printing and dropped files.

use gloo::events::{EventListener, EventListenerOptions};
use yew::prelude::*;

use super::*;

/// Drag-and-drop of files onto the page: shows the drop overlay and opens what is dropped.
pub(super) fn drag_listener(
    document: &dom::Document,
    name: &'static str,
    link: &yew::html::Scope<App>,
) -> EventListener {
    let link = link.clone();
    EventListener::new_with_options(document, name, EventListenerOptions::enable_prevent_default(), move |event| {
        let Some(drag) = dom::drag(event) else { return };
        event.prevent_default();
        match drag {
            dom::Drag::Over => link.send_message(Msg::Dragging(true)),
            // Leaving for a child element also fires dragleave; only leaving the window counts.
            dom::Drag::Leave { window: true } => link.send_message(Msg::Dragging(false)),
            dom::Drag::Leave { window: false } => {}
            dom::Drag::Drop(files) => link.send_message(Msg::FilesChosen(files)),
        }
    })
}

/// Listeners on the whole document: selection, pointer, keys and leaving the page.
pub(super) fn document_listeners(ctx: &Context<App>) -> Vec<EventListener> {
    let Some((window, document)) = dom::window_and_document() else { return Vec::new() };
    let link = ctx.link();
    let passive = EventListenerOptions::default();
    let on = |target: &dom::EventTarget, name: &'static str, msg: fn(&dom::Event) -> Option<Msg>| {
        let link = link.clone();
        EventListener::new_with_options(target, name, passive, move |event| {
            if let Some(message) = msg(event) {
                link.send_message(message);
            }
        })
    };
    let keys = {
        let link = link.clone();
        EventListener::new_with_options(
            &document,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if let Some(event) = dom::as_key(e) {
                    // Tab is kept inside an open dialog here, in the event itself: yew handles
                    // messages a microtask later, and the browser must not move focus first.
                    if focus::contain_tab(event) {
                        return;
                    }
                    link.send_message(Msg::KeyDown(event.clone()));
                }
            },
        )
    };
    vec![
        EventListener::new(&document, "focusin", |event| {
            focus::keep_in_modal(event);
        }),
        on(&document, "selectionchange", |_| Some(Msg::SelectionChanged)),
        on(&document, "pointerdown", |event| Some(Msg::PointerDown(dom::is_finger_or_pen(event)))),
        on(&document, "pointerup", |_| Some(Msg::PointerUp)),
        // A finger that starts a scroll (or a long press the browser takes over) never sends
        // pointerup: the browser cancels the pointer instead, and the press is over all the same.
        on(&document, "pointercancel", |_| Some(Msg::PointerUp)),
        // A pointer whose capture is lost (its element went away, or the browser took it over)
        // sends neither pointerup nor pointercancel to the page.
        on(&document, "lostpointercapture", |_| Some(Msg::PointerUp)),
        on(&window, "pagehide", |_| Some(Msg::PageHide)),
        on(&window, "scroll", |_| Some(Msg::ViewportMoved)),
        on(&window, "resize", |_| Some(Msg::ViewportMoved)),
        on(&window, "beforeprint", |_| Some(Msg::Printing(true))),
        on(&window, "afterprint", |_| Some(Msg::Printing(false))),
        on(&document, "visibilitychange", |_| dom::page_hidden().then_some(Msg::PageHide)),
        keys,
        drag_listener(&document, "dragover", link),
        drag_listener(&document, "dragleave", link),
        drag_listener(&document, "drop", link),
    ]
}

/// Describes the article's paragraphs for screen readers just after the next paint, where writing
/// them (about 20 ms for 1,000 annotations) does not delay what the reader sees.
pub(super) fn describe_after_paint(ctx: &Context<App>) {
    let link = ctx.link().clone();
    clock::after_next_paint(move || link.send_message(Msg::DescribeBlocks));
}
