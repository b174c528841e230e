//! Plain readings of the class view's figures: a kappa's Landis and Koch band, why high agreement can come with a low kappa, and a score as passages found and extra.
//!
//! Landis and Koch (1977) read a kappa as poor (below 0), slight (0 to 0.20), fair (0.21 to
//! 0.40), moderate (0.41 to 0.60), substantial (0.61 to 0.80) or almost perfect (0.81 to 1). The
//! bands are written in hundredths, so a kappa is read as the two decimals the class view shows:
//! 0.205 is shown as 0.21 and read as fair, never "0.21, slight".

use super::agreement::Figure;
use super::answer_key::SpanScore;

/// A Landis and Koch band, from worst to best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Poor,
    Slight,
    Fair,
    Moderate,
    Substantial,
    AlmostPerfect,
}

impl Band {
    /// Every band, worst first (the order of the texts that name them).
    pub const ALL: [Band; 6] =
        [Band::Poor, Band::Slight, Band::Fair, Band::Moderate, Band::Substantial, Band::AlmostPerfect];

    /// The band's position in [`Band::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The band of `kappa`, read as the two decimals shown.
pub fn band(kappa: f64) -> Band {
    let hundredths = (kappa * 100.0).round() as i64;
    match hundredths {
        i64::MIN..=-1 => Band::Poor,
        0..=20 => Band::Slight,
        21..=40 => Band::Fair,
        41..=60 => Band::Moderate,
        61..=80 => Band::Substantial,
        _ => Band::AlmostPerfect,
    }
}

/// The band of a figure, when it has a value.
pub fn band_of(kappa: Figure) -> Option<Band> {
    kappa.value().map(band)
}

/// Percent agreement at which a kappa no better than fair needs explaining: 90 %.
pub const HIGH_AGREEMENT: f64 = 0.9;

/// Whether agreement is high (at least [`HIGH_AGREEMENT`]) while kappa is fair or worse: the
/// mark of a rare tag, where most words carry no tag for anyone, so chance alone agrees often
/// and kappa discounts it.
pub fn rare_tag_paradox(percent: Figure, kappa: Figure) -> bool {
    match (percent.value(), band_of(kappa)) {
        (Some(p), Some(b)) => p >= HIGH_AGREEMENT && b <= Band::Fair,
        _ => false,
    }
}

pub use crate::domain::i18n::Found;

/// What `score` says in passages: matched key spans, key spans, and the student's unmatched spans.
pub fn found(score: &SpanScore) -> Found {
    Found { found: score.matched, of: score.key_spans, extra: score.student_spans.saturating_sub(score.matched) }
}
