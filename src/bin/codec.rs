//! The share links' codec as a wasm of its own: deflate and base64url of an
//! export for a link's fragment, the way back, and the QR code of a link
//! (`tid_og_lyst_core::sync::link`). The parts' bundles do not carry it:
//! `ui::codec` fetches it the first time a link is made or read (the loader
//! starts it at once when the address carries `#data=`), and the service
//! worker keeps it for offline use like every other file.

#[cfg(target_arch = "wasm32")]
mod exports {
    use tid_og_lyst_core::sync::link;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The payload of a link's fragment for export text.
    #[wasm_bindgen]
    pub fn encode(json: &str) -> String {
        link::encode(json)
    }

    /// The export text of a payload, or the Danish reason why it cannot be
    /// read (thrown).
    #[wasm_bindgen]
    pub fn decode(payload: &str) -> Result<String, String> {
        link::decode(payload).map_err(|e| e.to_string())
    }

    /// A QR code of `text` as `"<side> <path>"` (see `link::qr_path`), or
    /// nothing when the text is too long for one.
    #[wasm_bindgen]
    pub fn qr(text: &str) -> Option<String> {
        link::qr_path(text).map(|(side, d)| format!("{side} {d}"))
    }
}

fn main() {}
