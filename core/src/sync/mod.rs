//! Moving data between devices: the app's data set (`data`), the export
//! format with its version and migration (`wire`, `migrate`), the same read
//! a little at a time for large files (`reader`), import previews
//! (`import`), share links (`link`) and the shared board (`board`).

pub mod board;
pub mod catalogue;
pub mod data;
pub mod import;
pub mod link;
pub mod migrate;
pub mod reader;
pub mod share;
pub mod wire;
