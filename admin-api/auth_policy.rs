//! Moving any number of users into an authentication policy.
//!
//! `addUsersToAuthPolicy` takes at most 500 emails per call, at most 10 calls
//! a minute per organization, and answers with a task to poll with
//! `getAuthPolicyTaskStatus`. [`Client::move_users_to_auth_policy`] does all
//! of it: chunks, a sliding-window limiter, polling until every task is done
//! (`inProgressCount == 0`) or a timeout, and one report at the end.
//!
//! ```no_run
//! # async fn run(client: atlassian_admin_api::Client, emails: Vec<String>) {
//! use atlassian_admin_api::auth_policy::BulkMoveOptions;
//! let report = client
//!     .move_users_to_auth_policy("org-id", "policy-id", emails, &BulkMoveOptions::default())
//!     .await;
//! println!("{} moved, {} failed", report.moved, report.failed_count());
//! # }
//! ```

use std::time::Duration;

use crate::limiter::{RateLimit, SlidingWindow};
use crate::Client;

/// The documented limits of `addUsersToAuthPolicy`, from the spec's
/// `x-rate-limit` (500 emails a request, 10 requests a minute).
const LIMITS: RateLimit = crate::rate_limits::ADD_USERS_TO_AUTH_POLICY;

/// The API's own limit of emails per `addUsersToAuthPolicy` call.
pub const MAX_USERS_PER_REQUEST: usize = match LIMITS.batch {
    Some(max) => max as usize,
    None => usize::MAX,
};

/// How a bulk move is paced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkMoveOptions {
    /// Emails per request (1 to [`MAX_USERS_PER_REQUEST`]).
    pub chunk_size: usize,
    /// Requests allowed per `window`.
    pub max_requests: usize,
    /// The rate-limit window (a minute for the real API; shorter in tests).
    pub window: Duration,
    /// Wait between two rounds of task polling.
    pub poll_interval: Duration,
    /// How long after the last request tasks may stay in progress before the
    /// report lists them as still in progress.
    pub poll_timeout: Duration,
}

impl Default for BulkMoveOptions {
    /// 500 emails a request, 10 requests a minute, polling every 5 s for up
    /// to 10 minutes.
    fn default() -> Self {
        Self {
            chunk_size: MAX_USERS_PER_REQUEST,
            max_requests: LIMITS.requests as usize,
            window: LIMITS.window,
            poll_interval: Duration::from_secs(5),
            poll_timeout: Duration::from_secs(600),
        }
    }
}

/// Emails that were not moved, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoveFailure {
    /// The emails concerned.
    pub emails: Vec<String>,
    /// The HTTP-like status the API gave (404: user not found or not managed).
    pub status: Option<u16>,
    /// The API's explanation, or the request's error.
    pub reason: String,
    /// The task that reported it; `None` when the add-users request failed.
    pub task_id: Option<String>,
}

/// A task still running when polling stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingTask {
    /// The task.
    pub task_id: String,
    /// The emails sent with it.
    pub emails: Vec<String>,
    /// Users not yet processed at the last poll.
    pub in_progress: u64,
    /// Why the last poll failed, if it did.
    pub last_error: Option<String>,
}

/// The outcome of a bulk move.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkMoveReport {
    /// Emails given.
    pub requested: usize,
    /// Users moved (the tasks' success counts).
    pub moved: u64,
    /// Users not moved, grouped by reason.
    pub failed: Vec<MoveFailure>,
    /// Tasks still in progress at the timeout.
    pub in_progress: Vec<PendingTask>,
    /// `addUsersToAuthPolicy` calls made.
    pub add_calls: usize,
    /// `getAuthPolicyTaskStatus` calls made.
    pub status_calls: usize,
}

impl BulkMoveReport {
    /// Number of emails in [`failed`](Self::failed).
    pub fn failed_count(&self) -> usize {
        self.failed.iter().map(|f| f.emails.len()).sum()
    }

    /// Users of tasks still in progress.
    pub fn in_progress_count(&self) -> u64 {
        self.in_progress.iter().map(|t| t.in_progress).sum()
    }

    /// Whether every email was moved.
    pub fn is_complete_success(&self) -> bool {
        self.failed.is_empty() && self.in_progress.is_empty()
    }
}

struct Task {
    id: String,
    emails: Vec<String>,
    last: Option<api::Status>,
    last_error: Option<String>,
}

impl Client {
    /// Moves `emails` into the authentication policy `policy_id` of `org_id`:
    /// in chunks, within the rate limit, waiting for every task. Never fails
    /// as a whole: every email ends up moved, failed (with the reason) or in
    /// a task still in progress in the report.
    pub async fn move_users_to_auth_policy(
        &self,
        org_id: &str,
        policy_id: &str,
        emails: impl IntoIterator<Item = String>,
        options: &BulkMoveOptions,
    ) -> BulkMoveReport {
        let emails: Vec<String> = emails.into_iter().collect();
        let mut report = BulkMoveReport {
            requested: emails.len(),
            ..BulkMoveReport::default()
        };
        let clock = self.inner.clock.clone();
        let mut limiter = SlidingWindow::new(options.max_requests, options.window, clock.clone());
        let chunk_size = options.chunk_size.clamp(1, MAX_USERS_PER_REQUEST);
        let mut tasks = Vec::new();
        for chunk in emails.chunks(chunk_size) {
            limiter.acquire().await;
            let outcome = api::add_users(self, org_id, policy_id, chunk).await;
            limiter.record();
            report.add_calls += 1;
            match outcome {
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
                }),
            }
        }

        let deadline = clock.now() + options.poll_timeout;
        while !tasks.is_empty() {
            clock.sleep(options.poll_interval).await;
            let mut still_running = Vec::new();
            for mut task in tasks {
                report.status_calls += 1;
                match api::task_status(self, org_id, &task.id).await {
                    Ok(status) if status.in_progress == 0 => {
                        settle(&mut report, &task.id, status);
                        continue;
                    }
                    Ok(status) => {
                        task.last = Some(status);
                        task.last_error = None;
                    }
                    Err((_, reason)) => task.last_error = Some(reason),
                }
                still_running.push(task);
            }
            tasks = still_running;
            if clock.now() >= deadline {
                break;
            }
        }
        for task in tasks {
            let in_progress = task
                .last
                .as_ref()
                .map_or(task.emails.len() as u64, |s| s.in_progress);
            if let Some(status) = task.last {
                settle(&mut report, &task.id, status);
            }
            report.in_progress.push(PendingTask {
                task_id: task.id,
                emails: task.emails,
                in_progress,
                last_error: task.last_error,
            });
        }
        report
    }
}

/// Adds a task's successes and failures to the report.
fn settle(report: &mut BulkMoveReport, task_id: &str, status: api::Status) {
    report.moved += status.succeeded;
    for failure in status.failures {
        report.failed.push(MoveFailure {
            task_id: Some(task_id.to_owned()),
            ..failure
        });
    }
}

/// The only place that names the generated types of the two operations.
mod api {
    use progenitor_client::Error;

    use super::MoveFailure;
    use crate::{types, Client};

    /// A task status, in the report's terms.
    pub(super) struct Status {
        pub in_progress: u64,
        pub succeeded: u64,
        pub failures: Vec<MoveFailure>,
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
        // An absent count is a zero the server left out.
        let count = |n: Option<i64>| n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
        Ok(Status {
            in_progress: count(status.in_progress_count),
            succeeded: count(status.success_count),
            failures: status
                .failure_reasons
                .into_iter()
                .map(|f| {
                    let details = f.details.unwrap_or_default();
                    MoveFailure {
                        emails: f.emails,
                        status: details.status.and_then(|s| u16::try_from(s).ok()),
                        reason: details
                            .detail
                            .or(details.title)
                            .unwrap_or_else(|| "no reason given".to_owned()),
                        task_id: None,
                    }
                })
                .collect(),
        })
    }

    /// Status and reason of a failed call, with the body of an error answer.
    async fn describe(error: Error<types::ControlErrors>) -> Failure {
        match error {
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
        }
    }
}
