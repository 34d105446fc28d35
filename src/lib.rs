//! Tid og Lyst: "Frivillig når du har tid og lyst".
//!
//! Modules in reading order: the pure core (`model`, `sync`) that compiles and
//! is tested natively, the Danish strings (`i18n`), then the browser side
//! (`storage`, `state`, `app`, `ui`, `features`), compiled only for wasm32.

pub mod i18n;
pub mod model;
pub mod search;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod features;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
