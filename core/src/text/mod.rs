//! Text rules shared by every part: Danish-aware folding and search
//! (`search`), field checks and safe links (`fields`), and dates
//! (`dates`: the one date parser and the one Copenhagen "today"), case
//! (`case`: lower and upper case without the Unicode tables), and the
//! notices handed from one page to the next (`handover`).

pub mod case;
pub mod dates;
pub mod fields;
pub mod handover;
pub mod privacy;
pub mod search;

/// The parts that are not empty, joined by `sep`: "Strib, Middelfart", not
/// "Strib, " when one is missing.
pub fn join_present<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(sep)
}
