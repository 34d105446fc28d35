//! The notices region: messages for the user, announced politely to screen
//! readers, each with a close button and an optional file to download.

use leptos::prelude::*;

use crate::state::{use_app, NoticeKind};
use crate::ui::download::download_text;
use crate::ui::offline::NoticeAction;
use tid_og_lyst_core::da;

/// Every open notice, in the frame's notices region (`ui::frame`).
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    view! {
        <Show when=move || !state.loaded.get()>
            <p class="notice notice--info notice--loading">{da::storage::LOADING}</p>
        </Show>
        <For each=move || state.notices.get() key=|n| n.id let:n>
            {
                let class = match n.kind {
                    NoticeKind::Info => "notice notice--info",
                    NoticeKind::Warning => "notice notice--warning",
                    NoticeKind::Error => "notice notice--error",
                };
                let id = n.id;
                let label = n.download_label;
                let download = n.download.clone().map(|(file, content)| {
                    view! {
                        <button
                            type="button"
                            class="btn btn--small"
                            on:click=move |_| { download_text(&file, "application/json", &content); }
                        >
                            {label}
                        </button>
                    }
                });
                let action = n.action.map(|(label, action)| view! { <NoticeAction label=label action=action/> });
                view! {
                    <div class=class>
                        <p>{n.text.clone()}</p>
                        {download}
                        {action}
                        <button
                            type="button"
                            class="btn btn--small btn--ghost"
                            on:click=move |_| state.dismiss(id)
                        >
                            {da::app::CLOSE}
                        </button>
                    </div>
                }
            }
        </For>
    }
}
