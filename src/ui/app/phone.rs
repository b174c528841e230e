//! Phones and other touch screens: the compact top bar's menu, the Annotations drawer, a finger's selection left to settle, and the bottom-sheet toolbar kept off the selection.

use crate::ui::browser::dom::{self, Element, HtmlElement as DomElement};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{App, Msg};
use crate::ui::browser::focus;

/// How long a finger's selection must stay the same before the toolbar shows: Android moves the
/// selection while its handles are dragged, and a toolbar that jumped with every step would be
/// in the way.
const SETTLE_MS: u32 = 300;

/// Room kept between a selection and the bottom-sheet toolbar, in CSS pixels: Android draws its
/// selection handles just below the selected text.
const HANDLE_ROOM: f64 = 40.0;

/// The phone messages.
pub enum PhoneMsg {
    /// Open (true) or close the top bar's menu (the actions that do not fit a phone's bar).
    Menu(bool),
    /// Open (true) or close the Annotations drawer.
    Panel(bool),
    /// A key pressed in the top bar or the drawer (Escape closes what is open).
    Key(KeyboardEvent),
    /// A click in the menu: choosing an action closes it.
    MenuClick(MouseEvent),
    /// A finger's selection stayed the same for `SETTLE_MS`.
    Settled,
}

/// What the app keeps for phones between renders.
#[derive(Default)]
pub struct PhoneState {
    pub menu_open: bool,
    pub panel_open: bool,
    pub menu_button: NodeRef,
    pub panel_button: NodeRef,
    pub panel_close: NodeRef,
    /// Focused after the next render (the element is hidden until then).
    focus_next: Option<NodeRef>,
    /// The last press was a finger or a pen, not a mouse.
    pub touch: bool,
    /// Fires `Settled` unless the selection changes first.
    settle: Option<Timeout>,
    /// The passage the bottom sheet was last kept clear of.
    kept_clear: Option<(usize, usize)>,
}

impl App {
    pub(super) fn update_phone(&mut self, msg: PhoneMsg) -> bool {
        match msg {
            PhoneMsg::Menu(open) => self.open_menu(open, true),
            PhoneMsg::Panel(open) => self.open_panel(open),
            PhoneMsg::Key(event) if event.key() == "Escape" => {
                if self.phone.menu_open {
                    self.open_menu(false, true);
                } else if self.phone.panel_open {
                    self.open_panel(false);
                }
            }
            PhoneMsg::Key(_) => return false,
            PhoneMsg::MenuClick(event) => {
                let on_button = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("button").ok().flatten());
                if on_button.is_none() || !self.phone.menu_open {
                    return false;
                }
                // The chosen action opens its dialog, which takes focus; nothing to give back here.
                self.open_menu(false, false);
            }
            PhoneMsg::Settled => {
                self.phone.settle = None;
                return self.selection_changed();
            }
        }
        true
    }

    fn open_panel(&mut self, open: bool) {
        self.phone.menu_open = false;
        self.phone.panel_open = open;
        self.phone.focus_next =
            Some(if open { self.phone.panel_close.clone() } else { self.phone.panel_button.clone() });
    }

    fn open_menu(&mut self, open: bool, refocus: bool) {
        self.phone.menu_open = open;
        self.phone.panel_open = false;
        if !open && refocus {
            self.phone.focus_next = Some(self.phone.menu_button.clone());
        }
    }

    /// A press starts: remembers whether it is a finger or pen, whose selection is left to settle.
    pub(super) fn press(&mut self, touch: bool) {
        self.pointer_down = true;
        self.phone.touch = touch;
    }

    /// The selection changed or a press ended: a mouse's or keyboard's selection is read now, a
    /// finger's once it has stayed the same for `SETTLE_MS`.
    pub(super) fn selection_settling(&mut self, ctx: &Context<Self>) -> bool {
        if !self.phone.touch {
            return self.selection_changed();
        }
        if !self.pointer_down {
            let link = ctx.link().clone();
            self.phone.settle = Some(Timeout::new(SETTLE_MS, move || link.send_message(Msg::Phone(PhoneMsg::Settled))));
        }
        false
    }

    /// After each render: focus what the phone controls moved it to, and keep the passage clear
    /// of the toolbar or editor where they are bottom sheets (touch screens).
    pub(super) fn phone_rendered(&mut self) {
        // In place: focusing a control of the sticky bar would otherwise scroll the page to its top.
        if let Some(target) = self.phone.focus_next.take().and_then(|r| r.cast::<Element>()) {
            focus::focus_in_place(&target);
        }
        let editing = || {
            let first = self.editor.as_ref()?.ids.first()?;
            self.session.store().get(first).map(|a| (a.target.start, a.target.end))
        };
        let (span, panel) = match self.pending {
            Some(p) => (Some((p.start, p.end)), &self.toolbar_ref),
            None => (editing(), &self.editor_ref),
        };
        if span == self.phone.kept_clear {
            return;
        }
        self.phone.kept_clear = span;
        let (Some((start, end)), Some(panel)) = (span, panel.cast::<DomElement>()) else { return };
        let fixed = dom::is_fixed(&panel);
        let Some(range) = self.dom().and_then(|d| d.range(self.session.doc(), start, end)) else { return };
        let covered = range.get_bounding_client_rect().bottom() + HANDLE_ROOM - panel.get_bounding_client_rect().top();
        if fixed && covered > 0.0 {
            dom::scroll_page_by(covered);
        }
    }

    /// Whether the phone layout is on (its bar's quick actions show), with the list in a drawer.
    pub(super) fn phone_layout(&self) -> bool {
        self.phone.panel_button.cast::<DomElement>().is_some_and(|b| b.offset_parent().is_some())
    }

    /// Gives focus back to the menu button when what had it went away with the closed menu.
    pub(super) fn focus_menu_button(&self) -> bool {
        self.phone
            .menu_button
            .cast::<Element>()
            .is_some_and(|b| focus::focus_in_place(&b) && focus::active().as_ref() == Some(&b))
    }
}
