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
    // The loader fetches the wasm only after the static page's first
    // contentful paint (tools/postbuild.mjs). Mounting waits one turn, so
    // instantiating the wasm and building the page are two tasks, not one
    // long one in which the page cannot answer a tap.
    // (Leptos's own executor starts with the mount, so not its spawn.)
    wasm_bindgen_futures::spawn_local(async {
        crate::slices::next_turn().await;
        mount();
    });
}

/// The static first paint (header, the page's heading and intro, the
/// "appen starter" message; tools/shell.mjs) gives way to the app in the same
/// task, so no frame shows neither.
fn mount() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        while let Ok(Some(el)) = doc.query_selector("[data-shell]") {
            el.remove();
        }
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
    activities::catalogue::follow(state);
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
