//! Detectors for personal data in free text: CPR numbers (refused
//! everywhere), Danish phone numbers and street addresses (warned about).
//! Plain text scanning, no regex dependency; the parts decide what a finding
//! means (tavshedspligt, straffeloven § 264 d, GDPR).

use chrono::NaiveDate;

/// Runs of ASCII digits in `text` with the separators between them:
/// `(start byte, digits)` for every maximal digit run.
fn digit_runs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        if ch.is_ascii_digit() {
            if cur.is_empty() {
                start = i;
            }
            cur.push(ch);
        } else if !cur.is_empty() {
            out.push((start, std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push((start, cur));
    }
    out
}

/// True when `ddmmyy` is a real calendar day in some century.
fn is_cpr_date(six: &str) -> bool {
    let n = |r: std::ops::Range<usize>| six[r].parse::<u32>().ok();
    let (Some(d), Some(m), Some(y)) = (n(0..2), n(2..4), n(4..6)) else { return false };
    // Day + 60 is used for replacement numbers (erstatningspersonnumre).
    let d = if d > 60 { d - 60 } else { d };
    [1900, 2000].iter().any(|c| NaiveDate::from_ymd_opt((c + y) as i32, m, d).is_some())
}

/// The first piece of text that looks like a CPR number: `ddmmyy-xxxx`,
/// `ddmmyy xxxx` or ten digits in a row whose first six form a date.
pub fn find_cpr(text: &str) -> Option<String> {
    let runs = digit_runs(text);
    for (i, (start, digits)) in runs.iter().enumerate() {
        if digits.len() == 10 && is_cpr_date(&digits[..6]) {
            return Some(digits.clone());
        }
        if digits.len() != 6 {
            continue;
        }
        let Some((next_start, next)) = runs.get(i + 1) else { continue };
        if next.len() != 4 {
            continue;
        }
        let between = &text[start + 6..*next_start];
        let dash = matches!(between, "-" | "–" | "‐" | "‑");
        let space = between == " ";
        // With a dash it is CPR-like whatever the date; with a space only when
        // the first six digits form a real date.
        if dash || (space && is_cpr_date(digits)) {
            return Some(format!("{digits}-{next}"));
        }
    }
    None
}

/// The first piece of text that looks like a Danish phone number: eight
/// digits, alone or in groups (`12 34 56 78`, `1234 5678`), optionally after
/// `+45`.
pub fn find_phone(text: &str) -> Option<String> {
    let runs = digit_runs(text);
    let mut i = 0;
    while i < runs.len() {
        let mut digits = runs[i].1.clone();
        let mut end = runs[i].0 + runs[i].1.len();
        let mut j = i + 1;
        while digits.len() < 8 && j < runs.len() {
            let gap = &text[end..runs[j].0];
            if !(gap == " " || gap == "-" || gap == ".") {
                break;
            }
            digits.push_str(&runs[j].1);
            end = runs[j].0 + runs[j].1.len();
            j += 1;
        }
        let digits = digits
            .strip_prefix("45")
            .filter(|d| d.len() == 8 && runs[i].1 == "45")
            .map(str::to_string)
            .unwrap_or(digits);
        if digits.len() == 8 {
            return Some(text[runs[i].0..end].to_string());
        }
        i += 1;
    }
    None
}

/// Endings of Danish street names.
const STREET_ENDINGS: [&str; 24] = [
    "vej",
    "vejen",
    "gade",
    "gaden",
    "allé",
    "alle",
    "stræde",
    "plads",
    "vænge",
    "vænget",
    "torv",
    "boulevard",
    "parken",
    "stien",
    "bakken",
    "have",
    "haven",
    "toften",
    "engen",
    "højen",
    "løkken",
    "vangen",
    "stræde",
    "kvarter",
];

/// The first piece of text that looks like a street address: a word ending
/// like a Danish street name followed by a house number (`Havnevej 12`).
pub fn find_address(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let word = pair[0].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let num = pair[1].trim_end_matches([',', '.', ';', ')']);
        let starts_with_digit = num.chars().next().is_some_and(|c| c.is_ascii_digit());
        let short_number = num.chars().take_while(|c| c.is_ascii_digit()).count() <= 3;
        let letters_after = num.chars().skip_while(|c| c.is_ascii_digit()).count() <= 2;
        if word.chars().count() > 3
            && STREET_ENDINGS.iter().any(|e| word.ends_with(e))
            && starts_with_digit
            && short_number
            && letters_after
        {
            return Some(format!("{} {}", pair[0], num));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_with_dash_is_found() {
        assert_eq!(find_cpr("Hun har cpr 010145-1234."), Some("010145-1234".into()));
        assert_eq!(find_cpr("310299-0000"), Some("310299-0000".into()));
    }

    #[test]
    fn cpr_without_dash_needs_a_date() {
        assert_eq!(find_cpr("0101451234"), Some("0101451234".into()));
        assert_eq!(find_cpr("010145 1234"), Some("010145-1234".into()));
        // Not a date (month 13): ten digits are something else.
        assert_eq!(find_cpr("0113451234"), None);
        assert_eq!(find_cpr("999999 1234"), None);
    }

    #[test]
    fn other_numbers_are_not_cpr() {
        for ok in ["Ring 12 34 56 78", "Bus 350S kl. 10.30", "12345678901", "2026-12-01", "01014512345"] {
            assert_eq!(find_cpr(ok), None, "{ok}");
        }
    }

    #[test]
    fn phones_are_found() {
        for (text, found) in [
            ("ring på 12345678", "12345678"),
            ("tlf. 12 34 56 78 efter kl 9", "12 34 56 78"),
            ("+45 2233 4455", "45 2233 4455"),
            ("1234-5678", "1234-5678"),
        ] {
            assert_eq!(find_phone(text).as_deref(), Some(found), "{text}");
        }
        for none in ["2 timer", "kl. 10.30", "år 2026", "123456789"] {
            assert_eq!(find_phone(none), None, "{none}");
        }
    }

    #[test]
    fn addresses_are_found() {
        assert_eq!(find_address("Hun bor på Havnevej 12, 2. tv").as_deref(), Some("Havnevej 12"));
        assert_eq!(find_address("Nørregade 7B").as_deref(), Some("Nørregade 7B"));
        assert_eq!(find_address("fra havnen i Svendborg"), None);
        assert_eq!(find_address("ved vej 2"), None);
        assert_eq!(find_address("Strandvejen er smuk i 2026"), None);
    }
}
