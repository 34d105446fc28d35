//! Open Referral HSDS 3.0 in and out: the export's descriptor defines every
//! column as the official `datapackage.json` does (vendored in
//! `tests/data/hsds`), every required column is there and every key points
//! at a row; an export read back loses nothing the mapping keeps; another
//! system's package is read with what has no place kept as text. (The zip
//! container, in the app crate, goes round in `tests/hsds_zip.rs`.)

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde_json::Value;
use tid_og_lyst_core::activities::activity::{Activity, Draft, KIND_AGREEMENT, KIND_DATES, KIND_MONTHLY};
use tid_og_lyst_core::activities::csv::parse_rows;
use tid_og_lyst_core::activities::hsds::{export, import, stable_id, HsdsError, DESCRIPTOR, RESOURCES};
use tid_og_lyst_core::activities::schedule::Schedule;
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

const NOW: i64 = 1_796_641_200_000;

fn official() -> Value {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hsds/datapackage.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn build(seed: u64, draft: Draft) -> Activity {
    draft
        .build(Meta::new(RecordId::from_seed(seed), &mut Clock::new(DeviceId("t".into())), 1_000), Default::default())
        .unwrap()
}

/// Activities of every schedule kind, with and without each optional thing.
fn activities() -> Vec<Activity> {
    let full = Draft {
        title: "Demenscafé, \"Kaffe & kage\"".into(),
        organizer: "Røde Kors Assens".into(),
        category: "demens".into(),
        description: "Kaffe, kage og \"hygge\".\nNy linje; med semikolon.".into(),
        municipality: "Assens".into(),
        town: "5620 Glamsbjerg".into(),
        address: "Kulturhuset, Bytorvet 1".into(),
        days: [false, true, false, true, false, false, false],
        start: "09.30".into(),
        end: "11.45".into(),
        pause: "juli, august".into(),
        price: "25,50".into(),
        audience: "pårørende, mennesker med demens".into(),
        wheelchair: true,
        companion: true,
        drop_in: true,
        contact_name: "Anne".into(),
        phone: "+45 12 34 56 78".into(),
        email: "anne@example.dk".into(),
        web: "https://example.dk/demens?a=1&b=2".into(),
        source: "Røde Kors, 2026".into(),
        updated: "02-11-2026".into(),
        confirmed: "20-11-2026".into(),
        example: true,
        ..Draft::default()
    };
    let monthly = Draft {
        title: "Pårørendegruppe".into(),
        organizer: "Alzheimerforeningen".into(),
        category: "paaroerende".into(),
        municipality: "Brønderslev".into(),
        town: "Dronninglund".into(),
        kind: KIND_MONTHLY.into(),
        nth: "-1".into(),
        month_day: 3,
        start: "19.00".into(),
        end: "21.00".into(),
        transport: true,
        audience: String::new(),
        ..Draft::default()
    };
    let dates = Draft {
        title: "Foredrag om fugle".into(),
        category: "natur".into(),
        municipality: "Guldborgsund".into(),
        address: "Biblioteket".into(),
        kind: KIND_DATES.into(),
        dates: "25-11-2026, 06-01-2027".into(),
        start: "14.00".into(),
        end: "16.00".into(),
        ..Draft::default()
    };
    let agreement = Draft {
        title: "Besøgsven".into(),
        organizer: "Ældre Sagen Hedensted".into(),
        category: "besoegsven".into(),
        municipality: "Hedensted".into(),
        kind: KIND_AGREEMENT.into(),
        phone: "75 89 00 00".into(),
        ..Draft::default()
    };
    let same_place = Draft {
        title: "Strikkecafé".into(),
        organizer: "Røde Kors Assens".into(),
        municipality: "Assens".into(),
        town: "5620 Glamsbjerg".into(),
        address: "Kulturhuset, Bytorvet 1".into(),
        days: [false, false, false, false, true, false, false],
        ..Draft::default()
    };
    [full, monthly, dates, agreement, same_place].into_iter().enumerate().map(|(i, d)| build(i as u64 + 1, d)).collect()
}

/// Each CSV file of a package as rows of named cells.
fn tables(files: &[(String, String)]) -> HashMap<String, Vec<HashMap<String, String>>> {
    files
        .iter()
        .filter(|(n, _)| n.ends_with(".csv"))
        .map(|(name, text)| {
            assert!(!text.starts_with('\u{feff}'), "{name}: no byte-order mark");
            assert!(text.ends_with("\r\n"), "{name}: CRLF");
            let rows = parse_rows(text, ',').unwrap();
            let header = rows[0].1.clone();
            let body = rows[1..].iter().map(|(_, r)| header.iter().cloned().zip(r.iter().cloned()).collect()).collect();
            (name.clone(), body)
        })
        .collect()
}

#[test]
fn every_column_is_defined_as_the_official_descriptor_defines_it() {
    let official = official();
    let ours = export(&activities(), NOW);
    assert_eq!(ours[0].0, DESCRIPTOR);
    let ours: Value = serde_json::from_str(&ours[0].1).unwrap();
    assert_eq!(ours["profile"], "tabular-data-package");
    let by_name = |v: &Value, name: &str| -> Value {
        v["resources"].as_array().unwrap().iter().find(|r| r["name"] == name).cloned().unwrap_or(Value::Null)
    };
    assert_eq!(ours["resources"].as_array().unwrap().len(), RESOURCES.len());
    for r in RESOURCES {
        let (mine, theirs) = (by_name(&ours, r.name), by_name(&official, r.name));
        assert_eq!(mine["path"], theirs["path"], "{}", r.name);
        for k in ["profile", "format", "mediatype"] {
            assert_eq!(mine[k], theirs[k], "{} {k}", r.name);
        }
        assert_eq!(mine["schema"]["primaryKey"], theirs["schema"]["primaryKey"]);
        let official_fields: Vec<&Value> = theirs["schema"]["fields"].as_array().unwrap().iter().collect();
        let position = |name: &str| official_fields.iter().position(|f| f["name"] == name);
        let mut last = None;
        for f in mine["schema"]["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            let at = position(name).unwrap_or_else(|| panic!("{}.{name} is no HSDS column", r.name));
            assert!(last < Some(at), "{}.{name}: in the official order", r.name);
            last = Some(at);
            let o = official_fields[at];
            assert_eq!(f["type"], o["type"], "{}.{name} type", r.name);
            assert_eq!(f.get("format"), o.get("format"), "{}.{name} format", r.name);
            for c in ["required", "unique", "enum"] {
                assert_eq!(f["constraints"].get(c), o["constraints"].get(c), "{}.{name} {c}", r.name);
            }
        }
        for o in &official_fields {
            if o["constraints"]["required"] == true {
                let name = o["name"].as_str().unwrap();
                assert!(r.fields.iter().any(|f| f.name == name), "{}: the required {name} is written", r.name);
            }
        }
        let official_keys = theirs["schema"]["foreignKeys"].as_array().cloned().unwrap_or_default();
        for k in mine["schema"]["foreignKeys"].as_array().cloned().unwrap_or_default() {
            assert!(official_keys.contains(&k), "{}: {k} is an official key", r.name);
        }
    }
}

#[test]
fn every_row_has_its_required_cells_unique_ids_and_keys_that_point_at_rows() {
    let files = export(&activities(), NOW);
    let t = tables(&files);
    let ids: HashMap<&str, HashSet<String>> = RESOURCES
        .iter()
        .map(|r| (r.name, t[r.path].iter().map(|row| row["id"].clone()).collect::<HashSet<_>>()))
        .collect();
    for r in RESOURCES {
        let rows = &t[r.path];
        assert_eq!(ids[r.name].len(), rows.len(), "{}: unique ids", r.name);
        for row in rows {
            for f in r.fields {
                let v = &row[f.name];
                if f.required {
                    assert!(!v.is_empty(), "{}.{} is required: {row:?}", r.name, f.name);
                }
                if f.format == "uuid" && !v.is_empty() {
                    assert!(uuid::Uuid::parse_str(v).is_ok(), "{}.{} = {v}", r.name, f.name);
                }
                if !f.choices.is_empty() && !v.is_empty() {
                    assert!(f.choices.contains(&v.as_str()), "{}.{} = {v}", r.name, f.name);
                }
                if f.kind == "date" && !v.is_empty() {
                    assert!(NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(), "{}.{} = {v}", r.name, f.name);
                }
            }
            for (field, to) in r.foreign {
                let v = &row[*field];
                assert!(v.is_empty() || ids[to].contains(v), "{}.{field} → {to}: {v}", r.name);
            }
        }
    }
    // What the rows say, by the mapping.
    let services = &t["services.csv"];
    assert_eq!(services.len(), 5);
    let full = &services[0];
    assert_eq!(full["assured_date"], "2026-11-20");
    assert_eq!(full["last_modified"], "2026-11-02T12:00:00Z");
    assert_eq!(full["status"], "active");
    assert_eq!(full["fees_description"], "25,50 kr.");
    assert_eq!(t["organizations.csv"].len(), 4, "one per organiser, one for the activity without");
    assert_eq!(t["locations.csv"].len(), 4, "two activities share a place");
    assert_eq!(t["addresses.csv"].len(), 1, "only the place with a postcode has an HSDS address");
    assert_eq!(t["addresses.csv"][0]["postal_code"], "5620");
    assert_eq!(t["addresses.csv"][0]["state_province"], "Region Syddanmark");
    let schedules = &t["schedules.csv"];
    let weekly = schedules.iter().find(|s| s["service_id"] == full["id"]).unwrap();
    assert_eq!(
        (weekly["freq"].as_str(), weekly["byday"].as_str(), weekly["opens_at"].as_str(), weekly["closes_at"].as_str()),
        ("WEEKLY", "TU,TH", "09:30", "11:45")
    );
    assert_eq!(weekly["notes"], "Holder pause i juli, august.");
    assert!(schedules.iter().any(|s| s["freq"] == "MONTHLY" && s["byday"] == "-1TH"));
    let dated: Vec<&HashMap<String, String>> = schedules.iter().filter(|s| s["count"] == "1").collect();
    assert_eq!(dated.len(), 2);
    assert_eq!((dated[0]["dtstart"].as_str(), dated[0]["byday"].as_str()), ("2026-11-25", "WE"));
    assert_eq!(t["cost_options.csv"][0]["amount"], "25.5");
    assert_eq!(t["service_areas.csv"][0]["name"], "Assens Kommune");
    // A second export gives the same ids.
    assert_eq!(export(&activities(), NOW + 1_000)[1..], files[1..]);
}

fn metas() -> impl FnMut(Option<RecordId>) -> Meta {
    let mut clock = Clock::new(DeviceId("hsds".into()));
    move |id| Meta::new(id.unwrap_or(RecordId::from_seed(99)), &mut clock, 9_000)
}

#[test]
fn an_export_read_back_loses_nothing_the_mapping_keeps() {
    let before = activities();
    let files = export(&before, NOW);
    let back = import(&files, &mut metas()).unwrap();
    assert!(back.bad.is_empty() && back.warnings.is_empty(), "{:?} {:?}", back.bad, back.warnings);
    assert_eq!(back.good.len(), before.len());
    for ((line, a), b) in back.good.iter().zip(&before) {
        assert!(*line >= 2);
        assert_eq!(Activity { meta: b.meta.clone(), ..a.clone() }, *b, "{}", b.title);
        assert_eq!(a.meta.id, b.meta.id, "the service's id is the activity's");
    }
}

#[test]
fn another_systems_package_is_read_with_what_has_no_place_kept_as_text() {
    let services = "id,organization_id,name,description,url,email,status,fees_description,eligibility_description,assured_date,last_modified\r\n\
        svc-1,org-1,Gåtur ved åen,Vi går en tur.,https://example.org,info@example.org,active,,Alle over 60,2026-05-01,2026-04-30T23:30:00+00:00\r\n\
        svc-2,org-1,Lukket klub,,,,inactive,,,,\r\n\
        svc-3,org-1,,Uden navn,,,active,,,,\r\n\
        svc-4,org-2,Danseaften,Dans til levende musik.,,,active,50 kr.,,,\r\n\
        svc-1,org-1,Gåtur igen,,,,active,,,,\r\n\
        svc-5,org-2,Banko i Atlantis,,,,active,,,,\r\n";
    let organizations = "id,name,description\r\norg-1,Gangforeningen,x\r\norg-2,Danseklubben,y\r\n";
    let locations = "id,location_type,name\r\nloc-1,physical,Åstien\r\nloc-2,physical,Forsamlingshuset\r\n";
    let addresses =
        "id,location_id,address_1,address_2,city,region,state_province,postal_code,country,address_type\r\n\
        adr-1,loc-1,Åvej 2,,Aarup,Assens Kommune,Region Syddanmark,5560,DK,physical\r\n";
    let sal = "id,service_id,location_id\r\nsal-1,svc-1,loc-1\r\nsal-4,svc-4,loc-2\r\n";
    let areas = "id,service_id,name\r\narea-4,svc-4,Hedensted\r\n";
    let schedules =
        "id,service_id,service_at_location_id,freq,interval,byday,bymonthday,opens_at,closes_at,description\r\n\
        s1,svc-1,,WEEKLY,1,MO,,10:00:00,11:00:00,\r\n\
        s2,,sal-1,WEEKLY,1,WE,,10:00,11:00,\r\n\
        s3,svc-1,,WEEKLY,2,FR,,14:00,15:00,Hver anden fredag kl. 14\r\n\
        s4,svc-4,,MONTHLY,1,,15,19:00Z,22:00Z,Den 15. i måneden\r\n";
    let costs = "id,service_id,option,currency,amount\r\nc4,svc-4,Entré,EUR,7\r\n";
    let phones = "id,service_id,contact_id,number\r\np1,,k1,12 34 56 78\r\n";
    let contacts = "id,service_id,name,email\r\nk1,svc-1,Bent,\r\n";
    let files: Vec<(String, String)> = [
        ("export/services.csv", services),
        ("export/organizations.csv", organizations),
        ("export/locations.csv", locations),
        ("export/addresses.csv", addresses),
        ("export/service_at_location.csv", sal),
        ("export/service_areas.csv", areas),
        ("export/schedules.csv", schedules),
        ("export/cost_options.csv", costs),
        ("export/phones.csv", phones),
        ("export/contacts.csv", contacts),
    ]
    .into_iter()
    .map(|(n, t)| (n.to_string(), t.to_string()))
    .collect();
    let r = import(&files, &mut metas()).unwrap();
    let titles: Vec<&str> = r.good.iter().map(|(_, a)| a.title.as_str()).collect();
    assert_eq!(titles, ["Gåtur ved åen", "Danseaften"]);
    let bad: Vec<usize> = r.bad.iter().map(|(l, _)| *l).collect();
    assert_eq!(bad, [3, 4, 6, 7], "{:?}", r.bad);
    assert!(r.bad[0].1.contains("inactive") && r.bad[2].1.contains("Samme id som række 2"), "{:?}", r.bad);
    assert!(r.bad[3].1.contains("Banko i Atlantis") && r.bad[3].1.contains("98 kommuner"), "{:?}", r.bad);

    let walk = &r.good[0].1;
    assert_eq!(walk.meta.id, RecordId(stable_id("service:svc-1")), "a stable id from the service's own");
    assert_eq!((walk.organizer.as_str(), walk.municipality.as_str()), ("Gangforeningen", "Assens"));
    assert_eq!((walk.address.as_str(), walk.town.as_str()), ("Åvej 2", "Aarup"));
    assert_eq!(walk.schedule.describe(), "Hver mandag og onsdag kl. 10.00–11.00", "the service's and its place's rows");
    assert!(walk.description.ends_with("\n\nTider: Hver anden fredag kl. 14"), "{}", walk.description);
    assert_eq!(walk.audience, ["Alle over 60"]);
    assert_eq!((walk.contact.name.as_str(), walk.contact.phone.as_str()), ("Bent", "12 34 56 78"));
    assert_eq!(walk.contact.email, "info@example.org");
    assert_eq!(walk.confirmed, NaiveDate::from_ymd_opt(2026, 5, 1));
    assert_eq!(walk.updated, NaiveDate::from_ymd_opt(2026, 5, 1), "23.30 UTC is the next day in Copenhagen");
    assert!(r.warnings.iter().any(|(l, w)| *l == 2 && w.contains("flere forskellige tider")), "{:?}", r.warnings);

    let dance = &r.good[1].1;
    assert_eq!(dance.municipality, "Hedensted");
    assert_eq!(dance.address, "Forsamlingshuset", "the place's name when it has no address");
    assert!(matches!(dance.schedule, Schedule::ByAgreement));
    assert!(dance.description.contains("Tider: Den 15. i måneden") && dance.description.contains("Pris: 7 EUR"));
    assert_eq!(dance.price_dkk, None);
    assert!(r.warnings.iter().any(|(l, w)| *l == 5 && w.contains("EUR")), "{:?}", r.warnings);

    // The package needs services.csv; a broken CSV is named.
    assert_eq!(import(&files[1..], &mut metas()), Err(HsdsError::NoServices));
    let broken = vec![("services.csv".to_string(), "id,name\r\n\"x,y\r\n".to_string())];
    assert!(matches!(import(&broken, &mut metas()), Err(HsdsError::Csv(..))));
    let no_name = vec![("services.csv".to_string(), "id,title\r\n1,x\r\n".to_string())];
    assert_eq!(import(&no_name, &mut metas()).unwrap_err().to_string(), "services.csv mangler kolonnen «name».");
}
