//! The activities part: the offline directory of open activities (list with
//! search and filters kept in the URL), the detail page with calendar file,
//! favourites, print, "Læs op", "Stadig aktuel" and "Meld en fejl", the form
//! for adding and editing, CSV and Open Referral HSDS in and out, the A5
//! booklet of a search, and the printable week programme of one place.

pub mod top;

browser! {
    mod booklet;
    pub mod catalogue;
    mod csv_io;
    mod detail;
    mod favourites;
    mod form;
    mod hsds_io;
    mod list;
    mod week;

    pub use booklet::BookletPage;
    pub use csv_io::ListsPage;
    pub use list::ActivitiesPage;

    pub use detail::{ActivityPage, NewActivityPage};
}
