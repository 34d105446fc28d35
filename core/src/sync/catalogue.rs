//! The example catalogue served beside the app: an export file (format
//! version 1) that holds only activities, read without the import size limit.

use crate::activities::activity::Activity;
use crate::record::merge::Record;
use crate::record::object;
use crate::sync::migrate::{FORMAT, VERSION};
use crate::sync::wire::ImportError;
use serde::de::{Deserialize, IgnoredAny};

/// The catalogue file: an export file (format version 1) holding only
/// activities, read at once (see [`CatalogueReader`] for the same a little
/// at a time). Returns the good, checked records and how many were left out;
/// an error for a file that is not JSON, not of this format, or of a newer
/// version.
pub fn parse_catalogue(text: &str) -> Result<(Vec<Activity>, usize), String> {
    let mut reader = CatalogueReader::new(text.to_owned())?;
    while !reader.step(usize::MAX) {}
    Ok(reader.finish())
}

/// The catalogue read a little at a time, so that reading it (the catalogue
/// may hold 50,000 activities and more, beyond the import size limit) never
/// holds the page up for long: [`CatalogueReader::new`] checks the whole
/// file's syntax, format and version and finds where each activity is,
/// without building any; each [`CatalogueReader::step`] reads a few, each
/// straight into a record and, if that fails, through a JSON value as an
/// import does; an activity that does not read or does not pass its checks
/// is left out and counted. Read in any steps, the result is the same.
#[derive(Debug)]
pub struct CatalogueReader {
    text: String,
    /// The byte ranges of the activities in `text`.
    items: Vec<(usize, usize)>,
    next: usize,
    list: Vec<Activity>,
    bad: usize,
}

impl CatalogueReader {
    /// Checks the file and finds its activities; an error (in Danish where
    /// it is the format) for a file that is not JSON, not of this format or
    /// of a newer version.
    pub fn new(mut text: String) -> Result<CatalogueReader, String> {
        /// The file's top, its activities skipped (syntax checked, nothing built).
        #[derive(serde::Deserialize)]
        struct Top {
            format: String,
            version: u64,
            #[serde(default)]
            #[allow(dead_code)]
            activities: Vec<IgnoredAny>,
        }
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let top: Top = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        if top.format != FORMAT || top.version > VERSION {
            return Err(ImportError::WrongFormat.to_string());
        }
        let items = activity_places(&text).ok_or_else(|| ImportError::NotJson(String::new()).to_string())?;
        Ok(CatalogueReader { items, next: 0, list: Vec::new(), bad: 0, text })
    }

    /// Reads up to `n` more activities; true when all are read.
    pub fn step(&mut self, n: usize) -> bool {
        let end = self.items.len().min(self.next.saturating_add(n));
        for &(from, to) in &self.items[self.next..end] {
            let raw = &self.text[from..to];
            let read = serde_json::from_str::<Activity>(raw).ok().or_else(|| {
                let value: serde_json::Value = serde_json::from_str(raw).ok()?;
                object::from_value::<Activity>(&value).ok()
            });
            match read.filter(|a| a.check().is_ok()) {
                Some(a) => self.list.push(a),
                None => self.bad += 1,
            }
        }
        self.next = end;
        self.next == self.items.len()
    }

    /// How many activities the file holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the file holds no activities.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The good, checked activities read so far, and how many were left out.
    pub fn finish(self) -> (Vec<Activity>, usize) {
        (self.list, self.bad)
    }
}

/// Where the activities are in a file already checked to be a JSON object
/// with at most one "activities" list: the byte range of each element. (The
/// file is walked key by key at the top, so an "activities" inside another
/// value is not taken for it.) None if the text is not such an object.
fn activity_places(text: &str) -> Option<Vec<(usize, usize)>> {
    /// Skips white space from `at`.
    fn ws(text: &str, mut at: usize) -> usize {
        while matches!(text.as_bytes().get(at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            at += 1;
        }
        at
    }
    /// The byte `b` at `at` (after white space), and where after it.
    fn byte(text: &str, at: usize, b: u8) -> Option<usize> {
        let at = ws(text, at);
        (text.as_bytes().get(at) == Some(&b)).then_some(at + 1)
    }
    /// One value of type `T` at `at` (after white space): it, where it starts and where it ends.
    fn value<'a, T: Deserialize<'a>>(text: &'a str, at: usize) -> Option<(T, usize, usize)> {
        let at = ws(text, at);
        let mut stream = serde_json::Deserializer::from_str(&text[at..]).into_iter::<T>();
        let v = stream.next()?.ok()?;
        Some((v, at, at + stream.byte_offset()))
    }
    let mut items = Vec::new();
    let mut at = byte(text, 0, b'{')?;
    if let Some(end) = byte(text, at, b'}') {
        return (ws(text, end) == text.len()).then_some(items);
    }
    loop {
        let (key, _, end) = value::<String>(text, at)?;
        at = byte(text, end, b':')?;
        match byte(text, at, b'[') {
            Some(open) if key == "activities" => {
                at = open;
                if let Some(end) = byte(text, at, b']') {
                    at = end;
                } else {
                    loop {
                        let (IgnoredAny, start, end) = value::<IgnoredAny>(text, at)?;
                        items.push((start, end));
                        if let Some(next) = byte(text, end, b',') {
                            at = next;
                        } else {
                            at = byte(text, end, b']')?;
                            break;
                        }
                    }
                }
            }
            _ => at = value::<IgnoredAny>(text, at)?.2,
        }
        if let Some(next) = byte(text, at, b',') {
            at = next;
        } else {
            at = byte(text, at, b'}')?;
            return (ws(text, at) == text.len()).then_some(items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::activity::Draft;
    use crate::record::meta::{Clock, DeviceId, Meta};

    fn sample(clock: &mut Clock, title: &str) -> Activity {
        let d = Draft {
            title: title.into(),
            municipality: "Assens".into(),
            days: [true, false, false, false, false, false, false],
            start: "10.00".into(),
            end: "11.00".into(),
            ..Draft::default()
        };
        d.build(Meta::new(crate::record::meta::test_id(), clock, 1_000), Default::default()).unwrap()
    }

    #[test]
    fn the_catalogue_reads_fast_and_leaves_bad_records_out() {
        let mut c = Clock::new(DeviceId("x".into()));
        let good = sample(&mut c, "A");
        let file = serde_json::json!({"format": "tid-og-lyst", "version": 1, "activities": [good]});
        let (list, bad) = parse_catalogue(&file.to_string()).unwrap();
        assert_eq!((list.len(), bad), (1, 0));
        let mut wrong = serde_json::to_value(&good).unwrap();
        wrong["id"] = serde_json::json!("nope");
        let mut unchecked = good.clone();
        unchecked.municipality = "Atlantis".into();
        let file = serde_json::json!({"format": "tid-og-lyst", "version": 1, "activities": [good, wrong, unchecked]});
        let (list, bad) = parse_catalogue(&file.to_string()).unwrap();
        assert_eq!((list.len(), bad), (1, 2));
        assert!(parse_catalogue(r#"{"format":"andet","version":1,"activities":[]}"#).is_err());
        assert!(parse_catalogue("ikke json").is_err());
    }

    #[test]
    fn a_newer_version_or_broken_syntax_anywhere_is_refused_and_a_bom_is_not() {
        let mut c = Clock::new(DeviceId("x".into()));
        let good = serde_json::to_string(&sample(&mut c, "A")).unwrap();
        let newer = format!(r#"{{"format":"tid-og-lyst","version":{},"activities":[{good}]}}"#, VERSION + 1);
        assert_eq!(parse_catalogue(&newer).unwrap_err(), ImportError::WrongFormat.to_string());
        // A broken last element: nothing is read, not the activities before it.
        let broken = format!(r#"{{"format":"tid-og-lyst","version":1,"activities":[{good},{{"id":]}}"#);
        assert!(CatalogueReader::new(broken).is_err());
        let with_bom = format!("\u{feff}{{\"format\":\"tid-og-lyst\",\"version\":1,\"activities\":[{good}]}}");
        assert_eq!(parse_catalogue(&with_bom).unwrap().0.len(), 1);
        let none = parse_catalogue(r#"{"format":"tid-og-lyst","version":1}"#).unwrap();
        assert_eq!((none.0.len(), none.1), (0, 0));
        // Only the file's own list counts, wherever it is and however spaced.
        let nested = format!(
            "{{ \"origin\" : {{\"activities\":[{good},{good}]}},\n\t\"activities\" : [ {good} ] , \"format\":\"tid-og-lyst\", \"version\":1 }}\n"
        );
        let reader = CatalogueReader::new(nested).unwrap();
        assert_eq!(reader.len(), 1);
        assert_eq!(reader.finish().0.len(), 0, "nothing read before a step");
        assert!(parse_catalogue(r#"{"format":"tid-og-lyst","version":1,"activities":[]} x"#).is_err());
        assert!(parse_catalogue(r#"[{"format":"tid-og-lyst","version":1}]"#).is_err());
    }

    #[test]
    fn an_activity_with_a_repeated_key_is_read_as_an_import_reads_it() {
        // Read straight into a record, a repeated "title" is refused; through
        // a JSON value (as an import reads it) the last one counts.
        let mut c = Clock::new(DeviceId("x".into()));
        let good = serde_json::to_string(&sample(&mut c, "A")).unwrap();
        let twice = good.replacen('{', r#"{"title":"Først","#, 1);
        assert!(serde_json::from_str::<Activity>(&twice).is_err(), "the record reader refuses the repeated key");
        let file = format!(r#"{{"format":"tid-og-lyst","version":1,"activities":[{twice}]}}"#);
        let (list, bad) = parse_catalogue(&file).unwrap();
        assert_eq!((list.len(), bad), (1, 0));
        assert_eq!(list[0].title, "A");
    }

    proptest::proptest! {
        /// Read in steps of any size, the catalogue gives what it gives read
        /// at once, in the same order, with the same count left out.
        #[test]
        fn steps_of_any_size_read_the_same(kinds in proptest::collection::vec(0u8..3, 0..12), n in 1usize..5) {
            let mut c = Clock::new(DeviceId("x".into()));
            let items: Vec<serde_json::Value> = kinds.iter().enumerate().map(|(i, k)| {
                let a = sample(&mut c, &format!("Aktivitet {i}"));
                let mut v = serde_json::to_value(&a).unwrap();
                match k {
                    0 => {}
                    1 => v["id"] = serde_json::json!("nope"),
                    _ => v["municipality"] = serde_json::json!("Atlantis"),
                }
                v
            }).collect();
            let text = serde_json::json!({"format": "tid-og-lyst", "version": 1, "activities": items}).to_string();
            let whole = parse_catalogue(&text).unwrap();
            let mut reader = CatalogueReader::new(text).unwrap();
            proptest::prop_assert_eq!(reader.len(), kinds.len());
            let mut steps = 0;
            while !reader.step(n) {
                steps += 1;
                proptest::prop_assert!(steps <= kinds.len());
            }
            let stepped = reader.finish();
            proptest::prop_assert_eq!(stepped.1, kinds.iter().filter(|k| **k != 0).count());
            proptest::prop_assert_eq!(stepped, whole);
        }
    }
}
