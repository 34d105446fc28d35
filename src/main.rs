//! Entry point: installs the panic hook and mounts the app. Everything else
//! lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    tid_og_lyst::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
