//! Moving data between devices: the app's data set (`data`), the export
//! format with its version and migration (`wire`, `migrate`), the same read
//! a little at a time for large files (`reader`), import previews
//! (`import`), share links (`link`) and long ones in parts (`parts`), a
//! participant's answers read by the facilitator's camera (`scan`), the
//! shared board (`board`) and what is personal on a shared tablet
//! (`shared_tablet`).

pub mod board;
pub mod catalogue;
pub mod data;
pub mod import;
pub mod link;
pub mod migrate;
pub mod parts;
pub mod reader;
pub mod scan;
pub mod share;
pub mod shared_tablet;
pub mod wire;
