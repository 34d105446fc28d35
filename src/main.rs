//! Trunk's binary: the bundle of `/del` (`routes::Bundle::Data`). The other
//! bundles are `src/bin/part-*.rs`, built beside it by `tools/postbuild.mjs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start_part::<tid_og_lyst::routes::part::Data>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
