//! The one iCalendar (RFC 5545) writer, shared by the dream board and the
//! activity directory: text escaped, lines folded at 75 octets (never inside
//! a UTF-8 character), CRLF line ends, UIDs `<record id>@tidoglyst`, timed
//! events in Europe/Copenhagen with its VTIMEZONE, all-day events as dates,
//! optional RRULE, categories, link and display alarm. Pure: the caller passes
//! the "now" stamp.

use chrono::{NaiveDate, NaiveDateTime};

use crate::text::dates;

/// The time zone every timed event is written in.
pub const TZID: &str = "Europe/Copenhagen";

/// The time zone block for [`TZID`]: the EU summer-time rule since 1996.
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

/// When an event takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A whole day (`DTSTART;VALUE=DATE`).
    AllDay(NaiveDate),
    /// Danish local time (written with `TZID=Europe/Copenhagen`).
    Timed {
        /// Start, Danish local time.
        start: NaiveDateTime,
        /// End, Danish local time.
        end: NaiveDateTime,
    },
}

/// A display alarm before the event.
#[derive(Clone, Debug, PartialEq)]
pub struct Alarm {
    /// How many days before the start (`TRIGGER:-P{n}D`).
    pub days_before: u32,
    /// The alarm's text.
    pub text: String,
}

/// One calendar event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Globally unique id; see [`uid`].
    pub uid: String,
    /// Title.
    pub summary: String,
    /// Longer text ("" for none).
    pub description: String,
    /// Where ("" for none).
    pub location: String,
    /// When.
    pub when: When,
    /// A recurrence rule without the `RRULE:` name, e.g. `FREQ=WEEKLY;BYDAY=TU`.
    pub rrule: Option<String>,
    /// A category name.
    pub category: Option<String>,
    /// A web link (the caller checks it is safe).
    pub url: Option<String>,
    /// An alarm.
    pub alarm: Option<Alarm>,
}

/// The UID of a record's event: `<id>@tidoglyst`, or `<id>-<key>@tidoglyst`
/// when one record gives several events.
pub fn uid(record_id: &str, key: Option<&str>) -> String {
    match key {
        Some(k) => format!("{record_id}-{k}@tidoglyst"),
        None => format!("{record_id}@tidoglyst"),
    }
}

/// Escapes TEXT values: backslash, semicolon, comma and line breaks (CRLF,
/// CR and LF all become `\n`); other control characters are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line at 75 octets (never inside a UTF-8 character);
/// continuation lines start with a space. Ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut len = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(ch);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// Formats a millisecond UTC time as an iCalendar UTC stamp.
pub fn stamp(ms: i64) -> String {
    format!(
        "{}Z",
        dates::compact_date_time(chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().naive_utc())
    )
}

/// The whole `.ics` file for these events, stamped `now` (ms, UTC). The
/// time zone block is included when an event has a time.
pub fn calendar(events: &[Event], now: i64) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Tid og Lyst//DA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    if events.iter().any(|e| matches!(e.when, When::Timed { .. })) {
        lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    }
    for ev in events {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape(&ev.uid)));
        lines.push(format!("DTSTAMP:{}", stamp(now)));
        match ev.when {
            When::AllDay(d) => {
                lines.push(format!("DTSTART;VALUE=DATE:{}", dates::compact_date(d)));
                let next = d.succ_opt().unwrap_or(d);
                lines.push(format!("DTEND;VALUE=DATE:{}", dates::compact_date(next)));
            }
            When::Timed { start, end } => {
                lines.push(format!("DTSTART;TZID={TZID}:{}", dates::compact_date_time(start)));
                lines.push(format!("DTEND;TZID={TZID}:{}", dates::compact_date_time(end)));
            }
        }
        if let Some(r) = &ev.rrule {
            lines.push(format!("RRULE:{r}"));
        }
        lines.push(format!("SUMMARY:{}", escape(ev.summary.trim())));
        if !ev.location.trim().is_empty() {
            lines.push(format!("LOCATION:{}", escape(ev.location.trim())));
        }
        if !ev.description.trim().is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(ev.description.trim())));
        }
        if let Some(c) = &ev.category {
            lines.push(format!("CATEGORIES:{}", escape(c)));
        }
        if let Some(u) = &ev.url {
            lines.push(format!("URL:{}", u.trim()));
        }
        if let Some(a) = &ev.alarm {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!("DESCRIPTION:{}", escape(&a.text)));
            lines.push(format!("TRIGGER:-P{}D", a.days_before));
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        assert_eq!(escape("x\r\ny\u{7}"), "x\\ny");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "æ".repeat(60));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn the_time_zone_block_comes_with_timed_events_only() {
        let ev = |when| Event {
            uid: uid("abc", None),
            summary: "Kaffe".into(),
            description: String::new(),
            location: String::new(),
            when,
            rrule: Some("FREQ=WEEKLY;BYDAY=TU".into()),
            category: None,
            url: None,
            alarm: None,
        };
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let timed = calendar(
            &[ev(When::Timed { start: day.and_hms_opt(10, 0, 0).unwrap(), end: day.and_hms_opt(12, 0, 0).unwrap() })],
            0,
        );
        assert!(timed.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
        assert!(timed.contains("DTSTART;TZID=Europe/Copenhagen:20261201T100000\r\n"));
        assert!(timed.contains("RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"));
        assert!(timed.contains("UID:abc@tidoglyst\r\n"));
        let all_day = calendar(&[ev(When::AllDay(day))], 0);
        assert!(!all_day.contains("VTIMEZONE"));
        assert!(all_day.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"));
        assert_eq!(uid("abc", Some("20261201T1000")), "abc-20261201T1000@tidoglyst");
    }
}
