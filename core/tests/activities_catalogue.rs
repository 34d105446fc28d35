//! The shipped example catalogue (`public/catalogue.json`, made by
//! `node tools/catalogue.mjs`) passes the same checks as an imported file,
//! is big and varied enough, is all marked as example data, and survives a
//! CSV round trip.

use std::collections::BTreeSet;

use tid_og_lyst_core::activities::csv::{from_csv, to_csv};
use tid_og_lyst_core::activities::directory::{build, Filters};
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::sync::wire::parse_text;

fn catalogue() -> tid_og_lyst_core::sync::data::AppData {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalogue.json")).unwrap();
    parse_text(&text).expect("the catalogue is a valid export file").data
}

#[test]
fn catalogue_is_valid_large_enough_and_marked_as_examples() {
    let data = catalogue();
    let acts: Vec<_> = live(&data.activities).collect();
    assert!(acts.len() >= 80, "{} activities", acts.len());
    let munis: BTreeSet<&str> = acts.iter().map(|a| a.municipality.as_str()).collect();
    assert!(munis.len() >= 12, "{munis:?}");
    for name in [
        "Guldborgsund",
        "Assens",
        "Brønderslev",
        "Rudersdal",
        "Middelfart",
        "Hedensted",
        "Svendborg",
        "Aabenraa",
        "Roskilde",
    ] {
        assert!(munis.contains(name), "{name} missing");
    }
    assert!(acts.iter().all(|a| a.example), "every entry is example data");
    let titles: Vec<&str> = acts.iter().map(|a| a.title.as_str()).collect();
    for t in ["IT-café i Juelsminde", "IT-café i Tørring", "Grønningens Dansevenner", "Bogvenner"] {
        assert!(titles.contains(&t), "{t} missing");
    }
    assert!(acts
        .iter()
        .any(|a| a.category == tid_og_lyst_core::activities::activity::Category::Demens && a.municipality == "Assens"));
}

#[test]
fn catalogue_round_trips_through_csv() {
    let data = catalogue();
    let acts: Vec<_> = live(&data.activities).cloned().collect();
    let csv = to_csv(&acts);
    let mut metas = acts.iter().map(|a| a.meta.clone()).collect::<Vec<_>>().into_iter();
    let back = from_csv(&csv, &mut |_| metas.next().unwrap()).unwrap();
    assert!(back.bad.is_empty(), "{:?}", back.bad);
    let back: Vec<_> = back.good.into_iter().map(|(_, a)| a).collect();
    assert_eq!(back, acts);
}

#[test]
fn searching_demens_in_the_catalogue_finds_the_assens_cafes() {
    let data = catalogue();
    let now = 1_795_374_000_000; // 22 Nov 2026
    let entries = build(live(&data.activities).cloned().collect(), now);
    let hits = tid_og_lyst_core::activities::directory::filter(
        &entries,
        &Filters { q: "demens".into(), municipality: "Assens".into(), ..Default::default() },
        now,
        &Default::default(),
    );
    assert!(hits.len() >= 3, "{}", hits.len());
    // Sorted by next meeting.
    let starts: Vec<i64> =
        hits.iter().map(|i| entries[*i as usize].next.map(|o| o.start_utc).unwrap_or(i64::MAX)).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}
