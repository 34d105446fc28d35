//! What the dreams part's components share: today in Copenhagen, a stamped act, and a
//! dream changed through the core's steps.

use chrono::NaiveDate;
use leptos::prelude::Update;

use crate::state::AppState;
use tid_og_lyst_core::dreams::dream::Act;

/// Today's date in Copenhagen: the core's one "today", at this moment.
pub(crate) fn today() -> NaiveDate {
    tid_og_lyst_core::text::dates::today(crate::state::now())
}

/// A stamped act by `who`.
pub(crate) fn act(state: AppState, who: &str) -> Act {
    Act { rev: state.stamp(), who: who.trim().to_string() }
}

/// Applies one step to the dream `id` as `who`, through the core's rules.
/// The data (and so storage) changes only when the step succeeded.
pub(crate) fn change_dream(
    state: AppState,
    id: tid_og_lyst_core::record::meta::RecordId,
    who: &str,
    step: tid_og_lyst_core::dreams::steps::Step,
) -> Result<tid_og_lyst_core::dreams::steps::Done, tid_og_lyst_core::dreams::steps::StepError> {
    change_dream_with(state, id, who, |d, a| tid_og_lyst_core::dreams::steps::apply(d, a, step))
}

/// Like [`change_dream`], with any core function of the `steps` module.
pub(crate) fn change_dream_with(
    state: AppState,
    id: tid_og_lyst_core::record::meta::RecordId,
    who: &str,
    f: impl FnOnce(
        &mut tid_og_lyst_core::dreams::dream::Dream,
        &Act,
    ) -> Result<tid_og_lyst_core::dreams::steps::Done, tid_og_lyst_core::dreams::steps::StepError>,
) -> Result<tid_og_lyst_core::dreams::steps::Done, tid_og_lyst_core::dreams::steps::StepError> {
    use tid_og_lyst_core::dreams::steps::StepError;
    let a = act(state, who);
    state
        .data
        .try_maybe_update(|d| match d.dreams.get_mut(&id) {
            Some(dream) => {
                let r = f(dream, &a);
                (r.is_ok(), r)
            }
            None => (false, Err(StepError::Gone)),
        })
        .unwrap_or(Err(StepError::Gone))
}

/// A millisecond time as Danish local date and time: `24. november 2026 kl. 19.05`.
pub(crate) fn local_time(ms: i64) -> String {
    use chrono::Timelike;
    let local = tid_og_lyst_core::text::dates::to_local(ms);
    let date = tid_og_lyst_core::dreams::share::danish_date(local.date());
    tid_og_lyst_core::dreams::da::log_time(&date, &format!("{:02}.{:02}", local.hour(), local.minute()))
}
