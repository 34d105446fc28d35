//! `/droemme`: the board first (a list on the phone, columns by status on
//! tablet and projector); above it one row of buttons that fold out "Hvornår
//! har du tid?", the filters (with "Passer til min tid") and "Mine drømme",
//! and beside the count a jump to the coordinator's counts, "Ny drøm" and
//! "Del med drømmeløberne" below the board. On wider screens the finder, "Mine drømme" and the filters start
//! unfolded.

use crate::router::use_navigate;
use crate::router::NavigateOptions;
use crate::routes::Route;
use crate::ui::later::Later;
use crate::ui::link::to;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::card::DreamCard;
use super::finder::Finder;
use super::prefs::{self, TimeAnswer};
use super::today;
use crate::features::data::export_checked;
use crate::state::use_app;
use crate::ui::layout::wide_screen;
use super::top::{BoardHead, EmptyBoard};
use crate::ui::share::ShareLink;
use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::dream::{counts, Category, Dream, Status};
use tid_og_lyst_core::dreams::matching::{
    fit, municipalities, passes, rank, sort_by_deadline, suits, why, Availability, Filter,
};
use tid_og_lyst_core::dreams::risk;
use tid_og_lyst_core::record::merge::live;
use tid_og_lyst_core::sync::data::DreamsOnly;
use tid_og_lyst_core::sync::share::share_with_runners;
use wasm_bindgen::JsCast;

/// The board page.
#[component]
pub fn DreamsPage() -> impl IntoView {
    let start = prefs::load().time;
    let avail = RwSignal::new(start.as_ref().map(TimeAnswer::availability));
    let fit_only = RwSignal::new(start.is_some());
    let filter = RwSignal::new(Filter::default());
    let wide = wide_screen();
    let finder_open = RwSignal::new(wide && start.is_none());
    let mine_open = RwSignal::new(wide);
    let filters_open = RwSignal::new(wide);
    // On a phone the form folds away after "Find drømme", so the dreams show.
    let on_done = Callback::new(move |()| {
        if !wide_screen() {
            finder_open.set(false);
        }
    });
    let state = use_app();
    let device = state.device();
    let mine = Memo::new(move |_| {
        state.data.with(|d| {
            let mut v: Vec<&Dream> = live(&d.dreams).filter(|x| x.claim_of(&device).is_some()).collect();
            sort_by_deadline(&mut v);
            v.into_iter().cloned().collect::<Vec<Dream>>()
        })
    });
    let empty = Memo::new(move |_| state.data.with(|d| live(&d.dreams).next().is_none()));
    let filters_on = move || {
        filter.with(|f| {
            [!f.municipality.is_empty(), f.category.is_some(), f.status.is_some(), fit_only.get()]
                .into_iter()
                .filter(|on| *on)
                .count()
        })
    };
    view! {
        <section class="page dreams-page">
            <BoardHead/>
            // An empty board says so first (on a first visit it is also in
            // the static first paint, so it shows before the wasm).
            <Show when=move || empty.get()>
                <EmptyBoard/>
            </Show>
            // A coordinator's link of dreams opens here.
            <crate::ui::import::FromLink kinds=DreamsOnly/>
            <div class="dreams-bar">
                <Toggle open=finder_open controls="dreams-finder" label=Signal::derive(|| t::FINDER_TITLE.to_string())/>
                <Toggle open=filters_open controls="dreams-filters" label=Signal::derive(move || t::filters_button(filters_on()))/>
                <Toggle
                    open=mine_open
                    controls="dreams-mine"
                    label=Signal::derive(move || t::mine_button(mine.with(Vec::len)))
                />
            </div>
            <div class="dreams-top">
                <div id="dreams-finder" hidden=move || !finder_open.get()>
                    <Later>
                        <Finder avail fit_only start=start.unwrap_or_default() on_done/>
                    </Later>
                </div>
                <div id="dreams-mine" hidden=move || !mine_open.get()>
                    <Mine mine/>
                </div>
            </div>
            <div id="dreams-filters" hidden=move || !filters_open.get()>
                <Filters filter fit_only/>
            </div>
            <Board avail fit_only filter/>
            <CoordinatorTools/>
        </section>
    }
}

/// Moves the focus (and the view) to the coordinator's tools below the board.
fn to_coord(_: leptos::ev::MouseEvent) {
    if let Some(el) = document().get_element_by_id("coord-title") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// A button that folds a part of the page out and in.
#[component]
fn Toggle(
    /// Whether the part is shown.
    open: RwSignal<bool>,
    /// The id of the part.
    controls: &'static str,
    /// The button's text (its accessible name).
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="btn btn--small filters-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || label.get()}
        </button>
    }
}

/// "Mine drømme": the dreams with a live claim made on this device.
#[component]
fn Mine(
    /// My dreams, soonest deadline first.
    mine: Memo<Vec<Dream>>,
) -> impl IntoView {
    let today = today();
    view! {
        <section class="card dreams-mine" aria-labelledby="mine-title">
            <h2 id="mine-title">{t::MINE_TITLE}</h2>
            {move || {
                let v = mine.get();
                if v.is_empty() {
                    view! { <p>{t::MINE_EMPTY}</p> }.into_any()
                } else {
                    view! {
                        <ul class="dream-list">
                            {v.into_iter().map(|d| view! { <li><DreamCard dream=d today/></li> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Kommune, kategori, status and "Passer til min tid".
#[component]
fn Filters(
    /// The list filters.
    filter: RwSignal<Filter>,
    /// Only dreams that fit my time.
    fit_only: RwSignal<bool>,
) -> impl IntoView {
    let state = use_app();
    let kommuner = Memo::new(move |_| state.data.with(|d| municipalities(d.dreams.values())));
    view! {
        <section class="dreams-filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{t::FILTERS}</h2>
            <div class="field">
                <label for="f-kommune">{t::F_MUNICIPALITY}</label>
                <select
                    id="f-kommune"
                    prop:value=move || filter.with(|f| f.municipality.clone())
                    on:change=move |ev| filter.update(|f| f.municipality = event_target_value(&ev))
                >
                    <option value="">{t::ALL}</option>
                    {move || kommuner.get().into_iter().map(|k| view! { <option value=k.clone()>{k.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-kategori">{t::F_CATEGORY}</label>
                <select
                    id="f-kategori"
                    on:change=move |ev| filter.update(|f| f.category = Category::from_slug(&event_target_value(&ev)))
                >
                    <option value="">{t::ALL}</option>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.slug()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="f-status">{t::F_STATUS}</label>
                <select
                    id="f-status"
                    on:change=move |ev| filter.update(|f| f.status = Status::from_slug(&event_target_value(&ev)))
                >
                    <option value="">{t::ALL}</option>
                    {Status::ALL.into_iter().map(|s| view! { <option value=s.slug()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || fit_only.get()
                    on:change=move |ev| fit_only.set(event_target_checked(&ev))
                />
                {t::FITS_MY_TIME}
            </label>
        </section>
    }
}

/// The dreams shown, per status column, soonest deadline first.
fn shown(dreams: &[Dream], filter: &Filter, fit_only: bool, avail: &Availability, today: NaiveDate) -> Vec<Dream> {
    let mut v: Vec<&Dream> =
        dreams.iter().filter(|d| passes(d, filter)).filter(|d| !fit_only || fit(d, avail, today).is_ok()).collect();
    if fit_only {
        rank(&mut v, avail);
    } else {
        sort_by_deadline(&mut v);
    }
    v.into_iter().cloned().collect()
}

/// The board: one column per status.
#[component]
fn Board(
    /// The runner's free time, once given.
    avail: RwSignal<Option<Availability>>,
    /// Only dreams that fit.
    fit_only: RwSignal<bool>,
    /// The list filters.
    filter: RwSignal<Filter>,
) -> impl IntoView {
    let state = use_app();
    let today = today();
    let list = Memo::new(move |_| {
        let all: Vec<Dream> = state.data.with(|d| live(&d.dreams).cloned().collect());
        let a = avail.get().unwrap_or_default();
        filter.with(|f| shown(&all, f, fit_only.get(), &a, today))
    });
    let columns = move || match filter.with(|f| f.status) {
        Some(s) => vec![s],
        None => vec![Status::Open, Status::Taken, Status::Planned, Status::Fulfilled],
    };
    view! {
        <div class="dreams-status">
            <p class="dreams-count" role="status">{move || t::count(list.with(Vec::len), fit_only.get())}</p>
            <button type="button" class="btn btn--small btn--ghost dreams-to-coord" on:click=to_coord>{t::TO_COORD}</button>
        </div>
        <section class="dream-board" aria-label=t::BOARD_TITLE>
            {move || {
                columns()
                    .into_iter()
                    .map(|s| {
                        let items: Vec<Dream> = list.with(|l| l.iter().filter(|d| d.status() == s).cloned().collect());
                        let id = format!("col-{}", s.slug());
                        let n = items.len();
                        view! {
                            <section class=format!("dream-column dream-column--{}", s.slug()) aria-labelledby=id.clone()>
                                <h2 id=id.clone()>{format!("{} ({n})", s.label())}</h2>
                                {if items.is_empty() {
                                    view! { <p class="dream-column__empty">{t::EMPTY_COLUMN}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="dream-list">
                                            {items.into_iter().map(|d| {
                                                let w = fit_only.get_untracked().then(|| avail.with_untracked(|a| a.as_ref().and_then(|a| why(&suits(&d, a))))).flatten();
                                                view! { <li><DreamCard dream=d today why=w/></li> }
                                            }).collect_view()}
                                        </ul>
                                    }
                                    .into_any()
                                }}
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}

/// Counts, "Ny drøm" and "Del med drømmeløberne".
#[component]
fn CoordinatorTools() -> impl IntoView {
    let state = use_app();
    let year = today().year();
    let c = Memo::new(move |_| state.data.with(|d| counts(d.dreams.values(), year)));
    let (message, set_message) = signal(None::<String>);
    let navigate = use_navigate();
    let new_dream = move |_| {
        navigate(&to(&Route::NewDream), NavigateOptions::default());
    };
    let share = move |_| {
        let (data, held) = state.data.with_untracked(|d| share_with_runners(&d.dreams));
        let n = data.dreams.len();
        match export_checked::<DreamsOnly>(state, &data, "droemme-til-droemmeloeberne") {
            Some(_) => set_message.set(Some(t::shared_runners(n, &held))),
            None => set_message.set(Some(t::SHARE_RUNNERS_FAILED.into())),
        }
    };
    view! {
        <section class="card dreams-coord" aria-labelledby="coord-title">
            <h2 id="coord-title" tabindex="-1">{t::COORD_TITLE}</h2>
            <h3>{t::counts_title(year)}</h3>
            <dl class="dream-counts">
                <div><dt>{Status::Open.label()}</dt><dd>{move || c.get().open}</dd></div>
                <div><dt>{Status::Taken.label()}</dt><dd>{move || c.get().taken}</dd></div>
                <div><dt>{Status::Planned.label()}</dt><dd>{move || c.get().planned}</dd></div>
                <div><dt>{Status::Fulfilled.label()}</dt><dd>{move || c.get().fulfilled}</dd></div>
            </dl>
            <super::report::CoordLinks/>
            <AtRisk/>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=new_dream>{t::NEW}</button>
                <button type="button" class="btn" on:click=share>{t::SHARE_RUNNERS}</button>
            </div>
            <p class="hint">{t::SHARE_RUNNERS_HELP}</p>
            <p role="status">{move || message.get()}</p>
            <ShareLink
                kinds=DreamsOnly
                what=Callback::new(move |()| state.data.with_untracked(|d| share_with_runners(&d.dreams).0))
                title=t::SHARE_RUNNERS
            />
        </section>
    }
}

/// "Drømme i fare": dreams short of runners with the deadline within a
/// week, or a runner who let go late; each links to its dream.
#[component]
fn AtRisk() -> impl IntoView {
    let state = use_app();
    let list = Memo::new(move |_| {
        let now = crate::state::now();
        state.data.with(|d| {
            risk::at_risk_list(live(&d.dreams), now)
                .into_iter()
                .map(|(x, r)| (x.meta.id, x.title.clone(), risk::explain(x, r)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="dreams-risk" aria-labelledby="risk-title">
            <h3 id="risk-title">{t::RISK_TITLE}</h3>
            {move || {
                let v = list.get();
                if v.is_empty() {
                    view! { <p>{t::RISK_NONE}</p> }.into_any()
                } else {
                    view! {
                        <ul class="risk-list">
                            {v.into_iter().map(|(id, title, why)| view! {
                                <li><a href=to(&Route::Dream(id.to_string()))>{title}</a>{format!(" – {why}")}</li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
