//! Share without files: an export travels in a link's fragment
//! (`…/del#data=…`), deflated and base64url-encoded, and as a QR code of that
//! link; a long one in several links or codes (`parts`). A fragment never
//! reaches a server. Pure: the browser side only reads and writes
//! `location.hash`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use thiserror::Error;

/// The fragment key that carries data.
pub const FRAGMENT_KEY: &str = "data=";

/// The longest link sent in a message, in characters. Some messengers and
/// mail clients cut or stop underlining a link past about 2,000 characters
/// (the old limit of Internet Explorer that many still keep), so a longer
/// share is sent in parts (`parts::links`). A link longer than this made by
/// an earlier version is still read.
pub const MAX_LINK_CHARS: usize = 2_000;

/// The longest link a QR code is made for. Version 40 with low error
/// correction holds 2,953 bytes; a code that dense is hard to scan from the
/// back of a room, so above this the app shows the link only.
pub const MAX_QR_CHARS: usize = 2_900;

/// The most bytes a link's payload may inflate to (a guard against a
/// decompression bomb).
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// Why a link could not be read or made. Plain Danish.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LinkError {
    /// No data in the fragment.
    #[error("Linket indeholder ingen data.")]
    Empty,
    /// The text is not base64url: it was changed or cut.
    #[error("Linket er ødelagt eller ikke kopieret helt (ugyldige tegn). Bed om et nyt link.")]
    BadEncoding,
    /// Compressed data that does not inflate: cut or changed.
    #[error("Linket er ufuldstændigt eller ændret undervejs, så data kan ikke pakkes ud. Bed om et nyt link, eller brug en fil.")]
    BadCompression,
    /// Inflates to more than allowed.
    #[error("Linket indeholder for mange data.")]
    TooBig,
    /// Not UTF-8 text inside.
    #[error("Linkets indhold er ikke tekst.")]
    NotText,
    /// The export is too large for a link.
    #[error("Data fylder for meget til et link ({chars} tegn; højst {max}). Del dem som fil i stedet.")]
    TooLongForLink {
        /// Length of the link it would make.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// The export is too large even for links in parts.
    #[error("Data fylder for meget til links ({} dele; højst {max}). Del dem som fil i stedet.", parts.map_or_else(|| format!("over {max}"), |n| n.to_string()))]
    TooManyParts {
        /// How many parts it would take (`None`: more than can be made).
        parts: Option<usize>,
        /// The limit.
        max: usize,
    },
}

/// Compresses and encodes export text for a fragment.
pub fn encode(json: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode(packed)
}

/// Decodes and inflates a fragment payload back to export text.
pub fn decode(payload: &str) -> Result<String, LinkError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    let packed = URL_SAFE_NO_PAD.decode(payload).map_err(|_| LinkError::BadEncoding)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED_BYTES).map_err(|e| {
        if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
            LinkError::TooBig
        } else {
            LinkError::BadCompression
        }
    })?;
    String::from_utf8(bytes).map_err(|_| LinkError::NotText)
}

/// The whole link for `json` under `app_url` (the app's address ending in
/// `/del`), refused when it would be too long.
pub fn make_link(app_url: &str, json: &str) -> Result<String, LinkError> {
    link_with(app_url, &encode(json))
}

/// The whole link for a payload [`encode`] made (the browser app encodes in
/// a wasm of its own, loaded when a link is first made or read), refused
/// when it would be too long.
pub fn link_with(app_url: &str, payload: &str) -> Result<String, LinkError> {
    let link = page_link(app_url, payload);
    if link.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLongForLink { chars: link.len(), max: MAX_LINK_CHARS });
    }
    Ok(link)
}

/// The link that moves this browser to `app_url` with a payload it read
/// (a link of another part's records goes to `/del`): no messenger carries
/// it, so it is as long as the payload makes it.
pub fn page_link(app_url: &str, payload: &str) -> String {
    format!("{app_url}#{FRAGMENT_KEY}{payload}")
}

/// The payload of a fragment (`#data=…` or `data=…`), if it carries one.
pub fn payload_of_fragment(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(FRAGMENT_KEY)
}

/// A QR code of `text` as SVG: the side in modules (with a 4-module quiet
/// zone) and one path of dark squares. `None` when the text is too long.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    use qrcode::{EcLevel, QrCode};
    if text.len() > MAX_QR_CHARS {
        return None;
    }
    // Prefer more error correction while the code stays small enough to scan.
    let code = [EcLevel::M, EcLevel::L]
        .into_iter()
        .find_map(|ec| QrCode::with_error_correction_level(text.as_bytes(), ec).ok())?;
    let width = code.width();
    let quiet = 4;
    let colors = code.to_colors();
    let mut d = String::with_capacity(width * width * 4);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                d.push_str(&format!("M{} {}h{}v1h-{}z", start + quiet, y + quiet, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some((width + 2 * quiet, d))
}

/// A complete standalone SVG document of the QR code (for printing and for
/// tests that decode it with an independent reader).
pub fn qr_svg(text: &str, pixels: usize) -> Option<String> {
    let (side, d) = qr_path(text)?;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pixels}\" height=\"{pixels}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let json = r#"{"format":"tid-og-lyst","version":1,"dreams":[{"title":"Fisketur – æøå"}]}"#;
        assert_eq!(decode(&encode(json)).unwrap(), json);
    }

    #[test]
    fn tampered_and_truncated_links_are_errors() {
        let enc = encode(&"Spisevenner i Hedensted. ".repeat(40));
        for cut in [enc.len() / 2, enc.len() / 2 + 1, enc.len() - 3] {
            let err = decode(&enc[..cut]).unwrap_err();
            assert!(matches!(err, LinkError::BadCompression | LinkError::BadEncoding), "{err:?}");
        }
        assert_eq!(decode("%%%"), Err(LinkError::BadEncoding));
        assert_eq!(decode(""), Err(LinkError::Empty));
        let mut bytes = enc.into_bytes();
        let mid = bytes.len() / 2;
        bytes[mid] = if bytes[mid] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(bytes).unwrap();
        assert!(decode(&flipped).is_err() || decode(&flipped).unwrap() != "Spisevenner i Hedensted. ".repeat(40));
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = encode(&"a".repeat(MAX_INFLATED_BYTES + 10));
        assert_eq!(decode(&bomb), Err(LinkError::TooBig));
    }

    #[test]
    fn too_long_links_are_refused_with_a_file_hint() {
        // Random-ish text does not compress.
        let mut x: u64 = 12345;
        let noisy: String = (0..20_000)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + ((x >> 33) % 26) as u8)
            })
            .collect();
        let err = make_link("https://x.dk/del", &noisy).unwrap_err();
        assert!(err.to_string().contains("fil"), "{err}");
    }

    #[test]
    fn a_link_of_a_payload_is_the_link_of_its_text() {
        let json = r#"{"format":"tid-og-lyst","version":1}"#;
        let link = link_with("https://x.dk/del", &encode(json)).unwrap();
        assert_eq!(link, make_link("https://x.dk/del", json).unwrap());
        assert_eq!(decode(payload_of_fragment(link.split_once('#').unwrap().1).unwrap()).unwrap(), json);
        let long = "A".repeat(MAX_LINK_CHARS);
        assert!(matches!(link_with("https://x.dk/del", &long), Err(LinkError::TooLongForLink { .. })));
    }

    #[test]
    fn fragment_payload() {
        assert_eq!(payload_of_fragment("#data=abc"), Some("abc"));
        assert_eq!(payload_of_fragment("data=abc"), Some("abc"));
        assert_eq!(payload_of_fragment("#andet"), None);
    }

    #[test]
    fn qr_has_quiet_zone_and_refuses_huge_text() {
        let (side, d) = qr_path("https://x.dk/del#data=abc").unwrap();
        assert!(side >= 21 + 8);
        assert!(d.starts_with('M'));
        assert!(qr_path(&"x".repeat(MAX_QR_CHARS + 1)).is_none());
    }
}
