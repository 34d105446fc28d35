//! App state shared through context: the data, settings and notices. Actions
//! call the pure core; one effect persists the data; other tabs' changes are
//! merged in. The records load asynchronously (IndexedDB): until they are in,
//! `loaded` is false, the pages say so, and nothing is saved.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::{self, SaveError};
use tid_og_lyst_core::da;
use tid_og_lyst_core::dreams::privacy::erase_due;
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, Millis, Rev};
use tid_og_lyst_core::sync::data::{AppData, Kinds};

/// The current time in milliseconds, read from the browser.
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// Display settings, remembered on the device.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// 0 = A, 1 = A+, 2 = A++.
    #[serde(default)]
    pub text_size: u8,
    /// High-contrast projector mode.
    #[serde(default)]
    pub projector: bool,
    /// When the user last exported their data (ms).
    #[serde(default)]
    pub last_export: Option<Millis>,
    /// The iPhone home-screen hint has been shown.
    #[serde(default)]
    pub ios_hint_seen: bool,
}

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something went well.
    Info,
    /// Something needs attention.
    Warning,
    /// Something failed.
    Error,
}

impl NoticeKind {
    /// The kind as it is handed to the next page (`storage::hand_over_notices`).
    fn code(self) -> char {
        match self {
            NoticeKind::Info => '0',
            NoticeKind::Warning => '1',
            NoticeKind::Error => '2',
        }
    }

    /// The kind `code` gives back (an unknown one is info).
    fn of_code(code: char) -> Self {
        match code {
            '1' => NoticeKind::Warning,
            '2' => NoticeKind::Error,
            _ => NoticeKind::Info,
        }
    }
}

/// A message shown at the top of every page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique within the session.
    pub id: u32,
    /// Severity.
    pub kind: NoticeKind,
    /// Danish text.
    pub text: String,
    /// An optional file to offer: (file name, content).
    pub download: Option<(String, String)>,
    /// An optional action button: (label, what it does).
    pub action: Option<(&'static str, fn())>,
}

/// Everything the pages share; `Copy`, so it is cheap to pass around.
#[derive(Clone, Copy)]
pub struct AppState {
    /// All synchronised data.
    pub data: RwSignal<AppData>,
    /// Display settings.
    pub settings: RwSignal<Settings>,
    /// Messages for the user.
    pub notices: RwSignal<Vec<Notice>>,
    /// True when the last save failed because storage is full.
    pub storage_full: RwSignal<bool>,
    /// True once the stored records have been read.
    pub loaded: RwSignal<bool>,
    clock: StoredValue<Clock>,
    next_notice: StoredValue<u32>,
    saving: StoredValue<bool>,
    pending: StoredValue<bool>,
    save_again: StoredValue<bool>,
}

impl AppState {
    /// Creates the state with the display settings and notices, and no
    /// records: enough for the pages that show none (the front page's
    /// bundle, which so carries none of the records' code). Pages with
    /// records call [`AppState::load_records`] next.
    pub fn init() -> Self {
        let t = now();
        let clock = storage::load_clock(t);
        let settings = match storage::load::<Settings>(storage::KEY_SETTINGS, t) {
            Ok(Some(s)) => s,
            _ => Settings::default(),
        };
        let state = AppState {
            data: RwSignal::new(AppData::default()),
            settings: RwSignal::new(settings),
            notices: RwSignal::new(Vec::new()),
            storage_full: RwSignal::new(false),
            loaded: RwSignal::new(true),
            clock: StoredValue::new(clock),
            next_notice: StoredValue::new(1),
            saving: StoredValue::new(false),
            pending: StoredValue::new(false),
            save_again: StoredValue::new(false),
        };
        if !storage::available() {
            state.notify(NoticeKind::Warning, da::storage::UNAVAILABLE);
        }
        // What the previous page of this tab still showed when it loaded this one.
        // (Not the warning above, which this page gives itself.)
        storage::take_notices(|kind, text| {
            if text == da::storage::UNAVAILABLE {
                return;
            }
            state.notify(NoticeKind::of_code(kind), text);
        });
        Effect::new(move |_| {
            let s = state.settings.get();
            let _ = storage::save(storage::KEY_SETTINGS, &s);
        });
        storage::on_other_tab_change(move |key, value| {
            if key == storage::KEY_SETTINGS {
                if let Some(s) = value.and_then(|v| serde_json::from_str::<Settings>(&v).ok()) {
                    state.settings.set(s);
                }
            }
        });
        state
    }

    /// Starts reading the stored records of `K`'s kinds (a part's bundle
    /// reads its own kind only; the others stay untouched in storage) and
    /// wires up their persistence, other tabs' changes and the panic page's
    /// copy of them.
    pub fn load_records<K: Kinds>(self) {
        let state = self;
        state.loaded.set(false);
        leptos::task::spawn_local(async move {
            // A large store's first records show while the rest is read
            // (nothing is saved until all are in).
            let first = move |part: AppData| {
                state.clock.update_value(|c| part.observe_into(c));
                state.data.update(|d| d.join_in::<K>(part));
            };
            let loaded = storage::load_data::<K>(now(), first).await;
            if loaded.backend == storage::Backend::Local && storage::available() {
                state.notify(NoticeKind::Warning, da::storage::NO_DATABASE);
            }
            for c in loaded.corrupt {
                let content = storage::raw_get(&c.backup_key).unwrap_or_default();
                let file = format!("{}.json", c.backup_key.replace('.', "-"));
                state.push(NoticeKind::Warning, da::storage::corrupt(&describe_key(&c.key)), Some((file, content)));
            }
            state.clock.update_value(|c| loaded.data.observe_into(c));
            // Anything changed before the records were in is kept (and the
            // first records shown already are joined again, which keeps them).
            crate::slices::next_turn().await;
            state.data.update(|d| {
                let meanwhile = std::mem::replace(d, loaded.data);
                d.join_in::<K>(meanwhile);
            });
            state.loaded.set(true);
        });
        // A finished dream's private details go when their day comes (the
        // core decides which and when), after reading and after every merge.
        // (Only in a bundle that holds dreams, so the others carry none of their code.)
        if K::DREAMS {
            Effect::new(move |_| {
                if !state.loaded.get() {
                    return;
                }
                state.data.track();
                let t = now();
                state.data.maybe_update(|d| erase_due(d.dreams.values_mut(), t) > 0);
            });
        }
        CURRENT.with(|c| c.set(Some(state)));
        EMERGENCY_COPY.with(|c| c.set(Some(emergency_copy::<K>)));
        state.persist_effects::<K>();
        state.guard_unsaved();
        state.listen_other_tabs::<K>();
        storage::request_persistence();
    }

    fn persist_effects<K: Kinds>(self) {
        Effect::new(move |was_loaded: Option<bool>| {
            if !self.loaded.get() {
                return false;
            }
            self.data.track();
            // A change made here is waiting to be written from now on; the
            // records just read are not (the round after them writes only
            // what changed meanwhile, if anything).
            if was_loaded == Some(true) {
                self.pending.set_value(true);
            }
            // One save at a time: a change during a save is picked up by
            // one more round when it ends (the diff then holds just it).
            if self.saving.get_value() {
                self.save_again.set_value(true);
                return true;
            }
            self.saving.set_value(true);
            leptos::task::spawn_local(async move {
                // Not in the task that changed the data (a large import has
                // done its share of work there already).
                crate::slices::next_turn().await;
                loop {
                    self.save_again.set_value(false);
                    let job = self.data.with_untracked(storage::save_data::<K>);
                    if job.writes() {
                        self.pending.set_value(true);
                    }
                    let result = job.finish::<K>(&|f| self.data.with_untracked(|d| f(d))).await;
                    self.after_save(result);
                    if !self.save_again.get_value() {
                        break;
                    }
                }
                self.pending.set_value(false);
                self.saving.set_value(false);
            });
            true
        });
    }

    /// While records are still being written (a large import takes
    /// seconds), leaving or reloading the page asks first: what is not
    /// written yet would be lost. The save round after the records are read
    /// asks only if it finds something to write.
    fn guard_unsaved(self) {
        use wasm_bindgen::JsCast;
        let ask = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            if self.pending.try_get_value().unwrap_or(false) {
                e.prevent_default();
                // Older browsers ask only when `returnValue` is set.
                let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &"".into());
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("beforeunload", ask.as_ref().unchecked_ref());
        }
        ask.forget();
    }

    fn after_save(self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                if self.storage_full.get_untracked() {
                    self.storage_full.set(false);
                }
            }
            Err(SaveError::Full) => {
                if !self.storage_full.get_untracked() {
                    self.storage_full.set(true);
                    self.notify(NoticeKind::Error, da::storage::FULL);
                }
            }
            Err(SaveError::Unavailable) => {}
        }
    }

    fn listen_other_tabs<K: Kinds>(self) {
        storage::on_other_tab_change(move |key, value| {
            if key.is_empty() || key == storage::KEY_SETTINGS {
                return;
            }
            if let Some(theirs) = storage::data_from_other_tab::<K>(&key, value.as_deref()) {
                self.clock.update_value(|c| theirs.observe_into(c));
                self.data.update(|d| *d = d.merge_of::<K>(&theirs));
            }
        });
        storage::idb::on_other_tab::<K>(move |msg| match msg {
            storage::idb::FromOtherTab::Data(theirs) => {
                storage::idb::mark_saved::<K>(&theirs);
                self.clock.update_value(|c| theirs.observe_into(c));
                self.data.update(|d| *d = d.merge_of::<K>(&theirs));
            }
            storage::idb::FromOtherTab::Cleared => self.data.set(AppData::default()),
        });
    }

    /// True while records are being written.
    pub fn is_saving(&self) -> bool {
        self.saving.try_get_value().unwrap_or(false)
    }

    /// This device's id.
    pub fn device(&self) -> DeviceId {
        self.clock.with_value(|c| c.device.clone())
    }

    /// A fresh revision stamp.
    pub fn stamp(&self) -> Rev {
        let t = now();
        let rev = self.clock.try_update_value(|c| c.tick(t)).expect("clock");
        let _ = self.clock.with_value(|c| storage::save(storage::KEY_CLOCK, c));
        rev
    }

    /// Meta for a new record.
    pub fn new_meta(&self) -> Meta {
        Meta { id: crate::ids::new_id(), rev: self.stamp(), deleted: false }
    }

    /// Lets the clock see all stamps of imported data.
    pub fn observe(&self, data: &AppData) {
        self.clock.update_value(|c| data.observe_into(c));
        let _ = self.clock.with_value(|c| storage::save(storage::KEY_CLOCK, c));
    }

    /// Shows a message.
    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) {
        self.push(kind, text.into(), None);
    }

    /// Shows a message with a file to download.
    pub fn push(&self, kind: NoticeKind, text: String, download: Option<(String, String)>) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| n.push(Notice { id, kind, text, download, action: None }));
    }

    /// Shows a message with an action button.
    pub fn push_action(&self, kind: NoticeKind, text: String, label: &'static str, action: fn()) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| n.push(Notice { id, kind, text, download: None, action: Some((label, action)) }));
    }

    /// Hands the open notices without a file or a button to the page of
    /// another bundle this tab loads next, which shows them again (`init`),
    /// so "Workshoppen er slettet." stays when the workshop list is a page
    /// load away.
    pub fn hand_over_notices(&self) {
        let plain: Vec<(char, String)> = self.notices.with_untracked(|n| {
            n.iter()
                .filter(|n| n.download.is_none() && n.action.is_none())
                .map(|n| (n.kind.code(), n.text.clone()))
                .collect()
        });
        storage::hand_over_notices(&plain);
    }

    /// Removes a message.
    pub fn dismiss(&self, id: u32) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }
}

fn describe_key(key: &str) -> String {
    match key {
        storage::KEY_DREAMS => "drømme".into(),
        storage::KEY_ACTIVITIES => "aktiviteter".into(),
        storage::KEY_ASSESSMENTS => "workshops".into(),
        storage::KEY_SETTINGS => "indstillinger".into(),
        other => other.trim_start_matches(storage::PREFIX).into(),
    }
}

thread_local! {
    static CURRENT: std::cell::Cell<Option<AppState>> = const { std::cell::Cell::new(None) };
}

/// Makes one storage key's records into a list (see [`records_for_panic`]).
type CopyRecords = fn(&str) -> Option<serde_json::Value>;

thread_local! {
    /// Set by [`AppState::load_records`]: a bundle that never loads records
    /// does not carry the code that writes them.
    static EMERGENCY_COPY: std::cell::Cell<Option<CopyRecords>> =
        const { std::cell::Cell::new(None) };
}

/// The records in memory under one storage key, as a list of export
/// records, for the panic page's emergency copy (the records live in
/// IndexedDB, which cannot be read synchronously). `None` when no records
/// were loaded, none are held, or they cannot be read any more.
pub fn records_for_panic(key: &str) -> Option<serde_json::Value> {
    EMERGENCY_COPY.with(|c| c.get())?(key)
}

fn emergency_copy<K: Kinds>(key: &str) -> Option<serde_json::Value> {
    use tid_og_lyst_core::record::object;
    let d = CURRENT.with(|c| c.get())?.data.try_get_untracked()?;
    let list = match key {
        storage::KEY_DREAMS if K::DREAMS => object::to_value(&d.dreams.values().collect::<Vec<_>>()),
        storage::KEY_ACTIVITIES if K::ACTIVITIES => object::to_value(&d.activities.values().collect::<Vec<_>>()),
        storage::KEY_ASSESSMENTS if K::ASSESSMENTS => object::to_value(&d.assessments.values().collect::<Vec<_>>()),
        _ => return None,
    };
    list.ok().filter(|v| v.as_array().is_some_and(|a| !a.is_empty()))
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
