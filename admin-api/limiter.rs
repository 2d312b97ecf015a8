//! A sliding-window rate limiter: at most `max` calls in any `window`; and
//! the client's pacing, one such window per operation whose rate limit the
//! spec documents ([`crate::rate_limits`]).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use crate::clock::Clock;

/// At most `max` calls in any period of length `window`, on a [`Clock`].
///
/// Calls are stamped when they *finish* (when the [`Permit`] is dropped):
/// the server saw each call no later than that, so spacing the finish of
/// call `n` and the start of call `n + max` by a window keeps the server's
/// count within its limit whatever the network delays. A call in flight
/// holds its place. The limiter is shared by reference (`&self`), so the
/// client's retry loop takes a permit for every HTTP attempt, retries
/// included.
#[derive(Debug)]
pub struct SlidingWindow {
    max: usize,
    window: Duration,
    clock: Arc<dyn Clock>,
    state: Mutex<WindowState>,
    /// Woken when a call finishes: a caller that found every place held by
    /// calls in flight waits for that, not for a guessed time (on a test
    /// clock, whose sleeps return at once, a guess would spin).
    released: tokio::sync::Notify,
}

#[derive(Debug, Default)]
struct WindowState {
    /// Finish times of the calls still inside the window, oldest first.
    recent: VecDeque<SystemTime>,
    in_flight: usize,
    granted: usize,
}

/// One call's place in a [`SlidingWindow`]; dropping it stamps the call as
/// finished now.
#[derive(Debug)]
pub struct Permit<'a> {
    window: &'a SlidingWindow,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let now = self.window.clock.now();
        let mut state = self.window.state();
        state.in_flight = state.in_flight.saturating_sub(1);
        state.recent.push_back(now);
        drop(state);
        self.window.released.notify_waiters();
    }
}

impl SlidingWindow {
    /// A limiter of `max` (at least 1) calls per `window`.
    pub fn new(max: usize, window: Duration, clock: Arc<dyn Clock>) -> Self {
        Self {
            max: max.max(1),
            window,
            clock,
            state: Mutex::default(),
            released: tokio::sync::Notify::new(),
        }
    }

    /// How long until one more call fits in the window (zero: now).
    pub fn wait_time(&self) -> Duration {
        let now = self.clock.now();
        let mut state = self.state();
        self.forget_expired(&mut state, now);
        if state.recent.len() + state.in_flight < self.max {
            return Duration::ZERO;
        }
        match state.recent.front() {
            // The oldest finished call leaves the window first.
            Some(&oldest) => oldest
                .checked_add(self.window)
                .map_or(Duration::MAX, |leaves| {
                    leaves.duration_since(now).unwrap_or(Duration::ZERO)
                }),
            // Every place is held by a call in flight: it will be stamped
            // when it ends, and leave a window after that at the latest.
            None => self.window,
        }
    }

    /// Waits until one more call fits in the window and holds its place
    /// until the returned permit is dropped.
    pub async fn acquire(&self) -> Permit<'_> {
        loop {
            // Registered before the state is read, so that a call finishing
            // in between still wakes this one.
            let released = self.released.notified();
            let mut released = std::pin::pin!(released);
            released.as_mut().enable();
            if self.held_by_calls_in_flight() {
                released.await;
                continue;
            }
            let wait = self.wait_time();
            if wait.is_zero() {
                let mut state = self.state();
                // Checked again under the lock: another caller may have
                // taken the place since.
                if state.recent.len() + state.in_flight < self.max {
                    state.in_flight += 1;
                    state.granted += 1;
                    return Permit { window: self };
                }
                continue;
            }
            self.clock.sleep(wait).await;
        }
    }

    /// Whether the window is full of calls still in flight: no finished
    /// call gives a time at which a place frees.
    fn held_by_calls_in_flight(&self) -> bool {
        let now = self.clock.now();
        let mut state = self.state();
        self.forget_expired(&mut state, now);
        state.recent.is_empty() && state.in_flight >= self.max
    }

    /// Permits granted so far: every call made through this limiter.
    pub fn granted(&self) -> usize {
        self.state().granted
    }

    fn forget_expired(&self, state: &mut WindowState, now: SystemTime) {
        while let Some(&oldest) = state.recent.front() {
            match oldest.checked_add(self.window) {
                Some(leaves) if leaves <= now => {
                    state.recent.pop_front();
                }
                _ => break,
            }
        }
    }

    fn state(&self) -> MutexGuard<'_, WindowState> {
        // A poisoned lock means a panic elsewhere; the stamps stay usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The client's own pacing: for each operation with a documented rate
/// limit, one [`SlidingWindow`] on the client's clock (one per shared
/// window name for operations that count together), made when first
/// needed. Every clone of a client shares it (the
/// state holds it in an `Arc`), so the limit holds for all of them
/// together.
#[derive(Debug, Default)]
pub(crate) struct Pacing {
    /// By (shared window?, operation or window name).
    windows: Mutex<HashMap<(bool, &'static str), Arc<SlidingWindow>>>,
}

impl Pacing {
    /// The window `operation` (as the hooks name it) must fit in, or `None`
    /// when the spec documents no limit for it.
    pub(crate) fn window(
        &self,
        operation: &'static str,
        clock: &Arc<dyn Clock>,
    ) -> Option<Arc<SlidingWindow>> {
        let limit = crate::generated::rate_limit_for_operation(operation)?;
        // A poisoned lock means a panic elsewhere; the map stays usable.
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        let key = match limit.shared {
            Some(name) => (true, name),
            None => (false, operation),
        };
        let window = windows.entry(key).or_insert_with(|| {
            Arc::new(SlidingWindow::new(
                usize::try_from(limit.requests).unwrap_or(usize::MAX),
                limit.window,
                Arc::clone(clock),
            ))
        });
        Some(Arc::clone(window))
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
        let limiter = SlidingWindow::new(10, Duration::from_secs(60), Arc::new(clock.clone()));
        let mut starts = Vec::new();
        for _ in 0..25 {
            let permit = limiter.acquire().await;
            starts.push(
                clock
                    .now()
                    .duration_since(start)
                    .expect("time runs forward"),
            );
            clock.advance(Duration::from_secs(1)); // the call takes a second
            drop(permit);
        }
        let secs: Vec<u64> = starts.iter().map(Duration::as_secs).collect();
        assert_eq!(&secs[..10], &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(secs[10], 61, "first call finished at 1 s, plus the window");
        assert_eq!(secs[20], 122);
        for pair in starts.windows(11) {
            assert!(pair[10] - pair[0] >= Duration::from_secs(60));
        }
        assert_eq!(limiter.granted(), 25);
    }

    /// On a test clock, whose sleeps return at once, callers that find every
    /// place held by calls in flight wait for one to finish instead of
    /// spinning (and moving the time) without end.
    #[tokio::test]
    async fn callers_queued_behind_calls_in_flight_wait_for_them_to_finish() {
        let clock = ManualClock::default();
        let start = clock.now();
        let limiter = Arc::new(SlidingWindow::new(
            2,
            Duration::from_secs(60),
            Arc::new(clock.clone()),
        ));
        let first = limiter.acquire().await;
        let second = limiter.acquire().await;
        let waiter = {
            let limiter = Arc::clone(&limiter);
            let clock = clock.clone();
            tokio::spawn(async move {
                drop(limiter.acquire().await);
                clock.now()
            })
        };
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished(), "no place while both calls run");
        assert_eq!(clock.slept(), Duration::ZERO, "and no time spent spinning");
        clock.advance(Duration::from_secs(1));
        drop(first);
        drop(second);
        let granted_at = tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .expect("the waiter woke")
            .expect("no panic");
        assert_eq!(
            granted_at.duration_since(start).expect("forward"),
            Duration::from_secs(61),
            "a window after the first call finished"
        );
    }

    #[tokio::test]
    async fn a_window_too_long_for_the_clock_neither_panics_nor_lets_calls_through() {
        let clock = ManualClock::default();
        let limiter = SlidingWindow::new(1, Duration::MAX, Arc::new(clock.clone()));
        drop(limiter.acquire().await);
        assert_eq!(limiter.wait_time(), Duration::MAX);
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
    /// The window's name when several operations count against one window
    /// together (the audit-event queries); `None`: the operation's own.
    pub shared: Option<&'static str>,
}

impl RateLimit {
    /// `requests` per `window`, with an optional batch size.
    pub const fn new(requests: u32, window: Duration, batch: Option<u32>) -> Self {
        Self {
            requests,
            window,
            batch,
            shared: None,
        }
    }

    /// The same limit, counted in the window `name` that other operations
    /// share.
    pub const fn shared(mut self, name: &'static str) -> Self {
        self.shared = Some(name);
        self
    }
}
