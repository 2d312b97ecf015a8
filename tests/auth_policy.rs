//! The authentication-policy bulk move against a local server that behaves
//! like the API: tasks that finish after some polls, 404 for unknown users,
//! and at most 10 add-users calls per window (429 beyond).

mod server;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use atlassian_admin_api::auth_policy::{
    BulkMoveOptions, BulkMoveReport, FailureCause, MoveFailure,
};
use atlassian_admin_api::clock::{Clock, ManualClock, SystemClock};
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
    /// The add-users call for the chunk starting with this email fails
    /// (chunks are sent together: their order of arrival is not fixed).
    fail_chunk_from: Option<&'static str>,
    add_calls: usize,
    rejected: usize,
    /// When each add-users request arrived, on the clock (429s included).
    arrivals: Vec<SystemTime>,
}

impl Api {
    fn handle(&mut self, req: &Seen) -> Reply {
        if req.method == "POST" && req.path.ends_with("/add-users") {
            self.add_calls += 1;
            let now = self.clock.now();
            self.arrivals.push(now);
            self.recent.retain(|t| *t + self.window > now);
            if self.recent.len() >= 10 {
                self.rejected += 1;
                return Reply::json(429, json!({"code": 429, "message": "slow down"}))
                    .with_header("retry-after", "60");
            }
            self.recent.push_back(now);
            let users: Vec<String> =
                serde_json::from_value(req.json()["users"].clone()).expect("users");
            if self
                .fail_chunk_from
                .is_some_and(|first| users.first().is_some_and(|u| u == first))
            {
                return Reply::json(
                    400,
                    json!({"errors": [{"status": "400", "title": "Bad request", "detail": "policy is being edited"}]}),
                );
            }
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

async fn setup(polls_before_done: usize, fail_chunk_from: Option<&'static str>) -> Setup {
    let clock = ManualClock::default();
    let api = Arc::new(Mutex::new(Api {
        clock: clock.clone(),
        window: Duration::from_secs(60),
        recent: VecDeque::new(),
        tasks: HashMap::new(),
        polls_before_done,
        fail_chunk_from,
        add_calls: 0,
        rejected: 0,
        arrivals: Vec::new(),
    }));
    let state = Arc::clone(&api);
    let server = TestServer::start(move |req| state.lock().expect("api").handle(req)).await;
    let client = client_for(&server, Arc::new(clock.clone()));
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
    assert_eq!(report.moved.len(), 1234 - 13);
    assert_eq!(report.failed_count(), 13);
    assert!(report.in_progress.is_empty());
    assert_eq!(
        (report.add_calls, report.status_calls),
        (3, 6),
        "3 chunks, each polled twice"
    );
    assert_eq!(s.server.count("POST", "/add-users"), 3);
    assert_eq!(s.server.count("GET", "/auth-policy/task/"), 6);
    let mut sizes: Vec<usize> = s
        .server
        .seen()
        .iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.json()["users"].as_array().map_or(0, Vec::len))
        .collect();
    sizes.sort_unstable(); // sent together: any order of arrival
    assert_eq!(sizes, [234, 500, 500]);
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
    let s = setup(0, Some("user500@acme.example")).await;
    let all = emails(1234, 1_000_000); // only email 0 is a ghost
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    assert_eq!(report.add_calls, 3, "a 400 is not retried");
    assert_eq!(report.moved.len(), 500 - 1 + 234);
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
    assert_eq!(report.moved.len() + report.failed_count(), 6000);
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

/// The test clock under concurrency (issue 23): the move sends a window's
/// calls together and polls their tasks in parallel, so many tasks sleep at
/// once. A clock that moved its time by every sleep in turn ran ten parallel
/// 5 s waits as 50 s, ran retry budgets out early and failed chunks with
/// 429. Twenty runs, the client's default retries (jitter included), on a
/// two-thread runtime: every user moves, no request is refused, and no 60 s
/// of the clock holds more than 10 add-users requests.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn six_thousand_users_move_on_a_manual_clock_within_the_window_in_every_one_of_20_runs() {
    for run in 1..=20 {
        let s = setup(3, None).await;
        let client = Client::builder()
            .api_key("k")
            .base_url(s.server.url())
            .clock(Arc::new(s.clock.clone()))
            .build()
            .expect("client");
        let all = emails(6000, 1_000_000); // one ghost: email 0
        let report = client
            .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
            .await;
        assert_each_email_once(&report, &all);
        let failures: Vec<String> = report
            .failed
            .iter()
            .map(|f| format!("{} emails: {}", f.emails.len(), f.reason))
            .collect();
        assert_eq!(
            (
                report.moved.len(),
                report.failed_count(),
                report.in_progress.len()
            ),
            (5999, 1, 0),
            "run {run}: failures {failures:?}"
        );
        let api = s.api.lock().expect("api");
        assert_eq!(api.rejected, 0, "run {run}: requests refused with 429");
        assert_eq!(api.arrivals.len(), 12, "run {run}: one request per chunk");
        let mut arrivals = api.arrivals.clone();
        arrivals.sort();
        for (i, pair) in arrivals.windows(11).enumerate() {
            let span = pair[10].duration_since(pair[0]).unwrap_or_default();
            assert!(
                span >= Duration::from_secs(60),
                "run {run}: requests {i}..={} came within {span:?}",
                i + 10
            );
        }
    }
}

#[tokio::test]
async fn tasks_still_running_at_the_timeout_are_reported_as_in_progress() {
    let s = setup(usize::MAX, None).await;
    let options = BulkMoveOptions::default()
        .poll_interval(Duration::from_secs(10))
        .poll_timeout(Duration::from_secs(30));
    let all = emails(700, 1_000_000);
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    assert_eq!(
        report.status_calls, 6,
        "two tasks sent together, each polled as soon as its add-users call answered, \
         then at 10 and 20 s: no round starts at the 30 s deadline"
    );
    assert!(report.moved.is_empty());
    assert_eq!(report.in_progress_count(), 700);
    assert_eq!(report.in_progress.len(), 2);
    assert_ne!(report.in_progress[0].task_id, report.in_progress[1].task_id);
    assert_eq!(report.in_progress[0].emails, all[..500], "chunk order");
    assert_eq!(report.in_progress[1].emails, all[500..]);
}

/// A client on `clock` for `server`, retrying 429s on the clock.
fn client_for(server: &TestServer, clock: Arc<dyn Clock>) -> Client {
    client_with_budget(server, clock, Duration::from_secs(600))
}

/// Like [`client_for`], with a retry budget of `max_elapsed`.
fn client_with_budget(server: &TestServer, clock: Arc<dyn Clock>, max_elapsed: Duration) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(server.url())
        .retry(RetryPolicy {
            jitter: false,
            max_elapsed,
            ..RetryPolicy::default()
        })
        .clock(clock)
        .build()
        .expect("client")
}

/// A server whose add-users calls start tasks `task-1`, `task-2`... and whose
/// task status is `status(emails of the task)`.
async fn scripted(status: impl Fn(&[String]) -> Reply + Send + Sync + 'static) -> TestServer {
    let tasks: Mutex<HashMap<String, Vec<String>>> = Mutex::default();
    TestServer::start(move |req| {
        let mut tasks = tasks.lock().expect("tasks");
        if req.method == "POST" {
            let users: Vec<String> =
                serde_json::from_value(req.json()["users"].clone()).expect("users");
            let id = format!("task-{}", tasks.len() + 1);
            tasks.insert(id.clone(), users);
            return Reply::json(202, json!({"taskId": id, "taskLink": "https://x.test/t"}));
        }
        let id = req.path.rsplit('/').next().expect("task id");
        status(&tasks[id])
    })
    .await
}

/// Every email of `requested` appears exactly once in the report.
fn assert_each_email_once(report: &BulkMoveReport, requested: &[String]) {
    let mut listed: Vec<String> = report.moved.clone();
    listed.extend(report.failed.iter().flat_map(|f| f.emails.clone()));
    listed.extend(report.in_progress.iter().flat_map(|t| t.emails.clone()));
    listed.extend(report.duplicates.clone());
    listed.sort();
    let mut expected = requested.to_vec();
    expected.sort();
    assert_eq!(listed, expected, "every email exactly once: {report:#?}");
    assert_eq!(report.accounted_for(), report.requested);
    assert_eq!(report.requested, requested.len());
}

fn status_reply(in_progress: i64, success: i64, failure: i64, reasons: serde_json::Value) -> Reply {
    Reply::json(
        200,
        json!({
            "inProgressCount": in_progress,
            "successCount": success,
            "failureCount": failure,
            "failureReasons": reasons,
        }),
    )
}

#[tokio::test]
async fn failures_counted_but_not_named_are_failures_for_an_unknown_reason_not_a_success() {
    let server = scripted(|emails| status_reply(0, 0, emails.len() as i64, json!([]))).await;
    let clock = ManualClock::default();
    let client = client_for(&server, Arc::new(clock.clone()));
    let all = emails(500, 1_000_000);
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    assert!(!report.is_complete_success(), "nothing moved: {report:#?}");
    assert!(report.moved.is_empty());
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].cause, FailureCause::Unaccounted);
    assert!(
        report.failed[0].reason.contains("500 failed"),
        "{}",
        report.failed[0].reason
    );
    assert_each_email_once(&report, &all);
}

#[tokio::test]
async fn negative_absurd_and_inconsistent_counts_make_no_email_vanish_or_move() {
    // (inProgress, success, failure, reasons) for a task of 7 emails, the
    // first of which is `ghost0`.
    let ghost = json!([{"emails": ["ghost0@acme.example"], "details": {"status": 404, "detail": "User not found."}}]);
    let cases = [
        (0, -5, -3, json!([])),
        (0, 1_000_000_000_000, 0, json!([])),
        (0, 7, 1, ghost.clone()),  // 8 users out of 7
        (-1, 6, 1, ghost.clone()), // negative in progress
        (0, 3, 0, json!([])),      // 4 unexplained
        (
            0,
            6,
            1,
            json!([{"emails": ["someone.else@acme.example"], "details": {"status": 404}}]),
        ),
        (0, i64::MIN, i64::MAX, json!([])),
    ];
    for (in_progress, success, failure, reasons) in cases {
        let label = format!("{in_progress} {success} {failure} {reasons}");
        let reasons_reply = reasons.clone();
        let server =
            scripted(move |_| status_reply(in_progress, success, failure, reasons_reply.clone()))
                .await;
        let clock = ManualClock::default();
        let client = client_for(&server, Arc::new(clock.clone()));
        let all = emails(7, 1_000_000);
        let report = client
            .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
            .await;
        assert_each_email_once(&report, &all);
        assert!(
            report.moved.is_empty(),
            "{label}: nothing is known to have moved"
        );
        assert!(!report.is_complete_success(), "{label}");
        assert!(
            report
                .failed
                .iter()
                .any(|f| f.cause == FailureCause::Unaccounted),
            "{label}: {report:#?}"
        );
    }
    // The consistent answer, for contrast: 6 moved, ghost0 failed with its reason.
    let server = scripted(move |_| status_reply(0, 6, 1, ghost.clone())).await;
    let client = client_for(&server, Arc::new(ManualClock::default()));
    let all = emails(7, 1_000_000);
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    assert_each_email_once(&report, &all);
    assert_eq!(report.moved, all[1..]);
    assert_eq!(report.failed[0].cause, FailureCause::Reported);
    assert_eq!(report.failed[0].status, Some(404));
}

#[tokio::test]
async fn duplicate_emails_are_sent_once_and_reported_as_skipped() {
    let server = scripted(|emails| status_reply(0, emails.len() as i64, 0, json!([]))).await;
    let client = client_for(&server, Arc::new(ManualClock::default()));
    let all: Vec<String> = [
        "ada@acme.example",
        "bob@acme.example",
        "Ada@Acme.example ",
        "bob@acme.example",
    ]
    .map(String::from)
    .to_vec();
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    let sent = server.seen()[0].json()["users"].clone();
    assert_eq!(sent, json!(["ada@acme.example", "bob@acme.example"]));
    assert_eq!(report.moved, all[..2]);
    assert_eq!(report.duplicates, all[2..]);
    assert!(report.is_complete_success());
    assert_each_email_once(&report, &all);
}

#[tokio::test]
async fn a_hanging_status_call_does_not_overrun_the_poll_timeout() {
    // The real clock: the status call hangs for 20 s, the timeout is 1 s.
    let server = scripted(|emails| {
        status_reply(0, emails.len() as i64, 0, json!([])).after(Duration::from_secs(20))
    })
    .await;
    let client = client_for(&server, Arc::new(SystemClock));
    let all = emails(3, 1_000_000);
    let options = BulkMoveOptions::default()
        .poll_interval(Duration::from_millis(100))
        .poll_timeout(Duration::from_secs(1));
    let started = std::time::Instant::now();
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    let took = started.elapsed();
    eprintln!("poll_timeout 1 s, status call hanging 20 s: the move took {took:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(2),
        "took {took:?}"
    );
    assert_eq!(report.in_progress.len(), 1);
    assert_eq!(
        report.in_progress[0].last_error.as_deref(),
        Some("no answer before the poll timeout")
    );
    assert_each_email_once(&report, &all);
}

/// A server that answers the first add-users request of every chunk but the
/// first with 429 (Retry-After 1 s; chunks are told apart by their first
/// email, as they arrive in no fixed order) and records when each add-users
/// request arrived.
async fn flaky_server(clock: ManualClock) -> (TestServer, Arc<Mutex<Vec<SystemTime>>>) {
    let arrivals: Arc<Mutex<Vec<SystemTime>>> = Arc::default();
    let log = Arc::clone(&arrivals);
    let tasks = std::sync::atomic::AtomicUsize::new(0);
    let refused: Mutex<std::collections::HashSet<String>> = Mutex::default();
    let server = TestServer::start(move |req| {
        if req.method == "POST" {
            let mut log = log.lock().expect("log");
            log.push(clock.now());
            let first = req.json()["users"][0]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if index_of(&first) != 0 && refused.lock().expect("refused").insert(first) {
                return Reply::json(429, json!({"code": 429, "message": "slow down"}))
                    .with_header("retry-after", "1");
            }
            let n = tasks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            return Reply::json(
                202,
                json!({"taskId": format!("task-{n}"), "taskLink": "https://x.test/t"}),
            );
        }
        status_reply(0, 500, 0, json!([]))
    })
    .await;
    (server, arrivals)
}

#[tokio::test]
async fn the_limiter_counts_every_add_users_request_including_429_retries() {
    let clock = ManualClock::default();
    let (server, arrivals) = flaky_server(clock.clone()).await;
    let client = client_for(&server, Arc::new(clock.clone()));
    let all = emails(6000, 1_000_000);
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &BulkMoveOptions::default())
        .await;
    let arrivals = arrivals.lock().expect("log").clone();
    assert_eq!(report.add_calls, 12);
    assert_eq!(
        report.add_requests,
        arrivals.len(),
        "every HTTP request counted"
    );
    assert_eq!(arrivals.len(), 23, "12 chunks, 11 of them retried once");
    for (i, start) in arrivals.iter().enumerate() {
        let within = arrivals[i..]
            .iter()
            .take_while(|t| t.duration_since(*start).unwrap_or_default() < Duration::from_secs(60))
            .count();
        assert!(
            within <= 10,
            "{within} add-users requests within a minute of request {i}"
        );
    }
    assert_each_email_once(&report, &all);
    assert!(report.is_complete_success(), "{report:#?}");
}

#[tokio::test]
async fn earlier_tasks_are_polled_while_later_chunks_wait_for_the_window() {
    let s = setup(0, None).await;
    let report = s
        .client
        .move_users_to_auth_policy("org", "pol", emails(6000, 7), &BulkMoveOptions::default())
        .await;
    assert_eq!(report.add_calls, 12);
    let order: Vec<&str> = s
        .server
        .seen()
        .iter()
        .map(|r| if r.method == "POST" { "add" } else { "poll" })
        .collect();
    let eleventh_add = order
        .iter()
        .enumerate()
        .filter(|(_, k)| **k == "add")
        .nth(10)
        .map(|(i, _)| i)
        .expect("an 11th add-users call");
    let first_poll = order.iter().position(|k| *k == "poll").expect("a poll");
    assert!(
        first_poll < eleventh_add,
        "the first ten tasks are polled while the 11th chunk waits: {order:?}"
    );
    assert_eq!(report.moved.len() + report.failed_count(), 6000);
    assert!(report.in_progress.is_empty());
}

#[tokio::test]
async fn a_hanging_status_call_does_not_hold_back_the_next_chunk() {
    // The real clock: one request a second, status calls hang for 20 s.
    let posts: Arc<Mutex<Vec<std::time::Instant>>> = Arc::default();
    let log = Arc::clone(&posts);
    let server = TestServer::start(move |req| {
        if req.method == "POST" {
            let mut log = log.lock().expect("log");
            log.push(std::time::Instant::now());
            let id = format!("task-{}", log.len());
            return Reply::json(202, json!({"taskId": id, "taskLink": "https://x.test/t"}));
        }
        status_reply(0, 1, 0, json!([])).after(Duration::from_secs(20))
    })
    .await;
    let client = client_for(&server, Arc::new(SystemClock));
    let all = emails(2, 1_000_000);
    let options = BulkMoveOptions::default()
        .chunk_size(1)
        .max_requests(1)
        .window(Duration::from_secs(1))
        .poll_interval(Duration::from_millis(100))
        .poll_timeout(Duration::from_secs(1));
    let started = std::time::Instant::now();
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    let took = started.elapsed();
    let posts = posts.lock().expect("log").clone();
    assert_eq!(posts.len(), 2);
    let gap = posts[1] - posts[0];
    eprintln!("second chunk {gap:?} after the first; the move took {took:?}");
    assert!(
        gap < Duration::from_millis(1800),
        "the second chunk waited {gap:?}"
    );
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert!(
        report.status_calls >= 1,
        "the first task was polled meanwhile"
    );
    assert_eq!(report.in_progress.len(), 2);
    assert_each_email_once(&report, &all);
}

/// The index `i` of an email made by [`emails`] (`user{i}@…` or `ghost{i}@…`).
fn index_of(email: &str) -> usize {
    email
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .split('@')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("an email made by `emails`")
}

/// What a pacing server saw of the add-users requests, on the real clock.
#[derive(Default)]
struct Pacing {
    arrivals: Vec<std::time::Instant>,
    /// The most add-users requests in flight at once (each is answered
    /// `hold` after it arrives).
    max_in_flight: usize,
    rejected: usize,
}

/// A server on the real clock that allows `max` add-users requests per
/// `window` (429 beyond, counted), holds each add-users answer for `hold`,
/// and whose task for chunk `n` (of `per_chunk` emails) answers "in
/// progress" to `polls_in_progress(n)` polls before it finishes, naming
/// the `ghost` emails as not found.
async fn pacing_server(
    max: usize,
    window: Duration,
    hold: Duration,
    per_chunk: usize,
    polls_in_progress: impl Fn(usize) -> usize + Send + Sync + 'static,
) -> (TestServer, Arc<Mutex<Pacing>>) {
    let pacing: Arc<Mutex<Pacing>> = Arc::default();
    let log = Arc::clone(&pacing);
    let tasks: Mutex<HashMap<String, (Vec<String>, usize)>> = Mutex::default();
    let server = TestServer::start(move |req| {
        if req.method == "POST" {
            let now = std::time::Instant::now();
            let mut log = log.lock().expect("pacing");
            let in_window = log
                .arrivals
                .iter()
                .filter(|t| now.duration_since(**t) < window)
                .count();
            let in_flight = 1 + log
                .arrivals
                .iter()
                .filter(|t| now.duration_since(**t) < hold)
                .count();
            log.max_in_flight = log.max_in_flight.max(in_flight);
            log.arrivals.push(now);
            if in_window >= max {
                log.rejected += 1;
                return Reply::json(429, json!({"code": 429, "message": "slow down"}))
                    .with_header("retry-after", "1")
                    .after(hold);
            }
            let users: Vec<String> =
                serde_json::from_value(req.json()["users"].clone()).expect("users");
            let chunk = index_of(&users[0]) / per_chunk;
            let id = format!("task-{chunk}");
            tasks
                .lock()
                .expect("tasks")
                .insert(id.clone(), (users, polls_in_progress(chunk)));
            return Reply::json(202, json!({"taskId": id, "taskLink": "https://x.test/t"}))
                .after(hold);
        }
        let id = req.path.rsplit('/').next().expect("task id");
        let mut tasks = tasks.lock().expect("tasks");
        let Some((emails, in_progress)) = tasks.get_mut(id) else {
            return Reply::json(404, json!({"code": 404, "message": "no such task"}));
        };
        if *in_progress > 0 {
            *in_progress -= 1;
            return status_reply(emails.len() as i64, 0, 0, json!([]));
        }
        let ghosts: Vec<&String> = emails.iter().filter(|e| e.starts_with("ghost")).collect();
        let reasons = if ghosts.is_empty() {
            json!([])
        } else {
            json!([{"emails": ghosts, "details": {"status": 404, "detail": "User not found."}}])
        };
        status_reply(
            0,
            (emails.len() - ghosts.len()) as i64,
            ghosts.len() as i64,
            reasons,
        )
    })
    .await;
    (server, pacing)
}

#[tokio::test]
async fn the_add_users_calls_that_fit_in_the_window_are_in_flight_together_and_the_report_keeps_chunk_order(
) {
    // 10 chunks of 50, 5 calls per 300 ms, each add-users answer held 150 ms;
    // the first chunks' tasks take longest, so tasks finish in reverse order.
    let window = Duration::from_millis(300);
    let (server, pacing) = pacing_server(5, window, Duration::from_millis(150), 50, |chunk| {
        10 - chunk
    })
    .await;
    let client = client_for(&server, Arc::new(SystemClock));
    let all = emails(500, 9);
    let options = BulkMoveOptions::default()
        .chunk_size(50)
        .max_requests(5)
        .window(window)
        .poll_interval(Duration::from_millis(20))
        .poll_timeout(Duration::from_secs(20));
    let started = std::time::Instant::now();
    // Spawned: the move's future is `Send`.
    let report = tokio::spawn({
        let (client, all, options) = (client.clone(), all.clone(), options.clone());
        async move {
            client
                .move_users_to_auth_policy("org", "pol", all, &options)
                .await
        }
    })
    .await
    .expect("the move");
    let took = started.elapsed();
    let pacing = pacing.lock().expect("pacing");
    eprintln!(
        "10 chunks, 5 per {window:?}: {} add-users requests in flight at most, took {took:?}",
        pacing.max_in_flight
    );
    assert!(
        (2..=5).contains(&pacing.max_in_flight),
        "add-users calls overlap, never more than the window allows: {}",
        pacing.max_in_flight
    );
    assert_eq!(pacing.rejected, 0, "no 429");
    assert_eq!((report.add_calls, report.add_requests), (10, 10));
    assert!(report.in_progress.is_empty(), "{report:#?}");
    // Chunk order, though the last chunks' tasks finished first.
    let users: Vec<String> = all
        .iter()
        .filter(|e| e.starts_with("user"))
        .cloned()
        .collect();
    let ghosts: Vec<String> = all
        .iter()
        .filter(|e| e.starts_with("ghost"))
        .cloned()
        .collect();
    assert_eq!(report.moved, users);
    let failed: Vec<String> = report
        .failed
        .iter()
        .flat_map(|f| f.emails.clone())
        .collect();
    assert_eq!(failed, ghosts);
    let tasks: Vec<&str> = report
        .failed
        .iter()
        .filter_map(|f| f.task_id.as_deref())
        .collect();
    let in_order: Vec<String> = (0..10).map(|n| format!("task-{n}")).collect();
    assert_eq!(tasks, in_order, "one failure per chunk, in chunk order");
    assert!(report
        .failed
        .iter()
        .all(|f| f.cause == FailureCause::Reported && f.status == Some(404)));
    assert_each_email_once(&report, &all);
}

#[tokio::test]
async fn overlapping_calls_keep_the_window_without_a_single_429() {
    // 25 chunks, 10 calls per 200 ms, answers held 20 ms: the 11th call
    // cannot start before a window has passed, nor the 21st before two.
    let window = Duration::from_millis(200);
    let (server, pacing) = pacing_server(10, window, Duration::from_millis(20), 20, |_| 0).await;
    let client = client_for(&server, Arc::new(SystemClock));
    let all: Vec<String> = (0..500).map(|i| format!("user{i}@acme.example")).collect();
    let options = BulkMoveOptions::default()
        .chunk_size(20)
        .window(window)
        .poll_interval(Duration::from_millis(10));
    let started = std::time::Instant::now();
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    let took = started.elapsed();
    let pacing = pacing.lock().expect("pacing");
    eprintln!(
        "25 chunks, 10 per {window:?}: took {took:?}, {} in flight at most",
        pacing.max_in_flight
    );
    assert_eq!(pacing.rejected, 0, "no 429");
    assert_eq!((report.add_calls, report.add_requests), (25, 25));
    assert!(pacing.max_in_flight > 1, "calls overlap");
    for (i, start) in pacing.arrivals.iter().enumerate() {
        let within = pacing.arrivals[i..]
            .iter()
            .filter(|t| t.duration_since(*start) < window)
            .count();
        assert!(within <= 10, "{within} requests within a window of {i}");
    }
    assert!(took >= 2 * window, "took {took:?}");
    assert!(report.is_complete_success(), "{report:#?}");
    assert_each_email_once(&report, &all);
}

#[tokio::test]
async fn waiting_for_the_window_is_not_charged_to_the_retry_budget() {
    // One call a minute; the second chunk's first two attempts get a 429.
    // Its third attempt waits 59 s for the window, far past the 10 s retry
    // budget: that wait is the client's pacing, not the server's failure.
    let clock = ManualClock::default();
    let arrivals = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = Arc::clone(&arrivals);
    let server = TestServer::start(move |req| {
        if req.method == "POST" {
            let n = seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            if n == 2 || n == 3 {
                return Reply::json(429, json!({"code": 429, "message": "slow down"}))
                    .with_header("retry-after", "1");
            }
            return Reply::json(
                202,
                json!({"taskId": format!("task-{n}"), "taskLink": "https://x.test/t"}),
            );
        }
        status_reply(0, 1, 0, json!([]))
    })
    .await;
    let client = client_with_budget(&server, Arc::new(clock.clone()), Duration::from_secs(10));
    let all = emails(2, 1_000_000);
    let options = BulkMoveOptions::default().chunk_size(1).max_requests(1);
    let report = client
        .move_users_to_auth_policy("org", "pol", all.clone(), &options)
        .await;
    assert!(report.is_complete_success(), "{report:#?}");
    assert_eq!(report.add_calls, 2);
    assert_eq!(report.add_requests, 4, "1 + 3 attempts");
    assert_eq!(arrivals.load(std::sync::atomic::Ordering::SeqCst), 4);
    assert!(
        clock.sleeps().iter().any(|d| *d >= Duration::from_secs(50)),
        "the retries waited for the window: {:?}",
        clock.sleeps()
    );
    assert_each_email_once(&report, &all);
}

#[tokio::test]
async fn chunks_the_window_can_never_make_room_for_are_reported_as_not_sent() {
    // A window too long for any clock: after the first call, no other fits.
    let server = scripted(|emails| status_reply(0, emails.len() as i64, 0, json!([]))).await;
    let client = client_for(&server, Arc::new(SystemClock));
    let all = emails(5, 1_000_000);
    let options = BulkMoveOptions::default()
        .chunk_size(2)
        .max_requests(1)
        .window(Duration::MAX)
        .poll_interval(Duration::from_millis(10));
    let report = tokio::time::timeout(
        Duration::from_secs(10),
        client.move_users_to_auth_policy("org", "pol", all.clone(), &options),
    )
    .await
    .expect("the move ends instead of waiting for a window that never opens");
    assert_eq!(report.add_calls, 1);
    assert_eq!(report.moved, all[..2]);
    assert_eq!(report.failed.len(), 2, "{report:#?}");
    for (failure, emails) in report.failed.iter().zip([&all[2..4], &all[4..]]) {
        assert_eq!(failure.cause, FailureCause::NotSent);
        assert_eq!(failure.emails, emails);
        assert!(failure.reason.starts_with("not sent"), "{}", failure.reason);
    }
    assert_each_email_once(&report, &all);
}

/// `move_users_to_auth_policy_with` reports the move as it goes: emails sent
/// and settled never go back, the wait for the window shows while chunks
/// wait for it, and the last report has every email settled.
#[tokio::test]
async fn progress_reports_sent_settled_and_the_window_wait() {
    let s = setup(1, None).await;
    let all = emails(6000, 1_000_000); // 12 chunks of 500: two windows of 10 calls
    let mut seen: Vec<atlassian_admin_api::auth_policy::BulkMoveProgress> = Vec::new();
    let report = s
        .client
        .move_users_to_auth_policy_with(
            "org",
            "pol",
            all.clone(),
            &BulkMoveOptions::default(),
            |p| seen.push(p.clone()),
        )
        .await;
    assert_each_email_once(&report, &all);
    assert!(seen.len() >= 3, "{seen:?}");
    assert!(seen.iter().all(|p| p.users == 6000));
    assert!(seen
        .windows(2)
        .all(|w| w[0].sent <= w[1].sent && w[0].settled <= w[1].settled));
    assert!(
        seen.windows(2).all(|w| w[0] != w[1]),
        "only changes are reported"
    );
    let waits: Vec<_> = seen.iter().filter_map(|p| p.window_wait).collect();
    assert!(
        !waits.is_empty(),
        "chunks 11 and 12 wait for the window: {seen:?}"
    );
    assert!(waits.iter().all(|w| *w <= Duration::from_secs(60)));
    let last = seen.last().expect("a report");
    assert_eq!(
        (last.sent, last.settled, last.window_wait),
        (6000, 6000, None)
    );
}
