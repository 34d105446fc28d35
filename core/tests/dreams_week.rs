//! A coordinator's week with the Drømmeløber-tavle (issue 30): a claim waits
//! for the coordinator's yes or no, a full dream has a reserve queue whose
//! first is offered a freed place, a runner who phoned is put on by the
//! coordinator, a moved or longer time asks the runners again, a dream at
//! risk is found, the dreamer's thanks are kept, and the private details are
//! erased on time, by every merge order.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;
use tid_og_lyst_core::dreams::da;
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::dreams::form::{DreamForm, Field};
use tid_og_lyst_core::dreams::matching::{matching, rank, suits, why, Availability};
use tid_og_lyst_core::dreams::privacy::{ended_at, erase_due, erase_due_at, erase_if_due, strip_dream};
use tid_og_lyst_core::dreams::risk::{at_risk, at_risk_list, explain, Risk};
use tid_og_lyst_core::dreams::steps::{apply, edit, Done, Step, StepError};
use tid_og_lyst_core::record::merge::Record;
use tid_og_lyst_core::record::meta::{DeviceId, Millis, RecordId, Rev};
use tid_og_lyst_core::text::dates;
use tid_og_lyst_core::text::fields::{TextProblem, MAX_FIELD_CHARS};

const HOUR: Millis = 3_600_000;
const DAY: Millis = 24 * HOUR;

fn act(at: i64, device: &str, who: &str) -> Act {
    Act { rev: Rev { at, n: 0, by: DeviceId(device.into()) }, who: who.into() }
}

/// The coordinator, on their laptop.
fn k(at: i64) -> Act {
    act(at, "koord", "Koordinator")
}

fn id(n: u128) -> RecordId {
    RecordId(uuid::Uuid::from_u128(n))
}

fn dev(name: &str) -> DeviceId {
    DeviceId(name.into())
}

fn dream(needed: u8) -> Dream {
    let mut d = Dream::new(&k(1_000), id(1));
    d.title = "Fisketur fra havnen".into();
    d.municipality = "Hedensted".into();
    d.coordinator = Coordinator { name: "Lone".into(), contact: "lone@example.dk".into() };
    d.runners_needed = needed;
    d.boundaries_ok = Boundary::ALL.to_vec();
    d
}

fn runner(name: &str) -> Runner {
    Runner { name: name.into(), contact: "22 33 44 55".into() }
}

fn claim_step(n: u128, name: &str) -> Step {
    Step::Claim { id: id(n), runner: runner(name) }
}

fn reserve_step(n: u128, name: &str) -> Step {
    Step::Reserve { id: id(n), runner: runner(name) }
}

fn when(day: &str) -> PlannedFor {
    PlannedFor { date: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(), time: None }
}

fn at_ten(day: &str) -> PlannedFor {
    PlannedFor { time: NaiveTime::from_hms_opt(10, 0, 0), ..when(day) }
}

/// Copenhagen wall time as milliseconds.
fn local(day: &str, hm: &str) -> Millis {
    let t =
        NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_time(NaiveTime::parse_from_str(hm, "%H:%M").unwrap());
    dates::to_utc(t)
}

/// Where claim `n` stands now.
fn state(d: &Dream, n: u128) -> Option<ClaimState> {
    d.claim_state(&d.claims[&id(n)])
}

fn must_reconfirm(d: &Dream, n: u128) -> bool {
    d.must_reconfirm(&d.claims[&id(n)])
}

/// Applies a step that must fail and checks the dream did not change.
fn refused(d: &mut Dream, a: &Act, step: Step) -> StepError {
    let before = d.clone();
    let e = apply(d, a, step).expect_err("the step should be refused");
    assert_eq!(*d, before, "a refused step changed the dream");
    e
}

// ---------------------------------------------------------------- confirm

#[test]
fn with_confirmation_on_a_claim_waits_for_the_coordinators_yes() {
    let mut d = dream(2);
    d.confirm_claims = true;
    assert_eq!(apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")), Ok(Done::Awaiting));
    assert_eq!(state(&d, 10), Some(ClaimState::Waiting));
    assert!(state(&d, 10).unwrap().holds_place(), "a waiting claim keeps its place");
    assert_eq!(d.free_places(), 1);
    assert_eq!(apply(&mut d, &k(3_000), Step::Confirm(id(10))), Ok(Done::Confirmed));
    assert_eq!(state(&d, 10), Some(ClaimState::Confirmed));
    assert_eq!(refused(&mut d, &k(4_000), Step::Confirm(id(10))), StepError::NotWaiting);
    assert_eq!(refused(&mut d, &k(4_000), Step::Confirm(id(99))), StepError::NoSuchClaim);
    assert!(d.log.iter().any(|e| e.event == Event::Confirmed { claim: id(10) }));
}

#[test]
fn with_confirmation_off_a_claim_is_confirmed_at_once() {
    let mut d = dream(1);
    assert!(!d.confirm_claims, "Dream::new keeps today's behaviour");
    assert_eq!(apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")), Ok(Done::Claimed));
    assert_eq!(state(&d, 10), Some(ClaimState::Confirmed));
    assert_eq!(refused(&mut d, &k(3_000), Step::Confirm(id(10))), StepError::NotWaiting);
    assert_eq!(d.status(), Status::Taken);
}

// ---------------------------------------------------------------- decline

#[test]
fn a_decline_keeps_its_reason_and_frees_the_place() {
    let mut d = dream(1);
    d.confirm_claims = true;
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(d.status(), Status::Taken);
    assert_eq!(
        apply(&mut d, &k(3_000), Step::Decline(id(10), "  Vi har fundet en med bil  ".into())),
        Ok(Done::Declined)
    );
    assert_eq!(state(&d, 10), Some(ClaimState::Declined("Vi har fundet en med bil".into())));
    assert_eq!(d.free_places(), 1);
    assert_eq!(d.status(), Status::Open);
    assert_eq!(d.opening(), Opening::Place);
    assert!(d.going().is_empty());
    assert_eq!(refused(&mut d, &k(4_000), Step::Decline(id(10), String::new())), StepError::NotWaiting);
    // The freed place can be taken by another runner.
    assert_eq!(apply(&mut d, &act(5_000, "phone-b", "Bent"), claim_step(11, "Bent")), Ok(Done::Awaiting));
}

#[test]
fn a_decline_reason_is_checked_before_anything_changes() {
    let mut d = dream(1);
    d.confirm_claims = true;
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(
        refused(&mut d, &k(3_000), Step::Decline(id(10), "Hun har cpr 010145-1234".into())),
        StepError::Cpr(TextField::DeclineReason)
    );
    assert_eq!(
        refused(&mut d, &k(3_000), Step::Decline(id(10), "x".repeat(MAX_FIELD_CHARS + 1))),
        StepError::Text(TextField::DeclineReason, TextProblem::TooLong)
    );
    assert_eq!(refused(&mut d, &k(3_000), Step::Decline(id(99), "nej".into())), StepError::NoSuchClaim);
    // The Danish error names the field.
    let cpr = StepError::Cpr(TextField::DeclineReason).to_string();
    assert!(cpr.to_lowercase().contains("cpr"), "{cpr}");
}

#[test]
fn a_decline_is_not_undone_by_the_runners_later_own_change() {
    let mut d = dream(1);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    apply(&mut d, &k(3_000), Step::Plan(when("2026-12-12"))).unwrap();
    apply(&mut d, &k(4_000), Step::Plan(when("2026-12-13"))).unwrap();
    let mut coord = d.clone();
    let mut phone = d.clone();
    apply(&mut coord, &k(5_000), Step::Decline(id(10), "Drømmen er flyttet til en anden".into())).unwrap();
    // Anne's phone has not heard; she says yes to the new day, later.
    assert_eq!(apply(&mut phone, &act(6_000, "phone-a", "Anne"), Step::StillOk(id(10))), Ok(Done::StillOk));
    assert!(phone.claims[&id(10)].meta.rev > coord.claims[&id(10)].meta.rev);
    for joined in [Dream::join(&coord, &phone), Dream::join(&phone, &coord)] {
        assert_eq!(state(&joined, 10), Some(ClaimState::Declined("Drømmen er flyttet til en anden".into())));
        assert_eq!(joined.claims[&id(10)].meta.rev.at, 6_000, "the runner's own change is kept");
        assert!(joined.claims[&id(10)].still_ok.is_some());
        assert_eq!(joined.free_places(), 1);
        assert_eq!(joined.status(), Status::Open);
    }
    assert_eq!(Dream::join(&coord, &phone), Dream::join(&phone, &coord));
}

// ---------------------------------------------------------------- reserve

#[test]
fn a_full_dream_takes_reserves_in_order() {
    let mut d = dream(1);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(d.opening(), Opening::Reserve);
    assert_eq!(refused(&mut d, &act(3_000, "phone-b", "Bent"), claim_step(11, "Bent")), StepError::Full);
    assert_eq!(apply(&mut d, &act(3_000, "phone-b", "Bent"), reserve_step(11, "Bent")), Ok(Done::Reserved));
    assert_eq!(state(&d, 11), Some(ClaimState::Reserve(1)));
    assert_eq!(apply(&mut d, &act(4_000, "phone-c", "Carl"), reserve_step(12, "Carl")), Ok(Done::Reserved));
    assert_eq!(state(&d, 12), Some(ClaimState::Reserve(2)));
    assert_eq!(d.reserves().iter().map(|c| c.meta.id).collect::<Vec<_>>(), [id(11), id(12)]);
    assert_eq!(d.claim_count(), 1, "reserves hold no place");
    assert_eq!(d.status(), Status::Taken);
    assert_eq!(refused(&mut d, &act(4_500, "phone-b", "Bent"), reserve_step(13, "Bent")), StepError::AlreadyYours);
}

#[test]
fn reserving_while_a_place_is_free_is_refused() {
    let mut d = dream(2);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(d.opening(), Opening::Place);
    assert_eq!(refused(&mut d, &act(3_000, "phone-b", "Bent"), reserve_step(11, "Bent")), StepError::PlaceFree);
    let mut done = d.clone();
    apply(&mut done, &k(3_000), Step::Cancel(String::new())).unwrap();
    assert_eq!(done.opening(), Opening::Closed);
    assert_eq!(
        refused(&mut done, &act(4_000, "phone-b", "Bent"), reserve_step(11, "Bent")),
        StepError::NotNow(Status::Cancelled)
    );
}

/// Anne holds the one place, Bent and Carl queue; then Anne lets go.
fn freed_with_two_reserves(confirm: bool) -> Dream {
    let mut d = dream(1);
    d.confirm_claims = confirm;
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    if confirm {
        apply(&mut d, &k(2_500), Step::Confirm(id(10))).unwrap();
    }
    apply(&mut d, &act(3_000, "phone-b", "Bent"), reserve_step(11, "Bent")).unwrap();
    apply(&mut d, &act(4_000, "phone-c", "Carl"), reserve_step(12, "Carl")).unwrap();
    assert_eq!(apply(&mut d, &act(5_000, "phone-a", "Anne"), Step::Release(id(10))), Ok(Done::Released));
    d
}

#[test]
fn a_freed_place_is_offered_to_the_first_reserve_only() {
    let mut d = freed_with_two_reserves(false);
    assert_eq!(state(&d, 11), Some(ClaimState::Offered));
    assert_eq!(state(&d, 12), Some(ClaimState::Reserve(2)));
    assert_eq!(d.free_places(), 1);
    // The place is Bent's to take: a newcomer cannot jump the queue.
    assert_eq!(d.opening(), Opening::Reserve);
    assert_eq!(refused(&mut d, &act(6_000, "phone-d", "Dorte"), claim_step(13, "Dorte")), StepError::Full);
    assert_eq!(refused(&mut d, &act(6_000, "phone-c", "Carl"), Step::TakePlace(id(12))), StepError::NotOffered);
    assert_eq!(apply(&mut d, &act(7_000, "phone-b", "Bent"), Step::TakePlace(id(11))), Ok(Done::TookPlace));
    assert_eq!(state(&d, 11), Some(ClaimState::Confirmed));
    assert_eq!(state(&d, 12), Some(ClaimState::Reserve(1)), "Carl moves up");
    assert_eq!(d.free_places(), 0);
    assert_eq!(d.status(), Status::Taken);
    assert_eq!(refused(&mut d, &act(8_000, "phone-b", "Bent"), Step::TakePlace(id(11))), StepError::NotOffered);
}

#[test]
fn an_offered_place_taken_waits_for_the_coordinator_when_confirmation_is_on() {
    let mut d = freed_with_two_reserves(true);
    assert_eq!(state(&d, 11), Some(ClaimState::Offered));
    assert_eq!(apply(&mut d, &act(7_000, "phone-b", "Bent"), Step::TakePlace(id(11))), Ok(Done::Awaiting));
    assert_eq!(state(&d, 11), Some(ClaimState::Waiting));
    assert_eq!(d.claim_count(), 1);
    assert_eq!(apply(&mut d, &k(8_000), Step::Confirm(id(11))), Ok(Done::Confirmed));
    assert_eq!(state(&d, 11), Some(ClaimState::Confirmed));
}

#[test]
fn a_reserve_the_coordinator_entered_takes_an_offered_place_confirmed() {
    let mut d = dream(1);
    d.confirm_claims = true;
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(apply(&mut d, &k(3_000), Step::ClaimFor { id: id(11), runner: runner("Bent") }), Ok(Done::ReservedFor));
    apply(&mut d, &act(4_000, "phone-a", "Anne"), Step::Release(id(10))).unwrap();
    assert_eq!(state(&d, 11), Some(ClaimState::Offered));
    // Bent phones again and the coordinator puts him on: he needs no second yes.
    let done = apply(&mut d, &k(5_000), Step::TakePlace(id(11))).unwrap();
    assert_eq!(state(&d, 11), Some(ClaimState::Confirmed));
    assert_eq!(done, Done::TookPlace, "the message must match the claim's state");
}

// ---------------------------------------------------------------- on behalf

#[test]
fn the_coordinator_puts_on_a_runner_who_phoned() {
    let mut d = dream(2);
    d.confirm_claims = true;
    assert_eq!(apply(&mut d, &k(2_000), Step::ClaimFor { id: id(10), runner: runner("Grethe") }), Ok(Done::ClaimedFor));
    let c = &d.claims[&id(10)];
    assert!(c.by_coordinator);
    assert_eq!(c.device, None);
    assert_eq!(state(&d, 10), Some(ClaimState::Confirmed), "confirmed at once, even with confirmation on");
    assert!(d.claim_of(&dev("koord")).is_none(), "not the coordinator's own claim");
    // The coordinator can still go themself.
    assert_eq!(apply(&mut d, &k(3_000), claim_step(11, "Lone")), Ok(Done::Awaiting));
    assert_eq!(d.claim_of(&dev("koord")).map(|c| c.meta.id), Some(id(11)));
    // Full now: the next caller goes on the reserve list.
    assert_eq!(apply(&mut d, &k(4_000), Step::ClaimFor { id: id(12), runner: runner("Hans") }), Ok(Done::ReservedFor));
    assert_eq!(state(&d, 12), Some(ClaimState::Reserve(1)));
    assert!(d.claims[&id(12)].by_coordinator);
}

#[test]
fn a_runner_who_phoned_needs_a_name_and_a_contact() {
    let mut d = dream(2);
    assert_eq!(
        refused(
            &mut d,
            &k(2_000),
            Step::ClaimFor { id: id(10), runner: Runner { name: " ".into(), contact: "x".into() } }
        ),
        StepError::NameMissing
    );
    assert_eq!(
        refused(
            &mut d,
            &k(2_000),
            Step::ClaimFor { id: id(10), runner: Runner { name: "Grethe".into(), contact: "".into() } }
        ),
        StepError::ContactMissing
    );
    apply(&mut d, &k(3_000), Step::Cancel(String::new())).unwrap();
    assert_eq!(
        refused(&mut d, &k(4_000), Step::ClaimFor { id: id(10), runner: runner("Grethe") }),
        StepError::NotNow(Status::Cancelled)
    );
}

// ---------------------------------------------------------------- re-confirm

/// Two runners on a dream planned for the 12th.
fn planned_with_two() -> Dream {
    let mut d = dream(2);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    apply(&mut d, &act(3_000, "phone-b", "Bent"), claim_step(11, "Bent")).unwrap();
    apply(&mut d, &k(4_000), Step::Plan(at_ten("2026-12-12"))).unwrap();
    d
}

#[test]
fn the_first_date_and_the_same_date_again_ask_nobody() {
    let mut d = planned_with_two();
    assert_eq!(d.asked_again, None);
    assert!(!must_reconfirm(&d, 10) && !must_reconfirm(&d, 11));
    apply(&mut d, &k(5_000), Step::Plan(at_ten("2026-12-12"))).unwrap();
    assert_eq!(d.asked_again, None);
    assert!(!must_reconfirm(&d, 10) && !must_reconfirm(&d, 11));
    assert_eq!(refused(&mut d, &act(6_000, "phone-a", "Anne"), Step::StillOk(id(10))), StepError::NothingToAnswer);
}

#[test]
fn a_moved_date_asks_every_runner_until_they_answer() {
    let mut d = planned_with_two();
    apply(&mut d, &k(5_000), Step::Plan(at_ten("2026-12-19"))).unwrap();
    assert!(must_reconfirm(&d, 10) && must_reconfirm(&d, 11));
    assert_eq!(apply(&mut d, &act(6_000, "phone-a", "Anne"), Step::StillOk(id(10))), Ok(Done::StillOk));
    assert!(!must_reconfirm(&d, 10));
    assert!(must_reconfirm(&d, 11), "Bent has not answered");
    assert_eq!(refused(&mut d, &act(7_000, "phone-a", "Anne"), Step::StillOk(id(10))), StepError::NothingToAnswer);
    // Planning the same new day again asks nobody twice.
    apply(&mut d, &k(7_500), Step::Plan(at_ten("2026-12-19"))).unwrap();
    assert!(!must_reconfirm(&d, 10));
    // "Jeg kan ikke længere" frees Bent's place.
    assert_eq!(apply(&mut d, &act(8_000, "phone-b", "Bent"), Step::Release(id(11))), Ok(Done::Released));
    assert_eq!(d.free_places(), 1);
    assert_eq!(d.status(), Status::Open);
    assert_eq!(d.planned_for(), Some(at_ten("2026-12-19")), "the date stays as a suggestion");
    // Carl signs up after the move: he knew the new day.
    apply(&mut d, &act(9_000, "phone-c", "Carl"), claim_step(12, "Carl")).unwrap();
    assert!(!must_reconfirm(&d, 12));
    assert_eq!(refused(&mut d, &act(9_500, "phone-c", "Carl"), Step::StillOk(id(12))), StepError::NothingToAnswer);
    // A new time on the same day asks again, Anne included.
    apply(&mut d, &k(10_000), Step::Plan(when("2026-12-19"))).unwrap();
    assert!(must_reconfirm(&d, 10) && must_reconfirm(&d, 12));
}

#[test]
fn a_longer_dream_asks_again_a_shorter_one_does_not() {
    let longer = |hours: &str| {
        let mut d = planned_with_two();
        let mut form = DreamForm::from_dream(&d);
        form.hours = hours.into();
        let checked = form.check().checked.expect("the form from a dream checks");
        assert_eq!(edit(&mut d, &k(5_000), checked), Ok(Done::Saved));
        d
    };
    let d = longer("3,5");
    assert_eq!(d.duration_hours, 3.5);
    assert!(must_reconfirm(&d, 10) && must_reconfirm(&d, 11));
    let d = longer("1,5");
    assert_eq!(d.duration_hours, 1.5);
    assert_eq!(d.asked_again, None);
    assert!(!must_reconfirm(&d, 10) && !must_reconfirm(&d, 11));
    let d = longer("2");
    assert_eq!(d.asked_again, None, "the same length asks nobody");
}

// ---------------------------------------------------------------- thanks

#[test]
fn thanks_come_after_the_dream_and_reach_the_runners() {
    let mut d = dream(1);
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    apply(&mut d, &k(3_000), Step::Plan(when("2026-12-12"))).unwrap();
    assert_eq!(refused(&mut d, &k(4_000), Step::Thank("Tak fra Inger".into())), StepError::NotFulfilled);
    apply(&mut d, &k(5_000), Step::Fulfil("Tre fisk".into())).unwrap();
    assert_eq!(
        refused(&mut d, &k(6_000), Step::Thank("Inger 010145-1234 siger tak".into())),
        StepError::Cpr(TextField::Thanks)
    );
    assert_eq!(apply(&mut d, &k(6_000), Step::Thank(" Tak fra Inger, det var en drøm ".into())), Ok(Done::Thanked));
    assert_eq!(d.thanks, "Tak fra Inger, det var en drøm");
    assert!(d.log.iter().any(|e| e.event == Event::Thanked));
    d.set_private_note(Rev { at: 6_500, n: 0, by: dev("koord") }, "Datter Lise".into());
    let runners = strip_dream(&d);
    assert_eq!(runners.thanks, "Tak fra Inger, det var en drøm");
    assert_eq!(runners.private_note, None);
    let back: Dream = serde_json::from_str(&serde_json::to_string(&runners).unwrap()).unwrap();
    assert_eq!(back.thanks, d.thanks);
}

// ---------------------------------------------------------------- erase

/// A dream with a private note, fulfilled at `end`.
fn fulfilled_at(end: Millis) -> Dream {
    let mut d = dream(1);
    d.set_private_note(Rev { at: 1_500, n: 0, by: dev("koord") }, "Bor på Havnevej 12".into());
    apply(&mut d, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    apply(&mut d, &k(3_000), Step::Plan(when("2026-12-12"))).unwrap();
    apply(&mut d, &k(end), Step::Fulfil("Fin tur".into())).unwrap();
    d
}

#[test]
fn private_details_are_erased_when_due_and_not_before() {
    let end = local("2026-12-12", "18:00");
    let mut d = fulfilled_at(end);
    assert_eq!(ended_at(&d), Some(end));
    let due = end + 30 * DAY;
    assert_eq!(erase_due_at(&d), Some(due));
    assert!(!erase_if_due(&mut d, due - 1));
    assert!(d.private_note.is_some());
    assert_eq!(d.erased_at, None);
    assert!(erase_if_due(&mut d, due + 5 * DAY));
    assert_eq!(d.private_note, None);
    assert_eq!(d.erased_at, Some(due), "marked with its due moment, the same on every device");
    assert!(!erase_if_due(&mut d, due + 6 * DAY), "nothing left to erase");
    d.set_private_note(Rev { at: due + 7 * DAY, n: 0, by: dev("koord") }, "Ny note".into());
    assert_eq!(d.private_note, None, "no note is kept after the erasure");
}

#[test]
fn the_erase_delay_and_a_cancellation_set_the_due_moment() {
    let end = local("2026-12-12", "18:00");
    let mut short = fulfilled_at(end);
    short.erase_after_days = 7;
    assert_eq!(erase_due_at(&short), Some(end + 7 * DAY));
    let mut active = dream(1);
    active.set_private_note(Rev { at: 1_500, n: 0, by: dev("koord") }, "Bor på Havnevej 12".into());
    assert_eq!(erase_due_at(&active), None, "an active dream keeps its details");
    let mut cancelled = active.clone();
    apply(&mut cancelled, &k(end), Step::Cancel("Syg".into())).unwrap();
    assert_eq!(ended_at(&cancelled), Some(end));
    let mut all = [short, active, cancelled];
    assert_eq!(erase_due(all.iter_mut(), end + 8 * DAY), 1);
    assert_eq!(erase_due(all.iter_mut(), end + 31 * DAY), 1);
    assert!(all[0].erased_at.is_some() && all[2].erased_at.is_some());
    assert!(all[1].private_note.is_some());
}

#[test]
fn no_merge_brings_erased_details_back() {
    let end = local("2026-12-12", "18:00");
    let old = fulfilled_at(end);
    let mut erased = old.clone();
    assert!(erase_if_due(&mut erased, end + 31 * DAY));
    // A phone that has not erased yet writes a newer note and a newer revision.
    let mut newer = old.clone();
    newer.set_private_note(Rev { at: end + 40 * DAY, n: 0, by: dev("tablet") }, "Ny adresse".into());
    newer.title = "Fisketur fra havnen i Juelsminde".into();
    newer.edited(&act(end + 40 * DAY, "tablet", "Koordinator"));
    assert!(newer.meta.rev > erased.meta.rev);
    for other in [&old, &newer] {
        for joined in [Dream::join(&erased, other), Dream::join(other, &erased)] {
            assert_eq!(joined.erased_at, erased.erased_at);
            assert_eq!(joined.private_note, None);
        }
        assert_eq!(Dream::join(&erased, other), Dream::join(other, &erased));
    }
    assert_eq!(Dream::join(&erased, &newer).title, "Fisketur fra havnen i Juelsminde", "other fields still merge");
}

#[test]
fn the_erasure_mark_survives_the_file_and_a_note_on_the_wire_is_dropped() {
    let end = local("2026-12-12", "18:00");
    let mut d = fulfilled_at(end);
    erase_if_due(&mut d, end + 31 * DAY);
    let text = serde_json::to_string(&d).unwrap();
    let back: Dream = serde_json::from_str(&text).unwrap();
    assert_eq!(back.erased_at, d.erased_at);
    assert_eq!(back, d);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["private_note"] = serde_json::json!({ "text": "Bor på Havnevej 12", "rev": { "at": "2027-02-01T10:00:00.000Z", "n": 0, "by": "old" } });
    let back: Dream = serde_json::from_str(&v.to_string()).unwrap();
    assert_eq!(back.erased_at, d.erased_at);
    assert_eq!(back.private_note, None);
}

/// One device's copy of the dream: maybe a note, maybe fulfilled, maybe
/// erased.
#[derive(Clone, Debug)]
struct Version {
    rev: (i64, u32, u8),
    title: u8,
    note: Option<(i64, u32, u8)>,
    fulfilled: bool,
    days: u16,
    erase: bool,
    late_note: Option<i64>,
}

fn copy_strategy() -> impl Strategy<Value = Version> {
    (
        (0i64..6, 0u32..2, 0u8..3),
        0u8..3,
        prop::option::of((0i64..6, 0u32..2, 0u8..2)),
        any::<bool>(),
        prop::sample::select(vec![1u16, 30]),
        any::<bool>(),
        prop::option::of(0i64..6),
    )
        .prop_map(|(rev, title, note, fulfilled, days, erase, late_note)| Version {
            rev,
            title,
            note,
            fulfilled,
            days,
            erase,
            late_note,
        })
}

const END: Millis = 1_796_000_000_000;

fn build(c: &Version) -> Dream {
    let mut d = dream(1);
    let rev = |(at, n, by): (i64, u32, u8)| Rev { at: END + at * DAY, n, by: dev(&format!("d{by}")) };
    d.title = ["Fisketur", "Koncert", "Tur"][usize::from(c.title)].into();
    d.erase_after_days = c.days;
    if let Some((at, n, by)) = c.note {
        d.set_private_note(rev((at, n, by)), format!("note {at} {n} {by}"));
    }
    if c.fulfilled {
        d.phase = Phase::Fulfilled { planned_for: None, outcome: String::new() };
        d.log.push(LogEntry { rev: Rev { at: END, n: 0, by: dev("koord") }, who: "K".into(), event: Event::Fulfilled });
    }
    d.meta.rev = rev(c.rev);
    if c.erase {
        erase_if_due(&mut d, END + 40 * DAY);
    }
    if let Some(at) = c.late_note {
        d.set_private_note(rev((at, 9, 9)), format!("late {at}"));
    }
    d
}

/// Joins the copies as a tree whose shape the `cuts` choose.
fn join_tree(copies: &[Dream], cuts: &[usize]) -> Dream {
    if copies.len() == 1 {
        return copies[0].clone();
    }
    let (cut, rest) = cuts.split_first().map(|(c, r)| (*c, r)).unwrap_or((0, &[]));
    let k = 1 + cut % (copies.len() - 1);
    Dream::join(&join_tree(&copies[..k], rest), &join_tree(&copies[k..], rest))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn erasure_survives_any_merge_order(
        copies in prop::collection::vec(copy_strategy(), 1..6),
        order in prop::collection::vec(any::<prop::sample::Index>(), 6),
        cuts in prop::collection::vec(0usize..8, 6),
    ) {
        let dreams: Vec<Dream> = copies.iter().map(build).collect();
        let any_erased = dreams.iter().any(|d| d.erased_at.is_some());
        // A shuffled order, from the chosen indexes.
        let mut pool = dreams.clone();
        let mut shuffled = Vec::new();
        for ix in order.iter().take(dreams.len()) {
            let i = ix.index(pool.len());
            shuffled.push(pool.remove(i));
        }
        let folded = dreams[1..].iter().fold(dreams[0].clone(), |acc, d| Dream::join(&acc, d));
        let tree = join_tree(&shuffled, &cuts);
        prop_assert_eq!(&tree, &folded);
        prop_assert_eq!(folded.erased_at.is_some(), any_erased);
        if any_erased {
            prop_assert_eq!(&folded.private_note, &None);
            prop_assert_eq!(folded.erased_at, dreams.iter().filter_map(|d| d.erased_at).max());
        } else {
            let newest = dreams.iter().filter_map(|d| d.private_note.clone()).max_by(|a, b| a.rev.cmp(&b.rev).then(a.text.cmp(&b.text)));
            prop_assert_eq!(&folded.private_note, &newest);
        }
        for a in &dreams {
            for b in &dreams {
                prop_assert_eq!(Dream::join(a, b), Dream::join(b, a));
            }
        }
    }
}

// ---------------------------------------------------------------- risk

#[test]
fn a_near_deadline_with_runners_missing_is_at_risk() {
    let now = local("2026-12-01", "12:00");
    let today = dates::today(now);
    let mut d = dream(2);
    d.reply_by = Some(today + chrono::Days::new(3));
    assert_eq!(at_risk(&d, now), Some(Risk::Deadline { days: 3 }));
    let text = explain(&d, Risk::Deadline { days: 3 });
    assert!(text.contains("mangler") && text.contains("om 3 dage") && text.contains("2 drømmeløbere"), "{text}");
    let mut far = d.clone();
    far.reply_by = Some(today + chrono::Days::new(8));
    assert_eq!(at_risk(&far, now), None);
    let mut full = d.clone();
    apply(&mut full, &act(2_000, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    assert_eq!(at_risk(&full, now), Some(Risk::Deadline { days: 3 }), "one of two is still missing");
    apply(&mut full, &act(3_000, "phone-b", "Bent"), claim_step(11, "Bent")).unwrap();
    assert_eq!(at_risk(&full, now), None, "no runner missing");
    let mut past = d.clone();
    past.reply_by = Some(today - chrono::Days::new(1));
    assert_eq!(at_risk(&past, now), None);
    let list = at_risk_list([&far, &d, &full], now);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].1, Risk::Deadline { days: 3 });
}

/// Anne on a dream planned for the 12th at 10, who lets go `hours` before.
fn released_before(hours: i64) -> (Dream, Millis) {
    let start = local("2026-12-12", "10:00");
    let mut d = dream(1);
    apply(&mut d, &act(start - 10 * DAY, "phone-a", "Anne"), claim_step(10, "Anne")).unwrap();
    apply(&mut d, &k(start - 9 * DAY), Step::Plan(at_ten("2026-12-12"))).unwrap();
    assert_eq!(at_risk(&d, start - 8 * DAY), None);
    apply(&mut d, &act(start - hours * HOUR, "phone-a", "Anne"), Step::Release(id(10))).unwrap();
    (d, start)
}

#[test]
fn a_late_release_puts_a_dream_at_risk() {
    let (d, start) = released_before(20);
    assert_eq!(at_risk(&d, start - 19 * HOUR), Some(Risk::LateRelease { hours: 20 }));
    let text = explain(&d, Risk::LateRelease { hours: 20 });
    assert!(text.contains("mangler") && text.contains("20 timer"), "{text}");
    let (early, start) = released_before(60);
    assert_eq!(at_risk(&early, start - 59 * HOUR), None, "60 hours before is not late");
    // A new runner taking the place ends the risk.
    let (mut again, start) = released_before(20);
    apply(&mut again, &act(start - 18 * HOUR, "phone-b", "Bent"), claim_step(11, "Bent")).unwrap();
    assert_eq!(at_risk(&again, start - 17 * HOUR), None);
}

// ---------------------------------------------------------------- matching

fn open_dream(n: u128, title: &str, skills: Vec<Skill>) -> Dream {
    let mut d = dream(1);
    d.meta.id = id(n);
    d.title = title.into();
    d.skills = skills;
    d
}

#[test]
fn a_runner_with_a_car_sees_the_dream_needing_a_car_first() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    // "A" would come first by title; the car puts "B" before it.
    let wheelchair = open_dream(2, "A tur", vec![Skill::Wheelchair]);
    let car = open_dream(3, "B tur", vec![Skill::Car]);
    let none = Availability::default();
    let with_car = Availability { brings: BTreeSet::from([Skill::Car]), ..Default::default() };
    let titles = |v: Vec<&Dream>| v.into_iter().map(|d| d.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(matching([&wheelchair, &car], &with_car, today)), ["B tur", "A tur"]);
    let mut both = vec![&wheelchair, &car];
    rank(&mut both, &none);
    assert_eq!(titles(both), ["A tur", "B tur"], "without a car the two are equal");
    let s = suits(&car, &with_car);
    assert_eq!(s.brings, [Skill::Car]);
    let text = why(&s).unwrap();
    assert!(text.contains("du har bil"), "{text}");
    let lacking = why(&suits(&wheelchair, &with_car)).unwrap();
    assert!(lacking.contains("kørestol"), "{lacking}");
    assert_eq!(why(&suits(&open_dream(4, "C", vec![]), &with_car)), None);
}

#[test]
fn a_language_matches_whatever_its_case() {
    let skill = Skill::from_slug("sprog:Arabisk").unwrap();
    assert_eq!(skill, Skill::Language("arabisk".into()));
    assert_eq!(Skill::from_slug(" sprog: ARABISK "), Some(skill.clone()));
    assert_eq!(Skill::from_slug("sprog:"), None);
    let d = open_dream(2, "Besøg", vec![skill]);
    let avail =
        Availability { brings: BTreeSet::from([Skill::from_slug("sprog:arabisk").unwrap()]), ..Default::default() };
    let s = suits(&d, &avail);
    assert!(s.lacks.is_empty(), "{s:?}");
    assert!(why(&s).unwrap().contains("du taler arabisk"));
}

// ---------------------------------------------------------------- form

fn form() -> DreamForm {
    DreamForm {
        title: "Fisketur fra havnen".into(),
        municipality: "Hedensted".into(),
        hours: "2".into(),
        runners: "1".into(),
        coord_name: "Lone".into(),
        coord_contact: "lone@example.dk".into(),
        boundaries: Boundary::ALL.into_iter().collect(),
        ..Default::default()
    }
}

#[test]
fn the_form_reads_languages_erase_days_and_confirmation() {
    assert!(DreamForm::default().confirm_claims, "new dreams ask for the coordinator's yes");
    let f = DreamForm {
        language: "arabisk, Tegnsprog".into(),
        skills: BTreeSet::from([Skill::Car]),
        erase_days: "14".into(),
        ..form()
    };
    let r = f.check();
    assert_eq!(r.errors, vec![]);
    let d = r.checked.unwrap().into_new(&k(1_000), id(5));
    assert!(d.confirm_claims);
    assert_eq!(d.erase_after_days, 14);
    assert_eq!(d.skills, [Skill::Car, Skill::Language("arabisk".into()), Skill::Language("tegnsprog".into())]);
    let back = DreamForm::from_dream(&d);
    assert_eq!(back.language, "arabisk, tegnsprog");
    assert_eq!(back.skills, BTreeSet::from([Skill::Car]));
    for bad in ["0", "x", "366", ""] {
        let r = DreamForm { erase_days: bad.into(), ..form() }.check();
        assert!(r.checked.is_none(), "{bad:?}");
        assert!(
            r.errors.iter().any(|m| m.field == Field::EraseDays && m.text == da::BAD_ERASE_DAYS),
            "{bad:?}: {:?}",
            r.errors
        );
    }
}

// ---------------------------------------------------------------- wire

const REV: &str = r#"{"at":"2026-11-20T10:00:00.000Z","n":0,"by":"golden01"}"#;

#[test]
fn a_claim_from_an_older_file_reads_as_confirmed() {
    let claim = format!(
        r#"{{"id":"0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d02","rev":{REV},"name":"Anne","contact":"22 33 44 55","claimed_at":"2026-11-20T10:00:00.000Z"}}"#
    );
    let c: Claim = serde_json::from_str(&claim).unwrap();
    assert!(!c.awaiting && !c.reserve && !c.by_coordinator);
    assert_eq!((c.still_ok.clone(), c.decision.clone()), (None, None));
    let text = format!(
        r#"{{"id":"0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d01","rev":{REV},"title":"Fisketur","runners_needed":1,"claims":[{claim}]}}"#
    );
    let d: Dream = serde_json::from_str(&text).unwrap();
    assert_eq!(d.claim_state(d.claims.values().next().unwrap()), Some(ClaimState::Confirmed));
    assert_eq!(d.status(), Status::Taken);
    // Written back, a claim without the new fields stays without them.
    let out = serde_json::to_string(&d).unwrap();
    for key in ["awaiting", "reserve", "by_coordinator", "still_ok", "decision", "confirm_claims", "erased_at"] {
        assert!(!out.contains(&format!("\"{key}\"")), "{key} in {out}");
    }
}

#[test]
fn a_dream_from_an_older_file_keeps_todays_behaviour() {
    let text = format!(r#"{{"id":"0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d01","rev":{REV},"title":"Fisketur"}}"#);
    let d: Dream = serde_json::from_str(&text).unwrap();
    assert!(!d.confirm_claims);
    assert_eq!(d.erase_after_days, 30);
    assert_eq!(d.erase_after_days, ERASE_AFTER_DAYS);
    assert_eq!((d.erased_at, d.asked_again.clone()), (None, None));
    assert!(d.skills.is_empty() && d.thanks.is_empty());
}

#[test]
fn the_new_fields_round_trip() {
    let mut d = planned_with_two();
    d.confirm_claims = true;
    d.skills = vec![Skill::Car, Skill::Language("arabisk".into())];
    apply(&mut d, &k(5_000), Step::Plan(at_ten("2026-12-19"))).unwrap();
    apply(&mut d, &act(6_000, "phone-a", "Anne"), Step::StillOk(id(10))).unwrap();
    apply(&mut d, &k(7_000), Step::Decline(id(11), "Beklager".into())).unwrap();
    apply(&mut d, &act(8_000, "phone-c", "Carl"), claim_step(12, "Carl")).unwrap();
    apply(&mut d, &k(9_000), Step::ClaimFor { id: id(13), runner: runner("Grethe") }).unwrap();
    let text = serde_json::to_string(&d).unwrap();
    assert!(text.contains(r#""sprog:arabisk""#), "{text}");
    let back: Dream = serde_json::from_str(&text).unwrap();
    assert_eq!(back, d);
    assert_eq!(state(&back, 11), Some(ClaimState::Declined("Beklager".into())));
    assert_eq!(state(&back, 12), Some(ClaimState::Waiting));
    assert_eq!(state(&back, 13), Some(ClaimState::Reserve(1)));
}
