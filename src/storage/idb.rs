//! Records in IndexedDB: one entry per record (its JSON text), keyed by id,
//! one object store per kind. Written incrementally: every save compares the
//! data with a fingerprint of what was last written and writes only the
//! records that changed (and deletes those that are gone). Other tabs hear of
//! every write through a `BroadcastChannel`.
//!
//! Written on `web-sys` directly: the few calls needed (open, getAll, put,
//! delete, clear) fit in this file, while `rexie`/`idb` would add their own
//! futures and error layers to the download.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use tid_og_lyst_core::record::merge::{self, Collection, Record};
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::record::object;
use tid_og_lyst_core::sync::data::{AppData, Kinds};

use super::SaveError;

pub use crate::names::{DB_NAME, STORES, STORE_ACTIVITIES, STORE_ASSESSMENTS, STORE_DREAMS};
/// Its schema version; the upgrade step creates the stores.
pub const DB_VERSION: u32 = 1;
/// Channel on which tabs tell each other about writes.
const CHANNEL: &str = "tidoglyst";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// Per store: id → fingerprint of the record as last written.
    static SAVED: RefCell<HashMap<&'static str, HashMap<RecordId, u64>>> = RefCell::new(HashMap::new());
    static CHANNEL_HANDLE: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// True once the database is open (else the app runs on local storage).
pub fn is_open() -> bool {
    DB.with(|d| d.borrow().is_some())
}

fn db() -> Option<IdbDatabase> {
    DB.with(|d| d.borrow().clone())
}

/// Resolves when `req` succeeds (with its result) or fails (with its error).
async fn request(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let r = req.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok_req = r.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &ok_req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let err_req = r.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = err_req.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves when the transaction has committed; its error when it aborted.
/// The handlers are attached at once (not when first awaited), so a
/// transaction can be awaited after others were started.
fn done(tx: &IdbTransaction) -> JsFuture {
    let t = tx.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err_tx = t.clone();
        let reject2 = reject.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let e = err_tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let abort_tx = t.clone();
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let e = abort_tx.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(err.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// The name of a DOMException (or Error) value.
fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("name")).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn save_error(e: &JsValue) -> SaveError {
    if error_name(e).contains("Quota") {
        SaveError::Full
    } else {
        SaveError::Unavailable
    }
}

/// Opens (and on first use creates) the database. `Err` when IndexedDB is
/// missing or blocked (some private modes); the caller falls back.
pub async fn open() -> Result<(), ()> {
    let factory = web_sys::window().ok_or(())?.indexed_db().map_err(|_| ())?.ok_or(())?;
    let req = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(|_| ())?;
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(req) = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else { return };
        let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        let names = db.object_store_names();
        for store in STORES {
            if !names.contains(store) {
                let _ = db.create_object_store(store);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result.map_err(|_| ())?.dyn_into().map_err(|_| ())?;
    // Another tab's newer version wants the database: let it have it.
    let close_db = db.clone();
    let on_change = Closure::<dyn Fn()>::new(move || close_db.close());
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    DB.with(|d| *d.borrow_mut() = Some(db));
    Ok(())
}

fn store(tx: &IdbTransaction, name: &str) -> Result<IdbObjectStore, JsValue> {
    tx.object_store(name)
}

/// Records read per request when a store is read: no one request's
/// results take long to hand over.
const READ_CHUNK: u32 = 4000;
/// Records read by the first request: few, so the first list (made of
/// them) is ready at once while the rest is read.
const FIRST_CHUNK: u32 = 500;

/// The stored texts of one store after key `after` (all when `None`), at
/// most `limit` of them, with their keys, in key order.
async fn read_chunk(name: &str, after: Option<&JsValue>, limit: u32) -> Result<Vec<(JsValue, JsValue)>, JsValue> {
    let db = db().ok_or(JsValue::NULL)?;
    let tx = db.transaction_with_str(name)?;
    let s = store(&tx, name)?;
    let range = match after {
        None => JsValue::NULL,
        Some(key) => {
            // IDBKeyRange.lowerBound(key, true): every key after `key`.
            let class = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("IDBKeyRange"))?;
            let lower: js_sys::Function = js_sys::Reflect::get(&class, &JsValue::from_str("lowerBound"))?.dyn_into()?;
            lower.call2(&class, key, &JsValue::TRUE)?
        }
    };
    let keys = s.get_all_keys_with_key_and_limit(&range, limit)?;
    let values = s.get_all_with_key_and_limit(&range, limit)?;
    let keys: js_sys::Array = request(&keys).await?.unchecked_into();
    let values: js_sys::Array = request(&values).await?.unchecked_into();
    Ok(keys.iter().zip(values.iter()).collect())
}

/// Reads one kind, [`FIRST_CHUNK`] records, then [`READ_CHUNK`] per request. Entries that do not
/// parse are returned as raw text (with their keys) so the caller can move
/// them aside. When the store holds more than one request's worth, `first`
/// is given the records of the first (so a page can show them while the
/// rest is read).
pub async fn load_kind<R: Record + DeserializeOwned>(
    name: &'static str,
    first: &mut dyn FnMut(&[R]),
) -> Result<(Collection<R>, Vec<(String, String)>), JsValue> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut slice_start = crate::slices::clock();
    let mut after: Option<JsValue> = None;
    let mut chunks = 0;
    loop {
        let limit = if chunks == 0 { FIRST_CHUNK } else { READ_CHUNK };
        let chunk = read_chunk(name, after.as_ref(), limit).await?;
        let full = chunk.len() as u32 == limit;
        chunks += 1;
        after = chunk.last().map(|(k, _)| k.clone());
        for (key, value) in chunk {
            // Reading 50,000 records takes longer than a task may: give the
            // page the event loop back between slices.
            if crate::slices::clock() - slice_start > crate::slices::BUDGET_MS {
                crate::slices::next_turn().await;
                slice_start = crate::slices::clock();
            }
            let text = value
                .as_string()
                .unwrap_or_else(|| js_sys::JSON::stringify(&value).map(String::from).unwrap_or_default());
            match serde_json::from_str::<R>(&text) {
                Ok(r) => good.push(r),
                Err(_) => bad.push((key.as_string().unwrap_or_default(), text)),
            }
        }
        if !full {
            break;
        }
        if chunks == 1 {
            // More than one request's worth: show the first while the rest
            // is read.
            first(&good);
        }
    }
    let large = chunks > 1;
    if large {
        crate::slices::next_turn().await;
    }
    let c = merge::collect(good);
    if large {
        crate::slices::next_turn().await;
    }
    remember(name, &c);
    Ok((c, bad))
}

/// Deletes entries by key (after they were moved aside).
pub async fn delete_keys(name: &str, keys: &[String]) -> Result<(), JsValue> {
    let db = db().ok_or(JsValue::NULL)?;
    let tx = db.transaction_with_str_and_mode(name, IdbTransactionMode::Readwrite)?;
    let s = store(&tx, name)?;
    for k in keys {
        s.delete(&JsValue::from_str(k))?;
    }
    done(&tx).await.map(|_| ())
}

/// The keys now in a store (to check a migration).
pub async fn keys(name: &str) -> Result<Vec<String>, JsValue> {
    let db = db().ok_or(JsValue::NULL)?;
    let tx = db.transaction_with_str(name)?;
    let req = store(&tx, name)?.get_all_keys()?;
    let keys: js_sys::Array = request(&req).await?.unchecked_into();
    Ok(keys.iter().filter_map(|k| k.as_string()).collect())
}

/// How a record is recognised as unchanged. Activities (the large kind) use
/// their revision stamp and tombstone, which every edit changes; dreams and
/// sessions use their whole text, because joining claims or ballots can
/// change them without a new stamp.
fn fingerprint<R: Record>(name: &str, r: &R) -> u64 {
    let mut h = DefaultHasher::new();
    if name == STORE_ACTIVITIES {
        let m = r.meta();
        (&m.rev, m.deleted).hash(&mut h);
    } else {
        serde_json::to_string(r).unwrap_or_default().hash(&mut h);
    }
    h.finish()
}

fn remember<R: Record>(name: &'static str, c: &Collection<R>) {
    let prints: HashMap<RecordId, u64> = c.iter().map(|(id, r)| (*id, fingerprint(name, r))).collect();
    SAVED.with(|s| s.borrow_mut().insert(name, prints));
}

/// Records written per transaction: a slice of a large save (serialising
/// and storing it) stays far below the 200 ms a main-thread task may take,
/// and the page gets the event loop back between slices.
const SLICE: usize = 250;

/// What one save writes to one store: ids with their fingerprints, and ids
/// to delete.
#[derive(Default)]
struct Changes {
    put: Vec<(RecordId, u64)>,
    delete: Vec<RecordId>,
}

fn diff<R: Record>(name: &'static str, c: &Collection<R>) -> Changes {
    SAVED.with(|s| {
        let s = s.borrow();
        let empty = HashMap::new();
        let saved = s.get(name).unwrap_or(&empty);
        let mut out = Changes::default();
        for (id, r) in c {
            let f = fingerprint(name, r);
            if saved.get(id) != Some(&f) {
                out.put.push((*id, f));
            }
        }
        if saved.len() + out.put.len() > c.len() {
            out.delete = saved.keys().filter(|id| !c.contains_key(id)).copied().collect();
        }
        out
    })
}

/// The writes a save of `data`'s records of `K`'s kinds needs; `None` when
/// nothing changed.
pub fn changes<K: Kinds>(data: &AppData) -> Option<Pending> {
    let all = [
        if K::DREAMS { diff(STORE_DREAMS, &data.dreams) } else { Changes::default() },
        if K::ACTIVITIES { diff(STORE_ACTIVITIES, &data.activities) } else { Changes::default() },
        if K::ASSESSMENTS { diff(STORE_ASSESSMENTS, &data.assessments) } else { Changes::default() },
    ];
    if all.iter().all(|c| c.put.is_empty() && c.delete.is_empty()) {
        return None;
    }
    Some(Pending { changes: all })
}

/// Writes computed by [`changes`], not yet applied: the ids of the records
/// to write (with their fingerprints) and of those to delete. The records
/// themselves are read when their slice is written, as they are then (a
/// record changed meanwhile is written as it is now, and again by the next
/// save, which sees that its fingerprint differs).
pub struct Pending {
    changes: [Changes; 3],
}

/// Reads the data in memory: calls the function it is given with it.
pub type Reader<'a> = &'a dyn Fn(&mut dyn FnMut(&AppData));

impl Pending {
    /// Number of records written or deleted.
    pub fn len(&self) -> usize {
        self.changes.iter().map(|c| c.put.len() + c.delete.len()).sum()
    }

    /// True when nothing is written.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes them, [`SLICE`] records per transaction, reading each slice's
    /// records from `data`; every slice that commits is remembered as saved
    /// and told to the other tabs. On a failure the rest is not remembered,
    /// so the next save tries it again.
    pub async fn write<K: Kinds>(self, data: Reader<'_>) -> Result<(), SaveError> {
        let [dreams, activities, assessments] = &self.changes;
        // Through `erased`: see there why.
        if K::DREAMS {
            super::erased(write_store(STORE_DREAMS, dreams, data, |d| &d.dreams)).await?;
        }
        if K::ACTIVITIES {
            super::erased(write_store(STORE_ACTIVITIES, activities, data, |d| &d.activities)).await?;
        }
        if K::ASSESSMENTS {
            super::erased(write_store(STORE_ASSESSMENTS, assessments, data, |d| &d.assessments)).await?;
        }
        Ok(())
    }
}

async fn write_store<R: Record>(
    name: &'static str,
    c: &Changes,
    data: Reader<'_>,
    kind: fn(&AppData) -> &Collection<R>,
) -> Result<(), SaveError> {
    // Every slice is its own transaction, started one turn of the event
    // loop after the other; the browser commits them in order meanwhile.
    let mut started = Vec::new();
    let mut failed = Ok(());
    let mut rest: &[(RecordId, u64)] = &c.put;
    let mut deletes = c.delete.chunks(SLICE * 8).peekable();
    while !rest.is_empty() || deletes.peek().is_some() {
        let mut slice: &[(RecordId, u64)] = &[];
        let gone = if rest.is_empty() { deletes.next().unwrap_or(&[]) } else { &[] };
        let db = db().ok_or(SaveError::Unavailable)?;
        let tx = db.transaction_with_str_and_mode(name, IdbTransactionMode::Readwrite).map_err(|e| save_error(&e))?;
        let committed = done(&tx);
        let s = store(&tx, name).map_err(|e| save_error(&e))?;
        let mut texts = Vec::with_capacity(slice.len());
        let mut failed_put = None;
        data(&mut |d| {
            let records = kind(d);
            let n = rest.len().min(SLICE);
            for (id, _) in &rest[..n] {
                let Some(r) = records.get(id) else { continue };
                let Ok(text) = serde_json::to_string(r) else { continue };
                if let Err(e) = s.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&id.to_string())) {
                    failed_put = Some(save_error(&e));
                    return;
                }
                texts.push(text);
            }
            slice = &rest[..n];
            rest = &rest[n..];
        });
        if let Some(e) = failed_put {
            let _ = tx.abort();
            failed = Err(e);
            break;
        }
        for id in gone {
            let _ = s.delete(&JsValue::from_str(&id.to_string()));
        }
        started.push((committed, slice, gone, texts));
        if !rest.is_empty() || deletes.peek().is_some() {
            crate::slices::next_turn().await;
        }
    }
    let mut slice_start = crate::slices::clock();
    // Every slice that commits is remembered, also after one that failed
    // (a full store may still take a later, smaller one), so what is
    // stored can be told exactly (`kept`); the first failure is returned.
    for (committed, slice, gone, texts) in started {
        if let Err(e) = committed.await {
            failed = failed.and(Err(save_error(&e)));
            continue;
        }
        SAVED.with(|saved| {
            let mut saved = saved.borrow_mut();
            let m = saved.entry(name).or_default();
            for (id, f) in slice {
                m.insert(*id, *f);
            }
            for id in gone {
                m.remove(id);
            }
        });
        broadcast(name, &texts);
        // Committed slices resolve one after the other without a pause:
        // telling the other tabs of 50,000 records takes more than a task
        // may.
        if crate::slices::clock() - slice_start > crate::slices::BUDGET_MS {
            crate::slices::next_turn().await;
            slice_start = crate::slices::clock();
        }
    }
    failed
}

/// Per kind, those of `ids` not stored as `data` holds them.
pub fn not_kept<K: Kinds>(data: &AppData, ids: &[Vec<RecordId>; 3]) -> [Vec<RecordId>; 3] {
    fn kind<R: Record>(name: &'static str, c: &Collection<R>, ids: &[RecordId]) -> Vec<RecordId> {
        SAVED.with(|s| {
            let s = s.borrow();
            let saved = s.get(name);
            let stored =
                |id: &RecordId| c.get(id).is_none_or(|r| saved.and_then(|m| m.get(id)) == Some(&fingerprint(name, r)));
            ids.iter().filter(|id| !stored(id)).copied().collect()
        })
    }
    [
        if K::DREAMS { kind(STORE_DREAMS, &data.dreams, &ids[0]) } else { Vec::new() },
        if K::ACTIVITIES { kind(STORE_ACTIVITIES, &data.activities, &ids[1]) } else { Vec::new() },
        if K::ASSESSMENTS { kind(STORE_ASSESSMENTS, &data.assessments, &ids[2]) } else { Vec::new() },
    ]
}

/// Writes every record of a migrated kind, then checks that each id is there.
pub async fn put_all<R: Record>(name: &'static str, c: &Collection<R>) -> Result<(), SaveError> {
    let db = db().ok_or(SaveError::Unavailable)?;
    let tx = db.transaction_with_str_and_mode(name, IdbTransactionMode::Readwrite).map_err(|e| save_error(&e))?;
    let s = store(&tx, name).map_err(|e| save_error(&e))?;
    for (id, r) in c {
        let text = serde_json::to_string(r).map_err(|_| SaveError::Unavailable)?;
        s.put_with_key(&JsValue::from_str(&text), &JsValue::from_str(&id.to_string())).map_err(|e| save_error(&e))?;
    }
    done(&tx).await.map_err(|e| save_error(&e))?;
    let there: std::collections::HashSet<String> = keys(name).await.map_err(|e| save_error(&e))?.into_iter().collect();
    if c.keys().all(|id| there.contains(&id.to_string())) {
        Ok(())
    } else {
        Err(SaveError::Unavailable)
    }
}

/// Empties every record store and forgets what was saved. The transaction
/// is started at once, so it runs before any save that follows; the returned
/// future reports its end. Other tabs are told.
pub fn clear_all() -> impl std::future::Future<Output = Result<(), SaveError>> {
    SAVED.with(|s| s.borrow_mut().clear());
    let started = (|| {
        let db = db().ok_or(SaveError::Unavailable)?;
        let tx = db
            .transaction_with_str_sequence_and_mode(
                &STORES.iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>(),
                IdbTransactionMode::Readwrite,
            )
            .map_err(|e| save_error(&e))?;
        let committed = done(&tx);
        for name in STORES {
            store(&tx, name).and_then(|s| s.clear()).map_err(|e| save_error(&e))?;
        }
        Ok(committed)
    })();
    post(&JsValue::from_str("clear"));
    async move { started?.await.map(|_| ()).map_err(|e| save_error(&e)) }
}

/// Remembers records another tab has written, so they are not written again
/// (a record this tab holds in a newer version still differs, and is).
pub fn mark_saved<K: Kinds>(data: &AppData) {
    fn each<R: Record>(name: &'static str, c: &Collection<R>) {
        SAVED.with(|s| {
            let mut s = s.borrow_mut();
            let m = s.entry(name).or_default();
            for (id, r) in c {
                m.insert(*id, fingerprint(name, r));
            }
        });
    }
    if K::DREAMS {
        each(STORE_DREAMS, &data.dreams);
    }
    if K::ACTIVITIES {
        each(STORE_ACTIVITIES, &data.activities);
    }
    if K::ASSESSMENTS {
        each(STORE_ASSESSMENTS, &data.assessments);
    }
}

fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL_HANDLE.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = web_sys::BroadcastChannel::new(CHANNEL).ok();
        }
        c.clone()
    })
}

fn post(message: &JsValue) {
    if let Some(ch) = channel() {
        let _ = ch.post_message(message);
    }
}

/// Tells other tabs which records were written (the records themselves, as
/// a JSON text they can merge).
fn broadcast(name: &str, records: &[String]) {
    if records.is_empty() {
        return;
    }
    let mut text = String::with_capacity(records.iter().map(|r| r.len() + 1).sum::<usize>() + 64);
    for store in STORES {
        text.push_str(if store == STORES[0] { "{\"" } else { ",\"" });
        text.push_str(store);
        text.push_str("\":[");
        if store == name {
            for (j, record) in records.iter().enumerate() {
                if j > 0 {
                    text.push(',');
                }
                text.push_str(record);
            }
        }
        text.push(']');
    }
    text.push('}');
    post(&JsValue::from_str(&text));
}

/// What another tab told us.
pub enum FromOtherTab {
    /// Records it wrote.
    Data(AppData),
    /// It cleared every record ("Ryd mine data").
    Cleared,
    /// It clears the shared tablet for the next person: what this tab
    /// holds of the visit must go, not be written again.
    VisitOver,
}

/// Tells the other tabs that the shared tablet is being cleared.
pub fn tell_visit_over() {
    post(&JsValue::from_str("visit"));
}

/// Calls `f` for every message from another tab (with the records of `K`'s
/// kinds in it).
pub fn on_other_tab<K: Kinds>(f: impl Fn(FromOtherTab) + 'static) {
    let Some(ch) = channel() else { return };
    let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Some(text) = e.data().as_string() else { return };
        if text == "clear" {
            SAVED.with(|s| s.borrow_mut().clear());
            f(FromOtherTab::Cleared);
            return;
        }
        if text == "visit" {
            f(FromOtherTab::VisitOver);
            return;
        }
        let Ok(serde_json::Value::Object(mut m)) = serde_json::from_str::<serde_json::Value>(&text) else { return };
        fn kind<R: Record + serde::de::DeserializeOwned>(
            m: &mut serde_json::Map<String, serde_json::Value>,
            name: &str,
        ) -> Option<Collection<R>> {
            let Some(serde_json::Value::Array(list)) = m.remove(name) else { return None };
            let records: Result<Vec<R>, _> = list.iter().map(object::from_value).collect();
            Some(merge::collect(records.ok()?))
        }
        // What the other tab wrote is in the database already.
        let mut data = AppData::default();
        let read = (|| {
            if K::DREAMS {
                data.dreams = kind(&mut m, STORE_DREAMS)?;
            }
            if K::ACTIVITIES {
                data.activities = kind(&mut m, STORE_ACTIVITIES)?;
            }
            if K::ASSESSMENTS {
                data.assessments = kind(&mut m, STORE_ASSESSMENTS)?;
            }
            Some(())
        })();
        if read.is_some() {
            f(FromOtherTab::Data(data));
        }
    });
    ch.set_onmessage(Some(cb.as_ref().unchecked_ref()));
    cb.forget();
}
