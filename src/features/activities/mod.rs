//! The activities part: the offline directory of open activities (list with
//! search and filters kept in the URL), the detail page with calendar file,
//! favourites and print, the form for adding and editing, CSV in and out,
//! and the printable week programme of one place.

pub mod catalogue;
mod csv_io;
mod detail;
mod favourites;
mod form;
mod list;
mod week;

pub use csv_io::ListsPage;
pub use list::ActivitiesPage;

pub use detail::{ActivityPage, NewActivityPage};
