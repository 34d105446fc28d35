//! Every change a runner or coordinator makes to a dream, as one function
//! with a typed result: claim ("Jeg tager den"), release ("Slip igen"), plan,
//! fulfil, cancel and reopen. The component calls [`apply`] and shows success
//! only for `Ok`; on `Err` the dream is left exactly as it was.

use crate::dreams::da as t;
use crate::dreams::dream::{Act, Dream, PlannedFor, Runner, Stage, Status, TextField};
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
    /// "Slip igen": release the claim with this id.
    Release(RecordId),
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
    /// A claim was added.
    Claimed,
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

/// Applies `step` to `dream` as `act` (stamp and who). Everything is checked
/// before anything changes.
pub fn apply(dream: &mut Dream, act: &Act, step: Step) -> Result<Done, StepError> {
    let status = dream.status();
    let not_now = Err(StepError::NotNow(status));
    match step {
        Step::Claim { id, runner } => {
            let runner = Runner { name: runner.name.trim().to_string(), contact: runner.contact.trim().to_string() };
            if runner.name.is_empty() {
                return Err(StepError::NameMissing);
            }
            if runner.contact.is_empty() {
                return Err(StepError::ContactMissing);
            }
            check(TextField::RunnerName, &runner.name)?;
            check(TextField::RunnerContact, &runner.contact)?;
            if dream.claim_of(&act.rev.by).is_some() {
                return Err(StepError::AlreadyYours);
            }
            match dream.stage() {
                Stage::Open(s) => s.claim(act, id, runner),
                _ => return not_now,
            }
            Ok(Done::Claimed)
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
    checked.apply(dream, act, act.rev.clone());
    Ok(Done::Saved)
}

/// What a step changed, in Danish (worded in `da.rs`).
impl std::fmt::Display for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Done::Claimed => t::CLAIMED,
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
            StepError::NameMissing => f.write_str(t::RUNNER_NAME_MISSING),
            StepError::ContactMissing => f.write_str(t::RUNNER_CONTACT_MISSING),
            StepError::Text(field, problem) => f.write_str(&crate::text::fields::text_problem(field.label(), *problem)),
            StepError::Cpr(field) => f.write_str(&t::cpr_refused(field.label(), "")),
        }
    }
}
