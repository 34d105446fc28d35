//! What every synchronised record has: a stable id, a revision stamp from a
//! hybrid logical clock, a tombstone flag (`meta`), and the one generic merge
//! over collections of records (`merge`).

pub mod merge;
pub mod meta;
pub(crate) mod object;
