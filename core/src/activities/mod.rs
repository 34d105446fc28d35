//! Aktiviteter: the activity (`activity`), its schedule in Copenhagen time
//! (`schedule`), Denmark's municipalities, the directory with filters and
//! search (`directory`), CSV in and out (`csv`), calendar files (`ics`), and
//! every Danish text of the part (`da`).

pub mod activity;
pub mod csv;
pub mod csv_dialect;
pub mod da;
pub mod directory;
pub mod ics;
pub mod municipalities;
pub mod schedule;
