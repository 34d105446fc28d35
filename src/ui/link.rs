//! Links that work from a sub-path: the app's base path is read once from
//! `<base href>` (set by `trunk build --public-url`) and put before every
//! internal link.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// Reads the base path from the document. Call once at start.
pub fn init_base() {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
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
