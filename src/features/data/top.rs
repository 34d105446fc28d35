//! The top of the data page (`/del`), drawn by the page and painted by the
//! build before the wasm (`examples/first_paint.rs`, through the route
//! table): one markup for both.

use leptos::prelude::*;

use crate::ui::share_buttons::{run, ShareButtons};
use tid_og_lyst_core::da::data as t;
use tid_og_lyst_core::da::share as ts;

/// The page's heading and intro.
#[component]
pub fn DataHead() -> impl IntoView {
    view! {
        <h1>{t::TITLE}</h1>
        <p class="lead">{t::INTRO}</p>
    }
}

/// What is stored on this device.
#[component]
pub fn StatsLine(
    /// The counts, said.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <p class="stats">{text}</p> }
}

/// "Eksportér alt" and what it did.
#[component]
pub fn ExportCard(
    /// "Eksportér" pressed.
    #[prop(optional)]
    on_export: Option<Callback<()>>,
    /// What the last export did.
    #[prop(optional, into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{t::EXPORT_TITLE}</h2>
            <button type="button" class="btn btn--primary" on:click=move |_| run(on_export)>
                {t::EXPORT}
            </button>
            <p class="result" role="status">{move || message.get()}</p>
        </section>
    }
}

/// Everything as a link or QR code: the share buttons (`ShareLink`), by
/// default as before the wasm.
#[component]
pub fn LinkCard(
    /// The share buttons.
    #[prop(optional)]
    share: Option<ViewFn>,
) -> impl IntoView {
    let share = share.map_or_else(|| view! { <ShareButtons/> }.into_any(), |v| v.run());
    view! {
        <section class="card" aria-labelledby="link-title">
            <h2 id="link-title">{ts::TITLE}</h2>
            <p>{ts::HELP}</p>
            {share}
        </section>
    }
}

/// `/del` before the wasm: the heading and intro, and on a device the app
/// has never run on, that nothing is stored yet, "Eksportér" and "Del uden
/// fil" (shown only there: elsewhere the counts come first).
pub fn page() -> impl IntoView {
    view! {
        <section class="page data-page">
            <DataHead/>
            <StatsLine text=t::stats(0, 0, 0) {..} data-fresh=""/>
            <ExportCard {..} data-fresh=""/>
            <LinkCard {..} data-fresh=""/>
        </section>
    }
}
