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
    after_first_paint(&wasm_bindgen::closure::Closure::once_into_js(mount));
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

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function after_first_paint(f) {
  let done = false;
  const go = () => { if (!done) { done = true; f(); } };
  if (document.hidden) { go(); return; }
  const painted = () => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint');
  if (painted()) { setTimeout(go, 0); return; }
  try {
    new PerformanceObserver((list, obs) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) { obs.disconnect(); setTimeout(go, 0); }
    }).observe({ type: 'paint' });
  } catch (e) { requestAnimationFrame(() => setTimeout(go, 0)); }
  setTimeout(go, 500);
}
"#)]
extern "C" {
    /// Runs `f` once the browser has painted the static page (its first
    /// contentful paint), so the static heading is the page's largest
    /// contentful paint even when the wasm arrives before the first frame;
    /// at once in a hidden tab, and after half a second at the latest.
    fn after_first_paint(f: &wasm_bindgen::JsValue);
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
