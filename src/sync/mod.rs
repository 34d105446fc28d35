//! PURE synchronisation: the generic merge, the app's data set, the export
//! wire format with its versions and migration, and import previews.

pub mod data;
pub mod import;
pub mod link;
pub mod merge;
pub mod migrate;
pub mod wire;
