//! Checks on user text shared by every record kind: length limits, control
//! characters and links. User text is never HTML; these checks only keep
//! absurd or dangerous values out of the data.

/// The longest single text field accepted anywhere (characters).
pub const MAX_FIELD_CHARS: usize = 20_000;

/// True when a link may be shown as a clickable link: only `https:`, `http:`,
/// `mailto:` and `tel:`; anything else (`javascript:`, `data:` …) is refused.
pub fn is_safe_link(link: &str) -> bool {
    let l = link.trim();
    if l.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = l.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://"].iter().any(|p| lower.starts_with(p) && l.len() > p.len())
        || ["mailto:", "tel:"].iter().any(|p| lower.starts_with(p) && l.len() > p.len());
    scheme_ok
}

/// The link if it is safe, else `None`.
pub fn safe_link(link: &str) -> Option<String> {
    is_safe_link(link).then(|| link.trim().to_string())
}

/// What is wrong with a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Over [`MAX_FIELD_CHARS`] characters.
    TooLong,
    /// Control characters other than line breaks and tabs.
    ControlChars,
}

/// Refuses text that is too long or carries control characters other than
/// line breaks and tabs.
pub fn check_text(value: &str) -> Result<(), TextProblem> {
    if value.chars().count() > MAX_FIELD_CHARS {
        return Err(TextProblem::TooLong);
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(TextProblem::ControlChars);
    }
    Ok(())
}

/// The Danish message for a text problem in the field named `field`.
pub fn text_problem(field: &str, problem: TextProblem) -> String {
    match problem {
        TextProblem::TooLong => format!("Feltet «{field}» er for langt (over {MAX_FIELD_CHARS} tegn)."),
        TextProblem::ControlChars => format!("Feltet «{field}» indeholder usynlige styretegn."),
    }
}

/// Refuses text that is too long or carries control characters other than
/// line breaks and tabs. Returns a Danish message naming the field.
pub fn check_field(field: &str, value: &str) -> Result<(), String> {
    check_text(value).map_err(|p| text_problem(field, p))
}

/// Percent-encodes everything but RFC 3986's unreserved characters (a mail
/// or SMS link's text, a shared board's query value; a
/// space is `%20`, never `+`, which mail apps would show as a plus).
pub fn percent_encode(text: &str) -> String {
    percent_encode_keeping(text, b"-._~")
}

/// Percent-encodes the UTF-8 bytes of `text`, keeping ASCII letters, digits
/// and the bytes in `keep` (`percent_encode`'s RFC 3986 set, or an address's
/// `encodeURIComponent` set in `routes::encode`).
pub fn percent_encode_keeping(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_only_four_schemes() {
        for ok in ["https://aeldresagen.dk", "http://x.dk", "mailto:a@b.dk", "tel:+4512345678", "HTTPS://X.DK"] {
            assert!(is_safe_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//evil.example",
            "https://",
            "https://x.dk/a b",
            "",
        ] {
            assert!(!is_safe_link(bad), "{bad}");
        }
    }

    #[test]
    fn fields_refuse_control_characters_and_huge_text() {
        assert!(check_field("Titel", "Fisketur\nfra havnen").is_ok());
        assert!(check_field("Titel", "a\u{0}b").is_err());
        assert!(check_field("Titel", &"x".repeat(MAX_FIELD_CHARS + 1)).unwrap_err().contains("Titel"));
    }
}
