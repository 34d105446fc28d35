//! The spread of positions as an inline SVG bar chart, built in `view!`,
//! with a text alternative that lists every count.

use leptos::prelude::*;

use tid_og_lyst_core::assessment::cards::Position;
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::results::chart_parts;
use tid_og_lyst_core::assessment::verdict::Spread;

const W: u32 = 600;
const H: u32 = 300;
const TOP: u32 = 40;
const BOTTOM: u32 = 60;

/// A bar per step of the scale, counts above, labels below.
#[component]
pub fn SpreadChart(
    /// The counts.
    spread: Spread,
    /// The card's title, for the accessible name.
    title: String,
) -> impl IntoView {
    let parts = chart_parts(&spread);
    let alt = t::chart_alt(&parts, spread.total());
    let max = spread.counts.iter().copied().max().unwrap_or(0).max(1);
    let slot = W / 5;
    let bar_w = slot * 3 / 5;
    let plot_h = H - TOP - BOTTOM;
    let bars = Position::ALL
        .iter()
        .map(|p| {
            let count = spread.counts[p.index()];
            let h = plot_h * count / max;
            let x = slot * p.index() as u32 + (slot - bar_w) / 2;
            let y = TOP + plot_h - h;
            let cx = slot * p.index() as u32 + slot / 2;
            let label = p.label().replace("Klart ", "Klart\u{a0}");
            view! {
                <g class=format!("chart__step chart__step--{}", p.step())>
                    <rect class="chart__bar" x=x.to_string() y=y.to_string() width=bar_w.to_string() height=h.max(2).to_string() rx="4"></rect>
                    <text class="chart__count" x=cx.to_string() y=(y - 8).to_string() text-anchor="middle">{count.to_string()}</text>
                    <text class="chart__label" x=cx.to_string() y=(H - BOTTOM + 28).to_string() text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-label=t::chart_title(&title)
                focusable="false"
            >
                <line class="chart__axis" x1="0" x2=W.to_string() y1=(H - BOTTOM).to_string() y2=(H - BOTTOM).to_string()></line>
                {bars}
            </svg>
            <figcaption class="chart__alt">{alt}</figcaption>
        </figure>
    }
}
