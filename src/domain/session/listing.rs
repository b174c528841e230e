//! What the Annotations sidebar lists: the first rows matching the tag filter and the search, how many match, and the count per tag.

use std::rc::Rc;

use crate::domain::annotation::store::Store;
use crate::domain::annotation::tags::{TagId, TagSet};
use crate::domain::annotation::Annotation;

/// How many sidebar rows are listed at first, and added by each "Show more": the page stays
/// light however many annotations there are (search reaches the rest).
pub const LISTED_ROWS: usize = 100;

/// The sidebar's rows and counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// The first `rows` matching annotations, in article order (search order with a query).
    pub entries: Rc<Vec<Annotation>>,
    /// How many annotations match in all.
    pub matched: usize,
    /// Annotations per tag, in the tag set's order.
    pub counts: Rc<Vec<usize>>,
}

/// Lists at most `rows` annotations of `store` with `filter`'s tag (any when `None`) that match
/// `query` (all when blank). Only the listed rows are cloned; the others are only counted, so
/// this costs little after every change with 10,000 annotations.
pub fn listing(store: &Store, tags: &TagSet, filter: Option<&TagId>, query: &str, rows: usize) -> Listing {
    let wanted = |a: &&Annotation| filter.is_none_or(|tag| a.has_tag(tag));
    let (entries, matched) = if query.trim().is_empty() {
        let entries: Vec<Annotation> = store.in_order().filter(wanted).take(rows).cloned().collect();
        let matched = filter.map_or(store.len(), |tag| store.count_with_tag(tag));
        (entries, matched)
    } else {
        let mut matching = store.search(query).into_iter().filter(wanted);
        let entries: Vec<Annotation> = matching.by_ref().take(rows).cloned().collect();
        let matched = entries.len() + matching.count();
        (entries, matched)
    };
    let by_tag = store.count_by_tag();
    let counts: Vec<usize> = tags.tags.iter().map(|t| by_tag.get(&t.id).copied().unwrap_or(0)).collect();
    Listing { entries: Rc::new(entries), matched, counts: Rc::new(counts) }
}
