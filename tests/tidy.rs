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
        if path == "src/routes.rs" {
            continue;
        }
        let text = code(&text);
        for p in pages {
            assert!(!text.contains(p), "{path} spells the route {p}: use routes::Route");
        }
    }
}

#[test]
fn every_bundle_has_a_binary_that_starts_it() {
    use tid_og_lyst::routes::Bundle;
    for bundle in Bundle::ALL {
        // Trunk's binary (src/main.rs) is /del's; the others are src/bin/<bin>.rs.
        let file = if bundle.bin() == "tid-og-lyst" {
            "src/main.rs".to_string()
        } else {
            format!("src/bin/{}.rs", bundle.bin())
        };
        let source =
            fs::read_to_string(Path::new(ROOT).join(&file)).unwrap_or_else(|_| panic!("no {file} for {bundle:?}"));
        let start = format!("start_part::<tid_og_lyst::routes::part::{bundle:?}>()");
        assert!(source.contains(&start), "{file} must call {start}");
    }
    // No other part's binary: each is built and shipped.
    for entry in fs::read_dir(Path::new(ROOT).join("src/bin")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let bin = name.trim_end_matches(".rs");
        // Besides the bundles: the on-demand wasm of the share links' codec, the camera's QR reader
        // and the HSDS packages.
        let on_demand = ["codec", "qr-reader", "hsds"];
        assert!(
            on_demand.contains(&bin) || Bundle::ALL.iter().any(|b| b.bin() == bin),
            "src/bin/{name} is no bundle's"
        );
    }
}

/// The names a JavaScript function may not have: each public Rust function
/// of the modules whose decisions the build's JavaScript reads (the route
/// table, the storage names, the link codec, text rules), in camel case, and
/// the names of the mirrors this project once had.
fn rust_decisions() -> BTreeSet<String> {
    let mut names: BTreeSet<String> = ["bundleOf", "tolInflate"].into_iter().map(String::from).collect();
    for file in
        ["src/routes.rs", "src/names.rs", "core/src/sync/link.rs", "core/src/text/search.rs", "core/src/text/fields.rs"]
    {
        let text = fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        let shipped = code(text.split("#[cfg(test)]").next().unwrap_or(""));
        // Free functions, and the route table's methods of more than one word
        // (`Bundle::for_path`; not `Route::path`, whose name any code may use).
        let free = shipped.split("\npub fn ").skip(1);
        let methods = shipped.split("    pub fn ").skip(1).chain(shipped.split("    pub const fn ").skip(1));
        let methods =
            methods.filter(|rest| file == "src/routes.rs" && rest.split('(').next().is_some_and(|n| n.contains('_')));
        for name in free.chain(methods).filter_map(|rest| rest.split(['(', '<']).next()) {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                let mut words = name.split('_');
                let mut camel = words.next().unwrap_or("").to_string();
                for w in words {
                    let mut cs = w.chars();
                    camel.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                    camel.push_str(cs.as_str());
                }
                names.insert(camel);
            }
        }
    }
    names
}

/// JavaScript without its comments (`/* … */`, and `//` after white space
/// or at a line's start, so a URL in a string stays).
fn without_js_comments(js: &str) -> String {
    let mut out = String::new();
    let mut rest = js;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|line| match line.find("//") {
            Some(i) if line[..i].chars().last().is_none_or(char::is_whitespace) => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The functions a JavaScript text defines under a name of `rust` (`function
/// f`, `const f = (…) =>`, `f: (…) =>`, `x.f = function`, a method `f(…) {`),
/// and any use of the browser's deflate, which only the codec's wasm may do.
fn js_mirrors(js: &str, rust: &BTreeSet<String>) -> Vec<String> {
    let js = without_js_comments(js);
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    // A value that is a function: `(…) =>`, `x =>`, `function`, with `async` before any.
    let function_value = |v: &str| {
        let v = v.trim_start();
        let v = v.strip_prefix("async").map(str::trim_start).unwrap_or(v);
        let line = v.split(['\n', ';']).next().unwrap_or("");
        let param: String = v.chars().take_while(|c| is_ident(*c)).collect();
        v.starts_with("function")
            || v.starts_with('(') && line.contains("=>")
            || !param.is_empty() && v[param.len()..].trim_start().starts_with("=>")
    };
    let mut found = Vec::new();
    for name in rust {
        for (at, _) in js.match_indices(name.as_str()) {
            let before = &js[..at];
            let after = &js[at + name.len()..];
            if before.chars().last().is_some_and(is_ident) || after.chars().next().is_some_and(is_ident) {
                continue;
            }
            let word_before = before.trim_end().rsplit(|c: char| !is_ident(c)).next().unwrap_or("");
            let line_start = before.rsplit('\n').next().unwrap_or("").trim().is_empty();
            let assigned = after.trim_start().strip_prefix('=').filter(|v| !v.starts_with(['=', '>']));
            let property = after.trim_start().strip_prefix(':');
            let defines = word_before == "function"
                || ["const", "let", "var"].contains(&word_before) && assigned.is_some_and(function_value)
                || before.ends_with('.') && assigned.is_some_and(function_value)
                || property.is_some_and(function_value)
                || line_start
                    && after.starts_with('(')
                    && after.split_once(')').is_some_and(|(_, r)| r.trim_start().starts_with('{'));
            if defines {
                found.push(name.clone());
            }
        }
    }
    for stream in ["DecompressionStream", "CompressionStream"] {
        if js.contains(stream) {
            found.push(stream.to_string());
        }
    }
    found
}

#[test]
fn no_javascript_function_mirrors_a_rust_one() {
    // The build's and the tests' tools read the Rust decisions (tools/site.mjs,
    // from examples/site.rs); none writes them again.
    let rust = rust_decisions();
    assert!(rust.contains("forPath") && rust.contains("firstSegment") && rust.contains("decode"), "{rust:?}");
    assert!(!rust.contains("get") && !rust.contains("path"), "no one-word method: {rust:?}");
    let mut files = Vec::new();
    for dir in ["tools", "e2e/lib", "bench", "bench/lib"] {
        for entry in fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "mjs" || e == "js") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 5, "no JavaScript found: the checker is broken");
    for path in files {
        let js = fs::read_to_string(&path).unwrap();
        let mirrors = js_mirrors(&js, &rust);
        assert!(
            mirrors.is_empty(),
            "{}: {mirrors:?} mirror Rust (read tools/site.mjs, or call the wasm)",
            path.display()
        );
    }
}

#[test]
fn the_mirror_check_finds_planted_mirrors() {
    let rust = rust_decisions();
    let planted = [
        "function forPath(path) { return 'x'; }",
        "export function bundleOf(p) {}",
        "const firstSegment = (p) => p.split('/')[1];",
        "let decode = async (s) => s;",
        "const x = { pageFile: (p) => p };",
        "globalThis.tolInflate = async (payload, limit) => payload;",
        "class A {\n  matchPattern(a, b) {\n    return a;\n  }\n}",
        "globalThis.x = new DecompressionStream('deflate-raw');",
    ];
    for js in planted {
        assert!(!js_mirrors(js, &rust).is_empty(), "not caught: {js}");
    }
    // Not mirrors: another name, a call, a comment, a URL.
    for js in [
        "function bundleAt(p) {} const write = (f) => f;",
        "const b = forPath(x); if (decode(y)) {}",
        "// function forPath(p) is Rust's\n/* const decode = (s) => s; */",
        "const url = 'https://example.org/forPath';",
    ] {
        assert!(js_mirrors(js, &rust).is_empty(), "caught by mistake: {js}");
    }
}

#[test]
fn the_loader_picks_the_bundle_routes_rs_picks() {
    // tools/site.mjs's bundleAt, which every page's loader carries, run by
    // node with the table Rust gives, over addresses with and without queries.
    use tid_og_lyst::routes::{first_segment, Bundle, ROUTES};
    let site = fs::read_to_string(Path::new(ROOT).join("tools/site.mjs")).unwrap();
    let start = site.find("export function bundleAt").expect("tools/site.mjs defines bundleAt");
    let function = &site[start + "export ".len()..];
    let function = &function[..function.find("\n}\n").expect("bundleAt ends with a } line") + 2];
    let segments: Vec<String> = ROUTES.iter().map(|(p, b)| format!("{:?}: {:?}", first_segment(p), b.name())).collect();
    let paths = [
        "",
        "/",
        "/om",
        "/om/",
        "/om?x",
        "/droemme",
        "/droemme/ny",
        "/droemme/x?koordinator=1",
        "//droemme",
        "/droemmeland",
        "/del#/droemme",
        "/?x=/droemme",
        "/aktiviteter/lister?q=kor",
        "/skal-kan/x?visning=projektor",
        "/del",
        "/findes/ikke",
        "/constructor",
        "/__proto__",
        "/hasOwnProperty",
        "/aktiviteter#x",
        "/skal-kan?a?b",
    ];
    let script = format!(
        "{function}\nconst S = {{{}}};\nfor (const p of JSON.parse(process.argv[1])) console.log(bundleAt(p, S, {:?}));",
        segments.join(", "),
        Bundle::for_path("/findes-ikke").name()
    );
    let list = format!("[{}]", paths.iter().map(|p| format!("{p:?}")).collect::<Vec<_>>().join(","));
    let out = std::process::Command::new("node")
        .args(["-e", &script, &list])
        .output()
        .expect("node runs tools/site.mjs's bundleAt (the README's test command installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let picked = String::from_utf8(out.stdout).unwrap();
    let picked: Vec<&str> = picked.lines().collect();
    assert_eq!(picked.len(), paths.len());
    for (p, got) in paths.iter().zip(picked) {
        assert_eq!(got, Bundle::for_path(p).name(), "{p}: tools/site.mjs and routes::Bundle disagree");
    }
}

#[test]
fn only_the_codec_deflates_or_draws_qr_codes_in_the_browser() {
    // Each part's first load stays without deflate, inflate and the QR
    // encoder: the app reaches them through ui::codec, which a release
    // build fetches as a wasm of its own (src/bin/codec.rs).
    for (path, text) in app_sources() {
        // The HSDS wasm (src/bin/hsds.rs) zips and unzips its packages
        // with the zip container (src/zip.rs).
        if ["src/ui/codec.rs", "src/bin/codec.rs", "src/bin/hsds.rs", "src/zip.rs"].contains(&path.as_str()) {
            continue;
        }
        // The QR reader's native tests draw the codes they read; its
        // finder is rxing's `qrcode` module, no encoder.
        let text = match path.as_str() {
            "src/bin/qr-reader.rs" => text.split("#[cfg(test)]").next().unwrap_or("").replace("rxing::qrcode::", ""),
            _ => text,
        };
        let text = code(&text);
        for call in [
            "link::encode(",
            "link::decode(",
            "link::make_link(",
            "link::qr_path(",
            "link::qr_svg(",
            // The HSDS packages' zip files (they deflate and inflate) and
            // their mapping, which only their own wasm carries.
            "zip::read(",
            "zip::write(",
            "hsds::export(",
            "hsds::import(",
            "miniz_oxide",
            "qrcode::",
        ] {
            assert!(!text.contains(call), "{path} calls {call}: only ui::codec may (ARCHITECTURE.md)");
        }
    }
}

#[test]
fn only_the_qr_reader_reads_qr_codes_from_pixels() {
    // The QR decoder (`rxing` finds, `rqrr` reads) lives in its own wasm,
    // fetched on "Skan svar" only where the browser has no BarcodeDetector:
    // no bundle carries it.
    let mut found = false;
    for (path, text) in app_sources() {
        let uses = code(&text).contains("rqrr::") || code(&text).contains("rxing::");
        if path == "src/bin/qr-reader.rs" {
            found = uses;
        } else {
            assert!(!uses, "{path} reads QR codes: only src/bin/qr-reader.rs may (ui::scanner fetches it)");
        }
    }
    assert!(found, "src/bin/qr-reader.rs reads QR codes with rxing and rqrr: the checker is broken");
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
