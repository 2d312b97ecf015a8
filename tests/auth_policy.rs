//! The authentication-policy bulk move against a local server that behaves
//! like the API: tasks that finish after some polls, 404 for unknown users,
//! and at most 10 add-users calls per window (429 beyond).

mod server;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use atlassian_admin_api::auth_policy::{BulkMoveOptions, MoveFailure};
use atlassian_admin_api::clock::{Clock, ManualClock};
use atlassian_admin_api::{Client, RetryPolicy};
use serde_json::json;
use server::{Reply, Seen, TestServer};

/// The fake API's state.
struct Api {
    clock: ManualClock,
    window: Duration,
    recent: VecDeque<SystemTime>,
    /// task id -> (emails, polls still to answer "in progress")
    tasks: HashMap<String, (Vec<String>, usize)>,
    polls_before_done: usize,
    fail_add_call: Option<usize>,
    add_calls: usize,
    rejected: usize,
}

impl Api {
    fn handle(&mut self, req: &Seen) -> Reply {
        if req.method == "POST" && req.path.ends_with("/add-users") {
            self.add_calls += 1;
            let now = self.clock.now();
            self.recent.retain(|t| *t + self.window > now);
            if self.recent.len() >= 10 {
                self.rejected += 1;
                return Reply::json(429, json!({"code": 429, "message": "slow down"}))
                    .with_header("retry-after", "60");
            }
            self.recent.push_back(now);
            if self.fail_add_call == Some(self.add_calls) {
                return Reply::json(
                    400,
                    json!({"errors": [{"status": "400", "title": "Bad request", "detail": "policy is being edited"}]}),
                );
            }
            let users: Vec<String> =
                serde_json::from_value(req.json()["users"].clone()).expect("users");
            assert!(users.len() <= 500, "at most 500 users per request");
            let id = format!("task-{}", self.add_calls);
            self.tasks
                .insert(id.clone(), (users, self.polls_before_done));
            return Reply::json(
                202,
                json!({"taskId": id, "taskLink": format!("https://example.test/{id}")}),
            );
        }
        let id = req.path.rsplit('/').next().expect("task id").to_owned();
        let Some((emails, pending_polls)) = self.tasks.get_mut(&id) else {
            return Reply::json(404, json!({"code": 404, "message": "no such task"}));
        };
        let invalid: Vec<&String> = emails.iter().filter(|e| e.starts_with("ghost")).collect();
        if *pending_polls > 0 {
            *pending_polls -= 1;
            return Reply::json(
                200,
                json!({"inProgressCount": emails.len(), "successCount": 0, "failureCount": 0, "failureReasons": []}),
            );
        }
        let reasons = if invalid.is_empty() {
            json!([])
        } else {
            json!([{"emails": invalid, "details": {"status": 404, "title": "User not found", "detail": "User not found."}}])
        };
        Reply::json(
            200,
            json!({
                "inProgressCount": 0,
                "successCount": emails.len() - invalid.len(),
                "failureCount": invalid.len(),
                "failureReasons": reasons,
            }),
        )
    }
}

struct Setup {
    server: TestServer,
    api: Arc<Mutex<Api>>,
    client: Client,
    clock: ManualClock,
}

async fn setup(polls_before_done: usize, fail_add_call: Option<usize>) -> Setup {
    let clock = ManualClock::default();
    let api = Arc::new(Mutex::new(Api {
        clock: clock.clone(),
        window: Duration::from_secs(60),
        recent: VecDeque::new(),
        tasks: HashMap::new(),
        polls_before_done,
        fail_add_call,
        add_calls: 0,
        rejected: 0,
    }));
    let state = Arc::clone(&api);
    let server = TestServer::start(move |req| state.lock().expect("api").handle(req)).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry(RetryPolicy {
            jitter: false,
            max_elapsed: Duration::from_secs(600),
            ..RetryPolicy::default()
        })
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client");
    Setup {
        server,
        api,
        client,
        clock,
    }
}

/// `n` emails, every `ghost_every`th one unknown to the organization.
fn emails(n: usize, ghost_every: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            if i % ghost_every == 0 {
                format!("ghost{i}@acme.example")
            } else {
                format!("user{i}@acme.example")
            }
        })
        .collect()
}

#[tokio::test]
async fn moving_1234_users_gives_an_exact_report_and_call_count() {
    let s = setup(1, None).await;
    let all = emails(1234, 100); // 13 ghosts: 0, 100, ..., 1200
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;

    assert_eq!(report.requested, 1234);
    assert_eq!(report.moved, 1234 - 13);
    assert_eq!(report.failed_count(), 13);
    assert!(report.in_progress.is_empty());
    assert_eq!(
        (report.add_calls, report.status_calls),
        (3, 6),
        "3 chunks, each polled twice"
    );
    assert_eq!(s.server.count("POST", "/add-users"), 3);
    assert_eq!(s.server.count("GET", "/auth-policy/task/"), 6);
    let sizes: Vec<usize> = s
        .server
        .seen()
        .iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.json()["users"].as_array().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [500, 500, 234]);
    let mut ghosts: Vec<String> = report
        .failed
        .iter()
        .flat_map(|f| f.emails.clone())
        .collect();
    ghosts.sort();
    let mut expected: Vec<String> = all
        .iter()
        .filter(|e| e.starts_with("ghost"))
        .cloned()
        .collect();
    expected.sort();
    assert_eq!(ghosts, expected);
    assert!(report
        .failed
        .iter()
        .all(|f| f.status == Some(404) && f.reason == "User not found." && f.task_id.is_some()));
    assert_eq!(s.api.lock().expect("api").rejected, 0);
}

#[tokio::test]
async fn a_failed_chunk_loses_none_of_the_other_results() {
    let s = setup(0, Some(2)).await;
    let all = emails(1234, 1_000_000); // only email 0 is a ghost
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    assert_eq!(report.add_calls, 3, "a 400 is not retried");
    assert_eq!(report.moved, 500 - 1 + 234);
    let chunk_failure: Vec<&MoveFailure> = report
        .failed
        .iter()
        .filter(|f| f.task_id.is_none())
        .collect();
    assert_eq!(chunk_failure.len(), 1);
    assert_eq!(chunk_failure[0].emails, all[500..1000]);
    assert_eq!(chunk_failure[0].status, Some(400));
    assert!(
        chunk_failure[0].reason.contains("policy is being edited"),
        "{}",
        chunk_failure[0].reason
    );
    assert_eq!(report.failed_count(), 501);
}

#[tokio::test]
async fn twelve_chunks_respect_ten_calls_a_minute_without_a_single_429() {
    let s = setup(0, None).await;
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", emails(6000, 7), &BulkMoveOptions::default())
        .await;
    assert_eq!(report.add_calls, 12);
    assert_eq!(report.moved + report.failed_count() as u64, 6000);
    assert_eq!(s.api.lock().expect("api").rejected, 0);
    let waited = s
        .clock
        .sleeps()
        .into_iter()
        .filter(|d| *d > Duration::from_secs(5))
        .count();
    assert!(
        waited >= 1,
        "the 11th call waited for the window: {:?}",
        s.clock.sleeps()
    );
}

#[tokio::test]
async fn tasks_still_running_at_the_timeout_are_reported_as_in_progress() {
    let s = setup(usize::MAX, None).await;
    let options = BulkMoveOptions {
        poll_interval: Duration::from_secs(10),
        poll_timeout: Duration::from_secs(30),
        ..BulkMoveOptions::default()
    };
    let all = emails(700, 1_000_000);
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    assert_eq!(
        report.status_calls, 6,
        "two tasks, polled at 10, 20 and 30 s"
    );
    assert_eq!(report.moved, 0);
    assert_eq!(report.in_progress_count(), 700);
    let ids: Vec<&str> = report
        .in_progress
        .iter()
        .map(|t| t.task_id.as_str())
        .collect();
    assert_eq!(ids, ["task-1", "task-2"]);
    assert_eq!(report.in_progress[1].emails, all[500..]);
}
