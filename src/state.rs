//! App state shared through context: the data, settings and notices. Actions
//! call the pure core; one effect persists the data; other tabs' changes are
//! merged in. The records load asynchronously (IndexedDB): until they are in,
//! `loaded` is false, the pages say so, and nothing is saved.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::{self, SaveError};
use tid_og_lyst_core::da;
use tid_og_lyst_core::dreams::privacy::erase_due;
use tid_og_lyst_core::record::merge::{Collection, Record};
use tid_og_lyst_core::record::meta::{format_millis, Clock, DeviceId, Meta, Millis, RecordId, Rev};
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
    /// "Delt tablet": an IT café's or a library's tablet, cleared for the
    /// next person (`ui::shared_tablet`); `None` on a person's own device.
    #[serde(default)]
    pub shared_tablet: Option<SharedTablet>,
}

/// The shared tablet's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedTablet {
    /// Minutes without a touch before "Er du her stadig?".
    pub idle_minutes: u8,
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
    /// The label of the button that downloads it.
    pub download_label: &'static str,
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
    /// The import whose records are being written, until they all are.
    import: StoredValue<Option<Import>>,
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
            import: StoredValue::new(None),
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
                    self.after_save::<K>(result);
                    if !self.save_again.get_value() {
                        break;
                    }
                }
                // What a full storage did not take is in memory only:
                // leaving the page still asks first.
                self.pending.set_value(self.storage_full.get_untracked());
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

    fn after_save<K: Kinds>(self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                if self.storage_full.get_untracked() {
                    self.storage_full.set(false);
                }
                // Written once every record of it is (a round that ended
                // before the import's was not its).
                let done = self.import.with_value(|i| {
                    i.as_ref().is_some_and(|i| {
                        self.data.with_untracked(|d| storage::not_kept::<K>(d, &i.ids)).iter().all(Vec::is_empty)
                    })
                });
                if done {
                    self.import.set_value(None);
                }
            }
            Err(SaveError::Full) => {
                let first = !self.storage_full.get_untracked();
                if first {
                    self.storage_full.set(true);
                }
                match self.import.try_update_value(Option::take).flatten() {
                    // How much of the import was kept, in place of its own message.
                    Some(import) => self.report_kept::<K>(import),
                    None if first => self.notify(NoticeKind::Error, da::storage::FULL),
                    None => {}
                }
            }
            Err(SaveError::Unavailable) => {}
        }
    }

    /// An import ran into a full storage: "1.000 af 5.219 aktiviteter er
    /// gemt" replaces its own message, with the records not kept as a file
    /// (they are still in memory).
    fn report_kept<K: Kinds>(self, import: Import) {
        let (text, rest) = self.data.with_untracked(|d| {
            let [dreams, activities, assessments] = storage::not_kept::<K>(d, &import.ids);
            let counts = [&dreams, &activities, &assessments]
                .iter()
                .zip(&import.ids)
                .map(|(lost, all)| (all.len() - lost.len(), all.len()))
                .collect::<Vec<_>>();
            fn pick<R: Record>(c: &Collection<R>, ids: &[RecordId]) -> Collection<R> {
                ids.iter().filter_map(|id| c.get(id).map(|r| (*id, r.clone()))).collect()
            }
            let rest = AppData {
                dreams: pick(&d.dreams, &dreams),
                activities: pick(&d.activities, &activities),
                assessments: pick(&d.assessments, &assessments),
            };
            (da::kept::kept([counts[0], counts[1], counts[2]]), rest)
        });
        let t = now();
        let file = format!("{}-{}.json", da::kept::FILE_STEM, &format_millis(t)[..10]);
        let content = tid_og_lyst_core::sync::wire::export_json_of::<K>(&rest, &self.device(), t);
        match import.shown {
            Shown::Notice(id) => self.dismiss(id),
            Shown::Line(Some(line)) => {
                line.try_set(Some(text.clone()));
            }
            Shown::Line(None) => {}
        }
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let notice = Notice {
            id,
            kind: NoticeKind::Error,
            text: format!("{text} {}", da::kept::FULL),
            download: Some((file, content)),
            download_label: da::kept::DOWNLOAD,
            action: None,
        };
        self.notices.update(|n| n.push(notice));
    }

    /// Follows the writing of records an import brought (`incoming`'s ids):
    /// its message `text` shows as a notice now, and is replaced by how much
    /// was kept if the storage runs full.
    pub fn notify_imported(&self, incoming: &AppData, text: String) {
        let id = self.next_notice.get_value();
        self.notify(NoticeKind::Info, text);
        self.import.set_value(Some(Import { ids: Import::ids_of(incoming), shown: Shown::Notice(id) }));
    }

    /// [`notify_imported`](Self::notify_imported) for a page that shows the
    /// import's message in a line of its own, `line` (if any).
    pub fn watch_imported(&self, incoming: &AppData, line: Option<WriteSignal<Option<String>>>) {
        self.import.set_value(Some(Import { ids: Import::ids_of(incoming), shown: Shown::Line(line) }));
    }

    /// Resolves once no records are being written (what changed before the
    /// call included); false when the storage was full.
    pub async fn written(&self) -> bool {
        // The saving effect starts in the turn after a change.
        crate::slices::next_turn().await;
        while self.is_saving() {
            crate::slices::sleep(20).await;
        }
        !self.storage_full.get_untracked()
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
            // Nothing is written from now on (not even what the clearing
            // tab writes, joined back in here); the forside (the app's base
            // address) holds no records.
            storage::idb::FromOtherTab::VisitOver => {
                self.loaded.set(false);
                self.let_go_unsaved();
                let front = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
                if let Some(front) = front {
                    let _ = web_sys::window().map(|w| w.location().replace(&front));
                }
            }
        });
    }

    /// True while records are being written.
    pub fn is_saving(&self) -> bool {
        self.saving.try_get_value().unwrap_or(false)
    }

    /// Gives this device a new id, its clock past every stamp in the data:
    /// after a visit on a shared tablet, nothing made before counts as
    /// this device's ("Mine drømme" is empty for the next person).
    pub fn renew_device(&self) {
        let mut c = Clock::new(crate::ids::new_device());
        self.data.with_untracked(|d| d.observe_into(&mut c));
        let _ = storage::save(storage::KEY_CLOCK, &c);
        self.clock.set_value(c);
    }

    /// Leaving the page no longer asks first: what is not written yet is
    /// meant to go (the shared tablet is being cleared).
    pub fn let_go_unsaved(&self) {
        self.pending.set_value(false);
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
        let download_label = da::storage::DOWNLOAD_CORRUPT;
        self.notices.update(|n| n.push(Notice { id, kind, text, download, download_label, action: None }));
    }

    /// Shows a message with an action button.
    pub fn push_action(&self, kind: NoticeKind, text: String, label: &'static str, action: fn()) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|n| {
            let download_label = da::storage::DOWNLOAD_CORRUPT;
            n.push(Notice { id, kind, text, download: None, download_label, action: Some((label, action)) })
        });
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

/// An import whose records are being written.
struct Import {
    /// Its records' ids per kind (dreams, activities, workshops).
    ids: [Vec<RecordId>; 3],
    /// Where its own message shows.
    shown: Shown,
}

/// Where an import's own message shows.
enum Shown {
    /// As this notice.
    Notice(u32),
    /// In this line of its page (or in none).
    Line(Option<WriteSignal<Option<String>>>),
}

impl Import {
    fn ids_of(d: &AppData) -> [Vec<RecordId>; 3] {
        [
            d.dreams.keys().copied().collect(),
            d.activities.keys().copied().collect(),
            d.assessments.keys().copied().collect(),
        ]
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
