//! Prints, as JSON on standard output, what the build's JavaScript reads of
//! the app (`tools/site.mjs`): the route table (`routes::ROUTES`: each page's
//! pattern, bundle and static page file), the bundles (name and cargo
//! binary), the table the loader picks a bundle by (first segment → bundle),
//! and the storage names (`names`); and the shared board's origin a build
//! allows (`TOL_SYNC_ORIGIN`, from `./x build --sync-origin …`), checked by
//! the core, or `null`.
//!
//! `cargo run -q --example site`

use std::io::Write;

use serde_json::json;
use tid_og_lyst::names;
use tid_og_lyst::routes::{first_segment, page_file, Bundle, ROUTES};

fn main() -> std::io::Result<()> {
    let sync_origin = match std::env::var("TOL_SYNC_ORIGIN").ok().filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(s) => match tid_og_lyst_core::sync::board::board_origin(&s) {
            Ok(origin) => Some(origin),
            Err(e) => {
                eprintln!("--sync-origin {s}: {e}");
                std::process::exit(2);
            }
        },
    };
    let routes: Vec<_> = ROUTES
        .iter()
        .map(|(pattern, bundle)| json!({ "pattern": pattern, "bundle": bundle.name(), "page": page_file(pattern) }))
        .collect();
    let bundles: serde_json::Map<_, _> = Bundle::ALL.iter().map(|b| (b.name().to_string(), json!(b.bin()))).collect();
    let segments: serde_json::Map<_, _> =
        ROUTES.iter().map(|(pattern, b)| (first_segment(pattern).to_string(), json!(b.name()))).collect();
    let site = json!({
        "routes": routes,
        "bundles": bundles,
        "segments": segments,
        "fallback": Bundle::for_path("/findes-ikke").name(),
        "sync_origin": sync_origin,
        "storage": {
            "prefix": names::PREFIX,
            "db": names::DB_NAME,
        },
    });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &site)?;
    writeln!(out)
}
