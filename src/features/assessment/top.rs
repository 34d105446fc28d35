//! The tops of the workshop part's pages, drawn by the pages and painted by
//! the build before the wasm (`examples/first_paint.rs`, through the route
//! table): one markup for both.

use leptos::prelude::*;

use crate::routes::Route;
use crate::ui::link::to;
use tid_og_lyst_core::assessment::da::ui as t;

/// The list page's heading and intro.
#[component]
pub fn ListHead() -> impl IntoView {
    view! {
        <h1>{t::TITLE}</h1>
        <p class="lead">{t::INTRO}</p>
    }
}

/// A workshop that is not on this device, with the way back to the list.
#[component]
pub fn Missing() -> impl IntoView {
    view! {
        <section class="page assessment">
            <h1>{t::TITLE}</h1>
            <p class="gone">{t::NOT_FOUND}</p>
            <p><a href=to(&Route::Assessment)>{t::BACK}</a></p>
        </section>
    }
}

/// `/skal-kan` before the wasm: its heading and intro.
pub fn list() -> impl IntoView {
    view! {
        <section class="page assessment">
            <ListHead/>
        </section>
    }
}

/// A workshop's page whose workshop is not on this device (404.html paints
/// it when its look-up finds none).
pub fn missing() -> impl IntoView {
    view! { <Missing/> }
}
