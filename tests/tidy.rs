//! House rules for both crates, checked like any other test: every module has
//! a `//!` doc, the core crate's manifest names no browser crate or feature,
//! no module imports one that imports it back, routes are spelled only in
//! `routes.rs`, only the storage module touches browser storage, no stray
//! debug output, no inline HTML from strings, no machine paths.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its comment lines.
fn code(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// `(path relative to the repository, text)` of every Rust file below `dir`.
fn sources_in(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p.strip_prefix(ROOT).unwrap().to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

fn app_sources() -> Vec<(String, String)> {
    sources_in("src")
}

fn core_sources() -> Vec<(String, String)> {
    sources_in("core/src")
}

fn all_sources() -> Vec<(String, String)> {
    let mut all = app_sources();
    all.extend(core_sources());
    all.extend(sources_in("core/tests"));
    all.extend(sources_in("tests"));
    all
}

#[test]
fn every_module_has_a_doc_comment() {
    for (path, text) in all_sources() {
        assert!(text.trim_start().starts_with("//!"), "{path} lacks a //! module doc");
    }
}

/// The `[dependencies]` table of a manifest, without comments.
fn dependencies(manifest: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap().trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_core_manifest_names_no_browser_crate_or_feature() {
    let manifest = fs::read_to_string(Path::new(ROOT).join("core/Cargo.toml")).unwrap();
    let deps = dependencies(&manifest);
    assert!(deps.contains("serde"), "the [dependencies] table was not found");
    for crate_name in ["leptos", "web-sys", "js-sys", "gloo", "wasm-bindgen", "getrandom", "console_error"] {
        assert!(!deps.contains(crate_name), "core/Cargo.toml depends on {crate_name}");
    }
    for feature in ["\"clock\"", "\"wasmbind\"", "\"js\"", "\"v4\"", "\"now\""] {
        assert!(!deps.contains(feature), "core/Cargo.toml turns on the browser/clock feature {feature}");
    }
    assert!(!manifest.contains("[target."), "core/Cargo.toml has target-specific dependencies");
}

#[test]
fn the_core_never_reads_the_clock() {
    for (path, text) in core_sources() {
        let text = code(&text);
        for word in ["SystemTime::now", "Instant::now", "Utc::now", "Local::now", "thread_rng", "getrandom"] {
            assert!(!text.contains(word), "{path} uses {word}: time and randomness are passed into the core");
        }
    }
}

/// The modules a file imports through `crate::…` paths, as top-level module
/// paths such as `dreams::dream` (braces expanded one level deep).
fn imports(text: &str) -> BTreeSet<Vec<String>> {
    let text = code(text);
    let mut out = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
        let head: Vec<String> = rest[..end].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        if rest[end..].starts_with('{') && head.len() <= 1 {
            let close = rest[end..].find('}').map(|j| end + j).unwrap_or(rest.len());
            for item in rest[end + 1..close].split(',') {
                let mut p = head.clone();
                p.extend(item.trim().split("::").filter(|s| !s.is_empty() && *s != "self").map(str::to_string));
                out.insert(p);
            }
        } else {
            out.insert(head);
        }
    }
    out
}

/// The file a module path names, the longest prefix that is a file.
fn resolve(root: &str, files: &BTreeSet<String>, path: &[String]) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| {
        let stem = path[..n].join("/");
        [format!("{root}/{stem}.rs"), format!("{root}/{stem}/mod.rs")].into_iter().find(|f| files.contains(f))
    })
}

/// Edges between files (or, with `top`, between top-level modules) of one crate.
fn graph(root: &str, sources: &[(String, String)], top: bool) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = sources.iter().map(|(p, _)| p.clone()).collect();
    let name = |file: &str| -> String {
        if top {
            file.trim_start_matches(&format!("{root}/")).split('/').next().unwrap().trim_end_matches(".rs").to_string()
        } else {
            file.to_string()
        }
    };
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources {
        for imp in imports(text) {
            if let Some(target) = resolve(root, &files, &imp) {
                let (a, b) = (name(path), name(&target));
                if a != b && !target.ends_with("/mod.rs") && !target.ends_with("/lib.rs") {
                    g.entry(a).or_default().insert(b);
                }
            }
        }
    }
    g
}

/// A cycle in the graph, if there is one.
fn find_cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            match state.get(m.as_str()).copied().unwrap_or(0) {
                1 => {
                    let i = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[i..].to_vec();
                    c.push(m.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(m, g, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in g.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, g, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for (root, sources) in [("core/src", core_sources()), ("src", app_sources())] {
        for top in [false, true] {
            let g = graph(root, &sources, top);
            assert!(!g.is_empty(), "no imports found in {root}: the checker is broken");
            if let Some(c) = find_cycle(&g) {
                panic!("import circle in {root}: {}", c.join(" → "));
            }
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_planted_cycle() {
    let sources = vec![
        ("x/a.rs".to_string(), "use crate::b::Thing;".to_string()),
        ("x/b.rs".to_string(), "use crate::{c::Other, a};".to_string()),
        ("x/c.rs".to_string(), "//! leaf".to_string()),
    ];
    let c = find_cycle(&graph("x", &sources, false)).expect("a → b → a");
    assert_eq!(c, ["x/a.rs", "x/b.rs", "x/a.rs"]);
    assert!(find_cycle(&graph("x", &sources[..1], false)).is_none());
}

#[test]
fn routes_are_spelled_only_in_routes_rs() {
    let pages = ["\"/droemme", "\"/aktiviteter", "\"/skal-kan", "\"/del\"", "\"/om\"", "\"/sw.js\""];
    for (path, text) in app_sources() {
        if path == "src/routes.rs" || path == "src/app.rs" {
            continue;
        }
        let text = code(&text);
        for p in pages {
            assert!(!text.contains(p), "{path} spells the route {p}: use routes::Route");
        }
    }
    use tid_og_lyst::routes::{Bundle, PATTERNS};
    let bundles = declared_bundles();
    assert_eq!(bundles[0].0, "Bundle::All");
    assert_eq!(bundles[0].1, PATTERNS, "the whole app must declare exactly routes::PATTERNS, in order");
    // Each part's bundle declares exactly the patterns routes::Bundle says it serves.
    let by_name = [
        ("Bundle::Front", Bundle::Front),
        ("Bundle::Dreams", Bundle::Dreams),
        ("Bundle::DreamsEdit", Bundle::DreamsEdit),
        ("Bundle::Activities", Bundle::Activities),
        ("Bundle::ActivitiesEdit", Bundle::ActivitiesEdit),
        ("Bundle::ActivityLists", Bundle::ActivityLists),
        ("Bundle::Assessment", Bundle::Assessment),
        ("Bundle::Workshop", Bundle::Workshop),
        ("Bundle::Data", Bundle::Data),
    ];
    assert_eq!(bundles.len(), 1 + by_name.len(), "app.rs: one bundle! per routes::Bundle");
    for (name, bundle) in by_name {
        let (_, declared) = bundles.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no bundle! for {name}"));
        let want: Vec<&str> = PATTERNS.iter().copied().filter(|p| bundle.serves(p)).collect();
        assert_eq!(declared, &want, "{name} declares the routes it serves");
    }
}

/// `(Bundle::X, [patterns])` of every `bundle!` in app.rs, in order.
fn declared_bundles() -> Vec<(String, Vec<String>)> {
    let app = fs::read_to_string(Path::new(ROOT).join("src/app.rs")).unwrap();
    app.split("\nbundle!(")
        .skip(1)
        .map(|block| {
            let block = &block[..block.find("\n);").expect("a bundle! ends with );")];
            let name = block.split_whitespace().find(|w| w.starts_with("Bundle::")).unwrap().trim_end_matches(',');
            let list = &block[block.find('[').unwrap()..];
            let paths = list.split('"').skip(1).step_by(2).map(String::from).collect();
            (name.to_string(), paths)
        })
        .collect()
}

#[test]
fn the_loader_picks_the_bundle_routes_rs_picks() {
    use tid_og_lyst::routes::{Bundle, PATTERNS};
    let postbuild = fs::read_to_string(Path::new(ROOT).join("tools/postbuild.mjs")).unwrap();
    let function = postbuild.split("// bundleOf:begin\n").nth(1).unwrap().split("// bundleOf:end").next().unwrap();
    let name = |b: Bundle| match b {
        Bundle::Front => "front",
        Bundle::Dreams => "dreams",
        Bundle::DreamsEdit => "dreams-edit",
        Bundle::Activities => "activities",
        Bundle::ActivitiesEdit => "activities-edit",
        Bundle::ActivityLists => "activities-lists",
        Bundle::Assessment => "assessment",
        Bundle::Workshop => "workshop",
        Bundle::Data => "data",
        Bundle::All => "all",
    };
    let paths: Vec<&str> = PATTERNS
        .iter()
        .copied()
        .chain(["/droemme/ny", "/findes/ikke", "/skal-kan/x", "/skal-kan/x?visning=projektor", "/aktiviteter/ny"])
        .chain(["/skal-kan/x?a=1&visning=haender", "/skal-kan/x?visning=resume#r", "/skal-kan?visning=projektor"])
        .chain(["/skal-kan/x?visning=svar", "/skal-kan/x?visning=projektorx", "/skal-kan/x?avisning=haender"])
        .chain([
            "/aktiviteter/lister?q=kor",
            "/aktiviteter/x?rediger=1",
            "/aktiviteter/x?a=1&rediger",
            "/aktiviteter?q=rediger",
        ])
        .chain(["/droemme/x?rediger=1", "/droemme/ny?x=1", "/droemme?q=rediger", "/droemme/x#rediger"])
        .chain(["/droemme/x?koordinator=1", "/droemme/x?a&koordinator", "/droemme?q=koordinator"])
        .chain(["/aktiviteter/x#rediger", "/aktiviteter/lister/", "/del?x=1", "/", "/droemmeland"])
        .chain([
            "//droemme",
            "//droemme/ny",
            "/droemme/x?a?&rediger=1",
            "/skal-kan/x?a?visning=resume",
            "/om/",
            "/om?x",
        ])
        .chain(["/aktiviteter/lister?rediger=1", "/skal-kan/x?visning=tablet", "/skal-kan/x?visning=sv%61r"])
        .collect();
    // The loader's own function, run by node over every path.
    let script = format!(
        "{function}\nfor (const p of JSON.parse(process.argv[1])) console.log(bundleOf(p));",
        function = function
    );
    let list = format!("[{}]", paths.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(","));
    let out = std::process::Command::new("node")
        .args(["-e", &script, &list])
        .output()
        .expect("node runs tools/postbuild.mjs's bundleOf (the README's test command installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let picked = String::from_utf8(out.stdout).unwrap();
    let picked: Vec<&str> = picked.lines().collect();
    assert_eq!(picked.len(), paths.len());
    for (p, got) in paths.iter().zip(picked) {
        assert_eq!(got, name(Bundle::for_path(p)), "{p}: tools/postbuild.mjs and routes::Bundle disagree");
    }
    // Every part's binary starts its bundle, and the build builds it.
    for (bin, root) in [
        ("front", "front"),
        ("dreams", "dreams"),
        ("dreams-edit", "dreams_edit"),
        ("activities", "activities"),
        ("activities-edit", "activities_edit"),
        ("activities-lists", "activities_lists"),
        ("assessment", "assessment"),
        ("workshop", "workshop"),
    ] {
        let source = fs::read_to_string(Path::new(ROOT).join(format!("src/bin/part-{bin}.rs"))).unwrap();
        assert!(source.contains(&format!("app::start(tid_og_lyst::app::{root})")), "src/bin/part-{bin}.rs");
        assert!(postbuild.contains(&format!("'part-{bin}'")), "tools/postbuild.mjs builds part-{bin}");
    }
    // Trunk's binary is the data page's bundle in a release build.
    let main = fs::read_to_string(Path::new(ROOT).join("src/main.rs")).unwrap();
    assert!(main.contains("#[cfg(not(debug_assertions))]\n    tid_og_lyst::app::start(tid_og_lyst::app::data);"));
}

#[test]
fn only_the_codec_deflates_or_draws_qr_codes_in_the_browser() {
    // Each part's first load stays without deflate, inflate and the QR
    // encoder: the app reaches them through ui::codec, which a release
    // build fetches as a wasm of its own (src/bin/codec.rs).
    for (path, text) in app_sources() {
        if path == "src/ui/codec.rs" || path == "src/bin/codec.rs" {
            continue;
        }
        let text = code(&text);
        for call in [
            "link::encode(",
            "link::decode(",
            "link::make_link(",
            "link::qr_path(",
            "link::qr_svg(",
            "miniz_oxide",
            "qrcode::",
        ] {
            assert!(!text.contains(call), "{path} calls {call}: only ui::codec may (ARCHITECTURE.md)");
        }
    }
}

#[test]
fn only_storage_touches_browser_storage() {
    for (path, text) in all_sources() {
        if path.starts_with("src/storage") || path == "tests/tidy.rs" {
            continue;
        }
        for word in ["local_storage()", "LocalStorage", "gloo_storage", "indexed_db", "IdbDatabase"] {
            assert!(!text.contains(word), "{path} uses {word}: only src/storage may");
        }
    }
}

#[test]
fn no_stray_debug_output_or_html_injection() {
    for (path, text) in all_sources() {
        if path == "tests/tidy.rs" {
            continue;
        }
        let text = code(&text);
        for word in ["dbg!(", "inner_html", "set_inner_html", "console::log"] {
            assert!(!text.contains(word), "{path} contains {word}");
        }
        let stdout = text.matches("println!(").count() - text.matches("eprintln!(").count();
        assert_eq!(stdout, 0, "{path} prints to stdout");
    }
}

/// The code of a file before its `#[cfg(test)]` module (tests may sort
/// as they like; only what ships counts).
fn shipped(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

/// Asserts that no shipped code of either crate but `home` contains any of
/// `words`; `instead` names what to use.
fn only_in(home: &str, words: &[&str], instead: &str) {
    for (path, text) in app_sources().into_iter().chain(core_sources()) {
        if path == home {
            continue;
        }
        let text = code(shipped(&text));
        for word in words {
            assert!(!text.contains(word), "{path} calls {word}: use {instead} instead");
        }
    }
}

#[test]
fn the_app_sorts_only_through_the_core_s_one_sort() {
    // Each `sort_by` of a new type or closure is another copy of the whole
    // sort in the wasm (docs/SIZE.md); `tid_og_lyst_core::sort` has the one.
    only_in(
        "core/src/sort.rs",
        &[".sort()", ".sort_by(", ".sort_by_key(", ".sort_by_cached_key(", ".sort_unstable"],
        "tid_og_lyst_core::sort",
    );
}

#[test]
fn the_app_changes_case_only_through_the_core_s_case_module() {
    // `to_lowercase`, `to_uppercase` and `is_alphanumeric` bring the
    // standard library's Unicode tables (about 25 KB of wasm) into every
    // bundle; `tid_og_lyst_core::text::case` does without them.
    only_in(
        "core/src/text/case.rs",
        &[".to_lowercase()", ".to_uppercase()", "is_alphanumeric", "is_alphabetic", "is_uppercase()", "is_lowercase()"],
        "tid_og_lyst_core::text::case",
    );
}

#[test]
fn no_machine_paths_in_the_repository() {
    for (path, text) in all_sources() {
        if path == "tests/tidy.rs" {
            continue;
        }
        for word in ["/home/", "/root/", "/work/", "C:\\"] {
            assert!(!text.contains(word), "{path} contains a machine path ({word})");
        }
    }
}
