//! The runner's and coordinator's own name and contact, remembered on this
//! device so "Mine drømme" works and forms come prefilled.

use serde::{Deserialize, Serialize};

use crate::storage;

/// Remembered personal details (cleared by "Ryd mine data").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// Reads the remembered details (empty when none or unreadable).
pub fn load() -> DreamPrefs {
    storage::load::<DreamPrefs>(storage::KEY_DREAM_PREFS, crate::state::now()).ok().flatten().unwrap_or_default()
}

/// Remembers the details.
pub fn save(p: &DreamPrefs) {
    let _ = storage::save(storage::KEY_DREAM_PREFS, p);
}
