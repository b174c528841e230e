//! If the app ever panics: write what the save queue still holds, then show a plain message (what happened, that saved work is kept, reload) instead of a frozen page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::storage::LocalKv;
use crate::domain::i18n::Texts;
use crate::domain::session::SharedQueue;

thread_local! {
    /// The app's save queue, for the panic hook (which must be `Send`, so cannot hold it).
    static QUEUE: std::cell::RefCell<Option<SharedQueue>> = const { std::cell::RefCell::new(None) };
}

/// Makes every later panic call [`on_panic`] with the app's save queue.
pub fn install(queue: SharedQueue, t: &'static Texts) {
    QUEUE.with(|q| *q.borrow_mut() = Some(queue));
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&info.to_string().into());
        let queue = QUEUE.with(|q| q.try_borrow().ok().and_then(|q| q.clone()));
        match queue {
            Some(queue) => on_panic(&queue, t),
            None => on_panic(&SharedQueue::default(), t),
        }
    }));
}

/// Writes what it can of the queue (unless the panic struck while the queue itself was being
/// changed) and shows the message. Runs once: a second panic leaves the first message.
pub fn on_panic(queue: &SharedQueue, t: &Texts) {
    let unsaved = match queue.try_borrow_mut() {
        Ok(mut queue) => {
            queue.flush(&mut LocalKv, usize::MAX);
            queue.len()
        }
        Err(_) => 0,
    };
    show_message(t, unsaved);
}

/// Puts the message in front of the page, built from text nodes only.
fn show_message(t: &Texts, unsaved: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("crashed").is_some() {
        return;
    }
    let (Ok(panel), Ok(text), Ok(button)) =
        (document.create_element("div"), document.create_element("p"), document.create_element("button"))
    else {
        return;
    };
    panel.set_id("crashed");
    panel.set_class_name("crashed");
    let _ = panel.set_attribute("role", "alert");
    let mut message = t.crashed.to_string();
    if unsaved > 0 {
        message = format!("{message} {}", (t.crashed_unsaved)(unsaved));
    }
    text.set_text_content(Some(&message));
    button.set_text_content(Some(t.reload));
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    let _ = panel.append_child(&text);
    let _ = panel.append_child(&button);
    if let Some(body) = document.body() {
        let _ = body.append_child(&panel);
    }
    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = button.focus();
    }
}
