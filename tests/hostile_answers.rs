//! Answers a hostile server or a gateway may send: HTML error pages, huge
//! bodies, redirects. Each error keeps its status and a bounded body, and no
//! body or key follows a redirect.

mod server;

use std::time::{Duration, Instant};

use atlassian_admin_api::response::{TruncatedBody, BODY_PREFIX_LIMIT};
use atlassian_admin_api::types::{self, ControlErrors};
use atlassian_admin_api::{Client, RetryPolicy};
use progenitor_client::Error;
use serde_json::json;
use server::{Reply, TestServer};

const ORG_KEY: &str = "org-key-Zq81vT3";
const SCIM_KEY: &str = "scim-key-Hh27pW0";

fn client(base_url: &str) -> Client {
    Client::builder()
        .api_key(ORG_KEY)
        .scim_api_key(SCIM_KEY)
        .base_url(base_url)
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client")
}

async fn task_status(client: &Client) -> Result<i64, Error<ControlErrors>> {
    client
        .get_auth_policy_task_status()
        .org_id("org")
        .task_id("task")
        .send()
        .await
        .map(|s| s.success_count.unwrap_or_default())
}

async fn add_users(client: &Client, emails: &[&str]) -> Result<String, Error<ControlErrors>> {
    client
        .add_users_to_auth_policy()
        .org_id("org")
        .policy_id("policy")
        .body(
            types::AuthPolicyAddUsersRequest::builder()
                .users(emails.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>()),
        )
        .send()
        .await
        .map(|t| t.into_inner().task_id)
}

/// The status and body of an `UnexpectedResponse`, and whether the body was cut.
async fn unexpected_parts<E: std::fmt::Debug>(err: Error<E>) -> (u16, String, bool) {
    match err {
        Error::UnexpectedResponse(response) => {
            let status = response.status().as_u16();
            let truncated = response.extensions().get::<TruncatedBody>().is_some();
            (status, response.text().await.expect("body"), truncated)
        }
        other => panic!("expected UnexpectedResponse with a status, got {other}"),
    }
}

const GATEWAY_PAGE: &str =
    "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>";

#[tokio::test]
async fn a_documented_error_status_with_an_html_body_keeps_its_status_and_body() {
    // Every one of these is a documented error status of getAuthPolicyTaskStatus.
    for status in [400u16, 401, 403, 404, 429, 500] {
        let server =
            TestServer::start(move |_| Reply::raw(status, "text/html", GATEWAY_PAGE)).await;
        let err = task_status(&client(&server.url()))
            .await
            .expect_err("an error status");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err}");
        assert!(err.to_string().contains(&status.to_string()), "{err}");
        let (got, body, truncated) = unexpected_parts(err).await;
        assert_eq!(
            (got, body.as_str(), truncated),
            (status, GATEWAY_PAGE, false)
        );
    }
    // A JSON error body of the documented type still decodes as such.
    let server = TestServer::start(|_| {
        Reply::json(
            404,
            json!({"errors": [{"status": "404", "title": "no such task"}]}),
        )
    })
    .await;
    let err = task_status(&client(&server.url())).await.expect_err("404");
    let Error::ErrorResponse(answer) = err else {
        panic!("a documented JSON error decodes: {err}");
    };
    assert_eq!(answer.status().as_u16(), 404);
    assert_eq!(answer.errors[0].title.as_deref(), Some("no such task"));
}

#[tokio::test]
async fn error_bodies_are_cut_to_the_prefix_limit_documented_or_not() {
    let huge = format!("<html>{}</html>", "gateway ".repeat(2 * 1024 * 1024));
    // 500 is documented, 418 is not: both keep the status and a 64 KiB prefix.
    for status in [500u16, 418] {
        let page = huge.clone();
        let server =
            TestServer::start(move |_| Reply::raw(status, "text/html", page.clone())).await;
        let err = task_status(&client(&server.url()))
            .await
            .expect_err("an error status");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
        let shown = format!("{err} {err:?}");
        assert!(shown.len() < 8 * 1024, "{} bytes shown", shown.len());
        let (got, body, truncated) = unexpected_parts(err).await;
        assert_eq!(got, status);
        assert_eq!(body.len(), BODY_PREFIX_LIMIT);
        assert!(huge.starts_with(&body));
        assert!(truncated, "a cut body is marked");
    }
}

#[tokio::test]
async fn formatting_the_error_of_a_200_mib_answer_stays_small_and_fast() {
    // Control characters: the worst case for `Debug` escaping (4 chars a byte).
    let size = 200 * 1024 * 1024;
    let server =
        TestServer::start(move |_| Reply::raw(200, "application/json", "\u{1}".repeat(size))).await;
    let err = task_status(&client(&server.url()))
        .await
        .expect_err("not JSON");
    let started = Instant::now();
    let display = err.to_string();
    let debug = format!("{err:?}");
    let took = started.elapsed();
    let Error::InvalidResponsePayload(prefix, _) = &err else {
        panic!("a success status whose body does not decode: {err}");
    };
    assert_eq!(prefix.len(), BODY_PREFIX_LIMIT);
    let bound = 4 * BODY_PREFIX_LIMIT + 1024;
    assert!(display.len() <= bound, "Display: {} bytes", display.len());
    assert!(debug.len() <= bound, "Debug: {} bytes", debug.len());
    assert!(took < Duration::from_secs(1), "formatting took {took:?}");
    eprintln!(
        "200 MiB answer: error formatted in {took:?}, Display {} bytes",
        display.len()
    );
}

#[tokio::test]
async fn a_redirect_to_another_origin_gets_neither_the_body_nor_the_key() {
    let elsewhere = TestServer::start(|_| {
        Reply::json(
            202,
            json!({"taskId": "stolen", "taskLink": "https://x.test/t"}),
        )
    })
    .await;
    for status in [307u16, 308, 302, 301] {
        let target = format!(
            "{}/admin/v1/orgs/org/auth-policy/policy/add-users",
            elsewhere.url()
        );
        let server = TestServer::start(move |_| {
            Reply::raw(status, "text/html", "moved").with_header("location", &target)
        })
        .await;
        let err = add_users(&client(&server.url()), &["ada@acme.example"])
            .await
            .expect_err("a redirect is an error");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(status), "{err}");
        let Error::UnexpectedResponse(response) = &err else {
            panic!("{err}");
        };
        assert!(response.headers().get("location").is_some());
        assert_eq!(server.seen().len(), 1);
    }
    assert!(
        elsewhere.seen().is_empty(),
        "the other origin saw: {:?}",
        elsewhere.seen()
    );
}

#[tokio::test]
async fn a_same_origin_redirect_to_a_scim_path_never_carries_the_org_key() {
    let server = TestServer::start(|req| {
        if req.path.contains("/scim/") {
            Reply::json(200, json!({"Resources": [], "totalResults": 0}))
        } else {
            Reply::raw(307, "text/plain", "see SCIM")
                .with_header("location", "/scim/directory/d/Users")
        }
    })
    .await;
    let err = task_status(&client(&server.url()))
        .await
        .expect_err("a redirect is an error");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(307));
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "not followed: {seen:?}");
    assert!(seen.iter().all(|s| !s.path.contains("/scim/")));
    assert!(!format!("{err} {err:?}").contains(ORG_KEY));
}
