//! Links that work from a sub-path: the app's base path is read once from
//! `<base href>` (set by `trunk build --public-url`) and put before every
//! internal link.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// Reads the base path from the document. Call once at start.
#[cfg(target_arch = "wasm32")]
pub fn init_base() {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    set_base(&base);
}

/// Sets the base path (the build's, when it renders the static first paint).
pub fn set_base(base: &str) {
    let _ = BASE.set(base.trim_end_matches('/').to_string());
}

/// The base path without a trailing slash ("" at the root).
pub fn base() -> String {
    BASE.get().cloned().unwrap_or_default()
}

/// An internal link: `href("/om")` → `/sub/om` when served from `/sub/`.
pub fn href(path: &str) -> String {
    format!("{}{}", base(), path)
}

/// The link to a page of the app, below the base path.
pub fn to(route: &crate::routes::Route) -> String {
    href(&route.path())
}

/// Loads `url` (a path with the base, query and hash) as a page of its own:
/// its page's loader starts the bundle that has it (`routes::Bundle`). When
/// the address bar shows it already, the page is loaded again in place.
#[cfg(target_arch = "wasm32")]
pub fn load_page(url: &str) {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return };
    let shown = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default()
    );
    let _ = if shown == url { loc.reload() } else { loc.assign(url) };
}
