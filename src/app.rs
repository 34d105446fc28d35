//! The app: panic hook and mount, and one root component per bundle
//! (`routes::Bundle`): the app state context, the router with the bundle's
//! routes, and the layout.

use crate::router::{routes, Router};
use leptos::prelude::*;

use crate::features::{about::About, data::DataPage, home::Home, not_found::NotFound};
use crate::features::{activities, assessment, dreams};
use crate::routes::{Bundle, Full, Lite, Tools};
use crate::state::AppState;
use crate::ui::later::Later;
use crate::ui::layout::Layout;
use tid_og_lyst_core::sync::data::{ActivitiesOnly, AllKinds, AssessmentsOnly, DreamsOnly};

/// Installs the panic hook and mounts `app` (one of the bundles below) on
/// `<body>`.
pub fn start(app: fn() -> AnyView) {
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
/// "appen starter" message; tools/shell.mjs) stays while the app builds its
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

/// Makes a bundle's root component: the app state, the router with the
/// bundle's routes, and the layout. Routes of other bundles fall to
/// [`Elsewhere`], which loads their page.
macro_rules! bundle {
    ($(#[$doc:meta])* $name:ident, $bundle:expr, records: $records:expr, kinds: $kinds:ty, catalogue: $catalogue:expr, [$($path:tt => $view:path),* $(,)?]) => {
        $(#[$doc])*
        pub fn $name() -> AnyView {
            let state = AppState::init();
            provide_context(state);
            if $records {
                state.load_records::<$kinds>();
            }
            if $catalogue {
                activities::catalogue::follow(state);
            }
            // The service worker once the page is on screen.
            crate::ui::later::after_start(move || crate::ui::offline::start(state));
            if $records {
                crate::ui::offline::remind_export(state);
            }
            let pages: Vec<crate::router::Page> = vec![$(($path, || $view().into_any())),*];
            // The state above and the page below in turns of their own.
            view! {
                <Later>
                    <Router base=crate::ui::link::base()>
                        <Layout>
                            <Later>
                                <Served bundle=$bundle>
                                    {routes(pages.clone(), || view! { <Elsewhere bundle=$bundle/> }.into_any())}
                                </Served>
                            </Later>
                        </Layout>
                    </Router>
                </Later>
            }
            .into_any()
        }
    };
}

bundle!(
    /// Every page: `./x serve`'s debug build, which has no bundle per part.
    app, Bundle::All, records: true, kinds: AllKinds, catalogue: true, [
        "/" => Home,
        "/droemme" => dreams::DreamsPage,
        "/droemme/:id" => dreams::dream_page::<Full>,
        "/aktiviteter" => activities::ActivitiesPage,
        "/aktiviteter/lister" => activities::ListsPage,
        "/aktiviteter/:id" => activities::activity_page::<Full>,
        "/skal-kan" => assessment::AssessmentPage,
        "/skal-kan/:id" => assessment::session_page::<Full>,
        "/del" => DataPage,
        "/om" => About,
    ]
);

bundle!(
    /// The front page and "Om".
    front, Bundle::Front, records: false, kinds: AllKinds, catalogue: false, ["/" => Home, "/om" => About]
);

bundle!(
    /// The dream board as runners use it.
    dreams, Bundle::Dreams, records: true, kinds: DreamsOnly, catalogue: false, [
        "/" => Home,
        "/droemme" => dreams::DreamsPage,
        "/droemme/:id" => dreams::dream_page::<Lite>,
    ]
);

bundle!(
    /// The coordinator's form and tools of the board, which the runners'
    /// bundle hands over to it (and a dream's page, where the form leads).
    dreams_edit, Bundle::DreamsEdit, records: true, kinds: DreamsOnly, catalogue: false, [
        "/droemme/:id" => dreams::dream_page::<Tools>,
    ]
);

bundle!(
    /// The activity directory as most people use it (with the form's and
    /// the lists page's below, the only bundles besides the whole app that
    /// fetch the catalogue).
    activities, Bundle::Activities, records: true, kinds: ActivitiesOnly, catalogue: true, [
        "/" => Home,
        "/aktiviteter" => activities::ActivitiesPage,
        "/aktiviteter/:id" => activities::activity_page::<Lite>,
    ]
);

bundle!(
    /// The directory's form, which the reader's bundle hands over to it
    /// (and an activity's page, where the form leads).
    activities_edit, Bundle::ActivitiesEdit, records: true, kinds: ActivitiesOnly, catalogue: true, [
        "/aktiviteter/:id" => activities::activity_page::<Tools>,
    ]
);

bundle!(
    /// The directory's lists page (CSV in and out, share links), which the
    /// reader's bundle hands over to it.
    activities_lists, Bundle::ActivityLists, records: true, kinds: ActivitiesOnly, catalogue: true, [
        "/aktiviteter/lister" => activities::ListsPage,
    ]
);

bundle!(
    /// The SKAL/KAN workshop as participants use it (the page a
    /// facilitator's QR code opens).
    assessment, Bundle::Assessment, records: true, kinds: AssessmentsOnly, catalogue: false, [
        "/" => Home,
        "/skal-kan" => assessment::AssessmentPage,
        "/skal-kan/:id" => assessment::session_page::<Lite>,
    ]
);

bundle!(
    /// A workshop's projector, show of hands and summary, and its
    /// overview, which the participants' bundle hands over to it.
    workshop, Bundle::Workshop, records: true, kinds: AssessmentsOnly, catalogue: false, [
        "/skal-kan/:id" => assessment::session_page::<Tools>,
    ]
);

bundle!(
    /// The data page: export, import, clearing, and share links of mixed records.
    data, Bundle::Data, records: true, kinds: AllKinds, catalogue: false, ["/" => Home, "/del" => DataPage]
);

/// The address shown (path with the base, query and fragment), and the part
/// of it a bundle is picked by (the path below the base, with the query).
fn address(location: &crate::router::Location) -> (String, String) {
    let path = location.pathname.get_untracked();
    let base = crate::ui::link::base();
    let below = path.strip_prefix(base.as_str()).filter(|p| p.starts_with('/')).unwrap_or(&path);
    let search = location.search.get_untracked();
    let query = if search.is_empty() { String::new() } else { format!("?{search}") };
    (format!("{path}{query}{}", location.hash.get_untracked()), format!("{below}{query}"))
}

/// The bundle's routes while the address is one of its pages; an address
/// the router would match but another bundle holds (the directory's form
/// and lists page in the reader's bundle) goes to [`Elsewhere`].
#[component]
fn Served(bundle: Bundle, children: ChildrenFn) -> impl IntoView {
    let location = crate::router::use_location();
    let served = Memo::new(move |_| {
        // Tracked: the path and the query.
        location.pathname.track();
        location.search.track();
        bundle.serves(&address(&location).1)
    });
    move || {
        if served.get() {
            children().into_any()
        } else {
            view! { <Elsewhere bundle=bundle/> }.into_any()
        }
    }
}

/// An address no route of this bundle has: another bundle's page is loaded
/// as a page of its own (once any save in progress has ended, so leaving
/// loses nothing and asks nothing); anything else is "not found". Until
/// then the page is empty and marked busy.
#[component]
fn Elsewhere(bundle: Bundle) -> impl IntoView {
    // The router's address: the browser's shows it only once the new page
    // is drawn (this fallback is that page).
    let (target, picked_by) = address(&crate::router::use_location());
    if bundle.serves(&picked_by) {
        return view! { <NotFound/> }.into_any();
    }
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
