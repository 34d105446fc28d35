//! Activity lists that went through a real spreadsheet program come back in.
//! `tests/fixtures/spreadsheet/source.csv` is the app's own CSV of a few
//! activities; the other files there are that file opened and saved again by
//! LibreOffice Calc in Danish and English settings (see the README there).
//! Every one of them must import with no bad row and give back the same
//! activities.

use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::csv::{decode, from_csv, to_csv, CsvImport};
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};
use tid_og_lyst_core::sync::wire::parse_text;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/spreadsheet");

/// The activities of `source.csv`: a dozen from the example catalogue (every
/// kind of schedule), one with a price in øre, a date of last update, a
/// phone number and a description with a semicolon, quotes and a line break.
fn source() -> Vec<Activity> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalogue.json")).unwrap();
    let data = parse_text(&text).unwrap().data;
    let all: Vec<Activity> = live(&data.activities).cloned().collect();
    let mut picked: Vec<Activity> = Vec::new();
    for kind in ["weekly", "monthly", "dates", "by_agreement"] {
        picked
            .extend(all.iter().filter(|a| serde_json::to_value(&a.schedule).unwrap()["kind"] == kind).take(3).cloned());
    }
    let mut tricky = picked[0].clone();
    tricky.meta.id = RecordId::parse("0d5e3f9a-8c1b-4a7e-9b2d-3f4a5b6c7d8e").unwrap();
    tricky.title = "Strikkecafé \"Pind & Prik\"".into();
    tricky.description = "Kaffe; kage og garn.\nMedbring egne pinde, hvis du har.".into();
    tricky.price_dkk = Some(25.5);
    tricky.updated = chrono::NaiveDate::from_ymd_opt(2026, 1, 5);
    tricky.contact.phone = "+45 12 34 56 78".into();
    tricky.example = false;
    picked.push(tricky);
    picked
}

fn metas() -> impl FnMut(Option<RecordId>) -> Meta {
    let mut clock = Clock::new(DeviceId("regneark".into()));
    let mut n = 0;
    move |id| {
        n += 1;
        Meta::new(id.unwrap_or(RecordId::from_seed(n)), &mut clock, 5_000)
    }
}

fn read(name: &str) -> CsvImport {
    let bytes = std::fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
    from_csv(&decode(&bytes), &mut metas()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn source_csv_is_what_the_app_writes() {
    let csv = to_csv(&source());
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(format!("{DIR}/source.csv"), &csv).unwrap();
    }
    assert_eq!(std::fs::read_to_string(format!("{DIR}/source.csv")).unwrap(), csv);
}

#[test]
fn files_saved_again_by_a_spreadsheet_program_import_whole() {
    let want = source();
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv") && n != "source.csv")
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for name in &files {
        let got = read(name);
        assert_eq!(got.bad, vec![], "{name}");
        assert_eq!(got.good.len(), want.len(), "{name}");
        for ((_, a), b) in got.good.iter().zip(&want) {
            let mut a = a.clone();
            a.meta = b.meta.clone();
            assert_eq!(&a, b, "{name}: {}", b.title);
        }
    }
}

#[test]
fn an_unreadable_cell_the_activity_does_not_need_is_a_warning() {
    let csv = "\"Titel\",\"Kommune\",\"Ugedage\",\"Fra kl.\",\"Til kl.\",\"Pris (kr.)\",\"Sidst opdateret\"\n\
               \"Banko\",\"Hedensted\",\"mandag\",\"19:00:00\",\"21:00:00\",\"20.50\",\"i går\"\n\
               \"Dans\",\"Assens\",\"tirsdag\",\"10.00\",\"12.00\",\"\",\"05-01-26\"\n";
    let r = from_csv(csv, &mut metas()).unwrap();
    assert_eq!(r.bad, vec![]);
    assert_eq!(r.good.len(), 2);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.warnings[0].0, 2);
    assert!(r.warnings[0].1.contains("Sidst opdateret") && r.warnings[0].1.contains("i går"), "{:?}", r.warnings);
    assert_eq!(r.good[0].1.price_dkk, Some(20.5));
    assert_eq!(r.good[0].1.updated, None);
    assert_eq!(r.good[1].1.updated, chrono::NaiveDate::from_ymd_opt(2026, 1, 5));
}

#[test]
fn tab_separated_unicode_text_imports() {
    // Only the separators become tabs when no cell holds a semicolon.
    let want: Vec<_> = source().into_iter().filter(|a| !a.description.contains(';')).collect();
    let csv = to_csv(&want).replace(';', "\t");
    let r = from_csv(&csv, &mut metas()).unwrap();
    assert_eq!(r.bad, vec![]);
    assert_eq!(r.good.len(), want.len());
}

#[test]
fn the_import_message_counts_in_danish() {
    use tid_og_lyst_core::activities::da::csv_done;
    assert_eq!(csv_done(1), "1 aktivitet er importeret.");
    assert_eq!(csv_done(0), "0 aktiviteter er importeret.");
    assert_eq!(csv_done(5219), "5219 aktiviteter er importeret.");
}
