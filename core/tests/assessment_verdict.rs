//! Data-driven tests of the SKAL/KAN verdict rules: every verdict is reached,
//! every reason names its principle, and the group measures (majority,
//! agreement, CSV) behave.

use tid_og_lyst_core::assessment::cards::{builtin, Answer, Check, Position};
use tid_og_lyst_core::assessment::da::content;
use tid_og_lyst_core::assessment::verdict::{
    judge, judge_ballot, majority, Agreement, Checks, Source, Spread, Verdict,
};

/// Builds checks from a compact spec: one letter per check in `Check::ALL`
/// order — j = ja, n = nej, ? = ved ikke, . = unanswered.
fn checks(spec: &str) -> Checks {
    assert_eq!(spec.chars().count(), 8, "spec {spec}");
    Check::ALL
        .iter()
        .zip(spec.chars())
        .filter_map(|(c, ch)| {
            let a = match ch {
                'j' => Answer::Ja,
                'n' => Answer::Nej,
                '?' => Answer::VedIkke,
                '.' => return None,
                other => panic!("bad spec letter {other}"),
            };
            Some((c.key().to_string(), a))
        })
        .collect()
}

/// One row: the checks (statutory, replaces staff, professional, volunteer
/// led, unpaid/free, shared cause, have volunteers, competition), the
/// expected verdict, and a principle source that must appear.
fn check(spec: &str, expected: Verdict, must_cite: Source) {
    let j = judge(&checks(spec));
    assert_eq!(j.verdict, expected, "checks {spec}: {j:#?}");
    assert!(!j.reasons.is_empty(), "checks {spec}: no reasons");
    for r in &j.reasons {
        assert!(!r.text.is_empty(), "empty reason for {spec}");
        assert!(!r.principle.quote().is_empty(), "reason «{}» names no principle", r.text);
    }
    assert!(
        j.reasons.iter().any(|r| r.principle.source == must_cite),
        "checks {spec}: expected a reason from {:?}, got {:#?}",
        must_cite,
        j.reasons
    );
}

#[test]
fn every_verdict_is_reached_with_reasons_from_their_principles() {
    //     S R P L F C V K
    // A statutory task volunteers cannot lead: the municipality's.
    check("jnnnjjjn", Verdict::Skal, Source::Policy);
    // Replaces paid staff: say no thanks even when everything else fits.
    check("nj.jjjjn", Verdict::Skal, Source::Policy);
    // Professional judgement and no help part: Hedensted's "faglig karakter".
    check("nnj.jjjn", Verdict::Skal, Source::Hedensted);
    // Competition distortion (Chaufførkorps).
    check("nnnjjjjj", Verdict::Skal, Source::Hedensted);
    // Expectations going in different directions.
    check("nnnjjnjn", Verdict::Skal, Source::Hedensted);
    // Not unpaid or not free to leave.
    check("nnnjnjjn", Verdict::Skal, Source::Policy);
    // NemID→MitID: the authority part is statutory, the help part is
    // volunteer-led, unpaid and free.
    check("jnnjjjjn", Verdict::Split, Source::Policy);
    check("nnjjj??n", Verdict::Split, Source::Hedensted);
    // Unknowns: grey zone, citing the grey-zone rule of Hedensted.
    check("n?njjjjn", Verdict::Grey, Source::Hedensted);
    check("nnnjjj?n", Verdict::Grey, Source::Workshop);
    // We lack volunteers: grey, citing the workshop's own question.
    check("nnnjjjnn", Verdict::Grey, Source::Workshop);
    // Nothing answered.
    check("........", Verdict::Grey, Source::Hedensted);
    // Everything clear: a good volunteer task.
    check("nnnjjjjn", Verdict::Kan, Source::Policy);
    check("nnnjjjjn", Verdict::Kan, Source::Hedensted);
}

#[test]
fn grey_zone_names_each_open_check() {
    let j = judge(&checks("n?njjj.n"));
    assert_eq!(j.verdict, Verdict::Grey);
    let texts: Vec<_> = j.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains(Check::ReplacesStaff.question())), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains(Check::HaveVolunteers.question())), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains(Check::Statutory.question())), "{texts:?}");
}

#[test]
fn a_position_against_the_checks_is_pointed_out() {
    let skal = checks("jnnnjjjn");
    let j = judge_ballot(Position::new(5), &skal);
    assert_eq!(j.verdict, Verdict::Skal);
    assert!(j.reasons.iter().any(|r| r.text.contains("Klart KAN")), "{j:#?}");
    let agreeing = judge_ballot(Position::new(1), &skal);
    assert!(!agreeing.reasons.iter().any(|r| r.text.contains("placering")));
}

#[test]
fn unknown_check_keys_are_ignored() {
    let mut c = checks("nnnjjjjn");
    c.insert("future_check".into(), Answer::Ja);
    assert_eq!(judge(&c).verdict, Verdict::Kan);
}

#[test]
fn majority_takes_the_most_common_answer_and_ties_are_unknown() {
    let a = checks("jnnjjjjn");
    let b = checks("jnnjjjnn");
    let c = checks("nnnjjj.n");
    let m = majority([&a, &b, &c]);
    assert_eq!(m.get("statutory"), Some(&Answer::Ja));
    // have_volunteers: one ja, one nej → tie → ved ikke.
    assert_eq!(m.get("have_volunteers"), Some(&Answer::VedIkke));
    assert_eq!(judge(&m).verdict, Verdict::Split);
    assert!(majority(std::iter::empty()).is_empty());
}

fn spread(counts: [u32; 5]) -> Spread {
    Spread { counts }
}

#[test]
fn agreement_table() {
    let rows: &[([u32; 5], Agreement)] = &[
        ([0, 0, 0, 0, 0], Agreement::Empty),
        ([0, 0, 1, 0, 0], Agreement::TooFew),
        ([0, 0, 0, 3, 2], Agreement::Agree),
        ([4, 0, 0, 0, 0], Agreement::Agree),
        ([1, 0, 0, 3, 0], Agreement::Agree),
        ([2, 0, 0, 0, 2], Agreement::Split),
        ([2, 1, 1, 2, 2], Agreement::Split),
        ([1, 0, 2, 0, 1], Agreement::Split),
        ([0, 1, 2, 2, 2], Agreement::Spread),
        ([0, 1, 2, 1, 1], Agreement::Spread),
    ];
    for (counts, expected) in rows {
        assert_eq!(spread(*counts).agreement(), *expected, "{counts:?}");
    }
}

#[test]
fn spread_counts_positions_and_hands() {
    let mut s = Spread::of([Position::new(1).unwrap(), Position::new(5).unwrap(), Position::new(5).unwrap()]);
    assert_eq!(s.counts, [1, 0, 0, 0, 2]);
    s.add([0, 0, 3, 0, 0]);
    assert_eq!(s.total(), 6);
    assert_eq!(s.median().map(Position::step), Some(3));
    assert_eq!(Spread::default().median(), None);
}

#[test]
fn the_six_questions_of_seed_000_are_built_in() {
    let cards = builtin();
    let titles: Vec<_> = cards.iter().map(|c| c.title.as_str()).collect();
    for t in [
        "Bisiddere",
        "Indkøbsture",
        "Hjemmetræning",
        "Besøgsvenner på plejehjem",
        "Støtte til demensramte",
        "IT-hjælp til den offentlige digitalisering",
        "Vågetjeneste",
        "Spisevenner",
        "Tryghedsopkald",
        "MitID-hjælp i IT-caféen",
        "Chaufførkorps",
    ] {
        assert!(titles.contains(&t), "{t} missing in {titles:?}");
    }
    let bisiddere = cards.iter().find(|c| c.id == "bisiddere").unwrap();
    assert_eq!(
        bisiddere.question,
        "Er det en kommunal borgerrådgiveropgave at yde støtte til borgerne eller en frivillig opgave?"
    );
    assert_eq!(content::AGREEMENT.len(), 9);
}
