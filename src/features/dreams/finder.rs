//! "Hvornår har du tid?": the runner gives dates, part of day, hours and
//! what they feel like; the board then shows only the dreams that fit. The
//! answer is remembered on this device (see `prefs`).

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::prefs::{self, TimeAnswer};
use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::dream::{Category, PartOfDay, Skill};
use tid_og_lyst_core::dreams::matching::Availability;

/// The finder form.
#[component]
pub fn Finder(
    /// Where the availability goes.
    avail: RwSignal<Option<Availability>>,
    /// Switched on when the runner asks.
    fit_only: RwSignal<bool>,
    /// The remembered answer the form starts from.
    start: TimeAnswer,
    /// Called after "Find drømme", so the page can fold the form on a phone.
    on_done: Callback<()>,
) -> impl IntoView {
    let from = RwSignal::new(start.from);
    let to = RwSignal::new(start.to);
    let hours = RwSignal::new(start.hours);
    let parts = RwSignal::new(start.parts);
    let cats = RwSignal::new(start.categories);
    let brings = RwSignal::new(start.brings);
    let languages = RwSignal::new(start.languages);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answer = TimeAnswer {
            from: from.get_untracked(),
            to: to.get_untracked(),
            hours: hours.get_untracked(),
            parts: parts.get_untracked(),
            categories: cats.get_untracked(),
            brings: brings.get_untracked(),
            languages: languages.get_untracked(),
        };
        avail.set(Some(answer.availability()));
        fit_only.set(true);
        prefs::save_time(Some(answer));
        on_done.run(());
    };
    let reset = move |_| {
        from.set(String::new());
        to.set(String::new());
        hours.set(String::new());
        parts.set(BTreeSet::new());
        cats.set(BTreeSet::new());
        brings.set(BTreeSet::new());
        languages.set(String::new());
        avail.set(None);
        fit_only.set(false);
        prefs::save_time(None);
    };
    view! {
        <section class="card dreams-finder" aria-labelledby="finder-title">
            <h2 id="finder-title">{t::FINDER_TITLE}</h2>
            <p class="hint">{t::FINDER_HELP}</p>
            <form on:submit=submit>
                <div class="finder-dates">
                    <div class="field">
                        <label for="fi-from">{t::FINDER_FROM}</label>
                        <input id="fi-from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="fi-to">{t::FINDER_TO}</label>
                        <input id="fi-to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="fi-hours">{t::FINDER_HOURS}</label>
                        <input id="fi-hours" type="text" inputmode="decimal" autocomplete="off" prop:value=move || hours.get() on:input=move |ev| hours.set(event_target_value(&ev))/>
                    </div>
                </div>
                <fieldset class="field checks">
                    <legend>{t::F_TIMES}</legend>
                    {PartOfDay::ALL.into_iter().map(|p| view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || parts.with(|s| s.contains(&p))
                                on:change=move |ev| { let on = event_target_checked(&ev); parts.update(|s| { if on { s.insert(p); } else { s.remove(&p); } }) }/>
                            {p.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="field checks">
                    <legend>{t::FINDER_WISH}</legend>
                    {Category::ALL.into_iter().map(|c| view! {
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || cats.with(|s| s.contains(&c))
                                on:change=move |ev| { let on = event_target_checked(&ev); cats.update(|s| { if on { s.insert(c); } else { s.remove(&c); } }) }/>
                            {c.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="field checks">
                    <legend>{t::FINDER_BRINGS}</legend>
                    {Skill::checkboxes().into_iter().map(|s| {
                        let label = t::skill(&s);
                        let (s1, s2) = (s.clone(), s);
                        view! {
                            <label class="check">
                                <input type="checkbox"
                                    prop:checked=move || brings.with(|b| b.contains(&s1))
                                    on:change=move |ev| { let on = event_target_checked(&ev); let s = s2.clone(); brings.update(|b| { if on { b.insert(s); } else { b.remove(&s); } }) }/>
                                {label}
                            </label>
                        }
                    }).collect_view()}
                    <div class="field">
                        <label for="fi-lang">{t::F_LANGUAGE}</label>
                        <input id="fi-lang" type="text" aria-describedby="fi-lang-help" prop:value=move || languages.get() on:input=move |ev| languages.set(event_target_value(&ev))/>
                        <p class="hint" id="fi-lang-help">{t::F_LANGUAGE_HELP}</p>
                    </div>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="btn btn--primary">{t::FINDER_GO}</button>
                    <button type="button" class="btn" on:click=reset>{t::FINDER_RESET}</button>
                </div>
            </form>
        </section>
    }
}
