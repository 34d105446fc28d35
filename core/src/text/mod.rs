//! Text rules shared by every part: Danish-aware folding and search
//! (`search`), field checks and safe links (`fields`), and dates
//! (`dates`: the one date parser and the one Copenhagen "today").

pub mod dates;
pub mod fields;
pub mod privacy;
pub mod search;
