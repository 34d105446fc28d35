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

pub use list::ActivitiesPage;

use crate::routes::{Full, Lite};
use detail::ActivityPage;
use leptos::prelude::*;

/// `/aktiviteter/:id` in the reader's bundle (`routes::Bundle::Activities`).
#[component]
pub fn ActivityReaderPage() -> impl IntoView {
    view! { <ActivityPage edition=Lite/> }
}

/// `/aktiviteter/:id` in the editor's bundle (`Bundle::ActivitiesEdit`):
/// also the form and the lists page.
#[component]
pub fn ActivityEditorPage() -> impl IntoView {
    view! { <ActivityPage edition=Full/> }
}
