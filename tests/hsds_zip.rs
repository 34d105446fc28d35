//! An HSDS package goes round through the zip container the HSDS wasm uses
//! (`tid_og_lyst::zip`), with its files in a folder as zip programs often
//! put them: what comes back reads to the same activities as the loose files.

use chrono::NaiveDate;
use tid_og_lyst::zip;
use tid_og_lyst_core::activities::activity::{Activity, Draft, KIND_MONTHLY};
use tid_og_lyst_core::activities::hsds::{export, import};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

const NOW: i64 = 1_796_641_200_000;

fn build(seed: u64, draft: Draft) -> Activity {
    draft
        .build(Meta::new(RecordId::from_seed(seed), &mut Clock::new(DeviceId("t".into())), 1_000), Default::default())
        .unwrap()
}

fn metas() -> impl FnMut(Option<RecordId>) -> Meta {
    let mut clock = Clock::new(DeviceId("hsds".into()));
    move |id| Meta::new(id.unwrap_or(RecordId::from_seed(99)), &mut clock, 9_000)
}

#[test]
fn a_package_goes_round_through_the_zip_in_a_folder() {
    let weekly = Draft {
        title: "Demenscafé, \"Kaffe & kage\"".into(),
        organizer: "Røde Kors Assens".into(),
        category: "demens".into(),
        municipality: "Assens".into(),
        town: "5620 Glamsbjerg".into(),
        days: [false, true, false, true, false, false, false],
        start: "09.30".into(),
        end: "11.45".into(),
        confirmed: "20-11-2026".into(),
        ..Draft::default()
    };
    let monthly = Draft {
        title: "Pårørendegruppe".into(),
        category: "paaroerende".into(),
        municipality: "Brønderslev".into(),
        kind: KIND_MONTHLY.into(),
        nth: "-1".into(),
        month_day: 3,
        start: "19.00".into(),
        end: "21.00".into(),
        ..Draft::default()
    };
    let before = vec![build(1, weekly), build(2, monthly)];
    let files = export(&before, NOW);
    let loose = import(&files, &mut metas()).unwrap();
    assert_eq!(loose.good.len(), 2);
    let packed: Vec<(String, Vec<u8>)> =
        files.iter().map(|(n, t)| (format!("pakke/{n}"), t.clone().into_bytes())).collect();
    let when = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(12, 0, 0).unwrap();
    let bytes = zip::write(&packed, when);
    let unpacked: Vec<(String, String)> =
        zip::read(&bytes).unwrap().into_iter().map(|(n, b)| (n, String::from_utf8(b).unwrap())).collect();
    assert_eq!(unpacked.len(), files.len());
    assert!(unpacked.iter().all(|(n, _)| n.starts_with("pakke/")));
    assert_eq!(import(&unpacked, &mut metas()).unwrap(), loose);
}
