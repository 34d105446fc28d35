//! The frame around every page: skip link, header with the main navigation,
//! text size and projector controls, the notices, and the footer.

use crate::ui::link::to;
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use tid_og_lyst_core::da::app as t;
use crate::state::use_app;
use crate::ui::link::href;
use crate::ui::notices::Notices;

/// Wraps a page.
#[component]
pub fn Layout(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let state = use_app();
    // Settings are mirrored onto <html> classes, the one outside-world effect here.
    Effect::new(move |_| {
        let s = state.settings.get();
        if let Some(root) = document().document_element() {
            let list = root.class_list();
            for (i, class) in ["text-0", "text-1", "text-2"].iter().enumerate() {
                let _ = list.toggle_with_force(class, i as u8 == s.text_size.min(2));
            }
            let _ = list.toggle_with_force("projector", s.projector);
        }
    });
    view! {
        <a class="skip-link" href="#main">{t::SKIP}</a>
        <header class="site-header">
            <a class="brand" href=to(&Route::Home) aria-label=format!("{} – {}", t::NAME, t::NAV_HOME)>
                <img src=href("/icon.svg") alt="" width="40" height="40"/>
                <span>{t::NAME}</span>
            </a>
            <MainNav/>
            <DisplayControls/>
        </header>
        <Notices/>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{t::FOOTER}</p>
            <a href=to(&Route::About)>{t::NAV_ABOUT}</a>
        </footer>
    }
}

/// The main navigation; the current page is marked with `aria-current`.
#[component]
fn MainNav() -> impl IntoView {
    let location = use_location();
    let items = [
        (Route::Dreams, t::NAV_DREAMS),
        (Route::Activities(vec![]), t::NAV_ACTIVITIES),
        (Route::Assessment, t::NAV_ASSESSMENT),
        (Route::Data, t::NAV_DATA),
    ];
    view! {
        <nav class="main-nav" aria-label=t::NAV_LABEL>
            <ul>
                {items
                    .into_iter()
                    .map(|(route, label)| {
                        let full = to(&route);
                        let current = {
                            let full = full.clone();
                            move || {
                                let p = location.pathname.get();
                                (p == full || p.starts_with(&format!("{full}/"))).then_some("page")
                            }
                        };
                        view! {
                            <li>
                                <a href=full aria-current=current>{label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// Text size (A / A+ / A++) and projector mode, both remembered.
#[component]
fn DisplayControls() -> impl IntoView {
    let state = use_app();
    let size = move || state.settings.with(|s| s.text_size);
    view! {
        <div class="display-controls">
            <div class="text-size" role="group" aria-label=t::TEXT_SIZE>
                {t::TEXT_SIZES
                    .iter()
                    .enumerate()
                    .map(|(i, (label, name))| {
                        let i = i as u8;
                        view! {
                            <button
                                type="button"
                                class="btn btn--small"
                                aria-pressed=move || (size() == i).to_string()
                                aria-label=*name
                                on:click=move |_| state.settings.update(|s| s.text_size = i)
                            >
                                {*label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <button
                type="button"
                class="btn btn--small"
                aria-pressed=move || state.settings.with(|s| s.projector).to_string()
                on:click=move |_| state.settings.update(|s| s.projector = !s.projector)
            >
                {t::PROJECTOR}
            </button>
        </div>
    }
}
