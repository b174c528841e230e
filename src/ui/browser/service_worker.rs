//! Service worker adapter: registers the page's worker when served over http(s) and hands over to a waiting update.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The message www/sw.js takes as "take over now".
const SKIP_WAITING: &str = "skip-waiting";

/// True when the page was opened from the file system (the single-file build), not from a web server.
pub fn opened_from_file() -> bool {
    protocol().as_deref() == Some("file:")
}

/// Registers the worker the page declares (`<meta name="marginalia-service-worker">`) when the page
/// is served over http(s), and calls `on_update` when a new release has installed and waits to take
/// over from the one running this page. Does nothing from a file, in an insecure context (no
/// service workers there), or in a page that declares no worker (the single-file build).
pub fn register(on_update: impl Fn() + 'static) {
    if !matches!(protocol().as_deref(), Some("http:" | "https:")) {
        return;
    }
    let (Some(script), Some(container)) = (declared_worker(), container()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register(&script)).await else { return };
        // A browser (or automation) that blocks service workers may resolve with no registration at all.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        watch(container, registration, Rc::new(on_update));
    });
}

/// Tells the waiting release to take over, then reloads once it controls the page, so the page
/// and its files always come from one release. Reloads at once if nothing is waiting.
pub fn apply_update() {
    let Some(container) = container() else { return reload() };
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await.ok();
        let waiting =
            registration.and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()).and_then(|r| r.waiting());
        let Some(waiting) = waiting else { return reload() };
        EventListener::once(&container, "controllerchange", |_| reload()).forget();
        if waiting.post_message(&JsValue::from_str(SKIP_WAITING)).is_err() {
            reload();
        }
    });
}

/// Calls `on_update` for a release already waiting, and for each one that finishes installing
/// while a worker controls the page (the very first install has none, so it is no update). The
/// browser checks for a new release as the page loads, often before the app starts, so a worker
/// already installing is followed too.
fn watch(container: ServiceWorkerContainer, registration: ServiceWorkerRegistration, on_update: Rc<dyn Fn()>) {
    if registration.waiting().is_some() && container.controller().is_some() {
        on_update();
    }
    let follow = Rc::new(move |worker: ServiceWorker| {
        let (container, on_update, installing) = (container.clone(), on_update.clone(), worker.clone());
        EventListener::new(&worker, "statechange", move |_| {
            if installing.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                on_update();
            }
        })
        .forget();
    });
    if let Some(worker) = registration.installing() {
        follow(worker);
    }
    let found = registration.clone();
    EventListener::new(&registration, "updatefound", move |_| {
        if let Some(worker) = found.installing() {
            follow(worker);
        }
    })
    .forget();
}

fn protocol() -> Option<String> {
    web_sys::window()?.location().protocol().ok()
}

/// The worker script named by `<meta name="marginalia-service-worker" content="sw.js">`.
fn declared_worker() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name='marginalia-service-worker']").ok()??;
    meta.get_attribute("content").filter(|script| !script.is_empty())
}

/// `navigator.serviceWorker`, which is missing in insecure contexts and in some browsers.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
