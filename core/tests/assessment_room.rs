//! A room of twenty: the turnout of the card shown, the reveal rules with
//! their anonymity threshold, a second round with how many moved, the
//! cards ordered most split first, and both rounds in the CSV.

use proptest::prelude::*;
use tid_og_lyst_core::assessment::cards::{builtin, Position};
use tid_og_lyst_core::assessment::results::{
    most_split_first, moved, results, results_csv, reveal, round_result, split_score, turnout, Reveal, Turnout,
};
use tid_og_lyst_core::assessment::session::{Assessment, BallotChange, RevealMode, SessionError};
use tid_og_lyst_core::assessment::verdict::Spread;
use tid_og_lyst_core::record::merge::Record;
use tid_og_lyst_core::record::meta::{DeviceId, Meta, RecordId, Rev};

fn rev(at: i64, by: &str) -> Rev {
    Rev { at, n: 0, by: DeviceId(by.into()) }
}

fn session() -> Assessment {
    let meta = Meta { id: RecordId::from_seed(7), rev: rev(1, "fac"), deleted: false };
    Assessment::new(meta, "Workshop i Assens", "2026-12-01", builtin())
}

fn place(s: &mut Assessment, who: &str, card: &str, step: usize, at: i64) {
    s.respond(who, card, BallotChange::Position(Position::ALL[step]), rev(at, who)).unwrap();
}

#[test]
fn turnout_counts_the_card_shown_against_everyone_known() {
    let mut s = session();
    let (a, b) = (s.tasks[0].id.clone(), s.tasks[1].id.clone());
    assert_eq!(turnout(&s, &a), Turnout { answered: 0, known: 0 });
    for (i, who) in ["A", "B", "C", "D", "E", "F", "G", "H", "I"].iter().enumerate() {
        place(&mut s, who, &b, 2, 10 + i as i64);
    }
    for (i, who) in ["A", "B", "C", "D", "E", "F", "G"].iter().enumerate() {
        place(&mut s, who, &a, 0, 30 + i as i64);
    }
    assert_eq!(turnout(&s, &a), Turnout { answered: 7, known: 9 });
    // A comment alone is not an answer to the card.
    s.respond("H", &a, BallotChange::Comment("ved ikke".into()), rev(50, "H")).unwrap();
    assert_eq!(turnout(&s, &a).answered, 7);
    // A show of hands counts as answers (and as people known).
    s.count_hands(&a, ["2", "", "", "", ""], rev(60, "fac")).unwrap();
    assert_eq!(turnout(&s, &a), Turnout { answered: 9, known: 11 });
}

#[test]
fn a_result_is_never_shown_below_the_threshold() {
    let mut s = session();
    let a = s.tasks[0].id.clone();
    place(&mut s, "A", &a, 0, 10);
    place(&mut s, "B", &a, 4, 11);
    assert_eq!(reveal(&s, &a, true, true), Reveal::TooFew { answered: 2, min: 3 });
    place(&mut s, "C", &a, 4, 12);
    assert_eq!(reveal(&s, &a, false, false), Reveal::ByHand);
    assert_eq!(reveal(&s, &a, true, false), Reveal::Shown);
    // The threshold is a setting.
    s.set_rules(RevealMode::Hand, "5", "0", rev(20, "fac")).unwrap();
    assert_eq!(reveal(&s, &a, true, false), Reveal::TooFew { answered: 3, min: 5 });
    for bad in ["0", "51", "x", "", "-1"] {
        let before = s.clone();
        assert_eq!(s.set_rules(RevealMode::Hand, bad, "0", rev(21, "fac")), Err(SessionError::BadMin), "{bad}");
        assert_eq!(s, before);
    }
    for bad in ["61", "x", "-1", "1.5"] {
        assert_eq!(s.set_rules(RevealMode::Hand, "3", bad, rev(21, "fac")), Err(SessionError::BadTimer), "{bad}");
    }
    assert!(SessionError::BadMin.to_string().contains("1 til 50"));
}

#[test]
fn auto_reveal_when_all_known_have_answered_or_when_the_timer_ends() {
    let mut s = session();
    let (a, b) = (s.tasks[0].id.clone(), s.tasks[1].id.clone());
    for (i, who) in ["A", "B", "C", "D"].iter().enumerate() {
        place(&mut s, who, &b, 1, 10 + i as i64);
    }
    s.set_rules(RevealMode::All, "3", "0", rev(20, "fac")).unwrap();
    for (i, who) in ["A", "B", "C"].iter().enumerate() {
        place(&mut s, who, &a, 1, 30 + i as i64);
    }
    assert_eq!(reveal(&s, &a, false, false), Reveal::ForAll { answered: 3, known: 4 });
    // The facilitator may still reveal by hand above the threshold.
    assert_eq!(reveal(&s, &a, true, false), Reveal::Shown);
    place(&mut s, "D", &a, 1, 40);
    assert_eq!(reveal(&s, &a, false, false), Reveal::Shown);

    s.set_rules(RevealMode::Timer, "3", "2", rev(50, "fac")).unwrap();
    assert_eq!(s.rules().timer_secs, 120);
    assert_eq!(reveal(&s, &a, false, false), Reveal::ForTimer);
    assert_eq!(reveal(&s, &a, false, true), Reveal::Shown);
}

#[test]
fn a_second_round_keeps_the_first_and_counts_who_moved() {
    let mut s = session();
    let a = s.tasks[0].id.clone();
    for (i, (who, step)) in [("A", 0), ("B", 0), ("C", 4), ("D", 4)].iter().enumerate() {
        place(&mut s, who, &a, *step, 10 + i as i64);
    }
    assert_eq!(s.open_round(&a, rev(20, "fac")), Ok(2));
    assert_eq!(s.round_of(&a), 2);
    assert_eq!(turnout(&s, &a).answered, 0, "the new round starts empty");
    assert!(s.response("A", &a).is_none(), "A has not voted in round 2 yet");
    place(&mut s, "A", &a, 0, 30); // stays
    place(&mut s, "B", &a, 3, 31); // moves
    place(&mut s, "C", &a, 1, 32); // moves
    assert_eq!(moved(&s, &a, 2), 2);
    let card = s.card(&a).unwrap().clone();
    assert_eq!(round_result(&s, &card, 1).spread.counts, [2, 0, 0, 0, 2]);
    assert_eq!(round_result(&s, &card, 2).spread.counts, [1, 1, 0, 1, 0]);
    assert_eq!(s.open_round("nope", rev(40, "fac")), Err(SessionError::UnknownCard));
    // Both rounds travel: a file written and read back keeps them.
    let back: Assessment = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
    // Both rounds in the CSV, the second with how many moved.
    let csv = results_csv(&s);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| l.starts_with(&card.title)).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[0].contains(";1;;2;0;0;0;2;"), "{}", rows[0]);
    assert!(rows[1].contains(";2;2;1;1;0;1;0;"), "{}", rows[1]);
    // The participants' copy carries the open round, so their phones vote in it.
    assert_eq!(s.for_participants().round_of(&a), 2);
}

#[test]
fn the_most_split_cards_come_first() {
    let mut s = session();
    let ids: Vec<String> = s.tasks.iter().take(3).map(|c| c.id.clone()).collect();
    // Card 0: all agree. Card 1: split down the middle. Card 2: one against.
    for (i, who) in ["A", "B", "C", "D"].iter().enumerate() {
        let at = 10 + i as i64 * 10;
        place(&mut s, who, &ids[0], 0, at);
        place(&mut s, who, &ids[1], if i < 2 { 0 } else { 4 }, at + 1);
        place(&mut s, who, &ids[2], if i < 3 { 4 } else { 0 }, at + 2);
    }
    let order: Vec<String> = most_split_first(results(&s)).into_iter().map(|r| r.card.id).collect();
    assert_eq!(&order[..3], &[ids[1].clone(), ids[2].clone(), ids[0].clone()]);
    assert_eq!(split_score(&Spread { counts: [2, 0, 0, 0, 2] }).0, 500);
    assert_eq!(split_score(&Spread { counts: [0; 5] }), (0, 0));
}

proptest! {
    /// Rounds and rules merge like the rest: in any order, the same session.
    #[test]
    fn rounds_and_rules_merge_in_any_order(opens in proptest::collection::vec((0usize..3, 1i64..50, 0u8..3), 0..6)) {
        let base = session();
        let copies: Vec<Assessment> = opens
            .iter()
            .map(|(card, at, who)| {
                let mut s = base.clone();
                let id = s.tasks[*card].id.clone();
                s.open_round(&id, rev(*at, &format!("d{who}"))).unwrap();
                s.set_rules(RevealMode::ALL[*who as usize], "3", "1", rev(*at, &format!("d{who}"))).unwrap();
                s
            })
            .collect();
        let forward = copies.iter().fold(base.clone(), |acc, c| Assessment::join(&acc, c));
        let backward = copies.iter().rev().fold(base.clone(), |acc, c| Assessment::join(&acc, c));
        prop_assert_eq!(&forward, &backward);
        prop_assert_eq!(Assessment::join(&forward, &forward), forward.clone());
    }
}
