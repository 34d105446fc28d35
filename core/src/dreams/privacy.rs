//! Privacy rules for dreams (tavshedspligt, straffeloven § 264 d, GDPR,
//! databeskyttelsesloven § 11): text that looks like a CPR number is refused,
//! a phone number or street address of the dreamer gives a warning, and the
//! copy of a dream meant for runners carries no private fields. The
//! detectors themselves live in `text::privacy`.

use crate::dreams::dream::Dream;
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
