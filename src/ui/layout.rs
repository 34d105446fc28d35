//! The frame around every page: skip link, header with the main navigation,
//! text size and projector controls, the notices, and the footer. On phones
//! the header is two short rows (name and "Visning", then the four parts)
//! and text size, projector mode and "Delt tablet" fold out under
//! "Visning"; a shared tablet's "Færdig – ryd til næste" is a row of its own.

use crate::router::use_location;
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use crate::state::use_app;
use crate::ui::link::href;
use crate::ui::notices::Notices;
use crate::ui::shared_tablet::{TabletBar, TabletSetting};
use tid_og_lyst_core::da::app as t;
use tid_og_lyst_core::da::display as t2;

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
            <HeaderContent>
                <a class="brand" href=to(&Route::Home) aria-label=format!("{} – {}", t::NAME, t::NAV_HOME)>
                    <img src=href("/icon.svg") alt="" width="40" height="40"/>
                    <span>{t::NAME}</span>
                </a>
            </HeaderContent>
            <TabletBar/>
        </header>
        <Notices/>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <FooterPromise/>
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

/// The header's content: `children` (the link to the forside), the
/// "Visning" button (shown on phones only), the main navigation, then text
/// size (A / A+ / A++) and projector mode, both remembered. On phones the last two are folded under "Visning"
/// until it is pressed; wider screens always show them.
#[component]
fn HeaderContent(
    /// The link to the forside.
    children: Children,
) -> impl IntoView {
    let state = use_app();
    let size = move || state.settings.with(|s| s.text_size);
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    // Escape folds the panel and gives the focus back to "Visning".
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        {children()}
        <button
            type="button"
            class="btn btn--small display-toggle"
            node_ref=toggle
            aria-expanded=move || open.get().to_string()
            aria-controls="display-controls"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {t2::VIEW}
        </button>
        <MainNav/>
        <div id="display-controls" class="display-controls" class:display-controls--open=move || open.get() on:keydown=on_key>
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
            <TabletSetting/>
        </div>
    }
}

/// True on a screen wider than a phone's (the CSS switches at 40rem =
/// 640 px): there the parts a page folds away on phones start unfolded.
pub fn wide_screen() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w > 640.0)
}

/// The footer's promise of what leaves the device: nothing, or, connected to
/// a shared board, what goes where; and where the page syncs, how it goes.
#[component]
fn FooterPromise() -> impl IntoView {
    let status = crate::board::use_board().map(|b| b.status);
    let connected = Memo::new(move |_| status.is_some_and(|s| !matches!(s.get(), crate::board::Status::Off)));
    // Read again when the board's status changes (connected, disconnected).
    let promise = move || {
        if let Some(s) = status {
            s.track();
        }
        match crate::board::connection() {
            Some(c) => tid_og_lyst_core::da::board::footer(c.host()),
            None => t::FOOTER.to_string(),
        }
    };
    view! {
        <p>{promise}</p>
        // Only where the page syncs, and only while connected, so an unconnected page is as before.
        {move || {
            connected.get().then(|| view! { <p class="board-status" role="status">{move || status.and_then(|s| s.get().line())}</p> })
        }}
    }
}
