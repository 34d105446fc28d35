//! Activities in and out of spreadsheets, in the dialect Danish Excel reads
//! and writes: semicolon between fields, UTF-8 with a byte-order mark, CRLF
//! line ends, dates as dd-mm-yyyy, decimal comma, ja/nej. Every row goes
//! through the same [`Draft`] as the form, so the rules are the same; a bad
//! row is reported by its line number and the good rows can still be used.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`) are written with a leading apostrophe, which the reader removes
//! again, so a round trip loses nothing and no cell becomes a formula.

use std::collections::HashMap;

use crate::activities::activity::{
    parse_weekday, Activity, Draft, KIND_AGREEMENT, KIND_DATES, KIND_MONTHLY, KIND_WEEKLY,
};
use crate::activities::da as t;
use crate::activities::schedule::Schedule;
use crate::record::meta::{Meta, RecordId};

/// Most rows read from one file.
pub const MAX_ROWS: usize = 100_000;

/// One cell of a parsed CSV file.
type Row = Vec<String>;

/// Splits CSV text into rows, each with the (1-based) line it starts on.
/// Quoted fields may hold the separator, quotes (`""`) and line breaks.
pub fn parse_rows(text: &str, sep: char) -> Result<Vec<(usize, Row)>, (usize, String)> {
    let mut rows = RowSplitter::new(sep);
    let mut out = Vec::new();
    while let Some(row) = rows.next_row(text) {
        out.push(row?);
    }
    Ok(out)
}

/// Where a split of CSV text into rows has got to; each call of
/// [`RowSplitter::next_row`] reads one more row. It works on bytes (every
/// delimiter is ASCII), so slices of the text are copied whole.
#[derive(Clone, Debug)]
pub struct RowSplitter {
    pos: usize,
    line: usize,
    rows: usize,
    sep: u8,
}

impl RowSplitter {
    /// A split from the start of a text with `sep` (an ASCII character).
    pub fn new(sep: char) -> RowSplitter {
        RowSplitter { pos: 0, line: 1, rows: 0, sep: u8::try_from(sep).unwrap_or(b';') }
    }

    fn field_end(&self, b: &[u8], from: usize) -> usize {
        let sep = self.sep;
        b[from..].iter().position(|c| *c == sep || *c == b'\n' || *c == b'\r').map_or(b.len(), |k| from + k)
    }

    /// The next row of `text` (always the same text), `None` at its end.
    pub fn next_row(&mut self, text: &str) -> Option<Result<(usize, Row), (usize, String)>> {
        let b = text.as_bytes();
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let row_line = self.line;
            let mut row: Row = Vec::new();
            let mut i = self.pos;
            loop {
                let mut field = String::new();
                if i < b.len() && b[i] == b'"' {
                    let quote_line = self.line;
                    i += 1;
                    loop {
                        let Some(k) = memchr::memchr(b'"', &b[i..]) else {
                            self.pos = b.len();
                            return Some(Err((quote_line, t::csv::UNCLOSED_QUOTE.into())));
                        };
                        let seg = &text[i..i + k];
                        if seg.contains('\r') {
                            let seg = seg.replace("\r\n", "\n").replace('\r', "\n");
                            self.line += seg.matches('\n').count();
                            field.push_str(&seg);
                        } else {
                            self.line += memchr::memchr_iter(b'\n', seg.as_bytes()).count();
                            field.push_str(seg);
                        }
                        i += k + 1;
                        if i < b.len() && b[i] == b'"' {
                            field.push('"');
                            i += 1;
                        } else {
                            break;
                        }
                    }
                }
                // Unquoted text (or text after a closing quote) up to the
                // next separator or line end.
                let end = self.field_end(b, i);
                field.push_str(&text[i..end]);
                i = end;
                row.push(field);
                if i >= b.len() {
                    break;
                }
                if b[i] == self.sep {
                    i += 1;
                    if i >= b.len() {
                        row.push(String::new());
                        break;
                    }
                    continue;
                }
                // A line end: \r\n, \n or \r.
                i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                self.line += 1;
                break;
            }
            self.pos = i;
            if row.len() == 1 && row[0].is_empty() {
                continue;
            }
            self.rows += 1;
            if self.rows > MAX_ROWS {
                self.pos = b.len();
                return Some(Err((self.line, t::csv::TOO_MANY.into())));
            }
            return Some(Ok((row_line, row)));
        }
    }
}

/// How a CSV file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    /// Between cells.
    pub separator: char,
    /// What a spreadsheet needs: a BOM, padded cells quoted, and a cell
    /// that starts like a formula kept from being run (a leading `'`).
    pub spreadsheet: bool,
}

/// The dialect Danish Excel reads: `;`, BOM, formulas kept from running.
pub const EXCEL_DA: Dialect = Dialect { separator: ';', spreadsheet: true };
/// RFC 4180 (data packages such as HSDS): `,`, UTF-8 without BOM, cells as they are.
pub const RFC_4180: Dialect = Dialect { separator: ',', spreadsheet: false };

fn cell(value: &str, d: Dialect) -> String {
    let v = if d.spreadsheet && value.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if v.contains([d.separator, '"', '\n', '\r']) || (d.spreadsheet && v != v.trim()) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

fn uncell(value: &str) -> String {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\'']) => rest.to_string(),
        _ => value.to_string(),
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        t::YES
    } else {
        t::NO
    }
}

/// The cells of one activity, in the order of `CSV_COLUMNS`.
fn cells(a: &Activity) -> Vec<String> {
    let d = Draft::from_activity(a);
    let (kind, days, nth) = match &a.schedule {
        Schedule::Weekly { .. } => (t::CSV_KINDS[0], weekday_list(&d.days), String::new()),
        Schedule::Monthly { nth, day, .. } => (
            t::CSV_KINDS[1],
            t::WEEKDAYS[day.num_days_from_monday() as usize].to_string(),
            if *nth == -1 { t::NTH[4].to_string() } else { nth.to_string() },
        ),
        Schedule::Dates { .. } => (t::CSV_KINDS[2], String::new(), String::new()),
        Schedule::ByAgreement => (t::CSV_KINDS[3], String::new(), String::new()),
    };
    vec![
        a.meta.id.to_string(),
        d.title,
        d.organizer,
        a.category.label().to_string(),
        d.description,
        d.municipality,
        d.town,
        d.address,
        kind.to_string(),
        days,
        nth,
        d.dates,
        d.start,
        d.end,
        d.pause,
        d.price,
        d.audience,
        yes_no(d.wheelchair).into(),
        yes_no(d.transport).into(),
        yes_no(d.companion).into(),
        yes_no(d.drop_in).into(),
        d.contact_name,
        d.phone,
        d.email,
        d.web,
        d.source,
        d.updated,
        yes_no(d.example).into(),
        d.confirmed,
    ]
}

fn weekday_list(days: &[bool; 7]) -> String {
    (0..7).filter(|i| days[*i]).map(|i| t::WEEKDAYS[i]).collect::<Vec<_>>().join(", ")
}

/// A table as a CSV text in the dialect Danish Excel reads ([`EXCEL_DA`]):
/// BOM, the header, one CRLF-ended row each, `;` between cells, each cell
/// quoted where needed and kept from being run as a formula. The writer of
/// every spreadsheet of activities and of the dreams' year in numbers.
pub fn write_table<S: AsRef<str>>(header: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> String {
    write_table_as(EXCEL_DA, header, rows)
}

/// A table as a CSV text in dialect `d`: the header, one CRLF-ended row
/// each, each cell quoted where needed.
pub fn write_table_as<S: AsRef<str>, R: AsRef<[S]>>(
    d: Dialect,
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> String {
    let sep = d.separator.to_string();
    let mut out = if d.spreadsheet { String::from('\u{feff}') } else { String::new() };
    out.push_str(&header.iter().map(|c| cell(c, d)).collect::<Vec<_>>().join(&sep));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.as_ref().iter().map(|c| cell(c.as_ref(), d)).collect::<Vec<_>>().join(&sep));
        out.push_str("\r\n");
    }
    out
}

/// The CSV text of activities: BOM, header, one CRLF-ended row each.
pub fn to_csv<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> String {
    write_table(&t::CSV_COLUMNS, activities.into_iter().map(cells))
}

/// The result of reading a CSV file: the good rows (with their row number
/// as a spreadsheet shows it, the header being row 1) and the bad ones (row
/// number and a Danish message).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvImport {
    /// Activities that can be imported, with the line they came from.
    pub good: Vec<(usize, Activity)>,
    /// Rows that cannot, with the reason.
    pub bad: Vec<(usize, String)>,
    /// Good rows with a cell that was skipped (a column the activity does
    /// not need, like "Sidst opdateret"), with the reason.
    pub warnings: Vec<(usize, String)>,
}

fn field_column(key: &str) -> &'static str {
    let i = match key {
        "title" => 1,
        "category" => 3,
        "municipality" => 5,
        "kind" => 8,
        "days" => 9,
        "nth" => 10,
        "dates" => 11,
        "start" => 12,
        "end" => 13,
        "pause" => 14,
        "price" => 15,
        "phone" => 22,
        "email" => 23,
        "web" => 24,
        "updated" => 26,
        "confirmed" => 28,
        _ => return "",
    };
    t::CSV_COLUMNS[i]
}

fn parse_bool(col: &str, v: &str) -> Result<bool, String> {
    match v.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "sand" | "true" | "yes" | "y" => Ok(true),
        "nej" | "n" | "" | "0" | "falsk" | "false" | "no" => Ok(false),
        _ => Err(t::csv::bad_bool(col, v.trim())),
    }
}

/// Reads CSV text. `make_meta` gives the meta for a row (called with the
/// row's id when it has a valid one, so re-importing updates, not doubles).
pub fn from_csv(text: &str, make_meta: &mut dyn FnMut(Option<RecordId>) -> Meta) -> Result<CsvImport, String> {
    let mut reader = CsvReader::new(text.to_string())?;
    while !reader.step(usize::MAX, make_meta) {}
    reader.finish()
}

/// Reads a CSV file a slice of rows at a time, so a caller can give the
/// page room between slices and show progress; the result is the same as
/// [`from_csv`]'s.
pub struct CsvReader {
    text: String,
    rows: RowSplitter,
    index: HashMap<String, usize>,
    total: usize,
    done: usize,
    error: Option<String>,
    seen: HashMap<RecordId, usize>,
    out: CsvImport,
}

impl CsvReader {
    /// Reads the header; the rows are split as they are read.
    pub fn new(text: String) -> Result<CsvReader, String> {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        if text.trim().is_empty() {
            return Err(t::csv::EMPTY.into());
        }
        let sep = crate::activities::csv_dialect::detect_separator(&text);
        let mut rows = RowSplitter::new(sep);
        let header = match rows.next_row(&text) {
            None => return Err(t::csv::EMPTY.into()),
            Some(Err((line, msg))) => return Err(t::csv_bad_row(line, &msg)),
            Some(Ok((_, header))) => header,
        };
        let index: HashMap<String, usize> = header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_lowercase(), i))
            .collect();
        if !index.contains_key(&t::CSV_COLUMNS[1].to_lowercase()) {
            return Err(t::csv::NO_HEADER.into());
        }
        // Lines after the header: the number of rows, unless cells hold
        // line breaks (then it is a little more).
        let rest = &text.as_bytes()[rows.pos..];
        let total = memchr::memchr_iter(b'\n', rest).count() + usize::from(!rest.is_empty() && !rest.ends_with(b"\n"));
        Ok(CsvReader {
            text,
            rows,
            index,
            total,
            done: 0,
            error: None,
            seen: HashMap::new(),
            out: CsvImport::default(),
        })
    }

    /// Rows read so far and rows in all (without the header).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total.max(self.done))
    }

    /// Reads up to `n` more rows; true when every row is read.
    pub fn step(&mut self, n: usize, make_meta: &mut dyn FnMut(Option<RecordId>) -> Meta) -> bool {
        for _ in 0..n {
            match self.rows.next_row(&self.text) {
                None => {
                    self.total = self.done;
                    return true;
                }
                Some(Err((line, msg))) => {
                    self.error = Some(t::csv_bad_row(line, &msg));
                    return true;
                }
                Some(Ok((_, row))) => {
                    self.done += 1;
                    // The spreadsheet's row number (the header is row 1); it
                    // differs from the file's line only after cells with
                    // line breaks.
                    let line = self.done + 1;
                    self.read(line, &row, make_meta);
                }
            }
        }
        false
    }

    /// What was read, or why the file as a whole cannot be read.
    pub fn finish(self) -> Result<CsvImport, String> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    fn read(&mut self, line: usize, row: &Row, make_meta: &mut dyn FnMut(Option<RecordId>) -> Meta) {
        if row.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let index = &self.index;
        let col = |name: &str| index.get(&name.to_lowercase()).copied();
        let get = |i: usize| -> String {
            col(t::CSV_COLUMNS[i]).and_then(|c| row.get(c)).map(|v| uncell(v)).unwrap_or_default()
        };
        let out = &mut self.out;
        let mut warnings = Vec::new();
        match read_row(&get, &mut warnings) {
            Err(msg) => out.bad.push((line, msg)),
            Ok((id, draft)) => {
                out.warnings.extend(warnings.into_iter().map(|w| (line, w)));
                if let Some(id) = id {
                    if let Some(first) = self.seen.get(&id) {
                        out.bad.push((line, t::csv::duplicate(*first)));
                        return;
                    }
                    self.seen.insert(id, line);
                }
                let meta = make_meta(id);
                match draft.build(meta, Default::default()) {
                    Ok(a) => out.good.push((line, a)),
                    Err(errors) => {
                        let msg = errors
                            .iter()
                            .map(|(k, m)| match field_column(k) {
                                "" => m.clone(),
                                c => format!("{c}: {m}"),
                            })
                            .collect::<Vec<_>>()
                            .join(" ");
                        out.bad.push((line, msg))
                    }
                }
            }
        }
    }
}

/// A date, time or price cell as a spreadsheet may have rewritten it, in the
/// form the form's [`Draft`] reads; unreadable cells stay as they are, so the
/// draft names the problem.
fn normalise(column: usize, value: String) -> String {
    use crate::text::dates;
    match column {
        11 => {
            let parts: Vec<&str> = value.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
            let read: Option<Vec<String>> =
                parts.iter().map(|p| dates::parse_date(p).map(crate::activities::activity::format_date)).collect();
            read.map(|r| r.join(", ")).unwrap_or(value)
        }
        12 | 13 => dates::parse_time(&value).map(|(h, m)| format!("{h:02}.{m:02}")).unwrap_or(value),
        15 => match crate::activities::activity::parse_price(&value) {
            Ok(None) => String::new(),
            Ok(Some(kr)) => t::decimal_comma(kr),
            Err(_) => value,
        },
        _ => value,
    }
}

fn read_row(get: &dyn Fn(usize) -> String, warnings: &mut Vec<String>) -> Result<(Option<RecordId>, Draft), String> {
    let get = |i: usize| normalise(i, get(i));
    // A date the activity can do without: read in any spreadsheet's form, or
    // skipped with a warning (a file without the column has none).
    let mut optional_date = |column: usize| {
        let text = get(column);
        match crate::text::dates::parse_date(&text) {
            Some(d) => crate::activities::activity::format_date(d),
            None if text.trim().is_empty() => String::new(),
            None => {
                warnings.push(t::csv::skipped_cell(t::CSV_COLUMNS[column], text.trim()));
                String::new()
            }
        }
    };
    let updated = optional_date(26);
    let confirmed = optional_date(28);
    let id_text = get(0);
    let id = if id_text.trim().is_empty() {
        None
    } else {
        Some(RecordId::parse(&id_text).ok_or_else(|| t::csv::bad_id(id_text.trim()))?)
    };
    let kind_text = get(8).trim().to_lowercase();
    let kind = match kind_text.as_str() {
        "" | "ugentlig" | "hver uge" => KIND_WEEKLY,
        "månedlig" | "maanedlig" | "en gang om måneden" => KIND_MONTHLY,
        "datoer" | "dato" => KIND_DATES,
        "efter aftale" | "aftale" => KIND_AGREEMENT,
        _ => return Err(t::csv::bad_kind(get(8).trim())),
    };
    let category = match crate::activities::activity::Category::parse(&get(3)) {
        Some(c) => c.key().to_string(),
        None if get(3).trim().is_empty() => crate::activities::activity::Category::Andet.key().to_string(),
        None => get(3),
    };
    let mut draft = Draft {
        title: get(1),
        organizer: get(2),
        category,
        description: get(4),
        municipality: get(5),
        town: get(6),
        address: get(7),
        kind: kind.into(),
        dates: get(11),
        start: get(12),
        end: get(13),
        pause: get(14),
        price: get(15),
        audience: get(16),
        wheelchair: parse_bool(t::CSV_COLUMNS[17], &get(17))?,
        transport: parse_bool(t::CSV_COLUMNS[18], &get(18))?,
        companion: parse_bool(t::CSV_COLUMNS[19], &get(19))?,
        drop_in: parse_bool(t::CSV_COLUMNS[20], &get(20))?,
        contact_name: get(21),
        phone: get(22),
        email: get(23),
        web: get(24),
        source: get(25),
        updated,
        confirmed,
        example: parse_bool(t::CSV_COLUMNS[27], &get(27))?,
        days: [false; 7],
        ..Draft::default()
    };
    let days_text = get(9);
    let days: Vec<&str> = days_text
        .split([',', '/', '+'])
        .flat_map(|x| x.split(" og "))
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect();
    for d in &days {
        let wd = parse_weekday(d).ok_or_else(|| t::csv::bad_day(d))?;
        draft.days[wd.num_days_from_monday() as usize] = true;
        draft.month_day = wd.num_days_from_monday() as usize;
    }
    if kind == KIND_MONTHLY {
        if days.len() != 1 {
            return Err(format!("{}: {}", t::CSV_COLUMNS[9], t::ERR_NO_DAYS));
        }
        let nth = get(10).trim().trim_end_matches('.').to_lowercase();
        draft.nth = match nth.as_str() {
            "sidste" | "-1" => "-1".into(),
            "1" | "første" => "1".into(),
            "2" | "anden" => "2".into(),
            "3" | "tredje" => "3".into(),
            "4" | "fjerde" => "4".into(),
            _ => return Err(t::csv::bad_nth(get(10).trim())),
        };
    }
    Ok((id, draft))
}

/// The text of a CSV file: UTF-8 (with or without BOM), or else Windows-1252,
/// which older Danish Excel versions write for "CSV (semikolonsepareret)".
pub fn decode(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|b| match b {
            0x80..=0x9f => HIGH[(*b - 0x80) as usize],
            _ => *b as char,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::activity::{Access, Contact};
    use crate::activities::schedule::Hm;
    use crate::record::meta::{Clock, DeviceId};
    use chrono::{NaiveDate, Weekday};

    fn metas() -> impl FnMut(Option<RecordId>) -> Meta {
        let mut clock = Clock::new(DeviceId("csv".into()));
        move |id| Meta::new(id.unwrap_or_else(crate::record::meta::test_id), &mut clock, 5_000)
    }

    fn sample(title: &str, schedule: Schedule) -> Activity {
        let mut mk = metas();
        Activity {
            meta: mk(None),
            title: title.into(),
            organizer: "Røde Kors Assens".into(),
            category: crate::activities::activity::Category::Demens,
            description: "Kaffe; kage og \"hygge\".\nNy linje, med komma.".into(),
            municipality: "Assens".into(),
            town: "Glamsbjerg".into(),
            address: "Bytorvet 1".into(),
            schedule,
            price_dkk: Some(25.5),
            audience: vec!["pårørende".into(), "mennesker med demens".into()],
            access: Access { wheelchair: true, transport: false, companion: true },
            drop_in: true,
            contact: Contact {
                name: "Anne".into(),
                phone: "+45 12 34 56 78".into(),
                email: "anne@example.dk".into(),
                web: "https://example.dk/a?b=1;c=2".into(),
            },
            source: "=HYPERLINK(\"x\")".into(),
            updated: NaiveDate::from_ymd_opt(2026, 11, 2),
            confirmed: NaiveDate::from_ymd_opt(2026, 11, 20),
            example: true,
            extra: Default::default(),
        }
    }

    fn hm(h: u32) -> Hm {
        Hm::new(h, 0).unwrap()
    }

    fn all_kinds() -> Vec<Activity> {
        vec![
            sample(
                "Demenscafé",
                Schedule::Weekly {
                    days: vec![Weekday::Tue, Weekday::Thu],
                    start: hm(10),
                    end: hm(12),
                    pause_months: vec![7, 8],
                },
            ),
            sample(
                "Pårørendegruppe",
                Schedule::Monthly { nth: -1, day: Weekday::Thu, start: hm(19), end: hm(21), pause_months: vec![] },
            ),
            sample(
                "Foredrag",
                Schedule::Dates {
                    dates: vec![
                        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                        NaiveDate::from_ymd_opt(2027, 1, 6).unwrap(),
                    ],
                    start: hm(14),
                    end: hm(16),
                },
            ),
            sample("Besøgsven", Schedule::ByAgreement),
        ]
    }

    #[test]
    fn the_file_is_excel_dialect() {
        let csv = to_csv(&all_kinds());
        assert!(csv.starts_with("\u{feff}Id;Titel;Arrangør;"));
        assert!(csv.contains("\r\n"));
        assert!(csv.contains(";25,50;"), "decimal comma");
        assert!(csv.contains(";02-11-2026;"), "Danish date");
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "formula defused: {csv}");
        assert!(csv.contains(";'+45 12 34 56 78;"));
    }

    #[test]
    fn a_round_trip_loses_nothing() {
        let before = all_kinds();
        let csv = to_csv(&before);
        let mut mk = metas();
        let back = from_csv(&csv, &mut mk).unwrap();
        assert!(back.bad.is_empty(), "{:?}", back.bad);
        assert_eq!(back.good.len(), before.len());
        for ((line, a), b) in back.good.iter().zip(&before) {
            assert!(*line >= 2);
            let mut a = a.clone();
            a.meta = b.meta.clone();
            assert_eq!(&a, b);
        }
    }

    #[test]
    fn bad_rows_are_reported_by_line_and_good_rows_kept() {
        let csv = "\u{feff}Titel;Kommune;Ugedage;Fra kl.;Til kl.;Pris (kr.);Hjemmeside\r\n\
                   Strikkecafé;Assens;tirsdag;10.00;12.00;;\r\n\
                   ;Assens;tirsdag;10.00;12.00;;\r\n\
                   \"Sang, med\r\nlinjeskift\";Roskilde;onsdag;14.00;16.00;20;\r\n\
                   Gåtur;Narnia;fredag;10.00;11.00;;\r\n\
                   Onlinecafé;Aabenraa;mandag;10.00;12.00;;javascript:alert(1)\r\n\
                   Dans;Brønderslev;blursdag;10.00;12.00;;\r\n";
        let mut mk = metas();
        let r = from_csv(csv, &mut mk).unwrap();
        let good: Vec<usize> = r.good.iter().map(|(l, _)| *l).collect();
        let bad: Vec<usize> = r.bad.iter().map(|(l, _)| *l).collect();
        assert_eq!(good, vec![2, 4]);
        assert_eq!(bad, vec![3, 5, 6, 7], "spreadsheet rows; row 4 spans two lines");
        assert!(r.bad[0].1.contains("Titel"));
        assert!(r.bad[2].1.contains("Hjemmeside"));
        assert!(r.bad[3].1.contains("blursdag"));
        assert_eq!(r.good[1].1.title, "Sang, med\nlinjeskift");
        assert_eq!(r.good[1].1.price_dkk, Some(20.0));
    }

    #[test]
    fn broken_files_get_a_clear_message() {
        let mut mk = metas();
        assert!(from_csv("", &mut mk).is_err());
        assert_eq!(from_csv("Navn;Alder\r\nx;1", &mut mk).unwrap_err(), t::csv::NO_HEADER);
        let e = from_csv("Titel;Kommune\r\n\"åben;Assens\r\n", &mut mk).unwrap_err();
        assert!(e.starts_with("Række 2"), "{e}");
    }

    #[test]
    fn repeated_ids_in_one_file_are_refused() {
        let one = all_kinds().remove(0);
        let csv = to_csv([&one, &one]);
        let mut mk = metas();
        let r = from_csv(&csv, &mut mk).unwrap();
        assert_eq!(r.good.len(), 1);
        assert_eq!(r.bad, vec![(3, t::csv::duplicate(2))]);
    }

    #[test]
    fn reading_in_slices_gives_what_reading_at_once_gives() {
        let mut many = Vec::new();
        for _ in 0..7 {
            many.extend(all_kinds());
        }
        let csv = to_csv(&many) + "Uden kommune;;;\r\n";
        let whole = from_csv(&csv, &mut metas()).unwrap();
        let mut r = CsvReader::new(csv.clone()).unwrap();
        let mut mk = metas();
        let mut steps = 0;
        while !r.step(3, &mut mk) {
            steps += 1;
            let (done, total) = r.progress();
            assert_eq!(done, steps * 3);
            // Estimated from the lines: cells with line breaks add some.
            assert!(total > many.len(), "{total}");
        }
        assert_eq!(r.progress(), (many.len() + 1, many.len() + 1));
        assert_eq!(r.finish().unwrap(), whole);
        assert_eq!(steps, 9);
    }

    #[test]
    fn windows_1252_files_from_old_excel_are_read() {
        let bytes = b"Titel;Kommune\r\nS\xf8ndagscaf\xe9 \x96 \xe6\xf8\xe5;Br\xf8nderslev\r\n";
        let text = decode(bytes);
        assert_eq!(text, "Titel;Kommune\r\nSøndagscafé – æøå;Brønderslev\r\n");
        assert_eq!(decode("Åbne ø".as_bytes()), "Åbne ø");
    }

    #[test]
    fn comma_separated_files_work_too() {
        let mut mk = metas();
        let r =
            from_csv("Titel,Kommune,Ugedage,Fra kl.,Til kl.\nBanko,Hedensted,mandag,19.00,21.00\n", &mut mk).unwrap();
        assert_eq!(r.good.len(), 1, "{:?}", r.bad);
    }

    proptest::proptest! {
        #[test]
        fn any_text_fields_round_trip(title in "[^\\p{C}]{1,30}", desc in "\\PC{0,60}", name in "[ -~æøåÆØÅ;\"']{0,20}") {
            proptest::prop_assume!(!title.trim().is_empty());
            let mut a = all_kinds().remove(0);
            a.title = title.trim().to_string();
            a.description = desc.trim().to_string();
            a.contact.name = name.trim().to_string();
            let csv = to_csv([&a]);
            let mut mk = metas();
            let r = from_csv(&csv, &mut mk).unwrap();
            proptest::prop_assert!(r.bad.is_empty(), "{:?}", r.bad);
            let mut b = r.good[0].1.clone();
            b.meta = a.meta.clone();
            proptest::prop_assert_eq!(b, a);
        }
    }
}
