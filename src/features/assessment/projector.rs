//! The projector view: one card at a time in very large type, driven by the
//! keyboard (arrow keys move, space reveals). Results stay hidden until the
//! facilitator reveals them, so the first voices do not steer the room; then
//! the spread as a chart, whether the group agrees or is split, the group's
//! verdict, and the notes typed during the discussion.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::use_app;
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::results::{agreement_label, card_result};
use tid_og_lyst_core::assessment::session::{Assessment, Note};
use tid_og_lyst_core::assessment::verdict::{judge, Agreement};
use tid_og_lyst_core::record::meta::RecordId;

use super::answer::VerdictPanel;
use super::chart::SpreadChart;
use super::{session_link, update_session};

/// The projector view.
#[component]
pub fn ProjectorView(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
) -> impl IntoView {
    let idx = RwSignal::new(0usize);
    let revealed = RwSignal::new(BTreeSet::<String>::new());
    let n = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.tasks.len()).unwrap_or(0)));
    let card_id = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref().and_then(|s| s.tasks.get(idx.get().min(s.tasks.len().saturating_sub(1)))).map(|c| c.id.clone())
        })
    });
    let is_revealed = Memo::new(move |_| card_id.get().is_some_and(|c| revealed.with(|r| r.contains(&c))));
    let next = move || idx.update(|i| *i = (*i + 1).min(n.get_untracked().saturating_sub(1)));
    let prev = move || idx.update(|i| *i = i.saturating_sub(1));
    let toggle = move || {
        if let Some(c) = card_id.get_untracked() {
            revealed.update(|r| {
                if !r.remove(&c) {
                    r.insert(c);
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
            <ProjectorResult session=session card_id=cid.clone() revealed=is_revealed/>
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
            {head}
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

/// Hidden until revealed: then the chart, agreement and the group's verdict.
#[component]
fn ProjectorResult(session: Memo<Option<Assessment>>, card_id: String, revealed: Memo<bool>) -> impl IntoView {
    let cid = card_id.clone();
    let result = Memo::new(move |_| session.with(|s| s.as_ref().and_then(|s| s.card(&cid).map(|c| card_result(s, c)))));
    let received = move || result.with(|r| r.as_ref().map(|r| r.spread.total()).unwrap_or(0));
    let judgement = Memo::new(move |_| {
        result.with(|r| r.as_ref().map(|r| r.judgement.clone())).unwrap_or_else(|| judge(&Default::default()))
    });
    view! {
        <p class="projector__received" role="status">{move || t::received(received())}</p>
        {move || {
            if !revealed.get() {
                return view! { <p class="projector__hidden">{t::HIDDEN}</p> }.into_any();
            }
            let Some(r) = result.get() else { return ().into_any() };
            let agreement = r.agreement();
            let class = match agreement {
                Agreement::Agree => "agreement agreement--agree",
                Agreement::Split => "agreement agreement--split",
                _ => "agreement",
            };
            view! {
                <div class="projector__result">
                    <div class="projector__spread">
                        <SpreadChart spread=r.spread title=r.card.title.clone()/>
                        <p class=class>{agreement_label(agreement)}" ("{t::sources(r.ballots, r.hands)}")"</p>
                    </div>
                    <VerdictPanel judgement=judgement heading=t::GROUP_VERDICT/>
                </div>
            }
            .into_any()
        }}
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
