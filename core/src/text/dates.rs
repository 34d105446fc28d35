//! Dates and Danish time, one of each: the Copenhagen wall clock from a UTC
//! instant (the EU summer-time rule in code, no time-zone database), the one
//! "today" every part uses, and the one parser for the dates people type or
//! spreadsheets write.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::record::meta::Millis;

/// One hour in milliseconds.
pub const HOUR_MS: i64 = 3_600_000;

/// The last Sunday of a month.
pub fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid month");
    let last = next - Duration::days(1);
    last - Duration::days(last.weekday().num_days_from_sunday() as i64)
}

/// The UTC instants (ms) when summer time starts and ends in `year`.
pub fn summer_time_bounds(year: i32) -> (Millis, Millis) {
    let at = |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0).unwrap()).timestamp_millis();
    (at(last_sunday(year, 3)), at(last_sunday(year, 10)))
}

/// Copenhagen's offset from UTC at instant `utc`, in hours (1 or 2).
pub fn offset_hours(utc: Millis) -> i64 {
    let year = Utc.timestamp_millis_opt(utc).single().map(|d| d.year()).unwrap_or(1970);
    let (start, end) = summer_time_bounds(year);
    if utc >= start && utc < end {
        2
    } else {
        1
    }
}

/// The local (Copenhagen) wall time at instant `utc`.
pub fn to_local(utc: Millis) -> NaiveDateTime {
    let shifted = utc + offset_hours(utc) * HOUR_MS;
    Utc.timestamp_millis_opt(shifted).single().map(|d| d.naive_utc()).unwrap_or_default()
}

/// The instant of a local wall time. A time that does not exist (the hour
/// skipped in March) is moved forward by an hour, as clocks do; a time that
/// occurs twice (the hour repeated in October) means the first, summer one.
pub fn to_utc(local: NaiveDateTime) -> Millis {
    let y = local.year();
    let summer_from = last_sunday(y, 3).and_hms_opt(3, 0, 0).unwrap();
    let summer_to = last_sunday(y, 10).and_hms_opt(3, 0, 0).unwrap();
    let offset = if local >= summer_from && local < summer_to { 2 } else { 1 };
    Utc.from_utc_datetime(&local).timestamp_millis() - offset * HOUR_MS
}

/// Today's date in Copenhagen at instant `now`: the one "today" of the app.
pub fn today(now: Millis) -> NaiveDate {
    to_local(now).date()
}

/// Reads a date as people and spreadsheet programs write it: ISO
/// `2026-11-25`, Danish `25-11-2026`, `25.11.2026`, `25/11/2026`, with or
/// without leading zeros, and a two-digit year (`25-11-26` → 2026). `None`
/// when it is not a real date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|c| c.is_ascii_digit())) {
        return None;
    }
    // Only one separator kind in one date.
    let seps: Vec<char> = s.chars().filter(|c| matches!(c, '-' | '.' | '/')).collect();
    if seps[0] != seps[1] {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return if seps[0] == '-' && parts[1].len() <= 2 && parts[2].len() <= 2 {
            NaiveDate::from_ymd_opt(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?)
        } else {
            None
        };
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = match parts[2].len() {
        4 => n(parts[2])? as i32,
        2 => 2000 + n(parts[2])? as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, n(parts[1])?, n(parts[0])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_as_people_and_spreadsheets_write_them() {
        for (text, want) in [
            ("2026-11-25", d(2026, 11, 25)),
            ("25-11-2026", d(2026, 11, 25)),
            ("25.11.2026", d(2026, 11, 25)),
            ("25/11/2026", d(2026, 11, 25)),
            ("5-1-26", d(2026, 1, 5)),
            ("05-01-26", d(2026, 1, 5)),
            ("5.1.2026", d(2026, 1, 5)),
            ("5/1/2026", d(2026, 1, 5)),
            (" 2026-1-5 ", d(2026, 1, 5)),
            ("31-02-2026", None),
            ("25-11", None),
            ("25-11.2026", None),
            ("2026/11/25", None),
            ("25-11-226", None),
            ("i morgen", None),
            ("", None),
        ] {
            assert_eq!(parse_date(text), want, "{text:?}");
        }
    }

    #[test]
    fn today_is_the_copenhagen_date() {
        // 2026-12-01 23:30 UTC is already 2 December in Copenhagen (winter, +1).
        let late = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap().timestamp_millis();
        assert_eq!(today(late), NaiveDate::from_ymd_opt(2026, 12, 2).unwrap());
        // 2026-07-01 21:59 UTC is 23:59 in summer: still 1 July.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 21, 59, 0).unwrap().timestamp_millis();
        assert_eq!(today(summer), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    }
}
