//! Moving any number of users into an authentication policy.
//!
//! `addUsersToAuthPolicy` takes at most 500 emails per call, at most 10 calls
//! a minute per organization (the spec's `x-rate-limit`), and answers with a task
//! to poll with `getAuthPolicyTaskStatus`. [`Client::move_users_to_auth_policy`]
//! does all of it: chunks, a sliding-window limiter that every add-users HTTP
//! request goes through (429 retries included), the add-users calls that fit
//! in the window sent together rather than one after another, polling of the
//! tasks already started while later chunks wait for the window, polling
//! until every task is done (`inProgressCount == 0`) or the deadline, and one
//! report, in the order of the chunks.
//!
//! The report accounts for every requested email exactly once: moved, failed
//! with the API's reason, failed because the request failed, failed for an
//! unknown reason (the task's counts and its failure reasons disagree, or
//! are absurd: then which emails moved is unknown, and none is claimed),
//! not sent (the window could never make room for its chunk), still in
//! progress at the deadline, or skipped as a duplicate.
//!
//! Time an add-users request spends waiting for the limiter is not charged
//! to the client's retry budget ([`RetryPolicy::max_elapsed`]).
//!
//! [`RetryPolicy::max_elapsed`]: crate::RetryPolicy::max_elapsed
//!
//! ```no_run
//! # async fn run(client: atlassian_admin_api::Client, emails: Vec<String>) {
//! use atlassian_admin_api::auth_policy::BulkMoveOptions;
//! let report = client
//!     .move_users_to_auth_policy("org-id", "policy-id", emails, &BulkMoveOptions::default())
//!     .await;
//! println!("{} moved, {} failed", report.moved.len(), report.failed_count());
//! # }
//! ```

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;
use std::task::Poll;
use std::time::{Duration, SystemTime};

use futures::future::{self, BoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};

use crate::limiter::{RateLimit, SlidingWindow};
use crate::Client;

/// The documented limits of `addUsersToAuthPolicy`, from the spec's
/// `x-rate-limit` (500 emails a request, 10 requests a minute): the one place
/// the bulk move takes them from.
const LIMITS: RateLimit = crate::rate_limits::ADD_USERS_TO_AUTH_POLICY;

/// The API's own limit of emails per `addUsersToAuthPolicy` call.
pub const MAX_USERS_PER_REQUEST: usize = match LIMITS.batch {
    Some(max) => max as usize,
    None => usize::MAX,
};

/// The operation the limiter counts (as the hooks name it).
const ADD_USERS_OPERATION: &str = "add_users_to_auth_policy";

/// Longest reason kept from an error answer, in bytes.
const MAX_REASON: usize = 512;

/// How a bulk move is paced. Start from [`BulkMoveOptions::default`] and
/// change what you need:
///
/// ```
/// # use atlassian_admin_api::auth_policy::BulkMoveOptions;
/// # use std::time::Duration;
/// let options = BulkMoveOptions::default()
///     .poll_interval(Duration::from_secs(2))
///     .poll_timeout(Duration::from_secs(120));
/// assert_eq!(options.chunk_size, 500);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkMoveOptions {
    /// Emails per request (1 to [`MAX_USERS_PER_REQUEST`]).
    pub chunk_size: usize,
    /// HTTP requests allowed per `window`, retries included; as many
    /// add-users calls as the window has room for are in flight at once.
    pub max_requests: usize,
    /// The rate-limit window (a minute for the real API; shorter in tests).
    pub window: Duration,
    /// Wait between two rounds of task polling (at most half the
    /// `poll_timeout` is used, so that tasks are polled at least once). Once
    /// the last chunk has been sent, a task not polled yet is polled without
    /// waiting for the round.
    pub poll_interval: Duration,
    /// How long after the last add-users call has answered tasks may stay in
    /// progress. Nothing runs past it: a status call still in flight is
    /// abandoned, and its task listed as still in progress.
    pub poll_timeout: Duration,
}

impl Default for BulkMoveOptions {
    /// The spec's limits (500 emails a request, 10 requests a minute),
    /// polling every 5 s for up to 10 minutes.
    fn default() -> Self {
        Self {
            chunk_size: MAX_USERS_PER_REQUEST,
            max_requests: usize::try_from(LIMITS.requests).unwrap_or(usize::MAX),
            window: LIMITS.window,
            poll_interval: Duration::from_secs(5),
            poll_timeout: Duration::from_secs(600),
        }
    }
}

impl BulkMoveOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Emails per request (clamped to 1 to [`MAX_USERS_PER_REQUEST`]).
    pub fn chunk_size(mut self, emails: usize) -> Self {
        self.chunk_size = emails;
        self
    }

    /// HTTP requests allowed per window, retries included.
    pub fn max_requests(mut self, requests: usize) -> Self {
        self.max_requests = requests;
        self
    }

    /// The rate-limit window.
    pub fn window(mut self, window: Duration) -> Self {
        self.window = window;
        self
    }

    /// Wait between two rounds of task polling.
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    /// How long after the last add-users call has answered tasks may stay in
    /// progress.
    pub fn poll_timeout(mut self, timeout: Duration) -> Self {
        self.poll_timeout = timeout;
        self
    }
}

/// Why emails were not moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailureCause {
    /// The task named them among its failures, with a reason.
    Reported,
    /// The add-users request for their chunk failed.
    Request,
    /// The task finished, but its counts and its failure reasons disagree
    /// (or are absurd: negative, more than were sent): which of these
    /// emails moved is unknown, so none is reported as moved.
    Unaccounted,
    /// Their chunk was never sent: the rate-limit window could never make
    /// room for it (a window too long for the clock). The reason says so.
    NotSent,
}

/// Emails that were not moved, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MoveFailure {
    /// The emails concerned.
    pub emails: Vec<String>,
    /// The HTTP-like status the API gave (404: user not found or not managed).
    pub status: Option<u16>,
    /// The API's explanation, the request's error, or what did not add up.
    pub reason: String,
    /// The task that reported it; `None` when the add-users request failed.
    pub task_id: Option<String>,
    /// What kind of failure this is.
    pub cause: FailureCause,
}

/// A task still running when polling stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PendingTask {
    /// The task.
    pub task_id: String,
    /// Its emails not yet known to be moved or failed.
    pub emails: Vec<String>,
    /// Users not yet processed at the last answered poll (the server's count).
    pub in_progress: u64,
    /// Why the last poll failed (or was abandoned at the deadline), if it did.
    pub last_error: Option<String>,
}

/// The outcome of a bulk move: every requested email is in exactly one of
/// `moved`, `failed`, `in_progress` and `duplicates`. `moved`, `failed` and
/// `in_progress` follow the order of the chunks (the emails' order of first
/// appearance), whichever task finished first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkMoveReport {
    /// Emails given.
    pub requested: usize,
    /// Emails moved into the policy.
    pub moved: Vec<String>,
    /// Emails not moved, grouped by reason.
    pub failed: Vec<MoveFailure>,
    /// Tasks still in progress at the deadline, with their unsettled emails.
    pub in_progress: Vec<PendingTask>,
    /// Repeated emails (compared without ASCII case and surrounding blanks),
    /// not sent again: their first occurrence is accounted for elsewhere.
    pub duplicates: Vec<String>,
    /// `addUsersToAuthPolicy` calls made (one per chunk).
    pub add_calls: usize,
    /// `addUsersToAuthPolicy` HTTP requests sent, 429 retries included.
    pub add_requests: usize,
    /// `getAuthPolicyTaskStatus` calls made.
    pub status_calls: usize,
}

impl BulkMoveReport {
    /// Number of emails in [`failed`](Self::failed).
    pub fn failed_count(&self) -> usize {
        self.failed.iter().map(|f| f.emails.len()).sum()
    }

    /// Number of emails in tasks still in progress.
    pub fn in_progress_count(&self) -> usize {
        self.in_progress.iter().map(|t| t.emails.len()).sum()
    }

    /// Emails accounted for: moved, failed, in progress and duplicates. It
    /// equals [`requested`](Self::requested).
    pub fn accounted_for(&self) -> usize {
        self.moved.len() + self.failed_count() + self.in_progress_count() + self.duplicates.len()
    }

    /// Whether every email was moved (a duplicate counts as its first
    /// occurrence).
    pub fn is_complete_success(&self) -> bool {
        self.failed.is_empty()
            && self.in_progress.is_empty()
            && self.moved.len() + self.duplicates.len() == self.requested
    }
}

/// Status calls in flight at once, at most; a round leaves the tasks beyond
/// it to the next round.
const STATUS_CALLS_AT_ONCE: usize = 16;

/// How late a timer may fire (tokio's tick); see the loop's sleep.
const TIMER_TICK: Duration = Duration::from_millis(1);

/// Given to a task's status call abandoned at the deadline.
const ABANDONED: &str = "no answer before the poll timeout";

/// A task started for a chunk (whose emails stay in the list of emails to
/// send until the report is made).
struct Task {
    id: String,
    last: Option<api::Status>,
    last_error: Option<String>,
    /// A status call for it is in flight.
    polling: bool,
    /// A status call for it has been started.
    polled: bool,
}

/// What became of one chunk so far. The chunks are filed into the report in
/// their order when the move ends, whatever order their calls answered in.
enum Chunk {
    /// Not sent yet, or its add-users call is in flight.
    Waiting,
    /// Its add-users call failed.
    Failed(api::Failure),
    /// Its task is running.
    Running(Task),
    /// Its task finished with this status.
    Finished(Task, api::Status),
}

/// An add-users call in flight, answering with its chunk's index.
type AddCall<'a> = BoxFuture<'a, (usize, Result<String, api::Failure>)>;
/// A status call in flight, answering with its chunk's index.
type StatusCall<'a> = BoxFuture<'a, (usize, Result<api::Status, api::Failure>)>;

/// Where a bulk move stands, for progress reports
/// ([`Client::move_users_to_auth_policy_with`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkMoveProgress {
    /// Distinct emails to move.
    pub users: usize,
    /// Emails whose add-users call has been sent.
    pub sent: usize,
    /// Emails whose chunk is settled: its task finished or its call failed.
    pub settled: usize,
    /// How long the next chunk waits for room in the rate-limit window
    /// (`None`: it is not waiting).
    pub window_wait: Option<Duration>,
}

impl BulkMoveProgress {
    /// The state of a move with `next` of `batches` sent.
    fn of(batches: &[&[String]], next: usize, chunks: &[Chunk], window: &SlidingWindow) -> Self {
        Self {
            users: batches.iter().map(|b| b.len()).sum(),
            sent: batches[..next].iter().map(|b| b.len()).sum(),
            settled: batches
                .iter()
                .zip(chunks)
                .filter(|(_, c)| matches!(c, Chunk::Failed(_) | Chunk::Finished(..)))
                .map(|(b, _)| b.len())
                .sum(),
            window_wait: (next < batches.len())
                .then(|| window.wait_time())
                .filter(|w| !w.is_zero()),
        }
    }
}

/// What the move was waiting for.
enum Event {
    Added(usize, Result<String, api::Failure>),
    Polled(usize, Result<api::Status, api::Failure>),
    /// The next chunk may fit in the window, a round is due, or the deadline
    /// has come.
    Timer,
}

impl Client {
    /// Moves `emails` into the authentication policy `policy_id` of `org_id`:
    /// in chunks, within the rate limit, waiting for every task. Never fails
    /// as a whole: every email ends up in the report exactly once (see
    /// [`BulkMoveReport`]), in the order of the chunks.
    ///
    /// As many add-users calls as the window has room for are in flight at
    /// once (all of them take their place in the window before the next one
    /// is considered); while later chunks wait for the window, the tasks
    /// already started are polled every
    /// [`poll_interval`](BulkMoveOptions::poll_interval). Once the last chunk
    /// has been sent, a task not polled yet is polled as soon as its
    /// add-users call has answered (nothing else is left to do), then every
    /// interval, until done or the [`poll_timeout`](BulkMoveOptions::poll_timeout).
    pub async fn move_users_to_auth_policy(
        &self,
        org_id: &str,
        policy_id: &str,
        emails: impl IntoIterator<Item = String>,
        options: &BulkMoveOptions,
    ) -> BulkMoveReport {
        self.move_users_to_auth_policy_with(org_id, policy_id, emails, options, |_| {})
            .await
    }

    /// [`move_users_to_auth_policy`](Self::move_users_to_auth_policy),
    /// calling `progress` whenever the move's state changes: emails sent and
    /// settled, and the wait for room in the rate-limit window (a 10,000-user
    /// move at 10 calls a minute takes about 2 minutes of waits).
    pub async fn move_users_to_auth_policy_with(
        &self,
        org_id: &str,
        policy_id: &str,
        emails: impl IntoIterator<Item = String>,
        options: &BulkMoveOptions,
        mut progress: impl FnMut(&BulkMoveProgress),
    ) -> BulkMoveReport {
        let mut last_progress: Option<BulkMoveProgress> = None;
        let emails: Vec<String> = emails.into_iter().collect();
        let requested = emails.len();
        let (unique, duplicates) = without_duplicates(emails);
        let clock = Arc::clone(&self.inner.clock);
        let window = Arc::new(SlidingWindow::new(
            options.max_requests,
            options.window,
            Arc::clone(&clock),
        ));
        let limited = crate::config::limited(self, ADD_USERS_OPERATION, Arc::clone(&window));
        let limited = &limited;
        let chunk_size = options.chunk_size.clamp(1, MAX_USERS_PER_REQUEST);
        let interval = options.poll_interval.min(options.poll_timeout / 2);
        let batches: Vec<&[String]> = unique.chunks(chunk_size).collect();
        let mut chunks: Vec<Chunk> = batches.iter().map(|_| Chunk::Waiting).collect();
        let mut next = 0; // the next chunk to send
        let mut adds: FuturesUnordered<AddCall<'_>> = FuturesUnordered::new();
        let mut polls: FuturesUnordered<StatusCall<'_>> = FuturesUnordered::new();
        let (mut add_calls, mut status_calls) = (0, 0);
        let mut not_sent: Option<String> = None;
        // `None` while no task is running, or when no round is ever due (an
        // interval past the end of the clock's range).
        let mut next_round: Option<SystemTime> = None;
        // Set once every add-users call has answered; `Some(None)` then means
        // "never" (a timeout past the end of the clock's range).
        let mut deadline: Option<Option<SystemTime>> = None;
        loop {
            // Send every chunk the window has room for now. One poll takes
            // the call's place in the window (its first await is the
            // limiter's), so the next check counts it; were it not to, the
            // call would queue in the limiter, which is what keeps the limit.
            while next < batches.len() {
                let wait = window.wait_time();
                if !wait.is_zero() {
                    if clock.now().checked_add(wait).is_none() {
                        not_sent = Some(format!(
                            "not sent: a window of {:?} for {} requests has no room for another \
                             request within the clock's range",
                            options.window, options.max_requests
                        ));
                        next = batches.len();
                    }
                    break;
                }
                let (index, batch) = (next, batches[next]);
                next += 1;
                add_calls += 1;
                let mut call: AddCall<'_> = Box::pin(async move {
                    (
                        index,
                        api::add_users(limited, org_id, policy_id, batch).await,
                    )
                });
                match futures::poll!(call.as_mut()) {
                    Poll::Ready((index, answer)) => added(&mut chunks[index], answer),
                    Poll::Pending => adds.push(call),
                }
            }
            let now = clock.now();
            let running = chunks.iter().any(|c| matches!(c, Chunk::Running(_)));
            if next == batches.len() && adds.is_empty() && deadline.is_none() {
                deadline = Some(now.checked_add(options.poll_timeout));
            }
            if !running {
                if deadline.is_some() {
                    break;
                }
                next_round = None;
            } else if next_round.is_none() {
                next_round = now.checked_add(interval);
            }
            let end = deadline.flatten();
            if end.is_some_and(|end| now >= end) {
                break; // no round starts at or after the deadline
            }
            // A round polls every task; once every chunk has been sent, a
            // task never polled yet is polled at once, without waiting for
            // the round: nothing else is left to do.
            let round = next_round.is_some_and(|due| due <= now);
            if round {
                next_round = now.checked_add(interval);
            }
            let all_sent = next == batches.len();
            for (index, task) in idle_tasks(&mut chunks) {
                if polls.len() >= STATUS_CALLS_AT_ONCE {
                    break;
                }
                if round || (all_sent && !task.polled) {
                    task.polling = true;
                    task.polled = true;
                    status_calls += 1;
                    let id = task.id.clone();
                    polls.push(Box::pin(async move {
                        (index, api::task_status(self, org_id, &id).await)
                    }));
                }
            }
            // The earliest of: room for the next chunk, the next round (if a
            // task is not being polled already), the deadline.
            let room = (next < batches.len())
                .then(|| now.checked_add(window.wait_time()))
                .flatten();
            let rounds = next_round.filter(|_| idle_tasks(&mut chunks).next().is_some());
            let target = [room, rounds, end].into_iter().flatten().min();
            let state = BulkMoveProgress::of(&batches, next, &chunks, &window);
            if last_progress.as_ref() != Some(&state) {
                progress(&state);
                last_progress = Some(state);
            }
            if adds.is_empty() && polls.is_empty() {
                // Nothing in flight: only time can change anything. A timer
                // fires up to a tick late (tokio's is 1 ms), so a long wait
                // ends a tick early: everything is checked again anyway.
                let Some(at) = target else { break };
                let wait = at.duration_since(now).unwrap_or_default();
                let wait = if wait > TIMER_TICK {
                    wait - TIMER_TICK
                } else {
                    wait
                };
                clock.sleep(wait).await;
                continue;
            }
            // Calls in flight: wait for the first answer or the time, without
            // moving a test clock's time (see `Clock::deadline`).
            let mut timer = target.map(|at| clock.deadline(at));
            let event = future::poll_fn(|cx| {
                if let Poll::Ready(Some((index, answer))) = adds.poll_next_unpin(cx) {
                    return Poll::Ready(Event::Added(index, answer));
                }
                if let Poll::Ready(Some((index, answer))) = polls.poll_next_unpin(cx) {
                    return Poll::Ready(Event::Polled(index, answer));
                }
                match timer.as_mut().map(|t| t.as_mut().poll(cx)) {
                    Some(Poll::Ready(())) => Poll::Ready(Event::Timer),
                    _ => Poll::Pending,
                }
            })
            .await;
            match event {
                Event::Added(index, answer) => added(&mut chunks[index], answer),
                Event::Polled(index, answer) => polled(&mut chunks[index], answer),
                Event::Timer => {}
            }
        }
        // Anything still in flight is abandoned here.
        drop((adds, polls));
        let state = BulkMoveProgress::of(&batches, next, &chunks, &window);
        if last_progress.as_ref() != Some(&state) {
            progress(&state);
        }
        let mut report = BulkMoveReport {
            requested,
            duplicates,
            add_calls,
            status_calls,
            add_requests: window.granted(),
            ..BulkMoveReport::default()
        };
        file_chunks(&mut report, chunks, unique, chunk_size, not_sent);
        report
    }
}

/// The running tasks that no status call is in flight for, with their
/// chunks' indexes.
fn idle_tasks(chunks: &mut [Chunk]) -> impl Iterator<Item = (usize, &mut Task)> {
    chunks
        .iter_mut()
        .enumerate()
        .filter_map(|(index, chunk)| match chunk {
            Chunk::Running(task) if !task.polling => Some((index, task)),
            _ => None,
        })
}

/// Files every chunk into the report, in order, with its emails (moved from
/// `unique`, not copied). `not_sent` says why the chunks still waiting were
/// never sent.
fn file_chunks(
    report: &mut BulkMoveReport,
    chunks: Vec<Chunk>,
    unique: Vec<String>,
    chunk_size: usize,
    not_sent: Option<String>,
) {
    let mut unique = unique.into_iter();
    for chunk in chunks {
        let emails: Vec<String> = unique.by_ref().take(chunk_size).collect();
        match chunk {
            Chunk::Waiting => report.failed.push(MoveFailure {
                emails,
                status: None,
                reason: not_sent
                    .clone()
                    .unwrap_or_else(|| "not sent: the move ended first".to_owned()),
                task_id: None,
                cause: FailureCause::NotSent,
            }),
            Chunk::Failed((status, reason)) => report.failed.push(MoveFailure {
                emails,
                status,
                reason,
                task_id: None,
                cause: FailureCause::Request,
            }),
            Chunk::Running(mut task) => {
                if task.polling {
                    task.last_error = Some(ABANDONED.to_owned());
                }
                keep_pending(report, task, emails);
            }
            Chunk::Finished(task, status) => settle(report, task, emails, &status),
        }
    }
}

/// Files the answer to a chunk's add-users call.
fn added(chunk: &mut Chunk, answer: Result<String, api::Failure>) {
    *chunk = match answer {
        Ok(id) => Chunk::Running(Task {
            id,
            last: None,
            last_error: None,
            polling: false,
            polled: false,
        }),
        Err(failure) => Chunk::Failed(failure),
    };
}

/// Files the answer to a task's status call.
fn polled(chunk: &mut Chunk, answer: Result<api::Status, api::Failure>) {
    let Chunk::Running(task) = chunk else {
        return;
    };
    task.polling = false;
    match answer {
        Ok(status) if status.in_progress <= 0 => {
            if let Chunk::Running(task) = std::mem::replace(chunk, Chunk::Waiting) {
                *chunk = Chunk::Finished(task, status);
            }
        }
        Ok(status) => {
            task.last = Some(status);
            task.last_error = None;
        }
        Err((_, reason)) => task.last_error = Some(reason),
    }
}

/// The emails in order of first appearance, and the repeats. The keys
/// borrow the emails (most need no lowering), so only the flags are built.
fn without_duplicates(emails: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut seen = HashSet::with_capacity(emails.len());
    let first: Vec<bool> = emails.iter().map(|e| seen.insert(email_key(e))).collect();
    drop(seen);
    let mut unique = Vec::with_capacity(emails.len());
    let mut repeats = Vec::new();
    for (email, first) in emails.into_iter().zip(first) {
        if first {
            unique.push(email);
        } else {
            repeats.push(email);
        }
    }
    (unique, repeats)
}

/// Emails are compared without ASCII case and surrounding blanks.
fn email_key(email: &str) -> Cow<'_, str> {
    let trimmed = email.trim();
    if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(trimmed.to_ascii_lowercase())
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// Takes the emails a status names among its failures out of `emails`,
/// into the report; returns how many were named.
fn take_named_failures(
    report: &mut BulkMoveReport,
    task_id: &str,
    emails: &mut Vec<String>,
    status: &api::Status,
) -> usize {
    let mut named = 0;
    for failure in &status.failures {
        let wanted: HashSet<Cow<'_, str>> = failure.emails.iter().map(|e| email_key(e)).collect();
        // Only this task's emails, each once: a reason naming an email the
        // task was not given (or naming it twice) cannot make one vanish.
        let (theirs, rest): (Vec<String>, Vec<String>) = std::mem::take(emails)
            .into_iter()
            .partition(|e| wanted.contains(email_key(e).as_ref()));
        *emails = rest;
        if theirs.is_empty() {
            continue;
        }
        named += theirs.len();
        report.failed.push(MoveFailure {
            emails: theirs,
            status: failure.status,
            reason: failure.reason.clone(),
            task_id: Some(task_id.to_owned()),
            cause: FailureCause::Reported,
        });
    }
    named
}

/// Files a finished task's emails: failures it names, then the rest as
/// moved only if its counts say exactly that; otherwise as failed for an
/// unknown reason.
fn settle(report: &mut BulkMoveReport, task: Task, emails: Vec<String>, status: &api::Status) {
    let sent = emails.len();
    let mut rest = emails;
    let named = take_named_failures(report, &task.id, &mut rest, status);
    let agrees = status.in_progress == 0
        && i64::try_from(rest.len()).is_ok_and(|n| status.succeeded == n)
        && i64::try_from(named).is_ok_and(|n| status.failed == n);
    if agrees {
        report.moved.extend(rest);
    } else if !rest.is_empty() {
        let reason = format!(
            "the task reported {} moved, {} failed and {} in progress for {sent} emails, \
             and named {named} of them as failed: which of these {} moved is unknown",
            status.succeeded,
            status.failed,
            status.in_progress,
            rest.len()
        );
        report.failed.push(MoveFailure {
            emails: rest,
            status: None,
            reason,
            task_id: Some(task.id),
            cause: FailureCause::Unaccounted,
        });
    }
}

/// Files a task still running at the deadline: failures its last status
/// named, and the other emails as in progress.
fn keep_pending(report: &mut BulkMoveReport, task: Task, emails: Vec<String>) {
    let mut rest = emails;
    let mut in_progress = u64::try_from(rest.len()).unwrap_or(u64::MAX);
    if let Some(status) = &task.last {
        take_named_failures(report, &task.id, &mut rest, status);
        in_progress = u64::try_from(status.in_progress).unwrap_or(0);
    }
    report.in_progress.push(PendingTask {
        task_id: task.id,
        emails: rest,
        in_progress,
        last_error: task.last_error,
    });
}

/// At most [`MAX_REASON`] bytes of `text`, cut at a character boundary.
fn bounded(mut text: String) -> String {
    if text.len() > MAX_REASON {
        let mut end = MAX_REASON;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

/// The only place that names the generated types of the two operations.
mod api {
    use crate::Error;

    use super::bounded;
    use crate::{types, Client};

    /// A failure the task names.
    pub(super) struct NamedFailure {
        pub emails: Vec<String>,
        pub status: Option<u16>,
        pub reason: String,
    }

    /// A task status as the server sent it: counts unchecked (a missing
    /// count is a zero the server left out).
    pub(super) struct Status {
        pub in_progress: i64,
        pub succeeded: i64,
        pub failed: i64,
        pub failures: Vec<NamedFailure>,
    }

    /// An error as (status, reason) for the report.
    pub(super) type Failure = (Option<u16>, String);

    pub(super) async fn add_users(
        client: &Client,
        org_id: &str,
        policy_id: &str,
        emails: &[String],
    ) -> Result<String, Failure> {
        let body = types::AuthPolicyAddUsersRequest::builder().users(emails.to_vec());
        match client
            .add_users_to_auth_policy()
            .org_id(org_id)
            .policy_id(policy_id)
            .body(body)
            .send()
            .await
        {
            Ok(task) => Ok(task.into_inner().task_id),
            Err(e) => Err(describe(e)),
        }
    }

    pub(super) async fn task_status(
        client: &Client,
        org_id: &str,
        task_id: &str,
    ) -> Result<Status, Failure> {
        let status = match client
            .get_auth_policy_task_status()
            .org_id(org_id)
            .task_id(task_id)
            .send()
            .await
        {
            Ok(status) => status.into_inner(),
            Err(e) => return Err(describe(e)),
        };
        Ok(Status {
            in_progress: status.in_progress_count.unwrap_or(0),
            succeeded: status.success_count.unwrap_or(0),
            failed: status.failure_count.unwrap_or(0),
            failures: status
                .failure_reasons
                .into_iter()
                .map(|f| {
                    let details = f.details.unwrap_or_default();
                    NamedFailure {
                        emails: f.emails,
                        status: details.status.and_then(|s| u16::try_from(s).ok()),
                        reason: bounded(
                            details
                                .detail
                                .or(details.title)
                                .unwrap_or_else(|| "no reason given".to_owned()),
                        ),
                    }
                })
                .collect(),
        })
    }

    /// Status and reason of a failed call: the error's one line (operation,
    /// status, the API's message).
    fn describe(error: Error<types::ControlErrors>) -> Failure {
        (
            error.status().map(|s| s.as_u16()),
            bounded(error.to_string()),
        )
    }
}
