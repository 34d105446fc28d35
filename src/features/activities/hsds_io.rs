//! The lists page's Open Referral HSDS section: the activities the search
//! shows as an HSDS 3 tabular data package (a zip of `datapackage.json` and
//! CSV files), and a package from another system read back: a zip, or its
//! CSV files chosen together. The core maps both ways (`activities::hsds`),
//! in a wasm fetched when first needed (`ui::hsds`); the page shows a
//! preview (what can be used, what cannot and why, what was kept as text),
//! then imports all at once, stamped anew, with undo. Also the way to the
//! A5 booklet of the same search.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::routes::Route;
use crate::state::{now, use_app};
use crate::ui::download::download_bytes;
use crate::ui::hsds as wasm;
use crate::ui::link::to;
use tid_og_lyst_core::activities::csv::{decode, CsvImport};
use tid_og_lyst_core::activities::da::{self as t, booklet as tb, hsds as th};
use tid_og_lyst_core::activities::directory::Filters;
use tid_og_lyst_core::activities::hsds;
use tid_og_lyst_core::sync::data::AppData;

use super::catalogue::use_entries;
use super::csv_io::{join_imported, undo_import};
use super::list::pairs;

/// "Hæfte til at tage med hjem": the way to the booklet of the search.
#[component]
pub fn BookletLink(
    /// The search the list shows.
    filters: Memo<Filters>,
) -> impl IntoView {
    view! {
        <section class="card act-booklet-link no-print" aria-labelledby="act-booklet-title">
            <h2 id="act-booklet-title">{tb::TITLE}</h2>
            <p>{tb::HINT}</p>
            <p><a class="btn" href=move || to(&Route::ActivityBooklet(filters.with(pairs)))>{tb::OPEN}</a></p>
        </section>
    }
}

/// The files picked: a zip's files, or the files themselves.
async fn files_of(list: web_sys::FileList) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        tid_og_lyst_core::sync::wire::check_size(file.size() as usize).map_err(|e| e.to_string())?;
        let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| tid_og_lyst_core::da::data::READ_FAILED.to_string())?;
        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
        if bytes.starts_with(b"PK\x03\x04") || file.name().to_lowercase().ends_with(".zip") {
            out.extend(wasm::unzip(&bytes).await?);
        } else {
            out.push((file.name(), decode(&bytes)));
        }
    }
    Ok(out)
}

/// The HSDS section.
#[component]
pub fn HsdsSection(
    /// Indices of the entries the current search shows.
    matches: Memo<Vec<u32>>,
) -> impl IntoView {
    let state = use_app();
    let entries = use_entries();
    let (message, set_message) = signal(None::<String>);
    let (error, set_error) = signal(None::<String>);
    let preview = RwSignal::new(None::<CsvImport>);
    let reading = RwSignal::new(false);
    let undo = RwSignal::new(None::<AppData>);
    let export = move |_| {
        set_error.set(None);
        let at = now();
        let shown: Vec<_> = entries.with_untracked(|e| {
            matches.with_untracked(|m| m.iter().map(|i| e.0[*i as usize].activity.clone()).collect())
        });
        let n = shown.len();
        if n == 0 {
            set_message.set(Some(th::NOTHING.into()));
            return;
        }
        spawn_local(async move {
            match wasm::export(&shown.iter().collect::<Vec<_>>(), at).await {
                Ok(bytes) => {
                    let name = hsds::file_name(at);
                    download_bytes(&name, "application/zip", &bytes);
                    set_message.try_set(Some(th::exported(n, &name)));
                }
                Err(e) => {
                    set_error.try_set(Some(e));
                }
            }
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        set_error.set(None);
        set_message.set(None);
        preview.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        if list.length() == 0 {
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let read = files_of(list).await;
            input.set_value("");
            let result = match read {
                Ok(files) => wasm::import(&files, now()).await,
                Err(e) => Err(e),
            };
            let _ = reading.try_set(false);
            match result {
                Ok(r) => {
                    preview.try_set(Some(r));
                }
                Err(e) => {
                    set_error.try_set(Some(e));
                }
            }
        });
    };
    let apply = move |_| {
        let Some(Some(p)) = preview.try_update(Option::take) else { return };
        let n = p.good.len();
        // Each read activity is a new revision made here.
        let stamped = p.good.into_iter().map(|(_, mut a)| {
            a.meta.rev = state.stamp();
            a
        });
        join_imported(state, stamped, th::done(n), undo);
    };
    let do_undo = move |_| undo_import(state, undo);
    view! {
        <section class="card act-hsds no-print" aria-labelledby="act-hsds-title">
            <h2 id="act-hsds-title">{th::TITLE}</h2>
            <p>{th::HINT}</p>
            <div class="actions">
                <button type="button" class="btn" on:click=export on:pointerdown=move |_| wasm::warm()>{th::EXPORT}</button>
                <input
                    id="act-hsds-file"
                    class="file-input"
                    type="file"
                    multiple
                    accept=".zip,.csv,.json,application/zip,text/csv,application/json"
                    on:change=on_files
                />
                <label for="act-hsds-file" class="btn">{th::IMPORT}</label>
            </div>
            <p role="status" class="act-hsds__message">
                {move || if reading.get() { Some(th::READING.to_string()) } else { message.get() }}
            </p>
            <div role="alert">
                {move || error.get().map(|e| view! { <p class="notice notice--error">{e}</p> })}
            </div>
            {move || preview.with(|p| p.as_ref().map(Summary::of)).map(|s| view! {
                <HsdsPreview summary=s on_apply=apply on_cancel=move || preview.set(None)/>
            })}
            <Show when=move || undo.with(Option::is_some)>
                <button type="button" class="btn" on:click=do_undo>{tid_og_lyst_core::da::data::UNDO}</button>
            </Show>
        </section>
    }
}

/// What the preview shows of a package.
struct Summary {
    good: usize,
    bad: Vec<String>,
    warnings: Vec<String>,
}

impl Summary {
    fn of(r: &CsvImport) -> Summary {
        Summary {
            good: r.good.len(),
            bad: r.bad.iter().map(|(_, m)| m.clone()).collect(),
            warnings: r.warnings.iter().take(20).map(|(_, m)| m.clone()).collect(),
        }
    }
}

#[component]
fn HsdsPreview(
    /// What the package holds.
    summary: Summary,
    /// Import the good ones.
    on_apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    /// Close without importing.
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let Summary { good, bad, warnings } = summary;
    view! {
        <div class="preview act-hsds-preview">
            <p class="preview__summary">{th::preview(good, bad.len())}</p>
            <ul class="act-csv-bad">{bad.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            <ul class="act-csv-warn">{warnings.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=on_apply disabled=good == 0>{t::CSV_APPLY}</button>
                <button type="button" class="btn" on:click=move |_| on_cancel()>{t::CANCEL}</button>
            </div>
        </div>
    }
}
