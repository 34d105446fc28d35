//! "SKAL eller KAN?": the workshop self-assessment. `/skal-kan` lists the
//! sessions on this device and creates new ones; `/skal-kan/:id` is one
//! session, whose views are chosen by the `visning` query: the facilitator's
//! overview (default), `svar` (answer on a phone), `tablet` (pass the tablet
//! round), `haender` (show-of-hands tally), `projektor` (one card at a time,
//! results hidden until revealed) and `resume` (printable summary, CSV,
//! reflections).

pub mod top;

browser! {
    mod answer;
    mod chart;
    mod hands;
    mod list;
    mod overview;
    mod projector;
    mod scan;
    mod summary;
    pub use list::AssessmentPage;
    mod session;
    pub(crate) use session::{change_session, session_link, slug, update_header, update_session};
    pub use session::SessionPage;
}
