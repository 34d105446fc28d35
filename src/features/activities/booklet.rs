//! `/aktiviteter/haefte`: the activities the list's search shows (its
//! filters come along in the query) as an A5 booklet to take home: two A5
//! pages to each side of an A4 sheet in landscape, folded (printed on both
//! sides) or as single pages in order; each activity with a QR code that
//! opens it on a phone. What the pages hold and their order on paper are
//! the core's (`activities::booklet`); the text size setting (A, A+, A++)
//! gives larger print and fewer activities a page. An activity of the
//! catalogue has its page's address in its code; one of the user's own,
//! which no other device has, a share link of it (`ui::share`). The codes
//! are made by the codec (`ui::codec`), one after another, and drawn once
//! for the screen's preview and once for print.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::routes::Route;
use crate::state::{now, use_app};
use crate::ui::codec;
use crate::ui::link::to;
use crate::ui::share::link_for;
use tid_og_lyst_core::activities::booklet::{self as b, Entry, Layout, Page};
use tid_og_lyst_core::activities::da::{self as t, booklet as tb};
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{ActivitiesOnly, AppData};
use tid_og_lyst_core::text::dates::today;

use super::catalogue::{catalogue, use_building, use_entries, Catalogue};
use super::favourites::favourites;
use super::list::{filters_of_url, pairs};

/// A QR code as the codec made it: side in modules and path, `None` when
/// the text is too long for one, or the reason it could not be made.
type Code = Result<Option<(usize, String)>, String>;

/// One activity of the booklet.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    id: RecordId,
    entry: Entry,
    /// True when its code carries a share link (not the catalogue's page).
    own: bool,
    /// Invented example data.
    example: bool,
}

/// The booklet page.
#[component]
pub fn BookletPage() -> impl IntoView {
    let state = use_app();
    let filters = filters_of_url();
    let entries = use_entries();
    let favs = favourites();
    let now_ms = now();
    let day = today(now_ms);
    let matches =
        Memo::new(move |_| entries.with(|e| filters.with(|f| favs.with(|fv| e.0.search(f, now_ms, fv, None)))));
    let size = Memo::new(move |_| state.settings.with(|s| s.text_size.min(2)));
    // The catalogue's ids: their pages open on any phone.
    let in_catalogue = Memo::new(move |_| match catalogue().get() {
        Catalogue::Ready(list) => list.iter().map(|a| a.meta.id).collect::<HashSet<RecordId>>(),
        _ => HashSet::new(),
    });
    let items = Memo::new(move |_| {
        let sz = size.get();
        in_catalogue.with(|cat| {
            entries.with(|e| {
                matches.with(|m| {
                    m.iter()
                        .map(|i| {
                            let x = &e.0[*i as usize];
                            Item {
                                id: x.activity.meta.id,
                                entry: b::entry(&x.activity, x.next.as_ref(), day, sz),
                                own: !cat.contains(&x.activity.meta.id),
                                example: x.activity.example,
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let layout = RwSignal::new(Layout::Folded);
    let pages = Memo::new(move |_| items.with(|i| b::pages(i.len(), b::per_page(size.get()), layout.get())));
    let codes = RwSignal::new(HashMap::<RecordId, Code>::new());
    make_codes(items, codes);
    let building = use_building();
    let waiting = move || building.get() || matches!(catalogue().get(), Catalogue::Loading);
    let count = move || match items.with(Vec::len) {
        0 if waiting() => t::LOADING.to_string(),
        n => t::count(n),
    };
    let making = move || {
        let all = items.with(Vec::len);
        let done = codes.with(|c| items.with(|i| i.iter().filter(|x| c.contains_key(&x.id)).count()));
        (done < all).then(|| tb::making(done, all))
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let cover = Memo::new(move |_| filters.with(|f| b::cover(f, items.with(Vec::len), day)));
    let back = move || to(&Route::ActivityLists(filters.with(pairs)));
    let empty = move || !waiting() && items.with(Vec::is_empty);
    let page = move |n: usize| {
        let total = pages.with(Vec::len);
        pages.with(|p| p.get(n).cloned()).map(|p| {
            view! { <A5 page=p number=n + 1 total items codes cover/> }
        })
    };
    view! {
        <section
            class="page act-booklet"
            class:booklet--size-1=move || size.get() == 1
            class:booklet--size-2=move || size.get() == 2
        >
            <div class="no-print">
                <p><a href=back>{tb::BACK}</a></p>
                <h1>{tb::TITLE}</h1>
                <p role="status" aria-live="polite" class="result-count">{count}</p>
                <Show when=empty>
                    <p class="notice notice--warning">{tb::EMPTY}</p>
                </Show>
                <fieldset class="checks booklet-layout">
                    <legend>{tb::LAYOUT}</legend>
                    {[(Layout::Folded, tb::FOLDED), (Layout::Single, tb::SINGLE)]
                        .into_iter()
                        .map(|(choice, label)| view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="booklet-layout"
                                    prop:checked=move || layout.get() == choice
                                    on:change=move |_| layout.set(choice)
                                />
                                {label}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <p class="hint">{tb::PRINT_HINT}</p>
                <p class="booklet-making" role="status">{making}</p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" on:click=print disabled=empty>{tb::PRINT}</button>
                </div>
                <h2>{tb::PREVIEW}</h2>
            </div>
            // The pages in reading order, for the screen.
            <ol class="booklet-preview no-print">
                {move || {
                    (0..pages.with(Vec::len))
                        .map(|n| {
                            view! {
                                <li aria-label=tb::preview_label(n + 1)>{page(n)}</li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            // The sheets as they are printed, two pages to a side.
            <div class="booklet-print" aria-hidden="true">
                {move || {
                    b::sides(pages.with(Vec::len), layout.get())
                        .into_iter()
                        .map(|(left, right)| view! { <div class="booklet-sheet">{page(left)}{page(right)}</div> })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

/// Makes the QR code of each item not yet made, one after another, into
/// `codes`: a catalogue activity's page, or a share link of an own one.
fn make_codes(items: Memo<Vec<Item>>, codes: RwSignal<HashMap<RecordId, Code>>) {
    let state = use_app();
    let entries = use_entries();
    let running = StoredValue::new(false);
    Effect::new(move |_| {
        items.track();
        if running.get_value() {
            return;
        }
        running.set_value(true);
        spawn_local(async move {
            // The next item without a code (the list may have changed).
            let next = move || {
                items
                    .try_with_untracked(|i| {
                        codes.with_untracked(|c| i.iter().find(|x| !c.contains_key(&x.id)).map(|x| (x.id, x.own)))
                    })
                    .flatten()
            };
            while let Some((id, own)) = next() {
                let url = if own {
                    let activity = entries
                        .with_untracked(|e| e.0.iter().find(|x| x.activity.meta.id == id).map(|x| x.activity.clone()));
                    let mut data = AppData::default();
                    if let Some(a) = activity {
                        data.activities.insert(a.meta.id, a);
                    }
                    link_for::<ActivitiesOnly>(data, &state.device()).await
                } else {
                    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
                    Ok(format!("{origin}{}", to(&Route::Activity(id.to_string()))))
                };
                let code = match url {
                    Ok(url) => codec::qr_path(&url).await,
                    Err(e) => Err(e),
                };
                if codes.try_update(|c| c.insert(id, code)).is_none() {
                    break;
                }
            }
            running.try_set_value(false);
        });
    });
}

/// One A5 page.
#[component]
fn A5(
    /// What the page holds.
    page: Page,
    /// Its number, from 1.
    number: usize,
    /// The number of pages.
    total: usize,
    /// The booklet's activities.
    items: Memo<Vec<Item>>,
    /// Their QR codes.
    codes: RwSignal<HashMap<RecordId, Code>>,
    /// The cover's lines.
    cover: Memo<Vec<String>>,
) -> impl IntoView {
    let body = match page {
        Page::Cover => view! {
            <div class="a5__cover">
                <p class="a5__title">{tb::COVER}</p>
                {move || cover.get().into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                <p class="a5__scan">{tb::SCAN}</p>
            </div>
        }
        .into_any(),
        Page::Entries(from, to) => view! {
            <div class="a5__entries">
                {move || {
                    items
                        .with(|i| i.get(from..to.min(i.len())).map(<[Item]>::to_vec).unwrap_or_default())
                        .into_iter()
                        .map(|item| view! { <BookletEntry item codes/> })
                        .collect_view()
                }}
            </div>
        }
        .into_any(),
        Page::Notes => view! {
            <div class="a5__notes">
                <p class="a5__heading">{tb::NOTES}</p>
                <div class="a5__lines"></div>
            </div>
        }
        .into_any(),
        Page::Back => view! {
            <div class="a5__back">
                <p>{tb::BACK_COVER}</p>
                <Show when=move || items.with(|i| i.iter().any(|x| x.example))>
                    <p class="a5__example">{t::EXAMPLE_NOTICE}</p>
                </Show>
            </div>
        }
        .into_any(),
    };
    let numbered = !matches!(page, Page::Cover | Page::Back);
    view! {
        <div class="a5">
            <div class="a5__inner">
                {body}
                {numbered.then(|| view! { <p class="a5__number">{tb::page(number, total)}</p> })}
            </div>
        </div>
    }
}

/// One activity on a page: its facts beside its QR code.
#[component]
fn BookletEntry(
    /// The activity.
    item: Item,
    /// The QR codes made so far.
    codes: RwSignal<HashMap<RecordId, Code>>,
) -> impl IntoView {
    let Item { id, entry, own, .. } = item;
    let alt = tb::qr_alt(&entry.title);
    let code = move || codes.with(|c| c.get(&id).cloned());
    let qr = move || match code() {
        None => view! { <p class="qr__making">{tid_og_lyst_core::da::share::QR_MAKING}</p> }.into_any(),
        Some(Ok(Some((side, d)))) => {
            // Denser codes (a share link) are printed larger, so a phone
            // still finds each module (no inline style: the CSP forbids it).
            let class = match side {
                0..=45 => "booklet-qr booklet-qr--s",
                46..=73 => "booklet-qr booklet-qr--m",
                _ => "booklet-qr booklet-qr--l",
            };
            view! {
                <svg
                    class=class
                    role="img"
                    aria-label=alt.clone()
                    viewBox=format!("0 0 {side} {side}")
                    shape-rendering="crispEdges"
                >
                    <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                    <path fill="#000" d=d/>
                </svg>
            }
            .into_any()
        }
        Some(Ok(None)) => view! { <p class="hint">{tb::NO_CODE}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="hint">{e}</p> }.into_any(),
    };
    view! {
        <article class="booklet-entry">
            <div class="booklet-entry__text">
                <h3>{entry.title.clone()}</h3>
                {entry.badge.clone().map(|b| view! { <p class="booklet-entry__badge">{b}</p> })}
                {entry.when.iter().enumerate().map(|(i, w)| {
                    let class = if i == 0 { "booklet-entry__when" } else { "booklet-entry__rule" };
                    view! { <p class=class>{w.clone()}</p> }
                }).collect_view()}
                <p>{entry.place.clone()}</p>
                <p>{entry.price.clone()}</p>
                {(!entry.contact.is_empty()).then(|| view! { <p>{entry.contact.clone()}</p> })}
                {(!entry.text.is_empty()).then(|| view! { <p class="booklet-entry__about">{entry.text.clone()}</p> })}
            </div>
            <div class="booklet-entry__code">
                {qr}
                <p>{if own { tb::SCAN_OWN } else { tb::SCAN_PAGE }}</p>
            </div>
        </article>
    }
}
