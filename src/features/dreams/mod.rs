//! The dreams part, Drømmeløber-tavlen: the board (`/droemme`) with
//! "Hvornår har du tid?", "Mine drømme", filters and columns by status, the
//! coordinator's counts and "Del med drømmeløberne"; and one dream
//! (`/droemme/:id`, `/droemme/ny`) with claiming, the lifecycle, sharing as a
//! post and the calendar file. The rules live in the pure core
//! (`model::dream*`); these components only call them.

pub mod top;

browser! {
    mod board;
    mod card;
    mod detail;
    mod finder;
    mod form;
    pub mod paper;
    mod prefs;
    pub mod report;
    mod share;
    pub use board::DreamsPage;
    pub use detail::{DreamPage, NewDreamPage};
    mod steps;
    pub(crate) use steps::{act, change_dream, change_dream_with, local_time, today};
}
