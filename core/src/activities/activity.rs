//! An activity in the directory of open activities and communities: the
//! record as stored and exported, its checks, and the form draft (plain
//! text fields) it is edited through and built from, with a Danish error per
//! field. CSV rows go through the same draft, so the form and the
//! spreadsheet obey the same rules.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::activities::da as t;
use crate::activities::municipalities;
use crate::activities::schedule::{Hm, Nth, Schedule};
use crate::record::merge::Record;
use crate::record::meta::Meta;
use crate::record::object;
use crate::text::dates::{all_digits, parse_date};
use crate::text::fields::{check_text, is_safe_link, text_problem, TextProblem};

/// Longest title (characters).
pub const MAX_TITLE: usize = 200;
/// Highest price accepted (kroner).
pub const MAX_PRICE: f64 = 100_000.0;

/// Access for people who need it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Access {
    /// Step-free, wheelchair-friendly.
    #[serde(default)]
    pub wheelchair: bool,
    /// Transport or car-sharing offered.
    #[serde(default)]
    pub transport: bool,
    /// A companion (følgeven) may come along or be arranged.
    #[serde(default)]
    pub companion: bool,
}

/// Who to ask.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Contact person.
    #[serde(default)]
    pub name: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// Email.
    #[serde(default)]
    pub email: String,
    /// Web link (https/http only).
    #[serde(default)]
    pub web: String,
}

/// An activity as stored and exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Activity {
    /// Id, revision, tombstone.
    #[serde(flatten, skip_deserializing, default = "object::no_meta")]
    pub meta: Meta,
    /// Title.
    pub title: String,
    /// Organiser (forening).
    #[serde(default)]
    pub organizer: String,
    /// Category (on the wire its key, e.g. `"demens"`).
    #[serde(default)]
    pub category: Category,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// One of Denmark's 98 municipalities.
    #[serde(default)]
    pub municipality: String,
    /// Town.
    #[serde(default)]
    pub town: String,
    /// Street address.
    #[serde(default)]
    pub address: String,
    /// When it meets.
    #[serde(default)]
    pub schedule: Schedule,
    /// Price in kroner; `None` is free.
    #[serde(default)]
    pub price_dkk: Option<f64>,
    /// Who it is for ("alle", "pårørende" …).
    #[serde(default)]
    pub audience: Vec<String>,
    /// Access.
    #[serde(default)]
    pub access: Access,
    /// Drop-in: "kom som du er".
    #[serde(default)]
    pub drop_in: bool,
    /// Contact.
    #[serde(default)]
    pub contact: Contact,
    /// Where the information comes from.
    #[serde(default)]
    pub source: String,
    /// When the information was last edited.
    #[serde(default, deserialize_with = "crate::text::dates::de_opt_iso")]
    pub updated: Option<NaiveDate>,
    /// When someone last confirmed that the information is still true
    /// ("Stadig aktuel", HSDS's `assured_date`); `None`: never. Optional on
    /// the wire (absent = never), and joined as the later of two versions'
    /// (see [`Record::join`] below), so no merge undoes a confirmation.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::text::dates::de_opt_iso")]
    pub confirmed: Option<NaiveDate>,
    /// Invented example data (the shipped catalogue).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    /// Fields this version does not know; kept so they survive a round trip.
    #[serde(flatten, skip_deserializing)]
    pub extra: Map<String, Value>,
}

object::impl_object!(Activity);

/// Why a stored or imported activity cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActivityError {
    /// No title.
    TitleMissing,
    /// Title over [`MAX_TITLE`] characters.
    TitleTooLong,
    /// A text field (its Danish name) is too long or carries control characters.
    Text(&'static str, TextProblem),
    /// More than 50 "for hvem" values.
    TooManyAudiences,
    /// Not one of Denmark's 98 municipalities.
    UnknownMunicipality(String),
    /// The schedule does not hold together (its Danish message).
    Schedule(String),
    /// A price that is negative, absurd or not a number.
    BadPrice,
    /// A web link that is not `https:`/`http:`.
    BadLink,
    /// An e-mail address that is not one.
    BadEmail,
    /// A phone number without digits.
    BadPhone,
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for ActivityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActivityError::TitleMissing => f.write_str(t::ERR_TITLE),
            ActivityError::TitleTooLong => f.write_str(t::ERR_TITLE_LONG),
            ActivityError::Text(field, p) => f.write_str(&text_problem(field, *p)),
            ActivityError::TooManyAudiences => f.write_str(t::ERR_TOO_MANY_AUDIENCES),
            ActivityError::UnknownMunicipality(m) => write!(f, "{} ({m})", t::ERR_MUNICIPALITY),
            ActivityError::Schedule(m) => f.write_str(m),
            ActivityError::BadPrice => f.write_str(t::ERR_PRICE),
            ActivityError::BadLink => f.write_str(t::ERR_LINK),
            ActivityError::BadEmail => f.write_str(t::ERR_EMAIL),
            ActivityError::BadPhone => f.write_str(t::ERR_PHONE),
        }
    }
}

impl Activity {
    /// Every rule a stored or imported activity must keep (a tombstone keeps none).
    pub fn validate(&self) -> Result<(), ActivityError> {
        if self.meta.deleted {
            return Ok(());
        }
        let title = self.title.trim();
        if title.is_empty() {
            return Err(ActivityError::TitleMissing);
        }
        if title.chars().count() > MAX_TITLE {
            return Err(ActivityError::TitleTooLong);
        }
        let texts = [
            &self.title,
            &self.organizer,
            &self.description,
            &self.town,
            &self.address,
            &self.source,
            &self.contact.name,
            &self.contact.phone,
            &self.contact.email,
            &self.contact.web,
        ];
        for (name, v) in t::TEXT_FIELDS.into_iter().zip(texts) {
            check_text(v).map_err(|p| ActivityError::Text(name, p))?;
        }
        if self.audience.len() > 50 {
            return Err(ActivityError::TooManyAudiences);
        }
        for a in &self.audience {
            check_text(a).map_err(|p| ActivityError::Text(t::F_AUDIENCE_NAME, p))?;
        }
        if !municipalities::is_municipality(&self.municipality) {
            return Err(ActivityError::UnknownMunicipality(self.municipality.clone()));
        }
        self.schedule.check().map_err(ActivityError::Schedule)?;
        if let Some(p) = self.price_dkk {
            if !p.is_finite() || !(0.0..=MAX_PRICE).contains(&p) {
                return Err(ActivityError::BadPrice);
            }
        }
        if !self.contact.web.is_empty() && !is_web_link(&self.contact.web) {
            return Err(ActivityError::BadLink);
        }
        if !self.contact.email.is_empty() && !is_email(&self.contact.email) {
            return Err(ActivityError::BadEmail);
        }
        if !self.contact.phone.is_empty() && !is_phone(&self.contact.phone) {
            return Err(ActivityError::BadPhone);
        }
        Ok(())
    }
}

/// What kind of activity it is. The order is the order of
/// `da::CATEGORIES`, which holds each one's wire key and Danish name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Fællesspisning.
    Faellesspisning,
    /// Café og mødested.
    Cafe,
    /// Motion og idræt.
    Motion,
    /// IT-hjælp.
    It,
    /// Demens.
    Demens,
    /// Pårørende.
    Paaroerende,
    /// Kultur.
    Kultur,
    /// Natur.
    Natur,
    /// Sang og musik.
    Musik,
    /// Mandefællesskab.
    Maend,
    /// Besøgsven.
    Besoegsven,
    /// Andet.
    #[default]
    Andet,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 12] = [
        Category::Faellesspisning,
        Category::Cafe,
        Category::Motion,
        Category::It,
        Category::Demens,
        Category::Paaroerende,
        Category::Kultur,
        Category::Natur,
        Category::Musik,
        Category::Maend,
        Category::Besoegsven,
        Category::Andet,
    ];

    /// The wire key, e.g. `"demens"`.
    pub fn key(self) -> &'static str {
        t::CATEGORIES[self as usize].0
    }

    /// The Danish name.
    pub fn label(self) -> &'static str {
        t::CATEGORIES[self as usize].1
    }

    /// The category for a key or a Danish name, any case.
    pub fn parse(text: &str) -> Option<Category> {
        let l = text.trim().to_lowercase();
        Category::ALL.into_iter().find(|c| c.key() == l || c.label().to_lowercase() == l)
    }
}

impl Serialize for Category {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Category::ALL
            .into_iter()
            .find(|c| c.key() == s)
            .ok_or_else(|| serde::de::Error::custom(t::csv::bad_category(&s)))
    }
}

impl Activity {
    /// True when it costs nothing.
    pub fn is_free(&self) -> bool {
        self.price_dkk.is_none_or(|p| p <= 0.0)
    }

    /// The text search looks in (before folding).
    pub fn search_text(&self) -> String {
        let mut s = String::with_capacity(256);
        for part in [
            &self.title,
            &self.organizer,
            self.category.label(),
            &self.municipality,
            &self.town,
            &self.address,
            &self.description,
        ] {
            s.push_str(part);
            s.push(' ');
        }
        for a in &self.audience {
            s.push_str(a);
            s.push(' ');
        }
        s
    }

    /// A place name for week programmes: the address and town.
    pub fn place(&self) -> String {
        match (self.address.trim(), self.town.trim()) {
            ("", "") => self.municipality.clone(),
            (a, "") => a.to_string(),
            ("", tw) => tw.to_string(),
            (a, tw) => format!("{a}, {tw}"),
        }
    }
}

impl Record for Activity {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    fn check(&self) -> Result<(), String> {
        self.validate().map_err(|e| e.to_string())
    }
    /// The newer version whole, but confirmed on the later of the two
    /// dates: a confirmation made on one device survives an edit made on
    /// another from an older copy. The newer is chosen on everything but
    /// the confirmation (the stamp, then the JSON without it), so the join
    /// stays commutative, associative and idempotent.
    fn join(a: &Self, b: &Self) -> Self {
        use std::cmp::Ordering::*;
        let winner = match a.meta.rev.cmp(&b.meta.rev) {
            Greater => a,
            Less => b,
            Equal => {
                let plain = |x: &Activity| {
                    let mut x = x.clone();
                    x.confirmed = None;
                    serde_json::to_string(&x).unwrap_or_default()
                };
                if plain(a) >= plain(b) {
                    a
                } else {
                    b
                }
            }
        };
        let mut out = winner.clone();
        out.confirmed = a.confirmed.max(b.confirmed);
        out
    }
}

/// True for an `https:` or `http:` link.
pub fn is_web_link(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    (l.starts_with("https://") || l.starts_with("http://")) && is_safe_link(s)
}

/// A plausible email address: one `@`, something on both sides, a dot after.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((user, host)) = s.split_once('@') else { return false };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',' || c == ';')
        && !host.contains('@')
}

/// A phone number: digits with spaces, `+`, `-`, 3 to 20 digits.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    (3..=20).contains(&digits) && s.trim().chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '+' || c == '-')
}

/// The `mailto:` and `tel:` links for a contact, only when valid.
pub fn mail_link(email: &str) -> Option<String> {
    is_email(email).then(|| format!("mailto:{}", email.trim()))
}

/// A `tel:` link.
pub fn phone_link(phone: &str) -> Option<String> {
    is_phone(phone).then(|| format!("tel:{}", phone.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
}

// ------------------------------------------------------------ draft

/// Schedule kinds of the draft: form keys.
pub const KIND_WEEKLY: &str = "ugentlig";
/// Monthly.
pub const KIND_MONTHLY: &str = "maanedlig";
/// Dates.
pub const KIND_DATES: &str = "datoer";
/// By agreement.
pub const KIND_AGREEMENT: &str = "aftale";

/// The form of an activity: every field as the user typed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Title.
    pub title: String,
    /// Organiser.
    pub organizer: String,
    /// Category key.
    pub category: String,
    /// Description.
    pub description: String,
    /// Municipality.
    pub municipality: String,
    /// Town.
    pub town: String,
    /// Address.
    pub address: String,
    /// Schedule kind (`KIND_*`).
    pub kind: String,
    /// Weekly: the chosen weekdays, Monday first.
    pub days: [bool; 7],
    /// Monthly: "1".."4" or "-1".
    pub nth: String,
    /// Monthly: weekday index, Monday = 0.
    pub month_day: usize,
    /// Dates: "25-11-2026, 02-12-2026".
    pub dates: String,
    /// Start "10.00".
    pub start: String,
    /// End "12.00".
    pub end: String,
    /// Pause months: "juli, august".
    pub pause: String,
    /// Price "25,50"; empty is free.
    pub price: String,
    /// Audience, comma separated.
    pub audience: String,
    /// Wheelchair-friendly.
    pub wheelchair: bool,
    /// Transport.
    pub transport: bool,
    /// Companion.
    pub companion: bool,
    /// Drop-in.
    pub drop_in: bool,
    /// Contact person.
    pub contact_name: String,
    /// Phone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// Web link.
    pub web: String,
    /// Source.
    pub source: String,
    /// Last updated, dd-mm-yyyy (empty: today when saved from the form).
    pub updated: String,
    /// Last confirmed, dd-mm-yyyy (empty: never).
    pub confirmed: String,
    /// Example data.
    pub example: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            title: String::new(),
            organizer: String::new(),
            category: "cafe".into(),
            description: String::new(),
            municipality: String::new(),
            town: String::new(),
            address: String::new(),
            kind: KIND_WEEKLY.into(),
            days: [false; 7],
            nth: "-1".into(),
            month_day: 3,
            dates: String::new(),
            start: "10.00".into(),
            end: "12.00".into(),
            pause: String::new(),
            price: String::new(),
            audience: "alle".into(),
            wheelchair: false,
            transport: false,
            companion: false,
            drop_in: true,
            contact_name: String::new(),
            phone: String::new(),
            email: String::new(),
            web: String::new(),
            source: String::new(),
            updated: String::new(),
            confirmed: String::new(),
            example: false,
        }
    }
}

/// Field errors: field key → Danish message.
pub type FieldErrors = BTreeMap<&'static str, String>;

/// "25-11-2026".
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// The one price parser: kroner as people and spreadsheets write them
/// (`25`, `25,50`, `25.50`, `1.250,50`, `1,250.50`, `kr. 25`, `25,-`);
/// `Ok(None)` is free (empty, "gratis", 0).
pub fn parse_price(text: &str) -> Result<Option<f64>, ActivityError> {
    let price = read_price(text).ok_or(ActivityError::BadPrice)?;
    match price {
        Some(kr) if kr > MAX_PRICE => Err(ActivityError::BadPrice),
        p => Ok(p),
    }
}

/// A price in kroner: `None` inside `Some` for free (empty, "gratis", 0).
/// The decimal mark is the last of `,` and `.` when both occur; alone, it
/// is a decimal mark when one or two digits follow it and a thousands mark
/// when three do.
fn read_price(text: &str) -> Option<Option<f64>> {
    let mut s = text.trim().to_lowercase();
    for affix in ["dkk", "kr.", "kr", ",-"] {
        if let Some(r) = s.strip_suffix(affix) {
            s = r.trim().to_string();
        }
        if let Some(r) = s.strip_prefix(affix) {
            s = r.trim().to_string();
        }
    }
    let s: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    if s.is_empty() || s == "gratis" || s == "free" {
        return Some(None);
    }
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(i), None) | (None, Some(i)) => {
            let after = s.len() - i - 1;
            let marks = s.matches(['.', ',']).count();
            (after <= 2 && marks == 1).then_some(i)
        }
        (None, None) => None,
    };
    let (int, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s.as_str(), ""),
    };
    let int: String = int.chars().filter(|c| *c != '.' && *c != ',').collect();
    if !all_digits(&int) || int.len() > 6 || frac.len() > 2 || !(frac.is_empty() || all_digits(frac)) {
        return None;
    }
    let cents =
        int.parse::<i64>().ok()? * 100 + if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse::<i64>().ok()? };
    Some((cents != 0).then(|| cents as f64 / 100.0))
}

/// Weekday from a Danish name or its first three letters.
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    let l = text.trim().to_lowercase();
    if l.is_empty() {
        return None;
    }
    t::WEEKDAYS
        .iter()
        .position(|d| *d == l || (l.chars().count() >= 3 && d.starts_with(&l)))
        .and_then(|i| Weekday::try_from(i as u8).ok())
}

/// Month number from a Danish name or abbreviation, or a number.
pub fn parse_month(text: &str) -> Option<u8> {
    let l = text.trim().trim_end_matches('.').to_lowercase();
    if let Ok(n) = l.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    if l.chars().count() < 3 {
        return None;
    }
    t::MONTHS.iter().position(|m| m.starts_with(&l)).map(|i| i as u8 + 1)
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '\n']).map(str::trim).filter(|x| !x.is_empty())
}

/// Weekday index (Monday = 0) → chrono weekday.
pub fn weekday_at(i: usize) -> Weekday {
    Weekday::try_from((i % 7) as u8).unwrap_or(Weekday::Mon)
}

impl Draft {
    /// The draft of an existing activity.
    pub fn from_activity(a: &Activity) -> Draft {
        let mut d = Draft {
            title: a.title.clone(),
            organizer: a.organizer.clone(),
            category: a.category.key().to_string(),
            description: a.description.clone(),
            municipality: a.municipality.clone(),
            town: a.town.clone(),
            address: a.address.clone(),
            price: a.price_dkk.map(t::decimal_comma).unwrap_or_default(),
            audience: a.audience.join(", "),
            wheelchair: a.access.wheelchair,
            transport: a.access.transport,
            companion: a.access.companion,
            drop_in: a.drop_in,
            contact_name: a.contact.name.clone(),
            phone: a.contact.phone.clone(),
            email: a.contact.email.clone(),
            web: a.contact.web.clone(),
            source: a.source.clone(),
            updated: a.updated.map(format_date).unwrap_or_default(),
            confirmed: a.confirmed.map(format_date).unwrap_or_default(),
            example: a.example,
            ..Draft::default()
        };
        let months = |m: &Vec<u8>| {
            m.iter()
                .filter_map(|x| t::MONTHS.get((*x as usize).wrapping_sub(1)))
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        };
        match &a.schedule {
            Schedule::Weekly { days, start, end, pause_months } => {
                d.kind = KIND_WEEKLY.into();
                d.days = [false; 7];
                for x in days {
                    d.days[x.num_days_from_monday() as usize] = true;
                }
                d.start = start.to_string();
                d.end = end.to_string();
                d.pause = months(pause_months);
            }
            Schedule::Monthly { nth, day, start, end, pause_months } => {
                d.kind = KIND_MONTHLY.into();
                d.nth = nth.to_string();
                d.month_day = day.num_days_from_monday() as usize;
                d.start = start.to_string();
                d.end = end.to_string();
                d.pause = months(pause_months);
            }
            Schedule::Dates { dates, start, end } => {
                d.kind = KIND_DATES.into();
                d.dates = dates.iter().map(|x| format_date(*x)).collect::<Vec<_>>().join(", ");
                d.start = start.to_string();
                d.end = end.to_string();
            }
            Schedule::ByAgreement => {
                d.kind = KIND_AGREEMENT.into();
                d.start = String::new();
                d.end = String::new();
            }
        }
        d
    }

    fn schedule(&self, errors: &mut FieldErrors) -> Schedule {
        if self.kind == KIND_AGREEMENT {
            return Schedule::ByAgreement;
        }
        let start = Hm::parse(&self.start);
        let end = Hm::parse(&self.end);
        if start.is_none() {
            errors.insert("start", t::ERR_TIME.into());
        }
        if end.is_none() {
            errors.insert("end", t::ERR_TIME.into());
        }
        let mut pause_months = Vec::new();
        for m in split_list(&self.pause) {
            match parse_month(m) {
                Some(n) => pause_months.push(n),
                None => {
                    errors.insert("pause", t::err_month(m));
                }
            }
        }
        let (start, end) = (start.unwrap_or(Hm::new(0, 0).unwrap()), end.unwrap_or(Hm::new(23, 59).unwrap()));
        let mut s = match self.kind.as_str() {
            KIND_WEEKLY => {
                let days = (0..7).filter(|i| self.days[*i]).map(weekday_at).collect();
                Schedule::Weekly { days, start, end, pause_months }
            }
            KIND_MONTHLY => {
                let nth: Nth = self.nth.trim().parse().unwrap_or(0);
                Schedule::Monthly { nth, day: weekday_at(self.month_day), start, end, pause_months }
            }
            KIND_DATES => {
                let mut dates = Vec::new();
                for x in split_list(&self.dates) {
                    match parse_date(x) {
                        Some(d) => dates.push(d),
                        None => {
                            if !errors.contains_key("dates") {
                                errors.insert("dates", t::err_date(x));
                            }
                        }
                    }
                }
                Schedule::Dates { dates, start, end }
            }
            _ => {
                errors.insert("kind", t::ERR_NTH.into());
                Schedule::ByAgreement
            }
        };
        s.normalise();
        if let Err(e) = s.check() {
            let key = match &s {
                Schedule::Weekly { days, .. } if days.is_empty() => "days",
                Schedule::Dates { dates, .. } if dates.is_empty() => "dates",
                Schedule::Monthly { nth, .. } if !(*nth == -1 || (1..=4).contains(nth)) => "nth",
                _ if e == t::ERR_END_BEFORE_START => "end",
                _ => "pause",
            };
            if !(errors.contains_key(key) || (key == "end" && errors.contains_key("start"))) {
                errors.insert(key, e);
            }
        }
        s
    }

    /// Builds the activity with `meta`, or the errors by field. `extra`
    /// carries unknown fields of the record being edited.
    pub fn build(&self, meta: Meta, extra: Map<String, Value>) -> Result<Activity, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.insert("title", t::ERR_TITLE.into());
        } else if title.chars().count() > MAX_TITLE {
            errors.insert("title", t::ERR_TITLE_LONG.into());
        }
        let category = match Category::parse(&self.category) {
            Some(c) => c,
            None => {
                errors.insert("category", t::ERR_CATEGORY.into());
                Category::Andet
            }
        };
        let municipality = match municipalities::canonical(&self.municipality) {
            Some(m) => m.to_string(),
            None => {
                errors.insert("municipality", t::ERR_MUNICIPALITY.into());
                String::new()
            }
        };
        let schedule = self.schedule(&mut errors);
        let price_dkk = parse_price(&self.price).unwrap_or_else(|_| {
            errors.insert("price", t::ERR_PRICE.into());
            None
        });
        let web = self.web.trim().to_string();
        if !web.is_empty() && !is_web_link(&web) {
            errors.insert("web", t::ERR_LINK.into());
        }
        let email = self.email.trim().to_string();
        if !email.is_empty() && !is_email(&email) {
            errors.insert("email", t::ERR_EMAIL.into());
        }
        let phone = self.phone.trim().to_string();
        if !phone.is_empty() && !is_phone(&phone) {
            errors.insert("phone", t::ERR_PHONE.into());
        }
        let updated = if self.updated.trim().is_empty() {
            None
        } else {
            match parse_date(&self.updated) {
                Some(d) => Some(d),
                None => {
                    errors.insert("updated", t::ERR_UPDATED.into());
                    None
                }
            }
        };
        let confirmed = if self.confirmed.trim().is_empty() {
            None
        } else {
            match parse_date(&self.confirmed) {
                Some(d) => Some(d),
                None => {
                    errors.insert("confirmed", t::ERR_CONFIRMED.into());
                    None
                }
            }
        };
        let a = Activity {
            meta,
            title,
            organizer: self.organizer.trim().into(),
            category,
            description: self.description.trim().into(),
            municipality,
            town: self.town.trim().into(),
            address: self.address.trim().into(),
            schedule,
            price_dkk,
            audience: split_list(&self.audience).map(str::to_string).collect(),
            access: Access { wheelchair: self.wheelchair, transport: self.transport, companion: self.companion },
            drop_in: self.drop_in,
            contact: Contact { name: self.contact_name.trim().into(), phone, email, web },
            source: self.source.trim().into(),
            updated,
            confirmed,
            example: self.example,
            extra,
        };
        if errors.is_empty() {
            if let Err(e) = a.check() {
                // Anything the field checks missed (control characters, sizes).
                errors.insert("form", e);
            }
        }
        if errors.is_empty() {
            Ok(a)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::meta::{Clock, DeviceId};

    fn meta() -> Meta {
        Meta::new(crate::record::meta::test_id(), &mut Clock::new(DeviceId("t".into())), 1_000)
    }

    fn good() -> Draft {
        Draft {
            title: "Demenscafé".into(),
            municipality: "assens kommune".into(),
            category: "demens".into(),
            days: [false, true, false, true, false, false, false],
            pause: "juli".into(),
            price: "25,50".into(),
            web: "https://rodekors.dk".into(),
            email: "cafe@example.dk".into(),
            phone: "+45 12 34 56 78".into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_stored_activity_that_breaks_a_rule_names_the_rule() {
        let good = good().build(meta(), Map::new()).unwrap();
        assert_eq!(good.validate(), Ok(()));
        type Break = fn(&mut Activity);
        let cases: Vec<(Break, ActivityError)> = vec![
            (|a| a.title = " ".into(), ActivityError::TitleMissing),
            (|a| a.title = "x".repeat(MAX_TITLE + 1), ActivityError::TitleTooLong),
            (
                |a| a.description = "skjult\u{1}tegn".into(),
                ActivityError::Text("beskrivelse", TextProblem::ControlChars),
            ),
            (|a| a.audience = vec!["alle".into(); 51], ActivityError::TooManyAudiences),
            (|a| a.municipality = "Atlantis".into(), ActivityError::UnknownMunicipality("Atlantis".into())),
            (|a| a.price_dkk = Some(-1.0), ActivityError::BadPrice),
            (|a| a.contact.web = "javascript:alert(1)".into(), ActivityError::BadLink),
            (|a| a.contact.email = "ikke en adresse".into(), ActivityError::BadEmail),
            (|a| a.contact.phone = "ring".into(), ActivityError::BadPhone),
        ];
        for (break_it, want) in cases {
            let mut a = good.clone();
            break_it(&mut a);
            assert_eq!(a.validate(), Err(want.clone()));
            assert_eq!(a.check(), Err(want.to_string()), "Record::check gives the Danish text");
        }
        let category: Result<Activity, _> = serde_json::from_value(
            serde_json::json!({"id": good.meta.id, "rev": good.meta.rev, "title": "x", "category": "ukendt"}),
        );
        assert!(category.is_err(), "an unknown category is refused");
        assert_eq!(Category::parse("Sang og musik"), Some(Category::Musik));
        assert_eq!(Category::parse(" DEMENS "), Some(Category::Demens));
        assert_eq!(Category::ALL.map(|c| c.key())[11], "andet");
    }

    #[test]
    fn a_good_draft_builds_and_survives_a_round_trip() {
        let a = good().build(meta(), Map::new()).unwrap();
        assert_eq!(a.municipality, "Assens");
        assert_eq!(a.price_dkk, Some(25.5));
        assert!(matches!(&a.schedule, Schedule::Weekly { days, pause_months, .. }
            if days == &vec![Weekday::Tue, Weekday::Thu] && pause_months == &vec![7]));
        assert!(a.check().is_ok());
        let again = Draft::from_activity(&a).build(a.meta.clone(), Map::new()).unwrap();
        assert_eq!(again, a);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Activity>(&json).unwrap(), a);
    }

    #[test]
    fn every_bad_field_gets_its_own_danish_error() {
        let d = Draft {
            title: "  ".into(),
            municipality: "Atlantis".into(),
            days: [false; 7],
            start: "25.00".into(),
            price: "gratis?".into(),
            web: "javascript:alert(1)".into(),
            email: "ikke en mail".into(),
            phone: "ring til mig".into(),
            ..Draft::default()
        };
        let e = d.build(meta(), Map::new()).unwrap_err();
        for key in ["title", "municipality", "days", "start", "price", "web", "email", "phone"] {
            assert!(e.contains_key(key), "{key}: {e:?}");
        }
        assert_eq!(e["web"], t::ERR_LINK);
    }

    #[test]
    fn end_before_start_is_an_error_on_end() {
        let d = Draft { start: "14.00".into(), end: "12.00".into(), ..good() };
        assert_eq!(d.build(meta(), Map::new()).unwrap_err()["end"], t::ERR_END_BEFORE_START);
    }

    #[test]
    fn dates_and_monthly_drafts() {
        let d = Draft { kind: KIND_DATES.into(), dates: "02-12-2026, 25-11-2026".into(), ..good() };
        let a = d.build(meta(), Map::new()).unwrap();
        assert!(
            matches!(&a.schedule, Schedule::Dates { dates, .. } if dates[0] == NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        );
        let bad = Draft { kind: KIND_DATES.into(), dates: "31-02-2026".into(), ..good() };
        assert!(bad.build(meta(), Map::new()).unwrap_err()["dates"].contains("31-02-2026"));
        let m = Draft { kind: KIND_MONTHLY.into(), nth: "-1".into(), month_day: 3, ..good() };
        let a = m.build(meta(), Map::new()).unwrap();
        assert_eq!(a.schedule.describe(), "Sidste torsdag i måneden kl. 10.00–12.00 (ikke i juli)");
    }

    #[test]
    fn imported_records_are_checked() {
        let mut a = good().build(meta(), Map::new()).unwrap();
        a.contact.web = "data:text/html,x".into();
        assert!(a.check().is_err());
        let mut b = good().build(meta(), Map::new()).unwrap();
        b.municipality = "Narnia".into();
        assert!(b.check().is_err());
        let mut c = good().build(meta(), Map::new()).unwrap();
        c.price_dkk = Some(f64::NAN);
        assert!(c.check().is_err());
    }

    #[test]
    fn prices_in_danish_notation() {
        assert_eq!(parse_price(""), Ok(None));
        assert_eq!(parse_price("gratis"), Ok(None));
        assert_eq!(parse_price("25"), Ok(Some(25.0)));
        assert_eq!(parse_price("25,5"), Ok(Some(25.5)));
        assert_eq!(parse_price("1.250,75 kr."), Ok(Some(1250.75)));
        assert!(parse_price("25.50.1,2,3").is_err());
        assert!(parse_price("-5").is_err());
        assert_eq!(parse_price("1,234"), Ok(Some(1234.0)), "three digits after one mark are thousands");
        assert_eq!(t::decimal_comma(1250.75), "1250,75");
    }

    #[test]
    fn dates_weekdays_and_months_in_danish() {
        assert_eq!(parse_date("25-11-2026"), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(parse_date("5.1.2027"), NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(parse_date("2026-11-25"), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(parse_date("25-11-26"), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(parse_weekday("Tor"), Some(Weekday::Thu));
        assert_eq!(parse_weekday("søndag"), Some(Weekday::Sun));
        assert_eq!(parse_month("jul."), Some(7));
        assert_eq!(parse_month("Marts"), Some(3));
        assert_eq!(parse_month("ju"), None);
    }

    #[test]
    fn unknown_fields_survive() {
        let a = good().build(meta(), Map::new()).unwrap();
        let mut v = serde_json::to_value(&a).unwrap();
        v["future_field"] = serde_json::json!({"x": 1});
        let back: Activity = serde_json::from_value(v).unwrap();
        assert_eq!(back.extra["future_field"]["x"], 1);
        assert!(serde_json::to_string(&back).unwrap().contains("future_field"));
    }

    #[test]
    fn prices_with_either_decimal_mark() {
        for (text, want) in [
            ("", None),
            ("gratis", None),
            ("0", None),
            ("0,00", None),
            ("25", Some(25.0)),
            ("25,50", Some(25.5)),
            ("25,5", Some(25.5)),
            ("25.50", Some(25.5)),
            ("1.250,50", Some(1250.5)),
            ("1,250.50", Some(1250.5)),
            ("1.250", Some(1250.0)),
            ("kr. 25", Some(25.0)),
            ("25 kr.", Some(25.0)),
            ("25,-", Some(25.0)),
            ("DKK 40,00", Some(40.0)),
        ] {
            assert_eq!(parse_price(text), Ok(want), "{text}");
        }
        for bad in ["en tier", "25,5x", "-5", "1234567", "25,505,5,5x"] {
            assert_eq!(parse_price(bad), Err(ActivityError::BadPrice), "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_price_reads_back_in_both_settings(cents in 1i64..=(MAX_PRICE as i64 * 100)) {
            let (kr, ore) = (cents / 100, cents % 100);
            let want = Ok(Some(cents as f64 / 100.0));
            proptest::prop_assert_eq!(parse_price(&format!("{kr},{ore:02}")), want.clone());
            proptest::prop_assert_eq!(parse_price(&format!("{kr}.{ore:02}")), want);
        }

    }
}
