//! The page for an address that matches no route.

use leptos::prelude::*;

use crate::i18n::da::not_found as t;
use crate::ui::link::href;

/// Not found.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>{t::TITLE}</h1>
            <p>{t::TEXT}</p>
            <p>
                <a class="btn btn--primary" href=href("/")>{t::HOME}</a>
            </p>
        </section>
    }
}
