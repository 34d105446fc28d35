//! Answering the cards: on a participant's own phone (then exporting an
//! answers file for the facilitator) or on a tablet passed round the room
//! (each participant's answers are hidden before the next one starts).
//! One card at a time: the five-step scale, the eight checks, a comment, and
//! the verdict with its reasons.

use leptos::prelude::*;

use crate::features::data::export_checked;
use crate::state::use_app;
use crate::ui::share::ShareLink;
use tid_og_lyst_core::assessment::cards::{Answer, Card, Check, Position};
use tid_og_lyst_core::assessment::da::{ui as t, verdict as tv};
use tid_og_lyst_core::assessment::session::{Assessment, BallotChange, Response};
use tid_og_lyst_core::assessment::verdict::{judge_ballot, Judgement};
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, AssessmentsOnly};

use super::{change_session, slug};

/// Who answers, then the cards.
#[component]
pub fn AnswerFlow(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
    /// Pass-the-tablet mode: answers are hidden when a participant is done.
    tablet: bool,
) -> impl IntoView {
    let alias = RwSignal::new(None::<String>);
    let thanks = RwSignal::new(None::<String>);
    move || match alias.get() {
        None => view! { <AliasForm alias=alias thanks=thanks tablet=tablet/> }.into_any(),
        Some(a) => view! { <Answering id=id session=session alias=a alias_signal=alias thanks=thanks tablet=tablet/> }
            .into_any(),
    }
}

#[component]
fn AliasForm(alias: RwSignal<Option<String>>, thanks: RwSignal<Option<String>>, tablet: bool) -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let (error, set_error) = signal(None::<&'static str>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a = text.get_untracked().trim().to_string();
        if a.is_empty()
            || a.chars().count() > tid_og_lyst_core::assessment::session::MAX_ALIAS_CHARS
            || a.chars().any(char::is_control)
        {
            set_error.set(Some(t::ALIAS_REQUIRED));
            return;
        }
        thanks.set(None);
        alias.set(Some(a));
    };
    view! {
        <section class="card answer-alias" aria-labelledby="alias-title">
            <h2 id="alias-title">{t::ALIAS_TITLE}</h2>
            <p role="status" class="tablet-thanks">{move || thanks.get()}</p>
            {tablet.then(|| view! { <p>{t::TABLET_HELP}</p> })}
            <form on:submit=start novalidate>
                <div class="field">
                    <label for="alias">{t::ALIAS}</label>
                    <p class="hint" id="alias-hint">{t::ALIAS_HELP}</p>
                    <input
                        id="alias"
                        type="text"
                        maxlength="40"
                        autocomplete="off"
                        aria-describedby="alias-hint alias-error"
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || text.get()
                        on:input=move |ev| set_text.set(event_target_value(&ev))
                    />
                    <p id="alias-error" class="error" role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="btn btn--primary">{t::START}</button>
            </form>
        </section>
    }
}

#[component]
fn Answering(
    id: RecordId,
    session: Memo<Option<Assessment>>,
    alias: String,
    alias_signal: RwSignal<Option<String>>,
    thanks: RwSignal<Option<String>>,
    tablet: bool,
) -> impl IntoView {
    let idx = RwSignal::new(0usize);
    let cards = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.tasks.clone()).unwrap_or_default()));
    let n = move || cards.with(Vec::len);
    let current = Memo::new(move |_| cards.with(|c| c.get(idx.get().min(c.len().saturating_sub(1))).cloned()));
    let alias_c = alias.clone();
    let answered = move || {
        let a = alias_c.clone();
        session.with(|s| {
            s.as_ref()
                .map(|s| s.tasks.iter().filter(|c| s.response(&a, &c.id).is_some_and(|r| !r.is_blank())).count())
                .unwrap_or(0)
        })
    };
    let alias_for_card = alias.clone();
    let alias_for_done = alias.clone();
    view! {
        <div class="answering">
            <p class="answering__who">
                {t::answering_as(&alias)}" "
                <button type="button" class="btn btn--small" on:click=move |_| alias_signal.set(None)>
                    {t::CHANGE_ALIAS}
                </button>
            </p>
            <p class="answering__progress" role="status">{move || t::answered(answered(), n())}</p>
            {move || {
                current
                    .get()
                    .map(|card| {
                        view! {
                            <CardForm
                                id=id
                                session=session
                                alias=alias_for_card.clone()
                                card=card
                                index=idx.get_untracked()
                                total=n()
                            />
                        }
                    })
            }}
            <div class="actions answering__nav">
                <button
                    type="button"
                    class="btn"
                    disabled=move || idx.get() == 0
                    on:click=move |_| idx.update(|i| *i = i.saturating_sub(1))
                >
                    {t::PREV}
                </button>
                <button
                    type="button"
                    class="btn btn--primary"
                    disabled=move || { idx.get() + 1 >= n() }
                    on:click=move |_| idx.update(|i| *i += 1)
                >
                    {t::NEXT}
                </button>
            </div>
            {if tablet {
                view! {
                    <button
                        type="button"
                        class="btn btn--primary tablet-done"
                        on:click=move |_| {
                            thanks.set(Some(t::tablet_thanks(&alias_for_done)));
                            alias_signal.set(None);
                        }
                    >
                        {t::TABLET_DONE}
                    </button>
                }
                    .into_any()
            } else {
                view! { <ExportMine session=session alias=alias.clone()/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn ExportMine(session: Memo<Option<Assessment>>, alias: String) -> impl IntoView {
    let state = use_app();
    let (message, set_message) = signal(None::<String>);
    let alias_link = alias.clone();
    let what = Callback::new(move |()| AppData {
        assessments: merge::collect(session.get_untracked().map(|s| s.answers_of(&alias_link))),
        ..AppData::default()
    });
    let export = move |_| {
        let Some(s) = session.get_untracked() else { return };
        let stem = format!("skal-kan-svar-{}", slug(&alias));
        let data = AppData { assessments: merge::collect([s.answers_of(&alias)]), ..AppData::default() };
        let msg = match export_checked::<AssessmentsOnly>(state, &data, &stem) {
            Some((_, file)) => t::exported(&file),
            None => t::EXPORT_FAILED.to_string(),
        };
        set_message.set(Some(msg));
    };
    view! {
        <section class="card export-mine" aria-labelledby="export-mine-title">
            <h2 id="export-mine-title">{t::EXPORT_MINE}</h2>
            <p>{t::EXPORT_MINE_HELP}</p>
            <button type="button" class="btn btn--primary" on:click=export>{t::EXPORT_MINE}</button>
            <p role="status" class="result">{move || message.get()}</p>
            <p>{t::ANSWERS_LINK_HELP}</p>
            <ShareLink kinds=AssessmentsOnly what=what title=t::EXPORT_MINE/>
        </section>
    }
}

/// One card: scale, checks, comment and verdict.
#[component]
fn CardForm(
    id: RecordId,
    session: Memo<Option<Assessment>>,
    alias: String,
    card: Card,
    index: usize,
    total: usize,
) -> impl IntoView {
    let state = use_app();
    let card_id = card.id.clone();
    let response = {
        let (a, c) = (alias.clone(), card_id.clone());
        Memo::new(move |_| session.with(|s| s.as_ref().and_then(|s| s.response(&a, &c).cloned())))
    };
    let (error, set_error) = signal(None::<String>);
    let save = {
        let (a, c) = (alias.clone(), card_id.clone());
        move |change: BallotChange| {
            let rev = state.stamp();
            let result = change_session(state, id, |s| s.respond(&a, &c, change, rev).map(|_| ()));
            set_error.set(result.err().map(|e| e.to_string()));
        }
    };
    let save_pos = save.clone();
    let save_check = save.clone();
    let save_comment = save;
    let judgement = Memo::new(move |_| {
        response.with(|r| match r {
            Some(r) => judge_ballot(r.position, &r.checks),
            None => judge_ballot(None, &Default::default()),
        })
    });
    let cid = card_id.clone();
    let cid2 = card_id.clone();
    view! {
        <article class="card answer-card" aria-labelledby=format!("card-{cid}-title")>
            <p class="answer-card__count">{t::card_of(index + 1, total)}</p>
            {move || {
                let round = session.with(|s| s.as_ref().map(|s| s.round_of(&cid2)).unwrap_or(1));
                (round > 1).then(|| view! { <p class="notice answer-card__round">{t::vote_again_round(round)}</p> })
            }}
            <h2 id=format!("card-{cid}-title")>{card.title.clone()}</h2>
            <p class="answer-card__question">{card.question.clone()}</p>
            {(!card.context.is_empty()).then(|| view! { <p class="answer-card__context">{card.context.clone()}</p> })}
            <fieldset class="scale">
                <legend>{t::SCALE_LEGEND}</legend>
                {Position::ALL
                    .into_iter()
                    .map(|p| {
                        let input_id = format!("pos-{cid}-{}", p.step());
                        let save = save_pos.clone();
                        view! {
                            <div class=format!("scale__step scale__step--{}", p.step())>
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name=format!("pos-{cid}")
                                    prop:checked=move || response.with(|r| r.as_ref().and_then(|r| r.position) == Some(p))
                                    on:change=move |_| save(BallotChange::Position(p))
                                />
                                <label for=input_id>{p.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <fieldset class="checks">
                <legend>{t::CHECKS_TITLE}</legend>
                {Check::ALL
                    .into_iter()
                    .map(|ch| {
                        let save = save_check.clone();
                        view! { <CheckRow card_id=cid.clone() check=ch response=response save=save/> }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field">
                <label for=format!("comment-{cid}")>{t::COMMENT}</label>
                <textarea
                    id=format!("comment-{cid}")
                    rows="3"
                    maxlength="2000"
                    prop:value=move || response.with(|r| r.as_ref().map(|r| r.comment.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        save_comment(BallotChange::Comment(event_target_value(&ev)));
                    }
                ></textarea>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <VerdictPanel judgement=judgement heading=t::VERDICT_TITLE/>
        </article>
    }
}

#[component]
fn CheckRow<F>(card_id: String, check: Check, response: Memo<Option<Response>>, save: F) -> impl IntoView
where
    F: Fn(BallotChange) + Clone + 'static,
{
    let key = check.key();
    view! {
        <fieldset class="check-row">
            <legend>{check.question()}</legend>
            <div class="check-row__answers">
                {Answer::ALL
                    .into_iter()
                    .map(|a| {
                        let input_id = format!("chk-{card_id}-{key}-{a:?}");
                        let save = save.clone();
                        view! {
                            <span class="check-row__answer">
                                <input
                                    type="radio"
                                    id=input_id.clone()
                                    name=format!("chk-{card_id}-{key}")
                                    prop:checked=move || response.with(|r| r.as_ref().and_then(|r| r.answer(key)) == Some(a))
                                    on:change=move |_| save(BallotChange::Check(check, a))
                                />
                                <label for=input_id>{a.label()}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// A verdict, its advice and every reason with the principle it rests on.
#[component]
pub fn VerdictPanel(
    /// The judgement to show.
    judgement: Memo<Judgement>,
    /// The heading.
    heading: &'static str,
) -> impl IntoView {
    view! {
        <section class="verdict" aria-live="polite">
            <h3>{heading}": "<span class=move || format!("verdict__name verdict--{}", judgement.with(|j| j.verdict.key()))>
                {move || judgement.with(|j| j.verdict.label())}
            </span></h3>
            <p class="verdict__advice">{move || judgement.with(|j| j.verdict.advice())}</p>
            <ul class="verdict__reasons">
                {move || {
                    judgement
                        .get()
                        .reasons
                        .into_iter()
                        .map(|r| {
                            view! {
                                <li>
                                    {r.text}
                                    <span class="verdict__source">
                                        {tv::FROM}": "<strong>{r.principle.source.label()}</strong>" – «"{r.principle.quote()}"»"
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
