//! An activity as an iCalendar file (RFC 5545) for "Føj til kalender":
//! weekly and monthly activities as one event with an RRULE (months without
//! meetings left out with BYMONTH), dated ones as one event per date, in
//! local time with a VTIMEZONE for Europe/Copenhagen. CRLF line ends, lines
//! folded at 75 octets, text escaped.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::activities::activity::{category_name, Activity};
use crate::record::meta::Millis;
use crate::activities::schedule::{to_local, Hm, Schedule};

/// The time zone block: EU summer time rule since 1996.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Copenhagen",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (continuation lines start with a
/// space), never inside a UTF-8 character, and ends it with CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0usize;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

fn ical_day(d: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize]
}

fn local_stamp(d: NaiveDate, t: Hm) -> String {
    format!("{:04}{:02}{:02}T{:02}{:02}00", d.year(), d.month(), d.day(), t.hour(), t.minute())
}

fn utc_stamp(ms: Millis) -> String {
    let d = chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
    d.format("%Y%m%dT%H%M%SZ").to_string()
}

fn by_month(pause: &[u8]) -> String {
    if pause.is_empty() {
        return String::new();
    }
    let months: Vec<String> = (1..=12u8).filter(|m| !pause.contains(m)).map(|m| m.to_string()).collect();
    format!(";BYMONTH={}", months.join(","))
}

/// The iCalendar text for an activity; `None` when it has no fixed time or
/// no coming meeting. `now` is the DTSTAMP and where repeating ones start.
pub fn to_ics(a: &Activity, now: Millis) -> Option<String> {
    let next = a.schedule.next_occurrence(now);
    let mut events: Vec<(String, NaiveDate, Hm, Hm, Option<String>)> = Vec::new();
    let uid = format!("{}@tidoglyst", a.meta.id);
    match &a.schedule {
        Schedule::ByAgreement => return None,
        Schedule::Weekly { days, pause_months, .. } => {
            let o = next?;
            let byday: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
            let rule = format!("FREQ=WEEKLY;BYDAY={}{}", byday.join(","), by_month(pause_months));
            events.push((uid, o.date, o.start, o.end, Some(rule)));
        }
        Schedule::Monthly { nth, day, pause_months, .. } => {
            let o = next?;
            let rule = format!("FREQ=MONTHLY;BYDAY={}{}{}", nth, ical_day(*day), by_month(pause_months));
            events.push((uid, o.date, o.start, o.end, Some(rule)));
        }
        Schedule::Dates { dates, start, end } => {
            let today = to_local(now).date();
            for d in dates.iter().filter(|d| **d >= today) {
                events.push((format!("{}-{}@tidoglyst", a.meta.id, local_stamp(*d, *start)), *d, *start, *end, None));
            }
            if events.is_empty() {
                return None;
            }
        }
    }
    let location = [a.address.trim(), a.town.trim(), a.municipality.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let mut desc = String::new();
    if !a.organizer.trim().is_empty() {
        desc.push_str(a.organizer.trim());
        desc.push('\n');
    }
    desc.push_str(a.description.trim());
    let contact: Vec<&str> = [a.contact.name.as_str(), a.contact.phone.as_str(), a.contact.email.as_str()]
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if !contact.is_empty() {
        desc.push_str("\nKontakt: ");
        desc.push_str(&contact.join(", "));
    }
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Tid og Lyst//Aktiviteter//DA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    for (uid, date, start, end, rule) in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{uid}"));
        lines.push(format!("DTSTAMP:{}", utc_stamp(now)));
        lines.push(format!("DTSTART;TZID=Europe/Copenhagen:{}", local_stamp(date, start)));
        lines.push(format!("DTEND;TZID=Europe/Copenhagen:{}", local_stamp(date, end)));
        if let Some(r) = rule {
            lines.push(format!("RRULE:{r}"));
        }
        lines.push(format!("SUMMARY:{}", escape(a.title.trim())));
        if !location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&location)));
        }
        lines.push(format!("DESCRIPTION:{}", escape(desc.trim())));
        lines.push(format!("CATEGORIES:{}", escape(category_name(&a.category))));
        if crate::activities::activity::is_web_link(&a.contact.web) {
            lines.push(format!("URL:{}", a.contact.web.trim()));
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    Some(lines.iter().map(|l| fold_line(l)).collect())
}

/// A file name for the calendar file: "demenscafe-i-assens.ics".
pub fn file_name(a: &Activity) -> String {
    let slug: String = crate::text::search::fold(&a.title).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let slug = slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    let slug: String = slug.chars().take(50).collect();
    format!("{}.ics", if slug.is_empty() { "aktivitet".into() } else { slug })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_letters() {
        let line = format!("DESCRIPTION:{}", "æøå ".repeat(40));
        let folded = fold_line(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.strip_suffix("\r\n"), Some(line.as_str()));
    }
}
