//! The example catalogue served beside the app: an export file (format
//! version 1) that holds only activities, read without the import size limit.

use crate::activities::activity::Activity;
use crate::record::merge::Record;
use crate::record::object;
use crate::sync::migrate::{FORMAT, VERSION};
use crate::sync::wire::ImportError;

/// The catalogue file: an export file (format version 1) holding only
/// activities. Read in one pass straight into records (the catalogue may
/// hold 50,000 and more, beyond the import size limit); when a record does
/// not read, the file is read record by record and the bad ones are left
/// out. Returns the good, checked records and how many were left out.
pub fn parse_catalogue(text: &str) -> Result<(Vec<Activity>, usize), String> {
    #[derive(serde::Deserialize)]
    struct File<T> {
        format: String,
        version: u64,
        #[serde(default = "Vec::new")]
        activities: Vec<T>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (list, mut bad) = match serde_json::from_str::<File<Activity>>(text) {
        Ok(f) if f.format == FORMAT && f.version <= VERSION => (f.activities, 0),
        Ok(_) => return Err(ImportError::WrongFormat.to_string()),
        Err(_) => {
            let f = serde_json::from_str::<File<serde_json::Value>>(text).map_err(|e| e.to_string())?;
            if f.format != FORMAT {
                return Err(ImportError::WrongFormat.to_string());
            }
            let total = f.activities.len();
            let good: Vec<Activity> = f.activities.into_iter().filter_map(|v| object::from_value(&v).ok()).collect();
            let bad = total - good.len();
            (good, bad)
        }
    };
    let before = list.len();
    let list: Vec<Activity> = list.into_iter().filter(|a| a.check().is_ok()).collect();
    bad += before - list.len();
    Ok((list, bad))
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
}
