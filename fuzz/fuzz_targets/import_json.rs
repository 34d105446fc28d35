//! Fuzz target: any bytes through the JSON import. It must never panic, and a
//! file it accepts must export and read back to the same data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tid_og_lyst_core::record::meta::DeviceId;
use tid_og_lyst_core::sync::wire::{export_json, parse_bytes, parse_text};

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = parse_bytes(data) {
        let text = export_json(&parsed.data, &DeviceId("fuzz".into()), 1_795_374_000_000);
        let again = parse_text(&text).expect("an accepted file must survive its own export");
        assert_eq!(again.data, parsed.data);
        // Merging a file into itself changes nothing.
        assert_eq!(parsed.data.merge(&parsed.data), parsed.data);
    }
});
