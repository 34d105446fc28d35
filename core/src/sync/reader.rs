//! An export file read a little at a time, for files of 50,000 records:
//! [`JsonReader::step`] does a bounded share of the work and returns, so the
//! caller can give the page the event loop back in between and show how far
//! it has come. The result is what [`wire::parse_text`] gives for the same
//! text, checked in the same order: syntax (the whole file) first, then
//! format, version, and the records kind by kind.
//!
//! First the file is scanned: the top-level object field by field, and each
//! element of the record lists (`dreams`, `activities`, `assessments`) is
//! checked for syntax and its place remembered (nothing is built yet). Then
//! the records are read, one element at a time, through the same per-record
//! checks as `wire`.

use serde::de::{Deserialize, IgnoredAny};
use serde_json::{Deserializer, Map, Value};

use crate::sync::data::AppData;
use crate::sync::migrate::{FORMAT, VERSION};
use crate::sync::wire::{self, ImportError, Parsed, MAX_RECORDS};

/// The record lists: field name and the Danish name of one record.
const LISTS: [(&str, &str); 3] = [("dreams", "Drøm"), ("activities", "Aktivitet"), ("assessments", "Workshop")];

/// What the file holds under one list field.
#[derive(Debug, Default)]
enum List {
    /// Missing or `null`.
    #[default]
    Absent,
    /// Something other than a list.
    Other,
    /// The byte ranges of its elements.
    Items(Vec<(usize, usize)>),
}

/// Where the reader stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Before the opening brace.
    Open,
    /// After `{`: a key or `}`.
    FirstKey,
    /// After `,`: a key.
    Key,
    /// After a value: `,` or `}`.
    AfterValue,
    /// After `[` of list `k`: an element or `]`.
    FirstItem(usize),
    /// An element of list `k`.
    Item(usize),
    /// After an element of list `k`: `,` or `]`.
    AfterItem(usize),
    /// After the closing brace: only white space may follow.
    End,
    /// Scanned: the records of list `kind`, from element `next`, are read.
    Records { kind: usize, next: usize },
    /// Finished (see `result`).
    Done,
}

/// An export file being read in steps.
#[derive(Debug)]
pub struct JsonReader {
    text: String,
    pos: usize,
    stage: Stage,
    top: Map<String, Value>,
    lists: [List; 3],
    /// When the text is read in one go instead (a file that is not an
    /// object, or of an older version that must be migrated as a whole).
    whole: bool,
    version: u64,
    data: AppData,
    read: usize,
    result: Option<Result<(), ImportError>>,
}

/// How far a [`JsonReader`] has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Checking the file: bytes checked of all.
    Scanning(usize, usize),
    /// Reading the records: records read of all.
    Reading(usize, usize),
}

impl JsonReader {
    /// Starts reading the bytes of a file: size, text and emptiness are
    /// checked at once.
    pub fn new(bytes: Vec<u8>) -> Result<JsonReader, ImportError> {
        wire::check_size(bytes.len())?;
        let mut text = String::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        Ok(JsonReader {
            text,
            pos: 0,
            stage: Stage::Open,
            top: Map::new(),
            lists: Default::default(),
            whole: false,
            version: 0,
            data: AppData::default(),
            read: 0,
            result: None,
        })
    }

    /// How far it has come.
    pub fn progress(&self) -> Progress {
        match self.stage {
            Stage::Records { .. } | Stage::Done if !self.whole => Progress::Reading(self.read, self.total()),
            _ => Progress::Scanning(self.pos, self.text.len()),
        }
    }

    fn total(&self) -> usize {
        self.lists.iter().map(|l| if let List::Items(v) = l { v.len() } else { 0 }).sum()
    }

    /// Does about `n` elements' worth of work; true when all is done (or
    /// the file was refused), after which [`JsonReader::finish`] gives the result.
    pub fn step(&mut self, n: usize) -> bool {
        for _ in 0..n {
            if self.stage == Stage::Done {
                return true;
            }
            if let Err(e) = self.advance() {
                self.result = Some(Err(e));
                self.stage = Stage::Done;
            }
        }
        self.stage == Stage::Done
    }

    /// The checked file, or why it was refused.
    pub fn finish(self) -> Result<Parsed, ImportError> {
        if self.whole {
            return wire::parse_text(&self.text);
        }
        match self.result {
            Some(Err(e)) => Err(e),
            Some(Ok(())) => Ok(Parsed {
                data: self.data,
                exported_at: self.top.get("exported_at").and_then(Value::as_str).map(str::to_string),
                source_version: self.version,
            }),
            None => Err(ImportError::Empty),
        }
    }

    fn skip_ws(&mut self) {
        self.pos = skip_ws(&self.text, self.pos);
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Line and column (1-based, in characters) of byte `at`.
    fn place(&self, at: usize) -> (usize, usize) {
        let before = &self.text[..at];
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let column = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
        (line, column)
    }

    /// A syntax error of serde's at `at` + its place within the text from there.
    fn syntax(&self, at: usize, e: &serde_json::Error) -> ImportError {
        let (line, column) = self.place(at);
        let (line, column) = if e.line() <= 1 {
            (line, column + e.column().saturating_sub(1))
        } else {
            (line + e.line() - 1, e.column())
        };
        ImportError::NotJson(wire::json_problem_at(e, line, column))
    }

    /// An unexpected character (or the end of the text) at the current place.
    fn unexpected(&self) -> ImportError {
        // serde's own words for it, from a one-character text.
        let e = match self.peek() {
            None => serde_json::from_str::<Value>("[").unwrap_err(),
            Some(_) => serde_json::from_str::<Value>("]").unwrap_err(),
        };
        let (line, column) = self.place(self.pos);
        ImportError::NotJson(wire::json_problem_at(&e, line, column))
    }

    /// Reads one value of type `T` at the current place and moves past it.
    fn value<'a, T: Deserialize<'a>>(&'a self) -> Result<(T, usize), ImportError> {
        match value_at(&self.text, self.pos) {
            Some(Ok(v)) => Ok(v),
            Some(Err(e)) => Err(self.syntax(self.pos, &e)),
            None => Err(self.unexpected()),
        }
    }

    fn advance(&mut self) -> Result<(), ImportError> {
        match self.stage {
            Stage::Open => {
                self.skip_ws();
                if self.peek() != Some(b'{') {
                    // Not an object: checked and refused the usual way.
                    self.whole = true;
                    self.stage = Stage::Done;
                    return Ok(());
                }
                self.pos += 1;
                self.stage = Stage::FirstKey;
            }
            Stage::FirstKey | Stage::Key => {
                self.skip_ws();
                if self.stage == Stage::FirstKey && self.peek() == Some(b'}') {
                    self.pos += 1;
                    self.stage = Stage::End;
                    return Ok(());
                }
                if self.peek() != Some(b'"') {
                    return Err(self.unexpected());
                }
                let (key, end) = self.value::<String>()?;
                self.pos = end;
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected());
                }
                self.pos += 1;
                self.skip_ws();
                match LISTS.iter().position(|(f, _)| *f == key) {
                    Some(k) if self.peek() == Some(b'[') => {
                        self.pos += 1;
                        self.lists[k] = List::Items(Vec::new());
                        self.stage = Stage::FirstItem(k);
                    }
                    Some(k) => {
                        let (v, end) = self.value::<Value>()?;
                        self.pos = end;
                        self.lists[k] = if v.is_null() { List::Absent } else { List::Other };
                        self.stage = Stage::AfterValue;
                    }
                    None => {
                        let (v, end) = self.value::<Value>()?;
                        self.pos = end;
                        self.top.insert(key, v);
                        self.stage = Stage::AfterValue;
                    }
                }
            }
            Stage::AfterValue => {
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.stage = Stage::Key,
                    Some(b'}') => self.stage = Stage::End,
                    _ => return Err(self.unexpected()),
                }
                self.pos += 1;
            }
            Stage::FirstItem(k) | Stage::Item(k) => {
                self.skip_ws();
                if self.stage == Stage::FirstItem(k) && self.peek() == Some(b']') {
                    self.pos += 1;
                    self.stage = Stage::AfterValue;
                    return Ok(());
                }
                let start = self.pos;
                let (IgnoredAny, end) = self.value::<IgnoredAny>()?;
                if let List::Items(items) = &mut self.lists[k] {
                    items.push((start, end));
                }
                self.pos = end;
                self.stage = Stage::AfterItem(k);
            }
            Stage::AfterItem(k) => {
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.stage = Stage::Item(k),
                    Some(b']') => self.stage = Stage::AfterValue,
                    _ => return Err(self.unexpected()),
                }
                self.pos += 1;
            }
            Stage::End => {
                self.skip_ws();
                if self.pos < self.text.len() {
                    let e = serde_json::from_str::<Value>("{} x").unwrap_err();
                    let (line, column) = self.place(self.pos);
                    return Err(ImportError::NotJson(wire::json_problem_at(&e, line, column)));
                }
                self.check_top()?;
                if !self.whole {
                    self.stage = Stage::Records { kind: 0, next: 0 };
                }
            }
            Stage::Records { kind, next } => self.read_record(kind, next)?,
            Stage::Done => {}
        }
        Ok(())
    }

    /// The checks of the file as a whole, as `wire::parse_value` makes them.
    fn check_top(&mut self) -> Result<(), ImportError> {
        if self.top.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(ImportError::WrongFormat);
        }
        let version = match self.top.get("version") {
            Some(Value::Number(n)) => n.as_u64().ok_or_else(|| ImportError::BadVersion(n.to_string()))?,
            Some(other) => return Err(ImportError::BadVersion(other.to_string().chars().take(40).collect())),
            None => return Err(ImportError::BadVersion("mangler".into())),
        };
        if version > VERSION {
            return Err(ImportError::NewerVersion(version));
        }
        if version == 0 {
            return Err(ImportError::BadVersion("0".into()));
        }
        if version < VERSION {
            // Migrations work on the whole file.
            self.whole = true;
            self.stage = Stage::Done;
        }
        self.version = version;
        Ok(())
    }

    fn read_record(&mut self, kind: usize, next: usize) -> Result<(), ImportError> {
        if self.stage == Stage::Done {
            return Ok(());
        }
        let (field, name) = LISTS[kind];
        let range = match &self.lists[kind] {
            List::Other => return Err(ImportError::NotAList(field)),
            List::Items(items) if next == 0 && items.len() > MAX_RECORDS => return Err(ImportError::TooMany(field)),
            List::Items(items) => items.get(next).copied(),
            List::Absent => None,
        };
        let Some((start, end)) = range else {
            self.stage = if kind + 1 < LISTS.len() { Stage::Records { kind: kind + 1, next: 0 } } else { Stage::Done };
            if self.stage == Stage::Done {
                self.result = Some(Ok(()));
            }
            return Ok(());
        };
        let item: Value = serde_json::from_str(&self.text[start..end]).map_err(|e| self.syntax(start, &e))?;
        match kind {
            0 => wire::record_into(&mut self.data.dreams, item, next, field, name)?,
            1 => wire::record_into(&mut self.data.activities, item, next, field, name)?,
            _ => wire::record_into(&mut self.data.assessments, item, next, field, name)?,
        }
        self.read += 1;
        self.stage = Stage::Records { kind, next: next + 1 };
        Ok(())
    }
}

/// Where the white space from byte `at` of `text` ends.
pub(crate) fn skip_ws(text: &str, mut at: usize) -> usize {
    while matches!(text.as_bytes().get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        at += 1;
    }
    at
}

/// The JSON value of type `T` that starts at byte `at` of `text`, and the
/// byte after it; None at the end of the text.
pub(crate) fn value_at<'a, T: Deserialize<'a>>(
    text: &'a str,
    at: usize,
) -> Option<Result<(T, usize), serde_json::Error>> {
    let mut stream = Deserializer::from_str(&text[at..]).into_iter::<T>();
    Some(stream.next()?.map(|v| (v, at + stream.byte_offset())))
}

/// Reads a whole file with a [`JsonReader`] (for tests and small files).
pub fn read_all(bytes: Vec<u8>) -> Result<Parsed, ImportError> {
    let mut r = JsonReader::new(bytes)?;
    while !r.step(1000) {}
    r.finish()
}
