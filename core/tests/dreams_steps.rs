//! Every change to a dream goes through `steps::apply`, which returns what
//! changed or why nothing did; on an error the dream is left exactly as it
//! was. A runner's own claim is found by the device that made it, so two
//! runners with the same name never collide.

use chrono::NaiveDate;
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::dreams::steps::{apply, Done, Step, StepError};
use tid_og_lyst_core::record::meta::{DeviceId, RecordId, Rev};
use tid_og_lyst_core::text::fields::TextProblem;

fn act(at: i64, device: &str, who: &str) -> Act {
    Act { rev: Rev { at, n: 0, by: DeviceId(device.into()) }, who: who.into() }
}

fn id(n: u128) -> RecordId {
    RecordId(uuid::Uuid::from_u128(n))
}

fn dream(needed: u8) -> Dream {
    let mut d = Dream::new(&act(1_000, "koord", "Koordinator"), id(1));
    d.title = "Fisketur fra havnen".into();
    d.runners_needed = needed;
    d.boundaries_ok = Boundary::ALL.to_vec();
    d
}

fn claim_step(n: u128, name: &str) -> Step {
    Step::Claim { id: id(n), runner: Runner { name: name.into(), contact: "22 33 44 55".into() } }
}

fn when(day: &str) -> PlannedFor {
    PlannedFor { date: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(), time: None }
}

/// Applies a step that must fail and checks the dream did not change.
fn refused(d: &mut Dream, a: &Act, step: Step) -> StepError {
    let before = d.clone();
    let e = apply(d, a, step).expect_err("the step should be refused");
    assert_eq!(*d, before, "a refused step changed the dream");
    e
}

#[test]
fn two_runners_called_anne_each_find_their_own_claim() {
    let mut d = dream(2);
    assert_eq!(apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")), Ok(Done::Claimed));
    assert_eq!(apply(&mut d, &act(3_000, "phone-b", "Anne"), claim_step(11, "Anne")), Ok(Done::Claimed));
    assert_eq!(d.claim_count(), 2);
    assert_eq!(d.status(), Status::Taken);
    assert_eq!(d.claim_of(&DeviceId("phone-a".into())).map(|c| c.meta.id), Some(id(10)));
    assert_eq!(d.claim_of(&DeviceId("phone-b".into())).map(|c| c.meta.id), Some(id(11)));
    assert!(d.claim_of(&DeviceId("phone-c".into())).is_none());
    // The first Anne lets go; the second Anne still has hers.
    assert_eq!(apply(&mut d, &act(4_000, "phone-a", "Anne"), Step::Release(id(10))), Ok(Done::Released));
    assert!(d.claim_of(&DeviceId("phone-a".into())).is_none());
    assert_eq!(d.claim_of(&DeviceId("phone-b".into())).map(|c| c.meta.id), Some(id(11)));
    assert_eq!(d.status(), Status::Open);
}

#[test]
fn claiming_is_refused_without_changing_anything_when_it_cannot_be_done() {
    let mut d = dream(2);
    let a = act(2_000, "phone-a", "Anne");
    assert_eq!(refused(&mut d, &a, claim_step(10, "  ")), StepError::NameMissing);
    assert_eq!(
        refused(&mut d, &a, Step::Claim { id: id(10), runner: Runner { name: "Anne".into(), contact: " ".into() } }),
        StepError::ContactMissing
    );
    assert_eq!(
        refused(
            &mut d,
            &a,
            Step::Claim { id: id(10), runner: Runner { name: "Anne".into(), contact: "010145-1234".into() } }
        ),
        StepError::Cpr(TextField::RunnerContact)
    );
    assert_eq!(
        refused(
            &mut d,
            &a,
            Step::Claim { id: id(10), runner: Runner { name: "An\u{7}ne".into(), contact: "x".into() } }
        ),
        StepError::Text(TextField::RunnerName, TextProblem::ControlChars)
    );
    apply(&mut d, &a, claim_step(10, "Anne")).unwrap();
    assert_eq!(refused(&mut d, &a, claim_step(12, "Anne")), StepError::AlreadyYours);
    apply(&mut d, &act(3_000, "phone-b", "Bent"), claim_step(11, "Bent")).unwrap();
    assert_eq!(refused(&mut d, &act(4_000, "phone-c", "Carl"), claim_step(13, "Carl")), StepError::Full);
}

#[test]
fn releasing_a_claim_that_is_not_there_is_an_error_not_a_success() {
    let mut d = dream(1);
    let a = act(2_000, "phone-a", "Anne");
    assert_eq!(refused(&mut d, &a, Step::Release(id(99))), StepError::NoSuchClaim);
    apply(&mut d, &a, claim_step(10, "Anne")).unwrap();
    assert_eq!(apply(&mut d, &act(3_000, "phone-a", "Anne"), Step::Release(id(10))), Ok(Done::Released));
    assert_eq!(refused(&mut d, &act(4_000, "phone-a", "Anne"), Step::Release(id(10))), StepError::NoSuchClaim);
}

#[test]
fn the_coordinator_steps_follow_the_lifecycle() {
    let mut d = dream(1);
    let k = |at| act(at, "koord", "Koordinator");
    assert_eq!(refused(&mut d, &k(2_000), Step::Plan(when("2026-12-12"))), StepError::NotNow(Status::Open));
    assert_eq!(refused(&mut d, &k(2_000), Step::Fulfil("Fin tur".into())), StepError::NotNow(Status::Open));
    assert_eq!(refused(&mut d, &k(2_000), Step::Reopen), StepError::NotNow(Status::Open));
    apply(&mut d, &act(3_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(apply(&mut d, &k(4_000), Step::Plan(when("2026-12-12"))), Ok(Done::Planned));
    assert_eq!(d.status(), Status::Planned);
    assert_eq!(apply(&mut d, &k(5_000), Step::Plan(when("2026-12-13"))), Ok(Done::Planned));
    assert_eq!(d.planned_for(), Some(when("2026-12-13")));
    assert_eq!(
        refused(&mut d, &k(6_000), Step::Fulfil("Hun har cpr 010145-1234".into())),
        StepError::Cpr(TextField::Outcome)
    );
    assert_eq!(apply(&mut d, &k(7_000), Step::Fulfil("Fin tur, tre fisk".into())), Ok(Done::Fulfilled));
    assert_eq!(d.status(), Status::Fulfilled);
    assert_eq!(refused(&mut d, &k(8_000), Step::Cancel("for sent".into())), StepError::NotNow(Status::Fulfilled));
    assert_eq!(refused(&mut d, &k(8_000), Step::Release(id(10))), StepError::NotNow(Status::Fulfilled));
}

#[test]
fn cancel_and_reopen() {
    let mut d = dream(1);
    let k = |at| act(at, "koord", "Koordinator");
    assert_eq!(refused(&mut d, &k(2_000), Step::Cancel("Ring 010145 1234".into())), StepError::Cpr(TextField::Reason));
    assert_eq!(apply(&mut d, &k(3_000), Step::Cancel("Drømmeren er syg".into())), Ok(Done::Cancelled));
    assert_eq!(d.status(), Status::Cancelled);
    assert_eq!(refused(&mut d, &k(4_000), Step::Cancel("igen".into())), StepError::NotNow(Status::Cancelled));
    assert_eq!(
        refused(&mut d, &act(4_000, "phone-a", "Anne"), claim_step(10, "Anne")),
        StepError::NotNow(Status::Cancelled)
    );
    assert_eq!(apply(&mut d, &k(5_000), Step::Reopen), Ok(Done::Reopened));
    assert_eq!(d.status(), Status::Open);
}

#[test]
fn a_claim_keeps_its_device_through_a_file_and_older_files_still_load() {
    let mut d = dream(1);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["claims"][0]["device"], "phone-a");
    let back: Dream = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back.claim_of(&DeviceId("phone-a".into())).map(|c| c.meta.id), Some(id(10)));
    let mut old = json;
    old["claims"][0].as_object_mut().unwrap().remove("device");
    let old: Dream = serde_json::from_value(old).unwrap();
    assert_eq!(old.claim_count(), 1);
    // An older file's claim is still Anne's own on her phone (the device of
    // its revision), and nobody else's.
    assert_eq!(old.claim_of(&DeviceId("phone-a".into())).map(|c| c.meta.id), Some(id(10)));
    assert!(old.claim_of(&DeviceId("phone-b".into())).is_none());
}
