//! Tags (Claim, Quote, Policy shift, ...) with a colour and a second, non-colour cue each.

/// Most tags a tag set may hold after an import, in a preset, and most tags a pack may define.
pub const MAX_TAGS: usize = 200;

/// A tag's stable identifier, kept in annotations; renaming a tag keeps its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagId(pub String);

impl TagId {
    pub fn new(id: &str) -> Self {
        TagId(id.to_string())
    }
}

/// The line under a highlight: the cue that tells tags apart without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: TagId,
    pub name: String,
    /// Highlight colour as `#rrggbb`.
    pub colour: String,
    pub underline: UnderlineStyle,
    /// Shown as help when the tag is chosen.
    pub description: String,
    /// The key that picks this tag, if one was set (a letter, lower case, or a digit); a tag
    /// without one uses its position, see [`TagSet::hotkey_of`].
    pub hotkey: Option<char>,
}

/// The ordered tags of an article; the position gives the default number-key hotkey (1, 2, 3, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagSet {
    pub tags: Vec<Tag>,
}

/// The Okabe-Ito palette (distinct under the common colour-vision deficiencies) in the order new
/// tags take it; its black is left out, because a black highlight hides the text under it.
pub const PALETTE: [&str; 7] = ["#e69f00", "#56b4e9", "#cc79a7", "#009e73", "#0072b2", "#d55e00", "#f0e442"];

/// Every underline, in the order new tags take them.
pub const UNDERLINES: [UnderlineStyle; 5] = [
    UnderlineStyle::Solid,
    UnderlineStyle::Dashed,
    UnderlineStyle::Wavy,
    UnderlineStyle::Dotted,
    UnderlineStyle::Double,
];

impl Default for TagSet {
    /// The default set with its English names; see [`TagSet::defaults`].
    fn default() -> Self {
        TagSet::defaults(&crate::domain::i18n::EN)
    }
}

impl TagSet {
    /// Claim, Quote and Policy shift named in the language of `t` (the ids stay `claim`, `quote`
    /// and `policy-shift` in every language), in colours from the Okabe-Ito palette, each also
    /// with its own underline style.
    pub fn defaults(t: &crate::domain::i18n::Texts) -> Self {
        let ids = ["claim", "quote", "policy-shift"];
        let tags = (0..ids.len())
            .map(|i| Tag {
                id: TagId::new(ids[i]),
                name: t.default_tag_names[i].to_string(),
                colour: PALETTE[i].to_string(),
                underline: UNDERLINES[i],
                description: t.default_tag_descriptions[i].to_string(),
                hotkey: None,
            })
            .collect();
        TagSet { tags }
    }

    /// The colour and underline a new tag gets: the first palette colour no tag uses yet (else
    /// the one fewest tags use), and the first underline no tag uses (else the one fewest use),
    /// so a new tag does not look like one already there.
    pub fn next_look(&self) -> (&'static str, UnderlineStyle) {
        let colour = least_used(&PALETTE, |c| self.tags.iter().filter(|t| t.colour.eq_ignore_ascii_case(c)).count());
        let underline = least_used(&UNDERLINES, |u| self.tags.iter().filter(|t| t.underline == *u).count());
        (colour, underline)
    }

    /// Each tag's key (see [`Self::hotkey_at`]) with its name, in order; tags without a key are left out.
    pub fn keys(&self) -> Vec<(char, &str)> {
        (0..self.tags.len()).filter_map(|i| Some((self.hotkey_at(i)?, self.tags[i].name.as_str()))).collect()
    }
}

/// The first of `choices` with the lowest `uses`.
fn least_used<T: Copy>(choices: &[T], uses: impl Fn(&T) -> usize) -> T {
    let fewest = choices.iter().map(&uses).min().unwrap_or(0);
    *choices.iter().find(|c| uses(c) == fewest).unwrap_or(&choices[0])
}

impl TagSet {
    pub fn get(&self, id: &TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| &t.id == id)
    }

    /// The tag picked by number key `n` (1-based), if there is one; the same as [`Self::by_key`]
    /// with that digit.
    pub fn by_hotkey(&self, n: usize) -> Option<&Tag> {
        let digit = char::from_digit(u32::try_from(n).ok()?, 10)?;
        self.by_key(digit)
    }

    /// The key that picks the tag at `index`: the one set for it, or else its position `1`..`9`
    /// unless another tag has that digit set as its own key (a key that was set wins).
    pub fn hotkey_at(&self, index: usize) -> Option<char> {
        let tag = self.tags.get(index)?;
        if let Some(key) = tag.hotkey {
            return Some(key);
        }
        let digit = u32::try_from(index + 1).ok().filter(|n| *n <= 9).and_then(|n| char::from_digit(n, 10))?;
        (!self.tags.iter().any(|t| t.hotkey == Some(digit))).then_some(digit)
    }

    /// The key that picks tag `id`, see [`Self::hotkey_at`].
    pub fn hotkey_of(&self, id: &TagId) -> Option<char> {
        self.hotkey_at(self.tags.iter().position(|t| &t.id == id)?)
    }

    /// The tag picked by `key` (letters in either case), if any.
    pub fn by_key(&self, key: char) -> Option<&Tag> {
        let key = normalise_key(key)?;
        (0..self.tags.len()).find(|&i| self.hotkey_at(i) == Some(key)).map(|i| &self.tags[i])
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

/// A key as hotkeys store it: letters lower-cased, digits as they are; `None` for anything else.
pub fn normalise_key(key: char) -> Option<char> {
    crate::domain::text::lowercase::lower_char(key).filter(|k| k.is_alphanumeric())
}
