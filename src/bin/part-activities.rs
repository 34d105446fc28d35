//! The bundle with the activity directory as most people use it (see
//! `routes::Bundle::Activities`; the form is in `part-activities-edit`, the
//! lists page in `part-activities-lists`); the build writes it next to the
//! whole app (`tools/postbuild.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    // An example activity's static page: its top stays until the catalogue is read.
    tid_og_lyst::ui::held::keep();
    tid_og_lyst::app::start(tid_og_lyst::app::activities);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
