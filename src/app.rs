//! The app: panic hook, router with every route, layout and the app state
//! context.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::features::{about::About, data::DataPage, home::Home, not_found::NotFound};
use crate::features::{activities, assessment, dreams};
use crate::state::AppState;
use crate::ui::layout::Layout;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crate::ui::panic::show();
    }));
    crate::ui::link::init_base();
    // The static "appen starter" message in index.html gives way to the app.
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-loading")) {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Panics on purpose, so the browser tests can check the error page. Called
/// only from tests, through the bindings trunk exposes (`window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn selftest_panic() {
    panic!("selvtest af fejlsiden");
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);
    crate::ui::offline::start(state);
    let base = crate::ui::link::base();
    view! {
        <Router base=base>
            <Layout>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/droemme") view=dreams::DreamsPage/>
                    <Route path=path!("/droemme/:id") view=dreams::DreamPage/>
                    <Route path=path!("/aktiviteter") view=activities::ActivitiesPage/>
                    <Route path=path!("/aktiviteter/:id") view=activities::ActivityPage/>
                    <Route path=path!("/skal-kan") view=assessment::AssessmentPage/>
                    <Route path=path!("/skal-kan/:id") view=assessment::SessionPage/>
                    <Route path=path!("/del") view=DataPage/>
                    <Route path=path!("/om") view=About/>
                </Routes>
            </Layout>
        </Router>
    }
}
