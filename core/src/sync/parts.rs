//! Long data in parts: a share whose one link a messenger would cut, or
//! whose one QR code would be too dense to scan, travels as numbered parts,
//! each a link of its own (`…#del=<id>.<i>.<n>.<chunk>`), and is put together
//! again on the receiving device in any order ([`Assembler`]).
//!
//! A part carries a slice of the payload [`link::encode`] made; the
//! transfer's id is a hash of the whole payload, so a part of other data is
//! told apart at once and the whole is checked once complete (the deflate
//! stream has no checksum of its own). A share that fits one link stays the
//! one `#data=` link it always was. Pure: the browser side keeps the
//! assembler between page loads and tabs, and reads `location.hash`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::record::meta::Millis;
use crate::sync::link::{self, LinkError};

/// The fragment key of a part.
pub const PART_KEY: &str = "del=";

/// The longest link of a QR code, in characters; a longer share is shown
/// as several codes in turn.
///
/// 1,150 characters take at most a version 28 code (129 modules a side)
/// with medium error correction, against version 40 (177 modules) for the
/// 2,900 a lone code could hold. At that density a code on the projector
/// (two thirds of its height) has 5–6 pixels a module and reads from the
/// back of the room, and on a phone's 330 CSS pixels (about 7 device
/// pixels a module) a camera reads it from 15–25 cm; the medium correction
/// survives a glare or a finger. The number is no lower because a
/// workshop's own link, which the projector shows for joining, is 900–1,100
/// characters with its cards today and should stay one code; and parts are
/// cut to equal size, so a share a little over the limit becomes codes well
/// under it (1,200 characters: two of 600).
pub const MAX_QR_LINK_CHARS: usize = 1_150;

/// The most parts of one share. Past that, sending or scanning them one by
/// one is more work than a file, which is suggested instead.
pub const MAX_PARTS: usize = 20;

/// How long the parts received are kept waiting for the rest: a week, as
/// the messages of one share may come over a weekend. Older parts are
/// dropped when the next one arrives.
pub const KEEP_MS: Millis = 7 * 24 * 60 * 60 * 1000;

/// What the links are made for; each has its own limit of characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carrier {
    /// A message (SMS, mail, Messenger): links of at most
    /// [`link::MAX_LINK_CHARS`].
    Message,
    /// QR codes shown in turn: links of at most [`MAX_QR_LINK_CHARS`].
    QrCode,
}

impl Carrier {
    /// The longest link this carrier takes.
    pub const fn max_chars(self) -> usize {
        match self {
            Carrier::Message => link::MAX_LINK_CHARS,
            Carrier::QrCode => MAX_QR_LINK_CHARS,
        }
    }
}

/// The id of one share's parts: 40 bits of a hash of its whole payload,
/// written as ten hex digits. It tells transfers apart and catches a
/// changed or mixed part; it is no protection against a forger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TransferId(u64);

impl TransferId {
    /// The id of the parts of `payload`.
    pub fn of(payload: &str) -> TransferId {
        // FNV-1a, 64 bits.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in payload.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        TransferId(h >> 24)
    }

    fn parse(text: &str) -> Option<TransferId> {
        let hex = text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        hex.then(|| u64::from_str_radix(text, 16).ok().map(TransferId)).flatten()
    }
}

impl std::fmt::Display for TransferId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:010x}", self.0)
    }
}

/// One part of a share, as its link carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Which share it belongs to.
    pub transfer: TransferId,
    /// Its place, from 1.
    pub index: usize,
    /// How many parts the share has.
    pub count: usize,
    /// Its slice of the payload (base64url).
    pub chunk: String,
}

impl Part {
    /// The fragment that carries the part, without `#`.
    pub fn fragment(&self) -> String {
        format!("{PART_KEY}{}.{}.{}.{}", self.transfer, self.index, self.count, self.chunk)
    }

    /// Reads a part's fragment after its key (`<id>.<i>.<n>.<chunk>`).
    fn parse(text: &str) -> Result<Part, PartError> {
        let mut fields = text.trim().splitn(4, '.');
        let mut next = || fields.next().ok_or(PartError::Malformed);
        let transfer = TransferId::parse(next()?).ok_or(PartError::Malformed)?;
        let number = |s: &str| s.parse::<usize>().ok().filter(|_| s.bytes().all(|b| b.is_ascii_digit()));
        let index = number(next()?).ok_or(PartError::Malformed)?;
        let count = number(next()?).ok_or(PartError::Malformed)?;
        let chunk = next()?;
        let base64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        if index == 0 || index > count || count > MAX_PARTS || chunk.is_empty() || !chunk.bytes().all(base64url) {
            return Err(PartError::Malformed);
        }
        Ok(Part { transfer, index, count, chunk: chunk.to_string() })
    }
}

/// What a link's fragment carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// A whole payload (`#data=…`), for [`link::decode`].
    Whole(String),
    /// One part of a payload (`#del=…`), or why it cannot be read.
    Part(Result<Part, PartError>),
}

/// What a fragment (`#data=…`, `#del=…`, with or without `#`) carries;
/// `None` for any other fragment (`#main`).
pub fn read_fragment(fragment: &str) -> Option<Fragment> {
    if let Some(payload) = link::payload_of_fragment(fragment) {
        return Some(Fragment::Whole(payload.to_string()));
    }
    let part = fragment.trim_start_matches('#').strip_prefix(PART_KEY)?;
    Some(Fragment::Part(Part::parse(part)))
}

/// The links that carry `payload` (from [`link::encode`]) to `app_url`
/// (the page that imports it): the one `#data=` link when it fits the
/// carrier, otherwise the fewest parts of about equal size whose links
/// each fit, in order. Refused when more than [`MAX_PARTS`] would be
/// needed.
pub fn links(app_url: &str, payload: &str, carrier: Carrier) -> Result<Vec<String>, LinkError> {
    if !payload.is_ascii() {
        return Err(LinkError::BadEncoding);
    }
    let max = carrier.max_chars();
    if let Ok(one) = link::link_with(app_url, payload) {
        if one.len() <= max {
            return Ok(vec![one]);
        }
    }
    let transfer = TransferId::of(payload);
    let fits = |count: usize| {
        // `…#del=<id>.<i>.<n>.`, with `i` as long as `n` at most.
        let digits = count.to_string().len();
        let head = app_url.len() + 1 + PART_KEY.len() + transfer.to_string().len() + 3 + 2 * digits;
        let chunk = payload.len().div_ceil(count);
        (head + chunk <= max).then_some(chunk)
    };
    let Some(chunk) = (2..=MAX_PARTS).find_map(fits) else {
        let needed = (MAX_PARTS + 1..=payload.len().max(MAX_PARTS + 1)).find(|&n| fits(n).is_some());
        return Err(LinkError::TooManyParts { parts: needed, max: MAX_PARTS });
    };
    // As many as the slices of that size (no more than the count it was
    // found for, so each link still fits).
    let count = payload.len().div_ceil(chunk);
    Ok(payload
        .as_bytes()
        .chunks(chunk)
        .enumerate()
        .map(|(i, bytes)| {
            let chunk = String::from_utf8_lossy(bytes).into_owned();
            let part = Part { transfer, index: i + 1, count, chunk };
            format!("{app_url}#{}", part.fragment())
        })
        .collect())
}

/// Why a part was not taken. Plain Danish.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PartError {
    /// Not a part's fragment: cut or changed.
    #[error("Linket til en del er ødelagt eller ikke kopieret helt. Bed om et nyt link.")]
    Malformed,
    /// A part of other data than the parts waiting.
    #[error("Dette link hører til andre data end de {received} af {count} dele, der allerede er modtaget. Åbn de andre dele af de samme data, eller begynd forfra med dette link.")]
    OtherTransfer {
        /// Parts waiting.
        received: usize,
        /// Of how many.
        count: usize,
    },
    /// The same data split otherwise (links and QR codes are split apart).
    #[error("Delene passer ikke sammen: denne del er en af {got}, de andre er af {count}. Brug enten alle links eller alle QR-koder fra samme deling.")]
    OtherCount {
        /// The count this part says.
        got: usize,
        /// The count of the parts waiting.
        count: usize,
    },
    /// A part received before with other contents.
    #[error("Del {index} er modtaget før med et andet indhold. Bed om nye links, eller brug en fil.")]
    Changed {
        /// Its place, from 1.
        index: usize,
    },
    /// All parts are in, but they do not make the data they were cut from.
    #[error("Delene passer ikke sammen (en af dem er ændret undervejs). Bed om nye links, eller brug en fil.")]
    Corrupt,
}

/// Where a share's parts have come to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Waiting for more: `received` of `count` parts are in.
    Waiting {
        /// Parts in.
        received: usize,
        /// Of how many.
        count: usize,
    },
    /// All are in: the whole payload, for [`link::decode`].
    Complete(String),
}

/// The parts of one share received so far, in any order; kept by the app
/// between page loads and tabs (serde). Duplicates are ignored; a part of
/// another share, or of the same data split otherwise, is refused and
/// changes nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assembler {
    /// The share being put together; `None` while none is.
    transfer: Option<TransferId>,
    /// How many parts it has.
    count: usize,
    /// The parts in, by place from 1.
    chunks: BTreeMap<usize, String>,
    /// When its first part came.
    started: Millis,
}

impl Assembler {
    /// True while no part is waiting.
    pub fn is_empty(&self) -> bool {
        self.transfer.is_none()
    }

    /// `(received, count)` while parts are waiting.
    pub fn waiting(&self) -> Option<(usize, usize)> {
        self.transfer.map(|_| (self.chunks.len(), self.count))
    }

    /// Takes `part`, received at `now`: what is in so far, or the whole
    /// payload once the last part is in (the assembler is then empty
    /// again). A refused part leaves the assembler as it was, except that
    /// when all parts are in but do not hash to their id they are dropped.
    pub fn accept(&mut self, part: Part, now: Millis) -> Result<Progress, PartError> {
        // What was kept may have been changed where it was kept, and parts
        // a week old are not waited for any longer.
        if !self.is_sound() || (self.transfer.is_some() && now.saturating_sub(self.started) > KEEP_MS) {
            *self = Assembler::default();
        }
        match self.transfer {
            None => {
                *self = Assembler {
                    transfer: Some(part.transfer),
                    count: part.count,
                    chunks: BTreeMap::new(),
                    started: now,
                }
            }
            Some(t) if t != part.transfer => {
                return Err(PartError::OtherTransfer { received: self.chunks.len(), count: self.count })
            }
            Some(_) if part.count != self.count => {
                return Err(PartError::OtherCount { got: part.count, count: self.count })
            }
            Some(_) => {}
        }
        if let Some(kept) = self.chunks.get(&part.index) {
            if *kept != part.chunk {
                return Err(PartError::Changed { index: part.index });
            }
        }
        self.chunks.insert(part.index, part.chunk);
        if self.chunks.len() < self.count {
            return Ok(Progress::Waiting { received: self.chunks.len(), count: self.count });
        }
        let whole = std::mem::take(self);
        let payload: String = whole.chunks.into_values().collect();
        if whole.transfer != Some(TransferId::of(&payload)) {
            return Err(PartError::Corrupt);
        }
        Ok(Progress::Complete(payload))
    }

    /// Drops the parts waiting and takes `part` as the first of a new
    /// share ("Begynd forfra med dette link").
    pub fn start_over(&mut self, part: Part, now: Millis) -> Result<Progress, PartError> {
        *self = Assembler::default();
        self.accept(part, now)
    }

    /// Whether what was kept could have been made by [`Assembler::accept`].
    fn is_sound(&self) -> bool {
        match self.transfer {
            None => self.chunks.is_empty(),
            Some(_) => {
                (1..=MAX_PARTS).contains(&self.count)
                    && self.chunks.len() < self.count
                    && self.chunks.keys().all(|i| (1..=self.count).contains(i))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(fragment: &str, expected: Option<Fragment>) {
        assert_eq!(read_fragment(fragment), expected, "{fragment}");
    }

    #[test]
    fn fragments_are_read_as_whole_links_parts_or_nothing() {
        check("#data=abc", Some(Fragment::Whole("abc".into())));
        check("#main", None);
        check("", None);
        let part = Part { transfer: TransferId(0xab_cdef_0123), index: 2, count: 3, chunk: "a-b_C9".into() };
        check("#del=abcdef0123.2.3.a-b_C9", Some(Fragment::Part(Ok(part.clone()))));
        assert_eq!(part.fragment(), "del=abcdef0123.2.3.a-b_C9");
        for bad in [
            "#del=",
            "#del=abcdef0123.2.3.",
            "#del=abcdef0123.0.3.abc",
            "#del=abcdef0123.4.3.abc",
            "#del=abcdef0123.1.21.abc",
            "#del=abcdef012.1.3.abc",
            "#del=ABCDEF0123.1.3.abc",
            "#del=abcdef0123.+1.3.abc",
            "#del=abcdef0123.1.3.ab!c",
            "#del=abcdef0123.1.3.ab.c",
            "#del=abcdef0123.1.99999999999999999999999.abc",
        ] {
            check(bad, Some(Fragment::Part(Err(PartError::Malformed))));
        }
    }

    #[test]
    fn a_short_payload_stays_one_data_link() {
        let links = links("https://x.dk/del", "abc", Carrier::QrCode).unwrap();
        assert_eq!(links, vec!["https://x.dk/del#data=abc".to_string()]);
    }

    #[test]
    fn a_kept_assembler_that_was_changed_is_started_afresh() {
        let mut a = Assembler { transfer: Some(TransferId(1)), count: 2, chunks: BTreeMap::new(), started: 0 };
        a.chunks.insert(7, "x".into());
        let part = Part { transfer: TransferId(2), index: 1, count: 2, chunk: "y".into() };
        assert_eq!(a.accept(part, 10), Ok(Progress::Waiting { received: 1, count: 2 }));
    }
}
