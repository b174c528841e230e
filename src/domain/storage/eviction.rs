//! Noticing that the browser cleared the app's storage behind its back (eviction), from a marker kept outside that storage.
//!
//! Browsers may evict a site's storage under disk pressure, and cleanup tools clear it; the app
//! would then start empty, as on a first visit. To tell the two apart, the app keeps a small
//! marker in a cookie (which storage eviction does not clear) saying it has stored annotations,
//! and which file it last exported, plus a sentinel key in localStorage. Marker without sentinel:
//! the storage was cleared, and the user is told which export to import.

use crate::domain::i18n::Texts;

/// Key of the sentinel written to localStorage next to the first saved annotation.
pub const SENTINEL_KEY: &str = "marginalia/saved";

/// What the app remembers outside localStorage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marker {
    /// Annotations were saved in this browser.
    pub saved: bool,
    /// File name of the last export.
    pub export_name: Option<String>,
    /// When the last export was made (`YYYY-MM-DD HH:MM UTC`).
    pub export_at: Option<String>,
}

/// How an export's time is shown in the notice: `YYYY-MM-DD HH:MM UTC`.
pub fn export_time(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!("{} {:02}:{:02} UTC", at.date(), at.hour(), at.minute())
}

/// The marker as text (JSON; the cookie adapter percent-encodes it).
pub fn encode(marker: &Marker) -> String {
    let mut w = crate::domain::json::write::JsonOut::compact();
    w.begin_object().key("saved").bool(marker.saved);
    if let Some(name) = &marker.export_name {
        w.str_field("export_name", name);
    }
    if let Some(at) = &marker.export_at {
        w.str_field("export_at", at);
    }
    w.end_object();
    w.finish()
}

/// Reads a marker back; anything unreadable counts as no marker.
pub fn decode(text: &str) -> Option<Marker> {
    use crate::domain::json::read;
    let value = read::parse(text).ok()?;
    let root = read::Node::root(&value);
    if !value.is_object() {
        return None;
    }
    Some(Marker {
        saved: read::flag(&root, "saved").ok()?,
        export_name: read::optional_string(&root, "export_name").ok()?,
        export_at: read::optional_string(&root, "export_at").ok()?,
    })
}

/// What to tell the user on start, if the storage was cleared: the marker says annotations were
/// saved, but the sentinel that was saved with them is gone.
pub fn evicted_message(marker: Option<&Marker>, sentinel_present: bool, t: &Texts) -> Option<String> {
    let marker = marker.filter(|m| m.saved && !sentinel_present)?;
    Some((t.evicted)(marker.export_name.as_deref(), marker.export_at.as_deref()))
}
