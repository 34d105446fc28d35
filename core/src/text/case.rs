//! Upper and lower case, and which characters make up words, without the
//! standard library's Unicode tables: `str::to_lowercase`, `to_uppercase`
//! and `char::is_alphanumeric` bring about 25 KB of tables into the wasm.
//!
//! Case is changed for the Latin letters (ASCII, Latin-1, Latin Extended-A),
//! Greek and Cyrillic, exactly as the standard library changes them (the
//! tests compare every one); other scripts keep their case. Every character
//! counts as part of a word except spaces, punctuation and symbols (the
//! ASCII and Latin-1 ones, the general punctuation, symbol and arrow blocks,
//! the CJK punctuation and the emoji), which is what search and the checks
//! of names need.

/// The lower-case form of `c` (`c` itself when it has none here).
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,
        0x130 => 0x69,
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u.is_multiple_of(2) => u + 1,
        0x4C1..=0x4CE if !u.is_multiple_of(2) => u + 1,
        0x4C0 => 0x4CF,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The upper-case form of `c` (`c` itself when it has none here, or when
/// it would be more than one letter, as `ß`).
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => u - 0x20,
        0xFF => 0x178,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 if !u.is_multiple_of(2) => u - 1,
        0x13A..=0x148 | 0x17A..=0x17E if u.is_multiple_of(2) => u - 1,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => u - 0x3F,
        0x3B1..=0x3C1 | 0x3C3..=0x3CB => u - 0x20,
        0x3C2 => 0x3A3,
        0x430..=0x44F => u - 0x20,
        0x450..=0x45F => u - 0x50,
        0x461..=0x481 | 0x48B..=0x4BF | 0x4D1..=0x52F if !u.is_multiple_of(2) => u - 1,
        0x4C2..=0x4CE if u.is_multiple_of(2) => u - 1,
        0x4CF => 0x4C0,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `text` in lower case.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `.lower()` on text, for [`lower`] where `str::to_lowercase` would be.
pub trait Lower {
    /// The text in lower case ([`lower`]).
    fn lower(&self) -> String;
}

impl Lower for str {
    fn lower(&self) -> String {
        lower(self)
    }
}

/// `text` with its first letter in upper case ("mandag" → "Mandag").
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper_char(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `c` is part of a word (a letter or a digit) rather than a space,
/// punctuation or a symbol.
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    match u {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1: ª ² ³ µ ¹ º ¼ ½ ¾ are letters or digits; the rest of
        // 0x80–0xBF, × and ÷ are not.
        0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE => true,
        0x80..=0xBF | 0xD7 | 0xF7 => false,
        // Greek and Coptic's signs (ʹ͵; ΄΅·) and Cyrillic's (҂ and the
        // combining marks).
        0x375 | 0x37E | 0x384 | 0x385 | 0x387 | 0x3F6 | 0x482..=0x489 => false,
        // Spacing modifier letters' symbols (˂˃˄˅ ˒–˟ ˥–˫ ˭ ˯–˿) and the
        // combining marks.
        0x2C2..=0x2C5 | 0x2D2..=0x2DF | 0x2E5..=0x2EB | 0x2ED | 0x2EF..=0x344 | 0x346..=0x362 => false,
        // Greek's unassigned places.
        0x378 | 0x379 | 0x380..=0x383 | 0x38B | 0x38D | 0x3A2 => false,
        // General punctuation up to the supplemental arrows (currency,
        // letterlike symbols, arrows, mathematics, technical, boxes,
        // shapes, dingbats …), except the letters and numbers among them
        // (super- and subscripts, ℂ, Roman numerals, ①, Ⓐ, ❶ …).
        0x2070 | 0x2071 | 0x2074..=0x2079 | 0x207F..=0x2089 | 0x2090..=0x209C => true,
        0x2102 | 0x2107 | 0x210A..=0x2113 | 0x2115 | 0x2119..=0x211D | 0x2124 | 0x2126 | 0x2128 => true,
        0x212A..=0x212D | 0x212F..=0x2139 | 0x213C..=0x213F | 0x2145..=0x2149 | 0x214E | 0x2150..=0x2189 => true,
        0x2460..=0x249B | 0x24B6..=0x24FF | 0x2776..=0x2793 => true,
        0x2000..=0x2BFF => false,
        0x2E00..=0x2E7F | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x303D..=0x303F => false,
        0xFE10..=0xFE6F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => false,
        0xFFF0..=0xFFFF | 0x1F000..=0x1FAFF => false,
        _ => !c.is_whitespace() && !c.is_control(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranges this module changes the case of.
    fn cased_ranges() -> impl Iterator<Item = char> {
        [(0u32, 0x17F), (0x386, 0x3CE), (0x400, 0x52F)]
            .into_iter()
            .flat_map(|(a, b)| (a..=b).filter_map(char::from_u32))
    }

    #[test]
    fn lower_and_upper_case_agree_with_the_standard_library_on_its_scripts() {
        for c in cased_ranges() {
            let std_lower: Vec<char> = c.to_lowercase().collect();
            let std_upper: Vec<char> = c.to_uppercase().collect();
            match std_lower.as_slice() {
                [one] => assert_eq!(lower_char(c), *one, "lower U+{:04X}", c as u32),
                // İ: the standard library adds a combining dot; here it is i.
                _ => assert_eq!(lower_char(c), 'i', "U+{:04X}", c as u32),
            }
            match std_upper.as_slice() {
                [one] if !matches!(c, 'µ' | 'ı' | 'ſ') => {
                    assert_eq!(upper_char(c), *one, "upper U+{:04X}", c as u32)
                }
                _ => assert_eq!(upper_char(c), c, "U+{:04X} stays", c as u32),
            }
        }
    }

    #[test]
    fn words_are_made_of_what_the_standard_library_calls_letters_and_digits() {
        // Latin, Greek and Cyrillic with their modifiers and marks, and
        // the general punctuation up to the supplemental arrows.
        let checked = (0u32..0x530).chain(0x2000..0x2C00);
        for c in checked.filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X} {c}", c as u32);
        }
        for c in ['–', '—', '…', '‘', '“', '€', '→', '™', '•', '😀', '🎉', '\u{3000}', '、', '。', '！', '\u{2028}']
        {
            assert!(!is_word_char(c) && !c.is_alphanumeric(), "{c}");
        }
        for c in ['漢', 'ä', 'ש', 'ع', '²', '⁴', '₂', 'ª'] {
            assert!(is_word_char(c) && c.is_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn danish_words_change_case() {
        assert_eq!(lower("ÆBLEGÅRDEN Ørsted"), "æblegården ørsted");
        assert_eq!(upper_first("ønsker"), "Ønsker");
        assert_eq!(upper_first("åbent"), "Åbent");
        assert_eq!(upper_first(""), "");
        assert_eq!(lower("ΣΟΦΊΑ Москва"), "σοφία москва");
    }
}
