//! The example catalogue, fetched once per session from the static file
//! beside the app (never copied into local storage), and the directory
//! entries built from it and the user's own records, cached so going back
//! and forth between list and detail does not rebuild 50,000 entries.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::now;
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::directory::{build, combine, Directory};
use tid_og_lyst_core::record::merge::Collection;

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

/// The last overlay computed: the catalogue it used, the user's own records
/// it used, and the result.
type Overlay = (Arc<Vec<Activity>>, Collection<Activity>, Entries);

thread_local! {
    static EMPTY: Arc<Vec<Activity>> = Arc::new(Vec::new());
    static CATALOGUE: RefCell<Option<ArcRwSignal<Catalogue>>> = const { RefCell::new(None) };
    static CACHE: RefCell<Option<Overlay>> = const { RefCell::new(None) };
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

async fn fetch() -> Option<Vec<Activity>> {
    let w = web_sys::window()?;
    let url = crate::ui::link::href("/catalogue.json");
    let resp = JsFuture::from(w.fetch_with_str(&url)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    // The bytes as they came (43 MB at 50,000 activities), not a JS string
    // that would be decoded to UTF-16 and encoded back.
    let buf = JsFuture::from(resp.array_buffer().ok()?).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    drop(buf);
    let text = std::str::from_utf8(&bytes).ok()?;
    tid_og_lyst_core::sync::catalogue::parse_catalogue(text).ok().map(|(list, _bad)| list)
}

/// The directory entries for the catalogue and the user's records,
/// built once per change of either.
pub fn entries(cat: &Catalogue, own: &Collection<Activity>) -> Entries {
    let list = match cat {
        Catalogue::Ready(l) => l.clone(),
        _ => EMPTY.with(Arc::clone),
    };
    if let Some(hit) =
        CACHE.with(|c| c.borrow().as_ref().and_then(|(l, o, e)| (Arc::ptr_eq(l, &list) && o == own).then(|| e.clone())))
    {
        return hit;
    }
    let e = Entries(Arc::new(build(combine(&list, own), now())));
    CACHE.with(|c| *c.borrow_mut() = Some((list, own.clone(), e.clone())));
    e
}

/// A reactive view of the entries.
pub fn use_entries() -> Memo<Entries> {
    let state = crate::state::use_app();
    let cat = catalogue();
    Memo::new(move |_| cat.with(|c| state.data.with(|d| entries(c, &d.activities))))
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
