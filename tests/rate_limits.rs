//! The client keeps to the rate limits the spec documents (`x-rate-limit`)
//! before the server has to answer 429: against a loopback server that
//! counts requests per sliding window on the test clock and refuses the
//! ones beyond the limit, as the API does.

mod server;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use atlassian_admin_api::auth_policy::BulkMoveOptions;
use atlassian_admin_api::clock::{Clock, ManualClock};
use atlassian_admin_api::{rate_limits, Client, RetryPolicy};
use futures::future::join_all;
use serde_json::{json, Value};
use server::{Reply, Seen, TestServer};

const MINUTE: Duration = Duration::from_secs(60);

fn fixture(path: &str) -> Value {
    let file = format!(
        "{}/tests/fixtures/examples/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).expect("fixture JSON")
}

/// What the server saw: arrival times (on the test clock) per window name,
/// and how many requests it refused.
#[derive(Default)]
struct Windows {
    arrivals: HashMap<&'static str, VecDeque<SystemTime>>,
    all: HashMap<&'static str, Vec<SystemTime>>,
    refused: usize,
}

/// A server that allows `limit` requests per minute in each window that
/// `window_of` names for a path (`None`: no limit), answering 429 beyond.
struct LimitedApi {
    server: TestServer,
    clock: ManualClock,
    windows: Arc<Mutex<Windows>>,
}

impl LimitedApi {
    async fn start(
        limits: &'static [(&'static str, usize)],
        window_of: fn(&Seen) -> Option<&'static str>,
        answer: fn(&Seen) -> Value,
    ) -> Self {
        let clock = ManualClock::default();
        let windows = Arc::new(Mutex::new(Windows::default()));
        let (server_clock, seen_windows) = (clock.clone(), Arc::clone(&windows));
        let server = TestServer::start(move |req| {
            let now = server_clock.now();
            if let Some(name) = window_of(req) {
                let limit = limits
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, l)| *l)
                    .expect("a limit for the window");
                let mut w = seen_windows.lock().expect("windows");
                w.all.entry(name).or_default().push(now);
                let recent = w.arrivals.entry(name).or_default();
                recent.retain(|t| *t + MINUTE > now);
                if recent.len() >= limit {
                    w.refused += 1;
                    return Reply::json(429, json!({"code": 429, "message": "rate limited"}))
                        .with_header("retry-after", "60");
                }
                recent.push_back(now);
            }
            Reply::json(200, answer(req))
        })
        .await;
        Self {
            server,
            clock,
            windows,
        }
    }

    /// A client on the server's test clock that never retries, so that a
    /// 429 would reach the caller.
    fn client(&self, pace: bool) -> Client {
        Client::builder()
            .api_key("k")
            .base_url(self.server.url())
            .clock(Arc::new(self.clock.clone()))
            .retry(RetryPolicy::disabled())
            .pace_rate_limits(pace)
            .build()
            .expect("client")
    }

    fn refused(&self) -> usize {
        self.windows.lock().expect("windows").refused
    }

    /// The most requests of window `name` the server saw within any minute.
    fn busiest_minute(&self, name: &str) -> usize {
        let w = self.windows.lock().expect("windows");
        let times = w.all.get(name).cloned().unwrap_or_default();
        times
            .iter()
            .map(|start| {
                times
                    .iter()
                    .filter(|t| **t >= *start && **t < *start + MINUTE)
                    .count()
            })
            .max()
            .unwrap_or(0)
    }
}

fn events_window(req: &Seen) -> Option<&'static str> {
    let path = req.path.as_str();
    if path.contains("/events-stream") {
        Some("stream")
    } else if path.contains("/events") || path.contains("/event-actions") {
        Some("events")
    } else if path.ends_with("/last-active-dates") {
        Some("last-active")
    } else {
        None
    }
}

fn events_answer(req: &Seen) -> Value {
    let path = req.path.as_str();
    if path.contains("/events-stream") {
        fixture("org-v1/pollEvents.json")
    } else if path.contains("/event-actions") {
        fixture("org-v1/getEventActions.json")
    } else if path.ends_with("/last-active-dates") {
        fixture("org-v1/getUserLastActiveDates.json")
    } else if path.contains("/events/") {
        fixture("org-v1/getEventById.json")
    } else {
        fixture("org-v1/getEvents.json")
    }
}

const LIMITS: &[(&str, usize)] = &[("events", 10), ("stream", 50), ("last-active", 200)];

#[test]
fn the_documented_limits_are_public() {
    assert_eq!(
        (
            rate_limits::GET_EVENTS.requests,
            rate_limits::GET_EVENTS.window
        ),
        (10, MINUTE)
    );
    assert_eq!(rate_limits::GET_EVENTS.shared, Some("events"));
    assert_eq!(rate_limits::GET_EVENT_BY_ID.shared, Some("events"));
    assert_eq!(rate_limits::GET_EVENT_ACTIONS.shared, Some("events"));
    assert_eq!(rate_limits::POLL_EVENTS.requests, 50);
    assert_eq!(rate_limits::GET_USER_LAST_ACTIVE_DATES.requests, 200);
    assert_eq!(rate_limits::ADD_USERS_TO_AUTH_POLICY.requests, 10);
}

/// N + 1 calls of each limited operation, one after another: the last waits
/// for the first to leave the window, and the server refuses none.
#[tokio::test]
async fn n_plus_one_calls_wait_for_the_window_and_meet_no_429() {
    let api = LimitedApi::start(LIMITS, events_window, events_answer).await;
    let client = api.client(true);
    let start = api.clock.now();
    for _ in 0..=10 {
        client
            .get_events()
            .org_id("org")
            .send()
            .await
            .expect("events");
    }
    let waited = api.clock.now().duration_since(start).expect("forward");
    assert_eq!(waited, MINUTE, "the 11th call waited one window");
    for _ in 0..=50 {
        client
            .poll_events()
            .org_id("org")
            .send()
            .await
            .expect("stream");
    }
    for _ in 0..=200 {
        client
            .get_user_last_active_dates()
            .org_id("org")
            .account_id("a")
            .send()
            .await
            .expect("last active");
    }
    assert_eq!(api.refused(), 0, "no 429");
    assert_eq!(api.busiest_minute("events"), 10);
    assert_eq!(api.busiest_minute("stream"), 50);
    assert_eq!(api.busiest_minute("last-active"), 200);
    assert_eq!(api.server.seen().len(), 11 + 51 + 201);
}

/// Without pacing the same calls meet the server's 429: the server of
/// these tests does refuse, so the test above proves the pacing.
#[tokio::test]
async fn without_pacing_the_server_answers_429() {
    let api = LimitedApi::start(LIMITS, events_window, events_answer).await;
    let client = api.client(false);
    assert!(!client.state().paces_rate_limits());
    let mut statuses = Vec::new();
    for _ in 0..=10 {
        let result = client.get_events().org_id("org").send().await;
        statuses.push(
            result
                .map(|_| 200)
                .unwrap_or_else(|e| e.status().map_or(0, |s| s.as_u16())),
        );
    }
    assert_eq!(statuses[..10], [200; 10]);
    assert_eq!(statuses[10], 429);
    assert_eq!(api.refused(), 1);
    assert_eq!(api.clock.slept(), Duration::ZERO, "nothing waited");
}

/// The three event queries count against one window, and clones of a
/// client share it; calls in flight together keep to it too.
#[tokio::test]
async fn the_event_queries_share_one_window_across_clones_and_concurrent_calls() {
    let api = LimitedApi::start(LIMITS, events_window, events_answer).await;
    let client = api.client(true);
    let calls = (0..33).map(|i| {
        let client = client.clone();
        async move {
            let ok = match i % 3 {
                0 => client.get_events().org_id("org").send().await.is_ok(),
                1 => client
                    .get_event_by_id()
                    .org_id("org")
                    .event_id("e")
                    .send()
                    .await
                    .is_ok(),
                _ => client
                    .get_event_actions()
                    .org_id("org")
                    .send()
                    .await
                    .is_ok(),
            };
            assert!(ok, "call {i} failed");
        }
    });
    join_all(calls).await;
    assert_eq!(api.refused(), 0, "no 429");
    assert_eq!(api.busiest_minute("events"), 10);
    assert_eq!(api.server.seen().len(), 33);
    assert!(
        api.clock
            .now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .is_ok(),
        "time moved only forward"
    );
}

/// The bulk move paces add-users with its own window (here 10 per second):
/// the client's pacing of the operation (10 a minute) gives way to it
/// rather than pacing the same calls a second time.
#[tokio::test]
async fn the_bulk_move_is_paced_once_by_its_own_window() {
    fn window(req: &Seen) -> Option<&'static str> {
        req.path.ends_with("/add-users").then_some("add-users")
    }
    fn answer(req: &Seen) -> Value {
        if req.path.ends_with("/add-users") {
            json!({"taskId": "t", "taskLink": "https://example.test/t"})
        } else {
            json!({"inProgressCount": 0, "successCount": 1, "failureCount": 0, "failureReasons": []})
        }
    }
    // The server allows far more than the options: only pacing is measured.
    static ADD_USERS: &[(&str, usize)] = &[("add-users", 1000)];
    let api = LimitedApi::start(ADD_USERS, window, answer).await;
    let client = api.client(true);
    let emails: Vec<String> = (0..11).map(|i| format!("u{i}@acme.example")).collect();
    let options = BulkMoveOptions::default()
        .chunk_size(1)
        .max_requests(10)
        .window(Duration::from_secs(1))
        .poll_interval(Duration::from_millis(100));
    let start = api.clock.now();
    let report = client
        .move_users_to_auth_policy("org", "pol", emails, &options)
        .await;
    assert_eq!(report.add_requests, 11);
    let took = api.clock.now().duration_since(start).expect("forward");
    assert!(
        took < Duration::from_secs(10),
        "paced by its own 1 s window only, took {took:?}"
    );
    assert_eq!(api.busiest_minute("add-users"), 11);
}
