//! SKAL eller KAN?: the task cards (`cards`), the verdict rules with their
//! principles (`verdict`), a workshop session with its ballots (`session`),
//! the group's results (`results`), and every Danish text of the part (`da`).

pub mod cards;
pub mod da;
pub mod da_scan;
pub mod results;
pub mod session;
pub mod timer;
pub mod verdict;
