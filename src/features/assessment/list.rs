//! `/skal-kan`: the sessions on this device (first, so a participant on a
//! phone finds the workshop at once), the workshop's question, a form to
//! create a new one, and the built-in task cards.

use crate::router::use_navigate;
use crate::router::NavigateOptions;
use crate::routes::Route;
use crate::ui::later::Later;
use crate::ui::link::to;
use leptos::prelude::*;
use tid_og_lyst_core::sync::data::AssessmentsOnly;

use crate::state::{now, use_app};
use tid_og_lyst_core::assessment::cards::{builtin, Origin};
use tid_og_lyst_core::assessment::da::{content as c, ui as t};
use tid_og_lyst_core::assessment::session::Assessment;
use tid_og_lyst_core::record::merge::live;

/// The list page.
#[component]
pub fn AssessmentPage() -> impl IntoView {
    view! {
        <section class="page assessment">
            <super::top::ListHead/>
            // A facilitator's QR code or link opens here.
            <crate::ui::import::FromLink kinds=AssessmentsOnly/>
            <Later>
                <SessionList/>
            </Later>
            <blockquote class="assessment__question">{c::MAIN_QUESTION}</blockquote>
            <Later>
                <NewSession/>
            </Later>
            <Later>
                <CardCatalogue/>
            </Later>
        </section>
    }
}

#[component]
fn SessionList() -> impl IntoView {
    let state = use_app();
    let sessions = Memo::new(move |_| {
        state.data.with(|d| {
            let mut v: Vec<(String, String, String, usize)> = live(&d.assessments)
                .map(|s| (s.meta.id.to_string(), s.title.clone(), s.date.clone(), s.participants().len()))
                .collect();
            v.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
            v
        })
    });
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t::LIST_TITLE}</h2>
            <Show when=move || sessions.with(Vec::is_empty)>
                <p>{t::NONE}</p>
            </Show>
            <ul class="session-list">
                <For each=move || sessions.get() key=|s| s.clone() let:s>
                    <li>
                        <a href=to(&Route::Session(s.0.to_string(), String::new()))>{s.1.clone()}</a>
                        <span class="session-list__meta">{t::list_meta(&s.2, s.3)}</span>
                    </li>
                </For>
            </ul>
            <p class="hint">{t::JOIN_HELP}</p>
        </section>
    }
}

#[component]
fn NewSession() -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let (name, set_name) = signal(String::new());
    let today = tid_og_lyst_core::text::dates::iso(tid_og_lyst_core::text::dates::today(now()));
    let (date, set_date) = signal(today);
    let (error, set_error) = signal(None::<&'static str>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = name.get_untracked();
        if title.trim().is_empty() {
            set_error.set(Some(t::NAME_REQUIRED));
            return;
        }
        let cards = builtin().into_iter().filter(|c| c.origin == Origin::Seed).collect();
        let session = Assessment::new(state.new_meta(), &title, &date.get_untracked(), cards);
        let id = session.meta.id;
        state.data.update(|d| {
            d.assessments.insert(id, session);
        });
        navigate(&to(&Route::Session(id.to_string(), String::new())), NavigateOptions::default());
    };
    view! {
        <section class="card" aria-labelledby="new-title">
            <h2 id="new-title">{t::NEW_TITLE}</h2>
            <form on:submit=create novalidate>
                <div class="field">
                    <label for="session-name">{t::NAME}</label>
                    <input
                        id="session-name"
                        type="text"
                        maxlength="200"
                        autocomplete="off"
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="session-name-error"
                        prop:value=move || name.get()
                        on:input=move |ev| set_name.set(event_target_value(&ev))
                    />
                    <p id="session-name-error" class="error" role="alert">{move || error.get()}</p>
                </div>
                <div class="field">
                    <label for="session-date">{t::DATE}</label>
                    <input
                        id="session-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| set_date.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="btn btn--primary">{t::CREATE}</button>
            </form>
        </section>
    }
}

#[component]
fn CardCatalogue() -> impl IntoView {
    let cards = builtin();
    view! {
        <section aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">{t::CARDS_TITLE}</h2>
            <ul class="card-grid">
                {cards
                    .into_iter()
                    .map(|card| {
                        view! {
                            <li class="task-card" class:task-card--example=card.origin == Origin::Example>
                                <h3>{card.title.clone()}</h3>
                                <p>{card.question.clone()}</p>
                                <p class="task-card__origin">{card.origin.label()}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
