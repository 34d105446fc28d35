//! The facilitator's overview of a session: send it to the participants, set
//! when the projector reveals a result (and the card timer), import their answer files (checked, previewed, then merged, with undo on
//! `/del`), choose the cards, add the group's own, delete the session.

use crate::router::use_navigate;
use crate::router::NavigateOptions;
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::features::data::export_checked;
use crate::state::{use_app, NoticeKind};
use crate::ui::share::ShareLink;
use tid_og_lyst_core::assessment::cards::{builtin, Card, Origin};
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::results::{agreement_label, most_split_first, results, turnout};
use tid_og_lyst_core::assessment::session::{ballot_diff, Assessment, BallotDiff, RevealMode};
use tid_og_lyst_core::record::merge::{self, Record};
use tid_og_lyst_core::record::meta::RecordId;
use tid_og_lyst_core::sync::data::{AppData, AssessmentsOnly};
use tid_og_lyst_core::sync::wire;
use tid_og_lyst_core::text::fields::check_field;

use super::{slug, update_header};

/// The overview.
#[component]
pub fn Overview(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
) -> impl IntoView {
    view! {
        <ShareSection session=session/>
        <Turnouts session=session/>
        <super::scan::ScanAnswers id=id/>
        <RevealRules id=id session=session/>
        <ImportBallots id=id session=session/>
        <CardsEditor id=id session=session/>
        <DeleteSession id=id/>
    }
}

#[component]
fn ShareSection(session: Memo<Option<Assessment>>) -> impl IntoView {
    let state = use_app();
    let (message, set_message) = signal(None::<String>);
    let share = move |_| {
        let Some(s) = session.get_untracked() else { return };
        let stem = format!("skal-kan-{}", slug(&s.title));
        let data = AppData { assessments: merge::collect([s.for_participants()]), ..AppData::default() };
        let msg = match export_checked::<AssessmentsOnly>(state, &data, &stem) {
            Some((_, file)) => t::exported(&file),
            None => t::EXPORT_FAILED.to_string(),
        };
        set_message.set(Some(msg));
    };
    let what = Callback::new(move |()| AppData {
        assessments: merge::collect(session.get_untracked().map(|s| s.for_participants())),
        ..AppData::default()
    });
    let title = session.with_untracked(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    view! {
        <section class="card no-print" aria-labelledby="share-title">
            <h2 id="share-title">{t::FACILITATOR}</h2>
            <p>{t::SHARE_HELP}</p>
            <button type="button" class="btn btn--primary" on:click=share>{t::SHARE_SESSION}</button>
            <p role="status" class="result">{move || message.get()}</p>
            <p>{t::SHARE_LINK_HELP}</p>
            <ShareLink kinds=AssessmentsOnly what=what title=title/>
        </section>
    }
}

/// Answer files read and checked, waiting for the facilitator's yes.
#[derive(Clone, PartialEq)]
struct Pending {
    incoming: Assessment,
    diff: BallotDiff,
}

#[component]
fn ImportBallots(id: RecordId, session: Memo<Option<Assessment>>) -> impl IntoView {
    let state = use_app();
    let (pending, set_pending) = signal(None::<Pending>);
    let (errors, set_errors) = signal(Vec::<String>::new());
    let (done, set_done) = signal(None::<&'static str>);

    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        set_errors.set(Vec::new());
        set_done.set(None);
        set_pending.set(None);
        spawn_local(async move {
            let mut combined: Option<Assessment> = None;
            let mut errs = Vec::new();
            for file in files {
                let name = file.name();
                if let Err(e) = wire::check_size(file.size() as usize) {
                    errs.push(t::file_error(&name, &e.to_string()));
                    continue;
                }
                let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                    errs.push(t::file_error(&name, tid_og_lyst_core::da::data::READ_FAILED));
                    continue;
                };
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                match wire::parse_bytes_of::<AssessmentsOnly>(&bytes) {
                    Err(e) => errs.push(t::file_error(&name, &e.to_string())),
                    Ok(parsed) => match parsed.data.assessments.get(&id) {
                        None => errs.push(t::file_error(&name, t::OTHER_SESSION)),
                        Some(s) => {
                            combined = Some(match combined.take() {
                                Some(c) => Assessment::join(&c, s),
                                None => s.clone(),
                            });
                        }
                    },
                }
            }
            set_errors.set(errs);
            if let Some(incoming) = combined {
                let diff = session.with_untracked(|local| ballot_diff(local.as_ref(), &incoming));
                set_pending.set(Some(Pending { incoming, diff }));
            }
        });
    };

    let apply = move |_| {
        let Some(p) = pending.get_untracked() else { return };
        let before = state.data.get_untracked();
        let _ = crate::ui::import::save_undo::<AssessmentsOnly>(&before);
        let incoming = AppData { assessments: merge::collect([p.incoming]), ..AppData::default() };
        state.observe(&incoming);
        state.data.set(before.merge_of::<AssessmentsOnly>(&incoming));
        set_pending.set(None);
        set_done.set(Some(t::APPLIED));
    };

    view! {
        <section class="card no-print" aria-labelledby="ballots-title">
            <h2 id="ballots-title">{t::BALLOTS_TITLE}</h2>
            <p>{t::IMPORT_HELP}</p>
            <input
                id="ballot-files"
                class="file-input"
                type="file"
                multiple
                accept=".json,application/json"
                on:change=on_files
            />
            <label for="ballot-files" class="btn btn--primary">{t::IMPORT_BALLOTS}</label>
            <div role="alert" class="ballot-errors">
                <For each=move || errors.get() key=|e| e.clone() let:e>
                    <p class="notice notice--error">{e}</p>
                </For>
            </div>
            {move || {
                pending
                    .get()
                    .map(|p| {
                        let names = p.diff.participants.iter().cloned().collect::<Vec<_>>().join(", ");
                        view! {
                            <div class="preview ballot-preview">
                                <p class="preview__summary">
                                    {t::ballot_preview(p.diff.new, p.diff.replaced, p.diff.unchanged)}
                                </p>
                                <p>{t::from_participants(&names)}</p>
                                <div class="actions">
                                    <button type="button" class="btn btn--primary" on:click=apply>
                                        {t::APPLY_BALLOTS}
                                    </button>
                                    <button type="button" class="btn" on:click=move |_| set_pending.set(None)>
                                        {t::CANCEL}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            <p role="status" class="result">{move || done.get()}</p>
        </section>
    }
}

#[component]
fn CardsEditor(id: RecordId, session: Memo<Option<Assessment>>) -> impl IntoView {
    let state = use_app();
    let included = move |card_id: &str| session.with(|s| s.as_ref().is_some_and(|s| s.card(card_id).is_some()));
    let toggle = move |card: Card| {
        update_header(state, id, |s| {
            if s.card(&card.id).is_some() {
                s.tasks.retain(|c| c.id != card.id);
            } else {
                // Keep built-in order: insert before the first card that comes later.
                let order: Vec<String> = builtin().into_iter().map(|c| c.id).collect();
                let rank = |cid: &str| order.iter().position(|o| o == cid).unwrap_or(usize::MAX);
                let at = s.tasks.iter().position(|c| rank(&c.id) > rank(&card.id)).unwrap_or(s.tasks.len());
                s.tasks.insert(at, card);
            }
        })
    };
    let own = Memo::new(move |_| {
        session
            .with(|s| {
                s.as_ref().map(|s| s.tasks.iter().filter(|c| c.origin == Origin::Own).cloned().collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    view! {
        <section class="card no-print" aria-labelledby="cards-title">
            <h2 id="cards-title">{t::EDIT_TITLE}</h2>
            <ul class="card-toggles">
                {builtin()
                    .into_iter()
                    .map(|card| {
                        let cid = card.id.clone();
                        let label = t::include_card(&card.title);
                        let input_id = format!("include-{}", card.id);
                        let c2 = card.clone();
                        view! {
                            <li class="check">
                                <input
                                    type="checkbox"
                                    id=input_id.clone()
                                    prop:checked=move || included(&cid)
                                    on:change=move |_| toggle(c2.clone())
                                />
                                <label for=input_id>{label}</label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ul class="own-cards">
                <For each=move || own.get() key=|c| c.id.clone() let:card>
                    <li>
                        <strong>{card.title.clone()}</strong>
                        " – "
                        {card.question.clone()}
                        " "
                        <button
                            type="button"
                            class="btn btn--small btn--danger"
                            on:click={
                                let c = card.clone();
                                move |_| toggle(c.clone())
                            }
                        >
                            {t::remove_card(&card.title)}
                        </button>
                    </li>
                </For>
            </ul>
            <OwnCardForm id=id/>
        </section>
    }
}

#[component]
fn OwnCardForm(id: RecordId) -> impl IntoView {
    let state = use_app();
    let (title, set_title) = signal(String::new());
    let (question, set_question) = signal(String::new());
    let (error, set_error) = signal(None::<&'static str>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ti = title.get_untracked().trim().to_string();
        if ti.is_empty() {
            set_error.set(Some(t::CARD_TITLE_REQUIRED));
            return;
        }
        let card = Card {
            id: crate::ids::new_id().to_string(),
            title: ti,
            question: question.get_untracked().trim().to_string(),
            origin: Origin::Own,
            context: String::new(),
        };
        if check_field(t::OWN_TITLE, &card.title).is_err() || check_field(t::OWN_QUESTION, &card.question).is_err() {
            set_error.set(Some(t::CARD_TEXT_BAD));
            return;
        }
        update_header(state, id, |s| s.tasks.push(card));
        set_title.set(String::new());
        set_question.set(String::new());
        set_error.set(None);
    };
    view! {
        <form class="own-card-form" on:submit=add novalidate>
            <h3>{t::OWN_CARD}</h3>
            <div class="field">
                <label for="own-title">{t::OWN_TITLE}</label>
                <input
                    id="own-title"
                    type="text"
                    maxlength="120"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby="own-title-error"
                    prop:value=move || title.get()
                    on:input=move |ev| set_title.set(event_target_value(&ev))
                />
                <p id="own-title-error" class="error" role="alert">{move || error.get()}</p>
            </div>
            <div class="field">
                <label for="own-question">{t::OWN_QUESTION}</label>
                <textarea
                    id="own-question"
                    rows="2"
                    maxlength="1000"
                    prop:value=move || question.get()
                    on:input=move |ev| set_question.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button type="submit" class="btn">{t::ADD_CARD}</button>
        </form>
    }
}

#[component]
fn DeleteSession(id: RecordId) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let (asking, set_asking) = signal(false);
    let delete = move |_| {
        update_header(state, id, |s| {
            s.meta.deleted = true;
        });
        state.notify(NoticeKind::Info, t::DELETED);
        navigate(&to(&Route::Assessment), NavigateOptions::default());
    };
    view! {
        <section class="no-print">
            <button type="button" class="btn btn--danger" on:click=move |_| set_asking.set(true)>{t::DELETE}</button>
            <Show when=move || asking.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="delete-q">
                    <p id="delete-q">{t::DELETE_CONFIRM}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=delete.clone()>{t::DELETE_YES}</button>
                        <button type="button" class="btn" on:click=move |_| set_asking.set(false)>{t::CANCEL}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// The reveal rule, its threshold and the card timer, set per workshop.
#[component]
fn RevealRules(id: RecordId, session: Memo<Option<Assessment>>) -> impl IntoView {
    let state = use_app();
    let rules = session.with_untracked(|s| s.as_ref().map(Assessment::rules));
    let mode = RwSignal::new(rules.as_ref().map(|r| r.reveal).unwrap_or_default());
    let min = RwSignal::new(rules.as_ref().map(|r| r.min_answers.to_string()).unwrap_or_else(|| "3".into()));
    let minutes = RwSignal::new(rules.as_ref().map(|r| (r.timer_secs / 60).to_string()).unwrap_or_else(|| "0".into()));
    let (message, set_message) = signal(None::<Result<String, String>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rev = state.stamp();
        let (m, n, t_) = (mode.get_untracked(), min.get_untracked(), minutes.get_untracked());
        let done = super::change_session(state, id, move |s| s.set_rules(m, &n, &t_, rev));
        set_message.set(Some(done.map(|_| t::RULES_SAVED.to_string()).map_err(|e| e.to_string())));
    };
    view! {
        <form class="card no-print" on:submit=save aria-labelledby="rules-title">
            <h2 id="rules-title">{t::RULES_TITLE}</h2>
            <fieldset class="field">
                <legend>{t::F_REVEAL}</legend>
                {RevealMode::ALL.into_iter().map(|m| view! {
                    <label class="check">
                        <input type="radio" name="reveal" value=m.slug()
                            prop:checked=move || mode.get() == m
                            on:change=move |_| mode.set(m)/>
                        {m.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="form-row">
                <div class="field">
                    <label for="rules-min">{t::F_MIN}</label>
                    <input id="rules-min" type="number" min="1" max="50" inputmode="numeric" prop:value=move || min.get() on:input=move |ev| min.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="rules-timer">{t::F_TIMER}</label>
                    <input id="rules-timer" type="number" min="0" max="60" inputmode="numeric" prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </div>
            </div>
            <button type="submit" class="btn btn--primary">{t::SAVE_RULES}</button>
            {move || match message.get() {
                Some(Ok(m)) => view! { <p role="status" class="result">{m}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert" class="error">{e}</p> }.into_any(),
                None => view! { <p role="status" class="result"></p> }.into_any(),
            }}
        </form>
    }
}

/// Each card with its turnout and whether the room agrees, in the
/// workshop's order or most split first.
#[component]
fn Turnouts(session: Memo<Option<Assessment>>) -> impl IntoView {
    let split_first = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        session.with(|s| {
            let Some(s) = s.as_ref() else { return Vec::new() };
            let all = results(s);
            let all = if split_first.get() { most_split_first(all) } else { all };
            all.into_iter()
                .map(|r| {
                    let c = turnout(s, &r.card.id);
                    (r.card.title.clone(), t::turnout(c.answered, c.known), agreement_label(r.agreement()))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card no-print" aria-labelledby="turnout-title">
            <h2 id="turnout-title">{t::TURNOUT_TITLE}</h2>
            <OrderChoice split_first=split_first name="overview-order"/>
            <ul class="turnouts">
                {move || rows.get().into_iter().map(|(title, count, agreement)| view! {
                    <li><strong>{title}</strong>{format!(" – {count} · {agreement}")}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// "Som i workshoppen" or "Mest uenige først".
#[component]
pub(super) fn OrderChoice(split_first: RwSignal<bool>, name: &'static str) -> impl IntoView {
    view! {
        <fieldset class="field checks order-choice no-print">
            <legend>{t::ORDER}</legend>
            <label class="check">
                <input type="radio" name=name prop:checked=move || !split_first.get() on:change=move |_| split_first.set(false)/>
                {t::ORDER_SESSION}
            </label>
            <label class="check">
                <input type="radio" name=name prop:checked=move || split_first.get() on:change=move |_| split_first.set(true)/>
                {t::ORDER_SPLIT}
            </label>
        </fieldset>
    }
}
