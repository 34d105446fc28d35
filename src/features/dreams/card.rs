//! One dream as a card on the board: title link, where and when, and its
//! badges (runners missing, overbooked, expired, boundaries to check, at
//! risk, runners waiting for the coordinator or for a moved time, private
//! details erased), and why it suits the runner when they said what they bring.

use crate::routes::Route;
use crate::ui::link::to;
use chrono::NaiveDate;
use leptos::prelude::*;

use tid_og_lyst_core::dreams::da as t;
use tid_og_lyst_core::dreams::dream::{ClaimState, Dream, Status};
use tid_og_lyst_core::dreams::form::format_hours;
use tid_og_lyst_core::dreams::risk;
use tid_og_lyst_core::dreams::share::{danish_date, window_text};

/// The badges of a dream as (css modifier, text).
pub fn badges(d: &Dream, today: NaiveDate) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    if d.is_flagged() {
        v.push(("flag", t::FLAGGED_BADGE.to_string()));
    }
    if risk::at_risk(d, crate::state::now()).is_some() {
        v.push(("risk", t::BADGE_RISK.to_string()));
    }
    let waiting = d.live_claims().into_iter().filter(|c| d.claim_state(c) == Some(ClaimState::Waiting)).count();
    if waiting > 0 {
        v.push(("waiting", t::badge_waiting(waiting)));
    }
    let unanswered = d.going().into_iter().filter(|c| d.must_reconfirm(c)).count();
    if unanswered > 0 {
        v.push(("ask", t::badge_unanswered(unanswered)));
    }
    if d.erased_at.is_some() {
        v.push(("erased", t::BADGE_ERASED.to_string()));
    }
    if d.is_overbooked() {
        v.push(("over", t::OVERBOOKED.to_string()));
    }
    if d.is_expired(today) {
        v.push(("expired", t::EXPIRED_BADGE.to_string()));
    } else if d.status() == Status::Open {
        v.push(("missing", t::missing(d.runners_missing())));
        if let Some(r) = d.reply_by {
            v.push(("deadline", t::reply_by(&danish_date(r))));
        }
    }
    v
}

/// The badges as a list.
#[component]
pub fn Badges(
    /// The badges: (css modifier, text).
    items: Vec<(&'static str, String)>,
) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="badges">
                {items
                    .into_iter()
                    .map(|(kind, text)| view! { <li class=format!("badge badge--{kind}")>{text}</li> })
                    .collect_view()}
            </ul>
        }
    })
}

/// A dream on the board.
#[component]
pub fn DreamCard(
    /// The dream.
    dream: Dream,
    /// Today, for expiry.
    today: NaiveDate,
    /// Why it suits the runner ("Passer godt: du har bil"), when they said.
    #[prop(default = None)]
    why: Option<String>,
) -> impl IntoView {
    let link = to(&Route::Dream(dream.meta.id.to_string()));
    let place = [dream.place.as_str(), dream.municipality.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    let meta = format!(
        "{} · {} · {}",
        window_text(&dream),
        t::hours(&format_hours(dream.duration_hours)),
        dream.category.label()
    );
    let items = badges(&dream, today);
    view! {
        <article class="dream-card">
            <h3 class="dream-card__title"><a href=link>{dream.title.clone()}</a></h3>
            <p class="dream-card__place">{place}</p>
            <p class="dream-card__meta">{meta}</p>
            {why.or_else(|| (!dream.skills.is_empty()).then(|| format!("{}: {}", t::F_SKILLS, t::skills(&dream.skills))))
                .map(|w| view! { <p class="dream-card__why">{w}</p> })}
            <Badges items/>
        </article>
    }
}
