//! What every synchronised record has: a stable id, a revision stamp from a
//! hybrid logical clock, a tombstone flag (`meta`), and the one generic merge
//! over collections of records (`merge`); how a record's JSON object is read
//! (`object`); the small sorted map inside records (`sorted_map`).

pub mod merge;
pub mod meta;
pub mod object;
pub mod sorted_map;
