//! Merging workshop sessions: the join is commutative, associative and
//! idempotent (property tests over generated sessions with colliding keys and
//! tied revisions); answer files from many participants merge into one
//! session; a re-imported file replaces and never double counts; files
//! travel through the real export format.

use std::collections::BTreeMap;

use proptest::prelude::*;
use tid_og_lyst_core::assessment::cards::{builtin, Answer, Position};
use tid_og_lyst_core::assessment::results::{card_result, results_csv};
use tid_og_lyst_core::assessment::session::{ballot_diff, Assessment, Note, Response, Tally};
use tid_og_lyst_core::assessment::verdict::Agreement;
use tid_og_lyst_core::record::merge::{collect, Record};
use tid_og_lyst_core::record::meta::{DeviceId, Meta, RecordId, Rev};
use tid_og_lyst_core::sync::data::AppData;
use tid_og_lyst_core::sync::wire;
use uuid::Uuid;

const SESSION: u128 = 42;

fn rev(at: i64, n: u32, dev: &str) -> Rev {
    Rev { at: 1_790_000_000_000 + at, n, by: DeviceId(dev.into()) }
}

fn session(at: i64) -> Assessment {
    let meta = Meta { id: RecordId(Uuid::from_u128(SESSION)), rev: rev(at, 0, "fac"), deleted: false };
    Assessment::new(meta, "Workshop i Hedensted", "2026-11-22", builtin())
}

fn ballot(alias: &str, card: &str, pos: u8, at: i64) -> Response {
    Response {
        participant: alias.into(),
        card: card.into(),
        position: Position::new(pos),
        checks: [("statutory".to_string(), Answer::Nej)].into_iter().collect(),
        comment: String::new(),
        round: 1,
        rev: rev(at, 0, alias),
    }
}

// ---------- generators: few keys, few stamps, so collisions are common ----------

fn small_rev() -> impl Strategy<Value = Rev> {
    (0i64..3, 0u32..2, 0u8..3).prop_map(|(at, n, d)| rev(at, n, &format!("d{d}")))
}

fn response() -> impl Strategy<Value = Response> {
    (0u8..3, 0u8..3, proptest::option::of(1u8..=5), 0u8..3, "[xy]{0,1}", small_rev(), 1u8..3).prop_map(
        |(who, card, pos, ans, comment, rev, round)| Response {
            participant: format!("p{who}"),
            card: ["bisiddere", "indkoebsture", "vaagetjeneste"][card as usize].into(),
            position: pos.and_then(Position::new),
            checks: [("statutory".to_string(), Answer::ALL[ans as usize])].into_iter().collect(),
            comment,
            round,
            rev,
        },
    )
}

fn note() -> impl Strategy<Value = Note> {
    (0u8..2, "[ab]{0,2}", small_rev()).prop_map(|(card, text, rev)| Note {
        card: ["bisiddere", "indkoebsture"][card as usize].into(),
        text,
        rev,
    })
}

fn tally() -> impl Strategy<Value = Tally> {
    (0u8..2, prop::array::uniform5(0u32..3), small_rev()).prop_map(|(card, counts, rev)| Tally {
        card: ["bisiddere", "indkoebsture"][card as usize].into(),
        counts,
        rev,
    })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        small_rev(),
        any::<bool>(),
        "[A-C]{1,2}",
        prop::collection::vec(response(), 0..8),
        prop::collection::vec(note(), 0..3),
        prop::collection::vec(tally(), 0..3),
        0usize..3,
    )
        .prop_map(|(rev, deleted, title, responses, notes, tallies, ncards)| {
            let meta = Meta { id: RecordId(Uuid::from_u128(SESSION)), rev, deleted };
            let mut a = Assessment::new(meta, &title, "", builtin().into_iter().take(ncards).collect());
            for r in responses {
                a.put_response(r);
            }
            for n in notes {
                tidy_put(&mut a.notes, n);
            }
            for t in tallies {
                tidy_put(&mut a.tallies, t);
            }
            a
        })
}

fn tidy_put<V: tid_og_lyst_core::assessment::session::Keyed>(map: &mut BTreeMap<V::Key, V>, item: V) {
    tid_og_lyst_core::assessment::session::put(map, item);
}

fn join(a: &Assessment, b: &Assessment) -> Assessment {
    Assessment::join(a, b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn join_is_commutative(a in assessment(), b in assessment()) {
        prop_assert_eq!(join(&a, &b), join(&b, &a));
    }

    #[test]
    fn join_is_associative(a in assessment(), b in assessment(), c in assessment()) {
        prop_assert_eq!(join(&join(&a, &b), &c), join(&a, &join(&b, &c)));
    }

    #[test]
    fn join_is_idempotent(a in assessment(), b in assessment()) {
        prop_assert_eq!(join(&a, &a), a.clone());
        let ab = join(&a, &b);
        prop_assert_eq!(join(&ab, &b), ab.clone());
        prop_assert_eq!(join(&ab, &a), ab);
    }

    #[test]
    fn ballots_never_double_count(a in assessment(), b in assessment()) {
        let ab = join(&a, &b);
        // One ballot per (participant, card): never more than the distinct keys.
        let keys: std::collections::BTreeSet<_> = a.responses.keys().chain(b.responses.keys()).collect();
        prop_assert_eq!(ab.responses.len(), keys.len());
        let again = join(&ab, &b);
        prop_assert_eq!(again.ballot_count(), ab.ballot_count());
    }

    #[test]
    fn sessions_round_trip_through_the_export_format(a in assessment()) {
        let data = AppData { assessments: collect([a]), ..AppData::default() };
        let text = wire::export_json(&data, &DeviceId("dev".into()), 1_790_000_000_000);
        let back = wire::parse_text(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.data, data);
    }
}

#[test]
fn three_answer_files_merge_into_one_session_and_reimport_replaces() {
    let facilitator = session(0);
    // Each participant got the session file and answered on their phone.
    let mut files = Vec::new();
    for (alias, pos) in [("Anna", 5), ("Bo", 4), ("Carl", 1)] {
        let mut mine = facilitator.for_participants();
        mine.put_response(ballot(alias, "bisiddere", pos, 10));
        mine.put_response(ballot(alias, "vaagetjeneste", 5, 11));
        files.push(mine.answers_of(alias));
    }
    let mut merged = facilitator.clone();
    for f in &files {
        let d = ballot_diff(Some(&merged), f);
        assert_eq!((d.new, d.replaced), (2, 0));
        merged = join(&merged, f);
    }
    assert_eq!(merged.participants().len(), 3);
    assert_eq!(merged.ballot_count(), 6);
    let bis = card_result(&merged, merged.card("bisiddere").unwrap());
    assert_eq!(bis.spread.counts, [1, 0, 0, 1, 1]);
    assert_eq!(bis.agreement(), Agreement::Split);
    let vaage = card_result(&merged, merged.card("vaagetjeneste").unwrap());
    assert_eq!(vaage.spread.counts, [0, 0, 0, 0, 3]);
    assert_eq!(vaage.agreement(), Agreement::Agree);

    // The same files again: nothing changes, nothing counts twice.
    for f in &files {
        let d = ballot_diff(Some(&merged), f);
        assert_eq!((d.new, d.replaced, d.unchanged), (0, 0, 2));
        merged = join(&merged, f);
    }
    assert_eq!(merged.ballot_count(), 6);

    // Carl changes his mind and sends a new file: it replaces his old ballot.
    let mut carl = facilitator.for_participants();
    carl.put_response(ballot("Carl", "bisiddere", 4, 20));
    let d = ballot_diff(Some(&merged), &carl);
    assert_eq!((d.new, d.replaced), (0, 1));
    merged = join(&merged, &carl);
    let bis = card_result(&merged, merged.card("bisiddere").unwrap());
    assert_eq!(bis.spread.counts, [0, 0, 0, 2, 1]);
    // And an older file from Carl does not bring the old ballot back.
    merged = join(&merged, &files[2]);
    assert_eq!(card_result(&merged, merged.card("bisiddere").unwrap()).spread.counts, [0, 0, 0, 2, 1]);
}

#[test]
fn a_participant_file_holds_only_their_answers() {
    let mut s = session(0);
    s.put_response(ballot("Anna", "bisiddere", 5, 1));
    s.put_response(ballot("Bo", "bisiddere", 1, 1));
    s.notes
        .insert("bisiddere".into(), Note { card: "bisiddere".into(), text: "hemmelig".into(), rev: rev(2, 0, "fac") });
    let mine = s.answers_of("Anna");
    assert_eq!(mine.participants().into_iter().collect::<Vec<_>>(), vec!["Anna".to_string()]);
    assert!(mine.notes.is_empty());
    assert_eq!(mine.meta, s.meta);
}

#[test]
fn a_show_of_hands_adds_to_the_ballots() {
    let mut s = session(0);
    s.put_response(ballot("Anna", "bisiddere", 2, 1));
    s.tallies
        .insert("bisiddere".into(), Tally { card: "bisiddere".into(), counts: [3, 1, 0, 0, 0], rev: rev(3, 0, "fac") });
    let r = card_result(&s, s.card("bisiddere").unwrap());
    assert_eq!(r.spread.counts, [3, 2, 0, 0, 0]);
    assert_eq!((r.ballots, r.hands), (1, 4));
    assert!(!r.is_unanswered());
    assert!(card_result(&s, s.card("indkoebsture").unwrap()).is_unanswered());
}

#[test]
fn unknown_fields_survive_and_bad_sessions_are_refused() {
    let good = r#"{"format":"tid-og-lyst","version":1,"assessments":[{
        "id":"6f9619ff-8b86-4d11-b42d-00c04fc964ff",
        "rev":{"at":"2026-11-22T19:00:00.000Z","n":0,"by":"fac"},
        "title":"Workshop","date":"2026-11-22","tasks":[],"responses":[],"notes":[],
        "future":{"kept":true}}]}"#;
    let parsed = wire::parse_text(good).expect("good file");
    let s = parsed.data.assessments.values().next().unwrap();
    assert_eq!(s.extra.get("future"), Some(&serde_json::json!({"kept": true})));
    let out = serde_json::to_value(s).unwrap();
    assert_eq!(out["future"]["kept"], serde_json::json!(true));

    for (bad, needle) in [
        (good.replace(r#""responses":[]"#, r#""responses":[{"participant":"A","card":"x","position":9,"rev":{"at":"2026-11-22T19:00:00.000Z","n":0,"by":"a"}}]"#), "skalaen"),
        (good.replace(r#""responses":[]"#, r#""responses":[{"participant":"","card":"x","rev":{"at":"2026-11-22T19:00:00.000Z","n":0,"by":"a"}}]"#), "kaldenavn"),
        (good.replace(r#""date":"2026-11-22""#, r#""date":"i morgen""#), "dato"),
        (good.replace(r#""tasks":[]"#, r#""tasks":[{"id":"a","title":"A","question":"?","origin":"own"},{"id":"a","title":"B","question":"?","origin":"own"}]"#), "to gange"),
        (good.replace(r#""responses":[]"#, r#""responses":[{"participant":"A","card":"x","checks":{"statutory":"maaske"},"rev":{"at":"2026-11-22T19:00:00.000Z","n":0,"by":"a"}}]"#), "Workshop nr. 1"),
    ] {
        let err = wire::parse_text(&bad).expect_err("bad file accepted").to_string();
        assert!(err.contains(needle), "{err} should mention {needle}");
    }
}

#[test]
fn csv_is_danish_excel_and_defuses_formulas() {
    let mut s = session(0);
    let mut b = ballot("Anna", "bisiddere", 5, 1);
    b.comment = "=HYPERLINK(\"x\"); farligt".into();
    s.put_response(b);
    s.notes.insert(
        "bisiddere".into(),
        Note { card: "bisiddere".into(), text: "Linje 1\nLinje 2".into(), rev: rev(2, 0, "f") },
    );
    let csv = results_csv(&s);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<_> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(lines[0].starts_with("Kort;Spørgsmål;Runde;Flyttede sig;Klart SKAL;Mest SKAL;Gråzone;Mest KAN;Klart KAN"));
    assert!(lines[1].starts_with("Bisiddere;"), "{}", lines[1]);
    assert!(lines[1].contains(";1;;0;0;0;0;1;1;0;"), "{}", lines[1]);
    assert!(csv.contains("\"Linje 1\nLinje 2\""));
    // The comment is prefixed "Anna: ", so it cannot start a formula; a note can.
    s.notes.insert("bisiddere".into(), Note { card: "bisiddere".into(), text: "=1+1".into(), rev: rev(3, 0, "f") });
    assert!(results_csv(&s).contains(";'=1+1;"));
    // One header and one line per card (and round).
    assert_eq!(results_csv(&s).matches("\r\n").count(), 1 + s.tasks.len());
}
