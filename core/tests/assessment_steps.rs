//! Answering a card and counting hands go through the session's own
//! functions, which check everything first and return a typed result; a
//! refused change leaves the session exactly as it was.

use tid_og_lyst_core::assessment::cards::{builtin, Answer, Check, Position};
use tid_og_lyst_core::assessment::session::{Assessment, BallotChange, SessionError};
use tid_og_lyst_core::record::meta::{DeviceId, Meta, RecordId, Rev};
use tid_og_lyst_core::text::fields::TextProblem;

fn rev(at: i64) -> Rev {
    Rev { at, n: 0, by: DeviceId("fac".into()) }
}

fn session() -> Assessment {
    let meta = Meta { id: RecordId::from_seed(7), rev: rev(1), deleted: false };
    Assessment::new(meta, "Workshop i Assens", "2026-12-01", builtin())
}

fn refused(s: &mut Assessment, f: impl FnOnce(&mut Assessment) -> Result<(), SessionError>) -> SessionError {
    let before = s.clone();
    let e = f(s).expect_err("should be refused");
    assert_eq!(*s, before, "a refused change changed the session");
    e
}

#[test]
fn a_ballot_is_built_up_one_answer_at_a_time() {
    let mut s = session();
    let card = s.tasks[0].id.clone();
    s.respond("A", &card, BallotChange::Position(Position::ALL[4]), rev(2)).unwrap();
    s.respond("A", &card, BallotChange::Check(Check::Statutory, Answer::ALL[1]), rev(3)).unwrap();
    let r = s.respond(" A ", &card, BallotChange::Comment("Godt for de frivillige".into()), rev(4)).unwrap().clone();
    assert_eq!(r.position, Some(Position::ALL[4]));
    assert_eq!(r.answer(Check::Statutory.key()), Some(Answer::ALL[1]));
    assert_eq!(r.comment, "Godt for de frivillige");
    assert_eq!(r.rev, rev(4));
    assert_eq!(s.ballot_count(), 1);
}

#[test]
fn bad_answers_are_refused_and_change_nothing() {
    let mut s = session();
    let card = s.tasks[0].id.clone();
    assert_eq!(
        refused(&mut s, |s| s.respond("  ", &card, BallotChange::Position(Position::ALL[0]), rev(2)).map(|_| ())),
        SessionError::NoAlias
    );
    assert_eq!(
        refused(&mut s, |s| s.respond("A", "intet-kort", BallotChange::Position(Position::ALL[0]), rev(2)).map(|_| ())),
        SessionError::UnknownCard
    );
    assert_eq!(
        refused(&mut s, |s| s.respond("A", &card, BallotChange::Comment("x".repeat(2_001)), rev(2)).map(|_| ())),
        SessionError::Text(TextProblem::TooLong)
    );
    assert_eq!(
        refused(&mut s, |s| s.respond("A", &card, BallotChange::Comment("skjult\u{0}tegn".into()), rev(2)).map(|_| ())),
        SessionError::Text(TextProblem::ControlChars)
    );
}

#[test]
fn hands_are_counted_from_what_was_typed() {
    let mut s = session();
    let card = s.tasks[1].id.clone();
    assert_eq!(s.count_hands(&card, ["3", "", " 12 ", "0", "999"], rev(2)), Ok([3, 0, 12, 0, 999]));
    assert_eq!(s.tallies.get(&card).unwrap().counts, [3, 0, 12, 0, 999]);
    for (typed, step) in [
        (["1", "x", "", "", ""], 1),
        (["", "", "", "1000", ""], 3),
        (["", "", "-1", "", ""], 2),
        (["", "", "", "", "2,5"], 4),
    ] {
        assert_eq!(
            refused(&mut s, |s| s.count_hands(&card, typed, rev(3)).map(|_| ())),
            SessionError::BadCount { step }
        );
    }
    assert_eq!(
        refused(&mut s, |s| s.count_hands("intet-kort", ["1"; 5], rev(3)).map(|_| ())),
        SessionError::UnknownCard
    );
}

#[test]
fn a_session_gone_meanwhile_is_told_apart_from_a_missing_card() {
    let gone = SessionError::Gone.to_string();
    assert!(gone.contains("Workshoppen findes ikke længere"), "{gone}");
    assert!(gone.ends_with("Intet er gemt."), "{gone}");
    assert_ne!(gone, SessionError::UnknownCard.to_string());
}

#[test]
fn the_workshop_list_line_reads_as_danish() {
    use tid_og_lyst_core::assessment::da::ui::list_meta;
    assert_eq!(list_meta("2026-11-22", 0), "22.11.2026 · 0 deltagere");
    assert_eq!(list_meta("2026-11-02", 1), "2.11.2026 · 1 deltager");
    assert_eq!(list_meta("", 3), "3 deltagere", "no date: no dangling separator");
}

#[test]
fn counts_on_the_data_page_and_the_workshop_agree_with_their_number() {
    use tid_og_lyst_core::assessment::da::ui::stats;
    use tid_og_lyst_core::da::data::stats as device;
    assert_eq!(device(1, 1, 1), "På denne enhed: 1 drøm, 1 egen aktivitet, 1 workshop.");
    assert_eq!(device(0, 2, 3), "På denne enhed: 0 drømme, 2 egne aktiviteter, 3 workshops.");
    assert_eq!(stats(1, 2, 7), "7 kort · 1 deltager · 2 svar");
    assert_eq!(stats(3, 6, 7), "7 kort · 3 deltagere · 6 svar");
}
