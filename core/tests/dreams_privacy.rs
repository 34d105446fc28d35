//! Privacy and validation of the coordinator's form, and the copy for
//! runners without private fields.

use std::collections::BTreeSet;

use tid_og_lyst_core::dreams::dream::*;
use tid_og_lyst_core::dreams::form::*;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::{DeviceId, RecordId, Rev};
use tid_og_lyst_core::sync::share::share_with_runners;
use tid_og_lyst_core::sync::wire;

fn act(at: i64) -> Act {
    Act { rev: Rev { at, n: 0, by: DeviceId("k".into()) }, who: "K".into() }
}

fn good_form() -> DreamForm {
    DreamForm {
        title: "Fisketur fra havnen".into(),
        story: "Erik har ikke fisket siden han flyttede på plejehjem.".into(),
        dreamer: "Erik".into(),
        age: "84".into(),
        municipality: "Svendborg".into(),
        place: "Svendborg havn".into(),
        from: "2026-12-01".into(),
        to: "2026-12-20".into(),
        hours: "3,5".into(),
        runners: "2".into(),
        category: "natur".into(),
        needs: "bil, kørestol".into(),
        coord_name: "Lone".into(),
        coord_contact: "lone@example.dk".into(),
        reply_by: "2026-11-30".into(),
        boundaries: Boundary::ALL.into_iter().collect(),
        private_note: "Bor på Havnevej 12, datter Lise 12345678".into(),
        ..Default::default()
    }
}

#[test]
fn a_good_form_passes_without_warnings() {
    let r = good_form().check();
    assert_eq!(r.errors, vec![]);
    assert_eq!(r.warnings, vec![], "private notes may hold the address and phone");
    let d = r.checked.unwrap().into_new(&act(1), RecordId::from_seed(1));
    assert_eq!(d.duration_hours, 3.5);
    assert_eq!(d.needs, ["bil", "kørestol"]);
    assert_eq!(d.category, Category::Natur);
    assert!(!d.is_flagged());
    assert_eq!(d.log.len(), 1);
}

fn errors_of(f: DreamForm) -> Vec<(Field, String)> {
    f.check().errors.into_iter().map(|m| (m.field, m.text)).collect()
}

#[test]
fn cpr_is_refused_in_any_field_with_an_explanation() {
    for (field, set) in [
        (
            Field::Story,
            Box::new(|f: &mut DreamForm| f.story = "cpr: 241245-1234".into()) as Box<dyn Fn(&mut DreamForm)>,
        ),
        (Field::Dreamer, Box::new(|f: &mut DreamForm| f.dreamer = "Erik 2412451234".into())),
        (Field::Private, Box::new(|f: &mut DreamForm| f.private_note = "241245 1234".into())),
    ] {
        let mut f = good_form();
        set(&mut f);
        let e = errors_of(f);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, field);
        assert!(e[0].1.contains("CPR-nummer") && e[0].1.contains("§ 11"), "{}", e[0].1);
    }
}

#[test]
fn phone_address_and_surname_of_the_dreamer_warn() {
    let mut f = good_form();
    f.story = "Ring til Erik på 22 33 44 55. Han bor på Strandvejen 4.".into();
    f.dreamer = "Erik Hansen".into();
    let r = f.check();
    assert!(r.errors.is_empty());
    assert!(r.checked.is_some(), "warnings do not stop the save");
    let fields: BTreeSet<Field> = r.warnings.iter().map(|w| w.field).collect();
    assert_eq!(fields, [Field::Story, Field::Dreamer].into_iter().collect());
    assert_eq!(r.warnings.len(), 3);
}

#[test]
fn the_coordinators_own_phone_is_fine() {
    let mut f = good_form();
    f.coord_contact = "22 33 44 55".into();
    assert!(f.check().warnings.is_empty());
}

#[test]
fn validation_errors_name_the_field() {
    type Edit = Box<dyn Fn(&mut DreamForm)>;
    let cases: Vec<(Edit, Field)> = vec![
        (Box::new(|f| f.title = "  ".into()), Field::Title),
        (Box::new(|f| f.municipality = "".into()), Field::Municipality),
        (Box::new(|f| f.hours = "to".into()), Field::Hours),
        (Box::new(|f| f.hours = "0".into()), Field::Hours),
        (Box::new(|f| f.runners = "0".into()), Field::Runners),
        (Box::new(|f| f.from = "2026-12-21".into()), Field::To),
        (Box::new(|f| f.reply_by = "2026-12-24".into()), Field::ReplyBy),
        (Box::new(|f| f.from = "32-13-2026".into()), Field::From),
        (Box::new(|f| f.age = "7".into()), Field::Age),
        (Box::new(|f| f.coord_contact = "".into()), Field::Coordinator),
    ];
    for (set, field) in cases {
        let mut f = good_form();
        set(&mut f);
        let r = f.check();
        assert!(r.checked.is_none());
        assert_eq!(r.errors.iter().map(|m| m.field).collect::<Vec<_>>(), vec![field]);
    }
    let mut f = good_form();
    f.from = "01-12-2026".into();
    assert!(f.check().errors.is_empty(), "Danish date form is read too");
}

#[test]
fn unconfirmed_boundaries_and_boundary_words_flag_the_dream() {
    let mut f = good_form();
    f.boundaries.remove(&Boundary::Medicin);
    f.story = "Hjælp Erik med hans medicin på turen".into();
    let r = f.check();
    assert!(r.errors.is_empty());
    let texts: Vec<&str> = r.warnings.iter().map(|w| w.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("«medicin»")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("ikke bekræftet")), "{texts:?}");
    let d = r.checked.unwrap().into_new(&act(1), RecordId::from_seed(2));
    assert!(d.is_flagged());
    assert_eq!(d.boundaries_missing(), vec![Boundary::Medicin]);
}

#[test]
fn the_runners_copy_has_no_private_note_and_no_flagged_dream() {
    let ok = good_form().check().checked.unwrap().into_new(&act(1), RecordId::from_seed(3));
    let mut flagged_form = good_form();
    flagged_form.title = "Hjælp med nøgler".into();
    flagged_form.boundaries.clear();
    let flagged = flagged_form.check().checked.unwrap().into_new(&act(2), RecordId::from_seed(4));
    assert!(ok.private_note.is_some());
    let (data, held) = share_with_runners(&merge::collect([ok.clone(), flagged]));
    assert_eq!(held, ["Hjælp med nøgler"]);
    assert_eq!(data.dreams.len(), 1);
    let text = wire::export_json(&data, &DeviceId("k".into()), 5);
    assert!(!text.contains("private_note"));
    assert!(!text.contains("Havnevej"));
    assert!(!text.contains("Lise"));
    assert!(text.contains("lone@example.dk"), "the coordinator's contact goes in");
    // The runners' file reads back, and merging it into the coordinator's
    // data keeps the note.
    let back = wire::parse_text(&text).unwrap();
    let merged = merge::merge(&merge::collect([ok.clone()]), &back.data.dreams);
    assert_eq!(merged[&ok.meta.id].private_note, ok.private_note);
}

#[test]
fn editing_keeps_the_note_stamp_when_it_did_not_change() {
    let d0 = good_form().check().checked.unwrap().into_new(&act(1), RecordId::from_seed(5));
    let mut d = d0.clone();
    let mut f = DreamForm::from_dream(&d);
    assert_eq!(f, {
        let mut g = good_form();
        g.hours = "3,5".into();
        g.needs = "bil, kørestol".into();
        g
    });
    f.title = "Fisketur".into();
    f.check().checked.unwrap().apply(&mut d, &act(9), act(9).rev);
    assert_eq!(d.title, "Fisketur");
    assert_eq!(d.meta.rev.at, 9);
    assert_eq!(d.private_note, d0.private_note);
    assert_eq!(d.log.last().unwrap().event, Event::Edited);
}
