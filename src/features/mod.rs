//! Pages, one module per part of the app. The forside, "Om" and each part's
//! `top` (what its pages paint before the wasm) are compiled natively too.

pub mod about;
pub mod activities;
pub mod assessment;
pub mod data;
pub mod dreams;
pub mod home;

browser! {
    pub mod board_card;
    pub mod not_found;
}

/// The table's first paints.
macro_rules! first_paints {
    ($($pattern:literal => $bundle:ident, $page:path $(, $top:path)?;)*) => {
        /// The top of the page at `pattern` that the build paints before the
        /// wasm (`examples/first_paint.rs`), where the route table gives it one.
        pub fn first_paint(pattern: &str) -> Option<leptos::prelude::AnyView> {
            use leptos::prelude::IntoAny;
            match pattern {
                $($($pattern => Some($top().into_any()),)?)*
                _ => None,
            }
        }
    };
}
crate::route_table!(first_paints);
