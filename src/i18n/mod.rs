//! Every Danish string the user sees, in one module tree: `da` for the app
//! shell and the data page, one file per part for the rest.

pub mod activities;
pub mod assessment;
pub mod da;
pub mod dreams;
