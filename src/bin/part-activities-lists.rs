//! The bundle with the directory's lists page: CSV in and out and share
//! links (see `routes::Bundle::ActivityLists`); the build writes it next to
//! the whole app (`tools/postbuild.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start(tid_og_lyst::app::activities_lists);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
