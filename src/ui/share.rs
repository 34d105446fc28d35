//! "Del som link" and "Vis QR-kode": any export as a link whose fragment
//! carries the data, handed to the Web Share API (SMS, mail, Messenger) or
//! copied, and the same link as a large QR code; a long one as several
//! links or several QR codes shown in turn (`core::sync::parts`), which the
//! receiving page puts together (`ui::import`).

use crate::routes::Route;
use crate::ui::link::to;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::state::{now, use_app};
use crate::ui::codec;
use crate::ui::share_buttons::ShareButtons;
use tid_og_lyst_core::da::share as t;
use tid_og_lyst_core::sync::data::{AppData, Kinds};
use tid_og_lyst_core::sync::parts::{self, Carrier};
use tid_og_lyst_core::sync::{link, wire};

/// The address of the page that imports a link of `data`, absolute
/// (`https://…/skal-kan` for a workshop, `https://…/del` for a mix).
pub fn import_page_url(data: &AppData) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let page = Route::for_import(!data.dreams.is_empty(), !data.activities.is_empty(), !data.assessments.is_empty());
    format!("{origin}{}", to(&page))
}

/// Encodes `data`'s records of `K`'s kinds as a link's payload, read back
/// and checked before it is offered, like a file export; or a Danish reason
/// why not.
async fn payload_for<K: Kinds>(
    data: &AppData,
    device: &tid_og_lyst_core::record::meta::DeviceId,
) -> Result<String, String> {
    if data.is_empty() {
        return Err(t::NOTHING.into());
    }
    let json = serde_json::to_string(&wire::export_value_of::<K>(data, device, now())).map_err(|e| e.to_string())?;
    let payload = codec::encode(&json).await?;
    let back = codec::decode(&payload).await?;
    let parsed = wire::parse_text_of::<K>(&back).map_err(|e| e.to_string())?;
    if &parsed.data != data {
        return Err(tid_og_lyst_core::da::data::EXPORT_FAILED.into());
    }
    Ok(payload)
}

/// Builds the one link for `data`'s records of `K`'s kinds (a printed QR
/// code), or a Danish reason why not.
pub async fn link_for<K: Kinds>(
    data: AppData,
    device: &tid_og_lyst_core::record::meta::DeviceId,
) -> Result<String, String> {
    let payload = payload_for::<K>(&data, device).await?;
    link::link_with(&import_page_url(&data), &payload).map_err(|e| e.to_string())
}

/// Builds the links for `data`'s records of `K`'s kinds for `carrier`: one,
/// or a long share's parts in order (`parts::links`); or a Danish reason
/// why not.
pub async fn links_for<K: Kinds>(
    data: AppData,
    device: &tid_og_lyst_core::record::meta::DeviceId,
    carrier: Carrier,
) -> Result<Vec<String>, String> {
    let payload = payload_for::<K>(&data, device).await?;
    parts::links(&import_page_url(&data), &payload, carrier).map_err(|e| e.to_string())
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
/// data page). A long share is several links, each sent on its own, or
/// several QR codes shown in turn.
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
    let (made, set_made) = signal(None::<Result<Vec<String>, String>>);
    let (message, set_message) = signal(None::<String>);
    let (show_qr, set_show_qr) = signal(false);
    let make = move |carrier: Carrier| {
        let data = what.run(());
        let device = state.device();
        async move {
            let result = links_for::<K>(data, &device, carrier).await;
            set_made.try_set(Some(result.clone()));
            result
        }
    };
    let title2 = title.clone();
    let on_share = move |()| {
        set_show_qr.set(false);
        let made = make(Carrier::Message);
        let title = title2.clone();
        spawn_local(async move {
            let message = match made.await {
                // Several links: each sent by its own button (a share sheet
                // takes one link a press).
                Ok(links) if links.len() > 1 => t::parts_made(links.len()),
                Ok(mut links) => send(links.remove(0), title).await,
                Err(e) => e,
            };
            set_message.try_set(Some(message));
        });
    };
    let on_qr = move |()| {
        set_message.set(None);
        if show_qr.get_untracked() {
            set_show_qr.set(false);
            return;
        }
        let made = make(Carrier::QrCode);
        spawn_local(async move {
            if made.await.is_ok() {
                set_show_qr.try_set(true);
            }
        });
    };
    let links = move || made.get().and_then(|r| r.ok());
    let error = move || made.get().and_then(|r| r.err());
    view! {
        <ShareButtons
            on_share=Callback::new(on_share)
            on_qr=Callback::new(on_qr)
            on_warm=Callback::new(|()| codec::warm())
            show_qr
            message
        >
            {move || error().map(|e| view! { <p class="notice notice--error">{e}</p> })}
            {move || show_qr.get().then(links).flatten().map(|mut links| {
                if links.len() == 1 {
                    view! { <QrCode text=links.remove(0)/> }.into_any()
                } else {
                    view! { <QrCodes links=links/> }.into_any()
                }
            })}
            {move || links().map(|mut links| {
                if links.len() == 1 {
                    view! {
                        <label class="field">
                            <span>{t::THE_LINK}</span>
                            <input class="share-link__url" type="text" readonly prop:value=links.remove(0)/>
                        </label>
                    }
                    .into_any()
                } else {
                    view! { <PartLinks links=links title=title.clone() said=set_message/> }.into_any()
                }
            })}
        </ShareButtons>
    }
}

/// A long share's links, each with a button that sends it on its own.
#[component]
fn PartLinks(
    /// The parts' links, in order.
    links: Vec<String>,
    /// Title for the share sheet.
    title: String,
    /// Where what a button did is said.
    said: WriteSignal<Option<String>>,
) -> impl IntoView {
    let n = links.len();
    let rows = links
        .into_iter()
        .enumerate()
        .map(|(i, url)| {
            let (url2, title) = (url.clone(), format!("{title} ({})", t::part_of(i + 1, n)));
            let on_send = move |_| {
                let (url, title) = (url2.clone(), title.clone());
                spawn_local(async move {
                    let what = send(url, title).await;
                    said.try_set(Some(t::part_sent(i + 1, n, &what)));
                });
            };
            view! {
                <li class="share-link__part">
                    <label class="field">
                        <span>{t::part_of(i + 1, n)}</span>
                        <input class="share-link__url" type="text" readonly prop:value=url/>
                    </label>
                    <button type="button" class="btn" on:click=on_send>{t::send_part(i + 1, n)}</button>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="share-link__parts">{rows}</ol> }
}

/// A QR code as one SVG path (see `link::qr_path`), with its alt text and
/// caption.
fn qr_figure(side: usize, d: String, alt: String, caption: &'static str) -> impl IntoView {
    view! {
        <figure class="qr">
            <svg
                class="qr__code"
                role="img"
                aria-label=alt
                viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges"
            >
                <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                <path fill="#000" d=d/>
            </svg>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// A code being made, made, too long, or why it could not be made.
type Made = Option<Result<Option<(usize, String)>, String>>;

/// What a code [`Made`] shows: the code, or what stands in its place.
fn made_view(made: Made, alt: String, caption: &'static str) -> AnyView {
    match made {
        None => view! { <p class="qr__making">{t::QR_MAKING}</p> }.into_any(),
        Some(Ok(Some((side, d)))) => qr_figure(side, d, alt, caption).into_any(),
        Some(Ok(None)) => view! { <p class="notice notice--warning">{t::QR_TOO_LONG}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="notice notice--error">{e}</p> }.into_any(),
    }
}

/// A QR code of `text`, drawn as one SVG path, or a message when the text
/// is too long for a code that can be scanned.
#[component]
pub fn QrCode(
    /// What the code encodes.
    text: String,
) -> impl IntoView {
    let (made, set_made) = signal(None);
    spawn_local(async move {
        set_made.try_set(Some(codec::qr_path(&text).await));
    });
    move || made_view(made.get(), t::QR_ALT.into(), t::QR_CAPTION)
}

/// How long each of several QR codes is shown before the next: time for a
/// phone's camera to find it and for its owner to tap the link, or to wait
/// for the next turn.
const CODE_SHOWN: std::time::Duration = std::time::Duration::from_secs(5);

/// A long share's QR codes shown in turn ("Kode 2 af 3"), changing by
/// themselves until stopped, and buttons to step through them.
#[component]
fn QrCodes(
    /// The parts' links, in order.
    links: Vec<String>,
) -> impl IntoView {
    let n = links.len();
    let codes = RwSignal::new(vec![None; n]);
    // Made one by one, the first first, so it shows at once.
    spawn_local(async move {
        for (i, text) in links.iter().enumerate() {
            let made = codec::qr_path(text).await;
            if codes.try_update(|c| c[i] = Some(made)).is_none() {
                return;
            }
        }
    });
    let shown = RwSignal::new(0usize);
    let turning = RwSignal::new(true);
    let next = move || shown.update(|i| *i = (*i + 1) % n);
    let timer = set_interval_with_handle(
        move || {
            if turning.get_untracked() {
                next();
            }
        },
        CODE_SHOWN,
    )
    .ok();
    on_cleanup(move || {
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    // A step by hand stops the turning: the person scanning sets the pace.
    let step = move |forward: bool| {
        turning.set(false);
        if forward {
            next();
        } else {
            shown.update(|i| *i = (*i + n - 1) % n);
        }
    };
    view! {
        <div class="qr-parts">
            <p class="qr-parts__count">{move || t::code_of(shown.get() + 1, n)}</p>
            {move || {
                let i = shown.get();
                made_view(codes.with(|c| c[i].clone()), t::qr_part_alt(i + 1, n), t::QR_CAPTION)
            }}
            <div class="actions qr-parts__steps">
                <button type="button" class="btn" on:click=move |_| step(false)>{t::PREVIOUS_CODE}</button>
                <button type="button" class="btn" on:click=move |_| turning.update(|t| *t = !*t)>
                    {move || if turning.get() { t::STOP_CHANGING } else { t::CHANGE_BY_ITSELF }}
                </button>
                <button type="button" class="btn" on:click=move |_| step(true)>{t::NEXT_CODE}</button>
            </div>
            <p class="qr-parts__help">{t::QR_PARTS_HELP}</p>
        </div>
    }
}
