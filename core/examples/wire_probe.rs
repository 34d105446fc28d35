//! Throwaway probe: prints how every record kind reads and writes a corpus
//! of good, odd and bad objects, to diff the wire behaviour before and after
//! a change. Not a test: run `cargo run -p tid-og-lyst-core --example wire_probe`.

#![allow(clippy::print_stdout)] // printing is what it is for

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use tid_og_lyst_core::activities::activity::{Activity, Draft};
use tid_og_lyst_core::assessment::cards::builtin;
use tid_og_lyst_core::assessment::session::Assessment;
use tid_og_lyst_core::dreams::dream::{Act, Dream, LogEntry};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

fn show<R: DeserializeOwned + Serialize>(kind: &str, v: &Value) {
    let text = v.to_string();
    let a = match serde_json::from_str::<R>(&text) {
        Ok(r) => format!("ok {}", serde_json::to_string(&r).unwrap()),
        Err(e) => format!("err {e}"),
    };
    let b = match tid_og_lyst_core::record::object::from_value::<R>(v) {
        Ok(r) => format!("ok {}", serde_json::to_value(&r).unwrap()),
        Err(e) => format!("err {e}"),
    };
    println!("{kind} {text}\n  str:   {a}\n  value: {b}");
}

fn mutations<R: DeserializeOwned + Serialize>(kind: &str, base: &Value) {
    show::<R>(kind, base);
    let obj = base.as_object().unwrap();
    let bads =
        [json!(null), json!(42), json!(-1), json!(1.5), json!("x"), json!([]), json!({}), json!(true), json!(["x"])];
    for k in obj.keys() {
        let mut m = obj.clone();
        m.remove(k);
        show::<R>(kind, &Value::Object(m));
        for b in &bads {
            let mut m = obj.clone();
            m.insert(k.clone(), b.clone());
            show::<R>(kind, &Value::Object(m));
        }
    }
    let mut m = obj.clone();
    m.insert("zz_future".into(), json!({"n": 1.0000000000000002, "big": 18446744073709551615u64, "neg": -5, "s": "é"}));
    m.insert("aa_future".into(), json!([1, "2", null]));
    show::<R>(kind, &Value::Object(m));
    // Duplicate keys, only expressible as text.
    let text = base.to_string();
    for k in ["id", "rev", "deleted", "title", "zz"] {
        let dup = format!("{{\"{k}\":{},{}", obj.get(k).cloned().unwrap_or(json!(1)), &text[1..]);
        let r = serde_json::from_str::<R>(&dup).map(|r| serde_json::to_string(&r).unwrap());
        println!("{kind} dup {k}: {:?}", r.map_err(|e| e.to_string()));
    }
    for bad in ["[]", "[1,2]", "null", "\"x\"", "{}", "{\"id\":1}"] {
        println!("{kind} {bad}: {:?}", serde_json::from_str::<R>(bad).map(|_| ()).map_err(|e| e.to_string()));
    }
}

fn main() {
    let mut clock = Clock::new(DeviceId("probe".into()));
    let meta = |clock: &mut Clock, n: u64| Meta::new(RecordId::from_seed(n), clock, 1_795_000_000_000 + n as i64);
    let d = Draft {
        title: "Demenscafé".into(),
        municipality: "Assens".into(),
        category: "demens".into(),
        days: [false, true, false, true, false, false, false],
        pause: "juli".into(),
        price: "25,50".into(),
        web: "https://rodekors.dk".into(),
        email: "cafe@example.dk".into(),
        phone: "+45 12 34 56 78".into(),
        updated: "01-12-2026".into(),
        example: true,
        ..Draft::default()
    };
    let a = d.build(meta(&mut clock, 1), serde_json::Map::new()).unwrap();
    mutations::<Activity>("activity", &serde_json::to_value(&a).unwrap());
    let monthly = Draft { kind: "maanedlig".into(), ..d.clone() };
    show::<Activity>(
        "activity",
        &serde_json::to_value(monthly.build(meta(&mut clock, 2), Default::default()).unwrap()).unwrap(),
    );
    let dates = Draft { kind: "datoer".into(), dates: "02-12-2026, 25-11-2026".into(), ..d.clone() };
    show::<Activity>(
        "activity",
        &serde_json::to_value(dates.build(meta(&mut clock, 3), Default::default()).unwrap()).unwrap(),
    );

    let act = Act { rev: clock.tick(1_795_100_000_000), who: "Karen".into() };
    let mut dream = Dream::new(&act, RecordId::from_seed(9));
    dream.title = "Fisketur".into();
    dream.dreamer_age = Some(84);
    let dv = serde_json::to_value(&dream).unwrap();
    mutations::<Dream>("dream", &dv);
    let rich = json!({
        "id": "0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d01",
        "rev": {"at": "2026-11-20T10:00:00.000Z", "n": 0, "by": "golden01"},
        "title": "T", "status": "cancelled", "cancel_reason": "regn", "planned_for": "2026-12-03T10:00",
        "times": ["aften", "formiddag", "aften"], "boundaries_ok": ["penge", "noegler"], "category": "ukendt",
        "private_note": {"text": "x", "rev": {"at": "2026-11-20T10:00:00.000Z", "n": 0, "by": "golden01"}},
        "claims": [
            {"id": "0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d02", "rev": {"at": "2026-11-20T10:00:00.000Z", "n": 1, "by": "a"}, "name": "Bo", "claimed_at": "2026-11-20T10:00:00.000Z", "device": "a", "odd": 1},
            {"id": "0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d02", "rev": {"at": "2026-11-20T10:00:00.000Z", "n": 1, "by": "a"}, "name": "Al", "claimed_at": "2026-11-20T10:00:00.000Z", "deleted": true}
        ],
        "log": [
            {"rev": {"at": "2026-11-20T10:00:00.000Z", "n": 2, "by": "a"}, "who": "Bo", "event": "claimed", "claim": "0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d02"},
            {"rev": {"at": "2026-11-20T10:00:00.000Z", "n": 0, "by": "a"}, "who": "Bo", "event": "created", "extra": 5},
            {"rev": {"at": "2026-11-20T10:00:00.000Z", "n": 3, "by": "a"}, "who": "Bo", "event": "planned", "date": "2026-12-03"}
        ],
        "zz": {"kept": [1, 2.5, "x"]}
    });
    mutations::<Dream>("dream", &rich);
    for (i, e) in rich["log"].as_array().unwrap().iter().enumerate() {
        mutations::<LogEntry>(&format!("log{i}"), e);
    }
    let claim = &rich["claims"][0];
    mutations::<tid_og_lyst_core::dreams::dream::Claim>("claim", claim);

    let s = Assessment::new(meta(&mut clock, 20), "Workshop", "2026-11-22", builtin());
    mutations::<Assessment>("assessment", &serde_json::to_value(&s).unwrap());

    for dir in ["tests/fixtures", "tests/hostile"] {
        let dir = format!("{}/../{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else { continue };
            let r = tid_og_lyst_core::sync::wire::parse_text(&text);
            println!(
                "file {}: {:?}",
                f.file_name().unwrap_or_default().to_string_lossy(),
                r.as_ref()
                    .map(|p| tid_og_lyst_core::sync::wire::export_json(&p.data, &DeviceId("x".into()), 0))
                    .map_err(|e| e.to_string())
            );
        }
    }
}
