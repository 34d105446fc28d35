//! `/aktiviteter/:id`: one activity (also its printable flyer), with
//! favourites, "Føj til kalender", "Udskriv", edit and delete; `?rediger=1`
//! opens the form for it, and `/aktiviteter/ny` the form for a new one.

use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_params_map, use_query_map};
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use crate::state::{now, use_app, NoticeKind};
use crate::ui::download::download_text;
use crate::ui::held::{self, Held};
use tid_og_lyst_core::activities::activity::{is_web_link, mail_link, phone_link, Activity};
use tid_og_lyst_core::activities::da as t;
use tid_og_lyst_core::activities::ics::{file_name, to_ics};
use tid_og_lyst_core::activities::schedule::format_occurrence;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::RecordId;

use super::catalogue::{catalogue, find, Catalogue};
use super::favourites::{favourites, toggle};
use super::form::ActivityForm;

/// `/aktiviteter/:id`: one activity, or its form at `?rediger=1`.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let state = use_app();
    // The catalogue is fetched (and read) at its first use: the new
    // activity's form, which does not show it, never asks for it.
    let id_text = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let editing = Memo::new(move |_| query.with(|q| q.get("rediger").is_some()));
    let activity = Memo::new(move |_| {
        let id = RecordId::parse(&id_text.get())?;
        catalogue().with(|c| state.data.with(|d| find(c, &d.activities, id)))
    });
    move || {
        match (activity.get(), catalogue().with(|c| matches!(c, Catalogue::Loading)) || !state.loaded.get()) {
            (Some(a), _) if editing.get() => view! { <ActivityForm existing=Some(a)/> }.into_any(),
            (Some(a), _) => view! { <Detail activity=a/> }.into_any(),
            // An example activity's static page drew its top before the
            // wasm: it stays until the catalogue is read (ui::held); not
            // where the form comes (a host serves that page for `?rediger=1` too).
            (None, true) => match (!editing.get()).then(|| held::take(&id_text.get_untracked())).flatten() {
                Some(el) => view! { <Held el/> }.into_any(),
                None => view! { <section class="page"><p class="act-loading">{t::LOADING}</p></section> }.into_any(),
            },
            (None, false) => view! {
                <section class="page act-missing">
                    <h1>{t::TITLE}</h1>
                    <p>{t::NOT_FOUND}</p>
                    <p><a href=to(&Route::Activities(vec![]))>{t::BACK}</a></p>
                </section>
            }
            .into_any(),
        }
    }
}

/// `/aktiviteter/ny`: the form for a new activity.
#[component]
pub fn NewActivityPage() -> impl IntoView {
    view! { <ActivityForm existing=None/> }
}

#[component]
fn Detail(activity: Activity) -> impl IntoView {
    let a = activity;
    let next = a.schedule.next_occurrence(now());
    let place_link = to(&Route::activities_at(&a.place()));
    view! {
        <article class="page activity-detail">
            <p class="no-print"><a href=to(&Route::Activities(vec![]))>{t::BACK}</a></p>
            <p class="activity-detail__category">{a.category.label()}</p>
            <h1>{a.title.clone()}</h1>
            {a.example.then(|| view! { <p class="notice example-notice">{t::EXAMPLE_NOTICE}</p> })}
            {(!a.organizer.is_empty()).then(|| view! { <p class="lead">{a.organizer.clone()}</p> })}
            <p class="activity-detail__next">
                {match next {
                    Some(o) => t::next_time(&format_occurrence(&o)),
                    None => a.schedule.describe(),
                }}
            </p>
            <DetailActions activity=a.clone()/>
            {(!a.description.is_empty()).then(|| view! { <p class="activity-detail__text">{a.description.clone()}</p> })}
            <dl class="activity-facts">
                <dt>{t::WHEN}</dt>
                <dd>{a.schedule.describe()}</dd>
                <dt>{t::WHERE}</dt>
                <dd>{a.place()}" ("{a.municipality.clone()}" Kommune)"</dd>
                <dt>{t::PRICE}</dt>
                <dd>{a.price_dkk.filter(|p| *p > 0.0).map(t::price).unwrap_or_else(|| t::FREE.into())}</dd>
                {(!a.audience.is_empty()).then(|| view! { <dt>{t::AUDIENCE}</dt><dd>{a.audience.join(", ")}</dd> })}
                <Access activity=a.clone()/>
                <Contact activity=a.clone()/>
                {(!a.source.is_empty()).then(|| view! { <dt>{t::SOURCE}</dt><dd>{a.source.clone()}</dd> })}
                {a.updated.map(|d| view! { <dt>{t::UPDATED}</dt><dd>{tid_og_lyst_core::activities::activity::format_date(d)}</dd> })}
            </dl>
            <p class="no-print"><a href=place_link>{t::WEEK_LINK}</a></p>
            <p class="flyer-footer">{t::FLYER_FOOTER}</p>
        </article>
    }
}

#[component]
fn Access(activity: Activity) -> impl IntoView {
    let a = activity;
    let mut items = Vec::new();
    if a.access.wheelchair {
        items.push(t::A_WHEELCHAIR);
    }
    if a.access.transport {
        items.push(t::A_TRANSPORT);
    }
    if a.access.companion {
        items.push(t::A_COMPANION);
    }
    if a.drop_in {
        items.push(t::DROP_IN);
    }
    (!items.is_empty()).then(|| view! { <dt>{t::ACCESS}</dt><dd>{items.join(". ")}</dd> })
}

#[component]
fn Contact(activity: Activity) -> impl IntoView {
    let c = activity.contact;
    let empty = c.name.is_empty() && c.phone.is_empty() && c.email.is_empty() && c.web.is_empty();
    (!empty).then(|| {
        view! {
            <dt>{t::CONTACT}</dt>
            <dd class="activity-contact">
                {(!c.name.is_empty()).then(|| view! { <span>{c.name.clone()}</span> })}
                {phone_link(&c.phone).map(|l| view! { <a href=l>{c.phone.clone()}</a> })}
                {mail_link(&c.email).map(|l| view! { <a href=l>{c.email.clone()}</a> })}
                {is_web_link(&c.web).then(|| view! { <a href=c.web.trim().to_string() rel="noopener noreferrer">{c.web.clone()}</a> })}
            </dd>
        }
    })
}

#[component]
fn DetailActions(activity: Activity) -> impl IntoView {
    let state = use_app();
    let favs = favourites();
    let id = activity.meta.id;
    let has_times = activity.schedule.times().is_some();
    let for_calendar = activity.clone();
    let calendar = move |_| match to_ics(&for_calendar, now()) {
        Some(ics) => {
            download_text(&file_name(&for_calendar), "text/calendar;charset=utf-8", &ics);
            state.notify(NoticeKind::Info, t::CALENDAR_DONE);
        }
        None => state.notify(NoticeKind::Warning, t::CALENDAR_NONE),
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let for_delete = activity.clone();
    let delete = move |_| {
        let mut gone = for_delete.clone();
        gone.meta.rev = state.stamp();
        gone.meta.deleted = true;
        state.data.update(|d| merge::insert(&mut d.activities, gone));
        state.notify(NoticeKind::Info, t::DELETED);
        navigate(&to(&Route::Activities(vec![])), NavigateOptions::default());
    };
    let edit_link = to(&Route::EditActivity(id.to_string()));
    view! {
        <div class="actions activity-actions">
            {if has_times {
                view! { <button type="button" class="btn btn--primary" on:click=calendar>{t::CALENDAR}</button> }.into_any()
            } else {
                view! { <p class="hint">{t::CALENDAR_NONE}</p> }.into_any()
            }}
            <button
                type="button"
                class="btn"
                aria-pressed=move || if favs.with(|f| f.contains(&id)) { "true" } else { "false" }
                on:click=move |_| toggle(id)
            >
                {t::FAV_ADD}
            </button>
            <button type="button" class="btn" on:click=print>{t::PRINT}</button>
            <a class="btn" href=edit_link>{t::EDIT}</a>
            <button type="button" class="btn btn--danger" on:click=move |_| confirming.set(true)>{t::DELETE}</button>
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm no-print" role="alert">
                <p>{t::DELETE_CONFIRM}</p>
                <div class="actions">
                    <button type="button" class="btn btn--danger" on:click=delete.clone()>{t::DELETE}</button>
                    <button type="button" class="btn" on:click=move |_| confirming.set(false)>{t::CANCEL}</button>
                </div>
            </div>
        </Show>
    }
}
