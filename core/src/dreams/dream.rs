//! A dream: the concrete wish of an older person that runners can take.
//!
//! The lifecycle is open → taken → planned → fulfilled, cancelled from any
//! state, and a runner's "Slip igen" reopens a taken dream. Only part of it is
//! stored: the coordinator's [`Phase`] (active with an optional date,
//! fulfilled, cancelled) and the claims. "Taken" is *derived* from the number
//! of live claims, so it can never disagree with them. Transitions are only
//! reachable through [`Dream::stage`], whose variants offer exactly the moves
//! that make sense from that state; every move is stamped in the log with
//! time and who.
//!
//! Claims are small records of their own (id, rev, tombstone for a release),
//! so claims made on different devices all survive [`Record::join`]; the
//! dream's own fields follow the newest revision, and the coordinator's
//! private note about the dreamer joins on its own stamp, so a runner's copy
//! without it never erases it.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::record::merge::Record;
use crate::record::meta::{format_millis, parse_millis, DeviceId, Meta, Millis, RecordId, Rev};
use crate::record::object;
use crate::text::dates;
use crate::text::fields::{check_text, TextProblem};
use crate::text::privacy::find_cpr;

/// The most claims a dream may carry (keeps absurd files out).
pub const MAX_CLAIMS: usize = 200;
/// The most log entries a dream may carry.
pub const MAX_LOG: usize = 2_000;
/// The most runners one dream may ask for.
pub const MAX_RUNNERS: u8 = 20;
/// The longest expected duration accepted, in hours.
pub const MAX_HOURS: f64 = 72.0;

/// What kind of dream it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// A trip.
    Udflugt,
    /// Nature.
    Natur,
    /// Music.
    Musik,
    /// Food.
    Mad,
    /// Culture.
    Kultur,
    /// Exercise, movement.
    Bevaegelse,
    /// A visit.
    Besoeg,
    /// Anything else.
    Andet,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 8] = [
        Category::Udflugt,
        Category::Natur,
        Category::Musik,
        Category::Mad,
        Category::Kultur,
        Category::Bevaegelse,
        Category::Besoeg,
        Category::Andet,
    ];

    /// The stable slug used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Category::Udflugt => "udflugt",
            Category::Natur => "natur",
            Category::Musik => "musik",
            Category::Mad => "mad",
            Category::Kultur => "kultur",
            Category::Bevaegelse => "bevaegelse",
            Category::Besoeg => "besoeg",
            Category::Andet => "andet",
        }
    }

    /// The category for a slug (also accepts the Danish word); unknown → `None`.
    pub fn from_slug(s: &str) -> Option<Category> {
        let s = s.trim().to_lowercase();
        Category::ALL.into_iter().find(|c| c.slug() == s || c.label().to_lowercase() == s)
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Category {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // An unknown category from a newer version is read as "andet".
        Ok(Category::from_slug(&s).unwrap_or(Category::Andet))
    }
}

/// Part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartOfDay {
    /// Morning (until 12).
    Formiddag,
    /// Afternoon (12–17).
    Eftermiddag,
    /// Evening (from 17).
    Aften,
}

impl PartOfDay {
    /// All three, in order.
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Formiddag, PartOfDay::Eftermiddag, PartOfDay::Aften];

    /// The part of day a clock time falls in.
    pub fn of(time: NaiveTime) -> PartOfDay {
        use chrono::Timelike;
        match time.hour() {
            0..=11 => PartOfDay::Formiddag,
            12..=16 => PartOfDay::Eftermiddag,
            _ => PartOfDay::Aften,
        }
    }
}

/// Ældre Sagen's volunteer limits that every dream is checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Boundary {
    /// No handling of the dreamer's money.
    Penge,
    /// No medicine.
    Medicin,
    /// No keys to the dreamer's home.
    Noegler,
    /// No personal care or work needing professional training.
    Pleje,
    /// No task the municipality is obliged to do by law.
    Myndighed,
}

impl Boundary {
    /// Every boundary, in checklist order.
    pub const ALL: [Boundary; 5] =
        [Boundary::Penge, Boundary::Medicin, Boundary::Noegler, Boundary::Pleje, Boundary::Myndighed];
}

/// The coordinator's contact, shown to runners so they can reach them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coordinator {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Phone or e-mail.
    #[serde(default)]
    pub contact: String,
}

/// The planned date, with an optional start time (local Danish time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlannedFor {
    /// The day.
    pub date: NaiveDate,
    /// Start time, if agreed.
    pub time: Option<NaiveTime>,
}

impl PlannedFor {
    /// `2026-12-03` or `2026-12-03T10:00`.
    pub fn to_wire(self) -> String {
        match self.time {
            Some(tm) => format!("{}T{}", dates::iso(self.date), dates::hm(tm)),
            None => dates::iso(self.date),
        }
    }

    /// Reads the wire form back.
    pub fn parse(s: &str) -> Option<PlannedFor> {
        let s = s.trim();
        let (d, tm) = match s.split_once('T') {
            Some((d, tm)) => (d, Some(tm)),
            None => (s, None),
        };
        let date = dates::parse_iso(d)?;
        let time = match tm {
            Some(tm) => Some(dates::parse_hm(tm)?),
            None => None,
        };
        Some(PlannedFor { date, time })
    }
}

/// The part of the lifecycle the coordinator decides. Whether an active
/// dream is open or taken is derived from its claims.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Waiting for runners, or taken; maybe with a date set.
    Active {
        /// The agreed date, once planned.
        planned_for: Option<PlannedFor>,
    },
    /// It happened.
    Fulfilled {
        /// The date it happened, if one was planned.
        planned_for: Option<PlannedFor>,
        /// "Sådan gik det".
        outcome: String,
    },
    /// It will not happen.
    Cancelled {
        /// The date that had been planned, kept for the record.
        planned_for: Option<PlannedFor>,
        /// Why (may be empty).
        reason: String,
    },
}

/// What the board shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Needs (more) runners.
    Open,
    /// Enough runners have claimed it.
    Taken,
    /// Enough runners and a date.
    Planned,
    /// It happened.
    Fulfilled,
    /// It will not happen.
    Cancelled,
}

impl Status {
    /// The board's columns, in order.
    pub const ALL: [Status; 5] = [Status::Open, Status::Taken, Status::Planned, Status::Fulfilled, Status::Cancelled];

    /// The stable slug used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Taken => "taken",
            Status::Planned => "planned",
            Status::Fulfilled => "fulfilled",
            Status::Cancelled => "cancelled",
        }
    }

    /// The status for a slug.
    pub fn from_slug(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// A runner's claim on a dream: a small record of its own, so that claims
/// from different devices are all kept. Releasing it ("Slip igen") makes it a
/// tombstone with a newer revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Claim {
    /// Id, revision, tombstone (= released).
    #[serde(flatten, skip_deserializing, default = "object::no_meta")]
    pub meta: Meta,
    /// The runner's name.
    pub name: String,
    /// The runner's phone or e-mail.
    #[serde(default)]
    pub contact: String,
    /// When the claim was made.
    #[serde(with = "millis_text")]
    pub claimed_at: Millis,
    /// The device that made the claim: how a runner's own claim is found
    /// again (two runners may share a name). Absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<DeviceId>,
    /// Made while the dream asked for the coordinator's yes: it waits for
    /// a [`Decision`] (false for claims older than confirmation).
    #[serde(default, skip_serializing_if = "is_false")]
    pub awaiting: bool,
    /// "Jeg vil gerne være reserve"; false again once the place is taken.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reserve: bool,
    /// Entered by the coordinator for a runner who phoned.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_coordinator: bool,
    /// The runner's last "Jeg kan stadig" to a moved time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub still_ok: Option<Rev>,
    /// The coordinator's yes or no, joined on its own stamp (the runner's
    /// own changes never undo it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

object::impl_object!(Claim, without extra);

fn is_false(b: &bool) -> bool {
    !*b
}

/// The coordinator's answer to a claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Decision {
    /// When, and on which device.
    pub rev: Rev,
    /// Yes (confirmed) or no (declined).
    pub yes: bool,
    /// Why not (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Where a standing claim is, derived from the claim and the dream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimState {
    /// Has a place; the coordinator has not answered yet ("afventer koordinator").
    Waiting,
    /// Has a place.
    Confirmed,
    /// The coordinator said no, with a reason.
    Declined(String),
    /// In the reserve queue, at this place (1 = first).
    Reserve(usize),
    /// First in the queue and a place is free: offered it.
    Offered,
}

impl ClaimState {
    /// True while the claim holds one of the dream's places.
    pub fn holds_place(&self) -> bool {
        matches!(self, ClaimState::Waiting | ClaimState::Confirmed)
    }
}

/// What a new runner would get by signing up now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A place: "Jeg tager den".
    Place,
    /// The places are taken (or offered to reserves): "Jeg vil gerne være reserve".
    Reserve,
    /// Fulfilled or cancelled: no sign-up.
    Closed,
}

impl Claim {
    /// True while the claim stands (not released).
    pub fn is_live(&self) -> bool {
        !self.meta.deleted
    }

    /// The newer of two versions of one claim (equal stamps broken by
    /// content), with the newer of their coordinator's decisions.
    fn join(a: &Claim, b: &Claim) -> Claim {
        let mut out = match a.meta.rev.cmp(&b.meta.rev) {
            std::cmp::Ordering::Greater => a.clone(),
            std::cmp::Ordering::Less => b.clone(),
            std::cmp::Ordering::Equal => {
                let ja = serde_json::to_string(a).unwrap_or_default();
                let jb = serde_json::to_string(b).unwrap_or_default();
                if ja >= jb {
                    a.clone()
                } else {
                    b.clone()
                }
            }
        };
        out.decision = a.decision.clone().max(b.decision.clone());
        out
    }
}

/// The coordinator's private note about the dreamer (where they live, how
/// to reach the family). Never in the file for runners; joined on its own
/// stamp so a copy without it does not erase it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateNote {
    /// The note.
    pub text: String,
    /// When it was last written.
    pub rev: Rev,
}

impl PrivateNote {
    fn join(a: &Option<PrivateNote>, b: &Option<PrivateNote>) -> Option<PrivateNote> {
        match (a, b) {
            (None, x) | (x, None) => x.clone(),
            (Some(x), Some(y)) => Some(match x.rev.cmp(&y.rev) {
                std::cmp::Ordering::Greater => x.clone(),
                std::cmp::Ordering::Less => y.clone(),
                std::cmp::Ordering::Equal => {
                    if x.text >= y.text {
                        x.clone()
                    } else {
                        y.clone()
                    }
                }
            }),
        }
    }
}

/// What happened, for the log. On the wire it sits in the [`LogEntry`]'s
/// object: `"event"` names it, beside its fields (`"claim"`, `"date"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event {
    /// The dream was posted.
    Created,
    /// Its text was edited.
    Edited,
    /// A runner claimed it.
    Claimed {
        /// The claim.
        claim: RecordId,
    },
    /// A claim was released.
    Released {
        /// The claim.
        claim: RecordId,
    },
    /// A date was set or changed.
    Planned {
        /// The date, wire form.
        date: String,
    },
    /// It happened.
    Fulfilled,
    /// It was cancelled.
    Cancelled,
    /// A cancelled dream was opened again.
    Reopened,
    /// The coordinator confirmed a claim.
    Confirmed {
        /// The claim.
        claim: RecordId,
    },
    /// The coordinator declined a claim.
    Declined {
        /// The claim.
        claim: RecordId,
    },
    /// A runner said yes again to a moved time.
    StillOk {
        /// The claim.
        claim: RecordId,
    },
    /// A reserve took an offered place.
    TookPlace {
        /// The claim.
        claim: RecordId,
    },
    /// The dreamer's thank-you was added.
    Thanked,
}

/// One stamped transition: time (in the revision) and who.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// When, and on which device.
    pub rev: Rev,
    /// Who did it (a name).
    pub who: String,
    /// What happened.
    #[serde(flatten)]
    pub event: Event,
}

/// Read by hand rather than with a flattened, internally tagged derive,
/// which buffers every entry through serde's private `Content` type (size in
/// the wasm). Unknown keys are ignored, as the derive did.
impl<'de> Deserialize<'de> for LogEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(variant_identifier, rename_all = "lowercase")]
        enum Kind {
            Created,
            Edited,
            Claimed,
            Released,
            Planned,
            Fulfilled,
            Cancelled,
            Reopened,
            Confirmed,
            Declined,
            StillOk,
            TookPlace,
            Thanked,
        }
        let m = &mut object::read_map(d, "struct LogEntry", &["rev", "who", "event"])?;
        let rev = object::field(m, "rev")?;
        let who = object::field(m, "who")?;
        let event = match object::tag(m, "event")? {
            Kind::Created => Event::Created,
            Kind::Edited => Event::Edited,
            Kind::Claimed => Event::Claimed { claim: object::field(m, "claim")? },
            Kind::Released => Event::Released { claim: object::field(m, "claim")? },
            Kind::Planned => Event::Planned { date: object::field(m, "date")? },
            Kind::Fulfilled => Event::Fulfilled,
            Kind::Cancelled => Event::Cancelled,
            Kind::Reopened => Event::Reopened,
            Kind::Confirmed => Event::Confirmed { claim: object::field(m, "claim")? },
            Kind::Declined => Event::Declined { claim: object::field(m, "claim")? },
            Kind::StillOk => Event::StillOk { claim: object::field(m, "claim")? },
            Kind::TookPlace => Event::TookPlace { claim: object::field(m, "claim")? },
            Kind::Thanked => Event::Thanked,
        };
        Ok(LogEntry { rev, who, event })
    }
}

impl LogEntry {
    fn sort_key(&self) -> (Rev, String, Event) {
        (self.rev.clone(), self.who.clone(), self.event.clone())
    }
}

/// A dream as the app holds it. On the wire it is [`DreamWire`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DreamWire", into = "DreamWire")]
pub struct Dream {
    /// Id, revision, tombstone.
    pub meta: Meta,
    /// Short title, e.g. "Fisketur fra havnen".
    pub title: String,
    /// The story behind the dream.
    pub story: String,
    /// First name or initials of the dreamer only.
    pub dreamer: String,
    /// Optional age of the dreamer.
    pub dreamer_age: Option<u8>,
    /// Municipality.
    pub municipality: String,
    /// Place (town, area, harbour …), never a street address.
    pub place: String,
    /// First day of the time window; `None` with `window_to` `None` = "snarest".
    pub window_from: Option<NaiveDate>,
    /// Last day of the time window.
    pub window_to: Option<NaiveDate>,
    /// Parts of the day that suit the dreamer; empty = any.
    pub times: Vec<PartOfDay>,
    /// Expected duration in hours.
    pub duration_hours: f64,
    /// How many runners it needs.
    pub runners_needed: u8,
    /// Category.
    pub category: Category,
    /// Practical needs (bil, kørestol, to personer …).
    pub needs: Vec<String>,
    /// The coordinator's contact.
    pub coordinator: Coordinator,
    /// "Svar senest": the last day to answer.
    pub reply_by: Option<NaiveDate>,
    /// Boundaries the coordinator has confirmed the dream stays within.
    pub boundaries_ok: Vec<Boundary>,
    /// The coordinator's part of the lifecycle.
    pub phase: Phase,
    /// Claims by id, released ones included.
    pub claims: BTreeMap<RecordId, Claim>,
    /// Every transition, oldest first.
    pub log: Vec<LogEntry>,
    /// Private note about the dreamer; stripped for runners.
    pub private_note: Option<PrivateNote>,
    /// A runner's "Jeg tager den" waits for the coordinator's yes.
    pub confirm_claims: bool,
    /// What the runners must bring (car, wheelchair experience, …).
    pub skills: Vec<Skill>,
    /// When the coordinator last moved or lengthened the planned time: every
    /// runner who signed up before must say yes again.
    pub asked_again: Option<Rev>,
    /// "Tak fra Inger …", shown to the runners after the dream.
    pub thanks: String,
    /// Days after the dream ends before its private details are erased.
    pub erase_after_days: u16,
    /// When the private details were erased; once set, never unset, and no
    /// copy brings them back.
    pub erased_at: Option<Millis>,
    /// Fields this version does not know; kept so they survive a round trip.
    pub extra: Map<String, Value>,
}

/// The default number of days before a finished dream's private details go.
pub const ERASE_AFTER_DAYS: u16 = 30;

/// Something a dream needs its runners to bring.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skill {
    /// A car.
    Car,
    /// Experience with a wheelchair.
    Wheelchair,
    /// Can help lift.
    Lifting,
    /// Speaks this language.
    Language(String),
}

impl Skill {
    /// The wire form: `bil`, `koerestol`, `loeft`, `sprog:arabisk`.
    pub fn slug(&self) -> String {
        match self {
            Skill::Car => "bil".into(),
            Skill::Wheelchair => "koerestol".into(),
            Skill::Lifting => "loeft".into(),
            Skill::Language(l) => format!("sprog:{}", l.trim().to_lowercase()),
        }
    }

    /// The needs offered as checkboxes (a language is typed).
    pub fn checkboxes() -> [Skill; 3] {
        [Skill::Car, Skill::Wheelchair, Skill::Lifting]
    }

    /// The languages in a typed list ("arabisk, tegnsprog").
    pub fn languages(text: &str) -> Vec<Skill> {
        text.split([',', '\n']).filter_map(|l| Skill::from_slug(&format!("sprog:{l}"))).collect()
    }

    /// Reads the wire form; `None` for an unknown one.
    pub fn from_slug(s: &str) -> Option<Skill> {
        match s.trim() {
            "bil" => Some(Skill::Car),
            "koerestol" => Some(Skill::Wheelchair),
            "loeft" => Some(Skill::Lifting),
            other => other
                .strip_prefix("sprog:")
                .map(|l| l.trim().to_lowercase())
                .filter(|l| !l.is_empty())
                .map(Skill::Language),
        }
    }
}

impl Serialize for Skill {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.slug())
    }
}

impl<'de> Deserialize<'de> for Skill {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Skill::from_slug(&text).ok_or_else(|| serde::de::Error::custom(format!("ukendt behov: {text}")))
    }
}

/// The serialised form of a dream (export format v1).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct DreamWire {
    #[serde(flatten, skip_deserializing, default = "object::no_meta")]
    meta: Meta,
    title: String,
    #[serde(default)]
    story: String,
    #[serde(default)]
    dreamer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dreamer_age: Option<u8>,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    place: String,
    #[serde(default, deserialize_with = "crate::text::dates::de_opt_iso")]
    window_from: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::text::dates::de_opt_iso")]
    window_to: Option<NaiveDate>,
    #[serde(default)]
    times: Vec<PartOfDay>,
    #[serde(default = "one_hour")]
    duration_hours: f64,
    #[serde(default = "one_runner")]
    runners_needed: u8,
    #[serde(default = "other_category")]
    category: Category,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    coordinator: Coordinator,
    #[serde(default, deserialize_with = "crate::text::dates::de_opt_iso")]
    reply_by: Option<NaiveDate>,
    #[serde(default)]
    boundaries_ok: Vec<Boundary>,
    /// Derived on export; on import only fulfilled/cancelled/planned matter.
    #[serde(default = "open_status")]
    status: Status,
    #[serde(default)]
    planned_for: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cancel_reason: Option<String>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    log: Vec<LogEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    private_note: Option<PrivateNote>,
    #[serde(default, skip_serializing_if = "is_false")]
    confirm_claims: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skills: Vec<Skill>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    asked_again: Option<Rev>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    thanks: String,
    #[serde(default = "erase_days")]
    erase_after_days: u16,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_millis_text")]
    erased_at: Option<Millis>,
    #[serde(flatten, skip_deserializing)]
    extra: Map<String, Value>,
}

fn erase_days() -> u16 {
    ERASE_AFTER_DAYS
}

object::impl_object!(DreamWire);

fn one_hour() -> f64 {
    1.0
}
fn one_runner() -> u8 {
    1
}
fn other_category() -> Category {
    Category::Andet
}
fn open_status() -> Status {
    Status::Open
}

impl TryFrom<DreamWire> for Dream {
    type Error = String;
    fn try_from(w: DreamWire) -> Result<Self, String> {
        let planned_for = match &w.planned_for {
            None => None,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(PlannedFor::parse(s).ok_or_else(|| DreamError::BadPlannedFor(s.clone()).to_string())?),
        };
        let phase = match w.status {
            Status::Open | Status::Taken | Status::Planned => Phase::Active { planned_for },
            Status::Fulfilled => Phase::Fulfilled { planned_for, outcome: w.outcome.unwrap_or_default() },
            Status::Cancelled => Phase::Cancelled { planned_for, reason: w.cancel_reason.unwrap_or_default() },
        };
        if w.claims.len() > MAX_CLAIMS {
            return Err(DreamError::TooManyClaims.to_string());
        }
        if w.log.len() > MAX_LOG {
            return Err(DreamError::TooLongLog.to_string());
        }
        let mut claims = BTreeMap::new();
        for c in w.claims {
            let joined = match claims.get(&c.meta.id) {
                Some(old) => Claim::join(old, &c),
                None => c,
            };
            claims.insert(joined.meta.id, joined);
        }
        let mut log = w.log;
        normalise_log(&mut log);
        Ok(Dream {
            meta: w.meta,
            title: w.title,
            story: w.story,
            dreamer: w.dreamer,
            dreamer_age: w.dreamer_age,
            municipality: w.municipality,
            place: w.place,
            window_from: w.window_from,
            window_to: w.window_to,
            times: sorted_unique(w.times),
            duration_hours: w.duration_hours,
            runners_needed: w.runners_needed,
            category: w.category,
            needs: w.needs,
            coordinator: w.coordinator,
            reply_by: w.reply_by,
            boundaries_ok: sorted_unique(w.boundaries_ok),
            phase,
            claims,
            log,
            private_note: if w.erased_at.is_some() { None } else { w.private_note },
            confirm_claims: w.confirm_claims,
            skills: sorted_unique(w.skills),
            asked_again: w.asked_again,
            thanks: w.thanks,
            erase_after_days: w.erase_after_days,
            erased_at: w.erased_at,
            extra: w.extra,
        })
    }
}

impl From<Dream> for DreamWire {
    fn from(d: Dream) -> DreamWire {
        let status = d.status();
        let (planned_for, outcome, cancel_reason) = match d.phase {
            Phase::Active { planned_for } => (planned_for, None, None),
            Phase::Fulfilled { planned_for, outcome } => (planned_for, Some(outcome), None),
            Phase::Cancelled { planned_for, reason } => (planned_for, None, Some(reason)),
        };
        DreamWire {
            meta: d.meta,
            title: d.title,
            story: d.story,
            dreamer: d.dreamer,
            dreamer_age: d.dreamer_age,
            municipality: d.municipality,
            place: d.place,
            window_from: d.window_from,
            window_to: d.window_to,
            times: d.times,
            duration_hours: d.duration_hours,
            runners_needed: d.runners_needed,
            category: d.category,
            needs: d.needs,
            coordinator: d.coordinator,
            reply_by: d.reply_by,
            boundaries_ok: d.boundaries_ok,
            status,
            planned_for: planned_for.map(PlannedFor::to_wire),
            outcome,
            cancel_reason,
            claims: d.claims.into_values().collect(),
            log: d.log,
            private_note: d.private_note,
            confirm_claims: d.confirm_claims,
            skills: d.skills,
            asked_again: d.asked_again,
            thanks: d.thanks,
            erase_after_days: d.erase_after_days,
            erased_at: d.erased_at,
            extra: d.extra,
        }
    }
}

/// How a claim is added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NewClaim {
    /// To the reserve queue.
    pub reserve: bool,
    /// Entered by the coordinator.
    pub by_coordinator: bool,
}

fn declined(c: &Claim) -> bool {
    matches!(c.decision, Some(Decision { yes: false, .. }))
}

fn holds_place(c: &Claim) -> bool {
    c.is_live() && !c.reserve && !declined(c)
}

fn sorted_unique<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

fn normalise_log(log: &mut Vec<LogEntry>) {
    log.sort_by_cached_key(LogEntry::sort_key);
    log.dedup();
}

mod opt_millis_text {
    use super::*;
    pub fn serialize<S: Serializer>(ms: &Option<Millis>, s: S) -> Result<S::Ok, S::Error> {
        match ms {
            Some(ms) => s.serialize_str(&format_millis(*ms)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Millis>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_millis(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("ugyldigt tidsstempel: {text}"))),
        }
    }
}

mod millis_text {
    use super::*;
    pub fn serialize<S: Serializer>(ms: &Millis, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_millis(*ms))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Millis, D::Error> {
        let text = String::deserialize(d)?;
        parse_millis(&text).ok_or_else(|| serde::de::Error::custom(format!("ugyldigt tidsstempel: {text}")))
    }
}

/// Who makes a change and when: a fresh revision stamp and a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Act {
    /// A new stamp from the device's clock.
    pub rev: Rev,
    /// The person's name (coordinator or runner).
    pub who: String,
}

/// A runner about to claim a dream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runner {
    /// Name.
    pub name: String,
    /// Phone or e-mail.
    pub contact: String,
}

impl Dream {
    /// A new open dream with no claims; the caller fills the fields.
    pub fn new(act: &Act, id: RecordId) -> Dream {
        Dream {
            meta: Meta { id, rev: act.rev.clone(), deleted: false },
            title: String::new(),
            story: String::new(),
            dreamer: String::new(),
            dreamer_age: None,
            municipality: String::new(),
            place: String::new(),
            window_from: None,
            window_to: None,
            times: Vec::new(),
            duration_hours: 2.0,
            runners_needed: 1,
            category: Category::Andet,
            needs: Vec::new(),
            coordinator: Coordinator::default(),
            reply_by: None,
            boundaries_ok: Vec::new(),
            phase: Phase::Active { planned_for: None },
            claims: BTreeMap::new(),
            log: vec![LogEntry { rev: act.rev.clone(), who: act.who.clone(), event: Event::Created }],
            private_note: None,
            confirm_claims: false,
            skills: Vec::new(),
            asked_again: None,
            thanks: String::new(),
            erase_after_days: ERASE_AFTER_DAYS,
            erased_at: None,
            extra: Map::new(),
        }
    }

    /// The claims that stand (not released), declined and reserves
    /// included, oldest first.
    pub fn live_claims(&self) -> Vec<&Claim> {
        let mut v: Vec<&Claim> = self.claims.values().filter(|c| c.is_live()).collect();
        v.sort_by(|a, b| a.claimed_at.cmp(&b.claimed_at).then(a.meta.id.cmp(&b.meta.id)));
        v
    }

    /// The claims that hold a place (waiting for the coordinator or
    /// confirmed), oldest first.
    pub fn going(&self) -> Vec<&Claim> {
        self.live_claims().into_iter().filter(|c| holds_place(c)).collect()
    }

    /// The reserve queue, first in line first.
    pub fn reserves(&self) -> Vec<&Claim> {
        self.live_claims().into_iter().filter(|c| c.reserve && !declined(c)).collect()
    }

    /// Number of claims that hold a place.
    pub fn claim_count(&self) -> usize {
        self.claims.values().filter(|c| holds_place(c)).count()
    }

    /// Places not held by anyone (offered to the reserves first).
    pub fn free_places(&self) -> usize {
        self.runners_missing()
    }

    /// Where a claim stands now; `None` once released.
    pub fn claim_state(&self, claim: &Claim) -> Option<ClaimState> {
        if !claim.is_live() {
            return None;
        }
        if let Some(Decision { yes: false, reason, .. }) = &claim.decision {
            return Some(ClaimState::Declined(reason.clone()));
        }
        if claim.reserve {
            let place = self.reserves().iter().position(|c| c.meta.id == claim.meta.id).unwrap_or(0);
            let active = matches!(self.phase, Phase::Active { .. });
            return Some(if active && place < self.free_places() {
                ClaimState::Offered
            } else {
                ClaimState::Reserve(place + 1)
            });
        }
        Some(if claim.awaiting && claim.decision.is_none() { ClaimState::Waiting } else { ClaimState::Confirmed })
    }

    /// What a new runner gets by signing up now: a place only when one is
    /// free beyond those offered to the reserves.
    pub fn opening(&self) -> Opening {
        match self.phase {
            Phase::Active { .. } if self.free_places() > self.reserves().len() => Opening::Place,
            Phase::Active { .. } => Opening::Reserve,
            _ => Opening::Closed,
        }
    }

    /// True when this claim must say yes again to a moved or longer time.
    pub fn must_reconfirm(&self, claim: &Claim) -> bool {
        let Some(asked) = &self.asked_again else { return false };
        holds_place(claim)
            && matches!(self.phase, Phase::Active { .. })
            && claim.claimed_at < asked.at
            && claim.still_ok.as_ref().is_none_or(|ok| ok < asked)
    }

    /// True when enough runners have claimed it.
    pub fn has_enough_runners(&self) -> bool {
        self.claim_count() >= usize::from(self.runners_needed.max(1))
    }

    /// How many more runners it needs (0 when enough).
    pub fn runners_missing(&self) -> usize {
        usize::from(self.runners_needed.max(1)).saturating_sub(self.claim_count())
    }

    /// More claims than runners needed: the coordinator must sort it out.
    pub fn is_overbooked(&self) -> bool {
        self.claim_count() > usize::from(self.runners_needed.max(1))
    }

    /// The planned date, if any (kept after fulfilment or cancellation).
    pub fn planned_for(&self) -> Option<PlannedFor> {
        match &self.phase {
            Phase::Active { planned_for }
            | Phase::Fulfilled { planned_for, .. }
            | Phase::Cancelled { planned_for, .. } => *planned_for,
        }
    }

    /// The status the board shows, derived from the phase and the claims.
    pub fn status(&self) -> Status {
        match &self.phase {
            Phase::Cancelled { .. } => Status::Cancelled,
            Phase::Fulfilled { .. } => Status::Fulfilled,
            Phase::Active { planned_for } => match (self.has_enough_runners(), planned_for) {
                (true, Some(_)) => Status::Planned,
                (true, None) => Status::Taken,
                (false, _) => Status::Open,
            },
        }
    }

    /// Past its "svar senest" day with too few runners.
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.status() == Status::Open && self.reply_by.is_some_and(|d| d < today)
    }

    /// The boundaries not confirmed: a dream with any is flagged.
    pub fn boundaries_missing(&self) -> Vec<Boundary> {
        Boundary::ALL.into_iter().filter(|b| !self.boundaries_ok.contains(b)).collect()
    }

    /// Flagged: a boundary is not confirmed, so it is not published silently.
    pub fn is_flagged(&self) -> bool {
        !self.boundaries_missing().is_empty()
    }

    /// The standing claim made on `device`: this runner's own claim, found
    /// by the device that made it, never by the name typed. A claim from a
    /// file older than the `device` field is found by the device of its
    /// revision: only the runner's own device writes a claim that stands.
    pub fn claim_of(&self, device: &DeviceId) -> Option<&Claim> {
        self.live_claims()
            .into_iter()
            .find(|c| !c.by_coordinator && c.device.as_ref().unwrap_or(&c.meta.rev.by) == device)
    }

    /// When the dream was posted (its first log entry, else its revision).
    pub fn created_at(&self) -> Millis {
        self.log.iter().find(|e| e.event == Event::Created).map(|e| e.rev.at).unwrap_or(self.meta.rev.at)
    }

    /// When it was last marked fulfilled.
    pub fn fulfilled_at(&self) -> Option<Millis> {
        if !matches!(self.phase, Phase::Fulfilled { .. }) {
            return None;
        }
        self.log.iter().rev().find(|e| e.event == Event::Fulfilled).map(|e| e.rev.at)
    }

    /// The day that matters most for the runner: "svar senest", else the
    /// end of the window; `None` for "snarest" without a deadline.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.reply_by.or(self.window_to)
    }

    /// The moves that make sense from here, as a typed handle.
    pub fn stage(&mut self) -> Stage<'_> {
        match self.status() {
            Status::Open => Stage::Open(OpenDream(self)),
            Status::Taken => Stage::Taken(TakenDream(self)),
            Status::Planned => Stage::Planned(PlannedDream(self)),
            Status::Fulfilled => Stage::Fulfilled(FulfilledDream(self)),
            Status::Cancelled => Stage::Cancelled(CancelledDream(self)),
        }
    }

    fn log(&mut self, act: &Act, event: Event) {
        self.log.push(LogEntry { rev: act.rev.clone(), who: act.who.clone(), event });
        normalise_log(&mut self.log);
    }

    /// A change to the dream's own fields: new revision and a log line.
    fn touch(&mut self, act: &Act, event: Event) {
        self.meta.rev = act.rev.clone();
        self.log(act, event);
    }

    /// A log line for a change that is not the dream's own fields.
    pub(crate) fn log_event(&mut self, act: &Act, event: Event) {
        self.log(act, event);
    }

    /// A change to the dream's own fields with its log line.
    pub(crate) fn touch_with(&mut self, act: &Act, event: Event) {
        self.touch(act, event);
    }

    /// Records an edit of the text fields (the caller changed them).
    pub fn edited(&mut self, act: &Act) {
        self.touch(act, Event::Edited);
    }

    /// Sets or clears the private note; once the private details are
    /// erased, a note is no longer kept.
    pub fn set_private_note(&mut self, rev: Rev, text: String) {
        if self.erased_at.is_none() {
            self.private_note = Some(PrivateNote { text, rev });
        }
    }

    /// Deletes the dream (a tombstone that travels).
    pub fn delete(&mut self, act: &Act) {
        self.meta.rev = act.rev.clone();
        self.meta.deleted = true;
    }

    /// Adds a claim: a place or a reserve's, by the runner or entered by
    /// the coordinator (then confirmed at once, and no device's own).
    pub(crate) fn add_claim(&mut self, act: &Act, id: RecordId, runner: Runner, how: NewClaim) {
        let by_coordinator = how.by_coordinator;
        let claim = Claim {
            meta: Meta { id, rev: act.rev.clone(), deleted: false },
            name: runner.name,
            contact: runner.contact,
            claimed_at: act.rev.at,
            device: (!by_coordinator).then(|| act.rev.by.clone()),
            awaiting: self.confirm_claims && !by_coordinator,
            reserve: how.reserve,
            by_coordinator,
            still_ok: None,
            decision: by_coordinator.then(|| Decision { rev: act.rev.clone(), yes: true, reason: String::new() }),
        };
        self.claims.insert(id, claim);
        self.log(act, Event::Claimed { claim: id });
    }

    /// A runner's own change to their claim (a new stamp on the runner's side).
    pub(crate) fn change_claim(&mut self, act: &Act, id: RecordId, f: impl FnOnce(&mut Claim)) -> bool {
        match self.claims.get_mut(&id) {
            Some(c) if c.is_live() => {
                f(c);
                c.meta.rev = act.rev.clone();
                true
            }
            _ => false,
        }
    }

    /// The coordinator's yes or no to a claim (its own stamp).
    pub(crate) fn decide(&mut self, act: &Act, id: RecordId, yes: bool, reason: String) -> bool {
        match self.claims.get_mut(&id) {
            Some(c) if c.is_live() => {
                c.decision = Some(Decision { rev: act.rev.clone(), yes, reason });
                let event = if yes { Event::Confirmed { claim: id } } else { Event::Declined { claim: id } };
                self.log(act, event);
                true
            }
            _ => false,
        }
    }

    fn release_claim(&mut self, act: &Act, id: RecordId) -> bool {
        match self.claims.get_mut(&id) {
            Some(c) if c.is_live() => {
                c.meta.deleted = true;
                c.meta.rev = act.rev.clone();
                self.log(act, Event::Released { claim: id });
                true
            }
            _ => false,
        }
    }

    fn cancel_now(&mut self, act: &Act, reason: String) {
        let planned_for = self.planned_for();
        self.phase = Phase::Cancelled { planned_for, reason };
        self.touch(act, Event::Cancelled);
    }

    fn plan_now(&mut self, act: &Act, when: PlannedFor) {
        if self.planned_for().is_some_and(|old| old != when) && !self.going().is_empty() {
            self.asked_again = Some(act.rev.clone());
        }
        self.phase = Phase::Active { planned_for: Some(when) };
        self.touch(act, Event::Planned { date: when.to_wire() });
    }
}

/// A dream in one state of its lifecycle, offering only that state's moves.
pub enum Stage<'a> {
    /// Needs runners.
    Open(OpenDream<'a>),
    /// Enough runners, no date yet.
    Taken(TakenDream<'a>),
    /// Enough runners and a date.
    Planned(PlannedDream<'a>),
    /// Done.
    Fulfilled(FulfilledDream<'a>),
    /// Called off.
    Cancelled(CancelledDream<'a>),
}

/// An open dream: it can be claimed, a claim released, or it can be cancelled.
pub struct OpenDream<'a>(&'a mut Dream);
/// A taken dream: a date can be set, a claim released, or it can be cancelled.
pub struct TakenDream<'a>(&'a mut Dream);
/// A planned dream: fulfilled, re-planned, a claim released, or cancelled.
pub struct PlannedDream<'a>(&'a mut Dream);
/// A fulfilled dream: only its story can be amended.
pub struct FulfilledDream<'a>(&'a mut Dream);
/// A cancelled dream: it can be opened again.
pub struct CancelledDream<'a>(&'a mut Dream);

impl OpenDream<'_> {
    /// "Jeg tager den": a new claim with its own id.
    pub fn claim(self, act: &Act, id: RecordId, runner: Runner) {
        self.0.add_claim(act, id, runner, NewClaim::default());
    }
    /// "Slip igen" of a partial claim; false when no such live claim.
    pub fn release(self, act: &Act, claim: RecordId) -> bool {
        self.0.release_claim(act, claim)
    }
    /// Call it off.
    pub fn cancel(self, act: &Act, reason: String) {
        self.0.cancel_now(act, reason);
    }
}

impl TakenDream<'_> {
    /// Set the agreed date.
    pub fn plan(self, act: &Act, when: PlannedFor) {
        self.0.plan_now(act, when);
    }
    /// "Slip igen": the dream opens again.
    pub fn release(self, act: &Act, claim: RecordId) -> bool {
        self.0.release_claim(act, claim)
    }
    /// Call it off.
    pub fn cancel(self, act: &Act, reason: String) {
        self.0.cancel_now(act, reason);
    }
}

impl PlannedDream<'_> {
    /// It happened: "sådan gik det".
    pub fn fulfil(self, act: &Act, outcome: String) {
        let planned_for = self.0.planned_for();
        self.0.phase = Phase::Fulfilled { planned_for, outcome };
        self.0.touch(act, Event::Fulfilled);
    }
    /// Move the date.
    pub fn replan(self, act: &Act, when: PlannedFor) {
        self.0.plan_now(act, when);
    }
    /// "Slip igen": the dream opens again (the date is kept as a suggestion).
    pub fn release(self, act: &Act, claim: RecordId) -> bool {
        self.0.release_claim(act, claim)
    }
    /// Call it off.
    pub fn cancel(self, act: &Act, reason: String) {
        self.0.cancel_now(act, reason);
    }
}

impl FulfilledDream<'_> {
    /// Amend "sådan gik det".
    pub fn set_outcome(self, act: &Act, outcome: String) {
        if let Phase::Fulfilled { outcome: o, .. } = &mut self.0.phase {
            *o = outcome;
        }
        self.0.touch(act, Event::Edited);
    }
}

impl CancelledDream<'_> {
    /// Open it again; the planned date is kept.
    pub fn reopen(self, act: &Act) {
        let planned_for = self.0.planned_for();
        self.0.phase = Phase::Active { planned_for };
        self.0.touch(act, Event::Reopened);
    }
}

/// The dream's own fields, for breaking a tie between equal revisions
/// without looking at claims, log or private note.
fn own_fields_key(d: &Dream) -> String {
    let mut bare = d.clone();
    bare.claims.clear();
    bare.log.clear();
    bare.private_note = None;
    bare.erased_at = None;
    serde_json::to_string(&bare).unwrap_or_default()
}

impl Record for Dream {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn label(&self) -> String {
        self.title.clone()
    }

    fn check(&self) -> Result<(), String> {
        self.validate().map_err(|e| e.to_string())
    }

    fn join(a: &Self, b: &Self) -> Self {
        use std::cmp::Ordering::*;
        let base = match a.meta.rev.cmp(&b.meta.rev) {
            Greater => a,
            Less => b,
            Equal => {
                if own_fields_key(a) >= own_fields_key(b) {
                    a
                } else {
                    b
                }
            }
        };
        let mut out = base.clone();
        for c in a.claims.values().chain(b.claims.values()) {
            let joined = match out.claims.get(&c.meta.id) {
                Some(old) => Claim::join(old, c),
                None => c.clone(),
            };
            out.claims.insert(joined.meta.id, joined);
        }
        let mut log = a.log.clone();
        log.extend(b.log.iter().cloned());
        normalise_log(&mut log);
        out.log = log;
        out.erased_at = a.erased_at.max(b.erased_at);
        out.private_note = match out.erased_at {
            Some(_) => None,
            None => PrivateNote::join(&a.private_note, &b.private_note),
        };
        out
    }
}

/// A free-text field of a dream (its Danish name is in `da.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    /// The title.
    Title,
    /// The story.
    Story,
    /// The dreamer's first name.
    Dreamer,
    /// The municipality.
    Municipality,
    /// The place.
    Place,
    /// The coordinator's name.
    CoordName,
    /// The coordinator's contact.
    CoordContact,
    /// One practical need.
    Needs,
    /// "Sådan gik det".
    Outcome,
    /// Why it was cancelled.
    Reason,
    /// The coordinator's private note.
    Private,
    /// A runner's name.
    RunnerName,
    /// A runner's contact.
    RunnerContact,
    /// Why a claim was declined.
    DeclineReason,
    /// The dreamer's thank-you.
    Thanks,
}

/// Why a dream (from the form, a file or a link) cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DreamError {
    /// A text field is too long or carries control characters.
    Text(TextField, TextProblem),
    /// The title is over 200 characters.
    TitleTooLong,
    /// A text looks like a CPR number.
    Cpr(TextField),
    /// The duration is not between 0 and 72 hours.
    BadHours,
    /// The number of runners is not 1–20.
    BadRunners,
    /// "Fra dato" is after "Til dato".
    WindowBackwards,
    /// The planned date cannot be read.
    BadPlannedFor(String),
    /// More claims than a dream may carry.
    TooManyClaims,
    /// A longer history than a dream may carry.
    TooLongLog,
}

impl Dream {
    /// Every rule a stored or imported dream must keep.
    pub fn validate(&self) -> Result<(), DreamError> {
        check_text(&self.title).map_err(|p| DreamError::Text(TextField::Title, p))?;
        if self.title.chars().count() > 200 {
            return Err(DreamError::TitleTooLong);
        }
        for (field, value) in self.texts() {
            check_text(value).map_err(|p| DreamError::Text(field, p))?;
            if find_cpr(value).is_some() {
                return Err(DreamError::Cpr(field));
            }
        }
        if !(self.duration_hours.is_finite() && self.duration_hours > 0.0 && self.duration_hours <= MAX_HOURS) {
            return Err(DreamError::BadHours);
        }
        if self.runners_needed == 0 || self.runners_needed > MAX_RUNNERS {
            return Err(DreamError::BadRunners);
        }
        if let (Some(a), Some(b)) = (self.window_from, self.window_to) {
            if a > b {
                return Err(DreamError::WindowBackwards);
            }
        }
        Ok(())
    }

    /// Every free-text field with which field it is (for checks).
    pub fn texts(&self) -> Vec<(TextField, &str)> {
        let mut v = vec![
            (TextField::Title, self.title.as_str()),
            (TextField::Story, self.story.as_str()),
            (TextField::Dreamer, self.dreamer.as_str()),
            (TextField::Municipality, self.municipality.as_str()),
            (TextField::Place, self.place.as_str()),
            (TextField::CoordName, self.coordinator.name.as_str()),
            (TextField::CoordContact, self.coordinator.contact.as_str()),
        ];
        for n in &self.needs {
            v.push((TextField::Needs, n.as_str()));
        }
        match &self.phase {
            Phase::Fulfilled { outcome, .. } => v.push((TextField::Outcome, outcome.as_str())),
            Phase::Cancelled { reason, .. } => v.push((TextField::Reason, reason.as_str())),
            Phase::Active { .. } => {}
        }
        if let Some(n) = &self.private_note {
            v.push((TextField::Private, n.text.as_str()));
        }
        for c in self.claims.values() {
            v.push((TextField::RunnerName, c.name.as_str()));
            v.push((TextField::RunnerContact, c.contact.as_str()));
            if let Some(d) = &c.decision {
                v.push((TextField::DeclineReason, d.reason.as_str()));
            }
        }
        v.push((TextField::Thanks, self.thanks.as_str()));
        for s in &self.skills {
            if let Skill::Language(l) = s {
                v.push((TextField::Needs, l.as_str()));
            }
        }
        v
    }
}

/// The calendar year of a millisecond time (UTC; close enough for counts).
pub fn year_of(ms: Millis) -> i32 {
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.year()).unwrap_or(1970)
}

/// The coordinator's counts for one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Open now (posted this year).
    pub open: usize,
    /// Taken now (posted this year).
    pub taken: usize,
    /// Planned now (posted this year).
    pub planned: usize,
    /// Fulfilled this year.
    pub fulfilled: usize,
}

/// Counts of open, taken, planned (posted in `year`) and fulfilled (in `year`).
pub fn counts<'a>(dreams: impl IntoIterator<Item = &'a Dream>, year: i32) -> Counts {
    let mut c = Counts::default();
    for d in dreams.into_iter().filter(|d| !d.meta.deleted) {
        let posted = year_of(d.created_at()) == year;
        match d.status() {
            Status::Open if posted => c.open += 1,
            Status::Taken if posted => c.taken += 1,
            Status::Planned if posted => c.planned += 1,
            Status::Fulfilled if d.fulfilled_at().map(year_of) == Some(year) => c.fulfilled += 1,
            _ => {}
        }
    }
    c
}
