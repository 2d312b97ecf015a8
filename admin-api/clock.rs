//! Time as the runtime sees it: a clock that can also sleep.
//!
//! Retries, rate-limit windows and task polling all wait; they do it through
//! [`Clock`] so that tests drive a `ManualClock` (with the `test-util`
//! feature) and never sleep for real.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// A boxed, sendable future, as returned by [`Clock::sleep`].
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The source of time and of waiting for the client.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time (used for HTTP dates and rate-limit windows).
    fn now(&self) -> SystemTime;
    /// Waits for `duration`.
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;

    /// Resolves once the time is `at` or later: the bound on work in flight
    /// (a status call raced against a deadline). Unlike [`sleep`](Self::sleep)
    /// it must not move a test clock's time; the default sleeps for the time
    /// left.
    fn deadline(&self, at: SystemTime) -> BoxFuture<'static, ()> {
        let left = at.duration_since(self.now()).unwrap_or_default();
        self.sleep(left)
    }
}

/// The real clock: system time and tokio's timer.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[cfg(any(test, feature = "test-util"))]
pub use manual::ManualClock;

/// The test clock, behind the `test-util` feature.
#[cfg(any(test, feature = "test-util"))]
mod manual {
    use std::sync::{Arc, Mutex};
    use std::task::{Poll, Waker};
    use std::time::{Duration, SystemTime};

    use super::{BoxFuture, Clock};

    /// A clock for tests: time stands still until someone sleeps, and a sleep
    /// returns at once after moving the time forward. Every sleep is recorded.
    /// A [`deadline`](Clock::deadline) fires when a sleep or an
    /// [`advance`](ManualClock::advance) reaches it, never by itself.
    #[derive(Debug, Clone)]
    pub struct ManualClock {
        state: Arc<Mutex<ManualState>>,
    }

    #[derive(Debug)]
    struct ManualState {
        now: SystemTime,
        sleeps: Vec<Duration>,
        /// Deadlines not reached yet, woken when the time moves past them.
        waiting: Vec<(SystemTime, Waker)>,
    }

    impl ManualState {
        /// Moves the time (a time past the platform's range stays put rather
        /// than panic) and wakes the deadlines it reaches.
        fn advance(&mut self, by: Duration) {
            self.now = self.now.checked_add(by).unwrap_or(self.now);
            let now = self.now;
            let (due, later) = std::mem::take(&mut self.waiting)
                .into_iter()
                .partition(|(at, _)| *at <= now);
            self.waiting = later;
            for (_, waker) in due {
                waker.wake();
            }
        }
    }

    impl ManualClock {
        /// A clock standing at `start`.
        pub fn new(start: SystemTime) -> Self {
            Self {
                state: Arc::new(Mutex::new(ManualState {
                    now: start,
                    sleeps: Vec::new(),
                    waiting: Vec::new(),
                })),
            }
        }

        /// Moves the time forward without recording a sleep.
        pub fn advance(&self, by: Duration) {
            self.with(|s| s.advance(by));
        }

        /// Every sleep so far, in order.
        pub fn sleeps(&self) -> Vec<Duration> {
            self.with(|s| s.sleeps.clone())
        }

        /// The time slept in total.
        pub fn slept(&self) -> Duration {
            self.with(|s| s.sleeps.iter().sum())
        }

        fn with<T>(&self, f: impl FnOnce(&mut ManualState) -> T) -> T {
            // A poisoned lock only means another test thread panicked; the state
            // itself (a time and a list) is still consistent.
            let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut guard)
        }
    }

    impl Default for ManualClock {
        /// A clock standing at 2025-01-01T00:00:00Z.
        fn default() -> Self {
            Self::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_735_689_600))
        }
    }

    impl Clock for ManualClock {
        fn now(&self) -> SystemTime {
            self.with(|s| s.now)
        }

        fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
            self.with(|s| {
                s.advance(duration);
                s.sleeps.push(duration);
            });
            Box::pin(std::future::ready(()))
        }

        fn deadline(&self, at: SystemTime) -> BoxFuture<'static, ()> {
            let clock = self.clone();
            Box::pin(std::future::poll_fn(move |cx| {
                clock.with(|s| {
                    if s.now >= at {
                        return Poll::Ready(());
                    }
                    let known = s
                        .waiting
                        .iter()
                        .any(|(t, w)| *t == at && w.will_wake(cx.waker()));
                    if !known {
                        s.waiting.push((at, cx.waker().clone()));
                    }
                    Poll::Pending
                })
            }))
        }
    }
}
