//! "Del som link" and "Vis QR-kode": any export as a link whose fragment
//! carries the data, handed to the Web Share API (SMS, mail, Messenger) or
//! copied, and the same link as a large QR code.

use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{now, use_app};
use crate::ui::codec;
use tid_og_lyst_core::da::share as t;
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::sync::{link, wire};

/// The address of the page that imports a link of `data`, absolute
/// (`https://…/skal-kan` for a workshop, `https://…/del` for a mix).
pub fn import_page_url(data: &AppData) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let page = Route::for_import(!data.dreams.is_empty(), !data.activities.is_empty(), !data.assessments.is_empty());
    format!("{origin}{}", to(&page))
}

/// Builds the link for `data`'s records of `K`'s kinds, or a Danish reason
/// why not.
pub async fn link_for<K: Kinds>(
    data: AppData,
    device: &tid_og_lyst_core::record::meta::DeviceId,
) -> Result<String, String> {
    if data.is_empty() {
        return Err(t::NOTHING.into());
    }
    let json = serde_json::to_string(&wire::export_value_of::<K>(&data, device, now())).map_err(|e| e.to_string())?;
    let payload = codec::encode(&json).await?;
    let url = link::link_with(&import_page_url(&data), &payload).map_err(|e| e.to_string())?;
    // Read the link back before offering it, like a file export.
    let back = codec::decode(&payload).await?;
    let parsed = wire::parse_text_of::<K>(&back).map_err(|e| e.to_string())?;
    if parsed.data != data {
        return Err(tid_og_lyst_core::da::data::EXPORT_FAILED.into());
    }
    Ok(url)
}

/// Hands a link to the Web Share API if the browser has one; otherwise
/// copies it. Resolves to the confirmation to show.
async fn send(url: String, title: String) -> String {
    let Some(w) = web_sys::window() else { return t::COPY_FAILED.into() };
    let nav = w.navigator();
    let share = js_sys::Reflect::get(&nav, &JsValue::from_str("share")).ok();
    if let Some(f) = share.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.clone().into());
        if let Ok(p) = f.call1(&nav, &data) {
            if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                return match wasm_bindgen_futures::JsFuture::from(p).await {
                    Ok(_) => t::SHARED.into(),
                    Err(_) => t::SHARE_CANCELLED.into(),
                };
            }
        }
    }
    let clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard")).ok().filter(|c| !c.is_undefined());
    if let Some(c) = clipboard {
        if let Ok(f) = js_sys::Reflect::get(&c, &"writeText".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            if let Ok(p) = f.call1(&c, &url.into()) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    if wasm_bindgen_futures::JsFuture::from(p).await.is_ok() {
                        return t::COPIED.into();
                    }
                }
            }
        }
    }
    t::COPY_FAILED.into()
}

/// Buttons "Del som link" and "Vis QR-kode" for the data `what` returns
/// (its records of `K`'s kinds: the page's part's, or every kind on the
/// data page).
#[component]
pub fn ShareLink<K: Kinds>(
    /// The kinds of record the link carries (`DreamsOnly` …, `AllKinds`).
    kinds: K,
    /// Produces the data to share when a button is pressed.
    what: Callback<(), AppData>,
    /// Title for the share sheet.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let _ = kinds;
    let state = use_app();
    let (made, set_made) = signal(None::<Result<String, String>>);
    let (message, set_message) = signal(None::<String>);
    let (show_qr, set_show_qr) = signal(false);
    let make = move || {
        let data = what.run(());
        let device = state.device();
        async move {
            let result = link_for::<K>(data, &device).await;
            set_made.try_set(Some(result.clone()));
            result
        }
    };
    let title2 = title.clone();
    let on_share = move |_| {
        set_show_qr.set(false);
        let made = make();
        let title = title2.clone();
        spawn_local(async move {
            let message = match made.await {
                Ok(url) => send(url, title).await,
                Err(e) => e,
            };
            set_message.try_set(Some(message));
        });
    };
    let on_qr = move |_| {
        set_message.set(None);
        if show_qr.get_untracked() {
            set_show_qr.set(false);
            return;
        }
        let made = make();
        spawn_local(async move {
            if made.await.is_ok() {
                set_show_qr.try_set(true);
            }
        });
    };
    let link_text = move || made.get().and_then(|r| r.ok());
    let error = move || made.get().and_then(|r| r.err());
    view! {
        <div class="share-link" on:pointerdown=move |_| codec::warm() on:focusin=move |_| codec::warm()>
            <div class="actions">
                <button type="button" class="btn" on:click=on_share>{t::SHARE_LINK}</button>
                <button type="button" class="btn" aria-expanded=move || show_qr.get().to_string() on:click=on_qr>
                    {t::SHOW_QR}
                </button>
            </div>
            <p class="share-link__message" role="status">{move || message.get()}</p>
            {move || error().map(|e| view! { <p class="notice notice--error">{e}</p> })}
            {move || link_text().map(|url| view! {
                <label class="field">
                    <span>{t::THE_LINK}</span>
                    <input class="share-link__url" type="text" readonly prop:value=url.clone()/>
                </label>
            })}
            {move || (show_qr.get()).then(&link_text).flatten().map(|url| view! { <QrCode text=url/> })}
        </div>
    }
}

/// A QR code of `text`, drawn as one SVG path, or a message when the text
/// is too long for a code that can be scanned.
#[component]
pub fn QrCode(
    /// What the code encodes.
    text: String,
) -> impl IntoView {
    let (made, set_made) = signal(None::<Result<Option<(usize, String)>, String>>);
    spawn_local(async move {
        set_made.try_set(Some(codec::qr_path(&text).await));
    });
    move || match made.get() {
        None => view! { <p class="qr__making">{t::QR_MAKING}</p> }.into_any(),
        Some(Ok(Some((side, d)))) => view! {
            <figure class="qr">
                <svg
                    class="qr__code"
                    role="img"
                    aria-label=t::QR_ALT
                    viewBox=format!("0 0 {side} {side}")
                    shape-rendering="crispEdges"
                >
                    <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                    <path fill="#000" d=d/>
                </svg>
                <figcaption>{t::QR_CAPTION}</figcaption>
            </figure>
        }
        .into_any(),
        Some(Ok(None)) => view! { <p class="notice notice--warning">{t::QR_TOO_LONG}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="notice notice--error">{e}</p> }.into_any(),
    }
}

/// Reads `#data=…` from the address, removes it (so a reload does not import
/// twice) and returns its payload (for [`codec::decode`]).
pub fn take_payload() -> Option<String> {
    let w = web_sys::window()?;
    let hash = w.location().hash().ok()?;
    let payload = link::payload_of_fragment(&hash)?.to_string();
    if let Ok(history) = w.history() {
        let path = w.location().pathname().unwrap_or_default();
        let search = w.location().search().unwrap_or_default();
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    Some(payload)
}
