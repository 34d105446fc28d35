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

use detail::ActivityPage;
use leptos::prelude::*;

/// Which of the directory's two bundles a page is built in. The reader's
/// (`routes::Bundle::Activities`: search, filters, favourites, the week
/// programme, an activity's page and calendar file) is what most people
/// download; the editor's (`Bundle::ActivitiesEdit`) adds the form and the
/// lists page (CSV in and out, share links), whose code is kept out of the
/// reader's by this constant.
pub trait Edition: Copy + Send + Sync + 'static {
    /// The form and the lists page are built.
    const TOOLS: bool;
}

/// The reader's bundle.
#[derive(Clone, Copy)]
pub struct Reader;
impl Edition for Reader {
    const TOOLS: bool = false;
}

/// The editor's bundle (and the whole app's).
#[derive(Clone, Copy)]
pub struct Editor;
impl Edition for Editor {
    const TOOLS: bool = true;
}

/// `/aktiviteter/:id` in the reader's bundle.
#[component]
pub fn ActivityReaderPage() -> impl IntoView {
    view! { <ActivityPage edition=Reader/> }
}

/// `/aktiviteter/:id` in the editor's bundle: also the form and the lists page.
#[component]
pub fn ActivityEditorPage() -> impl IntoView {
    view! { <ActivityPage edition=Editor/> }
}
