//! The shared tablet's rule of what is personal: after a visit, the
//! tablet's own claims (with the log lines naming the runner) and its
//! ballots in workshops that are not running are gone; the dreams, the
//! directory, other devices' claims, the coordinator's entries and a
//! running workshop stay; nothing is released (no tombstone travels), so
//! the coordinator's copy still holds the claim after a merge. And which
//! stored keys each clearing removes, and the "kept" message of a full store.

use serde_json::{json, Value};
use tid_og_lyst_core::da::kept::kept;
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::record::meta::{parse_millis, DeviceId};
use tid_og_lyst_core::sync::data::AppData;
use tid_og_lyst_core::sync::shared_tablet::{forget_visit, keys_to_remove, Clearing, Forgotten, Holds};
use tid_og_lyst_core::sync::wire;

const TABLET: &str = "cafe-tablet";
const DREAM: &str = "00000000-0000-4000-8000-000000000001";
const OTHER_DREAM: &str = "00000000-0000-4000-8000-000000000002";
const RUNNING: &str = "00000000-0000-4000-8000-0000000000a1";
const OLD: &str = "00000000-0000-4000-8000-0000000000a2";

fn rev(at: &str, by: &str) -> Value {
    json!({ "at": at, "n": 0, "by": by })
}

fn claim(i: u8, name: &str, by: &str, deleted: bool, coordinator: bool) -> Value {
    let mut c = json!({ "id": format!("00000000-0000-4000-9000-00000000000{i}"), "rev": rev("2026-11-22T09:00:00.000Z", by),
        "deleted": deleted, "name": name, "contact": format!("{}@example.dk", name.to_lowercase()),
        "claimed_at": "2026-11-22T09:00:00.000Z" });
    if coordinator {
        c["by_coordinator"] = json!(true);
    } else {
        c["device"] = json!(by);
    }
    c
}

fn log(who: &str, event: &str, claim: Option<u8>) -> Value {
    let mut e = json!({ "rev": rev("2026-11-22T09:00:00.000Z", "x"), "who": who, "event": event });
    if let Some(i) = claim {
        e["claim"] = json!(format!("00000000-0000-4000-9000-00000000000{i}"));
    }
    e
}

fn ballot(alias: &str, by: &str) -> Value {
    json!({ "participant": alias, "card": "bisiddere", "position": 2, "rev": rev("2026-11-22T09:30:00.000Z", by) })
}

fn session(id: &str, date: &str) -> Value {
    json!({ "id": id, "rev": rev("2026-11-20T08:00:00.000Z", "facilitator"), "deleted": false,
        "title": format!("Workshop {date}"), "date": date,
        "tasks": [{ "id": "bisiddere", "title": "Bisiddere", "origin": "seed", "question": "Skal frivillige være bisiddere?" }],
        "responses": [ballot("Ugle", TABLET), ballot("Ræv", "phone"), ballot("Hjort", TABLET)],
        "notes": [{ "card": "bisiddere", "text": "Delte meninger", "rev": rev("2026-11-22T09:40:00.000Z", TABLET) }] })
}

/// On the café's tablet: a dream with Anna's claim (made here), Bent's
/// released claim (made here), Carl's (made on his phone) and Dorte's
/// (entered here by the coordinator, who took her call); another dream
/// without claims; an activity of the imported list; a workshop running
/// today and one from last week, each with two ballots given here.
fn tablet_data() -> AppData {
    let dream = json!({
        "id": DREAM, "rev": rev("2026-11-20T10:00:00.000Z", "koordinator"), "deleted": false,
        "title": "Fisketur fra havnen", "dreamer": "Erik", "municipality": "Svendborg", "runners_needed": 3,
        "claims": [claim(1, "Anna", TABLET, false, false), claim(2, "Bent", TABLET, true, false),
            claim(3, "Carl", "phone", false, false), claim(4, "Dorte", TABLET, false, true)],
        "log": [log("Lone", "created", None), log("Anna", "claimed", Some(1)), log("Bent", "claimed", Some(2)),
            log("Bent", "released", Some(2)), log("Carl", "claimed", Some(3)), log("Lone", "claimed", Some(4)),
            log("Lone", "confirmed", Some(1))],
    });
    let other = json!({ "id": OTHER_DREAM, "rev": rev("2026-11-20T10:00:00.000Z", "koordinator"), "deleted": false,
        "title": "Koncert i parken", "dreamer": "Grete", "municipality": "Assens" });
    let activity = json!({ "id": "00000000-0000-4000-8000-0000000000b1", "rev": rev("2026-11-01T10:00:00.000Z", "kommunen"),
        "deleted": false, "title": "Åbent Mødested", "organizer": "Guldborgsund Kommune", "municipality": "Guldborgsund" });
    let file = json!({ "format": "tid-og-lyst", "version": 1, "dreams": [dream, other], "activities": [activity],
        "assessments": [session(RUNNING, "2026-11-22"), session(OLD, "2026-11-15")] });
    wire::parse_text(&file.to_string()).unwrap().data
}

/// 22 November 2026, 23:30 in Copenhagen (22:30 UTC): still the 22nd there.
fn now() -> i64 {
    parse_millis("2026-11-22T22:30:00.000Z").unwrap()
}

fn dream_text(d: &AppData) -> String {
    serde_json::to_string(&d.dreams).unwrap()
}

#[test]
fn a_visit_leaves_no_claim_or_name_of_the_tablet_and_keeps_everything_else() {
    let before = tablet_data();
    let mut d = before.clone();
    let gone = forget_visit(&mut d, &DeviceId(TABLET.into()), now());
    assert_eq!(gone, Forgotten { claims: 2, ballots: 2 });
    let text = dream_text(&d);
    for name in ["Anna", "anna@example.dk", "Bent", "bent@example.dk"] {
        assert!(!text.contains(name), "{name} is still on the tablet: {text}");
    }
    let dream = d.dreams.values().find(|x| x.meta.id.to_string() == DREAM).unwrap();
    let names: Vec<&str> = dream.claims.values().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Carl", "Dorte"], "other devices' claims and the coordinator's entry stay");
    let lines: Vec<&str> = dream.log.iter().map(|e| e.who.as_str()).collect();
    assert_eq!(lines, ["Carl", "Lone", "Lone"], "created and Dorte's entry by Lone, Carl's claim");
    // Forgotten, not edited: the dream keeps its revision, nothing is a tombstone.
    assert_eq!(dream.meta.rev, before.dreams.values().find(|x| x.meta.id.to_string() == DREAM).unwrap().meta.rev);
    assert!(dream.claims.values().all(|c| !c.meta.deleted));
    assert_eq!(live(&d.dreams).count(), 2);
    assert_eq!(d.activities, before.activities, "the directory stays");
    // The running workshop keeps every ballot and note; last week's loses the tablet's ballots only.
    let sessions: Vec<(String, Vec<String>, usize)> = d
        .assessments
        .values()
        .map(|s| (s.date.clone(), s.responses.keys().map(|k| k.0.clone()).collect(), s.notes.len()))
        .collect();
    assert_eq!(
        sessions,
        [
            ("2026-11-22".to_string(), vec!["Hjort".to_string(), "Ræv".into(), "Ugle".into()], 1),
            ("2026-11-15".to_string(), vec!["Ræv".to_string()], 1),
        ]
    );
    // The rest still makes a good export.
    let back = wire::parse_text(&wire::export_json(&d, &DeviceId(TABLET.into()), now())).unwrap().data;
    assert_eq!(back, d);
}

#[test]
fn the_claim_is_not_withdrawn_where_it_went_and_a_second_visit_changes_nothing() {
    let coordinator = tablet_data();
    let mut tablet = coordinator.clone();
    forget_visit(&mut tablet, &DeviceId(TABLET.into()), now());
    // The coordinator merges a file from the tablet made after the visit: Anna still goes.
    let merged = coordinator.merge(&tablet);
    assert!(dream_text(&merged).contains("anna@example.dk"));
    let anna = merged.dreams.values().flat_map(|x| x.claims.values()).find(|c| c.name == "Anna").unwrap();
    assert!(anna.is_live(), "no tombstone withdrew Anna's claim");
    // Idempotent.
    let once = tablet.clone();
    assert_eq!(forget_visit(&mut tablet, &DeviceId(TABLET.into()), now()), Forgotten::default());
    assert_eq!(tablet, once);
}

#[test]
fn another_device_forgets_nothing_and_the_next_day_the_workshop_is_no_longer_running() {
    let mut d = tablet_data();
    assert_eq!(forget_visit(&mut d, &DeviceId("a-phone-nobody-used".into()), now()), Forgotten::default());
    assert_eq!(d, tablet_data());
    let next_day = parse_millis("2026-11-22T23:30:00.000Z").unwrap();
    let gone = forget_visit(&mut d, &DeviceId(TABLET.into()), next_day);
    assert_eq!(gone, Forgotten { claims: 2, ballots: 4 });
}

#[test]
fn each_clearing_removes_its_keys() {
    let holds = |k: &str| match k {
        "t.settings" => Some(Holds::Settings),
        "t.schema" => Some(Holds::Schema),
        "t.dreams" => Some(Holds::Records),
        "t.clock" => Some(Holds::DeviceClock),
        "t.undo" => Some(Holds::UndoCopy),
        "t.prefs" | "t.favourites" => Some(Holds::Personal),
        "t.board" => Some(Holds::Board),
        "t.notices" => Some(Holds::HandedOver),
        k if k.starts_with("t.corrupt.") => Some(Holds::MovedAside),
        _ => None,
    };
    let present: Vec<String> = [
        "t.board",
        "t.clock",
        "t.corrupt.dreams.1",
        "t.dreams",
        "t.favourites",
        "t.future",
        "t.notices",
        "t.prefs",
        "t.schema",
        "t.settings",
        "t.undo",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        keys_to_remove(Clearing::Visit, &present, holds),
        ["t.clock", "t.corrupt.dreams.1", "t.favourites", "t.future", "t.notices", "t.prefs", "t.undo"]
    );
    assert_eq!(
        keys_to_remove(Clearing::Everything, &present, holds),
        [
            "t.board",
            "t.clock",
            "t.corrupt.dreams.1",
            "t.dreams",
            "t.favourites",
            "t.future",
            "t.notices",
            "t.prefs",
            "t.undo"
        ]
    );
}

#[test]
fn a_full_store_says_how_much_of_the_import_was_kept() {
    let cases = [
        ([(0, 0), (1000, 5219), (0, 0)], "1.000 af 5.219 aktiviteter er gemt."),
        ([(0, 1), (0, 0), (0, 0)], "0 af 1 drøm er gemt."),
        ([(1, 1), (0, 1), (3, 12)], "1 af 1 drøm, 0 af 1 aktivitet og 3 af 12 workshops er gemt."),
        ([(2, 2), (0, 0), (0, 1)], "2 af 2 drømme og 0 af 1 workshop er gemt."),
    ];
    for (counts, text) in cases {
        assert_eq!(kept(counts), text);
    }
}
