//! The task cards of the SKAL/KAN self-assessment: the six built in from
//! seed 000, the worked examples of seed 003 and the group's own cards, plus
//! the five-step scale and the eight checks every card is answered with.
//!
//! Pure data; the Danish texts live in `crate::assessment::da::content`.

use serde::{Deserialize, Serialize};

use crate::assessment::da::content as c;

/// Where a card comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// One of the six discussion questions of seed 000.
    Seed,
    /// A worked example from Hedensted (seed 003).
    Example,
    /// Written by the group.
    Own,
}

impl Origin {
    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Seed => c::ORIGIN_SEED,
            Origin::Example => c::ORIGIN_EXAMPLE,
            Origin::Own => c::ORIGIN_OWN,
        }
    }
}

/// A task card as kept in a session (`tasks` on the wire).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Card {
    /// Stable id: a slug for built-in cards, a UUID for own cards.
    pub id: String,
    /// Short title.
    pub title: String,
    /// The question to discuss.
    pub question: String,
    /// Where it comes from.
    pub origin: Origin,
    /// What the source says about it (worked examples), else empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
}

/// Every built-in card, in the order they are offered: the six of seed 000,
/// then the five worked examples of seed 003.
pub fn builtin() -> Vec<Card> {
    let seed = c::SEED_CARDS.iter().map(|(id, title, q)| Card {
        id: (*id).into(),
        title: (*title).into(),
        question: (*q).into(),
        origin: Origin::Seed,
        context: String::new(),
    });
    let examples = c::EXAMPLE_CARDS.iter().map(|(id, title, q, ctx)| Card {
        id: (*id).into(),
        title: (*title).into(),
        question: (*q).into(),
        origin: Origin::Example,
        context: (*ctx).into(),
    });
    seed.chain(examples).collect()
}

/// The built-in card with this id.
pub fn builtin_card(id: &str) -> Option<Card> {
    builtin().into_iter().find(|card| card.id == id)
}

/// A position on the five-step scale, 1 = "Klart SKAL" … 5 = "Klart KAN".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Position(u8);

impl Position {
    /// All five positions in order.
    pub const ALL: [Position; 5] = [Position(1), Position(2), Position(3), Position(4), Position(5)];

    /// A position from 1..=5.
    pub fn new(step: u8) -> Option<Self> {
        (1..=5).contains(&step).then_some(Position(step))
    }
    /// 1..=5.
    pub fn step(self) -> u8 {
        self.0
    }
    /// 0..=4, for indexing arrays of five.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }
    /// Danish label.
    pub fn label(self) -> &'static str {
        c::SCALE[self.index()]
    }
    /// On the SKAL side (1 or 2).
    pub fn is_skal(self) -> bool {
        self.0 <= 2
    }
    /// On the KAN side (4 or 5).
    pub fn is_kan(self) -> bool {
        self.0 >= 4
    }
}

impl TryFrom<u8> for Position {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        Position::new(v).ok_or_else(|| format!("placering {v} er ikke på skalaen 1–5"))
    }
}

impl From<Position> for u8 {
    fn from(p: Position) -> u8 {
        p.0
    }
}

/// An answer to a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Ja.
    Ja,
    /// Nej.
    Nej,
    /// Ved ikke.
    VedIkke,
}

impl Answer {
    /// All three, in display order.
    pub const ALL: [Answer; 3] = [Answer::Ja, Answer::Nej, Answer::VedIkke];
    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Ja => c::ANSWERS[0],
            Answer::Nej => c::ANSWERS[1],
            Answer::VedIkke => c::ANSWERS[2],
        }
    }
}

/// The eight checks, by wire key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// Statutory for the municipality (serviceloven, sundhedsloven)?
    Statutory,
    /// Replaces paid staff?
    ReplacesStaff,
    /// Needs professional judgement?
    Professional,
    /// Can volunteers lead it themselves?
    VolunteerLed,
    /// Unpaid and free to leave?
    UnpaidFree,
    /// A shared cause with the municipality?
    SharedCause,
    /// Do we have the volunteers?
    HaveVolunteers,
    /// Could it distort competition?
    Competition,
}

impl Check {
    /// All checks in display order.
    pub const ALL: [Check; 8] = [
        Check::Statutory,
        Check::ReplacesStaff,
        Check::Professional,
        Check::VolunteerLed,
        Check::UnpaidFree,
        Check::SharedCause,
        Check::HaveVolunteers,
        Check::Competition,
    ];
    fn index(self) -> usize {
        Check::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
    /// The key in the export file.
    pub fn key(self) -> &'static str {
        c::CHECKS[self.index()].0
    }
    /// The question in Danish.
    pub fn question(self) -> &'static str {
        c::CHECKS[self.index()].1
    }
    /// The check with this wire key.
    pub fn from_key(key: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eleven_builtin_cards_with_unique_ids() {
        let cards = builtin();
        assert_eq!(cards.len(), 11);
        let mut ids: Vec<_> = cards.iter().map(|c| c.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 11);
        assert_eq!(cards.iter().filter(|c| c.origin == Origin::Seed).count(), 6);
    }

    #[test]
    fn positions_outside_the_scale_are_refused() {
        assert!(serde_json::from_str::<Position>("0").is_err());
        assert!(serde_json::from_str::<Position>("6").is_err());
        assert_eq!(serde_json::from_str::<Position>("3").unwrap().label(), "Gråzone");
    }

    #[test]
    fn check_keys_round_trip() {
        for c in Check::ALL {
            assert_eq!(Check::from_key(c.key()), Some(c));
        }
        assert_eq!(Check::from_key("nope"), None);
    }
}
