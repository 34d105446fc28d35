//! Golden fixtures: every export version ever written keeps loading, and the
//! export file's bad forms get their Danish errors.

use tid_og_lyst_core::record::merge::Record;
use tid_og_lyst_core::record::meta::DeviceId;
use tid_og_lyst_core::sync::wire::{export_json, parse_text, ImportError};

const V1_MINIMAL: &str = include_str!("../../tests/fixtures/v1-minimal.json");

#[test]
fn golden_v1_minimal_loads() {
    let parsed = parse_text(V1_MINIMAL).expect("v1 fixture must keep loading");
    assert_eq!(parsed.source_version, 1);
    assert_eq!(parsed.data.dreams.len(), 1);
    assert_eq!(parsed.data.activities.len(), 1);
    assert_eq!(parsed.data.assessments.len(), 1);
    let dream = parsed.data.dreams.values().next().unwrap();
    assert_eq!(dream.label(), "Fisketur fra havnen");
}

#[test]
fn export_round_trips_and_keeps_unknown_fields() {
    let parsed = parse_text(V1_MINIMAL).unwrap();
    let text = export_json(&parsed.data, &DeviceId("dev1".into()), 1_795_374_000_000);
    assert!(text.contains("\"future_field\""), "unknown fields survive export");
    let again = parse_text(&text).unwrap();
    assert_eq!(again.data, parsed.data);
}

#[test]
fn byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{V1_MINIMAL}");
    assert!(parse_text(&with_bom).is_ok());
}

fn err(text: &str) -> ImportError {
    parse_text(text).expect_err("must be refused")
}

#[test]
fn bad_files_get_named_errors() {
    assert_eq!(err(""), ImportError::Empty);
    assert!(matches!(err("{\"format\": \"tid-og-lyst\", \"version\": 1, "), ImportError::NotJson(_)));
    assert_eq!(err("[1,2,3]"), ImportError::WrongFormat);
    assert_eq!(err(r#"{"format":"excel","version":1}"#), ImportError::WrongFormat);
    assert_eq!(err(r#"{"format":"tid-og-lyst","version":7}"#), ImportError::NewerVersion(7));
    assert!(matches!(err(r#"{"format":"tid-og-lyst","version":"1"}"#), ImportError::BadVersion(_)));
    assert!(matches!(err(r#"{"format":"tid-og-lyst","version":1,"dreams":{}}"#), ImportError::NotAList("dreams")));
    let wrong_type = r#"{"format":"tid-og-lyst","version":1,"dreams":[{"id":"0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d01","rev":{"at":"2026-11-20T10:00:00.000Z","n":0,"by":"x"},"title":42}]}"#;
    match err(wrong_type) {
        ImportError::BadRecord { kind, index, .. } => assert_eq!((kind, index), ("Drøm", 1)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn duplicate_ids_are_refused() {
    let mut v: serde_json::Value = serde_json::from_str(V1_MINIMAL).unwrap();
    let d = v["dreams"][0].clone();
    v["dreams"].as_array_mut().unwrap().push(d);
    match err(&v.to_string()) {
        ImportError::DuplicateId { kind, .. } => assert_eq!(kind, "dreams"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn absurd_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(err(&deep), ImportError::NotJson(_)));
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = vec![b' '; tid_og_lyst_core::sync::wire::MAX_IMPORT_BYTES + 1];
    assert!(matches!(tid_og_lyst_core::sync::wire::parse_bytes(&big), Err(ImportError::TooLarge { .. })));
}

#[test]
fn invalid_utf8_is_refused() {
    assert_eq!(tid_og_lyst_core::sync::wire::parse_bytes(&[0xff, 0xfe, 0x00]), Err(ImportError::NotText));
}

#[test]
fn error_messages_are_danish() {
    let msg = err(r#"{"format":"tid-og-lyst","version":9}"#).to_string();
    assert!(msg.contains("nyere version"), "{msg}");
}
