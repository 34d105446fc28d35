//! How long reading and writing 50,000 activities takes, natively: the
//! storage reload reads every record from its JSON text. Prints the CPU
//! time of each step (from `/proc/self/stat` where there is one, as the
//! machine may be shared; else the wall time), the best of five rounds;
//! asserts nothing. Run with
//! `cargo run --release -p tid-og-lyst-core --example parse_speed`.

#![allow(clippy::print_stdout)] // printing is what it is for

use std::time::{Duration, Instant};

use tid_og_lyst_core::activities::activity::{Activity, Draft};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};
use tid_og_lyst_core::record::object;

const N: usize = 50_000;

/// CPU time of this process so far (user + system), in 10 ms ticks.
fn cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `f` five times; the shortest CPU (or wall) time.
fn best(f: impl Fn()) -> Duration {
    (0..5)
        .map(|_| {
            let (c, t) = (cpu(), Instant::now());
            f();
            match (c, cpu()) {
                (Some(a), Some(b)) => b - a,
                _ => t.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut clock = Clock::new(DeviceId("speed".into()));
    let kinds = ["ugentlig", "maanedlig", "datoer", "aftale"];
    let texts: Vec<String> = (0..N)
        .map(|i| {
            let d = Draft {
                title: format!("Aktivitet nummer {i}"),
                organizer: "Ældre Sagen".into(),
                municipality: "Assens".into(),
                category: "demens".into(),
                description: "Vi mødes og drikker kaffe, snakker og hygger os. Alle er velkomne.".into(),
                kind: kinds[i % 4].into(),
                days: [false, true, false, true, false, false, false],
                dates: "02-12-2026, 25-11-2026".into(),
                pause: "juli".into(),
                price: if i % 3 == 0 { String::new() } else { "25,50".into() },
                web: "https://rodekors.dk".into(),
                email: "cafe@example.dk".into(),
                phone: "+45 12 34 56 78".into(),
                ..Draft::default()
            };
            let meta = Meta::new(RecordId::from_seed(i as u64), &mut clock, 1_795_000_000_000 + i as i64);
            let mut extra = serde_json::Map::new();
            if i % 10 == 0 {
                extra.insert("future_field".into(), serde_json::json!({"kept": true}));
            }
            serde_json::to_string(&d.build(meta, extra).expect("a good draft")).expect("serialises")
        })
        .collect();
    let values: Vec<serde_json::Value> = texts.iter().map(|t| serde_json::from_str(t).expect("json")).collect();
    let read: Vec<Activity> = texts.iter().map(|t| serde_json::from_str(t).expect("reads")).collect();
    let as_value = best(|| assert!(texts.iter().all(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())));
    let from_str = best(|| assert!(texts.iter().all(|t| serde_json::from_str::<Activity>(t).is_ok())));
    let clone = best(|| assert!(values.iter().all(|v| !v.clone().is_null())));
    let from_value = best(|| assert!(values.iter().all(|v| serde_json::from_value::<Activity>(v.clone()).is_ok())));
    let via_text = best(|| assert!(values.iter().all(|v| object::from_value::<Activity>(v).is_ok())));
    let to_string = best(|| assert!(read.iter().all(|a| !serde_json::to_string(a).expect("writes").is_empty())));
    println!("{N} activities, best of 5 (CPU time):");
    println!("  from_str::<Value>     {as_value:?}");
    println!("  from_str::<Activity>  {from_str:?}");
    println!("  Value::clone          {clone:?}");
    println!("  from_value (+ clone)  {from_value:?}");
    println!("  object::from_value    {via_text:?}");
    println!("  to_string             {to_string:?}");
}
