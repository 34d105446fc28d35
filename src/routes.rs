//! Every address of the app as a value: the router's patterns and the links
//! built from `Route`, so no file spells a path by hand. Pure and native, so
//! its tests run with `cargo test`; `ui::link::to` puts the base path before it.

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
    /// One dream with the coordinator's tools unfolded, by id (they are in
    /// the coordinator's bundle only: the runners' links here).
    DreamTools(String),
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

/// The router's patterns, in the order `app.rs` declares them; a tidy test
/// checks that `app.rs` uses exactly these.
pub const PATTERNS: [&str; 10] = [
    "/",
    "/droemme",
    "/droemme/:id",
    "/aktiviteter",
    "/aktiviteter/lister",
    "/aktiviteter/:id",
    "/skal-kan",
    "/skal-kan/:id",
    "/del",
    "/om",
];

impl Route {
    /// The path below the app's base, with its query string.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Dreams => "/droemme".into(),
            Route::NewDream => format!("/droemme/{NEW}"),
            Route::Dream(id) => format!("/droemme/{}", encode(id)),
            Route::EditDream(id) => format!("/droemme/{}?rediger=1", encode(id)),
            Route::DreamTools(id) => format!("/droemme/{}?koordinator=1", encode(id)),
            Route::Activities(pairs) => format!("/aktiviteter{}", query(pairs)),
            Route::NewActivity => format!("/aktiviteter/{NEW}"),
            Route::Activity(id) => format!("/aktiviteter/{}", encode(id)),
            Route::EditActivity(id) => format!("/aktiviteter/{}?rediger=1", encode(id)),
            Route::ActivityLists(pairs) => format!("/aktiviteter/{LISTS}{}", query(pairs)),
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

/// The second segment of `/aktiviteter/lister` (an activity's id is a UUID,
/// so it never reads `lister` or `ny`).
pub const LISTS: &str = "lister";
/// The second segment of the forms for a new dream and a new activity.
pub const NEW: &str = "ny";
/// The views of a workshop (`?visning=…`) only the facilitator's bundle
/// ([`Bundle::Workshop`]) has.
pub const FACILITATOR_VIEWS: [&str; 3] = ["projektor", "haender", "resume"];

/// Which of a part's pages a page generic over it builds: the lighter
/// bundle's (`Lite`), the fuller bundle's (`Tools`: the part's heavier
/// pages, and of the lighter pages only what they lead to: a dream's or an
/// activity's page after its form is saved, a workshop's overview), or both
/// (`Full`: the whole app). Code a bundle never shows is not in its wasm.
pub trait Edition: Copy + Default + Send + Sync + 'static {
    /// The heavier pages are built (the dream form and the coordinator's
    /// tools, the activity form, the facilitator's projector, show of hands
    /// and summary).
    const FULL: bool;
    /// The lighter bundle's own screens are built too (a workshop's
    /// answering on a phone and passing a tablet round), which the fuller
    /// bundle hands to the lighter one.
    const LIGHT: bool;
}

/// The lighter bundle of a part ([`Bundle::Dreams`], [`Bundle::Activities`], [`Bundle::Assessment`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Lite;
impl Edition for Lite {
    const FULL: bool = false;
    const LIGHT: bool = true;
}

/// The fuller bundle of a part ([`Bundle::DreamsEdit`], [`Bundle::ActivitiesEdit`], [`Bundle::Workshop`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Tools;
impl Edition for Tools {
    const FULL: bool = true;
    const LIGHT: bool = false;
}

/// Every page of a part: the whole app ([`Bundle::All`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Full;
impl Edition for Full {
    const FULL: bool = true;
    const LIGHT: bool = true;
}

/// The views of a workshop (`?visning=…`) a participant uses, which only
/// the participants' bundle ([`Bundle::Assessment`]) has: the facilitator's
/// hands them over to it.
pub const PARTICIPANT_VIEWS: [&str; 2] = ["svar", "tablet"];

/// One of the app's builds. Each part has a wasm of its own holding only its
/// pages (with the front page; "Om" is the front page's), so a phone that opens one part does
/// not download the others; `/del` (export, import and the share links and
/// QR codes that open it) has one with every kind of record but none of the
/// parts' pages. A part's tools (forms, lists, the facilitator's screens)
/// are in fuller bundles that hold those tools and little else, so a first
/// visit to any page downloads at most about 250 KB. Moving from one
/// bundle's pages to another's is a full page load (`app::Elsewhere`),
/// from the service worker's copy after the first visit. The build writes
/// one wasm per bundle (`src/main.rs` and `src/bin/`, `tools/postbuild.mjs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The front page, "Om" and "not found".
    Front,
    /// The dream board as runners use it: the board, a dream's page with its
    /// steps, share links and calendar file.
    Dreams,
    /// The coordinator's pages of the board: the form (`/droemme/ny`,
    /// `?rediger=1`) and the tools (`?koordinator=1`: planning, removing a
    /// claim, fulfilling, cancelling, the private note), and a dream's page,
    /// where a saved form leads. The board itself is the runners' bundle's.
    DreamsEdit,
    /// The activity directory as most people use it: search, filters,
    /// favourites, the week programme, an activity's page and its calendar
    /// file.
    Activities,
    /// The directory's form (`/aktiviteter/ny`, `?rediger=1`) and an
    /// activity's page, where a saved form leads.
    ActivitiesEdit,
    /// The directory's lists page (`/aktiviteter/lister`): CSV in and out
    /// and share links of the activities a search shows.
    ActivityLists,
    /// The SKAL/KAN workshop as participants use it: the workshop list (where
    /// a facilitator's QR code opens), a workshop's overview, answering on a
    /// phone and passing a tablet round.
    Assessment,
    /// The facilitator's screens of a workshop: the projector, the show of
    /// hands and the summary (`?visning=projektor`, `haender`, `resume`), and
    /// the workshop's overview, so the facilitator moves between them
    /// without a page load in a meeting.
    Workshop,
    /// The data page `/del`.
    Data,
    /// Every page (the debug build of `./x serve`).
    All,
}

/// The first two segments of a path below the base (with or without its
/// query; a fragment is ignored), and its query (all after the first `?`).
/// Read exactly as the loader's `bundleOf` reads it, so that no address
/// sends a page load back and forth between two bundles.
fn parts(path: &str) -> (&str, &str, &str) {
    let path = path.split('#').next().unwrap_or("");
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut segments = path.strip_prefix('/').unwrap_or(path).split('/');
    (segments.next().unwrap_or(""), segments.next().unwrap_or(""), query)
}

/// The workshop view a query asks for (`visning=`), or "".
fn view_of(query: &str) -> &str {
    query.split('&').find_map(|pair| pair.strip_prefix("visning=")).unwrap_or("")
}

impl Bundle {
    /// The smallest bundle that holds the page at `path` (below the base,
    /// with or without its query; a fragment is ignored). The loader of
    /// every page (`tools/postbuild.mjs`, `bundleOf`) picks the same.
    pub fn for_path(path: &str) -> Bundle {
        let (first, second, query) = parts(path);
        let has = |key: &str| query.split('&').any(|pair| pair.split('=').next() == Some(key));
        match first {
            "droemme" if second == NEW || has("rediger") || has("koordinator") => Bundle::DreamsEdit,
            "droemme" => Bundle::Dreams,
            "aktiviteter" if second == LISTS => Bundle::ActivityLists,
            "aktiviteter" if second == NEW || has("rediger") => Bundle::ActivitiesEdit,
            "aktiviteter" => Bundle::Activities,
            "skal-kan" if !second.is_empty() && FACILITATOR_VIEWS.contains(&view_of(query)) => Bundle::Workshop,
            "skal-kan" => Bundle::Assessment,
            "del" => Bundle::Data,
            _ => Bundle::Front,
        }
    }

    /// Whether this bundle has the page at `path` (with its query): its own
    /// pages; in the lighter bundles and `/del`'s, the front page ("Om" is
    /// the front page's bundle's only); in a part's fuller bundle, the
    /// record pages its tools lead to (a dream's, an activity's, a
    /// workshop's overview); and in every bundle, "not found" for an address
    /// no bundle has.
    pub fn serves(self, path: &str) -> bool {
        let wanted = Bundle::for_path(path);
        if self == Bundle::All || wanted == self {
            return true;
        }
        let (first, second, query) = parts(path);
        let record = !second.is_empty();
        match wanted {
            Bundle::Front => match (first, second) {
                ("om", "") => false,
                ("", "") => !matches!(
                    self,
                    Bundle::DreamsEdit | Bundle::ActivitiesEdit | Bundle::ActivityLists | Bundle::Workshop
                ),
                _ => true,
            },
            Bundle::Dreams => self == Bundle::DreamsEdit && record,
            Bundle::Activities => self == Bundle::ActivitiesEdit && record,
            Bundle::Assessment => self == Bundle::Workshop && record && !PARTICIPANT_VIEWS.contains(&view_of(query)),
            _ => false,
        }
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
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
            (Route::DreamTools(id.clone()), format!("/droemme/{id}?koordinator=1")),
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
        // Every route's path fits its own pattern and no earlier one of the whole app's.
        for r in [Route::Home, Route::Dream("x y".into()), Route::ActivityLists(vec![]), Route::About] {
            let path = r.path();
            let path = path.split('?').next().unwrap();
            assert!(PATTERNS.iter().any(|pattern| match_pattern(pattern, path).is_some()), "{path}");
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
    fn each_page_belongs_to_the_bundle_of_its_part() {
        let id = "x".to_string();
        let cases = [
            (Route::Home, Bundle::Front),
            (Route::About, Bundle::Front),
            (Route::Dreams, Bundle::Dreams),
            (Route::NewDream, Bundle::DreamsEdit),
            (Route::EditDream(id.clone()), Bundle::DreamsEdit),
            (Route::DreamTools(id.clone()), Bundle::DreamsEdit),
            (Route::Dream(id.clone()), Bundle::Dreams),
            (Route::Activities(vec![("q".into(), "a/b".into())]), Bundle::Activities),
            (Route::Activity(id.clone()), Bundle::Activities),
            (Route::EditActivity(id.clone()), Bundle::ActivitiesEdit),
            (Route::NewActivity, Bundle::ActivitiesEdit),
            (Route::ActivityLists(vec![("q".into(), "kor".into())]), Bundle::ActivityLists),
            (Route::ActivityLists(vec![]), Bundle::ActivityLists),
            (Route::Assessment, Bundle::Assessment),
            (Route::Session(id.clone(), "projektor".into()), Bundle::Workshop),
            (Route::Session(id.clone(), "haender".into()), Bundle::Workshop),
            (Route::Session(id.clone(), "resume".into()), Bundle::Workshop),
            (Route::Session(id.clone(), "svar".into()), Bundle::Assessment),
            (Route::Session(id.clone(), "tablet".into()), Bundle::Assessment),
            (Route::Session(id.clone(), String::new()), Bundle::Assessment),
            (Route::Data, Bundle::Data),
        ];
        for (route, bundle) in cases {
            let path = route.path();
            assert_eq!(Bundle::for_path(&path), bundle, "{path}");
            assert!(bundle.serves(&path) && Bundle::All.serves(&path), "{path}");
        }
        // A word that only starts like a part is no part; unknown pages are everyone's "not found".
        assert_eq!(Bundle::for_path("/droemmeland"), Bundle::Front);
        assert!(Bundle::Assessment.serves("/findes-ikke") && Bundle::Dreams.serves("/"));
        // "Om" is the front page's bundle's (a page of text, rarely opened from a part).
        for part in [Bundle::Dreams, Bundle::Activities, Bundle::Assessment, Bundle::Data] {
            assert!(!part.serves("/om") && !part.serves("/om/") && part.serves("/om/x"), "{part:?}");
        }
        assert!(Bundle::Front.serves("/om") && Bundle::All.serves("/om"));
        assert!(!Bundle::Dreams.serves("/skal-kan/x") && !Bundle::Front.serves("/aktiviteter?q=kor"));
        assert!(!Bundle::Assessment.serves("/del") && !Bundle::Data.serves("/droemme"));
        // The directory's tools: only the editor's bundles have them, and of the
        // reader's pages only an activity's (where a saved form leads).
        assert!(
            !Bundle::Activities.serves("/aktiviteter/ny") && !Bundle::Activities.serves("/aktiviteter/x?rediger=1")
        );
        assert!(
            !Bundle::ActivitiesEdit.serves("/aktiviteter?q=kor") && Bundle::ActivitiesEdit.serves("/aktiviteter/x")
        );
        assert!(!Bundle::ActivitiesEdit.serves("/droemme") && !Bundle::Activities.serves("/aktiviteter/lister"));
        assert!(
            !Bundle::ActivitiesEdit.serves("/aktiviteter/lister") && !Bundle::ActivityLists.serves("/aktiviteter/ny")
        );
        assert!(!Bundle::ActivityLists.serves("/aktiviteter") && !Bundle::ActivityLists.serves("/aktiviteter/x"));
        // The tools' bundles leave the front page and "Om" to the others, but
        // say "not found" themselves.
        for tools in [Bundle::DreamsEdit, Bundle::ActivitiesEdit, Bundle::ActivityLists, Bundle::Workshop] {
            assert!(!tools.serves("/") && !tools.serves("/om") && !tools.serves("/om/?x=1"), "{tools:?}");
            assert!(tools.serves("/findes-ikke") && tools.serves("/om/x"), "{tools:?}");
        }
        // A word in a value or a fragment is no key; a key among others is.
        assert_eq!(Bundle::for_path("/aktiviteter?q=rediger"), Bundle::Activities);
        assert_eq!(Bundle::for_path("/aktiviteter/x#rediger"), Bundle::Activities);
        assert_eq!(Bundle::for_path("/aktiviteter/x?a=1&rediger=1#top"), Bundle::ActivitiesEdit);
        assert_eq!(Bundle::for_path("/aktiviteter/lister/"), Bundle::ActivityLists);
        assert_eq!(Bundle::for_path("/aktiviteter/lister?rediger=1"), Bundle::ActivityLists);
        // The dream form: only the board's fuller bundle has it.
        assert!(!Bundle::Dreams.serves("/droemme/ny") && !Bundle::Dreams.serves("/droemme/x?rediger=1"));
        assert!(
            !Bundle::Dreams.serves("/droemme/x?koordinator=1") && Bundle::DreamsEdit.serves("/droemme/x?koordinator=1")
        );
        assert_eq!(Bundle::for_path("/droemme?q=koordinator"), Bundle::Dreams);
        assert!(!Bundle::DreamsEdit.serves("/droemme") && Bundle::DreamsEdit.serves("/droemme/x"));
        assert!(!Bundle::DreamsEdit.serves("/droemme/") && !Bundle::DreamsEdit.serves("/droemme?q=kor"));
        // The facilitator's screens: only the workshop's fuller bundle has them.
        assert!(!Bundle::Assessment.serves("/skal-kan/x?visning=projektor"));
        // It has the workshop's overview, but hands answering and the tablet back.
        assert!(Bundle::Workshop.serves("/skal-kan/x") && Bundle::Workshop.serves("/skal-kan/x?visning=ukendt"));
        assert!(!Bundle::Workshop.serves("/skal-kan/x?visning=svar") && !Bundle::Workshop.serves("/skal-kan"));
        assert!(!Bundle::Workshop.serves("/skal-kan/x?a=1&visning=tablet#t"));
        assert!(Bundle::Assessment.serves("/skal-kan/x?visning=tablet") && Bundle::Assessment.serves("/skal-kan/x"));
        assert_eq!(Bundle::for_path("/skal-kan?visning=projektor"), Bundle::Assessment);
        assert_eq!(Bundle::for_path("/skal-kan/x?visning=projektorx"), Bundle::Assessment);
        assert_eq!(Bundle::for_path("/skal-kan/x?a=visning=haender"), Bundle::Assessment);
    }

    #[test]
    fn every_route_but_the_service_worker_has_a_router_pattern() {
        let all = [
            Route::Home,
            Route::Dreams,
            Route::NewDream,
            Route::Dream("x".into()),
            Route::EditDream("x".into()),
            Route::DreamTools("x".into()),
            Route::Activities(vec![]),
            Route::NewActivity,
            Route::Activity("x".into()),
            Route::EditActivity("x".into()),
            Route::ActivityLists(vec![]),
            Route::Assessment,
            Route::Session("x".into(), String::new()),
            Route::Data,
            Route::About,
        ];
        for r in all {
            let path = r.path();
            let path = path.split('?').next().unwrap();
            let fits = PATTERNS.iter().any(|p| {
                let (a, b): (Vec<&str>, Vec<&str>) = (p.split('/').collect(), path.split('/').collect());
                a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.starts_with(':') || x == y)
            });
            assert!(fits, "{path} has no pattern");
        }
    }
}
