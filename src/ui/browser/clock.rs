//! The browser's clock and random ids, kept out of the domain so it stays free of I/O.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::annotation::time_from_millis;

/// The current time, from the browser's clock, in UTC.
pub fn now() -> OffsetDateTime {
    time_from_millis(now_millis())
}

/// The current time in milliseconds since the Unix epoch (what [`now`] is made from).
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// The current time in the browser's local time zone, for what people read (a report's dates).
pub fn local_now() -> OffsetDateTime {
    local(now())
}

/// `at` in the browser's local time zone as it is now.
pub fn local(at: OffsetDateTime) -> OffsetDateTime {
    // getTimezoneOffset is minutes *behind* UTC (-60 in Madrid in winter).
    let minutes = -js_sys::Date::new_0().get_timezone_offset();
    let offset = time::UtcOffset::from_whole_seconds((minutes * 60.0) as i32).unwrap_or(time::UtcOffset::UTC);
    at.to_offset(offset)
}

/// A fresh random (version 4) UUID from the browser's crypto source.
pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// Records a performance mark, so benchmarks can time app work from outside without guessing.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `work` just after the next frame is painted (an animation frame, then a task), for work
/// the reader does not see, so it does not delay what they do see.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return };
    let in_frame = Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, work).forget());
    let _ = window.request_animation_frame(in_frame.unchecked_ref());
}

/// The page's clock in milliseconds (`performance.now()`), for durations.
pub fn page_millis() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Runs `work` when the browser is idle, at the latest `timeout_ms` later; `false` (and nothing
/// runs) where there are no idle callbacks (Safari).
pub fn when_idle(timeout_ms: u32, work: impl FnOnce() + 'static) -> bool {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return false };
    let when_idle = Closure::once_into_js(work);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(timeout_ms);
    window.request_idle_callback_with_options(when_idle.unchecked_ref(), &options).is_ok()
}
