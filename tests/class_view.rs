//! Native tests of the class view: loading students' files (other articles rejected), per-passage counts, density, the student-by-tag table, consensus, and 25 generated students.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{ann, at, doc};

use marginalia::domain::annotation::anchor::describe;
use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::annotation::Annotation;
use marginalia::domain::article::document::{ContentHash, Document};
use marginalia::domain::article::plain_text::parse_plain_text;
use marginalia::domain::class::agreement::{labels, Figure};
use marginalia::domain::class::csv::{agreement_csv, scores_csv, student_table_csv};
use marginalia::domain::class::import::read_submission;
use marginalia::domain::class::{consensus_id, ClassView, RejectReason, Rejected, Submission};
use marginalia::domain::storage::export_json;
use proptest::prelude::*;

fn submission(doc: &Document, student: &str, annotations: Vec<Annotation>) -> Submission {
    Submission { student: student.into(), article: doc.hash().clone(), annotations }
}

fn names(view: &ClassView) -> Vec<&str> {
    view.students().iter().map(|s| s.name.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Loading: other articles and repeated files are reported, not mixed in.

#[test]
fn files_of_another_article_are_rejected() {
    let article = doc("The minister said the budget will grow.");
    let other = doc("A different article altogether.");
    let a = submission(&article, "Ana", vec![ann(&article, 1, 4, 12, &["claim"])]);
    let stray = submission(&other, "Ben", vec![ann(&other, 2, 0, 1, &["claim"])]);
    let damaged = Submission { article: ContentHash("0".repeat(64)), ..submission(&article, "Cy", vec![]) };
    let view = ClassView::new(&article, &TagSet::default(), vec![a, stray, damaged]);
    assert_eq!(names(&view), ["Ana"]);
    assert_eq!(
        view.rejected(),
        &[
            Rejected { student: "Ben".into(), reason: RejectReason::DifferentArticle { found: other.hash().clone() } },
            Rejected {
                student: "Cy".into(),
                reason: RejectReason::DifferentArticle { found: ContentHash("0".repeat(64)) }
            },
        ]
    );
    assert_eq!(view.rejected()[0].reason.to_string(), "It annotates a different article.");
    // Ben's annotation is counted nowhere.
    assert_eq!(view.table(&[]).annotations, 1);
    assert_eq!(view.passages(&[]).len(), 1);
}

#[test]
fn repeated_files_and_shared_names() {
    let d = doc("aa bb cc dd");
    let first = vec![ann(&d, 1, 0, 2, &["claim"])];
    let second = vec![ann(&d, 2, 3, 5, &["claim"])];
    let subs = vec![
        submission(&d, "Ana", first.clone()),
        submission(&d, "Ana", first.clone()),  // the same file twice
        submission(&d, "Ana", second.clone()), // another Ana
        submission(&d, " Ana ", second),       // that one again, with stray spaces
        submission(&d, "", vec![]),
        submission(&d, "Ana (2)", first), // a name that looks like a disambiguated one is its own
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    assert_eq!(names(&view), ["Ana", "Ana (2)", "Student 3", "Ana (2) (2)"]);
    let reasons: Vec<(&str, &RejectReason)> = view.rejected().iter().map(|r| (r.student.as_str(), &r.reason)).collect();
    assert_eq!(reasons, [("Ana", &RejectReason::Duplicate), ("Ana", &RejectReason::Duplicate)]);
}

#[test]
fn tags_are_the_set_then_those_students_used() {
    let d = doc("aa bb cc dd");
    let subs = vec![
        submission(&d, "A", vec![ann(&d, 1, 0, 2, &["evidence", "claim"])]),
        submission(&d, "B", vec![ann(&d, 2, 0, 2, &["aside"]), ann(&d, 3, 3, 5, &["evidence"])]),
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    let tags: Vec<&str> = view.tags().iter().map(|t| t.0.as_str()).collect();
    assert_eq!(tags, ["claim", "quote", "policy-shift", "evidence", "aside"]);
}

// ---------------------------------------------------------------------------------------------
// Passages: "k of n students tagged this as Tag".

/// "The minister said the budget will grow."
///  0   4        13   18  22     29   34  38
/// Ana: claim "minister said"; Ben: claim "minister said the budget"; Cy: quote "The minister".
fn three_students() -> (Document, ClassView) {
    let d = doc("The minister said the budget will grow.");
    let subs = vec![
        submission(&d, "Ana", vec![ann(&d, 1, 4, 17, &["claim"])]),
        submission(&d, "Ben", vec![ann(&d, 2, 4, 28, &["claim"])]),
        submission(&d, "Cy", vec![ann(&d, 3, 0, 12, &["quote"])]),
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    (d, view)
}

fn check_passages(visible: &[bool], expected: &[(&str, &[&str])]) {
    let (d, view) = three_students();
    let got: Vec<(String, Vec<String>)> = view
        .passages(visible)
        .iter()
        .map(|p| (d.slice(p.start, p.end).to_string(), p.summaries(&TagSet::default())))
        .collect();
    let want: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(text, lines)| (text.to_string(), lines.iter().map(|l| l.to_string()).collect()))
        .collect();
    assert_eq!(got, want, "visible {visible:?}");
}

#[test]
fn passages_count_students_per_tag() {
    // Ana: claim "minister said"; Ben: claim "minister said the budget"; Cy: quote "The minister".
    // Overlapping answers of different lengths are one passage, counting each student once per tag.
    check_passages(
        &[],
        &[(
            "The minister said the budget",
            &["2 of 3 students tagged this as Claim", "1 of 3 students tagged this as Quote"],
        )],
    );
    // Ben hidden: the passage ends where the shown students' answers end.
    check_passages(
        &[true, false, true],
        &["The minister said"]
            .map(|text| (text, &["1 of 2 students tagged this as Claim", "1 of 2 students tagged this as Quote"][..])),
    );
    check_passages(&[true, true, false], &[("minister said the budget", &["2 of 2 students tagged this as Claim"])]);
    check_passages(&[false, false, false], &[]);
}

#[test]
fn disagreements_list_the_most_divided_first() {
    // Four students: one tagged "alpha" alone (1 of 4), two tagged "gamma" (2 of 4, the most
    // divided), three tagged "delta" (3 of 4); everyone tagged "beta" (no disagreement).
    let d = doc("alpha beta gamma delta");
    let span = |word: &str| {
        let start = d.text().find(word).unwrap();
        (start, start + word.len())
    };
    let student = |id: u128, name: &str, words: &[&str]| {
        let annotations = words
            .iter()
            .enumerate()
            .map(|(i, w)| ann(&d, id * 10 + i as u128, span(w).0, span(w).1, &["claim"]))
            .collect();
        submission(&d, name, annotations)
    };
    let view = ClassView::new(
        &d,
        &TagSet::default(),
        vec![
            student(1, "Ana", &["alpha", "beta", "gamma", "delta"]),
            student(2, "Ben", &["beta", "gamma", "delta"]),
            student(3, "Cy", &["beta", "delta"]),
            student(4, "Di", &["beta"]),
        ],
    );
    let order: Vec<(String, usize)> =
        view.disagreements(&[]).iter().map(|x| (d.slice(x.start, x.end).to_string(), x.tagged_by.len())).collect();
    assert_eq!(order, [("gamma".to_string(), 2), ("alpha".into(), 1), ("delta".into(), 3)]);
    // The passages are one stretch in article order: every word was tagged by someone.
    let passages: Vec<String> = view.passages(&[]).iter().map(|p| d.slice(p.start, p.end).to_string()).collect();
    assert_eq!(passages, ["alpha beta gamma delta"]);
}

#[test]
fn passage_at_a_position() {
    let (d, view) = three_students();
    let text_at =
        |cp: usize, visible: &[bool]| view.passage_at(cp, visible).map(|p| d.slice(p.start, p.end).to_string());
    assert_eq!(text_at(14, &[]).as_deref(), Some("said"));
    assert_eq!(text_at(25, &[]).as_deref(), Some("the budget"));
    assert_eq!(text_at(18, &[]).as_deref(), Some("the budget"));
    assert_eq!(text_at(5, &[true, true, false]).as_deref(), Some("minister said"));
    assert_eq!(text_at(35, &[]), None); // "grow": nobody
    assert_eq!(text_at(3, &[]), None); // a space
    assert_eq!(text_at(500, &[]), None);
    let p = view.passage_at(5, &[]).unwrap();
    assert_eq!((p.tokens.clone(), p.students), (1..2, 3));
    assert_eq!(p.counts, vec![(TagId::new("claim"), 2), (TagId::new("quote"), 1)]);
}

// ---------------------------------------------------------------------------------------------
// Density strips.

/// "aa bb cc dd": words start at 0, 3, 6, 9 of 11 code points. A: claim "aa bb"; B: claim "bb cc".
fn density_view() -> (Document, ClassView) {
    let d = doc("aa bb cc dd");
    let subs = vec![
        submission(&d, "A", vec![ann(&d, 1, 0, 5, &["claim"])]),
        submission(&d, "B", vec![ann(&d, 2, 3, 8, &["claim"])]),
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    (d, view)
}

#[test]
fn density_per_bucket() {
    let (_, view) = density_view();
    let claim = TagId::new("claim");
    // Bucket of a word = start · buckets / 11. Per word, students tagging: aa 1, bb 2, cc 1, dd 0.
    let cases: Vec<(usize, &[bool], Vec<f64>)> = vec![
        // 2 buckets: {aa, bb} = (1 + 2) / (2 words · 2 students) = 0.75; {cc, dd} = 1/4.
        (2, &[], vec![0.75, 0.25]),
        // 4 buckets: one word each: 1/2, 2/2, 1/2, 0/2.
        (4, &[], vec![0.5, 1.0, 0.5, 0.0]),
        // 8 buckets: words land in 0, 2, 4, 6 (3·8/11 = 2, 6·8/11 = 4, 9·8/11 = 6); the rest have no word.
        (8, &[], vec![0.5, 0.0, 1.0, 0.0, 0.5, 0.0, 0.0, 0.0]),
        // B hidden: aa 1/1, bb 1/1.
        (4, &[true, false], vec![1.0, 1.0, 0.0, 0.0]),
        (1, &[], vec![4.0 / 8.0]),
        (0, &[], vec![]),
        (4, &[false, false], vec![0.0, 0.0, 0.0, 0.0]), // nobody shown
    ];
    for (buckets, visible, want) in cases {
        assert_eq!(view.density(&claim, buckets, visible), want, "{buckets} buckets, visible {visible:?}");
    }
    assert_eq!(view.density(&TagId::new("quote"), 3, &[]), vec![0.0; 3]);
    assert_eq!(view.density(&TagId::new("unknown"), 3, &[]), vec![0.0; 3]);
}

// ---------------------------------------------------------------------------------------------
// The student-by-tag table.

#[test]
fn table_of_students_by_tags() {
    let d = doc("aa bb cc dd");
    let subs = vec![
        submission(&d, "A", vec![ann(&d, 1, 0, 2, &["claim"]), ann(&d, 2, 3, 5, &["claim", "quote"])]),
        submission(&d, "B", vec![ann(&d, 3, 6, 8, &["policy-shift"])]),
        submission(&d, "C", vec![]),
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    let table = view.table(&[]);
    let rows: Vec<(&str, Vec<usize>, usize)> =
        table.rows.iter().map(|r| (r.name.as_str(), r.counts.clone(), r.annotations)).collect();
    assert_eq!(rows, [("A", vec![2, 1, 0], 2), ("B", vec![0, 0, 1], 1), ("C", vec![0, 0, 0], 0)]);
    assert_eq!((table.totals.clone(), table.annotations), (vec![2, 1, 1], 3));
    let hidden = view.table(&[true, false]);
    assert_eq!(hidden.rows.iter().map(|r| r.student).collect::<Vec<_>>(), [0, 2]);
    assert_eq!((hidden.totals, hidden.annotations), (vec![2, 1, 0], 2));
    let csv = student_table_csv(&table, &TagSet::default());
    assert_eq!(
        csv,
        "\u{feff}Student,Claim,Quote,Policy shift,Annotations\r\nA,2,1,0,2\r\nB,0,0,1,1\r\nC,0,0,0,0\r\nTotal,2,1,1,3\r\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Agreement through the view equals the measures on the same labels.

#[test]
fn agreement_and_disagreements_through_the_view() {
    let (d, view) = three_students();
    let class = view.agreement(&[]);
    // claim per word: Ana 0110000, Ben 0111100, Cy 0000000 → k = 0,2,2,1,1,0,0 of 3.
    // P_t: 1, 1/3, 1/3, 1/3, 1/3, 1, 1 → P̄ = (3 + 4/3) / 7 = 13/21. p = 6/21 = 2/7;
    // P̄e = 4/49 + 25/49 = 29/49; κ = (13/21 − 29/49) / (20/49) = (91/147 − 87/147) / (60/147) = 4/60 = 1/15.
    let claim = &class.per_tag[0];
    assert!((claim.percent.value().unwrap() - 13.0 / 21.0).abs() < 1e-12);
    assert!((claim.kappa.value().unwrap() - 1.0 / 15.0).abs() < 1e-12);
    assert_eq!(
        class.per_tag[2].kappa,
        Figure::Undefined(marginalia::domain::class::agreement::Undefined::NobodyTagged)
    );
    let pairs = view.pairs(&[]);
    assert_eq!(pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), [(0, 1), (0, 2), (1, 2)]);
    assert_eq!(view.pairs(&[true, false, true]).len(), 1);
    let found: Vec<(String, Vec<usize>)> =
        view.disagreements(&[]).iter().map(|x| (d.slice(x.start, x.end).to_string(), x.tagged_by.clone())).collect();
    assert_eq!(
        found,
        [
            // quote: "The minister" by Cy; claim: "minister said" by Ana and Ben, "the budget" by Ben.
            ("The minister".to_string(), vec![2]),
            ("minister said".into(), vec![0, 1]),
            ("the budget".into(), vec![1]),
        ]
    );
    let tokens = view.tokens();
    assert_eq!(view.labels().labels(0, 1), labels(tokens, &view.students()[1].annotations, &TagId::new("claim")));
}

// ---------------------------------------------------------------------------------------------
// Consensus.

fn consensus_view() -> (Document, ClassView) {
    // A: claim "aa bb"; B: claim "bb cc"; C: quote "dd".
    let d = doc("aa bb cc dd");
    let subs = vec![
        submission(&d, "A", vec![ann(&d, 1, 0, 5, &["claim"])]),
        submission(&d, "B", vec![ann(&d, 2, 3, 8, &["claim"])]),
        submission(&d, "C", vec![ann(&d, 3, 9, 11, &["quote"])]),
    ];
    let view = ClassView::new(&d, &TagSet::default(), subs);
    (d, view)
}

fn check_consensus(k: usize, visible: &[bool], expected: &[(&str, &str, usize, &str)]) {
    let (d, view) = consensus_view();
    let items = view.consensus(&d, k, visible, "Consensus", at());
    let got: Vec<(&str, &str, usize, &str)> = items
        .iter()
        .map(|i| {
            (
                i.annotation.tags[0].0.as_str(),
                i.annotation.target.exact.as_str(),
                i.agreeing,
                i.annotation.note.as_str(),
            )
        })
        .collect();
    assert_eq!(got, expected, "k = {k}, visible {visible:?}");
    for item in &items {
        let a = &item.annotation;
        assert_eq!(a.target, describe(&d, a.target.start, a.target.end));
        assert_eq!(a.id, consensus_id(d.hash(), &a.tags[0], a.target.start, a.target.end));
        assert_eq!((a.author.as_str(), a.created, a.modified), ("Consensus", at(), at()));
    }
}

#[test]
fn consensus_keeps_runs_tagged_by_at_least_k() {
    check_consensus(
        1,
        &[],
        &[
            ("claim", "aa bb cc", 1, "1 of 3 students tagged every word of this."),
            ("quote", "dd", 1, "1 of 3 students tagged every word of this."),
        ],
    );
    check_consensus(
        0,
        &[],
        &[
            ("claim", "aa bb cc", 1, "1 of 3 students tagged every word of this."),
            ("quote", "dd", 1, "1 of 3 students tagged every word of this."),
        ],
    );
    check_consensus(2, &[], &[("claim", "bb", 2, "2 of 3 students tagged every word of this.")]);
    check_consensus(3, &[], &[]);
    check_consensus(4, &[], &[]);
    check_consensus(1, &[true, false, false], &[("claim", "aa bb", 1, "1 of 1 students tagged every word of this.")]);
    check_consensus(2, &[true, false, true], &[]);
}

#[test]
fn consensus_ids_are_stable_and_distinct() {
    let (d, view) = consensus_view();
    let once = view.consensus(&d, 1, &[], "T", at());
    let again = view.consensus(&d, 1, &[], "T", at());
    assert_eq!(once, again);
    assert_ne!(once[0].annotation.id, once[1].annotation.id);
    assert_eq!(once[0].annotation.id.get_version_num(), 8);
    let hash = d.hash();
    let claim = TagId::new("claim");
    assert_ne!(consensus_id(hash, &claim, 0, 8), consensus_id(hash, &claim, 0, 9));
    assert_ne!(consensus_id(hash, &claim, 0, 8), consensus_id(hash, &TagId::new("quote"), 0, 8));
    assert_ne!(consensus_id(hash, &claim, 0, 8), consensus_id(&ContentHash("x".into()), &claim, 0, 8));
    // The consensus exports as a pack in the usual export format, and reads back as a submission.
    let annotations: Vec<Annotation> = once.iter().map(|i| i.annotation.clone()).collect();
    let pack = export_json(&d, &annotations, at());
    let back = read_submission("consensus.annotations.json", &pack).unwrap();
    assert_eq!(back.annotations, annotations);
    assert_eq!(&back.article, d.hash());
    assert_eq!(back.student, "T");
}

// ---------------------------------------------------------------------------------------------
// Reading students' files.

#[test]
fn reading_students_export_files() {
    let d = doc("aa bb cc dd");
    let mut annotations =
        vec![ann(&d, 1, 0, 2, &["claim"]), ann(&d, 2, 3, 5, &["quote"]), ann(&d, 3, 6, 8, &["quote"])];
    let file = export_json(&d, &annotations, at());
    // No authors: the name comes from the file name.
    let sub = read_submission("C:\\class\\maria-lopez.annotations.json", &file).unwrap();
    assert_eq!((sub.student.as_str(), &sub.article, &sub.annotations), ("maria-lopez", d.hash(), &annotations));
    assert_eq!(read_submission("notes.json", &file).unwrap().student, "notes");
    assert_eq!(read_submission("dir/raw", &file).unwrap().student, "raw");
    // The most common author wins.
    annotations[0].author = "Sam".into();
    annotations[1].author = "Maria López".into();
    annotations[2].author = "Maria López".into();
    let sub = read_submission("x.annotations.json", &export_json(&d, &annotations, at())).unwrap();
    assert_eq!(sub.student, "Maria López");
    // Files that are not exports.
    let unreadable = |name: &str, text: &str| match read_submission(name, text) {
        Err(Rejected { student, reason: RejectReason::Unreadable(why) }) => (student, why),
        other => panic!("{text:?} was read: {other:?}"),
    };
    assert_eq!(unreadable("a.json", "{\"format\":\"other\",\"schema\":1}").1, "its format is “other”");
    let newer = file.replacen("\"schema\": 1", "\"schema\": 7", 1);
    assert_eq!(unreadable("b.json", &newer).1, "it was saved by a newer version of Marginalia (format 7)");
    assert_eq!(unreadable("c.annotations.json", "not json").0, "c");
    let truncated = &file[..file.len() / 2];
    assert!(read_submission("d.json", truncated).is_err());
    let error = read_submission("e.json", "[]").unwrap_err();
    assert!(error.reason.to_string().starts_with("It is not a Marginalia annotation file ("), "{}", error.reason);
}

// ---------------------------------------------------------------------------------------------
// Twenty-five generated students on the sample article.

/// A small deterministic generator (xorshift64*), so the class is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SAMPLE: &str = include_str!("../www/sample-article.txt");

/// The key: every seventh sentence-ish stretch of 6 to 12 words, cycling through the three tags.
fn key_passages(tokens: usize) -> Vec<(usize, usize, &'static str)> {
    let tags = ["claim", "quote", "policy-shift"];
    (0..).map(|i| (20 + i * 40, 20 + i * 40 + 6 + i % 7, tags[i % 3])).take_while(|(_, end, _)| *end < tokens).collect()
}

/// A student: each key passage with probability 80 %, its ends moved by up to two words; plus two
/// stray passages; from the token spans back to code points.
fn generated_student(d: &Document, rng: &mut Rng, student: usize) -> Vec<Annotation> {
    let tokens = marginalia::domain::class::tokens::Tokens::new(d);
    let mut out = Vec::new();
    let mut n = 0u128;
    let mut push = |first: usize, last: usize, tag: &str, out: &mut Vec<Annotation>| {
        let (s, e) = (tokens.get(first).unwrap().start, tokens.get(last).unwrap().end);
        n += 1;
        out.push(ann(d, (student as u128) << 64 | n, s, e, &[tag]));
    };
    for (first, end, tag) in key_passages(tokens.len()) {
        if rng.chance(80) {
            let first = (first + rng.below(5)).saturating_sub(2);
            let last = (end - 1 + rng.below(5)).saturating_sub(2).max(first);
            push(first, last.min(tokens.len() - 1), tag, &mut out);
        }
    }
    for _ in 0..2 {
        let first = rng.below(tokens.len() - 10);
        push(first, first + rng.below(8), ["claim", "quote", "policy-shift"][rng.below(3)], &mut out);
    }
    out
}

#[test]
fn twenty_five_generated_students() {
    let d = parse_plain_text(SAMPLE);
    let tags = TagSet::default();
    let mut rng = Rng(0x05ee_dc1a_55e5_u64);
    let mut subs: Vec<Submission> = (0..25)
        .map(|s| {
            let file = export_json(&d, &generated_student(&d, &mut rng, s), at());
            let mut sub = read_submission(&format!("student-{:02}.annotations.json", s + 1), &file).unwrap();
            sub.student = format!("Student {:02}", s + 1);
            sub
        })
        .collect();
    // Two files of another article in the pile.
    let other = doc("Some other article the class did not read.");
    subs.insert(7, submission(&other, "Stray one", vec![ann(&other, 1, 0, 4, &["claim"])]));
    subs.push(submission(&other, "Stray two", vec![]));
    let view = ClassView::new(&d, &tags, subs);

    assert_eq!(view.students().len(), 25);
    assert_eq!(view.rejected().iter().map(|r| r.student.as_str()).collect::<Vec<_>>(), ["Stray one", "Stray two"]);
    assert_eq!(view.tags().len(), 3, "no unknown tags");

    // Table: every student has the stray two plus most key passages.
    let key_len = key_passages(view.tokens().len()).len();
    let table = view.table(&[]);
    assert_eq!(table.rows.len(), 25);
    for row in &table.rows {
        assert!((2..=key_len + 2).contains(&row.annotations), "{row:?}");
        assert_eq!(row.counts.iter().sum::<usize>(), row.annotations, "one tag each");
    }
    assert_eq!(table.totals.iter().sum::<usize>(), table.annotations);

    // Agreement: the students follow one key with jitter and a little noise, so kappa is clearly positive but not 1.
    let class = view.agreement(&[]);
    for figures in &class.per_tag {
        let kappa = figures.kappa.value().unwrap();
        assert!((0.4..0.8).contains(&kappa), "{:?} κ = {kappa}", figures.tag); // 0.51 to 0.60 with this seed
        assert!(figures.percent.value().unwrap() > 0.9, "{figures:?}"); // about 0.95: most words are untagged
    }
    let overall = class.overall_kappa.value().unwrap();
    assert!((0.4..0.8).contains(&overall), "overall κ = {overall}");
    let pairs = view.pairs(&[]);
    assert_eq!(pairs.len(), 25 * 24 / 2);
    let mean_pair =
        pairs.iter().map(|p| p.agreement.overall_percent.value().unwrap()).sum::<f64>() / pairs.len() as f64;
    assert!((mean_pair - class.overall_percent.value().unwrap()).abs() < 1e-9, "P̄ is the mean of the pairs");

    // Passages, density and disagreements exist and are well formed.
    let passages = view.passages(&[]);
    assert!(passages.len() > key_len);
    assert!(passages.iter().all(|p| p.counts.iter().all(|(_, n)| (1..=25).contains(n))));
    for tag in view.tags() {
        let strip = view.density(tag, 100, &[]);
        assert_eq!(strip.len(), 100);
        assert!(strip.iter().all(|v| (0.0..=1.0).contains(v)));
        assert!(strip.iter().any(|v| *v > 0.5), "{tag:?}: the key passages stand out");
    }
    let disagreements = view.disagreements(&[]);
    assert!(!disagreements.is_empty());
    assert!(disagreements.iter().all(|x| !x.tagged_by.is_empty() && x.tagged_by.len() < 25));

    // Consensus at a majority (13 of 25) finds each key passage, roughly.
    let consensus = view.consensus(&d, 13, &[], "Consensus", at());
    assert!(consensus.len() >= key_len * 9 / 10 && consensus.len() <= key_len + 2, "{} for {key_len}", consensus.len());

    // Against the key itself (as annotations), students score well.
    let tokens = view.tokens();
    let key: Vec<Annotation> = key_passages(tokens.len())
        .iter()
        .enumerate()
        .map(|(i, &(first, end, tag))| {
            ann(&d, 9000 + i as u128, tokens.get(first).unwrap().start, tokens.get(end - 1).unwrap().end, &[tag])
        })
        .collect();
    let scores = view.scores(&key, &[]);
    let mean_f1 = scores.iter().map(|(_, s)| s.overall.f1.value().unwrap()).sum::<f64>() / 25.0;
    assert!((0.6..0.95).contains(&mean_f1), "mean F1 {mean_f1}"); // about 0.78 with this seed

    // Hiding students changes the figures and the table.
    let visible: Vec<bool> = (0..25).map(|i| i % 2 == 0).collect();
    assert_eq!(view.table(&visible).rows.len(), 13);
    assert_eq!(view.pairs(&visible).len(), 13 * 12 / 2);

    // The CSV exports hold a row per student, per tag and overall.
    let names = view.students();
    assert_eq!(student_table_csv(&table, &tags).lines().count(), 1 + 25 + 1);
    assert_eq!(agreement_csv(&class, &pairs, names, &tags).lines().count(), 1 + 4 + 300 * 4);
    assert_eq!(scores_csv(&scores, names, &tags).lines().count(), 1 + 25 * 4);
}

// ---------------------------------------------------------------------------------------------
// Properties of the consensus.

fn arbitrary_class() -> impl Strategy<Value = Vec<Vec<(usize, usize, usize)>>> {
    // Up to 5 students, each with up to 4 annotations (start, length, tag index) over a 47-code-point text.
    proptest::collection::vec(proptest::collection::vec((0usize..47, 1usize..20, 0usize..3), 0..4), 1..6)
}

fn build(class: &[Vec<(usize, usize, usize)>]) -> (Document, ClassView) {
    let d = doc("one two three four five six seven eight nine ten");
    let tags = ["claim", "quote", "policy-shift"];
    let subs = class
        .iter()
        .enumerate()
        .map(|(s, anns)| {
            let annotations = anns
                .iter()
                .enumerate()
                .map(|(i, &(start, len, tag))| {
                    ann(&d, (s * 10 + i) as u128, start, (start + len).min(47), &[tags[tag]])
                })
                .collect();
            submission(&d, &format!("S{s}"), annotations)
        })
        .collect();
    let view = ClassView::new(&d, &TagSet::default(), subs);
    (d, view)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn consensus_with_k_1_covers_every_annotated_word_and_with_k_above_n_nothing(class in arbitrary_class()) {
        let (d, view) = build(&class);
        let n = view.students().len();
        let tokens = view.tokens();
        let one = view.consensus(&d, 1, &[], "C", at());
        for tag in view.tags() {
            let covered = labels(tokens, one.iter().map(|i| &i.annotation), tag);
            let mut annotated = vec![false; tokens.len()];
            for student in view.students() {
                for (word, label) in labels(tokens, &student.annotations, tag).into_iter().enumerate() {
                    annotated[word] |= label;
                }
            }
            prop_assert_eq!(covered, annotated, "{:?}", tag);
        }
        prop_assert!(view.consensus(&d, n + 1, &[], "C", at()).is_empty());
        // Raising k never adds words.
        for k in 1..=n {
            let fewer = view.consensus(&d, k + 1, &[], "C", at());
            let more = view.consensus(&d, k, &[], "C", at());
            for tag in view.tags() {
                let a = labels(tokens, fewer.iter().map(|i| &i.annotation), tag);
                let b = labels(tokens, more.iter().map(|i| &i.annotation), tag);
                prop_assert!(a.iter().zip(&b).all(|(x, y)| !*x || *y));
            }
        }
    }

    #[test]
    fn passages_and_density_agree_with_the_labels(class in arbitrary_class(), hide in 0usize..6) {
        let (_, view) = build(&class);
        let visible: Vec<bool> = (0..view.students().len()).map(|i| i != hide).collect();
        let shown = view.shown(&visible);
        let tagged = |word: usize| (0..view.tags().len()).any(|t| view.labels().count(t, word, &shown) > 0);
        let mut covered = 0;
        for passage in view.passages(&visible) {
            prop_assert_eq!(passage.students, shown.len());
            // Passages are maximal runs of tagged words, in article order, apart from each other.
            prop_assert!(passage.tokens.start > covered || passage.tokens.start == 0);
            prop_assert!(passage.tokens.clone().all(tagged));
            prop_assert!(passage.tokens.start == 0 || !tagged(passage.tokens.start - 1));
            prop_assert!(passage.tokens.end == view.tokens().len() || !tagged(passage.tokens.end));
            covered = passage.tokens.end;
            // Each tag counts the shown students who used it on any word of the passage.
            for (tag, count) in &passage.counts {
                let t = view.tags().iter().position(|x| x == tag).unwrap();
                let students = shown.iter().filter(|&&r| passage.tokens.clone().any(|w| view.labels().labels(t, r)[w])).count();
                prop_assert_eq!(students, *count);
            }
        }
        let listed: usize = view.passages(&visible).iter().map(|p| p.tokens.len()).sum();
        prop_assert_eq!(listed, (0..view.tokens().len()).filter(|&w| tagged(w)).count());
        for tag in view.tags() {
            let strip = view.density(tag, 7, &visible);
            prop_assert!(strip.iter().all(|v| (0.0..=1.0).contains(v)));
        }
        // Agreement is symmetric in the pair order.
        if shown.len() >= 2 {
            let (a, b) = (shown[0], shown[1]);
            prop_assert_eq!(view.labels().pair(a, b).agreement, view.labels().pair(b, a).agreement);
        }
    }
}

#[test]
fn student_names_come_from_authors_or_file_names() {
    use marginalia::domain::class::import::student_from_file_name;
    for (file, name) in [
        ("ana.marginalia.json", "ana"),
        ("class/ben.annotations.json", "ben"),
        ("C:\\work\\cleo.jsonld", "cleo"),
        ("dev.json", "dev"),
        ("notes.txt", "notes.txt"),
    ] {
        assert_eq!(student_from_file_name(file), name, "{file}");
    }
}
