//! Open Referral's Human Services Data Specification (HSDS 3.0) as a tabular
//! data package: `datapackage.json` and one CSV file per table, the way
//! municipalities and associations that keep their offers in other systems
//! exchange them. [`export`] writes the activities shown, [`import`] reads
//! such a package back (ours or another system's) into activities, through
//! the same [`Draft`] and rules as the form and the spreadsheet import.
//!
//! The mapping is documented in `docs/FORMAT.md` ("Open Referral HSDS"): an
//! activity is a `service` of an `organization` (its organiser) at a
//! `location` (its place), with its schedule as RFC 5545 rules in
//! `schedules`, "sidst bekræftet" as the service's `assured_date`, its price
//! as a `cost_option`, its municipality as a `service_area`, and what HSDS
//! has no field for (category, audience, access, source, exact address and
//! town) as `attributes` of the package's own `taxonomy`. Each table is a
//! subset of the official package descriptor's fields, defined exactly as
//! there (a native test compares them with the vendored descriptor).
//! The container (zip) is the app crate's `zip` module, in the HSDS wasm.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::activities::activity::{
    format_date, is_email, is_web_link, parse_price, Activity, Category, Draft, KIND_AGREEMENT, KIND_DATES,
    KIND_MONTHLY, KIND_WEEKLY,
};
use crate::activities::csv::{parse_rows, write_table_as, CsvImport, RFC_4180};
use crate::activities::csv_dialect::{detect_separator, strip_bom};
use crate::activities::da::{self as t, hsds as h};
use crate::activities::municipalities;
use crate::activities::schedule::{Hm, Schedule};
use crate::record::meta::{format_millis, Meta, Millis, RecordId};
use crate::text::dates::{iso, parse_iso, today};

// ------------------------------------------------------------ the tables

/// One column of an HSDS table, as the official `datapackage.json` defines it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Column name.
    pub name: &'static str,
    /// Table Schema type (`string`, `number`, `date`, `datetime`, `time`).
    pub kind: &'static str,
    /// Table Schema format (`uuid`, `uri`, `email`) or "".
    pub format: &'static str,
    /// Must have a value.
    pub required: bool,
    /// Values are unique in the table.
    pub unique: bool,
    /// The allowed values, when only some are.
    pub choices: &'static [&'static str],
}

const fn col(name: &'static str, kind: &'static str, format: &'static str, required: bool) -> Field {
    Field { name, kind, format, required, unique: false, choices: &[] }
}
const fn id() -> Field {
    Field { name: "id", kind: "string", format: "uuid", required: true, unique: true, choices: &[] }
}
const fn link(name: &'static str, required: bool) -> Field {
    col(name, "string", "uuid", required)
}
const fn text(name: &'static str, required: bool) -> Field {
    col(name, "string", "", required)
}
const fn choice(name: &'static str, required: bool, choices: &'static [&'static str]) -> Field {
    Field { name, kind: "string", format: "", required, unique: false, choices }
}

/// One table of the package: its resource name, file, columns and links.
#[derive(Clone, Copy, Debug)]
pub struct Resource {
    /// The resource's name (`service`).
    pub name: &'static str,
    /// Its file (`services.csv`).
    pub path: &'static str,
    /// Its columns, in the official order.
    pub fields: &'static [Field],
    /// Its foreign keys: (column, resource whose `id` it names).
    pub foreign: &'static [(&'static str, &'static str)],
}

const LOCATION_TYPES: &[&str] = &["physical", "postal", "virtual"];
const STATUS: &[&str] = &["active", "inactive", "defunct", "temporarily closed"];

/// The tables the export writes, in the order of the files.
pub const RESOURCES: [Resource; 13] = [
    Resource {
        name: "organization",
        path: "organizations.csv",
        fields: &[id(), text("name", true), text("description", true)],
        foreign: &[],
    },
    Resource {
        name: "service",
        path: "services.csv",
        fields: &[
            id(),
            link("organization_id", true),
            text("name", true),
            text("description", false),
            col("url", "string", "uri", false),
            col("email", "string", "email", false),
            choice("status", true, STATUS),
            text("application_process", false),
            text("fees_description", false),
            text("eligibility_description", false),
            col("assured_date", "date", "", false),
            col("last_modified", "datetime", "", false),
        ],
        foreign: &[("organization_id", "organization")],
    },
    Resource {
        name: "location",
        path: "locations.csv",
        fields: &[id(), choice("location_type", true, LOCATION_TYPES), text("name", false)],
        foreign: &[],
    },
    Resource {
        name: "service_at_location",
        path: "service_at_location.csv",
        fields: &[id(), link("service_id", true), link("location_id", true)],
        foreign: &[("service_id", "service"), ("location_id", "location")],
    },
    Resource {
        name: "address",
        path: "addresses.csv",
        fields: &[
            id(),
            link("location_id", false),
            text("address_1", true),
            text("city", true),
            text("region", false),
            text("state_province", true),
            text("postal_code", true),
            text("country", true),
            choice("address_type", true, LOCATION_TYPES),
        ],
        foreign: &[("location_id", "location")],
    },
    Resource {
        name: "phone",
        path: "phones.csv",
        fields: &[id(), link("service_id", false), text("number", true)],
        foreign: &[("service_id", "service")],
    },
    Resource {
        name: "contact",
        path: "contacts.csv",
        fields: &[id(), link("service_id", false), text("name", false), col("email", "string", "email", false)],
        foreign: &[("service_id", "service")],
    },
    Resource {
        name: "schedule",
        path: "schedules.csv",
        fields: &[
            id(),
            link("service_id", false),
            col("valid_from", "date", "", false),
            col("valid_to", "date", "", false),
            col("dtstart", "date", "", false),
            col("count", "number", "", false),
            choice("freq", false, &["WEEKLY", "MONTHLY"]),
            col("interval", "number", "", false),
            text("byday", false),
            text("description", false),
            col("opens_at", "time", "", false),
            col("closes_at", "time", "", false),
            text("notes", false),
        ],
        foreign: &[("service_id", "service")],
    },
    Resource {
        name: "service_area",
        path: "service_areas.csv",
        fields: &[id(), link("service_id", false), text("name", false)],
        foreign: &[("service_id", "service")],
    },
    Resource {
        name: "cost_option",
        path: "cost_options.csv",
        fields: &[
            id(),
            link("service_id", true),
            text("option", false),
            text("currency", false),
            col("amount", "number", "", false),
        ],
        foreign: &[("service_id", "service")],
    },
    Resource {
        name: "taxonomy",
        path: "taxonomies.csv",
        fields: &[id(), text("name", true), text("description", true), text("version", false)],
        foreign: &[],
    },
    Resource {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        fields: &[
            id(),
            Field { name: "code", kind: "string", format: "", required: false, unique: true, choices: &[] },
            text("name", true),
            text("description", true),
            text("taxonomy", false),
            link("taxonomy_id", false),
        ],
        foreign: &[("taxonomy_id", "taxonomy")],
    },
    Resource {
        name: "attribute",
        path: "attributes.csv",
        fields: &[
            id(),
            link("link_id", true),
            link("taxonomy_term_id", true),
            text("link_type", false),
            text("link_entity", true),
            text("value", false),
        ],
        foreign: &[("taxonomy_term_id", "taxonomy_term")],
    },
];

const ORGANIZATION: usize = 0;
const SERVICE: usize = 1;
const LOCATION: usize = 2;
const SERVICE_AT_LOCATION: usize = 3;
const ADDRESS: usize = 4;
const PHONE: usize = 5;
const CONTACT: usize = 6;
const SCHEDULE: usize = 7;
const SERVICE_AREA: usize = 8;
const COST_OPTION: usize = 9;
const TAXONOMY: usize = 10;
const TAXONOMY_TERM: usize = 11;
const ATTRIBUTE: usize = 12;

/// The package descriptor's file.
pub const DESCRIPTOR: &str = "datapackage.json";

/// A stable UUID for a thing the activity has no id of (its organiser, its
/// place, its schedule rows): the same text gives the same id in every
/// export, so a receiving system updates rather than doubles. Version 8
/// (RFC 9562's custom layout) over two 64-bit FNV-1a hashes.
pub fn stable_id(text: &str) -> Uuid {
    let fnv = |seed: u64| text.bytes().fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let a = fnv(0xcbf2_9ce4_8422_2325);
    let mut b = fnv(a ^ 0x9e37_79b9_7f4a_7c15);
    b = (b ^ (b >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Uuid::from_bytes(bytes)
}

/// The codes of the package's own taxonomy terms beside the categories'
/// (`kategori:<key>`), as `da::hsds::TERMS` names them.
mod code {
    pub const AUDIENCE: &str = "maalgruppe";
    pub const WHEELCHAIR: &str = "koerestol";
    pub const TRANSPORT: &str = "transport";
    pub const COMPANION: &str = "foelgeven";
    pub const DROP_IN: &str = "kom-som-du-er";
    pub const SOURCE: &str = "kilde";
    pub const EXAMPLE: &str = "eksempel";
    pub const ADDRESS: &str = "adresse";
    pub const TOWN: &str = "by";
    pub const CATEGORY: &str = "kategori:";
}

fn term_id(code: &str) -> String {
    stable_id(&format!("taxonomy_term:{code}")).to_string()
}

fn taxonomy_id() -> String {
    stable_id("taxonomy:tid-og-lyst").to_string()
}

// ------------------------------------------------------------ writing

/// A table being filled.
struct Table {
    fields: &'static [Field],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn add(&mut self, cells: &[(&str, String)]) {
        let mut row = vec![String::new(); self.fields.len()];
        for (name, value) in cells {
            if let Some(i) = self.fields.iter().position(|f| f.name == *name) {
                row[i] = value.clone();
            }
        }
        self.rows.push(row);
    }

    /// RFC 4180: commas, quotes where needed, CRLF, UTF-8 without BOM.
    fn csv(&self) -> String {
        let header: Vec<&str> = self.fields.iter().map(|f| f.name).collect();
        write_table_as(RFC_4180, &header, &self.rows)
    }
}

/// The package descriptor (`datapackage.json`) of the tables, made at `now`.
pub fn descriptor(now: Millis) -> Value {
    let resources: Vec<Value> = RESOURCES
        .iter()
        .map(|r| {
            let fields: Vec<Value> = r
                .fields
                .iter()
                .map(|f| {
                    let mut constraints = json!({"required": f.required, "unique": f.unique});
                    if !f.choices.is_empty() {
                        constraints["enum"] = json!(f.choices);
                    }
                    let mut field = json!({"name": f.name, "type": f.kind, "constraints": constraints});
                    if !f.format.is_empty() {
                        field["format"] = json!(f.format);
                    }
                    field
                })
                .collect();
            let foreign: Vec<Value> = r
                .foreign
                .iter()
                .map(|(field, to)| json!({"fields": field, "reference": {"resource": to, "fields": "id"}}))
                .collect();
            let mut schema = json!({"fields": fields, "primaryKey": "id"});
            if !foreign.is_empty() {
                schema["foreignKeys"] = json!(foreign);
            }
            json!({
                "name": r.name, "path": r.path, "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "schema": schema,
            })
        })
        .collect();
    json!({
        "name": "tid-og-lyst-aktiviteter",
        "title": h::PACKAGE_TITLE,
        "description": h::PACKAGE_DESCRIPTION,
        "profile": "tabular-data-package",
        "created": format_millis(now),
        "keywords": ["Open Referral", "HSDS 3.0"],
        "resources": resources,
    })
}

/// A four-digit Danish postcode in the address or town ("5620 Glamsbjerg").
fn postcode(a: &Activity) -> Option<String> {
    [a.address.as_str(), a.town.as_str()].into_iter().find_map(|s| {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && !w.starts_with('0'))
            .map(str::to_string)
    })
}

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn day_code(d: Weekday) -> &'static str {
    DAYS[d.num_days_from_monday() as usize]
}

fn month_names(months: &[u8]) -> String {
    months.iter().filter_map(|m| t::MONTHS.get(usize::from(*m).wrapping_sub(1))).copied().collect::<Vec<_>>().join(", ")
}

/// The rows of `schedules.csv` for a schedule (each as its cells).
fn schedule_rows(s: &Schedule) -> Vec<Vec<(&'static str, String)>> {
    let times = |start: &Hm, end: &Hm| vec![("opens_at", start.wire()), ("closes_at", end.wire())];
    let pause = |m: &[u8]| if m.is_empty() { String::new() } else { h::pause_note(&month_names(m)) };
    match s {
        Schedule::Weekly { days, start, end, pause_months } => {
            let mut row = vec![
                ("freq", "WEEKLY".to_string()),
                ("interval", "1".into()),
                ("byday", days.iter().map(|d| day_code(*d)).collect::<Vec<_>>().join(",")),
                ("description", s.describe()),
                ("notes", pause(pause_months)),
            ];
            row.extend(times(start, end));
            vec![row]
        }
        Schedule::Monthly { nth, day, start, end, pause_months } => {
            let mut row = vec![
                ("freq", "MONTHLY".to_string()),
                ("interval", "1".into()),
                ("byday", format!("{nth}{}", day_code(*day))),
                ("description", s.describe()),
                ("notes", pause(pause_months)),
            ];
            row.extend(times(start, end));
            vec![row]
        }
        Schedule::Dates { dates, start, end } => dates
            .iter()
            .map(|d| {
                let mut row = vec![
                    ("valid_from", iso(*d)),
                    ("valid_to", iso(*d)),
                    ("dtstart", iso(*d)),
                    ("count", "1".to_string()),
                    ("freq", "WEEKLY".into()),
                    ("byday", day_code(d.weekday()).into()),
                    ("description", format!("{} kl. {start}–{end}", t::long_date(*d))),
                ];
                row.extend(times(start, end));
                row
            })
            .collect(),
        Schedule::ByAgreement => vec![vec![("description", t::BY_AGREEMENT.to_string())]],
    }
}

/// A number as Table Schema writes it: "25" or "25.5".
fn number(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100).trim_end_matches('0').to_string()
    }
}

/// An attribute row: the term `code` (with `value`) of the `entity` `link`,
/// its `n`th of that term.
fn attribute(tables: &mut [Table], link: &str, entity: &str, code: &str, value: String, n: usize) {
    tables[ATTRIBUTE].add(&[
        ("id", stable_id(&format!("attribute:{link}:{code}:{n}")).to_string()),
        ("link_id", link.to_string()),
        ("taxonomy_term_id", term_id(code)),
        ("link_entity", entity.to_string()),
        ("value", value),
    ]);
}

/// The package of `activities` made at `now`: `datapackage.json` first,
/// then every table's CSV file (a table without rows has its header only).
pub fn export<'a>(activities: impl IntoIterator<Item = &'a Activity>, now: Millis) -> Vec<(String, String)> {
    let mut tables: Vec<Table> = RESOURCES.iter().map(|r| Table { fields: r.fields, rows: Vec::new() }).collect();
    let taxonomy = taxonomy_id();
    tables[TAXONOMY].add(&[
        ("id", taxonomy.clone()),
        ("name", h::TAXONOMY.into()),
        ("description", h::TAXONOMY_DESCRIPTION.into()),
        ("version", "1".into()),
    ]);
    let categories = Category::ALL.map(|c| (format!("{}{}", code::CATEGORY, c.key()), c.label().to_string()));
    for (code, name) in categories.iter().cloned().chain(h::TERMS.iter().map(|(c, n)| (c.to_string(), n.to_string()))) {
        let description = if code.starts_with(code::CATEGORY) { h::category_term(&name) } else { name.clone() };
        tables[TAXONOMY_TERM].add(&[
            ("id", term_id(&code)),
            ("code", code),
            ("name", name),
            ("description", description),
            ("taxonomy", h::TAXONOMY.into()),
            ("taxonomy_id", taxonomy.clone()),
        ]);
    }
    let mut organizations = HashSet::new();
    let mut locations = HashSet::new();
    for a in activities.into_iter().filter(|a| !a.meta.deleted) {
        let sid = a.meta.id.to_string();
        let organizer = if a.organizer.trim().is_empty() { h::NO_ORGANIZER } else { a.organizer.trim() };
        let org = stable_id(&format!("organization:{organizer}")).to_string();
        if organizations.insert(org.clone()) {
            tables[ORGANIZATION].add(&[
                ("id", org.clone()),
                ("name", organizer.into()),
                ("description", h::organization(organizer)),
            ]);
        }
        let place_key = format!("{}\n{}\n{}", a.municipality, a.town, a.address);
        let loc = stable_id(&format!("location:{place_key}")).to_string();
        if locations.insert(loc.clone()) {
            tables[LOCATION].add(&[("id", loc.clone()), ("location_type", "physical".into()), ("name", a.place())]);
            if let (Some(code), Some(region)) = (postcode(a), municipalities::region(&a.municipality)) {
                let street = if a.address.trim().is_empty() { a.town.trim() } else { a.address.trim() };
                let city = if a.town.trim().is_empty() { a.municipality.as_str() } else { a.town.trim() };
                tables[ADDRESS].add(&[
                    ("id", stable_id(&format!("address:{place_key}")).to_string()),
                    ("location_id", loc.clone()),
                    ("address_1", street.into()),
                    ("city", city.into()),
                    ("region", h::municipality(&a.municipality)),
                    ("state_province", region.into()),
                    ("postal_code", code),
                    ("country", "DK".into()),
                    ("address_type", "physical".into()),
                ]);
            }
            // The exact address and town, which HSDS's address cannot
            // always hold (it wants a postcode, which the activity has not).
            if !a.address.is_empty() {
                attribute(&mut tables, &loc, "location", code::ADDRESS, a.address.clone(), 0);
            }
            if !a.town.is_empty() {
                attribute(&mut tables, &loc, "location", code::TOWN, a.town.clone(), 0);
            }
        }
        let price = a.price_dkk.filter(|p| *p > 0.0);
        tables[SERVICE].add(&[
            ("id", sid.clone()),
            ("organization_id", org),
            ("name", a.title.clone()),
            ("description", a.description.clone()),
            ("url", if is_web_link(&a.contact.web) { a.contact.web.trim().into() } else { String::new() }),
            ("email", if is_email(&a.contact.email) { a.contact.email.trim().into() } else { String::new() }),
            ("status", "active".into()),
            ("application_process", if a.drop_in { t::DROP_IN.into() } else { String::new() }),
            ("fees_description", price.map(t::price).unwrap_or_else(|| t::FREE.into())),
            ("eligibility_description", a.audience.join(", ")),
            ("assured_date", a.confirmed.map(iso).unwrap_or_default()),
            // Noon UTC is the same date in Copenhagen all year.
            ("last_modified", a.updated.map(|d| format!("{}T12:00:00Z", iso(d))).unwrap_or_default()),
        ]);
        tables[SERVICE_AT_LOCATION].add(&[
            ("id", stable_id(&format!("service_at_location:{sid}")).to_string()),
            ("service_id", sid.clone()),
            ("location_id", loc),
        ]);
        if !a.contact.phone.trim().is_empty() {
            tables[PHONE].add(&[
                ("id", stable_id(&format!("phone:{sid}")).to_string()),
                ("service_id", sid.clone()),
                ("number", a.contact.phone.trim().into()),
            ]);
        }
        if !a.contact.name.trim().is_empty() {
            tables[CONTACT].add(&[
                ("id", stable_id(&format!("contact:{sid}")).to_string()),
                ("service_id", sid.clone()),
                ("name", a.contact.name.trim().into()),
                ("email", if is_email(&a.contact.email) { a.contact.email.trim().into() } else { String::new() }),
            ]);
        }
        for (n, mut row) in schedule_rows(&a.schedule).into_iter().enumerate() {
            row.push(("id", stable_id(&format!("schedule:{sid}:{n}")).to_string()));
            row.push(("service_id", sid.clone()));
            tables[SCHEDULE].add(&row);
        }
        tables[SERVICE_AREA].add(&[
            ("id", stable_id(&format!("service_area:{sid}")).to_string()),
            ("service_id", sid.clone()),
            ("name", h::municipality(&a.municipality)),
        ]);
        if let Some(p) = price {
            tables[COST_OPTION].add(&[
                ("id", stable_id(&format!("cost_option:{sid}")).to_string()),
                ("service_id", sid.clone()),
                ("option", h::PRICE_OPTION.into()),
                ("currency", "DKK".into()),
                ("amount", number(p)),
            ]);
        }
        attribute(&mut tables, &sid, "service", &format!("{}{}", code::CATEGORY, a.category.key()), String::new(), 0);
        for (n, who) in a.audience.iter().enumerate() {
            attribute(&mut tables, &sid, "service", code::AUDIENCE, who.clone(), n);
        }
        for (on, code) in [
            (a.access.wheelchair, code::WHEELCHAIR),
            (a.access.transport, code::TRANSPORT),
            (a.access.companion, code::COMPANION),
            (a.drop_in, code::DROP_IN),
            (a.example, code::EXAMPLE),
        ] {
            if on {
                attribute(&mut tables, &sid, "service", code, String::new(), 0);
            }
        }
        if !a.source.is_empty() {
            attribute(&mut tables, &sid, "service", code::SOURCE, a.source.clone(), 0);
        }
    }
    let mut files =
        vec![(DESCRIPTOR.to_string(), serde_json::to_string_pretty(&descriptor(now)).unwrap_or_default() + "\n")];
    files.extend(RESOURCES.iter().zip(&tables).map(|(r, table)| (r.path.to_string(), table.csv())));
    files
}

/// A file name for the package: "aktiviteter-hsds-2026-12-07.zip".
pub fn file_name(now: Millis) -> String {
    format!("aktiviteter-hsds-{}.zip", iso(today(now)))
}

// ------------------------------------------------------------ reading

/// Why a package as a whole cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HsdsError {
    /// No `services.csv`.
    NoServices,
    /// A CSV file that does not split into rows (file, line, why).
    Csv(String, usize, String),
    /// A table without a column it must have (file, column).
    MissingColumn(String, &'static str),
    /// `datapackage.json` is not JSON.
    Descriptor,
}

/// The Danish message, worded in `da.rs`.
impl std::fmt::Display for HsdsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HsdsError::NoServices => f.write_str(h::ERR_NO_SERVICES),
            HsdsError::Csv(file, line, msg) => f.write_str(&h::err_csv(file, *line, msg)),
            HsdsError::MissingColumn(file, column) => f.write_str(&h::err_header(file, column)),
            HsdsError::Descriptor => f.write_str(h::ERR_DESCRIPTOR),
        }
    }
}

/// One table read: its columns by name, and its rows.
#[derive(Default)]
struct Rows {
    columns: HashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl Rows {
    fn read(file: &str, text: &str) -> Result<Rows, HsdsError> {
        let text = strip_bom(text);
        let all = parse_rows(text, detect_separator(text)).map_err(|(l, m)| HsdsError::Csv(file.into(), l, m))?;
        let mut rows = all.into_iter().map(|(_, r)| r);
        let columns = rows
            .next()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, name)| (name.trim().to_lowercase(), i))
            .collect();
        Ok(Rows { columns, rows: rows.collect() })
    }

    /// The cell `column` of `row`, trimmed ("" when the table has no such column).
    fn get<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        self.columns.get(column).and_then(|i| row.get(*i)).map_or("", |s| s.trim())
    }

    /// The rows whose `column` is `value`, in file order.
    fn index(&self, column: &str) -> HashMap<String, Vec<usize>> {
        let mut out: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in self.rows.iter().enumerate() {
            let v = self.get(r, column);
            if !v.is_empty() {
                out.entry(v.to_string()).or_default().push(i);
            }
        }
        out
    }
}

/// The last part of a path in a zip ("hsds/services.csv" → "services.csv").
fn base_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).trim().to_lowercase()
}

/// One schedule row, read.
struct Rule {
    freq: String,
    interval: Option<f64>,
    count: Option<f64>,
    byday: String,
    bymonthday: String,
    dtstart: Option<NaiveDate>,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    opens: Option<Hm>,
    closes: Option<Hm>,
    description: String,
    notes: String,
}

/// A time as HSDS writes it ("10:00", "10:00:00", with or without a zone,
/// which is left aside: the times are taken as Danish local time).
fn read_time(s: &str) -> Option<Hm> {
    let s = s.trim();
    let s = s.trim_end_matches('Z');
    let s = match s.rfind(['+', '-']) {
        Some(i) if i >= 4 => &s[..i],
        _ => s,
    };
    let mut parts = s.split(':');
    let (hour, minute) = (parts.next()?.parse().ok()?, parts.next().unwrap_or("0").parse().ok()?);
    Hm::new(hour, minute)
}

fn read_date(s: &str) -> Option<NaiveDate> {
    parse_iso(s.get(..10).unwrap_or(s))
}

/// The Copenhagen date of a moment ("2026-11-02T12:00:00Z", with any
/// offset), or of a bare date.
fn read_moment(s: &str) -> Option<NaiveDate> {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => Some(today(t.timestamp_millis())),
        Err(_) => read_date(s),
    }
}

fn read_number(s: &str) -> Option<f64> {
    s.trim().replace(',', ".").parse().ok().filter(|x: &f64| x.is_finite())
}

impl Rule {
    fn of(t: &Rows, r: &[String]) -> Rule {
        Rule {
            freq: t.get(r, "freq").to_uppercase(),
            interval: read_number(t.get(r, "interval")),
            count: read_number(t.get(r, "count")),
            byday: t.get(r, "byday").to_uppercase(),
            bymonthday: t.get(r, "bymonthday").into(),
            dtstart: read_date(t.get(r, "dtstart")),
            valid_from: read_date(t.get(r, "valid_from")),
            valid_to: read_date(t.get(r, "valid_to")),
            opens: read_time(t.get(r, "opens_at")),
            closes: read_time(t.get(r, "closes_at")),
            description: t.get(r, "description").into(),
            notes: t.get(r, "notes").into(),
        }
    }

    /// How the rule reads as a text when it has no place in a schedule.
    fn as_text(&self) -> String {
        if !self.description.is_empty() {
            return self.description.clone();
        }
        let mut parts = Vec::new();
        for (k, v) in [("FREQ", &self.freq), ("BYDAY", &self.byday), ("BYMONTHDAY", &self.bymonthday)] {
            if !v.is_empty() {
                parts.push(format!("{k}={v}"));
            }
        }
        if let Some(i) = self.interval.filter(|i| *i > 1.0) {
            parts.push(format!("INTERVAL={i}"));
        }
        if let (Some(o), Some(c)) = (self.opens, self.closes) {
            parts.push(format!("kl. {o}–{c}"));
        }
        parts.join(" ")
    }

    fn times(&self) -> Option<(Hm, Hm)> {
        Some((self.opens?, self.closes?))
    }

    /// The one date of a rule that meets once.
    fn single_date(&self) -> Option<NaiveDate> {
        if self.count == Some(1.0) {
            return self.dtstart.or(self.valid_from);
        }
        (self.freq.is_empty() && self.valid_from.is_some() && self.valid_from == self.valid_to)
            .then_some(self.valid_from)
            .flatten()
    }

    fn plain_interval(&self) -> bool {
        self.interval.is_none_or(|i| i == 1.0) && self.count.is_none() && self.bymonthday.is_empty()
    }

    /// Weekdays of a weekly rule ("MO,WE").
    fn weekly(&self) -> Option<Vec<Weekday>> {
        if self.freq != "WEEKLY" || !self.plain_interval() {
            return None;
        }
        let days: Option<Vec<Weekday>> = self.byday.split(',').map(|d| day_of(d.trim())).collect();
        days.filter(|d| !d.is_empty())
    }

    /// Week and weekday of a monthly rule ("-1TH", "2FR").
    fn monthly(&self) -> Option<(i8, Weekday)> {
        if self.freq != "MONTHLY" || !self.plain_interval() || self.byday.contains(',') {
            return None;
        }
        let b = self.byday.trim();
        let split = b.len().checked_sub(2)?;
        let nth: i8 = b[..split].trim_start_matches('+').parse().ok()?;
        ((1..=4).contains(&nth) || nth == -1).then_some(())?;
        Some((nth, day_of(&b[split..])?))
    }

    /// The months of a pause note ("Holder pause i juli, august.").
    fn pause(&self) -> Option<String> {
        self.notes.strip_prefix(h::PAUSE_PREFIX).map(|m| m.trim_end_matches('.').to_string())
    }
}

fn day_of(code: &str) -> Option<Weekday> {
    DAYS.iter().position(|d| *d == code).and_then(|i| Weekday::try_from(i as u8).ok())
}

/// Fills the draft's schedule from the rules; returns the texts of the
/// rules (and notes) that have no place in it.
fn read_schedule(d: &mut Draft, rules: &[Rule]) -> Vec<String> {
    let mut kept = Vec::new();
    let mut chosen: Option<usize> = None;
    let set_times = |d: &mut Draft, (s, e): (Hm, Hm)| {
        d.start = s.to_string();
        d.end = e.to_string();
    };
    // A weekly rule first, then a monthly one, then dates.
    if let Some((i, days, times)) = rules.iter().enumerate().find_map(|(i, r)| Some((i, r.weekly()?, r.times()?))) {
        d.kind = KIND_WEEKLY.into();
        d.days = [false; 7];
        for (j, r) in rules.iter().enumerate() {
            // Other weekly rules at the same times add their days.
            let same = j == i || (r.weekly().is_some() && r.times() == Some(times));
            if same {
                for day in r.weekly().unwrap_or_else(|| days.clone()) {
                    d.days[day.num_days_from_monday() as usize] = true;
                }
            }
        }
        set_times(d, times);
        d.pause = rules[i].pause().unwrap_or_default();
        chosen = Some(i);
    } else if let Some((i, (nth, day), times)) =
        rules.iter().enumerate().find_map(|(i, r)| Some((i, r.monthly()?, r.times()?)))
    {
        d.kind = KIND_MONTHLY.into();
        d.nth = nth.to_string();
        d.month_day = day.num_days_from_monday() as usize;
        set_times(d, times);
        d.pause = rules[i].pause().unwrap_or_default();
        chosen = Some(i);
    } else if let Some(times) = rules.iter().find(|r| r.single_date().is_some()).and_then(Rule::times) {
        let mut dates: Vec<NaiveDate> =
            rules.iter().filter(|r| r.times() == Some(times)).filter_map(Rule::single_date).collect();
        dates.sort();
        dates.dedup();
        d.kind = KIND_DATES.into();
        d.dates = dates.iter().map(|x| format_date(*x)).collect::<Vec<_>>().join(", ");
        set_times(d, times);
    } else {
        d.kind = KIND_AGREEMENT.into();
    }
    for (i, r) in rules.iter().enumerate() {
        let used = match d.kind.as_str() {
            KIND_WEEKLY => chosen == Some(i) || r.weekly().is_some() && r.times() == rules[chosen.unwrap_or(i)].times(),
            KIND_MONTHLY => chosen == Some(i),
            KIND_DATES => {
                r.single_date().is_some()
                    && r.times().map(|(s, e)| (s.to_string(), e.to_string())) == Some((d.start.clone(), d.end.clone()))
            }
            _ => r.description == t::BY_AGREEMENT || r.as_text().is_empty(),
        };
        if !used {
            let text = r.as_text();
            if !text.is_empty() {
                kept.push(text);
            }
        }
        if used && !r.notes.is_empty() && r.pause().is_none() {
            kept.push(r.notes.clone());
        }
    }
    kept
}

/// The tables of a package, found by the descriptor's paths or the
/// standard file names.
struct Package {
    tables: HashMap<&'static str, Rows>,
}

impl Package {
    fn read(files: &[(String, String)]) -> Result<Package, HsdsError> {
        let by_name: HashMap<String, &str> = files.iter().map(|(n, text)| (base_name(n), text.as_str())).collect();
        let mut paths: HashMap<String, String> = HashMap::new();
        if let Some(text) = by_name.get(DESCRIPTOR) {
            let v: Value = serde_json::from_str(strip_bom(text)).map_err(|_| HsdsError::Descriptor)?;
            for r in v["resources"].as_array().into_iter().flatten() {
                if let (Some(name), Some(path)) = (r["name"].as_str(), r["path"].as_str()) {
                    paths.insert(name.to_string(), base_name(path));
                }
            }
        }
        let mut tables = HashMap::new();
        for r in RESOURCES.iter().filter(|r| r.name != "taxonomy") {
            let file = paths.get(r.name).cloned().unwrap_or_else(|| r.path.to_string());
            if let Some(text) = by_name.get(&file) {
                tables.insert(r.name, Rows::read(&file, text)?);
            }
        }
        let services = tables.get("service").ok_or(HsdsError::NoServices)?;
        for column in ["id", "name"] {
            if !services.columns.contains_key(column) {
                return Err(HsdsError::MissingColumn("services.csv".into(), column));
            }
        }
        Ok(Package { tables })
    }

    fn table(&self, name: &str) -> &Rows {
        static EMPTY: std::sync::OnceLock<Rows> = std::sync::OnceLock::new();
        self.tables.get(name).unwrap_or_else(|| EMPTY.get_or_init(Rows::default))
    }
}

/// What the package says about one service's links, looked up once.
struct Links {
    by_service: HashMap<&'static str, HashMap<String, Vec<usize>>>,
    locations: HashMap<String, Vec<usize>>,
    addresses: HashMap<String, Vec<usize>>,
    organizations: HashMap<String, Vec<usize>>,
    phones_by_contact: HashMap<String, Vec<usize>>,
    schedules_by_sal: HashMap<String, Vec<usize>>,
    terms: HashMap<String, Vec<usize>>,
    attributes: HashMap<String, Vec<usize>>,
}

impl Links {
    fn of(p: &Package) -> Links {
        let mut by_service = HashMap::new();
        for name in ["service_at_location", "phone", "contact", "schedule", "service_area", "cost_option"] {
            by_service.insert(name, p.table(name).index("service_id"));
        }
        Links {
            by_service,
            locations: p.table("location").index("id"),
            addresses: p.table("address").index("location_id"),
            organizations: p.table("organization").index("id"),
            phones_by_contact: p.table("phone").index("contact_id"),
            schedules_by_sal: p.table("schedule").index("service_at_location_id"),
            terms: p.table("taxonomy_term").index("id"),
            attributes: p.table("attribute").index("link_id"),
        }
    }

    fn of_service<'a>(&'a self, table: &str, id: &str) -> &'a [usize] {
        self.by_service.get(table).and_then(|m| m.get(id)).map_or(&[], Vec::as_slice)
    }

    /// The attributes of `link` as (term code, value), in file order.
    fn attributes(&self, p: &Package, link: &str) -> Vec<(String, String)> {
        let (attrs, terms) = (p.table("attribute"), p.table("taxonomy_term"));
        self.attributes
            .get(link)
            .into_iter()
            .flatten()
            .filter_map(|i| {
                let row = &attrs.rows[*i];
                let term = self.terms.get(attrs.get(row, "taxonomy_term_id"))?.first()?;
                let code = terms.get(&terms.rows[*term], "code");
                Some((code.to_string(), attrs.get(row, "value").to_string()))
            })
            .collect()
    }
}

/// The draft of the service in row `row` of `services.csv`, with the
/// texts kept in its description and the warnings.
fn service_draft(p: &Package, links: &Links, row: &[String]) -> (Draft, Vec<String>) {
    let services = p.table("service");
    let get = |c: &str| services.get(row, c).to_string();
    let sid = get("id");
    let mut warnings = Vec::new();
    let attributes = links.attributes(p, &sid);
    let has = |code: &str| attributes.iter().any(|(c, _)| c == code);
    let values = |code: &str| attributes.iter().filter(|(c, _)| c == code).map(|(_, v)| v.clone()).collect::<Vec<_>>();
    let mut d = Draft {
        title: get("name"),
        description: get("description"),
        category: Category::Andet.key().into(),
        audience: String::new(),
        wheelchair: has(code::WHEELCHAIR),
        transport: has(code::TRANSPORT),
        companion: has(code::COMPANION),
        drop_in: has(code::DROP_IN),
        example: has(code::EXAMPLE),
        source: values(code::SOURCE).join(" "),
        web: get("url"),
        email: get("email"),
        updated: read_moment(&get("last_modified")).map(format_date).unwrap_or_default(),
        confirmed: read_date(&get("assured_date")).map(format_date).unwrap_or_default(),
        ..Draft::default()
    };
    if let Some((c, _)) = attributes.iter().find(|(c, _)| c.starts_with(code::CATEGORY)) {
        if let Some(cat) = Category::parse(&c[code::CATEGORY.len()..]) {
            d.category = cat.key().into();
        }
    }
    let audience = values(code::AUDIENCE);
    d.audience = if audience.is_empty() { get("eligibility_description") } else { audience.join(", ") };
    // Organiser.
    let orgs = p.table("organization");
    if let Some(i) = links.organizations.get(&get("organization_id")).and_then(|v| v.first()) {
        let name = orgs.get(&orgs.rows[*i], "name");
        d.organizer = if name == h::NO_ORGANIZER { String::new() } else { name.into() };
    }
    // Place: the location's exact address and town, else its address, else its name.
    let sal = p.table("service_at_location");
    let location = links
        .of_service("service_at_location", &sid)
        .iter()
        .map(|i| sal.get(&sal.rows[*i], "location_id").to_string())
        .find(|l| links.locations.contains_key(l));
    let mut municipality = String::new();
    let mut address_is_name = false;
    if let Some(loc) = &location {
        let at_place = links.attributes(p, loc);
        let value = |code: &str| at_place.iter().find(|(c, _)| c == code).map(|(_, v)| v.clone());
        let addresses = p.table("address");
        let address = links.addresses.get(loc).and_then(|v| v.first()).map(|i| &addresses.rows[*i]);
        if let Some(a) = address {
            let street = [addresses.get(a, "address_1"), addresses.get(a, "address_2")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            d.address = street;
            d.town = addresses.get(a, "city").into();
            for c in ["region", "city", "state_province"] {
                if municipality.is_empty() {
                    municipality = municipalities::canonical(addresses.get(a, c)).unwrap_or_default().into();
                }
            }
        } else if value(code::ADDRESS).is_none() && value(code::TOWN).is_none() {
            let l = p.table("location");
            if let Some(i) = links.locations.get(loc).and_then(|v| v.first()) {
                d.address = l.get(&l.rows[*i], "name").into();
                address_is_name = true;
            }
        }
        if value(code::ADDRESS).is_some() || value(code::TOWN).is_some() {
            d.address = value(code::ADDRESS).unwrap_or_default();
            d.town = value(code::TOWN).unwrap_or_default();
        }
    }
    let areas = p.table("service_area");
    for i in links.of_service("service_area", &sid) {
        if let Some(m) = municipalities::canonical(areas.get(&areas.rows[*i], "name")) {
            municipality = m.into();
            break;
        }
    }
    // A place named only by its municipality has no address of its own.
    if address_is_name && municipalities::canonical(&d.address) == Some(municipality.as_str()) {
        d.address.clear();
    }
    d.municipality = municipality;
    // Contact.
    let contacts = p.table("contact");
    let contact = links.of_service("contact", &sid).first().map(|i| &contacts.rows[*i]);
    if let Some(c) = contact {
        d.contact_name = contacts.get(c, "name").into();
        if d.email.is_empty() {
            d.email = contacts.get(c, "email").into();
        }
    }
    let phones = p.table("phone");
    let phone = links.of_service("phone", &sid).first().copied().or_else(|| {
        let cid = contacts.get(contact?, "id");
        links.phones_by_contact.get(cid)?.first().copied()
    });
    if let Some(i) = phone {
        d.phone = phones.get(&phones.rows[i], "number").into();
    }
    // Schedule: the service's own rows and those of its service-at-location rows.
    let schedules = p.table("schedule");
    let mut rows: Vec<usize> = links.of_service("schedule", &sid).to_vec();
    for i in links.of_service("service_at_location", &sid) {
        let id = sal.get(&sal.rows[*i], "id");
        for j in links.schedules_by_sal.get(id).into_iter().flatten() {
            if !rows.contains(j) {
                rows.push(*j);
            }
        }
    }
    let rules: Vec<Rule> = rows.iter().map(|i| Rule::of(schedules, &schedules.rows[*i])).collect();
    let mut kept = read_schedule(&mut d, &rules);
    if !kept.is_empty() {
        warnings.push(if d.kind == KIND_AGREEMENT { h::KEPT_TIMES } else { h::FIRST_TIME_ONLY }.to_string());
    }
    if !kept.is_empty() {
        kept = vec![h::times_text(&kept.join("; "))];
    }
    // Price: a cost option in kroner, else the fees' text.
    let costs = p.table("cost_option");
    let cost = links
        .of_service("cost_option", &sid)
        .iter()
        .map(|i| &costs.rows[*i])
        .find_map(|r| read_number(costs.get(r, "amount")).map(|x| (x, costs.get(r, "currency").to_uppercase())));
    let fees = get("fees_description");
    match cost {
        Some((x, cur)) if cur.is_empty() || cur == "DKK" => d.price = t::decimal_comma(x),
        Some((x, cur)) => {
            warnings.push(h::currency(&cur));
            kept.push(h::price_text(&format!("{} {cur}", number(x))));
        }
        None => match parse_price(&fees) {
            Ok(Some(x)) => d.price = t::decimal_comma(x),
            Ok(None) => {}
            Err(_) => kept.push(h::price_text(&fees)),
        },
    }
    if !kept.is_empty() {
        let mut text = d.description.trim_end().to_string();
        for k in kept {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&k);
        }
        d.description = text;
    }
    (d, warnings)
}

/// Reads a package (its files as name and text; a zip's files with their
/// folders) into activities: the good ones with their row in
/// `services.csv`, the services that cannot be used with the reason, and
/// warnings about what was kept as text. `make_meta` gives a record's meta
/// from its id (the service's id, or a stable one made from it when it is
/// no UUID), so reading a package again updates instead of doubling.
/// Services not active are left out with their reason.
pub fn import(
    files: &[(String, String)],
    make_meta: &mut dyn FnMut(Option<RecordId>) -> Meta,
) -> Result<CsvImport, HsdsError> {
    let p = Package::read(files)?;
    let links = Links::of(&p);
    let services = p.table("service");
    let mut out = CsvImport::default();
    let mut seen: HashMap<RecordId, usize> = HashMap::new();
    for (i, row) in services.rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = i + 2;
        let title = services.get(row, "name");
        let raw_id = services.get(row, "id");
        let status = services.get(row, "status").to_lowercase();
        if status == "inactive" || status == "defunct" {
            out.bad.push((line, h::row(line, title, &format!("status «{status}»"))));
            continue;
        }
        if title.is_empty() {
            out.bad.push((line, h::row(line, title, h::ERR_NO_NAME)));
            continue;
        }
        let id = RecordId::parse(raw_id).unwrap_or_else(|| RecordId(stable_id(&format!("service:{raw_id}"))));
        if let Some(first) = seen.get(&id) {
            out.bad.push((line, h::row(line, title, &h::duplicate(*first))));
            continue;
        }
        seen.insert(id, line);
        let (draft, warnings) = service_draft(&p, &links, row);
        match draft.build(make_meta(Some(id)), Default::default()) {
            Ok(a) => {
                out.warnings.extend(warnings.into_iter().map(|w| (line, h::row(line, title, &w))));
                out.good.push((line, a));
            }
            Err(errors) => {
                let msg = errors.values().cloned().collect::<Vec<_>>().join(" ");
                out.bad.push((line, h::row(line, title, &msg)));
            }
        }
    }
    Ok(out)
}
