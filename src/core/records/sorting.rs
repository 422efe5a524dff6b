//! Stable sorts for the whole app through one copy of the standard library's sort.
//!
//! Every `slice::sort_by` with its own element type or closure compiles its own copy of the
//! sort (about 9 KB of wasm each): 20 of them were 185 KB of the first wasm. Here the standard
//! sort runs once, on the elements' positions (`u32`) with the comparison behind a `dyn`, and
//! the elements are then moved into that order. A comparison costs one indirect call more; the
//! lists sorted here are at most some tens of thousands long.
//!
//! Each function is stable, as `slice::sort_by` is: elements that compare equal keep their order.
//! Maps and sets built from many items are filled one item at a time ([`map_of`], [`set_of`]):
//! `collect()` into them sorts the items first.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by `compare`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = positions(items.len());
    let shared: &[T] = items;
    sort_positions(&mut order, &|a, b| {
        compare(&shared[a as usize], &shared[b as usize])
    });
    put_in_order(items, &mut order);
}

/// Sorts `items` by the key `key` gives, computed at each comparison (cheap keys).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by the key `key` gives, computed once per element (costly keys, such as a
/// title's collation key).
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let mut order = positions(items.len());
    sort_positions(&mut order, &|a, b| keys[a as usize].cmp(&keys[b as usize]));
    put_in_order(items, &mut order);
}

/// A map of `items`, inserted one at a time (a later value for the same key wins, as with
/// `collect`). `collect()` into a `BTreeMap` sorts the items first, with a copy of the sort of
/// its own for each type of item.
pub fn map_of<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(items);
    map
}

/// A set of `items`, inserted one at a time (see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

fn positions(len: usize) -> Vec<u32> {
    let len = u32::try_from(len).expect("fewer than 2³² elements to sort");
    (0..len).collect()
}

/// The one instantiation of the standard sort. Never inlined: inlined, it would be copied into
/// every caller with the comparison made direct again.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

/// Moves the element at `order[i]` to position `i`, following each cycle of the permutation
/// with swaps; `order` is used up (each visited position marked as its own).
fn put_in_order<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut here = start;
        let mut from = order[here] as usize;
        while from != start {
            items.swap(here, from);
            order[here] = here as u32;
            here = from;
            from = order[here] as usize;
        }
        order[here] = here as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the same lists on every run.
    struct Numbers(u64);

    impl Numbers {
        fn next(&mut self, below: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % below
        }
    }

    /// Lists of (key, original position) with many ties, so stability shows.
    fn lists() -> Vec<Vec<(u64, usize)>> {
        let mut numbers = Numbers(7);
        let mut out = vec![vec![], vec![(1, 0)]];
        for len in [2, 3, 5, 17, 20, 21, 64, 100, 1000, 5000] {
            for keys in [2, 10, 1_000_000] {
                out.push((0..len).map(|i| (numbers.next(keys), i)).collect());
            }
        }
        out
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for list in lists() {
            let mut expected = list.clone();
            expected.sort_by_key(|e| e.0);
            let mut got = list.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "sort_by, {} elements", list.len());
            let mut got = list.clone();
            sort_by_key(&mut got, |e| e.0);
            assert_eq!(got, expected, "sort_by_key, {} elements", list.len());
            let mut got = list.clone();
            sort_by_cached_key(&mut got, |e| e.0);
            assert_eq!(got, expected, "sort_by_cached_key, {} elements", list.len());
            let mut reversed = list.clone();
            reversed.sort_by(|a, b| b.0.cmp(&a.0));
            let mut got = list.clone();
            sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            assert_eq!(got, reversed, "descending, {} elements", list.len());
        }
    }

    #[test]
    fn sort_orders_by_the_elements_own_order() {
        let mut words = vec!["đoàn", "ban", "ủy", "ban", "an"];
        sort(&mut words);
        assert_eq!(words, ["an", "ban", "ban", "đoàn", "ủy"]);
    }

    #[test]
    fn moves_elements_that_own_memory() {
        let mut names: Vec<String> = ["c", "a", "d", "b", "a"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "c", "d"]);
    }

    #[test]
    fn maps_and_sets_are_what_collect_gives() {
        let pairs = [(3, "c"), (1, "a"), (3, "z"), (2, "b")];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(pairs)[&3], "z");
        assert_eq!(
            set_of([3, 1, 3, 2]),
            [3, 1, 3, 2].into_iter().collect::<BTreeSet<_>>()
        );
    }

    #[test]
    fn the_cached_key_is_computed_once_per_element() {
        let calls = std::cell::Cell::new(0);
        let mut list: Vec<u32> = (0..50).rev().collect();
        sort_by_cached_key(&mut list, |n| {
            calls.set(calls.get() + 1);
            *n
        });
        assert_eq!(calls.get(), 50);
        assert_eq!(list, (0..50).collect::<Vec<_>>());
    }
}
