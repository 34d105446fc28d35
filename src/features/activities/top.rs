//! The tops of the directory's pages, drawn by the pages and painted by the
//! build before the wasm (`examples/first_paint.rs`, through the route
//! table; an example activity's own page from the build's catalogue): one
//! markup for both.

use leptos::prelude::*;

use crate::routes::Route;
use crate::ui::link::to;
use crate::ui::share_buttons::{run, ShareButtons};
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::da as t;

/// The link back to the directory.
#[component]
pub fn BackToDirectory() -> impl IntoView {
    view! { <a href=to(&Route::Activities(vec![]))>{t::BACK}</a> }
}

/// The directory's heading and "Tilføj aktivitet".
#[component]
pub fn DirectoryHead(
    /// "Tilføj aktivitet" pressed.
    #[prop(optional)]
    on_add: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="page-head">
            <h1>{t::TITLE}</h1>
            <div class="actions no-print">
                <button type="button" class="btn btn--primary" on:click=move |_| run(on_add)>
                    {t::ADD}
                </button>
            </div>
        </div>
    }
}

/// The form's heading: a new activity's, or an edit's.
#[component]
pub fn FormHead(
    /// A new activity.
    is_new: bool,
) -> impl IntoView {
    view! {
        <p>
            <BackToDirectory/>
        </p>
        <h1>{if is_new { t::NEW_TITLE } else { t::EDIT_TITLE }}</h1>
    }
}

/// The lists page's top: the way back to the search (with its filters), the
/// heading, and how many activities the lists hold.
#[component]
pub fn ListsHead(
    /// The search the lists were made from.
    #[prop(into)]
    back: Signal<String>,
    /// What the lists hold ("Henter kataloget …" while it is read).
    #[prop(into)]
    scope: Signal<String>,
) -> impl IntoView {
    view! {
        <p class="no-print"><a href=back>{t::BACK_TO_SEARCH}</a></p>
        <h1>{t::LISTS}</h1>
        <p role="status" aria-live="polite" class="result-count">{scope}</p>
    }
}

/// The CSV card: export, import, and the shown activities as a link; then
/// an error, the reading's progress, and `children` (preview and undo).
#[component]
pub fn CsvCard(
    /// "Eksportér som CSV" pressed.
    #[prop(optional)]
    on_export: Option<Callback<()>>,
    /// A file chosen.
    #[prop(optional)]
    on_file: Option<Callback<leptos::ev::Event>>,
    /// The share buttons (`ShareLink`); by default as before the wasm.
    #[prop(optional)]
    share: Option<ViewFn>,
    /// What went wrong.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// How far a file is read.
    #[prop(optional, into)]
    progress: Signal<Option<String>>,
    /// Below the progress.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let share = share.map_or_else(|| view! { <ShareButtons/> }.into_any(), |v| v.run());
    view! {
        <section class="card act-csv no-print">
            <p>{t::EXPORT_CSV_HINT}</p>
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| run(on_export)>{t::EXPORT_CSV}</button>
                <input
                    id="act-csv-file"
                    class="file-input"
                    type="file"
                    accept=".csv,text/csv"
                    on:change=move |ev| {
                        if let Some(c) = on_file {
                            c.run(ev)
                        }
                    }
                />
                <label for="act-csv-file" class="btn">{t::IMPORT_CSV}</label>
            </div>
            <p class="hint">{t::SHARE_SHOWN_HINT}</p>
            {share}
            <div role="alert">{move || error.get().map(|e| view! { <p class="notice notice--error">{e}</p> })}</div>
            <p role="status" class="act-csv-progress">{move || progress.get()}</p>
            {children.map(|c| c())}
        </section>
    }
}

/// An activity's top: the way back, its category, its title, the example
/// notice where it is one, and its organizer.
#[component]
pub fn ActivityHead(
    /// The activity.
    activity: Activity,
) -> impl IntoView {
    let a = activity;
    view! {
        <p class="no-print">
            <BackToDirectory/>
        </p>
        <p class="activity-detail__category">{a.category.label()}</p>
        <h1>{a.title.clone()}</h1>
        {a.example.then(|| view! { <p class="notice example-notice">{t::EXAMPLE_NOTICE}</p> })}
        {(!a.organizer.is_empty()).then(|| view! { <p class="lead">{a.organizer.clone()}</p> })}
    }
}

/// `/aktiviteter` before the wasm: the heading and "Tilføj aktivitet" (the
/// search and filters below depend on the catalogue).
pub fn directory() -> impl IntoView {
    view! {
        <section class="page activities">
            <DirectoryHead/>
        </section>
    }
}

/// `/aktiviteter/ny` before the wasm.
pub fn new_activity() -> impl IntoView {
    view! {
        <section class="page activity-form">
            <FormHead is_new=true/>
        </section>
    }
}

/// `/aktiviteter/lister` before the wasm: its top while the catalogue is
/// read, and the CSV card (its hint is the page's largest text on a phone).
pub fn lists() -> impl IntoView {
    view! {
        <section class="page act-lists">
            <ListsHead back=to(&Route::Activities(vec![])) scope=t::LOADING.to_string()/>
            <CsvCard/>
        </section>
    }
}

/// An example activity's own page (`aktiviteter/<id>.html`) before the wasm:
/// its top down to the line of its next time (which depends on the day it
/// is opened). Marked `data-held`: the app keeps it on screen until it has
/// read the catalogue and draws the same top in its place (`ui::held`).
pub fn example(activity: Activity) -> impl IntoView {
    let id = activity.meta.id.to_string();
    view! {
        <article class="page activity-detail" data-held=id>
            <ActivityHead activity/>
        </article>
    }
}
