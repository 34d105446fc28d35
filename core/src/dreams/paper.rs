//! Paper parity: a dream as an A4 sheet for the notice board at the library
//! or the IT café, and the open dreams for a print of them all, each with a
//! QR code of a share link that opens it on a phone that has never seen it.
//!
//! The sheet shows what a post shows (`share::post`): never the
//! coordinator's private note, never the runners. The link's copy of the
//! dream hangs in public, so it carries less than the runners' copy
//! (`privacy::strip_dream`): no private note, no claims and no history,
//! which hold the runners' names and contacts. Leaving them out loses
//! nothing on any device: claims and history join as unions
//! (`Record::join`), so a phone that took the dream from a poster and
//! sends it back adds its claim to the coordinator's and erases none.
//! "Læs op" on a dream's page reads the same sheet (`read_aloud`).

use chrono::NaiveDate;

use crate::dreams::da as d;
use crate::dreams::da_report as t;
use crate::dreams::dream::{Dream, Status};
use crate::dreams::form::format_hours;
use crate::dreams::matching::sort_by_deadline;
use crate::dreams::share::{danish_date, planned_text, window_text};
use crate::text::join_present;
use crate::text::spoken::{for_speech, sentence};

/// The copy of a dream a poster's QR code carries: the runners' copy
/// without the claims and the history; `None` for a deleted dream or one
/// held back from runners (a boundary not confirmed).
pub fn poster_copy(dream: &Dream) -> Option<Dream> {
    if dream.meta.deleted || dream.is_flagged() {
        return None;
    }
    let mut out = dream.clone();
    out.private_note = None;
    out.claims.clear();
    out.log.clear();
    Some(out)
}

/// The dreams for the print of all open dreams: live, open (still needing
/// runners and not past "svar senest"), not held back; soonest deadline
/// first; and how many open dreams are held back (a boundary not
/// confirmed), for the coordinator.
pub fn open_for_posters<'a>(dreams: impl IntoIterator<Item = &'a Dream>, today: NaiveDate) -> (Vec<&'a Dream>, usize) {
    let mut open: Vec<&Dream> =
        dreams.into_iter().filter(|x| !x.meta.deleted && x.status() == Status::Open && !x.is_expired(today)).collect();
    let held = open.iter().filter(|x| x.is_flagged()).count();
    open.retain(|x| !x.is_flagged());
    sort_by_deadline(&mut open);
    (open, held)
}

/// What a sheet says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The title, in big letters.
    pub title: String,
    /// The story.
    pub story: String,
    /// How many runners are missing, in words.
    pub missing: String,
    /// The facts as (label, text), empty ones left out: when, where, how
    /// long, how many runners, the deadline, needs, category, the dreamer's
    /// first name, the coordinator's contact.
    pub facts: Vec<(&'static str, String)>,
}

/// The sheet of a dream. Reads no private note and no claim but their number.
pub fn sheet(dream: &Dream) -> Sheet {
    let when = match dream.planned_for() {
        Some(p) => planned_text(p),
        None => window_text(dream),
    };
    let who = match dream.dreamer_age {
        Some(a) if !dream.dreamer.trim().is_empty() => format!("{} ({a} år)", dream.dreamer.trim()),
        _ => dream.dreamer.trim().to_string(),
    };
    let mut facts: Vec<(&'static str, String)> = vec![
        (d::WHEN, when),
        (d::WHERE, join_present([dream.place.trim(), dream.municipality.trim()], ", ")),
        (d::DURATION, d::hours(&format_hours(dream.duration_hours))),
        (d::RUNNERS, d::runners_of(dream.claim_count(), dream.runners_needed)),
    ];
    if let Some(r) = dream.reply_by {
        facts.push((d::F_REPLY_BY, danish_date(r)));
    }
    facts.push((d::NEEDS, dream.needs.join(", ")));
    facts.push((d::F_CATEGORY, dream.category.label().to_string()));
    facts.push((d::WHO, who));
    facts.push((d::CONTACT, join_present([dream.coordinator.name.trim(), dream.coordinator.contact.trim()], ", ")));
    facts.retain(|(_, v)| !v.trim().is_empty());
    Sheet {
        title: dream.title.clone(),
        story: dream.story.trim().to_string(),
        missing: t::missing(dream.runners_missing()),
        facts,
    }
}

/// What "Læs op" reads of a dream: its sheet ([`sheet`], what may hang
/// in public: the dreamer's first name, never the private note or a runner)
/// as sentences a Danish voice says well.
pub fn read_aloud(d: &Dream) -> String {
    let sheet = sheet(d);
    let mut out = String::new();
    for text in [&sheet.title, &sheet.story, &sheet.missing] {
        sentence(&mut out, text);
    }
    for (label, text) in &sheet.facts {
        sentence(&mut out, &for_speech(&format!("{label}: {text}")));
    }
    out
}
