//! Times the API takes as UNIX epoch milliseconds.
//!
//! The audit log's `from` and `to` (on `get_events` and `poll_events`) are
//! epoch milliseconds on the wire. The spec marks such parameters with
//! `x-time: epoch-millis`, and the builders take an [`EpochMillis`], which
//! converts from a `chrono` time, an RFC 3339 text or a millisecond count:
//!
//! ```
//! use atlassian_admin_api::EpochMillis;
//! use chrono::{TimeZone, Utc};
//!
//! let new_year = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
//! assert_eq!(EpochMillis::from(new_year).millis(), 1_767_225_600_000);
//! assert_eq!(EpochMillis::try_from("2026-01-01T09:00:00+09:00").unwrap().millis(), 1_767_225_600_000);
//! assert_eq!(EpochMillis::try_from("1767225600000").unwrap().to_string(), "1767225600000");
//! // client.get_events().from(new_year).to(Utc::now())
//! ```

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment as milliseconds since 1970-01-01T00:00:00Z, as the API takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EpochMillis(i64);

impl EpochMillis {
    /// The moment `millis` milliseconds after the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// Milliseconds since the epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// The moment as a UTC time (`None` beyond chrono's range).
    pub fn to_datetime(self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp_millis(self.0)
    }

    /// Now, by the system clock.
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for EpochMillis {
    fn from(time: DateTime<Tz>) -> Self {
        Self(time.timestamp_millis())
    }
}

impl From<SystemTime> for EpochMillis {
    fn from(time: SystemTime) -> Self {
        let millis = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_millis())
                .map(|ms| -ms)
                .unwrap_or(i64::MIN),
        };
        Self(millis)
    }
}

/// A text that is neither epoch milliseconds nor an RFC 3339 time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseTimeError(String);

impl fmt::Display for ParseTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Debug quotes and escapes the text; it is cut to stay one short line.
        let shown: String = self.0.chars().take(64).collect();
        write!(
            f,
            "{shown:?} is neither UNIX epoch milliseconds (1767225600000) nor an RFC 3339 time (2026-01-01T00:00:00Z)"
        )
    }
}

impl std::error::Error for ParseTimeError {}

impl FromStr for EpochMillis {
    type Err = ParseTimeError;

    /// Epoch milliseconds (`1767225600000`) or an RFC 3339 time with its
    /// offset (`2026-01-01T00:00:00Z`, `2026-01-01T09:00:00+09:00`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        if let Ok(ms) = trimmed.parse::<i64>() {
            return Ok(Self(ms));
        }
        DateTime::parse_from_rfc3339(trimmed)
            .map(Self::from)
            .map_err(|_| ParseTimeError(text.to_owned()))
    }
}

impl TryFrom<&str> for EpochMillis {
    type Error = ParseTimeError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl TryFrom<String> for EpochMillis {
    type Error = ParseTimeError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl TryFrom<&String> for EpochMillis {
    type Error = ParseTimeError;
    fn try_from(text: &String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<i64> for EpochMillis {
    fn from(millis: i64) -> Self {
        Self(millis)
    }
}

impl fmt::Display for EpochMillis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for EpochMillis {
    /// As the API's parameters take it: the digits, as a string.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for EpochMillis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Number(i64),
            Text(String),
        }
        match Wire::deserialize(deserializer)? {
            Wire::Number(ms) => Ok(Self(ms)),
            Wire::Text(text) => text.parse().map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_on_the_moment() {
        let t = Utc
            .with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
            .single()
            .expect("time");
        let ms = 1_793_491_200_000;
        assert_eq!(EpochMillis::from(t).millis(), ms);
        assert_eq!(
            EpochMillis::from(
                t.with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).expect("tz"))
            )
            .millis(),
            ms
        );
        assert_eq!(
            "2026-11-01T09:00:00+09:00".parse::<EpochMillis>(),
            Ok(EpochMillis(ms))
        );
        assert_eq!("1793491200000".parse::<EpochMillis>(), Ok(EpochMillis(ms)));
        assert_eq!(EpochMillis(ms).to_datetime(), Some(t));
        assert_eq!(
            EpochMillis::from(UNIX_EPOCH + std::time::Duration::from_millis(5)).millis(),
            5
        );
        assert_eq!(
            serde_json::to_string(&EpochMillis(ms)).expect("json"),
            "\"1793491200000\""
        );
        assert_eq!(
            serde_json::from_str::<EpochMillis>("1793491200000").expect("number"),
            EpochMillis(ms)
        );
    }

    #[test]
    fn other_texts_are_refused_naming_both_forms() {
        let err = "yesterday\n"
            .parse::<EpochMillis>()
            .expect_err("not a time");
        assert_eq!(
            err.to_string(),
            r#""yesterday\n" is neither UNIX epoch milliseconds (1767225600000) nor an RFC 3339 time (2026-01-01T00:00:00Z)"#
        );
    }
}
