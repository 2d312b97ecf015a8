//! Runtime figures on loopback (run with `cargo bench --bench runtime`):
//!
//! 1. the client's overhead per request (auth, retry wrapper, tracing span)
//!    as a ratio to a raw reqwest call of the same endpoint that also sends
//!    the key and decodes the body into the same type with serde_json;
//! 2. a 10,000-user authentication-policy move against a server that allows
//!    10 add-users calls per (scaled-down) window and answers 429 beyond, as
//!    a ratio to one window and to the ideal schedule written by hand with
//!    raw reqwest against the same server.

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

const REQUESTS: usize = 6000;
const ROUNDS: usize = 30;
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

/// A reqwest client with the transport the client builds for itself (TLS
/// set-up, no redirects, its user agent and timeouts: a request timeout arms
/// a timer per request), so that a comparison measures the client's own layer.
fn raw_transport() -> reqwest::Client {
    atlassian_admin_api::tls::client_builder()
        .and_then(|b| {
            b.redirect(reqwest::redirect::Policy::none())
                .user_agent(atlassian_admin_api::config::DEFAULT_USER_AGENT)
                .timeout(Duration::from_secs(30))
                .connect_timeout(Duration::from_secs(10))
                .build()
                .map_err(atlassian_admin_api::ConfigError::Http)
        })
        .expect("HTTP client")
}

async fn overhead() {
    let status =
        json!({"inProgressCount": 0, "successCount": 2, "failureCount": 0, "failureReasons": []});
    let server = TestServer::start_with(move |_| Reply::json(200, status.clone()), false).await;
    let url = format!(
        "{}/admin/control/v1/orgs/o/auth-policy/task/t",
        server.url()
    );
    let raw = raw_transport();
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
    // Alternate rounds so that drift in the machine's load hits both alike;
    // the median round of each side, so that a burst of load elsewhere on
    // the machine during a few rounds does not decide the ratio.
    let (mut raw_rounds, mut client_rounds) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for _ in 0..REQUESTS / ROUNDS {
            raw_call().await;
        }
        raw_rounds.push(start.elapsed());
        let start = Instant::now();
        for _ in 0..REQUESTS / ROUNDS {
            client_call().await;
        }
        client_rounds.push(start.elapsed());
    }
    let per = |rounds: &mut Vec<Duration>| {
        rounds.sort_unstable();
        rounds[rounds.len() / 2].as_secs_f64() * 1e6 / (REQUESTS / ROUNDS) as f64
    };
    let (raw, client) = (per(&mut raw_rounds), per(&mut client_rounds));
    println!(
        "request overhead on loopback ({REQUESTS} sequential GETs each, median of {ROUNDS} alternating rounds)"
    );
    println!("  raw reqwest + serde_json decode:  {raw:8.1} us/request");
    println!("  client (auth, retry, span, JSON): {client:8.1} us/request");
    println!(
        "  ratio client/raw:                {:8.2}   (+{:.1} us/request)",
        client / raw,
        client - raw
    );
}

/// A server that allows 10 add-users calls per [`WINDOW`] (429 beyond) and
/// whose tasks are done at the first poll; it counts the 429s it sent.
async fn limited_server() -> (TestServer, Arc<AtomicUsize>) {
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
    (server, rejected)
}

async fn bulk_move(poll_interval: Duration) {
    let (server, rejected) = limited_server().await;
    let client = Client::builder()
        .api_key("bench-key")
        .base_url(server.url())
        .retry(RetryPolicy::default())
        .build()
        .expect("client");
    let emails = emails();
    let options = BulkMoveOptions::default()
        .window(WINDOW)
        .poll_interval(poll_interval);
    let start = Instant::now();
    let report = client
        .move_users_to_auth_policy("org", "policy", emails.clone(), &options)
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
    // since the 1st finished. The ideal schedule adds the round trips no
    // client avoids: the first calls', the last calls' and their polls'.
    let floor = WINDOW.as_secs_f64();
    println!(
        "  429 answers: {}; took {:.1} ms; floor (one window) {:.0} ms; ratio to the floor {:.3} ({:+.1} %)",
        rejected.load(Ordering::SeqCst),
        elapsed.as_secs_f64() * 1e3,
        floor * 1e3,
        elapsed.as_secs_f64() / floor,
        (elapsed.as_secs_f64() / floor - 1.0) * 100.0
    );
    let (server, rejected) = limited_server().await;
    let ideal = ideal_schedule(&server.url(), &emails).await;
    println!(
        "  ideal schedule with raw reqwest on the same server: {:.1} ms ({} × 429); client / ideal {:.3} ({:+.1} %)",
        ideal.as_secs_f64() * 1e3,
        rejected.load(Ordering::SeqCst),
        elapsed.as_secs_f64() / ideal.as_secs_f64(),
        (elapsed.as_secs_f64() / ideal.as_secs_f64() - 1.0) * 100.0
    );
}

/// The 10,000 users moved.
fn emails() -> Vec<String> {
    (0..10_000)
        .map(|i| format!("user{i}@acme.example"))
        .collect()
}

/// The schedule no client beats on [`limited_server`], hand-written with raw
/// reqwest: ten chunks at once; each later chunk a window after the finish of
/// the chunk ten before it (the rule that keeps the server's count within its
/// limit whatever the network does, the client's too); each wave's tasks
/// polled as soon as the wave is answered, all at once.
async fn ideal_schedule(url: &str, emails: &[String]) -> Duration {
    let http = raw_transport();
    let add = format!("{url}/admin/control/v1/orgs/org/auth-policy/policy/add-users");
    let chunks: Vec<&[String]> = emails.chunks(500).collect();
    let start = Instant::now();
    let mut finished: Vec<Instant> = Vec::new();
    for wave in chunks.chunks(10) {
        let base = finished.len();
        let sends = wave.iter().enumerate().map(|(j, chunk)| {
            let not_before = base.checked_sub(10).map(|k| finished[k + j] + WINDOW);
            let (http, add) = (&http, &add);
            async move {
                if let Some(at) = not_before {
                    tokio::time::sleep_until(at.into()).await;
                }
                let response = http
                    .post(add)
                    .bearer_auth("bench-key")
                    .json(&json!({ "users": chunk }))
                    .send()
                    .await
                    .expect("add-users");
                let done = Instant::now();
                let task: serde_json::Value = response.json().await.expect("task");
                (done, task["taskId"].as_str().unwrap_or_default().to_owned())
            }
        });
        let answers = futures::future::join_all(sends).await;
        let polls = answers.iter().map(|(_, id)| {
            let status = format!("{url}/admin/control/v1/orgs/org/auth-policy/task/{id}");
            let http = &http;
            async move {
                let status: atlassian_admin_api::types::AuthPolicyTaskStatus = http
                    .get(status)
                    .bearer_auth("bench-key")
                    .send()
                    .await
                    .expect("status")
                    .json()
                    .await
                    .expect("status body");
                assert_eq!(status.in_progress_count, Some(0));
            }
        });
        futures::future::join_all(polls).await;
        finished.extend(answers.iter().map(|(done, _)| *done));
    }
    start.elapsed()
}
