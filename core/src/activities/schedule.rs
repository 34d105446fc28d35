//! When an activity meets: weekly on chosen weekdays, monthly ("sidste
//! torsdag i måneden"), on a list of dates, or "efter aftale"; with breaks
//! (months without meetings). Computes the next occurrence in Danish local
//! time (Europe/Copenhagen, summer time included) from a `now` passed in.
//!
//! The time zone is the EU rule written out rather than the chrono-tz
//! database: Denmark has used it unchanged since 1996, and the full tz
//! database would add hundreds of KB to the wasm download for one zone.
//! Standard time is UTC+1; summer time (UTC+2) runs from the last Sunday of
//! March 01:00 UTC to the last Sunday of October 01:00 UTC.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::activities::da as t;
use crate::record::meta::Millis;
use crate::record::object;
use crate::text::dates::{to_local, to_utc};

/// A time of day in whole minutes (00:00–23:59). On the wire "HH:MM".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hm(u16);

impl Hm {
    /// A time from hours and minutes; `None` when out of range.
    pub fn new(h: u32, m: u32) -> Option<Hm> {
        (h < 24 && m < 60).then_some(Hm((h * 60 + m) as u16))
    }
    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        self.0 as u32
    }
    /// Hours.
    pub fn hour(self) -> u32 {
        self.0 as u32 / 60
    }
    /// Minutes past the hour.
    pub fn minute(self) -> u32 {
        self.0 as u32 % 60
    }
    /// Parses "10.00", "10:00", "9.30", "10" or "kl. 10.00".
    pub fn parse(text: &str) -> Option<Hm> {
        let s = text.trim();
        let s = s.strip_prefix("kl.").unwrap_or(s).trim();
        if s.is_empty() || s.len() > 5 {
            return None;
        }
        let (h, m) = match s.find([':', '.']) {
            Some(i) => (&s[..i], &s[i + 1..]),
            None => (s, "00"),
        };
        if h.is_empty() || h.len() > 2 || m.len() != 2 || !h.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        Hm::new(h.parse().ok()?, m.parse().ok()?)
    }
    /// The wire form "10:00".
    pub fn wire(self) -> String {
        format!("{:02}:{:02}", self.hour(), self.minute())
    }
    fn naive(self) -> NaiveTime {
        NaiveTime::from_hms_opt(self.hour(), self.minute(), 0).unwrap_or_default()
    }
}

/// Danish form: "10.00".
impl fmt::Display for Hm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}.{:02}", self.hour(), self.minute())
    }
}

impl Serialize for Hm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.wire())
    }
}

impl<'de> Deserialize<'de> for Hm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Hm::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("ugyldigt klokkeslæt: {s}")))
    }
}

// ---------------------------------------------------------------- schedule

/// Which week of the month a monthly activity meets: 1–4, or -1 for the last.
pub type Nth = i8;

/// When an activity meets. On the wire an object whose `kind` names the
/// variant (`"weekly"`, `"monthly"`, `"dates"`, `"by_agreement"`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Schedule {
    /// Every week on the given weekdays.
    Weekly {
        /// The weekdays (at least one).
        days: Vec<Weekday>,
        /// Start time.
        start: Hm,
        /// End time (after start).
        end: Hm,
        /// Months without meetings (1–12), e.g. `[7]` for "ikke i juli".
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pause_months: Vec<u8>,
    },
    /// Once a month: the nth (or last) given weekday.
    Monthly {
        /// 1–4, or -1 for the last.
        nth: Nth,
        /// The weekday.
        day: Weekday,
        /// Start time.
        start: Hm,
        /// End time.
        end: Hm,
        /// Months without meetings.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pause_months: Vec<u8>,
    },
    /// On given dates, all at the same time.
    Dates {
        /// The dates, sorted.
        dates: Vec<NaiveDate>,
        /// Start time.
        start: Hm,
        /// End time.
        end: Hm,
    },
    /// "Efter aftale": no fixed time.
    #[default]
    ByAgreement,
}

/// Read by hand rather than with serde's internally tagged derive, which
/// buffers every schedule through its private `Content` type (size in the
/// wasm). Unknown keys are ignored, as the derive did.
impl<'de> Deserialize<'de> for Schedule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(variant_identifier, rename_all = "snake_case")]
        enum Kind {
            Weekly,
            Monthly,
            Dates,
            ByAgreement,
        }
        let m = &mut object::read_map(d, "internally tagged enum Schedule", &["kind"])?;
        Ok(match object::tag(m, "kind")? {
            Kind::Weekly => Schedule::Weekly {
                days: object::field(m, "days")?,
                start: object::field(m, "start")?,
                end: object::field(m, "end")?,
                pause_months: object::field_or_default(m, "pause_months")?,
            },
            Kind::Monthly => Schedule::Monthly {
                nth: object::field(m, "nth")?,
                day: object::field(m, "day")?,
                start: object::field(m, "start")?,
                end: object::field(m, "end")?,
                pause_months: object::field_or_default(m, "pause_months")?,
            },
            Kind::Dates => Schedule::Dates {
                dates: crate::text::dates::de_iso_list(object::field::<serde_json::Value, _>(m, "dates")?)
                    .map_err(serde::de::Error::custom)?,
                start: object::field(m, "start")?,
                end: object::field(m, "end")?,
            },
            Kind::ByAgreement => Schedule::ByAgreement,
        })
    }
}

/// One meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// Local date.
    pub date: NaiveDate,
    /// Local start time.
    pub start: Hm,
    /// Local end time.
    pub end: Hm,
    /// Start instant (UTC ms).
    pub start_utc: Millis,
    /// End instant (UTC ms).
    pub end_utc: Millis,
}

/// Part of the day an activity starts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    /// Before 12.00.
    Morning,
    /// 12.00–16.59.
    Afternoon,
    /// From 17.00.
    Evening,
}

impl DayPart {
    /// The part of day of a start time.
    pub fn of(t: Hm) -> DayPart {
        match t.hour() {
            0..=11 => DayPart::Morning,
            12..=16 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }
}

/// The `nth` weekday `day` of a month (-1: the last); `None` when the month
/// has no such day.
pub fn nth_weekday(year: i32, month: u32, nth: Nth, day: Weekday) -> Option<NaiveDate> {
    if nth == -1 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next - Duration::days(1);
        let back = (7 + last.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
        return Some(last - Duration::days(back as i64));
    }
    if !(1..=5).contains(&nth) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let fwd = (7 + day.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let d = first + Duration::days(fwd as i64 + 7 * (nth as i64 - 1));
    (d.month() == month).then_some(d)
}

/// Sorts weekdays Monday first and drops repeats.
pub fn sort_days(days: &mut Vec<Weekday>) {
    days.sort_by_cached_key(|d| d.num_days_from_monday());
    days.dedup();
}

impl Schedule {
    /// Start and end time, when the schedule has fixed times.
    pub fn times(&self) -> Option<(Hm, Hm)> {
        match self {
            Schedule::Weekly { start, end, .. }
            | Schedule::Monthly { start, end, .. }
            | Schedule::Dates { start, end, .. } => Some((*start, *end)),
            Schedule::ByAgreement => None,
        }
    }

    /// True for schedules that repeat by a rule (weekly, monthly).
    pub fn is_repeating(&self) -> bool {
        matches!(self, Schedule::Weekly { .. } | Schedule::Monthly { .. })
    }

    /// True when the activity can meet on weekday `d`.
    pub fn on_weekday(&self, d: Weekday) -> bool {
        match self {
            Schedule::Weekly { days, .. } => days.contains(&d),
            Schedule::Monthly { day, .. } => *day == d,
            Schedule::Dates { dates, .. } => dates.iter().any(|x| x.weekday() == d),
            Schedule::ByAgreement => false,
        }
    }

    /// True when the schedule meets on the local date `date`.
    pub fn meets_on(&self, date: NaiveDate) -> bool {
        match self {
            Schedule::Weekly { days, pause_months, .. } => {
                days.contains(&date.weekday()) && !pause_months.contains(&(date.month() as u8))
            }
            Schedule::Monthly { nth, day, pause_months, .. } => {
                !pause_months.contains(&(date.month() as u8))
                    && nth_weekday(date.year(), date.month(), *nth, *day) == Some(date)
            }
            Schedule::Dates { dates, .. } => dates.binary_search(&date).is_ok(),
            Schedule::ByAgreement => false,
        }
    }

    fn occurrence_on(&self, date: NaiveDate) -> Option<Occurrence> {
        let (start, end) = self.times()?;
        Some(Occurrence {
            date,
            start,
            end,
            start_utc: to_utc(date.and_time(start.naive())),
            end_utc: to_utc(date.and_time(end.naive())),
        })
    }

    /// The next meeting that has not ended at `now` (one going on counts).
    pub fn next_occurrence(&self, now: Millis) -> Option<Occurrence> {
        let today = to_local(now).date();
        match self {
            Schedule::ByAgreement => None,
            Schedule::Dates { dates, .. } => {
                let from = dates.partition_point(|d| *d < today);
                dates[from..].iter().filter_map(|d| self.occurrence_on(*d)).find(|o| o.end_utc > now)
            }
            _ => (0..=400)
                .map(|i| today + Duration::days(i))
                .filter(|d| self.meets_on(*d))
                .filter_map(|d| self.occurrence_on(d))
                .find(|o| o.end_utc > now),
        }
    }

    /// The meetings starting on local dates `from..=to` (for a week programme).
    pub fn occurrences_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let mut d = from;
        while d <= to {
            if self.meets_on(d) {
                out.extend(self.occurrence_on(d));
            }
            d += Duration::days(1);
        }
        out
    }

    /// Checks the schedule; a Danish message naming what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if let Some((start, end)) = self.times() {
            if end <= start {
                return Err(t::ERR_END_BEFORE_START.into());
            }
        }
        let months_ok = |m: &Vec<u8>| {
            if m.iter().any(|x| !(1..=12).contains(x)) {
                Err(t::ERR_PAUSE_MONTH.to_string())
            } else if m.iter().collect::<std::collections::BTreeSet<_>>().len() >= 12 {
                Err(t::ERR_PAUSE_ALL.to_string())
            } else {
                Ok(())
            }
        };
        match self {
            Schedule::Weekly { days, pause_months, .. } => {
                if days.is_empty() {
                    return Err(t::ERR_NO_DAYS.into());
                }
                months_ok(pause_months)
            }
            Schedule::Monthly { nth, pause_months, .. } => {
                if !(*nth == -1 || (1..=4).contains(nth)) {
                    return Err(t::ERR_NTH.into());
                }
                months_ok(pause_months)
            }
            Schedule::Dates { dates, .. } => {
                if dates.is_empty() {
                    return Err(t::ERR_NO_DATES.into());
                }
                if dates.len() > 500 {
                    return Err(t::ERR_TOO_MANY_DATES.into());
                }
                if dates.windows(2).any(|w| w[0] >= w[1]) {
                    return Err(t::ERR_DATES_ORDER.into());
                }
                Ok(())
            }
            Schedule::ByAgreement => Ok(()),
        }
    }

    /// Puts the parts in canonical order (days Monday first, dates sorted,
    /// no repeats), so equal schedules compare equal.
    pub fn normalise(&mut self) {
        match self {
            Schedule::Weekly { days, pause_months, .. } => {
                sort_days(days);
                pause_months.sort();
                pause_months.dedup();
            }
            Schedule::Monthly { pause_months, .. } => {
                pause_months.sort();
                pause_months.dedup();
            }
            Schedule::Dates { dates, .. } => {
                dates.sort();
                dates.dedup();
            }
            Schedule::ByAgreement => {}
        }
    }

    /// Plain Danish: "Hver tirsdag og torsdag kl. 10.00–12.00 (ikke i juli)".
    pub fn describe(&self) -> String {
        let time = |s: &Hm, e: &Hm| format!("kl. {s}–{e}");
        let pause = |m: &Vec<u8>| {
            if m.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> =
                    m.iter().filter_map(|x| t::MONTHS.get((*x as usize).wrapping_sub(1))).copied().collect();
                format!(" ({} {})", t::NOT_IN, join_and(&names))
            }
        };
        match self {
            Schedule::Weekly { days, start, end, pause_months } => {
                let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
                format!("{} {} {}{}", t::EVERY, join_and(&names), time(start, end), pause(pause_months))
            }
            Schedule::Monthly { nth, day, start, end, pause_months } => {
                format!(
                    "{} {} {} {}{}",
                    crate::text::upper_first(nth_name(*nth)),
                    weekday_name(*day),
                    t::IN_THE_MONTH,
                    time(start, end),
                    pause(pause_months)
                )
            }
            Schedule::Dates { dates, start, end } => {
                let shown: Vec<String> = dates.iter().take(6).map(|d| short_date(*d)).collect();
                let more = if dates.len() > 6 { format!(" {}", t::and_more(dates.len() - 6)) } else { String::new() };
                format!("{}{} {}", shown.join(", "), more, time(start, end))
            }
            Schedule::ByAgreement => t::BY_AGREEMENT.to_string(),
        }
    }
}

/// "mandag" … "søndag".
pub fn weekday_name(d: Weekday) -> &'static str {
    t::WEEKDAYS[d.num_days_from_monday() as usize]
}

/// "første", "anden", "tredje", "fjerde", "sidste".
pub fn nth_name(n: Nth) -> &'static str {
    match n {
        1..=4 => t::NTH[n as usize - 1],
        _ => t::NTH[4],
    }
}

/// "tirsdag 25. nov." without the year.
pub fn short_date(d: NaiveDate) -> String {
    format!("{} {}. {}", weekday_name(d.weekday()), d.day(), t::MONTHS_SHORT[d.month0() as usize])
}

/// "tirsdag 25. nov. kl. 10.00".
pub fn format_occurrence(o: &Occurrence) -> String {
    format!("{} kl. {}", short_date(o.date), o.start)
}

/// "a", "a og b", "a, b og c".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {}", rest.join(", "), t::AND, last),
    }
}

/// The Monday of the week containing `d`.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dates::{last_sunday, offset_hours, HOUR_MS};
    use chrono::{TimeZone, Utc};

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Millis {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().timestamp_millis()
    }
    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn hm(h: u32, m: u32) -> Hm {
        Hm::new(h, m).unwrap()
    }
    fn weekly(days: &[Weekday], s: Hm, e: Hm) -> Schedule {
        Schedule::Weekly { days: days.to_vec(), start: s, end: e, pause_months: vec![] }
    }

    #[test]
    fn last_sundays_of_known_years() {
        assert_eq!(last_sunday(2026, 3), date(2026, 3, 29));
        assert_eq!(last_sunday(2026, 10), date(2026, 10, 25));
        assert_eq!(last_sunday(2027, 3), date(2027, 3, 28));
        assert_eq!(last_sunday(2025, 10), date(2025, 10, 26));
    }

    #[test]
    fn offset_changes_exactly_at_the_spring_switch() {
        // 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST.
        assert_eq!(offset_hours(utc(2026, 3, 29, 0, 59)), 1);
        assert_eq!(offset_hours(utc(2026, 3, 29, 1, 0)), 2);
        assert_eq!(to_local(utc(2026, 3, 29, 0, 59)), date(2026, 3, 29).and_hms_opt(1, 59, 0).unwrap());
        assert_eq!(to_local(utc(2026, 3, 29, 1, 0)), date(2026, 3, 29).and_hms_opt(3, 0, 0).unwrap());
    }

    #[test]
    fn offset_changes_exactly_at_the_autumn_switch() {
        // 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET.
        assert_eq!(offset_hours(utc(2026, 10, 25, 0, 59)), 2);
        assert_eq!(offset_hours(utc(2026, 10, 25, 1, 0)), 1);
        assert_eq!(to_local(utc(2026, 10, 25, 0, 30)), date(2026, 10, 25).and_hms_opt(2, 30, 0).unwrap());
        assert_eq!(to_local(utc(2026, 10, 25, 1, 30)), date(2026, 10, 25).and_hms_opt(2, 30, 0).unwrap());
    }

    #[test]
    fn local_times_around_the_switches() {
        // Winter: 10.00 local is 09.00 UTC; summer: 08.00 UTC.
        assert_eq!(to_utc(date(2026, 3, 28).and_hms_opt(10, 0, 0).unwrap()), utc(2026, 3, 28, 9, 0));
        assert_eq!(to_utc(date(2026, 3, 29).and_hms_opt(10, 0, 0).unwrap()), utc(2026, 3, 29, 8, 0));
        assert_eq!(to_utc(date(2026, 10, 24).and_hms_opt(10, 0, 0).unwrap()), utc(2026, 10, 24, 8, 0));
        assert_eq!(to_utc(date(2026, 10, 25).and_hms_opt(10, 0, 0).unwrap()), utc(2026, 10, 25, 9, 0));
        // The skipped hour moves forward; the repeated hour means the first.
        assert_eq!(to_utc(date(2026, 3, 29).and_hms_opt(2, 30, 0).unwrap()), utc(2026, 3, 29, 1, 30));
        assert_eq!(to_utc(date(2026, 10, 25).and_hms_opt(2, 30, 0).unwrap()), utc(2026, 10, 25, 0, 30));
    }

    #[test]
    fn round_trip_local_utc_all_year() {
        let mut t = utc(2026, 1, 1, 0, 0);
        while t < utc(2027, 1, 1, 0, 0) {
            assert_eq!(to_utc(to_local(t)), t, "{}", to_local(t));
            t += 7 * HOUR_MS + 13 * 60_000;
        }
    }

    #[test]
    fn weekly_next_occurrence_across_the_spring_switch() {
        // Saturday 28 March 2026 at 12.00 local (11.00 UTC); the activity
        // meets Mondays 10.00: next is Monday 30 March, in summer time.
        let s = weekly(&[Weekday::Mon], hm(10, 0), hm(12, 0));
        let o = s.next_occurrence(utc(2026, 3, 28, 11, 0)).unwrap();
        assert_eq!(o.date, date(2026, 3, 30));
        assert_eq!(o.start_utc, utc(2026, 3, 30, 8, 0));
        assert_eq!(format_occurrence(&o), "mandag 30. mar. kl. 10.00");
    }

    #[test]
    fn weekly_next_occurrence_across_the_autumn_switch() {
        let s = weekly(&[Weekday::Sun], hm(10, 0), hm(11, 30));
        // Saturday 24 Oct 2026 evening: next is Sunday 25 Oct 10.00 CET = 09.00 UTC.
        let o = s.next_occurrence(utc(2026, 10, 24, 18, 0)).unwrap();
        assert_eq!(o.date, date(2026, 10, 25));
        assert_eq!(o.start_utc, utc(2026, 10, 25, 9, 0));
        assert_eq!(o.end_utc - o.start_utc, 90 * 60_000);
    }

    #[test]
    fn an_ongoing_meeting_counts_and_an_ended_one_does_not() {
        let s = weekly(&[Weekday::Tue], hm(10, 0), hm(12, 0));
        // Tuesday 24 Nov 2026 11.00 local = 10.00 UTC.
        assert_eq!(s.next_occurrence(utc(2026, 11, 24, 10, 0)).unwrap().date, date(2026, 11, 24));
        // 12.00 local: it has ended; next week.
        assert_eq!(s.next_occurrence(utc(2026, 11, 24, 11, 0)).unwrap().date, date(2026, 12, 1));
    }

    #[test]
    fn local_midnight_decides_the_day_not_utc() {
        // 23.30 UTC Monday = 00.30 local Tuesday in winter.
        let s = weekly(&[Weekday::Tue], hm(10, 0), hm(12, 0));
        let o = s.next_occurrence(utc(2026, 11, 23, 23, 30)).unwrap();
        assert_eq!(o.date, date(2026, 11, 24));
    }

    #[test]
    fn pause_months_are_skipped() {
        let s = Schedule::Weekly { days: vec![Weekday::Wed], start: hm(14, 0), end: hm(16, 0), pause_months: vec![7] };
        let o = s.next_occurrence(utc(2026, 6, 30, 12, 0)).unwrap();
        assert_eq!(o.date, date(2026, 8, 5));
    }

    #[test]
    fn monthly_last_thursday() {
        let s =
            Schedule::Monthly { nth: -1, day: Weekday::Thu, start: hm(14, 0), end: hm(16, 0), pause_months: vec![] };
        let o = s.next_occurrence(utc(2026, 11, 1, 12, 0)).unwrap();
        assert_eq!(o.date, date(2026, 11, 26));
        let o = s.next_occurrence(utc(2026, 11, 26, 16, 0)).unwrap();
        assert_eq!(o.date, date(2026, 12, 31));
        assert_eq!(s.describe(), "Sidste torsdag i måneden kl. 14.00–16.00");
        assert_eq!(nth_weekday(2026, 2, 1, Weekday::Sun), Some(date(2026, 2, 1)));
        assert_eq!(nth_weekday(2026, 2, 5, Weekday::Sun), None);
    }

    #[test]
    fn dates_pick_the_first_not_ended() {
        let s =
            Schedule::Dates { dates: vec![date(2026, 11, 20), date(2026, 12, 4)], start: hm(19, 0), end: hm(21, 0) };
        assert_eq!(s.next_occurrence(utc(2026, 11, 1, 0, 0)).unwrap().date, date(2026, 11, 20));
        assert_eq!(s.next_occurrence(utc(2026, 11, 21, 0, 0)).unwrap().date, date(2026, 12, 4));
        assert_eq!(s.next_occurrence(utc(2026, 12, 5, 0, 0)), None);
        assert_eq!(Schedule::ByAgreement.next_occurrence(0), None);
    }

    #[test]
    fn descriptions_in_danish() {
        let s = Schedule::Weekly {
            days: vec![Weekday::Tue, Weekday::Thu],
            start: hm(10, 0),
            end: hm(12, 0),
            pause_months: vec![7],
        };
        assert_eq!(s.describe(), "Hver tirsdag og torsdag kl. 10.00–12.00 (ikke i juli)");
        assert_eq!(Schedule::ByAgreement.describe(), "Efter aftale");
    }

    #[test]
    fn checks_refuse_impossible_schedules() {
        assert!(weekly(&[], hm(10, 0), hm(12, 0)).check().is_err());
        assert!(weekly(&[Weekday::Mon], hm(12, 0), hm(10, 0)).check().is_err());
        assert!(weekly(&[Weekday::Mon], hm(10, 0), hm(12, 0)).check().is_ok());
        let all = Schedule::Weekly {
            days: vec![Weekday::Mon],
            start: hm(1, 0),
            end: hm(2, 0),
            pause_months: (1..=12).collect(),
        };
        assert!(all.check().is_err());
        assert!(Schedule::Monthly { nth: 5, day: Weekday::Mon, start: hm(1, 0), end: hm(2, 0), pause_months: vec![] }
            .check()
            .is_err());
    }

    #[test]
    fn times_parse_in_danish_and_wire_forms() {
        assert_eq!(Hm::parse("10.00"), Some(hm(10, 0)));
        assert_eq!(Hm::parse("9:30"), Some(hm(9, 30)));
        assert_eq!(Hm::parse("kl. 14"), Some(hm(14, 0)));
        assert_eq!(Hm::parse("24.00"), None);
        assert_eq!(Hm::parse("10.5"), None);
        assert_eq!(Hm::parse("ti"), None);
        assert_eq!(serde_json::to_string(&hm(9, 5)).unwrap(), "\"09:05\"");
    }

    #[test]
    fn schedule_wire_form_is_stable() {
        let s = Schedule::Weekly { days: vec![Weekday::Tue], start: hm(10, 0), end: hm(12, 0), pause_months: vec![] };
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(j, r#"{"kind":"weekly","days":["Tue"],"start":"10:00","end":"12:00"}"#);
        assert_eq!(serde_json::from_str::<Schedule>(&j).unwrap(), s);
        assert_eq!(serde_json::to_string(&Schedule::ByAgreement).unwrap(), r#"{"kind":"by_agreement"}"#);
    }

    proptest::proptest! {
        #[test]
        fn next_weekly_occurrence_is_on_a_chosen_day_within_a_week(
            now in 1_700_000_000_000i64..1_900_000_000_000i64,
            mask in 1u8..128,
            start in 0u32..1380,
        ) {
            let days: Vec<Weekday> = (0..7).filter(|i| mask & (1 << i) != 0)
                .map(|i| Weekday::try_from(i as u8).unwrap()).collect();
            let s = weekly(&days, Hm::new(start / 60, start % 60).unwrap(), Hm::new(start / 60, start % 60).unwrap().max(hm(23, 59)));
            let o = s.next_occurrence(now).unwrap();
            proptest::prop_assert!(days.contains(&o.date.weekday()));
            proptest::prop_assert!(o.end_utc > now);
            proptest::prop_assert!(o.start_utc - now < 8 * 24 * HOUR_MS);
            proptest::prop_assert_eq!(to_local(o.start_utc).date(), o.date);
        }
    }

    #[test]
    fn the_wire_form_reads_as_the_tagged_derive_did() {
        let read = |j: &str| serde_json::from_str::<Schedule>(j).map_err(|e| e.to_string());
        let weekly =
            Schedule::Weekly { days: vec![Weekday::Tue], start: hm(10, 0), end: hm(12, 0), pause_months: vec![] };
        assert_eq!(
            read(r#"{"days":["Tue"],"start":"10:00","end":"12:00","kind":"weekly","later":1}"#),
            Ok(weekly.clone())
        );
        assert_eq!(read(r#"{"kind":0,"days":["Tue"],"start":"10:00","end":"12:00"}"#), Ok(weekly), "a variant index");
        assert_eq!(read(r#"{"kind":"by_agreement","days":"x"}"#), Ok(Schedule::ByAgreement));
        assert_eq!(
            read(r#"{"kind":"x"}"#).unwrap_err().split(" at ").next(),
            Some("unknown variant `x`, expected one of `weekly`, `monthly`, `dates`, `by_agreement`")
        );
        assert!(read(r#"{"kind":"weekly","kind":"dates"}"#).unwrap_err().starts_with("duplicate field `kind`"));
        assert!(read(r#"{"kind":"dates","start":"10:00","end":"12:00"}"#)
            .unwrap_err()
            .starts_with("missing field `dates`"));
        assert!(read(r#"{"kind":"weekly","days":["Tue"],"start":"25:00","end":"12:00"}"#)
            .unwrap_err()
            .starts_with("ugyldigt klokkeslæt: 25:00"));
    }
}
