//! Tags (Claim, Quote, Policy shift, ...) with a colour and a second, non-colour cue each.

use serde::{Deserialize, Serialize};

/// A tag's stable identifier, kept in annotations; renaming a tag keeps its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TagId(pub String);

impl TagId {
    pub fn new(id: &str) -> Self {
        TagId(id.to_string())
    }
}

/// The line under a highlight: the cue that tells tags apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnderlineStyle {
    Solid,
    Double,
    Dotted,
    Dashed,
    Wavy,
}

impl UnderlineStyle {
    /// The CSS `text-decoration-style` keyword.
    pub fn css(self) -> &'static str {
        match self {
            UnderlineStyle::Solid => "solid",
            UnderlineStyle::Double => "double",
            UnderlineStyle::Dotted => "dotted",
            UnderlineStyle::Dashed => "dashed",
            UnderlineStyle::Wavy => "wavy",
        }
    }
}

/// One category a passage can be tagged with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    /// Highlight colour as `#rrggbb`.
    pub colour: String,
    pub underline: UnderlineStyle,
    pub description: String,
}

/// The ordered tags of an article; the position gives the number-key hotkey (1, 2, 3, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagSet {
    pub tags: Vec<Tag>,
}

impl Default for TagSet {
    /// Claim, Quote and Policy shift, in colours from the Okabe-Ito palette (distinct under the
    /// common colour-vision deficiencies), each also with its own underline style.
    fn default() -> Self {
        let tag = |id: &str, name: &str, colour: &str, underline, description: &str| Tag {
            id: TagId::new(id),
            name: name.to_string(),
            colour: colour.to_string(),
            underline,
            description: description.to_string(),
        };
        TagSet {
            tags: vec![
                tag("claim", "Claim", "#e69f00", UnderlineStyle::Solid, "A statement presented as fact or argument."),
                tag("quote", "Quote", "#56b4e9", UnderlineStyle::Dashed, "Words attributed to a person or source."),
                tag(
                    "policy-shift",
                    "Policy shift",
                    "#cc79a7",
                    UnderlineStyle::Wavy,
                    "A change in a government's policy or stance.",
                ),
            ],
        }
    }
}

impl TagSet {
    pub fn get(&self, id: &TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| &t.id == id)
    }

    /// The tag picked by number key `n` (1-based), if there is one.
    pub fn by_hotkey(&self, n: usize) -> Option<&Tag> {
        n.checked_sub(1).and_then(|i| self.tags.get(i))
    }

    /// The tag's display name, or its id for a tag this set does not know (from an older file, say).
    pub fn name_of<'a>(&'a self, id: &'a TagId) -> &'a str {
        self.get(id).map_or(id.0.as_str(), |t| t.name.as_str())
    }

    /// Position of the tag in the set, used to order chips; unknown tags sort last.
    pub fn position(&self, id: &TagId) -> usize {
        self.tags.iter().position(|t| &t.id == id).unwrap_or(usize::MAX)
    }
}
