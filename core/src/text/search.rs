//! PURE Danish-aware text search: text is folded once (lower case, æ→ae,
//! ø→oe, å→aa, accents dropped, punctuation to spaces) and a query matches
//! when every one of its folded words occurs in the folded text.
//!
//! For many texts, [`Haystack`] keeps the folded texts and a [`Lexicon`] of
//! their distinct words, each with the texts that hold it. A query word
//! (never a space in it) occurs in a text exactly when it occurs in one of
//! the text's words, so a keystroke looks through the few thousand distinct
//! words, not the megabytes of text: at 50,000 entries that keeps it within
//! a frame even for short, common words such as "de" or "it".

use rustc_hash::FxHashMap;

/// Folds text for matching: "Åbne Mødesteder – Café" → "aabne moedesteder cafe".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    fold_into(text, &mut out);
    out
}

/// Appends the folded `text` to `out` (which should be empty or end in a
/// space or newline). Folded text holds only lower-case letters, digits and
/// single spaces; never a newline.
pub fn fold_into(text: &str, out: &mut String) {
    let from = out.len();
    let mut space = true;
    for c in text.chars() {
        let piece = fold_char(c).unwrap_or("");
        if !piece.is_empty() {
            out.push_str(piece);
            space = false;
        } else if c.is_alphanumeric() {
            // Lower-casing can give a letter with an accent (Ą → ą), which
            // folds further; so folding stays idempotent.
            let l = c.to_lowercase().next().unwrap_or(c);
            if !is_combining(l) {
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
    if out.len() > from && out.ends_with(' ') {
        out.pop();
    }
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

    /// The folded words, longest first.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// Strings laid end to end in one buffer, each ended by a newline (which
/// folding never produces), found by their number.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Lines {
    text: String,
    /// Where each string starts; one more than there are strings (the end).
    starts: Vec<u32>,
}

impl Lines {
    fn new() -> Self {
        Lines { text: String::new(), starts: vec![0] }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
        self.starts.push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    fn get(&self, n: usize) -> &str {
        &self.text[self.starts[n] as usize..self.starts[n + 1] as usize - 1]
    }

    fn reserve(&mut self, strings: usize, bytes: usize) {
        self.text.reserve(bytes + strings);
        self.starts.reserve(strings);
    }
}

/// Many folded texts, found by their number, with the index a search needs.
#[derive(Clone, Debug)]
pub struct Haystack {
    texts: Lines,
    /// Per text, the set of its bytes ([`letters`]): for a query word of one
    /// letter or digit, the whole answer.
    letters: Vec<u64>,
    /// The distinct words of the texts.
    lexicon: Lexicon,
    /// Per word of the lexicon, the numbers of the texts that hold it,
    /// ascending.
    holders: Vec<Vec<u32>>,
}

/// The distinct words of many folded texts, each numbered in the order it
/// was first seen, with its [`Marks`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lexicon {
    words: Lines,
    marks: Vec<Marks>,
    number: FxHashMap<Box<str>, u32>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Self {
        Lexicon { words: Lines::new(), marks: Vec::new(), number: FxHashMap::default() }
    }

    /// How many distinct words it holds.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// True when it holds no words.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The numbers of the distinct words of `folded` (text already passed
    /// through [`fold`]), in the order they first occur in it; words not
    /// seen before are added.
    pub fn words_of(&mut self, folded: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for w in folded.split(' ').filter(|w| !w.is_empty()) {
            let n = match self.number.get(w) {
                Some(n) => *n,
                None => {
                    let n = self.marks.len() as u32;
                    self.number.insert(w.into(), n);
                    self.words.push(w);
                    self.marks.push(marks(w.as_bytes()));
                    n
                }
            };
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    /// The numbers of the words that hold `word` (folded, without spaces).
    pub fn containing(&self, word: &str) -> Vec<u32> {
        let needle = word.as_bytes();
        let need = marks(needle);
        (0..self.len())
            .filter(|n| self.marks[*n].covers(&need))
            .filter(|n| needle.is_empty() || self.words.get(*n).as_bytes().windows(needle.len()).any(|x| x == needle))
            .map(|n| n as u32)
            .collect()
    }
}

/// What a folded text holds, roughly: a set of its bytes (one bit for each
/// of a–z and 0–9, the other bytes share the remaining bits) and a set of
/// its pairs of neighbouring bytes within a word (hashed into 256 bits). A
/// text that holds a word holds all of the word's marks, so a text missing
/// one cannot hold the word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    bytes: u64,
    pairs: [u64; 4],
}

impl Marks {
    /// True when `self` has every mark of `need`.
    pub fn covers(&self, need: &Marks) -> bool {
        self.bytes & need.bytes == need.bytes
            && self.pairs[0] & need.pairs[0] == need.pairs[0]
            && self.pairs[1] & need.pairs[1] == need.pairs[1]
            && self.pairs[2] & need.pairs[2] == need.pairs[2]
            && self.pairs[3] & need.pairs[3] == need.pairs[3]
    }
}

/// The set of the bytes of folded text: one bit for each of a–z and 0–9,
/// the other bytes share the remaining bits.
pub fn letters(folded: &[u8]) -> u64 {
    folded.iter().fold(0, |set, &b| set | letter(b))
}

fn letter(b: u8) -> u64 {
    match b {
        b' ' | b'\n' => 0,
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << (36 + b % 28),
    }
}

/// The [`Marks`] of folded text.
pub fn marks(folded: &[u8]) -> Marks {
    let mut m = Marks::default();
    let mut prev: Option<u8> = None;
    for &b in folded {
        m.bytes |= letter(b);
        if b == b' ' || b == b'\n' {
            prev = None;
            continue;
        }
        if let Some(a) = prev {
            let h = (u32::from(a) * 263 + u32::from(b)).wrapping_mul(2_654_435_761) >> 24;
            m.pairs[(h >> 6) as usize] |= 1 << (h & 63);
        }
        prev = Some(b);
    }
    m
}

/// Two haystacks are equal when they hold the same texts: the lexicon is an
/// index of them, and its numbering depends on what else its builder saw.
impl PartialEq for Haystack {
    fn eq(&self, other: &Self) -> bool {
        self.texts == other.texts
    }
}

impl Eq for Haystack {}

impl Default for Haystack {
    fn default() -> Self {
        Haystack::new()
    }
}

impl Haystack {
    /// An empty haystack.
    pub fn new() -> Self {
        Haystack::with_lexicon(Lexicon::new())
    }

    /// An empty haystack whose texts' words are (or will be) numbered by
    /// `lexicon`: see [`Haystack::push_words`].
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Haystack { texts: Lines::new(), letters: Vec::new(), lexicon, holders: Vec::new() }
    }

    /// Folds `text` and adds it as the next text.
    pub fn push(&mut self, text: &str) {
        self.push_folded(&fold(text));
    }

    /// Adds `folded` (already passed through [`fold`]) as the next text.
    pub fn push_folded(&mut self, folded: &str) {
        let words = self.lexicon.words_of(folded);
        self.push_words(folded, letters(folded.as_bytes()), &words);
    }

    /// Adds `folded` with its [`letters`] and the numbers of its distinct
    /// words, as this haystack's lexicon gave them ([`Lexicon::words_of`]
    /// on the lexicon passed to [`Haystack::with_lexicon`]).
    pub fn push_words(&mut self, folded: &str, letters: u64, words: &[u32]) {
        let n = self.len() as u32;
        self.texts.push(folded);
        self.letters.push(letters);
        for w in words {
            let w = *w as usize;
            if w >= self.holders.len() {
                self.holders.resize_with(w + 1, Vec::new);
            }
            self.holders[w].push(n);
        }
    }

    /// Room for `texts` more texts of `bytes` bytes in all.
    pub fn reserve(&mut self, texts: usize, bytes: usize) {
        self.texts.reserve(texts, bytes);
        self.letters.reserve(texts);
    }

    /// How many texts it holds.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// True when it holds no texts.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Text `i`, folded.
    pub fn get(&self, i: usize) -> &str {
        self.texts.get(i)
    }

    /// The numbers of the texts that match `query`, in order: of all texts,
    /// or of those in `within` (ascending numbers, as returned before).
    pub fn search(&self, query: &Query, within: Option<&[u32]>) -> Vec<u32> {
        let mut found: Option<Vec<u32>> = within.map(<[u32]>::to_vec);
        for word in query.words() {
            found = Some(if word.len() == 1 && word.as_bytes()[0].is_ascii_alphanumeric() {
                // One letter or digit: the texts' sets of bytes are the
                // whole answer.
                let need = letters(word.as_bytes());
                let has = |i: &u32| self.letters[*i as usize] & need == need;
                match found.as_deref() {
                    Some(list) => list.iter().copied().filter(has).collect(),
                    None => (0..self.len() as u32).filter(has).collect(),
                }
            } else {
                let hits = self.holding(word);
                match found.as_deref() {
                    Some(list) => list.iter().copied().filter(|i| hits.has(*i)).collect(),
                    None => hits.numbers(),
                }
            });
            if found.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        found.unwrap_or_else(|| (0..self.len() as u32).collect())
    }

    /// The texts that hold `word`: the holders of every distinct word that
    /// holds it.
    fn holding(&self, word: &str) -> Bits {
        let mut bits = Bits::new(self.len());
        for w in self.lexicon.containing(word) {
            for t in self.holders.get(w as usize).map(Vec::as_slice).unwrap_or(&[]) {
                bits.set(*t);
            }
        }
        bits
    }
}

/// A set of text numbers below a bound, one bit each.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    fn set(&mut self, i: u32) {
        if let Some(b) = self.0.get_mut(i as usize / 64) {
            *b |= 1 << (i % 64);
        }
    }

    fn has(&self, i: u32) -> bool {
        self.0.get(i as usize / 64).is_some_and(|b| b >> (i % 64) & 1 == 1)
    }

    /// The numbers in the set, ascending.
    fn numbers(&self) -> Vec<u32> {
        let mut out = Vec::new();
        for (k, b) in self.0.iter().enumerate() {
            let mut b = *b;
            while b != 0 {
                out.push(k as u32 * 64 + b.trailing_zeros());
                b &= b - 1;
            }
        }
        out
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
        assert!(!hit("koge", "Köge")); // ö folds to oe, like ø
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

    #[test]
    fn a_haystack_finds_words_in_each_text_and_never_across_two() {
        let mut h = Haystack::new();
        for t in ["Demenscafé i Assens", "Åbne Mødesteder", "", "IT-café Tørring", "kaffe de"] {
            h.push(t);
        }
        assert_eq!(h.len(), 5);
        assert_eq!(h.get(1), "aabne moedesteder");
        assert_eq!(h.get(2), "");
        let s = |q: &str, within: Option<&[u32]>| h.search(&Query::new(q), within);
        assert_eq!(s("cafe", None), vec![0, 3]);
        assert_eq!(s("cafe", Some(&[3, 4])), vec![3]);
        assert_eq!(s("toerring it", None), vec![3]);
        assert_eq!(s("", None), vec![0, 1, 2, 3, 4]);
        assert_eq!(s("", Some(&[1, 4])), vec![1, 4]);
        assert_eq!(s("assens aabne", None), Vec::<u32>::new());
        // "…assens" + "aabne…" must not join into one text.
        assert_eq!(s("sensaab", None), Vec::<u32>::new());
        assert_eq!(s("deaab", None), Vec::<u32>::new());
        assert!(Haystack::new().search(&Query::new("x"), None).is_empty());
        assert!(Haystack::default().search(&Query::new(""), None).is_empty());
        assert_eq!(Haystack::default().len(), 0);
    }

    proptest::proptest! {
        #[test]
        fn a_haystack_finds_what_matching_each_text_finds(
            texts in proptest::collection::vec("[a-dæøå -]{0,12}", 0..60),
            q in "[a-dæøå ]{0,5}",
            picks in proptest::collection::vec(proptest::bool::ANY, 60),
        ) {
            let mut h = Haystack::new();
            for t in &texts {
                h.push(t);
            }
            let query = Query::new(&q);
            let naive: Vec<u32> = (0..texts.len() as u32).filter(|i| query.matches(&fold(&texts[*i as usize]))).collect();
            proptest::prop_assert_eq!(h.search(&query, None), naive.clone());
            // Within a subset (sparse or dense): the same as filtering it.
            let within: Vec<u32> = (0..texts.len() as u32).filter(|i| picks[*i as usize]).collect();
            let expect: Vec<u32> = naive.iter().copied().filter(|i| picks[*i as usize]).collect();
            proptest::prop_assert_eq!(h.search(&query, Some(&within)), expect.clone());
            let few: Vec<u32> = within.iter().copied().step_by(9).collect();
            let expect_few: Vec<u32> = expect.iter().copied().filter(|i| few.contains(i)).collect();
            proptest::prop_assert_eq!(h.search(&query, Some(&few)), expect_few);
            // Words numbered ahead of time by a lexicon that also saw other
            // texts (as the directory's builder does): the same result.
            let mut lexicon = Lexicon::new();
            let prepared: Vec<(String, Vec<u32>)> = texts
                .iter()
                .flat_map(|t| [format!("{t} {q}x"), t.clone()])
                .map(|t| fold(&t))
                .map(|f| { let w = lexicon.words_of(&f); (f, w) })
                .collect();
            let mut ahead = Haystack::with_lexicon(lexicon);
            for (f, w) in prepared.iter().skip(1).step_by(2) {
                ahead.push_words(f, letters(f.as_bytes()), w);
            }
            proptest::prop_assert_eq!(&ahead, &h);
            proptest::prop_assert_eq!(ahead.search(&query, None), naive);
            proptest::prop_assert_eq!(ahead.search(&query, Some(&within)), expect);
        }

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
