//! From the answers to the checks to a verdict with reasons: SKAL (say no
//! thanks), Del opgaven (split it), Gråzone (align expectations, write an
//! agreement) or KAN (a good volunteer task). Every reason names the principle
//! it comes from: Ældre Sagen's volunteer policy or the Hedensted criteria.
//! Never a bare score.
//!
//! Also the spread of positions on the scale and whether a group agrees.
//! Pure: rules only, tested with data-driven tables in `tests/assessment_verdict.rs`.

use std::collections::BTreeMap;

use crate::assessment::cards::{Answer, Check, Position};
use crate::assessment::da::{content as c, verdict as t};

/// Answers to the checks, by wire key (unknown keys are ignored).
pub type Checks = BTreeMap<String, Answer>;

/// The four verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The municipality's task: say no thanks.
    Skal,
    /// Split it: the authority part to staff, the help to volunteers.
    Split,
    /// Grey zone: align expectations, write an agreement.
    Grey,
    /// A good volunteer task.
    Kan,
}

impl Verdict {
    /// Danish name.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Skal => t::SKAL,
            Verdict::Split => t::SPLIT,
            Verdict::Grey => t::GREY,
            Verdict::Kan => t::KAN,
        }
    }
    /// What to do.
    pub fn advice(self) -> &'static str {
        match self {
            Verdict::Skal => t::SKAL_ADVICE,
            Verdict::Split => t::SPLIT_ADVICE,
            Verdict::Grey => t::GREY_ADVICE,
            Verdict::Kan => t::KAN_ADVICE,
        }
    }
    /// A short CSS-friendly key.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Skal => "skal",
            Verdict::Split => "del",
            Verdict::Grey => "graa",
            Verdict::Kan => "kan",
        }
    }
    /// True when the agreement checklist belongs to it (KAN or Gråzone).
    pub fn needs_agreement(self) -> bool {
        matches!(self, Verdict::Kan | Verdict::Grey)
    }
}

/// Which body of principles a reason comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// Ældre Sagens frivillighedspolitik (seed 000).
    Policy,
    /// Hedensted-kriterierne (seed 003).
    Hedensted,
    /// The workshop's own question (seed 000).
    Workshop,
}

impl Source {
    /// Danish name.
    pub fn label(self) -> &'static str {
        match self {
            Source::Policy => c::POLICY,
            Source::Hedensted => c::HEDENSTED,
            Source::Workshop => c::WORKSHOP_QUESTION,
        }
    }
}

/// A principle: its source and the quoted rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Principle {
    /// Where it comes from.
    pub source: Source,
    /// Id into `content::PRINCIPLES`.
    pub id: &'static str,
}

impl Principle {
    const fn new(source: Source, id: &'static str) -> Self {
        Principle { source, id }
    }
    /// The quoted rule.
    pub fn quote(self) -> &'static str {
        c::PRINCIPLES.iter().find(|(id, _)| *id == self.id).map(|(_, q)| *q).unwrap_or("")
    }
}

const P_STATUTORY: Principle = Principle::new(Source::Policy, "statutory");
const P_NOT_REPLACEMENT: Principle = Principle::new(Source::Policy, "not_replacement");
const P_PROFESSIONAL: Principle = Principle::new(Source::Hedensted, "professional");
const P_LED: Principle = Principle::new(Source::Policy, "led_by_volunteers");
const P_UNPAID: Principle = Principle::new(Source::Policy, "unpaid");
const P_CAUSE: Principle = Principle::new(Source::Hedensted, "shared_cause");
const P_DIVERGING: Principle = Principle::new(Source::Hedensted, "diverging");
const P_VOLUNTEERS: Principle = Principle::new(Source::Workshop, "volunteers");
const P_COMPETITION: Principle = Principle::new(Source::Hedensted, "competition");
const P_GREY: Principle = Principle::new(Source::Hedensted, "grey_zone");

/// The principle behind a check.
pub fn principle_of(check: Check) -> Principle {
    match check {
        Check::Statutory => P_STATUTORY,
        Check::ReplacesStaff => P_NOT_REPLACEMENT,
        Check::Professional => P_PROFESSIONAL,
        Check::VolunteerLed => P_LED,
        Check::UnpaidFree => P_UNPAID,
        Check::SharedCause => P_CAUSE,
        Check::HaveVolunteers => P_VOLUNTEERS,
        Check::Competition => P_COMPETITION,
    }
}

/// One reason for a verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// What was found, in Danish.
    pub text: String,
    /// The principle it rests on.
    pub principle: Principle,
}

/// A verdict and its reasons (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// Why.
    pub reasons: Vec<Reason>,
}

fn reason(text: impl Into<String>, principle: Principle) -> Reason {
    Reason { text: text.into(), principle }
}

/// Derives the verdict from the checks.
pub fn judge(checks: &Checks) -> Judgement {
    let get = |ch: Check| checks.get(ch.key()).copied();
    let yes = |ch: Check| get(ch) == Some(Answer::Ja);
    let no = |ch: Check| get(ch) == Some(Answer::Nej);

    // The parts that belong to staff.
    let mut authority = Vec::new();
    if yes(Check::Statutory) {
        authority.push(reason(t::R_STATUTORY, P_STATUTORY));
    }
    if yes(Check::Professional) {
        authority.push(reason(t::R_PROFESSIONAL, P_PROFESSIONAL));
    }
    // Reasons to say no thanks whatever else is true.
    let mut refusals = Vec::new();
    if yes(Check::ReplacesStaff) {
        refusals.push(reason(t::R_REPLACES, P_NOT_REPLACEMENT));
    }
    if no(Check::VolunteerLed) {
        refusals.push(reason(t::R_NOT_LED, P_LED));
    }
    if no(Check::UnpaidFree) {
        refusals.push(reason(t::R_NOT_FREE, P_UNPAID));
    }
    if no(Check::SharedCause) {
        refusals.push(reason(t::R_NO_CAUSE, P_DIVERGING));
    }
    if yes(Check::Competition) {
        refusals.push(reason(t::R_COMPETITION, P_COMPETITION));
    }
    let help_part = yes(Check::VolunteerLed) && yes(Check::UnpaidFree);

    if !refusals.is_empty() || (!authority.is_empty() && !help_part) {
        let mut reasons = authority;
        reasons.extend(refusals);
        return Judgement { verdict: Verdict::Skal, reasons };
    }
    if !authority.is_empty() {
        let mut reasons = authority;
        reasons.push(reason(t::R_HELP_PART, P_LED));
        return Judgement { verdict: Verdict::Split, reasons };
    }
    let all_clear = no(Check::Statutory)
        && no(Check::ReplacesStaff)
        && no(Check::Professional)
        && yes(Check::VolunteerLed)
        && yes(Check::UnpaidFree)
        && yes(Check::SharedCause)
        && yes(Check::HaveVolunteers)
        && no(Check::Competition);
    if all_clear {
        return Judgement {
            verdict: Verdict::Kan,
            reasons: vec![
                reason(t::R_NOT_STATUTORY, P_STATUTORY),
                reason(t::R_LED, P_LED),
                reason(t::R_FREE, P_UNPAID),
                reason(t::R_CAUSE, P_CAUSE),
                reason(t::R_VOLUNTEERS, P_VOLUNTEERS),
            ],
        };
    }
    // Grey zone: say what is open.
    let mut reasons = Vec::new();
    if Check::ALL.iter().all(|ch| get(*ch).is_none()) {
        reasons.push(reason(t::R_NO_CHECKS, P_GREY));
        return Judgement { verdict: Verdict::Grey, reasons };
    }
    if no(Check::HaveVolunteers) {
        reasons.push(reason(t::R_NO_VOLUNTEERS, P_VOLUNTEERS));
    }
    for ch in Check::ALL {
        if matches!(get(ch), None | Some(Answer::VedIkke)) {
            reasons.push(reason(t::unknown(ch.question()), principle_of(ch)));
        }
    }
    reasons.push(reason(t::GREY_ADVICE, P_GREY));
    Judgement { verdict: Verdict::Grey, reasons }
}

/// One participant's verdict: the checks, plus a note when their own
/// position on the scale points the other way.
pub fn judge_ballot(position: Option<Position>, checks: &Checks) -> Judgement {
    let mut j = judge(checks);
    if let Some(p) = position {
        let clash = (j.verdict == Verdict::Skal && p.is_kan()) || (j.verdict == Verdict::Kan && p.is_skal());
        if clash {
            j.reasons.push(reason(t::position_differs(p.label()), P_GREY));
        }
    }
    j
}

/// The group's answer to each check: the most common answer among those
/// who answered it; a tie is "ved ikke".
pub fn majority<'a>(all: impl IntoIterator<Item = &'a Checks>) -> Checks {
    // Per check (in `Check::ALL`'s order), how many answered ja, nej and ved ikke.
    let mut counts: Vec<(&'static str, [u32; 3])> = Check::ALL.iter().map(|ch| (ch.key(), [0; 3])).collect();
    for checks in all {
        for (ch, (_, n)) in Check::ALL.iter().zip(counts.iter_mut()) {
            if let Some(a) = checks.get(ch.key()) {
                n[Answer::ALL.iter().position(|x| x == a).unwrap_or(2)] += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| n.iter().sum::<u32>() > 0)
        .map(|(key, n)| {
            let max = *n.iter().max().unwrap_or(&0);
            let winners: Vec<usize> = (0..3).filter(|i| n[*i] == max).collect();
            let answer = if winners.len() == 1 { Answer::ALL[winners[0]] } else { Answer::VedIkke };
            (key.to_string(), answer)
        })
        .collect()
}

/// How the positions on the scale are spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    /// Count per step, "Klart SKAL" first.
    pub counts: [u32; 5],
}

/// Whether a group agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// No answers.
    Empty,
    /// One answer: nothing to compare.
    TooFew,
    /// At least three in four within two neighbouring steps.
    Agree,
    /// At least one in four on each side of the grey zone.
    Split,
    /// Neither.
    Spread,
}

impl Spread {
    /// From positions.
    pub fn of(positions: impl IntoIterator<Item = Position>) -> Self {
        let mut counts = [0u32; 5];
        for p in positions {
            counts[p.index()] += 1;
        }
        Spread { counts }
    }
    /// Adds counts (a show of hands).
    pub fn add(&mut self, other: [u32; 5]) {
        for (a, b) in self.counts.iter_mut().zip(other) {
            *a = a.saturating_add(b);
        }
    }
    /// Total.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
    /// Whether the group agrees.
    pub fn agreement(&self) -> Agreement {
        let n = self.total();
        match n {
            0 => return Agreement::Empty,
            1 => return Agreement::TooFew,
            _ => {}
        }
        let best_window = self.counts.windows(2).map(|w| w[0] + w[1]).max().unwrap_or(0);
        if best_window * 4 >= n * 3 {
            return Agreement::Agree;
        }
        let skal = self.counts[0] + self.counts[1];
        let kan = self.counts[3] + self.counts[4];
        if skal * 4 >= n && kan * 4 >= n {
            return Agreement::Split;
        }
        Agreement::Spread
    }
    /// The middle position (lower median), if any.
    pub fn median(&self) -> Option<Position> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let target = n.div_ceil(2);
        let mut seen = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= target {
                return Position::new(i as u8 + 1);
            }
        }
        None
    }
}
