//! "Mine aktiviteter": the ids of the user's favourite activities, kept on
//! this device (personal; removed by "Ryd mine data").

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;

use crate::storage;
use tid_og_lyst_core::record::meta::RecordId;

thread_local! {
    static FAVS: RefCell<Option<ArcRwSignal<HashSet<RecordId>>>> = const { RefCell::new(None) };
}

/// The favourites, loaded on first use.
pub fn favourites() -> RwSignal<HashSet<RecordId>> {
    let arc = FAVS.with(|f| {
        f.borrow_mut()
            .get_or_insert_with(|| {
                let ids: Vec<RecordId> = storage::load(storage::KEY_ACTIVITY_FAVOURITES, crate::state::now())
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                ArcRwSignal::new(ids.into_iter().collect())
            })
            .clone()
    });
    RwSignal::from(arc)
}

/// Adds or removes one favourite and saves.
pub fn toggle(id: RecordId) {
    let favs = favourites();
    favs.update(|f| {
        if !f.remove(&id) {
            f.insert(id);
        }
    });
    let mut list: Vec<RecordId> = favs.with_untracked(|f| f.iter().copied().collect());
    list.sort();
    let _ = storage::save(storage::KEY_ACTIVITY_FAVOURITES, &list);
}
