//! The app's own router: the address as signals, the app's links and the
//! back button handled in the page, and a bundle's pages matched by their
//! patterns (`routes::PATTERNS`). It does what the app used of
//! `leptos_router` (`Router`, `Routes`, `use_location`, `use_navigate`,
//! `use_params_map`, `use_query_map`) in a fraction of the wasm that every
//! bundle carried for it (docs/SIZE.md). The pure parts (matching,
//! percent-decoding, the query) are in `routes.rs` and tested natively.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::routes::{match_pattern, parse_query};

/// The address shown: the whole path (with the base), the query without its
/// `?`, and the fragment with its `#` (empty when none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Url {
    path: String,
    search: String,
    hash: String,
}

impl Url {
    fn shown() -> Url {
        let Some(loc) = web_sys::window().map(|w| w.location()) else { return Url::default() };
        Url {
            path: loc.pathname().unwrap_or_default(),
            search: loc.search().unwrap_or_default().trim_start_matches('?').to_string(),
            hash: loc.hash().unwrap_or_default(),
        }
    }
}

/// The address as signals.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, base included.
    pub pathname: Memo<String>,
    /// The query, without its `?`.
    pub search: Memo<String>,
    /// The fragment, with its `#` (empty when none).
    pub hash: Memo<String>,
}

/// Keys and values of a query or of a route's parameters, decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamsMap(Vec<(String, String)>);

impl ParamsMap {
    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// How [`use_navigate`]'s function moves (to a path with its base:
/// `ui::link::to`).
#[derive(Clone, Copy, Debug)]
pub struct NavigateOptions {
    /// Replace the history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top (or to the fragment's element) afterwards.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions { replace: false, scroll: true }
    }
}

#[derive(Clone)]
struct RouterContext {
    url: RwSignal<Url>,
    location: Location,
    /// The app's base path without a trailing slash ("" at the root).
    base: String,
}

#[derive(Clone, Copy)]
struct RouteParams(Memo<ParamsMap>);

fn context() -> RouterContext {
    expect_context::<RouterContext>()
}

/// The address as signals (the path with the base).
pub fn use_location() -> Location {
    context().location
}

/// The query of the address, decoded.
pub fn use_query_map() -> Memo<ParamsMap> {
    let location = use_location();
    Memo::new(move |_| location.search.with(|s| ParamsMap(parse_query(s))))
}

/// The parameters (`:id`) of the page's route, decoded.
pub fn use_params_map() -> Memo<ParamsMap> {
    expect_context::<RouteParams>().0
}

/// A function that moves to a path of the app (with its base) without a
/// page load.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let url = context().url;
    move |to: &str, options: NavigateOptions| go(url, to, options)
}

fn go(url: RwSignal<Url>, to: &str, options: NavigateOptions) {
    let Some(w) = web_sys::window() else { return };
    if let Ok(history) = w.history() {
        let _ = if options.replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        };
    }
    url.set(Url::shown());
    if options.scroll {
        scroll_to_fragment_or_top(&w);
        // Another page's fragment: again once that page is drawn.
        if w.location().hash().is_ok_and(|h| h.len() > 1) {
            leptos::task::spawn_local(async {
                crate::slices::next_turn().await;
                if let Some(w) = web_sys::window() {
                    scroll_to_fragment_or_top(&w);
                }
            });
        }
    }
}

/// After a move: the fragment's element into view (and focused, when it
/// takes the focus, as `main` does for the skip link), or the top of the
/// page.
fn scroll_to_fragment_or_top(w: &web_sys::Window) {
    let hash = w.location().hash().unwrap_or_default();
    let target = hash.strip_prefix('#').filter(|id| !id.is_empty()).and_then(|id| w.document()?.get_element_by_id(id));
    match target {
        Some(el) => {
            el.scroll_into_view();
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        None => w.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// Provides the address to the app and handles its links and the back
/// button: a click on a link to a page of the app below its base moves
/// without a page load (not with a modifier key, another target, a
/// download, `rel="external"`, or to another origin); a link to a fragment
/// (`href="#main"`) scrolls the page shown to its element and moves the
/// focus there.
#[component]
pub fn Router(
    /// The app's base path without a trailing slash ("" at the root).
    base: String,
    children: Children,
) -> impl IntoView {
    let url = RwSignal::new(Url::shown());
    let location = Location {
        pathname: Memo::new(move |_| url.with(|u| u.path.clone())),
        search: Memo::new(move |_| url.with(|u| u.search.clone())),
        hash: Memo::new(move |_| url.with(|u| u.hash.clone())),
    };
    provide_context(RouterContext { url, location, base: base.clone() });
    if let Some(w) = web_sys::window() {
        // Back, forward and fragments: the browser has moved; follow it.
        let follow = Closure::<dyn Fn()>::new(move || url.set(Url::shown()));
        let _ = w.add_event_listener_with_callback("popstate", follow.as_ref().unchecked_ref());
        let _ = w.add_event_listener_with_callback("hashchange", follow.as_ref().unchecked_ref());
        follow.forget();
        let click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| on_click(url, &base, ev));
        if let Some(doc) = w.document() {
            let _ = doc.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        }
        click.forget();
    }
    children()
}

fn on_click(url: RwSignal<Url>, base: &str, ev: web_sys::MouseEvent) {
    if ev.default_prevented() || ev.button() != 0 || ev.meta_key() || ev.alt_key() || ev.ctrl_key() || ev.shift_key() {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(a) = link else { return };
    let external = a.get_attribute("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "external"));
    if a.has_attribute("download") || !matches!(a.target().as_str(), "" | "_self") || external {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    // `#main` (the skip link) is a fragment of the page shown; the browser
    // would read it against `<base href>`, which is the app's front page.
    if let Some(fragment) = a.get_attribute("href").filter(|h| h.starts_with('#') && h.len() > 1) {
        ev.prevent_default();
        let shown = Url::shown();
        let query = if shown.search.is_empty() { String::new() } else { format!("?{}", shown.search) };
        go(url, &format!("{}{query}{fragment}", shown.path), NavigateOptions::default());
        return;
    }
    let Ok(to) = web_sys::Url::new(&a.href()) else { return };
    if Some(to.origin()) != w.location().origin().ok() {
        return;
    }
    let path = to.pathname();
    if !base.is_empty() && path != base && !path.starts_with(&format!("{base}/")) {
        return;
    }
    let shown = Url::shown();
    let same_page = path == shown.path && to.search().trim_start_matches('?') == shown.search;
    if same_page && !to.hash().is_empty() {
        return;
    }
    ev.prevent_default();
    // A link to the page shown goes to its top without a second history entry.
    let options = NavigateOptions { replace: same_page, ..Default::default() };
    go(url, &format!("{path}{}{}", to.search(), to.hash()), options);
}

/// A route: its pattern (`routes::PATTERNS`) and its page.
pub type Page = (&'static str, fn() -> AnyView);

/// The page of the first pattern that matches the path (below the base),
/// with its parameters for [`use_params_map`], or `fallback`. A page is
/// built again only when another pattern matches; a new parameter or query
/// reaches it through the signals.
pub fn routes(table: Vec<Page>, fallback: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let RouterContext { location, base, .. } = context();
    let patterns: Vec<&'static str> = table.iter().map(|(p, _)| *p).collect();
    let views: Vec<fn() -> AnyView> = table.into_iter().map(|(_, v)| v).collect();
    let matched = Memo::new(move |_| {
        location.pathname.with(|p| {
            let below = p.strip_prefix(base.as_str()).filter(|b| b.starts_with('/')).unwrap_or(p);
            patterns.iter().enumerate().find_map(|(i, pattern)| match_pattern(pattern, below).map(|params| (i, params)))
        })
    });
    let page = Memo::new(move |_| matched.with(|m| m.as_ref().map(|(i, _)| *i)));
    let params =
        Memo::new(move |_| matched.with(|m| ParamsMap(m.as_ref().map(|(_, p)| p.clone()).unwrap_or_default())));
    provide_context(RouteParams(params));
    // A page is built untracked, as a component is: what it reads while
    // being built must not make the router build it again.
    move || match page.get() {
        Some(i) => untrack(views[i]),
        None => untrack(&fallback),
    }
}
