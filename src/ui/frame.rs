//! The frame around every page: skip link, header with the main navigation
//! and the display controls, the notices' region and the footer. The app
//! draws it (`ui::layout`, with the settings and their changes) and the build
//! paints it before the wasm (`examples/first_paint.rs`, rendered natively):
//! one markup, so the static first paint cannot drift from the app.
//!
//! On phones the header is two short rows (name and "Visning", then the four
//! parts) and text size, projector mode and "Delt tablet" fold out under
//! "Visning"; wider screens always show them.

use leptos::prelude::*;

use crate::routes::Route;
use crate::ui::link::{href, to};
use tid_og_lyst_core::da::app as t;
use tid_og_lyst_core::da::display as t2;
use tid_og_lyst_core::da::tablet as t3;

/// The display settings the header shows, and their changes.
#[derive(Clone, Copy)]
pub struct Controls {
    /// Text size: 0 (A), 1 (A+) or 2 (A++).
    pub text_size: Signal<u8>,
    /// Sets the text size.
    pub set_text_size: Callback<u8>,
    /// Projector mode.
    pub projector: Signal<bool>,
    /// Turns projector mode on or off.
    pub toggle_projector: Callback<()>,
    /// "Delt tablet".
    pub tablet: Signal<bool>,
    /// Turns "Delt tablet" on or off.
    pub toggle_tablet: Callback<()>,
}

impl Controls {
    /// As a device shows them before the app has read its settings: A, no
    /// projector, no shared tablet, and nothing to change yet.
    pub fn first_paint() -> Self {
        Controls {
            text_size: Signal::stored(0),
            set_text_size: Callback::new(|_| {}),
            projector: Signal::stored(false),
            toggle_projector: Callback::new(|_| {}),
            tablet: Signal::stored(false),
            toggle_tablet: Callback::new(|_| {}),
        }
    }
}

/// Wraps a page. What is not given is drawn as before the wasm has started.
#[component]
pub fn Frame(
    /// The address shown (base included), for the navigation's `aria-current`.
    #[prop(into)]
    path: Signal<String>,
    /// The display settings and their changes.
    #[prop(optional)]
    controls: Option<Controls>,
    /// After "Delt tablet" in the display controls (its idle time, while on).
    #[prop(optional)]
    tablet_extra: Option<ViewFn>,
    /// At the header's end (a shared tablet's "Færdig – ryd til næste").
    #[prop(optional)]
    header_end: Option<ViewFn>,
    /// The notices.
    #[prop(optional)]
    notices: Option<ViewFn>,
    /// The footer's promise of what leaves the device: by default, nothing.
    #[prop(optional, into)]
    promise: Option<Signal<String>>,
    /// Under the promise (a connected board's status).
    #[prop(optional)]
    status: Option<ViewFn>,
    /// The build's static page: every part is marked `data-shell` (the app
    /// removes them as it mounts its own), the main is `#main-shell`, and
    /// "Appen starter …" shows until the wasm has started.
    #[prop(optional)]
    first_paint: bool,
    /// The page.
    children: Children,
) -> impl IntoView {
    let shell = first_paint.then_some("");
    let main = if first_paint { "main-shell" } else { "main" };
    let controls = controls.unwrap_or_else(Controls::first_paint);
    let promise = promise.unwrap_or_else(|| Signal::stored(t::FOOTER.to_string()));
    view! {
        <a class="skip-link" href=format!("#{main}") data-shell=shell>{t::SKIP}</a>
        <header class="site-header" data-shell=shell>
            <a class="brand" href=to(&Route::Home) aria-label=format!("{} – {}", t::NAME, t::NAV_HOME)>
                <img src=href("/icon.svg") alt="" width="40" height="40"/>
                <span>{t::NAME}</span>
            </a>
            <HeaderControls path controls tablet_extra/>
            {header_end.map(|v| v.run())}
        </header>
        <div class="notices" role="status" aria-live="polite" data-shell=shell>{notices.map(|v| v.run())}</div>
        <main id=main tabindex="-1" data-shell=shell>{children()}</main>
        <footer class="site-footer" data-shell=shell>
            <p>{promise}</p>
            {status.map(|v| v.run())}
            <a href=to(&Route::About)>{t::NAV_ABOUT}</a>
        </footer>
        {first_paint.then(|| view! { <p id="boot-loading" class="boot-loading" role="status" data-shell="">{t::BOOT}</p> })}
    }
}

/// The main navigation; the current part is marked with `aria-current`.
#[component]
fn MainNav(
    /// The address shown.
    path: Signal<String>,
) -> impl IntoView {
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
                            move || path.with(|p| (*p == full || p.starts_with(&format!("{full}/"))).then_some("page"))
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

/// The "Visning" button (shown on phones only), the main navigation, then
/// text size (A / A+ / A++), projector mode and "Delt tablet". On phones the
/// controls are folded under "Visning" until it is pressed.
#[component]
fn HeaderControls(
    /// The address shown.
    path: Signal<String>,
    /// The settings and their changes.
    controls: Controls,
    /// After "Delt tablet".
    tablet_extra: Option<ViewFn>,
) -> impl IntoView {
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
    let Controls { text_size, set_text_size, projector, toggle_projector, tablet, toggle_tablet } = controls;
    view! {
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
        <MainNav path/>
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
                                aria-pressed=move || (text_size.get() == i).to_string()
                                aria-label=*name
                                on:click=move |_| set_text_size.run(i)
                            >
                                {*label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {[(t::PROJECTOR, projector, toggle_projector), (t3::SETTING, tablet, toggle_tablet)]
                .into_iter()
                .map(|(label, on, toggle)| {
                    view! {
                        <button type="button" class="btn btn--small" aria-pressed=move || on.get().to_string() on:click=move |_| toggle.run(())>
                            {label}
                        </button>
                    }
                })
                .collect_view()}
            {tablet_extra.map(|v| v.run())}
        </div>
    }
}
