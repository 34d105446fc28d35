//! All synchronised data of the app: one collection per record kind.

use serde::{Deserialize, Serialize};

use crate::activities::activity::Activity;
use crate::assessment::session::Assessment;
use crate::dreams::dream::Dream;
use crate::record::merge::{self, Collection, Record};
use crate::record::meta::{Clock, DeviceId, Millis};

/// The kinds of record one bundle of the app reads, keeps and writes.
///
/// Each part's bundle holds only its own kind (`DreamsOnly` …), so the
/// code that reads, merges and writes the other kinds is not in its wasm:
/// the functions that take a `K: Kinds` look at `K`'s constants, and the
/// compiler leaves out what a `false` makes unreachable. The data page's
/// bundle, and every test, use `AllKinds`.
pub trait Kinds: 'static {
    /// Dreams are read, kept and written.
    const DREAMS: bool;
    /// Activities are read, kept and written.
    const ACTIVITIES: bool;
    /// Workshop sessions are read, kept and written.
    const ASSESSMENTS: bool;
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $name:ident = $d:literal, $a:literal, $w:literal;)*) => {$(
        $(#[$doc])*
        pub struct $name;
        impl Kinds for $name {
            const DREAMS: bool = $d;
            const ACTIVITIES: bool = $a;
            const ASSESSMENTS: bool = $w;
        }
    )*};
}

kinds! {
    /// Every kind: the data page, and the whole app in one bundle.
    AllKinds = true, true, true;
    /// The dream board's bundle.
    DreamsOnly = true, false, false;
    /// The activity directory's bundle.
    ActivitiesOnly = false, true, false;
    /// The workshop's bundle.
    AssessmentsOnly = false, false, true;
}

/// Everything the user owns, tombstones included.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppData {
    /// Dreams on the board.
    #[serde(default)]
    pub dreams: Collection<Dream>,
    /// The user's own activities and edits (an overlay on the catalogue).
    #[serde(default)]
    pub activities: Collection<Activity>,
    /// Workshop sessions.
    #[serde(default)]
    pub assessments: Collection<Assessment>,
}

impl AppData {
    /// The merge of two data sets, kind by kind.
    pub fn merge(&self, other: &AppData) -> AppData {
        self.merge_of::<AllKinds>(other)
    }

    /// The merge of `K`'s kinds; the other kinds are `self`'s.
    pub fn merge_of<K: Kinds>(&self, other: &AppData) -> AppData {
        // Each kind's merge only under its `K::…` condition, so that a
        // part's bundle does not carry the others'.
        AppData {
            dreams: if K::DREAMS { merge::merge(&self.dreams, &other.dreams) } else { self.dreams.clone() },
            activities: if K::ACTIVITIES {
                merge::merge(&self.activities, &other.activities)
            } else {
                self.activities.clone()
            },
            assessments: if K::ASSESSMENTS {
                merge::merge(&self.assessments, &other.assessments)
            } else {
                self.assessments.clone()
            },
        }
    }

    /// Joins every record of `K`'s kinds in `from` into `self`, one at a
    /// time (a record here and there is joined, a new one added).
    pub fn join_in<K: Kinds>(&mut self, from: AppData) {
        let AppData { dreams, activities, assessments } = from;
        if K::DREAMS {
            dreams.into_values().for_each(|r| merge::insert(&mut self.dreams, r));
        }
        if K::ACTIVITIES {
            activities.into_values().for_each(|r| merge::insert(&mut self.activities, r));
        }
        if K::ASSESSMENTS {
            assessments.into_values().for_each(|r| merge::insert(&mut self.assessments, r));
        }
    }

    /// Number of records of every kind, tombstones included.
    pub fn len(&self) -> usize {
        self.dreams.len() + self.activities.len() + self.assessments.len()
    }

    /// True when there is no record at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Lets the clock see every stamp in the data, so new edits sort after them.
    pub fn observe_into(&self, clock: &mut Clock) {
        fn each<R: Record>(c: &Collection<R>, clock: &mut Clock) {
            for r in c.values() {
                clock.observe(&r.meta().rev);
            }
        }
        each(&self.dreams, clock);
        each(&self.activities, clock);
        each(&self.assessments, clock);
    }
}

/// Days after which unexported changes made on this device earn a reminder.
pub const EXPORT_REMINDER_DAYS: i64 = 7;

/// When changes made on this device have waited at least
/// [`EXPORT_REMINDER_DAYS`] since they were made without an export after
/// them, the number of days the oldest has waited.
pub fn export_reminder_due(data: &AppData, me: &DeviceId, last_export: Option<Millis>, now: Millis) -> Option<i64> {
    fn oldest<R: Record>(c: &Collection<R>, me: &DeviceId, after: Millis) -> Option<Millis> {
        c.values().map(|r| &r.meta().rev).filter(|rev| &rev.by == me && rev.at > after).map(|rev| rev.at).min()
    }
    let after = last_export.unwrap_or(Millis::MIN);
    let first =
        [oldest(&data.dreams, me, after), oldest(&data.activities, me, after), oldest(&data.assessments, me, after)]
            .into_iter()
            .flatten()
            .min()?;
    let days = (now - first) / 86_400_000;
    (days >= EXPORT_REMINDER_DAYS).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::activity::Activity;
    use crate::record::meta::{Meta, RecordId, Rev};

    const DAY: Millis = 86_400_000;

    fn data_with_edit(by: &str, at: Millis) -> AppData {
        let json = serde_json::json!({
            "id": RecordId::from_seed(at as u64).to_string(),
            "rev": serde_json::to_value(Rev { at, n: 0, by: DeviceId(by.into()) }).unwrap(),
            "title": "Stolemotion", "organizer": "Ældre Sagen", "municipality": "Assens",
        });
        let a: Activity = serde_json::from_value(json).unwrap();
        let _: &Meta = a.meta();
        AppData { activities: merge::collect([a]), ..AppData::default() }
    }

    #[test]
    fn reminds_only_about_own_unexported_changes_that_waited_a_week() {
        let me = DeviceId("me".into());
        let t0 = 1_790_000_000_000;
        let cases = [
            // (who edited, edited at, last export, now, expected)
            ("me", t0, None, t0 + 8 * DAY, Some(8)),
            ("me", t0, None, t0 + 6 * DAY, None),
            ("me", t0, Some(t0 + DAY), t0 + 30 * DAY, None),
            ("other", t0, None, t0 + 30 * DAY, None),
            ("me", t0 + 2 * DAY, Some(t0 + DAY), t0 + 10 * DAY, Some(8)),
        ];
        for (by, at, last, now, expected) in cases {
            assert_eq!(
                export_reminder_due(&data_with_edit(by, at), &me, last, now),
                expected,
                "{by} {at} {last:?} {now}"
            );
        }
        assert_eq!(export_reminder_due(&AppData::default(), &me, None, t0), None);
    }
}
