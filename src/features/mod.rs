//! Pages, one module per part of the app.

pub mod about;
pub mod activities;
pub mod assessment;
pub mod board_card;
pub mod data;
pub mod dreams;
pub mod home;
pub mod not_found;
