//! The app: panic hook and mount, and the root component of a bundle
//! (`routes::Bundle`): the app state context, the router with the bundle's
//! pages from the route table, and the layout.

use crate::router::{self, Router};
use leptos::prelude::*;

use crate::features::activities;
use crate::features::not_found::NotFound;
use crate::routes::{Bundle, Part};
use crate::state::AppState;
use crate::ui::later::Later;
use crate::ui::layout::Layout;

/// Installs the panic hook and mounts `app` (a bundle's [`root`]) on `<body>`.
fn start(app: fn() -> AnyView) {
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
    wasm_bindgen_futures::spawn_local(async move {
        crate::slices::next_turn().await;
        mount(app);
    });
}

/// The static first paint (header, the page's heading and intro, the
/// "appen starter" message; examples/first_paint.rs) stays while the app builds its
/// page off screen in pieces (`ui::later`), then gives way to it in one
/// task, so no frame shows neither. (A record's top drawn by the build is
/// kept for its page to show until it can draw the record: `ui::held`.)
fn mount(app: fn() -> AnyView) {
    crate::ui::later::build(app, |root| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        while let Ok(Some(el)) = doc.query_selector("[data-shell]") {
            el.remove();
        }
        if let Some(body) = doc.body() {
            while let Some(node) = root.first_child() {
                let _ = body.append_child(&node);
            }
        }
    });
}

/// Panics on purpose, so the browser tests can check the error page. Called
/// only from tests, through the bindings trunk exposes (`window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn selftest_panic() {
    panic!("selvtest af fejlsiden");
}

/// Installs the panic hook and mounts the root of the bundle `P`: the app
/// state (with the records of `P`'s kinds), the router with `P`'s pages from
/// the route table ([`pages`]), and the layout. Called by each bundle's
/// `main` (`src/main.rs`, `src/bin/part-*.rs`).
pub fn start_part<P: Part>() {
    if P::BUNDLE == Bundle::Activities {
        // An example activity's static page: its top stays until the catalogue is read.
        crate::ui::held::keep();
    }
    start(root::<P>);
}

/// The table's pages of a bundle, for its router.
macro_rules! pages_of {
    ($($pattern:literal => $bundle:ident, $page:path $(, $top:path)?;)*) => {
        /// The pages of `P`'s bundle. The test is a constant of each bundle's
        /// build, so another bundle's pages are not in its wasm.
        fn pages<P: Part>() -> Vec<router::Page> {
            use crate::features::*;
            let mut pages: Vec<router::Page> = Vec::new();
            $(if Bundle::$bundle as u8 == P::BUNDLE as u8 {
                pages.push(($pattern, || $page().into_any()));
            })*
            pages
        }
    };
}
crate::route_table!(pages_of);

/// The root component of the bundle `P`.
fn root<P: Part>() -> AnyView {
    let state = AppState::init();
    provide_context(state);
    let records = P::BUNDLE != Bundle::Front;
    if records {
        state.load_records::<P::Kinds>();
        crate::board::start::<P::Kinds>(state);
    }
    if P::BUNDLE == Bundle::Activities {
        activities::catalogue::follow(state);
    }
    // The service worker once the page is on screen.
    crate::ui::later::after_start(move || crate::ui::offline::start(state));
    if records {
        crate::ui::offline::remind_export(state);
    }
    let pages = pages::<P>();
    // The state above and the page below in turns of their own.
    view! {
        <Later>
            <Router base=crate::ui::link::base()>
                <Layout>
                    <Later>
                        <Served bundle=P::BUNDLE>
                            {router::routes(pages.clone(), || view! { <NotFound/> }.into_any())}
                        </Served>
                    </Later>
                </Layout>
            </Router>
        </Later>
    }
    .into_any()
}

/// The address shown (path with the base, query and fragment), and the part
/// of it a bundle is picked by (the path below the base, with the query).
fn address(location: &router::Location) -> (String, String) {
    let path = location.pathname.get_untracked();
    let base = crate::ui::link::base();
    // Outside the base: the front page's, as the loader reads it.
    let below = path.strip_prefix(base.as_str()).filter(|p| p.starts_with('/')).unwrap_or("/");
    let search = location.search.get_untracked();
    let query = if search.is_empty() { String::new() } else { format!("?{search}") };
    (format!("{path}{query}{}", location.hash.get_untracked()), format!("{below}{query}"))
}

/// The bundle's routes while the address is one of its pages; another
/// bundle's address goes to [`Elsewhere`].
#[component]
fn Served(bundle: Bundle, children: ChildrenFn) -> impl IntoView {
    let location = router::use_location();
    // The bundle is picked by the path alone (`Bundle::for_path`).
    let served = Memo::new(move |_| {
        location.pathname.track();
        Bundle::for_path(&address(&location).1) == bundle
    });
    move || {
        if served.get() {
            children().into_any()
        } else {
            view! { <Elsewhere/> }.into_any()
        }
    }
}

/// Another bundle's page, loaded as a page of its own (once any save in
/// progress has ended, so leaving loses nothing and asks nothing). Until
/// then the page is empty and marked busy.
#[component]
fn Elsewhere() -> impl IntoView {
    // The router's address: the browser's shows it only once the new page
    // is drawn (this fallback is that page).
    let (target, _) = address(&router::use_location());
    let state = crate::state::use_app();
    leptos::task::spawn_local(async move {
        crate::slices::next_turn().await;
        // A save that has not ended after 20 s is left to the browser's
        // "leave the page?" question (`AppState::guard_unsaved`).
        for _ in 0..400 {
            if !state.is_saving() {
                break;
            }
            crate::slices::sleep(50).await;
        }
        state.hand_over_notices();
        crate::ui::link::load_page(&target);
    });
    view! { <section class="page" aria-busy="true"></section> }.into_any()
}
