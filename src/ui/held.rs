//! The top of a record that the build drew into the record's static page
//! (examples/first_paint.rs: an example activity's `aktiviteter/<id>.html`), kept on
//! screen until the page can draw the record itself: what was painted before
//! the wasm is not replaced by a loading message and then drawn again.

use std::cell::RefCell;

use leptos::html::Div;
use leptos::prelude::*;

thread_local! {
    static HELD: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Keeps the static page's held element (`[data-held]`), which stays on
/// screen inside the static copy until the app removes that copy
/// (`app::mount`) and a page shows it again ([`Held`]). Called by the
/// bundles with the directory's pages before `app::start`, so the other
/// bundles carry none of this.
pub fn keep() {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-held]").ok().flatten());
    HELD.with(|h| *h.borrow_mut() = el);
}

/// The held element, if it is the one drawn for `key` (its `data-held`,
/// the record's id); it can be taken once.
pub fn take(key: &str) -> Option<web_sys::Element> {
    HELD.with(|h| {
        let mut h = h.borrow_mut();
        let same = h.as_ref()?.get_attribute("data-held").is_some_and(|k| k == key);
        if same {
            h.take()
        } else {
            None
        }
    })
}

/// Shows a held element where the page would draw its own (in a wrapper
/// without a box of its own: `.held { display: contents }`).
#[component]
pub fn Held(el: web_sys::Element) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    // Off screen during the app's start: the element stays in the static
    // page until that page gives way (`ui::later`).
    host.on_load(move |d| {
        crate::ui::later::after_start(move || {
            let _ = d.append_child(&el);
        })
    });
    view! { <div class="held" node_ref=host></div> }
}
