//! Aktiviteter: the activity (`activity`), its schedule in Copenhagen time
//! (`schedule`), Denmark's municipalities, the directory with filters and
//! search (`directory`), CSV in and out (`csv`), calendar files (`ics`),
//! whether an entry is still confirmed (`trust`), reporting an error to the
//! organiser (`report`), the text read aloud (`spoken`), the A5 booklet
//! (`booklet`), Open Referral HSDS in and out (`hsds`; it runs in a wasm
//! of its own, `src/bin/hsds.rs`, with the app crate's zip container),
//! and every Danish text of the part (`da`).

pub mod activity;
pub mod booklet;
pub mod csv;
pub mod csv_dialect;
pub mod da;
pub mod directory;
pub mod hsds;
pub mod ics;
pub mod municipalities;
pub mod report;
pub mod schedule;
pub mod spoken;
pub mod trust;
