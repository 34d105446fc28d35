//! "Året i tal": the year report counts dreams posted, fulfilled and
//! cancelled, runners and hours per month (in Copenhagen time) and
//! category; deleted dreams are left out; the CSV is Danish Excel's dialect
//! and holds no name, contact, title or place. The dreams are read from the
//! export format, as a coordinator's file brings them.

use serde_json::{json, Value};
use tid_og_lyst_core::dreams::dream::{Category, Dream};
use tid_og_lyst_core::dreams::report::{cancelled_at, report_csv, report_years, year_report, Figures, Row};

/// A revision stamp at `at` (RFC 3339, UTC).
fn rev(at: &str) -> Value {
    json!({ "at": at, "n": 0, "by": "koordinator-enhed" })
}

/// One dream as the export format writes it.
struct Spec {
    n: u8,
    category: &'static str,
    posted: &'static str,
    hours: f64,
    /// (status, the log's events after "created" with their times)
    status: &'static str,
    events: Vec<(&'static str, &'static str)>,
    /// (runner, claimed at, released)
    claims: Vec<(&'static str, &'static str, bool)>,
    deleted: bool,
}

impl Spec {
    fn new(n: u8, category: &'static str, posted: &'static str) -> Spec {
        Spec { n, category, posted, hours: 2.0, status: "open", events: vec![], claims: vec![], deleted: false }
    }
    fn fulfilled(mut self, at: &'static str, runners: &[&'static str], hours: f64) -> Spec {
        self.status = "fulfilled";
        self.hours = hours;
        for r in runners {
            self.claims.push((r, self.posted, false));
        }
        self.events.push(("fulfilled", at));
        self
    }
    fn cancelled(mut self, at: &'static str) -> Spec {
        self.status = "cancelled";
        self.events.push(("cancelled", at));
        self
    }
    fn json(&self) -> Value {
        let id = format!("00000000-0000-4000-8000-0000000000{:02x}", self.n);
        let mut log = vec![json!({ "rev": rev(self.posted), "who": "Lone Koordinator", "event": "created" })];
        for (event, at) in &self.events {
            log.push(json!({ "rev": rev(at), "who": "Lone Koordinator", "event": event }));
        }
        let claims: Vec<Value> = self
            .claims
            .iter()
            .enumerate()
            .map(|(i, (name, at, released))| {
                json!({
                    "id": format!("00000000-0000-4000-9000-0000{:02x}{:06x}", self.n, i),
                    "rev": rev(at), "deleted": released,
                    "name": name, "contact": format!("{}@example.dk", name.to_lowercase()),
                    "claimed_at": at,
                })
            })
            .collect();
        let last = self.events.last().map(|(_, at)| *at).unwrap_or(self.posted);
        json!({
            "id": id, "rev": rev(last), "deleted": self.deleted,
            "title": format!("Drømmen om havet nr. {}", self.n),
            "story": "Inger vil gerne mærke sandet under fødderne igen.",
            "dreamer": "Inger", "dreamer_age": 84,
            "municipality": "Assens", "place": "Vesterhavet ved Husby",
            "duration_hours": self.hours, "runners_needed": 2, "category": self.category,
            "coordinator": { "name": "Lone Koordinator", "contact": "22 33 44 55" },
            "status": self.status, "outcome": "Det blev en god dag.", "cancel_reason": "Inger blev syg.",
            "claims": claims, "log": log,
            "private_note": { "text": "Bor på Havnevej 12, datteren Lise", "rev": rev(self.posted) },
        })
    }
    fn dream(&self) -> Dream {
        serde_json::from_value(self.json()).expect("a dream in the export format")
    }
}

fn dreams(specs: &[Spec]) -> Vec<Dream> {
    specs.iter().map(Spec::dream).collect()
}

fn figures(posted: usize, fulfilled: usize, cancelled: usize, runners: usize, centihours: u64) -> Figures {
    Figures { posted, fulfilled, cancelled, runners, centihours }
}

/// A small year of a board: three nature dreams, a music dream, a visit.
fn a_year() -> Vec<Spec> {
    vec![
        // Posted in March, fulfilled in May by Anna and Bent (released claim by Carl does not count), 4 h.
        Spec::new(1, "natur", "2026-03-10T09:00:00.000Z")
            .fulfilled("2026-05-02T12:00:00.000Z", &["Anna", "Bent"], 4.0)
            .with_released("Carl"),
        // Posted in March, fulfilled in May by one runner, 1.5 h.
        Spec::new(2, "natur", "2026-03-20T09:00:00.000Z").fulfilled("2026-05-20T12:00:00.000Z", &["Dorte"], 1.5),
        // Posted in March, cancelled in April.
        Spec::new(3, "natur", "2026-03-25T09:00:00.000Z").cancelled("2026-04-01T08:00:00.000Z"),
        // Music, posted in May, still open.
        Spec::new(4, "musik", "2026-05-05T09:00:00.000Z"),
        // A visit posted the year before, fulfilled in January by three runners, 2.5 h.
        Spec::new(5, "besoeg", "2025-11-05T09:00:00.000Z").fulfilled(
            "2026-01-15T12:00:00.000Z",
            &["Erik", "Frida", "Gustav"],
            2.5,
        ),
    ]
}

trait Released {
    fn with_released(self, name: &'static str) -> Self;
}
impl Released for Spec {
    fn with_released(mut self, name: &'static str) -> Spec {
        self.claims.push((name, self.posted, true));
        self
    }
}

#[test]
fn a_year_is_counted_by_month_and_category() {
    let all = dreams(&a_year());
    let r = year_report(&all, 2026);
    assert_eq!(r.year, 2026);
    assert_eq!(
        r.rows,
        vec![
            Row { month: 1, category: Category::Besoeg, figures: figures(0, 1, 0, 3, 750) },
            Row { month: 3, category: Category::Natur, figures: figures(3, 0, 0, 0, 0) },
            Row { month: 4, category: Category::Natur, figures: figures(0, 0, 1, 0, 0) },
            Row { month: 5, category: Category::Natur, figures: figures(0, 2, 0, 3, 950) },
            Row { month: 5, category: Category::Musik, figures: figures(1, 0, 0, 0, 0) },
        ],
        "by month, then in the categories' order (Natur before Musik)"
    );
    assert_eq!(r.months[0], figures(0, 1, 0, 3, 750));
    assert_eq!(r.months[4], figures(1, 2, 0, 3, 950));
    assert!(r.months[1].is_empty() && r.months[11].is_empty());
    assert_eq!(r.categories.len(), Category::ALL.len(), "every category has a line");
    let natur = r.categories.iter().find(|(c, _)| *c == Category::Natur).unwrap().1;
    assert_eq!(natur, figures(3, 2, 1, 3, 950));
    assert_eq!(r.total, figures(4, 3, 1, 6, 1700));
    assert_eq!(r.total.hours(), 17.0);
    // The year before: only the visit was posted.
    let before = year_report(&all, 2025);
    assert_eq!(before.total, figures(1, 0, 0, 0, 0));
    assert_eq!(before.rows[0].month, 11);
    assert_eq!(report_years(&all, 2027), vec![2027, 2026, 2025]);
}

#[test]
fn months_are_copenhagen_months() {
    // (UTC instant, the Copenhagen month it falls in; None: not in 2026)
    let cases: [(&str, Option<u32>); 8] = [
        ("2025-12-31T23:30:00.000Z", Some(1)),  // 00:30 on New Year's Day
        ("2026-01-31T22:59:59.999Z", Some(1)),  // 23:59:59 (winter, +1)
        ("2026-01-31T23:00:00.000Z", Some(2)),  // midnight
        ("2026-03-31T21:59:00.000Z", Some(3)),  // 23:59 (summer, +2)
        ("2026-03-31T22:00:00.000Z", Some(4)),  // midnight
        ("2026-06-30T22:30:00.000Z", Some(7)),  // 00:30 on 1 July
        ("2026-10-31T23:30:00.000Z", Some(11)), // 00:30 on 1 November (winter again)
        ("2026-12-31T23:00:00.000Z", None),     // already 2027
    ];
    for (i, (at, month)) in cases.into_iter().enumerate() {
        let d = Spec::new(i as u8 + 1, "mad", at).dream();
        let r = year_report([&d], 2026);
        let got: Vec<u32> = r.rows.iter().map(|row| row.month).collect();
        assert_eq!(got, month.into_iter().collect::<Vec<_>>(), "posted {at}");
    }
    // Fulfilled and cancelled follow the same clock.
    let f =
        Spec::new(20, "mad", "2026-05-01T10:00:00.000Z").fulfilled("2026-05-31T22:30:00.000Z", &["Anna"], 1.0).dream();
    let c = Spec::new(21, "mad", "2026-05-01T10:00:00.000Z").cancelled("2026-08-31T22:00:00.000Z").dream();
    let r = year_report([&f, &c], 2026);
    assert_eq!(r.months[5].fulfilled, 1, "00:30 on 1 June");
    assert_eq!(r.months[8].cancelled, 1, "midnight on 1 September");
}

#[test]
fn cancelled_counts_when_it_was_cancelled_and_only_while_it_is() {
    let c = Spec::new(1, "kultur", "2026-02-01T10:00:00.000Z").cancelled("2026-02-10T10:00:00.000Z");
    assert_eq!(year_report([&c.dream()], 2026).months[1].cancelled, 1);
    // Cancelled in February, opened again in March: not cancelled.
    let mut reopened = Spec::new(2, "kultur", "2026-02-01T10:00:00.000Z").cancelled("2026-02-10T10:00:00.000Z");
    reopened.status = "open";
    reopened.events.push(("reopened", "2026-03-01T10:00:00.000Z"));
    let d = reopened.dream();
    assert_eq!(cancelled_at(&d), None);
    assert_eq!(year_report([&d], 2026).total, figures(1, 0, 0, 0, 0));
    // Cancelled twice: the last time counts.
    let mut twice = Spec::new(3, "kultur", "2026-02-01T10:00:00.000Z").cancelled("2026-02-10T10:00:00.000Z");
    twice.events.push(("reopened", "2026-03-01T10:00:00.000Z"));
    twice.events.push(("cancelled", "2026-04-01T10:00:00.000Z"));
    let r = year_report([&twice.dream()], 2026);
    assert_eq!((r.months[1].cancelled, r.months[3].cancelled), (0, 1));
}

#[test]
fn runners_and_hours_are_those_of_the_claims_holding_a_place_on_fulfilled_dreams() {
    let spec = Spec::new(1, "udflugt", "2026-06-01T10:00:00.000Z")
        .fulfilled("2026-06-20T10:00:00.000Z", &["Anna", "Bent", "Carl"], 1.25)
        .with_released("Dorte")
        .with_released("Erik");
    // A claim the coordinator declined and a reserve's hold no place.
    let mut json = spec.json();
    let claims = json["claims"].as_array_mut().unwrap();
    let mut declined = claims[0].clone();
    declined["id"] = json!("00000000-0000-4000-9000-00000000d001");
    declined["decision"] = json!({ "rev": rev("2026-06-03T10:00:00.000Z"), "yes": false, "reason": "For mange" });
    let mut reserve = claims[0].clone();
    reserve["id"] = json!("00000000-0000-4000-9000-00000000d002");
    reserve["reserve"] = json!(true);
    claims.extend([declined, reserve]);
    let d: Dream = serde_json::from_value(json).unwrap();
    assert_eq!(d.live_claims().len(), 5);
    let r = year_report([&d], 2026);
    assert_eq!(
        (r.total.runners, r.total.centihours),
        (3, 375),
        "1,25 h × 3 runners; released, declined and reserve claims do not count"
    );
    assert_eq!(r.total.cells(), ["1", "1", "0", "3", "3,75"].map(String::from));
    // Claims on an open dream are no runners involved (yet).
    let mut open = Spec::new(2, "udflugt", "2026-06-01T10:00:00.000Z");
    open.claims.push(("Anna", "2026-06-02T10:00:00.000Z", false));
    assert_eq!(year_report([&open.dream()], 2026).total, figures(1, 0, 0, 0, 0));
}

#[test]
fn deleted_dreams_are_left_out() {
    let mut specs = a_year();
    for s in &mut specs {
        s.deleted = true;
    }
    let all = dreams(&specs);
    let r = year_report(&all, 2026);
    assert!(r.rows.is_empty());
    assert!(r.total.is_empty());
    assert_eq!(report_years(&all, 2026), vec![2026]);
}

#[test]
fn the_csv_is_danish_excel_and_holds_no_name_or_contact() {
    let specs = a_year();
    let all = dreams(&specs);
    let csv = report_csv(&year_report(&all, 2026));
    assert!(csv.starts_with('\u{feff}'), "byte-order mark for Excel");
    assert!(csv.ends_with("\r\n") && !csv.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').trim_end().split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "År;Måned;Kategori;Opslået;Opfyldt;Aflyst;Drømmeløbere;Timer givet",
            "2026;januar;Besøg;0;1;0;3;7,5",
            "2026;marts;Natur;3;0;0;0;0",
            "2026;april;Natur;0;0;1;0;0",
            "2026;maj;Natur;0;2;0;3;9,5",
            "2026;maj;Musik;1;0;0;0;0",
            "2026;Hele året;Alle;4;3;1;6;17",
        ]
    );
    // Nothing any dream says about a person or a place is in it.
    let exported = serde_json::to_string(&all).unwrap();
    let words = "Inger|Anna|Bent|Carl|Dorte|Erik|Frida|Gustav|Lone|Koordinator|example.dk|22 33 44 55|Havnevej|Lise|\
                 Vesterhavet|Husby|Assens|havet|sandet|syg|god dag";
    for word in words.split('|') {
        assert!(exported.contains(word), "the dreams hold {word}");
        assert!(!csv.contains(word), "the report holds {word}");
    }
    // An empty year: the header and a line of zeros.
    let empty = report_csv(&year_report(&all, 2030));
    assert_eq!(empty, "\u{feff}År;Måned;Kategori;Opslået;Opfyldt;Aflyst;Drømmeløbere;Timer givet\r\n2030;Hele året;Alle;0;0;0;0;0\r\n");
}
