//! Paper parity: the A4 sheet of a dream says what a post says and never
//! the private note or a runner; the poster's QR copy carries no private
//! note, claim or history, and joining it back loses nothing; the print of
//! all open dreams has the open ones only, soonest deadline first.

use chrono::NaiveDate;
use serde_json::{json, Value};
use tid_og_lyst_core::dreams::dream::Dream;
use tid_og_lyst_core::dreams::paper::{open_for_posters, poster_copy, sheet};
use tid_og_lyst_core::record::merge::Record;

const PRIVATE: &str = "Bor på Havnevej 12, datteren Lise 12345678";

fn rev(at: &str) -> Value {
    json!({ "at": at, "n": 0, "by": "koordinator-enhed" })
}

/// A dream needing two runners, with Anna's claim, a released claim of
/// Bent's, a history and a private note; `status` and `reply_by` as given.
fn dream_json(n: u8, status: &str, reply_by: &str, boundaries: bool) -> Value {
    let claim = |i: u8, name: &str, deleted: bool| {
        json!({ "id": format!("00000000-0000-4000-9000-0000000000{n:01x}{i}"), "rev": rev("2026-03-02T10:00:00.000Z"),
            "deleted": deleted, "name": name, "contact": format!("{}@example.dk", name.to_lowercase()),
            "claimed_at": "2026-03-02T10:00:00.000Z" })
    };
    json!({
        "id": format!("00000000-0000-4000-8000-00000000000{n:01x}"), "rev": rev("2026-03-01T10:00:00.000Z"), "deleted": false,
        "title": format!("Fisketur nr. {n}"), "story": "Erik vil gerne fiske fra havnen igen.",
        "dreamer": "Erik", "dreamer_age": 84, "municipality": "Svendborg", "place": "Svendborg havn",
        "window_from": "2026-04-01", "window_to": "2026-04-30", "reply_by": reply_by,
        "duration_hours": 3.5, "runners_needed": 2, "category": "natur", "needs": ["bil"],
        "coordinator": { "name": "Lone", "contact": "lone@example.dk" },
        "boundaries_ok": if boundaries { json!(["penge", "medicin", "noegler", "pleje", "myndighed"]) } else { json!([]) },
        "status": status,
        "claims": [claim(1, "Anna", false), claim(2, "Bent", true)],
        "log": [
            { "rev": rev("2026-03-01T10:00:00.000Z"), "who": "Lone", "event": "created" },
            { "rev": rev("2026-03-02T10:00:00.000Z"), "who": "Anna", "event": "claimed", "claim": format!("00000000-0000-4000-9000-0000000000{n:01x}1") },
        ],
        "private_note": { "text": PRIVATE, "rev": rev("2026-03-01T10:00:00.000Z") },
    })
}

fn dream(n: u8, status: &str, reply_by: &str, boundaries: bool) -> Dream {
    serde_json::from_value(dream_json(n, status, reply_by, boundaries)).unwrap()
}

#[test]
fn the_sheet_says_what_a_post_says_and_nothing_private() {
    let d = dream(1, "open", "2026-03-25", true);
    let s = sheet(&d);
    assert_eq!(s.title, "Fisketur nr. 1");
    assert_eq!(s.story, "Erik vil gerne fiske fra havnen igen.");
    assert_eq!(s.missing, "Vi mangler 1 drømmeløber.");
    let facts: Vec<(&str, &str)> = s.facts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        facts,
        [
            ("Hvornår", "1. april 2026 – 30. april 2026"),
            ("Hvor", "Svendborg havn, Svendborg"),
            ("Varighed", "3,5 timer"),
            ("Drømmeløbere", "1 af 2"),
            ("Svar senest", "25. marts 2026"),
            ("Praktisk", "bil"),
            ("Kategori", "Natur"),
            ("Drømmer", "Erik (84 år)"),
            ("Koordinator", "Lone, lone@example.dk"),
        ]
    );
    let all = format!("{s:?}");
    for private in ["Havnevej", "Lise", "Anna", "anna@", "Bent"] {
        assert!(!all.contains(private), "the sheet shows {private}");
    }
}

#[test]
fn the_posters_copy_carries_no_private_note_claim_or_history_and_joins_back_losing_nothing() {
    let full = dream(1, "open", "2026-03-25", true);
    let copy = poster_copy(&full).expect("a dream with its boundaries confirmed can hang in public");
    let text = serde_json::to_string(&copy).unwrap();
    for private in ["Havnevej", "Lise", "Anna", "anna@", "Bent", "private_note"] {
        assert!(!text.contains(private), "the poster's link carries {private}");
    }
    assert_eq!((copy.title.as_str(), copy.coordinator.contact.as_str()), ("Fisketur nr. 1", "lone@example.dk"));
    // Brought back by a phone (in either order), the coordinator's copy is whole.
    assert_eq!(Dream::join(&full, &copy), full);
    assert_eq!(Dream::join(&copy, &full), full);
    // Held back from runners, or deleted: no poster.
    assert_eq!(poster_copy(&dream(2, "open", "2026-03-25", false)), None);
    let mut gone = full.clone();
    gone.meta.deleted = true;
    assert_eq!(poster_copy(&gone), None);
}

#[test]
fn the_print_of_all_open_dreams_has_the_open_ones_soonest_first() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let later = dream(1, "open", "2026-03-28", true);
    let sooner = dream(2, "open", "2026-03-20", true);
    let expired = dream(3, "open", "2026-03-09", true);
    let flagged = dream(4, "open", "2026-03-20", false);
    let fulfilled = dream(5, "fulfilled", "2026-03-20", true);
    let mut deleted = dream(6, "open", "2026-03-20", true);
    deleted.meta.deleted = true;
    let all = [later, sooner, expired, flagged, fulfilled, deleted];
    let (open, held) = open_for_posters(&all, today);
    let titles: Vec<&str> = open.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Fisketur nr. 2", "Fisketur nr. 1"]);
    assert_eq!(held, 1, "the dream whose boundaries are not confirmed is held back");
}

#[test]
fn read_aloud_says_the_sheet_in_sentences_and_nothing_private() {
    let d = dream(1, "open", "2026-03-25", true);
    let spoken = tid_og_lyst_core::dreams::paper::read_aloud(&d);
    assert!(
        spoken.starts_with("Fisketur nr. 1. Erik vil gerne fiske fra havnen igen. Vi mangler 1 drømmeløber."),
        "{spoken}"
    );
    for said in
        ["Hvornår: 1. april 2026 til 30. april 2026.", "Varighed: 3,5 timer.", "Koordinator: Lone, lone@example.dk."]
    {
        assert!(spoken.contains(said), "{said} in {spoken}");
    }
    for private in ["Havnevej", "Lise", "Anna", "anna@", "Bent"] {
        assert!(!spoken.contains(private), "Læs op says {private}");
    }
}
