//! Moving any number of users into an authentication policy.
//!
//! `addUsersToAuthPolicy` takes at most 500 emails per call, at most 10 calls
//! a minute per organization (the spec's `x-rate-limit`), and answers with a task
//! to poll with `getAuthPolicyTaskStatus`. [`Client::move_users_to_auth_policy`]
//! does all of it: chunks, a sliding-window limiter that every add-users HTTP
//! request goes through (429 retries included), the chunks that fit in the
//! window sent together, polling of the tasks already started (a few status
//! calls at a time) while later chunks wait for the window, polling until
//! every task is done (`inProgressCount == 0`) or the deadline, and one
//! report, in chunk order.
//!
//! The report accounts for every requested email exactly once: moved, failed
//! with the API's reason, failed because the request failed, failed for an
//! unknown reason (the task's counts and its failure reasons disagree, or
//! are absurd: then which emails moved is unknown, and none is claimed),
//! still in progress at the deadline, or skipped as a duplicate.
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

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use futures::future::{self, Either};
use futures::stream::{self, StreamExt};

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
    /// HTTP requests allowed per `window`, retries included.
    pub max_requests: usize,
    /// The rate-limit window (a minute for the real API; shorter in tests).
    pub window: Duration,
    /// Wait between two rounds of task polling (at most half the
    /// `poll_timeout` is used, so that tasks are polled at least once).
    pub poll_interval: Duration,
    /// How long after the last add-users request tasks may stay in progress.
    /// Nothing runs past it: a status call still in flight is abandoned, and
    /// its task listed as still in progress.
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

    /// How long after the last add-users request tasks may stay in progress.
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
/// `moved`, `failed`, `in_progress` and `duplicates`.
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

/// Status calls in flight at once during a polling round.
const POLLS_AT_ONCE: usize = 8;

/// What one task's poll in a round gave.
enum Poll {
    /// The round had ended before its turn.
    NotAsked,
    /// The round ended while the call was in flight.
    CutShort,
    /// The status, or why the call failed.
    Answer(Result<api::Status, api::Failure>),
}

/// A task started for a chunk.
struct Task {
    id: String,
    emails: Vec<String>,
    last: Option<api::Status>,
    last_error: Option<String>,
}

impl Client {
    /// Moves `emails` into the authentication policy `policy_id` of `org_id`:
    /// in chunks, within the rate limit, waiting for every task. Never fails
    /// as a whole: every email ends up in the report exactly once (see
    /// [`BulkMoveReport`]).
    pub async fn move_users_to_auth_policy(
        &self,
        org_id: &str,
        policy_id: &str,
        emails: impl IntoIterator<Item = String>,
        options: &BulkMoveOptions,
    ) -> BulkMoveReport {
        let emails: Vec<String> = emails.into_iter().collect();
        let requested = emails.len();
        let (unique, duplicates) = without_duplicates(emails);
        let mut report = BulkMoveReport {
            requested,
            duplicates,
            ..BulkMoveReport::default()
        };
        let clock = self.inner.clock.clone();
        let window = Arc::new(SlidingWindow::new(
            options.max_requests,
            options.window,
            clock.clone(),
        ));
        let limited = crate::config::limited(self, ADD_USERS_OPERATION, Arc::clone(&window));
        let chunk_size = options.chunk_size.clamp(1, MAX_USERS_PER_REQUEST);
        let interval = options.poll_interval.min(options.poll_timeout / 2);
        let mut chunks = unique.chunks(chunk_size).peekable();
        let mut tasks: Vec<Task> = Vec::new();
        let mut last_round = clock.now();
        // Set after the last add-users request; `None` then means "never"
        // (a timeout past the end of the clock's range).
        let mut deadline: Option<SystemTime> = None;
        let mut all_sent = false;
        loop {
            // Send together as many chunks as the window has room for, with
            // those whose place frees within the next poll interval (they
            // wait for it in the limiter); when it is full and tasks are
            // running, poll them instead of only waiting. With no task to
            // poll, one chunk waits for its place.
            while chunks.peek().is_some() {
                let room = match window.room_within(Duration::ZERO) {
                    0 if !tasks.is_empty() => break,
                    _ => window.room_within(interval).max(1),
                };
                let batch: Vec<&[String]> = chunks.by_ref().take(room).collect();
                if tasks.is_empty() {
                    last_round = clock.now();
                }
                report.add_calls += batch.len();
                let sent = batch
                    .iter()
                    .map(|chunk| api::add_users(&limited, org_id, policy_id, chunk));
                // In chunk order, whatever order the answers came in.
                for (chunk, answer) in batch.iter().zip(future::join_all(sent).await) {
                    match answer {
                        Ok(id) => tasks.push(Task {
                            id,
                            emails: chunk.to_vec(),
                            last: None,
                            last_error: None,
                        }),
                        Err((status, reason)) => report.failed.push(MoveFailure {
                            emails: chunk.to_vec(),
                            status,
                            reason,
                            task_id: None,
                            cause: FailureCause::Request,
                        }),
                    }
                }
            }
            if chunks.peek().is_none() && !all_sent {
                all_sent = true;
                deadline = clock.now().checked_add(options.poll_timeout);
            }
            if tasks.is_empty() {
                if all_sent {
                    break;
                }
                continue;
            }
            let now = clock.now();
            let since = now.duration_since(last_round).unwrap_or_default();
            let until_round = interval.saturating_sub(since);
            if !all_sent {
                let until_room = window.wait_time();
                if until_room < until_round {
                    clock.sleep(until_room).await;
                    continue;
                }
            } else if let Some(deadline) = deadline {
                let left = deadline.duration_since(now).unwrap_or_default();
                if until_round >= left {
                    break; // no round starts at or after the deadline
                }
            }
            clock.sleep(until_round).await;
            last_round = clock.now();
            // A round ends at the deadline or, while chunks remain, when the
            // next one is due: a slow status call never holds back a chunk.
            let (round_end, cut_short) = if all_sent {
                (deadline, "no answer before the poll timeout")
            } else {
                let due = last_round.checked_add(window.wait_time());
                (due, "no answer before the next chunk was due")
            };
            // The tasks are polled a few at a time, their answers taken in
            // task (chunk) order.
            let polls = tasks.iter().map(|task| {
                let clock = &clock;
                async move {
                    if round_end.is_some_and(|d| clock.now() >= d) {
                        return Poll::NotAsked;
                    }
                    let call = api::task_status(self, org_id, &task.id);
                    match round_end {
                        Some(at) => {
                            match future::select(Box::pin(call), clock.deadline(at)).await {
                                Either::Left((answer, _)) => Poll::Answer(answer),
                                Either::Right(((), _)) => Poll::CutShort,
                            }
                        }
                        None => Poll::Answer(call.await),
                    }
                }
            });
            let answers: Vec<Poll> = stream::iter(polls).buffered(POLLS_AT_ONCE).collect().await;
            let mut running = Vec::new();
            for (mut task, answer) in tasks.into_iter().zip(answers) {
                if !matches!(answer, Poll::NotAsked) {
                    report.status_calls += 1;
                }
                match answer {
                    Poll::Answer(Ok(status)) if status.in_progress <= 0 => {
                        settle(&mut report, task, &status);
                        continue;
                    }
                    Poll::Answer(Ok(status)) => {
                        task.last = Some(status);
                        task.last_error = None;
                    }
                    Poll::Answer(Err((_, reason))) => task.last_error = Some(reason),
                    Poll::CutShort => task.last_error = Some(cut_short.to_owned()),
                    Poll::NotAsked => {}
                }
                running.push(task);
            }
            tasks = running;
        }
        for task in tasks {
            keep_pending(&mut report, task);
        }
        report.add_requests = window.granted();
        report
    }
}

/// The emails in order of first appearance, and the repeats.
fn without_duplicates(emails: Vec<String>) -> (Vec<String>, Vec<String>) {
    // Borrowed keys: no string is copied to compare (10,000 emails took
    // over a millisecond with a lowercased copy of each).
    let first: Vec<bool> = {
        let mut seen = HashSet::with_capacity(emails.len());
        emails.iter().map(|e| seen.insert(EmailKey(e))).collect()
    };
    let (mut unique, mut repeats) = (Vec::with_capacity(emails.len()), Vec::new());
    for (email, first) in emails.into_iter().zip(first) {
        if first {
            unique.push(email);
        } else {
            repeats.push(email);
        }
    }
    (unique, repeats)
}

/// An email as the move compares emails: without ASCII case and surrounding
/// blanks, and without copying it.
struct EmailKey<'a>(&'a str);

impl PartialEq for EmailKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.trim().eq_ignore_ascii_case(other.0.trim())
    }
}

impl Eq for EmailKey<'_> {}

impl std::hash::Hash for EmailKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The trimmed bytes, lowercased through a small buffer.
        let mut buffer = [0u8; 64];
        for part in self.0.trim().as_bytes().chunks(buffer.len()) {
            let lower = &mut buffer[..part.len()];
            lower.copy_from_slice(part);
            lower.make_ascii_lowercase();
            state.write(lower);
        }
        state.write_u8(0xff);
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
        let wanted: HashSet<EmailKey<'_>> = failure.emails.iter().map(|e| EmailKey(e)).collect();
        // Only this task's emails, each once: a reason naming an email the
        // task was not given (or naming it twice) cannot make one vanish.
        let (theirs, rest): (Vec<String>, Vec<String>) = std::mem::take(emails)
            .into_iter()
            .partition(|e| wanted.contains(&EmailKey(e)));
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
fn settle(report: &mut BulkMoveReport, task: Task, status: &api::Status) {
    let sent = task.emails.len();
    let mut rest = task.emails;
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
fn keep_pending(report: &mut BulkMoveReport, task: Task) {
    let mut rest = task.emails;
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
    use progenitor_client::Error;

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
            Err(e) => Err(describe(e).await),
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
            Err(e) => return Err(describe(e).await),
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

    /// Status and reason of a failed call, with the body of an error answer.
    async fn describe(error: Error<types::ControlErrors>) -> Failure {
        let (status, reason) = match error {
            Error::ErrorResponse(answer) => {
                let status = answer.status().as_u16();
                let reasons: Vec<String> = answer
                    .into_inner()
                    .errors
                    .into_iter()
                    .filter_map(|e| e.detail.or(e.title))
                    .collect();
                (
                    Some(status),
                    format!("HTTP {status}: {}", reasons.join("; ")),
                )
            }
            Error::UnexpectedResponse(response) => {
                let status = response.status().as_u16();
                let body = response.text().await.unwrap_or_default();
                (Some(status), format!("HTTP {status}: {body}"))
            }
            other => (other.status().map(|s| s.as_u16()), other.to_string()),
        };
        (status, bounded(reason))
    }
}
