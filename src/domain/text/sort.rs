//! Stable sorting through one shared, compiled-once sort of indices, so each element type does not add its own copy of the standard library's sort to the wasm.
//!
//! `slice::sort_by_key` is generic over the element and the key: every call site with a new
//! pair of types compiles the whole driftsort again (about 4 KB of wasm each). These helpers sort
//! a `Vec<usize>` of positions with a `dyn` comparison instead, then move the elements into that
//! order; the result is the same stable order `sort_by_key` gives.
//!
//! Collecting into a `BTreeMap`, `BTreeSet` or `serde_json::Map` sorts its input the same way (a
//! copy per element type): fill those with `insert` instead.

use std::cmp::Ordering;

/// Sorts `items` stably by `key`, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|position| slots[position].take()));
}

/// The positions `0..len` in the stable order `compare` gives them; the one sort every caller shares.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_key_keeping_equal_keys_in_their_order() {
        type Items = &'static [(u8, char)];
        let cases: &[(Items, Items)] = &[
            (&[], &[]),
            (&[(1, 'a')], &[(1, 'a')]),
            (&[(2, 'a'), (1, 'b')], &[(1, 'b'), (2, 'a')]),
            (&[(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], &[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]),
        ];
        for (input, expected) in cases {
            let mut items = input.to_vec();
            sort_by_key(&mut items, |&(key, _)| key);
            assert_eq!(&items, expected, "sorting {input:?}");
        }
    }

    #[test]
    fn sorts_by_a_comparison_in_reverse() {
        let mut items = vec![String::from("b"), String::from("c"), String::from("a")];
        sort_by(&mut items, |a, b| b.cmp(a));
        assert_eq!(items, ["c", "b", "a"]);
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(items in proptest::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut sorted = items;
            sort_by_key(&mut sorted, |&(key, _)| key);
            prop_assert_eq!(sorted, expected);
        }
    }
}
