//! The forside: three large doors to the three parts.

use leptos::prelude::*;

use crate::ui::link::href;
use tid_og_lyst_core::da::home as t;

/// The forside.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="page home">
            <h1>{t::TITLE}</h1>
            <p class="lead">{t::INTRO}</p>
            <ul class="doors">
                {t::DOORS
                    .iter()
                    .map(|(path, title, text)| {
                        view! {
                            <li>
                                <a class="door" href=href(path)>
                                    <span class="door__title">{*title}</span>
                                    <span class="door__text">{*text}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
