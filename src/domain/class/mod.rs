//! The class view: many students' annotations of one article side by side, with per-passage counts, density strips, a student-by-tag table, agreement and a consensus.
//!
//! Each student is a layer. Which layers are shown is UI state, so every query takes a
//! `visible` slice: student `i` is shown unless `visible[i]` is `false` (a short slice shows the
//! students it does not mention). Files of another article are rejected with the reason, never
//! mixed in.
//!
//! The `class` folder is the teacher's side: students' files read (`import`), their words
//! (`tokens`), agreement figures (`agreement`), answer-key scores (`answer_key`), the layers on
//! the article (`layers`) and the CSV of the figures (`csv`).

pub mod agreement;
pub mod answer_key;
pub mod csv;
pub mod figure_reading;
pub mod grades;
pub mod import;
pub mod layers;
pub mod tokens;
pub mod workspace;

use std::ops::Range;

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::{Builder, Uuid};

use crate::domain::annotation::anchor::describe;
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;
use crate::domain::article::document::{ContentHash, Document};
use crate::domain::class::agreement::{Agreement, Disagreement, LabelTable, PairAgreement};
use crate::domain::class::answer_key::{score_against_key, KeyScore};
use crate::domain::class::tokens::Tokens;
use crate::domain::i18n::{ClassViewTexts, CLASS_VIEW_EN};

/// One student's file: who, which article it claims to annotate (by content hash), and the annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub student: String,
    pub article: ContentHash,
    pub annotations: Vec<Annotation>,
}

/// Why a file was left out of the class view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    /// The file annotates another article (its content hash differs).
    DifferentArticle { found: ContentHash },
    /// The same student's identical file was already loaded.
    Duplicate,
    /// The file could not be read as a Marginalia export.
    Unreadable(String),
}

impl RejectReason {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &ClassViewTexts) -> String {
        match self {
            RejectReason::DifferentArticle { .. } => t.reject_other_article.to_string(),
            RejectReason::Duplicate => t.reject_duplicate.to_string(),
            RejectReason::Unreadable(why) => (t.reject_unreadable)(why),
        }
    }
}

impl std::fmt::Display for RejectReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&CLASS_VIEW_EN))
    }
}

/// A file left out, with the student (or file) name and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub student: String,
    pub reason: RejectReason,
}

/// A student in the class view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Student {
    /// Unique in the view: a second, different file under a name already shown becomes "Name (2)".
    pub name: String,
    pub annotations: Vec<Annotation>,
}

/// A passage over which the count of shown students per tag does not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Code points from the first word's start to the last word's end.
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// For each tag at least one shown student used here: how many did, in tag order.
    pub counts: Vec<(TagId, usize)>,
    /// How many students are shown.
    pub students: usize,
}

impl Passage {
    /// "7 of 12 students tagged this as Claim", one line per tag, with names from `tags`.
    pub fn summaries(&self, tags: &TagSet) -> Vec<String> {
        self.summaries_in(tags, &CLASS_VIEW_EN)
    }

    /// The same lines in the language of `t`.
    pub fn summaries_in(&self, tags: &TagSet, t: &ClassViewTexts) -> Vec<String> {
        self.counts.iter().map(|(tag, n)| (t.passage_summary)(*n, self.students, tags.name_of(tag))).collect()
    }
}

/// One row of the student-by-tag table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// Index of the student in [`ClassView::students`].
    pub student: usize,
    pub name: String,
    /// Annotations with each tag, in [`ClassView::tags`] order (an annotation counts once per tag).
    pub counts: Vec<usize>,
    /// Annotations in all (one with two tags counts once here).
    pub annotations: usize,
}

/// Students by tags with counts, and the column totals, for the shown students.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentTagTable {
    pub tags: Vec<TagId>,
    pub rows: Vec<TableRow>,
    pub totals: Vec<usize>,
    pub annotations: usize,
}

/// A proposed consensus annotation and how strong the consensus is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsensusItem {
    pub annotation: Annotation,
    /// The fewest shown students who tagged any one word of the passage with the tag.
    pub agreeing: usize,
    /// How many students were shown.
    pub students: usize,
}

/// Many students' annotations of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassView {
    article: ContentHash,
    /// The article's length in code points, which the density strip spans.
    len_chars: usize,
    tokens: Tokens,
    tags: Vec<TagId>,
    students: Vec<Student>,
    rejected: Vec<Rejected>,
    labels: LabelTable,
}

impl ClassView {
    /// Builds the view of `doc` from `submissions`, in the order given. The tags are those of
    /// `tags`, then any other tag ids students used, in the order first met.
    pub fn new(doc: &Document, tags: &TagSet, submissions: Vec<Submission>) -> Self {
        let mut students: Vec<Student> = Vec::new();
        // The name each student's file gave, before "(2)" was added, parallel to `students`.
        let mut given: Vec<String> = Vec::new();
        let mut rejected = Vec::new();
        for submission in submissions {
            let name = submission.student.split_whitespace().collect::<Vec<_>>().join(" ");
            let name = if name.is_empty() { format!("Student {}", students.len() + 1) } else { name };
            if &submission.article != doc.hash() {
                let reason = RejectReason::DifferentArticle { found: submission.article };
                rejected.push(Rejected { student: name, reason });
                continue;
            }
            let mut annotations = submission.annotations;
            crate::domain::text::sort::sort_by_key(&mut annotations, |a| (a.target.start, a.target.end, a.id));
            if (0..students.len()).any(|i| given[i] == name && students[i].annotations == annotations) {
                rejected.push(Rejected { student: name, reason: RejectReason::Duplicate });
                continue;
            }
            // Shown names stay unique, even against a file whose own name is "Ana (2)".
            let taken = |candidate: &str| students.iter().any(|s| s.name == candidate);
            let shown_name = std::iter::once(name.clone())
                .chain((2..).map(|n| format!("{name} ({n})")))
                .find(|candidate| !taken(candidate))
                .unwrap_or_else(|| name.clone());
            given.push(name);
            students.push(Student { name: shown_name, annotations });
        }
        let mut tag_ids: Vec<TagId> = tags.tags.iter().map(|t| t.id.clone()).collect();
        for tag in students.iter().flat_map(|s| s.annotations.iter().flat_map(|a| a.tags.iter())) {
            if !tag_ids.contains(tag) {
                tag_ids.push(tag.clone());
            }
        }
        let tokens = Tokens::new(doc);
        let raters: Vec<&[Annotation]> = students.iter().map(|s| s.annotations.as_slice()).collect();
        let labels = LabelTable::new(&tokens, &raters, &tag_ids);
        ClassView {
            article: doc.hash().clone(),
            len_chars: doc.len_chars(),
            tokens,
            tags: tag_ids,
            students,
            rejected,
            labels,
        }
    }

    pub fn article(&self) -> &ContentHash {
        &self.article
    }

    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    /// The tags the view counts, in order.
    pub fn tags(&self) -> &[TagId] {
        &self.tags
    }

    pub fn students(&self) -> &[Student] {
        &self.students
    }

    /// The files left out, with the reason.
    pub fn rejected(&self) -> &[Rejected] {
        &self.rejected
    }

    /// The per-token labels every figure is computed from.
    pub fn labels(&self) -> &LabelTable {
        &self.labels
    }

    /// Indices of the shown students.
    pub fn shown(&self, visible: &[bool]) -> Vec<usize> {
        (0..self.students.len()).filter(|&i| visible.get(i).copied().unwrap_or(true)).collect()
    }

    fn counts_at(&self, token: usize, shown: &[usize]) -> Vec<usize> {
        (0..self.tags.len()).map(|t| self.labels.count(t, token, shown)).collect()
    }

    fn passage(&self, tokens: Range<usize>, counts: &[usize], students: usize) -> Option<Passage> {
        let (start, end) = self.tokens.span(tokens.clone())?;
        let counts: Vec<(TagId, usize)> =
            self.tags.iter().cloned().zip(counts.iter().copied()).filter(|(_, n)| *n > 0).collect();
        (!counts.is_empty()).then_some(Passage { start, end, tokens, counts, students })
    }

    /// Every stretch of the article some shown student tagged, in article order: maximal runs of
    /// words that at least one shown student tagged with any tag. Each counts, per tag, the shown
    /// students who used that tag on any of its words, so overlapping answers of different lengths
    /// make one passage rather than a fragment per change in the counts (the disagreements list
    /// is where the words the class split on are kept apart).
    pub fn passages(&self, visible: &[bool]) -> Vec<Passage> {
        let shown = self.shown(visible);
        let tagged = |token: usize| (0..self.tags.len()).any(|t| self.labels.count(t, token, &shown) > 0);
        let mut passages = Vec::new();
        let mut token = 0;
        while token < self.tokens.len() {
            if !tagged(token) {
                token += 1;
                continue;
            }
            let mut end = token + 1;
            while end < self.tokens.len() && tagged(end) {
                end += 1;
            }
            let counts: Vec<usize> = (0..self.tags.len())
                .map(|t| shown.iter().filter(|&&r| self.labels.labels(t, r)[token..end].contains(&true)).count())
                .collect();
            passages.extend(self.passage(token..end, &counts, shown.len()));
            token = end;
        }
        passages
    }

    /// The passage at code point `cp` (for a hover or click), if a shown student tagged the word there.
    pub fn passage_at(&self, cp: usize, visible: &[bool]) -> Option<Passage> {
        let shown = self.shown(visible);
        let token = self.tokens.at(cp)?;
        let counts = self.counts_at(token, &shown);
        let mut start = token;
        while start > 0 && self.counts_at(start - 1, &shown) == counts {
            start -= 1;
        }
        let mut end = token + 1;
        while end < self.tokens.len() && self.counts_at(end, &shown) == counts {
            end += 1;
        }
        self.passage(start..end, &counts, shown.len())
    }

    /// The density strip of `tag`: the article cut into `buckets` equal stretches of code points;
    /// each value is the share of (words starting in the stretch × shown students) where the
    /// student tagged the word with `tag`, from 0 to 1 (0 where a stretch has no word).
    pub fn density(&self, tag: &TagId, buckets: usize, visible: &[bool]) -> Vec<f64> {
        let shown = self.shown(visible);
        let Some(t) = self.tags.iter().position(|x| x == tag) else { return vec![0.0; buckets] };
        let len = self.len_chars.max(1);
        let (mut marks, mut slots) = (vec![0usize; buckets], vec![0usize; buckets]);
        for (i, token) in self.tokens.as_slice().iter().enumerate() {
            let bucket = (token.start * buckets / len).min(buckets.saturating_sub(1));
            if let (Some(m), Some(s)) = (marks.get_mut(bucket), slots.get_mut(bucket)) {
                *m += self.labels.count(t, i, &shown);
                *s += shown.len();
            }
        }
        marks.iter().zip(&slots).map(|(&m, &s)| if s == 0 { 0.0 } else { m as f64 / s as f64 }).collect()
    }

    /// Shown students by tags, with annotation counts and totals.
    pub fn table(&self, visible: &[bool]) -> StudentTagTable {
        let rows: Vec<TableRow> = self
            .shown(visible)
            .into_iter()
            .map(|i| {
                let student = &self.students[i];
                let counts =
                    self.tags.iter().map(|tag| student.annotations.iter().filter(|a| a.has_tag(tag)).count()).collect();
                TableRow { student: i, name: student.name.clone(), counts, annotations: student.annotations.len() }
            })
            .collect();
        let totals = (0..self.tags.len()).map(|t| rows.iter().map(|r| r.counts[t]).sum()).collect();
        let annotations = rows.iter().map(|r| r.annotations).sum();
        StudentTagTable { tags: self.tags.clone(), rows, totals, annotations }
    }

    /// The shown students' agreement as a class: Fleiss' kappa and mean pairwise agreement.
    pub fn agreement(&self, visible: &[bool]) -> Agreement {
        self.labels.class(&self.shown(visible))
    }

    /// Cohen's kappa and percent agreement for every pair of shown students.
    pub fn pairs(&self, visible: &[bool]) -> Vec<PairAgreement> {
        self.labels.pairs(&self.shown(visible))
    }

    /// Passages where the shown students split on a tag, the most divided first (those where the
    /// taggers are closest to half the class), then in article order: a teacher reads the
    /// passages worth a discussion at the top, not the ones one student tagged alone.
    pub fn disagreements(&self, visible: &[bool]) -> Vec<Disagreement> {
        let mut found = self.labels.disagreements(&self.tokens, &self.shown(visible));
        crate::domain::text::sort::sort_by_key(&mut found, |d| {
            (d.tagged_by.len().abs_diff(d.raters - d.tagged_by.len()), d.start)
        });
        found
    }

    /// Each shown student's precision, recall and F1 against the answer key `key`.
    pub fn scores(&self, key: &[Annotation], visible: &[bool]) -> Vec<(usize, KeyScore)> {
        self.shown(visible)
            .into_iter()
            .map(|i| (i, score_against_key(&self.tokens, &self.students[i].annotations, key, &self.tags)))
            .collect()
    }

    /// The consensus: for each tag, every maximal run of words that at least `k` shown students
    /// (`k` of 0 counts as 1) tagged with it becomes one annotation with that tag, in article
    /// order. `doc` must be the article the view was built from; ids are derived from the article,
    /// tag and span, so the same consensus always gets the same ids.
    pub fn consensus(
        &self,
        doc: &Document,
        k: usize,
        visible: &[bool],
        author: &str,
        at: OffsetDateTime,
    ) -> Vec<ConsensusItem> {
        debug_assert_eq!(doc.hash(), &self.article, "consensus of another article");
        let shown = self.shown(visible);
        let k = k.max(1);
        let mut items = Vec::new();
        for (t, tag) in self.tags.iter().enumerate() {
            let count = |token| self.labels.count(t, token, &shown);
            let mut token = 0;
            while token < self.tokens.len() {
                if count(token) < k {
                    token += 1;
                    continue;
                }
                let mut end = token + 1;
                while end < self.tokens.len() && count(end) >= k {
                    end += 1;
                }
                let agreeing = (token..end).map(count).min().unwrap_or(0);
                if let Some((start, stop)) = self.tokens.span(token..end) {
                    let annotation = Annotation {
                        id: consensus_id(&self.article, tag, start, stop),
                        target: describe(doc, start, stop),
                        tags: vec![tag.clone()],
                        note: format!("{agreeing} of {} students tagged every word of this.", shown.len()),
                        author: author.to_string(),
                        created: at,
                        modified: at,
                    };
                    items.push(ConsensusItem { annotation, agreeing, students: shown.len() });
                }
                token = end;
            }
        }
        crate::domain::text::sort::sort_by_key(&mut items, |i| {
            (i.annotation.target.start, i.annotation.target.end, i.annotation.id)
        });
        items
    }
}

/// A UUID (version 8, "custom") from the SHA-256 of the article, tag and span: deterministic,
/// so exporting the same consensus twice gives the same ids and an import merges instead of duplicating.
pub fn consensus_id(article: &ContentHash, tag: &TagId, start: usize, end: usize) -> Uuid {
    let digest = Sha256::digest(format!("marginalia/consensus\n{}\n{}\n{start}\n{end}", article.0, tag.0).as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Builder::from_custom_bytes(bytes).into_uuid()
}
