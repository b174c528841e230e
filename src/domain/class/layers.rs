//! The class on the article: each block's text cut at every boundary of the shown students'
//! annotations, each piece carrying the (student, tag) marks that cover it, for drawing the
//! layers over the article's paragraphs.

use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::article::document::Document;
use crate::domain::class::Student;
use crate::domain::i18n::{ClassViewTexts, CLASS_VIEW_EN};

/// A piece of one block over which the same marks apply, in document code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerSegment {
    pub start: usize,
    pub end: usize,
    /// (student index, tag) for every shown student's annotation tag covering the piece, sorted.
    pub marks: Vec<(usize, TagId)>,
}

impl LayerSegment {
    /// The distinct students who marked the piece, in index order.
    pub fn students(&self) -> Vec<usize> {
        let mut students: Vec<usize> = self.marks.iter().map(|(s, _)| *s).collect();
        students.dedup();
        students
    }

    /// The tag most marks carry; ties go to the tag first in `order` (then unknown tags by id).
    pub fn main_tag(&self, order: &[TagId]) -> Option<TagId> {
        let rank = |t: &TagId| order.iter().position(|o| o == t).unwrap_or(usize::MAX);
        let mut best: Option<(usize, &TagId)> = None;
        for (_, tag) in &self.marks {
            let n = self.marks.iter().filter(|(_, t)| t == tag).count();
            let better = match best {
                None => true,
                Some((bn, bt)) => n > bn || (n == bn && (rank(tag), tag) < (rank(bt), bt)),
            };
            if better {
                best = Some((n, tag));
            }
        }
        best.map(|(_, t)| t.clone())
    }

    /// "2 of 3 students: Claim (Ana, Ben); Quote (Ana)", tags in `order`, names from `names`.
    pub fn title(&self, shown: usize, names: &[String], tags: &TagSet, order: &[TagId]) -> String {
        self.title_in(shown, names, tags, order, &CLASS_VIEW_EN)
    }

    /// The same title in the language of `t`.
    pub fn title_in(
        &self,
        shown: usize,
        names: &[String],
        tags: &TagSet,
        order: &[TagId],
        t: &ClassViewTexts,
    ) -> String {
        let mut used: Vec<&TagId> = Vec::new();
        for (_, tag) in &self.marks {
            if !used.contains(&tag) {
                used.push(tag);
            }
        }
        let rank = |t: &TagId| order.iter().position(|o| o == t).unwrap_or(usize::MAX);
        crate::domain::text::sort::sort_by_key(&mut used, |t| (rank(t), (*t).clone()));
        let parts: Vec<String> = used
            .iter()
            .map(|tag| {
                let who: Vec<&str> = self
                    .marks
                    .iter()
                    .filter(|(_, t)| t == *tag)
                    .filter_map(|(s, _)| names.get(*s).map(String::as_str))
                    .collect();
                format!("{} ({})", tags.name_of(tag), who.join(", "))
            })
            .collect();
        (t.layer_title)(self.students().len(), shown, &parts.join("; "))
    }
}

/// For each block of `doc`, its pieces in order, covering the block exactly: cut at every start
/// and end of the `shown` students' annotations, each with the marks covering it.
pub fn segments(doc: &Document, students: &[Student], shown: &[usize]) -> Vec<Vec<LayerSegment>> {
    let spans: Vec<(usize, usize, usize, &TagId)> = shown
        .iter()
        .filter_map(|&s| students.get(s).map(|st| (s, st)))
        .flat_map(|(s, st)| {
            st.annotations
                .iter()
                .filter(|a| a.target.start < a.target.end)
                .flat_map(move |a| a.tags.iter().map(move |t| (a.target.start, a.target.end, s, t)))
        })
        .collect();
    doc.blocks()
        .iter()
        .map(|block| {
            let mut cuts = vec![block.start, block.end];
            for &(start, end, _, _) in &spans {
                for cut in [start, end] {
                    if cut > block.start && cut < block.end {
                        cuts.push(cut);
                    }
                }
            }
            cuts.sort_unstable();
            cuts.dedup();
            cuts.windows(2)
                .map(|w| {
                    let (start, end) = (w[0], w[1]);
                    let mut marks: Vec<(usize, TagId)> = spans
                        .iter()
                        .filter(|(s, e, _, _)| *s <= start && *e >= end)
                        .map(|(_, _, student, tag)| (*student, (*tag).clone()))
                        .collect();
                    crate::domain::text::sort::sort_by(&mut marks, Ord::cmp);
                    marks.dedup();
                    LayerSegment { start, end, marks }
                })
                .collect()
        })
        .collect()
}
