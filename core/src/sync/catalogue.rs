//! The example catalogue served beside the app: an export file (format
//! version 1) that holds only activities, read without the import size limit.

use crate::activities::activity::Activity;
use crate::record::merge::Record;
use crate::record::object;
use crate::sync::migrate::{FORMAT, VERSION};
use crate::sync::reader::{skip_ws, value_at};
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
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let Some(top) = walk(&text) else {
            // serde's own words for what is wrong (the walk only finds that something is).
            #[derive(serde::Deserialize)]
            #[allow(dead_code)]
            struct Top {
                format: String,
                version: u64,
                #[serde(default)]
                activities: Vec<IgnoredAny>,
            }
            let e = serde_json::from_str::<Top>(&text).err();
            return Err(e.map_or_else(|| ImportError::NotJson(String::new()).to_string(), |e| e.to_string()));
        };
        if top.format != FORMAT || top.version > VERSION {
            return Err(ImportError::WrongFormat.to_string());
        }
        Ok(CatalogueReader { items: top.items, next: 0, list: Vec::new(), bad: 0, text })
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

/// What the walk over the file's top finds.
struct Top {
    format: String,
    version: u64,
    /// The byte range of each activity.
    items: Vec<(usize, usize)>,
}

/// The file's top, walked key by key in one pass (so an "activities" inside
/// another value is not taken for the list): its format and version, and
/// where each activity is (each checked for syntax with serde's
/// `IgnoredAny`, none built). None when the file is not an object with a
/// string format, a whole version and a list of activities (or none), each
/// once, and nothing after it.
fn walk(text: &str) -> Option<Top> {
    /// The byte `b` at `at` (after white space), and where after it.
    fn byte(text: &str, at: usize, b: u8) -> Option<usize> {
        let at = skip_ws(text, at);
        (text.as_bytes().get(at) == Some(&b)).then_some(at + 1)
    }
    /// One value of type `T` at `at` (after white space): it, where it starts and where it ends.
    fn value<'a, T: Deserialize<'a>>(text: &'a str, at: usize) -> Option<(T, usize, usize)> {
        let at = skip_ws(text, at);
        let (v, end) = value_at(text, at)?.ok()?;
        Some((v, at, end))
    }
    let (mut format, mut version, mut items) = (None, None, None);
    let mut at = byte(text, 0, b'{')?;
    let mut next = byte(text, at, b'}');
    while next.is_none() {
        let (key, _, end) = value::<String>(text, at)?;
        at = byte(text, end, b':')?;
        match key.as_str() {
            "format" if format.is_none() => {
                (format, at) = value::<String>(text, at).map(|(v, _, end)| (Some(v), end))?
            }
            "version" if version.is_none() => {
                (version, at) = value::<u64>(text, at).map(|(v, _, end)| (Some(v), end))?
            }
            "activities" if items.is_none() => {
                let mut list = Vec::new();
                at = byte(text, at, b'[')?;
                if let Some(end) = byte(text, at, b']') {
                    at = end;
                } else {
                    loop {
                        let (IgnoredAny, start, end) = value::<IgnoredAny>(text, at)?;
                        list.push((start, end));
                        match byte(text, end, b',') {
                            Some(after) => at = after,
                            None => {
                                at = byte(text, end, b']')?;
                                break;
                            }
                        }
                    }
                }
                items = Some(list);
            }
            "format" | "version" | "activities" => return None,
            _ => at = value::<IgnoredAny>(text, at)?.2,
        }
        match byte(text, at, b',') {
            Some(after) => at = after,
            None => next = Some(byte(text, at, b'}')?),
        }
    }
    let end = next?;
    (skip_ws(text, end) == text.len()).then_some(())?;
    Some(Top { format: format?, version: version?, items: items.unwrap_or_default() })
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
