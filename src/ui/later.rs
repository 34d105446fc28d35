//! The app's first build in pieces. The static page (examples/first_paint.rs) stays
//! on screen while the app builds its copy off screen, one piece per turn
//! of the event loop, and gives way to it in one task when the last piece
//! is built: a slow phone gets several short tasks instead of one long one
//! in which a tap waits, and no frame shows half a page. After the start,
//! [`Later`] builds its children at once.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

thread_local! {
    static STARTING: Cell<bool> = const { Cell::new(false) };
    static PIECES: RefCell<Vec<RwSignal<bool>>> = const { RefCell::new(Vec::new()) };
    static AFTER: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Builds `children` in a turn of its own while the app is starting, at
/// once afterwards.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    if !STARTING.get() {
        return children().into_any();
    }
    let built = RwSignal::new(false);
    PIECES.with(|p| p.borrow_mut().push(built));
    // `built` turns true once, so this runs with it true once.
    let mut children = Some(children);
    (move || if built.get() { children.take().map(untrack) } else { None }).into_any()
}

/// Runs `f` once the app's page is on screen: at once after the start,
/// else right after the static page has given way to it.
pub fn after_start(f: impl FnOnce() + 'static) {
    if STARTING.get() {
        AFTER.with(|a| a.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

/// Builds `app` into a detached element, then each [`Later`] piece a turn
/// after the one before (pieces may add pieces), then calls `show` with the
/// element, whose children are the app's page, and the functions waiting in
/// [`after_start`].
pub fn build(app: fn() -> AnyView, show: impl FnOnce(web_sys::HtmlElement) + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = doc.create_element("div").ok().and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok()) else {
        return;
    };
    STARTING.set(true);
    leptos::mount::mount_to(web_sys::HtmlElement::clone(&root), app).forget();
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            // The piece built last turn has drawn (its effects ran as
            // microtasks of that turn), so the pieces it added are queued.
            crate::slices::next_turn().await;
            let next = PIECES.with(|p| {
                let mut p = p.borrow_mut();
                (!p.is_empty()).then(|| p.remove(0))
            });
            let Some(piece) = next else { break };
            // A piece whose owner was dropped before its turn is skipped
            // (try_set hands the value back then).
            let _ = piece.try_set(true);
        }
        STARTING.set(false);
        show(root);
        for f in AFTER.with(|a| std::mem::take(&mut *a.borrow_mut())) {
            f();
        }
    });
}
