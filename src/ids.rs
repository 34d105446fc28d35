//! Fresh random ids, drawn from the browser's `crypto.getRandomValues` (the
//! core only turns the random bytes into ids; it has no randomness itself).

use tid_og_lyst_core::record::meta::{DeviceId, RecordId};

/// A new record id (UUID v4).
pub fn new_id() -> RecordId {
    RecordId::from_random(*uuid::Uuid::new_v4().as_bytes())
}

/// A new device id.
pub fn new_device() -> DeviceId {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    DeviceId::from_random([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]])
}
