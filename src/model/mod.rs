//! PURE domain model: ids and revisions, the three record kinds and their
//! validation. No leptos, web-sys or gloo; time is passed in.

pub mod activity;
pub mod activity_csv;
pub mod activity_ics;
pub mod assessment;
pub mod cards;
pub mod csv_dialect;
pub mod dates;
pub mod directory;
pub mod dream;
pub mod dream_form;
pub mod dream_match;
pub mod dream_share;
pub mod ics;
pub mod meta;
pub mod municipalities;
pub mod privacy;
pub mod results;
pub mod schedule;
pub mod text;
pub mod verdict;
