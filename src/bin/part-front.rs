//! The bundle of `routes::Bundle::Front`: its pages come from the route table.

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start_part::<tid_og_lyst::routes::part::Front>();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
