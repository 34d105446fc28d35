//! The bundle with the SKAL/KAN workshop and the facilitator's projector,
//! show of hands and summary (see `routes::Bundle::Workshop`); the build
//! writes it next to the whole app (`tools/postbuild.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start(tid_og_lyst::app::workshop);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
