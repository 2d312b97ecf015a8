//! Runtime figures on loopback (run with `cargo bench --bench runtime`):
//!
//! 1. the client's overhead per request (auth, retry wrapper, tracing span)
//!    as a ratio to a raw reqwest call of the same endpoint that also sends
//!    the key and decodes the body into the same type with serde_json;
//! 2. a 10,000-user authentication-policy move against a server that allows
//!    10 add-users calls per (scaled-down) window and answers 429 beyond.

#[path = "../tests/server/mod.rs"]
mod server;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use atlassian_admin_api::auth_policy::BulkMoveOptions;
use atlassian_admin_api::{Client, RetryPolicy};
use serde_json::json;
use server::{Reply, TestServer};

const REQUESTS: usize = 3000;
const WINDOW: Duration = Duration::from_millis(250);

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(overhead());
    // The poll interval bounds how long after the last chunk its task is
    // seen done; two intervals show the rest is the client's own time.
    runtime.block_on(bulk_move(Duration::from_millis(10)));
    runtime.block_on(bulk_move(Duration::from_millis(1)));
}

async fn overhead() {
    let status =
        json!({"inProgressCount": 0, "successCount": 2, "failureCount": 0, "failureReasons": []});
    let server = TestServer::start_with(move |_| Reply::json(200, status.clone()), false).await;
    let url = format!(
        "{}/admin/control/v1/orgs/o/auth-policy/task/t",
        server.url()
    );
    // The raw side gets the transport the client builds for itself (TLS
    // set-up, no redirects, its user agent and timeouts: a request timeout
    // arms a timer per request), so the ratio is the client's own layer.
    let raw = atlassian_admin_api::tls::client_builder()
        .and_then(|b| {
            b.redirect(reqwest::redirect::Policy::none())
                .user_agent(atlassian_admin_api::config::DEFAULT_USER_AGENT)
                .timeout(Duration::from_secs(30))
                .connect_timeout(Duration::from_secs(10))
                .build()
                .map_err(atlassian_admin_api::ConfigError::Http)
        })
        .expect("HTTP client");
    let client = Client::builder()
        .api_key("bench-key")
        .base_url(server.url())
        .build()
        .expect("client");

    // Like with like: the raw call also sends the key and decodes the body
    // into the same generated type.
    let raw_call = || async {
        let response = raw
            .get(&url)
            .bearer_auth("bench-key")
            .header("accept", "application/json")
            .send()
            .await
            .expect("raw call");
        let bytes = response.bytes().await.expect("raw body");
        let _: atlassian_admin_api::types::AuthPolicyTaskStatus =
            serde_json::from_slice(&bytes).expect("raw decode");
    };
    let client_call = || async {
        client
            .get_auth_policy_task_status()
            .org_id("o")
            .task_id("t")
            .send()
            .await
            .expect("client call");
    };
    for _ in 0..200 {
        raw_call().await;
        client_call().await;
    }
    // Alternate rounds so that drift in the machine's load hits both alike.
    let (mut raw_time, mut client_time) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..10 {
        let start = Instant::now();
        for _ in 0..REQUESTS / 10 {
            raw_call().await;
        }
        raw_time += start.elapsed();
        let start = Instant::now();
        for _ in 0..REQUESTS / 10 {
            client_call().await;
        }
        client_time += start.elapsed();
    }
    let per = |d: Duration| d.as_secs_f64() * 1e6 / REQUESTS as f64;
    println!("request overhead on loopback ({REQUESTS} sequential GETs each)");
    println!(
        "  raw reqwest + serde_json decode:  {:8.1} us/request",
        per(raw_time)
    );
    println!(
        "  client (auth, retry, span, JSON): {:8.1} us/request",
        per(client_time)
    );
    println!(
        "  ratio client/raw:                {:8.2}   (+{:.1} us/request)",
        client_time.as_secs_f64() / raw_time.as_secs_f64(),
        per(client_time) - per(raw_time)
    );
}

async fn bulk_move(poll_interval: Duration) {
    let recent: Arc<Mutex<VecDeque<Instant>>> = Arc::default();
    let rejected = Arc::new(AtomicUsize::new(0));
    let adds = Arc::new(AtomicUsize::new(0));
    let (r, a) = (Arc::clone(&rejected), Arc::clone(&adds));
    let server = TestServer::start_with(
        move |req| {
            if req.method == "POST" {
                let now = Instant::now();
                let mut recent = recent.lock().expect("window");
                while recent.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
                    recent.pop_front();
                }
                if recent.len() >= 10 {
                    r.fetch_add(1, Ordering::SeqCst);
                    return Reply::json(429, json!({"code": 429, "message": "rate limited"}))
                        .with_header("retry-after", "1");
                }
                recent.push_back(now);
                let n = a.fetch_add(1, Ordering::SeqCst) + 1;
                let users = req.json()["users"].as_array().map_or(0, Vec::len);
                Reply::json(202, json!({"taskId": format!("{n}-{users}"), "taskLink": "https://example.test"}))
            } else {
                let users: u64 = req.path.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or(0);
                Reply::json(200, json!({"inProgressCount": 0, "successCount": users, "failureCount": 0, "failureReasons": []}))
            }
        },
        false,
    )
    .await;
    let client = Client::builder()
        .api_key("bench-key")
        .base_url(server.url())
        .retry(RetryPolicy::default())
        .build()
        .expect("client");
    let emails: Vec<String> = (0..10_000)
        .map(|i| format!("user{i}@acme.example"))
        .collect();
    let options = BulkMoveOptions::default()
        .window(WINDOW)
        .poll_interval(poll_interval);
    let start = Instant::now();
    let report = client
        .move_users_to_auth_policy("org", "policy", emails, &options)
        .await;
    let elapsed = start.elapsed();
    println!(
        "bulk move of 10,000 users, server limit 10 calls per {} ms, poll interval {} ms",
        WINDOW.as_millis(),
        poll_interval.as_millis()
    );
    println!(
        "  moved {}, failed {}, in progress {}; {} add-users calls ({} HTTP requests), {} status calls",
        report.moved.len(),
        report.failed_count(),
        report.in_progress_count(),
        report.add_calls,
        report.add_requests,
        report.status_calls
    );
    // The floor: the 11th call cannot start before one window has passed
    // since the 10th finished; the last chunk's task then needs one status
    // call, whose round trip on loopback is negligible beside the window.
    let floor = WINDOW.as_secs_f64();
    println!(
        "  429 answers: {}; took {:.0} ms; floor (one window) {:.0} ms; ratio to the floor {:.3} ({:+.1} %)",
        rejected.load(Ordering::SeqCst),
        elapsed.as_secs_f64() * 1e3,
        floor * 1e3,
        elapsed.as_secs_f64() / floor,
        (elapsed.as_secs_f64() / floor - 1.0) * 100.0
    );
}
