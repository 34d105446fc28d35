//! Text as it is read aloud by the browser's speech synthesis ("Læs op" on
//! an activity and on a dream): times and prices in words a Danish voice
//! says well ("klokken 10 til 12", "25 kroner") rather than as they are
//! printed, sentences, and the choice of a Danish voice.

/// "kr." as a Danish voice should say it.
const KRONER: &str = "kroner";

/// Printed times and prices as they are said: "kl. 10.00–12.00" becomes
/// "klokken 10 til 12", "kl. 9.30" "klokken 9.30", "25,50 kr." "25,50 kroner".
pub fn for_speech(text: &str) -> String {
    let out = text
        .replace("kl. ", "klokken ")
        .replace(" – ", " til ")
        .replace('–', " til ")
        .replace(" kr.", &format!(" {}", KRONER));
    // Whole hours without their ".00", and no leading zero ("09" → "9").
    let mut spoken = String::with_capacity(out.len());
    let b: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let digit = |k: usize| b.get(k).is_some_and(char::is_ascii_digit);
        let starts_time = (i == 0 || !b[i - 1].is_ascii_digit())
            && digit(i)
            && digit(i + 1)
            && b.get(i + 2) == Some(&'.')
            && digit(i + 3)
            && digit(i + 4)
            && !digit(i + 5);
        if starts_time {
            let hour: String = b[i..i + 2].iter().collect();
            let hour = hour.trim_start_matches('0');
            spoken.push_str(if hour.is_empty() { "0" } else { hour });
            if !(b[i + 3] == '0' && b[i + 4] == '0') {
                spoken.push('.');
                spoken.push(b[i + 3]);
                spoken.push(b[i + 4]);
            }
            i += 5;
        } else {
            spoken.push(b[i]);
            i += 1;
        }
    }
    spoken
}

/// Adds `text` to `out` as a sentence of its own (a full stop where it has
/// none); nothing for an empty text.
pub fn sentence(out: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
    if !text.ends_with(['.', '!', '?']) {
        out.push('.');
    }
}

/// The voice to read Danish with, of the voices a device offers as (name,
/// language tag, on the device): the first Danish one (`da`, `da-DK`,
/// `da_DK`), one on the device before one that needs the internet; `None`
/// when none speaks Danish. Shared by every part's "Læs op" (`ui::speech`).
pub fn danish_voice(voices: &[(String, String, bool)]) -> Option<usize> {
    let danish = |lang: &str| {
        let l = lang.trim().to_ascii_lowercase();
        l == "da" || l.starts_with("da-") || l.starts_with("da_")
    };
    let candidates: Vec<usize> = (0..voices.len()).filter(|i| danish(&voices[*i].1)).collect();
    candidates.iter().copied().find(|i| voices[*i].2).or_else(|| candidates.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_prices_are_said_in_words() {
        assert_eq!(for_speech("Hver tirsdag kl. 10.00–12.00"), "Hver tirsdag klokken 10 til 12");
        assert_eq!(for_speech("kl. 09.30–11.45 (ikke i juli)"), "klokken 9.30 til 11.45 (ikke i juli)");
        assert_eq!(for_speech("25,50 kr."), "25,50 kroner");
        assert_eq!(for_speech("Næste gang: tirsdag 8. dec. kl. 00.00"), "Næste gang: tirsdag 8. dec. klokken 0");
        assert_eq!(for_speech("tlf. 12.345.678"), "tlf. 12.345.678", "not a time");
        for end in ["1 af 2", "kl. 1", "12", "12.", "12.3", "Pris: 25"] {
            assert_eq!(for_speech(end), end.replace("kl. ", "klokken "), "a number at the end is kept");
        }
    }

    proptest::proptest! {
        /// Any text is read without a panic, and a text with no time,
        /// dash or price in it is read as it is.
        #[test]
        fn any_text_is_read(text in "\\PC{0,40}") {
            let said = for_speech(&text);
            if !text.contains(['.', '–']) && !text.contains("kr") {
                proptest::prop_assert_eq!(said, text);
            }
        }
    }

    #[test]
    fn a_danish_voice_on_the_device_is_chosen() {
        let v = |name: &str, lang: &str, local: bool| (name.to_string(), lang.to_string(), local);
        let voices = [v("Anna", "de-DE", true), v("Google dansk", "da-DK", false), v("Sara", "da_DK", true)];
        assert_eq!(danish_voice(&voices), Some(2));
        assert_eq!(danish_voice(&voices[..2]), Some(1));
        assert_eq!(danish_voice(&[v("Daniel", "en-GB", true), v("Dan", "dan", true)]), None);
        assert_eq!(danish_voice(&[]), None);
    }
}
