//! Turning a dream into text for today's habits: a post for the Facebook
//! group, an SMS, a mail; and a taken dream with a date into a calendar
//! event with an alarm the day before. Pure.

use chrono::{Datelike, Duration, NaiveDate};

use crate::dreams::da as t;
use crate::dreams::dream::{Dream, PlannedFor};
use crate::dreams::form::format_hours;
use crate::ics;
use crate::record::meta::Millis;
use crate::text::dates;
use crate::text::join_present;

/// Where the post goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// A post in the Drømmeløber Facebook group.
    Facebook,
    /// A short text message.
    Sms,
    /// A mail (subject + body).
    Mail,
}

/// A date in Danish: `3. december 2026`.
pub fn danish_date(d: NaiveDate) -> String {
    format!("{}. {} {}", d.day(), t::MONTHS[d.month0() as usize], d.year())
}

/// A date in Danish with weekday: `torsdag 3. december 2026`.
pub fn danish_day(d: NaiveDate) -> String {
    format!("{} {}", t::WEEKDAYS[d.weekday().num_days_from_monday() as usize], danish_date(d))
}

/// The time window as words: "Snarest", "Fra …", "Til …", "… – …".
pub fn window_text(d: &Dream) -> String {
    match (d.window_from, d.window_to) {
        (None, None) => t::SOONEST.to_string(),
        (Some(a), None) => t::window_from(&danish_date(a)),
        (None, Some(b)) => t::window_to(&danish_date(b)),
        (Some(a), Some(b)) if a == b => danish_date(a),
        (Some(a), Some(b)) => format!("{} – {}", danish_date(a), danish_date(b)),
    }
}

/// The post text for one channel. The dreamer's first name only, never the
/// private note; the coordinator's contact so runners can answer.
pub fn post(d: &Dream, channel: Channel) -> String {
    let who = match d.dreamer_age {
        Some(a) if !d.dreamer.is_empty() => format!("{} ({a} år)", d.dreamer),
        _ => d.dreamer.clone(),
    };
    let place = join_present([d.place.trim(), d.municipality.trim()], ", ");
    let missing = d.runners_missing().max(if d.claim_count() == 0 { d.runners_needed as usize } else { 0 });
    let contact = format!("{}, {}", d.coordinator.name, d.coordinator.contact);
    match channel {
        Channel::Sms => {
            let mut s = format!("{}: {}. {} {}. ", t::POST_HEAD, d.title, t::POST_WHEN, window_text(d));
            if let Some(r) = d.reply_by {
                s.push_str(&format!("{} {}. ", t::F_REPLY_BY, danish_date(r)));
            }
            s.push_str(&format!("{} {contact}", t::POST_CONTACT));
            s
        }
        Channel::Facebook | Channel::Mail => {
            let mut lines = vec![format!("{}: {}", t::POST_HEAD, d.title), String::new()];
            if !d.story.trim().is_empty() {
                lines.push(d.story.trim().to_string());
                lines.push(String::new());
            }
            if !who.is_empty() {
                lines.push(format!("{} {who}", t::POST_WHO));
            }
            if !place.is_empty() {
                lines.push(format!("{} {place}", t::POST_WHERE));
            }
            lines.push(format!("{} {}", t::POST_WHEN, window_text(d)));
            lines.push(format!("{} {}", t::POST_HOURS, t::hours(&format_hours(d.duration_hours))));
            lines.push(format!("{} {}", t::POST_CATEGORY, d.category.label()));
            if missing > 0 {
                lines.push(t::post_missing(missing));
            }
            if !d.needs.is_empty() {
                lines.push(format!("{} {}", t::POST_NEEDS, d.needs.join(", ")));
            }
            if !d.skills.is_empty() {
                lines.push(format!("{}: {}", t::F_SKILLS, t::skills(&d.skills)));
            }
            if let Some(r) = d.reply_by {
                lines.push(format!("{}: {}", t::F_REPLY_BY, danish_date(r)));
            }
            lines.push(String::new());
            lines.push(format!("{} {contact}", t::POST_CONTACT));
            if channel == Channel::Facebook {
                lines.push(String::new());
                lines.push(t::POST_TAGS.into());
            }
            lines.join("\n")
        }
    }
}

/// The mail subject.
pub fn mail_subject(d: &Dream) -> String {
    format!("{}: {}", t::POST_HEAD, d.title)
}

/// The calendar file for a dream with a planned date, with an alarm the day
/// before; `None` without a date.
pub fn calendar(d: &Dream, now: Millis) -> Option<String> {
    let p = d.planned_for()?;
    let when = match p.time {
        Some(tm) => {
            let start = p.date.and_time(tm);
            let minutes = (d.duration_hours * 60.0).round() as i64;
            ics::When::Timed { start, end: start + Duration::minutes(minutes.max(15)) }
        }
        None => ics::When::AllDay(p.date),
    };
    let mut description = vec![d.story.trim().to_string()];
    description.push(format!("{} {}, {}", t::POST_CONTACT, d.coordinator.name, d.coordinator.contact));
    if !d.needs.is_empty() {
        description.push(format!("{} {}", t::POST_NEEDS, d.needs.join(", ")));
    }
    let location = join_present([d.place.trim(), d.municipality.trim()], ", ");
    let event = ics::Event {
        uid: ics::uid(&d.meta.id.to_string(), None),
        summary: format!("{}: {}", t::CAL_PREFIX, d.title),
        description: join_present(description.iter().map(String::as_str), "\n"),
        location,
        when,
        rrule: None,
        category: Some(d.category.label().to_string()),
        url: None,
        alarm: Some(ics::Alarm { days_before: 1, text: t::cal_alarm(&d.title) }),
    };
    Some(ics::calendar(&[event], now))
}

/// A planned date in words: `lørdag 12. december 2026 kl. 10.00`.
pub fn planned_text(p: PlannedFor) -> String {
    match p.time {
        Some(tm) => format!("{} kl. {}", danish_day(p.date), dates::hm(tm).replace(':', ".")),
        None => danish_day(p.date),
    }
}
