//! The card timer on the projector: a countdown that can be paused and
//! resumed. Pure: the time arrives as milliseconds.

use crate::record::meta::Millis;

/// A countdown of a card's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Countdown {
    /// Milliseconds left when it last stopped (or at the start).
    left: Millis,
    /// When it was last started, while it runs.
    since: Option<Millis>,
}

impl Countdown {
    /// A running countdown of `secs` seconds, started at `now`.
    pub fn start(secs: u16, now: Millis) -> Countdown {
        Countdown { left: Millis::from(secs) * 1_000, since: Some(now) }
    }

    /// Milliseconds left at `now` (never below zero).
    pub fn left(&self, now: Millis) -> Millis {
        match self.since {
            Some(s) => (self.left - (now - s).max(0)).max(0),
            None => self.left.max(0),
        }
    }

    /// True when the time is up.
    pub fn is_done(&self, now: Millis) -> bool {
        self.left(now) == 0
    }

    /// True while it counts down.
    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Pauses a running countdown, or resumes a paused one.
    pub fn toggle(&mut self, now: Millis) {
        match self.since {
            Some(_) => {
                self.left = self.left(now);
                self.since = None;
            }
            None => self.since = Some(now),
        }
    }

    /// The time left as the projector shows it: `1.05` (minutes.seconds),
    /// rounded up so it shows `0.00` only when the time is up.
    pub fn text(&self, now: Millis) -> String {
        let secs = (self.left(now) + 999) / 1_000;
        format!("{}.{:02}", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_counts_down_pauses_and_resumes() {
        let mut c = Countdown::start(90, 1_000);
        assert_eq!(c.text(1_000), "1.30");
        assert_eq!(c.text(31_500), "1.00");
        c.toggle(31_000);
        assert!(!c.is_running());
        assert_eq!(c.left(100_000), 60_000, "paused: time stands still");
        c.toggle(200_000);
        assert_eq!(c.text(259_001), "0.01");
        assert!(!c.is_done(259_999));
        assert!(c.is_done(260_000));
        assert_eq!(c.text(999_999), "0.00");
        assert_eq!(c.left(999_999), 0);
    }
}
