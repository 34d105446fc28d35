//! Fuzz target: any text as a share link's fragment. Never a panic, never
//! more than the inflate limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tid_og_lyst_core::sync::link::{decode, MAX_INFLATED_BYTES};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(out) = decode(text) {
            assert!(out.len() <= MAX_INFLATED_BYTES);
        }
    }
});
