//! Answers a hostile server or a gateway may send: HTML error pages, huge
//! bodies, redirects. Each error keeps its status and a bounded body, and no
//! body or key follows a redirect.

mod server;

use std::time::{Duration, Instant};

use atlassian_admin_api::error::ErrorKind;
use atlassian_admin_api::response::BODY_PREFIX_LIMIT;
use atlassian_admin_api::types::{self, ControlErrors};
use atlassian_admin_api::{Client, Error, RetryPolicy};
use atlassian_admin_mock_server::Wire;
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

/// The status and body of an unexpected answer, and whether the body was cut.
fn unexpected_parts<E: serde::Serialize + std::fmt::Debug>(err: Error<E>) -> (u16, String, bool) {
    match err.kind() {
        ErrorKind::UnexpectedAnswer(answer) => (
            answer.status().as_u16(),
            answer.text().into_owned(),
            answer.is_truncated(),
        ),
        _ => panic!("expected an unexpected answer with a status, got {err}"),
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
        assert_eq!(
            err.to_string(),
            format!(
                "getAuthPolicyTaskStatus: {}: an HTML page titled \"502 Bad Gateway\"",
                err.status().expect("status")
            )
        );
        let (got, body, truncated) = unexpected_parts(err);
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
    assert_eq!(err.status().map(|s| s.as_u16()), Some(404));
    let answer = err.error_body().expect("a documented JSON error decodes");
    assert_eq!(answer.errors[0].title.as_deref(), Some("no such task"));
    assert_eq!(
        err.to_string(),
        "getAuthPolicyTaskStatus: 404 Not Found: no such task"
    );
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
        let (got, body, truncated) = unexpected_parts(err);
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
    let ErrorKind::InvalidAnswer(answer, _) = err.kind() else {
        panic!("a success status whose body does not decode: {err}");
    };
    assert_eq!(answer.body().len(), BODY_PREFIX_LIMIT);
    assert!(answer.is_truncated());
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200));
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
        let answer = err.answer().expect("an unexpected answer");
        assert!(answer.headers().get("location").is_some());
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

/// A success status whose body is cut short or is a gateway's HTML page
/// keeps its status and headers beside the body and the decoding error.
#[tokio::test]
async fn a_200_with_a_broken_body_keeps_its_status_and_headers() {
    let cases: [(&str, &str, &str); 2] = [
        (
            "application/json",
            r#"{"taskId": "t-1", "successCo"#,
            "getAuthPolicyTaskStatus: 200 OK: the answer does not fit the spec: EOF while parsing a string at line 1 column 28",
        ),
        (
            "text/html",
            GATEWAY_PAGE,
            "getAuthPolicyTaskStatus: 200 OK: the answer does not fit the spec: expected value at line 1 column 1",
        ),
    ];
    for (content_type, body, line) in cases {
        let server = TestServer::start(move |_| {
            Reply::raw(200, content_type, body).with_header("x-request-id", "req-7")
        })
        .await;
        let err = task_status(&client(&server.url()))
            .await
            .expect_err("a broken body");
        assert_eq!(err.status().map(|s| s.as_u16()), Some(200), "{err}");
        let headers = err.headers().expect("headers kept");
        assert_eq!(
            headers.get("x-request-id").map(|v| v.as_bytes()),
            Some(&b"req-7"[..])
        );
        let ErrorKind::InvalidAnswer(answer, _) = err.kind() else {
            panic!("an invalid answer: {err:?}");
        };
        assert_eq!(answer.text(), body);
        assert!(!answer.is_truncated());
        assert_eq!(err.to_string(), line);
    }
}

/// A 200 whose body stops arriving (the headers announce more than the
/// connection delivers) keeps its status, headers and what arrived, beside
/// the transport error.
#[tokio::test]
async fn a_200_cut_short_on_the_wire_keeps_its_status_headers_and_what_arrived() {
    let body = r#"{"taskId": "t-1", "status": "IN_PROGRESS", "successCount": 0}"#;
    let server = TestServer::start(move |_| {
        Reply::raw(200, "application/json", body)
            .with_header("x-request-id", "req-9")
            .on_wire(Wire::Truncate)
    })
    .await;
    let err = task_status(&client(&server.url()))
        .await
        .expect_err("a body cut short");
    assert_eq!(err.status().map(|s| s.as_u16()), Some(200), "{err}");
    assert_eq!(
        err.headers()
            .and_then(|h| h.get("x-request-id"))
            .map(|v| v.as_bytes()),
        Some(&b"req-9"[..])
    );
    let ErrorKind::CutShort(answer, _) = err.kind() else {
        panic!("a cut-short answer: {err:?}");
    };
    assert_eq!(answer.text(), &body[..body.len() / 2]);
    assert!(answer.is_truncated());
    let line = err.to_string();
    assert!(
        line.starts_with("getAuthPolicyTaskStatus: 200 OK: the answer was cut short: "),
        "{line}"
    );
    assert!(!line.contains('\n'), "{line}");
    assert!(std::error::Error::source(&err).is_some());
}

/// Text from an answer never reaches a terminal unescaped: the one-line
/// `Display` escapes control characters and bounds the message.
#[tokio::test]
async fn api_messages_are_one_escaped_bounded_line() {
    let hostile = format!(
        "bad\n::error file=x,line=1::owned\u{1b}[31m{}",
        "x".repeat(1000)
    );
    let body = json!({"errors": [{"status": "400", "detail": hostile}]});
    let server = TestServer::start(move |_| Reply::json(400, body.clone())).await;
    let err = task_status(&client(&server.url())).await.expect_err("400");
    let line = err.to_string();
    assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line}");
    assert!(
        line.starts_with("getAuthPolicyTaskStatus: 400 Bad Request: bad\\n::error file=x,line=1::owned\\u{1b}[31mxxx"),
        "{line}"
    );
    assert!(line.ends_with('…'), "{line}");
    assert!(line.chars().count() < 400, "{} chars", line.chars().count());
}
