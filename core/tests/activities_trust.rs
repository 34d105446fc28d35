//! Issue 32's rules for activities you can trust: "Sidst bekræftet" (the
//! badge after six months, the filter within a year, "Stadig aktuel", the
//! CSV column, the field in the export format and its join), "Meld en fejl"
//! (the mail and SMS links, decoded back), "Læs op"'s text and the booklet's
//! entries.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;
use tid_og_lyst_core::activities::activity::{Activity, Draft};
use tid_og_lyst_core::activities::booklet;
use tid_og_lyst_core::activities::csv::{from_csv, to_csv};
use tid_og_lyst_core::activities::directory::{build, filter, Filters};
use tid_og_lyst_core::activities::report::{compose, recipients, Channel, ErrorReport, Problem, ReportError};
use tid_og_lyst_core::activities::spoken::read_aloud;
use tid_og_lyst_core::activities::trust::{
    confirmation, confirmed_within_year, still_current, ConfirmError, Confirmation,
};
use tid_og_lyst_core::record::merge::{self, Record};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId, Rev};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rev(at: i64, by: &str) -> Rev {
    Rev { at, n: 0, by: DeviceId(by.into()) }
}

fn activity(seed: u64, title: &str) -> Activity {
    let draft = Draft {
        title: title.into(),
        organizer: "Røde Kors Assens".into(),
        municipality: "Assens".into(),
        town: "Glamsbjerg".into(),
        address: "Bytorvet 1".into(),
        days: [false, true, false, false, false, false, false],
        contact_name: "Anne".into(),
        phone: "+45 12 34 56 78".into(),
        email: "anne@example.dk".into(),
        description: "Kaffe og kage.".into(),
        ..Draft::default()
    };
    draft
        .build(Meta::new(RecordId::from_seed(seed), &mut Clock::new(DeviceId("t".into())), 1_000), Default::default())
        .unwrap()
}

/// The Copenhagen date 7 December 2026 at 12.00 (UTC 11.00) in milliseconds.
const NOW: i64 = 1_796_641_200_000;

#[test]
fn the_badge_comes_after_six_months_and_stadig_aktuel_takes_it_away() {
    let today = d(2026, 12, 7);
    let mut a = activity(1, "Strikkecafé");
    assert_eq!(confirmation(&a, today), Confirmation::Never);
    assert_eq!(confirmation(&a, today).badge().as_deref(), Some("Aldrig bekræftet"));
    a.confirmed = Some(d(2026, 6, 7));
    assert_eq!(confirmation(&a, today), Confirmation::Fresh(d(2026, 6, 7)), "six months to the day is still fresh");
    a.confirmed = Some(d(2026, 6, 6));
    assert_eq!(confirmation(&a, today).badge().as_deref(), Some("Ikke bekræftet siden 6. juni 2026"));
    assert_eq!(confirmation(&a, today).line(), "Sidst bekræftet 6. juni 2026.");

    // "Stadig aktuel": a new revision, confirmed today, nothing else changed.
    let done = still_current(&a, rev(5_000, "b"), today).unwrap();
    assert_eq!(done.confirmed, Some(today));
    assert_eq!(done.meta.rev, rev(5_000, "b"));
    assert_eq!(done.updated, a.updated, "the last edit stays as it was");
    assert_eq!(Activity { confirmed: a.confirmed, meta: a.meta.clone(), ..done.clone() }, a);
    assert_eq!(confirmation(&done, today).badge(), None);
    assert_eq!(still_current(&done, rev(6_000, "b"), today), Err(ConfirmError::AlreadyToday));
    assert_eq!(ConfirmError::AlreadyToday.to_string(), "Aktiviteten er allerede bekræftet i dag.");
    let mut gone = done.clone();
    gone.meta.deleted = true;
    assert_eq!(still_current(&gone, rev(6_000, "b"), d(2026, 12, 8)), Err(ConfirmError::Deleted));
}

#[test]
fn the_filter_keeps_what_was_confirmed_within_a_year() {
    let today = d(2026, 12, 7);
    let mut fresh = activity(1, "Bekræftet for nylig");
    fresh.confirmed = Some(d(2026, 11, 1));
    let mut year = activity(2, "Bekræftet for et år siden");
    year.confirmed = Some(d(2025, 12, 7));
    let mut old = activity(3, "Bekræftet for længe siden");
    old.confirmed = Some(d(2025, 12, 6));
    let never = activity(4, "Aldrig bekræftet");
    assert!(confirmed_within_year(&year, today) && !confirmed_within_year(&old, today));
    let dir = build(vec![fresh, year, old, never], NOW);
    let f = Filters { confirmed: true, ..Default::default() };
    let mut titles: Vec<&str> =
        filter(&dir, &f, NOW, &Default::default()).iter().map(|i| dir[*i as usize].activity.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["Bekræftet for et år siden", "Bekræftet for nylig"]);
    // In the address as "bekraeftet=1", and back.
    let q = f.to_query();
    assert!(q.contains(&("bekraeftet", "1".to_string())));
    assert_eq!(Filters::from_query(|k| q.iter().find(|(x, _)| *x == k).map(|(_, v)| v.clone())), f);
    assert_eq!(booklet::describe(&f), "Bekræftet inden for et år");
}

#[test]
fn the_csv_column_goes_out_and_back_and_old_files_still_read() {
    let mut a = activity(1, "Strikkecafé");
    a.confirmed = Some(d(2026, 1, 5));
    let csv = to_csv([&a]);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(";Eksempeldata;Sidst bekræftet"), "{header}");
    assert!(csv.contains(";nej;05-01-2026\r\n"), "{csv}");
    let mut clock = Clock::new(DeviceId("c".into()));
    let mut meta = |id: Option<RecordId>| Meta::new(id.unwrap_or(RecordId::from_seed(9)), &mut clock, 2_000);
    let back = from_csv(&csv, &mut meta).unwrap();
    assert_eq!(back.good[0].1.confirmed, Some(d(2026, 1, 5)));
    // A file written before the column: read as never confirmed.
    let old = "Titel;Kommune;Ugedage;Fra kl.;Til kl.\r\nBanko;Hedensted;mandag;19.00;21.00\r\n";
    let r = from_csv(old, &mut meta).unwrap();
    assert_eq!((r.good.len(), r.good[0].1.confirmed), (1, None));
    // A spreadsheet's own date form is read; a bad one is skipped with a warning.
    let typed = "Titel;Kommune;Ugedage;Fra kl.;Til kl.;Sidst bekræftet\r\nBanko;Hedensted;mandag;19.00;21.00;2026-03-04\r\nDans;Hedensted;mandag;19.00;21.00;i går\r\n";
    let r = from_csv(typed, &mut meta).unwrap();
    assert_eq!(r.good[0].1.confirmed, Some(d(2026, 3, 4)));
    assert_eq!(r.good[1].1.confirmed, None);
    assert_eq!(r.warnings.len(), 1);
    assert!(r.warnings[0].1.contains("Sidst bekræftet"), "{:?}", r.warnings);
}

#[test]
fn the_export_format_carries_it_only_when_set_and_old_files_read() {
    let mut a = activity(1, "Strikkecafé");
    let plain = serde_json::to_value(&a).unwrap();
    assert!(plain.get("confirmed").is_none(), "never confirmed: no field (files compare as before)");
    a.confirmed = Some(d(2026, 1, 5));
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["confirmed"], json!("2026-01-05"));
    assert_eq!(serde_json::from_value::<Activity>(v).unwrap(), a);
    let old: Activity = serde_json::from_value(plain).unwrap();
    assert_eq!(old.confirmed, None);
    assert!(serde_json::from_value::<Activity>(
        json!({"id": a.meta.id, "rev": a.meta.rev, "title": "x", "confirmed": "i går"})
    )
    .is_err());
}

#[test]
fn a_confirmation_survives_an_edit_made_from_an_older_copy() {
    let base = activity(1, "Strikkecafé");
    // Device A confirms; device B, which never saw that, edits the title later.
    let mut confirmed = base.clone();
    confirmed.meta.rev = rev(2_000, "a");
    confirmed.confirmed = Some(d(2026, 12, 1));
    let mut edited = base.clone();
    edited.meta.rev = rev(3_000, "b");
    edited.title = "Strikkecafé og snak".into();
    for joined in [Activity::join(&confirmed, &edited), Activity::join(&edited, &confirmed)] {
        assert_eq!(joined.title, "Strikkecafé og snak");
        assert_eq!(joined.confirmed, Some(d(2026, 12, 1)));
        assert_eq!(joined.meta.rev, rev(3_000, "b"));
    }
    let merged = merge::merge(&merge::collect(vec![confirmed]), &merge::collect(vec![edited]));
    assert_eq!(merged.values().next().unwrap().confirmed, Some(d(2026, 12, 1)));
}

fn version() -> impl Strategy<Value = Activity> {
    (0i64..4, prop::option::of(0u32..5), 0usize..3, any::<bool>()).prop_map(|(at, day, title, deleted)| {
        let mut a = activity(1, ["A", "B", "C"][title]);
        a.meta.rev = rev(at, ["a", "b"][title % 2]);
        a.meta.deleted = deleted;
        a.confirmed = day.map(|x| d(2026, 12, 1 + x));
        a
    })
}

proptest! {
    #[test]
    fn the_join_is_commutative_associative_and_idempotent(a in version(), b in version(), c in version()) {
        prop_assert_eq!(Activity::join(&a, &b), Activity::join(&b, &a));
        prop_assert_eq!(
            Activity::join(&Activity::join(&a, &b), &c),
            Activity::join(&a, &Activity::join(&b, &c))
        );
        prop_assert_eq!(Activity::join(&a, &a), a.clone());
        let j = Activity::join(&a, &b);
        prop_assert_eq!(j.confirmed, a.confirmed.max(b.confirmed));
    }
}

/// Percent-decoding, as a mail app reads the link.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The query parameters of a `mailto:`/`sms:` link, decoded.
fn params(href: &str) -> (String, Vec<(String, String)>) {
    let (to, query) = href.split_once('?').unwrap();
    let pairs = query
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_string(), decode(v))
        })
        .collect();
    (decode(to), pairs)
}

#[test]
fn meld_en_fejl_writes_a_mail_and_an_sms_to_the_contact() {
    let a = activity(1, "Strikkecafé & snak");
    let url = "https://tidoglyst.dk/aktiviteter/abc";
    let r = ErrorReport {
        problems: vec![Problem::Place, Problem::Time, Problem::Time],
        note: "Den er flyttet til\nbiblioteket, 1. sal.".into(),
    };
    let links = compose(&a, &r, url).unwrap();
    assert_eq!(links.iter().map(|m| m.channel).collect::<Vec<_>>(), [Channel::Mail, Channel::Sms]);
    let mail = &links[0].href;
    assert!(mail.starts_with("mailto:anne@example.dk?subject="), "{mail}");
    assert!(!mail.contains(' ') && !mail.contains('\n') && !mail.contains('+'), "encoded: {mail}");
    let (to, p) = params(mail);
    assert_eq!(to, "mailto:anne@example.dk");
    assert_eq!(p[0], ("subject".into(), "Fejl i aktiviteten «Strikkecafé & snak»".into()));
    let body = &p[1].1;
    assert_eq!(p[1].0, "body");
    assert!(body.starts_with("Hej Anne\r\n\r\nJeg har set aktiviteten «Strikkecafé & snak» i Tid og Lyst"), "{body}");
    // Each problem once, in the form's order, with what the entry says now.
    let time = body.find("- Tidspunktet (der står: Hver tirsdag kl. 10.00–12.00)").expect(body);
    let place = body.find("- Stedet (der står: Bytorvet 1, Glamsbjerg)").expect(body);
    assert!(time < place && body.matches("Tidspunktet").count() == 1);
    assert!(body.contains("Den er flyttet til\r\nbiblioteket, 1. sal."));
    assert!(body.contains(&format!("Aktivitetens side: {url}")));
    let (to, p) = params(&links[1].href);
    assert_eq!(to, "sms:+4512345678");
    assert_eq!(
        p,
        [("body".to_string(), format!("Fejl i «Strikkecafé & snak» (Tid og Lyst): tidspunktet, stedet. Den er flyttet til\nbiblioteket, 1. sal. {url}"))]
    );

    // Only what the entry has; none; nothing said; too much said.
    let mut no_phone = a.clone();
    no_phone.contact.phone.clear();
    assert_eq!(recipients(&no_phone).unwrap(), vec![(Channel::Mail, "anne@example.dk".to_string())]);
    let mut none = no_phone.clone();
    none.contact.email = "ikke en adresse".into();
    assert_eq!(compose(&none, &r, url), Err(ReportError::NoContact));
    assert!(ReportError::NoContact.to_string().starts_with("Aktiviteten har hverken en e-mailadresse"));
    assert_eq!(compose(&a, &ErrorReport::default(), url), Err(ReportError::NothingToSay));
    let only_note = ErrorReport { problems: vec![], note: "Aflyst i december".into() };
    assert!(compose(&a, &only_note, url).is_ok());
    let long = ErrorReport { problems: vec![Problem::Other], note: "x".repeat(1_001) };
    assert_eq!(compose(&a, &long, url), Err(ReportError::NoteTooLong));
    let control = ErrorReport { problems: vec![Problem::Other], note: "skjult\u{7}".into() };
    assert_eq!(compose(&a, &control, url), Err(ReportError::NoteUnreadable));
}

#[test]
fn read_aloud_says_the_facts_in_sentences() {
    let mut a = activity(1, "Strikkecafé");
    a.price_dkk = Some(25.5);
    a.drop_in = true;
    let text = read_aloud(&a, None);
    assert_eq!(
        text,
        "Strikkecafé. Café og mødested. Arrangør: Røde Kors Assens. Hver tirsdag klokken 10 til 12. \
         Sted: Bytorvet 1, Glamsbjerg, Assens Kommune. Pris: 25,50 kroner. Kom som du er – ingen tilmelding. \
         Kaffe og kage. Kontakt: Anne, telefon +45 12 34 56 78."
    );
}

#[test]
fn a_booklet_entry_fits_its_place() {
    let mut a = activity(1, "Strikkecafé");
    a.description = "Ord ".repeat(100);
    let e = booklet::entry(&a, None, d(2026, 12, 7), 0);
    assert!(e.text.chars().count() <= 171 && e.text.ends_with('…'), "{}", e.text);
    assert_eq!(e.place, "Bytorvet 1, Glamsbjerg (Assens Kommune)");
    assert_eq!(e.contact, "Røde Kors Assens · Anne · +45 12 34 56 78");
    assert_eq!(e.badge.as_deref(), Some("Aldrig bekræftet"));
    assert!(booklet::entry(&a, None, d(2026, 12, 7), 2).text.chars().count() <= 91);
    assert_eq!(booklet::per_page(0), 3);
    assert_eq!(booklet::per_page(2), 1);
}
