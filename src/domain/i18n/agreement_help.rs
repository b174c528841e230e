//! The definitions behind the class view's figures, in plain sentences, for the app's help.
//!
//! Kept next to the code that computes the figures (`tokens.rs`, `agreement.rs`,
//! `answer_key.rs`, `class.rs`) so a change to a definition is a change to this text.

/// One section of the help: a title and its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
}

/// What the class view's figures mean, section by section.
pub const AGREEMENT_HELP: &[HelpSection] = &[
    HelpSection {
        title: "Words are the unit",
        paragraphs: &[
            "Every figure counts words. A word is what the Unicode word rules make of the text; spaces and punctuation are not words.",
            "A highlight counts a word as tagged if it covers at least one character of it, so a highlight that starts or ends inside a word counts that whole word.",
            "For each tag, each student either tagged a word with that tag or did not. Tags are compared one at a time; a word with two tags counts once for each.",
        ],
    },
    HelpSection {
        title: "Percent agreement",
        paragraphs: &[
            "For two students: the share of words they treated the same way, both tagging them or both leaving them.",
            "For the class: the average of that share over every pair of students (which is also the average, over words, of the share of pairs that agree on the word).",
            "Percent agreement is high whenever a tag is rare, because most words are left untagged by everyone. Kappa corrects for that.",
        ],
    },
    HelpSection {
        title: "Cohen's kappa (two students)",
        paragraphs: &[
            "κ = (po − pe) / (1 − pe). po is the percent agreement. pe is the agreement expected by chance: if one student tagged a share a of the words and the other a share b, pe = a·b + (1 − a)·(1 − b).",
            "1 means full agreement, 0 no more than chance, and below 0 less than chance.",
        ],
    },
    HelpSection {
        title: "Fleiss' kappa (the class)",
        paragraphs: &[
            "κ = (P − Pe) / (1 − Pe). P is the class's percent agreement. If p is the share of all the class's word labels that are \"tagged\", Pe = p² + (1 − p)².",
        ],
    },
    HelpSection {
        title: "Overall figures",
        paragraphs: &[
            "The overall percent agreement and kappa are the averages of the per-tag figures, leaving out tags whose figure is undefined.",
        ],
    },
    HelpSection {
        title: "When kappa is undefined",
        paragraphs: &[
            "If nobody used a tag, or everyone tagged every word with it, chance alone explains the agreement: percent agreement is 100 % and kappa is 0 divided by 0. It is shown as undefined, with the reason, rather than as a number.",
        ],
    },
    HelpSection {
        title: "Comparing with an answer key",
        paragraphs: &[
            "Each highlight is a passage of words, once for each of its tags. A student's passage matches an answer-key passage with the same tag when the words they share are at least half of the words either covers (shared words ÷ words in either ≥ 0.5).",
            "Each passage matches at most one other: the best-overlapping pairs are taken first.",
            "Precision is matches ÷ the student's passages; recall is matches ÷ the key's passages; F1 is 2 × matches ÷ (the student's passages + the key's passages). Overall figures add up the counts of every tag before dividing.",
        ],
    },
    HelpSection {
        title: "Passages, density and consensus",
        paragraphs: &[
            "A passage is a stretch of words that at least one shown student tagged, listed in article order; \"7 of 12 students tagged this as Claim\" counts the shown students who used Claim on any of its words.",
            "The density strip splits the article into equal stretches of text. Each stretch shows the share of its words, times the shown students, that were tagged with the tag: 1 would mean every student tagged every word there.",
            "A disagreement is a run of words where some but not all of the shown students used a tag; it ends wherever the set of those students changes. The most divided come first (those tagged by closest to half the students), each with who tagged it and who did not.",
            "The consensus keeps, for each tag, every run of words that at least k of the shown students tagged with it.",
        ],
    },
];
