//! Posts for Facebook, SMS and mail; the calendar file with an alarm the
//! day before (CRLF, folded, escaped), checked line by line.

use chrono::{NaiveDate, NaiveTime};
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::dreams::share::*;
use tid_og_lyst_core::record::meta::{DeviceId, RecordId, Rev};

fn act(at: i64) -> Act {
    Act { rev: Rev { at, n: 0, by: DeviceId("k".into()) }, who: "K".into() }
}

fn dream() -> Dream {
    let mut d = Dream::new(&act(1), RecordId(uuid::Uuid::from_u128(7)));
    d.title = "Koncert; jazz, i Tivoli".into();
    d.story =
        "Inger elsker jazz.\nHun har ikke været i Tivoli i 30 år, og hun glæder sig til at høre musikken igen.".into();
    d.dreamer = "Inger".into();
    d.dreamer_age = Some(88);
    d.municipality = "København".into();
    d.place = "Tivoli".into();
    d.window_from = Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    d.window_to = Some(NaiveDate::from_ymd_opt(2026, 12, 20).unwrap());
    d.duration_hours = 3.0;
    d.runners_needed = 2;
    d.category = Category::Musik;
    d.needs = vec!["kørestol".into()];
    d.coordinator = Coordinator { name: "Lone".into(), contact: "22 33 44 55".into() };
    d.reply_by = Some(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    d.set_private_note(act(2).rev, "Bor på Vesterbrogade 3".into());
    d
}

#[test]
fn posts_carry_the_facts_and_never_the_private_note() {
    let d = dream();
    let fb = post(&d, Channel::Facebook);
    for needle in [
        "Koncert; jazz, i Tivoli",
        "Inger (88 år)",
        "Tivoli, København",
        "1. december 2026 – 20. december 2026",
        "3 timer",
        "Vi mangler 2 drømmeløbere.",
        "kørestol",
        "Svar senest: 30. november 2026",
        "Lone, 22 33 44 55",
        "#drømmeløber",
    ] {
        assert!(fb.contains(needle), "missing {needle:?} in\n{fb}");
    }
    let sms = post(&d, Channel::Sms);
    assert!(sms.len() < 300, "an SMS stays short: {}", sms.len());
    assert!(sms.contains("Lone, 22 33 44 55"));
    let mail = post(&d, Channel::Mail);
    assert!(!mail.contains('#'));
    for text in [fb, sms, mail] {
        assert!(!text.contains("Vesterbrogade"));
    }
    assert_eq!(mail_subject(&d), "Drøm søger drømmeløber: Koncert; jazz, i Tivoli");
}

#[test]
fn no_calendar_file_without_a_date() {
    assert_eq!(calendar(&dream(), 0), None);
}

fn planned(time: Option<NaiveTime>) -> Dream {
    let mut d = dream();
    for (i, n) in ["Anna", "Bent"].iter().enumerate() {
        if let Stage::Open(s) = d.stage() {
            s.claim(
                &act(3),
                RecordId(uuid::Uuid::from_u128(50 + i as u128)),
                Runner { name: (*n).into(), contact: String::new() },
            );
        }
    }
    if let Stage::Taken(s) = d.stage() {
        s.plan(&act(4), PlannedFor { date: NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), time });
    }
    assert_eq!(d.status(), Status::Planned);
    d
}

#[test]
fn calendar_file_with_time_alarm_crlf_folding_and_escaping() {
    let d = planned(Some(NaiveTime::from_hms_opt(18, 30, 0).unwrap()));
    let ics = calendar(&d, 1_795_374_000_000).unwrap();
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "every line ends with CRLF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    for expected in [
        "BEGIN:VEVENT",
        "UID:00000000-0000-0000-0000-000000000007@tidoglyst",
        "DTSTAMP:20261122T190000Z",
        "DTSTART;TZID=Europe/Copenhagen:20261203T183000",
        "DTEND;TZID=Europe/Copenhagen:20261203T213000",
        "TZID:Europe/Copenhagen",
        "SUMMARY:Drømmeløber: Koncert\\; jazz\\, i Tivoli",
        "LOCATION:Tivoli\\, København",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P1D",
        "END:VALARM",
    ] {
        assert!(lines.contains(&expected), "missing {expected:?} in\n{unfolded}");
    }
    let desc = lines.iter().find(|l| l.starts_with("DESCRIPTION:Inger")).unwrap();
    assert!(desc.contains("jazz.\\nHun"), "{desc}");
    assert!(!ics.contains("Vesterbrogade"));
}

#[test]
fn calendar_file_for_a_whole_day() {
    let ics = calendar(&planned(None), 0).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20261203\r\n"));
    assert!(ics.contains("DTEND;VALUE=DATE:20261204\r\n"));
    assert!(ics.contains("TRIGGER:-P1D\r\n"));
}

/// Reads a calendar file with Python's `icalendar` (an independent parser;
/// `./x test` installs it) and returns what it understood.
fn independent(ics: &str) -> serde_json::Value {
    use std::io::Write;
    use std::process::{Command, Stdio};
    const SCRIPT: &str = r#"
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
ev = next(iter(cal.walk("VEVENT")))
al = next(iter(ev.walk("VALARM")))
print(json.dumps({
    "summary": str(ev["SUMMARY"]), "description": str(ev["DESCRIPTION"]), "location": str(ev["LOCATION"]),
    "start": ev["DTSTART"].dt.isoformat(), "end": ev["DTEND"].dt.isoformat(),
    "trigger_seconds": al["TRIGGER"].dt.total_seconds(), "action": str(al["ACTION"]),
}, ensure_ascii=False))
"#;
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed");
    child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "icalendar refused the file:\n{}\n{ics}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
#[ignore = "needs python3 with icalendar: run by ./x test"]
fn an_independent_parser_reads_the_same_event_and_alarm() {
    let d = planned(Some(NaiveTime::from_hms_opt(18, 30, 0).unwrap()));
    let v = independent(&calendar(&d, 0).unwrap());
    assert_eq!(v["summary"], "Drømmeløber: Koncert; jazz, i Tivoli");
    assert_eq!(v["location"], "Tivoli, København");
    assert!(v["description"].as_str().unwrap().starts_with("Inger elsker jazz.\nHun har ikke været i Tivoli"));
    // Danish local time, written with the Europe/Copenhagen zone (winter: +01:00).
    assert_eq!(v["start"], "2026-12-03T18:30:00+01:00");
    assert_eq!(v["end"], "2026-12-03T21:30:00+01:00");
    assert_eq!(v["trigger_seconds"], -86400.0);
    assert_eq!(v["action"], "DISPLAY");
    let v = independent(&calendar(&planned(None), 0).unwrap());
    assert_eq!(v["start"], "2026-12-03");
    assert_eq!(v["end"], "2026-12-04");
}
