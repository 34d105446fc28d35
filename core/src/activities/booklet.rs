//! The A5 booklet of the activities a search shows, to take home: what each
//! entry says (short enough for a quarter of an A5 page), how many entries a
//! page holds at each text size (A, A+, A++), the pages (a cover, the
//! entries, notes, a back cover) and how they are laid on A4 sheets, two A5
//! pages to a side: as a folded booklet (printed on both sides, flipped on
//! the short edge, folded in the middle) or as single pages in order (one
//! side, cut in the middle).

use chrono::NaiveDate;

use crate::activities::activity::Activity;
use crate::activities::da::{self as t, booklet as b};
use crate::activities::directory::{daypart_key, Filters, When};
use crate::activities::schedule::{format_occurrence, weekday_name, Occurrence};
use crate::activities::trust::confirmation;
use crate::text::upper_first;

/// What one entry of the booklet says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Title.
    pub title: String,
    /// "Næste gang: tirsdag 8. dec. kl. 10.00" and the rule ("Hver tirsdag …").
    pub when: Vec<String>,
    /// "Bytorvet 1, Glamsbjerg (Assens Kommune)".
    pub place: String,
    /// "Gratis" or "25 kr.", and "Kom som du er" when it is.
    pub price: String,
    /// Organiser, contact person and phone or e-mail.
    pub contact: String,
    /// The description, cut at a word to fit.
    pub text: String,
    /// "Ikke bekræftet siden …" when stale.
    pub badge: Option<String>,
}

/// Characters of description an entry keeps at each text size.
const TEXT_CHARS: [usize; 3] = [170, 120, 90];

/// `text` cut at a word before `max` characters, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// The entry of `a` (next meeting `next`) on `today`, at text size `size`
/// (0 = A, 1 = A+, 2 = A++).
pub fn entry(a: &Activity, next: Option<&Occurrence>, today: NaiveDate, size: u8) -> Entry {
    let mut when = Vec::new();
    if let Some(o) = next {
        when.push(t::next_time(&format_occurrence(o)));
    }
    when.push(a.schedule.describe());
    let mut price = match a.price_dkk.filter(|p| *p > 0.0) {
        Some(p) => t::price(p),
        None => t::FREE.to_string(),
    };
    if a.drop_in {
        price.push_str(" · ");
        price.push_str(t::DROP_IN);
    }
    let c = &a.contact;
    let reach = if !c.phone.trim().is_empty() { c.phone.trim() } else { c.email.trim() };
    let contact = [a.organizer.trim(), c.name.trim(), reach].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    Entry {
        title: a.title.clone(),
        when,
        place: format!("{} ({})", a.place(), t::hsds::municipality(&a.municipality)),
        price,
        contact: contact.join(" · "),
        text: shorten(&a.description, TEXT_CHARS[usize::from(size.min(2))]),
        badge: confirmation(a, today).badge(),
    }
}

/// Entries on one A5 page at text size `size`.
pub fn per_page(size: u8) -> usize {
    match size {
        0 => 3,
        1 => 2,
        _ => 1,
    }
}

/// One A5 page of the booklet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The cover: heading, what was searched, the date, how to scan.
    Cover,
    /// Entries `from..to` of the list.
    Entries(usize, usize),
    /// A page for notes (filling the booklet to whole sheets).
    Notes,
    /// The back cover.
    Back,
}

/// How the pages go on paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A folded booklet: both sides of each sheet, pages imposed so the
    /// folded stack reads 1, 2, 3, …
    Folded,
    /// Single pages in order, two to a side, one side of each sheet.
    Single,
}

/// The pages for `n` entries at `per` a page: the cover, the entries, notes
/// up to a whole number of sheet sides (4 pages a sheet when folded, 2 a
/// side when single), and the back cover last.
pub fn pages(n: usize, per: usize, layout: Layout) -> Vec<Page> {
    let per = per.max(1);
    let mut out = vec![Page::Cover];
    let mut from = 0;
    while from < n {
        let to = (from + per).min(n);
        out.push(Page::Entries(from, to));
        from = to;
    }
    let unit = match layout {
        Layout::Folded => 4,
        Layout::Single => 2,
    };
    while !(out.len() + 1).is_multiple_of(unit) {
        out.push(Page::Notes);
    }
    out.push(Page::Back);
    out
}

/// The sides to print, in order, each the numbers (0-based) of its left and
/// right A5 page, for `count` pages (a multiple of 4 when folded, of 2 when
/// single). Folded: sheet `i`'s front holds the pages `count-1-2i` and `2i`,
/// its back `2i+1` and `count-2-2i`, so the stack, flipped on the short edge
/// and folded, reads in order.
pub fn sides(count: usize, layout: Layout) -> Vec<(usize, usize)> {
    match layout {
        Layout::Single => (0..count / 2).map(|i| (2 * i, 2 * i + 1)).collect(),
        Layout::Folded => {
            (0..count / 4).flat_map(|i| [(count - 1 - 2 * i, 2 * i), (2 * i + 1, count - 2 - 2 * i)]).collect()
        }
    }
}

/// The search as a line on the cover: "«demens» · Assens · Demens · …", or
/// "" for no filter.
pub fn describe(f: &Filters) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !f.q.trim().is_empty() {
        parts.push(format!("«{}»", f.q.trim()));
    }
    if !f.municipality.is_empty() {
        parts.push(t::hsds::municipality(&f.municipality));
    }
    if let Some((_, name)) = t::CATEGORIES.iter().find(|(k, _)| *k == f.category) {
        parts.push((*name).to_string());
    }
    if let Some(d) = f.weekday {
        parts.push(upper_first(weekday_name(d)));
    }
    if let Some(p) = f.daypart {
        if let Some((_, name)) = t::DAYPARTS.iter().find(|(k, _)| *k == daypart_key(p)) {
            parts.push((*name).to_string());
        }
    }
    for (on, name) in [
        (f.free, t::F_FREE),
        (f.wheelchair, t::F_WHEELCHAIR),
        (f.transport, t::F_TRANSPORT),
        (f.confirmed, t::trust::FILTER),
        (f.mine, t::Q_MINE),
        (f.when == Some(When::Today), t::Q_TODAY),
        (f.when == Some(When::ThisWeek), t::Q_WEEK),
    ] {
        if on {
            parts.push(name.to_string());
        }
    }
    if !f.place.is_empty() {
        parts.push(f.place.clone());
    }
    parts.join(" · ")
}

/// The cover's lines: what was searched, how many, the date.
pub fn cover(f: &Filters, n: usize, today: NaiveDate) -> Vec<String> {
    vec![b::scope(&describe(f)), t::count(n), b::printed(&t::long_date(today))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_sheets_read_in_order_once_folded() {
        // Eight pages: sheet 1 front 8|1, back 2|7; sheet 2 front 6|3, back 4|5.
        assert_eq!(sides(8, Layout::Folded), vec![(7, 0), (1, 6), (5, 2), (3, 4)]);
        assert_eq!(sides(4, Layout::Single), vec![(0, 1), (2, 3)]);
        for count in [4, 8, 12, 40] {
            let mut seen: Vec<usize> = sides(count, Layout::Folded).into_iter().flat_map(|(l, r)| [l, r]).collect();
            seen.sort();
            assert_eq!(seen, (0..count).collect::<Vec<_>>());
        }
    }

    #[test]
    fn pages_fill_whole_sheets_with_the_back_cover_last() {
        let p = pages(7, 3, Layout::Folded);
        assert_eq!(
            p,
            vec![
                Page::Cover,
                Page::Entries(0, 3),
                Page::Entries(3, 6),
                Page::Entries(6, 7),
                Page::Notes,
                Page::Notes,
                Page::Notes,
                Page::Back
            ]
        );
        assert_eq!(pages(0, 3, Layout::Single), vec![Page::Cover, Page::Back]);
        assert_eq!(pages(2, 1, Layout::Single).len(), 4);
        assert_eq!(shorten("Et  langt ord efter et andet ord", 14), "Et langt ord…");
        assert_eq!(shorten("kort", 14), "kort");
    }
}
