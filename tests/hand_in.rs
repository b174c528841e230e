//! Native tests of handing work in: file names that carry the student's name (slugged safely), whose file the class view says it is, several authors in one file, and a new student on a shared computer (what is unexported, starting fresh through the session and its queue).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::session::*;
use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::article::document::{ArticleMeta, BlockKind, Document};
use marginalia::domain::class::import::{authors, student_name};
use marginalia::domain::format::export::{file_stem, slug, ExportKind};
use marginalia::domain::format::pack::ExportInfo;
use marginalia::domain::i18n::{HandInTexts, Lang};
use marginalia::domain::session::kv::{KeyValue, MemoryKv};
use marginalia::domain::storage;
use proptest::prelude::*;

fn titled(title: &str) -> Document {
    Document::new(title, ArticleMeta::default(), &[(BlockKind::Paragraph, "Some words to annotate here.")])
}

#[test]
fn names_become_safe_slugs() {
    let cases: &[(&str, &str)] = &[
        ("Ana", "ana"),
        ("  Ana María López-García ", "ana-maría-lópez-garcía"),
        ("Jose\u{301} Pérez", "jose\u{301}-pérez"),
        ("BEN O'Neil", "ben-o-neil"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Users\\ben", "c-users-ben"),
        ("ana.marginalia.json", "ana-marginalia-json"),
        ("\u{202e}nosj.exe", "nosj-exe"),
        ("ben\u{0}\u{7}\t\n", "ben"),
        ("🙂 Ben 🙂", "ben"),
        ("李明", "李明"),
        ("محمد علي", "محمد-علي"),
        ("İlkay", "i\u{307}lkay"),
        ("", ""),
        ("   ", ""),
        ("!!! ???", ""),
        ("\u{301}\u{301}", ""),
        // At most four words and 32 characters, cut at a word.
        ("Ana Beatriz Carla Dolores Eugenia", "ana-beatriz-carla-dolores"),
        ("Maximiliana Bartholomew-Fitzgerald Smith", "maximiliana-bartholomew"),
        ("Abcdefghijklmnopqrstuvwxyzabcdefghijkl", "abcdefghijklmnopqrstuvwxyzabcdef"),
    ];
    for (name, want) in cases {
        assert_eq!(slug(name, 4, 32), *want, "{name:?}");
    }
}

#[test]
fn export_file_names_carry_the_exporters_name() {
    let doc = titled("Trump tells Mexican president he wants US troops to fight cartels");
    assert_eq!(file_stem(&doc, "Ana"), "ana-trump-tells-mexican-president-he-wants-us-troops");
    assert_eq!(file_stem(&doc, ""), "trump-tells-mexican-president-he-wants-us-troops");
    assert_eq!(file_stem(&doc, " ?! "), "trump-tells-mexican-president-he-wants-us-troops");
    let untitled = titled("¿¡!?");
    assert_eq!(file_stem(&untitled, "Ben"), "ben-article");

    let info = ExportInfo { source: None, by: "Ben Ito", at: at(0) };
    let names: Vec<String> =
        ExportKind::ALL.iter().map(|kind| kind.render(&doc, &TagSet::default(), std::iter::empty(), &info).0).collect();
    let stem = "ben-ito-trump-tells-mexican-president-he-wants-us-troops";
    assert_eq!(
        names,
        [
            format!("{stem}.marginalia.json"),
            format!("{stem}.w3c.jsonld"),
            format!("{stem}.hypothesis.json"),
            format!("{stem}.recogito.jsonld"),
            format!("{stem}.csv"),
            format!("{stem}.report.md"),
            format!("{stem}.report.html"),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever is typed as a name, the slug is letters, digits and their accents joined by
    /// single dashes, within its limits: nothing that could leave a folder, hide an extension
    /// or turn the text around.
    #[test]
    fn a_slug_is_always_safe(name in "\\PC{0,60}", words in 1usize..6, chars in 1usize..40) {
        let s = slug(&name, words, chars);
        prop_assert!(s.chars().count() <= chars, "{:?} is longer than {}", s, chars);
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{:?}", s);
        prop_assert!(s.split('-').filter(|w| !w.is_empty()).count() <= words);
        let combining = |c: char| matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}');
        for c in s.chars() {
            prop_assert!(c == '-' || c.is_alphanumeric() || combining(c), "{:?} in {:?}", c, s);
        }
    }
}

#[test]
fn a_file_is_named_by_its_exporter_then_its_authors_then_its_name() {
    let doc = article();
    let by = |author: &str, n: u128| {
        let mut a = ann(&doc, n, "council voted", &["claim"], "", 0);
        a.author = author.to_string();
        a
    };
    let mixed = [by("Ana", 1), by("Ana", 2), by("Ben", 3)];
    let nobody = [by("", 4)];
    let cases: &[(Option<&str>, &[_], &str, &str)] = &[
        (Some("Ben"), &mixed, "x.marginalia.json", "Ben"),
        (Some("  "), &mixed, "x.marginalia.json", "Ana"),
        (None, &mixed, "x.marginalia.json", "Ana"),
        (None, &nobody, "ben-library.marginalia.json", "ben-library"),
        (Some(" Cleo "), &nobody, "x.json", "Cleo"),
    ];
    for (exported_by, annotations, file, want) in cases {
        assert_eq!(student_name(*exported_by, annotations, file), *want, "{exported_by:?} {file}");
    }
    assert_eq!(authors(&mixed), [("Ana".to_string(), 2), ("Ben".to_string(), 1)]);
    assert_eq!(authors(&[by("Ben", 1), by("Ana", 2), by("", 3)]), [("Ben".to_string(), 1), ("Ana".to_string(), 1)]);
    assert!(authors(&nobody).is_empty());
}

/// Storage with the open article's three annotations (and one unplaced), two on another
/// article, the name, the language and a value of another app.
fn shared_computer() -> (marginalia::domain::session::Session, MemoryKv) {
    let (mut session, mut kv) = base();
    let other = other_article();
    store_annotations(
        &mut kv,
        &other,
        &[ann(&other, 20, "Zebras graze", &["claim"], "", 0), ann(&other, 21, "Xylophone lessons", &["quote"], "", 0)],
    );
    kv.set(storage::LANG_KEY, "es").unwrap();
    kv.set("another-app/setting", "keep me").unwrap();
    let effects = session.set_author("Ana");
    assert_eq!(effects.writes, [storage::AUTHOR_KEY]);
    flush_all(&mut session, &mut kv);
    (session, kv)
}

#[test]
fn what_a_new_student_would_lose_counts_every_unexported_annotation() {
    let (mut session, kv) = shared_computer();
    // 3 placed + 1 unplaced here, 2 on the other article.
    assert_eq!(session.annotations_here(&kv), 6);
    assert_eq!(session.unexported(&kv), 6);
    session.mark_exported();
    assert_eq!(session.unexported(&kv), 2, "the open article's export covers its annotations");
    session.set_note(id(1), "changed after the export", at(5)).unwrap();
    assert_eq!(session.unexported(&kv), 6, "a change after the export is not in the file");
    session.mark_exported();
    session.undo().unwrap();
    assert_eq!(session.unexported(&kv), 6, "an undo after the export is a change too");
    // What waits in the queue counts as much as what is stored.
    let (mut session, mut kv) = shared_computer();
    let other = other_article();
    session.switch(other.clone(), &mut kv);
    assert_eq!(session.store().len(), 2);
    let (start, end) = span(&other, "northern river");
    session.create(start, end, claim(), "", id(22), at(7)).unwrap();
    session.switch(article(), &mut kv);
    assert_eq!(session.annotations_here(&kv), 7, "3 + 1 unplaced here, 2 stored and 1 queued there");
}

#[test]
fn a_new_student_starts_with_nothing_and_nothing_queued_comes_back() {
    let (mut session, mut kv) = shared_computer();
    // Work that waits in the queue (a full or slow storage) must not be written back later.
    session.create(0, 3, claim(), "queued", id(30), at(9)).unwrap();
    assert!(!session.queue().borrow().is_empty());
    let sample = Rc::new(titled("The sample"));
    let fresh = session.start_fresh(&mut kv, sample.clone(), &[storage::LANG_KEY]);

    assert_eq!(fresh.left, None);
    // 3 annotations, the unplaced and other-versions lists, the name, 2 annotations elsewhere.
    assert_eq!(fresh.removed, 8);
    let left: Vec<&String> = kv.values.keys().collect();
    assert_eq!(left, ["another-app/setting", storage::LANG_KEY], "only the language and other apps' values stay");
    assert!(session.queue().borrow().is_empty());
    assert_eq!(session.author(), "");
    assert_eq!(session.doc().hash(), sample.hash());
    assert_eq!(session.store().len(), 0);
    assert!(session.orphans().is_empty() && session.conflicts().is_empty());
    assert!(!session.can_undo(), "the last student's steps cannot be undone into the next one's");
    assert_eq!(session.unexported(&kv), 0);
    let (_, flushed) = session.flush(&mut kv, usize::MAX);
    assert_eq!(flushed.written, 0, "nothing of the last student is written back");

    // The next student's name and work go to storage as usual, with no trace of the last one.
    session.set_author("Ben");
    let (start, end) = span(session.doc(), "Some words");
    session.create(start, end, claim(), "", id(40), at(20)).unwrap();
    flush_all(&mut session, &mut kv);
    let annotation = kv.get(&storage::annotation_key(sample.hash(), &id(40))).unwrap().expect("Ben's annotation");
    assert!(annotation.contains("\"author\":\"Ben\""), "{annotation}");
    assert_eq!(kv.get(storage::AUTHOR_KEY).unwrap().as_deref(), Some("Ben"));
    assert_eq!(session.annotations_here(&kv), 1);
}

#[test]
fn starting_fresh_on_blocked_storage_still_forgets_everything_in_memory() {
    let (mut session, mut kv) = shared_computer();
    session.create(0, 3, claim(), "queued", id(30), at(9)).unwrap();
    kv.blocked = Some(marginalia::domain::session::kv::StorageProblem::Unavailable("blocked".into()));
    let fresh = session.start_fresh(&mut kv, Rc::new(titled("The sample")), &[]);
    assert_eq!(fresh.removed, 0);
    assert!(session.queue().borrow().is_empty());
    assert_eq!(session.store().len(), 0);
    assert_eq!(session.author(), "");
}

/// Every parameterised hand-in text, called with distinctive arguments, and what it must mention.
fn parameterised(h: &HandInTexts) -> Vec<(&'static str, String, Vec<&'static str>)> {
    vec![
        ("handing_in_as", (h.handing_in_as)("NAME"), vec!["NAME"]),
        ("not_exported one", (h.not_exported)(1), vec!["1"]),
        ("not_exported", (h.not_exported)(17), vec!["17"]),
        ("discard_and_start", (h.discard_and_start)(17), vec!["17"]),
        ("fresh_incomplete", (h.fresh_incomplete)(17), vec!["17"]),
        ("clear_sample_question", (h.clear_sample_question)(17), vec!["17"]),
        ("renamed_tags", (h.renamed_tags)("NAMES"), vec!["NAMES"]),
        ("removed_tags", (h.removed_tags)("NAMES"), vec!["NAMES"]),
    ]
}

/// The string literals of a table, in field order.
fn literals(h: &HandInTexts) -> Vec<String> {
    format!("{h:#?}").lines().filter(|l| l.contains('"')).map(|l| l.trim().to_string()).collect()
}

#[test]
fn the_hand_in_texts_are_complete_and_translated() {
    let (en, es) = (Lang::En.hand_in(), Lang::Es.hand_in());
    for h in [en, es] {
        for (field, output, needs) in parameterised(h) {
            for need in needs {
                assert!(output.contains(need), "{field} = {output:?} lacks {need}");
            }
            assert!(!output.contains('{') && !output.contains('}'), "{field} = {output:?}");
        }
        let lines = literals(h);
        assert!(lines.len() >= 12, "{lines:?}");
        assert!(lines.iter().all(|l| !l.contains("\"\"")), "{lines:?}");
    }
    let same: Vec<_> = parameterised(en).into_iter().zip(parameterised(es)).filter(|(a, b)| a.1 == b.1).collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
    let same: Vec<_> = literals(en).into_iter().zip(literals(es)).filter(|(a, b)| a == b).collect();
    assert!(same.is_empty(), "copied from English: {same:?}");
    for line in literals(es).iter().chain(parameterised(es).iter().map(|p| &p.1)) {
        for sentence in line.split(['.', ';', ':']) {
            assert!(!sentence.contains('?') || sentence.contains('¿'), "{line}");
        }
    }
    assert_eq!((en.not_exported)(1), "1 annotation here was not exported and will be lost.");
    assert_eq!((en.not_exported)(3), "3 annotations here were not exported and will be lost.");
    assert_eq!((es.not_exported)(1), "1 anotación de aquí no se exportó y se perderá.");
    assert_eq!((es.discard_and_start)(2), "Descartar 2 anotaciones y empezar de cero");
}
