//! The merge laws, checked over thousands of generated cases: the same files
//! merged in any order, any number of times, give the same result.

use proptest::prelude::*;
use serde::Serialize;
use tid_og_lyst_core::record::merge::{collect, merge, pick_newer, Collection, Record};
use tid_og_lyst_core::record::meta::{DeviceId, Meta, RecordId, Rev};
use uuid::Uuid;

/// A small record for the laws: a value and its meta.
#[derive(Clone, Debug, PartialEq, Serialize)]
struct Note {
    #[serde(flatten)]
    meta: Meta,
    text: String,
}

impl Record for Note {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn label(&self) -> String {
        self.text.clone()
    }
}

fn note() -> impl Strategy<Value = Note> {
    // Few ids, few devices and few times, so collisions and ties are common.
    (0u8..6, 0i64..4, 0u32..3, 0u8..3, any::<bool>(), "[a-c]{0,2}").prop_map(|(id, at, n, dev, deleted, text)| Note {
        meta: Meta {
            id: RecordId(Uuid::from_u128(id as u128 + 1)),
            rev: Rev { at: 1_700_000_000_000 + at, n, by: DeviceId(format!("d{dev}")) },
            deleted,
        },
        text,
    })
}

fn coll() -> impl Strategy<Value = Collection<Note>> {
    prop::collection::vec(note(), 0..12).prop_map(collect)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn merge_is_commutative(a in coll(), b in coll()) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
    }

    #[test]
    fn merge_is_associative(a in coll(), b in coll(), c in coll()) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent(a in coll(), b in coll()) {
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &b), ab.clone());
        prop_assert_eq!(merge(&a, &a), a);
    }

    #[test]
    fn merge_keeps_the_newest_revision_of_every_id(a in coll(), b in coll()) {
        let m = merge(&a, &b);
        for (id, r) in &m {
            for side in [&a, &b] {
                if let Some(x) = side.get(id) {
                    prop_assert!(r.meta.rev >= x.meta.rev);
                }
            }
        }
        // Nothing is invented and nothing is lost.
        let ids: std::collections::BTreeSet<_> = a.keys().chain(b.keys()).collect();
        prop_assert_eq!(ids.len(), m.len());
    }

    #[test]
    fn pick_newer_does_not_depend_on_order(x in note(), y in note()) {
        prop_assert_eq!(pick_newer(&x, &y), pick_newer(&y, &x));
    }
}

#[test]
fn a_tombstone_that_is_newer_deletes() {
    let id = RecordId(Uuid::from_u128(9));
    let live = Note {
        meta: Meta { id, rev: Rev { at: 1, n: 0, by: DeviceId("a".into()) }, deleted: false },
        text: "x".into(),
    };
    let mut dead = live.clone();
    dead.meta.rev.at = 2;
    dead.meta.deleted = true;
    let m = merge(&collect([live.clone()]), &collect([dead]));
    assert!(m[&id].meta.deleted);
    // An older tombstone does not delete a newer edit.
    let mut newer = live;
    newer.meta.rev.at = 3;
    let m2 = merge(&m, &collect([newer]));
    assert!(!m2[&id].meta.deleted);
}
