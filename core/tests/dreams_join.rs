//! Merge laws for dreams, claims included: join is commutative, associative
//! and idempotent; claims from every device survive; the dream's own fields
//! follow the newest revision; a private note is never erased by a copy
//! without it.

use proptest::prelude::*;
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::record::merge::Record;
use tid_og_lyst_core::record::meta::{DeviceId, Meta, RecordId, Rev};

fn rev(at: i64, n: u32, by: &str) -> Rev {
    Rev { at, n, by: DeviceId(by.into()) }
}

fn id(n: u128) -> RecordId {
    RecordId(uuid::Uuid::from_u128(n))
}

fn base() -> Dream {
    let a = Act { rev: rev(100, 0, "k"), who: "K".into() };
    let mut d = Dream::new(&a, id(1));
    d.title = "Koncert i Tivoli".into();
    d
}

/// A version of the same dream as some device could hold it.
fn version() -> impl Strategy<Value = Dream> {
    let claim = (
        0u128..4,
        0i64..5,
        0u32..2,
        prop::sample::select(vec!["a", "b"]),
        any::<bool>(),
        prop::sample::select(vec!["Anna", "Bent"]),
    )
        .prop_map(|(cid, at, n, by, deleted, name)| Claim {
            meta: Meta { id: id(100 + cid), rev: rev(at, n, by), deleted },
            name: name.into(),
            contact: String::new(),
            claimed_at: at,
            device: Some(DeviceId(format!("d{cid}"))),
            awaiting: false,
            reserve: false,
            by_coordinator: false,
            still_ok: None,
            decision: None,
        });
    let note = prop::option::of(
        (0i64..5, prop::sample::select(vec!["x", "y"]))
            .prop_map(|(at, t)| PrivateNote { text: t.into(), rev: rev(at, 0, "k") }),
    );
    (
        0i64..5,
        0u32..2,
        prop::sample::select(vec!["a", "b", "k"]),
        prop::sample::select(vec!["Koncert", "Fisketur", "Tur"]),
        any::<bool>(),
        1u8..3,
        prop::collection::vec(claim, 0..4),
        note,
        prop::collection::vec((0i64..5, prop::sample::select(vec!["A", "B"])), 0..3),
        any::<bool>(),
    )
        .prop_map(|(at, n, by, title, deleted, needed, claims, note, log, cancelled)| {
            let mut d = base();
            d.meta.rev = rev(at, n, by);
            d.meta.deleted = deleted;
            d.title = title.into();
            d.runners_needed = needed;
            if cancelled {
                d.phase = Phase::Cancelled { planned_for: None, reason: String::new() };
            }
            for c in claims {
                let joined = match d.claims.get(&c.meta.id) {
                    Some(old) => Dream::join(&with_claim(old.clone()), &with_claim(c)).claims[&old.meta.id].clone(),
                    None => c,
                };
                d.claims.insert(joined.meta.id, joined);
            }
            d.private_note = note;
            for (at, who) in log {
                d.log.push(LogEntry { rev: rev(at, 0, "a"), who: who.into(), event: Event::Edited });
            }
            // Normalise the log the way the wire form does.
            serde_json::from_value(serde_json::to_value(&d).unwrap()).unwrap()
        })
}

fn with_claim(c: Claim) -> Dream {
    let mut d = base();
    d.claims.insert(c.meta.id, c);
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn join_is_commutative(a in version(), b in version()) {
        prop_assert_eq!(Dream::join(&a, &b), Dream::join(&b, &a));
    }

    #[test]
    fn join_is_associative(a in version(), b in version(), c in version()) {
        prop_assert_eq!(Dream::join(&Dream::join(&a, &b), &c), Dream::join(&a, &Dream::join(&b, &c)));
    }

    #[test]
    fn join_is_idempotent(a in version(), b in version()) {
        prop_assert_eq!(Dream::join(&a, &a), a.clone());
        let ab = Dream::join(&a, &b);
        prop_assert_eq!(Dream::join(&ab, &b), ab.clone());
    }

    #[test]
    fn every_claim_survives(a in version(), b in version()) {
        let j = Dream::join(&a, &b);
        for c in a.claims.keys().chain(b.claims.keys()) {
            prop_assert!(j.claims.contains_key(c));
        }
        for e in a.log.iter().chain(b.log.iter()) {
            prop_assert!(j.log.contains(e));
        }
    }

    #[test]
    fn own_fields_follow_the_newest_revision(a in version(), b in version()) {
        let j = Dream::join(&a, &b);
        let newest = if a.meta.rev >= b.meta.rev { &a } else { &b };
        prop_assert_eq!(&j.meta.rev, &newest.meta.rev);
        if a.meta.rev != b.meta.rev {
            prop_assert_eq!(&j.title, &newest.title);
            prop_assert_eq!(j.meta.deleted, newest.meta.deleted);
        }
    }

    #[test]
    fn a_copy_without_the_note_never_erases_it(a in version()) {
        let mut runners_copy = a.clone();
        runners_copy.private_note = None;
        prop_assert_eq!(Dream::join(&a, &runners_copy).private_note, a.private_note.clone());
    }
}

#[test]
fn two_runners_on_two_devices_both_survive_and_overbook() {
    let coordinator = base();
    let mut r1 = coordinator.clone();
    let mut r2 = coordinator.clone();
    if let Stage::Open(s) = r1.stage() {
        s.claim(
            &Act { rev: rev(200, 0, "r1"), who: "Anna".into() },
            id(501),
            Runner { name: "Anna".into(), contact: "a@x.dk".into() },
        );
    }
    if let Stage::Open(s) = r2.stage() {
        s.claim(
            &Act { rev: rev(200, 0, "r2"), who: "Bent".into() },
            id(502),
            Runner { name: "Bent".into(), contact: "b@x.dk".into() },
        );
    }
    let merged = Dream::join(&Dream::join(&coordinator, &r1), &r2);
    assert_eq!(merged.claim_count(), 2);
    assert!(merged.is_overbooked());
    assert_eq!(merged, Dream::join(&Dream::join(&coordinator, &r2), &r1));
}
