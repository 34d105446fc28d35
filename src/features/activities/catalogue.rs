//! The example catalogue, fetched once per session from the static file
//! beside the app (never copied into local storage), and the directory
//! entries built from it and the user's own records: built again, in slices,
//! only when either changes, so going back and forth between list and detail
//! does not rebuild 50,000 entries, and an import of 50,000 does not hold the
//! page up.

use std::cell::{Cell, RefCell};
use std::ops::Bound;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::now;
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::directory::{Builder, Directory};
use tid_og_lyst_core::record::merge::Collection;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::catalogue::CatalogueReader;

/// Where the catalogue stands.
#[derive(Clone, Debug)]
pub enum Catalogue {
    /// Being fetched.
    Loading,
    /// Ready.
    Ready(Arc<Vec<Activity>>),
    /// Could not be fetched or read; the user's own records still show.
    Failed,
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Catalogue::Loading, Catalogue::Loading) | (Catalogue::Failed, Catalogue::Failed) => true,
            (Catalogue::Ready(a), Catalogue::Ready(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The prepared, sorted directory; compared by identity (it is large).
#[derive(Clone, Debug)]
pub struct Entries(pub Arc<Directory>);

impl PartialEq for Entries {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

thread_local! {
    static EMPTY: Arc<Vec<Activity>> = Arc::new(Vec::new());
    static CATALOGUE: RefCell<Option<ArcRwSignal<Catalogue>>> = const { RefCell::new(None) };
    static DIRECTORY: RefCell<Option<Live>> = const { RefCell::new(None) };
}

/// The catalogue signal; the first call starts the fetch.
pub fn catalogue() -> RwSignal<Catalogue> {
    let arc = CATALOGUE.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                let sig = ArcRwSignal::new(Catalogue::Loading);
                let s2 = sig.clone();
                spawn_local(async move {
                    let result = fetch().await;
                    s2.set(match result {
                        Some(list) => Catalogue::Ready(Arc::new(list)),
                        None => Catalogue::Failed,
                    });
                });
                sig
            })
            .clone()
    });
    RwSignal::from(arc)
}

/// The response the loader's fetch of the catalogue got, once (a release
/// build's directory pages start it beside the wasm: `globalThis.tolCatalogue`),
/// if it is a good one.
async fn early_response() -> Option<web_sys::Response> {
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str("tolCatalogue");
    let promise = js_sys::Reflect::get(&global, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&global, &key);
    let resp: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    resp.ok().then_some(resp)
}

async fn fetch() -> Option<Vec<Activity>> {
    let w = web_sys::window()?;
    let resp = match early_response().await {
        Some(resp) => resp,
        None => {
            let url = crate::ui::link::href("/catalogue.json");
            JsFuture::from(w.fetch_with_str(&url))
                .await
                .ok()?
                .dyn_into::<web_sys::Response>()
                .ok()
                .filter(|r| r.ok())?
        }
    };
    // The bytes as they came (43 MB at 50,000 activities), not a JS string
    // that would be decoded to UTF-16 and encoded back.
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    drop(buf);
    let text = String::from_utf8(bytes).ok()?;
    // Checked in one pass, then read a few activities at a time in short
    // slices: the page is starting, and a slow phone should not be held up.
    let reader = RefCell::new(CatalogueReader::new(text).ok()?);
    crate::slices::next_turn().await;
    crate::slices::run_within(crate::slices::START_BUDGET_MS, || reader.borrow_mut().step(4), || {}, || true).await;
    Some(reader.into_inner().finish().0)
}

/// The directory the pages show, kept current by [`follow`].
#[derive(Clone)]
struct Live {
    /// The last directory built.
    entries: ArcRwSignal<Entries>,
    /// True while a newer one is being built.
    building: ArcRwSignal<bool>,
    /// What the last finished (or running) build is made of.
    made_of: Rc<Cell<Option<Key>>>,
    /// Counts builds; a running build stops when it is no longer the last.
    generation: Rc<Cell<u32>>,
}

/// What a directory is made of: the catalogue (by identity) and a
/// fingerprint of the user's records (ids, revisions, tombstones).
type Key = (usize, u64);

fn live() -> Live {
    DIRECTORY.with(|d| {
        d.borrow_mut()
            .get_or_insert_with(|| Live {
                entries: ArcRwSignal::new(Entries(Arc::new(Directory::default()))),
                building: ArcRwSignal::new(true),
                made_of: Default::default(),
                generation: Default::default(),
            })
            .clone()
    })
}

fn fingerprint(own: &Collection<Activity>) -> u64 {
    let mut h: u64 = own.len() as u64;
    let mut mix = |x: u64| h = (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    for (id, a) in own {
        let id = id.0.as_u128();
        mix(id as u64);
        mix((id >> 64) as u64);
        mix(a.meta.rev.at as u64);
        mix(u64::from(a.meta.rev.n) << 8 | a.meta.rev.by.0.len() as u64 | u64::from(a.meta.deleted) << 40);
    }
    h
}

/// Keeps the directory current: whenever the catalogue or the user's
/// activities change (and a page has asked for the directory), builds a new
/// one in slices ([`crate::slices`]) from the catalogue and the records as
/// they are, a few hundred at a time, so that 50,000 never hold the page
/// up; the pages keep showing the last one meanwhile. Called once, by the
/// app.
pub fn follow(state: crate::state::AppState) {
    let wanted = WANTED.with(Clone::clone);
    Effect::new(move |_| {
        if !wanted.get() {
            return;
        }
        let cat = CATALOGUE.with(|c| c.borrow().clone());
        let Some(cat) = cat else { return };
        let list = cat.with(|c| match c {
            Catalogue::Ready(l) => l.clone(),
            _ => EMPTY.with(Arc::clone),
        });
        let key = (Arc::as_ptr(&list) as usize, state.data.with(|d| fingerprint(&d.activities)));
        let live = live();
        if live.made_of.get() == Some(key) {
            return;
        }
        live.made_of.set(Some(key));
        let generation = live.generation.get() + 1;
        live.generation.set(generation);
        live.building.set(true);
        spawn_local(build_in_slices(state, list, live, generation));
    });
}

thread_local! {
    /// Set once a page has asked for the directory: until then the
    /// catalogue is not fetched nor the directory built.
    static WANTED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Activities laid into the directory per step.
const STEP: usize = 100;

async fn build_in_slices(state: crate::state::AppState, list: Arc<Vec<Activity>>, live: Live, generation: u32) {
    let current = || live.generation.get() == generation;
    // Not in the task that changed the data (an import has done its share
    // of work there already).
    crate::slices::next_turn().await;
    let builder = RefCell::new(Builder::new(now()));
    let mut next = 0;
    let mut after: Option<RecordId> = None;
    let finished = crate::slices::run(
        || {
            let mut b = builder.borrow_mut();
            if next < list.len() {
                let end = (next + STEP).min(list.len());
                for a in &list[next..end] {
                    b.add(a);
                }
                next = end;
                return false;
            }
            // The records as they are now; a change since the start makes
            // a newer build, which stops this one.
            state.data.with_untracked(|d| {
                let rest = match after {
                    None => d.activities.range(..),
                    Some(id) => d.activities.range((Bound::Excluded(id), Bound::Unbounded)),
                };
                let mut n = 0;
                for (id, a) in rest.take(STEP) {
                    b.add(a);
                    after = Some(*id);
                    n += 1;
                }
                n < STEP
            })
        },
        || {},
        current,
    )
    .await;
    if !finished {
        return;
    }
    crate::slices::next_turn().await;
    if !current() {
        return;
    }
    let directory = builder.into_inner().finish();
    live.entries.set(Entries(Arc::new(directory)));
    live.building.set(false);
}

/// The directory of the catalogue and the user's records; the first call
/// starts fetching the catalogue and building.
pub fn use_entries() -> Signal<Entries> {
    let live = live();
    WANTED.with(|w| {
        if !w.get_untracked() {
            w.set(true);
        }
    });
    catalogue();
    RwSignal::from(live.entries).into()
}

/// True while a newer directory is being built (the last one still shows).
pub fn use_building() -> Signal<bool> {
    RwSignal::from(live().building).into()
}

/// One activity by id, from the user's records or the catalogue.
pub fn find(
    cat: &Catalogue,
    own: &Collection<Activity>,
    id: tid_og_lyst_core::record::meta::RecordId,
) -> Option<Activity> {
    let from_cat = match cat {
        Catalogue::Ready(l) => l.iter().find(|a| a.meta.id == id).cloned(),
        _ => None,
    };
    let mine = own.get(&id).cloned();
    let winner = match (from_cat, mine) {
        (Some(a), Some(b)) => Some(tid_og_lyst_core::record::merge::pick_newer(&a, &b).clone()),
        (a, b) => a.or(b),
    };
    winner.filter(|a| !a.meta.deleted)
}
