//! "Fælles tavle (valgfrit)" on `/del`: connect this device to a group's
//! CouchDB database, see how syncing goes, sync now, or disconnect. The
//! address is checked by the core (`sync::board::connection`), then the
//! database itself is asked before anything is kept.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::board::{self, use_board, Status};
use crate::state::{use_app, NoticeKind};
use tid_og_lyst_core::da::board as t;
use tid_og_lyst_core::sync::board::{check_answer, check_request, connection, Connection};

/// The page's origin and its Content-Security-Policy (empty when it has none).
fn page_origin_and_policy() -> (String, String) {
    let w = web_sys::window();
    let origin = w.as_ref().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let policy = w
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[http-equiv='Content-Security-Policy']").ok().flatten())
        .and_then(|m| m.dyn_into::<web_sys::HtmlMetaElement>().ok())
        .map(|m| m.content())
        .unwrap_or_default();
    (origin, policy)
}

/// The card.
#[component]
pub fn BoardCard() -> impl IntoView {
    // The connection kept on the device, read again as the sync loop's
    // status changes (connected, disconnected, the device cleared).
    let status = use_board().map(|b| b.status);
    let connected = Memo::new(move |_| {
        if let Some(s) = status {
            s.track();
        }
        board::connection()
    });
    view! {
        <section class="card board-card" aria-labelledby="board-title">
            <h2 id="board-title">{t::TITLE}</h2>
            {move || match connected.get() {
                Some(c) => view! { <Connected c=c/> }.into_any(),
                None => view! { <ConnectForm/> }.into_any(),
            }}
        </section>
    }
}

/// Address, name and password, and "Forbind".
#[component]
fn ConnectForm() -> impl IntoView {
    let address = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (origin, policy) = page_origin_and_policy();
        let c = match connection(
            &address.get_untracked(),
            &name.get_untracked(),
            &password.get_untracked(),
            &origin,
            &policy,
        ) {
            Ok(c) => c,
            Err(e) => return error.set(Some(e.to_string())),
        };
        error.set(None);
        busy.set(true);
        spawn_local(async move {
            let checked = match board::send(&c, &check_request()).await {
                Ok(answer) => check_answer(&answer),
                Err(e) => Err(e),
            };
            busy.set(false);
            match checked.map(|()| board::connect(&c)) {
                Ok(Ok(())) => {}
                Ok(Err(_)) => error.set(Some(tid_og_lyst_core::da::storage::FULL.to_string())),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let field =
        |id: &'static str, label: &'static str, kind: &'static str, auto: &'static str, value: RwSignal<String>| {
            view! {
                <div class="field">
                    <label for=id>{label}</label>
                    <input id=id type=kind autocomplete=auto spellcheck="false" autocapitalize="off"
                        prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))/>
                </div>
            }
        };
    view! {
        <p>{t::INTRO}</p>
        <form class="board-form" on:submit=submit novalidate>
            <div class="field">
                <label for="board-address">{t::ADDRESS}</label>
                <input id="board-address" type="url" inputmode="url" autocomplete="url" spellcheck="false"
                    autocapitalize="off" aria-describedby="board-address-hint"
                    prop:value=move || address.get() on:input=move |e| address.set(event_target_value(&e))/>
                <span class="hint" id="board-address-hint">{t::ADDRESS_HINT}</span>
            </div>
            {field("board-name", t::NAME, "text", "username", name)}
            {field("board-password", t::PASSWORD, "password", "current-password", password)}
            <div class="actions">
                <button class="btn btn--primary" type="submit" aria-disabled=move || busy.get().to_string()>{t::CONNECT}</button>
            </div>
            <p class="result" role="status">{move || busy.get().then_some(t::CHECKING)}</p>
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}

/// Connected: where, what travels, how syncing goes, and the two buttons.
#[component]
fn Connected(c: Connection) -> impl IntoView {
    let app = use_app();
    let status = use_board().map(|b| b.status);
    let line = move || status.and_then(|s| s.get().line());
    let failed = move || status.is_some_and(|s| matches!(s.get(), Status::Failed(_)));
    view! {
        <p><strong>{t::connected(c.host())}</strong></p>
        <p>{t::WHAT_TRAVELS}</p>
        <p class="board-status" class:error=failed role="status">{line}</p>
        <div class="actions">
            <button class="btn btn--primary" type="button" on:click=move |_| board::kick()>{t::SYNC_NOW}</button>
            <button class="btn" type="button" on:click=move |_| {
                board::disconnect();
                app.notify(NoticeKind::Info, t::DISCONNECTED);
            }>{t::DISCONNECT}</button>
        </div>
    }
}
