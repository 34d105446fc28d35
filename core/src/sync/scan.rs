//! "Skan svar": a participant's answers read from the QR code on their
//! phone (or a link pasted instead), checked before anything changes. A
//! scanned text is a share link (`…#data=<payload>`, `sync::link`) or one
//! of a long share's numbered parts (`…#del=…`, `sync::parts`), put
//! together per share ([`Scanned`]); the payload, once the codec has
//! inflated it, is an export of one session with that participant's
//! ballots (`Assessment::answers_of`). What comes back is the session to
//! join through the ordinary import and what it would change
//! ([`BallotDiff`]); no merge of its own.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::assessment::da_scan as t;
use crate::assessment::session::{ballot_diff, Assessment, BallotDiff};
use crate::record::meta::{Millis, RecordId};
use crate::sync::data::AssessmentsOnly;
use crate::sync::parts::{self, Assembler, Fragment, PartError, Progress};
use crate::sync::wire;

/// Why a scanned code changes nothing. Plain Danish (`Display`).
#[derive(Debug, Error, PartialEq)]
pub enum ScanError {
    /// Not a Tid og Lyst share link at all (another QR code in the room).
    #[error("Koden er ikke et link med svar fra Tid og Lyst.")]
    NotALink,
    /// A part of a long share that does not fit the others.
    #[error("{0}")]
    Part(PartError),
    /// A link whose payload or export could not be read.
    #[error("Koden kunne ikke læses: {0}")]
    Unreadable(String),
    /// Records of another part (a dream, an activity).
    #[error("Koden indeholder ikke svar fra en workshop.")]
    OtherPart,
    /// Answers to another workshop.
    #[error("Koden er svar til en anden workshop end denne.")]
    OtherSession,
    /// The workshop itself without any ballot (the invitation on the
    /// projector), or one deleted on the participant's phone.
    #[error(
        "Koden er workshoppens invitation uden svar. Deltageren skal vise koden under «{}».",
        crate::assessment::da::ui::EXPORT_MINE
    )]
    NoAnswers,
}

/// A participant's answers, read and compared with the session here.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    /// The participant's copy of the session: join it with the import.
    pub incoming: Assessment,
    /// What joining it would change.
    pub diff: BallotDiff,
}

impl Answers {
    /// Whether joining changes anything: a ballot not here yet, or newer.
    pub fn is_news(&self) -> bool {
        self.diff.new + self.diff.replaced > 0
    }

    /// The aliases the answers are from, as one line ("Anna", "Anna, Bo").
    pub fn aliases(&self) -> String {
        self.diff.participants.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

/// What a scanned or pasted text brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// A whole payload (a link's, or a long share's once its last part is
    /// in), for the codec's `decode`.
    Whole(String),
    /// A part of a long share: `received` of `count` parts are in.
    Waiting {
        /// Parts in.
        received: usize,
        /// Of how many.
        count: usize,
    },
}

/// The codes read so far that were parts of long shares (`sync::parts`),
/// kept per share: the camera reads one participant's codes after
/// another's, so the parts of several shares may be waiting at once, each
/// put together in any order.
#[derive(Clone, Debug, Default)]
pub struct Scanned {
    /// Each share's parts by its transfer id.
    shares: BTreeMap<String, Assembler>,
}

impl Scanned {
    /// Takes a text the camera read or the facilitator pasted, read at
    /// `now`: a whole share link (`…#data=…`) or one part of a long one
    /// (`…#del=…`), surrounding white space ignored. The one place a
    /// scanned text is told apart.
    pub fn take(&mut self, text: &str, now: Millis) -> Result<Taken, ScanError> {
        let (_, fragment) = text.trim().split_once('#').ok_or(ScanError::NotALink)?;
        match parts::read_fragment(fragment).ok_or(ScanError::NotALink)? {
            Fragment::Whole(payload) if payload.is_empty() => Err(ScanError::NotALink),
            Fragment::Whole(payload) => Ok(Taken::Whole(payload)),
            Fragment::Part(Err(e)) => Err(ScanError::Part(e)),
            Fragment::Part(Ok(part)) => {
                let key = part.transfer.to_string();
                let share = self.shares.entry(key.clone()).or_default();
                let result = share.accept(part, now);
                if share.is_empty() {
                    self.shares.remove(&key);
                }
                match result.map_err(ScanError::Part)? {
                    Progress::Complete(payload) => Ok(Taken::Whole(payload)),
                    Progress::Waiting { received, count } => Ok(Taken::Waiting { received, count }),
                }
            }
        }
    }
}

/// Reads `export` (a link's inflated payload) as answers to the session
/// `id`, compared with `local` (the session here). Checked completely
/// before anything changes; the caller joins [`Answers::incoming`] through
/// the import when [`Answers::is_news`].
pub fn read_answers(export: &str, id: &RecordId, local: Option<&Assessment>) -> Result<Answers, ScanError> {
    let parsed = wire::parse_text_of::<AssessmentsOnly>(export).map_err(|e| match e {
        wire::ImportError::OtherPart => ScanError::OtherPart,
        e => ScanError::Unreadable(e.to_string()),
    })?;
    let mut sessions = parsed.data.assessments;
    if sessions.is_empty() {
        return Err(ScanError::OtherPart);
    }
    let incoming = sessions.remove(id).ok_or(ScanError::OtherSession)?;
    if incoming.meta.deleted {
        return Err(ScanError::NoAnswers);
    }
    let diff = ballot_diff(local, &incoming);
    if diff.participants.is_empty() {
        return Err(ScanError::NoAnswers);
    }
    Ok(Answers { incoming, diff })
}

/// What the scanner says of answers it took: merged (with the number of
/// participants now in the session) or already here.
pub fn confirmation(answers: &Answers, participants: usize) -> String {
    if answers.is_news() {
        t::merged(&answers.aliases(), participants)
    } else {
        t::already(&answers.aliases(), participants)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::cards::{builtin, Position};
    use crate::assessment::session::BallotChange;
    use crate::record::meta::{DeviceId, Meta, Rev};
    use crate::sync::data::AppData;

    fn rev(ms: i64) -> Rev {
        Rev { at: ms, n: 0, by: DeviceId("d".into()) }
    }

    fn session(seed: u64) -> Assessment {
        let meta = Meta { id: RecordId::from_seed(seed), rev: rev(1), deleted: false };
        Assessment::new(meta, "Workshop", "2026-11-24", builtin().into_iter().take(3).collect())
    }

    fn export(s: &Assessment) -> String {
        let data = AppData { assessments: crate::record::merge::collect([s.clone()]), ..AppData::default() };
        wire::export_json_of::<AssessmentsOnly>(&data, &DeviceId("p".into()), 0)
    }

    fn answered(alias: &str, at: i64) -> Assessment {
        let mut s = session(1);
        let card = s.tasks[0].id.clone();
        s.respond(alias, &card, BallotChange::Position(Position::ALL[4]), rev(at)).unwrap();
        s.answers_of(alias)
    }

    #[test]
    fn a_link_or_a_part_is_told_from_other_codes() {
        let mut scanned = Scanned::default();
        assert_eq!(scanned.take(" https://x.dk/skal-kan#data=abc\n", 0), Ok(Taken::Whole("abc".into())));
        for text in ["https://x.dk/skal-kan", "https://x.dk/#andet=1", "https://x.dk/#data=", "WIFI:S:cafe;;", ""] {
            assert_eq!(scanned.take(text, 0), Err(ScanError::NotALink), "{text}");
        }
        assert_eq!(scanned.take("https://x.dk/skal-kan#del=zz", 0), Err(ScanError::Part(PartError::Malformed)));
    }

    #[test]
    fn two_shares_in_parts_are_put_together_side_by_side_in_any_order() {
        let payload = |c: char| c.to_string().repeat(3 * parts::MAX_QR_LINK_CHARS);
        let (a, b) = (payload('A'), payload('B'));
        let links = |p: &str| parts::links("https://x.dk/skal-kan", p, parts::Carrier::QrCode).unwrap();
        let (la, lb) = (links(&a), links(&b));
        assert!(la.len() >= 3 && la.len() == lb.len(), "{} and {} parts", la.len(), lb.len());
        let mut scanned = Scanned::default();
        let n = la.len();
        // Anna's last part, then Bo's first, then the rest of each, one twice.
        assert_eq!(scanned.take(&la[n - 1], 1), Ok(Taken::Waiting { received: 1, count: n }));
        assert_eq!(scanned.take(&lb[0], 2), Ok(Taken::Waiting { received: 1, count: n }));
        assert_eq!(scanned.take(&la[n - 1], 3), Ok(Taken::Waiting { received: 1, count: n }));
        for (i, l) in la[..n - 1].iter().enumerate() {
            let got = scanned.take(l, 4).unwrap();
            if i + 2 == n {
                assert_eq!(got, Taken::Whole(a.clone()));
            } else {
                assert_eq!(got, Taken::Waiting { received: i + 2, count: n });
            }
        }
        for l in lb[1..].iter().rev() {
            let _ = scanned.take(l, 5).unwrap();
        }
        assert!(scanned.shares.is_empty(), "both are put together and dropped");
        // The last part again starts that share anew.
        assert_eq!(scanned.take(&lb[0], 6), Ok(Taken::Waiting { received: 1, count: n }));
    }

    #[test]
    fn answers_are_new_then_known() {
        let here = session(1);
        let first = read_answers(&export(&answered("Anna", 5)), &here.meta.id, Some(&here)).unwrap();
        assert!(first.is_news());
        assert_eq!(first.aliases(), "Anna");
        assert_eq!(confirmation(&first, 1), "Svar fra Anna er flettet ind – 1 i alt.");
        // Joined: the same answers again change nothing.
        let joined = <Assessment as crate::record::merge::Record>::join(&here, &first.incoming);
        let again = read_answers(&export(&answered("Anna", 5)), &here.meta.id, Some(&joined)).unwrap();
        assert!(!again.is_news());
        assert_eq!(confirmation(&again, 1), "Svar fra Anna var allerede med – 1 i alt.");
        // A newer answer from the same participant replaces it.
        let newer = read_answers(&export(&answered("Anna", 9)), &here.meta.id, Some(&joined)).unwrap();
        assert_eq!((newer.diff.new, newer.diff.replaced), (0, 1));
    }

    #[test]
    fn codes_that_are_not_answers_to_this_session_are_refused() {
        let here = session(1);
        let other = session(2);
        assert_eq!(read_answers(&export(&other), &here.meta.id, Some(&here)), Err(ScanError::OtherSession));
        assert_eq!(
            read_answers(&export(&here.for_participants()), &here.meta.id, Some(&here)),
            Err(ScanError::NoAnswers)
        );
        let empty = wire::export_json_of::<AssessmentsOnly>(&AppData::default(), &DeviceId("p".into()), 0);
        assert_eq!(read_answers(&empty, &here.meta.id, Some(&here)), Err(ScanError::OtherPart));
        assert!(matches!(read_answers("{}", &here.meta.id, Some(&here)), Err(ScanError::Unreadable(_))));
        assert!(ScanError::OtherSession.to_string().contains("anden workshop"));
    }
}
