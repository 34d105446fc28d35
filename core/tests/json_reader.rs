//! The export file read a little at a time (`sync::reader`) gives what the
//! one-go parse (`wire::parse_bytes`) gives: the same records, or a refusal
//! for the same reason, for the golden fixture, every hostile file, and the
//! fixture cut, broken and reshaped at every place.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use tid_og_lyst_core::sync::reader::{read_all, JsonReader, Progress};
use tid_og_lyst_core::sync::wire::{parse_bytes, ImportError};

const V1_MINIMAL: &str = include_str!("../../tests/fixtures/v1-minimal.json");

/// Same result; errors of the same kind (a syntax error's place may be
/// counted differently), other errors identical.
fn check(bytes: &[u8]) {
    let once = parse_bytes(bytes);
    let sliced = read_all(bytes.to_vec());
    match (&once, &sliced) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(ImportError::NotJson(_)), Err(ImportError::NotJson(m))) => {
            assert!(m.contains("linje"), "{m}")
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(bytes)),
        _ => panic!("one-go {once:?}\nsliced {sliced:?}\nfor {}", String::from_utf8_lossy(bytes)),
    }
}

#[test]
fn the_fixture_and_every_hostile_file_read_the_same_in_slices() {
    check(V1_MINIMAL.as_bytes());
    assert!(read_all(V1_MINIMAL.as_bytes().to_vec()).is_ok());
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/hostile"));
    let mut n = 0;
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|e| e == "json") {
            check(&fs::read(&p).unwrap());
            n += 1;
        }
    }
    assert!(n > 20);
}

#[test]
fn the_fixture_cut_anywhere_is_refused_the_same_way() {
    let text = V1_MINIMAL.as_bytes();
    for cut in 0..text.len() {
        if std::str::from_utf8(&text[..cut]).is_ok() {
            check(&text[..cut]);
        }
    }
}

#[test]
fn reshaped_files_read_the_same() {
    for text in [
        r#"{"format":"tid-og-lyst","version":1}"#,
        r#" { "version" : 1 , "format" : "tid-og-lyst" , "dreams" : null , "activities" : [ ] } "#,
        r#"{"format":"tid-og-lyst","version":1,"activities":{}}"#,
        r#"{"format":"tid-og-lyst","version":1,"activities":[1]}"#,
        r#"{"format":"tid-og-lyst","version":1,"activities":[],"activities":7}"#,
        r#"{"format":"tid-og-lyst","version":1,"activities":[,]}"#,
        r#"{"format":"tid-og-lyst","version":1,"activities":[{}]]}"#,
        r#"{"format":"tid-og-lyst","version":1,"activities":[{} {}]}"#,
        r#"{"format":"tid-og-lyst","version":1,} "#,
        r#"{"format":"tid-og-lyst","version":1} x"#,
        r#"{"format":"tid-og-lyst","version":2}"#,
        r#"{"format":"tid-og-lyst","version":0}"#,
        r#"{"format":"tid-og-lyst","version":"1"}"#,
        r#"{"format":"tid-og-lyst","version":1.5}"#,
        r#"{"format":"andet","version":1}"#,
        r#"{"format":"tid-og-lyst","version":1,"dreams":[1x]}"#,
        r#"{"format":"tid-og-lyst" "version":1}"#,
        r#"{format:"tid-og-lyst"}"#,
        r#"[{"format":"tid-og-lyst","version":1}]"#,
        r#""tid-og-lyst""#,
        "\u{feff}{\"format\":\"tid-og-lyst\",\"version\":1}",
        "   ",
        "",
    ] {
        check(text.as_bytes());
    }
}

#[test]
fn progress_counts_the_records() {
    let mut r = JsonReader::new(V1_MINIMAL.as_bytes().to_vec()).unwrap();
    assert!(matches!(r.progress(), Progress::Scanning(0, n) if n == V1_MINIMAL.len()));
    let mut seen_reading = false;
    while !r.step(1) {
        if let Progress::Reading(done, total) = r.progress() {
            assert_eq!(total, 3);
            assert!(done <= total);
            seen_reading = true;
        }
    }
    assert!(seen_reading);
    assert_eq!(r.finish().unwrap().data.len(), 3);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// One character of the fixture replaced by another (often breaking it).
    #[test]
    fn the_fixture_with_one_character_changed_reads_the_same(at in 0usize..2000, c in prop::sample::select(vec!['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '1', 'x', 'n'])) {
        let mut chars: Vec<char> = V1_MINIMAL.chars().collect();
        let at = at % chars.len();
        chars[at] = c;
        let text: String = chars.into_iter().collect();
        check(text.as_bytes());
    }
}
