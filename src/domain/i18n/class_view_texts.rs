//! `ClassViewTexts`: the class view's own texts, apart from `Texts` so that only the second module (which shows the class view) links them.

use std::ops::Deref;

use super::Texts;

/// The class view's texts in one language, with the app's shared texts (`base`) reached through
/// it as through a `&Texts`.
#[derive(Debug)]
pub struct ClassViewTexts {
    /// The rest of the language's texts.
    pub base: &'static Texts,
    pub class_intro: fn(&str) -> String,
    pub add_student_files: &'static str,
    pub student_files: &'static str,
    pub no_student_files: &'static str,
    pub files_left_out: fn(usize) -> String,
    pub students_shown: fn(usize, usize) -> String,
    pub students_by_tag: &'static str,
    pub student: &'static str,
    pub total: &'static str,
    pub download_csv: &'static str,
    pub of_students_by_tag: &'static str,
    pub scores_heading: &'static str,
    pub key_has: fn(usize) -> String,
    pub overall: &'static str,
    pub precision: &'static str,
    pub recall: &'static str,
    pub same_student: &'static str,
    pub agreement_heading: &'static str,
    pub tag: &'static str,
    pub percent_agreement: &'static str,
    pub fleiss_kappa: &'static str,
    pub of_agreement_figures: &'static str,
    pub cohen_pairs: &'static str,
    pub student_colours: &'static str,
    pub class_on_article: &'static str,
    pub colour_marks: &'static str,
    pub colour_by_tag: &'static str,
    pub colour_by_student: &'static str,
    pub layer_article: &'static str,
    pub density_heading: &'static str,
    pub density_intro: &'static str,
    pub density_none: fn(&str) -> String,
    /// "first", "second", "third", "last" (quarter of the article).
    pub quarters: [&'static str; 4],
    pub density_most: fn(&str, &str, f64) -> String,
    pub passages: fn(usize) -> String,
    pub more_not_listed: fn(usize) -> String,
    pub disagreements: fn(usize) -> String,
    /// A disagreement: its summary, who tagged the words and who did not.
    pub tagged_by: fn(&str, &str, &str) -> String,
    pub consensus: &'static str,
    pub at_least_before: &'static str,
    pub at_least_after: &'static str,
    pub consensus_passages: &'static str,
    pub of_students: fn(usize, usize) -> String,
    pub passages_kept: fn(usize, usize) -> String,
    pub export_consensus: &'static str,
    pub undefined: fn(&str) -> String,
    pub reject_other_article: &'static str,
    pub reject_duplicate: &'static str,
    pub reject_unreadable: fn(&str) -> String,
    /// Why a figure is undefined, in the order of `agreement::Undefined`'s variants.
    pub undefined_reasons: [&'static str; 9],
    /// "7 of 12 students tagged this as Claim": (tagged, shown students, tag).
    pub passage_summary: fn(usize, usize, &str) -> String,
    /// "2 of 3 students: Claim (Ana, Ben)": (students here, shown students, tags and names).
    pub layer_title: fn(usize, usize, &str) -> String,
    /// "2 of 3 tagged this as Claim": (students who did, students, tag).
    pub disagreement_summary: fn(usize, usize, &str) -> String,
    /// "Ben's file holds annotations by several people: Ana (2), Ben (1)." (the file's student, the authors).
    pub several_authors: fn(&str, &str) -> String,
}

impl Deref for ClassViewTexts {
    type Target = Texts;

    fn deref(&self) -> &Texts {
        self.base
    }
}
