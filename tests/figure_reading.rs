//! Native tests of what a teacher reads in the class view: kappa's plain reading at every band boundary, the rare-tag reason, scores as passages found and extra (and after the key is edited), a self-check's found passages, and plurals in both languages.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{ann, doc};

use marginalia::domain::annotation::tags::TagSet;
use marginalia::domain::annotation::Annotation;
use marginalia::domain::class::agreement::{Figure, Undefined};
use marginalia::domain::class::answer_key::{key_found, SpanScore};
use marginalia::domain::class::figure_reading::{band, band_of, found, rare_tag_paradox, Band, Found};
use marginalia::domain::class::tokens::Tokens;
use marginalia::domain::class::{ClassView, Submission};
use marginalia::domain::i18n::{Lang, CLASS_EN, CLASS_ES, CLASS_VIEW_EN, CLASS_VIEW_ES};

#[test]
fn kappa_readings_at_the_landis_and_koch_boundaries() {
    use Band::*;
    let table: &[(f64, Band)] = &[
        (-1.0, Poor),
        (-0.01, Poor),
        (-0.006, Poor),   // shown as -0.01
        (-0.004, Slight), // shown as -0.00, read as 0
        (0.0, Slight),
        (0.2, Slight),
        (0.204, Slight),
        (0.205, Fair), // shown as 0.21
        (0.21, Fair),
        (0.4, Fair),
        (0.41, Moderate),
        (0.6, Moderate),
        (0.61, Substantial),
        (0.8, Substantial),
        (0.81, AlmostPerfect),
        (1.0, AlmostPerfect),
    ];
    for &(kappa, want) in table {
        assert_eq!(band(kappa), want, "kappa {kappa}");
    }
    assert_eq!(band_of(Figure::Value(0.09)), Some(Slight));
    assert_eq!(band_of(Figure::Undefined(Undefined::NobodyTagged)), None);
}

#[test]
fn every_band_has_a_name_in_both_languages() {
    let names = |bands: [&'static str; 6]| Band::ALL.map(move |b| bands[b.index()]);
    assert_eq!(names(CLASS_EN.bands), ["poor", "slight", "fair", "moderate", "substantial", "almost perfect"]);
    assert_eq!(names(CLASS_ES.bands), ["pobre", "leve", "aceptable", "moderada", "considerable", "casi perfecta"]);
    assert_eq!(Lang::Es.class_texts().bands, CLASS_ES.bands);
}

#[test]
fn high_agreement_with_a_low_kappa_is_explained_only_then() {
    let v = Figure::Value;
    let table = [
        (v(0.977), v(0.09), true), // the "97.7 % agreement, κ 0.09"
        (v(0.9), v(0.40), true),
        (v(0.9), v(-0.01), true),
        (v(0.899), v(0.09), false), // agreement not high
        (v(0.98), v(0.41), false),  // kappa moderate: nothing to explain
        (v(0.98), Figure::Undefined(Undefined::NobodyTagged), false),
        (Figure::Undefined(Undefined::TooFewRaters), v(0.1), false),
    ];
    for (percent, kappa, want) in table {
        assert_eq!(rare_tag_paradox(percent, kappa), want, "{percent:?} {kappa:?}");
    }
    assert!((CLASS_EN.rare_tag)("Opinion").starts_with("Opinion: high agreement but low kappa."));
}

#[test]
fn scores_read_as_passages_found_and_extra() {
    let table = [
        ((2, 3, 3), Found { found: 2, of: 3, extra: 1 }, "Found 2 of 3 key passages, 1 extra"),
        ((1, 1, 1), Found { found: 1, of: 1, extra: 0 }, "Found 1 of 1 key passage, 0 extra"),
        ((0, 5, 0), Found { found: 0, of: 0, extra: 5 }, "Found 0 of 0 key passages, 5 extra"),
    ];
    for ((matched, student, key), want, english) in table {
        let got = found(&SpanScore::from_counts(matched, student, key));
        assert_eq!(got, want);
        assert_eq!((CLASS_EN.found)(got), english);
    }
    let one = Found { found: 1, of: 1, extra: 0 };
    assert_eq!((CLASS_ES.found)(one), "Encontró 1 de 1 pasaje de la clave, 0 de más");
    assert_eq!((CLASS_ES.found)(Found { found: 1, of: 2, extra: 1 }), "Encontró 1 de 2 pasajes de la clave, 1 de más");
}

#[test]
fn plurals_follow_the_count_in_both_languages() {
    assert_eq!((CLASS_VIEW_EN.of_students)(1, 1), "1 of 1 student");
    assert_eq!((CLASS_VIEW_EN.of_students)(2, 3), "2 of 3 students");
    assert_eq!((CLASS_VIEW_ES.of_students)(1, 1), "1 de 1 estudiante");
    assert_eq!((CLASS_VIEW_ES.of_students)(2, 3), "2 de 3 estudiantes");
    assert_eq!((CLASS_VIEW_EN.passage_summary)(1, 1, "Claim"), "1 of 1 student tagged this as Claim");
    assert_eq!((CLASS_VIEW_EN.passage_summary)(1, 2, "Claim"), "1 of 2 students tagged this as Claim");
    assert_eq!((CLASS_VIEW_ES.passage_summary)(1, 1, "Tesis"), "1 de 1 estudiante etiquetó esto como Tesis");
    assert_eq!((CLASS_EN.key_count)(1), "The key has 1 passage.");
    assert_eq!((CLASS_EN.key_count)(3), "The key has 3 passages.");
    assert_eq!((CLASS_ES.key_count)(1), "La clave tiene 1 pasaje.");
    assert_eq!((CLASS_EN.use_mine)(1), "Use my 1 annotation on this article as the key");
    let a = Lang::En.assignment();
    assert_eq!((a.self_check_found)(1, 1), "You found 1 of 1 key passage.");
    assert_eq!((Lang::Es.assignment().self_check_found)(2, 3), "Encontraste 2 de 3 pasajes de la clave.");
}

/// The teacher's key first holds one passage, then she adds two: the same hand-ins score
/// against the key as it is now.
#[test]
fn scores_follow_the_key_after_it_is_edited() {
    let d = doc("The minister said the budget will grow. Critics called it reckless. Taxes rise next year.");
    let span = |q: &str| {
        let start = d.text().find(q).unwrap();
        (d.text()[..start].chars().count(), d.text()[..start].chars().count() + q.chars().count())
    };
    let mark = |n, q: &str, tag: &str| {
        let (s, e) = span(q);
        ann(&d, n, s, e, &[tag])
    };
    let ana = vec![mark(1, "the budget will grow", "claim"), mark(2, "called it reckless", "claim")];
    let ben = vec![mark(3, "Taxes rise next year", "claim")];
    let students = ["Ana", "Ben"].iter().zip([ana, ben]).map(|(name, annotations)| Submission {
        student: name.to_string(),
        article: d.hash().clone(),
        annotations,
    });
    let view = ClassView::new(&d, &TagSet::default(), students.collect());
    let found_of =
        |key: &[Annotation]| -> Vec<Found> { view.scores(key, &[]).iter().map(|(_, s)| found(&s.overall)).collect() };

    let first = vec![mark(10, "the budget will grow", "claim")];
    assert_eq!(found_of(&first), [Found { found: 1, of: 1, extra: 1 }, Found { found: 0, of: 1, extra: 1 }]);

    let mut edited = first.clone();
    edited.push(mark(11, "Critics called it reckless", "claim"));
    edited.push(mark(12, "Taxes rise next year", "claim"));
    assert_eq!(found_of(&edited), [Found { found: 2, of: 3, extra: 0 }, Found { found: 1, of: 3, extra: 0 }]);

    // A passage removed from the key: Ana's second mark is extra again.
    edited.remove(1);
    assert_eq!(found_of(&edited), [Found { found: 1, of: 2, extra: 1 }, Found { found: 1, of: 2, extra: 0 }]);
}

#[test]
fn a_self_check_marks_each_key_passage_found_or_not() {
    let d = doc("The minister said the budget will grow. Critics called it reckless. Taxes rise next year.");
    let at = |q: &str| {
        let start = d.text().find(q).unwrap();
        let start = d.text()[..start].chars().count();
        (start, start + q.chars().count())
    };
    let mark = |n, q: &str, tags: &[&str]| {
        let (s, e) = at(q);
        ann(&d, n, s, e, tags)
    };
    let key = vec![
        mark(1, "the budget will grow", &["claim"]),
        mark(2, "called it reckless", &["quote"]),
        mark(3, "Taxes rise next year", &["claim", "quote"]),
    ];
    let tokens = Tokens::new(&d);
    let mine = vec![
        mark(10, "budget will grow", &["claim"]),   // 3 of 4 words: found
        mark(11, "called it reckless", &["claim"]), // the wrong tag: not found
        mark(12, "next year", &["quote"]),          // 2 of 4 words: half, found under quote
    ];
    assert_eq!(key_found(&tokens, &mine, &key), [true, false, true]);
    assert_eq!(key_found(&tokens, &[], &key), [false, false, false]);
    assert_eq!(key_found(&tokens, &mine, &[]), Vec::<bool>::new());
}
