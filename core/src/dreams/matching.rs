//! "Hvornår har du tid?": matching a runner's free time, wishes and what
//! they bring (car, wheelchair experience, …) against the dreams, and the
//! board's filters. Pure; the result is ordered by how well the runner suits
//! the dream's needs, then with the soonest deadline first.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::dreams::da as t;
use crate::dreams::dream::{Category, Dream, PartOfDay, Skill, Status};

/// When a runner is free and what they feel like.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Availability {
    /// Free dates, inclusive range (first, last).
    pub from: Option<NaiveDate>,
    /// Last free date.
    pub to: Option<NaiveDate>,
    /// Parts of the day; empty = any.
    pub parts: BTreeSet<PartOfDay>,
    /// Hours free on such a day; `None` = no limit.
    pub hours: Option<f64>,
    /// Categories they feel like; empty = any.
    pub categories: BTreeSet<Category>,
    /// What they bring: car, wheelchair experience, lifting, languages.
    pub brings: BTreeSet<Skill>,
}

/// How a dream's needs meet what the runner brings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suits {
    /// Needs the runner brings.
    pub brings: Vec<Skill>,
    /// Needs the runner did not say they bring.
    pub lacks: Vec<Skill>,
}

/// Which of the dream's needs the runner brings and which not.
pub fn suits(d: &Dream, avail: &Availability) -> Suits {
    let (brings, lacks) = d.skills.iter().cloned().partition(|s| avail.brings.contains(s));
    Suits { brings, lacks }
}

/// Why, in Danish: "Passer godt: du har bil" or "Kræver bil"; `None` when
/// the dream needs nothing in particular.
pub fn why(s: &Suits) -> Option<String> {
    let good: Vec<String> = s.brings.iter().map(t::you_bring).collect();
    let lack: Vec<String> = s.lacks.iter().map(t::it_needs).collect();
    match (good.is_empty(), lack.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("Passer godt: {}", good.join(", "))),
        (true, false) => Some(capitalise(&lack.join(", "))),
        (false, false) => Some(format!("{} – men {}", capitalise(&good.join(", ")), lack.join(", "))),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Why a dream does not fit (for tests and explanations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// Not open (taken, planned, done, cancelled).
    NotOpen,
    /// Past its "svar senest".
    Expired,
    /// A boundary is not confirmed.
    Flagged,
    /// None of the free dates lies in the dream's window.
    Dates,
    /// The dream is only for other parts of the day.
    PartOfDay,
    /// It takes longer than the hours free.
    Hours,
    /// Another category.
    Category,
}

/// The free dates (within `avail`) that lie in the dream's window, from
/// `today` on. A "snarest" dream fits every free date.
fn overlap(d: &Dream, avail: &Availability, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let free_from = avail.from.unwrap_or(today).max(today);
    let free_to = avail.to.or(avail.from).unwrap_or(NaiveDate::MAX);
    let win_from = d.window_from.unwrap_or(NaiveDate::MIN);
    let win_to = d.window_to.unwrap_or(NaiveDate::MAX);
    let a = free_from.max(win_from);
    let b = free_to.min(win_to);
    (a <= b).then_some((a, b))
}

/// Whether a dream fits the runner, or the first reason it does not.
pub fn fit(d: &Dream, avail: &Availability, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), Misfit> {
    if d.meta.deleted || d.status() != Status::Open {
        return Err(Misfit::NotOpen);
    }
    if d.is_expired(today) {
        return Err(Misfit::Expired);
    }
    if d.is_flagged() {
        return Err(Misfit::Flagged);
    }
    if !avail.categories.is_empty() && !avail.categories.contains(&d.category) {
        return Err(Misfit::Category);
    }
    if let Some(h) = avail.hours {
        if d.duration_hours > h + 1e-9 {
            return Err(Misfit::Hours);
        }
    }
    if !avail.parts.is_empty() && !d.times.is_empty() && !d.times.iter().any(|p| avail.parts.contains(p)) {
        return Err(Misfit::PartOfDay);
    }
    overlap(d, avail, today).ok_or(Misfit::Dates)
}

/// Sort key: soonest deadline first ("svar senest", else end of window;
/// none last), then earliest start, then title, then id.
fn order_key(d: &Dream) -> (NaiveDate, NaiveDate, String, String) {
    (
        d.deadline().unwrap_or(NaiveDate::MAX),
        d.window_from.unwrap_or(NaiveDate::MIN),
        d.title.to_lowercase(),
        d.meta.id.to_string(),
    )
}

/// Sorts dreams soonest deadline first.
pub fn sort_by_deadline(dreams: &mut [&Dream]) {
    dreams.sort_by_cached_key(|d| order_key(d));
}

/// The dreams that fit, best suited first: fewest needs the runner lacks,
/// then most needs they bring, then soonest deadline.
pub fn matching<'a>(
    dreams: impl IntoIterator<Item = &'a Dream>,
    avail: &Availability,
    today: NaiveDate,
) -> Vec<&'a Dream> {
    let mut v: Vec<&Dream> = dreams.into_iter().filter(|d| fit(d, avail, today).is_ok()).collect();
    rank(&mut v, avail);
    v
}

/// Orders dreams best suited first (see [`matching`]).
pub fn rank(dreams: &mut [&Dream], avail: &Availability) {
    dreams.sort_by_cached_key(|d| {
        let s = suits(d, avail);
        (s.lacks.len(), std::cmp::Reverse(s.brings.len()), order_key(d))
    });
}

/// The board's list filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Municipality (exact, case-insensitive); empty = all.
    pub municipality: String,
    /// Category; `None` = all.
    pub category: Option<Category>,
    /// Status; `None` = all except cancelled.
    pub status: Option<Status>,
}

/// True when a dream passes the list filters.
pub fn passes(d: &Dream, f: &Filter) -> bool {
    if d.meta.deleted {
        return false;
    }
    if !f.municipality.trim().is_empty() && d.municipality.trim().to_lowercase() != f.municipality.trim().to_lowercase()
    {
        return false;
    }
    if f.category.is_some_and(|c| c != d.category) {
        return false;
    }
    match f.status {
        Some(s) => d.status() == s,
        None => d.status() != Status::Cancelled,
    }
}

/// The municipalities in use, sorted, for the filter's choices.
pub fn municipalities<'a>(dreams: impl IntoIterator<Item = &'a Dream>) -> Vec<String> {
    let set: BTreeSet<String> = dreams
        .into_iter()
        .filter(|d| !d.meta.deleted)
        .map(|d| d.municipality.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect();
    set.into_iter().collect()
}
