//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Every `slice::sort_by` with a new element type or comparison closure is
//! compiled into a copy of the whole sort (about 3.5 KB of wasm each; the
//! dreams' bundle held six). These helpers sort a list of positions with
//! one comparison behind a `&dyn Fn`, so the sort itself is compiled once,
//! and then put the elements in that order. Same order as `sort_by` (stable);
//! one indirect call per comparison, which costs nothing a person notices
//! even for the 50,000 activities of `bench/activities.mjs`.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (like `slice::sort_by`).
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by `key`, computing each element's key once (like
/// `slice::sort_by_cached_key`).
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = positions(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// Sorts `v` in its natural order (like `slice::sort`).
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// The positions `0..len` in the order `cmp` gives them, stably: the one
/// place the standard sort is instantiated.
#[inline(never)]
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// Puts `v` in the order `order` gives (`v[i]` becomes the old
/// `v[order[i]]`), following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        // Each cycle is walked once, from its smallest position; the
        // positions done are marked by pointing at themselves.
        while order[at] != start {
            let next = order[at];
            v.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_by_a_comparison_and_keeps_equal_ones_in_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sorts_by_a_key_computed_once_per_element() {
        let calls = std::cell::Cell::new(0);
        let mut v = vec!["ccc", "a", "bb", "dd"];
        by_key(&mut v, |s| {
            calls.set(calls.get() + 1);
            s.len()
        });
        assert_eq!(v, vec!["a", "bb", "dd", "ccc"]);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn empty_and_single_lists_stay_as_they_are() {
        let mut empty: Vec<u8> = vec![];
        natural(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        natural(&mut one);
        assert_eq!(one, vec![7]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v.clone();
            by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(&ours, &std);
            let mut ours = v.clone();
            let mut std = v;
            by_key(&mut ours, |x| x.1 % 7);
            std.sort_by_cached_key(|x| x.1 % 7);
            prop_assert_eq!(&ours, &std);
            natural(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }
}
