//! House rules, checked like any other test: every module has a `//!` doc,
//! the pure core never touches the browser, no stray debug output, no inline
//! HTML from strings, no machine paths.

use std::fs;
use std::path::{Path, PathBuf};

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

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    files.sort();
    files.into_iter().map(|p| {
        let text = fs::read_to_string(&p).unwrap();
        (p, text)
    }).collect()
}

/// Modules that must stay pure: no browser, no framework.
fn is_pure(path: &Path) -> bool {
    let p = path.to_string_lossy().replace('\\', "/");
    p.contains("/src/model/") || p.contains("/src/sync/") || p.ends_with("/src/search.rs") || p.contains("/src/i18n/")
}

#[test]
fn every_module_has_a_doc_comment() {
    for (path, text) in sources() {
        assert!(text.trim_start().starts_with("//!"), "{} lacks a //! module doc", path.display());
    }
}

#[test]
fn pure_core_does_not_touch_the_browser() {
    let forbidden = ["leptos", "web_sys", "gloo", "js_sys", "wasm_bindgen", "SystemTime::now", "Utc::now", "Local::now"];
    for (path, text) in sources().into_iter().filter(|(p, _)| is_pure(p)) {
        let text = code(&text);
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}: the pure core must not", path.display());
        }
    }
}

#[test]
fn only_storage_touches_local_storage() {
    for (path, text) in sources() {
        if path.ends_with("storage.rs") || path.to_string_lossy().contains("storage/") {
            continue;
        }
        for word in ["local_storage()", "LocalStorage", "gloo_storage", "indexed_db()", "IdbDatabase", "BroadcastChannel"] {
            assert!(!text.contains(word), "{} uses {word}: only src/storage.rs may", path.display());
        }
    }
}

#[test]
fn no_stray_debug_output_or_html_injection() {
    for (path, text) in sources() {
        let text = code(&text);
        for word in ["dbg!(", "inner_html", "set_inner_html", "console::log"] {
            assert!(!text.contains(word), "{} contains {word}", path.display());
        }
        let stdout = text.matches("println!(").count() - text.matches("eprintln!(").count();
        assert_eq!(stdout, 0, "{} prints to stdout", path.display());
    }
}

#[test]
fn no_machine_paths_in_the_repository() {
    for (path, text) in sources() {
        for word in ["/home/", "/root/", "/work/", "C:\\"] {
            assert!(!text.contains(word), "{} contains a machine path ({word})", path.display());
        }
    }
}
