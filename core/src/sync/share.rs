//! What runners get: the coordinator's dreams without anything private, as a
//! data set ready to export or send as a link.

use crate::dreams::dream::Dream;
use crate::dreams::privacy::strip_dream;
use crate::record::merge::Collection;
use crate::sync::data::AppData;

/// The dreams to hand to runners: live, not flagged, with the private
/// fields removed. Returns the data and the titles of flagged dreams that
/// were held back.
pub fn share_with_runners(dreams: &Collection<Dream>) -> (AppData, Vec<String>) {
    let mut data = AppData::default();
    let mut held_back = Vec::new();
    for (id, d) in dreams {
        if d.meta.deleted {
            continue;
        }
        if d.is_flagged() {
            held_back.push(d.title.clone());
            continue;
        }
        data.dreams.insert(*id, strip_dream(d));
    }
    (data, held_back)
}
