//! The page for an address that matches no route.

use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use tid_og_lyst_core::da::not_found as t;

/// Not found.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{t::TITLE}</h1>
            <p>{t::TEXT}</p>
            <p>
                <a class="btn btn--primary" href=to(&Route::Home)>{t::HOME}</a>
            </p>
        </section>
    }
}
