//! All synchronised data of the app: one collection per record kind.

use serde::{Deserialize, Serialize};

use crate::model::activity::Activity;
use crate::model::assessment::Assessment;
use crate::model::dream::Dream;
use crate::model::meta::Clock;
use crate::sync::merge::{self, Collection, Record};

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
        AppData {
            dreams: merge::merge(&self.dreams, &other.dreams),
            activities: merge::merge(&self.activities, &other.activities),
            assessments: merge::merge(&self.assessments, &other.assessments),
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
