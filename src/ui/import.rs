//! Importing records: the preview of what an import would change, applying
//! it (all or nothing, with an undo copy), and the import of a share link
//! (`#data=…`). The data page imports files and links with it; the dream
//! board and the workshop list import the links made of their own records
//! (`routes::Route::for_import`), so a QR code opens the part it is about.

use leptos::prelude::*;

use crate::state::{use_app, AppState};
use crate::storage;
use crate::ui::{codec, share};
use leptos::task::spawn_local;
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::assessment::session::Assessment;
use tid_og_lyst_core::da::data as t;
use tid_og_lyst_core::dreams::dream::Dream;
use tid_og_lyst_core::record::merge::{Collection, Record};
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::sync::import::{preview_of, ImportReport};
use tid_og_lyst_core::sync::{link, wire};

/// A file that has been read and checked, waiting for the user's yes.
pub struct Pending {
    /// What the file or link is called in the preview.
    pub file_name: String,
    /// Its records.
    pub data: AppData,
    /// What importing them would change.
    pub report: ImportReport,
}

/// What the preview shows of a checked file (not its records).
pub struct Shown {
    file_name: String,
    report: ImportReport,
}

impl Shown {
    /// The part of `p` the preview shows.
    pub fn of(p: &Pending) -> Shown {
        Shown { file_name: p.file_name.clone(), report: p.report.clone() }
    }
}

/// The preview of an import: counts per kind and every conflict.
#[component]
pub fn Preview(
    /// The checked file.
    pending: Shown,
    /// Called when the user declines.
    on_cancel: impl Fn() + 'static,
    /// Called when the user applies.
    on_apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let r = &pending.report;
    let (new, updated, deleted, conflicts, _) = r.totals();
    let rows = [&r.dreams, &r.activities, &r.assessments]
        .into_iter()
        .zip(t::KINDS)
        .filter(|(k, _)| k.new + k.updated + k.deleted + k.conflicts.len() + k.unchanged > 0)
        .map(|(k, name)| {
            view! {
                // On a phone each row is a line of its own, each number
                // after its column's name (`data-label`, style/main.css).
                <tr>
                    <th scope="row">{name}</th>
                    <td data-label=t::COLUMNS[0]>{k.new}</td>
                    <td data-label=t::COLUMNS[1]>{k.updated}</td>
                    <td data-label=t::COLUMNS[2]>{k.conflicts.len()}</td>
                    <td data-label=t::COLUMNS[3]>{k.unchanged}</td>
                </tr>
            }
        })
        .collect_view();
    let conflict_lines = [&r.dreams, &r.activities, &r.assessments]
        .into_iter()
        .flat_map(|k| k.conflicts.iter())
        .map(|c| view! { <li>{t::conflict(&c.label, c.incoming_wins)}</li> })
        .collect_view();
    let noop = r.is_noop();
    view! {
        <div class="preview" aria-labelledby="preview-title">
            <h3 id="preview-title">{t::PREVIEW_TITLE}": "{pending.file_name.clone()}</h3>
            <p class="preview__summary">{t::preview(new, updated, deleted, conflicts)}</p>
            <table class="preview__table">
                <thead>
                    <tr>
                        <th scope="col"></th>
                        {t::COLUMNS.map(|c| view! { <th scope="col">{c}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <ul class="preview__conflicts">{conflict_lines}</ul>
            {noop.then(|| view! { <p>{t::NOTHING}</p> })}
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=on_apply disabled=noop>{t::APPLY}</button>
                <button type="button" class="btn" on:click=move |_| on_cancel()>{t::CANCEL}</button>
            </div>
        </div>
    }
}

/// Why a file or link was refused, and that nothing was changed.
#[component]
pub fn ImportError(
    /// The Danish reason, or `None` while there is none.
    error: ReadSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <div role="alert" class="import-error">
            {move || error.get().map(|e| view! {
                <div class="notice notice--error">
                    <p><strong>{t::ERROR}": "</strong>{e}</p>
                    <p>{t::UNTOUCHED}</p>
                </div>
            })}
        </div>
    }
}

/// The records of a share link's payload (see [`share::take_payload`]), or a
/// Danish reason why they cannot be read. A link with records of kinds
/// other than `K`'s is opened on the data page, which reads every kind.
pub async fn read_link<K: Kinds>(payload: String) -> Result<AppData, String> {
    let text = codec::decode(&payload).await?;
    match wire::parse_text_of::<K>(&text) {
        Ok(p) => Ok(p.data),
        Err(wire::ImportError::OtherPart) => {
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            let data_page = format!("{origin}{}", crate::ui::link::to(&crate::routes::Route::Data));
            match link::link_with(&data_page, &payload) {
                Ok(url) => {
                    crate::ui::link::load_page(&url);
                    Err(t::OPENING_DATA_PAGE.to_string())
                }
                Err(e) => Err(e.to_string()),
            }
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Keeps `data`'s records of `K`'s kinds as the copy [`undo`] puts back
/// (only those kinds: an undo puts back no other); false when it could not
/// be kept.
pub fn save_undo<K: Kinds>(data: &AppData) -> bool {
    fn kind<R: Record>(name: &str, c: &Collection<R>) -> Option<String> {
        Some(format!("\"{name}\":{}", serde_json::to_string(c).ok()?))
    }
    // Each kind's writer only under its `K::…` condition, so a part's
    // bundle does not carry the others'.
    let mut fields = Vec::new();
    if K::DREAMS {
        fields.push(kind("dreams", &data.dreams));
    }
    if K::ACTIVITIES {
        fields.push(kind("activities", &data.activities));
    }
    if K::ASSESSMENTS {
        fields.push(kind("assessments", &data.assessments));
    }
    let Some(fields) = fields.into_iter().collect::<Option<Vec<String>>>() else { return false };
    storage::raw_set(storage::KEY_UNDO, &format!("{{{}}}", fields.join(","))).is_ok()
}

/// What [`save_undo`] kept: per kind, its records, or `None` when the copy
/// holds none of that kind (that kind is then left as it is).
struct UndoCopy {
    dreams: Option<Collection<Dream>>,
    activities: Option<Collection<Activity>>,
    assessments: Option<Collection<Assessment>>,
}

/// The copy [`save_undo`] kept, its kinds that are also `K`'s; `None` when
/// there is none or it cannot be read.
fn load_undo<K: Kinds>() -> Option<UndoCopy> {
    fn kind<R: Record + serde::de::DeserializeOwned>(
        m: &mut serde_json::Map<String, serde_json::Value>,
        name: &str,
    ) -> Result<Option<Collection<R>>, ()> {
        match m.remove(name) {
            // Through the text, as every record is read (one reader per kind).
            Some(value) => serde_json::from_str(&value.to_string()).map(Some).map_err(|_| ()),
            None => Ok(None),
        }
    }
    let serde_json::Value::Object(mut m) = serde_json::from_str(&storage::raw_get(storage::KEY_UNDO)?).ok()? else {
        return None;
    };
    // Each kind's reader only under its `K::…` condition (see `save_undo`).
    Some(UndoCopy {
        dreams: if K::DREAMS { kind(&mut m, "dreams").ok()? } else { None },
        activities: if K::ACTIVITIES { kind(&mut m, "activities").ok()? } else { None },
        assessments: if K::ASSESSMENTS { kind(&mut m, "assessments").ok()? } else { None },
    })
}

/// Joins `incoming`'s records of `K`'s kinds into the records after keeping
/// a copy of them for [`undo`]; returns whether that copy was kept.
pub fn apply<K: Kinds>(state: AppState, incoming: AppData) -> bool {
    let saved_undo = state.data.with_untracked(save_undo::<K>);
    state.observe(&incoming);
    state.data.update(|d| d.join_in::<K>(incoming));
    saved_undo
}

/// Puts back the records of the kinds the copy holds as they were before
/// the last import (the other kinds stay as they are); false when there is
/// no copy.
pub fn undo<K: Kinds>(state: AppState) -> bool {
    let Some(copy) = load_undo::<K>() else { return false };
    let replaced = state.data.try_update(|d| {
        let mut replaced = AppData::default();
        if let Some(c) = copy.dreams {
            replaced.dreams = std::mem::replace(&mut d.dreams, c);
        }
        if let Some(c) = copy.activities {
            replaced.activities = std::mem::replace(&mut d.activities, c);
        }
        if let Some(c) = copy.assessments {
            replaced.assessments = std::mem::replace(&mut d.assessments, c);
        }
        replaced
    });
    if let Some(replaced) = replaced {
        crate::slices::drop_in_slices(replaced);
    }
    storage::remove(storage::KEY_UNDO);
    true
}

/// A share link opened on this page: its preview (once the records here
/// are read, so it compares with them), then "Flet ind" or "Annullér".
/// Shows nothing when the address carries no link.
#[component]
pub fn FromLink<K: Kinds>(
    /// The kinds of record this page reads (`DreamsOnly` …).
    kinds: K,
) -> impl IntoView {
    let _ = kinds;
    let Some(payload) = share::take_payload() else { return ().into_any() };
    let state = use_app();
    let (error, set_error) = signal(None::<String>);
    let (pending, set_pending) = signal(None::<Pending>);
    let (done, set_done) = signal(None::<&'static str>);
    let undo_available = RwSignal::new(false);
    // The link's records once read, until the preview takes them.
    let arrived = RwSignal::new(None::<AppData>);
    spawn_local(async move {
        match read_link::<K>(payload).await {
            Err(e) => {
                set_error.try_set(Some(e));
            }
            Ok(data) => {
                arrived.try_set(Some(data));
            }
        }
    });
    // The preview compares with the records here: once they are in.
    Effect::new(move |_| {
        if !state.loaded.get() || arrived.with(Option::is_none) {
            return;
        }
        if let Some(Some(data)) = arrived.try_update_untracked(Option::take) {
            let report = state.data.with_untracked(|d| preview_of::<K>(d, &data, &state.device()));
            let name = tid_og_lyst_core::da::share::FROM_LINK.to_string();
            set_pending.set(Some(Pending { file_name: name, data, report }));
        }
    });
    let on_apply = move |_| {
        let Some(Some(p)) = set_pending.try_update(Option::take) else { return };
        undo_available.set(apply::<K>(state, p.data));
        set_done.set(Some(t::APPLIED));
    };
    let on_undo = move |_| {
        if undo::<K>(state) {
            undo_available.set(false);
            set_done.set(Some(t::UNDONE));
        }
    };
    view! {
        <section class="card link-import" aria-labelledby="link-import-title">
            <h2 id="link-import-title">{t::IMPORT_TITLE}</h2>
            <ImportError error=error/>
            {move || pending.with(|p| p.as_ref().map(Shown::of)).map(|p| view! {
                <Preview pending=p on_cancel=move || set_pending.set(None) on_apply=on_apply/>
            })}
            <p class="result" role="status">{move || done.get()}</p>
            <Show when=move || undo_available.get()>
                <button type="button" class="btn" on:click=on_undo>{t::UNDO}</button>
            </Show>
        </section>
    }
    .into_any()
}
