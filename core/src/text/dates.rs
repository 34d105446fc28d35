//! Dates and Danish time, one of each: the Copenhagen wall clock from a UTC
//! instant (the EU summer-time rule in code, no time-zone database), the one
//! "today" every part uses, the one parser for the dates people type or
//! spreadsheets write, and the fixed forms the app writes and reads back
//! (`2026-12-03`, `10:00`, the calendar's `20261203T100000`). Those are
//! written and read here rather than with chrono's `format` and
//! `parse_from_str`, whose pattern interpreter is about 20 KB of wasm.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use serde::{Deserialize, Deserializer};

use crate::record::meta::Millis;

/// Danish weekday names, Monday first (one list for every part).
pub const WEEKDAYS: [&str; 7] = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
/// Danish month names.
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// One hour in milliseconds.
pub const HOUR_MS: i64 = 3_600_000;

/// The last Sunday of a month.
pub fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) }
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

/// A two-digit year as spreadsheets read it: 00–29 is 2000–2029, 30–99 is
/// 1930–1999 (the rule Excel and LibreOffice share).
fn full_year(y: i32, digits: usize) -> Option<i32> {
    match digits {
        4 => Some(y),
        2 if y < 30 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

/// True for a non-empty run of ASCII digits (a date, time or price part).
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// The one date parser: dates as people and spreadsheet programs write them,
/// day before month: `2026-11-25`, `25-11-2026`, `25.11.2026`, `25/11/2026`,
/// `5-1-26` (two-digit years 00–29 are 2000–2029, 30–99 are 1930–1999, as in
/// Excel and LibreOffice). A date, day before month. A time after the date (`05-01-2026 00:00:00`,
/// as some programs write date cells) is ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    let s = s.split_once([' ', 'T']).map(|(d, _)| d).unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    if parts[0].len() == 4 {
        // ISO: yyyy-mm-dd (only with dashes).
        if !s.contains('-') || parts[1].len() > 2 || parts[2].len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = full_year(parts[2].parse().ok()?, parts[2].len())?;
    NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[0].parse().ok()?)
}

/// A time of day as (hour, minute). Seconds must be zero. A single digit
/// after the separator is tens of minutes (`13.3` is what a spreadsheet in
/// English settings makes of the number `13.30`).
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let s = text.trim().to_lowercase();
    let s = s.strip_prefix("kl.").unwrap_or(&s).trim();
    let (s, pm) = if let Some(r) = s.strip_suffix("pm") {
        (r.trim(), Some(true))
    } else if let Some(r) = s.strip_suffix("am") {
        (r.trim(), Some(false))
    } else {
        (s, None)
    };
    let parts: Vec<&str> = s.split([':', '.']).collect();
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| all_digits(p)) || parts[0].len() > 2 {
        return None;
    }
    let mut h: u32 = parts[0].parse().ok()?;
    let m: u32 = match parts.get(1) {
        None => 0,
        Some(m) if m.len() == 1 => m.parse::<u32>().ok()? * 10,
        Some(m) if m.len() == 2 => m.parse().ok()?,
        _ => return None,
    };
    if let Some(sec) = parts.get(2) {
        if sec.len() != 2 || sec.parse::<u32>().ok()? != 0 {
            return None;
        }
    }
    match pm {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(true) if h != 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    (h < 24 && m < 60).then_some((h, m))
}

/// `2026-12-03`: a date as the export file, the records and the date
/// fields write it (chrono's `Display`, which writes it without its pattern
/// interpreter).
pub fn iso(d: NaiveDate) -> String {
    d.to_string()
}

/// Reads a date written as [`iso`] writes it. Like chrono's reader, the month
/// and day may have one digit, a year of more than four digits a `+`, and
/// space may stand around the parts.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    let (signed, s) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut parts = s.splitn(3, '-').map(str::trim);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let year_ok = all_digits(y) && (y.len() <= 4 || signed) && y.len() <= 6;
    if !year_ok || !all_digits(m) || m.len() > 2 || !all_digits(d) || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `10:05`: a time of day as the records write it.
pub fn hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Reads `10:05` or `10:05:30` (one or two digits each).
pub fn parse_hm(text: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| all_digits(p) && p.len() <= 2) {
        return None;
    }
    let sec = parts.get(2).map_or(Some(0), |s| s.parse().ok())?;
    NaiveTime::from_hms_opt(parts[0].parse().ok()?, parts[1].parse().ok()?, sec)
}

/// `20261203`: a date in iCalendar's basic form.
pub fn compact_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `20261203T100500`: a date and time in iCalendar's basic form.
pub fn compact_date_time(t: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}{:02}", compact_date(t.date()), t.hour(), t.minute(), t.second())
}

/// Serde reader of an optional [`iso`] date (`null` is none), for fields
/// marked `#[serde(default, deserialize_with = "…")]`.
pub fn de_opt_iso<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_iso(&text).map(Some).ok_or_else(|| not_a_date(&text)),
    }
}

/// Serde reader of a list of [`iso`] dates.
pub fn de_iso_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
    Vec::<String>::deserialize(d)?.iter().map(|t| parse_iso(t).ok_or_else(|| not_a_date(t))).collect()
}

fn not_a_date<E: serde::de::Error>(text: &str) -> E {
    let shown: String = text.chars().take(40).collect();
    E::custom(format!("ugyldig dato «{shown}» (skrives ÅÅÅÅ-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn the_fixed_forms_read_back_what_they_write_and_what_chrono_read() {
        let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s);
        for (text, want) in [
            ("2026-12-03", d(2026, 12, 3)),
            ("2026-1-5", d(2026, 1, 5)),
            (" 2026 - 01 - 05 ", d(2026, 1, 5)),
            ("0999-01-01", d(999, 1, 1)),
            ("+10000-01-01", d(10000, 1, 1)),
            ("10000-01-01", None),
            ("2026-02-30", None),
            ("2026-12-03T10:00", None),
            ("03-12-2026", None),
            ("2026/12/03", None),
            ("", None),
            ("-", None),
            ("2026-001-01", None),
        ] {
            assert_eq!(parse_iso(text), want, "{text}");
            let chrono = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            if chrono.is_some() {
                assert_eq!(parse_iso(text), chrono, "{text}: chrono read it so");
            }
        }
        for (text, want) in [
            ("10:05", t(10, 5, 0)),
            ("9:5", t(9, 5, 0)),
            ("10:05:30", t(10, 5, 30)),
            ("24:00", None),
            ("10", None),
            ("10:05:30:1", None),
            ("1o:00", None),
        ] {
            assert_eq!(parse_hm(text), want, "{text}");
        }
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
        assert_eq!(hm(t(9, 5, 0).unwrap()), "09:05");
        assert_eq!(compact_date(day), "20260309");
        assert_eq!(compact_date_time(day.and_hms_opt(7, 0, 5).unwrap()), "20260309T070005");
    }

    proptest::proptest! {
        #[test]
        fn every_date_reads_back_as_itself(days in -200_000i32..4_000_000) {
            let day = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            proptest::prop_assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
            proptest::prop_assert_eq!(parse_iso(&iso(day)), (day.year() >= 0).then_some(day));
        }

        #[test]
        fn every_time_reads_back_as_itself(h in 0u32..24, m in 0u32..60) {
            let t = NaiveTime::from_hms_opt(h, m, 0).unwrap();
            proptest::prop_assert_eq!(hm(t), t.format("%H:%M").to_string());
            proptest::prop_assert_eq!(parse_hm(&hm(t)), Some(t));
        }
    }

    #[test]
    fn dates_in_every_spreadsheet_form() {
        for (text, want) in [
            ("05-01-26", d(2026, 1, 5)),
            ("05-01-2026", d(2026, 1, 5)),
            ("5.1.2026", d(2026, 1, 5)),
            ("2026-01-05", d(2026, 1, 5)),
            ("5/1/2026", d(2026, 1, 5)),
            ("05/01/26", d(2026, 1, 5)),
            (" 25-11-2026 ", d(2026, 11, 25)),
            ("05-01-2026 00:00:00", d(2026, 1, 5)),
            ("2026-01-05T00:00:00", d(2026, 1, 5)),
            ("31-12-99", d(1999, 12, 31)),
            ("01-01-29", d(2029, 1, 1)),
        ] {
            assert_eq!(parse_date(text), want, "{text}");
        }
        for bad in
            ["", "i går", "32-01-2026", "29-02-2025", "05-01-206", "2026.01.05", "1-2", "05-01-2026-1", "123-01-2026"]
        {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_in_every_spreadsheet_form() {
        for (text, want) in [
            ("10.00", (10, 0)),
            ("10:00", (10, 0)),
            ("10:00:00", (10, 0)),
            ("9.30", (9, 30)),
            ("13.3", (13, 30)),
            ("10", (10, 0)),
            ("kl. 10.00", (10, 0)),
            ("10:00 AM", (10, 0)),
            ("01:30:00 PM", (13, 30)),
            ("12:00 AM", (0, 0)),
            ("12:15 PM", (12, 15)),
        ] {
            assert_eq!(parse_time(text), Some(want), "{text}");
        }
        for bad in ["", "24.00", "10.60", "10:00:30", "13:00 PM", "ti", "10.000", "100"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_date_reads_back_in_every_form(y in 1930i32..2029, m in 1u32..=12, day in 1u32..=28) {
            let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            let yy = y % 100;
            for text in [
                format!("{day:02}-{m:02}-{y}"),
                format!("{day}.{m}.{y}"),
                format!("{y}-{m:02}-{day:02}"),
                format!("{day}/{m}/{y}"),
                format!("{day:02}-{m:02}-{yy:02}"),
            ] {
                proptest::prop_assert_eq!(parse_date(&text), Some(date), "{}", text);
            }
        }

        #[test]
        fn every_time_reads_back_in_every_form(h in 0u32..24, m in 0u32..60) {
            for text in [format!("{h:02}.{m:02}"), format!("{h}:{m:02}"), format!("{h:02}:{m:02}:00")] {
                proptest::prop_assert_eq!(parse_time(&text), Some((h, m)), "{}", text);
            }
        }

        #[test]
        fn no_text_panics(s in "\\PC{0,24}") {
            let _ = (parse_date(&s), parse_time(&s));
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
