//! "Sidst bekræftet": whether an activity's information is still known to be
//! true. Apart from the last edit (`updated`), an activity carries the date
//! someone last confirmed it (`confirmed`, "Stadig aktuel" on its page, HSDS's
//! `assured_date`). After six months without a confirmation it is stale and
//! shows a badge; the directory can keep to the ones confirmed within a
//! year. A new activity typed into the form is confirmed the day it is made
//! (whoever enters it vouches for it); editing one does not confirm it.

use chrono::{Months, NaiveDate};

use crate::activities::activity::Activity;
use crate::activities::da::trust as t;
use crate::record::meta::Rev;

/// Months after which an unconfirmed activity is stale.
pub const STALE_AFTER_MONTHS: u32 = 6;
/// Months the filter "Bekræftet inden for et år" looks back.
pub const RECENT_MONTHS: u32 = 12;

/// Where an activity's confirmation stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// Confirmed within the last six months (on that date).
    Fresh(NaiveDate),
    /// Last confirmed longer ago (on that date).
    Stale(NaiveDate),
    /// Never confirmed.
    Never,
}

impl Confirmation {
    /// The badge to show, if any: "Ikke bekræftet siden 5. januar 2026" or
    /// "Aldrig bekræftet".
    pub fn badge(self) -> Option<String> {
        match self {
            Confirmation::Fresh(_) => None,
            Confirmation::Stale(d) => Some(t::not_since(d)),
            Confirmation::Never => Some(t::NEVER.to_string()),
        }
    }

    /// The line under the button: "Sidst bekræftet 5. januar 2026." or
    /// "Aldrig bekræftet."
    pub fn line(self) -> String {
        match self {
            Confirmation::Fresh(d) | Confirmation::Stale(d) => t::last(d),
            Confirmation::Never => format!("{}.", t::NEVER),
        }
    }
}

/// `date` moved `months` back, clamped to the end of a shorter month
/// (31 August − 6 months is 28/29 February).
fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN)
}

/// Where `a`'s confirmation stands on `today` (Copenhagen's date). A date
/// after today (another device's clock ahead) counts as today.
pub fn confirmation(a: &Activity, today: NaiveDate) -> Confirmation {
    match a.confirmed {
        None => Confirmation::Never,
        Some(d) if d < months_before(today, STALE_AFTER_MONTHS) => Confirmation::Stale(d),
        Some(d) => Confirmation::Fresh(d),
    }
}

/// True when `a` was confirmed within the last year (the directory's filter
/// "Bekræftet inden for et år").
pub fn confirmed_within_year(a: &Activity, today: NaiveDate) -> bool {
    a.confirmed.is_some_and(|d| d >= months_before(today, RECENT_MONTHS))
}

/// Why "Stadig aktuel" changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmError {
    /// The activity was deleted.
    Deleted,
    /// It was already confirmed today (or later).
    AlreadyToday,
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for ConfirmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConfirmError::Deleted => t::ERR_DELETED,
            ConfirmError::AlreadyToday => t::ERR_ALREADY,
        })
    }
}

/// "Stadig aktuel": the activity confirmed on `today`, with the new
/// revision `rev`. Nothing else changes (the last edit stays as it was).
pub fn still_current(a: &Activity, rev: Rev, today: NaiveDate) -> Result<Activity, ConfirmError> {
    if a.meta.deleted {
        return Err(ConfirmError::Deleted);
    }
    if a.confirmed.is_some_and(|d| d >= today) {
        return Err(ConfirmError::AlreadyToday);
    }
    let mut out = a.clone();
    out.meta.rev = rev;
    out.confirmed = Some(today);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn six_months_to_the_day_is_still_fresh() {
        assert_eq!(months_before(d(2026, 8, 31), 6), d(2026, 2, 28));
        assert_eq!(months_before(d(2028, 8, 31), 6), d(2028, 2, 29));
        assert_eq!(months_before(d(2026, 12, 7), 12), d(2025, 12, 7));
    }
}
