//! A small iCalendar (RFC 5545) writer shared by the parts: one VEVENT per
//! file, text escaped, lines folded at 75 octets, CRLF line ends, and an
//! optional display alarm. Pure: the caller passes the "now" stamp.

use chrono::{NaiveDate, NaiveDateTime};

/// When an event takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A whole day (`DTSTART;VALUE=DATE`).
    AllDay(NaiveDate),
    /// Local (floating) time with an end.
    Timed {
        /// Start, local Danish time.
        start: NaiveDateTime,
        /// End, local Danish time.
        end: NaiveDateTime,
    },
}

/// One calendar event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Globally unique id (e.g. `<record id>@tidoglyst`).
    pub uid: String,
    /// Creation stamp, `YYYYMMDDTHHMMSSZ`.
    pub dtstamp: String,
    /// Title.
    pub summary: String,
    /// Longer text.
    pub description: String,
    /// Where.
    pub location: String,
    /// When.
    pub when: When,
    /// An alarm this many days before the start (`TRIGGER:-P{n}D`).
    pub alarm_days_before: Option<u32>,
    /// The alarm's text.
    pub alarm_text: String,
}

/// Escapes TEXT values: backslash, semicolon, comma and line breaks.
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
    let mut out = String::new();
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
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The whole `.ics` file for one event.
pub fn calendar(ev: &Event) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Tid og Lyst//DA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", escape(&ev.uid)),
        format!("DTSTAMP:{}", ev.dtstamp),
    ];
    match ev.when {
        When::AllDay(d) => {
            lines.push(format!("DTSTART;VALUE=DATE:{}", d.format("%Y%m%d")));
            let next = d.succ_opt().unwrap_or(d);
            lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        }
        When::Timed { start, end } => {
            lines.push(format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
            lines.push(format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
        }
    }
    lines.push(format!("SUMMARY:{}", escape(&ev.summary)));
    if !ev.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape(&ev.description)));
    }
    if !ev.location.is_empty() {
        lines.push(format!("LOCATION:{}", escape(&ev.location)));
    }
    if let Some(days) = ev.alarm_days_before {
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", escape(&ev.alarm_text)));
        lines.push(format!("TRIGGER:-P{days}D"));
        lines.push("END:VALARM".into());
    }
    lines.push("END:VEVENT".into());
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
}
