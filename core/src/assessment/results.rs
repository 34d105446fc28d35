//! The results of a workshop, card by card: the spread of positions (ballots
//! plus any show of hands), whether the group agrees, the group's verdict from
//! the majority answer to each check, notes and comments; and the same as a
//! CSV file in the Danish Excel dialect (semicolon, UTF-8 with BOM, CRLF).

use crate::assessment::cards::{Card, Position};
use crate::assessment::da::{csv as th, ui};
use crate::assessment::session::Assessment;
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

/// The result of one card of a session.
pub fn card_result(s: &Assessment, card: &Card) -> CardResult {
    let ballots: Vec<_> = s.ballots_for(&card.id).collect();
    let mut spread = Spread::of(ballots.iter().filter_map(|r| r.position));
    let with_position = spread.total();
    let hands = s.tallies.get(&card.id).map(|t| t.counts).unwrap_or_default();
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
pub fn results_csv(s: &Assessment) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&row(&th::HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()));
    for r in results(s) {
        let mut f = vec![r.card.title.clone(), r.card.question.clone()];
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
