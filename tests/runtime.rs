//! Client construction, keys, retries and rate-limit handling, end to end
//! against a local server, on a manual clock (no real sleeping).

mod server;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use atlassian_admin_api::clock::{Clock, ManualClock};
use atlassian_admin_api::{Client, RetryPolicy};
use serde_json::json;
use server::{Reply, Seen, TestServer};

const ORG_KEY: &str = "org-key-Zq81vT3";
const SCIM_KEY: &str = "scim-key-Hh27pW0";

fn policy() -> RetryPolicy {
    RetryPolicy {
        jitter: false,
        ..RetryPolicy::default()
    }
}

fn client(server: &TestServer, clock: &ManualClock, retry: RetryPolicy) -> Client {
    Client::builder()
        .api_key(ORG_KEY)
        .scim_api_key(SCIM_KEY)
        .base_url(server.url())
        .retry(retry)
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client")
}

/// Answers the first `failures` requests with `failure`, then with `success`.
fn fail_then(failures: usize, failure: Reply, success: Reply) -> impl Fn(&Seen) -> Reply {
    let calls = AtomicUsize::new(0);
    move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) < failures {
            failure.clone()
        } else {
            success.clone()
        }
    }
}

fn task_status_ok() -> Reply {
    Reply::json(
        200,
        json!({"inProgressCount": 0, "successCount": 2, "failureCount": 0, "failureReasons": []}),
    )
}

async fn get_status(
    client: &Client,
) -> Result<i64, atlassian_admin_api::Error<atlassian_admin_api::types::ControlErrors>> {
    client
        .get_auth_policy_task_status()
        .org_id("org")
        .task_id("task")
        .send()
        .await
        .map(|s| s.success_count.unwrap_or_default())
}

async fn add_users(
    client: &Client,
) -> Result<String, atlassian_admin_api::Error<atlassian_admin_api::types::ControlErrors>> {
    client
        .add_users_to_auth_policy()
        .org_id("org")
        .policy_id("policy")
        .body(
            atlassian_admin_api::types::AuthPolicyAddUsersRequest::builder()
                .users(vec!["a@example.com".to_owned()]),
        )
        .send()
        .await
        .map(|t| t.into_inner().task_id)
}

#[test]
fn debug_output_never_contains_a_key() {
    let client = Client::builder()
        .api_key(ORG_KEY)
        .scim_api_key(SCIM_KEY)
        .build()
        .expect("client");
    let shown = format!("{client:?} {:?} {:#?}", client.state(), client);
    assert!(
        !shown.contains(ORG_KEY) && !shown.contains(SCIM_KEY),
        "{shown}"
    );
    assert!(
        shown.contains("SecretToken(***)"),
        "the keys are there, redacted: {shown}"
    );
    let token = atlassian_admin_api::SecretToken::new(ORG_KEY);
    assert_eq!(format!("{token} {token:?}"), "*** SecretToken(***)");
}

#[tokio::test]
async fn each_operation_gets_its_own_key_and_the_standard_headers() {
    let server = TestServer::start(|_| Reply::json(200, json!({}))).await;
    let clock = ManualClock::default();
    let client = client(&server, &clock, policy());
    get_status(&client).await.expect("all counts are optional");
    client
        .follow_link::<serde_json::Value, ()>("/scim/directory/d1/Users", "list_scim_users")
        .await
        .expect("scim page");
    let seen = server.seen();
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {ORG_KEY}").as_str())
    );
    assert_eq!(
        seen[1].header("authorization"),
        Some(format!("Bearer {SCIM_KEY}").as_str())
    );
    assert_eq!(seen[0].header("api-version"), Some("1.0.0"));
    assert!(seen[0]
        .header("user-agent")
        .is_some_and(|ua| ua.starts_with("atlassian-admin-api/")));
}

/// The key comes from the operation's `security` in the spec, not from the
/// URL: an organization operation whose URL happens to contain
/// `/scim/directory/` (here through the base URL's path) still gets the
/// organization key, and a SCIM operation the SCIM key.
#[tokio::test]
async fn the_key_follows_the_operation_not_the_url() {
    let server = TestServer::start(|_| Reply::json(200, json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 0, "Resources": []}))).await;
    let clock = ManualClock::default();
    let client = Client::builder()
        .api_key(ORG_KEY)
        .scim_api_key(SCIM_KEY)
        .base_url(format!("{}/scim/directory/stem", server.url()))
        .retry(policy())
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client");
    get_status(&client).await.expect("status");
    client
        .list_scim_users()
        .directory_id("scim")
        .send()
        .await
        .expect("scim page");
    let seen = server.seen();
    assert!(
        seen[0].path.contains("/scim/directory/stem/admin/"),
        "{}",
        seen[0].path
    );
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {ORG_KEY}").as_str())
    );
    assert_eq!(
        seen[1].header("authorization"),
        Some(format!("Bearer {SCIM_KEY}").as_str())
    );
}

/// An organization-only client sends no key at all to a SCIM operation
/// (the API answers 401), rather than the wrong secret.
#[tokio::test]
async fn a_missing_key_is_never_replaced_by_the_other_one() {
    let server = TestServer::start(|_| Reply::json(401, json!({}))).await;
    let client = Client::builder()
        .api_key(ORG_KEY)
        .base_url(server.url())
        .retry(policy())
        .build()
        .expect("client");
    let _ = client.list_scim_users().directory_id("d").send().await;
    assert_eq!(server.seen()[0].header("authorization"), None);
}

#[tokio::test]
async fn retry_after_seconds_is_honoured_on_the_clock() {
    let limited = Reply::json(429, json!({})).with_header("retry-after", "7");
    let server = TestServer::start(fail_then(2, limited, task_status_ok())).await;
    let clock = ManualClock::default();
    let client = client(&server, &clock, policy());
    assert_eq!(
        get_status(&client).await.expect("third attempt succeeds"),
        2
    );
    assert_eq!(server.seen().len(), 3);
    assert_eq!(
        clock.sleeps(),
        [Duration::from_secs(7), Duration::from_secs(7)]
    );
}

#[tokio::test]
async fn retry_after_http_date_and_rate_limit_reset_are_honoured() {
    let clock = ManualClock::default();
    let in_30s = chrono::DateTime::<chrono::Utc>::from(clock.now() + Duration::from_secs(30));
    let date = in_30s.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let reset_epoch = (clock.now() + Duration::from_secs(12))
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        .to_string();
    let calls = AtomicUsize::new(0);
    let server = TestServer::start(move |_| match calls.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::json(429, json!({})).with_header("retry-after", &date),
        1 => Reply::json(429, json!({})).with_header("x-ratelimit-reset", &reset_epoch),
        _ => task_status_ok(),
    })
    .await;
    let client = client(&server, &clock, policy());
    get_status(&client).await.expect("third attempt succeeds");
    // The reset time is absolute: 12 s after the start, 30 s have already passed.
    assert_eq!(clock.sleeps(), [Duration::from_secs(30), Duration::ZERO]);
}

#[tokio::test]
async fn a_post_is_retried_on_429_but_never_on_5xx() {
    let accepted = Reply::json(
        202,
        json!({"taskId": "t-1", "taskLink": "https://example.test/t-1"}),
    );
    let limited = Reply::json(429, json!({})).with_header("retry-after", "1");
    let server = TestServer::start(fail_then(1, limited, accepted)).await;
    let clock = ManualClock::default();
    assert_eq!(
        add_users(&client(&server, &clock, policy()))
            .await
            .expect("retried"),
        "t-1"
    );
    assert_eq!(server.seen().len(), 2);

    let broken = Reply::json(503, json!({"message": "maintenance window"}));
    let server = TestServer::start(move |_| broken.clone()).await;
    let err = add_users(&client(&server, &clock, policy()))
        .await
        .expect_err("503");
    assert_eq!(
        server.seen().len(),
        1,
        "a POST that failed with 5xx may have acted"
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    let answer = err.answer().expect("503 is not a documented answer");
    assert!(answer.text().contains("maintenance window"));
    assert_eq!(
        err.to_string(),
        "addUsersToAuthPolicy: 503 Service Unavailable: maintenance window"
    );
}

#[tokio::test]
async fn a_get_is_retried_on_5xx_with_backoff_then_keeps_the_last_answer() {
    let broken = Reply::json(404, json!({"errors": [{"status": 404, "title": "gone"}]}));
    let server = TestServer::start(fail_then(
        usize::MAX,
        Reply::json(502, json!({"why": "upstream"})),
        broken,
    ))
    .await;
    let clock = ManualClock::default();
    let err = get_status(&client(&server, &clock, policy()))
        .await
        .expect_err("always 502");
    assert_eq!(server.seen().len(), 4, "max_attempts");
    let ms: Vec<u128> = clock.sleeps().iter().map(Duration::as_millis).collect();
    assert_eq!(ms, [500, 1000, 2000]);
    let answer = err.answer().expect("502 is not a documented answer");
    assert_eq!(answer.status().as_u16(), 502);
    assert_eq!(answer.text(), r#"{"why":"upstream"}"#);
    assert_eq!(
        err.to_string(),
        r#"getAuthPolicyTaskStatus: 502 Bad Gateway: {"why":"upstream"}"#
    );
}

#[tokio::test]
async fn waits_beyond_the_time_budget_and_disabled_retries_are_not_taken() {
    let limited = Reply::json(429, json!({})).with_header("retry-after", "3600");
    let server = TestServer::start(move |_| limited.clone()).await;
    let clock = ManualClock::default();
    let err = get_status(&client(&server, &clock, policy()))
        .await
        .expect_err("429");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(server.seen().len(), 1);
    assert!(clock.sleeps().is_empty());

    let server = TestServer::start(|_| Reply::json(503, json!({}))).await;
    get_status(&client(&server, &clock, RetryPolicy::disabled()))
        .await
        .expect_err("503");
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn connection_errors_are_retried_for_gets() {
    // A port that was just free: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    drop(listener);
    let clock = ManualClock::default();
    let client = Client::builder()
        .api_key(ORG_KEY)
        .base_url(url)
        .retry(policy())
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client");
    let err = get_status(&client).await.expect_err("refused");
    assert!(matches!(
        err.kind(),
        atlassian_admin_api::error::ErrorKind::Communication(_)
    ));
    let line = err.to_string();
    assert!(
        line.starts_with("getAuthPolicyTaskStatus: request failed: error sending request for url (http://127.0.0.1:"),
        "{line}"
    );
    assert!(!line.contains('\n'), "{line}");
    assert_eq!(
        clock.sleeps().len(),
        3,
        "three retries after the first attempt"
    );
    assert!(!format!("{err} {err:?}").contains(ORG_KEY));
}

/// `actor`, `ip` and `product` of `getEvents` are `style: form, explode: false`:
/// the API wants one comma-separated value, not one key per value.
#[tokio::test]
async fn comma_separated_query_arrays_are_joined() {
    let server =
        TestServer::start(|_| Reply::json(200, json!({"data": [], "links": {}, "meta": {}}))).await;
    let clock = ManualClock::default();
    let client = client(&server, &clock, policy());
    let _ = client
        .get_events()
        .org_id("org-1")
        .actor(vec!["acc-1".to_owned(), "acc-2".to_owned()])
        .product(vec![
            atlassian_admin_api::types::EventProductFilter::Jira,
            atlassian_admin_api::types::EventProductFilter::Confluence,
        ])
        .limit(std::num::NonZeroU32::new(50).expect("non-zero"))
        .send()
        .await;
    let seen = server.seen();
    assert_eq!(seen[0].path, "/admin/v1/orgs/org-1/events");
    assert_eq!(seen[0].param("actor").as_deref(), Some("acc-1,acc-2"));
    assert_eq!(seen[0].param("product").as_deref(), Some("jira,confluence"));
    assert_eq!(seen[0].param("limit").as_deref(), Some("50"));
    assert_eq!(
        seen[0].query.matches("actor=").count(),
        1,
        "{}",
        seen[0].query
    );
}

#[tokio::test]
async fn absurd_rate_limit_waits_give_the_429_back_without_panicking_or_sleeping() {
    let absurd = [
        ("x-ratelimit-reset", "18446744073709551615"),
        ("x-ratelimit-reset", "99999999999999999999999999"),
        ("x-ratelimit-reset", "9999-12-31T23:59:59Z"),
        ("retry-after", "18446744073709551615"),
        ("retry-after", "340282366920938463463374607431768211456"),
        ("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT"),
    ];
    // Even a policy that would wait forever does not take such a wait.
    let unbounded = RetryPolicy {
        max_elapsed: Duration::MAX,
        max_attempts: u32::MAX,
        ..policy()
    };
    for (header, value) in absurd {
        for retry in [policy(), unbounded.clone()] {
            let limited = Reply::json(429, json!({})).with_header(header, value);
            let server = TestServer::start(move |_| limited.clone()).await;
            let clock = ManualClock::default();
            let err = get_status(&client(&server, &clock, retry))
                .await
                .expect_err("429");
            assert_eq!(
                err.status().map(|s| s.as_u16()),
                Some(429),
                "{header}: {value}"
            );
            assert_eq!(server.seen().len(), 1, "{header}: {value}");
            assert!(clock.sleeps().is_empty(), "{header}: {value}");
        }
    }
}
