//! Which CSV dialect a file is in. Spreadsheet programs write the separator
//! their settings say: `;` in Danish, `,` in English, a tab for "Unicode
//! text". The separator is the one of the three that occurs most often
//! outside quotes in the header line, and just as often in the next line
//! when there is one; a byte-order mark is dropped.

/// The separators a spreadsheet writes, in order of preference on a tie.
pub const SEPARATORS: [char; 3] = [';', '\t', ','];

/// The text without a leading byte-order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Counts each separator outside quotes in the first record (which may
/// span lines inside quotes); returns the counts and the rest of the text.
fn count_first_record(text: &str) -> ([usize; 3], &str) {
    let mut counts = [0; 3];
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => {
                let rest = &text[i + 1..];
                return (counts, rest.strip_prefix('\n').unwrap_or(rest));
            }
            c if !quoted => {
                if let Some(k) = SEPARATORS.iter().position(|s| *s == c) {
                    counts[k] += 1;
                }
            }
            _ => {}
        }
    }
    (counts, "")
}

/// The separator of a CSV text: `;` when nothing says otherwise.
pub fn detect_separator(text: &str) -> char {
    let text = strip_bom(text);
    let (header, rest) = count_first_record(text);
    let (second, _) = count_first_record(rest);
    let has_second = second.iter().any(|n| *n > 0);
    let mut best: Option<(usize, usize)> = None; // (count, index)
    for k in 0..SEPARATORS.len() {
        let n = header[k];
        if n == 0 || (has_second && second[k] != n && second[k] == 0) {
            continue;
        }
        // A separator that splits both lines alike beats one that does not.
        let score = n * if !has_second || second[k] == n { 2 } else { 1 };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| SEPARATORS[k]).unwrap_or(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_detected() {
        for (text, want) in [
            ("\u{feff}Id;Titel;Kommune\r\n1;Banko, bingo;Assens\r\n", ';'),
            ("Id,Titel,Kommune\n1,\"Banko; bingo\",Assens\n", ','),
            ("Id\tTitel\tKommune\n1\tBanko, bingo\tAssens\n", '\t'),
            ("\"Id\";\"Titel, lang\";\"Kommune\"\r\n\"1\";\"x\";\"y\"\r\n", ';'),
            ("\"Id\",\"Titel; lang\",\"Kommune\"\n\"1\",\"x\",\"y\"\n", ','),
            ("Titel\nBanko\n", ';'),
            ("", ';'),
            // A header cell with line breaks inside quotes.
            ("\"Ti\ntel\",Kommune,By\nBanko,Assens,Glamsbjerg\n", ','),
        ] {
            assert_eq!(detect_separator(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_comma_in_the_header_text_does_not_win_over_semicolons() {
        let text = "Titel;Pris (kr., inkl. kaffe);Kommune\nBanko;20;Assens\n";
        assert_eq!(detect_separator(text), ';');
    }

    proptest::proptest! {
        #[test]
        fn any_table_written_with_a_separator_is_detected_as_it(
            cells in proptest::collection::vec("[a-zæøå ,;\t]{0,8}", 2..8),
            k in 0usize..3,
        ) {
            let sep = SEPARATORS[k];
            let quote = |c: &String| format!("\"{c}\"");
            let line = cells.iter().map(quote).collect::<Vec<_>>().join(&sep.to_string());
            let text = format!("{line}\r\n{line}\r\n");
            proptest::prop_assert_eq!(detect_separator(&text), sep);
        }
    }
}
