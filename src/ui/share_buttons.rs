//! "Del som link" and "Vis QR-kode": the share controls' markup, drawn by
//! `ui::share::ShareLink` and painted before the wasm where a page's top
//! holds them (`examples/first_paint.rs`).

use leptos::prelude::*;

use tid_og_lyst_core::da::share as t;

/// The two buttons, the line that says what happened, then `children` (the
/// link, the codes or an error).
#[component]
pub fn ShareButtons(
    /// "Del som link" pressed.
    #[prop(optional)]
    on_share: Option<Callback<()>>,
    /// "Vis QR-kode" pressed.
    #[prop(optional)]
    on_qr: Option<Callback<()>>,
    /// A first touch or focus: the codec can be fetched ahead.
    #[prop(optional)]
    on_warm: Option<Callback<()>>,
    /// Whether the QR code is shown.
    #[prop(optional, into)]
    show_qr: Signal<bool>,
    /// What the last press did.
    #[prop(optional, into)]
    message: Signal<Option<String>>,
    /// What follows the message.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="share-link" on:pointerdown=move |_| run(on_warm) on:focusin=move |_| run(on_warm)>
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| run(on_share)>{t::SHARE_LINK}</button>
                <button type="button" class="btn" aria-expanded=move || show_qr.get().to_string() on:click=move |_| run(on_qr)>
                    {t::SHOW_QR}
                </button>
            </div>
            <p class="share-link__message" role="status">{move || message.get()}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// Runs `callback`, if there is one (a first paint's controls have none).
pub fn run(callback: Option<Callback<()>>) {
    if let Some(c) = callback {
        c.run(())
    }
}
