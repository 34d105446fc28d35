//! Privacy rules for dreams (tavshedspligt, straffeloven § 264 d, GDPR,
//! databeskyttelsesloven § 11): text that looks like a CPR number is refused,
//! a phone number or street address of the dreamer gives a warning, and the
//! copy of a dream meant for runners carries no private fields; a finished
//! dream's private details are erased a set number of days after it ended.
//! The detectors themselves live in `text::privacy`.

use crate::dreams::dream::{Dream, Event, Phase};
use crate::record::meta::Millis;
use crate::text::privacy::{find_address, find_cpr, find_phone};

/// A privacy finding in one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Looks like a CPR number: refused.
    Cpr {
        /// The field's Danish name.
        field: &'static str,
    },
    /// Looks like a phone number: warning.
    Phone {
        /// The field's Danish name.
        field: &'static str,
        /// What was found.
        found: String,
    },
    /// Looks like a street address: warning.
    Address {
        /// The field's Danish name.
        field: &'static str,
        /// What was found.
        found: String,
    },
}

/// Scans the fields about the dreamer (`(field name, text)` pairs): a CPR
/// anywhere is a refusal; phone numbers and addresses are warnings.
pub fn scan(fields: &[(&'static str, &str)]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (field, text) in fields {
        if find_cpr(text).is_some() {
            out.push(Finding::Cpr { field });
            continue;
        }
        if let Some(found) = find_phone(text) {
            out.push(Finding::Phone { field, found });
        }
        if let Some(found) = find_address(text) {
            out.push(Finding::Address { field, found });
        }
    }
    out
}

/// A dream as runners may see it: no private note. Claims stay, so runners
/// can see who else goes.
pub fn strip_dream(d: &Dream) -> Dream {
    let mut out = d.clone();
    out.private_note = None;
    out
}

/// A day in milliseconds.
const DAY: Millis = 86_400_000;

/// When a fulfilled or cancelled dream ended (its last such log line, else
/// its revision); `None` while it is active.
pub fn ended_at(d: &Dream) -> Option<Millis> {
    let wanted = match d.phase {
        Phase::Fulfilled { .. } => Event::Fulfilled,
        Phase::Cancelled { .. } => Event::Cancelled,
        Phase::Active { .. } => return None,
    };
    Some(d.log.iter().rev().find(|e| e.event == wanted).map(|e| e.rev.at).unwrap_or(d.meta.rev.at))
}

/// When the private details are to be erased: the set number of days after
/// the dream ended. The same moment on every device that holds a copy.
pub fn erase_due_at(d: &Dream) -> Option<Millis> {
    ended_at(d).map(|end| end.saturating_add(i64::from(d.erase_after_days.max(1)) * DAY))
}

/// Erases the private details of a finished dream whose time has come:
/// the private note goes, and the erasure is marked with its due moment (a
/// mark no merge of an older copy undoes). True when something changed.
pub fn erase_if_due(d: &mut Dream, now: Millis) -> bool {
    if d.erased_at.is_some() || d.meta.deleted {
        return false;
    }
    match erase_due_at(d) {
        Some(due) if due <= now => {
            d.erased_at = Some(due);
            d.private_note = None;
            true
        }
        _ => false,
    }
}

/// [`erase_if_due`] for every dream; how many were erased now.
pub fn erase_due<'a>(dreams: impl IntoIterator<Item = &'a mut Dream>, now: Millis) -> usize {
    dreams.into_iter().map(|d| erase_if_due(d, now)).filter(|&x| x).count()
}
