//! The week programme of one place (address and town), Monday to Sunday of
//! the current week, laid out to print on one A4 page as a poster.

use chrono::Duration;
use leptos::prelude::*;
use tid_og_lyst_core::text::upper_first;

use crate::state::now;
use tid_og_lyst_core::activities::da as t;
use tid_og_lyst_core::activities::schedule::{monday_of, short_date, Schedule};
use tid_og_lyst_core::text::dates::today;

use super::catalogue::Entries;

#[derive(Clone, PartialEq)]
struct Day {
    name: String,
    items: Vec<(String, String, String)>,
}

/// The programme.
#[component]
pub fn WeekProgramme(
    /// The place ("Bytorvet 1, Glamsbjerg").
    place: Signal<String>,
    /// All directory entries.
    entries: Signal<Entries>,
) -> impl IntoView {
    let monday = monday_of(today(now()));
    let sunday = monday + Duration::days(6);
    let days = Memo::new(move |_| {
        let p = place.get();
        entries.with(|e| {
            let here: Vec<_> = e.0.iter().filter(|x| x.activity.place() == p).collect();
            let mut days: Vec<Day> = (0..7)
                .map(|i| {
                    let d = monday + Duration::days(i);
                    Day { name: upper_first(&short_date(d)), items: Vec::new() }
                })
                .collect();
            for x in &here {
                for o in x.activity.schedule.occurrences_between(monday, sunday) {
                    let i = (o.date - monday).num_days() as usize;
                    days[i].items.push((
                        format!("{}–{}", o.start, o.end),
                        x.activity.title.clone(),
                        x.activity.organizer.clone(),
                    ));
                }
            }
            for d in &mut days {
                d.items.sort();
            }
            let by_agreement: Vec<(String, String, String)> = here
                .iter()
                .filter(|x| matches!(x.activity.schedule, Schedule::ByAgreement))
                .map(|x| (t::BY_AGREEMENT.to_string(), x.activity.title.clone(), x.activity.organizer.clone()))
                .collect();
            if !by_agreement.is_empty() {
                days.push(Day { name: t::BY_AGREEMENT.into(), items: by_agreement });
            }
            days
        })
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="card week-programme" aria-labelledby="week-title">
            <h2 id="week-title">{move || t::week_title(&place.get())}</h2>
            <p class="week-programme__range">{t::week_range(&short_date(monday), &short_date(sunday))}</p>
            <div class="week-programme__days">
                <For each=move || days.get() key=|d| d.name.clone() let:d>
                    <div class="week-day">
                        <h3>{d.name.clone()}</h3>
                        {if d.items.is_empty() {
                            view! { <p class="week-day__empty">{t::WEEK_EMPTY_DAY}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {d.items.iter().map(|(time, title, org)| view! {
                                        <li>
                                            <span class="week-day__time">{time.clone()}</span>" "
                                            <strong>{title.clone()}</strong>
                                            <span class="week-day__org">{org.clone()}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </div>
                </For>
            </div>
            <p class="week-programme__footer">{t::FLYER_FOOTER}</p>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=print>{t::PRINT}</button>
            </div>
        </section>
    }
}
