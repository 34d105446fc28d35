//! What every synchronised record has: a stable id, a revision stamp from a
//! hybrid logical clock, a tombstone flag (`meta`), and the one generic merge
//! over collections of records (`merge`); how a record's JSON object is read
//! (`object`).

pub mod merge;
pub mod meta;
pub mod object;
