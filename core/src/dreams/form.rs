//! The coordinator's dream form: raw text in, a checked dream out. Parse,
//! then validate: errors stop the save (with a Danish message per field),
//! warnings (phone number, street address, surname, boundary words) are
//! shown but the coordinator may save anyway. Pure.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::dreams::da as t;
use crate::dreams::dream::{
    Act, Boundary, Category, Coordinator, Dream, PartOfDay, Skill, ERASE_AFTER_DAYS, MAX_HOURS, MAX_RUNNERS,
};
use crate::dreams::privacy::{self, Finding};
use crate::record::meta::{RecordId, Rev};
use crate::text::dates::parse_date;

/// The form as typed: every field as text, the way inputs hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct DreamForm {
    /// Title.
    pub title: String,
    /// Story.
    pub story: String,
    /// Dreamer's first name.
    pub dreamer: String,
    /// Age, optional.
    pub age: String,
    /// Municipality.
    pub municipality: String,
    /// Place.
    pub place: String,
    /// Window start, `YYYY-MM-DD` or `DD-MM-YYYY`, empty = snarest.
    pub from: String,
    /// Window end.
    pub to: String,
    /// Parts of the day.
    pub times: BTreeSet<PartOfDay>,
    /// Hours, comma or point.
    pub hours: String,
    /// Runners needed.
    pub runners: String,
    /// Category slug.
    pub category: String,
    /// Needs, comma separated.
    pub needs: String,
    /// Coordinator name.
    pub coord_name: String,
    /// Coordinator contact.
    pub coord_contact: String,
    /// Svar senest.
    pub reply_by: String,
    /// Confirmed boundaries.
    pub boundaries: BTreeSet<Boundary>,
    /// Private note.
    pub private_note: String,
    /// The coordinator confirms each runner.
    pub confirm_claims: bool,
    /// Car, wheelchair experience, lifting (languages are in `language`).
    pub skills: BTreeSet<Skill>,
    /// A language the runners must speak, or empty.
    pub language: String,
    /// Days after the end before the private details are erased.
    pub erase_days: String,
}

impl Default for DreamForm {
    fn default() -> Self {
        DreamForm {
            title: String::new(),
            story: String::new(),
            dreamer: String::new(),
            age: String::new(),
            municipality: String::new(),
            place: String::new(),
            from: String::new(),
            to: String::new(),
            times: BTreeSet::new(),
            hours: "2".into(),
            runners: "1".into(),
            category: Category::Udflugt.slug().into(),
            needs: String::new(),
            coord_name: String::new(),
            coord_contact: String::new(),
            reply_by: String::new(),
            boundaries: BTreeSet::new(),
            private_note: String::new(),
            confirm_claims: true,
            skills: BTreeSet::new(),
            language: String::new(),
            erase_days: ERASE_AFTER_DAYS.to_string(),
        }
    }
}

/// Which field a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Title.
    Title,
    /// Story.
    Story,
    /// Dreamer.
    Dreamer,
    /// Age.
    Age,
    /// Municipality.
    Municipality,
    /// Place.
    Place,
    /// Window start.
    From,
    /// Window end.
    To,
    /// Hours.
    Hours,
    /// Runners.
    Runners,
    /// Needs.
    Needs,
    /// Coordinator.
    Coordinator,
    /// Reply by.
    ReplyBy,
    /// Boundaries.
    Boundaries,
    /// Private note.
    Private,
    /// A language needed.
    Language,
    /// Days before erasure.
    EraseDays,
}

/// A message about one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The field.
    pub field: Field,
    /// Danish text.
    pub text: String,
}

/// The checked values, ready to go into a dream.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    title: String,
    story: String,
    dreamer: String,
    age: Option<u8>,
    municipality: String,
    place: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    times: Vec<PartOfDay>,
    hours: f64,
    runners: u8,
    category: Category,
    needs: Vec<String>,
    coordinator: Coordinator,
    reply_by: Option<NaiveDate>,
    boundaries: Vec<Boundary>,
    private_note: String,
    confirm_claims: bool,
    skills: Vec<Skill>,
    erase_days: u16,
}

/// The outcome of checking a form.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The values, when there are no errors.
    pub checked: Option<Checked>,
    /// Errors: the dream cannot be saved.
    pub errors: Vec<Message>,
    /// Warnings: shown, saving is allowed.
    pub warnings: Vec<Message>,
}

fn optional_date(s: &str, field: Field, errors: &mut Vec<Message>) -> Option<NaiveDate> {
    if s.trim().is_empty() {
        return None;
    }
    let d = parse_date(s);
    if d.is_none() {
        errors.push(Message { field, text: t::BAD_DATE.into() });
    }
    d
}

/// Reads hours with a Danish decimal comma (`1,5`, `2`, `,5`, `+3`).
///
/// Through serde_json's exact number reader, which the app has anyway: the
/// standard library's `f64` parser and printer would add about 15 KB of wasm.
pub fn parse_hours(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    let s = s.strip_prefix('+').unwrap_or(&s);
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    if digits.is_empty() || digits == "." || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    // JSON wants a digit on both sides of the point.
    let lead = if digits.starts_with('.') { "0" } else { "" };
    let trail = if digits.ends_with('.') { "0" } else { "" };
    serde_json::from_str::<f64>(&format!("{sign}{lead}{digits}{trail}")).ok().filter(|h| h.is_finite())
}

/// True when the name looks like more than a first name (a surname too):
/// two or more words, unless they are all initials (`A. B.`).
fn looks_like_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2 && !words.iter().all(|w| w.trim_end_matches('.').chars().count() <= 1)
}

impl DreamForm {
    /// The form filled from an existing dream (for editing).
    pub fn from_dream(d: &Dream) -> DreamForm {
        let date = |x: Option<NaiveDate>| x.map(crate::text::dates::iso).unwrap_or_default();
        DreamForm {
            title: d.title.clone(),
            story: d.story.clone(),
            dreamer: d.dreamer.clone(),
            age: d.dreamer_age.map(|a| a.to_string()).unwrap_or_default(),
            municipality: d.municipality.clone(),
            place: d.place.clone(),
            from: date(d.window_from),
            to: date(d.window_to),
            times: d.times.iter().copied().collect(),
            hours: format_hours(d.duration_hours),
            runners: d.runners_needed.to_string(),
            category: d.category.slug().into(),
            needs: d.needs.join(", "),
            coord_name: d.coordinator.name.clone(),
            coord_contact: d.coordinator.contact.clone(),
            reply_by: date(d.reply_by),
            boundaries: d.boundaries_ok.iter().copied().collect(),
            private_note: d.private_note.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            confirm_claims: d.confirm_claims,
            skills: d.skills.iter().filter(|s| !matches!(s, Skill::Language(_))).cloned().collect(),
            language: d
                .skills
                .iter()
                .filter_map(|s| match s {
                    Skill::Language(l) => Some(l.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(", "),
            erase_days: d.erase_after_days.to_string(),
        }
    }

    /// Checks the form.
    pub fn check(&self) -> Report {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(Message { field: Field::Title, text: t::TITLE_MISSING.into() });
        } else if title.chars().count() > 200 {
            errors.push(Message { field: Field::Title, text: t::TITLE_TOO_LONG.into() });
        }
        let municipality = self.municipality.trim().to_string();
        if municipality.is_empty() {
            errors.push(Message { field: Field::Municipality, text: t::MUNICIPALITY_MISSING.into() });
        }
        let age = match self.age.trim() {
            "" => None,
            s => match s.parse::<u8>() {
                Ok(a) if (50..=120).contains(&a) => Some(a),
                _ => {
                    errors.push(Message { field: Field::Age, text: t::BAD_AGE.into() });
                    None
                }
            },
        };
        let from = optional_date(&self.from, Field::From, &mut errors);
        let to = optional_date(&self.to, Field::To, &mut errors);
        let reply_by = optional_date(&self.reply_by, Field::ReplyBy, &mut errors);
        if let (Some(a), Some(b)) = (from, to) {
            if a > b {
                errors.push(Message { field: Field::To, text: t::WINDOW_BACKWARDS.into() });
            }
        }
        if let (Some(r), Some(b)) = (reply_by, to) {
            if r > b {
                errors.push(Message { field: Field::ReplyBy, text: t::REPLY_AFTER_WINDOW.into() });
            }
        }
        let hours = match parse_hours(&self.hours) {
            Some(h) if (0.5..=MAX_HOURS).contains(&h) => h,
            _ => {
                errors.push(Message { field: Field::Hours, text: t::BAD_HOURS.into() });
                1.0
            }
        };
        let runners = match self.runners.trim().parse::<u8>() {
            Ok(n) if (1..=MAX_RUNNERS).contains(&n) => n,
            _ => {
                errors.push(Message { field: Field::Runners, text: t::BAD_RUNNERS.into() });
                1
            }
        };
        let coordinator =
            Coordinator { name: self.coord_name.trim().to_string(), contact: self.coord_contact.trim().to_string() };
        if coordinator.name.is_empty() || coordinator.contact.is_empty() {
            errors.push(Message { field: Field::Coordinator, text: t::COORD_MISSING.into() });
        }
        let needs: Vec<String> =
            self.needs.split([',', '\n']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        let mut skills: Vec<Skill> = self.skills.iter().filter(|s| !matches!(s, Skill::Language(_))).cloned().collect();
        if let Err(e) = crate::text::fields::check_field(t::F_LANGUAGE, &self.language) {
            errors.push(Message { field: Field::Language, text: e });
        }
        skills.extend(Skill::languages(&self.language));
        skills.sort();
        skills.dedup();
        let erase_days = match self.erase_days.trim().parse::<u16>() {
            Ok(n) if (1..=365).contains(&n) => n,
            _ => {
                errors.push(Message { field: Field::EraseDays, text: t::BAD_ERASE_DAYS.into() });
                ERASE_AFTER_DAYS
            }
        };

        // Privacy: CPR anywhere refuses; phone/address about the dreamer warns.
        let about_dreamer = [
            (Field::Title, t::F_TITLE, self.title.as_str()),
            (Field::Story, t::F_STORY, self.story.as_str()),
            (Field::Dreamer, t::F_DREAMER, self.dreamer.as_str()),
            (Field::Place, t::F_PLACE, self.place.as_str()),
            (Field::Needs, t::F_NEEDS, self.needs.as_str()),
        ];
        for (field, name, text) in about_dreamer {
            for finding in privacy::scan(&[(name, text)]) {
                match finding {
                    Finding::Cpr { field: f } => {
                        errors.push(Message { field, text: t::cpr_refused(f, "") });
                    }
                    Finding::Phone { field: f, found } => {
                        warnings.push(Message { field, text: t::phone_warning(f, &found) });
                    }
                    Finding::Address { field: f, found } => {
                        warnings.push(Message { field, text: t::address_warning(f, &found) });
                    }
                }
            }
        }
        for (field, name, text) in [
            (Field::Municipality, t::F_MUNICIPALITY, self.municipality.as_str()),
            (Field::Coordinator, t::F_COORD_NAME, self.coord_name.as_str()),
            (Field::Coordinator, t::F_COORD_CONTACT, self.coord_contact.as_str()),
            (Field::Private, t::F_PRIVATE, self.private_note.as_str()),
        ] {
            if crate::text::privacy::find_cpr(text).is_some() {
                errors.push(Message { field, text: t::cpr_refused(name, "") });
            }
        }
        for (field, name, text) in [
            (Field::Title, t::F_TITLE, &self.title),
            (Field::Story, t::F_STORY, &self.story),
            (Field::Private, t::F_PRIVATE, &self.private_note),
        ] {
            if let Err(e) = crate::text::fields::check_field(name, text) {
                errors.push(Message { field, text: e });
            }
        }
        if looks_like_full_name(&self.dreamer) {
            warnings.push(Message { field: Field::Dreamer, text: t::DREAMER_FULL_NAME.into() });
        }
        let lower = format!("{} {} {}", self.title, self.story, self.needs).to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        for b in Boundary::ALL {
            if let Some(w) = t::boundary_hint_words(b).iter().find(|hint| words.iter().any(|w| w.starts_with(*hint))) {
                warnings.push(Message { field: Field::Boundaries, text: t::boundary_hint(b, w) });
            }
        }
        let boundaries: Vec<Boundary> = self.boundaries.iter().copied().collect();
        if boundaries.len() < Boundary::ALL.len() {
            let missing: Vec<Boundary> = Boundary::ALL.into_iter().filter(|b| !self.boundaries.contains(b)).collect();
            warnings.push(Message { field: Field::Boundaries, text: t::flagged(&missing) });
        }
        let checked = errors.is_empty().then(|| Checked {
            title,
            story: self.story.trim().to_string(),
            dreamer: self.dreamer.trim().to_string(),
            age,
            municipality,
            place: self.place.trim().to_string(),
            from,
            to,
            times: self.times.iter().copied().collect(),
            hours,
            runners,
            category: Category::from_slug(&self.category).unwrap_or(Category::Andet),
            needs,
            coordinator,
            reply_by,
            boundaries,
            private_note: self.private_note.trim().to_string(),
            confirm_claims: self.confirm_claims,
            skills,
            erase_days,
        });
        Report { checked, errors, warnings }
    }
}

/// Hours as Danish text: `2`, `1,5` (the shortest form that reads back as
/// the same number, written by serde_json: see [`parse_hours`]).
pub fn format_hours(h: f64) -> String {
    if (h - h.round()).abs() < 1e-9 {
        format!("{}", h.round() as i64)
    } else {
        serde_json::to_string(&h).unwrap_or_default().replace('.', ",")
    }
}

impl Checked {
    /// The coordinator's contact as entered (to remember on the device).
    pub fn coordinator(&self) -> &Coordinator {
        &self.coordinator
    }

    fn fill(self, dream: &mut Dream, note_rev: Rev) {
        dream.title = self.title;
        dream.story = self.story;
        dream.dreamer = self.dreamer;
        dream.dreamer_age = self.age;
        dream.municipality = self.municipality;
        dream.place = self.place;
        dream.window_from = self.from;
        dream.window_to = self.to;
        dream.times = self.times;
        dream.duration_hours = self.hours;
        dream.runners_needed = self.runners;
        dream.category = self.category;
        dream.needs = self.needs;
        dream.coordinator = self.coordinator;
        dream.reply_by = self.reply_by;
        dream.boundaries_ok = self.boundaries;
        dream.confirm_claims = self.confirm_claims;
        dream.skills = self.skills;
        dream.erase_after_days = self.erase_days;
        let old_note = dream.private_note.as_ref().map(|n| n.text.as_str()).unwrap_or("");
        if old_note != self.private_note {
            dream.set_private_note(note_rev, self.private_note);
        }
    }

    /// Writes the values into `dream` as one stamped edit; the private note
    /// gets its own stamp only when it changed.
    pub fn apply(self, dream: &mut Dream, act: &Act, note_rev: Rev) {
        self.fill(dream, note_rev);
        dream.edited(act);
    }

    /// A new open dream with these values, posted by `act.who`.
    pub fn into_new(self, act: &Act, id: RecordId) -> Dream {
        let mut d = Dream::new(act, id);
        self.fill(&mut d, act.rev.clone());
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_and_write_as_people_type_them() {
        for (text, want) in [
            ("1,5", Some(1.5)),
            ("2", Some(2.0)),
            (" 0,25 ", Some(0.25)),
            (",5", Some(0.5)),
            ("3,", Some(3.0)),
            ("+3", Some(3.0)),
            ("-2", Some(-2.0)),
            ("1.5", Some(1.5)),
            ("", None),
            (",", None),
            ("to", None),
            ("1,5,5", None),
            ("1e3", None),
            ("inf", None),
            ("NaN", None),
        ] {
            assert_eq!(parse_hours(text), want, "{text}");
        }
        for h in [0.25, 1.5, 2.0, 72.0, 1.0 / 3.0, 0.1 + 0.2] {
            assert_eq!(parse_hours(&format_hours(h)), Some(h), "{h}");
            // The standard library's shortest form, with a comma.
            let std = h.to_string().replace('.', ",");
            assert_eq!(format_hours(h), std.strip_suffix(",0").unwrap_or(&std), "{h}");
        }
    }
}
