//! Migration of older export versions to the current one, on the raw JSON
//! object before it is read into types. Version 1 is the first, so there is
//! nothing to do yet; a `V1 → V2` step goes here, and the golden fixtures in
//! `tests/fixtures/` keep every past version loading.

use serde_json::{Map, Value};

/// The `format` field of every export.
pub const FORMAT: &str = "tid-og-lyst";
/// The newest version this build writes and reads.
pub const VERSION: u64 = 1;

/// Brings an object of `version` up to [`VERSION`].
pub fn to_current(obj: &mut Map<String, Value>, version: u64) {
    // Each step takes the object one version forward.
    let mut v = version;
    while v < VERSION {
        // No earlier versions exist yet; the loop is the place for them.
        v += 1;
    }
    obj.insert("version".into(), Value::from(v));
}
