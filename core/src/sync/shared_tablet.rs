//! The shared tablet of an IT café or a library: what one person did on it,
//! which goes when they are done ("Færdig – ryd til næste") or leave it idle,
//! and what stays for the next; the same rule tells "Ryd mine data" which of
//! the values kept beside the records are personal. And when an idle tablet
//! warns and then clears.
//!
//! Pure: the app hands in its records, the keys it keeps beside them (with
//! what each holds), this device and the time, and does the removing.

use crate::dreams::dream::{Dream, Event};
use crate::record::meta::{DeviceId, Millis, RecordId};
use crate::sync::data::AppData;
use crate::text::dates::{iso, today};

/// What a value kept beside the records (local or session storage) holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// Display settings and the shared tablet's own setting: the device's.
    Settings,
    /// The version of the stored keys.
    Schema,
    /// Records (the first version's keys, or where IndexedDB is missing).
    Records,
    /// The device id and its clock. A visit ends with a new id, so that
    /// nothing made before counts as "mine" any more.
    DeviceClock,
    /// The copy of the records before the last import (its undo), which
    /// may hold what a person did before they imported.
    UndoCopy,
    /// A person's own: their name and contact, favourites, their answer to
    /// "Hvornår har du tid?".
    Personal,
    /// The shared board's connection and what was last seen on it: set up
    /// for the device by the association, like the lists it brings.
    Board,
    /// Values moved aside because they could not be read (their content is
    /// unknown, so it may be personal).
    MovedAside,
    /// Notices handed from one page of the tab to the next.
    HandedOver,
}

/// How much a clearing removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clearing {
    /// "Ryd mine data": every record and everything personal; the display
    /// settings stay.
    Everything,
    /// "Færdig – ryd til næste": what one person did ([`forget_visit`]);
    /// the records themselves, the board's connection and the settings stay.
    Visit,
}

impl Clearing {
    /// True when the clearing removes a value that holds `what` (`None`: a
    /// key this version does not know, which may be personal, so it goes).
    pub fn removes(self, what: Option<Holds>) -> bool {
        let kept = match self {
            Clearing::Everything => matches!(what, Some(Holds::Settings | Holds::Schema)),
            Clearing::Visit => matches!(what, Some(Holds::Settings | Holds::Schema | Holds::Records | Holds::Board)),
        };
        !kept
    }
}

/// The keys among `present` that `clearing` removes; `holds` says what the
/// value under a key holds.
pub fn keys_to_remove(clearing: Clearing, present: &[String], holds: impl Fn(&str) -> Option<Holds>) -> Vec<&str> {
    present.iter().map(String::as_str).filter(|k| clearing.removes(holds(k))).collect()
}

/// What [`forget_visit`] took out of the records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Claims on dreams made on this device.
    pub claims: usize,
    /// Ballots given on this device in workshops that are not running.
    pub ballots: usize,
}

/// Takes out of `data` what a person did on this device (`me`) as they hand
/// the shared tablet on to the next, at `now`:
///
/// - their claims on dreams, standing or released, with the dream's log
///   lines about them (both carry the runner's name and contact). They are
///   dropped from this copy, not released: a release is a tombstone that
///   travels, and would withdraw the claim wherever it has gone already
///   (the file for the coordinator, the shared board), while the person is
///   done with the tablet, not with the dream. A claim the coordinator
///   entered for a runner who phoned is the coordinator's, and stays.
/// - their ballots in workshops that are not running. A workshop dated
///   today (Copenhagen) is running: the tablet may be passed round in it,
///   and its ballots (under aliases) are the workshop's, as are every
///   workshop's notes, hands and reflections (the facilitator's).
///
/// The dreams themselves, the activities (the directory, imported lists,
/// the café's own entries) and the workshops stay. Favourites, names and
/// drafts are not records: see [`Holds::Personal`]. Returns what went.
pub fn forget_visit(data: &mut AppData, me: &DeviceId, now: Millis) -> Forgotten {
    let mut out = Forgotten::default();
    for dream in data.dreams.values_mut() {
        out.claims += forget_claims(dream, me);
    }
    let running = iso(today(now));
    for session in data.assessments.values_mut() {
        if session.date.trim() == running {
            continue;
        }
        let before = session.responses.len();
        session.responses.retain(|_, r| &r.rev.by != me);
        out.ballots += before - session.responses.len();
    }
    out
}

/// Drops the claims `me` made on `dream`, with their log lines; how many.
fn forget_claims(dream: &mut Dream, me: &DeviceId) -> usize {
    let mine: Vec<RecordId> = dream
        .claims
        .values()
        .filter(|c| !c.by_coordinator && c.device.as_ref().unwrap_or(&c.meta.rev.by) == me)
        .map(|c| c.meta.id)
        .collect();
    if mine.is_empty() {
        return 0;
    }
    for id in &mine {
        dream.claims.remove(id);
    }
    dream.log.retain(|e| claim_named(&e.event).is_none_or(|id| !mine.contains(&id)));
    mine.len()
}

/// The claim a log line is about, if any. Every event is named here, so an
/// event added later must say whether its line carries a runner's name.
fn claim_named(e: &Event) -> Option<RecordId> {
    match e {
        Event::Claimed { claim }
        | Event::Released { claim }
        | Event::Confirmed { claim }
        | Event::Declined { claim }
        | Event::StillOk { claim }
        | Event::TookPlace { claim } => Some(*claim),
        Event::Created
        | Event::Edited
        | Event::Planned { .. }
        | Event::Fulfilled
        | Event::Cancelled
        | Event::Reopened
        | Event::Thanked => None,
    }
}

/// Minutes without a touch before an idle tablet warns, unless set.
pub const IDLE_MINUTES: u8 = 5;
/// The choices of minutes offered.
pub const IDLE_CHOICES: [u8; 5] = [2, 5, 10, 15, 30];
/// How long the warning shows before the tablet is cleared (ms).
pub const WARNING_MS: Millis = 60_000;

/// Where an idle shared tablet stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Someone used it lately.
    InUse,
    /// "Er du her stadig?", with the whole seconds left before it clears.
    Warning {
        /// Seconds left (1–60).
        seconds_left: i64,
    },
    /// Nobody answered the warning: clear it.
    Clear,
}

/// Where the tablet stands at `now`, last used at `last_use`, idle time
/// `minutes`, the warning shown since `warned_at` (if it is). The warning
/// always shows its full minute first, even when the tablet slept through
/// the idle time (its timers paused), so a person who comes back can stay.
pub fn idle(last_use: Millis, warned_at: Option<Millis>, now: Millis, minutes: u8) -> Idle {
    match warned_at {
        Some(at) => {
            let left = WARNING_MS - (now - at).max(0);
            if left <= 0 {
                Idle::Clear
            } else {
                Idle::Warning { seconds_left: (left + 999) / 1000 }
            }
        }
        None if now - last_use >= i64::from(minutes.max(1)) * 60_000 => {
            Idle::Warning { seconds_left: WARNING_MS / 1000 }
        }
        None => Idle::InUse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_settings_and_schema_survive_everything_and_a_visit_keeps_records_and_board() {
        use Holds::*;
        let all = [Settings, Schema, Records, DeviceClock, UndoCopy, Personal, Board, MovedAside, HandedOver];
        let kept = |c: Clearing| all.into_iter().filter(|h| !c.removes(Some(*h))).collect::<Vec<_>>();
        assert_eq!(kept(Clearing::Everything), [Settings, Schema]);
        assert_eq!(kept(Clearing::Visit), [Settings, Schema, Records, Board]);
        assert!(Clearing::Visit.removes(None) && Clearing::Everything.removes(None), "an unknown key may be personal");
    }

    #[test]
    fn the_idle_tablet_warns_a_full_minute_then_clears() {
        let m = 60_000;
        let cases = [
            // (last use, warned at, now, minutes, expected)
            (0, None, 5 * m - 1, 5, Idle::InUse),
            (0, None, 5 * m, 5, Idle::Warning { seconds_left: 60 }),
            (0, None, 3 * m, 2, Idle::Warning { seconds_left: 60 }),
            // Slept for an hour: the warning still gets its minute.
            (0, None, 60 * m, 5, Idle::Warning { seconds_left: 60 }),
            (0, Some(5 * m), 5 * m + 1, 5, Idle::Warning { seconds_left: 60 }),
            (0, Some(5 * m), 5 * m + 59_001, 5, Idle::Warning { seconds_left: 1 }),
            (0, Some(5 * m), 6 * m, 5, Idle::Clear),
            (0, Some(5 * m), 90 * m, 5, Idle::Clear),
            // Zero minutes is taken as one.
            (0, None, m - 1, 0, Idle::InUse),
        ];
        for (last, warned, now, minutes, expected) in cases {
            assert_eq!(idle(last, warned, now, minutes), expected, "{last} {warned:?} {now} {minutes}");
        }
    }
}
