//! The shared board in the browser: the connection kept on this device, the
//! core's requests carried out with `fetch`, and the loop that keeps a
//! bundle's kinds in sync while the page is open (on start, after each local
//! change, on "Synkronisér nu", and through a long poll while the page is
//! visible). The protocol and its Danish messages are the core's
//! (`sync::board`); nothing here decides what travels.

use std::cell::RefCell;

use chrono::Timelike;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::{now, AppState};
use crate::storage;
use tid_og_lyst_core::da::board as t;
use tid_og_lyst_core::record::meta::Millis;
use tid_og_lyst_core::sync::board::{self, BoardError, BoardState, Connection, Host, Report, Request, Response};
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::text::dates;

/// How long a long poll waits for a change, in milliseconds.
const LONG_POLL_MS: u32 = 25_000;
/// A sync while the page is hidden, at most this often (ms).
const HIDDEN_EVERY_MS: i32 = 60_000;
/// Quiet after a local change before it is sent (ms).
const DEBOUNCE_MS: i32 = 400;

/// What the page shows of the board.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not connected.
    Off,
    /// A sync under way: records received and sent so far.
    Syncing(usize, usize),
    /// The last sync ended well, at this time, with this report.
    Synced(Millis, Report),
    /// No answer or offline: trying again soon.
    Retrying,
    /// The user must act (a wrong password, no access …).
    Failed(BoardError),
}

impl Status {
    /// The Danish line for the status, or none when not connected.
    pub fn line(&self) -> Option<String> {
        Some(match self {
            Status::Off => return None,
            Status::Syncing(r, s) => t::syncing(*r, *s),
            Status::Synced(at, report) => {
                let local = dates::to_local(*at);
                let mut line = t::synced(local.hour(), local.minute(), report.sent, report.received);
                if report.held_back > 0 {
                    line = format!("{line}. {}", t::held_back(report.held_back));
                }
                if report.skipped > 0 {
                    line = format!("{line}. {}", t::skipped(report.skipped));
                }
                line
            }
            Status::Retrying => t::RETRYING.to_string(),
            Status::Failed(e) => e.to_string(),
        })
    }
}

/// The board as the pages see it: its status and the host connected to.
#[derive(Clone, Copy)]
pub struct Board {
    /// What the loop is doing.
    pub status: RwSignal<Status>,
}

/// The board of this page, where the page syncs.
pub fn use_board() -> Option<Board> {
    use_context::<Board>()
}

/// The connection kept on this device, if any.
pub fn connection() -> Option<Connection> {
    storage::load::<Connection>(storage::KEY_BOARD, now()).ok().flatten()
}

/// Keeps a checked connection and wakes the loop.
pub fn connect(c: &Connection) -> Result<(), storage::SaveError> {
    storage::save(storage::KEY_BOARD, c)?;
    kick();
    Ok(())
}

/// Forgets the connection and what was seen on the board; every record stays.
pub fn disconnect() {
    storage::remove(storage::KEY_BOARD);
    storage::remove(storage::KEY_BOARD_STATE);
    kick();
}

thread_local! {
    /// A kick not yet taken by a wait or a long poll.
    static KICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Ends the loop's wait.
    static WAKE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Calls off the long poll under way.
    static ABORT: RefCell<Option<web_sys::AbortController>> = const { RefCell::new(None) };
}

/// Wakes the loop now: ends its wait and calls off a long poll.
pub fn kick() {
    KICKED.with(|k| k.set(true));
    if let Some(f) = WAKE.with(|w| w.borrow_mut().take()) {
        let _ = f.call0(&JsValue::NULL);
    }
    if let Some(a) = ABORT.with(|a| a.borrow_mut().take()) {
        a.abort();
    }
}

/// Waits `ms` milliseconds or until [`kick`].
async fn wait_or_kick(ms: i32) {
    if KICKED.with(|k| k.replace(false)) {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
        WAKE.with(|w| *w.borrow_mut() = Some(resolve));
    });
    let _ = JsFuture::from(promise).await;
}

/// Sends one request of the protocol to the board.
pub async fn send(c: &Connection, r: &Request) -> Result<Response, BoardError> {
    let window = web_sys::window().ok_or(BoardError::NoAnswer)?;
    let init = web_sys::RequestInit::new();
    init.set_method(r.method);
    init.set_cache(web_sys::RequestCache::NoStore);
    // Basic auth on each request; no login cookie is kept (CouchDB 3.4 sets one).
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let headers = web_sys::Headers::new().map_err(|_| BoardError::NoAnswer)?;
    let _ = headers.set("Authorization", &board::basic_auth(c));
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = &r.body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    if r.waits {
        if KICKED.with(|k| k.replace(false)) {
            return Err(BoardError::Interrupted);
        }
        if let Ok(abort) = web_sys::AbortController::new() {
            init.set_signal(Some(&abort.signal()));
            ABORT.with(|a| *a.borrow_mut() = Some(abort));
        }
    }
    let url = format!("{}{}", c.address, r.path);
    let answer = JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await;
    let aborted = |e: &JsValue| e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError");
    let response: web_sys::Response = match answer {
        Ok(v) => v.unchecked_into(),
        Err(e) if aborted(&e) => return Err(BoardError::Interrupted),
        Err(_) => return Err(failure(&window, &c.address).await),
    };
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    match text {
        Ok(body) => Ok(Response { status, body: body.as_string().unwrap_or_default() }),
        Err(e) if aborted(&e) => Err(BoardError::Interrupted),
        Err(_) => Err(failure(&window, &c.address).await),
    }
}

/// Why a request got no answer: offline, withheld by the browser (the same
/// address answers a request that asks for no answer it may read: CORS), or
/// nothing there.
async fn failure(window: &web_sys::Window, address: &str) -> BoardError {
    let online = window.navigator().on_line();
    let reachable = online && {
        let init = web_sys::RequestInit::new();
        init.set_mode(web_sys::RequestMode::NoCors);
        JsFuture::from(window.fetch_with_str_and_init(address, &init)).await.is_ok()
    };
    board::network_failure(online, reachable)
}

/// The board as the core's protocol uses it.
struct Link<K> {
    app: AppState,
    connection: Connection,
    status: RwSignal<Status>,
    /// The round is a first one, shown as "Synkroniserer …" with its progress.
    showing_progress: bool,
    kinds: std::marker::PhantomData<K>,
}

impl<K: Kinds> Host for Link<K> {
    async fn request(&mut self, request: Request) -> Result<Response, BoardError> {
        send(&self.connection, &request).await
    }

    fn with_data<T>(&self, f: impl FnOnce(&AppData) -> T) -> T {
        self.app.data.with_untracked(f)
    }

    fn join(&mut self, data: AppData) {
        self.app.observe(&data);
        self.app.data.update(|d| d.join_in::<K>(data));
    }

    async fn breathe(&mut self) {
        crate::slices::next_turn().await;
    }

    fn keep(&mut self, state: &BoardState, report: &Report) {
        let _ = storage::save(storage::KEY_BOARD_STATE, state);
        if self.showing_progress {
            self.status.set(Status::Syncing(report.received, report.sent));
        } else if report.received + report.sent > 0 {
            self.status.set(Status::Synced(now(), report.clone()));
        }
    }
}

/// Starts keeping `K`'s kinds in sync with the board this device is
/// connected to (none: the loop waits for "Forbind"), and gives the pages
/// its status.
pub fn start<K: Kinds>(app: AppState) {
    let status = RwSignal::new(if connection().is_some() { Status::Syncing(0, 0) } else { Status::Off });
    provide_context(Board { status });
    // A local change is sent a moment after the last one (a change that came
    // from the board has nothing to send, and wakes nothing).
    let pending = StoredValue::new(0u32);
    Effect::new(move |_| {
        app.data.track();
        if !app.loaded.get_untracked() || matches!(status.get_untracked(), Status::Off) {
            return;
        }
        let mine = pending.get_value().wrapping_add(1);
        pending.set_value(mine);
        leptos::task::spawn_local(async move {
            crate::slices::sleep(DEBOUNCE_MS).await;
            if pending.try_get_value() != Some(mine) {
                return;
            }
            let state = load_state();
            if app.data.with_untracked(|d| !board::outgoing::<K>(d, &state).docs.is_empty()) {
                kick();
            }
        });
    });
    for event in ["online", "visibilitychange"] {
        let wake = wasm_bindgen::closure::Closure::<dyn Fn()>::new(kick);
        let target: Option<web_sys::EventTarget> = if event == "online" {
            web_sys::window().map(Into::into)
        } else {
            web_sys::window().and_then(|w| w.document()).map(Into::into)
        };
        if let Some(t) = target {
            let _ = t.add_event_listener_with_callback(event, wake.as_ref().unchecked_ref());
        }
        wake.forget();
    }
    leptos::task::spawn_local(run::<K>(app, status));
}

fn load_state() -> BoardState {
    storage::load::<BoardState>(storage::KEY_BOARD_STATE, now()).ok().flatten().unwrap_or_default()
}

fn hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

async fn run<K: Kinds>(app: AppState, status: RwSignal<Status>) {
    // Nothing is sent or joined before this device's records are read.
    while !app.loaded.get_untracked() {
        crate::slices::sleep(50).await;
    }
    let mut backoff = 2_000;
    loop {
        let Some(c) = connection() else {
            status.set(Status::Off);
            wait_or_kick(i32::MAX).await;
            continue;
        };
        let settled = matches!(status.get_untracked(), Status::Synced(..));
        if !settled {
            status.set(Status::Syncing(0, 0));
        }
        let mut state = load_state().for_board(&c.board_key());
        let wait = (settled && !hidden()).then_some(LONG_POLL_MS);
        let mut link = Link::<K> {
            app,
            connection: c.clone(),
            status,
            showing_progress: !settled,
            kinds: std::marker::PhantomData,
        };
        let result = board::sync::<K, _>(&mut link, &mut state, wait).await;
        if connection().as_ref() != Some(&c) {
            // Disconnected (or connected elsewhere) meanwhile: this round's news is old.
            continue;
        }
        let _ = storage::save(storage::KEY_BOARD_STATE, &state);
        match result {
            Ok(report) => {
                backoff = 2_000;
                if !settled {
                    status.set(Status::Synced(now(), report));
                }
                if wait.is_none() && settled {
                    wait_or_kick(HIDDEN_EVERY_MS).await;
                }
            }
            Err(BoardError::Interrupted) => {}
            Err(e) if e.is_temporary() => {
                status.set(Status::Retrying);
                wait_or_kick(backoff).await;
                backoff = (backoff * 2).min(30_000);
            }
            Err(e) => {
                status.set(Status::Failed(e));
                wait_or_kick(i32::MAX).await;
            }
        }
    }
}
