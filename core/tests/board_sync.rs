//! The shared board's protocol against a small CouchDB of its own (revisions,
//! 409 conflicts, a `_changes` feed with a selector, `_all_docs`): any
//! interleaving of devices' edits and syncs, with requests lost on the way
//! there and answers lost on the way back, ends with every device and the
//! board holding the same records, the join of everything any device wrote;
//! a coordinator's private note never reaches the board.

use std::collections::BTreeMap;
use std::future::Future;
use std::task::{Context, Poll, Waker};

use proptest::prelude::*;
use serde_json::{json, Value};
use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::dreams::dream::{Act, Boundary, Claim, Dream, PrivateNote};
use tid_og_lyst_core::dreams::privacy::strip_dream;
use tid_og_lyst_core::record::merge::{self, Record};
use tid_og_lyst_core::record::meta::{Clock, DeviceId, Meta, RecordId};
use tid_og_lyst_core::sync::board::{self, BoardError, BoardState, Host, Report, Request, Response};
use tid_og_lyst_core::sync::data::{AllKinds, AppData, DreamsOnly};

/// Runs a future that never waits (the fake board answers at once).
fn run<T>(f: impl Future<Output = T>) -> T {
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(t) => t,
        Poll::Pending => panic!("the fake board never waits"),
    }
}

/// A CouchDB as far as the protocol uses it.
#[derive(Default)]
struct Couch {
    docs: BTreeMap<String, (u32, Value)>,
    /// Per document, the sequence of its last change.
    changed: BTreeMap<String, u64>,
    seq: u64,
    requests: usize,
}

impl Couch {
    fn answer(&mut self, r: &Request) -> Response {
        self.requests += 1;
        let body: Value = r.body.as_deref().map_or(Value::Null, |b| serde_json::from_str(b).unwrap());
        assert_eq!(r.method, if r.body.is_some() { "POST" } else { "GET" });
        let query =
            |key: &str| r.path.split(['?', '&']).find_map(|kv| kv.strip_prefix(&format!("{key}="))).map(str::to_string);
        let ok = |v: Value| Response { status: 200, body: v.to_string() };
        if r.path.starts_with("_changes") {
            let since: u64 = query("since").unwrap().parse().unwrap();
            let limit: usize = query("limit").unwrap().parse().unwrap();
            let mut order: Vec<(u64, &String)> =
                self.changed.iter().map(|(id, s)| (*s, id)).filter(|(s, _)| *s > since).collect();
            order.sort();
            let results: Vec<Value> = order
                .iter()
                .take(limit)
                .map(|(s, id)| json!({ "seq": s, "id": id, "changes": [{ "rev": self.docs[*id].1["_rev"] }] }))
                .collect();
            let last = order.iter().take(limit).next_back().map_or(since, |(s, _)| *s);
            return ok(json!({ "results": results, "last_seq": last, "pending": order.len().saturating_sub(limit) }));
        }
        if r.path == "_bulk_docs" {
            let mut rows = Vec::new();
            for doc in body["docs"].as_array().unwrap() {
                let id = doc["_id"].as_str().unwrap().to_string();
                let current = self.docs.get(&id).map(|(g, _)| format!("{g}-x"));
                if doc.get("_rev").and_then(Value::as_str).map(str::to_string) != current {
                    rows.push(json!({ "id": id, "error": "conflict", "reason": "Document update conflict." }));
                    continue;
                }
                let generation = self.docs.get(&id).map_or(1, |(g, _)| g + 1);
                let mut stored = doc.clone();
                stored["_rev"] = json!(format!("{generation}-x"));
                self.docs.insert(id.clone(), (generation, stored));
                self.seq += 1;
                self.changed.insert(id.clone(), self.seq);
                rows.push(json!({ "ok": true, "id": id, "rev": format!("{generation}-x") }));
            }
            return ok(Value::Array(rows));
        }
        if r.path.starts_with("_all_docs") {
            let rows: Vec<Value> = body["keys"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| match self.docs.get(k.as_str().unwrap()) {
                    Some((_, doc)) => json!({ "id": k, "key": k, "doc": doc }),
                    None => json!({ "key": k, "error": "not_found" }),
                })
                .collect();
            return ok(json!({ "rows": rows }));
        }
        Response { status: 404, body: "{}".into() }
    }

    /// The records on the board, as a device reads them (a sync of a new
    /// device against a copy of the board).
    fn records(&self) -> AppData {
        let mut copy = Couch::default();
        for (id, (g, d)) in &self.docs {
            copy.docs.insert(id.clone(), (*g, d.clone()));
            copy.seq += 1;
            copy.changed.insert(id.clone(), copy.seq);
        }
        let mut reader = Device::new("reader");
        sync(&mut reader, &mut copy, None).unwrap();
        reader.data
    }
}

/// One device: its data, clock and board state.
struct Device {
    data: AppData,
    clock: Clock,
    state: BoardState,
    name: String,
}

impl Device {
    fn new(name: &str) -> Self {
        Device {
            data: AppData::default(),
            clock: Clock::new(DeviceId(name.into())),
            state: BoardState::default(),
            name: name.into(),
        }
    }
}

/// Where a request fails: the `n`th of the round, before the board takes
/// it or with its answer lost after.
#[derive(Clone, Copy, Debug)]
struct Fail {
    at: usize,
    answer_lost: bool,
}

struct Link<'a> {
    device: &'a mut Device,
    couch: &'a mut Couch,
    fail: Option<Fail>,
    /// Another device that syncs in between this one's read and its write.
    racer: Option<&'a mut Device>,
    requests: usize,
}

impl Host for Link<'_> {
    async fn request(&mut self, request: Request) -> Result<Response, BoardError> {
        self.requests += 1;
        if self.requests == 2 {
            if let Some(other) = self.racer.take() {
                sync(other, self.couch, None).unwrap();
            }
        }
        match self.fail {
            Some(Fail { at: 0, answer_lost }) => {
                self.fail = None;
                if answer_lost {
                    self.couch.answer(&request);
                }
                return Err(BoardError::NoAnswer);
            }
            Some(ref mut f) => f.at -= 1,
            None => {}
        }
        Ok(self.couch.answer(&request))
    }
    fn with_data<T>(&self, f: impl FnOnce(&AppData) -> T) -> T {
        f(&self.device.data)
    }
    fn join(&mut self, data: AppData) {
        data.observe_into(&mut self.device.clock);
        self.device.data.join_in::<AllKinds>(data);
    }
    fn keep(&mut self, _state: &BoardState, _report: &Report) {}
    async fn breathe(&mut self) {}
}

fn sync(device: &mut Device, couch: &mut Couch, fail: Option<Fail>) -> Result<Report, BoardError> {
    race(device, None, couch, fail)
}

fn race(
    device: &mut Device,
    racer: Option<&mut Device>,
    couch: &mut Couch,
    fail: Option<Fail>,
) -> Result<Report, BoardError> {
    let mut state = std::mem::take(&mut device.state);
    let mut link = Link { device, couch, fail, racer, requests: 0 };
    let result = run(board::sync::<AllKinds, _>(&mut link, &mut state, None));
    let device = link.device;
    device.state = state;
    result
}

fn dream_id(slot: u8) -> RecordId {
    RecordId::from_seed(1000 + u64::from(slot))
}

fn activity_id(slot: u8) -> RecordId {
    RecordId::from_seed(2000 + u64::from(slot))
}

#[derive(Clone, Debug)]
enum Op {
    /// The coordinator (device 0) posts or edits a dream, with a private note.
    Dream(u8, u8),
    /// A device claims a dream it has.
    Claim(usize, u8),
    /// A device adds or edits an activity.
    Activity(usize, u8, u8),
    /// A device deletes an activity it has.
    Delete(usize, u8),
    /// A device syncs, perhaps losing a request or an answer.
    Sync(usize, Option<Fail>),
    /// A device syncs, and another syncs between its read and its write.
    Race(usize, usize),
}

fn apply(op: &Op, devices: &mut [Device], couch: &mut Couch, now: &mut i64) {
    *now += 1000;
    match *op {
        Op::Dream(slot, v) => {
            let d = &mut devices[0];
            let rev = d.clock.tick(*now);
            let mut dream =
                d.data.dreams.get(&dream_id(slot)).cloned().unwrap_or_else(|| {
                    Dream::new(&Act { rev: rev.clone(), who: "Koordinator".into() }, dream_id(slot))
                });
            dream.meta.rev = rev.clone();
            dream.title = format!("Tur til havet {slot}.{v}");
            dream.story = "Inger vil gerne se havet en sidste gang.".into();
            dream.boundaries_ok = Boundary::ALL.to_vec();
            dream.private_note = Some(PrivateNote { text: format!("HEMMELIG adresse {v}"), rev });
            assert_eq!(dream.check(), Ok(()));
            merge::insert(&mut d.data.dreams, dream);
        }
        Op::Claim(dev, slot) => {
            let d = &mut devices[dev];
            let Some(mut dream) = d.data.dreams.get(&dream_id(slot)).cloned() else { return };
            let rev = d.clock.tick(*now);
            let id = RecordId::from_seed(3000 + 100 * dev as u64 + u64::from(slot));
            let claim = Claim {
                meta: Meta { id, rev: rev.clone(), deleted: false },
                name: format!("Løber {dev}"),
                contact: String::new(),
                claimed_at: rev.at,
                device: Some(DeviceId(d.name.clone())),
                awaiting: false,
                reserve: false,
                by_coordinator: false,
                still_ok: None,
                decision: None,
            };
            dream.claims.insert(id, claim);
            merge::insert(&mut d.data.dreams, dream);
        }
        Op::Activity(dev, slot, v) => {
            let d = &mut devices[dev];
            let rev = d.clock.tick(*now);
            let a: Activity = serde_json::from_value(json!({
                "id": activity_id(slot).to_string(),
                "rev": serde_json::to_value(&rev).unwrap(),
                "title": format!("Stolegymnastik {v}"), "organizer": "Ældre Sagen", "municipality": "Assens",
            }))
            .unwrap();
            merge::insert(&mut d.data.activities, a);
        }
        Op::Delete(dev, slot) => {
            let d = &mut devices[dev];
            let Some(mut a) = d.data.activities.get(&activity_id(slot)).cloned() else { return };
            a.meta.rev = d.clock.tick(*now);
            a.meta.deleted = true;
            merge::insert(&mut d.data.activities, a);
        }
        Op::Sync(dev, fail) => match sync(&mut devices[dev], couch, fail) {
            // A round that ends well leaves nothing unsent: a conflict was merged and written again.
            Ok(_) => {
                let d = &devices[dev];
                assert!(
                    board::outgoing::<AllKinds>(&d.data, &d.state).docs.is_empty(),
                    "{} left changes unsent",
                    d.name
                );
            }
            Err(e) => assert!(e.is_temporary(), "{e:?}"),
        },
        Op::Race(a, b) if a != b => {
            let (first, second) = devices.split_at_mut(a.max(b));
            let (da, db) = if a < b { (&mut first[a], &mut second[0]) } else { (&mut second[0], &mut first[b]) };
            race(da, Some(db), couch, None).unwrap();
            assert!(
                board::outgoing::<AllKinds>(&da.data, &da.state).docs.is_empty(),
                "{} left changes unsent",
                da.name
            );
        }
        Op::Race(..) => {}
    }
}

/// What may leave a device: dreams without their private notes.
fn shared(d: &AppData) -> AppData {
    AppData { dreams: d.dreams.iter().map(|(k, v)| (*k, strip_dream(v))).collect(), ..d.clone() }
}

fn op() -> impl Strategy<Value = Op> {
    let fail = prop::option::of((0usize..6, any::<bool>()).prop_map(|(at, answer_lost)| Fail { at, answer_lost }));
    prop_oneof![
        (0u8..3, 0u8..3).prop_map(|(s, v)| Op::Dream(s, v)),
        (1usize..3, 0u8..3).prop_map(|(d, s)| Op::Claim(d, s)),
        (0usize..3, 0u8..3, 0u8..3).prop_map(|(d, s, v)| Op::Activity(d, s, v)),
        (0usize..3, 0u8..3).prop_map(|(d, s)| Op::Delete(d, s)),
        (0usize..3, fail).prop_map(|(d, f)| Op::Sync(d, f)),
        (0usize..3, 0usize..3).prop_map(|(a, b)| Op::Race(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_interleaving_of_syncs_converges_to_the_join(ops in prop::collection::vec(op(), 1..40)) {
        let mut devices = vec![Device::new("koordinator"), Device::new("loeber1"), Device::new("loeber2")];
        let mut couch = Couch::default();
        let mut now = 1_790_000_000_000;
        for op in &ops {
            apply(op, &mut devices, &mut couch, &mut now);
        }
        // Everything any device holds, and the board: what all must end with.
        let mut expected = shared(&couch.records());
        for d in &devices {
            expected = expected.merge(&shared(&d.data));
        }
        let private_notes: Vec<_> = devices[0].data.dreams.values().map(|d| d.private_note.clone()).collect();
        // Two calm rounds: the first brings every change to the board, the second every change to every device.
        for _ in 0..2 {
            for d in devices.iter_mut() {
                sync(d, &mut couch, None).unwrap();
            }
        }
        for d in &devices {
            prop_assert_eq!(&shared(&d.data), &expected, "device {}", d.name);
        }
        prop_assert_eq!(&couch.records(), &expected);
        // Nothing left to send, and the private notes stayed on the coordinator's device, untouched.
        for d in devices.iter_mut() {
            let before = couch.requests;
            let report = sync(d, &mut couch, None).unwrap();
            prop_assert_eq!(report.sent, 0);
            prop_assert_eq!(couch.requests - before, 1, "a calm sync is one request");
        }
        let notes_after: Vec<_> = devices[0].data.dreams.values().map(|d| d.private_note.clone()).collect();
        prop_assert_eq!(notes_after, private_notes);
        prop_assert!(couch.docs.values().all(|(_, doc)| !doc.to_string().contains("HEMMELIG")));
    }
}

#[test]
fn a_document_is_the_export_record_with_its_kind_and_version() {
    let mut coordinator = Device::new("koordinator");
    let mut couch = Couch::default();
    let mut now = 1_790_000_000_000;
    apply(&Op::Dream(1, 0), std::slice::from_mut(&mut coordinator), &mut couch, &mut now);
    let mut flagged = Dream::new(&Act { rev: coordinator.clock.tick(now), who: "K".into() }, dream_id(9));
    flagged.title = "Ikke bekræftet".into();
    flagged.story = "Grænserne mangler.".into();
    merge::insert(&mut coordinator.data.dreams, flagged);
    let report = sync(&mut coordinator, &mut couch, None).unwrap();
    assert_eq!((report.sent, report.held_back), (1, 1), "the flagged dream is held back");
    let (_, doc) = &couch.docs[&format!("dream:{}", dream_id(1))];
    assert_eq!(doc["kind"], "dream");
    assert_eq!(doc["format"], board::DOC_FORMAT);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["id"], dream_id(1).to_string());
    assert_eq!(doc["title"], "Tur til havet 1.0");
    assert!(doc.get("private_note").is_none_or(Value::is_null), "{doc}");
}

#[test]
fn a_page_reads_only_its_own_kinds_and_skips_what_it_cannot_read() {
    let mut couch = Couch::default();
    let mut now = 1_790_000_000_000;
    let mut devices = vec![Device::new("koordinator")];
    apply(&Op::Dream(0, 0), &mut devices, &mut couch, &mut now);
    apply(&Op::Activity(0, 0, 0), &mut devices, &mut couch, &mut now);
    sync(&mut devices[0], &mut couch, None).unwrap();
    // Another program's documents, a damaged one and one of a newer version.
    for (i, doc) in [
        json!({ "_id": "dream:nonsense", "kind": "dream", "format": board::DOC_FORMAT, "version": 1 }),
        json!({ "_id": format!("dream:{}", dream_id(7)), "kind": "dream", "format": board::DOC_FORMAT, "version": 99, "title": "x" }),
        json!({ "_id": "shopping-list", "kind": "dream", "items": ["<script>alert(1)</script>"] }),
    ]
    .into_iter()
    .enumerate()
    {
        let id = doc["_id"].as_str().unwrap().to_string();
        let mut stored = doc.clone();
        stored["_rev"] = json!("1-x");
        couch.docs.insert(id.clone(), (1, stored));
        couch.seq += 1;
        couch.changed.insert(id, couch.seq + i as u64);
    }
    let mut runner = Device::new("loeber");
    let mut state = BoardState::default();
    let report = run(board::sync::<DreamsOnly, _>(
        &mut Link { device: &mut runner, couch: &mut couch, fail: None, racer: None, requests: 0 },
        &mut state,
        None,
    ))
    .unwrap();
    assert_eq!(runner.data.dreams.len(), 1);
    assert!(runner.data.activities.is_empty(), "a dream page takes no activity");
    assert!(runner.data.dreams.values().all(|d| d.private_note.is_none()));
    assert_eq!(report.skipped, 2, "the damaged and the newer dream; the shopping list is not even fetched");
}

#[test]
fn a_board_emptied_on_the_server_is_filled_again() {
    let mut couch = Couch::default();
    let mut now = 1_790_000_000_000;
    let mut devices = vec![Device::new("koordinator")];
    apply(&Op::Activity(0, 1, 0), &mut devices, &mut couch, &mut now);
    sync(&mut devices[0], &mut couch, None).unwrap();
    // A new, empty database at the same address: the known `_rev` conflicts, the
    // record is written again without one.
    let mut fresh = Couch::default();
    apply(&Op::Activity(0, 1, 1), &mut devices, &mut fresh, &mut now);
    let report = sync(&mut devices[0], &mut fresh, None).unwrap();
    assert_eq!(report.sent, 1);
    assert_eq!(fresh.docs.len(), 1);
}
