//! One generic merge for every record collection: last writer wins by
//! revision stamp, per record id, with a kind-specific hook (dreams keep every
//! claim). Commutative, associative and idempotent; see `tests/merge_laws.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::record::meta::{Meta, RecordId};

/// A record that can travel between devices.
pub trait Record: Clone + Serialize {
    /// Its id, revision and tombstone.
    fn meta(&self) -> &Meta;

    /// A short human label (the title) used in import reports.
    fn label(&self) -> String;

    /// Checks a record read from a file; a Danish message when it is unusable.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }

    /// Joins two versions of the same record (same id). The default keeps the
    /// newer revision whole. Implementations must stay commutative,
    /// associative and idempotent.
    fn join(a: &Self, b: &Self) -> Self {
        pick_newer(a, b).clone()
    }
}

/// The newer of two versions; equal stamps are broken by their canonical JSON,
/// so the choice never depends on argument order.
pub fn pick_newer<'a, R: Record>(a: &'a R, b: &'a R) -> &'a R {
    use std::cmp::Ordering::*;
    match a.meta().rev.cmp(&b.meta().rev) {
        Greater => a,
        Less => b,
        Equal => {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            if ja >= jb {
                a
            } else {
                b
            }
        }
    }
}

/// A set of records keyed by id, tombstones included.
pub type Collection<R> = BTreeMap<RecordId, R>;

/// Builds a collection from a list; a repeated id is joined, not duplicated.
pub fn collect<R: Record>(items: impl IntoIterator<Item = R>) -> Collection<R> {
    let mut out = Collection::new();
    for item in items {
        insert(&mut out, item);
    }
    out
}

/// Joins one record into a collection.
pub fn insert<R: Record>(into: &mut Collection<R>, item: R) {
    let id = item.meta().id;
    let joined = match into.get(&id) {
        Some(existing) => R::join(existing, &item),
        None => item,
    };
    into.insert(id, joined);
}

/// The merge of two collections.
pub fn merge<R: Record>(a: &Collection<R>, b: &Collection<R>) -> Collection<R> {
    let mut out = a.clone();
    for item in b.values() {
        insert(&mut out, item.clone());
    }
    out
}

/// The live (not deleted) records, in id order.
pub fn live<R: Record>(c: &Collection<R>) -> impl Iterator<Item = &R> {
    c.values().filter(|r| !r.meta().deleted)
}
