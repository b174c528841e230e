//! Native tests of the agreement measures on hand-worked examples (arithmetic in the comments), the degenerate cases, answer-key scoring and disagreements.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{ann, doc};

use marginalia::domain::annotation::tags::TagId;
use marginalia::domain::class::agreement::{
    cohen_kappa, fleiss_kappa, labels, mean_pairwise_agreement, pair_agreement, percent_agreement, Figure, LabelTable,
    Undefined,
};
use marginalia::domain::class::answer_key::{jaccard, match_spans, score_against_key, spans_match, SpanScore};
use marginalia::domain::class::tokens::Tokens;
use marginalia::domain::i18n::agreement_help::AGREEMENT_HELP;
use proptest::prelude::*;

const EPS: f64 = 1e-12;

/// "1100" → [true, true, false, false].
fn bits(s: &str) -> Vec<bool> {
    s.chars().map(|c| c == '1').collect()
}

/// A figure the tests write as a number (`Some`) or as undefined with the reason.
#[derive(Debug, Clone, Copy)]
enum Want {
    V(f64),
    U(Undefined),
}
use Want::{U, V};

fn assert_figure(got: Figure, want: Want, what: &str) {
    match (got, want) {
        (Figure::Value(g), V(w)) => assert!((g - w).abs() < EPS, "{what}: got {g}, want {w}"),
        (Figure::Undefined(g), U(w)) => assert_eq!(g, w, "{what}"),
        _ => panic!("{what}: got {got:?}, want {want:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Two raters: percent agreement and Cohen's kappa.
//
// Cohen: po = share of tokens labelled alike; pa, pb = shares each tagged;
// pe = pa·pb + (1 − pa)(1 − pb); κ = (po − pe) / (1 − pe).

fn check_pair(a: &str, b: &str, percent: Want, kappa: Want) {
    let (a, b) = (bits(a), bits(b));
    assert_figure(percent_agreement(&a, &b), percent, "percent agreement");
    assert_figure(cohen_kappa(&a, &b), kappa, "Cohen's kappa");
    // Both measures are symmetric.
    assert_figure(percent_agreement(&b, &a), percent, "percent agreement, swapped");
    assert_figure(cohen_kappa(&b, &a), kappa, "Cohen's kappa, swapped");
}

#[test]
fn cohen_kappa_on_hand_worked_pairs() {
    // n11 = 4, n10 = 1, n01 = 1, n00 = 4: po = 8/10 = 0.8; pa = pb = 0.5; pe = 0.25 + 0.25 = 0.5;
    // κ = (0.8 − 0.5) / 0.5 = 0.6.
    check_pair("1111100000", "1111000001", V(0.8), V(0.6));
    // Identical, not constant: po = 1; pa = pb = 0.5; pe = 0.5; κ = 0.5 / 0.5 = 1.
    check_pair("1100", "1100", V(1.0), V(1.0));
    // Opposite: po = 0; pe = 0.5; κ = −0.5 / 0.5 = −1.
    check_pair("1100", "0011", V(0.0), V(-1.0));
    // One word against nothing: po = 3/4; pa = 1/4, pb = 0; pe = 0 + (3/4)(1) = 3/4; κ = 0 / (1/4) = 0.
    check_pair("1000", "0000", V(0.75), V(0.0));
    // All against nothing: po = 0; pa = 1, pb = 0; pe = 0 + 0 = 0; κ = 0 / 1 = 0.
    check_pair("1111", "0000", V(0.0), V(0.0));
    // All against half: po = 1/2; pa = 1, pb = 1/2; pe = 1/2 + 0 = 1/2; κ = 0.
    check_pair("1111", "1100", V(0.5), V(0.0));
    // The textbook table of 50: 20 both yes, 5 only a, 10 only b, 15 both no.
    // po = 35/50 = 0.7; pa = 25/50 = 0.5, pb = 30/50 = 0.6; pe = 0.3 + 0.2 = 0.5; κ = 0.2 / 0.5 = 0.4.
    let a = format!("{}{}{}{}", "1".repeat(20), "1".repeat(5), "0".repeat(10), "0".repeat(15));
    let b = format!("{}{}{}{}", "1".repeat(20), "0".repeat(5), "1".repeat(10), "0".repeat(15));
    check_pair(&a, &b, V(0.7), V(0.4));
    // n11 = 1, n10 = 1, n01 = 0, n00 = 1: po = 2/3; pa = 2/3, pb = 1/3; pe = 2/9 + 2/9 = 4/9;
    // κ = (6/9 − 4/9) / (5/9) = 2/5.
    check_pair("110", "100", V(2.0 / 3.0), V(0.4));
}

#[test]
fn cohen_kappa_degenerate_cases() {
    // Nobody tagged anything: po = 1, pe = 1, κ = 0/0.
    check_pair("0000", "0000", V(1.0), U(Undefined::NobodyTagged));
    // Everyone tagged everything: po = 1, pe = 1, κ = 0/0.
    check_pair("1111", "1111", V(1.0), U(Undefined::EveryoneTaggedEverything));
    check_pair("1", "1", V(1.0), U(Undefined::EveryoneTaggedEverything));
    check_pair("0", "0", V(1.0), U(Undefined::NobodyTagged));
    // One word, opposite labels: po = 0; pa = 1, pb = 0; pe = 0; κ = 0.
    check_pair("1", "0", V(0.0), V(0.0));
    // No words at all.
    check_pair("", "", U(Undefined::NoTokens), U(Undefined::NoTokens));
}

// ---------------------------------------------------------------------------------------------
// n raters: mean pairwise agreement (P̄) and Fleiss' kappa.
//
// Fleiss: for a token tagged by k of n raters, P_t = (k(k − 1) + (n − k)(n − k − 1)) / (n(n − 1));
// P̄ = mean of P_t; p = Σk / (N·n); P̄e = p² + (1 − p)²; κ = (P̄ − P̄e) / (1 − P̄e).

fn check_class(raters: &[&str], percent: Want, kappa: Want) {
    let labels: Vec<Vec<bool>> = raters.iter().map(|r| bits(r)).collect();
    let refs: Vec<&[bool]> = labels.iter().map(Vec::as_slice).collect();
    assert_figure(mean_pairwise_agreement(&refs), percent, &format!("P̄ of {raters:?}"));
    assert_figure(fleiss_kappa(&refs), kappa, &format!("Fleiss' kappa of {raters:?}"));
    // The order of the raters does not matter.
    let reversed: Vec<&[bool]> = refs.iter().rev().copied().collect();
    assert_figure(fleiss_kappa(&reversed), kappa, "Fleiss' kappa, raters reversed");
}

#[test]
fn fleiss_kappa_on_hand_worked_classes() {
    // k per token = 3, 2, 0, 0 of n = 3. P_t = 6/6, 2/6, 6/6, 6/6, so P̄ = (10/3) / 4 = 5/6.
    // p = 5/12; P̄e = 25/144 + 49/144 = 37/72; κ = (60/72 − 37/72) / (35/72) = 23/35.
    check_class(&["1100", "1100", "1000"], V(5.0 / 6.0), V(23.0 / 35.0));
    // Two raters, one word against nothing: P̄ = po = 3/4; p = 1/8; P̄e = 1/64 + 49/64 = 25/32;
    // κ = (24/32 − 25/32) / (7/32) = −1/7 (Cohen's kappa of the same pair is 0: Fleiss pools the marginals).
    check_class(&["1000", "0000"], V(0.75), V(-1.0 / 7.0));
    // Two raters with equal marginals: Fleiss equals Cohen, 0.6 (see the first pair above).
    check_class(&["1111100000", "1111000001"], V(0.8), V(0.6));
    // Full agreement, not constant: k = 4, 0 of 4; P̄ = 1; p = 1/2; P̄e = 1/2; κ = 1.
    check_class(&["10", "10", "10", "10"], V(1.0), V(1.0));
    // Every word split 2 of 4: P_t = (2 + 2) / 12 = 1/3; P̄ = 1/3; p = 1/2; P̄e = 1/2; κ = (1/3 − 1/2) / (1/2) = −1/3.
    check_class(&["1100", "1010", "0101", "0011"], V(1.0 / 3.0), V(-1.0 / 3.0));
    // k = 1, 1 of 3 on two words: P_t = (0 + 2) / 6 = 1/3; P̄ = 1/3; p = 2/6 = 1/3; P̄e = 1/9 + 4/9 = 5/9;
    // κ = (3/9 − 5/9) / (4/9) = −1/2.
    check_class(&["10", "01", "00"], V(1.0 / 3.0), V(-0.5));
}

#[test]
fn fleiss_kappa_degenerate_cases() {
    check_class(&["000", "000", "000"], V(1.0), U(Undefined::NobodyTagged));
    check_class(&["111", "111", "111"], V(1.0), U(Undefined::EveryoneTaggedEverything));
    check_class(&["101"], U(Undefined::TooFewRaters), U(Undefined::TooFewRaters));
    check_class(&[], U(Undefined::TooFewRaters), U(Undefined::TooFewRaters));
    check_class(&["", "", ""], U(Undefined::NoTokens), U(Undefined::NoTokens));
}

#[test]
fn class_percent_agreement_is_the_mean_of_the_pairs() {
    // Pairs of ["1100", "1100", "1000"]: 1, 3/4, 3/4; mean 5/6, the P̄ above.
    let raters = [bits("1100"), bits("1100"), bits("1000")];
    let pairs = [(0, 1), (0, 2), (1, 2)];
    let mean: f64 =
        pairs.iter().map(|&(a, b)| percent_agreement(&raters[a], &raters[b]).value().unwrap()).sum::<f64>() / 3.0;
    assert!((mean - 5.0 / 6.0).abs() < EPS);
}

#[test]
fn figure_mean_leaves_out_undefined_figures() {
    let cases: Vec<(Vec<Figure>, Want)> = vec![
        (vec![], U(Undefined::NoTags)),
        (vec![Figure::Value(1.0), Figure::Value(0.0)], V(0.5)),
        (vec![Figure::Value(0.2), Figure::Undefined(Undefined::NobodyTagged)], V(0.2)),
        (vec![Figure::Undefined(Undefined::NobodyTagged); 3], U(Undefined::NobodyTagged)),
        (
            vec![Figure::Undefined(Undefined::NobodyTagged), Figure::Undefined(Undefined::EveryoneTaggedEverything)],
            U(Undefined::NoneDefined),
        ),
    ];
    for (figures, want) in cases {
        assert_figure(Figure::mean(figures.clone()), want, &format!("mean of {figures:?}"));
    }
}

// ---------------------------------------------------------------------------------------------
// From annotations on a real document: tokens, labels, per tag and overall.

const SENTENCE: &str = "The minister said the budget will grow.";
//                      0   4        13   18  22     29   34  38

fn tags(ids: &[&str]) -> Vec<TagId> {
    ids.iter().map(|t| TagId::new(t)).collect()
}

#[test]
fn labels_count_a_word_touched_by_one_code_point() {
    let d = doc(SENTENCE);
    let tokens = Tokens::new(&d);
    let claim = TagId::new("claim");
    let cases: &[(usize, usize, &str)] = &[
        (4, 17, "0110000"),  // "minister said"
        (6, 28, "0111100"),  // "nister said the budget": the cut word counts
        (11, 13, "0100000"), // "r ": one code point of "minister"
        (12, 13, "0000000"), // the space only
        (38, 39, "0000000"), // the full stop only
        (0, 39, "1111111"),
        (30, 30, "0000000"), // empty
    ];
    for &(start, end, want) in cases {
        let a = ann(&d, 1, start, end, &["claim"]);
        assert_eq!(labels(&tokens, [&a], &claim), bits(want), "[{start}, {end})");
        assert_eq!(labels(&tokens, [&a], &TagId::new("quote")), bits("0000000"), "another tag");
    }
}

#[test]
fn pair_agreement_from_annotations() {
    let d = doc(SENTENCE);
    let tokens = Tokens::new(&d);
    // claim: a = 0110000, b = 0111100. n11 = 2, n10 = 0, n01 = 2, n00 = 3. po = 5/7;
    // pa = 2/7, pb = 4/7; pe = 8/49 + 15/49 = 23/49; κ = (35/49 − 23/49) / (26/49) = 12/26 = 6/13.
    // quote: a = 1000000 ("The"), b = nothing. po = 6/7; pa = 1/7, pb = 0; pe = 6/7; κ = 0.
    // policy-shift: nobody. po = 1; κ undefined.
    let a = [ann(&d, 1, 4, 17, &["claim"]), ann(&d, 2, 0, 3, &["quote"])];
    let b = [ann(&d, 3, 6, 28, &["claim"])];
    let result = pair_agreement(&tokens, &a, &b, &tags(&["claim", "quote", "policy-shift"]));
    let want = [(V(5.0 / 7.0), V(6.0 / 13.0)), (V(6.0 / 7.0), V(0.0)), (V(1.0), U(Undefined::NobodyTagged))];
    for (figures, (percent, kappa)) in result.per_tag.iter().zip(want) {
        assert_figure(figures.percent, percent, &format!("{:?} percent", figures.tag));
        assert_figure(figures.kappa, kappa, &format!("{:?} kappa", figures.tag));
    }
    // Overall: percent (5/7 + 6/7 + 1) / 3 = 18/21 = 6/7; kappa (6/13 + 0) / 2 = 3/13 (policy shift left out).
    assert_figure(result.overall_percent, V(6.0 / 7.0), "overall percent");
    assert_figure(result.overall_kappa, V(3.0 / 13.0), "overall kappa");
    // No tags at all.
    let none = pair_agreement(&tokens, &a, &b, &[]);
    assert_figure(none.overall_kappa, U(Undefined::NoTags), "no tags");
}

#[test]
fn disagreements_are_runs_with_the_same_taggers() {
    let d = doc(SENTENCE);
    let tokens = Tokens::new(&d);
    // claim: r0 = minister said (1-2); r1 = minister … budget (1-4); r2 = said the (2-3).
    // Per word: The {}, minister {0,1}, said {0,1,2} (all: no split), the {1,2}, budget {1}, will {}, grow {}.
    let r0 = [ann(&d, 1, 4, 17, &["claim"])];
    let r1 = [ann(&d, 2, 4, 28, &["claim"]), ann(&d, 3, 34, 38, &["quote"])];
    let r2 = [ann(&d, 4, 13, 21, &["claim"])];
    let table = LabelTable::new(&tokens, &[&r0, &r1, &r2], &tags(&["claim", "quote"]));
    let found = table.disagreements(&tokens, &[0, 1, 2]);
    let summary: Vec<(&str, &str, Vec<usize>, usize)> =
        found.iter().map(|x| (x.tag.0.as_str(), d.slice(x.start, x.end), x.tagged_by.clone(), x.raters)).collect();
    assert_eq!(
        summary,
        vec![
            ("claim", "minister", vec![0, 1], 3),
            ("claim", "the", vec![1, 2], 3),
            ("claim", "budget", vec![1], 3),
            ("quote", "grow", vec![1], 3),
        ]
    );
    assert_eq!(found[0].summary("Claim"), "2 of 3 tagged this as Claim");
    assert_eq!(found[0].tokens, 1..2);
    // Only raters 0 and 1: "minister" is now agreed; "said the budget" split {1}, but "said" is {0,1}.
    let pair: Vec<&str> = table.disagreements(&tokens, &[0, 1]).iter().map(|x| d.slice(x.start, x.end)).collect();
    assert_eq!(pair, ["the budget", "grow"]);
    // Nobody, or one rater, never disagrees.
    assert!(table.disagreements(&tokens, &[]).is_empty());
    assert!(table.disagreements(&tokens, &[1]).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Answer key: span overlap rule, one-to-one greedy matching, precision, recall and F1.

#[test]
fn spans_match_at_half_jaccard() {
    // (student, key, overlap / union, match)
    let cases = [
        (0..4, 2..6, 2.0 / 6.0, false),
        (0..4, 1..5, 3.0 / 5.0, true),
        (0..2, 0..4, 2.0 / 4.0, true), // exactly one half matches
        (0..1, 0..3, 1.0 / 3.0, false),
        (0..3, 3..6, 0.0, false), // touching is not overlapping
        (2..5, 2..5, 1.0, true),
        (0..5, 1..4, 3.0 / 5.0, true),
        (0..0, 0..0, 0.0, false),
    ];
    for (a, b, j, matched) in cases {
        assert!((jaccard(&a, &b) - j).abs() < EPS, "jaccard({a:?}, {b:?})");
        assert_eq!(spans_match(&a, &b), matched, "{a:?} vs {b:?}");
        assert_eq!(spans_match(&b, &a), matched, "{b:?} vs {a:?}");
    }
}

/// Spans written as (start, end) pairs of token indices.
fn ranges(spans: &[(usize, usize)]) -> Vec<std::ops::Range<usize>> {
    spans.iter().map(|&(s, e)| s..e).collect()
}

fn check_matches(student: &[(usize, usize)], key: &[(usize, usize)], want: &[(usize, usize)]) {
    assert_eq!(match_spans(&ranges(student), &ranges(key)), want, "{student:?} vs {key:?}");
}

#[test]
fn matching_is_one_to_one_and_best_first() {
    // The key span goes to the better student span (J 1 over J 3/4).
    check_matches(&[(0, 3), (0, 4)], &[(0, 4)], &[(1, 0)]);
    // One student span, two key spans each with J 1/2: the earlier key span wins.
    check_matches(&[(0, 6)], &[(0, 3), (3, 6)], &[(0, 0)]);
    check_matches(&[(0, 6)], &[(3, 6), (0, 3)], &[(0, 1)]);
    // Crossing candidates: s0–k1 J 1, s1–k1 J 3/4, s1–k0 J 2/3, s0–k0 J 1/2. Best first takes
    // s0–k1, skips s1–k1 (k1 taken), takes s1–k0, skips s0–k0: two matches, not one.
    check_matches(&[(0, 4), (0, 3)], &[(0, 2), (0, 4)], &[(0, 1), (1, 0)]);
    check_matches(&[], &[(0, 4)], &[]);
    check_matches(&[(0, 4)], &[], &[]);
    check_matches(&[(0, 2), (0, 2)], &[(0, 2), (0, 2)], &[(0, 0), (1, 1)]); // duplicates pair off
}

fn check_score(score: SpanScore, counts: (usize, usize, usize), precision: Want, recall: Want, f1: Want) {
    assert_eq!((score.matched, score.student_spans, score.key_spans), counts);
    assert_figure(score.precision, precision, "precision");
    assert_figure(score.recall, recall, "recall");
    assert_figure(score.f1, f1, "F1");
}

#[test]
fn precision_recall_and_f1_from_counts() {
    // (matched, student, key): precision m/s, recall m/k, F1 2m/(s + k).
    let s = SpanScore::from_counts;
    check_score(s(2, 4, 2), (2, 4, 2), V(0.5), V(1.0), V(4.0 / 6.0));
    check_score(s(3, 3, 3), (3, 3, 3), V(1.0), V(1.0), V(1.0));
    check_score(s(0, 2, 3), (0, 2, 3), V(0.0), V(0.0), V(0.0));
    // Degenerate: the student tagged nothing, the key nothing, or neither.
    check_score(s(0, 0, 3), (0, 0, 3), U(Undefined::NoStudentSpans), V(0.0), V(0.0));
    check_score(s(0, 2, 0), (0, 2, 0), V(0.0), U(Undefined::NoKeySpans), V(0.0));
    check_score(s(0, 0, 0), (0, 0, 0), U(Undefined::NoStudentSpans), U(Undefined::NoKeySpans), U(Undefined::NoSpans));
}

#[test]
fn score_against_a_key_per_tag_and_overall() {
    let d = doc(SENTENCE);
    let tokens = Tokens::new(&d);
    // Key: claim "minister said" (words 1-2), claim "will grow" (5-6), quote "The" (0).
    let key = [ann(&d, 1, 4, 17, &["claim"]), ann(&d, 2, 29, 38, &["claim"]), ann(&d, 3, 0, 3, &["quote"])];
    // Student: claim "minister said the" (1-3, J with 1-2 = 2/3: match), claim "budget" (4, no match),
    // and "The minister" tagged claim and quote (0-1: quote J with 0 = 1/2, a match; claim J with 1-2 = 1/3).
    let student = [
        ann(&d, 4, 4, 21, &["claim"]),
        ann(&d, 5, 22, 28, &["claim"]),
        ann(&d, 6, 0, 12, &["claim", "quote"]),
        ann(&d, 7, 38, 39, &["claim"]), // the full stop: no word, left out
    ];
    let score = score_against_key(&tokens, &student, &key, &tags(&["claim", "quote", "policy-shift"]));
    // claim: m = 1, s = 3, k = 2: P = 1/3, R = 1/2, F1 = 2/5.
    check_score(score.per_tag[0].1, (1, 3, 2), V(1.0 / 3.0), V(0.5), V(0.4));
    // quote: m = 1, s = 1, k = 1.
    check_score(score.per_tag[1].1, (1, 1, 1), V(1.0), V(1.0), V(1.0));
    check_score(
        score.per_tag[2].1,
        (0, 0, 0),
        U(Undefined::NoStudentSpans),
        U(Undefined::NoKeySpans),
        U(Undefined::NoSpans),
    );
    // Overall: m = 2, s = 4, k = 3: P = 1/2, R = 2/3, F1 = 4/7.
    check_score(score.overall, (2, 4, 3), V(0.5), V(2.0 / 3.0), V(4.0 / 7.0));
    // The key against itself is perfect.
    let own = score_against_key(&tokens, &key, &key, &tags(&["claim", "quote"]));
    check_score(own.overall, (3, 3, 3), V(1.0), V(1.0), V(1.0));
}

#[test]
fn the_help_states_every_definition() {
    let text: String = AGREEMENT_HELP.iter().flat_map(|s| s.paragraphs.iter().copied()).collect::<Vec<_>>().join(" ");
    for needle in
        ["at least one character", "pe = a·b + (1 − a)·(1 − b)", "Pe = p² + (1 − p)²", "≥ 0.5", "undefined", "F1"]
    {
        assert!(text.contains(needle), "the help does not say {needle:?}");
    }
    for section in AGREEMENT_HELP {
        assert!(!section.title.is_empty());
        for paragraph in section.paragraphs {
            assert!(paragraph.ends_with('.'), "{paragraph:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn labels_of(len: usize) -> impl Strategy<Value = Vec<bool>> {
    proptest::collection::vec(any::<bool>(), len)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pairwise_figures_are_bounded_and_symmetric((a, b) in (0usize..40).prop_flat_map(|n| (labels_of(n), labels_of(n)))) {
        let percent = percent_agreement(&a, &b);
        prop_assert_eq!(percent, percent_agreement(&b, &a));
        if let Figure::Value(p) = percent {
            prop_assert!((0.0..=1.0).contains(&p));
        }
        let kappa = cohen_kappa(&a, &b);
        prop_assert_eq!(kappa, cohen_kappa(&b, &a));
        match kappa {
            Figure::Value(k) => prop_assert!((-1.0 - EPS..=1.0 + EPS).contains(&k), "κ = {}", k),
            Figure::Undefined(_) => prop_assert!(a == b && (a.iter().all(|x| *x) || a.iter().all(|x| !*x))),
        }
        if a == b && a.iter().any(|x| *x) && a.iter().any(|x| !*x) {
            prop_assert_eq!(kappa, Figure::Value(1.0));
        }
    }

    #[test]
    fn fleiss_kappa_is_bounded_and_p_bar_is_the_mean_of_pairs(
        raters in (2usize..7, 1usize..30).prop_flat_map(|(n, len)| proptest::collection::vec(labels_of(len), n)),
    ) {
        let refs: Vec<&[bool]> = raters.iter().map(Vec::as_slice).collect();
        if let Figure::Value(k) = fleiss_kappa(&refs) {
            prop_assert!((-1.0 - EPS..=1.0 + EPS).contains(&k), "κ = {}", k);
        }
        let mut sum = 0.0;
        let mut pairs = 0.0;
        for i in 0..refs.len() {
            for j in i + 1..refs.len() {
                sum += percent_agreement(refs[i], refs[j]).value().unwrap();
                pairs += 1.0;
            }
        }
        let p_bar = mean_pairwise_agreement(&refs).value().unwrap();
        prop_assert!((p_bar - sum / pairs).abs() < 1e-9);
    }
}
