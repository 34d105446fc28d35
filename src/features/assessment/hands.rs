//! Show-of-hands tally: the facilitator reads a card aloud and counts the
//! hands for each step of the scale. The counts are kept per card with their
//! own revision and are added to the ballots in the results.

use leptos::prelude::*;

use crate::state::use_app;
use tid_og_lyst_core::assessment::cards::{Card, Position};
use tid_og_lyst_core::assessment::da::ui as t;
use tid_og_lyst_core::assessment::session::Assessment;
use tid_og_lyst_core::record::meta::RecordId;

use super::change_session;

/// The tally view: one form per card.
#[component]
pub fn HandsView(
    /// Session id.
    id: RecordId,
    /// The session.
    session: Memo<Option<Assessment>>,
) -> impl IntoView {
    let cards = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| s.tasks.clone()).unwrap_or_default()));
    view! {
        <section aria-labelledby="hands-title">
            <h2 id="hands-title">{t::HANDS_TITLE}</h2>
            <p>{t::HANDS_HELP}</p>
            <For each=move || cards.get() key=|c| c.id.clone() let:card>
                <TallyForm id=id session=session card=card/>
            </For>
        </section>
    }
}

#[component]
fn TallyForm(id: RecordId, session: Memo<Option<Assessment>>, card: Card) -> impl IntoView {
    let state = use_app();
    let cid = card.id.clone();
    let stored = session.with_untracked(|s| s.as_ref().and_then(|s| s.tallies.get(&cid).map(|t| t.counts)));
    let values: [RwSignal<String>; 5] =
        std::array::from_fn(|i| RwSignal::new(stored.map(|c| c[i].to_string()).unwrap_or_default()));
    let (error, set_error) = signal(None::<String>);
    let (saved, set_saved) = signal(false);
    let save_id = cid.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed: [String; 5] = std::array::from_fn(|i| values[i].get_untracked());
        let rev = state.stamp();
        let result =
            change_session(state, id, |s| s.count_hands(&save_id, std::array::from_fn(|i| typed[i].as_str()), rev));
        set_saved.set(result.is_ok());
        set_error.set(result.err().map(|e| e.to_string()));
    };
    let title_id = format!("tally-{cid}-title");
    let labelled_by = title_id.clone();
    view! {
        <form class="card tally" aria-labelledby=labelled_by on:submit=save novalidate>
            <h3 id=title_id>{card.title.clone()}</h3>
            <p>{card.question.clone()}</p>
            <div class="tally__grid">
                {Position::ALL
                    .into_iter()
                    .map(|p| {
                        let input_id = format!("hands-{cid}-{}", p.step());
                        let v = values[p.index()];
                        view! {
                            <div class="field tally__field">
                                <label for=input_id.clone()>
                                    <span class="visually-hidden">{t::hands_for(p.label())}</span>
                                    <span aria-hidden="true">{p.label()}</span>
                                </label>
                                <input
                                    id=input_id
                                    type="text"
                                    inputmode="numeric"
                                    maxlength="3"
                                    autocomplete="off"
                                    prop:value=move || v.get()
                                    on:input=move |ev| v.set(event_target_value(&ev))
                                />
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            <button type="submit" class="btn btn--primary">{t::SAVE_TALLY}</button>
            <p role="status" class="result">{move || saved.get().then_some(t::TALLY_SAVED)}</p>
        </form>
    }
}
