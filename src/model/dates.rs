//! The one reader of dates, times and prices as spreadsheet programs write
//! them back, in Danish or English settings: dates `dd-mm-yy`, `dd-mm-yyyy`,
//! `d.m.yyyy`, `yyyy-mm-dd`, `d/m/yyyy` (day first, as in Denmark and the
//! UK); times `10.00`, `10:00`, `10:00:00`, `10:00 AM`; prices `25`, `25,50`,
//! `25.50`, `1.250,50`, `1,250.50`, `kr. 25`. Each returns the canonical
//! value or `None`; the callers decide whether that is an error.

use chrono::NaiveDate;

/// A two-digit year as spreadsheets read it: 00–29 is 2000–2029, 30–99 is
/// 1930–1999 (the rule Excel and LibreOffice share).
fn full_year(y: i32, digits: usize) -> Option<i32> {
    match digits {
        4 => Some(y),
        2 if y < 30 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// A date, day before month. A time after the date (`05-01-2026 00:00:00`,
/// as some programs write date cells) is ignored.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let s = text.trim();
    let s = s.split_once([' ', 'T']).map(|(d, _)| d).unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| all_digits(p)) {
        return None;
    }
    if parts[0].len() == 4 {
        // ISO: yyyy-mm-dd (only with dashes).
        if !s.contains('-') || parts[1].len() > 2 || parts[2].len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = full_year(parts[2].parse().ok()?, parts[2].len())?;
    NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[0].parse().ok()?)
}

/// A time of day as (hour, minute). Seconds must be zero. A single digit
/// after the separator is tens of minutes (`13.3` is what a spreadsheet in
/// English settings makes of the number `13.30`).
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let s = text.trim().to_lowercase();
    let s = s.strip_prefix("kl.").unwrap_or(&s).trim();
    let (s, pm) = if let Some(r) = s.strip_suffix("pm") {
        (r.trim(), Some(true))
    } else if let Some(r) = s.strip_suffix("am") {
        (r.trim(), Some(false))
    } else {
        (s, None)
    };
    let parts: Vec<&str> = s.split([':', '.']).collect();
    if parts.is_empty() || parts.len() > 3 || !parts.iter().all(|p| all_digits(p)) || parts[0].len() > 2 {
        return None;
    }
    let mut h: u32 = parts[0].parse().ok()?;
    let m: u32 = match parts.get(1) {
        None => 0,
        Some(m) if m.len() == 1 => m.parse::<u32>().ok()? * 10,
        Some(m) if m.len() == 2 => m.parse().ok()?,
        _ => return None,
    };
    if let Some(sec) = parts.get(2) {
        if sec.len() != 2 || sec.parse::<u32>().ok()? != 0 {
            return None;
        }
    }
    match pm {
        Some(_) if !(1..=12).contains(&h) => return None,
        Some(true) if h != 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    (h < 24 && m < 60).then_some((h, m))
}

/// A price in kroner: `None` inside `Some` for free (empty, "gratis", 0).
/// The decimal mark is the last of `,` and `.` when both occur; alone, it
/// is a decimal mark when one or two digits follow it and a thousands mark
/// when three do.
pub fn parse_price(text: &str) -> Option<Option<f64>> {
    let mut s = text.trim().to_lowercase();
    for affix in ["dkk", "kr.", "kr", ",-"] {
        if let Some(r) = s.strip_suffix(affix) {
            s = r.trim().to_string();
        }
        if let Some(r) = s.strip_prefix(affix) {
            s = r.trim().to_string();
        }
    }
    let s: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    if s.is_empty() || s == "gratis" || s == "free" {
        return Some(None);
    }
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    let decimal = match (last_comma, last_dot) {
        (Some(c), Some(d)) => Some(c.max(d)),
        (Some(i), None) | (None, Some(i)) => {
            let after = s.len() - i - 1;
            let marks = s.matches(['.', ',']).count();
            (after <= 2 && marks == 1).then_some(i)
        }
        (None, None) => None,
    };
    let (int, frac) = match decimal {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s.as_str(), ""),
    };
    let int: String = int.chars().filter(|c| *c != '.' && *c != ',').collect();
    if !all_digits(&int) || int.len() > 6 || frac.len() > 2 || !(frac.is_empty() || all_digits(frac)) {
        return None;
    }
    let cents = int.parse::<i64>().ok()? * 100 + if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse::<i64>().ok()? };
    Some((cents != 0).then(|| cents as f64 / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates_in_every_spreadsheet_form() {
        for (text, want) in [
            ("05-01-26", d(2026, 1, 5)),
            ("05-01-2026", d(2026, 1, 5)),
            ("5.1.2026", d(2026, 1, 5)),
            ("2026-01-05", d(2026, 1, 5)),
            ("5/1/2026", d(2026, 1, 5)),
            ("05/01/26", d(2026, 1, 5)),
            (" 25-11-2026 ", d(2026, 11, 25)),
            ("05-01-2026 00:00:00", d(2026, 1, 5)),
            ("2026-01-05T00:00:00", d(2026, 1, 5)),
            ("31-12-99", d(1999, 12, 31)),
            ("01-01-29", d(2029, 1, 1)),
        ] {
            assert_eq!(parse_date(text), want, "{text}");
        }
        for bad in ["", "i går", "32-01-2026", "29-02-2025", "05-01-206", "2026.01.05", "1-2", "05-01-2026-1", "123-01-2026"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_in_every_spreadsheet_form() {
        for (text, want) in [
            ("10.00", (10, 0)),
            ("10:00", (10, 0)),
            ("10:00:00", (10, 0)),
            ("9.30", (9, 30)),
            ("13.3", (13, 30)),
            ("10", (10, 0)),
            ("kl. 10.00", (10, 0)),
            ("10:00 AM", (10, 0)),
            ("01:30:00 PM", (13, 30)),
            ("12:00 AM", (0, 0)),
            ("12:15 PM", (12, 15)),
        ] {
            assert_eq!(parse_time(text), Some(want), "{text}");
        }
        for bad in ["", "24.00", "10.60", "10:00:30", "13:00 PM", "ti", "10.000", "100"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn prices_with_either_decimal_mark() {
        for (text, want) in [
            ("", None),
            ("gratis", None),
            ("0", None),
            ("0,00", None),
            ("25", Some(25.0)),
            ("25,50", Some(25.5)),
            ("25,5", Some(25.5)),
            ("25.50", Some(25.5)),
            ("1.250,50", Some(1250.5)),
            ("1,250.50", Some(1250.5)),
            ("1.250", Some(1250.0)),
            ("kr. 25", Some(25.0)),
            ("25 kr.", Some(25.0)),
            ("25,-", Some(25.0)),
            ("DKK 40,00", Some(40.0)),
        ] {
            assert_eq!(parse_price(text), Some(want), "{text}");
        }
        for bad in ["en tier", "25,5x", "-5", "1234567", "25,505,5,5x"] {
            assert_eq!(parse_price(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_date_reads_back_in_every_form(y in 1930i32..2029, m in 1u32..=12, day in 1u32..=28) {
            let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            let yy = y % 100;
            for text in [
                format!("{day:02}-{m:02}-{y}"),
                format!("{day}.{m}.{y}"),
                format!("{y}-{m:02}-{day:02}"),
                format!("{day}/{m}/{y}"),
                format!("{day:02}-{m:02}-{yy:02}"),
            ] {
                proptest::prop_assert_eq!(parse_date(&text), Some(date), "{}", text);
            }
        }

        #[test]
        fn every_time_reads_back_in_every_form(h in 0u32..24, m in 0u32..60) {
            for text in [format!("{h:02}.{m:02}"), format!("{h}:{m:02}"), format!("{h:02}:{m:02}:00")] {
                proptest::prop_assert_eq!(parse_time(&text), Some((h, m)), "{}", text);
            }
        }

        #[test]
        fn every_price_reads_back_in_both_settings(cents in 1i64..100_000_000) {
            let (kr, ore) = (cents / 100, cents % 100);
            let want = Some(Some(cents as f64 / 100.0));
            proptest::prop_assert_eq!(parse_price(&format!("{kr},{ore:02}")), want);
            proptest::prop_assert_eq!(parse_price(&format!("{kr}.{ore:02}")), want);
        }

        #[test]
        fn no_text_panics(s in "\\PC{0,24}") {
            let _ = (parse_date(&s), parse_time(&s), parse_price(&s));
        }
    }
}
