//! `/aktiviteter/:id`: one activity (also its printable flyer), with
//! favourites, "Føj til kalender", "Udskriv", "Læs op", edit and delete;
//! whether it is still confirmed ("Stadig aktuel", the badge after six
//! months) and "Meld en fejl" (a mail or SMS to its contact, composed by
//! the core); `?rediger=1` opens the form for it, and `/aktiviteter/ny` the
//! form for a new one.

use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_params_map, use_query_map};
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use crate::state::{now, use_app, NoticeKind};
use crate::ui::download::download_text;
use crate::ui::held::{self, Held};
use crate::ui::speech::ReadAloud;
use tid_og_lyst_core::activities::activity::{format_date, is_web_link, mail_link, phone_link, Activity};
use tid_og_lyst_core::activities::da::{self as t, report as tr, trust as tt};
use tid_og_lyst_core::activities::ics::{file_name, to_ics};
use tid_og_lyst_core::activities::report::{compose, recipients, Channel, ErrorReport, Problem, ReportError};
use tid_og_lyst_core::activities::schedule::format_occurrence;
use tid_og_lyst_core::activities::spoken::read_aloud;
use tid_og_lyst_core::activities::trust::{confirmation, still_current};
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::text::dates::today;

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
    // What the page shows, as a value: the page is drawn again only when
    // it changes (not when the records finish loading and the activity is
    // the same), so an open "Meld en fejl" or a form being filled stays.
    let shown = Memo::new(move |_| {
        let waiting = catalogue().with(|c| matches!(c, Catalogue::Loading)) || !state.loaded.get();
        match (activity.get(), waiting) {
            (Some(a), _) if editing.get() => Shown::Form(a),
            (Some(a), _) => Shown::Detail(a),
            (None, true) => Shown::Waiting,
            (None, false) => Shown::Missing,
        }
    });
    move || match shown.get() {
        Shown::Form(a) => view! { <ActivityForm existing=Some(a)/> }.into_any(),
        Shown::Detail(a) => view! { <Detail activity=a/> }.into_any(),
        // An example activity's static page drew its top before the
        // wasm: it stays until the catalogue is read (ui::held); not
        // where the form comes (a host serves that page for `?rediger=1` too).
        Shown::Waiting => match (!editing.get_untracked()).then(|| held::take(&id_text.get_untracked())).flatten() {
            Some(el) => view! { <Held el/> }.into_any(),
            None => view! { <section class="page"><p class="act-loading">{t::LOADING}</p></section> }.into_any(),
        },
        Shown::Missing => view! {
            <section class="page act-missing">
                <h1>{t::TITLE}</h1>
                <p>{t::NOT_FOUND}</p>
                <p><a href=to(&Route::Activities(vec![]))>{t::BACK}</a></p>
            </section>
        }
        .into_any(),
    }
}

/// What the activity's page shows.
#[derive(Clone, PartialEq)]
enum Shown {
    /// The form for the activity (`?rediger=1`).
    Form(Activity),
    /// The activity.
    Detail(Activity),
    /// Nothing found yet, while the catalogue or the records load.
    Waiting,
    /// Not found.
    Missing,
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
    let badge = confirmation(&a, today(now())).badge();
    let spoken = read_aloud(&a, next.as_ref());
    view! {
        <article class="page activity-detail">
            <super::top::ActivityHead activity=a.clone()/>
            <p class="activity-detail__next">
                {match next {
                    Some(o) => t::next_time(&format_occurrence(&o)),
                    None => a.schedule.describe(),
                }}
            </p>
            {badge.map(|b| view! { <p class="act-badge">{b}</p> })}
            <DetailActions activity=a.clone() spoken/>
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
                {a.updated.map(|d| view! { <dt>{t::UPDATED}</dt><dd>{format_date(d)}</dd> })}
                {a.confirmed.map(|d| view! { <dt>{tt::FACT}</dt><dd>{format_date(d)}</dd> })}
            </dl>
            <StillCurrent activity=a.clone()/>
            <ReportAnError activity=a.clone()/>
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

/// "Er oplysningerne rigtige?": when it was last confirmed, and "Stadig
/// aktuel", which confirms it today (the core's step).
#[component]
fn StillCurrent(
    /// The activity as shown.
    activity: Activity,
) -> impl IntoView {
    let state = use_app();
    let line = confirmation(&activity, today(now())).line();
    let confirm = move |_| {
        let day = today(now());
        match still_current(&activity, state.stamp(), day) {
            Ok(confirmed) => {
                state.data.update(|d| merge::insert(&mut d.activities, confirmed));
                state.notify(NoticeKind::Info, tt::confirmed(day));
            }
            Err(e) => state.notify(NoticeKind::Warning, e.to_string()),
        }
    };
    view! {
        <section class="card act-trust no-print" aria-labelledby="act-trust-title">
            <h2 id="act-trust-title">{tt::HEADING}</h2>
            <p class="act-trust__line">{line}</p>
            <p class="hint">{tt::ASK}</p>
            <button type="button" class="btn btn--primary" on:click=confirm>{tt::STILL_CURRENT}</button>
        </section>
    }
}

/// The page's own address, absolute (what a report links to).
fn page_url(a: &Activity) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", to(&Route::Activity(a.meta.id.to_string())))
}

/// "Meld en fejl": tick what is wrong, add a few words, and send it from
/// one's own mail or SMS app (the links the core composes; nothing is
/// sent by the app, so it works offline).
#[component]
fn ReportAnError(
    /// The activity as shown.
    activity: Activity,
) -> impl IntoView {
    let ticked = RwSignal::new(Vec::<Problem>::new());
    let note = RwSignal::new(String::new());
    let no_contact = recipients(&activity).is_err();
    let url = page_url(&activity);
    let result = Memo::new(move |_| {
        let report = ErrorReport { problems: ticked.get(), note: note.get() };
        compose(&activity, &report, &url)
    });
    let boxes = Problem::ALL
        .into_iter()
        .map(|p| {
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || ticked.with(|t| t.contains(&p))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ticked.update(|t| {
                                t.retain(|x| *x != p);
                                if on {
                                    t.push(p);
                                }
                            });
                        }
                    />
                    {p.label()}
                </label>
            }
        })
        .collect_view();
    let links = move || match result.get() {
        Ok(messages) => view! {
            <ul class="act-report__send">
                {messages
                    .into_iter()
                    .map(|m| {
                        let label = match m.channel {
                            Channel::Mail => tr::by_mail(&m.to),
                            Channel::Sms => tr::by_sms(&m.to),
                        };
                        view! { <li><a class="btn btn--primary" href=m.href>{label}</a></li> }
                    })
                    .collect_view()}
            </ul>
            <p class="hint">{tr::HINT}</p>
        }
        .into_any(),
        Err(ReportError::NothingToSay) => view! { <p class="hint">{tr::ERR_NOTHING}</p> }.into_any(),
        Err(e) => view! { <p class="notice notice--error">{e.to_string()}</p> }.into_any(),
    };
    view! {
        <details class="card act-report no-print">
            <summary>{tr::TITLE}</summary>
            {if no_contact {
                view! { <p class="notice notice--warning">{tr::ERR_NO_CONTACT}</p> }.into_any()
            } else {
                view! {
                    <p>{tr::ASK}</p>
                    <fieldset class="checks">
                        <legend>{tr::TITLE}</legend>
                        {boxes}
                    </fieldset>
                    <div class="field">
                        <label for="act-report-note">{tr::NOTE}</label>
                        <textarea id="act-report-note" rows="3" on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    </div>
                    <div aria-live="polite">{links}</div>
                }
                .into_any()
            }}
        </details>
    }
}

#[component]
fn DetailActions(
    /// The activity.
    activity: Activity,
    /// What "Læs op" reads.
    spoken: String,
) -> impl IntoView {
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
            <ReadAloud text=spoken/>
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
