//! The .ics files of "Føj til kalender" read back by an independent parser:
//! Python's `icalendar` with `recurring-ical-events` (install with
//! `pip install icalendar recurring-ical-events`). Checks the RRULE expands
//! to the right local times on both sides of the summer-time switches, and
//! that escaped text comes back unchanged.
//!
//! These tests need Python with those two packages, which `./x test` installs
//! and then runs them with `--include-ignored`; a bare `cargo test` lists
//! them as ignored instead of failing on a machine without Python.

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use serde_json::Value;
use tid_og_lyst_core::activities::activity::{Activity, Draft};
use tid_og_lyst_core::activities::ics::to_ics;
use tid_og_lyst_core::activities::schedule::{Hm, Schedule};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

fn activity(title: &str, schedule: Schedule) -> Activity {
    let d = Draft {
        title: title.into(),
        municipality: "Assens".into(),
        description: "Kaffe, kage; og \\ \"hygge\"\nAnden linje med æøå og en meget lang tekst, der skal foldes over flere linjer i filen.".into(),
        address: "Bytorvet 1, 1. sal".into(),
        town: "Glamsbjerg".into(),
        days: [true, false, false, false, false, false, false],
        ..Draft::default()
    };
    let mut a = d
        .build(Meta::new(RecordId::from_seed(1), &mut Clock::new(DeviceId("t".into())), 1), Default::default())
        .unwrap();
    a.schedule = schedule;
    a
}

fn parse(ics: &str, from: &str, to: &str) -> Value {
    let mut child = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../tools/ics_occurrences.py"))
        .args([from, to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed");
    child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the independent parser refused the file (is `pip install icalendar recurring-ical-events` done?):\n{}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn hm(h: u32, m: u32) -> Hm {
    Hm::new(h, m).unwrap()
}

#[test]
#[ignore = "needs python3 with icalendar: run by ./x test"]
fn weekly_rrule_keeps_local_time_across_the_spring_switch() {
    let a = activity(
        "Demenscafé",
        Schedule::Weekly {
            days: vec![Weekday::Tue, Weekday::Sun],
            start: hm(10, 0),
            end: hm(12, 0),
            pause_months: vec![],
        },
    );
    let now = Utc.with_ymd_and_hms(2026, 3, 20, 12, 0, 0).unwrap().timestamp_millis();
    let ics = to_ics(&a, now).unwrap();
    let v = parse(&ics, "2026-03-20", "2026-04-02");
    let occ: Vec<(String, String)> = v["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o[1].as_str().unwrap().to_string(), o[3].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        occ,
        vec![
            ("2026-03-22T09:00".into(), "2026-03-22T10:00".into()),
            ("2026-03-24T09:00".into(), "2026-03-24T10:00".into()),
            // Summer time from Sunday 29 March: same local time, one hour earlier in UTC.
            ("2026-03-29T08:00".into(), "2026-03-29T10:00".into()),
            ("2026-03-31T08:00".into(), "2026-03-31T10:00".into()),
        ]
    );
    assert_eq!(v["events"][0]["summary"], "Demenscafé");
    assert_eq!(v["events"][0]["description"].as_str().unwrap(), a.description);
}

#[test]
#[ignore = "needs python3 with icalendar: run by ./x test"]
fn monthly_last_thursday_with_a_summer_break_across_the_autumn_switch() {
    let a = activity(
        "Pårørendegruppe",
        Schedule::Monthly { nth: -1, day: Weekday::Thu, start: hm(19, 0), end: hm(21, 0), pause_months: vec![7] },
    );
    let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap().timestamp_millis();
    let v = parse(&to_ics(&a, now).unwrap(), "2026-06-01", "2026-12-01");
    let starts: Vec<&str> = v["occurrences"].as_array().unwrap().iter().map(|o| o[1].as_str().unwrap()).collect();
    assert_eq!(
        starts,
        [
            "2026-06-25T17:00",
            // no July
            "2026-08-27T17:00",
            "2026-09-24T17:00",
            "2026-10-29T18:00", // after the autumn switch: 19.00 CET
            "2026-11-26T18:00",
        ]
    );
    assert!(v["events"][0]["rrule"].as_str().unwrap().contains("BYDAY=-1TH"));
}

#[test]
#[ignore = "needs python3 with icalendar: run by ./x test"]
fn dated_activities_become_one_event_per_coming_date() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let a = activity(
        "Foredrag",
        Schedule::Dates { dates: vec![d(1, 10), d(11, 25), d(12, 2)], start: hm(14, 0), end: hm(16, 0) },
    );
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap().timestamp_millis();
    let v = parse(&to_ics(&a, now).unwrap(), "2026-01-01", "2027-01-01");
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    let locals: Vec<&str> = v["occurrences"].as_array().unwrap().iter().map(|o| o[3].as_str().unwrap()).collect();
    assert_eq!(locals, ["2026-11-25T14:00", "2026-12-02T14:00"]);
    assert_eq!(v["events"][0]["location"], "Bytorvet 1, 1. sal, Glamsbjerg, Assens");
}

#[test]
#[ignore = "needs python3 with icalendar: run by ./x test"]
fn by_agreement_has_no_calendar_file() {
    assert!(to_ics(&activity("Besøgsven", Schedule::ByAgreement), 0).is_none());
}
