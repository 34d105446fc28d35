//! The pure core of Tid og Lyst: everything the app knows about dreams,
//! activities and workshop assessments, with no browser, no clock and no
//! randomness (time and random bytes are passed in). Compiled and tested
//! natively; the app in the workspace root renders what it returns.
//!
//! Modules in reading order, each a leaf before the ones that use it:
//! `record` (ids, revisions, merge), `text` (folding, search, field checks,
//! dates), `ics` (the one iCalendar writer), the three parts (`dreams`,
//! `activities`, `assessment`, each with its Danish texts in `da.rs`), `sync`
//! (export format, migration, import preview, links) and `da` (the shell's
//! Danish texts).

pub mod activities;
pub mod assessment;
pub mod da;
pub mod dreams;
pub mod ics;
pub mod record;
pub mod sync;
pub mod text;
