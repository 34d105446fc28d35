//! Tid og Lyst: "Frivillig når du har tid og lyst", the browser app.
//!
//! The rules live in the pure `tid_og_lyst_core` crate (`core/`); this crate
//! renders them. Modules in reading order: `routes` (the typed addresses),
//! `ids` (fresh random ids from the browser), `router` (the address as
//! signals, links and the back button in the page), `slices` (long work in
//! slices that give the event loop back), `storage` (the only code that touches browser storage), `state` (signals
//! and the persistence effects), `board` (the shared board's requests and sync loop), `app` (one root per bundle), `ui` (shared pieces) and
//! `features` (one folder per part); `zip` is the HSDS wasm's zip container.
//! Everything but `names`, `routes` and `zip` is compiled only for wasm32.

pub mod names;
pub mod routes;
pub mod zip;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod board;
#[cfg(target_arch = "wasm32")]
pub mod features;
#[cfg(target_arch = "wasm32")]
pub mod ids;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod slices;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
