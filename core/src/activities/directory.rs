//! The directory as the list page sees it: the shipped catalogue with the
//! user's own records laid over it by id, each entry prepared once (folded
//! search text, next meeting) and sorted by next meeting; and the filters,
//! which read from and write to the page's URL query.
//!
//! A keystroke costs one search over the prepared [`Directory`]: the other
//! filters compare fields, the words are found in the folded texts laid end
//! to end ([`Haystack`]), and the result is a list of entry numbers in the
//! prepared order; nothing is cloned, folded or sorted again.

use std::collections::{HashMap, HashSet};

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Weekday};

use crate::activities::activity::{parse_weekday, Activity};
use crate::activities::schedule::{monday_of, DayPart, Occurrence};
use crate::activities::trust::confirmed_within_year;
use crate::record::merge::{pick_newer, Collection};
use crate::record::meta::{Millis, RecordId};
use crate::text::dates::to_local;
use crate::text::search::{fold, letters, Haystack, Lexicon, Query};

/// One activity prepared for sorting and showing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The activity.
    pub activity: Activity,
    /// Its next meeting from the time the directory was built.
    pub next: Option<Occurrence>,
}

/// The entries sorted by next meeting (it derefs to the slice of them) and
/// their search texts, folded once, in the same order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    entries: Vec<Entry>,
    texts: Haystack,
}

impl std::ops::Deref for Directory {
    type Target = [Entry];
    fn deref(&self) -> &[Entry] {
        &self.entries
    }
}

impl Directory {
    /// The folded search text of entry `i`.
    pub fn folded(&self, i: usize) -> &str {
        self.texts.get(i)
    }

    /// The numbers of the entries that pass the filters, in order: of all
    /// entries, or of those in `within` (a result of an earlier search,
    /// when the new filters can only narrow it; see [`refines`]).
    pub fn search(&self, f: &Filters, now: Millis, favourites: &HashSet<RecordId>, within: Option<&[u32]>) -> Vec<u32> {
        let m = Matcher::new(f, now, favourites);
        if m.passes_all() {
            return self.texts.search(&m.query, within);
        }
        let passed: Vec<u32> = match within {
            Some(list) => list.iter().copied().filter(|i| m.passes(&self.entries[*i as usize])).collect(),
            None => (0..self.entries.len() as u32).filter(|i| m.passes(&self.entries[*i as usize])).collect(),
        };
        if m.query.is_empty() {
            return passed;
        }
        self.texts.search(&m.query, Some(&passed))
    }
}

/// The catalogue with the user's records laid over it: a user record
/// replaces the catalogue one with the same id when it is newer (a newer
/// tombstone hides it); the rest are added. Deleted records are left out.
pub fn combine(catalogue: &[Activity], own: &Collection<Activity>) -> Vec<Activity> {
    let mut by_id: BTreeMap<RecordId, &Activity> = BTreeMap::new();
    for a in catalogue {
        let winner = match by_id.get(&a.meta.id) {
            Some(b) => pick_newer(a, *b),
            None => a,
        };
        by_id.insert(a.meta.id, winner);
    }
    for a in own.values() {
        let winner = match by_id.get(&a.meta.id) {
            Some(b) => pick_newer(a, *b),
            None => a,
        };
        by_id.insert(a.meta.id, winner);
    }
    by_id.into_values().filter(|a| !a.meta.deleted).cloned().collect()
}

/// Prepares and sorts entries: the soonest next meeting first, those without
/// one ("efter aftale", all dates past) last, then by title.
pub fn build(activities: Vec<Activity>, now: Millis) -> Directory {
    let mut entries: Vec<Entry> =
        activities.into_iter().map(|a| Entry { next: a.schedule.next_occurrence(now), activity: a }).collect();
    entries.sort_by(|a, b| {
        let ka = a.next.map(|o| o.start_utc).unwrap_or(i64::MAX);
        let kb = b.next.map(|o| o.start_utc).unwrap_or(i64::MAX);
        ka.cmp(&kb).then_with(|| a.activity.title.cmp(&b.activity.title))
    });
    let mut texts = Haystack::new();
    for e in &entries {
        texts.push(&e.activity.search_text());
    }
    Directory { entries, texts }
}

/// A [`Directory`] built a few activities at a time, so a caller can spread
/// the work of 50,000 over many short turns: [`Builder::add`] the catalogue,
/// then the user's records (each laid over an earlier one with the same id
/// when newer, as [`combine`] does), then [`Builder::finish`]. The result is
/// the same as `build(combine(catalogue, own), now)`.
#[derive(Debug)]
pub struct Builder {
    now: Millis,
    at: HashMap<RecordId, usize>,
    items: Vec<Prepared>,
    lexicon: Lexicon,
}

/// One activity with what the directory needs of it, worked out once.
#[derive(Debug)]
struct Prepared {
    activity: Activity,
    next: Option<Occurrence>,
    folded: String,
    /// The set of its folded text's bytes.
    letters: u64,
    /// The numbers of its distinct words in the builder's lexicon.
    words: Vec<u32>,
}

impl Prepared {
    fn of(a: &Activity, now: Millis, lexicon: &mut Lexicon) -> Prepared {
        if a.meta.deleted {
            // A tombstone only hides older versions; it is never shown.
            let (folded, letters, words) = (String::new(), 0, Vec::new());
            return Prepared { activity: a.clone(), next: None, folded, letters, words };
        }
        let folded = fold(&a.search_text());
        let letters = letters(folded.as_bytes());
        let words = lexicon.words_of(&folded);
        Prepared { activity: a.clone(), next: a.schedule.next_occurrence(now), folded, letters, words }
    }

    fn start(&self) -> i64 {
        self.next.map(|o| o.start_utc).unwrap_or(i64::MAX)
    }
}

impl Builder {
    /// An empty builder; next meetings are counted from `now`.
    pub fn new(now: Millis) -> Builder {
        Builder { now, at: HashMap::new(), items: Vec::new(), lexicon: Lexicon::new() }
    }

    /// How many activities (tombstones included) it holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds one activity, or lays it over the one with its id added before
    /// when it is the newer ([`pick_newer`]).
    pub fn add(&mut self, a: &Activity) {
        match self.at.get(&a.meta.id) {
            Some(&i) => {
                if std::ptr::eq(pick_newer(a, &self.items[i].activity), a) && self.items[i].activity != *a {
                    self.items[i] = Prepared::of(a, self.now, &mut self.lexicon);
                }
            }
            None => {
                self.at.insert(a.meta.id, self.items.len());
                self.items.push(Prepared::of(a, self.now, &mut self.lexicon));
            }
        }
    }

    /// The directory: the live activities sorted by next meeting, then
    /// title, then id.
    pub fn finish(self) -> Directory {
        let Builder { items: all, lexicon, .. } = self;
        let items = &all;
        // Sorted as compact keys side by side (not through the items).
        let mut keys: Vec<(i64, &str, RecordId, u32)> = items
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.activity.meta.deleted)
            .map(|(i, p)| (p.start(), p.activity.title.as_str(), p.activity.meta.id, i as u32))
            .collect();
        keys.sort();
        let order: Vec<u32> = keys.into_iter().map(|k| k.3).collect();
        let mut texts = Haystack::with_lexicon(lexicon);
        texts.reserve(order.len(), order.iter().map(|i| items[*i as usize].folded.len()).sum());
        for i in &order {
            let p = &items[*i as usize];
            texts.push_words(&p.folded, p.letters, &p.words);
        }
        let mut slots: Vec<Option<Prepared>> = all.into_iter().map(Some).collect();
        let mut entries = Vec::with_capacity(order.len());
        for i in order {
            if let Some(p) = slots[i as usize].take() {
                entries.push(Entry { activity: p.activity, next: p.next });
            }
        }
        Directory { entries, texts }
    }
}

/// "I dag" or "Denne uge".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Meets later today (or is going on).
    Today,
    /// Meets before the end of this Sunday.
    ThisWeek,
}

/// The filters of the list page, as they stand in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Search text as typed.
    pub q: String,
    /// Municipality.
    pub municipality: String,
    /// Category key.
    pub category: String,
    /// Weekday.
    pub weekday: Option<Weekday>,
    /// Part of day.
    pub daypart: Option<DayPart>,
    /// Free only.
    pub free: bool,
    /// Wheelchair-friendly only.
    pub wheelchair: bool,
    /// Transport only.
    pub transport: bool,
    /// Confirmed within a year only ("Bekræftet inden for et år").
    pub confirmed: bool,
    /// Quick filter.
    pub when: Option<When>,
    /// Favourites only.
    pub mine: bool,
    /// A place for the week programme (address, town).
    pub place: String,
}

/// URL query keys.
pub mod keys {
    /// Search.
    pub const Q: &str = "q";
    /// Municipality.
    pub const MUNICIPALITY: &str = "kommune";
    /// Category.
    pub const CATEGORY: &str = "kategori";
    /// Weekday.
    pub const WEEKDAY: &str = "ugedag";
    /// Part of day.
    pub const DAYPART: &str = "tid";
    /// Free.
    pub const FREE: &str = "gratis";
    /// Wheelchair.
    pub const WHEELCHAIR: &str = "koerestol";
    /// Transport.
    pub const TRANSPORT: &str = "transport";
    /// Confirmed within a year.
    pub const CONFIRMED: &str = "bekraeftet";
    /// Quick filter.
    pub const WHEN: &str = "hvornaar";
    /// Favourites.
    pub const MINE: &str = "mine";
    /// Place (week programme).
    pub const PLACE: &str = "sted";
}

/// Part-of-day URL/select keys.
pub fn daypart_key(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "formiddag",
        DayPart::Afternoon => "eftermiddag",
        DayPart::Evening => "aften",
    }
}

/// Part of day from its key.
pub fn daypart_from(key: &str) -> Option<DayPart> {
    match key {
        "formiddag" => Some(DayPart::Morning),
        "eftermiddag" => Some(DayPart::Afternoon),
        "aften" => Some(DayPart::Evening),
        _ => None,
    }
}

impl Filters {
    /// Reads filters from query pairs (unknown keys and values are ignored).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
        let flag = |k: &str| get(k).is_some_and(|v| v == "1" || v == "ja");
        Filters {
            q: get(keys::Q).unwrap_or_default(),
            municipality: get(keys::MUNICIPALITY).unwrap_or_default(),
            category: get(keys::CATEGORY).unwrap_or_default(),
            weekday: get(keys::WEEKDAY).and_then(|v| parse_weekday(&v)),
            daypart: get(keys::DAYPART).and_then(|v| daypart_from(&v)),
            free: flag(keys::FREE),
            wheelchair: flag(keys::WHEELCHAIR),
            transport: flag(keys::TRANSPORT),
            confirmed: flag(keys::CONFIRMED),
            when: match get(keys::WHEN).as_deref() {
                Some("i-dag") => Some(When::Today),
                Some("denne-uge") => Some(When::ThisWeek),
                _ => None,
            },
            mine: flag(keys::MINE),
            place: get(keys::PLACE).unwrap_or_default(),
        }
    }

    /// The query pairs of these filters (empty ones left out).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut put = |k: &'static str, v: String| {
            if !v.is_empty() {
                out.push((k, v));
            }
        };
        put(keys::Q, self.q.clone());
        put(keys::MUNICIPALITY, self.municipality.clone());
        put(keys::CATEGORY, self.category.clone());
        put(
            keys::WEEKDAY,
            self.weekday.map(|d| crate::activities::schedule::weekday_name(d).to_string()).unwrap_or_default(),
        );
        put(keys::DAYPART, self.daypart.map(|p| daypart_key(p).to_string()).unwrap_or_default());
        let flag = |b: bool| if b { "1".to_string() } else { String::new() };
        put(keys::FREE, flag(self.free));
        put(keys::WHEELCHAIR, flag(self.wheelchair));
        put(keys::TRANSPORT, flag(self.transport));
        put(keys::CONFIRMED, flag(self.confirmed));
        put(
            keys::WHEN,
            match self.when {
                Some(When::Today) => "i-dag".into(),
                Some(When::ThisWeek) => "denne-uge".into(),
                None => String::new(),
            },
        );
        put(keys::MINE, flag(self.mine));
        put(keys::PLACE, self.place.clone());
        out
    }

    /// True when no filter or search is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// True when every entry that passes `new` also passes `old`: the same
/// filters and a search that only grew at the end ("demen" → "demens").
/// Then the list can be narrowed from the last result instead of scanning
/// the whole directory again.
pub fn refines(old: &Filters, new: &Filters) -> bool {
    let same_rest = Filters { q: String::new(), ..old.clone() } == Filters { q: String::new(), ..new.clone() };
    same_rest && fold(&new.q).starts_with(&fold(&old.q))
}

/// Filters compiled for one pass over the entries: the search words, and
/// the other filters, which compare fields of each entry.
pub struct Matcher<'a> {
    f: &'a Filters,
    query: Query,
    today: NaiveDate,
    sunday: NaiveDate,
    favourites: &'a HashSet<RecordId>,
}

impl<'a> Matcher<'a> {
    /// Prepares filters at time `now`.
    pub fn new(f: &'a Filters, now: Millis, favourites: &'a HashSet<RecordId>) -> Self {
        let today = to_local(now).date();
        Matcher { f, query: Query::new(&f.q), today, sunday: monday_of(today) + Duration::days(6), favourites }
    }

    /// True when every entry passes the filters other than the search.
    pub fn passes_all(&self) -> bool {
        Filters { q: String::new(), ..self.f.clone() }.is_empty()
    }

    /// True when the entry passes every filter, its folded text the search.
    pub fn matches(&self, e: &Entry, folded: &str) -> bool {
        self.passes(e) && self.query.matches(folded)
    }

    /// True when the entry passes the filters other than the search.
    pub fn passes(&self, e: &Entry) -> bool {
        let a = &e.activity;
        let f = self.f;
        (f.municipality.is_empty() || a.municipality == f.municipality)
            && (f.category.is_empty() || a.category.key() == f.category)
            && f.weekday.is_none_or(|d| a.schedule.on_weekday(d))
            && f.daypart.is_none_or(|p| a.schedule.times().is_some_and(|(s, _)| DayPart::of(s) == p))
            && (!f.free || a.is_free())
            && (!f.wheelchair || a.access.wheelchair)
            && (!f.transport || a.access.transport)
            && (!f.confirmed || confirmed_within_year(a, self.today))
            && (!f.mine || self.favourites.contains(&a.meta.id))
            && (f.place.is_empty() || a.place() == f.place)
            && match f.when {
                None => true,
                Some(When::Today) => e.next.is_some_and(|o| o.date == self.today),
                Some(When::ThisWeek) => e.next.is_some_and(|o| o.date <= self.sunday),
            }
    }
}

/// The numbers of the entries that match, in order.
pub fn filter(dir: &Directory, f: &Filters, now: Millis, favourites: &HashSet<RecordId>) -> Vec<u32> {
    dir.search(f, now, favourites, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::activity::Draft;
    use crate::record::meta::{Clock, DeviceId, Meta};
    use chrono::{TimeZone, Utc};

    fn act(clock: &mut Clock, title: &str, kommune: &str, days: [bool; 7], start: &str) -> Activity {
        let d = Draft {
            title: title.into(),
            municipality: kommune.into(),
            category: "demens".into(),
            days,
            start: start.into(),
            end: "23.00".into(),
            ..Draft::default()
        };
        d.build(Meta::new(crate::record::meta::test_id(), clock, 1_000), Default::default()).unwrap()
    }

    fn now() -> Millis {
        // Wednesday 25 Nov 2026 09.00 local.
        Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap().timestamp_millis()
    }

    const MON: [bool; 7] = [true, false, false, false, false, false, false];
    const WED: [bool; 7] = [false, false, true, false, false, false, false];
    const FRI: [bool; 7] = [false, false, false, false, true, false, false];

    #[test]
    fn sorted_by_next_meeting_and_filtered() {
        let mut c = Clock::new(DeviceId("x".into()));
        let list = vec![
            act(&mut c, "Mandagscafé", "Assens", MON, "10.00"),
            act(&mut c, "Demenscafé onsdag", "Assens", WED, "18.00"),
            act(&mut c, "Fredagsdans", "Brønderslev", FRI, "14.00"),
        ];
        let entries = build(list, now());
        let titles: Vec<&str> = entries.iter().map(|e| e.activity.title.as_str()).collect();
        assert_eq!(titles, ["Demenscafé onsdag", "Fredagsdans", "Mandagscafé"]);
        let none = HashSet::new();
        let f = |f: Filters| filter(&entries, &f, now(), &none);
        assert_eq!(f(Filters { when: Some(When::Today), ..Default::default() }), vec![0]);
        assert_eq!(f(Filters { when: Some(When::ThisWeek), ..Default::default() }), vec![0, 1]);
        assert_eq!(f(Filters { municipality: "Assens".into(), ..Default::default() }), vec![0, 2]);
        assert_eq!(f(Filters { q: "DEMENSCAFE".into(), ..Default::default() }), vec![0]);
        assert_eq!(f(Filters { daypart: Some(DayPart::Evening), ..Default::default() }), vec![0]);
        assert_eq!(f(Filters { weekday: Some(Weekday::Fri), ..Default::default() }), vec![1]);
        assert_eq!(f(Filters { q: "broenderslev dans".into(), ..Default::default() }), vec![1]);
        let fav: HashSet<RecordId> = [entries[2].activity.meta.id].into();
        assert_eq!(filter(&entries, &Filters { mine: true, ..Default::default() }, now(), &fav), vec![2]);
        // Search and other filters together, over all or within a result.
        let g = Filters { q: "cafe".into(), municipality: "Assens".into(), ..Default::default() };
        assert_eq!(f(g.clone()), vec![0, 2]);
        assert_eq!(entries.search(&g, now(), &none, Some(&[1, 2])), vec![2]);
        assert_eq!(entries.search(&Filters { q: "fredag".into(), ..g }, now(), &none, None), Vec::<u32>::new());
        assert!(entries.folded(1).starts_with("fredagsdans ") && entries.folded(1).contains(" broenderslev "));
    }

    #[test]
    fn own_records_overlay_the_catalogue() {
        let mut c = Clock::new(DeviceId("x".into()));
        let cat = vec![act(&mut c, "A", "Assens", MON, "10.00"), act(&mut c, "B", "Assens", MON, "10.00")];
        let mut edited = cat[0].clone();
        edited.title = "A rettet".into();
        edited.meta.rev = c.tick(2_000);
        let mut gone = cat[1].clone();
        gone.meta.deleted = true;
        gone.meta.rev = c.tick(3_000);
        let mine = act(&mut c, "C", "Assens", MON, "10.00");
        let own = crate::record::merge::collect(vec![edited, gone, mine]);
        let mut titles: Vec<String> = combine(&cat, &own).into_iter().map(|a| a.title).collect();
        titles.sort();
        assert_eq!(titles, ["A rettet", "C"]);
    }

    #[test]
    fn a_directory_built_a_few_at_a_time_is_the_one_built_at_once() {
        let mut c = Clock::new(DeviceId("x".into()));
        // Same times and titles (the id decides), a catalogue duplicate, an
        // edit, a newer tombstone, an older edit that loses, a new record.
        let mut cat = vec![
            act(&mut c, "Dans", "Assens", MON, "10.00"),
            act(&mut c, "Dans", "Assens", MON, "10.00"),
            act(&mut c, "Dans", "Roskilde", MON, "10.00"),
            act(&mut c, "Strik", "Assens", WED, "18.00"),
        ];
        let mut by_agreement = act(&mut c, "Efter aftale", "Assens", MON, "10.00");
        by_agreement.schedule = crate::activities::schedule::Schedule::ByAgreement;
        cat.push(by_agreement);
        let mut dup = cat[3].clone();
        dup.title = "Strik og snak".into();
        dup.meta.rev = c.tick(1_500);
        cat.push(dup);
        let mut edited = cat[0].clone();
        edited.title = "Dans rettet".into();
        edited.meta.rev = c.tick(2_000);
        let mut gone = cat[1].clone();
        gone.meta.deleted = true;
        gone.meta.rev = c.tick(3_000);
        let mut older = cat[2].clone();
        older.title = "Gammel".into();
        older.meta.rev.at = 0;
        let own = crate::record::merge::collect(vec![edited, gone, older, act(&mut c, "Dans", "Assens", MON, "10.00")]);
        let mut b = Builder::new(now());
        for a in cat.iter().chain(own.values()) {
            b.add(a);
        }
        assert_eq!(b.len(), 6);
        let built = b.finish();
        let at_once = build(combine(&cat, &own), now());
        assert_eq!(built, at_once);
        // The builder's lexicon also saw the words of the version that was
        // replaced; searches still find the same.
        let none = HashSet::new();
        for q in ["", "strik", "rettet", "dans", "gammel", "an", "s", "dans rettet", "xyz"] {
            let f = Filters { q: q.into(), ..Default::default() };
            assert_eq!(built.search(&f, now(), &none, None), at_once.search(&f, now(), &none, None), "{q}");
        }
        assert!(built.search(&Filters { q: "gammel".into(), ..Default::default() }, now(), &none, None).is_empty());
        let titles: Vec<&str> = built.iter().map(|e| e.activity.title.as_str()).collect();
        assert_eq!(titles.len(), 5);
        assert!(titles.contains(&"Dans rettet") && titles.contains(&"Strik og snak") && !titles.contains(&"Gammel"));
        assert_eq!(titles.last(), Some(&"Efter aftale"));
        assert!(built.folded(0).starts_with("strik og snak "));
        assert!(Builder::new(now()).finish().is_empty());
    }

    #[test]
    fn narrowing_is_only_allowed_when_the_result_can_only_shrink() {
        let f = |q: &str| Filters { q: q.into(), ..Default::default() };
        assert!(refines(&f("demen"), &f("demens")));
        assert!(refines(&f("it caf"), &f("IT-café")));
        assert!(refines(&f(""), &f("a")));
        assert!(!refines(&f("demens"), &f("demen")));
        assert!(!refines(&f("cafe"), &f("it cafe")));
        let g = Filters { municipality: "Assens".into(), ..f("demens") };
        assert!(!refines(&f("demen"), &g));
        // The property behind it: narrowing gives the same result as a full scan.
        let mut c = Clock::new(DeviceId("x".into()));
        let entries = build(
            vec![
                act(&mut c, "Demenscafé", "Assens", MON, "10.00"),
                act(&mut c, "Dans", "Assens", MON, "10.00"),
                act(&mut c, "Demens dans", "Roskilde", WED, "10.00"),
            ],
            now(),
        );
        let none = HashSet::new();
        let mut last = filter(&entries, &f(""), now(), &none);
        let mut prev = f("");
        for q in ["d", "de", "dem", "demens", "demens d", "demens dans"] {
            let next = f(q);
            assert!(refines(&prev, &next));
            let m = Matcher::new(&next, now(), &none);
            let naive: Vec<u32> = (0..entries.len() as u32)
                .filter(|i| m.matches(&entries[*i as usize], entries.folded(*i as usize)))
                .collect();
            let narrowed = entries.search(&next, now(), &none, Some(&last));
            assert_eq!(narrowed, filter(&entries, &next, now(), &none), "{q}");
            assert_eq!(narrowed, naive, "{q}");
            last = narrowed;
            prev = next;
        }
    }

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = Filters {
            q: "demens café".into(),
            municipality: "Assens".into(),
            category: "demens".into(),
            weekday: Some(Weekday::Thu),
            daypart: Some(DayPart::Morning),
            free: true,
            wheelchair: true,
            transport: true,
            confirmed: true,
            when: Some(When::ThisWeek),
            mine: true,
            place: "Bytorvet 1, Glamsbjerg".into(),
        };
        let q = f.to_query();
        let back = Filters::from_query(|k| q.iter().find(|(kk, _)| *kk == k).map(|(_, v)| v.clone()));
        assert_eq!(back, f);
        assert!(Filters::from_query(|_| None).is_empty());
    }
}
