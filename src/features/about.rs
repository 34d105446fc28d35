//! `/om`: what the app is, the four principles of good interplay, and a plain
//! privacy statement.

use leptos::prelude::*;

use tid_og_lyst_core::da::about as t;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <section class="page about">
            <h1>{t::TITLE}</h1>
            <p class="lead">{t::INTRO}</p>
            <h2>{t::PRINCIPLES_TITLE}</h2>
            <p>{t::PRINCIPLES_SOURCE}</p>
            <ol class="principles">
                {t::PRINCIPLES
                    .iter()
                    .map(|(title, text)| view! {
                        <li>
                            <h3>{*title}</h3>
                            <p>{*text}</p>
                        </li>
                    })
                    .collect_view()}
            </ol>
            <h2>{t::PRIVACY_TITLE}</h2>
            {t::PRIVACY.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </section>
    }
}
