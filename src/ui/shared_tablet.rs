//! "Delt tablet": an IT café's or a library's tablet, handed from one
//! person to the next. The setting sits beside text size and projector
//! mode; while it is on, every page has "Færdig – ryd til næste" (asked
//! once more first), and a tablet left idle asks "Er du her stadig?" for a
//! minute and is then cleared the same way.
//!
//! Clearing loads the data page, the one bundle that reads every kind of
//! record ([`ClearVisit`]): the core decides what the visit left
//! (`sync::shared_tablet`), the data page writes the records without it,
//! the storage removes the personal keys, the device gets a new id, and the
//! forside opens, with nothing of the visit left in memory either (drafts,
//! notices, favourites shown).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::routes::Route;
use crate::state::{now, use_app, AppState, NoticeKind, SharedTablet};
use crate::storage;
use crate::ui::link::to;
use tid_og_lyst_core::da::tablet as t;
use tid_og_lyst_core::sync::shared_tablet::{forget_visit, idle, Clearing, Idle, IDLE_CHOICES, IDLE_MINUTES};

/// Turns "Delt tablet" on (with the usual idle time) or off: the header's
/// button beside text size and projector mode (`ui::frame`).
pub fn toggle(state: AppState) {
    state.settings.update(|s| {
        s.shared_tablet = match s.shared_tablet {
            Some(_) => None,
            None => Some(SharedTablet { idle_minutes: IDLE_MINUTES }),
        }
    })
}

/// While "Delt tablet" is on, after its button: the minutes idle before the warning.
#[component]
pub fn TabletIdle() -> impl IntoView {
    let state = use_app();
    let on = move || state.settings.with(|s| s.shared_tablet);
    let pick = move |ev: leptos::ev::Event| {
        if let Ok(m) = event_target_value(&ev).parse::<u8>() {
            state.settings.update(|s| s.shared_tablet = Some(SharedTablet { idle_minutes: m }));
        }
    };
    view! {
        {move || on().map(|s| view! {
            <label class="tablet-idle">
                {t::IDLE_LABEL}" "
                <select on:change=pick>
                    {IDLE_CHOICES.map(|m| view! {
                        <option value=m.to_string() selected=m == s.idle_minutes>{t::idle_choice(m)}</option>
                    })}
                </select>
            </label>
        })}
    }
}

/// What the tablet's dialog asks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asking {
    /// Nothing: closed.
    No,
    /// "Ryd tabletten til den næste?" after "Færdig".
    Done,
    /// "Er du her stadig?" after the idle time.
    StillThere,
}

/// While the setting is on: "Færdig – ryd til næste", its question, and the
/// idle watch with its warning. Nothing otherwise.
#[component]
pub fn TabletBar() -> impl IntoView {
    let state = use_app();
    let minutes = Memo::new(move |_| state.settings.with(|s| s.shared_tablet.map(|s| s.idle_minutes)));
    let asked_done = RwSignal::new(false);
    let last_use = StoredValue::new(now());
    let warned_at = RwSignal::new(None::<i64>);
    let tick = RwSignal::new(now());
    let clearing = StoredValue::new(false);
    // Any touch, key or scroll is someone using the tablet.
    for name in ["pointerdown", "keydown", "wheel", "scroll"] {
        let handle = window_event_listener_untyped(name, move |_| {
            last_use.set_value(now());
            if warned_at.get_untracked().is_some() {
                warned_at.set(None);
            }
        });
        on_cleanup(move || handle.remove());
    }
    // A look every second while the setting is on.
    Effect::new(move |running: Option<Option<IntervalHandle>>| {
        if let Some(Some(h)) = running {
            h.clear();
        }
        let m = minutes.get()?;
        last_use.set_value(now());
        warned_at.set(None);
        set_interval_with_handle(
            move || {
                let at = now();
                match idle(last_use.get_value(), warned_at.get_untracked(), at, m) {
                    Idle::InUse => {}
                    Idle::Warning { .. } => {
                        if warned_at.get_untracked().is_none() {
                            warned_at.set(Some(at));
                        }
                        tick.set(at);
                    }
                    Idle::Clear if !clearing.get_value() => {
                        clearing.set_value(true);
                        clear_tablet(state);
                    }
                    Idle::Clear => {}
                }
            },
            std::time::Duration::from_secs(1),
        )
        .ok()
    });
    let asking = Memo::new(move |_| {
        if warned_at.get().is_some() {
            Asking::StillThere
        } else if asked_done.get() {
            Asking::Done
        } else {
            Asking::No
        }
    });
    move || {
        minutes.get().is_some().then(|| {
            view! {
                <div class="tablet-bar">
                    <button type="button" class="btn btn--primary tablet-bar__done" on:click=move |_| asked_done.set(true)>
                        {t::DONE}
                    </button>
                </div>
                <TabletDialog asking=asking on_yes=move || clear_tablet(state) on_no=move || {
                    asked_done.set(false);
                    warned_at.set(None);
                    last_use.set_value(now());
                } seconds=Signal::derive(move || match idle(last_use.get_value(), warned_at.get(), tick.get(), 1) {
                    Idle::Warning { seconds_left } => seconds_left,
                    _ => 0,
                })/>
            }
        })
    }
}

/// The tablet's one dialog (modal, so nothing behind it is reached by
/// mistake): the question after "Færdig", or the idle warning.
#[component]
fn TabletDialog(
    /// What it asks; closed on [`Asking::No`].
    asking: Memo<Asking>,
    /// "Ja, ryd tabletten".
    on_yes: impl Fn() + Copy + Send + Sync + 'static,
    /// "Annullér", "Jeg er her stadig", or Escape.
    on_no: impl Fn() + Copy + Send + Sync + 'static,
    /// The warning's seconds left.
    seconds: Signal<i64>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Opened again for each question, so the focus goes to its first button.
    Effect::new(move |_| {
        let a = asking.get();
        let Some(d) = dialog.get() else { return };
        if d.open() {
            d.close();
        }
        if a != Asking::No {
            let _ = d.show_modal();
        }
    });
    let cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        on_no();
    };
    view! {
        <dialog node_ref=dialog class="tablet-dialog" aria-labelledby="tablet-dialog-title" aria-describedby="tablet-dialog-text" on:cancel=cancel>
            {move || match asking.get() {
                Asking::StillThere => view! {
                    <h2 id="tablet-dialog-title">{t::STILL_THERE}</h2>
                    <p id="tablet-dialog-text">{move || t::clears_in(seconds.get())}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--primary" on:click=move |_| on_no()>{t::STAY}</button>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <h2 id="tablet-dialog-title">{t::CONFIRM_TITLE}</h2>
                    <p id="tablet-dialog-text">{t::CONFIRM_TEXT}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=move |_| on_yes()>{t::YES}</button>
                        // The answer that changes nothing has the focus.
                        <button type="button" class="btn" autofocus on:click=move |_| on_no()>{tid_og_lyst_core::da::data::CANCEL}</button>
                    </div>
                }
                .into_any(),
            }}
        </dialog>
    }
}

/// Clears the tablet: once what is being written is written (what is not
/// is meant to go), the data page is loaded to do it ([`ClearVisit`]).
fn clear_tablet(state: AppState) {
    spawn_local(async move {
        let _ = state.written().await;
        state.let_go_unsaved();
        storage::ask_clear_visit();
        crate::ui::link::load_page(&to(&Route::Data));
    });
}

/// The data page when "Færdig" loaded it: once the records are read, takes
/// out what the visit left (the core's rule), writes the rest, removes the
/// personal keys, gives the device a new id and opens the forside in place
/// of this page, telling it the tablet is ready.
#[component]
pub fn ClearVisit() -> impl IntoView {
    let state = use_app();
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        if !state.loaded.get() || started.get_value() {
            return;
        }
        started.set_value(true);
        spawn_local(async move {
            // Another tab of the visit goes to the forside first, so it
            // writes nothing of it back.
            storage::idb::tell_visit_over();
            let me = state.device();
            state.data.update(|d| {
                forget_visit(d, &me, now());
            });
            if !state.written().await {
                state.notify(NoticeKind::Error, tid_og_lyst_core::da::storage::CLEAR_FAILED);
                return;
            }
            storage::clear_keys(Clearing::Visit);
            state.renew_device();
            state.notify(NoticeKind::Info, t::CLEARED);
            state.hand_over_notices();
            let _ = window().location().replace(&to(&Route::Home));
        });
    });
    view! {
        <section class="page">
            <h1>{t::CLEARING}</h1>
        </section>
    }
}
