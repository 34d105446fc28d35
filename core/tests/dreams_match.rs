//! "Hvornår har du tid?": data-driven tests of the matching of free time and
//! wishes, and of the order (soonest deadline first).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::dreams::matching::*;
use tid_og_lyst_core::record::meta::{DeviceId, RecordId, Rev};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn act() -> Act {
    Act { rev: Rev { at: 1, n: 0, by: DeviceId("k".into()) }, who: "K".into() }
}

/// A dream described in one line: title, window "from..to" ("" = snarest),
/// parts ("" = any), hours, category, reply_by.
fn dream(n: u128, title: &str, window: &str, parts: &str, hours: f64, cat: Category, reply: &str) -> Dream {
    let mut x = Dream::new(&act(), RecordId(uuid::Uuid::from_u128(n)));
    x.title = title.into();
    if let Some((a, b)) = window.split_once("..") {
        x.window_from = (!a.is_empty()).then(|| d(a));
        x.window_to = (!b.is_empty()).then(|| d(b));
    }
    x.times = parts
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| match p {
            "f" => PartOfDay::Formiddag,
            "e" => PartOfDay::Eftermiddag,
            _ => PartOfDay::Aften,
        })
        .collect();
    x.duration_hours = hours;
    x.category = cat;
    x.reply_by = (!reply.is_empty()).then(|| d(reply));
    x.boundaries_ok = Boundary::ALL.to_vec();
    x
}

fn avail(from: &str, to: &str, parts: &[PartOfDay], hours: Option<f64>, cats: &[Category]) -> Availability {
    Availability {
        from: (!from.is_empty()).then(|| d(from)),
        to: (!to.is_empty()).then(|| d(to)),
        parts: parts.iter().copied().collect::<BTreeSet<_>>(),
        hours,
        categories: cats.iter().copied().collect(),
        brings: BTreeSet::new(),
    }
}

fn board() -> Vec<Dream> {
    use Category::*;
    vec![
        dream(1, "Fisketur", "2026-12-01..2026-12-20", "f", 4.0, Natur, "2026-11-28"),
        dream(2, "Koncert", "2026-12-10..2026-12-10", "a", 3.0, Musik, ""),
        dream(3, "Kaffe og kage", "..", "", 1.5, Besoeg, ""),
        dream(4, "Gåtur ved stranden", "2026-11-25..2026-12-31", "f,e", 2.0, Bevaegelse, "2026-12-05"),
        dream(5, "Julefrokost", "2026-12-01..2026-12-15", "", 5.0, Mad, ""),
    ]
}

fn titles(v: &[&Dream]) -> Vec<String> {
    v.iter().map(|x| x.title.clone()).collect()
}

fn check(a: Availability, expected: &[&str]) {
    let b = board();
    let today = d("2026-11-24");
    let got = titles(&matching(b.iter(), &a, today));
    assert_eq!(got, expected, "{a:?}");
}

#[test]
fn anything_goes_lists_all_soonest_deadline_first() {
    // Deadlines: Fisketur 11-28 (svar senest), Gåtur 12-05, Koncert 12-10,
    // Julefrokost 12-15 (window end), Kaffe (snarest, none) last.
    check(
        avail("", "", &[], None, &[]),
        &["Fisketur", "Gåtur ved stranden", "Koncert", "Julefrokost", "Kaffe og kage"],
    );
}

#[test]
fn dates_must_overlap_the_window() {
    check(avail("2026-11-25", "2026-11-30", &[], None, &[]), &["Gåtur ved stranden", "Kaffe og kage"]);
    check(
        avail("2026-12-10", "2026-12-10", &[], None, &[]),
        &["Fisketur", "Gåtur ved stranden", "Koncert", "Julefrokost", "Kaffe og kage"],
    );
    check(avail("2027-01-05", "", &[], None, &[]), &["Kaffe og kage"]);
}

#[test]
fn part_of_day_hours_and_categories() {
    use PartOfDay::*;
    check(avail("", "", &[Aften], None, &[]), &["Koncert", "Julefrokost", "Kaffe og kage"]);
    check(avail("", "", &[Formiddag], Some(2.0), &[]), &["Gåtur ved stranden", "Kaffe og kage"]);
    check(avail("", "", &[], Some(3.0), &[Category::Musik, Category::Natur]), &["Koncert"]);
    check(avail("", "", &[Eftermiddag], Some(1.5), &[Category::Besoeg]), &["Kaffe og kage"]);
}

#[test]
fn taken_expired_and_flagged_dreams_do_not_fit() {
    let today = d("2026-11-29");
    let a = avail("", "", &[], None, &[]);
    let mut b = board();
    // Fisketur's svar senest (11-28) has passed.
    assert_eq!(fit(&b[0], &a, today), Err(Misfit::Expired));
    if let Stage::Open(s) = b[1].stage() {
        s.claim(&act(), RecordId(uuid::Uuid::from_u128(77)), Runner { name: "A".into(), contact: String::new() });
    }
    assert_eq!(fit(&b[1], &a, today), Err(Misfit::NotOpen));
    b[2].boundaries_ok.pop();
    assert_eq!(fit(&b[2], &a, today), Err(Misfit::Flagged));
    assert_eq!(titles(&matching(b.iter(), &a, today)), ["Gåtur ved stranden", "Julefrokost"]);
}

#[test]
fn past_dates_are_never_offered() {
    let today = d("2026-12-16");
    let got = titles(&matching(board().iter(), &avail("2026-12-01", "2026-12-12", &[], None, &[]), today));
    assert_eq!(got, Vec::<String>::new());
}

#[test]
fn filters_for_the_list() {
    let mut b = board();
    b[0].municipality = "Svendborg".into();
    b[1].municipality = "Kolding".into();
    let f = Filter { municipality: "svendborg".into(), ..Default::default() };
    assert_eq!(b.iter().filter(|x| passes(x, &f)).count(), 1);
    let f = Filter { category: Some(Category::Musik), ..Default::default() };
    assert_eq!(b.iter().filter(|x| passes(x, &f)).map(|x| x.title.as_str()).collect::<Vec<_>>(), ["Koncert"]);
    let f = Filter { status: Some(Status::Taken), ..Default::default() };
    assert_eq!(b.iter().filter(|x| passes(x, &f)).count(), 0);
    assert_eq!(municipalities(b.iter()), ["Kolding", "Svendborg"]);
}
