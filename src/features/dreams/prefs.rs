//! The runner's and coordinator's own name and contact, remembered on this
//! device so "Mine drømme" works and forms come prefilled, and the runner's
//! last answer to "Hvornår har du tid?", so the board opens filtered by it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::storage;
use tid_og_lyst_core::dreams::dream::{Category, PartOfDay, Skill};
use tid_og_lyst_core::dreams::form::parse_hours;
use tid_og_lyst_core::dreams::matching::Availability;
use tid_og_lyst_core::text::dates::parse_date;

/// The answer to "Hvornår har du tid?" as typed (dates and hours as text,
/// so the form shows it again exactly).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeAnswer {
    /// Free from (YYYY-MM-DD or empty).
    #[serde(default)]
    pub from: String,
    /// Free until.
    #[serde(default)]
    pub to: String,
    /// Hours free, as typed.
    #[serde(default)]
    pub hours: String,
    /// Parts of the day.
    #[serde(default)]
    pub parts: BTreeSet<PartOfDay>,
    /// What they feel like.
    #[serde(default)]
    pub categories: BTreeSet<Category>,
    /// What they bring (car, wheelchair experience, lifting).
    #[serde(default)]
    pub brings: BTreeSet<Skill>,
    /// Languages they speak, comma separated, as typed.
    #[serde(default)]
    pub languages: String,
}

impl TimeAnswer {
    /// The availability the board matches against.
    pub fn availability(&self) -> Availability {
        Availability {
            from: parse_date(&self.from),
            to: parse_date(&self.to),
            parts: self.parts.clone(),
            hours: parse_hours(&self.hours),
            categories: self.categories.clone(),
            brings: self.brings.iter().cloned().chain(Skill::languages(&self.languages)).collect(),
        }
    }
}

/// Remembered personal details (cleared by "Ryd mine data").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DreamPrefs {
    /// The runner's name.
    #[serde(default)]
    pub name: String,
    /// The runner's phone or mail.
    #[serde(default)]
    pub contact: String,
    /// The coordinator's name, for new dreams.
    #[serde(default)]
    pub coord_name: String,
    /// The coordinator's contact, for new dreams.
    #[serde(default)]
    pub coord_contact: String,
    /// The last answer to "Hvornår har du tid?" (none after "Nulstil").
    #[serde(default)]
    pub time: Option<TimeAnswer>,
}

/// Reads the remembered details (empty when none or unreadable).
pub fn load() -> DreamPrefs {
    storage::load::<DreamPrefs>(storage::KEY_DREAM_PREFS, crate::state::now()).ok().flatten().unwrap_or_default()
}

/// Remembers the details.
pub fn save(p: &DreamPrefs) {
    let _ = storage::save(storage::KEY_DREAM_PREFS, p);
}

/// Remembers (or with `None` forgets) the answer to "Hvornår har du tid?".
pub fn save_time(time: Option<TimeAnswer>) {
    let mut p = load();
    p.time = time;
    save(&p);
}
