//! Entry point: installs the panic hook and mounts the app. Everything else
//! lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The release build has a bundle per part (`routes::Bundle`): this one
    // is `/del`'s. `./x serve`'s debug build is the whole app in one.
    #[cfg(debug_assertions)]
    tid_og_lyst::ui::held::keep();
    #[cfg(debug_assertions)]
    tid_og_lyst::app::start(tid_og_lyst::app::app);
    #[cfg(not(debug_assertions))]
    tid_og_lyst::app::start(tid_og_lyst::app::data);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tid og Lyst runs in the browser: build it with `trunk build` (see README.md).");
}
