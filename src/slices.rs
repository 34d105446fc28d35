//! Long work in slices: a slice runs until its time budget is spent, then
//! the page gets the event loop back (a `setTimeout(0)`), so input, paint
//! and progress lines keep going during a large import.

use wasm_bindgen::prelude::*;

/// Time one slice may take, in milliseconds: well under the 200 ms a
/// main-thread task may last, and short enough to keep typing smooth.
pub const BUDGET_MS: f64 = 40.0;

/// Milliseconds from the page's clock (monotonic).
pub fn clock() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// Resolves on the next turn of the event loop.
pub async fn next_turn() {
    sleep(0).await;
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Time one slice of the work a page does by itself as it starts (reading
/// the example catalogue) may take, in milliseconds: short, since nobody
/// waits on it, and a phone four times slower still gets a task under 50 ms.
pub const START_BUDGET_MS: f64 = 10.0;

/// Runs `step` (which does a little work and returns true when all is done)
/// in slices of [`BUDGET_MS`], calling `between` after each slice, until it
/// is done or `go_on` says stop. Returns true when it finished.
pub fn run(
    step: impl FnMut() -> bool,
    between: impl FnMut(),
    go_on: impl Fn() -> bool,
) -> impl std::future::Future<Output = bool> {
    run_within(BUDGET_MS, step, between, go_on)
}

/// [`run`] with slices of `budget` milliseconds.
pub async fn run_within(
    budget: f64,
    mut step: impl FnMut() -> bool,
    mut between: impl FnMut(),
    go_on: impl Fn() -> bool,
) -> bool {
    loop {
        let start = clock();
        while clock() - start < budget {
            if step() {
                between();
                return true;
            }
        }
        between();
        next_turn().await;
        if !go_on() {
            return false;
        }
    }
}

/// Lets go of a large value (the records an undo replaced) a few hundred
/// records at a time: freeing 50,000 activities at once takes longer than a
/// task may.
pub fn drop_in_slices(data: tid_og_lyst_core::sync::data::AppData) {
    let data = std::cell::RefCell::new(data);
    leptos::task::spawn_local(async move {
        next_turn().await;
        run(
            || {
                let mut d = data.borrow_mut();
                for _ in 0..200 {
                    if d.activities.pop_last().is_none() && d.dreams.pop_last().is_none() {
                        return d.assessments.pop_last().is_none();
                    }
                }
                false
            },
            || {},
            || true,
        )
        .await;
    });
}
