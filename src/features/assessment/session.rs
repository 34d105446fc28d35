//! One workshop's page (`/skal-kan/:id`) and what the workshop's components share: the
//! session read from the data, changed through the core, and its links.

use super::{answer, hands, overview, projector, summary, top};
use crate::router::{use_params_map, use_query_map};
use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;

use crate::state::{use_app, AppState};
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::session::{Assessment, SessionError};
use tid_og_lyst_core::record::meta::RecordId;


/// The session with this id, if it is on the device and not deleted.
pub(crate) fn session_memo(id: Memo<Option<RecordId>>) -> Memo<Option<Assessment>> {
    let state = use_app();
    Memo::new(move |_| {
        let id = id.get()?;
        state.data.with(|d| d.assessments.get(&id).filter(|s| !s.meta.deleted).cloned())
    })
}

/// Changes the session in place (no new header revision: the keyed parts
/// carry their own).
pub(crate) fn update_session(state: AppState, id: RecordId, f: impl FnOnce(&mut Assessment)) {
    state.data.update(|d| {
        if let Some(s) = d.assessments.get_mut(&id) {
            f(s);
        }
    });
}

/// Applies one checked change of the core to the session `id`; the data (and
/// so storage) changes only when it succeeded.
pub(crate) fn change_session<T>(
    state: AppState,
    id: RecordId,
    f: impl FnOnce(&mut Assessment) -> Result<T, SessionError>,
) -> Result<T, SessionError> {
    state
        .data
        .try_maybe_update(|d| match d.assessments.get_mut(&id).filter(|s| !s.meta.deleted) {
            Some(s) => {
                let r = f(s);
                (r.is_ok(), r)
            }
            None => (false, Err(SessionError::Gone)),
        })
        .unwrap_or(Err(SessionError::Gone))
}

/// Changes the session header and stamps a new revision.
pub(crate) fn update_header(state: AppState, id: RecordId, f: impl FnOnce(&mut Assessment)) {
    let rev = state.stamp();
    update_session(state, id, |s| {
        f(s);
        s.meta.rev = rev;
    });
}

/// A file-name-friendly form of a text.
pub(crate) fn slug(text: &str) -> String {
    let s: String = text.trim().to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
    let parts: Vec<&str> = s.split('-').filter(|p| !p.is_empty()).collect();
    let joined = parts.join("-");
    if joined.is_empty() {
        "workshop".into()
    } else {
        joined.chars().take(40).collect()
    }
}

/// The link to one view of a session.
pub(crate) fn session_link(id: RecordId, view: &str) -> String {
    if view.is_empty() {
        to(&Route::Session(id.to_string(), String::new()))
    } else {
        to(&Route::Session(id.to_string(), view.to_string()))
    }
}

/// `/skal-kan/:id`: one session, in the view `?visning=` asks for (the
/// overview, answering on a phone or a tablet passed round, the projector,
/// the show of hands, the summary).
#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|s| RecordId::parse(&s)));
    let session = session_memo(id);
    let mode = Memo::new(move |_| query.with(|q| q.get("visning")).unwrap_or_default());
    let exists = Memo::new(move |_| session.with(Option::is_some));
    move || {
        if !exists.get() {
            return view! { <top::Missing/> }.into_any();
        }
        let Some(sid) = id.get_untracked() else { return ().into_any() };
        let body = match mode.get().as_str() {
            "svar" => view! { <answer::AnswerFlow id=sid session=session tablet=false/> }.into_any(),
            "tablet" => view! { <answer::AnswerFlow id=sid session=session tablet=true/> }.into_any(),
            "haender" => view! { <hands::HandsView id=sid session=session/> }.into_any(),
            "projektor" => view! { <projector::ProjectorView id=sid session=session/> }.into_any(),
            "resume" => view! { <summary::SummaryView id=sid session=session/> }.into_any(),
            _ => view! { <overview::Overview id=sid session=session/> }.into_any(),
        };
        let projector = mode.get() == "projektor";
        view! {
            <section class="page assessment session" class:session--projector=projector>
                <SessionHeader id=sid session=session mode=mode/>
                {body}
            </section>
        }
        .into_any()
    }
}

/// Title, date, counts and the links between the views of a session.
#[component]
fn SessionHeader(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
    /// Current view.
    mode: Memo<String>,
) -> impl IntoView {
    let title = move || session.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let date = move || session.with(|s| s.as_ref().map(|s| t::date_line(&s.date)).unwrap_or_default());
    let stats = move || {
        session.with(|s| {
            s.as_ref().map(|s| t::stats(s.participants().len(), s.ballot_count(), s.tasks.len())).unwrap_or_default()
        })
    };
    let views = [
        ("", t::FACILITATOR),
        ("svar", t::MODE_ANSWER),
        ("projektor", t::MODE_PROJECTOR),
        ("haender", t::MODE_HANDS),
        ("tablet", t::MODE_TABLET),
        ("resume", t::MODE_SUMMARY),
    ];
    view! {
        <header class="session__header">
            <p class="session__back no-print"><a href=to(&Route::Assessment)>{t::BACK}</a></p>
            <h1>{title}</h1>
            <p class="session__meta">{date}<span class="no-print">{stats}</span></p>
            <nav class="session__modes no-print" aria-label=t::MODES>
                <ul>
                    {views
                        .into_iter()
                        .map(|(v, label)| {
                            let current = move || (mode.get() == v).then_some("page");
                            view! {
                                <li>
                                    <a class="btn btn--small" href=session_link(id, v) aria-current=current>{label}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
