//! `/droemme/:id`: one dream with its facts and flags, "Jeg tager den" (or
//! "Jeg vil gerne være reserve"), the runner's own claim (waiting, declined,
//! offered a place, asked about a moved time), "Slip igen", "Føj til
//! kalender", "Del som opslag", the coordinator's tools (confirm, decline, a
//! runner who phoned, edit, date, fulfil, thank, cancel, reopen) and the history.
//! `/droemme/ny` is the form for a new dream.

use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_params_map, use_query_map};
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;
use tid_og_lyst_core::text::dates;

use super::card::{badges, Badges};
use super::form::DreamFormView;
use super::share::ShareBox;
use super::top::{BackToBoard, Missing, NewDreamHead, DREAM_PAGE};
use super::{act, change_dream, change_dream_with, local_time, prefs, today};
use crate::features::data::export_checked;
use crate::state::{now, use_app, AppState, NoticeKind};
use crate::ui::download::download_text;
use crate::ui::share::ShareLink;
use crate::ui::speech::ReadAloud;
use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::dream::{ClaimState, Dream, Opening, Phase, PlannedFor, Runner, Status};
use tid_og_lyst_core::dreams::form::{format_hours, Checked, DreamForm};
use tid_og_lyst_core::dreams::paper::read_aloud;
use tid_og_lyst_core::dreams::privacy::strip_dream;
use tid_og_lyst_core::dreams::share::{calendar, danish_date, planned_text, window_text};
use tid_og_lyst_core::dreams::steps::{self, Step};
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, DreamsOnly};
use tid_og_lyst_core::text::dates::parse_date;

/// `/droemme/:id`: one dream, its edit form at `?rediger=1`, with the
/// coordinator's tools unfolded at `?koordinator=1`.
#[component]
pub fn DreamPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let editing = Memo::new(move |_| query.with(|q| q.get("rediger").is_some()));
    let tools_first = query.with_untracked(|q| q.get("koordinator").is_some());
    let raw = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    view! {
        <section class=DREAM_PAGE>
            <BackToBoard/>
            {move || match RecordId::parse(&raw.get()) {
                Some(id) => view! { <DreamView id editing tools_first/> }.into_any(),
                None => view! { <Missing/> }.into_any(),
            }}
        </section>
    }
}

/// `/droemme/ny`: the coordinator's form for a new dream.
#[component]
pub fn NewDreamPage() -> impl IntoView {
    view! {
        <section class=DREAM_PAGE>
            <BackToBoard/>
            <NewDream/>
        </section>
    }
}

/// The form for a new dream.
#[component]
fn NewDream() -> impl IntoView {
    let state = use_app();
    let p = prefs::load();
    let initial =
        DreamForm { coord_name: p.coord_name.clone(), coord_contact: p.coord_contact.clone(), ..Default::default() };
    let navigate = use_navigate();
    let nav2 = navigate.clone();
    let on_save = Callback::new(move |c: Checked| {
        let mut p = prefs::load();
        p.coord_name = c.coordinator().name.clone();
        p.coord_contact = c.coordinator().contact.clone();
        prefs::save(&p);
        let a = act(state, &p.coord_name);
        let dream = c.into_new(&a, crate::ids::new_id());
        let id = dream.meta.id;
        state.data.update(|d| {
            d.dreams.insert(id, dream);
        });
        state.notify(NoticeKind::Info, t::SAVED);
        navigate(&to(&Route::Dream(id.to_string())), NavigateOptions::default());
    });
    let on_cancel = Callback::new(move |_| {
        nav2(&to(&Route::Dreams), NavigateOptions::default());
    });
    view! {
        <NewDreamHead/>
        <DreamFormView initial on_save on_cancel/>
    }
}

/// One stored dream, or its edit form (`?rediger=1`, in the coordinator's
/// bundle only: `editing` is never true in the runners').
#[component]
fn DreamView(
    /// The dream's id.
    id: RecordId,
    /// The address asks for the edit form.
    editing: Memo<bool>,
    /// The address asks for the coordinator's tools unfolded.
    tools_first: bool,
) -> impl IntoView {
    let state = use_app();
    let dream = Memo::new(move |_| state.data.with(|d| d.dreams.get(&id).filter(|x| !x.meta.deleted).cloned()));
    // The page is drawn again on every change of the dream; the
    // coordinator's tools stay unfolded through it (removing a claim and
    // then setting a date is one visit, not two).
    let tools_open = RwSignal::new(tools_first);
    move || match (dream.get(), editing.get()) {
        (None, _) => view! { <Missing/> }.into_any(),
        (Some(d), true) => view! { <EditDream dream=d/> }.into_any(),
        (Some(d), _) => view! { <Details dream=d tools_open/> }.into_any(),
    }
}

/// The edit form of a stored dream; saving or cancelling goes back to the
/// dream's page (in place of the form in the history).
#[component]
fn EditDream(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let state = use_app();
    let id = dream.meta.id;
    let who = coordinator_name(&dream);
    let navigate = use_navigate();
    let leave =
        move || navigate(&to(&Route::Dream(id.to_string())), NavigateOptions { replace: true, ..Default::default() });
    let leave2 = leave.clone();
    let on_save =
        Callback::new(move |c: Checked| match change_dream_with(state, id, &who, |d, a| steps::edit(d, a, c)) {
            Ok(done) => {
                leave();
                state.notify(NoticeKind::Info, done.to_string());
            }
            Err(e) => state.notify(NoticeKind::Error, e.to_string()),
        });
    let on_cancel = Callback::new(move |_| leave2());
    view! {
        <h1>{dream.title.clone()}</h1>
        <DreamFormView initial=DreamForm::from_dream(&dream) title=t::EDIT_TITLE on_save on_cancel/>
    }
}

fn coordinator_name(d: &Dream) -> String {
    let p = prefs::load();
    if !p.coord_name.trim().is_empty() {
        p.coord_name
    } else {
        d.coordinator.name.clone()
    }
}

/// The dream as everyone sees it.
#[component]
fn Details(
    /// The dream.
    dream: Dream,
    /// Whether the coordinator's tools are unfolded.
    tools_open: RwSignal<bool>,
) -> impl IntoView {
    let today = today();
    let status = dream.status();
    let items = badges(&dream, today);
    view! {
        <h1>{dream.title.clone()}</h1>
        <p class=format!("dream-status dream-status--{}", status.slug())>
            {format!("{}: {}", t::F_STATUS, status.label())}
        </p>
        <Badges items/>
        <ReadAloud text=read_aloud(&dream)/>
        <Flags dream=dream.clone()/>
        <div class="dream-layout">
            <div class="dream-main">
                <Facts dream=dream.clone()/>
                {(!dream.story.trim().is_empty()).then(|| view! { <p class="dream-story">{dream.story.clone()}</p> })}
                <Outcome dream=dream.clone()/>
                <Thanks dream=dream.clone()/>
                <Claims dream=dream.clone()/>
            </div>
            <div class="dream-side">
                <RunnerBox dream=dream.clone()/>
            </div>
        </div>
        <ShareBox dream=dream.clone()/>
        <Manage dream=dream.clone() open=tools_open/>
        <History dream/>
    }
}

/// Overbooked, expired and boundary notices, in words.
#[component]
fn Flags(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let mut v = Vec::new();
    if dream.is_overbooked() {
        v.push(t::overbooked(dream.claim_count(), dream.runners_needed));
    }
    if dream.is_expired(today()) {
        v.push(t::EXPIRED.to_string());
    }
    if dream.is_flagged() {
        v.push(t::flagged(&dream.boundaries_missing()));
    }
    v.into_iter()
        .map(|text| view! { <div class="notice notice--warning dream-flag"><p>{text}</p></div> })
        .collect_view()
}

/// The facts as a description list.
#[component]
fn Facts(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let who = match dream.dreamer_age {
        Some(a) if !dream.dreamer.is_empty() => format!("{} ({a} år)", dream.dreamer),
        _ => dream.dreamer.clone(),
    };
    let place = [dream.place.as_str(), dream.municipality.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let mut when = window_text(&dream);
    if !dream.times.is_empty() {
        let parts: Vec<&str> = dream.times.iter().map(|p| p.label()).collect();
        when = format!("{when} ({})", parts.join(", ").to_lowercase());
    }
    let planned = dream.planned_for().map(planned_text);
    let mut rows: Vec<(&str, String)> = vec![
        (t::WHO, who),
        (t::WHERE, place),
        (t::WHEN, when),
        (t::DURATION, t::hours(&format_hours(dream.duration_hours))),
        (t::F_CATEGORY, dream.category.label().to_string()),
        (t::RUNNERS, t::runners_of(dream.claim_count(), dream.runners_needed)),
    ];
    if let Some(r) = dream.reply_by {
        rows.push((t::F_REPLY_BY, danish_date(r)));
    }
    if let Some(p) = planned {
        rows.push((t::PLANNED, p));
    }
    if !dream.needs.is_empty() {
        rows.push((t::NEEDS, dream.needs.join(", ")));
    }
    if !dream.skills.is_empty() {
        rows.push((t::F_SKILLS, t::skills(&dream.skills)));
    }
    rows.push((t::CONTACT, format!("{}, {}", dream.coordinator.name, dream.coordinator.contact)));
    view! {
        <dl class="dream-facts">
            {rows
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                .collect_view()}
        </dl>
    }
}

/// "Sådan gik det" or the reason for cancelling.
#[component]
fn Outcome(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    match &dream.phase {
        Phase::Fulfilled { outcome, .. } if !outcome.is_empty() => Some(
            view! {
                <section class="dream-outcome"><h2>{t::OUTCOME_TITLE}</h2><p>{outcome.clone()}</p></section>
            }
            .into_any(),
        ),
        Phase::Cancelled { reason, .. } if !reason.is_empty() => Some(
            view! {
                <section class="dream-outcome"><h2>{t::CANCELLED_TITLE}</h2><p>{reason.clone()}</p></section>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// The dreamer's thank-you, for everyone; and when the private details went.
#[component]
fn Thanks(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let thanks = (!dream.thanks.trim().is_empty()).then(|| {
        view! { <section class="dream-outcome dream-thanks"><h2>{t::THANKS_TITLE}</h2><p>{dream.thanks.clone()}</p></section> }
    });
    let erased = dream.erased_at.map(|at| {
        view! { <p class="hint dream-erased">{t::erased(&danish_date(dates::to_local(at).date()))}</p> }
    });
    (thanks, erased)
}

/// The claim's state in words, with "(ringede)" and the answer to a moved time.
fn claim_label(dream: &Dream, c: &tid_og_lyst_core::dreams::dream::Claim) -> String {
    let Some(state) = dream.claim_state(c) else { return String::new() };
    let mut parts = vec![t::claim_state(&state)];
    if c.by_coordinator {
        parts.push(t::BY_PHONE.to_string());
    }
    if dream.must_reconfirm(c) {
        parts.push(t::NOT_ANSWERED.to_string());
    } else if state.holds_place()
        && dream.asked_again.as_ref().is_some_and(|a| c.still_ok.as_ref().is_some_and(|ok| ok >= a))
    {
        parts.push(t::ANSWERED.to_string());
    }
    parts.join(", ")
}

/// Who has taken it, and who waits in the reserve queue.
#[component]
fn Claims(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let row = |c: &&tid_og_lyst_core::dreams::dream::Claim| (c.name.clone(), c.contact.clone(), claim_label(&dream, c));
    let going: Vec<(String, String, String)> = dream.going().iter().map(row).collect();
    // The queue; a declined runner is told on their own device, not listed.
    let others: Vec<(String, String, String)> = dream.reserves().iter().map(row).collect();
    let list = |rows: Vec<(String, String, String)>| {
        view! {
            <ul class="claims">
                {rows.into_iter().map(|(n, c, s)| view! {
                    <li>
                        <strong>{n}</strong>{(!c.is_empty()).then(|| format!(" – {c}"))}
                        <span class="claim-state">{format!(" ({s})")}</span>
                    </li>
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <section class="dream-claims" aria-labelledby="claims-title">
            <h2 id="claims-title">{t::CLAIMS_TITLE}</h2>
            {if going.is_empty() { view! { <p>{t::NO_CLAIMS}</p> }.into_any() } else { list(going).into_any() }}
            {(!others.is_empty()).then(|| view! { <h3>{t::RESERVES_TITLE}</h3> {list(others)} })}
        </section>
    }
}

/// The runner's part: sign up (a place or the reserve queue), or their own
/// claim as it stands now.
#[component]
fn RunnerBox(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let mine = dream.claim_of(&use_app().device()).cloned();
    let state = mine.as_ref().and_then(|c| dream.claim_state(c));
    match (mine, state) {
        (Some(c), Some(ClaimState::Waiting | ClaimState::Confirmed)) => {
            view! { <MyClaim dream claim=c.meta.id/> }.into_any()
        }
        (Some(c), Some(s)) => view! { <MyQueue dream_id=dream.meta.id claim=c.meta.id state=s/> }.into_any(),
        _ => match dream.opening() {
            Opening::Place => view! { <ClaimForm id=dream.meta.id reserve=false/> }.into_any(),
            Opening::Reserve => view! { <ClaimForm id=dream.meta.id reserve=true/> }.into_any(),
            Opening::Closed => {
                view! { <section class="card dream-runner"><p>{t::NOT_CLAIMABLE}</p></section> }.into_any()
            }
        },
    }
}

/// "Jeg tager den" (or "Jeg vil gerne være reserve") with name and contact.
#[component]
fn ClaimForm(
    /// The dream's id.
    id: RecordId,
    /// The places are taken: sign up as a reserve.
    reserve: bool,
) -> impl IntoView {
    let state = use_app();
    let p = prefs::load();
    let name = RwSignal::new(p.name.clone());
    let contact = RwSignal::new(p.contact.clone());
    let (error, set_error) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        let c = contact.get_untracked().trim().to_string();
        let runner = Runner { name: n.clone(), contact: c.clone() };
        let claim = crate::ids::new_id();
        let step = if reserve { Step::Reserve { id: claim, runner } } else { Step::Claim { id: claim, runner } };
        match change_dream(state, id, &n, step) {
            Ok(done) => {
                let mut p = prefs::load();
                p.name = n;
                p.contact = c;
                prefs::save(&p);
                set_error.set(None);
                state.notify(NoticeKind::Info, done.to_string());
            }
            Err(e) => set_error.set(Some(e.to_string())),
        }
    };
    let (title, help, button) = if reserve {
        (t::RESERVE_TITLE, t::RESERVE_HELP, t::RESERVE)
    } else {
        (t::CLAIM_TITLE, t::CLAIM_HELP, t::CLAIM)
    };
    view! {
        <form class="card dream-runner" on:submit=submit aria-labelledby="claim-title">
            <h2 id="claim-title">{title}</h2>
            <p class="hint">{help}</p>
            <div class="field">
                <label for="cl-name">{t::F_RUNNER_NAME}</label>
                <input id="cl-name" type="text" autocomplete="name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="cl-contact">{t::F_RUNNER_CONTACT}</label>
                <input id="cl-contact" type="text" autocomplete="tel" prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
            </div>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
            <button type="submit" class="btn btn--primary">{button}</button>
        </form>
    }
}

/// The runner's claim outside the places: declined, in the queue, or
/// offered a freed place.
#[component]
fn MyQueue(
    /// The dream's id.
    dream_id: RecordId,
    /// My claim.
    claim: RecordId,
    /// Where it stands.
    state: ClaimState,
) -> impl IntoView {
    let app = use_app();
    let step = move |s: Step| match change_dream(app, dream_id, &prefs::load().name, s) {
        Ok(done) => app.notify(NoticeKind::Info, done.to_string()),
        Err(e) => app.notify(NoticeKind::Error, e.to_string()),
    };
    let leave = move |_| step(Step::Release(claim));
    let (text, offered) = match &state {
        ClaimState::Declined(reason) => (t::you_declined(reason), false),
        ClaimState::Reserve(n) => (t::you_reserve(*n), false),
        ClaimState::Offered => (t::YOU_OFFERED.to_string(), true),
        ClaimState::Waiting | ClaimState::Confirmed => (String::new(), false),
    };
    let declined = matches!(state, ClaimState::Declined(_));
    view! {
        <section class="card dream-runner" aria-labelledby="mine-claim-title">
            <h2 id="mine-claim-title">{text}</h2>
            <div class="actions">
                {offered.then(|| view! {
                    <button type="button" class="btn btn--primary" on:click=move |_| step(Step::TakePlace(claim))>{t::TAKE_PLACE}</button>
                })}
                {(!declined).then(|| view! { <button type="button" class="btn" on:click=leave>{t::LEAVE_QUEUE}</button> })}
            </div>
        </section>
    }
}

/// The runner has a place: waiting or confirmed, a moved time to answer,
/// "Slip igen", calendar, file for the coordinator.
#[component]
fn MyClaim(
    /// The dream.
    dream: Dream,
    /// My claim.
    claim: RecordId,
) -> impl IntoView {
    let state = use_app();
    let id = dream.meta.id;
    let (status, set_status) = signal(None::<String>);
    let step = move |s: Step| match change_dream(state, id, &prefs::load().name, s) {
        Ok(done) => state.notify(NoticeKind::Info, done.to_string()),
        Err(e) => state.notify(NoticeKind::Error, e.to_string()),
    };
    let release = move |_| step(Step::Release(claim));
    let mine = dream.claims.get(&claim);
    let waiting = mine.and_then(|c| dream.claim_state(c)) == Some(ClaimState::Waiting);
    let ask = mine
        .filter(|c| dream.must_reconfirm(c))
        .and_then(|_| dream.planned_for())
        .map(|p| t::moved_time(&planned_text(p)));
    let has_date = dream.planned_for().is_some();
    let cal_dream = dream.clone();
    let add_to_calendar = move |_| {
        if let Some(ics) = calendar(&cal_dream, now()) {
            let file = format!("droem-{}.ics", &cal_dream.meta.id.to_string()[..8]);
            if download_text(&file, "text/calendar;charset=utf-8", &ics) {
                set_status.set(Some(t::CALENDAR_SAVED.into()));
            }
        }
    };
    let to_coordinator = move |_| {
        let _ = export_checked::<DreamsOnly>(state, &for_coordinator(state, id), "droem-til-koordinatoren");
    };
    view! {
        <section class="card dream-runner" aria-labelledby="mine-claim-title">
            <h2 id="mine-claim-title">{if waiting { t::YOU_WAIT } else { t::YOU_HAVE_IT }}</h2>
            {ask.map(|q| view! {
                <div class="notice notice--warning dream-ask">
                    <p>{q}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--primary" on:click=move |_| step(Step::StillOk(claim))>{t::STILL_OK}</button>
                        <button type="button" class="btn btn--danger" on:click=move |_| step(Step::Release(claim))>{t::CANNOT}</button>
                    </div>
                </div>
            })}
            <div class="actions">
                {has_date.then(|| view! { <button type="button" class="btn btn--primary" on:click=add_to_calendar>{t::CALENDAR}</button> })}
                <button type="button" class="btn" on:click=to_coordinator>{t::EXPORT_FOR_COORD}</button>
                <button type="button" class="btn btn--danger" on:click=release>{t::RELEASE}</button>
            </div>
            {has_date.then(|| view! { <p class="hint">{t::CALENDAR_HELP}</p> })}
            <p role="status">{move || status.get()}</p>
            <ShareLink kinds=DreamsOnly what=Callback::new(move |()| for_coordinator(state, id)) title=t::EXPORT_FOR_COORD/>
        </section>
    }
}

/// The runner's copy of one dream for the coordinator (no private fields).
fn for_coordinator(state: AppState, id: RecordId) -> AppData {
    let mut data = AppData::default();
    state.data.with_untracked(|d| {
        if let Some(x) = d.dreams.get(&id) {
            data.dreams.insert(id, strip_dream(x));
        }
    });
    data
}

/// The coordinator's tools, folded away for runners.
#[component]
fn Manage(
    /// The dream.
    dream: Dream,
    /// Whether the tools are unfolded (kept by the page across changes).
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let id = dream.meta.id;
    let who = StoredValue::new(coordinator_name(&dream));
    let status = dream.status();
    let plan_date = RwSignal::new(dream.planned_for().map(|p| dates::iso(p.date)).unwrap_or_default());
    let plan_time = RwSignal::new(dream.planned_for().and_then(|p| p.time).map(dates::hm).unwrap_or_default());
    let outcome = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<String>);
    // Every button is one step of the core; an error is shown, never a false success.
    let step = move |s: Step| set_error.set(change_dream(state, id, &who.get_value(), s).err().map(|e| e.to_string()));
    let plan = move |_| {
        let Some(date) = parse_date(&plan_date.get_untracked()) else {
            set_error.set(Some(t::PLAN_NEEDS_DATE.into()));
            return;
        };
        let time = dates::parse_hm(plan_time.get_untracked().trim());
        step(Step::Plan(PlannedFor { date, time }));
    };
    let fulfil = move |_| step(Step::Fulfil(outcome.get_untracked()));
    let cancel = move |_| step(Step::Cancel(reason.get_untracked()));
    let reopen = move |_| step(Step::Reopen);
    let removable: Vec<(RecordId, String)> =
        dream.live_claims().into_iter().map(|c| (c.meta.id, c.name.clone())).collect();
    let active = matches!(status, Status::Open | Status::Taken | Status::Planned);
    let note = dream.private_note.as_ref().map(|n| n.text.clone()).filter(|n| !n.trim().is_empty());
    view! {
        <details
            class="card dream-manage"
            open=open.get_untracked()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
        >
            <summary>{t::MANAGE_TITLE}</summary>
            <div class="actions">
                <a class="btn" href=to(&Route::EditDream(id.to_string()))>{t::EDIT}</a>
            </div>
            {note.map(|n| view! { <section class="dream-private"><h3>{t::PRIVATE_TITLE}</h3><p>{n}</p></section> })}
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
            {active.then(|| view! { <Decisions dream=dream.clone() who/> <Phoned id who/> })}
            {(status == Status::Fulfilled).then(|| view! { <ThankForm id who thanks=dream.thanks.clone()/> })}
            {matches!(status, Status::Taken | Status::Planned).then(|| view! {
                <div class="form-row">
                    <div class="field">
                        <label for="mg-date">{t::F_PLAN_DATE}</label>
                        <input id="mg-date" type="date" prop:value=move || plan_date.get() on:input=move |ev| plan_date.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="mg-time">{t::F_PLAN_TIME}</label>
                        <input id="mg-time" type="time" prop:value=move || plan_time.get() on:input=move |ev| plan_time.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="button" class="btn btn--primary" on:click=plan>{t::PLAN}</button>
            })}
            {(status == Status::Planned).then(|| view! {
                <div class="field">
                    <label for="mg-outcome">{t::F_OUTCOME}</label>
                    <textarea id="mg-outcome" rows="3" prop:value=move || outcome.get() on:input=move |ev| outcome.set(event_target_value(&ev))></textarea>
                </div>
                <button type="button" class="btn btn--primary" on:click=fulfil>{t::FULFIL}</button>
            })}
            {(!removable.is_empty() && active).then(|| view! {
                <div class="actions">
                    {removable.into_iter().map(|(cid, name)| {
                        let release = move |_| step(Step::Release(cid));
                        view! { <button type="button" class="btn btn--small" on:click=release>{t::remove_claim(&name)}</button> }
                    }).collect_view()}
                </div>
            })}
            {active.then(|| view! {
                <div class="field">
                    <label for="mg-reason">{t::F_REASON}</label>
                    <input id="mg-reason" type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                </div>
                <button type="button" class="btn btn--danger" on:click=cancel>{t::CANCEL_DREAM}</button>
            })}
            {(status == Status::Cancelled).then(|| view! {
                <button type="button" class="btn" on:click=reopen>{t::REOPEN}</button>
            })}
        </details>
    }
}

/// The coordinator's yes or no to each waiting claim, with a short reason;
/// and how many have answered a moved time.
#[component]
fn Decisions(
    /// The dream.
    dream: Dream,
    /// The coordinator's name.
    who: StoredValue<String>,
) -> impl IntoView {
    let state = use_app();
    let id = dream.meta.id;
    let reason = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<String>);
    let step = move |s: Step| match change_dream(state, id, &who.get_value(), s) {
        Ok(done) => {
            set_error.set(None);
            reason.set(String::new());
            state.notify(NoticeKind::Info, done.to_string());
        }
        Err(e) => set_error.set(Some(e.to_string())),
    };
    let waiting: Vec<(RecordId, String)> = dream
        .live_claims()
        .into_iter()
        .filter(|c| dream.claim_state(c) == Some(ClaimState::Waiting))
        .map(|c| (c.meta.id, c.name.clone()))
        .collect();
    let going = dream.going();
    let asked = going.iter().filter(|c| dream.must_reconfirm(c)).count();
    let answers =
        (dream.asked_again.is_some() && !going.is_empty()).then(|| t::answered_of(going.len() - asked, going.len()));
    (!waiting.is_empty() || answers.is_some()).then(|| view! {
        <section class="dream-decisions" aria-labelledby="decide-title">
            <h3 id="decide-title">{t::DECIDE_TITLE}</h3>
            {answers.map(|a| view! { <p>{a}</p> })}
            {(!waiting.is_empty()).then(|| view! {
                <div class="field">
                    <label for="mg-decline">{t::F_DECLINE_REASON}</label>
                    <input id="mg-decline" type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                </div>
                <ul class="decisions">
                    {waiting.into_iter().map(|(cid, name)| view! {
                        <li class="actions">
                            <button type="button" class="btn btn--primary btn--small" on:click=move |_| step(Step::Confirm(cid))>{t::confirm_claim(&name)}</button>
                            <button type="button" class="btn btn--small" on:click=move |_| step(Step::Decline(cid, reason.get_untracked()))>{t::decline_claim(&name)}</button>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        </section>
    })
}

/// "Tilføj en drømmeløber, der har ringet".
#[component]
fn Phoned(
    /// The dream's id.
    id: RecordId,
    /// The coordinator's name.
    who: StoredValue<String>,
) -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let runner = Runner { name: name.get_untracked(), contact: contact.get_untracked() };
        match change_dream(state, id, &who.get_value(), Step::ClaimFor { id: crate::ids::new_id(), runner }) {
            Ok(done) => {
                set_error.set(None);
                state.notify(NoticeKind::Info, done.to_string());
            }
            Err(e) => set_error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="dream-phoned" on:submit=submit aria-labelledby="phoned-title">
            <h3 id="phoned-title">{t::PHONED_TITLE}</h3>
            <div class="form-row">
                <div class="field">
                    <label for="ph-name">{t::F_PHONED_NAME}</label>
                    <input id="ph-name" type="text" autocomplete="off" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="ph-contact">{t::F_PHONED_CONTACT}</label>
                    <input id="ph-contact" type="text" autocomplete="off" prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
                </div>
            </div>
            <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
            <button type="submit" class="btn">{t::PHONED_ADD}</button>
        </form>
    }
}

/// The dreamer's thank-you, after the dream.
#[component]
fn ThankForm(
    /// The dream's id.
    id: RecordId,
    /// The coordinator's name.
    who: StoredValue<String>,
    /// The thanks so far.
    thanks: String,
) -> impl IntoView {
    let state = use_app();
    let text = RwSignal::new(thanks);
    let (error, set_error) = signal(None::<String>);
    let save = move |_| match change_dream(state, id, &who.get_value(), Step::Thank(text.get_untracked())) {
        Ok(done) => {
            set_error.set(None);
            state.notify(NoticeKind::Info, done.to_string());
        }
        Err(e) => set_error.set(Some(e.to_string())),
    };
    view! {
        <div class="field">
            <label for="mg-thanks">{t::F_THANKS}</label>
            <p class="hint" id="mg-thanks-help">{t::THANKS_HELP}</p>
            <textarea id="mg-thanks" rows="3" aria-describedby="mg-thanks-help" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
        </div>
        <div role="alert">{move || error.get().map(|e| view! { <p class="error">{e}</p> })}</div>
        <button type="button" class="btn btn--primary" on:click=save>{t::THANK}</button>
    }
}

/// Every transition with time and who.
#[component]
fn History(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let name_of = |id: &RecordId| dream.claims.get(id).map(|c| c.name.clone());
    let rows: Vec<String> = dream
        .log
        .iter()
        .rev()
        .map(|e| {
            let claim_name = match &e.event {
                tid_og_lyst_core::dreams::dream::Event::Claimed { claim }
                | tid_og_lyst_core::dreams::dream::Event::Released { claim } => {
                    name_of(claim).filter(|n| n.trim() != e.who.trim())
                }
                _ => None,
            };
            format!("{} – {} {}", local_time(e.rev.at), e.who, t::event(&e.event, claim_name.as_deref()))
        })
        .collect();
    // A dream read from a file without its history has none to show.
    (!rows.is_empty()).then(|| {
        view! {
            <section class="dream-history" aria-labelledby="history-title">
                <h2 id="history-title">{t::HISTORY_TITLE}</h2>
                <ol>{rows.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ol>
            </section>
        }
    })
}
