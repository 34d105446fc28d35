//! Tid og Lyst: "Frivillig når du har tid og lyst", the browser app.
//!
//! The rules live in the pure `tid_og_lyst_core` crate (`core/`); this crate
//! renders them. Modules in reading order: `routes` (the typed addresses),
//! `ids` (fresh random ids from the browser), `router` (the address as
//! signals, links and the back button in the page), `slices` (long work in
//! slices that give the event loop back), `storage` (the only code that touches browser storage), `state` (signals
//! and the persistence effects), `board` (the shared board's requests and sync loop), `app` (one root per bundle), `ui` (shared pieces) and
//! `features` (one folder per part); `zip` is the HSDS wasm's zip container.
//! What the static first paint renders is compiled natively too (`browser!`).

/// Items compiled for the browser only. The native build compiles the rest:
/// the route table, the storage names, and the components of the static
/// first paint (`ui::frame`, each part's `top`), which the build renders to
/// HTML (`examples/first_paint.rs`).
macro_rules! browser {
    ($($item:item)*) => { $(#[cfg(target_arch = "wasm32")] $item)* };
}

pub mod features;
pub mod names;
pub mod routes;
pub mod ui;
pub mod zip;

browser! {
    pub mod app;
    pub mod board;
    pub mod ids;
    pub mod router;
    pub mod slices;
    pub mod state;
    pub mod storage;
}
