//! The friendly error page shown after a panic. It is built with plain DOM
//! calls (the reactive system cannot be trusted any more) and still lets the
//! user download their data: the records held in memory, else read straight
//! from local storage.

use crate::routes::Route;
use serde_json::{json, Value};

use crate::storage;
use tid_og_lyst_core::da::panic as t;

/// Replaces the page with the error page.
pub fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    body.set_text_content(None);
    let Ok(main) = doc.create_element("main") else { return };
    main.set_class_name("panic-page");
    let add = |tag: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = main.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h1", t::TITLE);
    add("p", t::TEXT);
    if let Some(a) = add("a", t::EXPORT) {
        let blob_url = data_url();
        a.set_attribute("href", &blob_url).ok();
        a.set_attribute("download", "tid-og-lyst-nødkopi.json").ok();
        a.set_class_name("btn btn--primary");
    }
    if let Some(a) = add("a", t::RELOAD) {
        a.set_attribute("href", &crate::ui::link::to(&Route::Home)).ok();
        // A plain page load: the router's click handler lives in the wasm
        // that just stopped.
        a.set_attribute("rel", "external").ok();
        a.set_class_name("btn");
    }
    let _ = body.append_child(&main);
}

/// The stored data as a v1 export, read raw so nothing has to be parsed into
/// types, as an object URL.
fn data_url() -> String {
    // The records as the app held them in memory; else what local storage
    // holds (the first version's keys, or where IndexedDB is not available).
    let raw = |key: &str| -> Value {
        crate::state::records_for_panic(key)
            .or_else(|| {
                storage::raw_get(key).and_then(|t| serde_json::from_str::<Value>(&t).ok()).filter(Value::is_array)
            })
            .unwrap_or(json!([]))
    };
    let body = json!({
        "format": tid_og_lyst_core::sync::migrate::FORMAT,
        "version": tid_og_lyst_core::sync::migrate::VERSION,
        "exported_at": tid_og_lyst_core::record::meta::format_millis(js_sys::Date::now() as i64),
        "origin": "panic",
        "dreams": raw(storage::KEY_DREAMS),
        "activities": raw(storage::KEY_ACTIVITIES),
        "assessments": raw(storage::KEY_ASSESSMENTS),
    });
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&body.to_string()));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .ok()
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok())
        .unwrap_or_default()
}
