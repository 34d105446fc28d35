//! The share links' codec (deflate, base64url, QR codes), a wasm of its own
//! (`src/bin/codec.rs`): a part's first load does not carry it. The page's
//! loader offers it as `globalThis.tolCodec()`, which fetches and starts it
//! once; the loader starts it at once when the address carries `#data=`.
//! Making and reading a link both go through it, so a link is encoded and
//! decoded in one place (`core::sync::link`).

/// Export text as a link's payload.
pub async fn encode(json: &str) -> Result<String, String> {
    imp::call("encode", json).await.map(|v| v.unwrap_or_default())
}

/// A link's payload as export text, or the Danish reason why it cannot be
/// read.
pub async fn decode(payload: &str) -> Result<String, String> {
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
