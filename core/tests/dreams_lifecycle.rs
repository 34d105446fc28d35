//! The dream lifecycle: open → taken → planned → fulfilled, cancel from any
//! state, "Slip igen" reopening, derived status, overbooking, expiry, counts,
//! and the wire format round trip.

use chrono::NaiveDate;
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::record::merge::Record;
use tid_og_lyst_core::record::meta::{DeviceId, RecordId, Rev};

fn act(at: i64, who: &str) -> Act {
    Act { rev: Rev { at, n: 0, by: DeviceId("dev".into()) }, who: who.into() }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn id(n: u128) -> RecordId {
    RecordId(uuid::Uuid::from_u128(n))
}

fn dream(needed: u8) -> Dream {
    let mut d = Dream::new(&act(1_000, "Koordinator"), id(1));
    d.title = "Fisketur fra havnen".into();
    d.runners_needed = needed;
    d.boundaries_ok = Boundary::ALL.to_vec();
    d
}

fn runner(name: &str) -> Runner {
    Runner { name: name.into(), contact: "runner@example.dk".into() }
}

fn claim(d: &mut Dream, at: i64, claim_id: u128, name: &str) {
    match d.stage() {
        Stage::Open(s) => s.claim(&act(at, name), id(claim_id), runner(name)),
        _ => panic!("not open"),
    }
}

#[test]
fn full_lifecycle_is_stamped_with_time_and_who() {
    let mut d = dream(2);
    assert_eq!(d.status(), Status::Open);
    claim(&mut d, 2_000, 10, "Anna");
    assert_eq!(d.status(), Status::Open, "one of two runners is not enough");
    assert_eq!(d.runners_missing(), 1);
    claim(&mut d, 3_000, 11, "Bent");
    assert_eq!(d.status(), Status::Taken);
    let when = PlannedFor { date: date("2026-12-03"), time: None };
    match d.stage() {
        Stage::Taken(s) => s.plan(&act(4_000, "Koordinator"), when),
        _ => panic!("should be taken"),
    }
    assert_eq!(d.status(), Status::Planned);
    match d.stage() {
        Stage::Planned(s) => s.fulfil(&act(5_000, "Koordinator"), "Han fangede en torsk.".into()),
        _ => panic!("should be planned"),
    }
    assert_eq!(d.status(), Status::Fulfilled);
    assert_eq!(d.fulfilled_at(), Some(5_000));
    let events: Vec<(i64, &str, &Event)> = d.log.iter().map(|e| (e.rev.at, e.who.as_str(), &e.event)).collect();
    assert_eq!(
        events,
        vec![
            (1_000, "Koordinator", &Event::Created),
            (2_000, "Anna", &Event::Claimed { claim: id(10) }),
            (3_000, "Bent", &Event::Claimed { claim: id(11) }),
            (4_000, "Koordinator", &Event::Planned { date: "2026-12-03".into() }),
            (5_000, "Koordinator", &Event::Fulfilled),
        ]
    );
    assert!(matches!(d.stage(), Stage::Fulfilled(_)), "a fulfilled dream offers no claim, plan or release");
}

#[test]
fn release_reopens_a_taken_and_a_planned_dream() {
    let mut d = dream(1);
    claim(&mut d, 2_000, 10, "Anna");
    assert_eq!(d.status(), Status::Taken);
    match d.stage() {
        Stage::Taken(s) => assert!(s.release(&act(3_000, "Anna"), id(10))),
        _ => panic!(),
    }
    assert_eq!(d.status(), Status::Open);
    assert_eq!(d.claim_count(), 0);
    assert!(d.claims[&id(10)].meta.deleted, "a release is a tombstone that travels");
    claim(&mut d, 4_000, 12, "Carl");
    match d.stage() {
        Stage::Taken(s) => s.plan(&act(5_000, "K"), PlannedFor { date: date("2026-12-03"), time: None }),
        _ => panic!(),
    }
    match d.stage() {
        Stage::Planned(s) => assert!(s.release(&act(6_000, "Carl"), id(12))),
        _ => panic!(),
    }
    assert_eq!(d.status(), Status::Open, "released while planned: open again");
    assert_eq!(d.planned_for().map(|p| p.date), Some(date("2026-12-03")), "the date is kept as a suggestion");
}

#[test]
fn releasing_an_unknown_or_released_claim_changes_nothing() {
    let mut d = dream(2);
    claim(&mut d, 2_000, 10, "Anna");
    let before = d.clone();
    match d.stage() {
        Stage::Open(s) => assert!(!s.release(&act(3_000, "X"), id(99))),
        _ => panic!(),
    }
    assert_eq!(d, before);
}

#[test]
fn cancel_from_every_active_state_and_reopen() {
    for claims in 0..=1 {
        for plan in [false, true] {
            let mut d = dream(1);
            if claims == 1 {
                claim(&mut d, 2_000, 10, "Anna");
            }
            if plan && claims == 1 {
                if let Stage::Taken(s) = d.stage() {
                    s.plan(&act(3_000, "K"), PlannedFor { date: date("2026-12-03"), time: None })
                }
            }
            let a = act(4_000, "K");
            match d.stage() {
                Stage::Open(s) => s.cancel(&a, "Syg".into()),
                Stage::Taken(s) => s.cancel(&a, "Syg".into()),
                Stage::Planned(s) => s.cancel(&a, "Syg".into()),
                _ => panic!(),
            }
            assert_eq!(d.status(), Status::Cancelled);
            assert_eq!(d.meta.rev.at, 4_000);
            match d.stage() {
                Stage::Cancelled(s) => s.reopen(&act(5_000, "K")),
                _ => panic!(),
            }
            assert_ne!(d.status(), Status::Cancelled);
        }
    }
}

#[test]
fn claims_do_not_bump_the_dream_revision() {
    // Otherwise a runner's copy would overrule the coordinator's later edits.
    let mut d = dream(1);
    let rev = d.meta.rev.clone();
    claim(&mut d, 9_000, 10, "Anna");
    assert_eq!(d.meta.rev, rev);
}

#[test]
fn overbooked_and_expired_are_derived() {
    let mut d = dream(1);
    d.reply_by = Some(date("2026-11-30"));
    assert!(!d.is_expired(date("2026-11-30")), "the deadline day itself is still fine");
    assert!(d.is_expired(date("2026-12-01")));
    claim(&mut d, 2_000, 10, "Anna");
    assert!(!d.is_expired(date("2026-12-01")), "taken in time: not expired");
    // A second claim made on another device, joined in.
    let mut other = d.clone();
    other.claims.clear();
    other.claims.insert(
        id(11),
        Claim {
            meta: tid_og_lyst_core::record::meta::Meta { id: id(11), rev: act(2_500, "B").rev, deleted: false },
            name: "Bent".into(),
            contact: String::new(),
            claimed_at: 2_500,
            device: None,
            awaiting: false,
            reserve: false,
            by_coordinator: false,
            still_ok: None,
            decision: None,
        },
    );
    let joined = Dream::join(&d, &other);
    assert_eq!(joined.claim_count(), 2);
    assert!(joined.is_overbooked());
    assert_eq!(joined.status(), Status::Taken);
}

#[test]
fn an_older_claim_without_a_device_is_still_its_runners_own() {
    let mut d = dream(2);
    let old = |n: u128, at: i64, by: &str, name: &str| Claim {
        meta: tid_og_lyst_core::record::meta::Meta {
            id: id(n),
            rev: Rev { at, n: 0, by: DeviceId(by.into()) },
            deleted: false,
        },
        name: name.into(),
        contact: String::new(),
        claimed_at: at,
        device: None,
        awaiting: false,
        reserve: false,
        by_coordinator: false,
        still_ok: None,
        decision: None,
    };
    d.claims.insert(id(20), old(20, 2_000, "phone-a", "Anne"));
    d.claims.insert(id(21), old(21, 2_100, "phone-b", "Anne"));
    let mine = |d: &Dream, dev: &str| d.claim_of(&DeviceId(dev.into())).map(|c| c.meta.id);
    assert_eq!(mine(&d, "phone-a"), Some(id(20)), "found by the device of its revision");
    assert_eq!(mine(&d, "phone-b"), Some(id(21)), "the other Anne's phone finds its own");
    assert_eq!(mine(&d, "phone-c"), None, "a third device has no claim, whatever the names");
    // A recorded device wins over the revision's.
    let mut newer = old(22, 2_200, "phone-c", "Bo");
    newer.device = Some(DeviceId("phone-d".into()));
    d.claims.insert(id(22), newer);
    assert_eq!(mine(&d, "phone-d"), Some(id(22)));
    assert_eq!(mine(&d, "phone-c"), None);
}

#[test]
fn counts_for_the_year() {
    let y2026 = 1_780_000_000_000; // 2026-05-28
    let mk = |n: u128, status: &str| {
        let mut d = Dream::new(&act(y2026, "K"), id(n));
        d.title = format!("d{n}");
        match status {
            "taken" => claim(&mut d, y2026 + 1, 100 + n, "A"),
            "planned" => {
                claim(&mut d, y2026 + 1, 100 + n, "A");
                if let Stage::Taken(s) = d.stage() {
                    s.plan(&act(y2026 + 2, "K"), PlannedFor { date: date("2026-07-01"), time: None })
                }
            }
            "fulfilled" => {
                claim(&mut d, y2026 + 1, 100 + n, "A");
                if let Stage::Taken(s) = d.stage() {
                    s.plan(&act(y2026 + 2, "K"), PlannedFor { date: date("2026-07-01"), time: None })
                }
                if let Stage::Planned(s) = d.stage() {
                    s.fulfil(&act(y2026 + 3, "K"), "Godt".into())
                }
            }
            _ => {}
        }
        d
    };
    let ds = [mk(1, "open"), mk(2, "open"), mk(3, "taken"), mk(4, "planned"), mk(5, "fulfilled")];
    let c = counts(ds.iter(), 2026);
    assert_eq!(c, Counts { open: 2, taken: 1, planned: 1, fulfilled: 1 });
    assert_eq!(counts(ds.iter(), 2025), Counts::default());
}

#[test]
fn wire_round_trip_keeps_everything_and_writes_the_derived_status() {
    let mut d = dream(1);
    d.story = "Han har ikke fisket i 20 år.".into();
    d.window_from = Some(date("2026-12-01"));
    d.times = vec![PartOfDay::Formiddag];
    d.needs = vec!["bil".into()];
    d.set_private_note(act(1_500, "K").rev, "Bor ved havnen, datter Lise".into());
    d.extra.insert("future_field".into(), serde_json::json!({"x": 1}));
    claim(&mut d, 2_000, 10, "Anna");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["status"], "taken");
    assert_eq!(json["category"], "andet");
    assert_eq!(json["claims"][0]["name"], "Anna");
    assert_eq!(json["future_field"]["x"], 1);
    for field in [
        "title",
        "story",
        "dreamer",
        "municipality",
        "place",
        "window_from",
        "window_to",
        "duration_hours",
        "runners_needed",
        "category",
        "needs",
        "coordinator",
        "status",
        "planned_for",
        "claims",
        "outcome",
    ] {
        assert!(json.get(field).is_some(), "format field {field} missing");
    }
    let back: Dream = serde_json::from_value(json).unwrap();
    assert_eq!(back, d);
}

#[test]
fn wire_status_planned_needs_a_readable_date() {
    let base = serde_json::json!({
        "id": "6f9619ff-8b86-4d11-b42d-00c04fc964ff",
        "rev": {"at": "2026-11-22T19:00:00.000Z", "n": 0, "by": "abc"},
        "title": "Koncert", "status": "planned", "planned_for": "i morgen"
    });
    assert!(serde_json::from_value::<Dream>(base).is_err());
}

#[test]
fn check_refuses_cpr_and_absurd_values() {
    let mut d = dream(1);
    assert_eq!(d.validate(), Ok(()));
    assert!(d.check().is_ok());
    d.story = "CPR 010145-1234".into();
    assert_eq!(d.validate(), Err(DreamError::Cpr(TextField::Story)));
    // Record::check gives the same error in Danish.
    assert_eq!(d.check(), Err(DreamError::Cpr(TextField::Story).to_string()));
    let mut d = dream(1);
    d.runners_needed = 0;
    assert_eq!(d.validate(), Err(DreamError::BadRunners));
    let mut d = dream(1);
    d.duration_hours = f64::INFINITY;
    assert_eq!(d.validate(), Err(DreamError::BadHours));
    let mut d = dream(1);
    d.title = "x".repeat(201);
    assert_eq!(d.validate(), Err(DreamError::TitleTooLong));
    let mut d = dream(1);
    d.window_from = NaiveDate::from_ymd_opt(2026, 12, 2);
    d.window_to = NaiveDate::from_ymd_opt(2026, 12, 1);
    assert_eq!(d.validate(), Err(DreamError::WindowBackwards));
}
