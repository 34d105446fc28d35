//! A small map kept as one vector sorted by key, for the maps inside a
//! record (a workshop session's ballots, notes, tallies and reflections, a
//! ballot's answers, a dream's claims), and a small set the same way (the
//! parts of the day, categories and boundaries a form or a filter holds).
//!
//! It behaves like a `BTreeMap` for what the records need (look-up, insert,
//! iteration in key order, serde as a map), but each key and value type
//! adds a few hundred bytes of wasm instead of another copy of the B-tree
//! (the workshop's bundle held six, 55 KB). Building one from many items
//! sorts them once, and two are joined in one pass, so even a session's
//! 50,000 ballots are quick; only a single insert moves the items after it.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map from `K` to `V`, in key order.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { entries: Vec::new() }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries.iter().map(|(k, v)| (k, v))).finish()
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        SortedMap::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value under `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Whether there is a value under `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Puts `value` under `key`; returns the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value under `key`, to change it.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// Takes out the value under `key`.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The values in key order, taken out.
    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.entries.into_iter().map(|(_, v)| v)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.entries.iter().map(pair)
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.entries.iter().map(|(k, _)| k)
    }

    /// A map of both maps' entries, one pass: under a key in both,
    /// `both(ours, theirs)`.
    pub fn join_with(&self, other: &Self, both: impl Fn(&V, &V) -> V) -> Self
    where
        K: Clone,
        V: Clone,
    {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let mut out = Vec::with_capacity(self.len() + other.len());
        let (mut a, mut b) = (self.entries.iter().peekable(), other.entries.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some((ka, _)), Some((kb, _))) => ka.cmp(kb),
                (Some(_), None) => Less,
                (None, Some(_)) => Greater,
                (None, None) => break,
            };
            match next {
                Less => out.extend(a.next().cloned()),
                Greater => out.extend(b.next().cloned()),
                Equal => {
                    if let (Some((k, ours)), Some((_, theirs))) = (a.next(), b.next()) {
                        out.push((k.clone(), both(ours, theirs)));
                    }
                }
            }
        }
        SortedMap { entries: out }
    }

    /// A map of `items`, sorted once; under a key given more than once,
    /// `both(earlier, later)` of them in turn.
    pub fn from_items(items: impl IntoIterator<Item = (K, V)>, both: impl Fn(V, V) -> V) -> Self {
        let mut entries: Vec<(K, V)> = items.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(K, V)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some((last, _)) if *last == k => {
                    if let Some((k, earlier)) = out.pop() {
                        out.push((k, both(earlier, v)));
                    }
                }
                _ => out.push((k, v)),
            }
        }
        SortedMap { entries: out }
    }
}

/// `map[&key]`, as for a `BTreeMap`: panics when there is no such key.
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

/// The entries of a [`SortedMap`] in key order.
pub type Iter<'a, K, V> = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

fn pair<K, V>((k, v): &(K, V)) -> (&K, &V) {
    (k, v)
}

impl<'a, K: Ord, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Later entries replace earlier ones with the same key, as in a `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        SortedMap::from_items(items, |_, later| later)
    }
}

/// Written as a JSON object, as a `BTreeMap` is.
impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Read from a JSON object; a key given twice keeps its last value, as in a
/// `BTreeMap`.
impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for Entries<K, V> {
            type Value = SortedMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(entry) = access.next_entry()? {
                    items.push(entry);
                }
                Ok(items.into_iter().collect())
            }
        }
        d.deserialize_map(Entries(PhantomData))
    }
}

/// A set of `T`, in order.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortedSet<T> {
    items: Vec<T>,
}

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet { items: Vec::new() }
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.items).finish()
    }
}

impl<T: Ord> SortedSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        SortedSet::default()
    }

    /// Adds `item`; false when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.items.binary_search(&item) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, item);
                true
            }
        }
    }

    /// Takes `item` out; false when it was not there.
    pub fn remove(&mut self, item: &T) -> bool {
        match self.items.binary_search(item) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Whether `item` is in the set.
    pub fn contains(&self, item: &T) -> bool {
        self.items.binary_search(item).is_ok()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is no item.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        items.sort();
        items.dedup();
        SortedSet { items }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

/// Written as a JSON list, as a `BTreeSet` is.
impl<T: Serialize> Serialize for SortedSet<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(&self.items)
    }
}

/// Read from a JSON list; an item given twice is kept once.
impl<'de, T: Ord + Deserialize<'de>> Deserialize<'de> for SortedSet<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(d)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec((0u8..40, any::<u16>()), 0..200)) {
            let mut ours = SortedMap::new();
            let mut theirs = BTreeMap::new();
            for (k, v) in &ops {
                prop_assert_eq!(ours.insert(*k, *v), theirs.insert(*k, *v));
            }
            prop_assert_eq!(ours.len(), theirs.len());
            prop_assert_eq!(ours.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(), theirs.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>());
            for k in 0u8..40 {
                prop_assert_eq!(ours.get(&k), theirs.get(&k));
                prop_assert_eq!(ours.contains_key(&k), theirs.contains_key(&k));
            }
            let collected: SortedMap<u8, u16> = ops.iter().copied().collect();
            prop_assert_eq!(&collected, &ours);
            prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
        }

        #[test]
        fn joins_in_one_pass_as_inserting_one_by_one(
            a in proptest::collection::vec((0u8..30, any::<u16>()), 0..60),
            b in proptest::collection::vec((0u8..30, any::<u16>()), 0..60),
        ) {
            let (a, b): (SortedMap<u8, u16>, SortedMap<u8, u16>) = (a.into_iter().collect(), b.into_iter().collect());
            let joined = a.join_with(&b, |x, y| *x.max(y));
            let mut slow = a.clone();
            for (k, v) in &b {
                let v = slow.get(k).map_or(*v, |mine| *mine.max(v));
                slow.insert(*k, v);
            }
            prop_assert_eq!(joined, slow);
        }
    }

    proptest! {
        #[test]
        fn the_set_behaves_as_a_btree_set(ops in proptest::collection::vec((any::<bool>(), 0u8..30), 0..200)) {
            let mut ours = SortedSet::new();
            let mut theirs = std::collections::BTreeSet::new();
            for (add, x) in &ops {
                if *add {
                    prop_assert_eq!(ours.insert(*x), theirs.insert(*x));
                } else {
                    prop_assert_eq!(ours.remove(x), theirs.remove(x));
                }
            }
            prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
            prop_assert_eq!(ours.len(), theirs.len());
            for x in 0u8..30 {
                prop_assert_eq!(ours.contains(&x), theirs.contains(&x));
            }
            prop_assert_eq!(serde_json::to_string(&ours).unwrap(), serde_json::to_string(&theirs).unwrap());
            let back: SortedSet<u8> = serde_json::from_str(&serde_json::to_string(&theirs).unwrap()).unwrap();
            prop_assert_eq!(&back, &ours);
            let collected: SortedSet<u8> = ops.iter().filter(|(add, _)| *add).map(|(_, x)| *x).collect();
            prop_assert_eq!(collected.len(), ops.iter().filter(|(add, _)| *add).map(|(_, x)| *x).collect::<std::collections::BTreeSet<_>>().len());
        }

        #[test]
        fn the_map_removes_and_changes_as_a_btree_map(ops in proptest::collection::vec((0u8..3, 0u8..20, any::<u16>()), 0..200)) {
            let mut ours = SortedMap::new();
            let mut theirs = BTreeMap::new();
            for (op, k, v) in &ops {
                match op {
                    0 => prop_assert_eq!(ours.insert(*k, *v), theirs.insert(*k, *v)),
                    1 => prop_assert_eq!(ours.remove(k), theirs.remove(k)),
                    _ => {
                        if let Some(x) = ours.get_mut(k) { *x = *v; }
                        if let Some(x) = theirs.get_mut(k) { *x = *v; }
                    }
                }
            }
            prop_assert_eq!(ours.clone().into_values().collect::<Vec<_>>(), theirs.values().copied().collect::<Vec<_>>());
            ours.clear();
            prop_assert!(ours.is_empty());
        }
    }

    #[test]
    fn reads_back_what_it_writes_and_keeps_the_last_of_a_repeated_key() {
        let m: SortedMap<String, u8> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), [("a", 2), ("b", 3)]);
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":2,"b":3}"#);
        assert_eq!(m.get("a"), Some(&2));
        let counted = SortedMap::from_items([("x", 1), ("y", 1), ("x", 2)], |a, b| a + b);
        assert_eq!(counted.get("x"), Some(&3));
    }
}
