//! One student's annotations with their notes in article order, in place of the class (printable on its own), with a way back to the same place in the class.

use super::*;
use crate::domain::class::workspace::in_article_order;
use crate::ui::browser::{dom, focus};

impl ClassViewPanel {
    /// Shows student `student`'s notes (remembering where the class was scrolled), or the class again.
    pub(super) fn show_student(&mut self, student: Option<usize>) -> bool {
        let panel = self.panel_ref.cast::<dom::Element>();
        let scroll = panel.as_ref().map_or(0, |p| p.scroll_top());
        let back_from = self.student;
        self.student = student.map(|i| (i, scroll));
        self.restore_scroll = Some(match (student, back_from) {
            (Some(_), _) => (0, "#student-notes".to_string()),
            (None, Some((i, top))) => (top, format!("#student-notes-{i}")),
            (None, None) => return false,
        });
        true
    }

    /// After switching between the class and a student: the scroll position, and focus on the new page's heading.
    pub(super) fn after_student_switch(&mut self) {
        let Some((top, target)) = self.restore_scroll.take() else { return };
        if let Some(panel) = self.panel_ref.cast::<dom::Element>() {
            panel.set_scroll_top(top);
            if let Some(element) = panel.query_selector(&target).ok().flatten() {
                focus::focus_in_place(&element);
            }
        }
    }

    pub(super) fn view_student(&self, ctx: &Context<Self>, index: usize) -> Html {
        let Some(student) = self.view.students().get(index) else { return html! {} };
        let ft = lang(ctx).class_files();
        let rows = in_article_order(&student.annotations, |tag| self.tag_name(tag));
        let items = rows.iter().map(|row| {
            let on_open = ctx.props().on_open_passage.clone();
            let (start, end) = (row.start, row.end);
            let note = if row.note.trim().is_empty() {
                html! { <p class="note-text no-note">{ft.no_note}</p> }
            } else {
                html! { <p class="note-text" dir="auto">{row.note.to_string()}</p> }
            };
            html! {
                <li class="note-row">
                    <p class="note-tags">{row.tags.join(", ")}</p>
                    <blockquote class="note-quote" dir="auto">{row.quote.to_string()}</blockquote>
                    { note }
                    <button type="button" class="passage-link no-print" onclick={move |_| on_open.emit((start, end))}>{ft.show_in_article}</button>
                </li>
            }
        });
        html! {
            <section class="student-notes" aria-labelledby="student-notes">
                <h3 id="student-notes" tabindex="-1">{(ft.student_heading)(&student.name, rows.len())}</h3>
                <p class="storage-used">{ctx.props().doc.title().to_string()}</p>
                <ol class="note-rows">{ for items }</ol>
            </section>
        }
    }
}
