//! The results of a workshop, card by card and round by round: the spread of
//! positions (ballots plus any show of hands), whether the group agrees, the
//! group's verdict from the majority answer to each check, notes and
//! comments, how many moved between rounds, how split the room is; the
//! turnout ("7 af 9 har svaret") and the reveal rule that decides whether the
//! projector may show a result; and the same as a CSV file in the Danish
//! Excel dialect (semicolon, UTF-8 with BOM, CRLF).

use crate::assessment::cards::{Card, Position};
use crate::assessment::da::{csv as th, ui};
use crate::assessment::session::{Assessment, RevealMode};
use crate::assessment::verdict::{judge, majority, Agreement, Judgement, Spread};

/// The result of one card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardResult {
    /// The card.
    pub card: Card,
    /// Positions from ballots and hands together.
    pub spread: Spread,
    /// Ballots with a position.
    pub ballots: u32,
    /// Hands counted.
    pub hands: u32,
    /// Ballots that say anything (position, checks or comment).
    pub voters: u32,
    /// The group's verdict.
    pub judgement: Judgement,
    /// Notes from the discussion.
    pub note: String,
    /// Comments: (alias, text).
    pub comments: Vec<(String, String)>,
}

impl CardResult {
    /// True when nobody has said anything about the card yet.
    pub fn is_unanswered(&self) -> bool {
        self.voters == 0 && self.hands == 0
    }
    /// Whether the group agrees.
    pub fn agreement(&self) -> Agreement {
        self.spread.agreement()
    }
}

/// The Danish words for an agreement.
pub fn agreement_label(a: Agreement) -> &'static str {
    match a {
        Agreement::Empty => ui::NO_ANSWERS,
        Agreement::TooFew => ui::TOO_FEW,
        Agreement::Agree => ui::AGREE,
        Agreement::Split => ui::SPLIT,
        Agreement::Spread => ui::SPREAD,
    }
}

/// The result of one card of a session, in its open round.
pub fn card_result(s: &Assessment, card: &Card) -> CardResult {
    round_result(s, card, s.round_of(&card.id))
}

/// The result of one round of a card. A show of hands belongs to the
/// first round.
pub fn round_result(s: &Assessment, card: &Card, round: u8) -> CardResult {
    let ballots: Vec<_> = s.ballots_in(&card.id, round).collect();
    let mut spread = Spread::of(ballots.iter().filter_map(|r| r.position));
    let with_position = spread.total();
    let hands = if round == 1 { s.tallies.get(&card.id).map(|t| t.counts).unwrap_or_default() } else { [0; 5] };
    spread.add(hands);
    let judgement = judge(&majority(ballots.iter().map(|r| &r.checks)));
    let comments = ballots
        .iter()
        .filter(|r| !r.comment.trim().is_empty())
        .map(|r| (r.participant.clone(), r.comment.trim().to_string()))
        .collect();
    CardResult {
        card: card.clone(),
        spread,
        ballots: with_position,
        hands: hands.iter().sum(),
        voters: ballots.len() as u32,
        judgement,
        note: s.note(&card.id).to_string(),
        comments,
    }
}

/// Results for every card of the session, in session order.
pub fn results(s: &Assessment) -> Vec<CardResult> {
    s.tasks.iter().map(|c| card_result(s, c)).collect()
}

/// How many have answered the card shown, of everyone known in the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turnout {
    /// Ballots with a position in the open round, plus hands counted.
    pub answered: u32,
    /// Everyone who has answered anything in the session (and at least
    /// those who answered this card).
    pub known: u32,
}

/// The turnout of a card's open round: "7 af 9 har svaret".
pub fn turnout(s: &Assessment, card: &str) -> Turnout {
    let round = s.round_of(card);
    let ballots = s.ballots_in(card, round).filter(|r| r.position.is_some()).count() as u32;
    let hands: u32 = if round == 1 { s.tallies.get(card).map(|t| t.counts.iter().sum()).unwrap_or(0) } else { 0 };
    let answered = ballots + hands;
    Turnout { answered, known: (s.participants().len() as u32 + hands).max(answered) }
}

/// Whether the projector may show a card's result now, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    /// Show it.
    Shown,
    /// Fewer answers than the threshold: never shown (anonymity).
    TooFew {
        /// Answers so far.
        answered: u32,
        /// The threshold.
        min: u8,
    },
    /// Waiting for the facilitator.
    ByHand,
    /// Waiting until everyone known has answered.
    ForAll {
        /// Answers so far.
        answered: u32,
        /// Everyone known.
        known: u32,
    },
    /// Waiting for the card's timer.
    ForTimer,
}

/// The workshop's reveal rule applied to a card: `asked` is the
/// facilitator's reveal (space or the button), `timer_done` whether the
/// card's timer has run out. Never shown below the threshold; the
/// facilitator can always reveal above it.
pub fn reveal(s: &Assessment, card: &str, asked: bool, timer_done: bool) -> Reveal {
    let rules = s.rules();
    let t = turnout(s, card);
    if t.answered < u32::from(rules.min_answers.max(1)) {
        return Reveal::TooFew { answered: t.answered, min: rules.min_answers.max(1) };
    }
    if asked {
        return Reveal::Shown;
    }
    match rules.reveal {
        RevealMode::Hand => Reveal::ByHand,
        RevealMode::All if t.answered >= t.known => Reveal::Shown,
        RevealMode::All => Reveal::ForAll { answered: t.answered, known: t.known },
        RevealMode::Timer if timer_done => Reveal::Shown,
        RevealMode::Timer => Reveal::ForTimer,
    }
}

/// How many participants placed the card differently in `round` than in
/// the round before (those who answered both).
pub fn moved(s: &Assessment, card: &str, round: u8) -> u32 {
    if round < 2 {
        return 0;
    }
    s.ballots_in(card, round)
        .filter(|now| {
            let before = s.responses.get(&(now.participant.clone(), now.card.clone(), round - 1));
            matches!((before.and_then(|b| b.position), now.position), (Some(a), Some(b)) if a != b)
        })
        .count() as u32
}

/// How split the room is on a spread, for ordering (higher = more split):
/// the smaller of the SKAL side and the KAN side as a share of all answers
/// (in thousandths), then the grey zone's share.
pub fn split_score(spread: &Spread) -> (u32, u32) {
    let total = spread.total();
    if total == 0 {
        return (0, 0);
    }
    let c = spread.counts;
    let skal = c[0] + c[1];
    let kan = c[3] + c[4];
    (skal.min(kan) * 1000 / total, c[2] * 1000 / total)
}

/// Results ordered most split first (session order among equals).
pub fn most_split_first(mut rows: Vec<CardResult>) -> Vec<CardResult> {
    rows.sort_by_key(|r| std::cmp::Reverse(split_score(&r.spread)));
    rows
}

/// One CSV field: quoted when needed; a leading `= + - @` is defused so a
/// spreadsheet never runs user text as a formula.
fn field(text: &str) -> String {
    let mut t = text.replace("\r\n", "\n");
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        t.insert(0, '\'');
    }
    if t.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", t.replace('"', "\"\""))
    } else {
        t
    }
}

fn row(fields: &[String]) -> String {
    let mut line = fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(";");
    line.push_str("\r\n");
    line
}

/// The results as CSV for Excel in Danish: semicolons, UTF-8 with BOM, CRLF.
/// One row per card and round; a second round says how many moved.
pub fn results_csv(s: &Assessment) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&row(&th::HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()));
    let rows = s.tasks.iter().flat_map(|c| (1..=s.round_of(&c.id)).map(move |round| (c, round)));
    for (card, round) in rows {
        let r = round_result(s, card, round);
        let mut f = vec![r.card.title.clone(), r.card.question.clone(), round.to_string()];
        f.push(if round > 1 { moved(s, &card.id, round).to_string() } else { String::new() });
        f.extend(r.spread.counts.iter().map(|c| c.to_string()));
        f.push(r.spread.total().to_string());
        f.push(r.hands.to_string());
        f.push(agreement_label(r.agreement()).to_string());
        f.push(r.judgement.verdict.label().to_string());
        f.push(
            r.judgement
                .reasons
                .iter()
                .map(|x| format!("{} ({})", x.text, x.principle.source.label()))
                .collect::<Vec<_>>()
                .join(" | "),
        );
        f.push(r.note.clone());
        f.push(r.comments.iter().map(|(a, c)| format!("{a}: {c}")).collect::<Vec<_>>().join(" | "));
        f.push(r.card.origin.label().to_string());
        out.push_str(&row(&f));
    }
    out
}

/// Labels and counts for a chart or its text alternative.
pub fn chart_parts(spread: &Spread) -> Vec<(String, u32)> {
    Position::ALL.iter().map(|p| (p.label().to_string(), spread.counts[p.index()])).collect()
}
