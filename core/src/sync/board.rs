//! The shared board ("Fælles tavle"): an Apache CouchDB database that holds
//! one document per record and relays them between a group's devices. The
//! protocol lives here, pure: which requests a sync round makes, how a
//! record becomes a document and back, what a 409 conflict does (merge with
//! the server's copy, write again) and what each answer means in Danish.
//! The app only carries the requests out ([`Host`]) and keeps the state.
//!
//! A document is the record as in export format v1, plus `_id`
//! (`<kind>:<uuid>`), `_rev`, `kind`, `format` and `version`. What travels is
//! what the runners' copy holds: a dream without its private note, and not
//! while it is flagged. Deletions travel as the records' tombstones.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::activities::activity::Activity;
use crate::assessment::session::Assessment;
use crate::da::board as t;
use crate::dreams::dream::Dream;
use crate::dreams::privacy::strip_dream;
use crate::record::merge::{Collection, Record};
use crate::record::meta::RecordId;
use crate::record::object;
use crate::sync::data::{AppData, Kinds};
use crate::sync::migrate::VERSION;
use crate::text::fields::percent_encode;

/// The `format` of a board document.
pub const DOC_FORMAT: &str = "tid-og-lyst-record";
/// Documents read from the feed per request (a large first sync comes in slices).
pub const PULL_LIMIT: usize = 500;
/// Documents written per request.
pub const PUSH_LIMIT: usize = 250;
/// Rounds of "write, meet conflicts, merge" before a sync gives up for now.
const MAX_ROUNDS: usize = 5;

/// The kind of a record on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A dream.
    Dream,
    /// An activity of the directory's overlay.
    Activity,
    /// A workshop session.
    Assessment,
}

impl Kind {
    /// Its name in a document's id and `kind` field.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Dream => "dream",
            Kind::Activity => "activity",
            Kind::Assessment => "assessment",
        }
    }

    /// The kinds `K` reads and writes.
    pub fn of<K: Kinds>() -> Vec<Kind> {
        [(K::DREAMS, Kind::Dream), (K::ACTIVITIES, Kind::Activity), (K::ASSESSMENTS, Kind::Assessment)]
            .into_iter()
            .filter_map(|(on, k)| on.then_some(k))
            .collect()
    }

    /// The id of the document of record `id`.
    pub fn doc_id(self, id: RecordId) -> String {
        format!("{}:{id}", self.name())
    }
}

/// A record kind as it travels on the board.
trait Shared: Record + DeserializeOwned {
    const KIND: Kind;
    fn all(d: &AppData) -> &Collection<Self>;
    fn all_mut(d: &mut AppData) -> &mut Collection<Self>;
    /// The copy that may leave the device, or `None` while it may not.
    fn shared(&self) -> Option<Self> {
        Some(self.clone())
    }
}

impl Shared for Dream {
    const KIND: Kind = Kind::Dream;
    fn all(d: &AppData) -> &Collection<Self> {
        &d.dreams
    }
    fn all_mut(d: &mut AppData) -> &mut Collection<Self> {
        &mut d.dreams
    }
    fn shared(&self) -> Option<Self> {
        (self.meta.deleted || !self.is_flagged()).then(|| strip_dream(self))
    }
}

impl Shared for Activity {
    const KIND: Kind = Kind::Activity;
    fn all(d: &AppData) -> &Collection<Self> {
        &d.activities
    }
    fn all_mut(d: &mut AppData) -> &mut Collection<Self> {
        &mut d.activities
    }
}

impl Shared for Assessment {
    const KIND: Kind = Kind::Assessment;
    fn all(d: &AppData) -> &Collection<Self> {
        &d.assessments
    }
    fn all_mut(d: &mut AppData) -> &mut Collection<Self> {
        &mut d.assessments
    }
}

/// FNV-1a of a record's JSON: whether it changed since it was last on the
/// board. Written out (eight lines) because it must stay the same across
/// builds and Rust releases: a changed hash would send every record again.
fn fingerprint(json: &str) -> u64 {
    json.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// What this device last saw of a document on the board: its `_rev`, and
/// the fingerprint of the record it held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen(pub String, pub u64);

/// What a device keeps of the board between syncs (never a password).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BoardState {
    /// The board it belongs to (address and name); another board starts afresh.
    #[serde(default)]
    pub board: String,
    /// Per feed (a bundle's kinds), the last sequence read.
    #[serde(default)]
    pub since: BTreeMap<String, Value>,
    /// Per document id, what was last seen on the board.
    #[serde(default)]
    pub seen: BTreeMap<String, Seen>,
}

impl BoardState {
    /// The state for `board`: `self` when it is that board's, else a fresh one.
    pub fn for_board(self, board: &str) -> BoardState {
        if self.board == board {
            self
        } else {
            BoardState { board: board.to_string(), ..BoardState::default() }
        }
    }
}

/// Where the board is and who connects. Kept on the device only; its
/// `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// The database's address, absolute, ending in `/`.
    pub address: String,
    /// The user's name on the board.
    pub name: String,
    /// The user's password.
    pub password: String,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection").field("address", &self.address).field("name", &self.name).finish()
    }
}

impl Connection {
    /// The key of this board's state: its address and the name used on it.
    pub fn board_key(&self) -> String {
        format!("{} {}", self.address, self.name)
    }

    /// The host part of the address, for "Forbundet til …".
    pub fn host(&self) -> &str {
        let rest = self.address.split_once("://").map_or(self.address.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or(rest)
    }
}

/// Why the board could not be reached or used; `Display` is the Danish message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BoardError {
    /// No address typed.
    #[error("{}", t::NO_ADDRESS)]
    NoAddress,
    /// Not an address the app can use.
    #[error("{}", t::BAD_ADDRESS)]
    BadAddress,
    /// Plain HTTP to another machine.
    #[error("{}", t::INSECURE)]
    Insecure,
    /// No name or no password.
    #[error("{}", t::NO_LOGIN)]
    NoLogin,
    /// The page's security policy does not allow the address's origin.
    #[error("{}", t::not_allowed(.0))]
    NotAllowed(String),
    /// The device is offline.
    #[error("{}", t::OFFLINE)]
    Offline,
    /// Nothing answered.
    #[error("{}", t::NO_ANSWER)]
    NoAnswer,
    /// Something answered, but the browser withheld the answer (CORS).
    #[error("{}", t::BLOCKED)]
    Blocked,
    /// 401.
    #[error("{}", t::UNAUTHORIZED)]
    Unauthorized,
    /// 403.
    #[error("{}", t::FORBIDDEN)]
    Forbidden,
    /// 404: no database there.
    #[error("{}", t::NOT_FOUND)]
    NotFound,
    /// It answered, but not as CouchDB does.
    #[error("{}", t::NOT_COUCH)]
    NotCouch,
    /// Another error status.
    #[error("{}", t::server(*.0))]
    Server(u16),
    /// The request was called off (the page has something to send); not shown.
    #[error("")]
    Interrupted,
}

impl BoardError {
    /// True when trying again later may help (the connection stays; the
    /// changes wait); false when the user must act.
    pub fn is_temporary(&self) -> bool {
        matches!(self, BoardError::Offline | BoardError::NoAnswer | BoardError::Server(_) | BoardError::Interrupted)
    }
}

/// The error a failed request (no response at all) means: offline, blocked
/// by the browser (a no-cors request got through: `reachable`), or no answer.
pub fn network_failure(online: bool, reachable: bool) -> BoardError {
    match (online, reachable) {
        (false, _) => BoardError::Offline,
        (true, true) => BoardError::Blocked,
        (true, false) => BoardError::NoAnswer,
    }
}

/// The error an HTTP status means, or `Ok` for a success.
pub fn check_status(status: u16) -> Result<(), BoardError> {
    match status {
        200..=299 => Ok(()),
        401 => Err(BoardError::Unauthorized),
        403 => Err(BoardError::Forbidden),
        404 => Err(BoardError::NotFound),
        s => Err(BoardError::Server(s)),
    }
}

fn is_local(host: &str) -> bool {
    let name = host.rsplit_once(':').filter(|(h, p)| !h.ends_with(']') || p.is_empty()).map_or(host, |(h, _)| h);
    let name = if host.starts_with('[') { host.split(']').next().map_or(host, |h| &h[1..]) } else { name };
    matches!(name, "localhost" | "127.0.0.1" | "::1") || name.ends_with(".localhost")
}

/// Checks what the user typed on `/del` and makes the connection: the
/// address is made absolute against `page_origin` (`/tavle/forening` is on
/// the app's own server), must be http(s), HTTPS unless it is this machine,
/// and allowed by the page's security policy `policy` (its
/// Content-Security-Policy; empty when it has none).
pub fn connection(
    address: &str,
    name: &str,
    password: &str,
    page_origin: &str,
    policy: &str,
) -> Result<Connection, BoardError> {
    let address = address.trim();
    if address.is_empty() {
        return Err(BoardError::NoAddress);
    }
    let absolute = if address.starts_with('/') && !address.starts_with("//") {
        format!("{page_origin}{address}")
    } else {
        address.to_string()
    };
    let (origin, path) = split_address(&absolute)?;
    if name.trim().is_empty() || password.is_empty() {
        return Err(BoardError::NoLogin);
    }
    if !allowed_by_policy(policy, &origin, page_origin) {
        return Err(BoardError::NotAllowed(origin));
    }
    let path = path.trim_end_matches('/');
    let address = if path.is_empty() { format!("{origin}/") } else { format!("{origin}/{path}/") };
    Ok(Connection { address, name: name.trim().to_string(), password: password.to_string() })
}

/// A checked address as its origin (`https://host[:port]`, lowercase) and
/// the path after it: http(s) only, HTTPS unless it is this machine, no
/// user, query or fragment.
fn split_address(address: &str) -> Result<(String, &str), BoardError> {
    let (scheme, rest) = address.split_once("://").ok_or(BoardError::BadAddress)?;
    let scheme = scheme.to_ascii_lowercase();
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let bad_char = |c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '@' | '?' | '#' | '\\' | '"' | '<' | '>' | '*' | ';')
    };
    if !matches!(scheme.as_str(), "http" | "https")
        || host.is_empty()
        || host.contains(bad_char)
        || path.contains(bad_char)
    {
        return Err(BoardError::BadAddress);
    }
    if scheme == "http" && !is_local(&host) {
        return Err(BoardError::Insecure);
    }
    Ok((format!("{scheme}://{host}"), path))
}

/// The origin a build names as its shared board's (`./x build --sync-origin
/// …`), as written into the page's `connect-src`: one checked origin, never
/// a wildcard.
pub fn board_origin(address: &str) -> Result<String, BoardError> {
    split_address(address.trim()).map(|(origin, _)| origin)
}

/// Whether a Content-Security-Policy lets the page fetch from `origin`:
/// its `connect-src` (else `default-src`) names `'self'` for the page's own
/// origin, or the origin itself. No directive at all allows everything.
pub fn allowed_by_policy(policy: &str, origin: &str, page_origin: &str) -> bool {
    let directive = |name: &str| {
        policy.split(';').map(str::trim).find_map(|d| {
            let mut words = d.split_whitespace();
            (words.next()? == name).then(|| words.map(str::to_string).collect::<Vec<_>>())
        })
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else {
        return true;
    };
    sources.iter().any(|s| (s == "'self'" && origin == page_origin) || s.trim_end_matches('/') == origin)
}

/// A request of the protocol, relative to the database's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The path and query after the database's address (`""` is the database).
    pub path: String,
    /// A JSON body.
    pub body: Option<String>,
    /// A long poll: it may wait for a change, and is called off when the
    /// page has something to send.
    pub waits: bool,
}

/// An HTTP answer: status and body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: String,
}

/// The `Authorization` header of a connection (HTTP Basic, the name and
/// password as UTF-8).
pub fn basic_auth(c: &Connection) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", c.name, c.password)))
}

/// The request that checks a connection: the database's own document.
pub fn check_request() -> Request {
    Request { method: "GET", path: String::new(), body: None, waits: false }
}

/// Reads the answer to [`check_request`]: a CouchDB database says its `db_name`.
pub fn check_answer(r: &Response) -> Result<(), BoardError> {
    check_status(r.status)?;
    let v: Value = serde_json::from_str(&r.body).map_err(|_| BoardError::NotCouch)?;
    if v.get("db_name").and_then(Value::as_str).is_some() {
        Ok(())
    } else {
        Err(BoardError::NotCouch)
    }
}

/// The name of the feed of `K`'s kinds (its sequence is kept under it).
fn feed<K: Kinds>() -> String {
    Kind::of::<K>().iter().map(|k| k.name()).collect::<Vec<_>>().join("+")
}

/// The feed of the board's changes since `since` (ids and revisions only:
/// the documents of the page's kinds are fetched after, so a page never
/// downloads another part's records, on any CouchDB, without a filter); with
/// `wait`, a long poll that answers when something changes or after `wait`
/// milliseconds.
fn changes_request(since: &Value, wait: Option<u32>) -> Request {
    let since = match since {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut path = format!("_changes?limit={PULL_LIMIT}&since={}", percent_encode(&since));
    if let Some(ms) = wait {
        path.push_str(&format!("&feed=longpoll&timeout={ms}"));
    }
    Request { method: "GET", path, body: None, waits: wait.is_some() }
}

/// Records read from the board.
#[derive(Debug, Default)]
pub struct Pulled {
    /// The records, to be joined into the device's data.
    pub data: AppData,
    /// What was seen of each document.
    pub seen: Vec<(String, Seen)>,
    /// Documents deleted on the server itself (not a record's tombstone).
    pub gone: Vec<String>,
    /// Documents that could not be read (another program's, damaged, or of a newer version).
    pub skipped: usize,
}

impl Pulled {
    fn doc<K: Kinds>(&mut self, doc: &Value) {
        let Some(id) = doc.get("_id").and_then(Value::as_str) else {
            self.skipped += 1;
            return;
        };
        if doc.get("_deleted").and_then(Value::as_bool) == Some(true) {
            self.gone.push(id.to_string());
            return;
        }
        let read = match id.split_once(':').map(|(k, _)| k) {
            Some("dream") if K::DREAMS => self.record::<Dream>(id, doc),
            Some("activity") if K::ACTIVITIES => self.record::<Activity>(id, doc),
            Some("assessment") if K::ASSESSMENTS => self.record::<Assessment>(id, doc),
            _ => None,
        };
        if read.is_none() {
            self.skipped += 1;
        }
    }

    fn record<R: Shared>(&mut self, id: &str, doc: &Value) -> Option<()> {
        let rev = doc.get("_rev")?.as_str()?.to_string();
        if doc.get("format")?.as_str()? != DOC_FORMAT || doc.get("version")?.as_u64()? > VERSION {
            return None;
        }
        let mut body = doc.as_object()?.clone();
        for key in ["_id", "_rev", "_revisions", "_conflicts", "kind", "format", "version"] {
            body.remove(key);
        }
        let record: R = object::from_value(&Value::Object(body)).ok()?;
        record.check().ok()?;
        if R::KIND.doc_id(record.meta().id) != id {
            return None;
        }
        let json = serde_json::to_string(&record.shared()?).ok()?;
        self.seen.push((id.to_string(), Seen(rev, fingerprint(&json))));
        crate::record::merge::insert(R::all_mut(&mut self.data), record);
        Some(())
    }
}

/// One row of the feed: a document's id, its newest revision, and whether
/// it was deleted on the server itself.
struct Change {
    id: String,
    rev: Option<String>,
    deleted: bool,
}

/// Reads a `_changes` answer: its rows, the sequence to go on from, and
/// whether more are waiting.
fn read_changes(body: &str) -> Result<(Vec<Change>, Value, bool), BoardError> {
    let v: Value = serde_json::from_str(body).map_err(|_| BoardError::NotCouch)?;
    let results = v.get("results").and_then(Value::as_array).ok_or(BoardError::NotCouch)?;
    let last_seq = v.get("last_seq").cloned().ok_or(BoardError::NotCouch)?;
    let rows = results
        .iter()
        .filter_map(|r| {
            Some(Change {
                id: r.get("id")?.as_str()?.to_string(),
                rev: r.pointer("/changes/0/rev").and_then(Value::as_str).map(str::to_string),
                deleted: r.get("deleted").and_then(Value::as_bool) == Some(true),
            })
        })
        .collect();
    let more = v.get("pending").and_then(Value::as_u64).map_or(results.len() >= PULL_LIMIT, |p| p > 0);
    Ok((rows, last_seq, more))
}

/// Whether a document id is of one of `K`'s kinds.
fn is_of<K: Kinds>(id: &str) -> bool {
    match id.split_once(':').map(|(k, _)| k) {
        Some("dream") => K::DREAMS,
        Some("activity") => K::ACTIVITIES,
        Some("assessment") => K::ASSESSMENTS,
        _ => false,
    }
}

/// The documents whose records are not yet on the board as they are here.
#[derive(Debug, Default)]
pub struct Outgoing {
    /// Each document with the fingerprint of its record.
    pub docs: Vec<(Value, u64)>,
    /// Flagged dreams held back until their boundaries are confirmed.
    pub held_back: usize,
}

/// What of `data` must be written to the board, given what was last seen there.
pub fn outgoing<K: Kinds>(data: &AppData, state: &BoardState) -> Outgoing {
    let mut out = Outgoing::default();
    if K::DREAMS {
        collect_out::<Dream>(data, state, &mut out);
    }
    if K::ACTIVITIES {
        collect_out::<Activity>(data, state, &mut out);
    }
    if K::ASSESSMENTS {
        collect_out::<Assessment>(data, state, &mut out);
    }
    out
}

fn collect_out<R: Shared>(data: &AppData, state: &BoardState, out: &mut Outgoing) {
    for r in R::all(data).values() {
        let Some(shared) = r.shared() else {
            out.held_back += 1;
            continue;
        };
        let Ok(json) = serde_json::to_string(&shared) else { continue };
        let hash = fingerprint(&json);
        let id = R::KIND.doc_id(r.meta().id);
        let seen = state.seen.get(&id);
        if seen.is_some_and(|s| s.1 == hash) {
            continue;
        }
        let Ok(Value::Object(mut doc)) = serde_json::from_str::<Value>(&json) else { continue };
        doc.insert("_id".into(), Value::String(id));
        if let Some(s) = seen {
            doc.insert("_rev".into(), Value::String(s.0.clone()));
        }
        doc.insert("kind".into(), Value::String(R::KIND.name().into()));
        doc.insert("format".into(), Value::String(DOC_FORMAT.into()));
        doc.insert("version".into(), json!(VERSION));
        out.docs.push((Value::Object(doc), hash));
    }
}

/// How a sync round went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Records read from the board.
    pub received: usize,
    /// Records written to it.
    pub sent: usize,
    /// Documents that could not be read or written.
    pub skipped: usize,
    /// Flagged dreams not sent.
    pub held_back: usize,
}

/// What a sync needs of the app: carrying out a request, and the device's
/// data (read, and joined with what came from the board).
#[allow(async_fn_in_trait)]
pub trait Host {
    /// Sends the request; `Err` when no answer came ([`network_failure`]) or
    /// it was called off ([`BoardError::Interrupted`]).
    async fn request(&mut self, request: Request) -> Result<Response, BoardError>;
    /// Calls `f` with the device's data as it is now.
    fn with_data<T>(&self, f: impl FnOnce(&AppData) -> T) -> T;
    /// Joins records from the board into the device's data.
    fn join(&mut self, data: AppData);
    /// Keeps the state (after each slice, so a sync cut off goes on from there).
    fn keep(&mut self, state: &BoardState, report: &Report);
    /// Gives the page a turn between two slices of records read.
    async fn breathe(&mut self);
}

/// One sync round of `K`'s kinds: read the feed since the last sequence,
/// write what changed here (meeting each conflict by merging the server's
/// copy and writing again), and with `wait`, then wait on the feed for up to
/// `wait` ms and read what comes. Everything the board sent is joined before
/// the round ends; an error leaves the state at the last slice kept.
pub async fn sync<K: Kinds, H: Host>(
    host: &mut H,
    state: &mut BoardState,
    wait: Option<u32>,
) -> Result<Report, BoardError> {
    let mut report = Report::default();
    pull::<K, H>(host, state, &mut report, None).await?;
    push::<K, H>(host, state, &mut report).await?;
    if wait.is_some() {
        match pull::<K, H>(host, state, &mut report, wait).await {
            Err(BoardError::Interrupted) => {}
            other => other?,
        }
    }
    Ok(report)
}

async fn pull<K: Kinds, H: Host>(
    host: &mut H,
    state: &mut BoardState,
    report: &mut Report,
    mut wait: Option<u32>,
) -> Result<(), BoardError> {
    let feed = feed::<K>();
    loop {
        let since = state.since.get(&feed).cloned().unwrap_or(json!(0));
        let answer = host.request(changes_request(&since, wait.take())).await?;
        check_status(answer.status)?;
        let (rows, last_seq, more) = read_changes(&answer.body)?;
        // Of the page's kinds, what this device has not seen yet (its own
        // writes come back in the feed with the revision it already knows).
        let mut wanted = Vec::new();
        for row in rows.into_iter().filter(|r| is_of::<K>(&r.id)) {
            if row.deleted {
                state.seen.remove(&row.id);
            } else if row.rev.is_none() || state.seen.get(&row.id).map(|s| &s.0) != row.rev.as_ref() {
                wanted.push(row.id);
            }
        }
        for slice in wanted.chunks(PULL_LIMIT) {
            fetch_docs::<K, H>(host, state, report, slice).await?;
        }
        state.since.insert(feed.clone(), last_seq);
        host.keep(state, report);
        if !more {
            return Ok(());
        }
    }
}

fn take_in<H: Host>(host: &mut H, state: &mut BoardState, pulled: Pulled) {
    for id in &pulled.gone {
        state.seen.remove(id);
    }
    state.seen.extend(pulled.seen);
    if !pulled.data.is_empty() {
        host.join(pulled.data);
    }
}

async fn push<K: Kinds, H: Host>(host: &mut H, state: &mut BoardState, report: &mut Report) -> Result<(), BoardError> {
    for _ in 0..MAX_ROUNDS {
        let out = host.with_data(|d| outgoing::<K>(d, state));
        report.held_back = out.held_back;
        if out.docs.is_empty() {
            return Ok(());
        }
        for slice in out.docs.chunks(PUSH_LIMIT) {
            let docs: Vec<&Value> = slice.iter().map(|(d, _)| d).collect();
            let body = json!({ "docs": docs }).to_string();
            let answer = host
                .request(Request { method: "POST", path: "_bulk_docs".into(), body: Some(body), waits: false })
                .await?;
            check_status(answer.status)?;
            let rows: Vec<Value> = serde_json::from_str(&answer.body).map_err(|_| BoardError::NotCouch)?;
            let mut conflicts = Vec::new();
            for row in &rows {
                let Some(id) = row.get("id").and_then(Value::as_str) else { continue };
                let Some((_, hash)) = slice.iter().find(|(d, _)| d["_id"] == id) else { continue };
                match (row.get("rev").and_then(Value::as_str), row.get("error").and_then(Value::as_str)) {
                    (Some(rev), None) => {
                        state.seen.insert(id.to_string(), Seen(rev.to_string(), *hash));
                        report.sent += 1;
                    }
                    (_, Some("conflict")) => conflicts.push(id.to_string()),
                    _ => report.skipped += 1,
                }
            }
            if !conflicts.is_empty() {
                // The server's copies, joined in: the next write carries both sides and their `_rev`.
                fetch_docs::<K, H>(host, state, report, &conflicts).await?;
            }
            host.keep(state, report);
        }
    }
    Ok(())
}

/// Records read from the board and joined in per turn of the page, so a
/// large first sync never holds the page for long.
const JOIN_SLICE: usize = 100;

/// Reads the board's current copies of `ids` and joins them in, a slice of
/// [`JOIN_SLICE`] per turn (a document not there, or deleted on the server,
/// is to be written anew, without a `_rev`).
async fn fetch_docs<K: Kinds, H: Host>(
    host: &mut H,
    state: &mut BoardState,
    report: &mut Report,
    ids: &[String],
) -> Result<(), BoardError> {
    let body = json!({ "keys": ids }).to_string();
    let answer = host
        .request(Request { method: "POST", path: "_all_docs?include_docs=true".into(), body: Some(body), waits: false })
        .await?;
    check_status(answer.status)?;
    let v: Value = serde_json::from_str(&answer.body).map_err(|_| BoardError::NotCouch)?;
    let rows = v.get("rows").and_then(Value::as_array).ok_or(BoardError::NotCouch)?;
    for slice in rows.chunks(JOIN_SLICE) {
        let mut pulled = Pulled::default();
        for row in slice {
            match row.get("doc").filter(|d| d.is_object()) {
                Some(doc) => pulled.doc::<K>(doc),
                None => {
                    if let Some(id) = row.get("key").and_then(Value::as_str) {
                        pulled.gone.push(id.to_string());
                    }
                }
            }
        }
        report.received += pulled.data.len();
        report.skipped += pulled.skipped;
        take_in(host, state, pulled);
        host.breathe().await;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_checked_before_anything_is_sent() {
        let page = "https://app.forening.dk";
        let csp = "default-src 'self'; connect-src 'self' https://tavle.forening.dk";
        let ok = connection(" https://Tavle.forening.dk/tavle-assens ", " Inge ", "hemmelig", page, csp).unwrap();
        assert_eq!(ok.address, "https://tavle.forening.dk/tavle-assens/");
        assert_eq!(ok.name, "Inge");
        assert_eq!(ok.host(), "tavle.forening.dk");
        let same = connection("/tavle/assens/", "Inge", "x", page, csp).unwrap();
        assert_eq!(same.address, "https://app.forening.dk/tavle/assens/");
        let local = connection("http://127.0.0.1:5984/tavle", "a", "b", "http://127.0.0.1:8080", "").unwrap();
        assert_eq!(local.address, "http://127.0.0.1:5984/tavle/");
        let cases = [
            ("", BoardError::NoAddress),
            ("tavle.forening.dk", BoardError::BadAddress),
            ("ftp://tavle.forening.dk/x", BoardError::BadAddress),
            ("https://user@tavle.forening.dk/x", BoardError::BadAddress),
            ("https://tavle.forening.dk/x?y", BoardError::BadAddress),
            ("http://tavle.forening.dk/x", BoardError::Insecure),
            ("https://andet.dk/x", BoardError::NotAllowed("https://andet.dk".into())),
        ];
        for (input, want) in cases {
            assert_eq!(connection(input, "Inge", "x", page, csp), Err(want), "{input}");
        }
        assert_eq!(connection("/tavle", "", "x", page, csp), Err(BoardError::NoLogin));
        assert_eq!(connection("/tavle", "Inge", "", page, csp), Err(BoardError::NoLogin));
        assert!(!format!("{ok:?}").contains("hemmelig"));
        let æ = Connection { address: String::new(), name: "Søren".into(), password: "blåbær".into() };
        assert_eq!(basic_auth(&æ), "Basic U8O4cmVuOmJsw6Viw6Zy");
    }

    #[test]
    fn a_build_names_one_checked_origin() {
        assert_eq!(board_origin("https://Tavle.forening.dk/tavle-assens"), Ok("https://tavle.forening.dk".into()));
        assert_eq!(board_origin("http://localhost:5984"), Ok("http://localhost:5984".into()));
        assert_eq!(board_origin("https://*.forening.dk"), Err(BoardError::BadAddress));
        assert_eq!(board_origin("https://x.dk; script-src *"), Err(BoardError::BadAddress));
        assert_eq!(board_origin("http://tavle.forening.dk"), Err(BoardError::Insecure));
    }

    #[test]
    fn the_security_policy_decides_which_origins_may_be_reached() {
        let page = "https://app.dk";
        assert!(allowed_by_policy("default-src 'self'", page, page));
        assert!(!allowed_by_policy("default-src 'self'", "https://x.dk", page));
        assert!(allowed_by_policy("default-src 'none'; connect-src https://x.dk", "https://x.dk", page));
        assert!(!allowed_by_policy("default-src 'self'; connect-src https://x.dk", page, page));
        assert!(allowed_by_policy("img-src 'self'", "https://x.dk", page));
    }

    #[test]
    fn each_failure_has_its_own_danish_message() {
        assert_eq!(network_failure(false, false), BoardError::Offline);
        assert_eq!(network_failure(true, true), BoardError::Blocked);
        assert_eq!(network_failure(true, false), BoardError::NoAnswer);
        assert_eq!(check_status(401), Err(BoardError::Unauthorized));
        assert_eq!(check_status(403), Err(BoardError::Forbidden));
        assert_eq!(check_status(404), Err(BoardError::NotFound));
        assert_eq!(check_status(500), Err(BoardError::Server(500)));
        let r = |status, body: &str| Response { status, body: body.into() };
        assert_eq!(check_answer(&r(200, r#"{"db_name":"tavle","update_seq":3}"#)), Ok(()));
        assert_eq!(check_answer(&r(200, "<html>")), Err(BoardError::NotCouch));
        assert_eq!(check_answer(&r(200, r#"{"couchdb":"Welcome"}"#)), Err(BoardError::NotCouch));
        let all = [
            BoardError::NoAddress,
            BoardError::BadAddress,
            BoardError::Insecure,
            BoardError::NoLogin,
            BoardError::NotAllowed("https://x.dk".into()),
            BoardError::Offline,
            BoardError::NoAnswer,
            BoardError::Blocked,
            BoardError::Unauthorized,
            BoardError::Forbidden,
            BoardError::NotFound,
            BoardError::NotCouch,
            BoardError::Server(500),
        ];
        let texts: std::collections::BTreeSet<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(texts.len(), all.len(), "every message differs");
        assert!(texts.iter().all(|t| t.ends_with('.') && !t.is_empty()));
    }

    #[test]
    fn a_sequence_is_sent_as_couchdb_wrote_it() {
        let r = changes_request(&json!("12-g1AA+/x"), Some(25_000));
        assert_eq!(r.path, "_changes?limit=500&since=12-g1AA%2B%2Fx&feed=longpoll&timeout=25000");
        assert!(r.waits);
        assert_eq!(changes_request(&json!(7), None).path, "_changes?limit=500&since=7");
    }
}
