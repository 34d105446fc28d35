//! The export file, format version 1 (see `docs/FORMAT.md`): building it,
//! and parsing it back through size, syntax, format, version, migration,
//! per-record type checks and duplicate ids, with a Danish error for each.

use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};
use thiserror::Error;

use crate::record::merge::{Collection, Record};
use crate::record::meta::{format_millis, DeviceId, Millis};
use crate::record::object;
use crate::sync::data::{AllKinds, AppData, Kinds};
use crate::sync::migrate::{self, FORMAT, VERSION};
/// The largest file accepted for import, in bytes: room for an export of
/// 50,000 activities (about 45 MB, 62 MB as the app writes it, indented).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// The most records of one kind accepted in one file.
pub const MAX_RECORDS: usize = 100_000;

/// Why a file could not be imported. Every message is plain Danish and names
/// the problem; the local data is never touched when one is returned.
#[derive(Debug, Error, PartialEq)]
pub enum ImportError {
    /// Empty input.
    #[error("Filen er tom.")]
    Empty,
    /// Over the size limit.
    #[error("Filen er for stor ({mb} MB). Den største fil, appen kan læse, er {max} MB.")]
    TooLarge {
        /// Size in MB.
        mb: usize,
        /// Limit in MB.
        max: usize,
    },
    /// Not valid UTF-8 text.
    #[error("Filen er ikke en tekstfil (den er ikke gemt som UTF-8).")]
    NotText,
    /// Not JSON.
    #[error("Filen kunne ikke læses som JSON. Den er måske ufuldstændig eller beskadiget ({0}).")]
    NotJson(String),
    /// JSON, but not our format.
    #[error("Filen er ikke en Tid og Lyst-fil (feltet \"format\" mangler eller er forkert).")]
    WrongFormat,
    /// A newer version than this app knows.
    #[error("Filen er lavet med en nyere version af Tid og Lyst (version {0}). Opdatér appen, og prøv igen.")]
    NewerVersion(u64),
    /// A version field that makes no sense.
    #[error("Filen har en ukendt version ({0}).")]
    BadVersion(String),
    /// A list field of the wrong type.
    #[error("Feltet \"{0}\" skal være en liste.")]
    NotAList(&'static str),
    /// Too many records.
    #[error("Filen har for mange poster i \"{0}\" (over {MAX_RECORDS}).")]
    TooMany(&'static str),
    /// A record that does not have the right fields or types.
    #[error("{kind} nr. {index} kan ikke læses: {detail}")]
    BadRecord {
        /// Danish name of the kind.
        kind: &'static str,
        /// 1-based position in the file.
        index: usize,
        /// What is wrong.
        detail: String,
    },
    /// The same id twice in one list.
    #[error("Filen indeholder også drømme, aktiviteter eller workshops, som denne side ikke læser. Læs den ind under «Del data».")]
    OtherPart,
    #[error("Filen indeholder samme id to gange i \"{kind}\" ({id}).")]
    DuplicateId {
        /// Field name of the list.
        kind: &'static str,
        /// The repeated id.
        id: String,
    },
}

/// A parsed and checked export file.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The records, as collections.
    pub data: AppData,
    /// When the file was made, as written in it.
    pub exported_at: Option<String>,
    /// The version the file was written in (before migration).
    pub source_version: u64,
}

/// Builds the JSON text of an export of `data`.
pub fn export_json(data: &AppData, origin: &DeviceId, now: Millis) -> String {
    export_json_of::<AllKinds>(data, origin, now)
}

/// [`export_json`] of `K`'s kinds (the other lists are written empty).
pub fn export_json_of<K: Kinds>(data: &AppData, origin: &DeviceId, now: Millis) -> String {
    let body = export_value_of::<K>(data, origin, now);
    serde_json::to_string_pretty(&body).unwrap_or_else(|_| "{}".into())
}

/// Builds the JSON value of an export of `data`.
pub fn export_value(data: &AppData, origin: &DeviceId, now: Millis) -> Value {
    export_value_of::<AllKinds>(data, origin, now)
}

/// [`export_value`] of `K`'s kinds (the other lists are written empty).
pub fn export_value_of<K: Kinds>(data: &AppData, origin: &DeviceId, now: Millis) -> Value {
    fn list<R: Record>(c: &Collection<R>) -> Value {
        Value::Array(c.values().filter_map(|r| object::to_value(r).ok()).collect())
    }
    // Each kind's writer only under its `K::…` condition, so that a part's
    // bundle does not carry the others'.
    let none = || Value::Array(Vec::new());
    json!({
        "format": FORMAT,
        "version": VERSION,
        "exported_at": format_millis(now),
        "origin": origin.0,
        "dreams": if K::DREAMS { list(&data.dreams) } else { none() },
        "activities": if K::ACTIVITIES { list(&data.activities) } else { none() },
        "assessments": if K::ASSESSMENTS { list(&data.assessments) } else { none() },
    })
}

/// Refuses input over [`MAX_IMPORT_BYTES`]; callers with a file in hand
/// check its size with this before reading it.
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { mb: bytes.div_ceil(1024 * 1024), max: MAX_IMPORT_BYTES / (1024 * 1024) });
    }
    Ok(())
}

/// Parses the bytes of a file, checking everything before anything is used.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ImportError> {
    parse_bytes_of::<AllKinds>(bytes)
}

/// [`parse_bytes`] for a page that reads only `K`'s kinds.
pub fn parse_bytes_of<K: Kinds>(bytes: &[u8]) -> Result<Parsed, ImportError> {
    check_size(bytes.len())?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    parse_text_of::<K>(text)
}

/// Parses the text of a file.
pub fn parse_text(text: &str) -> Result<Parsed, ImportError> {
    parse_text_of::<AllKinds>(text)
}

/// [`parse_text`] for a page that reads only `K`'s kinds.
pub fn parse_text_of<K: Kinds>(text: &str) -> Result<Parsed, ImportError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson(json_problem(&e)))?;
    parse_value_of::<K>(value)
}

fn json_problem(e: &serde_json::Error) -> String {
    json_problem_at(e, e.line(), e.column())
}

/// The Danish description of a JSON syntax error `e`, placed at `line` and
/// `column` of the file.
pub(crate) fn json_problem_at(e: &serde_json::Error, line: usize, column: usize) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "filen slutter for tidligt".to_string(),
        Category::Syntax if e.to_string().contains("recursion limit") => "den er indlejret alt for dybt".to_string(),
        _ => "fejl i indholdet".to_string(),
    };
    format!("{what}, linje {line} tegn {column}")
}

/// Checks and converts an already-parsed JSON value.
pub fn parse_value(value: Value) -> Result<Parsed, ImportError> {
    parse_value_of::<AllKinds>(value)
}

/// [`parse_value`] for a page that reads only `K`'s kinds: a file that holds
/// records of another kind is refused ([`ImportError::OtherPart`]) rather
/// than read in part.
pub fn parse_value_of<K: Kinds>(value: Value) -> Result<Parsed, ImportError> {
    let Value::Object(mut obj) = value else {
        return Err(ImportError::WrongFormat);
    };
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    let version = match obj.get("version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| ImportError::BadVersion(n.to_string()))?,
        Some(other) => return Err(ImportError::BadVersion(short(other))),
        None => return Err(ImportError::BadVersion("mangler".into())),
    };
    if version > VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    if version == 0 {
        return Err(ImportError::BadVersion("0".into()));
    }
    migrate::to_current(&mut obj, version);
    let exported_at = obj.get("exported_at").and_then(Value::as_str).map(str::to_string);
    for (read, field) in [(K::DREAMS, "dreams"), (K::ACTIVITIES, "activities"), (K::ASSESSMENTS, "assessments")] {
        if !read && obj.get(field).and_then(Value::as_array).is_some_and(|a| !a.is_empty()) {
            return Err(ImportError::OtherPart);
        }
    }
    let data = AppData {
        dreams: if K::DREAMS { records(&mut obj, "dreams", "Drøm")? } else { Collection::new() },
        activities: if K::ACTIVITIES { records(&mut obj, "activities", "Aktivitet")? } else { Collection::new() },
        assessments: if K::ASSESSMENTS { records(&mut obj, "assessments", "Workshop")? } else { Collection::new() },
    };
    Ok(Parsed { data, exported_at, source_version: version })
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(40).collect()
}

fn records<R: Record + DeserializeOwned>(
    obj: &mut Map<String, Value>,
    field: &'static str,
    kind: &'static str,
) -> Result<Collection<R>, ImportError> {
    let items = match obj.remove(field) {
        None | Some(Value::Null) => return Ok(Collection::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(ImportError::NotAList(field)),
    };
    if items.len() > MAX_RECORDS {
        return Err(ImportError::TooMany(field));
    }
    let mut out = Collection::new();
    for (i, item) in items.into_iter().enumerate() {
        record_into(&mut out, item, i, field, kind)?;
    }
    Ok(out)
}

/// Reads item `i` (0-based) of the list `field` and adds it to `out`; the
/// checks of one record, for [`parse_value`] and the sliced reader alike.
pub(crate) fn record_into<R: Record + DeserializeOwned>(
    out: &mut Collection<R>,
    item: Value,
    i: usize,
    field: &'static str,
    kind: &'static str,
) -> Result<(), ImportError> {
    let bad = |detail: String| ImportError::BadRecord { kind, index: i + 1, detail };
    if !item.is_object() {
        return Err(bad("den er ikke et objekt".into()));
    }
    let record: R = object::from_value(&item).map_err(|e| bad(serde_problem(&e)))?;
    record.check().map_err(bad)?;
    let id = record.meta().id;
    if out.contains_key(&id) {
        return Err(ImportError::DuplicateId { kind: field, id: id.to_string() });
    }
    out.insert(id, record);
    Ok(())
}

/// Turns serde's English message into a short Danish one that still names
/// the field.
fn serde_problem(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        return format!("feltet \"{field}\" mangler");
    }
    if msg.starts_with("invalid type") {
        return format!("et felt har forkert type ({})", msg.chars().take(80).collect::<String>());
    }
    format!("ugyldigt indhold ({})", msg.chars().take(80).collect::<String>())
}
