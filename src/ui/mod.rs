//! Small shared components and browser helpers used by every part.

pub mod codec;
pub mod download;
pub mod held;
pub mod import;
pub mod later;
pub mod layout;
pub mod link;
pub mod notices;
pub mod offline;
pub mod panic;
pub mod share;
