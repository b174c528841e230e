//! How far annotators agree, counted on words: percent agreement, Cohen's and Fleiss' kappa per tag and overall, and the passages where they split.
//!
//! Every figure starts from binary labels: for each tag, each rater (student) and each token
//! (word, see [`crate::domain::class::tokens`]), whether the rater has an annotation with that tag covering the
//! token. The definitions, as [`crate::domain::i18n::agreement_help::AGREEMENT_HELP`] states them to users:
//!
//! - Percent agreement of two raters: the share of tokens both labelled the same way.
//! - Cohen's kappa of two raters: `(po − pe) / (1 − pe)`, with `po` the percent agreement and
//!   `pe = pa·pb + (1 − pa)(1 − pb)`, where `pa`, `pb` are the shares of tokens each tagged.
//! - Fleiss' kappa of `n ≥ 2` raters: `(P̄ − P̄e) / (1 − P̄e)`, with `P̄` the mean over tokens of
//!   the share of rater pairs that agree on the token, `p` the share of all labels that are
//!   "tagged", and `P̄e = p² + (1 − p)²`. `P̄` is also the class's percent agreement: it equals
//!   the mean of the pairwise percent agreements.
//! - Overall (all tags): the mean of the per-tag figures, leaving out tags where a figure is
//!   undefined. Averaging per-tag binary figures sidesteps the question of which single
//!   category a token with several tags belongs to.
//! - A kappa is undefined when chance agreement is total (`pe = 1`): nobody used the tag, or
//!   everyone tagged every word with it. Then percent agreement is 100 % but says nothing, and
//!   kappa is 0/0; it is reported as undefined with that reason, never as a number.

use std::ops::Range;

use crate::domain::annotation::tags::TagId;
use crate::domain::annotation::Annotation;
use crate::domain::class::tokens::Tokens;
use crate::domain::i18n::{ClassViewTexts, CLASS_VIEW_EN};

/// Why a figure has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undefined {
    NoTokens,
    TooFewRaters,
    NobodyTagged,
    EveryoneTaggedEverything,
    NoStudentSpans,
    NoKeySpans,
    NoSpans,
    NoTags,
    /// An overall figure whose tags are all undefined, for different reasons.
    NoneDefined,
}

impl Undefined {
    /// The reason as a sentence in the language of `t`.
    pub fn message(&self, t: &ClassViewTexts) -> &'static str {
        let index = match self {
            Undefined::NoTokens => 0,
            Undefined::TooFewRaters => 1,
            Undefined::NobodyTagged => 2,
            Undefined::EveryoneTaggedEverything => 3,
            Undefined::NoStudentSpans => 4,
            Undefined::NoKeySpans => 5,
            Undefined::NoSpans => 6,
            Undefined::NoTags => 7,
            Undefined::NoneDefined => 8,
        };
        t.undefined_reasons[index]
    }
}

impl std::fmt::Display for Undefined {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(&CLASS_VIEW_EN))
    }
}

/// A number, or the reason there is none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    Value(f64),
    Undefined(Undefined),
}

impl Figure {
    pub fn value(self) -> Option<f64> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::Undefined(_) => None,
        }
    }

    /// The mean of the defined figures; if none is defined, the reason they share (or
    /// [`Undefined::NoneDefined`]), and [`Undefined::NoTags`] for no figures at all.
    pub fn mean(figures: impl IntoIterator<Item = Figure>) -> Figure {
        let (mut sum, mut count) = (0.0, 0usize);
        let mut reason: Option<Undefined> = None;
        let mut mixed = false;
        for figure in figures {
            match figure {
                Figure::Value(v) => {
                    sum += v;
                    count += 1;
                }
                Figure::Undefined(why) => {
                    mixed |= reason.is_some_and(|r| r != why);
                    reason.get_or_insert(why);
                }
            }
        }
        match (count, reason) {
            (0, None) => Figure::Undefined(Undefined::NoTags),
            (0, Some(_)) if mixed => Figure::Undefined(Undefined::NoneDefined),
            (0, Some(why)) => Figure::Undefined(why),
            _ => Figure::Value(sum / count as f64),
        }
    }
}

/// For each token, whether one of `annotations` with `tag` covers it.
pub fn labels<'a>(tokens: &Tokens, annotations: impl IntoIterator<Item = &'a Annotation>, tag: &TagId) -> Vec<bool> {
    let mut labels = vec![false; tokens.len()];
    for a in annotations.into_iter().filter(|a| a.has_tag(tag)) {
        for label in &mut labels[tokens.covered(a.target.start, a.target.end)] {
            *label = true;
        }
    }
    labels
}

/// Share of tokens two raters labelled the same way. Both label the same tokens.
pub fn percent_agreement(a: &[bool], b: &[bool]) -> Figure {
    debug_assert_eq!(a.len(), b.len());
    if a.is_empty() {
        return Figure::Undefined(Undefined::NoTokens);
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    Figure::Value(same as f64 / a.len() as f64)
}

/// Cohen's kappa of two raters; undefined when chance agreement is total.
pub fn cohen_kappa(a: &[bool], b: &[bool]) -> Figure {
    debug_assert_eq!(a.len(), b.len());
    let total = a.len() as f64;
    if a.is_empty() {
        return Figure::Undefined(Undefined::NoTokens);
    }
    let tagged_a = a.iter().filter(|x| **x).count() as f64;
    let tagged_b = b.iter().filter(|x| **x).count() as f64;
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64;
    // Both raters constant and equal is the only way chance agreement reaches 1.
    if tagged_a == 0.0 && tagged_b == 0.0 {
        return Figure::Undefined(Undefined::NobodyTagged);
    }
    if tagged_a == total && tagged_b == total {
        return Figure::Undefined(Undefined::EveryoneTaggedEverything);
    }
    // Scaled by total², so everything stays in whole numbers until the one division.
    let observed = same * total;
    let chance = tagged_a * tagged_b + (total - tagged_a) * (total - tagged_b);
    Figure::Value((observed - chance) / (total * total - chance))
}

/// Number of `raters` labelling each token.
fn counts_per_token(raters: &[&[bool]]) -> Vec<usize> {
    let len = raters.first().map_or(0, |r| r.len());
    let mut counts = vec![0; len];
    for rater in raters {
        debug_assert_eq!(rater.len(), len);
        for (count, label) in counts.iter_mut().zip(rater.iter()) {
            *count += usize::from(*label);
        }
    }
    counts
}

/// `P̄` of Fleiss: the mean over tokens of the share of rater pairs that agree on the token,
/// which is also the mean of the pairwise percent agreements.
pub fn mean_pairwise_agreement(raters: &[&[bool]]) -> Figure {
    let n = raters.len();
    if n < 2 {
        return Figure::Undefined(Undefined::TooFewRaters);
    }
    let counts = counts_per_token(raters);
    if counts.is_empty() {
        return Figure::Undefined(Undefined::NoTokens);
    }
    let agreeing_pairs: usize =
        counts.iter().map(|&k| k * k.saturating_sub(1) + (n - k) * (n - k).saturating_sub(1)).sum();
    Figure::Value(agreeing_pairs as f64 / (counts.len() * n * (n - 1)) as f64)
}

/// Fleiss' kappa of `n ≥ 2` raters with two categories (tagged or not); undefined when chance
/// agreement is total.
pub fn fleiss_kappa(raters: &[&[bool]]) -> Figure {
    let observed = match mean_pairwise_agreement(raters) {
        Figure::Value(v) => v,
        undefined => return undefined,
    };
    let counts = counts_per_token(raters);
    let labels = (counts.len() * raters.len()) as f64;
    let tagged = counts.iter().sum::<usize>() as f64;
    if tagged == 0.0 {
        return Figure::Undefined(Undefined::NobodyTagged);
    }
    if tagged == labels {
        return Figure::Undefined(Undefined::EveryoneTaggedEverything);
    }
    let p = tagged / labels;
    let chance = p * p + (1.0 - p) * (1.0 - p);
    Figure::Value((observed - chance) / (1.0 - chance))
}

/// Percent agreement and kappa for one tag.
#[derive(Debug, Clone, PartialEq)]
pub struct TagFigures {
    pub tag: TagId,
    pub percent: Figure,
    pub kappa: Figure,
}

/// Agreement per tag and overall (the mean over tags of the defined per-tag figures).
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub per_tag: Vec<TagFigures>,
    pub overall_percent: Figure,
    pub overall_kappa: Figure,
}

impl Agreement {
    fn from_tags(per_tag: Vec<TagFigures>) -> Self {
        Agreement {
            overall_percent: Figure::mean(per_tag.iter().map(|t| t.percent)),
            overall_kappa: Figure::mean(per_tag.iter().map(|t| t.kappa)),
            per_tag,
        }
    }
}

/// The agreement of two raters (their indices in the table).
#[derive(Debug, Clone, PartialEq)]
pub struct PairAgreement {
    pub a: usize,
    pub b: usize,
    pub agreement: Agreement,
}

/// A run of tokens where raters split on a tag: some tagged it, some did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub tag: TagId,
    /// Code points of the passage, from its first word's start to its last word's end.
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// The raters (indices in the table) who tagged this passage with the tag.
    pub tagged_by: Vec<usize>,
    /// How many raters were compared.
    pub raters: usize,
}

impl Disagreement {
    /// "3 of 12 tagged this as Claim".
    pub fn summary(&self, tag_name: &str) -> String {
        self.summary_in(tag_name, &CLASS_VIEW_EN)
    }

    /// The same summary in the language of `t`.
    pub fn summary_in(&self, tag_name: &str, t: &ClassViewTexts) -> String {
        (t.disagreement_summary)(self.tagged_by.len(), self.raters, tag_name)
    }
}

/// The labels of several raters for several tags over one article's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelTable {
    tags: Vec<TagId>,
    /// `[tag][rater][token]`.
    labels: Vec<Vec<Vec<bool>>>,
    raters: usize,
}

impl LabelTable {
    /// Labels every rater's annotations for each of `tags`.
    pub fn new(tokens: &Tokens, raters: &[&[Annotation]], tags: &[TagId]) -> Self {
        let labels = tags
            .iter()
            .map(|tag| raters.iter().map(|annotations| labels(tokens, *annotations, tag)).collect())
            .collect();
        LabelTable { tags: tags.to_vec(), labels, raters: raters.len() }
    }

    pub fn tags(&self) -> &[TagId] {
        &self.tags
    }

    pub fn raters(&self) -> usize {
        self.raters
    }

    /// Rater `rater`'s labels for the tag at `tag_index`. Indices come from [`Self::tags`] and
    /// `0..raters()`; others panic.
    pub fn labels(&self, tag_index: usize, rater: usize) -> &[bool] {
        &self.labels[tag_index][rater]
    }

    /// How many of `raters` tagged token `token` with the tag at `tag_index` (indices as for [`Self::labels`]).
    pub fn count(&self, tag_index: usize, token: usize, raters: &[usize]) -> usize {
        raters.iter().filter(|&&r| self.labels[tag_index][r][token]).count()
    }

    fn selected(&self, tag_index: usize, raters: &[usize]) -> Vec<&[bool]> {
        raters.iter().map(|&r| self.labels(tag_index, r)).collect()
    }

    /// Cohen's kappa and percent agreement of raters `a` and `b`.
    pub fn pair(&self, a: usize, b: usize) -> PairAgreement {
        let per_tag = (0..self.tags.len())
            .map(|t| {
                let (x, y) = (self.labels(t, a), self.labels(t, b));
                TagFigures { tag: self.tags[t].clone(), percent: percent_agreement(x, y), kappa: cohen_kappa(x, y) }
            })
            .collect();
        PairAgreement { a, b, agreement: Agreement::from_tags(per_tag) }
    }

    /// Every pair of `raters`, each pair once in the order given.
    pub fn pairs(&self, raters: &[usize]) -> Vec<PairAgreement> {
        let mut pairs = Vec::new();
        for (i, &a) in raters.iter().enumerate() {
            for &b in &raters[i + 1..] {
                pairs.push(self.pair(a, b));
            }
        }
        pairs
    }

    /// Fleiss' kappa and mean pairwise agreement of `raters` as a group.
    pub fn class(&self, raters: &[usize]) -> Agreement {
        let per_tag = (0..self.tags.len())
            .map(|t| {
                let labels = self.selected(t, raters);
                TagFigures {
                    tag: self.tags[t].clone(),
                    percent: mean_pairwise_agreement(&labels),
                    kappa: fleiss_kappa(&labels),
                }
            })
            .collect();
        Agreement::from_tags(per_tag)
    }

    /// The passages where `raters` split on a tag: maximal runs of consecutive tokens tagged by
    /// the same raters, neither none nor all of them. In article order, then tag order.
    pub fn disagreements(&self, tokens: &Tokens, raters: &[usize]) -> Vec<Disagreement> {
        let mut found = Vec::new();
        for (t, tag) in self.tags.iter().enumerate() {
            let who =
                |token: usize| -> Vec<usize> { raters.iter().copied().filter(|&r| self.labels[t][r][token]).collect() };
            let mut token = 0;
            while token < tokens.len() {
                let tagged_by = who(token);
                let split = !tagged_by.is_empty() && tagged_by.len() < raters.len();
                let mut end = token + 1;
                while end < tokens.len() && who(end) == tagged_by {
                    end += 1;
                }
                if let (true, Some((start, stop))) = (split, tokens.span(token..end)) {
                    let raters = raters.len();
                    found.push(Disagreement {
                        tag: tag.clone(),
                        start,
                        end: stop,
                        tokens: token..end,
                        tagged_by,
                        raters,
                    });
                }
                token = end;
            }
        }
        crate::domain::text::sort::sort_by_key(&mut found, |d| {
            (d.start, self.tags.iter().position(|t| t == &d.tag), d.end)
        });
        found
    }
}

/// Cohen's kappa and percent agreement of two raters' annotations, per tag and overall.
pub fn pair_agreement(tokens: &Tokens, a: &[Annotation], b: &[Annotation], tags: &[TagId]) -> Agreement {
    LabelTable::new(tokens, &[a, b], tags).pair(0, 1).agreement
}

/// Fleiss' kappa and mean pairwise agreement of a group of raters, per tag and overall.
pub fn class_agreement(tokens: &Tokens, raters: &[&[Annotation]], tags: &[TagId]) -> Agreement {
    let all: Vec<usize> = (0..raters.len()).collect();
    LabelTable::new(tokens, raters, tags).class(&all)
}
