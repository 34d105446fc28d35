//! `/aktiviteter`: search as you type and filters, all kept in the URL query
//! (so a view survives reload and can be shared), the live result count, one
//! page of results at a time ("Vis flere"), the week programme of a place,
//! and the way to the lists page (CSV in and out, share links).

use crate::router::NavigateOptions;
use crate::router::{use_navigate, use_query_map};
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;
use tid_og_lyst_core::text::upper_first;

use chrono::NaiveDate;
use std::collections::HashSet;
use tid_og_lyst_core::activities::da as t;
use tid_og_lyst_core::activities::directory::{daypart_from, daypart_key, refines, Entry, Filters, When};

use crate::state::now;
use crate::ui::later::Later;
use super::top::DirectoryHead;
use crate::ui::layout::wide_screen;
use tid_og_lyst_core::activities::schedule::{format_occurrence, weekday_name};
use tid_og_lyst_core::activities::trust::confirmation;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::text::dates::today;
use tid_og_lyst_core::text::join_present;

use super::catalogue::{catalogue, use_building, use_entries, Catalogue};
use super::favourites::favourites;
use super::week::WeekProgramme;

/// Results rendered per page (a phone shows three or four at a time; a
/// small page keeps the work per keystroke small).
const PAGE: usize = 20;

/// The directory address for these filters ("?q=…&kommune=…").
pub fn route(f: &Filters) -> Route {
    Route::Activities(pairs(f))
}

/// The filters as the address's query pairs.
pub(super) fn pairs(f: &Filters) -> Vec<(String, String)> {
    f.to_query().into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The filters in the address's query.
pub(super) fn filters_of_url() -> Memo<Filters> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| Filters::from_query(|k| q.get(k))))
}

/// The line with the number of activities `n` (in words by `say`), empty
/// while the list is still being fetched or made ready and none are found
/// yet (the line under it says so instead).
pub(super) fn count_of(waiting: bool, n: usize, say: fn(usize) -> String) -> String {
    if waiting && n == 0 {
        String::new()
    } else {
        say(n)
    }
}

/// The filters from the URL, a way to change them (replacing the history
/// entry, so typing does not fill the back button), and a way to set the
/// search text. What is typed is used at once; the URL follows 300 ms after
/// the last keystroke, so a keystroke costs no navigation.
fn use_filters() -> (Memo<Filters>, Callback<Filters>, Callback<String>) {
    let from_url = filters_of_url();
    let typed = RwSignal::new(None::<String>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let filters = Memo::new(move |_| {
        let mut f = from_url.get();
        if let Some(q) = typed.get() {
            f.q = q;
        }
        f
    });
    // When nothing is waiting to be written, the URL decides (also after
    // the back button).
    Effect::watch(
        move || from_url.with(|f| f.q.clone()),
        move |_, _, _| {
            if pending.with_value(Option::is_none) {
                typed.set(None);
            }
        },
        false,
    );
    let navigate = use_navigate();
    let go = move |f: &Filters| {
        let path = to(&route(f));
        navigate(&path, NavigateOptions { replace: true, scroll: false });
    };
    let cancel = move || {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    // Leaving the page drops a URL update still waiting.
    on_cleanup(cancel);
    let set = Callback::new({
        let go = go.clone();
        move |f: Filters| {
            cancel();
            go(&f);
        }
    });
    let search = Callback::new(move |q: String| {
        cancel();
        typed.set(Some(q));
        let go = go.clone();
        let handle = set_timeout_with_handle(
            move || {
                pending.try_set_value(None);
                // The page may have been left meanwhile.
                if let Some(f) = filters.try_get_untracked() {
                    go(&f);
                }
            },
            std::time::Duration::from_millis(300),
        )
        .ok();
        pending.set_value(handle);
    });
    (filters, set, search)
}

/// The list page.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let (filters, set_filters, search) = use_filters();
    let entries = use_entries();
    let favs = favourites();
    let now_ms = now();
    // While the search only grows, narrow the last result instead of
    // scanning the whole directory again.
    let last = StoredValue::new(None::<(Filters, usize, HashSet<RecordId>)>);
    let matches = Memo::new(move |prev: Option<&Vec<u32>>| {
        entries.with(|e| {
            filters.with(|f| {
                favs.with(|fv| {
                    let key = (f.clone(), std::sync::Arc::as_ptr(&e.0) as usize, fv.clone());
                    let narrow = last.with_value(|l| {
                        l.as_ref().is_some_and(|(lf, lp, lv)| *lp == key.1 && *lv == key.2 && refines(lf, f))
                    });
                    let within = prev.filter(|_| narrow).map(Vec::as_slice);
                    let out = e.0.search(f, now_ms, fv, within);
                    last.set_value(Some(key));
                    out
                })
            })
        })
    });
    let shown = RwSignal::new(PAGE);
    // A new search starts again at the first page.
    Effect::watch(move || filters.get(), move |_, _, _| shown.set(PAGE), false);
    // No "0 aktiviteter" while the list is still being fetched or made
    // ready: the line under it says so instead.
    let building = use_building();
    let count = move || {
        let waiting = building.get() || matches!(catalogue().get(), Catalogue::Loading);
        count_of(waiting, matches.with(Vec::len), t::count)
    };
    let has_place = move || filters.with(|f| !f.place.is_empty());
    view! {
        <section class="page activities" class:activities--week=has_place>
            <AddButton/>
            <Show when=has_place>
                <WeekProgramme place=Signal::derive(move || filters.with(|f| f.place.clone())) entries=entries/>
            </Show>
            <Later>
                <Finder filters=filters set_filters=set_filters search=search/>
            </Later>
            <p role="status" aria-live="polite" class="result-count">{count}</p>
            <Later>
                <LoadState/>
                <Results matches=matches shown=shown/>
                <div class="act-about">
                    <p class="lead">{t::INTRO}</p>
                    <p class="notice example-notice no-print">{t::EXAMPLE_NOTICE}</p>
                </div>
                <ListsLink filters=filters/>
            </Later>
        </section>
    }
}

/// The way to the lists page, with the search shown: it exports, shares
/// and imports there (a bundle of its own, so the reader's bundle carries
/// no CSV, share link or QR code).
#[component]
fn ListsLink(
    /// The search the list shows.
    filters: Memo<Filters>,
) -> impl IntoView {
    let href = move || to(&Route::ActivityLists(filters.with(pairs)));
    view! {
        <section class="card act-lists-link no-print" aria-labelledby="act-lists-title">
            <h2 id="act-lists-title">{t::LISTS}</h2>
            <p>{t::LISTS_HINT}</p>
            <p><a class="btn" href=href>{t::OPEN_LISTS}</a></p>
        </section>
    }
}

#[component]
fn AddButton() -> impl IntoView {
    let navigate = use_navigate();
    let add = move |()| {
        navigate(&to(&Route::NewActivity), NavigateOptions::default());
    };
    view! { <DirectoryHead on_add=Callback::new(add)/> }
}

#[component]
fn LoadState() -> impl IntoView {
    let cat = catalogue();
    let building = use_building();
    let entries = use_entries();
    // A first directory still being prepared holds the results' place.
    let preparing = move || building.get() && entries.with(|e| e.0.is_empty());
    move || match cat.get() {
        Catalogue::Loading => Some(view! { <p class="act-loading">{t::LOADING}</p> }.into_any()),
        _ if preparing() => Some(view! { <p class="act-loading">{t::PREPARING}</p> }.into_any()),
        Catalogue::Failed => Some(view! { <p class="notice notice--warning">{t::LOAD_FAILED}</p> }.into_any()),
        Catalogue::Ready(_) => None,
    }
}

/// How many filters besides the search text are on (shown on "Filtre").
fn filters_on(f: &Filters) -> usize {
    [
        !f.municipality.is_empty(),
        !f.category.is_empty(),
        f.weekday.is_some(),
        f.daypart.is_some(),
        f.free,
        f.wheelchair,
        f.transport,
        f.confirmed,
        f.when.is_some(),
        f.mine,
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
}

/// The search field, "Filtre (n)" with "Nulstil" beside it, and the filters
/// it folds out (folded on phones so the results come first, unfolded on
/// wider screens).
#[component]
fn Finder(filters: Memo<Filters>, set_filters: Callback<Filters>, search: Callback<String>) -> impl IntoView {
    let open = RwSignal::new(wide_screen());
    // The field shows the search of the URL (on opening, after "Nulstil" or
    // the back button); what is typed is already in it, and writing it back
    // would cost the browser a layout on every keystroke.
    let field = NodeRef::<leptos::html::Input>::new();
    // Memos, so a keystroke (which changes only the search text) leaves
    // the buttons alone.
    let on_count = Memo::new(move |_| filters.with(filters_on));
    let nothing_on = Memo::new(move |_| filters.with(Filters::is_empty));
    let rest = without_search(filters);
    Effect::new(move |_| {
        let q = filters.with(|f| f.q.clone());
        if let Some(el) = field.get() {
            if el.value() != q {
                el.set_value(&q);
            }
        }
    });
    view! {
        <div class="act-finder no-print" role="search">
            <div class="field act-search">
                <label for="act-search">{t::SEARCH}</label>
                <input
                    id="act-search"
                    type="search"
                    autocomplete="off"
                    placeholder=t::SEARCH_HINT
                    node_ref=field
                    on:input=move |ev| search.run(event_target_value(&ev))
                />
            </div>
            <div class="act-bar">
                <button
                    type="button"
                    class="btn btn--small filters-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="act-more"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || t::filters_button(on_count.get())}
                </button>
                <button
                    type="button"
                    class="btn btn--small btn--ghost"
                    on:click=move |_| set_filters.run(Filters::default())
                    disabled=move || nothing_on.get()
                >
                    {t::RESET}
                </button>
            </div>
            <div id="act-more" class="act-more" hidden=move || !open.get()>
                <Later>
                    <MoreFilters filters=filters rest=rest set_filters=set_filters/>
                </Later>
            </div>
        </div>
    }
}

/// The filters without the search text: what the filter controls show, so
/// a keystroke does not set them all again.
fn without_search(filters: Memo<Filters>) -> Memo<Filters> {
    Memo::new(move |_| filters.with(|f| Filters { q: String::new(), ..f.clone() }))
}

/// Kommune, kategori, ugedag, tid på dagen, the checkboxes and the quick
/// filters: what "Filtre" folds out.
#[component]
fn MoreFilters(filters: Memo<Filters>, rest: Memo<Filters>, set_filters: Callback<Filters>) -> impl IntoView {
    let change = move |edit: fn(&mut Filters, String), v: String| {
        let mut f = filters.get_untracked();
        edit(&mut f, v);
        set_filters.run(f);
    };
    view! {
        <div class="act-filters">
            <MunicipalitySelect filters=filters rest=rest set_filters=set_filters/>
            <div class="field">
                <label for="act-category">{t::F_CATEGORY}</label>
                <select
                    id="act-category"
                    prop:value=move || rest.with(|f| f.category.clone())
                    on:change=move |ev| change(|f, v| f.category = v, event_target_value(&ev))
                >
                    <option value="">{t::ALL}</option>
                    {t::CATEGORIES.iter().map(|(k, n)| view! { <option value=*k>{*n}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="act-weekday">{t::F_WEEKDAY}</label>
                <select
                    id="act-weekday"
                    prop:value=move || rest.with(|f| f.weekday.map(|d| weekday_name(d).to_string()).unwrap_or_default())
                    on:change=move |ev| change(|f, v| f.weekday = tid_og_lyst_core::activities::activity::parse_weekday(&v), event_target_value(&ev))
                >
                    <option value="">{t::ALL}</option>
                    {t::WEEKDAYS.iter().map(|d| view! { <option value=*d>{upper_first(d)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="act-daypart">{t::F_DAYPART}</label>
                <select
                    id="act-daypart"
                    prop:value=move || rest.with(|f| f.daypart.map(|p| daypart_key(p).to_string()).unwrap_or_default())
                    on:change=move |ev| change(|f, v| f.daypart = daypart_from(&v), event_target_value(&ev))
                >
                    <option value="">{t::ALL}</option>
                    {t::DAYPARTS.iter().map(|(k, n)| view! { <option value=*k>{*n}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <FlagFilters filters=filters rest=rest set_filters=set_filters/>
    }
}

#[component]
fn MunicipalitySelect(filters: Memo<Filters>, rest: Memo<Filters>, set_filters: Callback<Filters>) -> impl IntoView {
    let entries = use_entries();
    // The municipalities that have activities (once per directory), plus
    // the chosen one.
    let present = Memo::new(move |_| {
        entries.with(|e| {
            let mut seen = std::collections::BTreeSet::<&str>::new();
            for x in e.0.iter() {
                seen.insert(x.activity.municipality.as_str());
            }
            seen.into_iter().map(str::to_string).collect::<Vec<_>>()
        })
    });
    let chosen = Memo::new(move |_| rest.with(|f| f.municipality.clone()));
    let options = Memo::new(move |_| {
        let mut list = present.get();
        chosen.with(|c| {
            if !c.is_empty() && !list.contains(c) {
                list.push(c.clone());
            }
        });
        // Danish order: æ, ø, å after z.
        list.sort_by_cached_key(|m| {
            m.to_lowercase().replace("aa", "å").replace('æ', "{").replace('ø', "|").replace('å', "}")
        });
        list
    });
    view! {
        <div class="field">
            <label for="act-municipality">{t::F_MUNICIPALITY}</label>
            <select
                id="act-municipality"
                prop:value=move || rest.with(|f| f.municipality.clone())
                on:change=move |ev| {
                    let mut f = filters.get_untracked();
                    f.municipality = event_target_value(&ev);
                    set_filters.run(f);
                }
            >
                <option value="">{t::ALL}</option>
                <For each=move || options.get() key=|m| m.clone() let:m>
                    <option value=m.clone() selected=move || chosen.with(|c| *c == m)>{m.clone()}</option>
                </For>
            </select>
        </div>
    }
}

#[component]
fn FlagFilters(filters: Memo<Filters>, rest: Memo<Filters>, set_filters: Callback<Filters>) -> impl IntoView {
    let check = move |label: &'static str, get: fn(&Filters) -> bool, set: fn(&mut Filters, bool)| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || rest.with(get)
                    on:change=move |ev| {
                        let mut f = filters.get_untracked();
                        set(&mut f, event_target_checked(&ev));
                        set_filters.run(f);
                    }
                />
                {label}
            </label>
        }
    };
    let quick = move |label: &'static str, get: fn(&Filters) -> bool, set: fn(&mut Filters)| {
        view! {
            <button
                type="button"
                class="btn btn--small"
                aria-pressed=move || if rest.with(get) { "true" } else { "false" }
                on:click=move |_| {
                    let mut f = filters.get_untracked();
                    set(&mut f);
                    set_filters.run(f);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="act-flags">
            {check(t::F_FREE, |f| f.free, |f, v| f.free = v)}
            {check(t::F_WHEELCHAIR, |f| f.wheelchair, |f, v| f.wheelchair = v)}
            {check(t::F_TRANSPORT, |f| f.transport, |f, v| f.transport = v)}
            {check(t::trust::FILTER, |f| f.confirmed, |f, v| f.confirmed = v)}
        </div>
        <div class="act-quick">
            {quick(t::Q_TODAY, |f| f.when == Some(When::Today), |f| {
                f.when = if f.when == Some(When::Today) { None } else { Some(When::Today) }
            })}
            {quick(t::Q_WEEK, |f| f.when == Some(When::ThisWeek), |f| {
                f.when = if f.when == Some(When::ThisWeek) { None } else { Some(When::ThisWeek) }
            })}
            {quick(t::Q_MINE, |f| f.mine, |f| f.mine = !f.mine)}
        </div>
    }
}

/// What one result card shows.
#[derive(Clone, Default, PartialEq)]
struct Card {
    link: String,
    title: String,
    next: String,
    /// "Kategori · By, Kommune".
    place: String,
    tags: Vec<&'static str>,
    price: Option<String>,
    fav: bool,
    /// "Ikke bekræftet siden …" or "Aldrig bekræftet".
    badge: Option<String>,
}

#[component]
fn Results(matches: Memo<Vec<u32>>, shown: RwSignal<usize>) -> impl IntoView {
    let entries = use_entries();
    let building = use_building();
    let favs = favourites();
    let today = today(now());
    let cards = Memo::new(move |_| {
        let n = shown.get();
        entries.with(|e| {
            matches.with(|m| {
                favs.with(|fv| m.iter().take(n).map(|i| card(&e.0[*i as usize], fv, today)).collect::<Vec<_>>())
            })
        })
    });
    let more = move || matches.with(Vec::len) > shown.get();
    // One row per place on the page, kept while the search changes: a
    // keystroke that brings other results rewrites the rows' texts instead
    // of building twenty new cards (at 50,000 activities the difference
    // between a keystroke within a frame and one that is not).
    let rows = move || (0..cards.with(Vec::len)).collect::<Vec<usize>>();
    view! {
        <Show when=move || matches.with(Vec::is_empty) && !building.get() && !matches!(catalogue().get(), Catalogue::Loading)>
            <p class="act-none">{t::NONE_FOUND}</p>
        </Show>
        <ul class="act-list">
            <For each=rows key=|i| *i let:i>
                <CardRow card=Memo::new(move |_| cards.with(|c| c.get(i).cloned().unwrap_or_default()))/>
            </For>
        </ul>
        <Show when=more>
            <div class="actions no-print">
                <button type="button" class="btn" on:click=move |_| shown.update(|n| *n += PAGE)>{t::SHOW_MORE}</button>
            </div>
        </Show>
    }
}

/// What the card of `x` shows.
fn card(x: &Entry, favourites: &HashSet<RecordId>, today: NaiveDate) -> Card {
    let a = &x.activity;
    let mut tags = Vec::new();
    if a.example {
        tags.push(t::EXAMPLE_BADGE);
    }
    if a.is_free() {
        tags.push(t::FREE);
    }
    if a.access.wheelchair {
        tags.push(t::A_WHEELCHAIR);
    }
    if a.access.transport {
        tags.push(t::F_TRANSPORT);
    }
    let place = join_present([a.town.as_str(), a.municipality.as_str()], ", ");
    Card {
        link: to(&Route::Activity(a.meta.id.to_string())),
        title: a.title.clone(),
        next: match &x.next {
            Some(o) => t::next_time(&format_occurrence(o)),
            None => a.schedule.describe(),
        },
        place: format!("{} · {place}", a.category.label()),
        tags,
        price: a.price_dkk.filter(|p| *p > 0.0).map(t::price),
        fav: favourites.contains(&a.meta.id),
        badge: confirmation(a, today).badge(),
    }
}

/// One result card; its texts follow `card` as the results change.
#[component]
fn CardRow(card: Memo<Card>) -> impl IntoView {
    let text = move |f: fn(&Card) -> &String| move || card.with(|c| f(c).clone());
    view! {
        <li class="act-card">
            <h2 class="act-card__title"><a href=text(|c| &c.link)>{text(|c| &c.title)}</a></h2>
            <p class="act-card__next">{text(|c| &c.next)}</p>
            <p class="act-card__where">{text(|c| &c.place)}</p>
            <ul class="act-card__tags">
                {move || {
                    card.with(|c| {
                        let tags = c.tags.iter().map(|tag| view! { <li class="tag">{*tag}</li> }).collect_view();
                        let price = c.price.clone().map(|p| view! { <li class="tag">{p}</li> });
                        let fav = c.fav.then(|| view! { <li class="tag tag--fav">{t::FAV_MARK}</li> });
                        let badge = c.badge.clone().map(|b| view! { <li class="tag tag--stale">{b}</li> });
                        (tags, price, fav, badge)
                    })
                }}
            </ul>
        </li>
    }
}
