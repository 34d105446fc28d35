//! The bundle with the dream board as runners use it (see
//! `routes::Bundle::Dreams`; the coordinator's form is in
//! `part-dreams-edit`); the build writes it next to the whole app
//! (`tools/postbuild.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start(tid_og_lyst::app::dreams);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
