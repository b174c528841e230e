//! The class view's grades: with an answer key, each student's key passages found, extra passages, precision, recall and F1 per tag, as a CSV the teacher downloads (`domain::class::grades`).

use super::*;
use crate::domain::class::grades::{grade_rows, grades_csv};

impl ClassViewPanel {
    pub(super) fn view_grades(&self, ctx: &Context<Self>) -> Html {
        if ctx.props().answer_key.is_none() {
            return html! {};
        }
        let ft = lang(ctx).class_files();
        html! {
            <section class="class-block no-print" aria-labelledby="class-grades">
                <h3 id="class-grades">{ft.grades}</h3>
                <p class="storage-used">{ft.grades_intro}</p>
                <button type="button" onclick={ctx.link().callback(|_| ClassMsg::DownloadGrades)}>{ft.download_grades}</button>
            </section>
        }
    }

    pub(super) fn download_grades(&mut self, ctx: &Context<Self>) -> bool {
        let Some(key) = ctx.props().answer_key.clone() else { return false };
        let (t, ft) = (texts(ctx), lang(ctx).class_files());
        let scores = self.view.scores(&key, &self.visible);
        let csv = grades_csv(&grade_rows(&scores, self.view.students(), &self.tags), ft.grades_header, t.overall);
        self.save(ctx, &format!("{}-grades.csv", self.stem(ctx)), "text/csv;charset=utf-8", &csv)
    }
}
