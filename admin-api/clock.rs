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
    use std::collections::BTreeMap;
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Poll, Waker};
    use std::time::{Duration, SystemTime};

    use super::{BoxFuture, Clock};

    /// How long (real time) the clock must see no use before it moves its
    /// time to the earliest pending sleep: long enough for the tasks woken by
    /// the last move to run up to their next wait, short enough that a
    /// test's thousands of waits cost well under a second each.
    const QUIET: Duration = Duration::from_millis(1);

    /// A clock for tests: time stands still while anyone is working, and
    /// jumps to the earliest pending sleep once every task waits, like
    /// tokio's paused time. A sleep never takes the real time it names.
    ///
    /// Several tasks sleeping at once share the time: ten parallel 1 s sleeps
    /// move the clock 1 s, not 10 s, and every sleeper due at the new time
    /// wakes together. "Every task waits" is judged by the clock itself: the
    /// time moves when no task has read the time, started or finished a
    /// sleep for about a millisecond of real time (work the clock cannot see,
    /// such as a request in flight, may see the time move meanwhile, as it
    /// would in reality).
    ///
    /// Every sleep is recorded ([`sleeps`](ManualClock::sleeps)). A
    /// [`deadline`](Clock::deadline) fires when a sleep or an
    /// [`advance`](ManualClock::advance) reaches it, never by itself, so a
    /// test clock never cuts short work in flight that a sleep does not
    /// wait for. Sleeping needs a tokio runtime with its timer enabled (as
    /// `#[tokio::test]` has), for the short real pause above.
    #[derive(Debug, Clone)]
    pub struct ManualClock {
        state: Arc<Mutex<ManualState>>,
    }

    #[derive(Debug)]
    struct ManualState {
        now: SystemTime,
        sleeps: Vec<Duration>,
        /// Counts every use of the clock: the time moves only after a quiet
        /// period in which it did not change.
        activity: u64,
        /// Pending sleeps by (deadline, id), with the waker of their task.
        sleepers: BTreeMap<(SystemTime, u64), Option<Waker>>,
        next_id: u64,
        /// Deadlines not reached yet, woken when the time moves past them.
        waiting: Vec<(SystemTime, Waker)>,
    }

    impl ManualState {
        /// Moves the time to `to` (never back) and wakes the sleeps and
        /// deadlines due by then.
        fn move_to(&mut self, to: SystemTime) {
            self.activity += 1;
            if to > self.now {
                self.now = to;
            }
            let now = self.now;
            let later = self.sleepers.split_off(&(now, u64::MAX));
            for waker in std::mem::replace(&mut self.sleepers, later)
                .into_values()
                .flatten()
            {
                waker.wake();
            }
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
                    activity: 0,
                    sleepers: BTreeMap::new(),
                    next_id: 0,
                    waiting: Vec::new(),
                })),
            }
        }

        /// Moves the time forward without recording a sleep, waking every
        /// sleep and deadline due by then. A time past the platform's range
        /// leaves the clock where it is.
        pub fn advance(&self, by: Duration) {
            self.with(|s| {
                let to = s.now.checked_add(by).unwrap_or(s.now);
                s.move_to(to);
            });
        }

        /// Every sleep so far, in the order they started (parallel sleeps
        /// overlap: their sum can exceed the time the clock moved).
        pub fn sleeps(&self) -> Vec<Duration> {
            self.with(|s| s.sleeps.clone())
        }

        /// The sum of every sleep's duration (see [`sleeps`](Self::sleeps)).
        pub fn slept(&self) -> Duration {
            self.with(|s| s.sleeps.iter().sum())
        }

        fn with<T>(&self, f: impl FnOnce(&mut ManualState) -> T) -> T {
            // A poisoned lock only means another test thread panicked; the state
            // itself (a time and some lists) is still consistent.
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
            self.with(|s| {
                s.activity += 1;
                s.now
            })
        }

        fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()> {
            let key = self.with(|s| {
                s.sleeps.push(duration);
                s.activity += 1;
                // A sleep past the platform's range ends at once rather than
                // never (as the clock's time cannot get there).
                let at = s.now.checked_add(duration)?;
                if at <= s.now {
                    return None;
                }
                let key = (at, s.next_id);
                s.next_id += 1;
                s.sleepers.insert(key, None);
                Some(key)
            });
            match key {
                None => Box::pin(std::future::ready(())),
                Some(key) => Box::pin(Sleep {
                    clock: self.clone(),
                    key,
                    seen: None,
                    pause: Box::pin(tokio::time::sleep(QUIET)),
                }),
            }
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

    /// One pending sleep of a [`ManualClock`].
    struct Sleep {
        clock: ManualClock,
        key: (SystemTime, u64),
        /// The clock's activity count when the current quiet pause began.
        seen: Option<u64>,
        /// A short real pause after which the clock may be idle.
        pause: Pin<Box<tokio::time::Sleep>>,
    }

    impl Future for Sleep {
        type Output = ();

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let this = &mut *self;
            loop {
                let pause_over = this.seen.is_some() && this.pause.as_mut().poll(cx).is_ready();
                let activity = this.clock.with(|s| {
                    if s.now >= this.key.0 {
                        s.sleepers.remove(&this.key);
                        s.activity += 1;
                        return None;
                    }
                    if let Some(waker) = s.sleepers.get_mut(&this.key) {
                        *waker = Some(cx.waker().clone());
                    }
                    // Idle: nobody used the clock during a whole pause. The
                    // time moves to the earliest pending sleep (perhaps
                    // another task's, even one not polled yet).
                    if pause_over && this.seen == Some(s.activity) {
                        if let Some(&(earliest, _)) = s.sleepers.keys().next() {
                            s.move_to(earliest);
                        }
                        if s.now >= this.key.0 {
                            s.sleepers.remove(&this.key);
                            return None;
                        }
                    }
                    Some(s.activity)
                });
                let Some(activity) = activity else {
                    return Poll::Ready(());
                };
                if this.seen.is_some() && !pause_over {
                    return Poll::Pending; // the pause's timer wakes this task
                }
                // A new pause, watching the clock from now.
                this.seen = Some(activity);
                this.pause
                    .as_mut()
                    .reset(tokio::time::Instant::now() + QUIET);
                if this.pause.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
            }
        }
    }

    impl Drop for Sleep {
        /// A sleep given up before its time (a `select!` that chose another
        /// branch) no longer holds the clock back.
        fn drop(&mut self) {
            self.clock.with(|s| {
                if s.sleepers.remove(&self.key).is_some() {
                    s.activity += 1;
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten tasks sleeping 1 s at once share the time: the clock moves 1 s
    /// and wakes them together (a clock that advanced by each sleep in turn
    /// ended 10 s later).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn parallel_sleeps_move_the_clock_to_the_earliest_deadline_once() {
        let clock = ManualClock::default();
        let start = clock.now();
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let clock = clock.clone();
                tokio::spawn(async move {
                    clock.sleep(Duration::from_secs(1)).await;
                    clock.now()
                })
            })
            .collect();
        let woke = join_all(tasks).await;
        for at in &woke {
            assert_eq!(at.duration_since(start).ok(), Some(Duration::from_secs(1)));
        }
        assert_eq!(
            clock.now().duration_since(start).ok(),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            clock.slept(),
            Duration::from_secs(10),
            "ten sleeps recorded"
        );
    }

    /// Sleeps of different lengths wake in order, each at its own time.
    #[tokio::test]
    async fn staggered_sleeps_wake_at_their_own_deadlines() {
        let clock = ManualClock::default();
        let start = clock.now();
        let tasks: Vec<_> = [3u64, 1, 2, 2]
            .into_iter()
            .map(|secs| {
                let clock = clock.clone();
                tokio::spawn(async move {
                    clock.sleep(Duration::from_secs(secs)).await;
                    (secs, clock.now())
                })
            })
            .collect();
        for (secs, at) in join_all(tasks).await {
            assert_eq!(
                at.duration_since(start).ok(),
                Some(Duration::from_secs(secs))
            );
        }
        assert_eq!(
            clock.now().duration_since(start).ok(),
            Some(Duration::from_secs(3))
        );
    }

    /// A deadline fires when the time reaches it, never by itself.
    #[tokio::test]
    async fn a_deadline_fires_when_a_sleep_passes_it() {
        let clock = ManualClock::default();
        let at = clock.now() + Duration::from_secs(5);
        let deadline = tokio::spawn(clock.deadline(at));
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!deadline.is_finished(), "no sleep, no move");
        clock.sleep(Duration::from_secs(6)).await;
        tokio::time::timeout(Duration::from_secs(5), deadline)
            .await
            .expect("the deadline fired")
            .expect("no panic");
    }

    /// A sleep given up before its time holds no other sleeper back.
    #[tokio::test]
    async fn a_dropped_sleep_releases_its_place() {
        let clock = ManualClock::default();
        let start = clock.now();
        drop(clock.sleep(Duration::from_secs(1)));
        let never_polled = clock.sleep(Duration::from_secs(2));
        clock.sleep(Duration::from_secs(3)).await;
        assert_eq!(
            clock.now().duration_since(start).ok(),
            Some(Duration::from_secs(3))
        );
        drop(never_polled);
    }

    async fn join_all<T: Send + 'static>(
        tasks: impl IntoIterator<Item = tokio::task::JoinHandle<T>>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.expect("no panic"));
        }
        out
    }
}
