//! The teacher's class workspace (files kept, removed, cleared, undone, stored), a student's notes in article order, and the grades sheet's rows and CSV.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ann, doc};
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::class::agreement::Figure;
use marginalia::domain::class::answer_key::{KeyScore, SpanScore};
use marginalia::domain::class::grades::{grade_rows, grades_csv, GradeRow};
use marginalia::domain::class::workspace::{in_article_order, ClassWorkspace, Removed};
use marginalia::domain::class::Student;
use marginalia::domain::storage::{class_files_key, DecodeError};

fn names(w: &ClassWorkspace) -> Vec<&str> {
    w.files.iter().map(|f| f.name.as_str()).collect()
}

fn workspace(files: &[&str]) -> ClassWorkspace {
    let mut w = ClassWorkspace::default();
    for name in files {
        assert!(w.add(name, &format!("{{\"file\":\"{name}\"}}")));
    }
    w
}

#[test]
fn a_workspace_is_stored_and_read_back_as_it_was() {
    let cases: [&[&str]; 4] =
        [&[], &["ana.json"], &["ana.json", "ben.json", "cleo.json"], &["quote\"and\\slash\n.json"]];
    for files in cases {
        let w = workspace(files);
        let stored = w.encode();
        assert_eq!(ClassWorkspace::decode(&stored), Ok(w.clone()), "{files:?}");
        assert!(stored.starts_with("{\"schema\":1,\"classFiles\":["), "{stored}");
    }
    assert_eq!(ClassWorkspace::decode(""), Ok(ClassWorkspace::default()));
}

#[test]
fn a_damaged_or_newer_stored_workspace_is_told_apart() {
    assert!(matches!(ClassWorkspace::decode("{\"schema\":1,\"classFiles\":"), Err(DecodeError::Corrupt(_))));
    assert!(matches!(
        ClassWorkspace::decode("{\"schema\":1,\"classFiles\":[{\"name\":1}]}"),
        Err(DecodeError::Corrupt(_))
    ));
    assert_eq!(ClassWorkspace::decode("{\"schema\":9,\"classFiles\":[]}"), Err(DecodeError::NewerSchema(9)));
}

#[test]
fn the_same_file_twice_is_kept_once() {
    let mut w = workspace(&["ana.json"]);
    assert!(!w.add("ana.json", "{\"file\":\"ana.json\"}"));
    assert!(w.add("ana.json", "{\"file\":\"a later ana.json\"}"), "a changed file of the same name is another file");
    assert!(w.add("ana (1).json", "{\"file\":\"ana.json\"}"));
    assert_eq!(names(&w), ["ana.json", "ana.json", "ana (1).json"]);
}

#[test]
fn removing_and_clearing_can_be_undone() {
    // (files, what is done, files after it, files after undoing it)
    type Step = fn(&mut ClassWorkspace) -> Option<Removed>;
    let cases: [(&[&str], Step, &[&str]); 5] = [
        (&["a", "b", "c"], |w| w.remove(0), &["b", "c"]),
        (&["a", "b", "c"], |w| w.remove(1), &["a", "c"]),
        (&["a", "b", "c"], |w| w.remove(2), &["a", "b"]),
        (&["a", "b", "c"], |w| w.clear(), &[]),
        (&["a"], |w| w.clear(), &[]),
    ];
    for (files, step, after) in cases {
        let mut w = workspace(files);
        let removed = step(&mut w).expect("something removed");
        assert_eq!(names(&w), after, "{files:?}");
        w.undo(removed);
        assert_eq!(names(&w), files, "undone: {files:?}");
    }
    let mut empty = ClassWorkspace::default();
    assert_eq!(empty.clear(), None);
    assert_eq!(workspace(&["a"]).remove(1), None);
}

#[test]
fn undoing_a_clear_keeps_files_added_since_after_the_others() {
    let mut w = workspace(&["a", "b"]);
    let removed = w.clear().unwrap();
    w.add("c", "{}");
    w.undo(removed);
    assert_eq!(names(&w), ["a", "b", "c"]);
    let mut w = workspace(&["a", "b"]);
    let removed = w.remove(1).unwrap();
    w.clear();
    w.undo(removed);
    assert_eq!(names(&w), ["b"], "a file removed before a clear comes back alone");
}

#[test]
fn the_workspace_has_its_own_key_per_article() {
    let (one, two) = (doc("One article."), doc("Another article."));
    assert!(class_files_key(one.hash()).starts_with("marginalia/v1/"));
    assert!(class_files_key(one.hash()).ends_with("/class-files"));
    assert_ne!(class_files_key(one.hash()), class_files_key(two.hash()));
}

#[test]
fn a_students_notes_come_in_article_order() {
    let d = doc("Alpha beta gamma delta epsilon zeta eta theta.");
    let notes = |n: u128, start: usize, end: usize, tags: &[&str], note: &str| {
        let mut a = ann(&d, n, start, end, tags);
        a.note = note.to_string();
        a
    };
    // (annotations in file order, expected (quote, tags, note) in article order)
    // (quote, tag names, note) of each row.
    type Row<'a> = (&'a str, Vec<&'a str>, &'a str);
    let cases: Vec<(Vec<_>, Vec<Row>)> = vec![
        (vec![], vec![]),
        (
            vec![notes(1, 17, 22, &["claim"], "second"), notes(2, 0, 5, &["quote", "claim"], "first")],
            vec![("Alpha", vec!["Quote", "Claim"], "first"), ("delta", vec!["Claim"], "second")],
        ),
        (
            // Same start: the longer (enclosing) passage first, then by id.
            vec![
                notes(3, 6, 10, &["claim"], "inner"),
                notes(2, 6, 16, &["claim"], "outer"),
                notes(1, 6, 10, &["x"], ""),
            ],
            vec![("beta gamma", vec!["Claim"], "outer"), ("beta", vec!["x"], ""), ("beta", vec!["Claim"], "inner")],
        ),
    ];
    let tags = TagSet::default();
    for (annotations, want) in cases {
        let rows = in_article_order(&annotations, |t: &TagId| tags.name_of(t).to_string());
        let got: Vec<Row> =
            rows.iter().map(|r| (r.quote, r.tags.iter().map(String::as_str).collect(), r.note)).collect();
        assert_eq!(got, want);
        assert!(rows.windows(2).all(|w| w[0].start <= w[1].start));
    }
}

fn student(name: &str) -> Student {
    Student { name: name.into(), annotations: Vec::new() }
}

#[test]
fn grade_rows_count_found_and_extra_passages() {
    let claim = TagId::new("claim");
    let quote = TagId::new("quote");
    let scores = vec![
        (
            0,
            KeyScore {
                per_tag: vec![
                    (claim.clone(), SpanScore::from_counts(2, 3, 4)),
                    (quote.clone(), SpanScore::from_counts(0, 0, 1)),
                ],
                overall: SpanScore::from_counts(2, 3, 5),
            },
        ),
        (
            2,
            KeyScore {
                per_tag: vec![(claim, SpanScore::from_counts(4, 4, 4)), (quote, SpanScore::from_counts(1, 3, 1))],
                overall: SpanScore::from_counts(5, 7, 5),
            },
        ),
    ];
    let students = [student("Ana"), student("Ben"), student("=Cleo")];
    let tags = TagSet::default();
    let rows = grade_rows(&scores, &students, &tags);
    // (student, tag, found, key passages, extra)
    let want = [
        ("Ana", Some("Claim"), 2, 4, 1),
        ("Ana", Some("Quote"), 0, 1, 0),
        ("Ana", None, 2, 5, 1),
        ("=Cleo", Some("Claim"), 4, 4, 0),
        ("=Cleo", Some("Quote"), 1, 1, 2),
        ("=Cleo", None, 5, 5, 2),
    ];
    let got: Vec<_> = rows.iter().map(|r: &GradeRow| (r.student, r.tag, r.found, r.key_passages, r.extra)).collect();
    assert_eq!(got, want);
    assert_eq!(rows[1].precision, SpanScore::from_counts(0, 0, 1).precision);
    assert!(matches!(rows[1].precision, Figure::Undefined(_)));
    let header = ["Student", "Tag", "Found", "Key passages", "Extra passages", "Precision", "Recall", "F1"];
    let csv = grades_csv(&rows, header, "Overall");
    assert_eq!(
        csv,
        "\u{feff}Student,Tag,Found,Key passages,Extra passages,Precision,Recall,F1\r\n\
         Ana,Claim,2,4,1,0.6667,0.5000,0.5714\r\n\
         Ana,Quote,0,1,0,,0.0000,0.0000\r\n\
         Ana,Overall,2,5,1,0.6667,0.4000,0.5000\r\n\
         '=Cleo,Claim,4,4,0,1.0000,1.0000,1.0000\r\n\
         '=Cleo,Quote,1,1,2,0.3333,1.0000,0.5000\r\n\
         '=Cleo,Overall,5,5,2,0.7143,1.0000,0.8333\r\n"
    );
    assert_eq!(
        grades_csv(&[], header, "Overall"),
        "\u{feff}Student,Tag,Found,Key passages,Extra passages,Precision,Recall,F1\r\n"
    );
}
