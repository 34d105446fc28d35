//! "Året i tal": the anonymous year report of a board, for the annual
//! report and funding applications. Per month (in Copenhagen time) and
//! category: dreams posted (by when they were posted), fulfilled (by when
//! they were marked fulfilled), cancelled (by when they were cancelled, while
//! they still are), the runners involved and the hours they gave (the
//! claims holding a place on a dream fulfilled that month, times its
//! expected duration). Counts only: no name, contact, title or place is read into it.
//! Deleted dreams are left out. As CSV in the Danish Excel dialect
//! (`activities::csv::write_table`).

use chrono::Datelike;

use crate::activities::csv::write_table;
use crate::dreams::da_report as t;
use crate::dreams::dream::{Category, Dream, Phase};
use crate::dreams::form::format_hours;
use crate::dreams::privacy::ended_at;
use crate::record::meta::Millis;
use crate::text::dates::{to_local, MONTHS};

/// The figures of one month and category, or a sum of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Dreams posted.
    pub posted: usize,
    /// Dreams fulfilled.
    pub fulfilled: usize,
    /// Dreams cancelled (and not opened again).
    pub cancelled: usize,
    /// Runners on the dreams fulfilled.
    pub runners: usize,
    /// Hours given on the dreams fulfilled, in hundredths of an hour (so
    /// sums are exact).
    pub centihours: u64,
}

impl Figures {
    /// Hours given.
    pub fn hours(&self) -> f64 {
        self.centihours as f64 / 100.0
    }

    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        *self == Figures::default()
    }

    fn add(&mut self, o: &Figures) {
        self.posted += o.posted;
        self.fulfilled += o.fulfilled;
        self.cancelled += o.cancelled;
        self.runners += o.runners;
        self.centihours += o.centihours;
    }

    /// The figures as the report writes them, in the order of
    /// `da_report::FIGURES` (hours with a decimal comma).
    pub fn cells(&self) -> [String; 5] {
        [
            self.posted.to_string(),
            self.fulfilled.to_string(),
            self.cancelled.to_string(),
            self.runners.to_string(),
            format_hours(self.hours()),
        ]
    }
}

/// One month and category where something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The month, 1–12.
    pub month: u32,
    /// The category.
    pub category: Category,
    /// What happened.
    pub figures: Figures,
}

/// A year in numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearReport {
    /// The year.
    pub year: i32,
    /// Every month and category where something happened, by month, then
    /// in the categories' order.
    pub rows: Vec<Row>,
    /// The sums per month, January first.
    pub months: [Figures; 12],
    /// The sums per category, in the categories' order (every category).
    pub categories: Vec<(Category, Figures)>,
    /// The year's sums.
    pub total: Figures,
}

/// The Copenhagen year and month (1–12) of an instant.
fn year_month(ms: Millis) -> (i32, u32) {
    let local = to_local(ms);
    (local.year(), local.month())
}

/// When the dream was cancelled, while it still is (its last "cancelled",
/// as for the erasure of its private details); `None` for a dream that is
/// not cancelled.
pub fn cancelled_at(d: &Dream) -> Option<Millis> {
    match d.phase {
        Phase::Cancelled { .. } => ended_at(d),
        _ => None,
    }
}

/// The runners of a fulfilled dream: the claims that hold a place (not
/// released, declined or a reserve's).
fn runners(d: &Dream) -> usize {
    d.going().len()
}

/// The year report of `dreams` for `year` (months in Copenhagen time).
pub fn year_report<'a>(dreams: impl IntoIterator<Item = &'a Dream>, year: i32) -> YearReport {
    // cells[month - 1][category index]
    let mut cells = [[Figures::default(); Category::ALL.len()]; 12];
    let index = |c: Category| Category::ALL.iter().position(|x| *x == c).unwrap_or(Category::ALL.len() - 1);
    for d in dreams.into_iter().filter(|d| !d.meta.deleted) {
        let k = index(d.category);
        let mut at = |ms: Millis, f: &mut dyn FnMut(&mut Figures)| {
            let (y, m) = year_month(ms);
            if y == year {
                f(&mut cells[m as usize - 1][k]);
            }
        };
        at(d.created_at(), &mut |f| f.posted += 1);
        if let Some(ms) = d.fulfilled_at() {
            let n = runners(d);
            let centi = (d.duration_hours.max(0.0) * 100.0).round() as u64;
            at(ms, &mut |f| {
                f.fulfilled += 1;
                f.runners += n;
                f.centihours += centi * n as u64;
            });
        }
        if let Some(ms) = cancelled_at(d) {
            at(ms, &mut |f| f.cancelled += 1);
        }
    }
    let mut rows = Vec::new();
    let mut months = [Figures::default(); 12];
    let mut categories: Vec<(Category, Figures)> = Category::ALL.iter().map(|c| (*c, Figures::default())).collect();
    let mut total = Figures::default();
    for (m, per_category) in cells.iter().enumerate() {
        for (k, f) in per_category.iter().enumerate() {
            if f.is_empty() {
                continue;
            }
            rows.push(Row { month: m as u32 + 1, category: Category::ALL[k], figures: *f });
            months[m].add(f);
            categories[k].1.add(f);
            total.add(f);
        }
    }
    YearReport { year, rows, months, categories, total }
}

/// The years a report can be made of: this year and every year in which a
/// dream was posted, fulfilled or cancelled, newest first.
pub fn report_years<'a>(dreams: impl IntoIterator<Item = &'a Dream>, this_year: i32) -> Vec<i32> {
    let mut years = vec![this_year];
    for d in dreams.into_iter().filter(|d| !d.meta.deleted) {
        for ms in [Some(d.created_at()), d.fulfilled_at(), cancelled_at(d)].into_iter().flatten() {
            years.push(year_month(ms).0);
        }
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// The Danish name of a month, 1–12.
pub fn month_name(month: u32) -> &'static str {
    MONTHS.get(month.wrapping_sub(1) as usize).copied().unwrap_or("")
}

/// The report as CSV for Danish Excel: a row per month and category where
/// something happened, then the year's totals.
pub fn report_csv(r: &YearReport) -> String {
    let mut header = vec![t::YEAR_COLUMN, t::MONTH, t::CATEGORY];
    header.extend(t::FIGURES);
    let year = r.year.to_string();
    let line = |month: &str, category: &str, f: &Figures| {
        let mut cells = vec![year.clone(), month.to_string(), category.to_string()];
        cells.extend(f.cells());
        cells
    };
    let rows = r
        .rows
        .iter()
        .map(|row| line(month_name(row.month), row.category.label(), &row.figures))
        .chain(std::iter::once(line(t::WHOLE_YEAR, t::ALL_CATEGORIES, &r.total)));
    write_table(&header, rows)
}
