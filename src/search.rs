//! PURE Danish-aware text search: text is folded once (lower case, æ→ae,
//! ø→oe, å→aa, accents dropped, punctuation to spaces) and a query matches
//! when every one of its folded words occurs in the folded text. Plain
//! substring checks keep it fast enough for 50,000 entries per keystroke.

/// Folds text for matching: "Åbne Mødesteder – Café" → "aabne moedesteder cafe".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = true;
    for c in text.chars() {
        let piece = fold_char(c).unwrap_or("");
        if !piece.is_empty() {
            out.push_str(piece);
            space = false;
        } else if c.is_alphanumeric() {
            // Lower-casing can give a letter with an accent (Ą → ą), which
            // folds further; so folding stays idempotent.
            for l in c.to_lowercase().filter(|l| !is_combining(*l)) {
                match fold_char(l) {
                    Some(p) => out.push_str(p),
                    None => out.push(l),
                }
            }
            space = false;
        } else if is_combining(c) {
            // Accents of decomposed text ("e" + U+0301) are dropped.
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The folded form of a letter with an accent or a Danish letter, if it has one.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' | 'Æ' | 'ä' | 'Ä' => "ae",
        'ø' | 'Ø' | 'ö' | 'Ö' => "oe",
        'å' | 'Å' => "aa",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'À' | 'Á' | 'Â' | 'Ã' | 'ā' | 'ą' => "a",
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' => "i",
        'ñ' | 'Ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'ō' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'š' | 'Š' | 'ś' => "s",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ł' | 'Ł' => "l",
        'ř' | 'Ř' => "r",
        'đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// A parsed query: its folded words, longest first (the rarest usually
/// rules a text out soonest).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// Parses what the user typed.
    pub fn new(text: &str) -> Self {
        let folded = fold(text);
        let mut words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        Query { words }
    }

    /// True when the query has no words (matches everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word occurs in `folded` (a text already passed
    /// through [`fold`]).
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(q: &str, text: &str) -> bool {
        Query::new(q).matches(&fold(text))
    }

    #[test]
    fn danish_letters_fold_both_ways() {
        assert!(hit("moedested", "Åbne Mødesteder"));
        assert!(hit("mødested", "Aabne Moedesteder"));
        assert!(hit("AABNE", "åbne"));
        assert!(hit("Brønderslev", "Broenderslev"));
        assert!(hit("aeldre", "Ældre Sagen"));
        assert!(hit("ældre", "AELDRE"));
    }

    #[test]
    fn accents_and_case_are_ignored() {
        assert!(hit("cafe", "Demens-CAFÉ"));
        assert!(hit("café", "cafe"));
        assert!(hit("cafe", "Cafe\u{301}")); // decomposed é
        assert!(hit("koge", "Köge") == false); // ö folds to oe, like ø
        assert!(hit("koege", "Köge"));
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        assert!(hit("assens demens", "Demenscafé i Assens"));
        assert!(!hit("assens demens strik", "Demenscafé i Assens"));
        assert!(hit("  ", "anything"));
        assert!(!hit("x", ""));
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(fold("IT-café, Tørring!"), "it cafe toerring");
        assert!(hit("it cafe", "IT-café"));
    }

    proptest::proptest! {
        #[test]
        fn a_text_always_matches_itself_and_its_parts(s in "\\PC{0,40}") {
            let q = Query::new(&s);
            proptest::prop_assert!(q.matches(&fold(&s)));
            for w in s.split_whitespace() {
                proptest::prop_assert!(Query::new(w).matches(&fold(&s)));
            }
        }

        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }
    }
}
