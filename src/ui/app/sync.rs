//! Keeps this tab in step with other tabs: the session takes what they store of the same article (a clash on one annotation becomes a visible other version) and their changes of the person's presets.

use gloo::events::EventListener;
use uuid::Uuid;
use yew::prelude::*;

use super::{App, Msg};
use crate::domain::storage::{self, ArticleKey};
use crate::ui::browser::storage_events::{self, Values};

/// Listens for other tabs' writes to storage.
pub(super) fn listener(ctx: &Context<App>) -> Option<EventListener> {
    let link = ctx.link().clone();
    storage_events::listen(storage::PRESETS_KEY, move |key, values| {
        link.send_message(Msg::StoredElsewhere(key, values))
    })
}

impl App {
    /// Another tab wrote `key` (`None`: it cleared storage, which changes nothing here: this tab's
    /// work stays in memory and its next save writes again); `values`, for the presets, what it
    /// replaced and what it wrote. Returns whether to re-render.
    pub(super) fn stored_elsewhere(&mut self, key: Option<String>, values: Option<Values>) -> bool {
        if let Some((old, new)) = values {
            // Settings' list and the set new articles start with follow (`apply_effects`); a
            // merge this tab writes back is booked like any change.
            let effects = self.session.presets_stored_elsewhere(&self.kv, old.as_deref(), new.as_deref());
            let changed = !effects.is_empty();
            self.carry_out_quietly(effects);
            return changed;
        }
        let Some(key) = key else { return false };
        // An annotation whose note is being typed waits: committing the note resolves the two versions.
        let typing = match storage::article_key_kind(self.session.doc().hash(), &key) {
            Some(ArticleKey::Annotation(id)) => self.note_drafts.contains_key(&id).then_some(id),
            _ => None,
        };
        let effects = self.session.stored_elsewhere(&mut self.kv, &key, typing);
        let changed = !effects.is_empty();
        self.apply_effects(effects);
        changed
    }

    /// Takes what storage holds for annotation `id` (after its note was committed).
    pub(super) fn pull(&mut self, id: Uuid) -> bool {
        let effects = self.session.pull(&self.kv, id);
        let changed = !effects.is_empty();
        self.apply_effects(effects);
        changed
    }
}
