//! Importing records: the preview of what an import would change, applying
//! it (all or nothing, with an undo copy), and the import of a share link
//! (`#data=…`, or a long one's parts, `#del=…`, kept until all are in), also
//! of a link opened in a tab already on its page. The data page imports files
//! and links with it; the dream board and the workshop list import the links
//! made of their own records (`routes::Route::for_import`), so a QR code
//! opens the part it is about.

use leptos::prelude::*;

use crate::router::{use_navigate, NavigateOptions};
use crate::state::{now, use_app, AppState};
use crate::storage;
use crate::ui::codec;
use leptos::task::spawn_local;
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::assessment::session::Assessment;
use tid_og_lyst_core::da::data as t;
use tid_og_lyst_core::dreams::dream::Dream;
use tid_og_lyst_core::record::merge::{Collection, Record};
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::sync::import::{preview_of, ImportReport};
use tid_og_lyst_core::sync::parts::{self, Assembler, Fragment, Part, PartError, Progress};
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

/// The records of a share link's payload (see [`open_links`]), or a
/// Danish reason why they cannot be read. A link with records of kinds
/// other than `K`'s is opened on the data page, which reads every kind.
pub async fn read_link<K: Kinds>(payload: String) -> Result<AppData, String> {
    let text = codec::decode(&payload).await?;
    match wire::parse_text_of::<K>(&text) {
        Ok(p) => Ok(p.data),
        Err(wire::ImportError::OtherPart) => {
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            let data_page = format!("{origin}{}", crate::ui::link::to(&crate::routes::Route::Data));
            // This browser's own move: as long as the payload (a long
            // share's parts are put together by now).
            crate::ui::link::load_page(&link::page_link(&data_page, &payload));
            Err(t::OPENING_DATA_PAGE.to_string())
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
/// a copy of them for [`undo`]; returns whether that copy was kept. Should
/// the storage run full while they are written, a notice says how many
/// were kept.
pub fn apply<K: Kinds>(state: AppState, incoming: AppData) -> bool {
    apply_telling::<K>(state, incoming, None)
}

/// [`apply`], and should the storage run full, `line` (where the page says
/// the import is done) says how many were kept instead.
pub fn apply_telling<K: Kinds>(state: AppState, incoming: AppData, line: Option<WriteSignal<Option<String>>>) -> bool {
    let saved_undo = state.data.with_untracked(save_undo::<K>);
    state.observe(&incoming);
    state.watch_imported(&incoming, line);
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

/// The share links opened on a page ([`open_links`]): where a long
/// share's parts have come to, and the last part refused because another
/// share's parts were waiting.
#[derive(Clone, Copy)]
pub struct OpenedLinks {
    /// `(received, count)` while parts of a share are missing.
    waiting: RwSignal<Option<(usize, usize)>>,
    /// A part refused while another share's parts wait, for "Begynd forfra
    /// med dette link".
    refused: RwSignal<Option<Part>>,
    /// Said after the parts waiting were forgotten.
    note: RwSignal<Option<&'static str>>,
    /// Takes a whole payload.
    whole: Callback<String>,
    /// Where a link that cannot be read is told (`None` once one is read).
    error: WriteSignal<Option<String>>,
}

impl OpenedLinks {
    fn receive(self, fragment: Fragment) {
        self.note.set(None);
        match fragment {
            Fragment::Whole(payload) => {
                self.error.set(None);
                self.whole.run(payload);
            }
            Fragment::Part(Err(e)) => self.error.set(Some(e.to_string())),
            Fragment::Part(Ok(part)) => self.keep(part, false),
        }
    }

    /// Adds `part` to the parts kept in storage (so that parts opened in
    /// other tabs count), or starts them afresh with it.
    fn keep(self, part: Part, afresh: bool) {
        let at = now();
        let mut kept: Assembler = storage::load(storage::KEY_LINK_PARTS, at).ok().flatten().unwrap_or_default();
        let result = if afresh { kept.start_over(part.clone(), at) } else { kept.accept(part.clone(), at) };
        let saved = if kept.is_empty() {
            storage::remove(storage::KEY_LINK_PARTS);
            Ok(())
        } else {
            storage::save(storage::KEY_LINK_PARTS, &kept)
        };
        self.waiting.set(kept.waiting());
        self.refused.set(None);
        match result {
            Ok(Progress::Complete(payload)) => {
                self.error.set(None);
                self.whole.run(payload);
            }
            Ok(Progress::Waiting { .. }) if saved.is_err() => {
                self.error.set(Some(tid_og_lyst_core::da::share::PART_NOT_KEPT.into()))
            }
            Ok(Progress::Waiting { .. }) => self.error.set(None),
            Err(e) => {
                if matches!(e, PartError::OtherTransfer { .. }) {
                    self.refused.set(Some(part));
                }
                self.error.set(Some(e.to_string()));
            }
        }
    }

    /// "Glem de modtagne dele".
    fn forget(self) {
        storage::remove(storage::KEY_LINK_PARTS);
        self.waiting.set(None);
        self.refused.set(None);
        self.error.set(None);
        self.note.set(Some(tid_og_lyst_core::da::share::PARTS_FORGOTTEN));
    }

    /// True while there is something to show: parts waiting, a part
    /// refused or a note.
    fn showing(self) -> bool {
        self.waiting.with(Option::is_some) || self.refused.with(Option::is_some) || self.note.with(Option::is_some)
    }
}

/// Takes the share link (`#data=…`) or part (`#del=…`) in the address off
/// it, through the router (so a reload does not read it twice and the
/// router's address stays the one shown).
fn take_fragment(navigate: &impl Fn(&str, NavigateOptions)) -> Option<Fragment> {
    let location = web_sys::window()?.location();
    let fragment = parts::read_fragment(&location.hash().ok()?)?;
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    navigate(&format!("{path}{search}"), NavigateOptions { replace: true, scroll: false });
    Some(fragment)
}

/// Reads the share link in the address now, and each one opened on this
/// page later: a link pasted into a tab already on its page changes only
/// the fragment (`hashchange`; the router follows the address, and the
/// fragment is then taken off it here). A whole payload goes to `whole`; a
/// part is kept with the others until all are in, then their payload goes
/// to `whole`; why a link cannot be read goes to `error`.
pub fn open_links(whole: Callback<String>, error: WriteSignal<Option<String>>) -> OpenedLinks {
    let opened = OpenedLinks {
        waiting: RwSignal::new(None),
        refused: RwSignal::new(None),
        note: RwSignal::new(None),
        whole,
        error,
    };
    let navigate = use_navigate();
    if let Some(fragment) = take_fragment(&navigate) {
        opened.receive(fragment);
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(fragment) = take_fragment(&navigate) {
            opened.receive(fragment);
        }
    });
    on_cleanup(move || handle.remove());
    opened
}

/// "2 af 3 dele modtaget" while a long share's parts are missing, with
/// "Glem de modtagne dele"; "Begynd forfra med dette link" for a part
/// refused because another share's parts wait.
#[component]
pub fn PartsReceived(
    /// The links opened on the page.
    opened: OpenedLinks,
) -> impl IntoView {
    use tid_og_lyst_core::da::share as s;
    let status = move || match opened.waiting.get() {
        Some((received, count)) => Some(s::parts_received(received, count)),
        None => opened.note.get().map(String::from),
    };
    let start_over = move |_| {
        if let Some(Some(part)) = opened.refused.try_update(Option::take) {
            opened.keep(part, true);
        }
    };
    // A part opened on a page whose import is below the fold (`/del`): the
    // count into view (its bottom at the window's bottom, so a page where
    // it shows already does not move), once the page that holds it is shown.
    let here = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if opened.waiting.with(Option::is_none) {
            return;
        }
        spawn_local(async move {
            for _ in 0..20 {
                if let Some(el) = here.get_untracked().filter(|el| el.is_connected()) {
                    el.scroll_into_view_with_bool(false);
                    return;
                }
                crate::slices::next_turn().await;
            }
        });
    });
    view! {
        <div class="link-parts" node_ref=here>
            <p class="link-parts__status" role="status">{status}</p>
            {move || opened.waiting.get().map(|(received, count)| view! {
                <progress class="link-parts__progress" max=count value=received aria-hidden="true"></progress>
                <p>{s::PARTS_WAITING}</p>
            })}
            <div class="actions">
                <Show when=move || opened.refused.with(Option::is_some)>
                    <button type="button" class="btn btn--primary" on:click=start_over>{s::START_OVER}</button>
                </Show>
                <Show when=move || opened.waiting.with(Option::is_some)>
                    <button type="button" class="btn" on:click=move |_| opened.forget()>{s::FORGET_PARTS}</button>
                </Show>
            </div>
        </div>
    }
}

/// Share links opened on this page (on load, or later in the same tab):
/// their preview (once the records here are read, so it compares with
/// them), then "Flet ind" or "Annullér"; a long share's parts counted until
/// all are in. Shows nothing while no link was opened.
#[component]
pub fn FromLink<K: Kinds>(
    /// The kinds of record this page reads (`DreamsOnly` …).
    kinds: K,
) -> impl IntoView {
    let _ = kinds;
    let state = use_app();
    let (error, set_error) = signal(None::<String>);
    let (pending, set_pending) = signal(None::<Pending>);
    let (done, set_done) = signal(None::<String>);
    let undo_available = RwSignal::new(false);
    // The link's records once read, until the preview takes them.
    let arrived = RwSignal::new(None::<AppData>);
    let whole = Callback::new(move |payload: String| {
        set_done.set(None);
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
    });
    let opened = open_links(whole, set_error);
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
        set_done.set(Some(t::APPLIED.into()));
        undo_available.set(apply_telling::<K>(state, p.data, Some(set_done)));
    };
    let on_undo = move |_| {
        if undo::<K>(state) {
            undo_available.set(false);
            set_done.set(Some(t::UNDONE.into()));
        }
    };
    let hidden = move || {
        !(opened.showing()
            || error.with(Option::is_some)
            || pending.with(Option::is_some)
            || done.with(Option::is_some)
            || undo_available.get())
    };
    view! {
        <section class="card link-import" aria-labelledby="link-import-title" hidden=hidden>
            <h2 id="link-import-title">{t::IMPORT_TITLE}</h2>
            <ImportError error=error/>
            <PartsReceived opened=opened/>
            {move || pending.with(|p| p.as_ref().map(Shown::of)).map(|p| view! {
                <Preview pending=p on_cancel=move || set_pending.set(None) on_apply=on_apply/>
            })}
            <p class="result" role="status">{move || done.get()}</p>
            <Show when=move || undo_available.get()>
                <button type="button" class="btn" on:click=on_undo>{t::UNDO}</button>
            </Show>
        </section>
    }
}
