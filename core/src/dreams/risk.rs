//! "Drømme i fare": the coordinator's list of active dreams that still lack
//! runners and either have their deadline within a week, or lost a runner
//! less than 48 hours before the planned time. Pure: now is passed in.

use chrono::NaiveTime;

use crate::dreams::dream::{Dream, Event, Phase};
use crate::record::meta::Millis;
use crate::text::dates;

/// How close a deadline must be to count (days).
pub const DEADLINE_DAYS: i64 = 7;
/// A release this close to the planned time is late (hours).
pub const LATE_HOURS: i64 = 48;

/// Why a dream is at risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Risk {
    /// The deadline is this many days away (0 = today).
    Deadline {
        /// Days left.
        days: i64,
    },
    /// A runner let go this many hours before the planned time.
    LateRelease {
        /// Hours before the start.
        hours: i64,
    },
}

/// Whether `d` is at risk at `now`, and why (a late release first).
pub fn at_risk(d: &Dream, now: Millis) -> Option<Risk> {
    if d.meta.deleted || !matches!(d.phase, Phase::Active { .. }) || d.runners_missing() == 0 {
        return None;
    }
    if let Some(p) = d.planned_for() {
        let start = dates::to_utc(p.date.and_time(p.time.unwrap_or(NaiveTime::MIN)));
        let late = d.log.iter().rev().find(|e| {
            matches!(e.event, Event::Released { .. } | Event::Declined { .. })
                && e.rev.at <= start
                && start - e.rev.at < LATE_HOURS * 3_600_000
        });
        if let (Some(e), true) = (late, now < start) {
            return Some(Risk::LateRelease { hours: (start - e.rev.at) / 3_600_000 });
        }
    }
    let today = dates::today(now);
    let days = (d.deadline()? - today).num_days();
    (0..=DEADLINE_DAYS).contains(&days).then_some(Risk::Deadline { days })
}

/// The dreams at risk, soonest first (late releases, then by deadline).
pub fn at_risk_list<'a>(dreams: impl IntoIterator<Item = &'a Dream>, now: Millis) -> Vec<(&'a Dream, Risk)> {
    let mut v: Vec<(&Dream, Risk)> = dreams.into_iter().filter_map(|d| at_risk(d, now).map(|r| (d, r))).collect();
    v.sort_by_key(|(d, r)| match r {
        Risk::LateRelease { hours } => (0, *hours, d.meta.id),
        Risk::Deadline { days } => (1, *days, d.meta.id),
    });
    v
}

/// The reason in Danish, with how many runners are missing.
pub fn explain(d: &Dream, r: Risk) -> String {
    use crate::dreams::da as t;
    match r {
        Risk::Deadline { days } => t::risk_deadline(days, d.runners_missing()),
        Risk::LateRelease { hours } => t::risk_late_release(hours, d.runners_missing()),
    }
}
