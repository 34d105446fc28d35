//! The app's frame around every page (`ui::frame`) with what only the app
//! knows: the settings and their changes, the notices, a shared tablet's
//! "Færdig – ryd til næste" and idle time, and a connected board's promise.

use leptos::prelude::*;

use crate::router::use_location;
use crate::state::use_app;
use crate::ui::frame::{Controls, Frame};
use crate::ui::notices::Notices;
use crate::ui::shared_tablet::{TabletBar, TabletIdle};
use tid_og_lyst_core::da::app as t;

/// Wraps a page in the frame (`ui::frame`), with the settings and the
/// connected board's promise.
#[component]
pub fn Layout(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let state = use_app();
    // Settings are mirrored onto <html> classes, the one outside-world effect here.
    Effect::new(move |_| {
        let s = state.settings.get();
        if let Some(root) = document().document_element() {
            let list = root.class_list();
            for (i, class) in ["text-0", "text-1", "text-2"].iter().enumerate() {
                let _ = list.toggle_with_force(class, i as u8 == s.text_size.min(2));
            }
            let _ = list.toggle_with_force("projector", s.projector);
        }
    });
    let settings = state.settings;
    let controls = Controls {
        text_size: Signal::derive(move || settings.with(|s| s.text_size)),
        set_text_size: Callback::new(move |i| settings.update(|s| s.text_size = i)),
        projector: Signal::derive(move || settings.with(|s| s.projector)),
        toggle_projector: Callback::new(move |()| settings.update(|s| s.projector = !s.projector)),
        tablet: Signal::derive(move || settings.with(|s| s.shared_tablet.is_some())),
        toggle_tablet: Callback::new(move |()| crate::ui::shared_tablet::toggle(state)),
    };
    let (promise, status) = footer_promise();
    view! {
        <Frame
            path=use_location().pathname
            controls
            tablet_extra=ViewFn::from(|| view! { <TabletIdle/> })
            header_end=ViewFn::from(|| view! { <TabletBar/> })
            notices=ViewFn::from(|| view! { <Notices/> })
            promise
            status
        >
            {children()}
        </Frame>
    }
}

/// True on a screen wider than a phone's (the CSS switches at 40rem =
/// 640 px): there the parts a page folds away on phones start unfolded.
pub fn wide_screen() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w > 640.0)
}

/// The footer's promise of what leaves the device: nothing, or, connected to
/// a shared board, what goes where; and where the page syncs, while
/// connected, how it goes.
fn footer_promise() -> (Signal<String>, ViewFn) {
    let status = crate::board::use_board().map(|b| b.status);
    let connected = Memo::new(move |_| status.is_some_and(|s| !matches!(s.get(), crate::board::Status::Off)));
    // Read again when the board's status changes (connected, disconnected).
    let promise = Signal::derive(move || {
        if let Some(s) = status {
            s.track();
        }
        match crate::board::connection() {
            Some(c) => tid_og_lyst_core::da::board::footer(c.host()),
            None => t::FOOTER.to_string(),
        }
    });
    let line = ViewFn::from(move || {
        move || {
            connected.get().then(|| view! { <p class="board-status" role="status">{move || status.and_then(|s| s.get().line())}</p> })
        }
    });
    (promise, line)
}
