//! Native tests of the UI's texts: language negotiation, plurals, complete and consistent tables, and a scan of the UI code for English left outside them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use marginalia::domain::i18n::{ClassViewTexts, Lang, CLASS_VIEW_EN, CLASS_VIEW_ES, EN, ES};

#[test]
fn the_browser_preference_picks_the_first_language_marginalia_has() {
    let cases: &[(&[&str], Lang)] = &[
        (&[], Lang::En),
        (&["en-US"], Lang::En),
        (&["es"], Lang::Es),
        (&["es-MX"], Lang::Es),
        (&["es-419", "en"], Lang::Es),
        (&["ES_es"], Lang::Es),
        (&["fr-FR", "es-AR", "en"], Lang::Es),
        (&["fr-FR", "en-GB", "es"], Lang::En),
        (&["fr", "de"], Lang::En),
        (&["", " "], Lang::En),
        (&["est"], Lang::En),
        (&["eses"], Lang::En),
    ];
    for (tags, expected) in cases {
        let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
        assert_eq!(Lang::from_browser_tags(&tags), *expected, "{tags:?}");
    }
}

#[test]
fn a_stored_code_reads_back_as_its_language() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        assert!(std::ptr::eq(lang.texts(), if lang == Lang::En { &EN } else { &ES }));
    }
    assert_eq!(Lang::from_tag("xx"), None);
    assert_eq!(Lang::En.label(), "English");
    assert_eq!(Lang::Es.label(), "Español");
}

#[test]
fn counts_use_the_singular_for_one_only() {
    let cases = [
        (&EN, 0, "0 annotations"),
        (&EN, 1, "1 annotation"),
        (&EN, 2, "2 annotations"),
        (&ES, 0, "0 anotaciones"),
        (&ES, 1, "1 anotación"),
        (&ES, 2, "2 anotaciones"),
        (&ES, 21, "21 anotaciones"),
    ];
    for (texts, n, expected) in cases {
        assert_eq!((texts.annotation_count)(n), expected);
    }
    assert_eq!((EN.exported)(1), "Exported 1 annotation");
    assert_eq!((EN.exported)(3), "Exported 3 annotations");
    assert_eq!((ES.exported)(1), "Se exportó 1 anotación");
    assert_eq!((ES.exported)(3), "Se exportaron 3 anotaciones");
    assert_eq!((ES.facts_new)(1), "1 nueva");
    assert_eq!((ES.facts_new)(2), "2 nuevas");
    assert!((ES.storage_full)(1).contains("1 cambio aún no se guardó"));
    assert!((ES.storage_full)(4).contains("4 cambios aún no se guardaron"));
    assert!((EN.storage_full)(1).contains("1 change is not saved"));
    assert!((EN.storage_full)(4).contains("4 changes are not saved"));
}

/// Every parameterised text of `t`, called with distinctive arguments, and what its output must mention.
fn parameterised(t: &ClassViewTexts) -> Vec<(&'static str, String, Vec<&'static str>)> {
    vec![
        ("storage_full", (t.storage_full)(17), vec!["17"]),
        ("storage_blocked", (t.storage_blocked)("WHY"), vec!["WHY"]),
        ("unreadable_saved", (t.unreadable_saved)(17, "WHY"), vec!["17", "WHY"]),
        ("opening_first", (t.opening_first)("NAME", 17), vec!["NAME", "17"]),
        ("import_failed", (t.import_failed)("WHY"), vec!["WHY"]),
        ("reopen_failed", (t.reopen_failed)("WHY"), vec!["WHY"]),
        ("opened", (t.opened)("NAME"), vec!["NAME"]),
        ("tagged_as", (t.tagged_as)("NAME"), vec!["NAME"]),
        ("exported", (t.exported)(17), vec!["17"]),
        ("imported_summary", (t.imported_summary)(17, 23), vec!["17", "23"]),
        ("attach_here", (t.attach_here)("NAME"), vec!["NAME"]),
        ("annotations_here", (t.annotations_here)(17), vec!["17"]),
        ("shown_of", (t.shown_of)(17, 23), vec!["17", "23"]),
        ("not_placed", (t.not_placed)(17), vec!["17"]),
        ("other_versions", (t.other_versions)(17), vec!["17"]),
        ("version_details", (t.version_details)("TAGS", "NOTE", "DATE"), vec!["TAGS", "NOTE", "DATE"]),
        ("name_of_tag", (t.name_of_tag)(17), vec!["17"]),
        ("colour_of_tag", (t.colour_of_tag)(17), vec!["17"]),
        ("underline_of_tag", (t.underline_of_tag)(17), vec!["17"]),
        ("hotkey_of_tag", (t.hotkey_of_tag)(17), vec!["17"]),
        ("description_of_tag", (t.description_of_tag)(17), vec!["17"]),
        ("move_up", (t.move_up)("NAME"), vec!["NAME"]),
        ("move_down", (t.move_down)("NAME"), vec!["NAME"]),
        ("merge_label", (t.merge_label)("NAME"), vec!["NAME"]),
        ("delete_tag_label", (t.delete_tag_label)("NAME"), vec!["NAME"]),
        ("delete_tag_question", (t.delete_tag_question)(17, "NAME", 23), vec!["17", "NAME", "23"]),
        ("remove_tag", (t.remove_tag)(17), vec!["17"]),
        ("reassign_tag", (t.reassign_tag)("NAME"), vec!["NAME"]),
        ("key_hidden", (t.key_hidden)(17), vec!["17"]),
        ("storage_used", (t.storage_used)("USED"), vec!["USED"]),
        ("added_on", (t.added_on)("DATE"), vec!["DATE"]),
        ("annotation_count", (t.annotation_count)(17), vec!["17"]),
        ("delete_article_question", (t.delete_article_question)("NAME", "COUNT"), vec!["NAME", "COUNT"]),
        ("export_intro", (t.export_intro)(17), vec!["17"]),
        ("rejected", (t.rejected)("WHY"), vec!["WHY"]),
        ("other_article", (t.other_article)("NAME"), vec!["NAME"]),
        ("facts_new", (t.facts_new)(17), vec!["17"]),
        ("facts_merged", (t.facts_merged)(17), vec!["17"]),
        ("facts_duplicates", (t.facts_duplicates)(17), vec!["17"]),
        ("facts_not_placed", (t.facts_not_placed)(17), vec!["17"]),
        ("facts_moved", (t.facts_moved)(17), vec!["17"]),
        ("facts_fuzzy", (t.facts_fuzzy)(17), vec!["17"]),
        ("new_tags", (t.new_tags)("NAME"), vec!["NAME"]),
        ("several_authors", (t.several_authors)("NAME", "LIST"), vec!["NAME", "LIST"]),
        ("broken_characters", (t.broken_characters)(17), vec!["17"]),
        ("skipped", (t.skipped)("WHY"), vec!["WHY"]),
        ("save_file_failed", (t.save_file_failed)("WHY"), vec!["WHY"]),
        ("file_too_large", (t.file_too_large)(17, 23.5), vec!["17", "23.5"]),
        ("saved_article_broken", (t.saved_article_broken)("WHY"), vec!["WHY"]),
        ("load_too_large", (t.load_too_large)(23.5, 17), vec!["23.5", "17"]),
        ("decode_corrupt", (t.decode_corrupt)("WHY"), vec!["WHY"]),
        ("decode_newer", (t.decode_newer)(17), vec!["17"]),
    ]
}

#[test]
fn every_parameterised_text_mentions_its_arguments_in_both_languages() {
    for texts in [&CLASS_VIEW_EN, &CLASS_VIEW_ES] {
        for (field, output, needs) in parameterised(texts) {
            for need in needs {
                assert!(output.contains(need), "{field} = {output:?} lacks {need}");
            }
            assert!(!output.contains('{') && !output.contains('}'), "{field} = {output:?} has a stray brace");
        }
    }
}

#[test]
fn the_spanish_parameterised_texts_are_not_the_english_ones() {
    let (en, es) = (parameterised(&CLASS_VIEW_EN), parameterised(&CLASS_VIEW_ES));
    let same: Vec<_> = en.iter().zip(&es).filter(|(a, b)| a.1 == b.1).map(|(a, _)| a.0).collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

/// The string literals of a table, in field order, read from its pretty `Debug` form.
fn literals(texts: &impl std::fmt::Debug) -> Vec<String> {
    format!("{texts:#?}").lines().filter(|l| l.contains('"')).map(|l| l.trim().to_string()).collect()
}

#[test]
fn no_text_is_empty() {
    // The class view's tables show the rest of their language's table too (`base`).
    for texts in [&CLASS_VIEW_EN, &CLASS_VIEW_ES] {
        let lines = literals(texts);
        assert!(lines.len() > 150, "{} literals", lines.len());
        let empty: Vec<_> = lines.iter().filter(|l| l.contains("\"\"")).collect();
        assert!(empty.is_empty(), "{empty:?}");
    }
}

#[test]
fn almost_every_spanish_text_differs_from_the_english_one() {
    let (en, es) = (literals(&CLASS_VIEW_EN), literals(&CLASS_VIEW_ES));
    assert_eq!(en.len(), es.len());
    // Names that are the same in both languages.
    let allowed = ["\"Web Annotation (W3C JSON-LD)\",", "\"Hypothesis (JSON)\",", "\"doble\",", "\"double\","];
    let same: Vec<_> = en.iter().zip(&es).filter(|(a, b)| a == b && !allowed.contains(&a.as_str())).collect();
    assert!(same.is_empty(), "copied from English: {same:?}");
}

#[test]
fn spanish_questions_open_with_an_inverted_mark() {
    for line in literals(&CLASS_VIEW_ES) {
        for sentence in line.split(['.', ';', ':']) {
            if sentence.contains('?') {
                assert!(sentence.contains('¿'), "{line}");
            }
        }
    }
}

/// Literals the UI may show as they are: the app's name, symbols, key names and CSS-ish values.
/// "Consensus" is the author a consensus pack is exported as (data, like a student's name);
/// "Comparing with an answer key" finds a section of `AGREEMENT_HELP` by its title; the cookie
/// line is the eviction marker's syntax, never shown.
const ALLOWED: &[&str] = &[
    "Marginalia",
    "F1",
    "https://",
    " KB",
    "Consensus",
    "Comparing with an answer key",
    "=; max-age=; path=/; samesite=strict",
];

/// Flags a literal that reads as English words meant for a person.
fn looks_like_words(literal: &str) -> bool {
    let letters = literal.chars().filter(|c| c.is_ascii_alphabetic()).count();
    letters >= 2 && !ALLOWED.contains(&literal.trim())
}

/// The user-facing English literals in one file of UI code: text nodes, labels, titles,
/// placeholders, and sentence-like literals anywhere.
fn untranslated(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") || code.starts_with("#[") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let before = &rest[..start];
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let literal = &after[..end];
            let context = before.trim_end();
            // `{"text"}` is a text node; `{ "forward" }` is an expression (this code base writes nodes without spaces).
            let node = before.ends_with('{') && after[end + 1..].starts_with('}') || context.ends_with("format!(");
            let attribute =
                ["aria-label=", "title=", "placeholder=", "alt=", "action="].iter().any(|a| context.ends_with(a));
            let sentence = literal.chars().next().is_some_and(|c| c.is_uppercase())
                && literal.contains(' ')
                && literal.split(' ').filter(|w| w.chars().all(|c| c.is_ascii_lowercase()) && w.len() > 1).count() >= 1;
            let words = if context.ends_with("format!(") {
                // A format string is text only if it has words outside its placeholders.
                let outside: String = literal.split('{').map(|p| p.split_once('}').map_or(p, |(_, t)| t)).collect();
                outside.contains(' ') && looks_like_words(&outside) && !ALLOWED.contains(&outside.as_str())
            } else {
                looks_like_words(literal)
            };
            if ((node || attribute) && words) || (sentence && !ALLOWED.contains(&literal)) {
                found.push(format!("{}: {literal}", number + 1));
            }
            rest = &after[end + 1..];
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_scanner_finds_english_in_ui_code() {
    let source = r#"
        html! { <button title="Open a file">{"Library"}</button> }
        self.announce("Nothing to undo");
        <p>{format!("Save {} annotations", n)}</p>
        <input placeholder="Search quotes" />
    "#;
    assert_eq!(untranslated(source).len(), 5, "{:?}", untranslated(source));
    let clean = r#"
        html! { <button title={t.open_file_title}>{t.library}<span class="swatch"></span>{"×"}</button> }
        let key = format!("{}-{index}", a.id);
        // A comment with "Some words" in it.
        <span class="brand">{"Marginalia"}</span>
        if key == "ArrowDown" { direction = "forward" }
    "#;
    assert_eq!(untranslated(clean), Vec::<String>::new());
}

#[test]
fn ui_code_shows_no_english_outside_the_tables() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut files);
    files.sort();
    assert!(files.len() > 20);
    let mut found = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable source");
        for hit in untranslated(&source) {
            found.push(format!("{}:{hit}", file.display()));
        }
    }
    assert!(found.is_empty(), "UI text outside src/domain/i18n (add it to Texts):\n{}", found.join("\n"));
}

#[test]
fn the_english_export_labels_are_the_formats_own() {
    use marginalia::domain::format::export::ExportKind;
    use marginalia::domain::i18n::{Lang, EXPORT_KINDS_EN};
    for (kind, &(label, description)) in ExportKind::ALL.iter().zip(&EXPORT_KINDS_EN) {
        assert_eq!((kind.label(), kind.description()), (label, description));
    }
    // Spanish has its own words for every kind but the names of standards and tools.
    for (&(en_label, en), &(es_label, es)) in Lang::En.export_kinds().iter().zip(Lang::Es.export_kinds()) {
        assert_ne!(en, es, "{en_label} / {es_label}");
    }
}

#[test]
fn domain_errors_read_in_english_as_before_and_in_spanish_on_request() {
    use marginalia::domain::annotation::store::StoreError;
    use marginalia::domain::annotation::tag_edit::TagError;
    use marginalia::domain::article::loader::{decode, LoadError};
    use marginalia::domain::storage::DecodeError;
    assert_eq!(LoadError::Empty.to_string(), "The file is empty.");
    assert_eq!(LoadError::Empty.message(&ES), "El archivo está vacío.");
    assert_eq!(
        LoadError::TooLarge { bytes: 15 * 1024 * 1024 }.to_string(),
        "The file is 15.0 MB; Marginalia opens articles of up to 10 MB."
    );
    assert_eq!(DecodeError::NewerSchema(9).to_string(), "it was saved by a newer version of Marginalia (format 9)");
    assert_eq!(DecodeError::Corrupt("x".into()).message(&ES), "no se puede leer (x)");
    assert_eq!(StoreError::NoTags.to_string(), "An annotation needs at least one tag.");
    assert_eq!(
        TagError::HotkeyTaken { key: '1', by: "Claim".into() }.message(&ES),
        "La tecla «1» ya elige la etiqueta «Claim»."
    );
    let latin1 = decode(b"caf\xe9").expect("Windows-1252 text");
    assert_eq!(latin1.note.as_deref(), Some(EN.read_as_windows_1252));
}

#[test]
fn the_spanish_agreement_help_has_every_english_section_and_paragraph() {
    use marginalia::domain::i18n::agreement_help::AGREEMENT_HELP;
    assert_eq!(Lang::En.agreement_help(), AGREEMENT_HELP);
    assert_eq!(Lang::Es.agreement_help().len(), AGREEMENT_HELP.len());
    for (es, en) in Lang::Es.agreement_help().iter().zip(AGREEMENT_HELP) {
        assert_eq!(es.paragraphs.len(), en.paragraphs.len(), "{}", en.title);
        assert_ne!(es.title, en.title);
    }
}

#[test]
fn class_summaries_follow_the_language() {
    assert_eq!((CLASS_VIEW_EN.passage_summary)(7, 12, "Claim"), "7 of 12 students tagged this as Claim");
    assert_eq!((CLASS_VIEW_ES.passage_summary)(7, 12, "Claim"), "7 de 12 estudiantes etiquetaron esto como Claim");
    assert_eq!((CLASS_VIEW_ES.passage_summary)(1, 3, "Claim"), "1 de 3 estudiantes etiquetó esto como Claim");
    assert_eq!((CLASS_VIEW_EN.layer_title)(1, 1, "Claim (Ana)"), "1 of 1 student: Claim (Ana)");
    assert_eq!((CLASS_VIEW_ES.layer_title)(2, 3, "Claim (Ana, Ben)"), "2 de 3 estudiantes: Claim (Ana, Ben)");
    assert_eq!((CLASS_VIEW_ES.disagreement_summary)(2, 3, "Quote"), "2 de 3 etiquetaron esto como Quote");
}
