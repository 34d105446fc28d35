//! A SKAL-eller-KAN workshop session: its cards (`tasks`), the ballots
//! (`responses`, one per participant alias and card), the notes typed during
//! the discussion, show-of-hands tallies and the branch's reflections.
//!
//! Merging: the session header (title, date, cards, tombstone) is last writer
//! wins by the record's revision; every ballot, note, tally and reflection is
//! keyed and carries its own revision, so answer files from many participants
//! merge into one session and a re-imported file replaces, never double counts.
//! The join is a semilattice (commutative, associative, idempotent); see
//! `tests/assessment_merge.rs`.

use std::collections::BTreeSet;

use serde::de::{DeserializeOwned, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::assessment::cards::{Answer, Card, Check, Position};
use crate::assessment::verdict::Checks;
use crate::record::merge::Record;
use crate::record::meta::{Meta, Rev};
use crate::record::object;
use crate::text::fields::check_field;
use crate::text::fields::{check_text, TextProblem};
use std::collections::BTreeMap;

/// The most cards in one session.
pub const MAX_CARDS: usize = 200;
/// The most ballots in one session.
pub const MAX_RESPONSES: usize = 50_000;
/// The longest participant alias (characters).
pub const MAX_ALIAS_CHARS: usize = 40;
/// The longest card id (characters).
pub const MAX_CARD_ID_CHARS: usize = 80;
/// The largest number of hands for one step.
pub const MAX_HANDS: u32 = 100_000;

/// A keyed item with its own revision, merged by newest revision.
pub trait Keyed: Clone + Serialize {
    /// The key it is merged under.
    type Key: Ord + Clone;
    /// Its key.
    fn key(&self) -> Self::Key;
    /// Its revision.
    fn rev(&self) -> &Rev;
}

/// The newer of two items with the same key; ties broken by their JSON so
/// the choice never depends on argument order.
pub fn newer<V: Keyed>(a: &V, b: &V) -> V {
    use std::cmp::Ordering::*;
    match a.rev().cmp(b.rev()) {
        Greater => a.clone(),
        Less => b.clone(),
        Equal => {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            if ja >= jb {
                a.clone()
            } else {
                b.clone()
            }
        }
    }
}

/// The union of two keyed maps, newest per key.
pub fn union<V: Keyed>(a: &BTreeMap<V::Key, V>, b: &BTreeMap<V::Key, V>) -> BTreeMap<V::Key, V> {
    let mut out = a.clone();
    for item in b.values() {
        put(&mut out, item.clone());
    }
    out
}

/// Puts one item into a keyed map, keeping the newer when the key exists.
pub fn put<V: Keyed>(map: &mut BTreeMap<V::Key, V>, item: V) {
    let k = item.key();
    let joined = match map.get(&k) {
        Some(mine) => newer(mine, &item),
        None => item,
    };
    map.insert(k, joined);
}

fn ser_keyed<S: Serializer, V: Keyed>(map: &BTreeMap<V::Key, V>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(map.values())
}

fn de_keyed<'de, D: Deserializer<'de>, V: Keyed + DeserializeOwned>(d: D) -> Result<BTreeMap<V::Key, V>, D::Error> {
    let items: Vec<V> = Vec::deserialize(d)?;
    // As putting them one by one (the newer of two with one key).
    let mut map = BTreeMap::new();
    for item in items {
        put(&mut map, item);
    }
    Ok(map)
}

/// The longest comment on a ballot (characters).
pub const MAX_COMMENT_CHARS: usize = 2_000;
/// The most hands the facilitator can type for one step (three digits).
pub const MAX_TYPED_HANDS: u32 = 999;

/// One change to a ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BallotChange {
    /// Place the card on the scale.
    Position(Position),
    /// Answer one check.
    Check(Check, Answer),
    /// The free comment.
    Comment(String),
}

/// Why a change to a session was refused (nothing changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// No participant alias.
    NoAlias,
    /// The card is not in this session.
    UnknownCard,
    /// The session itself is no longer on this device (deleted, perhaps in
    /// another tab).
    Gone,
    /// A text is too long or carries control characters.
    Text(TextProblem),
    /// The reveal threshold is not a whole number 1–50.
    BadMin,
    /// The card timer is not a whole number of minutes 0–60.
    BadTimer,
    /// A count of hands (step 0–4 of the scale) is not a whole number 0–999.
    BadCount {
        /// The step of the scale, 0 = "Klart SKAL".
        step: usize,
    },
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::assessment::da::ui;
        match self {
            SessionError::NoAlias => f.write_str(ui::ALIAS_REQUIRED),
            SessionError::UnknownCard => f.write_str(ui::UNKNOWN_CARD),
            SessionError::Gone => f.write_str(ui::SESSION_GONE),
            SessionError::Text(p) => f.write_str(&crate::text::fields::text_problem(ui::COMMENT, *p)),
            SessionError::BadCount { .. } => f.write_str(ui::BAD_NUMBER),
            SessionError::BadMin => f.write_str(ui::BAD_MIN),
            SessionError::BadTimer => f.write_str(ui::BAD_TIMER),
        }
    }
}

/// One participant's ballot for one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    /// The participant's alias (anonymous).
    pub participant: String,
    /// The card id.
    pub card: String,
    /// Position on the scale, if placed.
    #[serde(default)]
    pub position: Option<Position>,
    /// Answers to the checks, by key.
    #[serde(default)]
    pub checks: Checks,
    /// Free comment.
    #[serde(default)]
    pub comment: String,
    /// The round of voting on the card (1 unless "Stem igen" opened another).
    #[serde(default = "first_round", skip_serializing_if = "is_first_round")]
    pub round: u8,
    /// Its own revision.
    pub rev: Rev,
}

fn first_round() -> u8 {
    1
}

fn is_first_round(r: &u8) -> bool {
    *r == 1
}

/// A ballot's key: participant, card and round.
pub type BallotKey = (String, String, u8);

impl Keyed for Response {
    type Key = BallotKey;
    fn key(&self) -> Self::Key {
        (self.participant.clone(), self.card.clone(), self.round)
    }
    fn rev(&self) -> &Rev {
        &self.rev
    }
}

impl Response {
    /// True when nothing has been answered.
    pub fn is_blank(&self) -> bool {
        self.position.is_none() && self.checks.is_empty() && self.comment.trim().is_empty()
    }
    /// The answer to a check.
    pub fn answer(&self, key: &str) -> Option<Answer> {
        self.checks.get(key).copied()
    }
}

/// The notes typed during the discussion of one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The card id.
    pub card: String,
    /// The text.
    pub text: String,
    /// Its own revision.
    pub rev: Rev,
}

impl Keyed for Note {
    type Key = String;
    fn key(&self) -> String {
        self.card.clone()
    }
    fn rev(&self) -> &Rev {
        &self.rev
    }
}

/// A show of hands for one card: hands per step of the scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The card id.
    pub card: String,
    /// Hands for "Klart SKAL" … "Klart KAN".
    pub counts: [u32; 5],
    /// Its own revision.
    pub rev: Rev,
}

impl Keyed for Tally {
    type Key = String;
    fn key(&self) -> String {
        self.card.clone()
    }
    fn rev(&self) -> &Rev {
        &self.rev
    }
}

/// The branch's answer to one reflection section of seed 000.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// The section id.
    pub section: String,
    /// The text.
    pub text: String,
    /// Its own revision.
    pub rev: Rev,
}

impl Keyed for Reflection {
    type Key = String;
    fn key(&self) -> String {
        self.section.clone()
    }
    fn rev(&self) -> &Rev {
        &self.rev
    }
}

/// The round of voting open on one card ("Stem igen" opens the next).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The card id.
    pub card: String,
    /// The round now open (2 or more).
    pub round: u8,
    /// Its own revision.
    pub rev: Rev,
}

impl Keyed for Round {
    type Key = String;
    fn key(&self) -> String {
        self.card.clone()
    }
    fn rev(&self) -> &Rev {
        &self.rev
    }
}

/// When the projector shows a card's result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RevealMode {
    /// When the facilitator reveals it (space or the button).
    #[default]
    Hand,
    /// As soon as everyone known has answered.
    All,
    /// When the card's timer ends.
    Timer,
}

impl RevealMode {
    /// Every rule, in the form's order.
    pub const ALL: [RevealMode; 3] = [RevealMode::Hand, RevealMode::All, RevealMode::Timer];

    /// Its stable slug (the file's value and the form's).
    pub fn slug(self) -> &'static str {
        match self {
            RevealMode::Hand => "hand",
            RevealMode::All => "all",
            RevealMode::Timer => "timer",
        }
    }

    /// The rule of a slug.
    pub fn from_slug(s: &str) -> Option<RevealMode> {
        RevealMode::ALL.into_iter().find(|m| m.slug() == s)
    }

    /// The form's Danish label.
    pub fn label(self) -> &'static str {
        crate::assessment::da::ui::REVEAL_MODES[self as usize]
    }
}

/// The workshop's reveal rule and card timer, joined on its own stamp.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// When to reveal.
    #[serde(default)]
    pub reveal: RevealMode,
    /// Never reveal with fewer answers than this (anonymity).
    #[serde(default = "default_min")]
    pub min_answers: u8,
    /// Seconds on each card's timer (0 = no timer).
    #[serde(default)]
    pub timer_secs: u16,
    /// Its own revision.
    pub rev: Rev,
}

/// The fewest answers a result is ever shown with.
pub const MIN_ANSWERS: u8 = 3;

fn default_min() -> u8 {
    MIN_ANSWERS
}

/// A workshop session as stored and exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Assessment {
    /// Id, revision (of the header), tombstone.
    #[serde(flatten, skip_deserializing, default = "object::no_meta")]
    pub meta: Meta,
    /// Name of the session.
    pub title: String,
    /// Date (YYYY-MM-DD), or empty.
    #[serde(default)]
    pub date: String,
    /// The cards, in the order they are discussed.
    #[serde(default)]
    pub tasks: Vec<Card>,
    /// The ballots, one per participant and card.
    #[serde(default, serialize_with = "ser_keyed", deserialize_with = "de_keyed")]
    pub responses: BTreeMap<BallotKey, Response>,
    /// Notes per card.
    #[serde(default, serialize_with = "ser_keyed", deserialize_with = "de_keyed")]
    pub notes: BTreeMap<String, Note>,
    /// Show-of-hands tallies per card.
    #[serde(default, serialize_with = "ser_keyed", deserialize_with = "de_keyed")]
    pub tallies: BTreeMap<String, Tally>,
    /// Reflections per section.
    #[serde(default, serialize_with = "ser_keyed", deserialize_with = "de_keyed")]
    pub reflections: BTreeMap<String, Reflection>,
    /// The round open per card, where "Stem igen" opened one.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "ser_keyed",
        deserialize_with = "de_keyed"
    )]
    pub rounds: BTreeMap<String, Round>,
    /// The reveal rule and timer, once the facilitator set them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Rules>,
    /// Fields this version does not know; kept so they survive a round trip.
    #[serde(flatten, skip_deserializing)]
    pub extra: Map<String, Value>,
}

object::impl_object!(Assessment);

impl Assessment {
    /// A new session with the given cards.
    pub fn new(meta: Meta, title: &str, date: &str, tasks: Vec<Card>) -> Self {
        Assessment {
            meta,
            title: title.trim().to_string(),
            date: date.trim().to_string(),
            tasks,
            responses: BTreeMap::new(),
            notes: BTreeMap::new(),
            tallies: BTreeMap::new(),
            reflections: BTreeMap::new(),
            rounds: BTreeMap::new(),
            rules: None,
            extra: Map::new(),
        }
    }

    /// The round open on a card (1 until "Stem igen").
    pub fn round_of(&self, card: &str) -> u8 {
        self.rounds.get(card).map(|r| r.round).unwrap_or(1)
    }

    /// The ballots of one round of a card that say something.
    pub fn ballots_in<'a>(&'a self, card: &'a str, round: u8) -> impl Iterator<Item = &'a Response> + 'a {
        self.responses.values().filter(move |r| r.card == card && r.round == round && !r.is_blank())
    }

    /// "Stem igen": opens the next round of voting on a card.
    pub fn open_round(&mut self, card: &str, rev: Rev) -> Result<u8, SessionError> {
        if self.card(card).is_none() {
            return Err(SessionError::UnknownCard);
        }
        let round = self.round_of(card).saturating_add(1);
        put(&mut self.rounds, Round { card: card.to_string(), round, rev });
        Ok(round)
    }

    /// The reveal rule and timer in force (the defaults until set).
    pub fn rules(&self) -> Rules {
        self.rules.clone().unwrap_or(Rules {
            reveal: RevealMode::Hand,
            min_answers: MIN_ANSWERS,
            timer_secs: 0,
            rev: Rev { at: 0, n: 0, by: crate::record::meta::DeviceId(String::new()) },
        })
    }

    /// Sets the reveal rule and timer from the facilitator's form: the
    /// threshold as typed (1–50) and the timer in whole minutes (0–60).
    pub fn set_rules(&mut self, reveal: RevealMode, min: &str, minutes: &str, rev: Rev) -> Result<(), SessionError> {
        let min_answers = match min.trim().parse::<u8>() {
            Ok(n) if (1..=50).contains(&n) => n,
            _ => return Err(SessionError::BadMin),
        };
        let timer_secs = match minutes.trim() {
            "" => 0,
            m => match m.parse::<u16>() {
                Ok(n) if n <= 60 => n * 60,
                _ => return Err(SessionError::BadTimer),
            },
        };
        self.rules = Some(Rules { reveal, min_answers, timer_secs, rev });
        Ok(())
    }

    /// The card with this id, if it is in the session.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.tasks.iter().find(|c| c.id == id)
    }

    /// The ballots for one card's open round that say something.
    pub fn ballots_for<'a>(&'a self, card: &'a str) -> impl Iterator<Item = &'a Response> + 'a {
        self.ballots_in(card, self.round_of(card))
    }

    /// One participant's ballot for one card's open round.
    pub fn response(&self, participant: &str, card: &str) -> Option<&Response> {
        self.responses.get(&(participant.to_string(), card.to_string(), self.round_of(card)))
    }

    /// Every alias that has answered something.
    pub fn participants(&self) -> BTreeSet<String> {
        self.responses.values().filter(|r| !r.is_blank()).map(|r| r.participant.clone()).collect()
    }

    /// Number of non-blank ballots on cards of the session.
    pub fn ballot_count(&self) -> usize {
        self.responses.values().filter(|r| !r.is_blank() && self.card(&r.card).is_some()).count()
    }

    /// Records a ballot (newer wins over an older one from the same alias).
    pub fn put_response(&mut self, r: Response) {
        put(&mut self.responses, r);
    }

    /// One participant's answer to one card: a position, a check or the
    /// comment, stamped `rev`. Checked before anything changes; returns the
    /// ballot as it now stands.
    pub fn respond(
        &mut self,
        participant: &str,
        card: &str,
        change: BallotChange,
        rev: Rev,
    ) -> Result<&Response, SessionError> {
        let participant = participant.trim();
        if participant.is_empty() || participant.chars().count() > MAX_ALIAS_CHARS {
            return Err(SessionError::NoAlias);
        }
        check_text(participant).map_err(SessionError::Text)?;
        if self.card(card).is_none() {
            return Err(SessionError::UnknownCard);
        }
        let mut r = self.response(participant, card).cloned().unwrap_or_else(|| Response {
            participant: participant.to_string(),
            card: card.to_string(),
            position: None,
            checks: Default::default(),
            comment: String::new(),
            round: self.round_of(card),
            rev: rev.clone(),
        });
        match change {
            BallotChange::Position(p) => r.position = Some(p),
            BallotChange::Check(check, answer) => {
                r.checks.insert(check.key().to_string(), answer);
            }
            BallotChange::Comment(text) => {
                if text.chars().count() > MAX_COMMENT_CHARS {
                    return Err(SessionError::Text(TextProblem::TooLong));
                }
                check_text(&text).map_err(SessionError::Text)?;
                r.comment = text;
            }
        }
        r.rev = rev;
        let key = r.key();
        self.responses.insert(key.clone(), r);
        Ok(self.responses.get(&key).expect("the ballot just put"))
    }

    /// The facilitator's show of hands for one card: the five counts as typed
    /// ("" counts as 0), each a whole number from 0 to 999.
    pub fn count_hands(&mut self, card: &str, typed: [&str; 5], rev: Rev) -> Result<[u32; 5], SessionError> {
        if self.card(card).is_none() {
            return Err(SessionError::UnknownCard);
        }
        let mut counts = [0u32; 5];
        for (i, text) in typed.iter().enumerate() {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            match text.parse::<u32>() {
                Ok(n) if n <= MAX_TYPED_HANDS => counts[i] = n,
                _ => return Err(SessionError::BadCount { step: i }),
            }
        }
        self.tallies.insert(card.to_string(), Tally { card: card.to_string(), counts, rev });
        Ok(counts)
    }

    /// The note of a card ("" when none).
    pub fn note(&self, card: &str) -> &str {
        self.notes.get(card).map(|n| n.text.as_str()).unwrap_or("")
    }

    /// The session as sent to participants: the header and cards only.
    pub fn for_participants(&self) -> Assessment {
        Assessment {
            responses: BTreeMap::new(),
            notes: BTreeMap::new(),
            tallies: BTreeMap::new(),
            reflections: BTreeMap::new(),
            rules: None,
            ..self.clone()
        }
    }

    /// A participant's answers file: the header and only their ballots.
    pub fn answers_of(&self, participant: &str) -> Assessment {
        let mut out = self.for_participants();
        out.responses =
            self.responses.iter().filter(|(k, _)| k.0 == participant).map(|(k, v)| (k.clone(), v.clone())).collect();
        out
    }

    /// The revision, then the header as compact JSON with sorted keys (a
    /// `Value`'s text): equal revisions are broken by content, the same way
    /// on every version of the app. Made through the text (`object::to_value`),
    /// so no `serde_json::to_value` writer of these types is in the wasm.
    fn header_key(&self) -> (Rev, String) {
        let header = object::to_value(&(&self.meta, &self.title, &self.date, &self.tasks, &self.extra));
        (self.meta.rev.clone(), header.map(|h| h.to_string()).unwrap_or_default())
    }
}

/// What importing another copy of a session would do to its ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BallotDiff {
    /// Ballots not here yet.
    pub new: usize,
    /// Ballots that replace an older one from the same participant.
    pub replaced: usize,
    /// Ballots already here (or older).
    pub unchanged: usize,
    /// Aliases in the incoming copy.
    pub participants: BTreeSet<String>,
}

/// Compares the ballots of an incoming copy with the local one.
pub fn ballot_diff(local: Option<&Assessment>, incoming: &Assessment) -> BallotDiff {
    let mut d = BallotDiff::default();
    for (k, theirs) in &incoming.responses {
        if theirs.is_blank() {
            continue;
        }
        d.participants.insert(theirs.participant.clone());
        match local.and_then(|l| l.responses.get(k)) {
            None => d.new += 1,
            Some(ours) if newer(ours, theirs) != *ours => d.replaced += 1,
            Some(_) => d.unchanged += 1,
        }
    }
    d
}

fn check_id(what: &str, id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err(format!("{what} mangler"));
    }
    if id.chars().count() > MAX_CARD_ID_CHARS {
        return Err(format!("{what} er for langt"));
    }
    check_field(what, id)
}

fn check_date(date: &str) -> Result<(), String> {
    if date.is_empty() || crate::text::dates::parse_iso(date).is_some() {
        Ok(())
    } else {
        Err(format!("datoen «{}» er ikke en dato (ÅÅÅÅ-MM-DD)", date.chars().take(20).collect::<String>()))
    }
}

impl Record for Assessment {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn label(&self) -> String {
        self.title.clone()
    }
    fn check(&self) -> Result<(), String> {
        check_field("titel", &self.title)?;
        check_date(&self.date)?;
        if self.tasks.len() > MAX_CARDS {
            return Err(format!("workshoppen har over {MAX_CARDS} kort"));
        }
        let mut ids = BTreeSet::new();
        for card in &self.tasks {
            check_id("kortets id", &card.id)?;
            check_field("kortets titel", &card.title)?;
            check_field("kortets spørgsmål", &card.question)?;
            check_field("kortets kilde", &card.context)?;
            if !ids.insert(card.id.as_str()) {
                return Err(format!("kortet «{}» står der to gange", card.id));
            }
        }
        if self.responses.len() > MAX_RESPONSES {
            return Err(format!("workshoppen har over {MAX_RESPONSES} svar"));
        }
        for r in self.responses.values() {
            if r.participant.trim().is_empty() {
                return Err("et svar mangler deltagerens kaldenavn".into());
            }
            if r.participant.chars().count() > MAX_ALIAS_CHARS {
                return Err(format!("kaldenavnet er længere end {MAX_ALIAS_CHARS} tegn"));
            }
            check_field("kaldenavn", &r.participant)?;
            check_id("svarets kort", &r.card)?;
            check_field("kommentar", &r.comment)?;
            if r.round == 0 {
                return Err("et svar har runde 0".into());
            }
            if r.checks.len() > 32 || r.checks.keys().any(|k| k.is_empty() || k.len() > 40) {
                return Err("et svar har ugyldige tjek".into());
            }
        }
        for n in self.notes.values() {
            check_id("notens kort", &n.card)?;
            check_field("note", &n.text)?;
        }
        for t in self.tallies.values() {
            check_id("optællingens kort", &t.card)?;
            if t.counts.iter().any(|c| *c > MAX_HANDS) {
                return Err("en optælling har et urimeligt stort antal hænder".into());
            }
        }
        for r in self.rounds.values() {
            check_id("rundens kort", &r.card)?;
        }
        if self.rules.as_ref().is_some_and(|r| r.min_answers == 0) {
            return Err("tærsklen for at vise resultatet skal være mindst 1".into());
        }
        for r in self.reflections.values() {
            check_id("refleksionens afsnit", &r.section)?;
            check_field("refleksion", &r.text)?;
        }
        Ok(())
    }

    /// Header by newest revision; ballots, notes, tallies and reflections
    /// key by key, newest revision each.
    fn join(a: &Self, b: &Self) -> Self {
        let h = if a.header_key() >= b.header_key() { a } else { b };
        Assessment {
            meta: h.meta.clone(),
            title: h.title.clone(),
            date: h.date.clone(),
            tasks: h.tasks.clone(),
            extra: h.extra.clone(),
            responses: union(&a.responses, &b.responses),
            notes: union(&a.notes, &b.notes),
            tallies: union(&a.tallies, &b.tallies),
            reflections: union(&a.reflections, &b.reflections),
            rounds: union(&a.rounds, &b.rounds),
            rules: match (&a.rules, &b.rules) {
                (Some(x), Some(y)) => Some(if x.rev >= y.rev { x.clone() } else { y.clone() }),
                (x, y) => x.clone().or_else(|| y.clone()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::meta::{DeviceId, RecordId};

    #[test]
    fn the_header_key_is_the_text_it_always_was() {
        let rev = Rev { at: 1_795_000_000_000, n: 2, by: DeviceId("d".into()) };
        let meta = Meta { id: RecordId::from_seed(1), rev, deleted: false };
        let mut s = Assessment::new(meta, "Workshop", "2026-11-22", crate::assessment::cards::builtin());
        s.extra.insert("zz".into(), serde_json::json!({"b": [1.5, 2.0, -3, 0.1], "a": null, "c": "æ\"\n"}));
        let before = serde_json::json!([s.meta, s.title, s.date, s.tasks, s.extra]).to_string();
        assert_eq!(s.header_key().1, before);
    }
}
