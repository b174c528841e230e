//! Key mode in the app: the class view's "Edit the key on the article" puts the view away and shows the answer key's passages on the article (the session's key layer), with an always visible bar that counts them and leads back to the class view, whose scores follow the edited key.

use yew::prelude::*;

use super::{App, Msg};

impl App {
    /// Enters key mode (`true`, from the class view, which is put away) or leaves it and returns
    /// to the class view (opened again if it was closed meanwhile).
    pub(super) fn key_mode(&mut self, enter: bool) -> bool {
        // A note being typed, the editor and a pending selection belong to the layer shown now.
        self.close_editor();
        self.set_pending(None);
        self.reattach = None;
        let effects = if enter { self.session.enter_key_mode() } else { self.session.leave_key_mode() };
        self.apply_effects(effects);
        let t = self.lang.key_mode();
        if enter {
            self.put_class_away(true);
            self.announce(&(t.editing)(self.session.store().len()));
        } else {
            if !self.put_class_away(false) {
                self.show_class(true);
            }
            self.announce(t.left);
        }
        true
    }

    /// The bar shown while the key is edited: how many passages it has, how to edit, and the
    /// way back to the class view (the first thing focus reaches, as the passage bar's is).
    pub(super) fn view_key_mode_bar(&self, ctx: &Context<Self>) -> Html {
        if !self.session.in_key_mode() {
            return html! {};
        }
        let t = self.lang.key_mode();
        let heading = (t.editing)(self.session.store().len());
        html! {
            <div class="back-to-class key-mode-bar" role="region" aria-label={heading.clone()}>
                <strong>{heading}</strong>
                <span class="key-mode-how">{t.how}</span>
                <button type="button" class="primary" onclick={ctx.link().callback(|_| Msg::KeyMode(false))}>{t.done}</button>
            </div>
        }
    }
}
