//! `/del`'s page and its sections: export, import with a preview and undo, "Ryd mine data".

use crate::ui::later::Later;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::state::{now, use_app, AppState, NoticeKind};
use crate::storage;
use crate::ui::download::download_text;
use crate::ui::import::{self, ImportError, Pending, Preview, Shown};
use crate::ui::share::ShareLink;
use tid_og_lyst_core::da::data as t;
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::record::meta::format_millis;
use tid_og_lyst_core::sync::data::{AllKinds, AppData, Kinds};
use tid_og_lyst_core::sync::import::{preview_of, ImportReport};
use tid_og_lyst_core::sync::reader::{JsonReader, Progress};
use tid_og_lyst_core::sync::wire;

/// Exports `data` as a file after reading the text back and checking it.
/// Returns the number of records and the file name, or `None` when the check
/// failed.
pub fn export_checked<K: Kinds>(state: AppState, data: &AppData, file_stem: &str) -> Option<(usize, String)> {
    let t0 = now();
    let text = wire::export_json_of::<K>(data, &state.device(), t0);
    let back = wire::parse_text_of::<K>(&text).ok()?;
    if &back.data != data {
        return None;
    }
    let date = format_millis(t0)[..10].to_string();
    let file = format!("{file_stem}-{date}.json");
    if !download_text(&file, "application/json", &text) {
        return None;
    }
    Some((data.len(), file))
}

/// The data page; in its place, the clearing of a shared tablet when
/// "Færdig – ryd til næste" asked for it.
#[component]
pub fn DataPage() -> impl IntoView {
    if storage::take_clear_visit() {
        return view! { <crate::ui::shared_tablet::ClearVisit/> }.into_any();
    }
    view! {
        <section class="page data-page">
            <super::top::DataHead/>
            <Stats/>
            <Later>
                <ExportSection/>
            </Later>
            <Later>
                <LinkSection/>
            </Later>
            <Later>
                <crate::features::board_card::BoardCard/>
            </Later>
            <Later>
                <ImportSection/>
            </Later>
            <Later>
                <ClearSection/>
            </Later>
        </section>
    }
    .into_any()
}

/// What is stored on this device.
#[component]
fn Stats() -> impl IntoView {
    let state = use_app();
    let text = move || {
        state
            .data
            .with(|d| t::stats(live(&d.dreams).count(), live(&d.activities).count(), live(&d.assessments).count()))
    };
    view! { <super::top::StatsLine text=Signal::derive(text)/> }
}

#[component]
fn ExportSection() -> impl IntoView {
    let state = use_app();
    let (message, set_message) = signal(None::<(bool, String)>);
    let export = move |()| {
        let data = state.data.get_untracked();
        let result = export_checked::<AllKinds>(state, &data, "tid-og-lyst");
        match result {
            Some((n, file)) => {
                state.settings.update(|s| s.last_export = Some(now()));
                set_message.set(Some((true, t::exported(n, &file))));
            }
            None => set_message.set(Some((false, t::EXPORT_FAILED.into()))),
        }
    };
    view! { <super::top::ExportCard on_export=Callback::new(export) message=Signal::derive(move || message.get().map(|(_, m)| m))/> }
}

/// Everything as a link or QR code.
#[component]
fn LinkSection() -> impl IntoView {
    let state = use_app();
    let what = Callback::new(move |()| state.data.get_untracked());
    let share = ViewFn::from(move || view! { <ShareLink kinds=AllKinds what=what title=tid_og_lyst_core::da::app::NAME/> });
    view! { <super::top::LinkCard share/> }
}

#[component]
fn ImportSection() -> impl IntoView {
    let state = use_app();
    let (pending, set_pending) = signal(None::<Pending>);
    let (error, set_error) = signal(None::<String>);
    let (done, set_done) = signal(None::<String>);
    let undo_available = RwSignal::new(storage::raw_get(storage::KEY_UNDO).is_some());
    // How far a file being read has come; `None` when none is (cancel
    // sets it to `None`, which stops the reading).
    let reading = RwSignal::new(None::<Progress>);

    // Shows the preview of a checked file or link, or why it was refused.
    let receive = move |name: String, parsed: Result<AppData, String>| match parsed {
        Err(e) => set_error.set(Some(e)),
        Ok(data) => {
            let report = state.data.with_untracked(|d| preview_of::<AllKinds>(d, &data, &state.device()));
            set_pending.set(Some(Pending { file_name: name, data, report }));
        }
    };
    // A link that carries data (`#data=…`, or the last of a long one's
    // parts), also one opened while this page is shown, leads straight to
    // its preview.
    let whole = Callback::new(move |payload: String| {
        set_done.set(None);
        spawn_local(async move {
            let parsed = import::read_link::<AllKinds>(payload).await;
            receive(tid_og_lyst_core::da::share::FROM_LINK.into(), parsed);
        });
    });
    let opened = import::open_links(whole, set_error);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        set_error.set(None);
        set_done.set(None);
        set_pending.set(None);
        let name = file.name();
        if let Err(e) = wire::check_size(file.size() as usize) {
            set_error.set(Some(e.to_string()));
            return;
        }
        spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let Ok(buffer) = buffer else {
                set_error.set(Some(t::READ_FAILED.into()));
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            drop(buffer);
            // Copying 60 MB and checking it is UTF-8 take a task each.
            crate::slices::next_turn().await;
            let mut reader = match JsonReader::new(bytes) {
                Ok(r) => r,
                Err(e) => return set_error.set(Some(e.to_string())),
            };
            crate::slices::next_turn().await;
            // Read in slices with a progress line, until done or cancelled.
            reading.set(Some(reader.progress()));
            let r = std::cell::RefCell::new(&mut reader);
            let finished = crate::slices::run(
                || r.borrow_mut().step(50),
                || reading.set(Some(r.borrow().progress())),
                move || reading.get_untracked().is_some(),
            )
            .await;
            reading.set(None);
            if !finished {
                return;
            }
            crate::slices::next_turn().await;
            let parsed = match reader.finish() {
                Ok(p) => p,
                Err(e) => return set_error.set(Some(e.to_string())),
            };
            // The preview, a few hundred records at a time (comparing 50,000
            // with the records here takes longer than a task may).
            crate::slices::next_turn().await;
            let me = state.device();
            let report = std::cell::RefCell::new(ImportReport::default());
            let mut dreams = parsed.data.dreams.iter();
            let mut activities = parsed.data.activities.iter();
            let mut assessments = parsed.data.assessments.iter();
            crate::slices::run(
                || {
                    let mut r = report.borrow_mut();
                    state.data.with_untracked(|d| {
                        for _ in 0..200 {
                            if let Some((id, x)) = dreams.next() {
                                r.dreams.add(d.dreams.get(id), x, &me);
                            } else if let Some((id, x)) = activities.next() {
                                r.activities.add(d.activities.get(id), x, &me);
                            } else if let Some((id, x)) = assessments.next() {
                                r.assessments.add(d.assessments.get(id), x, &me);
                            } else {
                                return true;
                            }
                        }
                        false
                    })
                },
                || {},
                || true,
            )
            .await;
            let report = report.into_inner();
            set_pending.set(Some(Pending { file_name: name, data: parsed.data, report }));
        });
    };

    let apply = move |_| {
        // Taken out of the signal, not cloned (it may hold 50,000 records).
        let Some(Some(p)) = set_pending.try_update(Option::take) else { return };
        set_done.set(Some(t::APPLIED.into()));
        undo_available.set(import::apply_telling::<AllKinds>(state, p.data, Some(set_done)));
    };

    let undo = move |_| {
        if import::undo::<AllKinds>(state) {
            undo_available.set(false);
            set_done.set(Some(t::UNDONE.into()));
        }
    };

    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{t::IMPORT_TITLE}</h2>
            <p>{t::IMPORT_HELP}</p>
            <input
                id="import-file"
                class="file-input"
                type="file"
                accept=".json,application/json"
                on:change=on_file
            />
            <label for="import-file" class="btn btn--primary">{t::IMPORT}</label>
            <ImportError error=error/>
            <import::PartsReceived opened=opened/>
            <p role="status" class="import-progress">
                {move || reading.get().map(|p| match p {
                    Progress::Scanning(done, total) => t::checking(done, total),
                    Progress::Reading(done, total) => t::reading(done, total),
                })}
            </p>
            {move || reading.with(Option::is_some).then(|| view! {
                <button type="button" class="btn" on:click=move |_| reading.set(None)>{t::CANCEL}</button>
            })}
            {move || pending.with(|p| p.as_ref().map(Shown::of)).map(|p| view! { <Preview pending=p on_cancel=move || set_pending.set(None) on_apply=apply/> })}
            <p class="result" role="status">{move || done.get()}</p>
            <Show when=move || undo_available.get()>
                <button type="button" class="btn" on:click=undo>{t::UNDO}</button>
            </Show>
        </section>
    }
}

#[component]
fn ClearSection() -> impl IntoView {
    let state = use_app();
    let (asking, set_asking) = signal(false);
    let (cleared, set_cleared) = signal(false);
    let clear = move |_| {
        let cleared = storage::clear_personal();
        state.data.set(AppData::default());
        // The shared board's connection went with the rest.
        crate::board::kick();
        spawn_local(async move {
            if cleared.await.is_err() {
                state.notify(NoticeKind::Error, tid_og_lyst_core::da::storage::CLEAR_FAILED);
            }
        });
        state.settings.update(|s| s.last_export = None);
        set_asking.set(false);
        set_cleared.set(true);
        state.notify(NoticeKind::Info, t::CLEARED);
    };
    view! {
        <section class="card" aria-labelledby="clear-title">
            <h2 id="clear-title">{t::CLEAR_TITLE}</h2>
            <p>{t::CLEAR_HELP}</p>
            <button type="button" class="btn btn--danger" on:click=move |_| { set_cleared.set(false); set_asking.set(true) }>
                {t::CLEAR}
            </button>
            <Show when=move || asking.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="clear-q">
                    <p id="clear-q">{t::CLEAR_CONFIRM}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=clear>{t::CLEAR_YES}</button>
                        <button type="button" class="btn" on:click=move |_| set_asking.set(false)>{t::CANCEL}</button>
                    </div>
                </div>
            </Show>
            <p class="visually-hidden" role="status">{move || cleared.get().then_some(t::CLEARED)}</p>
        </section>
    }
}
