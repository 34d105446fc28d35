//! Prints, as JSON on standard output, the static first paint of every page
//! (tools/postbuild.mjs writes it into the pages' bodies): the app's own
//! frame and page tops (`ui::frame`, the route table's first paints, each
//! part's `top`), rendered to HTML natively with Leptos's `ssr` feature, so
//! what shows before the wasm is what the app draws, not a copy of it.
//!
//! `cargo run -q --example first_paint -- <base> <catalogue.json>`
//!
//! - `pages`: each route without a parameter, by its pattern: the frame with
//!   its navigation's part marked, and the page's top where it has one;
//! - `deep`: 404.html's body (any other address): the frame with an empty
//!   main, and for a record's page (`records`) the message its page shows
//!   when the record is not on the device, as a template its look-up
//!   script paints;
//! - `examples`: each example activity of the build's catalogue, its own
//!   page (`aktiviteter/<id>.html`) with its top.

use std::io::Write;

use leptos::prelude::*;
use serde_json::json;
use tid_og_lyst::features::{self, activities, assessment, dreams};
use tid_og_lyst::names;
use tid_og_lyst::routes::{first_segment, page_file, Route, ROUTES};
use tid_og_lyst::ui::frame::Frame;
use tid_og_lyst::ui::link::href;
use tid_og_lyst_core::sync::catalogue::parse_catalogue;

/// The body of a page at `path` (base included) with `top` in its main,
/// without the markers Leptos leaves for hydration (nothing hydrates it: the
/// app replaces it), so an empty main is empty.
fn body(path: String, top: Option<AnyView>) -> String {
    view! { <Frame path first_paint=true>{top}</Frame> }.to_html().replace("<!>", "")
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(base), Some(catalogue)) = (args.next(), args.next()) else {
        eprintln!("usage: first_paint <base> <catalogue.json>");
        std::process::exit(2);
    };
    tid_og_lyst::ui::link::set_base(&base);
    let (activities_list, _) = parse_catalogue(&std::fs::read_to_string(&catalogue)?).map_err(std::io::Error::other)?;
    let owner = Owner::new();
    let site = owner.with(|| {
        let pages: serde_json::Map<_, _> = ROUTES
            .iter()
            .filter(|(pattern, _)| page_file(pattern).is_some())
            .map(|(pattern, _)| (pattern.to_string(), json!(body(href(pattern), features::first_paint(pattern)))))
            .collect();
        // A record's page whose record is not on this device: its part, where
        // the app keeps its records (the IndexedDB store, and the local-storage
        // key of the first version's records), and what its page says.
        let records = [
            (Route::Dreams, names::STORE_DREAMS, names::KEY_DREAMS, dreams::top::missing().into_any()),
            (Route::Assessment, names::STORE_ASSESSMENTS, names::KEY_ASSESSMENTS, assessment::top::missing().into_any()),
        ]
        .map(|(route, store, legacy, missing)| {
            let part = first_segment(&route.path()).to_string();
            let html = view! {
                <template data-record=part.clone() data-store=store data-legacy=legacy data-shell="">{missing}</template>
            }
            .to_html();
            (json!({ "part": part, "store": store, "legacy": legacy }), html)
        });
        let deep = body(String::new(), None).replacen(
            "</main>",
            &format!("</main>{}", records.iter().map(|(_, t)| t.as_str()).collect::<String>()),
            1,
        );
        let examples: Vec<_> = activities_list
            .into_iter()
            .filter(|a| !a.meta.deleted)
            .map(|a| {
                let path = Route::Activity(a.meta.id.to_string()).path();
                json!({ "id": a.meta.id.to_string(), "path": path, "body": body(href(&path), Some(activities::top::example(a).into_any())) })
            })
            .collect();
        json!({
            "pages": pages,
            "deep": deep,
            "records": records.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
            "examples": examples,
        })
    });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(&mut out, &site)?;
    writeln!(out)
}
