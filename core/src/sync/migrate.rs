//! Migration of older export versions to the current one, on the raw JSON
//! object before it is read into types. Version 1 is the first, so there is
//! nothing to do yet; a `V1 → V2` step goes here, and the golden fixtures in
//! `tests/fixtures/` keep every past version loading.

use serde_json::{Map, Value};

/// Brings an object of `version` up to [`crate::sync::wire::VERSION`].
pub fn to_current(obj: &mut Map<String, Value>, version: u64) {
    // Each step takes the object one version forward.
    let mut v = version;
    while v < crate::sync::wire::VERSION {
        // No earlier versions exist yet; the loop is the place for them.
        v += 1;
    }
    obj.insert("version".into(), Value::from(v));
}
