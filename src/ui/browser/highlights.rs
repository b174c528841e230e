//! Paints annotations with the CSS Custom Highlight API: one Highlight per tag plus overlap, active, flash and pending, with no DOM changes.
//!
//! Each change adds or deletes only the ranges of the annotation it touches (and of the
//! intersections with annotations it overlaps), so painting cost follows the size of the change.
//! Only the annotations near the viewport are registered (`domain::annotation::in_view`): Chromium
//! revalidates every registered range when any highlight changes, so painting all 10,000 made
//! each new selection and each new highlight cost 50-230 ms.

use std::collections::HashMap;

use uuid::Uuid;
use wasm_bindgen::prelude::*;
use web_sys::StaticRange as Range;

use super::dom_text::DomText;
use super::viewport;
use crate::domain::annotation::in_view::{self, BlockSpan, InView};
use crate::domain::annotation::store::{Change, Store};
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::Document;

#[wasm_bindgen]
extern "C" {
    /// A set of ranges painted with one `::highlight(name)` style.
    #[wasm_bindgen(js_name = Highlight)]
    #[derive(Clone)]
    type JsHighlight;

    #[wasm_bindgen(constructor, js_class = "Highlight", catch)]
    fn new() -> Result<JsHighlight, JsValue>;

    #[wasm_bindgen(method, js_class = "Highlight")]
    fn add(this: &JsHighlight, range: &Range);

    #[wasm_bindgen(method, js_class = "Highlight", js_name = delete)]
    fn remove(this: &JsHighlight, range: &Range) -> bool;

    #[wasm_bindgen(method, js_class = "Highlight")]
    fn clear(this: &JsHighlight);

    #[wasm_bindgen(method, setter, js_class = "Highlight")]
    fn set_priority(this: &JsHighlight, priority: i32);

    /// `CSS.highlights`, the registry that connects highlight names to Highlight objects.
    type HighlightRegistry;

    #[wasm_bindgen(method, js_name = set)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &JsHighlight);

    #[wasm_bindgen(method, js_name = delete)]
    fn unregister(this: &HighlightRegistry, name: &str) -> bool;
}

/// The highlight name for tag number `index` in the tag set; the stylesheet styles these names.
pub fn tag_highlight_name(index: usize) -> String {
    format!("mg-tag-{index}")
}

/// Highlights shared by all tags.
pub const OVERLAP: &str = "mg-overlap";
pub const ACTIVE: &str = "mg-active";
pub const FLASH: &str = "mg-flash";
pub const PENDING: &str = "mg-pending";
/// For tags the tag set does not know (from an older or foreign file).
pub const UNKNOWN_TAG: &str = "mg-tag-unknown";

/// Paints annotations of one document; owns its Highlight objects and the ranges it added.
pub struct Painter {
    dom: DomText,
    registry: HighlightRegistry,
    by_tag: HashMap<TagId, JsHighlight>,
    unknown: JsHighlight,
    overlap: JsHighlight,
    active: JsHighlight,
    flash: JsHighlight,
    pending: JsHighlight,
    /// Ranges added for each annotation, with the highlight each went into.
    painted: HashMap<Uuid, Vec<(Option<TagId>, Range)>>,
    /// Intersection ranges in the overlap highlight, by the pair of annotations they belong to.
    intersections: HashMap<(Uuid, Uuid), Range>,
    overlapping: HashMap<Uuid, Vec<Uuid>>,
    /// The stretch whose annotations are painted, and the blocks it was measured as.
    in_view: InView,
    blocks: Option<BlockSpan>,
}

/// Screens above and below the viewport that must be painted before the painted stretch moves,
/// and the screens the moved stretch then covers: about one move per screen scrolled.
const NEEDED_MARGIN: f64 = 0.5;
const WIDE_MARGIN: f64 = 1.5;

/// True when this browser has the CSS Custom Highlight API.
pub fn supported() -> bool {
    registry().is_some()
}

fn registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let highlights = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!highlights.is_undefined() && !highlights.is_null()).then(|| highlights.unchecked_into())
}

impl Painter {
    /// Registers the highlights for `tags`; `None` where the browser lacks the Highlight API.
    pub fn new(dom: DomText, tags: &TagSet) -> Option<Self> {
        let registry = registry()?;
        let make = |name: &str, priority: i32| -> Option<JsHighlight> {
            let highlight = JsHighlight::new().ok()?;
            highlight.set_priority(priority);
            registry.set(name, &highlight);
            Some(highlight)
        };
        let mut by_tag = HashMap::new();
        for (index, tag) in tags.tags.iter().enumerate() {
            by_tag.insert(tag.id.clone(), make(&tag_highlight_name(index), 1)?);
        }
        Some(Painter {
            unknown: make(UNKNOWN_TAG, 1)?,
            overlap: make(OVERLAP, 2)?,
            pending: make(PENDING, 3)?,
            active: make(ACTIVE, 4)?,
            flash: make(FLASH, 5)?,
            dom,
            registry,
            by_tag,
            painted: HashMap::new(),
            intersections: HashMap::new(),
            overlapping: HashMap::new(),
            in_view: InView::Nothing,
            blocks: None,
        })
    }

    pub fn dom(&self) -> &DomText {
        &self.dom
    }

    /// Paints the annotations in and near the viewport, as on first load and after a scroll or a
    /// resize; does nothing while the painted stretch still covers what the reader can reach soon.
    pub fn follow_viewport(&mut self, doc: &Document, store: &Store) {
        let count = doc.blocks().len();
        let Some(needed) = viewport::blocks_near(&self.dom, count, NEEDED_MARGIN) else {
            return self.show(doc, store, InView::Everything);
        };
        let wide = viewport::blocks_near(&self.dom, count, WIDE_MARGIN).unwrap_or(needed);
        let span = in_view::next_span(self.blocks, needed, wide);
        if Some(span) != self.blocks {
            self.blocks = Some(span);
            self.show(doc, store, InView::of_blocks(doc, span.0, span.1));
        }
    }

    /// Paints `store` afresh (its annotations were read after the painter was made).
    pub fn repaint(&mut self, doc: &Document, store: &Store) {
        let ids: Vec<Uuid> = self.painted.keys().copied().collect();
        for id in ids {
            self.remove(&id);
        }
        self.in_view = InView::Nothing;
        self.blocks = None;
        self.follow_viewport(doc, store);
    }

    /// Paints every annotation (for printing); the next `follow_viewport` narrows it again.
    pub fn paint_everything(&mut self, doc: &Document, store: &Store) {
        self.blocks = None;
        self.show(doc, store, InView::Everything);
    }

    /// Moves the painted stretch to `to`: takes out the annotations that leave it, adds those that enter.
    fn show(&mut self, doc: &Document, store: &Store, to: InView) {
        let (leave, enter) = in_view::moves(store, self.in_view, to);
        for id in leave {
            self.remove(&id);
        }
        for annotation in enter {
            if !self.painted.contains_key(&annotation.id) {
                self.add(doc, store, annotation);
            }
        }
        self.in_view = to;
    }

    /// Repaints what one change touched; `store` must already hold the change's result.
    pub fn apply(&mut self, doc: &Document, store: &Store, change: &Change) {
        let same_paint = match (&change.before, &change.after) {
            (Some(b), Some(a)) => b.tags == a.tags && b.target.start == a.target.start && b.target.end == a.target.end,
            _ => false,
        };
        if same_paint {
            return;
        }
        if let Some(before) = &change.before {
            self.remove(&before.id);
        }
        if let Some(after) = change.after.as_ref().filter(|a| self.in_view.shows(a.target.start, a.target.end)) {
            self.add(doc, store, after);
        }
    }

    /// Marks the annotations being edited.
    pub fn set_active(&self, doc: &Document, spans: &[(usize, usize)]) {
        self.set_only(&self.active, doc, spans);
    }

    /// Shows the snapped selection that a tag button would annotate.
    pub fn set_pending(&self, doc: &Document, span: Option<(usize, usize)>) {
        self.set_only(&self.pending, doc, span.as_slice());
    }

    /// Flashes a passage, clearing it after a moment.
    pub fn flash(&self, doc: &Document, start: usize, end: usize) {
        self.set_only(&self.flash, doc, &[(start, end)]);
        let flash = self.flash.clone();
        gloo::timers::callback::Timeout::new(1_200, move || flash.clear()).forget();
    }

    fn set_only(&self, highlight: &JsHighlight, doc: &Document, spans: &[(usize, usize)]) {
        highlight.clear();
        for &(start, end) in spans {
            if let Some(range) = self.dom.static_range(doc, start, end) {
                highlight.add(&range);
            }
        }
    }

    fn add(&mut self, doc: &Document, store: &Store, annotation: &Annotation) {
        let (start, end) = (annotation.target.start, annotation.target.end);
        let mut ranges = Vec::with_capacity(annotation.tags.len());
        for tag in &annotation.tags {
            let Some(range) = self.dom.static_range(doc, start, end) else { continue };
            let known = self.by_tag.get(tag);
            known.unwrap_or(&self.unknown).add(&range);
            ranges.push((known.map(|_| tag.clone()), range));
        }
        // Only pairs with an annotation already painted: painting all of them meets every pair
        // twice, and a second intersection range would stay behind when either is removed.
        for other in store.overlapping(start, end) {
            if other.id == annotation.id || !self.painted.contains_key(&other.id) {
                continue;
            }
            let (s, e) = (start.max(other.target.start), end.min(other.target.end));
            if let Some(range) = self.dom.static_range(doc, s, e) {
                self.overlap.add(&range);
                self.intersections.insert(pair(annotation.id, other.id), range);
                self.overlapping.entry(annotation.id).or_default().push(other.id);
                self.overlapping.entry(other.id).or_default().push(annotation.id);
            }
        }
        self.painted.insert(annotation.id, ranges);
    }

    fn remove(&mut self, id: &Uuid) {
        for (tag, range) in self.painted.remove(id).unwrap_or_default() {
            tag.and_then(|t| self.by_tag.get(&t)).unwrap_or(&self.unknown).remove(&range);
        }
        for other in self.overlapping.remove(id).unwrap_or_default() {
            if let Some(range) = self.intersections.remove(&pair(*id, other)) {
                self.overlap.remove(&range);
            }
            if let Some(list) = self.overlapping.get_mut(&other) {
                list.retain(|x| x != id);
            }
        }
    }
}

impl Drop for Painter {
    fn drop(&mut self) {
        for name in [UNKNOWN_TAG, OVERLAP, ACTIVE, FLASH, PENDING] {
            self.registry.unregister(name);
        }
        for index in 0..self.by_tag.len() {
            self.registry.unregister(&tag_highlight_name(index));
        }
    }
}

fn pair(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}
