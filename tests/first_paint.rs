//! The static first paint, rendered natively as the build renders it
//! (`examples/first_paint.rs`): every route the table gives a first paint
//! paints its heading inside the frame, links stay under the base path, the
//! navigation marks the part shown, and text from the catalogue is escaped,
//! never markup. (That the app draws the same markup is checked in Chromium:
//! `e2e/tests/first-paint.test.mjs`.)

use leptos::prelude::*;
use tid_og_lyst::features::{activities, first_paint};
use tid_og_lyst::routes::{page_file, ROUTES};
use tid_og_lyst::ui::frame::Frame;
use tid_og_lyst::ui::link::{href, set_base};
use tid_og_lyst_core::activities::activity::Draft;
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};

/// A page's body at `path` with `top`, as the build writes it.
fn body(path: &str, top: Option<AnyView>) -> String {
    let path = href(path);
    view! { <Frame path first_paint=true>{top}</Frame> }.to_html()
}

// One test: the base path is set once per process, as in the build.
#[test]
fn the_first_paint_is_the_frame_and_each_page_top_under_the_base_path() {
    set_base("/tidoglyst/");
    let owner = Owner::new();
    owner.with(|| {
        let with_top: Vec<_> = ROUTES.iter().filter(|(p, _)| first_paint(p).is_some()).map(|(p, _)| *p).collect();
        for p in [
            "/",
            "/om",
            "/droemme",
            "/droemme/ny",
            "/aktiviteter",
            "/aktiviteter/ny",
            "/aktiviteter/lister",
            "/skal-kan",
            "/del",
        ] {
            assert!(with_top.contains(&p), "{p} has a first paint");
        }
        for (pattern, _) in ROUTES {
            let html = body(pattern, first_paint(pattern));
            let paints = first_paint(pattern).is_some();
            assert!(!paints || page_file(pattern).is_some(), "{pattern}: a first paint needs a page of its own");
            assert_eq!(html.matches("<h1>").count(), usize::from(paints), "{pattern}: {html}");
            assert!(html.contains(r#"<main id="main-shell" tabindex="-1" data-shell="">"#), "{pattern}");
            assert!(html.contains(r#"id="boot-loading""#), "{pattern}: \"appen starter\"");
            // Every internal link is under the base path.
            for link in html.split("href=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]) {
                assert!(link.starts_with("/tidoglyst/") || link == "#main-shell", "{pattern}: {link}");
            }
            // The part shown is marked in the navigation, and only it.
            let current: Vec<_> = html
                .match_indices(r#" aria-current="page""#)
                .map(|(i, _)| &html[html[..i].rfind("href=\"").unwrap()..i])
                .collect();
            let part = pattern.split('/').nth(1).filter(|s| ["droemme", "aktiviteter", "skal-kan", "del"].contains(s));
            match part {
                Some(part) => assert_eq!(current, [format!("href=\"/tidoglyst/{part}\"")], "{pattern}"),
                None => assert!(current.is_empty(), "{pattern}: {current:?}"),
            }
        }
        // A fresh device's blocks are marked, so they show only there.
        assert_eq!(body("/del", first_paint("/del")).matches("data-fresh=\"\"").count(), 3);
        assert_eq!(body("/droemme", first_paint("/droemme")).matches("data-fresh=\"\"").count(), 1);

        // An example activity's top: what the catalogue says is text, never markup.
        let hostile = "<img src=x onerror=alert(1)> & \"Kaffe\" <script>alert(2)</script>";
        let draft = Draft {
            title: hostile.into(),
            organizer: hostile.into(),
            municipality: "Assens".into(),
            days: [true, false, false, false, false, false, false],
            ..Draft::default()
        };
        let mut a = draft
            .build(Meta::new(RecordId::from_seed(7), &mut Clock::new(DeviceId("t".into())), 1), Default::default())
            .unwrap();
        a.example = true;
        let html = body("/aktiviteter/x", Some(activities::top::example(a).into_any()));
        assert!(!html.contains("<script") && !html.contains("<img src=x"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "{html}");
        assert_eq!(html.matches("&lt;img src=x onerror=alert(1)&gt;").count(), 2, "title and organizer: {html}");
        assert!(html.contains(r#"data-held=""#) && html.contains(r#"class="notice example-notice""#), "{html}");
    });
}
