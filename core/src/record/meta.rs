//! Record identity and revision stamps: UUID v4 ids, a hybrid logical clock and
//! the tombstone flag that every synchronised record carries.
//!
//! Pure: time comes in as milliseconds since the Unix epoch, never read here.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

/// A record id: a lowercase UUID v4 on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(pub Uuid);

impl RecordId {
    /// A UUID v4 from 16 random bytes, which the caller draws (the core has no
    /// source of randomness of its own).
    pub fn from_random(bytes: [u8; 16]) -> Self {
        RecordId(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }
    /// A reproducible UUID v4 derived from a number, for tests, fixtures and
    /// benchmarks: the same seed always gives the same id, different seeds
    /// give different ids.
    pub fn from_seed(seed: u64) -> Self {
        let mix = |mut z: u64| {
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        let hi = mix(seed.wrapping_add(0x9e37_79b9_7f4a_7c15));
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&hi.to_le_bytes());
        bytes[8..].copy_from_slice(&seed.to_le_bytes());
        Self::from_random(bytes)
    }
    /// Parses a textual id (any case); `None` when it is not a UUID.
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::parse_str(text.trim()).ok().map(RecordId)
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

/// A new id for unit tests: never the same twice in one test run.
#[cfg(test)]
pub(crate) fn test_id() -> RecordId {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    RecordId::from_seed(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

/// A random device id, created once per browser; carries no personal data.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl DeviceId {
    /// A device id from 6 random bytes the caller draws: 12 hex digits.
    pub fn from_random(bytes: [u8; 6]) -> Self {
        DeviceId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// Milliseconds since the Unix epoch (UTC). Passed into the core from outside.
pub type Millis = i64;

/// Formats milliseconds as RFC 3339 UTC with milliseconds: `2026-11-22T19:00:00.000Z`.
pub fn format_millis(ms: Millis) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or_else(|| Utc.timestamp_millis_opt(0).unwrap())
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an RFC 3339 timestamp into milliseconds.
pub fn parse_millis(text: &str) -> Option<Millis> {
    DateTime::parse_from_rfc3339(text).ok().map(|d| d.timestamp_millis())
}

/// A revision stamp from a hybrid logical clock: wall time, a counter for
/// events within the same millisecond, and the device that made it.
/// Ordered by `at`, then `n`, then `by`, so two stamps are equal only when
/// the same device made them at the same tick.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rev {
    /// Wall time in milliseconds since the epoch.
    pub at: Millis,
    /// Counter within the same millisecond.
    pub n: u32,
    /// Device that made the change.
    pub by: DeviceId,
}

impl Ord for Rev {
    fn cmp(&self, other: &Self) -> Ordering {
        self.at.cmp(&other.at).then(self.n.cmp(&other.n)).then_with(|| self.by.cmp(&other.by))
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[derive(Serialize, Deserialize)]
struct RevWire {
    at: String,
    n: u32,
    by: String,
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RevWire { at: format_millis(self.at), n: self.n, by: self.by.0.clone() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = RevWire::deserialize(d)?;
        let at =
            parse_millis(&w.at).ok_or_else(|| serde::de::Error::custom(format!("ugyldigt tidsstempel: {}", w.at)))?;
        if w.by.is_empty() || w.by.len() > 64 {
            return Err(serde::de::Error::custom("ugyldigt enheds-id"));
        }
        Ok(Rev { at, n: w.n, by: DeviceId(w.by) })
    }
}

/// A hybrid logical clock: every stamp it hands out is larger than every
/// stamp it has made or seen, even when the wall clock goes backwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// This device.
    pub device: DeviceId,
    /// Largest wall time made or seen.
    pub last_at: Millis,
    /// Counter at `last_at`.
    pub last_n: u32,
}

impl Clock {
    /// A clock for `device` that has seen nothing yet.
    pub fn new(device: DeviceId) -> Self {
        Clock { device, last_at: 0, last_n: 0 }
    }

    /// A new stamp at wall time `now`.
    pub fn tick(&mut self, now: Millis) -> Rev {
        if now > self.last_at {
            self.last_at = now;
            self.last_n = 0;
        } else {
            self.last_n = self.last_n.saturating_add(1);
        }
        Rev { at: self.last_at, n: self.last_n, by: self.device.clone() }
    }

    /// Takes note of a stamp from elsewhere so later ticks sort after it.
    pub fn observe(&mut self, rev: &Rev) {
        if rev.at > self.last_at || (rev.at == self.last_at && rev.n > self.last_n) {
            self.last_at = rev.at;
            self.last_n = rev.n;
        }
    }
}

/// What every synchronised record carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Stable id.
    pub id: RecordId,
    /// Last revision.
    pub rev: Rev,
    /// Tombstone: the record was deleted; it travels so the deletion does too.
    #[serde(default)]
    pub deleted: bool,
}

impl Meta {
    /// Meta for a brand-new record with a fresh id.
    pub fn new(id: RecordId, clock: &mut Clock, now: Millis) -> Self {
        Meta { id, rev: clock.tick(now), deleted: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(s: &str) -> DeviceId {
        DeviceId(s.into())
    }

    #[test]
    fn clock_is_monotonic_when_wall_time_goes_back() {
        let mut c = Clock::new(dev("a"));
        let r1 = c.tick(1_000);
        let r2 = c.tick(900);
        let r3 = c.tick(1_000);
        assert!(r1 < r2 && r2 < r3, "{r1:?} {r2:?} {r3:?}");
    }

    #[test]
    fn observed_stamps_are_overtaken() {
        let mut c = Clock::new(dev("a"));
        let remote = Rev { at: 5_000, n: 7, by: dev("z") };
        c.observe(&remote);
        let mine = c.tick(10);
        assert!(mine > remote);
    }

    #[test]
    fn rev_round_trips_as_rfc3339_with_millis() {
        let r = Rev { at: 1_795_374_000_123, n: 2, by: dev("abc") };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"at":"2026-11-22T19:00:00.123Z","n":2,"by":"abc"}"#);
        assert_eq!(serde_json::from_str::<Rev>(&json).unwrap(), r);
    }

    #[test]
    fn rev_rejects_a_bad_timestamp() {
        assert!(serde_json::from_str::<Rev>(r#"{"at":"i går","n":0,"by":"a"}"#).is_err());
    }

    #[test]
    fn ids_print_lowercase() {
        let id = RecordId::parse("6F9619FF-8B86-4D11-B42D-00C04FC964FF").unwrap();
        assert_eq!(id.to_string(), "6f9619ff-8b86-4d11-b42d-00c04fc964ff");
    }
}
