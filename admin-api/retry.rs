//! Retries with jittered exponential backoff, honouring rate-limit headers.
//!
//! What is retried:
//! - `429 Too Many Requests`, for every method: the server refused the call
//!   without acting on it. The wait is `Retry-After` (seconds or HTTP date),
//!   else `X-RateLimit-Reset`, else the backoff.
//! - `5xx` answers and connection errors, for idempotent methods only (GET,
//!   HEAD, PUT, DELETE, OPTIONS): a POST may have taken effect.
//!
//! Attempts and total time are bounded; when they run out, the last answer is
//! handed back unchanged, so the caller's error keeps its status and body.
//! Time spent waiting for a rate-limit permit is not part of the total.
//! A server wait that would end past `max_elapsed` (or beyond
//! [`MAX_SERVER_WAIT`]) is not slept at all: the 429 goes to the caller.

use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// How the client retries failed requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in total, the first included (1 = no retries).
    pub max_attempts: u32,
    /// Wall time from the first attempt after which no retry starts; a wait
    /// that would end past it is not taken. Time spent waiting for a
    /// rate-limit permit (the bulk move's limiter, in the `auth_policy`
    /// module of the `control` feature) is not counted: it is the
    /// client's own pacing, not a sign that the server is failing.
    pub max_elapsed: Duration,
    /// Backoff before the first retry; it doubles on each further retry.
    pub initial_backoff: Duration,
    /// Upper bound of one backoff (server-given waits are not capped by it,
    /// only by `max_elapsed` and [`MAX_SERVER_WAIT`]).
    pub max_backoff: Duration,
    /// Randomize each backoff within its upper half, so that many clients
    /// do not retry in lockstep.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    /// Four attempts within two minutes, backoff 500 ms doubling to 30 s, jittered.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            max_elapsed: Duration::from_secs(120),
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// No retries at all: every answer goes straight to the caller.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The backoff before retry number `retry` (1-based), jitter applied.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        let ceiling = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        if self.jitter {
            let half = ceiling / 2;
            half + half.mul_f64(random_unit())
        } else {
            ceiling
        }
    }
}

/// Why a request is worth another attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryReason {
    /// The server answered 429.
    RateLimited,
    /// The server answered 5xx.
    ServerError,
    /// No answer: connection refused, reset, timed out.
    Connection,
}

/// Methods that may be sent twice with the same effect.
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// Whether an answer with `status` to a `method` request should be retried.
pub fn reason_for_status(method: &Method, status: StatusCode) -> Option<RetryReason> {
    if status == StatusCode::TOO_MANY_REQUESTS {
        Some(RetryReason::RateLimited)
    } else if status.is_server_error() && is_idempotent(method) {
        Some(RetryReason::ServerError)
    } else {
        None
    }
}

/// Whether a transport error on a `method` request should be retried.
pub fn reason_for_error(method: &Method, error: &reqwest::Error) -> Option<RetryReason> {
    let transient = error.is_connect() || error.is_timeout() || error.is_request();
    (transient && is_idempotent(method)).then_some(RetryReason::Connection)
}

/// The longest wait a server may ask for, whatever `max_elapsed` allows: a
/// longer one (a reset centuries ahead, a number past `u64`) is not waited
/// for; the caller gets the answer that asked for it.
pub const MAX_SERVER_WAIT: Duration = Duration::from_secs(24 * 60 * 60);

/// The wait the server asks for: `Retry-After` (delay in seconds or an HTTP
/// date), else `X-RateLimit-Reset` (epoch seconds, seconds to wait, or an
/// RFC 3339 time). A time in the past means "now"; a value too large for any
/// clock is [`Duration::MAX`]. Every step is checked arithmetic: no header
/// value can make this panic.
pub fn server_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(value) = text(RETRY_AFTER.as_str()) {
        if let Some(secs) = whole_seconds(value) {
            return Some(secs.map_or(Duration::MAX, Duration::from_secs));
        }
        if let Ok(date) = chrono::DateTime::parse_from_rfc2822(value) {
            return Some(until(date.timestamp(), now));
        }
    }
    let value = text("x-ratelimit-reset")?;
    if let Some(number) = whole_seconds(value) {
        // Epoch seconds are ~1.7e9 today; anything below a year is a delay.
        return Some(match number {
            None => Duration::MAX,
            Some(n) if n > 31_536_000 => until(i64::try_from(n).unwrap_or(i64::MAX), now),
            Some(n) => Duration::from_secs(n),
        });
    }
    chrono::DateTime::parse_from_rfc3339(value)
        .ok()
        .map(|date| until(date.timestamp(), now))
}

/// `Some(Some(n))` for a whole number of seconds, `Some(None)` for digits
/// beyond `u64`, `None` for anything else.
fn whole_seconds(value: &str) -> Option<Option<u64>> {
    (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())).then(|| value.parse().ok())
}

/// The wait from `now` until `epoch_secs` (zero when that is past), without
/// building a `SystemTime` that may not exist on this platform.
fn until(epoch_secs: i64, now: SystemTime) -> Duration {
    let now = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    u64::try_from(epoch_secs)
        .map(Duration::from_secs)
        .unwrap_or_default()
        .saturating_sub(now)
}

/// A uniform number in `[0, 1)`, from the std hasher's per-instance random
/// keys: jitter needs no cryptographic quality and no extra dependency.
fn random_unit() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().expect("header value"));
        }
        map
    }

    fn at(epoch: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(epoch)
    }

    #[test]
    fn retry_after_in_seconds_and_as_http_date() {
        let now = at(1_445_412_470); // 2015-10-21T07:27:50Z
        assert_eq!(
            server_wait(&headers(&[("retry-after", "7")]), now),
            Some(Duration::from_secs(7))
        );
        let date = headers(&[("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")]);
        assert_eq!(server_wait(&date, now), Some(Duration::from_secs(10)));
        assert_eq!(server_wait(&date, at(1_445_412_490)), Some(Duration::ZERO));
    }

    #[test]
    fn rate_limit_reset_as_epoch_delay_or_timestamp() {
        let now = at(1_700_000_000);
        // `now` is 2023-11-14T22:13:20Z.
        let cases = [("1700000042", 42), ("5", 5), ("2023-11-14T22:14:20Z", 60)];
        for (value, secs) in cases {
            let got = server_wait(&headers(&[("x-ratelimit-reset", value)]), now);
            assert_eq!(got, Some(Duration::from_secs(secs)), "{value}");
        }
        assert_eq!(
            server_wait(
                &headers(&[("retry-after", "2"), ("x-ratelimit-reset", "9")]),
                now
            ),
            Some(Duration::from_secs(2)),
            "Retry-After wins"
        );
        assert_eq!(server_wait(&headers(&[("retry-after", "soon")]), now), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_jitters_within_the_upper_half() {
        let policy = RetryPolicy {
            jitter: false,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        let waits: Vec<u128> = (1..=4).map(|r| policy.backoff(r).as_millis()).collect();
        assert_eq!(waits, [100, 200, 350, 350]);
        let jittered = RetryPolicy {
            jitter: true,
            ..policy
        };
        for _ in 0..100 {
            let wait = jittered.backoff(2);
            assert!(wait >= Duration::from_millis(100) && wait <= Duration::from_millis(200));
        }
    }

    #[test]
    fn only_idempotent_methods_retry_server_errors_but_all_retry_429() {
        let bad = StatusCode::BAD_GATEWAY;
        assert_eq!(
            reason_for_status(&Method::GET, bad),
            Some(RetryReason::ServerError)
        );
        assert_eq!(
            reason_for_status(&Method::DELETE, bad),
            Some(RetryReason::ServerError)
        );
        assert_eq!(reason_for_status(&Method::POST, bad), None);
        assert_eq!(reason_for_status(&Method::PATCH, bad), None);
        let limited = StatusCode::TOO_MANY_REQUESTS;
        assert_eq!(
            reason_for_status(&Method::POST, limited),
            Some(RetryReason::RateLimited)
        );
        assert_eq!(reason_for_status(&Method::GET, StatusCode::NOT_FOUND), None);
    }
}
