//! Moving data between devices: the app's data set (`data`), the export
//! format with its version and migration (`wire`, `migrate`), import previews
//! (`import`) and share links (`link`).

pub mod data;
pub mod migrate;
pub mod wire;
pub mod import;
pub mod link;
pub mod catalogue;
pub mod share;
