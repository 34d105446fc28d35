//! Saving text or bytes as a file the user downloads, without any server.

use wasm_bindgen::JsCast;

/// Offers `content` as a download named `file_name`. Returns false when the
/// browser refused.
pub fn download_text(file_name: &str, mime: &str, content: &str) -> bool {
    download(file_name, mime, &wasm_bindgen::JsValue::from_str(content))
}

/// Offers `bytes` (a zip file) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    download(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn download(file_name: &str, mime: &str, content: &wasm_bindgen::JsValue) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let parts = js_sys::Array::of1(content);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Ok(a) = doc.create_element("a") else { return false };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else { return false };
    a.set_href(&url);
    a.set_download(file_name);
    a.set_class_name("visually-hidden");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Revoke later: some browsers read the blob after click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    true
}
