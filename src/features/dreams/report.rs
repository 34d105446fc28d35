//! `/droemme/aarsrapport`, "Året i tal": the core's anonymous year report
//! (`dreams::report`) as two tables, by month and by category, each with
//! its totals; a year to choose (this year first), "Hent CSV" and
//! "Udskriv" (an A4 page, style/dreams.css). Also the board's links to it
//! and to the posters (`CoordLinks`).

use chrono::Datelike;
use leptos::prelude::*;

use super::today;
use crate::routes::Route;
use crate::state::{use_app, NoticeKind};
use crate::ui::download::download_text;
use crate::ui::link::to;
use tid_og_lyst_core::dreams::da_report as t;
use tid_og_lyst_core::dreams::report::{month_name, report_csv, report_years, year_report, Figures};

/// The page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = use_app();
    let this_year = today().year();
    let year = RwSignal::new(this_year);
    let years = Memo::new(move |_| state.data.with(|d| report_years(d.dreams.values(), this_year)));
    let report = Memo::new(move |_| {
        let y = year.get();
        state.data.with(|d| year_report(d.dreams.values(), y))
    });
    let csv = move |_| {
        let (name, text) = report.with_untracked(|r| (format!("droemme-aaret-i-tal-{}.csv", r.year), report_csv(r)));
        if download_text(&name, "text/csv;charset=utf-8", &text) {
            state.notify(NoticeKind::Info, t::csv_saved(&name));
        } else {
            state.notify(NoticeKind::Error, t::CSV_FAILED);
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="page dreams-report">
            <p class="no-print"><a class="back-link" href=to(&Route::Dreams)>{t::BACK_TO_BOARD}</a></p>
            <h1>{t::REPORT_TITLE}</h1>
            <p class="lead">{t::REPORT_INTRO}</p>
            <div class="dreams-report__tools no-print">
                <div class="field">
                    <label for="report-year">{t::YEAR}</label>
                    <select
                        id="report-year"
                        prop:value=move || year.get().to_string()
                        on:change=move |ev| {
                            if let Ok(y) = event_target_value(&ev).parse() {
                                year.set(y);
                            }
                        }
                    >
                        {move || years.get().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="button" class="btn btn--primary" on:click=csv>{t::DOWNLOAD_CSV}</button>
                    <button type="button" class="btn" on:click=print>{t::PRINT}</button>
                </div>
            </div>
            // Drawn again as a whole for another year or a change of the dreams.
            {move || report.with(|r| {
                let months = (1..=12).map(|m| (month_name(m), r.months[m as usize - 1]));
                let categories = r.categories.iter().map(|(c, f)| (c.label(), *f));
                view! {
                    {figures_table("report-months", t::by_month_title(r.year), t::MONTH, months.collect(), r.total)}
                    {figures_table("report-categories", t::by_category_title(r.year), t::CATEGORY, categories.collect(), r.total)}
                }
            })}
            <p class="hint">{t::REPORT_ANONYMOUS}</p>
        </section>
    }
}

/// A table of figures under its heading (`id` is the heading's): a line
/// per month or category (`first` names the column), then the totals.
fn figures_table(
    id: &'static str,
    title: String,
    first: &'static str,
    rows: Vec<(&'static str, Figures)>,
    total: Figures,
) -> impl IntoView {
    let cells = |f: Figures| {
        f.cells()
            .into_iter()
            .zip(t::FIGURES)
            .map(|(value, label)| view! { <td data-label=label>{value}</td> })
            .collect_view()
    };
    view! {
        <section class="dreams-report__part" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <table class="dreams-report__table">
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {t::FIGURES.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(name, f)| view! {
                        <tr class=f.is_empty().then_some("dreams-report__none")>
                            <th scope="row">{name}</th>
                            {cells(f)}
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t::TOTAL}</th>
                        {cells(total)}
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}

/// The board's links to the year in numbers and to the posters of every
/// open dream, beside the coordinator's counts.
#[component]
pub fn CoordLinks() -> impl IntoView {
    view! {
        <ul class="dreams-coord__links">
            <li><a href=to(&Route::DreamReport)>{t::REPORT_LINK}</a></li>
            <li><a href=to(&Route::DreamPosters(None))>{t::POSTERS_LINK}</a></li>
        </ul>
    }
}
