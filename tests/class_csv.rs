//! Native tests of the CSV writer (BOM, RFC 4180 quoting, formula-injection guard) and of the class view's CSV exports.
#![cfg(not(target_arch = "wasm32"))]

use marginalia::domain::annotation::tags::{TagId, TagSet};
use marginalia::domain::class::agreement::{Agreement, Figure, PairAgreement, TagFigures, Undefined};
use marginalia::domain::class::answer_key::{KeyScore, SpanScore};
use marginalia::domain::class::csv::{agreement_csv, scores_csv};
use marginalia::domain::class::Student;
use marginalia::domain::format::csv_cell::{cell, number, text, Cell, CsvWriter, BOM};
use proptest::prelude::*;

#[test]
fn text_cells_are_quoted_and_guarded() {
    let cases = [
        ("plain", "plain"),
        ("", ""),
        ("two words", "two words"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), // guarded, then quoted for the carriage return
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("a=b", "a=b"),  // only a leading sign is a formula
        (" =x", "' =x"), // spreadsheets that trim the cell see the sign
        ("\u{a0}\u{3000}+1", "'\u{a0}\u{3000}+1"),
        ("\u{200b}=HYPERLINK(1)", "'\u{200b}=HYPERLINK(1)"),
        ("\u{feff}\u{2060}@x", "'\u{feff}\u{2060}@x"),
        ("\u{ff1d}HYPERLINK(1)", "'\u{ff1d}HYPERLINK(1)"), // full-width ＝
        ("\u{ff0b}1", "'\u{ff0b}1"),
        ("\u{fe63}1", "'\u{fe63}1"), // small ﹣
        ("\u{207c}1", "'\u{207c}1"), // superscript ⁼
        ("\u{2212}1", "'\u{2212}1"), // minus sign
        (" \n=x", "\"' \n=x\""),
        ("x\u{ff1d}1", "x\u{ff1d}1"), // a sign after a visible character is no formula
        ("\u{200b}a=b", "\u{200b}a=b"),
        ("Maria López 😀", "Maria López 😀"),
    ];
    for (value, want) in cases {
        assert_eq!(text(value), want, "{value:?}");
    }
}

#[test]
fn numbers_are_never_guarded() {
    let cases = [
        (0.6, 4, "0.6000"),
        (-0.25, 4, "-0.2500"),
        (1.0 / 3.0, 4, "0.3333"),
        (2.0 / 3.0, 2, "0.67"),
        (-0.00001, 4, "0.0000"), // no "-0.0000"
        (-0.0, 2, "0.00"),
        (83.333_333, 2, "83.33"),
        (f64::NAN, 2, ""),
        (f64::INFINITY, 2, ""),
        (5.0, 0, "5"),
    ];
    for (value, decimals, want) in cases {
        assert_eq!(number(value, decimals), want, "{value}");
    }
    assert_eq!(cell(&Cell::Count(12)), "12");
    assert_eq!(cell(&Cell::Empty), "");
    assert_eq!(cell(&Cell::Number(-1.0, 1)), "-1.0");
}

#[test]
fn a_file_starts_with_a_bom_and_ends_rows_with_crlf() {
    let mut csv = CsvWriter::new();
    csv.row([Cell::Text("Name"), Cell::Text("Score")]);
    csv.row([Cell::Text("=evil"), Cell::Number(-0.5, 2)]);
    csv.row([]);
    assert_eq!(csv.finish(), "\u{feff}Name,Score\r\n'=evil,-0.50\r\n\r\n");
    assert_eq!(CsvWriter::new().finish(), BOM.to_string());
}

/// Splits one RFC 4180 record (no line breaks inside fields) back into fields.
fn parse_record(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_row_parses_back_to_its_cells(cells in proptest::collection::vec("[a-z =+@,\"é-]{0,8}", 1..6)) {
        let mut csv = CsvWriter::new();
        csv.row(cells.iter().map(|c| Cell::Text(c)));
        let out = csv.finish();
        let line = out.strip_prefix(BOM).unwrap().strip_suffix("\r\n").unwrap();
        let back = parse_record(line);
        let want: Vec<String> = cells
            .iter()
            .map(|c| if c.trim_start().starts_with(['=', '+', '-', '@']) { format!("'{c}") } else { c.clone() })
            .collect();
        prop_assert_eq!(back, want);
    }
}

fn tag(t: &str) -> TagId {
    TagId::new(t)
}

fn student(name: &str) -> Student {
    Student { name: name.into(), annotations: Vec::new() }
}

#[test]
fn agreement_figures_as_csv() {
    let class = Agreement {
        per_tag: vec![
            TagFigures { tag: tag("claim"), percent: Figure::Value(5.0 / 6.0), kappa: Figure::Value(23.0 / 35.0) },
            TagFigures {
                tag: tag("quote"),
                percent: Figure::Value(1.0),
                kappa: Figure::Undefined(Undefined::NobodyTagged),
            },
        ],
        overall_percent: Figure::Value(11.0 / 12.0),
        overall_kappa: Figure::Value(23.0 / 35.0),
    };
    let pair = PairAgreement {
        a: 0,
        b: 1,
        agreement: Agreement {
            per_tag: vec![TagFigures { tag: tag("claim"), percent: Figure::Value(0.75), kappa: Figure::Value(-0.25) }],
            overall_percent: Figure::Value(0.75),
            overall_kappa: Figure::Value(-0.25),
        },
    };
    let students = [student("=Ana"), student("Ben, Jr.")];
    let csv = agreement_csv(&class, &[pair], &students, &TagSet::default());
    assert_eq!(
        csv,
        "\u{feff}Scope,Student A,Student B,Tag,Percent agreement,Kappa,Measure,Note\r\n\
         Class,,,Claim,83.33,0.6571,Fleiss' kappa,\r\n\
         Class,,,Quote,100.00,,Fleiss' kappa,\"Kappa: Nobody used this tag, so chance alone explains the agreement.\"\r\n\
         Class,,,Overall,91.67,0.6571,Fleiss' kappa,\r\n\
         Pair,'=Ana,\"Ben, Jr.\",Claim,75.00,-0.2500,Cohen's kappa,\r\n\
         Pair,'=Ana,\"Ben, Jr.\",Overall,75.00,-0.2500,Cohen's kappa,\r\n"
    );
}

#[test]
fn answer_key_scores_as_csv() {
    let score = KeyScore {
        per_tag: vec![(tag("claim"), SpanScore::from_counts(1, 3, 2)), (tag("odd"), SpanScore::from_counts(0, 0, 0))],
        overall: SpanScore::from_counts(1, 3, 2),
    };
    let csv = scores_csv(&[(0, score)], &[student("Ana")], &TagSet::default());
    assert_eq!(
        csv,
        "\u{feff}Student,Tag,Student passages,Key passages,Matched,Precision,Recall,F1,Note\r\n\
         Ana,Claim,3,2,1,0.3333,0.5000,0.4000,\r\n\
         Ana,odd,0,0,0,,,,Precision: The student tagged nothing with this tag. Recall: The answer key tags nothing with this tag. F1: Neither the student nor the answer key used this tag.\r\n\
         Ana,Overall,3,2,1,0.3333,0.5000,0.4000,\r\n"
    );
}

/// Every character whose compatibility form (NFKC, what spreadsheets that normalise a cell read)
/// starts with a formula sign is guarded, first or after white space and invisible characters.
#[test]
fn every_character_that_folds_to_a_formula_sign_is_guarded() {
    use marginalia::domain::format::csv_cell::needs_guard;
    use unicode_normalization::UnicodeNormalization;
    let mut folded = 0;
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let nfkc: String = c.to_string().nfkc().collect();
        if nfkc.starts_with(['=', '+', '-', '@']) {
            folded += 1;
            let cell = format!("{c}SUM(1)");
            assert!(needs_guard(&cell), "U+{:04X} folds to {nfkc:?}", c as u32);
            assert!(needs_guard(&format!(" \u{200b}{cell}")), "U+{:04X} after invisible characters", c as u32);
        }
    }
    assert!(folded >= 16, "{folded} characters fold to a sign");
}
