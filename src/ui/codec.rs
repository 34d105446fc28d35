//! The share links' codec (deflate, base64url, QR codes), which a release
//! build ships as a wasm of its own (`src/bin/codec.rs`): a part's first
//! load does not carry it. The page's loader offers it as
//! `globalThis.tolCodec()`, which fetches and starts it once. Reading a
//! link needs no codec where the browser inflates raw deflate itself (the
//! loader's `tolInflate`); elsewhere the loader starts the codec at once
//! when the address carries `#data=`. A debug build (`./x serve`) has one
//! bundle and links the codec in.

/// Export text as a link's payload.
pub async fn encode(json: &str) -> Result<String, String> {
    imp::call("encode", json).await.map(|v| v.unwrap_or_default())
}

/// A link's payload as export text, or the Danish reason why it cannot be
/// read. A browser that inflates raw deflate itself (`DecompressionStream`)
/// does it through the loader's `tolInflate`, with the core's limits, so
/// opening a QR code's link fetches no codec; an older one fetches it.
pub async fn decode(payload: &str) -> Result<String, String> {
    #[cfg(not(debug_assertions))]
    if let Some(read) = imp::inflate_in_browser(payload).await {
        return read;
    }
    imp::call("decode", payload).await.map(|v| v.unwrap_or_default())
}

/// The QR code of `text`: its side in modules and one SVG path; `None` when
/// the text is too long for a code that can be scanned.
pub async fn qr_path(text: &str) -> Result<Option<(usize, String)>, String> {
    let made = imp::call("qr", text).await?;
    Ok(made.and_then(|s| {
        let (side, d) = s.split_once(' ')?;
        Some((side.parse().ok()?, d.to_string()))
    }))
}

/// Starts fetching the codec (a finger on a share button), so it is there
/// by the time the button is released.
pub fn warm() {
    imp::warm();
}

#[cfg(not(debug_assertions))]
mod imp {
    use tid_og_lyst_core::da::share as t;
    use wasm_bindgen::{JsCast, JsValue};

    pub(super) fn warm() {
        leptos::task::spawn_local(async {
            let _ = module().await;
        });
    }

    /// The function `name` of `of` (the window's loader functions, the codec's exports).
    fn function(of: &JsValue, name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(of, &name.into()).ok()?.dyn_into().ok()
    }

    async fn module() -> Result<JsValue, String> {
        let unavailable = || t::CODEC_UNAVAILABLE.to_string();
        let w = web_sys::window().ok_or_else(unavailable)?;
        let load = function(&w, "tolCodec").ok_or_else(unavailable)?;
        let promise = load.call0(&w).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()).ok_or_else(unavailable)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| unavailable())
    }

    /// The loader's `tolInflate` (base64url, raw inflate up to the core's
    /// limit, strict UTF-8), or `None` when the browser has no
    /// `DecompressionStream` for raw deflate. Its errors are the names of
    /// [`LinkError`]'s cases, shown in the core's words.
    pub(super) async fn inflate_in_browser(payload: &str) -> Option<Result<String, String>> {
        use tid_og_lyst_core::sync::link::{LinkError, MAX_INFLATED_BYTES};
        let w = web_sys::window()?;
        let f = function(&w, "tolInflate")?;
        let promise = f.call2(&w, &payload.into(), &(MAX_INFLATED_BYTES as f64).into()).ok()?;
        let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
        Some(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(text) => Ok(text.as_string().unwrap_or_default()),
            Err(code) => Err(match code.as_string().as_deref() {
                Some("Empty") => LinkError::Empty,
                Some("BadEncoding") => LinkError::BadEncoding,
                Some("TooBig") => LinkError::TooBig,
                Some("NotText") => LinkError::NotText,
                _ => LinkError::BadCompression,
            }
            .to_string()),
        })
    }

    /// Calls the codec's `name` with `arg`: its text (`None` for nothing),
    /// or the error it threw as text.
    pub(super) async fn call(name: &str, arg: &str) -> Result<Option<String>, String> {
        let module = module().await?;
        let f = function(&module, name).ok_or_else(|| t::CODEC_UNAVAILABLE.to_string())?;
        match f.call1(&JsValue::NULL, &arg.into()) {
            Ok(v) => Ok(v.as_string()),
            Err(e) => Err(e.as_string().unwrap_or_else(|| t::CODEC_UNAVAILABLE.to_string())),
        }
    }
}

#[cfg(debug_assertions)]
mod imp {
    use tid_og_lyst_core::sync::link;

    /// Linked in: nothing to fetch.
    pub(super) fn warm() {}

    pub(super) async fn call(name: &str, arg: &str) -> Result<Option<String>, String> {
        match name {
            "encode" => Ok(Some(link::encode(arg))),
            "decode" => link::decode(arg).map(Some).map_err(|e| e.to_string()),
            _ => Ok(link::qr_path(arg).map(|(side, d)| format!("{side} {d}"))),
        }
    }
}
