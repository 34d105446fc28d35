//! Where the app keeps things in the browser: the local storage keys and the
//! IndexedDB database and stores. Compiled natively too, so the build's
//! static pages (`examples/site.rs` prints them) look records up under the
//! same names as `storage` writes them.

/// Prefix of every key the app owns.
pub const PREFIX: &str = "tidoglyst.";
/// Current schema version of the stored keys.
pub const SCHEMA: u32 = 1;
/// Key holding the schema version.
pub const KEY_SCHEMA: &str = "tidoglyst.schema";
/// Dreams.
pub const KEY_DREAMS: &str = "tidoglyst.v1.dreams";
/// The user's own activities (overlay on the catalogue).
pub const KEY_ACTIVITIES: &str = "tidoglyst.v1.activities";
/// Workshop sessions.
pub const KEY_ASSESSMENTS: &str = "tidoglyst.v1.assessments";
/// Display settings (not personal).
pub const KEY_SETTINGS: &str = "tidoglyst.v1.settings";
/// This device's id and clock.
pub const KEY_CLOCK: &str = "tidoglyst.v1.clock";
/// The data as it was before the last import.
pub const KEY_UNDO: &str = "tidoglyst.v1.undo";
/// Small personal preferences of the parts (favourites, my name …).
pub const KEY_PREFS: &str = "tidoglyst.v1.prefs";
/// The dream runner's and coordinator's own name and contact.
pub const KEY_DREAM_PREFS: &str = "tidoglyst.v1.dreamprefs";
/// The ids of the user's favourite activities ("Mine aktiviteter").
pub const KEY_ACTIVITY_FAVOURITES: &str = "tidoglyst.v1.activityfavourites";
/// The shared board this device is connected to: address, name and password
/// (this device only: never in an export, a link or a log).
pub const KEY_BOARD: &str = "tidoglyst.v1.board";
/// What this device last saw on the shared board (sequences, revisions).
pub const KEY_BOARD_STATE: &str = "tidoglyst.v1.boardstate";
/// The parts of a long share link received so far, waiting for the rest
/// (`sync::parts::Assembler`; local, so parts opened in other tabs count).
pub const KEY_LINK_PARTS: &str = "tidoglyst.v1.linkparts";
/// Prefix of values moved aside because they could not be read.
pub const CORRUPT_PREFIX: &str = "tidoglyst.corrupt.";
/// The notices one page of a tab hands to the next when it loads another
/// bundle's page (session storage: this tab only, read once).
pub const KEY_HANDED_NOTICES: &str = "tidoglyst.v1.notices";
/// "Færdig – ryd til næste" asked the data page, which reads every kind of
/// record, to clear the shared tablet (session storage, read once).
pub const KEY_CLEAR_VISIT: &str = "tidoglyst.v1.clearvisit";

/// What the value under one of the app's keys (local or session storage)
/// holds, which decides what a clearing removes
/// (`tid_og_lyst_core::sync::shared_tablet`); `None` for a key this version
/// does not know.
pub fn holds(key: &str) -> Option<tid_og_lyst_core::sync::shared_tablet::Holds> {
    use tid_og_lyst_core::sync::shared_tablet::Holds;
    Some(match key {
        KEY_SETTINGS => Holds::Settings,
        KEY_SCHEMA => Holds::Schema,
        KEY_DREAMS | KEY_ACTIVITIES | KEY_ASSESSMENTS => Holds::Records,
        KEY_CLOCK => Holds::DeviceClock,
        KEY_UNDO => Holds::UndoCopy,
        KEY_PREFS | KEY_DREAM_PREFS | KEY_ACTIVITY_FAVOURITES => Holds::Personal,
        KEY_BOARD | KEY_BOARD_STATE => Holds::Board,
        KEY_HANDED_NOTICES | KEY_CLEAR_VISIT => Holds::HandedOver,
        k if k.starts_with(CORRUPT_PREFIX) => Holds::MovedAside,
        _ => return None,
    })
}

/// Name of the IndexedDB database.
pub const DB_NAME: &str = "tidoglyst";
/// Object store of dreams (claims travel inside their dream).
pub const STORE_DREAMS: &str = "dreams";
/// Object store of the user's own activities.
pub const STORE_ACTIVITIES: &str = "activities";
/// Object store of workshop sessions.
pub const STORE_ASSESSMENTS: &str = "assessments";
/// Every record store.
pub const STORES: [&str; 3] = [STORE_DREAMS, STORE_ACTIVITIES, STORE_ASSESSMENTS];
