//! Text rules shared by every part: Danish-aware folding and search
//! (`search`), field checks and safe links (`fields`), and dates
//! (`dates`: the one date parser and the one Copenhagen "today").

pub mod dates;
pub mod fields;
pub mod privacy;
pub mod search;
pub mod spoken;

/// The parts that are not empty, joined by `sep`: "Strib, Middelfart", not
/// "Strib, " when one is missing.
pub fn join_present<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(sep)
}

/// `text` with its first letter in upper case ("mandag" → "Mandag").
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn upper_first_raises_the_first_letter_only() {
        assert_eq!(super::upper_first("mandag"), "Mandag");
        assert_eq!(super::upper_first("ærø og ÆRØ"), "Ærø og ÆRØ");
        assert_eq!(super::upper_first(""), "");
    }
}
