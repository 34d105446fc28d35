//! The tops of the dreams part's pages, drawn by the pages and painted by
//! the build before the wasm (`examples/first_paint.rs`, through the route
//! table): one markup for both.

use leptos::prelude::*;

use crate::routes::Route;
use crate::ui::link::to;
use tid_og_lyst_core::dreams::da as t;

/// The class of a dream's page and of the new dream's.
pub const DREAM_PAGE: &str = "page dream-page";

/// The board's heading and intro.
#[component]
pub fn BoardHead() -> impl IntoView {
    view! {
        <h1>{t::TITLE}</h1>
        <p class="lead">{t::INTRO}</p>
    }
}

/// What an empty board says first.
#[component]
pub fn EmptyBoard() -> impl IntoView {
    view! { <p class="notice">{t::EMPTY_BOARD}</p> }
}

/// The link back to the board, at the top of a dream's page.
#[component]
pub fn BackToBoard() -> impl IntoView {
    view! { <p><a class="back-link" href=to(&Route::Dreams)>{t::BACK}</a></p> }
}

/// The new dream's heading.
#[component]
pub fn NewDreamHead() -> impl IntoView {
    view! { <h1>{t::NEW_TITLE}</h1> }
}

/// A dream that is not on this device.
#[component]
pub fn Missing() -> impl IntoView {
    view! {
        <h1>{t::TITLE}</h1>
        <p class="gone">{t::NOT_FOUND}</p>
    }
}

/// `/droemme` before the wasm: the heading and intro, and on a device the
/// app has never run on, the empty board's notice.
pub fn board() -> impl IntoView {
    view! {
        <section class="page dreams-page">
            <BoardHead/>
            <EmptyBoard {..} data-fresh=""/>
        </section>
    }
}

/// `/droemme/ny` before the wasm.
pub fn new_dream() -> impl IntoView {
    view! {
        <section class=DREAM_PAGE>
            <BackToBoard/>
            <NewDreamHead/>
        </section>
    }
}

/// A dream's page whose dream is not on this device (404.html paints it
/// when its look-up finds none).
pub fn missing() -> impl IntoView {
    view! {
        <section class=DREAM_PAGE>
            <BackToBoard/>
            <Missing/>
        </section>
    }
}
