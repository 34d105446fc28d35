//! The only module that touches the browser's storage.
//!
//! Records (dreams with their claims, activities, sessions) live in IndexedDB,
//! one entry per record, written incrementally ([`idb`]). Settings, small
//! flags, the device's clock, the undo copy and values moved aside live in
//! local storage under versioned keys (`tidoglyst.v1.*`).
//!
//! The first version kept the records in local storage, one JSON array per
//! kind; on the first start after the update they are read (a bad record is
//! moved aside under `tidoglyst.corrupt.*`), written to IndexedDB, read back
//! and checked, and only then removed. Where IndexedDB is missing or blocked
//! the records stay in local storage as before, and the user is told. A full
//! storage is reported, never silent; other tabs' changes arrive through a
//! `BroadcastChannel` (records) and `storage` events (settings) and are merged.

pub mod idb;

use std::cell::RefCell;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use tid_og_lyst_core::record::merge::{self, Collection, Record};
use tid_og_lyst_core::record::meta::{Clock, Millis, RecordId};
use tid_og_lyst_core::record::object;
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::sync::shared_tablet::{keys_to_remove, Clearing};

pub use crate::names::*;

/// Why a value could not be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The quota is used up.
    Full,
    /// Local storage is switched off or missing.
    Unavailable,
}

/// A stored value that could not be read and was moved aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt {
    /// Where it was.
    pub key: String,
    /// Where it is now.
    pub backup_key: String,
}

thread_local! {
    /// The text last written per key, so unchanged values are not rewritten
    /// (which would wake other tabs for nothing).
    static LAST_WRITTEN: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn store() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps `notices` (kind `'0'`–`'2'`, text) for the next page this tab
/// loads ([`take_notices`]); nothing when there are none or no session
/// storage (JSON).
pub fn hand_over_notices(notices: &[(char, String)]) {
    if let Some(s) = session().filter(|_| !notices.is_empty()) {
        if let Ok(json) = serde_json::to_string(notices) {
            let _ = s.set_item(KEY_HANDED_NOTICES, &json);
        }
    }
}

/// Calls `f(kind, text)` for each notice the previous page of this tab
/// handed over, once (nothing for a value that cannot be read).
pub fn take_notices(mut f: impl FnMut(char, &str)) {
    let Some(s) = session() else { return };
    let Some(text) = s.get_item(KEY_HANDED_NOTICES).ok().flatten() else { return };
    let _ = s.remove_item(KEY_HANDED_NOTICES);
    let notices: Vec<(char, String)> = serde_json::from_str(&text).unwrap_or_default();
    for (kind, note) in &notices {
        f(*kind, note);
    }
}

/// True when local storage can be used at all.
pub fn available() -> bool {
    store().is_some()
}

/// The raw text under `key`.
pub fn raw_get(key: &str) -> Option<String> {
    store()?.get_item(key).ok().flatten()
}

/// Writes raw text, reporting a full storage.
pub fn raw_set(key: &str, value: &str) -> Result<(), SaveError> {
    let s = store().ok_or(SaveError::Unavailable)?;
    // Other tabs' writes and removals forget the key here, so an entry that
    // matches is what storage holds.
    let unchanged = LAST_WRITTEN.with(|m| m.borrow().get(key).map(|v| v == value).unwrap_or(false));
    if unchanged {
        return Ok(());
    }
    match s.set_item(key, value) {
        Ok(()) => {
            LAST_WRITTEN.with(|m| m.borrow_mut().insert(key.to_string(), value.to_string()));
            Ok(())
        }
        Err(e) => {
            let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
            let dom_name =
                js_sys::Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|v| v.as_string()).unwrap_or(name);
            if dom_name.contains("Quota") {
                Err(SaveError::Full)
            } else {
                Err(SaveError::Unavailable)
            }
        }
    }
}

/// Removes a key.
pub fn remove(key: &str) {
    if let Some(s) = store() {
        let _ = s.remove_item(key);
    }
    LAST_WRITTEN.with(|m| m.borrow_mut().remove(key));
}

/// Every key the app owns, with its text.
pub fn all_own() -> Vec<(String, String)> {
    let Some(s) = store() else { return vec![] };
    let n = s.length().unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..n {
        if let Some(k) = s.key(i).ok().flatten() {
            if k.starts_with(PREFIX) {
                if let Some(v) = s.get_item(&k).ok().flatten() {
                    out.push((k, v));
                }
            }
        }
    }
    out.sort();
    out
}

/// Moves an unreadable value aside and reports where it went.
fn move_aside(key: &str, raw: &str, now: Millis) -> Corrupt {
    let backup_key = format!("{CORRUPT_PREFIX}{}.{now}", key.trim_start_matches(PREFIX));
    // If even the backup cannot be written, the value is kept where it is
    // rather than lost; the app still starts with what it could read.
    if raw_set(&backup_key, raw).is_ok() {
        remove(key);
    }
    Corrupt { key: key.to_string(), backup_key }
}

/// Reads a single JSON value. A value that does not parse is moved aside.
pub fn load<T: DeserializeOwned>(key: &str, now: Millis) -> Result<Option<T>, Corrupt> {
    let Some(raw) = raw_get(key) else { return Ok(None) };
    match serde_json::from_str::<T>(&raw) {
        Ok(v) => Ok(Some(v)),
        Err(_) => Err(move_aside(key, &raw, now)),
    }
}

/// Writes a single JSON value.
pub fn save<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    let text = serde_json::to_string(value).map_err(|_| SaveError::Unavailable)?;
    raw_set(key, &text)
}

/// Reads one kind of record. Records that do not parse are moved aside
/// together (as one backup); the readable ones are returned.
fn load_kind<R: Record + DeserializeOwned>(key: &str, now: Millis, corrupt: &mut Vec<Corrupt>) -> Collection<R> {
    let Some(raw) = raw_get(key) else { return Collection::new() };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&raw) else {
        corrupt.push(move_aside(key, &raw, now));
        return Collection::new();
    };
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for item in items {
        match object::from_value::<R>(&item) {
            Ok(r) => good.push(r),
            Err(_) => bad.push(item),
        }
    }
    if !bad.is_empty() {
        let bad_text = serde_json::to_string(&bad).unwrap_or_default();
        let c = move_aside(&format!("{key}.records"), &bad_text, now);
        corrupt.push(Corrupt { key: key.to_string(), backup_key: c.backup_key });
    }
    let collection = merge::collect(good);
    // Write back what was read, so the bad records are not read again.
    if !corrupt.is_empty() {
        let _ = save_kind(key, &collection);
    }
    collection
}

fn save_kind<R: Record>(key: &str, c: &Collection<R>) -> Result<(), SaveError> {
    let list: Vec<&R> = c.values().collect();
    save(key, &list)
}

/// Where the records are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// IndexedDB, one entry per record.
    IndexedDb,
    /// Local storage, one array per kind (IndexedDB missing or blocked).
    Local,
}

/// What loading found.
pub struct Loaded {
    /// The readable records.
    pub data: AppData,
    /// Values that could not be read and were moved aside.
    pub corrupt: Vec<Corrupt>,
    /// Where the records are kept from now on.
    pub backend: Backend,
}

/// `K`'s records as the first version stored them, in local storage.
fn load_local<K: Kinds>(now: Millis, corrupt: &mut Vec<Corrupt>) -> AppData {
    AppData {
        dreams: if K::DREAMS { load_kind(KEY_DREAMS, now, corrupt) } else { Collection::new() },
        activities: if K::ACTIVITIES { load_kind(KEY_ACTIVITIES, now, corrupt) } else { Collection::new() },
        assessments: if K::ASSESSMENTS { load_kind(KEY_ASSESSMENTS, now, corrupt) } else { Collection::new() },
    }
}

/// Moves one kind from its local-storage key into IndexedDB: written, read
/// back and checked, and only then is the old key removed. What could not be
/// moved stays where it was and is returned, so it is still shown (and saved
/// again) rather than lost.
async fn migrate_kind<R: Record + DeserializeOwned>(
    key: &str,
    store: &'static str,
    now: Millis,
    corrupt: &mut Vec<Corrupt>,
) -> Collection<R> {
    if raw_get(key).is_none() {
        return Collection::new();
    }
    let records = load_kind::<R>(key, now, corrupt);
    match idb::put_all(store, &records).await {
        Ok(()) => {
            remove(key);
            Collection::new()
        }
        Err(_) => records,
    }
}

/// Reads one kind from IndexedDB; entries that cannot be read are moved
/// aside into local storage (as one backup) and then deleted.
async fn load_idb_kind<R: Record + DeserializeOwned>(
    key: &str,
    store: &'static str,
    now: Millis,
    corrupt: &mut Vec<Corrupt>,
    first: &mut dyn FnMut(&[R]),
) -> Collection<R> {
    let Ok((records, bad)) = idb::load_kind::<R>(store, first).await else { return Collection::new() };
    if !bad.is_empty() {
        let texts: Vec<Value> =
            bad.iter().map(|(_, t)| serde_json::from_str(t).unwrap_or(Value::String(t.clone()))).collect();
        let text = serde_json::to_string(&texts).unwrap_or_default();
        let backup_key = format!("{CORRUPT_PREFIX}{}.records.{now}", key.trim_start_matches(PREFIX));
        if raw_set(&backup_key, &text).is_ok() {
            let keys: Vec<String> = bad.into_iter().map(|(k, _)| k).collect();
            let _ = idb::delete_keys(store, &keys).await;
        }
        corrupt.push(Corrupt { key: key.to_string(), backup_key });
    }
    records
}

/// `f` behind a pointer. An `.await` under a `K::…` condition in an `async
/// fn` keeps the awaited future's code even when the condition is false
/// (the state machine's resume step for it stays); awaited through this,
/// only the boxing refers to that code, and it goes with the condition.
pub fn erased<'a, T>(
    f: impl std::future::Future<Output = T> + 'a,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = T> + 'a>> {
    Box::pin(f)
}

/// Reads the data of `K`'s kinds (the others are left where they are, for
/// the bundles that read them); unreadable parts are moved aside and
/// listed. Opens IndexedDB and moves the first version's records into it on
/// the way. A large store's first slice of records is handed to `first`
/// while the rest is read.
pub async fn load_data<K: Kinds>(now: Millis, first: impl Fn(AppData)) -> Loaded {
    migrate();
    let mut corrupt = Vec::new();
    if idb::open().await.is_err() {
        let data = load_local::<K>(now, &mut corrupt);
        return Loaded { data, corrupt, backend: Backend::Local };
    }
    let mut left = AppData::default();
    if K::DREAMS {
        left.dreams = erased(migrate_kind(KEY_DREAMS, idb::STORE_DREAMS, now, &mut corrupt)).await;
    }
    if K::ACTIVITIES {
        left.activities = erased(migrate_kind(KEY_ACTIVITIES, idb::STORE_ACTIVITIES, now, &mut corrupt)).await;
    }
    if K::ASSESSMENTS {
        left.assessments = erased(migrate_kind(KEY_ASSESSMENTS, idb::STORE_ASSESSMENTS, now, &mut corrupt)).await;
    }
    let part = |d: AppData| first(d);
    let mut stored = AppData::default();
    if K::DREAMS {
        stored.dreams = erased(load_idb_kind(KEY_DREAMS, idb::STORE_DREAMS, now, &mut corrupt, &mut |r| {
            part(AppData { dreams: merge::collect(r.iter().cloned()), ..AppData::default() })
        }))
        .await;
    }
    if K::ACTIVITIES {
        stored.activities = erased(load_idb_kind(KEY_ACTIVITIES, idb::STORE_ACTIVITIES, now, &mut corrupt, &mut |r| {
            part(AppData { activities: merge::collect(r.iter().cloned()), ..AppData::default() })
        }))
        .await;
    }
    if K::ASSESSMENTS {
        stored.assessments =
            erased(load_idb_kind(KEY_ASSESSMENTS, idb::STORE_ASSESSMENTS, now, &mut corrupt, &mut |r| {
                part(AppData { assessments: merge::collect(r.iter().cloned()), ..AppData::default() })
            }))
            .await;
    }
    let data = if left.is_empty() { stored } else { stored.merge_of::<K>(&left) };
    Loaded { data, corrupt, backend: Backend::IndexedDb }
}

/// A save in progress.
pub enum SaveJob {
    /// Nothing to write, or written already (local storage).
    Done(Result<(), SaveError>),
    /// Records to write to IndexedDB.
    Records(idb::Pending),
}

impl SaveJob {
    /// Records are still to be written (not nothing, not done already).
    pub fn writes(&self) -> bool {
        matches!(self, SaveJob::Records(_))
    }

    /// Waits until the records are written (or the write failed); `data`
    /// reads the records in memory as they are when each slice is written.
    pub async fn finish<K: Kinds>(self, data: idb::Reader<'_>) -> Result<(), SaveError> {
        match self {
            SaveJob::Done(r) => r,
            SaveJob::Records(p) => p.write::<K>(data).await,
        }
    }
}

/// Saves the records of `K`'s kinds that changed since the last save (the
/// other kinds are never written: they were not read).
pub fn save_data<K: Kinds>(data: &AppData) -> SaveJob {
    if idb::is_open() {
        return match idb::changes::<K>(data) {
            Some(p) => SaveJob::Records(p),
            None => SaveJob::Done(Ok(())),
        };
    }
    SaveJob::Done((|| {
        if K::DREAMS {
            save_kind(KEY_DREAMS, &data.dreams)?;
        }
        if K::ACTIVITIES {
            save_kind(KEY_ACTIVITIES, &data.activities)?;
        }
        if K::ASSESSMENTS {
            save_kind(KEY_ASSESSMENTS, &data.assessments)?;
        }
        Ok(())
    })())
}

/// Reads the data of one key written by another tab; `None` when the key is
/// not a data key of `K`'s kinds or cannot be read.
pub fn data_from_other_tab<K: Kinds>(key: &str, new_value: Option<&str>) -> Option<AppData> {
    let text = new_value?;
    let mut data = AppData::default();
    match key {
        KEY_DREAMS if K::DREAMS => data.dreams = merge::collect(serde_json::from_str::<Vec<_>>(text).ok()?),
        KEY_ACTIVITIES if K::ACTIVITIES => data.activities = merge::collect(serde_json::from_str::<Vec<_>>(text).ok()?),
        KEY_ASSESSMENTS if K::ASSESSMENTS => {
            data.assessments = merge::collect(serde_json::from_str::<Vec<_>>(text).ok()?)
        }
        _ => return None,
    }
    Some(data)
}

/// This device's clock, created on first use.
pub fn load_clock(now: Millis) -> Clock {
    match load::<Clock>(KEY_CLOCK, now) {
        Ok(Some(c)) => c,
        _ => {
            let c = Clock::new(crate::ids::new_device());
            let _ = save(KEY_CLOCK, &c);
            c
        }
    }
}

/// Brings stored keys up to [`SCHEMA`]. Version 1 is the first; later
/// versions add their steps here.
pub fn migrate() {
    let found: u32 = raw_get(KEY_SCHEMA).and_then(|s| s.parse().ok()).unwrap_or(SCHEMA);
    if found < SCHEMA {
        // Steps for older schemas go here, one version at a time.
    }
    if found <= SCHEMA {
        let _ = raw_set(KEY_SCHEMA, &SCHEMA.to_string());
    }
}

/// Removes the values beside the records that `clearing` removes (the
/// core's rule, [`names::holds`](crate::names::holds) saying what each
/// holds), in local storage and in this tab's session storage.
pub fn clear_keys(clearing: Clearing) {
    let own: Vec<String> = all_own().into_iter().map(|(k, _)| k).collect();
    for k in keys_to_remove(clearing, &own, holds) {
        remove(k);
    }
    let Some(s) = session() else { return };
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).collect();
    let own: Vec<String> = keys.into_iter().filter(|k| k.starts_with(PREFIX)).collect();
    for k in keys_to_remove(clearing, &own, holds) {
        let _ = s.remove_item(k);
    }
}

/// Asks the next page this tab loads (the data page, which reads every
/// kind of record) to clear the shared tablet ([`take_clear_visit`]).
pub fn ask_clear_visit() {
    if let Some(s) = session() {
        let _ = s.set_item(KEY_CLEAR_VISIT, "1");
    }
}

/// True, once, when the previous page asked to clear the shared tablet.
pub fn take_clear_visit() -> bool {
    let Some(s) = session() else { return false };
    let asked = s.get_item(KEY_CLEAR_VISIT).ok().flatten().is_some();
    let _ = s.remove_item(KEY_CLEAR_VISIT);
    asked
}

/// Per kind (dreams, activities, workshops), those of `ids` that are not
/// stored as `data` holds them: after a save failed because storage is
/// full, what of an import was not kept. In local storage (IndexedDB
/// missing) a kind's records are one value, kept all or none.
pub fn not_kept<K: Kinds>(data: &AppData, ids: &[Vec<RecordId>; 3]) -> [Vec<RecordId>; 3] {
    if idb::is_open() {
        return idb::not_kept::<K>(data, ids);
    }
    fn kind<R: Record>(key: &str, c: &Collection<R>, ids: &[RecordId]) -> Vec<RecordId> {
        let list: Vec<&R> = c.values().collect();
        let stored = serde_json::to_string(&list).ok().zip(raw_get(key)).is_some_and(|(now, was)| now == was);
        if stored {
            Vec::new()
        } else {
            ids.to_vec()
        }
    }
    [
        if K::DREAMS { kind(KEY_DREAMS, &data.dreams, &ids[0]) } else { Vec::new() },
        if K::ACTIVITIES { kind(KEY_ACTIVITIES, &data.activities, &ids[1]) } else { Vec::new() },
        if K::ASSESSMENTS { kind(KEY_ASSESSMENTS, &data.assessments, &ids[2]) } else { Vec::new() },
    ]
}

/// Removes every personal value ("Ryd mine data"): records in both stores,
/// undo copy, backups, preferences, the board's connection and the clock.
/// Display settings stay. The returned future reports when IndexedDB is
/// empty.
pub fn clear_personal() -> impl std::future::Future<Output = Result<(), SaveError>> {
    clear_keys(Clearing::Everything);
    let open = idb::is_open();
    let cleared = idb::clear_all();
    async move {
        if open {
            cleared.await
        } else {
            Ok(())
        }
    }
}

/// Calls `f(key, new_value)` whenever another tab changes one of our keys.
pub fn on_other_tab_change(f: impl Fn(String, Option<String>) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        let Some(key) = e.key() else {
            // `clear()` in another tab.
            f(String::new(), None);
            return;
        };
        if key.starts_with(PREFIX) {
            LAST_WRITTEN.with(|m| m.borrow_mut().remove(&key));
            f(key, e.new_value());
        }
    });
    let _ = w.add_event_listener_with_callback("storage", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Asks the browser to keep our storage (Safari deletes it after 7 days
/// without a visit otherwise). Best effort; the answer is not needed.
pub fn request_persistence() {
    let Some(w) = web_sys::window() else { return };
    let storage = w.navigator().storage();
    // The promise runs on its own; its answer is not needed.
    let _ = storage.persist();
}
