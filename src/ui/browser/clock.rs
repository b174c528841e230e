//! The browser's clock and random ids, kept out of the domain so it stays free of I/O.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::annotation::time_from_millis;

/// The current time, from the browser's clock, in UTC.
pub fn now() -> OffsetDateTime {
    time_from_millis(js_sys::Date::now())
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
