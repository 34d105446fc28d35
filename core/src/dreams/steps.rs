//! Every change a runner or coordinator makes to a dream, as one function
//! with a typed result: claim ("Jeg tager den"), reserve, take an offered
//! place, release ("Slip igen"), say yes again to a moved time; the
//! coordinator's confirm, decline, claim for a runner who phoned, plan,
//! fulfil, thank, cancel and reopen. The component calls [`apply`] and shows success
//! only for `Ok`; on `Err` the dream is left exactly as it was.

use crate::dreams::da as t;
use crate::dreams::dream::{
    Act, ClaimState, Dream, Event, NewClaim, Opening, Phase, PlannedFor, Runner, Stage, Status, TextField,
};
use crate::dreams::form::Checked;
use crate::record::meta::RecordId;
use crate::text::fields::{check_text, TextProblem};
use crate::text::privacy::find_cpr;

/// What someone asks of a dream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// "Jeg tager den": a new claim with the id the caller drew, made on the
    /// device in the act's stamp.
    Claim {
        /// The new claim's id.
        id: RecordId,
        /// Who claims it.
        runner: Runner,
    },
    /// "Jeg vil gerne være reserve": a claim in the reserve queue.
    Reserve {
        /// The new claim's id.
        id: RecordId,
        /// Who.
        runner: Runner,
    },
    /// "Tilføj en drømmeløber, der har ringet": the coordinator enters a
    /// runner's claim (a place when one is free, else the reserve queue).
    ClaimFor {
        /// The new claim's id.
        id: RecordId,
        /// Who phoned.
        runner: Runner,
    },
    /// The coordinator says yes to a waiting claim.
    Confirm(RecordId),
    /// The coordinator says no, with a short reason.
    Decline(RecordId, String),
    /// An offered reserve takes the place.
    TakePlace(RecordId),
    /// "Jeg kan stadig": yes to the moved or longer time.
    StillOk(RecordId),
    /// "Slip igen" (also "Jeg kan ikke længere"): release the claim.
    Release(RecordId),
    /// The dreamer's thank-you, after the dream.
    Thank(String),
    /// Set or move the agreed date.
    Plan(PlannedFor),
    /// It happened, with "sådan gik det".
    Fulfil(String),
    /// Call it off, with a reason.
    Cancel(String),
    /// Open a cancelled dream again.
    Reopen,
}

/// What changed, for the success message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// A claim was added and has its place.
    Claimed,
    /// A claim was added and waits for the coordinator.
    Awaiting,
    /// A claim joined the reserve queue.
    Reserved,
    /// The coordinator entered a claim with a place.
    ClaimedFor,
    /// The coordinator entered a claim in the reserve queue.
    ReservedFor,
    /// The coordinator said yes.
    Confirmed,
    /// The coordinator said no.
    Declined,
    /// A reserve took the place.
    TookPlace,
    /// The runner said yes to the new time.
    StillOk,
    /// The thank-you is saved.
    Thanked,
    /// A claim was released.
    Released,
    /// The date was set or moved.
    Planned,
    /// The dream is fulfilled.
    Fulfilled,
    /// The dream is cancelled.
    Cancelled,
    /// The dream is open again.
    Reopened,
    /// The coordinator's edit is saved.
    Saved,
}

/// Why nothing changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepError {
    /// The dream is not on this device (any more).
    Gone,
    /// The dream's state does not allow this step now.
    NotNow(Status),
    /// This device already has a standing claim on the dream.
    AlreadyYours,
    /// No standing claim with that id.
    NoSuchClaim,
    /// The places are taken: sign up as a reserve instead.
    Full,
    /// A place is free: take it instead of queueing.
    PlaceFree,
    /// The claim is not waiting for the coordinator's answer.
    NotWaiting,
    /// The claim is not offered a place.
    NotOffered,
    /// The time has not moved since this runner said yes.
    NothingToAnswer,
    /// A thank-you comes after the dream is fulfilled.
    NotFulfilled,
    /// The runner gave no name.
    NameMissing,
    /// The runner gave no phone or e-mail.
    ContactMissing,
    /// A text is too long or carries control characters.
    Text(TextField, TextProblem),
    /// A text looks like a CPR number.
    Cpr(TextField),
}

/// Checks a text the step would store.
fn check(field: TextField, text: &str) -> Result<(), StepError> {
    check_text(text).map_err(|p| StepError::Text(field, p))?;
    match find_cpr(text) {
        Some(_) => Err(StepError::Cpr(field)),
        None => Ok(()),
    }
}

/// A runner's name and contact, trimmed and checked.
fn checked_runner(runner: Runner) -> Result<Runner, StepError> {
    let runner = Runner { name: runner.name.trim().to_string(), contact: runner.contact.trim().to_string() };
    if runner.name.is_empty() {
        return Err(StepError::NameMissing);
    }
    if runner.contact.is_empty() {
        return Err(StepError::ContactMissing);
    }
    check(TextField::RunnerName, &runner.name)?;
    check(TextField::RunnerContact, &runner.contact)?;
    Ok(runner)
}

/// The live claim `id` and where it stands.
fn state_of(dream: &Dream, id: RecordId) -> Result<ClaimState, StepError> {
    dream.claims.get(&id).and_then(|c| dream.claim_state(c)).ok_or(StepError::NoSuchClaim)
}

/// Applies `step` to `dream` as `act` (stamp and who). Everything is checked
/// before anything changes.
pub fn apply(dream: &mut Dream, act: &Act, step: Step) -> Result<Done, StepError> {
    let status = dream.status();
    let not_now = Err(StepError::NotNow(status));
    match step {
        Step::Claim { id, runner } | Step::Reserve { id, runner } if dream.claim_of(&act.rev.by).is_some() => {
            let _ = (id, checked_runner(runner)?);
            Err(StepError::AlreadyYours)
        }
        Step::Claim { id, runner } => {
            let runner = checked_runner(runner)?;
            match dream.opening() {
                Opening::Place => {}
                Opening::Reserve => return Err(StepError::Full),
                Opening::Closed => return not_now,
            }
            dream.add_claim(act, id, runner, NewClaim::default());
            Ok(if dream.confirm_claims { Done::Awaiting } else { Done::Claimed })
        }
        Step::Reserve { id, runner } => {
            let runner = checked_runner(runner)?;
            match dream.opening() {
                Opening::Reserve => {}
                Opening::Place => return Err(StepError::PlaceFree),
                Opening::Closed => return not_now,
            }
            dream.add_claim(act, id, runner, NewClaim { reserve: true, by_coordinator: false });
            Ok(Done::Reserved)
        }
        Step::ClaimFor { id, runner } => {
            let runner = checked_runner(runner)?;
            let reserve = match dream.opening() {
                Opening::Place => false,
                Opening::Reserve => true,
                Opening::Closed => return not_now,
            };
            dream.add_claim(act, id, runner, NewClaim { reserve, by_coordinator: true });
            Ok(if reserve { Done::ReservedFor } else { Done::ClaimedFor })
        }
        Step::Confirm(claim) => {
            if state_of(dream, claim)? != ClaimState::Waiting {
                return Err(StepError::NotWaiting);
            }
            dream.decide(act, claim, true, String::new());
            Ok(Done::Confirmed)
        }
        Step::Decline(claim, reason) => {
            let reason = reason.trim().to_string();
            check(TextField::DeclineReason, &reason)?;
            if matches!(state_of(dream, claim)?, ClaimState::Declined(_)) {
                return Err(StepError::NotWaiting);
            }
            if !matches!(dream.phase, Phase::Active { .. }) {
                return not_now;
            }
            dream.decide(act, claim, false, reason);
            Ok(Done::Declined)
        }
        Step::TakePlace(claim) => {
            if state_of(dream, claim)? != ClaimState::Offered {
                return Err(StepError::NotOffered);
            }
            let confirm = dream.confirm_claims;
            dream.change_claim(act, claim, |c| {
                c.reserve = false;
                c.awaiting = confirm && !c.by_coordinator;
                c.claimed_at = act.rev.at;
            });
            dream.log_event(act, Event::TookPlace { claim });
            // A claim the coordinator entered is confirmed already: it does not wait.
            let waits = dream.claims.get(&claim).and_then(|c| dream.claim_state(c)) == Some(ClaimState::Waiting);
            Ok(if waits { Done::Awaiting } else { Done::TookPlace })
        }
        Step::StillOk(claim) => {
            state_of(dream, claim)?;
            if !dream.claims.get(&claim).is_some_and(|c| dream.must_reconfirm(c)) {
                return Err(StepError::NothingToAnswer);
            }
            dream.change_claim(act, claim, |c| c.still_ok = Some(act.rev.clone()));
            dream.log_event(act, Event::StillOk { claim });
            Ok(Done::StillOk)
        }
        Step::Thank(text) => {
            let text = text.trim().to_string();
            check(TextField::Thanks, &text)?;
            if !matches!(dream.phase, Phase::Fulfilled { .. }) {
                return Err(StepError::NotFulfilled);
            }
            dream.thanks = text;
            dream.touch_with(act, Event::Thanked);
            Ok(Done::Thanked)
        }
        Step::Release(claim) => {
            if !dream.live_claims().iter().any(|c| c.meta.id == claim) {
                return Err(StepError::NoSuchClaim);
            }
            let released = match dream.stage() {
                Stage::Open(s) => s.release(act, claim),
                Stage::Taken(s) => s.release(act, claim),
                Stage::Planned(s) => s.release(act, claim),
                Stage::Fulfilled(_) | Stage::Cancelled(_) => return not_now,
            };
            if released {
                Ok(Done::Released)
            } else {
                Err(StepError::NoSuchClaim)
            }
        }
        Step::Plan(when) => {
            match dream.stage() {
                Stage::Taken(s) => s.plan(act, when),
                Stage::Planned(s) => s.replan(act, when),
                _ => return not_now,
            }
            Ok(Done::Planned)
        }
        Step::Fulfil(outcome) => {
            check(TextField::Outcome, &outcome)?;
            match dream.stage() {
                Stage::Planned(s) => s.fulfil(act, outcome),
                _ => return not_now,
            }
            Ok(Done::Fulfilled)
        }
        Step::Cancel(reason) => {
            check(TextField::Reason, &reason)?;
            match dream.stage() {
                Stage::Open(s) => s.cancel(act, reason),
                Stage::Taken(s) => s.cancel(act, reason),
                Stage::Planned(s) => s.cancel(act, reason),
                _ => return not_now,
            }
            Ok(Done::Cancelled)
        }
        Step::Reopen => {
            match dream.stage() {
                Stage::Cancelled(s) => s.reopen(act),
                _ => return not_now,
            }
            Ok(Done::Reopened)
        }
    }
}

/// The coordinator's edit from the checked form. A dream deleted meanwhile
/// (in another tab, or by an import) is not brought back.
pub fn edit(dream: &mut Dream, act: &Act, checked: Checked) -> Result<Done, StepError> {
    if dream.meta.deleted {
        return Err(StepError::Gone);
    }
    let hours = dream.duration_hours;
    checked.apply(dream, act, act.rev.clone());
    // A longer dream asks its runners again, as a moved date does.
    if dream.duration_hours > hours + 1e-9 && dream.planned_for().is_some() && !dream.going().is_empty() {
        dream.asked_again = Some(act.rev.clone());
    }
    Ok(Done::Saved)
}

/// What a step changed, in Danish (worded in `da.rs`).
impl std::fmt::Display for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Done::Claimed => t::CLAIMED,
            Done::Awaiting => t::DONE_AWAITING,
            Done::Reserved => t::DONE_RESERVED,
            Done::ClaimedFor => t::DONE_CLAIMED_FOR,
            Done::ReservedFor => t::DONE_RESERVED_FOR,
            Done::Confirmed => t::DONE_CONFIRMED,
            Done::Declined => t::DONE_DECLINED,
            Done::TookPlace => t::DONE_TOOK_PLACE,
            Done::StillOk => t::DONE_STILL_OK,
            Done::Thanked => t::DONE_THANKED,
            Done::Released => t::RELEASED,
            Done::Planned => t::DONE_PLANNED,
            Done::Fulfilled => t::DONE_FULFILLED,
            Done::Cancelled => t::DONE_CANCELLED,
            Done::Reopened => t::DONE_REOPENED,
            Done::Saved => t::SAVED,
        })
    }
}

/// Why a step changed nothing, in Danish (worded in `da.rs`).
impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepError::Gone => f.write_str(t::STEP_GONE),
            StepError::NotNow(s) => f.write_str(&t::step_not_now(s.label())),
            StepError::AlreadyYours => f.write_str(t::STEP_ALREADY_YOURS),
            StepError::NoSuchClaim => f.write_str(t::STEP_NO_SUCH_CLAIM),
            StepError::Full => f.write_str(t::STEP_FULL),
            StepError::PlaceFree => f.write_str(t::STEP_PLACE_FREE),
            StepError::NotWaiting => f.write_str(t::STEP_NOT_WAITING),
            StepError::NotOffered => f.write_str(t::STEP_NOT_OFFERED),
            StepError::NothingToAnswer => f.write_str(t::STEP_NOTHING_TO_ANSWER),
            StepError::NotFulfilled => f.write_str(t::STEP_NOT_FULFILLED),
            StepError::NameMissing => f.write_str(t::RUNNER_NAME_MISSING),
            StepError::ContactMissing => f.write_str(t::RUNNER_CONTACT_MISSING),
            StepError::Text(field, problem) => f.write_str(&crate::text::fields::text_problem(field.label(), *problem)),
            StepError::Cpr(field) => f.write_str(&t::cpr_refused(field.label(), "")),
        }
    }
}
