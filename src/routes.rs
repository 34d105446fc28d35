//! The route table, the one place a page is declared: its pattern, the
//! bundle (wasm) that holds it, and its component. Everything else reads it:
//! the router of each bundle (`app.rs`), the loader's choice of bundle and the
//! static pages, the service worker, the size tool, the browser tests and the
//! benchmarks (through `examples/site.rs`, which prints it as JSON at build
//! time). Also every address as a value (`Route`), so no file spells a path
//! by hand. Pure and native, so its tests run with `cargo test`;
//! `ui::link::to` puts the base path before an address.

use tid_og_lyst_core::sync::data::{ActivitiesOnly, AllKinds, AssessmentsOnly, DreamsOnly, Kinds};

/// The route table: `pattern => Bundle, component[, first paint];` for every
/// page, in the order the router tries them. The first paint, where a page
/// has one, is the top of the page the build paints before the wasm
/// (`features::first_paint`, rendered natively by `examples/first_paint.rs`),
/// made of the same components the page draws. It is handed to `$then!`, so
/// each reader expands it where it is used: [`ROUTES`] below, the router's
/// pages in `app.rs` and the first paints, where the paths (below
/// `crate::features`) resolve. Adding a page is a row here and its component.
#[macro_export]
macro_rules! route_table {
    ($then:ident) => {
        $then! {
            "/" => Front, home::Home, home::Home;
            "/om" => Front, about::About, about::About;
            "/droemme" => Dreams, dreams::DreamsPage, dreams::top::board;
            "/droemme/ny" => Dreams, dreams::NewDreamPage, dreams::top::new_dream;
            "/droemme/aarsrapport" => Dreams, dreams::report::ReportPage;
            "/droemme/opslag" => Dreams, dreams::paper::PostersPage;
            "/droemme/:id" => Dreams, dreams::DreamPage;
            "/aktiviteter" => Activities, activities::ActivitiesPage, activities::top::directory;
            "/aktiviteter/ny" => Activities, activities::NewActivityPage, activities::top::new_activity;
            "/aktiviteter/lister" => Activities, activities::ListsPage, activities::top::lists;
            "/aktiviteter/haefte" => Activities, activities::BookletPage;
            "/aktiviteter/:id" => Activities, activities::ActivityPage;
            "/skal-kan" => Assessment, assessment::AssessmentPage, assessment::top::list;
            "/skal-kan/:id" => Assessment, assessment::SessionPage;
            "/del" => Data, data::DataPage, data::top::page;
        }
    };
}

/// The table's patterns and bundles.
macro_rules! patterns_and_bundles {
    ($($pattern:literal => $bundle:ident, $page:path $(, $top:path)?;)*) => {
        /// Every page: its pattern and the bundle that holds it, in the order
        /// the router tries them.
        pub const ROUTES: &[(&str, Bundle)] = &[$(($pattern, Bundle::$bundle)),*];
    };
}
route_table!(patterns_and_bundles);

/// A wasm of the app: the front page's light one, one per part and `/del`'s.
/// A part's pages move between each other without a page load; another
/// bundle's page is loaded as a page of its own (`app::Elsewhere`), from the
/// service worker's copy after the first visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The front page and "Om" (and "not found" for an unknown address).
    Front,
    /// The dream board: runners' and coordinator's pages.
    Dreams,
    /// The activity directory with its form and lists page.
    Activities,
    /// The SKAL/KAN workshop: participants' and facilitator's pages.
    Assessment,
    /// The data page `/del`: every kind of record, no part's pages.
    Data,
}

impl Bundle {
    /// Every bundle.
    pub const ALL: [Bundle; 5] = [Bundle::Front, Bundle::Dreams, Bundle::Activities, Bundle::Assessment, Bundle::Data];

    /// Its name in the build (the loader's table).
    pub const fn name(self) -> &'static str {
        match self {
            Bundle::Front => "front",
            Bundle::Dreams => "dreams",
            Bundle::Activities => "activities",
            Bundle::Assessment => "assessment",
            Bundle::Data => "data",
        }
    }

    /// The cargo binary that builds it (`src/bin/`; `/del`'s is trunk's, `src/main.rs`).
    pub const fn bin(self) -> &'static str {
        match self {
            Bundle::Front => "part-front",
            Bundle::Dreams => "part-dreams",
            Bundle::Activities => "part-activities",
            Bundle::Assessment => "part-assessment",
            Bundle::Data => "tid-og-lyst",
        }
    }

    /// The bundle that holds the page at `path` (below the base, with or
    /// without its query and fragment): the one of its first segment in the
    /// table; an unknown address is the front page's ("not found").
    pub fn for_path(path: &str) -> Bundle {
        let first = first_segment(path);
        ROUTES.iter().find(|(pattern, _)| first_segment(pattern) == first).map_or(Bundle::Front, |(_, b)| *b)
    }
}

/// The first segment of a path below the base (one leading slash dropped;
/// the query and fragment ignored). The loader reads an address the same
/// way, with the table of `(segment, bundle)` this gives.
pub fn first_segment(path: &str) -> &str {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_prefix('/').unwrap_or(path);
    path.split('/').next().unwrap_or("")
}

/// The file of a route's own static page (`/` → `index.html`,
/// `/aktiviteter/lister` → `aktiviteter/lister.html`), which static hosts
/// serve for its address; `None` for a pattern with a parameter (404.html is
/// served there).
pub fn page_file(pattern: &str) -> Option<String> {
    match pattern {
        "/" => Some("index.html".into()),
        p if p.contains(':') => None,
        p => Some(format!("{}.html", p.trim_start_matches('/'))),
    }
}

/// What a bundle's build is: its bundle and the kinds of record it reads
/// and writes (`sync::data::Kinds`). One type per bundle, named as its bundle.
pub trait Part: 'static {
    /// The bundle.
    const BUNDLE: Bundle;
    /// The records it holds (the front page's reads none).
    type Kinds: Kinds;
}

/// The parts, as types for [`Part`].
pub mod part {
    use super::*;

    macro_rules! parts {
        ($($name:ident: $kinds:ty;)*) => {$(
            #[doc = concat!("The `", stringify!($name), "` bundle.")]
            pub struct $name;
            impl Part for $name {
                const BUNDLE: Bundle = Bundle::$name;
                type Kinds = $kinds;
            }
        )*};
    }

    parts! {
        Front: AllKinds;
        Dreams: DreamsOnly;
        Activities: ActivitiesOnly;
        Assessment: AssessmentsOnly;
        Data: AllKinds;
    }
}

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The front page with the three doors.
    Home,
    /// The dream board.
    Dreams,
    /// The coordinator's form for a new dream.
    NewDream,
    /// One dream, by id.
    Dream(String),
    /// One dream's edit form, by id.
    EditDream(String),
    /// The year in numbers: the coordinator's anonymous counts by month and
    /// category, to print or save as CSV.
    DreamReport,
    /// Posters for the notice board: every open dream with its QR code, or
    /// one dream's A4 sheet (by id).
    DreamPosters(Option<String>),
    /// The activity directory, with its filters as query pairs (empty: none).
    Activities(Vec<(String, String)>),
    /// The form for a new activity.
    NewActivity,
    /// One activity, by id.
    Activity(String),
    /// One activity's edit form, by id.
    EditActivity(String),
    /// Lists in and out (CSV and share links) of the activities a search
    /// shows, with the list's filters as query pairs.
    ActivityLists(Vec<(String, String)>),
    /// The A5 booklet of the activities a search shows, to print, with the
    /// list's filters as query pairs.
    ActivityBooklet(Vec<(String, String)>),
    /// The workshop list.
    Assessment,
    /// One workshop session in one view ("" for the default view).
    Session(String, String),
    /// Export, import and clear the device.
    Data,
    /// About, principles and privacy.
    About,
    /// The service worker script.
    ServiceWorker,
}

impl Route {
    /// The path below the app's base, with its query string.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Dreams => "/droemme".into(),
            Route::NewDream => "/droemme/ny".into(),
            Route::Dream(id) => format!("/droemme/{}", encode(id)),
            Route::EditDream(id) => format!("/droemme/{}?rediger=1", encode(id)),
            Route::DreamReport => "/droemme/aarsrapport".into(),
            Route::DreamPosters(None) => "/droemme/opslag".into(),
            Route::DreamPosters(Some(id)) => format!("/droemme/opslag?droem={}", encode(id)),
            Route::Activities(pairs) => format!("/aktiviteter{}", query(pairs)),
            Route::NewActivity => "/aktiviteter/ny".into(),
            Route::Activity(id) => format!("/aktiviteter/{}", encode(id)),
            Route::EditActivity(id) => format!("/aktiviteter/{}?rediger=1", encode(id)),
            Route::ActivityLists(pairs) => format!("/aktiviteter/lister{}", query(pairs)),
            Route::ActivityBooklet(pairs) => format!("/aktiviteter/haefte{}", query(pairs)),
            Route::Assessment => "/skal-kan".into(),
            Route::Session(id, view) if view.is_empty() => format!("/skal-kan/{}", encode(id)),
            Route::Session(id, view) => format!("/skal-kan/{}?visning={}", encode(id), encode(view)),
            Route::Data => "/del".into(),
            Route::About => "/om".into(),
            Route::ServiceWorker => "/sw.js".into(),
        }
    }

    /// The page a share link of records of these kinds opens and imports
    /// them on: the dream board for dreams only, the workshop list for
    /// workshops only (so a facilitator's QR code opens the workshop's own
    /// bundle), else the data page.
    pub fn for_import(dreams: bool, activities: bool, assessments: bool) -> Route {
        match (dreams, activities, assessments) {
            (true, false, false) => Route::Dreams,
            (false, false, true) => Route::Assessment,
            _ => Route::Data,
        }
    }

    /// The directory filtered to one place (the "Flere aktiviteter her" link).
    pub fn activities_at(place: &str) -> Route {
        Route::Activities(vec![("sted".into(), place.into())])
    }
}

/// `?k=v&…` with every key and value percent-encoded, or "" for no pairs.
fn query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    format!("?{}", parts.join("&"))
}

/// Percent-encodes like the browser's `encodeURIComponent`: UTF-8 bytes,
/// everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )` escaped.
pub fn encode(text: &str) -> String {
    tid_og_lyst_core::text::fields::percent_encode_keeping(text, b"-_.!~*'()")
}

/// The parameters of `path` (below the base, without query) if it fits
/// `pattern` (`/droemme/:id`): the same number of segments, each equal or a
/// `:name`, which takes the decoded segment. A trailing slash is ignored.
pub fn match_pattern(pattern: &str, path: &str) -> Option<Vec<(String, String)>> {
    let segments = |p: &str| -> Vec<String> {
        let p = p.trim_start_matches('/');
        let p = p.strip_suffix('/').unwrap_or(p);
        if p.is_empty() {
            Vec::new()
        } else {
            p.split('/').map(str::to_string).collect()
        }
    };
    let (want, got) = (segments(pattern), segments(path));
    if want.len() != got.len() {
        return None;
    }
    let mut params = Vec::new();
    for (w, g) in want.iter().zip(&got) {
        match w.strip_prefix(':') {
            Some(name) if !g.is_empty() => params.push((name.to_string(), decode(g, false))),
            Some(_) => return None,
            None if w == g => {}
            None => return None,
        }
    }
    Some(params)
}

/// The pairs of a query (without its `?`), decoded as the browser's
/// `URLSearchParams` does (`+` is a space); empty pairs are skipped.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k, true), decode(v, true))
        })
        .collect()
}

/// Percent-decoding (and `+` as a space in a query); a `%` that starts no
/// escape is kept, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_match_the_documented_routes() {
        let id = "0b6f1c9e-8f4a-4c57-9d2b-3f1e2a7c5d10".to_string();
        let cases = [
            (Route::Home, "/".to_string()),
            (Route::Dreams, "/droemme".into()),
            (Route::NewDream, "/droemme/ny".into()),
            (Route::Dream(id.clone()), format!("/droemme/{id}")),
            (Route::DreamReport, "/droemme/aarsrapport".into()),
            (Route::DreamPosters(None), "/droemme/opslag".into()),
            (Route::DreamPosters(Some(id.clone())), format!("/droemme/opslag?droem={id}")),
            (Route::Activities(vec![]), "/aktiviteter".into()),
            (Route::Activity(id.clone()), format!("/aktiviteter/{id}")),
            (Route::EditActivity(id.clone()), format!("/aktiviteter/{id}?rediger=1")),
            (Route::Session(id.clone(), String::new()), format!("/skal-kan/{id}")),
            (Route::Session(id.clone(), "projektor".into()), format!("/skal-kan/{id}?visning=projektor")),
            (Route::Data, "/del".into()),
            (Route::About, "/om".into()),
        ];
        for (route, want) in cases {
            assert_eq!(route.path(), want, "{route:?}");
        }
    }

    #[test]
    fn patterns_match_their_paths_and_give_decoded_parameters() {
        let p = |k: &str, v: &str| vec![(k.to_string(), v.to_string())];
        assert_eq!(match_pattern("/", "/"), Some(vec![]));
        assert_eq!(match_pattern("/", ""), Some(vec![]));
        assert_eq!(match_pattern("/", "/om"), None);
        assert_eq!(match_pattern("/om", "/om/"), Some(vec![]));
        assert_eq!(match_pattern("/droemme", "/droemme/x"), None);
        assert_eq!(match_pattern("/droemme/:id", "/droemme"), None);
        assert_eq!(match_pattern("/droemme/:id", "/droemme/"), None);
        assert_eq!(match_pattern("/droemme/:id", "/droemme/ny"), Some(p("id", "ny")));
        assert_eq!(match_pattern("/droemme/:id", "/droemme/a%20b%C3%B8"), Some(p("id", "a bø")));
        assert_eq!(match_pattern("/droemme/:id", "/droemme/a+b"), Some(p("id", "a+b")), "+ is a space only in a query");
        assert_eq!(match_pattern("/skal-kan/:id", "/droemme/x"), None);
        assert_eq!(match_pattern("/skal-kan/:id", "/skal-kan/x/y"), None);
        // The dreams' pages of their own come before a dream's `:id`.
        for (route, pattern) in
            [(Route::DreamReport, "/droemme/aarsrapport"), (Route::DreamPosters(Some("x".into())), "/droemme/opslag")]
        {
            let path = route.path();
            let path = path.split('?').next().unwrap();
            let first = ROUTES.iter().find(|(p, _)| match_pattern(p, path).is_some()).map(|(p, _)| *p);
            assert_eq!(first, Some(pattern), "{route:?}");
        }
        // Every route's path fits its own pattern and no earlier one of the whole app's.
        for r in [
            Route::Home,
            Route::Dream("x y".into()),
            Route::ActivityLists(vec![]),
            Route::ActivityBooklet(vec![]),
            Route::About,
        ] {
            let path = r.path();
            let path = path.split('?').next().unwrap();
            assert!(ROUTES.iter().any(|(pattern, _)| match_pattern(pattern, path).is_some()), "{path}");
        }
    }

    #[test]
    fn a_query_is_read_as_the_browser_reads_it() {
        let pairs = |v: &[(&str, &str)]| v.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
        assert_eq!(parse_query(""), pairs(&[]));
        assert_eq!(
            parse_query("q=kaffe%20%26%20kage&kommune=H%C3%B8je-Taastrup"),
            pairs(&[("q", "kaffe & kage"), ("kommune", "Høje-Taastrup")])
        );
        assert_eq!(parse_query("a=1+2&&b&c=%zz&d=%"), pairs(&[("a", "1 2"), ("b", ""), ("c", "%zz"), ("d", "%")]));
        assert_eq!(parse_query("x=%FF"), pairs(&[("x", "\u{FFFD}")]));
        // What Route writes, the query reads back.
        let r = Route::Activities(vec![("q".into(), "a+b & 100%".into()), ("sted".into(), "Ærø/Marstal".into())]);
        let path = r.path();
        let (_, q) = path.split_once('?').unwrap();
        assert_eq!(parse_query(q), pairs(&[("q", "a+b & 100%"), ("sted", "Ærø/Marstal")]));
    }

    #[test]
    fn query_values_are_encoded_like_encode_uri_component() {
        let r =
            Route::Activities(vec![("q".into(), "kaffe & kage".into()), ("kommune".into(), "Høje-Taastrup".into())]);
        assert_eq!(r.path(), "/aktiviteter?q=kaffe%20%26%20kage&kommune=H%C3%B8je-Taastrup");
        assert_eq!(Route::activities_at("Bytorvet 1, Ærø").path(), "/aktiviteter?sted=Bytorvet%201%2C%20%C3%86r%C3%B8");
        assert_eq!(encode("a-b_c.d!e~f*g'h(i)j"), "a-b_c.d!e~f*g'h(i)j");
        assert_eq!(encode("/?#"), "%2F%3F%23");
    }

    #[test]
    fn a_link_of_one_part_opens_that_part() {
        assert_eq!(Route::for_import(true, false, false), Route::Dreams);
        assert_eq!(Route::for_import(false, false, true), Route::Assessment);
        // Activities are shared with the rest (the directory imports no links), and mixed links on /del.
        assert_eq!(Route::for_import(false, true, false), Route::Data);
        assert_eq!(Route::for_import(true, false, true), Route::Data);
        assert_eq!(Route::for_import(false, false, false), Route::Data);
    }

    #[test]
    fn a_page_belongs_to_the_bundle_of_its_first_segment() {
        // The table is consistent: every pattern of a first segment is one bundle's.
        for (pattern, bundle) in ROUTES {
            assert_eq!(Bundle::for_path(pattern), *bundle, "{pattern}");
        }
        let id = "x".to_string();
        let cases = [
            (Route::Home, Bundle::Front),
            (Route::About, Bundle::Front),
            (Route::Dreams, Bundle::Dreams),
            (Route::NewDream, Bundle::Dreams),
            (Route::DreamReport, Bundle::Dreams),
            (Route::DreamPosters(Some(id.clone())), Bundle::Dreams),
            (Route::Activities(vec![("q".into(), "a/b".into())]), Bundle::Activities),
            (Route::NewActivity, Bundle::Activities),
            (Route::EditActivity(id.clone()), Bundle::Activities),
            (Route::ActivityLists(vec![("q".into(), "kor".into())]), Bundle::Activities),
            (Route::ActivityBooklet(vec![("q".into(), "kor".into())]), Bundle::Activities),
            (Route::Assessment, Bundle::Assessment),
            (Route::Session(id.clone(), "projektor".into()), Bundle::Assessment),
            (Route::Session(id.clone(), "svar".into()), Bundle::Assessment),
            (Route::Data, Bundle::Data),
        ];
        for (route, bundle) in cases {
            assert_eq!(Bundle::for_path(&route.path()), bundle, "{route:?}");
        }
        // A word that only starts like a part is no part; a word in a query or fragment is no path.
        assert_eq!(Bundle::for_path("/droemmeland"), Bundle::Front);
        assert_eq!(Bundle::for_path("/?x=/droemme"), Bundle::Front);
        assert_eq!(Bundle::for_path("/del#/droemme"), Bundle::Data);
        assert_eq!(Bundle::for_path("//droemme"), Bundle::Front);
        assert_eq!(Bundle::for_path("/skal-kan/x?visning=projektor"), Bundle::Assessment);
    }

    #[test]
    fn routes_without_parameters_have_a_page_of_their_own() {
        assert_eq!(page_file("/").as_deref(), Some("index.html"));
        assert_eq!(page_file("/droemme").as_deref(), Some("droemme.html"));
        assert_eq!(page_file("/aktiviteter/lister").as_deref(), Some("aktiviteter/lister.html"));
        assert_eq!(page_file("/droemme/aarsrapport").as_deref(), Some("droemme/aarsrapport.html"));
        assert_eq!(page_file("/droemme/:id"), None);
        // Each bundle has a page, and names of its own.
        for b in Bundle::ALL {
            assert!(ROUTES.iter().any(|(_, owner)| *owner == b), "{b:?} has no page");
            assert_eq!(Bundle::ALL.iter().filter(|o| o.name() == b.name() || o.bin() == b.bin()).count(), 1);
        }
    }

    #[test]
    fn every_route_but_the_service_worker_has_a_router_pattern() {
        let all = [
            Route::Home,
            Route::Dreams,
            Route::NewDream,
            Route::Dream("x".into()),
            Route::EditDream("x".into()),
            Route::DreamReport,
            Route::DreamPosters(None),
            Route::DreamPosters(Some("x".into())),
            Route::Activities(vec![]),
            Route::NewActivity,
            Route::Activity("x".into()),
            Route::EditActivity("x".into()),
            Route::ActivityLists(vec![]),
            Route::ActivityBooklet(vec![]),
            Route::Assessment,
            Route::Session("x".into(), String::new()),
            Route::Data,
            Route::About,
        ];
        for r in all {
            let path = r.path();
            let path = path.split('?').next().unwrap();
            let fits = ROUTES.iter().any(|(p, _)| {
                let (a, b): (Vec<&str>, Vec<&str>) = (p.split('/').collect(), path.split('/').collect());
                a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.starts_with(':') || x == y)
            });
            assert!(fits, "{path} has no pattern");
        }
    }
}
