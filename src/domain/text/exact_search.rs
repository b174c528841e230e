//! Every occurrence of a quote in an article's text, found with the standard library's linear substring search and given in code points.
//!
//! Re-anchoring looks for each imported quote elsewhere in the article. Comparing code point
//! slices at every position cost text times quote on repetitive input (20,000 quotes of a file
//! took seconds); `str::find` is linear and fast.

/// An article's text prepared for exact search.
pub struct ExactSearch {
    utf8: String,
    /// The byte offset of each code point, plus the end.
    byte_of_char: Vec<usize>,
}

impl ExactSearch {
    pub fn new(text: &str) -> Self {
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        byte_of_char.push(text.len());
        ExactSearch { utf8: text.to_string(), byte_of_char }
    }

    /// Start positions (code points) of every occurrence of `needle`, overlapping ones included;
    /// none for an empty needle.
    pub fn occurrences<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            if needle.is_empty() {
                return None;
            }
            let at = from + self.utf8.get(from..)?.find(needle)?;
            let char_index = self.byte_of_char.partition_point(|&b| b < at);
            // The next search starts one code point further on, so overlapping occurrences count.
            from = self.byte_of_char[char_index + 1];
            crate::domain::text::work::tick(1);
            Some(char_index)
        })
    }
}
