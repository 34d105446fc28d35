//! `/droemme/opslag`: the dreams on paper. Without a query, every open
//! dream with its QR code on as few A4 pages as they fit (two to a row);
//! at `?droem=<id>`, that dream's own A4 sheet in big letters (the share
//! box's "Udskriv opslag"). What a sheet says is the core's
//! (`dreams::paper::sheet`: never the private note or a runner); each QR
//! code is a share link of the poster's copy (`paper::poster_copy`), made
//! and drawn by the links' codec (`ui::share`), which opens the dream's
//! import on a phone that has never seen it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::today;
use crate::router::use_query_map;
use crate::routes::Route;
use crate::state::use_app;
use crate::ui::link::to;
use crate::ui::share::{link_for, QrCode};
use tid_og_lyst_core::dreams::da as d;
use tid_og_lyst_core::dreams::da_report as t;
use tid_og_lyst_core::dreams::dream::Dream;
use tid_og_lyst_core::dreams::paper::{open_for_posters, poster_copy, sheet};
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, DreamsOnly};

/// The page: one dream's sheet at `?droem=<id>`, else every open dream.
#[component]
pub fn PostersPage() -> impl IntoView {
    let query = use_query_map();
    let one = Memo::new(move |_| query.with(|q| q.get("droem")));
    move || match one.get() {
        Some(raw) => view! { <OneSheet raw/> }.into_any(),
        None => view! { <AllOpen/> }.into_any(),
    }
}

fn print(_: leptos::ev::MouseEvent) {
    let _ = window().print();
}

/// One dream's A4 sheet.
#[component]
fn OneSheet(
    /// The dream's id as the address gives it.
    raw: String,
) -> impl IntoView {
    let state = use_app();
    let id = RecordId::parse(&raw);
    let dream = Memo::new(move |_| {
        id.and_then(|id| state.data.with(|d| d.dreams.get(&id).filter(|x| !x.meta.deleted).cloned()))
    });
    let back = match id {
        Some(id) => to(&Route::Dream(id.to_string())),
        None => to(&Route::Dreams),
    };
    view! {
        <section class="page dream-poster">
            <div class="dream-poster__tools no-print">
                <p><a class="back-link" href=back>{t::BACK_TO_DREAM}</a></p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" on:click=print>{t::PRINT}</button>
                </div>
            </div>
            {move || match dream.get() {
                None if !state.loaded.get() => view! { <h1>{d::TITLE}</h1><p>{t::LOADING}</p> }.into_any(),
                None => view! { <h1>{d::TITLE}</h1><p class="gone">{d::NOT_FOUND}</p> }.into_any(),
                Some(dream) => match poster_copy(&dream) {
                    Some(copy) => view! { <Sheet dream copy/> }.into_any(),
                    None => view! {
                        <h1>{dream.title.clone()}</h1>
                        <p class="notice notice--warning">{t::FLAGGED}</p>
                    }
                    .into_any(),
                },
            }}
        </section>
    }
}

/// The A4 sheet: title, how many runners are missing, the story, the facts
/// and the QR code.
#[component]
fn Sheet(
    /// The dream as stored here.
    dream: Dream,
    /// The copy the QR code carries.
    copy: Dream,
) -> impl IntoView {
    let s = sheet(&dream);
    view! {
        <article class="poster">
            <p class="poster__kicker">{t::KICKER}</p>
            <h1 class="poster__title">{s.title}</h1>
            <p class="poster__missing">{s.missing}</p>
            {(!s.story.is_empty()).then(|| view! { <p class="poster__story">{s.story.clone()}</p> })}
            <div class="poster__bottom">
                <dl class="poster__facts">
                    {s.facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                <div class="poster__scan">
                    <PosterQr copy/>
                    <p>{t::SCAN}</p>
                </div>
            </div>
            <p class="poster__footer">{t::FOOTER}</p>
        </article>
    }
}

/// The QR code of a share link of `copy`, once the codec has made it.
#[component]
fn PosterQr(
    /// The poster's copy of the dream.
    copy: Dream,
) -> impl IntoView {
    let state = use_app();
    let (made, set_made) = signal(None::<Result<String, String>>);
    let mut data = AppData::default();
    data.dreams.insert(copy.meta.id, copy);
    let device = state.device();
    spawn_local(async move {
        set_made.try_set(Some(link_for::<DreamsOnly>(data, &device).await));
    });
    move || match made.get() {
        None => view! { <p class="qr__making">{tid_og_lyst_core::da::share::QR_MAKING}</p> }.into_any(),
        Some(Ok(url)) => view! { <QrCode text=url/> }.into_any(),
        Some(Err(e)) => view! { <p class="notice notice--error">{e}</p> }.into_any(),
    }
}

/// Every open dream, each with its QR code.
#[component]
fn AllOpen() -> impl IntoView {
    let state = use_app();
    let today = today();
    let open = Memo::new(move |_| {
        state.data.with(|d| {
            let (open, held) = open_for_posters(d.dreams.values(), today);
            (open.into_iter().cloned().collect::<Vec<Dream>>(), held)
        })
    });
    view! {
        <section class="page dream-posters">
            <p class="no-print"><a class="back-link" href=to(&Route::Dreams)>{t::BACK_TO_BOARD}</a></p>
            <h1>{t::POSTERS_TITLE}</h1>
            <p class="lead">{t::POSTERS_INTRO}</p>
            <div class="actions no-print">
                <button type="button" class="btn btn--primary" on:click=print>{t::PRINT}</button>
            </div>
            {move || {
                let held = open.with(|(_, held)| *held);
                (held > 0).then(|| view! { <p class="notice notice--warning no-print">{t::posters_held(held)}</p> })
            }}
            <div class="dream-posters__print-head">
                <p class="dream-posters__head">{t::PRINT_HEAD}</p>
                <p>{t::PRINT_HELP}</p>
            </div>
            {move || {
                let (list, _) = open.get();
                if list.is_empty() {
                    view! { <p>{t::POSTERS_NONE}</p> }.into_any()
                } else {
                    view! {
                        <ul class="dream-posters__list">
                            {list.into_iter().map(|dream| view! { <PosterCard dream/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// One open dream on the list: title, what is missing, when, where, whom
/// to call, its QR code and a link to its own sheet.
#[component]
fn PosterCard(
    /// The dream.
    dream: Dream,
) -> impl IntoView {
    let s = sheet(&dream);
    let id = dream.meta.id.to_string();
    let facts: Vec<(&str, String)> =
        s.facts.into_iter().filter(|(k, _)| [d::WHEN, d::WHERE, d::F_REPLY_BY, d::CONTACT].contains(k)).collect();
    let title = s.title.clone();
    view! {
        <li class="poster-card">
            <div class="poster-card__text">
                <h2 class="poster-card__title">{s.title}</h2>
                <p class="poster-card__missing">{s.missing}</p>
                <dl class="poster-card__facts">
                    {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                <p class="no-print">
                    <a class="btn btn--small" href=to(&Route::DreamPosters(Some(id)))>
                        {t::ONE_SHEET}<span class="visually-hidden">{format!(": {title}")}</span>
                    </a>
                </p>
            </div>
            {poster_copy(&dream).map(|copy| view! { <div class="poster-card__qr"><PosterQr copy/></div> })}
        </li>
    }
}
