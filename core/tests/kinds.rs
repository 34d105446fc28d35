//! A part's bundle reads, merges and writes its own kind of record only
//! (`sync::data::Kinds`): the other kinds are neither read nor written nor
//! lost, and a file that holds them is refused rather than read in part.

use tid_og_lyst_core::record::meta::DeviceId;
use tid_og_lyst_core::sync::data::{ActivitiesOnly, AllKinds, AppData, AssessmentsOnly, DreamsOnly};
use tid_og_lyst_core::sync::import::{preview, preview_of};
use tid_og_lyst_core::sync::wire::{export_json, export_json_of, parse_text, parse_text_of, ImportError};

const V1_MINIMAL: &str = include_str!("../../tests/fixtures/v1-minimal.json");
const NOW: i64 = 1_795_374_000_000;

/// The fixture's records: one of each kind.
fn full() -> AppData {
    let data = parse_text(V1_MINIMAL).unwrap().data;
    assert_eq!((data.dreams.len(), data.activities.len(), data.assessments.len()), (1, 1, 1));
    data
}

fn only_dreams(d: &AppData) -> AppData {
    AppData { dreams: d.dreams.clone(), ..AppData::default() }
}

#[test]
fn a_file_with_other_kinds_is_refused_not_read_in_part() {
    assert_eq!(parse_text_of::<DreamsOnly>(V1_MINIMAL).unwrap_err(), ImportError::OtherPart);
    assert_eq!(parse_text_of::<ActivitiesOnly>(V1_MINIMAL).unwrap_err(), ImportError::OtherPart);
    assert_eq!(parse_text_of::<AssessmentsOnly>(V1_MINIMAL).unwrap_err(), ImportError::OtherPart);
    assert_eq!(parse_text_of::<AllKinds>(V1_MINIMAL).unwrap().data, full());
    assert!(ImportError::OtherPart.to_string().contains("Del data"));
}

#[test]
fn a_part_writes_and_reads_back_its_own_kind() {
    let me = DeviceId("dev1".into());
    let data = full();
    let text = export_json_of::<DreamsOnly>(&data, &me, NOW);
    let back = parse_text_of::<DreamsOnly>(&text).unwrap().data;
    assert_eq!(back, only_dreams(&data));
    // Every kind reads it too: the other lists are there, empty.
    assert_eq!(parse_text(&text).unwrap().data, only_dreams(&data));
    assert_eq!(export_json_of::<AllKinds>(&data, &me, NOW), export_json(&data, &me, NOW));
}

#[test]
fn a_part_merges_its_own_kind_and_keeps_the_others_as_they_were() {
    let data = full();
    let merged = AppData::default().merge_of::<DreamsOnly>(&data);
    assert_eq!(merged, only_dreams(&data));
    assert_eq!(data.merge_of::<ActivitiesOnly>(&AppData::default()), data);
    assert_eq!(data.merge_of::<AllKinds>(&data), data.merge(&data));

    let mut joined = AppData::default();
    joined.join_in::<AssessmentsOnly>(data.clone());
    assert_eq!(joined, AppData { assessments: data.assessments.clone(), ..AppData::default() });
    let mut all = AppData::default();
    all.join_in::<AllKinds>(data.clone());
    assert_eq!(all, data);
}

#[test]
fn a_part_previews_its_own_kind() {
    let me = DeviceId("dev1".into());
    let data = full();
    let report = preview_of::<DreamsOnly>(&AppData::default(), &data, &me);
    assert_eq!((report.dreams.new, report.activities.new, report.assessments.new), (1, 0, 0));
    assert_eq!(preview_of::<AllKinds>(&AppData::default(), &data, &me), preview(&AppData::default(), &data, &me));
}
