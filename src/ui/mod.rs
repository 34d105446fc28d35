//! Small shared components and browser helpers used by every part.

pub mod frame;
pub mod link;
pub mod share_buttons;

browser! {
    pub mod codec;
    pub mod download;
    pub mod held;
    pub mod hsds;
    pub mod import;
    pub mod later;
    pub mod layout;
    pub mod notices;
    pub mod offline;
    pub mod panic;
    pub mod scanner;
    pub mod share;
    pub mod shared_tablet;
    pub mod speech;
}
