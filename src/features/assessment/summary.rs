//! After the workshop: a printable summary (results per card, both rounds
//! side by side where the room voted again, in the workshop's order or most
//! split first, notes, comments, and for every card judged KAN or Gråzone the agreement
//! checklist of seed 003), the results as CSV, and the branch reflection
//! questions of seed 000 as optional free-text sections.

use leptos::prelude::*;

use crate::state::{now, use_app, NoticeKind};
use crate::ui::download::download_text;
use tid_og_lyst_core::assessment::da::{content as c, ui as t};
use tid_og_lyst_core::assessment::results::{
    agreement_label, most_split_first, moved, results, results_csv, round_result, CardResult,
};
use tid_og_lyst_core::assessment::session::{Assessment, Reflection};
use tid_og_lyst_core::record::meta::{format_millis, RecordId};

use super::answer::VerdictPanel;
use super::chart::SpreadChart;
use super::{slug, update_session};

/// The summary view.
#[component]
pub fn SummaryView(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
) -> impl IntoView {
    let state = use_app();
    let split_first = RwSignal::new(false);
    // Per card: the open round's result, and the earlier rounds with how many moved.
    let all = Memo::new(move |_| {
        session.with(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let rows = if split_first.get() { most_split_first(results(s)) } else { results(s) };
            rows.into_iter()
                .map(|r| {
                    let rounds = (1..s.round_of(&r.card.id))
                        .map(|n| (n, round_result(s, &r.card, n).spread))
                        .collect::<Vec<_>>();
                    let now = s.round_of(&r.card.id);
                    let m = moved(s, &r.card.id, now);
                    (r, rounds, now, m)
                })
                .collect::<Vec<_>>()
        })
    });
    let print = move |_| {
        let _ = window().print();
    };
    let csv = move |_| {
        let Some(s) = session.get_untracked() else { return };
        let file = format!("skal-kan-{}-{}.csv", slug(&s.title), &format_millis(now())[..10]);
        if download_text(&file, "text/csv;charset=utf-8", &results_csv(&s)) {
            state.notify(NoticeKind::Info, t::csv_saved(&file));
        }
    };
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{t::SUMMARY_TITLE}</h2>
            <div class="actions no-print">
                <button type="button" class="btn btn--primary" on:click=print>{t::PRINT}</button>
                <button type="button" class="btn" on:click=csv>{t::CSV}</button>
            </div>
            <super::overview::OrderChoice split_first=split_first name="summary-order"/>
            <p class="summary__question">{c::MAIN_QUESTION}</p>
            <For each=move || all.get() key=|r| format!("{:?}", r) let:r>
                <CardSummary result=r.0 earlier=r.1 round=r.2 moved=r.3/>
            </For>
            <Reflections id=id session=session/>
        </section>
    }
}

#[component]
fn CardSummary(
    result: CardResult,
    /// Earlier rounds' spreads.
    earlier: Vec<(u8, tid_og_lyst_core::assessment::verdict::Spread)>,
    /// The open round.
    round: u8,
    /// How many moved into it.
    moved: u32,
) -> impl IntoView {
    let r = result;
    let agreement = agreement_label(r.agreement());
    let needs_agreement = !r.is_unanswered() && r.judgement.verdict.needs_agreement();
    let judgement = Memo::new({
        let j = r.judgement.clone();
        move |_| j.clone()
    });
    let heading_id = format!("sum-{}", r.card.id);
    let labelled_by = heading_id.clone();
    view! {
        <article class="card summary-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{r.card.title.clone()}</h3>
            <p class="summary-card__question">{r.card.question.clone()}</p>
            {if r.is_unanswered() {
                view! { <p class="summary-card__none">{t::NO_ANSWERS}</p> }.into_any()
            } else {
                let title = r.card.title.clone();
                let two = !earlier.is_empty();
                view! {
                    <div class="summary-card__rounds" class:summary-card__rounds--two=two>
                        {earlier.into_iter().map(|(n, spread)| view! {
                            <div><h4>{t::round_title(n)}</h4><SpreadChart spread=spread title=title.clone()/></div>
                        }).collect_view()}
                        <div>
                            {(round > 1).then(|| view! { <h4>{t::round_title(round)}</h4> })}
                            <SpreadChart spread=r.spread title=r.card.title.clone()/>
                            {(round > 1).then(|| view! { <p>{t::moved(moved)}</p> })}
                        </div>
                    </div>
                    <p class="agreement">{agreement}" ("{t::sources(r.ballots, r.hands)}")"</p>
                    <VerdictPanel judgement=judgement heading=t::GROUP_VERDICT/>
                }
                .into_any()
            }}
            {(!r.note.trim().is_empty()).then(|| view! {
                <h4>{t::NOTES}</h4>
                <p class="summary-card__note">{r.note.clone()}</p>
            })}
            {(!r.comments.is_empty()).then(|| view! {
                <h4>{t::COMMENTS}</h4>
                <ul class="summary-card__comments">
                    {r.comments.iter().map(|(a, text)| view! { <li><strong>{a.clone()}": "</strong>{text.clone()}</li> }).collect_view()}
                </ul>
            })}
            {needs_agreement.then(|| view! { <AgreementChecklist/> })}
        </article>
    }
}

/// The agreement checklist of seed 003.
#[component]
fn AgreementChecklist() -> impl IntoView {
    view! {
        <section class="agreement-checklist">
            <h4>{t::AGREEMENT_TITLE}</h4>
            <p class="hint">{t::AGREEMENT_INTRO}</p>
            <ul class="checklist">
                {c::AGREEMENT.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Reflections(id: RecordId, session: Memo<Option<Assessment>>) -> impl IntoView {
    view! {
        <section class="reflections" aria-labelledby="reflections-title">
            <h2 id="reflections-title">{t::REFLECTIONS_TITLE}</h2>
            {c::REFLECTIONS
                .iter()
                .map(|(sid, heading, questions)| {
                    view! { <ReflectionSection id=id session=session section=sid heading=heading questions=questions/> }
                })
                .collect_view()}
        </section>
    }
}

#[component]
fn ReflectionSection(
    id: RecordId,
    session: Memo<Option<Assessment>>,
    section: &'static str,
    heading: &'static str,
    questions: &'static [&'static str],
) -> impl IntoView {
    let state = use_app();
    let text = Memo::new(move |_| {
        session
            .with(|s| s.as_ref().and_then(|s| s.reflections.get(section).map(|r| r.text.clone())).unwrap_or_default())
    });
    let (saved, set_saved) = signal(false);
    let save = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value == text.get_untracked() {
            return;
        }
        let rev = state.stamp();
        update_session(state, id, move |s| {
            s.reflections.insert(section.to_string(), Reflection { section: section.to_string(), text: value, rev });
        });
        set_saved.set(true);
    };
    let field_id = format!("reflection-{section}");
    view! {
        <div class="card reflection">
            <h3>{heading}</h3>
            <ul>{questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}</ul>
            <div class="field no-print">
                <label for=field_id.clone()>{t::reflection_field(heading)}</label>
                <textarea id=field_id rows="5" prop:value=move || text.get() on:change=save></textarea>
                <p role="status" class="result">{move || saved.get().then_some(t::SAVED)}</p>
            </div>
            <p class="print-only reflection__text">{move || text.get()}</p>
        </div>
    }
}
