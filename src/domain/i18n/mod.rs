//! The UI's words in one place: the languages Marginalia speaks, how the browser's preference picks one, and one `Texts` table per language.

pub mod agreement_help;
mod assignment;
mod caret;
mod class_files;
mod class_texts;
mod class_view_en;
mod class_view_es;
mod class_view_texts;
mod en;
mod es;
mod es_help;
mod export_kinds;
mod hand_in;
mod key_mode;
mod phone;
mod presets;
mod report;
mod texts;

pub use assignment::{AssignmentTexts, ASSIGNMENT_EN, ASSIGNMENT_ES};
pub use caret::{CaretTexts, CARET_EN, CARET_ES};
pub use class_files::{ClassFilesTexts, ClassPageTexts, CLASS_FILES_EN, CLASS_FILES_ES, CLASS_PAGE_EN, CLASS_PAGE_ES};
pub use class_texts::{ClassTexts, Found, CLASS_EN, CLASS_ES};
pub use class_view_en::CLASS_VIEW_EN;
pub use class_view_es::CLASS_VIEW_ES;
pub use class_view_texts::ClassViewTexts;
pub use en::EN;
pub use es::ES;
pub use export_kinds::{ExportKinds, EXPORT_KINDS_EN, EXPORT_KINDS_ES};
pub use hand_in::{HandInTexts, HAND_IN_EN, HAND_IN_ES};
pub use key_mode::{KeyModeTexts, KEY_MODE_EN, KEY_MODE_ES};
pub use phone::{PhoneTexts, PHONE_EN, PHONE_ES};
pub use presets::{PresetTexts, PRESETS_EN, PRESETS_ES};
pub use report::{ReportTexts, REPORT_EN, REPORT_ES};
pub use texts::Texts;

/// A language the UI is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// Every language, in the order the settings list them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, for `<html lang>` and for storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's own name, which is how a reader of that language recognises it.
    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The language a stored code or a browser tag (`es`, `es-MX`, `ES_419`) names, if Marginalia has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first language in the browser's preference order (`navigator.languages`) that
    /// Marginalia has; English when none is.
    pub fn from_browser_tags(tags: &[String]) -> Lang {
        tags.iter().find_map(|t| Lang::from_tag(t)).unwrap_or_default()
    }

    /// This language's texts of the class view's kept files, notes and grades (its module only).
    pub fn class_files(self) -> &'static ClassFilesTexts {
        match self {
            Lang::En => &CLASS_FILES_EN,
            Lang::Es => &CLASS_FILES_ES,
        }
    }

    /// This language's texts of the app's "Back to the class view" bar.
    pub fn class_page(self) -> &'static ClassPageTexts {
        match self {
            Lang::En => &CLASS_PAGE_EN,
            Lang::Es => &CLASS_PAGE_ES,
        }
    }

    /// This language's texts of key mode (the answer key edited on the article).
    pub fn key_mode(self) -> &'static KeyModeTexts {
        match self {
            Lang::En => &KEY_MODE_EN,
            Lang::Es => &KEY_MODE_ES,
        }
    }

    /// This language's words of the reports for people (Markdown, HTML).
    pub fn report(self) -> &'static ReportTexts {
        match self {
            Lang::En => &REPORT_EN,
            Lang::Es => &REPORT_ES,
        }
    }

    /// This language's texts of handing work in and of shared computers.
    pub fn hand_in(self) -> &'static HandInTexts {
        match self {
            Lang::En => &HAND_IN_EN,
            Lang::Es => &HAND_IN_ES,
        }
    }

    /// This language's label and description of each export, in `ExportKind::ALL` order.
    pub fn export_kinds(self) -> &'static ExportKinds {
        match self {
            Lang::En => &EXPORT_KINDS_EN,
            Lang::Es => &EXPORT_KINDS_ES,
        }
    }

    /// This language's texts of the keyboard caret.
    pub fn caret(self) -> &'static CaretTexts {
        match self {
            Lang::En => &CARET_EN,
            Lang::Es => &CARET_ES,
        }
    }

    /// This language's texts of the phone layout.
    pub fn phone(self) -> &'static PhoneTexts {
        match self {
            Lang::En => &PHONE_EN,
            Lang::Es => &PHONE_ES,
        }
    }

    /// This language's texts of readings, scores and the answer key in the class view.
    pub fn class_texts(self) -> &'static ClassTexts {
        match self {
            Lang::En => &CLASS_EN,
            Lang::Es => &CLASS_ES,
        }
    }

    /// This language's texts of a teacher's assignment: instructions and the answer key she keeps.
    pub fn assignment(self) -> &'static AssignmentTexts {
        match self {
            Lang::En => &ASSIGNMENT_EN,
            Lang::Es => &ASSIGNMENT_ES,
        }
    }

    /// This language's texts of tag-set presets.
    pub fn presets(self) -> &'static PresetTexts {
        match self {
            Lang::En => &PRESETS_EN,
            Lang::Es => &PRESETS_ES,
        }
    }

    /// The definitions of the class view's figures, in `agreement_help::AGREEMENT_HELP`'s sections
    /// and order (not in `Texts`: only the second module links them, and the help asks it for them).
    pub fn agreement_help(self) -> &'static [agreement_help::HelpSection] {
        match self {
            Lang::En => agreement_help::AGREEMENT_HELP,
            Lang::Es => es_help::AYUDA_CONCORDANCIA,
        }
    }

    /// This language's texts of the class view, with its table of texts behind them (only the
    /// second module, which shows the class view, links these).
    pub fn class_view_texts(self) -> &'static ClassViewTexts {
        match self {
            Lang::En => &CLASS_VIEW_EN,
            Lang::Es => &CLASS_VIEW_ES,
        }
    }

    /// This language's table of texts.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }
}

/// "1 annotation", "2 annotations": both languages use the singular for exactly one only.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Tag keys as a list: "o for Opinion, q for Quote or 3 for Evidence" (`for` and `or` in the
/// language of the sentence; Spanish "o" before a word starting with "o" stays "o": keys are read
/// as letters).
pub fn key_list(keys: &[(char, &str)], for_word: &str, or_word: &str) -> String {
    let items: Vec<String> = keys.iter().map(|(key, name)| format!("{key} {for_word} {name}")).collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {or_word} {last}", rest.join(", ")),
    }
}
