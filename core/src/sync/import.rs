//! What an import will change, worked out before anything changes:
//! new, updated, conflicting (edited here and elsewhere; the newest wins) and
//! unchanged records, kind by kind. Applying is the merge of `AppData`.

use crate::record::merge::{Collection, Record};
use crate::record::meta::DeviceId;
use crate::sync::data::{AllKinds, AppData, Kinds};

/// One record edited both here and on another device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The record's title.
    pub label: String,
    /// True when the file's version wins (it is newer).
    pub incoming_wins: bool,
}

/// The changes for one record kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindReport {
    /// Records that are not here yet.
    pub new: usize,
    /// Records the file has a newer version of.
    pub updated: usize,
    /// Records deleted by the file (newer tombstones).
    pub deleted: usize,
    /// Records edited on both sides.
    pub conflicts: Vec<Conflict>,
    /// Records that are the same or older in the file.
    pub unchanged: usize,
}

impl KindReport {
    /// True when applying would change nothing of this kind.
    pub fn is_noop(&self) -> bool {
        self.new == 0 && self.updated == 0 && self.deleted == 0 && self.conflicts.iter().all(|c| !c.incoming_wins)
    }
}

/// The changes for all kinds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Dreams.
    pub dreams: KindReport,
    /// Activities.
    pub activities: KindReport,
    /// Workshop sessions.
    pub assessments: KindReport,
}

impl ImportReport {
    /// True when applying would change nothing.
    pub fn is_noop(&self) -> bool {
        self.dreams.is_noop() && self.activities.is_noop() && self.assessments.is_noop()
    }

    /// Totals over all kinds: (new, updated, deleted, conflicts, unchanged).
    pub fn totals(&self) -> (usize, usize, usize, usize, usize) {
        let k = [&self.dreams, &self.activities, &self.assessments];
        (
            k.iter().map(|r| r.new).sum(),
            k.iter().map(|r| r.updated).sum(),
            k.iter().map(|r| r.deleted).sum(),
            k.iter().map(|r| r.conflicts.len()).sum(),
            k.iter().map(|r| r.unchanged).sum(),
        )
    }
}

/// Compares incoming data with local data. `me` is this device: a local
/// record last edited here that the file also changed is a conflict.
pub fn preview(local: &AppData, incoming: &AppData, me: &DeviceId) -> ImportReport {
    preview_of::<AllKinds>(local, incoming, me)
}

/// [`preview`] of `K`'s kinds (the others count nothing).
pub fn preview_of<K: Kinds>(local: &AppData, incoming: &AppData, me: &DeviceId) -> ImportReport {
    let none = KindReport::default;
    ImportReport {
        dreams: if K::DREAMS { kind(&local.dreams, &incoming.dreams, me) } else { none() },
        activities: if K::ACTIVITIES { kind(&local.activities, &incoming.activities, me) } else { none() },
        assessments: if K::ASSESSMENTS { kind(&local.assessments, &incoming.assessments, me) } else { none() },
    }
}

fn kind<R: Record + PartialEq>(local: &Collection<R>, incoming: &Collection<R>, me: &DeviceId) -> KindReport {
    let mut rep = KindReport::default();
    for (id, theirs) in incoming {
        rep.add(local.get(id), theirs, me);
    }
    rep
}

impl KindReport {
    /// Counts one record of the file, `theirs`, against the local record
    /// with its id, `ours` (if any): a caller with many records can count
    /// them a few at a time and get what [`preview`] gives.
    pub fn add<R: Record + PartialEq>(&mut self, ours: Option<&R>, theirs: &R, me: &DeviceId) {
        let Some(ours) = ours else {
            if theirs.meta().deleted {
                self.unchanged += 1;
            } else {
                self.new += 1;
            }
            return;
        };
        let joined = R::join(ours, theirs);
        if &joined == ours {
            self.unchanged += 1;
            return;
        }
        let edited_here = ours.meta().rev.by == *me && theirs.meta().rev.by != *me;
        let incoming_wins = theirs.meta().rev > ours.meta().rev;
        if edited_here && !ours.meta().deleted {
            self.conflicts.push(Conflict { label: ours.label(), incoming_wins });
        } else if joined.meta().deleted && !ours.meta().deleted {
            self.deleted += 1;
        } else {
            self.updated += 1;
        }
    }
}
