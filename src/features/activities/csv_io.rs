//! `/aktiviteter/lister`: CSV in and out, and share links, of the
//! activities the list's search shows (its filters come along in the
//! query): export them; import a spreadsheet with a preview (good rows, bad
//! rows by row number) and then all good rows at once, with undo. Below, the
//! way to the A5 booklet and Open Referral HSDS in and out (`hsds_io`).

use crate::ui::later::Later;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::state::{now, use_app, AppState};
use crate::ui::download::download_text;
use crate::ui::link::to;
use crate::ui::share::ShareLink;
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::csv::{decode, to_csv, CsvImport, CsvReader};
use tid_og_lyst_core::activities::da as t;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::{format_millis, Meta};
use tid_og_lyst_core::sync::data::{ActivitiesOnly, AppData};

use super::catalogue::{catalogue, use_building, use_entries, Catalogue};
use super::favourites::favourites;
use super::hsds_io::{BookletLink, HsdsSection};
use super::list::{filters_of_url, route};
use super::top::{CsvCard, ListsHead};

/// The lists page.
#[component]
pub fn ListsPage() -> impl IntoView {
    let filters = filters_of_url();
    let entries = use_entries();
    let favs = favourites();
    let now_ms = now();
    let matches =
        Memo::new(move |_| entries.with(|e| filters.with(|f| favs.with(|fv| e.0.search(f, now_ms, fv, None)))));
    let building = use_building();
    let waiting = move || building.get() || matches!(catalogue().get(), Catalogue::Loading);
    // While the catalogue is read, a line in the count's place, so the
    // sections below do not move when the count arrives.
    let scope = move || match matches.with(Vec::len) {
        0 if waiting() => t::LOADING.to_string(),
        n => t::lists_scope(n),
    };
    view! {
        <section class="page act-lists">
            <ListsHead back=Signal::derive(move || to(&route(&filters.get()))) scope=Signal::derive(scope)/>
            <CsvSection matches=matches/>
            <BookletLink filters=filters/>
            <HsdsSection matches=matches/>
        </section>
    }
}

/// The CSV section.
#[component]
fn CsvSection(
    /// Indices of the entries the current search shows.
    matches: Memo<Vec<u32>>,
) -> impl IntoView {
    let state = use_app();
    let entries = use_entries();
    let export = move |_| {
        let text = entries
            .with_untracked(|e| matches.with_untracked(|m| to_csv(m.iter().map(|i| &e.0[*i as usize].activity))));
        let file = format!("aktiviteter-{}.csv", &format_millis(now())[..10]);
        download_text(&file, "text/csv;charset=utf-8", &text);
    };
    // "Del som link": the user's own activities among those shown (the
    // example catalogue is already on every device), e.g. one municipality's.
    let own_shown = Callback::new(move |()| {
        let mut data = AppData::default();
        entries.with_untracked(|e| {
            matches.with_untracked(|m| {
                for a in m.iter().map(|i| &e.0[*i as usize].activity).filter(|a| !a.example) {
                    data.activities.insert(a.meta.id, a.clone());
                }
            })
        });
        data
    });
    let (preview, set_preview) = signal(None::<CsvImport>);
    // Rows read and rows in all while a file is being read.
    let reading = RwSignal::new(None::<(usize, usize)>);
    let (error, set_error) = signal(None::<String>);
    let undo = RwSignal::new(None::<AppData>);
    let on_file = move |ev: leptos::ev::Event| {
        set_error.set(None);
        set_preview.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        if let Err(e) = tid_og_lyst_core::sync::wire::check_size(file.size() as usize) {
            set_error.set(Some(e.to_string()));
            return;
        }
        spawn_local(async move {
            let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                set_error.set(Some(tid_og_lyst_core::da::data::READ_FAILED.into()));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buf).to_vec();
            drop(buf);
            // Copying and decoding a large file take a task each.
            crate::slices::next_turn().await;
            let text = decode(&bytes);
            drop(bytes);
            crate::slices::next_turn().await;
            let mut make = |id: Option<tid_og_lyst_core::record::meta::RecordId>| {
                let mut m: Meta = state.new_meta();
                if let Some(id) = id {
                    m.id = id;
                }
                m
            };
            let mut reader = match CsvReader::new(text) {
                Ok(r) => r,
                Err(e) => return set_error.set(Some(e)),
            };
            crate::slices::next_turn().await;
            // Read in slices with a progress line, until done or cancelled.
            let (run, set_run) = (reading, reading);
            set_run.set(Some(reader.progress()));
            let r = std::cell::RefCell::new(&mut reader);
            let finished = crate::slices::run(
                || r.borrow_mut().step(200, &mut make),
                || set_run.set(Some(r.borrow().progress())),
                move || run.get_untracked().is_some(),
            )
            .await;
            set_run.set(None);
            if finished {
                match reader.finish() {
                    Ok(r) => set_preview.set(Some(r)),
                    Err(e) => set_error.set(Some(e)),
                }
            }
        });
    };
    let apply = move |_| {
        // Taken out of the signal, not cloned (it may hold 50,000 rows).
        let Some(Some(p)) = set_preview.try_update(Option::take) else { return };
        let n = p.good.len();
        join_imported(state, p.good.into_iter().map(|(_, a)| a), t::csv_done(n), undo);
    };
    let do_undo = move |_| undo_import(state, undo);
    view! {
        <CsvCard
            on_export=Callback::new(export)
            on_file=Callback::new(on_file)
            share=ViewFn::from(move || view! { <Later><ShareLink kinds=ActivitiesOnly what=own_shown title=t::LISTS/></Later> })
            error
            progress=Signal::derive(move || reading.get().map(|(done, total)| t::csv_reading(done, total)))
        >
            {move || reading.with(Option::is_some).then(|| view! {
                <button type="button" class="btn" on:click=move |_| reading.set(None)>{t::CANCEL}</button>
            })}
            {move || preview.with(|p| p.as_ref().map(Summary::of)).map(|p| view! { <CsvPreview report=p on_apply=apply on_cancel=move || set_preview.set(None)/> })}
            <Show when=move || undo.with(Option::is_some)>
                <button type="button" class="btn" on:click=do_undo>{tid_og_lyst_core::da::data::UNDO}</button>
            </Show>
        </CsvCard>
    }
}

/// What the preview shows of a read file (not the rows themselves).
struct Summary {
    good: usize,
    bad: Vec<(usize, String)>,
    warned: usize,
    warnings: Vec<(usize, String)>,
}

impl Summary {
    fn of(r: &CsvImport) -> Summary {
        Summary {
            good: r.good.len(),
            bad: r.bad.clone(),
            warned: r.warnings.len(),
            warnings: r.warnings.iter().take(20).cloned().collect(),
        }
    }
}

#[component]
fn CsvPreview(
    /// What the read file holds.
    report: Summary,
    /// Import the good rows.
    on_apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    /// Close without importing.
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let Summary { good, bad, warned, warnings } = report;
    let warnings =
        warnings.into_iter().map(|(line, msg)| view! { <li>{t::csv_bad_row(line, &msg)}</li> }).collect_view();
    view! {
        <div class="preview act-csv-preview">
            <p class="preview__summary">{t::csv_preview(good, bad.len())}</p>
            <ul class="act-csv-bad">
                {bad.into_iter().map(|(line, msg)| view! { <li>{t::csv_bad_row(line, &msg)}</li> }).collect_view()}
            </ul>
            {(warned > 0).then(|| view! { <p class="act-csv-warn-summary">{t::csv_warnings(warned)}</p> })}
            <ul class="act-csv-warn">{warnings}</ul>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=on_apply disabled=good == 0>{t::CSV_APPLY}</button>
                <button type="button" class="btn" on:click=move |_| on_cancel()>{t::CANCEL}</button>
            </div>
        </div>
    }
}

/// Activities read from a file (CSV or HSDS) joined in at once, with `done`
/// as their message (or how much was kept should the storage run full); the
/// data before is kept in `undo` for "Fortryd".
pub(super) fn join_imported(
    state: AppState,
    activities: impl IntoIterator<Item = Activity>,
    done: String,
    undo: RwSignal<Option<AppData>>,
) {
    let before = state.data.get_untracked();
    let incoming = AppData { activities: merge::collect(activities), ..AppData::default() };
    state.notify_imported(&incoming, done);
    state.data.update(|d| d.join_in::<ActivitiesOnly>(incoming));
    undo.set(Some(before));
}

/// "Fortryd": the data as it was before the import in `undo`.
pub(super) fn undo_import(state: AppState, undo: RwSignal<Option<AppData>>) {
    if let Some(Some(before)) = undo.try_update(Option::take) {
        if let Some(replaced) = state.data.try_update(|d| std::mem::replace(d, before)) {
            crate::slices::drop_in_slices(replaced);
        }
    }
}
