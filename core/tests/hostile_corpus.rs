//! The hostile-input corpus (`tests/hostile/`, made by
//! `tools/make-hostile.mjs`) through the pure import code: nothing panics,
//! every refusal is a Danish sentence, and what must be refused is refused.

use std::fs;
use std::path::Path;

use tid_og_lyst_core::activities::csv::{decode, from_csv};
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};
use tid_og_lyst_core::sync::wire::{export_json, parse_bytes, parse_text, ImportError};

fn corpus(ext: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile"));
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// JSON files that are acceptable as they are (their text is hostile, the
/// structure is fine): importing them must be safe, not refused.
const ACCEPTED: &[&str] = &[
    "bom-utf8-valid.json",
    "emoji-rtl-zalgo.json",
    "proto-keys.json",
    "nul-in-key.json",
    "xss-dreams.json",
    "xss-activities.json",
    "xss-assessments.json",
];

#[test]
fn the_corpus_is_large_enough() {
    assert!(corpus("json").len() + corpus("csv").len() >= 40);
}

#[test]
fn every_json_file_is_refused_with_danish_or_imported_safely() {
    for (name, bytes) in corpus("json") {
        let result = std::panic::catch_unwind(|| parse_bytes(&bytes));
        let result = result.unwrap_or_else(|_| panic!("{name} panicked"));
        match result {
            Ok(parsed) => {
                assert!(ACCEPTED.contains(&name.as_str()), "{name} was accepted but should be refused");
                // What was accepted survives its own export unchanged.
                let text = export_json(&parsed.data, &DeviceId("t".into()), 1_795_374_000_000);
                assert_eq!(parse_text(&text).unwrap().data, parsed.data, "{name}");
            }
            Err(e) => {
                assert!(!ACCEPTED.contains(&name.as_str()), "{name} was refused: {e}");
                let msg = e.to_string();
                assert!(msg.len() > 10 && msg.chars().next().is_some_and(char::is_uppercase), "{name}: {msg}");
                for english in ["expected", "invalid type", "missing field", "EOF"] {
                    assert!(!msg.starts_with(english), "{name}: English message {msg}");
                }
            }
        }
    }
}

#[test]
fn javascript_links_never_survive_as_links() {
    let bytes = fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile/javascript-links.json")).unwrap();
    // Either the file is refused with a message about the link, or no unsafe
    // link survives the import.
    match parse_bytes(&bytes) {
        Err(e) => assert!(matches!(e, ImportError::BadRecord { .. }), "{e}"),
        Ok(parsed) => {
            for a in live(&parsed.data.activities) {
                let web = serde_json::to_value(a).unwrap()["contact"]["web"].as_str().unwrap_or("").to_string();
                assert!(web.is_empty() || tid_og_lyst_core::text::fields::is_safe_link(&web), "{web} survived");
            }
        }
    }
}

#[test]
fn every_csv_file_is_read_without_panic_and_bad_rows_name_their_line() {
    for (name, bytes) in corpus("csv") {
        let mut clock = Clock::new(DeviceId("t".into()));
        let mut t = 0;
        let mut meta = |id: Option<RecordId>| {
            t += 1;
            Meta::new(id.unwrap_or(RecordId::from_seed(t as u64)), &mut clock, t)
        };
        let text = decode(&bytes);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| from_csv(&text, &mut meta)));
        let result = result.unwrap_or_else(|_| panic!("{name} panicked"));
        if name == "csv-bad-rows.csv" {
            let import = result.as_ref().expect("good rows are still importable");
            assert_eq!(import.good.len(), 1, "{name}: only the good row; bad: {:?}", import.bad);
            assert!(import.bad.len() >= 2, "{name}: {:?}", import.bad);
            assert!(import.bad.iter().all(|(line, _)| *line >= 2), "{name}: line numbers {:?}", import.bad);
        }
        if name == "csv-empty.csv" || name == "csv-no-known-header.csv" {
            assert!(result.is_err(), "{name}");
        }
    }
}
