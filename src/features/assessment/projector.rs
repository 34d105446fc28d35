//! The projector view: one card at a time in very large type, driven by the
//! keyboard (arrow keys move, space reveals, P pauses the timer). "7 af 9 har
//! svaret" for the card shown; the result appears by the workshop's reveal
//! rule (by hand, when all have answered, when the card's timer ends) and
//! never below its threshold; then the spread as a chart (both rounds side by
//! side after "Stem igen", with how many moved), whether the group agrees or
//! is split, the group's verdict, and the notes typed during the discussion.
//! A small QR code and the short address in the corner let a latecomer join.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{now, use_app, NoticeKind};
use crate::ui::codec;
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::results::{agreement_label, moved, reveal, round_result, turnout, Reveal};
use tid_og_lyst_core::assessment::session::{Assessment, Note};
use tid_og_lyst_core::assessment::timer::Countdown;
use tid_og_lyst_core::assessment::verdict::Agreement;
use tid_og_lyst_core::record::merge;
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, AssessmentsOnly};

use super::answer::VerdictPanel;
use super::chart::SpreadChart;
use super::{change_session, session_link, update_session};

/// The projector view.
#[component]
pub fn ProjectorView(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
) -> impl IntoView {
    let idx = RwSignal::new(0usize);
    // The reveals asked for, per card and round: a new round starts hidden.
    let revealed = RwSignal::new(BTreeSet::<(String, u8)>::new());
    let n = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.tasks.len()).unwrap_or(0)));
    let card_id = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref().and_then(|s| s.tasks.get(idx.get().min(s.tasks.len().saturating_sub(1)))).map(|c| c.id.clone())
        })
    });
    let round =
        Memo::new(move |_| card_id.get().map(|c| session.with(|s| s.as_ref().map(|s| s.round_of(&c)).unwrap_or(1))));
    let asked = Memo::new(move |_| card_id.get().zip(round.get()).is_some_and(|k| revealed.with(|r| r.contains(&k))));
    // The card's timer: started when the card is shown, if the workshop has one.
    let timer_secs = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.rules().timer_secs).unwrap_or(0)));
    let countdown = RwSignal::new(None::<Countdown>);
    Effect::new(move |_| {
        card_id.track();
        let secs = timer_secs.get();
        countdown.set((secs > 0).then(|| Countdown::start(secs, now())));
    });
    let clock = RwSignal::new(now());
    let tick = set_interval_with_handle(move || clock.set(now()), std::time::Duration::from_millis(250)).ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });
    let timer_done = Memo::new(move |_| countdown.get().is_some_and(|c| c.is_done(clock.get())));
    let shown = Memo::new(move |_| {
        let Some(c) = card_id.get() else { return Reveal::ByHand };
        session.with(|s| s.as_ref().map(|s| reveal(s, &c, asked.get(), timer_done.get())).unwrap_or(Reveal::ByHand))
    });
    let is_revealed = Memo::new(move |_| shown.get() == Reveal::Shown);
    let pause = move || {
        countdown.update(|c| {
            if let Some(c) = c {
                c.toggle(now());
            }
        })
    };
    let next = move || idx.update(|i| *i = (*i + 1).min(n.get_untracked().saturating_sub(1)));
    let prev = move || idx.update(|i| *i = i.saturating_sub(1));
    let toggle = move || {
        // A press below the threshold is refused, not kept for later.
        let show = !is_revealed.get_untracked() && !matches!(shown.get_untracked(), Reveal::TooFew { .. });
        if let Some(k) = card_id.get_untracked().zip(round.get_untracked()) {
            revealed.update(|r| {
                if show {
                    r.insert(k);
                } else {
                    r.remove(&k);
                }
            });
        }
    };

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let tag = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(tag.as_str(), "input" | "textarea" | "select") {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" => {
                ev.prevent_default();
                next();
            }
            "ArrowLeft" | "PageUp" => {
                ev.prevent_default();
                prev();
            }
            " " | "Spacebar" if !matches!(tag.as_str(), "button" | "a") => {
                ev.prevent_default();
                toggle();
            }
            "p" | "P" => {
                ev.prevent_default();
                pause();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    let card = Memo::new(move |_| {
        let cid = card_id.get()?;
        session.with(|s| s.as_ref().and_then(|s| s.card(&cid).cloned()))
    });
    let head = move || {
        let Some(card) = card.get() else { return view! { <p>{t::NO_ANSWERS}</p> }.into_any() };
        view! {
            <p class="projector__count">{move || t::card_of(idx.get() + 1, n.get())}</p>
            <h2 class="projector__title" id="projector-title">{card.title.clone()}</h2>
            <p class="projector__question">{card.question.clone()}</p>
        }
        .into_any()
    };
    let tail = move || {
        let Some(cid) = card_id.get() else { return ().into_any() };
        view! {
            <ProjectorResult id=id session=session card_id=cid.clone() shown=shown/>
            <NotesField id=id session=session card_id=cid/>
        }
        .into_any()
    };

    // Focus the view so the keys work at once, without a click.
    let node = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });

    view! {
        <section class="projector" aria-labelledby="projector-title" tabindex="-1" node_ref=node>
            <JoinCorner session=session/>
            {head}
            <Timer countdown=countdown clock=clock pause=pause/>
            <Controls id=id idx=idx n=n revealed=is_revealed prev=prev next=next toggle=toggle/>
            {tail}
            <p class="hint projector__keys">{t::KEYS_HELP}</p>
        </section>
    }
}

/// Previous, reveal, next and close.
#[component]
fn Controls<P, N, T>(
    id: RecordId,
    idx: RwSignal<usize>,
    n: Memo<usize>,
    revealed: Memo<bool>,
    prev: P,
    next: N,
    toggle: T,
) -> impl IntoView
where
    P: Fn() + Copy + 'static,
    N: Fn() + Copy + 'static,
    T: Fn() + Copy + 'static,
{
    let is_revealed = revealed;
    view! {
            <div class="actions projector__controls">
                <button type="button" class="btn" on:click=move |_| prev() disabled=move || idx.get() == 0>
                    {t::PREV}
                </button>
                <button
                    type="button"
                    class="btn btn--primary projector__reveal"
                    aria-pressed=move || is_revealed.get().to_string()
                    on:click=move |_| toggle()
                >
                    {move || if is_revealed.get() { t::HIDE } else { t::REVEAL }}
                </button>
                <button
                    type="button"
                    class="btn"
                    on:click=move |_| next()
                    disabled=move || { idx.get() + 1 >= n.get() }
                >
                    {t::NEXT}
                </button>
                <a class="btn btn--ghost" href=session_link(id, "")>{t::CLOSE_PROJECTOR}</a>
            </div>
    }
}

/// The card's countdown with its pause button (P on the keyboard).
#[component]
fn Timer<P>(countdown: RwSignal<Option<Countdown>>, clock: RwSignal<i64>, pause: P) -> impl IntoView
where
    P: Fn() + Copy + Send + Sync + 'static,
{
    move || {
        countdown.get().map(|c| {
            let now = clock.get();
            let text = if c.is_done(now) { t::TIME_UP.to_string() } else { t::time_left(&c.text(now)) };
            view! {
                <div class="projector__timer" class:projector__timer--done=c.is_done(now)>
                    <p class="projector__time">{text}</p>
                    <button type="button" class="btn btn--small" on:click=move |_| pause()>
                        {if c.is_running() { t::PAUSE } else { t::RESUME }}
                    </button>
                </div>
            }
        })
    }
}

/// "7 af 9 har svaret", then the result when the rule allows it (both rounds
/// side by side after "Stem igen"), or why it is not shown yet.
#[component]
fn ProjectorResult(
    id: RecordId,
    session: Memo<Option<Assessment>>,
    card_id: String,
    shown: Memo<Reveal>,
) -> impl IntoView {
    let state = use_app();
    let cid = card_id.clone();
    let count = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| turnout(s, &cid))));
    let cid = card_id.clone();
    let rounds = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.round_of(&cid)).unwrap_or(1)));
    let again_card = StoredValue::new(card_id.clone());
    let again = move |_| {
        let rev = state.stamp();
        let card = again_card.get_value();
        match change_session(state, id, move |s| s.open_round(&card, rev)) {
            Ok(n) => state.notify(NoticeKind::Info, t::round_opened(n)),
            Err(e) => state.notify(NoticeKind::Error, e.to_string()),
        }
    };
    let cid = card_id.clone();
    view! {
        <p class="projector__received" role="status">
            {move || count.get().map(|c| t::turnout(c.answered, c.known))}
        </p>
        {move || {
            let why = match shown.get() {
                Reveal::Shown => None,
                Reveal::TooFew { answered, min } => Some(t::too_few_to_show(answered, min)),
                Reveal::ByHand => Some(t::HIDDEN.to_string()),
                Reveal::ForAll { answered, known } => Some(t::waiting_for_all(answered, known)),
                Reveal::ForTimer => Some(t::WAITING_FOR_TIMER.to_string()),
            };
            if let Some(why) = why {
                return view! { <p class="projector__hidden">{why}</p> }.into_any();
            }
            let n = rounds.get();
            let from = n.saturating_sub(1).max(1);
            let cards = (from..=n)
                .filter_map(|round| {
                    session.with(|s| {
                        let s = s.as_ref()?;
                        let r = round_result(s, s.card(&cid)?, round);
                        Some((round, r, moved(s, &cid, round)))
                    })
                })
                .collect::<Vec<_>>();
            let two = cards.len() > 1;
            view! {
                <div class="projector__result" class:projector__result--rounds=two>
                    {cards
                        .into_iter()
                        .map(|(round, r, moved_n)| {
                            let agreement = r.agreement();
                            let class = match agreement {
                                Agreement::Agree => "agreement agreement--agree",
                                Agreement::Split => "agreement agreement--split",
                                _ => "agreement",
                            };
                            let judgement = Memo::new({
                                let j = r.judgement.clone();
                                move |_| j.clone()
                            });
                            view! {
                                <div class="projector__spread">
                                    {two.then(|| view! { <h3>{t::round_title(round)}</h3> })}
                                    <SpreadChart spread=r.spread title=r.card.title.clone()/>
                                    <p class=class>{agreement_label(agreement)}" ("{t::sources(r.ballots, r.hands)}")"</p>
                                    {(round > 1).then(|| view! { <p class="projector__moved">{t::moved(moved_n)}</p> })}
                                    {(!two).then(|| view! { <VerdictPanel judgement=judgement heading=t::GROUP_VERDICT/> })}
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <button type="button" class="btn no-print projector__again" on:click=again>{t::VOTE_AGAIN}</button>
            }
            .into_any()
        }}
    }
}

/// A small QR code of the participants' link and the short address, in the
/// corner of every card, so a latecomer can join.
#[component]
fn JoinCorner(session: Memo<Option<Assessment>>) -> impl IntoView {
    let state = use_app();
    let for_them = Memo::new(move |_| session.with(|s| s.as_ref().map(Assessment::for_participants)));
    let (code, set_code) = signal(None::<(usize, String)>);
    let short =
        window().location().host().unwrap_or_default() + &crate::ui::link::to(&crate::routes::Route::Assessment);
    Effect::new(move |_| {
        let Some(s) = for_them.get() else { return };
        let data = AppData { assessments: merge::collect([s]), ..AppData::default() };
        let device = state.device();
        leptos::task::spawn_local(async move {
            let made = match crate::ui::share::link_for::<AssessmentsOnly>(data, &device).await {
                Ok(url) => codec::qr_path(&url).await.ok().flatten(),
                Err(_) => None,
            };
            set_code.try_set(made);
        });
    });
    view! {
        <aside class="projector__join no-print" aria-label=t::JOIN>
            {move || code.get().map(|(side, d)| view! {
                <svg class="projector__join-qr" role="img" aria-label=t::JOIN_QR viewBox=format!("0 0 {side} {side}") shape-rendering="crispEdges">
                    <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                    <path fill="#000" d=d/>
                </svg>
            })}
            <p class="projector__join-text">{t::JOIN}": "{short.clone()}</p>
        </aside>
    }
}

/// The notes of the discussion, saved when the field is left.
#[component]
fn NotesField(id: RecordId, session: Memo<Option<Assessment>>, card_id: String) -> impl IntoView {
    let state = use_app();
    let cid = card_id.clone();
    let text = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.note(&cid).to_string()).unwrap_or_default()));
    let cid = card_id.clone();
    let save = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if value == text.get_untracked() {
            return;
        }
        let rev = state.stamp();
        let card = cid.clone();
        update_session(state, id, move |s| {
            s.notes.insert(card.clone(), Note { card, text: value, rev });
        });
    };
    view! {
        <div class="field projector__notes">
            <label for="projector-notes">{t::NOTES}</label>
            <textarea id="projector-notes" rows="3" prop:value=move || text.get() on:change=save></textarea>
        </div>
    }
}
