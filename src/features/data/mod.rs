//! `/del`: export everything to a file (read back and checked first), import
//! a file with a preview of what will change, all or nothing, with undo, and
//! "Ryd mine data" with a confirmation.

pub mod top;

browser! {
    mod page;
    pub use page::{export_checked, DataPage};
}
