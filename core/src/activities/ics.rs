//! An activity as calendar events for "Føj til kalender": weekly and
//! monthly activities as one event with an RRULE (months without meetings
//! left out with BYMONTH), dated ones as one event per coming date. The file
//! itself is written by the one iCalendar writer, [`crate::ics`].

use chrono::{Datelike, NaiveDate, Weekday};

use crate::activities::activity::Activity;
use crate::activities::schedule::{Hm, Schedule};
use crate::ics::{self, Event, When};
use crate::record::meta::Millis;
use crate::text::dates::to_local;
use crate::text::join_present;

fn ical_day(d: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize]
}

fn local_stamp(d: NaiveDate, t: Hm) -> String {
    format!("{:04}{:02}{:02}T{:02}{:02}00", d.year(), d.month(), d.day(), t.hour(), t.minute())
}

fn at(d: NaiveDate, t: Hm) -> chrono::NaiveDateTime {
    d.and_time(chrono::NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or_default())
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
    let id = a.meta.id.to_string();
    let mut when: Vec<(String, NaiveDate, Hm, Hm, Option<String>)> = Vec::new();
    match &a.schedule {
        Schedule::ByAgreement => return None,
        Schedule::Weekly { days, pause_months, .. } => {
            let o = next?;
            let byday: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
            let rule = format!("FREQ=WEEKLY;BYDAY={}{}", byday.join(","), by_month(pause_months));
            when.push((ics::uid(&id, None), o.date, o.start, o.end, Some(rule)));
        }
        Schedule::Monthly { nth, day, pause_months, .. } => {
            let o = next?;
            let rule = format!("FREQ=MONTHLY;BYDAY={}{}{}", nth, ical_day(*day), by_month(pause_months));
            when.push((ics::uid(&id, None), o.date, o.start, o.end, Some(rule)));
        }
        Schedule::Dates { dates, start, end } => {
            let today = to_local(now).date();
            for d in dates.iter().filter(|d| **d >= today) {
                when.push((ics::uid(&id, Some(&local_stamp(*d, *start))), *d, *start, *end, None));
            }
            if when.is_empty() {
                return None;
            }
        }
    }
    let location = join_present([a.address.trim(), a.town.trim(), a.municipality.trim()], ", ");
    let mut desc = String::new();
    if !a.organizer.trim().is_empty() {
        desc.push_str(a.organizer.trim());
        desc.push('\n');
    }
    desc.push_str(a.description.trim());
    let contact = join_present([&a.contact.name, &a.contact.phone, &a.contact.email].map(|s| s.trim()), ", ");
    if !contact.is_empty() {
        desc.push_str("\nKontakt: ");
        desc.push_str(&contact);
    }
    let url = crate::activities::activity::is_web_link(&a.contact.web).then(|| a.contact.web.trim().to_string());
    let events: Vec<Event> = when
        .into_iter()
        .map(|(uid, date, start, end, rrule)| Event {
            uid,
            summary: a.title.clone(),
            description: desc.clone(),
            location: location.clone(),
            when: When::Timed { start: at(date, start), end: at(date, end) },
            rrule,
            category: Some(a.category.label().to_string()),
            url: url.clone(),
            alarm: None,
        })
        .collect();
    Some(ics::calendar(&events, now))
}

/// A file name for the calendar file: "demenscafe-i-assens.ics".
pub fn file_name(a: &Activity) -> String {
    let slug: String =
        crate::text::search::fold(&a.title).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let slug = slug.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    let slug: String = slug.chars().take(50).collect();
    format!("{}.ics", if slug.is_empty() { "aktivitet".into() } else { slug })
}
