//! A sliding-window rate limiter: at most `max` calls in any `window`.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::clock::Clock;

/// At most `max` calls in any period of length `window`, on a [`Clock`].
///
/// Calls are stamped when they *finish* ([`record`](Self::record)): the
/// server saw each call no later than that, so spacing the finish of call
/// `n` and the start of call `n + max` by a window keeps the server's count
/// within its limit whatever the network delays.
#[derive(Debug)]
pub struct SlidingWindow {
    max: usize,
    window: Duration,
    recent: VecDeque<SystemTime>,
    clock: Arc<dyn Clock>,
}

impl SlidingWindow {
    /// A limiter of `max` (at least 1) calls per `window`.
    pub fn new(max: usize, window: Duration, clock: Arc<dyn Clock>) -> Self {
        Self {
            max: max.max(1),
            window,
            recent: VecDeque::new(),
            clock,
        }
    }

    /// Waits until one more call fits in the window.
    pub async fn acquire(&mut self) {
        loop {
            let now = self.clock.now();
            while let Some(&oldest) = self.recent.front() {
                if oldest + self.window <= now {
                    self.recent.pop_front();
                } else {
                    break;
                }
            }
            let Some(&oldest) = self.recent.front() else {
                return;
            };
            if self.recent.len() < self.max {
                return;
            }
            let wait = (oldest + self.window)
                .duration_since(now)
                .unwrap_or(Duration::ZERO);
            self.clock.sleep(wait).await;
        }
    }

    /// Stamps a call as done now.
    pub fn record(&mut self) {
        self.recent.push_back(self.clock.now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    #[tokio::test]
    async fn the_eleventh_call_waits_for_the_first_to_leave_the_window() {
        let clock = ManualClock::default();
        let start = clock.now();
        let mut limiter = SlidingWindow::new(10, Duration::from_secs(60), Arc::new(clock.clone()));
        let mut starts = Vec::new();
        for _ in 0..25 {
            limiter.acquire().await;
            starts.push(
                clock
                    .now()
                    .duration_since(start)
                    .expect("time runs forward"),
            );
            clock.advance(Duration::from_secs(1)); // the call takes a second
            limiter.record();
        }
        let secs: Vec<u64> = starts.iter().map(Duration::as_secs).collect();
        assert_eq!(&secs[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(secs[10], 61, "first call finished at 1 s, plus the window");
        assert_eq!(secs[20], 122);
        for pair in starts.windows(11) {
            assert!(pair[10] - pair[0] >= Duration::from_secs(60));
        }
    }
}

/// A rate limit and batch size the API documents for one operation, as the
/// spec declares it (`x-rate-limit`); the generated
/// [`rate_limits`](crate::rate_limits) module has one per operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per `window`.
    pub requests: u32,
    /// The window.
    pub window: Duration,
    /// The most items one request may carry, for batch operations.
    pub batch: Option<u32>,
}

impl RateLimit {
    /// `requests` per `window`, with an optional batch size.
    pub const fn new(requests: u32, window: Duration, batch: Option<u32>) -> Self {
        Self {
            requests,
            window,
            batch,
        }
    }
}
