//! Open Referral HSDS packages through their own wasm (`src/bin/hsds.rs`):
//! the mapping and the zip code are fetched the first time a package is made
//! or read (the page's loader offers them as `globalThis.tolHsds()`), so no
//! page's first load carries them. Records cross as export-format JSON.

use wasm_bindgen::{JsCast, JsValue};

use tid_og_lyst_core::activities::activity::Activity;
use tid_og_lyst_core::activities::csv::CsvImport;
use tid_og_lyst_core::da::share as t;
use tid_og_lyst_core::record::meta::Millis;

/// The function `name` of `of` (the window's loader functions, the wasm's exports).
fn function(of: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(of, &name.into()).ok()?.dyn_into().ok()
}

async fn module() -> Result<JsValue, String> {
    let unavailable = || t::CODEC_UNAVAILABLE.to_string();
    let w = web_sys::window().ok_or_else(unavailable)?;
    let load = function(&w, "tolHsds").ok_or_else(unavailable)?;
    let promise = load.call0(&w).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()).ok_or_else(unavailable)?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| unavailable())
}

/// Calls the wasm's `name` with `args`: what it returns, or the error it
/// threw as text.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let module = module().await?;
    let f = function(&module, name).ok_or_else(|| t::CODEC_UNAVAILABLE.to_string())?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&JsValue::NULL, &args).map_err(|e| e.as_string().unwrap_or_else(|| t::CODEC_UNAVAILABLE.to_string()))
}

fn strings<'a>(items: impl IntoIterator<Item = &'a String>) -> JsValue {
    items.into_iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>().into()
}

/// Starts fetching the wasm (a finger on the export button).
pub fn warm() {
    leptos::task::spawn_local(async {
        let _ = module().await;
    });
}

/// The zip file of the HSDS package of `activities`, made at `now`.
pub async fn export(activities: &[&Activity], now: Millis) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(activities).map_err(|e| e.to_string())?;
    let made = call("make_zip", &[JsValue::from_str(&json), (now as f64).into()]).await?;
    Ok(js_sys::Uint8Array::new(&made).to_vec())
}

/// The files of a zip file (name with its folders, text), or the Danish
/// reason why it cannot be read.
pub async fn unzip(bytes: &[u8]) -> Result<Vec<(String, String)>, String> {
    let read = call("unzip", &[js_sys::Uint8Array::from(bytes).into()]).await?;
    let parts: Vec<String> = js_sys::Array::from(&read).iter().filter_map(|v| v.as_string()).collect();
    Ok(parts.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0].clone(), c[1].clone())).collect())
}

/// A package's files read into activities (each with the revision `now`,
/// to be stamped anew), or the Danish reason why it cannot be read.
pub async fn import(files: &[(String, String)], now: Millis) -> Result<CsvImport, String> {
    let names = strings(files.iter().map(|(n, _)| n));
    let texts = strings(files.iter().map(|(_, t)| t));
    let read = call("read_files", &[names, texts, (now as f64).into()]).await?;
    let text = read.as_string().unwrap_or_default();
    #[derive(serde::Deserialize)]
    struct Read {
        good: Vec<(usize, Activity)>,
        bad: Vec<(usize, String)>,
        warnings: Vec<(usize, String)>,
    }
    let r: Read = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(CsvImport { good: r.good, bad: r.bad, warnings: r.warnings })
}
